/**
 * The OpenAPI 3.1 document, generated: method paths from the method declarations (src/methods:
 * options → query parameters, wire schema → response), platform paths from the endpoint table in
 * routes/platform.ts. Nothing here is kept by hand beside the routes. Served at GET /api/openapi.json.
 */
import { z } from "zod";
import { software } from "../app/index.js";
import { CORE_ERROR_CODES } from "../i18n/index.js";
import { type AnyMethod, ERROR_CATEGORIES, type MethodInput, optionEntries, wireIssue } from "../methods/index.js";
import { CSRF_COOKIE, loginRequest, loginResponse, requiredAccess, SESSION_COOKIE, sessionResponse } from "./auth.js";
import { MAX_PAGE_ROWS } from "./routes/methods.js";
import { PLATFORM_ENDPOINTS, type PlatformEndpoint } from "./routes/platform.js";

type Json = Record<string, unknown>;

const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });
const jsonContent = (schema: Json, description: string): Json => ({
  description,
  content: { "application/json": { schema } },
});

/** The error body of every non-2xx answer. */
/** Codes of error bodies: usage codes, edge codes, app codes and every core error code. */
export const ERROR_CODES = [
  "data_issues",
  "unknown_dataset",
  "store_locked",
  "payload_too_large",
  "read_only",
  "empty_body",
  "not_found",
  "internal_error",
  "unknown_option",
  "missing_option",
  "missing_value",
  "invalid_value",
  "conflict",
  "unknown_command",
  "missing_argument",
  "bad_request",
  "dataset_protected",
  // authentication and request origin (src/server/auth.ts)
  "unauthenticated",
  "invalid_login",
  "too_many_logins",
  "forbidden_role",
  "not_owner",
  "foreign_origin",
  "csrf_token",
  "host_not_allowed",
  ...CORE_ERROR_CODES,
] as const;

export const errorBody = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  params: z.record(z.string(), z.unknown()),
  issues: z.array(wireIssue).optional(),
});

function schemaOf(s: z.ZodType, io: "input" | "output" = "output"): Json {
  const j = z.toJSONSchema(s, { unrepresentable: "any", io }) as Json;
  delete j.$schema;
  return j;
}

const langParam: Json = {
  name: "lang",
  in: "query",
  required: false,
  description: "Language of messages: zh-CN (default) or en; also the `lang` cookie, then Accept-Language.",
  schema: { type: "string", enum: ["zh-CN", "en"] },
};

const errors = (categories: readonly (keyof typeof ERROR_CATEGORIES)[]): Json =>
  Object.fromEntries(
    categories.map((k) => [String(ERROR_CATEGORIES[k].status), jsonContent(ref("Error"), `${k} error`)]),
  );

/** The query parameters of a method, from its option specs. */
function methodParameters(m: AnyMethod, upload: boolean): Json[] {
  const replaced = m.inputOption ?? "table";
  const params: Json[] = optionEntries(m.options)
    .filter(([key]) => !(upload && key === replaced))
    .map(([key, spec]) => ({
      name: key,
      in: "query",
      required: spec.required && !(upload && key === replaced),
      description: spec.label.en,
      "x-label-zh": spec.label["zh-CN"],
      schema: schemaOf(m.options.shape[key] as z.ZodType),
    }));
  if (upload) {
    for (const [name, description] of [
      ["file", "file name shown in issue locations and provenance (default upload.xlsx/.csv by content)"],
      ...(m.input === "io_table"
        ? [["unit", "unit of the money cells when the file states none, e.g. 万元"] as const]
        : []),
      ["sheet", "XLSX sheet name"],
    ] as const)
      params.push({ name, in: "query", required: false, description, schema: { type: "string" } });
  }
  if (m.pages !== undefined) {
    params.push(
      {
        name: "offset",
        in: "query",
        required: false,
        description: `first row of \`${m.pages}\` to answer (a page; the answer's \`page\` gives the total) @default 0`,
        schema: { type: "integer", minimum: 0, maximum: 99_999_999 },
      },
      {
        name: "limit",
        in: "query",
        required: false,
        description: `rows of \`${m.pages}\` in the page (without offset and limit: the whole result)`,
        schema: { type: "integer", minimum: 1, maximum: MAX_PAGE_ROWS },
      },
    );
  }
  return [...params, langParam];
}

