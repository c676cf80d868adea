/**
 * The dashboard's only way into the system: the HTTP API (docs/decisions/0001). Every request carries
 * `lang` so diagnostics and error messages come back in the UI language; every state-changing request
 * carries the session's CSRF token (`X-CSRF-Token`, from the `shushi_csrf` cookie); a 401
 * `unauthenticated` answer calls the handler the shell registered (the login form).
 */
import type {
  CycleResult,
  DatasetsResponse,
  FusionResult,
  LinkageResult,
  Locale,
  MatrixResult,
  RegionRankResult,
  ReproductionResult,
  SeriesResult,
  WeightsResult,
} from "../charts/api-types.js";

/** One located data issue of a `data_issues` error (file, row, column in `location`, localised `message`). */
export interface ApiIssue {
  readonly code: string;
  readonly severity?: string;
  /** e.g. "indicators.csv, row 3, column 2 (“gdp”)" */
  readonly location?: string;
  readonly message?: string;
}

/** An API error body `{code, message, params, issues?}` (or a transport failure). */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  /** the located issues of a `data_issues` answer (bad cells of an upload) */
  readonly issues: readonly ApiIssue[];
  constructor(code: string, message: string, status: number, issues: readonly ApiIssue[] = []) {
    super(message);
    this.code = code;
    this.status = status;
    this.issues = issues;
  }
}

/** Who the dashboard is signed in as: `GET /api/session` (src/server/auth.ts `sessionResponse`). */
export interface SessionInfo {
  readonly name: string;
  /** null: anonymous */
  readonly role: "viewer" | "analyst" | "admin" | null;
  readonly via: "local" | "anonymous" | "token" | "session";
}

/** The cookie the server sets beside the session; its value goes back in `X-CSRF-Token` on writes. */
export const CSRF_COOKIE = "shushi_csrf";

