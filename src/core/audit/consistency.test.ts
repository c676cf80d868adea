/**
 * Consistency rules. Known answers: spec §10.2 [DERIVED] (enterprise counts by category, end-Nov 2024:
 * parts sum 457.39 against the printed 457.41 within 5 × 0.005; implied end-2023 bases 184.26, 164.03,
 * 20.25, 19.11, Σ 387.66 against 457.41/1.1799 = 387.67; growth of the sum from the parts 17.988 %);
 * spec §10.3 [DERIVED] (denominator recovery: {18.37, 6.12, 6.12} → 49 (9, 3, 3); {23.08, 6.41, 3.85} →
 * 78 (18, 5, 3); {81.48} → 27 (22); {40.63} → 32 (13)).
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { CoreError } from "../errors.js";
import { impliedBases, partsTotalCheck, recoverDenominator } from "./consistency.js";

describe("partsTotalCheck", () => {
  it("spec §10.2: 457.39 vs 457.41 is within (4 + 1)·0.005", () => {
    const r = partsTotalCheck([216.69, 196.25, 23.63, 20.82], 457.41, 2);
    expect(r.sum).toBeCloseTo(457.39, 10);
    expect(r.tolerance).toBeCloseTo(0.025, 15);
    expect(r.consistent).toBe(true);
  });
  it("a gap beyond the rounding is flagged", () => {
    expect(partsTotalCheck([1, 2], 3.3, 1).consistent).toBe(false); // 0.3 > 3 × 0.05
  });
  it("no parts, bad decimals: coded errors", () => {
    expect(() => partsTotalCheck([], 1, 0)).toThrow(CoreError);
    expect(() => partsTotalCheck([1], 1, -1)).toThrow(CoreError);
  });
});

describe("impliedBases", () => {
  it("spec §10.2: bases 184.26, 164.03, 20.25, 19.11; growth of the sum 17.988 %", () => {
    const r = impliedBases([216.69, 196.25, 23.63, 20.82], [0.176, 0.1964, 0.167, 0.0892]);
    expect(r.bases.map((b) => Math.round(b * 100) / 100)).toEqual([184.26, 164.03, 20.25, 19.11]);
    expect(Math.round(r.baseSum * 100) / 100).toBe(387.66);
    expect(Math.round(r.aggregateGrowth * 1e5) / 1e3).toBe(17.988);
    expect(Math.round((457.41 / 1.1799) * 100) / 100).toBe(387.67);
  });
  it("a rate of −100 % or below is refused", () => {
    expect(() => impliedBases([1], [-1])).toThrow(CoreError);
  });
});

describe("recoverDenominator", () => {
  it("spec §10.3's share vectors", () => {
    expect(recoverDenominator([18.37, 6.12, 6.12], 2)).toEqual({ denominator: 49, counts: [9, 3, 3] });
    expect(recoverDenominator([23.08, 6.41, 3.85], 2)).toEqual({ denominator: 78, counts: [18, 5, 3] });
    expect(recoverDenominator([81.48], 2)).toEqual({ denominator: 27, counts: [22] });
    expect(recoverDenominator([40.63], 2)).toEqual({ denominator: 32, counts: [13] });
  });
  test.prop([fc.integer({ min: 1, max: 400 }), fc.array(fc.nat(), { minLength: 1, maxLength: 4 })])(
    "shares made from counts over N are recovered with a denominator ≤ N that reproduces every share",
    (N, raw) => {
      const counts = raw.map((k) => k % (N + 1));
      const shares = counts.map((k) => Math.round((10000 * k) / N) / 100);
      const r = recoverDenominator(shares, 2, 1000);
      expect(r.denominator).not.toBeNull();
      expect(r.denominator as number).toBeLessThanOrEqual(N);
      (r.counts as number[]).forEach((k, i) => {
        expect(Math.abs((100 * k) / (r.denominator as number) - (shares[i] as number))).toBeLessThanOrEqual(
          0.005 + 1e-9,
        );
      });
    },
  );
});
