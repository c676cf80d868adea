/**
 * The dashboard's only way into the system: the HTTP API (docs/decisions/0001). Every request carries
 * `lang` so diagnostics and error messages come back in the UI language.
 */
import type { DatasetsResponse, LinkageResult, Locale, MatrixResult, SeriesResult } from "../charts/api-types.js";

/** An API error body `{code, message, params}` (or a transport failure). */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  constructor(code: string, message: string, status: number) {
    super(message);
    this.code = code;
    this.status = status;
  }
}

async function getJson<T>(path: string, params: Record<string, string>, lang: Locale): Promise<T> {
  const query = new URLSearchParams({ ...params, lang });
  const res = await fetch(`${path}?${query.toString()}`, { headers: { accept: "application/json" } });
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ApiError("invalid_response", `${res.status} ${res.statusText}`, res.status);
  }
  if (!res.ok) {
    const b = body as { code?: unknown; message?: unknown };
    throw new ApiError(String(b.code ?? "http_error"), String(b.message ?? res.statusText), res.status);
  }
  return body as T;
}

export interface LinkageQuery {
  readonly table: string;
  readonly group: string;
  readonly variant: string;
  readonly groupMethod: string;
}

export const api = {
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
};
