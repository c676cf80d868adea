/**
 * Listens: the HTTP API under /api and the dashboard (web/dist, a single-page app) at /.
 */
import { existsSync } from "node:fs";
import { hostname, networkInterfaces } from "node:os";
import { relative } from "node:path";
import { serve } from "@hono/node-server";
import { serveStatic } from "@hono/node-server/serve-static";
import { createDatasetVersions, repoPath, reproductionTable } from "../app/index.js";
import { publishedSeriesLoader } from "../app/published-series.js";
import type { DataStore } from "../app/store.js";
import type { Lang } from "../i18n/format.js";
import { t } from "../i18n/index.js";
import { UsageError } from "../methods/index.js";
import { createApp } from "./app.js";
import { type AuthOptions, isLoopbackHost, LOOPBACK_HOSTS } from "./auth.js";
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
  /**
   * more host names the server answers to (reverse-proxy names) @default `$SHUSHI_ALLOWED_HOSTS`
   * (comma-separated); the loopback names and the bound address are always allowed
   */
  readonly allowedHosts?: readonly string[];
  /** origins allowed cross-origin (CORS) @default `$SHUSHI_CORS_ORIGINS` (comma-separated), else none */
  readonly corsOrigins?: readonly string[];
  /** environment for the defaults above and `SHUSHI_SECURE_COOKIES=1` @default process.env */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** What a non-loopback server exposes (printed by `shushi serve`). */
export interface Exposure {
  readonly host: string;
  readonly users: number;
  readonly admins: number;
  readonly hosts: readonly string[];
  /** the notice in the server's language */
  readonly notice: string;
}

function listEnv(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((h) => h.trim())
    .filter((h) => h !== "");
}

/** Host names a server bound to `host` answers to: loopback, the bound address (every interface's for a wildcard bind), the machine's name, and the configured ones. */
export function allowedHostsFor(host: string, extra: readonly string[]): string[] {
  const out = new Set<string>([...LOOPBACK_HOSTS, ...extra.map((h) => h.toLowerCase())]);
  const bare = host.replace(/^\[|\]$/g, "").toLowerCase();
  if (bare === "0.0.0.0" || bare === "::") {
    for (const list of Object.values(networkInterfaces())) for (const a of list ?? []) out.add(a.address.toLowerCase());
    out.add(hostname().toLowerCase());
  } else out.add(bare);
  return [...out];
}

/**
 * The access policy of a bind (绑定策略): a loopback bind serves anonymous reads (writes need a
 * token or session); any other bind needs at least one active administrator and serves nothing
 * anonymously.
 * @throws {UsageError} `usage.bind_needs_auth` for a non-loopback bind without an active administrator
 */
export async function bindPolicy(
  host: string,
  store: DataStore,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<{ auth: AuthOptions; loopback: boolean; users: number; admins: number }> {
  const users = (await store.store.listUsers()).filter((u) => u.revokedAt === undefined);
  const admins = users.filter((u) => u.role === "admin").length;
  const loopback = isLoopbackHost(host);
  if (!loopback && admins === 0) throw new UsageError("usage.bind_needs_auth", { host });
  return {
    auth: {
      users: store.store,
      anonymous: loopback ? "read" : "none",
      secureCookies: env.SHUSHI_SECURE_COOKIES === "1",
    },
    loopback,
    users: users.length,
    admins,
  };
}

export interface RunningServer {
  readonly url: string;
  /** true when web/dist was found and is served at / */
  readonly dashboard: boolean;
  /** the worker pool of heavy computations (its stats), unless disabled */
  readonly pool?: WorkerPool;
  /** for a non-loopback bind: what is exposed to the network */
  readonly exposure?: Exposure;
  close(): Promise<void>;
}

/** Starts the server (启动服务): API under /api, dashboard at /. */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const { store } = options;
  const env = options.env ?? process.env;
  // refuses a non-loopback bind without an administrator before anything listens
  const policy = await bindPolicy(options.host, store, env);
  const hosts = allowedHostsFor(options.host, options.allowedHosts ?? listEnv(env.SHUSHI_ALLOWED_HOSTS));
  const pool = options.pool === false ? undefined : createWorkerPool(options.pool);
  const app = createApp({
    pool: pool ?? false,
    source: store.source,
    importer: store.importer,
    deleter: store.deleter,
    auth: policy.auth,
    origins: { allowedHosts: hosts, allowedOrigins: options.corsOrigins ?? listEnv(env.SHUSHI_CORS_ORIGINS) },
    // results outlive the process in the store; keys use each dataset's stored content hash
    persistent: store.resultCache,
    versions: createDatasetVersions({
      getDatasetSha256: async (id) => (await store.store.getDataset(id))?.contentSha256,
    }),
    published: publishedSeriesLoader(),
    reproduction: () => reproductionTable(store.source),
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
        ...(!policy.loopback && {
          exposure: {
            host: options.host,
            users: policy.users,
            admins: policy.admins,
            hosts,
            notice: t("msg.exposed", options.lang ?? "zh-CN", {
              host: options.host,
              users: policy.users,
              admins: policy.admins,
              hosts: hosts.join(", "),
            }),
          },
        }),
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
