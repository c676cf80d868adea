/**
 * Declarations of the forecasting and productivity methods (预测、生产率): `shushi forecast arimax`
 * (`/api/forecast/arimax`) on a data frame, and `shushi productivity labour`
 * (`/api/productivity/labour`) on the shipped NBS series. Spec §4.1, §8.3, §8.5. The JSON of
 * `forecast arimax` has the shape the issue fixed (`coefficients` as a name → estimate object,
 * `forecast` steps with `lower80`…`upper95`).
 */
import { z } from "zod";
import {
  type DigitalCapitalResult,
  digitalCapital,
  type ForecastArimaxResult,
  type ForecastBayesResult,
  forecastArimax,
  forecastBayes,
  type GdpDeflatorResult,
  gdpDeflator,
  type LabourProductivityAppResult,
  labourProductivitySeries,
  type TfpGrowthResult,
  tfpGrowth,
} from "../../app/index.js";
import type { Lang } from "../../i18n/index.js";
import { defineMethod, type Label } from "../declaration.js";
import { UsageError } from "../errors.js";
import {
  datasetOption,
  documentOption,
  enumOption,
  flagOption,
  intOption,
  numberOption,
  requiredTextOption,
  textOption,
} from "../options.js";
import { wireDiagnostic, wireDiagnostics, wireProvenance, wireProvenanceOf } from "../wire.js";
import { appContext, frameRefOf, splitColumns } from "./common.js";
import { bayesTable, capitalTable, deflatorTable, forecastTable, productivityTable, tfpTable } from "./render.js";

const L = {
  dataset: {
    "zh-CN": "数据集（面板或时间序列的编号）",
    en: "dataset (id of a panel or time series)",
  },
  y: { "zh-CN": "要预测的序列所在的列", en: "the column of the series forecast" },
  order: {
    "zh-CN": "ARIMA 阶数 p,d,q（默认 1,1,0），或 auto（按 AICc 逐步选择，差分阶数由 KPSS 检验决定）",
    en: "ARIMA order p,d,q (default 1,1,0), or auto (stepwise by AICc, d by KPSS tests)",
  },
  xreg: { "zh-CN": "外生回归变量所在的列，以逗号分隔", en: "the columns of the exogenous regressors, comma-separated" },
  h: { "zh-CN": "预测期数", en: "forecast horizon (steps)" },
  method: {
    "zh-CN": "估计方法：CSS-ML（先条件平方和后精确极大似然，R 的默认）、ML 或 CSS",
    en: "estimation: CSS-ML (conditional sum of squares, then exact ML; R's default), ML or CSS",
  },
  drift: { "zh-CN": "一阶差分模型中加入漂移项", en: "add a drift term to a first-differenced model" },
  newx: {
    "zh-CN": "外生变量未来取值的 CSV 表（xreg 各列，每期一行）",
    en: "CSV table of the regressors' future values (the xreg columns, one row per step)",
  },
  scenario: {
    "zh-CN": "外生变量增长情景（JSON：各列的年均增速及其标准差）",
    en: "growth scenario for the regressors (JSON: each column's growth rate and its standard deviation)",
  },
  time: {
    "zh-CN": "时间列（默认自动识别 year、年份 等列）",
    en: "the time column (default: a column named year, 年份, …)",
  },
  denominator: {
    "zh-CN": "就业人数口径：年初年末平均（average，国家统计局做法）或年末（year_end）",
    en: "employment denominator: average of the year's start and end (NBS practice) or year-end",
  },
  tolerance: {
    "zh-CN": "计算值与公布值的相对差异超过该值时提示",
    en: "relative difference between computed and published values above which a warning is given",
  },
} satisfies Record<string, Label>;

/** `1,1,0` → [1, 1, 0]; `auto`. */
function orderOf(text: string): readonly [number, number, number] | "auto" {
  if (text === "auto") return "auto";
  const parts = text.split(",").map((s) => s.trim());
  const n = parts.map((s) => (/^\d$/.test(s) ? Number(s) : Number.NaN));
  if (parts.length !== 3 || n.some((v) => !(v >= 0 && v <= 5)) || (n[1] as number) > 2)
    throw new UsageError("usage.invalid_value", {
      option: "--order",
      value: text,
      expected: "p,d,q (0–5, d ≤ 2) | auto",
    });
  return [n[0] as number, n[1] as number, n[2] as number];
}

