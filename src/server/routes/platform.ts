/**
 * Platform endpoints (not methods): health, the OpenAPI document, datasets and the reproduction
 * table. Each is one entry of {@link PLATFORM_ENDPOINTS} — path, parameters and response schema —
 * and the same entry registers the route and describes it in the OpenAPI document.
 */
import type { Context, Hono } from "hono";
import { z } from "zod";
import {
  type DatasetDeleter,
  datasetsDelete,
  ownsDataset,
  USER_NAMESPACE,
  userDatasetId,
  userNamespace,
} from "../../app/datasets.js";
import { DatasetNotFoundError } from "../../app/errors.js";
import {
  type DatasetImporter,
  type DatasetSource,
  datasetsImport,
  datasetsList,
  datasetsShow,
  FREQUENCIES,
  type Frequency,
  IMPORT_KINDS,
  type ImportKind,
  type ReproductionRow,
  SERIES_LAYOUTS,
  software,
} from "../../app/index.js";
import { type Lang, renderIssue, renderReproductionRow } from "../../i18n/index.js";
import { EdgeError, type ErrorCategory, type Label, UsageError, wireIssue } from "../../methods/index.js";
import {
  checkTextValue,
  DATASET_ID_MAX_LENGTH,
  DATASET_ID_PATTERN,
  echoValue,
  IMPORT_TEXT_MAX,
  IMPORT_TITLE_MAX,
  isDatasetId,
} from "../../methods/options.js";
import type { Identity } from "../auth.js";

interface ParamSpec {
  readonly schema: z.ZodType;
  readonly required: boolean;
  readonly description: string;
}

export interface PlatformEndpoint {
  readonly method: "get" | "post" | "delete";
  readonly path: `/api/${string}`;
  readonly operationId: string;
  readonly summary: Label;
  readonly params?: Readonly<Record<string, ParamSpec>>;
  /** the request body is a file */
  readonly body?: true;
  readonly status?: 200 | 201;
  readonly response: z.ZodType;
  readonly errors?: readonly ErrorCategory[];
}

const datasetMeta = z.looseObject({
  id: z.string(),
  kind: z.string(),
  titleZh: z.string(),
  titleEn: z.string(),
  region: z.string(),
  years: z.array(z.number()),
  dimensions: z.record(z.string(), z.number()),
  unit: z.string(),
  provenance: z.looseObject({}),
});

const renderedIssue = wireIssue;

/** Kinds the import endpoint accepts: every importable kind but text corpora (a folder of files). */
export const API_IMPORT_KINDS = IMPORT_KINDS.filter((k) => k !== "text_corpus") as unknown as readonly [
  ImportKind,
  ...ImportKind[],
];

/** Optional text parameters of an import, by query name → import option. */
const IMPORT_TEXT_PARAMS = {
  unit: "unit when the file states none",
  sheet: "XLSX worksheet (default the first)",
  titleZh: "Chinese title",
  titleEn: "English title",
  region: "region code of the dataset (default CN)",
  indicator: "panel, wide_entities layout: the one indicator",
  fromClassification: "concordance: id of the stored source classification (coverage check)",
  toClassification: "concordance: id of the stored target classification (coverage check)",
} as const;

/** Import parameters that name a stored dataset (checked like the dataset id). */
const DATASET_ID_PARAMS: ReadonlySet<string> = new Set(["fromClassification", "toClassification"]);
/** Query parameters of an import besides the text ones. */
const IMPORT_QUERY: ReadonlySet<string> = new Set([
  "lang",
  "id",
  "kind",
  "file",
  "name",
  "year",
  "layout",
  "frequency",
  "replace",
  ...Object.keys(IMPORT_TEXT_PARAMS),
]);
const DATASET_ID_EXPECTED = `dataset id: /-separated segments of A–Z a–z 0–9 . _ - starting with a letter or digit, at most ${DATASET_ID_MAX_LENGTH} characters`;

/** A dataset id from a path or query parameter; `usage.invalid_value` (limit `dataset_id`) otherwise. */
function checkDatasetId(option: string, id: string): string {
  if (!isDatasetId(id))
    throw new UsageError("usage.invalid_value", {
      option,
      value: echoValue(id),
      expected: DATASET_ID_EXPECTED,
      limit: "dataset_id",
    });
  return id;
}

/**
 * The import's query parameters, strictly: no unknown or repeated parameters, ids by the dataset id
 * pattern, free text bounded and without control characters.
 */
