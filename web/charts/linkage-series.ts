/**
 * 图5 analogue: influence (影响力系数) and sensitivity (感应度系数) coefficients of the digital / fusion
 * block across the shipped table years (seed 000 §二(二)1, spec §5.5–5.7). Computed values are lines —
 * solid between IO-table years, dashed with hollow markers where a year is interpolated or held —
 * published values are overlaid as separate markers with their citation in the tooltip, and a reference
 * line marks the economy average 1.0.
 */
import type { EChartsOption } from "echarts";
import type { Locale, PublishedPoint, SeriesPoint, SeriesResult } from "./api-types.js";
import { type ChartLabels, methodLabel } from "./labels.js";
import { escapeHtml, formatCoefficient } from "./number-format.js";
import { labelSeparator, provenanceEntries, provenanceTooltipHtml } from "./provenance.js";

/** Colours of the two quantities (computed line, published marker border). */
export const SERIES_COLORS = { influence: "#1f5fa8", sensitivity: "#d9822b" } as const;

type Quantity = "influence" | "sensitivity";

interface Run {
  readonly dashed: boolean;
  readonly points: SeriesPoint[];
}

/** Splits sorted points into runs of solid (table→table) and dashed (anything estimated) segments. */
function runsOf(points: readonly SeriesPoint[]): Run[] {
  if (points.length === 1) return [{ dashed: points[0]?.source !== "table", points: [...points] }];
  const runs: Run[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i] as SeriesPoint;
    const b = points[i + 1] as SeriesPoint;
    const dashed = a.source !== "table" || b.source !== "table";
    const last = runs[runs.length - 1];
    if (last !== undefined && last.dashed === dashed) last.points.push(b);
    else runs.push({ dashed, points: [a, b] });
  }
  return runs;
}

/** The citation of a published point in the locale (the other language, then the source id, when absent). */
function citationOf(p: PublishedPoint, locale: Locale): string {
  return (locale === "en" ? (p.citation_en ?? p.citation_zh) : (p.citation_zh ?? p.citation_en)) ?? p.source;
}

function niceBounds(values: readonly number[]): { min: number; max: number } {
  const lo = Math.min(...values, 1);
  const hi = Math.max(...values, 1);
  return { min: Math.floor(lo * 10 - 0.5) / 10, max: Math.ceil(hi * 10 + 0.5) / 10 };
}

/**
 * Builds the linkage-series chart option.
 * @param data `GET /api/io/series` JSON
 * @param labels chart labels of the locale
 * @param locale number formatting locale
 * @returns an ECharts option: category x axis of years, one line series per solid/dashed run and
 *   quantity (runs of one quantity share a legend name), one scatter series per published quantity
 */
