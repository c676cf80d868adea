/**
 * Spectral radius of a nonnegative matrix and the productivity test for Leontief systems.
 *
 * `spectralRadiusNonnegative` runs power iteration with certified Collatz–Wielandt bounds: for a
 * nonnegative A and any x > 0,
 *   min_i (Ax)_i / x_i ≤ ρ(A) ≤ max_i (Ax)_i / x_i
 * (Collatz 1942; Wielandt 1950; Horn & Johnson (2013), Matrix Analysis, 2nd ed., Cor. 8.1.29 and
 * Thm 8.1.26). The iteration uses the shifted matrix A + σI (σ > 0), which has the same Perron
 * vector, keeps every iterate strictly positive (so both bounds stay valid) and is primitive whenever
 * A is irreducible, so periodic (imprimitive) matrices converge too.
 *
 * `isProductiveBySolve` decides ρ(A) < 1 for A ≥ 0 with one linear solve, by the M-matrix theorem:
 * I − A is a non-singular M-matrix (⇔ ρ(A) < 1) iff there is x > 0 with (I − A)x > 0 (Berman &
 * Plemmons (1994), Nonnegative Matrices in the Mathematical Sciences, Thm 6.2.3, conditions (A1),
 * (I27)). Hence: if ρ(A) < 1 the solution of (I − A)x = 1 is x = Σ_k A^k 1 ≥ 1 > 0; conversely a
 * solution x > 0 of (I − A)x = 1 > 0 certifies ρ(A) < 1. This is the Hawkins–Simon condition in
 * solve form (Miller & Blair (2009), Input–Output Analysis, 2nd ed., §2.9 / App. 2.2).
 */
import { CoreError } from "../errors.js";
import { neumaierSumStrided } from "../stats/summation.js";
import { luDecompose, luSolve } from "./lu.js";
import { type Matrix, matrix } from "./matrix.js";

export interface SpectralRadiusOptions {
  /** iteration limit @default 1000 */
  maxIterations?: number;
  /** stop when upper − lower ≤ tolerance·upper (relative gap of the certified bounds) @default 1e-12 */
  tolerance?: number;
}

export interface SpectralRadiusResult {
  /**
   * the estimate Σ(Ax)_i / Σx_i at the final iterate: a convex combination of the Collatz–Wielandt
   * ratios, so always within [lower, upper]
   */
  readonly value: number;
  /** iterations performed */
  readonly iterations: number;
  /** true when the certified bounds met the tolerance (upper − lower ≤ tolerance·upper) */
  readonly converged: boolean;
  /** certified lower bound min_i (Ax)_i/x_i (≥ 0) */
  readonly lower: number;
  /** certified upper bound max_i (Ax)_i/x_i */
  readonly upper: number;
}

function checkNonnegativeSquare(a: Matrix, fn: string): void {
  if (a.rows !== a.cols) throw new CoreError("not_square", { function: fn, rows: a.rows, cols: a.cols });
  for (let k = 0; k < a.data.length; k++) {
    const v = a.data[k] as number;
    if (!Number.isFinite(v)) throw new CoreError("non_finite", { function: fn, index: k });
    if (v < 0) {
      throw new CoreError("invalid_argument", {
        function: fn,
        reason: "negative_entry",
        row: Math.floor(k / a.cols),
        col: k % a.cols,
        value: v,
      });
    }
  }
}

/**
 * Spectral radius ρ(A) of a square nonnegative matrix by shifted power iteration with
 * Collatz–Wielandt bounds. For reducible A (e.g. a zero row) the lower bound may stay below ρ and
 * `converged` may be false; `upper` is still a valid certificate (ρ ≤ upper).
 * @throws {CoreError} not_square; non_finite; invalid_argument (negative entry, bad options)
 * Complexity O(n²) per iteration.
 */
