/**
 * Declarations of the framework index (指标体系综合指数): `shushi index build` and `shushi index
 * uncertainty`, `/api/index/build` and `/api/index/uncertainty`, on an indicator table (`--input
 * FILE` / POST body) or a stored panel (`--dataset ID`). Use cases in src/app/composite-framework.ts
 * and src/app/composite-uncertainty.ts; the spec format in docs/index-spec.md.
 *
 * The spec travels as an option holding its JSON text (`--spec '<json>'`, `?spec=<json>`), the same
 * at both edges: a file path would make the server read its own disk. Option values may hold no
 * control characters, so the JSON is given on one line (`--spec "$(jq -c . spec.json)"`).
 */
import { z } from "zod";
import {
  type BuildIndexResult,
  buildIndex,
  type IndexUncertaintyResult,
  type IndicatorRef,
  indexUncertainty,
  type LoadedIndicators,
  loadIndicatorTable,
  UNCERTAINTY_FACTORS,
  type UncertaintyFactor,
} from "../../app/index.js";
import { defineMethod, type Label, type MethodContext } from "../declaration.js";
import { UsageError } from "../errors.js";
import { datasetOption, documentOption, intOption, numberOption, textOption } from "../options.js";
import { toWireWith, wireDiagnostic, wireProvenance } from "../wire.js";
import { buildCsv, buildTable, uncertaintyCsv, uncertaintyTable } from "./framework-render.js";

const L = {
  dataset: {
    "zh-CN": "指标数据集（面板或时间序列的编号）",
    en: "indicator dataset (id of a panel or time series)",
  },
  spec: {
    "zh-CN": "指标体系定义：命令行中为 JSON 文件路径，API 中为 JSON 文本（格式见 docs/index-spec.md）",
    en: "the indicator framework: a JSON file in the CLI, the JSON text in the API (format: docs/index-spec.md)",
  },
  runs: { "zh-CN": "蒙特卡洛基础样本数 N（默认 1000）", en: "Monte-Carlo base samples N (default 1000)" },
  seed: {
    "zh-CN": "随机种子（相同种子可重现，默认 1）",
    en: "random seed (the same seed replays the runs; default 1)",
  },
  factors: {
    "zh-CN": "变动的因素：normalisation、weighting、weights、aggregation、dropped（默认全部）",
    en: "factors varied: normalisation, weighting, weights, aggregation, dropped (default all)",
  },
  perturbation: { "zh-CN": "权重扰动幅度 ±x（0.2 = ±20 %）", en: "weight perturbation ±x (0.2 = ±20 %)" },
  year: { "zh-CN": "分析排名的年份（默认最后一年）", en: "the year whose ranking is analysed (default the last)" },
} satisfies Record<string, Label>;

/** Longest spec accepted as an option value (characters). */
export const SPEC_OPTION_MAX = 60_000;

/** Monte-Carlo runs from which the server computes in its worker pool (≈ 0.1 s of work on the event loop). */
export const HEAVY_RUNS = 500;

function refOf(dataset: string | undefined, input: LoadedIndicators | undefined): IndicatorRef {
  if (input !== undefined) return { input };
  if (dataset === undefined) throw new Error("index method without dataset or input");
  return { datasetId: dataset };
}

const context = (ctx: MethodContext) => ({
  ...(ctx.source !== undefined && { source: ctx.source }),
  ...(ctx.clock !== undefined && { clock: ctx.clock }),
});

function specText(spec: string | undefined, command: string, ctx: MethodContext): { text: string; file: string } {
  if (spec === undefined) throw new UsageError("usage.missing_option", { command, option: "spec" });
  return { text: spec, file: ctx.documentFiles?.["spec"] ?? "spec" };
}

/** `normalisation,weights` → the factor list. @throws {UsageError} usage.invalid_value */
export function parseFactors(text: string | undefined): UncertaintyFactor[] | undefined {
  if (text === undefined) return undefined;
  const out: UncertaintyFactor[] = [];
  for (const item of text.split(",").map((s) => s.trim())) {
    if (!(UNCERTAINTY_FACTORS as readonly string[]).includes(item))
      throw new UsageError("usage.invalid_value", {
        option: "factors",
        value: item,
        expected: UNCERTAINTY_FACTORS.join(", "),
      });
    if (!out.includes(item as UncertaintyFactor)) out.push(item as UncertaintyFactor);
  }
  return out;
}

