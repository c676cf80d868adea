/**
 * vitest globalSetup: builds one store from the shipped data (data/shipped, `buildStore`) into a temp
 * directory before the run and passes its path to the test files as `inject("shushiStoreDir")`. Test
 * files that need the real app (chart and report golden tests, the browser test) open a private copy
 * of it (test/helpers/real-app.ts) — the DuckDB file is opened by one process at a time and test files
 * run in separate forks. Removed after the run.
 *
 * Cost: one build per `vitest run`, instead of one per test file that needs it. Measured on the 2-core
 * machine (load average 4–8): a one-file run takes 7.3–7.6 s with this setup and 3.8–4.3 s without, i.e.
 * ≈ 3.5 s added per run (8.5 s when the machine is busier); the DuckDB file is 22 MB and each test file's
 * private copy takes well under a second.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { buildStore } from "../../src/data/store/duckdb.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** a store built from the shipped data; open a copy (test/helpers/real-app.ts), never this one */
    shushiStoreDir: string;
  }
}

let dir: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  dir = await mkdtemp(join(tmpdir(), "shushi-test-store-"));
  await buildStore(dir);
  project.provide("shushiStoreDir", dir);
}

export async function teardown(): Promise<void> {
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
}
