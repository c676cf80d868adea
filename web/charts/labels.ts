/**
 * Chart labels (zh-CN / en). Builders never hard-code text: they receive one of these objects, so the
 * dashboard and the report print the same words. Term names come from the one glossary,
 * src/i18n/glossary.ts (STYLE §2.4): 影响力系数, 感应度系数, 直接消耗系数 A, 完全需要系数 L, method names.
 */
import { term, termLabel } from "../../src/i18n/glossary.js";
import type { Locale } from "./api-types.js";

export interface ProvenanceLabels {
  readonly heading: string;
  readonly dataset: string;
  readonly tableYear: string;
  readonly method: string;
  readonly parameters: string;
  readonly sourceFile: string;
  readonly sha256: string;
  readonly computedAt: string;
  readonly software: string;
  readonly classification: string;
  readonly caveats: string;
  /** localized names of method ids (group methods, variants, use-cases); unknown ids are shown as is */
  readonly methods?: Readonly<Record<string, string>>;
}

export interface ChartLabels {
  readonly locale: Locale;
  readonly series: {
    readonly title: string;
    readonly subtitle: string;
    readonly subtitlePublished: string;
    readonly influence: string;
    readonly sensitivity: string;
    readonly publishedSuffix: string;
    readonly estimatedSuffix: string;
    readonly reference: string;
    readonly year: string;
    readonly coefficient: string;
    readonly source: string;
    readonly sources: Readonly<Record<string, string>>;
    readonly table: string;
    readonly printed: string;
    readonly citation: string;
    readonly computedSameYear: string;
    readonly interpolatedBetween: string;
  };
  readonly quadrant: {
    readonly title: string;
    readonly influenceAxis: string;
    readonly sensitivityAxis: string;
    readonly digital: string;
    readonly others: string;
    readonly block: string;
    readonly key: string;
    readonly backward: string;
    readonly forward: string;
    readonly weak: string;
    readonly code: string;
  };
  readonly heatmap: {
    readonly titleA: string;
    readonly titleL: string;
    readonly row: string;
    readonly column: string;
    readonly value: string;
    readonly clipped: string;
  };
  readonly cycle: {
    readonly title: string;
    readonly subtitle: string;
    readonly series: string;
    readonly growth: string;
    readonly weak: string;
    readonly phases: string;
    readonly year: string;
    readonly axis: string;
    readonly level: string;
    readonly weakFlag: string;
    readonly yes: string;
    readonly no: string;
  };
  readonly fusion: {
    readonly title: string;
    readonly subtitle: (baseYear: number) => string;
    readonly index: string;
    readonly gdp: string;
    readonly consumption: string;
    readonly investment: string;
    readonly netExports: string;
    readonly published: string;
    readonly publishedAxis: string;
    readonly axis: string;
    readonly year: string;
    readonly baseYear: (year: number) => string;
    readonly crossing: (year: number) => string;
    readonly table: string;
    readonly notComparable: string;
  };
  readonly region: {
    readonly intervalTitle: string;
    readonly intervalSubtitle: string;
    readonly rankAxis: string;
    readonly interval: string;
    readonly median: string;
    readonly rank: string;
    readonly score: string;
    readonly tier: string;
    readonly sobolTitle: string;
    readonly sobolSubtitle: string;
    readonly firstOrder: string;
    readonly total: string;
    readonly factors: Readonly<Record<string, string>>;
    readonly mapTitle: string;
    readonly tierName: (tier: number) => string;
    readonly noData: string;
    /** names of the indicators of the public-data spec (data/specs/region-2135n-spec.json) */
    readonly indicators: Readonly<Record<string, string>>;
    /** catalogue statuses: filled, no_public_data, context */
    readonly statuses: Readonly<Record<string, string>>;
    /** units of the national anchors (data/published) */
    readonly units: Readonly<Record<string, string>>;
  };
  readonly provenance: ProvenanceLabels;
}

/** Names of the group methods and linkage variants, from the glossary. */
function methodTerms(lang: Locale): Record<string, string> {
  return {
    two_block: term("two_block", lang),
    merge: term("merge", lang),
    weighted_mean: term("weighted_mean", lang),
    leontief: term("variant_leontief", lang),
    ghosh_sensitivity: term("variant_ghosh_sensitivity", lang),
    weighted: term("variant_weighted", lang),
  };
}

