/**
 * Declarations of the composite-index family (综合指数): `shushi index weights|topsis|cycle` and
 * `/api/index/…`, on an indicator table (`--input FILE` / POST body) or a stored panel or time series
 * (`--dataset ID`). Spec §3 and §12; use cases in src/app/composite-index.ts.
 */
import { z } from "zod";
import {
  GOALPOSTS,
  INDEX_WEIGHT_METHODS,
  type IndexCycleResult,
  type IndexTopsisResult,
  type IndexWeightsResult,
  type IndicatorRef,
  indexCycle,
  indexTopsis,
  indexWeights,
  type LoadedIndicators,
} from "../../app/index.js";
import { defineMethod, type Label, type MethodContext } from "../declaration.js";
import { UsageError } from "../errors.js";
import { datasetOption, enumOption, flagOption, intOption, numberOption, textOption } from "../options.js";
import { toWireWith, wireDiagnostic, wireProvenance } from "../wire.js";
import { FRAMEWORK_METHODS } from "./framework.js";
import { fusionIndexMethod } from "./fusion.js";
import { regionRankMethod } from "./regional.js";
import { cycleCsv, cycleTable, topsisCsv, topsisTable, weightsCsv, weightsTable } from "./render.js";

const L = {
  dataset: {
    "zh-CN": "指标数据集（面板或时间序列的编号）",
    en: "indicator dataset (id of a panel or time series)",
  },
  method: { "zh-CN": "赋权方法：熵权法、CRITIC、主成分或等权", en: "weighting method: entropy, CRITIC, PCA or equal" },
  weights: {
    "zh-CN": "指标权重的赋权方法",
    en: "how the criteria are weighted",
  },
  variant: {
    "zh-CN": "熵权法口径：minmax（先极差标准化）或 sum（原始数据占比）",
    en: "entropy variant: minmax (min–max scores first) or sum (shares of the raw data)",
  },
  directions: {
    "zh-CN": "逆向指标，如 能耗:-,排放:-（未列出的指标为正向）",
    en: "cost indicators, e.g. energy:-,emissions:- (indicators not listed are benefits)",
  },
  shift: { "zh-CN": "标准化得分的平移量（如 0.0001）", en: "shift added to the min–max scores (e.g. 0.0001)" },
  year: { "zh-CN": "只用面板中的这一年", en: "use only this year of a panel" },
  goalposts: {
    "zh-CN": "面板的极差标准化：逐年（year）或各年合并（pooled）",
    en: "panel min–max goalposts: within each year or pooled over years",
  },
  column: { "zh-CN": "序列所在的指标列", en: "the indicator column holding the series" },
  entity: { "zh-CN": "对象（表中有多个对象时必填）", en: "the entity (required when the table has several)" },
  from: { "zh-CN": "分析窗口的起始年份", en: "first year of the window analysed" },
  to: { "zh-CN": "分析窗口的截止年份", en: "last year of the window analysed" },
  growth: {
    "zh-CN": "该列已是增速（%），不是水平值",
    en: "the column already holds growth rates (%), not levels",
  },
} satisfies Record<string, Label>;

type NonEmpty<T> = readonly [T, ...T[]];
const weightMethods = INDEX_WEIGHT_METHODS as unknown as NonEmpty<(typeof INDEX_WEIGHT_METHODS)[number]>;
const goalposts = GOALPOSTS as unknown as NonEmpty<(typeof GOALPOSTS)[number]>;

/**
 * `a:+,b:-` → `{a: 1, b: -1}`. The indicator is everything before the last colon (names may contain
 * brackets and Chinese text); the direction is `+`, `-`, `+1`, `-1` or `1`.
 * @throws {UsageError} usage.invalid_value for an item without a colon or with another direction
 */
