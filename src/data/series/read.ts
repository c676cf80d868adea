/**
 * Time series (时间序列) and panels (面板数据) from tabular files, in three layouts:
 *
 * - `long`: `[entity,] period, indicator, value[, unit]` — one observation per row;
 * - `wide`: `[entity,] period, <indicator…>` — one column per indicator;
 * - `wide_entities`: `period, <entity…>` — one column per entity, one indicator named by the caller
 *   (e.g. NBS provincial GDP: `year, 北京市, 天津市, …`).
 *
 * A time_series has no entity; a panel's entities are resolved to GB/T 2260 codes (province codes or
 * names) unless `resolveEntities: false`. The interpreter works row by row, so the same rules serve
 * an in-memory table ({@link readSeries}) and a streamed file (the store's streaming import).
 */
import { KNOWN_UNITS, resolveUnit, type Unit } from "../dataset.js";
import { parseNumberCell } from "../ingest/numbers.js";
import type { RawTable } from "../ingest/raw-table.js";
import { type DataIssue, type DataResult, issue } from "../issues.js";
import { resolveRegion } from "../regions/provinces.js";
import { type Frequency, parsePeriod } from "./periods.js";

export type SeriesKind = "time_series" | "panel";
export type SeriesLayout = "long" | "wide" | "wide_entities";
export const SERIES_LAYOUTS: readonly SeriesLayout[] = ["long", "wide", "wide_entities"];

export interface SeriesReadOptions {
  /** file name shown in issues */
  readonly file: string;
  readonly sheet?: string;
  readonly kind: SeriesKind;
  /** @default "auto": long when the header has indicator and value columns, else wide (wide_entities when `indicator` is given) */
  readonly layout?: SeriesLayout | "auto";
  /** @default detected from the first period */
  readonly frequency?: Frequency;
  /** panel: resolve entities to GB/T 2260 province codes @default true */
  readonly resolveEntities?: boolean;
  /** wide_entities: the one indicator's code (and name) */
  readonly indicator?: string;
  /** unit of indicators that declare none (in the header `GDP(亿元)` or a long `unit` column) */
  readonly unit?: string;
  /** per-indicator units, overriding the file */
  readonly units?: Readonly<Record<string, string>>;
  /** check duplicate observations in memory @default true (the store checks them in SQL instead) */
  readonly checkDuplicates?: boolean;
}

export interface SeriesIndicator {
  /** the indicator as written (header text or long `indicator` cell) */
  readonly code: string;
  /** the code without a trailing unit in brackets */
  readonly name: string;
  readonly unit: Unit;
}

export interface SeriesEntity {
  /** resolved code ("" for a time_series) */
  readonly code: string;
  /** the text first seen in the file */
  readonly label: string;
}

export interface SeriesObservation {
  /** "" for a time_series */
  readonly entity: string;
  readonly indicator: string;
  /** canonical period (see parsePeriod) */
  readonly period: string;
  readonly value: number;
  /** 1-based physical row and column of the source cell */
  readonly row: number;
  readonly column: number;
}

/** What the interpreter learned about a series besides its observations. */
export interface SeriesSummary {
  readonly kind: SeriesKind;
  readonly layout: SeriesLayout;
  readonly frequency: Frequency;
  readonly indicators: readonly SeriesIndicator[];
  readonly entities: readonly SeriesEntity[];
}

export interface SeriesData extends SeriesSummary {
  readonly observations: readonly SeriesObservation[];
}

/** Examples shown when a unit is missing. */
const UNIT_EXAMPLES: readonly string[] = ["亿元", "万元", "元", "万人", "percent"];

const ALIASES = {
  entity: ["entity", "region", "region_code", "province", "地区", "省份", "地区代码", "省份代码"],
  period: ["period", "year", "date", "time", "时间", "年份", "日期", "期间", "年度"],
  indicator: ["indicator", "指标", "指标名称"],
  value: ["value", "数值", "值"],
  unit: ["unit", "单位"],
} as const;
type Role = keyof typeof ALIASES;

function roleOf(header: string): Role | undefined {
  const h = header.trim().toLowerCase();
  for (const role of Object.keys(ALIASES) as Role[]) if ((ALIASES[role] as readonly string[]).includes(h)) return role;
  return undefined;
}

/** `名称(单位)` / `名称（单位）` → [name, unit text]. */
export function splitUnit(header: string): [string, string | undefined] {
  const m = header.trim().match(/^(.*?)\s*[(（]([^()（）]+)[)）]$/);
  return m === null ? [header.trim(), undefined] : [(m[1] as string).trim(), (m[2] as string).trim()];
}

/** Row-by-row interpreter of one series file. */
export interface SeriesInterpreter {
  /** interprets one data row; issues are collected */
  row(cells: readonly string[], line: number): SeriesObservation[];
  /** the collected issues (so far) */
  readonly issues: DataIssue[];
  /** the summary after the last row (frequency defaults to annual when no row had a period) */
  summary(): SeriesSummary;
}