const zh: ChartLabels = {
  locale: "zh-CN",
  series: {
    title: "数字部门影响力系数与感应度系数",
    subtitle: "实线、实心点：投入产出表年份；虚线、空心点：插值或外推年份",
    subtitlePublished: "；菱形/三角：报告公布值",
    influence: termLabel("influence_coefficient", "zh-CN"),
    sensitivity: termLabel("sensitivity_coefficient", "zh-CN"),
    publishedSuffix: "（公布值）",
    estimatedSuffix: "（插值/外推）",
    reference: "全国平均 = 1",
    year: "年份",
    coefficient: "系数",
    source: "来源",
    sources: {
      table: "投入产出表",
      interpolated: "表间线性插值（A 矩阵）",
      extrapolated_hold: "沿用最近表（持平外推）",
      ras: "RAS 更新",
    },
    table: "表",
    printed: "报告印刷值",
    citation: "出处",
    computedSameYear: "同年计算值",
    interpolatedBetween: "插值区间",
  },
  quadrant: {
    title: "关键部门识别：影响力系数 × 感应度系数",
    influenceAxis: termLabel("influence_coefficient", "zh-CN"),
    sensitivityAxis: termLabel("sensitivity_coefficient", "zh-CN"),
    digital: termLabel("digital_sectors", "zh-CN"),
    others: "其他部门",
    block: "数字部门整体",
    key: "关键部门",
    backward: "后向联系强",
    forward: "前向联系强",
    weak: "弱联系",
    code: "代码",
  },
  heatmap: {
    titleA: `${term("direct_input_coefficients", "zh-CN")}矩阵 A`,
    titleL: `${term("leontief_inverse", "zh-CN")}矩阵 L（列昂惕夫逆）`,
    row: "行（投入部门）",
    column: "列（使用部门）",
    value: "系数",
    clipped: "色阶上限为非对角元素第 98 百分位",
  },
  cycle: {
    title: "增长周期与技术性疲软",
    subtitle: "红色：技术性疲软年份（增速连续两年下滑），浅红色带：疲软阶段；顶部：种子文献图3的周期阶段",
    series: "序列",
    growth: "同比增速",
    weak: "技术性疲软",
    phases: "文献周期阶段",
    year: "年份",
    axis: "增速（%）",
    level: "水平值",
    weakFlag: "技术性疲软",
    yes: "是",
    no: "否",
  },
  fusion: {
    title: "实数融合发展指数（公开数据近似）与GDP指数",
    subtitle: (b) =>
      `柱：分项指数（相加为总指数），线：总指数与GDP指数，${b}年 = 100；菱形：信通院公布值（右轴，数据不同，水平不可比）`,
    index: "融合指数（近似）",
    gdp: "GDP指数",
    consumption: "数字最终消费",
    investment: "数字投资",
    netExports: "数字净出口",
    published: "信通院公布值",
    publishedAxis: "信通院公布值（另一口径）",
    axis: "指数",
    year: "年份",
    baseYear: (y) => `基期 ${y} = 100`,
    crossing: (y) => `${y}年首次超过GDP指数`,
    table: "表",
    notComparable: "与近似值数据不同，水平不可比",
  },
  region: {
    intervalTitle: "排名的不确定性：5%—95% 排名区间",
    intervalSubtitle: "蒙特卡洛：标准化、赋权方法、权重扰动、汇总方法、剔除指标；圆点为中位排名，菱形为基准排名",
    rankAxis: "排名（1 = 最高）",
    interval: "5%—95% 区间",
    median: "中位排名",
    rank: "基准排名",
    score: "综合得分",
    tier: "梯队",
    sobolTitle: "排名的敏感性：Sobol 指数",
    sobolSubtitle: "各项分析选择对排名方差的贡献：一阶效应与总效应",
    firstOrder: "一阶效应",
    total: "总效应",
    factors: {
      normalisation: "标准化方法",
      weighting: "赋权方法",
      weights: "权重扰动",
      aggregation: "汇总方法",
      dropped: "剔除一个指标",
      imputation: "缺失值插补",
    },
    mapTitle: "31个省份综合得分",
    tierName: (t) => `第${t}梯队`,
    noData: "无数据",
    indicators: {
      digital_share: "数字部门总产出占比（%）",
      ict_services_share: "信息传输、软件和信息技术服务业总产出占比（%）",
      electronics_share: "计算机、通信和其他电子设备制造业总产出占比（%）",
      gdp: "地区生产总值（亿元）",
      gdp_growth: "地区生产总值增速（%）",
    },
    statuses: {
      filled: "已用公开数据填充",
      no_public_data: "无公开的省级数据",
      context: "背景参考（不计入指数）",
    },
    units: {
      per_10k_people: "个/万人",
      "10k_units": "万个",
      "10k_racks": "万架",
      eflops: "EFLOPS",
      count: "个",
      trillion_cny: "万亿元",
      "%": "%",
      "100m_cny": "亿元",
      "100m_people": "亿人",
    },
  },
  provenance: {
    heading: termLabel("provenance", "zh-CN"),
    dataset: termLabel("dataset", "zh-CN"),
    tableYear: "表年份",
    method: "方法",
    parameters: "参数",
    sourceFile: "源文件",
    sha256: "SHA-256",
    computedAt: "计算时间",
    software: "软件版本",
    classification: "分类",
    caveats: "注意事项",
    methods: {
      ...methodTerms("zh-CN"),
      io_linkages: "影响力系数与感应度系数",
      io_series: "部门组系数时间序列",
      io_intensity: "数字化投入、产出强度",
      io_direct_input_coefficients: term("direct_input_coefficients", "zh-CN"),
      io_leontief_inverse: `${term("leontief_inverse", "zh-CN")}（列昂惕夫逆）`,
      interpolate_A_two_block: "两部门表直接消耗系数线性插值",
      linear_in_coefficients: "系数线性插值",
      index_cycle: "增长周期与技术性疲软",
      index_weights: "指标赋权",
      fusion_index_public_proxy: "实数融合发展指数（公开数据近似）",
      region_rank: "“2135+N”区域评价",
      tier_value_added_structure: "各层级增加值结构",
      cost_benefit: "数字化成本收益",
    },
  },
};

