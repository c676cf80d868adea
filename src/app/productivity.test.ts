/**
 * Labour productivity from the shipped store (spec §4.1, §16 row 11). Known answer: NBS's 2023
 * communiqué prints 161 615 元/人, = 2023 GDP at 2020 prices 1 191 037.3 亿元 over the average of
 * year-end employment 2022 (73 351 万人) and 2023 (74 041 万人) = 161 614.9 (spec §4.1, verified there
 * by hand); year-end only gives 160 862. The 2020 communiqué value (117 746) was computed before the
 * 7th-census revision of employment and in 2015 prices: the gap is reported, not hidden.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openShippedStore } from "../../test/helpers/real-app.js";
import { labourProductivitySeries } from "./productivity.js";
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
