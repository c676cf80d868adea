/**
 * TFP by sector group and the digital-economy TFP contribution on an analyst's data frame
 * (分部门组全要素生产率、数字经济全要素生产率贡献; spec §4.4, §9.4–9.5). CAICT's sector capital,
 * employment and digital-TFP series are not public (rows 27–29), so both run on a long table the analyst
 * supplies — one row per group (or sector) and year — with the provenance of that file.
 *
 * - Group TFP levels (seed 000 图4): A_{g,t} = Y/(K^α L^{1−α}) per group, relative to the economy (the
 *   groups summed, α the VA-weighted mean) by default ({@link groupTfpLevels}); the mean over the years.
 * - DE-TFP contribution (seed 001 §三(一)): per year, Σ_j w̄_j g^DE_{A,j} / g_Y with VA weights
 *   ({@link digitalTfpContribution}); g_Y from the sectors' summed value added; then the mean, SD and
 *   CV of the yearly contributions ({@link volatility}, the seed's stability statistics).
 */
import {
  CoreError,
  type Diagnostic,
  digitalTfpContribution,
  groupTfpLevels,
  type TfpNormalisation,
  volatility,
} from "../core/index.js";
import {
  type DataFrame,
  type DataIssue,
  DataIssuesError,
  type DataResult,
  frameLabels,
  frameNumbers,
  issue,
} from "../data/index.js";
import { type FrameRef, type FrameRefOptions, frameOf } from "./econometrics.js";
import { type ResultProvenance, resultProvenance } from "./provenance.js";

function unwrap<T>(r: DataResult<T>): T {
  if (!r.ok) throw new DataIssuesError(r.issues);
  return r.value;
}

/** Rows keyed by (entity, year) with the named numeric columns; every cell must be present. */
function panelOf(
  frame: DataFrame,
  entity: string,
  time: string,
  columns: readonly string[],
): { entities: string[]; years: number[]; value: (column: string, entity: string, year: number) => number } {
  const labels = unwrap(frameLabels(frame, entity));
  const numbers = unwrap(frameNumbers(frame, [time, ...columns]));
  const yearCol = numbers[0] as (number | null)[];
  const issues: DataIssue[] = [];
  const cells = new Map<string, number>();
  const colIndex = new Map(frame.columns.map((c) => [c.name, c.column]));
  const at = (i: number, name: string) => ({
    file: frame.file,
    ...(frame.sheet !== undefined && { sheet: frame.sheet }),
    row: frame.rowNumbers[i] as number,
    column: colIndex.get(name) as number,
    columnName: name,
  });
  const entities: string[] = [];
  const yearSet = new Set<number>();
  frame.rows.forEach((_, i) => {
    const y = yearCol[i];
    if (y === null || y === undefined || !Number.isInteger(y)) {
      issues.push(
        issue("invalid_period", at(i, time), {
          value: frame.rows[i]?.[(colIndex.get(time) ?? 1) - 1] ?? "",
          frequency: "annual",
        }),
      );
      return;
    }
    const e = labels[i] as string;
    if (!entities.includes(e)) entities.push(e);
    yearSet.add(y);
    columns.forEach((c, k) => {
      const v = (numbers[k + 1] as (number | null)[])[i];
      if (v === null || v === undefined) issues.push(issue("missing_value", at(i, c), {}));
      else {
        const key = `${c}\u0000${e}\u0000${y}`;
        if (cells.has(key))
          issues.push(
            issue("duplicate_observation", at(i, c), { entity: e, indicator: c, period: String(y), firstRow: 0 }),
          );
        cells.set(key, v);
      }
    });
  });
  if (issues.length > 0) throw new DataIssuesError(issues);
  const years = [...yearSet].sort((a, b) => a - b);
  const value = (c: string, e: string, y: number): number => {
    const v = cells.get(`${c}\u0000${e}\u0000${y}`);
    if (v === undefined)
      throw new CoreError("invalid_argument", {
        option: entity,
        reason: "unbalanced_panel",
        entity: e,
        year: y,
        column: c,
      });
    return v;
  };
  return { entities, years, value };
}

