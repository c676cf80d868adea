/**
 * The HTTP routes of every declared method (src/methods): `GET <path>` with the options as query
 * parameters, and `POST <path>` with a file body for methods that accept an uploaded table. GET
 * results go through the result cache and carry an ETag. Methods on a table of at least
 * `poolMinSectors` sectors run in the worker pool (ADR 0009), the others on the event loop.
 */
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, Hono } from "hono";
import {
  type DatasetVersions,
  etagOf,
  type JsonValue,
  type LoadedIoTable,
  type ResultCache,
  requireIoTable,
  resolveBackend,
} from "../../app/index.js";

import type { Lang } from "../../i18n/index.js";
import {
  type AnyMethod,
  EdgeError,
  type MethodContext,
  optionEntries,
  parseOptions,
  readMethodInput,
  UsageError,
} from "../../methods/index.js";
import type { Identity } from "../auth.js";
import { CACHE_CONTROL_DATASET_RESULT, cachedJson } from "../http-cache.js";
import type { MethodTask } from "../method-worker.js";
import { DEFAULT_POOL_MIN_SECTORS, shareableTable, type WorkerPool } from "../worker-pool.js";
import { requireReadable } from "./platform.js";

/** Query parameters every route accepts besides a method's options. */
const EDGE_QUERY = new Set(["lang"]);
/** Query parameters of an upload (POST) besides the options. */
const UPLOAD_QUERY = new Set(["lang", "file", "name", "unit", "sheet"]);
/** Query parameters of a paged method (`MethodDeclaration.pages`). */
const PAGE_QUERY = ["offset", "limit"] as const;
/** Most rows of one page. */
export const MAX_PAGE_ROWS = 10_000;

/** The page a request asks for (`?offset=&limit=`), or undefined for the whole result. */
function pageOf(c: Context): { readonly offset: number; readonly limit: number } | undefined {
  const offsetText = c.req.query("offset");
  const limitText = c.req.query("limit");
  if (offsetText === undefined && limitText === undefined) return undefined;
  const whole = (name: string, text: string | undefined, min: number, max: number, fallback: number): number => {
    if (text === undefined) return fallback;
    const n = /^\d{1,8}$/.test(text) ? Number(text) : Number.NaN;
    if (!(n >= min && n <= max))
      throw new UsageError("usage.invalid_value", {
        option: name,
        value: text.slice(0, 40),
        expected: `${min}–${max}`,
      });
    return n;
  };
  return {
    offset: whole("offset", offsetText, 0, 99_999_999, 0),
    limit: whole("limit", limitText, 1, MAX_PAGE_ROWS, MAX_PAGE_ROWS),
  };
}

/**
 * One page of a wire result: the paged array's rows offset … offset + limit − 1 and `page`
 * {field, offset, limit, total}; every other field whole.
 */
function pageOfResult(
  m: AnyMethod,
  value: unknown,
  page: { readonly offset: number; readonly limit: number },
): Record<string, unknown> {
  const field = m.pages as string;
  const whole = value as Record<string, unknown>;
  const rows = whole[field];
  if (!Array.isArray(rows)) throw new Error(`${m.id}: paged field ${field} is not an array`);
  if (page.offset > rows.length)
    throw new UsageError("usage.invalid_value", {
      option: "offset",
      value: String(page.offset),
      expected: `0–${rows.length}`,
    });
  return {
    ...whole,
    [field]: rows.slice(page.offset, page.offset + page.limit),
    page: { field, offset: page.offset, limit: page.limit, total: rows.length },
  };
}

export interface MethodRouteDeps {
  readonly context: MethodContext;
  /** false: every request computes (benchmarks, debugging) */
  readonly cache: ResultCache | false;
  readonly versions: DatasetVersions;
  /** every dataset id in the store (for methods that read the whole store) */
  readonly allDatasetIds: () => Promise<readonly string[]>;
  readonly lang: (c: Context) => Lang;
  readonly readBody: (c: Context) => Promise<Uint8Array>;
  readonly uploadName: (base: string, bytes: Uint8Array) => string;
  // biome-ignore lint/suspicious/noExplicitAny: Hono middleware of any env
  readonly uploadLimit: any;
  /** worker pool for computations on large tables; omitted or false: all run on the event loop */
  readonly pool?: WorkerPool | false;
  /** tables with at least this many sectors go to the pool @default DEFAULT_POOL_MIN_SECTORS (200) */
  readonly poolMinSectors?: number;
  /** who a request counts against in the pool's per-client limits @default the remote address */
  readonly clientId?: (c: Context) => string;
  /** who sends the request: a table in another user's namespace is unknown to them @default everything readable */
  readonly identity?: (c: Context) => Identity;
}

/** The remote address of a request served by @hono/node-server; "local" in-process (`app.request`). */
function remoteAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? "local";
  } catch {
    return "local";
  }
}

/**
 * The computations of one cache key, shared by every request waiting for it (the result cache joins
 * them): cancelled only when all those requests have gone, so one closed tab does not fail the others.
 */
