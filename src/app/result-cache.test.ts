import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import {
  canonicalJson,
  createResultCache,
  etagOf,
  type JsonValue,
  type PersistentResultStore,
  ResultNotJsonError,
} from "./result-cache.js";

const SOFTWARE = "shushi@test";
const A = { id: "a", sha256: "aa".repeat(32) };
const B = { id: "b", sha256: "bb".repeat(32) };

/** A promise with its resolve/reject handles. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** An in-memory PersistentResultStore that records calls. */
function memoryStore(initial: Record<string, string> = {}) {
  const rows = new Map(Object.entries(initial));
  const puts: { key: string; method: string; datasetIds: readonly string[] }[] = [];
  const store: PersistentResultStore = {
    get: async (key) => rows.get(key),
    put: async (key, method, datasetIds, json) => {
      puts.push({ key, method, datasetIds });
      rows.set(key, json);
    },
  };
  return { store, rows, puts };
}

const meta = (...datasetIds: string[]) => ({ method: "io.linkages", datasetIds });

// object keys in a random order, some values undefined
const jsonLeaf = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string(),
);
const jsonValue = fc.letrec<{ value: JsonValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    jsonLeaf,
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 6 }), tie("value"), { maxKeys: 5 }),
  ),
})).value;
const options = fc.dictionary(fc.string({ maxLength: 8 }), jsonValue, { maxKeys: 6 });

function reversedKeys(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).reverse());
}

describe("canonicalJson", () => {
  it("sorts keys at every depth and drops undefined properties", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 0, y: null }], c: undefined } })).toBe(
      '{"a":{"d":[1,{"y":null,"z":0}]},"b":1}',
    );
  });

  it("names where a value is not plain JSON", () => {
    expect(() => canonicalJson({ a: [{ b: new Date(0) }] })).toThrow(
      expect.objectContaining({ code: "result_not_json", path: "$.a[0].b", found: "Date" }),
    );
  });

  test.prop([options])("does not depend on key order", (o) => {
    expect(canonicalJson(reversedKeys(o))).toBe(canonicalJson(o));
  });

  test.prop([jsonValue])("parses back to a value JSON-equal to the input", (v) => {
    expect(JSON.parse(canonicalJson(v))).toEqual(JSON.parse(JSON.stringify(v)));
  });
});

describe("ResultCache.key", () => {
  const cache = createResultCache({ software: SOFTWARE });

  it("is a sha256 hex digest", () => {
    expect(cache.key({ method: "io.linkages", options: {}, datasets: [A] })).toMatch(/^[0-9a-f]{64}$/);
  });

  test.prop([options])("does not depend on option key order", (o) => {
    const k1 = cache.key({ method: "m", options: o, datasets: [A] });
    const k2 = cache.key({ method: "m", options: reversedKeys(o), datasets: [A] });
    expect(k2).toBe(k1);
  });

  test.prop([options, fc.string({ maxLength: 8 })])("ignores options that are undefined", (o, extra) => {
    fc.pre(!Object.hasOwn(o, extra));
    const k1 = cache.key({ method: "m", options: o, datasets: [A] });
    const k2 = cache.key({ method: "m", options: { ...o, [extra]: undefined }, datasets: [A] });
    expect(k2).toBe(k1);
  });

  test.prop([options, options])("differs when the options differ", (o1, o2) => {
    fc.pre(canonicalJson(o1) !== canonicalJson(o2));
    expect(cache.key({ method: "m", options: o1, datasets: [A] })).not.toBe(
      cache.key({ method: "m", options: o2, datasets: [A] }),
    );
  });

  test.prop([fc.string(), fc.string()])("differs when the method differs", (m1, m2) => {
    fc.pre(m1 !== m2);
    expect(cache.key({ method: m1, options: {}, datasets: [A] })).not.toBe(
      cache.key({ method: m2, options: {}, datasets: [A] }),
    );
  });

  it("differs when a dataset's sha256, the dataset set or the software version differs", () => {
    const base = cache.key({ method: "m", options: { x: 1 }, datasets: [A] });
    expect(cache.key({ method: "m", options: { x: 1 }, datasets: [{ id: "a", sha256: "cc".repeat(32) }] })).not.toBe(
      base,
    );
    expect(cache.key({ method: "m", options: { x: 1 }, datasets: [A, B] })).not.toBe(base);
    expect(
      createResultCache({ software: "shushi@other" }).key({ method: "m", options: { x: 1 }, datasets: [A] }),
    ).not.toBe(base);
  });

  it("does not depend on the order of the datasets", () => {
    expect(cache.key({ method: "m", options: {}, datasets: [B, A] })).toBe(
      cache.key({ method: "m", options: {}, datasets: [A, B] }),
    );
  });

  it("refuses one dataset listed with two sha256 values", () => {
    expect(() => cache.key({ method: "m", options: {}, datasets: [A, { id: "a", sha256: "00" }] })).toThrow(RangeError);
  });

  it("refuses options that are not plain JSON", () => {
    expect(() => cache.key({ method: "m", options: { at: new Date(0) }, datasets: [] })).toThrow(ResultNotJsonError);
  });
});

