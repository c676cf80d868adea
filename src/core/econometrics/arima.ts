/**
 * ARIMA and regression with ARIMA errors (ARIMAX, 带 ARIMA 误差的回归), in the convention of R
 * `stats::arima` / `forecast::Arima` (spec methods.md §8.3):
 *
 *   y_t = β'x_t + η_t,  φ(B)(1 − B)^d η_t = θ(B) ε_t,  ε_t ~ N(0, σ²),
 *
 * with an intercept column in x when d = 0 (`includeMean`), or a drift column 1…n when d = 1
 * (`includeDrift`, forecast::Arima). Estimation follows R's `arima` step by step:
 *
 * 1. regression start values by OLS of Δ^d y on Δ^d x (no intercept of its own); with two or more
 *    regressors, x is first rotated by the right singular vectors V of x (R: `orig.xreg = FALSE`) and
 *    the coefficients rotated back at the end; parscale = (1 for ARMA, 10·OLS s.e. for β);
 * 2. "CSS": minimise ½·ln(mean conditional squared residual) (arima-kalman.ts `arimaCss`, the first
 *    d + p residuals conditioned away); "ML": minimise ½·(ln(S/n_u) + Σ ln F_t / n_u), the concentrated
 *    exact Gaussian −log-likelihood / n_u from the Kalman filter (arima-kalman.ts); "CSS-ML" (default):
 *    CSS first, its estimate starts ML;
 * 3. for ML the AR coefficients are optimised through Jones's (1980) stationarity transform and the MA
 *    start is made invertible (R `transform.pars = TRUE`); a non-invertible MA optimum is reflected;
 * 4. the optimiser is R's BFGS with numerical gradients (arima-optim.ts); the covariance of the
 *    estimates is the inverse of n_u times the numerical Hessian of the objective (R `optimHess`),
 *    mapped through the forward-difference Jacobian (step 10⁻³) of the AR transform — as R does, so
 *    the standard errors carry the same O(10⁻³) finite-difference error as R's own;
 * 5. σ² = S/n_u (ML) or the CSS mean square; logLik = −½(2·n_u·f̂ + n_u + n_u·ln 2π); AIC = −2ℓ + 2(k + 1);
 *    forecast::Arima's AICc = AIC + 2k'(k' + 1)/(n* − k' − 1) and BIC = AIC + k'(ln n* − 2) with
 *    k' = free parameters + 1 and n* = n − d; forecast::Arima's σ² = Σ e²/(n* − k' + 1) from the
 *    standardized innovations, which `forecast::forecast` uses for prediction intervals.
 *
 * `forecastArima` is `forecast::forecast(fit, h, xreg)`: Kalman forecasts from the final filtered state
 * plus the regression part, intervals mean ± z·se with normal quantiles. `autoArima` is
 * `forecast::auto.arima` for non-seasonal series (KPSS choice of d, stepwise search on AICc).
 * `armax` is the difference-equation form y_t = c + Σφ_i y_{t−i} + β'x_t + ε_t by conditional OLS.
 *
 * Only non-seasonal models; all observations must be finite (no NA handling).
 *
 * @see Brockwell, P. J. & Davis, R. A. (2016), Introduction to Time Series and Forecasting, 3rd ed., §6.6.
 * @see Durbin, J. & Koopman, S. J. (2012), Time Series Analysis by State Space Methods, 2nd ed.
 * @see Hyndman, R. J. & Khandakar, Y. (2008), "Automatic time series forecasting: the forecast package
 *   for R", Journal of Statistical Software 27(3).
 * @see R 4.2.2 `stats::arima`, `predict.Arima`; forecast 8.20 `Arima`, `forecast.Arima`, `auto.arima`.
 */
import type { DiagnosticSeverity } from "../diagnostics.js";
import { CoreError, isCoreError } from "../errors.js";
import { luDecompose, luInverse } from "../linalg/lu.js";
import { type Matrix, matrix } from "../linalg/matrix.js";
import { leastSquares } from "../linalg/qr.js";
import { normalCdf } from "./adf.js";
import {
  type ArimaFilterState,
  type ArimaStateSpace,
  arInvPartrans,
  arIsStationary,
  arimaCss,
  arimaKalmanFilter,
  arimaKalmanForecast,
  arimaStateSpace,
  arPartrans,
  differencingPolynomial,
  maInvert,
  minRootModulus,
} from "./arima-kalman.js";
import { bfgsMinimize, numericalHessian } from "./arima-optim.js";
import { ols } from "./ols.js";

/** Estimation method (R `method`). */
export type ArimaMethod = "ML" | "CSS-ML" | "CSS";

/** Diagnostic codes of the ARIMA family (joined to the core union later, with i18n). */
export type ArimaDiagnosticCode =
  /** the optimiser hit its iteration limit (params: stage "css" | "ml", iterations, maxit) */
  | "not_converged"
  /** a numerical gradient was not finite; the estimate is where the optimiser stopped (params: stage) */
  | "non_finite_gradient"
  /** the estimated AR polynomial has a root on or inside the unit circle (params: minRootModulus) */
  | "non_stationary_ar"
  /** the estimated MA polynomial has a root inside the unit circle (params: minRootModulus) */
  | "non_invertible_ma"
  /**
   * CSS-ML: the CSS estimate was not stationary (R stops with "non-stationary AR part from CSS"); the
   * CSS fit is returned instead (spec §8.3) and information criteria are NaN (params: minRootModulus)
   */
  | "css_ml_fallback_to_css"
  /** some AR coefficients were fixed, so the stationarity transform was switched off (as R) */
  | "transform_pars_disabled"
  /** the Hessian was not invertible or gave negative variances; standard errors are NaN (params: reason) */
  | "hessian_not_positive_definite"
  /** auto.arima would have used its CSS approximation (n > 150); exact ML was used (params: n) */
  | "approximation_not_used"
  /** auto.arima: the stepwise search reached the model limit (params: nmodels) */
  | "model_limit_reached";

