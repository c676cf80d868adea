/**
 * Conjugate Bayesian ARX, spec methods.md §8.4 known answers:
 * (a) diffuse limit on LakeHuron ARX(2), x = t − 1920, V0 = 1e8·I, a0 = d0 = 1e-3;
 * (b) the exact small case X = [1, t], w = [2, 4, 5, 4, 5], V0 = I, a0 = 2, d0 = 1.
 * The Monte-Carlo predictive is checked against the closed-form one-step predictive moments.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { expectAllClose, expectClose } from "../../../test/helpers/close.js";
import { fromRows, matrix } from "../linalg/matrix.js";
import { leastSquares } from "../linalg/qr.js";
import { bayesArx, bayesArxForecast, normalInverseGammaPosterior, scenarioPaths } from "./bayes-arx.js";

// R datasets::LakeHuron — annual level of Lake Huron (ft), 1875–1972, 98 values (Brockwell & Davis
// 1991, Introduction to Time Series and Forecasting; copied from shared/data/method-fixtures/lakehuron.csv,
// written by R `write.csv(as.numeric(LakeHuron))`).
const LAKE_HURON = Object.freeze([
  580.38, 581.86, 580.97, 580.8, 579.79, 580.39, 580.42, 580.82, 581.4, 581.32, 581.44, 581.68, 581.17, 580.53, 580.01,
  579.91, 579.14, 579.16, 579.55, 579.67, 578.44, 578.24, 579.1, 579.09, 579.35, 578.82, 579.32, 579.01, 579, 579.8,
  579.83, 579.72, 579.89, 580.01, 579.37, 578.69, 578.19, 578.67, 579.55, 578.92, 578.09, 579.37, 580.13, 580.14,
  579.51, 579.24, 578.66, 578.86, 578.05, 577.79, 576.75, 576.75, 577.82, 578.64, 580.58, 579.48, 577.38, 576.9, 576.94,
  576.24, 576.84, 576.85, 576.9, 577.79, 578.18, 577.51, 577.23, 578.42, 579.61, 579.05, 579.26, 579.22, 579.38, 579.1,
  577.95, 578.12, 579.75, 580.85, 580.41, 579.96, 579.61, 578.76, 578.18, 577.21, 577.13, 579.1, 578.25, 577.91, 576.89,
  575.96, 576.8, 577.68, 578.38, 578.52, 579.74, 579.31, 579.89, 579.96,
]);
const YEARS = Array.from({ length: 98 }, (_, i) => 1875 + i);
const TREND = YEARS.map((t) => t - 1920);

describe("normalInverseGammaPosterior", () => {
  it("spec §8.4 (b): exact small case b_n = [1.171171, 0.864865], V_n, a_n = 4.5, d_n = 3.747748", () => {
    const X = fromRows([
      [1, 1],
      [1, 2],
      [1, 3],
      [1, 4],
      [1, 5],
    ]);
    const post = normalInverseGammaPosterior([2, 4, 5, 4, 5], X, { covariance: 1, shape: 2, rate: 1 });
    // printed to 6 decimals; exact rationals b_n = [130/111, 32/37], d_n = 416/111
    expectAllClose(post.mean, [1.171171, 0.864865], { atol: 5e-7 });
    expectAllClose(post.mean, [130 / 111, 32 / 37], { rtol: 1e-14 });
    expectAllClose(post.covarianceScale.data, [0.504505, -0.135135, -0.135135, 0.054054], { atol: 5e-7 });
    expect(post.shape).toBe(4.5);
    expectClose(post.rate, 3.747748, { atol: 5e-7 });
    expectClose(post.rate, 416 / 111, { rtol: 1e-14 });
    expectClose(post.sigma2Mean as number, 416 / 111 / 3.5, { rtol: 1e-14 });
  });

  it("a full prior covariance matrix equals the scalar form when it is c·I", () => {
    const X = fromRows([
      [1, 0.5],
      [1, 1.5],
      [1, 3],
    ]);
    const a = normalInverseGammaPosterior([1, 2, 2], X, { covariance: 4, mean: [1, 1] });
    const b = normalInverseGammaPosterior([1, 2, 2], X, {
      covariance: fromRows([
        [4, 0],
        [0, 4],
      ]),
      mean: [1, 1],
    });
    expectAllClose(a.mean, b.mean, { rtol: 1e-14 });
    expectClose(a.rate, b.rate, { rtol: 1e-14 });
  });

  it("throws non_positive_prior_parameter and dimension_mismatch", () => {
    const X = fromRows([[1], [2]]);
    expect(() => normalInverseGammaPosterior([1, 2], X, { shape: 0 })).toThrow(
      expect.objectContaining({
        code: "invalid_argument",
        params: expect.objectContaining({ reason: "non_positive_prior_parameter" }),
      }),
    );
    expect(() => normalInverseGammaPosterior([1], X)).toThrow(expect.objectContaining({ code: "dimension_mismatch" }));
  });

  test.prop(
    [
      fc.array(fc.tuple(fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: -5, max: 5, noNaN: true })), {
        minLength: 8,
        maxLength: 30,
      }),
    ],
    { seed: 20250101 },
  )("as V0 → ∞·I (and a0, d0 → 0) the posterior mean approaches OLS", (pts) => {
    const X = matrix(pts.length, 2, Float64Array.from(pts.flatMap(([x]) => [1, x])));
    const xs = pts.map(([x]) => x);
    const spread = Math.max(...xs) - Math.min(...xs);
    fc.pre(spread > 0.5);
    const w = pts.map(([x, e]) => 1 + 2 * x + e);
    const ols = leastSquares(X, w).x;
    const post = normalInverseGammaPosterior(w, X, { covariance: 1e12, shape: 1e-9, rate: 1e-9 });
    // shrinkage ≈ (X'X)⁻¹V0⁻¹b ~ 1e-12·|b|·‖(X'X)⁻¹‖, with ‖(X'X)⁻¹‖ ≤ ~10 for spread > 0.5, n ≥ 8
    expectAllClose(post.mean, ols, { atol: 1e-8, rtol: 1e-8 });
  });
});

describe("bayesArx", () => {
  const diffuse = { covariance: 1e8, shape: 1e-3, rate: 1e-3 };
  const fit = bayesArx(LAKE_HURON, { p: 2, d: 0, exogenous: [TREND], exogenousNames: ["trend"], prior: diffuse });

  it("spec §8.4 (a): LakeHuron ARX(2) diffuse → b_n = [161.555295, 0.999747, −0.278774, −0.004999]", () => {
    expect(fit.names).toEqual(["(Intercept)", "ar1", "ar2", "trend"]);
    expect(fit.posterior.n).toBe(96);
    expectClose(fit.posterior.shape, 48.001, { rtol: 1e-15 });
    // printed to 6 decimals. The posterior precision has κ ≈ 2e11, so a Cholesky solve of the
    // normal equations carries a relative error up to ~κε ≈ 2e-5 in the worst direction; observed
    // agreement with the 50-digit mpmath solution below is far better.
    expectAllClose(fit.posterior.mean, [161.555295, 0.999747, -0.278774, -0.004999], { atol: 5e-7 });
    // 50-digit mpmath solution of the same posterior (mp.dps = 50, lu_solve on V0⁻¹ + X'X)
    expectAllClose(fit.posterior.mean, [161.555294842, 0.999746674618, -0.278773977908, -0.00499859741778], {
      rtol: 1e-8,
    });
  });

  it("E[σ²] = d_n/(a_n − 1) = 0.4505942725 (mpmath); spec §8.4 prints 0.450586 (2e-5 relative: cancellation in w'w − b_n'V_n⁻¹b_n)", () => {
    expectClose(fit.posterior.sigma2Mean as number, 0.450594272527, { rtol: 1e-8 });
    expectClose(fit.posterior.sigma2Mean as number, 0.450586, { rtol: 5e-5 });
  });

  it("is close to the conditional OLS (armax form) of spec §8.3: [161.560605, 0.999742, −0.278779, −0.004999]", () => {
    expectAllClose(fit.posterior.mean, [161.560605, 0.999742, -0.278779, -0.004999], { rtol: 5e-5, atol: 1e-5 });
  });

  it("d = 1 forecasts are the cumulated forecasts of the d = 0 model on the differences", () => {
    const y = LAKE_HURON.slice(0, 60);
    const x = TREND.slice(0, 60);
    const dy = y.slice(1).map((v, i) => v - (y[i] as number));
    const dx = x.slice(1).map((v, i) => v - (x[i] as number));
    const f1 = bayesArx(y, { p: 2, d: 1, exogenous: [x] });
    const f0 = bayesArx(dy, { p: 2, d: 0, exogenous: [dx] });
    expectAllClose(f1.posterior.mean, f0.posterior.mean, { rtol: 1e-12 });
    const path = [[15], [16], [17], [18]]; // x_60 = 1934 − 1920 = 14, so Δx = 1
    const p1 = bayesArxForecast(f1, { horizon: 4, draws: 0, exogenous: { kind: "path", name: "trend", path } });
    const p0 = bayesArxForecast(f0, {
      horizon: 4,
      draws: 0,
      exogenous: { kind: "path", name: "trend", path: [[1], [1], [1], [1]] },
    });
    let level = y[59] as number;
    const expected = Array.from(p0.point, (v) => {
      level += v;
      return level;
    });
    expectAllClose(p1.point, expected, { rtol: 1e-13 });
  });

  it("throws invalid_count and too_few_observations", () => {
    expect(() => bayesArx([1, 2, 3], { p: -1 })).toThrow(
      expect.objectContaining({ params: expect.objectContaining({ reason: "invalid_count" }) }),
    );
    expect(() => bayesArx([1, 2, 3], { p: 2, d: 1 })).toThrow(
      expect.objectContaining({ code: "too_few_observations" }),
    );
  });
});

describe("bayesArxForecast", () => {
  const fit = bayesArx(LAKE_HURON, {
    p: 2,
    d: 0,
    exogenous: [TREND],
    prior: { covariance: 1e8, shape: 1e-3, rate: 1e-3 },
  });
  const path = [[53], [54], [55], [56], [57]];
  const scenario = { kind: "path", name: "trend_1973_1977", path } as const;

  it("plug-in point path equals the recursion with b_n", () => {
    const f = bayesArxForecast(fit, { horizon: 5, exogenous: scenario, draws: 0 });
    const [c, a1, a2, b] = fit.posterior.mean as unknown as [number, number, number, number];
    const hist = [LAKE_HURON[96] as number, LAKE_HURON[97] as number];
    const expected: number[] = [];
    for (let h = 0; h < 5; h++) {
      const v = c + a1 * (hist[hist.length - 1] as number) + a2 * (hist[hist.length - 2] as number) + b * (53 + h);
      hist.push(v);
      expected.push(v);
    }
    expectAllClose(f.point, expected, { rtol: 1e-14 });
    expect(f.predictive).toBeNull();
  });

  it("Monte-Carlo one-step predictive matches the closed-form Student-t moments (seed 20250101, N = 10 000)", () => {
    const f = bayesArxForecast(fit, { horizon: 5, exogenous: scenario });
    expect(f.seed).toBe("20250101");
    expect(f.algorithm).toBe("xoshiro128**");
    expect(f.draws).toBe(10000);
    const post = fit.posterior;
    // x_{T+1} = [1, y_T, y_{T−1}, 53]; predictive y_{T+1} ~ t_{2a_n}(x'b_n, d_n/a_n·(1 + x'V_n x))
    const x = [1, LAKE_HURON[97] as number, LAKE_HURON[96] as number, 53];
    let q = 0;
    for (let i = 0; i < 4; i++)
      for (let j = 0; j < 4; j++)
        q += (x[i] as number) * (post.covarianceScale.data[i * 4 + j] as number) * (x[j] as number);
    const sd = Math.sqrt((post.rate / (post.shape - 1)) * (1 + q));
    const pred = f.predictive;
    if (pred === null) throw new Error("no predictive");
    // MC standard error of the mean sd/√N = 0.0067: allow 4 SE
    expectClose(pred.mean[0] as number, f.point[0] as number, { atol: (4 * sd) / 100 });
    // t with 96 df: the 2.5/97.5 % quantiles are ±1.98498·sd·√((ν−2)/ν); MC error of a tail quantile ≈ 0.02·sd
    const t975 = 1.984984311 * sd * Math.sqrt(94.002 / 96.002);
    expectClose((pred.q975[0] as number) - (f.point[0] as number), t975, { atol: 0.05 * sd });
    expectClose((f.point[0] as number) - (pred.q025[0] as number), t975, { atol: 0.05 * sd });
    for (let h = 0; h < 5; h++) {
      const s = [pred.q025[h], pred.q10[h], pred.median[h], pred.q90[h], pred.q975[h]] as number[];
      for (let i = 1; i < s.length; i++) expect(s[i] as number).toBeGreaterThanOrEqual(s[i - 1] as number);
    }
    // the fan widens with the horizon
    expect((pred.q975[4] as number) - (pred.q025[4] as number)).toBeGreaterThan(
      (pred.q975[0] as number) - (pred.q025[0] as number),
    );
  });

  it("is reproducible: the same seed gives identical summaries, another seed different ones", () => {
    const a = bayesArxForecast(fit, { horizon: 5, exogenous: scenario, draws: 500, seed: 7 });
    const b = bayesArxForecast(fit, { horizon: 5, exogenous: scenario, draws: 500, seed: 7 });
    const c = bayesArxForecast(fit, { horizon: 5, exogenous: scenario, draws: 500, seed: 8 });
    expect(Array.from(a.predictive?.median ?? [])).toEqual(Array.from(b.predictive?.median ?? []));
    expect(Array.from(a.predictive?.median ?? [])).not.toEqual(Array.from(c.predictive?.median ?? []));
  });

  it("scenarioPaths: growth 11.53 %/yr from the last value; its uncertainty widens the fan", () => {
    const k = Array.from({ length: 20 }, (_, t) => 10 * 1.1 ** t);
    const y = k.map((v, t) => 84 - 0.05 * v + 0.3 * Math.sin(t));
    const m = bayesArx(y, { p: 1, d: 1, exogenous: [k] });
    const fixed = scenarioPaths({ name: "deepening_11_53", growthMean: 0.1153 });
    const uncertain = scenarioPaths({ name: "deepening_11_53", growthMean: 0.1153, growthSd: 0.03 });
    expect(uncertain).toEqual({
      kind: "growth",
      name: "deepening_11_53",
      start: [null],
      growthMean: [0.1153],
      growthSd: [0.03],
    });
    const a = bayesArxForecast(m, { horizon: 7, exogenous: fixed, draws: 4000 });
    const b = bayesArxForecast(m, { horizon: 7, exogenous: uncertain, draws: 4000 });
    expectAllClose(
      a.exogenousPath[0] as Float64Array,
      Array.from({ length: 7 }, (_, h) => (k[19] as number) * 1.1153 ** (h + 1)),
      { rtol: 1e-14 },
    );
    expectAllClose(a.point, b.point, { rtol: 1e-15 });
    expect(a.scenario).toBe("deepening_11_53");
    const width = (f: typeof a, h: number) => (f.predictive?.q975[h] as number) - (f.predictive?.q025[h] as number);
    expect(width(b, 6)).toBeGreaterThan(width(a, 6));
  });

  it("throws missing_exogenous_scenario and dimension_mismatch", () => {
    expect(() => bayesArxForecast(fit, { horizon: 2 })).toThrow(
      expect.objectContaining({ params: expect.objectContaining({ reason: "missing_exogenous_scenario" }) }),
    );
    expect(() => bayesArxForecast(fit, { horizon: 2, exogenous: scenario })).toThrow(
      expect.objectContaining({ code: "dimension_mismatch" }),
    );
  });
});

describe("bayesArxForecast convergence of the draws", () => {
  const fit = bayesArx(LAKE_HURON, { p: 2, d: 0, exogenous: [TREND] });
  const scenario = { kind: "path", name: "trend", path: [[53], [54], [55]] } as const;

  it("independent draws: R̂ ≈ 1 and ESS ≈ N for every coefficient, σ² and step (4 consecutive chains)", () => {
    const f = bayesArxForecast(fit, { horizon: 3, exogenous: scenario });
    const names = f.convergence?.map((c) => c.quantity);
    expect(names).toEqual(["(Intercept)", "ar1", "ar2", "x1", "sigma2", "y[1]", "y[2]", "y[3]"]);
    for (const c of f.convergence ?? []) {
      expect(c.chains).toBe(4);
      expect(c.iterations).toBe(2500);
      // exact conjugate draws are independent: R̂ within 1.01 and the ESS near N (Monte-Carlo noise)
      expect(c.rhat as number).toBeLessThan(1.01);
      expect(c.essBulk as number).toBeGreaterThan(8000);
    }
    expect(f.diagnostics.some((d) => d.code === "draws_not_converged")).toBe(false);
  });

  it("too few draws for 100 per chain: draws_not_converged names the quantity", () => {
    const f = bayesArxForecast(fit, { horizon: 1, exogenous: { kind: "path", name: "t", path: [[53]] }, draws: 200 });
    const flagged = f.diagnostics.filter((d) => d.code === "draws_not_converged");
    expect(flagged.length).toBeGreaterThan(0);
    expect(flagged[0]?.params.chains).toBe(4);
  });

  it("no draws, no convergence", () => {
    expect(
      bayesArxForecast(fit, { horizon: 1, exogenous: { kind: "path", name: "t", path: [[53]] }, draws: 0 }).convergence,
    ).toBeNull();
  });
});

describe("bayesArx nonstationary_ar_mean", () => {
  it("flags an explosive posterior-mean AR polynomial and not a stationary one", () => {
    const explosive = Array.from({ length: 30 }, (_, t) => 1.15 ** t + 0.01 * Math.cos(3 * t));
    const e = bayesArx(explosive, { p: 1, d: 0, prior: { covariance: 1e6 } });
    const flag = e.diagnostics.find((d) => d.code === "nonstationary_ar_mean");
    expect(flag).toBeDefined();
    expect(flag?.params.spectralRadius as number).toBeGreaterThan(1);
    const stable = Array.from({ length: 40 }, (_, t) => 0.5 ** t + Math.sin(2.1 * t));
    expect(bayesArx(stable, { p: 2, d: 0 }).diagnostics).toEqual([]);
  });
});

describe("bayesArx purity", () => {
  it("does not modify its inputs", () => {
    const y = Float64Array.from(LAKE_HURON.slice(0, 40));
    const x = Float64Array.from(TREND.slice(0, 40));
    const y0 = y.slice();
    const x0 = x.slice();
    const fit = bayesArx(y, { p: 2, d: 1, exogenous: [x] });
    bayesArxForecast(fit, {
      horizon: 3,
      draws: 50,
      exogenous: scenarioPaths({ name: "g", growthMean: 0.01, growthSd: 0.01 }),
    });
    expect(Array.from(y)).toEqual(Array.from(y0));
    expect(Array.from(x)).toEqual(Array.from(x0));
  });
});
