import { describe, expect, it } from "vitest";
import { getJson, openShippedStore, realApp } from "../../test/helpers/real-app.js";
import { chartLabels } from "./labels.js";
import {
  contributionSumNote,
  type TierStructureResult,
  tierContributionsChart,
  tierSharesChart,
} from "./tier-structure.js";

// The real API over a copy of the shipped-data store: `GET /api/tiers/structure` (defaults: seed 000's
// printed five tiers as fixed membership, the NBS tables 2012, 2015, 2017, 2018, 2020 with the years
// between interpolated). The printed 2024 contributions sum to 101.23 (the API's contribution_sum_2024).
const shipped = await openShippedStore();
const app = realApp(shipped.store);
const structure = {
  "zh-CN": await getJson<TierStructureResult>(app, "/api/tiers/structure", {}, "zh-CN"),
  en: await getJson<TierStructureResult>(app, "/api/tiers/structure", {}, "en"),
};
await shipped.close();

interface Series {
  type: string;
  name: string;
  stack?: string;
  xAxisIndex?: number;
  data: { value: unknown; tip?: string; itemStyle?: { opacity?: number; decal?: unknown } }[];
}
const seriesOf = (o: unknown): Series[] => (o as { series: Series[] }).series;
const subtext = (o: unknown) => (o as { title: { subtext: string } }).title.subtext;

describe("tierSharesChart", () => {
  for (const locale of ["zh-CN", "en"] as const)
    it(`${locale}: five stacked tiers over 2012–2020 summing to 100 %, interpolated years hatched`, () => {
      const r = structure[locale];
      const option = tierSharesChart(r, chartLabels(locale), locale);
      const bars = seriesOf(option).filter((s) => s.type === "bar");
      expect(bars.map((s) => s.name)).toEqual(
        locale === "en"
          ? ["high", "mid-high", "medium", "mid-low", "low"]
          : ["高度", "中高度", "中度", "中低度", "低度"],
      );
      expect(new Set(bars.map((s) => s.stack))).toEqual(new Set(["shares"]));
      expect((option.xAxis as { data: string[] }[])[0]?.data).toEqual([
        "2012",
        "2013",
        "2014",
        "2015",
        "2016",
        "2017",
        "2018",
        "2019",
        "2020",
      ]);
      for (let y = 0; y < 9; y++) {
        const total = bars.reduce((s, b) => s + (b.data[y]?.value as number), 0);
        expect(Math.abs(total - 100)).toBeLessThan(1e-9);
      }
      // 2013, 2014, 2016, 2019 interpolated: lighter and hatched; the table years plain
      const hatched = bars[0]?.data.map((d) => d.itemStyle?.decal !== undefined);
      expect(hatched).toEqual([false, true, true, false, true, false, false, true, false]);
      // computed share of the high tier in 2012: 16.49 % (the 2012 table)
      expect(Math.abs((bars[0]?.data[0]?.value as number) - 16.4928)).toBeLessThan(1e-3);
      expect(bars[0]?.data[0]?.tip).toContain("cn-nbs-io-2012-139");
      expect(bars[0]?.data[1]?.tip).toContain(locale === "en" ? "interpolated" : "插值");
      // an interpolated year's provenance names the two tables it lies between
      expect(bars[0]?.data[1]?.tip).toContain("cn-nbs-io-2015-42");
      expect(bars[0]?.data[1]?.tip).not.toContain("china_2020_42.csv");
    });

  it("puts the printed 2012 and 2024 shares in a panel of their own (mid-high is not printed)", () => {
    const option = tierSharesChart(structure.en, chartLabels("en"), "en");
    const printed = seriesOf(option).filter((s) => s.type === "scatter");
    expect(printed.every((s) => s.xAxisIndex === 1)).toBe(true);
    expect(printed.map((s) => s.name)).toEqual(["high", "medium", "mid-low", "low"]);
    expect(printed[0]?.data.map((d) => d.value)).toEqual([
      ["2012", 16.75],
      ["2024", 24.12],
    ]);
    expect(printed[0]?.data[0]?.tip).toContain("s000-tiers-high-va-share-2012");
    expect(printed[0]?.data[0]?.tip).toContain("computed (2012): 16.49%");
    expect((option.xAxis as { data: string[] }[])[1]?.data).toEqual(["2012", "2024"]);
  });
});

describe("tierContributionsChart", () => {
  for (const locale of ["zh-CN", "en"] as const)
    it(`${locale}: bars per tier by year, printed diamonds, and the 101.23 sum note in the subtitle`, () => {
      const r = structure[locale];
      const option = tierContributionsChart(r, chartLabels(locale), locale);
      expect((option.xAxis as { data: string[] }).data).toEqual([
        "2012",
        "2013",
        "2014",
        "2015",
        "2016",
        "2017",
        "2018",
        "2019",
        "2020",
        "2024",
      ]);
      const bars = seriesOf(option).filter((s) => s.type === "bar");
      expect(bars).toHaveLength(5);
      // 2018 is the only year between two tables: solid; the printed-only years have no bar
      expect(bars[0]?.data.map((d) => d.value === null)).toEqual([
        true,
        false,
        false,
        false,
        false,
        false,
        false,
        false,
        false,
        true,
      ]);
      expect(bars[0]?.data.map((d) => d.itemStyle === undefined)).toEqual([
        true,
        false,
        false,
        false,
        false,
        false,
        true,
        false,
        false,
        true,
      ]);
      const diamonds = seriesOf(option).filter((s) => s.type === "custom");
      expect(diamonds.flatMap((s) => s.data)).toHaveLength(r.published.contributions.length);
      const medium = diamonds.find((s) => s.name === (locale === "en" ? "medium" : "中度"));
      // the printed medium 2020 contribution over the medium slot (index 2) of the 2020 group (category 8)
      expect(medium?.data.map((d) => d.value)).toContainEqual([8, 20.33, 2]);
      expect(subtext(option)).toContain("101.23");
      expect(subtext(option)).toContain(locale === "en" ? "not 100" : "而非 100");
    });

  it("leaves the note out when the printed sum is consistent", () => {
    const c = structure.en.published.contribution_sum_2024;
    if (c === null) throw new Error("expected contribution_sum_2024");
    const r = {
      ...structure.en,
      published: { ...structure.en.published, contribution_sum_2024: { ...c, consistent: true } },
    };
    expect(contributionSumNote(r, "en")).toBeNull();
    expect(subtext(tierContributionsChart(r, chartLabels("en"), "en"))).not.toContain("101.23");
  });
});
