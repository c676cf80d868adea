/**
 * Dense real matrices (row-major Float64Array) — the one numeric container of the core.
 *
 * Element (i, j) of an r×c matrix lives at `data[i * cols + j]`. Functions here never mutate their
 * inputs; kernels that work in place say so in their name (`…InPlace`). Sums (row/column sums, M·x)
 * are Neumaier-compensated (STYLE §2.7); the O(n³) product `multiply` and the blocked LU/GEMM kernels
 * are not (see docs/decisions/0006-core-numerics.md).
 */
import { CoreError } from "../errors.js";
import { neumaierAdd, neumaierDotStrided, neumaierFinish, neumaierSumStrided } from "../stats/summation.js";

/** A dense row-major matrix of float64 values. */
export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

/** Creates a rows×cols matrix, zero-filled or wrapping `data` (not copied). */
export function matrix(rows: number, cols: number, data?: Float64Array): Matrix {
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0) {
    throw new CoreError("invalid_argument", { function: "matrix", rows, cols });
  }
  const d = data ?? new Float64Array(rows * cols);
  if (d.length !== rows * cols) {
    throw new CoreError("dimension_mismatch", {
      function: "matrix",
      expected: rows * cols,
      received: d.length,
    });
  }
  return { rows, cols, data: d };
}

/** The n×n identity matrix. */
export function identity(n: number): Matrix {
  const m = matrix(n, n);
  for (let i = 0; i < n; i++) m.data[i * n + i] = 1;
  return m;
}

/** Builds a matrix from nested arrays (rows of equal length). */
export function fromRows(rows: ReadonlyArray<ArrayLike<number>>): Matrix {
  const r = rows.length;
  const c = r === 0 ? 0 : (rows[0] as ArrayLike<number>).length;
  const m = matrix(r, c);
  for (let i = 0; i < r; i++) {
    const row = rows[i] as ArrayLike<number>;
    if (row.length !== c) {
      throw new CoreError("dimension_mismatch", { function: "fromRows", row: i, expected: c, received: row.length });
    }
    for (let j = 0; j < c; j++) m.data[i * c + j] = row[j] as number;
  }
  return m;
}

/** Nested-array copy of a matrix (for JSON and tests). */
export function toRows(m: Matrix): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < m.rows; i++) out.push(Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)));
  return out;
}

/** Element (i, j). */
export function get(m: Matrix, i: number, j: number): number {
  return m.data[i * m.cols + j] as number;
}

/** A deep copy. */
export function clone(m: Matrix): Matrix {
  return { rows: m.rows, cols: m.cols, data: Float64Array.from(m.data) };
}

/** The transpose. */
export function transpose(m: Matrix): Matrix {
  const t = matrix(m.cols, m.rows);
  for (let i = 0; i < m.rows; i++) {
    for (let j = 0; j < m.cols; j++) t.data[j * m.rows + i] = m.data[i * m.cols + j] as number;
  }
  return t;
}

/** Column sums (length cols), Neumaier-compensated, accumulated in row-major order. */
export function columnSums(m: Matrix): Float64Array {
  const s = new Float64Array(m.cols);
  const c = new Float64Array(m.cols);
  for (let i = 0; i < m.rows; i++) {
    const off = i * m.cols;
    for (let j = 0; j < m.cols; j++) neumaierAdd(s, c, j, m.data[off + j] as number);
  }
  return neumaierFinish(s, c);
}

/** Row sums (length rows), Neumaier-compensated. */
export function rowSums(m: Matrix): Float64Array {
  const s = new Float64Array(m.rows);
  for (let i = 0; i < m.rows; i++) s[i] = neumaierSumStrided(m.data, i * m.cols, 1, m.cols);
  return s;
}

/** y = M·x, each component a Neumaier-compensated dot product. */
export function multiplyVector(m: Matrix, x: ArrayLike<number>): Float64Array {
  if (x.length !== m.cols) {
    throw new CoreError("dimension_mismatch", { function: "multiplyVector", expected: m.cols, received: x.length });
  }
  const y = new Float64Array(m.rows);
  for (let i = 0; i < m.rows; i++) y[i] = neumaierDotStrided(m.data, i * m.cols, 1, x, 0, 1, m.cols);
  return y;
}

/** C = A·B (i-k-j loop order; for large products use the blocked kernels in `lu.ts`). */
export function multiply(a: Matrix, b: Matrix): Matrix {
  if (a.cols !== b.rows) {
    throw new CoreError("dimension_mismatch", { function: "multiply", expected: a.cols, received: b.rows });
  }
  const c = matrix(a.rows, b.cols);
  const n = b.cols;
  for (let i = 0; i < a.rows; i++) {
    const ci = i * n;
    for (let k = 0; k < a.cols; k++) {
      const aik = a.data[i * a.cols + k] as number;
      if (aik === 0) continue;
      const bk = k * n;
      for (let j = 0; j < n; j++) c.data[ci + j] = (c.data[ci + j] as number) + aik * (b.data[bk + j] as number);
    }
  }
  return c;
}

/** Throws `non_finite` naming the first NaN/±Infinity element. */
export function assertFinite(m: Matrix, name: string): void {
  for (let k = 0; k < m.data.length; k++) {
    if (!Number.isFinite(m.data[k] as number)) {
      throw new CoreError("non_finite", {
        argument: name,
        row: Math.floor(k / Math.max(m.cols, 1)),
        col: k % Math.max(m.cols, 1),
      });
    }
  }
}