const nullableNumber = z.number().nullable();

export const arimaxWire = z.object({
  dataset: z.string(),
  y: z.string(),
  xreg: z.array(z.string()),
  order: z.tuple([z.number().int(), z.number().int(), z.number().int()]),
  order_selection: z.enum(["given", "auto_arima"]),
  method: z.enum(["CSS-ML", "ML", "CSS"]),
  coefficients: z.record(z.string(), z.number()),
  std_errors: z.record(z.string(), nullableNumber),
  sigma2: z.number(),
  loglik: z.number(),
  aic: nullableNumber,
  aicc: nullableNumber,
  bic: nullableNumber,
  nobs: z.number().int(),
  converged: z.boolean(),
  history: z.array(z.object({ year: z.number().int().nullable(), value: z.number() })),
  forecast: z.array(
    z.object({
      step: z.number().int(),
      year: z.number().int().nullable(),
      mean: z.number(),
      std_error: z.number(),
      lower80: z.number(),
      upper80: z.number(),
      lower95: z.number(),
      upper95: z.number(),
      xreg: z.array(z.number()),
    }),
  ),
  scenario: z
    .object({
      name: z.string(),
      columns: z.array(z.object({ name: z.string(), start: z.number(), growth: z.number(), sd: z.number() })),
      draws: z.number().int(),
      seed: z.number().int(),
      algorithm: z.string(),
      fan: z.array(
        z.object({
          step: z.number().int(),
          p025: z.number(),
          p10: z.number(),
          p50: z.number(),
          p90: z.number(),
          p975: z.number(),
        }),
      ),
    })
    .nullable(),
  verified_against: z.array(z.string()),
  diagnostics: z.array(wireDiagnostic),
  provenance: wireProvenance,
});

function arimaxToWire(r: ForecastArimaxResult, lang: Lang): z.output<typeof arimaxWire> {
  const q = (i: number, s: number): number => r.scenario?.quantiles[i]?.[s] as number;
  return arimaxWire.parse({
    dataset: r.dataset,
    y: r.y,
    xreg: r.xreg,
    order: r.order,
    order_selection: r.orderSelection.method,
    method: r.method,
    coefficients: Object.fromEntries(r.coefficients.map((c) => [c.name, c.estimate])),
    std_errors: Object.fromEntries(r.coefficients.map((c) => [c.name, c.stdError])),
    sigma2: r.sigma2,
    loglik: r.logLik,
    aic: r.aic,
    aicc: r.aicc,
    bic: r.bic,
    nobs: r.nobs,
    converged: r.converged,
    history: r.history,
    forecast: r.forecast.map((f) => ({
      step: f.step,
      year: f.year,
      mean: f.mean,
      std_error: f.stdError,
      lower80: f.lower80,
      upper80: f.upper80,
      lower95: f.lower95,
      upper95: f.upper95,
      xreg: f.xreg,
    })),
    scenario:
      r.scenario === null
        ? null
        : {
            name: r.scenario.name,
            columns: r.scenario.columns,
            draws: r.scenario.draws,
            seed: r.scenario.seed,
            algorithm: r.scenario.algorithm,
            fan: r.forecast.map((f, s) => ({
              step: f.step,
              p025: q(0, s),
              p10: q(1, s),
              p50: q(2, s),
              p90: q(3, s),
              p975: q(4, s),
            })),
          },
    verified_against: r.verifiedAgainst,
    diagnostics: wireDiagnostics(r.diagnostics, lang),
    provenance: wireProvenanceOf(r.provenance, lang),
  });
}

