import { describe, expect, it } from "vitest";
import { getJson, openShippedStore, realApp } from "../../../test/helpers/real-app.js";
import type { ReportLocale } from "../types.js";
import { econometricsSection } from "./econometrics.js";
import { apiSectionSources, type SectionRenderContext } from "./section.js";

// The section's data through the real API (createApp over a copy of the shipped-data store): the JSON
// `GET /api/productivity/labour` and `GET /api/forecast/arimax` return for the default run.
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
    it(`renders the productivity table, two figures with provenance and the verification line (${lang})`, () => {
      const html = econometricsSection.render(loaded[lang], ctx(lang));
      expect(html).toContain("161,615");
      expect(html.match(/<svg/g)?.length).toBe(2);
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
});
