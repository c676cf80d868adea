/**
 * Argument checks shared by the io-analysis methods (module-private: not exported from src/core/index.ts).
 * Every check throws a CoreError with the calling function's name in `params.function`.
 */
import { CoreError } from "../errors.js";
import type { Matrix } from "../linalg/matrix.js";

/** Throws `not_square` unless m is n×n, and `non_finite` on NaN/±Infinity. */
export function checkSquareFinite(m: Matrix, argument: string, fn: string): number {
  if (m.rows !== m.cols) throw new CoreError("not_square", { function: fn, argument, rows: m.rows, cols: m.cols });
  checkFiniteMatrix(m, argument, fn);
  return m.rows;
}

/** Throws `non_finite` naming the first NaN/±Infinity element of m. */
export function checkFiniteMatrix(m: Matrix, argument: string, fn: string): void {
  const d = m.data;
  for (let k = 0; k < d.length; k++) {
    if (!Number.isFinite(d[k] as number)) {
      throw new CoreError("non_finite", {
        function: fn,
        argument,
        row: Math.floor(k / Math.max(m.cols, 1)),
        col: k % Math.max(m.cols, 1),
        value: d[k],
      });
    }
  }
}

/** Throws `dimension_mismatch` unless v has length n, and `non_finite` on NaN/±Infinity. */
export function checkVector(v: ArrayLike<number>, n: number, argument: string, fn: string): void {
  if (v.length !== n)
    throw new CoreError("dimension_mismatch", { function: fn, argument, expected: n, received: v.length });
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(v[i] as number))
      throw new CoreError("non_finite", { function: fn, argument, index: i, value: v[i] });
  }
}

/** Throws `invalid_argument` when an option value is not one of the allowed literals. */
export function checkEnum<T extends string>(value: T, allowed: readonly T[], option: string, fn: string): T {
  if (!allowed.includes(value)) {
    throw new CoreError("invalid_argument", { function: fn, option, received: value, expected: allowed });
  }
  return value;
}

/** Copies the n×n identity minus m: I − m. */
export function identityMinus(m: Matrix): Matrix {
  const n = m.rows;
  const d = new Float64Array(n * n);
  for (let k = 0; k < d.length; k++) d[k] = -(m.data[k] as number);
  for (let i = 0; i < n; i++) d[i * n + i] = 1 + (d[i * n + i] as number);
  return { rows: n, cols: n, data: d };
}

/** Resolves table sector codes to indices; throws `unknown_sector` (first unknown code). */
export function sectorIndices(
  sectors: ReadonlyArray<{ readonly code: string }>,
  codes: readonly string[],
  fn: string,
): number[] {
  const at = new Map<string, number>();
  sectors.forEach((s, i) => {
    at.set(s.code, i);
  });
  return codes.map((code) => {
    const i = at.get(code);
    if (i === undefined) throw new CoreError("unknown_sector", { function: fn, code });
    return i;
  });
}
