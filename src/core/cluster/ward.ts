/**
 * Ward hierarchical clustering (Ward 离差平方和聚类): agglomerative clustering that merges, at each
 * step, the two clusters whose union increases the within-cluster sum of squares least. Used for the
 * tiers of a composite index (spec §12.3 step 5: 引领型/先进型/追赶型/起步型, k = 4) and of sectors.
 *
 * Conventions follow scipy.cluster.hierarchy.linkage(method="ward"): Euclidean input distances,
 * merge heights d(u, v) = √(Lance–Williams update of squared distances), the linkage matrix as rows
 * [a, b, height, size] with singletons numbered 0 … m−1 and the cluster formed at step s numbered
 * m + s, a < b in each row, rows in merge order (non-decreasing heights: Ward is reducible).
 */
import { CoreError } from "../errors.js";
import type { Matrix } from "../linalg/matrix.js";
import { flatClusters } from "./dendrogram.js";
import { linkageFromFeatures } from "./linkage.js";

/** The linkage of a Ward clustering. */
export interface WardLinkage {
  /** number of observations m */
  readonly observations: number;
  /** m − 1 rows [a, b, height, size], as scipy's Z */
  readonly rows: readonly (readonly [number, number, number, number])[];
}

/**
 * Ward linkage of the rows of X (m observations × d features).
 *
 * Lance–Williams on squared distances: after merging i and j,
 * d²(k, i∪j) = [(n_i + n_k) d²(k,i) + (n_j + n_k) d²(k,j) − n_k d²(i,j)] / (n_i + n_j + n_k);
 * the height of a merge is √d². Computed by {@link linkageFromFeatures} (nearest-neighbour chain,
 * O(m²)); ties (equal distances) follow spec §6.3: the smallest (min id, max id) pair merges first,
 * which can differ from scipy's nearest-neighbour chain on exactly tied data.
 *
 * @param X - m×d finite matrix, m ≥ 1
 * @returns the linkage (m − 1 merges)
 * @throws {CoreError} non_finite; too_few_observations (m = 0)
 * @example
 * wardLinkage(fromRows([[0], [1], [10]])).rows; // => [[0, 1, 1, 2], [2, 3, 10.392305, 3]]
 * @see Ward, J. H. (1963), "Hierarchical grouping to optimize an objective function", JASA 58(301),
 *   236–244; Lance & Williams (1967), Computer Journal 9(4), 373–380; scipy.cluster.hierarchy.linkage.
 */
export function wardLinkage(X: Matrix): WardLinkage {
  const fn = "wardLinkage";
  const { rows: m, cols: d } = X;
  if (m === 0) throw new CoreError("too_few_observations", { function: fn, argument: "X", received: 0, required: 1 });
  for (let i = 0; i < X.data.length; i++) {
    if (!Number.isFinite(X.data[i] as number))
      throw new CoreError("non_finite", { function: fn, argument: "X", row: Math.floor(i / d), col: i % d });
  }
  const { Z } = linkageFromFeatures(X, "ward");
  const rows = Array.from(
    { length: m - 1 },
    (_, s) => [Z[4 * s] as number, Z[4 * s + 1] as number, Z[4 * s + 2] as number, Z[4 * s + 3] as number] as const,
  );
  return { observations: m, rows };
}

/**
 * Flat clusters from a linkage: the partition into k clusters left after the first m − k merges
 * (scipy fcluster(Z, k, "maxclust") for reducible linkages without tied heights).
 *
 * @param linkage - from {@link wardLinkage}
 * @param k - number of clusters, 1 ≤ k ≤ m
 * @returns a cluster index 0 … k−1 per observation, numbered in order of first appearance
 * @throws {CoreError} invalid_argument (k outside 1 … m)
 */
export function cutTree(linkage: WardLinkage, k: number): Int32Array {
  const m = linkage.observations;
  if (!Number.isInteger(k) || k < 1 || k > m)
    throw new CoreError("invalid_argument", { function: "cutTree", argument: "k", value: k, expected: `1–${m}` });
  const Z = new Float64Array(4 * (m - 1));
  for (let s = 0; s < m - 1; s++) Z.set(linkage.rows[s] as readonly number[], 4 * s);
  return flatClusters({ observations: m, Z }, k, "first_appearance").map((c) => c - 1);
}

/**
 * Tiers of scores (分层): Ward clusters of the scores (one feature), numbered by their mean score,
 * 0 = the highest tier. With fewer distinct scores than k, the distinct values are the tiers.
 *
 * @param scores - one score per entity, finite
 * @param k - number of tiers (spec §12.3: 4)
 * @returns `{tier, means}`: a tier index per entity and each tier's mean score (descending)
 * @example
 * wardTiers([90, 88, 60, 58, 20, 21], 3).tier; // => [0, 0, 1, 1, 2, 2]
 */
export function wardTiers(
  scores: ArrayLike<number>,
  k: number,
): { readonly tier: Int32Array; readonly means: Float64Array } {
  const m = scores.length;
  const distinct = new Set(Array.from(scores)).size;
  const kk = Math.max(1, Math.min(k, distinct));
  const X = { rows: m, cols: 1, data: Float64Array.from(scores) };
  const clusters = cutTree(wardLinkage(X), Math.min(kk, m));
  const n = Math.max(...clusters, -1) + 1;
  const sum = new Float64Array(n);
  const count = new Float64Array(n);
  for (let i = 0; i < m; i++) {
    sum[clusters[i] as number] = (sum[clusters[i] as number] as number) + (scores[i] as number);
    count[clusters[i] as number] = (count[clusters[i] as number] as number) + 1;
  }
  const means = Float64Array.from(sum, (s, c) => s / (count[c] as number));
  const order = Array.from({ length: n }, (_, c) => c).sort((a, b) => (means[b] as number) - (means[a] as number));
  const rankOf = new Int32Array(n);
  order.forEach((c, r) => {
    rankOf[c] = r;
  });
  return {
    tier: Int32Array.from(clusters, (c) => rankOf[c] as number),
    means: Float64Array.from(order, (c) => means[c] as number),
  };
}
