/**
 * Value-added structure and growth contribution by tier (分层级增加值结构与增长贡献率), spec
 * methods.md §6.4 and the share / growth-contribution helpers of §0.4, plus the consistency check of
 * printed shares (spec §6.1: a published set of tier contributions that does not sum to 100 %).
 */
import { CoreError } from "../errors.js";
import { neumaierSum } from "../stats/summation.js";
import type { TiersDiagnostic } from "./codes.js";

/** Value added by year and sector, with the (fixed) tier of every sector. */
export interface TierStructureInput {
  /**
   * tier label of each sector (length m). Membership is fixed: one classification (spec §6.4: the
   * 2024 tiers) is applied to every year.
   */
  readonly membership: readonly string[];
  /** the year of each row of `values`: integers, strictly increasing */
  readonly years: readonly number[];
  /** value added, one row per year (aligned with `years`), one column per sector (aligned with `membership`) */
  readonly values: readonly (readonly number[])[];
}

export interface TierStructureOptions {
  /**
   * the tiers in output order; must contain every label of `membership` (a listed tier without
   * sectors gets value 0)
   * @default the labels of `membership` in order of first appearance
   */
  readonly tierOrder?: readonly string[];
}

/** The levels and shares of one year. */
export interface TierYear {
  readonly year: number;
  /** Σ_j VA_{j,t} over all sectors */
  readonly total: number;
  /** Σ_{j∈k} VA_{j,t}, in tier order */
  readonly tierTotals: readonly number[];
  /** s_{k,t} = tierTotals_k / total (fractions); null when total ≤ 0 */
  readonly shares: readonly (number | null)[];
}

/** The growth contributions of one year over the previous calendar year. */
export interface TierContribution {
  readonly year: number;
  /** VA_t − VA_{t−1} over all sectors */
  readonly totalChange: number;
  /** VA_{k,t} − VA_{k,t−1}, in tier order */
  readonly tierChanges: readonly number[];
  /** c_{k,t} = tierChanges_k / totalChange (fractions, summing to 1); null when totalChange = 0 */
  readonly contributions: readonly (number | null)[];
  /** totalChange < 0: computed, but signs invert (a growing tier gets a negative contribution) */
  readonly negativeTotalChange: boolean;
}

export interface TierStructureResult {
  /** the tier labels, in output order */
  readonly tiers: readonly string[];
  /** one entry per input year */
  readonly levels: readonly TierYear[];
  /** one entry per year whose previous calendar year is also in the input */
  readonly contributions: readonly TierContribution[];
  /** share_total_not_positive, total_change_zero (null contributions), negative_total_change (flag) */
  readonly diagnostics: readonly TiersDiagnostic[];
}

/**
 * Value-added shares and growth contributions by tier (分层级增加值占比与增长贡献率).
 *
 * For tier k (a fixed set of sectors) and year t:
 *
 *     share         s_{k,t} = Σ_{j∈k} VA_{j,t} / Σ_j VA_{j,t}              (null if Σ_j VA_{j,t} ≤ 0)
 *     contribution  c_{k,t} = (VA_{k,t} − VA_{k,t−1}) / (VA_t − VA_{t−1})  (null if VA_t = VA_{t−1})
 *
 * Shares sum to 1 and contributions sum to 1 (up to rounding) by construction. A negative total change
 * is not an error: the contributions are computed and flagged (`negative_total_change`), since their
 * signs invert. Contributions are computed only for years whose previous calendar year is present
 * (spec: 2012 requires 2011 data). Sums are compensated (Neumaier). The price basis is the caller's:
 * pass current-price VA for the nominal default, constant-price VA for the option.
 *
 * @param input - {@link TierStructureInput}: membership (tier of each sector), years, values (year × sector)
 * @param options - {@link TierStructureOptions}
 * @returns {@link TierStructureResult}: tiers, levels (total, tierTotals, shares per year),
 *   contributions (totalChange, tierChanges, contributions, negativeTotalChange per year), diagnostics
 * @throws {CoreError} dimension_mismatch (values rows ≠ years, a row's length ≠ membership);
 *   invalid_argument (empty membership; reason "years_not_increasing" (params index, year) for years
 *   that are not strictly increasing integers; reason "unknown_tier" (params received) when a
 *   membership label is missing from `tierOrder`; reason "duplicate" for a label listed twice in
 *   `tierOrder`); non_finite (a value is NaN or ±Infinity)
 * @example
 * const r = tierStructure({ membership: ["a", "b", "c"], years: [2023, 2024], values: [[10, 20, 30], [12, 21, 33]] });
 * r.levels[1].shares;               // => [0.181818…, 0.318181…, 0.5]
 * r.contributions[0].contributions; // => [0.333333…, 0.166666…, 0.5]
 * @see spec methods.md §6.4 (test values) and §0.4 (share, growth contribution)
 * Complexity O(years · sectors).
 */
