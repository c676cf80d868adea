/**
 * Data frames (数据框): the input of the econometric methods — a header row of column names and one
 * row per observation, as in R's `read.csv` or a Stata dataset:
 *
 *     year,productivity,index
 *     2020,120000,98.5
 *
 * Columns are kept as text; a method takes the columns it names as numbers ({@link frameNumbers}) or
 * as labels ({@link frameLabels}), and only then are their cells checked, so a text column the method
 * does not use (a region name, a note) is no error. Empty cells (and the placeholders "-", "…", "NA")
 * are missing values; what a method does with them (drop the row, refuse) is its decision, reported.
 */
import { parseNumberCell } from "../ingest/numbers.js";
import type { RawTable } from "../ingest/raw-table.js";
import { type DataIssue, type DataResult, type IssuePath, issue } from "../issues.js";

/** One named column. */
export interface FrameColumn {
  /** the header as written (trimmed) */
  readonly name: string;
  /** 1-based physical column */
  readonly column: number;
}

/** A data frame read from a file. */
export interface DataFrame {
  readonly file: string;
  readonly sheet?: string;
  /** named columns, in file order (columns with an empty header are not part of the frame) */
  readonly columns: readonly FrameColumn[];
  /** cells as trimmed strings, one array per observation, in physical-column order (all columns) */
  readonly rows: readonly (readonly string[])[];
  /** 1-based physical row of each observation */
  readonly rowNumbers: readonly number[];
}

/**
 * Reads a data frame from a raw table (读取数据框): drops blank rows, names the columns.
 * @param raw the table from readCsv / readXlsx (header row already found)
 * @returns the frame, or every issue: header_not_found (no named column), duplicate_code (a column
 *   name twice, params: code, firstColumn)
 * @example readDataFrame(raw) // raw.header = ["speed", "dist"]
 */
export function readDataFrame(raw: RawTable): DataResult<DataFrame> {
  const path = (column?: number, columnName?: string): IssuePath => ({
    file: raw.file,
    ...(raw.sheet !== undefined && { sheet: raw.sheet }),
    row: raw.headerRow,
    ...(column !== undefined && { column }),
    ...(columnName !== undefined && { columnName }),
  });
  const columns: FrameColumn[] = [];
  const first = new Map<string, number>();
  const issues: DataIssue[] = [];
  raw.header.forEach((h, j) => {
    const name = h.trim();
    if (name === "") return;
    const seen = first.get(name);
    if (seen !== undefined) {
      issues.push(issue("duplicate_code", path(j + 1, name), { code: name, firstColumn: seen }));
      return;
    }
    first.set(name, j + 1);
    columns.push({ name, column: j + 1 });
  });
  if (columns.length === 0) issues.push(issue("header_not_found", path(), { expected: ["<column>"] }));
  if (issues.length > 0) return { ok: false, issues };
  const rows: (readonly string[])[] = [];
  const rowNumbers: number[] = [];
  raw.rows.forEach((cells, i) => {
    if (cells.every((c) => c.trim() === "")) return;
    rows.push(cells.map((c) => c.trim()));
    rowNumbers.push(raw.rowNumbers[i] ?? raw.headerRow + i + 1);
  });
  return {
    ok: true,
    value: { file: raw.file, ...(raw.sheet !== undefined && { sheet: raw.sheet }), columns, rows, rowNumbers },
    warnings: [],
  };
}

function locate(frame: DataFrame, row: number | undefined, col: FrameColumn | undefined): IssuePath {
  return {
    file: frame.file,
    ...(frame.sheet !== undefined && { sheet: frame.sheet }),
    ...(row !== undefined && { row }),
    ...(col !== undefined && { column: col.column, columnName: col.name }),
  };
}

/**
 * Finds named columns (查找列).
 * @returns the columns in the order asked, or a missing_column issue per unknown name (params: column,
 *   available)
 */
export function frameColumns(frame: DataFrame, names: readonly string[]): DataResult<FrameColumn[]> {
  const byName = new Map(frame.columns.map((c) => [c.name, c]));
  const found: FrameColumn[] = [];
  const issues: DataIssue[] = [];
  for (const name of names) {
    const c = byName.get(name);
    if (c === undefined)
      issues.push(
        issue("missing_column", locate(frame, undefined, undefined), {
          column: name,
          available: frame.columns.map((x) => x.name),
        }),
      );
    else found.push(c);
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: found, warnings: [] };
}

/**
 * Numeric columns (数值列): the named columns' cells as numbers, null where a cell is empty.
 * @returns one array per name (length = rows), or every issue: missing_column (unknown name),
 *   non_numeric_cell (a cell that is not a number, located at its row and column)
 */
export function frameNumbers(frame: DataFrame, names: readonly string[]): DataResult<(number | null)[][]> {
  const cols = frameColumns(frame, names);
  if (!cols.ok) return cols;
  const issues: DataIssue[] = [];
  const out = cols.value.map((c) =>
    frame.rows.map((cells, i) => {
      const text = cells[c.column - 1] ?? "";
      const v = parseNumberCell(text);
      if (v === "invalid") {
        issues.push(issue("non_numeric_cell", locate(frame, frame.rowNumbers[i], c), { value: text }));
        return null;
      }
      return v;
    }),
  );
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: out, warnings: [] };
}

/**
 * A label column (标签列: entity or cluster identifiers), cells as written.
 * @returns the labels, or missing_column; missing_value for an empty cell (located)
 */
export function frameLabels(frame: DataFrame, name: string): DataResult<string[]> {
  const cols = frameColumns(frame, [name]);
  if (!cols.ok) return cols;
  const c = cols.value[0] as FrameColumn;
  const issues: DataIssue[] = [];
  const out = frame.rows.map((cells, i) => {
    const text = cells[c.column - 1] ?? "";
    if (text === "") issues.push(issue("missing_value", locate(frame, frame.rowNumbers[i], c), { column: name }));
    return text;
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: out, warnings: [] };
}
