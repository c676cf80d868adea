/**
 * Hierarchical agglomerative clustering (层次聚类) on a condensed Euclidean distance vector: the
 * linkage in scipy's layout (spec methods.md §6.3).
 *
 * Algorithms (Müllner 2011, "Modern hierarchical, agglomerative clustering algorithms",
 * arXiv:1109.2378): the nearest-neighbour chain for the reducible linkages complete, average and
 * Ward, and Prim's minimum spanning tree for single linkage — both O(n²) time and O(n²) memory, in
 * the same floating-point operations as scipy.cluster.hierarchy (`nn_chain`, `mst_single_linkage`,
 * scipy 1.10). Both find the merges out of order and sort them by height, so with exact ties their
 * result depends on the order they visit points. A deterministic tie rule ({@link TieRule}) is a
 * statement about the greedy order; when a run sees an exact tie (two equal candidates in a
 * nearest-neighbour search, or two equal merge heights) the linkage is recomputed by the generic
 * algorithm (Müllner 2011, fig. 3: nearest-neighbour candidates per row, exact greedy order, O(n²)
 * typical, O(n³) worst case), which applies the rule exactly. Without ties all three give the same
 * merges; heights agree to rounding.
 */
import { CoreError } from "../errors.js";

/**
 * Linkage method (聚类连接方法). `ward` is Ward's minimum-variance method on squared Euclidean
 * distances with heights on the distance scale (R `hclust(method = "ward.D2")`, scipy
 * `linkage(method = "ward")`); R's `ward.D` is not offered (spec §6.3).
 */
export type AgglomerationMethod = "single" | "complete" | "average" | "ward";

/** Every {@link AgglomerationMethod}. */
export const AGGLOMERATION_METHODS: readonly AgglomerationMethod[] = ["single", "complete", "average", "ward"];

/** Which algorithm produced a linkage. */
export type AgglomerationAlgorithm = "nn_chain" | "mst" | "generic";

/**
 * Tie rule (并列规则) for equal linkage distances; the smallest distance always merges first.
 * - `min_member` (default): the pair whose clusters' smallest observation numbers (a, b), a < b, is
 *   lexicographically smallest — R hclust's rule (its Fortran keeps a merged cluster in the slot of its
 *   smallest member and scans slots in order); it reproduces spec §6.5's tiny 1-D answers, where
 *   R and scipy agree.
 * - `cluster_id`: the smallest (min id, max id) pair, ids as in scipy (observations 0 … m − 1, the
 *   s-th merge m + s) — the literal wording of spec §6.3. On x = [1, 2, 4, 7, 11] with complete
 *   linkage it merges {4, 7} before {1, 2} ∪ {4} (both at 3), so its heights are [1, 3, 6, 10], not
 *   §6.5's [1, 3, 4, 10]: the spec's rule and its known answer disagree, hence the default.
 */
export type TieRule = "min_member" | "cluster_id";

/** Options of {@link linkageFromDistances}. */
export interface AgglomerationOptions {
  /** @default "min_member" */
  readonly ties?: TieRule;
  /**
   * "auto": nn_chain / mst, and the generic algorithm when they meet an exact tie; "generic": always
   * the generic algorithm (for checks).
   * @default "auto"
   */
  readonly algorithm?: "auto" | "generic";
}

/** A hierarchical clustering of m observations (scipy's linkage matrix Z). */
export interface HierarchicalLinkage {
  /** number of observations m */
  readonly observations: number;
  readonly method: AgglomerationMethod;
  /**
   * (m − 1) × 4, row-major: row s = [a, b, height, size] merges clusters a < b at `height` into
   * cluster m + s of `size` observations; observations are clusters 0 … m − 1. Rows are in merge
   * order, heights non-decreasing.
   */
  readonly Z: Float64Array;
  /** nn_chain (complete, average, ward) or mst (single) without ties; generic when a tie was seen */
  readonly algorithm: AgglomerationAlgorithm;
  /** the fast algorithm saw an exact tie, so the tie rule was applied by the generic one (false when not checked) */
  readonly exactTies: boolean;
}

