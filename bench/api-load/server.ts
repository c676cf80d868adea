/**
 * The server under load (a child process of run.ts, so that autocannon and the server do not share
 * one event loop), listening on 127.0.0.1 at an ephemeral port over the store in `--dir`:
 *
 * - `--mode cache`: the real API (`createApp`) with a result cache (memory, persisted through the
 *   store's `resultCache` when the store has one); cache keys use each dataset's stored content
 *   sha256 (`createDatasetVersions` over `store.getDataset`);
 * - `--mode no-cache`: the real API with `cache: false` (every request computes);
 * - `--mode bare`: the ceiling — a bare `node:http` server that answers each of `--paths` (JSON
 *   array) with the bytes the API returned for it, computed once at start-up; no routing, no
 *   middleware. The cached API cannot beat it; the ratio shows what the framework and cache cost.
 *
 * IPC with the parent: sends `{type: "ready", port}`; answers `"stats"` with
 * `{type: "stats", cache, rssBytes}`; on `"close"` closes the server and the store and exits.
 */
import { createServer } from "node:http";
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

interface Closable {
  close(callback: () => void): unknown;
}

async function main(): Promise<void> {
  const dir = arg("--dir");
  const mode = arg("--mode");
  if (mode !== "cache" && mode !== "no-cache" && mode !== "bare") throw new Error(`unknown --mode ${mode}`);
  const store = await openDataStore(dir, { build: false });
  // the DuckDB-backed PersistentResultStore (results outlive the process), as `shushi serve` uses it
  const persistent: PersistentResultStore | undefined = store.resultCache;
  const cache: ResultCache | undefined =
    mode === "cache"
      ? createResultCache({ software: software(), ...(persistent !== undefined && { persistent }) })
      : undefined;
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

  let server: Closable;
  if (mode === "bare") {
    const bodies = new Map<string, Uint8Array>();
    for (const path of JSON.parse(arg("--paths")) as string[]) {
      const res = await app.request(path);
      if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status}: ${(await res.text()).slice(0, 500)}`);
      bodies.set(path, new Uint8Array(await res.arrayBuffer()));
    }
    const bare = createServer((req, res) => {
      const body = bodies.get(req.url ?? "");
      if (body === undefined) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { "Content-Type": "application/json; charset=UTF-8", "Content-Length": body.byteLength });
      res.end(body);
    });
    bare.listen(0, "127.0.0.1", () => {
      const address = bare.address();
      send({ type: "ready", port: typeof address === "object" && address !== null ? address.port : 0 });
    });
    server = bare;
  } else {
    server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) => {
      send({ type: "ready", port: info.port, persistent: persistent !== undefined });
    });
  }

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
