/**
 * The server under load (a child process of run.ts, so that autocannon and the server do not share
 * one event loop): the real API (`createApp`) over a store in `--dir`, listening on 127.0.0.1 at an
 * ephemeral port, with the result cache (`--cache on`: a memory cache, persisted through the store's
 * `resultCache` when the store has one) or without it (`--cache off` → `cache: false`). Cache keys use
 * the stored content sha256 of each dataset (`createDatasetVersions` over `store.getDataset`).
 *
 * IPC with the parent: sends `{type: "ready", port}`; answers `"stats"` with
 * `{type: "stats", cache, rssBytes}`; on `"close"` closes the server and the store and exits.
 */
import { serve } from "@hono/node-server";
import {
  createDatasetVersions,
  createResultCache,
  type PersistentResultStore,
  type ResultCache,
  software,
} from "../../src/app/index.js";
import { publishedSeriesLoader } from "../../src/app/published-series.js";
import { openDataStore } from "../../src/app/store.js";
import { createApp, type ServerDeps } from "../../src/server/app.js";

function arg(name: string): string {
  const i = process.argv.indexOf(name);
  const v = i >= 0 ? process.argv[i + 1] : undefined;
  if (v === undefined) throw new Error(`bench/api-load/server: missing ${name}`);
  return v;
}

const send = (message: unknown): void => {
  process.send?.(message);
};

async function main(): Promise<void> {
  const dir = arg("--dir");
  const useCache = arg("--cache") === "on";
  const store = await openDataStore(dir, { build: false });
  // DataStore.resultCache (the DuckDB-backed PersistentResultStore) when the store provides it
  const persistent = (store as { resultCache?: PersistentResultStore }).resultCache;
  const cache: ResultCache | undefined = useCache
    ? createResultCache({ software: software(), ...(persistent !== undefined && { persistent }) })
    : undefined;
  // cache keys carry each dataset's stored content hash, looked up once per dataset
  const versions = createDatasetVersions({
    getDatasetSha256: async (id) => (await store.store.getDataset(id))?.contentSha256,
  });
  const deps: ServerDeps = {
    source: store.source,
    importer: store.importer,
    published: publishedSeriesLoader(),
    cache: cache ?? false,
    versions,
  };
  const app = createApp(deps);
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) => {
    send({ type: "ready", port: info.port, persistent: persistent !== undefined });
  });
  process.on("message", (m) => {
    if (m === "stats") {
      send({ type: "stats", cache: cache?.stats() ?? null, rssBytes: process.memoryUsage().rss });
    } else if (m === "close") {
      server.close(async () => {
        try {
          await cache?.flush();
          await store.close();
        } finally {
          process.exit(0);
        }
      });
    }
  });
  process.on("disconnect", () => process.exit(0)); // the parent went away: do not linger
}

main().catch((e: unknown) => {
  process.stderr.write(`bench/api-load/server: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
