/**
 * Use case of the forecasting family (预测): ARIMA / ARIMAX in the R `forecast::Arima` convention
 * (regression with ARIMA errors, exact Gaussian likelihood by the Kalman filter) on columns of a data
 * frame, with forecasts h steps ahead under the future regressors the analyst gives (`newx`: a table
 * of the xreg columns, one row per step) or under a growth scenario (each regressor grows from its
 * last value at a rate that is itself uncertain), the latter as a simulated fan chart. Spec §8.3, §8.5.
 */
import {
  type ArimaMethod,
  type ArimaResult,
  arima,
  arimaxScenarioFan,
  autoArima,
  bayesArx,
  bayesArxForecast,
  CoreError,
  type Diagnostic,
  type ExogenousScenario,
  forecastArima,
  type Matrix,
  matrix,
  scenarioPaths,
} from "../core/index.js";
import {
  type DataIssue,
  DataIssuesError,
  frameColumns,
  frameNumbers,
  issue,
  readDataFrame,
  readTabularFile,
} from "../data/index.js";
import type { FrameRef, FrameRefOptions } from "./econometrics.js";
import { frameOf, timeSeries } from "./econometrics.js";
import { type ResultProvenance, resultProvenance } from "./provenance.js";

/** A growth scenario for the regressors (JSON document). */
export interface GrowthScenario {
  readonly name: string;
  /** per xreg column: mean growth rate a year (0.05 = 5 %) and its standard deviation */
  readonly columns: Readonly<Record<string, { readonly growth: number; readonly sd?: number }>>;
  /** simulated paths @default 10000 */
  readonly draws?: number;
  /** @default 20250101 */
  readonly seed?: number;
}

export interface ForecastArimaxOptions {
  readonly y: string;
  /** (p, d, q), or "auto" (auto.arima stepwise by AICc, d by KPSS) */
  readonly order: readonly [number, number, number] | "auto";
  readonly xreg?: readonly string[];
  readonly h: number;
  /** @default "CSS-ML" */
  readonly method?: ArimaMethod;
  /** d = 1: add a drift term @default false */
  readonly drift?: boolean;
  /** future regressors: a CSV table with the xreg columns, h rows */
  readonly newx?: { readonly text: string; readonly file: string };
  /** or a growth scenario (JSON) */
  readonly scenario?: { readonly text: string; readonly file: string };
  readonly time?: string;
}

export interface ForecastStep {
  readonly step: number;
  /** the period of the step when the frame has a year column */
  readonly year: number | null;
  readonly mean: number;
  readonly stdError: number;
  readonly lower80: number;
  readonly upper80: number;
  readonly lower95: number;
  readonly upper95: number;
  /** the regressors on this step (newx, or the scenario's mean path) */
  readonly xreg: readonly number[];
}

export interface ForecastArimaxResult {
  readonly dataset: string;
  readonly y: string;
  readonly xreg: readonly string[];
  readonly order: readonly [number, number, number];
  /** how the order was chosen */
  readonly orderSelection: { readonly method: "given" | "auto_arima"; readonly ic: number | null };
  readonly method: ArimaMethod;
  readonly coefficients: readonly {
    readonly name: string;
    readonly estimate: number;
    readonly stdError: number | null;
  }[];
  readonly sigma2: number;
  readonly logLik: number;
  readonly aic: number | null;
  readonly aicc: number | null;
  readonly bic: number | null;
  readonly nobs: number;
  readonly converged: boolean;
  /** the observed series (years when known) */
  readonly history: readonly { readonly year: number | null; readonly value: number }[];
  readonly forecast: readonly ForecastStep[];
  /** with a scenario: its name and the simulated per-step quantiles */
  readonly scenario: {
    readonly name: string;
    readonly columns: readonly {
      readonly name: string;
      readonly start: number;
      readonly growth: number;
      readonly sd: number;
    }[];
    readonly draws: number;
    readonly seed: number;
    readonly algorithm: string;
    readonly probs: readonly number[];
    readonly quantiles: readonly (readonly number[])[];
  } | null;
  readonly verifiedAgainst: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
  readonly provenance: ResultProvenance;
}

