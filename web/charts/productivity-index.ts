/**
 * Labour productivity against the integration index (全员劳动生产率与实数融合指数,
 * `GET /api/productivity/index`): the common years as points (index on x, productivity on y), the OLS
 * line over the index's range when the regression ran, and in the subtitle the slope with its standard
 * error beside the published slope, and the Granger test in both directions — the words of each null
 * hypothesis as the API wrote them. When an estimator was not run, the subtitle says why (the API's
 * message).
 */
import type { EChartsOption } from "echarts";
import type { z } from "zod";
import { formatNumber } from "../../src/i18n/format.js";
import type { productivityIndexWire } from "../../src/methods/econometrics/index.js";
import type { Locale } from "./api-types.js";
import type { ChartLabels } from "./labels.js";
import { escapeHtml } from "./number-format.js";
import { labelSeparator, provenanceEntries, provenanceTooltipHtml } from "./provenance.js";

/** `GET /api/productivity/index?productivity=&index=&…` */
export type ProductivityIndexResult = z.output<typeof productivityIndexWire>;

/** The page's default run: PWT productivity on the public-data index, Granger on log differences. */
export const DEFAULT_PRODUCTIVITY_INDEX_RUN = { productivity: "pwt", index: "proxy", transform: "logdiff" } as const;

/** Colours: the years' points, the fitted line. */
export const PRODUCTIVITY_INDEX_COLORS = { points: "#1f5fa8", line: "#c0392b" } as const;

export interface ProductivityIndexText {
  readonly title: string;
  readonly index: string;
  readonly productivity: (unit: ProductivityIndexResult["productivity_unit"]) => string;
  readonly points: string;
  readonly fitted: string;
  readonly slope: string;
  readonly published: string;
  readonly endpoint: (from: number, to: number) => string;
  readonly granger: string;
  readonly notRun: string;
  readonly lags: string;
  readonly transform: string;
  readonly year: string;
}

const TEXT: Readonly<Record<Locale, ProductivityIndexText>> = {
  "zh-CN": {
    title: "劳动生产率与实数融合指数",
    index: "指数",
    productivity: (u) => (u === "yuan_per_person" ? "劳动生产率（元/人）" : "劳动生产率（2017 年美元/人）"),
    points: "各年观测",
    fitted: "OLS 拟合线",
    slope: "斜率",
    published: "公布的斜率",
    endpoint: (a, b) => `${a}—${b} 年端点斜率`,
    granger: "格兰杰检验",
    notRun: "未运行",
    lags: "滞后",
    transform: "变换",
    year: "年份",
  },
  en: {
    title: "Labour productivity and the integration index",
    index: "index",
    productivity: (u) =>
      u === "yuan_per_person" ? "labour productivity (yuan/person)" : "labour productivity (2017 USD/person)",
    points: "years",
    fitted: "OLS line",
    slope: "slope",
    published: "published slope",
    endpoint: (a, b) => `endpoint slope ${a}–${b}`,
    granger: "Granger test",
    notRun: "not run",
    lags: "lags",
    transform: "transform",
    year: "year",
  },
};

/** The words of a locale. */
export function productivityIndexText(locale: Locale): ProductivityIndexText {
  return TEXT[locale];
}

const fmt = (v: number | null | undefined, locale: Locale, digits: number): string =>
  v === null || v === undefined || !Number.isFinite(v)
    ? "—"
    : formatNumber(v, { lang: locale, digits, grouping: false });

/** p-values: four decimals, or scientific below 1e-4. */
export function formatP(p: number, locale: Locale): string {
  return p < 1e-4 ? p.toExponential(2) : fmt(p, locale, 4);
}

/**
 * The summary lines: slope (s.e., p, R², n) beside the published slope; each Granger direction with
 * its hypothesis, F, df and p; or why an estimator did not run.
 */
