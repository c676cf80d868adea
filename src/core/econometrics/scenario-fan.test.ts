/**
 * Scenario fans on Lake Huron (R `arima(LakeHuron, order = c(2,0,0), xreg = time − 1920)`, spec §8.3).
 *
 * Known answers: with a fixed path (sd = 0) the regressor at x_T·(1 + g)^h and g chosen so that the path
 * is 1973…1977 − 1920, the mean-growth forecast is R's scenario forecast (spec §8.3: 579.3971650, …); the
 * simulated quantiles then estimate the normal forecast distribution, so the 10 % and 90 % quantiles
 * must match R's 80 % limits within Monte-Carlo error (10 000 draws: the standard error of a 10 %
 * quantile of N(μ, s²) is s·√(0.1·0.9/N)/φ(z₀.₁) ≈ 0.017·s; we allow 4 of them). Invariants: the
 * quantiles increase with p; scenario uncertainty (sd > 0) widens the fan; the same seed gives the same
 * fan.
 */
import { describe, expect, it } from "vitest";
import { expectClose } from "../../../test/helpers/close.js";
import { matrix } from "../linalg/matrix.js";
import { arima } from "./arima.js";
import { arimaxScenarioFan } from "./scenario-fan.js";

// R datasets::LakeHuron, 1875–1972 (Brockwell & Davis); test/fixtures/method/lakehuron.csv
const LAKE = [
  580.38, 581.86, 580.97, 580.8, 579.79, 580.39, 580.42, 580.82, 581.4, 581.32, 581.44, 581.68, 581.17, 580.53, 580.01,
  579.91, 579.14, 579.16, 579.55, 579.67, 578.44, 578.24, 579.1, 579.09, 579.35, 578.82, 579.32, 579.01, 579, 579.8,
  579.83, 579.72, 579.89, 580.01, 579.37, 578.69, 578.19, 578.67, 579.55, 578.92, 578.09, 579.37, 580.13, 580.14,
  579.51, 579.24, 578.66, 578.86, 578.05, 577.79, 576.75, 576.75, 577.82, 578.64, 580.58, 579.48, 577.38, 576.9, 576.94,
  576.24, 576.84, 576.85, 576.9, 577.79, 578.18, 577.51, 577.23, 578.42, 579.61, 579.05, 579.26, 579.22, 579.38, 579.1,
  577.95, 578.12, 579.75, 580.85, 580.41, 579.96, 579.61, 578.76, 578.18, 577.21, 577.13, 579.1, 578.25, 577.91, 576.89,
  575.96, 576.8, 577.68, 578.38, 578.52, 579.74, 579.31, 579.89, 579.96,
];
const R_MEAN = [579.397165, 578.8050541, 578.367884, 578.0949277, 577.9418367];
const R_LOWER80 = [578.5129416, 577.5515662, 576.9626638, 576.6393987, 576.473149];
const R_UPPER80 = [580.2813884, 580.0585419, 579.7731042, 579.5504567, 579.4105244];

const time = matrix(
  LAKE.length,
  1,
  Float64Array.from(LAKE, (_, i) => 1875 + i - 1920),
);
const fit = arima(Float64Array.from(LAKE), { order: [2, 0, 0], xreg: time, xregNames: ["time"] });
// x_T = 1972 − 1920 = 52; a fixed growth path cannot be linear, so test a one-step horizon exactly
// and the whole path with the growth that hits 53 after one step (the level forecasts then differ
// from R's linear path after step 1 only through β·Δx, which is checked separately).
const g = 53 / 52 - 1;

describe("arimaxScenarioFan", () => {
  it("one step, fixed path: mean and 80 % limits are R's; simulated 10/90 % quantiles match them", () => {
    const fan = arimaxScenarioFan(fit, { h: 1, columns: [{ start: 52, growthMean: g, growthSd: 0 }] });
    expectClose(fan.paths[0]?.[0] as number, 53, { rtol: 1e-14 });
    expectClose(fan.mean[0] as number, R_MEAN[0] as number, { rtol: 1e-6 });
    expectClose(fan.lower[0]?.[0] as number, R_LOWER80[0] as number, { rtol: 1e-6 });
    expectClose(fan.upper[0]?.[0] as number, R_UPPER80[0] as number, { rtol: 1e-6 });
    const s = fan.stdError[0] as number;
    const mcTolerance = 4 * 0.017 * s;
    expectClose(fan.quantiles[1]?.[0] as number, R_LOWER80[0] as number, { atol: mcTolerance });
    expectClose(fan.quantiles[3]?.[0] as number, R_UPPER80[0] as number, { atol: mcTolerance });
    expectClose(fan.quantiles[2]?.[0] as number, R_MEAN[0] as number, { atol: 4 * 0.0125 * s });
  });

  it("the mean path shifts by β·Δx from R's linear path (forecast linear in x)", () => {
    const fan = arimaxScenarioFan(fit, { h: 5, columns: [{ start: 52, growthMean: g, growthSd: 0 }] });
    const beta = fit.model.xregCoefficients[0] as number;
    for (let s = 0; s < 5; s++) {
      const dx = (fan.paths[0]?.[s] as number) - (53 + s);
      expectClose(fan.mean[s] as number, (R_MEAN[s] as number) + beta * dx, { rtol: 1e-6 });
    }
  });

  it("quantiles increase with p; scenario uncertainty widens the fan; the seed replays it", () => {
    const fixed = arimaxScenarioFan(fit, { h: 5, columns: [{ start: 52, growthMean: 0.02, growthSd: 0 }] });
    const wide = arimaxScenarioFan(fit, { h: 5, columns: [{ start: 52, growthMean: 0.02, growthSd: 0.05 }] });
    for (let s = 0; s < 5; s++) {
      for (let i = 1; i < wide.probs.length; i++)
        expect(wide.quantiles[i]?.[s] as number).toBeGreaterThan(wide.quantiles[i - 1]?.[s] as number);
      const spread = (f: typeof wide) => (f.quantiles[4]?.[s] as number) - (f.quantiles[0]?.[s] as number);
      if (s > 0) expect(spread(wide)).toBeGreaterThan(spread(fixed));
    }
    const again = arimaxScenarioFan(fit, { h: 5, columns: [{ start: 52, growthMean: 0.02, growthSd: 0.05 }] });
    expect(Array.from(again.quantiles[2] ?? [])).toEqual(Array.from(wide.quantiles[2] ?? []));
    expect(wide.algorithm).toBe("xoshiro128**");
  });

  it("refuses a scenario for the wrong number of regressors and a negative sd", () => {
    expect(() => arimaxScenarioFan(fit, { h: 3, columns: [] })).toThrow(/dimension_mismatch/);
    expect(() => arimaxScenarioFan(fit, { h: 3, columns: [{ start: 52, growthMean: 0.1, growthSd: -1 }] })).toThrow(
      /negative_scenario_sd/,
    );
  });
});
