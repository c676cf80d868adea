/**
 * Use cases of the composite-index family (综合指数) on indicator tables: objective weights
 * (熵权法, CRITIC, PCA, equal), TOPSIS scores and ranks, and the growth cycle with technical-weakness
 * flags (技术性疲软). Input is an indicator table from a user's file or a stored panel / time series
 * (indicator-input.ts); results carry provenance with every choice made.
 *
 * Spec §3 (cycle) and §12.3 (normalisation, entropy, TOPSIS). Missing values are never filled here:
 * a missing cell among the values a method reads is a located `missing_value` issue.
 */
import {
  CoreError,
  criticWeights,
  type Diagnostic,
  entropyWeights,
  equalWeights,
  growthRates,
  matrix,
  normalise,
  pcaWeights,
  technicalWeakness,
  topsis,
  type WeaknessEpisode,
} from "../core/index.js";
import { type DataIssue, DataIssuesError, type IndicatorTable } from "../data/index.js";
import type { DatasetSource } from "./dataset-source.js";
import { type LoadedIndicators, loadIndicatorTable } from "./indicator-input.js";
import { type Clock, type ResultProvenance, resultProvenance } from "./provenance.js";

/** Where the indicators come from: a file already read, or a stored panel / time series. */
export type IndicatorRef = { readonly input: LoadedIndicators } | { readonly datasetId: string };

export interface IndicatorRefOptions {
  readonly source?: DatasetSource;
  readonly clock?: Clock;
}

/** Weighting methods offered at the edges. */
export const INDEX_WEIGHT_METHODS = ["entropy", "critic", "pca", "equal"] as const;
export type IndexWeightMethod = (typeof INDEX_WEIGHT_METHODS)[number];

/** Goalposts of the min–max normalisation for panels: within each year (spec §12.3 default) or pooled. */
export const GOALPOSTS = ["year", "pooled"] as const;
export type Goalposts = (typeof GOALPOSTS)[number];

async function indicatorsOf(ref: IndicatorRef, source: DatasetSource | undefined): Promise<LoadedIndicators> {
  if ("input" in ref) return ref.input;
  if (source === undefined) throw new CoreError("invalid_argument", { option: "dataset", reason: "no_store" });
  return loadIndicatorTable(source, ref.datasetId);
}

/** Directions per indicator (+1 benefit, −1 cost) from `{code: ±1}`; unnamed indicators are +1. */
function directionsOf(table: IndicatorTable, given: Readonly<Record<string, 1 | -1>> | undefined): Int8Array {
  const codes = table.indicators.map((i) => i.code);
  const d = new Int8Array(codes.length).fill(1);
  for (const [code, v] of Object.entries(given ?? {})) {
    const j = codes.indexOf(code);
    if (j < 0) throw new CoreError("invalid_argument", { option: "directions", value: code, expected: codes });
    d[j] = v;
  }
  return d;
}

/** The rows a method reads (one year, or all), and its m×n matrix; a missing cell is a located issue. */
function selectRows(table: IndicatorTable, year: number | undefined) {
  if (year !== undefined && table.years === undefined)
    throw new CoreError("invalid_argument", { option: "year", value: year, reason: "year_not_found" });
  if (year !== undefined && !(table.years ?? []).includes(year))
    throw new CoreError("invalid_argument", {
      option: "year",
      value: year,
      expected: table.years ?? [],
      reason: "year_not_found",
    });
  const rows = year === undefined ? table.rows : table.rows.filter((r) => r.year === year);
  const n = table.indicators.length;
  const X = matrix(rows.length, n);
  const missing: DataIssue[] = [];
  rows.forEach((r, i) => {
    r.values.forEach((v, j) => {
      const ind = table.indicators[j];
      if (v === null) {
        if (missing.length < 100)
          missing.push({
            code: "missing_value",
            severity: "error",
            path: {
              file: table.file,
              ...(table.sheet !== undefined && { sheet: table.sheet }),
              row: r.row,
              ...(ind !== undefined && { column: ind.column, columnName: ind.code }),
            },
            params: { column: ind?.code ?? String(j + 1) },
          });
        return;
      }
      X.data[i * n + j] = v;
    });
  });
  if (missing.length > 0) throw new DataIssuesError(missing);
  return { rows, X };
}

