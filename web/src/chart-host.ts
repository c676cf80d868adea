/**
 * Mounts chart options built by `web/charts` into ECharts instances (canvas renderer) and keeps a
 * summary of each drawn chart in `window.__shushiCharts` for the browser test and for debugging.
 */

import type { EChartsOption } from "echarts";
import { BarChart, CustomChart, HeatmapChart, LineChart, ScatterChart } from "echarts/charts";
import {
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
} from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";

echarts.use([
  BarChart,
  CustomChart,
  LineChart,
  ScatterChart,
  HeatmapChart,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
  CanvasRenderer,
]);

export interface ChartSummary {
  readonly title: string;
  readonly seriesCount: number;
  readonly dataCount: number;
  readonly subtitle: string;
  readonly renderCount: number;
}

declare global {
  interface Window {
    __shushiCharts?: Record<string, ChartSummary>;
  }
}

/** `window.__shushiCharts`, created on first use. */
function chartRegistry(): Record<string, ChartSummary> {
  if (window.__shushiCharts === undefined) window.__shushiCharts = {};
  return window.__shushiCharts;
}

const instances = new Map<string, { chart: echarts.ECharts; el: HTMLElement }>();
let resizeBound = false;

function summarize(option: EChartsOption, previous: ChartSummary | undefined): ChartSummary {
  const title = Array.isArray(option.title) ? option.title[0] : option.title;
  const series = Array.isArray(option.series) ? option.series : option.series ? [option.series] : [];
  const dataCount = series.reduce((n, s) => {
    const d = (s as { data?: unknown }).data;
    return n + (Array.isArray(d) ? d.length : 0);
  }, 0);
  return {
    title: String(title?.text ?? ""),
    subtitle: String(title?.subtext ?? ""),
    seriesCount: series.length,
    dataCount,
    renderCount: (previous?.renderCount ?? 0) + 1,
  };
}

/** Draws `option` into `el` under `key` (reusing the instance when the element is the same). */
export function mountChart(key: string, el: HTMLElement, option: EChartsOption): void {
  let entry = instances.get(key);
  if (entry === undefined || entry.el !== el || entry.chart.isDisposed()) {
    entry?.chart.dispose();
    el.querySelector(".chart-message")?.remove();
    entry = { chart: echarts.init(el, undefined, { renderer: "canvas" }), el };
    instances.set(key, entry);
  }
  entry.chart.setOption(
    { ...option, textStyle: { fontFamily: getComputedStyle(document.body).fontFamily } },
    { notMerge: true },
  );
  const all = chartRegistry();
  all[key] = summarize(option, all[key]);
  if (!resizeBound) {
    resizeBound = true;
    window.addEventListener("resize", () => {
      for (const { chart } of instances.values()) chart.resize();
    });
  }
}

/** Removes the chart under `key` and shows `message` in its place (e.g. an API error). */
export function clearChart(key: string, el: HTMLElement, message: string): void {
  const entry = instances.get(key);
  entry?.chart.dispose();
  instances.delete(key);
  const note = document.createElement("p");
  note.className = "chart-message";
  note.textContent = message;
  el.replaceChildren(note);
  const all = chartRegistry();
  const previous = all[key];
  all[key] = {
    title: "",
    subtitle: message,
    seriesCount: 0,
    dataCount: 0,
    renderCount: (previous?.renderCount ?? 0) + 1,
  };
}

/** Disposes every chart (before the page is redrawn). */
export function disposeCharts(): void {
  for (const { chart } of instances.values()) chart.dispose();
  instances.clear();
}
