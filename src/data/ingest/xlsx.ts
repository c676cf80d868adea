/**
 * XLSX reader (XLSX 读取) over exceljs: one worksheet → {@link RawTable} of strings, with title rows
 * above the header, merged header cells resolved, and sheet row numbers kept for issues.
 */
import ExcelJS from "exceljs";
import { type DataIssue, type DataResult, type IssuePath, issue } from "../issues.js";
import { effectiveWidth, findHeaderIndex, nonEmptyCount } from "./header.js";
import type { RawTable } from "./raw-table.js";
import { inspectXlsx } from "./xlsx-limits.js";

export interface ReadXlsxOptions {
  /** file name shown in issues */
  readonly file: string;
  /** worksheet name (exact); default: the first worksheet */
  readonly sheet?: string;
  /**
   * 1-based sheet row of the header (the *top* row when the header spans two rows), or `"auto"`
   * (see `findHeaderIndex` in `header.ts`; merged slave cells count as empty).
   * @default "auto"
   */
  readonly headerRow?: number | "auto";
  /**
   * How many rows the header spans. `"auto"` detects a two-row header (see {@link readXlsx}).
   * @default "auto"
   */
  readonly headerRows?: 1 | 2 | "auto";
  /** columns that must be present in the resolved header (exact match after trimming) */
  readonly requiredColumns?: readonly string[];
}

/** A merged range, 1-based inclusive. */
interface MergeRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** Excel's limit on a worksheet name's length (UTF-16 code units, as exceljs counts). */
const MAX_SHEET_NAME_CHARS = 31;

/** Worksheet content as trimmed strings; merged slave cells are "" and listed in `merges`. */
interface Grid {
  /** cells[r][c], 1-based indices mapped to 0-based arrays: cells[r-1][c-1] */
  readonly cells: string[][];
  readonly merges: MergeRange[];
  /** formula cells without a cached result (the workbook was never recalculated and saved) */
  readonly uncachedFormulas: { readonly row: number; readonly col: number; readonly formula: string }[];
}

function isoDate(d: Date): string {
  if (Number.isNaN(d.getTime())) return "";
  const iso = d.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
}

/**
 * The text of one exceljs cell value: numbers as `String(v)` (shortest round-trip, full precision,
 * whatever the number format shows), formulas → their cached result (`""` when none is cached),
 * dates → ISO `YYYY-MM-DD` (or a full ISO timestamp when there is a time of day), rich text →
 * concatenated plain text, hyperlinks → their text, error values → the error literal (`#N/A`),
 * booleans → `TRUE`/`FALSE` (as Excel shows them).
 */
export function cellValueText(value: ExcelJS.CellValue | unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return isoDate(value);
  if (typeof value === "object") {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) {
      return (v.richText as { text?: unknown }[]).map((t) => (typeof t.text === "string" ? t.text : "")).join("");
    }
    if ("formula" in v || "sharedFormula" in v) return cellValueText(v.result);
    if (typeof v.error === "string") return v.error;
    if ("hyperlink" in v) return cellValueText(v.text);
    if ("text" in v) return cellValueText(v.text);
  }
  return "";
}

/**
 * The formula value of a cell with its cached result. exceljs's `cell.value` drops a falsy cached
 * result (0, FALSE, ""), so the result is taken from `cell.result`; an empty-string result (`<v></v>`,
 * which exceljs does not keep at all) is restored from the pre-scan (`cachedEmpty`).
 */
function formulaWithResult(
  cell: ExcelJS.Cell,
  value: ExcelJS.CellFormulaValue | ExcelJS.CellSharedFormulaValue,
  cachedEmpty: ReadonlySet<string> | undefined,
): ExcelJS.CellFormulaValue | ExcelJS.CellSharedFormulaValue {
  const result = (cell as unknown as { result?: unknown }).result;
  if (result !== undefined && result !== null) return { ...value, result } as typeof value;
  if (cachedEmpty?.has(cell.address)) return { ...value, result: "" } as typeof value;
  return value;
}

