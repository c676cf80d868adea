/**
 * tierStructure and sumCheck: the spec's §6.4 known answer, seed 000's printed 2024 contributions
 * (§6.1: they sum to 101.23 %), edge cases (total change 0 / negative, non-positive totals) and
 * property tests (shares and contributions sum to 1).
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { expectAllClose, expectClose } from "../../../test/helpers/close.js";
import { isCoreError } from "../errors.js";
import { sumCheck, tierStructure } from "./structure.js";

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

describe("tierStructure", () => {
  // spec methods.md §6.4 "Test": VA_{t−1} = [10, 20, 30], VA_t = [12, 21, 33] → shares_t =
  // [18.1818, 31.8182, 50.0000] %, contributions = [33.3333, 16.6667, 50.0000] % (printed to 4
  // decimals: atol 0.5e-4 percentage points; exact values 2/11, 7/22, 1/2 and 1/3, 1/6, 1/2 to 1e-15).
  const r = tierStructure({
    membership: ["high", "medium", "low"],
    years: [2023, 2024],
    values: [
      [10, 20, 30],
      [12, 21, 33],
    ],
  });

  it("reproduces the §6.4 shares to the printed 4 decimals", () => {
    const shares = r.levels[1]?.shares as number[];
    expectAllClose(
      shares.map((s) => 100 * s),
      [18.1818, 31.8182, 50.0],
      { atol: 0.5e-4 },
      "shares %",
    );
    expectAllClose(shares, [2 / 11, 7 / 22, 1 / 2], { rtol: 1e-15 }, "shares exact");
  });

  it("reproduces the §6.4 contributions to the printed 4 decimals", () => {
    expect(r.contributions).toHaveLength(1);
    const c = r.contributions[0];
    expect(c?.year).toBe(2024);
    expect(c?.totalChange).toBe(6);
    expect(c?.negativeTotalChange).toBe(false);
    const cs = c?.contributions as number[];
    expectAllClose(
      cs.map((v) => 100 * v),
      [33.3333, 16.6667, 50.0],
      { atol: 0.5e-4 },
      "contributions %",
    );
    expectAllClose(cs, [1 / 3, 1 / 6, 1 / 2], { rtol: 1e-15 }, "contributions exact");
    expect(r.diagnostics).toEqual([]);
  });

  it("aggregates sectors into fixed tiers in the given order", () => {
    const s = tierStructure(
      {
        membership: ["low", "high", "low", "high"],
        years: [2011, 2012],
        values: [
          [1, 2, 3, 4],
          [2, 2, 3, 7],
        ],
      },
      { tierOrder: ["high", "mid", "low"] },
    );
    expect(s.tiers).toEqual(["high", "mid", "low"]);
    expect(s.levels[0]?.tierTotals).toEqual([6, 0, 4]);
    expectAllClose(s.contributions[0]?.contributions as number[], [0.75, 0, 0.25], { rtol: 1e-15 });
  });

  it("returns null contributions and total_change_zero when the total does not change", () => {
    const s = tierStructure({
      membership: ["a", "b"],
      years: [2020, 2021],
      values: [
        [1, 2],
        [2, 1],
      ],
    });
    expect(s.contributions[0]?.contributions).toEqual([null, null]);
    expect(s.contributions[0]?.tierChanges).toEqual([1, -1]);
    expect(s.diagnostics).toEqual([
      { code: "total_change_zero", severity: "warning", params: { year: 2021, totalChange: 0 } },
    ]);
  });

  it("computes and flags contributions when the total falls (signs invert)", () => {
    const s = tierStructure({
      membership: ["a", "b"],
      years: [2019, 2020],
      values: [
        [10, 10],
        [12, 5],
      ],
    });
    const c = s.contributions[0];
    expect(c?.negativeTotalChange).toBe(true);
    expectAllClose(c?.contributions as number[], [-2 / 3, 5 / 3], { rtol: 1e-15 });
    expect(s.diagnostics).toEqual([
      { code: "negative_total_change", severity: "warning", params: { year: 2020, totalChange: -3 } },
    ]);
  });

  it("returns null shares when the total is not positive, and skips years without a predecessor", () => {
    const s = tierStructure({
      membership: ["a", "b"],
      years: [2010, 2012, 2013],
      values: [
        [0, 0],
        [1, 3],
        [2, 4],
      ],
    });
    expect(s.levels[0]?.shares).toEqual([null, null]);
    expect(s.contributions.map((c) => c.year)).toEqual([2013]);
    expect(s.diagnostics).toEqual([
      { code: "share_total_not_positive", severity: "warning", params: { year: 2010, total: 0 } },
    ]);
  });

  it("does not mutate frozen inputs", () => {
    const input = Object.freeze({
      membership: Object.freeze(["a", "b"]),
      years: Object.freeze([1, 2]),
      values: Object.freeze([Object.freeze([1, 2]), Object.freeze([2, 3])]),
    });
    expect(() => tierStructure(input)).not.toThrow();
  });

  it("throws on contract violations", () => {
    expectCoreError(() => tierStructure({ membership: [], years: [], values: [] }), "invalid_argument", {
      reason: "empty",
    });
    expectCoreError(() => tierStructure({ membership: ["a"], years: [2020], values: [] }), "dimension_mismatch");
    expectCoreError(() => tierStructure({ membership: ["a"], years: [2020], values: [[1, 2]] }), "dimension_mismatch");
    expectCoreError(
      () => tierStructure({ membership: ["a"], years: [2021, 2020], values: [[1], [2]] }),
      "invalid_argument",
      {
        reason: "years_not_increasing",
        index: 1,
      },
    );
    expectCoreError(() => tierStructure({ membership: ["a"], years: [2020], values: [[Number.NaN]] }), "non_finite");
    expectCoreError(
      () => tierStructure({ membership: ["a", "b"], years: [2020], values: [[1, 2]] }, { tierOrder: ["a"] }),
      "invalid_argument",
      { reason: "unknown_tier", received: "b" },
    );
    expectCoreError(
      () => tierStructure({ membership: ["a"], years: [2020], values: [[1]] }, { tierOrder: ["a", "a"] }),
      "invalid_argument",
      { reason: "duplicate" },
    );
  });

  const panel = fc.integer({ min: 1, max: 8 }).chain((m) =>
    fc.record({
      membership: fc.array(fc.constantFrom("h", "m", "l"), { minLength: m, maxLength: m }),
      values: fc.array(fc.array(fc.double({ min: 0.01, max: 1e4, noNaN: true }), { minLength: m, maxLength: m }), {
        minLength: 2,
        maxLength: 4,
      }),
    }),
  );

  test.prop([panel])("shares sum to 1 and contributions sum to 1 when the total changes", ({ membership, values }) => {
    const years = values.map((_, t) => 2000 + t);
    const s = tierStructure({ membership, years, values });
    for (const lv of s.levels) expectClose(sum(lv.shares as number[]), 1, { atol: 1e-12 });
    for (const c of s.contributions) {
      // Σ_k c_k = Σ_k ΔVA_k / ΔVA; the relative rounding of the ratio grows with Σ|ΔVA_j| / |ΔVA|
      const scale = sum(c.tierChanges.map(Math.abs)) / Math.abs(c.totalChange);
      if (c.totalChange !== 0) expectClose(sum(c.contributions as number[]), 1, { atol: 1e-12 * Math.max(1, scale) });
    }
  });
});

function sum(v: readonly number[]): number {
  return v.reduce((a, b) => a + b, 0);
}

describe("sumCheck", () => {
  it("reports seed 000's five printed 2024 contributions (sum 101.23 %) as sum_mismatch", () => {
    // seed 000 图8, 2024: 高度 43.60, 中高度 17.65, 中度 24.94, 中低度 12.61, 低度 2.43 (spec §6.1, [DERIVED] 101.23 %)
    const r = sumCheck([43.6, 17.65, 24.94, 12.61, 2.43], 100, 0.025, "contribution_2024");
    expectClose(r.sum, 101.23, { atol: 1e-12 });
    expectClose(r.difference, 1.23, { atol: 1e-12 });
    expect(r.consistent).toBe(false);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({
      code: "sum_mismatch",
      severity: "warning",
      params: { expected: 100, tolerance: 0.025, count: 5, label: "contribution_2024" },
    });
  });

  it("accepts seed 000's 2024 value-added shares (the derived mid-high share closes them to 100)", () => {
    // seed 000 图7, 2024: 24.12, [DERIVED] 7.82, 27.24, 14.90, 25.92 (spec §6.1)
    const r = sumCheck([24.12, 7.82, 27.24, 14.9, 25.92]);
    expect(r.consistent).toBe(true);
    expect(r.tolerance).toBeCloseTo(0.025, 15);
    expect(r.diagnostics).toEqual([]);
  });

  it("checks fractions against 1 with an explicit tolerance and rejects bad arguments", () => {
    expect(sumCheck([0.5, 0.5], 1, 0).consistent).toBe(true);
    expectCoreError(() => sumCheck([1, Number.POSITIVE_INFINITY]), "non_finite");
    expectCoreError(() => sumCheck([1], 100, -1), "invalid_argument", { reason: "negative" });
  });
});
