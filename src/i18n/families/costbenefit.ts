/**
 * Cost–benefit family (成本收益): diagnostics of src/core/costbenefit (cost–benefit ratios and tier
 * averages, the regression of ratios on digital input, digitalisation elasticities; spec §7). Its
 * contract violations reuse the common codes with a cost–benefit `reason` (reasons.ts).
 */
import { show } from "../params.js";
import type { Bilingual } from "./types.js";

type Ratio = "cost_ratio" | "profit_ratio";
type Component = "production" | "management_rd" | "financial" | "sales";

export interface CostBenefitDiagnosticParams {
  readonly ratio_denominator_not_positive: {
    readonly sector: string;
    readonly year: number;
    readonly ratio: Ratio;
    readonly denominator: number;
  };
  readonly rd_in_admin: { readonly count: number; readonly firms: readonly string[] };
  readonly rd_exceeds_admin: {
    readonly firm?: string;
    readonly sector: string;
    readonly year: number;
    readonly rdExp: number;
    readonly adminExp: number;
  };
  readonly sector_without_tier: { readonly count: number; readonly sectors: readonly string[] };
  readonly tier_without_sectors: { readonly tier: string; readonly year: number; readonly ratio: Ratio };
  readonly non_positive_rows_dropped: {
    readonly count: number;
    readonly n: number;
    readonly keys: readonly string[];
    readonly component?: Component;
  };
  readonly observations_outside_window: { readonly count: number; readonly from: number; readonly to: number };
  readonly elasticity_too_few_sectors: {
    readonly component: Component;
    readonly year: number;
    readonly count: number;
    readonly required: number;
  };
  readonly elasticity_not_identified: { readonly component: Component; readonly year: number };
  readonly aggregate_not_positive: { readonly component: Component; readonly year: number };
  readonly window_incomplete: {
    readonly component: Component;
    readonly from: number;
    readonly to: number;
    readonly used: number;
    readonly expected: number;
    readonly missing: readonly number[];
  };
}

const ZH_RATIO: Record<Ratio, string> = { cost_ratio: "主营业务成本率", profit_ratio: "成本费用利润率" };
const EN_RATIO: Record<Ratio, string> = {
  cost_ratio: "main-business cost ratio",
  profit_ratio: "profit-to-cost ratio",
};
const ZH_DENOMINATOR: Record<Ratio, string> = { cost_ratio: "主营业务收入", profit_ratio: "成本费用总额" };
const EN_DENOMINATOR: Record<Ratio, string> = { cost_ratio: "main revenue", profit_ratio: "total cost" };
const ZH_COMPONENT: Record<Component, string> = {
  production: "生产成本",
  management_rd: "管理研发成本",
  financial: "财务成本",
  sales: "销售成本",
};
const EN_COMPONENT: Record<Component, string> = {
  production: "production cost",
  management_rd: "management and R&D cost",
  financial: "financial cost",
  sales: "sales cost",
};
const zhComponent = (c: Component | undefined): string =>
  c === undefined ? "" : `「${ZH_COMPONENT[c] ?? "未知环节"}」`;
const enComponent = (c: Component | undefined): string => (c === undefined ? "" : ` (${EN_COMPONENT[c] ?? show(c)})`);

