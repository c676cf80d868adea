/**
 * Conjugate Bayesian ARX (共轭贝叶斯ARX模型), the deterministic default of the "Bayesian ARIMAX" of spec
 * methods.md §8.4: a Normal–Inverse-Gamma regression of the d-differenced series on an intercept, its
 * own p lags and the d-differenced exogenous columns (q = 0), with a plug-in point forecast and a seeded
 * Monte-Carlo predictive distribution under a caller-supplied exogenous scenario (§8.5).
 *
 * Codes: contract violations are `CoreError`s with the core codes (`invalid_argument` with a `reason`
 * from {@link BayesArxReason}, `dimension_mismatch`, `non_finite`, `too_few_observations`,
 * `not_positive_definite`); diagnostics use {@link BayesArxDiagnosticCode} (to be joined to the
 * econometrics family union in codes.ts).
 */
import type { DiagnosticSeverity } from "../diagnostics.js";
import { CoreError } from "../errors.js";
import { choleskyDecompose, choleskySolve } from "../linalg/cholesky.js";
import { identity, type Matrix, matrix } from "../linalg/matrix.js";
import { type RandomGenerator, type RandomSeed, randomGenerator } from "../random/xoshiro.js";
import { neumaierDot, neumaierSum } from "../stats/summation.js";
import { type ConvergenceDiagnostics, convergenceDiagnostics } from "./convergence.js";

/** Diagnostic codes of the Bayesian ARX. */
export type BayesArxDiagnosticCode =
  /** a_n ≤ 1: E[σ²] = d_n/(a_n − 1) does not exist and is reported as null (params: shape) */
  | "posterior_variance_undefined"
  /**
   * the posterior-mean AR polynomial has a root on or inside the unit circle (companion spectral
   * radius ≥ 1): the point path of w is not mean-reverting (params: spectralRadius)
   */
  | "nonstationary_ar_mean"
  /** the Monte-Carlo draws were taken with this generator and seed (params: algorithm, seed, draws) */
  | "monte_carlo_seed"
  /**
   * a convergence statistic of the draws is outside its usual bound — R̂ above 1.01 or a bulk or tail
   * ESS below 100 per chain (Vehtari et al. 2021) — for a parameter or a step (params: quantity, rhat,
   * essBulk, essTail, chains)
   */
  | "draws_not_converged";

/** `reason` values of the `invalid_argument` errors thrown by the Bayesian ARX. */
export type BayesArxReason =
  /** p, d, horizon or draws is not an integer in range (params: argument, received) */
  | "invalid_count"
  /** a0 ≤ 0 or d0 ≤ 0 (params: argument, received) */
  | "non_positive_prior_parameter"
  /** exogenous columns exist but no scenario was given for the forecast */
  | "missing_exogenous_scenario"
  /** a growth scenario has a negative standard deviation (params: index, value) */
  | "negative_scenario_sd";

/** A Bayesian-ARX diagnostic (same shape as the core `Diagnostic`). */
export interface BayesArxDiagnostic {
  readonly code: BayesArxDiagnosticCode;
  readonly severity: DiagnosticSeverity;
  readonly params: Readonly<Record<string, unknown>>;
}

/** Normal–Inverse-Gamma prior b | σ² ~ N(b0, σ²V0), σ² ~ IG(a0, d0). */
export interface NormalInverseGammaPrior {
  /** b0 (length k) @default 0 */
  readonly mean?: ArrayLike<number>;
  /** V0: k×k symmetric positive definite, or a scalar c for c·I @default 100 (10²·I, BayesARIMAX sd = 10) */
  readonly covariance?: Matrix | number;
  /** a0 > 0 @default 0.01 */
  readonly shape?: number;
  /** d0 > 0 @default 0.01 */
  readonly rate?: number;
}

/** Posterior of the conjugate regression: b | σ², w ~ N(b_n, σ²V_n), σ² | w ~ IG(a_n, d_n). */
export interface NormalInverseGammaPosterior {
  /** b_n = V_n(V0⁻¹b0 + X'w), the posterior mean of b */
  readonly mean: Float64Array;
  /** V_n = (V0⁻¹ + X'X)⁻¹ */
  readonly covarianceScale: Matrix;
  /** a_n = a0 + n/2 */
  readonly shape: number;
  /** d_n = d0 + ½(w'w + b0'V0⁻¹b0 − b_n'V_n⁻¹b_n) */
  readonly rate: number;
  /** E[σ² | w] = d_n/(a_n − 1) (null when a_n ≤ 1) */
  readonly sigma2Mean: number | null;
  /** marginal posterior standard deviations √(E[σ²]·diag V_n) of b (Student t, 2a_n df); null with sigma2Mean */
  readonly sd: Float64Array | null;
  /** observations n */
  readonly n: number;
  readonly diagnostics: readonly BayesArxDiagnostic[];
}

function finiteVector(x: ArrayLike<number>, argument: string, fn: string): void {
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i] as number))
      throw new CoreError("non_finite", { function: fn, argument, index: i, value: x[i] });
  }
}