export function productivityIndexLines(data: ProductivityIndexResult, locale: Locale): string[] {
  const T = TEXT[locale];
  const sep = labelSeparator(locale);
  const lines: string[] = [];
  const reg = data.regression;
  const slope = reg?.coefficients.find((c) => c.name === "index");
  if (reg !== null && slope !== undefined)
    lines.push(
      `${T.slope}${sep}${fmt(slope.estimate, locale, 1)} (s.e. ${fmt(slope.std_error, locale, 1)}, p ${formatP(slope.p_value, locale)}) · R² ${fmt(reg.r_squared, locale, 3)} · n ${reg.n}`,
    );
  else if (data.regression_not_run !== null)
    lines.push(`${T.fitted}${sep}${T.notRun}: ${data.regression_not_run.message}`);
  if (data.endpoint_slope !== null)
    lines.push(
      `${T.endpoint(data.endpoint_slope.from, data.endpoint_slope.to)}${sep}${fmt(data.endpoint_slope.value, locale, 1)}`,
    );
  lines.push(`${T.published}${sep}${fmt(data.published.value, locale, 1)}`);
  const g = data.granger;
  if (g !== null) {
    for (const d of [g, g.reverse])
      lines.push(
        `${T.granger} (${T.transform} ${g.transform}, ${T.lags} ${d.lags})${sep}H0 ${d.null_hypothesis}: F(${d.df_num}, ${d.df_den}) = ${fmt(d.f, locale, 3)}, p = ${formatP(d.p_value, locale)}`,
      );
  } else if (data.granger_not_run !== null)
    lines.push(`${T.granger}${sep}${T.notRun}: ${data.granger_not_run.message}`);
  return lines;
}

/**
 * Builds the scatter-and-line option.
 * @param data `GET /api/productivity/index` JSON
 * @param labels chart labels of the locale (provenance words)
 * @param locale number formatting locale
 * @returns an ECharts option: value axes (index, productivity); a scatter of the years (tooltip: year,
 *   both values, provenance) and, when the regression ran, the fitted line from the smallest to the
 *   largest index value
 */
export function productivityIndexChart(
  data: ProductivityIndexResult,
  labels: ChartLabels,
  locale: Locale,
): EChartsOption {
  const T = TEXT[locale];
  const sep = labelSeparator(locale);
  const P = labels.provenance;
  const prov = provenanceTooltipHtml(
    provenanceEntries(data.provenance, P).filter((e) => e.label !== P.caveats && e.label !== P.tableYear),
    P.heading,
    sep,
  );
  const yName = T.productivity(data.productivity_unit);
  const tip = (p: ProductivityIndexResult["points"][number]) =>
    [
      `<b>${p.year}</b>`,
      `${escapeHtml(T.index)}${sep}${escapeHtml(fmt(p.index, locale, 2))}`,
      `${escapeHtml(yName)}${sep}${escapeHtml(fmt(p.productivity, locale, 0))}`,
    ].join("<br/>") + prov;
  const coef = data.regression?.coefficients ?? [];
  const a = coef.find((c) => c.name === "(Intercept)")?.estimate;
  const b = coef.find((c) => c.name === "index")?.estimate;
  const xs = data.points.map((p) => p.index);
  const line =
    a !== undefined && b !== undefined && xs.length > 0
      ? [Math.min(...xs), Math.max(...xs)].map((x) => ({ value: [x, a + b * x] }))
      : [];
  const lines = productivityIndexLines(data, locale);
  return {
    animation: false,
    title: {
      text: T.title,
      subtext: lines.join("\n"),
      left: "center",
      textStyle: { fontSize: 16 },
      subtextStyle: { fontSize: 11, lineHeight: 16 },
    },
    legend: { bottom: 0, data: [T.points, ...(line.length > 0 ? [T.fitted] : [])] },
    grid: { left: 72, right: 40, top: 48 + 16 * lines.length, bottom: 56 },
    tooltip: {
      trigger: "item",
      confine: true,
      formatter: (params: unknown) => {
        const d = (params as { data?: { tip?: unknown } }).data;
        return typeof d?.tip === "string" ? d.tip : "";
      },
    },
    xAxis: { type: "value", name: T.index, nameLocation: "end", scale: true, splitLine: { show: false } },
    yAxis: {
      type: "value",
      name: yName,
      scale: true,
      axisLabel: { formatter: (v: number) => formatNumber(v, { lang: locale, digits: 0, grouping: true }) },
      splitLine: { lineStyle: { color: "#eee" } },
    },
    series: [
      {
        type: "scatter",
        name: T.points,
        color: PRODUCTIVITY_INDEX_COLORS.points,
        symbolSize: 8,
        label: {
          show: true,
          position: "right",
          fontSize: 9,
          formatter: (p: unknown) => String((p as { data: { year: number } }).data.year),
        },
        data: data.points.map((p) => ({ value: [p.index, p.productivity], year: p.year, tip: tip(p) })),
      },
      ...(line.length > 0
        ? [
            {
              type: "line",
              name: T.fitted,
              color: PRODUCTIVITY_INDEX_COLORS.line,
              symbol: "none",
              data: line,
            },
          ]
        : []),
    ] as NonNullable<EChartsOption["series"]>,
  };
}
