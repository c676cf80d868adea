/**
 * TFP growth accounting (全要素生产率增长核算): our Törnqvist TFP growth by year as bars
 * (`GET /api/productivity/tfp`, Solow residual with yearly factor shares) beside the growth of the
 * published TFP index the run compares with (PWT's `rtfpna`) as a line — two series, never merged. The
 * subtitle gives the mean, the standard deviation and the coefficient of variation of our series; the
 * tooltip shows the year's decomposition, then the result's provenance.
 */
import type { EChartsOption } from "echarts";
import type { z } from "zod";
import { formatNumber } from "../../src/i18n/format.js";
import type { tfpWire } from "../../src/methods/econometrics/forecast.js";
import type { Locale } from "./api-types.js";
import type { ChartLabels } from "./labels.js";
import { escapeHtml } from "./number-format.js";
import { labelSeparator, provenanceEntries, provenanceTooltipHtml } from "./provenance.js";

/** `GET /api/productivity/tfp?dataset=&output=&capital=&labour=&labourShare=&compare=&from=&to=` */
export type TfpResult = z.output<typeof tfpWire>;

/** One period of `TfpResult`. */
export type TfpPeriod = TfpResult["periods"][number];

/** The run the dashboard and the report show: China in PWT 10.01, 2000–2019, yearly labour shares. */
export const DEFAULT_TFP_RUN = {
  dataset: "pwt-1001-chn",
  output: "rgdpna",
  capital: "rnna",
  labour: "emp",
  labourShare: "labsh",
  compare: "rtfpna",
  from: 2000,
  to: 2019,
} as const;

/** Colours: our TFP growth (bars), the compared index's growth (line). */
export const TFP_COLORS = { ours: "#1f5fa8", compared: "#c0392b" } as const;

/** The chart's and the table's words (zh-CN / en). */
export interface TfpText {
  readonly title: string;
  readonly ours: string;
  readonly compared: (column: string) => string;
  readonly year: string;
  readonly axis: string;
  readonly mean: string;
  readonly sd: string;
  readonly cv: string;
  readonly meanContribution: string;
  readonly outputGrowth: string;
  readonly capitalGrowth: string;
  readonly labourGrowth: string;
  readonly capitalShare: string;
  readonly tfpGrowth: string;
  readonly contribution: string;
  readonly points: string;
}

const TEXT: Readonly<Record<Locale, TfpText>> = {
  "zh-CN": {
    title: "全要素生产率增长：Törnqvist 核算与 PWT 指数",
    ours: "TFP 增长（本系统，Törnqvist）",
    compared: (c) => `PWT 的 TFP 增长（${c}）`,
    year: "年份",
    axis: "%",
    mean: "均值",
    sd: "标准差",
    cv: "变异系数",
    meanContribution: "平均贡献率",
    outputGrowth: "产出增长 g_Y",
    capitalGrowth: "资本增长 g_K",
    labourGrowth: "劳动增长 g_L",
    capitalShare: "资本份额 s_K",
    tfpGrowth: "TFP 增长 g_A",
    contribution: "TFP 贡献率",
    points: "个百分点",
  },
  en: {
    title: "TFP growth: Törnqvist accounting and PWT's index",
    ours: "TFP growth (ours, Törnqvist)",
    compared: (c) => `PWT TFP growth (${c})`,
    year: "year",
    axis: "%",
    mean: "mean",
    sd: "s.d.",
    cv: "CV",
    meanContribution: "mean contribution",
    outputGrowth: "g_Y",
    capitalGrowth: "g_K",
    labourGrowth: "g_L",
    capitalShare: "s_K",
    tfpGrowth: "g_A",
    contribution: "TFP contribution",
    points: "pp",
  },
};

/** The words of a locale. */
export function tfpText(locale: Locale): TfpText {
  return TEXT[locale];
}

/** A growth rate or share in percent, two decimals, signed when negative: `1.95%`, `−0.26%`. */
export function formatPercent(v: number | null | undefined, locale: Locale, digits = 2): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "—";
  const s = formatNumber(Math.abs(v * 100), { lang: locale, digits, grouping: false });
  const zero = formatNumber(0, { lang: locale, digits, grouping: false });
  return `${v < 0 && s !== zero ? "−" : ""}${s}%`;
}

/** A plain number, two decimals (the CV). */
export function formatRatio(v: number | null | undefined, locale: Locale): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "—";
  return `${v < 0 ? "−" : ""}${formatNumber(Math.abs(v), { lang: locale, digits: 2, grouping: false })}`;
}

/** The compared column (`rtfpna`) from the provenance parameters, or `compare`. */
export function comparedColumn(data: TfpResult): string {
  const c = data.provenance.parameters.compare;
  return typeof c === "string" && c !== "" ? c : "compare";
}

/**
 * The run's parameters from its provenance, without sentences: `output=rgdpna · capital=rnna · …
 * · window=2000–2019` (a two-year window as a range).
 */
