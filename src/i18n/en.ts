/**
 * English message catalog. Every message says what went wrong, why it matters and how to fix it
 * (STYLE §2.6, after COINr). Exhaustive over the code unions: adding a code without a message here
 * is a compile error.
 */

import type { DiagnosticCode } from "../core/diagnostics.js";
import type { CoreErrorCode } from "../core/errors.js";
import type { DataIssueCode, IssuePath } from "../data/issues.js";
import { type MessageCatalog, type Params, unreachable } from "./catalog.js";
import { has, param as p } from "./params.js";
import { reasonText } from "./reasons.js";

function coreError(code: CoreErrorCode, params: Params): string {
  const where = has(params, "function") ? `${p(params, "function")}: ` : "";
  switch (code) {
    case "dimension_mismatch":
      return `${where}dimensions do not match (expected ${p(params, "expected")}, received ${p(params, "received")}). The matrices and vectors passed together must describe the same sectors; check that the table's rows, columns and output vector have the same length.`;
    case "invalid_argument":
      return `${where}invalid ${has(params, "option") ? `option “${p(params, "option")}”` : `argument${has(params, "argument") ? ` “${p(params, "argument")}”` : ""}`}${has(params, "received") ? ` (received ${p(params, "received")})` : ""}${has(params, "expected") ? `; expected ${p(params, "expected")}` : ""}${has(params, "reason") ? ` — ${reasonText(params.reason, "en")}` : ""}. Correct the option and run again.`;
    case "non_finite":
      return `${where}an input contains NaN or an infinite value${has(params, "index") ? ` (at ${p(params, "index")})` : ""}. Methods need finite numbers; fill or remove the missing cells in the source table.`;
    case "not_square":
      return `${where}the matrix must be square (received ${p(params, "rows")}×${p(params, "cols")}). An intermediate-flow matrix needs the same sectors on its rows and columns.`;
    case "singular_matrix":
      return `${where}(I − A) is singular (smallest pivot ${p(params, "pivot")}), so the Leontief inverse does not exist. Check for sectors whose inputs equal their output, or aggregate them with a neighbouring sector.`;
    case "not_productive":
      return `${where}the coefficient matrix is not productive (${has(params, "spectralRadius") ? `spectral radius ${p(params, "spectralRadius")}` : reasonText(params.reason, "en")}${has(params, "sector") ? `; sector ${p(params, "sector")}` : ""}). A productive economy needs A ≥ 0 with spectral radius < 1; check units and the output row of the table.`;
    case "negative_flow":
      return `${where}an intermediate flow is negative${has(params, "sector") ? ` (${p(params, "sector")})` : has(params, "row") ? ` (row ${Number(params.row) + 1}, column ${Number(params.col) + 1} of Z)` : ""}${has(params, "value") ? `: ${p(params, "value")}` : ""}. Coefficients must be non-negative; correct the cell or move the negative amount to the discrepancy column.`;
    case "zero_output":
      return `${where}sector(s) ${has(params, "sectors") ? p(params, "sectors") : p(params, "sector")} have zero output, so its coefficients are undefined. Use the zero-output policy "zero_column" or remove the sector.`;
    case "unknown_sector":
      return `${where}sector code “${p(params, "code")}” is not in the table${has(params, "available") ? ` (available: ${p(params, "available")})` : ""}. Use the codes shown by \`shushi datasets show <id>\`.`;
    case "invalid_group":
      if (params.group === "digital") {
        return `${where}the digital sectors (数字部门) could not be found in this table by code or name. Pass the sector codes explicitly, e.g. --group S20,S32 (or ?group=…).`;
      }
      return `${where}the sector group is invalid${has(params, "reason") ? ` (${reasonText(params.reason, "en")})` : ""}${Array.isArray(params.codes) && params.codes.length > 0 ? `: ${p(params, "codes")}` : ""}. A group must contain at least one sector, no duplicates, and leave at least one sector outside it.`;
    case "ras_not_converged":
      return `${where}RAS did not converge within ${p(params, "maxIterations")} iterations (deviation ${p(params, "maxDeviation")}). The targets may be inconsistent with the prior matrix; raise the iteration limit or check the row and column totals.`;
    case "ras_infeasible":
      return `${where}RAS targets cannot be met: a positive target falls on an all-zero row or column${has(params, "index") ? ` (${p(params, "axis")} ${p(params, "index")})` : ""}. Give the prior matrix a non-zero entry there or set the target to zero.`;
    case "too_few_observations":
      return `${where}too few observations (received ${p(params, "received")}, need ${has(params, "required") ? p(params, "required") : p(params, "expected")})${has(params, "family") ? ` — no table of the “${p(params, "family")}” family is in the store` : ""}. Add more table years or shorten the requested range.`;
    default:
      return unreachable(code);
  }
}