function readGrid(ws: ExcelJS.Worksheet, cachedEmpty?: ReadonlySet<string>): Grid {
  const cells: string[][] = [];
  const uncachedFormulas: Grid["uncachedFormulas"] = [];
  const bounds = new Map<string, { top: number; left: number; bottom: number; right: number }>();
  const rowCount = ws.rowCount;
  for (let r = 1; r <= rowCount; r++) {
    const out: string[] = [];
    const row = ws.findRow(r);
    if (row !== undefined) {
      for (let c = 1; c <= row.cellCount; c++) {
        const cell = row.findCell(c);
        if (cell === undefined) {
          out.push("");
          continue;
        }
        if (cell.isMerged) {
          const master = cell.master;
          const key = master.address;
          const b = bounds.get(key) ?? {
            top: Number(master.row),
            left: Number(master.col),
            bottom: Number(master.row),
            right: Number(master.col),
          };
          b.top = Math.min(b.top, r);
          b.bottom = Math.max(b.bottom, r);
          b.left = Math.min(b.left, c);
          b.right = Math.max(b.right, c);
          bounds.set(key, b);
          if (key !== cell.address) {
            out.push("");
            continue;
          }
        }
        let value = cell.value;
        if (value !== null && typeof value === "object" && ("formula" in value || "sharedFormula" in value)) {
          value = formulaWithResult(cell, value, cachedEmpty);
          if (value.result === undefined || value.result === null) {
            const formula = "formula" in value ? value.formula : value.sharedFormula;
            uncachedFormulas.push({ row: r, col: c, formula: `=${String(formula ?? "")}` });
          }
        }
        out.push(cellValueText(value).trim());
      }
    }
    cells.push(out);
  }
  const merges = [...bounds.values()].filter((b) => b.bottom > b.top || b.right > b.left);
  return { cells, merges, uncachedFormulas };
}

function at(grid: Grid, row: number, col: number): string {
  return grid.cells[row - 1]?.[col - 1] ?? "";
}

function mergeCovering(grid: Grid, row: number, col: number): MergeRange | undefined {
  return grid.merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
}

/** Text shown at (row, col): the cell's own text or, for a merged slave, its master's. */
function shownText(grid: Grid, row: number, col: number): string {
  const m = mergeCovering(grid, row, col);
  return m === undefined ? at(grid, row, col) : at(grid, m.top, m.left);
}

/** Width of a header row: last non-empty cell, extended to the right edge of merges starting in it. */
function headerWidth(grid: Grid, rows: readonly number[]): number {
  let w = 0;
  for (const r of rows) {
    w = Math.max(w, effectiveWidth(grid.cells[r - 1] ?? []));
    for (const m of grid.merges)
      if (r >= m.top && r <= m.bottom && at(grid, m.top, m.left) !== "") w = Math.max(w, m.right);
  }
  return w;
}

/**
 * Whether the header starting at row `r` spans two rows: a merged cell (not spanning the whole width,
 * which makes it a title) starts in row `r` and reaches row `r+1` (e.g. `code` merged A3:A4), or a
 * group cell is merged across ≥ 2 columns of row `r` and every cell of row `r+1` beneath it is
 * non-empty (e.g. `中间使用` over the sector codes).
 */
function isTwoRowHeader(grid: Grid, r: number): boolean {
  const next = grid.cells[r] ?? [];
  if (nonEmptyCount(next) === 0) return false;
  const width = headerWidth(grid, [r]);
  for (const m of grid.merges) {
    // a merge across the whole width is a title, whatever its height
    if (m.top !== r || (m.left === 1 && m.right >= width && width > 1)) continue;
    if (m.bottom >= r + 1) return true;
    if (m.right > m.left) {
      let allFilled = true;
      for (let c = m.left; c <= m.right; c++) if (at(grid, r + 1, c) === "") allFilled = false;
      if (allFilled) return true;
    }
  }
  return false;
}

