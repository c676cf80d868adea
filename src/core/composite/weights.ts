/**
 * Indicator weights (指标权重): equal, manual, entropy (熵权法, both variants of spec §12.4), CRITIC and
 * PCA (主成分分析). Every function returns non-negative weights summing to 1.
 */
import { CoreError } from "../errors.js";
import { type Matrix, matrix } from "../linalg/matrix.js";
import {
  checkFiniteMatrix,
  checkFiniteVector,
  checkNonNegativeMatrix,
  checkRows,
  checkWeightVector,
  resolveDirections,
} from "./checks.js";
import { type CompositeDiagnostic, compositeDiagnostic } from "./codes.js";
import { normalise } from "./normalise.js";
import { symmetricEigen } from "./symmetric-eigen.js";

/** Weighting methods (赋权方法). */
export type WeightingMethod = "equal" | "manual" | "entropy" | "critic" | "pca";

/** Tolerance on Σw = 1 for manual weights (spec: "sum to 1 within 1e-9"). */
export const WEIGHT_SUM_TOLERANCE = 1e-9;

function flagsOf(forcedZero: ArrayLike<number> | undefined, n: number, fn: string): Uint8Array {
  const out = new Uint8Array(n);
  if (forcedZero === undefined) return out;
  if (forcedZero.length !== n) {
    throw new CoreError("dimension_mismatch", {
      function: fn,
      argument: "forcedZero",
      expected: n,
      received: forcedZero.length,
    });
  }
  for (let j = 0; j < n; j++) out[j] = forcedZero[j] ? 1 : 0;
  return out;
}

/** d/Σd, or equal weights over the indicators not forced to zero when Σd = 0 (with a diagnostic). */
function normaliseScores(
  d: Float64Array,
  forced: Uint8Array,
  method: string,
  diagnostics: CompositeDiagnostic[],
): Float64Array {
  const n = d.length;
  let s = 0;
  for (let j = 0; j < n; j++) s += d[j] as number;
  const w = new Float64Array(n);
  if (s > 0) {
    for (let j = 0; j < n; j++) w[j] = (d[j] as number) / s;
    return w;
  }
  let free = 0;
  for (let j = 0; j < n; j++) if (!forced[j]) free++;
  for (let j = 0; j < n; j++) w[j] = free === 0 ? 1 / n : forced[j] ? 0 : 1 / free;
  diagnostics.push(compositeDiagnostic("no_dispersion_equal_weights", "warning", { method, n }));
  return w;
}

/**
 * Equal weights (等权重) w_j = 1/n.
 *
 * @param n - number of indicators (integer ≥ 1)
 * @returns Float64Array of n weights 1/n
 * @throws {CoreError} invalid_argument (n not an integer ≥ 1)
 * @example
 * equalWeights(4); // => Float64Array [0.25, 0.25, 0.25, 0.25]
 */
export function equalWeights(n: number): Float64Array {
  if (!Number.isInteger(n) || n < 1)
    throw new CoreError("invalid_argument", { function: "equalWeights", argument: "n", received: n });
  return new Float64Array(n).fill(1 / n);
}

/**
 * Manual (user or AHP) weights (人工权重), validated: finite, ≥ 0 and Σw = 1 within `tolerance`. The
 * weights are returned as given — never rescaled silently.
 *
 * @param weights - n weights
 * @param tolerance - accepted |Σw − 1| @default 1e-9 ({@link WEIGHT_SUM_TOLERANCE})
 * @returns a Float64Array copy of the weights
 * @throws {CoreError} non_finite; invalid_argument (reason negative_weight: params index, value;
 *   weights_not_normalised: params sum, tolerance; an empty list)
 * @example
 * manualWeights([0.5, 0.3, 0.2]); // => Float64Array [0.5, 0.3, 0.2]
 * manualWeights([0.5, 0.3]);      // throws invalid_argument (reason weights_not_normalised, sum 0.8)
 */
export function manualWeights(weights: ArrayLike<number>, tolerance = WEIGHT_SUM_TOLERANCE): Float64Array {
  const fn = "manualWeights";
  if (weights.length === 0) throw new CoreError("invalid_argument", { function: fn, argument: "weights", received: 0 });
  checkWeightVector(weights, weights.length, fn);
  let s = 0;
  for (let j = 0; j < weights.length; j++) s += weights[j] as number;
  if (!(Math.abs(s - 1) <= tolerance)) {
    throw new CoreError("invalid_argument", {
      function: fn,
      argument: "weights",
      reason: "weights_not_normalised",
      sum: s,
      tolerance,
    });
  }
  return Float64Array.from(weights);
}

