/**
 * Cycle analysis against spec §3.4 (technical-weakness flags from NBS real and nominal GDP growth;
 * HP trends from statsmodels `hpfilter`, printed to 6 d.p.).
 */
import { describe, expect, it } from "vitest";
import { expectAllClose } from "../../../test/helpers/close.js";
import { growthRates, hpFilter, technicalWeakness } from "./cycle.js";

const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
const weakYears = (r: ReturnType<typeof technicalWeakness>) => r.years.filter((_, t) => r.weak[t] === 1);

describe("technicalWeakness (spec §3.4)", () => {
  it("real GDP growth 2012–2024 (NBS first release): W = 1 in 2014–2016, 2019–2020; exits 2017, 2021", () => {
    const g = [7.9, 7.8, 7.4, 7.0, 6.8, 6.9, 6.7, 6.0, 2.2, 8.4, 3.0, 5.2, 5.0];
    const r = technicalWeakness(g, range(2012, 2024));
    expect(weakYears(r)).toEqual([2014, 2015, 2016, 2019, 2020]);
    expect(r.weak.slice(0, 2)).toEqual([null, null]);
    expect(r.episodes).toEqual([
      { start: 2014, end: 2016, exitYear: 2017 },
      { start: 2019, end: 2020, exitYear: 2021 },
    ]);
  });

  it("revised 2021–2023 values (8.6, 3.1, 5.4) give the same flags", () => {
    const g = [7.9, 7.8, 7.4, 7.0, 6.8, 6.9, 6.7, 6.0, 2.2, 8.6, 3.1, 5.4, 5.0];
    expect(weakYears(technicalWeakness(g, range(2012, 2024)))).toEqual([2014, 2015, 2016, 2019, 2020]);
  });

  it("nominal GDP growth 2013–2024: W = 1 in 2015, 2019, 2020, 2023, 2024 (last episode not exited)", () => {
    const g = [10.1, 8.53, 7.04, 8.35, 11.47, 10.49, 7.31, 2.74, 13.39, 4.83, 4.64, 4.23];
    const r = technicalWeakness(g, range(2013, 2024));
    expect(weakYears(r)).toEqual([2015, 2019, 2020, 2023, 2024]);
    expect(r.episodes).toEqual([
      { start: 2015, end: 2015, exitYear: 2016 },
      { start: 2019, end: 2020, exitYear: 2021 },
      { start: 2023, end: 2024, exitYear: null },
    ]);
  });

  it("equality is not a decline; a missing growth makes W null", () => {
    expect(technicalWeakness([3, 2, 2], [2000, 2001, 2002]).weak).toEqual([null, null, 0]);
    expect(technicalWeakness([3, null, 1, 0.5], [2000, 2001, 2002, 2003]).weak).toEqual([null, null, null, null]);
  });

  it("years with a gap are a coded error", () => {
    expect(() => technicalWeakness([1, 2, 3], [2000, 2001, 2003])).toThrow(
      expect.objectContaining({
        code: "invalid_argument",
        params: expect.objectContaining({ reason: "years_not_consecutive" }),
      }),
    );
  });
});

describe("growthRates", () => {
  it("100·(x_t/x_{t−1} − 1), null where undefined", () => {
    const g = growthRates([100, 110, null, 121]);
    expect(g[0]).toBeNull();
    expect(g[1]).toBeCloseTo(10, 12);
    expect(g.slice(2)).toEqual([null, null]);
  });
});

describe("hpFilter (spec §3.4, statsmodels hpfilter)", () => {
  const y = [100, 104, 109, 111, 118, 125, 129, 136, 140, 149, 155, 160];

  it("λ = 100 trend as printed to 1e-6", () => {
    expectAllClose(
      hpFilter(y, 100).trend,
      [
        97.864088, 103.135169, 108.42761, 113.771417, 119.202322, 124.728342, 130.345471, 136.05242, 141.834444,
        147.676275, 153.5443, 159.418143,
      ],
      { atol: 1e-6 },
    );
  });

  it("λ = 6.25 trend as printed to 1e-6", () => {
    expectAllClose(
      hpFilter(y, 6.25).trend,
      [
        99.39873, 103.826494, 108.35046, 113.094595, 118.286787, 123.819793, 129.540481, 135.484556, 141.601243,
        147.922237, 154.223039, 160.451586,
      ],
      { atol: 1e-6 },
    );
  });

  it("trend + cycle = y; λ = 0 returns y; a straight line is its own trend", () => {
    const r = hpFilter(y, 100);
    expectAllClose(
      Array.from(r.trend, (t, i) => t + (r.cycle[i] as number)),
      y,
      { atol: 1e-12 },
    );
    expectAllClose(hpFilter(y, 0).trend, y, { atol: 1e-12 });
    const line = y.map((_, i) => 3 + 2 * i);
    expectAllClose(hpFilter(line, 1600).trend, line, { atol: 1e-9 });
  });

  it("T < 3 → too_few_observations", () => {
    expect(() => hpFilter([1, 2])).toThrow(expect.objectContaining({ code: "too_few_observations" }));
  });
});
