import { describe, expect, it } from "vitest";
import { getJson, openShippedStore, realApp } from "../../test/helpers/real-app.js";
import { chartLabels } from "./labels.js";
import { formatDifference, formatProductivity, type ProductivityResult, productivityChart } from "./productivity.js";

// The real API (createApp over a copy of the shipped-data store), asked what the econometrics page asks.
const shipped = await openShippedStore();
const app = realApp(shipped.store);
const data = {
  "zh-CN": await getJson<ProductivityResult>(app, "/api/productivity/labour", {}, "zh-CN"),
  en: await getJson<ProductivityResult>(app, "/api/productivity/labour", {}, "en"),
};
await shipped.close();

interface Series {
  type: string;
  name: string;
  data: { value: [string, number | "-"]; tip?: string }[];
}
const seriesOf = (o: unknown): Series[] => (o as { series: Series[] }).series;

describe("productivityChart", () => {
  for (const locale of ["zh-CN", "en"] as const) {
    it(`draws computed as a line and published as points, by year (${locale})`, () => {
      const option = productivityChart(data[locale], chartLabels(locale), locale);
      const [computed, official] = seriesOf(option);
      expect(computed?.type).toBe("line");
      expect(official?.type).toBe("scatter");
      const p2023 = official?.data.find((d) => d.value[0] === "2023");
      expect(p2023?.value[1]).toBe(161615);
      const c2023 = computed?.data.find((d) => d.value[0] === "2023")?.value[1];
      expect(c2023).toBeCloseTo(161614.918, 2);
      // years without employment have no computed value: a gap, not a zero
      expect(computed?.data.find((d) => d.value[0] === "2014")?.value[1]).toBe("-");
      expect(p2023?.tip).toContain("161,615");
      expect(p2023?.tip).toContain("labour_productivity");
    });
  }

  it("formats values and signed differences", () => {
    expect(formatProductivity(161614.918, "zh-CN")).toBe("161,615");
    expect(formatDifference(0.027234, "en")).toBe("+2.72%");
    expect(formatDifference(-0.000372, "en")).toBe("−0.04%");
    expect(formatDifference(-5e-7, "en")).toBe("0.00%");
    expect(formatDifference(null, "en")).toBe("—");
  });
});
