/**
 * Input of the HTML report (报告). The report needs no server: its data are the same JSON the HTTP
 * API returns, gathered by the report's sections (src/report/sections) through the method
 * declarations, and the interfaces layer (src/cli/report-data.ts) wires them to the store.
 *
 * Localised strings inside the JSON (diagnostic `message`) are in the requested language;
 * `loadData` is called once per language written.
 */
import type { DatasetSummary, Locale } from "../../web/charts/api-types.js";
import type { AnySection } from "./sections/section.js";

export type ReportLocale = Locale;

export interface ReportData {
  /** each section's data by section id (`io.series`, `io.quadrant`, …); sections without data are left out */
  readonly sections: Readonly<Record<string, unknown>>;
  /** `GET /api/datasets` → `.datasets` (titles of the datasets the sections name) */
  readonly datasets: readonly DatasetSummary[];
  /** printed in the header when given (omit it for reproducible files) */
  readonly generatedAt?: string;
  /** e.g. `shushi 0.1.0`; printed in the header when given */
  readonly softwareVersion?: string;
}

/** Returns the report data for one language (same JSON as the API with `?lang=`). */
export type LoadReportData = (lang: ReportLocale) => Promise<ReportData>;

export interface RenderReportOptions {
  /** directory to write into (created if missing) */
  readonly outDir: string;
  /** language of `index.html` @default "zh-CN" */
  readonly lang?: ReportLocale;
  readonly loadData: LoadReportData;
  /** chart width in px @default 880 */
  readonly chartWidth?: number;
  /** the sections, in order @default REPORT_SECTIONS */
  readonly sections?: readonly AnySection[];
}

export interface RenderReportResult {
  /** absolute paths written: `index.html`, `report.zh-CN.html`, `report.en.html` */
  readonly files: string[];
  /** absolute path of `index.html` (= `files[0]`) */
  readonly indexPath: string;
}
