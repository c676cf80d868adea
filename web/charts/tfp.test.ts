import { describe, expect, it } from "vitest";
import { getJson, openShippedStore, realApp } from "../../test/helpers/real-app.js";
import { chartLabels } from "./labels.js";
import { DEFAULT_TFP_RUN, formatPercent, type TfpResult, tfpChart, tfpSummaryLine } from "./tfp.js";

// The real API (createApp over a copy of the shipped-data store), asked what the econometrics page asks.
const TFP_QUERY = Object.fromEntries(Object.entries(DEFAULT_TFP_RUN).map(([k, v]) => [k, String(v)]));
const shipped = await openShippedStore();
const app = realApp(shipped.store);
const data = {
  "zh-CN": await getJson<TfpResult>(app, "/api/productivity/tfp", TFP_QUERY, "zh-CN"),
  en: await getJson<TfpResult>(app, "/api/productivity/tfp", TFP_QUERY, "en"),
};
await shipped.close();

interface Series {
  type: string;
  name: string;
  data: { value: [string, number | "-"]; tip?: string }[];
}
const seriesOf = (o: unknown): Series[] => (o as { series: Series[] }).series;
const titleOf = (o: unknown) => (o as { title: { text: string; subtext: string } }).title;

describe("tfpChart", () => {
  for (const locale of ["zh-CN", "en"] as const) {
    it(`draws our TFP growth as bars and PWT's as a line, 2001–2019, in % (${locale})`, () => {
      const option = tfpChart(data[locale], chartLabels(locale), locale, { note: "NOTE" });
      const [ours, pwt] = seriesOf(option);
      expect(ours?.type).toBe("bar");
      expect(pwt?.type).toBe("line");
      expect(ours?.data).toHaveLength(19);
      expect(ours?.data[0]?.value[0]).toBe("2001");
      expect(ours?.data.at(-1)?.value[0]).toBe("2019");
      expect(ours?.data[0]?.value[1]).toBeCloseTo(1.9545, 3);
      expect(pwt?.data[0]?.value[1]).toBeCloseTo(1.044, 3);
      expect(pwt?.name).toContain("rtfpna");
      expect(ours?.data[0]?.tip).toContain("1.95%");
      expect(ours?.data[0]?.tip).toContain("tfp_growth_accounting");
      const t = titleOf(option);
      expect(t.text).toContain("Törnqvist");
      expect(t.subtext).toContain("1.53%");
      expect(t.subtext).toContain("1.47");
      expect(t.subtext).toContain(locale === "en" ? "s.d. 2.26 pp" : "标准差 2.26 个百分点");
      expect(t.subtext).toContain("NOTE");
    });
  }

  it("states mean, s.d. and CV and formats signed percentages", () => {
    expect(tfpSummaryLine(data.en, "en")).toBe("mean 1.53% · s.d. 2.26 pp · CV 1.47");
    expect(formatPercent(-0.0026462, "en")).toBe("−0.26%");
    expect(formatPercent(-1e-6, "en")).toBe("0.00%");
    expect(formatPercent(null, "zh-CN")).toBe("—");
  });
});
