/**
 * Browser test of the dashboard: builds `web/dist` when missing (vite `build()`), serves it with the
 * API in-process on a free port, drives Debian's Chromium headless through playwright-core.
 *
 * API: the real `createApp` from `src/server/app.ts` over a store built into a temp dir from the shipped
 * data when that works; otherwise the FAKE API of `test/e2e/fake-api.ts` (fixture JSON). Force one with
 * `SHUSHI_E2E_API=real|fake`. The mode is recorded as a test annotation.
 * Skipped only when /usr/bin/chromium is absent (CI installs it).
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type ServerType, serve } from "@hono/node-server";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFakeApiApp } from "./fake-api.js";

const CHROMIUM = "/usr/bin/chromium";
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const WEB_DIST = join(ROOT, "web/dist");
const hasChromium = existsSync(CHROMIUM);

interface ChartSummary {
  title: string;
  subtitle: string;
  seriesCount: number;
  dataCount: number;
  renderCount: number;
}

let mode: "real" | "fake" = "fake";
let modeNote = "";
let cleanup: (() => Promise<void>) | undefined;

/** Newest mtime (ms) of the files under `dir` (recursive), 0 when absent. */
function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(path).map((n) => newestMtime(join(path, n))));
}

/** Builds web/dist when it is missing or older than the dashboard sources. */
async function ensureWebBuilt(): Promise<void> {
  const built = existsSync(join(WEB_DIST, "index.html")) ? statSync(join(WEB_DIST, "index.html")).mtimeMs : 0;
  const sources = Math.max(
    ...["web/src", "web/charts", "web/index.html", "web/vite.config.ts"].map((p) => newestMtime(join(ROOT, p))),
  );
  if (built > 0 && built >= sources) return;
  const { build } = await import("vite");
  await build({ configFile: join(ROOT, "web/vite.config.ts"), logLevel: "silent" });
}

/**
 * The real server: `startServer` of `src/server/main.ts` (API from `createApp` + web/dist) over a store
 * built into a temp dir from the shipped data; undefined with the reason when it is not available.
 */
