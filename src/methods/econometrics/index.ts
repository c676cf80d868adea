/**
 * Declarations of the econometrics family (计量方法): `shushi stats ols|granger|adf` and
 * `/api/stats/…`, on a data frame (`--input FILE` / POST body: column names in the first row) or a
 * stored panel or time series (`--dataset ID`, columns entity, year and one per indicator). Spec §4.2–4.3;
 * use cases in src/app/econometrics.ts.
 *
 * The JSON of this family uses the field names the issue fixed for analysts coming from R and
 * statsmodels (`std_error`, `p_value`, `r_squared`, …): snake_case, unlike the camelCase of the other
 * families (ADR 0011).
 */
import { z } from "zod";
import {
  INDEX_SERIES,
  LAG_CRITERIA,
  PRODUCTIVITY_SERIES,
  type ProductivityIndexResult,
  productivityOnIndex,
  SERIES_TRANSFORMS,
  type StatsAdfResult,
  type StatsGrangerResult,
  type StatsKpssResult,
  type StatsOlsResult,
  type StatsPanelResult,
  statsAdf,
  statsGranger,
  statsKpss,
  statsOls,
  statsPanel,
} from "../../app/index.js";
import { OLS_COVARIANCE_TYPES, type OlsCovarianceType } from "../../core/index.js";
import { coreErrorMessage, type Lang, t } from "../../i18n/index.js";
import { defineMethod, type Label } from "../declaration.js";
import { UsageError } from "../errors.js";
import { datasetOption, enumOption, intOption, requiredTextOption, textOption } from "../options.js";
import { wireDiagnostic, wireDiagnostics, wireProvenance, wireProvenanceOf } from "../wire.js";
import { appContext, columnList, frameRefOf } from "./common.js";
import {
  forecastArimaxMethod,
  forecastBayesMethod,
  productivityCapitalMethod,
  productivityDeflatorMethod,
  productivityLabourMethod,
  productivityTfpMethod,
} from "./forecast.js";
import { productivityDeTfpMethod, productivityGroupsMethod } from "./productivity-groups.js";
import { adfTable, grangerTable, kpssTable, olsCsv, olsTable, panelTable, productivityIndexTable } from "./render.js";

