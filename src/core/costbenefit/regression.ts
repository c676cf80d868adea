/**
 * Regression of cost–benefit ratios on digital input (成本收益比率对数字化投入的回归), spec
 * methods.md §7.4: pooled OLS over sectors × years with year fixed effects and standard errors
 * clustered by sector, estimated by the panel engine (`econometrics/panel.ts`).
 */

import {
  type PanelCoefficient,
  type PanelCovarianceType,
  type PanelOlsResult,
  panelOls,
} from "../econometrics/panel.js";
import { CoreError } from "../errors.js";
import { matrix } from "../linalg/matrix.js";
import { type CostBenefitDiagnostic, observationKey } from "./codes.js";

/** Functional form of the ratio regression (回归函数形式). */
export type RatioRegressionForm = "loglog" | "loglin" | "linlin";

/** The forms, in documentation order. */
export const RATIO_REGRESSION_FORMS: readonly RatioRegressionForm[] = ["loglog", "loglin", "linlin"];

/** A closed year window [from, to] (both ends inclusive). */
export interface YearWindow {
  readonly from: number;
  readonly to: number;
}

/** One sector-year: a ratio (CR or PR) and the sector's digital-input share, both as fractions. */
export interface RatioObservation {
  readonly sector: string;
  readonly year: number;
  /** the ratio Y as a fraction (0.75 for 75 %) */
  readonly ratio: number;
  /** digital input DI_{j,t} as a fraction (spec §5.6, default DI_direct_intermediate) */
  readonly digitalInput: number;
}

export interface RatioRegressionOptions {
  /**
   * "loglog": ln Y = a + b·ln DI ("1 % more DI → b %"); "loglin": ln Y = a + b·DI(pp) ("+1 pp DI →
   * 100(e^b − 1) %"); "linlin": Y(%) = a + b·DI(%) ("+1 pp DI → b pp")
   * @default "loglog"
   */
  readonly form?: RatioRegressionForm;
  /** add a dummy for every year but the first (year fixed effects) @default true */
  readonly yearEffects?: boolean;
  /** covariance of the coefficients; "cluster" clusters by sector @default "cluster" */
  readonly se?: PanelCovarianceType;
  /** years used (observations outside are dropped and reported) @default { from: 2013, to: 2023 } */
  readonly years?: YearWindow;
}

/** What a unit of the slope means, by form. */
export type RatioEffectUnit = "percent_per_percent" | "percent_per_point" | "point_per_point";

export interface RatioRegressionResult {
  readonly form: RatioRegressionForm;
  /** the slope b on digital input ("ln_digital_input" or "digital_input_pp") */
  readonly slope: PanelCoefficient;
  /**
   * the effect as the seed words it: loglog b (% per 1 % DI); loglin 100(e^b − 1) (% per +1 pp DI);
   * linlin b (pp per +1 pp DI)
   */
  readonly effect: number;
  readonly effectUnit: RatioEffectUnit;
  /** the full panel regression (intercept, slope, year dummies "year_YYYY") */
  readonly regression: PanelOlsResult;
  /** the years used, ascending (the first is the base of the year dummies) */
  readonly years: readonly number[];
  /** distinct sectors used */
  readonly sectors: number;
  /** non_positive_rows_dropped, observations_outside_window */
  readonly diagnostics: readonly CostBenefitDiagnostic[];
}

/** The default estimation window of §7.4 (2013–2023). */
export const DEFAULT_REGRESSION_YEARS: YearWindow = { from: 2013, to: 2023 };

/** Validates a year window (module-private; shared with elasticity.ts). */
export function checkWindow(w: YearWindow, option: string, fn: string): void {
  if (!Number.isInteger(w.from) || !Number.isInteger(w.to) || w.from > w.to) {
    throw new CoreError("invalid_argument", { function: fn, option, reason: "invalid_window", from: w.from, to: w.to });
  }
}

