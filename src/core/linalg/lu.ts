/**
 * LU decomposition with partial pivoting (PA = LU), Doolittle form, stored compactly.
 *
 * This first version is the straightforward right-looking algorithm; it is the verified reference
 * path. Faster blocked kernels must keep this API and agree with it to rounding.
 *
 * @see Golub & Van Loan (2013), Matrix Computations, 4th ed., Alg. 3.4.1.
 */
import { CoreError } from "../errors.js";
import { type Matrix, matrix } from "./matrix.js";

/** Pivot magnitudes below this multiple of max|a_ij| are treated as singular. */
export const DEFAULT_SINGULAR_TOLERANCE = 1e-12;

export interface LuOptions {
  /** relative pivot threshold: |u_kk| < tol·max|a_ij| → singular_matrix @default 1e-12 */
  singularTolerance?: number;
}

export interface LuResult {
  /** n×n compact factors: strictly lower part = L (unit diagonal implied), upper part = U */
  readonly lu: Matrix;
  /** row permutation: row i of PA is row pivots[i] of A */
  readonly pivots: Int32Array;
  /** min |u_kk| over k */
  readonly minPivot: number;
  /** max |u_kk| over k */
  readonly maxPivot: number;
}

/**
 * LU factorisation with partial pivoting of a square matrix.
 * @throws {CoreError} not_square; non_finite; singular_matrix when a pivot is below tolerance.
 * Complexity O(n³).
 */
export function luDecompose(m: Matrix, options: LuOptions = {}): LuResult {
  const n = m.rows;
  if (m.cols !== n) throw new CoreError("not_square", { function: "luDecompose", rows: m.rows, cols: m.cols });
  const a = Float64Array.from(m.data);
  let scale = 0;
  for (let k = 0; k < a.length; k++) {
    const v = a[k] as number;
    if (!Number.isFinite(v)) throw new CoreError("non_finite", { function: "luDecompose", index: k });
    const av = Math.abs(v);
    if (av > scale) scale = av;
  }
  const tol = (options.singularTolerance ?? DEFAULT_SINGULAR_TOLERANCE) * (scale > 0 ? scale : 1);
  const piv = new Int32Array(n);
  for (let i = 0; i < n; i++) piv[i] = i;
  let minPivot = Number.POSITIVE_INFINITY;
  let maxPivot = 0;
  for (let k = 0; k < n; k++) {
    let p = k;
    let best = Math.abs(a[k * n + k] as number);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(a[i * n + k] as number);
      if (v > best) {
        best = v;
        p = i;
      }
    }
    if (!(best >= tol) || best === 0) {
      throw new CoreError("singular_matrix", { function: "luDecompose", step: k, pivot: best, tolerance: tol });
    }
    if (p !== k) {
      for (let j = 0; j < n; j++) {
        const t = a[k * n + j] as number;
        a[k * n + j] = a[p * n + j] as number;
        a[p * n + j] = t;
      }
      const t = piv[k] as number;
      piv[k] = piv[p] as number;
      piv[p] = t;
    }
    const ukk = a[k * n + k] as number;
    minPivot = Math.min(minPivot, Math.abs(ukk));
    maxPivot = Math.max(maxPivot, Math.abs(ukk));
    for (let i = k + 1; i < n; i++) {
      const lik = (a[i * n + k] as number) / ukk;
      a[i * n + k] = lik;
      if (lik === 0) continue;
      const ri = i * n;
      const rk = k * n;
      for (let j = k + 1; j < n; j++) a[ri + j] = (a[ri + j] as number) - lik * (a[rk + j] as number);
    }
  }
  if (n === 0) minPivot = 0;
  return { lu: matrix(n, n, a), pivots: piv, minPivot, maxPivot };
}

/**
 * Solves (PA)X = PB, i.e. A·X = B, for X given A's factors; B is n×k.
 * @throws {CoreError} dimension_mismatch
 * Complexity O(n²k).
 */
export function luSolve(f: LuResult, b: Matrix): Matrix {
  const n = f.lu.rows;
  if (b.rows !== n) throw new CoreError("dimension_mismatch", { function: "luSolve", expected: n, received: b.rows });
  const k = b.cols;
  const lu = f.lu.data;
  const x = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    const src = (f.pivots[i] as number) * k;
    for (let c = 0; c < k; c++) x[i * k + c] = b.data[src + c] as number;
  }
  // forward substitution with unit lower L
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    for (let j = 0; j < i; j++) {
      const lij = lu[ri + j] as number;
      if (lij === 0) continue;
      const rj = j * k;
      const rx = i * k;
      for (let c = 0; c < k; c++) x[rx + c] = (x[rx + c] as number) - lij * (x[rj + c] as number);
    }
  }
  // back substitution with U
  for (let i = n - 1; i >= 0; i--) {
    const ri = i * n;
    const rx = i * k;
    for (let j = i + 1; j < n; j++) {
      const uij = lu[ri + j] as number;
      if (uij === 0) continue;
      const rj = j * k;
      for (let c = 0; c < k; c++) x[rx + c] = (x[rx + c] as number) - uij * (x[rj + c] as number);
    }
    const uii = lu[ri + i] as number;
    for (let c = 0; c < k; c++) x[rx + c] = (x[rx + c] as number) / uii;
  }
  return matrix(n, k, x);
}

/**
 * Solves Aᵀ·y = b for one right-hand side given A's factors (Aᵀ = Uᵀ Lᵀ P).
 * Used for column sums of an inverse: 1ᵀA⁻¹ = yᵀ with Aᵀy = 1.
 */
export function luSolveTransposed(f: LuResult, b: ArrayLike<number>): Float64Array {
  const n = f.lu.rows;
  if (b.length !== n) {
    throw new CoreError("dimension_mismatch", { function: "luSolveTransposed", expected: n, received: b.length });
  }
  const lu = f.lu.data;
  const z = Float64Array.from(b as ArrayLike<number>);
  // Uᵀ z' = b (forward, Uᵀ lower)
  for (let i = 0; i < n; i++) {
    let s = z[i] as number;
    for (let j = 0; j < i; j++) s -= (lu[j * n + i] as number) * (z[j] as number);
    z[i] = s / (lu[i * n + i] as number);
  }
  // Lᵀ w = z' (backward, unit upper)
  for (let i = n - 1; i >= 0; i--) {
    let s = z[i] as number;
    for (let j = i + 1; j < n; j++) s -= (lu[j * n + i] as number) * (z[j] as number);
    z[i] = s;
  }
  // y = Pᵀ w
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) y[f.pivots[i] as number] = z[i] as number;
  return y;
}