/** A⁻¹ of an SPD matrix through its Cholesky factor. */
function spdInverse(A: Matrix): Matrix {
  const inv = choleskySolve(choleskyDecompose(A), identity(A.rows));
  const k = A.rows;
  const d = inv.data;
  for (let i = 0; i < k; i++) {
    for (let j = i + 1; j < k; j++) {
      const s = 0.5 * ((d[i * k + j] as number) + (d[j * k + i] as number));
      d[i * k + j] = s;
      d[j * k + i] = s;
    }
  }
  return inv;
}

/**
 * Conjugate Normal–Inverse-Gamma posterior of a linear regression (正态–逆伽马共轭后验):
 * w = Xb + ε, ε ~ N(0, σ²I), prior b | σ² ~ N(b0, σ²V0), σ² ~ IG(a0, d0):
 *
 *     V_n = (V0⁻¹ + X'X)⁻¹,  b_n = V_n(V0⁻¹b0 + X'w),  a_n = a0 + n/2,
 *     d_n = d0 + ½(w'w + b0'V0⁻¹b0 − b_n'V_n⁻¹b_n) = d0 + ½(‖w − Xb_n‖² + (b_n − b0)'V0⁻¹(b_n − b0)),
 *
 * the second form (algebraically identical) being computed, since it has no cancellation. E[σ²] =
 * d_n/(a_n − 1). Solved by Cholesky on the posterior precision V0⁻¹ + X'X (with compensated inner
 * products); X is not centred or scaled. As V0 → ∞·I and a0, d0 → 0, b_n → the OLS estimate.
 *
 * @param w - response, length n (finite)
 * @param X - n×k design (finite), columns as given (include the intercept column yourself)
 * @param prior - {@link NormalInverseGammaPrior}
 * @returns {@link NormalInverseGammaPosterior}
 * @throws {CoreError} dimension_mismatch; non_finite; too_few_observations (n = 0 or k = 0);
 *   invalid_argument (reason non_positive_prior_parameter); not_positive_definite (V0 not SPD, or the
 *   posterior precision not numerically SPD)
 * @example
 * const post = normalInverseGammaPosterior([2, 4, 5, 4, 5],
 *   fromRows([[1, 1], [1, 2], [1, 3], [1, 4], [1, 5]]), { covariance: 1, shape: 2, rate: 1 });
 * post.mean; // => [1.171171, 0.864865]; post.rate // => 3.747748 (spec §8.4 case (b))
 * @see spec methods.md §8.4; Koop (2003), Bayesian Econometrics, ch. 3 (eqs. 3.9–3.13); Gelman et al.
 *   (2013), Bayesian Data Analysis, 3rd ed., §14.8.
 * Complexity O(nk² + k³).
 */
export function normalInverseGammaPosterior(
  w: ArrayLike<number>,
  X: Matrix,
  prior: NormalInverseGammaPrior = {},
): NormalInverseGammaPosterior {
  const fn = "normalInverseGammaPosterior";
  const n = X.rows;
  const k = X.cols;
  if (w.length !== n)
    throw new CoreError("dimension_mismatch", { function: fn, argument: "w", expected: n, received: w.length });
  if (n === 0 || k === 0)
    throw new CoreError("too_few_observations", { function: fn, argument: "X", rows: n, cols: k });
  finiteVector(w, "w", fn);
  finiteVector(X.data, "X", fn);
  const a0 = prior.shape ?? 0.01;
  const d0 = prior.rate ?? 0.01;
  for (const [v, name] of [
    [a0, "prior.shape"],
    [d0, "prior.rate"],
  ] as const) {
    if (!(v > 0) || !Number.isFinite(v)) {
      throw new CoreError("invalid_argument", {
        function: fn,
        argument: name,
        reason: "non_positive_prior_parameter",
        received: v,
      });
    }
  }
  const b0 = prior.mean ?? new Float64Array(k);
  if (b0.length !== k)
    throw new CoreError("dimension_mismatch", {
      function: fn,
      argument: "prior.mean",
      expected: k,
      received: b0.length,
    });
  finiteVector(b0, "prior.mean", fn);
  // prior precision Λ0 = V0⁻¹
  const cov = prior.covariance ?? 100;
  let L0: Matrix;
  if (typeof cov === "number") {
    if (!(cov > 0) || !Number.isFinite(cov)) {
      throw new CoreError("not_positive_definite", { function: fn, argument: "prior.covariance", pivot: cov });
    }
    L0 = identity(k);
    for (let i = 0; i < k; i++) L0.data[i * k + i] = 1 / cov;
  } else {
    if (cov.rows !== k || cov.cols !== k) {
      throw new CoreError("dimension_mismatch", {
        function: fn,
        argument: "prior.covariance",
        expected: [k, k],
        received: [cov.rows, cov.cols],
      });
    }
    finiteVector(cov.data, "prior.covariance", fn);
    L0 = spdInverse(cov);
  }
  // columns of X, X'X, X'w
  const cols: Float64Array[] = [];
  for (let j = 0; j < k; j++) {
    const c = new Float64Array(n);
    for (let i = 0; i < n; i++) c[i] = X.data[i * k + j] as number;
    cols.push(c);
  }
  const P = new Float64Array(k * k);
  const rhs = new Float64Array(k);
  for (let a = 0; a < k; a++) {
    for (let b = 0; b <= a; b++) {
      const v = neumaierDot(cols[a] as Float64Array, cols[b] as Float64Array) + (L0.data[a * k + b] as number);
      P[a * k + b] = v;
      P[b * k + a] = v;
    }
    let s = neumaierDot(cols[a] as Float64Array, w);
    for (let b = 0; b < k; b++) s += (L0.data[a * k + b] as number) * (b0[b] as number);
    rhs[a] = s;
  }
  const f = choleskyDecompose(matrix(k, k, P));
  const bn = choleskySolve(f, matrix(k, 1, rhs)).data;
  const Vn = choleskySolve(f, identity(k));
  for (let i = 0; i < k; i++) {
    for (let j = i + 1; j < k; j++) {
      const s = 0.5 * ((Vn.data[i * k + j] as number) + (Vn.data[j * k + i] as number));
      Vn.data[i * k + j] = s;
      Vn.data[j * k + i] = s;
    }
  }
  const resid = new Float64Array(n);
  for (let i = 0; i < n; i++) resid[i] = (w[i] as number) - neumaierDot(X.data.subarray(i * k, (i + 1) * k), bn);
  const delta = new Float64Array(k);
  for (let j = 0; j < k; j++) delta[j] = (bn[j] as number) - (b0[j] as number);
  const lDelta = new Float64Array(k);
  for (let a = 0; a < k; a++) lDelta[a] = neumaierDot(L0.data.subarray(a * k, (a + 1) * k), delta);
  const an = a0 + n / 2;
  const dn = d0 + 0.5 * (neumaierDot(resid, resid) + neumaierDot(delta, lDelta));
  const diagnostics: BayesArxDiagnostic[] = [];
  let sigma2Mean: number | null = null;
  let sd: Float64Array | null = null;
  if (an > 1) {
    sigma2Mean = dn / (an - 1);
    const s2 = sigma2Mean;
    sd = Float64Array.from({ length: k }, (_, j) => Math.sqrt(s2 * (Vn.data[j * k + j] as number)));
  } else {
    diagnostics.push({ code: "posterior_variance_undefined", severity: "warning", params: { shape: an } });
  }
  return { mean: Float64Array.from(bn), covarianceScale: Vn, shape: an, rate: dn, sigma2Mean, sd, n, diagnostics };
}

