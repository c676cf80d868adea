/**
 * Augmented Dickey–Fuller unit-root test (增广迪基–富勒检验), as statsmodels 0.13.5 `adfuller`.
 *
 * With Δy_t = y_t − y_{t−1} and p lagged differences, the regression on t = p+1…T−1 (0-based, nobs =
 * T − 1 − p observations) is
 *   Δy_t = γ·y_{t−1} + Σ_{i=1..p} φ_i Δy_{t−i} + d_t + e_t,
 * d_t = nothing ("n"), a constant ("c") or a constant and a linear trend 1…nobs ("ct"). The statistic
 * is the OLS t ratio of γ (H0: γ = 0, a unit root; H1: γ < 0, stationary), with the usual
 * s² = RSS/(nobs − k). Every regression is solved by Householder QR with column pivoting
 * (linalg/qr.ts); the standard error of a coefficient comes from the Frisch–Waugh–Lovell identity
 * Var(β̂_j) = s²/RSS_j, RSS_j the residual sum of squares of column j on the other columns.
 *
 * statsmodels conventions followed exactly:
 * - default p_max = ⌈12·(T/100)^{1/4}⌉ (Schwert 1989, statsmodels rounds up), capped at
 *   ⌊T/2⌋ − n_trend − 1; a given p_max above that cap is refused;
 * - autolag "aic" / "bic" / "t_stat": all p = 0…p_max are fitted on the **common sample** of p_max
 *   (nobs = T − 1 − p_max, trend columns first, trend 1…nobs); AIC = −2ℓ + 2k, BIC = −2ℓ + k·ln(nobs),
 *   ℓ = −nobs/2·(ln 2π + ln(RSS/nobs) + 1), k = number of columns; the argmin wins (ties → smaller p).
 *   "t_stat" goes down from p_max and stops at the first p whose last column has |t| ≥ 1.6448536269514722
 *   (Φ⁻¹(0.95)); icBest is that |t| (or the |t| at p = 0, where the last column is y_{t−1}).
 *   The chosen p is then **re-fitted on its own sample** (nobs = T − 1 − p), which gives the statistic;
 * - autolag null: p = p_max, no icBest;
 * - p-value: MacKinnon (1994) `mackinnonp` with N = 1: Φ(Σ c_i τ^i), small-p coefficients for
 *   τ ≤ τ*, large-p coefficients above; 0 below τ_min and 1 above τ_max;
 * - critical values: MacKinnon (2010) response surfaces c0 + c1/nobs + c2/nobs² + c3/nobs³ with the
 *   nobs of the final regression.
 *
 * @see Dickey, D. A. & Fuller, W. A. (1979), JASA 74(366), 427–431.
 * @see Said, S. E. & Dickey, D. A. (1984), Biometrika 71(3), 599–607.
 * @see MacKinnon, J. G. (1994), "Approximate asymptotic distribution functions for unit-root and
 *   cointegration tests", Journal of Business & Economic Statistics 12(2), 167–176.
 * @see MacKinnon, J. G. (2010), "Critical values for cointegration tests", Queen's Economics
 *   Department Working Paper 1227.
 * @see Schwert, G. W. (1989), JBES 7(2), 147–159 (default maximum lag).
 */

import type { DiagnosticSeverity } from "../diagnostics.js";
import { CoreError } from "../errors.js";
import { type Matrix, matrix } from "../linalg/matrix.js";
import { leastSquares } from "../linalg/qr.js";
import { regularizedGamma } from "./distributions.js";

/** Deterministic terms of the ADF regression: none, constant, constant + linear trend. */
export type AdfRegression = "n" | "c" | "ct";

/** Lag-selection rule; null fixes the lag at maxLags. */
export type AdfAutolag = "aic" | "bic" | "t_stat" | null;

/** Options of {@link adfTest}. */
export interface AdfOptions {
  /** deterministic terms (default "c") */
  readonly regression?: AdfRegression;
  /** largest number of lagged differences (default ⌈12·(T/100)^{1/4}⌉ capped at ⌊T/2⌋ − n_trend − 1) */
  readonly maxLags?: number;
  /** lag selection (default "aic") */
  readonly autolag?: AdfAutolag;
}

