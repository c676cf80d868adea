import { describe, expect, it } from "vitest";
import { getJson, openShippedStore, realApp } from "../../../test/helpers/real-app.js";
import type { ReportLocale } from "../types.js";
import { econometricsSection } from "./econometrics.js";
import { apiSectionSources, type SectionRenderContext } from "./section.js";

// The section's data through the real API (createApp over a copy of the shipped-data store): the JSON
// `GET /api/productivity/labour`, `GET /api/forecast/arimax` and `GET /api/productivity/tfp` return for
// the default runs.
const shipped = await openShippedStore();
const app = realApp(shipped.store);
const loaded = {} as Record<ReportLocale, Awaited<ReturnType<typeof econometricsSection.load>>>;
for (const lang of ["zh-CN", "en"] as const) {
  const sources = await apiSectionSources((path, params) => getJson(app, path, { ...params }, lang), lang);
  loaded[lang] = await econometricsSection.load(sources);
}
await shipped.close();

function ctx(lang: ReportLocale): SectionRenderContext {
  let n = 0;
  return { lang, datasets: [], chartWidth: 900, nextFigure: () => ++n };
}

describe("econometrics report section", () => {
  for (const lang of ["zh-CN", "en"] as const) {
    it(`renders the productivity table, four figures with provenance and the verification line (${lang})`, () => {
      const html = econometricsSection.render(loaded[lang], ctx(lang));
      expect(html).toContain("161,615");
      expect(html.match(/<svg/g)?.length).toBe(4);
      expect(html).toContain('id="fig-productivity-index"');
      expect(html).toContain("productivity_on_index");
      expect(html).toContain(lang === "en" ? "published slope: 731.8" : "公布的斜率：731.8");
      expect(html).toContain('id="fig-tfp"');
      expect(html).toContain("tfp_growth_accounting");
      expect(html).toContain("a296c85ff6c1"); // sha256 prefix of the PWT 10.01 China file
      expect(html).toContain("rtfpna");
      expect(html).toContain("window=2000–2019");
      expect(html).toContain(lang === "en" ? "TFP growth accounting (PWT 10.01)" : "全要素生产率增长核算（PWT 10.01）");
      expect(html).toContain(lang === "en" ? "human capital" : "人力资本");
      expect(html).toContain('id="fig-productivity"');
      expect(html).toContain('id="fig-forecast-fan"');
      expect(html).toContain("labour_productivity");
      expect(html).toContain("forecast_arimax");
      expect(html).toContain("cn-nbs-headline-vintages");
      expect(html).toMatch(/R 4\.2\.2 stats::arima/);
      expect(html).toContain(lang === "en" ? "Verified against" : "已对照验证");
      expect(html).toContain(lang === "en" ? "2020 prices" : "2020 年价格");
      expect(html).not.toContain("[object Object]");
    });
  }

  it("loads the default run with a scenario fan of seven steps", () => {
    const f = loaded["zh-CN"].forecast;
    expect(f.order).toEqual([1, 1, 0]);
    expect(f.forecast).toHaveLength(7);
    expect(f.scenario?.fan).toHaveLength(7);
    expect(loaded["zh-CN"].productivity.years.find((y) => y.year === 2023)?.official).toBe(161615);
  });

  it("loads the TFP run on PWT 10.01, China 2001–2019", () => {
    const t = loaded["zh-CN"].tfp;
    expect(t.dataset).toBe("pwt-1001-chn");
    expect(t.periods).toHaveLength(19);
    expect(t.periods[0]?.year).toBe(2001);
    expect(t.periods[0]?.tfp_growth).toBeCloseTo(0.019545, 5);
    expect(t.summary.mean_tfp_growth).toBeCloseTo(0.015329, 5);
    expect(t.provenance.parameters.capitalShare).toBe("1 − labsh");
  });
});
