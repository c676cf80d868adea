/**
 * Numerical diagnostics (STYLE §2.6): the result exists but something about it deserves attention.
 * Returned as data in `result.diagnostics`, never logged. Rendered to text by src/i18n.
 */

import type { CompositeDiagnosticCode } from "./composite/codes.js";
import type { CostBenefitDiagnosticCode } from "./costbenefit/codes.js";
import type { EconometricsDiagnosticCode } from "./econometrics/codes.js";
import type { ProductivityDiagnosticCode } from "./productivity/codes.js";
import type { TiersDiagnosticCode } from "./tiers/codes.js";

export type DiagnosticSeverity = "info" | "warning" | "error";

/** Every diagnostic code the core can emit. Add new codes here and to both message catalogs. */
export type DiagnosticCode =
  /** 1-norm condition number of (I − A) (params: estimate, norm, method; matrix "I-A"/"I-H" in linkages) */
  | "condition_estimate"
  /** the condition estimate exceeds 1e8: results lose ~8 digits (params: estimate) */
  | "ill_conditioned"
  /** spectral radius of A (params: value, lower, upper, iterations, converged, method) */
  | "spectral_radius"
  /** a column sum of A ≥ 1 although the spectral radius is < 1 (params: sector, columnSum) */
  | "column_sum_ge_one"
  /** sectors with zero output were handled by the zero-output policy (params: sectors, policy, scope?) */
  | "zero_output_sectors"
  /**
   * residual max|(I − A)L − I|, or of the linkage solves when params.method = "solve" (params: value,
   * threshold 1e-9; severity warning above the threshold)
   */
  | "inverse_residual"
  /** values were interpolated between table years (params: from, to, year, weight, method) */
  | "interpolated"
  /** values were held constant past the last table year (params: from, to) */
  | "extrapolated_hold"
  /** RAS converged (params: iterations, maxDeviation, tolerance) */
  | "ras_converged"
  /** RAS targets were rescaled so Σu = Σv (params: factor, sumU, sumV) */
  | "ras_targets_rescaled"
  /** table rows or columns do not balance against output (params: axis, maxRelative, sector) */
  | "imbalance"
  /** the native BLAS backend was unavailable or disabled; the TypeScript LU was used (params: reason) */
  | "backend_fallback"
  /** the computation used a backend (params: backend) */
  | "backend_used"
  /**
   * a detailed table (e.g. the 139-sector 2012 table) was not used in a series because the result
   * would depend on how its sectors are split (params: tableId, year, reason)
   */
  | "detailed_table_not_used"
  /** the composite-index family's codes (src/core/composite/codes.ts) */
  | CompositeDiagnosticCode
  /** the econometrics family's codes (src/core/econometrics/codes.ts) */
  | EconometricsDiagnosticCode
  /** the productivity family's codes (src/core/productivity/codes.ts) */
  | ProductivityDiagnosticCode
  /** the tier-structure family's codes (src/core/tiers/codes.ts) */
  | TiersDiagnosticCode
  /** the cost–benefit family's codes (src/core/costbenefit/codes.ts) */
  | CostBenefitDiagnosticCode;

export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: DiagnosticSeverity;
  readonly params: Readonly<Record<string, unknown>>;
}

/** Builds a diagnostic. */
export function diagnostic(
  code: DiagnosticCode,
  severity: DiagnosticSeverity,
  params: Record<string, unknown> = {},
): Diagnostic {
  return { code, severity, params };
}
