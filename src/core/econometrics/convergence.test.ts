/**
 * Convergence diagnostics against R posterior 1.4.0 (test/reference/r-posterior-convergence/generate.R:
 * seeded draws and posterior's rhat, ess_bulk, ess_tail, rhat_basic, ess_basic on them). Tolerance
 * 1e-9 relative: the same arithmetic in a different order (posterior's autocovariances come from an FFT,
 * ours from direct sums; normal scores from R qnorm and our AS241), so agreement to ~1e-12 is expected
 * and 1e-9 leaves room for the FFT's rounding over 1 000 lags.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import reference from "../../../test/reference/r-posterior-convergence/posterior.json" with { type: "json" };
import { CoreError } from "../errors.js";
import { convergenceDiagnostics } from "./convergence.js";

const rel = (a: number | null, b: number | null) =>
  a === null || b === null ? (a === b ? 0 : Number.POSITIVE_INFINITY) : Math.abs(a - b) / Math.abs(b);

describe("convergenceDiagnostics vs R posterior", () => {
  for (const c of reference.cases)
    it(c.name, () => {
      const d = convergenceDiagnostics(c.chains);
      expect(rel(d.rhat, c.rhat), "rhat").toBeLessThan(1e-9);
      expect(rel(d.essBulk, c.ess_bulk), "ess_bulk").toBeLessThan(1e-9);
      expect(rel(d.essTail, c.ess_tail), "ess_tail").toBeLessThan(1e-9);
      expect(rel(d.rhatBasic, c.rhat_basic), "rhat_basic").toBeLessThan(1e-9);
      expect(rel(d.essBasic, c.ess_basic), "ess_basic").toBeLessThan(1e-9);
    });

  it("the antithetic case hits the τ̂ bound (ESS = S·log₁₀ S) and says so", () => {
    const c = reference.cases.find((x) => x.name.startsWith("antithetic")) as (typeof reference.cases)[number];
    const d = convergenceDiagnostics(c.chains);
    expect(d.essCapped).toBe(true);
    expect(d.essBulk as number).toBeCloseTo(2000 * Math.log10(2000), 6);
  });
});

describe("degenerate draws", () => {
  it("constant or non-finite draws: null statistics, as posterior's NA", () => {
    const d = convergenceDiagnostics([
      [1, 1, 1, 1],
      [1, 1, 1, 1],
    ]);
    expect([d.rhat, d.essBulk, d.essTail, d.rhatBasic, d.essBasic]).toEqual([null, null, null, null, null]);
    expect(convergenceDiagnostics([[0, 1, Number.NaN, 2]]).rhat).toBeNull();
  });

  it("unequal chains and no draws are coded errors", () => {
    expect(() => convergenceDiagnostics([])).toThrow(CoreError);
    expect(() =>
      convergenceDiagnostics([
        [1, 2, 3],
        [1, 2],
      ]),
    ).toThrow(expect.objectContaining({ code: "dimension_mismatch" }));
  });
});

describe("invariants", () => {
  // integer draws and a positive scale: the map keeps every order and every tie, so the ranks are equal
  const draws = fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 40, maxLength: 40 });
  test.prop([draws, draws, fc.integer({ min: -100, max: 100 }), fc.integer({ min: 1, max: 50 })])(
    "rank-based R̂ and bulk ESS are unchanged by an increasing affine map of the draws",
    (a, b, shift, scale) => {
      const d0 = convergenceDiagnostics([a, b]);
      const d1 = convergenceDiagnostics([a.map((v) => shift + scale * v), b.map((v) => shift + scale * v)]);
      expect(d1.rhat === null).toBe(d0.rhat === null);
      if (d0.rhat === null) return;
      expect(Math.abs((d1.rhat as number) - d0.rhat)).toBeLessThan(1e-12);
      expect(Math.abs((d1.essBulk as number) - (d0.essBulk as number))).toBeLessThan(1e-9 * (d0.essBulk as number));
    },
  );
});
