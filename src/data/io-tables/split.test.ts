import { describe, expect, it } from "vitest";
import { expectClose } from "../../../test/helpers/close.js";
import type { IoTable } from "../../core/index.js";
import { fromRows, matrix } from "../../core/index.js";
import { shippedDataset } from "../catalog.js";
import { detailedConcordanceRows, detailedToCanonical42 } from "../classification/nbs-detailed-42.js";
import { readShippedDataset } from "../store/build.js";
import { canonicalDataset, detailedToCanonical42Table, MERGED_S22_S23, toCanonical42 } from "./crosswalk.js";
import { splitMergedSector } from "./split.js";
import { balanceSummary } from "./validate.js";

function load(id: string) {
  const d = shippedDataset(id);
  if (d === undefined) throw new Error(`no dataset ${id}`);
  const r = readShippedDataset(d);
  if (!r.ok) throw new Error(`${id}: ${JSON.stringify(r.issues.slice(0, 2))}`);
  return { meta: r.value.meta, table: r.value.table };
}

const cell = (t: IoTable, code: string, col: string): number => {
  const n = t.sectors.length;
  const i = t.sectors.findIndex((s) => s.code === code);
  const j = t.sectors.findIndex((s) => s.code === col);
  if (i < 0 || j < 0) throw new Error(`no ${code}/${col}`);
  return t.Z.data[i * n + j] as number;
};
const at = (t: IoTable, code: string) => t.sectors.findIndex((s) => s.code === code);

describe("splitMergedSector — hand example", () => {
  // table: sectors A and M (M = a + b merged); share table: A, a, b.
  // share Z = [[0, 10, 30], [2, 1, 3], [6, 0, 4]]  (row A sells 10 to a, 30 to b; …), x^s = [100, 40, 60]
  // table Z = [[5, 20], [4, 16]], Y (one category) = [[75], [80]], x = [100, 100]
  // row shares of M → A: a 2/(2+6) = 1/4, b 3/4 → z_aA = 1, z_bA = 3
  // column shares of A → M: a 10/40 = 1/4, b 3/4 → z_Aa = 5, z_Ab = 15
  // M×M block total 1+3+0+4 = 8 → z_aa = 16·1/8 = 2, z_ab = 6, z_ba = 0, z_bb = 8
  // y shares: share Y = [[60], [36], [50]] → a 36/86, b 50/86; x_a = 100·0.4 = 40, x_b = 60
  const table: IoTable = {
    sectors: [{ code: "A" }, { code: "M" }],
    Z: fromRows([
      [5, 20],
      [4, 16],
    ]),
    finalDemand: matrix(2, 1, Float64Array.from([75, 80])),
    finalDemandCodes: ["f"],
    output: Float64Array.from([100, 100]),
  };
  const shares: IoTable = {
    sectors: [{ code: "A" }, { code: "a" }, { code: "b" }],
    Z: fromRows([
      [0, 10, 30],
      [2, 1, 3],
      [6, 0, 4],
    ]),
    finalDemand: matrix(3, 1, Float64Array.from([60, 36, 50])),
    finalDemandCodes: ["f"],
    output: Float64Array.from([100, 40, 60]),
  };

  it("splits rows by row shares, columns by column shares and the M×M cell by the block shares", () => {
    const r = splitMergedSector(table, shares, {
      merged: "M",
      parts: [{ code: "a" }, { code: "b" }],
      sharesId: "hand",
      tolerance: 1, // the hand table is not an aggregation of the share table; balance is tested below
    });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const t = r.value.table;
    expect(t.sectors.map((s) => s.code)).toEqual(["A", "a", "b"]);
    const expected = [
      [5, 5, 15],
      [1, 2, 6],
      [3, 0, 8],
    ];
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++)
        expectClose(t.Z.data[i * 3 + j] as number, expected[i]?.[j] as number, { atol: 1e-12 }, `z ${i}${j}`);
    expectClose(t.finalDemand.data[1] as number, (80 * 36) / 86, { atol: 1e-12 }, "y_a");
    expectClose(t.finalDemand.data[2] as number, (80 * 50) / 86, { atol: 1e-12 }, "y_b");
    expect(Array.from(t.output)).toEqual([100, 40, 60]);
    expect(r.value.step.params).toMatchObject({ merged: "M", parts: ["a", "b"], fallbacksToOutputShare: 0 });
  });

  it("reports out_of_balance when the split rows do not add up to the split output", () => {
    const r = splitMergedSector(table, shares, {
      merged: "M",
      parts: [{ code: "a" }, { code: "b" }],
      sharesId: "hand",
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.code)).toContain("out_of_balance");
  });

  it("rejects a code that the share table lacks (invalid_value)", () => {
    const r = splitMergedSector(table, shares, {
      merged: "M",
      parts: [{ code: "a" }, { code: "c" }],
      sharesId: "hand",
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ code: "invalid_value", params: { value: "c" } });
  });
});

