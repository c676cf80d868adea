/**
 * What every CLI command receives: the chosen language, paths, injected dependencies, output sinks
 * and the two helpers that touch the outside world (the store and user files).
 */
import type { Clock, ParseLimits } from "../app/index.js";
import type { DataStore, OpenDataStoreOptions } from "../app/store.js";
import type { Lang } from "../i18n/index.js";

/** Anything with a write(string) method (process.stdout, a test buffer). */
export interface TextSink {
  write(chunk: string): unknown;
}

/** What the CLI needs from the outside world; every field has a default. */
export interface CliDeps {
  openStore(dir: string, options: OpenDataStoreOptions): Promise<DataStore>;
  renderReport(options: { outDir: string; store: DataStore; lang: Lang }): Promise<{ indexPath: string }>;
  startServer(options: {
    port: number;
    host: string;
    store: DataStore;
    lang: Lang;
  }): Promise<{ url: string; dashboard?: boolean; exposure?: { notice: string }; close(): Promise<void> }>;
  clock?: Clock;
}

export interface CliIo {
  readonly stdout: TextSink;
  readonly stderr: TextSink;
  /** working directory for relative paths @default process.cwd() */
  readonly cwd?: string;
  /** environment (SHUSHI_LANG, SHUSHI_DATA_DIR, SHUSHI_PARSE_MEMORY_MB, SHUSHI_PARSE_TIMEOUT_S) @default process.env */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** `serve`/`main` run until this signal aborts (default: SIGINT/SIGTERM) */
  readonly signal?: AbortSignal;
  /** injected dependencies (tests) */
  readonly deps?: Partial<CliDeps>;
}

export interface CliContext {
  readonly io: CliIo;
  readonly lang: Lang;
  readonly cwd: string;
  readonly dataDir: string;
  readonly deps: CliDeps;
  /** limits of the thread that reads XLSX and large CSV files (SHUSHI_PARSE_MEMORY_MB, SHUSHI_PARSE_TIMEOUT_S) */
  readonly parseLimits: ParseLimits;
  readonly out: (s: string) => void;
  readonly err: (s: string) => void;
  /** opens the store (building it when missing), runs `f`, closes the store */
  withStore<T>(f: (store: DataStore) => Promise<T>, options?: OpenDataStoreOptions): Promise<T>;
  /** reads a user's file; a missing or unreadable file is the data issue `file_unreadable` */
  readUserFile(path: string): Promise<{ bytes: Uint8Array; file: string }>;
}
