/**
 * Householder QR decomposition with optional column pivoting (QR 分解), and linear least squares.
 *
 * A·P = Q·R with Q (m×m) orthogonal, R (m×n) upper triangular and P a column permutation. Q is kept
 * in factored form as the product H_0·H_1·…·H_{p−1} of p = min(m, n) Householder reflectors
 * H_k = I − τ_k v_k v_kᵀ (v_k[k] = 1, v_k[i] = 0 for i < k), stored below the diagonal as LAPACK
 * dgeqrf/dgeqp3 do; R is on and above the diagonal. The reflector follows LAPACK dlarfg:
 * β = −sign(α)·‖x‖₂, so R's diagonal has the sign numpy/scipy report.
 *
 * Column pivoting is Businger–Golub (LAPACK dlaqp2): at step k the remaining column of largest
 * partial 2-norm is moved to position k; partial norms are down-dated and recomputed when
 * cancellation makes the down-date unreliable (Drmač & Bujanović 2008 criterion, as in LAPACK 3.x).
 * Then |r_00| ≥ |r_11| ≥ … and the numerical rank is the number of leading |r_kk| above a tolerance.
 *
 * Sums: the Householder inner products and the column norms are Neumaier-compensated
 * (`stats/summation.ts`) — the decomposition is meant for regression-sized problems (m up to ~10⁵,
 * n up to ~10²), where the extra flops are cheap and the accuracy helps on ill-conditioned designs.
 *
 * @see Golub & Van Loan (2013), Matrix Computations, 4th ed., Alg. 5.2.1 (Householder QR), Alg. 5.4.1
 *   (QR with column pivoting), §5.3 (least squares) and §5.5 (rank-deficient least squares).
 * @see Businger, P. & Golub, G. H. (1965), "Linear least squares solutions by Householder
 *   transformations", Numer. Math. 7, 269–276; Anderson et al. (1999), LAPACK Users' Guide,
 *   dgeqrf/dgeqp3/dlarfg/dlaqp2; Drmač, Z. & Bujanović, Z. (2008), "On the failure of rank-revealing
 *   QR factorization software — a case study", ACM TOMS 35(2), 12.
 * @see Higham, N. J. (2002), Accuracy and Stability of Numerical Algorithms, 2nd ed., Thm 19.4
 *   (backward stability of Householder QR) and §20.2 (least-squares perturbation bound).
 */
import { CoreError } from "../errors.js";
import { neumaierDotStrided, neumaierSum } from "../stats/summation.js";
import { type Matrix, matrix } from "./matrix.js";

export interface QrOptions {
  /**
   * Businger–Golub column pivoting (rank-revealing); without it `rank` is only a diagnostic and
   * {@link qrSolve} needs full column rank
   * @default true
   */
  readonly pivoting?: boolean;
  /**
   * relative rank tolerance: the rank is the number of leading |r_kk| > rankTolerance·|r_00|
   * @default max(m, n)·ε (ε = 2⁻⁵², the numpy `matrix_rank` convention)
   */
  readonly rankTolerance?: number;
}

export interface QrResult {
  /**
   * the compact factors, stored transposed (n×m; row j is column j of the m×n LAPACK-style compact
   * form): R on and above the diagonal of that form (columns in pivoted order), the Householder vectors
   * v_k below it (v_k[k] = 1 implied). Column storage keeps every reflector operation contiguous in
   * memory; use {@link qrR} and {@link qrQ} for the factors themselves.
   */
  readonly qrTransposed: Matrix;
  /** the p = min(m, n) Householder scalars τ_k (τ_k = 0 means H_k = I) */
  readonly tau: Float64Array;
  /** column permutation: column j of A·P is column permutation[j] of A (identity without pivoting) */
  readonly permutation: Int32Array;
  /** numerical rank: number of leading |r_kk| > rankTolerance·|r_00| (0 for A = 0) */
  readonly rank: number;
  /** the relative rank tolerance used */
  readonly rankTolerance: number;
  /** whether column pivoting was used */
  readonly pivoted: boolean;
}

/** LAPACK dlamch('S')/dlamch('E') = 2^-1022 / 2^-53: below it dlarfg rescales (a power of 2, so exact). */
const SAFE_MIN = 2 ** -969;
const INV_SAFE_MIN = 2 ** 969;

