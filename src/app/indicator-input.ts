/**
 * Indicator tables for composite-index methods (指标表输入): read from a user's file (CSV/XLSX:
 * `entity`, optional `year`, one column per indicator), or taken from a stored panel or time-series
 * dataset (one row per entity and year, one column per indicator). Either way the result is an
 * {@link IndicatorTable} with provenance: the file's sha256, or the dataset's meta.
 */
import {
  DataIssuesError,
  type DatasetMeta,
  type IndicatorTable,
  type ParseLimits,
  readIndicatorTable,
  readTabularFileIsolated,
} from "../data/index.js";
import { type DatasetSource, requireSeries } from "./dataset-source.js";
import { sha256Hex } from "./input-file.js";

/** An indicator table and where it came from. */
export interface LoadedIndicators {
  readonly table: IndicatorTable;
  /** the dataset's meta; for a file, a user meta with the file's sha256 */
  readonly meta: DatasetMeta;
}

export interface ReadIndicatorInputOptions {
  readonly file: string;
  readonly sheet?: string;
  /** limits of the thread that reads XLSX and large CSV files @default DEFAULT_PARSE_LIMITS */
  readonly parseLimits?: ParseLimits;
}

/**
 * Reads an indicator table from a file's bytes (读取指标表文件).
 * @throws {DataIssuesError} with every located issue when the file cannot be read as an indicator table
 */
export async function readIndicatorInput(
  bytes: Uint8Array,
  options: ReadIndicatorInputOptions,
): Promise<LoadedIndicators> {
  const { file } = options;
  const raw = await readTabularFileIsolated(
    bytes,
    { file, ...(options.sheet !== undefined && { sheet: options.sheet }) },
    options.parseLimits,
  );
  if (!raw.ok) throw new DataIssuesError(raw.issues);
  const read = readIndicatorTable(raw.value);
  if (!read.ok) throw new DataIssuesError(read.issues);
  const sha256 = sha256Hex(bytes);
  const meta: DatasetMeta = {
    id: `input:${file.split(/[\\/]/).pop() ?? file}`,
    kind: "panel",
    titleZh: file,
    titleEn: file,
    region: "",
    years: read.value.years ?? [],
    unit: "dimensionless",
    frequency: "annual",
    priceBasis: { kind: "not_applicable" },
    dimensions: {
      entities: read.value.entities.length,
      indicators: read.value.indicators.length,
      rows: read.value.rows.length,
    },
    provenance: {
      publisher: "user",
      originalSource: file,
      licence: "user-supplied",
      files: [{ path: file, sha256, bytes: bytes.length }],
      transformations: [],
      caveats: [],
    },
  };
  return { table: read.value, meta };
}

/**
 * An indicator table from a stored panel or annual time series (面板数据集→指标表): one row per
 * entity and year, one column per indicator (in the dataset's order, or `indicators`'), missing
 * observations as null. A time series has the one entity "" (shown as the dataset's region).
 * @throws {DatasetNotFoundError} when the id is not a stored series; {DataIssuesError}
 *   invalid_period when the series is not annual
 */
export async function loadIndicatorTable(
  source: DatasetSource,
  id: string,
  indicators?: readonly string[],
): Promise<LoadedIndicators> {
  const s = await requireSeries(source, id, indicators === undefined ? undefined : { indicators });
  const columns = indicators === undefined ? s.indicators.map((i) => i.code) : [...indicators];
  const byCode = new Map(s.indicators.map((i) => [i.code, i]));
  const missing = columns.filter((c) => !byCode.has(c));
  if (missing.length > 0)
    throw new DataIssuesError(
      missing.map((c) => ({
        code: "missing_column",
        severity: "error",
        path: { file: id },
        params: { column: c },
      })),
    );
  const index = new Map(columns.map((c, j) => [c, j]));
  const rows = new Map<string, { entity: string; year: number; values: (number | null)[] }>();
  const bad = new Set<string>();
  for (const o of s.observations) {
    const year = /^\d{4}$/.test(o.period) ? Number(o.period) : Number.NaN;
    if (Number.isNaN(year)) {
      bad.add(o.period);
      continue;
    }
    const j = index.get(o.indicator);
    if (j === undefined) continue;
    const key = `${o.entity}\u0000${year}`;
    let row = rows.get(key);
    if (row === undefined) {
      row = { entity: o.entity === "" ? s.meta.region : o.entity, year, values: columns.map(() => null) };
      rows.set(key, row);
    }
    row.values[j] = o.value;
  }
  if (bad.size > 0)
    throw new DataIssuesError(
      [...bad].slice(0, 5).map((p) => ({
        code: "invalid_period",
        severity: "error",
        path: { file: id },
        params: { value: p, frequency: "annual" },
      })),
    );
  const sorted = [...rows.values()].sort((a, b) => a.year - b.year || a.entity.localeCompare(b.entity));
  const entities = [...new Set(sorted.map((r) => r.entity))];
  return {
    meta: s.meta,
    table: {
      file: id,
      indicators: columns.map((c, j) => {
        const ind = byCode.get(c);
        return { code: c, name: ind?.name ?? c, ...(ind !== undefined && { unit: ind.unit }), column: j + 1 };
      }),
      entities,
      years: [...new Set(sorted.map((r) => r.year))],
      rows: sorted.map((r, i) => ({ entity: r.entity, year: r.year, values: r.values, row: i + 1 })),
    },
  };
}