export interface BayesArxOptions {
  /** AR order p (integer ≥ 0) @default 1 (BayesARIMAX default) */
  readonly p?: number;
  /** differencing order d (integer ≥ 0) applied to y and to every exogenous column @default 1 */
  readonly d?: number;
  /** exogenous columns x_j (levels), each of the length of y */
  readonly exogenous?: readonly ArrayLike<number>[];
  /** names of the exogenous columns @default ["x1", "x2", …] */
  readonly exogenousNames?: readonly string[];
  /** include the constant c @default true */
  readonly intercept?: boolean;
  /** the Normal–Inverse-Gamma prior, in coefficient order [c, φ1…φp, β1…βm] @default b0 = 0, V0 = 10²·I, a0 = d0 = 0.01 */
  readonly prior?: NormalInverseGammaPrior;
}

/** What a forecast needs from the end of the sample. */
export interface BayesArxState {
  /** the last p values of w = Δ^d y, oldest first */
  readonly wTail: Float64Array;
  /** Δ^j y_T for j = 0…d−1 (the values needed to undifference) */
  readonly yLevels: Float64Array;
  /** per exogenous column: Δ^j x_T for j = 0…d−1 */
  readonly xLevels: readonly Float64Array[];
  /** the last observed level of every exogenous column (the default start of a growth scenario) */
  readonly xLast: Float64Array;
}

export interface BayesArxResult {
  /** coefficient names: "(Intercept)", "ar1"…"arp", then the exogenous names */
  readonly names: readonly string[];
  readonly posterior: NormalInverseGammaPosterior;
  readonly p: number;
  readonly d: number;
  readonly intercept: boolean;
  /** number of exogenous columns m */
  readonly exogenousCount: number;
  readonly state: BayesArxState;
  /** posterior_variance_undefined, nonstationary_ar_mean */
  readonly diagnostics: readonly BayesArxDiagnostic[];
}

/** Δ^d of a series: returns the differenced series and Δ^j v at the last index for j = 0…d−1. */
function difference(v: ArrayLike<number>, d: number): { diff: Float64Array; levels: Float64Array } {
  let cur = Float64Array.from(v);
  const levels = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    levels[j] = cur[cur.length - 1] as number;
    const next = new Float64Array(cur.length - 1);
    for (let t = 1; t < cur.length; t++) next[t - 1] = (cur[t] as number) - (cur[t - 1] as number);
    cur = next;
  }
  return { diff: cur, levels };
}

/**
 * Spectral radius of the AR companion matrix C (first row φ, sub-diagonal ones) = the largest modulus
 * of the roots of z^p − φ1 z^{p−1} − … − φp, by Gelfand's formula ρ = lim ‖C^k‖^{1/k} with k = 2^40
 * reached by repeated squaring (each square rescaled to max-norm 1, the scale kept in logs). The
 * polynomial factor of ‖C^k‖ (Jordan blocks) changes ρ by at most (p − 1)·ln(2^40)/2^40 ≈ 2.5e-11·(p − 1).
 */