export const forecastArimaxMethod = defineMethod({
  id: "forecast.arimax",
  family: "econometrics",
  command: ["forecast", "arimax"],
  path: "/api/forecast/arimax",
  summary: {
    "zh-CN": "ARIMA/ARIMAX 预测（带 ARIMA 误差的回归，精确极大似然；可按外生变量情景给出扇形图）",
    en: "ARIMA/ARIMAX forecasts (regression with ARIMA errors, exact ML; fan charts under regressor scenarios)",
  },
  options: z.object({
    dataset: datasetOption(L.dataset),
    y: requiredTextOption(L.y, "<column>"),
    order: textOption(L.order, "p,d,q|auto", { default: "1,1,0" }),
    xreg: textOption(L.xreg, "<column,…>"),
    h: intOption({ min: 1, max: 100 }, L.h),
    method: enumOption(["CSS-ML", "ML", "CSS"], "CSS-ML", L.method),
    drift: flagOption(L.drift),
    newx: documentOption(L.newx, "<file.csv>", { maxBytes: 1_000_000 }),
    scenario: documentOption(L.scenario, "<file.json>", { maxBytes: 100_000 }),
    time: textOption(L.time, "<column>"),
  }),
  input: "data_frame",
  inputOption: "dataset",
  formats: ["table", "json"],
  datasets: (o) => (o.dataset === undefined ? [] : [o.dataset]),
  run: (o, input, ctx): Promise<ForecastArimaxResult> => {
    if (o.newx !== undefined && o.scenario !== undefined)
      throw new UsageError("usage.invalid_value", {
        option: "--scenario",
        value: "--newx + --scenario",
        expected: "--newx | --scenario",
      });
    const xreg = splitColumns(o.xreg);
    const file = (key: string) => ctx.documentFiles?.[key] ?? key;
    return forecastArimax(
      frameRefOf(o.dataset, input),
      {
        y: o.y,
        order: orderOf(o.order ?? "1,1,0"),
        xreg,
        h: o.h ?? 5,
        method: o.method,
        drift: o.drift,
        ...(o.newx !== undefined && { newx: { text: o.newx, file: file("newx") } }),
        ...(o.scenario !== undefined && { scenario: { text: o.scenario, file: file("scenario") } }),
        ...(o.time !== undefined && { time: o.time }),
      },
      appContext(ctx),
    );
  },
  wire: arimaxWire,
  toWire: arimaxToWire,
  render: { table: forecastTable },
});

export const productivityWire = z.object({
  denominator: z.enum(["average", "year_end"]),
  unit: z.literal("元/人"),
  years: z.array(
    z.object({
      year: z.number().int(),
      gdp_constant: nullableNumber,
      price_base: z.number().int().nullable(),
      employment: nullableNumber,
      computed: nullableNumber,
      official: nullableNumber,
      relative_difference: nullableNumber,
    }),
  ),
  diagnostics: z.array(wireDiagnostic),
  provenance: wireProvenance,
});

export const productivityLabourMethod = defineMethod({
  id: "productivity.labour",
  family: "econometrics",
  command: ["productivity", "labour"],
  path: "/api/productivity/labour",
  summary: {
    "zh-CN": "全员劳动生产率：由国家统计局不变价 GDP 与就业人员计算，并与公报公布值对照",
    en: "overall labour productivity from NBS constant-price GDP and employment, beside the communiqué values",
  },
  options: z.object({
    denominator: enumOption(["average", "year_end"], "average", L.denominator),
    tolerance: numberOption({ min: 0, max: 1 }, 0.005, L.tolerance),
  }),
  formats: ["table", "json"],
  datasets: () => ["cn-nbs-gdp-annual", "cn-nbs-headline-vintages"],
  run: (o, _input, ctx): Promise<LabourProductivityAppResult> => {
    if (ctx.source === undefined) throw new Error("productivity.labour needs a dataset source");
    return labourProductivitySeries({
      source: ctx.source,
      denominator: o.denominator,
      tolerance: o.tolerance,
      ...(ctx.clock !== undefined && { clock: ctx.clock }),
    });
  },
  wire: productivityWire,
  toWire: (r: LabourProductivityAppResult, lang: Lang) =>
    productivityWire.parse({
      denominator: r.denominator,
      unit: r.unit,
      years: r.years.map((y) => ({
        year: y.year,
        gdp_constant: y.gdpConstant,
        price_base: y.priceBase,
        employment: y.employment,
        computed: y.computed,
        official: y.official,
        relative_difference: y.relativeDifference,
      })),
      diagnostics: wireDiagnostics(r.diagnostics, lang),
      provenance: wireProvenanceOf(r.provenance, lang),
    }),
  render: { table: productivityTable },
});