export function linkageSeriesChart(data: SeriesResult, labels: ChartLabels, locale: Locale): EChartsOption {
  const L = labels.series;
  const sep = labelSeparator(locale);
  const points = [...data.points].sort((a, b) => a.year - b.year);
  const published = data.published;
  const years = [...points.map((p) => p.year), ...published.map((p) => p.year)];
  const firstYear = Math.min(...years);
  const lastYear = Math.max(...years);
  const categories: string[] = [];
  for (let y = firstYear; y <= lastYear; y++) categories.push(String(y));

  const tipFor = (p: SeriesPoint, q: Quantity): string => {
    const head = `<b>${escapeHtml(`${p.year} · ${L[q]}`)}</b>${sep}${escapeHtml(formatCoefficient(p[q], locale))}`;
    const src = `${escapeHtml(L.source)}${sep}${escapeHtml(L.sources[p.source] ?? p.source)}`;
    let tbl = `${escapeHtml(L.table)}${sep}${escapeHtml(p.tableId)}`;
    let ids = p.tableId.split("+");
    const ip = p.interpolation;
    if (ip !== undefined) {
      tbl += `<br/>${escapeHtml(L.interpolatedBetween)}${sep}${ip.from}–${ip.to} (w = ${formatCoefficient(ip.weight, locale)}, ${escapeHtml(methodLabel(labels.provenance, ip.method))})`;
      const bracket = data.provenance.datasets
        .filter((d) => d.years.some((y) => y === ip.from || y === ip.to))
        .map((d) => d.id);
      if (bracket.length > 0) ids = bracket;
    }
    const prov = provenanceTooltipHtml(
      provenanceEntries(data.provenance, labels.provenance, { datasetIds: ids }),
      labels.provenance.heading,
      sep,
    );
    return `${head}<br/>${src}<br/>${tbl}${prov}`;
  };

  const series: Record<string, unknown>[] = [];
  for (const q of ["influence", "sensitivity"] as const) {
    for (const run of runsOf(points)) {
      series.push({
        type: "line",
        name: L[q],
        color: SERIES_COLORS[q],
        lineStyle: { width: 2, type: run.dashed ? "dashed" : "solid" },
        symbolSize: 7,
        z: 3,
        data: run.points.map((p) => ({
          value: [String(p.year), p[q]],
          symbol: p.source === "table" ? "circle" : "emptyCircle",
          symbolSize: p.source === "table" ? 9 : 7,
          source: p.source,
          tip: tipFor(p, q),
        })),
      });
    }
  }
  if (series.length > 0) {
    (series[0] as Record<string, unknown>).markLine = {
      silent: true,
      symbol: "none",
      lineStyle: { color: "#777", type: "dotted", width: 1.5 },
      label: { formatter: L.reference, position: "insideEndTop", color: "#555" },
      data: [{ yAxis: 1 }],
    };
  }

  const publishedNames: string[] = [];
  for (const q of ["influence", "sensitivity"] as const) {
    const pubs = published.filter((p) => p.measure === q).sort((a, b) => a.year - b.year);
    if (pubs.length === 0) continue;
    const name = `${L[q]}${L.publishedSuffix}`;
    publishedNames.push(name);
    series.push({
      type: "scatter",
      name,
      symbol: q === "influence" ? "diamond" : "triangle",
      symbolSize: 13,
      z: 5,
      itemStyle: { color: "rgba(255,255,255,0.15)", borderColor: SERIES_COLORS[q], borderWidth: 2.5 },
      label: { show: true, position: "top", formatter: "{@[1]}", color: SERIES_COLORS[q], fontSize: 11 },
      data: pubs.map((p) => {
        const computed = points.find((pt) => pt.year === p.year);
        const lines = [
          `<b>${escapeHtml(`${p.year} · ${name}`)}</b>${sep}${escapeHtml(p.printed ?? String(p.value))}`,
          `${escapeHtml(L.citation)}${sep}${escapeHtml(citationOf(p, locale))}`,
        ];
        if (computed !== undefined) {
          lines.push(`${escapeHtml(L.computedSameYear)}${sep}${escapeHtml(formatCoefficient(computed[q], locale))}`);
        }
        return { value: [String(p.year), p.value], id: p.id ?? p.ref, tip: lines.join("<br/>") };
      }),
    });
  }

  const all = [...points.flatMap((p) => [p.influence, p.sensitivity]), ...published.map((p) => p.value)];
  const { min, max } = niceBounds(all);

  return {
    animation: false,
    title: {
      text: L.title,
      subtext: published.length > 0 ? L.subtitle + L.subtitlePublished : L.subtitle,
      left: "center",
      textStyle: { fontSize: 16 },
      subtextStyle: { fontSize: 11 },
    },
    legend: { bottom: 0, data: [L.influence, L.sensitivity, ...publishedNames] },
    grid: { left: 56, right: 32, top: 72, bottom: 56 },
    tooltip: {
      trigger: "item",
      confine: true,
      formatter: (params: unknown) => {
        const d = (params as { data?: { tip?: unknown } }).data;
        return typeof d?.tip === "string" ? d.tip : "";
      },
    },
    xAxis: { type: "category", data: categories, name: L.year, nameLocation: "end", boundaryGap: false },
    yAxis: { type: "value", name: L.coefficient, min, max, splitLine: { lineStyle: { color: "#eee" } } },
    series: series as NonNullable<EChartsOption["series"]>,
  };
}
