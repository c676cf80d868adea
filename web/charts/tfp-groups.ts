/**
 * TFP by sector group and the digital-economy TFP contribution on the analyst's own data
 * (`POST /api/productivity/groups`, `POST /api/productivity/de-tfp`): CAICT's sector capital, employment
 * and digital-TFP series are not public, so these two cards draw what an uploaded long table gives —
 * one line per group (relative to the economy: the line at 1 is the economy), and the yearly
 * contribution of digital-economy TFP to output growth with its mean, SD and CV (the stability
 * statistics the seed reports).
 */
import type { EChartsOption } from "echarts";
import type { z } from "zod";
import { formatNumber } from "../../src/i18n/format.js";
import type { deTfpWire, groupTfpWire } from "../../src/methods/econometrics/productivity-groups.js";
import type { Locale } from "./api-types.js";
import type { ChartLabels } from "./labels.js";
import { escapeHtml } from "./number-format.js";
import { labelSeparator, provenanceEntries, provenanceTooltipHtml } from "./provenance.js";

export type GroupTfpResult = z.output<typeof groupTfpWire>;
export type DeTfpResult = z.output<typeof deTfpWire>;

/** The columns the cards ask the uploaded tables for (the API's options take them by name). */
export const GROUP_TFP_COLUMNS = {
  group: "group",
  time: "year",
  output: "output",
  capital: "capital",
  labour: "labour",
  labourShare: "labour_share",
} as const;
export const DE_TFP_COLUMNS = {
  sector: "sector",
  time: "year",
  valueAdded: "value_added",
  tfpGrowth: "tfp_growth",
  digitalShare: "digital_share",
} as const;

export interface TfpGroupsText {
  readonly groupsTitle: string;
  readonly groupsHint: string;
  readonly deTitle: string;
  readonly deHint: string;
  readonly level: string;
  readonly economy: string;
  readonly contribution: string;
  readonly mean: string;
  readonly sd: string;
  readonly cv: string;
  readonly year: string;
  readonly digitalCodes: string;
  readonly file: string;
  readonly run: string;
  readonly empty: string;
}

const TEXT: Readonly<Record<Locale, TfpGroupsText>> = {
  "zh-CN": {
    groupsTitle: "分部门组全要素生产率（上传数据）",
    groupsHint:
      "信通院按部门组划分的资本存量与就业序列未公开，请上传自己的长表：列 group、year、output（实际增加值）、capital（资本存量）、labour（就业）、labour_share（劳动份额）。水平值 A = Y ÷ (K^α L^(1−α))，默认相对全经济（各组之和）：高于 1 的组生产率高于全经济。",
    deTitle: "数字经济全要素生产率贡献率（上传数据）",
    deHint:
      "请上传长表：列 sector、year、value_added（实际增加值）、tfp_growth（部门 TFP 增速）、digital_share（非数字部门增加值中数字化部分的比重），并填写数字部门代码。逐年贡献率 = Σ 权重 × 数字化 TFP 增速 ÷ 产出增速；均值、标准差（总体）与变异系数衡量其稳定性。",
    level: "TFP 水平（全经济 = 1）",
    economy: "全经济",
    contribution: "贡献率 %",
    mean: "均值",
    sd: "标准差",
    cv: "变异系数",
    year: "年份",
    digitalCodes: "数字部门代码（逗号分隔）",
    file: "数据文件（CSV 或 XLSX）",
    run: "计算",
    empty: "上传数据后显示",
  },
  en: {
    groupsTitle: "TFP by sector group (your data)",
    groupsHint:
      "CAICT's capital and employment by sector group are not public: upload your own long table with columns group, year, output (real value added), capital (capital stock), labour (employment), labour_share. Level A = Y ÷ (K^α L^(1−α)), relative to the economy (the groups summed) by default: a group above 1 is more productive than the economy.",
    deTitle: "Digital-economy share of TFP growth (your data)",
    deHint:
      "Upload a long table with columns sector, year, value_added (real), tfp_growth (the sector's TFP growth), digital_share (the digital part of a non-digital sector's value added), and give the digital sectors' codes. Yearly contribution = Σ weight × digital TFP growth ÷ output growth; the mean, SD (population) and CV measure its stability.",
    level: "TFP level (economy = 1)",
    economy: "economy",
    contribution: "contribution %",
    mean: "mean",
    sd: "s.d.",
    cv: "CV",
    year: "year",
    digitalCodes: "digital sector codes (comma-separated)",
    file: "data file (CSV or XLSX)",
    run: "Compute",
    empty: "shown after an upload",
  },
};

/** The words of a locale. */
export function tfpGroupsText(locale: Locale): TfpGroupsText {
  return TEXT[locale];
}

const fmt = (v: number | null | undefined, locale: Locale, digits: number) =>
  v === null || v === undefined || !Number.isFinite(v)
    ? "—"
    : formatNumber(v, { lang: locale, digits, grouping: false });

