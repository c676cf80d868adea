/**
 * Aggregation by a concordance matrix P (部门合并/对照矩阵): P·Z·Pᵀ, P·M and P·v, with P a k×n
 * aggregation matrix — 0/1 for a plain grouping (each source sector in exactly one target), or weighted
 * for a concordance that splits a source code across several targets (weights of a source usually sum
 * to 1). One implementation shared by the IO-table crosswalks (`src/data/io-tables/crosswalk.ts`) and the
 * sector groups (`core/io-analysis/group.ts`).
 *
 * P is taken as a dense `Matrix` (the form results report) and scanned once for its nonzeros, so the
 * cost is that of the sparse product: O(n² · s²) for P·Z·Pᵀ with s nonzeros per column of P (s = 1
 * for a grouping). Sums are Neumaier-compensated (`neumaierAdd`), accumulated in source order (row i,
 * then column j), so a 0/1 grouping gives bit-for-bit the compensated sums of the grouped cells.
 *
 * @see Miller & Blair (2009), §4.3 (aggregation matrix S, Z* = S Z S′, x* = S x); pymrio
 *   `build_agg_matrix` / `aggregate`; Neumaier (1974) for the compensated sums.
 */
import { CoreError } from "../errors.js";
import { neumaierAdd, neumaierFinish } from "../stats/summation.js";
import { type Matrix, matrix } from "./matrix.js";

/** Nonzeros of P by source column: for source j, targets[start[j]..start[j+1]) with their weights. */
interface SparseColumns {
  readonly start: Int32Array;
  readonly targets: Int32Array;
  readonly weights: Float64Array;
}

function columnsOf(P: Matrix, fn: string): SparseColumns {
  const { rows: k, cols: n, data } = P;
  const start = new Int32Array(n + 1);
  let nnz = 0;
  for (let k0 = 0; k0 < data.length; k0++) {
    const w = data[k0] as number;
    if (!Number.isFinite(w)) {
      throw new CoreError("non_finite", { function: fn, argument: "P", row: Math.floor(k0 / n), col: k0 % n });
    }
    if (w !== 0) {
      nnz++;
      start[(k0 % n) + 1] = (start[(k0 % n) + 1] as number) + 1;
    }
  }
  for (let j = 0; j < n; j++) start[j + 1] = (start[j + 1] as number) + (start[j] as number);
  const targets = new Int32Array(nnz);
  const weights = new Float64Array(nnz);
  const fill = Int32Array.from(start.subarray(0, n));
  for (let a = 0; a < k; a++) {
    for (let j = 0; j < n; j++) {
      const w = data[a * n + j] as number;
      if (w === 0) continue;
      const at = fill[j] as number;
      targets[at] = a;
      weights[at] = w;
      fill[j] = at + 1;
    }
  }
  return { start, targets, weights };
}

/**
 * The 0/1 aggregation matrix of a grouping (分组合并矩阵): P (k×n) with P[groupOf[j], j] = 1.
 *
 * @param groupOf - target index of each of the n source sectors (integers in [0, k))
 * @param k - number of targets
 * @returns P (k×n), each column a unit vector
 * @throws {CoreError} invalid_argument (k not an integer ≥ 0, or a group index outside [0, k); params
 *   index, received)
 * @example
 * toRows(aggregationMatrix([0, 0, 1], 2)); // => [[1, 1, 0], [0, 0, 1]]
 * @see Miller & Blair (2009), §4.3; pymrio `build_agg_matrix`.
 * Complexity O(kn).
 */
export function aggregationMatrix(groupOf: ArrayLike<number>, k: number): Matrix {
  const fn = "aggregationMatrix";
  if (!Number.isInteger(k) || k < 0)
    throw new CoreError("invalid_argument", { function: fn, argument: "k", received: k });
  const n = groupOf.length;
  const P = matrix(k, n);
  for (let j = 0; j < n; j++) {
    const a = groupOf[j] as number;
    if (!Number.isInteger(a) || a < 0 || a >= k) {
      throw new CoreError("invalid_argument", { function: fn, argument: "groupOf", index: j, received: a });
    }
    P.data[a * n + j] = 1;
  }
  return P;
}

/**
 * Square aggregation (方阵合并) Z* = P·Z·Pᵀ: z*_ab = Σ_i Σ_j p_ai·z_ij·p_bj, e.g. intermediate flows
 * of n sectors merged into k.
 *
 * Modelling choices: P may be weighted (products p_ai·z_ij·p_bj rounded once each, then summed with
 * Neumaier compensation); zeros of P are skipped. Z's entries are not checked for finiteness (NaN
 * propagates into the affected cells) — callers validate their tables.
 *
 * @param P - k×n aggregation matrix (finite)
 * @param Z - n×n matrix
 * @returns Z* (k×k)
 * @throws {CoreError} dimension_mismatch (Z not n×n); non_finite (P)
 * @example
 * aggregateSquare(aggregationMatrix([0, 0, 1], 2), fromRows([[1, 2, 3], [4, 5, 6], [7, 8, 9]])).data;
 * // => [12, 9, 15, 9]
 * @see Miller & Blair (2009), §4.3, Z* = S Z S′.
 * Complexity O(n²s²), s = nonzeros per column of P.
 */