const en: ChartLabels = {
  locale: "en",
  series: {
    title: "Digital block: influence and sensitivity coefficients",
    subtitle: "Solid, filled: IO table years; dashed, hollow: interpolated or held years",
    subtitlePublished: "; diamonds/triangles: published values",
    influence: termLabel("influence_coefficient", "en"),
    sensitivity: termLabel("sensitivity_coefficient", "en"),
    publishedSuffix: " (published)",
    estimatedSuffix: " (interpolated/held)",
    reference: "Economy average = 1",
    year: "Year",
    coefficient: "Coefficient",
    source: "Source",
    sources: {
      table: "IO table",
      interpolated: "Linear interpolation of A between tables",
      extrapolated_hold: "Latest table held constant",
      ras: "RAS update",
    },
    table: "Table",
    printed: "Printed value",
    citation: "Citation",
    computedSameYear: "Computed, same year",
    interpolatedBetween: "Interpolated between",
  },
  quadrant: {
    title: "Key sectors: influence × sensitivity",
    influenceAxis: `${termLabel("influence_coefficient", "en")} (backward)`,
    sensitivityAxis: `${termLabel("sensitivity_coefficient", "en")} (forward)`,
    digital: termLabel("digital_sectors", "en"),
    others: "Other sectors",
    block: "Digital block",
    key: "Key sectors",
    backward: "Backward-oriented",
    forward: "Forward-oriented",
    weak: "Weak linkage",
    code: "Code",
  },
  heatmap: {
    titleA: `${termLabel("direct_input_coefficients", "en")} A`,
    titleL: `${termLabel("leontief_inverse", "en")} L`,
    row: "Row (supplying sector)",
    column: "Column (using sector)",
    value: "Coefficient",
    clipped: "colour scale capped at the 98th percentile of off-diagonal cells",
  },
  cycle: {
    title: "Growth cycle and technical weakness",
    subtitle:
      "Red: technically weak years (growth fell two years running), shaded: weak episodes; top: the seed's phases",
    series: "Series",
    growth: "Year-on-year growth",
    weak: "Technical weakness",
    phases: "Seed's phases",
    year: "Year",
    axis: "Growth (%)",
    level: "Level",
    weakFlag: "Technically weak",
    yes: "yes",
    no: "no",
  },
  fusion: {
    title: "Real–digital integration index (public-data proxy) and GDP index",
    subtitle: (b) =>
      `Bars: sub-indices (they add up to the index); lines: index and GDP index, ${b} = 100; diamonds: CAICT's published values (right axis, different data, levels not comparable)`,
    index: "Integration index (proxy)",
    gdp: "GDP index",
    consumption: "Digital final consumption",
    investment: "Digital investment",
    netExports: "Digital net exports",
    published: "CAICT published",
    publishedAxis: "CAICT published (own basis)",
    axis: "Index",
    year: "Year",
    baseYear: (y) => `base ${y} = 100`,
    crossing: (y) => `first above the GDP index in ${y}`,
    table: "Table",
    notComparable: "different data from the proxy; levels not comparable",
  },
  region: {
    intervalTitle: "Uncertainty of the ranks: 5–95 % rank intervals",
    intervalSubtitle:
      "Monte Carlo over normalisation, weighting method, perturbed weights, aggregation and a dropped indicator; dot: median rank, diamond: baseline rank",
    rankAxis: "Rank (1 = highest)",
    interval: "5–95 % interval",
    median: "Median rank",
    rank: "Baseline rank",
    score: "Composite score",
    tier: "Tier",
    sobolTitle: "Sensitivity of the ranks: Sobol indices",
    sobolSubtitle: "Share of the rank variance due to each analytical choice: first-order and total effects",
    firstOrder: "First order",
    total: "Total",
    factors: {
      normalisation: "Normalisation",
      weighting: "Weighting method",
      weights: "Perturbed weights",
      aggregation: "Aggregation",
      dropped: "One indicator dropped",
      imputation: "Imputation",
    },
    mapTitle: "Composite score of the 31 provinces",
    tierName: (t) => `Tier ${t}`,
    noData: "no data",
    indicators: {
      digital_share: "digital sectors' share of gross output (%)",
      ict_services_share: "ICT services' share of gross output (%)",
      electronics_share: "electronics manufacturing's share of gross output (%)",
      gdp: "regional GDP (100 million yuan)",
      gdp_growth: "regional GDP growth (%)",
    },
    statuses: {
      filled: "filled from public data",
      no_public_data: "no public provincial data",
      context: "context (not in the index)",
    },
    units: {
      per_10k_people: "per 10 000 people",
      "10k_units": "× 10 000",
      "10k_racks": "× 10 000 racks",
      eflops: "EFLOPS",
      count: "",
      trillion_cny: "trillion yuan",
      "%": "%",
      "100m_cny": "× 100 million yuan",
      "100m_people": "× 100 million people",
    },
  },
  provenance: {
    heading: termLabel("provenance", "en"),
    dataset: termLabel("dataset", "en"),
    tableYear: "Table year",
    method: "Method",
    parameters: "Parameters",
    sourceFile: "Source file",
    sha256: "SHA-256",
    computedAt: "Computed at",
    software: "Software",
    classification: "Classification",
    caveats: "Caveats",
    methods: {
      ...methodTerms("en"),
      io_linkages: "influence and sensitivity coefficients",
      io_series: "group coefficient series",
      io_intensity: "digital input and output intensity",
      io_direct_input_coefficients: term("direct_input_coefficients", "en"),
      io_leontief_inverse: term("leontief_inverse", "en"),
      interpolate_A_two_block: "linear interpolation of A of the two-block table",
      linear_in_coefficients: "linear interpolation of the coefficients",
      index_cycle: "growth cycle and technical weakness",
      index_weights: "indicator weights",
      fusion_index_public_proxy: "real–digital integration index (public-data proxy)",
      region_rank: '"2135+N" regional evaluation',
      tier_value_added_structure: "value-added structure by tier",
      cost_benefit: "cost–benefit of digitalisation",
    },
  },
};

/** The localized name of a method id (e.g. "two_block" → 两部门合并法), or the id itself when unknown. */
export function methodLabel(labels: ProvenanceLabels, id: string): string {
  return labels.methods?.[id] ?? id;
}

/** The chart labels for a locale (zh-CN is the default for anything unknown). */
export function chartLabels(locale: Locale): ChartLabels {
  return locale === "en" ? en : zh;
}