/** Finite or null (a CSS fit has no information criteria; an unusable Hessian no standard errors). */
const orNull = (v: number): number | null => (Number.isFinite(v) ? v : null);

function documentIssue(
  file: string,
  value: string,
  expected: string | readonly string[],
  jsonPath?: string,
): DataIssue {
  return issue("invalid_value", { file, ...(jsonPath !== undefined && { jsonPath }) }, { value, expected });
}

/** The scenario document, checked field by field. */
function parseScenario(doc: { text: string; file: string }, xreg: readonly string[]): GrowthScenario {
  let raw: unknown;
  try {
    raw = JSON.parse(doc.text);
  } catch {
    throw new DataIssuesError([documentIssue(doc.file, doc.text.slice(0, 60), ["JSON"])]);
  }
  const issues: DataIssue[] = [];
  const o = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>;
  const name = typeof o.name === "string" && o.name !== "" ? o.name : "scenario";
  const cols = (typeof o.columns === "object" && o.columns !== null ? o.columns : {}) as Record<string, unknown>;
  const columns: Record<string, { growth: number; sd: number }> = {};
  for (const x of xreg) {
    const c = cols[x] as Record<string, unknown> | undefined;
    const growth = c?.growth;
    const sd = c?.sd ?? 0;
    if (typeof growth !== "number" || !Number.isFinite(growth) || growth <= -1)
      issues.push(documentIssue(doc.file, String(growth), ["> -1"], `$.columns.${x}.growth`));
    if (typeof sd !== "number" || !Number.isFinite(sd) || sd < 0)
      issues.push(documentIssue(doc.file, String(sd), [">= 0"], `$.columns.${x}.sd`));
    if (typeof growth === "number" && typeof sd === "number") columns[x] = { growth, sd };
  }
  for (const [key, v, lo, hi] of [
    ["draws", o.draws, 100, 100000],
    ["seed", o.seed, 0, 2 ** 32 - 1],
  ] as const)
    if (v !== undefined && !(typeof v === "number" && Number.isInteger(v) && v >= lo && v <= hi))
      issues.push(documentIssue(doc.file, String(v), [`${lo}–${hi}`], `$.${key}`));
  if (issues.length > 0) throw new DataIssuesError(issues);
  return {
    name,
    columns,
    ...(typeof o.draws === "number" && { draws: o.draws }),
    ...(typeof o.seed === "number" && { seed: o.seed }),
  };
}

/** The future regressors table: the xreg columns, h complete rows. */
async function parseNewx(doc: { text: string; file: string }, xreg: readonly string[], h: number): Promise<Matrix> {
  const raw = await readTabularFile(new TextEncoder().encode(doc.text), { file: doc.file });
  if (!raw.ok) throw new DataIssuesError(raw.issues);
  const frame = readDataFrame(raw.value);
  if (!frame.ok) throw new DataIssuesError(frame.issues);
  const cols = frameColumns(frame.value, xreg);
  if (!cols.ok) throw new DataIssuesError(cols.issues);
  const values = frameNumbers(frame.value, xreg);
  if (!values.ok) throw new DataIssuesError(values.issues);
  if (frame.value.rows.length < h)
    throw new CoreError("too_few_observations", { argument: "newx", received: frame.value.rows.length, required: h });
  const X = matrix(h, xreg.length);
  const issues: DataIssue[] = [];
  for (let s = 0; s < h; s++)
    xreg.forEach((name, j) => {
      const v = values.value[j]?.[s];
      if (v === null || v === undefined) {
        const c = cols.value[j];
        issues.push(
          issue(
            "missing_value",
            {
              file: doc.file,
              row: frame.value.rowNumbers[s] as number,
              ...(c !== undefined && { column: c.column, columnName: c.name }),
            },
            { column: name },
          ),
        );
      } else X.data[s * xreg.length + j] = v;
    });
  if (issues.length > 0) throw new DataIssuesError(issues);
  return X;
}

