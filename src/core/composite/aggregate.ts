/**
 * Aggregation of normalised indicators into composite scores (综合得分): weighted arithmetic and
 * geometric means (spec §12.3 step 4) and TOPSIS (逼近理想解排序法, spec §12.3 step 6).
 */
import { CoreError } from "../errors.js";
import type { Matrix } from "../linalg/matrix.js";
import { checkFiniteMatrix, checkWeightVector, resolveDirections } from "./checks.js";
import { competitionRanks } from "./rank.js";
import { WEIGHT_SUM_TOLERANCE } from "./weights.js";

/** Aggregation methods (集成方法). */
export type AggregationMethod = "arithmetic" | "geometric" | "topsis";

function checkWeightsSum(w: ArrayLike<number>, fn: string): void {
  let s = 0;
  for (let j = 0; j < w.length; j++) s += w[j] as number;
  if (!(Math.abs(s - 1) <= WEIGHT_SUM_TOLERANCE)) {
    throw new CoreError("invalid_argument", {
      function: fn,
      argument: "weights",
      reason: "weights_not_normalised",
      sum: s,
      tolerance: WEIGHT_SUM_TOLERANCE,
    });
  }
}

export interface AggregateOptions {
  /** multiplier of the score (100 gives the 0–100 scale of spec §12.3) @default 100 */
  readonly scale?: number;
}

/**
 * Weighted arithmetic aggregation (线性加权综合): S_i = scale · Σ_j w_j r_ij (spec §12.3 step 4,
 * scale 100). Fully compensatory: a deficit in one indicator is offset by a surplus in another.
 *
 * @param R - m×n normalised matrix
 * @param weights - n weights, ≥ 0, Σ = 1 within 1e-9
 * @param options - {@link AggregateOptions}
 * @returns Float64Array of m scores
 * @throws {CoreError} non_finite; dimension_mismatch; invalid_argument (negative_weight,
 *   weights_not_normalised)
 * @example
 * arithmeticAggregate(fromRows([[0.5, 0], [1, 0.375]]), [0.5, 0.5]); // => Float64Array [25, 68.75]
 * @see OECD/JRC (2008) Handbook, §1.7 (linear aggregation).
 * Complexity O(m·n).
 */
export function arithmeticAggregate(
  R: Matrix,
  weights: ArrayLike<number>,
  options: AggregateOptions = {},
): Float64Array {
  const fn = "arithmeticAggregate";
  checkFiniteMatrix(R, "R", fn);
  checkWeightVector(weights, R.cols, fn);
  checkWeightsSum(weights, fn);
  const scale = options.scale ?? 100;
  const { rows: m, cols: n, data } = R;
  const out = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += (weights[j] as number) * (data[i * n + j] as number);
    out[i] = scale * s;
  }
  return out;
}

export interface GeometricAggregateOptions extends AggregateOptions {
  /** added to every r before the product (spec §12.3: 0.01) @default 0.01 */
  readonly shift?: number;
}

/**
 * Weighted geometric aggregation (几何加权综合): S_i = scale · Π_j (r_ij + shift)^{w_j}, computed as
 * exp(Σ w_j ln(r_ij + shift)). Only partly compensatory; zero or negative values have no logarithm,
 * so r + shift ≤ 0 is an error (never clipped silently) — a zero-weight indicator is still checked.
 *
 * @param R - m×n normalised matrix
 * @param weights - n weights, ≥ 0, Σ = 1 within 1e-9
 * @param options - {@link GeometricAggregateOptions}
 * @returns Float64Array of m scores
 * @throws {CoreError} non_finite; dimension_mismatch; invalid_argument (negative_weight,
 *   weights_not_normalised, non_positive_after_shift: params row, col, value = r + shift)
 * @example
 * geometricAggregate(fromRows([[0.99, 0.24]]), [0.5, 0.5], { shift: 0.01 }); // => [50]
 * @see OECD/JRC (2008) Handbook, §1.7 (geometric aggregation); spec §12.3 step 4.
 * Complexity O(m·n).
 */
export function geometricAggregate(
  R: Matrix,
  weights: ArrayLike<number>,
  options: GeometricAggregateOptions = {},
): Float64Array {
  const fn = "geometricAggregate";
  checkFiniteMatrix(R, "R", fn);
  checkWeightVector(weights, R.cols, fn);
  checkWeightsSum(weights, fn);
  const scale = options.scale ?? 100;
  const shift = options.shift ?? 0.01;
  if (!Number.isFinite(shift))
    throw new CoreError("invalid_argument", { function: fn, option: "shift", received: shift });
  const { rows: m, cols: n, data } = R;
  const out = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) {
      const v = (data[i * n + j] as number) + shift;
      if (!(v > 0)) {
        throw new CoreError("invalid_argument", {
          function: fn,
          argument: "R",
          reason: "non_positive_after_shift",
          row: i,
          col: j,
          value: v,
        });
      }
      s += (weights[j] as number) * Math.log(v);
    }
    out[i] = scale * Math.exp(s);
  }
  return out;
}

export interface TopsisOptions {
  /** +1/−1 per criterion @default all +1 */
  readonly directions?: ArrayLike<number>;
  /**
   * `"vector"` (Hwang & Yoon 1981; spec §12.3 step 6): x_ij/√Σ_i x_ij². `"minmax"`: (x − min)/(max −
   * min) with cost criteria reversed (then every criterion is a benefit), as pymcdm's default.
   * @default "vector"
   */
  readonly normalisation?: "vector" | "minmax";
}

