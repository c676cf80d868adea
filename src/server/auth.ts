/**
 * Who may do what over HTTP (身份验证与权限), as Hono middleware (threat model: docs/security.md,
 * decision: docs/decisions/0008-auth.md):
 *
 * 1. **Host allow-list** (every request, also the dashboard): only the bound host and the loopback
 *    names by default, so a DNS-rebinding page (attacker.example resolving to 127.0.0.1) gets 403
 *    `host_not_allowed`.
 * 2. **Foreign origins** (state-changing methods): refused with 403 `foreign_origin` when
 *    `Sec-Fetch-Site` says `cross-site`/`same-site`, or `Origin` is not this server's own origin (nor an
 *    allowed CORS origin). A request with neither header is not a browser's (curl, scripts) and goes on
 *    to authentication. This holds in every mode, anonymous included.
 * 3. **Identity**: `Authorization: Bearer <token>` (sha256 looked up in the store), else the session
 *    cookie (HttpOnly, SameSite=Strict; state-changing requests also need the session's CSRF token in
 *    `X-CSRF-Token`), else anonymous.
 * 4. **Roles**: viewer reads; analyst also imports, deletes its own datasets and computes on uploads;
 *    admin also reads the audit log. Anonymous requests read when `anonymous: "read"` (loopback),
 *    nothing when `"none"` (401 `unauthenticated`).
 * 5. **Login throttling**: failed logins are counted per client address and per user name
 *    (src/server/login-throttle.ts); past the limit `POST /api/session` answers 429 `too_many_logins`
 *    with `Retry-After`, before any password check.
 *
 * Without {@link AuthOptions} (`createApp` without `auth`: tests, a library embedding) the identity is
 * the local user (analyst rights, plain dataset ids), and 1–2 still apply.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { z } from "zod";
import { type AuditEntry, ROLES, type Role, type UserRecord } from "../app/store.js";
import { EdgeError } from "../methods/index.js";
import { createLoginThrottle, type LoginThrottleOptions } from "./login-throttle.js";

export type { Role } from "../app/store.js";

/** Who sends a request. */
export interface Identity {
  /** user name; `local` without auth, `anonymous` for an unauthenticated request with auth */
  readonly name: string;
  /** undefined: anonymous (reads only, when allowed) */
  readonly role: Role | undefined;
  /** how the identity was established */
  readonly via: "local" | "anonymous" | "token" | "session";
  /** dataset ids are namespaced `user/<name>/<id>` (every authenticated user) */
  readonly namespaced: boolean;
}

/** What auth reads from the store (the store implements it). */
export interface UserDirectory {
  userByToken(tokenSha256: string): Promise<UserRecord | undefined>;
  getUser(name: string): Promise<(UserRecord & { readonly passwordHash?: string }) | undefined>;
  listAudit(options?: { limit?: number; target?: string }): Promise<AuditEntry[]>;
  appendAudit(entry: {
    actor: string;
    action: string;
    target: string;
    detail?: Record<string, unknown>;
  }): Promise<unknown>;
}

export interface AuthOptions {
  readonly users: UserDirectory;
  /** what a request without token or session may do: read (loopback default) or nothing @default "read" */
  readonly anonymous?: "read" | "none";
  /** checks a password against its stored argon2 hash @default @node-rs/argon2 `verify` */
  readonly verifyPassword?: (hash: string, password: string) => Promise<boolean>;
  /** session lifetime in milliseconds @default 12 h */
  readonly sessionTtlMs?: number;
  /** mark cookies `Secure` (behind an HTTPS proxy) @default false */
  readonly secureCookies?: boolean;
  /** clock for session expiry and login throttling @default Date.now */
  readonly now?: () => number;
  /**
   * limits on failed logins per client address and per user name (src/server/login-throttle.ts; its
   * clock is `now`) @default 5 per name, 20 per address, in 15 minutes
   */
  readonly loginThrottle?: Omit<LoginThrottleOptions, "now">;
  /**
   * the client address failed logins are counted against @default the socket's remote address
   * (`unknown` when there is none, e.g. `app.request` in tests)
   */
  readonly clientAddress?: (c: Context) => string;
}