/** 2-norm of a strided slice, scaled by its largest magnitude (no overflow or underflow). */
function norm2Strided(a: Float64Array, offset: number, stride: number, count: number): number {
  let scale = 0;
  for (let k = 0, i = offset; k < count; k++, i += stride) scale = Math.max(scale, Math.abs(a[i] as number));
  if (scale === 0) return 0;
  // Neumaier sum of (a_i/scale)², inline (the same operations in the same order as neumaierSum of
  // the squares, without an m-long temporary)
  let s = 0;
  let c = 0;
  for (let k = 0, i = offset; k < count; k++, i += stride) {
    const v = (a[i] as number) / scale;
    const sq = v * v;
    const t = s + sq;
    c += Math.abs(s) >= sq ? s - t + sq : sq - t + s;
    s = t;
  }
  return scale * Math.sqrt(s + c);
}

/**
 * QR decomposition (QR 分解) A·P = Q·R of an m×n matrix by Householder reflections, with
 * Businger–Golub column pivoting by default.
 *
 * Modelling choices: any shape (m < n too); zero columns give τ = 0 (H = I). The rank is the number
 * of leading diagonal entries with |r_kk| > tol·|r_00| (with pivoting these are non-increasing, so
 * this is the usual rank-revealing QR rank; without pivoting it counts every |r_kk| above
 * tol·max|r_kk| and is only a hint). Tiny columns (|β| < 2⁻⁹⁶⁹) are rescaled exactly as in LAPACK
 * dlarfg before the reflector is formed.
 *
 * @param A - m×n matrix (finite)
 * @param options - {@link QrOptions}
 * @returns `{qr, tau, permutation, rank, rankTolerance, pivoted}` — pass to {@link qrSolve},
 *   {@link qrQ}, {@link qrR}
 * @throws {CoreError} non_finite (NaN/±Infinity in A; params row, col); invalid_argument
 *   (rankTolerance < 0 or not finite)
 * @example
 * const f = qrDecompose(fromRows([[3, 0], [4, 5]]), { pivoting: false });
 * toRows(qrR(f)); // ≈ [[-5, -4], [0, 3]]
 * @see Golub & Van Loan (2013), Alg. 5.2.1 and 5.4.1; LAPACK dgeqp3 (scipy.linalg.qr(pivoting=True)).
 * Complexity O(2mn² − 2n³/3) flops (×~4 for the compensated inner products).
 */
export function qrDecompose(A: Matrix, options: QrOptions = {}): QrResult {
  const fn = "qrDecompose";
  const m = A.rows;
  const n = A.cols;
  const pivoting = options.pivoting ?? true;
  const relTol = options.rankTolerance ?? Math.max(m, n) * Number.EPSILON;
  if (!(relTol >= 0) || !Number.isFinite(relTol)) {
    throw new CoreError("invalid_argument", { function: fn, option: "rankTolerance", received: relTol });
  }
  // column-major working copy: a[j·m + i] = A[i, j] (column j contiguous)
  const a = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      const x = A.data[i * n + j] as number;
      if (!Number.isFinite(x)) throw new CoreError("non_finite", { function: fn, argument: "A", row: i, col: j });
      a[j * m + i] = x;
    }
  }
  return householderQr(a, m, n, pivoting, relTol);
}

/**
 * QR decomposition (QR 分解) of an m×n matrix given column-major, factored in place — the same
 * algorithm, options and result as {@link qrDecompose} without its column-major working copy: for
 * callers that build the matrix column by column anyway (`ols`'s design), so an m×n matrix is
 * stored once. `a` becomes the result's `qrTransposed.data` (the caller must not reuse it).
 *
 * @param a - the matrix, column-major: a[j·m + i] = A[i, j] (finite; overwritten by the factors)
 * @param m - number of rows
 * @param n - number of columns
 * @param options - {@link QrOptions}
 * @returns as {@link qrDecompose}
 * @throws {CoreError} dimension_mismatch (a.length ≠ m·n); non_finite (NaN/±Infinity in a; params
 *   row, col, found column by column); invalid_argument (rankTolerance < 0 or not finite)
 * @example
 * const f = qrDecomposeColumnMajor(new Float64Array([3, 4, 0, 5]), 2, 2, { pivoting: false });
 * toRows(qrR(f)); // ≈ [[-5, -4], [0, 3]]
 * @see {@link qrDecompose}
 * Complexity as {@link qrDecompose}.
 */