export function tfpParametersLine(data: TfpResult): string {
  const dash = "–";
  return Object.entries(data.provenance.parameters)
    .map(([k, v]) => {
      const value =
        Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === "number")
          ? `${v[0]}${dash}${v[1]}`
          : typeof v === "string" || typeof v === "number" || typeof v === "boolean"
            ? String(v)
            : JSON.stringify(v);
      return `${k}=${value}`;
    })
    .join(" · ");
}

/** Mean, s.d. and CV of our TFP growth: `均值 1.53% · 标准差 2.26 个百分点 · 变异系数 1.47`. */
export function tfpSummaryLine(data: TfpResult, locale: Locale): string {
  const T = TEXT[locale];
  const sd = formatNumber(data.summary.sd * 100, { lang: locale, digits: 2, grouping: false });
  return [
    `${T.mean} ${formatPercent(data.summary.mean_tfp_growth, locale)}`,
    `${T.sd} ${sd} ${T.points}`,
    `${T.cv} ${formatRatio(data.summary.cv, locale)}`,
  ].join(" · ");
}

export interface TfpChartOptions {
  /** a second subtitle line (the page and the report pass the i18n note on PWT's own index) */
  readonly note?: string;
}

/**
 * Builds the TFP growth chart option.
 * @param data `GET /api/productivity/tfp` JSON
 * @param labels chart labels of the locale (provenance words)
 * @param locale number formatting locale
 * @param options `note`: a second subtitle line
 * @returns an ECharts option: category x axis of the periods' years; bars of our TFP growth (%), a line
 *   of the compared index's growth (%, gaps where it has none); the subtitle holds mean, s.d. and CV
 */
export function tfpChart(
  data: TfpResult,
  labels: ChartLabels,
  locale: Locale,
  options: TfpChartOptions = {},
): EChartsOption {
  const T = TEXT[locale];
  const sep = labelSeparator(locale);
  const periods = data.periods.filter((p) => p.year !== null).sort((a, b) => (a.year ?? 0) - (b.year ?? 0));
  const compared = T.compared(comparedColumn(data));
  const P = labels.provenance;
  const prov = provenanceTooltipHtml(
    provenanceEntries(data.provenance, P).filter((e) => e.label !== P.caveats && e.label !== P.tableYear),
    P.heading,
    sep,
  );
  const tip = (p: TfpPeriod): string => {
    const line = (k: string, v: string) => `${escapeHtml(k)}${sep}${escapeHtml(v)}`;
    return (
      [
        `<b>${p.year}</b>`,
        line(T.tfpGrowth, formatPercent(p.tfp_growth, locale)),
        line(compared, formatPercent(p.compared_growth, locale)),
        line(T.outputGrowth, formatPercent(p.output_growth, locale)),
        line(T.capitalGrowth, formatPercent(p.capital_growth, locale)),
        line(T.labourGrowth, formatPercent(p.labour_growth, locale)),
        line(T.capitalShare, formatPercent(p.capital_share, locale, 1)),
        line(T.contribution, formatPercent(p.contribution_tfp, locale, 1)),
      ].join("<br/>") + prov
    );
  };
  const pct = (v: number) => Math.round(v * 1e6) / 1e4;
  const subtitle = [tfpSummaryLine(data, locale), options.note].filter((s) => s !== undefined && s !== "").join("\n");
  return {
    animation: false,
    title: {
      text: T.title,
      subtext: subtitle,
      left: "center",
      textStyle: { fontSize: 16 },
      subtextStyle: { fontSize: 11, lineHeight: 16 },
    },
    legend: { bottom: 0, data: [T.ours, compared] },
    grid: { left: 56, right: 32, top: options.note === undefined ? 80 : 96, bottom: 56 },
    tooltip: {
      trigger: "item",
      confine: true,
      formatter: (params: unknown) => {
        const d = (params as { data?: { tip?: unknown } }).data;
        return typeof d?.tip === "string" ? d.tip : "";
      },
    },
    xAxis: { type: "category", data: periods.map((p) => String(p.year)), name: T.year, nameLocation: "end" },
    yAxis: {
      type: "value",
      name: T.axis,
      axisLabel: { formatter: (v: number) => formatNumber(v, { lang: locale, digits: 0, grouping: false }) },
      splitLine: { lineStyle: { color: "#eee" } },
    },
    series: [
      {
        type: "bar",
        name: T.ours,
        color: TFP_COLORS.ours,
        barMaxWidth: 22,
        data: periods.map((p) => ({ value: [String(p.year), pct(p.tfp_growth)], tip: tip(p) })),
      },
      {
        type: "line",
        name: compared,
        color: TFP_COLORS.compared,
        connectNulls: false,
        symbol: "diamond",
        symbolSize: 8,
        z: 4,
        data: periods.map((p) =>
          p.compared_growth === null
            ? { value: [String(p.year), "-"] }
            : { value: [String(p.year), pct(p.compared_growth)], tip: tip(p) },
        ),
      },
    ] as NonNullable<EChartsOption["series"]>,
  };
}