function companionSpectralRadius(phi: ArrayLike<number>): number {
  const p = phi.length;
  if (p === 0) return 0;
  let M = new Float64Array(p * p);
  for (let j = 0; j < p; j++) M[j] = phi[j] as number;
  for (let i = 1; i < p; i++) M[i * p + i - 1] = 1;
  let logScale = 0;
  const steps = 40;
  for (let step = 0; step < steps; step++) {
    const next = new Float64Array(p * p);
    for (let i = 0; i < p; i++) {
      for (let l = 0; l < p; l++) {
        const a = M[i * p + l] as number;
        if (a === 0) continue;
        for (let j = 0; j < p; j++) next[i * p + j] = (next[i * p + j] as number) + a * (M[l * p + j] as number);
      }
    }
    let norm = 0;
    for (let i = 0; i < p * p; i++) norm = Math.max(norm, Math.abs(next[i] as number));
    if (norm === 0 || !Number.isFinite(norm)) return norm === 0 ? 0 : Number.POSITIVE_INFINITY;
    for (let i = 0; i < p * p; i++) next[i] = (next[i] as number) / norm;
    logScale = 2 * logScale + Math.log(norm);
    M = next;
  }
  return Math.exp(logScale / 2 ** steps);
}

/**
 * Conjugate Bayesian ARX (共轭贝叶斯ARX) on the d-differenced series: with w_t = Δ^d y_t and z_t = Δ^d x_t,
 * w_t = c + Σ_{i=1..p} φ_i w_{t−i} + β'z_t + ε_t, ε_t ~ N(0, σ²), over the rows t = p+1…T−d of w (n =
 * T − d − p), with the Normal–Inverse-Gamma prior of {@link normalInverseGammaPosterior} (defaults b0 =
 * 0, V0 = 10²·I, a0 = d0 = 0.01, spec §8.4). Coefficient order [c, φ1…φp, β1…βm].
 *
 * @param y - the series (levels, finite), T values
 * @param options - {@link BayesArxOptions}
 * @returns `{names, posterior: {mean, covarianceScale, shape, rate, sigma2Mean, sd, n}, p, d, intercept, exogenousCount, state, diagnostics}`
 * @throws {CoreError} invalid_argument (reason invalid_count for p or d); dimension_mismatch
 *   (exogenous lengths, names, prior); non_finite; too_few_observations (T − d − p < 1 or no
 *   coefficients); anything {@link normalInverseGammaPosterior} throws
 * @example
 * const fit = bayesArx(lakeHuron, { p: 2, d: 0, exogenous: [years.map((t) => t - 1920)],
 *   prior: { covariance: 1e8, shape: 1e-3, rate: 1e-3 } });
 * fit.posterior.mean; // => [161.555295, 0.999747, −0.278774, −0.004999] (spec §8.4 case (a))
 * @see spec methods.md §8.4; Koop (2003), Bayesian Econometrics, ch. 3; CRAN BayesARIMAX (the MCMC
 *   reference family); Zellner (1971), An Introduction to Bayesian Inference in Econometrics, ch. 7.
 */
export function bayesArx(y: ArrayLike<number>, options: BayesArxOptions = {}): BayesArxResult {
  const fn = "bayesArx";
  const p = options.p ?? 1;
  const d = options.d ?? 1;
  for (const [v, name] of [
    [p, "p"],
    [d, "d"],
  ] as const) {
    if (!Number.isInteger(v) || v < 0)
      throw new CoreError("invalid_argument", { function: fn, argument: name, reason: "invalid_count", received: v });
  }
  const intercept = options.intercept ?? true;
  const T = y.length;
  finiteVector(y, "y", fn);
  const xs = options.exogenous ?? [];
  const m = xs.length;
  xs.forEach((x, j) => {
    if (x.length !== T)
      throw new CoreError("dimension_mismatch", {
        function: fn,
        argument: `exogenous[${j}]`,
        expected: T,
        received: x.length,
      });
    finiteVector(x, `exogenous[${j}]`, fn);
  });
  const xNames = options.exogenousNames ?? Array.from({ length: m }, (_, j) => `x${j + 1}`);
  if (xNames.length !== m)
    throw new CoreError("dimension_mismatch", {
      function: fn,
      argument: "exogenousNames",
      expected: m,
      received: xNames.length,
    });
  const n = T - d - p;
  if (n < 1)
    throw new CoreError("too_few_observations", { function: fn, argument: "y", required: d + p + 1, received: T });
  const c = intercept ? 1 : 0;
  const k = c + p + m;
  if (k === 0) throw new CoreError("too_few_observations", { function: fn, argument: "coefficients", received: 0 });
  const { diff: w, levels: yLevels } = difference(y, d);
  const zs = xs.map((x) => difference(x, d));
  const X = new Float64Array(n * k);
  const wy = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    const t = r + p; // index into w
    wy[r] = w[t] as number;
    let col = 0;
    if (intercept) X[r * k + col++] = 1;
    for (let i = 1; i <= p; i++) X[r * k + col++] = w[t - i] as number;
    for (let j = 0; j < m; j++) X[r * k + col++] = zs[j]?.diff[t] as number;
  }
  const posterior = normalInverseGammaPosterior(wy, matrix(n, k, X), options.prior ?? {});
  const names = [
    ...(intercept ? ["(Intercept)"] : []),
    ...Array.from({ length: p }, (_, i) => `ar${i + 1}`),
    ...xNames,
  ];
  const diagnostics: BayesArxDiagnostic[] = [...posterior.diagnostics];
  const phi = posterior.mean.subarray(c, c + p);
  const rho = companionSpectralRadius(phi);
  if (rho >= 1)
    diagnostics.push({ code: "nonstationary_ar_mean", severity: "warning", params: { spectralRadius: rho } });
  return {
    names,
    posterior,
    p,
    d,
    intercept,
    exogenousCount: m,
    state: {
      wTail: w.slice(w.length - p),
      yLevels,
      xLevels: zs.map((z) => z.levels),
      xLast: Float64Array.from(xs.map((x) => x[T - 1] as number)),
    },
    diagnostics,
  };
}

