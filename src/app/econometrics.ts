/**
 * Use cases of the econometrics family (计量方法) on data frames: OLS with a choice of covariance,
 * Granger causality (both directions, lag order fixed or chosen by an information criterion) and the
 * ADF unit-root test. Input is a data frame from a user's file or a stored panel / time series
 * (frame-input.ts); results carry provenance with every choice made.
 *
 * Missing values: OLS leaves out rows with a missing value in a column it uses (listwise deletion,
 * reported as `observations_dropped`); time-series tests refuse a missing value (a located
 * `missing_value` issue), since dropping a year would join the years either side of it. A frame with
 * a time column (`year`, `period`, 年份, … or the `time` option) is put in time order and must have
 * consecutive whole years. Spec §4.2–4.3; core in src/core/econometrics.
 */
import {
  type AdfAutolag,
  type AdfRegression,
  adfTest,
  CoreError,
  type Diagnostic,
  fromRows,
  grangerBootstrap,
  grangerTest,
  type KpssCriticalValues,
  type KpssRegression,
  kpssTest,
  type OlsCovarianceType,
  ols,
  type PanelCovarianceType,
  type PanelEffects,
  panelOls,
  varLagSelection,
  vif,
} from "../core/index.js";
import {
  type DataFrame,
  type DataIssue,
  DataIssuesError,
  type DataResult,
  frameColumns,
  frameLabels,
  frameNumbers,
  issue,
} from "../data/index.js";
import type { DatasetSource } from "./dataset-source.js";
import { type LoadedFrame, loadFrame } from "./frame-input.js";
import { type Clock, type ResultProvenance, resultProvenance } from "./provenance.js";

/** Where the data frame comes from: a file already read, or a stored panel / time series. */
export type FrameRef = { readonly input: LoadedFrame } | { readonly datasetId: string };

export interface FrameRefOptions {
  readonly source?: DatasetSource;
  readonly clock?: Clock;
}

export async function frameOf(ref: FrameRef, source: DatasetSource | undefined): Promise<LoadedFrame> {
  if ("input" in ref) return ref.input;
  if (source === undefined) throw new CoreError("invalid_argument", { option: "dataset", reason: "no_store" });
  return loadFrame(source, ref.datasetId);
}

function unwrap<T>(r: DataResult<T>): T {
  if (!r.ok) throw new DataIssuesError(r.issues);
  return r.value;
}

/** Headers recognised as the time column when the `time` option is not given. */
const TIME_HEADERS = ["year", "period", "time", "年份", "年度", "时间"];

/** The frame's time column: the named one, else the first recognised header, else none. */
function timeColumn(frame: DataFrame, name: string | undefined): string | undefined {
  if (name !== undefined) {
    unwrap(frameColumns(frame, [name]));
    return name;
  }
  return frame.columns.find((c) => TIME_HEADERS.includes(c.name.toLowerCase()))?.name;
}

/** Row order of a time-series frame and its years (null without a time column: file order). */
function timeOrder(
  frame: DataFrame,
  time: string | undefined,
  window: YearWindow = {},
): { order: number[]; years: number[] | null } {
  let order = frame.rows.map((_, i) => i);
  if (time === undefined) {
    if (window.from !== undefined || window.to !== undefined)
      throw new CoreError("invalid_argument", { option: "from", reason: "missing_years" });
    return { order, years: null };
  }
  const values = unwrap(frameNumbers(frame, [time]))[0] as (number | null)[];
  const col = frame.columns.find((c) => c.name === time);
  const at = (i: number) => ({
    file: frame.file,
    ...(frame.sheet !== undefined && { sheet: frame.sheet }),
    row: frame.rowNumbers[i] as number,
    ...(col !== undefined && { column: col.column, columnName: col.name }),
  });
  const issues: DataIssue[] = [];
  values.forEach((v, i) => {
    if (v === null || !Number.isInteger(v))
      issues.push(
        issue("invalid_period", at(i), {
          value: frame.rows[i]?.[(col?.column ?? 1) - 1] ?? "",
          frequency: "annual",
        }),
      );
  });
  if (issues.length > 0) throw new DataIssuesError(issues);
  order = order.filter((i) => {
    const y = values[i] as number;
    return (window.from === undefined || y >= window.from) && (window.to === undefined || y <= window.to);
  });
  order.sort((a, b) => (values[a] as number) - (values[b] as number));
  const years = order.map((i) => values[i] as number);
  const first = new Map<number, number>();
  for (const i of order) {
    const y = values[i] as number;
    const seen = first.get(y);
    if (seen !== undefined)
      issues.push(
        issue("duplicate_observation", at(i), {
          entity: "",
          indicator: "*",
          period: String(y),
          firstRow: frame.rowNumbers[seen] as number,
        }),
      );
    else first.set(y, i);
  }
  if (issues.length > 0) throw new DataIssuesError(issues);
  const gaps: number[] = [];
  for (let t = 1; t < years.length; t++)
    for (let y = (years[t - 1] as number) + 1; y < (years[t] as number); y++) gaps.push(y);
  if (gaps.length > 0)
    throw new CoreError("invalid_argument", {
      option: "time",
      reason: "years_not_consecutive",
      value: gaps.slice(0, 20),
    });
  return { order, years };
}

