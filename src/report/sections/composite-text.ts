/**
 * Words of the composite family's report sections (zh-CN / en). Names of reproduction quantities,
 * statuses and table columns are the IO sections' (sections/io-text.ts), so the two tables agree.
 */
import type { ReportLocale } from "../types.js";

export interface CompositeReportText {
  readonly cycleTitle: string;
  readonly cycleIntro: string;
  readonly rule: string;
  readonly series: (column: string, dataset: string, title: string) => string;
  readonly columns: {
    readonly year: string;
    readonly level: string;
    readonly growth: string;
    readonly weak: string;
  };
  readonly weakYes: string;
  readonly weakNo: string;
  readonly episodes: string;
  readonly noEpisodes: string;
  readonly seedPhases: string;
  readonly reproductionTitle: string;
  readonly reproductionIntro: string;
  readonly printedOrCompared: string;
  readonly seriesNames: Readonly<Record<string, string>>;
  readonly phaseOf: (phase: string) => string;
  readonly qualifiers: Readonly<Record<string, string>>;
}

const zh: CompositeReportText = {
  cycleTitle: "增长周期与技术性疲软",
  cycleIntro:
    "国家统计局名义国内生产总值的同比增速，按种子文献的规则逐年标出技术性疲软，并与文献图3印刷的周期阶段对照。",
  rule:
    "同比增速 g_t = 100 × (Y_t / Y_{t−1} − 1)；增速连续两年下滑（g_t < g_{t−1} < g_{t−2}）的年份记为技术性疲软，" +
    "相邻的疲软年份合为一个疲软阶段（种子 000 §二(一)2，图3；spec §3）。窗口起始几年缺少前两年的增速，不作标记（“—”）。",
  series: (column, dataset, title) => `序列：${column}，${title}（${dataset}）。`,
  columns: { year: "年份", level: "水平值", growth: "同比增速（%）", weak: "技术性疲软" },
  weakYes: "是",
  weakNo: "否",
  episodes: "疲软阶段",
  noEpisodes: "无",
  seedPhases: "文献周期阶段",
  reproductionTitle: "融合指数与周期：与文献对照（复现表第 5、9 行）",
  reproductionIntro:
    "第 5 行由印刷的指数端点值（2012 年与 2024 年，见各行原因）和国家统计局名义 GDP 重算增长倍数、年均增速及其高于 GDP 增速的百分点；" +
    "第 9 行把实际与名义 GDP 增速的疲软阶段与文献印刷的阶段逐一对照。",
  printedOrCompared: "印刷值/对照",
  seriesNames: { real_gdp_growth: "实际GDP增速", nominal_gdp_growth: "名义GDP增速" },
  phaseOf: (phase) => `文献阶段 ${phase}`,
  qualifiers: { about: "约", nearly: "近" },
};

const en: CompositeReportText = {
  cycleTitle: "Growth cycle and technical weakness",
  cycleIntro:
    "Year-on-year growth of NBS nominal GDP, each year flagged by the seed's rule for technical weakness, set against the phases the seed prints (图3).",
  rule:
    "Growth g_t = 100 × (Y_t / Y_{t−1} − 1); a year is technically weak when growth fell two years running " +
    "(g_t < g_{t−1} < g_{t−2}), and adjacent weak years form an episode (seed 000 §二(一)2, 图3; spec §3). " +
    "Years at the start of the window without two earlier growth rates are not flagged (—).",
  series: (column, dataset, title) => `Series: ${column}, ${title} (${dataset}).`,
  columns: { year: "Year", level: "Level", growth: "Growth (%)", weak: "Technically weak" },
  weakYes: "yes",
  weakNo: "no",
  episodes: "Weak episodes",
  noEpisodes: "none",
  seedPhases: "The seed's phases",
  reproductionTitle: "Integration index and cycle against the source (reproduction rows 5 and 9)",
  reproductionIntro:
    "Row 5 recomputes the increase, the average annual growth and its lead over GDP growth from the printed index endpoints " +
    "(2012 and 2024, given in each reason) and NBS nominal GDP; row 9 sets the weak episodes of real and nominal GDP growth against the phases the seed prints.",
  printedOrCompared: "Printed / compared",
  seriesNames: { real_gdp_growth: "real GDP growth", nominal_gdp_growth: "nominal GDP growth" },
  phaseOf: (phase) => `seed's phase ${phase}`,
  qualifiers: { about: "about", nearly: "nearly" },
};

export function compositeReportText(lang: ReportLocale): CompositeReportText {
  return lang === "en" ? en : zh;
}
