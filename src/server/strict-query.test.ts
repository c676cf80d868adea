/**
 * Strict query validation at the edge (issue 6, point 7): every malformed or oversized query value is
 * a coded 400 (`invalid_value` with `limit` naming the bound, or `unknown_option`) and reaches neither
 * a method nor the importer.
 */
import { describe, expect, it } from "vitest";
import type { DatasetImporter } from "../app/datasets.js";
import { fakeMeta, fixedClock, memorySource, threeSectorTable } from "../app/test-fixtures.js";
import { createApp } from "./app.js";

const TEMPLATE = [
  "# unit: 万元",
  "code,name,01,02,03,fd_final_demand,output",
  "01,农业 Agriculture,150,500,50,300,1000",
  "02,制造业 Manufacturing,200,100,400,1300,2000",
  "03,服务业 Services,300,0,0,700,1000",
  "va_value_added,增加值 Value added,350,1400,550,,",
].join("\n");

function makeApp() {
  const imported: string[] = [];
  const importer: DatasetImporter = async (_bytes, o) => {
    imported.push(o.id);
    return { ok: true, value: fakeMeta(o.id, 2020), warnings: [] };
  };
  const source = memorySource([{ meta: fakeMeta("t3", 2015), table: threeSectorTable() }]);
  return { app: createApp({ source, clock: fixedClock, importer }), imported };
}

interface Body {
  code: string;
  params: Record<string, unknown>;
}

async function get(path: string): Promise<{ status: number; body: Body }> {
  const res = await makeApp().app.request(path);
  return { status: res.status, body: (await res.json()) as Body };
}

const q = encodeURIComponent;

describe("method query parameters", () => {
  it.each([
    ["through=0x834", "through"],
    ["through=2e3", "through"],
    ["through=2000.0", "through"],
    ["through=%202000", "through"],
    ["through=3000", "through"],
  ])("io series %s → 400 invalid_value", async (query, option) => {
    const r = await get(`/api/io/series?${query}`);
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ code: "invalid_value", params: { option } });
  });

  it("bounds the group list: at most 1000 codes", async () => {
    const codes = Array.from({ length: 1001 }, () => "1").join(",");
    const r = await get(`/api/io/linkages?table=t3&group=${codes}`);
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ code: "invalid_value", params: { option: "group", limit: "max_items", max: 1000 } });
    expect(String(r.body.params.value).length).toBeLessThanOrEqual(201);
  });

  it("bounds the group list: codes of at most 200 characters", async () => {
    const r = await get(`/api/io/linkages?table=t3&group=01,${"9".repeat(201)}`);
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ params: { option: "group", limit: "max_item_length", max: 200 } });
  });

  it("still accepts a group of real codes", async () => {
    const r = await get("/api/io/linkages?table=t3&group=01,02");
    expect(r.status).toBe(200);
  });

  it("refuses control characters in text values", async () => {
    const r = await get(`/api/io/linkages?table=t3&group=${q("01\n02")}`);
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ code: "invalid_value", params: { limit: "control_character" } });
  });

  it.each([
    "../../x",
    "a/../../x",
    "a//b",
    "a/",
    "<img src=x onerror=alert(1)>",
    '=HYPERLINK("http://x","y")',
    "x".repeat(201),
  ])("refuses the dataset id %j", async (id) => {
    const r = await get(`/api/io/linkages?table=${q(id)}`);
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ code: "invalid_value", params: { option: "table" } });
  });

  it("echoes at most 200 characters of a bad value", async () => {
    const r = await get(`/api/io/linkages?table=t3&variant=${"v".repeat(100_000)}`);
    expect(r.status).toBe(400);
    expect(String(r.body.params.value).length).toBeLessThanOrEqual(201);
  });
});

describe("platform query parameters", () => {
  it("GET /api/datasets/:id refuses a malformed id with 400", async () => {
    const r = await get(`/api/datasets/${q("<script>")}`);
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ code: "invalid_value", params: { option: "id", limit: "dataset_id" } });
    expect((await get("/api/datasets/nope")).status).toBe(404);
  });

  async function importWith(query: string) {
    const { app, imported } = makeApp();
    const res = await app.request(`/api/datasets/import?${query}`, { method: "POST", body: TEMPLATE });
    return { status: res.status, body: (await res.json()) as Body, imported };
  }

  it("imports with well-formed parameters", async () => {
    const r = await importWith(`id=user/ana/t3b&file=t.csv&year=2020&replace=false&titleEn=${q("A table")}`);
    expect(r.status).toBe(201);
    expect(r.imported).toEqual(["user/ana/t3b"]);
  });

  it.each([
    ["id=../../x", "invalid_value", { option: "id", limit: "dataset_id" }],
    [`id=${q("<img src=x onerror=alert(1)>")}`, "invalid_value", { option: "id", limit: "dataset_id" }],
    [`id=${q('=HYPERLINK("http://x","y")')}`, "invalid_value", { option: "id", limit: "dataset_id" }],
    ["id=ok&fromClassification=../x", "invalid_value", { option: "fromClassification", limit: "dataset_id" }],
    ["id=ok&year=0x7D0", "invalid_value", { option: "year" }],
    ["id=ok&year=2e3", "invalid_value", { option: "year" }],
    ["id=ok&year=1800", "invalid_value", { option: "year" }],
    ["id=ok&replace=yes", "invalid_value", { option: "replace" }],
    ["id=ok&id=other", "invalid_value", { option: "id", limit: "repeated" }],
    [`id=ok&unit=${"u".repeat(201)}`, "invalid_value", { option: "unit", limit: "max_length", max: 200 }],
    [`id=ok&titleZh=${"题".repeat(501)}`, "invalid_value", { option: "titleZh", limit: "max_length", max: 500 }],
    [`id=ok&sheet=${q("a\u0000b")}`, "invalid_value", { option: "sheet", limit: "control_character" }],
    ["id=ok&bogus=1", "unknown_option", { option: "bogus" }],
  ])("POST /api/datasets/import?%s → 400 %s", async (query, code, params) => {
    const r = await importWith(query);
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ code, params });
    expect(r.imported).toEqual([]);
  });
});