/** An ARIMA diagnostic: plain data, rendered to text at the edges. */
export interface ArimaDiagnostic {
  readonly code: ArimaDiagnosticCode;
  readonly severity: DiagnosticSeverity;
  readonly params: Readonly<Record<string, unknown>>;
}

/** Options of {@link arima}. */
export interface ArimaOptions {
  /** (p, d, q) */
  readonly order: readonly [number, number, number];
  /** n×k regressors (ARIMAX); differenced with y when d > 0, as R does */
  readonly xreg?: Matrix;
  /** names of the xreg columns @default ["xreg"] for one column, ["xreg1", …] otherwise (forecast::Arima) */
  readonly xregNames?: readonly string[];
  /** add an intercept ("intercept") when d = 0 @default true */
  readonly includeMean?: boolean;
  /** add a drift column 1…n ("drift", first regressor) when d = 1 (forecast::Arima) @default false */
  readonly includeDrift?: boolean;
  /** @default "CSS-ML" */
  readonly method?: ArimaMethod;
  /**
   * fixed values in coefficient order (ar…, ma…, intercept/drift, xreg…); NaN = estimated
   * @default all estimated
   */
  readonly fixed?: ArrayLike<number>;
  /** optimise AR coefficients through the stationarity transform (ML stage) @default true */
  readonly transformPars?: boolean;
  /** diffuse prior variance of the differencing states @default 1e6 */
  readonly kappa?: number;
  /** BFGS iteration limit (per stage) @default 100 */
  readonly maxit?: number;
  /** BFGS relative tolerance @default √ε ≈ 1.49e-8 */
  readonly reltol?: number;
}

/** One coefficient. */
export interface ArimaCoefficient {
  readonly name: string;
  readonly estimate: number;
  /** √(diagonal of the covariance); NaN when fixed or when the Hessian was unusable */
  readonly stdError: number;
  readonly fixed: boolean;
}

/** Result of {@link arima}. */
export interface ArimaResult {
  /** (p, d, q) */
  readonly order: readonly [number, number, number];
  /** the method actually used ("CSS" after a CSS-ML fallback) */
  readonly method: ArimaMethod;
  /** ar1…, ma1…, intercept or drift, xreg names — R's names and order */
  readonly coefficients: readonly ArimaCoefficient[];
  /** covariance of the free coefficients (R `var.coef`), in coefficient order of the free ones */
  readonly covariance: Matrix;
  /** R stats::arima σ²: S/n_u (ML) or the CSS mean square */
  readonly sigma2: number;
  /** forecast::Arima σ²: Σ e²/(n* − k' + 1), used by forecastArima */
  readonly sigma2Forecast: number;
  readonly logLik: number;
  /** NaN for CSS */
  readonly aic: number;
  /** NaN for CSS */
  readonly aicc: number;
  /** NaN for CSS */
  readonly bic: number;
  /** n_u = n − d (R `nobs`) */
  readonly nobs: number;
  /** R `residuals`: standardized Kalman innovations (ML) or CSS residuals (CSS), length n */
  readonly residuals: Float64Array;
  readonly convergence: {
    readonly converged: boolean;
    /** gradient evaluations of the final optimisation stage */
    readonly iterations: number;
    readonly functionEvaluations: number;
    /** R `code`: 0 converged, 1 iteration limit */
    readonly code: 0 | 1;
  };
  readonly diagnostics: readonly ArimaDiagnostic[];
  /** state needed by {@link forecastArima} */
  readonly model: ArimaForecastState;
}

/** The parts of a fit that forecasting needs. */
export interface ArimaForecastState {
  readonly stateSpace: ArimaStateSpace;
  readonly filterState: ArimaFilterState;
  /** number of observations */
  readonly n: number;
  readonly hasIntercept: boolean;
  readonly hasDrift: boolean;
  /** coefficients of the user regressors, in column order */
  readonly xregCoefficients: Float64Array;
  /** intercept or drift coefficient (0 when absent) */
  readonly constantCoefficient: number;
}

/** Options of {@link forecastArima}. */
export interface ArimaForecastOptions {
  /** horizon; must equal newxreg.rows when newxreg is given */
  readonly h: number;
  /** h×k future regressors (same columns as the fit's xreg, no drift/intercept) */
  readonly newxreg?: Matrix;
  /** confidence levels in percent @default [80, 95] */
  readonly levels?: readonly number[];
  /**
   * which σ² scales the forecast variance: "forecast" = forecast::forecast on a forecast::Arima fit
   * (default), "arima" = stats::predict on a stats::arima fit
   */
  readonly sigma2?: "forecast" | "arima";
}

/** Result of {@link forecastArima}. */
export interface ArimaForecastResult {
  readonly mean: Float64Array;
  readonly stdError: Float64Array;
  readonly levels: readonly number[];
  /** lower[i][t]: level i, step t */
  readonly lower: readonly Float64Array[];
  readonly upper: readonly Float64Array[];
}