function provenanceHtml(p: GroupTfpResult["provenance"], labels: ChartLabels, locale: Locale): string {
  const P = labels.provenance;
  return provenanceTooltipHtml(
    provenanceEntries(p, P).filter((e) => e.label !== P.caveats && e.label !== P.tableYear),
    P.heading,
    labelSeparator(locale),
  );
}

/**
 * One line per group of TFP levels by year; the economy's line at 1 under the relative normalisation.
 * @returns an ECharts option (category years; value levels); tooltips with the level and provenance
 */
export function groupTfpChart(data: GroupTfpResult, labels: ChartLabels, locale: Locale): EChartsOption {
  const T = TEXT[locale];
  const sep = labelSeparator(locale);
  const prov = provenanceHtml(data.provenance, labels, locale);
  const years = data.years.map(String);
  const subtitle = data.groups.map((g) => `${g.id} ${T.mean} ${fmt(g.mean, locale, 3)}`).join(" · ");
  return {
    animation: false,
    title: {
      text: T.groupsTitle,
      subtext: subtitle,
      left: "center",
      textStyle: { fontSize: 16 },
      subtextStyle: { fontSize: 11 },
    },
    legend: { bottom: 0, data: data.groups.map((g) => g.id) },
    grid: { left: 56, right: 32, top: 72, bottom: 56 },
    tooltip: {
      trigger: "item",
      confine: true,
      formatter: (params: unknown) => {
        const d = (params as { data?: { tip?: unknown } }).data;
        return typeof d?.tip === "string" ? d.tip : "";
      },
    },
    xAxis: { type: "category", data: years, name: T.year, nameLocation: "end" },
    yAxis: { type: "value", name: T.level, scale: true, splitLine: { lineStyle: { color: "#eee" } } },
    series: data.groups.map((g, i) => ({
      type: "line",
      name: g.id,
      symbolSize: 7,
      connectNulls: false,
      data: g.levels.map((v, t) => ({
        value: [years[t] as string, v === null ? "-" : v],
        tip: `<b>${escapeHtml(g.id)} · ${years[t]}</b><br/>${escapeHtml(T.level)}${sep}${escapeHtml(fmt(v, locale, 4))}${prov}`,
      })),
      ...(i === 0 && data.normalisation === "relative"
        ? {
            markLine: {
              silent: true,
              symbol: "none",
              label: { formatter: T.economy },
              lineStyle: { type: "dashed", color: "#999" },
              data: [{ yAxis: 1 }],
            },
          }
        : {}),
    })) as NonNullable<EChartsOption["series"]>,
  };
}

/** The stability line: mean, SD and CV of the yearly contributions (percent). */
export function deTfpSummaryLine(data: DeTfpResult, locale: Locale): string {
  const T = TEXT[locale];
  const s = data.summary;
  if (s === null) return "";
  return `${T.mean} ${fmt(s.mean * 100, locale, 2)}% · ${T.sd} ${fmt(s.sd * 100, locale, 2)} · ${T.cv} ${fmt(s.cv, locale, 3)} · n ${s.n}`;
}

/**
 * Bars of the yearly digital-economy TFP contribution (%), with the stability statistics as subtitle.
 * @returns an ECharts option (category years; bars in percent; tooltips with output growth and provenance)
 */
export function deTfpChart(data: DeTfpResult, labels: ChartLabels, locale: Locale): EChartsOption {
  const T = TEXT[locale];
  const sep = labelSeparator(locale);
  const prov = provenanceHtml(data.provenance, labels, locale);
  const years = data.periods.map((p) => String(p.year));
  return {
    animation: false,
    title: {
      text: T.deTitle,
      subtext: deTfpSummaryLine(data, locale),
      left: "center",
      textStyle: { fontSize: 16 },
      subtextStyle: { fontSize: 11 },
    },
    grid: { left: 56, right: 32, top: 72, bottom: 40 },
    tooltip: {
      trigger: "item",
      confine: true,
      formatter: (params: unknown) => {
        const d = (params as { data?: { tip?: unknown } }).data;
        return typeof d?.tip === "string" ? d.tip : "";
      },
    },
    xAxis: { type: "category", data: years, name: T.year, nameLocation: "end" },
    yAxis: { type: "value", name: T.contribution, splitLine: { lineStyle: { color: "#eee" } } },
    series: [
      {
        type: "bar",
        name: T.contribution,
        color: "#1f5fa8",
        barMaxWidth: 24,
        data: data.periods.map((p) => ({
          value: [String(p.year), p.contribution === null ? "-" : Math.round(p.contribution * 1e6) / 1e4],
          tip: `<b>${p.year}</b><br/>${escapeHtml(T.contribution)}${sep}${escapeHtml(fmt(p.contribution === null ? null : p.contribution * 100, locale, 2))}<br/>g_Y${sep}${escapeHtml(fmt(p.output_growth * 100, locale, 2))}%${prov}`,
        })),
      },
    ] as NonNullable<EChartsOption["series"]>,
  };
}