/**
 * Reads one worksheet of an XLSX workbook into a raw table (读取 XLSX 工作表).
 *
 * Policies:
 * - Sheet: `options.sheet` (exact name) or the first worksheet.
 * - Cell text: see {@link cellValueText} (numbers `String(v)`, formulas → cached result, dates → ISO,
 *   rich text → plain). Cells are trimmed. A merged range's value sits in its top-left cell only.
 * - Rows whose cells are all empty are skipped. Non-blank rows above the header are `titleLines`
 *   (non-empty cell texts joined by one space), e.g. a title merged across the width, `单位：万元`.
 * - Header row: explicit, or auto (`findHeaderIndex` with merged slaves counted as empty); when the
 *   row found or given is the lower row of a two-row header, the header starts one row up.
 * - Two-row header (auto-detected, see `isTwoRowHeader`, or `headerRows: 2`): the column name is
 *   the lower-row text if present, else the text shown in the upper row (a vertically merged
 *   `code`/`name`/`output`, or the group text). `headerGroups[c]` is the upper-row text shown above
 *   a column that has a lower-row name (`中间使用` above `01`, `02`, …), else `""`.
 *   `headerRow` is then the *lower* header row (the row just above the data) and `headerRowSpan` 2.
 * - Single-row header with a cell merged across columns: the text is repeated in every column of the
 *   merge.
 * - Header width: last non-empty header cell (extended over merges); data rows are padded with `""`;
 *   a non-empty data cell beyond it is `invalid_value`.
 *
 * Before exceljs parses anything, {@link inspectXlsx} checks the zip and its XML against hard limits
 * (`file_too_complex` {limit, value, max, entry?}; see `XLSX_LIMITS`). Formula cells read as their
 * cached result, including a cached 0, FALSE or empty string.
 *
 * Issues (paths carry `sheet`): `file_too_complex`, `file_unreadable` {reason: "not_zip" | "corrupt_xlsx" | "no_worksheets"},
 * `sheet_not_found` {sheet, available}, `header_not_found` {expected, headerRow?}, `missing_column`
 * {column}, `invalid_value` {value, expected: "empty", cells, headerCells} for a cell beyond the header,
 * `invalid_value` {value: "=FORMULA", expected: "cached_formula_result"} for a formula cell in the
 * header or data whose workbook holds no cached result (it would otherwise read as empty, i.e. 0).
 *
 * @param bytes the .xlsx file content
 * @param options see {@link ReadXlsxOptions}
 * @returns `Promise<DataResult<RawTable>>` with `sheet` set
 * @example
 * const r = await readXlsx(bytes, { file: "t.xlsx", sheet: "投入产出表" });
 * // r.ok && r.value.header → ["code", "name", "01", "02", "03", "fd_居民消费", …]
 */
