/**
 * KPSS stationarity test (KPSS 平稳性检验), as statsmodels 0.13.5 `kpss`.
 *
 * Residuals e_t of y on the deterministic terms: e_t = y_t − ȳ ("c", H0: level stationary) or the OLS
 * residuals of y_t on [1, t], t = 1…n ("ct", H0: trend stationary). With partial sums S_t = Σ_{s≤t} e_s,
 *   η = Σ_t S_t² / n²                                                    (KPSS 1992, eq. 11)
 *   s²(l) = (1/n)·[Σ_t e_t² + 2·Σ_{i=1..l} (1 − i/(l+1))·Σ_{t>i} e_t e_{t−i}]   (eq. 10, Bartlett weights)
 *   KPSS = η / s²(l).
 * Large values reject stationarity (the alternative is a unit root).
 *
 * statsmodels conventions followed exactly:
 * - lag l: "auto" is Hobijn, Franses & Ooms (1998) as statsmodels `_kpss_autolag` computes it:
 *   m = ⌊n^{2/9}⌋; ŝ0 = (1/n)·Σe² + Σ_{i=1..m} 2γ̃_i, ŝ1 = Σ_{i=1..m} i·2γ̃_i with γ̃_i = (1/n)·Σ_{t>i} e_t e_{t−i};
 *   γ̂ = 1.1447·((ŝ1/ŝ0)²)^{1/3}; l = ⌊γ̂·n^{1/3}⌋. "legacy" is ⌈12·(n/100)^{1/4}⌉ (statsmodels 0.13.5
 *   rounds up, although its docstring says int()). Both are capped at n − 1. An integer l must be < n;
 * - p-value: linear interpolation (numpy `interp`) of p = (0.10, 0.05, 0.025, 0.01) against the
 *   KPSS (1992) Table 1 critical values, (0.347, 0.463, 0.574, 0.739) for "c" and
 *   (0.119, 0.146, 0.176, 0.216) for "ct"; outside the table p is held at 0.10 or 0.01 (statsmodels
 *   warns there; here a diagnostic says the true p is greater or smaller).
 *
 * R `tseries::kpss.test` and `urca::ur.kpss` compute the same statistic for a given lag; their lag rules
 * are trunc(4·(n/100)^{1/4}) ("short") and trunc(12·(n/100)^{1/4}) ("long"), i.e. integer lags here.
 *
 * @see Kwiatkowski, D., Phillips, P. C. B., Schmidt, P. & Shin, Y. (1992), "Testing the null hypothesis of
 *   stationarity against the alternative of a unit root", Journal of Econometrics 54, 159–178.
 * @see Hobijn, B., Franses, P. H. & Ooms, M. (1998), "Generalizations of the KPSS-test for
 *   stationarity", Econometric Institute Report 9802/A, Erasmus University Rotterdam (Statistica
 *   Neerlandica 58 (2004), 483–502).
 * @see Newey, W. K. & West, K. D. (1994), Review of Economic Studies 61, 631–653.
 */

import type { DiagnosticSeverity } from "../diagnostics.js";
import { CoreError } from "../errors.js";
import { neumaierDot, neumaierSum } from "../stats/summation.js";

/** Deterministic terms under the null: a constant (level stationarity) or constant + trend. */
export type KpssRegression = "c" | "ct";

/** Bandwidth rule: Hobijn et al. (1998) "auto", Schwert's ⌈12·(n/100)^{1/4}⌉ "legacy", or a fixed lag. */
export type KpssLagRule = "auto" | "legacy" | number;

/** Options of {@link kpssTest}. */
export interface KpssOptions {
  /**
   * deterministic terms under the null (default "c")
   * @default "c"
   */
  readonly regression?: KpssRegression;
  /**
   * truncation lag of the Bartlett long-run variance: "auto", "legacy" or an integer 0 ≤ l < n
   * @default "auto"
   */
  readonly nlags?: KpssLagRule;
}

/** Diagnostic codes of the KPSS test (joined to the core union later, with i18n). */
export type KpssDiagnosticCode =
  /**
   * the statistic is above the table's largest critical value: the p-value is reported as 0.01 and the
   * true p-value is smaller (params: statistic, criticalValue, pValue)
   */
  | "pvalue_smaller_than_reported"
  /**
   * the statistic is below the table's smallest critical value: the p-value is reported as 0.10 and the
   * true p-value is greater (params: statistic, criticalValue, pValue)
   */
  | "pvalue_greater_than_reported"
  /** the "auto" / "legacy" lag exceeded n − 1 and was capped (params: rule, requested, lags, n) */
  | "lags_truncated";