function importQuery(c: Context): Map<string, string> {
  const command = "POST /api/datasets/import";
  const raw = new Map<string, string>();
  for (const [k, v] of Object.entries(c.req.queries())) {
    if (!IMPORT_QUERY.has(k)) throw new UsageError("usage.unknown_option", { option: k, command });
    if (v.length > 1)
      throw new UsageError("usage.invalid_value", {
        option: k,
        value: echoValue(v.join(",")),
        expected: "one value",
        limit: "repeated",
      });
    const text = v[0] ?? "";
    if (text === "") continue;
    if (DATASET_ID_PARAMS.has(k)) checkDatasetId(k, text);
    if (k !== "id") checkTextValue(k, text, k === "titleZh" || k === "titleEn" ? IMPORT_TITLE_MAX : IMPORT_TEXT_MAX);
    raw.set(k, text);
  }
  return raw;
}

export const PLATFORM_ENDPOINTS: readonly PlatformEndpoint[] = [
  {
    method: "get",
    path: "/api/health",
    operationId: "health",
    summary: { "zh-CN": "服务状态", en: "service status" },
    response: z.object({ status: z.literal("ok"), software: z.string() }),
  },
  {
    method: "get",
    path: "/api/openapi.json",
    operationId: "openapi",
    summary: { "zh-CN": "本 API 的 OpenAPI 3.1 描述", en: "this API's OpenAPI 3.1 document" },
    response: z.looseObject({ openapi: z.string() }),
  },
  {
    method: "get",
    path: "/api/datasets",
    operationId: "datasets.list",
    summary: { "zh-CN": "已入库的数据集", en: "stored datasets" },
    response: z.object({ datasets: z.array(datasetMeta) }),
  },
  {
    method: "get",
    path: "/api/datasets/:id",
    operationId: "datasets.show",
    summary: { "zh-CN": "数据集元数据、部门与校验结果", en: "a dataset's metadata, sectors and validation" },
    params: {
      id: {
        schema: z.string().max(DATASET_ID_MAX_LENGTH).regex(DATASET_ID_PATTERN),
        required: true,
        description: "dataset id",
      },
    },
    response: datasetMeta.extend({
      validation: z.object({
        ok: z.boolean(),
        errors: z.number(),
        warnings: z.number(),
        issues: z.array(renderedIssue),
      }),
    }),
    errors: ["not_found", "internal"],
  },
  {
    method: "post",
    path: "/api/datasets/import",
    operationId: "datasets.import",
    summary: {
      "zh-CN": "导入文件为数据集（全部成功或不做任何修改）",
      en: "import a file as a dataset (all-or-nothing)",
    },
    params: {
      id: {
        schema: z.string().max(DATASET_ID_MAX_LENGTH).regex(DATASET_ID_PATTERN),
        required: true,
        description: "id of the new dataset",
      },
      kind: { schema: z.enum(API_IMPORT_KINDS), required: false, description: "dataset kind (default io_table)" },
      file: { schema: z.string(), required: false, description: "file name for issue locations and provenance" },
      ...Object.fromEntries(
        Object.entries(IMPORT_TEXT_PARAMS).map(([k, d]) => [
          k,
          { schema: z.string(), required: false, description: d },
        ]),
      ),
      year: { schema: z.number().int().min(1900).max(2100), required: false, description: "year of the dataset" },
      layout: {
        schema: z.enum(["auto", ...SERIES_LAYOUTS]),
        required: false,
        description: "series layout (default auto)",
      },
      frequency: {
        schema: z.enum(FREQUENCIES as [Frequency, ...Frequency[]]),
        required: false,
        description: "series frequency (default detected)",
      },
      replace: {
        schema: z.enum(["true", "1", "false", "0"]),
        required: false,
        description: "replace a dataset with the same id",
      },
    },
    body: true,
    status: 201,
    response: z.object({ dataset: datasetMeta, warnings: z.array(renderedIssue) }),
    errors: ["usage", "data", "too_large", "disabled", "internal"],
  },
  {
    method: "get",
    path: "/api/reproduction",
    operationId: "reproduction",
    summary: {
      "zh-CN": "计算值与公开发布值的对照",
      en: "computed values beside the published figures",
    },
    response: z.object({ rows: z.array(z.looseObject({ ref: z.string() })) }),
  },
  {
    method: "delete",
    path: "/api/datasets/:id",
    operationId: "datasets.delete",
    summary: {
      "zh-CN": "删除自己的数据集（内置官方数据只读）",
      en: "delete one of your datasets (shipped official data is read-only)",
    },
    params: {
      id: {
        schema: z.string().max(DATASET_ID_MAX_LENGTH).regex(DATASET_ID_PATTERN),
        required: true,
        description: "dataset id (user/<name>/<id>; your own namespace unless admin)",
      },
    },
    response: z.object({ id: z.string() }),
    errors: ["usage", "unauthenticated", "forbidden", "not_found", "disabled", "internal"],
  },
  {
    method: "get",
    path: "/api/audit",
    operationId: "audit",
    summary: {
      "zh-CN": "审计日志：每次写入的操作者、时间、对象与前后 sha256（管理员）",
      en: "audit log: who wrote what, when, sha256 before and after (administrators)",
    },
    params: {
      limit: { schema: z.number().int().min(1).max(10000), required: false, description: "entries (default 100)" },
      target: { schema: z.string().max(DATASET_ID_MAX_LENGTH), required: false, description: "only this target" },
    },
    response: z.object({ entries: z.array(z.looseObject({ seq: z.number(), action: z.string() })) }),
    errors: ["usage", "unauthenticated", "forbidden", "disabled", "internal"],
  },
];

