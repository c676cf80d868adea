/** Words of the IO family's report sections (zh-CN / en). Chart words come from `web/charts/labels.ts`. */
import type { ReportLocale } from "../types.js";

export interface IoReportText {
  readonly featuredTable: string;
  readonly seriesNote: string;
  readonly seriesNotePublished: string;
  readonly quadrantNote: string;
  readonly heatmapNoteA: string;
  readonly heatmapNoteL: string;
  readonly blockSummary: (influence: string, sensitivity: string, method: string) => string;
  readonly comparisonTitle: string;
  readonly comparisonIntro: string;
  readonly columns: {
    readonly ref: string;
    readonly quantity: string;
    readonly year: string;
    readonly computed: string;
    readonly published: string;
    readonly gap: string;
    readonly status: string;
    readonly reason: string;
  };
  readonly statuses: Readonly<Record<string, string>>;
  readonly quantities: Readonly<Record<string, string>>;
  readonly computedFrom: (year: number) => string;
  readonly citation: string;
  readonly diagnostics: string;
  readonly noDiagnostics: string;
}

const zh: IoReportText = {
  featuredTable: "示例表",
  seriesNote:
    "影响力系数 F_j = c_j / ((1/n) Σ_k c_k)，感应度系数 E_i = r_i / ((1/n) Σ_k r_k)，c、r 为列昂惕夫逆 " +
    "L = (I − A)⁻¹ 的列和与行和（Rasmussen 指数；Miller & Blair 2009 第 2 章）。数字部门先合并为一个部门" +
    "（two_block：数字部门与其余部门两部门表）再计算。无投入产出表的年份对 A 矩阵按年份线性插值，" +
    "最后一张表之后沿用该表（持平外推），以虚线和空心点标出。",
  seriesNotePublished: "菱形、三角为报告公布值（出处见“与公布值的比较”表）。",
  quadrantNote:
    "横轴为各部门影响力系数（后向联系），纵轴为感应度系数（前向联系），虚线为全国平均 1。两者均大于 1 的" +
    "部门为关键部门；红色为数字部门，紫色菱形为数字部门整体。",
  heatmapNoteA:
    "直接消耗系数 a_ij = z_ij / x_j（行 i 为投入部门，列 j 为使用部门）；色阶上限为非对角元素第 98 百分位。",
  heatmapNoteL:
    "完全需要系数 L = (I − A)⁻¹，a_ij = z_ij / x_j，经 LU 分解求解（行 i 为投入部门，列 j 为最终需求部门）；" +
    "对角线占优，色阶上限为非对角元素第 98 百分位。",
  blockSummary: (f, e, m) => `数字部门整体：影响力系数 ${f}，感应度系数 ${e}（合并方法 ${m}）。`,
  comparisonTitle: "与公布值的比较",
  comparisonIntro: "将本系统计算值与报告公布值逐项对照；差距 = 计算值 − 公布值。",
  columns: {
    ref: "编号",
    quantity: "指标",
    year: "年份",
    computed: "计算值",
    published: "公布值",
    gap: "差距",
    status: "状态",
    reason: "原因",
  },
  statuses: {
    match: "一致",
    gap: "有差距",
    no_table: "无可比数据",
    approximate: "近似",
    reproduced: "已复现",
    not_comparable: "不可直接比较",
  },
  quantities: {
    influence: "影响力系数",
    sensitivity: "感应度系数",
    influence_change: "影响力系数变化",
    sensitivity_change: "感应度系数变化",
    influence_bound: "影响力系数 > 1",
    sensitivity_bound: "感应度系数 < 1",
    top6_order: "前6位顺序一致数",
    tier_size_high: "高度数字化部门数",
    tier_size_medium: "中度数字化部门数",
    tier_size_low: "低度数字化部门数",
    tier_agreement: "分层一致部门数",
    growth_multiple: "融合指数增长倍数",
    cagr: "融合指数年均增速（%）",
    cagr_gap: "高于GDP增速（百分点）",
    weak_episode: "技术性疲软阶段（年数）",
    crossing_year: "超过GDP指数的年份",
    component_cagr: "分项年均增速（%）",
    index_level: "指数水平值",
    rank_correlation: "Spearman 秩相关",
    labour_productivity: "全员劳动生产率（元/人）",
    tfp_level: "全要素生产率水平",
    regression_slope: "回归斜率",
    tfp_contribution: "全要素生产率贡献率（%）",
    contribution_change: "贡献率变化（百分点）",
    growth_sd: "增速标准差",
    growth_cv: "增速变异系数",
    growth_slowdown: "增速回落（百分点）",
    deepening_rate: "资本深化速度（%）",
    forecast_ratio: "预测比率（%）",
    tier_count_share: "层级部门数占比（%）",
    tier_membership: "五层成员一致部门数",
    tier_va_share: "层级增加值占比（%）",
    tier_contribution: "层级增长贡献率（%）",
    printed_sum: "公布各部分之和（%）",
    tier_cost_ratio: "层级平均主营业务成本率（%）",
    tier_profit_ratio: "层级平均成本费用利润率（%）",
    elasticity_mean: "数字化弹性均值",
  },
  computedFrom: (y) => `计算用 ${y} 年表`,
  citation: "出处",
  diagnostics: "数值诊断",
  noDiagnostics: "无",
};