class SharedCancellation {
  private readonly entries = new Map<string, { controller: AbortController; waiting: number }>();

  /** Counts the request in; `leave` when it is answered. Its abort leaves too. */
  join(key: string, request: AbortSignal): { signal: AbortSignal; leave: () => void } {
    let entry = this.entries.get(key);
    if (entry === undefined) {
      entry = { controller: new AbortController(), waiting: 0 };
      this.entries.set(key, entry);
    }
    const e = entry;
    e.waiting++;
    let left = false;
    const leave = (aborted: boolean) => {
      if (left) return;
      left = true;
      request.removeEventListener("abort", onAbort);
      if (--e.waiting > 0) return;
      if (this.entries.get(key) === e) this.entries.delete(key);
      if (aborted) e.controller.abort(request.reason);
    };
    const onAbort = () => leave(true);
    if (request.aborted) queueMicrotask(onAbort);
    else request.addEventListener("abort", onAbort, { once: true });
    return { signal: e.controller.signal, leave: () => leave(false) };
  }
}

/** The option values of a request, rejecting parameters the method does not know. */
function queryOptions(m: AnyMethod, c: Context, extra: ReadonlySet<string>, command: string): Map<string, string> {
  const keys = new Set(optionEntries(m.options).map(([k]) => k));
  const raw = new Map<string, string>();
  for (const [k, v] of Object.entries(c.req.queries())) {
    if (keys.has(k)) {
      if (v.length > 1)
        throw new UsageError("usage.invalid_value", { option: k, value: v.join(","), expected: "one value" });
      raw.set(k, v[0] ?? "");
    } else if (!extra.has(k)) throw new UsageError("usage.unknown_option", { option: k, command });
  }
  return raw;
}

