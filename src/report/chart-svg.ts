/**
 * Server-side rendering of a chart option to an SVG string (ECharts handbook, "Server-Side Rendering"):
 * `echarts.init(null, null, {renderer: "svg", ssr: true, width, height})`, `setOption`,
 * `renderToSVGString()`, `dispose()`. Same builders as the dashboard, so report and screen match.
 */

import type { EChartsOption } from "echarts";
import * as echarts from "echarts";

export interface ChartSvgOptions {
  readonly width: number;
  readonly height: number;
}

/** The report's font stack: CJK first so Chinese titles render with real glyphs. */
export const REPORT_FONT_FAMILY = '"Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif';

/** Renders an ECharts option to a standalone `<svg>` string (no animation, no tooltips). */
export function renderChartSvg(option: EChartsOption, size: ChartSvgOptions): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({
      ...option,
      animation: false,
      tooltip: { show: false },
      textStyle: { fontFamily: REPORT_FONT_FAMILY },
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