const DOUBLE_XMAX = Number.MAX_VALUE;

function fail(fn: string, argument: string, reason: string, extra: Record<string, unknown> = {}): never {
  throw new CoreError("invalid_argument", { function: fn, argument, reason, ...extra });
}

/** Δ^d applied to a vector (R `diff(x, 1, d)`). */
function diffVector(x: Float64Array, d: number): Float64Array {
  let w = x;
  for (let i = 0; i < d; i++) {
    const next = new Float64Array(w.length - 1);
    for (let t = 0; t + 1 < w.length; t++) next[t] = (w[t + 1] as number) - (w[t] as number);
    w = next;
  }
  return w;
}

function column(X: Matrix, j: number): Float64Array {
  const c = new Float64Array(X.rows);
  for (let i = 0; i < X.rows; i++) c[i] = X.data[i * X.cols + j] as number;
  return c;
}

/** Eigenvectors of a symmetric k×k matrix by cyclic Jacobi, columns ordered by decreasing eigenvalue. */
function symmetricEigenvectors(S: Float64Array, k: number): Float64Array {
  const A = Float64Array.from(S);
  const V = new Float64Array(k * k);
  for (let i = 0; i < k; i++) V[i * k + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < k; p++) for (let q = p + 1; q < k; q++) off += (A[p * k + q] as number) ** 2;
    if (off < 1e-300) break;
    for (let p = 0; p < k; p++) {
      for (let q = p + 1; q < k; q++) {
        const apq = A[p * k + q] as number;
        if (apq === 0) continue;
        const app = A[p * k + p] as number;
        const aqq = A[q * k + q] as number;
        const tau = (aqq - app) / (2 * apq);
        const t = Math.sign(tau || 1) / (Math.abs(tau) + Math.sqrt(1 + tau * tau));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = t * c;
        for (let r = 0; r < k; r++) {
          const arp = A[r * k + p] as number;
          const arq = A[r * k + q] as number;
          A[r * k + p] = c * arp - s * arq;
          A[r * k + q] = s * arp + c * arq;
        }
        for (let r = 0; r < k; r++) {
          const apr = A[p * k + r] as number;
          const aqr = A[q * k + r] as number;
          A[p * k + r] = c * apr - s * aqr;
          A[q * k + r] = s * apr + c * aqr;
        }
        for (let r = 0; r < k; r++) {
          const vrp = V[r * k + p] as number;
          const vrq = V[r * k + q] as number;
          V[r * k + p] = c * vrp - s * vrq;
          V[r * k + q] = s * vrp + c * vrq;
        }
      }
    }
  }
  const order = Array.from({ length: k }, (_, i) => i).sort(
    (a, b) => (A[b * k + b] as number) - (A[a * k + a] as number),
  );
  const out = new Float64Array(k * k);
  for (let r = 0; r < k; r++) for (let j = 0; j < k; j++) out[r * k + j] = V[r * k + (order[j] as number)] as number;
  return out;
}

/** Inverse of a small symmetric matrix (LU); null when singular. */
function invertSmall(H: Float64Array, k: number): Float64Array | null {
  try {
    return luInverse(luDecompose(matrix(k, k, Float64Array.from(H)))).data;
  } catch (e) {
    if (isCoreError(e)) return null;
    throw e;
  }
}

/**
 * ARIMA / regression with ARIMA errors by exact ML, CSS or CSS-then-ML (R `stats::arima`,
 * `forecast::Arima`), non-seasonal.
 *
 * Modelling choices: exactly R's (module comment): CSS start for ML, Jones transform of the AR part,
 * MA reflection, BFGS with numerical derivatives and parscale, Hessian-based covariance, R's
 * information criteria; forecast::Arima's AICc, BIC and σ² are reported alongside.
 * Where R stops with "non-stationary AR part from CSS", the CSS fit is returned with the warning
 * `css_ml_fallback_to_css` (spec §8.3) and NaN information criteria.
 *
 * @param y - the series (finite)
 * @param options - {@link ArimaOptions}
 * @returns {@link ArimaResult}
 * @throws {CoreError} non_finite (y, xreg, or ±∞ in fixed); dimension_mismatch (xreg rows, names, fixed length);
 *   invalid_argument (order not non-negative integers, unknown method, includeDrift with d ≠ 1);
 *   too_few_observations (n − d − p < 5, spec §8.3); singular_matrix (reason "collinear_xreg": the
 *   differenced regressors are rank deficient)
 * @example
 * // R: arima(LakeHuron, order = c(2,0,0), xreg = time(LakeHuron) - 1920)
 * const fit = arima(lakeHuron, { order: [2, 0, 0], xreg: years, xregNames: ["x"] });
 * fit.coefficients.map((c) => c.estimate); // ≈ [1.0048037, -0.2913198, 579.0993448, -0.0215688]
 * @see R `stats::arima` (R 4.2.2); forecast 8.20 `Arima`.
 */
