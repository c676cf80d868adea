/**
 * What the browser tests share: Debian's Chromium (installed by scripts/setup.sh) driven headless through
 * playwright-core, and a private build of the dashboard from the current sources.
 */
import { existsSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, chromium } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";
const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Whether Debian's Chromium is installed; its absence fails each browser test file (no silent skip). */
export const hasChromium = existsSync(CHROMIUM);

/**
 * Builds the dashboard from the current sources into a private temp folder (vite `build()`, ≈ 2 s): the
 * test never serves a stale `web/dist`, and a concurrent `npm run build` cannot swap the hashed assets
 * under the running page. The caller removes the folder.
 */
export async function buildWeb(): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), "shushi-e2e-web-"));
  const { build } = await import("vite");
  await build({
    configFile: join(ROOT, "web/vite.config.ts"),
    logLevel: "silent",
    build: { outDir, emptyOutDir: true },
  });
  return outDir;
}

/** Debian's Chromium, headless, without background traffic. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
