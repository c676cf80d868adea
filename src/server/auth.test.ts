/**
 * Auth, roles, CSRF, Host and Origin through `app.request` on a real (temporary) store: one "shipped"
 * table `cn-nbs-io-2005-42` imported with the shipped flag, users and tokens added through the store.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hash } from "@node-rs/argon2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readInputTable } from "../app/index.js";
import { type DataStore, openDataStore } from "../app/store.js";
import { createApp, type ServerDeps } from "./app.js";
import { type AuthOptions, isLoopbackHost, newApiToken, tokenSha256 } from "./auth.js";

const TEMPLATE = [
  "# unit: 万元",
  "code,name,01,02,03,fd_final_demand,output",
  "01,农业 Agriculture,150,500,50,300,1000",
  "02,制造业 Manufacturing,200,100,400,1300,2000",
  "03,服务业 Services,300,0,0,700,1000",
  "va_value_added,增加值 Value added,350,1400,550,,",
].join("\n");
const SHIPPED = "cn-nbs-io-2005-42";

let dir: string;
let store: DataStore;
const tokens: Record<"viewer" | "analyst" | "admin", string> = {
  viewer: newApiToken(),
  analyst: newApiToken(),
  admin: newApiToken(),
};
const names = { viewer: "vera", analyst: "ana", admin: "root" } as const;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "shushi-auth-"));
  store = await openDataStore(dir, { build: false });
  const read = await readInputTable(new TextEncoder().encode(TEMPLATE), { file: "t.csv" });
  const done = await store.store.importIoTable({ ...read.meta, id: SHIPPED }, read.table, {
    replace: true,
    shipped: true,
  });
  expect(done.ok).toBe(true);
  for (const role of ["viewer", "analyst", "admin"] as const) {
    const passwordHash = await hash(`pw-${role}`);
    await store.store.addUser({ name: names[role], role, passwordHash }, "test");
    await store.store.addToken(names[role], tokenSha256(tokens[role]), "test", "test");
  }
});

afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

function deps(extra: Partial<ServerDeps> = {}): ServerDeps {
  return { source: store.source, importer: store.importer, deleter: store.deleter, cache: false, ...extra };
}
const authOptions = (extra: Partial<AuthOptions> = {}): AuthOptions => ({ users: store.store, ...extra });
const bearer = (role: keyof typeof tokens) => ({ authorization: `Bearer ${tokens[role]}` });
const code = async (r: Response) => ((await r.json()) as { code: string }).code;

describe("anonymous local mode (no auth configured)", () => {
  const app = () => createApp(deps());

  it("refuses the issue's attack: a cross-origin text/plain POST replacing a shipped table (403 foreign_origin)", async () => {
    const r = await app().request(`/api/datasets/import?id=${SHIPPED}&replace=true`, {
      method: "POST",
      headers: { "content-type": "text/plain", origin: "http://evil.example" },
      body: TEMPLATE,
    });
    expect(r.status).toBe(403);
    expect(await code(r)).toBe("foreign_origin");
    expect((await store.store.getDataset(SHIPPED))?.shipped).toBe(true);
  });

  it("treats an https Origin of the same host as own (HTTPS reverse proxy), and `null` as foreign", async () => {
    const viaProxy = await app().request("http://localhost/api/datasets/import?id=proxied&file=t.csv", {
      method: "POST",
      headers: { origin: "https://localhost" },
      body: TEMPLATE,
    });
    expect(viaProxy.status).toBe(201);
    const sandboxed = await app().request("/api/datasets/import?id=x2", {
      method: "POST",
      headers: { origin: "null" },
      body: TEMPLATE,
    });
    expect(sandboxed.status).toBe(403);
  });

  it("refuses a cross-site write announced only by Sec-Fetch-Site", async () => {
    const r = await app().request("/api/datasets/import?id=x1", {
      method: "POST",
      headers: { "sec-fetch-site": "cross-site" },
      body: TEMPLATE,
    });
    expect(r.status).toBe(403);
    expect(await code(r)).toBe("foreign_origin");
  });

  it("refuses a foreign Host on reads and writes (DNS rebinding: 403 host_not_allowed)", async () => {
    const get = await app().request("http://attacker.example:8787/api/datasets");
    expect(get.status).toBe(403);
    expect(await code(get)).toBe("host_not_allowed");
    const ok = await app().request("http://127.0.0.1:8787/api/health");
    expect(ok.status).toBe(200);
    const configured = createApp(deps({ origins: { allowedHosts: ["stats.example"] } }));
    expect((await configured.request("http://stats.example/api/health")).status).toBe(200);
  });

  it("refuses replacing or deleting shipped data even from the same origin (403 dataset_protected)", async () => {
    const put = await app().request(`http://localhost/api/datasets/import?id=${SHIPPED}&replace=true`, {
      method: "POST",
      headers: { origin: "http://localhost", "sec-fetch-site": "same-origin" },
      body: TEMPLATE,
    });
    expect(put.status).toBe(403);
    expect(await code(put)).toBe("dataset_protected");
    const del = await app().request(`/api/datasets/${SHIPPED}`, { method: "DELETE" });
    expect(del.status).toBe(403);
    expect(await code(del)).toBe("dataset_protected");
  });

  it("rejects hostile ids with a coded 400", async () => {
    for (const id of ["../../x", "<img src=x onerror=alert(1)>", '=HYPERLINK("http://x")', "user/../x"]) {
      const r = await app().request(`/api/datasets/import?id=${encodeURIComponent(id)}`, {
        method: "POST",
        body: TEMPLATE,
      });
      expect(r.status, id).toBe(400);
      expect(await code(r), id).toBe("invalid_value");
    }
  });

  it("imports under the plain id, deletes it, and the delete invalidates cached results", async () => {
    const a = createApp(deps({ cache: undefined as never }));
    const imp = await a.request("/api/datasets/import?id=local-t&file=t.csv", { method: "POST", body: TEMPLATE });
    expect(imp.status).toBe(201);
    expect(((await imp.json()) as { dataset: { id: string } }).dataset.id).toBe("local-t");
    expect((await a.request("/api/io/linkages?table=local-t")).status).toBe(200);
    const del = await a.request("/api/datasets/local-t", { method: "DELETE" });
    expect(del.status).toBe(200);
    expect((await a.request("/api/io/linkages?table=local-t")).status).toBe(404);
    expect((await a.request("/api/datasets/local-t", { method: "DELETE" })).status).toBe(404);
    const log = await store.store.listAudit({ target: "local-t" });
    expect(log.map((e) => [e.action, e.actor])).toEqual([
      ["dataset.delete", "local"],
      ["dataset.import", "local"],
    ]);
  });

  it("keeps CORS closed: no Access-Control-Allow-Origin for a foreign origin", async () => {
    const r = await app().request("/api/datasets", { headers: { origin: "http://evil.example" } });
    expect(r.headers.get("access-control-allow-origin")).toBeNull();
    const open = createApp(deps({ origins: { allowedOrigins: ["http://portal.example"] } }));
    const pre = await open.request("/api/datasets", {
      method: "OPTIONS",
      headers: { origin: "http://portal.example" },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get("access-control-allow-origin")).toBe("http://portal.example");
  });
});

describe("tokens and roles (auth configured)", () => {
  const app = (extra: Partial<AuthOptions> = {}) => createApp(deps({ auth: authOptions(extra) }));

  it("anonymous: reads on loopback by default, nothing when anonymous is none; writes need a token (401)", async () => {
    expect((await app().request("/api/datasets")).status).toBe(200);
    const none = await app({ anonymous: "none" }).request("/api/datasets");
    expect(none.status).toBe(401);
    expect(await code(none)).toBe("unauthenticated");
    expect((await app({ anonymous: "none" }).request("/api/health")).status).toBe(200);
    const write = await app().request("/api/datasets/import?id=w", { method: "POST", body: TEMPLATE });
    expect(write.status).toBe(401);
    const bad = await app().request("/api/datasets", { headers: { authorization: "Bearer nope" } });
    expect(bad.status).toBe(401);
  });

  it("viewer reads but may not import (403 forbidden_role)", async () => {
    expect((await app({ anonymous: "none" }).request("/api/datasets", { headers: bearer("viewer") })).status).toBe(200);
    const r = await app().request("/api/datasets/import?id=v", {
      method: "POST",
      headers: bearer("viewer"),
      body: TEMPLATE,
    });
    expect(r.status).toBe(403);
    expect(await code(r)).toBe("forbidden_role");
  });

  it("analyst imports into user/<name>/, not into another user's namespace, and deletes its own", async () => {
    const imp = await app().request("/api/datasets/import?id=t&file=t.csv", {
      method: "POST",
      headers: bearer("analyst"),
      body: TEMPLATE,
    });
    expect(imp.status).toBe(201);
    expect(((await imp.json()) as { dataset: { id: string } }).dataset.id).toBe("user/ana/t");
    const other = await app().request("/api/datasets/import?id=user/bob/t", {
      method: "POST",
      headers: bearer("analyst"),
      body: TEMPLATE,
    });
    expect(other.status).toBe(403);
    expect(await code(other)).toBe("not_owner");
    const shipped = await app().request(`/api/datasets/import?id=${SHIPPED}&replace=true`, {
      method: "POST",
      headers: bearer("admin"),
      body: TEMPLATE,
    });
    // even an administrator's import lands in its own namespace: the shipped table is untouched
    expect(shipped.status).toBe(201);
    expect(((await shipped.json()) as { dataset: { id: string } }).dataset.id).toBe(`user/root/${SHIPPED}`);
    const adminDelete = await app().request(`/api/datasets/${SHIPPED}`, { method: "DELETE", headers: bearer("admin") });
    expect(adminDelete.status).toBe(403);
    expect(await code(adminDelete)).toBe("dataset_protected");
    const del = await app().request("/api/datasets/t", { method: "DELETE", headers: bearer("analyst") });
    expect(del.status).toBe(200);
    expect(((await del.json()) as { id: string }).id).toBe("user/ana/t");
  });

  it("audit log: admins only", async () => {
    const analyst = await app().request("/api/audit", { headers: bearer("analyst") });
    expect(analyst.status).toBe(403);
    expect((await app().request("/api/audit")).status).toBe(401);
    const admin = await app().request("/api/audit?limit=1000", { headers: bearer("admin") });
    expect(admin.status).toBe(200);
    const { entries } = (await admin.json()) as {
      entries: { action: string; actor: string; target: string; sha256After: string | null }[];
    };
    const imported = entries.find((e) => e.target === "user/ana/t" && e.action === "dataset.import");
    expect(imported).toMatchObject({ actor: "ana", sha256After: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(entries.some((e) => e.target === "user/ana/t" && e.action === "dataset.delete")).toBe(true);
  });

  it("a revoked user's token stops working", async () => {
    const token = newApiToken();
    await store.store.addUser({ name: "temp", role: "analyst" }, "test");
    await store.store.addToken("temp", tokenSha256(token), "t", "test");
    const h = { authorization: `Bearer ${token}` };
    expect((await app({ anonymous: "none" }).request("/api/datasets", { headers: h })).status).toBe(200);
    await store.store.revokeUser("temp", "test");
    expect((await app({ anonymous: "none" }).request("/api/datasets", { headers: h })).status).toBe(401);
  });
});

describe("dashboard sessions", () => {
  let a: ReturnType<typeof createApp>;
  beforeAll(() => {
    a = createApp(deps({ auth: authOptions({ anonymous: "none" }) }));
  });

  function cookies(r: Response): Record<string, string> {
    const out: Record<string, string> = {};
    for (const line of r.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const [k, v] = (pair ?? "").split("=");
      if (k !== undefined) out[k] = v ?? "";
    }
    return out;
  }

  it("refuses a wrong password with 401 invalid_login", async () => {
    const r = await a.request("/api/session", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "ana", password: "wrong" }),
    });
    expect(r.status).toBe(401);
    expect(await code(r)).toBe("invalid_login");
  });

  it("logs in with HttpOnly SameSite=Strict cookies; writes need the CSRF token; logout ends the session", async () => {
    const login = await a.request("/api/session", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "ana", password: "pw-analyst" }),
    });
    expect(login.status).toBe(200);
    const setCookies = login.headers.getSetCookie();
    const sessionLine = setCookies.find((l) => l.startsWith("shushi_session=")) ?? "";
    expect(sessionLine).toMatch(/HttpOnly/);
    expect(sessionLine).toMatch(/SameSite=Strict/);
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const jar = cookies(login);
    const cookie = `shushi_session=${jar.shushi_session}; shushi_csrf=${jar.shushi_csrf}`;
    expect(((await (await a.request("/api/session", { headers: { cookie } })).json()) as { role: string }).role).toBe(
      "analyst",
    );
    const noCsrf = await a.request("/api/datasets/import?id=s1", {
      method: "POST",
      headers: { cookie },
      body: TEMPLATE,
    });
    expect(noCsrf.status).toBe(403);
    expect(await code(noCsrf)).toBe("csrf_token");
    const withCsrf = await a.request("/api/datasets/import?id=s1", {
      method: "POST",
      headers: { cookie, "x-csrf-token": csrfToken },
      body: TEMPLATE,
    });
    expect(withCsrf.status).toBe(201);
    const out = await a.request("/api/session", { method: "DELETE", headers: { cookie, "x-csrf-token": csrfToken } });
    expect(out.status).toBe(204);
    expect((await a.request("/api/datasets", { headers: { cookie } })).status).toBe(401);
  });

  it("refuses a login posted from another site", async () => {
    const r = await a.request("/api/session", {
      method: "POST",
      headers: { "content-type": "application/json", origin: "http://evil.example" },
      body: JSON.stringify({ name: "ana", password: "pw-analyst" }),
    });
    expect(r.status).toBe(403);
    expect(await code(r)).toBe("foreign_origin");
  });
});

describe("login throttling", () => {
  const login = (a: ReturnType<typeof createApp>, name: string, password: string, lang = "en") =>
    a.request(`/api/session?lang=${lang}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name, password }),
    });
  /** an app whose clock and client address the test sets */
  function throttled(extra: Partial<AuthOptions> = {}) {
    const clock = { t: Date.parse("2026-12-01T08:00:00Z"), address: "192.0.2.1" };
    const a = createApp(
      deps({ auth: authOptions({ now: () => clock.t, clientAddress: () => clock.address, ...extra }) }),
    );
    return { a, clock };
  }

  it("refuses the 6th attempt on a name after 5 failures with 429 too_many_logins and Retry-After, even with the right password", async () => {
    const { a, clock } = throttled();
    for (let i = 0; i < 5; i++) expect((await login(a, "ana", `guess-${i}`)).status).toBe(401);
    clock.address = "198.51.100.9"; // another address: the name's counter still holds
    const r = await login(a, "ana", "pw-analyst");
    expect(r.status).toBe(429);
    expect(r.headers.get("retry-after")).toBe("900");
    const body = (await r.json()) as { code: string; message: string; params: Record<string, unknown> };
    expect(body).toMatchObject({ code: "too_many_logins", params: { retryAfterSeconds: 900, minutes: 15 } });
    expect(body.message).toContain("15 minute");
    const zh = await login(a, "ana", "pw-analyst", "zh-CN");
    expect(((await zh.json()) as { message: string }).message).toContain("15 分钟");
    // the window slides: 15 minutes after the first failure one attempt is allowed again
    clock.t += 15 * 60 * 1000;
    expect((await login(a, "ana", "pw-analyst")).status).toBe(200);
  });

  it("counts Retry-After down from the oldest failure in the window", async () => {
    const { a, clock } = throttled();
    for (let i = 0; i < 5; i++) {
      expect((await login(a, "vera", "wrong")).status).toBe(401);
      clock.t += 60 * 1000;
    }
    const r = await login(a, "vera", "pw-viewer");
    expect(r.status).toBe(429);
    expect(r.headers.get("retry-after")).toBe(String(10 * 60));
  });

  it("a successful login resets the name's counter", async () => {
    const { a } = throttled();
    for (let i = 0; i < 4; i++) expect((await login(a, "root", "wrong")).status).toBe(401);
    expect((await login(a, "root", "pw-admin")).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await login(a, "root", "wrong")).status).toBe(401);
    expect((await login(a, "root", "pw-admin")).status).toBe(200);
  });

  it("throttles one address trying many names (20 by default), unknown names alike", async () => {
    const { a, clock } = throttled();
    for (let i = 0; i < 20; i++) expect((await login(a, `nobody-${i}`, "x")).status).toBe(401);
    const r = await login(a, "ana", "pw-analyst");
    expect(r.status).toBe(429);
    expect(await code(r)).toBe("too_many_logins");
    clock.address = "192.0.2.2";
    expect((await login(a, "ana", "pw-analyst")).status).toBe(200);
  });

  it("answers an unknown and a known name the same way when throttled, without checking the password", async () => {
    let checks = 0;
    const { a } = throttled({
      loginThrottle: { maxFailuresPerName: 2 },
      verifyPassword: async () => {
        checks++;
        return false;
      },
    });
    for (const name of ["ana", "ghost"]) {
      for (let i = 0; i < 2; i++) expect((await login(a, name, "x")).status).toBe(401);
      const before = checks;
      const r = await login(a, name, "x");
      expect(r.status, name).toBe(429);
      expect(checks, name).toBe(before);
    }
    expect(checks).toBe(4);
  });
});

describe("isLoopbackHost", () => {
  it("accepts 127.0.0.0/8, ::1 and localhost; refuses 0.0.0.0 and LAN addresses", () => {
    expect(["127.0.0.1", "127.1.2.3", "::1", "[::1]", "localhost"].every(isLoopbackHost)).toBe(true);
    expect(["0.0.0.0", "::", "192.168.1.10", "example.org"].some(isLoopbackHost)).toBe(false);
  });
});
