/**
 * Listens: the HTTP API under /api and the dashboard (web/dist, a single-page app) at /.
 */
import { existsSync } from "node:fs";
import { relative } from "node:path";
import { serve } from "@hono/node-server";
import { serveStatic } from "@hono/node-server/serve-static";
import { createDatasetVersions, repoPath, reproduceIoSeedFigures } from "../app/index.js";
import { publishedSeriesLoader } from "../app/published-series.js";
import type { DataStore } from "../app/store.js";
import type { Lang } from "../i18n/format.js";
import { createApp } from "./app.js";
import { createWorkerPool, type WorkerPool, type WorkerPoolOptions } from "./worker-pool.js";

export interface StartServerOptions {
  readonly port: number;
  readonly host: string;
  readonly store: DataStore;
  readonly lang?: Lang;
  /** directory of the built dashboard @default <repo>/web/dist */
  readonly webDist?: string;
  /** worker pool of heavy computations (ADR 0009); false: all on the event loop @default {} (the pool's defaults) */
  readonly pool?: WorkerPoolOptions | false;
}

export interface RunningServer {
  readonly url: string;
  /** true when web/dist was found and is served at / */
  readonly dashboard: boolean;
  /** the worker pool of heavy computations (its stats), unless disabled */
  readonly pool?: WorkerPool;
  close(): Promise<void>;
}

/** Starts the server (启动服务): API under /api, dashboard at /. */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const { store } = options;
  const pool = options.pool === false ? undefined : createWorkerPool(options.pool);
  const app = createApp({
    pool: pool ?? false,
    source: store.source,
    importer: store.importer,
    // results outlive the process in the store; keys use each dataset's stored content hash
    persistent: store.resultCache,
    versions: createDatasetVersions({
      getDatasetSha256: async (id) => (await store.store.getDataset(id))?.contentSha256,
    }),
    published: publishedSeriesLoader(),
    reproduction: () => reproduceIoSeedFigures((id) => store.source.loadIoTable(id)),
  });
  const webDist = options.webDist ?? repoPath("web", "dist");
  const dashboard = existsSync(webDist);
  if (dashboard) {
    const root = relative(process.cwd(), webDist) || ".";
    app.use("/*", serveStatic({ root }));
    // single-page app: unknown non-API paths get index.html
    app.get("*", serveStatic({ root, path: "index.html" }));
  }
  return new Promise((resolveStart, rejectStart) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, (info) => {
      const host = options.host.includes(":") ? `[${options.host}]` : options.host;
      resolveStart({
        url: `http://${host}:${info.port}/`,
        dashboard,
        ...(pool !== undefined && { pool }),
        close: async () => {
          await new Promise<void>((r) => server.close(() => r()));
          await pool?.close();
        },
      });
    });
    server.once("error", (e) => {
      void pool?.close();
      rejectStart(e);
    });
  });
}