describe("detailed → canonical 42 concordance (src/data/classification/nbs-detailed-42.ts)", () => {
  it("maps every product once (weight 1) to S01…S42, with 139, 149 and 153 products", () => {
    for (const [system, n] of [
      ["nbs-io-139-2012", 139],
      ["nbs-io-149-2017", 149],
      ["nbs-io-153-2018", 153],
    ] as const) {
      const rows = detailedConcordanceRows(system);
      expect(rows).toHaveLength(n);
      expect(new Set(rows.map((r) => r.toCode)).size).toBe(42);
      expect(rows.every((r) => r.weight === 1)).toBe(true);
    }
  });

  it("149/153: the aggregated detailed table equals the 2017/2018/2020 42-sector table cell by cell (S22+S23 summed)", () => {
    for (const [year, n] of [
      [2017, 149],
      [2018, 153],
      [2020, 153],
    ] as const) {
      const agg = canonicalDataset(load(`cn-nbs-io-${year}-${n}`));
      const c42 = toCanonical42(load(`cn-nbs-io-${year}-42`).table, "2017");
      if (!agg.ok || !c42.ok) throw new Error("conversion failed");
      const a = agg.value.table;
      const b = c42.value.table;
      const idx = (code: string) => (code === "S22" || code === "S23" ? at(b, MERGED_S22_S23) : at(b, code));
      let worst = 0;
      for (const si of a.sectors)
        for (const sj of a.sectors) {
          const ia = at(a, si.code);
          const ja = at(a, sj.code);
          if ([si.code, sj.code].some((c) => c === "S22" || c === "S23")) continue;
          const x = b.Z.data[idx(si.code) * 41 + idx(sj.code)] as number;
          worst = Math.max(worst, Math.abs((a.Z.data[ia * 42 + ja] as number) - x) / Math.max(Math.abs(x), 1));
        }
      // the shipped files agree to ≤ 2e-14 (15 significant digits summed over ≤ 15×15 products)
      expect(worst, `${year}`).toBeLessThan(1e-12);
      expectClose(
        (a.output[at(a, "S22")] as number) + (a.output[at(a, "S23")] as number),
        b.output[at(b, MERGED_S22_S23)] as number,
        { rtol: 1e-13 },
        `${year} x22`,
      );
    }
  });

  it("139 (2012): blocks by product names — first and last product of anchor sectors", () => {
    const t = load("cn-nbs-io-2012-139").table;
    const map = detailedToCanonical42("nbs-io-139-2012");
    const block = (id: string) => {
      const names = t.sectors.filter((s) => map.get(s.code) === id).map((s) => s.nameZh);
      return [names[0], names.at(-1), names.length];
    };
    expect(block("S01")).toEqual(["农产品", "农、林、牧、渔服务", 5]);
    expect(block("S06")).toEqual(["谷物磨制品", "烟草制品", 14]);
    expect(block("S07")).toEqual(["棉、化纤纺织及印染精加工品", "纺织制成品", 5]);
    expect(block("S12")).toEqual(["基础化学原料", "塑料制品", 11]);
    expect(block("S20")).toEqual(["计算机", "其他电子设备", 6]);
    expect(block("S22")).toEqual(["其他制造产品", "其他制造产品", 1]);
    expect(block("S23")).toEqual(["废弃资源和废旧材料回收加工品", "废弃资源和废旧材料回收加工品", 1]);
    expect(block("S30")).toEqual(["铁路运输", "邮政", 8]);
    expect(block("S32")).toEqual(["电信和其他信息传输服务", "软件和信息技术服务", 2]);
    expect(block("S36")).toEqual(["研究和试验发展", "科技推广和应用服务", 3]);
    expect(block("S41")).toEqual(["新闻和出版", "娱乐", 5]);
    expect(block("S42")).toEqual(["社会保障", "公共管理和社会组织", 2]);
  });

  it("139 (2012) aggregated to 42: balanced, totals kept, caveat and step recorded", () => {
    const d = load("cn-nbs-io-2012-139");
    const r = canonicalDataset(d);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const t = r.value.table;
    expect(t.sectors.map((s) => s.code)).toEqual(
      Array.from({ length: 42 }, (_, k) => `S${String(k + 1).padStart(2, "0")}`),
    );
    const b = balanceSummary(t);
    expect(b.rowMaxRelative).toBeLessThan(1e-9);
    expect(b.columnMaxRelative).toBeLessThan(1e-9);
    const sum = (v: Float64Array) => v.reduce((a, x) => a + x, 0);
    expectClose(sum(t.output), sum(d.table.output), { rtol: 1e-13 }, "Σx");
    expect(r.value.meta.provenance.caveats.map((c) => c.code)).toContain("nbs_detailed_aggregated_to_42");
    expect(r.value.meta.provenance.transformations.at(-1)?.step).toBe("aggregate_detailed_to_canonical_42");
    expect(r.value.meta.classification?.system).toBe("nbs-io-42-2012");
    expect(detailedToCanonical42Table(d.table, "nbs-io-149-2017").ok).toBe(false);
  });
});