/**
 * Regression of a cost–benefit ratio on digital input (成本收益比率对数字化投入的回归), spec §7.4.
 *
 * Pooled OLS over sectors j × years t in the window, with the functional form chosen by `form`:
 *
 *     loglog (default)  ln Y_{j,t}   = a + b·ln DI_{j,t}       + Σ_{s>t0} δ_s·1[t = s] + e
 *     loglin            ln Y_{j,t}   = a + b·100·DI_{j,t}     + …
 *     linlin            100·Y_{j,t}  = a + b·100·DI_{j,t}     + …
 *
 * The sample is the sector-years with DI > 0 and Y > 0 (spec §7.4; for every form, so that the three
 * forms use the same observations); dropped rows are reported (`non_positive_rows_dropped`). Year
 * fixed effects are dummies for every year but the first (the intercept is the first year's), so the
 * cluster-robust covariance counts them in k: this is statsmodels `OLS(y, [1, x, year
 * dummies]).fit(cov_type="cluster", groups=sector)` = Stata `regress y x i.year, vce(cluster sector)`
 * (t with G − 1 df). Estimation is `panelOls` with effects "pooled" and clusters = sectors.
 *
 * @param observations - {@link RatioObservation} sector-years (each sector-year at most once)
 * @param options - {@link RatioRegressionOptions}
 * @returns {@link RatioRegressionResult}: form, slope, effect, effectUnit, regression, years, sectors,
 *   diagnostics
 * @throws {CoreError} invalid_argument (unknown `form` or `se`; reason "invalid_window"; reason
 *   "duplicate_observation" for a sector-year given twice; reason "too_few_clusters" from the panel
 *   engine with fewer than 2 sectors); non_finite (ratio or digitalInput); too_few_observations and
 *   singular_matrix (reason "collinear_columns", e.g. DI constant) from `panelOls`
 * @example
 * const r = ratioRegression(rows, { form: "loglog" });
 * r.slope.estimate; // => b: % change of the ratio per 1 % more digital input
 * @see spec methods.md §7.4 (seed 001's printed slopes: data/published); Cameron & Miller (2015) (cluster-robust
 *   inference); reference values test/reference/statsmodels-costbenefit
 */
export function ratioRegression(
  observations: readonly RatioObservation[],
  options: RatioRegressionOptions = {},
): RatioRegressionResult {
  const fn = "ratioRegression";
  const form = options.form ?? "loglog";
  if (!RATIO_REGRESSION_FORMS.includes(form)) {
    throw new CoreError("invalid_argument", {
      function: fn,
      option: "form",
      received: form,
      expected: RATIO_REGRESSION_FORMS,
    });
  }
  const window = options.years ?? DEFAULT_REGRESSION_YEARS;
  checkWindow(window, "years", fn);
  const yearEffects = options.yearEffects ?? true;
  const se = options.se ?? "cluster";

  const seen = new Set<string>();
  const kept: RatioObservation[] = [];
  const dropped: string[] = [];
  let outside = 0;
  observations.forEach((o, index) => {
    if (!Number.isFinite(o.ratio))
      throw new CoreError("non_finite", { function: fn, argument: "ratio", index, value: o.ratio });
    if (!Number.isFinite(o.digitalInput))
      throw new CoreError("non_finite", { function: fn, argument: "digitalInput", index, value: o.digitalInput });
    const key = observationKey(o.sector, o.year);
    if (seen.has(key))
      throw new CoreError("invalid_argument", {
        function: fn,
        argument: "observations",
        index,
        reason: "duplicate_observation",
        received: key,
      });
    seen.add(key);
    if (o.year < window.from || o.year > window.to) outside++;
    else if (o.ratio > 0 && o.digitalInput > 0) kept.push(o);
    else dropped.push(key);
  });
  const diagnostics: CostBenefitDiagnostic[] = [];
  if (outside > 0) {
    diagnostics.push({
      code: "observations_outside_window",
      severity: "info",
      params: { count: outside, from: window.from, to: window.to },
    });
  }
  if (dropped.length > 0) {
    diagnostics.push({
      code: "non_positive_rows_dropped",
      severity: "info",
      params: { count: dropped.length, n: kept.length, keys: dropped.slice(0, 20) },
    });
  }

  const years = [...new Set(kept.map((o) => o.year))].sort((a, b) => a - b);
  const dummyYears = yearEffects ? years.slice(1) : [];
  const xName = form === "loglog" ? "ln_digital_input" : "digital_input_pp";
  const names = [xName, ...dummyYears.map((y) => `year_${y}`)];
  const n = kept.length;
  const p = names.length;
  const X = new Float64Array(n * p);
  const y = new Float64Array(n);
  kept.forEach((o, i) => {
    X[i * p] = form === "loglog" ? Math.log(o.digitalInput) : 100 * o.digitalInput;
    y[i] = form === "linlin" ? 100 * o.ratio : Math.log(o.ratio);
    const d = dummyYears.indexOf(o.year);
    if (d >= 0) X[i * p + 1 + d] = 1;
  });
  const sectorIds = kept.map((o) => o.sector);
  const regression = panelOls(y, matrix(n, p, X), { entities: sectorIds, effects: "pooled", se, names });
  const slope = regression.coefficients[1] as PanelCoefficient;
  const b = slope.estimate;
  const effect = form === "loglin" ? 100 * Math.expm1(b) : b;
  const effectUnit: RatioEffectUnit =
    form === "loglog" ? "percent_per_percent" : form === "loglin" ? "percent_per_point" : "point_per_point";
  return { form, slope, effect, effectUnit, regression, years, sectors: regression.entities, diagnostics };
}