// ---------------------------------------------------------------------------------------------------

export interface GroupTfpOptions {
  readonly group: string;
  /** @default "year" */
  readonly time?: string;
  readonly output: string;
  readonly capital: string;
  readonly labour: string;
  /** capital share α: a number, or a labour-share column (α = 1 − it) */
  readonly capitalShare: number | { readonly labourShareColumn: string };
  /** @default "relative" */
  readonly normalisation?: TfpNormalisation;
  readonly baseYear?: number;
}

export interface GroupTfpResult {
  readonly dataset: string;
  readonly normalisation: TfpNormalisation;
  readonly years: readonly number[];
  readonly groups: readonly {
    readonly id: string;
    readonly levels: readonly (number | null)[];
    readonly mean: number | null;
  }[];
  readonly diagnostics: readonly Diagnostic[];
  readonly provenance: ResultProvenance;
}

/**
 * TFP levels by sector group (分部门组全要素生产率水平), relative to the economy by default.
 * @throws {DataIssuesError} missing_column, non_numeric_cell, missing_value, invalid_period,
 *   duplicate_observation; {CoreError} invalid_argument (unbalanced_panel), from groupTfpLevels
 */
export async function groupTfp(
  ref: FrameRef,
  options: GroupTfpOptions,
  context: FrameRefOptions = {},
): Promise<GroupTfpResult> {
  const { frame, meta } = await frameOf(ref, context.source);
  const time = options.time ?? "year";
  const shareCol = typeof options.capitalShare === "number" ? [] : [options.capitalShare.labourShareColumn];
  const cols = [options.output, options.capital, options.labour, ...shareCol];
  const p = panelOf(frame, options.group, time, cols);
  const normalisation = options.normalisation ?? "relative";
  const share = options.capitalShare;
  const r = groupTfpLevels({
    normalisation,
    years: p.years,
    ...(options.baseYear !== undefined && { baseYear: options.baseYear }),
    groups: p.entities.map((g) => ({
      id: g,
      output: p.years.map((y) => p.value(options.output, g, y)),
      capital: p.years.map((y) => p.value(options.capital, g, y)),
      labour: p.years.map((y) => p.value(options.labour, g, y)),
      capitalShare: typeof share === "number" ? share : p.years.map((y) => 1 - p.value(share.labourShareColumn, g, y)),
    })),
  });
  return {
    dataset: meta.id,
    normalisation,
    years: p.years,
    groups: r.groups.map((g) => ({ id: g.id, levels: g.levels, mean: g.mean })),
    diagnostics: r.diagnostics as readonly Diagnostic[],
    provenance: resultProvenance(
      [meta],
      "tfp_group_levels",
      {
        group: options.group,
        time,
        output: options.output,
        capital: options.capital,
        labour: options.labour,
        capitalShare: typeof share === "number" ? share : `1 − ${share.labourShareColumn}`,
        normalisation,
        baseYear: options.baseYear ?? null,
        formula: "A = Y / (K^α L^(1−α)); relative: A_g / A_economy, α_economy = VA-weighted mean of α_g",
      },
      context.clock,
    ),
  };
}

// ---------------------------------------------------------------------------------------------------

export interface DigitalTfpOptions {
  readonly sector: string;
  /** @default "year" */
  readonly time?: string;
  /** value added (real) column */
  readonly valueAdded: string;
  /** the sector's TFP growth (per year, from the previous year) column */
  readonly tfpGrowth: string;
  /** the digital sectors (g^DE = g_A) */
  readonly digital: readonly string[];
  /** D/VA of a non-digital sector (the digital part of its TFP growth) column; absent: 0 */
  readonly digitalShare?: string;
  /** output growth g_Y of the summed value added @default "log" */
  readonly growth?: "log" | "simple";
}

