/**
 * Cholesky decomposition A = L·Lᵀ of a symmetric positive definite matrix (楚列斯基分解), and solves
 * with its factor. Row-oriented (Cholesky–Banachiewicz): row j of L needs only rows 0..j of L, and
 * every inner product runs over contiguous row-major memory. Inner products are Neumaier-compensated
 * (`stats/summation.ts`), as for QR: the factorisation is meant for covariance and normal matrices of
 * regression size.
 *
 * @see Golub & Van Loan (2013), Matrix Computations, 4th ed., Alg. 4.2.1 (Cholesky) and Thm 4.2.7;
 *   Higham (2002), Accuracy and Stability of Numerical Algorithms, 2nd ed., Thm 10.3 (backward error
 *   of Cholesky) and Thm 10.7 (success of Cholesky for κ₂(A) < 1/(20n^{3/2}ε)); LAPACK dpotrf/dpotrs.
 */
import { CoreError } from "../errors.js";
import { neumaierDot } from "../stats/summation.js";
import { type Matrix, matrix } from "./matrix.js";

export interface CholeskyOptions {
  /**
   * symmetry check: |a_ij − a_ji| ≤ symmetryTolerance·max|a_kl| for all i, j, else `invalid_argument`
   * (reason "not_symmetric"); the factorisation itself reads the lower triangle only
   * @default 1e-12
   */
  readonly symmetryTolerance?: number;
}

export interface CholeskyResult {
  /** n×n lower-triangular factor with positive diagonal, A = L·Lᵀ (upper triangle zero) */
  readonly L: Matrix;
  /** min_j l_jj */
  readonly minPivot: number;
  /** max_j l_jj ((max/min)² is a lower bound of κ₂(A)) */
  readonly maxPivot: number;
}

/**
 * Cholesky decomposition (楚列斯基分解) A = L·Lᵀ of a symmetric positive definite n×n matrix:
 * l_jj = sqrt(a_jj − Σ_{k<j} l_jk²), l_ij = (a_ij − Σ_{k<j} l_ik·l_jk)/l_jj for i > j.
 *
 * Modelling choices: symmetry is checked to a relative tolerance (a matrix that is not symmetric is
 * a contract violation, not something to symmetrise silently); the lower triangle is used. A pivot
 * d_j ≤ 0 (or NaN) stops the factorisation with `not_positive_definite` — as LAPACK dpotrf's
 * info > 0 — so a semidefinite or indefinite matrix (e.g. a singular covariance) is reported, never
 * regularised. An empty matrix gives an empty factor.
 *
 * @param A - n×n symmetric positive definite matrix (finite)
 * @param options - {@link CholeskyOptions}
 * @returns `{L, minPivot, maxPivot}`
 * @throws {CoreError} not_square; non_finite (params row, col); invalid_argument (reason
 *   "not_symmetric": params row, col, difference; or a bad symmetryTolerance); not_positive_definite
 *   (params index j, pivot d_j)
 * @example
 * toRows(choleskyDecompose(fromRows([[4, 2], [2, 5]])).L); // => [[2, 0], [1, 2]]
 * @see Golub & Van Loan (2013), Alg. 4.2.1; LAPACK dpotrf (numpy.linalg.cholesky).
 * Complexity n³/3 flops (×~4 for the compensated inner products).
 */
