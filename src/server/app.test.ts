import { describe, expect, it } from "vitest";
import { expectAllClose, expectClose } from "../../test/helpers/close.js";
import type { DatasetImporter } from "../app/datasets.js";
import type { ReproductionRow } from "../app/index.js";
import { fakeMeta, fixedClock, memorySource, threeSectorTable } from "../app/test-fixtures.js";
import { DATA_ISSUE_CODES } from "../i18n/codes.js";
import { METHODS } from "../methods/index.js";
import { createApp } from "./app.js";

const TEMPLATE = [
  "# unit: 万元",
  "code,name,01,02,03,fd_final_demand,output",
  "01,农业 Agriculture,150,500,50,300,1000",
  "02,制造业 Manufacturing,200,100,400,1300,2000",
  "03,服务业 Services,300,0,0,700,1000",
  "va_value_added,增加值 Value added,350,1400,550,,",
].join("\n");

function makeApp(extra: Partial<Parameters<typeof createApp>[0]> = {}) {
  const source = memorySource([{ meta: fakeMeta("t3", 2015), table: threeSectorTable() }]);
  return createApp({ source, clock: fixedClock, ...extra });
}

async function json(res: Response): Promise<Record<string, unknown>> {
  return (await res.json()) as Record<string, unknown>;
}