async function realServer(): Promise<{ url: string; close: () => Promise<void> } | { reason: string }> {
  if (!existsSync(join(ROOT, "src/server/main.ts")) || !existsSync(join(ROOT, "src/app/store.ts"))) {
    return { reason: "src/server/main.ts or src/app/store.ts not present" };
  }
  const dir = await mkdtemp(join(tmpdir(), "shushi-e2e-store-"));
  let closeStore: () => Promise<void> = async () => {};
  try {
    const mainPath = "../../src/server/main.js";
    const storePath = "../../src/app/store.js";
    const { startServer } = (await import(/* @vite-ignore */ mainPath)) as {
      startServer: (o: {
        port: number;
        host: string;
        store: unknown;
        webDist: string;
      }) => Promise<{ url: string; close: () => Promise<void> }>;
    };
    const { openDataStore } = (await import(/* @vite-ignore */ storePath)) as {
      openDataStore: (dir: string) => Promise<{ close: () => Promise<void> }>;
    };
    const store = await openDataStore(dir);
    closeStore = () => store.close();
    const running = await startServer({ port: 0, host: "127.0.0.1", store, webDist: WEB_DIST });
    return {
      url: running.url.replace(/\/$/, ""),
      close: async () => {
        await running.close();
        await store.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await closeStore().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
    return { reason: `real server unavailable: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** The FAKE API (fixture JSON) plus web/dist on a free port. */
async function fakeServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const api = createFakeApiApp();
  const outer = new Hono();
  outer.all("/api/*", (c) => api.fetch(c.req.raw));
  outer.use("/*", serveStatic({ root: WEB_DIST }));
  outer.get("/*", async (c) => c.html(await readFile(join(WEB_DIST, "index.html"), "utf8")));
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: outer.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

async function startServer(): Promise<{ url: string }> {
  const want = process.env.SHUSHI_E2E_API;
  const real = want === "fake" ? { reason: "SHUSHI_E2E_API=fake" } : await realServer();
  if ("url" in real) {
    mode = "real";
    modeNote = "real startServer/createApp (src/server) over a store built from the shipped data";
    cleanup = real.close;
    return { url: real.url };
  }
  if (want === "real") throw new Error(real.reason);
  mode = "fake";
  modeNote = `FAKE API fixtures (test/e2e/fixtures): ${real.reason}`;
  const fake = await fakeServer();
  cleanup = fake.close;
  return { url: fake.url };
}

async function chartSummaries(page: Page): Promise<Record<string, ChartSummary>> {
  return page.evaluate(
    () => (window as unknown as { __shushiCharts?: Record<string, ChartSummary> }).__shushiCharts ?? {},
  );
}

async function waitForCharts(page: Page, minRender: Record<string, number> = {}): Promise<void> {
  await page.waitForFunction(
    (min) => {
      const c = (window as unknown as { __shushiCharts?: Record<string, { dataCount: number; renderCount: number }> })
        .__shushiCharts;
      if (c === undefined) return false;
      return ["series", "quadrant", "heatmap"].every(
        (k) => (c[k]?.dataCount ?? 0) > 0 && (c[k]?.renderCount ?? 0) >= (min[k] ?? 1),
      );
    },
    minRender,
    { timeout: 15_000 },
  );
}

describe.skipIf(!hasChromium)("dashboard (Chromium)", () => {
  let browser: Browser;
  let url = "";
  const problems: string[] = [];

  beforeAll(async () => {
    await ensureWebBuilt();
    ({ url } = await startServer());
    browser = await chromium.launch({
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
  });

  afterAll(async () => {
    await browser?.close();
    await cleanup?.();
  });

  async function openPage(path: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(`console.error: ${m.text()}`);
    });
    page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
    await page.goto(`${url}${path}`);
    return page;
  }

  it("draws the three IO charts in Chinese by default, with provenance on hover", async (ctx) => {
    ctx.annotate(`API: ${mode} — ${modeNote}`);
    const page = await openPage("/");
    await waitForCharts(page);
    expect(await page.locator("html").getAttribute("lang")).toBe("zh-CN");
    expect(await page.getByTestId("page-title").textContent()).toBe("投入产出关联分析");
    for (const id of ["chart-series", "chart-quadrant", "chart-heatmap"]) {
      const canvas = page.locator(`#${id} canvas, #${id} svg`).first();
      const box = await canvas.boundingBox();
      expect(box?.width ?? 0, id).toBeGreaterThan(100);
      expect(box?.height ?? 0, id).toBeGreaterThan(100);
    }
    const charts = await chartSummaries(page);
    expect(charts.series?.title).toBe("数字部门影响力系数与感应度系数");
    expect(charts.series?.seriesCount).toBeGreaterThanOrEqual(2);
    expect(charts.quadrant?.dataCount).toBeGreaterThan(30);
    expect(charts.heatmap?.dataCount).toBeGreaterThan(1000);
    expect(await page.locator("[data-testid=sector-table] tbody tr").count()).toBeGreaterThan(30);
    expect(await page.getByTestId("provenance").textContent()).toContain("SHA-256");
    // hover a heatmap cell: the ECharts tooltip shows names and provenance
    const heat = page.locator("#chart-heatmap");
    await heat.scrollIntoViewIfNeeded();
    const hb = await heat.boundingBox();
    if (hb === null) throw new Error("no heatmap box");
    await page.mouse.move(hb.x + hb.width * 0.5, hb.y + hb.height * 0.45);
    await expect.poll(async () => (await heat.textContent()) ?? "", { timeout: 5_000 }).toContain("数据来源");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("reloads the quadrant when the table changes", async () => {
    const page = await openPage("/?lang=zh-CN");
    await waitForCharts(page);
    const before = await chartSummaries(page);
    const select = page.getByTestId("table-select");
    const options = await select.locator("option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(options.length).toBeGreaterThan(1);
    const current = await select.inputValue();
    const other = options.find((o) => o !== current) as string;
    await select.selectOption(other);
    await waitForCharts(page, { quadrant: (before.quadrant?.renderCount ?? 1) + 1 });
    const after = await chartSummaries(page);
    expect(after.quadrant?.subtitle).toBe(other);
    expect(before.quadrant?.subtitle).toBe(current);
    expect(await page.getByTestId("year-select").inputValue()).not.toBe("");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("switches to English, keeps it in ?lang= and localStorage", async () => {
    const page = await openPage("/");
    await waitForCharts(page);
    await page.getByTestId("lang-switch").click();
    await expect.poll(async () => page.getByTestId("page-title").textContent()).toBe("Input–output linkage analysis");
    await expect
      .poll(async () => (await chartSummaries(page)).series?.title, { timeout: 15_000 })
      .toBe("Digital block: influence and sensitivity coefficients");
    await waitForCharts(page);
    expect(new URL(page.url()).searchParams.get("lang")).toBe("en");
    expect(await page.evaluate(() => localStorage.getItem("shushi.lang"))).toBe("en");
    await page.goto(url); // no ?lang=: the stored choice wins
    await expect.poll(async () => page.getByTestId("page-title").textContent()).toBe("Input–output linkage analysis");
    expect(problems).toEqual([]);
    await page.close();
  });
});