const L = {
  dataset: {
    "zh-CN": "数据集（面板或时间序列的编号；列为 entity、year 和各指标代码）",
    en: "dataset (id of a panel or time series; columns entity, year and the indicator codes)",
  },
  y: { "zh-CN": "被解释变量所在的列", en: "the column of the response" },
  x: { "zh-CN": "解释变量所在的列，以逗号分隔", en: "the regressor columns, comma-separated" },
  se: {
    "zh-CN": "系数协方差：经典、HC0–HC3 异方差稳健或 Newey–West",
    en: "coefficient covariance: classical, HC0–HC3 heteroskedasticity-robust or Newey–West",
  },
  nwLags: {
    "zh-CN": "Newey–West 的滞后阶数（默认 ⌊4(n/100)^{2/9}⌋）",
    en: "Newey–West lag (default ⌊4(n/100)^{2/9}⌋)",
  },
  olsTransform: {
    "zh-CN": "log：对被解释变量和解释变量取自然对数（双对数模型，斜率即弹性）",
    en: "log: natural logs of the response and the regressors (log–log: slopes are elasticities)",
  },
  gy: {
    "zh-CN": "结果变量所在的列（原假设：x 不是 y 的格兰杰原因）",
    en: "the effect column (H0: x does not Granger-cause y)",
  },
  gx: { "zh-CN": "待检验的原因变量所在的列", en: "the column of the candidate cause" },
  lags: {
    "zh-CN": "滞后阶数，或 auto（按信息准则在 VAR 中选择）",
    en: "lag order, or auto (chosen by an information criterion on the VAR)",
  },
  maxLags: {
    "zh-CN": "自动选择或 ADF 检验时的最大滞后阶数",
    en: "largest lag order searched (auto lag selection, ADF)",
  },
  criterion: { "zh-CN": "选择滞后阶数的信息准则", en: "information criterion of the lag selection" },
  transform: {
    "zh-CN": "检验前的变换：水平值、一阶差分或对数差分",
    en: "transform before the test: levels, first differences or log differences",
  },
  time: {
    "zh-CN": "时间列（默认自动识别 year、年份 等列；无时间列则按文件中的行序）",
    en: "the time column (default: a column named year, 年份, …; without one, rows in file order)",
  },
  column: { "zh-CN": "要检验的序列所在的列", en: "the column of the series tested" },
  bootstrap: {
    "zh-CN": "自助法重复次数（在原假设下对残差重抽样，给出自助法 p 值；0 为不做，常用 999）",
    en: "bootstrap replications (residual resampling under H0 for a bootstrap p-value; 0 = none, e.g. 999)",
  },
  seed: { "zh-CN": "随机数种子（默认 20250101）", en: "random seed (default 20250101)" },
  regression: {
    "zh-CN": "确定性项：n 无、c 常数、ct 常数和趋势",
    en: "deterministic terms: n none, c constant, ct constant and trend",
  },
  kpssRegression: {
    "zh-CN": "原假设：c 水平平稳，ct 趋势平稳",
    en: "null hypothesis: c level-stationary, ct trend-stationary",
  },
  nlags: {
    "zh-CN": "长期方差的截断滞后：auto（Hobijn 等 1998）、legacy（⌈12(n/100)^{1/4}⌉）或整数",
    en: "truncation lag of the long-run variance: auto (Hobijn et al. 1998), legacy (⌈12(n/100)^{1/4}⌉) or an integer",
  },
  autolag: {
    "zh-CN": "差分滞后项数的选择：AIC、BIC、t 统计量或 none（固定为最大滞后）",
    en: "choice of the lagged differences: AIC, BIC, t statistic, or none (fixed at the maximum)",
  },
} satisfies Record<string, Label>;

type NonEmpty<T> = readonly [T, ...T[]];
const seTypes = OLS_COVARIANCE_TYPES as unknown as NonEmpty<OlsCovarianceType>;
const transforms = SERIES_TRANSFORMS as unknown as NonEmpty<(typeof SERIES_TRANSFORMS)[number]>;
const criteria = LAG_CRITERIA as unknown as NonEmpty<(typeof LAG_CRITERIA)[number]>;

const wireCoefficient = z.object({
  name: z.string(),
  estimate: z.number(),
  std_error: z.number(),
  t: z.number(),
  p_value: z.number(),
});

export const olsWire = z.object({
  dataset: z.string(),
  y: z.string(),
  x: z.array(z.string()),
  transform: z.enum(["none", "log"]),
  se: z.enum(seTypes),
  nw_lags: z.number().int().nullable(),
  coefficients: z.array(wireCoefficient),
  r_squared: z.number(),
  adj_r_squared: z.number(),
  f: z.number().nullable(),
  f_p_value: z.number().nullable(),
  df_model: z.number().int(),
  df_resid: z.number().int(),
  n: z.number().int(),
  sigma2: z.number(),
  loglik: z.number(),
  aic: z.number(),
  bic: z.number(),
  condition_number: z.number(),
  vif: z.array(z.object({ name: z.string(), vif: z.number() })).nullable(),
  verified_against: z.array(z.string()),
  diagnostics: z.array(wireDiagnostic),
  provenance: wireProvenance,
});

/** A statistic that may be +∞ (an exact fit): JSON has no infinity, so it is null there. */
const finiteOrNull = (v: number): number | null => (Number.isFinite(v) ? v : null);

const wireGranger = z.object({
  y: z.string(),
  x: z.string(),
  f: z.number().nullable(),
  p_value: z.number(),
  df_num: z.number().int(),
  df_den: z.number().int(),
  chi2: z.number().nullable(),
  chi2_p_value: z.number(),
  lags: z.number().int(),
  n: z.number().int(),
  null_hypothesis: z.string(),
  null_hypothesis_code: z.literal("x_does_not_granger_cause_y"),
  bootstrap_p_value: z.number().nullable(),
  bootstrap: z
    .object({
      replications: z.number().int(),
      failed: z.number().int(),
      seed: z.number().int(),
      algorithm: z.string(),
    })
    .nullable(),
});