/** What the body of an upload is read as, by the method's input kind. */
const UPLOAD_BODY_TEXT: Record<MethodInput, string> = {
  io_table: "the bytes of a CSV or XLSX file in the generic IO template (docs/data.md)",
  indicator_table:
    "the bytes of a CSV or XLSX indicator table: an `entity` column, an optional `year` column, one numeric column per indicator (docs/data.md)",
  data_frame:
    "the bytes of a CSV or XLSX data table: column names in the first row, one observation per row; the options name the columns used (docs/cli.md)",
};

function uploadBody(input: MethodInput): Json {
  return {
    required: true,
    description: UPLOAD_BODY_TEXT[input],
    content: {
      "text/csv": { schema: { type: "string" } },
      "application/octet-stream": { schema: { type: "string", contentMediaType: "application/octet-stream" } },
    },
  };
}

function methodPaths(methods: readonly AnyMethod[]): Json {
  const paths: Json = {};
  for (const m of methods) {
    const schemaName = m.id.replace(/(^|\.)(\w)/g, (_, _dot: string, c: string) => c.toUpperCase());
    const common = {
      summary: m.summary.en,
      "x-summary-zh": m.summary["zh-CN"],
      "x-method": m.id,
      tags: [m.family],
    };
    const ok = jsonContent(ref(schemaName), "result");
    const entry: Json = {
      get: {
        ...common,
        operationId: `${m.id}.get`,
        parameters: methodParameters(m, false),
        responses: {
          "200": ok,
          "304": { description: "not modified (If-None-Match)" },
          ...errors(["usage", "not_found", "data", "internal"]),
        },
      },
    };
    if (m.input !== undefined) {
      entry.post = {
        ...common,
        operationId: `${m.id}.post`,
        parameters: methodParameters(m, true),
        requestBody: uploadBody(m.input),
        responses: { "200": ok, ...errors(["usage", "data", "too_large", "internal"]) },
      };
    }
    paths[m.path] = entry;
  }
  return paths;
}

function platformPaths(endpoints: readonly PlatformEndpoint[]): Json {
  const paths: Record<string, Json> = {};
  for (const e of endpoints) {
    const path = e.path.replace(/:(\w+)/g, "{$1}");
    const parameters: Json[] = [];
    for (const [name, spec] of Object.entries(e.params ?? {})) {
      parameters.push({
        name,
        in: e.path.includes(`:${name}`) ? "path" : "query",
        required: spec.required,
        description: spec.description,
        schema: schemaOf(spec.schema),
      });
    }
    parameters.push(langParam);
    paths[path] ??= {};
    (paths[path] as Json)[e.method] = {
      summary: e.summary.en,
      "x-summary-zh": e.summary["zh-CN"],
      operationId: e.operationId,
      tags: ["platform"],
      parameters,
      ...(e.body !== undefined && { requestBody: uploadBody("io_table") }),
      responses: {
        [String(e.status ?? 200)]: jsonContent(schemaOf(e.response), "result"),
        ...errors(e.errors ?? ["internal"]),
      },
    };
  }
  return paths;
}

/** How a client proves who it is (src/server/auth.ts); named by each operation's `security`. */
export const SECURITY_SCHEMES: Json = {
  bearerToken: {
    type: "http",
    scheme: "bearer",
    description: "API token from `shushi users token <name>` (stored as its sha256): `Authorization: Bearer <token>`.",
  },
  sessionCookie: {
    type: "apiKey",
    in: "cookie",
    name: SESSION_COOKIE,
    description:
      "Dashboard session from POST /api/session (HttpOnly, SameSite=Strict). State-changing requests also need csrfToken.",
  },
  csrfToken: {
    type: "apiKey",
    in: "header",
    name: "X-CSRF-Token",
    description: `With a session cookie, state-changing requests echo the value of the \`${CSRF_COOKIE}\` cookie (also \`csrfToken\` of the login answer) in this header.`,
  },
};

