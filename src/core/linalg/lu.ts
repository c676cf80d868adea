/**
 * LU decomposition with partial pivoting (PA = LU), Doolittle form, stored compactly.
 *
 * `luDecompose` is the right-looking *blocked* algorithm (LAPACK dgetrf structure): for each block
 * column of width {@link LU_BLOCK_SIZE} it factorises the tall panel recursively (Toledo 1997: halves
 * of the panel, unblocked below 8 columns, with pivot search, full-row swaps and scaling), solves the
 * unit lower triangular system for the U block row, and updates the trailing matrix with one
 * cache-blocked GEMM (`gemm.ts`). All but O(n²·64) of the 2/3·n³ flops run in the GEMM kernel.
 * Row swaps are applied to whole rows as soon as a pivot is chosen, so the stored L is that of PA.
 *
 * `luDecomposeReference` is the unblocked textbook algorithm kept as the verified reference path:
 * both produce the same pivots on matrices without near-ties and the same factors to rounding
 * (they differ only in the order in which the trailing-update sums are accumulated).
 *
 * @see Golub & Van Loan (2013), Matrix Computations, 4th ed., Alg. 3.4.1 (unblocked) and §3.4.9
 *   (block LU with pivoting); Anderson et al. (1999), LAPACK Users' Guide, dgetrf/dgetrs/dgetri.
 * @see Toledo, S. (1997), "Locality of reference in LU decomposition with partial pivoting",
 *   SIAM J. Matrix Anal. Appl. 18(4), 1065–1081; Gustavson, F. G. (1997), "Recursion leads to
 *   automatic variable blocking for dense linear-algebra algorithms", IBM J. Res. Dev. 41(6), 737–755.
 */
import { CoreError } from "../errors.js";
import { gemmSubtract } from "./gemm.js";
import { type Matrix, matrix } from "./matrix.js";

/** Pivot magnitudes below this multiple of max|a_ij| are treated as singular. */
export const DEFAULT_SINGULAR_TOLERANCE = 1e-12;

/**
 * Block width of the blocked LU and triangular solves. 64 measured best on the benchmark machine
 * among 64/96/128 at n = 1302 (CPU time of the factorisation plus inverse; a 64-column panel of
 * a few thousand rows stays in L2 while the GEMM dominates).
 */
export const LU_BLOCK_SIZE = 64;

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

/** Copies the input, checks finiteness and returns the absolute pivot threshold. */
function prepare(m: Matrix, options: LuOptions, fn: string): { a: Float64Array; tol: number } {
  const n = m.rows;
  if (m.cols !== n) throw new CoreError("not_square", { function: fn, rows: m.rows, cols: m.cols });
  const a = Float64Array.from(m.data);
  let scale = 0;
  for (let k = 0; k < a.length; k++) {
    const v = a[k] as number;
    if (!Number.isFinite(v)) throw new CoreError("non_finite", { function: fn, index: k });
    const av = Math.abs(v);
    if (av > scale) scale = av;
  }
  const rel = options.singularTolerance ?? DEFAULT_SINGULAR_TOLERANCE;
  if (!(rel >= 0))
    throw new CoreError("invalid_argument", { function: fn, option: "singularTolerance", received: rel });
  return { a, tol: rel * (scale > 0 ? scale : 1) };
}

/**
 * Unblocked factorisation of columns [k0, k1) of the n×n row-major array `a`, rows k0..n−1, with
 * partial pivoting. Row swaps are applied to whole rows (so the already-computed L columns to the
 * left and the not-yet-updated columns to the right are permuted too, as LAPACK's dlaswp does).
 * Rank-1 updates touch only columns < `updateEnd`. Returns the running min/max pivot magnitudes.
 */