export const grangerWire = wireGranger.extend({
  dataset: z.string(),
  transform: z.enum(transforms),
  observations: z.number().int(),
  years: z.tuple([z.number().int(), z.number().int()]).nullable(),
  lag_selection: z
    .object({
      criterion: z.enum(criteria),
      max_lags: z.number().int(),
      n: z.number().int(),
      selected: z.number().int(),
      table: z.array(
        z.object({ lags: z.number().int(), aic: z.number(), bic: z.number(), hq: z.number(), fpe: z.number() }),
      ),
    })
    .nullable(),
  reverse: wireGranger,
  verified_against: z.array(z.string()),
  diagnostics: z.array(wireDiagnostic),
  provenance: wireProvenance,
});

export const adfWire = z.object({
  dataset: z.string(),
  column: z.string(),
  transform: z.enum(transforms),
  observations: z.number().int(),
  years: z.tuple([z.number().int(), z.number().int()]).nullable(),
  statistic: z.number(),
  p_value: z.number(),
  used_lag: z.number().int(),
  nobs: z.number().int(),
  critical_values: z.object({ "1%": z.number(), "5%": z.number(), "10%": z.number() }),
  ic_best: z.number().nullable(),
  regression: z.enum(["n", "c", "ct"]),
  autolag: z.enum(["aic", "bic", "t_stat"]).nullable(),
  max_lags: z.number().int(),
  null_hypothesis: z.string(),
  null_hypothesis_code: z.literal("unit_root"),
  verified_against: z.array(z.string()),
  diagnostics: z.array(wireDiagnostic),
  provenance: wireProvenance,
});

function olsToWire(r: StatsOlsResult, lang: Lang): z.output<typeof olsWire> {
  return olsWire.parse({
    dataset: r.dataset,
    y: r.y,
    x: r.x,
    transform: r.transform,
    se: r.se,
    nw_lags: r.nwLags,
    coefficients: r.coefficients.map((c) => ({
      name: c.name,
      estimate: c.estimate,
      std_error: c.stdError,
      t: c.t,
      p_value: c.pValue,
    })),
    r_squared: r.rSquared,
    adj_r_squared: r.adjRSquared,
    f: r.f,
    f_p_value: r.fPValue,
    df_model: r.dfModel,
    df_resid: r.dfResid,
    n: r.n,
    sigma2: r.sigma2,
    loglik: r.logLik,
    aic: r.aic,
    bic: r.bic,
    condition_number: r.conditionNumber,
    vif: r.vif === null ? null : r.vif.map((x) => ({ name: x.name, vif: x.vif })),
    verified_against: r.verifiedAgainst,
    diagnostics: wireDiagnostics(r.diagnostics, lang),
    provenance: wireProvenanceOf(r.provenance, lang),
  });
}

const grangerDirectionWire = (d: StatsGrangerResult["forward"], lags: number, lang: Lang) => ({
  y: d.y,
  x: d.x,
  f: finiteOrNull(d.f),
  p_value: d.pValue,
  df_num: d.dfNum,
  df_den: d.dfDen,
  chi2: finiteOrNull(d.chi2),
  chi2_p_value: d.chi2PValue,
  lags,
  n: d.n,
  null_hypothesis: t("hyp.x_does_not_granger_cause_y", lang, { x: d.x, y: d.y }),
  null_hypothesis_code: d.nullHypothesis,
  bootstrap_p_value: d.bootstrap?.pValue ?? null,
  bootstrap:
    d.bootstrap === null
      ? null
      : {
          replications: d.bootstrap.replications,
          failed: d.bootstrap.failed,
          seed: d.bootstrap.seed,
          algorithm: d.bootstrap.algorithm,
        },
});

