/**
 * Runtime lists of every code in the closed unions (for OpenAPI enums and exhaustiveness tests).
 * Each list is built from a `Record<Code, true>`, so a code added to a union without being added
 * here is a compile error.
 */

import type { DiagnosticCode } from "../core/diagnostics.js";
import type { CoreErrorCode } from "../core/errors.js";
import type { DataIssueCode } from "../data/issues.js";

const CORE: Record<CoreErrorCode, true> = {
  dimension_mismatch: true,
  invalid_argument: true,
  non_finite: true,
  not_square: true,
  singular_matrix: true,
  not_productive: true,
  negative_flow: true,
  zero_output: true,
  unknown_sector: true,
  invalid_group: true,
  ras_not_converged: true,
  ras_infeasible: true,
  too_few_observations: true,
};

const DIAG: Record<DiagnosticCode, true> = {
  condition_estimate: true,
  ill_conditioned: true,
  spectral_radius: true,
  column_sum_ge_one: true,
  zero_output_sectors: true,
  inverse_residual: true,
  interpolated: true,
  extrapolated_hold: true,
  ras_converged: true,
  ras_targets_rescaled: true,
  imbalance: true,
  backend_fallback: true,
  backend_used: true,
};

const ISSUE: Record<DataIssueCode, true> = {
  file_unreadable: true,
  truncated_file: true,
  encoding_unrecognised: true,
  header_not_found: true,
  missing_column: true,
  non_numeric_cell: true,
  not_square: true,
  duplicate_sector_code: true,
  negative_flow: true,
  zero_output_with_inputs: true,
  not_productive: true,
  out_of_balance: true,
  unknown_unit: true,
  missing_unit: true,
  sheet_not_found: true,
  unknown_dataset: true,
  dataset_exists: true,
  invalid_value: true,
  unknown_layout: true,
};

export const CORE_ERROR_CODES = Object.keys(CORE) as CoreErrorCode[];
export const DIAGNOSTIC_CODES = Object.keys(DIAG) as DiagnosticCode[];
export const DATA_ISSUE_CODES = Object.keys(ISSUE) as DataIssueCode[];
