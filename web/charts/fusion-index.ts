/**
 * 图2 analogue: the real–digital integration index (实数融合发展指数) on its public-data proxy against
 * the GDP index — digital products' final consumption, investment and net exports in the OECD tables
 * 1995–2018 as stacked sub-index bars (additive decomposition: they sum to the index), the index and
 * the GDP index as lines (base year = 100), the base year and the crossing year marked, and the values
 * CAICT prints (seed 000 §二(一)1, reproduction rows 4 and 7) as a separate marker series on their own
 * axis: different data, not comparable in level, never merged into the proxy.
 */
import type { EChartsOption } from "echarts";
import type { FusionPublished, FusionResult, FusionYear, Locale } from "./api-types.js";
import type { ChartLabels } from "./labels.js";
import { escapeHtml, formatCoefficient } from "./number-format.js";
import { labelSeparator, provenanceEntries, provenanceTooltipHtml } from "./provenance.js";

/** Colours: sub-index bars, index and GDP lines, CAICT's markers, base-year and crossing marks. */
export const FUSION_COLORS = {
  consumption: "#8fb8e3",
  investment: "#3f7fc4",
  netExports: "#b9d3a8",
  index: "#12304f",
  gdp: "#8a6d3b",
  published: "#c0392b",
  base: "#7a8594",
  crossing: "#a15c00",
} as const;

/** CAICT's printed index levels (unit `index`, with a year and a value), grouped by reproduction row. */
export function publishedLevels(data: FusionResult): Map<number, FusionPublished[]> {
  const groups = new Map<number, FusionPublished[]>();
  for (const p of data.published) {
    if (p.unit !== "index" || p.year === null || p.value === null) continue;
    const list = groups.get(p.ref) ?? [];
    list.push(p);
    groups.set(p.ref, list);
  }
  return groups;
}

/** A CAICT quantity without its "(projected)" qualifier: the name of its marker series. */
function baseQuantity(p: FusionPublished, locale: Locale): string {
  const q = locale === "en" ? p.quantityEn : p.quantityZh;
  return q.replace(/\s*[（(][^）)]*[）)]\s*$/, "");
}

/** Whether a printed value is a projection (预计 / projected). */
export function isProjected(p: FusionPublished): boolean {
  return /预计|projected/.test(`${p.quantityZh} ${p.quantityEn}`);
}

/**
 * Builds the index-vs-GDP chart option.
 * @param data `GET /api/fusion/index` JSON
 * @param labels chart labels of the locale
 * @param locale number formatting locale
 * @returns an ECharts option: category x axis of the years from the first table to the last printed
 *   value; three stacked bar series of the sub-indices (lines when the decomposition is `self_based`,
 *   whose sub-indices do not add up); line series of the index (carrying the base-year and crossing
 *   marks) and of the GDP index; one marker series per printed CAICT quantity on the right axis
 */
