/**
 * The pluggable dense linear-algebra backend. The pure TypeScript implementation is always present;
 * an optional native backend (OpenBLAS/LAPACKE, `src/native/openblas.ts`) implements the same
 * interface and is injected by the app layer. Core never loads native code itself (no I/O in core).
 */
import { luDecompose, luInverse, luSolve } from "./lu.js";
import type { Matrix } from "./matrix.js";

/** A dense solver: inverse and multi-right-hand-side solve of a square float64 matrix. */
export interface LinalgBackend {
  /** stable identifier echoed in diagnostics (`backend_used`), e.g. "typescript", "openblas" */
  readonly name: string;
  /**
   * M⁻¹ for a square, finite, non-singular M.
   * @throws {CoreError} not_square; non_finite; singular_matrix
   */
  inverse(m: Matrix): Matrix;
  /**
   * X with A·X = B (A n×n, B n×k).
   * @throws {CoreError} not_square; dimension_mismatch; non_finite; singular_matrix
   */
  solve(a: Matrix, b: Matrix): Matrix;
}

/**
 * The built-in backend: blocked LU with partial pivoting (`lu.ts`) and the default relative pivot
 * threshold `DEFAULT_SINGULAR_TOLERANCE`.
 */
export const typescriptBackend: LinalgBackend = Object.freeze({
  name: "typescript",
  inverse(m: Matrix): Matrix {
    return luInverse(luDecompose(m));
  },
  solve(a: Matrix, b: Matrix): Matrix {
    return luSolve(luDecompose(a), b);
  },
});