export function arima(y: ArrayLike<number>, options: ArimaOptions): ArimaResult {
  const fn = "arima";
  const order = options.order;
  if (!Array.isArray(order) || order.length !== 3 || order.some((v) => !Number.isInteger(v) || v < 0)) {
    fail(fn, "order", "non_negative_integers", { received: order });
  }
  const [p, d, q] = order;
  const method = options.method ?? "CSS-ML";
  if (method !== "ML" && method !== "CSS" && method !== "CSS-ML")
    fail(fn, "method", "unknown_method", { received: method });
  const n = y.length;
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = y[i] as number;
    if (!Number.isFinite(v)) throw new CoreError("non_finite", { function: fn, argument: "y", index: i });
    x[i] = v;
  }
  if (n - d - p < 5) {
    throw new CoreError("too_few_observations", { function: fn, argument: "y", required: d + p + 5, received: n });
  }
  const includeDrift = options.includeDrift ?? false;
  if (includeDrift && d !== 1) fail(fn, "includeDrift", "drift_needs_d_1", { d });
  const includeMean = (options.includeMean ?? true) && d === 0;
  const kappa = options.kappa ?? 1e6;
  const diagnostics: ArimaDiagnostic[] = [];

  // regressors: [intercept | drift], user xreg
  const user = options.xreg;
  const ku = user ? user.cols : 0;
  if (user) {
    if (user.rows !== n) {
      throw new CoreError("dimension_mismatch", { function: fn, argument: "xreg", expected: n, received: user.rows });
    }
    for (let i = 0; i < user.data.length; i++) {
      if (!Number.isFinite(user.data[i] as number)) {
        throw new CoreError("non_finite", { function: fn, argument: "xreg", index: i });
      }
    }
  }
  const userNames = options.xregNames ?? (ku === 1 ? ["xreg"] : Array.from({ length: ku }, (_, j) => `xreg${j + 1}`));
  if (userNames.length !== ku) {
    throw new CoreError("dimension_mismatch", {
      function: fn,
      argument: "xregNames",
      expected: ku,
      received: userNames.length,
    });
  }
  const hasConst = includeMean || includeDrift;
  const ncxreg = ku + (hasConst ? 1 : 0);
  const xregNames = [...(includeMean ? ["intercept"] : includeDrift ? ["drift"] : []), ...userNames];
  let X = matrix(n, ncxreg);
  for (let i = 0; i < n; i++) {
    let j = 0;
    if (includeMean) X.data[i * ncxreg + j++] = 1;
    else if (includeDrift) X.data[i * ncxreg + j++] = i + 1;
    for (let c = 0; c < ku; c++) X.data[i * ncxreg + j++] = (user as Matrix).data[i * ku + c] as number;
  }

  const narma = p + q;
  const npar = narma + ncxreg;
  const fixed = new Float64Array(npar).fill(Number.NaN);
  if (options.fixed !== undefined) {
    if (options.fixed.length !== npar) {
      throw new CoreError("dimension_mismatch", {
        function: fn,
        argument: "fixed",
        expected: npar,
        received: options.fixed.length,
      });
    }
    for (let i = 0; i < npar; i++) {
      const v = options.fixed[i] as number;
      if (!Number.isNaN(v) && !Number.isFinite(v)) {
        throw new CoreError("non_finite", { function: fn, argument: "fixed", index: i });
      }
      fixed[i] = v;
    }
  }
  const mask = Array.from(fixed, (v) => Number.isNaN(v));
  const noOptim = !mask.some(Boolean);
  let transformPars = (options.transformPars ?? true) && !noOptim;
  if (transformPars && mask.slice(0, p).some((m) => !m)) {
    transformPars = false;
    diagnostics.push({ code: "transform_pars_disabled", severity: "info", params: {} });
  }
  const delta = differencingPolynomial(d);
  const nUsed = n - delta.length;

  // regression start values and parscale (R: lm of the differenced series, optional SVD rotation)
  const init = new Float64Array(npar);
  const parscale = new Float64Array(npar).fill(1);
  let rotation: Float64Array | null = null;
  if (ncxreg > 0) {
    const origXreg = ncxreg === 1 || mask.slice(narma).some((m) => !m);
    if (!origXreg) {
      const XtX = new Float64Array(ncxreg * ncxreg);
      for (let a = 0; a < ncxreg; a++) {
        for (let b = 0; b < ncxreg; b++) {
          let s = 0;
          for (let i = 0; i < n; i++) s += (X.data[i * ncxreg + a] as number) * (X.data[i * ncxreg + b] as number);
          XtX[a * ncxreg + b] = s;
        }
      }
      rotation = symmetricEigenvectors(XtX, ncxreg);
      const Xr = matrix(n, ncxreg);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < ncxreg; j++) {
          let s = 0;
          for (let l = 0; l < ncxreg; l++)
            s += (X.data[i * ncxreg + l] as number) * (rotation[l * ncxreg + j] as number);
          Xr.data[i * ncxreg + j] = s;
        }
      }
      X = Xr;
    }
    const dx = diffVector(x, d);
    const dX = matrix(n - d, ncxreg);
    for (let j = 0; j < ncxreg; j++) {
      const cj = diffVector(column(X, j), d);
      for (let i = 0; i < n - d; i++) dX.data[i * ncxreg + j] = cj[i] as number;
    }
    const useDiff = dx.length > ncxreg && leastSquares(dX, dx).rank > 0;
    const A = useDiff ? dX : X;
    const b = useDiff ? dx : x;
    const ls = leastSquares(A, b);
    if (ls.rank < ncxreg) {
      throw new CoreError("singular_matrix", {
        function: fn,
        argument: "xreg",
        reason: "collinear_xreg",
        rank: ls.rank,
        columns: ncxreg,
      });
    }
    const fit = ols(b, A, { intercept: false });
    for (let j = 0; j < ncxreg; j++) {
      const cf = fit.coefficients[j] as { estimate: number; stdError: number };
      init[narma + j] = cf.estimate;
      parscale[narma + j] = 10 * cf.stdError;
    }
  }
  const Xd = X.data;

  const regressionResidual = (par: Float64Array): Float64Array => {
    if (ncxreg === 0) return x;
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = x[i] as number;
      for (let j = 0; j < ncxreg; j++) s -= (Xd[i * ncxreg + j] as number) * (par[narma + j] as number);
      out[i] = s;
    }
    return out;
  };
  const splitArma = (par: Float64Array, trans: boolean): { phi: Float64Array; theta: Float64Array } => {
    const phi = trans ? arPartrans(par.subarray(0, p)) : Float64Array.from(par.subarray(0, p));
    return { phi, theta: Float64Array.from(par.subarray(p, p + q)) };
  };
  const full = (free: Float64Array, base: Float64Array): Float64Array => {
    const par = Float64Array.from(base);
    let k = 0;
    for (let i = 0; i < npar; i++) if (mask[i]) par[i] = free[k++] as number;
    return par;
  };
  const freeOf = (par: Float64Array): Float64Array => Float64Array.from(par.filter((_, i) => mask[i]));
  const freeScale = freeOf(parscale);
  const maxit = options.maxit ?? 100;
  const reltol = options.reltol;
  const bfgsOptions = { parscale: freeScale, maxit, ...(reltol === undefined ? {} : { reltol }) };

  const ncond = method === "ML" ? 0 : d + p;
  const cssObjective =
    (base: Float64Array) =>
    (free: Float64Array): number => {
      const par = full(free, base);
      const { phi, theta } = splitArma(par, false);
      const res = arimaCss(regressionResidual(par), d, phi, theta, ncond);
      return 0.5 * Math.log(res.sigma2);
    };
  const mlObjective =
    (base: Float64Array, trans: boolean) =>
    (free: Float64Array): number => {
      const par = full(free, base);
      const { phi, theta } = splitArma(par, trans);
      let ss: ArimaStateSpace;
      try {
        ss = arimaStateSpace(phi, theta, delta, kappa);
      } catch (e) {
        if (isCoreError(e)) return DOUBLE_XMAX;
        throw e;
      }
      const res = arimaKalmanFilter(regressionResidual(par), ss);
      const s2 = res.ssq / res.nUsed;
      return 0.5 * (Math.log(s2) + res.sumLog / res.nUsed);
    };

  const fixedBase = Float64Array.from(fixed, (v, i) => (Number.isNaN(v) ? (init[i] as number) : v));
  let coef: Float64Array = Float64Array.from(fixedBase);
  let usedMethod: ArimaMethod = method;
  let value = Number.NaN;
  let covFree: Float64Array = new Float64Array(0);
  let sigma2 = Number.NaN;
  let residuals: Float64Array = new Float64Array(n);
  let finalModel: ArimaStateSpace | undefined;
  let filterState: ArimaFilterState | undefined;
  let convergence: ArimaResult["convergence"] = { converged: true, iterations: 0, functionEvaluations: 0, code: 0 };
  const nFree = mask.filter(Boolean).length;

  const runCss = (): void => {
    const obj = cssObjective(fixedBase);
    const res = noOptim
      ? {
          par: new Float64Array(0),
          value: obj(new Float64Array(0)),
          iterations: 0,
          functionEvaluations: 1,
          converged: true,
          nonFiniteGradient: false,
        }
      : bfgsMinimize(obj, freeOf(fixedBase), bfgsOptions);
    noteConvergence(res, "css");
    coef = full(res.par, fixedBase);
    const H = noOptim ? new Float64Array(0) : numericalHessian(obj, res.par, { parscale: freeScale });
    const { phi, theta } = splitArma(coef, false);
    const resid = regressionResidual(coef);
    let ss: ArimaStateSpace;
    try {
      ss = arimaStateSpace(phi, theta, delta, kappa);
    } catch (e) {
      if (!isCoreError(e)) throw e;
      // unit-root AR: no initial covariance exists; filter without the AR part (forecasts not meaningful)
      ss = arimaStateSpace(new Float64Array(0), theta, delta, kappa);
    }
    finalModel = ss;
    filterState = arimaKalmanFilter(resid, ss).state;
    const css = arimaCss(resid, d, phi, theta, ncond);
    sigma2 = css.sigma2;
    residuals = css.residuals;
    value = res.value;
    covFree = covarianceFromHessian(H, nFree, nUsed, null);
    convergence = {
      converged: res.converged,
      iterations: res.iterations,
      functionEvaluations: res.functionEvaluations,
      code: res.converged ? 0 : 1,
    };
    usedMethod = "CSS";
  };

  const noteConvergence = (
    res: { converged: boolean; iterations: number; nonFiniteGradient: boolean },
    stage: "css" | "ml",
  ): void => {
    if (res.nonFiniteGradient)
      diagnostics.push({ code: "non_finite_gradient", severity: "warning", params: { stage } });
    else if (!res.converged) {
      diagnostics.push({
        code: "not_converged",
        severity: "warning",
        params: { stage, iterations: res.iterations, maxit },
      });
    }
  };

  const covarianceFromHessian = (H: Float64Array, k: number, nu: number, jac: Float64Array | null): Float64Array => {
    if (k === 0) return new Float64Array(0);
    const Hn = Float64Array.from(H, (v) => v * nu);
    const inv = invertSmall(Hn, k);
    if (inv === null) {
      diagnostics.push({ code: "hessian_not_positive_definite", severity: "warning", params: { reason: "singular" } });
      return new Float64Array(k * k).fill(Number.NaN);
    }
    if (jac === null) return inv;
    // Aᵀ H⁻¹ A (R: crossprod(A, solve(H, A)))
    const tmp = new Float64Array(k * k);
    for (let i = 0; i < k; i++) {
      for (let j = 0; j < k; j++) {
        let s = 0;
        for (let l = 0; l < k; l++) s += (inv[i * k + l] as number) * (jac[l * k + j] as number);
        tmp[i * k + j] = s;
      }
    }
    const out = new Float64Array(k * k);
    for (let i = 0; i < k; i++) {
      for (let j = 0; j < k; j++) {
        let s = 0;
        for (let l = 0; l < k; l++) s += (jac[l * k + i] as number) * (tmp[l * k + j] as number);
        out[i * k + j] = s;
      }
    }
    return out;
  };

  if (method === "CSS") {
    runCss();
  } else {
    let start: Float64Array = Float64Array.from(fixedBase);
    let fallback = false;
    if (method === "CSS-ML") {
      const obj = cssObjective(fixedBase);
      const res = noOptim ? null : bfgsMinimize(obj, freeOf(fixedBase), { ...bfgsOptions });
      if (res?.converged && !res.nonFiniteGradient) start = full(res.par, fixedBase);
      else if (res !== null) {
        // R keeps the regression start values when the CSS stage fails; the ML stage still runs
        diagnostics.push({
          code: "not_converged",
          severity: "info",
          params: { stage: "css", iterations: res.iterations, maxit },
        });
      }
      if (p > 0 && !arIsStationary(start.subarray(0, p))) fallback = true;
    }
    if (fallback) {
      const mr = minRootModulus(start.subarray(0, p), -1);
      runCss();
      diagnostics.push({ code: "css_ml_fallback_to_css", severity: "warning", params: { minRootModulus: mr } });
    } else {
      if (transformPars) {
        const ar = arInvPartrans(start.subarray(0, p));
        start.set(ar, 0);
        if (q > 0) start.set(maInvert(start.subarray(p, p + q)), p);
      }
      // fixed entries of the base are the fixed values (start keeps them)
      const base = Float64Array.from(start);
      const objective = mlObjective(base, transformPars);
      const res = noOptim
        ? {
            par: new Float64Array(0),
            value: objective(new Float64Array(0)),
            iterations: 0,
            functionEvaluations: 1,
            converged: true,
            nonFiniteGradient: false,
          }
        : bfgsMinimize(objective, freeOf(start), bfgsOptions);
      noteConvergence(res, "ml");
      coef = full(res.par, base);
      let hessAt = res.par;
      let val = res.value;
      if (transformPars) {
        if (q > 0 && mask.slice(p, p + q).every(Boolean)) {
          const inv = maInvert(coef.subarray(p, p + q));
          coef.set(inv, p);
        }
        const newFree = freeOf(coef);
        if (newFree.some((v, i) => v !== res.par[i])) {
          hessAt = newFree;
          val = objective(newFree);
        }
      }
      const H = noOptim ? new Float64Array(0) : numericalHessian(objective, hessAt, { parscale: freeScale });
      let jac: Float64Array | null = null;
      if (transformPars) {
        // forward-difference Jacobian of the AR transform, step 1e-3 (R ARIMA_Gradtrans), restricted to free
        const A = new Float64Array(npar * npar);
        for (let i = 0; i < npar; i++) A[i * npar + i] = 1;
        if (p > 0) {
          const w1 = Float64Array.from(coef.subarray(0, p));
          const w2 = arPartrans(w1);
          for (let i = 0; i < p; i++) {
            w1[i] = (w1[i] as number) + 1e-3;
            const w3 = arPartrans(w1);
            for (let j = 0; j < p; j++) A[i * npar + j] = ((w3[j] as number) - (w2[j] as number)) / 1e-3;
            w1[i] = (w1[i] as number) - 1e-3;
          }
        }
        const idx = mask.map((m, i) => (m ? i : -1)).filter((i) => i >= 0);
        jac = new Float64Array(nFree * nFree);
        for (let a = 0; a < nFree; a++) {
          for (let b = 0; b < nFree; b++)
            jac[a * nFree + b] = A[(idx[a] as number) * npar + (idx[b] as number)] as number;
        }
        coef.set(arPartrans(coef.subarray(0, p)), 0);
      }
      covFree = covarianceFromHessian(H, nFree, nUsed, jac);
      const { phi, theta } = splitArma(coef, false);
      finalModel = arimaStateSpace(phi, theta, delta, kappa);
      const filt = arimaKalmanFilter(regressionResidual(coef), finalModel);
      filterState = filt.state;
      sigma2 = filt.ssq / nUsed;
      residuals = filt.residuals;
      value = val;
      convergence = {
        converged: res.converged && !res.nonFiniteGradient,
        iterations: res.iterations,
        functionEvaluations: res.functionEvaluations,
        code: res.converged ? 0 : 1,
      };
    }
  }
  const v = value;

  // rotate regression coefficients and covariance back (R: coef[ind] <- S$v %*% coef[ind])
  let cov = covFree;
  if (rotation !== null) {
    const R = rotation;
    const beta = coef.slice(narma);
    for (let i = 0; i < ncxreg; i++) {
      let s = 0;
      for (let j = 0; j < ncxreg; j++) s += (R[i * ncxreg + j] as number) * (beta[j] as number);
      coef[narma + i] = s;
    }
    // A = blockdiag(I_narma, V) restricted to free (all xreg are free when rotated)
    const idx = mask.map((m, i) => (m ? i : -1)).filter((i) => i >= 0);
    const k = idx.length;
    const Am = new Float64Array(k * k);
    for (let a = 0; a < k; a++) {
      for (let b = 0; b < k; b++) {
        const ia = idx[a] as number;
        const ib = idx[b] as number;
        if (ia >= narma && ib >= narma) Am[a * k + b] = R[(ia - narma) * ncxreg + (ib - narma)] as number;
        else Am[a * k + b] = ia === ib ? 1 : 0;
      }
    }
    const tmp = new Float64Array(k * k);
    for (let a = 0; a < k; a++) {
      for (let b = 0; b < k; b++) {
        let s = 0;
        for (let l = 0; l < k; l++) s += (Am[a * k + l] as number) * (cov[l * k + b] as number);
        tmp[a * k + b] = s;
      }
    }
    const out = new Float64Array(k * k);
    for (let a = 0; a < k; a++) {
      for (let b = 0; b < k; b++) {
        let s = 0;
        for (let l = 0; l < k; l++) s += (tmp[a * k + l] as number) * (Am[b * k + l] as number);
        out[a * k + b] = s;
      }
    }
    cov = out;
  }

  const names = [
    ...Array.from({ length: p }, (_, i) => `ar${i + 1}`),
    ...Array.from({ length: q }, (_, i) => `ma${i + 1}`),
    ...xregNames,
  ];
  let freeIdx = 0;
  let badVariance = false;
  const coefficients: ArimaCoefficient[] = names.map((name, i) => {
    let se = Number.NaN;
    if (mask[i]) {
      const vv = cov[freeIdx * nFree + freeIdx] as number;
      if (vv < 0) badVariance = true;
      se = Math.sqrt(vv);
      freeIdx++;
    }
    return { name, estimate: coef[i] as number, stdError: se, fixed: !mask[i] };
  });
  if (badVariance) {
    diagnostics.push({
      code: "hessian_not_positive_definite",
      severity: "warning",
      params: { reason: "negative_variance" },
    });
  }

  const logLik = -0.5 * (2 * nUsed * v + nUsed + nUsed * Math.log(2 * Math.PI));
  const isCss = usedMethod === "CSS";
  const aic = isCss ? Number.NaN : -2 * logLik + 2 * nFree + 2;
  const kPrime = nFree + 1;
  const nStar = n - d;
  const aicc = aic + (2 * kPrime * (kPrime + 1)) / (nStar - kPrime - 1);
  const bic = aic + kPrime * (Math.log(nStar) - 2);
  let ss = 0;
  const resid = residuals;
  for (let i = 0; i < n; i++) ss += (resid[i] as number) ** 2;
  const sigma2Forecast = ss / (nStar - kPrime + 1);

  if (p > 0 && !isCss) {
    const phi = coef.subarray(0, p);
    if (!arIsStationary(phi)) {
      diagnostics.push({
        code: "non_stationary_ar",
        severity: "warning",
        params: { minRootModulus: minRootModulus(phi, -1) },
      });
    }
  } else if (p > 0 && !arIsStationary(coef.subarray(0, p))) {
    diagnostics.push({
      code: "non_stationary_ar",
      severity: "warning",
      params: { minRootModulus: minRootModulus(coef.subarray(0, p), -1) },
    });
  }
  if (q > 0) {
    const mr = minRootModulus(coef.subarray(p, p + q), 1);
    if (mr < 1) diagnostics.push({ code: "non_invertible_ma", severity: "warning", params: { minRootModulus: mr } });
  }

  const xregCoefficients = Float64Array.from(coef.subarray(narma + (hasConst ? 1 : 0)));
  return {
    order: [p, d, q],
    method: usedMethod,
    coefficients,
    covariance: matrix(nFree, nFree, cov),
    sigma2,
    sigma2Forecast,
    logLik,
    aic,
    aicc,
    bic,
    nobs: nUsed,
    residuals: resid,
    convergence,
    diagnostics,
    model: {
      stateSpace: finalModel as ArimaStateSpace,
      filterState: filterState as ArimaFilterState,
      n,
      hasIntercept: includeMean,
      hasDrift: includeDrift,
      xregCoefficients,
      constantCoefficient: hasConst ? (coef[narma] as number) : 0,
    },
  };
}

