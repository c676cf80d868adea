/**
 * Codes of the cost–benefit family (成本收益方法族): cost–benefit ratios and tier averages, the
 * regression of ratios on digital input and the digitalisation elasticities by cost component (spec
 * methods.md §7). Contract violations reuse the closed {@link CoreErrorCode} union with a `reason`
 * (src/i18n/reasons.ts `CostBenefitReason`); diagnostics carry their own closed union, joined to
 * `DiagnosticCode` in src/core/diagnostics.ts (messages: src/i18n/families/costbenefit.ts).
 */
import type { DiagnosticSeverity } from "../diagnostics.js";

/** Every diagnostic code the cost–benefit family emits. */
export type CostBenefitDiagnosticCode =
  /**
   * a sector-year ratio is null because its denominator (main revenue, or total cost for the
   * profit-to-cost ratio) is ≤ 0; the sector is left out of the tier means
   * (params: sector, year, ratio: "cost_ratio" | "profit_ratio", denominator)
   */
  | "ratio_denominator_not_positive"
  /** R&D expenses booked inside management expenses were not added again (params: count, firms (first 20)) */
  | "rd_in_admin"
  /**
   * a row says its R&D is inside management expenses, but R&D exceeds them: check the flag
   * (params: firm?, sector, year, rdExp, adminExp)
   */
  | "rd_exceeds_admin"
  /** sectors with ratios but no tier were ignored by the tier averages (params: count, sectors (first 20)) */
  | "sector_without_tier"
  /** no sector of a tier has a valid ratio in a year: the tier average is null (params: tier, year, ratio) */
  | "tier_without_sectors"
  /**
   * observations dropped because a logarithm needs positive values: digital input, the ratio or the
   * cost ≤ 0 (params: count, n (observations kept), keys (first 20 "sector/year"), component?)
   */
  | "non_positive_rows_dropped"
  /** observations outside the year window were left out (params: count, from, to) */
  | "observations_outside_window"
  /**
   * fewer sectors with valid data than required in a year: the elasticity is null and left out of
   * the window means (params: component, year, count, required)
   */
  | "elasticity_too_few_sectors"
  /**
   * the elasticity is not identified: digital input is the same in every sector (cross-section) or
   * did not change (arc) (params: component, year)
   */
  | "elasticity_not_identified"
  /**
   * an economy aggregate used by the arc elasticity is ≤ 0, so its logarithm is undefined: the
   * elasticity is null (params: component, year)
   */
  | "aggregate_not_positive"
  /**
   * a window mean uses fewer annual elasticities than the window has years (null or missing years)
   * (params: component, from, to, used, expected, missing (the years))
   */
  | "window_incomplete";

/** A diagnostic of the cost–benefit family (same shape as the core `Diagnostic`). */
export interface CostBenefitDiagnostic {
  readonly code: CostBenefitDiagnosticCode;
  readonly severity: DiagnosticSeverity;
  readonly params: Readonly<Record<string, unknown>>;
}

/** `reason` values of the `invalid_argument` errors thrown by the cost–benefit family. */
export type CostBenefitReason =
  /** the same sector-year (or firm-year) appears twice (params: argument, key) */
  | "duplicate_observation"
  /** a year window has from > to or non-integer bounds (params: option, from, to) */
  | "invalid_window";

/** The sector-year key used in diagnostics ("S01/2015"). */
export function observationKey(sector: string, year: number): string {
  return `${sector}/${year}`;
}
