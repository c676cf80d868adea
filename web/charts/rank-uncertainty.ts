/**
 * The uncertainty and sensitivity of the regional ranking (spec §12; COINr's rank plots): per province
 * the 5–95 % rank interval of the Monte-Carlo runs as a whisker, its median rank and its baseline rank,
 * sorted by rank; and the first-order and total Sobol indices of each analytical choice as bars.
 */
import type { EChartsOption } from "echarts";
import type { Locale, RegionRankResult, RegionRow } from "./api-types.js";
import type { ChartLabels } from "./labels.js";
import { escapeHtml, formatCoefficient } from "./number-format.js";
import { labelSeparator } from "./provenance.js";

export const RANK_COLORS = {
  whisker: "#7fa9d9",
  median: "#12304f",
  rank: "#c0392b",
  firstOrder: "#2f6db5",
  total: "#b9cfe8",
} as const;

/** A rank quantile: whole, or with one decimal when the interpolation falls between ranks. */
export function rankText(v: number, locale: Locale): string {
  return Math.abs(v - Math.round(v)) < 1e-6 ? String(Math.round(v)) : formatCoefficient(v, locale, 1);
}

/** The 5–95 % interval as text, e.g. `1–3`. */
export function intervalText(r: RegionRow, locale: Locale): string {
  if (r.interval === undefined) return "—";
  return `${rankText(r.interval.p05, locale)}–${rankText(r.interval.p95, locale)}`;
}

/**
 * Builds the rank-interval (whisker) chart: provinces top to bottom by baseline rank; a transparent
 * bar up to p05 stacked with a thin bar from p05 to p95 draws each whisker (no custom series needed,
 * so the same option renders on canvas and in server-side SVG).
 * @param data `GET /api/region/rank?runs=N` JSON (regions without an interval are left out)
 * @returns an ECharts option; `series[1].data` holds one whisker per province with its tooltip
 */
export function rankIntervalChart(data: RegionRankResult, labels: ChartLabels, locale: Locale): EChartsOption {
  const L = labels.region;
  const sep = labelSeparator(locale);
  const rows = data.regions.filter((r) => r.interval !== undefined).sort((a, b) => a.rank - b.rank);
  const names = rows.map((r) => (locale === "en" ? r.nameEn : r.nameZh));
  const n = data.regions.length;
  const tip = (r: RegionRow): string => {
    const iv = r.interval as NonNullable<RegionRow["interval"]>;
    return [
      `<b>${escapeHtml(locale === "en" ? r.nameEn : r.nameZh)}</b> (${escapeHtml(r.code)})`,
      `${escapeHtml(L.rank)}${sep}${r.rank}`,
      `${escapeHtml(L.median)}${sep}${escapeHtml(rankText(iv.median, locale))}`,
      `${escapeHtml(L.interval)}${sep}${escapeHtml(intervalText(r, locale))}`,
      `${escapeHtml(L.score)}${sep}${escapeHtml(formatCoefficient(r.score, locale, 1))}`,
      `${escapeHtml(L.tier)}${sep}${r.tier}`,
    ].join("<br/>");
  };
  return {
    animation: false,
    title: {
      text: L.intervalTitle,
      subtext: L.intervalSubtitle,
      left: "center",
      textStyle: { fontSize: 16 },
      subtextStyle: { fontSize: 11, width: 560, overflow: "break" },
    },
    legend: { bottom: 0, data: [L.interval, L.median, L.rank] },
    grid: { left: locale === "en" ? 104 : 64, right: 24, top: 78, bottom: 72 },
    tooltip: {
      trigger: "item",
      confine: true,
      formatter: (params: unknown) => {
        const d = (params as { data?: { tip?: unknown } }).data;
        return typeof d?.tip === "string" ? d.tip : "";
      },
    },
    xAxis: {
      type: "value",
      name: L.rankAxis,
      nameLocation: "middle",
      nameGap: 26,
      min: 0,
      max: Math.max(Math.ceil(n / 5) * 5, 5),
      interval: 5,
      splitLine: { lineStyle: { color: "#eee" } },
    },
    yAxis: {
      type: "category",
      data: names,
      inverse: true,
      axisTick: { show: false },
      axisLabel: { fontSize: 11, interval: 0 },
    },
    series: [
      {
        type: "bar",
        name: "base",
        stack: "interval",
        silent: true,
        itemStyle: { color: "transparent" },
        barWidth: 6,
        data: rows.map((r) => (r.interval as NonNullable<RegionRow["interval"]>).p05),
      },
      {
        type: "bar",
        name: L.interval,
        stack: "interval",
        color: RANK_COLORS.whisker,
        barWidth: 6,
        data: rows.map((r) => {
          const iv = r.interval as NonNullable<RegionRow["interval"]>;
          return { value: Math.max(iv.p95 - iv.p05, 0.12), p05: iv.p05, p95: iv.p95, tip: tip(r) };
        }),
      },
      {
        type: "scatter",
        name: L.median,
        color: RANK_COLORS.median,
        symbolSize: 8,
        z: 4,
        data: rows.map((r, i) => ({
          value: [(r.interval as NonNullable<RegionRow["interval"]>).median, names[i] as string],
          tip: tip(r),
        })),
      },
      {
        type: "scatter",
        name: L.rank,
        color: RANK_COLORS.rank,
        symbol: "diamond",
        symbolSize: 8,
        z: 5,
        data: rows.map((r, i) => ({ value: [r.rank, names[i] as string], tip: tip(r) })),
      },
    ] as NonNullable<EChartsOption["series"]>,
  };
}

