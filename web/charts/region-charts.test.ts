import { describe, expect, it } from "vitest";
import { getJson, openShippedStore, realApp } from "../../test/helpers/real-app.js";
import type { RegionRankResult } from "./api-types.js";
import { chartLabels } from "./labels.js";
import { normalizeOption } from "./normalize.test-helper.js";
import { CHINA_TILE_LAYOUT, provinceTileMap, provinceTileSvg, scoreColor } from "./province-tiles.js";
import { intervalText, rankIntervalChart, rankText, sobolChart } from "./rank-uncertainty.js";

// The real API (createApp over a copy of the shipped-data store, fixed clock): the 31 provinces in 2017
// with 200 Monte-Carlo base samples (the page asks for 1000; fewer keep the test quick).
const QUERY = { year: "2017", runs: "200", seed: "1" };
const shipped = await openShippedStore();
const app = realApp(shipped.store);
const data: Record<"zh-CN" | "en", RegionRankResult> = {
  "zh-CN": await getJson<RegionRankResult>(app, "/api/region/rank", QUERY, "zh-CN"),
  en: await getJson<RegionRankResult>(app, "/api/region/rank", QUERY, "en"),
};
const noRuns = await getJson<RegionRankResult>(app, "/api/region/rank", { year: "2017", runs: "0" }, "en");
await shipped.close();

const CJK = /[\u4e00-\u9fff]/;

describe("province tile map", () => {
  it("places the 31 provincial-level regions of GB/T 2260 on distinct cells of an 8 × 8 grid", () => {
    expect(CHINA_TILE_LAYOUT).toHaveLength(31);
    expect(new Set(CHINA_TILE_LAYOUT.map((c) => c.code)).size).toBe(31);
    expect(new Set(CHINA_TILE_LAYOUT.map((c) => `${c.row},${c.col}`)).size).toBe(31);
    expect(new Set(data["zh-CN"].regions.map((r) => r.code))).toEqual(new Set(CHINA_TILE_LAYOUT.map((c) => c.code)));
  });

  for (const locale of ["zh-CN", "en"] as const) {
    it(`matches the golden tiles (${locale})`, async () => {
      const map = provinceTileMap(data[locale], chartLabels(locale), locale, "tier");
      await expect(normalizeOption(map)).toMatchFileSnapshot(`__snapshots__/province-tiles.${locale}.json.snap`);
    });
  }

  it("labels every tile with its name, score, rank and tier, and colours by tier or score", () => {
    const map = provinceTileMap(data["zh-CN"], chartLabels("zh-CN"), "zh-CN", "tier");
    const gd = map.tiles.find((t) => t.code === "440000");
    expect(gd?.title).toBe("广东省：综合得分 82.9，基准排名 1/31，第1梯队");
    expect(gd?.fill).toBe("#0b3d78");
    expect(gd?.textColor).toBe("#ffffff");
    expect(map.legend.map((l) => l.text)).toEqual(["第1梯队（1）", "第2梯队（4）", "第3梯队（10）", "第4梯队（16）"]);
    const byScore = provinceTileMap(data["zh-CN"], chartLabels("zh-CN"), "zh-CN", "score");
    expect(byScore.tiles.find((t) => t.code === "440000")?.fill).toBe("#0b3d78");
    expect(scoreColor(0, 0, 1)).toBe("#ecf2f9");
    const en = provinceTileMap(data.en, chartLabels("en"), "en");
    expect(en.tiles.find((t) => t.code === "150000")?.title).toMatch(/^Inner Mongolia: Composite score \d/);
    expect(CJK.test(en.tiles.map((t) => t.title).join(" "))).toBe(false);
  });

  it("shows a province missing from the result as a grey 'no data' tile", () => {
    const partial = { ...data.en, regions: data.en.regions.filter((r) => r.code !== "540000") };
    const tibet = provinceTileMap(partial, chartLabels("en"), "en").tiles.find((t) => t.code === "540000");
    expect(tibet?.title).toBe("Tibet: no data");
    expect(tibet?.rank).toBeNull();
  });

  it("renders an SVG with an accessible group per tile and escaped text", () => {
    const svg = provinceTileSvg(provinceTileMap(data["zh-CN"], chartLabels("zh-CN"), "zh-CN"));
    expect(svg.match(/<g role="img" aria-label="/g)).toHaveLength(31);
    expect(svg.match(/<title>/g)).toHaveLength(31);
    expect(svg).toContain('aria-label="31个省份综合得分（2017年）"');
  });
});

describe("rank-interval and Sobol charts", () => {
  for (const locale of ["zh-CN", "en"] as const) {
    it(`match the golden options (${locale})`, async () => {
      const labels = chartLabels(locale);
      await expect(normalizeOption(rankIntervalChart(data[locale], labels, locale))).toMatchFileSnapshot(
        `__snapshots__/rank-intervals.${locale}.json.snap`,
      );
      await expect(normalizeOption(sobolChart(data[locale], labels, locale))).toMatchFileSnapshot(
        `__snapshots__/sobol.${locale}.json.snap`,
      );
    });
  }

  it("draws one whisker from p05 to p95 per province, sorted by rank", () => {
    const option = rankIntervalChart(data["zh-CN"], chartLabels("zh-CN"), "zh-CN");
    const series = (option as { series: { data: unknown[] }[] }).series;
    const names = (option.yAxis as { data: string[] }).data;
    expect(names).toHaveLength(31);
    expect(names[0]).toBe("广东省");
    const base = series[0]?.data as number[];
    const whiskers = series[1]?.data as { value: number; p05: number; p95: number }[];
    data["zh-CN"].regions.forEach((r, i) => {
      expect(base[i]).toBe(r.interval?.p05);
      expect(whiskers[i]?.p95).toBe(r.interval?.p95);
      expect(whiskers[i]?.value).toBeGreaterThan(0);
    });
  });

  it("draws first-order and total effects per factor; total ≥ first order", () => {
    const option = sobolChart(data.en, chartLabels("en"), "en");
    const [first, total] = (option as { series: { data: { value: number }[] }[] }).series;
    const factors = (option.xAxis as { data: string[] }).data;
    expect(factors).toEqual([
      "Normalisation",
      "Weighting method",
      "Perturbed weights",
      "Aggregation",
      "One indicator dropped",
    ]);
    first?.data.forEach((d, i) => {
      expect(total?.data[i]?.value ?? 0).toBeGreaterThanOrEqual(d.value - 0.05);
    });
  });

  it("has no whiskers and no Sobol bars without Monte-Carlo runs", () => {
    const labels = chartLabels("en");
    const intervals = rankIntervalChart(noRuns, labels, "en") as { series: { data: unknown[] }[] };
    expect(intervals.series.every((s) => s.data.length === 0)).toBe(true);
    expect(((sobolChart(noRuns, labels, "en") as { series: { data: unknown[] }[] }).series[0]?.data ?? []).length).toBe(
      0,
    );
    expect(intervalText(noRuns.regions[0] as RegionRankResult["regions"][number], "en")).toBe("—");
    expect(rankText(2.5, "en")).toBe("2.5");
    expect(rankText(3, "en")).toBe("3");
  });
});
