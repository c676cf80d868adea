/**
 * Compensated summation (STYLE §2.7): totals, weighted aggregates and row/column sums of long vectors.
 */

/**
 * Neumaier compensated sum (Kahan–Babuška summation, 补偿求和) of a list of numbers.
 *
 * Keeps a running compensation term c so the result is accurate to O(ε)·Σ|v_i| independently of n
 * (plain left-to-right summation has error O(n·ε)·Σ|v_i|). Unlike Kahan's original algorithm it
 * stays exact when a later term is larger in magnitude than the running sum:
 *
 *     t = s + v;  c += |s| ≥ |v| ? (s − t) + v : (v − t) + s;  s = t;   result = s + c
 *
 * Zeros, NaN and infinities: zeros are harmless; NaN or ±Infinity propagate to the result (this is
 * an internal scalar helper — public methods validate finiteness at their boundary). An empty list
 * sums to 0.
 *
 * @param values - the terms (any array-like of numbers, e.g. a Float64Array row)
 * @returns the compensated sum
 * @example
 * neumaierSum([1, 1e100, 1, -1e100]); // => 2   (naive summation gives 0)
 * @see Neumaier, A. (1974), "Rundungsfehleranalyse einiger Verfahren zur Summation endlicher Summen",
 *   ZAMM 54, 39–51; simple-statistics `sum` (same algorithm).
 * Complexity O(n).
 */
export function neumaierSum(values: ArrayLike<number>): number {
  let s = 0;
  let c = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    const t = s + v;
    c += Math.abs(s) >= Math.abs(v) ? s - t + v : v - t + s;
    s = t;
  }
  return s + c;
}

/**
 * Neumaier compensated sum of a strided slice `values[offset + k·stride]`, k = 0..count−1
 * (补偿求和, strided) — sums a matrix column of a row-major array without copying it.
 *
 * Same algorithm and NaN semantics as {@link neumaierSum}.
 *
 * @param values - the backing array
 * @param offset - index of the first term
 * @param stride - distance between terms (≥ 1)
 * @param count - number of terms
 * @returns the compensated sum (0 when count = 0)
 * @example
 * // column 1 of the row-major 2×2 matrix [[1, 2], [3, 4]]
 * neumaierSumStrided(new Float64Array([1, 2, 3, 4]), 1, 2, 2); // => 6
 * @see {@link neumaierSum}
 */
export function neumaierSumStrided(values: ArrayLike<number>, offset: number, stride: number, count: number): number {
  let s = 0;
  let c = 0;
  for (let k = 0, i = offset; k < count; k++, i += stride) {
    const v = values[i] as number;
    const t = s + v;
    c += Math.abs(s) >= Math.abs(v) ? s - t + v : v - t + s;
    s = t;
  }
  return s + c;
}

/**
 * Neumaier compensated dot product Σ a_i·b_i (补偿内积) — the products are rounded once each, the sum
 * is compensated. Used for weighted aggregates such as Σ_k c_k·α_k.
 *
 * @param a - first vector
 * @param b - second vector (same length; extra elements of the longer one are ignored)
 * @returns the compensated sum of products
 * @example
 * neumaierDot([1, 2], [3, 4]); // => 11
 * @see {@link neumaierSum}
 */
export function neumaierDot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = Math.min(a.length, b.length);
  let s = 0;
  let c = 0;
  for (let i = 0; i < n; i++) {
    const v = (a[i] as number) * (b[i] as number);
    const t = s + v;
    c += Math.abs(s) >= Math.abs(v) ? s - t + v : v - t + s;
    s = t;
  }
  return s + c;
}

/**
 * Neumaier compensated dot product of two strided slices (补偿内积, strided):
 * Σ_k a[aOffset + k·aStride]·b[bOffset + k·bStride], k = 0..count−1. Lets matrix kernels take the
 * inner product of a row-major column (stride = cols) without copying it.
 *
 * Same algorithm and NaN semantics as {@link neumaierDot} (each product rounded once, the sum
 * compensated).
 *
 * @param a - first backing array
 * @param aOffset - index of the first term of a
 * @param aStride - distance between terms of a (≥ 1)
 * @param b - second backing array
 * @param bOffset - index of the first term of b
 * @param bStride - distance between terms of b (≥ 1)
 * @param count - number of terms
 * @returns the compensated sum of products (0 when count = 0)
 * @example
 * // column 0 of [[1, 2], [3, 4]] · column 1 of the same matrix = 1·2 + 3·4
 * const m = new Float64Array([1, 2, 3, 4]);
 * neumaierDotStrided(m, 0, 2, m, 1, 2, 2); // => 14
 * @see {@link neumaierSum}
 */
export function neumaierDotStrided(
  a: ArrayLike<number>,
  aOffset: number,
  aStride: number,
  b: ArrayLike<number>,
  bOffset: number,
  bStride: number,
  count: number,
): number {
  let s = 0;
  let c = 0;
  for (let k = 0, i = aOffset, j = bOffset; k < count; k++, i += aStride, j += bStride) {
    const v = (a[i] as number) * (b[j] as number);
    const t = s + v;
    c += Math.abs(s) >= Math.abs(v) ? s - t + v : v - t + s;
    s = t;
  }
  return s + c;
}

/**
 * One step of element-wise Neumaier accumulation (逐元素补偿累加): adds v to cell k of the running
 * sums `sum` with its compensation in `compensation`. Used where many sums grow at once in one pass
 * over a row-major matrix (column sums, aggregation P·Z·Pᵀ) so the data are read in memory order.
 * Call {@link neumaierFinish} once at the end.
 *
 * @param sum - running sums (updated in place)
 * @param compensation - running compensation terms, same length, zero-initialised (updated in place)
 * @param k - cell index
 * @param v - the term to add
 * @example
 * const s = new Float64Array(1), c = new Float64Array(1);
 * for (const v of [1, 1e100, 1, -1e100]) neumaierAdd(s, c, 0, v);
 * neumaierFinish(s, c)[0]; // => 2
 * @see {@link neumaierSum} (same update rule)
 */
export function neumaierAdd(sum: Float64Array, compensation: Float64Array, k: number, v: number): void {
  const s = sum[k] as number;
  const t = s + v;
  compensation[k] = (compensation[k] as number) + (Math.abs(s) >= Math.abs(v) ? s - t + v : v - t + s);
  sum[k] = t;
}

/**
 * Completes element-wise Neumaier accumulation: sum[k] += compensation[k] for every k, in place.
 *
 * @param sum - running sums from {@link neumaierAdd} (overwritten with the compensated totals)
 * @param compensation - the matching compensation terms
 * @returns `sum` (the same array), now holding the compensated totals
 * @example
 * neumaierFinish(new Float64Array([1, 2]), new Float64Array([0.5, 0])); // => Float64Array [1.5, 2]
 * @see {@link neumaierAdd}
 */
export function neumaierFinish(sum: Float64Array, compensation: Float64Array): Float64Array {
  for (let k = 0; k < sum.length; k++) sum[k] = (sum[k] as number) + (compensation[k] as number);
  return sum;
}
