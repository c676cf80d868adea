/**
 * Indicator tables (指标表): the input of composite-index methods — one row per entity (region,
 * enterprise, alternative), optionally per year, and one numeric column per indicator:
 *
 *     entity,year,gdp_per_capita,broadband(户/百人),software_share
 *     110000,2022,19.0,45.1,0.21
 *
 * The entity column may be called entity / region / province / 地区 / 省份 (and their code forms), the
 * year column year / 年份 / period; every other column is an indicator, its unit optionally in
 * brackets. Entities are kept as written (codes, names or labels of alternatives): resolving them to
 * GB/T 2260 codes is the caller's choice. Empty cells (and the placeholders "-", "…", "NA") are
 * missing values, kept as null — imputation is an explicit later step, never done here.
 */
import { parseNumberCell } from "../ingest/numbers.js";
import type { RawTable } from "../ingest/raw-table.js";
import { type DataIssue, type DataResult, issue } from "../issues.js";
import { splitUnit } from "../series/read.js";

/** One indicator column. */
export interface IndicatorColumn {
  /** the header as written */
  readonly code: string;
  /** the header without a unit in brackets */
  readonly name: string;
  /** the unit in brackets, if any */
  readonly unit?: string;
  /** 1-based physical column */
  readonly column: number;
}

/** One row: an entity (in a year), with a value or null per indicator. */
export interface IndicatorRow {
  readonly entity: string;
  readonly year?: number;
  /** in the order of `indicators`; null = missing */
  readonly values: readonly (number | null)[];
  /** 1-based physical row */
  readonly row: number;
}

/** An indicator table read from a file. */
export interface IndicatorTable {
  readonly file: string;
  readonly sheet?: string;
  readonly indicators: readonly IndicatorColumn[];
  /** entities in the order of first appearance */
  readonly entities: readonly string[];
  /** the years, ascending; undefined when the table has no year column (a cross-section) */
  readonly years?: readonly number[];
  readonly rows: readonly IndicatorRow[];
}

const ENTITY_HEADERS = [
  "entity",
  "region",
  "region_code",
  "province",
  "alternative",
  "地区",
  "省份",
  "地区代码",
  "省份代码",
  "对象",
];
const YEAR_HEADERS = ["year", "period", "年份", "年度", "时间"];

/** Years an indicator table may hold. */
export const INDICATOR_YEARS = { min: 1900, max: 2100 } as const;

/**
 * Reads an indicator table from a raw table (读取指标表), collecting every issue.
 * @param raw the table from readCsv / readXlsx (header row already found)
 * @returns the table, or every issue: header_not_found (no entity column or no indicator column),
 *   missing_value (empty entity), invalid_period (year not a whole year in 1900–2100),
 *   non_numeric_cell (an indicator cell that is not a number), duplicate_observation (an entity twice
 *   in the same year, or twice in a cross-section)
 * @example readIndicatorTable(raw) // raw.header = ["entity", "year", "x1", "x2"]
 */
export function readIndicatorTable(raw: RawTable): DataResult<IndicatorTable> {
  const file = raw.file;
  const at = (row?: number, column?: number, columnName?: string) => ({
    file,
    ...(raw.sheet !== undefined && { sheet: raw.sheet }),
    ...(row !== undefined && { row }),
    ...(column !== undefined && { column }),
    ...(columnName !== undefined && { columnName }),
  });
  const lower = raw.header.map((h) => h.trim().toLowerCase());
  const entityIndex = lower.findIndex((h) => ENTITY_HEADERS.includes(h));
  const yearIndex = lower.findIndex((h) => YEAR_HEADERS.includes(h));
  if (entityIndex < 0)
    return { ok: false, issues: [issue("header_not_found", at(raw.headerRow), { expected: ["entity"] })] };
  const indicators: IndicatorColumn[] = [];
  raw.header.forEach((h, j) => {
    if (j === entityIndex || j === yearIndex || h.trim() === "") return;
    const [name, unit] = splitUnit(h.trim());
    indicators.push({ code: h.trim(), name, ...(unit !== undefined && { unit }), column: j + 1 });
  });
  if (indicators.length === 0)
    return {
      ok: false,
      issues: [issue("header_not_found", at(raw.headerRow), { expected: ["entity", "<indicator>"] })],
    };

  const issues: DataIssue[] = [];
  const rows: IndicatorRow[] = [];
  const entities: string[] = [];
  const seenEntities = new Set<string>();
  const firstRow = new Map<string, number>();
  const years = new Set<number>();
  raw.rows.forEach((cells, i) => {
    const row = raw.rowNumbers[i] ?? raw.headerRow + i + 1;
    if (cells.every((c) => c.trim() === "")) return;
    const entity = (cells[entityIndex] ?? "").trim();
    if (entity === "") {
      issues.push(issue("missing_value", at(row, entityIndex + 1, raw.header[entityIndex]), { column: "entity" }));
      return;
    }
    let year: number | undefined;
    if (yearIndex >= 0) {
      const text = (cells[yearIndex] ?? "").trim();
      const n = /^\d{4}$/.test(text) ? Number(text) : Number.NaN;
      if (!(n >= INDICATOR_YEARS.min && n <= INDICATOR_YEARS.max)) {
        issues.push(
          issue("invalid_period", at(row, yearIndex + 1, raw.header[yearIndex]), {
            value: text,
            frequency: "annual",
          }),
        );
        return;
      }
      year = n;
      years.add(n);
    }
    const key = `${entity}\u0000${year ?? ""}`;
    const first = firstRow.get(key);
    if (first !== undefined) {
      issues.push(
        issue("duplicate_observation", at(row, entityIndex + 1, raw.header[entityIndex]), {
          entity,
          indicator: "*",
          period: year === undefined ? "" : String(year),
          firstRow: first,
        }),
      );
      return;
    }
    firstRow.set(key, row);
    const values = indicators.map((ind) => {
      const text = cells[ind.column - 1] ?? "";
      const v = parseNumberCell(text);
      if (v === "invalid") {
        issues.push(issue("non_numeric_cell", at(row, ind.column, ind.code), { value: text }));
        return null;
      }
      return v;
    });
    if (!seenEntities.has(entity)) {
      seenEntities.add(entity);
      entities.push(entity);
    }
    rows.push({ entity, ...(year !== undefined && { year }), values, row });
  });
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    value: {
      file,
      ...(raw.sheet !== undefined && { sheet: raw.sheet }),
      indicators,
      entities,
      ...(yearIndex >= 0 && { years: [...years].sort((a, b) => a - b) }),
      rows,
    },
    warnings: [],
  };
}
