/**
 * Reproduction family (复现): why each seed-reproduction row (src/app/reproduction.ts) has its status,
 * from the row's reason code and params — in zh-CN and en.
 */
import type { ReproductionReasonParams, Tier } from "../../app/reproduction.js";
import { roundHalfUp } from "../format.js";
import type { Bilingual } from "./types.js";

const f = (x: number, digits: number): string => roundHalfUp(x, digits);
const signed = (x: number, digits: number): string => (x >= 0 ? "+" : "−") + roundHalfUp(Math.abs(x), digits);
const pct = (x: number): string => `${roundHalfUp(100 * x, 2)}%`;
const ZH_TIER: Record<Tier, string> = { high: "高度", medium: "中度", low: "低度" };
const ZH_TIER5: Record<string, string> = {
  high: "高度",
  mid_high: "中高度",
  medium: "中度",
  mid_low: "中低度",
  low: "低度",
};
const EN_TIER5: Record<string, string> = {
  high: "high",
  mid_high: "mid-high",
  medium: "medium",
  mid_low: "mid-low",
  low: "low",
};
const zt = (t: string | null) => (t === null ? "" : (ZH_TIER5[t] ?? t));
const et = (t: string | null) => (t === null ? "" : (EN_TIER5[t] ?? t));
const ZH_PROXY = {
  cost_ratio: "主营业务成本率",
  profit_ratio: "成本费用利润率",
  slope_cost_ratio: "成本率对数字化投入的回归斜率",
  slope_profit_ratio: "利润率对数字化投入的回归斜率",
} as const;
const EN_PROXY = {
  cost_ratio: "cost ratio",
  profit_ratio: "profit-to-cost ratio",
  slope_cost_ratio: "slope of the cost ratio on digital input",
  slope_profit_ratio: "slope of the profit ratio on digital input",
} as const;
const num = (x: number | null, d: number) => (x === null ? "—" : f(x, d));
const ZH_MEASURE = { influence: "影响力系数", sensitivity: "感应度系数" } as const;
const EN_MEASURE = { influence: "influence coefficient", sensitivity: "sensitivity coefficient" } as const;
const ZH_ENDPOINT = { growth_multiple: "增长倍数", cagr: "年均增速", cagr_gap: "与GDP增速之差" } as const;
const EN_ENDPOINT = {
  growth_multiple: "Increase",
  cagr: "Average annual growth",
  cagr_gap: "Gap to GDP growth",
} as const;
const ZH_SERIES = { real_gdp_growth: "国内生产总值实际增速", nominal_gdp_growth: "国内生产总值名义增速" } as const;
const EN_SERIES = { real_gdp_growth: "real GDP growth", nominal_gdp_growth: "nominal GDP growth" } as const;
const ZH_LEVEL = "水平约低0.1：种子可能使用了未公开的外推2023年表或不同的感应度口径（方法说明 §5.9）";
const EN_LEVEL =
  "the level is about 0.1 lower: the seed presumably used unpublished extended tables up to 2023 or another sensitivity variant (spec §5.9)";

