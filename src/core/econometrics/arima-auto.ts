/**
 * Automatic ARIMA order selection (自动 ARIMA 定阶) as `forecast::auto.arima` (forecast 8.20) for
 * non-seasonal series, and its KPSS-based choice of the differencing order (`forecast::ndiffs`).
 *
 * - d: KPSS level-stationarity test (kpss.ts `kpssTest`, regression "c", Bartlett lag ⌊3√n/13⌋ as
 *   forecast's `ur.kpss` call), p-value by linear interpolation in the table 0.347/0.463/0.574/0.739 ↔
 *   10/5/2.5/1 % (clamped at the ends);
 *   difference while p < α = 0.05, up to maxD; a constant series stops the search. With regressors the
 *   test runs on the residuals of the OLS regression of y on [1, x] and d is lowered by one when a
 *   differenced regressor becomes constant.
 * - search: Hyndman & Khandakar (2008) stepwise algorithm — start (2,d,2), (0,d,0), (1,d,0), (0,d,1)
 *   and (0,d,0) without constant; then repeatedly try p ± 1, q ± 1 and joint moves, and toggling the
 *   constant, moving to the first model that lowers the criterion; each model is fitted by
 *   CSS-ML (arima.ts) with a drift term when d = 1 and a mean when d = 0 ("constant"). A model
 *   scores +∞ when it fails, when R's CSS-ML would have stopped (non-stationary CSS start), when a
 *   standard error is NaN, or when an AR/MA root has modulus < 1.01.
 * - the non-stepwise search (all p ≤ maxP, q ≤ maxQ, p + q ≤ maxOrder, with and without constant)
 *   is offered too.
 *
 * Not reproduced: the CSS approximation auto.arima uses for n > 150 (exact ML is always used; a
 * diagnostic says so), Box–Cox, seasonal models, the special fits for a constant differenced series.
 *
 * @see Hyndman, R. J. & Khandakar, Y. (2008), Journal of Statistical Software 27(3), §3.2.
 * @see Kwiatkowski, D., Phillips, P. C. B., Schmidt, P. & Shin, Y. (1992), Journal of Econometrics 54, 159–178.
 * @see forecast 8.20 `auto.arima`, `ndiffs`; urca `ur.kpss`.
 */
import { CoreError, isCoreError } from "../errors.js";
import { type Matrix, matrix } from "../linalg/matrix.js";
import { leastSquares } from "../linalg/qr.js";
import { type ArimaDiagnostic, type ArimaResult, arima } from "./arima.js";
import { minRootModulus } from "./arima-kalman.js";
import { kpssTest } from "./kpss.js";

/** Information criterion of the search. */
export type ArimaIc = "aicc" | "aic" | "bic";

/** Options of {@link autoArima}. */
export interface AutoArimaOptions {
  /** regressors (n×k), kept in every candidate model */
  readonly xreg?: Matrix;
  /** names of the xreg columns @default as arima */
  readonly xregNames?: readonly string[];
  /** differencing order; chosen by KPSS ({@link ndiffsKpss}) when absent */
  readonly d?: number;
  /** @default 5 */
  readonly maxP?: number;
  /** @default 5 */
  readonly maxQ?: number;
  /** @default 2 */
  readonly maxD?: number;
  /** largest p + q of the non-stepwise search @default 5 */
  readonly maxOrder?: number;
  /** @default 2 */
  readonly startP?: number;
  /** @default 2 */
  readonly startQ?: number;
  /** @default "aicc" */
  readonly ic?: ArimaIc;
  /** @default true */
  readonly stepwise?: boolean;
  /** allow a drift term when d = 1 @default true */
  readonly allowDrift?: boolean;
  /** allow a mean when d = 0 @default true */
  readonly allowMean?: boolean;
  /** model limit of the stepwise search @default 94 */
  readonly nmodels?: number;
  /** KPSS level @default 0.05 */
  readonly alpha?: number;
}

/** One candidate visited by the search. */
export interface AutoArimaCandidate {
  readonly order: readonly [number, number, number];
  readonly constant: boolean;
  /** +∞ for a rejected model */
  readonly ic: number;
}

