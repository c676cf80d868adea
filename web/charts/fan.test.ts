import { describe, expect, it } from "vitest";
import { getJson, openShippedStore, realApp } from "../../test/helpers/real-app.js";
import type { ReproductionRow } from "./api-types.js";
import { type ArimaxResult, fanChart, publishedPathChart } from "./fan.js";
import { chartLabels } from "./labels.js";

// The real API (createApp over a copy of the shipped-data store): the econometrics page's default run.
const QUERY = {
  dataset: "cn-nbs-gdp-annual",
  y: "第三产业增加值(亿元)",
  xreg: "国内生产总值(亿元)",
  order: "1,1,0",
  h: "7",
};
const SCENARIO = JSON.stringify({ name: "GDP +5%", columns: { "国内生产总值(亿元)": { growth: 0.05, sd: 0.01 } } });
const shipped = await openShippedStore();
const app = realApp(shipped.store);
const withScenario = await getJson<ArimaxResult>(app, "/api/forecast/arimax", { ...QUERY, scenario: SCENARIO }, "en");
const { xreg: _xreg, ...arima } = QUERY;
const plain = await getJson<ArimaxResult>(app, "/api/forecast/arimax", arima, "zh-CN");
await shipped.close();

interface Series {
  name: string;
  stack?: string;
  data: (number | "-")[];
}
const seriesOf = (o: unknown): Series[] => (o as { series: Series[] }).series;
const categoriesOf = (o: unknown): string[] => (o as { xAxis: { data: string[] } }).xAxis.data;

describe("fanChart", () => {
  it("draws history, mean, 80/95 % bands and the scenario's simulated bands", () => {
    const option = fanChart(withScenario, chartLabels("en"), "en");
    const s = seriesOf(option);
    const names = s.map((x) => x.name);
    for (const n of [
      "history",
      "forecast mean",
      "80% prediction interval",
      "95% prediction interval",
      "scenario median (simulated)",
      "scenario P10–P90 (simulated)",
      "scenario P2.5–P97.5 (simulated)",
    ])
      expect(names).toContain(n);
    const cats = categoriesOf(option);
    expect(cats.slice(-7)).toEqual(["2024", "2025", "2026", "2027", "2028", "2029", "2030"]);
    expect(cats).toHaveLength(12 + 7);
    // the band: stacked lower bound + width reproduces the wire's limits
    const lower = s.find((x) => x.name === "__f95");
    const width = s.find((x) => x.name === "95% prediction interval");
    const last = cats.length - 1;
    const f7 = withScenario.forecast[6];
    expect((lower?.data[last] as number) + (width?.data[last] as number)).toBeCloseTo(f7?.upper95 as number, 6);
    const p975 = withScenario.scenario?.fan[6]?.p975 as number;
    const sl = s.find((x) => x.name === "__s95");
    const sw = s.find((x) => x.name === "scenario P2.5–P97.5 (simulated)");
    expect((sl?.data[last] as number) + (sw?.data[last] as number)).toBeCloseTo(p975, 6);
    // the fan starts at the last observation with zero width
    expect(width?.data[11]).toBe(0);
  });

  it("has no scenario bands without a scenario", () => {
    const names = seriesOf(fanChart(plain, chartLabels("zh-CN"), "zh-CN")).map((x) => x.name);
    expect(names).toContain("95% 预测区间");
    expect(names.some((n) => n.includes("情景"))).toBe(false);
  });
});

describe("publishedPathChart", () => {
  it("draws only the printed values it is given, labelled not reproducible", () => {
    const rows: ReproductionRow[] = [
      {
        key: "34-a",
        ref: "34",
        year: 2030,
        computed: null,
        published: 82.01,
        gap: null,
        status: "not_comparable",
        reason_zh: "",
        reason_en: "",
      },
      {
        key: "34-b",
        ref: "34",
        year: 2023,
        computed: null,
        published: 84.23,
        gap: null,
        status: "not_comparable",
        reason_zh: "",
        reason_en: "",
      },
    ];
    const option = publishedPathChart(rows, chartLabels("en"), "en");
    const s = (option as { series: { data: { value: [string, number] }[] }[] }).series[0];
    expect(s?.data.map((d) => d.value)).toEqual([
      ["2023", 84.23],
      ["2030", 82.01],
    ]);
    expect(JSON.stringify(option.title)).toContain("not reproducible");
  });
});