const en: IoReportText = {
  featuredTable: "Featured table",
  seriesNote:
    "Influence F_j = c_j / ((1/n) Σ_k c_k) and sensitivity E_i = r_i / ((1/n) Σ_k r_k), where c and r are the " +
    "column and row sums of the Leontief inverse L = (I − A)⁻¹ (Rasmussen indices; Miller & Blair 2009, ch. 2). " +
    "The digital sectors are first aggregated into one block (two_block: a two-sector table of the block vs the " +
    "rest). Years without a table interpolate A linearly; after the last table it is held constant — drawn " +
    "dashed with hollow markers.",
  seriesNotePublished: " Diamonds and triangles are published values (sources in the comparison table).",
  quadrantNote:
    "x: influence (backward linkage) of each sector; y: sensitivity (forward linkage); dashed lines mark the " +
    "economy average 1. Sectors above 1 on both are key sectors; red = digital sectors, purple diamond = the block.",
  heatmapNoteA:
    "Direct input coefficients a_ij = z_ij / x_j (row i supplies, column j uses); colour scale capped at the 98th percentile of off-diagonal cells.",
  heatmapNoteL:
    "Leontief inverse L = (I − A)⁻¹ with a_ij = z_ij / x_j, solved by LU (row i supplies, column j final demand); " +
    "the diagonal dominates, so the colour scale is capped at the 98th percentile of off-diagonal cells.",
  blockSummary: (f, e, m) => `Digital block: influence ${f}, sensitivity ${e} (group method ${m}).`,
  comparisonTitle: "Comparison with published values",
  comparisonIntro: "Each computed value beside the value printed in the source; gap = computed − published.",
  columns: {
    ref: "Ref",
    quantity: "Quantity",
    year: "Year",
    computed: "Computed",
    published: "Published",
    gap: "Gap",
    status: "Status",
    reason: "Reason",
  },
  statuses: {
    match: "match",
    gap: "gap",
    no_table: "no comparable value",
    approximate: "approximate",
    reproduced: "reproduced",
    not_comparable: "not directly comparable",
  },
  quantities: {
    influence: "Influence",
    sensitivity: "Sensitivity",
    influence_change: "Change in influence",
    sensitivity_change: "Change in sensitivity",
    influence_bound: "Influence > 1",
    sensitivity_bound: "Sensitivity < 1",
    top6_order: "Top-6 order matches",
    tier_size_high: "Highly digitised sectors",
    tier_size_medium: "Medium digitised sectors",
    tier_size_low: "Low digitised sectors",
    tier_agreement: "Sectors in the same tier",
    growth_multiple: "Index increase (times)",
    cagr: "Index average annual growth (%)",
    cagr_gap: "Above GDP growth (points)",
    weak_episode: "Technical-weakness episode (years)",
    crossing_year: "Year the index overtakes GDP",
    component_cagr: "Component average growth (%)",
    index_level: "Index level",
    rank_correlation: "Spearman rank correlation",
    labour_productivity: "Labour productivity (yuan per person)",
    tfp_level: "TFP level",
    regression_slope: "Regression slope",
    tfp_contribution: "TFP contribution (%)",
    contribution_change: "Change of the contribution (points)",
    growth_sd: "SD of growth",
    growth_cv: "CV of growth",
    growth_slowdown: "Slowdown of growth (points)",
    deepening_rate: "Capital deepening rate (%)",
    forecast_ratio: "Forecast ratio (%)",
    tier_count_share: "tier's share of the 42 sectors (%)",
    tier_membership: "sectors in seed 000's printed tier",
    tier_va_share: "tier's value-added share (%)",
    tier_contribution: "tier's growth contribution (%)",
    printed_sum: "sum of the printed parts (%)",
    tier_cost_ratio: "tier mean cost ratio (%)",
    tier_profit_ratio: "tier mean profit-to-cost ratio (%)",
    elasticity_mean: "mean digitalisation elasticity",
  },
  computedFrom: (y) => `computed from the ${y} table`,
  citation: "Source",
  diagnostics: "Numerical diagnostics",
  noDiagnostics: "none",
};

export function ioReportText(lang: ReportLocale): IoReportText {
  return lang === "en" ? en : zh;
}
