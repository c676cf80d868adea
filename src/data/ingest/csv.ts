/**
 * CSV/TSV reader (CSV 读取): bytes → {@link RawTable} of trimmed strings with physical line numbers.
 * No interpretation of values happens here (see `numbers.ts` and the IO-table readers).
 */
import { type DataIssue, type DataResult, issue } from "../issues.js";
import { type DeclaredEncoding, decodeText } from "./encoding.js";
import { effectiveWidth, findHeaderIndex } from "./header.js";
import type { RawTable } from "./raw-table.js";

export type CsvDelimiter = "," | ";" | "\t";

export interface ReadCsvOptions {
  /** file name shown in issues */
  readonly file: string;
  /**
   * Field delimiter. `"auto"` tries `,` `;` and TAB on the first 50 records and keeps the one for
   * which the most records share the modal field count (> 1); ties prefer `,` then `;` then TAB.
   * @default "auto"
   */
  readonly delimiter?: CsvDelimiter | "auto";
  /** @default "auto" (see `decodeText`) */
  readonly encoding?: DeclaredEncoding;
  /**
   * 1-based physical line of the header, or `"auto"` (see `findHeaderIndex` in `header.ts`).
   * @default "auto"
   */
  readonly headerRow?: number | "auto";
  /**
   * Columns that must be present in the header (exact, case-sensitive match after trimming). With
   * `headerRow: "auto"` the header is the first record containing any of them.
   */
  readonly requiredColumns?: readonly string[];
}

/** Whether a character code ends an unquoted field: the delimiter, LF or CR. */
function isFieldEnd(c: number, delimiter: number): boolean {
  return c === delimiter || c === 10 || c === 13;
}

/** One parsed CSV record, before trimming. */
export interface CsvRecord {
  /** field values, quotes removed, doubled quotes undone, not trimmed */
  readonly cells: string[];
  /** 1-based physical line on which the record starts */
  readonly line: number;
  /** offsets of the record in the text: [start, end) excluding the line break */
  readonly start: number;
  readonly end: number;
  /** whether the record was terminated by a line break (false for the last record of a file without a final newline) */
  readonly endedWithNewline: boolean;
  /** set when the text ended inside a quoted field: index of that field and the line it started on */
  readonly unterminatedQuote?: { readonly cellIndex: number; readonly line: number };
}

/**
 * Splits CSV text into records (RFC 4180 with the usual relaxations).
 *
 * - Line breaks: CRLF, LF or a lone CR; each counts as one physical line, inside quotes too.
 * - A field is quoted when its first non-blank character is `"`; inside, `""` is one quote and
 *   delimiters and line breaks are literal (a CRLF or lone CR inside quotes becomes `"\n"`). Blanks before the opening quote are dropped; text between
 *   the closing quote and the next delimiter is appended as is (`"ab"c` → `abc`).
 * - A `"` inside an unquoted field is literal.
 * - End of text inside a quoted field → the record carries `unterminatedQuote`.
 *
 * @param text decoded text without BOM
 * @param delimiter one character
 * @param maxRecords stop after this many records (used for delimiter sniffing)
 * @returns the records in order (blank lines give a record with one empty cell)
 * Complexity O(length of text).
 */
export function parseCsvRecords(text: string, delimiter: string, maxRecords = Number.POSITIVE_INFINITY): CsvRecord[] {
  if (delimiter.length !== 1)
    throw new Error(`parseCsvRecords: delimiter must be one character (received ${JSON.stringify(delimiter)})`);
  const d = delimiter.charCodeAt(0);
  const records: CsvRecord[] = [];
  const n = text.length;
  let i = 0;
  let line = 1;
  while (i < n && records.length < maxRecords) {
    const recordLine = line;
    const start = i;
    const cells: string[] = [];
    let endedWithNewline = false;
    let end = n;
    let unterminated: { cellIndex: number; line: number } | undefined;
    for (;;) {
      let j = i;
      while (j < n && (text.charCodeAt(j) === 32 || (text.charCodeAt(j) === 9 && d !== 9))) j++;
      let field: string;
      if (j < n && text.charCodeAt(j) === 34) {
        const quoteLine = line;
        const parts: string[] = [];
        i = j + 1;
        let closed = false;
        let segStart = i;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === 34 /* " */) {
            parts.push(text.slice(segStart, i));
            if (text.charCodeAt(i + 1) === 34) {
              parts.push('"');
              i += 2;
              segStart = i;
              continue;
            }
            i++;
            closed = true;
            break;
          }
          if (c === 13 /* \r */) {
            // CRLF or lone CR inside quotes: one physical line break, kept as "\n"
            parts.push(text.slice(segStart, i), "\n");
            line++;
            i += text.charCodeAt(i + 1) === 10 ? 2 : 1;
            segStart = i;
            continue;
          }
          if (c === 10 /* \n */) line++;
          i++;
        }
        if (!closed) {
          parts.push(text.slice(segStart, n));
          cells.push(parts.join(""));
          unterminated = { cellIndex: cells.length - 1, line: quoteLine };
          i = n;
          end = n;
          break;
        }
        const tailStart = i;
        while (i < n && !isFieldEnd(text.charCodeAt(i), d)) i++;
        parts.push(text.slice(tailStart, i));
        field = parts.join("");
      } else {
        const fieldStart = i;
        while (i < n && !isFieldEnd(text.charCodeAt(i), d)) i++;
        field = text.slice(fieldStart, i);
      }
      cells.push(field);
      if (i >= n) {
        end = n;
        break;
      }
      if (text.charCodeAt(i) === d) {
        i++;
        if (i >= n) {
          cells.push("");
          end = n;
          break;
        }
        continue;
      }
      end = i;
      i += text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
      line++;
      endedWithNewline = true;
      break;
    }
    records.push(
      unterminated === undefined
        ? { cells, line: recordLine, start, end, endedWithNewline }
        : { cells, line: recordLine, start, end, endedWithNewline, unterminatedQuote: unterminated },
    );
  }
  return records;
}