/** Position of the pair (i, j), i < j, in a condensed distance vector of n points (scipy `pdist`). */
export function condensedIndex(n: number, i: number, j: number): number {
  return n * i - (i * (i + 1)) / 2 + (j - i - 1);
}

/**
 * Euclidean distances between the rows of X (欧氏距离), condensed as scipy `pdist`:
 * d(i, j) for i < j at {@link condensedIndex}(m, i, j).
 *
 * @param X - m × d finite values, row-major
 * @returns m(m − 1)/2 distances
 * @throws {CoreError} non_finite
 * @example
 * euclideanDistances({ rows: 3, cols: 1, data: Float64Array.of(0, 3, 7) }); // => [3, 7, 4]
 * @see scipy.spatial.distance.pdist(X, "euclidean"); R dist(X)
 */
export function euclideanDistances(X: { readonly rows: number; readonly cols: number; readonly data: Float64Array }) {
  const { rows: m, cols: d, data } = X;
  for (let i = 0; i < m * d; i++) {
    if (!Number.isFinite(data[i] as number))
      throw new CoreError("non_finite", {
        function: "euclideanDistances",
        argument: "X",
        row: Math.floor(i / d),
        col: i % d,
      });
  }
  const out = new Float64Array((m * (m - 1)) / 2);
  let p = 0;
  for (let i = 0; i < m; i++) {
    const oi = i * d;
    for (let j = i + 1; j < m; j++) {
      const oj = j * d;
      let s = 0;
      for (let c = 0; c < d; c++) {
        const v = (data[oi + c] as number) - (data[oj + c] as number);
        s += v * v;
      }
      out[p++] = Math.sqrt(s);
    }
  }
  return out;
}

/** [start, start + 1, …] of length n. */
function iota(n: number, start: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = start + i;
  return out;
}

/** Method codes for {@link lanceWilliams} (one monomorphic function, so V8 inlines it). */
const METHOD_CODE: Readonly<Record<AgglomerationMethod, number>> = { single: 0, complete: 1, average: 2, ward: 3 };

/**
 * Lance–Williams update d(i, x∪y) from d(i, x), d(i, y), d(x, y) and the sizes, in scipy's forms:
 * single min, complete max, average (n_x d_xi + n_y d_yi)/(n_x + n_y), and Ward on squared distances
 * written on the distance scale:
 * d(i, x∪y)² = [(n_i+n_x) d(i,x)² + (n_i+n_y) d(i,y)² − n_i d(x,y)²] / (n_i+n_x+n_y).
 */
function lanceWilliams(code: number, dxi: number, dyi: number, dxy: number, nx: number, ny: number, ni: number) {
  switch (code) {
    case 0:
      return Math.min(dxi, dyi);
    case 1:
      return Math.max(dxi, dyi);
    case 2:
      return (nx * dxi + ny * dyi) / (nx + ny);
    default: {
      const t = 1.0 / (nx + ny + ni);
      return Math.sqrt((ni + nx) * t * dxi * dxi + (ni + ny) * t * dyi * dyi - ni * t * dxy * dxy);
    }
  }
}

