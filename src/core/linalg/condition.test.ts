import { describe, expect, it } from "vitest";
import ref from "../../../test/reference/numpy-linalg/linalg.json" with { type: "json" };
import { conditionEstimate1, inverseNorm1Estimate, norm1 } from "./condition.js";
import { inverse } from "./inverse.js";
import { luDecompose } from "./lu.js";
import { fromRows, identity, matrix } from "./matrix.js";

describe("norm1", () => {
  it("is the maximum absolute column sum", () => {
    expect(
      norm1(
        fromRows([
          [1, -7],
          [-2, -3],
        ]),
      ),
    ).toBe(10);
    expect(norm1(matrix(0, 0))).toBe(0);
  });
});

describe("conditionEstimate1", () => {
  it("reproduces LAPACK dgecon's Hager–Higham estimate and never exceeds numpy's exact κ₁", () => {
    for (const c of ref.cases) {
      const m = fromRows(c.matrix);
      const est = conditionEstimate1(m, luDecompose(m));
      // same algorithm as dlacn2 on factors that agree to rounding: relative gap ≲ κ·ε in ‖A⁻¹‖ terms;
      // rtol 1e-6 covers κ up to 3.4e10 (Hilbert 8: κ·ε ≈ 7.5e-6 relative on individual entries, but
      // the 1-norm sums them with the same signs, observed gap 1e-9)
      expect(Math.abs(est - c.cond1_dgecon_estimate) / c.cond1_dgecon_estimate, c.name).toBeLessThanOrEqual(1e-6);
      // the estimate is a lower bound of the true κ₁ (up to rounding) and within a factor 3 here
      expect(est, c.name).toBeLessThanOrEqual(c.cond1 * (1 + 1e-6));
      expect(est, c.name).toBeGreaterThanOrEqual(c.cond1 / 3);
    }
  });

  it("is exact for the Miller & Blair I − A: κ₁ = 1.2·(1.45/0.7575) = 1.8217…", () => {
    const m = fromRows([
      [0.85, -0.25],
      [-0.2, 0.95],
    ]);
    // ‖I − A‖₁ = 1.2; ‖(I − A)⁻¹‖₁ = (0.25 + 0.85)/0.7575 = 1.4521; rounding only: rtol 1e-14
    expect(conditionEstimate1(m, luDecompose(m)) / 1.8217821782178218).toBeCloseTo(1, 14);
  });

  it("matches the exact ‖A⁻¹‖₁ on a random well-conditioned 120×120 matrix within a factor 3", () => {
    const n = 120;
    const m = identity(n);
    let s = 1;
    for (let k = 0; k < n * n; k++) {
      s = (s * 16807) % 2147483647;
      m.data[k] = (m.data[k] as number) + (s / 2147483647 - 0.5) / Math.sqrt(n);
    }
    const exact = norm1(inverse(m));
    const est = inverseNorm1Estimate(luDecompose(m));
    expect(est).toBeLessThanOrEqual(exact * (1 + 1e-12));
    expect(est).toBeGreaterThanOrEqual(exact / 3);
  });

  it("handles 1×1 and 0×0 and rejects mismatched factors", () => {
    const one = fromRows([[4]]);
    expect(conditionEstimate1(one, luDecompose(one))).toBe(1);
    expect(inverseNorm1Estimate(luDecompose(matrix(0, 0)))).toBe(0);
    expect(() => conditionEstimate1(identity(3), luDecompose(identity(2)))).toThrow(
      expect.objectContaining({ code: "dimension_mismatch" }),
    );
  });
});
