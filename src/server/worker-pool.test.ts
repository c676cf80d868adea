/**
 * The worker pool of method computations (worker-pool.ts, ADR 0009): same JSON as the event loop,
 * errors carried across the thread boundary with their codes, per-client refusal (429), time limit
 * (503), cancellation. No timed assertions: the limits below are set so the outcome does not depend on
 * the machine's speed (a 1 ms limit against a worker that needs seconds to start).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fakeMeta, fixedClock, memorySource, threeSectorTable } from "../app/test-fixtures.js";
import { EdgeError, RemoteError } from "../methods/errors.js";
import { createApp } from "./app.js";
import { createWorkerPool, type MethodTask, type WorkerPool } from "./worker-pool.js";

const TEMPLATE = [
  "# unit: 万元",
  "code,name,01,02,03,fd_final_demand,output",
  "01,农业 Agriculture,150,500,50,300,1000",
  "02,制造业 Manufacturing,200,100,400,1300,2000",
  "03,服务业 Services,300,0,0,700,1000",
  "va_value_added,增加值 Value added,350,1400,550,,",
].join("\n");

const source = () => memorySource([{ meta: fakeMeta("t3", 2015), table: threeSectorTable() }]);

function task(method = "io.linkages", options: Record<string, unknown> = {}): MethodTask {
  const table = threeSectorTable();
  return {
    method,
    options: { groupMethod: "two_block", variant: "leontief", imports: "competitive", ...options },
    input: { table, meta: fakeMeta("t3", 2015) },
    lang: "en",
    backend: "typescript",
  };
}

describe("worker pool", () => {
  let pool: WorkerPool;
  beforeAll(() => {
    pool = createWorkerPool({ threads: 1 });
  });
  afterAll(async () => {
    await pool.close();
  });

  it("GET and POST routes answer the same JSON from the pool as on the event loop", async () => {
    const inline = createApp({ source: source(), clock: fixedClock, cache: false });
    const pooled = createApp({ source: source(), clock: fixedClock, cache: false, pool, poolMinSectors: 1 });
    for (const path of [
      "/api/io/linkages?table=t3&group=01,02",
      "/api/io/intensity?table=t3&group=02&lang=en",
      "/api/io/matrix?table=t3&which=L",
    ]) {
      const a = await inline.request(path);
      const b = await pooled.request(path);
      expect(b.status, path).toBe(200);
      expect(await b.text(), path).toBe(await a.text());
    }
    const upload = (app: typeof inline) =>
      app.request("/api/io/linkages?group=01&file=t.csv", { method: "POST", body: TEMPLATE });
    const a = await upload(inline);
    const b = await upload(pooled);
    expect(b.status).toBe(200);
    expect(await b.text()).toBe(await a.text());
    const before = pool.stats().completed;
    await pooled.request("/api/io/linkages?table=t3&group=01");
    expect(pool.stats().completed).toBe(before + 1);
  });

  it("a method's error comes back with its code and status (unknown sector → 400, unknown dataset → 404)", async () => {
    const pooled = createApp({ source: source(), clock: fixedClock, cache: false, pool, poolMinSectors: 1 });
    const res = await pooled.request("/api/io/linkages?table=t3&group=99&lang=en");
    expect(res.status).toBe(400);
    expect(((await res.json()) as { code: string }).code).toBe("unknown_sector");
    const missing = await pooled.request("/api/io/linkages?table=nope");
    expect(missing.status).toBe(404);
    const direct = await pool.run(task("io.linkages", { group: "99" }), { clientId: "a" }).catch((e: unknown) => e);
    expect(direct).toBeInstanceOf(RemoteError);
    expect((direct as RemoteError).described.code).toBe("unknown_sector");
  });

  it("refuses a client's computation beyond its running and waiting slots as busy (429)", async () => {
    const small = createWorkerPool({ threads: 1, perClient: 1, perClientQueue: 1 });
    try {
      const first = small.run(task(), { clientId: "a" });
      const second = small.run(task(), { clientId: "a" });
      const third = await small.run(task(), { clientId: "a" }).catch((e: unknown) => e);
      const other = small.run(task(), { clientId: "b" }); // another client is not limited by a's slots
      expect(third).toBeInstanceOf(EdgeError);
      expect((third as EdgeError).category).toBe("busy");
      await expect(Promise.all([first, second, other])).resolves.toHaveLength(3);
      expect(small.stats().refused).toBe(1);
    } finally {
      await small.close();
    }
  });

  it("stops a computation past the time limit (timeout, 503) and one whose request was aborted", async () => {
    const strict = createWorkerPool({ threads: 1, timeoutMs: 1 });
    try {
      const e = await strict.run(task(), { clientId: "a" }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(EdgeError);
      expect((e as EdgeError).code).toBe("timeout");
    } finally {
      await strict.close();
    }
    const abort = new AbortController();
    const running = pool.run(task(), { clientId: "a", signal: abort.signal }).catch((x: unknown) => x);
    abort.abort();
    const e = await running;
    expect(e).toBeInstanceOf(EdgeError);
    expect((e as EdgeError).code).toBe("cancelled");
    // the pool still serves afterwards
    await expect(pool.run(task(), { clientId: "a" })).resolves.toMatchObject({ table: "t3" });
  });
});
