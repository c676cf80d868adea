/**
 * sectorRatios and tierAverages: the §7.6 fixture firm (CR 80 %, PR 7.6087 %), ratio of sums over
 * firms, the R&D-in-admin flag, null ratios on non-positive denominators, tier averages (mean of
 * ratios, ratio of sums, exclusion of primary-product sectors) and property tests.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { expectClose } from "../../../test/helpers/close.js";
import { isCoreError } from "../errors.js";
import {
  type FinancialRow,
  PRIMARY_PRODUCT_SECTORS,
  type SectorFinancials,
  sectorRatios,
  tierAverages,
} from "./ratios.js";

function expectCoreError(f: () => unknown, code: string, params: Record<string, unknown> = {}): void {
  try {
    f();
  } catch (e) {
    expect(isCoreError(e)).toBe(true);
    if (isCoreError(e)) {
      expect(e.code).toBe(code);
      expect(e.params).toMatchObject(params);
    }
    return;
  }
  throw new Error(`expected CoreError ${code}`);
}

/** spec methods.md §7.6 fixture firm: revenue 1000, cost 800, selling 50, admin 40, R&D 20 (separate), financial 10, profit 70. */
const FIXTURE: FinancialRow = Object.freeze({
  firmId: "fixture",
  year: 2023,
  sector: "S20",
  revenueMain: 1000,
  costMain: 800,
  sellingExp: 50,
  adminExp: 40,
  rdExp: 20,
  financialExp: 10,
  totalProfit: 70,
});

const row = (over: Partial<FinancialRow>): FinancialRow => ({ ...FIXTURE, ...over });

describe("sectorRatios", () => {
  it("gives the §7.6 fixture firm CR = 80.00 % and PR = 70/(800+50+60+10) = 7.6087 %", () => {
    const r = sectorRatios([FIXTURE]);
    const s = r.sectors[0] as SectorFinancials;
    // exact by construction: 800/1000 and 70/920 (spec prints 80.00 % and 7.6087 %: atol 0.5e-4 pp)
    expectClose(s.costRatio as number, 0.8, { rtol: 1e-15 });
    expectClose(s.profitRatio as number, 70 / 920, { rtol: 1e-15 });
    expectClose(100 * (s.profitRatio as number), 7.6087, { atol: 0.5e-4 });
    expect(s.managementRdExp).toBe(60);
    expect(s.totalCost).toBe(920);
    expect(r.diagnostics).toEqual([]);
  });

  it("does not double count R&D booked inside management expenses, and reports it", () => {
    const r = sectorRatios([row({ adminExp: 60, rdInAdmin: true })]);
    const s = r.sectors[0] as SectorFinancials;
    expect(s.managementRdExp).toBe(60);
    expectClose(s.profitRatio as number, 70 / 920, { rtol: 1e-15 });
    expect(r.diagnostics).toEqual([
      { code: "rd_in_admin", severity: "info", params: { count: 1, firms: ["fixture"] } },
    ]);
    // the option sets the default; a row whose R&D exceeds admin although flagged is warned about
    const w = sectorRatios([row({ adminExp: 10 })], { rdInAdmin: true });
    expect(w.sectors[0]?.managementRdExp).toBe(10);
    expect(w.diagnostics.map((d) => d.code)).toEqual(["rd_exceeds_admin", "rd_in_admin"]);
    expect(w.diagnostics[0]?.params).toEqual({
      firm: "fixture",
      sector: "S20",
      year: 2023,
      rdExp: 20,
      adminExp: 10,
    });
  });

  it("takes the ratio of sums over firms, not the mean of firm ratios", () => {
    const r = sectorRatios([row({}), row({ firmId: "big", revenueMain: 9000, costMain: 6300, totalProfit: 900 })]);
    const s = r.sectors[0] as SectorFinancials;
    expect(s.rows).toBe(2);
    expectClose(s.costRatio as number, 7100 / 10000, { rtol: 1e-15 }); // mean of firm ratios would be 0.75
    expectClose(s.profitRatio as number, 970 / (920 + 6300 + 120), { rtol: 1e-15 });
    expect(s.productionCost).toBeNull();
  });

  it("returns null ratios and reports non-positive denominators; negative profit is allowed", () => {
    const r = sectorRatios([
      row({ sector: "S01", firmId: "a", revenueMain: 0 }),
      row({ sector: "S02", firmId: "b", costMain: -100, sellingExp: 0, adminExp: 0, rdExp: 0, financialExp: 0 }),
      row({ sector: "S03", firmId: "c", totalProfit: -46 }),
    ]);
    expect(r.sectors.map((s) => s.sector)).toEqual(["S01", "S02", "S03"]);
    expect(r.sectors[0]?.costRatio).toBeNull();
    expect(r.sectors[1]?.profitRatio).toBeNull();
    expectClose(r.sectors[2]?.profitRatio as number, -0.05, { rtol: 1e-15 });
    expect(r.diagnostics).toEqual([
      {
        code: "ratio_denominator_not_positive",
        severity: "warning",
        params: { sector: "S01", year: 2023, ratio: "cost_ratio", denominator: 0 },
      },
      {
        code: "ratio_denominator_not_positive",
        severity: "warning",
        params: { sector: "S02", year: 2023, ratio: "profit_ratio", denominator: -100 },
      },
    ]);
  });

  it("sums production cost only when every firm reports it", () => {
    const r = sectorRatios([row({ productionCost: 700 }), row({ firmId: "b", productionCost: 300 })]);
    expect(r.sectors[0]?.productionCost).toBe(1000);
  });

  it("throws on duplicate firm-years, non-finite money and non-integer years", () => {
    expectCoreError(() => sectorRatios([FIXTURE, FIXTURE]), "invalid_argument", { reason: "duplicate_observation" });
    expectCoreError(() => sectorRatios([row({ costMain: Number.NaN })]), "non_finite", { argument: "costMain" });
    expectCoreError(() => sectorRatios([row({ year: 2023.5 })]), "invalid_argument", { reason: "year_not_integer" });
  });

  test.prop([
    fc.array(
      fc.record({
        revenueMain: fc.double({ min: 1, max: 1e6, noNaN: true }),
        costShare: fc.double({ min: 0, max: 1, noNaN: true }),
      }),
      { minLength: 1, maxLength: 6 },
    ),
  ])("a sector's cost ratio lies between its firms' smallest and largest", (firms) => {
    const rows = firms.map((f, i) =>
      row({ firmId: `f${i}`, revenueMain: f.revenueMain, costMain: f.costShare * f.revenueMain }),
    );
    const cr = sectorRatios(rows).sectors[0]?.costRatio as number;
    const shares = firms.map((f) => f.costShare);
    expect(cr).toBeGreaterThanOrEqual(Math.min(...shares) - 1e-12);
    expect(cr).toBeLessThanOrEqual(Math.max(...shares) + 1e-12);
  });
});

