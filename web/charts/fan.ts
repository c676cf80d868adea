/**
 * Forecast fan chart (预测扇形图) of `GET|POST /api/forecast/arimax`: the history as a line, the
 * forecast mean with the model's 80 % and 95 % prediction bands, and — when a growth scenario for the
 * regressors was given — the simulated P10–P90 and P2.5–P97.5 bands and median of the scenario fan.
 * Bands are stacked areas (lower bound + width). The forecast starts from the last observed value.
 *
 * Also the overlay of a published scenario path (`publishedPathChart`): CAICT's printed values, read
 * from the reproduction rows of `GET /api/reproduction`, drawn as published and not reproducible.
 */
import type { EChartsOption } from "echarts";
import type { z } from "zod";
import { formatNumber } from "../../src/i18n/format.js";
import type { arimaxWire } from "../../src/methods/econometrics/forecast.js";
import type { Locale, ReproductionRow } from "./api-types.js";
import type { ChartLabels } from "./labels.js";
import { escapeHtml } from "./number-format.js";
import { labelSeparator, provenanceEntries, provenanceTooltipHtml } from "./provenance.js";

/** `GET /api/forecast/arimax?dataset=&y=&xreg=&order=&h=&scenario=` (or POST a data frame). */
export type ArimaxResult = z.output<typeof arimaxWire>;

/** Colours: history, forecast mean and its bands; scenario median and its bands; a published path. */
export const FAN_COLORS = {
  history: "#333333",
  mean: "#1f5fa8",
  band80: "rgba(31,95,168,0.30)",
  band95: "rgba(31,95,168,0.14)",
  scenario: "#d35400",
  scen80: "rgba(211,84,0,0.22)",
  scen95: "rgba(211,84,0,0.10)",
  published: "#7d3c98",
} as const;

/** The chart's words (zh-CN / en). */
export interface FanText {
  readonly title: string;
  readonly subtitle: (r: ArimaxResult) => string;
  readonly history: string;
  readonly mean: string;
  readonly band80: string;
  readonly band95: string;
  readonly scenarioMedian: string;
  readonly scen80: string;
  readonly scen95: string;
  readonly year: string;
  readonly step: string;
  readonly publishedTitle: string;
  readonly publishedSubtitle: string;
  readonly publishedSeries: string;
  readonly notReproducible: string;
  readonly projected: string;
}

const orderText = (r: ArimaxResult) =>
  `ARIMA(${r.order.join(",")})${r.xreg.length === 0 ? "" : ` + xreg(${r.xreg.join(", ")})`}`;

const TEXT: Readonly<Record<Locale, FanText>> = {
  "zh-CN": {
    title: "ARIMAX 预测扇形图",
    subtitle: (r) =>
      `${r.y}（${r.dataset}）· ${orderText(r)} · ${r.method}${r.scenario === null ? "" : `\n情景：${r.scenario.name}`}`,
    history: "历史值",
    mean: "预测均值",
    band80: "80% 预测区间",
    band95: "95% 预测区间",
    scenarioMedian: "情景中位数（模拟）",
    scen80: "情景 P10–P90（模拟）",
    scen95: "情景 P2.5–P97.5（模拟）",
    year: "年份",
    step: "期",
    publishedTitle: "信通院公布的情景路径（不可复现）",
    publishedSubtitle: "实体经济主营业务成本率，公布值；信通院所用序列未公开，本系统无法复现",
    publishedSeries: "公布值（信通院）",
    notReproducible: "不可复现：所用序列未公开",
    projected: "预测值",
  },
  en: {
    title: "ARIMAX forecast fan",
    subtitle: (r) =>
      `${r.y} (${r.dataset}) · ${orderText(r)} · ${r.method}${r.scenario === null ? "" : `\nscenario: ${r.scenario.name}`}`,
    history: "history",
    mean: "forecast mean",
    band80: "80% prediction interval",
    band95: "95% prediction interval",
    scenarioMedian: "scenario median (simulated)",
    scen80: "scenario P10–P90 (simulated)",
    scen95: "scenario P2.5–P97.5 (simulated)",
    year: "year",
    step: "step",
    publishedTitle: "CAICT's published scenario path (not reproducible)",
    publishedSubtitle:
      "real-economy main-business cost ratio as printed; CAICT's series are not public, so it cannot be reproduced",
    publishedSeries: "published (CAICT)",
    notReproducible: "not reproducible: the series are not public",
    projected: "projected",
  },
};