/**
 * An exogenous scenario for the forecast (外生情景): a fixed path of levels, or geometric growth from a
 * start value whose annual rate is Normal(mean, sd) and drawn once per simulated path (so the fan
 * reflects scenario as well as model uncertainty). Plain data (JSON-serialisable).
 */
export type ExogenousScenario =
  | {
      readonly kind: "path";
      readonly name: string;
      /** horizon × m levels x_{T+h, j} */
      readonly path: readonly (readonly number[])[];
    }
  | {
      readonly kind: "growth";
      readonly name: string;
      /** per column: the level the growth starts from (x_T); null → the last observed value */
      readonly start: readonly (number | null)[];
      /** per column: mean annual growth rate (fraction) */
      readonly growthMean: readonly number[];
      /** per column: standard deviation of the annual growth rate (0 = deterministic) */
      readonly growthSd: readonly number[];
    };

export interface ScenarioPathsOptions {
  /** scenario label echoed in results (e.g. "five_year_average_growth") */
  readonly name: string;
  /** mean annual growth rate(s), one for all columns or one per column (e.g. 0.1153) */
  readonly growthMean: number | readonly number[];
  /** standard deviation(s) of the growth rate @default 0 */
  readonly growthSd?: number | readonly number[];
  /** start level(s); omitted → the last observed value of each column */
  readonly start?: number | readonly number[];
  /** number of exogenous columns @default 1 */
  readonly columns?: number;
}

/**
 * Growth scenario for the exogenous columns (增长情景): x_{T+h, j} = start_j·(1 + r_j)^h with r_j ~
 * Normal(growthMean_j, growthSd_j²) drawn once per simulated path by {@link bayesArxForecast} (the
 * point forecast uses r_j = growthMean_j), e.g. per-worker digital capital growing at its five-year average rate (spec §8.5).
 *
 * @param options - {@link ScenarioPathsOptions}
 * @returns an {@link ExogenousScenario} of kind "growth"
 * @throws {CoreError} non_finite; dimension_mismatch (per-column arrays of the wrong length);
 *   invalid_argument (reason negative_scenario_sd; invalid_count for columns)
 * @example
 * scenarioPaths({ name: "deepening_11_53", growthMean: 0.1153, growthSd: 0.02 });
 * // => { kind: "growth", name: "deepening_11_53", start: [null], growthMean: [0.1153], growthSd: [0.02] }
 * @see spec methods.md §8.3 (exogenous scenario k_{T+h} = k_T(1 + 0.1153)^h), §8.5.
 */
export function scenarioPaths(options: ScenarioPathsOptions): ExogenousScenario {
  const fn = "scenarioPaths";
  const m = options.columns ?? 1;
  if (!Number.isInteger(m) || m < 1)
    throw new CoreError("invalid_argument", {
      function: fn,
      argument: "columns",
      reason: "invalid_count",
      received: m,
    });
  const expand = (
    v: number | readonly number[] | undefined,
    fallback: number | null,
    argument: string,
  ): (number | null)[] => {
    if (v === undefined) return new Array<number | null>(m).fill(fallback);
    const arr = typeof v === "number" ? new Array<number>(m).fill(v) : [...v];
    if (arr.length !== m)
      throw new CoreError("dimension_mismatch", { function: fn, argument, expected: m, received: arr.length });
    finiteVector(arr, argument, fn);
    return arr;
  };
  const growthMean = expand(options.growthMean, 0, "growthMean") as number[];
  const growthSd = expand(options.growthSd, 0, "growthSd") as number[];
  growthSd.forEach((s, j) => {
    if (s < 0)
      throw new CoreError("invalid_argument", {
        function: fn,
        argument: "growthSd",
        reason: "negative_scenario_sd",
        index: j,
        value: s,
      });
  });
  return { kind: "growth", name: options.name, start: expand(options.start, null, "start"), growthMean, growthSd };
}

