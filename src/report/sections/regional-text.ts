/**
 * Words of the regional report section (区域评价（“2135+N”）; zh-CN / en). Indicator names, catalogue
 * statuses, anchor units, Sobol factors and tier names are the dashboard's (web/charts/labels.ts
 * `region`), so the page and the report agree.
 */
import type { ReportLocale } from "../types.js";

export interface RegionalReportText {
  readonly title: string;
  readonly intro: string;
  readonly method: (runs: number, seed: number) => string;
  readonly mapCaption: (year: number) => string;
  readonly rankingTitle: (year: number) => string;
  readonly columns: {
    readonly rank: string;
    readonly province: string;
    readonly code: string;
    readonly score: string;
    readonly tier: string;
    readonly rankChange: string;
    readonly interval: string;
    readonly digitalShare: string;
    readonly gdpGrowth: string;
  };
  readonly rankChangeNote: (previous: number | null) => string;
  readonly columnsNote: string;
  readonly tiersTitle: string;
  readonly tierRow: (count: number, mean: string) => string;
  readonly disparityTitle: string;
  readonly disparity: {
    readonly cv: string;
    readonly cvSample: string;
    readonly theil: string;
    readonly gini: string;
  };
  readonly noDisparity: string;
  readonly weightsTitle: string;
  readonly sobolTitle: string;
  readonly sobolColumns: { readonly factor: string; readonly firstOrder: string; readonly total: string };
  readonly catalogueTitle: string;
  readonly catalogueIntro: string;
  readonly catalogueColumns: { readonly pillar: string; readonly status: string; readonly content: string };
  readonly anchors: string;
  readonly noAnchors: string;
}

const zh: RegionalReportText = {
  title: "区域评价（“2135+N”）",
  intro:
    "种子 002 §五的“2135+N”框架要求对各地区评价与监测。公开数据只能填充其中的数字产业化支柱：数字部门（计算机、通信和其他电子设备制造业，" +
    "信息传输、软件和信息技术服务业）占各省总产出的比重，来自各省投入产出表（2002、2007、2012、2017 年）。本节给出 31 个省份在这一支柱上的得分、" +
    "排名、梯队与差异；其余支柱没有公开的省级数据，不作估算，只列出种子文献印刷的全国锚定值。",
  method: (runs, seed) =>
    "各指标按年极差标准化到 0—100，支柱内用熵权法赋权（权重见下），算术加权得到综合得分；梯队为综合得分的 Ward 层次聚类（4 类，第 1 梯队得分最高）；" +
    "排名变化与上一个基准年相比（正数为上升）。变异系数 = 标准差 / 均值（总体与样本），泰尔指数 T = (1/n) Σ (x_i/μ) ln(x_i/μ)，" +
    `基尼系数为平均绝对差的一半除以均值（spec §12）。排名区间为蒙特卡洛 ${runs} 次基础样本（种子 ${seed}）中排名的 5%—95% 分位，` +
    "随机组合标准化方法、赋权方法、权重扰动、汇总方法与剔除一个指标；Sobol 一阶效应（Saltelli 估计）与总效应（Jansen 估计）给出各项选择对排名方差的贡献。",
  mapCaption: (y) => `31 个省份综合得分（${y}年），按梯队着色的省级方格地图`,
  rankingTitle: (y) => `${y}年排名`,
  columns: {
    rank: "排名",
    province: "省份",
    code: "代码",
    score: "综合得分",
    tier: "梯队",
    rankChange: "排名变化",
    interval: "5%—95% 排名区间",
    digitalShare: "数字部门占比（%）",
    gdpGrowth: "GDP增速（%，参考）",
  },
  rankChangeNote: (p) => (p === null ? "" : `排名变化：与 ${p} 年相比。`),
  columnsNote:
    "数字部门占比：数字部门占该省总产出的比重；GDP 增速为地区生产总值（国家统计局省级序列）的同比增速，仅作参考，不计入得分。",
  tiersTitle: "梯队（Ward 聚类）",
  tierRow: (n, mean) => `${n} 个省份，平均得分 ${mean}`,
  disparityTitle: "区域差异",
  disparity: { cv: "变异系数（总体）", cvSample: "变异系数（样本）", theil: "泰尔指数 T", gini: "基尼系数" },
  noDisparity: "无法计算",
  weightsTitle: "指标权重（熵权法）",
  sobolTitle: "排名的敏感性（Sobol 指数）",
  sobolColumns: { factor: "分析选择", firstOrder: "一阶效应", total: "总效应" },
  catalogueTitle: "“2135+N”指标目录",
  catalogueIntro:
    "框架的每个支柱及其状态。标为“无公开的省级数据”的支柱不计入得分；旁列种子文献印刷的全国锚定值，供今后补数据时对照。",
  catalogueColumns: { pillar: "支柱", status: "状态", content: "指标 / 全国锚定值（种子文献印刷）" },
  anchors: "全国锚定值",
  noAnchors: "种子文献未印刷全国数值",
};

