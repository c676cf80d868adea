/**
 * Result cache (结果缓存): method results keyed by what determines them — the content sha256 of every
 * dataset read, the method id, the canonical options and the software version — held in memory under
 * an LRU bound (entries and UTF-8 bytes of the serialized JSON) and optionally persisted through an
 * injected {@link PersistentResultStore} (the DuckDB store's `resultCache`).
 *
 * Because the key is content-addressed, an entry can never be wrong: the same key means the same
 * inputs, hence the same numbers. Invalidation (`invalidateDataset`) only frees memory early; what
 * keeps results fresh after an import is that the caller looks up the dataset's *new* sha256
 * (`dataset-versions.ts`) and so asks for a new key.
 *
 * Values are plain JSON (null, booleans, finite numbers, strings, arrays, plain objects); anything
 * else (typed arrays, Map, Date, NaN, bigint, class instances, cycles) is refused with a
 * {@link ResultNotJsonError} rather than silently turned into something else by JSON.stringify.
 * Cache the wire result (what the API sends), not the app result with its Float64Arrays.
 *
 * A cached result keeps the `computedAt` of its computation: it says when the numbers were made.
 */
import { createHash, hash } from "node:crypto";

/** A plain JSON value. */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [k: string]: JsonValue };

/**
 * Where results outlive the process. The DuckDB store implements it (`DataStore.resultCache`) and
 * deletes the rows naming a dataset in the same transaction that imports or deletes that dataset.
 */
export interface PersistentResultStore {
  get(key: string): Promise<string | undefined>;
  put(key: string, method: string, datasetIds: readonly string[], json: string): Promise<void>;
}

/** One dataset a result depends on: its id and the sha256 of its stored content. */
export interface DatasetVersion {
  readonly id: string;
  readonly sha256: string;
}

/** What determines a result. */
export interface ResultKeyParts {
  /** method id, e.g. "io.linkages" */
  readonly method: string;
  /**
   * Every option that changes the result, with defaults already applied by the caller (so that an
   * omitted option and its default give one key). Include the language when the value holds
   * rendered messages. `undefined` properties are dropped.
   */
  readonly options: Readonly<Record<string, unknown>>;
  /** every dataset read; order does not matter */
  readonly datasets: readonly DatasetVersion[];
}

/** Where a result came from. */
export type CacheHit = "memory" | "store" | "miss";

/** A result served by the cache. */
export interface CachedResult {
  readonly key: string;
  /** the serialized JSON (send it as the body) */
  /**
   * the UTF-8 bytes of the JSON — send these as the body: they are encoded once per entry, not per
   * response (≈ 0.1 ms saved per request on a 35 KB body with Chinese names). Shared: do not modify.
   */
  readonly body: Uint8Array;
  /** the JSON text (decoded lazily from `body` on memory and store hits) */
  readonly json: string;
  /** strong ETag of the body (computed once per entry) */
  readonly etag: string;
  readonly hit: CacheHit;
  /** the parsed value; parsed lazily (at most once per CachedResult) on memory and store hits */
  readonly value: JsonValue;
}

/** Counters since creation (entries and bytes are current). */
export interface ResultCacheStats {
  /** entries in memory */
  readonly entries: number;
  /** UTF-8 bytes of the JSON held in memory */
  readonly bytes: number;
  /** answered from memory */
  readonly hits: number;
  /** answered from the persistent store */
  readonly storeHits: number;
  /** computed */
  readonly misses: number;
  /** calls that joined an identical call already in flight */
  readonly coalesced: number;
  /** entries dropped by the LRU bounds */
  readonly evictions: number;
  /** persistent store reads or writes that failed (the result was still served) */
  readonly storeErrors: number;
}

export interface ResultCacheOptions {
  /** software version, part of every key, e.g. `software()` = "shushi@0.1.0" */
  readonly software: string;
  /** most entries kept in memory @default 512 */
  readonly maxEntries?: number;
  /** most UTF-8 bytes of JSON kept in memory; a larger single result is not kept @default 64 MiB */
  readonly maxBytes?: number;
  /** where results outlive the process */
  readonly persistent?: PersistentResultStore;
  /**
   * Told about a failed persistent read or write. A failing store never fails a request: a failed
   * read counts as a miss, a failed write leaves the result in memory only. @default ignore (counted
   * in `stats().storeErrors`)
   */
  readonly onStoreError?: (error: unknown, operation: "get" | "put", key: string) => void;
}

