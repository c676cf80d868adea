/**
 * Bootstrap Granger p-values. There is no reference software with the same resampling scheme, so the
 * checks are what the method must do: on ChickEgg (R lmtest; spec §4.3) the bootstrap agrees with the
 * F test where the F approximation is good (54 years, order 3: F p = 0.0029664 and 0.62379) — within
 * Monte-Carlo error for the large p (B = 999: SE ≈ √(p(1−p)/B) ≈ 0.015 at p = 0.62; we allow 4 SE); for
 * the small one the decision at 5 % (the bootstrap gives ≈ 0.01: the persistent chicken series has a
 * heavier-tailed F* than F(3, 44), which is the point of bootstrapping short series); the same seed
 * replays exactly; under H0 (x independent of an AR(1) y) the share of p-values below 0.1 over 60 seeded
 * samples stays within the binomial upper tolerance (mean 6, SD 2.3, 4 SD: ≤ 15).
 */

import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { randomGenerator } from "../random/xoshiro.js";
import { grangerBootstrap } from "./granger-bootstrap.js";

const ROOT = resolve(import.meta.dirname, "../../..");
const rows = readFileSync(join(ROOT, "test/fixtures/method/chickegg.csv"), "utf8").trim().split("\n").slice(1);
const chicken = rows.map((r) => Number(r.split(",")[1]));
const egg = rows.map((r) => Number(r.split(",")[2]));

describe("grangerBootstrap", () => {
  it("ChickEgg, order 3: egg → chicken significant at 5 %, chicken → egg not (≈ 0.62)", () => {
    const a = grangerBootstrap(chicken, egg, 3, { replications: 999, seed: 1 });
    expect(a.pValue).toBeLessThan(0.05);
    const b = grangerBootstrap(egg, chicken, 3, { replications: 999, seed: 1 });
    expect(Math.abs(b.pValue - 0.62379)).toBeLessThan(4 * 0.0154);
    expect(a.failed + b.failed).toBe(0);
  });

  it("the seed replays the p-value exactly; another seed differs only by Monte-Carlo error", () => {
    const a = grangerBootstrap(egg, chicken, 2, { replications: 199, seed: 7 });
    const b = grangerBootstrap(egg, chicken, 2, { replications: 199, seed: 7 });
    expect(b).toEqual(a);
    expect(a.algorithm).toBe("xoshiro128**");
  });

  it("under the null the p-values are roughly uniform (share below 0.1 of 60 samples)", () => {
    const rng = randomGenerator(20261203);
    let below = 0;
    const samples = 60;
    for (let s = 0; s < samples; s++) {
      const T = 25;
      const y = new Float64Array(T);
      const x = new Float64Array(T);
      for (let t = 0; t < T; t++) {
        x[t] = rng.normal();
        y[t] = (t > 0 ? 0.5 * (y[t - 1] as number) : 0) + rng.normal();
      }
      if (grangerBootstrap(y, x, 1, { replications: 99, seed: s }).pValue < 0.1) below++;
    }
    // Binomial(60, 0.1): mean 6, SD 2.3; allow 4 SD either side
    expect(below).toBeLessThanOrEqual(15);
  });

  it("refuses too few replications", () => {
    expect(() => grangerBootstrap(chicken, egg, 1, { replications: 10 })).toThrow(/invalid_argument/);
  });
});
