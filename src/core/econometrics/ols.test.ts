/**
 * OLS against NIST StRD Longley (certified values) and statsmodels (test/reference/statsmodels-ols,
 * generate.py → ols.json); t/F tails against scipy (same file, `distributions`).
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import longley from "../../../test/reference/numpy-core/nist-longley.json" with { type: "json" };
import ref from "../../../test/reference/statsmodels-ols/ols.json" with { type: "json" };
import cars from "../../../test/reference/statsmodels-ols/r-cars.json" with { type: "json" };
import { isCoreError } from "../errors.js";
import { fromRows, matrix } from "../linalg/matrix.js";
import { fSurvival, regularizedBeta, studentTTwoSidedPValue } from "./distributions.js";
import { type OlsCovarianceType, ols } from "./ols.js";

function expectRel(actual: number | null, expected: number, rtol: number, label: string): void {
  expect(actual, label).not.toBeNull();
  const err = Math.abs((actual as number) - expected) / Math.abs(expected);
  expect(err, `${label}: ${actual} vs ${expected}`).toBeLessThanOrEqual(rtol);
}

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

const longleyX = fromRows(
  longley.data.y.map((_, i) =>
    [1, 2, 3, 4, 5, 6].map((j) => (longley.data as Record<string, number[]>)[`x${j}`]?.[i] as number),
  ),
);

describe("ols on NIST StRD Longley (certified values)", () => {
  const r = ols(Float64Array.from(longley.data.y), longleyX);
  const cert = longley.certified;

  it("reproduces the certified coefficients and standard errors to 1e-10 relative", () => {
    // κ₂([1 X]) ≈ 4.86e9, so the normwise bound κ·ε ≈ 1e-6 would allow only ~6 digits; pivoted
    // Householder QR with compensated sums observes ≤ 6e-12 (coefficients) and ≤ 2e-12 (SEs);
    // asserted 1e-10, i.e. 10 of NIST's 15 certified digits.
    r.coefficients.forEach((c, j) => {
      expectRel(c.estimate, cert.coefficients[j] as number, 1e-10, `β${j}`);
      expectRel(c.stdError, cert.standardErrors[j] as number, 1e-10, `se${j}`);
    });
    expect(r.coefficients.map((c) => c.name)).toEqual(["(Intercept)", "x1", "x2", "x3", "x4", "x5", "x6"]);
  });

  it("reproduces σ, R², F and the degrees of freedom", () => {
    // observed ≤ 2.3e-12; asserted 1e-10 (R² is well conditioned: observed 1e-14)
    expectRel(Math.sqrt(r.sigma2), cert.residualStandardDeviation, 1e-10, "σ");
    expectRel(r.rSquared, cert.rSquared, 1e-12, "R²");
    expectRel(r.fStatistic, cert.fStatistic, 1e-10, "F");
    expect(r.dfModel).toBe(cert.regressionDf);
    expect(r.dfResid).toBe(cert.residualDf);
  });

  it("reports the condition number and flags it as ill-conditioned", () => {
    expect(r.diagnostics.map((d) => d.code)).toEqual(["condition_estimate", "ill_conditioned"]);
    expect(r.conditionNumber).toBeGreaterThan(4.8e9);
  });
});

const COV_KEYS: Record<string, [OlsCovarianceType, boolean]> = {
  nonrobust: ["classical", false],
  hc0: ["hc0", false],
  hc1: ["hc1", false],
  hc2: ["hc2", false],
  hc3: ["hc3", false],
  nw: ["nw", false],
  nw_corrected: ["nw", true],
};
type CovRef = { bse: number[]; tvalues: number[]; pvalues: number[]; fvalue: number; f_pvalue: number };

describe("ols against statsmodels 0.13.5 (statsmodels-ols/ols.json)", () => {
  for (const c of ref.cases) {
    // Tolerances: the seeded cases have κ₂ ≤ 1e3, where both implementations agree to a few ε
    // (observed ≤ 4e-14 for every estimate, SE and F); asserted 1e-11. p-values amplify the relative
    // error of t by ≈ (ν+1)t²/(ν+t²) and scipy's own accuracy is ~1e-14: observed ≤ 3e-13, asserted
    // 1e-10. Longley (κ₂ ≈ 4.9e9): statsmodels solves with pinv/eigen on XᵀX-type quantities, so the
    // two differ by up to ~κ·ε: observed SEs ≤ 1.1e-8, robust F ≤ 2.1e-7 (F inverts a sub-block of a
    // covariance of condition ~κ²); asserted 1e-7 (SE, p) and 1e-5 (F, F p-value).
    const longleyCase = c.name === "longley";
    const tolSe = longleyCase ? 1e-7 : 1e-11;
    const tolP = longleyCase ? 1e-6 : 1e-10;
    const tolF = longleyCase ? 1e-5 : 1e-11;
    const tolFp = longleyCase ? 1e-5 : 1e-10;
    describe(c.name, () => {
      const y = Float64Array.from(c.y);
      const X = fromRows(c.X);
      it("matches params, R², adjusted R², log-likelihood, AIC, BIC, residuals and κ₂", () => {
        const r = ols(y, X, { intercept: c.intercept });
        const tol = longleyCase ? 1e-9 : 1e-12;
        for (const [j, co] of r.coefficients.entries()) expectRel(co.estimate, c.params[j] as number, tol, `β${j}`);
        expectRel(r.rSquared, c.rsquared, 1e-12, "R²");
        expectRel(r.adjRSquared, c.rsquared_adj, 1e-12, "adj R²");
        expectRel(r.logLik, c.llf, 1e-12, "llf");
        expectRel(r.aic, c.aic, 1e-12, "aic");
        expectRel(r.bic, c.bic, 1e-12, "bic");
        expectRel(r.sigma2, c.scale, 1e-11, "σ²");
        expect(r.dfModel).toBe(c.df_model);
        expect(r.dfResid).toBe(c.df_resid);
        // residuals in units of σ: observed ≤ 4e-11 (Longley), 4e-14 otherwise
        const s = Math.sqrt(c.scale);
        for (const [i, e] of r.residuals.entries()) expect(Math.abs(e - (c.resid[i] as number)) / s).toBeLessThan(1e-9);
        // κ₂ against numpy's SVD-based np.linalg.cond: observed ≤ 1e-15 … 3e-14
        expectRel(r.conditionNumber, c.cond2_svd, 1e-12, "κ₂");
      });
      for (const [key, [se, nwCorrection]] of Object.entries(COV_KEYS)) {
        it(`matches bse, t, p, F and F p-value for cov_type ${key}`, () => {
          const r = ols(y, X, { intercept: c.intercept, se, nwLags: 2, nwCorrection });
          const cv = (c.cov as Record<string, CovRef>)[key] as CovRef;
          r.coefficients.forEach((co, j) => {
            expectRel(co.stdError, cv.bse[j] as number, tolSe, `se${j}`);
            expectRel(co.t, cv.tvalues[j] as number, tolSe, `t${j}`);
            expectRel(co.pValue, cv.pvalues[j] as number, tolP, `p${j}`);
          });
          expectRel(r.fStatistic, cv.fvalue, tolF, "F");
          expectRel(r.fPValue, cv.f_pvalue, tolFp, "F p");
        });
      }
    });
  }
});

describe("t and F tails against scipy 1.10.1 (ols.json distributions)", () => {
  // Lentz continued fraction + Lanczos ln Γ: observed ≤ 1.5e-13 (largest for a = b = 500, where
  // ln B(a, b) ≈ −700 costs |ln B|·ε); asserted 1e-12.
  it("regularizedBeta matches scipy.special.betainc", () => {
    for (const d of ref.distributions.betainc)
      expectRel(regularizedBeta(d.x, d.a, d.b).lower, d.value, 1e-12, `I(${d.x};${d.a},${d.b})`);
  });
  it("studentTTwoSidedPValue matches 2·scipy.stats.t.sf(|t|)", () => {
    for (const d of ref.distributions.t_two_sided)
      expectRel(studentTTwoSidedPValue(d.t, d.df), d.value, 1e-12, `t ${d.t} df ${d.df}`);
  });
  it("fSurvival matches scipy.stats.f.sf", () => {
    for (const d of ref.distributions.f_upper) expectRel(fSurvival(d.f, d.df1, d.df2), d.value, 1e-12, `F ${d.f}`);
  });
  it("keeps relative precision for tiny p-values (t² ≫ ν uses t²/(ν+t²), not 1 − ν/(ν+t²))", () => {
    // reference: mpmath 1.2.1, 40 digits, betainc(28.5, 0.5, 0, 57/(57+t²), regularized=True)
    expectRel(studentTTwoSidedPValue(7.271389479411381, 57), 1.1229007202409557e-9, 1e-12, "p");
  });
});

describe("ols: behaviour and contract", () => {
  it("follows the documented example", () => {
    const r = ols(Float64Array.from([1, 3, 2, 5]), fromRows([[0], [1], [2], [3]]));
    expect(r.coefficients[1]?.estimate).toBeCloseTo(1.1, 14);
    expect(r.coefficients[0]?.estimate).toBeCloseTo(1.1, 14);
    expect(r.coefficients[1]?.stdError).toBeCloseTo(Math.sqrt(1.35 / 5), 14);
    expect(r.rSquared).toBeCloseTo(1 - 2.7 / 8.75, 14);
  });

  it("uses the Newey–West default lag floor(4(n/100)^{2/9})", () => {
    const c = ref.cases[1] as (typeof ref.cases)[number];
    const r = ols(Float64Array.from(c.y), fromRows(c.X), { se: "nw" });
    expect(r.nwLags).toBe(Math.floor(4 * (60 / 100) ** (2 / 9)));
  });

  it("refuses a rank-deficient design, naming the dependent column", () => {
    const X = fromRows([
      [1, 2],
      [2, 4],
      [3, 6],
      [4, 8],
      [5, 10],
    ]);
    expectCoreError(() => ols(Float64Array.from([1, 2, 3, 5, 4]), X, { names: ["a", "b"] }), "singular_matrix", {
      reason: "collinear_columns",
      rank: 2,
    });
    expectCoreError(() => ols(Float64Array.from([1, 2, 3]), fromRows([[1], [1], [1]])), "singular_matrix", {
      reason: "collinear_columns",
      rank: 1,
    });
  });

  it("rejects bad inputs with coded errors", () => {
    const X = fromRows([[1], [2], [3]]);
    expectCoreError(() => ols(Float64Array.from([1, 2]), X), "dimension_mismatch");
    expectCoreError(() => ols(Float64Array.from([1, 2, 3]), X, { names: ["a", "b"] }), "dimension_mismatch");
    expectCoreError(() => ols(Float64Array.from([1, Number.NaN, 3]), X), "non_finite");
    expectCoreError(() => ols(Float64Array.from([1, 2]), fromRows([[1], [2]])), "too_few_observations");
    expectCoreError(() => ols(Float64Array.from([1, 2, 3]), X, { se: "nw", nwLags: 3 }), "invalid_argument");
    expectCoreError(() => ols(Float64Array.from([1, 2, 3]), matrix(3, 0), { intercept: false }), "invalid_argument");
    // a dummy that is 1 for one observation only gives that observation leverage 1
    const Xd = fromRows([
      [0, 1],
      [0, 2],
      [0, 3],
      [1, 5],
    ]);
    expectCoreError(() => ols(Float64Array.from([1, 2, 4, 3]), Xd, { se: "hc3" }), "invalid_argument", {
      reason: "unit_leverage",
      index: 3,
    });
  });

  it("gives null F for an intercept-only model", () => {
    const r = ols(Float64Array.from([1, 2, 4]), matrix(3, 0));
    expect(r.fStatistic).toBeNull();
    expect(r.coefficients[0]?.estimate).toBeCloseTo(7 / 3, 14);
  });
});

describe("ols: invariance property", () => {
  // y ↦ y + a·x_j changes β̂_j by a and nothing else (exact in real arithmetic). Tolerance:
  // 1e-8·(1 + |a| + |β|) — the designs are random 8–20 × 1–3 with entries in [−10, 10], whose
  // condition numbers can reach ~1e4 in rare draws (fixed seed, so deterministic).
  test.prop(
    [
      fc.integer({ min: 8, max: 20 }).chain((n) =>
        fc.record({
          n: fc.constant(n),
          p: fc.integer({ min: 1, max: 3 }),
          x: fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: n * 3, maxLength: n * 3 }),
          y: fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: n, maxLength: n }),
          j: fc.integer({ min: 0, max: 2 }),
          a: fc.double({ min: -50, max: 50, noNaN: true }),
        }),
      ),
    ],
    { seed: 20261203, numRuns: 200 },
  )("adding a·x_j to y shifts only β_j, by a", ({ n, p, x, y, j, a }) => {
    const X = matrix(
      n,
      p,
      Float64Array.from({ length: n * p }, (_, i) => x[i] as number),
    );
    const jj = j % p;
    let r0: ReturnType<typeof ols>;
    try {
      r0 = ols(Float64Array.from(y), X);
    } catch (e) {
      if (isCoreError(e) && e.code === "singular_matrix") return; // degenerate draw
      throw e;
    }
    if (r0.conditionNumber > 1e6) return;
    const y2 = Float64Array.from(y, (v, i) => v + a * (X.data[i * p + jj] as number));
    const r1 = ols(y2, X);
    r1.coefficients.forEach((c, k) => {
      const b0 = r0.coefficients[k]?.estimate as number;
      const expected = k === jj + 1 ? b0 + a : b0;
      expect(Math.abs(c.estimate - expected)).toBeLessThanOrEqual(1e-8 * (1 + Math.abs(a) + Math.abs(b0)));
    });
  });
});

describe("ols on R datasets::cars (spec §4.2 known answers, R lm)", () => {
  // reference: test/reference/statsmodels-ols/r-cars.json (R lm, spec §15 command C2). The spec prints
  // 10–11 significant digits, so the rounding alone is up to ~5e-10 relative; asserted 1e-9.
  const speed = cars.data.speed;
  const dist = cars.data.dist;
  it("lm(dist ~ speed)", () => {
    const r = ols(Float64Array.from(dist), fromRows(speed.map((s) => [s])), { names: ["speed"] });
    const ref = cars.lm_dist_speed;
    expect(r.coefficients.map((c) => c.name)).toEqual(["(Intercept)", "speed"]);
    expectRel(r.coefficients[0]?.estimate ?? Number.NaN, ref.intercept, 1e-9, "a");
    expectRel(r.coefficients[0]?.stdError ?? Number.NaN, ref.interceptStdError, 1e-9, "se(a)");
    expectRel(r.coefficients[1]?.estimate ?? Number.NaN, ref.slope, 1e-9, "b");
    expectRel(r.coefficients[1]?.stdError ?? Number.NaN, ref.slopeStdError, 1e-9, "se(b)");
    expectRel(r.coefficients[1]?.t ?? Number.NaN, ref.slopeT, 1e-9, "t(b)");
  });
  it("lm(log(dist) ~ log(speed)): the elasticity", () => {
    const r = ols(Float64Array.from(dist, Math.log), fromRows(speed.map((s) => [Math.log(s)])));
    const ref = cars.lm_logdist_logspeed;
    expectRel(r.coefficients[0]?.estimate ?? Number.NaN, ref.intercept, 1e-9, "a");
    expectRel(r.coefficients[1]?.estimate ?? Number.NaN, ref.slope, 1e-9, "elasticity");
    expectRel(r.coefficients[1]?.stdError ?? Number.NaN, ref.slopeStdError, 1e-9, "se(elasticity)");
  });
});
