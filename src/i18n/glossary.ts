/**
 * Domain glossary (术语表): one Chinese and one English name for every term, used by the UI, the
 * CLI headers, reports and docs (STYLE §2.4). Keys are stable snake_case ids.
 */
import type { Lang } from "./format.js";

export interface GlossaryEntry {
  readonly zh: string;
  readonly en: string;
  /** short English form for headers and legends (e.g. "influence"), when `en` is long */
  readonly enShort?: string;
  /** conventional symbol, when the term has one */
  readonly symbol?: string;
  /** one-line definition in each language */
  readonly definitionZh?: string;
  readonly definitionEn?: string;
}

export const GLOSSARY = {
  io_table: { zh: "投入产出表", en: "input–output table" },
  intermediate_flows: { zh: "中间流量", en: "intermediate flows", symbol: "Z" },
  gross_output: { zh: "总产出", en: "gross output", symbol: "x" },
  final_demand: { zh: "最终使用", en: "final demand", symbol: "Y" },
  value_added: { zh: "增加值", en: "value added" },
  direct_input_coefficients: {
    zh: "直接消耗系数",
    en: "direct input coefficients",
    symbol: "A",
    definitionZh: "a_ij = z_ij / x_j：j 部门每单位总产出直接消耗 i 部门产品的数量",
    definitionEn: "a_ij = z_ij / x_j: input from sector i per unit of sector j's output",
  },
  leontief_inverse: {
    zh: "完全需要系数",
    en: "Leontief inverse",
    symbol: "L",
    definitionZh: "L = (I − A)⁻¹（列昂惕夫逆矩阵）",
    definitionEn: "L = (I − A)⁻¹",
  },
  total_consumption_coefficients: {
    zh: "完全消耗系数",
    en: "total consumption coefficients",
    symbol: "B",
    definitionZh: "B = L − I",
    definitionEn: "B = L − I",
  },
  allocation_coefficients: { zh: "直接分配系数", en: "allocation coefficients (Ghosh)", symbol: "H" },
  ghosh_inverse: { zh: "完全供给系数（Ghosh 逆矩阵）", en: "Ghosh inverse", symbol: "G" },
  influence_coefficient: {
    zh: "影响力系数",
    en: "influence coefficient (backward linkage, power of dispersion)",
    enShort: "influence",
    definitionZh: "某部门增加一单位最终产品时对国民经济各部门产生的生产需求波及程度",
    definitionEn: "column sum of L relative to the average column sum",
  },
  sensitivity_coefficient: {
    zh: "感应度系数",
    en: "sensitivity coefficient (forward linkage)",
    enShort: "sensitivity",
    definitionZh: "各部门均增加一单位最终使用时某部门受到的需求感应程度",
    definitionEn: "row sum of L (or of the Ghosh inverse) relative to the average row sum",
  },
  output_multiplier: { zh: "产出乘数", en: "output multiplier" },
  digital_sectors: {
    zh: "数字部门",
    en: "digital sectors",
    definitionZh: "默认 D = {S20 通信设备、计算机和其他电子设备, S32 信息传输、软件和信息技术服务}",
    definitionEn: "default D = {S20 communication equipment & computers, S32 information & software services}",
  },
  rest_of_economy: { zh: "其他部门", en: "rest of the economy" },
  digital_input_share: { zh: "数字化投入占比", en: "digital input share" },
  digital_output_share: { zh: "数字化产出", en: "digital output share (forward)" },
  direct_intermediate: { zh: "数字投入/中间投入", en: "digital / intermediate inputs" },
  direct_total: { zh: "数字投入/总投入", en: "digital / total inputs" },
  complete_consumption: { zh: "数字产品完全消耗", en: "complete digital consumption" },
  forward_share: { zh: "流向数字部门的产出占比", en: "output share delivered to digital sectors" },
  real_digital_integration: { zh: "数实融合", en: "real–digital integration" },
  digital_economy: { zh: "数字经济", en: "digital economy" },
  competitive_imports: { zh: "竞争型进口", en: "competitive imports" },
  non_competitive_imports: { zh: "非竞争型进口", en: "non-competitive imports" },
  extension_table: { zh: "延长表", en: "extension table" },
  benchmark_table: { zh: "基本表", en: "benchmark table" },
  interpolated: { zh: "插值", en: "interpolated" },
  table_year: { zh: "编表年份", en: "table year" },
  spectral_radius: { zh: "谱半径", en: "spectral radius" },
  condition_number: { zh: "条件数", en: "condition number" },
  two_block: { zh: "两部门合并法", en: "two-block aggregation" },
  merge: { zh: "部门合并法", en: "merge the group into one sector" },
  weighted_mean: { zh: "产出加权平均法", en: "output-weighted mean" },
  variant_leontief: { zh: "列昂惕夫逆（传统）", en: "Leontief inverse (Rasmussen)" },
  variant_ghosh_sensitivity: { zh: "Ghosh 供给侧感应度", en: "Ghosh supply-side sensitivity" },
  variant_weighted: { zh: "加权", en: "weighted" },
  total_factor_productivity: { zh: "全要素生产率", en: "total factor productivity (TFP)" },
  value_added_share: { zh: "增加值占比", en: "value-added share" },
  growth_contribution: {
    zh: "增长贡献率",
    en: "growth contribution",
    definitionZh: "c_k,t = (X_k,t − X_k,t−1) / (X_t − X_t−1)：某层级增量占总增量的比重",
    definitionEn: "c_k,t = (X_k,t − X_k,t−1) / (X_t − X_t−1): a tier's share of the total change",
  },
  main_business_cost_ratio: {
    zh: "主营业务成本率",
    en: "main-business cost ratio",
    definitionZh: "主营业务成本 / 主营业务收入",
    definitionEn: "cost of main business / main-business revenue",
  },
  profit_to_cost_ratio: {
    zh: "成本费用利润率",
    en: "profit-to-cost ratio",
    definitionZh: "利润总额 / (主营业务成本 + 销售费用 + 管理研发费用 + 财务费用)",
    definitionEn: "total profit / (cost of main business + selling + management and R&D + financial expenses)",
  },
  digitalisation_elasticity: {
    zh: "数字化弹性",
    en: "digitalisation elasticity",
    definitionZh: "数字化投入每变动 1%，对应环节成本（占收入比重）变动的百分比",
    definitionEn: "percentage change of a cost component (relative to revenue) per 1 % more digital input",
  },
  provenance: { zh: "数据来源", en: "provenance" },
  dataset: { zh: "数据集", en: "dataset" },
} as const satisfies Record<string, GlossaryEntry>;

export type GlossaryKey = keyof typeof GLOSSARY;

/** The term in the given language. */
export function term(key: GlossaryKey, lang: Lang): string {
  const e: GlossaryEntry = GLOSSARY[key];
  return lang === "zh-CN" ? e.zh : e.en;
}

/** The short form of a term (Chinese, or the short English form when there is one). */
export function termShort(key: GlossaryKey, lang: Lang): string {
  const e: GlossaryEntry = GLOSSARY[key];
  return lang === "zh-CN" ? e.zh : (e.enShort ?? e.en);
}

/** A term as a label: the short form, first letter upper-cased in English ("Influence", "Dataset"). */
export function termLabel(key: GlossaryKey, lang: Lang): string {
  const s = termShort(key, lang);
  return lang === "zh-CN" ? s : s.charAt(0).toUpperCase() + s.slice(1);
}
