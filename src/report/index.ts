/**
 * Report public API: `renderReport` (writes files), `reportHtml` (pure string), and the section
 * declarations a method family adds its report sections with (`sections/`).
 */

export { REPORT_FONT_FAMILY, renderChartSvg } from "./chart-svg.js";
export { renderReport, reportHtml } from "./render-report.js";
export {
  type AnySection,
  apiSectionSources,
  datasetTitle,
  defineSection,
  type FigureSpec,
  featuredTableId,
  figureHtml,
  IO_SECTIONS,
  loadSections,
  provenanceList,
  REPORT_SECTIONS,
  type ReportSection,
  type RunMethod,
  type SectionRenderContext,
  type SectionSources,
} from "./sections/index.js";
export type {
  LoadReportData,
  RenderReportOptions,
  RenderReportResult,
  ReportData,
  ReportLocale,
} from "./types.js";
