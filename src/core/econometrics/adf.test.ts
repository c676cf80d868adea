/**
 * ADF test against statsmodels 0.13.5 (test/reference/statsmodels-adf, generate.py → adf.json):
 * adfuller on seeded series with autolag aic / bic / t-stat / None; mackinnonp and mackinnoncrit on
 * grids; the normal CDF against scipy.stats.norm.cdf.
 *
 * Tolerances (justified; largest observed differences in brackets):
 * - statistic and icBest: 1e-9 relative. Both sides solve well-conditioned least-squares problems
 *   (statsmodels by pinv/SVD, here by pivoted Householder QR); their results agree to ~κ·ε ≈ 1e-13,
 *   far inside 1e-9, while a wrong sample, column or lag moves the statistic by ≥ 1e-3
 *   [statistic 5.3e-15, icBest 1.1e-15 relative].
 * - p-values: 1e-12 absolute (and 1e-10 relative where p > 0). p = Φ(polynomial); the polynomial is
 *   identical, Φ is computed by the incomplete gamma function whose relative error vs Cephes ndtr is
 *   ≤ 1e-13 (checked below), and the statistic's 1e-13 difference moves p by < 1e-12
 *   [p 3.8e-15 absolute, 4.1e-14 relative; mackinnonp grid 4.0e-16 absolute; Φ 6.5e-14 relative].
 * - critical values: 1e-14 relative (same polynomial in 1/nobs, Horner in both).
 * - usedLag, nobs: exact.
 */
import { describe, expect, it } from "vitest";
import rref from "../../../test/reference/r-urca-adf/adf.json" with { type: "json" };
import ref from "../../../test/reference/statsmodels-adf/adf.json" with { type: "json" };
import { isCoreError } from "../errors.js";
import { type AdfAutolag, type AdfRegression, adfTest, mackinnonCrit, mackinnonP, normalCdf } from "./adf.js";

function rel(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(Math.abs(b), Number.MIN_VALUE);
}

const AUTOLAG: Record<string, AdfAutolag> = { AIC: "aic", BIC: "bic", "t-stat": "t_stat" };

describe("adfTest against statsmodels 0.13.5 adfuller (statsmodels-adf/adf.json)", () => {
  for (const c of ref.cases) {
    for (const run of c.runs) {
      const autolag = run.autolag === null ? null : (AUTOLAG[run.autolag] as AdfAutolag);
      it(`${c.name} (${c.regression}), autolag ${run.autolag}`, () => {
        const r = adfTest(c.y, {
          regression: c.regression as AdfRegression,
          autolag,
          ...(c.maxlag === null ? {} : { maxLags: c.maxlag }),
        });
        expect(r.usedLag).toBe(run.usedlag);
        expect(r.nobs).toBe(run.nobs);
        expect(rel(r.statistic, run.statistic)).toBeLessThan(1e-9);
        expect(Math.abs(r.pValue - run.pvalue)).toBeLessThan(1e-12);
        expect(rel(r.pValue, run.pvalue)).toBeLessThan(1e-10);
        for (const k of ["1%", "5%", "10%"] as const) {
          expect(rel(r.criticalValues[k], run.critical_values[k])).toBeLessThan(1e-14);
        }
        if (run.autolag === null) expect(r.icBest).toBeUndefined();
        else expect(rel(r.icBest as number, (run as { icbest: number }).icbest)).toBeLessThan(1e-9);
        expect(r.regression).toBe(c.regression);
        expect(r.nullHypothesis).toBe("unit_root");
        expect(r.verifiedAgainst.length).toBeGreaterThan(0);
      });
    }
  }
});

