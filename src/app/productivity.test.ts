/**
 * Labour productivity from the shipped store (spec §4.1, §16 row 11). Known answer: NBS's 2023
 * communiqué prints 161 615 元/人, = 2023 GDP at 2020 prices 1 191 037.3 亿元 over the average of
 * year-end employment 2022 (73 351 万人) and 2023 (74 041 万人) = 161 614.9 (spec §4.1, verified there
 * by hand); year-end only gives 160 862. The 2020 communiqué value (117 746) was computed before the
 * 7th-census revision of employment and in 2015 prices: the gap is reported, not hidden.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openShippedStore } from "../../test/helpers/real-app.js";
import { gdpDeflator, labourProductivitySeries } from "./productivity.js";
import type { DataStore } from "./store.js";

let store: DataStore;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ store, close } = await openShippedStore());
});
afterAll(async () => close());

describe("labourProductivitySeries on the shipped NBS series", () => {
  it("2023: 161 614.9 → 161 615 元/人, the communiqué's figure, with the 2020 price base", async () => {
    const r = await labourProductivitySeries({ source: store.source });
    const y2023 = r.years.find((y) => y.year === 2023);
    expect(Math.round(y2023?.computed as number)).toBe(161615);
    expect(y2023?.official).toBe(161615);
    expect(y2023?.employment).toBe((73351 + 74041) / 2);
    expect(y2023?.priceBase).toBe(2020);
    expect(r.provenance.datasets.map((d) => d.id)).toEqual(["cn-nbs-gdp-annual", "cn-nbs-headline-vintages"]);
  });

  it("year-end employment gives 160 862 (spec §4.1)", async () => {
    const r = await labourProductivitySeries({ source: store.source, denominator: "year_end" });
    expect(Math.round(r.years.find((y) => y.year === 2023)?.computed as number)).toBe(160862);
  });

  it("2020 differs from the printed 117 746 (2015 prices, pre-census employment) and says so", async () => {
    const r = await labourProductivitySeries({ source: store.source });
    const y2020 = r.years.find((y) => y.year === 2020);
    expect(y2020?.priceBase).toBe(2015);
    expect(y2020?.relativeDifference as number).toBeGreaterThan(0.005);
    expect(r.diagnostics).toContainEqual(
      expect.objectContaining({ code: "official_value_differs", params: expect.objectContaining({ year: 2020 }) }),
    );
  });
});

describe("gdpDeflator on the shipped NBS series", () => {
  it("2020 prices: 2020 real = nominal, 2021–2023 real = the published 2020-price values, deflator 2020 = 100", async () => {
    const r = await gdpDeflator({ source: store.source });
    expect(r.base).toBe(2020);
    const at = (y: number) => r.years.find((x) => x.year === y);
    expect(at(2020)?.real).toBe(1013567);
    expect(at(2020)?.deflator).toBe(100);
    for (const y of [2021, 2022, 2023]) expect(at(y)?.real).toBeCloseTo(at(y)?.constant as number, 6);
    expect(r.provenance.parameters.rebasedYears).toEqual([1981, 1991, 2001, 2006, 2011, 2016, 2021]);
  });

  it("the chained real growth of 2023 rounds to the communiqué's first-release 5.2 % (an NBS print, not our formula)", async () => {
    const r = await gdpDeflator({ source: store.source });
    const y2023 = r.years.find((x) => x.year === 2023);
    expect(y2023?.publishedGrowth).toBe(5.2);
    expect(Math.round(((y2023?.growth as number) - 1) * 1000) / 10).toBe(5.2);
  });

  it("in a rebasing year the growth is constant over the previous year's nominal value (2016: 736 036.5 / 688 858.2)", async () => {
    const r = await gdpDeflator({ source: store.source, from: 2010 });
    expect(r.years.find((x) => x.year === 2016)?.growth).toBeCloseTo(736036.5 / 688858.2, 12);
    expect(r.years[0]?.year).toBe(2010);
  });
});