/** The value of cookie `name` in a `document.cookie` string, if any. */
export function cookieValue(cookies: string, name: string): string | undefined {
  for (const part of cookies.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

/**
 * Headers of a state-changing request: the CSRF token from the `shushi_csrf` cookie (absent without a
 * session, e.g. on a laptop server without users).
 */
export function writeHeaders(cookies: string): Record<string, string> {
  const token = cookieValue(cookies, CSRF_COOKIE);
  return token === undefined || token === "" ? {} : { "X-CSRF-Token": token };
}

let onAuthRequired: (() => void) | undefined;

/**
 * Registers what happens when the API answers 401 `unauthenticated` (the shell shows the login form).
 * A wrong password (401 `invalid_login`) is an ordinary error of the login form instead.
 */
export function setAuthRequiredHandler(handler: () => void): void {
  onAuthRequired = handler;
}

/** The JSON of an answer, or the API error it carries (a 401 `unauthenticated` may call the handler). */
async function answer<T>(res: Response, promptSignIn: boolean): Promise<T | undefined> {
  if (res.status === 204) return undefined;
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ApiError("invalid_response", `${res.status} ${res.statusText}`, res.status);
  }
  if (!res.ok) {
    const b = parsed as { code?: unknown; message?: unknown; issues?: unknown };
    const issues = Array.isArray(b.issues) ? (b.issues as ApiIssue[]) : [];
    const error = new ApiError(String(b.code ?? "http_error"), String(b.message ?? res.statusText), res.status, issues);
    if (promptSignIn && res.status === 401 && error.code === "unauthenticated") onAuthRequired?.();
    throw error;
  }
  return parsed as T;
}

const withLang = (path: string, lang: Locale): string =>
  `${path}${path.includes("?") ? "&" : "?"}lang=${encodeURIComponent(lang)}`;

async function request<T>(method: string, path: string, lang: Locale, body?: unknown): Promise<T | undefined> {
  const init: RequestInit = { method, headers: { accept: "application/json" }, credentials: "same-origin" };
  if (method !== "GET" && method !== "HEAD") {
    init.headers = {
      accept: "application/json",
      ...writeHeaders(document.cookie),
      ...(body !== undefined && { "content-type": "application/json" }),
    };
    if (body !== undefined) init.body = JSON.stringify(body);
  }
  return answer<T>(await fetch(withLang(path, lang), init), true);
}

/**
 * POSTs a file as the raw request body (`POST <method path>?<options>&file=<name>`), as the CLI's
 * `--input FILE` reads it: the server detects CSV/XLSX and the encoding, and names `file` in located
 * errors. A state-changing request: it carries the CSRF token and needs an analyst's session. A 401
 * is shown where the upload was made (the chosen file stays), not by replacing the page with the form.
 */
export async function postFile<T>(path: string, params: Record<string, string>, file: File, lang: Locale): Promise<T> {
  const query = new URLSearchParams({ ...params, file: file.name }).toString();
  const res = await fetch(withLang(`${path}?${query}`, lang), {
    method: "POST",
    credentials: "same-origin",
    headers: {
      accept: "application/json",
      "content-type": file.type === "" ? "application/octet-stream" : file.type,
      ...writeHeaders(document.cookie),
    },
    body: file,
  });
  return (await answer<T>(res, false)) as T;
}

/** GET a method route with its options as the query (and `lang`), the JSON or the API error. */
export async function getJson<T>(path: string, params: Record<string, string>, lang: Locale): Promise<T> {
  const query = new URLSearchParams(params).toString();
  return (await request<T>("GET", query === "" ? path : `${path}?${query}`, lang)) as T;
}

export interface LinkageQuery {
  readonly table: string;
  readonly group: string;
  readonly variant: string;
  readonly groupMethod: string;
}

export const api = {
  session: (lang: Locale) => getJson<SessionInfo>("/api/session", {}, lang),
  /** signs in (sets the session and CSRF cookies) */
  login: async (name: string, password: string, lang: Locale) =>
    (await request<{ name: string; role: string; csrfToken: string }>("POST", "/api/session", lang, {
      name,
      password,
    })) as { name: string; role: string; csrfToken: string },
  logout: async (lang: Locale): Promise<void> => {
    await request<undefined>("DELETE", "/api/session", lang);
  },
  datasets: (lang: Locale) => getJson<DatasetsResponse>("/api/datasets", {}, lang),
  linkages: (q: LinkageQuery, lang: Locale) =>
    getJson<LinkageResult>(
      "/api/io/linkages",
      { table: q.table, group: q.group, variant: q.variant, groupMethod: q.groupMethod },
      lang,
    ),
  matrix: (table: string, which: "A" | "L", lang: Locale) =>
    getJson<MatrixResult>("/api/io/matrix", { table, which }, lang),
  series: (q: { group: string; family: string; variant: string; groupMethod: string }, lang: Locale) =>
    getJson<SeriesResult>(
      "/api/io/series",
      { group: q.group, family: q.family, variant: q.variant, groupMethod: q.groupMethod },
      lang,
    ),
  reproduction: (lang: Locale) => getJson<ReproductionResult>("/api/reproduction", {}, lang),
  cycle: (q: { dataset: string; column: string; from: string }, lang: Locale) =>
    getJson<CycleResult>("/api/index/cycle", { dataset: q.dataset, column: q.column, from: q.from }, lang),
  /** the integration index's public-data proxy beside CAICT's printed values */
  fusion: (q: { baseYear: number }, lang: Locale) =>
    getJson<FusionResult>("/api/fusion/index", { baseYear: String(q.baseYear) }, lang),
  /** the 31 provinces under "2135+N": ranks, tiers, disparity, catalogue; intervals and Sobol when runs > 0 */
  regionRank: (q: { year: number; runs: number; seed: number }, lang: Locale) =>
    getJson<RegionRankResult>(
      "/api/region/rank",
      { year: String(q.year), runs: String(q.runs), seed: String(q.seed) },
      lang,
    ),
  /** weights of an uploaded indicator table (`entity`, optional `year`, one column per indicator) */
  weights: (file: File, q: { method: string; directions: string }, lang: Locale) =>
    postFile<WeightsResult>(
      "/api/index/weights",
      { method: q.method, ...(q.directions.trim() !== "" && { directions: q.directions.trim() }) },
      file,
      lang,
    ),
};