function factorPanel(
  a: Float64Array,
  n: number,
  k0: number,
  k1: number,
  updateEnd: number,
  piv: Int32Array,
  tol: number,
  pivotRange: { min: number; max: number },
  fn: string,
): void {
  for (let k = k0; k < k1; k++) {
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
      throw new CoreError("singular_matrix", { function: fn, step: k, pivot: best, tolerance: tol });
    }
    if (p !== k) {
      const rk = k * n;
      const rp = p * n;
      for (let j = 0; j < n; j++) {
        const t = a[rk + j] as number;
        a[rk + j] = a[rp + j] as number;
        a[rp + j] = t;
      }
      const t = piv[k] as number;
      piv[k] = piv[p] as number;
      piv[p] = t;
    }
    const rk = k * n;
    const ukk = a[rk + k] as number;
    const au = Math.abs(ukk);
    if (au < pivotRange.min) pivotRange.min = au;
    if (au > pivotRange.max) pivotRange.max = au;
    for (let i = k + 1; i < n; i++) {
      const ri = i * n;
      const lik = (a[ri + k] as number) / ukk;
      a[ri + k] = lik;
      if (lik === 0) continue;
      for (let j = k + 1; j < updateEnd; j++) a[ri + j] = (a[ri + j] as number) - lik * (a[rk + j] as number);
    }
  }
}

/** Panels narrower than this are factorised by the unblocked loop. */
const PANEL_LEAF = 8;

/**
 * Recursive panel factorisation (Toledo 1997; Gustavson 1997): factor the left half of columns
 * [k0, k1), apply it to the right half (triangular solve + GEMM), then factor the right half. This
 * moves most panel flops into the GEMM kernel and keeps the tall panel's memory traffic low.
 */
function factorPanelRecursive(
  a: Float64Array,
  n: number,
  k0: number,
  k1: number,
  piv: Int32Array,
  tol: number,
  range: { min: number; max: number },
  fn: string,
): void {
  if (k1 - k0 <= PANEL_LEAF) {
    factorPanel(a, n, k0, k1, k1, piv, tol, range, fn);
    return;
  }
  const mid = k0 + ((k1 - k0) >> 1);
  factorPanelRecursive(a, n, k0, mid, piv, tol, range, fn);
  lowerSolveBlockRow(a, n, k0, mid, mid, k1);
  gemmSubtract(
    n - mid,
    k1 - mid,
    mid - k0,
    { data: a, offset: mid * n + k0, ld: n },
    { data: a, offset: k0 * n + mid, ld: n },
    { data: a, offset: mid * n + mid, ld: n },
  );
  factorPanelRecursive(a, n, mid, k1, piv, tol, range, fn);
}

/** In place: A[k0:k1, j0:j1] ← L11⁻¹·A[k0:k1, j0:j1] with L11 the unit lower block at (k0, k0). */
function lowerSolveBlockRow(a: Float64Array, n: number, k0: number, k1: number, j0: number, j1: number): void {
  for (let i = k0 + 1; i < k1; i++) {
    const ri = i * n;
    for (let p = k0; p < i; p++) {
      const lip = a[ri + p] as number;
      if (lip === 0) continue;
      const rp = p * n;
      for (let j = j0; j < j1; j++) a[ri + j] = (a[ri + j] as number) - lip * (a[rp + j] as number);
    }
  }
}

/**
 * LU factorisation with partial pivoting of a square matrix (blocked, right-looking).
 * @throws {CoreError} not_square; non_finite; invalid_argument (negative tolerance);
 *   singular_matrix when a pivot is below tolerance.
 * Complexity O(n³): 2/3·n³ flops.
 */
export function luDecompose(m: Matrix, options: LuOptions = {}): LuResult {
  const fn = "luDecompose";
  const n = m.rows;
  const { a, tol } = prepare(m, options, fn);
  const piv = new Int32Array(n);
  for (let i = 0; i < n; i++) piv[i] = i;
  const range = { min: Number.POSITIVE_INFINITY, max: 0 };
  const nb = LU_BLOCK_SIZE;
  if (n <= 2 * nb) {
    factorPanel(a, n, 0, n, n, piv, tol, range, fn);
  } else {
    for (let k0 = 0; k0 < n; k0 += nb) {
      const k1 = Math.min(k0 + nb, n);
      factorPanelRecursive(a, n, k0, k1, piv, tol, range, fn);
      if (k1 >= n) break;
      // U12 ← L11⁻¹·A12 (unit lower triangular solve on the block row, columns k1..n−1)
      lowerSolveBlockRow(a, n, k0, k1, k1, n);
      // A22 ← A22 − L21·U12
      const m2 = n - k1;
      gemmSubtract(
        m2,
        m2,
        k1 - k0,
        { data: a, offset: k1 * n + k0, ld: n },
        { data: a, offset: k0 * n + k1, ld: n },
        { data: a, offset: k1 * n + k1, ld: n },
      );
    }
  }
  return { lu: matrix(n, n, a), pivots: piv, minPivot: n === 0 ? 0 : range.min, maxPivot: range.max };
}

