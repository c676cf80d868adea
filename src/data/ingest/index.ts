/**
 * Public API of the ingest layer: bytes of a CSV/TSV/XLSX file → {@link RawTable}.
 */
import { type DataResult, issue } from "../issues.js";
import { type CsvDelimiter, readCsv } from "./csv.js";
import type { DeclaredEncoding } from "./encoding.js";
import type { RawTable } from "./raw-table.js";
import { readXlsx } from "./xlsx.js";

export {
  type CsvDelimiter,
  type CsvRecord,
  parseCsvRecords,
  type ReadCsvOptions,
  readCsv,
  sniffDelimiter,
} from "./csv.js";
export {
  type DeclaredEncoding,
  type DecodedText,
  type DecodeTextOptions,
  type DetectedEncoding,
  decodeText,
} from "./encoding.js";
export { findHeaderIndex } from "./header.js";
export { EMPTY_PLACEHOLDERS, parseNumberCell } from "./numbers.js";
export type { RawTable } from "./raw-table.js";
export { cellValueText, type ReadXlsxOptions, readXlsx } from "./xlsx.js";

export type TabularFormat = "csv" | "xlsx";

export interface ReadTabularFileOptions {
  /** file name; its extension helps choose the reader and it is shown in issues */
  readonly file: string;
  /** force a reader instead of detecting it */
  readonly format?: TabularFormat;
  /** XLSX: worksheet name (default: first sheet) */
  readonly sheet?: string;
  /** CSV: delimiter (default `"auto"`, or TAB for `.tsv`) */
  readonly delimiter?: CsvDelimiter | "auto";
  /** CSV: encoding (default `"auto"`) */
  readonly encoding?: DeclaredEncoding;
  /** both: 1-based header row or `"auto"` (default) */
  readonly headerRow?: number | "auto";
  /** XLSX: header rows (default `"auto"`) */
  readonly headerRows?: 1 | 2 | "auto";
  /** both: columns that must be present */
  readonly requiredColumns?: readonly string[];
}

function extension(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  const dot = base.lastIndexOf(".");
  return dot < 0 ? "" : base.slice(dot + 1).toLowerCase();
}

/**
 * Detects the format of a tabular file: ZIP magic `PK\x03\x04` → xlsx; extension `.xlsx`/`.xlsm` →
 * xlsx; OLE2 magic `D0 CF 11 E0` (legacy `.xls`) → `"xls"` (unsupported); otherwise csv.
 */
export function detectTabularFormat(bytes: Uint8Array, file: string): TabularFormat | "xls" {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return "xlsx";
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return "xls";
  const ext = extension(file);
  if (ext === "xlsx" || ext === "xlsm") return "xlsx";
  if (ext === "xls") return "xls";
  return "csv";
}

/**
 * Reads a CSV, TSV or XLSX file into a raw table (读取表格文件), choosing the reader by magic bytes,
 * then extension (see {@link detectTabularFormat}), unless `format` is given.
 *
 * @param bytes file content
 * @param options see {@link ReadTabularFileOptions}; options that do not apply to the chosen reader are ignored
 * @returns `DataResult<RawTable>`; legacy `.xls` → `file_unreadable` {reason: "xls_not_supported"}
 * @example
 * await readTabularFile(bytes, { file: "table.xlsx", requiredColumns: ["code", "name", "output"] })
 */
export async function readTabularFile(
  bytes: Uint8Array,
  options: ReadTabularFileOptions,
): Promise<DataResult<RawTable>> {
  const { file } = options;
  const format = options.format ?? detectTabularFormat(bytes, file);
  if (format === "xls") {
    return { ok: false, issues: [issue("file_unreadable", { file }, { reason: "xls_not_supported" })] };
  }
  if (format === "xlsx") {
    return readXlsx(bytes, {
      file,
      ...(options.sheet !== undefined && { sheet: options.sheet }),
      ...(options.headerRow !== undefined && { headerRow: options.headerRow }),
      ...(options.headerRows !== undefined && { headerRows: options.headerRows }),
      ...(options.requiredColumns !== undefined && { requiredColumns: options.requiredColumns }),
    });
  }
  const delimiter = options.delimiter ?? (extension(file) === "tsv" ? "\t" : "auto");
  return readCsv(bytes, {
    file,
    delimiter,
    ...(options.encoding !== undefined && { encoding: options.encoding }),
    ...(options.headerRow !== undefined && { headerRow: options.headerRow }),
    ...(options.requiredColumns !== undefined && { requiredColumns: options.requiredColumns }),
  });
}
