/**
 * Adjusted Rand index. Known answers: scikit-learn's documentation of `adjusted_rand_score` —
 * ([0, 0, 1, 1], [0, 0, 1, 1]) → 1.0; ([0, 0, 1, 1], [1, 1, 0, 0]) → 1.0; ([0, 0, 1, 2], [0, 0, 1, 1])
 * → 0.57 (= 4/7 by hand: Σ C(n_ij,2) = 1, Σ C(a,2) = 1, Σ C(b,2) = 2, E = 2/6, (1 − 1/3)/(1.5 − 1/3));
 * ([0, 0, 0, 0], [0, 1, 2, 3]) → 0.0.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { adjustedRandIndex } from "./agreement.js";

describe("adjustedRandIndex", () => {
  it("scikit-learn's documented examples", () => {
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 0, 1, 1])).toBe(1);
    expect(adjustedRandIndex([0, 0, 1, 1], [1, 1, 0, 0])).toBe(1);
    expect(adjustedRandIndex([0, 0, 1, 2], [0, 0, 1, 1])).toBeCloseTo(4 / 7, 15);
    expect(adjustedRandIndex([0, 0, 0, 0], [0, 1, 2, 3])).toBe(0);
  });

  test.prop([
    fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 })), { minLength: 2, maxLength: 60 }),
  ])("symmetric, and invariant to renaming the labels", (pairs) => {
    const a = pairs.map((p) => p[0]);
    const b = pairs.map((p) => p[1]);
    const ab = adjustedRandIndex(a, b);
    expect(adjustedRandIndex(b, a)).toBeCloseTo(ab, 12);
    expect(
      adjustedRandIndex<number | string>(
        a.map((x) => `t${7 - x}`),
        b,
      ),
    ).toBeCloseTo(ab, 12);
    expect(ab).toBeLessThanOrEqual(1 + 1e-12);
  });
});
