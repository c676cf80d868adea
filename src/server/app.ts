/**
 * The HTTP API (Hono; no listen here — see main.ts). Endpoints and JSON shapes follow ADR 0001;
 * the OpenAPI 3.1 document is served at /api/openapi.json. Language: `?lang=`, cookie `lang`, then
 * Accept-Language; zh-CN by default.
 */
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { languageDetector } from "hono/language";
import {
  type BackendChoice,
  type Clock,
  type DatasetImporter,
  type DatasetSource,
  datasetsImport,
  datasetsList,
  datasetsShow,
  GROUP_METHODS,
  IMPORTS_BASES,
  ioIntensity,
  ioLinkages,
  ioMatrix,
  ioSeries,
  LINKAGE_VARIANTS,
  type PublishedSeriesLoader,
  parseGroupSpec,
  readInputTable,
  SERIES_FAMILIES,
  software,
} from "../app/index.js";
import { detectLang, type Lang, normalizeLang, renderIssue, withDiagnosticMessages } from "../i18n/index.js";
import { ApiError, errorResponse } from "./errors.js";
import { openApiDocument } from "./openapi.js";

/** What the API reads from and writes to; tests pass in-memory fakes. */
export interface ServerDeps {
  readonly source: DatasetSource;
  /** writes imports into the store; without it POST /api/datasets/import answers 501 */
  readonly importer?: DatasetImporter;
  /** published reference values overlaid on /api/io/series */
  readonly published?: PublishedSeriesLoader;
  /** rows of /api/reproduction (computed vs published) */
  readonly reproduction?: () => Promise<{ readonly rows: readonly unknown[] }>;
  /** linear-algebra backend for linkages and L @default "typescript" */
  readonly backend?: BackendChoice;
  readonly clock?: Clock;
  /** maximum upload size in bytes @default 52428800 (50 MB) */
  readonly bodyLimit?: number;
}

export const DEFAULT_BODY_LIMIT = 50 * 1024 * 1024;

type Env = { Variables: { language: string } };

function langOf(c: {
  get(key: "language"): string | undefined;
  req: { query(k: string): string | undefined; header(k: string): string | undefined };
}): Lang {
  return normalizeLang(c.get("language")) ?? detectLang(c.req.query("lang"), c.req.header("accept-language"));
}

const withMessages = withDiagnosticMessages;

function enumParam<T extends string>(value: string | undefined, name: string, allowed: readonly T[]): T | undefined {
  if (value === undefined || value === "") return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new ApiError(400, "invalid_parameter", "usage.invalid_value", {
      option: name,
      value,
      expected: allowed.join(", "),
    });
  }
  return value as T;
}

/**
 * The file name used in issue locations and provenance when the client sends none: `<base>.xlsx` for a
 * ZIP container (XLSX starts with "PK\x03\x04"), `<base>.csv` otherwise.
 */
export function defaultUploadName(base: string, bytes: Uint8Array): string {
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  return `${base}.${zip ? "xlsx" : "csv"}`;
}

function requiredParam(value: string | undefined, name: string, command: string): string {
  if (value === undefined || value.trim() === "") {
    throw new ApiError(400, "missing_parameter", "usage.missing_option", { command, option: name });
  }
  return value;
}

/**
 * Creates the API app (创建 HTTP API).
 * @param deps data source, optional importer, published values, reproduction rows, clock, limits
 * @returns a Hono app; `app.request()` serves requests in-process (tests) and main.ts listens
 */
