import { describe, expect, it } from "vitest";
import type { DataIssue } from "../data/index.js";
import { type DatasetImporter, datasetsImport } from "./datasets.js";

describe("datasetsImport", () => {
  it("rejects with the located errors only (no max-imbalance summaries), like --input and validate", async () => {
    const error: DataIssue = {
      code: "out_of_balance",
      severity: "error",
      path: { file: "t.csv", row: 5, column: 8, columnName: "output" },
      params: { axis: "row", sector: "02" },
    };
    const summary: DataIssue = {
      code: "out_of_balance",
      severity: "warning",
      path: { file: "t.csv" },
      params: { axis: "column", summary: true },
    };
    const importer: DatasetImporter = async () => ({ ok: false, issues: [error, summary] });
    await expect(datasetsImport(importer, new Uint8Array(1), { file: "t.csv", id: "t" })).rejects.toMatchObject({
      issues: [error],
    });
  });
});

describe("datasetsImport of every kind", () => {
  it("lists the importable kinds once", async () => {
    const { IMPORT_KINDS } = await import("./datasets.js");
    expect([...IMPORT_KINDS].sort()).toEqual(
      ["classification", "concordance", "io_table", "panel", "registry", "text_corpus", "time_series"].sort(),
    );
  });

  it("passes a path input, the kind and the kind's options to the importer unchanged", async () => {
    const calls: unknown[] = [];
    const importer: DatasetImporter = async (input, options) => {
      calls.push([input, options]);
      return { ok: false, issues: [] };
    };
    await datasetsImport(
      importer,
      { path: "/data/p.csv" },
      { file: "p.csv", id: "p", kind: "panel", frequency: "annual" },
    ).catch(() => undefined);
    expect(calls).toEqual([[{ path: "/data/p.csv" }, { file: "p.csv", id: "p", kind: "panel", frequency: "annual" }]]);
  });

  it("imports a panel through the store importer and invalidates cached results naming it on replace", async () => {
    const { mkdtempSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { openDataStore } = await import("./store.js");
    const { repoPath } = await import("../data/paths.js");
    const dir = mkdtempSync(join(tmpdir(), "shushi-app-kinds-"));
    const ds = await openDataStore(dir, { build: false });
    try {
      const r = await datasetsImport(
        ds.importer,
        { path: repoPath("test", "fixtures", "kinds", "panel-long.csv") },
        {
          file: "panel-long.csv",
          id: "pl",
          kind: "panel",
        },
      );
      expect(r.dataset).toMatchObject({ id: "pl", kind: "panel", frequency: "annual" });
      expect((await ds.source.loadSeries?.("pl"))?.observations).toHaveLength(3);
      await ds.resultCache.put("k", "m", ["pl"], "[1]");
      expect(await ds.resultCache.get("k")).toBe("[1]");
      await expect(
        datasetsImport(
          ds.importer,
          { path: repoPath("test", "fixtures", "kinds", "panel-long.csv") },
          {
            file: "panel-long.csv",
            id: "pl",
            kind: "panel",
            replace: true,
          },
        ),
      ).resolves.toBeDefined();
      expect(await ds.resultCache.get("k")).toBeUndefined();
    } finally {
      await ds.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