/**
 * Hierarchical agglomerative clustering (层次聚类) of m observations from their condensed distances.
 *
 * At each step the two clusters at the smallest linkage distance merge (single: minimum, complete:
 * maximum, average (UPGMA): size-weighted mean of the pairwise distances, ward: Ward's
 * minimum-variance criterion, heights √ of the Lance–Williams update on squared distances). Exact
 * ties follow `options.ties` ({@link TieRule}: R hclust's smallest-member rule by default, or the
 * literal scipy-id rule of spec §6.3); scipy's nearest-neighbour chain breaks ties by its visiting
 * order, so on tied data scipy may differ from either.
 *
 * @param distances - condensed distances (scipy `pdist` layout), finite and ≥ 0; not modified
 * @param m - number of observations, m ≥ 1 and m(m − 1)/2 = distances.length
 * @param method - linkage method (default "ward")
 * @param options - `algorithm`: "auto" (default: nn_chain / mst, generic on ties) or "generic"
 *   (always the greedy generic algorithm; for checks)
 * @returns `{observations, method, Z, algorithm, exactTies}` — Z in scipy's layout
 * @throws {CoreError} too_few_observations (m = 0); dimension_mismatch (length ≠ m(m − 1)/2);
 *   non_finite; invalid_argument (a negative distance, or an unknown method)
 * @example
 * linkageFromDistances(euclideanDistances(fromRows([[1], [2], [4], [7], [11]])), 5, "complete").Z;
 * // => rows [0, 1, 1, 2], [2, 5, 3, 3], [3, 4, 4, 2], [6, 7, 10, 5]
 * @see scipy.cluster.hierarchy.linkage; R stats::hclust; Müllner (2011), arXiv:1109.2378.
 * O(m²) time and memory without ties.
 */
export function linkageFromDistances(
  distances: ArrayLike<number>,
  m: number,
  method: AgglomerationMethod = "ward",
  options: AgglomerationOptions = {},
): HierarchicalLinkage {
  const fn = "linkageFromDistances";
  if (!Number.isInteger(m) || m < 1)
    throw new CoreError("too_few_observations", { function: fn, argument: "m", received: m, required: 1 });
  if (!AGGLOMERATION_METHODS.includes(method))
    throw new CoreError("invalid_argument", {
      function: fn,
      argument: "method",
      value: method,
      expected: AGGLOMERATION_METHODS,
    });
  const len = (m * (m - 1)) / 2;
  if (distances.length !== len)
    throw new CoreError("dimension_mismatch", {
      function: fn,
      argument: "distances",
      expected: len,
      received: distances.length,
    });
  const D = distances instanceof Float64Array ? distances : Float64Array.from(distances);
  for (let p = 0; p < len; p++) {
    const v = D[p] as number;
    if (!Number.isFinite(v))
      throw new CoreError("non_finite", { function: fn, argument: "distances", index: p, value: v });
    if (v < 0)
      throw new CoreError("invalid_argument", {
        function: fn,
        argument: "distances",
        index: p,
        value: v,
        expected: ">= 0",
      });
  }
  return agglomerate(D, m, method, options, null);
}

/**
 * Hierarchical agglomerative clustering (层次聚类) of the rows of X on Euclidean distances: scipy
 * `linkage(X, method, metric="euclidean")` — the same tree as
 * `linkageFromDistances(euclideanDistances(X), m, method, options)`, with one m(m − 1)/2 buffer
 * instead of two (the distances are computed here and used as the algorithm's working memory; on an
 * exact tie they are computed again for the generic algorithm). Single linkage needs no buffer at
 * all: Prim's algorithm computes each distance from X when it needs it (O(m) memory).
 *
 * @param X - m × d finite features (rows = observations), m ≥ 1; not modified
 * @param method - linkage method (default "ward")
 * @param options - {@link AgglomerationOptions}
 * @returns `{observations, method, Z, algorithm, exactTies}`
 * @throws {CoreError} too_few_observations (m = 0); non_finite; invalid_argument (unknown method or ties)
 * @example
 * linkageFromFeatures(fromRows([[1], [2], [4], [7], [11]]), "single").Z; // heights 1, 2, 3, 4
 * @see scipy.cluster.hierarchy.linkage(X). O(m²·d) time, O(m²) memory without ties.
 */