describe("tierAverages", () => {
  const rows: FinancialRow[] = [
    row({ sector: "S20", firmId: "a", revenueMain: 100, costMain: 60 }),
    row({ sector: "S21", firmId: "b", revenueMain: 300, costMain: 240 }),
    row({ sector: "S03", firmId: "c", revenueMain: 200, costMain: 150 }),
    row({ sector: "S06", firmId: "d", revenueMain: 100, costMain: 85 }),
    row({ sector: "S01", firmId: "e", revenueMain: 100, costMain: 90 }),
    row({ sector: "S02", firmId: "f", revenueMain: 0, costMain: 10 }),
    row({ sector: "S42", firmId: "g" }),
  ];
  const sectors = sectorRatios(rows).sectors;
  const tiers = { S20: "high", S21: "high", S03: "medium", S06: "medium", S01: "low", S02: "low" };

  it("averages sector ratios without weights by default, leaving out null ratios and untiered sectors", () => {
    const r = tierAverages(sectors, tiers);
    expect(r.method).toBe("mean_of_ratios");
    const [high, medium, low] = r.averages;
    expectClose(high?.costRatio as number, (0.6 + 0.8) / 2, { rtol: 1e-15 });
    expectClose(medium?.costRatio as number, (0.75 + 0.85) / 2, { rtol: 1e-15 });
    expectClose(low?.costRatio as number, 0.9, { rtol: 1e-15 }); // S02 (revenue 0) left out
    expect(low?.costRatioSectors).toEqual(["S01"]);
    expect(low?.profitRatioSectors).toEqual(["S01", "S02"]);
    expect(r.diagnostics).toEqual([
      { code: "sector_without_tier", severity: "info", params: { count: 1, sectors: ["S42"] } },
    ]);
  });

  it("takes the ratio of sums over the tier with method ratio_of_sums", () => {
    const r = tierAverages(sectors, tiers, { method: "ratio_of_sums" });
    expectClose(r.averages[0]?.costRatio as number, 300 / 400, { rtol: 1e-15 });
  });

  it("recomputes the averages without primary-product sectors", () => {
    const r = tierAverages(sectors, tiers, { exclude: PRIMARY_PRODUCT_SECTORS, tierOrder: ["high", "medium", "low"] });
    const [, medium, low] = r.averages;
    expectClose(medium?.costRatio as number, 0.85, { rtol: 1e-15 });
    expect(medium?.excluded).toEqual(["S03"]);
    expect(low?.costRatio).toBeNull();
    expect(low?.excluded).toEqual(["S01", "S02"]);
    expect(r.diagnostics.filter((d) => d.code === "tier_without_sectors").map((d) => d.params)).toEqual([
      { tier: "low", year: 2023, ratio: "cost_ratio" },
      { tier: "low", year: 2023, ratio: "profit_ratio" },
    ]);
  });

  it("rejects an unknown method and a tier order that misses a tier", () => {
    expectCoreError(() => tierAverages(sectors, tiers, { method: "median" as never }), "invalid_argument", {
      option: "method",
    });
    expectCoreError(() => tierAverages(sectors, tiers, { tierOrder: ["high"] }), "invalid_argument", {
      reason: "unknown_tier",
    });
  });

  test.prop([fc.array(fc.double({ min: 0.01, max: 2, noNaN: true }), { minLength: 1, maxLength: 8 })])(
    "the mean of ratios equals the arithmetic mean of the sector ratios",
    (ratios) => {
      const s = sectorRatios(
        ratios.map((cr, i) => row({ sector: `S${10 + i}`, firmId: `x${i}`, costMain: cr * 1000 })),
      ).sectors;
      const t = Object.fromEntries(s.map((x) => [x.sector, "one"]));
      const avg = tierAverages(s, t).averages[0]?.costRatio as number;
      expectClose(avg, ratios.reduce((a, b) => a + b, 0) / ratios.length, { rtol: 1e-12 });
    },
  );
});