/** What a result is about: stored with it, used for invalidation. */
export interface ResultMeta {
  readonly method: string;
  readonly datasetIds: readonly string[];
}

export interface ResultCache {
  /** sha256 hex of the canonical JSON of `{datasets (sorted by id), method, options, software}` */
  key(parts: ResultKeyParts): string;
  /**
   * The result under `key`: from memory, else from the persistent store, else `compute()`d, stored in
   * memory and (without waiting) in the persistent store. Identical concurrent calls compute once; a
   * rejected computation is not cached (every waiting caller gets the rejection).
   * @throws {ResultNotJsonError} when `compute` resolves to something that is not plain JSON
   */
  getOrCompute(key: string, meta: ResultMeta, compute: () => Promise<JsonValue>): Promise<CachedResult>;
  /**
   * Drops the memory entries naming the dataset, and makes computations in flight that name it skip
   * storing their result. Call it when a dataset is imported, replaced or deleted.
   */
  invalidateDataset(id: string): void;
  /** drops every memory entry */
  clear(): void;
  stats(): ResultCacheStats;
  /** resolves when every pending persistent write has settled (tests, shutdown) */
  flush(): Promise<void>;
}

export const DEFAULT_MAX_ENTRIES = 512;
export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

/** A value that is not plain JSON (programming error: cache the wire result). */
export class ResultNotJsonError extends TypeError {
  readonly code = "result_not_json" as const;
  /** where in the value, e.g. `$.sectors[3].influence` */
  readonly path: string;
  /** what was found there, e.g. "Float64Array" */
  readonly found: string;
  constructor(path: string, found: string) {
    super(`result cache: value at ${path} is ${found}, not plain JSON (convert it, e.g. Array.from, before caching)`);
    this.name = "ResultNotJsonError";
    this.path = path;
    this.found = found;
  }
}

function describe(v: unknown): string {
  if (v === undefined) return "undefined";
  if (typeof v === "number") return String(v);
  if (typeof v !== "object" || v === null) return typeof v;
  return (Object.getPrototypeOf(v) as { constructor?: { name?: string } } | null)?.constructor?.name ?? "object";
}

function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * Checks that `value` is plain JSON. Object properties that are `undefined` are allowed (JSON drops
 * them); `undefined` inside an array is not (JSON would turn it into null).
 * @throws {ResultNotJsonError}
 */
export function assertPlainJson(value: unknown, path = "$"): asserts value is JsonValue {
  const onPath = new Set<object>();
  const walk = (v: unknown, p: string): void => {
    switch (typeof v) {
      case "string":
      case "boolean":
        return;
      case "number":
        if (!Number.isFinite(v)) throw new ResultNotJsonError(p, describe(v));
        return;
      case "object": {
        if (v === null) return;
        if (onPath.has(v)) throw new ResultNotJsonError(p, "a circular reference");
        onPath.add(v);
        if (Array.isArray(v)) {
          for (let i = 0; i < v.length; i++) {
            if (!(i in v)) throw new ResultNotJsonError(`${p}[${i}]`, "a hole");
            walk(v[i], `${p}[${i}]`);
          }
        } else if (isPlainObject(v)) {
          for (const [k, x] of Object.entries(v)) if (x !== undefined) walk(x, `${p}.${k}`);
        } else {
          throw new ResultNotJsonError(p, describe(v));
        }
        onPath.delete(v);
        return;
      }
      default:
        throw new ResultNotJsonError(p, describe(v));
    }
  };
  walk(value, path);
}

/** Thrown inside the canonical writer; the caller re-checks the value to report where. */
const NOT_JSON: unique symbol = Symbol("not plain JSON");

