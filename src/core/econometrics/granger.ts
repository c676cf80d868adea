/**
 * Granger causality test (格兰杰因果检验) and VAR lag-order selection (AIC, BIC, HQ, FPE).
 *
 * Granger (methods.md §4.3; identical to R `lmtest::grangertest` and to statsmodels
 * `grangercausalitytests`): for lag order p on the sample t = p+1…T (n = T − p observations),
 *   restricted    y_t = c + Σ_{i=1..p} α_i y_{t−i} + e_t
 *   unrestricted  y_t = c + Σ_{i=1..p} α_i y_{t−i} + Σ_{i=1..p} β_i x_{t−i} + u_t,
 * H0: β_1 = … = β_p = 0 ("x does not Granger-cause y").
 *   F  = ((RSS_r − RSS_u)/p) / (RSS_u/(n − 2p − 1)) ~ F(p, n − 2p − 1)   (lmtest; statsmodels "ssr_ftest")
 *   χ² = n·(RSS_r − RSS_u)/RSS_u ~ χ²(p)                                (statsmodels "ssr_chi2test")
 * Both regressions are solved by Householder QR with column pivoting (linalg/qr.ts), never by the
 * normal equations.
 *
 * VAR lag selection (statsmodels `VAR.select_order(maxlags, trend="c")`, Lütkepohl 2005 §4.3): every
 * VAR(p), p = 0…p_max, with a constant, is fitted by equation-wise OLS on the **common sample**
 * t = p_max+1…T (T_c = T − p_max observations for every p). With U the T_c×k residual matrix,
 * Σ̂_p = UᵀU/T_c (ML), n_p = p·k² + k free parameters and m_p = k·p + 1 regressors per equation:
 *   AIC = ln|Σ̂_p| + 2·n_p/T_c;  BIC = ln|Σ̂_p| + ln(T_c)·n_p/T_c;  HQ = ln|Σ̂_p| + 2·ln(ln T_c)·n_p/T_c;
 *   FPE = ((T_c + m_p)/(T_c − m_p))^k · |Σ̂_p|.
 * ln|Σ̂_p| is taken from the QR factor of U (|UᵀU| = Π r_jj²). The selected order is the argmin (ties →
 * smaller p, numpy argmin). p_max is bounded as in statsmodels: p_max ≤ ⌊(T − k − 1)/(k + 1)⌋, so the
 * largest model leaves at least k residual degrees of freedom.
 *
 * @see Granger, C. W. J. (1969), Econometrica 37(3), 424–438.
 * @see Zeileis, A. & Hothorn, T. (2002), R News 2(3), 7–10 (lmtest; grangertest).
 * @see Lütkepohl, H. (2005), New Introduction to Multiple Time Series Analysis, §4.3 (AIC, HQ, SC, FPE).
 * @see Thurman, W. N. & Fisher, M. E. (1988), "Chickens, eggs, and causality", AJAE 70(2), 237–238.
 */

import type { DiagnosticSeverity } from "../diagnostics.js";
import { CoreError } from "../errors.js";
import { type Matrix, matrix, multiplyVector } from "../linalg/matrix.js";
import { leastSquares, qrDecompose, qrR } from "../linalg/qr.js";
import { chiSquaredSurvival, fSurvival } from "./distributions.js";

/** Diagnostic codes of the Granger / lag-selection family (joined to the core union later, with i18n). */
export type GrangerDiagnosticCode =
  /** n − 2p − 1 < 10: the F test has few denominator degrees of freedom (params: dfDen, threshold, lags, n) */
  | "small_sample"
  /**
   * √RSS_u ≤ 10·n·ε·‖y‖ (RSS_u is rounding noise): the unrestricted model fits exactly, F = χ² = +∞ and
   * both p-values are 0 (params: rssUnrestricted, threshold (on RSS_u), rssRestricted)
   */
  | "perfect_fit";

/** A Granger-family diagnostic: plain data, rendered to text at the edges. */
export interface GrangerDiagnostic {
  readonly code: GrangerDiagnosticCode;
  readonly severity: DiagnosticSeverity;
  readonly params: Readonly<Record<string, unknown>>;
}

/** Threshold on the F denominator degrees of freedom below which {@link grangerTest} warns. */
export const GRANGER_SMALL_SAMPLE_DF = 10;

