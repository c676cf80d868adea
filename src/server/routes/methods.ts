/**
 * The HTTP routes of every declared method (src/methods): `GET <path>` with the options as query
 * parameters, and `POST <path>` with a file body for methods that accept an uploaded table. GET
 * results go through the result cache and carry an ETag.
 */
import type { Context, Hono } from "hono";
import {
  type DatasetVersions,
  etagOf,
  type ResultCache,
  readInputTable,
  resolveBackend,
  type TableRef,
} from "../../app/index.js";

import type { Lang } from "../../i18n/index.js";
import {
  type AnyMethod,
  EdgeError,
  type MethodContext,
  optionEntries,
  parseOptions,
  UsageError,
} from "../../methods/index.js";
import { CACHE_CONTROL_DATASET_RESULT, cachedJson } from "../http-cache.js";

/** Query parameters every route accepts besides a method's options. */
const EDGE_QUERY = new Set(["lang"]);
/** Query parameters of an upload (POST) besides the options. */
const UPLOAD_QUERY = new Set(["lang", "file", "name", "unit", "sheet"]);

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
  for (const m of methods) {
    app.get(m.path, async (c) => {
      const lang = deps.lang(c);
      const command = `GET ${m.path}`;
      const options = parseOptions(m.options, queryOptions(m, c, EDGE_QUERY, command), "api", command);
      const compute = async () => m.toWire(await m.run(options, undefined, deps.context), lang);
      if (deps.cache === false) {
        const json = JSON.stringify(await compute());
        return cachedJson(c, { json, etag: etagOf(json) }, { vary: "Accept-Language, Cookie" });
      }
      const declared = m.datasets(options);
      const ids = declared === "all" ? await deps.allDatasetIds() : declared;
      const datasets = await deps.versions.refs(ids);
      const key = deps.cache.key({
        method: m.id,
        options: { ...options, lang, ...(m.usesBackend === true && { backend: backendKey }) },
        datasets,
      });
      const r = await deps.cache.getOrCompute(key, { method: m.id, datasetIds: ids }, compute);
      return cachedJson(c, r, { vary: "Accept-Language, Cookie", cacheControl: CACHE_CONTROL_DATASET_RESULT });
    });
    if (m.input === undefined) continue;
    app.post(m.path, deps.uploadLimit, async (c) => {
      const lang = deps.lang(c);
      const command = `POST ${m.path}`;
      const options = parseOptions(
        m.options,
        queryOptions(m, c, UPLOAD_QUERY, command),
        "api",
        command,
        new Set(["table"]),
      );
      if (options.table !== undefined) throw new UsageError("usage.conflict", { a: "table", b: "request body" });
      const bytes = await deps.readBody(c);
      const file = c.req.query("file") ?? c.req.query("name") ?? deps.uploadName("upload", bytes);
      const unit = c.req.query("unit");
      const sheet = c.req.query("sheet");
      const loaded = await readInputTable(bytes, {
        file,
        ...(unit !== undefined && unit !== "" && { unit }),
        ...(sheet !== undefined && sheet !== "" && { sheet }),
      });
      const input: TableRef = { table: loaded.table, meta: loaded.meta };
      const { source: _source, ...context } = deps.context;
      return c.json(m.toWire(await m.run(options, input, context), lang) as object);
    });
  }
}

/** Thrown when a route needs the store but the server has none. */
export function noStore(): EdgeError {
  return new EdgeError("disabled", "read_only", "error.bad_request", { message: "no data store" });
}