export interface PlatformDeps {
  readonly source: DatasetSource;
  readonly importer?: DatasetImporter;
  /** computed-vs-published rows with reason codes (rendered per request language here) */
  readonly reproduction?: () => Promise<{ readonly rows: readonly ReproductionRow[] }>;
  readonly openApi: () => unknown;
  readonly lang: (c: Context) => Lang;
  readonly readBody: (c: Context) => Promise<Uint8Array>;
  readonly uploadName: (base: string, bytes: Uint8Array) => string;
  // biome-ignore lint/suspicious/noExplicitAny: Hono middleware of any env
  readonly uploadLimit: any;
  /** told after a successful import or delete (cache invalidation) */
  readonly onImported: (id: string) => void;
  /** deletes a dataset; without it DELETE /api/datasets/:id answers 501 */
  readonly deleter?: DatasetDeleter;
  /** audit entries, newest first; without it GET /api/audit answers 501 */
  readonly audit?: (options: { limit?: number; target?: string }) => Promise<readonly unknown[]>;
  /** who sends the request (src/server/auth.ts): the audit actor and the dataset namespace */
  readonly identity: (c: Context) => Identity;
}

/**
 * Whether a request may read a dataset: shipped data and every id outside the user namespace, always;
 * `user/<name>/…` only for its owner and administrators (and the local user when auth is off). A
 * dataset the request may not read is answered as unknown (404), so its existence is not revealed.
 */
export function mayReadDataset(identity: Identity, id: string): boolean {
  if (identity.via === "local" || identity.role === "admin") return true;
  if (!id.startsWith(`${USER_NAMESPACE}/`)) return true;
  return identity.namespaced && ownsDataset(identity.name, id);
}

/** Throws unknown_dataset (404) unless the request may read the dataset. */
export function requireReadable(identity: Identity, id: string): void {
  if (!mayReadDataset(identity, id)) throw new DatasetNotFoundError(id);
}

/**
 * The stored id of a dataset a request writes: `user/<name>/<id>` for authenticated users (their own
 * namespace; another user's namespace is `not_owner`, 403), the id itself for the local user.
 */
function writableId(identity: Identity, id: string, option: string, admin = false): string {
  if (!identity.namespaced) return id;
  if (admin && identity.role === "admin") return id;
  const stored = userDatasetId(identity.name, id);
  if (stored === undefined)
    throw new EdgeError("forbidden", "not_owner", "error.not_owner", { id, namespace: userNamespace(identity.name) });
  return checkDatasetId(option, stored);
}

/** Registers the platform endpoints; returns a function that forgets computed results (after an import). */

