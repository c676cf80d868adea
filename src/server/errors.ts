/**
 * The one error mapping of the HTTP API (STYLE §2.6): data issues → 422, unknown dataset → 404,
 * core contract violations and bad parameters → 400, body too large → 413, everything else → 500.
 * The body is always `{code, message, params, issues?}` with `message` in the request's language.
 */
import { isDatasetNotFound } from "../app/errors.js";
import { isCoreError } from "../core/errors.js";
import { DataIssuesError } from "../data/issues.js";
import { catalog, type Lang, type MessageKey, renderIssue, t } from "../i18n/index.js";

/** A request error raised by a route (bad query parameter, missing body …). */
export class ApiError extends Error {
  readonly status: 400 | 404 | 413 | 501;
  readonly code: string;
  readonly key: MessageKey;
  readonly params: Readonly<Record<string, unknown>>;
  constructor(status: ApiError["status"], code: string, key: MessageKey, params: Record<string, unknown> = {}) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.key = key;
    this.params = params;
  }
}

export interface ErrorBody {
  code: string;
  message: string;
  params: Readonly<Record<string, unknown>>;
  issues?: ReturnType<typeof renderIssue>[];
}

/** Maps any thrown value to an HTTP status and error body. */
export function errorResponse(e: unknown, lang: Lang): { status: 400 | 404 | 413 | 422 | 500 | 501; body: ErrorBody } {
  if (e instanceof DataIssuesError) {
    const count = e.issues.length;
    return {
      status: 422,
      body: {
        code: "data_issues",
        message: t("error.data_issues", lang, { count }),
        params: { count },
        issues: e.issues.map((i) => renderIssue(i, lang)),
      },
    };
  }
  if (isDatasetNotFound(e)) {
    return {
      status: 404,
      body: {
        code: "unknown_dataset",
        message: catalog(lang).dataIssue("unknown_dataset", { id: e.id }),
        params: { id: e.id },
      },
    };
  }
  if (isCoreError(e)) {
    return {
      status: 400,
      body: { code: e.code, message: catalog(lang).coreError(e.code, e.params), params: e.params },
    };
  }
  if (e instanceof ApiError) {
    return { status: e.status, body: { code: e.code, message: t(e.key, lang, e.params), params: e.params } };
  }
  const message = e instanceof Error ? e.message : String(e);
  return { status: 500, body: { code: "internal_error", message: t("error.internal", lang, { message }), params: {} } };
}