function writeCanonical(v: unknown, stack: object[]): string {
  switch (typeof v) {
    case "string":
      return JSON.stringify(v);
    case "boolean":
      return v ? "true" : "false";
    case "number":
      if (!Number.isFinite(v)) throw NOT_JSON;
      return JSON.stringify(v);
    case "object": {
      if (v === null) return "null";
      if (stack.includes(v)) throw NOT_JSON;
      stack.push(v);
      let out: string;
      if (Array.isArray(v)) {
        out = "[";
        for (let i = 0; i < v.length; i++) {
          if (!(i in v)) throw NOT_JSON;
          out += (i === 0 ? "" : ",") + writeCanonical(v[i], stack);
        }
        out += "]";
      } else if (isPlainObject(v)) {
        const o = v as Record<string, unknown>;
        out = "{";
        let first = true;
        for (const k of Object.keys(o).sort()) {
          const x = o[k];
          if (x === undefined) continue;
          out += `${first ? "" : ","}${JSON.stringify(k)}:${writeCanonical(x, stack)}`;
          first = false;
        }
        out += "}";
      } else {
        throw NOT_JSON;
      }
      stack.pop();
      return out;
    }
    default:
      throw NOT_JSON;
  }
}

/**
 * Canonical JSON: object keys sorted (by UTF-16 code units), `undefined` properties dropped, no
 * whitespace. Equal values give equal strings whatever the key order.
 * @throws {ResultNotJsonError} for anything that is not plain JSON
 */
export function canonicalJson(value: unknown): string {
  try {
    return writeCanonical(value, []);
  } catch (e) {
    if (e !== NOT_JSON) throw e;
    assertPlainJson(value); // throws with the path
    throw new ResultNotJsonError("$", "not plain JSON"); // unreachable: both walks accept the same values
  }
}

/** sha256 hex of a string's UTF-8 bytes (one-shot `crypto.hash` where Node has it: ≥ 20.12). */
function sha256Text(text: string): string {
  return typeof hash === "function" ? hash("sha256", text, "hex") : createHash("sha256").update(text).digest("hex");
}

/** Strong ETag of a response body: the quoted sha256 hex of its UTF-8 bytes. */
export function etagOf(json: string | Uint8Array): string {
  const hex =
    typeof json === "string"
      ? sha256Text(json)
      : typeof hash === "function"
        ? hash("sha256", json, "hex")
        : createHash("sha256").update(json).digest("hex");
  return `"${hex}"`;
}

interface Entry {
  readonly body: Uint8Array;
  readonly etag: string;
  readonly datasetIds: readonly string[];
}

const utf8 = new TextDecoder();

class Result implements CachedResult {
  #json: string | undefined;
  #value: JsonValue | undefined;
  #parsed: boolean;
  constructor(
    readonly key: string,
    readonly body: Uint8Array,
    readonly etag: string,
    readonly hit: CacheHit,
    json?: string,
    value?: JsonValue,
  ) {
    this.#json = json;
    this.#parsed = value !== undefined;
    this.#value = value;
  }
  get json(): string {
    this.#json ??= utf8.decode(this.body);
    return this.#json;
  }
  get value(): JsonValue {
    if (!this.#parsed) {
      this.#value = JSON.parse(this.json) as JsonValue;
      this.#parsed = true;
    }
    return this.#value as JsonValue;
  }
}

/** An entry for a JSON text: its UTF-8 bytes and their ETag. */
function entryOf(json: string, datasetIds: readonly string[]): Entry {
  const body = Buffer.from(json, "utf8");
  return { body, etag: etagOf(body), datasetIds };
}

function positiveInteger(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`result cache: ${name} must be an integer ≥ 0`);
  return value;
}

/**
 * Creates a result cache.
 * @example
 * const cache = createResultCache({ software: software(), persistent: store.resultCache });
 * const key = cache.key({ method: "io.linkages", options: { ...opts, lang }, datasets: await versions.refs([id]) });
 * const r = await cache.getOrCompute(key, { method: "io.linkages", datasetIds: [id] }, async () => toWire(...));
 */