/**
 * Creates the interpreter for a header (解析表头).
 * @returns the interpreter, or the header's issues (missing columns, units)
 */
export function seriesInterpreter(
  header: readonly string[],
  headerRow: number,
  options: SeriesReadOptions,
): DataResult<SeriesInterpreter> {
  const { file } = options;
  const at = (column?: number, columnName?: string) => ({
    file,
    ...(options.sheet !== undefined && { sheet: options.sheet }),
    row: headerRow,
    ...(column !== undefined && { column: column + 1 }),
    ...(columnName !== undefined && { columnName }),
  });
  const roles = header.map(roleOf);
  const col = (r: Role) => roles.indexOf(r);
  const issues: DataIssue[] = [];
  const layout: SeriesLayout =
    options.layout !== undefined && options.layout !== "auto"
      ? options.layout
      : col("indicator") >= 0 && col("value") >= 0
        ? "long"
        : options.indicator !== undefined
          ? "wide_entities"
          : "wide";
  const periodCol = col("period");
  if (periodCol < 0) issues.push(issue("missing_column", at(), { column: "period" }));
  const entityCol = col("entity");
  if (options.kind === "panel" && layout !== "wide_entities" && entityCol < 0)
    issues.push(issue("missing_column", at(), { column: "entity" }));
  if (options.kind === "time_series" && (entityCol >= 0 || layout === "wide_entities"))
    issues.push(
      issue("invalid_value", at(entityCol >= 0 ? entityCol : undefined, header[entityCol]), {
        value: layout === "wide_entities" ? layout : header[entityCol],
        expected: "time_series_without_entity",
      }),
    );
  if (layout === "long") {
    if (col("indicator") < 0) issues.push(issue("missing_column", at(), { column: "indicator" }));
    if (col("value") < 0) issues.push(issue("missing_column", at(), { column: "value" }));
  }
  if (layout === "wide_entities" && options.indicator === undefined)
    issues.push(issue("missing_column", at(), { column: "indicator" }));

  const resolveEntities = options.resolveEntities ?? true;
  const resolveUnitText = (code: string, text: string | undefined, where: ReturnType<typeof at>): Unit | undefined => {
    const declared = options.units?.[code] ?? text ?? options.unit;
    if (declared === undefined) {
      issues.push(issue("missing_unit", where, { expected: UNIT_EXAMPLES }));
      return undefined;
    }
    const u = resolveUnit(declared);
    if (u === undefined) issues.push(issue("unknown_unit", where, { unit: declared, known: KNOWN_UNITS }));
    return u;
  };

  const indicators = new Map<string, SeriesIndicator>();
  const entities = new Map<string, SeriesEntity>();
  // value columns: [column index, indicator code, entity text or undefined]
  const valueCols: [number, string, string | undefined][] = [];
  if (layout === "wide") {
    header.forEach((h, k) => {
      if (roles[k] !== undefined || h.trim() === "") return;
      const [name, unitText] = splitUnit(h);
      const unit = resolveUnitText(h.trim(), unitText, at(k, h));
      if (unit !== undefined) indicators.set(h.trim(), { code: h.trim(), name, unit });
      valueCols.push([k, h.trim(), undefined]);
    });
  } else if (layout === "wide_entities" && options.indicator !== undefined) {
    const [name, unitText] = splitUnit(options.indicator);
    const unit = resolveUnitText(options.indicator, unitText, at());
    if (unit !== undefined) indicators.set(options.indicator, { code: options.indicator, name, unit });
    header.forEach((h, k) => {
      if (roles[k] === undefined && h.trim() !== "") valueCols.push([k, options.indicator as string, h.trim()]);
    });
  }
  if (issues.length > 0) return { ok: false, issues };

  let frequency = options.frequency;
  const seen = options.checkDuplicates === false ? undefined : new Map<string, number>();
  const cellAt = (line: number, k: number) => ({
    file,
    ...(options.sheet !== undefined && { sheet: options.sheet }),
    row: line,
    column: k + 1,
    ...(header[k] !== undefined && { columnName: header[k] }),
  });
  const entityCode = (text: string, line: number, k: number): string | undefined => {
    const t = text.trim();
    if (t === "") {
      issues.push(issue("missing_value", cellAt(line, k), { column: "entity" }));
      return undefined;
    }
    const known = entities.get(t);
    if (known !== undefined) return known.code;
    let code = t;
    if (resolveEntities) {
      const p = resolveRegion(t);
      if (p === undefined) {
        issues.push(issue("unknown_region", cellAt(line, k), { value: t }));
        return undefined;
      }
      code = p.code;
    }
    entities.set(t, { code, label: t });
    return code;
  };

  const interpreter: SeriesInterpreter = {
    issues,
    row(cells, line) {
      if (cells.every((c) => c.trim() === "")) return [];
      const out: SeriesObservation[] = [];
      const periodText = cells[periodCol] ?? "";
      let period: string | undefined;
      if (periodText.trim() === "") issues.push(issue("missing_value", cellAt(line, periodCol), { column: "period" }));
      else {
        const p = parsePeriod(periodText, frequency);
        if (p === undefined)
          issues.push(
            issue("invalid_period", cellAt(line, periodCol), { value: periodText, frequency: frequency ?? "auto" }),
          );
        else {
          frequency ??= p.frequency;
          period = p.period;
        }
      }
      const push = (entity: string, indicator: string, value: number, k: number) => {
        if (period === undefined) return;
        if (seen !== undefined) {
          const key = JSON.stringify([entity, indicator, period]);
          const first = seen.get(key);
          if (first !== undefined) {
            issues.push(
              issue("duplicate_observation", cellAt(line, k), { entity, indicator, period, firstRow: first }),
            );
            return;
          }
          seen.set(key, line);
        }
        out.push({ entity, indicator, period, value, row: line, column: k + 1 });
      };
      const numberAt = (k: number): number | undefined => {
        const v = parseNumberCell(cells[k] ?? "");
        if (v === "invalid") {
          issues.push(issue("non_numeric_cell", cellAt(line, k), { value: cells[k] }));
          return undefined;
        }
        return v ?? undefined;
      };
      if (layout === "long") {
        const ki = col("indicator");
        const indicator = (cells[ki] ?? "").trim();
        const value = numberAt(col("value"));
        const entity = options.kind === "panel" ? entityCode(cells[entityCol] ?? "", line, entityCol) : "";
        if (indicator === "") {
          issues.push(issue("missing_value", cellAt(line, ki), { column: "indicator" }));
          return out;
        }
        if (!indicators.has(indicator)) {
          const [name, unitText] = splitUnit(indicator);
          const ku = col("unit");
          const text = ku >= 0 && (cells[ku] ?? "").trim() !== "" ? (cells[ku] as string).trim() : unitText;
          const unit = resolveUnitText(indicator, text, cellAt(line, ku >= 0 ? ku : ki));
          if (unit === undefined) return out;
          indicators.set(indicator, { code: indicator, name, unit });
        }
        if (entity !== undefined && value !== undefined) push(entity, indicator, value, col("value"));
        return out;
      }
      const rowEntity =
        layout === "wide" && options.kind === "panel" ? entityCode(cells[entityCol] ?? "", line, entityCol) : "";
      for (const [k, indicator, entityText] of valueCols) {
        const value = numberAt(k);
        if (value === undefined) continue;
        const entity = entityText === undefined ? rowEntity : entityCode(entityText, 0, k);
        if (entity !== undefined) push(entity, indicator, value, k);
      }
      return out;
    },
    summary() {
      return {
        kind: options.kind,
        layout,
        frequency: frequency ?? "annual",
        indicators: [...indicators.values()],
        entities: options.kind === "panel" ? [...entities.values()] : [],
      };
    },
  };
  // wide_entities: resolve the entity columns once, located at the header
  if (layout === "wide_entities") {
    for (const [k, , text] of valueCols) {
      const t = (text as string).trim();
      if (entities.has(t)) continue;
      const p = resolveEntities ? resolveRegion(t) : { code: t };
      if (p === undefined) issues.push(issue("unknown_region", at(k, header[k]), { value: t }));
      else entities.set(t, { code: p.code, label: t });
    }
    if (issues.length > 0) return { ok: false, issues };
  }
  return { ok: true, value: interpreter, warnings: [] };
}

/**
 * Reads a time series or panel from a raw table (读取时间序列/面板), collecting every issue.
 * @param raw the table from readCsv / readXlsx
 * @param options kind, layout, frequency, units (see {@link SeriesReadOptions})
 * @returns the observations with their indicators, entities and frequency, or every issue
 * @example readSeries(raw, { file: "gdp.csv", kind: "time_series", unit: "亿元" })
 */
export function readSeries(raw: RawTable, options: SeriesReadOptions): DataResult<SeriesData> {
  const opts = { ...options, ...(raw.sheet !== undefined && { sheet: raw.sheet }) };
  const made = seriesInterpreter(raw.header, raw.headerRow, opts);
  if (!made.ok) return made;
  const interp = made.value;
  const observations: SeriesObservation[] = [];
  raw.rows.forEach((cells, i) => {
    observations.push(...interp.row(cells, raw.rowNumbers[i] ?? raw.headerRow + i + 1));
  });
  if (interp.issues.length > 0) return { ok: false, issues: interp.issues };
  return { ok: true, value: { ...interp.summary(), observations }, warnings: [] };
}