/**
 * Fits a regression with ARIMA errors and forecasts h steps (ARIMA/ARIMAX 预测).
 * @throws {DataIssuesError} bad columns, cells, newx table or scenario document (located);
 *   {CoreError} from arima / autoArima / forecastArima (too_few_observations, singular_matrix
 *   collinear_xreg, invalid_argument required_by_model when xreg has no future values, …)
 */
export async function forecastArimax(
  ref: FrameRef,
  options: ForecastArimaxOptions,
  context: FrameRefOptions = {},
): Promise<ForecastArimaxResult> {
  const { frame, meta } = await frameOf(ref, context.source);
  const xregNames = [...(options.xreg ?? [])];
  const { series, years } = timeSeries(frame, [options.y, ...xregNames], options.time);
  const y = series[0] as Float64Array;
  const n = y.length;
  const k = xregNames.length;
  const X = k > 0 ? matrix(n, k) : undefined;
  if (X !== undefined)
    for (let t = 0; t < n; t++) for (let j = 0; j < k; j++) X.data[t * k + j] = series[j + 1]?.[t] as number;
  const method = options.method ?? "CSS-ML";
  let fit: ArimaResult;
  let selection: ForecastArimaxResult["orderSelection"];
  if (options.order === "auto") {
    const auto = autoArima(y, { ...(X !== undefined && { xreg: X, xregNames }) });
    fit = auto.fit;
    selection = { method: "auto_arima", ic: orNull(auto.icValue) };
  } else {
    fit = arima(y, {
      order: options.order,
      method,
      ...(X !== undefined && { xreg: X, xregNames }),
      ...(options.drift === true && { includeDrift: true }),
    });
    selection = { method: "given", ic: null };
  }
  const h = options.h;
  if (k > 0 && options.newx === undefined && options.scenario === undefined)
    throw new CoreError("invalid_argument", { option: "newx", reason: "required_by_model" });
  let newxreg: Matrix | undefined;
  let scenario: ForecastArimaxResult["scenario"] = null;
  let fan: ReturnType<typeof arimaxScenarioFan> | undefined;
  if (options.scenario !== undefined && k > 0) {
    const sc = parseScenario(options.scenario, xregNames);
    const columns = xregNames.map((name, j) => ({
      name,
      start: series[j + 1]?.[n - 1] as number,
      growth: sc.columns[name]?.growth as number,
      sd: sc.columns[name]?.sd ?? 0,
    }));
    fan = arimaxScenarioFan(fit, {
      h,
      columns: columns.map((c) => ({ start: c.start, growthMean: c.growth, growthSd: c.sd })),
      ...(sc.draws !== undefined && { draws: sc.draws }),
      ...(sc.seed !== undefined && { seed: sc.seed }),
    });
    newxreg = matrix(h, k);
    for (let s = 0; s < h; s++) for (let j = 0; j < k; j++) newxreg.data[s * k + j] = fan.paths[j]?.[s] as number;
    scenario = {
      name: sc.name,
      columns,
      draws: fan.draws,
      seed: fan.seed,
      algorithm: fan.algorithm,
      probs: fan.probs,
      quantiles: fan.quantiles.map((q) => Array.from(q)),
    };
  } else if (options.newx !== undefined && k > 0) newxreg = await parseNewx(options.newx, xregNames, h);
  const f = fan ?? forecastArima(fit, { h, ...(newxreg !== undefined && { newxreg }) });
  const last = years === null ? null : (years[years.length - 1] as number);
  const at = (level: number, side: "lower" | "upper", s: number): number => {
    const i = f.levels.indexOf(level);
    return (side === "lower" ? f.lower : f.upper)[i]?.[s] as number;
  };
  const diagnostics: Diagnostic[] = [...(fit.diagnostics as readonly Diagnostic[])];
  if (fan !== undefined)
    diagnostics.push({
      code: "monte_carlo_seed",
      severity: "info",
      params: { algorithm: fan.algorithm, seed: fan.seed, draws: fan.draws },
    });
  return {
    dataset: meta.id,
    y: options.y,
    xreg: xregNames,
    order: fit.order,
    orderSelection: selection,
    method: fit.method,
    coefficients: fit.coefficients.map((c) => ({ name: c.name, estimate: c.estimate, stdError: orNull(c.stdError) })),
    sigma2: fit.sigma2,
    logLik: fit.logLik,
    aic: orNull(fit.aic),
    aicc: orNull(fit.aicc),
    bic: orNull(fit.bic),
    nobs: fit.nobs,
    converged: fit.convergence.converged,
    history: Array.from(y, (value, t) => ({ year: years === null ? null : (years[t] as number), value })),
    forecast: Array.from({ length: h }, (_, s) => ({
      step: s + 1,
      year: last === null ? null : last + s + 1,
      mean: f.mean[s] as number,
      stdError: f.stdError[s] as number,
      lower80: at(80, "lower", s),
      upper80: at(80, "upper", s),
      lower95: at(95, "lower", s),
      upper95: at(95, "upper", s),
      xreg: newxreg === undefined ? [] : Array.from({ length: k }, (_, j) => newxreg?.data[s * k + j] as number),
    })),
    scenario,
    verifiedAgainst: ["R 4.2.2 stats::arima", "forecast 8.20 Arima/forecast/auto.arima"],
    diagnostics,
    provenance: resultProvenance(
      [meta],
      "forecast_arimax",
      {
        y: options.y,
        xreg: xregNames,
        order: fit.order,
        orderSelection: selection.method,
        method: fit.method,
        drift: options.drift === true,
        h,
        future: scenario !== null ? "scenario" : newxreg !== undefined ? "newx" : "none",
        ...(options.newx !== undefined && { newxFile: options.newx.file }),
        ...(scenario !== null && {
          scenario: { name: scenario.name, columns: scenario.columns, draws: scenario.draws, seed: scenario.seed },
        }),
        convention: "regression with ARIMA errors (R forecast::Arima), exact ML by Kalman filter",
      },
      context.clock,
    ),
  };
}