/** Result of {@link autoArima}. */
export interface AutoArimaResult {
  /** the selected fit (CSS-ML) */
  readonly fit: ArimaResult;
  readonly order: readonly [number, number, number];
  /** intercept (d = 0) or drift (d = 1) included */
  readonly constant: boolean;
  readonly ic: ArimaIc;
  /** criterion of the selected model */
  readonly icValue: number;
  /** the candidates in the order they were fitted */
  readonly candidates: readonly AutoArimaCandidate[];
  readonly diagnostics: readonly ArimaDiagnostic[];
}

function isConstant(x: Float64Array): boolean {
  for (let i = 1; i < x.length; i++) if (x[i] !== x[0]) return false;
  return true;
}

function diff1(x: Float64Array): Float64Array {
  return Float64Array.from({ length: Math.max(0, x.length - 1) }, (_, i) => (x[i + 1] as number) - (x[i] as number));
}

/**
 * forecast::ndiffs' KPSS step: `ur.kpss(x, type = "mu", use.lag = trunc(3·√n/13))` with the p-value
 * interpolated in the KPSS (1992) table (kpss.ts gives the same statistic and interpolation); a test
 * that cannot be computed counts as "do not difference", as ndiffs' tryCatch does.
 */
function kpssRejects(x: Float64Array, alpha: number): boolean {
  try {
    return kpssTest(x, { regression: "c", nlags: Math.trunc((3 * Math.sqrt(x.length)) / 13) }).pValue < alpha;
  } catch (e) {
    if (isCoreError(e)) return false;
    throw e;
  }
}

/**
 * Number of differences by repeated KPSS tests (forecast::ndiffs, test = "kpss", type = "level").
 *
 * @param x - series
 * @param maxD - largest d @default 2
 * @param alpha - level, clamped to [0.01, 0.1] @default 0.05
 * @returns d ∈ {0, …, maxD}
 * @example
 * ndiffsKpss(lakeHuron); // 1 (R forecast::ndiffs(LakeHuron))
 * @see forecast 8.20 `ndiffs`.
 */
export function ndiffsKpss(x: ArrayLike<number>, maxD = 2, alpha = 0.05): number {
  const a = Math.min(0.1, Math.max(0.01, alpha));
  let w: Float64Array = Float64Array.from(x as ArrayLike<number>);
  let d = 0;
  if (isConstant(w)) return 0;
  let dodiff = kpssRejects(w, a);
  while (dodiff && d < maxD) {
    d++;
    w = diff1(w);
    if (isConstant(w)) return d;
    dodiff = kpssRejects(w, a);
  }
  return d;
}

/**
 * Automatic non-seasonal ARIMA(X) selection as `forecast::auto.arima(y, xreg, seasonal = FALSE)`.
 *
 * @param y - the series (finite)
 * @param options - {@link AutoArimaOptions}
 * @returns {@link AutoArimaResult}: the chosen CSS-ML fit, order, constant, criterion and the visited models
 * @throws {CoreError} non_finite; invalid_argument (reason "no_suitable_model" when every candidate
 *   scores +∞; "constant_differenced_series" when Δ^d y is constant — auto.arima's special fits are
 *   not reproduced); singular_matrix (reason "collinear_xreg": [1, xreg] rank deficient)
 * @example
 * autoArima(lakeHuron).order; // [0, 1, 0] (R forecast::auto.arima(LakeHuron))
 * @see Hyndman & Khandakar (2008); forecast 8.20 `auto.arima`.
 */