export function tierStructure(input: TierStructureInput, options: TierStructureOptions = {}): TierStructureResult {
  const fn = "tierStructure";
  const { membership, years, values } = input;
  const m = membership.length;
  if (m === 0) throw new CoreError("invalid_argument", { function: fn, argument: "membership", reason: "empty" });
  if (values.length !== years.length) {
    throw new CoreError("dimension_mismatch", {
      function: fn,
      argument: "values",
      expected: years.length,
      received: values.length,
    });
  }
  for (let t = 0; t < years.length; t++) {
    const y = years[t] as number;
    if (!Number.isInteger(y) || (t > 0 && y <= (years[t - 1] as number))) {
      throw new CoreError("invalid_argument", {
        function: fn,
        argument: "years",
        reason: "years_not_increasing",
        index: t,
        year: y,
      });
    }
    const row = values[t] as readonly number[];
    if (row.length !== m) {
      throw new CoreError("dimension_mismatch", {
        function: fn,
        argument: "values",
        row: t,
        expected: m,
        received: row.length,
      });
    }
    for (let j = 0; j < m; j++) {
      if (!Number.isFinite(row[j] as number))
        throw new CoreError("non_finite", { function: fn, argument: "values", row: t, col: j, value: row[j] });
    }
  }
  const tiers = tierLabels(membership, options.tierOrder, fn);
  const tierIndex = new Map(tiers.map((k, i) => [k, i]));
  const K = tiers.length;
  const members: number[][] = Array.from({ length: K }, () => []);
  for (let j = 0; j < m; j++) members[tierIndex.get(membership[j] as string) as number]?.push(j);

  const diagnostics: TiersDiagnostic[] = [];
  const sumOf = (row: readonly number[], idx: readonly number[]): number =>
    neumaierSum(idx.map((j) => row[j] as number));
  const levels: TierYear[] = years.map((year, t) => {
    const row = values[t] as readonly number[];
    const total = neumaierSum(row);
    const tierTotals = members.map((idx) => sumOf(row, idx));
    if (!(total > 0))
      diagnostics.push({ code: "share_total_not_positive", severity: "warning", params: { year, total } });
    return { year, total, tierTotals, shares: tierTotals.map((v) => (total > 0 ? v / total : null)) };
  });

  const contributions: TierContribution[] = [];
  for (let t = 1; t < years.length; t++) {
    const year = years[t] as number;
    if ((years[t - 1] as number) !== year - 1) continue;
    const cur = values[t] as readonly number[];
    const prev = values[t - 1] as readonly number[];
    const delta = cur.map((v, j) => v - (prev[j] as number));
    const totalChange = neumaierSum(delta);
    const tierChanges = members.map((idx) => sumOf(delta, idx));
    const negativeTotalChange = totalChange < 0;
    if (totalChange === 0) {
      diagnostics.push({ code: "total_change_zero", severity: "warning", params: { year, totalChange } });
    } else if (negativeTotalChange) {
      diagnostics.push({ code: "negative_total_change", severity: "warning", params: { year, totalChange } });
    }
    contributions.push({
      year,
      totalChange,
      tierChanges,
      contributions: tierChanges.map((v) => (totalChange === 0 ? null : v / totalChange)),
      negativeTotalChange,
    });
  }
  return { tiers, levels, contributions, diagnostics };
}