export function linkageFromFeatures(
  X: { readonly rows: number; readonly cols: number; readonly data: Float64Array },
  method: AgglomerationMethod = "ward",
  options: AgglomerationOptions = {},
): HierarchicalLinkage {
  const fn = "linkageFromFeatures";
  if (X.rows < 1)
    throw new CoreError("too_few_observations", { function: fn, argument: "X", received: X.rows, required: 1 });
  if (!AGGLOMERATION_METHODS.includes(method))
    throw new CoreError("invalid_argument", {
      function: fn,
      argument: "method",
      value: method,
      expected: AGGLOMERATION_METHODS,
    });
  if (method === "single" && options.algorithm !== "generic" && X.rows > 1) {
    // Prim on the features themselves: no m(m − 1)/2 buffer at all (the same distance values)
    const { rows: m, cols: d, data } = X;
    for (let i = 0; i < m * d; i++) {
      if (!Number.isFinite(data[i] as number))
        throw new CoreError("non_finite", { function: fn, argument: "X", row: Math.floor(i / d), col: i % d });
    }
    const Z = sortAndLabel(mstFeatures(data, m, d), m);
    if (Z !== null) return { observations: m, method, Z, algorithm: "mst", exactTies: false };
  }
  return agglomerate(euclideanDistances(X), X.rows, method, options, () => euclideanDistances(X));
}

/**
 * The algorithms behind both entry points. `fresh`: null when D belongs to the caller (then it is
 * copied before being modified); otherwise D is owned working memory and `fresh()` recomputes it.
 */
function agglomerate(
  D: Float64Array,
  m: number,
  method: AgglomerationMethod,
  options: AgglomerationOptions,
  fresh: (() => Float64Array) | null,
): HierarchicalLinkage {
  const fn = fresh === null ? "linkageFromDistances" : "linkageFromFeatures";
  if (m === 1)
    return {
      observations: 1,
      method,
      Z: new Float64Array(0),
      algorithm: method === "single" ? "mst" : "nn_chain",
      exactTies: false,
    };
  const ties = options.ties ?? "min_member";
  if (ties !== "min_member" && ties !== "cluster_id")
    throw new CoreError("invalid_argument", {
      function: fn,
      argument: "ties",
      value: ties,
      expected: ["min_member", "cluster_id"],
    });
  if (options.algorithm === "generic")
    return {
      observations: m,
      method,
      Z: genericLinkage(D, m, METHOD_CODE[method], ties),
      algorithm: "generic",
      exactTies: false,
    };
  const fast =
    method === "single" ? mstSingle(D, m) : nnChain(fresh === null ? Float64Array.from(D) : D, m, METHOD_CODE[method]);
  if (fast !== null) {
    const Z = sortAndLabel(fast, m);
    if (Z !== null)
      return { observations: m, method, Z, algorithm: method === "single" ? "mst" : "nn_chain", exactTies: false };
  }
  return {
    observations: m,
    method,
    Z: genericLinkage(fresh === null || method === "single" ? D : fresh(), m, METHOD_CODE[method], ties),
    algorithm: "generic",
    exactTies: true,
  };
}

/**
 * scipy's nn_chain: merges as (x, y, height) triples in the order found, with x, y slot numbers.
 * null when a nearest-neighbour search met an exact tie.
 */
