/**
 * Reading a linkage (树状图): flat clusters, leaf order, cophenetic distances and the cophenetic
 * correlation, on scipy's linkage layout (src/core/cluster/linkage.ts).
 */
import { CoreError } from "../errors.js";
import { neumaierSum } from "../stats/summation.js";
import { condensedIndex, type HierarchicalLinkage } from "./linkage.js";

/**
 * How flat clusters are numbered (1 … k in both):
 * - `first_appearance`: in order of each cluster's first observation — R `cutree(h, k)`;
 * - `dendrogram`: in the order scipy `fcluster` visits the tree (depth first from the root, the
 *   internal children of a node before its leaves, the lower-numbered child first).
 */
export type ClusterNumbering = "first_appearance" | "dendrogram";

/**
 * Flat clusters (扁平聚类): cut the tree into k clusters by undoing the last k − 1 merges
 * (spec §6.3).
 *
 * This is R `cutree(h, k)` for any tree and scipy `fcluster(Z, k, "maxclust")` when the merge
 * heights are distinct — except that scipy never cuts below its second-lowest height, so for
 * k ≥ m − 1 it returns m − 2 clusters (scipy 1.10 `cluster_maxclust_monocrit` searches thresholds
 * from Z[1]); here k clusters are always returned. With tied heights fcluster may return fewer than k
 * clusters (it cuts at a height); this function follows the merge order, as R does.
 *
 * @param linkage - from {@link linkageFromDistances} (or any Z in scipy's layout)
 * @param k - number of clusters, 1 ≤ k ≤ m
 * @param numbering - default "first_appearance" (R); "dendrogram" numbers as scipy fcluster
 * @returns the cluster number 1 … k of each observation
 * @throws {CoreError} invalid_argument (k outside 1 … m, unknown numbering)
 * @example
 * flatClusters(linkage, 2); // => Int32Array [1, 1, 1, 2, 2] for x = [1, 2, 4, 7, 11], complete
 * @see R stats::cutree; scipy.cluster.hierarchy.fcluster(criterion="maxclust"). O(m α(m)).
 */
export function flatClusters(
  linkage: Pick<HierarchicalLinkage, "observations" | "Z">,
  k: number,
  numbering: ClusterNumbering = "first_appearance",
): Int32Array {
  const m = linkage.observations;
  const fn = "flatClusters";
  if (!Number.isInteger(k) || k < 1 || k > m)
    throw new CoreError("invalid_argument", { function: fn, argument: "k", value: k, expected: `1–${m}` });
  if (numbering !== "first_appearance" && numbering !== "dendrogram")
    throw new CoreError("invalid_argument", {
      function: fn,
      argument: "numbering",
      value: numbering,
      expected: ["first_appearance", "dendrogram"],
    });
  const Z = linkage.Z;
  const out = new Int32Array(m);
  if (numbering === "first_appearance") {
    const parent = Int32Array.from({ length: 2 * m - 1 }, (_, i) => i);
    const find = (x: number): number => {
      let r = x;
      while (parent[r] !== r) r = parent[r] as number;
      while (parent[x] !== r) {
        const next = parent[x] as number;
        parent[x] = r;
        x = next;
      }
      return r;
    };
    for (let s = 0; s < m - k; s++) {
      parent[find(Z[4 * s] as number)] = m + s;
      parent[find(Z[4 * s + 1] as number)] = m + s;
    }
    const ids = new Map<number, number>();
    for (let i = 0; i < m; i++) {
      const root = find(i);
      let c = ids.get(root);
      if (c === undefined) {
        c = ids.size + 1;
        ids.set(root, c);
      }
      out[i] = c;
    }
    return out;
  }
  if (m === 1) {
    out[0] = 1;
    return out;
  }
  // scipy cluster_monocrit with "node formed in the first m − k merges" as the criterion
  const formed = m + (m - k); // internal nodes with id < formed are inside a flat cluster
  const visited = new Uint8Array(2 * m - 1);
  const stack = new Int32Array(m);
  let top = 0;
  stack[0] = 2 * m - 2;
  let nCluster = 0;
  let leader = -1;
  while (top >= 0) {
    const node = stack[top] as number;
    const r = node - m;
    const lc = Z[4 * r] as number;
    const rc = Z[4 * r + 1] as number;
    if (leader === -1 && node < formed) {
      leader = node;
      nCluster++;
    }
    if (lc >= m && !visited[lc]) {
      visited[lc] = 1;
      stack[++top] = lc;
      continue;
    }
    if (rc >= m && !visited[rc]) {
      visited[rc] = 1;
      stack[++top] = rc;
      continue;
    }
    if (lc < m) {
      if (leader === -1) nCluster++;
      out[lc] = nCluster;
    }
    if (rc < m) {
      if (leader === -1) nCluster++;
      out[rc] = nCluster;
    }
    if (leader === node) leader = -1;
    top--;
  }
  return out;
}

/**
 * Leaf order of the dendrogram (叶序): observations left to right, the lower-numbered child of each
 * merge on the left — scipy `leaves_list(Z)` (= `dendrogram(Z)["leaves"]`). R's `hclust$order`
 * orients its merges differently (R's own merge matrix), so it is not this order in general.
 *
 * @returns a permutation of 0 … m − 1
 * @see scipy.cluster.hierarchy.leaves_list. O(m).
 */
export function leafOrder(linkage: Pick<HierarchicalLinkage, "observations" | "Z">): Int32Array {
  const m = linkage.observations;
  const Z = linkage.Z;
  const out = new Int32Array(m);
  if (m === 1) return out;
  const stack = new Int32Array(m);
  let top = 0;
  let k = 0;
  stack[0] = 2 * m - 2;
  while (top >= 0) {
    const node = stack[top--] as number;
    if (node < m) {
      out[k++] = node;
      continue;
    }
    const r = node - m;
    stack[++top] = Z[4 * r + 1] as number; // right child, visited after the left subtree
    stack[++top] = Z[4 * r] as number;
  }
  return out;
}

