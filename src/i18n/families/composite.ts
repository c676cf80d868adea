/**
 * Composite-index family (综合指数): diagnostics of src/core/composite (normalisation, weights,
 * coupling, uncertainty). Its contract violations reuse the common codes (`invalid_argument` with a
 * composite `reason`, reasons.ts). Indicator params are 0-based column indices; the use cases add
 * the indicator's name as `name` where they know it.
 */
import { show } from "../params.js";
import type { Bilingual } from "./types.js";

export interface CompositeDiagnosticParams {
  readonly constant_indicator: {
    readonly indicator: number;
    readonly group?: number | string;
    readonly value?: number;
    readonly name?: string;
  };
  readonly zero_column_sum: { readonly indicator: number; readonly name?: string };
  readonly no_dispersion_equal_weights: { readonly method: string; readonly n: number };
  readonly coupling_undefined: { readonly row: number };
  readonly zero_output_variance: { readonly runs: number };
  readonly pca_first_component_not_unique: { readonly lambda1: number; readonly lambda2: number };
  readonly values_imputed: {
    readonly method: "linear_time" | "group_mean";
    readonly count: number;
    readonly indicators?: readonly string[];
  };
  readonly values_winsorised: { readonly count: number; readonly lower: number; readonly upper: number };
  readonly rebased_constant_prices: { readonly column: string; readonly years: readonly number[] };
  readonly disparity_undefined: {
    readonly year?: number;
    readonly reason: "too_few_entities" | "negative_value" | "non_positive_mean";
  };
  readonly sobol_not_converged: {
    readonly factor: string;
    readonly runs: number;
    readonly firstOrderSe: number;
    readonly totalSe: number;
    readonly threshold: number;
  };
}

const ZH_IMPUTATION = { linear_time: "按年份线性插值", group_mean: "用同年各对象的均值" } as const;
const EN_IMPUTATION = {
  linear_time: "linear interpolation in time",
  group_mean: "the mean of the other entities in the same year",
} as const;
const ZH_DISPARITY = {
  too_few_entities: "对象少于 2 个",
  negative_value: "存在负的综合得分",
  non_positive_mean: "综合得分均值不为正",
} as const;
const EN_DISPARITY = {
  too_few_entities: "fewer than 2 entities",
  negative_value: "a composite score is negative",
  non_positive_mean: "the mean composite score is not positive",
} as const;

const zhIndicator = (p: { indicator: number; name?: string }): string =>
  p.name !== undefined ? `指标「${p.name}」` : `第 ${p.indicator + 1} 个指标`;
const enIndicator = (p: { indicator: number; name?: string }): string =>
  p.name !== undefined ? `indicator “${p.name}”` : `indicator ${p.indicator + 1}`;

