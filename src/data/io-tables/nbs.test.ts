import { describe, expect, it } from "vitest";
import { expectAllClose, expectClose } from "../../../test/helpers/close.js";
import { loadNumpyReference } from "../../../test/reference/numpy-io/load.js";
import { linkages } from "../../core/io-analysis/linkages.js";
import { shippedDataset } from "../catalog.js";
import type { RawTable } from "../ingest/raw-table.js";
import type { DataIssue } from "../issues.js";
import { readShippedDataset } from "../store/build.js";
import type { IoTableReadResult } from "./common.js";
import { nbsClassification, nbsFinalDemandColumns, readNbsTable } from "./nbs.js";
import { balanceSummary } from "./validate.js";

function read(id: string): IoTableReadResult & { warnings: readonly DataIssue[] } {
  const d = shippedDataset(id);
  if (d === undefined) throw new Error(`no dataset ${id}`);
  const r = readShippedDataset(d);
  if (!r.ok) throw new Error(`${id}: ${JSON.stringify(r.issues.slice(0, 3))}`);
  return { ...r.value, warnings: r.warnings };
}

function sum(v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] as number;
  return s;
}

function totalVa(r: IoTableReadResult): number {
  return sum((r.table.valueAdded ?? []).flatMap((row) => Array.from(row.values)));
}

const NBS_IDS = [
  "cn-nbs-io-2005-42",
  "cn-nbs-io-2010-41",
  "cn-nbs-io-2015-42",
  "cn-nbs-io-2017-42",
  "cn-nbs-io-2018-42",
  "cn-nbs-io-2020-42",
  "cn-nbs-io-2012-139",
  "cn-nbs-io-2017-149",
  "cn-nbs-io-2018-153",
  "cn-nbs-io-2020-153",
];