export function registerPlatformRoutes(app: Hono, deps: PlatformDeps): () => void {
  // the reproduction computes linkages of every seed table: once, until a dataset changes
  let reproduction: Promise<{ readonly rows: readonly ReproductionRow[] }> | undefined;
  const handlers: Record<string, (c: Context) => Promise<Response> | Response> = {
    health: (c) => c.json({ status: "ok", software: software() }),
    openapi: (c) => c.json(deps.openApi() as object),
    "datasets.list": async (c) => {
      const identity = deps.identity(c);
      const r = await datasetsList(deps.source);
      return c.json({ ...r, datasets: r.datasets.filter((d) => mayReadDataset(identity, d.id)) });
    },
    "datasets.show": async (c) => {
      const lang = deps.lang(c);
      const id = checkDatasetId("id", c.req.param("id") ?? "");
      requireReadable(deps.identity(c), id);
      const r = await datasetsShow(deps.source, id);
      return c.json({
        ...r,
        validation: { ...r.validation, issues: r.validation.issues.map((i) => renderIssue(i, lang)) },
      });
    },
    "datasets.import": async (c) => {
      const lang = deps.lang(c);
      if (deps.importer === undefined)
        throw new EdgeError("disabled", "read_only", "error.bad_request", { message: "imports are disabled" });
      const query = importQuery(c);
      const q = (k: string): string | undefined => query.get(k);
      const id = q("id");
      if (id === undefined || id.trim() === "")
        throw new UsageError("usage.missing_option", { command: "POST /api/datasets/import", option: "id" });
      checkDatasetId("id", id);
      const stored = writableId(deps.identity(c), id, "id");
      const oneOf = <T extends string>(name: string, allowed: readonly T[]): T | undefined => {
        const v = q(name);
        if (v !== undefined && !(allowed as readonly string[]).includes(v))
          throw new UsageError("usage.invalid_value", { option: name, value: v, expected: allowed.join(", ") });
        return v as T | undefined;
      };
      const kind = oneOf("kind", API_IMPORT_KINDS) ?? "io_table";
      const layout = oneOf("layout", ["auto", ...SERIES_LAYOUTS] as const);
      const frequency = oneOf("frequency", FREQUENCIES);
      const yearText = q("year");
      const year = yearText === undefined || !/^\d{4}$/.test(yearText) ? undefined : Number(yearText);
      if (yearText !== undefined && (year === undefined || year < 1900 || year > 2100))
        throw new UsageError("usage.invalid_value", { option: "year", value: yearText, expected: "1900–2100" });
      const text = Object.fromEntries(
        Object.keys(IMPORT_TEXT_PARAMS)
          .map((k) => [k, q(k)] as const)
          .filter(([, v]) => v !== undefined),
      ) as Partial<Record<keyof typeof IMPORT_TEXT_PARAMS, string>>;
      const replace = oneOf("replace", ["true", "1", "false", "0"] as const);
      const bytes = await deps.readBody(c);
      const file = q("file") ?? q("name") ?? deps.uploadName(id, bytes);
      const r = await datasetsImport(deps.importer, bytes, {
        file,
        id: stored,
        actor: deps.identity(c).name,
        kind,
        replace: replace === "true" || replace === "1",
        ...text,
        ...(year !== undefined && { year }),
        ...(layout !== undefined && { layout }),
        ...(frequency !== undefined && { frequency }),
      });
      reproduction = undefined;
      deps.onImported(stored);
      return c.json({ dataset: r.dataset, warnings: r.warnings.map((w) => renderIssue(w, lang)) }, 201);
    },
    "datasets.delete": async (c) => {
      if (deps.deleter === undefined)
        throw new EdgeError("disabled", "read_only", "error.bad_request", { message: "deletes are disabled" });
      const identity = deps.identity(c);
      const id = checkDatasetId("id", c.req.param("id") ?? "");
      // admins may delete any user's dataset; others only their own (shipped data: the store refuses)
      const stored = writableId(identity, id, "id", true);
      const r = await datasetsDelete(deps.deleter, stored, identity.name);
      reproduction = undefined;
      deps.onImported(stored);
      return c.json(r);
    },
    audit: async (c) => {
      if (deps.audit === undefined)
        throw new EdgeError("disabled", "read_only", "error.bad_request", { message: "no audit log (auth is off)" });
      const limitText = c.req.query("limit");
      if (limitText !== undefined && !/^\d{1,5}$/.test(limitText))
        throw new UsageError("usage.invalid_value", {
          option: "limit",
          value: echoValue(limitText),
          expected: "1–10000",
        });
      const target = c.req.query("target");
      const entries = await deps.audit({
        ...(limitText !== undefined && { limit: Number(limitText) }),
        ...(target !== undefined && { target: checkDatasetId("target", target) }),
      });
      return c.json({ entries });
    },
    reproduction: async (c) => {
      if (deps.reproduction === undefined) return c.json({ rows: [] });
      const lang = deps.lang(c);
      reproduction ??= deps.reproduction();
      reproduction.catch(() => {
        reproduction = undefined;
      });
      return c.json({ rows: (await reproduction).rows.map((r) => renderReproductionRow(r, lang)) });
    },
  };
  for (const e of PLATFORM_ENDPOINTS) {
    const handler = handlers[e.operationId];
    if (handler === undefined) throw new Error(`platform route without handler: ${e.operationId}`);
    if (e.method === "get") app.get(e.path, handler);
    else if (e.method === "delete") app.delete(e.path, handler);
    else app.post(e.path, deps.uploadLimit, handler);
  }
  return () => {
    reproduction = undefined;
  };
}