function tierLabels(membership: readonly string[], order: readonly string[] | undefined, fn: string): string[] {
  if (order === undefined) return [...new Set(membership)];
  const seen = new Set<string>();
  for (const k of order) {
    if (seen.has(k))
      throw new CoreError("invalid_argument", { function: fn, option: "tierOrder", reason: "duplicate", received: k });
    seen.add(k);
  }
  for (const k of membership) {
    if (!seen.has(k))
      throw new CoreError("invalid_argument", {
        function: fn,
        option: "tierOrder",
        reason: "unknown_tier",
        received: k,
      });
  }
  return [...order];
}

export interface SumCheckResult {
  /** Σ values (compensated) */
  readonly sum: number;
  readonly expected: number;
  /** sum − expected */
  readonly difference: number;
  readonly tolerance: number;
  /** |difference| ≤ tolerance */
  readonly consistent: boolean;
  /** sum_mismatch (warning) when not consistent */
  readonly diagnostics: readonly TiersDiagnostic[];
}

/**
 * Consistency check of printed shares or contributions (占比加总核对): do they add up to the expected
 * total (100 % by default) within a tolerance?
 *
 * Not an error: a published table whose parts do not sum to 100 (seed 000's five 2024 tier
 * contributions do not sum to 100 %, spec §6.1) is reported as the `sum_mismatch` diagnostic with its
 * numbers, so the reference check shows the discrepancy instead of forcing it away.
 *
 * @param values - the printed parts (same unit as `expected`, e.g. percent)
 * @param expected - the total they should reach @default 100
 * @param tolerance - the largest acceptable |Σ − expected| @default 0.005 · values.length (each part
 *   printed to 2 decimals may be off by half a unit in the last place)
 * @param label - optional name of the checked series, echoed in the diagnostic's params
 * @returns {@link SumCheckResult}: sum, expected, difference, tolerance, consistent, diagnostics
 * @throws {CoreError} non_finite (a value, expected or tolerance is not finite); invalid_argument
 *   (tolerance < 0)
 * @example
 * sumCheck([40.5, 30.25, 30.5]).difference; // => 1.25 (±1e-14)
 * @see spec methods.md §6.1 (the [DERIVED] sum of the printed contributions), §0.2 (printed-precision rule)
 */
export function sumCheck(
  values: readonly number[],
  expected = 100,
  tolerance = 0.005 * values.length,
  label?: string,
): SumCheckResult {
  const fn = "sumCheck";
  values.forEach((v, index) => {
    if (!Number.isFinite(v)) throw new CoreError("non_finite", { function: fn, argument: "values", index, value: v });
  });
  if (!Number.isFinite(expected))
    throw new CoreError("non_finite", { function: fn, argument: "expected", value: expected });
  if (!Number.isFinite(tolerance))
    throw new CoreError("non_finite", { function: fn, argument: "tolerance", value: tolerance });
  if (tolerance < 0) {
    throw new CoreError("invalid_argument", {
      function: fn,
      argument: "tolerance",
      received: tolerance,
      reason: "negative",
    });
  }
  const sum = neumaierSum(values);
  const difference = sum - expected;
  const consistent = Math.abs(difference) <= tolerance;
  const diagnostics: TiersDiagnostic[] = consistent
    ? []
    : [
        {
          code: "sum_mismatch",
          severity: "warning",
          params: {
            sum,
            expected,
            difference,
            tolerance,
            count: values.length,
            ...(label === undefined ? {} : { label }),
          },
        },
      ];
  return { sum, expected, difference, tolerance, consistent, diagnostics };
}