/**
 * Complete time series of the named columns, in time order: a missing cell is a located issue.
 * @throws {DataIssuesError} missing_column, non_numeric_cell, missing_value, invalid_period,
 *   duplicate_observation; {CoreError} invalid_argument years_not_consecutive
 */
/** A window of years (inclusive); either end may be open. */
export interface YearWindow {
  readonly from?: number | undefined;
  readonly to?: number | undefined;
}

export function timeSeries(
  frame: DataFrame,
  names: readonly string[],
  time: string | undefined,
  window: YearWindow = {},
): { series: Float64Array[]; years: number[] | null } {
  const columns = unwrap(frameColumns(frame, names));
  const values = unwrap(frameNumbers(frame, names));
  const { order, years } = timeOrder(frame, timeColumn(frame, time), window);
  const issues: DataIssue[] = [];
  const series = values.map((v, j) =>
    Float64Array.from(order, (i) => {
      const x = v[i];
      if (x === null || x === undefined) {
        const c = columns[j];
        issues.push(
          issue(
            "missing_value",
            {
              file: frame.file,
              ...(frame.sheet !== undefined && { sheet: frame.sheet }),
              row: frame.rowNumbers[i] as number,
              ...(c !== undefined && { column: c.column, columnName: c.name }),
            },
            { column: names[j] as string },
          ),
        );
        return Number.NaN;
      }
      return x;
    }),
  );
  if (issues.length > 0) throw new DataIssuesError(issues);
  return { series, years };
}

/** Series transformations before a time-series test (spec §4.3 `transform`). */
export const SERIES_TRANSFORMS = ["level", "diff", "logdiff"] as const;
export type SeriesTransform = (typeof SERIES_TRANSFORMS)[number];

function transformSeries(v: Float64Array, transform: SeriesTransform, column: string): Float64Array {
  if (transform === "level") return v;
  if (transform === "logdiff")
    for (const x of v)
      if (!(x > 0))
        throw new CoreError("invalid_argument", {
          option: "transform",
          value: x,
          argument: column,
          reason: "non_positive_for_log",
        });
  const f = transform === "logdiff" ? Math.log : (x: number) => x;
  return Float64Array.from({ length: Math.max(0, v.length - 1) }, (_, t) => f(v[t + 1] as number) - f(v[t] as number));
}

/**
 * Time series of the named columns, transformed, with the first and last year of the transformed
 * series (a difference starts one year later); null without a time column.
 */
function testSeries(
  frame: DataFrame,
  names: readonly string[],
  transform: SeriesTransform,
  time: string | undefined,
): { series: Float64Array[]; span: readonly [number, number] | null } {
  const { series, years } = timeSeries(frame, names, time);
  const out = series.map((v, j) => transformSeries(v, transform, names[j] as string));
  const shift = transform === "level" ? 0 : 1;
  const span: readonly [number, number] | null =
    years === null || years.length === 0 ? null : [years[shift] as number, years[years.length - 1] as number];
  return { series: out, span };
}

// ---------------------------------------------------------------------------------------------------
// OLS

export interface StatsOlsOptions {
  /** the response column */
  readonly y: string;
  /** the regressor columns (at least one) */
  readonly x: readonly string[];
  /** covariance of the coefficients @default "classical" */
  readonly se?: OlsCovarianceType;
  /** Newey–West lag (se = "nw") @default ⌊4(n/100)^{2/9}⌋ */
  readonly nwLags?: number;
  /** "log": regress ln y on ln x (log–log: the slopes are elasticities) @default "none" */
  readonly transform?: "none" | "log";
}