function grangerToWire(r: StatsGrangerResult, lang: Lang): z.output<typeof grangerWire> {
  return grangerWire.parse({
    ...grangerDirectionWire(r.forward, r.lags, lang),
    dataset: r.dataset,
    transform: r.transform,
    observations: r.observations,
    years: r.years,
    lag_selection:
      r.lagSelection === null
        ? null
        : {
            criterion: r.lagSelection.criterion,
            max_lags: r.lagSelection.maxLags,
            n: r.lagSelection.n,
            selected: r.lagSelection.selected,
            table: r.lagSelection.table,
          },
    reverse: grangerDirectionWire(r.reverse, r.lags, lang),
    verified_against: r.verifiedAgainst,
    diagnostics: wireDiagnostics(r.diagnostics, lang),
    provenance: wireProvenanceOf(r.provenance, lang),
  });
}

function adfToWire(r: StatsAdfResult, lang: Lang): z.output<typeof adfWire> {
  return adfWire.parse({
    dataset: r.dataset,
    column: r.column,
    transform: r.transform,
    observations: r.observations,
    years: r.years,
    statistic: r.statistic,
    p_value: r.pValue,
    used_lag: r.usedLag,
    nobs: r.nobs,
    critical_values: r.criticalValues,
    ic_best: r.icBest,
    regression: r.regression,
    autolag: r.autolag,
    max_lags: r.maxLags,
    null_hypothesis: t("hyp.unit_root", lang, { column: r.column }),
    null_hypothesis_code: r.nullHypothesis,
    verified_against: r.verifiedAgainst,
    diagnostics: wireDiagnostics(r.diagnostics, lang),
    provenance: wireProvenanceOf(r.provenance, lang),
  });
}

export const statsOlsMethod = defineMethod({
  id: "stats.ols",
  family: "econometrics",
  command: ["stats", "ols"],
  path: "/api/stats/ols",
  summary: {
    "zh-CN": "普通最小二乘回归（经典、HC0–HC3、Newey–West 标准误；可取双对数求弹性）",
    en: "ordinary least squares (classical, HC0–HC3 or Newey–West errors; log–log for elasticities)",
  },
  options: z.object({
    dataset: datasetOption(L.dataset),
    y: requiredTextOption(L.y, "<column>"),
    x: requiredTextOption(L.x, "<column,…>"),
    se: enumOption(seTypes, "classical", L.se),
    nwLags: intOption({ min: 0, max: 1000 }, L.nwLags),
    transform: enumOption(["none", "log"], "none", L.olsTransform),
  }),
  input: "data_frame",
  inputOption: "dataset",
  formats: ["table", "json", "csv"],
  datasets: (o) => (o.dataset === undefined ? [] : [o.dataset]),
  run: (o, input, ctx): Promise<StatsOlsResult> =>
    statsOls(
      frameRefOf(o.dataset, input),
      {
        y: o.y,
        x: columnList(o.x, "--x"),
        se: o.se,
        transform: o.transform,
        ...(o.nwLags !== undefined && { nwLags: o.nwLags }),
      },
      appContext(ctx),
    ),
  wire: olsWire,
  toWire: olsToWire,
  render: { table: olsTable, csv: olsCsv },
});

/** `--lags 3` or `--lags auto`. */
function lagsOf(text: string): number | "auto" {
  if (text === "auto") return "auto";
  const n = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!(n >= 1 && n <= 50))
    throw new UsageError("usage.invalid_value", { option: "--lags", value: text, expected: "1–50 | auto" });
  return n;
}