/** Diagnostic codes of the ADF test (joined to the core union later, with i18n). */
export type AdfDiagnosticCode =
  /**
   * the statistic lies outside MacKinnon's (1994) fitted range [τ_min, τ_max]; the p-value is set to 0
   * or 1 as statsmodels does (params: statistic, min, max, pValue)
   */
  | "pvalue_clamped"
  /** the default maximum lag was lowered to ⌊T/2⌋ − n_trend − 1 by the sample size (params: schwert, maxLags, n) */
  | "max_lags_truncated";

/** An ADF diagnostic: plain data, rendered to text at the edges. */
export interface AdfDiagnostic {
  readonly code: AdfDiagnosticCode;
  readonly severity: DiagnosticSeverity;
  readonly params: Readonly<Record<string, unknown>>;
}

/** Result of {@link adfTest}. */
export interface AdfResult {
  /** t ratio of the coefficient of y_{t−1} in the final regression */
  readonly statistic: number;
  /** MacKinnon (1994) approximate p-value */
  readonly pValue: number;
  /** number of lagged differences in the final regression */
  readonly usedLag: number;
  /** observations in the final regression, T − 1 − usedLag */
  readonly nobs: number;
  /** MacKinnon (2010) finite-sample critical values for this nobs */
  readonly criticalValues: { readonly "1%": number; readonly "5%": number; readonly "10%": number };
  /** best information criterion (AIC/BIC), or |t| of the deciding lag for "t_stat"; absent without autolag */
  readonly icBest?: number;
  /** the deterministic terms used */
  readonly regression: AdfRegression;
  /** the maximum lag searched (or used, without autolag) */
  readonly maxLags: number;
  /** the null hypothesis, as a code (text at the edges) */
  readonly nullHypothesis: "unit_root";
  /** the reference software the results were verified against (test/reference/statsmodels-adf/) */
  readonly verifiedAgainst: readonly string[];
  readonly diagnostics: readonly AdfDiagnostic[];
}

// MacKinnon (1994) JBES 12(2), Table 3 (N = 1), as transcribed in statsmodels 0.13.5 tsa/adfvalues.py:
// τ* (switch point), τ_min, τ_max, small-p coefficients [γ0, γ1, γ2] (γ2 scaled by 1e-2) and large-p
// coefficients [γ0, γ1, γ2, γ3] (scaled by [1, 1e-1, 1e-1, 1e-2]).
const MACKINNON_1994: Readonly<
  Record<AdfRegression, { star: number; min: number; max: number; small: number[]; large: number[] }>
> = {
  n: {
    star: -1.04,
    min: -19.04,
    max: Number.POSITIVE_INFINITY,
    small: [0.6344, 1.2378, 3.2496e-2],
    large: [0.4797, 9.3557e-1, -0.6999e-1, 3.3066e-2],
  },
  c: {
    star: -1.61,
    min: -18.83,
    max: 2.74,
    small: [2.1659, 1.4412, 3.8269e-2],
    large: [1.7339, 9.3202e-1, -1.2745e-1, -1.0368e-2],
  },
  ct: {
    star: -2.89,
    min: -16.18,
    max: 0.7,
    small: [3.2512, 1.6047, 4.9588e-2],
    large: [2.5261, 6.1654e-1, -3.7956e-1, -6.0285e-2],
  },
};

// MacKinnon (2010) Queen's Economics Department WP 1227, Table 1 (N = 1; "n" from MacKinnon 1996), as in
// statsmodels 0.13.5 tsa/adfvalues.py: rows 1 %, 5 %, 10 %; critical value = β∞ + β1/T + β2/T² + β3/T³.
const MACKINNON_2010: Readonly<Record<AdfRegression, readonly (readonly number[])[]>> = {
  n: [
    [-2.56574, -2.2358, -3.627, 0],
    [-1.941, -0.2686, -3.365, 31.223],
    [-1.61682, 0.2656, -2.714, 25.364],
  ],
  c: [
    [-3.43035, -6.5393, -16.786, -79.433],
    [-2.86154, -2.8903, -4.234, -40.04],
    [-2.56677, -1.5384, -2.809, 0],
  ],
  ct: [
    [-3.95877, -9.0531, -28.428, -134.155],
    [-3.41049, -4.3904, -9.036, -45.374],
    [-3.12705, -2.5856, -3.925, -22.38],
  ],
};

/** Φ⁻¹(0.95), the stopping threshold of statsmodels' "t-stat" lag selection. */
const T_STAT_STOP = 1.6448536269514722;

