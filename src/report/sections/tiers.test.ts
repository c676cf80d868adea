import { describe, expect, it } from "vitest";
import { getJson, openShippedStore, realApp } from "../../../test/helpers/real-app.js";
import type { ReportLocale } from "../types.js";
import { apiSectionSources, type SectionRenderContext } from "./section.js";
import { tiersSection } from "./tiers.js";

// The section's data through the real API (createApp over a copy of the shipped-data store): the JSON
// `GET /api/tiers/cluster?table=cn-nbs-io-2020-42&scheme=five&method=ward&k=5` and
// `GET /api/tiers/classify?table=cn-nbs-io-2020-42&scheme=three`, `GET /api/tiers/structure` and
// `GET /api/costbenefit/ratios` return.
const shipped = await openShippedStore();
const app = realApp(shipped.store);
const loaded = {} as Record<ReportLocale, Awaited<ReturnType<typeof tiersSection.load>>>;
for (const lang of ["zh-CN", "en"] as const) {
  const sources = await apiSectionSources((path, params) => getJson(app, path, { ...params }, lang), lang);
  loaded[lang] = await tiersSection.load(sources);
}
await shipped.close();

function ctx(lang: ReportLocale): SectionRenderContext {
  let n = 0;
  return { lang, datasets: [], chartWidth: 900, nextFigure: () => ++n };
}

describe("tiers report section", () => {
  for (const lang of ["zh-CN", "en"] as const) {
    it(`renders the dendrogram and both tier maps with provenance and the agreement lines (${lang})`, () => {
      const html = tiersSection.render(loaded[lang], ctx(lang));
      expect(html.match(/<svg/g)?.length).toBe(7);
      expect(html.match(/<dl class="prov">/g)?.length).toBe(7);
      for (const id of [
        "fig-tiers-dendrogram",
        "fig-tiers-map-five",
        "fig-tiers-map-three",
        "fig-tiers-shares",
        "fig-tiers-contributions",
        "fig-tiers-cost-ratios",
        "fig-tiers-cost-scatter",
      ])
        expect(html).toContain(`id="${id}"`);
      // the printed 2024 contributions do not sum to 100; the cost ratios are the IO-table proxy
      expect(html).toContain("101.23");
      expect(html).toContain(
        lang === "en"
          ? "IO-table proxy (national accounts, not listed-company data)"
          : "投入产出表代理（国民核算口径，并非上市公司数据）",
      );
      expect(html).toContain("tier_value_added_structure");
      expect(html).toContain("cost_benefit");
      expect(html).toContain("sector_tiers");
      expect(html).toContain("91fe1791242c"); // sha256 prefix of china_2020_42.csv
      // seed 001's three tiers on the 2020 table: 40 of 42, S03 and S10 differ
      expect(html).toContain(
        lang === "en"
          ? "In the printed tier: 40 of 42 sectors, adjusted Rand index 0.832"
          : "与公布层级一致：40/42 个部门，调整兰德指数 0.832",
      );
      expect(html).toContain(lang === "en" ? "computed low, printed medium" : "计算为低度，公布为中度");
      expect(html).toContain(lang === "en" ? "41 merges" : "共 41 次");
      expect(html).toContain(lang === "en" ? "Cut-points: 10%, 1%." : "分界点：10%、1%。");
      expect(html).not.toContain("[object Object]");
    });
  }
});