export interface StatsOlsResult {
  readonly dataset: string;
  readonly y: string;
  readonly x: readonly string[];
  readonly transform: "none" | "log";
  readonly se: OlsCovarianceType;
  readonly nwLags: number | null;
  readonly coefficients: readonly {
    readonly name: string;
    readonly estimate: number;
    readonly stdError: number;
    readonly t: number;
    readonly pValue: number;
  }[];
  readonly rSquared: number;
  readonly adjRSquared: number;
  readonly f: number | null;
  readonly fPValue: number | null;
  readonly dfModel: number;
  readonly dfResid: number;
  readonly n: number;
  readonly sigma2: number;
  readonly logLik: number;
  readonly aic: number;
  readonly bic: number;
  readonly conditionNumber: number;
  /** variance inflation factors (centred, R car::vif / Stata estat vif), with two or more regressors */
  readonly vif: readonly { readonly name: string; readonly vif: number }[] | null;
  /** the reference software the estimator was verified against (test/reference/) */
  readonly verifiedAgainst: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
  readonly provenance: ResultProvenance;
}

/** References of the OLS engine (test/reference/statsmodels-ols, numpy-core NIST Longley). */
export const OLS_VERIFIED_AGAINST = ["statsmodels 0.13.5 OLS", "R lm (cars)", "NIST StRD Longley"] as const;

/**
 * Ordinary least squares on columns of a data frame (普通最小二乘回归).
 * @throws {DataIssuesError} missing_column, non_numeric_cell, invalid_value (a value ≤ 0 under the log
 *   transform); {CoreError} too_few_observations, singular_matrix (collinear_columns), invalid_argument
 */
export async function statsOls(
  ref: FrameRef,
  options: StatsOlsOptions,
  context: FrameRefOptions = {},
): Promise<StatsOlsResult> {
  const { frame, meta } = await frameOf(ref, context.source);
  if (options.x.length === 0) throw new CoreError("invalid_argument", { option: "x", reason: "no_columns" });
  const names = [options.y, ...options.x];
  const columns = unwrap(frameColumns(frame, names));
  const values = unwrap(frameNumbers(frame, names));
  const transform = options.transform ?? "none";
  const keep: number[] = [];
  const dropped: number[] = [];
  const issues: DataIssue[] = [];
  frame.rows.forEach((_, i) => {
    if (values.some((v) => v[i] === null || v[i] === undefined)) {
      dropped.push(frame.rowNumbers[i] as number);
      return;
    }
    if (transform === "log")
      values.forEach((v, j) => {
        const x = v[i] as number;
        if (!(x > 0)) {
          const c = columns[j];
          issues.push(
            issue(
              "invalid_value",
              {
                file: frame.file,
                ...(frame.sheet !== undefined && { sheet: frame.sheet }),
                row: frame.rowNumbers[i] as number,
                ...(c !== undefined && { column: c.column, columnName: c.name }),
              },
              { value: x, expected: "> 0 (log)" },
            ),
          );
        }
      });
    keep.push(i);
  });
  if (issues.length > 0) throw new DataIssuesError(issues);
  const f = transform === "log" ? Math.log : (x: number) => x;
  const y = Float64Array.from(keep, (i) => f(values[0]?.[i] as number));
  const X = fromRows(keep.map((i) => options.x.map((_, j) => f(values[j + 1]?.[i] as number))));
  const se = options.se ?? "classical";
  const r = ols(y, X, {
    names: options.x.map((name) => (transform === "log" ? `log(${name})` : name)),
    se,
    ...(options.nwLags !== undefined && { nwLags: options.nwLags }),
  });
  const diagnostics: Diagnostic[] = [...r.diagnostics];
  const regressorNames = options.x.map((name) => (transform === "log" ? `log(${name})` : name));
  const v = options.x.length >= 2 ? vif(X, regressorNames) : null;
  if (v !== null) diagnostics.push(...(v.diagnostics as readonly Diagnostic[]));
  if (dropped.length > 0)
    diagnostics.push({
      code: "observations_dropped",
      severity: "warning",
      params: { count: dropped.length, rows: dropped.slice(0, 20), n: r.n },
    });
  return {
    dataset: meta.id,
    y: transform === "log" ? `log(${options.y})` : options.y,
    x: [...options.x],
    transform,
    se,
    nwLags: r.nwLags ?? null,
    coefficients: r.coefficients.map((c) => ({ ...c })),
    rSquared: r.rSquared,
    adjRSquared: r.adjRSquared,
    f: r.fStatistic,
    fPValue: r.fPValue,
    dfModel: r.dfModel,
    dfResid: r.dfResid,
    n: r.n,
    sigma2: r.sigma2,
    logLik: r.logLik,
    aic: r.aic,
    bic: r.bic,
    conditionNumber: r.conditionNumber,
    vif: v === null ? null : v.columns.map((c) => ({ name: c.name, vif: c.vif })),
    verifiedAgainst: OLS_VERIFIED_AGAINST,
    diagnostics,
    provenance: resultProvenance(
      [meta],
      "stats_ols",
      {
        y: options.y,
        x: options.x,
        se,
        nwLags: r.nwLags ?? null,
        transform,
        intercept: true,
        missing: "listwise",
        droppedRows: dropped,
      },
      context.clock,
    ),
  };
}

