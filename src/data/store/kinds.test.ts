/**
 * Datasets of every kind through the one import path (importUserFile): good files import and load
 * back; a bad file of each kind is rejected with located, coded issues and leaves the store — the
 * dataset list and every table's row count — byte-identical; an existing version-1 data directory is
 * migrated in place and keeps its datasets; the result cache is invalidated with its datasets.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DataIssue } from "../issues.js";
import { repoPath } from "../paths.js";
import { readSeries } from "../series/read.js";
import { importUserFile } from "./build.js";
import { openStore, SCHEMA_VERSION, type Store } from "./duckdb.js";

const kinds = (f: string) => repoPath("test", "fixtures", "kinds", f);
const bytes = (f: string) => new Uint8Array(readFileSync(kinds(f)));
const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), "shushi-kinds-"));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function snapshot(store: Store): Promise<string> {
  return JSON.stringify({ datasets: await store.listDatasets(), counts: await store.counts() });
}
const codes = (issues: readonly DataIssue[]) => issues.map((i) => i.code);
const at = (i: DataIssue | undefined) => i && [i.code, i.path.row, i.path.column];

describe("datasets of every kind (one store, one import path)", () => {
  let store: Store;
  let dir: string;
  beforeAll(async () => {
    dir = tempDir();
    store = await openStore(dir);
    const io = await importUserFile(
      store,
      new Uint8Array(readFileSync(repoPath("test", "fixtures", "hard", "utf8-bom-crlf.csv"))),
      { file: "io.csv", id: "io", kind: "io_table" },
    );
    expect(io.ok).toBe(true);
    for (const [file, id, kind] of [
      ["panel-long.csv", "panel-long", "panel"],
      ["classification.csv", "isic", "classification"],
    ] as const) {
      const r = await importUserFile(store, bytes(file), { file, id, kind });
      expect(r.ok, JSON.stringify(r)).toBe(true);
    }
    const reg = await importUserFile(
      store,
      { path: kinds("registry.csv") },
      {
        file: "registry.csv",
        id: "reg",
        kind: "registry",
      },
    );
    expect(reg.ok, JSON.stringify(reg)).toBe(true);
    await store.putCachedResult("k-io", "io.linkages", ["io"], '{"v":1}');
  });
  afterAll(async () => {
    await store.close();
  });

  it("loads a long panel with province names resolved to GB/T 2260 codes", async () => {
    const s = await store.loadSeries("panel-long");
    expect(s.entities.map((e) => [e.code, e.label])).toEqual([
      ["110000", "北京"],
      ["110000", "北京市"],
      ["310000", "310000"],
    ]);
    expect(s.observations.map((o) => [o.entity, o.period, o.value])).toEqual([
      ["110000", "2021", 40269.6],
      ["110000", "2022", 41610.9],
      ["310000", "2022", 44652.8],
    ]);
    expect(s.meta).toMatchObject({ kind: "panel", unit: "cny_100m", years: [2021, 2022], frequency: "annual" });
  });

  it("loads a wide panel and a quarterly time series", async () => {
    const w = await importUserFile(store, bytes("panel-wide.csv"), { file: "panel-wide.csv", id: "pw", kind: "panel" });
    expect(w.ok).toBe(true);
    const s = await store.loadSeries("pw", { indicators: ["population(万人)"] });
    expect(s.observations.map((o) => [o.entity, o.value])).toEqual([
      ["110000", 2184.3],
      ["310000", 2475.9],
    ]);
    expect(s.indicators.map((i) => i.unit)).toEqual(["cny_100m", "persons_10k"]);
    const q = await importUserFile(store, bytes("series-quarterly.csv"), {
      file: "series-quarterly.csv",
      id: "q",
      kind: "time_series",
    });
    expect(q.ok && q.value.frequency).toBe("quarterly");
    await store.deleteDataset("pw");
    await store.deleteDataset("q");
  });

  it("queries a registry in SQL over its Parquet file, with statuses normalised", async () => {
    expect(existsSync(join(dir, "registries", "reg.parquet"))).toBe(true);
    expect(await store.registryCounts("reg", { by: "status" })).toEqual([
      { key: "active", count: 2 },
      { key: "deregistered", count: 1 },
    ]);
    expect(
      await store.registryCounts("reg", { by: "region_code", regionPrefix: "33", activeOn: "2023-01-01" }),
    ).toEqual([{ key: "330200", count: 1 }]);
    const rows = await store.registryRows("reg", { industryPrefix: "I6" });
    expect(rows.map((r) => [r.id, r.deregisteredOn, r.capital])).toEqual([
      ["91110000A", null, 100],
      ["91330000B", "2022-01-10", 50.5],
    ]);
    expect(readdirSync(join(dir, "registries"))).toEqual(["reg.parquet"]);
  });

  it("imports a text corpus with UTF-8 and GB18030 texts", async () => {
    const r = await importUserFile(
      store,
      { path: kinds("corpus/manifest.csv") },
      {
        file: "manifest.csv",
        id: "corpus",
        kind: "text_corpus",
      },
    );
    expect(r.ok, JSON.stringify(r)).toBe(true);
    const c = await store.loadCorpus("corpus");
    expect(c.documents.map((d) => [d.id, d.level, d.encoding])).toEqual([
      ["d1", "national", "utf-8"],
      ["d2", "provincial", "gb18030"],
    ]);
    expect(await store.getDocumentText("corpus", "d2")).toContain("促进数字经济发展");
    await store.deleteDataset("corpus");
  });

  it("checks a concordance's coverage against its stored source classification", async () => {
    const ok = await importUserFile(store, bytes("concordance.csv"), {
      file: "concordance.csv",
      id: "conc",
      kind: "concordance",
      fromClassification: "isic",
    });
    expect(ok.ok, JSON.stringify(ok)).toBe(true);
    expect((await store.loadConcordance("conc")).rows).toHaveLength(4);
    await store.deleteDataset("conc");
  });

  const badCases: [
    string,
    string,
    Parameters<typeof importUserFile>[2]["kind"],
    Record<string, unknown>,
    [string, number | undefined, number | undefined][],
  ][] = [
    [
      "bad-panel.csv",
      "bad-panel.csv",
      "panel",
      {},
      [
        ["unknown_region", 3, 1],
        ["invalid_period", 4, 2],
        ["non_numeric_cell", 6, 4],
      ],
    ],
    ["bad-series.csv", "bad-series.csv", "time_series", {}, [["invalid_period", 3, 1]]],
    [
      "bad-classification.csv",
      "bad-classification.csv",
      "classification",
      {},
      [
        ["duplicate_code", 4, 1],
        ["unknown_parent", 3, 3],
      ],
    ],
    [
      "bad-concordance.csv",
      "bad-concordance.csv",
      "concordance",
      { fromClassification: "isic" },
      [
        ["concordance_duplicate", 3, 4],
        ["concordance_weight_sum", 4, 5],
        ["concordance_unmapped", undefined, undefined],
      ],
    ],
    [
      "bad-registry.csv",
      "bad-registry.csv",
      "registry",
      {},
      [
        ["invalid_date", 3, 5],
        ["non_numeric_cell", 3, 7],
        ["duplicate_code", 3, 1],
        ["missing_value", 4, 2],
        ["invalid_value", 4, 4],
        ["invalid_value", 4, 6],
        ["invalid_value", 4, 8],
      ],
    ],
    [
      "bad-corpus/manifest.csv",
      "manifest.csv",
      "text_corpus",
      {},
      [
        ["invalid_date", 2, 5],
        ["invalid_value", 3, 6],
        ["file_unreadable", 3, 8],
        ["invalid_value", 4, 8],
      ],
    ],
  ];

  for (const [path, file, kind, extra, expected] of badCases) {
    it(`rejects ${path} (${kind}) with located codes and leaves the store byte-identical`, async () => {
      const before = await snapshot(store);
      const r = await importUserFile(store, { path: kinds(path) }, { file, id: "bad", kind, ...extra });
      expect(r.ok).toBe(false);
      if (r.ok) return;
      for (const want of expected) expect(r.issues.map(at), JSON.stringify(r.issues)).toContainEqual(want);
      expect(r.issues.every((i) => i.path.file === file)).toBe(true);
      expect(await snapshot(store)).toBe(before);
      expect(readdirSync(join(dir, "registries"))).toEqual(["reg.parquet"]);
    });
  }

  it("reports a duplicate observation found in SQL with its row, column and first row", async () => {
    const before = await snapshot(store);
    const r = await importUserFile(
      store,
      { path: kinds("bad-panel.csv") },
      { file: "p.csv", id: "bad", kind: "panel" },
    );
    expect(!r.ok && codes(r.issues)).not.toContain("duplicate_observation"); // other errors stop before SQL checks
    const dup = await importUserFile(
      store,
      new TextEncoder().encode("entity,year,indicator,value,unit\n北京,2021,gdp,1,亿元\n北京市,2021,gdp,2,亿元\n"),
      { file: "dup.csv", id: "bad", kind: "panel" },
    );
    expect(!dup.ok && dup.issues).toEqual([
      {
        code: "duplicate_observation",
        severity: "error",
        path: { file: "dup.csv", row: 3, column: 4 },
        params: { entity: "110000", indicator: "gdp", period: "2021", firstRow: 2 },
      },
    ]);
    expect(await snapshot(store)).toBe(before);
  });

  it("deletes cached results naming a dataset when it is replaced or deleted, in the same transaction", async () => {
    await store.putCachedResult("k-panel", "m", ["panel-long", "io"], '{"v":2}');
    await store.putCachedResult("k-other", "m", ["isic"], '{"v":3}');
    expect(await store.getCachedResult("k-panel")).toBe('{"v":2}');
    const again = await importUserFile(store, bytes("panel-long.csv"), {
      file: "panel-long.csv",
      id: "panel-long",
      kind: "panel",
      replace: true,
    });
    expect(again.ok).toBe(true);
    expect(await store.getCachedResult("k-panel")).toBeUndefined();
    expect(await store.getCachedResult("k-io")).toBe('{"v":1}');
    await store.deleteDataset("io");
    expect(await store.getCachedResult("k-io")).toBeUndefined();
    expect(await store.getCachedResult("k-other")).toBe('{"v":3}');
  });

  it("deletes a registry's Parquet file with the dataset", async () => {
    expect(await store.deleteDataset("reg")).toBe(true);
    expect(readdirSync(join(dir, "registries"))).toEqual([]);
  });
});

describe("registry temporary files", () => {
  it("are removed when a store opens (left by an interrupted import)", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "registries"));
    writeFileSync(join(dir, "registries", "reg.parquet.0a1b2c.tmp"), "partial");
    writeFileSync(join(dir, "registries", "kept.parquet"), "x");
    const store = await openStore(dir);
    await store.close();
    expect(readdirSync(join(dir, "registries"))).toEqual(["kept.parquet"]);
  });
});

describe("store migrations", () => {
  it("upgrades a version-1 data directory in place and keeps its datasets", async () => {
    const dir = tempDir();
    const path = join(dir, "shushi.duckdb");
    const instance = await DuckDBInstance.create(path);
    const c = await instance.connect();
    const v1 = readFileSync(new URL("./migrations/001-init.sql", import.meta.url), "utf8");
    for (const stmt of v1
      .split(/;\s*\n/)
      .map((s) => s.replace(/^--.*$/gm, "").trim())
      .filter((s) => s !== ""))
      await c.run(stmt);
    await c.run("INSERT INTO schema_version (version, name) VALUES (1, '001-init.sql')");
    await c.run(
      `INSERT INTO datasets VALUES ('old', 'io_table', '{"id":"old","kind":"io_table","titleZh":"旧","titleEn":"old","region":"CN","years":[2020],"dimensions":{},"unit":"cny_10k","priceBasis":{"kind":"current"}}', '{"publisher":"user","originalSource":"x","licence":"x","files":[],"transformations":[],"caveats":[]}', now()::TIMESTAMP, 'abc')`,
    );
    c.closeSync();
    instance.closeSync();
    const store = await openStore(dir);
    try {
      expect((await store.listDatasets()).map((d) => d.id)).toEqual(["old"]);
      const counts = await store.counts();
      expect(counts.schema_version).toBe(SCHEMA_VERSION);
      expect(counts.result_cache).toBe(0);
      await store.putCachedResult("k", "m", ["old"], "1");
      expect(await store.getCachedResult("k")).toBe("1");
    } finally {
      await store.close();
    }
    const reopened = await openStore(dir);
    try {
      expect((await reopened.counts()).schema_version).toBe(SCHEMA_VERSION);
      expect(await reopened.getCachedResult("k")).toBe("1");
    } finally {
      await reopened.close();
    }
  });
});

describe("long ↔ wide layouts", () => {
  it("read the same observations (property)", () => {
    const entity = fc.constantFrom("北京", "上海", "广东省", "440000");
    const obs = fc.uniqueArray(
      fc.record({
        entity,
        year: fc.integer({ min: 1990, max: 2030 }),
        indicator: fc.constantFrom("a", "b", "c"),
        value: fc.double({ min: -1e9, max: 1e9, noNaN: true }).map((v) => Math.round(v * 100) / 100),
      }),
      { selector: (o) => `${o.entity}|${o.year}|${o.indicator}`, minLength: 1, maxLength: 30 },
    );
    fc.assert(
      fc.property(obs, (list) => {
        // drop rows that resolve to the same province (北京/110000 twice would be duplicates)
        const long = {
          file: "l.csv",
          header: ["entity", "year", "indicator", "value"],
          headerRow: 1,
          rows: list.map((o) => [o.entity, String(o.year), o.indicator, String(o.value)]),
          rowNumbers: list.map((_, i) => i + 2),
          titleLines: [],
        };
        const indicators = [...new Set(list.map((o) => o.indicator))].sort();
        const keys = [...new Set(list.map((o) => `${o.entity}|${o.year}`))];
        const wide = {
          file: "w.csv",
          header: ["entity", "year", ...indicators],
          headerRow: 1,
          rows: keys.map((k) => {
            const [e, y] = k.split("|") as [string, string];
            return [
              e,
              y,
              ...indicators.map((ind) => {
                const o = list.find((x) => x.entity === e && String(x.year) === y && x.indicator === ind);
                return o === undefined ? "" : String(o.value);
              }),
            ];
          }),
          rowNumbers: keys.map((_, i) => i + 2),
          titleLines: [],
        };
        const a = readSeries(long, { file: "l.csv", kind: "panel", unit: "亿元" });
        const b = readSeries(wide, { file: "w.csv", kind: "panel", unit: "亿元" });
        const norm = (r: typeof a) =>
          r.ok
            ? r.value.observations
                .map((o) => `${o.entity}|${o.period}|${o.indicator}|${o.value}`)
                .sort()
                .join("\n")
            : codes(r.issues).join(",");
        return norm(a) === norm(b);
      }),
    );
  });
});

describe("streamed series import", () => {
  it("reports progress in bytes and rows and stores the same observations as the in-memory path", async () => {
    const store = await openStore(":memory:");
    try {
      const seen: { bytes: number; rows: number }[] = [];
      const dir = tempDir();
      copyFileSync(kinds("panel-long.csv"), join(dir, "p.csv"));
      const r = await importUserFile(
        store,
        { path: join(dir, "p.csv") },
        {
          file: "p.csv",
          id: "s",
          kind: "panel",
          onProgress: (p) => seen.push(p),
        },
      );
      expect(r.ok).toBe(true);
      expect(seen.at(-1)).toEqual({ bytes: readFileSync(kinds("panel-long.csv")).length, rows: 4 });
      const m = await importUserFile(store, bytes("panel-long.csv"), { file: "p.csv", id: "m", kind: "panel" });
      expect(m.ok).toBe(true);
      expect((await store.loadSeries("s")).observations).toEqual((await store.loadSeries("m")).observations);
    } finally {
      await store.close();
    }
  });
});
