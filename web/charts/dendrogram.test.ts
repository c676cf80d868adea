import { describe, expect, it } from "vitest";
import { getJson, openShippedStore, realApp } from "../../test/helpers/real-app.js";
import { dendrogramChart, dendrogramLayout } from "./dendrogram.js";
import { chartLabels } from "./labels.js";
import type { TiersResult } from "./tier-text.js";

// The real API (createApp over a copy of the shipped-data store), asked what the tiers page asks by default:
// the 2020 42-sector table, five tiers by Ward clustering (spec §6, seed 000's scheme).
const shipped = await openShippedStore();
const app = realApp(shipped.store);
const query = { table: "cn-nbs-io-2020-42", scheme: "five", method: "ward", k: "5" };
const data = {
  "zh-CN": await getJson<TiersResult>(app, "/api/tiers/cluster", query, "zh-CN"),
  en: await getJson<TiersResult>(app, "/api/tiers/cluster", query, "en"),
};
const complete = await getJson<TiersResult>(
  app,
  "/api/tiers/cluster",
  { table: "cn-nbs-io-2017-42", scheme: "three", method: "complete", k: "3" },
  "en",
);
await shipped.close();

interface Datum {
  value: number[];
  step?: number;
  tip?: string;
}
interface Series {
  type: string;
  name: string;
  color?: string;
  data: Datum[];
  markLine?: { data: { yAxis: number }[] };
}
const seriesOf = (o: unknown): Series[] => (o as { series: Series[] }).series;
const segmentsOf = (o: unknown) =>
  seriesOf(o)
    .filter((s) => s.type === "custom")
    .flatMap((s) => s.data);

describe("dendrogramChart", () => {
  for (const locale of ["zh-CN", "en"] as const)
    it(`${locale}: one segment set per merge at the merge's height, leaves in leaf_order, provenance on hover`, () => {
      const r = data[locale];
      expect(r.merges).toHaveLength(41);
      const option = dendrogramChart(r, chartLabels(locale), locale);
      const segs = segmentsOf(option);
      expect(segs).toHaveLength(41);
      expect(segs.map((d) => d.step).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(r.merges.map((m) => m.step));
      for (const d of segs) {
        const m = r.merges.find((x) => x.step === d.step);
        // value = [xLeft, hLeft, xRight, hRight, height]: the top of the ⊓ is the API's merge height, exactly
        expect(d.value[4]).toBe(m?.height);
        expect(d.value[1]).toBeLessThanOrEqual(d.value[4] as number);
        expect(d.value[3]).toBeLessThanOrEqual(d.value[4] as number);
        expect(d.tip).toContain("sector_tiers");
      }
      // leaves: a scatter at height 0, x = position in leaf_order; a leaf merged directly sits at its x
      const leaves = seriesOf(option).find((s) => s.type === "scatter");
      expect(leaves?.data).toHaveLength(42);
      const layout = dendrogramLayout(r);
      r.merges.forEach((m, s) => {
        const d = segs.find((x) => x.step === m.step);
        if (m.left < 42) expect(d?.value[0]).toBe(r.leaf_order.indexOf(layout.rows[m.left]?.label ?? ""));
        if (m.right < 42) expect(d?.value[2]).toBe(r.leaf_order.indexOf(layout.rows[m.right]?.label ?? ""));
        expect(layout.segments[s]?.height).toBe(m.height);
      });
      // the labelled axis: one band per leaf, code + short name, in leaf order
      const axisLabels = (option.xAxis as { data?: string[] }[])[1]?.data ?? [];
      expect(axisLabels.map((l) => l.split(" ")[0])).toEqual(r.leaf_order);
      leaves?.data.forEach((d, x) => {
        expect(d.value).toEqual([x, 0]);
        expect(d.tip).toContain(r.leaf_order[x]);
      });
      // the root spans every sector; the cut lies between the 37th and 38th merge heights (k = 5)
      expect(layout.segments[40]?.members).toHaveLength(42);
      const cut = seriesOf(option).find((s) => s.markLine !== undefined)?.markLine?.data[0]?.yAxis ?? 0;
      expect(cut).toBeGreaterThan(r.merges[36]?.height ?? 0);
      expect(cut).toBeLessThan(r.merges[37]?.height ?? 0);
    });

  it("colours a branch by its tier only when all its members share the computed tier", () => {
    const r = data.en;
    const layout = dendrogramLayout(r);
    for (const s of layout.segments) {
      const tiers = new Set(s.members.map((i) => layout.rows[i]?.tier));
      expect(s.tier === null ? tiers.size > 1 : tiers.size === 1 && tiers.has(s.tier)).toBe(true);
    }
    // k = 5 clusters: exactly 4 merges above the cut join different tiers
    expect(layout.segments.filter((s) => s.tier === null)).toHaveLength(4);
    const names = seriesOf(dendrogramChart(r, chartLabels("en"), "en")).map((s) => s.name);
    expect(names).toEqual(["high", "mid-high", "medium", "mid-low", "low", "joins tiers", "sector"]);
  });

  it("draws another table and linkage: 2017, complete linkage, three tiers", () => {
    const option = dendrogramChart(complete, chartLabels("en"), "en");
    expect(segmentsOf(option)).toHaveLength(complete.merges.length);
    expect((option.title as { text: string }).text).toContain("complete linkage");
  });

  it("refuses a result without merges (thresholds)", () => {
    expect(() => dendrogramLayout({ ...data.en, merges: [], leaf_order: [] })).toThrow(/expected 41 merges/);
  });
});