/** Horner evaluation of c0 + c1·x + c2·x² + … */
function polyval(c: readonly number[], x: number): number {
  let s = 0;
  for (let i = c.length - 1; i >= 0; i--) s = s * x + (c[i] as number);
  return s;
}

/**
 * Standard normal CDF Φ(x), from the regularized upper incomplete gamma function:
 * erfc(z) = Q(1/2, z²) for z ≥ 0, so Φ(x) = ½·Q(1/2, x²/2) for x < 0 and 1 − ½·Q(1/2, x²/2) for x ≥ 0
 * (the small tail is always computed directly, never as 1 − something).
 *
 * @param x - point (±∞ allowed)
 * @returns Pr(Z ≤ x)
 * @example
 * normalCdf(-1.6448536269514722); // ≈ 0.05 (scipy.stats.norm.cdf)
 * @see Abramowitz & Stegun 7.1.2 and 6.5.17; scipy.stats.norm.cdf (Cephes ndtr).
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x === Number.NEGATIVE_INFINITY) return 0;
  if (x === Number.POSITIVE_INFINITY) return 1;
  const half = 0.5 * regularizedGamma(0.5 * x * x, 0.5).upper;
  return x < 0 ? half : 1 - half;
}

/**
 * MacKinnon's (1994) approximate p-value of an ADF statistic, N = 1 (statsmodels `mackinnonp`).
 *
 * @param statistic - the ADF t ratio
 * @param regression - "n", "c" or "ct"
 * @returns Φ(polynomial in the statistic); 0 below τ_min, 1 above τ_max
 * @example
 * mackinnonP(-2.86, "c"); // ≈ 0.050 (statsmodels mackinnonp)
 * @see MacKinnon (1994), JBES 12(2), 167–176; statsmodels 0.13.5 `mackinnonp`.
 */
export function mackinnonP(statistic: number, regression: AdfRegression): number {
  const t = MACKINNON_1994[regression];
  if (statistic > t.max) return 1;
  if (statistic < t.min) return 0;
  return normalCdf(polyval(statistic <= t.star ? t.small : t.large, statistic));
}

/**
 * MacKinnon's (2010) finite-sample critical values of the ADF statistic, N = 1 (statsmodels
 * `mackinnoncrit`).
 *
 * @param regression - "n", "c" or "ct"
 * @param nobs - observations in the regression (+∞: asymptotic values)
 * @returns `{"1%", "5%", "10%"}`
 * @example
 * mackinnonCrit("c", 99)["5%"]; // ≈ -2.8912
 * @see MacKinnon (2010), Queen's Economics Department WP 1227; statsmodels 0.13.5 `mackinnoncrit`.
 */
export function mackinnonCrit(regression: AdfRegression, nobs: number): AdfResult["criticalValues"] {
  const rows = MACKINNON_2010[regression];
  const v = rows.map((c) => (nobs === Number.POSITIVE_INFINITY ? (c[0] as number) : polyval(c, 1 / nobs)));
  return { "1%": v[0] as number, "5%": v[1] as number, "10%": v[2] as number };
}

interface Fit {
  readonly rss: number;
  readonly coefficients: Float64Array;
  readonly rank: number;
}

function fitOls(fn: string, A: Matrix, b: Float64Array): Fit {
  const r = leastSquares(A, b);
  if (r.rank < A.cols) {
    throw new CoreError("singular_matrix", {
      function: fn,
      reason: "collinear_design",
      rank: r.rank,
      columns: A.cols,
    });
  }
  return { rss: r.residualSumOfSquares, coefficients: r.x, rank: r.rank };
}

/** Column j of A as a vector and A without column j. */
function splitColumn(A: Matrix, j: number): { col: Float64Array; rest: Matrix } {
  const rest = matrix(A.rows, A.cols - 1);
  const col = new Float64Array(A.rows);
  for (let r = 0; r < A.rows; r++) {
    let k = 0;
    for (let c = 0; c < A.cols; c++) {
      const v = A.data[r * A.cols + c] as number;
      if (c === j) col[r] = v;
      else rest.data[r * rest.cols + k++] = v;
    }
  }
  return { col, rest };
}