/** A KPSS diagnostic: plain data, rendered to text at the edges. */
export interface KpssDiagnostic {
  readonly code: KpssDiagnosticCode;
  readonly severity: DiagnosticSeverity;
  readonly params: Readonly<Record<string, unknown>>;
}

/** KPSS (1992) Table 1 critical values, keyed by significance level. */
export interface KpssCriticalValues {
  readonly "10%": number;
  readonly "5%": number;
  readonly "2.5%": number;
  readonly "1%": number;
}

/** Result of {@link kpssTest}. */
export interface KpssResult {
  /** η / s²(l) */
  readonly statistic: number;
  /** interpolated in KPSS (1992) Table 1, held within [0.01, 0.10] */
  readonly pValue: number;
  /** truncation lag l used in s²(l) */
  readonly lags: number;
  /** number of observations n */
  readonly nobs: number;
  /** asymptotic critical values, KPSS (1992) Table 1 */
  readonly criticalValues: KpssCriticalValues;
  /** the deterministic terms used */
  readonly regression: KpssRegression;
  /** how the lag was chosen */
  readonly lagRule: "auto" | "legacy" | "fixed";
  /** the null hypothesis, as a code (text at the edges); the alternative is a unit root */
  readonly nullHypothesis: "level_stationary" | "trend_stationary";
  /** the reference software the results were verified against (test/reference/statsmodels-kpss/) */
  readonly verifiedAgainst: readonly string[];
  readonly diagnostics: readonly KpssDiagnostic[];
}

/** KPSS (1992) Table 1, upper tail: significance levels and critical values (ascending). */
const KPSS_P = [0.1, 0.05, 0.025, 0.01] as const;
const KPSS_1992: Readonly<Record<KpssRegression, readonly number[]>> = {
  c: [0.347, 0.463, 0.574, 0.739],
  ct: [0.119, 0.146, 0.176, 0.216],
};

/** Bartlett-kernel bandwidth constant of Andrews (1991, eq. 6.2), used by Hobijn et al. (1998) and statsmodels. */
const HOBIJN_C = 1.1447;

/**
 * Critical values of the KPSS statistic (KPSS 1992, Table 1; statsmodels `kpss` crit dict).
 *
 * @param regression - "c" (level) or "ct" (trend)
 * @returns `{"10%", "5%", "2.5%", "1%"}`
 * @example
 * kpssCriticalValues("c")["5%"]; // => 0.463
 * @see Kwiatkowski et al. (1992), Table 1.
 */
export function kpssCriticalValues(regression: KpssRegression): KpssCriticalValues {
  const c = KPSS_1992[regression];
  return { "10%": c[0] as number, "5%": c[1] as number, "2.5%": c[2] as number, "1%": c[3] as number };
}

/**
 * p-value of a KPSS statistic by linear interpolation in KPSS (1992) Table 1, exactly as numpy
 * `interp(stat, crit, [0.10, 0.05, 0.025, 0.01])` (statsmodels `kpss`): held at 0.10 below the table
 * and at 0.01 above it.
 *
 * @param statistic - the KPSS statistic (finite)
 * @param regression - "c" or "ct"
 * @returns p in [0.01, 0.10]
 * @example
 * kpssPValue(0.463, "c"); // => 0.05
 * kpssPValue(2, "c"); // => 0.01 (true p smaller)
 * @see Kwiatkowski et al. (1992), Table 1; numpy `interp`.
 */
export function kpssPValue(statistic: number, regression: KpssRegression): number {
  const xp = KPSS_1992[regression];
  const last = xp.length - 1;
  if (statistic < (xp[0] as number)) return KPSS_P[0];
  if (statistic >= (xp[last] as number)) return KPSS_P[last] as number;
  let j = 0;
  while (statistic >= (xp[j + 1] as number)) j++;
  const x0 = xp[j] as number;
  const x1 = xp[j + 1] as number;
  const p0 = KPSS_P[j] as number;
  const p1 = KPSS_P[j + 1] as number;
  // numpy: slope·(x − x_j) + f_j
  return ((p1 - p0) / (x1 - x0)) * (statistic - x0) + p0;
}

/**
 * Multiplies v in place by the power of two 2^−k that brings max|v_i| into [1, 2). Power-of-two scaling
 * is exact (unless an entry falls into the subnormal range) and commutes with every operation below, so
 * the statistic — invariant to the scale of y — is unchanged bit for bit, while sums of squares can
 * neither overflow (|y| near 1e308) nor underflow (|e| below 1e-154).
 */