/** (D is modified: the caller passes a copy or owned working memory.) */
function nnChain(D: Float64Array, n: number, code: number): Float64Array | null {
  const size = new Int32Array(n).fill(1);
  const chain = new Int32Array(n);
  const out = new Float64Array((n - 1) * 3);
  let chainLength = 0;
  for (let k = 0; k < n - 1; k++) {
    if (chainLength === 0) {
      chainLength = 1;
      for (let i = 0; i < n; i++) {
        if (size[i] as number) {
          chain[0] = i;
          break;
        }
      }
    }
    let x = 0;
    let y = 0;
    let currentMin = 0;
    for (;;) {
      x = chain[chainLength - 1] as number;
      let prev = -1;
      if (chainLength > 1) {
        prev = chain[chainLength - 2] as number;
        y = prev;
        currentMin = D[prev < x ? condensedIndex(n, prev, x) : condensedIndex(n, x, prev)] as number;
      } else {
        currentMin = Number.POSITIVE_INFINITY;
      }
      let tie = false;
      // i < x: d(i, x) at idx(i, x); the step between consecutive i is n − i − 2
      let p = x - 1;
      for (let i = 0; i < x; i++) {
        if (size[i] as number) {
          const dist = D[p] as number;
          if (dist < currentMin) {
            currentMin = dist;
            y = i;
            tie = false;
          } else if (dist === currentMin && i !== prev) tie = true;
        }
        p += n - i - 2;
      }
      // i > x: contiguous
      p = x < n - 1 ? condensedIndex(n, x, x + 1) : 0;
      for (let i = x + 1; i < n; i++, p++) {
        if (size[i] as number) {
          const dist = D[p] as number;
          if (dist < currentMin) {
            currentMin = dist;
            y = i;
            tie = false;
          } else if (dist === currentMin && i !== prev) tie = true;
        }
      }
      if (tie) return null;
      if (chainLength > 1 && y === prev) break;
      chain[chainLength++] = y;
    }
    chainLength -= 2;
    if (x > y) {
      const t = x;
      x = y;
      y = t;
    }
    const nx = size[x] as number;
    const ny = size[y] as number;
    out[3 * k] = x;
    out[3 * k + 1] = y;
    out[3 * k + 2] = currentMin;
    size[x] = 0;
    size[y] = nx + ny;
    // d(i, y) ← update(d(i, x), d(i, y)) for the remaining clusters i, x < y; the condensed
    // positions move by n − i − 2 (row i < pivot) or by 1 (row pivot, i > pivot) per step of i
    let ix = x - 1;
    let iy = y - 1;
    let i = 0;
    for (; i < x; i++) {
      const ni = size[i] as number;
      if (ni !== 0) D[iy] = lanceWilliams(code, D[ix] as number, D[iy] as number, currentMin, nx, ny, ni);
      ix += n - i - 2;
      iy += n - i - 2;
    }
    ix = condensedIndex(n, x, x + 1);
    iy += n - x - 2; // idx(x + 1, y)
    for (i = x + 1; i < y; i++, ix++) {
      const ni = size[i] as number;
      if (ni !== 0) D[iy] = lanceWilliams(code, D[ix] as number, D[iy] as number, currentMin, nx, ny, ni);
      iy += n - i - 2;
    }
    ix++;
    iy = y < n - 1 ? condensedIndex(n, y, y + 1) : 0;
    for (i = y + 1; i < n; i++, ix++, iy++) {
      const ni = size[i] as number;
      if (ni !== 0) D[iy] = lanceWilliams(code, D[ix] as number, D[iy] as number, currentMin, nx, ny, ni);
    }
  }
  return out;
}

/**
 * Prim's minimum spanning tree as scipy's mst_single_linkage: edges (x, y, height) in the order
 * found, x the node added last, y the next. The nodes not yet in the tree are kept in a compact list
 * (swap-remove), so step k scans n − k − 1 of them instead of n; only ties of the tree distances can
 * depend on that order, and tied heights send the caller to the generic algorithm anyway.
 */
function mstSingle(distances: Float64Array, n: number): Float64Array {
  const D = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const out = new Float64Array((n - 1) * 3);
  // idx(i, j) = rowStart[i] + j for i < j
  const rowStart = new Float64Array(n);
  for (let i = 0; i < n; i++) rowStart[i] = n * i - (i * (i + 1)) / 2 - i - 1;
  const rem = iota(n - 1, 1);
  let r = n - 1;
  let x = 0;
  for (let k = 0; k < n - 1; k++) {
    let currentMin = Number.POSITIVE_INFINITY;
    let ty = 0;
    const rx = rowStart[x] as number;
    for (let t = 0; t < r; t++) {
      const i = rem[t] as number;
      const dist = distances[i < x ? (rowStart[i] as number) + x : rx + i] as number;
      let di = D[i] as number;
      if (di > dist) {
        di = dist;
        D[i] = dist;
      }
      if (di < currentMin) {
        currentMin = di;
        ty = t;
      }
    }
    const y = rem[ty] as number;
    rem[ty] = rem[--r] as number;
    out[3 * k] = x;
    out[3 * k + 1] = y;
    out[3 * k + 2] = currentMin;
    x = y;
  }
  return out;
}

