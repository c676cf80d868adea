/**
 * Wires the HTML report (src/report) to the app layer: `loadData(lang)` returns the same JSON the
 * HTTP API returns for that language (report/types.ts).
 */

import { datasetsList, ioLinkages, ioMatrix, ioSeries, seriesFamily, software } from "../app/index.js";
import { publishedSeriesLoader } from "../app/published-series.js";
import type { DataStore } from "../app/store.js";
import { type Lang, withDiagnosticMessages } from "../i18n/index.js";
import type { ReportData } from "../report/types.js";

const withMessages = withDiagnosticMessages;

/** The featured table: the latest NBS table of the series family. */
export async function featuredTableId(store: DataStore): Promise<string> {
  const all = await store.source.listDatasets();
  const nbs = all
    .filter((m) => seriesFamily(m) === "nbs")
    .sort((a, b) => (b.years[0] ?? 0) - (a.years[0] ?? 0) || a.id.localeCompare(b.id));
  const io = all.filter((m) => m.kind === "io_table");
  const pick = nbs[0] ?? io[0];
  if (pick === undefined) throw new Error("report: the store holds no IO table");
  return pick.id;
}

/** `loadData` for renderReport. */
export function reportDataLoader(store: DataStore): (lang: Lang) => Promise<ReportData> {
  return async (lang) => {
    const table = await featuredTableId(store);
    const source = store.source;
    const [datasets, linkages, matrix, series, reproduction] = await Promise.all([
      datasetsList(source),
      ioLinkages({ tableId: table, source, group: "digital" }),
      ioMatrix({ tableId: table, which: "L", source }),
      ioSeries({ source, family: "nbs", group: "digital", published: publishedSeriesLoader() }),
      reproductionRows(store),
    ]);
    return {
      table,
      datasets: datasets.datasets,
      linkages: withMessages(linkages, lang),
      matrix: withMessages(matrix, lang),
      series: withMessages(series, lang),
      reproduction,
      softwareVersion: software().replace("@", " "),
    };
  };
}

/** Computed vs published rows (src/app/reproduction.ts, owner: published). */
export async function reproductionRows(store: DataStore): Promise<ReportData["reproduction"]> {
  const { reproduceIoSeedFigures } = await import("../app/reproduction.js");
  return reproduceIoSeedFigures(async (id: string) => store.source.loadIoTable(id));
}