describe("ResultCache.getOrCompute", () => {
  it("computes on a miss and answers the same JSON from memory afterwards", async () => {
    const cache = createResultCache({ software: SOFTWARE });
    let calls = 0;
    const compute = async () => {
      calls++;
      return { influence: [1.25, 0.75], table: "t" };
    };
    const first = await cache.getOrCompute("k", meta("a"), compute);
    const second = await cache.getOrCompute("k", meta("a"), compute);
    expect(first.hit).toBe("miss");
    expect(second.hit).toBe("memory");
    expect(second.json).toBe(first.json);
    expect(second.value).toEqual({ influence: [1.25, 0.75], table: "t" });
    expect(second.etag).toBe(etagOf(first.json));
    expect(new TextDecoder().decode(second.body)).toBe(first.json);
    expect(calls).toBe(1);
    expect(cache.stats()).toMatchObject({ entries: 1, hits: 1, misses: 1, storeHits: 0 });
  });

  it("computes once for identical concurrent misses", async () => {
    const cache = createResultCache({ software: SOFTWARE });
    const gate = deferred<JsonValue>();
    let calls = 0;
    const compute = () => {
      calls++;
      return gate.promise;
    };
    const waiting = Promise.all([1, 2, 3].map(() => cache.getOrCompute("k", meta("a"), compute)));
    gate.resolve({ v: 1 });
    const results = await waiting;
    expect(calls).toBe(1);
    expect(new Set(results.map((r) => r.json))).toEqual(new Set(['{"v":1}']));
    expect(cache.stats()).toMatchObject({ misses: 1, coalesced: 2 });
  });

  it("does not cache a failing computation, and every waiting caller gets its error", async () => {
    const cache = createResultCache({ software: SOFTWARE });
    const gate = deferred<JsonValue>();
    const first = cache.getOrCompute("k", meta("a"), () => gate.promise);
    const joined = cache.getOrCompute("k", meta("a"), () => Promise.resolve("never called"));
    gate.reject(new Error("boom"));
    await expect(first).rejects.toThrow("boom");
    await expect(joined).rejects.toThrow("boom");
    expect(cache.stats().entries).toBe(0);
    const retry = await cache.getOrCompute("k", meta("a"), async () => "ok");
    expect(retry).toMatchObject({ hit: "miss", json: '"ok"' });
  });

  it("refuses a Float64Array value with a clear error instead of turning it into an object", async () => {
    const cache = createResultCache({ software: SOFTWARE });
    const failing = cache.getOrCompute("k", meta("a"), async () => ({
      sectors: [{ influence: new Float64Array([1, 2]) }] as unknown as JsonValue,
    }));
    await expect(failing).rejects.toThrow(ResultNotJsonError);
    await expect(failing).rejects.toMatchObject({
      code: "result_not_json",
      path: "$.sectors[0].influence",
      found: "Float64Array",
    });
    expect(cache.stats().entries).toBe(0);
  });

  it.each([
    ["NaN", Number.NaN],
    ["Infinity", Number.POSITIVE_INFINITY],
    ["a bigint", 1n],
    ["a Map", new Map()],
    ["a function", () => 0],
    ["undefined in an array", [1, undefined]],
  ])("refuses %s", async (_, bad) => {
    const cache = createResultCache({ software: SOFTWARE });
    await expect(cache.getOrCompute("k", meta(), async () => ({ bad }) as unknown as JsonValue)).rejects.toThrow(
      ResultNotJsonError,
    );
  });

  it("refuses a circular value", async () => {
    const cache = createResultCache({ software: SOFTWARE });
    const o: Record<string, unknown> = {};
    o.self = o;
    await expect(cache.getOrCompute("k", meta(), async () => o as JsonValue)).rejects.toMatchObject({
      path: "$.self",
    });
  });
});

