/**
 * The generated OpenAPI document: the session endpoints, the security schemes, every operation's
 * access, and validity (internal checks always; the OpenAPI 3.1 meta-schema through Python's
 * `openapi-spec-validator` when the machine has it). The live answers of /api/session are checked
 * against the schemas the document publishes.
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import type { UserRecord } from "../app/store.js";
import { fakeMeta, memorySource, threeSectorTable } from "../app/test-fixtures.js";
import { METHODS } from "../methods/index.js";
import { createApp } from "./app.js";
import { loginResponse, requiredAccess, sessionResponse, type UserDirectory } from "./auth.js";
import { errorBody, openApiDocument } from "./openapi.js";

type Json = Record<string, unknown>;
type Operation = {
  operationId: string;
  security?: Record<string, string[]>[];
  parameters?: { name: string; in: string; required?: boolean }[];
  requestBody?: { content: Record<string, { schema: Json }> };
  responses: Record<string, { description: string; headers?: Json; content?: Record<string, { schema: Json }> }>;
  "x-access"?: string;
};

const doc = openApiDocument(METHODS) as {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Json>; securitySchemes: Record<string, Json> };
};
const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
  Object.entries(ops).map(([method, op]) => ({ path, method, op })),
);

/** Every `$ref` in a JSON value. */
function refs(v: unknown): string[] {
  if (Array.isArray(v)) return v.flatMap(refs);
  if (typeof v !== "object" || v === null) return [];
  return Object.entries(v).flatMap(([k, x]) => (k === "$ref" && typeof x === "string" ? [x] : refs(x)));
}

/** Python with openapi-spec-validator (not installed by scripts/setup.sh: the check is skipped without it). */
const hasValidator = spawnSync("python3", ["-c", "import openapi_spec_validator"], { stdio: "ignore" }).status === 0;

describe("OpenAPI document: /api/session", () => {
  const session = doc.paths["/api/session"] ?? {};

  it("documents GET, POST and DELETE", () => {
    expect(Object.keys(session).sort()).toEqual(["delete", "get", "post"]);
    expect(session.get?.responses["200"]?.content?.["application/json"]?.schema).toMatchObject({
      properties: { name: { type: "string" }, role: { anyOf: expect.any(Array) }, via: { enum: expect.any(Array) } },
    });
    expect(Object.keys(session.delete?.responses ?? {})).toContain("204");
  });

  it("POST takes {name, password} and answers 200 {name, role, csrfToken}, 401, 403 and 429 with Retry-After", () => {
    const post = session.post as Operation;
    const body = post.requestBody?.content["application/json"]?.schema;
    expect(body).toMatchObject({
      type: "object",
      required: ["name", "password"],
      properties: { name: { type: "string", maxLength: 64 }, password: { type: "string" } },
    });
    const ok = post.responses["200"]?.content?.["application/json"]?.schema;
    expect(ok).toMatchObject({ required: ["name", "role", "csrfToken"] });
    expect((ok as { properties: { role: { enum: string[] } } }).properties.role.enum).toEqual([
      "viewer",
      "analyst",
      "admin",
    ]);
    for (const status of ["400", "401", "403", "429"])
      expect(post.responses[status]?.content?.["application/json"]?.schema, status).toEqual({
        $ref: "#/components/schemas/Error",
      });
    expect(post.responses["429"]?.headers).toHaveProperty("Retry-After");
    // signing in needs no credentials
    expect(post.security).toContainEqual({});
    const codes = (doc.components.schemas.Error as { properties: { code: { enum: string[] } } }).properties.code.enum;
    expect(codes).toEqual(
      expect.arrayContaining(["invalid_login", "too_many_logins", "unauthenticated", "csrf_token"]),
    );
  });
});

