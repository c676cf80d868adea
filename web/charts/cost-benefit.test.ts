import { describe, expect, it } from "vitest";
import { getJson, openShippedStore, realApp } from "../../test/helpers/real-app.js";
import {
  type CostBenefitResult,
  costBenefitRatiosChart,
  costBenefitScatterChart,
  printedRatios,
} from "./cost-benefit.js";
import { chartLabels } from "./labels.js";

// The real API over a copy of the shipped-data store: `GET /api/costbenefit/ratios` with its defaults —
// the IO-table proxy on the NBS tables 2012, 2015, 2017, 2018, 2020 (42 sectors each, 210 sector-years),
// seed 001's printed three tiers, the log–log regression with year effects; seed 001's printed 2023
// listed-company tier means beside.
const shipped = await openShippedStore();
const app = realApp(shipped.store);
const cb = {
  "zh-CN": await getJson<CostBenefitResult>(app, "/api/costbenefit/ratios", {}, "zh-CN"),
  en: await getJson<CostBenefitResult>(app, "/api/costbenefit/ratios", {}, "en"),
};
await shipped.close();

interface Series {
  type: string;
  name: string;
  xAxisIndex?: number;
  data: { value: (number | null)[] | number | null; tip?: string }[];
}
const seriesOf = (o: unknown): Series[] => (o as { series: Series[] }).series;
const subtext = (o: unknown) => (o as { title: { subtext: string }; series: unknown }).title.subtext;

describe("printedRatios", () => {
  it("reads the eight printed tier means from their ids and leaves the slopes out", () => {
    const p = printedRatios(cb.en);
    expect(p).toHaveLength(8);
    expect(p.find((x) => x.id === "s001-profit-ratio-low-excl-primary-2023")).toMatchObject({
      ratio: "profit",
      tier: "low",
      excluding: true,
      year: 2023,
    });
    expect(p.some((x) => x.id.includes("regression"))).toBe(false);
  });
});

describe("costBenefitRatiosChart", () => {
  for (const locale of ["zh-CN", "en"] as const)
    it(`${locale}: 2020 tier means, all and without primary products, printed 2023 diamonds, proxy note`, () => {
      const r = cb[locale];
      const option = costBenefitRatiosChart(r, chartLabels(locale), locale);
      const bars = seriesOf(option).filter((s) => s.type === "bar");
      expect(bars).toHaveLength(4); // two panels × (all, excluding)
      expect((option.xAxis as { data: string[] }[])[0]?.data).toEqual(
        locale === "en" ? ["high", "medium", "low"] : ["高度", "中度", "低度"],
      );
      // high tier cost ratio 2020, all sectors: 86.30 % (mean of the proxy's sector ratios)
      const high = r.tier_means.find((m) => m.tier === "high" && m.year === 2020);
      expect(Math.abs((bars[0]?.data[0]?.value as number) - (high?.cost_ratio ?? 0) * 100)).toBeLessThan(1e-9);
      expect(bars[0]?.data[0]?.tip).toContain("cn-nbs-io-2020-42");
      const diamonds = seriesOf(option).filter((s) => s.type === "custom");
      expect(diamonds.flatMap((s) => s.data)).toHaveLength(8);
      const costPrinted = diamonds.find((s) => s.xAxisIndex === 0);
      expect(costPrinted?.data.map((d) => d.value)).toEqual([
        [0, 71.97],
        [1, 77.57],
        [2, 81.64],
      ]);
      expect(subtext(option)).toContain(locale === "en" ? "not listed-company data" : "并非上市公司数据");
      expect(subtext(option)).toContain(locale === "en" ? "not comparable" : "不可直接比较");
    });

  it("says 'for reference' instead of 'not comparable' for an uploaded panel", () => {
    const r: CostBenefitResult = { ...cb.en, input: "panel" };
    const s = subtext(costBenefitRatiosChart(r, chartLabels("en"), "en"));
    expect(s).toContain("uploaded enterprise financial panel");
    expect(s).not.toContain("not comparable");
  });
});

describe("costBenefitScatterChart", () => {
  for (const locale of ["zh-CN", "en"] as const)
    it(`${locale}: 210 sector-years on a log axis by tier, the log–log slope in the subtitle`, () => {
      const r = cb[locale];
      const option = costBenefitScatterChart(r, chartLabels(locale), locale);
      expect((option.xAxis as { type: string }).type).toBe("log");
      const points = seriesOf(option).flatMap((s) => s.data);
      expect(points).toHaveLength(210);
      expect(seriesOf(option).map((s) => s.data.length)).toEqual([30, 100, 80]);
      expect(points.every((p) => Array.isArray(p.value) && (p.value[0] as number) > 0)).toBe(true);
      expect(subtext(option)).toContain(locale === "en" ? "log–log slope 0.0124" : "双对数回归斜率 0.0124");
      expect(subtext(option)).toContain("n = 210");
      expect(points[0]?.tip).toContain("cost_benefit");
    });

  it("says so when there is no regression", () => {
    const option = costBenefitScatterChart({ ...cb.en, regression_cost_ratio: null }, chartLabels("en"), "en");
    expect(subtext(option)).toContain("too few observations");
  });
});
