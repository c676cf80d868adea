import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { expectClose } from "../../test/helpers/close.js";
import { SPEC_5_9 } from "../../test/reference/textbook/fixtures.js";
import { groupLinkages } from "../core/index.js";
import type { IoTable } from "../core/io-analysis/io-table.js";
import { matrix } from "../core/linalg/matrix.js";
import { canonicalDataset, readShippedDataset, shippedDataset } from "../data/index.js";
import type { LoadedIoTable } from "./dataset-source.js";
import { ioLinkages } from "./io-linkages.js";
import { ioSeries } from "./io-series.js";
import { fakeMeta, fixedClock, memorySource, threeSectorTable } from "./test-fixtures.js";

/** The three-sector table with its flows scaled in the first column (a different A). */
function variantTable(): IoTable {
  const t = threeSectorTable();
  const Z = Float64Array.from([100, 500, 50, 250, 100, 400, 300, 0, 0]);
  return { ...t, Z: matrix(3, 3, Z) };
}

describe("ioSeries", () => {
  const source = memorySource([
    { meta: fakeMeta("nbs-2015", 2015, "nbs-io-42-2012", 42), table: threeSectorTable() },
    { meta: fakeMeta("nbs-2018", 2018, "nbs-io-42-2017", 42), table: variantTable() },
    { meta: fakeMeta("other", 2016, "test-3"), table: threeSectorTable() },
  ]);

  it("gives table years the two_block group coefficients and interpolates A* in between (spec §5.7)", async () => {
    const r = await ioSeries({
      source,
      family: "nbs",
      group: ["03"],
      clock: fixedClock,
      published: () => [{ ref: "14", year: 2015, measure: "influence", value: 1.04, source: "seed 000" }],
    });
    expect(r.points.map((p) => [p.year, p.source])).toEqual([
      [2015, "table"],
      [2016, "interpolated"],
      [2017, "interpolated"],
      [2018, "table"],
    ]);
    const g2015 = groupLinkages(threeSectorTable(), ["03"]);
    expectClose(r.points[0]?.influence ?? 0, g2015.influence, { atol: 1e-12 });
    expect(r.points[1]?.interpolation).toMatchObject({ from: 2015, to: 2018, method: "interpolate_A_two_block" });
    expectClose(r.points[1]?.interpolation?.weight ?? 0, 1 / 3, { atol: 1e-15 });
    // interpolated values lie between the table-year values here (monotone in w for this pair)
    const [a, b, , d] = r.points.map((p) => p.influence);
    expect(Math.min(a ?? 0, d ?? 0) <= (b ?? 0) && (b ?? 0) <= Math.max(a ?? 0, d ?? 0)).toBe(true);
    expect(r.published).toHaveLength(1);
    expect(r.provenance.datasets.map((d) => d.id)).toEqual(["nbs-2015", "nbs-2018"]);
    expect(r.diagnostics.some((d) => d.code === "interpolated")).toBe(true);
  });

  it("holds the last table constant up to `through` and says so", async () => {
    const r = await ioSeries({ source, family: "nbs", group: ["03"], through: 2020, clock: fixedClock });
    expect(r.points.at(-1)).toMatchObject({ year: 2020, source: "extrapolated_hold", tableId: "nbs-2018" });
    expect(r.diagnostics.some((d) => d.code === "extrapolated_hold")).toBe(true);
  });

  it("throws too_few_observations for a family without tables", async () => {
    await expect(ioSeries({ source, family: "oecd", group: ["03"] })).rejects.toMatchObject({
      code: "too_few_observations",
    });
  });
});

/**
 * The three-sector table with sector 03 split into two sectors ("03a", "03b") — a "detailed" table of
 * the same economy: output 1000 → 400 + 600, row 03 and column 03 of Z and f split 40/60, so every row
 * still balances (03a: 120 + 280 = 400; 03b: 180 + 420 = 600) and the block sums are those of the 3×3 table.
 */