/** OLS t ratio of column j: β̂_j / √(s²/RSS_j) (Frisch–Waugh–Lovell), s² = RSS/(n − k). */
function tRatio(fn: string, A: Matrix, f: Fit, j: number): number {
  const s2 = f.rss / (A.rows - A.cols);
  let rssJ: number;
  if (A.cols === 1) {
    rssJ = 0;
    for (let r = 0; r < A.rows; r++) rssJ += (A.data[r] as number) ** 2;
  } else {
    const { col, rest } = splitColumn(A, j);
    rssJ = fitOls(fn, rest, col).rss;
  }
  return (f.coefficients[j] as number) / Math.sqrt(s2 / rssJ);
}

/**
 * ADF design on the sample of `sampleLag` (rows t = sampleLag…T−2 of Δy): columns [trend…, y_{t}, Δy_{t−1}…Δy_{t−p}]
 * (trendFirst) or [y_t, Δy lags…, trend…]; the dependent variable is Δy_t. Trend is 1…nobs.
 */
function design(
  y: Float64Array,
  dy: Float64Array,
  sampleLag: number,
  p: number,
  nTrend: number,
  trendFirst: boolean,
): Matrix {
  const nobs = dy.length - sampleLag;
  const cols = nTrend + 1 + p;
  const A = matrix(nobs, cols);
  const off = trendFirst ? nTrend : 0;
  const trendOff = trendFirst ? 0 : 1 + p;
  for (let r = 0; r < nobs; r++) {
    const t = sampleLag + r;
    const row = r * cols;
    if (nTrend >= 1) A.data[row + trendOff] = 1;
    if (nTrend >= 2) A.data[row + trendOff + 1] = r + 1;
    A.data[row + off] = y[t] as number;
    for (let i = 1; i <= p; i++) A.data[row + off + i] = dy[t - i] as number;
  }
  return A;
}

/**
 * Augmented Dickey–Fuller test of a unit root (statsmodels `adfuller`, N = 1 MacKinnon p-value and
 * critical values).
 *
 * Modelling choices: exactly statsmodels 0.13.5 (see the module comment): the lag search uses the
 * common sample of maxLags, the chosen lag is re-fitted on its own longer sample, the p-value is
 * MacKinnon (1994) and the critical values MacKinnon (2010) at the final nobs. "ctt" is not offered.
 * A statistic outside MacKinnon's fitted range gives p = 0 or 1 with a `pvalue_clamped` warning; a
 * default maxLags lowered by the sample size gives `max_lags_truncated` (info).
 *
 * @param y - the series y_1…y_T (finite, not constant)
 * @param options - {@link AdfOptions}: regression ("c"), maxLags (Schwert rule), autolag ("aic")
 * @returns {@link AdfResult}: `{statistic, pValue, usedLag, nobs, criticalValues, icBest?, regression,
 *   maxLags, nullHypothesis, verifiedAgainst, diagnostics}`
 * @throws {CoreError} non_finite; invalid_argument (unknown regression / autolag; maxLags not an
 *   integer ≥ 0 or above ⌊T/2⌋ − n_trend − 1, reason "max_lags_too_large"; constant series, reason
 *   "constant_series"); too_few_observations (T too short for any lag); singular_matrix (reason
 *   "collinear_design")
 * @example
 * // seeded random walk, n = 100 (test/reference/statsmodels-adf): τ = −2.1749, p = 0.2155, lag 0
 * const r = adfTest(walk);
 * [r.statistic, r.pValue, r.usedLag, r.nobs]; // ≈ [-2.174920, 0.215473, 0, 99]
 * @see statsmodels 0.13.5 `adfuller`; MacKinnon (1994, 2010); Said & Dickey (1984).
 */