export function spectralRadiusNonnegative(a: Matrix, options: SpectralRadiusOptions = {}): SpectralRadiusResult {
  const fn = "spectralRadiusNonnegative";
  const maxIterations = options.maxIterations ?? 1000;
  const tolerance = options.tolerance ?? 1e-12;
  if (!Number.isInteger(maxIterations) || maxIterations < 1 || !(tolerance >= 0)) {
    throw new CoreError("invalid_argument", {
      function: fn,
      option: Number.isInteger(maxIterations) && maxIterations >= 1 ? "tolerance" : "maxIterations",
      received: Number.isInteger(maxIterations) && maxIterations >= 1 ? tolerance : maxIterations,
    });
  }
  checkNonnegativeSquare(a, fn);
  const n = a.rows;
  if (n === 0) return { value: 0, iterations: 0, converged: true, lower: 0, upper: 0 };
  const d = a.data;
  // shift σ = half the largest row sum (an upper bound of ρ), or 1 for the zero matrix: any σ > 0
  // keeps iterates positive; a shift of the order of ρ balances speed against primitivity.
  let maxRowSum = 0;
  for (let i = 0; i < n; i++) {
    const s = neumaierSumStrided(d, i * n, 1, n);
    if (s > maxRowSum) maxRowSum = s;
  }
  const sigma = maxRowSum > 0 ? 0.5 * maxRowSum : 1;
  let x = new Float64Array(n).fill(1 / n);
  const ax = new Float64Array(n);
  let lower = 0;
  let upper = maxRowSum;
  let value = 0;
  let iterations = 0;
  let converged = false;
  // The iteration's inner products are plain sums (an O(n²)-per-step kernel like GEMM, ADR 0006): their
  // O(nε) relative rounding is far below the bracket tolerance and cannot move a bound across 1.
  while (iterations < maxIterations) {
    iterations++;
    let sumAx = 0;
    let sumX = 0;
    let lo = Number.POSITIVE_INFINITY;
    let hi = 0;
    for (let i = 0; i < n; i++) {
      let s = 0;
      const off = i * n;
      for (let j = 0; j < n; j++) s += (d[off + j] as number) * (x[j] as number);
      ax[i] = s;
      const xi = x[i] as number;
      const r = s / xi;
      if (r < lo) lo = r;
      if (r > hi) hi = r;
      sumAx += s;
      sumX += xi;
    }
    // bounds from every iterate are valid; keep the tightest seen
    if (lo > lower) lower = lo;
    if (hi < upper) upper = hi;
    value = Math.min(Math.max(sumAx / sumX, lower), upper);
    if (upper - lower <= tolerance * upper) {
      converged = true;
      break;
    }
    // x ← (A + σI)x, normalised to unit 1-norm
    const next = new Float64Array(n);
    let norm = 0;
    for (let i = 0; i < n; i++) {
      const v = (ax[i] as number) + sigma * (x[i] as number);
      next[i] = v;
      norm += v;
    }
    for (let i = 0; i < n; i++) next[i] = (next[i] as number) / norm;
    x = next;
  }
  return { value, iterations, converged, lower, upper };
}

export interface ProductivityResult {
  /** true iff (I − A)x = 1 has a solution with every x_i > 0, i.e. ρ(A) < 1 */
  readonly productive: boolean;
  /** the solution x of (I − A)x = 1, or null when I − A is singular to working precision */
  readonly x: Float64Array | null;
  /** min_i x_i (NaN when x is null) */
  readonly minX: number;
}

/**
 * Productivity test for a nonnegative square A by one LU solve: ρ(A) < 1 iff (I − A)x = 1 has a
 * solution x > 0 (M-matrix theorem, see the module doc). Near ρ(A) = 1 the answer is subject to
 * rounding like any numerical test; pair it with `spectralRadiusNonnegative` bounds when it matters.
 * @throws {CoreError} not_square; non_finite; invalid_argument (negative entry)
 * Complexity O(n³).
 */
export function isProductiveBySolve(a: Matrix): ProductivityResult {
  checkNonnegativeSquare(a, "isProductiveBySolve");
  const n = a.rows;
  const m = matrix(n, n);
  for (let k = 0; k < n * n; k++) m.data[k] = -(a.data[k] as number);
  for (let i = 0; i < n; i++) m.data[i * n + i] = 1 + (m.data[i * n + i] as number);
  let f: ReturnType<typeof luDecompose>;
  try {
    f = luDecompose(m);
  } catch (e) {
    if (e instanceof CoreError && e.code === "singular_matrix") return { productive: false, x: null, minX: Number.NaN };
    throw e;
  }
  const x = luSolve(f, matrix(n, 1, new Float64Array(n).fill(1))).data;
  let minX = Number.POSITIVE_INFINITY;
  for (let i = 0; i < n; i++) if ((x[i] as number) < minX) minX = x[i] as number;
  if (n === 0) minX = Number.NaN;
  return { productive: n === 0 || minX > 0, x, minX };
}
