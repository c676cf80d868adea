/**
 * Ranks of composite scores (排名) with ties, and rank changes between years (名次变化).
 */
import { CoreError } from "../errors.js";
import { checkFiniteVector } from "./checks.js";

export interface RankOptions {
  /** rank 1 = the largest score (true) or the smallest (false) @default true */
  readonly descending?: boolean;
}

/**
 * Competition ranks (标准竞争排名, "1224" ranking): equal scores share the best rank of their block
 * and the next distinct score skips the places they take — scores [9, 7, 7, 5] rank [1, 2, 2, 4]
 * (as R `rank(-x, ties.method = "min")`, scipy `rankdata(-x, method="min")`, and the ranking of
 * sports tables). Ties are exact equality of the floats: round scores first if noise should tie.
 *
 * @param scores - finite scores
 * @param options - {@link RankOptions}
 * @returns Int32Array of ranks in input order (1 = best)
 * @throws {CoreError} non_finite
 * @example
 * competitionRanks([9, 7, 7, 5]);                          // => Int32Array [1, 2, 2, 4]
 * competitionRanks([9, 7, 7, 5], { descending: false });   // => Int32Array [4, 2, 2, 1]
 * @see scipy.stats.rankdata (method="min"); Wikipedia "Ranking", standard competition ranking.
 * Complexity O(m log m).
 */
export function competitionRanks(scores: ArrayLike<number>, options: RankOptions = {}): Int32Array {
  checkFiniteVector(scores, "scores", "competitionRanks");
  const out = new Int32Array(scores.length);
  const order = new Int32Array(scores.length);
  competitionRanksInto(scores, options.descending ?? true, order, out);
  return out;
}

/**
 * Allocation-free kernel of {@link competitionRanks} for Monte-Carlo loops: `order` is scratch space
 * of the same length. No argument checks.
 */
export function competitionRanksInto(
  scores: ArrayLike<number>,
  descending: boolean,
  order: Int32Array,
  out: Int32Array,
): void {
  const m = scores.length;
  for (let i = 0; i < m; i++) order[i] = i;
  // insertion sort: m is the number of entities (tens); stable and allocation-free
  for (let i = 1; i < m; i++) {
    const k = order[i] as number;
    const v = scores[k] as number;
    let j = i - 1;
    while (j >= 0) {
      const w = scores[order[j] as number] as number;
      if (descending ? w >= v : w <= v) break;
      order[j + 1] = order[j] as number;
      j--;
    }
    order[j + 1] = k;
  }
  let rank = 1;
  for (let p = 0; p < m; p++) {
    const k = order[p] as number;
    if (p > 0 && scores[k] !== scores[order[p - 1] as number]) rank = p + 1;
    out[k] = rank;
  }
}

/**
 * Rank changes between two years (名次变化): Δ_i = rank_before,i − rank_after,i, so a positive change
 * is an improvement (moving up from 5th to 2nd is +3).
 *
 * @param before - ranks in the earlier year
 * @param after - ranks in the later year, same entities in the same order
 * @returns Int32Array of changes
 * @throws {CoreError} dimension_mismatch; invalid_argument (a rank not an integer ≥ 1)
 * @example
 * rankChanges([1, 2, 3], [2, 1, 3]); // => Int32Array [-1, 1, 0]
 */
export function rankChanges(before: ArrayLike<number>, after: ArrayLike<number>): Int32Array {
  const fn = "rankChanges";
  if (before.length !== after.length) {
    throw new CoreError("dimension_mismatch", {
      function: fn,
      argument: "after",
      expected: before.length,
      received: after.length,
    });
  }
  const out = new Int32Array(before.length);
  for (let i = 0; i < before.length; i++) {
    const a = before[i] as number;
    const b = after[i] as number;
    for (const [argument, v] of [
      ["before", a],
      ["after", b],
    ] as const) {
      if (!Number.isInteger(v) || v < 1)
        throw new CoreError("invalid_argument", { function: fn, argument, index: i, value: v });
    }
    out[i] = a - b;
  }
  return out;
}