function splitThirdSector(): IoTable {
  const Z = [
    [150, 500, 20, 30],
    [200, 100, 160, 240],
    [120, 0, 0, 0],
    [180, 0, 0, 0],
  ];
  return {
    sectors: [
      { code: "01", nameZh: "农业" },
      { code: "02", nameZh: "制造业" },
      { code: "03a", nameZh: "服务业甲" },
      { code: "03b", nameZh: "服务业乙" },
    ],
    Z: matrix(4, 4, Float64Array.from(Z.flat())),
    finalDemand: matrix(4, 1, Float64Array.from([300, 1300, 280, 420])),
    finalDemandCodes: ["fd"],
    output: Float64Array.from([1000, 2000, 400, 600]),
  };
}

describe("ioSeries: a detailed table for a year without a 42-sector table", () => {
  const source = memorySource([
    { meta: fakeMeta("nbs-2012-detailed", 2012, "nbs-io-139-2012", 139), table: splitThirdSector() },
    { meta: fakeMeta("nbs-2015", 2015, "nbs-io-42-2012", 42), table: threeSectorTable() },
    { meta: fakeMeta("nbs-2018", 2018, "nbs-io-42-2017", 42), table: variantTable() },
    // a detailed table of a year that has a 42-sector table is never used
    { meta: fakeMeta("nbs-2018-detailed", 2018, "nbs-io-153-2018", 153), table: splitThirdSector() },
  ]);
  const merge = SPEC_5_9.three_sector.group_1_2.merge;

  it("uses it under two_block: G = {01, 02} gives spec §5.9's two-sector values whatever the split of 03", async () => {
    // with G = {1, 2} the two blocks are G and {3}: the 2×2 table is spec §5.9's merge example,
    // F_G = 0.985075, E_G = 1.298507 (numpy, printed to 6 decimals → atol 5e-7); sector 03 is split in
    // the detailed table, which must not change the block values
    const r = await ioSeries({ source, family: "nbs", group: ["01", "02"], clock: fixedClock });
    expect(r.points.map((p) => [p.year, p.source, p.tableId])).toEqual([
      [2012, "table", "nbs-2012-detailed"],
      [2013, "interpolated", "nbs-2012-detailed"],
      [2014, "interpolated", "nbs-2012-detailed"],
      [2015, "table", "nbs-2015"],
      [2016, "interpolated", "nbs-2015"],
      [2017, "interpolated", "nbs-2015"],
      [2018, "table", "nbs-2018"],
    ]);
    for (const p of [r.points[0], r.points[3]]) {
      expectClose(p?.influence ?? Number.NaN, merge.F[0] as number, { atol: 5e-7 }, `F_G ${p?.year}`);
      expectClose(p?.sensitivity ?? Number.NaN, merge.E[0] as number, { atol: 5e-7 }, `E_G ${p?.year}`);
    }
    expect(r.detailedTables).toEqual([
      { year: 2012, tableId: "nbs-2012-detailed", sectors: 139, used: true, reason: "two_block_invariant" },
    ]);
    expect(r.provenance.datasets.map((d) => d.id)).toEqual(["nbs-2012-detailed", "nbs-2015", "nbs-2018"]);
    expect(r.provenance.parameters).toMatchObject({
      tableYears: [2012, 2015, 2018],
      detailedTables: ["nbs-2012-detailed"],
    });
  });

  it("uses it for every variant of two_block (the variant is computed on the 2×2 table)", async () => {
    for (const variant of ["ghosh_sensitivity", "weighted"] as const) {
      const r = await ioSeries({ source, family: "nbs", group: ["01", "02"], variant, clock: fixedClock });
      expect(r.points[0]).toMatchObject({ year: 2012, source: "table", tableId: "nbs-2012-detailed" });
      // same economy, same blocks: the 2012 (split) and 2015 (unsplit) table points are equal to rounding
      expectClose(r.points[0]?.influence ?? Number.NaN, r.points[3]?.influence ?? Number.NaN, { rtol: 1e-13 }, variant);
      expectClose(
        r.points[0]?.sensitivity ?? Number.NaN,
        r.points[3]?.sensitivity ?? Number.NaN,
        { rtol: 1e-13 },
        variant,
      );
    }
  });

  it.each(["merge", "weighted_mean"] as const)(
    "leaves it out under %s and says why (not split-invariant)",
    async (groupMethod) => {
      const r = await ioSeries({ source, family: "nbs", group: ["03"], groupMethod, clock: fixedClock });
      expect(r.points[0]).toMatchObject({ year: 2015, source: "table" });
      expect(r.points.some((p) => p.tableId === "nbs-2012-detailed")).toBe(false);
      expect(r.detailedTables).toEqual([
        { year: 2012, tableId: "nbs-2012-detailed", sectors: 139, used: false, reason: "group_method_not_invariant" },
      ]);
      expect(r.provenance.datasets.map((d) => d.id)).toEqual(["nbs-2015", "nbs-2018"]);
      expect(r.provenance.parameters).toMatchObject({
        detailedTablesNotUsed: ["nbs-2012-detailed:group_method_not_invariant"],
      });
    },
  );

  it("leaves it out when a custom group does not resolve in it (unknown_sector) and says why", async () => {
    const r = await ioSeries({ source, family: "nbs", group: ["03"], clock: fixedClock });
    expect(r.points[0]).toMatchObject({ year: 2015, source: "table" });
    expect(r.detailedTables).toEqual([
      {
        year: 2012,
        tableId: "nbs-2012-detailed",
        sectors: 139,
        used: false,
        reason: "group_not_resolvable",
        errorCode: "unknown_sector",
      },
    ]);
  });
});

