import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { createResultCache, etagOf } from "../app/index.js";
import { CACHE_CONTROL_DATASET_RESULT, cachedJson, ifNoneMatchMatches } from "./http-cache.js";

const JSON_BODY = '{"influence":[1.25,0.75]}';
const ETAG = etagOf(JSON_BODY);

/** A tiny app: /fixed answers one body; /cached goes through a result cache and counts computations. */
function tinyApp() {
  const app = new Hono();
  const cache = createResultCache({ software: "shushi@test" });
  let computed = 0;
  app.get("/fixed", (c) => cachedJson(c, { json: JSON_BODY, etag: ETAG }, { vary: "Accept-Language" }));
  app.post("/fixed", (c) => cachedJson(c, { json: JSON_BODY, etag: ETAG }));
  app.get("/cached", async (c) => {
    const key = cache.key({ method: "m", options: { lang: "en" }, datasets: [{ id: "a", sha256: "00" }] });
    const r = await cache.getOrCompute(key, { method: "m", datasetIds: ["a"] }, async () => {
      computed++;
      return { influence: [1.25, 0.75] };
    });
    return cachedJson(c, r);
  });
  return { app, computed: () => computed };
}

describe("cachedJson", () => {
  it("sends the body with ETag, Cache-Control, Vary and a JSON content type", async () => {
    const res = await tinyApp().app.request("/fixed");
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(JSON_BODY);
    expect(res.headers.get("etag")).toBe(ETAG);
    expect(res.headers.get("cache-control")).toBe(CACHE_CONTROL_DATASET_RESULT);
    expect(res.headers.get("vary")).toBe("Accept-Language");
    expect(res.headers.get("content-type")).toBe("application/json; charset=UTF-8");
  });

  it("answers 304 without a body, repeating ETag and Cache-Control, when If-None-Match names the ETag", async () => {
    const res = await tinyApp().app.request("/fixed", { headers: { "If-None-Match": ETAG } });
    expect(res.status).toBe(304);
    expect(await res.text()).toBe("");
    expect(res.headers.get("etag")).toBe(ETAG);
    expect(res.headers.get("cache-control")).toBe(CACHE_CONTROL_DATASET_RESULT);
    expect(res.headers.get("vary")).toBe("Accept-Language");
  });

  it("sends the UTF-8 bytes when given them, with the same ETag as the text", async () => {
    const app = new Hono();
    const json = '{"name":"数字经济"}';
    app.get("/bytes", (c) =>
      cachedJson(c, { json: "unused", body: new TextEncoder().encode(json), etag: etagOf(json) }),
    );
    const res = await app.request("/bytes");
    expect(await res.text()).toBe(json);
    expect(res.headers.get("content-type")).toBe("application/json; charset=UTF-8");
    expect(res.headers.get("etag")).toBe(etagOf(new TextEncoder().encode(json)));
  });

  it("answers 200 with the body when If-None-Match names another ETag", async () => {
    const res = await tinyApp().app.request("/fixed", { headers: { "If-None-Match": '"stale"' } });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(JSON_BODY);
  });

  it("ignores If-None-Match on a POST", async () => {
    const res = await tinyApp().app.request("/fixed", { method: "POST", headers: { "If-None-Match": ETAG } });
    expect(res.status).toBe(200);
  });

  it("serves a result-cache entry: 200 then 304 on revalidation, computing once", async () => {
    const t = tinyApp();
    const first = await t.app.request("/cached");
    const etag = first.headers.get("etag") ?? "";
    expect(first.status).toBe(200);
    expect(JSON.parse(await first.text())).toEqual({ influence: [1.25, 0.75] });
    expect(etag).toBe(etagOf('{"influence":[1.25,0.75]}'));
    const second = await t.app.request("/cached", { headers: { "If-None-Match": etag } });
    expect(second.status).toBe(304);
    expect(t.computed()).toBe(1);
  });
});

describe("ifNoneMatchMatches", () => {
  it.each([
    [undefined, false],
    ["", false],
    ['"abc"', true],
    ['W/"abc"', true],
    ['"x", "abc"', true],
    ['"x",W/"abc"', true],
    ["*", true],
    ['"abcd"', false],
    ['"a,bc"', false],
  ])('If-None-Match %j against "abc" → %s', (header, expected) => {
    expect(ifNoneMatchMatches(header, '"abc"')).toBe(expected);
  });
});