function diagnostic(code: DiagnosticCode, params: Params): string {
  switch (code) {
    case "condition_estimate":
      return `Estimated condition number of (I − A): ${p(params, "estimate")} (${p(params, "norm")}-norm).`;
    case "ill_conditioned":
      return `(I − A) is ill-conditioned (condition estimate ${p(params, "estimate")}); results may lose up to about ${Math.max(0, Math.round(Math.log10(Number(params.estimate) || 1)))} significant digits. Check for nearly empty sectors or aggregate them.`;
    case "spectral_radius":
      return `Spectral radius of A: ${p(params, "value")}${has(params, "method") ? ` (${params.method === "collatz_wielandt_power_iteration" ? "Collatz–Wielandt power iteration" : p(params, "method")})` : ""}.`;
    case "column_sum_ge_one":
      return `Column sum of A for sector ${p(params, "sector")} is ${p(params, "columnSum")} ≥ 1 although the economy is productive; that sector's inputs exceed its output — check its output value.`;
    case "zero_output_sectors":
      return `Sectors with zero output (${has(params, "codes") ? p(params, "codes") : p(params, "sectors")}) were handled by the “${p(params, "policy")}” policy; their coefficients are zero and they are excluded from averages.`;
    case "inverse_residual":
      return `Inverse residual max|(I − A)L − I| = ${p(params, "value")}.`;
    case "interpolated":
      return `Values were interpolated linearly between the table years ${p(params, "from")} and ${p(params, "to")}${has(params, "method") ? ` (${p(params, "method")})` : ""}; they are estimates, not published tables.`;
    case "extrapolated_hold":
      return `Coefficients were held at ${p(params, "from")} values up to ${p(params, "to")} (no later table); treat these years as assumptions.`;
    case "ras_converged":
      return `RAS converged in ${p(params, "iterations")} iterations (max deviation ${p(params, "maxDeviation")}).`;
    case "ras_targets_rescaled":
      return `RAS targets were rescaled by ${p(params, "factor")} so that row and column totals agree.`;
    case "imbalance":
      return `The table does not balance on the ${p(params, "axis")} side (largest relative gap ${p(params, "maxRelative")}${has(params, "sector") ? ` at sector ${p(params, "sector")}` : ""}); results are computed with the stated output.`;
    case "backend_fallback":
      return `The native OpenBLAS backend was not used (${reasonText(params.reason, "en")}); the TypeScript LU was used instead (same results, slower on large tables).`;
    case "backend_used":
      return `Linear algebra backend: ${p(params, "backend")}.`;
    default:
      return unreachable(code);
  }
}