/** The words of a locale. */
export function fanText(locale: Locale): FanText {
  return TEXT[locale];
}

/** A level with grouping and one decimal (亿元 values of the shipped series). */
export function formatLevel(v: number | null | undefined, locale: Locale, digits = 1): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "—";
  return formatNumber(v, { lang: locale, digits, grouping: true });
}

export interface FanChartOptions {
  /** history years shown before the forecast (the rest is cut) @default 12 */
  readonly historyYears?: number;
}

type Cell = number | "-";

/**
 * Builds the fan chart option.
 * @param data `GET /api/forecast/arimax` JSON
 * @param labels chart labels of the locale (provenance words)
 * @param locale number formatting locale
 * @returns an ECharts option on a category axis of the years (or steps when the series has no time
 *   column): history line; stacked band series (`stack` fan95, fan80, scen95, scen80: a transparent
 *   lower bound and the width as an area); the forecast mean and the scenario median as lines
 */
export function fanChart(
  data: ArimaxResult,
  labels: ChartLabels,
  locale: Locale,
  options: FanChartOptions = {},
): EChartsOption {
  const T = TEXT[locale];
  const sep = labelSeparator(locale);
  const keep = Math.max(1, options.historyYears ?? 12);
  const history = data.history.slice(-keep);
  const last = history[history.length - 1];
  const hx = history.map((p, i) => (p.year === null ? `${i - history.length + 1}` : String(p.year)));
  const fx = data.forecast.map((f) => (f.year === null ? `${T.step} ${f.step}` : String(f.year)));
  const categories = [...hx, ...fx];
  const nh = history.length;
  const pad = (n: number): Cell[] => Array.from({ length: n }, () => "-" as const);
  // forecast-side arrays start at the last observed point (zero width there), so the fan joins the line
  const join = (values: readonly number[]): Cell[] =>
    last === undefined ? [...pad(nh), ...values] : [...pad(nh - 1), last.value, ...values];
  const width = (lo: readonly number[], hi: readonly number[]): Cell[] =>
    join(hi.map((v, i) => v - (lo[i] as number))).map((v, i) => (i === nh - 1 && last !== undefined ? 0 : v));

  const f = data.forecast;
  const fan = data.scenario?.fan ?? [];
  const P = labels.provenance;
  const prov = provenanceTooltipHtml(
    provenanceEntries(data.provenance, P).filter((e) => e.label !== P.caveats && e.label !== P.tableYear),
    P.heading,
    sep,
  );
  const tipAt = (i: number): string => {
    const lines: string[] = [`<b>${escapeHtml(categories[i] ?? "")}</b>`];
    const line = (k: string, v: string) => lines.push(`${escapeHtml(k)}${sep}${escapeHtml(v)}`);
    if (i < nh) line(T.history, formatLevel(history[i]?.value, locale));
    else {
      const r = f[i - nh];
      if (r !== undefined) {
        line(T.mean, formatLevel(r.mean, locale));
        line(T.band80, `${formatLevel(r.lower80, locale)} – ${formatLevel(r.upper80, locale)}`);
        line(T.band95, `${formatLevel(r.lower95, locale)} – ${formatLevel(r.upper95, locale)}`);
      }
      const s = fan[i - nh];
      if (s !== undefined) {
        line(T.scenarioMedian, formatLevel(s.p50, locale));
        line(T.scen80, `${formatLevel(s.p10, locale)} – ${formatLevel(s.p90, locale)}`);
        line(T.scen95, `${formatLevel(s.p025, locale)} – ${formatLevel(s.p975, locale)}`);
      }
    }
    return lines.join("<br/>") + prov;
  };

  const base = (name: string, stack: string, values: Cell[]) => ({
    type: "line",
    name,
    stack,
    data: values,
    symbol: "none",
    lineStyle: { opacity: 0 },
    silent: true,
    tooltip: { show: false },
  });
  const band = (name: string, stack: string, values: Cell[], color: string) => ({
    type: "line",
    name,
    stack,
    data: values,
    symbol: "none",
    color,
    lineStyle: { opacity: 0 },
    areaStyle: { color, opacity: 1 },
    silent: true,
  });
  const series: unknown[] = [];
  if (fan.length > 0) {
    series.push(
      base("__s95", "scen95", join(fan.map((s) => s.p025))),
      band(
        T.scen95,
        "scen95",
        width(
          fan.map((s) => s.p025),
          fan.map((s) => s.p975),
        ),
        FAN_COLORS.scen95,
      ),
      base("__s80", "scen80", join(fan.map((s) => s.p10))),
      band(
        T.scen80,
        "scen80",
        width(
          fan.map((s) => s.p10),
          fan.map((s) => s.p90),
        ),
        FAN_COLORS.scen80,
      ),
    );
  }
  series.push(
    base("__f95", "fan95", join(f.map((r) => r.lower95))),
    band(
      T.band95,
      "fan95",
      width(
        f.map((r) => r.lower95),
        f.map((r) => r.upper95),
      ),
      FAN_COLORS.band95,
    ),
    base("__f80", "fan80", join(f.map((r) => r.lower80))),
    band(
      T.band80,
      "fan80",
      width(
        f.map((r) => r.lower80),
        f.map((r) => r.upper80),
      ),
      FAN_COLORS.band80,
    ),
    {
      type: "line",
      name: T.history,
      color: FAN_COLORS.history,
      symbol: "circle",
      symbolSize: 4,
      z: 4,
      data: [...history.map((p) => p.value), ...pad(f.length)],
    },
    {
      type: "line",
      name: T.mean,
      color: FAN_COLORS.mean,
      symbol: "circle",
      symbolSize: 5,
      lineStyle: { width: 2 },
      z: 5,
      data: join(f.map((r) => r.mean)),
    },
  );
  if (fan.length > 0)
    series.push({
      type: "line",
      name: T.scenarioMedian,
      color: FAN_COLORS.scenario,
      symbol: "none",
      lineStyle: { width: 1.5, type: "dashed" },
      z: 5,
      data: join(fan.map((s) => s.p50)),
    });

  const legend = [
    T.history,
    T.mean,
    T.band80,
    T.band95,
    ...(fan.length > 0 ? [T.scenarioMedian, T.scen80, T.scen95] : []),
  ];
  return {
    animation: false,
    title: {
      text: T.title,
      subtext: T.subtitle(data),
      left: "center",
      textStyle: { fontSize: 16 },
      subtextStyle: { fontSize: 11, lineHeight: 15 },
    },
    legend: { bottom: 0, data: legend },
    grid: { left: 84, right: 32, top: fan.length > 0 ? 96 : 80, bottom: fan.length > 0 ? 72 : 56 },
    tooltip: {
      trigger: "axis",
      confine: true,
      formatter: (params: unknown) => {
        const first = Array.isArray(params) ? params[0] : params;
        const i = (first as { dataIndex?: number } | undefined)?.dataIndex;
        return typeof i === "number" ? tipAt(i) : "";
      },
    },
    xAxis: { type: "category", data: categories, boundaryGap: false, name: T.year, nameLocation: "end" },
    yAxis: {
      type: "value",
      name: data.y,
      scale: true,
      axisLabel: { formatter: (v: number) => formatLevel(v, locale, 0) },
      splitLine: { lineStyle: { color: "#eee" } },
    },
    series: series as NonNullable<EChartsOption["series"]>,
  };
}