export function adfTest(y: ArrayLike<number>, options: AdfOptions = {}): AdfResult {
  const fn = "adfTest";
  const regression = options.regression ?? "c";
  if (regression !== "n" && regression !== "c" && regression !== "ct") {
    throw new CoreError("invalid_argument", {
      function: fn,
      argument: "regression",
      received: regression,
      reason: "unknown_regression",
    });
  }
  const autolag = options.autolag === undefined ? "aic" : options.autolag;
  if (autolag !== null && autolag !== "aic" && autolag !== "bic" && autolag !== "t_stat") {
    throw new CoreError("invalid_argument", {
      function: fn,
      argument: "autolag",
      received: autolag,
      reason: "unknown_autolag",
    });
  }
  const T = y.length;
  const ys = new Float64Array(T);
  for (let i = 0; i < T; i++) {
    const v = y[i] as number;
    if (!Number.isFinite(v)) throw new CoreError("non_finite", { function: fn, argument: "y", index: i });
    ys[i] = v;
  }
  const nTrend = regression === "n" ? 0 : regression.length;
  const cap = Math.floor(T / 2) - nTrend - 1;
  const diagnostics: AdfDiagnostic[] = [];
  let maxLags: number;
  if (options.maxLags === undefined) {
    const schwert = Math.ceil(12 * (T / 100) ** 0.25);
    maxLags = Math.min(cap, schwert);
    if (maxLags < 0) {
      throw new CoreError("too_few_observations", {
        function: fn,
        regression,
        required: 2 * (nTrend + 1),
        received: T,
      });
    }
    if (maxLags < schwert) {
      diagnostics.push({ code: "max_lags_truncated", severity: "info", params: { schwert, maxLags, n: T } });
    }
  } else {
    maxLags = options.maxLags;
    if (!Number.isInteger(maxLags) || maxLags < 0) {
      throw new CoreError("invalid_argument", {
        function: fn,
        argument: "maxLags",
        received: maxLags,
        reason: "integer_ge_0",
      });
    }
    if (maxLags > cap) {
      throw new CoreError("invalid_argument", {
        function: fn,
        argument: "maxLags",
        received: maxLags,
        maximum: cap,
        reason: "max_lags_too_large",
      });
    }
  }
  let constant = true;
  for (let i = 1; i < T; i++) if (ys[i] !== ys[0]) constant = false;
  if (constant) throw new CoreError("invalid_argument", { function: fn, argument: "y", reason: "constant_series" });

  const dy = new Float64Array(T - 1);
  for (let i = 0; i < T - 1; i++) dy[i] = (ys[i + 1] as number) - (ys[i] as number);

  let usedLag = maxLags;
  let icBest: number | undefined;
  if (autolag !== null) {
    // every lag on the common sample of maxLags, trend columns first (statsmodels add_trend(prepend=True))
    const b = dy.subarray(maxLags);
    const nobsC = b.length;
    const fits: { A: Matrix; f: Fit }[] = [];
    for (let p = 0; p <= maxLags; p++) {
      const A = design(ys, dy, maxLags, p, nTrend, true);
      fits.push({ A, f: fitOls(fn, A, b) });
    }
    if (autolag === "t_stat") {
      usedLag = 0;
      icBest = 0;
      for (let p = maxLags; p >= 0; p--) {
        const { A, f } = fits[p] as { A: Matrix; f: Fit };
        icBest = Math.abs(tRatio(fn, A, f, A.cols - 1));
        usedLag = p;
        if (icBest >= T_STAT_STOP) break;
      }
    } else {
      let best = Number.POSITIVE_INFINITY;
      for (let p = 0; p <= maxLags; p++) {
        const { f } = fits[p] as { A: Matrix; f: Fit };
        const llf = -0.5 * nobsC * (Math.log(2 * Math.PI) + Math.log(f.rss / nobsC) + 1);
        const k = f.rank;
        const ic = autolag === "aic" ? -2 * llf + 2 * k : -2 * llf + Math.log(nobsC) * k;
        if (ic < best) {
          best = ic;
          usedLag = p;
        }
      }
      icBest = best;
    }
  }
  // final regression at the chosen lag on its own sample: [y_{t−1}, Δy lags…, trend…]
  const A = design(ys, dy, usedLag, usedLag, nTrend, false);
  const b = dy.subarray(usedLag);
  const nobs = b.length;
  const f = fitOls(fn, A, b);
  const statistic = tRatio(fn, A, f, 0);
  const pValue = mackinnonP(statistic, regression);
  const range = MACKINNON_1994[regression];
  if (statistic < range.min || statistic > range.max) {
    diagnostics.push({
      code: "pvalue_clamped",
      severity: "warning",
      params: { statistic, min: range.min, max: range.max, pValue },
    });
  }
  return {
    statistic,
    pValue,
    usedLag,
    nobs,
    criticalValues: mackinnonCrit(regression, nobs),
    ...(icBest === undefined ? {} : { icBest }),
    regression,
    maxLags,
    nullHypothesis: "unit_root",
    verifiedAgainst: ["statsmodels 0.13.5 adfuller (mackinnonp, mackinnoncrit)"],
    diagnostics,
  };
}