describe("mackinnonP / mackinnonCrit against statsmodels grids", () => {
  it("p-values on τ ∈ [−20, 3] including the switch points and range ends (1e-14 absolute)", () => {
    for (const reg of ["n", "c", "ct"] as const) {
      for (const [s, p] of ref.mackinnonp[reg] as [number, number][]) {
        expect(Math.abs(mackinnonP(s, reg) - p), `${reg} τ=${s}`).toBeLessThan(1e-14);
        if (p > 0) expect(rel(mackinnonP(s, reg), p), `${reg} τ=${s}`).toBeLessThan(1e-12);
      }
    }
  });
  it("critical values for nobs 10…1000 (1e-14 relative)", () => {
    for (const reg of ["n", "c", "ct"] as const) {
      for (const [n, cv] of ref.mackinnoncrit[reg] as [number, number[]][]) {
        const r = mackinnonCrit(reg, n);
        expect(rel(r["1%"], cv[0] as number)).toBeLessThan(1e-14);
        expect(rel(r["5%"], cv[1] as number)).toBeLessThan(1e-14);
        expect(rel(r["10%"], cv[2] as number)).toBeLessThan(1e-14);
      }
    }
  });
  it("asymptotic critical values are the β∞ coefficients", () => {
    expect(mackinnonCrit("c", Number.POSITIVE_INFINITY)).toEqual({ "1%": -3.43035, "5%": -2.86154, "10%": -2.56677 });
  });
});

describe("normalCdf against scipy.stats.norm.cdf", () => {
  it("relative error ≤ 1e-13 from x = −38 to 9 (tails included)", () => {
    for (const [x, p] of ref.normal_cdf as [number, number][]) {
      if (p === 0) expect(normalCdf(x)).toBeLessThan(1e-300);
      else expect(rel(normalCdf(x), p), `x=${x}`).toBeLessThan(1e-13);
    }
  });
  it("limits and NaN", () => {
    expect(normalCdf(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(normalCdf(Number.POSITIVE_INFINITY)).toBe(1);
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(Number.NaN)).toBeNaN();
  });
});

describe("adfTest errors and diagnostics", () => {
  const walk = ref.cases[0]?.y as number[];
  function code(f: () => unknown): string | undefined {
    try {
      f();
    } catch (e) {
      if (isCoreError(e)) return `${e.code}:${(e.params as { reason?: string }).reason ?? ""}`;
      throw e;
    }
    return undefined;
  }
  it("refuses bad arguments with coded errors", () => {
    expect(code(() => adfTest([1, 2, Number.NaN, 4, 5, 6]))).toBe("non_finite:");
    expect(code(() => adfTest(walk, { maxLags: 49 }))).toBe("invalid_argument:max_lags_too_large");
    expect(code(() => adfTest(walk, { maxLags: 1.5 }))).toBe("invalid_argument:integer_ge_0");
    expect(code(() => adfTest(walk, { regression: "ctt" as AdfRegression }))).toBe(
      "invalid_argument:unknown_regression",
    );
    expect(code(() => adfTest(walk, { autolag: "hq" as AdfAutolag }))).toBe("invalid_argument:unknown_autolag");
    expect(code(() => adfTest(new Array(20).fill(3)))).toBe("invalid_argument:constant_series");
    expect(code(() => adfTest([1]))).toBe("too_few_observations:");
  });
  it("warns when the default maxLags is truncated by the sample size", () => {
    const short = ref.cases.find((c) => c.name === "short")?.y as number[];
    const r = adfTest(short, { autolag: null });
    // Schwert: ⌈12·0.2^{1/4}⌉ = 9 > ⌊20/2⌋ − 1 − 1 = 8
    expect(r.maxLags).toBe(8);
    expect(r.diagnostics.map((d) => d.code)).toContain("max_lags_truncated");
  });
  it("clamps the p-value outside MacKinnon's range, with a warning", () => {
    // a strongly mean-reverting alternating series gives τ far below −18.83
    const y = Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? 1 : -1) + 1e-3 * Math.sin(i * 1.7));
    const r = adfTest(y, { autolag: null, maxLags: 0 });
    expect(r.statistic).toBeLessThan(-18.83);
    expect(r.pValue).toBe(0);
    expect(r.diagnostics.map((d) => d.code)).toContain("pvalue_clamped");
  });
});

