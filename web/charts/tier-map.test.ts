import { describe, expect, it } from "vitest";
import { getJson, openShippedStore, realApp } from "../../test/helpers/real-app.js";
import { chartLabels } from "./labels.js";
import { tierMapChart, tierMapOrder } from "./tier-map.js";
import type { TiersResult } from "./tier-text.js";

// The real API over a copy of the shipped-data store: the 2020 42-sector table, seed 001's three tiers by
// thresholds (10 %, 1 % on the digital share of intermediate inputs) and seed 000's five by Ward clustering.
const shipped = await openShippedStore();
const app = realApp(shipped.store);
const table = "cn-nbs-io-2020-42";
const three = {
  "zh-CN": await getJson<TiersResult>(app, "/api/tiers/classify", { table, scheme: "three" }, "zh-CN"),
  en: await getJson<TiersResult>(app, "/api/tiers/classify", { table, scheme: "three" }, "en"),
};
const five = await getJson<TiersResult>(app, "/api/tiers/cluster", { table, scheme: "five", k: "5" }, "en");
const k4 = await getJson<TiersResult>(app, "/api/tiers/cluster", { table, scheme: "three", k: "4" }, "en");
await shipped.close();

interface Series {
  type: string;
  name: string;
  data: { value: number[]; tip?: string }[];
}
const seriesOf = (o: unknown): Series[] => (o as { series: Series[] }).series;
const xCodes = (o: unknown) => (o as { xAxis: { data: string[] } }).xAxis.data;

describe("tierMapChart", () => {
  for (const locale of ["zh-CN", "en"] as const)
    it(`${locale}: 42 computed and 42 printed tiles, S03 and S10 marked as differing`, () => {
      const r = three[locale];
      const option = tierMapChart(r, chartLabels(locale), locale);
      const tiles = seriesOf(option).filter((s) => s.type === "custom");
      expect(tiles.map((s) => s.name)).toEqual(locale === "en" ? ["high", "medium", "low"] : ["高度", "中度", "低度"]);
      const all = tiles.flatMap((s) => s.data);
      expect(all.filter((d) => d.value[1] === 0)).toHaveLength(42);
      expect(all.filter((d) => d.value[1] === 1)).toHaveLength(42);
      // sizes per tier as the API counts them (6 / 20 / 16 computed and printed)
      tiles.forEach((s, t) => {
        expect(s.data.filter((d) => d.value[1] === 0)).toHaveLength(r.sizes[t]?.computed ?? -1);
        expect(s.data.filter((d) => d.value[1] === 1)).toHaveLength(r.sizes[t]?.published ?? -1);
      });
      const codes = xCodes(option);
      const rings = seriesOf(option).find((s) => s.type === "scatter");
      expect(rings?.data.map((d) => codes[d.value[0] as number]).sort()).toEqual(["S03", "S10"]);
      expect(rings?.data[0]?.tip).toContain("sector_tiers");
      expect(rings?.data[0]?.tip).toContain("%");
      expect((option.title as { subtext: string }).subtext).toContain(locale === "en" ? "40 of 42" : "40/42");
    });

  it("orders the columns by computed tier, then the digital share descending, without a tree", () => {
    const order = tierMapOrder(three.en);
    const tiers = order.map((s) => s.tier ?? 9);
    expect([...tiers].sort((a, b) => a - b)).toEqual(tiers);
    expect(order[0]?.values[0]).toBeGreaterThanOrEqual(order[1]?.values[0] ?? 0);
  });

  it("follows the dendrogram's leaf order under clustering", () => {
    const option = tierMapChart(five, chartLabels("en"), "en");
    expect(xCodes(option)).toEqual(five.leaf_order);
    const rings = seriesOf(option).find((s) => s.type === "scatter");
    expect(rings?.data).toHaveLength(five.agreement?.differing.length ?? -1);
  });

  it("draws one row when no printed tiers compare (k = 4)", () => {
    const option = tierMapChart(k4, chartLabels("en"), "en");
    expect((option.yAxis as { data: string[] }).data).toEqual(["computed tier"]);
    expect(seriesOf(option).some((s) => s.type === "scatter")).toBe(false);
    expect((option.title as { subtext: string }).subtext).toBe("no printed tiers to compare with");
  });

  it("draws a sector left out for a missing feature as a grey tile of its own", () => {
    const r: TiersResult = {
      ...three.en,
      clusters: three.en.clusters.map((c) => (c.label === "S01" ? { ...c, tier: null, tier_code: null } : c)),
    };
    const option = tierMapChart(r, chartLabels("en"), "en");
    const excluded = seriesOf(option).find((s) => s.name === "missing feature, no tier");
    expect(excluded?.data.map((d) => d.value[1])).toEqual([0]);
    expect(xCodes(option).at(-1)).toBe("S01");
  });
});