export const statsGrangerMethod = defineMethod({
  id: "stats.granger",
  family: "econometrics",
  command: ["stats", "granger"],
  path: "/api/stats/granger",
  summary: {
    "zh-CN": "格兰杰因果检验（双向；F 与 χ² 形式；滞后阶数可按 AIC/BIC/HQ/FPE 选择）",
    en: "Granger causality in both directions (F and χ² forms; lag order by AIC/BIC/HQ/FPE)",
  },
  options: z.object({
    dataset: datasetOption(L.dataset),
    y: requiredTextOption(L.gy, "<column>"),
    x: requiredTextOption(L.gx, "<column>"),
    lags: requiredTextOption(L.lags, "<k>|auto"),
    maxLags: intOption({ min: 1, max: 50 }, L.maxLags),
    criterion: enumOption(criteria, "aic", L.criterion),
    transform: enumOption(transforms, "level", L.transform),
    time: textOption(L.time, "<column>"),
    bootstrap: intOption({ min: 0, max: 100_000 }, L.bootstrap),
    seed: intOption({ min: 0, max: 4_294_967_295 }, L.seed),
  }),
  input: "data_frame",
  inputOption: "dataset",
  formats: ["table", "json"],
  datasets: (o) => (o.dataset === undefined ? [] : [o.dataset]),
  run: (o, input, ctx): Promise<StatsGrangerResult> =>
    statsGranger(
      frameRefOf(o.dataset, input),
      {
        y: o.y,
        x: o.x,
        lags: lagsOf(o.lags),
        criterion: o.criterion,
        transform: o.transform,
        ...(o.maxLags !== undefined && { maxLags: o.maxLags }),
        ...(o.time !== undefined && { time: o.time }),
        ...(o.bootstrap !== undefined && { bootstrap: o.bootstrap }),
        ...(o.seed !== undefined && { seed: o.seed }),
      },
      appContext(ctx),
    ),
  wire: grangerWire,
  toWire: grangerToWire,
  render: { table: grangerTable },
});

export const statsAdfMethod = defineMethod({
  id: "stats.adf",
  family: "econometrics",
  command: ["stats", "adf"],
  path: "/api/stats/adf",
  summary: {
    "zh-CN": "ADF 单位根检验（MacKinnon p 值；滞后项按 AIC/BIC/t 统计量选择）",
    en: "augmented Dickey–Fuller unit-root test (MacKinnon p-values; lags by AIC/BIC/t statistic)",
  },
  options: z.object({
    dataset: datasetOption(L.dataset),
    column: requiredTextOption(L.column, "<column>"),
    regression: enumOption(["c", "ct", "n"], "c", L.regression),
    autolag: enumOption(["aic", "bic", "t_stat", "none"], "aic", L.autolag),
    maxLags: intOption({ min: 0, max: 200 }, L.maxLags),
    transform: enumOption(transforms, "level", L.transform),
    time: textOption(L.time, "<column>"),
  }),
  input: "data_frame",
  inputOption: "dataset",
  formats: ["table", "json"],
  datasets: (o) => (o.dataset === undefined ? [] : [o.dataset]),
  run: (o, input, ctx): Promise<StatsAdfResult> =>
    statsAdf(
      frameRefOf(o.dataset, input),
      {
        column: o.column,
        regression: o.regression,
        autolag: o.autolag === "none" ? null : o.autolag,
        transform: o.transform,
        ...(o.maxLags !== undefined && { maxLags: o.maxLags }),
        ...(o.time !== undefined && { time: o.time }),
      },
      appContext(ctx),
    ),
  wire: adfWire,
  toWire: adfToWire,
  render: { table: adfTable },
});

export const kpssWire = z.object({
  dataset: z.string(),
  column: z.string(),
  transform: z.enum(transforms),
  observations: z.number().int(),
  years: z.tuple([z.number().int(), z.number().int()]).nullable(),
  statistic: z.number(),
  p_value: z.number(),
  lags: z.number().int(),
  lag_rule: z.enum(["auto", "legacy", "fixed"]),
  critical_values: z.object({ "10%": z.number(), "5%": z.number(), "2.5%": z.number(), "1%": z.number() }),
  regression: z.enum(["c", "ct"]),
  null_hypothesis: z.string(),
  null_hypothesis_code: z.enum(["level_stationary", "trend_stationary"]),
  verified_against: z.array(z.string()),
  diagnostics: z.array(wireDiagnostic),
  provenance: wireProvenance,
});