const level = z.enum(["composite", "pillar", "sub_pillar", "indicator"]);
const direction = z.union([z.literal(1), z.literal(-1)]);
const specRef = z.object({ id: z.string(), file: z.string(), sha256: z.string() });

export const buildWire = z.object({
  dataset: z.string(),
  spec: specRef,
  normalisation: z.string(),
  aggregation: z.string(),
  imputation: z.string(),
  years: z.array(z.number().int()).nullable(),
  entities: z.array(z.string()),
  composite: z.array(
    z.object({
      entity: z.string(),
      year: z.number().int().optional(),
      score: z.number(),
      rank: z.number().int(),
      rankChange: z.number().int().nullable(),
    }),
  ),
  scores: z.array(
    z.object({
      entity: z.string(),
      year: z.number().int().optional(),
      level,
      id: z.string(),
      score: z.number(),
      rank: z.number().int(),
    }),
  ),
  weights: z.array(
    z.object({
      level,
      id: z.string(),
      parent: z.string(),
      method: z.string(),
      weight: z.number(),
      specWeight: z.number().optional(),
      column: z.string().optional(),
      direction: direction.optional(),
      unit: z.string().optional(),
      entropy: z.number().optional(),
      divergence: z.number().optional(),
      sd: z.number().optional(),
      conflict: z.number().optional(),
      information: z.number().optional(),
      loading: z.number().optional(),
      explainedShare: z.number().optional(),
    }),
  ),
  disparity: z.array(
    z.object({
      year: z.number().int().optional(),
      entities: z.number().int(),
      mean: z.number(),
      cv: z.number(),
      cvSample: z.number(),
      theil: z.number(),
      gini: z.number(),
    }),
  ),
  imputed: z.array(
    z.object({
      entity: z.string(),
      year: z.number().int().optional(),
      indicator: z.string(),
      column: z.string(),
      row: z.number().int(),
      method: z.enum(["linear_time", "group_mean"]),
      value: z.number(),
    }),
  ),
  winsorised: z.array(
    z.object({
      entity: z.string(),
      year: z.number().int().optional(),
      indicator: z.string(),
      value: z.number(),
      clippedTo: z.number(),
    }),
  ),
  diagnostics: z.array(wireDiagnostic),
  provenance: wireProvenance,
});

/** The uncertainty's wire result; the keys the issue names are snake_case. */
export const uncertaintyWire = z.object({
  dataset: z.string(),
  spec: specRef,
  year: z.number().int().nullable(),
  runs: z.number().int(),
  seed: z.string(),
  evaluations: z.number().int(),
  perturbation: z.number(),
  entities: z.array(
    z.object({
      entity: z.string(),
      nominal_rank: z.number().int(),
      median_rank: z.number(),
      rank_p05: z.number(),
      rank_p95: z.number(),
    }),
  ),
  sobol: z.array(
    z.object({
      factor: z.enum(UNCERTAINTY_FACTORS),
      levels: z.array(z.string()).optional(),
      nominal: z.string().optional(),
      first_order: z.number(),
      total: z.number(),
      first_order_se: z.number(),
      total_se: z.number(),
    }),
  ),
  output_mean: z.number().nullable(),
  output_variance: z.number().nullable(),
  diagnostics: z.array(wireDiagnostic),
  provenance: wireProvenance,
});

const toUncertaintyWire = toWireWith(uncertaintyWire);

