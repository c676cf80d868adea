/**
 * Ordinary least squares (普通最小二乘回归) with classical, heteroskedasticity-robust (HC0–HC3) and
 * Newey–West (HAC) standard errors, t and F tests, R², information criteria and the condition number —
 * solved by Householder QR with column pivoting (never the normal equations), so that the NIST StRD
 * Longley certified values come out to their published digits. Spec methods.md §4.2 ("general OLS
 * engine", shared with §7 and §9).
 */

import { type Diagnostic, diagnostic } from "../diagnostics.js";
import { CoreError, isCoreError } from "../errors.js";
import { choleskyDecompose, choleskySolve } from "../linalg/cholesky.js";
import { type Matrix, matrix } from "../linalg/matrix.js";
import { qrDecomposeColumnMajor } from "../linalg/qr.js";
import { neumaierDot, neumaierDotStrided, neumaierSum } from "../stats/summation.js";
import { fSurvival, studentTTwoSidedPValue } from "./distributions.js";
import { permutedSandwich, standardErrors } from "./sandwich.js";

/** Covariance estimator of the coefficients (系数协方差估计). */
export type OlsCovarianceType = "classical" | "hc0" | "hc1" | "hc2" | "hc3" | "nw";

/** The covariance types, in documentation order. */
export const OLS_COVARIANCE_TYPES: readonly OlsCovarianceType[] = ["classical", "hc0", "hc1", "hc2", "hc3", "nw"];

/** Name of the intercept coefficient (R `lm` convention). */
export const OLS_INTERCEPT_NAME = "(Intercept)";

/** Condition number κ₂(X) above which the `ill_conditioned` diagnostic is raised (≈ 8 digits lost). */
export const OLS_ILL_CONDITIONED = 1e8;

export interface OlsOptions {
  /** prepend a column of ones named "(Intercept)" @default true */
  readonly intercept?: boolean;
  /** names of the columns of X (length X.cols) @default ["x1", "x2", …] */
  readonly names?: readonly string[];
  /** covariance of the coefficients (see {@link ols}) @default "classical" */
  readonly se?: OlsCovarianceType;
  /**
   * Newey–West truncation lag L (integer, 0 ≤ L < n); only for se = "nw"
   * @default floor(4·(n/100)^{2/9}) (Newey & West 1994; statsmodels' default; spec §4.2)
   */
  readonly nwLags?: number;
  /**
   * Newey–West small-sample factor n/(n−k) (statsmodels `use_correction=True`, Stata `newey`); without
   * it the estimator is statsmodels' `cov_type="HAC"` default (`use_correction=False`) and R
   * `sandwich::NeweyWest(adjust = FALSE)`
   * @default false
   */
  readonly nwCorrection?: boolean;
}

/** One coefficient row. */
export interface OlsCoefficient {
  readonly name: string;
  readonly estimate: number;
  /** square root of the diagonal of `covariance` */
  readonly stdError: number;
  /** estimate / stdError */
  readonly t: number;
  /** two-sided p-value from Student's t with dfResid degrees of freedom */
  readonly pValue: number;
}

export interface OlsResult {
  /** intercept first (if any), then the columns of X in order */
  readonly coefficients: readonly OlsCoefficient[];
  /** e = y − ŷ */
  readonly residuals: Float64Array;
  /** ŷ = Q₁Q₁ᵀy (the projection of y on the column space of the design) */
  readonly fitted: Float64Array;
  /** 1 − RSS/TSS; TSS centred with an intercept, uncentred (Σy²) without (R `lm`, statsmodels) */
  readonly rSquared: number;
  /** 1 − (n − c)/(n − k)·(1 − R²), c = 1 with an intercept, 0 without */
  readonly adjRSquared: number;
  /**
   * F test that all slope coefficients are 0: (ESS/dfModel)/(RSS/dfResid) for "classical"; the Wald
   * statistic β_sᵀ V_s⁻¹ β_s / dfModel with the chosen robust covariance V otherwise (statsmodels,
   * Stata). null when dfModel = 0 or V_s is not positive definite.
   */
  readonly fStatistic: number | null;
  /** P(F(dfModel, dfResid) ≥ fStatistic); null with fStatistic */
  readonly fPValue: number | null;
  /** number of slope coefficients k − c */
  readonly dfModel: number;
  /** n − k */
  readonly dfResid: number;
  readonly n: number;
  /** RSS / (n − k) */
  readonly sigma2: number;
  /** Gaussian log-likelihood at the MLE σ̂² = RSS/n: −n/2·(ln 2π + ln(RSS/n) + 1) */
  readonly logLik: number;
  /** −2·logLik + 2k (k counts the intercept, not σ²: statsmodels; R's AIC adds 2 for σ²) */
  readonly aic: number;
  /** −2·logLik + k·ln n (statsmodels convention, as aic) */
  readonly bic: number;
  /** κ₂ of the design (intercept column included) = σ_max/σ_min, singular values by one-sided Jacobi on R */
  readonly conditionNumber: number;
  /** k×k covariance of the coefficients, in coefficient order */
  readonly covariance: Matrix;
  /** the covariance type used */
  readonly se: OlsCovarianceType;
  /** the Newey–West lag used (se = "nw" only) */
  readonly nwLags?: number;
  /** condition_estimate (info: params estimate, norm 2, matrix "X"); ill_conditioned above 1e8 */
  readonly diagnostics: readonly Diagnostic[];
}