// ---------------------------------------------------------------------------------------------------
// Granger causality

/** Information criteria of the VAR lag selection. */
export const LAG_CRITERIA = ["aic", "bic", "hq", "fpe"] as const;
export type LagCriterion = (typeof LAG_CRITERIA)[number];

export interface StatsGrangerOptions {
  /** the effect column (H0: x does not Granger-cause y) */
  readonly y: string;
  /** the candidate cause */
  readonly x: string;
  /** lag order, or "auto" (VAR lag selection by `criterion` up to `maxLags`) */
  readonly lags: number | "auto";
  /** largest order searched with "auto" @default min(4, max(1, ⌊(T − 5)/3⌋)) (spec §4.3) */
  readonly maxLags?: number;
  /** @default "aic" */
  readonly criterion?: LagCriterion;
  /** @default "level" */
  readonly transform?: SeriesTransform;
  /** the time column @default the first of year / period / time / 年份 / 年度 / 时间, else file order */
  readonly time?: string;
  /** residual-bootstrap replications for a bootstrap p-value (0 or absent: none) */
  readonly bootstrap?: number;
  /** @default 20250101 */
  readonly seed?: number;
}

export interface GrangerDirection {
  /** the effect */
  readonly y: string;
  /** the candidate cause */
  readonly x: string;
  readonly f: number;
  readonly pValue: number;
  readonly dfNum: number;
  readonly dfDen: number;
  readonly chi2: number;
  readonly chi2PValue: number;
  readonly n: number;
  readonly nullHypothesis: "x_does_not_granger_cause_y";
  /** residual bootstrap under H0, when asked for */
  readonly bootstrap: {
    readonly pValue: number;
    readonly replications: number;
    readonly failed: number;
    readonly seed: number;
    readonly algorithm: string;
  } | null;
}

export interface StatsGrangerResult {
  readonly dataset: string;
  readonly transform: SeriesTransform;
  /** observations of the transformed series */
  readonly observations: number;
  /** first and last year of the transformed series (null without a time column) */
  readonly years: readonly [number, number] | null;
  readonly lags: number;
  /** the lag selection, when lags = "auto" */
  readonly lagSelection: {
    readonly criterion: LagCriterion;
    readonly maxLags: number;
    readonly n: number;
    readonly table: readonly {
      readonly lags: number;
      readonly aic: number;
      readonly bic: number;
      readonly hq: number;
      readonly fpe: number;
    }[];
    readonly selected: number;
  } | null;
  /** H0: x does not Granger-cause y */
  readonly forward: GrangerDirection;
  /** H0: y does not Granger-cause x */
  readonly reverse: GrangerDirection;
  readonly verifiedAgainst: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
  readonly provenance: ResultProvenance;
}

/** Default largest lag of the automatic selection (spec §4.3): min(4, max(1, ⌊(T − 5)/3⌋)). */
export function defaultGrangerMaxLags(T: number): number {
  return Math.min(4, Math.max(1, Math.floor((T - 5) / 3)));
}

/**
 * Granger causality in both directions (格兰杰因果检验).
 * @throws {DataIssuesError} missing_column, non_numeric_cell, missing_value, invalid_period,
 *   duplicate_observation; {CoreError} invalid_argument (years_not_consecutive, constant_series,
 *   non_positive_for_log), too_few_observations, singular_matrix
 */