export const deflatorWire = z.object({
  base: z.number().int(),
  unit: z.literal("亿元"),
  years: z.array(
    z.object({
      year: z.number().int(),
      nominal: z.number(),
      constant: z.number(),
      price_base: z.number().int().nullable(),
      growth: nullableNumber,
      published_growth: nullableNumber,
      real: z.number(),
      deflator: z.number(),
    }),
  ),
  provenance: wireProvenance,
});

export const productivityDeflatorMethod = defineMethod({
  id: "productivity.deflator",
  family: "econometrics",
  command: ["productivity", "deflator"],
  path: "/api/productivity/deflator",
  summary: {
    "zh-CN": "国内生产总值链式不变价与隐含平减指数：跨越国家统计局价格基期的衔接，并与公报的实际增速对照",
    en: "real GDP chained across NBS's price bases and the implicit deflator, beside the communiqués' real growth",
  },
  options: z.object({
    base: intOption(
      { min: 1978, max: 2100 },
      {
        "zh-CN": "链式序列所用价格的年份（默认最近的价格基期）",
        en: "the year whose prices the chained series is in (default: the latest price base)",
      },
    ),
    from: intOption({ min: 1978, max: 2100 }, { "zh-CN": "起始年份（默认 1978）", en: "first year (default 1978)" }),
  }),
  formats: ["table", "json"],
  datasets: () => ["cn-nbs-gdp-annual", "cn-nbs-headline-vintages"],
  run: (o, _input, ctx): Promise<GdpDeflatorResult> => {
    if (ctx.source === undefined) throw new Error("productivity.deflator needs a dataset source");
    return gdpDeflator({
      source: ctx.source,
      ...(o.base !== undefined && { base: o.base }),
      ...(o.from !== undefined && { from: o.from }),
      ...(ctx.clock !== undefined && { clock: ctx.clock }),
    });
  },
  wire: deflatorWire,
  toWire: (r: GdpDeflatorResult, lang: Lang) =>
    deflatorWire.parse({
      base: r.base,
      unit: r.unit,
      years: r.years.map((y) => ({
        year: y.year,
        nominal: y.nominal,
        constant: y.constant,
        price_base: y.priceBase,
        growth: y.growth,
        published_growth: y.publishedGrowth,
        real: y.real,
        deflator: y.deflator,
      })),
      provenance: wireProvenanceOf(r.provenance, lang),
    }),
  render: { table: deflatorTable },
});

const LP = {
  output: { "zh-CN": "实际产出所在的列（如 PWT 的 rgdpna）", en: "the real-output column (e.g. PWT rgdpna)" },
  capital: { "zh-CN": "资本存量所在的列（如 rnna）", en: "the capital-stock column (e.g. rnna)" },
  labour: { "zh-CN": "劳动投入所在的列（如 emp）", en: "the labour-input column (e.g. emp)" },
  capitalShare: { "zh-CN": "资本份额 α（0–1）", en: "capital share α (0–1)" },
  labourShare: {
    "zh-CN": "劳动份额所在的列（逐年份额，资本份额 = 1 − 劳动份额；如 labsh）",
    en: "the labour-share column (yearly shares; capital share = 1 − it; e.g. labsh)",
  },
  growth: {
    "zh-CN": "增速口径：对数差分（Törnqvist）或简单增长率",
    en: "growth: log differences (Törnqvist) or simple rates",
  },
  compare: {
    "zh-CN": "用于对照的已公布 TFP 指数列（如 rtfpna）",
    en: "a published TFP index column to compare with (e.g. rtfpna)",
  },
  from: { "zh-CN": "起始年份", en: "first year" },
  to: { "zh-CN": "截止年份", en: "last year" },
  investment: { "zh-CN": "投资所在的列（现价）", en: "the investment column (current prices)" },
  deflator: { "zh-CN": "投资价格指数所在的列（基期 = 1）", en: "the investment price-index column (base = 1)" },
  delta: { "zh-CN": "折旧率 δ", en: "depreciation rate δ" },
  gWindow: { "zh-CN": "估计初始存量所用的增长年数", en: "years of investment growth for the initial stock" },
  workers: {
    "zh-CN": "就业人数所在的列（计算人均资本与资本深化速度）",
    en: "the employment column (per-worker capital and deepening)",
  },
  deepening: {
    "zh-CN": "资本深化速度：增长率差（difference）或精确比值（ratio）",
    en: "deepening rate: growth-rate difference or the exact ratio",
  },
} satisfies Record<string, Label>;