export function parseDirections(text: string | undefined, option: string): Record<string, 1 | -1> | undefined {
  if (text === undefined) return undefined;
  const out: Record<string, 1 | -1> = {};
  for (const item of text.split(",")) {
    const at = item.lastIndexOf(":");
    const code = at < 0 ? "" : item.slice(0, at).trim();
    const sign = at < 0 ? "" : item.slice(at + 1).trim();
    const d = sign === "+" || sign === "+1" || sign === "1" ? 1 : sign === "-" || sign === "-1" ? -1 : undefined;
    if (code === "" || d === undefined)
      throw new UsageError("usage.invalid_value", { option, value: item, expected: "<indicator>:+ | <indicator>:-" });
    out[code] = d;
  }
  return out;
}

/** `{directions}` when the option was given. */
function directionsOption(text: string | undefined): { directions?: Record<string, 1 | -1> } {
  const d = parseDirections(text, "directions");
  return d === undefined ? {} : { directions: d };
}

/** The indicators a method reads: the file input, or the stored dataset. */
function refOf(dataset: string | undefined, input: LoadedIndicators | undefined): IndicatorRef {
  if (input !== undefined) return { input };
  if (dataset === undefined) throw new Error("composite method without dataset or input");
  return { datasetId: dataset };
}

const context = (ctx: MethodContext) => ({
  ...(ctx.source !== undefined && { source: ctx.source }),
  ...(ctx.clock !== undefined && { clock: ctx.clock }),
});

const weightOptions = {
  variant: enumOption(["minmax", "sum"], "minmax", L.variant),
  directions: textOption(L.directions, "<indicator:+|-,…>"),
  shift: numberOption({ min: 0, max: 1 }, 0, L.shift),
  year: intOption({ min: 1900, max: 2100 }, L.year),
  goalposts: enumOption(goalposts, "year", L.goalposts),
};

export const weightsWire = z.object({
  dataset: z.string(),
  method: z.enum(weightMethods),
  variant: z.enum(["minmax", "sum"]).optional(),
  observations: z.number().int(),
  entities: z.number().int(),
  years: z.array(z.number().int()).nullable(),
  weights: z.array(
    z.object({
      indicator: z.string(),
      name: z.string(),
      unit: z.string().optional(),
      direction: z.union([z.literal(1), z.literal(-1)]),
      weight: z.number(),
      entropy: z.number().optional(),
      divergence: z.number().optional(),
      sd: z.number().optional(),
      conflict: z.number().optional(),
      information: z.number().optional(),
      loading: z.number().optional(),
    }),
  ),
  explainedShare: z.number().optional(),
  diagnostics: z.array(wireDiagnostic),
  provenance: wireProvenance,
});

export const topsisWire = z.object({
  dataset: z.string(),
  weightMethod: z.enum(weightMethods),
  weights: z.array(
    z.object({ indicator: z.string(), weight: z.number(), direction: z.union([z.literal(1), z.literal(-1)]) }),
  ),
  scores: z.array(
    z.object({
      entity: z.string(),
      year: z.number().int().optional(),
      closeness: z.number(),
      rank: z.number().int(),
      distanceToIdeal: z.number(),
      distanceToAntiIdeal: z.number(),
    }),
  ),
  diagnostics: z.array(wireDiagnostic),
  provenance: wireProvenance,
});

export const cycleWire = z.object({
  dataset: z.string(),
  column: z.string(),
  entity: z.string().nullable(),
  input: z.enum(["levels", "growth"]),
  years: z.array(
    z.object({
      year: z.number().int(),
      value: z.number().nullable(),
      growth: z.number().nullable(),
      weak: z.union([z.literal(0), z.literal(1)]).nullable(),
    }),
  ),
  episodes: z.array(
    z.object({ start: z.number().int(), end: z.number().int(), exitYear: z.number().int().nullable() }),
  ),
  diagnostics: z.array(wireDiagnostic),
  provenance: wireProvenance,
});