export interface BayesArxForecastOptions {
  /** steps ahead h (integer ≥ 1) */
  readonly horizon: number;
  /** exogenous scenario (required when the model has exogenous columns) */
  readonly exogenous?: ExogenousScenario;
  /** Monte-Carlo draws N (integer ≥ 1; 0 skips the simulation) @default 10000 */
  readonly draws?: number;
  /** PRNG seed (xoshiro128** seeded by splitmix64) @default 20250101 (spec §8.4) */
  readonly seed?: RandomSeed;
  /**
   * the draws are cut into this many consecutive chains for R̂ and ESS (each ⌊N/chains⌋ long; a
   * remainder is left out of the diagnostics only) @default 4
   */
  readonly chains?: number;
}

/** R̂ and ESS of one simulated quantity: a coefficient, σ², or y at one step. */
export interface QuantityConvergence extends ConvergenceDiagnostics {
  /** a coefficient name, "sigma2", or "y[h]" (h = 1…H) */
  readonly quantity: string;
}

/** Per-step summaries of the simulated predictive distribution of y_{T+h}. */
export interface PredictiveSummary {
  readonly mean: Float64Array;
  readonly median: Float64Array;
  /** 10th percentile */
  readonly q10: Float64Array;
  /** 90th percentile */
  readonly q90: Float64Array;
  /** 2.5th percentile */
  readonly q025: Float64Array;
  /** 97.5th percentile */
  readonly q975: Float64Array;
}

export interface BayesArxForecastResult {
  /** plug-in point path of y (undifferenced), with b_n, ε = 0 and the scenario's mean path */
  readonly point: Float64Array;
  /** the scenario's mean exogenous path (horizon × m levels) */
  readonly exogenousPath: readonly Float64Array[];
  /** Monte-Carlo predictive summaries (null when draws = 0) */
  readonly predictive: PredictiveSummary | null;
  readonly draws: number;
  /** the seed, as a decimal string (record it with the result) */
  readonly seed: string;
  readonly algorithm: "xoshiro128**";
  /** the scenario name (null without exogenous columns) */
  readonly scenario: string | null;
  /**
   * R̂ and bulk/tail ESS (R posterior's definitions) of every coefficient, σ² and each step's y over the
   * draws cut into consecutive chains (null when draws = 0 or too few for two draws per chain)
   */
  readonly convergence: readonly QuantityConvergence[] | null;
  /** monte_carlo_seed, draws_not_converged */
  readonly diagnostics: readonly BayesArxDiagnostic[];
}

/** R̂ above this, or a bulk or tail ESS below 100 per chain, is reported (Vehtari et al. 2021 §4). */
export const RHAT_BOUND = 1.01;
export const ESS_PER_CHAIN = 100;

/**
 * Gamma(shape, 1) deviate by Marsaglia & Tsang (2000); shape < 1 by Gamma(shape + 1)·U^{1/shape}.
 * Module-private (exported for tests through the forecast only).
 */
function gammaDeviate(rng: RandomGenerator, shape: number): number {
  if (shape < 1) {
    const g = gammaDeviate(rng, shape + 1);
    let u = rng.uniform();
    while (u === 0) u = rng.uniform();
    return g * u ** (1 / shape);
  }
  const dd = shape - 1 / 3;
  const cc = 1 / Math.sqrt(9 * dd);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = rng.normal();
      v = 1 + cc * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.uniform();
    if (u < 1 - 0.0331 * x * x * x * x) return dd * v;
    if (u > 0 && Math.log(u) < 0.5 * x * x + dd * (1 - v + Math.log(v))) return dd * v;
  }
}

/** Type-7 (linear interpolation, R default / numpy "linear") quantile of sorted values. */
function quantileSorted(s: Float64Array, q: number): number {
  const h = (s.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, s.length - 1);
  return (s[lo] as number) + (h - lo) * ((s[hi] as number) - (s[lo] as number));
}

/** One simulated (or plug-in) path of y given coefficients b, σ, the exogenous path and ε draws. */
function simulatePath(
  fit: BayesArxResult,
  b: ArrayLike<number>,
  xPath: readonly Float64Array[],
  eps: (h: number) => number,
  horizon: number,
  out: Float64Array,
): void {
  const { p, d, intercept, exogenousCount: m, state } = fit;
  const c = intercept ? 1 : 0;
  const wHist = Float64Array.from(state.wTail); // oldest first, length p
  const yLev = Float64Array.from(state.yLevels);
  const xLev = state.xLevels.map((l) => Float64Array.from(l));
  for (let h = 0; h < horizon; h++) {
    let wv = intercept ? (b[0] as number) : 0;
    for (let i = 1; i <= p; i++) wv += (b[c + i - 1] as number) * (wHist[p - i] as number);
    for (let j = 0; j < m; j++) {
      // z = Δ^d x at T+h+1 from the level and the stored differences
      const lev = xLev[j] as Float64Array;
      let z = (xPath[j] as Float64Array)[h] as number;
      // Δ^k x_{new} = Δ^{k−1} x_new − Δ^{k−1} x_old; update from k = 1 upward
      for (let kk = 0; kk < d; kk++) {
        const old = lev[kk] as number;
        lev[kk] = z;
        z -= old;
      }
      wv += (b[c + p + j] as number) * z;
    }
    wv += eps(h);
    if (p > 0) {
      wHist.copyWithin(0, 1);
      wHist[p - 1] = wv;
    }
    // undifference: Δ^{d−1} y_new = Δ^{d−1} y_old + w, …, y_new = y_old + Δy_new
    let v = wv;
    for (let kk = d - 1; kk >= 0; kk--) {
      v = (yLev[kk] as number) + v;
      yLev[kk] = v;
    }
    out[h] = v;
  }
}