describe("ioSeries: the shipped NBS tables include the 2012 point from cn-nbs-io-2012-139", () => {
  const ids = [
    "cn-nbs-io-2010-41",
    "cn-nbs-io-2012-139",
    "cn-nbs-io-2015-42",
    "cn-nbs-io-2020-42",
    "cn-nbs-io-2020-153",
  ];
  const shipped = (): LoadedIoTable[] =>
    ids.map((id) => {
      const d = shippedDataset(id);
      if (d === undefined) throw new Error(`no shipped dataset ${id}`);
      const read = readShippedDataset(d);
      if (!read.ok) throw new Error(`${id}: ${read.issues.map((i) => i.code).join(", ")}`);
      return { meta: read.value.meta, table: read.value.table };
    });
  const source = memorySource(shipped());

  it("matches numpy's two-block F_D, E_D of the 139-sector table (1e-12) and spec §5.9 for 2015, 2020 (5e-7)", async () => {
    // test/reference/numpy-io/two_block_2012_139.py (np.linalg.inv of the 2×2 aggregated I − A): the 2×2
    // system is well conditioned, both sides agree to rounding → rtol 1e-12. Spec §5.9 prints 6 decimals.
    const ref = JSON.parse(
      readFileSync(resolve(import.meta.dirname, "../../test/reference/numpy-io/two_block_2012_139.json"), "utf8"),
    ) as { influence: number; sensitivity: number; group: string[] };
    const r = await ioSeries({ source, family: "nbs", clock: fixedClock });
    const at = (year: number) => r.points.find((p) => p.year === year);
    // the 139-sector table is aggregated to the canonical 42 sectors (committed concordance, ADR 0012):
    // D = S20 (products 086–091) + S32 (114–115) has the same block sums, so the numpy values still hold
    expect(ref.group).toEqual(["086", "087", "088", "089", "090", "091", "114", "115"]);
    expect(at(2012)).toMatchObject({ source: "table", tableId: "cn-nbs-io-2012-139", codes: ["S20", "S32"] });
    expectClose(at(2012)?.influence ?? Number.NaN, ref.influence, { rtol: 1e-12 }, "F_D 2012");
    expectClose(at(2012)?.sensitivity ?? Number.NaN, ref.sensitivity, { rtol: 1e-12 }, "E_D 2012");
    const spec = SPEC_5_9.nbs_public_data.two_block;
    expectClose(at(2015)?.influence ?? Number.NaN, spec["2015"].F_D, { atol: 5e-7 }, "F_D 2015");
    expectClose(at(2020)?.sensitivity ?? Number.NaN, spec["2020"].E_D, { atol: 5e-7 }, "E_D 2020");
    // the 2020 153-sector table is not used: 2020 has a 42-sector table
    expect(at(2020)?.tableId).toBe("cn-nbs-io-2020-42");
    expect(at(2011)).toMatchObject({ source: "interpolated", interpolation: { from: 2010, to: 2012 } });
    expect(r.detailedTables).toEqual([
      { year: 2012, tableId: "cn-nbs-io-2012-139", sectors: 139, used: true, reason: "aggregated_to_canonical_42" },
    ]);
    // every table year but 2010 (41-sector 2007 list, no crosswalk) is on the canonical 42 sectors
    expect(r.provenance.parameters["canonical42"]).toEqual({
      "2010": "none",
      "2012": "aggregated_detailed",
      "2015": "canonical_42",
      "2020": "split_s22_s23",
    });
    expect(r.provenance.datasets.map((d) => d.id)).toContain("cn-nbs-io-2020-153");
    expect(r.provenance.caveats.map((c) => c.code)).toEqual(
      expect.arrayContaining(["nbs_detailed_aggregated_to_42", "nbs_s22_s23_split_by_detailed_shares"]),
    );
  });

  it("uses the 139-sector table under merge too, once aggregated to the canonical 42 sectors", async () => {
    // before the concordance (ADR 0012) merge left 2012 out (a merge result depends on the sector split);
    // on the canonical 42 sectors 2012 is split like every other canonical year
    const r = await ioSeries({ source, family: "nbs", groupMethod: "merge", clock: fixedClock });
    const p2012 = r.points.find((p) => p.year === 2012);
    expect(p2012).toMatchObject({ source: "table", tableId: "cn-nbs-io-2012-139", codes: ["S20", "S32"] });
    expect(r.detailedTables).toEqual([
      { year: 2012, tableId: "cn-nbs-io-2012-139", sectors: 139, used: true, reason: "aggregated_to_canonical_42" },
    ]);
    expect(r.diagnostics.some((d) => d.code === "detailed_table_not_used")).toBe(false);
    // the 2012 point is the merge coefficient of the aggregated table (41 sectors after merging D)
    const canon = canonicalDataset(shipped()[1] as LoadedIoTable);
    if (!canon.ok) throw new Error("2012 conversion");
    const g = groupLinkages(canon.value.table, ["S20", "S32"], { method: "merge", zeroOutput: "zero_column" });
    expect(g.sectorCount).toBe(41);
    expectClose(p2012?.influence ?? Number.NaN, g.influence, { rtol: 1e-15 }, "merge F 2012");
  });
});