/** Rows per block when the rows q_i of Q₁ are recomputed from the design (k·QB doubles stay in L1/L2). */
const QB = 256;

/** Singular values of a small square upper-triangular matrix by one-sided (Hestenes) Jacobi. */
function singularValuesJacobi(R: Float64Array, k: number): Float64Array {
  // columns of a k×k working copy, column-major
  const a = new Float64Array(k * k);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) a[j * k + i] = R[i * k + j] as number;
  for (let sweep = 0; sweep < 60; sweep++) {
    let rotated = false;
    for (let p = 0; p < k - 1; p++) {
      for (let q = p + 1; q < k; q++) {
        let alpha = 0;
        let beta = 0;
        let gamma = 0;
        for (let i = 0; i < k; i++) {
          const x = a[p * k + i] as number;
          const y = a[q * k + i] as number;
          alpha += x * x;
          beta += y * y;
          gamma += x * y;
        }
        if (gamma === 0 || Math.abs(gamma) <= Number.EPSILON * Math.sqrt(alpha * beta)) continue;
        rotated = true;
        const zeta = (beta - alpha) / (2 * gamma);
        const t = (zeta >= 0 ? 1 : -1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = c * t;
        for (let i = 0; i < k; i++) {
          const x = a[p * k + i] as number;
          const y = a[q * k + i] as number;
          a[p * k + i] = c * x - s * y;
          a[q * k + i] = s * x + c * y;
        }
      }
    }
    if (!rotated) break;
  }
  const sv = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    let scale = 0;
    for (let i = 0; i < k; i++) scale = Math.max(scale, Math.abs(a[j * k + i] as number));
    let s = 0;
    if (scale > 0) for (let i = 0; i < k; i++) s += ((a[j * k + i] as number) / scale) ** 2;
    sv[j] = scale * Math.sqrt(s);
  }
  return sv;
}

