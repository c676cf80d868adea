/**
 * Tier value-added structure on the shipped NBS tables (spec §6.4). The arithmetic (shares, ΔVA_k/ΔVA)
 * is checked against spec §6.4's worked example in src/core/tiers/structure.test.ts; here: the wiring —
 * seed 000's membership (42 sectors, 6/6/7/10/13), the table years and the interpolated years between
 * them, the printed values beside and the consistency check of the printed 2024 contributions, whose
 * five values sum to 101.23 % (spec §6.1 [DERIVED]).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openShippedStore } from "../../test/helpers/real-app.js";
import type { DataStore } from "./store.js";
import { tierStructureSeries } from "./tier-structure.js";

let store: DataStore;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ store, close } = await openShippedStore());
});
afterAll(async () => close());

describe("tierStructureSeries", () => {
  it("seed 000's five tiers on the 2012–2020 tables: shares sum to 1 every year; table and interpolated years", async () => {
    const r = await tierStructureSeries({ source: store.source });
    expect(r.tiers).toEqual(["high", "mid_high", "medium", "mid_low", "low"]);
    const count = (t: string) => r.members.filter((m) => m.tier === t).length;
    expect(r.tiers.map(count)).toEqual([6, 6, 7, 10, 13]);
    expect(r.years.map((y) => y.year)).toEqual([2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020]);
    expect(r.years.filter((y) => y.source === "table").map((y) => y.tableId)).toEqual([
      "cn-nbs-io-2012-139",
      "cn-nbs-io-2015-42",
      "cn-nbs-io-2017-42",
      "cn-nbs-io-2018-42",
      "cn-nbs-io-2020-42",
    ]);
    for (const y of r.years) expect((y.shares as number[]).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    // 2016 is the midpoint of 2015 and 2017 sector by sector, hence in every tier total
    const total = (year: number) => r.years.find((y) => y.year === year)?.total as number;
    expect(total(2016)).toBeCloseTo((total(2015) + total(2017)) / 2, 3);
    for (const c of r.contributions)
      expect((c.contributions as number[]).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it("the printed 2024 contributions sum to 101.23 %: sum_mismatch, reported not forced", async () => {
    const r = await tierStructureSeries({ source: store.source });
    expect(r.published.contributionSum2024?.consistent).toBe(false);
    expect(r.published.contributionSum2024?.sum).toBeCloseTo(101.23, 10);
    expect(r.diagnostics.map((d) => d.code)).toContain("sum_mismatch");
    expect(r.published.shares.filter((s) => s.year === 2012).map((s) => s.tier)).toEqual([
      "high",
      "medium",
      "mid_low",
      "low",
    ]);
  });

  it("2012 on public data is within 0.6 percentage points of each printed 2012 share (measured 2026-12-03: 0.26–0.51 pp)", async () => {
    const r = await tierStructureSeries({ source: store.source });
    const y2012 = r.years.find((y) => y.year === 2012);
    for (const p of r.published.shares.filter((s) => s.year === 2012)) {
      const computed = (y2012?.shares[r.tiers.indexOf(p.tier)] as number) * 100;
      expect(Math.abs(computed - p.value), p.tier).toBeLessThan(0.6);
    }
  });

  it("computed membership: the tiers of the 2020 table by thresholds", async () => {
    const r = await tierStructureSeries({ source: store.source, membership: "computed", method: "thresholds" });
    expect(r.membership).toBe("computed");
    expect(r.members).toHaveLength(42);
    expect(r.provenance.parameters.tableId).toBe("cn-nbs-io-2020-42");
  });
});
