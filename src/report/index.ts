/** Report public API: `renderReport` (writes files) and `reportHtml` (pure string). */

export { REPORT_FONT_FAMILY, renderChartSvg } from "./chart-svg.js";
export { renderReport, reportHtml } from "./render-report.js";
export type {
  LoadReportData,
  RenderReportOptions,
  RenderReportResult,
  ReportData,
  ReportLocale,
} from "./types.js";
