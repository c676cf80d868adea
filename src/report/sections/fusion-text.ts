/**
 * Words of the integration-index report section (实数融合发展指数，公开数据近似; zh-CN / en). Chart words
 * (series names, axis titles) are the dashboard's (web/charts/labels.ts `fusion`); reproduction
 * quantities, statuses and table columns are the IO sections' (sections/io-text.ts).
 */
import type { ReportLocale } from "../types.js";

export interface FusionReportText {
  readonly title: string;
  readonly intro: string;
  readonly method: string;
  readonly figureCaption: (baseYear: number) => string;
  readonly yearsTitle: string;
  readonly columns: {
    readonly year: string;
    readonly consumption: string;
    readonly investment: string;
    readonly netExports: string;
    readonly index: string;
    readonly gdp: string;
    readonly total: string;
    readonly window: string;
    readonly indexCagr: string;
    readonly gdpCagr: string;
    readonly gap: string;
    readonly consumptionCagr: string;
    readonly investmentCagr: string;
    readonly ref: string;
    readonly quantity: string;
    readonly value: string;
    readonly unit: string;
    readonly id: string;
  };
  readonly windowsTitle: string;
  readonly multiple: (from: number, to: number, ratio: string) => string;
  readonly crossing: (computed: number | null, printed: number | null, baseYear: number) => string;
  readonly publishedTitle: string;
  readonly publishedIntro: string;
  readonly units: Readonly<Record<string, string>>;
  readonly notComparableTitle: string;
  readonly notComparable: readonly string[];
  readonly reproductionTitle: string;
  readonly reproductionIntro: string;
  readonly noReproduction: string;
  readonly printedOrCompared: string;
  readonly components: Readonly<Record<string, string>>;
  readonly tables: (n: number, first: string, last: string) => string;
}

const zh: FusionReportText = {
  title: "实数融合发展指数（公开数据近似）",
  intro:
    "信通院的实数融合发展指数（种子 000 §二(一)1，图2）由未公开的分项数据编制。本节用公开数据近似同一结构：数字产品的最终消费、投资和净出口，" +
    "按基期 = 100 编成指数，与同一套表的增加值（GDP）指数对比，并把信通院印刷的数值并列在旁——两者不合并为一条序列。",
  method:
    "数据为 OECD 投入产出表（2021 年版）中国 1995—2018 年各年表（总流量表，基本价格，当年价，百万美元）。数字产品为产品 17（计算机、电子和光学产品）、" +
    "34（电信）与 35（IT 及其他信息服务）；最终消费 = 住户、为住户服务的非营利机构与政府最终消费，投资 = 固定资本形成总额，净出口 = 出口 − 进口。" +
    "合计 D_t = 消费 + 投资 + 净出口；融合指数 I_t = 100 × D_t / D_基期，GDP 指数 G_t = 100 × 增加值_t / 增加值_基期。分项采用可加口径" +
    "（各分项以合计的基期值为分母，三者之和等于总指数）。年均增速 CAGR = 100 × ((I_末 / I_初)^(1/年数) − 1)，差 = 指数 CAGR − GDP CAGR（百分点）。" +
    "超过年份为指数第一次由上一年低于 GDP 指数转为不低于 GDP 指数的年份。",
  figureCaption: (b) => `实数融合发展指数（公开数据近似）与GDP指数，${b}年 = 100；信通院公布值并列（右轴）`,
  yearsTitle: "逐年指数",
  columns: {
    year: "年份",
    consumption: "数字最终消费",
    investment: "数字投资",
    netExports: "数字净出口",
    index: "融合指数",
    gdp: "GDP指数",
    total: "数字产品最终需求合计（百万美元）",
    window: "窗口",
    indexCagr: "融合指数年均增速（%）",
    gdpCagr: "GDP指数年均增速（%）",
    gap: "差（百分点）",
    consumptionCagr: "数字最终消费年均增速（%）",
    investmentCagr: "数字投资年均增速（%）",
    ref: "复现表行",
    quantity: "印刷的指标",
    value: "印刷值",
    unit: "单位",
    id: "编号",
  },
  windowsTitle: "增速窗口",
  multiple: (from, to, ratio) => `${to} 年融合指数为 ${from} 年的 ${ratio} 倍。`,
  crossing: (c, p, b) =>
    `以 ${b} 年为基期，近似指数${c === null ? "在窗口内未超过 GDP 指数" : `于 ${c} 年首次超过 GDP 指数`}` +
    `${p === null ? "" : `；信通院印刷为“${p} 年前后”`}。两条曲线在基期都等于 100，交叉年份随基期而变。`,
  publishedTitle: "信通院公布值（并列，不合并）",
  publishedIntro: "种子 000 印刷的数值（data/published），按复现表行号列出；水平值与近似指数不可比。",
  units: { index: "指数", times_increase: "倍（增长）", "%": "%", pp: "百分点", year: "年" },
  notComparableTitle: "为什么水平值不可比",
  notComparable: [
    "数据不同：信通院的分项数据与权重未公开；近似值只用 OECD 表中数字产品的最终需求。",
    "口径不同：近似值为美元现价，受汇率与价格影响；信通院的价格与单位口径未说明。",
    "基期不同：信通院指数的基期未印刷；近似值以选定基期 = 100，交叉年份与水平都随基期而变。",
    "时期不同：OECD 表只到 2018 年，印刷值为 2012、2023 与 2024（预计）年。因此只对照方向与量级，不计算水平差。",
  ],
  reproductionTitle: "与文献对照（复现表第 4—8 行）",
  reproductionIntro: "复现表中属于融合指数的行：计算值（或近似值）与印刷值并列，附状态、原因与出处。",
  noReproduction: "复现表中没有第 4—8 行。",
  printedOrCompared: "印刷值/对照",
  components: { investment: "数字投资", consumption: "数字最终消费", netExports: "数字净出口" },
  tables: (n, first, last) => `${n} 张表（${first} … ${last}）`,
};

