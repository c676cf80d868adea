/**
 * Agreement between two partitions of the same observations (划分一致性): the adjusted Rand index of
 * Hubert & Arabie (1985), as scikit-learn's `adjusted_rand_score` and R mclust's `adjustedRandIndex`.
 */
import { CoreError } from "../errors.js";

const pairs = (n: number) => (n * (n - 1)) / 2;

/**
 * Adjusted Rand index (调整兰德指数) of two labelings: 1 for identical partitions (labels may differ),
 * about 0 for independent ones, negative below chance.
 *
 * ARI = (Σ_ij C(n_ij, 2) − E) / (½(Σ_i C(a_i, 2) + Σ_j C(b_j, 2)) − E), E = Σ_i C(a_i, 2) Σ_j C(b_j, 2) / C(n, 2).
 * When both partitions are trivial (one cluster each, or all singletons) the ratio is 0/0 and the
 * index is 1, as scikit-learn returns.
 *
 * @param a - labels of the first partition (any values compared with ===)
 * @param b - labels of the second, same length
 * @throws {CoreError} dimension_mismatch
 * @example
 * adjustedRandIndex([0, 0, 1, 1], [0, 0, 1, 2]); // => 4/7 ≈ 0.5714 (scikit-learn documentation example)
 * @see Hubert, L., Arabie, P. (1985), "Comparing partitions", Journal of Classification 2, 193–218.
 */
export function adjustedRandIndex<T>(a: readonly T[], b: readonly T[]): number {
  if (a.length !== b.length)
    throw new CoreError("dimension_mismatch", {
      function: "adjustedRandIndex",
      argument: "b",
      expected: a.length,
      received: b.length,
    });
  const n = a.length;
  const cell = new Map<string, number>();
  const rowSizes = new Map<T, number>();
  const colSizes = new Map<T, number>();
  const ids = new Map<T, number>();
  const id = (v: T) => {
    let i = ids.get(v);
    if (i === undefined) {
      i = ids.size;
      ids.set(v, i);
    }
    return i;
  };
  for (let i = 0; i < n; i++) {
    const x = a[i] as T;
    const y = b[i] as T;
    const key = `${id(x)}\u0000${id(y)}`;
    cell.set(key, (cell.get(key) ?? 0) + 1);
    rowSizes.set(x, (rowSizes.get(x) ?? 0) + 1);
    colSizes.set(y, (colSizes.get(y) ?? 0) + 1);
  }
  let index = 0;
  for (const v of cell.values()) index += pairs(v);
  let sa = 0;
  for (const v of rowSizes.values()) sa += pairs(v);
  let sb = 0;
  for (const v of colSizes.values()) sb += pairs(v);
  const total = pairs(n);
  const expected = total === 0 ? 0 : (sa * sb) / total;
  const max = (sa + sb) / 2;
  if (max === expected) return 1;
  return (index - expected) / (max - expected);
}
