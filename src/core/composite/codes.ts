/**
 * Codes of the composite-index family (综合指数方法族): the diagnostics its functions return and the
 * `reason` values of the `invalid_argument` errors they throw (STYLE §2.6: codes, not prose).
 *
 * Contract violations reuse the closed {@link CoreErrorCode} union (`invalid_argument`,
 * `dimension_mismatch`, `non_finite`, `too_few_observations`) with a `reason` from
 * {@link CompositeReason}. Diagnostics carry their own closed union, {@link CompositeDiagnosticCode},
 * shaped exactly like the core {@link Diagnostic}: joining it to `DiagnosticCode`
 * (src/core/diagnostics.ts) is one line, done together with the zh-CN/en messages of the family in
 * src/i18n/families/ (the i18n registry checks at compile time that every code has a message, so the
 * union and the catalog must change in the same commit).
 */
import type { DiagnosticSeverity } from "../diagnostics.js";

/** Every diagnostic code the composite family emits. */
export type CompositeDiagnosticCode =
  /**
   * an indicator has max = min (within a year for per-year methods): every r is 0 and its weight is
   * forced to 0 (params: indicator (0-based column), group? (the year or group label), value)
   */
  | "constant_indicator"
  /** entropy: Σ_i p_ij's base Σ_i x_ij is 0, so e_j = 1 and w_j = 0 (params: indicator) */
  | "zero_column_sum"
  /** every indicator has zero divergence / information: equal weights were used (params: method, n) */
  | "no_dispersion_equal_weights"
  /** coupling: all subsystem scores of an observation are 0, C and D are set to 0 (params: row) */
  | "coupling_undefined"
  /** Sobol: the scalar output has zero variance over the sample; indices are set to 0 (params: runs) */
  | "zero_output_variance"
  /** PCA: the first eigenvalue is (numerically) repeated, so the first component is not unique (params: lambda1, lambda2) */
  | "pca_first_component_not_unique"
  /** missing cells were filled by the spec's imputation; each cell is listed in the result (params: method, count, indicators) */
  | "values_imputed"
  /** values beyond the spec's quantiles were clipped; each cell is listed in the result (params: count, lower, upper) */
  | "values_winsorised"
  /** disparity of the composite is undefined in a year (params: year?, reason: too_few_entities | negative_value | non_positive_mean) */
  | "disparity_undefined"
  /**
   * a Sobol index's Monte-Carlo standard error exceeds the threshold: more runs are needed (params:
   * factor, runs, firstOrderSe, totalSe, threshold)
   */
  | "sobol_not_converged"
  /**
   * growth was taken of a constant-price column that changes its price base inside the window (the
   * dataset's constant_prices_rebased caveat): those years' growth is not real growth (params:
   * column, years)
   */
  | "rebased_constant_prices";

/** A diagnostic of the composite family (same shape as the core `Diagnostic`). */
export interface CompositeDiagnostic {
  readonly code: CompositeDiagnosticCode;
  readonly severity: DiagnosticSeverity;
  readonly params: Readonly<Record<string, unknown>>;
}

/** Builds a composite-family diagnostic. */
export function compositeDiagnostic(
  code: CompositeDiagnosticCode,
  severity: DiagnosticSeverity,
  params: Record<string, unknown> = {},
): CompositeDiagnostic {
  return { code, severity, params };
}

/** `reason` values of the `invalid_argument` errors thrown by the composite family. */
export type CompositeReason =
  /** manual weights do not sum to 1 within the tolerance (params: sum, tolerance) */
  | "weights_not_normalised"
  /** a weight is negative (params: index, value) */
  | "negative_weight"
  /** a direction is not +1 or −1 (params: index, value) */
  | "invalid_direction"
  /** a value must be ≥ 0 for this method (entropy sum variant, Theil, coupling) (params: row, col, value) */
  | "negative_value"
  /** geometric aggregation: r + shift ≤ 0 (params: row, col, value) */
  | "non_positive_after_shift"
  /** a ratio normalisation or index divides by a base ≤ 0 (params: col, value, year?) */
  | "non_positive_base"
  /** the mean of the values is ≤ 0 (CV, Theil, Gini) */
  | "non_positive_mean"
  /** the requested base year / window year is not in the series (params: year) */
  | "year_not_found"
  /** years are not strictly increasing (params: index) */
  | "years_not_increasing"
  /** a series that must be annual skips a year (params: index, year, previous) */
  | "years_not_consecutive"
  /** a factor of the uncertainty choice space is malformed (params: factor) */
  | "invalid_factor";
