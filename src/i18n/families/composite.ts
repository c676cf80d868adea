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
}

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
} as const;