export function autoArima(y: ArrayLike<number>, options: AutoArimaOptions = {}): AutoArimaResult {
  const fn = "autoArima";
  const n = y.length;
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = y[i] as number;
    if (!Number.isFinite(v)) throw new CoreError("non_finite", { function: fn, argument: "y", index: i });
    x[i] = v;
  }
  const diagnostics: ArimaDiagnostic[] = [];
  let ic: ArimaIc = options.ic ?? "aicc";
  if (n <= 3) ic = "aic";
  const maxP = Math.min(options.maxP ?? 5, Math.floor(n / 3));
  const maxQ = Math.min(options.maxQ ?? 5, Math.floor(n / 3));
  const maxD = options.maxD ?? 2;
  const maxOrder = options.maxOrder ?? 5;
  const nmodels = options.nmodels ?? 94;
  const xreg = options.xreg;

  // series used for the unit-root tests
  let xx: Float64Array = x;
  const xregCols: Float64Array[] = [];
  if (xreg !== undefined) {
    if (xreg.rows !== n) {
      throw new CoreError("dimension_mismatch", { function: fn, argument: "xreg", expected: n, received: xreg.rows });
    }
    for (let j = 0; j < xreg.cols; j++) {
      const c = Float64Array.from({ length: n }, (_, i) => xreg.data[i * xreg.cols + j] as number);
      if (!isConstant(c)) xregCols.push(c);
    }
    if (xregCols.length > 0) {
      const k = xregCols.length + 1;
      const A = matrix(n, k);
      for (let i = 0; i < n; i++) {
        A.data[i * k] = 1;
        for (let j = 1; j < k; j++) A.data[i * k + j] = (xregCols[j - 1] as Float64Array)[i] as number;
      }
      const ls = leastSquares(A, x);
      if (ls.rank < k) {
        throw new CoreError("singular_matrix", {
          function: fn,
          argument: "xreg",
          reason: "collinear_xreg",
          rank: ls.rank,
          columns: k,
        });
      }
      xx = Float64Array.from({ length: n }, (_, i) => {
        let s = x[i] as number;
        for (let j = 0; j < k; j++) s -= (A.data[i * k + j] as number) * (ls.x[j] as number);
        return s;
      });
    }
  }
  let d: number;
  if (options.d !== undefined) {
    d = options.d;
    if (!Number.isInteger(d) || d < 0) {
      throw new CoreError("invalid_argument", {
        function: fn,
        argument: "d",
        reason: "non_negative_integer",
        received: d,
      });
    }
  } else {
    d = ndiffsKpss(xx, maxD, options.alpha ?? 0.05);
    if (d > 0 && xregCols.length > 0) {
      const differenced = xregCols.map((c) => {
        let w = c;
        for (let i = 0; i < d; i++) w = diff1(w);
        return w;
      });
      if (differenced.some(isConstant)) d--;
    }
  }
  let dx: Float64Array = xx;
  for (let i = 0; i < d; i++) dx = diff1(dx);
  if (dx.length === 0) throw new CoreError("too_few_observations", { function: fn, argument: "y", received: n });
  if (isConstant(dx)) {
    throw new CoreError("invalid_argument", { function: fn, argument: "y", reason: "constant_differenced_series", d });
  }
  if (n > 150) diagnostics.push({ code: "approximation_not_used", severity: "info", params: { n } });

  const allowDrift = (options.allowDrift ?? true) && d === 1;
  const allowMean = (options.allowMean ?? true) && d === 0;

  const candidates: AutoArimaCandidate[] = [];
  const fits = new Map<string, ArimaResult | null>();
  const key = (p: number, q: number, c: boolean) => `${p},${q},${c ? 1 : 0}`;
  const score = (r: ArimaResult): number => (ic === "aicc" ? r.aicc : ic === "aic" ? r.aic : r.bic);
  const fitModel = (p: number, q: number, constant: boolean): number => {
    let fit: ArimaResult | null = null;
    let value = Number.POSITIVE_INFINITY;
    try {
      fit = arima(x, {
        order: [p, d, q],
        includeMean: constant,
        includeDrift: constant && d === 1,
        method: "CSS-ML",
        ...(xreg !== undefined ? { xreg } : {}),
        ...(options.xregNames !== undefined ? { xregNames: options.xregNames } : {}),
      });
      value = score(fit);
      const rejected =
        fit.method !== "CSS-ML" ||
        !Number.isFinite(value) ||
        fit.coefficients.some((c) => !c.fixed && Number.isNaN(c.stdError)) ||
        rootTooSmall(
          fit.coefficients.slice(0, p).map((c) => c.estimate),
          -1,
        ) ||
        rootTooSmall(
          fit.coefficients.slice(p, p + q).map((c) => c.estimate),
          1,
        );
      if (rejected) value = Number.POSITIVE_INFINITY;
    } catch (e) {
      if (!isCoreError(e)) throw e;
      fit = null;
    }
    fits.set(key(p, q, constant), value < Number.POSITIVE_INFINITY ? fit : null);
    candidates.push({ order: [p, d, q], constant, ic: value });
    return value;
  };
  const visited = (p: number, q: number, c: boolean) =>
    candidates.some((m) => m.order[0] === p && m.order[2] === q && m.constant === c);

  let bestP = 0;
  let bestQ = 0;
  let bestC = false;
  let bestIc = Number.POSITIVE_INFINITY;

  if (options.stepwise ?? true) {
    let startP = options.startP ?? 2;
    let startQ = options.startQ ?? 2;
    if (n < 10) {
      startP = Math.min(startP, 1);
      startQ = Math.min(startQ, 1);
    }
    let p = Math.min(startP, maxP);
    let q = Math.min(startQ, maxQ);
    let constant = allowDrift || allowMean;
    bestIc = fitModel(p, q, constant);
    bestP = p;
    bestQ = q;
    bestC = constant;
    const consider = (pp: number, qq: number, cc: boolean): boolean => {
      const v = fitModel(pp, qq, cc);
      if (v < bestIc) {
        bestIc = v;
        bestP = pp;
        bestQ = qq;
        bestC = cc;
        return true;
      }
      return false;
    };
    if (consider(0, 0, constant)) p = q = 0;
    if (maxP > 0 && consider(1, 0, constant)) {
      p = 1;
      q = 0;
    }
    if (maxQ > 0 && consider(0, 1, constant)) {
      p = 0;
      q = 1;
    }
    if (constant && consider(0, 0, false)) p = q = 0;
    let k = candidates.length;
    let startk = 0;
    const moves: readonly [number, number][] = [
      [-1, 0],
      [0, -1],
      [1, 0],
      [0, 1],
      [-1, -1],
      [-1, 1],
      [1, -1],
      [1, 1],
    ];
    while (startk < k && k < nmodels) {
      startk = k;
      let moved = false;
      for (const [dp, dq] of moves) {
        const pp = p + dp;
        const qq = q + dq;
        if (pp < 0 || qq < 0 || pp > maxP || qq > maxQ) continue;
        if (visited(pp, qq, constant)) continue;
        k++;
        if (k > nmodels) break;
        if (consider(pp, qq, constant)) {
          p = pp;
          q = qq;
          moved = true;
          break;
        }
      }
      if (moved) continue;
      if ((allowDrift || allowMean) && !visited(p, q, !constant) && k < nmodels) {
        k++;
        if (consider(p, q, !constant)) constant = !constant;
      }
    }
    if (k >= nmodels) diagnostics.push({ code: "model_limit_reached", severity: "warning", params: { nmodels } });
  } else {
    const maxK = allowDrift || allowMean ? 1 : 0;
    for (let i = 0; i <= maxP; i++) {
      for (let j = 0; j <= maxQ; j++) {
        if (i + j > maxOrder) continue;
        for (let K = 0; K <= maxK; K++) {
          const v = fitModel(i, j, K === 1);
          if (v < bestIc) {
            bestIc = v;
            bestP = i;
            bestQ = j;
            bestC = K === 1;
          }
        }
      }
    }
  }
  const best = fits.get(key(bestP, bestQ, bestC));
  if (!(bestIc < Number.POSITIVE_INFINITY) || best === undefined || best === null) {
    throw new CoreError("invalid_argument", { function: fn, argument: "y", reason: "no_suitable_model" });
  }
  return {
    fit: best,
    order: [bestP, d, bestQ],
    constant: bestC,
    ic,
    icValue: bestIc,
    candidates,
    diagnostics,
  };
}

/** forecast's myarima root check: a root of modulus < 1.01 (after trimming |c| ≤ 1e-8 at the end). */
function rootTooSmall(coefs: number[], sign: 1 | -1): boolean {
  let last = coefs.length;
  while (last > 0 && Math.abs(coefs[last - 1] as number) <= 1e-8) last--;
  if (last === 0) return false;
  return Math.min(2, minRootModulus(coefs.slice(0, last), sign)) < 1.01;
}