export async function statsGranger(
  ref: FrameRef,
  options: StatsGrangerOptions,
  context: FrameRefOptions = {},
): Promise<StatsGrangerResult> {
  const { frame, meta } = await frameOf(ref, context.source);
  const transform = options.transform ?? "level";
  const { series, span } = testSeries(frame, [options.y, options.x], transform, options.time);
  const y = series[0] as Float64Array;
  const x = series[1] as Float64Array;
  const T = y.length;
  const diagnostics: Diagnostic[] = [];
  let lags: number;
  let lagSelection: StatsGrangerResult["lagSelection"] = null;
  const criterion = options.criterion ?? "aic";
  if (options.lags === "auto") {
    const maxLags = options.maxLags ?? defaultGrangerMaxLags(T);
    const sel = varLagSelection(fromRows(Array.from(y, (v, t) => [v, x[t] as number])), maxLags);
    const chosen = sel.selected[criterion];
    lags = Math.max(1, chosen);
    if (chosen === 0) diagnostics.push({ code: "lag_order_raised", severity: "warning", params: { criterion } });
    lagSelection = {
      criterion,
      maxLags,
      n: sel.n,
      table: sel.lags.map((p, i) => ({
        lags: p,
        aic: sel.aic[i] as number,
        bic: sel.bic[i] as number,
        hq: sel.hq[i] as number,
        fpe: sel.fpe[i] as number,
      })),
      selected: chosen,
    };
  } else lags = options.lags;
  const direction = (effect: Float64Array, cause: Float64Array, yName: string, xName: string): GrangerDirection => {
    const r = grangerTest(effect, cause, lags);
    for (const d of r.diagnostics) diagnostics.push({ ...d, params: { ...d.params, y: yName, x: xName } });
    const b =
      options.bootstrap !== undefined && options.bootstrap > 0
        ? grangerBootstrap(effect, cause, lags, { replications: options.bootstrap, seed: options.seed ?? 20250101 })
        : null;
    return {
      y: yName,
      x: xName,
      f: r.f,
      pValue: r.pValue,
      dfNum: r.dfNum,
      dfDen: r.dfDen,
      chi2: r.chi2,
      chi2PValue: r.chi2PValue,
      n: r.n,
      nullHypothesis: r.nullHypothesis,
      bootstrap:
        b === null
          ? null
          : { pValue: b.pValue, replications: b.replications, failed: b.failed, seed: b.seed, algorithm: b.algorithm },
    };
  };
  const forward = direction(y, x, options.y, options.x);
  const reverse = direction(x, y, options.x, options.y);
  return {
    dataset: meta.id,
    transform,
    observations: T,
    years: span,
    lags,
    lagSelection,
    forward,
    reverse,
    verifiedAgainst: ["R lmtest 0.9-40 grangertest", "statsmodels 0.13.5 grangercausalitytests, VAR.select_order"],
    diagnostics,
    provenance: resultProvenance(
      [meta],
      "stats_granger",
      {
        y: options.y,
        x: options.x,
        lags: options.lags,
        lagsUsed: lags,
        ...(options.lags === "auto" && { criterion, maxLags: lagSelection?.maxLags }),
        transform,
        time: timeColumn(frame, options.time) ?? null,
        sample: "t = p+1…T (both regressions)",
        ...(options.bootstrap !== undefined &&
          options.bootstrap > 0 && {
            bootstrap: {
              replications: options.bootstrap,
              seed: options.seed ?? 20250101,
              scheme: "residual, under H0",
            },
          }),
      },
      context.clock,
    ),
  };
}

// ---------------------------------------------------------------------------------------------------
// ADF

export interface StatsAdfOptions {
  readonly column: string;
  /** @default "c" */
  readonly regression?: AdfRegression;
  /** @default "aic" */
  readonly autolag?: AdfAutolag;
  /** @default Schwert's rule ⌈12(T/100)^{1/4}⌉, capped by the sample */
  readonly maxLags?: number;
  /** @default "level" */
  readonly transform?: SeriesTransform;
  readonly time?: string;
}