export interface OriginOptions {
  /**
   * host names (without port) the server answers to @default the loopback names (`localhost`,
   * `127.0.0.1`, `::1`); `*` allows any (not recommended)
   */
  readonly allowedHosts?: readonly string[];
  /** origins allowed cross-origin (CORS) and for state-changing requests @default none (CORS closed) */
  readonly allowedOrigins?: readonly string[];
}

/** The loopback names, always allowed. */
export const LOOPBACK_HOSTS: readonly string[] = ["localhost", "127.0.0.1", "::1"];

/** True for a loopback bind address (127.0.0.0/8, ::1, localhost). */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, "").toLowerCase();
  return h === "localhost" || h === "::1" || /^127(?:\.\d{1,3}){3}$/.test(h);
}

const UNSAFE_METHODS: ReadonlySet<string> = new Set(["POST", "PUT", "PATCH", "DELETE"]);
export const SESSION_COOKIE = "shushi_session";
export const CSRF_COOKIE = "shushi_csrf";
export const CSRF_HEADER = "x-csrf-token";
const DEFAULT_SESSION_TTL_MS = 12 * 3600 * 1000;
const ROLE_RANK: Readonly<Record<Role, number>> = { viewer: 0, analyst: 1, admin: 2 };

/** sha256 hex of a token (what the store keeps). */
export function tokenSha256(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** A new random API token: `shushi_` and 256 random bits, base64url. */
export function newApiToken(): string {
  return `shushi_${randomBytes(32).toString("base64url")}`;
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * True when `origin` names the request's own host and port. The scheme is not compared: behind an
 * HTTPS reverse proxy the browser's origin is https while the server sees http. `null` and malformed
 * origins are foreign.
 */
function sameHost(origin: string, url: string): boolean {
  try {
    return new URL(origin).host.toLowerCase() === new URL(url).host.toLowerCase();
  } catch {
    return false;
  }
}

function hostnameOf(c: Context): string {
  // @hono/node-server builds the URL from the Host header; app.request() from the given URL
  return new URL(c.req.url).hostname.replace(/^\[|\]$/g, "").toLowerCase();
}

/**
 * Host allow-list and foreign-origin refusal (every mode). Also answers CORS preflights of allowed
 * origins; without allowed origins no CORS header is ever sent (closed).
 */
export function originGuard(options: OriginOptions = {}): MiddlewareHandler {
  const hosts = new Set([...LOOPBACK_HOSTS, ...(options.allowedHosts ?? []).map((h) => h.toLowerCase())]);
  const anyHost = hosts.has("*");
  const origins = new Set(options.allowedOrigins ?? []);
  return async (c, next) => {
    const host = hostnameOf(c);
    if (!anyHost && !hosts.has(host))
      throw new EdgeError("forbidden", "host_not_allowed", "error.host_not_allowed", {
        host: host.slice(0, 200),
        allowed: [...hosts].join(", "),
      });
    const origin = c.req.header("origin");
    const corsAllowed = origin !== undefined && origins.has(origin);
    if (c.req.method === "OPTIONS" && corsAllowed) {
      return c.body(null, 204, {
        "Access-Control-Allow-Origin": origin,
        "Access-Control-Allow-Methods": "GET, POST, DELETE",
        "Access-Control-Allow-Headers": "Authorization, Content-Type, X-CSRF-Token",
        "Access-Control-Max-Age": "600",
        Vary: "Origin",
      });
    }
    if (UNSAFE_METHODS.has(c.req.method)) {
      const site = c.req.header("sec-fetch-site");
      const foreignSite = site !== undefined && site !== "same-origin" && site !== "none" && !corsAllowed;
      const foreignOrigin = origin !== undefined && !sameHost(origin, c.req.url) && !corsAllowed;
      if (foreignSite || foreignOrigin)
        throw new EdgeError("forbidden", "foreign_origin", "error.foreign_origin", {
          origin: (origin ?? site ?? "").slice(0, 200),
        });
    }
    await next();
    if (corsAllowed) {
      c.header("Access-Control-Allow-Origin", origin);
      c.header("Vary", "Origin", { append: true });
    }
    return undefined;
  };
}

interface Session {
  readonly user: string;
  readonly csrf: string;
  readonly expires: number;
}

/** The local identity without auth: one person on a laptop, analyst rights, plain ids. */
export const LOCAL_IDENTITY: Identity = { name: "local", role: "analyst", via: "local", namespaced: false };
const ANONYMOUS: Identity = { name: "anonymous", role: undefined, via: "anonymous", namespaced: true };

/** The identity of a request (set by {@link authenticate}; the local identity without auth). */
export function identityOf(c: Context): Identity {
  return (c.get("identity" as never) as Identity | undefined) ?? LOCAL_IDENTITY;
}

/** What a request needs, by method and path. */
export function requiredAccess(method: string, path: string): "open" | "read" | Role {
  if (path === "/api/session" || path === "/api/health") return "open";
  if (path === "/api/audit") return "admin";
  if (method === "GET" || method === "HEAD" || method === "OPTIONS") return "read";
  return "analyst";
}

/** Throws unless the identity may do what the request needs. */
export function checkAccess(identity: Identity, need: "open" | "read" | Role, anonymous: "read" | "none"): void {
  if (need === "open") return;
  if (identity.role === undefined) {
    if (need === "read" && anonymous === "read") return;
    throw new EdgeError("unauthenticated", "unauthenticated", "error.unauthenticated");
  }
  if (need === "read") return;
  if (ROLE_RANK[identity.role] < ROLE_RANK[need])
    throw new EdgeError("forbidden", "forbidden_role", "error.forbidden_role", {
      role: identity.role,
      required: need,
      action: need === "admin" ? "administer" : "write",
    });
}

/** The body of `POST /api/session` (also its OpenAPI request schema). */
export const loginRequest = z.object({
  name: z.string().min(1).max(64).describe("user name"),
  password: z.string().max(1024).describe("password (never logged)"),
});

/** The answer of `POST /api/session`: who signed in, and the CSRF token to echo in `X-CSRF-Token`. */
export const loginResponse = z.object({
  name: z.string(),
  role: z.enum(ROLES),
  csrfToken: z.string().describe("also set as the `shushi_csrf` cookie; send it in X-CSRF-Token on writes"),
});

/** The answer of `GET /api/session`: the identity of the request. */
export const sessionResponse = z.object({
  name: z.string().describe("user name; `anonymous` without token or session, `local` on a server without auth"),
  role: z.enum(ROLES).nullable().describe("null: anonymous"),
  via: z.enum(["local", "anonymous", "token", "session"]),
});

/** The client address of a request: the socket's remote address, `unknown` without a socket. */
function remoteAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown";
  }
}