export function createApp(deps: ServerDeps): Hono<Env> {
  const app = new Hono<Env>();
  const limit = deps.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const clock = deps.clock !== undefined ? { clock: deps.clock } : {};

  app.use(
    "/api/*",
    languageDetector({
      order: ["querystring", "cookie", "header"],
      lookupQueryString: "lang",
      lookupCookie: "lang",
      supportedLanguages: ["zh-CN", "en"],
      fallbackLanguage: "zh-CN",
      convertDetectedLanguage: (l: string) => normalizeLang(l) ?? l,
      caches: false,
    }),
  );

  const uploadLimit = bodyLimit({
    maxSize: limit,
    onError: () => {
      throw new ApiError(413, "payload_too_large", "error.payload_too_large", { limit });
    },
  });

  const readBody = async (req: { arrayBuffer(): Promise<ArrayBuffer> }): Promise<Uint8Array> => {
    const bytes = new Uint8Array(await req.arrayBuffer());
    if (bytes.length === 0)
      throw new ApiError(400, "empty_body", "error.bad_request", {
        message: "empty request body (send the file bytes)",
      });
    return bytes;
  };

  app.get("/api/health", (c) => c.json({ status: "ok", software: software() }));

  app.get("/api/openapi.json", (c) => c.json(openApiDocument()));

  app.get("/api/datasets", async (c) => c.json(await datasetsList(deps.source)));

  app.post("/api/datasets/import", uploadLimit, async (c) => {
    const lang = langOf(c);
    if (deps.importer === undefined)
      throw new ApiError(501, "read_only", "error.bad_request", { message: "imports are disabled" });
    const id = requiredParam(c.req.query("id"), "id", "POST /api/datasets/import");
    const kind = enumParam(c.req.query("kind"), "kind", ["io_table"] as const) ?? "io_table";
    const unit = c.req.query("unit");
    const replace = c.req.query("replace") === "true" || c.req.query("replace") === "1";
    const bytes = await readBody(c.req);
    const file = c.req.query("file") ?? c.req.query("name") ?? defaultUploadName(id, bytes);
    const r = await datasetsImport(deps.importer, bytes, {
      file,
      id,
      kind,
      replace,
      ...(unit !== undefined && unit !== "" && { unit }),
    });
    return c.json({ dataset: r.dataset, warnings: r.warnings.map((w) => renderIssue(w, lang)) }, 201);
  });

  app.get("/api/datasets/:id", async (c) => {
    const lang = langOf(c);
    const r = await datasetsShow(deps.source, c.req.param("id"));
    return c.json({
      ...r,
      validation: { ...r.validation, issues: r.validation.issues.map((i) => renderIssue(i, lang)) },
    });
  });

  const linkageParams = (q: (k: string) => string | undefined) => {
    const group = parseGroupSpec(q("group"));
    const variant = enumParam(q("variant"), "variant", LINKAGE_VARIANTS);
    const groupMethod = enumParam(q("groupMethod") ?? q("group_method"), "groupMethod", GROUP_METHODS);
    const imports = enumParam(q("imports"), "imports", IMPORTS_BASES);
    return {
      ...(group !== undefined && { group }),
      ...(variant !== undefined && { variant }),
      ...(groupMethod !== undefined && { groupMethod }),
      ...(imports !== undefined && { imports }),
    };
  };

  app.get("/api/io/linkages", async (c) => {
    const q = (k: string) => c.req.query(k);
    const tableId = requiredParam(q("table"), "table", "GET /api/io/linkages");
    const r = await ioLinkages({
      tableId,
      source: deps.source,
      ...linkageParams(q),
      ...(deps.backend !== undefined && { backend: deps.backend }),
      ...clock,
    });
    return c.json(withMessages(r, langOf(c)));
  });

  app.post("/api/io/linkages", uploadLimit, async (c) => {
    const q = (k: string) => c.req.query(k);
    const params = linkageParams(q);
    const bytes = await readBody(c.req);
    const file = q("file") ?? q("name") ?? defaultUploadName("upload", bytes);
    const unit = q("unit");
    const input = await readInputTable(bytes, { file, ...(unit !== undefined && unit !== "" && { unit }) });
    const r = await ioLinkages({ table: input.table, meta: input.meta, ...params, ...clock });
    return c.json(withMessages(r, langOf(c)));
  });

  app.get("/api/io/intensity", async (c) => {
    const q = (k: string) => c.req.query(k);
    const tableId = requiredParam(q("table"), "table", "GET /api/io/intensity");
    const group = parseGroupSpec(q("group"));
    const imports = enumParam(q("imports"), "imports", IMPORTS_BASES);
    const r = await ioIntensity({
      tableId,
      source: deps.source,
      ...(group !== undefined && { group }),
      ...(imports !== undefined && { imports }),
      ...clock,
    });
    return c.json(withMessages(r, langOf(c)));
  });

  app.get("/api/io/series", async (c) => {
    const q = (k: string) => c.req.query(k);
    const family = enumParam(q("family"), "family", SERIES_FAMILIES);
    const group = parseGroupSpec(q("group"));
    const variant = enumParam(q("variant"), "variant", LINKAGE_VARIANTS);
    const groupMethod = enumParam(q("groupMethod") ?? q("group_method"), "groupMethod", GROUP_METHODS);
    const throughText = q("through");
    let through: number | undefined;
    if (throughText !== undefined && throughText !== "") {
      through = Number(throughText);
      if (!Number.isInteger(through) || through < 1900 || through > 2100) {
        throw new ApiError(400, "invalid_parameter", "usage.invalid_value", {
          option: "through",
          value: throughText,
          expected: "1900–2100",
        });
      }
    }
    const r = await ioSeries({
      source: deps.source,
      ...(family !== undefined && { family }),
      ...(group !== undefined && { group }),
      ...(variant !== undefined && { variant }),
      ...(groupMethod !== undefined && { groupMethod }),
      ...(through !== undefined && { through }),
      ...(deps.published !== undefined && { published: deps.published }),
      ...clock,
    });
    return c.json(withMessages(r, langOf(c)));
  });

  app.get("/api/io/matrix", async (c) => {
    const q = (k: string) => c.req.query(k);
    const tableId = requiredParam(q("table"), "table", "GET /api/io/matrix");
    const which = enumParam(q("which"), "which", ["A", "L"] as const);
    if (which === undefined)
      throw new ApiError(400, "missing_parameter", "usage.missing_option", {
        command: "GET /api/io/matrix",
        option: "which",
      });
    const imports = enumParam(q("imports"), "imports", IMPORTS_BASES);
    const r = await ioMatrix({
      tableId,
      which,
      source: deps.source,
      ...(imports !== undefined && { imports }),
      ...(deps.backend !== undefined && { backend: deps.backend }),
      ...clock,
    });
    return c.json(withMessages(r, langOf(c)));
  });

  app.get("/api/reproduction", async (c) => {
    if (deps.reproduction === undefined) return c.json({ rows: [] });
    return c.json(await deps.reproduction());
  });

  app.all("/api/*", (c) => {
    throw new ApiError(404, "not_found", "error.not_found", { path: new URL(c.req.url).pathname });
  });

  app.onError((e, c) => {
    const { status, body } = errorResponse(e, langOf(c));
    return c.json(body, status);
  });

  return app;
}