const ZH_UNPUBLISHED = {
  employment_before_2019: "未计算：所收录的国家统计局就业人员序列始于2019年；且种子该值的价格基期与数据版本不明。",
  sector_capital_employment:
    "未计算：需要信通院按实数融合部门划分的分部门资本存量与就业序列，未公开；用国家统计局数据只能检验方向（融合部门 > 1 > 非融合部门）。",
  annual_index_series: "未计算：需要2012—2024年逐年的实数融合发展指数，种子只印刷了端点值。",
  caict_de_tfp: "未计算：需要信通院的数字经济全要素生产率分解序列，未公开。",
  caict_digital_capital:
    "未计算：需要信通院的实体经济人均数字资本序列，未公开；本系统的情景预测工具可在分析者自己的数据上运行同一方法。",
  listed_company_panel:
    "未计算：需要按42个部门汇总的上市公司年报面板，未公开；本系统可在分析者提供的企业财务面板上运行同一方法。",
} as const;
const EN_UNPUBLISHED = {
  employment_before_2019:
    "Not computed: the shipped NBS employment series starts in 2019, and the price base and vintage of the seed's value are unknown.",
  sector_capital_employment:
    "Not computed: needs CAICT's capital stock and employment by fusion / non-fusion sector group, which are not public; NBS data can only check the sign pattern (fusion > 1 > non-fusion).",
  annual_index_series:
    "Not computed: needs the annual integration index 2012–2024; the seed prints only its endpoints.",
  caict_de_tfp: "Not computed: needs CAICT's digital-economy TFP decomposition, which is not public.",
  caict_digital_capital:
    "Not computed: needs CAICT's per-worker digital capital of the real economy, which is not public; the scenario forecast runs the same method on an analyst's own data.",
  listed_company_panel:
    "Not computed: needs the listed companies' annual reports aggregated to the 42 sectors, which are not public; the same method runs on an analyst's enterprise financial panel.",
} as const;

