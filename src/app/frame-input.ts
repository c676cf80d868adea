/**
 * Data frames for the econometric methods (数据框输入): read from a user's file (CSV/XLSX with a header
 * row of column names), or built from a stored panel or time series (columns `entity`, `year` and one
 * per indicator). Either way the result is a {@link DataFrame} with provenance: the file's sha256, or
 * the dataset's meta.
 */
import {
  type DataFrame,
  DataIssuesError,
  type DatasetMeta,
  type ParseLimits,
  readDataFrame,
  readTabularFileIsolated,
} from "../data/index.js";
import type { DatasetSource } from "./dataset-source.js";
import { loadIndicatorTable } from "./indicator-input.js";
import { sha256Hex } from "./input-file.js";

/** A data frame and where it came from. */
export interface LoadedFrame {
  readonly frame: DataFrame;
  /** the dataset's meta; for a file, a user meta with the file's sha256 */
  readonly meta: DatasetMeta;
}

export interface ReadFrameInputOptions {
  readonly file: string;
  readonly sheet?: string;
  /** limits of the thread that reads XLSX and large CSV files @default DEFAULT_PARSE_LIMITS */
  readonly parseLimits?: ParseLimits;
}

/**
 * Reads a data frame from a file's bytes (读取数据框文件).
 * @throws {DataIssuesError} with every located issue when the file cannot be read as a table
 */
export async function readFrameInput(bytes: Uint8Array, options: ReadFrameInputOptions): Promise<LoadedFrame> {
  const { file } = options;
  const raw = await readTabularFileIsolated(
    bytes,
    { file, ...(options.sheet !== undefined && { sheet: options.sheet }) },
    options.parseLimits,
  );
  if (!raw.ok) throw new DataIssuesError(raw.issues);
  const read = readDataFrame(raw.value);
  if (!read.ok) throw new DataIssuesError(read.issues);
  const sha256 = sha256Hex(bytes);
  const meta: DatasetMeta = {
    id: `input:${file.split(/[\\/]/).pop() ?? file}`,
    kind: "panel",
    titleZh: file,
    titleEn: file,
    region: "",
    years: [],
    unit: "dimensionless",
    frequency: "annual",
    priceBasis: { kind: "not_applicable" },
    dimensions: { columns: read.value.columns.length, rows: read.value.rows.length },
    provenance: {
      publisher: "user",
      originalSource: file,
      licence: "user-supplied",
      files: [{ path: file, sha256, bytes: bytes.length }],
      transformations: [],
      caveats: [],
    },
  };
  return { frame: read.value, meta };
}

/**
 * A data frame from a stored annual panel or time series (数据集→数据框): columns `entity`, `year`
 * and one per indicator (named by the indicator's code), one row per entity and year in time order.
 * @throws {DatasetNotFoundError} when the id is not a stored series
 */
export async function loadFrame(source: DatasetSource, id: string): Promise<LoadedFrame> {
  const { table, meta } = await loadIndicatorTable(source, id);
  const header = ["entity", "year", ...table.indicators.map((i) => i.code)];
  return {
    meta,
    frame: {
      file: id,
      columns: header.map((name, j) => ({ name, column: j + 1 })),
      rows: table.rows.map((r) => [
        r.entity,
        r.year === undefined ? "" : String(r.year),
        ...r.values.map((v) => (v === null ? "" : String(v))),
      ]),
      rowNumbers: table.rows.map((_, i) => i + 2),
    },
  };
}
