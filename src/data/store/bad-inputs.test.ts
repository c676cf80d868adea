/**
 * End-to-end check of the user-import path (importUserFile: ingest → generic reader → validation →
 * one-transaction import) against every committed fixture in test/fixtures/{hard,bad}:
 * - every bad file is rejected with the code and file/sheet/row/column path listed in
 *   test/fixtures/expected-issues.json, and the store — already holding one dataset — is left exactly
 *   as it was (`listDatasets()` and `counts()` identical, byte for byte as JSON);
 * - every hard file imports, round-trips through the store and reproduces the spec §5.9 three-sector
 *   influence coefficients.
 */
import { readdirSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAllClose } from "../../../test/helpers/close.js";
import { linkages } from "../../core/io-analysis/linkages.js";
import { closeParseThread } from "../ingest/isolated.js";
import type { DataIssue } from "../issues.js";
import { repoPath } from "../paths.js";
import { importUserFile } from "./build.js";
import { openStore, type Store } from "./duckdb.js";

interface ExpectedIssue {
  code: string;
  path: { sheet?: string; row?: number; column?: number; columnName?: string };
  params?: Record<string, unknown>;
  paramsClose?: Record<string, { value: number; rtol: number }>;
}
interface Fixture {
  file: string;
  stage: "read" | "validate";
  sheet?: string;
  unit?: string;
  issues: ExpectedIssue[];
  allowAlso?: string[];
}

const fixturesDir = repoPath("test", "fixtures");
const fixtures = (JSON.parse(readFileSync(`${fixturesDir}/expected-issues.json`, "utf8")) as { fixtures: Fixture[] })
  .fixtures;
const bytesOf = (rel: string): Uint8Array => new Uint8Array(readFileSync(`${fixturesDir}/${rel}`));
const byFile = new Map(fixtures.map((f) => [f.file, f]));
const badFiles = readdirSync(`${fixturesDir}/bad`)
  .map((f) => `bad/${f}`)
  .sort();
const hardFiles = readdirSync(`${fixturesDir}/hard`)
  .map((f) => `hard/${f}`)
  .sort();

/**
 * spec/methods.md §5.9 three-sector table, influence F (leontief variant), printed to 6 decimals
 * (numpy, spec §15 cmd C6): reproduced when |F − printed| ≤ 0.5e-6 (spec §0.2).
 */
const F_THREE_SECTOR = [1.175063, 0.876574, 0.948363];

/** The issue in `found` matching the expectation (code, full path incl. file, listed and close params). */
function findIssue(found: readonly DataIssue[], e: ExpectedIssue, file: string): DataIssue | undefined {
  const want: Record<string, unknown> = { file, ...e.path };
  return found.find(
    (i) =>
      i.code === e.code &&
      i.severity === "error" &&
      Object.entries(want).every(([k, v]) => (i.path as unknown as Record<string, unknown>)[k] === v) &&
      Object.entries(e.params ?? {}).every(([k, v]) => JSON.stringify(i.params[k]) === JSON.stringify(v)) &&
      Object.entries(e.paramsClose ?? {}).every(([k, { value, rtol }]) => {
        const a = i.params[k];
        return typeof a === "number" && Math.abs(a - value) <= rtol * Math.abs(value);
      }),
  );
}

/**
 * Store state as bytes: the dataset list (meta + provenance) and every table's row count but the audit
 * log's (which grows with every successful write, by design; failed imports add nothing to it either).
 */
async function snapshot(store: Store): Promise<string> {
  const { audit_log: _log, ...counts } = await store.counts();
  return JSON.stringify({ datasets: await store.listDatasets(), counts });
}