const en: FusionReportText = {
  title: "Real–digital integration index (public-data proxy)",
  intro:
    "CAICT's real–digital integration index (seed 000 §二(一)1, 图2) is built from components it does not publish. This section approximates the " +
    "same structure on public data — digital products' final consumption, investment and net exports, indexed to a base year = 100 and set " +
    "against the same tables' value-added (GDP) index — and shows CAICT's printed values beside it; the two are never merged into one series.",
  method:
    "Data: the OECD input–output tables (2021 edition) for China, one per year 1995–2018 (total flows, basic prices, current prices, USD million). " +
    "Digital products are 17 (computer, electronic and optical products), 34 (telecommunications) and 35 (IT and other information services); " +
    "final consumption = households, NPISH and government, investment = gross fixed capital formation, net exports = exports − imports. " +
    "Total D_t = consumption + investment + net exports; index I_t = 100 × D_t / D_base, GDP index G_t = 100 × VA_t / VA_base. Sub-indices are " +
    "additive (each over the total's base value, so the three sum to the index). CAGR = 100 × ((I_last / I_first)^(1/years) − 1); gap = index " +
    "CAGR − GDP CAGR (points). The crossing year is the first year the index is at or above the GDP index after being below it the year before.",
  figureCaption: (b) =>
    `Real–digital integration index (public-data proxy) and GDP index, ${b} = 100; CAICT's published values beside it (right axis)`,
  yearsTitle: "Index by year",
  columns: {
    year: "Year",
    consumption: "Digital final consumption",
    investment: "Digital investment",
    netExports: "Digital net exports",
    index: "Integration index",
    gdp: "GDP index",
    total: "Digital final demand (USD million)",
    window: "Window",
    indexCagr: "Index CAGR (%)",
    gdpCagr: "GDP-index CAGR (%)",
    gap: "Gap (points)",
    consumptionCagr: "Consumption CAGR (%)",
    investmentCagr: "Investment CAGR (%)",
    ref: "Reproduction row",
    quantity: "Printed quantity",
    value: "Printed value",
    unit: "Unit",
    id: "Id",
  },
  windowsTitle: "Growth windows",
  multiple: (from, to, ratio) => `In ${to} the index stands at ${ratio} times its ${from} level.`,
  crossing: (c, p, b) =>
    `With base ${b}, the proxy ${c === null ? "does not overtake the GDP index within the window" : `first overtakes the GDP index in ${c}`}` +
    `${p === null ? "" : `; CAICT prints "about ${p}"`}. Both curves equal 100 in the base year, so the crossing year moves with the base.`,
  publishedTitle: "CAICT's published values (beside, not merged)",
  publishedIntro:
    "The values seed 000 prints (data/published), by reproduction row; their levels are not comparable with the proxy.",
  units: { index: "index", times_increase: "times (increase)", "%": "%", pp: "points", year: "year" },
  notComparableTitle: "Why the levels are not comparable",
  notComparable: [
    "Different data: CAICT's components and weights are not published; the proxy uses only the final demand for digital products in the OECD tables.",
    "Different measure: the proxy is in current US dollars, moved by exchange rates and prices; CAICT does not state its prices and units.",
    "Different base: CAICT's base year is not printed; the proxy sets a chosen base = 100, and its crossing year and levels move with that base.",
    "Different period: the OECD tables end in 2018; the printed values are for 2012, 2023 and 2024 (projected). Only direction and order of magnitude are compared; no level gap is computed.",
  ],
  reproductionTitle: "Against the source (reproduction rows 4–8)",
  reproductionIntro:
    "The rows of the reproduction table that belong to the integration index: computed (or proxy) values beside the printed ones, with status, reason and source.",
  noReproduction: "The reproduction table has no rows 4–8.",
  printedOrCompared: "Printed / compared",
  components: {
    investment: "digital investment",
    consumption: "digital final consumption",
    netExports: "digital net exports",
  },
  tables: (n, first, last) => `${n} tables (${first} … ${last})`,
};

export function fusionReportText(lang: ReportLocale): FusionReportText {
  return lang === "en" ? en : zh;
}