export interface DigitalTfpResult {
  readonly dataset: string;
  readonly periods: readonly {
    readonly year: number;
    readonly outputGrowth: number;
    readonly digitalTfpGrowth: number;
    readonly contribution: number | null;
  }[];
  /** mean, SD (population, spec §9.5) and CV of the yearly contributions (the seed's stability statistics) */
  readonly summary: {
    readonly mean: number;
    readonly sd: number;
    readonly cv: number | null;
    readonly n: number;
  } | null;
  readonly diagnostics: readonly Diagnostic[];
  readonly provenance: ResultProvenance;
}

/**
 * The digital-economy TFP contribution by year and its stability (数字经济全要素生产率贡献及其波动).
 * @throws as {@link groupTfp}; {CoreError} invalid_argument (unknown_sector: a digital code not in the
 *   frame), too_few_observations (fewer than two years), from digitalTfpContribution
 */
export async function digitalTfp(
  ref: FrameRef,
  options: DigitalTfpOptions,
  context: FrameRefOptions = {},
): Promise<DigitalTfpResult> {
  const { frame, meta } = await frameOf(ref, context.source);
  const time = options.time ?? "year";
  const cols = [
    options.valueAdded,
    options.tfpGrowth,
    ...(options.digitalShare !== undefined ? [options.digitalShare] : []),
  ];
  const p = panelOf(frame, options.sector, time, cols);
  for (const code of options.digital)
    if (!p.entities.includes(code))
      throw new CoreError("unknown_sector", { function: "digitalTfp", code, available: p.entities.slice(0, 50) });
  if (p.years.length < 2)
    throw new CoreError("too_few_observations", { argument: time, received: p.years.length, required: 2 });
  const digital = new Set(options.digital);
  const growth = options.growth ?? "log";
  const diagnostics: Diagnostic[] = [];
  const periods = p.years.slice(1).map((year, i) => {
    const prev = p.years[i] as number;
    const total = (y: number) => p.entities.reduce((s, e) => s + p.value(options.valueAdded, e, y), 0);
    const gY = growth === "log" ? Math.log(total(year) / total(prev)) : total(year) / total(prev) - 1;
    const r = digitalTfpContribution({
      outputGrowth: gY,
      sectors: p.entities.map((e) => ({
        id: e,
        digital: digital.has(e),
        valueAddedPrevious: p.value(options.valueAdded, e, prev),
        valueAdded: p.value(options.valueAdded, e, year),
        tfpGrowth: p.value(options.tfpGrowth, e, year),
        ...(options.digitalShare !== undefined && { digitalShare: p.value(options.digitalShare, e, year) }),
      })),
    });
    diagnostics.push(...(r.diagnostics as readonly Diagnostic[]));
    return { year, outputGrowth: gY, digitalTfpGrowth: r.digitalTfpGrowth, contribution: r.contribution };
  });
  const defined = periods.map((q) => q.contribution).filter((c): c is number => c !== null);
  let summary: DigitalTfpResult["summary"] = null;
  if (defined.length >= 2) {
    const v = volatility(defined);
    diagnostics.push(...(v.diagnostics as readonly Diagnostic[]));
    summary = { mean: v.mean, sd: v.sd, cv: v.cv, n: v.n };
  }
  return {
    dataset: meta.id,
    periods,
    summary,
    diagnostics,
    provenance: resultProvenance(
      [meta],
      "digital_tfp_contribution",
      {
        sector: options.sector,
        time,
        valueAdded: options.valueAdded,
        tfpGrowth: options.tfpGrowth,
        digital: [...options.digital],
        digitalShare: options.digitalShare ?? null,
        growth,
        formula: "Σ_j w̄_j g^DE_{A,j} / g_Y, w̄_j = ½(VA_{j,t−1}/ΣVA_{t−1} + VA_{j,t}/ΣVA_t); SD population (ddof 0)",
      },
      context.clock,
    ),
  };
}
