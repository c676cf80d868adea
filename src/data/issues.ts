/**
 * Data issues (STYLE §2.6): problems found in a user's or a shipped dataset. Importers collect all
 * of them and return `{ ok: false, issues }`; nothing is written to the store when any issue has
 * severity "error". Text is produced only at the edges (src/i18n), from `code` and `params`.
 */

/** Every data-issue code. Add new codes here and to both message catalogs in src/i18n. */
export type DataIssueCode =
  /** the file could not be read (params: reason) */
  | "file_unreadable"
  /** the file ends in the middle of a record or a quoted field, or a row has fewer cells than the header */
  | "truncated_file"
  /** bytes are not valid in any supported encoding (params: tried, reason, offset?, line?) */
  | "encoding_unrecognised"
  /** the file exceeds a hard limit checked before parsing (params: limit, value, max, entry?) — see xlsx-limits.ts */
  | "file_too_complex"
  /** an IO table's unit is known but not a currency amount (params: unit, accepted) */
  | "unit_not_currency"
  /** no header row with the expected columns was found (params: expected) */
  | "header_not_found"
  /** a required column is missing (params: column) */
  | "missing_column"
  /** a cell that must be a number is not (params: value) */
  | "non_numeric_cell"
  /** Z is not square, or its row and column labels differ (params: rows, cols) */
  | "not_square"
  /** the same sector code appears twice (params: code, firstRow) */
  | "duplicate_sector_code"
  /** an intermediate flow is negative (params: value) */
  | "negative_flow"
  /** a sector has zero output but non-zero inputs or deliveries (params: sector, inputs) */
  | "zero_output_with_inputs"
  /** A = Z·diag(1/x) has spectral radius ≥ 1 (params: spectralRadius) */
  | "not_productive"
  /** a row or column sum differs from output beyond tolerance (params: axis, sector, relative, tolerance) */
  | "out_of_balance"
  /** the declared unit is not one the system knows (params: unit, known) */
  | "unknown_unit"
  /** no unit was declared (params: expected) */
  | "missing_unit"
  /** a sheet named by the caller does not exist (params: sheet, available) */
  | "sheet_not_found"
  /** a dataset id does not exist (params: id) */
  | "unknown_dataset"
  /** a dataset id already exists and replacement was not requested (params: id) */
  | "dataset_exists"
  /** a value is outside its allowed domain (params: value, expected) */
  | "invalid_value"
  /** the file layout is not recognised as any supported IO layout (params: tried) */
  | "unknown_layout"
  /** an entity is not a known region code or name (params: value) */
  | "unknown_region"
  /** a period is not a valid period of the dataset's frequency (params: value, frequency) */
  | "invalid_period"
  /** the same entity × indicator × period appears twice (params: entity, indicator, period, firstRow) */
  | "duplicate_observation"
  /** the same code appears twice in a classification, registry or corpus (params: code, firstRow) */
  | "duplicate_code"
  /** a required cell is empty (params: column) */
  | "missing_value"
  /** a date cell is not an ISO date YYYY-MM-DD (params: value) */
  | "invalid_date"
  /** a classification row names a parent code that is not in the classification (params: code, parent) */
  | "unknown_parent"
  /** a concordance source code's weights do not sum to 1 (params: fromSystem, fromCode, sum, tolerance, rows) */
  | "concordance_weight_sum"
  /** codes of the source classification that the concordance does not map (params: fromSystem, count, codes) */
  | "concordance_unmapped"
  /** the same from_code → to_code pair appears more than once (params: fromCode, toCode, count, firstRow) */
  | "concordance_duplicate"
  /** a concordance code is not in the stored classification it names (params: system, code) */
  | "concordance_unknown_code";

export type IssueSeverity = "error" | "warning";

/** Where an issue is: file, sheet (XLSX), 1-based row and column numbers as a spreadsheet shows them, and the column's header. */
export interface IssuePath {
  readonly file: string;
  readonly sheet?: string;
  /** 1-based physical row in the file/sheet */
  readonly row?: number;
  /** 1-based physical column */
  readonly column?: number;
  /** header text of that column, when known */
  readonly columnName?: string;
  /** in a JSON document (an index spec): the path of the value, e.g. `pillars[1].children[0].direction` */
  readonly jsonPath?: string;
}

export interface DataIssue {
  readonly code: DataIssueCode;
  readonly severity: IssueSeverity;
  readonly path: IssuePath;
  readonly params: Readonly<Record<string, unknown>>;
}

/** The result of any importer or validator. */
export type DataResult<T> =
  | { readonly ok: true; readonly value: T; readonly warnings: readonly DataIssue[] }
  | { readonly ok: false; readonly issues: readonly DataIssue[] };

export function issue(
  code: DataIssueCode,
  path: IssuePath,
  params: Record<string, unknown> = {},
  severity: IssueSeverity = "error",
): DataIssue {
  return { code, severity, path, params };
}

/** Thrown by app/edge code to carry data issues up to the CLI/API error mapping. */
export class DataIssuesError extends Error {
  readonly issues: readonly DataIssue[];
  constructor(issues: readonly DataIssue[]) {
    super(`${issues.length} data issue(s): ${issues.map((i) => i.code).join(", ")}`);
    this.name = "DataIssuesError";
    this.issues = issues;
  }
}