/** Adds the indicator's name to diagnostics that name an indicator by its column index. */
function named(diagnostics: readonly Diagnostic[], table: IndicatorTable): Diagnostic[] {
  return diagnostics.map((d) => {
    const j = d.params["indicator"];
    const ind = typeof j === "number" ? table.indicators[j] : undefined;
    return ind === undefined ? d : { ...d, params: { ...d.params, name: ind.code } };
  });
}

export interface IndexWeightsOptions {
  readonly method: IndexWeightMethod;
  /** entropy: `minmax` (spec §12.3 default) or `sum` (raw shares, benefit criteria) @default "minmax" */
  readonly variant?: "minmax" | "sum";
  /** −1 for cost indicators, by indicator code @default all +1 */
  readonly directions?: Readonly<Record<string, 1 | -1>>;
  /** shift added to min–max scores (e.g. 0.0001) @default 0 */
  readonly shift?: number;
  /** one year of a panel @default every row (pooled entity-years) */
  readonly year?: number;
  /** panels: min–max goalposts within each year, or pooled over years @default "year" */
  readonly goalposts?: Goalposts;
}

/** One indicator's weight and what it came from. */
export interface IndicatorWeight {
  readonly indicator: string;
  readonly name: string;
  readonly unit?: string;
  readonly direction: 1 | -1;
  readonly weight: number;
  /** entropy e_j */
  readonly entropy?: number;
  /** entropy divergence d_j = 1 − e_j */
  readonly divergence?: number;
  /** CRITIC: standard deviation s_j, conflict Σ(1 − r_jk), information C_j */
  readonly sd?: number;
  readonly conflict?: number;
  readonly information?: number;
  /** PCA: loading on the first component */
  readonly loading?: number;
}

export interface IndexWeightsResult {
  readonly dataset: string;
  readonly method: IndexWeightMethod;
  readonly variant?: "minmax" | "sum";
  /** rows (entity-years) the weights were estimated on */
  readonly observations: number;
  readonly entities: number;
  readonly years: readonly number[] | null;
  readonly weights: readonly IndicatorWeight[];
  /** PCA: share of the standardised variance the first component explains */
  readonly explainedShare?: number;
  readonly diagnostics: readonly Diagnostic[];
  readonly provenance: ResultProvenance;
}

/** The min–max scores the CRITIC and PCA methods weight (goalposts per year unless pooled). */
function minmaxScores(
  X: ReturnType<typeof matrix>,
  directions: Int8Array,
  groups: Int32Array | undefined,
  shift: number,
) {
  return normalise(X, {
    method: "minmax",
    directions,
    shift,
    ...(groups !== undefined && { groups }),
  });
}

/** Per-row year labels for per-year goalposts, or undefined (one group). */
function yearGroups(rows: readonly { year?: number }[], goalposts: Goalposts): Int32Array | undefined {
  if (goalposts === "pooled" || rows.every((r) => r.year === undefined)) return undefined;
  return Int32Array.from(rows, (r) => r.year ?? 0);
}

