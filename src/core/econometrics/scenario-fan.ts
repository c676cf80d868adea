/**
 * Scenario fan charts for regression with ARIMA errors (情景预测扇形图): the exogenous path is itself
 * uncertain. A growth scenario says each regressor grows from its last observed value at a rate drawn,
 * once per simulated path, from N(mean, sd) — e.g. per-worker digital capital deepening at its five-year
 * average rate (spec §8.5) give or take one point. The fan is the per-step distribution of
 *
 *     y_{T+h} = m_h + Σ_j β_j (x_{j,T+h}(g_j) − x_{j,T+h}(ḡ_j)) + s_h z_h,   z_h ~ N(0, 1),
 *
 * where m_h and s_h are the ARIMAX forecast mean and standard error on the mean-growth path (the
 * forecast of y given x is linear in x_{T+h} with slope β for regression with ARIMA errors, whatever
 * d), so each path needs no new Kalman recursion. Parameter uncertainty is not propagated (as
 * `forecast::forecast`); the scenario's and the model's noise are. Quantiles per step are numpy's
 * default (linear interpolation, Hyndman–Fan type 7).
 */
import { CoreError } from "../errors.js";
import { type Matrix, matrix } from "../linalg/matrix.js";
import { randomGenerator } from "../random/xoshiro.js";
import { type ArimaResult, forecastArima } from "./arima.js";

/** One regressor's growth scenario. */
export interface GrowthScenarioColumn {
  /** the last observed value x_T (the path starts from it) */
  readonly start: number;
  /** mean annual growth rate (0.05 = 5 %) */
  readonly growthMean: number;
  /** standard deviation of the growth rate across paths (0 = a fixed path) */
  readonly growthSd: number;
}

export interface ScenarioFanOptions {
  /** horizon (steps) */
  readonly h: number;
  /** one entry per xreg column of the fit, in the fit's order */
  readonly columns: readonly GrowthScenarioColumn[];
  /** simulated paths @default 10000 */
  readonly draws?: number;
  /** xoshiro128** seed @default 20250101 (spec §8.4) */
  readonly seed?: number;
  /** probabilities of the fan's quantiles @default [0.025, 0.1, 0.5, 0.9, 0.975] */
  readonly probs?: readonly number[];
}

export interface ScenarioFanResult {
  /** x_{j,T+h} on the mean-growth path: paths[j][h − 1] */
  readonly paths: readonly Float64Array[];
  /** the ARIMAX forecast on the mean-growth path (model uncertainty only) */
  readonly mean: Float64Array;
  readonly stdError: Float64Array;
  readonly levels: readonly number[];
  readonly lower: readonly Float64Array[];
  readonly upper: readonly Float64Array[];
  /** quantiles of the simulated y_{T+h} (scenario and model uncertainty): quantiles[i][h − 1] */
  readonly probs: readonly number[];
  readonly quantiles: readonly Float64Array[];
  readonly draws: number;
  readonly seed: number;
  readonly algorithm: "xoshiro128**";
}

/** numpy `quantile` (linear, type 7) of sorted values. */
function quantileSorted(sorted: Float64Array, p: number): number {
  const pos = (sorted.length - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, sorted.length - 1);
  const a = sorted[lo] as number;
  return a + ((sorted[hi] as number) - a) * (pos - lo);
}

/**
 * Forecast fan of an ARIMAX fit under growth scenarios for its regressors (外生情景的预测扇形图).
 *
 * @param fit - an {@link arima} fit with k ≥ 1 xreg columns
 * @param options - {@link ScenarioFanOptions}
 * @returns {@link ScenarioFanResult}
 * @throws {CoreError} invalid_argument (h, draws not positive integers — reason "invalid_count";
 *   columns.length ≠ k — dimension_mismatch; a negative sd — reason "negative_scenario_sd"; a
 *   probability outside (0, 1)); non_finite (a scenario number); anything forecastArima throws
 * @example
 * const fan = arimaxScenarioFan(fit, { h: 7, columns: [{ start: k2023, growthMean: 0.1153, growthSd: 0.01 }] });
 * fan.quantiles[2]; // medians per step
 * Complexity O(draws · h · (k + log draws)).
 */
export function arimaxScenarioFan(fit: ArimaResult, options: ScenarioFanOptions): ScenarioFanResult {
  const fn = "arimaxScenarioFan";
  const { h } = options;
  const draws = options.draws ?? 10000;
  const seed = options.seed ?? 20250101;
  const probs = options.probs ?? [0.025, 0.1, 0.5, 0.9, 0.975];
  for (const [argument, v] of [
    ["h", h],
    ["draws", draws],
  ] as const)
    if (!Number.isInteger(v) || v < 1)
      throw new CoreError("invalid_argument", { function: fn, argument, received: v, reason: "invalid_count" });
  for (const p of probs)
    if (!(p > 0 && p < 1)) throw new CoreError("invalid_argument", { function: fn, argument: "probs", value: p });
  const k = options.columns.length;
  const betas = fit.model.xregCoefficients;
  const xregCount = betas.length;
  if (k === 0 || k !== xregCount)
    throw new CoreError("dimension_mismatch", { function: fn, argument: "columns", expected: xregCount, received: k });
  options.columns.forEach((c, j) => {
    for (const v of [c.start, c.growthMean, c.growthSd])
      if (!Number.isFinite(v)) throw new CoreError("non_finite", { function: fn, argument: "columns", index: j });
    if (c.growthSd < 0)
      throw new CoreError("invalid_argument", {
        function: fn,
        argument: "columns",
        index: j,
        value: c.growthSd,
        reason: "negative_scenario_sd",
      });
  });
  const paths = options.columns.map((c) =>
    Float64Array.from({ length: h }, (_, s) => c.start * (1 + c.growthMean) ** (s + 1)),
  );
  const newxreg: Matrix = matrix(h, k);
  for (let s = 0; s < h; s++) for (let j = 0; j < k; j++) newxreg.data[s * k + j] = paths[j]?.[s] as number;
  const f = forecastArima(fit, { h, newxreg });
  const rng = randomGenerator(seed);
  const sims = Array.from({ length: h }, () => new Float64Array(draws));
  for (let r = 0; r < draws; r++) {
    const g = options.columns.map((c) => c.growthMean + c.growthSd * rng.normal());
    for (let s = 0; s < h; s++) {
      let shift = 0;
      for (let j = 0; j < k; j++) {
        const c = options.columns[j] as GrowthScenarioColumn;
        shift += (betas[j] as number) * (c.start * (1 + (g[j] as number)) ** (s + 1) - (paths[j]?.[s] as number));
      }
      (sims[s] as Float64Array)[r] = (f.mean[s] as number) + shift + (f.stdError[s] as number) * rng.normal();
    }
  }
  const quantiles = probs.map(() => new Float64Array(h));
  for (let s = 0; s < h; s++) {
    const sorted = (sims[s] as Float64Array).sort();
    probs.forEach((p, i) => {
      (quantiles[i] as Float64Array)[s] = quantileSorted(sorted, p);
    });
  }
  return {
    paths,
    mean: f.mean,
    stdError: f.stdError,
    levels: f.levels,
    lower: f.lower,
    upper: f.upper,
    probs: [...probs],
    quantiles,
    draws,
    seed,
    algorithm: rng.algorithm,
  };
}