export function createResultCache(options: ResultCacheOptions): ResultCache {
  const maxEntries = positiveInteger(options.maxEntries, DEFAULT_MAX_ENTRIES, "maxEntries");
  const maxBytes = positiveInteger(options.maxBytes, DEFAULT_MAX_BYTES, "maxBytes");
  const { persistent, software } = options;
  const memory = new Map<string, Entry>(); // insertion order = recency (oldest first)
  const inflight = new Map<string, Promise<Result>>();
  const generation = new Map<string, number>(); // dataset id → invalidation count
  let epoch = 0; // clear() count
  const pendingWrites = new Set<Promise<void>>();
  let bytes = 0;
  let hits = 0;
  let storeHits = 0;
  let misses = 0;
  let coalesced = 0;
  let evictions = 0;
  let storeErrors = 0;

  const storeError = (e: unknown, op: "get" | "put", key: string): void => {
    storeErrors++;
    options.onStoreError?.(e, op, key);
  };

  const remove = (key: string, entry: Entry): void => {
    memory.delete(key);
    bytes -= entry.body.byteLength;
  };

  const remember = (key: string, entry: Entry): void => {
    if (entry.body.byteLength > maxBytes || maxEntries === 0) return;
    const old = memory.get(key);
    if (old !== undefined) remove(key, old);
    memory.set(key, entry);
    bytes += entry.body.byteLength;
    for (const [k, e] of memory) {
      if (memory.size <= maxEntries && bytes <= maxBytes) break;
      remove(k, e);
      evictions++;
    }
  };

  // a computation stores its result only if no dataset it names was invalidated (and the cache not
  // cleared) while it ran: its inputs may predate the change
  const generations = (ids: readonly string[]): number[] => [epoch, ...ids.map((id) => generation.get(id) ?? 0)];
  const unchanged = (ids: readonly string[], before: readonly number[]): boolean =>
    before[0] === epoch && ids.every((id, i) => (generation.get(id) ?? 0) === before[i + 1]);

  const load = async (key: string, meta: ResultMeta, compute: () => Promise<JsonValue>): Promise<Result> => {
    const datasetIds = [...meta.datasetIds];
    const before = generations(datasetIds);
    if (persistent !== undefined) {
      let stored: string | undefined;
      try {
        stored = await persistent.get(key);
        if (stored !== undefined) JSON.parse(stored); // a corrupt row is a miss, not a broken response
      } catch (e) {
        storeError(e, "get", key);
        stored = undefined;
      }
      if (stored !== undefined) {
        storeHits++;
        const entry = entryOf(stored, datasetIds);
        if (unchanged(datasetIds, before)) remember(key, entry);
        return new Result(key, entry.body, entry.etag, "store", stored);
      }
    }
    misses++;
    const value = await compute();
    assertPlainJson(value);
    const json = JSON.stringify(value);
    const entry = entryOf(json, datasetIds);
    if (unchanged(datasetIds, before)) {
      remember(key, entry);
      if (persistent !== undefined) {
        // a stale row (an import landing between here and the write) is harmless: its key names the
        // old content hashes, so no request for the new content can reach it
        const write = Promise.resolve()
          .then(() => persistent.put(key, meta.method, datasetIds, json))
          .then(
            () => undefined,
            (e: unknown) => storeError(e, "put", key),
          );
        pendingWrites.add(write);
        void write.finally(() => pendingWrites.delete(write));
      }
    }
    return new Result(key, entry.body, entry.etag, "miss", json, value);
  };

  return {
    key(parts) {
      const datasets = [...parts.datasets].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      for (let i = 1; i < datasets.length; i++) {
        const a = datasets[i - 1] as DatasetVersion;
        const b = datasets[i] as DatasetVersion;
        if (a.id === b.id && a.sha256 !== b.sha256)
          throw new RangeError(`result cache: dataset ${a.id} listed with two sha256 values`);
      }
      const unique = datasets.filter((d, i) => i === 0 || datasets[i - 1]?.id !== d.id);
      return sha256Text(
        canonicalJson({
          datasets: unique.map((d) => ({ id: d.id, sha256: d.sha256 })),
          method: parts.method,
          options: parts.options,
          software,
        }),
      );
    },

    getOrCompute(key, meta, compute) {
      const entry = memory.get(key);
      if (entry !== undefined) {
        hits++;
        memory.delete(key);
        memory.set(key, entry);
        return Promise.resolve(new Result(key, entry.body, entry.etag, "memory"));
      }
      const running = inflight.get(key);
      if (running !== undefined) {
        coalesced++;
        return running;
      }
      const started = load(key, meta, compute).finally(() => inflight.delete(key));
      inflight.set(key, started);
      return started;
    },

    invalidateDataset(id) {
      generation.set(id, (generation.get(id) ?? 0) + 1);
      for (const [k, e] of memory) if (e.datasetIds.includes(id)) remove(k, e);
    },

    clear() {
      epoch++;
      memory.clear();
      bytes = 0;
    },

    stats: () => ({ entries: memory.size, bytes, hits, storeHits, misses, coalesced, evictions, storeErrors }),

    async flush() {
      while (pendingWrites.size > 0) await Promise.all([...pendingWrites]);
    },
  };
}
