/**
 * Integration-index arithmetic against spec §2.4 (derived from the endpoints printed in seed 000)
 * and the synthetic example.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { expectAllClose, expectClose } from "../../../test/helpers/close.js";
import { fromRows } from "../linalg/matrix.js";
import {
  baseYearIndex,
  cagr,
  cagrOver,
  firstCrossingYear,
  fusionDecomposition,
  growthMultiple,
  meanIndex,
  percentagePointGap,
} from "./fusion.js";

describe("spec §2.4 arithmetic (exact, from the printed endpoints)", () => {
  it("45.47 → 190.10: ratio 4.1808, 增长了 3.18 倍, CAGR 12.6604 % over 12 intervals", () => {
    const g = growthMultiple(45.47, 190.1);
    expectClose(g.ratio, 4.1808, { atol: 5e-5 });
    expectClose(g.increase, 3.18, { atol: 5e-3 });
    expectClose(cagr(45.47, 190.1, 12), 12.6604, { atol: 5e-5 });
  });

  it("45.47 → 182.42 over 11 intervals: 13.4618 %; 22.86 → 128.97: ×5.6417, CAGR 17.0335 %", () => {
    expectClose(cagr(45.47, 182.42, 11), 13.4618, { atol: 5e-5 });
    expectClose(growthMultiple(22.86, 128.97).ratio, 5.6417, { atol: 5e-5 });
    expectClose(cagr(22.86, 128.97, 11), 17.0335, { atol: 5e-5 });
  });

  it("nominal GDP 538 580 → 1 349 084 亿元 (2012→2024): CAGR 7.95 %, gap 4.71 pp", () => {
    const gdp = cagr(538580, 1349084, 12);
    expectClose(gdp, 7.95, { atol: 5e-3 });
    expectClose(percentagePointGap(cagr(45.47, 190.1, 12), gdp), 4.71, { atol: 5e-3 });
  });

  it("cagrOver picks the window's endpoints", () => {
    expectClose(cagrOver([45.47, 100, 182.42], [2012, 2016, 2023], 2012, 2023), 13.4618, { atol: 5e-5 });
  });
});

describe("spec §2.4 synthetic example", () => {
  const years = [2015, 2016, 2017, 2018];

  it("X = [50, 60, 72, 86.4], base year index 1 → I = [83.333…, 100, 120, 144]", () => {
    expectAllClose(baseYearIndex([50, 60, 72, 86.4], years, 2016), [250 / 3, 100, 120, 144], { atol: 1e-12 });
  });

  it("additive split of [[20,30,40,50],[30,30,32,36.4]] sums to I", () => {
    const X = fromRows([
      [20, 30],
      [30, 30],
      [40, 32],
      [50, 36.4],
    ]);
    const r = fusionDecomposition(X, years, 2016);
    expectAllClose(r.total, [250 / 3, 100, 120, 144], { atol: 1e-12 });
    const c0 = [0, 1, 2, 3].map((t) => r.components[t * 2] as number);
    const c1 = [0, 1, 2, 3].map((t) => r.components[t * 2 + 1] as number);
    expectAllClose(c0, [33.333333, 50, 66.666667, 83.333333], { atol: 5e-7 });
    expectAllClose(c1, [50, 50, 53.333333, 60.666667], { atol: 5e-7 });
  });

  it("self_based: J^c = 100·X^c/X^c_b; base_share weights reproduce the additive total; non-positive base is an error", () => {
    const X = fromRows([
      [20, 30],
      [30, 30],
      [40, 32],
      [50, 36.4],
    ]);
    const r = fusionDecomposition(X, years, 2016, { decomposition: "self_based", totalWeights: "base_share" });
    expectAllClose(r.total, [250 / 3, 100, 120, 144], { atol: 1e-12 });
    expectAllClose([r.components[4] as number, r.components[5] as number], [400 / 3, 320 / 3], { atol: 1e-12 });
    const net = fromRows([
      [20, -1],
      [30, 0],
      [40, 2],
      [50, 3],
    ]);
    expect(() => fusionDecomposition(net, years, 2016, { decomposition: "self_based" })).toThrow(
      expect.objectContaining({ params: expect.objectContaining({ reason: "non_positive_base" }) }),
    );
  });

  it("mean index has mean 100", () => {
    const I = meanIndex([50, 60, 72, 86.4], years);
    expectClose(I.reduce((a, b) => a + b, 0) / 4, 100, { atol: 1e-12 });
  });
});

describe("firstCrossingYear (spec §2.3 step 5)", () => {
  it("the first year at or above the reference after a year below it", () => {
    expect(firstCrossingYear([90, 100, 115], [95, 100, 110], [2015, 2016, 2017])).toBe(2016);
    expect(firstCrossingYear([100, 101], [99, 100], [2015, 2016])).toBeNull();
  });
});

test.prop(
  [
    fc.array(fc.double({ min: 1, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 15 }),
    fc.integer({ min: 0, max: 14 }),
  ],
  { seed: 3, numRuns: 200 },
)("normalisation invariance (spec §2.4): CAGR of the base-year index equals CAGR of the series to 1e-12", (x, b) => {
  const years = x.map((_, i) => 2000 + i);
  const base = years[Math.min(b, x.length - 1)] as number;
  const I = baseYearIndex(x, years, base);
  const T = x.length - 1;
  expect(Math.abs(cagr(I[0] as number, I[T] as number, T) - cagr(x[0] as number, x[T] as number, T))).toBeLessThan(
    1e-12 * Math.max(1, Math.abs(cagr(x[0] as number, x[T] as number, T))),
  );
});
