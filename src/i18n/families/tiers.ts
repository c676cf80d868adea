/**
 * Tier-structure family (层级结构): diagnostics of src/core/tiers (value-added shares and growth
 * contributions by tier, the consistency check of printed shares; spec §6.4).
 */
import { show } from "../params.js";
import type { Bilingual } from "./types.js";

export interface TiersDiagnosticParams {
  readonly share_total_not_positive: { readonly year: number; readonly total: number };
  readonly total_change_zero: { readonly year: number; readonly totalChange: number };
  readonly negative_total_change: { readonly year: number; readonly totalChange: number };
  readonly sum_mismatch: {
    readonly sum: number;
    readonly expected: number;
    readonly difference: number;
    readonly tolerance: number;
    readonly count: number;
    readonly label?: string;
  };
}

export const diagnostics: Bilingual<TiersDiagnosticParams> = {
  "zh-CN": {
    share_total_not_positive: (p) =>
      `${p.year} 年各部门增加值合计为 ${show(p.total)}（不为正）：该年各层级占比无定义，记为空值。`,
    total_change_zero: (p) => `${p.year} 年增加值总额与上年相同（变化量为 0）：增长贡献率无定义，记为空值。`,
    negative_total_change: (p) =>
      `${p.year} 年增加值总额比上年减少（变化量 ${show(p.totalChange)}）：贡献率照常计算，但正负号与通常含义相反，增长的层级贡献率为负，须谨慎解读。`,
    sum_mismatch: (p) =>
      `${p.label !== undefined ? `「${p.label}」的` : ""} ${p.count} 个分项合计为 ${show(p.sum)}，与应有的 ${show(p.expected)} 相差 ${show(p.difference)}（超过容差 ${show(p.tolerance)}）。可能是图表取整、分母口径不同或印刷错误；结果未作强制调整。`,
  },
  en: {
    share_total_not_positive: (p) =>
      `Total value added in ${p.year} is ${show(p.total)} (not positive): the tier shares of that year do not exist and are shown as empty.`,
    total_change_zero: (p) =>
      `Total value added in ${p.year} equals the previous year's (change 0): growth contributions do not exist and are shown as empty.`,
    negative_total_change: (p) =>
      `Total value added fell in ${p.year} (change ${show(p.totalChange)}): contributions are computed, but their signs invert — a growing tier gets a negative contribution. Read them with care.`,
    sum_mismatch: (p) =>
      `The ${p.count} parts${p.label !== undefined ? ` of “${p.label}”` : ""} sum to ${show(p.sum)}, not ${show(p.expected)} (difference ${show(p.difference)}, above the tolerance ${show(p.tolerance)}). The chart may be rounded, use another denominator, or contain a typo; the values were not forced to add up.`,
  },
};
