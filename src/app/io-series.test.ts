import { describe, expect, it } from "vitest";
import { expectClose } from "../../test/helpers/close.js";
import { groupLinkages } from "../core/index.js";
import type { IoTable } from "../core/io-analysis/io-table.js";
import { matrix } from "../core/linalg/matrix.js";
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