/** Result of {@link grangerTest}. */
export interface GrangerResult {
  /** F statistic ((RSS_r − RSS_u)/p)/(RSS_u/dfDen) (+∞ for a perfect fit) */
  readonly f: number;
  /** Pr(F(dfNum, dfDen) > f) */
  readonly pValue: number;
  /** numerator degrees of freedom = lags */
  readonly dfNum: number;
  /** denominator degrees of freedom = n − 2·lags − 1 */
  readonly dfDen: number;
  /** χ² statistic n·(RSS_r − RSS_u)/RSS_u (statsmodels ssr_chi2test) */
  readonly chi2: number;
  /** Pr(χ²(lags) > chi2) */
  readonly chi2PValue: number;
  /** lag order p */
  readonly lags: number;
  /** observations in both regressions, T − p */
  readonly n: number;
  /** residual sum of squares of the restricted model (y lags only) */
  readonly rssRestricted: number;
  /** residual sum of squares of the unrestricted model (y and x lags) */
  readonly rssUnrestricted: number;
  /** the null hypothesis, as a code (text at the edges) */
  readonly nullHypothesis: "x_does_not_granger_cause_y";
  /** the reference software the statistics were verified against (test/reference/r-lmtest-granger/) */
  readonly verifiedAgainst: readonly string[];
  /** small-sample and perfect-fit warnings */
  readonly diagnostics: readonly GrangerDiagnostic[];
}

function toFiniteArray(fn: string, name: string, v: ArrayLike<number>): Float64Array {
  const out = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) {
    const x = v[i] as number;
    if (!Number.isFinite(x)) throw new CoreError("non_finite", { function: fn, argument: name, index: i });
    out[i] = x;
  }
  return out;
}

function isConstant(v: Float64Array): boolean {
  for (let i = 1; i < v.length; i++) if (v[i] !== v[0]) return false;
  return true;
}

/** Row-major design [1, s_0 lags 1..p, s_1 lags 1..p, …] for t = start…T−1. */
function lagDesign(series: readonly Float64Array[], p: number, start: number, T: number): Matrix {
  const rows = T - start;
  const cols = 1 + series.length * p;
  const A = matrix(rows, cols);
  for (let r = 0; r < rows; r++) {
    const t = start + r;
    const row = r * cols;
    A.data[row] = 1;
    for (let s = 0; s < series.length; s++) {
      const v = series[s] as Float64Array;
      for (let i = 1; i <= p; i++) A.data[row + 1 + s * p + (i - 1)] = v[t - i] as number;
    }
  }
  return A;
}

/** Least squares by pivoted QR; a rank-deficient design is an error (the test would be undefined). */
function fitLeastSquares(fn: string, model: string, A: Matrix, b: Float64Array) {
  const r = leastSquares(A, b);
  if (r.rank < A.cols) {
    throw new CoreError("singular_matrix", {
      function: fn,
      reason: "collinear_design",
      model,
      rank: r.rank,
      columns: A.cols,
    });
  }
  return r;
}

/**
 * Granger causality test of "x does not Granger-cause y" at lag order p, F form (R
 * `lmtest::grangertest(y ~ x, order = p)`) and χ² form (statsmodels `grangercausalitytests`,
 * "ssr_chi2test").
 *
 * Modelling choices: the sample is t = p+1…T for both regressions (n = T − p, as both references);
 * no transformation (difference or log-difference the series before calling, methods.md §4.3
 * `transform`); run it twice, with the arguments swapped, for both directions. A warning
 * `small_sample` is returned when n − 2p − 1 < 10; an exact fit (√RSS_u ≤ 10·n·ε·‖y_{p+1..T}‖, i.e.
 * RSS_u at the rounding level of the QR solve) gives F = χ² = +∞, p-values 0 and `perfect_fit`.
 *
 * @param y - the effect series y_1…y_T (finite, not constant)
 * @param x - the candidate cause x_1…x_T (same length, finite, not constant)
 * @param lags - lag order p (integer ≥ 1)
 * @returns {@link GrangerResult}: `{f, pValue, dfNum, dfDen, chi2, chi2PValue, lags, n, rssRestricted,
 *   rssUnrestricted, nullHypothesis, verifiedAgainst, diagnostics}`
 * @throws {CoreError} dimension_mismatch (lengths differ); non_finite; invalid_argument (lags not an
 *   integer ≥ 1; reason "constant_series" for a constant y or x); too_few_observations (T − 3p − 1 < 1,
 *   params required, received); singular_matrix (reason "collinear_design": lagged regressors collinear)
 * @example
 * // ChickEgg (lmtest), eggs → chickens, order 3: F = 5.40498, p = 0.0029664, df 3/44
 * const r = grangerTest(chicken, egg, 3);
 * [r.f, r.pValue, r.dfNum, r.dfDen]; // ≈ [5.404984, 0.0029664, 3, 44]
 * @see R lmtest 0.9-40 `grangertest`; statsmodels 0.13.5 `grangercausalitytests`; methods.md §4.3.
 */
