/**
 * Tiers from flat clusters (分层), spec methods.md §6.3: clusters ordered by the mean of the unscaled
 * first feature (the digital-input share for sectors), descending, and labelled by code.
 */
import { CoreError } from "../errors.js";

/**
 * Tier codes (层级代码), highest first. k = 5: high, mid_high, medium, mid_low, low
 * (高度, 中高度, 中度, 中低度, 低度); k = 3: high, medium, low (高度, 中度, 低度). Text is produced at the
 * edges (src/i18n), never here.
 */
export type TierCode = "high" | "mid_high" | "medium" | "mid_low" | "low";

/** The spec's tier codes for k = 5 and k = 3 (spec §6.3); other k have no codes. */
export const TIER_CODES: Readonly<Record<3 | 5, readonly TierCode[]>> = {
  5: ["high", "mid_high", "medium", "mid_low", "low"],
  3: ["high", "medium", "low"],
};

/** Tiers of a flat clustering. */
export interface ClusterTiers {
  /** tier of each observation, 0 = highest mean */
  readonly tier: Int32Array;
  /** tier code of each observation (k = 3 or 5), else null */
  readonly tierCode: readonly TierCode[] | null;
  /** cluster number (as given) of each tier, highest first */
  readonly clusterOfTier: Int32Array;
  /** mean of `values` in each tier, highest first */
  readonly means: Float64Array;
  /** observations per tier, highest first */
  readonly sizes: Int32Array;
}

/**
 * Tiers of flat clusters (聚类分层): clusters ordered by the mean of `values` (the unscaled first
 * feature), descending; equal means keep the lower cluster number first.
 *
 * @param clusters - cluster number 1 … k per observation (from flatClusters)
 * @param values - one value per observation (e.g. the digital-input share before log and scaling)
 * @returns `{tier, tierCode, clusterOfTier, means, sizes}`
 * @throws {CoreError} dimension_mismatch; non_finite; invalid_argument (cluster numbers not 1 … k, each used)
 * @example
 * clusterTiers(Int32Array.of(1, 1, 2), [0.02, 0.04, 0.3]).tier; // => [1, 1, 0]
 */
export function clusterTiers(clusters: ArrayLike<number>, values: ArrayLike<number>): ClusterTiers {
  const fn = "clusterTiers";
  const m = clusters.length;
  if (values.length !== m)
    throw new CoreError("dimension_mismatch", {
      function: fn,
      argument: "values",
      expected: m,
      received: values.length,
    });
  let k = 0;
  for (let i = 0; i < m; i++) {
    const c = clusters[i] as number;
    if (!Number.isInteger(c) || c < 1)
      throw new CoreError("invalid_argument", {
        function: fn,
        argument: "clusters",
        index: i,
        value: c,
        expected: ">= 1",
      });
    if (c > k) k = c;
    if (!Number.isFinite(values[i] as number))
      throw new CoreError("non_finite", { function: fn, argument: "values", index: i, value: values[i] });
  }
  const sum = new Float64Array(k);
  const comp = new Float64Array(k);
  const count = new Int32Array(k);
  for (let i = 0; i < m; i++) {
    const c = (clusters[i] as number) - 1;
    const v = values[i] as number;
    const s = sum[c] as number;
    const t = s + v;
    comp[c] = (comp[c] as number) + (Math.abs(s) >= Math.abs(v) ? s - t + v : v - t + s);
    sum[c] = t;
    count[c] = (count[c] as number) + 1;
  }
  for (let c = 0; c < k; c++) {
    if (count[c] === 0)
      throw new CoreError("invalid_argument", {
        function: fn,
        argument: "clusters",
        value: c + 1,
        expected: "every number 1 … k used",
      });
  }
  const mean = Float64Array.from(sum, (s, c) => (s + (comp[c] as number)) / (count[c] as number));
  const order = Array.from({ length: k }, (_, c) => c).sort(
    (a, b) => (mean[b] as number) - (mean[a] as number) || a - b,
  );
  const rank = new Int32Array(k);
  order.forEach((c, r) => {
    rank[c] = r;
  });
  const tier = Int32Array.from(clusters, (c) => rank[c - 1] as number);
  const codes = k === 5 || k === 3 ? TIER_CODES[k] : null;
  return {
    tier,
    tierCode: codes === null ? null : Array.from(tier, (t) => codes[t] as TierCode),
    clusterOfTier: Int32Array.from(order, (c) => c + 1),
    means: Float64Array.from(order, (c) => mean[c] as number),
    sizes: Int32Array.from(order, (c) => count[c] as number),
  };
}