const nullableInt = z.number().int().nullable();

export const tfpWire = z.object({
  dataset: z.string(),
  method: z.enum(["tornqvist", "simple"]),
  periods: z.array(
    z.object({
      year: nullableInt,
      output_growth: z.number(),
      capital_growth: z.number(),
      labour_growth: z.number(),
      capital_share: z.number(),
      tfp_growth: z.number(),
      contribution_capital: nullableNumber,
      contribution_labour: nullableNumber,
      contribution_tfp: nullableNumber,
      compared_growth: nullableNumber,
    }),
  ),
  summary: z.object({
    mean_tfp_growth: z.number(),
    mean_tfp_contribution: nullableNumber,
    sd: z.number(),
    cv: nullableNumber,
  }),
  diagnostics: z.array(wireDiagnostic),
  provenance: wireProvenance,
});

export const productivityTfpMethod = defineMethod({
  id: "productivity.tfp",
  family: "econometrics",
  command: ["productivity", "tfp"],
  path: "/api/productivity/tfp",
  summary: {
    "zh-CN": "全要素生产率增长核算（索洛余值，Törnqvist 份额）及其贡献率与波动",
    en: "TFP growth accounting (Solow residual, Törnqvist shares), contributions and volatility",
  },
  options: z.object({
    dataset: datasetOption(L.dataset),
    output: requiredTextOption(LP.output, "<column>"),
    capital: requiredTextOption(LP.capital, "<column>"),
    labour: requiredTextOption(LP.labour, "<column>"),
    capitalShare: numberOption({ min: 0, max: 1 }, 0.4, LP.capitalShare),
    labourShare: textOption(LP.labourShare, "<column>"),
    growth: enumOption(["tornqvist", "simple"], "tornqvist", LP.growth),
    compare: textOption(LP.compare, "<column>"),
    from: intOption({ min: 1800, max: 2200 }, LP.from),
    to: intOption({ min: 1800, max: 2200 }, LP.to),
    time: textOption(L.time, "<column>"),
  }),
  input: "data_frame",
  inputOption: "dataset",
  formats: ["table", "json"],
  datasets: (o) => (o.dataset === undefined ? [] : [o.dataset]),
  run: (o, input, ctx): Promise<TfpGrowthResult> =>
    tfpGrowth(
      frameRefOf(o.dataset, input),
      {
        output: o.output,
        capital: o.capital,
        labour: o.labour,
        capitalShare: o.labourShare !== undefined ? { labourShareColumn: o.labourShare } : o.capitalShare,
        method: o.growth,
        ...(o.compare !== undefined && { compare: o.compare }),
        ...(o.from !== undefined && { from: o.from }),
        ...(o.to !== undefined && { to: o.to }),
        ...(o.time !== undefined && { time: o.time }),
      },
      appContext(ctx),
    ),
  wire: tfpWire,
  toWire: (r: TfpGrowthResult, lang: Lang) =>
    tfpWire.parse({
      dataset: r.dataset,
      method: r.method,
      periods: r.periods.map((p) => ({
        year: p.year,
        output_growth: p.outputGrowth,
        capital_growth: p.capitalGrowth,
        labour_growth: p.labourGrowth,
        capital_share: p.capitalShare,
        tfp_growth: p.tfpGrowth,
        contribution_capital: p.contributions?.capital ?? null,
        contribution_labour: p.contributions?.labour ?? null,
        contribution_tfp: p.contributions?.tfp ?? null,
        compared_growth: p.comparedGrowth,
      })),
      summary: {
        mean_tfp_growth: r.summary.meanTfpGrowth,
        mean_tfp_contribution: r.summary.meanTfpContribution,
        sd: r.summary.sd,
        cv: r.summary.cv,
      },
      diagnostics: wireDiagnostics(r.diagnostics, lang),
      provenance: wireProvenanceOf(r.provenance, lang),
    }),
  render: { table: tfpTable },
});

