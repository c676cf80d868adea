/**
 * Hierarchical clustering of observations on their features (层次聚类), spec methods.md §6.2–6.3:
 * scaling → Euclidean distances → linkage → cut into k → tiers, with leaf order and the cophenetic
 * correlation. The pieces are exported on their own (features.ts, linkage.ts, dendrogram.ts, tiers.ts).
 */
import type { Diagnostic } from "../diagnostics.js";
import { CoreError } from "../errors.js";
import type { Matrix } from "../linalg/matrix.js";
import { type ClusterNumbering, copheneticCorrelation, flatClusters, leafOrder } from "./dendrogram.js";
import { type FeatureScaling, scaledFeatures } from "./features.js";
import {
  type AgglomerationMethod,
  euclideanDistances,
  type HierarchicalLinkage,
  linkageFromFeatures,
  type TieRule,
} from "./linkage.js";
import { type ClusterTiers, clusterTiers } from "./tiers.js";

/** Options of {@link hierarchicalClustering}. */
export interface HierarchicalClusteringOptions {
  /** @default "ward" (spec §6.3) */
  readonly method?: AgglomerationMethod;
  /** @default "z_score" (spec §6.2) */
  readonly scaling?: FeatureScaling;
  /** SD denominator m − ddof under z_score: 0 population (spec), 1 sample (R scale) @default 0 */
  readonly ddof?: 0 | 1;
  /** number of clusters to cut into; omitted: no cut and no tiers */
  readonly k?: number;
  /** numbering of the flat clusters @default "first_appearance" (R cutree) */
  readonly numbering?: ClusterNumbering;
  /** exact-tie rule @default "min_member" (R hclust; see {@link TieRule}) */
  readonly ties?: TieRule;
}

/** Result of {@link hierarchicalClustering}. */
export interface HierarchicalClusteringResult {
  readonly method: AgglomerationMethod;
  readonly scaling: FeatureScaling;
  readonly ddof: 0 | 1;
  /** the tree (scipy linkage layout; see {@link HierarchicalLinkage}) */
  readonly linkage: HierarchicalLinkage;
  /** dendrogram leaf order (scipy leaves_list) */
  readonly leafOrder: Int32Array;
  /** cophenetic correlation with the Euclidean distances of the scaled features (NaN if undefined) */
  readonly copheneticCorrelation: number;
  /** cluster number 1 … k per observation (when k is given) */
  readonly clusters: Int32Array | null;
  /** tiers by the mean of the unscaled first feature, descending (when k is given) */
  readonly tiers: ClusterTiers | null;
  /** constant features (constant_indicator) */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Hierarchical agglomerative clustering with tiers (层次聚类分层), spec §6.3.
 *
 * Features are scaled (z-score with population SD by default, min–max, or none; constant features
 * set to 0 with a `constant_indicator` warning), Euclidean distances taken, the tree built by
 * {@link linkageFromFeatures} (exact ties: the default {@link TieRule}), cut into k clusters by
 * undoing the last k − 1 merges and the clusters ordered into tiers by the mean of the *unscaled*
 * first feature, descending (codes high … low for k = 5 and 3).
 *
 * @param X - m × d features (rows = observations: sectors, regions), finite
 * @param options - method, scaling, ddof, k, numbering
 * @returns `{method, scaling, ddof, linkage, leafOrder, copheneticCorrelation, clusters, tiers, diagnostics}`
 * @throws {CoreError} too_few_observations (m = 0, or m < k); non_finite; invalid_argument (unknown
 *   method, scaling or numbering; k not a positive integer)
 * @example
 * hierarchicalClustering(fromRows([[1], [2], [4], [7], [11]]), { method: "complete", scaling: "none", k: 2 })
 *   .tiers?.tierCode; // => null (k = 2 has no codes); .tiers.tier => [1, 1, 1, 0, 0]
 * @see R hclust + cutree; scipy linkage + fcluster(maxclust) + cophenet; spec methods.md §6.3, §6.5.
 * O(m²·d + m²) time, O(m²) memory.
 */
export function hierarchicalClustering(
  X: Matrix,
  options: HierarchicalClusteringOptions = {},
): HierarchicalClusteringResult {
  const fn = "hierarchicalClustering";
  const method = options.method ?? "ward";
  const scaling = options.scaling ?? "z_score";
  const ddof = options.ddof ?? 0;
  const k = options.k;
  if (k !== undefined) {
    if (!Number.isInteger(k) || k < 1)
      throw new CoreError("invalid_argument", { function: fn, argument: "k", value: k, expected: ">= 1" });
    if (X.rows < k)
      throw new CoreError("too_few_observations", { function: fn, argument: "X", received: X.rows, required: k });
  }
  const scaled = scaledFeatures(X, { scaling, ddof });
  const linkage = linkageFromFeatures(scaled.X, method, { ties: options.ties ?? "min_member" });
  let clusters: Int32Array | null = null;
  let tiers: ClusterTiers | null = null;
  if (k !== undefined) {
    clusters = flatClusters(linkage, k, options.numbering ?? "first_appearance");
    const first = Float64Array.from({ length: X.rows }, (_, i) => X.data[i * X.cols] as number);
    tiers = X.cols > 0 ? clusterTiers(clusters, first) : null;
  }
  return {
    method,
    scaling,
    ddof,
    linkage,
    leafOrder: leafOrder(linkage),
    copheneticCorrelation: X.rows > 2 ? copheneticCorrelation(linkage, euclideanDistances(scaled.X)) : Number.NaN,
    clusters,
    tiers,
    diagnostics: scaled.diagnostics,
  };
}
