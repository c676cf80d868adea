import { describe, expect, it } from "vitest";
import { getJson, openShippedStore, realApp } from "../../test/helpers/real-app.js";
import { chartLabels } from "./labels.js";
import {
  DEFAULT_PRODUCTIVITY_INDEX_RUN,
  type ProductivityIndexResult,
  productivityIndexChart,
  productivityIndexLines,
} from "./productivity-index.js";

// The real API (createApp over a copy of the shipped-data store), asked what the econometrics page asks.
const shipped = await openShippedStore();
const app = realApp(shipped.store);
const query = { ...DEFAULT_PRODUCTIVITY_INDEX_RUN };
const data = {
  "zh-CN": await getJson<ProductivityIndexResult>(app, "/api/productivity/index", query, "zh-CN"),
  en: await getJson<ProductivityIndexResult>(app, "/api/productivity/index", query, "en"),
};
const printed = await getJson<ProductivityIndexResult>(app, "/api/productivity/index", { index: "published" }, "en");
await shipped.close();

interface Series {
  type: string;
  name: string;
  data: { value: [number, number]; tip?: string; year?: number }[];
}
const seriesOf = (o: unknown): Series[] => (o as { series: Series[] }).series;

describe("productivityIndexChart", () => {
  for (const locale of ["zh-CN", "en"] as const)
    it(`${locale}: a point per common year, the OLS line across the index range, the tooltip's provenance`, () => {
      const r = data[locale];
      const option = productivityIndexChart(r, chartLabels(locale), locale);
      const [points, line] = seriesOf(option);
      expect(points?.type).toBe("scatter");
      expect(points?.data).toHaveLength(r.points.length);
      expect(points?.data[0]?.tip).toContain("productivity_on_index");
      expect(line?.type).toBe("line");
      const xs = r.points.map((p) => p.index);
      expect(line?.data.map((d) => d.value[0])).toEqual([Math.min(...xs), Math.max(...xs)]);
      // the line is the API's fitted line: a + b·x at both ends
      const [a, b] = (r.regression?.coefficients ?? []).map((c) => c.estimate) as [number, number];
      expect(line?.data[1]?.value[1]).toBeCloseTo(a + b * Math.max(...xs), 6);
    });

  it("the summary: slope beside the published one, both Granger hypotheses in words", () => {
    const lines = productivityIndexLines(data.en, "en");
    expect(lines[0]).toMatch(/^slope: /);
    expect(lines.some((l) => l.startsWith("published slope: 731.8"))).toBe(true);
    expect(lines.filter((l) => l.includes("does not Granger-cause"))).toHaveLength(2);
    expect(data.en.granger?.transform).toBe("logdiff");
  });

  it("on the printed values: no line, and each estimator's reason instead", () => {
    const option = productivityIndexChart(printed, chartLabels("en"), "en");
    expect(seriesOf(option)).toHaveLength(1);
    const lines = productivityIndexLines(printed, "en");
    expect(lines.some((l) => l.includes("not run") && l.includes("too few observations"))).toBe(true);
    expect(lines.some((l) => l.startsWith("endpoint slope 2012–2024: 637.1"))).toBe(true);
  });
});