export interface StatsAdfResult {
  readonly dataset: string;
  readonly column: string;
  readonly transform: SeriesTransform;
  readonly observations: number;
  readonly years: readonly [number, number] | null;
  readonly statistic: number;
  readonly pValue: number;
  readonly usedLag: number;
  readonly nobs: number;
  readonly criticalValues: { readonly "1%": number; readonly "5%": number; readonly "10%": number };
  readonly icBest: number | null;
  readonly regression: AdfRegression;
  readonly autolag: AdfAutolag;
  readonly maxLags: number;
  readonly nullHypothesis: "unit_root";
  readonly verifiedAgainst: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
  readonly provenance: ResultProvenance;
}

/**
 * Augmented Dickey–Fuller unit-root test of one column (单位根检验).
 * @throws as {@link statsGranger}; {CoreError} from adfTest
 */
export async function statsAdf(
  ref: FrameRef,
  options: StatsAdfOptions,
  context: FrameRefOptions = {},
): Promise<StatsAdfResult> {
  const { frame, meta } = await frameOf(ref, context.source);
  const transform = options.transform ?? "level";
  const { series, span } = testSeries(frame, [options.column], transform, options.time);
  const y = series[0] as Float64Array;
  const regression = options.regression ?? "c";
  const autolag = options.autolag === undefined ? "aic" : options.autolag;
  const r = adfTest(y, {
    regression,
    autolag,
    ...(options.maxLags !== undefined && { maxLags: options.maxLags }),
  });
  return {
    dataset: meta.id,
    column: options.column,
    transform,
    observations: y.length,
    years: span,
    statistic: r.statistic,
    pValue: r.pValue,
    usedLag: r.usedLag,
    nobs: r.nobs,
    criticalValues: r.criticalValues,
    icBest: r.icBest ?? null,
    regression,
    autolag,
    maxLags: r.maxLags,
    nullHypothesis: r.nullHypothesis,
    verifiedAgainst: r.verifiedAgainst,
    diagnostics: r.diagnostics as readonly Diagnostic[],
    provenance: resultProvenance(
      [meta],
      "stats_adf",
      {
        column: options.column,
        regression,
        autolag,
        maxLags: r.maxLags,
        transform,
        time: timeColumn(frame, options.time) ?? null,
      },
      context.clock,
    ),
  };
}

// ---------------------------------------------------------------------------------------------------
// KPSS

export interface StatsKpssOptions {
  readonly column: string;
  /** "c" (level stationarity) or "ct" (trend stationarity) @default "c" */
  readonly regression?: KpssRegression;
  /** truncation lag: "auto" (Hobijn et al. 1998), "legacy" (⌈12(n/100)^{1/4}⌉) or a number @default "auto" */
  readonly nlags?: "auto" | "legacy" | number;
  /** @default "level" */
  readonly transform?: SeriesTransform;
  readonly time?: string;
}

export interface StatsKpssResult {
  readonly dataset: string;
  readonly column: string;
  readonly transform: SeriesTransform;
  readonly observations: number;
  readonly years: readonly [number, number] | null;
  readonly statistic: number;
  readonly pValue: number;
  readonly lags: number;
  readonly lagRule: "auto" | "legacy" | "fixed";
  readonly criticalValues: KpssCriticalValues;
  readonly regression: KpssRegression;
  readonly nullHypothesis: "level_stationary" | "trend_stationary";
  readonly verifiedAgainst: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
  readonly provenance: ResultProvenance;
}

/**
 * KPSS stationarity test of one column (平稳性检验; the null is stationarity, the reverse of ADF).
 * @throws as {@link statsGranger}; {CoreError} from kpssTest
 */
export async function statsKpss(
  ref: FrameRef,
  options: StatsKpssOptions,
  context: FrameRefOptions = {},
): Promise<StatsKpssResult> {
  const { frame, meta } = await frameOf(ref, context.source);
  const transform = options.transform ?? "level";
  const { series, span } = testSeries(frame, [options.column], transform, options.time);
  const y = series[0] as Float64Array;
  const regression = options.regression ?? "c";
  const nlags = options.nlags ?? "auto";
  const r = kpssTest(y, { regression, nlags });
  return {
    dataset: meta.id,
    column: options.column,
    transform,
    observations: y.length,
    years: span,
    statistic: r.statistic,
    pValue: r.pValue,
    lags: r.lags,
    lagRule: r.lagRule,
    criticalValues: r.criticalValues,
    regression,
    nullHypothesis: r.nullHypothesis,
    verifiedAgainst: r.verifiedAgainst,
    diagnostics: r.diagnostics as readonly Diagnostic[],
    provenance: resultProvenance(
      [meta],
      "stats_kpss",
      {
        column: options.column,
        regression,
        nlags,
        lagsUsed: r.lags,
        transform,
        time: timeColumn(frame, options.time) ?? null,
      },
      context.clock,
    ),
  };
}