// ---------------------------------------------------------------------------------------------------
// Bayesian ARX (spec §8.4)

export interface ForecastBayesOptions {
  readonly y: string;
  readonly xreg?: readonly string[];
  /** AR order @default 1 */
  readonly p?: number;
  /** differencing @default 1 */
  readonly d?: number;
  readonly h: number;
  /** growth scenario document for the regressors (required with xreg) */
  readonly scenario?: { readonly text: string; readonly file: string };
  /** @default 10000 */
  readonly draws?: number;
  /** @default 20250101 */
  readonly seed?: number;
  readonly time?: string;
}

export interface ForecastBayesResult {
  readonly dataset: string;
  readonly y: string;
  readonly xreg: readonly string[];
  readonly p: number;
  readonly d: number;
  /** posterior mean and sd of each coefficient */
  readonly coefficients: readonly { readonly name: string; readonly mean: number; readonly sd: number | null }[];
  readonly sigma2Mean: number | null;
  readonly prior: { readonly b0: number; readonly v0: number; readonly a0: number; readonly d0: number };
  readonly history: readonly { readonly year: number | null; readonly value: number }[];
  readonly forecast: readonly {
    readonly step: number;
    readonly year: number | null;
    readonly point: number;
    readonly mean: number | null;
    readonly median: number | null;
    readonly q025: number | null;
    readonly q10: number | null;
    readonly q90: number | null;
    readonly q975: number | null;
    readonly xreg: readonly number[];
  }[];
  readonly scenario: string | null;
  readonly draws: number;
  readonly seed: string;
  readonly algorithm: string;
  /**
   * R̂ and bulk/tail ESS (R posterior 1.4.0's definitions) of each coefficient, σ² and each step's y,
   * the draws cut into `chains` consecutive blocks; null without draws
   */
  readonly convergence: {
    readonly chains: number;
    readonly verifiedAgainst: string;
    readonly quantities: readonly {
      readonly quantity: string;
      readonly rhat: number | null;
      readonly essBulk: number | null;
      readonly essTail: number | null;
    }[];
  } | null;
  readonly diagnostics: readonly Diagnostic[];
  readonly provenance: ResultProvenance;
}

