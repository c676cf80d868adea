/**
 * ARMAX in difference-equation form (差分方程形式的 ARMAX) by conditional least squares
 * (spec methods.md §8.3, `form = 'armax'`):
 *
 *   y_t = c + Σ_{i=1..p} φ_i y_{t−i} + β'x_t + ε_t,  t = p + 1 … T,
 *
 * i.e. OLS of y_t on [1, y_{t−1}, …, y_{t−p}, x_t] over the last T − p observations (the first p are
 * conditioned on). This is a different model from regression with ARIMA errors (arima.ts): there β
 * is the long-run effect of x, here β is the impact effect and the long-run effect is β/(1 − Σφ).
 *
 * @see Spec methods.md §8.3 (known answer on LakeHuron: c = 161.560605, φ1 = 0.999742,
 *   φ2 = −0.278779, β = −0.004999).
 * @see Hyndman, R. J. (2010), "The ARIMAX model muddle" (the two forms).
 */
import { CoreError } from "../errors.js";
import { type Matrix, matrix } from "../linalg/matrix.js";
import { type OlsResult, ols } from "./ols.js";

/** Options of {@link armax}. */
export interface ArmaxOptions {
  /** number of lags of y (p ≥ 0) */
  readonly p: number;
  /** T×k exogenous regressors, entering at time t */
  readonly xreg?: Matrix;
  /** names of the xreg columns @default ["xreg"] or ["xreg1", …] */
  readonly xregNames?: readonly string[];
  /** include the constant c @default true */
  readonly intercept?: boolean;
}

/** One coefficient of {@link armax}. */
export interface ArmaxCoefficient {
  /** "intercept", "ar1"…, then the xreg names */
  readonly name: string;
  readonly estimate: number;
  /** classical OLS standard error */
  readonly stdError: number;
}

/** Result of {@link armax}. */
export interface ArmaxResult {
  readonly coefficients: readonly ArmaxCoefficient[];
  /** RSS / (T − p − k) */
  readonly sigma2: number;
  /** residuals for t = p + 1 … T */
  readonly residuals: Float64Array;
  /** T − p */
  readonly nobs: number;
  /** the underlying OLS fit (R², information criteria, diagnostics) */
  readonly ols: OlsResult;
}

/**
 * Difference-equation ARMAX by conditional OLS (see the module comment).
 *
 * @param y - the series y_1…y_T (finite)
 * @param options - {@link ArmaxOptions}
 * @returns {@link ArmaxResult}: `{coefficients, sigma2, residuals, nobs, ols}`
 * @throws {CoreError} invalid_argument (p not an integer ≥ 0); dimension_mismatch (xreg rows or
 *   names); plus the errors of `ols` (non_finite, too_few_observations, singular_matrix)
 * @example
 * // LakeHuron, x = year − 1920 (spec §8.3)
 * armax(lakeHuron, { p: 2, xreg: years, xregNames: ["x"] }).coefficients.map((c) => c.estimate);
 * // ≈ [161.560605, 0.999742, -0.278779, -0.004999]
 * @see R `lm(y[t] ~ y[t-1] + … + x[t])` (test/reference/r-forecast-arima).
 */
export function armax(y: ArrayLike<number>, options: ArmaxOptions): ArmaxResult {
  const fn = "armax";
  const p = options.p;
  if (!Number.isInteger(p) || p < 0) {
    throw new CoreError("invalid_argument", {
      function: fn,
      argument: "p",
      reason: "non_negative_integer",
      received: p,
    });
  }
  const T = y.length;
  const X = options.xreg;
  const k = X ? X.cols : 0;
  if (X && X.rows !== T) {
    throw new CoreError("dimension_mismatch", { function: fn, argument: "xreg", expected: T, received: X.rows });
  }
  const xNames = options.xregNames ?? (k === 1 ? ["xreg"] : Array.from({ length: k }, (_, j) => `xreg${j + 1}`));
  if (xNames.length !== k) {
    throw new CoreError("dimension_mismatch", {
      function: fn,
      argument: "xregNames",
      expected: k,
      received: xNames.length,
    });
  }
  const nobs = Math.max(0, T - p);
  const cols = p + k;
  const A = matrix(nobs, cols);
  const b = new Float64Array(nobs);
  for (let r = 0; r < nobs; r++) {
    const t = r + p;
    b[r] = y[t] as number;
    for (let i = 1; i <= p; i++) A.data[r * cols + i - 1] = y[t - i] as number;
    for (let j = 0; j < k; j++) A.data[r * cols + p + j] = (X as Matrix).data[t * k + j] as number;
  }
  const names = [...Array.from({ length: p }, (_, i) => `ar${i + 1}`), ...xNames];
  const intercept = options.intercept ?? true;
  const fit = ols(b, A, { intercept, names });
  const coefficients = fit.coefficients.map((c, i) => ({
    name: intercept && i === 0 ? "intercept" : c.name,
    estimate: c.estimate,
    stdError: c.stdError,
  }));
  return { coefficients, sigma2: fit.sigma2, residuals: fit.residuals, nobs, ols: fit };
}