export async function readXlsx(bytes: Uint8Array, options: ReadXlsxOptions): Promise<DataResult<RawTable>> {
  const file = options.file;
  const unreadable = (reason: string): DataResult<RawTable> => ({
    ok: false,
    issues: [issue("file_unreadable", { file }, { reason })],
  });
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)) {
    return unreadable("not_zip");
  }
  // hard limits on the container and its XML, before exceljs allocates anything (xlsx-limits.ts)
  const inspection = inspectXlsx(bytes, file);
  if (inspection.issues.length > 0) return { ok: false, issues: inspection.issues };
  // Excel allows at most 31 characters in a sheet name; exceljs truncates longer ones and writes a
  // warning to the console (diagnostics are data, never console output): refuse the workbook instead.
  const longName = inspection.sheetNames.find((n) => n.length > MAX_SHEET_NAME_CHARS);
  if (longName !== undefined) {
    return {
      ok: false,
      issues: [
        issue(
          "file_unreadable",
          { file, sheet: longName },
          { reason: "corrupt_xlsx", detail: `sheet name longer than ${MAX_SHEET_NAME_CHARS} characters` },
        ),
      ],
    };
  }
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's typings want its own Buffer type; a Node Buffer view over the same bytes is accepted.
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch {
    return unreadable("corrupt_xlsx");
  }
  const sheets = workbook.worksheets;
  if (sheets.length === 0) return unreadable("no_worksheets");
  const ws = options.sheet === undefined ? sheets[0] : sheets.find((s) => s.name === options.sheet);
  if (ws === undefined) {
    return {
      ok: false,
      issues: [issue("sheet_not_found", { file }, { sheet: options.sheet, available: sheets.map((s) => s.name) })],
    };
  }
  const sheet = ws.name;
  const where = (p: Omit<IssuePath, "file" | "sheet"> = {}): IssuePath => ({ file, sheet, ...p });
  const grid = readGrid(ws, inspection.cachedEmptyFormulas.get(sheet));
  const issues: DataIssue[] = [];

  const nonBlankRows: number[] = [];
  grid.cells.forEach((cells, i) => {
    if (nonEmptyCount(cells) > 0) nonBlankRows.push(i + 1);
  });
  const required = (options.requiredColumns ?? []).map((c) => c.trim());
  const headerRowOption = options.headerRow ?? "auto";
  let top: number;
  if (headerRowOption === "auto") {
    const idx = findHeaderIndex(
      nonBlankRows.map((r) => grid.cells[r - 1] ?? []),
      required,
    );
    top = idx < 0 ? -1 : (nonBlankRows[idx] ?? -1);
  } else {
    top = nonBlankRows.includes(headerRowOption) ? headerRowOption : -1;
  }
  if (top < 0) {
    const params: Record<string, unknown> = { expected: required };
    if (headerRowOption !== "auto") params.headerRow = headerRowOption;
    return { ok: false, issues: [issue("header_not_found", where(), params)] };
  }

  // The auto rule may pick the lower row of a two-row header (when the upper row holds only a few
  // group cells), and a caller may pass the lower row (e.g. a previous result's `headerRow`): step up
  // when the row above forms a two-row header with it.
  if (options.headerRows !== 1 && top > 1 && nonBlankRows.includes(top - 1) && isTwoRowHeader(grid, top - 1)) {
    top -= 1;
  }
  const span =
    options.headerRows === 1 || options.headerRows === 2 ? options.headerRows : isTwoRowHeader(grid, top) ? 2 : 1;
  const headerRows = span === 2 ? [top, top + 1] : [top];
  const width = Math.max(1, headerWidth(grid, headerRows));
  const header: string[] = [];
  const headerGroups: string[] = [];
  for (let c = 1; c <= width; c++) {
    const upper = shownText(grid, top, c);
    if (span === 2) {
      const lowerMerge = mergeCovering(grid, top + 1, c);
      const lower = lowerMerge !== undefined && lowerMerge.top < top + 1 ? "" : shownText(grid, top + 1, c);
      header.push(lower !== "" ? lower : upper);
      headerGroups.push(lower !== "" ? upper : "");
    } else {
      header.push(upper);
    }
  }
  const headerRow = span === 2 ? top + 1 : top;
  for (const column of required) {
    if (!header.includes(column)) issues.push(issue("missing_column", where({ row: headerRow }), { column }));
  }

  const titleRowNumbers = nonBlankRows.filter((r) => r < top);
  const titleLines = titleRowNumbers.map((r) => (grid.cells[r - 1] ?? []).filter((c) => c !== "").join(" "));

  // A formula without a cached result would read as an empty cell (and an empty Z cell means 0):
  // refuse it instead, pointing at the cell, so the user recalculates and saves the workbook.
  for (const f of grid.uncachedFormulas) {
    if (f.row < top || f.col > width) continue;
    issues.push(
      issue("invalid_value", where({ row: f.row, column: f.col, columnName: header[f.col - 1] ?? "" }), {
        value: f.formula,
        expected: "cached_formula_result",
      }),
    );
  }

  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  for (const r of nonBlankRows) {
    if (r <= headerRow) continue;
    const cells = grid.cells[r - 1] ?? [];
    for (let c = width; c < cells.length; c++) {
      const value = cells[c] ?? "";
      if (value !== "") {
        issues.push(
          issue("invalid_value", where({ row: r, column: c + 1 }), {
            value,
            expected: "empty",
            cells: effectiveWidth(cells),
            headerCells: width,
          }),
        );
        break;
      }
    }
    const row = cells.slice(0, width);
    while (row.length < width) row.push("");
    rows.push(row);
    rowNumbers.push(r);
  }

  if (issues.some((i) => i.severity === "error")) return { ok: false, issues };
  const table: RawTable =
    span === 2
      ? {
          file,
          sheet,
          header,
          headerRow,
          rows,
          rowNumbers,
          titleLines,
          titleRowNumbers,
          headerGroups,
          headerRowSpan: 2,
        }
      : { file, sheet, header, headerRow, rows, rowNumbers, titleLines, titleRowNumbers };
  return { ok: true, value: table, warnings: issues };
}
