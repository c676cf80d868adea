import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { IoTable } from "../../core/io-analysis/io-table.js";
import { SHIPPED_DATASETS, SHIPPED_SERIES, shippedDataset } from "../catalog.js";
import type { DatasetMeta } from "../dataset.js";
import { DataIssuesError } from "../issues.js";
import { repoPath } from "../paths.js";
import { buildStore, importUserFile, readShippedDataset } from "./build.js";
import { ioTableContentSha256, openStore, SCHEMA_VERSION, type Store } from "./duckdb.js";

function shipped(id: string): { meta: DatasetMeta; table: IoTable } {
  const d = shippedDataset(id);
  if (d === undefined) throw new Error(id);
  const r = readShippedDataset(d);
  if (!r.ok) throw new Error(JSON.stringify(r.issues.slice(0, 2)));
  return r.value;
}

/** Bit-identical float64 arrays (fast: element-wise deep equality on 2M values takes seconds). */
function sameValues(a: Float64Array | undefined, b: Float64Array | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}

function expectSameTable(a: IoTable, b: IoTable): void {
  expect(b.sectors).toEqual(a.sectors);
  expect(b.finalDemandCodes).toEqual(a.finalDemandCodes);
  // exact by construction: float64 bytes round-trip
  for (const [name, x, y] of [
    ["Z", a.Z, b.Z],
    ["Zdomestic", a.Zdomestic, b.Zdomestic],
    ["finalDemand", a.finalDemand, b.finalDemand],
  ] as const) {
    expect([y?.rows, y?.cols], name).toEqual([x?.rows, x?.cols]);
    expect(sameValues(x?.data, y?.data), name).toBe(true);
  }
  expect(sameValues(a.imports, b.imports), "imports").toBe(true);
  expect(sameValues(a.otherColumn, b.otherColumn), "otherColumn").toBe(true);
  expect(sameValues(a.output, b.output), "output").toBe(true);
  expect(b.valueAdded?.map((r) => r.code)).toEqual(a.valueAdded?.map((r) => r.code));
  for (const [k, r] of (a.valueAdded ?? []).entries()) {
    expect(sameValues(r.values, b.valueAdded?.[k]?.values), r.code).toBe(true);
  }
}

let store: Store;
let dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), "shushi-store-"));
  dirs.push(d);
  return d;
};

