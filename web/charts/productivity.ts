/**
 * Labour productivity (全员劳动生产率): the value computed from NBS constant-price GDP and average
 * employment (`GET /api/productivity/labour`) as a line, beside the values NBS publishes in its
 * communiqués as points — two series by year, never merged. The tooltip shows both, the price base
 * and the relative difference, then the result's provenance.
 */
import type { EChartsOption } from "echarts";
import type { z } from "zod";
import { formatNumber } from "../../src/i18n/format.js";
import type { productivityWire } from "../../src/methods/econometrics/forecast.js";
import type { Locale } from "./api-types.js";
import type { ChartLabels } from "./labels.js";
import { escapeHtml } from "./number-format.js";
import { labelSeparator, provenanceEntries, provenanceTooltipHtml } from "./provenance.js";

/** `GET /api/productivity/labour?denominator=&tolerance=` */
export type ProductivityResult = z.output<typeof productivityWire>;

/** One year of `ProductivityResult`. */
export type ProductivityYear = ProductivityResult["years"][number];

/** Colours: computed line, published points. */
export const PRODUCTIVITY_COLORS = { computed: "#1f5fa8", official: "#c0392b" } as const;

/** The chart's and the table's words (zh-CN / en). */
export interface ProductivityText {
  readonly title: string;
  readonly subtitle: (denominator: ProductivityResult["denominator"]) => string;
  readonly computed: string;
  readonly official: string;
  readonly year: string;
  readonly axis: string;
  readonly priceBase: string;
  readonly employment: string;
  readonly gdpConstant: string;
  readonly difference: string;
  readonly basePrices: (year: number) => string;
}

const TEXT: Readonly<Record<Locale, ProductivityText>> = {
  "zh-CN": {
    title: "全员劳动生产率：计算值与公布值",
    subtitle: (d) =>
      `不变价 GDP ÷ ${d === "average" ? "年初年末平均就业人员" : "年末就业人员"}（国家统计局口径），公布值取自统计公报`,
    computed: "计算值",
    official: "公布值（统计公报）",
    year: "年份",
    axis: "元/人",
    priceBase: "价格基期",
    employment: "就业人员（万人）",
    gdpConstant: "不变价 GDP（亿元）",
    difference: "差异",
    basePrices: (y) => `${y} 年价格`,
  },
  en: {
    title: "Labour productivity: computed vs published",
    subtitle: (d) =>
      `constant-price GDP ÷ ${d === "average" ? "average employment" : "year-end employment"} (NBS practice); published: NBS communiqués`,
    computed: "computed",
    official: "published (communiqué)",
    year: "year",
    axis: "yuan/person",
    priceBase: "price base",
    employment: "employment (10k)",
    gdpConstant: "constant-price GDP (100m yuan)",
    difference: "difference",
    basePrices: (y) => `${y} prices`,
  },
};

/** The words of a locale. */
export function productivityText(locale: Locale): ProductivityText {
  return TEXT[locale];
}

/** 元/人 with grouping, no decimals: `161,615`. */
export function formatProductivity(v: number | null | undefined, locale: Locale): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "—";
  return formatNumber(v, { lang: locale, digits: 0, grouping: true });
}

/** A relative difference in percent with a sign: `+2.72%`, `−0.04%`, `0.00%`. */
export function formatDifference(v: number | null | undefined, locale: Locale): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "—";
  const s = formatNumber(Math.abs(v * 100), { lang: locale, digits: 2, grouping: false });
  const zero = formatNumber(0, { lang: locale, digits: 2, grouping: false });
  return `${s === zero ? "" : v < 0 ? "−" : "+"}${s}%`;
}

/**
 * Builds the labour-productivity chart option.
 * @param data `GET /api/productivity/labour` JSON
 * @param labels chart labels of the locale (provenance words)
 * @param locale number formatting locale
 * @returns an ECharts option: category x axis of every year the result lists; a line of the computed
 *   values (gaps where they cannot be computed) and a scatter of the published values, each labelled
 */
export function productivityChart(data: ProductivityResult, labels: ChartLabels, locale: Locale): EChartsOption {
  const T = TEXT[locale];
  const sep = labelSeparator(locale);
  const years = [...data.years].sort((a, b) => a.year - b.year);
  const P = labels.provenance;
  const prov = provenanceTooltipHtml(
    provenanceEntries(data.provenance, P).filter((e) => e.label !== P.caveats && e.label !== P.tableYear),
    P.heading,
    sep,
  );
  const tip = (y: ProductivityYear): string => {
    const line = (k: string, v: string) => `${escapeHtml(k)}${sep}${escapeHtml(v)}`;
    return (
      [
        `<b>${y.year}</b>`,
        line(T.computed, `${formatProductivity(y.computed, locale)} ${data.unit}`),
        line(T.official, `${formatProductivity(y.official, locale)} ${data.unit}`),
        line(T.difference, formatDifference(y.relative_difference, locale)),
        line(T.priceBase, y.price_base === null ? "—" : T.basePrices(y.price_base)),
      ].join("<br/>") + prov
    );
  };
  const label = (position: "top" | "bottom", color: string) => ({
    show: true,
    position,
    fontSize: 10,
    color,
    formatter: (p: unknown) => {
      const v = (p as { data?: { value?: [string, number] } }).data?.value?.[1];
      return typeof v === "number" ? formatProductivity(v, locale) : "";
    },
  });
  const values = years.flatMap((y) => [y.computed, y.official]).filter((v): v is number => v !== null);
  const top = Math.max(0, ...values);
  return {
    animation: false,
    title: {
      text: T.title,
      subtext: T.subtitle(data.denominator),
      left: "center",
      textStyle: { fontSize: 16 },
      subtextStyle: { fontSize: 11 },
    },
    legend: { bottom: 0, data: [T.computed, T.official] },
    grid: { left: 72, right: 32, top: 84, bottom: 56 },
    tooltip: {
      trigger: "item",
      confine: true,
      formatter: (params: unknown) => {
        const d = (params as { data?: { tip?: unknown } }).data;
        return typeof d?.tip === "string" ? d.tip : "";
      },
    },
    xAxis: { type: "category", data: years.map((y) => String(y.year)), name: T.year, nameLocation: "end" },
    yAxis: {
      type: "value",
      name: T.axis,
      min: 0,
      max: Math.ceil((top * 1.1) / 50_000) * 50_000,
      axisLabel: { formatter: (v: number) => formatProductivity(v, locale) },
      splitLine: { lineStyle: { color: "#eee" } },
    },
    series: [
      {
        type: "line",
        name: T.computed,
        color: PRODUCTIVITY_COLORS.computed,
        connectNulls: false,
        symbol: "circle",
        symbolSize: 7,
        z: 3,
        label: label("bottom", PRODUCTIVITY_COLORS.computed),
        data: years.map((y) =>
          y.computed === null ? { value: [String(y.year), "-"] } : { value: [String(y.year), y.computed], tip: tip(y) },
        ),
      },
      {
        type: "scatter",
        name: T.official,
        color: PRODUCTIVITY_COLORS.official,
        symbol: "diamond",
        symbolSize: 11,
        z: 4,
        label: label("top", PRODUCTIVITY_COLORS.official),
        data: years
          .filter((y) => y.official !== null)
          .map((y) => ({ value: [String(y.year), y.official as number], tip: tip(y) })),
      },
    ] as NonNullable<EChartsOption["series"]>,
  };
}