describe("readNbsTable on the shipped NBS tables", () => {
  it.each(NBS_IDS)("%s reads, validates and balances to 1e-11 (row, column, GO = TI)", (id) => {
    const r = read(id);
    const b = balanceSummary(r.table);
    // MANIFEST §1: the staged tables balance to ≤ 1.5e-14 (7e-9 for 2007, not shipped); 1e-11 leaves
    // room for the 15-significant-digit CSV serialisation (2018-153 row 119: 1.4e-12).
    expect(b.rowMaxRelative).toBeLessThan(1e-11);
    expect(b.columnMaxRelative).toBeLessThan(1e-11);
    const summaries = r.warnings.filter((w) => w.code === "out_of_balance" && w.params.summary === true);
    expect(summaries.map((w) => w.params.axis)).toEqual(["row", "column", "total_input"]);
    expect(r.meta.unit).toBe("cny_10k");
    expect(r.meta.provenance.files[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(r.meta.provenance.transformations.map((t) => t.step)).toContain("format_conversion_rda_to_csv");
  });

  it("2020-42: Z = Z_dom + Z_imp, imports = Imports-block row totals, VA 101.64 tn yuan (MANIFEST §1)", () => {
    const r = read("cn-nbs-io-2020-42");
    const t = r.table;
    expect(r.layout).toBe("nbs_noncompetitive_42");
    expect(r.meta.importTreatment).toBe("non_competitive");
    expect(t.Zdomestic).toBeDefined();
    // spot check against the file: row 01 domestic col 01 = 179170246.…, imports row 01 col 01 = 3963522.80…
    expectClose(t.Zdomestic?.data[0] as number, 179170246, { rtol: 1e-8 }, "Zdom[01,01]");
    expectClose(t.Z.data[0] as number, 179170246 + 3963522.8, { rtol: 1e-8 }, "Z[01,01]");
    // imported intermediate use = Z − Zdom ≥ 0 everywhere
    for (let k = 0; k < t.Z.data.length; k++)
      expect((t.Z.data[k] as number) - (t.Zdomestic?.data[k] as number)).toBeGreaterThanOrEqual(0);
    expect(t.finalDemandCodes).toEqual(["TC", "FU201", "FU202", "EX"]);
    // MANIFEST: Σ import-row GO = imports 16.27 tn yuan = 1.627e9 万元 (printed to 0.01 tn → rtol 5e-4)
    expectClose(sum(t.imports ?? []), 1.627e9, { rtol: 5e-4 }, "total imports");
    // MANIFEST: total VA 101.64 tn yuan = 101.64e12 / 1e4 = 1.0164e10 万元 (±0.01 %)
    expectClose(totalVa(r), 1.0164e10, { rtol: 1e-4 }, "total VA");
    expect(t.valueAdded?.map((v) => v.code)).toEqual(["VA001", "VA002", "VA003", "VA004"]);
    expect(t.sectors[19]).toEqual({ code: "20", nameZh: "通信设备、计算机和其他电子设备", nameEn: expect.any(String) });
    expect(r.meta.provenance.transformations.map((s) => s.step)).toContain("sum_domestic_and_imports");
  });

  it('2020-42 read by the reader: Z and Zdomestic are numpy\'s, and flows "domestic" linkages agree with numpy', () => {
    const t = read("cn-nbs-io-2020-42").table;
    const ref = loadNumpyReference<{
      Z: number[][];
      Zdomestic: number[][];
      domestic: { F: number[]; E: number[] };
    }>("china_2020_42");
    // the same decimal strings parsed by JS and by Python give the same doubles: exact by construction
    expect(Array.from(t.Z.data)).toEqual(ref.Z.flat());
    expect(Array.from(t.Zdomestic?.data ?? [])).toEqual(ref.Zdomestic.flat());
    // numpy uses x = row TI, the reader x = GO; they agree to 6e-15 (MANIFEST §1) — rtol 1e-9 as in
    // src/core/io-analysis/reference.test.ts (κ₁ ≤ 7)
    const l = linkages(t, { flows: "domestic" });
    expectAllClose(l.influence, ref.domestic.F, { rtol: 1e-9 }, "F_dom");
    expectAllClose(l.sensitivity, ref.domestic.E, { rtol: 1e-9 }, "E_dom");
  });

  it("2020-42: finalDemandDomestic is the Domestic rows' final use (cells of china_2020_42.csv)", () => {
    const t = read("cn-nbs-io-2020-42").table;
    expect(t.finalDemandCodes).toEqual(["TC", "FU201", "FU202", "EX"]);
    const Yd = t.finalDemandDomestic;
    if (Yd === undefined) throw new Error("no finalDemandDomestic");
    // row "20" Domestic: TC 59743043.8356998, FU201 77828192.5297394, FU202 7078359.24093538,
    // EX 390866311.572945; row "20" Imports: TC 3357839.53555905, FU201 16364291.448088,
    // FU202 2427487.13310004, EX 24494571.8182271 (the CSV's cells; parsed doubles, exact)
    const row = (m: { data: Float64Array; cols: number }, i: number) => Array.from(m.data.subarray(i * 4, i * 4 + 4));
    expect(row(Yd, 19)).toEqual([59743043.8356998, 77828192.5297394, 7078359.24093538, 390866311.572945]);
    expectAllClose(
      row(t.finalDemand, 19),
      [
        59743043.8356998 + 3357839.53555905,
        77828192.5297394 + 16364291.448088,
        7078359.24093538 + 2427487.13310004,
        390866311.572945 + 24494571.8182271,
      ],
      { rtol: 1e-15 },
      "F = F_dom + F_imp (row 20)",
    );
    // domestic row identity: Σ_j zdom_ij + Σ_k ydom_ik = GO_i (the Domestic rows balance in the file;
    // rtol 1e-12: 46 terms of 15 significant digits)
    const Zd = t.Zdomestic;
    if (Zd === undefined) throw new Error("no Zdomestic");
    for (let i = 0; i < 42; i++) {
      const s = sum(Zd.data.subarray(i * 42, i * 42 + 42)) + sum(Yd.data.subarray(i * 4, i * 4 + 4));
      expectClose(s, t.output[i] as number, { rtol: 1e-12 }, `domestic row ${i + 1}`);
    }
  });

  it("2015-42: competitive extension table, 42×42 Z, 6 final-demand categories, IM and ERR, VA 68.03 tn", () => {
    const r = read("cn-nbs-io-2015-42");
    const t = r.table;
    expect(r.layout).toBe("nbs_competitive_42");
    expect([t.Z.rows, t.Z.cols, t.output.length]).toEqual([42, 42, 42]);
    expect(t.finalDemandCodes).toEqual(["FU101", "FU102", "FU103", "FU201", "FU202", "EX"]);
    expect(t.imports?.length).toBe(42);
    expect(t.otherColumn?.length).toBe(42);
    expect(t.Zdomestic).toBeUndefined();
    // MANIFEST: VA 68.03 tn yuan = 6.803e9 万元 (printed to 0.01 tn)
    expectClose(totalVa(r), 6.803e9, { rtol: 1e-4 }, "total VA");
    // first GO cell of the file: 1070563648.68972 (row 01)
    expectClose(t.output[0] as number, 1070563648.68972, { rtol: 1e-14 }, "x[01]");
    expect(r.meta.classification).toEqual({ system: "nbs-io-42-2012", version: "2015" });
  });

  it("VA totals match MANIFEST: 2017 82.32, 2018 92.21, 2012-139 53.68 tn yuan; 2017-42 equals 2017-149", () => {
    expectClose(totalVa(read("cn-nbs-io-2017-42")), 8.232e9, { rtol: 1e-4 }, "VA 2017");
    expectClose(totalVa(read("cn-nbs-io-2018-42")), 9.221e9, { rtol: 1e-4 }, "VA 2018");
    expectClose(totalVa(read("cn-nbs-io-2012-139")), 5.368e9, { rtol: 1e-4 }, "VA 2012");
    expectClose(
      totalVa(read("cn-nbs-io-2017-149")),
      totalVa(read("cn-nbs-io-2017-42")),
      { rtol: 1e-12 },
      "VA 2017 149 vs 42",
    );
    expectClose(
      sum(read("cn-nbs-io-2020-153").table.output),
      sum(read("cn-nbs-io-2020-42").table.output),
      { rtol: 1e-12 },
      "GO 2020",
    );
  });

  it("2005-42 has no total columns; final demand from the components", () => {
    const r = read("cn-nbs-io-2005-42");
    expect(r.table.finalDemandCodes).toEqual(["FU101", "FU102", "FU103", "FU201", "FU202", "EX"]);
    expect(r.meta.classification?.system).toBe("nbs-io-42-2002");
  });

  it("detailed tables use 3-digit codes", () => {
    const r = read("cn-nbs-io-2018-153");
    expect(r.layout).toBe("nbs_competitive_detailed");
    expect(r.table.sectors[0]?.code).toBe("001");
    expect(r.table.sectors).toHaveLength(153);
    expect(r.table.otherColumn).toBeUndefined(); // no ERR column in 149/153 tables
  });
});

describe("nbsFinalDemandColumns", () => {
  it("takes the finest split and never a total", () => {
    expect(
      nbsFinalDemandColumns([
        "TIU",
        "FU101",
        "FU102",
        "THC",
        "FU103",
        "TC",
        "FU201",
        "FU202",
        "GCF",
        "EX",
        "TFU",
        "IM",
        "ERR",
        "GO",
      ]),
    ).toEqual(["FU101", "FU102", "FU103", "FU201", "FU202", "EX"]);
    expect(nbsFinalDemandColumns(["TIU", "TC", "FU201", "FU202", "EX", "TFU", "GO"])).toEqual([
      "TC",
      "FU201",
      "FU202",
      "EX",
    ]);
    expect(nbsFinalDemandColumns(["THC", "FU103", "GCF", "EX"])).toEqual(["THC", "FU103", "GCF", "EX"]);
  });
});

describe("nbsClassification", () => {
  it("names the code list by vintage", () => {
    expect(nbsClassification(2020, 42).system).toBe("nbs-io-42-2017");
    expect(nbsClassification(2015, 42).system).toBe("nbs-io-42-2012");
    expect(nbsClassification(2020, 153).system).toBe("nbs-io-153-2018");
  });
});

function rawOf(lines: string[][]): RawTable {
  const [header, ...rows] = lines;
  return {
    file: "t.csv",
    header: header ?? [],
    headerRow: 1,
    rows,
    rowNumbers: rows.map((_, k) => k + 2),
    titleLines: [],
  };
}

describe("readNbsTable structural issues", () => {
  it("reports a missing GO column at the header row", () => {
    const r = readNbsTable(
      rawOf([
        ["Code", "Description", "DescriptionInChinese", "01"],
        ["01", "a", "甲", "1"],
      ]),
      { year: 2000 },
    );
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.issues).toEqual([
        expect.objectContaining({ code: "missing_column", path: { file: "t.csv", row: 1 }, params: { column: "GO" } }),
      ]);
  });

  it("reports a non-numeric Z cell with its physical row and column", () => {
    const r = readNbsTable(
      rawOf([
        ["Code", "Description", "DescriptionInChinese", "01", "02", "EX", "GO"],
        ["01", "a", "甲", "1", "x1", "8", "10"],
        ["02", "b", "乙", "1", "1", "8", "10"],
      ]),
      { year: 2000 },
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues).toEqual([
        expect.objectContaining({
          code: "non_numeric_cell",
          path: { file: "t.csv", row: 2, column: 5, columnName: "02" },
          params: { value: "x1" },
        }),
      ]);
    }
  });

  it("non-competitive layout: a negative imported flow is reported at its Imports row, even when Z_dom + Z_imp ≥ 0", () => {
    // rows and the imports-row totals all balance; z_imp[01,01] = −2 is hidden in the sum z[01,01] = 10 − 2 = 8
    const r = readNbsTable(
      rawOf([
        ["Code", "Origin", "Description", "DescriptionInChinese", "01", "02", "TC", "GO"],
        ["01", "Domestic", "a", "甲", "10", "20", "70", "100"],
        ["02", "Domestic", "b", "乙", "5", "10", "185", "200"],
        ["01", "Imports", "a", "甲", "-2", "2", "5", "5"],
        ["02", "Imports", "b", "乙", "1", "1", "3", "5"],
      ]),
      { year: 2000 },
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues.filter((i) => i.severity === "error")).toEqual([
        expect.objectContaining({
          code: "negative_flow",
          path: { file: "t.csv", row: 4, column: 5, columnName: "01" },
          params: expect.objectContaining({ block: "imported", value: -2, from: "01", to: "01" }),
        }),
      ]);
    }
  });

  it("reports rows that do not match the sector columns as not_square", () => {
    const r = readNbsTable(
      rawOf([
        ["Code", "Description", "DescriptionInChinese", "01", "02", "GO"],
        ["01", "a", "甲", "1", "1", "10"],
      ]),
      { year: 2000 },
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ code: "not_square", params: { rows: 1, cols: 2 } });
  });
});