/**
 * Ordinary least squares regression (普通最小二乘回归) y = Xβ + e, with the covariance of β̂ chosen
 * among classical, HC0–HC3 and Newey–West.
 *
 * Method: the design D (a column of ones first when `intercept`, then X) is factored D·P = Q₁R by
 * Householder QR with Businger–Golub pivoting (`linalg/qr.ts`); β̂ solves Rz = Q₁ᵀy. A numerical
 * rank below k (|r_jj| ≤ max(n, k)·ε·|r_00|) is refused, never answered with a basic solution. With
 * (DᵀD)⁻¹ = P R⁻¹R⁻ᵀ Pᵀ every covariance is a sandwich in the orthonormal coordinates q_i (row i of
 * Q₁), so DᵀD is never formed. Q is never formed either: the residuals are e = Q·[0; (Qᵀy)_{k..n−1}]
 * (the reflectors applied to y, the first k entries zeroed, the reflectors applied back), ŷ = y − e,
 * and q_i = R⁻ᵀPᵀd_i is recomputed from the design row d_i by forward substitution where the
 * robust covariances need it:
 *
 *     classical  σ̂² (DᵀD)⁻¹,  σ̂² = RSS/(n − k)
 *     HCj        P R⁻¹ [Σ_i ω_i q_i q_iᵀ] R⁻ᵀ Pᵀ,  ω_i = e_i² (HC0), e_i²·n/(n−k) (HC1),
 *                e_i²/(1 − h_i) (HC2), e_i²/(1 − h_i)² (HC3),  h_i = ‖q_i‖² (leverage)
 *     nw         P R⁻¹ [Γ₀ + Σ_{l=1}^{L} (1 − l/(L+1)) (Γ_l + Γ_lᵀ)] R⁻ᵀ Pᵀ,  Γ_l = Σ_{t≥l} u_t u_{t−l}ᵀ,
 *                u_t = e_t q_t (Bartlett kernel); × n/(n − k) with `nwCorrection`
 *
 * These are statsmodels' `OLS.fit(cov_type=…)` "nonrobust", "HC0"–"HC3" and "HAC" (maxlags = L,
 * Bartlett, `use_correction=False` unless `nwCorrection`). p-values always use Student's t with n − k
 * degrees of freedom (statsmodels `use_t=True`, Stata, R `lmtest::coeftest`); statsmodels' default for
 * robust covariances is the normal distribution.
 *
 * @param y - response, length n (finite)
 * @param X - n×p regressors, row-major, without the intercept column (finite)
 * @param options - {@link OlsOptions}
 * @returns {@link OlsResult}
 * @throws {CoreError} dimension_mismatch (y.length ≠ X.rows; names.length ≠ X.cols); non_finite (y or X);
 *   too_few_observations (n ≤ k: no residual degrees of freedom); invalid_argument (unknown `se`, bad
 *   `nwLags`, no columns at all, or reason "unit_leverage" for HC2/HC3 when some h_i = 1 (params index));
 *   singular_matrix (reason "collinear_columns": params rank, columns = the names of the columns the
 *   pivoted QR found dependent on the others)
 * @example
 * const r = ols(Float64Array.from([1, 3, 2, 5]), fromRows([[0], [1], [2], [3]]));
 * r.coefficients[1]; // => { name: "x1", estimate: 1.1, stdError: 0.5196…, t: 2.117…, pValue: 0.168… }
 * r.rSquared;        // => 0.6914…
 * @see Golub & Van Loan (2013), Matrix Computations, §5.3 (QR least squares); White (1980),
 *   Econometrica 48, 817–838 (HC0); MacKinnon & White (1985), J. Econometrics 29, 305–325 (HC1–HC3);
 *   Newey & West (1987), Econometrica 55, 703–708 and (1994), Rev. Econ. Stud. 61, 631–653 (lag rule);
 *   statsmodels `RegressionResults.get_robustcov_results` and `sandwich_covariance.cov_hac_simple`;
 *   NIST StRD Longley (test: certified values).
 * Complexity O(nk²) (+ O(nLk²) for Newey–West); memory: the design and its QR factors (2 n×k) plus
 * O(n) vectors.
 */