function kpssToWire(r: StatsKpssResult, lang: Lang): z.output<typeof kpssWire> {
  return kpssWire.parse({
    dataset: r.dataset,
    column: r.column,
    transform: r.transform,
    observations: r.observations,
    years: r.years,
    statistic: r.statistic,
    p_value: r.pValue,
    lags: r.lags,
    lag_rule: r.lagRule,
    critical_values: r.criticalValues,
    regression: r.regression,
    null_hypothesis: t(`hyp.${r.nullHypothesis}`, lang, { column: r.column }),
    null_hypothesis_code: r.nullHypothesis,
    verified_against: r.verifiedAgainst,
    diagnostics: wireDiagnostics(r.diagnostics, lang),
    provenance: wireProvenanceOf(r.provenance, lang),
  });
}

/** `--nlags auto|legacy|<int>`. */
function nlagsOf(text: string): "auto" | "legacy" | number {
  if (text === "auto" || text === "legacy") return text;
  const n = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!(n >= 0 && n <= 1000))
    throw new UsageError("usage.invalid_value", { option: "--nlags", value: text, expected: "auto | legacy | 0–1000" });
  return n;
}

export const statsKpssMethod = defineMethod({
  id: "stats.kpss",
  family: "econometrics",
  command: ["stats", "kpss"],
  path: "/api/stats/kpss",
  summary: {
    "zh-CN": "KPSS 平稳性检验（原假设为平稳，与 ADF 互补）",
    en: "KPSS stationarity test (the null is stationarity, complementing ADF)",
  },
  options: z.object({
    dataset: datasetOption(L.dataset),
    column: requiredTextOption(L.column, "<column>"),
    regression: enumOption(["c", "ct"], "c", L.kpssRegression),
    nlags: textOption(L.nlags, "auto|legacy|<k>", { default: "auto" }),
    transform: enumOption(transforms, "level", L.transform),
    time: textOption(L.time, "<column>"),
  }),
  input: "data_frame",
  inputOption: "dataset",
  formats: ["table", "json"],
  datasets: (o) => (o.dataset === undefined ? [] : [o.dataset]),
  run: (o, input, ctx): Promise<StatsKpssResult> =>
    statsKpss(
      frameRefOf(o.dataset, input),
      {
        column: o.column,
        regression: o.regression,
        nlags: nlagsOf(o.nlags ?? "auto"),
        transform: o.transform,
        ...(o.time !== undefined && { time: o.time }),
      },
      appContext(ctx),
    ),
  wire: kpssWire,
  toWire: kpssToWire,
  render: { table: kpssTable },
});

const LPN = {
  entity: { "zh-CN": "对象（个体）标识所在的列", en: "the column identifying the entity" },
  effects: {
    "zh-CN": "entity：个体固定效应（组内估计）；pooled：混合 OLS",
    en: "entity: entity fixed effects (within); pooled: pooled OLS",
  },
  se: {
    "zh-CN": "标准误：cluster（按聚类稳健，默认按个体）、hc1 或经典",
    en: "standard errors: cluster-robust (by entity by default), hc1 or classical",
  },
  cluster: { "zh-CN": "另一聚类变量所在的列", en: "a column of other clusters" },
} satisfies Record<string, Label>;

export const panelWire = z.object({
  dataset: z.string(),
  y: z.string(),
  x: z.array(z.string()),
  effects: z.enum(["pooled", "entity"]),
  se: z.enum(["classical", "hc1", "cluster"]),
  coefficients: z.array(wireCoefficient),
  r_squared: z.number(),
  n: z.number().int(),
  entities: z.number().int(),
  clusters: z.number().int().nullable(),
  df_resid: z.number().int(),
  df_inference: z.number().int(),
  verified_against: z.array(z.string()),
  diagnostics: z.array(wireDiagnostic),
  provenance: wireProvenance,
});