export interface TopsisResult {
  /** C_i = D⁻_i / (D⁺_i + D⁻_i) in [0, 1] (0.5 when D⁺ = D⁻ = 0) */
  readonly closeness: Float64Array;
  /** competition ranks of the closeness (1 = closest to the ideal) */
  readonly ranks: Int32Array;
  /** Euclidean distance to the ideal solution */
  readonly distanceToIdeal: Float64Array;
  /** Euclidean distance to the anti-ideal solution */
  readonly distanceToAntiIdeal: Float64Array;
  /** the weighted normalised ideal (best per criterion) */
  readonly ideal: Float64Array;
  /** the weighted normalised anti-ideal (worst per criterion) */
  readonly antiIdeal: Float64Array;
}

/**
 * TOPSIS (逼近理想解排序法, Hwang & Yoon 1981): normalise each criterion (vector norm by default),
 * weight, take the ideal A⁺ (max of benefit, min of cost criteria) and anti-ideal A⁻, the Euclidean
 * distances D⁺_i, D⁻_i, and the relative closeness C_i = D⁻_i/(D⁺_i + D⁻_i).
 *
 * Edge cases: a criterion whose column is all zero (vector) or constant (minmax) contributes 0 to
 * every distance; if every alternative is identical, D⁺ = D⁻ = 0 and C = 0.5 for all.
 *
 * @param X - m×n decision matrix (alternatives × criteria), finite
 * @param weights - n weights, ≥ 0, Σ = 1 within 1e-9
 * @param options - {@link TopsisOptions}
 * @returns `{closeness, ranks, distanceToIdeal, distanceToAntiIdeal, ideal, antiIdeal}`
 * @throws {CoreError} non_finite; dimension_mismatch; invalid_argument (negative_weight,
 *   weights_not_normalised, invalid_direction, unknown normalisation)
 * @example
 * // Hwang & Yoon (1981) fighter-aircraft example, criterion 4 (maintenance cost) a cost
 * topsis(fromRows([[2.0, 1500, 20000, 5.5, 5, 9], [2.5, 2700, 18000, 6.5, 3, 5],
 *   [1.8, 2000, 21000, 4.5, 7, 7], [2.2, 1800, 20000, 5.0, 5, 5]]), [0.2, 0.1, 0.1, 0.1, 0.2, 0.3],
 *   { directions: [1, 1, 1, -1, 1, 1] }).closeness; // => [0.643, 0.268, 0.614, 0.312]
 * @see Hwang, C.-L. & Yoon, K. (1981), Multiple Attribute Decision Making, Springer LNEMS 186,
 *   §2.3.7 (TOPSIS), pp. 128–134; spec §12.3 step 6; pymcdm `methods.TOPSIS`.
 * Complexity O(m·n).
 */
export function topsis(X: Matrix, weights: ArrayLike<number>, options: TopsisOptions = {}): TopsisResult {
  const fn = "topsis";
  checkFiniteMatrix(X, "X", fn);
  const { rows: m, cols: n, data } = X;
  checkWeightVector(weights, n, fn);
  checkWeightsSum(weights, fn);
  const dirs = resolveDirections(options.directions, n, fn);
  const method = options.normalisation ?? "vector";
  if (method !== "vector" && method !== "minmax") {
    throw new CoreError("invalid_argument", { function: fn, option: "normalisation", received: String(method) });
  }
  const V = new Float64Array(m * n);
  const ideal = new Float64Array(n);
  const antiIdeal = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const w = weights[j] as number;
    let benefit = dirs[j] === 1;
    if (method === "vector") {
      let ss = 0;
      for (let i = 0; i < m; i++) ss += (data[i * n + j] as number) ** 2;
      const norm = Math.sqrt(ss);
      for (let i = 0; i < m; i++) V[i * n + j] = norm > 0 ? (w * (data[i * n + j] as number)) / norm : 0;
    } else {
      let lo = Number.POSITIVE_INFINITY;
      let hi = Number.NEGATIVE_INFINITY;
      for (let i = 0; i < m; i++) {
        const v = data[i * n + j] as number;
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
      const range = hi - lo;
      for (let i = 0; i < m; i++) {
        const v = data[i * n + j] as number;
        const r = range > 0 ? (benefit ? (v - lo) / range : (hi - v) / range) : 0;
        V[i * n + j] = w * r;
      }
      benefit = true; // reversed already
    }
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < m; i++) {
      const v = V[i * n + j] as number;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    ideal[j] = benefit ? hi : lo;
    antiIdeal[j] = benefit ? lo : hi;
  }
  const dPlus = new Float64Array(m);
  const dMinus = new Float64Array(m);
  const closeness = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    let sp = 0;
    let sm = 0;
    for (let j = 0; j < n; j++) {
      const v = V[i * n + j] as number;
      sp += (v - (ideal[j] as number)) ** 2;
      sm += (v - (antiIdeal[j] as number)) ** 2;
    }
    const a = Math.sqrt(sp);
    const b = Math.sqrt(sm);
    dPlus[i] = a;
    dMinus[i] = b;
    closeness[i] = a + b > 0 ? b / (a + b) : 0.5;
  }
  return {
    closeness,
    ranks: competitionRanks(closeness),
    distanceToIdeal: dPlus,
    distanceToAntiIdeal: dMinus,
    ideal,
    antiIdeal,
  };
}