export function qrDecomposeColumnMajor(a: Float64Array, m: number, n: number, options: QrOptions = {}): QrResult {
  const fn = "qrDecomposeColumnMajor";
  if (a.length !== m * n)
    throw new CoreError("dimension_mismatch", { function: fn, argument: "a", expected: m * n, received: a.length });
  const pivoting = options.pivoting ?? true;
  const relTol = options.rankTolerance ?? Math.max(m, n) * Number.EPSILON;
  if (!(relTol >= 0) || !Number.isFinite(relTol)) {
    throw new CoreError("invalid_argument", { function: fn, option: "rankTolerance", received: relTol });
  }
  for (let j = 0, x = 0; j < n; j++) {
    for (let i = 0; i < m; i++, x++) {
      if (!Number.isFinite(a[x] as number))
        throw new CoreError("non_finite", { function: fn, argument: "a", row: i, col: j });
    }
  }
  return householderQr(a, m, n, pivoting, relTol);
}

/** Pivoted Householder QR of the column-major m×n matrix a, in place (see {@link qrDecompose}). */
function householderQr(a: Float64Array, m: number, n: number, pivoting: boolean, relTol: number): QrResult {
  const p = Math.min(m, n);
  const tau = new Float64Array(p);
  const perm = new Int32Array(n);
  for (let j = 0; j < n; j++) perm[j] = j;
  // partial column norms (vn1) and the norms at their last recomputation (vn2), LAPACK dlaqp2
  const vn1 = new Float64Array(n);
  const vn2 = new Float64Array(n);
  if (pivoting) {
    for (let j = 0; j < n; j++) {
      vn1[j] = norm2Strided(a, j * m, 1, m);
      vn2[j] = vn1[j] as number;
    }
  }
  const tol3z = Math.sqrt(Number.EPSILON);
  for (let k = 0; k < p; k++) {
    const ck = k * m; // start of column k
    if (pivoting) {
      let pvt = k;
      for (let j = k + 1; j < n; j++) if ((vn1[j] as number) > (vn1[pvt] as number)) pvt = j;
      if (pvt !== k) {
        const cp = pvt * m;
        for (let i = 0; i < m; i++) {
          const t = a[cp + i] as number;
          a[cp + i] = a[ck + i] as number;
          a[ck + i] = t;
        }
        const tp = perm[pvt] as number;
        perm[pvt] = perm[k] as number;
        perm[k] = tp;
        vn1[pvt] = vn1[k] as number;
        vn2[pvt] = vn2[k] as number;
      }
    }
    // Householder reflector for a[k..m−1, k] (dlarfg)
    let alpha = a[ck + k] as number;
    let xnorm = norm2Strided(a, ck + k + 1, 1, m - k - 1);
    let t = 0;
    if (xnorm !== 0) {
      let beta = -(alpha >= 0 ? 1 : -1) * Math.hypot(alpha, xnorm);
      // dlarfg: if β is tiny, rescale the column by 2^969 (exact) so v and τ are computed to full
      // precision, then scale β back
      let knt = 0;
      if (Math.abs(beta) < SAFE_MIN) {
        do {
          knt++;
          for (let i = k + 1; i < m; i++) a[ck + i] = (a[ck + i] as number) * INV_SAFE_MIN;
          beta *= INV_SAFE_MIN;
          alpha *= INV_SAFE_MIN;
        } while (Math.abs(beta) < SAFE_MIN && knt < 20);
        xnorm = norm2Strided(a, ck + k + 1, 1, m - k - 1);
        beta = -(alpha >= 0 ? 1 : -1) * Math.hypot(alpha, xnorm);
      }
      t = (beta - alpha) / beta;
      const scal = 1 / (alpha - beta);
      for (let i = k + 1; i < m; i++) a[ck + i] = (a[ck + i] as number) * scal;
      for (let j = 0; j < knt; j++) beta *= SAFE_MIN;
      a[ck + k] = beta;
    }
    tau[k] = t;
    if (t !== 0) {
      // apply H_k = I − τ v vᵀ to columns k+1..n−1, rows k..m−1; v = [1, a[ck+k+1 .. ck+m−1]]
      for (let j = k + 1; j < n; j++) {
        const cj = j * m;
        const w = t * ((a[cj + k] as number) + neumaierDotStrided(a, ck + k + 1, 1, a, cj + k + 1, 1, m - k - 1));
        if (w === 0) continue;
        a[cj + k] = (a[cj + k] as number) - w;
        for (let i = k + 1; i < m; i++) a[cj + i] = (a[cj + i] as number) - w * (a[ck + i] as number);
      }
    }
    if (pivoting) {
      for (let j = k + 1; j < n; j++) {
        const nj = vn1[j] as number;
        if (nj === 0) continue;
        const r = Math.abs(a[j * m + k] as number) / nj;
        const temp = Math.max(0, 1 - r * r);
        const ratio = nj / (vn2[j] as number);
        if (temp * ratio * ratio <= tol3z) {
          const fresh = norm2Strided(a, j * m + k + 1, 1, m - k - 1);
          vn1[j] = fresh;
          vn2[j] = fresh;
        } else {
          vn1[j] = nj * Math.sqrt(temp);
        }
      }
    }
  }
  let rank = 0;
  if (p > 0) {
    if (pivoting) {
      const threshold = relTol * Math.abs(a[0] as number);
      while (rank < p && Math.abs(a[rank * m + rank] as number) > threshold) rank++;
    } else {
      let maxDiag = 0;
      for (let k = 0; k < p; k++) maxDiag = Math.max(maxDiag, Math.abs(a[k * m + k] as number));
      for (let k = 0; k < p; k++) if (Math.abs(a[k * m + k] as number) > relTol * maxDiag) rank++;
    }
  }
  return { qrTransposed: matrix(n, m, a), tau, permutation: perm, rank, rankTolerance: relTol, pivoted: pivoting };
}