export const statsPanelMethod = defineMethod({
  id: "stats.panel",
  family: "econometrics",
  command: ["stats", "panel"],
  path: "/api/stats/panel",
  summary: {
    "zh-CN": "面板回归：混合 OLS 或个体固定效应（组内），聚类稳健标准误",
    en: "panel regression: pooled OLS or entity fixed effects (within), cluster-robust errors",
  },
  options: z.object({
    dataset: datasetOption(L.dataset),
    y: requiredTextOption(L.y, "<column>"),
    x: requiredTextOption(L.x, "<column,…>"),
    entity: requiredTextOption(LPN.entity, "<column>"),
    effects: enumOption(["entity", "pooled"], "entity", LPN.effects),
    se: enumOption(["cluster", "hc1", "classical"], "cluster", LPN.se),
    cluster: textOption(LPN.cluster, "<column>"),
  }),
  input: "data_frame",
  inputOption: "dataset",
  formats: ["table", "json"],
  datasets: (o) => (o.dataset === undefined ? [] : [o.dataset]),
  run: (o, input, ctx): Promise<StatsPanelResult> =>
    statsPanel(
      frameRefOf(o.dataset, input),
      {
        y: o.y,
        x: columnList(o.x, "--x"),
        entity: o.entity,
        effects: o.effects,
        se: o.se,
        ...(o.cluster !== undefined && { cluster: o.cluster }),
      },
      appContext(ctx),
    ),
  wire: panelWire,
  toWire: (r: StatsPanelResult, lang: Lang) =>
    panelWire.parse({
      dataset: r.dataset,
      y: r.y,
      x: r.x,
      effects: r.effects,
      se: r.se,
      coefficients: r.coefficients.map((c) => ({
        name: c.name,
        estimate: c.estimate,
        std_error: c.stdError,
        t: c.t,
        p_value: c.pValue,
      })),
      r_squared: r.rSquared,
      n: r.n,
      entities: r.entities,
      clusters: r.clusters,
      df_resid: r.dfResid,
      df_inference: r.dfInference,
      verified_against: r.verifiedAgainst,
      diagnostics: wireDiagnostics(r.diagnostics, lang),
      provenance: wireProvenanceOf(r.provenance, lang),
    }),
  render: { table: panelTable },
});

const PI = {
  productivity: {
    "zh-CN":
      "生产率序列：pwt（PWT 每就业人员实际 GDP）、nbs（国家统计局全员劳动生产率）、published（公布值）或 auto（代理指数配 pwt，公布指数配 published）",
    en: "productivity series: pwt (PWT real GDP per person engaged), nbs (NBS overall labour productivity), published (printed values) or auto (pwt with the proxy index, published with the published index)",
  },
  index: {
    "zh-CN": "指数序列：proxy（公开数据实数融合指数）或 published（中国信通院公布值）",
    en: "index series: proxy (our public-data integration index) or published (CAICT's printed values)",
  },
  baseYear: { "zh-CN": "代理指数的基期（= 100）", en: "base year of the proxy index (= 100)" },
  from: { "zh-CN": "起始年份", en: "first year" },
  to: { "zh-CN": "结束年份", en: "last year" },
} satisfies Record<string, Label>;

const notRunWire = z
  .object({ code: z.string(), params: z.record(z.string(), z.unknown()), message: z.string() })
  .nullable();

export const productivityIndexWire = z.object({
  productivity: z.enum(PRODUCTIVITY_SERIES),
  index: z.enum(INDEX_SERIES),
  productivity_unit: z.enum(["yuan_per_person", "usd_2017_per_person"]),
  points: z.array(z.object({ year: z.number().int(), productivity: z.number(), index: z.number() })),
  regression: olsWire.nullable(),
  regression_not_run: notRunWire,
  granger: grangerWire.nullable(),
  granger_not_run: notRunWire,
  endpoint_slope: z.object({ from: z.number().int(), to: z.number().int(), value: z.number() }).nullable(),
  published: z.object({ id: z.string(), value: z.number(), unit: z.string() }),
  diagnostics: z.array(wireDiagnostic),
  provenance: wireProvenance,
});