export const diagnostics: Bilingual<CompositeDiagnosticParams> = {
  "zh-CN": {
    constant_indicator: (p) =>
      `${zhIndicator(p)}${p.group !== undefined ? `在 ${p.group} 年` : ""}取值全部相同${p.value !== undefined ? `（${show(p.value)}）` : ""}，无法区分各对象：其标准化得分记为 0，权重强制为 0。`,
    zero_column_sum: (p) => `${zhIndicator(p)}的列和为 0：熵值记为 1，权重为 0。`,
    no_dispersion_equal_weights: (p) =>
      `所有 ${p.n} 个指标都没有差异（${p.method}），无法客观赋权，已改用等权重。请检查数据是否有误。`,
    coupling_undefined: (p) => `第 ${p.row + 1} 个观测的各子系统得分均为 0：耦合度与耦合协调度记为 0。`,
    zero_output_variance: (p) => `${p.runs} 次模拟的输出方差为 0：Sobol 指数记为 0（各选择对排名没有影响）。`,
    pca_first_component_not_unique: (p) =>
      `第一主成分不唯一（最大的两个特征值 ${show(p.lambda1)} 与 ${show(p.lambda2)} 几乎相等）：主成分权重不稳定，建议改用其他赋权方法。`,
    values_imputed: (p) =>
      `按指标体系的设定，${p.count} 个缺失值已${ZH_IMPUTATION[p.method]}填补${p.indicators !== undefined ? `（指标：${show(p.indicators, "、")}）` : ""}；每个填补的单元格都列在结果中。`,
    values_winsorised: (p) =>
      `${p.count} 个取值超出 ${show(p.lower)}–${show(p.upper)} 分位数，已截尾到分位数；每个单元格都列在结果中。`,
    rebased_constant_prices: (p) =>
      `「${p.column}」在 ${p.years.join("、")} 年更换价格基期：这些年份显示的增速比较的是不同价格下的数值，并非实际增速。请使用数据集中的实际增速，或在新基期处衔接（当年不变价除以上年现价）。`,
    disparity_undefined: (p) =>
      `${p.year !== undefined ? `${p.year} 年` : ""}综合得分的差异指标（变异系数、泰尔指数、基尼系数）无法计算：${ZH_DISPARITY[p.reason]}。`,
    sobol_not_converged: (p) =>
      `因素「${p.factor}」的 Sobol 指数在 ${p.runs} 次模拟后仍不稳定（一阶标准误 ${show(p.firstOrderSe)}，总效应标准误 ${show(p.totalSe)}，阈值 ${show(p.threshold)}）：请增加模拟次数。`,
  },
  en: {
    constant_indicator: (p) =>
      `${enIndicator(p)} is constant${p.group !== undefined ? ` in ${p.group}` : ""}${p.value !== undefined ? ` (${show(p.value)})` : ""} and cannot tell the entities apart: its normalised scores are 0 and its weight is forced to 0.`,
    zero_column_sum: (p) => `${enIndicator(p)} sums to 0: its entropy is 1 and its weight 0.`,
    no_dispersion_equal_weights: (p) =>
      `None of the ${p.n} indicators varies (${p.method}), so no objective weights exist; equal weights were used. Check the data.`,
    coupling_undefined: (p) =>
      `Every subsystem score of observation ${p.row + 1} is 0: the coupling and coupling-coordination degrees are set to 0.`,
    zero_output_variance: (p) =>
      `The output does not vary over the ${p.runs} runs: the Sobol indices are set to 0 (no choice moves the ranking).`,
    pca_first_component_not_unique: (p) =>
      `The first principal component is not unique (the two largest eigenvalues ${show(p.lambda1)} and ${show(p.lambda2)} are almost equal): PCA weights are unstable here; prefer another weighting method.`,
    values_imputed: (p) =>
      `As the framework says, ${p.count} missing value(s) were filled by ${EN_IMPUTATION[p.method]}${p.indicators !== undefined ? ` (indicators: ${show(p.indicators)})` : ""}; every filled cell is listed in the result.`,
    values_winsorised: (p) =>
      `${p.count} value(s) beyond the ${show(p.lower)}–${show(p.upper)} quantiles were clipped to them; every cell is listed in the result.`,
    rebased_constant_prices: (p) =>
      `“${p.column}” changes its price base in ${p.years.join(", ")}: the growth shown for ${p.years.length === 1 ? "that year" : "those years"} compares values in different prices and is not real growth. Use the dataset's real growth rates, or chain at the new base (this year's constant-price value over last year's current-price value).`,
    disparity_undefined: (p) =>
      `The disparity of the composite (CV, Theil, Gini)${p.year !== undefined ? ` in ${p.year}` : ""} cannot be computed: ${EN_DISPARITY[p.reason]}.`,
    sobol_not_converged: (p) =>
      `The Sobol indices of “${p.factor}” have not settled after ${p.runs} runs (standard error ${show(p.firstOrderSe)} first order, ${show(p.totalSe)} total; threshold ${show(p.threshold)}): use more runs.`,
  },
};