export const capitalWire = z.object({
  dataset: z.string(),
  delta: z.number(),
  initial_growth: nullableNumber,
  years: z.array(
    z.object({
      year: nullableInt,
      investment: z.number(),
      real_investment: z.number(),
      stock: z.number(),
      per_worker: nullableNumber,
      deepening: nullableNumber,
    }),
  ),
  average_deepening: nullableNumber,
  deepening_method: z.enum(["difference", "ratio"]).nullable(),
  diagnostics: z.array(wireDiagnostic),
  provenance: wireProvenance,
});

export const productivityCapitalMethod = defineMethod({
  id: "productivity.capital",
  family: "econometrics",
  command: ["productivity", "capital"],
  path: "/api/productivity/capital",
  summary: {
    "zh-CN": "永续盘存法估算（数字）资本存量，人均资本与资本深化速度",
    en: "(digital) capital stock by the perpetual inventory method, per-worker capital and deepening",
  },
  options: z.object({
    dataset: datasetOption(L.dataset),
    investment: requiredTextOption(LP.investment, "<column>"),
    deflator: textOption(LP.deflator, "<column>"),
    delta: numberOption({ min: 0, max: 1 }, 0.2, LP.delta),
    gWindow: intOption({ min: 1, max: 30 }, LP.gWindow),
    labour: textOption(LP.workers, "<column>"),
    deepening: enumOption(["difference", "ratio"], "difference", LP.deepening),
    from: intOption({ min: 1800, max: 2200 }, LP.from),
    to: intOption({ min: 1800, max: 2200 }, LP.to),
    time: textOption(L.time, "<column>"),
  }),
  input: "data_frame",
  inputOption: "dataset",
  formats: ["table", "json"],
  datasets: (o) => (o.dataset === undefined ? [] : [o.dataset]),
  run: (o, input, ctx): Promise<DigitalCapitalResult> =>
    digitalCapital(
      frameRefOf(o.dataset, input),
      {
        investment: o.investment,
        delta: o.delta,
        deepening: o.deepening,
        ...(o.deflator !== undefined && { deflator: o.deflator }),
        ...(o.gWindow !== undefined && { gWindow: o.gWindow }),
        ...(o.labour !== undefined && { labour: o.labour }),
        ...(o.from !== undefined && { from: o.from }),
        ...(o.to !== undefined && { to: o.to }),
        ...(o.time !== undefined && { time: o.time }),
      },
      appContext(ctx),
    ),
  wire: capitalWire,
  toWire: (r: DigitalCapitalResult, lang: Lang) =>
    capitalWire.parse({
      dataset: r.dataset,
      delta: r.delta,
      initial_growth: r.initialGrowth,
      years: r.years.map((y) => ({
        year: y.year,
        investment: y.investment,
        real_investment: y.realInvestment,
        stock: y.stock,
        per_worker: y.perWorker,
        deepening: y.deepening,
      })),
      average_deepening: r.averageDeepening,
      deepening_method: r.deepeningMethod,
      diagnostics: wireDiagnostics(r.diagnostics, lang),
      provenance: wireProvenanceOf(r.provenance, lang),
    }),
  render: { table: capitalTable },
});

const LB = {
  p: { "zh-CN": "自回归阶数 p", en: "autoregressive order p" },
  d: { "zh-CN": "差分阶数 d", en: "differencing order d" },
  draws: { "zh-CN": "蒙特卡洛抽样次数", en: "Monte-Carlo draws" },
  seed: { "zh-CN": "随机数种子（默认 20250101）", en: "random seed (default 20250101)" },
} satisfies Record<string, Label>;

