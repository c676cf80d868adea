/**
 * Opens the embedded DuckDB data store for the edges (CLI, server): builds it from the shipped data
 * when the data directory is empty, and exposes it as a DatasetSource plus an importer.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { buildStore, importUserFile, openStore, type ParseLimits, STORE_FILE } from "../data/index.js";
import type { DatasetSource, LoadedIoTable } from "./dataset-source.js";
import type { DatasetDeleter, DatasetImporter } from "./datasets.js";
import { StoreLockedError } from "./errors.js";
import type { PersistentResultStore } from "./result-cache.js";

export { type AuditEntry, DatasetProtectedError, ROLES, type Role, type UserRecord } from "../data/index.js";

/** Tables kept in memory per open store. */
const TABLE_CACHE_SIZE = 12;

export type Store = Awaited<ReturnType<typeof openStore>>;

/** The persistent layer of the result cache (rows are deleted when a dataset they name changes). */
export type PersistentResultCache = PersistentResultStore;

export interface DataStore {
  readonly dir: string;
  readonly store: Store;
  readonly source: DatasetSource;
  readonly importer: DatasetImporter;
  /** deletes a user's dataset (audited; shipped data throws dataset_protected) */
  readonly deleter: DatasetDeleter;
  readonly resultCache: PersistentResultCache;
  /** true when this call built the store */
  readonly built: boolean;
  close(): Promise<void>;
}

/** True when `dir` holds a store database file. */
export function storeExists(dir: string): boolean {
  return existsSync(join(dir, STORE_FILE));
}

export interface OpenDataStoreOptions {
  /** build from the shipped data when missing @default true */
  readonly build?: boolean;
  /** rebuild even when present */
  readonly rebuild?: boolean;
  /** called before a (re)build starts (e.g. to print a notice) */
  readonly onBuild?: (dir: string) => void;
  /**
   * an existing store: re-import the shipped datasets whose files or catalogue description changed
   * since it was built (long-running `serve`/`main` do this at start) @default false
   */
  readonly refreshShipped?: boolean;
  /** heap cap and time limit of the thread that reads uploaded files @default DEFAULT_PARSE_LIMITS */
  readonly parseLimits?: ParseLimits;
}

function lockError(dir: string, e: unknown): unknown {
  const message = e instanceof Error ? e.message : String(e);
  return /could not set lock|conflicting lock/i.test(message) ? new StoreLockedError(dir, message, { cause: e }) : e;
}

/**
 * Opens (building first when needed) the store in `dir`.
 * @throws {StoreLockedError} when another process holds the database (e.g. `shushi serve`)
 */
export async function openDataStore(dir: string, options: OpenDataStoreOptions = {}): Promise<DataStore> {
  try {
    return await openUnlocked(dir, options);
  } catch (e) {
    throw lockError(dir, e);
  }
}

async function openUnlocked(dir: string, options: OpenDataStoreOptions): Promise<DataStore> {
  let built = false;
  if (options.rebuild === true || (options.build !== false && !storeExists(dir))) {
    options.onBuild?.(dir);
    await buildStore(dir, { rebuild: options.rebuild === true });
    built = true;
  } else if (options.refreshShipped === true && storeExists(dir)) {
    // a store built by an older version: re-import the shipped datasets whose files or catalogue
    // description changed (unchanged ones are skipped; users' datasets are never touched)
    await buildStore(dir);
  }
  const store = await openStore(dir);
  // a small cache of reconstructed tables (a long-running server loads the same few tables often);
  // tables are immutable values, and an import clears the cache
  const cache = new Map<string, Promise<LoadedIoTable>>();
  const source: DatasetSource = {
    listDatasets: () => store.listDatasets(),
    getMeta: (id) => store.getMeta(id),
    loadSeries: (id, filter) => store.loadSeries(id, filter),
    loadClassification: (id) => store.loadClassification(id),
    loadConcordance: (id) => store.loadConcordance(id),
    registryCounts: (id, o) => store.registryCounts(id, o),
    registryRows: (id, o) => store.registryRows(id, o),
    loadCorpus: (id) => store.loadCorpus(id),
    getDocumentText: (id, docId) => store.getDocumentText(id, docId),
    loadIoTable: (id) => {
      const hit = cache.get(id);
      if (hit !== undefined) {
        cache.delete(id);
        cache.set(id, hit);
        return hit;
      }
      const loading = store.loadIoTable(id);
      cache.set(id, loading);
      loading.catch(() => cache.delete(id));
      while (cache.size > TABLE_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
      return loading;
    },
  };
  const importer: DatasetImporter = async (input, o) => {
    cache.clear();
    // the CLI's writes are the local user's (the server passes the request's user)
    return importUserFile(store, input, {
      ...o,
      actor: o.actor ?? "local",
      ...(options.parseLimits !== undefined && { parseLimits: options.parseLimits }),
    });
  };
  const deleter: DatasetDeleter = async (id, o) => {
    cache.clear();
    return store.deleteDataset(id, { actor: o.actor });
  };
  return {
    dir,
    store,
    source,
    importer,
    deleter,
    resultCache: {
      get: (key) => store.getCachedResult(key),
      put: (key, method, datasetIds, json) => store.putCachedResult(key, method, datasetIds, json),
    },
    built,
    close: async () => {
      const c = (store as { close?: () => unknown }).close;
      if (typeof c === "function") await c.call(store);
    },
  };
}