export function aggregateSquare(P: Matrix, Z: Matrix): Matrix {
  const fn = "aggregateSquare";
  const n = P.cols;
  const k = P.rows;
  if (Z.rows !== n || Z.cols !== n) {
    throw new CoreError("dimension_mismatch", {
      function: fn,
      argument: "Z",
      expected: [n, n],
      received: [Z.rows, Z.cols],
    });
  }
  const { start, targets, weights } = columnsOf(P, fn);
  const s = new Float64Array(k * k);
  const c = new Float64Array(k * k);
  for (let i = 0; i < n; i++) {
    const i0 = start[i] as number;
    const i1 = start[i + 1] as number;
    for (let j = 0; j < n; j++) {
      const z = Z.data[i * n + j] as number;
      const j0 = start[j] as number;
      const j1 = start[j + 1] as number;
      for (let p = i0; p < i1; p++) {
        const a = targets[p] as number;
        const wa = weights[p] as number;
        for (let q = j0; q < j1; q++) {
          const w = wa * (weights[q] as number); // 1·z = z exactly: a grouping adds the cells themselves
          neumaierAdd(s, c, a * k + (targets[q] as number), w * z);
        }
      }
    }
  }
  return matrix(k, k, neumaierFinish(s, c));
}

/**
 * Row aggregation (行合并) M* = P·M: m*_al = Σ_i p_ai·m_il, e.g. final demand (n×m categories) or
 * a matrix of value-added rows transposed.
 *
 * @param P - k×n aggregation matrix (finite)
 * @param M - n×m matrix
 * @returns M* (k×m)
 * @throws {CoreError} dimension_mismatch (M.rows ≠ n); non_finite (P)
 * @example
 * aggregateRows(aggregationMatrix([0, 0, 1], 2), fromRows([[1, 2], [3, 4], [5, 6]])).data; // => [4, 6, 5, 6]
 * @see Miller & Blair (2009), §4.3, Y* = S Y.
 * Complexity O(nms).
 */
export function aggregateRows(P: Matrix, M: Matrix): Matrix {
  const fn = "aggregateRows";
  const n = P.cols;
  const k = P.rows;
  if (M.rows !== n)
    throw new CoreError("dimension_mismatch", { function: fn, argument: "M", expected: n, received: M.rows });
  const m = M.cols;
  const { start, targets, weights } = columnsOf(P, fn);
  const s = new Float64Array(k * m);
  const c = new Float64Array(k * m);
  for (let i = 0; i < n; i++) {
    for (let p = start[i] as number; p < (start[i + 1] as number); p++) {
      const a = targets[p] as number;
      const w = weights[p] as number;
      for (let l = 0; l < m; l++) {
        const v = M.data[i * m + l] as number;
        neumaierAdd(s, c, a * m + l, w * v);
      }
    }
  }
  return matrix(k, m, neumaierFinish(s, c));
}

/**
 * Vector aggregation (向量合并) v* = P·v: v*_a = Σ_i p_ai·v_i, e.g. gross output, imports, or one
 * value-added row (V·Pᵀ for a row vector is P·v).
 *
 * @param P - k×n aggregation matrix (finite)
 * @param v - length-n vector
 * @returns v* (length k)
 * @throws {CoreError} dimension_mismatch (v.length ≠ n); non_finite (P)
 * @example
 * aggregateVector(aggregationMatrix([0, 0, 1], 2), [1, 2, 3]); // => Float64Array [3, 3]
 * @see Miller & Blair (2009), §4.3, x* = S x.
 * Complexity O(ns).
 */
export function aggregateVector(P: Matrix, v: ArrayLike<number>): Float64Array {
  const fn = "aggregateVector";
  const n = P.cols;
  if (v.length !== n)
    throw new CoreError("dimension_mismatch", { function: fn, argument: "v", expected: n, received: v.length });
  const { start, targets, weights } = columnsOf(P, fn);
  const s = new Float64Array(P.rows);
  const c = new Float64Array(P.rows);
  for (let i = 0; i < n; i++) {
    const x = v[i] as number;
    for (let p = start[i] as number; p < (start[i + 1] as number); p++) {
      neumaierAdd(s, c, targets[p] as number, (weights[p] as number) * x);
    }
  }
  return neumaierFinish(s, c);
}