function scaleToUnit(v: Float64Array): void {
  let m = 0;
  for (let i = 0; i < v.length; i++) m = Math.max(m, Math.abs(v[i] as number));
  if (m === 0) return;
  let k = -Math.floor(Math.log2(m));
  while (k !== 0) {
    const step = Math.max(-1000, Math.min(1000, k));
    const f = 2 ** step;
    for (let i = 0; i < v.length; i++) v[i] = (v[i] as number) * f;
    k -= step;
  }
}

/** Σ_{t≥i} e_t e_{t−i} (compensated). */
function autocovSum(e: Float64Array, i: number): number {
  return neumaierDot(e.subarray(i), e.subarray(0, e.length - i));
}

/** Bartlett (Newey–West) long-run variance s²(l) of KPSS (1992) eq. 10. */
function longRunVariance(e: Float64Array, lags: number): number {
  const n = e.length;
  let s = autocovSum(e, 0);
  for (let i = 1; i <= lags; i++) s += 2 * autocovSum(e, i) * (1 - i / (lags + 1));
  return s / n;
}

/**
 * Hobijn et al. (1998) automatic bandwidth as statsmodels `_kpss_autolag` (before the n − 1 cap);
 * null when ŝ1/ŝ0 is undefined (ŝ0 = 0).
 */
function hobijnLags(e: Float64Array): { lags: number; s0: number } | { lags: null; s0: number } {
  const n = e.length;
  const covlags = Math.trunc(n ** (2 / 9));
  let s0 = autocovSum(e, 0) / n;
  let s1 = 0;
  for (let i = 1; i <= covlags; i++) {
    const g = autocovSum(e, i) / (n / 2);
    s0 += g;
    s1 += i * g;
  }
  const ratio = s1 / s0;
  const lags = Math.trunc(HOBIJN_C * (ratio * ratio) ** (1 / 3) * n ** (1 / 3));
  return Number.isFinite(lags) ? { lags, s0 } : { lags: null, s0 };
}

/**
 * KPSS test of level or trend stationarity (statsmodels `kpss`), with the KPSS (1992) table p-value.
 *
 * Modelling choices: exactly statsmodels 0.13.5 (see the module comment): residuals from the mean or
 * from OLS on [1, t]; Bartlett long-run variance; "auto" lag of Hobijn et al. (1998), "legacy"
 * ⌈12·(n/100)^{1/4}⌉, both capped at n − 1 (diagnostic `lags_truncated`); p-value interpolated in
 * KPSS (1992) Table 1 and held at 0.10 / 0.01 outside it (diagnostics `pvalue_greater_than_reported`
 * / `pvalue_smaller_than_reported`, severity info: the decision at the tabulated levels is unaffected).
 * y and the residuals are rescaled by powers of two before the sums (exact, and the statistic is
 * scale-invariant): no overflow or underflow for any finite input, so no NaN or ±∞ in the result.
 * A constant series, or under "ct" an exactly linear one (residual norm ≤ 1024·n·ε·‖y − ȳ‖, where the
 * statistic would be rounding noise divided by rounding noise), is refused.
 *
 * @param y - the series y_1…y_n (finite, not constant)
 * @param options - {@link KpssOptions}: regression ("c"), nlags ("auto")
 * @returns {@link KpssResult}: `{statistic, pValue, lags, nobs, criticalValues, regression, lagRule,
 *   nullHypothesis, verifiedAgainst, diagnostics}`
 * @throws {CoreError} non_finite; invalid_argument (reason "unknown_regression", "unknown_nlags",
 *   "integer_ge_0" for a negative or fractional lag, "lags_too_large" for an integer lag ≥ n,
 *   "constant_series", "exact_linear_trend" under "ct", "autolag_undefined" when the Hobijn ratio is
 *   0/0); too_few_observations (n < 2 for "c", n < 3 for "ct")
 * @example
 * // seeded stationary AR(1), n = 60 (test/reference/statsmodels-kpss): level stationarity not rejected
 * const r = kpssTest(ar1);
 * [r.statistic, r.pValue, r.lags]; // ≈ [0.1352, 0.1, 3], diagnostics: pvalue_greater_than_reported
 * @see statsmodels 0.13.5 `kpss`; Kwiatkowski et al. (1992); Hobijn et al. (1998); R tseries
 *   `kpss.test` and urca `ur.kpss` (same statistic at a given lag).
 * Complexity O(n·l).
 */