/**
 * Weights with the flagged indicators set to 0 and the others rescaled to sum to 1 (强制零权重), as
 * spec §12.3 requires for constant indicators. If every positive weight is flagged the result is
 * equal weights over the unflagged indicators.
 *
 * @param weights - n non-negative weights summing to 1
 * @param forcedZero - n flags (non-zero = force to 0), e.g. `normalise(...).constant`
 * @returns a new Float64Array
 * @throws {CoreError} dimension_mismatch; non_finite; invalid_argument (negative_weight; every
 *   indicator flagged)
 * @example
 * forceZeroWeights([0.5, 0.25, 0.25], [0, 1, 0]); // => Float64Array [2/3, 0, 1/3]
 */
export function forceZeroWeights(weights: ArrayLike<number>, forcedZero: ArrayLike<number>): Float64Array {
  const fn = "forceZeroWeights";
  const n = weights.length;
  checkWeightVector(weights, n, fn);
  const flags = flagsOf(forcedZero, n, fn);
  let free = 0;
  let s = 0;
  for (let j = 0; j < n; j++) {
    if (!flags[j]) {
      free++;
      s += weights[j] as number;
    }
  }
  if (free === 0) throw new CoreError("invalid_argument", { function: fn, argument: "forcedZero", n });
  const w = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    if (flags[j]) continue;
    w[j] = s > 0 ? (weights[j] as number) / s : 1 / free;
  }
  return w;
}

export interface EntropyWeightOptions {
  /**
   * `"minmax"` (the module default, spec §12.3): min–max normalise with directions (and shift), then
   * p_ij = r_ij/Σ_i r_ij. `"sum"`: p_ij = x_ij/Σ_i x_ij on the raw data (benefit criteria, x ≥ 0;
   * directions must be +1) — the textbook variant of Xu (2004) and Zavadskas & Podvezko (2016).
   * @default "minmax"
   */
  readonly variant?: "minmax" | "sum";
  /** +1/−1 per indicator (`minmax` variant) @default all +1 */
  readonly directions?: ArrayLike<number>;
  /** `minmax` variant: shift added to the min–max scores (e.g. 0.0001) @default 0 */
  readonly shift?: number;
  /** `minmax` variant: per-year goalposts (see `normalise` `groups`); entropy pools all rows */
  readonly groups?: ArrayLike<number>;
  /** flags of indicators whose weight is forced to 0 (besides constant ones) */
  readonly forcedZero?: ArrayLike<number>;
}

export interface EntropyWeightResult {
  /** w_j = d_j/Σd_k */
  readonly weights: Float64Array;
  /** e_j = −(1/ln m) Σ_i p_ij ln p_ij (1 for a zero column sum) */
  readonly entropy: Float64Array;
  /** d_j = 1 − e_j (0 for forced indicators) */
  readonly divergence: Float64Array;
  /** the matrix the shares p_ij were taken from (r for `minmax`, x for `sum`) */
  readonly basis: Matrix;
  readonly diagnostics: readonly CompositeDiagnostic[];
}

/**
 * Entropy weights (熵权法) of spec §12.3 step 3:
 *
 *     p_ij = b_ij / Σ_i b_ij,  e_j = −(1/ln m) Σ_i p_ij ln p_ij  (0·ln 0 = 0),
 *     d_j = 1 − e_j,           w_j = d_j / Σ_k d_k,
 *
 * with b = r (min–max scores) or b = x (raw data, `variant: "sum"`). Edge cases (spec): m = 1 →
 * too_few_observations; Σ_i b_ij = 0 → e_j = 1, w_j = 0 (diagnostic zero_column_sum, or
 * constant_indicator from the normalisation); all d_j = 0 → equal weights (diagnostic
 * no_dispersion_equal_weights). Constant indicators and `forcedZero` get d_j = 0.
 *
 * @param X - m×n data matrix (entities, or entity-years pooled, × indicators)
 * @param options - {@link EntropyWeightOptions}
 * @returns `{weights, entropy, divergence, basis, diagnostics}`
 * @throws {CoreError} non_finite; too_few_observations (m < 2); dimension_mismatch; invalid_argument
 *   (reason negative_value: x < 0 in the sum variant; invalid_direction; unknown variant)
 * @example
 * const X = fromRows([[80, 100, 50, 60, 10], [82, 100, 50, 85, 40], [78, 100, 50, 95, 90]]);
 * entropyWeights(X).weights; // => [0.331449, 0, 0, 0.300836, 0.367715] (spec §12.4)
 * entropyWeights(fromRows([[30, 30, 38, 29], [19, 54, 86, 29], [19, 15, 85, 28.9], [68, 70, 60, 29]]),
 *   { variant: "sum" }).weights; // => [0.4630, 0.3992, 0.1378, 0.0000] (Xu 2004)
 * @see Shannon (1948); Zeleny (1982), Multiple Criteria Decision Making, ch. 7 (entropy weights);
 *   Xu, X. (2004), EJOR 156(2), 530–532; Zavadskas, E. K. & Podvezko, V. (2016), IJITDM 15(2),
 *   267–283; spec §12.3–§12.4.
 * Complexity O(m·n).
 */
