/**
 * The real application for golden and browser tests: a private copy of the store that
 * test/helpers/global-store.ts built from the shipped data, `createApp` (src/server/app.ts) over it, and
 * the API responses the dashboard and the report read — fetched with the dashboard's own parameters
 * (web/src/pages/io-page.ts defaults, web/src/api.ts adds `lang`). No fake API, no fixture JSON.
 */
import { cpSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject } from "vitest";
import { publishedSeriesLoader } from "../../src/app/published-series.js";
import { type DataStore, openDataStore } from "../../src/app/store.js";
import { reproductionRows } from "../../src/cli/report-data.js";
import type { Lang } from "../../src/i18n/format.js";
import { createApp } from "../../src/server/app.js";
import type {
  DatasetsResponse,
  LinkageResult,
  MatrixResult,
  ReproductionResult,
  SeriesResult,
} from "../../web/charts/api-types.js";

/** The computedAt of every result (provenance), so golden files do not change with the clock. */
export const FIXED_NOW = new Date("2026-11-22T06:00:00.000Z");

/** The featured table of the golden tests (the dashboard's default: the latest NBS 42-sector table). */
export const GOLDEN_TABLE = "cn-nbs-io-2020-42";

/** A private copy of the shipped-data store (built once per run by the globalSetup), opened. */
export async function openShippedStore(): Promise<{ store: DataStore; close: () => Promise<void> }> {
  const built = inject("shushiStoreDir");
  if (typeof built !== "string" || built === "") {
    throw new Error("shushiStoreDir not provided: run through vitest (globalSetup test/helpers/global-store.ts)");
  }
  const dir = await mkdtemp(join(tmpdir(), "shushi-test-store-copy-"));
  cpSync(built, dir, { recursive: true });
  const store = await openDataStore(dir, { build: false });
  return {
    store,
    close: async () => {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** `createApp` with the dependencies `startServer` gives it, and a fixed clock. */
export function realApp(store: DataStore): ReturnType<typeof createApp> {
  return createApp({
    source: store.source,
    importer: store.importer,
    published: publishedSeriesLoader(),
    reproduction: () => reproductionRows(store),
    clock: () => FIXED_NOW,
  });
}

/** GET `path?params&lang` from the app; throws with the body on a non-200 answer. */
export async function getJson<T>(
  app: ReturnType<typeof createApp>,
  path: string,
  params: Record<string, string>,
  lang: Lang,
): Promise<T> {
  const query = new URLSearchParams({ ...params, lang });
  const res = await app.request(`${path}?${query.toString()}`, { headers: { accept: "application/json" } });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`GET ${path}?${query.toString()} → ${res.status}: ${text.slice(0, 500)}`);
  return JSON.parse(text) as T;
}

/** What the dashboard's IO page and the report read, in one language. */
export interface DashboardData {
  readonly datasets: DatasetsResponse;
  readonly linkages: LinkageResult;
  readonly matrixL: MatrixResult;
  readonly series: SeriesResult;
  readonly reproduction: ReproductionResult;
}

/** The dashboard's requests for `table` with its default options (group digital, leontief, two_block, nbs). */
export async function dashboardData(
  app: ReturnType<typeof createApp>,
  lang: Lang,
  table = GOLDEN_TABLE,
): Promise<DashboardData> {
  const options = { group: "digital", variant: "leontief", groupMethod: "two_block" };
  return {
    datasets: await getJson<DatasetsResponse>(app, "/api/datasets", {}, lang),
    linkages: await getJson<LinkageResult>(app, "/api/io/linkages", { table, ...options }, lang),
    matrixL: await getJson<MatrixResult>(app, "/api/io/matrix", { table, which: "L" }, lang),
    series: await getJson<SeriesResult>(app, "/api/io/series", { family: "nbs", ...options }, lang),
    reproduction: await getJson<ReproductionResult>(app, "/api/reproduction", {}, lang),
  };
}

/** Opens a store copy, fetches the dashboard data in both languages, closes the store. */
export async function loadDashboardData(table = GOLDEN_TABLE): Promise<Record<Lang, DashboardData>> {
  const { store, close } = await openShippedStore();
  try {
    const app = realApp(store);
    return { "zh-CN": await dashboardData(app, "zh-CN", table), en: await dashboardData(app, "en", table) };
  } finally {
    await close();
  }
}