function dataIssue(code: DataIssueCode, params: Params): string {
  switch (code) {
    case "file_unreadable":
      return `The file could not be read (${reasonText(params.reason, "en")}). Check that the path exists, that you may read it and that it is a CSV or XLSX file.`;
    case "truncated_file":
      return params.reason === "unterminated_quote"
        ? "A quoted field is never closed, so the file ends in the middle of a record. The file may be incomplete or a quote character is unbalanced; export or download it again."
        : `The file ends in the middle of a record or a row has fewer cells than the header${has(params, "expected") ? ` (expected ${p(params, "expected")} cells, found ${has(params, "cells") ? p(params, "cells") : p(params, "found")})` : ""}. The file may be incomplete; export or download it again.`;
    case "encoding_unrecognised":
      return `The text encoding was not recognised (tried ${p(params, "tried")}). Save the file as UTF-8 (or GB18030) and import it again.`;
    case "header_not_found":
      return `No header row with the expected columns was found (expected ${p(params, "expected")}). Put the column names (code, name, sector codes, fd_*, output) in one row above the numbers.`;
    case "missing_column":
      return `The required column “${p(params, "column")}” is missing. Add it to the header row (see data/templates/io-generic-template.csv).`;
    case "non_numeric_cell":
      return `The cell value “${p(params, "value")}” is not a number. Write plain numbers (no units or text; thousands separators and empty cells for zero are accepted).`;
    case "not_square":
      return `The intermediate-flow block is not square (${p(params, "rows")} rows, ${p(params, "cols")} columns), or its row and column codes differ. Every sector code must appear both as a row and as a column, in the same order.`;
    case "duplicate_sector_code":
      return `Sector code “${p(params, "code")}” appears twice (first at row ${p(params, "firstRow")}). Sector codes must be unique; rename or merge the rows.`;
    case "negative_flow":
      return `Negative intermediate flow ${p(params, "value")}${has(params, "from") ? ` from sector ${p(params, "from")} to sector ${p(params, "to")}` : ""}. Intermediate flows must be ≥ 0; correct the cell or record the amount in the discrepancy column.`;
    case "zero_output_with_inputs":
      return `Sector ${p(params, "sector")} has zero output but non-zero inputs or deliveries (${p(params, "inputs")}). Enter its output, or remove the sector.`;
    case "not_productive":
      return `The coefficient matrix A = Z·diag(1/x) is not productive (spectral radius ${p(params, "spectralRadius")} ≥ 1), so no Leontief inverse exists. Usually output is too small or flows are in a different unit than output; check units and the output column.`;
    case "out_of_balance": {
      const axis = enAxis(params.axis);
      if (params.summary === true) {
        return params.sector === null || params.sector === undefined
          ? `Every ${axis} total matches output exactly.`
          : `Largest relative ${axis} imbalance: ${p(params, "relative")} at sector ${p(params, "sector")} (tolerance ${p(params, "tolerance")}). This summary is for information.`;
      }
      return `The ${axis} total of sector ${p(params, "sector")} differs from its output${has(params, "output") ? ` ${p(params, "output")}` : ""} by ${has(params, "imbalance") ? `${p(params, "imbalance")} (relative ${p(params, "relative")})` : `${p(params, "relative")} (relative)`}, beyond the tolerance ${p(params, "tolerance")}. Check the flows, final demand and value added of that sector, or the output cell.`;
    }
    case "unknown_unit":
      return `Unknown unit “${p(params, "unit")}”${has(params, "known") ? ` (known: ${p(params, "known")})` : ""}. Declare a known unit such as 万元, 亿元 or “million usd”.`;
    case "missing_unit":
      return `No unit was declared${has(params, "expected") ? ` (expected ${p(params, "expected")})` : ""}. Add a line such as “单位：万元” above the header or pass --unit.`;
    case "sheet_not_found":
      return `Sheet “${p(params, "sheet")}” does not exist${has(params, "available") ? ` (sheets: ${p(params, "available")})` : ""}. Name one of the available sheets.`;
    case "unknown_dataset":
      return `Dataset “${p(params, "id")}” does not exist. List the datasets with \`shushi datasets list\` (or GET /api/datasets); shipped data is loaded by \`shushi datasets rebuild\`.`;
    case "dataset_exists":
      return `Dataset “${p(params, "id")}” already exists. Choose another --id or ask to replace it.`;
    case "invalid_value":
      if (params.expected === "empty" && has(params, "headerCells"))
        return `The row has more cells than the header (${p(params, "headerCells")} header columns, ${p(params, "cells")} cells); the extra cell “${p(params, "value")}” should be empty. Delete the extra cells or add the column names to the header.`;
      return `Invalid value “${p(params, "value")}”${has(params, "expected") ? ` (expected ${p(params, "expected")})` : ""}. Correct the cell.`;
    case "unknown_layout":
      return `The file's layout is not a supported input–output layout${has(params, "tried") ? ` (tried ${p(params, "tried")})` : ""}. Use the generic template data/templates/io-generic-template.csv.`;
    default:
      return unreachable(code);
  }
}

function enAxis(axis: unknown): string {
  return axis === "total_input" ? "total-input" : String(axis ?? "row");
}

function location(path: IssuePath): string {
  const parts: string[] = [path.file];
  if (path.sheet !== undefined) parts.push(`sheet “${path.sheet}”`);
  if (path.row !== undefined) parts.push(`row ${path.row}`);
  if (path.column !== undefined || path.columnName !== undefined) {
    const col = path.column !== undefined ? `column ${path.column}` : "column";
    parts.push(path.columnName !== undefined && path.columnName !== "" ? `${col} (“${path.columnName}”)` : col);
  }
  return parts.join(", ");
}

export const en: MessageCatalog = { coreError, diagnostic, dataIssue, location };
