/**
 * The HTTP API (Hono; no listen here — see main.ts). Routes come from two tables: the method
 * declarations (src/methods) and the platform endpoints (routes/platform.ts); the OpenAPI document
 * at /api/openapi.json is generated from the same tables. Errors are mapped once
 * (src/methods/errors.ts). Language: `?lang=`, cookie `lang`, then Accept-Language; zh-CN by default.
 */
import { getConnInfo } from "@hono/node-server/conninfo";
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { languageDetector } from "hono/language";
import type { DatasetDeleter } from "../app/datasets.js";
import {
  type BackendChoice,
  type Clock,
  createDatasetVersions,
  createResultCache,
  type DatasetImporter,
  type DatasetSource,
  type DatasetVersions,
  type PersistentResultStore,
  type PublishedSeriesLoader,
  type ReproductionRow,
  type ResultCache,
  software,
} from "../app/index.js";
import { sha256Hex } from "../app/input-file.js";
import { detectLang, type Lang, normalizeLang } from "../i18n/index.js";
import { type AnyMethod, describeError, EdgeError, ERROR_CATEGORIES, METHODS } from "../methods/index.js";
import { type AuthOptions, createAuthenticator, identityOf, type OriginOptions, originGuard } from "./auth.js";
import { openApiDocument } from "./openapi.js";
import { registerMethodRoutes } from "./routes/methods.js";
import { registerPlatformRoutes } from "./routes/platform.js";
import type { WorkerPool } from "./worker-pool.js";

/** What the API reads from and writes to; tests pass in-memory fakes. */
export interface ServerDeps {
  readonly source: DatasetSource;
  /** writes imports into the store; without it POST /api/datasets/import answers 501 */
  readonly importer?: DatasetImporter;
  /** deletes user datasets (audited); without it DELETE /api/datasets/:id answers 501 */
  readonly deleter?: DatasetDeleter;
  /**
   * users, tokens, sessions and roles (src/server/auth.ts); absent: one local user on a laptop (analyst
   * rights, plain dataset ids, no audit endpoint) — the Host and Origin checks apply either way
   */
  readonly auth?: AuthOptions;
  /** host allow-list and CORS origins @default loopback names only, CORS closed */
  readonly origins?: OriginOptions;
  /** published reference values overlaid on /api/io/series */
  readonly published?: PublishedSeriesLoader;
  /** rows of /api/reproduction (computed vs published) */
  readonly reproduction?: () => Promise<{ readonly rows: readonly ReproductionRow[] }>;
  /** linear-algebra backend for linkages and L @default "auto" */
  readonly backend?: BackendChoice;
  readonly clock?: Clock;
  /** maximum upload size in bytes @default 52428800 (50 MB) */
  readonly bodyLimit?: number;
  /**
   * the result cache of GET method routes: a cache, `false` for none (every request computes), or
   * omitted for an in-memory cache (persisted through `persistent` when given)
   */
  readonly cache?: ResultCache | false;
  /** where cached results outlive the process (the store's `resultCache`) */
  readonly persistent?: PersistentResultStore;
  /** content hashes of datasets for cache keys @default from the source's metadata */
  readonly versions?: DatasetVersions;
  /** the declared methods to serve @default METHODS */
  readonly methods?: readonly AnyMethod[];
  /**
   * worker pool for method computations on large tables (src/server/worker-pool.ts; `startServer`
   * creates one); omitted or `false`: every computation runs on the event loop
   */
  readonly pool?: WorkerPool | false;
  /** tables with at least this many sectors are computed in the pool @default 200 (DEFAULT_POOL_MIN_SECTORS) */
  readonly poolMinSectors?: number;
  /** who a request counts against in the pool's per-client limits @default the remote address */
  readonly clientId?: (c: Context) => string;
}

export const DEFAULT_BODY_LIMIT = 50 * 1024 * 1024;

type Env = { Variables: { language: string } };

function langOf(c: Context): Lang {
  return (
    normalizeLang(c.get("language") as string | undefined) ??
    detectLang(c.req.query("lang"), c.req.header("accept-language"))
  );
}

/**
 * The file name used in issue locations and provenance when the client sends none: `<base>.xlsx` for a
 * ZIP container (XLSX starts with "PK\x03\x04"), `<base>.csv` otherwise.
 */
export function defaultUploadName(base: string, bytes: Uint8Array): string {
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  return `${base}.${zip ? "xlsx" : "csv"}`;
}

/**
 * Dataset versions from the source: the store's content hash when the source offers one, otherwise
 * the sha256 of the dataset's metadata and provenance (which hold the hashes of its files).
 */
function versionsOf(source: DatasetSource): DatasetVersions {
  const withSha = source as DatasetSource & { getDatasetSha256?: (id: string) => Promise<string | undefined> };
  return createDatasetVersions({
    getDatasetSha256: async (id) => {
      if (typeof withSha.getDatasetSha256 === "function") return withSha.getDatasetSha256(id);
      const meta = await source.getMeta(id);
      return meta === undefined || meta === null
        ? undefined
        : sha256Hex(new TextEncoder().encode(JSON.stringify(meta)));
    },
  });
}