export function grangerTest(y: ArrayLike<number>, x: ArrayLike<number>, lags: number): GrangerResult {
  const fn = "grangerTest";
  if (y.length !== x.length) {
    throw new CoreError("dimension_mismatch", { function: fn, argument: "x", expected: y.length, received: x.length });
  }
  if (!Number.isInteger(lags) || lags < 1) {
    throw new CoreError("invalid_argument", { function: fn, argument: "lags", received: lags, reason: "integer_ge_1" });
  }
  const ys = toFiniteArray(fn, "y", y);
  const xs = toFiniteArray(fn, "x", x);
  const T = ys.length;
  const p = lags;
  const n = T - p;
  const dfDen = n - 2 * p - 1;
  if (dfDen < 1) {
    throw new CoreError("too_few_observations", { function: fn, lags: p, required: 3 * p + 2, received: T });
  }
  if (isConstant(ys))
    throw new CoreError("invalid_argument", { function: fn, argument: "y", reason: "constant_series" });
  if (isConstant(xs))
    throw new CoreError("invalid_argument", { function: fn, argument: "x", reason: "constant_series" });

  const b = ys.subarray(p);
  const rssRestricted = fitLeastSquares(fn, "restricted", lagDesign([ys], p, p, T), b).residualSumOfSquares;
  const rssUnrestricted = fitLeastSquares(fn, "unrestricted", lagDesign([ys, xs], p, p, T), b).residualSumOfSquares;

  const diagnostics: GrangerDiagnostic[] = [];
  if (dfDen < GRANGER_SMALL_SAMPLE_DF) {
    diagnostics.push({
      code: "small_sample",
      severity: "warning",
      params: { dfDen, threshold: GRANGER_SMALL_SAMPLE_DF, lags: p, n },
    });
  }
  // RSS_r ≥ RSS_u in exact arithmetic (nested models); clamp the rounding-level negative difference
  const drop = Math.max(0, rssRestricted - rssUnrestricted);
  let f: number;
  let chi2: number;
  // exact fit: a residual norm at the rounding level of the fit (Householder QR backward error ~ n·ε·‖y‖)
  let yy = 0;
  for (let i = 0; i < n; i++) yy += (b[i] as number) ** 2;
  const perfectFitThreshold = (10 * n * Number.EPSILON) ** 2 * yy;
  if (rssUnrestricted <= perfectFitThreshold) {
    f = Number.POSITIVE_INFINITY;
    chi2 = Number.POSITIVE_INFINITY;
    diagnostics.push({
      code: "perfect_fit",
      severity: "warning",
      params: { rssUnrestricted, threshold: perfectFitThreshold, rssRestricted },
    });
  } else {
    f = drop / p / (rssUnrestricted / dfDen);
    chi2 = (n * drop) / rssUnrestricted;
  }
  return {
    f,
    pValue: fSurvival(f, p, dfDen),
    dfNum: p,
    dfDen,
    chi2,
    chi2PValue: chiSquaredSurvival(chi2, p),
    lags: p,
    n,
    rssRestricted,
    rssUnrestricted,
    nullHypothesis: "x_does_not_granger_cause_y",
    verifiedAgainst: ["R lmtest 0.9-40 grangertest (F)", "statsmodels 0.13.5 grangercausalitytests (ssr_chi2test)"],
    diagnostics,
  };
}

/** Result of {@link varLagSelection}; arrays are indexed by lag order p = 0…maxLags. */
export interface VarLagSelectionResult {
  /** the lag orders 0…maxLags */
  readonly lags: readonly number[];
  readonly aic: readonly number[];
  readonly bic: readonly number[];
  /** Hannan–Quinn */
  readonly hq: readonly number[];
  /** final prediction error */
  readonly fpe: readonly number[];
  /** argmin of each criterion (ties → smaller p) */
  readonly selected: { readonly aic: number; readonly bic: number; readonly hq: number; readonly fpe: number };
  /** common-sample size T_c = T − maxLags used for every p */
  readonly n: number;
  /** number of series k */
  readonly k: number;
  readonly maxLags: number;
  /** the reference the criteria were verified against */
  readonly verifiedAgainst: readonly string[];
}

function argmin(v: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < v.length; i++) if ((v[i] as number) < (v[best] as number)) best = i;
  return best;
}