export function entropyWeights(X: Matrix, options: EntropyWeightOptions = {}): EntropyWeightResult {
  const fn = "entropyWeights";
  const variant = options.variant ?? "minmax";
  const { rows: m, cols: n } = X;
  checkFiniteMatrix(X, "X", fn);
  checkRows(X, 2, "X", fn);
  const forced = flagsOf(options.forcedZero, n, fn);
  const diagnostics: CompositeDiagnostic[] = [];
  let basis: Matrix;
  if (variant === "minmax") {
    const r = normalise(X, {
      method: "minmax",
      ...(options.directions === undefined ? {} : { directions: options.directions }),
      ...(options.shift === undefined ? {} : { shift: options.shift }),
      ...(options.groups === undefined ? {} : { groups: options.groups }),
    });
    basis = r.values;
    for (let j = 0; j < n; j++) if (r.constant[j]) forced[j] = 1;
    diagnostics.push(...r.diagnostics);
  } else if (variant === "sum") {
    const dirs = resolveDirections(options.directions, n, fn);
    const neg = dirs.indexOf(-1);
    if (neg >= 0) {
      throw new CoreError("invalid_argument", {
        function: fn,
        argument: "directions",
        reason: "invalid_direction",
        index: neg,
        value: -1,
      });
    }
    checkNonNegativeMatrix(X, "X", fn);
    basis = X;
  } else {
    throw new CoreError("invalid_argument", { function: fn, option: "variant", received: String(variant) });
  }
  const b = basis.data;
  const k = 1 / Math.log(m);
  const entropy = new Float64Array(n);
  const divergence = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let s = 0;
    for (let i = 0; i < m; i++) s += b[i * n + j] as number;
    if (!(s > 0)) {
      entropy[j] = 1;
      if (!forced[j]) diagnostics.push(compositeDiagnostic("zero_column_sum", "warning", { indicator: j }));
      continue;
    }
    let h = 0;
    for (let i = 0; i < m; i++) {
      const p = (b[i * n + j] as number) / s;
      if (p > 0) h -= p * Math.log(p);
    }
    const e = h * k;
    entropy[j] = e;
    // e ≤ 1 in exact arithmetic; clamp the rounding of a uniform column (e = 1 + ε) to d = 0
    divergence[j] = forced[j] ? 0 : Math.max(0, 1 - e);
  }
  const weights = normaliseScores(divergence, forced, "entropy", diagnostics);
  return { weights, entropy, divergence, basis, diagnostics };
}

/** Centred columns and their Euclidean norms (for correlations). */
function centredColumns(R: Matrix): { centred: Float64Array; norms: Float64Array } {
  const { rows: m, cols: n } = R;
  const centred = new Float64Array(m * n);
  const norms = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let mean = 0;
    for (let i = 0; i < m; i++) mean += R.data[i * n + j] as number;
    mean /= m;
    let ss = 0;
    for (let i = 0; i < m; i++) {
      const e = (R.data[i * n + j] as number) - mean;
      centred[i * n + j] = e;
      ss += e * e;
    }
    norms[j] = Math.sqrt(ss);
  }
  return { centred, norms };
}

/** Pearson correlation matrix of the columns flagged `use` (others left 0). */
function correlationMatrix(R: Matrix, use: Uint8Array): Matrix {
  const { rows: m, cols: n } = R;
  const { centred, norms } = centredColumns(R);
  const C = matrix(n, n);
  for (let j = 0; j < n; j++) {
    if (!use[j]) continue;
    C.data[j * n + j] = 1;
    for (let k = j + 1; k < n; k++) {
      if (!use[k]) continue;
      let s = 0;
      for (let i = 0; i < m; i++) s += (centred[i * n + j] as number) * (centred[i * n + k] as number);
      const r = s / ((norms[j] as number) * (norms[k] as number));
      C.data[j * n + k] = r;
      C.data[k * n + j] = r;
    }
  }
  return C;
}