/** The weights of `method` on the selected rows, with the method's own statistics per indicator. */
function weigh(
  table: IndicatorTable,
  rows: ReturnType<typeof selectRows>["rows"],
  X: ReturnType<typeof matrix>,
  options: IndexWeightsOptions,
  directions: Int8Array,
) {
  const n = table.indicators.length;
  const shift = options.shift ?? 0;
  const groups = yearGroups(rows, options.goalposts ?? "year");
  const extra: Partial<IndicatorWeight>[] = Array.from({ length: n }, () => ({}));
  let weights: Float64Array;
  let explainedShare: number | undefined;
  const diagnostics: Diagnostic[] = [];
  if (options.method === "equal") {
    weights = equalWeights(n);
  } else if (options.method === "entropy") {
    const variant = options.variant ?? "minmax";
    const r = entropyWeights(X, {
      variant,
      ...(variant === "minmax" && { directions, shift, ...(groups !== undefined && { groups }) }),
    });
    weights = r.weights;
    diagnostics.push(...r.diagnostics);
    for (let j = 0; j < n; j++) extra[j] = { entropy: r.entropy[j] as number, divergence: r.divergence[j] as number };
  } else {
    const norm = minmaxScores(X, directions, groups, shift);
    diagnostics.push(...norm.diagnostics);
    if (options.method === "critic") {
      const r = criticWeights(norm.values, { forcedZero: norm.constant });
      weights = r.weights;
      diagnostics.push(...r.diagnostics);
      for (let j = 0; j < n; j++)
        extra[j] = {
          sd: r.sd[j] as number,
          conflict: r.conflict[j] as number,
          information: r.information[j] as number,
        };
    } else {
      const r = pcaWeights(norm.values, { forcedZero: norm.constant });
      weights = r.weights;
      explainedShare = r.explainedShare;
      diagnostics.push(...r.diagnostics);
      for (let j = 0; j < n; j++) extra[j] = { loading: r.loadings[j] as number };
    }
  }
  return { weights, extra, explainedShare, diagnostics };
}

/**
 * Objective indicator weights (指标赋权) of an indicator table: entropy (both variants of spec §12.4),
 * CRITIC or PCA on min–max scores, or equal weights.
 * @throws {DataIssuesError} missing_value at each missing cell read; {CoreError} from the core
 *   (too_few_observations for one row, negative_value for the sum variant, …)
 */
export async function indexWeights(
  ref: IndicatorRef,
  options: IndexWeightsOptions,
  context: IndicatorRefOptions = {},
): Promise<IndexWeightsResult> {
  const { table, meta } = await indicatorsOf(ref, context.source);
  const directions = directionsOf(table, options.directions);
  const { rows, X } = selectRows(table, options.year);
  const r = weigh(table, rows, X, options, directions);
  const years = table.years === undefined ? null : options.year !== undefined ? [options.year] : [...table.years];
  return {
    dataset: meta.id,
    method: options.method,
    ...(options.method === "entropy" && { variant: options.variant ?? "minmax" }),
    observations: rows.length,
    entities: new Set(rows.map((x) => x.entity)).size,
    years,
    weights: table.indicators.map((ind, j) => ({
      indicator: ind.code,
      name: ind.name,
      ...(ind.unit !== undefined && { unit: ind.unit }),
      direction: directions[j] === -1 ? -1 : 1,
      weight: r.weights[j] as number,
      ...r.extra[j],
    })),
    ...(r.explainedShare !== undefined && { explainedShare: r.explainedShare }),
    diagnostics: named(r.diagnostics, table),
    provenance: resultProvenance(
      [meta],
      "index_weights",
      {
        method: options.method,
        ...(options.method === "entropy" && { variant: options.variant ?? "minmax" }),
        directions: Object.fromEntries(table.indicators.map((ind, j) => [ind.code, directions[j]])),
        shift: options.shift ?? 0,
        goalposts: options.goalposts ?? "year",
        ...(options.year !== undefined && { year: options.year }),
        missing: "error",
      },
      context.clock,
    ),
  };
}

export interface IndexTopsisOptions extends Omit<IndexWeightsOptions, "method"> {
  /** how the criteria are weighted @default "entropy" */
  readonly weights?: IndexWeightMethod;
}

export interface TopsisScore {
  readonly entity: string;
  readonly year?: number;
  readonly closeness: number;
  /** competition rank within the year (1 = closest to the ideal) */
  readonly rank: number;
  readonly distanceToIdeal: number;
  readonly distanceToAntiIdeal: number;
}