/**
 * Cophenetic distances (共表距离): for each pair of observations, the height of the merge that first
 * joins them, condensed as scipy `pdist`.
 *
 * @returns m(m − 1)/2 heights
 * @see scipy.cluster.hierarchy.cophenet; R stats::cophenetic. O(m²).
 */
export function copheneticDistances(linkage: Pick<HierarchicalLinkage, "observations" | "Z">): Float64Array {
  const m = linkage.observations;
  const Z = linkage.Z;
  const out = new Float64Array((m * (m - 1)) / 2);
  // member lists as linked lists over observations: head/tail per cluster id, next per observation
  const head = new Int32Array(2 * m - 1).fill(-1);
  const tail = new Int32Array(2 * m - 1).fill(-1);
  const next = new Int32Array(m).fill(-1);
  for (let i = 0; i < m; i++) {
    head[i] = i;
    tail[i] = i;
  }
  for (let s = 0; s < m - 1; s++) {
    const a = Z[4 * s] as number;
    const b = Z[4 * s + 1] as number;
    const h = Z[4 * s + 2] as number;
    for (let i = head[a] as number; i >= 0; i = next[i] as number) {
      for (let j = head[b] as number; j >= 0; j = next[j] as number) {
        out[i < j ? condensedIndex(m, i, j) : condensedIndex(m, j, i)] = h;
      }
    }
    next[tail[a] as number] = head[b] as number;
    head[m + s] = head[a] as number;
    tail[m + s] = tail[b] as number;
  }
  return out;
}

/**
 * Cophenetic correlation (共表相关系数): Pearson's correlation between the input distances y and the
 * cophenetic distances z of the tree (Sokal & Rohlf 1962), two-pass (centred) with compensated sums.
 *
 * z is never stored: the pairs first joined by merge s (members of a × members of b) all have
 * z = h_s, so Σ(y − ȳ)(z − z̄) = Σ_s (h_s − z̄) Σ_{i∈a, j∈b} (y_ij − ȳ) and Σ(z − z̄)² =
 * Σ_s |a||b| (h_s − z̄)², with z̄ = Σ_s |a||b| h_s / N — O(m²) time, O(m) extra memory.
 *
 * @param linkage - the tree
 * @param distances - the condensed distances the tree was built from
 * @returns r ∈ [−1, 1]; NaN when either vector is constant (r undefined)
 * @throws {CoreError} dimension_mismatch
 * @see scipy.cluster.hierarchy.cophenet(Z, Y)[0]; R cor(cophenetic(h), d). O(m²).
 */
export function copheneticCorrelation(
  linkage: Pick<HierarchicalLinkage, "observations" | "Z">,
  distances: ArrayLike<number>,
): number {
  const m = linkage.observations;
  const Z = linkage.Z;
  const N = (m * (m - 1)) / 2;
  if (distances.length !== N)
    throw new CoreError("dimension_mismatch", {
      function: "copheneticCorrelation",
      argument: "distances",
      expected: N,
      received: distances.length,
    });
  const ybar = neumaierSum(distances) / N;
  const w = new Float64Array(m - 1); // |a||b| h_s
  for (let s = 0; s < m - 1; s++) {
    const a = Z[4 * s] as number;
    const b = Z[4 * s + 1] as number;
    const na = a < m ? 1 : (Z[4 * (a - m) + 3] as number);
    const nb = b < m ? 1 : (Z[4 * (b - m) + 3] as number);
    w[s] = na * nb * (Z[4 * s + 2] as number);
  }
  const zbar = neumaierSum(w) / N;
  // member lists as linked lists over observations: head/tail per cluster id, next per observation
  const head = new Int32Array(2 * m - 1).fill(-1);
  const tail = new Int32Array(2 * m - 1).fill(-1);
  const next = new Int32Array(m).fill(-1);
  for (let i = 0; i < m; i++) {
    head[i] = i;
    tail[i] = i;
  }
  // Neumaier accumulators: yz, yy, zz
  let syz = 0;
  let cyz = 0;
  let syy = 0;
  let cyy = 0;
  let szz = 0;
  let czz = 0;
  for (let s = 0; s < m - 1; s++) {
    const a = Z[4 * s] as number;
    const b = Z[4 * s + 1] as number;
    const dz = (Z[4 * s + 2] as number) - zbar;
    let sy = 0;
    let cy = 0;
    let pairs = 0;
    for (let i = head[a] as number; i >= 0; i = next[i] as number) {
      for (let j = head[b] as number; j >= 0; j = next[j] as number) {
        const dy = (distances[i < j ? condensedIndex(m, i, j) : condensedIndex(m, j, i)] as number) - ybar;
        let t = sy + dy;
        cy += Math.abs(sy) >= Math.abs(dy) ? sy - t + dy : dy - t + sy;
        sy = t;
        const v = dy * dy;
        t = syy + v;
        cyy += syy >= v ? syy - t + v : v - t + syy;
        syy = t;
        pairs++;
      }
    }
    let v = dz * (sy + cy);
    let t = syz + v;
    cyz += Math.abs(syz) >= Math.abs(v) ? syz - t + v : v - t + syz;
    syz = t;
    v = pairs * dz * dz;
    t = szz + v;
    czz += szz >= v ? szz - t + v : v - t + szz;
    szz = t;
    next[tail[a] as number] = head[b] as number;
    head[m + s] = head[a] as number;
    tail[m + s] = tail[b] as number;
  }
  return (syz + cyz) / Math.sqrt((syy + cyy) * (szz + czz));
}