/** Flags of columns with zero spread (max = min), merged with `forced`. */
function constantColumns(R: Matrix, forced: Uint8Array): Uint8Array {
  const { rows: m, cols: n } = R;
  const out = Uint8Array.from(forced);
  for (let j = 0; j < n; j++) {
    const first = R.data[j] as number;
    let same = true;
    for (let i = 1; i < m && same; i++) same = R.data[i * n + j] === first;
    if (same) out[j] = 1;
  }
  return out;
}

export interface CriticWeightOptions {
  /** flags of indicators whose weight is forced to 0 (e.g. `normalise(...).constant`) */
  readonly forcedZero?: ArrayLike<number>;
}

export interface CriticWeightResult {
  readonly weights: Float64Array;
  /** s_j, the sample standard deviation (divisor m − 1) of column j of R */
  readonly sd: Float64Array;
  /** Σ_k (1 − r_jk) over the informative columns k */
  readonly conflict: Float64Array;
  /** C_j = s_j · conflict_j */
  readonly information: Float64Array;
  /** the n×n Pearson correlation matrix of R (0 rows/columns for excluded indicators) */
  readonly correlation: Matrix;
  readonly diagnostics: readonly CompositeDiagnostic[];
}

/**
 * CRITIC weights (CRITIC 赋权法, Diakoulaki, Mavrotas & Papayannakis 1995):
 *
 *     C_j = s_j · Σ_k (1 − r_jk),   w_j = C_j / Σ_k C_k,
 *
 * on a normalised matrix R (e.g. min–max scores with directions), s_j the standard deviation of
 * column j and r_jk the Pearson correlation of columns j and k.
 *
 * sd convention: the sample standard deviation (divisor m − 1, as pymcdm `critic_weights` and R
 * `sd`). The choice cannot change the weights: every s_j is scaled by the same factor √(m/(m−1)),
 * which cancels in C_j/ΣC_k — it is stated only because `sd` is part of the result.
 * Constant columns (s_j = 0, correlation undefined) and `forcedZero` columns get C_j = 0 and are left
 * out of the other columns' conflict sums (they carry no information to conflict with); pymcdm
 * would return NaN there. All C_j = 0 → equal weights (diagnostic no_dispersion_equal_weights).
 *
 * @param R - m×n normalised matrix (m ≥ 2)
 * @param options - {@link CriticWeightOptions}
 * @returns `{weights, sd, conflict, information, correlation, diagnostics}`
 * @throws {CoreError} non_finite; too_few_observations (m < 2); dimension_mismatch (forcedZero)
 * @example
 * const X = fromRows([[5000, 3, 3, 4, 3, 2], [680, 5, 3, 2, 2, 1], [2000, 3, 2, 3, 4, 3],
 *   [600, 4, 3, 1, 2, 2], [800, 2, 4, 3, 3, 4]]);
 * criticWeights(normalise(X, { method: "minmax" }).values).weights;
 * // => [0.157, 0.249, 0.168, 0.121, 0.154, 0.151] (Tuş & Adalı 2019, to 3 d.p.)
 * @see Diakoulaki, D., Mavrotas, G. & Papayannakis, L. (1995), "Determining objective weights in
 *   multiple criteria problems: the CRITIC method", Computers & Operations Research 22(7), 763–770;
 *   pymcdm `weights.critic_weights`.
 * Complexity O(m·n²).
 */
export function criticWeights(R: Matrix, options: CriticWeightOptions = {}): CriticWeightResult {
  const fn = "criticWeights";
  const { rows: m, cols: n } = R;
  checkFiniteMatrix(R, "R", fn);
  checkRows(R, 2, "R", fn);
  const excluded = constantColumns(R, flagsOf(options.forcedZero, n, fn));
  const use = excluded.map((e) => (e ? 0 : 1));
  const { norms } = centredColumns(R);
  const correlation = correlationMatrix(R, use);
  const sd = new Float64Array(n);
  const conflict = new Float64Array(n);
  const information = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    sd[j] = (norms[j] as number) / Math.sqrt(m - 1);
    if (!use[j]) continue;
    let c = 0;
    for (let k = 0; k < n; k++) if (use[k]) c += 1 - (correlation.data[j * n + k] as number);
    conflict[j] = c;
    information[j] = (sd[j] as number) * c;
  }
  const diagnostics: CompositeDiagnostic[] = [];
  const weights = normaliseScores(information, excluded, "critic", diagnostics);
  return { weights, sd, conflict, information, correlation, diagnostics };
}

export interface PcaWeightOptions {
  /** flags of indicators whose weight is forced to 0 (left out of the correlation matrix) */
  readonly forcedZero?: ArrayLike<number>;
}