/**
 * Forecast of a {@link bayesArx} fit (贝叶斯ARX预测) under an exogenous scenario: (i) the plug-in point
 * path — the recursion with b_n, ε = 0 and the scenario's mean path, undifferenced; (ii) the Monte-Carlo
 * predictive distribution: for each of N draws, σ² = d_n/G with G ~ Gamma(a_n, 1) (σ² ~ IG(a_n, d_n)),
 * b = b_n + σ·L·u with L Lᵀ = V_n and u ~ N(0, I) (b | σ² ~ N(b_n, σ²V_n)), the scenario's growth rates
 * r_j ~ N(mean_j, sd_j²) (columns with sd > 0), then ε_{T+h} ~ N(0, σ²) along the path; per step the
 * mean, median and the 10/90 and 2.5/97.5 percentiles (type 7) of y_{T+h}. The draws use one
 * xoshiro128** stream in exactly that order, so a seed reproduces the result on every platform.
 *
 * @param fit - a {@link BayesArxResult}
 * @param options - {@link BayesArxForecastOptions}
 * @returns `{point, exogenousPath, predictive: {mean, median, q10, q90, q025, q975} | null, draws, seed, algorithm, scenario, diagnostics}`
 * @throws {CoreError} invalid_argument (reason invalid_count for horizon/draws;
 *   missing_exogenous_scenario); dimension_mismatch (scenario columns or path length); non_finite
 *   (path); not_positive_definite (V_n)
 * @example
 * const fc = bayesArxForecast(fit, { horizon: 5, exogenous: { kind: "path", name: "trend",
 *   path: [[53], [54], [55], [56], [57]] } });
 * fc.point; fc.predictive?.q025; // point path and lower 95 % band of y_{T+1…T+5}
 * @see spec methods.md §8.4 (N = 10 000, xoshiro128** seed 20250101), §8.5; Marsaglia & Tsang (2000),
 *   "A simple method for generating gamma variables", ACM TOMS 26(3), 363–372; Hyndman & Fan (1996),
 *   Am. Stat. 50(4), 361–365 (quantile type 7).
 * Complexity O(N·(k² + h·(p + m)) + N·h·log N).
 */