export interface IndexTopsisResult {
  readonly dataset: string;
  readonly weightMethod: IndexWeightMethod;
  readonly weights: readonly { readonly indicator: string; readonly weight: number; readonly direction: 1 | -1 }[];
  readonly scores: readonly TopsisScore[];
  readonly diagnostics: readonly Diagnostic[];
  readonly provenance: ResultProvenance;
}

/**
 * TOPSIS scores and ranks (逼近理想解排序) of the entities, within each year of a panel (one
 * cross-section per year; the weights are estimated once on all rows read). Vector normalisation,
 * ideal and anti-ideal by direction (Hwang & Yoon 1981; spec §12.3 step 6).
 * @throws {DataIssuesError} missing_value; {CoreError} from the core
 */
export async function indexTopsis(
  ref: IndicatorRef,
  options: IndexTopsisOptions,
  context: IndicatorRefOptions = {},
): Promise<IndexTopsisResult> {
  const { table, meta } = await indicatorsOf(ref, context.source);
  const directions = directionsOf(table, options.directions);
  const { rows, X } = selectRows(table, options.year);
  const method = options.weights ?? "entropy";
  const w = weigh(table, rows, X, { ...options, method }, directions);
  const n = table.indicators.length;
  const byYear = new Map<number | undefined, number[]>();
  rows.forEach((r, i) => {
    const list = byYear.get(r.year) ?? [];
    list.push(i);
    byYear.set(r.year, list);
  });
  const scores: TopsisScore[] = [];
  for (const [year, idx] of byYear) {
    const Xy = matrix(idx.length, n);
    idx.forEach((i, k) => {
      Xy.data.set(X.data.subarray(i * n, (i + 1) * n), k * n);
    });
    const t = topsis(Xy, w.weights, { directions });
    idx.forEach((i, k) => {
      const row = rows[i];
      if (row === undefined) return;
      scores.push({
        entity: row.entity,
        ...(year !== undefined && { year }),
        closeness: t.closeness[k] as number,
        rank: t.ranks[k] as number,
        distanceToIdeal: t.distanceToIdeal[k] as number,
        distanceToAntiIdeal: t.distanceToAntiIdeal[k] as number,
      });
    });
  }
  return {
    dataset: meta.id,
    weightMethod: method,
    weights: table.indicators.map((ind, j) => ({
      indicator: ind.code,
      weight: w.weights[j] as number,
      direction: directions[j] === -1 ? -1 : 1,
    })),
    scores,
    diagnostics: named(w.diagnostics, table),
    provenance: resultProvenance(
      [meta],
      "index_topsis",
      {
        weights: method,
        ...(method === "entropy" && { variant: options.variant ?? "minmax" }),
        normalisation: "vector",
        directions: Object.fromEntries(table.indicators.map((ind, j) => [ind.code, directions[j]])),
        ...(options.year !== undefined && { year: options.year }),
        missing: "error",
      },
      context.clock,
    ),
  };
}

export interface IndexCycleOptions {
  /** the indicator column holding the series */
  readonly column: string;
  /** the entity, when the table has several */
  readonly entity?: string;
  /** the column already holds growth rates (percent) @default false: levels */
  readonly growth?: boolean;
  /** first year of the window analysed (levels before it are not read) @default the first year */
  readonly from?: number;
  /** last year of the window @default the last year */
  readonly to?: number;
}

export interface CycleYear {
  readonly year: number;
  /** the level (null when the column holds growth rates, or the year is missing) */
  readonly value: number | null;
  /** growth in percent (null for the first year or next to a missing year) */
  readonly growth: number | null;
  /** technical weakness: 1 when growth fell two years running, 0 when not, null when undefined */
  readonly weak: 0 | 1 | null;
}

export interface IndexCycleResult {
  readonly dataset: string;
  readonly column: string;
  readonly entity: string | null;
  readonly input: "levels" | "growth";
  readonly years: readonly CycleYear[];
  readonly episodes: readonly WeaknessEpisode[];
  readonly diagnostics: readonly Diagnostic[];
  readonly provenance: ResultProvenance;
}

