import { describe, expect, it } from "vitest";
import { getJson, openShippedStore, realApp } from "../../test/helpers/real-app.js";
import type { FusionResult } from "./api-types.js";
import { fusionIndexChart, isProjected, publishedLevels } from "./fusion-index.js";
import { chartLabels } from "./labels.js";
import { normalizeOption } from "./normalize.test-helper.js";

// The real API (createApp over a copy of the shipped-data store, fixed clock), asked what the index page
// asks: the proxy with base 2016 (web/src/pages/index-page.ts FUSION_BASE_YEAR).
const shipped = await openShippedStore();
const app = realApp(shipped.store);
const data: Record<"zh-CN" | "en", FusionResult> = {
  "zh-CN": await getJson<FusionResult>(app, "/api/fusion/index", { baseYear: "2016" }, "zh-CN"),
  en: await getJson<FusionResult>(app, "/api/fusion/index", { baseYear: "2016" }, "en"),
};
await shipped.close();

const CJK = /[\u4e00-\u9fff]/;

interface Item {
  value: [string, number];
  tip: string;
  projected?: boolean;
  id?: string;
}
interface Series {
  type: string;
  name: string;
  stack?: string;
  yAxisIndex?: number;
  data: Item[];
  markLine?: { data: { xAxis: string; name: string }[] };
}
const seriesOf = (o: unknown): Series[] => (o as { series: Series[] }).series;

describe("fusionIndexChart", () => {
  for (const locale of ["zh-CN", "en"] as const) {
    it(`matches the golden option (${locale})`, async () => {
      const option = fusionIndexChart(data[locale], chartLabels(locale), locale);
      await expect(normalizeOption(option)).toMatchFileSnapshot(`__snapshots__/fusion-index.${locale}.json.snap`);
    });
  }

  it("stacks the three sub-indices, which add up to the index, and draws the GDP index beside it", () => {
    const option = fusionIndexChart(data["zh-CN"], chartLabels("zh-CN"), "zh-CN");
    const [consumption, investment, netExports, index, gdp] = seriesOf(option);
    expect([consumption, investment, netExports].map((s) => s?.stack)).toEqual([
      "components",
      "components",
      "components",
    ]);
    expect(index?.data).toHaveLength(24);
    for (let i = 0; i < 24; i++) {
      const sum =
        (consumption?.data[i]?.value[1] ?? 0) +
        (investment?.data[i]?.value[1] ?? 0) +
        (netExports?.data[i]?.value[1] ?? 0);
      expect(Math.abs(sum - (index?.data[i]?.value[1] ?? 0))).toBeLessThan(1e-9);
    }
    const base = index?.data.find((d) => d.value[0] === "2016");
    expect(base?.value[1]).toBeCloseTo(100, 12);
    expect(gdp?.data.find((d) => d.value[0] === "2016")?.value[1]).toBeCloseTo(100, 12);
    // the base year and the crossing year (2003 with base 2016, reproduction row 6) are marked
    expect(index?.markLine?.data.map((d) => d.xAxis)).toEqual(["2016", "2003"]);
  });

  it("draws CAICT's printed levels as separate marker series on their own axis, the projection hollow", () => {
    const option = fusionIndexChart(data["zh-CN"], chartLabels("zh-CN"), "zh-CN");
    const published = seriesOf(option).filter((s) => s.yAxisIndex === 1);
    expect(published.map((s) => s.type)).toEqual(["scatter", "scatter"]);
    expect(published.map((s) => s.name)).toEqual(["信通院公布值：实数融合发展指数", "信通院公布值：数字最终消费指数"]);
    expect(published[0]?.data.map((d) => [d.value[0], d.value[1], d.projected])).toEqual([
      ["2012", 45.47, false],
      ["2023", 182.42, false],
      ["2024", 190.1, true],
    ]);
    expect(published[1]?.data.map((d) => d.value)).toEqual([
      ["2012", 22.86],
      ["2023", 128.97],
    ]);
    expect(published[0]?.data[0]?.tip).toContain("水平不可比");
    // the proxy's series never carry a printed value
    const proxyYears = new Set(data["zh-CN"].years.map((y) => String(y.year)));
    expect(published.flatMap((s) => s.data).every((d) => d.id?.startsWith("s000-") === true)).toBe(true);
    expect((option.xAxis as { data: string[] }).data.at(-1)).toBe("2024");
    expect(proxyYears.has("2024")).toBe(false);
  });

  it("keeps non-level printed values (growth, multiple, crossing year) out of the markers", () => {
    const levels = publishedLevels(data["zh-CN"]);
    expect([...levels.keys()]).toEqual([4, 7]);
    expect(
      [...levels.values()]
        .flat()
        .filter(isProjected)
        .map((p) => p.id),
    ).toEqual(["s000-index-level-2024"]);
  });

  it("shows the year's values and its table's provenance on hover; English has no CJK in its words", () => {
    const option = fusionIndexChart(data.en, chartLabels("en"), "en");
    const index = seriesOf(option)[3];
    const tip = index?.data.find((d) => d.value[0] === "2018")?.tip ?? "";
    expect(tip).toContain("Integration index (proxy)");
    expect(tip).toContain("cn-oecd-iot-2018");
    expect(tip).not.toContain("cn-oecd-iot-2017");
    const words = seriesOf(option)
      .map((s) => s.name)
      .join(" ");
    expect(CJK.test(words)).toBe(false);
  });
});