export function bayesArxForecast(fit: BayesArxResult, options: BayesArxForecastOptions): BayesArxForecastResult {
  const fn = "bayesArxForecast";
  const H = options.horizon;
  if (!Number.isInteger(H) || H < 1)
    throw new CoreError("invalid_argument", {
      function: fn,
      argument: "horizon",
      reason: "invalid_count",
      received: H,
    });
  const N = options.draws ?? 10000;
  if (!Number.isInteger(N) || N < 0)
    throw new CoreError("invalid_argument", { function: fn, argument: "draws", reason: "invalid_count", received: N });
  const C = options.chains ?? 4;
  if (!Number.isInteger(C) || C < 1)
    throw new CoreError("invalid_argument", { function: fn, argument: "chains", reason: "invalid_count", received: C });
  const seed = options.seed ?? 20250101;
  const m = fit.exogenousCount;
  const sc = options.exogenous;
  if (m > 0 && sc === undefined)
    throw new CoreError("invalid_argument", {
      function: fn,
      argument: "exogenous",
      reason: "missing_exogenous_scenario",
    });
  // mean exogenous path (m columns of length H) and, for growth scenarios, the per-draw generator
  const meanPath: Float64Array[] = [];
  let growth: { start: Float64Array; mean: readonly number[]; sd: readonly number[] } | null = null;
  if (m > 0 && sc !== undefined) {
    if (sc.kind === "path") {
      if (sc.path.length !== H)
        throw new CoreError("dimension_mismatch", {
          function: fn,
          argument: "exogenous.path",
          expected: H,
          received: sc.path.length,
        });
      for (let j = 0; j < m; j++) meanPath.push(new Float64Array(H));
      sc.path.forEach((row, h) => {
        if (row.length !== m)
          throw new CoreError("dimension_mismatch", {
            function: fn,
            argument: `exogenous.path[${h}]`,
            expected: m,
            received: row.length,
          });
        finiteVector(row, `exogenous.path[${h}]`, fn);
        row.forEach((v, j) => {
          (meanPath[j] as Float64Array)[h] = v;
        });
      });
    } else {
      for (const [arr, name] of [
        [sc.start, "exogenous.start"],
        [sc.growthMean, "exogenous.growthMean"],
        [sc.growthSd, "exogenous.growthSd"],
      ] as const) {
        if (arr.length !== m)
          throw new CoreError("dimension_mismatch", {
            function: fn,
            argument: name,
            expected: m,
            received: arr.length,
          });
      }
      const start = Float64Array.from(sc.start, (v, j) => v ?? (fit.state.xLast[j] as number));
      finiteVector(start, "exogenous.start", fn);
      finiteVector(sc.growthMean, "exogenous.growthMean", fn);
      finiteVector(sc.growthSd, "exogenous.growthSd", fn);
      sc.growthSd.forEach((s, j) => {
        if (s < 0)
          throw new CoreError("invalid_argument", {
            function: fn,
            argument: "exogenous.growthSd",
            reason: "negative_scenario_sd",
            index: j,
            value: s,
          });
      });
      growth = { start, mean: sc.growthMean, sd: sc.growthSd };
      for (let j = 0; j < m; j++) {
        const r = sc.growthMean[j] as number;
        meanPath.push(Float64Array.from({ length: H }, (_, h) => (start[j] as number) * (1 + r) ** (h + 1)));
      }
    }
  }
  const post = fit.posterior;
  const point = new Float64Array(H);
  simulatePath(fit, post.mean, meanPath, () => 0, H, point);
  const diagnostics: BayesArxDiagnostic[] = [];
  let predictive: PredictiveSummary | null = null;
  let convergence: QuantityConvergence[] | null = null;
  const seedText = typeof seed === "bigint" ? seed.toString() : String(seed);
  if (N > 0) {
    const rng = randomGenerator(seed);
    const k = post.mean.length;
    const L = choleskyDecompose(post.covarianceScale).L.data;
    const sims = Array.from({ length: H }, () => new Float64Array(N));
    const b = new Float64Array(k);
    const u = new Float64Array(k);
    const path = new Float64Array(H);
    const drawPath: Float64Array[] = meanPath.map(() => new Float64Array(H));
    const bDraws = Array.from({ length: k }, () => new Float64Array(N));
    const sigma2Draws = new Float64Array(N);
    for (let s = 0; s < N; s++) {
      const sigma2 = post.rate / gammaDeviate(rng, post.shape);
      sigma2Draws[s] = sigma2;
      const sigma = Math.sqrt(sigma2);
      for (let i = 0; i < k; i++) u[i] = rng.normal();
      for (let i = 0; i < k; i++) {
        let acc = 0;
        for (let j = 0; j <= i; j++) acc += (L[i * k + j] as number) * (u[j] as number);
        b[i] = (post.mean[i] as number) + sigma * acc;
        (bDraws[i] as Float64Array)[s] = b[i] as number;
      }
      let xp: readonly Float64Array[] = meanPath;
      if (growth !== null) {
        for (let j = 0; j < m; j++) {
          const sd = growth.sd[j] as number;
          const r = (growth.mean[j] as number) + (sd > 0 ? sd * rng.normal() : 0);
          const dp = drawPath[j] as Float64Array;
          const x0 = growth.start[j] as number;
          for (let h = 0; h < H; h++) dp[h] = x0 * (1 + r) ** (h + 1);
        }
        xp = drawPath;
      }
      simulatePath(fit, b, xp, () => sigma * rng.normal(), H, path);
      for (let h = 0; h < H; h++) (sims[h] as Float64Array)[s] = path[h] as number;
    }
    // convergence over consecutive blocks, before the step draws are sorted for the quantiles
    const len = Math.floor(N / C);
    if (len >= 2) {
      const blocks = (v: Float64Array) => Array.from({ length: C }, (_, c) => v.subarray(c * len, (c + 1) * len));
      const quantities: [string, Float64Array][] = [
        ...fit.names.map((name, i) => [name, bDraws[i] as Float64Array] as [string, Float64Array]),
        ["sigma2", sigma2Draws],
        ...sims.map((v, h) => [`y[${h + 1}]`, v] as [string, Float64Array]),
      ];
      convergence = quantities.map(([quantity, v]) => ({ quantity, ...convergenceDiagnostics(blocks(v)) }));
      for (const q of convergence) {
        const low = (e: number | null) => e !== null && e < ESS_PER_CHAIN * C;
        if ((q.rhat !== null && q.rhat > RHAT_BOUND) || low(q.essBulk) || low(q.essTail))
          diagnostics.push({
            code: "draws_not_converged",
            severity: "warning",
            params: { quantity: q.quantity, rhat: q.rhat, essBulk: q.essBulk, essTail: q.essTail, chains: C },
          });
      }
    }
    const summary = {
      mean: new Float64Array(H),
      median: new Float64Array(H),
      q10: new Float64Array(H),
      q90: new Float64Array(H),
      q025: new Float64Array(H),
      q975: new Float64Array(H),
    };
    for (let h = 0; h < H; h++) {
      const v = sims[h] as Float64Array;
      summary.mean[h] = neumaierSum(v) / N;
      v.sort();
      summary.median[h] = quantileSorted(v, 0.5);
      summary.q10[h] = quantileSorted(v, 0.1);
      summary.q90[h] = quantileSorted(v, 0.9);
      summary.q025[h] = quantileSorted(v, 0.025);
      summary.q975[h] = quantileSorted(v, 0.975);
    }
    predictive = summary;
    diagnostics.push({
      code: "monte_carlo_seed",
      severity: "info",
      params: { algorithm: "xoshiro128**", seed: seedText, draws: N },
    });
  }
  return {
    point,
    exogenousPath: meanPath,
    predictive,
    draws: N,
    seed: seedText,
    algorithm: "xoshiro128**",
    scenario: m > 0 && sc !== undefined ? sc.name : null,
    convergence,
    diagnostics,
  };
}