const SNIFF_CHARS = 65_536;
const SNIFF_RECORDS = 50;

/**
 * Guesses the delimiter (分隔符): for each of `,` `;` TAB, parses the first 50 records of the first
 * 64 KiB and counts the records whose field count equals the modal field count; a modal count of 1
 * scores 0. The highest score wins; ties prefer `,` then `;` then TAB; all-zero → `,`.
 */
export function sniffDelimiter(text: string): CsvDelimiter {
  const sample = text.slice(0, SNIFF_CHARS);
  let best: CsvDelimiter = ",";
  let bestScore = 0;
  for (const d of [",", ";", "\t"] as const) {
    const counts = new Map<number, number>();
    for (const r of parseCsvRecords(sample, d, SNIFF_RECORDS)) {
      if (r.cells.length === 1 && r.cells[0]?.trim() === "") continue;
      counts.set(r.cells.length, (counts.get(r.cells.length) ?? 0) + 1);
    }
    let modal = 0;
    let score = 0;
    for (const [k, v] of counts) {
      if (v > score || (v === score && k > modal)) {
        modal = k;
        score = v;
      }
    }
    if (modal <= 1) score = 0;
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

function isBlank(cells: readonly string[]): boolean {
  return cells.every((c) => c === "");
}

/** The text of a title line: its only non-empty cell, or the raw record with trailing delimiters removed. */
function titleText(text: string, record: CsvRecord, trimmed: readonly string[], delimiter: string): string {
  const nonEmpty = trimmed.filter((c) => c !== "");
  if (nonEmpty.length === 1) return nonEmpty[0] ?? "";
  let raw = text.slice(record.start, record.end);
  let k = raw.length;
  while (k > 0 && (raw[k - 1] === delimiter || raw[k - 1] === " " || raw[k - 1] === "\t")) k--;
  raw = raw.slice(0, k);
  return raw.trim();
}

/**
 * Reads a CSV/TSV file into a raw table (读取 CSV): decoding, delimiter detection, title rows,
 * header detection and physical line numbers.
 *
 * Policies:
 * - Encoding: `decodeText` (BOM → strict UTF-8 → plausible GB18030); reported in `encoding`.
 * - Cells are trimmed. Records whose cells are all empty (blank lines, `,,,`) are skipped; their
 *   lines do not appear in `rowNumbers`.
 * - Non-blank records above the header are `titleLines` (a lone cell's text, or the raw line without
 *   trailing delimiters, so `# unit: 10,000 yuan` survives), with their lines in `titleRowNumbers`.
 *   With `headerRow: "auto"`, a record whose first cell starts with `#` is a comment and is never
 *   taken as the header.
 * - The header is trimmed to its last non-empty cell. Data rows are padded with `""` to the header
 *   width; trailing empty extra cells are dropped; a non-empty cell beyond the header is an issue.
 * - Row numbers are the 1-based physical line on which a record *starts* (a quoted field with a
 *   line break makes a record span several lines).
 * - An empty file (no bytes, or only a BOM/blank lines) is `file_unreadable` with reason
 *   `empty_file`: nothing suggests it was cut, so it is not reported as `truncated_file`.
 *
 * Issues (all collected; error severity):
 * - `encoding_unrecognised` {tried, reason}, `file_unreadable` {reason: "empty_file"}.
 * - `truncated_file` {reason: "unterminated_quote"} at the row/column where the open quoted field
 *   starts; {reason: "short_last_row", cells, expected} when the last record has fewer cells than the
 *   header, the file does not end with a line break, and every earlier data row had at least the
 *   header's number of cells (so writers that omit trailing empty cells are not flagged).
 * - `header_not_found` {expected, headerRow?}; `missing_column` {column} at the header row.
 * - `invalid_value` {value, expected: "empty", cells, headerCells} for a non-empty cell beyond the
 *   header width, at its row and column.
 *
 * @param bytes file content
 * @param options see {@link ReadCsvOptions}
 * @returns `DataResult<RawTable>` (no `sheet`)
 * @example
 * readCsv(new TextEncoder().encode("单位：万元\ncode,name\n01,农业\n"), { file: "t.csv" })
 * // => ok, header ["code","name"], headerRow 2, rows [["01","农业"]], rowNumbers [3], titleLines ["单位：万元"]
 * @see RFC 4180
 */
export function readCsv(bytes: Uint8Array, options: ReadCsvOptions): DataResult<RawTable> {
  const file = options.file;
  const decoded = decodeText(bytes, options.encoding === undefined ? { file } : { file, encoding: options.encoding });
  if (!decoded.ok) return decoded;
  const { text, encoding } = decoded.value;
  if (text.trim() === "") {
    return { ok: false, issues: [issue("file_unreadable", { file }, { reason: "empty_file" })] };
  }
  const delimiter =
    options.delimiter === undefined || options.delimiter === "auto" ? sniffDelimiter(text) : options.delimiter;
  const records = parseCsvRecords(text, delimiter);
  const issues: DataIssue[] = [];

  const nonBlank: { record: CsvRecord; cells: string[] }[] = [];
  for (const record of records) {
    const cells = record.cells.map((c) => c.trim());
    if (!isBlank(cells) || record.unterminatedQuote !== undefined) nonBlank.push({ record, cells });
  }

  const required = options.requiredColumns ?? [];
  const headerRowOption = options.headerRow ?? "auto";
  let headerIndex: number;
  if (headerRowOption === "auto") {
    // `#` comment lines (e.g. `# unit: 10,000 yuan`, split by its comma) never vote for or become the header.
    headerIndex = findHeaderIndex(
      nonBlank.map((r) => (r.cells[0]?.startsWith("#") ? [] : r.cells)),
      required,
    );
  } else {
    headerIndex = nonBlank.findIndex((r) => r.record.line === headerRowOption);
  }
  // A quote left open at EOF swallows the rest of the file: report it wherever it is.
  const last = records[records.length - 1];
  const open = last?.unterminatedQuote;
  if (open !== undefined) {
    const columnName =
      headerIndex >= 0 && open.line > (nonBlank[headerIndex]?.record.line ?? 0)
        ? nonBlank[headerIndex]?.cells[open.cellIndex]
        : undefined;
    issues.push(
      issue(
        "truncated_file",
        columnName === undefined
          ? { file, row: open.line, column: open.cellIndex + 1 }
          : { file, row: open.line, column: open.cellIndex + 1, columnName },
        { reason: "unterminated_quote" },
      ),
    );
  }
  if (headerIndex < 0) {
    const params: Record<string, unknown> = { expected: [...required] };
    if (headerRowOption !== "auto") params.headerRow = headerRowOption;
    issues.push(issue("header_not_found", { file }, params));
    return { ok: false, issues };
  }
  const headerEntry = nonBlank[headerIndex];
  if (headerEntry === undefined) throw new Error("readCsv: header index out of range");
  const headerRow = headerEntry.record.line;
  const header = headerEntry.cells.slice(0, Math.max(1, effectiveWidth(headerEntry.cells)));
  for (const column of required) {
    if (!header.includes(column.trim())) {
      issues.push(issue("missing_column", { file, row: headerRow }, { column: column.trim() }));
    }
  }

  const titleLines = nonBlank
    .slice(0, headerIndex)
    .map(({ record, cells }) => titleText(text, record, cells, delimiter));
  const titleRowNumbers = nonBlank.slice(0, headerIndex).map(({ record }) => record.line);

  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  const width = header.length;
  let allPreviousFull = true;
  const dataEntries = nonBlank.slice(headerIndex + 1);
  dataEntries.forEach(({ record, cells }, k) => {
    const line = record.line;
    const isLast = k === dataEntries.length - 1;
    if (
      isLast &&
      record.unterminatedQuote === undefined &&
      !record.endedWithNewline &&
      cells.length < width &&
      allPreviousFull
    ) {
      const column = Math.max(1, cells.length);
      issues.push(
        issue(
          "truncated_file",
          { file, row: line, column, columnName: header[column - 1] ?? "" },
          { reason: "short_last_row", cells: cells.length, expected: width },
        ),
      );
    }
    if (cells.length < width) allPreviousFull = false;
    if (cells.length > width) {
      for (let c = width; c < cells.length; c++) {
        const value = cells[c] ?? "";
        if (value !== "") {
          issues.push(
            issue(
              "invalid_value",
              { file, row: line, column: c + 1 },
              { value, expected: "empty", cells: effectiveWidth(cells), headerCells: width },
            ),
          );
          break;
        }
      }
    }
    const row = cells.slice(0, width);
    while (row.length < width) row.push("");
    rows.push(row);
    rowNumbers.push(line);
  });

  if (issues.some((i) => i.severity === "error")) return { ok: false, issues };
  return {
    ok: true,
    value: { file, encoding, header, headerRow, rows, rowNumbers, titleLines, titleRowNumbers },
    warnings: issues,
  };
}
