/**
 * Errors mapped once (错误分类). Every error that reaches an edge falls in one category; the CLI
 * exit code and the HTTP status are read from the same table, so a data condition (a singular or
 * non-productive table, an invalid file) is exit 1 and 422 alike, a usage error exit 2 and 400.
 */
import { isDatasetNotFound } from "../app/errors.js";
import { DataIssuesError } from "../app/index.js";
import { type CoreErrorCode, isCoreError } from "../core/index.js";
import { catalog, type Lang, type MessageKey, renderIssue, t } from "../i18n/index.js";

/** A usage error (bad option, unknown command, missing argument): message key and params. */
export class UsageError extends Error {
  readonly key: MessageKey;
  readonly params: Readonly<Record<string, unknown>>;
  constructor(key: MessageKey, params: Record<string, unknown> = {}) {
    super(`${key} ${JSON.stringify(params)}`);
    this.name = "UsageError";
    this.key = key;
    this.params = params;
  }
}

/** An error of the serving edge itself (body too large, imports disabled, unknown path). */
export class EdgeError extends Error {
  readonly category:
    | "usage"
    | "too_large"
    | "disabled"
    | "not_found"
    | "unavailable"
    | "timeout"
    | "busy"
    | "unauthenticated"
    | "forbidden";
  readonly code: string;
  readonly key: MessageKey;
  readonly params: Readonly<Record<string, unknown>>;
  constructor(category: EdgeError["category"], code: string, key: MessageKey, params: Record<string, unknown> = {}) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = "EdgeError";
    this.category = category;
    this.code = code;
    this.key = key;
    this.params = params;
  }
}

/**
 * An error already described where it happened (a worker thread, src/server/method-worker.ts) and
 * carried across as data: class instances do not survive the thread boundary, so the worker sends
 * `describeError`'s result and the main thread rethrows it in this wrapper.
 */
export class RemoteError extends Error {
  readonly described: DescribedError;
  constructor(described: DescribedError) {
    super(`${described.code}: ${described.message}`);
    this.name = "RemoteError";
    this.described = described;
  }
}

/** The categories, each with one CLI exit code and one HTTP status. */
export const ERROR_CATEGORIES = {
  usage: { exit: 2, status: 400 },
  data: { exit: 1, status: 422 },
  not_found: { exit: 1, status: 404 },
  /** no (valid) token or session */
  unauthenticated: { exit: 2, status: 401 },
  /** a role, an owner, a protected dataset or a foreign origin/host forbids it */
  forbidden: { exit: 1, status: 403 },
  too_large: { exit: 1, status: 413 },
  unavailable: { exit: 2, status: 503 },
  disabled: { exit: 2, status: 501 },
  /** a computation ran past the server's time limit (worker pool) */
  timeout: { exit: 2, status: 503 },
  /** the client has too many computations running or queued (worker pool) */
  busy: { exit: 2, status: 429 },
  internal: { exit: 70, status: 500 },
} as const satisfies Record<string, { exit: number; status: number }>;

export type ErrorCategory = keyof typeof ERROR_CATEGORIES;

/**
 * Core error codes that describe the request (an option value, a sector code, a group) rather than
 * the data; every other core code is a condition of the data (not productive, singular, …).
 */
const USAGE_CORE_CODES: ReadonlySet<CoreErrorCode> = new Set(["invalid_argument", "unknown_sector", "invalid_group"]);

/**
 * Reasons that make an `invalid_argument` a condition of the data, not of the request: the series
 * the options name exists but cannot be tested as it is (constant, with gaps, not positive under a log).
 */
const DATA_REASONS: ReadonlySet<string> = new Set([
  "constant_series",
  "years_not_consecutive",
  "non_positive_for_log",
  "unit_leverage",
  "max_lags_exceed_sample",
  "max_lags_too_large",
]);

/** An error as both edges report it. */
export interface DescribedError {
  readonly category: ErrorCategory;
  readonly code: string;
  readonly message: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly issues?: ReturnType<typeof renderIssue>[];
}

/** Classifies and renders any thrown value in `lang`. */
export function describeError(e: unknown, lang: Lang): DescribedError {
  if (e instanceof RemoteError) return e.described;
  if (e instanceof UsageError) {
    return {
      category: "usage",
      code: e.key.replace(/^usage\./, ""),
      message: t(e.key, lang, e.params),
      params: e.params,
    };
  }
  if (e instanceof EdgeError) {
    return { category: e.category, code: e.code, message: t(e.key, lang, e.params), params: e.params };
  }
  if (e instanceof DataIssuesError) {
    const count = e.issues.length;
    return {
      category: "data",
      code: "data_issues",
      message: t("error.data_issues", lang, { count }),
      params: { count },
      issues: e.issues.map((i) => renderIssue(i, lang)),
    };
  }
  if (isDatasetNotFound(e)) {
    return {
      category: "not_found",
      code: "unknown_dataset",
      message: catalog(lang).dataIssue("unknown_dataset", { id: e.id }),
      params: { id: e.id },
    };
  }
  if (e instanceof Error && e.name === "StoreLockedError") {
    const dir = (e as Error & { dir?: string }).dir ?? "";
    return {
      category: "unavailable",
      code: "store_locked",
      message: t("error.store_locked", lang, { dir }),
      params: { dir },
    };
  }
  if (e instanceof Error && e.name === "DatasetProtectedError") {
    const id = (e as Error & { id?: string }).id ?? "";
    return {
      category: "forbidden",
      code: "dataset_protected",
      message: t("error.dataset_protected", lang, { id }),
      params: { id },
    };
  }
  if (isCoreError(e)) {
    return {
      category: USAGE_CORE_CODES.has(e.code) && !DATA_REASONS.has(String(e.params.reason ?? "")) ? "usage" : "data",
      code: e.code,
      message: catalog(lang).coreError(e.code, e.params),
      params: e.params,
    };
  }
  const message = e instanceof Error ? e.message : String(e);
  return { category: "internal", code: "internal_error", message: t("error.internal", lang, { message }), params: {} };
}