/**
 * Builds the Sobol-index bars: one category per analytical choice, first-order and total effects.
 * @param data `GET /api/region/rank?runs=N` JSON (`sobol` absent when runs = 0: no bars)
 */
export function sobolChart(data: RegionRankResult, labels: ChartLabels, locale: Locale): EChartsOption {
  const L = labels.region;
  const sep = labelSeparator(locale);
  const sobol = data.sobol ?? [];
  const names = sobol.map((s) => L.factors[s.factor] ?? s.factor);
  const tip = (s: (typeof sobol)[number], i: number): string =>
    [
      `<b>${escapeHtml(names[i] as string)}</b> (${escapeHtml(s.factor)})`,
      `${escapeHtml(L.firstOrder)}${sep}${escapeHtml(formatCoefficient(s.firstOrder, locale, 3))}`,
      `${escapeHtml(L.total)}${sep}${escapeHtml(formatCoefficient(s.total, locale, 3))}`,
    ].join("<br/>");
  const label = {
    show: true,
    position: "top" as const,
    fontSize: 10,
    formatter: (params: unknown) => {
      const v = (params as { data?: { value?: number } }).data?.value;
      return typeof v === "number" ? formatCoefficient(v, locale, 2) : "";
    },
  };
  return {
    animation: false,
    title: {
      text: L.sobolTitle,
      subtext: L.sobolSubtitle,
      left: "center",
      textStyle: { fontSize: 16 },
      subtextStyle: { fontSize: 11, width: 520, overflow: "break" },
    },
    legend: { bottom: 0, data: [L.firstOrder, L.total] },
    grid: { left: 48, right: 16, top: 78, bottom: 64 },
    tooltip: {
      trigger: "item",
      confine: true,
      formatter: (params: unknown) => {
        const d = (params as { data?: { tip?: unknown } }).data;
        return typeof d?.tip === "string" ? d.tip : "";
      },
    },
    xAxis: { type: "category", data: names, axisLabel: { interval: 0, fontSize: 11, width: 90, overflow: "break" } },
    yAxis: {
      type: "value",
      // estimates can fall slightly outside [0, 1] (sampling noise): the axis shows them
      min: Math.floor(Math.min(0, ...sobol.map((s) => s.firstOrder)) * 5) / 5,
      max: Math.ceil(Math.max(1, ...sobol.map((s) => s.total)) * 5) / 5,
      interval: 0.2,
      splitLine: { lineStyle: { color: "#eee" } },
    },
    series: [
      {
        type: "bar",
        name: L.firstOrder,
        color: RANK_COLORS.firstOrder,
        barMaxWidth: 28,
        label,
        data: sobol.map((s, i) => ({ value: s.firstOrder, tip: tip(s, i) })),
      },
      {
        type: "bar",
        name: L.total,
        color: RANK_COLORS.total,
        barMaxWidth: 28,
        label,
        data: sobol.map((s, i) => ({ value: s.total, tip: tip(s, i) })),
      },
    ],
  };
}