export function ols(y: Float64Array, X: Matrix, options: OlsOptions = {}): OlsResult {
  const fn = "ols";
  const n = X.rows;
  const p = X.cols;
  const intercept = options.intercept ?? true;
  const se = options.se ?? "classical";
  if (!OLS_COVARIANCE_TYPES.includes(se)) {
    throw new CoreError("invalid_argument", {
      function: fn,
      option: "se",
      received: se,
      allowed: OLS_COVARIANCE_TYPES,
    });
  }
  if (y.length !== n)
    throw new CoreError("dimension_mismatch", { function: fn, argument: "y", expected: n, received: y.length });
  const names = options.names ?? Array.from({ length: p }, (_, j) => `x${j + 1}`);
  if (names.length !== p) {
    throw new CoreError("dimension_mismatch", { function: fn, argument: "names", expected: p, received: names.length });
  }
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(y[i] as number)) throw new CoreError("non_finite", { function: fn, argument: "y", index: i });
  }
  const c = intercept ? 1 : 0;
  const k = p + c;
  if (k === 0) throw new CoreError("invalid_argument", { function: fn, argument: "X", reason: "no_columns" });
  if (n <= k)
    throw new CoreError("too_few_observations", { function: fn, argument: "y", required: k + 1, received: n });
  const coefNames = intercept ? [OLS_INTERCEPT_NAME, ...names] : [...names];
  const nwCorrection = options.nwCorrection ?? false;
  let lags = 0;
  if (se === "nw") {
    lags = options.nwLags ?? Math.floor(4 * (n / 100) ** (2 / 9));
    if (!Number.isInteger(lags) || lags < 0 || lags >= n) {
      throw new CoreError("invalid_argument", { function: fn, option: "nwLags", received: lags, max: n - 1 });
    }
  }

  // design D = [1, X], built column-major (d[j·n + i] = D[i, j]) and factored in place
  const d = new Float64Array(n * k);
  if (intercept) d.fill(1, 0, n);
  const Xd = X.data;
  for (let i = 0, src = 0; i < n; i++) {
    for (let j = 0, dst = c * n + i; j < p; j++, src++, dst += n) {
      const x = Xd[src] as number;
      if (!Number.isFinite(x)) throw new CoreError("non_finite", { function: fn, argument: "X", row: i, col: j });
      d[dst] = x;
    }
  }
  const f = qrDecomposeColumnMajor(d, n, k, { pivoting: true });
  if (f.rank < k) {
    const dependent: string[] = [];
    for (let j = f.rank; j < k; j++) dependent.push(coefNames[f.permutation[j] as number] as string);
    throw new CoreError("singular_matrix", {
      function: fn,
      argument: "X",
      reason: "collinear_columns",
      rank: f.rank,
      cols: k,
      columns: dependent,
    });
  }
  const perm = f.permutation;
  const tau = f.tau;
  const rt = f.qrTransposed.data; // column-major compact QR: r_ij = rt[j·n + i] (i ≤ j), v_j below

  // Qᵀy by the reflectors H_0, …, H_{k−1} (as qrSolve), then β̂ by back substitution Rz = (Qᵀy)[0..k−1]
  const qty = y.slice();
  for (let j = 0; j < k; j++) {
    const t = tau[j] as number;
    if (t === 0) continue;
    const cj = j * n;
    const w = t * ((qty[j] as number) + neumaierDotStrided(rt, cj + j + 1, 1, qty, j + 1, 1, n - j - 1));
    qty[j] = (qty[j] as number) - w;
    for (let i = j + 1; i < n; i++) qty[i] = (qty[i] as number) - w * (rt[cj + i] as number);
  }
  const z = new Float64Array(k);
  for (let i = k - 1; i >= 0; i--) {
    const s = neumaierDotStrided(rt, (i + 1) * n + i, n, z, i + 1, 1, k - i - 1);
    z[i] = ((qty[i] as number) - s) / (rt[i * n + i] as number);
  }
  const beta = new Float64Array(k);
  for (let j = 0; j < k; j++) beta[perm[j] as number] = z[j] as number;

  // R (k×k, pivoted order), R⁻¹ by back substitution
  const R = new Float64Array(k * k);
  for (let i = 0; i < k; i++) for (let j = i; j < k; j++) R[i * k + j] = rt[j * n + i] as number;
  const Rinv = new Float64Array(k * k);
  for (let col = 0; col < k; col++) {
    for (let i = col; i >= 0; i--) {
      let s = i === col ? 1 : 0;
      for (let j = i + 1; j <= col; j++) s -= (R[i * k + j] as number) * (Rinv[j * k + col] as number);
      Rinv[i * k + col] = s / (R[i * k + i] as number);
    }
  }

  // residuals e = (I − Q₁Q₁ᵀ)y = Q·[0; (Qᵀy)_{k..n−1}] (Q = H_0·…·H_{k−1}, applied right to left),
  // fitted = y − e; Q itself is never formed
  const residuals = qty; // reused in place
  residuals.fill(0, 0, k);
  for (let j = k - 1; j >= 0; j--) {
    const t = tau[j] as number;
    if (t === 0) continue;
    const cj = j * n;
    const w = t * ((residuals[j] as number) + neumaierDotStrided(rt, cj + j + 1, 1, residuals, j + 1, 1, n - j - 1));
    residuals[j] = (residuals[j] as number) - w;
    for (let i = j + 1; i < n; i++) residuals[i] = (residuals[i] as number) - w * (rt[cj + i] as number);
  }
  // RSS and TSS Neumaier-compensated (the update of neumaierSum, inline: no n-long temporary)
  const fitted = new Float64Array(n);
  let rss = 0;
  let rssC = 0;
  for (let i = 0; i < n; i++) {
    const e = residuals[i] as number;
    fitted[i] = (y[i] as number) - e;
    const v = e * e;
    const t = rss + v;
    rssC += Math.abs(rss) >= Math.abs(v) ? rss - t + v : v - t + rss;
    rss = t;
  }
  rss += rssC;
  const mean = intercept ? neumaierSum(y) / n : 0;
  let tss = 0;
  let tssC = 0;
  for (let i = 0; i < n; i++) {
    const v = ((y[i] as number) - mean) ** 2;
    const t = tss + v;
    tssC += Math.abs(tss) >= Math.abs(v) ? tss - t + v : v - t + tss;
    tss = t;
  }
  tss += tssC;
  const dfResid = n - k;
  const dfModel = k - c;
  const sigma2 = rss / dfResid;

  // meat M (k×k) in the orthonormal coordinates q_i = R⁻ᵀPᵀd_i (row i of Q₁), by forward substitution
  // with Rᵀ from row i of the design (read from X: d_i = [1, x_i]), a block of QB rows at a time
  // (qb[j·QB + r] = q_{i0+r, j}); covariance in pivoted order = R⁻¹ M R⁻ᵀ
  const meat = new Float64Array(k * k);
  const qb = new Float64Array(k * QB);
  const orthonormalRows = (i0: number, nb: number): void => {
    for (let j = 0; j < k; j++) {
      const jb = j * QB;
      const src = (perm[j] as number) - c; // column of X, −1 for the intercept
      if (src < 0) qb.fill(1, jb, jb + nb);
      else for (let r = 0, x = i0 * p + src; r < nb; r++, x += p) qb[jb + r] = Xd[x] as number;
      for (let l = 0; l < j; l++) {
        const rlj = R[l * k + j] as number;
        const lb = l * QB;
        for (let r = 0; r < nb; r++) qb[jb + r] = (qb[jb + r] as number) - rlj * (qb[lb + r] as number);
      }
      const rjj = R[j * k + j] as number;
      for (let r = 0; r < nb; r++) qb[jb + r] = (qb[jb + r] as number) / rjj;
    }
  };
  if (se === "classical") {
    for (let j = 0; j < k; j++) meat[j * k + j] = sigma2;
  } else if (se === "nw") {
    // Γ_l = Σ_{t≥l} u_t u_{t−l}ᵀ accumulated block by block in one pass over t (each Γ_l[a, b] summed
    // in t order); ub holds u_{t,a} column by column for the block, preceded by the L rows before it
    const span = lags + QB;
    const gamma = new Float64Array((lags + 1) * k * k);
    const ub = new Float64Array(k * span);
    for (let i0 = 0; i0 < n; i0 += QB) {
      const nb = Math.min(QB, n - i0);
      orthonormalRows(i0, nb);
      for (let a = 0; a < k; a++) {
        const ua = a * span + lags;
        const qa = a * QB;
        for (let r = 0; r < nb; r++) ub[ua + r] = (residuals[i0 + r] as number) * (qb[qa + r] as number);
      }
      for (let l = 0; l <= lags; l++) {
        const r0 = Math.max(0, l - i0);
        const g = l * k * k;
        for (let a = 0; a < k; a++) {
          const ua = a * span + lags;
          for (let b = 0; b < k; b++) {
            const ul = b * span + lags - l;
            let s = gamma[g + a * k + b] as number;
            for (let r = r0; r < nb; r++) s += (ub[ua + r] as number) * (ub[ul + r] as number);
            gamma[g + a * k + b] = s;
          }
        }
      }
      // the last L rows of u become the rows before the next block
      if (lags > 0) for (let a = 0; a < k; a++) ub.copyWithin(a * span, a * span + nb, a * span + nb + lags);
    }
    for (let l = 0; l <= lags; l++) {
      const w = l === 0 ? 1 : 1 - l / (lags + 1);
      const g = l * k * k;
      for (let a = 0; a < k; a++) {
        for (let b = 0; b < k; b++) {
          const s = gamma[g + a * k + b] as number;
          meat[a * k + b] = (meat[a * k + b] as number) + w * s;
          if (l > 0) meat[b * k + a] = (meat[b * k + a] as number) + w * s;
        }
      }
    }
    if (nwCorrection) for (let j = 0; j < k * k; j++) meat[j] = (meat[j] as number) * (n / dfResid);
  } else {
    const wb = new Float64Array(QB); // ω_i
    const hb = new Float64Array(QB); // h_i
    const wq = new Float64Array(QB); // ω_i·q_ia
    for (let i0 = 0; i0 < n; i0 += QB) {
      const nb = Math.min(QB, n - i0);
      orthonormalRows(i0, nb);
      hb.fill(0);
      for (let j = 0; j < k; j++) {
        const jb = j * QB;
        for (let r = 0; r < nb; r++) hb[r] = (hb[r] as number) + (qb[jb + r] as number) ** 2;
      }
      for (let r = 0; r < nb; r++) {
        const h = hb[r] as number;
        const e2 = (residuals[i0 + r] as number) ** 2;
        if ((se === "hc2" || se === "hc3") && !(1 - h > 1e-12)) {
          throw new CoreError("invalid_argument", {
            function: fn,
            option: "se",
            reason: "unit_leverage",
            index: i0 + r,
            leverage: h,
          });
        }
        wb[r] =
          se === "hc0"
            ? e2
            : se === "hc1"
              ? (e2 * n) / dfResid
              : se === "hc2"
                ? e2 / (1 - h)
                : e2 / ((1 - h) * (1 - h));
      }
      // M += Σ_r ω_r q_r q_rᵀ (lower triangle; rows in order, as one row at a time)
      for (let a = 0; a < k; a++) {
        const ab = a * QB;
        for (let r = 0; r < nb; r++) wq[r] = (wb[r] as number) * (qb[ab + r] as number);
        for (let b = 0; b <= a; b++) {
          const bb = b * QB;
          let s = meat[a * k + b] as number;
          for (let r = 0; r < nb; r++) s += (wq[r] as number) * (qb[bb + r] as number);
          meat[a * k + b] = s;
        }
      }
    }
    for (let a = 0; a < k; a++) for (let b = a + 1; b < k; b++) meat[a * k + b] = meat[b * k + a] as number;
  }
  const cov = permutedSandwich(Rinv, meat, perm, k);

  const { stdErrors, clipped } = standardErrors(cov, k);
  const coefficients: OlsCoefficient[] = coefNames.map((name, j) => {
    const estimate = beta[j] as number;
    const stdError = stdErrors[j] as number;
    const t = estimate / stdError;
    return { name, estimate, stdError, t, pValue: studentTTwoSidedPValue(t, dfResid) };
  });

  // F test of all slopes
  let fStatistic: number | null = null;
  if (dfModel > 0) {
    if (se === "classical") {
      fStatistic = (tss - rss) / dfModel / sigma2;
    } else {
      const vs = new Float64Array(dfModel * dfModel);
      const bs = new Float64Array(dfModel);
      for (let a = 0; a < dfModel; a++) {
        bs[a] = beta[a + c] as number;
        for (let b = 0; b < dfModel; b++) vs[a * dfModel + b] = cov[(a + c) * k + (b + c)] as number;
      }
      try {
        const z = choleskySolve(
          choleskyDecompose(matrix(dfModel, dfModel, vs)),
          matrix(dfModel, 1, Float64Array.from(bs)),
        );
        fStatistic = neumaierDot(bs, z.data) / dfModel;
      } catch (e) {
        if (!isCoreError(e) || e.code !== "not_positive_definite") throw e;
      }
    }
  }
  const fPValue = fStatistic === null ? null : fSurvival(fStatistic, dfModel, dfResid);

  const rSquared = 1 - rss / tss;
  const adjRSquared = 1 - ((n - c) / dfResid) * (1 - rSquared);
  const logLik = (-n / 2) * (Math.log(2 * Math.PI) + Math.log(rss / n) + 1);
  const sv = singularValuesJacobi(R, k);
  let smax = 0;
  let smin = Number.POSITIVE_INFINITY;
  for (const s of sv) {
    smax = Math.max(smax, s);
    smin = Math.min(smin, s);
  }
  const conditionNumber = smax / smin;
  const diagnostics: Diagnostic[] = [
    diagnostic("condition_estimate", "info", { estimate: conditionNumber, norm: 2, matrix: "X", method: "jacobi_svd" }),
  ];
  if (clipped.length > 0)
    diagnostics.push(
      diagnostic("variance_rounded_to_zero", "warning", {
        coefficients: clipped.map((j) => coefNames[j] as string),
        variances: clipped.map((j) => cov[j * k + j] as number),
      }),
    );
  if (conditionNumber > OLS_ILL_CONDITIONED) {
    diagnostics.push(
      diagnostic("ill_conditioned", "warning", {
        estimate: conditionNumber,
        threshold: OLS_ILL_CONDITIONED,
        matrix: "X",
      }),
    );
  }
  return {
    coefficients,
    residuals,
    fitted,
    rSquared,
    adjRSquared,
    fStatistic,
    fPValue,
    dfModel,
    dfResid,
    n,
    sigma2,
    logLik,
    aic: -2 * logLik + 2 * k,
    bic: -2 * logLik + k * Math.log(n),
    conditionNumber,
    covariance: matrix(k, k, cov),
    se,
    ...(se === "nw" ? { nwLags: lags } : {}),
    diagnostics,
  };
}