export interface Authenticator {
  /** identity + role check of every /api request */
  readonly middleware: MiddlewareHandler;
  /** POST /api/session: name + password → session cookie and CSRF token */
  login(c: Context): Promise<Response>;
  /** DELETE /api/session */
  logout(c: Context): Response;
  /** GET /api/session: who am I */
  whoami(c: Context): Response;
}

let dummy: Promise<string> | undefined;
/** An argon2 hash of a random password, verified against for unknown user names. */
function dummyHash(): Promise<string> {
  dummy ??= import("@node-rs/argon2").then(({ hash }) => hash(randomBytes(16).toString("hex")));
  return dummy;
}

async function argon2Verify(hash: string, password: string): Promise<boolean> {
  const { verify } = await import("@node-rs/argon2");
  try {
    return await verify(hash, password);
  } catch {
    return false;
  }
}

/**
 * Token and session authentication with role checks (see the module comment).
 * @param options the user directory (the store), anonymous policy, password check, cookie settings
 */
export function createAuthenticator(options: AuthOptions): Authenticator {
  const sessions = new Map<string, Session>();
  const ttl = options.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS;
  const now = options.now ?? Date.now;
  const anonymous = options.anonymous ?? "read";
  const verify = options.verifyPassword ?? argon2Verify;
  const cookieBase = { path: "/", sameSite: "Strict", secure: options.secureCookies === true } as const;
  const throttle = createLoginThrottle({ ...options.loginThrottle, now });
  const clientAddress = options.clientAddress ?? remoteAddress;

  const fromUser = (u: UserRecord, via: "token" | "session"): Identity => ({
    name: u.name,
    role: u.role,
    via,
    namespaced: true,
  });

  async function identify(c: Context): Promise<{ identity: Identity; session?: Session }> {
    const authz = c.req.header("authorization");
    if (authz !== undefined) {
      const m = /^Bearer\s+(\S{1,512})$/i.exec(authz);
      const user = m?.[1] === undefined ? undefined : await options.users.userByToken(tokenSha256(m[1]));
      if (user === undefined) throw new EdgeError("unauthenticated", "unauthenticated", "error.unauthenticated");
      return { identity: fromUser(user, "token") };
    }
    const sid = getCookie(c, SESSION_COOKIE);
    if (sid !== undefined) {
      const key = tokenSha256(sid);
      const s = sessions.get(key);
      if (s !== undefined && s.expires > now()) {
        const user = await options.users.getUser(s.user);
        if (user !== undefined && user.revokedAt === undefined)
          return { identity: fromUser(user, "session"), session: s };
      }
      sessions.delete(key);
    }
    return { identity: ANONYMOUS };
  }

  const middleware: MiddlewareHandler = async (c, next) => {
    const { identity, session } = await identify(c);
    const path = new URL(c.req.url).pathname;
    checkAccess(identity, requiredAccess(c.req.method, path), anonymous);
    if (session !== undefined && UNSAFE_METHODS.has(c.req.method) && path !== "/api/session") {
      const sent = c.req.header(CSRF_HEADER) ?? "";
      if (!sameText(sent, session.csrf)) throw new EdgeError("forbidden", "csrf_token", "error.csrf_token");
    }
    c.set("identity" as never, identity as never);
    await next();
  };

  async function login(c: Context): Promise<Response> {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      body = undefined;
    }
    const parsed = loginRequest.safeParse(body);
    if (!parsed.success)
      throw new EdgeError("usage", "bad_request", "error.bad_request", { message: "expected JSON {name, password}" });
    const { name, password } = parsed.data;
    // throttled before the password is checked, the same for existing and unknown names
    const address = clientAddress(c);
    const verdict = throttle.check(address, name);
    if (!verdict.allowed) {
      const seconds = verdict.retryAfterSeconds;
      c.header("Retry-After", String(seconds));
      throw new EdgeError("busy", "too_many_logins", "error.too_many_logins", {
        retryAfterSeconds: seconds,
        minutes: Math.ceil(seconds / 60),
      });
    }
    const user = await options.users.getUser(name);
    const usable = user !== undefined && user.revokedAt === undefined && user.passwordHash !== undefined;
    // an unknown name costs one hash check too, so timing does not tell which names exist
    const checked = await verify(usable ? (user.passwordHash as string) : await dummyHash(), password);
    const ok = usable && checked;
    if (!ok || user === undefined) {
      throttle.fail(address, name);
      throw new EdgeError("unauthenticated", "invalid_login", "error.invalid_login");
    }
    throttle.succeed(name);
    const sid = randomBytes(32).toString("base64url");
    const csrf = randomBytes(32).toString("base64url");
    sessions.set(tokenSha256(sid), { user: user.name, csrf, expires: now() + ttl });
    for (const [k, s] of sessions) if (s.expires <= now()) sessions.delete(k);
    const maxAge = Math.floor(ttl / 1000);
    setCookie(c, SESSION_COOKIE, sid, { ...cookieBase, httpOnly: true, maxAge });
    // readable by the dashboard's script, which echoes it in X-CSRF-Token
    setCookie(c, CSRF_COOKIE, csrf, { ...cookieBase, httpOnly: false, maxAge });
    await options.users.appendAudit({ actor: user.name, action: "session.login", target: user.name });
    return c.json({ name: user.name, role: user.role, csrfToken: csrf } satisfies z.output<typeof loginResponse>);
  }

  function logout(c: Context): Response {
    const sid = getCookie(c, SESSION_COOKIE);
    if (sid !== undefined) sessions.delete(tokenSha256(sid));
    deleteCookie(c, SESSION_COOKIE, cookieBase);
    deleteCookie(c, CSRF_COOKIE, cookieBase);
    return c.body(null, 204);
  }

  function whoami(c: Context): Response {
    const id = identityOf(c);
    return c.json({ name: id.name, role: id.role ?? null, via: id.via } satisfies z.output<typeof sessionResponse>);
  }

  return { middleware, login, logout, whoami };
}