describe("importUserFile on test/fixtures (end to end)", () => {
  let store: Store;
  let before: string;

  beforeAll(async () => {
    store = await openStore(":memory:");
    const seed = await importUserFile(store, bytesOf("hard/utf8-bom-crlf.csv"), {
      file: "hard/utf8-bom-crlf.csv",
      id: "existing",
      kind: "io_table",
    });
    if (!seed.ok) throw new Error(JSON.stringify(seed.issues));
    before = await snapshot(store);
  });

  afterAll(async () => {
    await store.close();
    await closeParseThread();
  });

  it("lists an expectation for every fixture file", () => {
    expect([...badFiles, ...hardFiles].filter((f) => !byFile.has(f))).toEqual([]);
    expect(badFiles.length).toBeGreaterThanOrEqual(9);
  });

  it("starts from a store holding exactly one dataset", async () => {
    expect((await store.listDatasets()).map((d) => d.id)).toEqual(["existing"]);
    const counts = await store.counts();
    expect(counts.datasets).toBe(1);
    expect(counts.io_sectors).toBe(3);
  });

  describe.each(badFiles)("%s", (file) => {
    const f = byFile.get(file) as Fixture;

    it(`is rejected with ${f.issues.map((i) => i.code).join(", ")} at the listed file/sheet/row/column; the store is unchanged`, async () => {
      const r = await importUserFile(store, bytesOf(file), {
        file,
        id: `new-${file}`,
        kind: "io_table",
        ...(f.sheet === undefined ? {} : { sheet: f.sheet }),
      });
      expect(r.ok).toBe(false);
      const issues = r.ok ? [] : r.issues;
      for (const e of f.issues) {
        expect(
          findIssue(issues, e, file),
          `${file}: expected ${JSON.stringify(e)} in ${JSON.stringify(issues)}`,
        ).toBeDefined();
      }
      if (f.stage === "validate") {
        const allowed = new Set([...f.issues.map((e) => e.code), ...(f.allowAlso ?? [])]);
        expect(issues.filter((i) => i.severity === "error" && !allowed.has(i.code))).toEqual([]);
      }
      // every path names the file, and XLSX paths name the sheet
      for (const i of issues) {
        expect(i.path.file).toBe(file);
        if (file.endsWith(".xlsx") && i.path.row !== undefined) expect(i.path.sheet).toBe(f.sheet);
        if (i.path.row !== undefined) expect(i.path.row).toBeGreaterThanOrEqual(1);
        if (i.path.column !== undefined) expect(i.path.column).toBeGreaterThanOrEqual(1);
      }
      expect(await snapshot(store)).toBe(before);
    });

    it("replacing the existing dataset with it changes nothing either", async () => {
      const r = await importUserFile(store, bytesOf(file), {
        file,
        id: "existing",
        kind: "io_table",
        replace: true,
        ...(f.sheet === undefined ? {} : { sheet: f.sheet }),
      });
      expect(r.ok).toBe(false);
      expect(await snapshot(store)).toBe(before);
    });
  });

  it("a read stopped at the parsing thread's heap cap or time limit is a coded issue; the store is unchanged", async () => {
    const xlsx = hardFiles.find((f) => f.endsWith(".xlsx"));
    if (xlsx === undefined) throw new Error("no XLSX among test/fixtures/hard");
    for (const parseLimits of [
      { memoryMb: 4, timeoutMs: 60_000 },
      { memoryMb: 768, timeoutMs: 1 },
    ]) {
      const r = await importUserFile(store, bytesOf(xlsx), {
        file: xlsx,
        id: "existing",
        kind: "io_table",
        replace: true,
        parseLimits,
      });
      expect(r.ok ? [] : r.issues.map((i) => [i.code, i.params.limit])).toEqual([
        ["file_too_complex", parseLimits.memoryMb === 4 ? "memory" : "parse_time"],
      ]);
      expect(await snapshot(store)).toBe(before);
    }
  });

  describe.each(hardFiles)("%s", (file) => {
    const f = byFile.get(file) as Fixture;

    it("imports, round-trips through the store and reproduces spec §5.9 F = [1.175063, 0.876574, 0.948363]", async () => {
      const id = `hard-${file}`;
      const r = await importUserFile(store, bytesOf(file), {
        file,
        id,
        kind: "io_table",
        ...(f.sheet === undefined ? {} : { sheet: f.sheet }),
      });
      expect(r.ok, JSON.stringify(!r.ok && r.issues)).toBe(true);
      if (!r.ok) return;
      expect(r.warnings.filter((w) => w.severity === "error")).toEqual([]);
      expect(r.value.unit).toBe(f.unit);
      const prov = r.value.provenance;
      expect(prov.files).toHaveLength(1);
      expect(prov.files[0]?.path).toBe(file);
      expect(prov.files[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(prov.transformations.map((t) => t.step)).toEqual(["parse_generic_io_template", "validate_io_table"]);
      // the parse step records how the file was read (encoding, sheet, header position, title lines, unit)
      expect(prov.transformations[0]?.params).toMatchObject({
        unit: f.unit,
        unitSource: "title_line",
        headerRow: expect.any(Number),
        titleLines: expect.any(Array),
        ...(f.sheet === undefined ? {} : { sheet: f.sheet }),
      });
      expect(prov.transformations[1]?.params).toMatchObject({ balanceTolerance: 1e-6, errors: 0 });
      const { table } = await store.loadIoTable(id);
      expectAllClose(linkages(table).influence, F_THREE_SECTOR, { atol: 0.5e-6 }, `${file} F`);
      expect(await store.deleteDataset(id)).toBe(true);
      expect(await snapshot(store)).toBe(before);
    });
  });
});