beforeEach(async () => {
  store = await openStore(":memory:");
});
afterEach(async () => {
  await store.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

describe("Store.importIoTable / loadIoTable", () => {
  it("round-trips the 2020-42 table (non-competitive source) with identical arrays and meta", async () => {
    const { meta, table } = shipped("cn-nbs-io-2020-42");
    const r = await store.importIoTable(meta, table);
    expect(r.ok).toBe(true);
    const loaded = await store.loadIoTable(meta.id);
    expectSameTable(table, loaded.table);
    expect(loaded.meta).toEqual(meta);
    const row = await store.getDataset(meta.id);
    expect(row?.contentSha256).toBe(ioTableContentSha256(table));
    expect(row?.importedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z$/);
    expect((await store.listDatasets()).map((m) => m.id)).toEqual([meta.id]);
  });

  it("round-trips a table without imports, other column or value added", async () => {
    const { meta, table } = shipped("wiod-2011");
    await store.importIoTable(meta, table);
    const loaded = await store.loadIoTable("wiod-2011");
    expectSameTable(table, loaded.table);
    expect(loaded.table.imports).toBeUndefined();
    expect(loaded.table.valueAdded).toBeUndefined();
  });

  it("refuses an existing id without replace (dataset_exists) and replaces with it", async () => {
    const a = shipped("cn-oecd-iot-2017");
    const b = shipped("cn-oecd-iot-2018");
    await store.importIoTable(a.meta, a.table);
    const again = await store.importIoTable({ ...b.meta, id: a.meta.id }, b.table);
    expect(again.ok).toBe(false);
    if (!again.ok)
      expect(again.issues).toEqual([expect.objectContaining({ code: "dataset_exists", params: { id: a.meta.id } })]);
    const replaced = await store.importIoTable({ ...b.meta, id: a.meta.id }, b.table, { replace: true });
    expect(replaced.ok).toBe(true);
    expectSameTable(b.table, (await store.loadIoTable(a.meta.id)).table);
    const counts = await store.counts();
    expect(counts.datasets).toBe(1);
    expect(counts.io_sectors).toBe(45);
  });

  it("rolls back a failing import: counts, ids and the replaced dataset are unchanged", async () => {
    const a = shipped("cn-nbs-io-2015-42");
    await store.importIoTable(a.meta, a.table);
    const before = await store.counts();
    // a sector without a code fails inside the transaction, after the datasets row was inserted
    const broken: IoTable = {
      ...a.table,
      sectors: a.table.sectors.map((s, i) => (i === 30 ? { ...s, code: undefined as unknown as string } : s)),
    };
    await expect(store.importIoTable({ ...a.meta, id: "broken" }, broken)).rejects.toThrow();
    expect(await store.counts()).toEqual(before);
    expect((await store.listDatasets()).map((m) => m.id)).toEqual([a.meta.id]);
    // replacing an existing dataset with a failing table keeps the old one intact
    await expect(store.importIoTable(a.meta, broken, { replace: true })).rejects.toThrow();
    expect(await store.counts()).toEqual(before);
    expectSameTable(a.table, (await store.loadIoTable(a.meta.id)).table);
    // the store still works after a rollback
    const b = shipped("cn-oecd-iot-1995");
    expect((await store.importIoTable(b.meta, b.table)).ok).toBe(true);
  });

  it("loadIoTable of an unknown id throws DataIssuesError(unknown_dataset)", async () => {
    const err = await store.loadIoTable("nope").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataIssuesError);
    expect((err as DataIssuesError).issues[0]).toMatchObject({ code: "unknown_dataset", params: { id: "nope" } });
    expect(await store.getMeta("nope")).toBeUndefined();
    expect(await store.deleteDataset("nope")).toBe(false);
  });

  it("deletes a dataset", async () => {
    const a = shipped("cn-oecd-iot-2000");
    await store.importIoTable(a.meta, a.table);
    expect(await store.deleteDataset(a.meta.id)).toBe(true);
    expect(await store.counts()).toMatchObject({ datasets: 0, io_sectors: 0, io_labels: 0, io_blocks: 0 });
  });
});

describe("openStore", () => {
  it("re-opens an existing store file with its data and schema version", async () => {
    const dir = tempDir();
    const first = await openStore(dir);
    const a = shipped("cn-nbs-io-2018-42");
    await first.importIoTable(a.meta, a.table);
    await first.close();
    expect(readdirSync(dir)).toContain("shushi.duckdb");
    const second = await openStore(dir);
    try {
      expect((await second.listDatasets()).map((m) => m.id)).toEqual([a.meta.id]);
      expectSameTable(a.table, (await second.loadIoTable(a.meta.id)).table);
      expect((await second.counts()).schema_version).toBe(SCHEMA_VERSION);
    } finally {
      await second.close();
    }
  });

  it("uses $SHUSHI_DATA_DIR when no directory is given", async () => {
    const dir = tempDir();
    const s = await openStore(undefined, { env: { SHUSHI_DATA_DIR: dir } });
    expect(s.path).toBe(join(dir, "shushi.duckdb"));
    await s.close();
  });
});

describe("importUserFile", () => {
  it("imports the generic template (CSV) with user provenance", async () => {
    const bytes = new Uint8Array(readFileSync(repoPath("data", "templates", "io-generic-template.csv")));
    const r = await importUserFile(store, bytes, { file: "io-generic-template.csv", id: "user-3", kind: "io_table" });
    expect(r.ok).toBe(true);
    const loaded = await store.loadIoTable("user-3");
    expect(Array.from(loaded.table.output)).toEqual([1000, 2000, 1000]);
    expect(loaded.meta.provenance.files[0]).toMatchObject({ path: "io-generic-template.csv", bytes: bytes.length });
    expect(loaded.meta.unit).toBe("cny_10k");
  });

  it("imports the XLSX hard fixture", async () => {
    const file = "hard/title-rows-merged-header.xlsx";
    const bytes = new Uint8Array(readFileSync(repoPath("test", "fixtures", file)));
    const r = await importUserFile(store, bytes, { file, id: "user-xlsx", kind: "io_table" });
    expect(r.ok, JSON.stringify(!r.ok && r.issues)).toBe(true);
  });

  const badDir = repoPath("test", "fixtures", "bad");
  const badFiles = (() => {
    try {
      return readdirSync(badDir).sort();
    } catch {
      return [];
    }
  })();
  it.each(badFiles)("rejects bad/%s and writes nothing", async (name) => {
    const file = `bad/${name}`;
    const before = await store.counts();
    const r = await importUserFile(store, new Uint8Array(readFileSync(join(badDir, name))), {
      file,
      id: "bad",
      kind: "io_table",
    });
    expect(r.ok).toBe(false);
    expect(await store.counts()).toEqual(before);
    const expected = (
      JSON.parse(readFileSync(repoPath("test", "fixtures", "expected-issues.json"), "utf8")) as {
        fixtures: { file: string; issues: { code: string }[] }[];
      }
    ).fixtures.find((f) => f.file === file);
    if (expected !== undefined && !r.ok) {
      const codes = r.issues.map((i) => i.code);
      for (const e of expected.issues) expect(codes).toContain(e.code);
    }
  });

  it("refuses an existing id unless replace is set; refuses other kinds", async () => {
    const bytes = new Uint8Array(readFileSync(repoPath("data", "templates", "io-generic-template.csv")));
    await importUserFile(store, bytes, { file: "t.csv", id: "u", kind: "io_table" });
    const again = await importUserFile(store, bytes, { file: "t.csv", id: "u", kind: "io_table" });
    expect(!again.ok && again.issues[0]?.code).toBe("dataset_exists");
    expect((await importUserFile(store, bytes, { file: "t.csv", id: "u", kind: "io_table", replace: true })).ok).toBe(
      true,
    );
    const panel = await importUserFile(store, bytes, { file: "t.csv", id: "p", kind: "panel" });
    expect(!panel.ok && panel.issues[0]?.code).toBe("missing_column");
    const other = await importUserFile(store, bytes, { file: "t.csv", id: "q", kind: "published_reference" });
    expect(!other.ok && other.issues[0]?.code).toBe("invalid_value");
  });
});

describe("buildStore", () => {
  const shippedCount = SHIPPED_DATASETS.length + SHIPPED_SERIES.length;
  it(`imports all ${shippedCount} shipped datasets (IO tables and series), then skips unchanged ones`, async () => {
    const dir = tempDir();
    const first = await buildStore(dir, { rebuild: true });
    expect(first.failed).toEqual([]);
    expect(first.imported).toHaveLength(shippedCount);
    const second = await buildStore(dir);
    expect(second.imported).toEqual([]);
    expect(second.skipped).toHaveLength(shippedCount);
    const s = await openStore(dir);
    try {
      const ids = (await s.listDatasets()).map((m) => m.id);
      expect(ids).toEqual([...SHIPPED_DATASETS.map((d) => d.id), ...SHIPPED_SERIES.map((d) => d.id)].sort());
      const meta = await s.getMeta("cn-nbs-io-2015-42");
      expect(meta?.provenance.files[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    } finally {
      await s.close();
    }
  });

  it("re-imports a shipped series whose catalogue description changed although its file did not", async () => {
    const dir = tempDir();
    await buildStore(dir, { ids: ["cn-nbs-gdp-annual"] });
    // a store built by an older version that did not yet declare the rebasing caveat
    const instance = await DuckDBInstance.create(join(dir, "shushi.duckdb"));
    const c = await instance.connect();
    await c.run(
      `UPDATE datasets SET provenance = CAST(json_merge_patch(provenance, '{"caveats": []}') AS JSON) WHERE id = 'cn-nbs-gdp-annual'`,
    );
    c.closeSync();
    instance.closeSync();
    const s0 = await openStore(dir);
    expect((await s0.getMeta("cn-nbs-gdp-annual"))?.provenance.caveats).toEqual([]);
    await s0.close();
    const again = await buildStore(dir, { ids: ["cn-nbs-gdp-annual"] });
    expect(again.imported).toEqual(["cn-nbs-gdp-annual"]);
    const s = await openStore(dir);
    try {
      const caveats = (await s.getMeta("cn-nbs-gdp-annual"))?.provenance.caveats ?? [];
      expect(caveats.map((x) => x.code)).toContain("constant_prices_rebased");
    } finally {
      await s.close();
    }
    expect((await buildStore(dir, { ids: ["cn-nbs-gdp-annual"] })).skipped).toEqual(["cn-nbs-gdp-annual"]);
  });

  it("re-imports a shipped IO table whose caveats changed (an older store without the domestic final demand)", async () => {
    const dir = tempDir();
    const id = "cn-nbs-io-2020-42";
    await buildStore(dir, { ids: [id] });
    // a store built before finalDemandDomestic was kept: no Ydom block, no nbs_domestic_final_use_kept caveat
    const instance = await DuckDBInstance.create(join(dir, "shushi.duckdb"));
    const c = await instance.connect();
    await c.run("DELETE FROM io_blocks WHERE dataset_id = $1 AND block = 'Ydom'", [id]);
    await c.run(
      `UPDATE datasets SET provenance = CAST(json_merge_patch(provenance, '{"caveats": []}') AS JSON) WHERE id = $1`,
      [id],
    );
    c.closeSync();
    instance.closeSync();
    const s0 = await openStore(dir);
    expect((await s0.loadIoTable(id)).table.finalDemandDomestic).toBeUndefined();
    await s0.close();
    expect((await buildStore(dir, { ids: [id] })).imported).toEqual([id]);
    const s = await openStore(dir);
    try {
      const { meta, table } = await s.loadIoTable(id);
      expect(meta.provenance.caveats.map((x) => x.code)).toContain("nbs_domestic_final_use_kept");
      expect(table.finalDemandDomestic?.rows).toBe(42);
    } finally {
      await s.close();
    }
  });
});