export function kpssTest(y: ArrayLike<number>, options: KpssOptions = {}): KpssResult {
  const fn = "kpssTest";
  const regression = options.regression ?? "c";
  if (regression !== "c" && regression !== "ct") {
    throw new CoreError("invalid_argument", {
      function: fn,
      argument: "regression",
      received: regression,
      reason: "unknown_regression",
    });
  }
  const nlags = options.nlags ?? "auto";
  if (typeof nlags === "string") {
    if (nlags !== "auto" && nlags !== "legacy") {
      throw new CoreError("invalid_argument", {
        function: fn,
        argument: "nlags",
        received: nlags,
        reason: "unknown_nlags",
      });
    }
  } else if (typeof nlags !== "number" || !Number.isInteger(nlags) || nlags < 0) {
    throw new CoreError("invalid_argument", {
      function: fn,
      argument: "nlags",
      received: nlags,
      reason: "integer_ge_0",
    });
  }
  const n = y.length;
  const ys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = y[i] as number;
    if (!Number.isFinite(v)) throw new CoreError("non_finite", { function: fn, argument: "y", index: i });
    ys[i] = v;
  }
  const required = regression === "c" ? 2 : 3;
  if (n < required) throw new CoreError("too_few_observations", { function: fn, regression, required, received: n });
  let constant = true;
  for (let i = 1; i < n; i++) if (ys[i] !== ys[0]) constant = false;
  if (constant) throw new CoreError("invalid_argument", { function: fn, argument: "y", reason: "constant_series" });
  if (typeof nlags === "number" && nlags >= n) {
    throw new CoreError("invalid_argument", {
      function: fn,
      argument: "nlags",
      received: nlags,
      maximum: n - 1,
      reason: "lags_too_large",
    });
  }

  scaleToUnit(ys);
  // residuals: y − ȳ, or y − ȳ − b·(t − t̄) with b the OLS slope on t = 1…n (centred, so [1, t] is orthogonal)
  const mean = neumaierSum(ys) / n;
  const e = new Float64Array(n);
  for (let i = 0; i < n; i++) e[i] = (ys[i] as number) - mean;
  if (regression === "ct") {
    const tBar = (n + 1) / 2;
    const tc = new Float64Array(n);
    for (let i = 0; i < n; i++) tc[i] = i + 1 - tBar;
    const centredNorm = Math.sqrt(neumaierDot(e, e));
    const slope = neumaierDot(tc, e) / neumaierDot(tc, tc);
    for (let i = 0; i < n; i++) e[i] = (e[i] as number) - slope * (tc[i] as number);
    const residualNorm = Math.sqrt(neumaierDot(e, e));
    if (residualNorm <= 1024 * n * Number.EPSILON * centredNorm) {
      throw new CoreError("invalid_argument", {
        function: fn,
        argument: "y",
        reason: "exact_linear_trend",
        residualNorm,
        centredNorm,
      });
    }
  }

  scaleToUnit(e);

  const diagnostics: KpssDiagnostic[] = [];
  let lags: number;
  let lagRule: KpssResult["lagRule"];
  if (typeof nlags === "number") {
    lags = nlags;
    lagRule = "fixed";
  } else {
    let requested: number;
    if (nlags === "legacy") {
      requested = Math.ceil(12 * (n / 100) ** 0.25);
    } else {
      const h = hobijnLags(e);
      if (h.lags === null) {
        throw new CoreError("invalid_argument", { function: fn, argument: "y", reason: "autolag_undefined", s0: h.s0 });
      }
      requested = h.lags;
    }
    lags = Math.min(requested, n - 1);
    lagRule = nlags;
    if (lags < requested) {
      diagnostics.push({ code: "lags_truncated", severity: "info", params: { rule: nlags, requested, lags, n } });
    }
  }

  // η = Σ S_t² / n² with S the partial sums of e
  const partial = new Float64Array(n);
  let s = 0;
  for (let i = 0; i < n; i++) {
    s += e[i] as number;
    partial[i] = s;
  }
  const eta = neumaierDot(partial, partial) / (n * n);
  const statistic = eta / longRunVariance(e, lags);
  const pValue = kpssPValue(statistic, regression);
  const crit = KPSS_1992[regression];
  if (pValue === KPSS_P[3]) {
    diagnostics.push({
      code: "pvalue_smaller_than_reported",
      severity: "warning",
      params: { statistic, criticalValue: crit[3], pValue },
    });
  } else if (pValue === KPSS_P[0]) {
    diagnostics.push({
      code: "pvalue_greater_than_reported",
      severity: "warning",
      params: { statistic, criticalValue: crit[0], pValue },
    });
  }
  return {
    statistic,
    pValue,
    lags,
    nobs: n,
    criticalValues: kpssCriticalValues(regression),
    regression,
    lagRule,
    nullHypothesis: regression === "c" ? "level_stationary" : "trend_stationary",
    verifiedAgainst: ["statsmodels 0.13.5 kpss", "R tseries 0.10-53 kpss.test", "R urca 1.3-3 ur.kpss"],
    diagnostics,
  };
}
