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

export interface StartServerOptions {
  readonly port: number;
  readonly host: string;
  readonly store: DataStore;
  readonly lang?: Lang;
  /** directory of the built dashboard @default <repo>/web/dist */
  readonly webDist?: string;
}

export interface RunningServer {
  readonly url: string;
  /** true when web/dist was found and is served at / */
  readonly dashboard: boolean;
  close(): Promise<void>;
}

/** Starts the server (启动服务): API under /api, dashboard at /. */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const { store } = options;
  const app = createApp({
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
        close: () => new Promise<void>((r) => server.close(() => r())),
      });
    });
    server.once("error", rejectStart);
  });
}