/** Overwrites y (length m) with Qᵀ·y = H_{p−1}…H_1·H_0·y. */
function applyQt(f: QrResult, y: Float64Array): void {
  const { cols: m, data: a } = f.qrTransposed;
  const p = f.tau.length;
  for (let k = 0; k < p; k++) {
    const t = f.tau[k] as number;
    if (t === 0) continue;
    // w = τ·vᵀy with v = [1, a[k·m+k+1 .. k·m+m−1]]
    const ck = k * m;
    const w = t * ((y[k] as number) + neumaierDotStrided(a, ck + k + 1, 1, y, k + 1, 1, m - k - 1));
    y[k] = (y[k] as number) - w;
    for (let i = k + 1; i < m; i++) y[i] = (y[i] as number) - w * (a[ck + i] as number);
  }
}

/**
 * The thin orthogonal factor Q (m×p, p = min(m, n), orthonormal columns) of a QR decomposition
 * (正交因子), formed explicitly by applying the reflectors to the first p columns of I.
 *
 * @param f - from {@link qrDecompose}
 * @returns Q as an m×p matrix with QᵀQ = I and A·P = Q·R (R from {@link qrR})
 * @example
 * toRows(qrQ(qrDecompose(fromRows([[3, 0], [4, 5]]), { pivoting: false }))); // ≈ [[-0.6, -0.8], [-0.8, 0.6]]
 * @see LAPACK dorgqr; Golub & Van Loan (2013), §5.1.6 (backward accumulation).
 * Complexity O(mp²).
 */
export function qrQ(f: QrResult): Matrix {
  const { cols: m, data: a } = f.qrTransposed;
  const p = f.tau.length;
  // build Qᵀ (p×m, row j = column j of Q, contiguous), then transpose
  const qt = new Float64Array(p * m);
  for (let j = 0; j < p; j++) qt[j * m + j] = 1;
  // backward accumulation: Q = H_0 (H_1 (… (H_{p−1} I)))
  for (let k = p - 1; k >= 0; k--) {
    const t = f.tau[k] as number;
    if (t === 0) continue;
    const ck = k * m;
    for (let j = k; j < p; j++) {
      const cj = j * m;
      const w = t * ((qt[cj + k] as number) + neumaierDotStrided(a, ck + k + 1, 1, qt, cj + k + 1, 1, m - k - 1));
      if (w === 0) continue;
      qt[cj + k] = (qt[cj + k] as number) - w;
      for (let i = k + 1; i < m; i++) qt[cj + i] = (qt[cj + i] as number) - w * (a[ck + i] as number);
    }
  }
  const q = new Float64Array(m * p);
  for (let j = 0; j < p; j++) for (let i = 0; i < m; i++) q[i * p + j] = qt[j * m + i] as number;
  return matrix(m, p, q);
}

/**
 * The upper-triangular factor R (p×n, p = min(m, n); columns in pivoted order) of a QR decomposition
 * (上三角因子).
 *
 * @param f - from {@link qrDecompose}
 * @returns R with A·P = Q·R (Q from {@link qrQ}; column j of A·P is column `f.permutation[j]` of A)
 * @example
 * toRows(qrR(qrDecompose(fromRows([[3, 0], [4, 5]]), { pivoting: false }))); // ≈ [[-5, -4], [0, 3]]
 * @see {@link qrDecompose}
 * Complexity O(pn).
 */
export function qrR(f: QrResult): Matrix {
  const { rows: n, cols: m, data: a } = f.qrTransposed;
  const p = f.tau.length;
  const r = new Float64Array(p * n);
  for (let i = 0; i < p; i++) for (let j = i; j < n; j++) r[i * n + j] = a[j * m + i] as number;
  return matrix(p, n, r);
}