/**
 * {@link mstSingle} with the distances computed when needed from the rows of X (m × d), in the same
 * operations as {@link euclideanDistances}: O(m²·d) time, O(m) memory.
 */
function mstFeatures(data: Float64Array, n: number, d: number): Float64Array {
  const D = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const out = new Float64Array((n - 1) * 3);
  const rem = iota(n - 1, 1);
  let r = n - 1;
  let x = 0;
  for (let k = 0; k < n - 1; k++) {
    let currentMin = Number.POSITIVE_INFINITY;
    let ty = 0;
    for (let t = 0; t < r; t++) {
      const i = rem[t] as number;
      // d(min(i, x), max(i, x)) summed in feature order, as euclideanDistances does
      const a = Math.min(i, x) * d;
      const b = Math.max(i, x) * d;
      let sum = 0;
      for (let c = 0; c < d; c++) {
        const v = (data[a + c] as number) - (data[b + c] as number);
        sum += v * v;
      }
      const dist = Math.sqrt(sum);
      let di = D[i] as number;
      if (di > dist) {
        di = dist;
        D[i] = dist;
      }
      if (di < currentMin) {
        currentMin = di;
        ty = t;
      }
    }
    const y = rem[ty] as number;
    rem[ty] = rem[--r] as number;
    out[3 * k] = x;
    out[3 * k + 1] = y;
    out[3 * k + 2] = currentMin;
    x = y;
  }
  return out;
}

/**
 * Stable sort by height, then scipy's `label`: cluster ids by union–find in sorted order, a < b,
 * sizes. null when two heights are equal (the order of tied merges is then the spec's business).
 */
function sortAndLabel(merges: Float64Array, n: number): Float64Array | null {
  // stable sort of the merge numbers by height: insertion sort for small n, else Array sort
  const order = iota(n - 1, 0);
  if (n <= 64) {
    for (let s = 1; s < n - 1; s++) {
      const o = order[s] as number;
      const h = merges[3 * o + 2] as number;
      let t = s - 1;
      while (t >= 0 && (merges[3 * (order[t] as number) + 2] as number) > h) {
        order[t + 1] = order[t] as number;
        t--;
      }
      order[t + 1] = o;
    }
  } else {
    const sorted = Array.from(order).sort(
      (a, b) => (merges[3 * a + 2] as number) - (merges[3 * b + 2] as number) || a - b,
    );
    order.set(sorted);
  }
  for (let s = 1; s < n - 1; s++) {
    if (merges[3 * (order[s] as number) + 2] === merges[3 * (order[s - 1] as number) + 2]) return null;
  }
  const parent = iota(2 * n - 1, 0);
  const size = new Float64Array(2 * n - 1).fill(1);
  const find = (v: number): number => {
    let r = v;
    while (parent[r] !== r) r = parent[r] as number;
    while (parent[v] !== r) {
      const next = parent[v] as number;
      parent[v] = r;
      v = next;
    }
    return r;
  };
  const Z = new Float64Array((n - 1) * 4);
  for (let s = 0; s < n - 1; s++) {
    const o = order[s] as number;
    const a = find(merges[3 * o] as number);
    const b = find(merges[3 * o + 1] as number);
    const id = n + s;
    parent[a] = id;
    parent[b] = id;
    size[id] = (size[a] as number) + (size[b] as number);
    Z[4 * s] = Math.min(a, b);
    Z[4 * s + 1] = Math.max(a, b);
    Z[4 * s + 2] = merges[3 * o + 2] as number;
    Z[4 * s + 3] = size[id] as number;
  }
  return Z;
}