/** Registers the GET (and POST) route of each method. */
export function registerMethodRoutes(app: Hono, methods: readonly AnyMethod[], deps: MethodRouteDeps): void {
  // "auto" resolves to OpenBLAS for large inverses when the addon is built: the key says which
  const choice =
    typeof deps.context.backend === "string" ? deps.context.backend : (deps.context.backend?.name ?? "auto");
  const backendKey =
    choice === "typescript" ? choice : `${choice}:${resolveBackend("native").backend !== undefined ? "native" : "ts"}`;
  const pool = deps.pool === false ? undefined : deps.pool;
  const minSectors = deps.poolMinSectors ?? DEFAULT_POOL_MIN_SECTORS;
  const clientId = deps.clientId ?? remoteAddress;
  const source = deps.context.source;
  const shared = new SharedCancellation();
  // parsed values of the last paged results, by ETag: a client paging through a WIOD-size matrix
  // parses its 40 MB of JSON once, not once per page
  const parsedPages = new Map<string, unknown>();
  const parsedValue = (r: { readonly etag: string; readonly value: unknown }): unknown => {
    let v = parsedPages.get(r.etag);
    if (v === undefined) {
      v = r.value;
      parsedPages.set(r.etag, v);
      while (parsedPages.size > 2) parsedPages.delete(parsedPages.keys().next().value as string);
    }
    return v;
  };
  // an injected backend object cannot cross threads: with one, everything runs inline
  const poolBackend = typeof deps.context.backend === "object" ? undefined : (deps.context.backend ?? "auto");

  /** The stored table of a GET request when it is large enough for the pool (else undefined: run inline). */
  const largeStoredTable = async (m: AnyMethod, options: Record<string, unknown>) => {
    const id = options["table"];
    if (pool === undefined || poolBackend === undefined || m.input !== "io_table" || source === undefined) return;
    if (typeof id !== "string") return;
    const meta = await source.getMeta(id);
    const sectors = meta?.kind === "io_table" ? meta.dimensions["sectors"] : undefined;
    if (sectors === undefined || sectors < minSectors) return;
    return requireIoTable(source, id); // the store's source keeps the last tables loaded
  };

  /** Runs the method in the pool on an in-memory input (an IO table, shared; or an indicator table). */
  const inPool = (
    p: WorkerPool,
    m: AnyMethod,
    options: Record<string, unknown>,
    loaded: MethodTask["input"],
    lang: Lang,
    client: string,
    signal: AbortSignal,
  ): Promise<unknown> =>
    p.run(
      {
        method: m.id,
        options,
        input: "Z" in loaded.table ? { table: shareableTable(loaded.table), meta: loaded.meta } : loaded,
        lang,
        backend: poolBackend ?? "auto",
        ...(deps.context.clock !== undefined && { now: deps.context.clock().toISOString() }),
      },
      { clientId: client, signal },
    );

  /** The input of a heavy request, prepared on the main thread for the pool (undefined: run inline). */
  const heavyInput = async (m: AnyMethod, options: Record<string, unknown>) => {
    if (pool === undefined || source === undefined || m.heavy === undefined || !m.heavy.when(options)) return;
    return (await m.heavy.prepare(options, source)) as MethodTask["input"];
  };

  for (const m of methods) {
    const edgeQuery = m.pages === undefined ? EDGE_QUERY : new Set([...EDGE_QUERY, ...PAGE_QUERY]);
    const uploadQuery = m.pages === undefined ? UPLOAD_QUERY : new Set([...UPLOAD_QUERY, ...PAGE_QUERY]);
    /** The answer to a request for a page of the result. */
    const pageResponse = (c: Context, value: unknown, page: { offset: number; limit: number }): Response => {
      const json = JSON.stringify(pageOfResult(m, value, page));
      return cachedJson(
        c,
        { json, etag: etagOf(json) },
        { vary: "Accept-Language, Cookie", cacheControl: CACHE_CONTROL_DATASET_RESULT },
      );
    };
    app.get(m.path, async (c) => {
      const lang = deps.lang(c);
      const command = `GET ${m.path}`;
      const options = parseOptions(m.options, queryOptions(m, c, edgeQuery, command), "api", command);
      const page = m.pages === undefined ? undefined : pageOf(c);
      const reader = deps.identity?.(c);
      const declaredIds = m.datasets(options);
      if (reader !== undefined && declaredIds !== "all") for (const id of declaredIds) requireReadable(reader, id);
      const client = clientId(c);
      const compute = async (signal: AbortSignal) => {
        const loaded = (await largeStoredTable(m, options)) ?? (await heavyInput(m, options));
        if (pool !== undefined && loaded !== undefined) return inPool(pool, m, options, loaded, lang, client, signal);
        return m.toWire(await m.run(options, undefined, deps.context), lang);
      };
      if (deps.cache === false) {
        const value = await compute(c.req.raw.signal);
        if (page !== undefined) return pageResponse(c, value, page);
        const json = JSON.stringify(value);
        return cachedJson(c, { json, etag: etagOf(json) }, { vary: "Accept-Language, Cookie" });
      }
      const ids = declaredIds === "all" ? await deps.allDatasetIds() : declaredIds;
      const datasets = await deps.versions.refs(ids);
      const key = deps.cache.key({
        method: m.id,
        options: { ...options, lang, ...(m.usesBackend === true && { backend: backendKey }) },
        datasets,
      });
      const cache = deps.cache;
      const get = async () => {
        const interest = shared.join(key, c.req.raw.signal);
        try {
          return await cache.getOrCompute(
            key,
            { method: m.id, datasetIds: ids },
            () => compute(interest.signal) as Promise<JsonValue>,
          );
        } finally {
          interest.leave();
        }
      };
      let r: Awaited<ReturnType<typeof get>>;
      try {
        r = await get();
      } catch (e) {
        // joined a computation that the requests before this one cancelled by leaving: compute anew
        if (!(e instanceof EdgeError && e.code === "cancelled") || c.req.raw.signal.aborted) throw e;
        r = await get();
      }
      if (page !== undefined) return pageResponse(c, parsedValue(r), page);
      return cachedJson(c, r, { vary: "Accept-Language, Cookie", cacheControl: CACHE_CONTROL_DATASET_RESULT });
    });
    if (m.input === undefined) continue;
    app.post(m.path, deps.uploadLimit, async (c) => {
      const lang = deps.lang(c);
      const command = `POST ${m.path}`;
      const options = parseOptions(
        m.options,
        queryOptions(m, c, uploadQuery, command),
        "api",
        command,
        new Set([m.inputOption ?? "table"]),
      );
      if (options[m.inputOption ?? "table"] !== undefined)
        throw new UsageError("usage.conflict", { a: m.inputOption ?? "table", b: "request body" });
      const kind = m.input;
      if (kind === undefined) throw new Error(`${m.id}: POST route without input`);
      const page = m.pages === undefined ? undefined : pageOf(c);
      const bytes = await deps.readBody(c);
      const file = c.req.query("file") ?? c.req.query("name") ?? deps.uploadName("upload", bytes);
      const unit = c.req.query("unit");
      const sheet = c.req.query("sheet");
      const input = await readMethodInput(kind, bytes, {
        file,
        ...(unit !== undefined && unit !== "" && { unit }),
        ...(sheet !== undefined && sheet !== "" && { sheet }),
      });
      let wire: unknown;
      const ioInput = kind === "io_table" ? (input as LoadedIoTable) : undefined;
      const heavy =
        (ioInput !== undefined && ioInput.table.sectors.length >= minSectors) ||
        (kind === "indicator_table" && m.heavy?.when(options) === true);
      if (pool !== undefined && poolBackend !== undefined && heavy)
        wire = await inPool(pool, m, options, input as MethodTask["input"], lang, clientId(c), c.req.raw.signal);
      else {
        const { source: _source, ...context } = deps.context;
        wire = m.toWire(await m.run(options, input, context), lang);
      }
      return c.json((page === undefined ? wire : pageOfResult(m, wire, page)) as object);
    });
  }
}

/** Thrown when a route needs the store but the server has none. */
export function noStore(): EdgeError {
  return new EdgeError("disabled", "read_only", "error.bad_request", { message: "no data store" });
}