/**
 * Unblocked reference LU (Golub & Van Loan Alg. 3.4.1) with the same API and checks as
 * {@link luDecompose}. Used by tests to verify the blocked path; O(n³) with poor cache behaviour.
 */
export function luDecomposeReference(m: Matrix, options: LuOptions = {}): LuResult {
  const fn = "luDecomposeReference";
  const n = m.rows;
  const { a, tol } = prepare(m, options, fn);
  const piv = new Int32Array(n);
  for (let i = 0; i < n; i++) piv[i] = i;
  const range = { min: Number.POSITIVE_INFINITY, max: 0 };
  factorPanel(a, n, 0, n, n, piv, tol, range, fn);
  return { lu: matrix(n, n, a), pivots: piv, minPivot: n === 0 ? 0 : range.min, maxPivot: range.max };
}

/** Below this many right-hand sides the unblocked substitution is used (GEMM tiles are 4 wide). */
const BLOCKED_SOLVE_MIN_RHS = 8;

/**
 * In place: X ← L⁻¹X for the unit lower triangular L stored in `lu` (n×n) and X (n×k, row-major).
 * When `lowerTriangularRhs` is true, X is known to be lower triangular on entry (X = I, as when
 * inverting) and columns right of the diagonal block are skipped: they stay zero.
 */
function forwardSubstituteBlocked(
  lu: Float64Array,
  n: number,
  x: Float64Array,
  k: number,
  lowerTriangularRhs: boolean,
): void {
  const nb = LU_BLOCK_SIZE;
  for (let i0 = 0; i0 < n; i0 += nb) {
    const i1 = Math.min(i0 + nb, n);
    const cols = lowerTriangularRhs ? i1 : k;
    // within the diagonal block
    for (let i = i0 + 1; i < i1; i++) {
      const ri = i * n;
      const xi = i * k;
      for (let p = i0; p < i; p++) {
        const lip = lu[ri + p] as number;
        if (lip === 0) continue;
        const xp = p * k;
        const cEnd = lowerTriangularRhs ? p + 1 : cols;
        for (let c = 0; c < cEnd; c++) x[xi + c] = (x[xi + c] as number) - lip * (x[xp + c] as number);
      }
    }
    // rows below: X[i1:n, 0:cols] −= L[i1:n, i0:i1]·X[i0:i1, 0:cols]
    gemmSubtract(
      n - i1,
      cols,
      i1 - i0,
      { data: lu, offset: i1 * n + i0, ld: n },
      { data: x, offset: i0 * k, ld: k },
      { data: x, offset: i1 * k, ld: k },
    );
  }
}

/** In place: X ← U⁻¹X for the upper triangular U stored in `lu` (n×n) and X (n×k, row-major). */
function backSubstituteBlocked(lu: Float64Array, n: number, x: Float64Array, k: number): void {
  const nb = LU_BLOCK_SIZE;
  const nBlocks = Math.ceil(n / nb);
  for (let b = nBlocks - 1; b >= 0; b--) {
    const i0 = b * nb;
    const i1 = Math.min(i0 + nb, n);
    for (let i = i1 - 1; i >= i0; i--) {
      const ri = i * n;
      const xi = i * k;
      for (let p = i + 1; p < i1; p++) {
        const uip = lu[ri + p] as number;
        if (uip === 0) continue;
        const xp = p * k;
        for (let c = 0; c < k; c++) x[xi + c] = (x[xi + c] as number) - uip * (x[xp + c] as number);
      }
      const uii = lu[ri + i] as number;
      for (let c = 0; c < k; c++) x[xi + c] = (x[xi + c] as number) / uii;
    }
    // rows above: X[0:i0, :] −= U[0:i0, i0:i1]·X[i0:i1, :]
    gemmSubtract(
      i0,
      k,
      i1 - i0,
      { data: lu, offset: i0, ld: n },
      { data: x, offset: i0 * k, ld: k },
      { data: x, offset: 0, ld: k },
    );
  }
}

/** Unblocked forward (unit L) then back (U) substitution in place on X (n×k). */
function substituteUnblocked(lu: Float64Array, n: number, x: Float64Array, k: number): void {
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    const rx = i * k;
    for (let j = 0; j < i; j++) {
      const lij = lu[ri + j] as number;
      if (lij === 0) continue;
      const rj = j * k;
      for (let c = 0; c < k; c++) x[rx + c] = (x[rx + c] as number) - lij * (x[rj + c] as number);
    }
  }
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
}

