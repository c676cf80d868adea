import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importShippedDatasets } from "../store/build.js";
import { openStore, type Store } from "../store/duckdb.js";

describe("shipped NBS GDP series", () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore(":memory:");
  });
  afterAll(async () => {
    await store.close();
  });

  it("imports the annual, quarterly and provincial series without issues", async () => {
    const r = await importShippedDatasets(store, {
      ids: ["cn-nbs-gdp-annual", "cn-nbs-gdp-quarterly", "cn-nbs-gdp-province"],
    });
    expect(r.failed).toEqual([]);
    expect(r.imported).toEqual(["cn-nbs-gdp-annual", "cn-nbs-gdp-quarterly", "cn-nbs-gdp-province"]);
  });

  it("reads 2023 GDP 1,260,582.1 亿元 and sums of the three industries equal GDP", async () => {
    const s = await store.loadSeries("cn-nbs-gdp-annual");
    expect(s.frequency).toBe("annual");
    const v = (ind: string, p: string) => s.observations.find((o) => o.indicator === ind && o.period === p)?.value;
    expect(v("国内生产总值(亿元)", "2023")).toBe(1260582.1);
    const parts = ["第一产业增加值(亿元)", "第二产业增加值(亿元)", "第三产业增加值(亿元)"].map(
      (i) => v(i, "2023") ?? 0,
    );
    expect(Math.abs(parts.reduce((a, b) => a + b, 0) - 1260582.1)).toBeLessThan(0.5);
    expect(s.indicators.find((i) => i.code === "人均国内生产总值(元)")?.unit).toBe("yuan_per_person");
  });

  it("reads quarter-end dates as quarters 1992Q1–2024Q3", async () => {
    const s = await store.loadSeries("cn-nbs-gdp-quarterly");
    expect(s.frequency).toBe("quarterly");
    expect(s.observations[0]?.period).toBe("1992Q1");
    expect(s.observations.at(-1)?.period).toBe("2024Q3");
    expect(s.observations).toHaveLength(131);
  });

  it("resolves the 31 provinces' full names to GB/T 2260 codes (Beijing 2022 = 41,610.9)", async () => {
    const s = await store.loadSeries("cn-nbs-gdp-province", { entities: ["110000"] });
    expect(s.entities).toHaveLength(31);
    expect(s.observations.find((o) => o.period === "2022")?.value).toBe(41610.9);
    expect(s.meta.dimensions).toMatchObject({ entities: 31, periods: 31 });
  });
});