export const indexBuildMethod = defineMethod({
  id: "index.build",
  family: "index",
  command: ["index", "build"],
  path: "/api/index/build",
  summary: {
    "zh-CN": "按指标体系构建综合指数：各层得分、排名与名次变化、权重、地区差异",
    en: "composite index from an indicator framework: scores at every level, ranks and rank changes, weights, disparity",
  },
  options: z.object({
    dataset: datasetOption(L.dataset),
    spec: documentOption(L.spec, "<spec.json>", { maxBytes: SPEC_OPTION_MAX }),
  }),
  input: "indicator_table",
  inputOption: "dataset",
  formats: ["table", "json", "csv"],
  datasets: (o) => (o.dataset === undefined ? [] : [o.dataset]),
  run: (o, input, ctx): Promise<BuildIndexResult> =>
    buildIndex(refOf(o.dataset, input), specText(o.spec, "index build", ctx), context(ctx)),
  wire: buildWire,
  toWire: toWireWith(buildWire),
  render: { table: buildTable, csv: buildCsv },
});

export const indexUncertaintyMethod = defineMethod({
  id: "index.uncertainty",
  family: "index",
  command: ["index", "uncertainty"],
  path: "/api/index/uncertainty",
  summary: {
    "zh-CN": "综合指数排名的不确定性：蒙特卡洛排名区间与 Sobol 敏感性指数",
    en: "uncertainty of a framework index's ranking: Monte-Carlo rank intervals and Sobol sensitivity indices",
  },
  options: z.object({
    dataset: datasetOption(L.dataset),
    spec: documentOption(L.spec, "<spec.json>", { maxBytes: SPEC_OPTION_MAX }),
    runs: intOption({ min: 1, max: 20_000 }, L.runs),
    seed: intOption({ min: 0, max: 2_147_483_647 }, L.seed),
    factors: textOption(L.factors, "<factor,…>"),
    perturbation: numberOption({ min: 0, max: 0.9 }, 0.2, L.perturbation),
    year: intOption({ min: 1900, max: 2100 }, L.year),
  }),
  input: "indicator_table",
  inputOption: "dataset",
  formats: ["json", "table", "csv"],
  // Monte-Carlo runs on the event loop would stall the server (≈ 2 s for 10 000 runs): from
  // HEAVY_RUNS runs on, the server loads the table and computes in the worker pool
  heavy: {
    when: (o) => (o.runs ?? 1000) >= HEAVY_RUNS,
    prepare: (o, source) => {
      if (o.dataset === undefined)
        throw new UsageError("usage.missing_option", { command: "index uncertainty", option: "dataset" });
      return loadIndicatorTable(source, o.dataset);
    },
  },
  datasets: (o) => (o.dataset === undefined ? [] : [o.dataset]),
  run: (o, input, ctx): Promise<IndexUncertaintyResult> => {
    const factors = parseFactors(o.factors);
    return indexUncertainty(
      refOf(o.dataset, input),
      specText(o.spec, "index uncertainty", ctx),
      {
        runs: o.runs ?? 1000,
        seed: o.seed ?? 1,
        perturbation: o.perturbation,
        ...(factors !== undefined && { factors }),
        ...(o.year !== undefined && { year: o.year }),
      },
      context(ctx),
    );
  },
  wire: uncertaintyWire,
  toWire: (r, lang) =>
    toUncertaintyWire(
      {
        dataset: r.dataset,
        spec: r.spec,
        year: r.year,
        runs: r.runs,
        seed: r.seed,
        evaluations: r.evaluations,
        perturbation: r.perturbation,
        entities: r.entities.map((e) => ({
          entity: e.entity,
          nominal_rank: e.nominalRank,
          median_rank: e.medianRank,
          rank_p05: e.rankP05,
          rank_p95: e.rankP95,
        })),
        sobol: r.sobol.map((s) => ({
          factor: s.factor,
          ...(s.levels !== undefined && { levels: s.levels }),
          ...(s.nominal !== undefined && { nominal: s.nominal }),
          first_order: s.firstOrder,
          total: s.total,
          first_order_se: s.firstOrderSe,
          total_se: s.totalSe,
        })),
        output_mean: r.outputMean,
        output_variance: r.outputVariance,
        diagnostics: r.diagnostics,
        provenance: r.provenance,
      },
      lang,
    ),
  render: { table: uncertaintyTable, csv: uncertaintyCsv },
});

/** The framework methods in help order (joined to COMPOSITE_METHODS). */
export const FRAMEWORK_METHODS = [indexBuildMethod, indexUncertaintyMethod] as const;