/**
 * VAR lag-order selection by AIC, BIC (Schwarz), HQ and FPE, as statsmodels
 * `VAR(series).select_order(maxlags, trend="c")`: every order p = 0…maxLags is fitted with a constant
 * on the common sample t = maxLags+1…T (see the module header for the exact definitions).
 *
 * @param series - T×k matrix, one column per series, rows in time order (finite, k ≥ 1)
 * @param maxLags - largest order (integer ≥ 1 and ≤ ⌊(T − k − 1)/(k + 1)⌋, statsmodels' bound)
 * @returns {@link VarLagSelectionResult}: `{lags, aic, bic, hq, fpe, selected, n, k, maxLags, verifiedAgainst}`
 * @throws {CoreError} non_finite; invalid_argument (maxLags not an integer ≥ 1, no columns);
 *   too_few_observations (reason "max_lags_exceed_sample", params maxLagsAllowed);
 *   singular_matrix (reason "collinear_design" — e.g. a constant series — or
 *   "residual_covariance_singular")
 * @example
 * // ChickEgg [chicken, egg], maxLags 4: every criterion selects p = 2 (AIC 29.7905, BIC 30.1729)
 * varLagSelection(fromRows(rows), 4).selected; // {aic: 2, bic: 2, hq: 2, fpe: 2}
 * @see statsmodels 0.13.5 `VAR.select_order`, `VARResults.info_criteria`; Lütkepohl (2005), §4.3.
 */
export function varLagSelection(series: Matrix, maxLags: number): VarLagSelectionResult {
  const fn = "varLagSelection";
  const T = series.rows;
  const k = series.cols;
  if (k < 1) throw new CoreError("invalid_argument", { function: fn, argument: "series", reason: "no_columns" });
  if (!Number.isInteger(maxLags) || maxLags < 1) {
    throw new CoreError("invalid_argument", {
      function: fn,
      argument: "maxLags",
      received: maxLags,
      reason: "integer_ge_1",
    });
  }
  const maxLagsAllowed = Math.floor((T - k - 1) / (k + 1));
  if (maxLags > maxLagsAllowed) {
    throw new CoreError("too_few_observations", {
      function: fn,
      reason: "max_lags_exceed_sample",
      maxLags,
      maxLagsAllowed,
      received: T,
      k,
    });
  }
  const cols: Float64Array[] = [];
  for (let j = 0; j < k; j++) {
    const c = new Float64Array(T);
    for (let t = 0; t < T; t++) {
      const v = series.data[t * k + j] as number;
      if (!Number.isFinite(v)) throw new CoreError("non_finite", { function: fn, argument: "series", row: t, col: j });
      c[t] = v;
    }
    cols.push(c);
  }
  const Tc = T - maxLags;
  const lagsOut: number[] = [];
  const aic: number[] = [];
  const bic: number[] = [];
  const hq: number[] = [];
  const fpe: number[] = [];
  for (let p = 0; p <= maxLags; p++) {
    const A = lagDesign(cols, p, maxLags, T);
    const U = matrix(Tc, k);
    for (let j = 0; j < k; j++) {
      const b = (cols[j] as Float64Array).subarray(maxLags);
      const coef = fitLeastSquares(fn, `equation_${j}_lag_${p}`, A, b).x;
      const fitted = multiplyVector(A, coef);
      for (let t = 0; t < Tc; t++) U.data[t * k + j] = (b[t] as number) - (fitted[t] as number);
    }
    // ln|UᵀU/T_c| = Σ_j ln r_jj² − k ln T_c (QR of U; no pivoting needed for a determinant)
    const R = qrR(qrDecompose(U, { pivoting: false }));
    let logDet = -k * Math.log(Tc);
    for (let j = 0; j < k; j++) {
      const rjj = Math.abs(R.data[j * R.cols + j] as number);
      if (rjj === 0)
        throw new CoreError("singular_matrix", { function: fn, reason: "residual_covariance_singular", lags: p });
      logDet += 2 * Math.log(rjj);
    }
    const freeParams = p * k * k + k;
    const m = k * p + 1;
    lagsOut.push(p);
    aic.push(logDet + (2 * freeParams) / Tc);
    bic.push(logDet + (Math.log(Tc) * freeParams) / Tc);
    hq.push(logDet + (2 * Math.log(Math.log(Tc)) * freeParams) / Tc);
    fpe.push(((Tc + m) / (Tc - m)) ** k * Math.exp(logDet));
  }
  return {
    lags: lagsOut,
    aic,
    bic,
    hq,
    fpe,
    selected: { aic: argmin(aic), bic: argmin(bic), hq: argmin(hq), fpe: argmin(fpe) },
    n: Tc,
    k,
    maxLags,
    verifiedAgainst: ["statsmodels 0.13.5 VAR.select_order (trend c)"],
  };
}