export interface PcaWeightResult {
  /** w_j = a_j² / Σ_k a_k² = v_j² (a = loadings, v = unit eigenvector) */
  readonly weights: Float64Array;
  /** a_j = v_j·√λ₁ (sign fixed so that Σ a_j ≥ 0; the weights do not depend on it) */
  readonly loadings: Float64Array;
  /** the eigenvalues of the correlation matrix of the informative columns, descending */
  readonly eigenvalues: Float64Array;
  /** λ₁ / Σλ — the share of the (standardised) variance the first component explains */
  readonly explainedShare: number;
  readonly diagnostics: readonly CompositeDiagnostic[];
}

/**
 * PCA weights (主成分分析赋权): the squared loadings of the first principal component of the
 * correlation matrix of the normalised data, normalised to sum to 1 — with the unit eigenvector v₁
 * of the largest eigenvalue λ₁, a = √λ₁·v₁ and w_j = a_j²/Σa_k² = v_{1j}².
 *
 * Modelling choices: the correlation (not covariance) matrix, so the result does not depend on the
 * normalisation's scale; an eigenvector is defined only up to sign, and squaring makes the weights
 * sign-free (the loadings are returned with Σa ≥ 0). Constant and forced columns get weight 0 and
 * are left out of the matrix. A repeated λ₁ (|λ₁ − λ₂| ≤ 1e-10·λ₁) makes v₁ non-unique: diagnostic
 * pca_first_component_not_unique. The eigen-decomposition is cyclic Jacobi (accurate to a few ulps
 * for the small matrices of composite indices).
 *
 * @param R - m×n normalised matrix (m ≥ 2)
 * @param options - {@link PcaWeightOptions}
 * @returns `{weights, loadings, eigenvalues, explainedShare, diagnostics}`
 * @throws {CoreError} non_finite; too_few_observations (m < 2); dimension_mismatch; invalid_argument
 *   (every column constant or forced)
 * @example
 * pcaWeights(fromRows([[1, 2, 0], [2, 4, 1], [3, 5, 0], [4, 9, 1]])).explainedShare; // ≈ 0.66
 * @see OECD/JRC (2008), Handbook on Constructing Composite Indicators, §6.1 (weights from PCA/FA);
 *   Nicoletti, Scarpetta & Boylaud (2000), OECD ECO WP 226; numpy.linalg.eigh (reference values).
 * Complexity O(m·n² + n³).
 */
export function pcaWeights(R: Matrix, options: PcaWeightOptions = {}): PcaWeightResult {
  const fn = "pcaWeights";
  const n = R.cols;
  checkFiniteMatrix(R, "R", fn);
  checkRows(R, 2, "R", fn);
  const excluded = constantColumns(R, flagsOf(options.forcedZero, n, fn));
  const idx: number[] = [];
  for (let j = 0; j < n; j++) if (!excluded[j]) idx.push(j);
  const p = idx.length;
  if (p === 0) throw new CoreError("invalid_argument", { function: fn, argument: "R", n });
  const full = correlationMatrix(
    R,
    excluded.map((e) => (e ? 0 : 1)),
  );
  const C = matrix(p, p);
  for (let a = 0; a < p; a++) {
    for (let b = 0; b < p; b++) C.data[a * p + b] = full.data[(idx[a] as number) * n + (idx[b] as number)] as number;
  }
  const { values, vectors } = symmetricEigen(C);
  const lambda1 = values[0] as number;
  const diagnostics: CompositeDiagnostic[] = [];
  if (p > 1 && Math.abs(lambda1 - (values[1] as number)) <= 1e-10 * Math.abs(lambda1)) {
    diagnostics.push(
      compositeDiagnostic("pca_first_component_not_unique", "warning", { lambda1, lambda2: values[1] as number }),
    );
  }
  let sum = 0;
  for (let a = 0; a < p; a++) sum += vectors.data[a * p] as number;
  const sign = sum < 0 ? -1 : 1;
  const weights = new Float64Array(n);
  const loadings = new Float64Array(n);
  let ss = 0;
  for (let a = 0; a < p; a++) ss += (vectors.data[a * p] as number) ** 2;
  for (let a = 0; a < p; a++) {
    const v = sign * (vectors.data[a * p] as number);
    const j = idx[a] as number;
    weights[j] = (v * v) / ss;
    loadings[j] = v * Math.sqrt(Math.max(lambda1, 0));
  }
  let trace = 0;
  for (let a = 0; a < p; a++) trace += values[a] as number;
  checkFiniteVector(weights, "weights", fn);
  return { weights, loadings, eigenvalues: values, explainedShare: lambda1 / trace, diagnostics };
}