/**
 * The pool's per-client limits count per user for authenticated requests, per remote address otherwise.
 */
function perUserClient(c: Context): string {
  const id = identityOf(c);
  if (id.via === "token" || id.via === "session") return `user:${id.name}`;
  try {
    return getConnInfo(c).remote.address ?? "local";
  } catch {
    return "local";
  }
}

/**
 * Creates the API app (创建 HTTP API).
 * @param deps data source, optional importer, published values, reproduction rows, clock, limits, cache
 * @returns a Hono app; `app.request()` serves requests in-process (tests) and main.ts listens
 */
export function createApp(deps: ServerDeps): Hono<Env> {
  const app = new Hono<Env>();
  // DNS rebinding and cross-site writes are refused before anything else, in every mode
  app.use("*", originGuard(deps.origins));
  const limit = deps.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const methods = deps.methods ?? METHODS;
  const cache =
    deps.cache ??
    createResultCache({ software: software(), ...(deps.persistent !== undefined && { persistent: deps.persistent }) });
  const versions = deps.versions ?? versionsOf(deps.source);
  let allIds: Promise<readonly string[]> | undefined;
  const allDatasetIds = (): Promise<readonly string[]> => {
    allIds ??= Promise.resolve(deps.source.listDatasets()).then((l) => l.map((m) => m.id).sort());
    return allIds;
  };

  app.use(
    "/api/*",
    languageDetector({
      order: ["querystring", "cookie", "header"],
      lookupQueryString: "lang",
      lookupCookie: "lang",
      supportedLanguages: ["zh-CN", "en"],
      fallbackLanguage: "zh-CN",
      convertDetectedLanguage: (l: string) => normalizeLang(l) ?? l,
      caches: false,
    }),
  );

  const authenticator = deps.auth === undefined ? undefined : createAuthenticator(deps.auth);
  if (authenticator !== undefined) {
    app.use("/api/*", authenticator.middleware);
    app.post("/api/session", (c) => authenticator.login(c));
    app.delete("/api/session", (c) => authenticator.logout(c));
  }
  app.get("/api/session", (c) => {
    const id = identityOf(c);
    return c.json({ name: id.name, role: id.role ?? null, via: id.via });
  });

  const uploadLimit = bodyLimit({
    maxSize: limit,
    onError: () => {
      throw new EdgeError("too_large", "payload_too_large", "error.payload_too_large", { limit });
    },
  });
  const readBody = async (c: Context): Promise<Uint8Array> => {
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    if (bytes.length === 0)
      throw new EdgeError("usage", "empty_body", "error.bad_request", { message: "empty request body" });
    return bytes;
  };

  let openApi: unknown;
  registerPlatformRoutes(app as unknown as Hono, {
    source: deps.source,
    ...(deps.importer !== undefined && { importer: deps.importer }),
    ...(deps.reproduction !== undefined && { reproduction: deps.reproduction }),
    openApi: () => {
      openApi ??= openApiDocument(methods);
      return openApi;
    },
    lang: langOf,
    readBody,
    uploadName: defaultUploadName,
    uploadLimit,
    identity: identityOf,
    ...(deps.deleter !== undefined && { deleter: deps.deleter }),
    ...(deps.auth !== undefined && {
      audit: (o: { limit?: number; target?: string }) => deps.auth?.users.listAudit(o) ?? Promise.resolve([]),
    }),
    onImported: (id) => {
      versions.invalidate(id);
      if (cache !== false) cache.invalidateDataset(id);
      allIds = undefined;
    },
  });

  registerMethodRoutes(app as unknown as Hono, methods, {
    context: {
      source: deps.source,
      backend: deps.backend ?? "auto",
      ...(deps.clock !== undefined && { clock: deps.clock }),
      ...(deps.published !== undefined && { published: deps.published }),
    },
    cache,
    versions,
    allDatasetIds,
    lang: langOf,
    readBody,
    uploadName: defaultUploadName,
    uploadLimit,
    identity: identityOf,
    ...(deps.pool !== undefined && { pool: deps.pool }),
    ...(deps.poolMinSectors !== undefined && { poolMinSectors: deps.poolMinSectors }),
    ...(deps.clientId !== undefined
      ? { clientId: deps.clientId }
      : authenticator !== undefined && { clientId: perUserClient }),
  });

  app.all("/api/*", (c) => {
    throw new EdgeError("not_found", "not_found", "error.not_found", { path: new URL(c.req.url).pathname });
  });

  app.onError((e, c) => {
    const d = describeError(e, langOf(c));
    const body = {
      code: d.code,
      message: d.message,
      params: d.params,
      ...(d.issues !== undefined && { issues: d.issues }),
    };
    return c.json(body, ERROR_CATEGORIES[d.category].status);
  });

  return app;
}