describe("ResultCache bounds", () => {
  it("evicts the least recently used entry beyond maxEntries", async () => {
    const cache = createResultCache({ software: SOFTWARE, maxEntries: 2 });
    await cache.getOrCompute("k1", meta(), async () => 1);
    await cache.getOrCompute("k2", meta(), async () => 2);
    await cache.getOrCompute("k1", meta(), async () => 1); // k1 now most recent
    await cache.getOrCompute("k3", meta(), async () => 3); // evicts k2
    expect((await cache.getOrCompute("k1", meta(), async () => 1)).hit).toBe("memory");
    expect((await cache.getOrCompute("k2", meta(), async () => 2)).hit).toBe("miss");
    expect(cache.stats()).toMatchObject({ entries: 2 });
  });

  it("keeps the UTF-8 bytes of the JSON within maxBytes", async () => {
    const cache = createResultCache({ software: SOFTWARE, maxBytes: 30 });
    await cache.getOrCompute("k1", meta(), async () => "数实数实"); // 14 bytes with quotes
    await cache.getOrCompute("k2", meta(), async () => "数实数实");
    expect(cache.stats()).toMatchObject({ entries: 2, bytes: 28 });
    await cache.getOrCompute("k3", meta(), async () => "x");
    expect(cache.stats()).toMatchObject({ entries: 2, bytes: 17, evictions: 1 });
  });

  it("serves but does not keep a result larger than maxBytes", async () => {
    const cache = createResultCache({ software: SOFTWARE, maxBytes: 10 });
    await cache.getOrCompute("small", meta(), async () => 1);
    const big = await cache.getOrCompute("big", meta(), async () => "x".repeat(100));
    expect(big.json).toHaveLength(102);
    expect(cache.stats()).toMatchObject({ entries: 1, bytes: 1 });
  });
});

describe("ResultCache.invalidateDataset", () => {
  it("drops the memory entries naming the dataset and keeps the others", async () => {
    const cache = createResultCache({ software: SOFTWARE });
    await cache.getOrCompute("ka", meta("a"), async () => "a");
    await cache.getOrCompute("kab", meta("a", "b"), async () => "ab");
    await cache.getOrCompute("kb", meta("b"), async () => "b");
    cache.invalidateDataset("a");
    expect(cache.stats().entries).toBe(1);
    expect((await cache.getOrCompute("kb", meta("b"), async () => "b")).hit).toBe("memory");
    expect((await cache.getOrCompute("ka", meta("a"), async () => "a")).hit).toBe("miss");
  });

  it("does not keep a result whose computation was running when its dataset changed", async () => {
    const { store, puts } = memoryStore();
    const cache = createResultCache({ software: SOFTWARE, persistent: store });
    const gate = deferred<JsonValue>();
    const running = cache.getOrCompute("k", meta("a"), () => gate.promise);
    await Promise.resolve();
    cache.invalidateDataset("a");
    gate.resolve("old");
    expect((await running).json).toBe('"old"');
    await cache.flush();
    expect(cache.stats().entries).toBe(0);
    expect(puts).toEqual([]);
  });

  it("clear() drops everything", async () => {
    const cache = createResultCache({ software: SOFTWARE });
    await cache.getOrCompute("k", meta("a"), async () => 1);
    cache.clear();
    expect(cache.stats()).toMatchObject({ entries: 0, bytes: 0 });
  });
});

describe("ResultCache with a persistent store", () => {
  it("writes a computed result with its method and datasets", async () => {
    const { store, rows, puts } = memoryStore();
    const cache = createResultCache({ software: SOFTWARE, persistent: store });
    await cache.getOrCompute("k", meta("a", "b"), async () => ({ x: 1 }));
    await cache.flush();
    expect(puts).toEqual([{ key: "k", method: "io.linkages", datasetIds: ["a", "b"] }]);
    expect(rows.get("k")).toBe('{"x":1}');
  });

  it("answers from the store without computing, then from memory", async () => {
    const { store } = memoryStore({ k: '{"x":2}' });
    const cache = createResultCache({ software: SOFTWARE, persistent: store });
    const never = async (): Promise<JsonValue> => {
      throw new Error("must not compute");
    };
    const first = await cache.getOrCompute("k", meta("a"), never);
    expect(first).toMatchObject({ hit: "store", json: '{"x":2}', value: { x: 2 } });
    expect((await cache.getOrCompute("k", meta("a"), never)).hit).toBe("memory");
    expect(cache.stats()).toMatchObject({ storeHits: 1, hits: 1, misses: 0 });
  });

  it("computes when the store fails or holds corrupt JSON, and reports the failure", async () => {
    const errors: string[] = [];
    const failing: PersistentResultStore = {
      get: async (key) => (key === "corrupt" ? "{not json" : Promise.reject(new Error("disk"))),
      put: () => {
        throw new Error("read-only"); // even a synchronous throw must not fail the request
      },
    };
    const cache = createResultCache({
      software: SOFTWARE,
      persistent: failing,
      onStoreError: (_, op, key) => errors.push(`${op} ${key}`),
    });
    expect((await cache.getOrCompute("k", meta("a"), async () => 1)).hit).toBe("miss");
    expect((await cache.getOrCompute("corrupt", meta("a"), async () => 2)).json).toBe("2");
    await cache.flush();
    expect(errors.sort()).toEqual(["get corrupt", "get k", "put corrupt", "put k"]);
    expect(cache.stats()).toMatchObject({ storeErrors: 4, entries: 2 });
  });
});

describe("etagOf", () => {
  it("is the quoted sha256 hex of the UTF-8 body", () => {
    // sha256("{}") from `printf '{}' | sha256sum`
    expect(etagOf("{}")).toBe('"44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a"');
  });
});