/** Interface strings of the composite family's terminal output (joined by messages.ts). */
export const EN = {
  "col.indicator": "indicator",
  "col.direction": "direction",
  "col.weight": "weight",
  "col.entropy": "entropy e",
  "col.divergence": "divergence d",
  "col.sd": "s.d.",
  "col.conflict": "conflict",
  "col.loading": "loading",
  "col.entity": "entity",
  "col.closeness": "closeness C",
  "col.rank": "rank",
  "col.level": "level",
  "col.growth_pct": "growth %",
  "col.weak": "technical weakness",
  "label.weight_method": "weights",
  "label.observations": "observations",
  "label.explained_share": "variance explained by the first component",
  "label.episodes": "technical-weakness episodes",
  "label.exit": "exit",
  "label.dataset": "dataset",
  "label.framework": "framework",
  "label.base_year": "base year",
  "label.crossing_year": "first year the index crosses the GDP index from below",
  "label.published_beside": "published CAICT values (not the same data; shown beside, not compared in level)",
  "col.fusion_index": "integration index",
  "col.consumption_index": "consumption",
  "col.investment_index": "investment",
  "col.net_exports_index": "net exports",
  "col.gdp_index": "GDP index",
  "label.catalogue": "pillars of the framework",
  "col.tier": "tier",
  "col.digital_share": "digital share %",
  "status.filled": "computed from public data",
  "status.no_public_data": "no public provincial data (not filled)",
  "status.context": "context, not in the index",
  "col.score": "score",
  "col.rank_change": "rank change",
  "col.median_rank": "median rank",
  "col.rank_interval": "rank 5–95 %",
  "col.factor": "factor",
  "col.first_order": "first-order S",
  "col.total_effect": "total S_T",
  "col.cv": "CV",
  "col.theil": "Theil T",
  "col.gini": "Gini",
  "label.index_spec": "framework",
  "label.runs": "runs",
  "label.seed": "seed",
  "label.disparity": "disparity of the composite",
  "label.imputed_cells": "imputed cells",
} as const;

export const ZH = {
  "col.indicator": "指标",
  "col.direction": "方向",
  "col.weight": "权重",
  "col.entropy": "熵值 e",
  "col.divergence": "差异系数 d",
  "col.sd": "标准差",
  "col.conflict": "冲突性",
  "col.loading": "载荷",
  "col.entity": "对象",
  "col.closeness": "贴近度 C",
  "col.rank": "排名",
  "col.level": "水平值",
  "col.growth_pct": "增速 %",
  "col.weak": "技术性疲软",
  "label.weight_method": "赋权方法",
  "label.observations": "观测数",
  "label.explained_share": "第一主成分解释的方差比例",
  "label.episodes": "技术性疲软阶段",
  "label.exit": "走出",
  "label.dataset": "数据集",
  "label.framework": "评价框架",
  "label.base_year": "基期",
  "label.crossing_year": "指数自下而上超过GDP指数的首个年份",
  "label.published_beside": "信通院公布值（数据不同；并列展示，不比较水平值）",
  "col.fusion_index": "融合指数",
  "col.consumption_index": "数字最终消费",
  "col.investment_index": "数字投资产出",
  "col.net_exports_index": "数字贸易",
  "col.gdp_index": "GDP指数",
  "label.catalogue": "框架各部分",
  "col.tier": "梯队",
  "col.digital_share": "数字部门占比 %",
  "status.filled": "由公开数据计算",
  "status.no_public_data": "无公开的省级数据（未填）",
  "status.context": "参考，不计入指数",
  "col.score": "得分",
  "col.rank_change": "名次变化",
  "col.median_rank": "排名中位数",
  "col.rank_interval": "排名 5–95 %",
  "col.factor": "因素",
  "col.first_order": "一阶指数 S",
  "col.total_effect": "总效应 S_T",
  "col.cv": "变异系数",
  "col.theil": "泰尔指数",
  "col.gini": "基尼系数",
  "label.index_spec": "指标体系",
  "label.runs": "模拟次数",
  "label.seed": "随机种子",
  "label.disparity": "综合得分的地区差异",
  "label.imputed_cells": "填补的单元格",
} as const;