describe("ioLinkages", () => {
  it("returns the linkage JSON with provenance for an in-memory table", async () => {
    const r = await ioLinkages({
      table: threeSectorTable(),
      meta: fakeMeta("t3", 2015),
      variant: "ghosh_sensitivity",
      clock: fixedClock,
    });
    // spec §5.9: Ghosh E = [1.210227, 0.886364, 0.903409]
    expectClose(r.sectors[0]?.sensitivity ?? 0, 1.210227, { atol: 1e-6 });
    expect(r.provenance).toMatchObject({
      method: "io_linkages",
      computedAt: "2026-01-02T03:04:05.000Z",
      parameters: { variant: "ghosh_sensitivity", imports: "competitive" },
    });
    expect(r.block).toBeUndefined();
  });

  it("uses domestic flows when asked and the table has them", async () => {
    const t = threeSectorTable();
    const Zd = matrix(3, 3, Float64Array.from([100, 400, 40, 150, 80, 300, 250, 0, 0]));
    const r = await ioLinkages({ table: { ...t, Zdomestic: Zd }, meta: fakeMeta("t3d", 2020), imports: "domestic" });
    const c = await ioLinkages({ table: { ...t, Zdomestic: Zd }, meta: fakeMeta("t3d", 2020) });
    expect(r.sectors[0]?.influence).not.toBeCloseTo(c.sectors[0]?.influence ?? 0, 6);
    expect(r.imports).toBe("domestic");
  });
});