export function choleskyDecompose(A: Matrix, options: CholeskyOptions = {}): CholeskyResult {
  const fn = "choleskyDecompose";
  const n = A.rows;
  if (A.cols !== n) throw new CoreError("not_square", { function: fn, argument: "A", rows: A.rows, cols: A.cols });
  const symTol = options.symmetryTolerance ?? 1e-12;
  if (!(symTol >= 0)) {
    throw new CoreError("invalid_argument", { function: fn, option: "symmetryTolerance", received: symTol });
  }
  const a = A.data;
  let scale = 0;
  for (let k = 0; k < a.length; k++) {
    const v = a[k] as number;
    if (!Number.isFinite(v))
      throw new CoreError("non_finite", { function: fn, argument: "A", row: Math.floor(k / n), col: k % n });
    scale = Math.max(scale, Math.abs(v));
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const d = Math.abs((a[i * n + j] as number) - (a[j * n + i] as number));
      if (d > symTol * scale) {
        throw new CoreError("invalid_argument", {
          function: fn,
          argument: "A",
          reason: "not_symmetric",
          row: i,
          col: j,
          difference: d,
        });
      }
    }
  }
  const l = new Float64Array(n * n);
  let minPivot = Number.POSITIVE_INFINITY;
  let maxPivot = 0;
  for (let j = 0; j < n; j++) {
    const rowJ = l.subarray(j * n, j * n + j);
    const d = (a[j * n + j] as number) - neumaierDot(rowJ, rowJ);
    if (!(d > 0)) throw new CoreError("not_positive_definite", { function: fn, argument: "A", index: j, pivot: d });
    const ljj = Math.sqrt(d);
    l[j * n + j] = ljj;
    minPivot = Math.min(minPivot, ljj);
    maxPivot = Math.max(maxPivot, ljj);
    for (let i = j + 1; i < n; i++) {
      const s = neumaierDot(l.subarray(i * n, i * n + j), rowJ);
      l[i * n + j] = ((a[i * n + j] as number) - s) / ljj;
    }
  }
  return { L: matrix(n, n, l), minPivot: n === 0 ? Number.NaN : minPivot, maxPivot: n === 0 ? Number.NaN : maxPivot };
}

/**
 * Solves A·X = B with the Cholesky factor of A (楚列斯基求解): L·Y = B (forward), then Lᵀ·X = Y
 * (backward), column by column of B.
 *
 * @param f - from {@link choleskyDecompose}
 * @param B - n×k right-hand sides (finite)
 * @returns X (n×k)
 * @throws {CoreError} dimension_mismatch (B.rows ≠ n); non_finite (B)
 * @example
 * choleskySolve(choleskyDecompose(fromRows([[4, 2], [2, 5]])), fromRows([[6], [7]])).data; // ≈ [1, 1]
 * @see LAPACK dpotrs (scipy.linalg.cho_solve); Golub & Van Loan (2013), §4.2.
 * Complexity O(n²k).
 */
export function choleskySolve(f: CholeskyResult, B: Matrix): Matrix {
  const fn = "choleskySolve";
  const n = f.L.rows;
  if (B.rows !== n)
    throw new CoreError("dimension_mismatch", { function: fn, argument: "B", expected: n, received: B.rows });
  const k = B.cols;
  const l = f.L.data;
  const out = new Float64Array(n * k);
  const y = new Float64Array(n);
  const colL = new Float64Array(n);
  for (let c = 0; c < k; c++) {
    for (let i = 0; i < n; i++) {
      const b = B.data[i * k + c] as number;
      if (!Number.isFinite(b)) throw new CoreError("non_finite", { function: fn, argument: "B", row: i, col: c });
      y[i] = (b - neumaierDot(l.subarray(i * n, i * n + i), y)) / (l[i * n + i] as number);
    }
    // Lᵀx = y: x_i = (y_i − Σ_{j>i} l_ji x_j)/l_ii; column i of L below the diagonal, copied contiguous
    const x = new Float64Array(n);
    for (let i = n - 1; i >= 0; i--) {
      const len = n - i - 1;
      for (let j = 0; j < len; j++) colL[j] = l[(i + 1 + j) * n + i] as number;
      const s = neumaierDot(colL.subarray(0, len), x.subarray(i + 1));
      x[i] = ((y[i] as number) - s) / (l[i * n + i] as number);
    }
    for (let i = 0; i < n; i++) out[i * k + c] = x[i] as number;
  }
  return matrix(n, k, out);
}