describe("OpenAPI document: security", () => {
  it("declares the bearer token, the session cookie and the CSRF header in components.securitySchemes", () => {
    expect(doc.components.securitySchemes).toMatchObject({
      bearerToken: { type: "http", scheme: "bearer" },
      sessionCookie: { type: "apiKey", in: "cookie", name: "shushi_session" },
      csrfToken: { type: "apiKey", in: "header", name: "X-CSRF-Token" },
    });
  });

  it("gives every operation the access requiredAccess enforces; writes need a token, or a session with its CSRF token", () => {
    const declared = new Set(Object.keys(doc.components.securitySchemes));
    for (const { path, method, op } of operations) {
      const where = `${method} ${path}`;
      const access = requiredAccess(method.toUpperCase(), path);
      expect(op["x-access"], where).toBe(access);
      expect(op.security, where).toBeDefined();
      for (const requirement of op.security ?? [])
        for (const name of Object.keys(requirement)) expect(declared.has(name), `${where}: ${name}`).toBe(true);
      const anonymousOk = (op.security ?? []).some((r) => Object.keys(r).length === 0);
      expect(anonymousOk, where).toBe(access === "open" || access === "read");
      if (access !== "open") expect(op.responses["401"], where).toBeDefined();
      if (!anonymousOk) {
        expect(op.security, where).toEqual([{ bearerToken: [] }, { sessionCookie: [], csrfToken: [] }]);
        expect(op.responses["403"], where).toBeDefined();
      }
    }
    expect(doc.paths["/api/datasets/import"]?.post?.["x-access"]).toBe("analyst");
    expect(doc.paths["/api/audit"]?.get?.["x-access"]).toBe("admin");
  });
});

describe("OpenAPI document: validity", () => {
  it("resolves every $ref, has unique operation ids and declares every path parameter", () => {
    for (const r of refs(doc)) {
      const name = /^#\/components\/schemas\/(.+)$/.exec(r)?.[1];
      expect(name !== undefined && name in doc.components.schemas, r).toBe(true);
    }
    const ids = operations.map((o) => o.op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { path, method, op } of operations) {
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const declared = (op.parameters ?? []).filter((p) => p.in === "path").map((p) => p.name);
      expect(declared.sort(), `${method} ${path}`).toEqual(inPath.sort());
      for (const [status, r] of Object.entries(op.responses)) expect(r.description, `${path} ${status}`).not.toBe("");
    }
  });

  it.skipIf(!hasValidator)("passes openapi-spec-validator (OpenAPI 3.1 meta-schema)", () => {
    const run = spawnSync(
      "python3",
      ["-c", "import json,sys; from openapi_spec_validator import validate; validate(json.load(sys.stdin))"],
      { input: JSON.stringify(doc), encoding: "utf8" },
    );
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });
});

describe("/api/session answers match the documented schemas", () => {
  const user: UserRecord & { passwordHash: string } = {
    name: "ana",
    role: "analyst",
    hasPassword: true,
    passwordHash: "hash-of-right",
    createdAt: "2026-12-01T00:00:00Z",
  };
  const users: UserDirectory = {
    userByToken: async () => undefined,
    getUser: async (name) => (name === user.name ? user : undefined),
    listAudit: async () => [],
    appendAudit: async () => undefined,
  };
  const app = () =>
    createApp({
      source: memorySource([{ meta: fakeMeta("t3", 2015), table: threeSectorTable() }]),
      cache: false,
      auth: {
        users,
        verifyPassword: async (hash, password) => hash === `hash-of-${password}`,
        loginThrottle: { maxFailuresPerName: 1 },
      },
    });
  const post = (a: ReturnType<typeof app>, password: string) =>
    a.request("/api/session", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "ana", password }),
    });

  it("GET, POST 200, 401 and 429 bodies parse with the published schemas", async () => {
    const a = app();
    expect(sessionResponse.parse(await (await a.request("/api/session")).json())).toEqual({
      name: "anonymous",
      role: null,
      via: "anonymous",
    });
    expect(loginResponse.parse(await (await post(a, "right")).json())).toMatchObject({ name: "ana", role: "analyst" });
    const wrong = await post(a, "wrong");
    expect(wrong.status).toBe(401);
    expect(errorBody.parse(await wrong.json()).code).toBe("invalid_login");
    const busy = await post(a, "right");
    expect(busy.status).toBe(429);
    expect(errorBody.parse(await busy.json()).code).toBe("too_many_logins");
    expect(Number(busy.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});
