/**
 * Input of the HTML report (报告). The report needs no server: `loadData` returns the same JSON the
 * HTTP API returns (docs/decisions/0001, "HTTP API"), and the interfaces layer wires it to `src/app`.
 *
 * | field | same JSON as |
 * |---|---|
 * | `table` | the dataset id of the featured table (quadrant + heatmap) |
 * | `datasets` | `GET /api/datasets` → `.datasets` (used for titles, publisher and unit of `table`) |
 * | `linkages` | `GET /api/io/linkages?table=<table>&group=digital` |
 * | `matrix` | `GET /api/io/matrix?table=<table>&which=L` (or `A`) |
 * | `series` | `GET /api/io/series?group=digital&family=nbs` |
 * | `reproduction` | `GET /api/reproduction` |
 *
 * Localised strings inside the JSON (diagnostic `message`) should be in the requested language;
 * `loadData` is called once per language written.
 */
import type {
  DatasetSummary,
  LinkageResult,
  Locale,
  MatrixResult,
  ReproductionResult,
  SeriesResult,
} from "../../web/charts/api-types.js";

export type ReportLocale = Locale;

export interface ReportData {
  /** dataset id of the featured table, e.g. `cn-nbs-io-2020-42` */
  readonly table: string;
  readonly datasets: readonly DatasetSummary[];
  readonly linkages: LinkageResult;
  readonly matrix: MatrixResult;
  readonly series: SeriesResult;
  readonly reproduction: ReproductionResult;
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
}

export interface RenderReportResult {
  /** absolute paths written: `index.html`, `report.zh-CN.html`, `report.en.html` */
  readonly files: string[];
  /** absolute path of `index.html` (= `files[0]`) */
  readonly indexPath: string;
}
