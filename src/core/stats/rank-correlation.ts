/**
 * Rank statistics (秩统计): average ranks with ties and Spearman's rank correlation coefficient.
 */
import { CoreError } from "../errors.js";
import { neumaierDot } from "./summation.js";

function checkSeries(values: ArrayLike<number>, argument: string, fn: string): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) throw new CoreError("non_finite", { function: fn, argument, index: i, value: v });
  }
}

/**
 * Average ranks (平均秩): the 1-based rank of each value in ascending order, tied values sharing the
 * mean of the ranks they occupy — scipy `rankdata(method="average")`, R `rank(ties.method="average")`.
 *
 * @param values - finite numbers (any array-like)
 * @returns ranks in input order (Float64Array; a k-way tie at positions p…p+k−1 gets p + (k−1)/2)
 * @throws {CoreError} non_finite (NaN or ±Infinity in values)
 * @example
 * averageRanks([10, 20, 20, 5]); // => Float64Array [2, 3.5, 3.5, 1]
 * @see scipy.stats.rankdata (method="average").
 * Complexity O(n log n).
 */
export function averageRanks(values: ArrayLike<number>): Float64Array {
  checkSeries(values, "values", "averageRanks");
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => (values[a] as number) - (values[b] as number) || a - b,
  );
  const ranks = new Float64Array(n);
  let start = 0;
  while (start < n) {
    let end = start + 1;
    const v = values[order[start] as number] as number;
    while (end < n && (values[order[end] as number] as number) === v) end++;
    const rank = (start + 1 + end) / 2; // mean of ranks start+1 … end
    for (let k = start; k < end; k++) ranks[order[k] as number] = rank;
    start = end;
  }
  return ranks;
}

/**
 * Spearman's rank correlation coefficient (斯皮尔曼等级相关系数) ρ_s: the Pearson correlation of the
 * average ranks of x and y,
 *
 *     ρ_s = Σ (r_i − r̄)(s_i − s̄) / sqrt(Σ (r_i − r̄)² · Σ (s_i − s̄)²),   r = rank(x), s = rank(y).
 *
 * Ties get average ranks (so ρ_s is not the 1 − 6Σd²/(n(n²−1)) shortcut, which is exact only without
 * ties). Sums are Neumaier-compensated. A constant series has no ranking and is rejected rather than
 * returning NaN (scipy returns nan with a warning).
 *
 * @param x - first series (finite numbers)
 * @param y - second series, same length
 * @returns ρ_s in [−1, 1]
 * @throws {CoreError} dimension_mismatch (lengths differ); too_few_observations (n < 2); non_finite;
 *   invalid_argument (reason "constant_series": all values of x or of y are equal)
 * @example
 * spearmanCorrelation([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]); // => 0.820782… (scipy spearmanr)
 * @see Spearman, C. (1904), "The proof and measurement of association between two things", American
 *   Journal of Psychology 15, 72–101; scipy.stats.spearmanr (reference values in
 *   test/reference/scipy-spearman/).
 * Complexity O(n log n).
 */
export function spearmanCorrelation(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const fn = "spearmanCorrelation";
  if (x.length !== y.length) {
    throw new CoreError("dimension_mismatch", { function: fn, argument: "y", expected: x.length, received: y.length });
  }
  if (x.length < 2) throw new CoreError("too_few_observations", { function: fn, required: 2, received: x.length });
  checkSeries(x, "x", fn);
  checkSeries(y, "y", fn);
  const r = averageRanks(x);
  const s = averageRanks(y);
  const n = r.length;
  const mean = (n + 1) / 2; // mean of average ranks is always (n + 1)/2
  const dr = new Float64Array(n);
  const ds = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    dr[i] = (r[i] as number) - mean;
    ds[i] = (s[i] as number) - mean;
  }
  const srr = neumaierDot(dr, dr);
  const sss = neumaierDot(ds, ds);
  if (srr === 0 || sss === 0) {
    throw new CoreError("invalid_argument", {
      function: fn,
      argument: srr === 0 ? "x" : "y",
      reason: "constant_series",
    });
  }
  const rho = neumaierDot(dr, ds) / Math.sqrt(srr * sss);
  // guard against |ρ| exceeding 1 by rounding
  return Math.max(-1, Math.min(1, rho));
}
