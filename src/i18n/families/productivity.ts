/**
 * Productivity family (生产率): diagnostics of src/core/productivity (labour productivity, digital
 * capital by the perpetual inventory method, growth accounting and TFP, volatility). Its contract
 * violations reuse the common codes with a productivity `reason` (reasons.ts).
 */
import { show } from "../params.js";
import type { Bilingual } from "./types.js";

export interface ProductivityDiagnosticParams {
  readonly official_value_differs: {
    readonly year: number;
    readonly computed: number;
    readonly official: number;
    readonly relativeDifference: number;
    readonly tolerance: number;
  };
  readonly official_value_used: { readonly year: number };
  readonly missing_input: { readonly year: number; readonly missing: "gdp" | "employment" | "employment_previous" };
  readonly negative_investment: { readonly asset: string; readonly index: number; readonly value: number };
  readonly current_price_investment: { readonly asset: string };
  readonly growth_window_truncated: { readonly asset: string; readonly requested: number; readonly used: number };
  readonly undefined_growth: { readonly series: string; readonly index: number };
  readonly averaging_window_truncated: { readonly requested: number; readonly used: number };
  readonly output_growth_near_zero: {
    readonly index?: number;
    readonly outputGrowth: number;
    readonly threshold: number;
  };
  readonly negative_output_growth: { readonly index?: number; readonly outputGrowth: number };
  readonly tfp_level_undefined: { readonly group: string; readonly index: number };
  readonly cv_undefined: { readonly mean: number };
  readonly negative_mean: { readonly mean: number };
}

const ZH_MISSING = { gdp: "不变价 GDP", employment: "年末就业人员", employment_previous: "上年年末就业人员" } as const;
const EN_MISSING = {
  gdp: "GDP at constant prices",
  employment: "year-end employment",
  employment_previous: "the previous year-end employment",
} as const;
const pct = (v: number): string => `${show(Math.round(v * 10000) / 100)}%`;

export const diagnostics: Bilingual<ProductivityDiagnosticParams> = {
  "zh-CN": {
    official_value_differs: (p) =>
      `${p.year} 年的官方数值 ${show(p.official)} 与按定义计算的 ${show(p.computed)} 相差 ${pct(p.relativeDifference)}（超过 ${pct(p.tolerance)}），可能是价格基期或数据版本不同。结果采用官方数值。`,
    official_value_used: (p) => `${p.year} 年采用官方公布的数值。`,
    missing_input: (p) => `${p.year} 年缺少${ZH_MISSING[p.missing]}，该年无法计算。`,
    negative_investment: (p) =>
      `资产「${p.asset}」第 ${p.index + 1} 期的投资为负（${show(p.value)}），已按原值累计。请核实数据。`,
    current_price_investment: (p) => `资产「${p.asset}」未提供价格指数：投资按现价累计，资本存量含价格变动。`,
    growth_window_truncated: (p) =>
      `资产「${p.asset}」估计初始存量所用的增长窗口由 ${p.requested} 年缩短为现有的 ${p.used} 年。`,
    undefined_growth: (p) => `序列「${p.series}」第 ${p.index + 1} 期的基数不为正，增速无定义。`,
    averaging_window_truncated: (p) => `增速个数少于平均窗口 ${p.requested}：只用现有的 ${p.used} 个计算平均。`,
    output_growth_near_zero: (p) =>
      `产出增速 ${show(p.outputGrowth)} 接近 0（|g| < ${show(p.threshold)}）：贡献率无定义，记为空值。`,
    negative_output_growth: (p) =>
      `产出增速为负（${show(p.outputGrowth)}）：贡献率照常计算，但含义与正增长时相反，须谨慎解读。`,
    tfp_level_undefined: (p) => `部门组「${p.group}」第 ${p.index + 1} 期的产出、资本或劳动不为正：TFP 水平无定义。`,
    cv_undefined: (p) => `均值为 ${show(p.mean)}：变异系数无定义。`,
    negative_mean: (p) => `均值为负（${show(p.mean)}）：变异系数带负号。`,
  },
  en: {
    official_value_differs: (p) =>
      `The official ${p.year} value ${show(p.official)} differs from the one computed by definition, ${show(p.computed)}, by ${pct(p.relativeDifference)} (more than ${pct(p.tolerance)}); the price base or data vintage may differ. The official value is shown.`,
    official_value_used: (p) => `The officially published value is used for ${p.year}.`,
    missing_input: (p) => `${p.year} cannot be computed: ${EN_MISSING[p.missing]} is missing.`,
    negative_investment: (p) =>
      `Investment in “${p.asset}” is negative in period ${p.index + 1} (${show(p.value)}) and was accumulated as given. Check the data.`,
    current_price_investment: (p) =>
      `No price index was given for “${p.asset}”: investment was accumulated at current prices, so the stock includes price changes.`,
    growth_window_truncated: (p) =>
      `The growth window for the initial stock of “${p.asset}” was shortened from ${p.requested} to the ${p.used} years available.`,
    undefined_growth: (p) =>
      `The growth rate of “${p.series}” in period ${p.index + 1} cannot be computed: its base is not positive.`,
    averaging_window_truncated: (p) =>
      `Fewer growth rates than the averaging window ${p.requested}: the average uses the ${p.used} available.`,
    output_growth_near_zero: (p) =>
      `Output growth ${show(p.outputGrowth)} is close to 0 (|g| < ${show(p.threshold)}): contribution rates do not exist and are shown as empty.`,
    negative_output_growth: (p) =>
      `Output growth is negative (${show(p.outputGrowth)}): contribution rates are computed, but read them with care — their sign reverses.`,
    tfp_level_undefined: (p) =>
      `Output, capital or labour of group “${p.group}” is not positive in period ${p.index + 1}: its TFP level cannot be computed.`,
    cv_undefined: (p) => `The mean is ${show(p.mean)}: the coefficient of variation does not exist.`,
    negative_mean: (p) => `The mean is negative (${show(p.mean)}): the coefficient of variation carries its sign.`,
  },
};