describe("canonicalDataset with the detailed table: S22+S23 split (ADR 0012)", () => {
  it("2020: the split cells are the 153-sector table's (cells of china_2020_153.csv, products 097 and 098)", () => {
    const r = canonicalDataset(load("cn-nbs-io-2020-42"), undefined, load("cn-nbs-io-2020-153"));
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const t = r.value.table;
    expect(t.sectors).toHaveLength(42);
    expect(r.value.mergedCells).toEqual([]);
    // shares applied to cells that agree with the detailed table to ≤ 2e-14 → rtol 1e-12
    const tol = { rtol: 1e-12 };
    // GO of 097 其他制造产品 and 098 废弃资源和废旧材料回收加工品
    expectClose(t.output[at(t, "S22")] as number, 44660301.3045909, tol, "x S22");
    expectClose(t.output[at(t, "S23")] as number, 98824192.2281618, tol, "x S23");
    // row 098, columns 061…065 (S14 金属冶炼和压延加工品)
    const s23s14 = 8216988.57202884 + 39747965.4172883 + 4253385.98687669 + 12980193.614516 + 573882.939666876;
    expectClose(cell(t, "S23", "S14"), s23s14, tol, "z S23→S14");
    // the 2×2 block: (097,097), (097,098), (098,097) = 0, (098,098)
    expectClose(cell(t, "S22", "S22"), 1217028.61286493, tol, "z S22→S22");
    expectClose(cell(t, "S22", "S23"), 19287.5319659535, tol, "z S22→S23");
    expect(cell(t, "S23", "S22")).toBe(0);
    expectClose(cell(t, "S23", "S23"), 11836488.7540305, tol, "z S23→S23");
    // column 098, rows 043…053 (S12 化学产品)
    const s12s23 =
      189402.240822409 +
      20666.5219862992 +
      34954.9414734147 +
      998.245135982182 +
      4.82216119892211 +
      63.0950927736197 +
      200035.543292755 +
      281697.683643233;
    expectClose(cell(t, "S12", "S23"), s12s23, tol, "z S12→S23");
    // VA001 of 098; IM of 098
    expectClose(t.valueAdded?.[0]?.values[at(t, "S23")] as number, 19426424.8624337, tol, "VA001 S23");
    expectClose(t.imports?.[at(t, "S23")] as number, 5942120.35494722, tol, "m S23");
    // final use: TC of S22 = FU101 + FU102 + FU103 of 097
    expectClose(t.finalDemand.data[at(t, "S22") * 4] as number, 1188015.95895082 + 3366560.16355687, tol, "TC S22");
    expect(r.value.meta.provenance.caveats).toContainEqual({
      code: "nbs_s22_s23_split_by_detailed_shares",
      params: { detailedTable: "cn-nbs-io-2020-153", year: 2020 },
    });
    expect(r.value.meta.provenance.transformations.map((s) => s.step)).toEqual(
      expect.arrayContaining(["crosswalk_to_canonical_42", "split_merged_sector"]),
    );
  });

  it("2017, 2018, 2020: balanced after the split (rows, columns, domestic rows) and the other sectors untouched", () => {
    for (const [year, n] of [
      [2017, 149],
      [2018, 153],
      [2020, 153],
    ] as const) {
      const t42 = load(`cn-nbs-io-${year}-42`);
      const r = canonicalDataset(t42, undefined, load(`cn-nbs-io-${year}-${n}`));
      if (!r.ok) throw new Error(JSON.stringify(r.issues));
      const t = r.value.table;
      const b = balanceSummary(t);
      expect(b.rowMaxRelative, `${year} rows`).toBeLessThan(1e-9);
      expect(b.columnMaxRelative, `${year} columns`).toBeLessThan(1e-9);
      const split = r.value.meta.provenance.transformations.find((s) => s.step === "split_merged_sector");
      expect(split?.params["fallbacksToOutputShare"], `${year} fallbacks`).toBe(0);
      // the parts' imported use is made equal to their imports (2017: 77 387 万元 of the 529 218 gap
      // found no room in nonnegative cells and went through FU202 inventory changes)
      expect(split?.params["importReallocation"], `${year} reallocation`).toMatchObject({ unplaced: 0 });
      // domestic identity: Σ_j zdom_ij + Σ_k ydom_ik = x_i for the parts
      const Zd = t.Zdomestic;
      const Yd = t.finalDemandDomestic;
      if (Zd === undefined || Yd === undefined) throw new Error("domestic blocks lost");
      for (const code of ["S22", "S23"]) {
        const i = at(t, code);
        let s = 0;
        for (let j = 0; j < 42; j++) s += Zd.data[i * 42 + j] as number;
        for (let k = 0; k < Yd.cols; k++) s += Yd.data[i * Yd.cols + k] as number;
        expectClose(s, t.output[i] as number, { rtol: 1e-9 }, `${year} domestic row ${code}`);
      }
      // every intermediate domestic flow of the parts within [0, total flow]
      for (const code of ["S22", "S23"]) {
        const i = at(t, code);
        for (let j = 0; j < 42; j++) {
          const z = t.Z.data[i * 42 + j] as number;
          const zd = Zd.data[i * 42 + j] as number;
          expect(zd >= -1e-9 * Math.max(z, 1) && zd <= z + 1e-9 * Math.max(z, 1), `${year} ${code} zdom ${j}`).toBe(
            true,
          );
          const zc = t.Z.data[j * 42 + i] as number;
          const zdc = Zd.data[j * 42 + i] as number;
          expect(zdc >= 0 && zdc <= zc * (1 + 1e-12), `${year} ${code} column zdom ${j}`).toBe(true);
        }
      }
      // cells between other sectors are copied from the merged canonical table
      const merged = toCanonical42(t42.table, "2017");
      if (!merged.ok) throw new Error("merged");
      expect(cell(t, "S20", "S32")).toBe(cell(merged.value.table, "S20", "S32"));
      // the parts of each row cell add up to the merged cell
      expectClose(
        cell(t, "S22", "S30") + cell(t, "S23", "S30"),
        cell(merged.value.table, MERGED_S22_S23, "S30"),
        { rtol: 1e-14 },
        `${year} row split`,
      );
    }
  });
});
