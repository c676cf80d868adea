/**
 * Codes of the productivity family (生产率方法族): labour productivity, digital capital (PIM,
 * deepening), growth accounting / TFP and volatility (spec methods.md §4.1, §4.4, §8.1–8.2, §9.4–9.6).
 *
 * Contract violations reuse the closed {@link CoreErrorCode} union (`invalid_argument`,
 * `dimension_mismatch`, `non_finite`, `too_few_observations`) with a `reason` from
 * {@link ProductivityReason}. Diagnostics carry their own closed union,
 * {@link ProductivityDiagnosticCode}, shaped exactly like the core `Diagnostic`: joining it to
 * `DiagnosticCode` (src/core/diagnostics.ts) is one line, done together with the zh-CN/en messages.
 */
import type { DiagnosticSeverity } from "../diagnostics.js";
import { CoreError } from "../errors.js";

/** Every diagnostic code the productivity family emits. */
export type ProductivityDiagnosticCode =
  /** an official value differs from the computed one by more than the tolerance (params: year, computed, official, relativeDifference, tolerance) */
  | "official_value_differs"
  /** the official value replaced the computed one (params: year) */
  | "official_value_used"
  /** a year could not be computed because an input is missing (params: year, missing: "gdp" | "employment" | "employment_previous") */
  | "missing_input"
  /** investment is negative after the base year; accumulated as given (params: asset, index, value) */
  | "negative_investment"
  /** no deflator was supplied: investment accumulated at current prices (params: asset) */
  | "current_price_investment"
  /** the growth window for the initial stock was shortened to the data (params: asset, requested, used) */
  | "growth_window_truncated"
  /** a growth rate is undefined because its base is ≤ 0 (params: series, index) */
  | "undefined_growth"
  /** fewer rates than the averaging window: the average uses what exists (params: requested, used) */
  | "averaging_window_truncated"
  /** |g_Y| < 1e-6: contribution rates are undefined (null) (params: index?, outputGrowth, threshold) */
  | "output_growth_near_zero"
  /** g_Y < 0: contribution rates are computed but read with care (params: index?, outputGrowth) */
  | "negative_output_growth"
  /** a group-year has K ≤ 0 or L ≤ 0 (or Y ≤ 0): its TFP level is null (params: group, index) */
  | "tfp_level_undefined"
  /** CV undefined because the mean is 0 (params: mean) */
  | "cv_undefined"
  /** the mean is negative: CV carries the sign (params: mean) */
  | "negative_mean";

/** A diagnostic of the productivity family (same shape as the core `Diagnostic`). */
export interface ProductivityDiagnostic {
  readonly code: ProductivityDiagnosticCode;
  readonly severity: DiagnosticSeverity;
  readonly params: Readonly<Record<string, unknown>>;
}

/** Builds a productivity-family diagnostic. */
export function productivityDiagnostic(
  code: ProductivityDiagnosticCode,
  severity: DiagnosticSeverity,
  params: Record<string, unknown> = {},
): ProductivityDiagnostic {
  return { code, severity, params };
}

/** `reason` values of the `invalid_argument` errors thrown by the productivity family. */
export type ProductivityReason =
  /** a year appears twice in a year-keyed series (params: argument, year) */
  | "duplicate_year"
  /** a year is not an integer (params: argument, received) */
  | "year_not_integer"
  /** g + δ ≤ 0 in the PIM initial stock (params: asset, growth, delta) */
  | "growth_plus_depreciation_not_positive"
  /** base-year real investment ≤ 0 in the PIM (params: asset, value) */
  | "non_positive_base_investment"
  /** a deflator is ≤ 0 (params: asset, index, value) */
  | "non_positive_deflator"
  /** δ outside [0, 1] (params: asset, value) */
  | "depreciation_out_of_range"
  /** a factor share outside its allowed range (params: argument, index?, value) */
  | "share_out_of_range"
  /** a level used in a log or ratio is ≤ 0 (params: argument, index, value) */
  | "non_positive_level"
  /** ddof is not 0 or 1 (params: received) */
  | "invalid_ddof"
  /** a window, horizon or count is not a positive integer (params: argument, received) */
  | "invalid_count"
  /** the base year is not among the years (params: baseYear) */
  | "unknown_base_year"
  /** a year window (from/to) was given without the years of the values */
  | "missing_years";

/** One observation of a year-keyed series (年度序列的一个观测值). */
export interface YearValue {
  readonly year: number;
  readonly value: number;
}

/** A year-keyed series: observations in any order, each year at most once. */
export type YearSeries = readonly YearValue[];

/** Validates a year-keyed series and returns it as a Map (module-private). */
export function yearMap(series: YearSeries, argument: string, fn: string): Map<number, number> {
  const m = new Map<number, number>();
  for (let i = 0; i < series.length; i++) {
    const { year, value } = series[i] as YearValue;
    if (!Number.isInteger(year)) {
      throw new CoreError("invalid_argument", { function: fn, argument, reason: "year_not_integer", received: year });
    }
    if (!Number.isFinite(value)) throw new CoreError("non_finite", { function: fn, argument, year, value });
    if (m.has(year))
      throw new CoreError("invalid_argument", { function: fn, argument, reason: "duplicate_year", year });
    m.set(year, value);
  }
  return m;
}

/** Throws non_finite at the first NaN/±Infinity of a vector (module-private). */
export function checkFinite(x: ArrayLike<number>, argument: string, fn: string): void {
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    if (!Number.isFinite(v)) throw new CoreError("non_finite", { function: fn, argument, index: i, value: v });
  }
}

/** Throws dimension_mismatch unless x.length = n (module-private). */
export function checkLength(x: ArrayLike<number>, n: number, argument: string, fn: string): void {
  if (x.length !== n)
    throw new CoreError("dimension_mismatch", { function: fn, argument, expected: n, received: x.length });
}