const tooManyLogins: Json = {
  description: "too many failed logins for the user name or from the client address (too_many_logins)",
  headers: {
    "Retry-After": { description: "seconds until a login may be tried again", schema: { type: "integer", minimum: 1 } },
  },
  content: { "application/json": { schema: ref("Error") } },
};

/** GET/POST/DELETE /api/session (dashboard sign-in; POST and DELETE only on a server with users). */
function sessionPaths(): Json {
  return {
    "/api/session": {
      get: {
        summary: "Who the request is signed in as (anonymous without token or session)",
        "x-summary-zh": "当前请求的身份（无令牌或会话时为匿名）",
        operationId: "session.get",
        tags: ["auth"],
        parameters: [langParam],
        responses: { "200": jsonContent(schemaOf(sessionResponse), "the identity"), ...errors(["unauthenticated"]) },
      },
      post: {
        summary: "Sign in with user name and password: sets the session and CSRF cookies",
        "x-summary-zh": "用用户名和密码登录：设置会话与 CSRF Cookie",
        description: `Sets \`${SESSION_COOKIE}\` (HttpOnly) and \`${CSRF_COOKIE}\` (readable by the page) cookies. Failed logins are throttled per user name and per client address (429 too_many_logins with Retry-After). Refused from another site (403 foreign_origin). 404 on a server without users.`,
        operationId: "session.post",
        tags: ["auth"],
        parameters: [langParam],
        requestBody: { required: true, content: { "application/json": { schema: schemaOf(loginRequest, "input") } } },
        responses: {
          "200": jsonContent(schemaOf(loginResponse), "signed in"),
          ...errors(["usage", "unauthenticated", "forbidden", "not_found"]),
          "429": tooManyLogins,
        },
      },
      delete: {
        summary: "Sign out: ends the session and clears its cookies",
        "x-summary-zh": "退出登录：结束会话并清除 Cookie",
        operationId: "session.delete",
        tags: ["auth"],
        parameters: [langParam],
        responses: { "204": { description: "signed out" }, ...errors(["forbidden", "not_found"]) },
      },
    },
  };
}

const OPTIONAL_AUTH = [{}, { bearerToken: [] }, { sessionCookie: [] }];
const REQUIRED_AUTH = [{ bearerToken: [] }, { sessionCookie: [], csrfToken: [] }];

/**
 * Adds to every operation what {@link requiredAccess} asks of it: `security` (optional for open and
 * read operations — anonymous reads are served on a loopback bind only — required for writes), the
 * role needed as `x-access`, and the 401/403 answers.
 */
function withAccess(paths: Json): Json {
  for (const [path, ops] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(ops as Record<string, Json>)) {
      const access = requiredAccess(method.toUpperCase(), path);
      op["x-access"] = access;
      op.security = access === "open" || access === "read" ? OPTIONAL_AUTH : REQUIRED_AUTH;
      if (access === "open") continue;
      const responses = op.responses as Json;
      responses["401"] ??= jsonContent(ref("Error"), "unauthenticated error (no valid token or session)");
      if (access !== "read")
        responses["403"] ??= jsonContent(ref("Error"), "forbidden error (role, owner, origin or CSRF token)");
    }
  }
  return paths;
}

/** The OpenAPI 3.1 document of the declared methods and the platform endpoints. */
export function openApiDocument(methods: readonly AnyMethod[]): Json {
  const schemas: Json = { Error: schemaOf(errorBody) };
  for (const m of methods) {
    const name = m.id.replace(/(^|\.)(\w)/g, (_, _dot: string, c: string) => c.toUpperCase());
    schemas[name] = schemaOf(m.wire);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "shushi API",
      version: software().replace(/^shushi@/, ""),
      description:
        "Measures the digital economy from official statistics. Every result carries its provenance; messages are in zh-CN (default) or en.",
    },
    servers: [{ url: "/" }],
    paths: withAccess({ ...sessionPaths(), ...platformPaths(PLATFORM_ENDPOINTS), ...methodPaths(methods) }),
    components: { schemas, securitySchemes: SECURITY_SCHEMES },
  };
}