/** The rows of a published scenario path (e.g. `quantity === "forecast_ratio"`), by year. */
export interface PublishedPathOptions {
  /** the quantity's name in the locale (from the rows' citation when absent) */
  readonly quantity?: string;
  readonly unit?: string;
}

/**
 * Builds the overlay of a published scenario path: the printed values as a dashed line with labelled
 * points, titled as published and not reproducible. Only printed numbers from the rows, none made up.
 * @param rows reproduction rows with a printed value and a year (computed is null: not reproducible)
 */
export function publishedPathChart(
  rows: readonly ReproductionRow[],
  _labels: ChartLabels,
  locale: Locale,
  options: PublishedPathOptions = {},
): EChartsOption {
  const T = TEXT[locale];
  const sep = labelSeparator(locale);
  const points = rows
    .filter((r) => r.published !== null && r.year !== undefined)
    .sort((a, b) => (a.year as number) - (b.year as number));
  const years = points.map((r) => r.year as number);
  const first = years[0] ?? 0;
  const lastYear = years[years.length - 1] ?? 0;
  const categories = Array.from({ length: Math.max(0, lastYear - first + 1) }, (_, i) => String(first + i));
  const unit = options.unit ?? "%";
  const values = points.map((r) => r.published as number);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const span = Math.max(hi - lo, 0.5);
  return {
    animation: false,
    title: {
      text: T.publishedTitle,
      subtext: options.quantity === undefined ? T.publishedSubtitle : `${options.quantity} · ${T.notReproducible}`,
      left: "center",
      textStyle: { fontSize: 15 },
      subtextStyle: { fontSize: 11 },
    },
    legend: { bottom: 0, data: [T.publishedSeries] },
    grid: { left: 56, right: 32, top: 72, bottom: 48 },
    tooltip: {
      trigger: "item",
      confine: true,
      formatter: (params: unknown) => {
        const d = (params as { data?: { tip?: unknown } }).data;
        return typeof d?.tip === "string" ? d.tip : "";
      },
    },
    xAxis: { type: "category", data: categories, name: T.year, nameLocation: "end" },
    yAxis: {
      type: "value",
      name: unit,
      min: Math.floor((lo - span * 0.4) * 2) / 2,
      max: Math.ceil((hi + span * 0.4) * 2) / 2,
      axisLabel: { formatter: (v: number) => `${formatNumber(v, { lang: locale, digits: 1, grouping: false })}` },
      splitLine: { lineStyle: { color: "#eee" } },
    },
    series: [
      {
        type: "line",
        name: T.publishedSeries,
        color: FAN_COLORS.published,
        connectNulls: true,
        lineStyle: { type: "dashed", width: 2 },
        symbol: "diamond",
        symbolSize: 11,
        label: {
          show: true,
          position: "top",
          fontSize: 11,
          formatter: (p: unknown) => {
            const v = (p as { data?: { value?: [string, number] } }).data?.value?.[1];
            return typeof v === "number"
              ? `${formatNumber(v, { lang: locale, digits: 2, grouping: false })}${unit}`
              : "";
          },
        },
        data: points.map((r) => {
          const citation = locale === "en" ? r.citation_en : r.citation_zh;
          const tip = [
            `<b>${r.year}</b>${sep}${escapeHtml(`${formatNumber(r.published as number, { lang: locale, digits: 2, grouping: false })}${unit}`)}`,
            escapeHtml(r.year === first ? T.publishedSeries : `${T.publishedSeries} · ${T.projected}`),
            escapeHtml(T.notReproducible),
            ...(citation ? [escapeHtml(citation)] : []),
          ].join("<br/>");
          return { value: [String(r.year), r.published as number], tip };
        }),
      },
    ] as NonNullable<EChartsOption["series"]>,
  };
}
