/**
 * Locations inside the installed project (I/O edge). The repository root is found by walking up
 * from this module to the `package.json` named "shushi", so code runs the same from `src/` (tsx)
 * and from any compiled layout.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

let cachedRoot: string | undefined;

/** Absolute path of the repository root. */
export function repoRoot(): string {
  if (cachedRoot !== undefined) return cachedRoot;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, "package.json");
    if (existsSync(pkg)) {
      try {
        const name = (JSON.parse(readFileSync(pkg, "utf8")) as { name?: unknown }).name;
        if (name === "shushi") {
          cachedRoot = dir;
          return dir;
        }
      } catch {
        // not ours; keep walking
      }
    }
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error(`repoRoot: package.json of shushi not found above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}

/** Absolute path of a repository-relative path. */
export function repoPath(...parts: string[]): string {
  return resolve(repoRoot(), ...parts);
}

/** The software version (package.json), recorded in every provenance record. */
export function softwareVersion(): string {
  const pkg = JSON.parse(readFileSync(join(repoRoot(), "package.json"), "utf8")) as { version: string };
  return `shushi@${pkg.version}`;
}

/** Default data directory for the embedded store: $SHUSHI_DATA_DIR or `<repo>/.shushi`. */
export function defaultDataDir(env: Readonly<Record<string, string | undefined>> = process.env): string {
  return env.SHUSHI_DATA_DIR ?? join(repoRoot(), ".shushi");
}
