/**
 * HTTP caching of JSON results (RFC 9110 §8.8.3, §13.1.2; RFC 9111 §5.2): a response body whose
 * strong ETag is already known (the result cache computes it once per entry) is sent with `ETag` and
 * `Cache-Control`, and a GET/HEAD whose `If-None-Match` names that ETag gets `304 Not Modified`
 * without a body.
 *
 * Why not `hono/etag`: that middleware hashes every response body again on every request; here a
 * cache hit costs no hashing at all.
 *
 * Cache-Control for dataset-dependent results is {@link CACHE_CONTROL_DATASET_RESULT},
 * `private, max-age=0, must-revalidate`:
 * - `max-age=0, must-revalidate`: the same URL changes its answer when a dataset is imported or
 *   replaced, and nothing tells a client when; any freshness lifetime could show stale figures.
 *   Revalidating every time is cheap: the ETag comparison answers 304 with no body and, on a cache
 *   hit, no computation. `must-revalidate` also forbids showing a stale copy when the server is
 *   unreachable, which for official statistics beats showing numbers that may no longer be ours.
 * - `private`: results may come from datasets a user imported into their own store and the server
 *   may later sit behind a login; shared caches (proxies, CDNs) should not keep them.
 */
import type { Context } from "hono";

/** Cache-Control of results that depend on stored datasets (see the module comment). */
export const CACHE_CONTROL_DATASET_RESULT = "private, max-age=0, must-revalidate";

/** A response body with its strong ETag (e.g. a `CachedResult` of the result cache). */
export interface EtaggedJson {
  /** the JSON text to send (read only when `body` is absent) */
  readonly json: string;
  /** the same JSON as UTF-8 bytes, sent as is when present (no re-encoding per response) */
  readonly body?: Uint8Array;
  /** strong ETag, quoted: `"<hex>"` (see `etagOf`) */
  readonly etag: string;
}

export interface CachedJsonOptions {
  /** @default CACHE_CONTROL_DATASET_RESULT */
  readonly cacheControl?: string;
  /** `Vary` header, e.g. "Accept-Language, Cookie" when the body depends on the negotiated language */
  readonly vary?: string;
}

const ENTITY_TAG = /(?:W\/)?"[^"]*"|\*/g;

/**
 * True when an `If-None-Match` header value matches `etag` by the weak comparison RFC 9110 §13.1.2
 * prescribes (a `W/` prefix is ignored on either side); `*` matches any current representation.
 */
export function ifNoneMatchMatches(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const opaque = (tag: string): string => (tag.startsWith("W/") ? tag.slice(2) : tag);
  const wanted = opaque(etag);
  for (const tag of header.match(ENTITY_TAG) ?? []) {
    if (tag === "*" || opaque(tag) === wanted) return true;
  }
  return false;
}

/**
 * Answers a request with a JSON body and its ETag: `304` (no body) when the request is GET or HEAD
 * and its `If-None-Match` names the ETag, `200` with the body otherwise. Both carry `ETag`,
 * `Cache-Control` and, when given, `Vary` (RFC 9110 §15.4.5: a 304 repeats them).
 * @example app.get("/api/x", async (c) => cachedJson(c, await cache.getOrCompute(key, meta, compute)))
 */
export function cachedJson(c: Context, body: EtaggedJson, options: CachedJsonOptions = {}): Response {
  const headers: Record<string, string> = {
    ETag: body.etag,
    "Cache-Control": options.cacheControl ?? CACHE_CONTROL_DATASET_RESULT,
    ...(options.vary !== undefined && { Vary: options.vary }),
  };
  const method = c.req.method;
  if ((method === "GET" || method === "HEAD") && ifNoneMatchMatches(c.req.header("if-none-match"), body.etag)) {
    return c.body(null, 304, headers);
  }
  const payload = body.body ?? body.json;
  return c.body(payload as Uint8Array<ArrayBuffer> | string, 200, {
    ...headers,
    "Content-Type": "application/json; charset=UTF-8",
  });
}