/**
 * Standard normal quantile Φ⁻¹(p) (标准正态分位数), used for the prediction intervals (R `qnorm`).
 *
 * P. J. Acklam's rational approximation (relative error < 1.2e-9) refined by two Halley steps on
 * Φ(x) − p with Φ from adf.ts `normalCdf` (incomplete gamma), which brings it to a few ulps.
 *
 * @param prob - probability in [0, 1]
 * @returns x with Φ(x) = prob; −∞ at 0, +∞ at 1, NaN outside [0, 1]
 * @example
 * normalQuantile(0.975); // ≈ 1.959963984540054 (R qnorm(0.975))
 * @see Acklam, P. J. (2003), "An algorithm for computing the inverse normal cumulative distribution
 *   function"; Halley's method (Press et al. 2007, Numerical Recipes 3rd ed., §9.4).
 */
export function normalQuantile(prob: number): number {
  if (!(prob > 0 && prob < 1)) {
    if (prob === 0) return Number.NEGATIVE_INFINITY;
    if (prob === 1) return Number.POSITIVE_INFINITY;
    return Number.NaN;
  }
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239,
  ];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const dd = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const A = (i: number) => a[i] as number;
  const B = (i: number) => b[i] as number;
  const C = (i: number) => c[i] as number;
  const D = (i: number) => dd[i] as number;
  const plow = 0.02425;
  let x: number;
  if (prob < plow) {
    const qq = Math.sqrt(-2 * Math.log(prob));
    x =
      (((((C(0) * qq + C(1)) * qq + C(2)) * qq + C(3)) * qq + C(4)) * qq + C(5)) /
      ((((D(0) * qq + D(1)) * qq + D(2)) * qq + D(3)) * qq + 1);
  } else if (prob <= 1 - plow) {
    const qq = prob - 0.5;
    const r = qq * qq;
    x =
      ((((((A(0) * r + A(1)) * r + A(2)) * r + A(3)) * r + A(4)) * r + A(5)) * qq) /
      (((((B(0) * r + B(1)) * r + B(2)) * r + B(3)) * r + B(4)) * r + 1);
  } else {
    const qq = Math.sqrt(-2 * Math.log(1 - prob));
    x =
      -(((((C(0) * qq + C(1)) * qq + C(2)) * qq + C(3)) * qq + C(4)) * qq + C(5)) /
      ((((D(0) * qq + D(1)) * qq + D(2)) * qq + D(3)) * qq + 1);
  }
  // two Halley refinements with Φ from erfc
  for (let it = 0; it < 2; it++) {
    const e = normalCdf(x) - prob;
    const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
    x = x - u / (1 + (x * u) / 2);
  }
  return x;
}