export const diagnostics: Bilingual<CostBenefitDiagnosticParams> = {
  "zh-CN": {
    ratio_denominator_not_positive: (p) =>
      `部门 ${p.sector} ${p.year} 年的${ZH_DENOMINATOR[p.ratio]}为 ${show(p.denominator)}（不为正）：${ZH_RATIO[p.ratio]}无定义，记为空值，该部门不计入层级平均。`,
    rd_in_admin: (p) =>
      `${p.count} 条记录的研发费用已计入管理费用（${show(p.firms.slice(0, 5))}${p.count > 5 ? " 等" : ""}），计算管理研发成本时未重复加计。`,
    rd_exceeds_admin: (p) =>
      `${p.firm !== undefined ? `企业 ${p.firm}（部门 ${p.sector}）` : `部门 ${p.sector}`} ${p.year} 年标注研发费用已含在管理费用中，但研发费用 ${show(p.rdExp)} 大于管理费用 ${show(p.adminExp)}。请核实该标注。`,
    sector_without_tier: (p) =>
      `${p.count} 个部门没有层级归属（${show(p.sectors.slice(0, 10))}${p.count > 10 ? " 等" : ""}），未计入层级平均。`,
    tier_without_sectors: (p) =>
      `层级「${p.tier}」${p.year} 年没有可用的部门${ZH_RATIO[p.ratio]}：该层级平均值记为空值。`,
    non_positive_rows_dropped: (p) =>
      `${zhComponent(p.component)}${p.count} 个部门年份观测因数字化投入、比率或成本不为正（无法取对数）而被剔除，保留 ${p.n} 个。`,
    observations_outside_window: (p) => `${p.count} 个观测不在 ${p.from}—${p.to} 年的估计区间内，未参与回归。`,
    elasticity_too_few_sectors: (p) =>
      `${p.year} 年${zhComponent(p.component)}只有 ${p.count} 个部门数据有效（至少需要 ${p.required} 个）：该年弹性记为空值，不计入区间均值。`,
    elasticity_not_identified: (p) =>
      `${p.year} 年${zhComponent(p.component)}的弹性无法识别：各部门数字化投入相同，或数字化投入与上年相比没有变化。该年弹性记为空值。`,
    aggregate_not_positive: (p) =>
      `${p.year} 年或上年${zhComponent(p.component)}的全经济汇总值不为正，无法取对数：该年弧弹性记为空值。`,
    window_incomplete: (p) =>
      `${zhComponent(p.component)}${p.from}—${p.to} 年区间应有 ${p.expected} 个年度弹性，实际只用了 ${p.used} 个（缺 ${show(p.missing)} 年）。`,
  },
  en: {
    ratio_denominator_not_positive: (p) =>
      `The ${EN_DENOMINATOR[p.ratio]} of sector ${p.sector} in ${p.year} is ${show(p.denominator)} (not positive): its ${EN_RATIO[p.ratio]} does not exist, is shown as empty and is left out of the tier averages.`,
    rd_in_admin: (p) =>
      `${p.count} rows book R&D inside management expenses (${show(p.firms.slice(0, 5))}${p.count > 5 ? ", …" : ""}); it was not added again to the management and R&D cost.`,
    rd_exceeds_admin: (p) =>
      `${p.firm !== undefined ? `Firm ${p.firm} (sector ${p.sector})` : `Sector ${p.sector}`} in ${p.year} is flagged as booking R&D inside management expenses, but R&D ${show(p.rdExp)} exceeds management expenses ${show(p.adminExp)}. Check the flag.`,
    sector_without_tier: (p) =>
      `${p.count} sectors have no tier (${show(p.sectors.slice(0, 10))}${p.count > 10 ? ", …" : ""}) and were left out of the tier averages.`,
    tier_without_sectors: (p) =>
      `No sector of tier “${p.tier}” has a valid ${EN_RATIO[p.ratio]} in ${p.year}: the tier average is shown as empty.`,
    non_positive_rows_dropped: (p) =>
      `${p.count} sector-years${enComponent(p.component)} were dropped because digital input, the ratio or the cost is not positive (no logarithm); ${p.n} remain.`,
    observations_outside_window: (p) =>
      `${p.count} observations lie outside the estimation window ${p.from}–${p.to} and were not used.`,
    elasticity_too_few_sectors: (p) =>
      `Only ${p.count} sectors have valid data${enComponent(p.component)} in ${p.year} (at least ${p.required} needed): that year's elasticity is empty and left out of the window means.`,
    elasticity_not_identified: (p) =>
      `The elasticity${enComponent(p.component)} in ${p.year} is not identified: digital input is the same in every sector, or did not change from the previous year. It is shown as empty.`,
    aggregate_not_positive: (p) =>
      `An economy aggregate${enComponent(p.component)} in ${p.year} or the year before is not positive, so it has no logarithm: that year's arc elasticity is empty.`,
    window_incomplete: (p) =>
      `The window ${p.from}–${p.to}${enComponent(p.component)} should have ${p.expected} annual elasticities but uses ${p.used} (missing: ${show(p.missing)}).`,
  },
};