/**
 * Solves (PA)X = PB, i.e. A·X = B, for X given A's factors; B is n×k. Blocked (GEMM updates) when
 * k ≥ 8 and n is larger than two blocks, otherwise plain substitution.
 * @throws {CoreError} dimension_mismatch
 * Complexity O(n²k): 2n²k flops.
 */
export function luSolve(f: LuResult, b: Matrix): Matrix {
  const n = f.lu.rows;
  if (b.rows !== n) throw new CoreError("dimension_mismatch", { function: "luSolve", expected: n, received: b.rows });
  const k = b.cols;
  const lu = f.lu.data;
  const x = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    const src = (f.pivots[i] as number) * k;
    x.set(b.data.subarray(src, src + k), i * k);
  }
  if (k >= BLOCKED_SOLVE_MIN_RHS && n > 2 * LU_BLOCK_SIZE) {
    forwardSubstituteBlocked(lu, n, x, k, false);
    backSubstituteBlocked(lu, n, x, k);
  } else {
    substituteUnblocked(lu, n, x, k);
  }
  return matrix(n, k, x);
}

/**
 * A⁻¹ from A's factors: A⁻¹ = U⁻¹·L⁻¹·P. L⁻¹ is formed by a blocked forward substitution on the
 * identity that skips the zero upper triangle (n³/3 flops), U⁻¹·(L⁻¹) by a blocked back substitution
 * (n³ flops), and P is applied as a column permutation. With the factorisation that is 2n³ flops in
 * total, the same count as LAPACK dgetrf + dgetri.
 * Complexity O(n³).
 */
export function luInverse(f: LuResult): Matrix {
  const n = f.lu.rows;
  const lu = f.lu.data;
  const y = new Float64Array(n * n);
  for (let i = 0; i < n; i++) y[i * n + i] = 1;
  if (n > 2 * LU_BLOCK_SIZE) {
    forwardSubstituteBlocked(lu, n, y, n, true);
    backSubstituteBlocked(lu, n, y, n);
  } else {
    substituteUnblocked(lu, n, y, n);
  }
  // A⁻¹ = X·P: column pivots[i] of A⁻¹ is column i of X
  const out = new Float64Array(n * n);
  for (let r = 0; r < n; r++) {
    const ro = r * n;
    for (let i = 0; i < n; i++) out[ro + (f.pivots[i] as number)] = y[ro + i] as number;
  }
  return matrix(n, n, out);
}

/**
 * Solves Aᵀ·y = b for one right-hand side given A's factors (Aᵀ = Uᵀ Lᵀ P).
 * Used for column sums of an inverse: 1ᵀA⁻¹ = yᵀ with Aᵀy = 1. Both triangular sweeps are
 * column-oriented so they read the row-major factors contiguously.
 * @throws {CoreError} dimension_mismatch
 * Complexity O(n²).
 */
export function luSolveTransposed(f: LuResult, b: ArrayLike<number>): Float64Array {
  const n = f.lu.rows;
  if (b.length !== n) {
    throw new CoreError("dimension_mismatch", { function: "luSolveTransposed", expected: n, received: b.length });
  }
  const lu = f.lu.data;
  const z = Float64Array.from(b as ArrayLike<number>);
  // Uᵀ z' = b (forward, Uᵀ lower): finalise z_j, then subtract column j of Uᵀ = row j of U
  for (let j = 0; j < n; j++) {
    const rj = j * n;
    const zj = (z[j] as number) / (lu[rj + j] as number);
    z[j] = zj;
    if (zj === 0) continue;
    for (let i = j + 1; i < n; i++) z[i] = (z[i] as number) - (lu[rj + i] as number) * zj;
  }
  // Lᵀ w = z' (backward, unit upper): finalise w_j, then subtract row j of L
  for (let j = n - 1; j >= 0; j--) {
    const rj = j * n;
    const wj = z[j] as number;
    if (wj === 0) continue;
    for (let i = 0; i < j; i++) z[i] = (z[i] as number) - (lu[rj + i] as number) * wj;
  }
  // y = Pᵀ w
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) y[f.pivots[i] as number] = z[i] as number;
  return y;
}