describe("HTTP API", () => {
  it("GET /api/health answers ok", async () => {
    const res = await makeApp().request("/api/health");
    expect(res.status).toBe(200);
    expect((await json(res)).status).toBe("ok");
  });

  it("GET /api/datasets lists datasets; GET /api/datasets/:id shows meta, sectors and validation", async () => {
    const app = makeApp();
    const list = await json(await app.request("/api/datasets"));
    expect((list.datasets as { id: string }[]).map((d) => d.id)).toEqual(["t3"]);
    const res = await app.request("/api/datasets/t3");
    expect(res.status).toBe(200);
    const show = await json(res);
    expect(show.id).toBe("t3");
    expect((show.sectors as unknown[]).length).toBe(3);
    expect((show.validation as { ok: boolean }).ok).toBe(true);
  });

  it("GET /api/io/linkages returns the linkage JSON of ADR 0001 (spec §5.9 three-sector table, 1e-6)", async () => {
    const res = await makeApp().request("/api/io/linkages?table=t3&group=01,02&groupMethod=merge");
    expect(res.status).toBe(200);
    const body = await json(res);
    const sectors = body.sectors as {
      code: string;
      name_zh: string;
      name_en: string;
      influence: number;
      sensitivity: number;
    }[];
    // spec methods §5.9 (numpy, §15 cmd C6)
    expectAllClose(
      sectors.map((s) => s.influence),
      [1.175063, 0.876574, 0.948363],
      { atol: 1e-6 },
    );
    expectAllClose(
      sectors.map((s) => s.sensitivity),
      [1.018262, 1.13728, 0.844458],
      { atol: 1e-6 },
    );
    expect(sectors[0]).toMatchObject({ code: "01", name_zh: "农业", name_en: "Agriculture" });
    const block = body.block as { codes: string[]; influence: number; sensitivity: number; method: string };
    expect(block.codes).toEqual(["01", "02"]);
    expect(block.method).toBe("merge");
    // spec §5.9: merge F_G = 0.985075, E_G = 1.298507
    expectClose(block.influence, 0.985075, { atol: 1e-6 });
    expectClose(block.sensitivity, 1.298507, { atol: 1e-6 });
    expect(body.variant).toBe("leontief");
    const diags = body.diagnostics as { code: string; message: string }[];
    expect(diags.length).toBeGreaterThan(0);
    expect(diags.every((d) => d.message.length > 0)).toBe(true);
    const prov = body.provenance as Record<string, unknown>;
    expect(prov.computedAt).toBe("2026-01-02T03:04:05.000Z");
    expect(prov.software).toMatch(/^shushi@/);
    expect((prov.datasets as { id: string; sha256: string }[])[0]).toMatchObject({
      id: "t3",
      sha256: "0".repeat(64),
    });
    expect((prov.parameters as Record<string, unknown>).groupMethod).toBe("merge");
  });

  it("GET and POST /api/io/matrix serve pages of rows (?offset=&limit=), each the slice of the whole", async () => {
    const app = makeApp();
    const whole = await json(await app.request("/api/io/matrix?table=t3&which=L"));
    expect(whole.page).toBeUndefined();
    const rows = whole.values as number[][];
    for (const [offset, limit] of [
      [0, 1],
      [1, 2],
      [2, 5],
      [3, 1],
    ] as const) {
      const res = await app.request(`/api/io/matrix?table=t3&which=L&offset=${offset}&limit=${limit}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("etag")).not.toBe(null);
      const page = await json(res);
      expect(page.values).toEqual(rows.slice(offset, offset + limit));
      expect(page.page).toEqual({ field: "values", offset, limit, total: 3 });
      expect(page.codes).toEqual(whole.codes);
    }
    const first = await json(await app.request("/api/io/matrix?table=t3&which=L&limit=2"));
    expect(first.page).toEqual({ field: "values", offset: 0, limit: 2, total: 3 });
    const posted = await json(
      await app.request("/api/io/matrix?which=L&file=t.csv&offset=1&limit=1", { method: "POST", body: TEMPLATE }),
    );
    expect(posted.page).toEqual({ field: "values", offset: 1, limit: 1, total: 3 });
    expect((posted.values as number[][]).length).toBe(1);
    for (const bad of ["offset=4", "limit=0", "limit=10001", "offset=-1", "offset=1e2", "limit=0x10", "offset="]) {
      const res = await app.request(`/api/io/matrix?table=t3&which=L&${bad}`);
      expect(res.status, bad).toBe(400);
      expect((await json(res)).code, bad).toBe("invalid_value");
    }
    // only paged methods take the page parameters
    const linkages = await app.request("/api/io/linkages?table=t3&limit=2");
    expect(linkages.status).toBe(400);
    expect((await json(linkages)).code).toBe("unknown_option");
  });

  it("POST /api/io/linkages computes from an uploaded CSV without storing it", async () => {
    const res = await makeApp().request("/api/io/linkages?file=t.csv&lang=en", { method: "POST", body: TEMPLATE });
    expect(res.status).toBe(200);
    const body = await json(res);
    expectAllClose(
      (body.sectors as { influence: number }[]).map((s) => s.influence),
      [1.175063, 0.876574, 0.948363],
      { atol: 1e-6 },
    );
  });

  it("maps data issues to 422 with coded, located, localized issues", async () => {
    const bad = TEMPLATE.replace("200,100,400", "200,abc,400");
    const res = await makeApp().request("/api/io/linkages?file=bad.csv&lang=en", { method: "POST", body: bad });
    expect(res.status).toBe(422);
    const body = await json(res);
    expect(body.code).toBe("data_issues");
    expect(typeof body.message).toBe("string");
    const issues = body.issues as {
      code: string;
      path: { file: string; row: number; column: number };
      params: unknown;
      message: string;
    }[];
    expect(issues[0]).toMatchObject({
      code: "non_numeric_cell",
      path: { file: "bad.csv", row: 4, column: 4 },
      params: { value: "abc" },
    });
    expect(issues[0]?.message).toContain("not a number");
    expect(DATA_ISSUE_CODES).toContain(issues[0]?.code);
  });

  it("maps an unknown dataset to 404 and a bad group or option to 400", async () => {
    const app = makeApp();
    const missing = await app.request("/api/io/linkages?table=nope");
    expect(missing.status).toBe(404);
    expect(await json(missing)).toMatchObject({ code: "unknown_dataset", params: { id: "nope" } });
    expect((await app.request("/api/datasets/nope")).status).toBe(404);
    const badGroup = await app.request("/api/io/linkages?table=t3&group=99");
    expect(badGroup.status).toBe(400);
    expect(await json(badGroup)).toMatchObject({ code: "unknown_sector", params: { code: "99" } });
    const badVariant = await app.request("/api/io/linkages?table=t3&variant=foo");
    expect(badVariant.status).toBe(400);
    expect((await json(badVariant)).code).toBe("invalid_value");
    const noTable = await app.request("/api/io/linkages");
    expect(noTable.status).toBe(400);
    const domestic = await app.request("/api/io/linkages?table=t3&imports=domestic");
    expect(domestic.status).toBe(400);
    expect((await json(domestic)).code).toBe("invalid_argument");
    const unknownPath = await app.request("/api/nothing-here");
    expect(unknownPath.status).toBe(404);
  });

  it("answers 500 with code internal_error for unexpected failures", async () => {
    const app = createApp({
      source: {
        listDatasets: () => {
          throw new Error("disk on fire");
        },
        getMeta: () => undefined,
        loadIoTable: () => {
          throw new Error("x");
        },
      },
    });
    const res = await app.request("/api/datasets?lang=en");
    expect(res.status).toBe(500);
    const body = await json(res);
    expect(body.code).toBe("internal_error");
    expect(body.message).toContain("disk on fire");
  });

  it("selects the language by ?lang=, then cookie lang, then Accept-Language (zh-CN default)", async () => {
    const app = makeApp();
    const msg = async (init: RequestInit, q = "") =>
      (await json(await app.request(`/api/io/linkages?table=missing${q}`, init))).message as string;
    const zhDefault = await msg({});
    expect(zhDefault).toContain("数据集");
    expect(await msg({}, "&lang=en")).toContain("Dataset");
    expect(await msg({ headers: { cookie: "lang=en" } })).toContain("Dataset");
    expect(await msg({ headers: { "accept-language": "en-US,en;q=0.9" } })).toContain("Dataset");
    expect(await msg({ headers: { "accept-language": "en-US", cookie: "lang=zh-CN" } })).toContain("数据集");
    expect(await msg({ headers: { "accept-language": "en-US" } }, "&lang=zh-CN")).toContain("数据集");
    const diag = (await json(await app.request("/api/io/linkages?table=t3&lang=en"))).diagnostics as {
      message: string;
    }[];
    const diagZh = (await json(await app.request("/api/io/linkages?table=t3"))).diagnostics as { message: string }[];
    expect(diag[0]?.message).not.toBe(diagZh[0]?.message);
  });

  it("GET /api/io/intensity, /api/io/matrix and /api/io/series answer with provenance", async () => {
    const app = makeApp();
    const intensity = await json(await app.request("/api/io/intensity?table=t3&group=03"));
    const rows = intensity.sectors as {
      directTotal: number;
      directIntermediate: number;
      complete: number;
      forward: number;
    }[];
    // spec §5.9 with D = {sector 3}
    expectAllClose(
      rows.map((r) => r.directTotal),
      [0.3, 0, 0],
      { atol: 1e-12 },
    );
    expectAllClose(
      rows.map((r) => r.complete),
      [0.399579, 0.105152, 0.06204],
      { atol: 1e-6 },
    );
    expectAllClose(
      rows.map((r) => r.forward),
      [0.05, 0.2, 0],
      { atol: 1e-12 },
    );
    const m = await json(await app.request("/api/io/matrix?table=t3&which=A"));
    expect(m.codes).toEqual(["01", "02", "03"]);
    expectAllClose((m.values as number[][])[0] as number[], [0.15, 0.25, 0.05], { atol: 1e-15 });
    expect((await app.request("/api/io/matrix?table=t3&which=X")).status).toBe(400);
    expect((await app.request("/api/io/matrix?table=t3")).status).toBe(400);
    const series = await app.request("/api/io/series?group=01&family=nbs");
    expect(series.status).toBe(422); // fake table is not in the nbs family → too_few_observations (a data condition)
    expect((await json(series)).code).toBe("too_few_observations");
  });

  it("POST /api/datasets/import stores through the importer; 413 over the body limit; 501 without importer", async () => {
    const seen: string[] = [];
    const importer: DatasetImporter = async (bytes, o) => {
      seen.push(`${o.id}:${o.file}:${bytes instanceof Uint8Array ? bytes.length : bytes.path}`);
      return { ok: true, value: fakeMeta(o.id, 2020), warnings: [] };
    };
    const app = makeApp({ importer, bodyLimit: 1000 });
    const ok = await app.request("/api/datasets/import?id=mine&file=t.csv&unit=万元", {
      method: "POST",
      body: TEMPLATE,
    });
    expect(ok.status).toBe(201);
    expect(((await json(ok)).dataset as { id: string }).id).toBe("mine");
    expect(seen).toEqual([`mine:t.csv:${new TextEncoder().encode(TEMPLATE).length}`]);
    const big = await app.request("/api/datasets/import?id=big", { method: "POST", body: "x".repeat(5000) });
    expect(big.status).toBe(413);
    expect((await json(big)).code).toBe("payload_too_large");
    const noId = await app.request("/api/datasets/import", { method: "POST", body: TEMPLATE });
    expect(noId.status).toBe(400);
    const readOnly = await makeApp().request("/api/datasets/import?id=x", { method: "POST", body: TEMPLATE });
    expect(readOnly.status).toBe(501);
    const failing = makeApp({
      importer: async (_b, o) => ({
        ok: false,
        issues: [{ code: "dataset_exists", severity: "error", path: { file: o.file }, params: { id: o.id } }],
      }),
    });
    const exists = await failing.request("/api/datasets/import?id=t3&file=t.csv", { method: "POST", body: TEMPLATE });
    expect(exists.status).toBe(422);
    expect(((await json(exists)).issues as { code: string }[])[0]?.code).toBe("dataset_exists");
  });

  it("names an unnamed upload after its content (XLSX by its ZIP signature) in issue locations", async () => {
    const { readFileSync } = await import("node:fs");
    const { resolve } = await import("node:path");
    const xlsx = readFileSync(resolve(import.meta.dirname, "../../test/fixtures/bad/non-numeric.xlsx"));
    const seen: string[] = [];
    const importer: DatasetImporter = async (_b, o) => {
      seen.push(o.file);
      return {
        ok: false,
        issues: [{ code: "non_numeric_cell", severity: "error", path: { file: o.file }, params: {} }],
      };
    };
    const app = makeApp({ importer });
    const res = await app.request("/api/datasets/import?id=bad1", { method: "POST", body: xlsx });
    expect(res.status).toBe(422);
    await app.request("/api/datasets/import?id=bad2", { method: "POST", body: TEMPLATE });
    expect(seen).toEqual(["bad1.xlsx", "bad2.csv"]);
    const linkage = await json(await app.request("/api/io/linkages?lang=en", { method: "POST", body: xlsx }));
    const issue = (linkage.issues as { path: { file: string; sheet?: string; row?: number; column?: number } }[])[0];
    expect(issue?.path).toMatchObject({ file: "upload.xlsx", row: 5, column: 4 });
    expect(issue?.path.sheet).toBeDefined();
  });

  it("GET /api/reproduction returns the injected rows with the reason rendered in the request's language", async () => {
    const row: ReproductionRow = {
      key: "14-influence-2015",
      ref: "14",
      publishedId: "s000-io-influence-2015",
      quantity: "influence",
      year: 2015,
      computed: 1.041989,
      computedYear: 2015,
      published: 1.04,
      comparison: null,
      gap: 0.001989,
      tolerance: 0.005,
      status: "reproduced",
      tableId: "cn-nbs-io-2015-42",
      method: { group: ["S20", "S32"], groupMethod: "two_block", variant: "leontief", imports: "competitive" },
      reason: {
        code: "influence_table_year",
        params: {
          computedYear: 2015,
          computed: 1.041989,
          printed: "1.04",
          gap: 0.001989,
          tolerance: 0.005,
          within: true,
          lowest: true,
          years: [2012, 2015, 2017],
        },
      },
      citation: {
        seed: "000",
        titleZh: "实数融合报告",
        titleEn: "Integration report",
        publisher: "CAICT",
        where: "§二 图5",
      },
    };
    const app = makeApp({ reproduction: async () => ({ rows: [row] }) });
    const zh = (await json(await app.request("/api/reproduction"))) as {
      rows: { reason_zh: string; message: string }[];
    };
    const en = (await json(await app.request("/api/reproduction?lang=en"))) as { rows: { message: string }[] };
    expect(zh.rows[0]?.message).toBe(zh.rows[0]?.reason_zh);
    expect(zh.rows[0]?.message).toMatch(/[\u4e00-\u9fff]/);
    expect(en.rows[0]?.message).not.toMatch(/[\u4e00-\u9fff]/);
    expect((zh.rows[0] as unknown as ReproductionRow).published).toBe(1.04);
    expect(en.rows[0]).toMatchObject({ citation_en: "Integration report, §二 图5 (seed 000)" });
  });

  it("GET /api/openapi.json documents every endpoint of ADR 0001 and the error body", async () => {
    const doc = await json(await makeApp().request("/api/openapi.json"));
    expect(doc.openapi).toBe("3.1.0");
    const paths = doc.paths as Record<string, Record<string, unknown>>;
    const expected: [string, string][] = [
      ["/api/datasets", "get"],
      ["/api/datasets/{id}", "get"],
      ["/api/datasets/import", "post"],
      ["/api/io/linkages", "get"],
      ["/api/io/linkages", "post"],
      ["/api/io/intensity", "get"],
      ["/api/io/series", "get"],
      ["/api/io/matrix", "get"],
      ["/api/reproduction", "get"],
      ["/api/openapi.json", "get"],
      ["/api/health", "get"],
    ];
    for (const [path, method] of expected) expect(paths[path]?.[method], `${method} ${path}`).toBeDefined();
    // every declared method has its path, with one query parameter per declared option (and paging), and nothing else
    const declared = new Set(METHODS.map((m) => m.path));
    const methodPaths = Object.entries(paths).filter(([, ops]) =>
      Object.values(ops).some((op) => (op as { "x-method"?: string })["x-method"] !== undefined),
    );
    expect(new Set(methodPaths.map(([p]) => p))).toEqual(declared);
    for (const m of METHODS) {
      const get = paths[m.path]?.get as { parameters: { name: string }[]; "x-method": string };
      expect(get["x-method"]).toBe(m.id);
      // one per option, then the page parameters of a paged method
      expect(get.parameters.map((p) => p.name).filter((n) => n !== "lang")).toEqual([
        ...Object.keys(m.options.shape),
        ...(m.pages !== undefined ? ["offset", "limit"] : []),
      ]);
      expect(paths[m.path]?.post !== undefined).toBe(m.input !== undefined);
    }
    const schemas = (doc.components as { schemas: Record<string, { properties?: Record<string, unknown> }> }).schemas;
    expect(Object.keys(schemas.Error?.properties ?? {})).toEqual(["code", "message", "params", "issues"]);
    const codes = (schemas.Error?.properties?.code as { enum: string[] } | undefined)?.enum ?? [];
    expect(codes).toEqual(
      expect.arrayContaining([
        "data_issues",
        "unknown_dataset",
        "payload_too_large",
        "internal_error",
        "invalid_argument",
      ]),
    );
  });
});