/**
 * Forecasts of an ARIMA / ARIMAX fit (ARIMA 预测) as `forecast::forecast(fit, h, xreg = newxreg)`.
 *
 * mean_h = Z a_{n+h|n} + β'x_{n+h} (plus intercept, or drift·(n + h)); se_h = √(σ²·Z P_{n+h|n} Zᵀ);
 * interval = mean ± Φ⁻¹(½ + level/200)·se.
 *
 * @param fit - an {@link arima} result
 * @param options - {@link ArimaForecastOptions}
 * @returns `{mean, stdError, levels, lower, upper}`
 * @throws {CoreError} invalid_argument (h not a positive integer; newxreg missing for a model with
 *   regressors; level outside (0, 100)); dimension_mismatch (newxreg shape); non_finite (newxreg)
 * @example
 * forecastArima(fit, { h: 5, newxreg: future }).mean; // LakeHuron: ≈ [579.3971650, 578.8050541, …]
 * @see forecast 8.20 `forecast.Arima`; R `predict.Arima`, `KalmanForecast`.
 */
export function forecastArima(fit: ArimaResult, options: ArimaForecastOptions): ArimaForecastResult {
  const fn = "forecastArima";
  const h = options.h;
  if (!Number.isInteger(h) || h < 1) fail(fn, "h", "positive_integer", { received: h });
  const m = fit.model;
  const k = m.xregCoefficients.length;
  const nx = options.newxreg;
  if (k > 0 && nx === undefined) fail(fn, "newxreg", "required_by_model", { columns: k });
  if (nx !== undefined) {
    if (nx.cols !== k)
      throw new CoreError("dimension_mismatch", { function: fn, argument: "newxreg", expected: k, received: nx.cols });
    if (nx.rows !== h)
      throw new CoreError("dimension_mismatch", { function: fn, argument: "newxreg", expected: h, received: nx.rows });
    for (let i = 0; i < nx.data.length; i++) {
      if (!Number.isFinite(nx.data[i] as number))
        throw new CoreError("non_finite", { function: fn, argument: "newxreg", index: i });
    }
  }
  const levels = [...(options.levels ?? [80, 95])].sort((a, b) => a - b);
  for (const l of levels) if (!(l > 0 && l < 100)) fail(fn, "levels", "level_out_of_range", { received: l });
  const kf = arimaKalmanForecast(h, m.stateSpace, m.filterState);
  const s2 = options.sigma2 === "arima" ? fit.sigma2 : fit.sigma2Forecast;
  const mean = new Float64Array(h);
  const stdError = new Float64Array(h);
  for (let t = 0; t < h; t++) {
    let xm = 0;
    if (m.hasIntercept) xm += m.constantCoefficient;
    if (m.hasDrift) xm += m.constantCoefficient * (m.n + t + 1);
    for (let j = 0; j < k; j++) xm += (m.xregCoefficients[j] as number) * ((nx as Matrix).data[t * k + j] as number);
    mean[t] = (kf.mean[t] as number) + xm;
    stdError[t] = Math.sqrt((kf.variance[t] as number) * s2);
  }
  const lower = levels.map((l) => {
    const z = normalQuantile(0.5 * (1 + l / 100));
    return Float64Array.from(mean, (mu, t) => mu - z * (stdError[t] as number));
  });
  const upper = levels.map((l) => {
    const z = normalQuantile(0.5 * (1 + l / 100));
    return Float64Array.from(mean, (mu, t) => mu + z * (stdError[t] as number));
  });
  return { mean, stdError, levels, lower, upper };
}