/**
 * Conjugate Bayesian ARX forecast (贝叶斯 ARX 预测) on the d-differenced series with a growth scenario
 * for the regressors; predictive quantiles by seeded Monte Carlo (spec §8.4 defaults: b0 = 0,
 * V0 = 100·I, a0 = d0 = 0.01).
 * @throws as {@link forecastArimax}; {CoreError} from bayesArx / bayesArxForecast
 */
export async function forecastBayes(
  ref: FrameRef,
  options: ForecastBayesOptions,
  context: FrameRefOptions = {},
): Promise<ForecastBayesResult> {
  const { frame, meta } = await frameOf(ref, context.source);
  const xregNames = [...(options.xreg ?? [])];
  const { series, years } = timeSeries(frame, [options.y, ...xregNames], options.time);
  const y = series[0] as Float64Array;
  const fit = bayesArx(y, {
    p: options.p ?? 1,
    d: options.d ?? 1,
    ...(xregNames.length > 0 && { exogenous: series.slice(1), exogenousNames: xregNames }),
  });
  let exogenous: ExogenousScenario | undefined;
  let scenarioName: string | null = null;
  if (xregNames.length > 0) {
    if (options.scenario === undefined)
      throw new CoreError("invalid_argument", { option: "scenario", reason: "required_by_model" });
    const sc = parseScenario(options.scenario, xregNames);
    scenarioName = sc.name;
    exogenous = scenarioPaths({
      name: sc.name,
      growthMean: xregNames.map((x) => sc.columns[x]?.growth as number),
      growthSd: xregNames.map((x) => sc.columns[x]?.sd ?? 0),
      columns: xregNames.length,
    });
  }
  const f = bayesArxForecast(fit, {
    horizon: options.h,
    draws: options.draws ?? 10000,
    seed: options.seed ?? 20250101,
    ...(exogenous !== undefined && { exogenous }),
  });
  const last = years === null ? null : (years[years.length - 1] as number);
  const post = fit.posterior;
  const q = f.predictive;
  return {
    dataset: meta.id,
    y: options.y,
    xreg: xregNames,
    p: fit.p,
    d: fit.d,
    coefficients: fit.names.map((name, j) => ({
      name,
      mean: post.mean[j] as number,
      sd: post.sd === null ? null : (post.sd[j] as number),
    })),
    sigma2Mean: post.sigma2Mean,
    prior: { b0: 0, v0: 100, a0: 0.01, d0: 0.01 },
    history: Array.from(y, (value, t) => ({ year: years === null ? null : (years[t] as number), value })),
    forecast: Array.from({ length: options.h }, (_, s) => ({
      step: s + 1,
      year: last === null ? null : last + s + 1,
      point: f.point[s] as number,
      mean: q === null ? null : (q.mean[s] as number),
      median: q === null ? null : (q.median[s] as number),
      q025: q === null ? null : (q.q025[s] as number),
      q10: q === null ? null : (q.q10[s] as number),
      q90: q === null ? null : (q.q90[s] as number),
      q975: q === null ? null : (q.q975[s] as number),
      xreg: f.exogenousPath.map((path) => path[s] as number),
    })),
    scenario: scenarioName,
    draws: f.draws,
    seed: f.seed,
    algorithm: f.algorithm,
    convergence:
      f.convergence === null
        ? null
        : {
            chains: f.convergence[0]?.chains ?? 4,
            verifiedAgainst: "R posterior 1.4.0 rhat, ess_bulk, ess_tail",
            quantities: f.convergence.map((c) => ({
              quantity: c.quantity,
              rhat: c.rhat,
              essBulk: c.essBulk,
              essTail: c.essTail,
            })),
          },
    diagnostics: [...(fit.diagnostics as readonly Diagnostic[]), ...(f.diagnostics as readonly Diagnostic[])],
    provenance: resultProvenance(
      [meta],
      "forecast_bayes_arx",
      {
        y: options.y,
        xreg: xregNames,
        p: fit.p,
        d: fit.d,
        h: options.h,
        prior: "b0 = 0, V0 = 100·I, a0 = d0 = 0.01 (spec §8.4)",
        draws: f.draws,
        seed: f.seed,
        scenario: scenarioName,
      },
      context.clock,
    ),
  };
}