// ---------------------------------------------------------------------------------------------------
// Panel regressions

export interface StatsPanelOptions {
  readonly y: string;
  readonly x: readonly string[];
  /** the entity column */
  readonly entity: string;
  /** @default "entity" (fixed effects, within) */
  readonly effects?: PanelEffects;
  /** @default "cluster" (by entity) */
  readonly se?: PanelCovarianceType;
  /** a cluster column other than the entity */
  readonly cluster?: string;
}

export interface StatsPanelResult {
  readonly dataset: string;
  readonly y: string;
  readonly x: readonly string[];
  readonly effects: PanelEffects;
  readonly se: PanelCovarianceType;
  readonly coefficients: readonly {
    readonly name: string;
    readonly estimate: number;
    readonly stdError: number;
    readonly t: number;
    readonly pValue: number;
  }[];
  readonly rSquared: number;
  readonly n: number;
  readonly entities: number;
  readonly clusters: number | null;
  readonly dfResid: number;
  readonly dfInference: number;
  readonly verifiedAgainst: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
  readonly provenance: ResultProvenance;
}

/**
 * Pooled or fixed-effects (within) panel regression with cluster-robust errors (面板回归).
 * @throws {DataIssuesError} missing_column, non_numeric_cell, missing_value (entity/cluster label);
 *   {CoreError} from panelOls
 */
export async function statsPanel(
  ref: FrameRef,
  options: StatsPanelOptions,
  context: FrameRefOptions = {},
): Promise<StatsPanelResult> {
  const { frame, meta } = await frameOf(ref, context.source);
  if (options.x.length === 0) throw new CoreError("invalid_argument", { option: "x", reason: "no_columns" });
  const names = [options.y, ...options.x];
  const values = unwrap(frameNumbers(frame, names));
  const entities = unwrap(frameLabels(frame, options.entity));
  const clusters = options.cluster === undefined ? undefined : unwrap(frameLabels(frame, options.cluster));
  const keep: number[] = [];
  const dropped: number[] = [];
  frame.rows.forEach((_, i) => {
    if (values.some((v) => v[i] === null || v[i] === undefined)) dropped.push(frame.rowNumbers[i] as number);
    else keep.push(i);
  });
  const y = Float64Array.from(keep, (i) => values[0]?.[i] as number);
  const X = fromRows(keep.map((i) => options.x.map((_, j) => values[j + 1]?.[i] as number)));
  const effects = options.effects ?? "entity";
  const se = options.se ?? "cluster";
  const r = panelOls(y, X, {
    entities: keep.map((i) => entities[i] as string),
    names: options.x,
    effects,
    se,
    ...(clusters !== undefined && { clusters: keep.map((i) => clusters[i] as string) }),
  });
  const diagnostics: Diagnostic[] = [...(r.diagnostics as readonly Diagnostic[])];
  if (dropped.length > 0)
    diagnostics.push({
      code: "observations_dropped",
      severity: "warning",
      params: { count: dropped.length, rows: dropped.slice(0, 20), n: r.n },
    });
  return {
    dataset: meta.id,
    y: options.y,
    x: [...options.x],
    effects,
    se,
    coefficients: r.coefficients.map((c) => ({ ...c })),
    rSquared: r.rSquared,
    n: r.n,
    entities: r.entities,
    clusters: r.clusters ?? null,
    dfResid: r.dfResid,
    dfInference: r.dfInference,
    verifiedAgainst: ["statsmodels 0.13.5 OLS (pooled, entity dummies, demeaned; nonrobust/HC1/cluster)"],
    diagnostics,
    provenance: resultProvenance(
      [meta],
      "stats_panel",
      {
        y: options.y,
        x: options.x,
        entity: options.entity,
        effects,
        se,
        cluster: options.cluster ?? options.entity,
        smallSample: se === "cluster" ? "C/(C−1)·(n−1)/(n−k); t(C−1)" : "n − k − G",
        missing: "listwise",
        droppedRows: dropped,
      },
      context.clock,
    ),
  };
}