export const reasons: Bilingual<ReproductionReasonParams> = {
  "zh-CN": {
    influence_table_year: (p) =>
      `${p.computedYear}年延长表计算的数字部门（S20+S32，两部门合并法）影响力系数为 ${f(p.computed, 6)}，与印刷值 ${p.printed} 之差 ${signed(p.gap, 6)}，${p.within ? `在印刷精度 ±${p.tolerance} 以内` : `超出印刷精度 ±${p.tolerance}`}${p.lowest ? `；且为 ${p.years.join("、")} 各年中的最低值，与“2015年最低”一致` : ""}。`,
    no_table_after_latest: (p) =>
      `无${p.latestYear}年以后的公开投入产出表（国家统计局最新为${p.latestYear}年表）；所示为${p.latestYear}年计算值 ${f(p.computed, 6)}，与${p.printedYear}年印刷值之差 ${signed(p.gap, 4)}${p.measure === "sensitivity" ? `；${ZH_LEVEL}` : "。种子文献使用的2023年延长表未公开"}。`,
    sensitivity_first_year: (p) =>
      p.source === "detailed_139"
        ? `2012年无公开的42部门表，改用2012年139部门表（数字部门＝计算机、通信设备等电子产品086–091及电信、软件和信息技术服务114–115；两部门合并结果与部门细分无关）：${f(p.computed, 6)}，差 ${signed(p.gap, 4)}；${ZH_LEVEL}。`
        : `无公开的2012年42部门表；所示为最早可用的${p.computedYear}年值 ${f(p.computed, 6)}（差 ${signed(p.gap, 4)}）；${ZH_LEVEL}。`,
    change_direction: (p) =>
      `印刷值 ${p.printedFrom}→${p.printedTo} ${p.printedChange >= 0 ? "上升" : "下降"} ${f(Math.abs(p.printedChange), 4)}；公开表 ${p.fromYear}→${p.toYear} ${p.computedChange >= 0 ? "上升" : "下降"} ${f(Math.abs(p.computedChange), 4)}：${p.sameDirection ? "方向一致" : "方向相反"}${p.earlierYear !== undefined && p.earlierValue !== undefined ? `（先低后升；${p.earlierYear}年为 ${f(p.earlierValue, 4)}，高于${p.fromYear}年）` : ""}，幅度因年份不同不可直接比较。`,
    bound: (p) =>
      `“${p.side === "above" ? "始终大于" : "小于"}${p.bound}”：${p.years.join("、")} 各年${ZH_MEASURE[p.measure]}的${p.side === "above" ? "最小值" : "最大值"}为 ${f(p.extreme, 6)}，${p.holds ? "" : "不"}${p.side === "above" ? "大于" : "小于"}${p.bound}。`,
    top6_order: (p) =>
      `${p.year}年表数字化投入占比（中间投入中 S20+S32 的比重）最高的6个部门依次为 ${p.top6.join("、")}；与脚注4“高度数字化”名单按印刷顺序逐位相同 ${p.matches}/${p.positions} 位。`,
    tier_size: (p) =>
      `阈值 [${pct(p.thresholds[0])}, ${pct(p.thresholds[1])}] 划分的${ZH_TIER[p.tier]}数字化部门数（${p.comparable}个可比部门内）为 ${p.computed}，印刷名单在可比部门内为 ${p.printedComparable}${p.printedAll === p.printedComparable ? "" : `（含 S22/S23 共 ${p.printedAll} 个；二者在表中合并，不参与比较）`}。`,
    tier_agreement: (p) =>
      `${p.comparable}个可比部门${p.comparable < 42 ? "（S22、S23 在表中合并，不参与比较）" : ""}中 ${p.agreeing} 个的阈值分层与脚注4一致；不一致（计算/印刷）：${p.mismatches.length === 0 ? "无" : p.mismatches.map((m) => `${m.code} ${pct(m.share)} → ${ZH_TIER[m.tier]}/${ZH_TIER[m.printedTier]}`).join("；")}。`,
    rank_correlation: (p) =>
      `数字化投入占比与脚注4印刷顺序（视为降序排名；对照值 1 表示顺序完全一致）的斯皮尔曼等级相关系数为 ${f(p.spearman, 4)}（${p.comparable}个可比部门，平均秩处理并列）。`,
    printed_endpoints: (p) =>
      `${ZH_ENDPOINT[p.quantity]}：由印刷的端点值 ${p.from}年 ${f(p.startValue, 2)} 与 ${p.to}年 ${f(p.endValue, 2)} 计算${p.quantity === "growth_multiple" ? `，比值 ${f(p.endValue / p.startValue, 4)}，即增长了 ${f(p.computed, 2)} 倍` : p.quantity === "cagr" ? `，${p.to - p.from} 年复合年均增速 ${f(p.computed, 2)}%` : `，年均增速 ${f(p.computed + (p.gdpCagr ?? 0), 2)}%，减去国家统计局名义GDP（${p.from}年 ${f(p.gdpFrom ?? 0, 0)} 亿元、${p.to}年 ${f(p.gdpTo ?? 0, 0)} 亿元）年均增速 ${f(p.gdpCagr ?? 0, 2)}%，差 ${f(p.computed, 2)} 个百分点`}；印刷为“${p.qualifier === "about" ? "约" : "近"}${p.printed}”，${p.holds ? "与之相符" : "与之不符"}（${p.qualifier === "about" ? `相差小于 ${p.unit}` : `低于印刷值且相差小于 ${p.unit}`}）。`,
    weak_episode: (p) =>
      `${ZH_SERIES[p.series]}（${p.window[0]}—${p.window[1]}年）的技术性疲软年份（增速连续两年下滑）：${p.weakYears.length === 0 ? "无" : p.weakYears.join("、")}。种子文献图3的${p.phaseFrom}${p.phaseTo === null ? "年至今" : `—${p.phaseTo}年`}阶段${p.episode === null ? `没有从${p.phaseFrom}年开始的疲软阶段` : `对应 ${p.episode.start}—${p.episode.end} 年的疲软阶段`}，${p.matches ? "一致" : "不一致"}。`,
    proxy_crossing: (p) =>
      `公开数据近似（OECD投入产出表${p.window[0]}—${p.window[1]}年数字产品的最终消费、投资与净出口，以${p.baseYear}年为基期）${p.crossing === null ? "没有自下而上超过同口径GDP指数的年份" : `在${p.crossing}年首次超过同口径GDP指数`}${p.aboveFrom === null ? "" : `（${p.aboveFrom}年起不低于GDP指数）`}；印刷为“${p.printed}年前后”。以基期归一化时两条曲线在基期都等于100，交叉年份取决于基期的选择；信通院的分项数据未公开，水平值不可比。`,
    proxy_growth: (p) =>
      `公开数据近似中数字${p.component === "investment" ? "投资" : "最终消费"}的${p.from}—${p.to}年年均增速为 ${f(p.computed, 2)}%，印刷为 ${f(p.printed, 2)}%：近似使用OECD表中数字产品的最终需求（美元现价，受汇率影响），与信通院未公开的测算口径不同，只比较方向与量级。`,
    proxy_level: (p) =>
      `公开数据近似的${p.component === "total" ? "融合指数" : "数字最终消费分项指数"}（${p.baseYear}年 = 100）在${p.year}年为 ${f(p.computed, 2)}，信通院印刷为 ${f(p.printed, 2)}：两者数据口径不同（近似为OECD表数字产品的最终需求，美元现价），信通院的基期系推断，水平值不可比，仅并列展示。`,
    label_year_mismatch: (p) =>
      `${p.computedYear}年不变价GDP（${p.priceBase}年价格）${f(p.gdp, 1)} 亿元 ÷ 年初年末平均就业人员 ${f(p.employment, 1)} 万人 = ${f(p.computed, 1)} 元/人，即国家统计局${p.computedYear}年公报的数值；种子文献将其标为${p.labelYear}年。`,
    series_not_public: (p) => ZH_UNPUBLISHED[p.series],
    printed_difference: (p) =>
      `由印刷值计算：${p.to}年 ${f(p.endValue, 2)} − ${p.from}年 ${f(p.startValue, 2)} = ${f(p.computed, 2)} 个百分点；印刷为“${p.printed}”，${p.holds ? "与之相符" : "与之不符"}。`,
    volatility_vintages: (p) =>
      `${p.window[0]}—${p.window[1]}年名义GDP增速的标准差（总体，ddof = ${p.ddof}）与变异系数随数据版本而变：${p.variants.map((v) => `${v.variant}（2023年 ${f(v.g2023, 2)}%、2024年 ${f(v.g2024, 2)}%）均值 ${f(v.mean, 4)}、标准差 ${f(v.sd, 4)}、变异系数 ${f(v.cv, 4)}`).join("；")}。表中为 ${p.shown}。种子的数值需要第五次经济普查后修订的历年GDP序列，尚未收录。`,
    count_share: (p) =>
      `${zt(p.tier)}层 ${p.count} 个部门占 ${p.total} 个部门的 ${f(p.computed, 2)}%（按印刷的部门数计算）。`,
    five_tier_agreement: (p) =>
      `${p.year}年表按数字化投入占比分界点 [${p.cutPoints.map(pct).join(", ")}] 分为五层，${p.compared} 个部门中 ${p.agreeing} 个与种子000公布的层级一致（调整兰德指数 ${f(p.ari, 3)}）；不一致（计算/公布）：${p.mismatches.length === 0 ? "无" : p.mismatches.map((m) => `${m.code} ${zt(m.tier)}/${zt(m.printedTier)}`).join("；")}。种子采用信通院外推的2024年表与“数字化投入与产出”两项特征，公开表只能近似。`,
    tier_va_share: (p) =>
      `按种子000公布的五层成员，${p.computedYear}年表（${p.table}）中${zt(p.tier)}层增加值占42个部门的 ${f(p.computed, 2)}%，公布的${p.year}年值为 ${f(p.printed, 2)}%${p.computedYear === p.year ? "" : `；${p.year}年无公开的投入产出表，列出最近年份`}。`,
    tier_contribution: (p) =>
      `${zt(p.tier)}层对42个部门增加值增量的贡献率：${p.from}—${p.to}年公开表之间为 ${num(p.computed, 2)}%（区间内逐年插值，贡献率相同），公布的${p.year}年值为 ${f(p.printed, 2)}%。`,
    printed_sum: (p) =>
      `公布的 ${p.count} 个部分加总为 ${f(p.sum, 2)}%，与 ${f(p.expected, 0)}% 相差 ${signed(p.difference, 2)} 个百分点：可能是图表取整、分母不同或笔误；本系统不强行调整。`,
    io_proxy: (p) =>
      `上市公司口径不可直接比较；投入产出表代理（收入＝总产出，利润＝营业盈余）${p.computedYear === null ? "" : `${p.computedYear}年`}${p.tier === null ? "" : `${zt(p.tier)}层`}${ZH_PROXY[p.measure]}为 ${num(p.computed, 4)}，公布值 ${f(p.printed, 2)}。`,
    averaging_consistency: (p) =>
      `由两个分期均值按年数加权：(${p.earlyYears}×${f(p.early, 2)} + ${p.lateYears}×${f(p.late, 2)})/${p.earlyYears + p.lateYears} = ${f(p.computed, 4)}，与公布的全期均值 ${f(p.printed, 2)} 一致，说明全期值是逐年弹性的算术平均。`,
    growth_slowdown: (p) =>
      `首次公布口径：2023年名义增速 ${f(p.g2023, 2)}%，2024年 ${f(p.g2024, 2)}%（以修订后的2023年为基数），少增 ${f(p.computed, 2)} 个百分点；种子印刷的“${p.printed}”需要修订后的2022—2023年GDP。`,
  },
  en: {
    influence_table_year: (p) =>
      `The ${p.computedYear} extension table gives an influence coefficient of ${f(p.computed, 6)} for the digital block (S20+S32, two-block method); the gap to the printed ${p.printed} is ${signed(p.gap, 6)}, ${p.within ? "within" : "beyond"} the printed precision ±${p.tolerance}${p.lowest ? `; it is also the lowest of the table years ${p.years.join(", ")}, as the seed says 2015 is the minimum` : ""}.`,
    no_table_after_latest: (p) =>
      `No public input–output table after ${p.latestYear} (the latest NBS table); shown is the ${p.latestYear} value ${f(p.computed, 6)}, ${signed(p.gap, 4)} from the printed ${p.printedYear} value${p.measure === "sensitivity" ? `; ${EN_LEVEL}` : ". The extended 2023 tables the seed used are not public"}.`,
    sensitivity_first_year: (p) =>
      p.source === "detailed_139"
        ? `No public 2012 42-sector table; computed from the 2012 139-sector table instead (digital block = electronics products 086–091 and telecom, software and IT services 114–115; a two-block result does not depend on the split inside each block): ${f(p.computed, 6)} (gap ${signed(p.gap, 4)}); ${EN_LEVEL}.`
        : `No public 2012 42-sector table; shown is the earliest available value (${p.computedYear}) ${f(p.computed, 6)} (gap ${signed(p.gap, 4)}); ${EN_LEVEL}.`,
    change_direction: (p) =>
      `Printed change ${p.printedFrom}→${p.printedTo}: ${signed(p.printedChange, 4)}; public tables ${p.fromYear}→${p.toYear}: ${signed(p.computedChange, 4)}. ${p.sameDirection ? "Same direction" : "Opposite direction"}${p.earlierYear !== undefined && p.earlierValue !== undefined ? ` (lowest in ${p.fromYear}, rising after; ${p.earlierYear} gives ${f(p.earlierValue, 4)}, above ${p.fromYear})` : ""}; the sizes cover different years.`,
    bound: (p) =>
      `"${p.side === "above" ? "Always above" : "Below"} ${p.bound}": the ${p.side === "above" ? "smallest" : "largest"} ${EN_MEASURE[p.measure]} over ${p.years.join(", ")} is ${f(p.extreme, 6)}, ${p.holds ? "" : "not "}${p.side} ${p.bound}.`,
    top6_order: (p) =>
      `The six highest digital shares of intermediate inputs (S20+S32) in the ${p.year} table are ${p.top6.join(", ")}; ${p.matches} of ${p.positions} positions equal footnote 4's high-digitalisation list in printed order.`,
    tier_size: (p) =>
      `Thresholds [${pct(p.thresholds[0])}, ${pct(p.thresholds[1])}] put ${p.computed} of the ${p.comparable} comparable sectors in the ${p.tier} tier; the printed list has ${p.printedComparable} of them${p.printedAll === p.printedComparable ? "" : ` (${p.printedAll} including S22/S23, which are merged in the table and left out)`}.`,
    tier_agreement: (p) =>
      `${p.agreeing} of the ${p.comparable} comparable sectors${p.comparable < 42 ? " (S22 and S23 are merged in the table and left out)" : ""} get the printed tier by thresholds; mismatches (computed/printed): ${p.mismatches.length === 0 ? "none" : p.mismatches.map((m) => `${m.code} ${pct(m.share)} → ${m.tier}/${m.printedTier}`).join("; ")}.`,
    rank_correlation: (p) =>
      `Spearman rank correlation between the digital input share and footnote 4's printed order (read as a descending ranking; the comparison value 1 means an identical order) is ${f(p.spearman, 4)} over the ${p.comparable} comparable sectors (average ranks for ties).`,
    printed_endpoints: (p) =>
      `${EN_ENDPOINT[p.quantity]} from the printed endpoints ${f(p.startValue, 2)} (${p.from}) and ${f(p.endValue, 2)} (${p.to})${p.quantity === "growth_multiple" ? `: ratio ${f(p.endValue / p.startValue, 4)}, an increase of ${f(p.computed, 2)} times` : p.quantity === "cagr" ? `: compound annual growth over ${p.to - p.from} years ${f(p.computed, 2)}%` : `: annual growth ${f(p.computed + (p.gdpCagr ?? 0), 2)}% minus NBS nominal GDP growth ${f(p.gdpCagr ?? 0, 2)}% a year (${f(p.gdpFrom ?? 0, 0)} → ${f(p.gdpTo ?? 0, 0)} 亿元) = ${f(p.computed, 2)} points`}; printed "${p.qualifier === "about" ? "about" : "nearly"} ${p.printed}", which ${p.holds ? "holds" : "does not hold"} (${p.qualifier === "about" ? `within ${p.unit}` : `below it by less than ${p.unit}`}).`,
    weak_episode: (p) =>
      `Technical-weakness years (growth falling two years running) of ${EN_SERIES[p.series]}, ${p.window[0]}–${p.window[1]}: ${p.weakYears.length === 0 ? "none" : p.weakYears.join(", ")}. The seed's phase ${p.phaseFrom}${p.phaseTo === null ? " to date" : `–${p.phaseTo}`} (图3) ${p.episode === null ? `has no weakness episode starting in ${p.phaseFrom}` : `matches the episode ${p.episode.start}–${p.episode.end}`}: ${p.matches ? "consistent" : "not consistent"}.`,
    proxy_crossing: (p) =>
      `The public-data proxy (digital products' final consumption, investment and net exports in the OECD tables ${p.window[0]}–${p.window[1]}, base ${p.baseYear}) ${p.crossing === null ? "never crosses its GDP index from below" : `first crosses its GDP index from below in ${p.crossing}`}${p.aboveFrom === null ? "" : ` (at or above it from ${p.aboveFrom})`}; printed "about ${p.printed}". Normalised to a base year, both curves equal 100 there, so the crossing depends on the base chosen; CAICT's components are not public and the levels are not comparable.`,
    proxy_growth: (p) =>
      `In the public-data proxy, digital ${p.component} grew ${f(p.computed, 2)}% a year over ${p.from}–${p.to}; printed ${f(p.printed, 2)}%. The proxy uses the final demand of the digital products in the OECD tables (USD, current prices, so exchange rates move it), not CAICT's unpublished measure: only direction and order of magnitude compare.`,
    proxy_level: (p) =>
      `The public-data proxy's ${p.component === "total" ? "integration index" : "digital final-consumption sub-index"} (${p.baseYear} = 100) is ${f(p.computed, 2)} in ${p.year}; CAICT printed ${f(p.printed, 2)}. The data differ (the proxy is the final demand of the digital products in the OECD tables, USD, current prices) and CAICT's base year is inferred: the levels are not comparable and are only shown side by side.`,
    label_year_mismatch: (p) =>
      `${p.computedYear} GDP at constant (${p.priceBase}) prices, ${f(p.gdp, 1)} 亿元, over average year-end employment ${f(p.employment, 1)} 万人 = ${f(p.computed, 1)} 元/人: NBS's ${p.computedYear} communiqué value, which the seed labels ${p.labelYear}.`,
    series_not_public: (p) => EN_UNPUBLISHED[p.series],
    printed_difference: (p) =>
      `From the printed values: ${f(p.endValue, 2)} (${p.to}) − ${f(p.startValue, 2)} (${p.from}) = ${f(p.computed, 2)} points; printed "${p.printed}", which ${p.holds ? "holds" : "does not hold"}.`,
    volatility_vintages: (p) =>
      `The SD (population, ddof = ${p.ddof}) and CV of nominal GDP growth ${p.window[0]}–${p.window[1]} depend on the data vintage: ${p.variants.map((v) => `${v.variant} (2023 ${f(v.g2023, 2)}%, 2024 ${f(v.g2024, 2)}%) mean ${f(v.mean, 4)}, SD ${f(v.sd, 4)}, CV ${f(v.cv, 4)}`).join("; ")}. The row shows ${p.shown}. The seed's figures need the GDP series revised after the 5th economic census, which is not loaded.`,
    count_share: (p) =>
      `${p.count} of ${p.total} sectors in the ${et(p.tier)} tier is ${f(p.computed, 2)}% (from the printed count).`,
    five_tier_agreement: (p) =>
      `Five tiers on the ${p.year} table by cut-points [${p.cutPoints.map(pct).join(", ")}] on the digital share of intermediate inputs: ${p.agreeing} of ${p.compared} sectors get seed 000's printed tier (adjusted Rand index ${f(p.ari, 3)}); mismatches (computed/printed): ${p.mismatches.length === 0 ? "none" : p.mismatches.map((m) => `${m.code} ${et(m.tier)}/${et(m.printedTier)}`).join("; ")}. The seed used CAICT's extrapolated 2024 table and two features (digital input and output); public tables only approximate it.`,
    tier_va_share: (p) =>
      `With seed 000's printed five-tier membership, the ${et(p.tier)} tier has ${f(p.computed, 2)}% of the 42 sectors' value added in the ${p.computedYear} table (${p.table}); printed for ${p.year}: ${f(p.printed, 2)}%${p.computedYear === p.year ? "" : `; there is no public table for ${p.year}, so the latest is shown`}.`,
    tier_contribution: (p) =>
      `The ${et(p.tier)} tier's share of the 42 sectors' value-added increase between the public tables ${p.from}–${p.to} is ${num(p.computed, 2)}% (years interpolated inside the interval share it); printed for ${p.year}: ${f(p.printed, 2)}%.`,
    printed_sum: (p) =>
      `The ${p.count} printed parts sum to ${f(p.sum, 2)}%, ${signed(p.difference, 2)} points from ${f(p.expected, 0)}%: chart rounding, another denominator or a typo; the values are not forced to add up.`,
    io_proxy: (p) =>
      `Listed-company figures are not directly comparable; the input–output proxy (revenue = output, profit = operating surplus)${p.computedYear === null ? "" : ` for ${p.computedYear}`}${p.tier === null ? "" : `, ${et(p.tier)} tier,`} gives a ${EN_PROXY[p.measure]} of ${num(p.computed, 4)}; printed ${f(p.printed, 2)}.`,
    averaging_consistency: (p) =>
      `Weighted by years, the two sub-period means give (${p.earlyYears}×${f(p.early, 2)} + ${p.lateYears}×${f(p.late, 2)})/${p.earlyYears + p.lateYears} = ${f(p.computed, 4)}, the printed full-period mean ${f(p.printed, 2)}: the full-period value is the arithmetic mean of annual elasticities.`,
    growth_slowdown: (p) =>
      `First releases: nominal growth ${f(p.g2023, 2)}% in 2023 and ${f(p.g2024, 2)}% in 2024 (on the revised 2023 base), ${f(p.computed, 2)} points less; the seed's printed "${p.printed}" needs the revised 2022–2023 GDP.`,
  },
};
