import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { getJson, openShippedStore, realApp } from "../../test/helpers/real-app.js";
import type { CycleResult } from "./api-types.js";
import { episodeText, growthAxis, growthCycleChart, phaseText, SEED_CYCLE_PHASES } from "./growth-cycle.js";
import { chartLabels } from "./labels.js";
import { normalizeOption } from "./normalize.test-helper.js";

// The real API (createApp over a copy of the shipped-data store, fixed clock), asked what the index page
// asks: nominal GDP of cn-nbs-gdp-annual from 2012 (web/src/pages/index-page.ts CYCLE_QUERY).
const CYCLE_QUERY = { dataset: "cn-nbs-gdp-annual", column: "国内生产总值(亿元)", from: "2012" };
const shipped = await openShippedStore();
const app = realApp(shipped.store);
const data: Record<"zh-CN" | "en", CycleResult> = {
  "zh-CN": await getJson<CycleResult>(app, "/api/index/cycle", CYCLE_QUERY, "zh-CN"),
  en: await getJson<CycleResult>(app, "/api/index/cycle", CYCLE_QUERY, "en"),
};
await shipped.close();

const CJK = /[\u4e00-\u9fff]/;

interface Item {
  value: [string, number];
  weak: number | null;
  itemStyle: { color: string };
  tip: string;
}
interface Series {
  type: string;
  name: string;
  data: Item[];
  markArea?: { data: [{ name: string; xAxis: string }, { xAxis: string }][] };
}
const seriesOf = (o: unknown): Series[] => (o as { series: Series[] }).series;
const tooltipOf = (o: unknown) => (o as { tooltip: { formatter: (p: unknown) => string } }).tooltip.formatter;

describe("growthCycleChart", () => {
  for (const locale of ["zh-CN", "en"] as const) {
    it(`matches the golden option (${locale})`, async () => {
      const option = growthCycleChart(data[locale], chartLabels(locale), locale);
      await expect(normalizeOption(option)).toMatchFileSnapshot(`__snapshots__/growth-cycle.${locale}.json.snap`);
    });
  }

  it("draws growth 2013–2023 with the weak years of nominal GDP in red and their episodes shaded", () => {
    const option = growthCycleChart(data["zh-CN"], chartLabels("zh-CN"), "zh-CN");
    const [bars, , phases] = seriesOf(option);
    expect(bars?.data.map((d) => d.value[0])).toEqual([
      "2013",
      "2014",
      "2015",
      "2016",
      "2017",
      "2018",
      "2019",
      "2020",
      "2021",
      "2022",
      "2023",
    ]);
    // growth fell two years running: 2015 (10.1 → 8.5 → 7.0), 2019–2020, 2023 (13.4 → 4.8 → 4.6)
    expect(bars?.data.filter((d) => d.weak === 1).map((d) => d.value[0])).toEqual(["2015", "2019", "2020", "2023"]);
    expect(bars?.data.find((d) => d.value[0] === "2020")?.itemStyle.color).toBe("#c0392b");
    expect(bars?.markArea?.data.map(([a, b]) => `${a.name}:${a.xAxis}-${b.xAxis}`)).toEqual([
      "2015:2015-2015",
      "2019—2020:2019-2020",
      "2023—:2023-2023",
    ]);
    // the seed's 2012–15 phase is clipped to the first year with a growth rate
    expect(phases?.markArea?.data.map(([a, b]) => `${a.name}:${a.xAxis}-${b.xAxis}`)).toEqual([
      "2012—2015:2013-2015",
      "2016—2018:2016-2018",
      "2019—2020:2019-2020",
      "2021—2022:2021-2022",
      "2023—:2023-2023",
    ]);
  });

  it("shows growth, level, flag and provenance on hover", () => {
    const option = growthCycleChart(data.en, chartLabels("en"), "en");
    const point = seriesOf(option)[0]?.data.find((d) => d.value[0] === "2019");
    const tip = tooltipOf(option)({ data: point });
    expect(tip).toContain("2019 · Year-on-year growth</b>: 7.31%");
    expect(tip).toContain("Technically weak: yes");
    expect(tip).toContain("Dataset: cn-nbs-gdp-annual");
    expect(tip).toContain("Table year: 1952–2023");
    expect(tip).toContain("Method: growth cycle and technical weakness (index_cycle)");
    expect(tip).toContain("Computed at: 2026-11-22T06:00:00.000Z");
  });

  it("has no CJK text in the English title, legend and phase labels", () => {
    const o = growthCycleChart(data.en, chartLabels("en"), "en") as unknown as {
      title: { text: string };
      legend: { data: string[] };
    };
    expect(CJK.test(o.title.text)).toBe(false);
    expect(o.legend.data.some((d) => CJK.test(d))).toBe(false);
    const phases = seriesOf(o)[2]?.markArea?.data.map(([a]) => a.name) ?? [];
    expect(phases).toEqual(["2012–15", "2016–18", "2019–20", "2021–22", "2023–"]);
  });

  it("repeats the seed's printed phases of data/published (row 9) exactly", () => {
    const file = JSON.parse(
      readFileSync(new URL("../../data/published/published-values.json", import.meta.url), "utf8"),
    );
    const printed = (file.values as { id: string; period?: [number, number | null] }[])
      .filter((v) => v.id.startsWith("s000-cycle-phase-"))
      .map((v) => ({ id: v.id, from: v.period?.[0], to: v.period?.[1] }));
    expect(SEED_CYCLE_PHASES.map((p) => ({ id: p.id, from: p.from, to: p.to }))).toEqual(printed);
  });

  it("puts the growth axis on whole steps with room above the highest bar", () => {
    expect(growthAxis([10.1, 8.5, 7, 13.4, 2.7])).toEqual({ min: 0, max: 16, interval: 4 });
    expect(growthAxis([2.3, -1.2, 0.5])).toEqual({ min: -2, max: 3, interval: 1 });
    expect(growthAxis([])).toEqual({ min: 0, max: 1, interval: 1 });
  });

  it("writes phases and episodes in the locale's style", () => {
    expect(phaseText({ from: 2019, to: 2020, id: "x" }, "zh-CN")).toBe("2019—2020");
    expect(phaseText({ from: 2023, to: null, id: "x" }, "en")).toBe("2023–");
    expect(episodeText({ start: 2015, end: 2015, exitYear: 2016 }, "en", 2023)).toBe("2015");
    expect(episodeText({ start: 2019, end: 2020, exitYear: 2021 }, "en", 2023)).toBe("2019–2020");
    expect(episodeText({ start: 2023, end: 2023, exitYear: null }, "zh-CN", 2023)).toBe("2023—");
  });
});