export function fusionIndexChart(data: FusionResult, labels: ChartLabels, locale: Locale): EChartsOption {
  const L = labels.fusion;
  const P = labels.provenance;
  const sep = labelSeparator(locale);
  const years = [...data.years].sort((a, b) => a.year - b.year);
  const levels = publishedLevels(data);
  const printedYears = [...levels.values()].flat().map((p) => p.year as number);
  const first = years[0]?.year ?? Math.min(...printedYears);
  const last = Math.max(years[years.length - 1]?.year ?? first, ...printedYears);
  const categories = Array.from({ length: last - first + 1 }, (_, i) => String(first + i));
  const additive = data.decomposition === "additive";
  const num = (v: number): string => formatCoefficient(v, locale, 2);

  const tip = (y: FusionYear): string => {
    const rows: [string, number][] = [
      [L.index, y.index],
      [L.consumption, y.consumptionIndex],
      [L.investment, y.investmentIndex],
      [L.netExports, y.netExportsIndex],
      [L.gdp, y.gdpIndex],
    ];
    const lines = [
      `<b>${escapeHtml(String(y.year))}</b> · ${escapeHtml(L.baseYear(data.baseYear))}`,
      ...rows.map(([k, v]) => `${escapeHtml(k)}${sep}${escapeHtml(num(v))}`),
    ];
    const entries = provenanceEntries(data.provenance, P, { datasetIds: [y.table] }).filter(
      (e) => e.label !== P.caveats,
    );
    return lines.join("<br/>") + provenanceTooltipHtml(entries, P.heading, sep);
  };

  const component = (name: string, color: string, pick: (y: FusionYear) => number) => ({
    type: additive ? "bar" : "line",
    name,
    color,
    ...(additive ? { stack: "components", barMaxWidth: 18 } : { symbolSize: 4 }),
    data: years.map((y) => ({ value: [String(y.year), pick(y)], tip: tip(y) })),
  });

  const marks: unknown[] = [
    {
      name: L.baseYear(data.baseYear),
      xAxis: String(data.baseYear),
      lineStyle: { color: FUSION_COLORS.base, type: "dashed" },
      label: { formatter: L.baseYear(data.baseYear), position: "end", color: FUSION_COLORS.base, fontSize: 11 },
    },
  ];
  const crossing = data.stats.crossingYear;
  if (crossing !== null)
    marks.push({
      name: L.crossing(crossing),
      xAxis: String(crossing),
      lineStyle: { color: FUSION_COLORS.crossing, type: "dotted", width: 1.5 },
      label: { formatter: L.crossing(crossing), position: "end", color: FUSION_COLORS.crossing, fontSize: 11 },
    });

  const symbols = ["diamond", "triangle", "rect", "pin"];
  const publishedSeries = [...levels.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, points], i) => {
      const first = points[0] as FusionPublished;
      const symbol = symbols[i % symbols.length] as string;
      return {
        type: "scatter",
        name: `${L.published}${sep}${baseQuantity(first, locale)}`,
        yAxisIndex: 1,
        color: FUSION_COLORS.published,
        symbol,
        symbolSize: 11,
        z: 5,
        label: {
          show: true,
          position: "top",
          fontSize: 11,
          color: FUSION_COLORS.published,
          formatter: (params: unknown) => {
            const v = (params as { data?: { value?: [string, number] } }).data?.value?.[1];
            return typeof v === "number" ? num(v) : "";
          },
        },
        data: points.map((p) => ({
          value: [String(p.year), p.value as number],
          id: p.id,
          projected: isProjected(p),
          // a projection is drawn hollow
          ...(isProjected(p) && {
            itemStyle: { color: "#fff", borderColor: FUSION_COLORS.published, borderWidth: 1.5 },
          }),
          tip:
            `<b>${escapeHtml(`${L.published} · ${p.year}`)}</b><br/>` +
            `${escapeHtml(locale === "en" ? p.quantityEn : p.quantityZh)}${sep}${escapeHtml(num(p.value as number))}<br/>` +
            `<i>${escapeHtml(L.notComparable)}</i><br/><small>${escapeHtml(p.id)}</small>`,
        })),
      };
    });

  const series = [
    component(L.consumption, FUSION_COLORS.consumption, (y) => y.consumptionIndex),
    component(L.investment, FUSION_COLORS.investment, (y) => y.investmentIndex),
    component(L.netExports, FUSION_COLORS.netExports, (y) => y.netExportsIndex),
    {
      type: "line",
      name: L.index,
      color: FUSION_COLORS.index,
      symbolSize: 5,
      lineStyle: { width: 2.5 },
      z: 4,
      data: years.map((y) => ({ value: [String(y.year), y.index], tip: tip(y) })),
      markLine: { silent: true, symbol: "none", data: marks as never },
    },
    {
      type: "line",
      name: L.gdp,
      color: FUSION_COLORS.gdp,
      symbolSize: 5,
      lineStyle: { width: 2, type: "dashed" },
      z: 4,
      data: years.map((y) => ({ value: [String(y.year), y.gdpIndex], tip: tip(y) })),
    },
    ...publishedSeries,
  ];

  return {
    animation: false,
    title: {
      text: L.title,
      subtext: L.subtitle(data.baseYear),
      left: "center",
      textStyle: { fontSize: 16 },
      subtextStyle: { fontSize: 11, width: 600, overflow: "break" },
    },
    legend: { bottom: 0, left: "center", width: "92%", itemGap: 12, textStyle: { fontSize: 11 } },
    grid: { left: 56, right: 64, top: 112, bottom: 84 },
    tooltip: {
      trigger: "item",
      confine: true,
      formatter: (params: unknown) => {
        const d = (params as { data?: { tip?: unknown } }).data;
        return typeof d?.tip === "string" ? d.tip : "";
      },
    },
    xAxis: { type: "category", data: categories, name: L.year, nameLocation: "end", axisLabel: { interval: 4 } },
    yAxis: [
      { type: "value", name: L.axis, splitLine: { lineStyle: { color: "#eee" } } },
      {
        type: "value",
        name: L.publishedAxis,
        position: "right",
        min: 0,
        splitLine: { show: false },
        axisLine: { show: true, lineStyle: { color: FUSION_COLORS.published } },
        axisLabel: { color: FUSION_COLORS.published },
        nameTextStyle: { color: FUSION_COLORS.published, align: "right" },
      },
    ],
    series: series as NonNullable<EChartsOption["series"]>,
  };
}
