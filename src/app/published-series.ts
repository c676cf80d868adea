/**
 * Published reference values for the series overlay (公布值): the seed's 实数融合 coefficients,
 * spec §16 row 13 (感应度系数 0.71 (2012) → 0.75 (2023)) and row 14 (影响力系数 1.04 (2015) → 1.18
 * (2023)), read from the published dataset (data/published/published-values.json). Qualitative
 * bounds ("始终大于1") are not points and are left out.
 */
import { publishedForRef, seedCitation } from "../data/index.js";
import type { PublishedSeriesLoader, PublishedSeriesPoint } from "./io-series.js";

/** spec §16 rows → the measure they print */
const ROWS: readonly (readonly [number, "influence" | "sensitivity"])[] = [
  [13, "sensitivity"],
  [14, "influence"],
];

/** The published series points (year-bound printed values of rows 13 and 14). */
export function publishedSeriesPoints(): PublishedSeriesPoint[] {
  const out: PublishedSeriesPoint[] = [];
  for (const [ref, measure] of ROWS) {
    for (const v of publishedForRef(ref)) {
      if (v.year === null || v.value === null || (v.qualifier !== undefined && v.qualifier !== null)) continue;
      out.push({
        id: v.id,
        ref: String(v.ref),
        year: v.year,
        measure,
        quantity: measure,
        value: v.value,
        printed: v.printed,
        citation: seedCitation(v),
        source: `seed ${v.seed}`,
      });
    }
  }
  return out.sort((a, b) => a.measure.localeCompare(b.measure) || a.year - b.year);
}

/** The loader of published series points for ioSeries. */
export function publishedSeriesLoader(): PublishedSeriesLoader {
  return () => publishedSeriesPoints();
}
