/**
 * Errors raised by the app layer. Data problems travel as `DataIssuesError` (src/data/issues.ts)
 * and contract violations as `CoreError`; these two cover what is specific to use-cases.
 */

/** A dataset id that is not in the store (HTTP 404, CLI exit 1). */
export class DatasetNotFoundError extends Error {
  readonly code = "unknown_dataset" as const;
  readonly id: string;
  constructor(id: string) {
    super(`unknown dataset: ${id}`);
    this.name = "DatasetNotFoundError";
    this.id = id;
  }
}

export function isDatasetNotFound(e: unknown): e is DatasetNotFoundError {
  return e instanceof DatasetNotFoundError || (e as { name?: unknown } | null)?.name === "DatasetNotFoundError";
}

/** The store's database file is locked by another process (e.g. a running `shushi serve`). */
export class StoreLockedError extends Error {
  readonly code = "store_locked" as const;
  readonly dir: string;
  readonly detail: string;
  constructor(dir: string, detail: string, options?: { cause?: unknown }) {
    super(`store locked: ${dir}: ${detail}`, options);
    this.name = "StoreLockedError";
    this.dir = dir;
    this.detail = detail;
  }
}
