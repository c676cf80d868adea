/**
 * Report HTML with hostile sector names, dataset ids and titles (issue 6, point 5): every text reaches
 * the page escaped — no live tag, no attribute break-out — in tables, captions, provenance and SVG text.
 */
import { describe, expect, it } from "vitest";
import { openShippedStore } from "../../test/helpers/real-app.js";
import { reportDataLoader } from "../cli/report-data.js";
import { reportHtml } from "./render-report.js";
import type { ReportData } from "./types.js";

const PAYLOAD = `<img src=x onerror=alert(1)>"'&`;
/** Fields that carry names or ids of the data (sector names, dataset ids and titles, table ids, refs). */
const HOSTILE_KEYS = new Set([
  "name_zh",
  "name_en",
  "titleZh",
  "titleEn",
  "id",
  "table",
  "tableId",
  "ref",
  "reason_zh",
  "reason_en",
]);

/** A deep copy with every string under {@link HOSTILE_KEYS} replaced by `value + PAYLOAD`. */
function poison(value: unknown, key = ""): unknown {
  if (typeof value === "string") return HOSTILE_KEYS.has(key) ? `${value}${PAYLOAD}` : value;
  if (Array.isArray(value)) return value.map((v) => poison(v, key));
  if (value !== null && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, poison(v, k)]));
  return value;
}

const shipped = await openShippedStore();
const loaded: ReportData = await reportDataLoader(shipped.store)("en");
await shipped.close();

describe("report HTML escaping", () => {
  for (const lang of ["zh-CN", "en"] as const) {
    it(`escapes hostile names, ids and titles (${lang})`, () => {
      const data = poison(loaded) as ReportData;
      const html = reportHtml(data, lang);
      // the payload made it into the page (the test means something) …
      expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
      // … but never as markup
      expect(html).not.toContain("<img");
      expect(html).not.toMatch(/<[^>]*onerror=/);
      // in the tables, captions and chart labels alike
      expect(html.split("&lt;img src=x").length - 1).toBeGreaterThan(5);
    });
  }
});
