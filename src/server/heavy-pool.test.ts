/**
 * Heavy computations of the composite family go to the worker pool (issue 6 point 6 for the new
 * families): `region rank` and `index uncertainty` with many Monte-Carlo runs are prepared on the main
 * thread (the provincial table, the uploaded panel) and computed in a worker; the answer is the same
 * JSON as on the event loop. The pool's completed-task counter shows where it ran. No timing asserted.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openShippedStore } from "../../test/helpers/real-app.js";
import type { DataStore } from "../app/store.js";
import { fixedClock } from "../app/test-fixtures.js";
import { createApp } from "./app.js";
import { createWorkerPool, type WorkerPool } from "./worker-pool.js";

let store: DataStore;
let close: () => Promise<void>;
let pool: WorkerPool;
beforeAll(async () => {
  ({ store, close } = await openShippedStore());
  pool = createWorkerPool({ threads: 1 });
});
afterAll(async () => {
  await pool.close();
  await close();
});

const PANEL = [
  "entity,year,a,b,c",
  ...["R1,2020,1,5,3", "R2,2020,2,4,1", "R3,2020,4,1,2", "R4,2020,3,3,3"],
  ...["R1,2021,2,6,3", "R2,2021,3,3,1", "R3,2021,5,2,2", "R4,2021,3,4,4"],
].join("\n");
const SPEC = JSON.stringify({
  id: "t",
  pillars: [
    {
      id: "P1",
      children: [
        { id: "a", column: "a", direction: "+" },
        { id: "b", column: "b", direction: "+" },
      ],
    },
    { id: "P2", children: [{ id: "c", column: "c", direction: "-" }] },
  ],
});

describe("heavy composite computations run in the worker pool", () => {
  it("GET /api/region/rank with runs ≥ 500: same JSON from the pool as on the event loop", async () => {
    const inline = createApp({ source: store.source, clock: fixedClock, cache: false });
    const pooled = createApp({ source: store.source, clock: fixedClock, cache: false, pool });
    const path = "/api/region/rank?year=2012&runs=500&seed=5";
    const before = pool.stats().completed;
    const b = await pooled.request(path);
    expect(b.status).toBe(200);
    expect(pool.stats().completed).toBe(before + 1);
    expect(await b.text()).toBe(await (await inline.request(path)).text());
    // few runs stay on the event loop
    await pooled.request("/api/region/rank?year=2012&runs=10");
    expect(pool.stats().completed).toBe(before + 1);
  }, 120_000);

  it("POST /api/index/uncertainty with an uploaded panel and runs ≥ 500: computed in the pool, same JSON", async () => {
    const inline = createApp({ source: store.source, clock: fixedClock, cache: false });
    const pooled = createApp({ source: store.source, clock: fixedClock, cache: false, pool });
    const path = `/api/index/uncertainty?runs=600&seed=2&file=p.csv&spec=${encodeURIComponent(SPEC)}`;
    const before = pool.stats().completed;
    const b = await pooled.request(path, { method: "POST", body: PANEL });
    expect(b.status, await b.clone().text()).toBe(200);
    expect(pool.stats().completed).toBe(before + 1);
    expect(await b.text()).toBe(await (await inline.request(path, { method: "POST", body: PANEL })).text());
  }, 120_000);
});
