/**
 * Wires the HTML report (src/report) to the store: `loadData(lang)` loads every report section
 * through the method declarations (src/methods) — `m.run` then `m.toWire(result, lang)`, the JSON
 * the HTTP API returns — plus the dataset list and the reproduction table.
 */

import type { z } from "zod";
import { datasetsList, software } from "../app/index.js";
import { publishedSeriesLoader } from "../app/published-series.js";
import type { DataStore } from "../app/store.js";
import { type Lang, renderReproductionRow } from "../i18n/index.js";
import { type AnyMethod, METHODS, type MethodContext } from "../methods/index.js";
import { type AnySection, loadSections, REPORT_SECTIONS, type RunMethod } from "../report/sections/index.js";
import type { ReportData } from "../report/types.js";

/**
 * `loadData` for renderReport. Each declared method runs once per distinct option set, whatever the
 * number of sections and languages that show it; only `toWire` runs per language.
 * @param sections the sections to load @default REPORT_SECTIONS
 */
export function reportDataLoader(
  store: DataStore,
  sections: readonly AnySection[] = REPORT_SECTIONS,
): (lang: Lang) => Promise<ReportData> {
  const context: MethodContext = { source: store.source, published: publishedSeriesLoader() };
  const results = new Map<string, Promise<unknown>>();
  const runDeclared = (m: AnyMethod, options: unknown): Promise<unknown> => {
    const declared = METHODS.find((d) => d.id === m.id);
    if (declared === undefined) throw new Error(`report: ${m.id} is not a declared method`);
    const parsed: z.output<z.ZodObject> = declared.options.parse(options);
    const key = `${declared.id} ${JSON.stringify(parsed)}`;
    let r = results.get(key);
    if (r === undefined) {
      r = declared.run(parsed, undefined, context);
      results.set(key, r);
    }
    return r;
  };
  let reproduction: ReturnType<typeof reproductionRows> | undefined;
  return async (lang) => {
    // the declaration's own toWire gives WireOf<M>; the generic is not visible through AnyMethod
    const runMethod = (async (m: AnyMethod, options: unknown) =>
      m.toWire(await runDeclared(m, options), lang)) as RunMethod;
    const { datasets } = await datasetsList(store.source);
    const data = await loadSections(sections, {
      lang,
      runMethod,
      datasets,
      reproduction: async () => {
        reproduction ??= reproductionRows(store);
        return { rows: (await reproduction).rows.map((r) => renderReproductionRow(r, lang)) };
      },
    });
    return { sections: data, datasets, softwareVersion: software().replace("@", " ") };
  };
}

/** Computed vs published rows (src/app/reproduction.ts), reasons as codes — also `GET /api/reproduction`. */
export async function reproductionRows(store: DataStore) {
  const { reproductionTable } = await import("../app/reproduction-index.js");
  return reproductionTable(store.source);
}