const en: RegionalReportText = {
  title: 'Regional evaluation ("2135+N")',
  intro:
    'Seed 002 §五\'s "2135+N" frame asks every region to be evaluated and monitored. Public data fill only its digital-industries pillar: the ' +
    "digital sectors' (electronics manufacturing; ICT services) share of each province's gross output, from the provincial input–output " +
    "tables (2002, 2007, 2012, 2017). This section gives the 31 provinces' scores, ranks, tiers and disparity on that pillar; the other " +
    "pillars have no public provincial data and are not estimated — the national anchors the seeds print are listed instead.",
  method: (runs, seed) =>
    "Indicators are min–max normalised within each year to 0–100, weighted by entropy within the pillar (weights below) and aggregated " +
    "arithmetically; tiers are Ward clusters of the composite score (4, tier 1 highest); the rank change is against the previous benchmark " +
    "year (positive = up). CV = standard deviation / mean (population and sample), Theil T = (1/n) Σ (x_i/μ) ln(x_i/μ), Gini = half the mean " +
    `absolute difference over the mean (spec §12). The rank interval is the 5th–95th percentile of the ranks over ${runs} Monte-Carlo base ` +
    `samples (seed ${seed}) combining normalisation, weighting method, perturbed weights, aggregation and one dropped indicator at random; ` +
    "first-order (Saltelli) and total (Jansen) Sobol indices give each choice's share of the rank variance.",
  mapCaption: (y) => `Composite score of the 31 provinces, ${y}: province tile map coloured by tier`,
  rankingTitle: (y) => `Ranking, ${y}`,
  columns: {
    rank: "Rank",
    province: "Province",
    code: "Code",
    score: "Score",
    tier: "Tier",
    rankChange: "Rank change",
    interval: "5–95 % interval",
    digitalShare: "Digital share (%)",
    gdpGrowth: "GDP growth (%)",
  },
  rankChangeNote: (p) => (p === null ? "" : `Rank change: against ${p}.`),
  columnsNote:
    "Digital share: the digital sectors' share of the province's gross output; GDP growth: year-on-year growth of regional GDP (NBS provincial series), context only, not scored.",
  tiersTitle: "Tiers (Ward clustering)",
  tierRow: (n, mean) => `${n} ${n === 1 ? "province" : "provinces"}, mean score ${mean}`,
  disparityTitle: "Regional disparity",
  disparity: {
    cv: "Coefficient of variation (population)",
    cvSample: "Coefficient of variation (sample)",
    theil: "Theil index T",
    gini: "Gini coefficient",
  },
  noDisparity: "cannot be computed",
  weightsTitle: "Indicator weights (entropy)",
  sobolTitle: "Sensitivity of the ranks (Sobol indices)",
  sobolColumns: { factor: "Analytical choice", firstOrder: "First order", total: "Total" },
  catalogueTitle: 'The "2135+N" catalogue',
  catalogueIntro:
    'Every pillar of the frame with its status. Pillars marked "no public provincial data" are not scored; the national anchors the seeds print are listed beside them for when data arrive.',
  catalogueColumns: {
    pillar: "Pillar",
    status: "Status",
    content: "Indicators / national anchors (printed in the seeds)",
  },
  anchors: "National anchors",
  noAnchors: "no national figure printed in the seeds",
};

export function regionalReportText(lang: ReportLocale): RegionalReportText {
  return lang === "en" ? en : zh;
}