/**
 * The generic algorithm with a tie rule: each row i keeps its nearest partner j > i (smallest
 * distance, then smallest key) and the globally smallest (distance, min key, max key) pair merges;
 * the merged cluster takes the larger slot. Keys are distinct among active clusters, and for a fixed
 * row the pair order (min, max) ranks partners by their key alone, so rows can compare keys.
 */
function genericLinkage(distances: Float64Array, n: number, code: number, ties: TieRule): Float64Array {
  const D = Float64Array.from(distances);
  const size = new Int32Array(n).fill(1);
  // id: scipy cluster id (reported); key: what ties compare (the id, or the smallest member)
  const id = iota(n, 0);
  const key = iota(n, 0);
  const nn = new Int32Array(n).fill(-1);
  const mind = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const Z = new Float64Array((n - 1) * 4);
  const recompute = (i: number): void => {
    let best = Number.POSITIVE_INFINITY;
    let bj = -1;
    let p = condensedIndex(n, i, i + 1);
    for (let j = i + 1; j < n; j++, p++) {
      if (!(size[j] as number)) continue;
      const v = D[p] as number;
      if (v < best || (v === best && (key[j] as number) < (key[bj] as number))) {
        best = v;
        bj = j;
      }
    }
    nn[i] = bj;
    mind[i] = best;
  };
  for (let i = 0; i < n - 1; i++) recompute(i);
  for (let step = 0; step < n - 1; step++) {
    let bi = -1;
    let best = Number.POSITIVE_INFINITY;
    let bLo = 0;
    let bHi = 0;
    for (let i = 0; i < n - 1; i++) {
      if (!(size[i] as number) || (nn[i] as number) < 0) continue;
      const v = mind[i] as number;
      if (v > best) continue;
      const ii = key[i] as number;
      const ij = key[nn[i] as number] as number;
      const lo = Math.min(ii, ij);
      const hi = Math.max(ii, ij);
      if (v < best || lo < bLo || (lo === bLo && hi < bHi)) {
        best = v;
        bi = i;
        bLo = lo;
        bHi = hi;
      }
    }
    const sa = bi;
    const sb = nn[bi] as number; // sa < sb
    const na = size[sa] as number;
    const nb = size[sb] as number;
    Z[4 * step] = Math.min(id[sa] as number, id[sb] as number);
    Z[4 * step + 1] = Math.max(id[sa] as number, id[sb] as number);
    Z[4 * step + 2] = best;
    Z[4 * step + 3] = na + nb;
    size[sa] = 0;
    nn[sa] = -1;
    size[sb] = na + nb;
    id[sb] = n + step;
    key[sb] = ties === "cluster_id" ? n + step : Math.min(key[sa] as number, key[sb] as number);
    for (let i = 0; i < n; i++) {
      const ni = size[i] as number;
      if (ni === 0 || i === sb) continue;
      const ia = i < sa ? condensedIndex(n, i, sa) : condensedIndex(n, sa, i);
      const ib = i < sb ? condensedIndex(n, i, sb) : condensedIndex(n, sb, i);
      D[ib] = lanceWilliams(code, D[ia] as number, D[ib] as number, best, na, nb, ni);
    }
    for (let i = 0; i < sb; i++) {
      if (!(size[i] as number)) continue;
      if (nn[i] === sa || nn[i] === sb) recompute(i);
      else {
        const v = D[condensedIndex(n, i, sb)] as number;
        if (v < (mind[i] as number) || (v === mind[i] && (key[sb] as number) < (key[nn[i] as number] as number))) {
          nn[i] = sb;
          mind[i] = v;
        }
      }
    }
    if (sb < n - 1) recompute(sb);
  }
  return Z;
}