/**
 * R urca 1.3-3 `ur.df` and tseries 0.10-53 `adf.test` (test/reference/r-urca-adf, generate.R → adf.json),
 * an engine independent of statsmodels, compared where the conventions coincide:
 * - ur.df(type "none" / "drift" / "trend", lags k, selectlags "Fixed") is adfTest(regression "n" / "c" /
 *   "ct", autolag null, maxLags k): same sample (nobs = T − 1 − k), same columns; urca's trend runs
 *   k+1…T−1 instead of 1…nobs, a shift absorbed by the constant, so τ is the same.
 * - ur.df(selectlags "AIC" / "BIC", lags k) differs from statsmodels in two ways (read from the R source,
 *   `print(urca::ur.df)`): it searches lags 1…k only (its criterion vector starts with NA for lag 0),
 *   on the common sample of k as statsmodels does, but it does **not** re-fit the chosen lag p on its own
 *   sample: τ comes from the common-sample regression. So (a) the chosen lag equals ours whenever ours is
 *   ≥ 1 (AIC/BIC differ from statsmodels' by a constant, +2 or +ln(nobs), for every lag: R counts σ as a
 *   parameter), and (b) urca's τ equals adfTest on y without its first k − p values at fixed lag p,
 *   whose sample is exactly urca's common sample.
 * - tseries::adf.test(y, k) always has constant + trend: adfTest(regression "ct", autolag null, maxLags k).
 *   Its p-value is a linear interpolation in a printed table (Banerjee et al. 1993, held at 0.01 / 0.99),
 *   not MacKinnon's (1994) response surface, and urca's critical values are the Fuller (1976) / Dickey &
 *   Fuller (1981) table rows by sample size, not MacKinnon (2010): both are recorded, not compared.
 * Tolerance: statistic 1e-8 relative. R's lm (LINPACK dqrdc2 QR) and our pivoted Householder QR solve
 * the same well-conditioned least-squares problems and agree to ~κ·ε; a wrong sample, column or lag moves τ
 * by ≥ 1e-3 [largest observed: 1.8e-15 relative, fixed, common-sample and tseries alike]. Lags and nobs: exact.
 */
describe("adfTest against R urca::ur.df and tseries::adf.test (r-urca-adf/adf.json)", () => {
  const URCA_TYPE: Record<string, AdfRegression> = { none: "n", drift: "c", trend: "ct" };
  for (const c of rref.cases) {
    for (const run of c.urca) {
      const regression = URCA_TYPE[run.type] as AdfRegression;
      if (run.selectlags === "Fixed") {
        it(`${c.name}: ur.df(type "${run.type}", lags ${run.lags}) τ = adfTest(${regression}, maxLags ${run.lags}, autolag null)`, () => {
          const r = adfTest(c.y, { regression, autolag: null, maxLags: run.lags });
          expect(run.used_lag).toBe(run.lags);
          expect(r.usedLag).toBe(run.lags);
          expect(r.nobs).toBe(run.nobs);
          expect(rel(r.statistic, run.tau)).toBeLessThan(1e-8);
        });
      } else {
        const autolag: AdfAutolag = run.selectlags === "AIC" ? "aic" : "bic";
        it(`${c.name}: ur.df(type "${run.type}", lags ${run.lags}, ${run.selectlags}) lag choice and common-sample τ`, () => {
          const ours = adfTest(c.y, { regression, autolag, maxLags: run.lags });
          if (ours.usedLag >= 1) expect(run.used_lag).toBe(ours.usedLag);
          else expect(run.used_lag).toBeGreaterThanOrEqual(1); // urca never considers lag 0
          const p = run.used_lag;
          const common = adfTest(c.y.slice(run.lags - p), { regression, autolag: null, maxLags: p });
          expect(common.nobs).toBe(run.nobs);
          expect(rel(common.statistic, run.tau)).toBeLessThan(1e-8);
        });
      }
    }
    for (const run of c.tseries) {
      it(`${c.name}: tseries::adf.test(k = ${run.k}) statistic = adfTest(ct, maxLags ${run.lag}, autolag null)`, () => {
        // tseries' default lag is trunc((T − 1)^{1/3})
        if (run.k === "default") expect(run.lag).toBe(Math.trunc((c.y.length - 1) ** (1 / 3)));
        else expect(run.lag).toBe(run.k);
        const r = adfTest(c.y, { regression: "ct", autolag: null, maxLags: run.lag });
        expect(rel(r.statistic, run.statistic)).toBeLessThan(1e-8);
      });
    }
  }
  it("shows where urca's lag search and statsmodels' part: lag 0 is never chosen by urca", () => {
    const rw = rref.cases.find((c) => c.name === "random_walk");
    const aic = rw?.urca.find((r) => r.type === "drift" && r.selectlags === "AIC" && r.lags === 4);
    expect(adfTest(rw?.y as number[], { regression: "c", autolag: "aic", maxLags: 4 }).usedLag).toBe(0);
    expect(aic?.used_lag).toBe(1);
  });
});
