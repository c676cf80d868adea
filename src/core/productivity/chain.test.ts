/**
 * Chain-linking across price bases. Known answer by hand (2015 prices until 2020, 2020 prices from 2021):
 * constant 100, 102 | 120, 126; nominal 105, 112, 125, 135 (2019–2022). At 2020 prices: 2020 = 112
 * (nominal); 2021 = 112 × 120/112 = 120; 2022 = 120 × 126/120 = 126; 2019 = 112 ÷ (102/100) = 109.803922;
 * deflators 100·N/R: 95.625, 100, 104.166667, 107.142857.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { CoreError } from "../errors.js";
import { chainConstantPrices } from "./chain.js";

const series = (start: number, values: number[]) => values.map((value, i) => ({ year: start + i, value }));

describe("chainConstantPrices", () => {
  const r = chainConstantPrices({
    constant: series(2019, [100, 102, 120, 126]),
    nominal: series(2019, [105, 112, 125, 135]),
    rebasedYears: [2016, 2021],
  });

  it("the hand-computed example: 2020 prices, growth at the rebasing year from the previous nominal value", () => {
    expect(r.base).toBe(2020);
    const real = r.years.map((y) => y.real);
    expect(real[0]).toBeCloseTo(109.803922, 6);
    expect(real.slice(1)).toEqual([112, 120, 126]);
    expect(r.years.map((y) => y.deflator)[0]).toBeCloseTo(95.625, 9);
    expect(r.years.map((y) => y.deflator)[3]).toBeCloseTo(107.142857, 6);
    expect(r.years.map((y) => y.priceBase)).toEqual([2015, 2015, 2020, 2020]);
    expect(r.years[2]?.growth).toBeCloseTo(120 / 112, 15);
  });

  it("another base rescales the series: same growth, deflator 100 in the new base", () => {
    const b = chainConstantPrices({
      constant: series(2019, [100, 102, 120, 126]),
      nominal: series(2019, [105, 112, 125, 135]),
      rebasedYears: [2021],
      base: 2022,
    });
    expect(b.years[3]?.real).toBe(135);
    expect(b.years[3]?.deflator).toBe(100);
    const ratio = (b.years[0]?.real as number) / (r.years[0]?.real as number);
    for (let i = 0; i < 4; i++)
      expect((b.years[i]?.real as number) / (r.years[i]?.real as number)).toBeCloseTo(ratio, 12);
  });

  it("coded errors: a gap, a base outside the years, a non-positive value", () => {
    const gap = () =>
      chainConstantPrices({
        constant: [
          { year: 2000, value: 1 },
          { year: 2002, value: 2 },
        ],
        nominal: [
          { year: 2000, value: 1 },
          { year: 2002, value: 2 },
        ],
        rebasedYears: [],
      });
    expect(gap).toThrow(
      expect.objectContaining({
        code: "invalid_argument",
        params: expect.objectContaining({ reason: "years_not_consecutive" }),
      }),
    );
    expect(() =>
      chainConstantPrices({
        constant: series(2000, [1, 2]),
        nominal: series(2000, [1, 2]),
        rebasedYears: [],
        base: 1999,
      }),
    ).toThrow(CoreError);
    expect(() =>
      chainConstantPrices({ constant: series(2000, [1, 0]), nominal: series(2000, [1, 2]), rebasedYears: [] }),
    ).toThrow(expect.objectContaining({ params: expect.objectContaining({ reason: "non_positive_level" }) }));
  });
});

describe("invariants", () => {
  const positive = fc.double({ min: 1, max: 1e6, noNaN: true });
  test.prop([fc.array(fc.tuple(positive, positive), { minLength: 2, maxLength: 30 }), fc.integer({ min: 1, max: 29 })])(
    "the base year's real value is its nominal value; within a price segment real ratios equal constant ratios",
    (pairs, cut) => {
      const rebase = 2000 + Math.min(cut, pairs.length - 1);
      const r = chainConstantPrices({
        constant: series(
          2000,
          pairs.map((p) => p[0]),
        ),
        nominal: series(
          2000,
          pairs.map((p) => p[1]),
        ),
        rebasedYears: [rebase],
      });
      const at = (y: number) => r.years.find((x) => x.year === y) as (typeof r.years)[number];
      expect(at(r.base).real).toBeCloseTo(at(r.base).nominal, 6);
      for (const x of r.years)
        if (x.year > 2000 && x.year !== rebase) {
          const prev = at(x.year - 1);
          expect(Math.abs(x.real / prev.real / (x.constant / prev.constant) - 1)).toBeLessThan(1e-12);
        }
    },
  );
});