export const productivityIndexMethod = defineMethod({
  id: "productivity.index",
  family: "econometrics",
  command: ["productivity", "index"],
  path: "/api/productivity/index",
  summary: {
    "zh-CN": "全员劳动生产率对实数融合指数的回归与双向格兰杰检验（公开数据代理指数或公布值），与公布的斜率对照",
    en: "labour productivity regressed on the integration index, with Granger tests both ways (public-data proxy or printed values), beside the published slope",
  },
  options: z.object({
    productivity: enumOption(["auto", ...PRODUCTIVITY_SERIES], "auto", PI.productivity),
    index: enumOption(INDEX_SERIES, "proxy", PI.index),
    baseYear: intOption({ min: 1995, max: 2018 }, PI.baseYear),
    se: enumOption(seTypes, "classical", L.se),
    nwLags: intOption({ min: 0, max: 1000 }, L.nwLags),
    lags: textOption(L.lags, "<k>|auto"),
    maxLags: intOption({ min: 1, max: 50 }, L.maxLags),
    criterion: enumOption(criteria, "aic", L.criterion),
    transform: enumOption(transforms, "level", L.transform),
    from: intOption({ min: 1900, max: 2100 }, PI.from),
    to: intOption({ min: 1900, max: 2100 }, PI.to),
  }),
  formats: ["table", "json"],
  datasets: (o) => [
    ...((o.productivity ?? (o.index === "published" ? "published" : "pwt")) === "pwt" ? ["pwt-1001-chn"] : []),
    ...(o.productivity === "nbs" ? ["cn-nbs-gdp-annual", "cn-nbs-headline-vintages"] : []),
  ],
  run: (o, _input, ctx): Promise<ProductivityIndexResult> => {
    if (ctx.source === undefined) throw new Error("productivity.index needs a dataset source");
    return productivityOnIndex({
      source: ctx.source,
      index: o.index,
      se: o.se,
      criterion: o.criterion,
      transform: o.transform,
      lags: o.lags === undefined ? "auto" : lagsOf(o.lags),
      ...(o.productivity !== "auto" && { productivity: o.productivity }),
      ...(o.baseYear !== undefined && { baseYear: o.baseYear }),
      ...(o.nwLags !== undefined && { nwLags: o.nwLags }),
      ...(o.maxLags !== undefined && { maxLags: o.maxLags }),
      ...(o.from !== undefined && { from: o.from }),
      ...(o.to !== undefined && { to: o.to }),
      ...(ctx.clock !== undefined && { clock: ctx.clock }),
    });
  },
  wire: productivityIndexWire,
  toWire: (r: ProductivityIndexResult, lang: Lang) =>
    productivityIndexWire.parse({
      productivity: r.productivity,
      index: r.index,
      productivity_unit: r.productivityUnit,
      points: r.points,
      regression: r.regression === null ? null : olsToWire(r.regression, lang),
      regression_not_run:
        r.regressionNotRun === null
          ? null
          : {
              ...r.regressionNotRun,
              message: coreErrorMessage(r.regressionNotRun.code, r.regressionNotRun.params, lang),
            },
      granger: r.granger === null ? null : grangerToWire(r.granger, lang),
      granger_not_run:
        r.grangerNotRun === null
          ? null
          : { ...r.grangerNotRun, message: coreErrorMessage(r.grangerNotRun.code, r.grangerNotRun.params, lang) },
      endpoint_slope: r.endpointSlope,
      published: { id: r.published.id, value: r.published.value, unit: r.published.unit },
      diagnostics: wireDiagnostics(r.diagnostics, lang),
      provenance: wireProvenanceOf(r.provenance, lang),
    }),
  render: { table: productivityIndexTable },
});

/** The econometrics family, in help order. */
export const ECONOMETRICS_METHODS = [
  statsOlsMethod,
  statsPanelMethod,
  statsGrangerMethod,
  statsAdfMethod,
  statsKpssMethod,
  forecastArimaxMethod,
  forecastBayesMethod,
  productivityLabourMethod,
  productivityDeflatorMethod,
  productivityIndexMethod,
  productivityTfpMethod,
  productivityGroupsMethod,
  productivityDeTfpMethod,
  productivityCapitalMethod,
] as const;
