/**
 * Heavy work never stalls the service (issue 6 §6, §9): the real server (`startServer` over a copy of
 * the store built from the shipped data) on an ephemeral loopback port; while a WIOD linkage request
 * (1 435 sectors, seconds of computation) runs in the worker pool, `/api/health` answers. Asserted only
 * as "answered before the heavy request finished" — the latency itself is measured in
 * bench/api-load/mixed.ts (docs/benchmarks.md).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openShippedStore } from "../../test/helpers/real-app.js";
import type { DataStore } from "../app/store.js";
import { type RunningServer, startServer } from "./main.js";

describe("the real server under a WIOD-size computation", () => {
  let opened: { store: DataStore; close: () => Promise<void> };
  let server: RunningServer;
  beforeAll(async () => {
    opened = await openShippedStore();
    server = await startServer({ port: 0, host: "127.0.0.1", store: opened.store, webDist: "/nonexistent" });
  });
  afterAll(async () => {
    await server?.close();
    await opened?.close();
  });

  it("answers /api/health while a WIOD linkage request computes in the pool", async () => {
    const pool = server.pool;
    expect(pool).toBeDefined();
    let heavyDone = false;
    const heavy = fetch(new URL("api/io/linkages?table=wiod-2011&lang=en", server.url)).then(async (res) => {
      const body = (await res.json()) as { sectors?: unknown[] };
      heavyDone = true;
      return { status: res.status, sectors: body.sectors?.length };
    });
    // wait until the computation is in the pool (the main thread has loaded the table and sent it)
    while (!heavyDone && (pool?.stats().active ?? 0) === 0) await new Promise((r) => setTimeout(r, 10));
    expect(heavyDone, "the WIOD request finished before it reached the pool").toBe(false);

    const health = await fetch(new URL("api/health", server.url));
    const answeredWhileHeavyRan = !heavyDone;
    expect(health.status).toBe(200);
    expect(answeredWhileHeavyRan).toBe(true);

    const h = await heavy;
    expect(h).toEqual({ status: 200, sectors: 1435 });
  });
});