/**
 * The growth cycle of a series (产业发展周期): year-on-year growth, technical-weakness flags
 * W_t = 1 iff g_t < g_{t−1} < g_{t−2} (seed 000 §二(一)2, spec §3.1), episodes and exit years.
 * Years missing between the first and the last are kept as gaps (growth and W null), never filled.
 * @throws {CoreError} invalid_argument for an unknown column or entity, or a table without years
 */
export async function indexCycle(
  ref: IndicatorRef,
  options: IndexCycleOptions,
  context: IndicatorRefOptions = {},
): Promise<IndexCycleResult> {
  const { table, meta } = await indicatorsOf(ref, context.source);
  const j = table.indicators.findIndex((i) => i.code === options.column || i.name === options.column);
  if (j < 0)
    throw new CoreError("invalid_argument", {
      option: "column",
      value: options.column,
      expected: table.indicators.map((i) => i.code),
    });
  if (table.years === undefined || table.years.length === 0)
    throw new CoreError("invalid_argument", { option: "column", value: options.column, reason: "year_not_found" });
  let entity = options.entity;
  if (entity === undefined) {
    if (table.entities.length > 1)
      throw new CoreError("invalid_argument", { option: "entity", expected: table.entities.slice(0, 40) });
    entity = table.entities[0];
  } else if (!table.entities.includes(entity))
    throw new CoreError("invalid_argument", { option: "entity", value: entity, expected: table.entities.slice(0, 40) });
  const first = Math.max(table.years[0] as number, options.from ?? -Infinity);
  const last = Math.min(table.years[table.years.length - 1] as number, options.to ?? Infinity);
  if (first > last)
    throw new CoreError("invalid_argument", {
      option: "from",
      value: `${options.from ?? ""}–${options.to ?? ""}`,
      expected: `${table.years[0]}–${table.years[table.years.length - 1]}`,
      reason: "year_not_found",
    });
  const years = Array.from({ length: last - first + 1 }, (_, t) => first + t);
  const byYear = new Map(table.rows.filter((r) => r.entity === entity).map((r) => [r.year, r.values[j] ?? null]));
  const series = years.map((y) => byYear.get(y) ?? null);
  const growth = options.growth === true ? series : growthRates(series);
  const w = technicalWeakness(growth, years);
  const ind = table.indicators[j];
  // a constant-price column that changes its price base inside the window (the dataset's caveat)
  const diagnostics: Diagnostic[] = [];
  const rebased = meta.provenance.caveats.find(
    (c) => c.code === "constant_prices_rebased" && c.params.column === ind?.code,
  );
  if (rebased?.code === "constant_prices_rebased" && options.growth !== true) {
    const inWindow = rebased.params.rebasedYears.filter((y) => y > first && y <= last);
    if (inWindow.length > 0)
      diagnostics.push({
        code: "rebased_constant_prices",
        severity: "warning",
        params: { column: rebased.params.column, years: inWindow },
      });
  }
  return {
    dataset: meta.id,
    column: ind?.code ?? options.column,
    entity: table.entities.length > 1 || options.entity !== undefined ? (entity ?? null) : null,
    input: options.growth === true ? "growth" : "levels",
    years: years.map((year, t) => ({
      year,
      value: options.growth === true ? null : (series[t] ?? null),
      growth: growth[t] ?? null,
      weak: w.weak[t] ?? null,
    })),
    episodes: w.episodes,
    diagnostics,
    provenance: resultProvenance(
      [meta],
      "index_cycle",
      {
        column: ind?.code ?? options.column,
        ...(entity !== undefined && table.entities.length > 1 && { entity }),
        input: options.growth === true ? "growth" : "levels",
        window: [first, last],
        rule: "W_t = 1 iff g_t < g_{t-1} < g_{t-2}",
        gaps: "kept_as_null",
      },
      context.clock,
    ),
  };
}