export const bayesWire = z.object({
  dataset: z.string(),
  y: z.string(),
  xreg: z.array(z.string()),
  p: z.number().int(),
  d: z.number().int(),
  coefficients: z.array(z.object({ name: z.string(), mean: z.number(), sd: nullableNumber })),
  sigma2_mean: nullableNumber,
  prior: z.object({ b0: z.number(), v0: z.number(), a0: z.number(), d0: z.number() }),
  history: z.array(z.object({ year: nullableInt, value: z.number() })),
  forecast: z.array(
    z.object({
      step: z.number().int(),
      year: nullableInt,
      point: z.number(),
      mean: nullableNumber,
      median: nullableNumber,
      q025: nullableNumber,
      q10: nullableNumber,
      q90: nullableNumber,
      q975: nullableNumber,
      xreg: z.array(z.number()),
    }),
  ),
  scenario: z.string().nullable(),
  draws: z.number().int(),
  seed: z.string(),
  algorithm: z.string(),
  convergence: z
    .object({
      chains: z.number().int(),
      verified_against: z.string(),
      quantities: z.array(
        z.object({ quantity: z.string(), rhat: nullableNumber, ess_bulk: nullableNumber, ess_tail: nullableNumber }),
      ),
    })
    .nullable(),
  diagnostics: z.array(wireDiagnostic),
  provenance: wireProvenance,
});

export const forecastBayesMethod = defineMethod({
  id: "forecast.bayes",
  family: "econometrics",
  command: ["forecast", "bayes"],
  path: "/api/forecast/bayes",
  summary: {
    "zh-CN": "贝叶斯 ARX 预测（共轭正态–逆伽马先验；外生变量情景；蒙特卡洛预测区间）",
    en: "Bayesian ARX forecasts (conjugate Normal–inverse-gamma prior; regressor scenarios; Monte-Carlo intervals)",
  },
  options: z.object({
    dataset: datasetOption(L.dataset),
    y: requiredTextOption(L.y, "<column>"),
    xreg: textOption(L.xreg, "<column,…>"),
    p: intOption({ min: 0, max: 5 }, LB.p),
    d: intOption({ min: 0, max: 2 }, LB.d),
    h: intOption({ min: 1, max: 100 }, L.h),
    scenario: documentOption(L.scenario, "<file.json>", { maxBytes: 100_000 }),
    draws: intOption({ min: 100, max: 100_000 }, LB.draws),
    seed: intOption({ min: 0, max: 4_294_967_295 }, LB.seed),
    time: textOption(L.time, "<column>"),
  }),
  input: "data_frame",
  inputOption: "dataset",
  formats: ["table", "json"],
  datasets: (o) => (o.dataset === undefined ? [] : [o.dataset]),
  run: (o, input, ctx): Promise<ForecastBayesResult> =>
    forecastBayes(
      frameRefOf(o.dataset, input),
      {
        y: o.y,
        xreg: splitColumns(o.xreg),
        h: o.h ?? 5,
        ...(o.p !== undefined && { p: o.p }),
        ...(o.d !== undefined && { d: o.d }),
        ...(o.scenario !== undefined && {
          scenario: { text: o.scenario, file: ctx.documentFiles?.scenario ?? "scenario" },
        }),
        ...(o.draws !== undefined && { draws: o.draws }),
        ...(o.seed !== undefined && { seed: o.seed }),
        ...(o.time !== undefined && { time: o.time }),
      },
      appContext(ctx),
    ),
  wire: bayesWire,
  toWire: (r: ForecastBayesResult, lang: Lang) =>
    bayesWire.parse({
      dataset: r.dataset,
      y: r.y,
      xreg: r.xreg,
      p: r.p,
      d: r.d,
      coefficients: r.coefficients,
      sigma2_mean: r.sigma2Mean,
      prior: r.prior,
      history: r.history,
      forecast: r.forecast,
      scenario: r.scenario,
      draws: r.draws,
      seed: r.seed,
      algorithm: r.algorithm,
      convergence:
        r.convergence === null
          ? null
          : {
              chains: r.convergence.chains,
              verified_against: r.convergence.verifiedAgainst,
              quantities: r.convergence.quantities.map((q) => ({
                quantity: q.quantity,
                rhat: q.rhat,
                ess_bulk: q.essBulk,
                ess_tail: q.essTail,
              })),
            },
      diagnostics: wireDiagnostics(r.diagnostics, lang),
      provenance: wireProvenanceOf(r.provenance, lang),
    }),
  render: { table: bayesTable },
});