export const indexWeightsMethod = defineMethod({
  id: "index.weights",
  family: "index",
  command: ["index", "weights"],
  path: "/api/index/weights",
  summary: {
    "zh-CN": "指标权重：熵权法、CRITIC、主成分或等权",
    en: "indicator weights: entropy, CRITIC, PCA or equal",
  },
  options: z.object({
    dataset: datasetOption(L.dataset),
    method: enumOption(weightMethods, "entropy", L.method),
    ...weightOptions,
  }),
  input: "indicator_table",
  inputOption: "dataset",
  formats: ["table", "json", "csv"],
  datasets: (o) => (o.dataset === undefined ? [] : [o.dataset]),
  run: (o, input, ctx): Promise<IndexWeightsResult> =>
    indexWeights(
      refOf(o.dataset, input),
      {
        method: o.method,
        variant: o.variant,
        shift: o.shift,
        goalposts: o.goalposts,
        ...(o.year !== undefined && { year: o.year }),
        ...directionsOption(o.directions),
      },
      context(ctx),
    ),
  wire: weightsWire,
  toWire: toWireWith(weightsWire),
  render: { table: weightsTable, csv: weightsCsv },
});

export const indexTopsisMethod = defineMethod({
  id: "index.topsis",
  family: "index",
  command: ["index", "topsis"],
  path: "/api/index/topsis",
  summary: {
    "zh-CN": "TOPSIS 综合评价：各对象的贴近度与排名（逐年）",
    en: "TOPSIS evaluation: closeness and rank of each entity (per year)",
  },
  options: z.object({
    dataset: datasetOption(L.dataset),
    weights: enumOption(weightMethods, "entropy", L.weights),
    ...weightOptions,
  }),
  input: "indicator_table",
  inputOption: "dataset",
  formats: ["table", "json", "csv"],
  datasets: (o) => (o.dataset === undefined ? [] : [o.dataset]),
  run: (o, input, ctx): Promise<IndexTopsisResult> =>
    indexTopsis(
      refOf(o.dataset, input),
      {
        weights: o.weights,
        variant: o.variant,
        shift: o.shift,
        goalposts: o.goalposts,
        ...(o.year !== undefined && { year: o.year }),
        ...directionsOption(o.directions),
      },
      context(ctx),
    ),
  wire: topsisWire,
  toWire: toWireWith(topsisWire),
  render: { table: topsisTable, csv: topsisCsv },
});

export const indexCycleMethod = defineMethod({
  id: "index.cycle",
  family: "index",
  command: ["index", "cycle"],
  path: "/api/index/cycle",
  summary: {
    "zh-CN": "增长周期：同比增速与技术性疲软（增速连续两年下滑）",
    en: "growth cycle: year-on-year growth and technical weakness (growth falling two years running)",
  },
  options: z.object({
    dataset: datasetOption(L.dataset),
    column: textOption(L.column, "<indicator>", { maxLength: 200 }),
    entity: textOption(L.entity, "<entity>", { maxLength: 200 }),
    growth: flagOption(L.growth),
    from: intOption({ min: 1900, max: 2100 }, L.from),
    to: intOption({ min: 1900, max: 2100 }, L.to),
  }),
  input: "indicator_table",
  inputOption: "dataset",
  formats: ["table", "json", "csv"],
  datasets: (o) => (o.dataset === undefined ? [] : [o.dataset]),
  run: (o, input, ctx): Promise<IndexCycleResult> => {
    if (o.column === undefined)
      throw new UsageError("usage.missing_option", { command: "index cycle", option: "column" });
    return indexCycle(
      refOf(o.dataset, input),
      {
        column: o.column,
        growth: o.growth,
        ...(o.entity !== undefined && { entity: o.entity }),
        ...(o.from !== undefined && { from: o.from }),
        ...(o.to !== undefined && { to: o.to }),
      },
      context(ctx),
    );
  },
  wire: cycleWire,
  toWire: toWireWith(cycleWire),
  render: { table: cycleTable, csv: cycleCsv },
});

/** The composite family in help order. */
export const COMPOSITE_METHODS = [
  indexWeightsMethod,
  indexTopsisMethod,
  indexCycleMethod,
  ...FRAMEWORK_METHODS,
  regionRankMethod,
  fusionIndexMethod,
] as const;
