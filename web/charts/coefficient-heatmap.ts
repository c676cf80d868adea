/**
 * Heatmap of the direct input coefficients A (直接消耗系数) or the Leontief inverse L (完全需要系数),
 * spec §5.3: rows = supplying sector i (y axis, top to bottom), columns = using sector j (x axis).
 * The colour scale runs from 0 to the 98th percentile of the off-diagonal cells, so the dominant
 * diagonal of L does not wash out the off-diagonal structure (cells above it take the top colour). Sector names and the
 * result's provenance are shown on hover.
 */
import type { EChartsOption } from "echarts";
import type { Locale, MatrixResult } from "./api-types.js";
import type { ChartLabels } from "./labels.js";
import { escapeHtml, formatCoefficient } from "./number-format.js";
import { labelSeparator, provenanceEntries, provenanceTooltipHtml } from "./provenance.js";

/** The q-quantile (0–1) of a list, nearest-rank; 0 for an empty list. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[idx] as number;
}

/** Tooltip text of one heatmap cell (exported so tests can check "provenance on hover"). */
export function heatmapCellTooltip(
  data: MatrixResult,
  which: "A" | "L",
  row: number,
  column: number,
  labels: ChartLabels,
  locale: Locale,
): string {
  const sep = labelSeparator(locale);
  const names = locale === "en" ? data.names_en : data.names_zh;
  const v = data.values[row]?.[column];
  const sym = which === "A" ? "a" : "l";
  const H = labels.heatmap;
  return (
    `<b>${sym}<sub>${escapeHtml(`${data.codes[row] ?? row},${data.codes[column] ?? column}`)}</sub></b>${sep}${escapeHtml(formatCoefficient(v, locale, 4))}<br/>` +
    `${escapeHtml(H.row)}${sep}${escapeHtml(`${data.codes[row] ?? ""} ${names[row] ?? ""}`)}<br/>` +
    `${escapeHtml(H.column)}${sep}${escapeHtml(`${data.codes[column] ?? ""} ${names[column] ?? ""}`)}` +
    provenanceTooltipHtml(provenanceEntries(data.provenance, labels.provenance), labels.provenance.heading, sep)
  );
}

/**
 * Builds the coefficient heatmap option.
 * @param data `GET /api/io/matrix` JSON
 * @param which "A" or "L" (titles and the tooltip symbol) @default `data.which`
 * @returns an ECharts option: category axes of sector codes, one heatmap series of `[column, row, value]`
 *   cells, a continuous visualMap from 0 to the off-diagonal 98th percentile
 */
export function coefficientHeatmap(
  data: MatrixResult,
  labels: ChartLabels,
  locale: Locale,
  which: "A" | "L" = data.which,
): EChartsOption {
  const H = labels.heatmap;
  const cells: [number, number, number][] = [];
  data.values.forEach((row, i) => {
    row.forEach((v, j) => {
      cells.push([j, i, v]);
    });
  });
  const offDiagonal = cells
    .filter((c) => c[0] !== c[1])
    .map((c) => c[2])
    .filter((v) => Number.isFinite(v));
  const max = quantile(offDiagonal, 0.98);
  const title = which === "A" ? H.titleA : H.titleL;
  return {
    animation: false,
    title: {
      text: title,
      subtext: H.clipped,
      left: "center",
      textStyle: { fontSize: 16 },
      subtextStyle: { fontSize: 11 },
    },
    grid: { left: 72, right: 24, top: 64, bottom: 112 },
    tooltip: {
      trigger: "item",
      confine: true,
      formatter: (params: unknown) => {
        const d = (params as { data?: unknown }).data;
        if (!Array.isArray(d)) return "";
        return heatmapCellTooltip(data, which, Number(d[1]), Number(d[0]), labels, locale);
      },
    },
    xAxis: {
      type: "category",
      data: [...data.codes],
      name: H.column,
      nameLocation: "middle",
      nameGap: 40,
      axisLabel: { interval: 0, rotate: 90, fontSize: 8 },
      splitArea: { show: false },
    },
    yAxis: {
      type: "category",
      data: [...data.codes],
      name: H.row,
      nameLocation: "middle",
      nameGap: 48,
      inverse: true,
      axisLabel: { interval: 0, fontSize: 8 },
    },
    visualMap: {
      type: "continuous",
      min: 0,
      max: max > 0 ? max : 1,
      calculable: true,
      orient: "horizontal",
      left: "center",
      bottom: 0,
      itemHeight: 200,
      precision: 3,
      inRange: { color: ["#f7fbff", "#c6dbef", "#6baed6", "#2171b5", "#08306b"] },
    },
    series: [
      {
        type: "heatmap",
        name: title,
        data: cells,
        progressive: 0,
        emphasis: { itemStyle: { borderColor: "#333", borderWidth: 1 } },
      },
    ],
  };
}