export interface QrSolveResult {
  /** the least-squares solution x (length n, original column order); basic solution if rank < n */
  readonly x: Float64Array;
  /** the numerical rank used (columns beyond it got x = 0) */
  readonly rank: number;
  /** ‖b − A·x‖₂² = Σ_{i ≥ rank} (Qᵀb)_i² (Neumaier-compensated) */
  readonly residualSumOfSquares: number;
}

/**
 * Linear least squares by QR (最小二乘解): x minimising ‖b − A·x‖₂, from y = Qᵀb and the triangular
 * system R₁₁·z = y[0..r−1], x_{P[j]} = z_j for j < r and 0 otherwise (r = numerical rank).
 *
 * Modelling choices: for full column rank (r = n ≤ m) this is the unique solution; for a
 * rank-deficient A with pivoting it is the *basic* solution (the columns judged dependent get 0,
 * Golub & Van Loan §5.5.5), not the minimum-norm solution of SVD-based `lstsq` — the residual is
 * the same. Without pivoting a rank-deficient A is refused (`singular_matrix`), since R₁₁ is then
 * not the leading block of a rank-revealing factorisation.
 *
 * @param f - from {@link qrDecompose}
 * @param b - right-hand side (length m, finite)
 * @returns `{x, rank, residualSumOfSquares}`
 * @throws {CoreError} dimension_mismatch (b.length ≠ m); non_finite (b); singular_matrix (rank < n
 *   without pivoting; params rank, cols)
 * @example
 * qrSolve(qrDecompose(fromRows([[1, 0], [1, 1], [1, 2]])), [1, 2, 4]).x; // ≈ [0.833333, 1.5]
 * @see Golub & Van Loan (2013), Alg. 5.3.2 and §5.5.5; NIST StRD Longley (test: certified values).
 * Complexity O(mn) given the factors.
 */
export function qrSolve(f: QrResult, b: ArrayLike<number>): QrSolveResult {
  const fn = "qrSolve";
  const { rows: n, cols: m, data: a } = f.qrTransposed;
  if (b.length !== m)
    throw new CoreError("dimension_mismatch", { function: fn, argument: "b", expected: m, received: b.length });
  for (let i = 0; i < m; i++) {
    if (!Number.isFinite(b[i] as number)) throw new CoreError("non_finite", { function: fn, argument: "b", index: i });
  }
  const r = f.rank;
  if (!f.pivoted && r < n) throw new CoreError("singular_matrix", { function: fn, rank: r, cols: n });
  const y = Float64Array.from(b);
  applyQt(f, y);
  // back substitution R₁₁z = y[0..r−1]; r_ij = a[j·m + i]
  const z = new Float64Array(r);
  for (let i = r - 1; i >= 0; i--) {
    const s = neumaierDotStrided(a, (i + 1) * m + i, m, z, i + 1, 1, r - i - 1);
    z[i] = ((y[i] as number) - s) / (a[i * m + i] as number);
  }
  const x = new Float64Array(n);
  for (let j = 0; j < r; j++) x[f.permutation[j] as number] = z[j] as number;
  const tail = new Float64Array(m - r);
  for (let i = r; i < m; i++) tail[i - r] = (y[i] as number) * (y[i] as number);
  return { x, rank: r, residualSumOfSquares: neumaierSum(tail) };
}

/**
 * Linear least squares (线性最小二乘) min ‖b − A·x‖₂ in one call: {@link qrDecompose} with column
 * pivoting, then {@link qrSolve}.
 *
 * @param A - m×n design matrix (finite)
 * @param b - right-hand side (length m)
 * @param options - {@link QrOptions}
 * @returns `{x, rank, residualSumOfSquares}` (see {@link qrSolve})
 * @throws {CoreError} non_finite; dimension_mismatch; invalid_argument; singular_matrix (pivoting off and rank < n)
 * @example
 * leastSquares(fromRows([[1, 0], [1, 1], [1, 2]]), [1, 2, 4]).x; // ≈ [0.833333, 1.5]
 * @see Golub & Van Loan (2013), §5.3–5.5.
 * Complexity O(mn²).
 */
export function leastSquares(A: Matrix, b: ArrayLike<number>, options: QrOptions = {}): QrSolveResult {
  if (b.length !== A.rows) {
    throw new CoreError("dimension_mismatch", {
      function: "leastSquares",
      argument: "b",
      expected: A.rows,
      received: b.length,
    });
  }
  return qrSolve(qrDecompose(A, options), b);
}
