/**
 * The embedded dataset store (数据仓库) on DuckDB: repository functions over the schema in
 * `migrations/` (design: docs/decisions/0002-store.md). Every value is bound as a parameter; nothing
 * is spliced into SQL. An import runs in one transaction: it completes or changes nothing.
 */
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { endianness, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import type { IoTable, SectorLabel } from "../../core/index.js";
import { type Matrix, matrix } from "../../core/index.js";
import type { ClassificationCode, ConcordanceRow } from "../concordance/read.js";
import type { CorpusDocument } from "../corpus/read.js";
import type { DatasetMeta, Unit } from "../dataset.js";
import { DataIssuesError, type DataResult, issue } from "../issues.js";
import { defaultDataDir } from "../paths.js";
import type { Provenance } from "../provenance.js";
import {
  type RegistryCountOptions,
  type RegistryCountRow,
  type RegistryImportOptions,
  type RegistryRow,
  type RegistryRowsOptions,
  registryCounts,
  registryFilePath,
  registryImport,
  registryRows,
  removeRegistryFile,
  removeStaleRegistryTemps,
} from "../registry/registry.js";
import type { Frequency } from "../series/periods.js";
import type { SeriesEntity, SeriesIndicator, SeriesObservation, SeriesSummary } from "../series/read.js";

/** File name of the database inside the data directory. */
export const STORE_FILE = "shushi.duckdb";

/** Migrations in order: [version, file name]. */
const MIGRATIONS: readonly (readonly [number, string])[] = [
  [1, "001-init.sql"],
  [2, "002-dataset-kinds.sql"],
  [3, "003-users-audit.sql"],
];

/** Current schema version (the last migration). */
export const SCHEMA_VERSION = 3;

/** Tables holding a dataset's rows (all keyed by `dataset_id`), deleted with the dataset. */
const DATASET_TABLES = [
  "io_blocks",
  "io_labels",
  "io_sectors",
  "series_observations",
  "series_indicators",
  "series_entities",
  "classification_codes",
  "concordance_rows",
  "registry_files",
  "corpus_documents",
] as const;

/** Every table `counts()` reports. */
const COUNTED_TABLES = [
  "datasets",
  ...DATASET_TABLES,
  "result_cache",
  "schema_version",
  "users",
  "api_tokens",
  "audit_log",
] as const;

/** A dataset row as listed by the store. */
export interface StoredDataset {
  readonly meta: DatasetMeta;
  /** ISO 8601 UTC timestamp of the import */
  readonly importedAt: string;
  /** sha256 of the canonical serialisation of the stored content (see {@link ioTableContentSha256}) */
  readonly contentSha256: string;
  /** from the shipped catalogue: read-only to users (see {@link DatasetProtectedError}) */
  readonly shipped: boolean;
}

export interface ImportOptions {
  /** replace an existing dataset with the same id (inside the same transaction) @default false */
  readonly replace?: boolean;
  /** the shipped catalogue writes (buildStore): marks the dataset read-only to users @default false */
  readonly shipped?: boolean;
  /** who writes, recorded in the audit log @default "system" */
  readonly actor?: string;
}

/** Options of a delete. */
export interface DeleteOptions {
  /** who deletes, recorded in the audit log @default "system" */
  readonly actor?: string;
}

/**
 * A write to a shipped (official) dataset by anyone but the shipped-catalogue build: shipped data is
 * read-only (code `dataset_protected`; HTTP 403, exit 1).
 */
export class DatasetProtectedError extends Error {
  readonly code = "dataset_protected" as const;
  readonly id: string;
  constructor(id: string) {
    super(`dataset_protected: ${id} is shipped (official) data and cannot be replaced or deleted`);
    this.name = "DatasetProtectedError";
    this.id = id;
  }
}

/** Roles, from least to most: read figures; import and compute on own datasets; manage users and settings. */
export const ROLES = ["viewer", "analyst", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** A user as stored (never the password hash). */
export interface UserRecord {
  readonly name: string;
  readonly role: Role;
  readonly hasPassword: boolean;
  /** ISO 8601 UTC */
  readonly createdAt: string;
  /** ISO 8601 UTC, when revoked (a revoked user's tokens and password no longer work) */
  readonly revokedAt?: string;
}

/** One audit-log entry (append-only). */
export interface AuditEntry {
  readonly seq: number;
  /** ISO 8601 UTC */
  readonly at: string;
  readonly actor: string;
  /** e.g. `dataset.import`, `dataset.replace`, `dataset.delete`, `user.add`, `user.revoke`, `token.issue` */
  readonly action: string;
  readonly target: string;
  readonly sha256Before: string | null;
  readonly sha256After: string | null;
  readonly detail: Readonly<Record<string, unknown>>;
  /** sha256 of the previous entry's hash and this entry's fields (a broken chain shows tampering) */
  readonly entrySha256: string;
}

/** What a caller appends to the audit log. */
export type AuditInput = Pick<AuditEntry, "actor" | "action" | "target"> &
  Partial<Pick<AuditEntry, "sha256Before" | "sha256After" | "detail">>;

/** A time series or panel's meta before the data fill in years, dimensions and (when omitted) the unit. */
export type SeriesMetaBase = Omit<DatasetMeta, "years" | "dimensions" | "unit" | "kind"> & {
  readonly kind: "time_series" | "panel";
  readonly unit?: Unit;
};

/**
 * Input of a series import: `feed` pushes every observation to `append` (streaming: one row at a time,
 * inside the import transaction) and returns the summary, or the issues (then nothing is written).
 */
export interface SeriesImportInput {
  readonly meta: SeriesMetaBase;
  readonly feed: (append: (o: SeriesObservation) => void) => Promise<DataResult<SeriesSummary>>;
  /** file shown in duplicate-observation issues */
  readonly file: string;
  readonly sheet?: string;
}

/** A loaded time series or panel. */
export interface LoadedSeries {
  readonly meta: DatasetMeta;
  readonly frequency: Frequency;
  readonly indicators: readonly SeriesIndicator[];
  readonly entities: readonly SeriesEntity[];
  /** ordered by entity, indicator, period */
  readonly observations: readonly { entity: string; indicator: string; period: string; value: number }[];
}

/** Filters for loading part of a series. */
export interface SeriesFilter {
  readonly entities?: readonly string[];
  readonly indicators?: readonly string[];
}

/** A stored document's metadata (text via `getDocumentText`). */
export type CorpusDocumentMeta = Omit<CorpusDocument, "text">;

export interface Store {
  /** absolute path of the database file, or ":memory:" */
  readonly path: string;
  /** the data directory (registries' Parquet files live in `<dataDir>/registries/`) */
  readonly dataDir: string;
  /** every stored dataset's meta, ordered by id */
  listDatasets(): Promise<DatasetMeta[]>;
  /** the meta of one dataset, or undefined */
  getMeta(id: string): Promise<DatasetMeta | undefined>;
  /** meta plus import time and content hash, or undefined */
  getDataset(id: string): Promise<StoredDataset | undefined>;
  /**
   * Reconstructs a stored IO table.
   * @throws {DataIssuesError} `unknown_dataset` when the id is not stored or is not an IO table
   */
  loadIoTable(id: string): Promise<{ meta: DatasetMeta; table: IoTable }>;
  /**
   * Imports an IO table in one transaction (BEGIN … COMMIT; ROLLBACK on any failure, then rethrow).
   * @returns the stored meta, or `dataset_exists` when the id exists and `replace` is not set
   */
  importIoTable(meta: DatasetMeta, table: IoTable, options?: ImportOptions): Promise<DataResult<DatasetMeta>>;
  /** imports a time series or panel (streamed rows; one transaction) */
  importSeries(input: SeriesImportInput, options?: ImportOptions): Promise<DataResult<DatasetMeta>>;
  /**
   * The observations of a time series or panel (optionally filtered).
   * @throws {DataIssuesError} `unknown_dataset` when the id is not stored or is another kind
   */
  loadSeries(id: string, filter?: SeriesFilter): Promise<LoadedSeries>;
  importClassification(
    meta: DatasetMeta,
    codes: readonly ClassificationCode[],
    options?: ImportOptions,
  ): Promise<DataResult<DatasetMeta>>;
  /** @throws {DataIssuesError} `unknown_dataset` */
  loadClassification(id: string): Promise<{ meta: DatasetMeta; codes: ClassificationCode[] }>;
  importConcordance(
    meta: DatasetMeta,
    rows: readonly ConcordanceRow[],
    options?: ImportOptions,
  ): Promise<DataResult<DatasetMeta>>;
  /** @throws {DataIssuesError} `unknown_dataset` */
  loadConcordance(id: string): Promise<{ meta: DatasetMeta; rows: ConcordanceRow[] }>;
  /**
   * Imports a registry CSV by streaming it through DuckDB into `<dataDir>/registries/<id>.parquet`
   * (validated in SQL; the Parquet file is written to a temporary name and renamed after COMMIT).
   */
  importRegistry(
    meta: DatasetMeta,
    csvPath: string,
    options: RegistryImportOptions & ImportOptions,
  ): Promise<DataResult<DatasetMeta>>;
  /** counts of a registry's rows grouped by one column, filtered (SQL over the Parquet file) */
  registryCounts(id: string, options: RegistryCountOptions): Promise<RegistryCountRow[]>;
  /** one page of a registry's rows, filtered (SQL over the Parquet file) */
  registryRows(id: string, options?: RegistryRowsOptions): Promise<RegistryRow[]>;
  importCorpus(
    meta: DatasetMeta,
    documents: readonly CorpusDocument[],
    options?: ImportOptions,
  ): Promise<DataResult<DatasetMeta>>;
  /** @throws {DataIssuesError} `unknown_dataset` */
  loadCorpus(id: string): Promise<{ meta: DatasetMeta; documents: CorpusDocumentMeta[] }>;
  /** the text of one document, or undefined */
  getDocumentText(id: string, docId: string): Promise<string | undefined>;
  /** a cached result's JSON, or undefined */
  getCachedResult(key: string): Promise<string | undefined>;
  /** stores (or replaces) a cached result naming the datasets it was computed from */
  putCachedResult(key: string, method: string, datasetIds: readonly string[], json: string): Promise<void>;
  /**
   * deletes a dataset (one transaction, with the cached results naming it, audited); false when it did
   * not exist
   * @throws {DatasetProtectedError} for a shipped dataset
   */
  deleteDataset(id: string, options?: DeleteOptions): Promise<boolean>;
  /** adds a user (audited); false when the name exists */
  addUser(user: { name: string; role: Role; passwordHash?: string }, actor: string): Promise<boolean>;
  /** every user, ordered by name */
  listUsers(): Promise<UserRecord[]>;
  /** a user with the password hash (login), or undefined */
  getUser(name: string): Promise<(UserRecord & { readonly passwordHash?: string }) | undefined>;
  /** revokes a user and all their tokens (audited); false when unknown or already revoked */
  revokeUser(name: string, actor: string): Promise<boolean>;
  /** stores a token's sha256 for a user (audited) */
  addToken(userName: string, tokenSha256: string, label: string, actor: string): Promise<void>;
  /** the active user owning a token's sha256, or undefined (revoked tokens and users do not match) */
  userByToken(tokenSha256: string): Promise<UserRecord | undefined>;
  /** appends one entry to the audit log */
  appendAudit(entry: AuditInput): Promise<AuditEntry>;
  /** audit entries, newest first */
  listAudit(options?: { limit?: number; target?: string }): Promise<AuditEntry[]>;
  /** true when every entry's hash chain is intact */
  verifyAuditLog(): Promise<boolean>;
  /** row counts of every table (diagnostics and tests) */
  counts(): Promise<Record<string, number>>;
  close(): Promise<void>;
}

export interface OpenStoreOptions {
  /** environment used for the default directory @default process.env */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

function migrationSql(name: string): string {
  return readFileSync(fileURLToPath(new URL(`./migrations/${name}`, import.meta.url)), "utf8");
}

function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*(?:\n|$)/)
    .map((s) =>
      s
        .split("\n")
        .filter((l) => !l.trim().startsWith("--"))
        .join("\n")
        .trim(),
    )
    .filter((s) => s !== "");
}

function toSafeNumber(v: unknown, what: string): number {
  if (typeof v === "number") return v;
  if (typeof v === "bigint") {
    const n = Number(v);
    if (!Number.isSafeInteger(n)) throw new Error(`store: ${what} ${v} is not a safe integer`);
    return n;
  }
  throw new Error(`store: ${what} is not a number (${typeof v})`);
}

const LITTLE_ENDIAN = endianness() === "LE";

/** Little-endian float64 bytes of a vector (copied). */
export function float64ToBytes(values: Float64Array): Uint8Array {
  if (LITTLE_ENDIAN)
    return new Uint8Array(values.buffer.slice(values.byteOffset, values.byteOffset + values.byteLength));
  const out = new Uint8Array(values.length * 8);
  const view = new DataView(out.buffer);
  for (let i = 0; i < values.length; i++) view.setFloat64(i * 8, values[i] as number, true);
  return out;
}

/** A vector from little-endian float64 bytes. */
export function bytesToFloat64(bytes: Uint8Array): Float64Array {
  if (bytes.length % 8 !== 0) throw new Error(`store: blob length ${bytes.length} is not a multiple of 8`);
  // copy into a fresh buffer (a Node Buffer may be a view into a shared pool)
  if (LITTLE_ENDIAN) return new Float64Array(new Uint8Array(bytes).buffer);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Float64Array.from({ length: bytes.length / 8 }, (_, i) => view.getFloat64(i * 8, true));
}

interface BlockRow {
  readonly block: string;
  readonly row: number;
  readonly values: Float64Array;
}

function matrixRows(block: string, m: Matrix): BlockRow[] {
  const out: BlockRow[] = [];
  for (let i = 0; i < m.rows; i++) out.push({ block, row: i, values: m.data.subarray(i * m.cols, (i + 1) * m.cols) });
  return out;
}

/** The numeric blocks of a table in storage order. */
function tableBlocks(table: IoTable): BlockRow[] {
  const rows: BlockRow[] = [...matrixRows("Z", table.Z)];
  if (table.Zdomestic !== undefined) rows.push(...matrixRows("Zdom", table.Zdomestic));
  rows.push(...matrixRows("Y", table.finalDemand));
  if (table.finalDemandDomestic !== undefined) rows.push(...matrixRows("Ydom", table.finalDemandDomestic));
  for (const [k, r] of (table.valueAdded ?? []).entries()) rows.push({ block: "VA", row: k, values: r.values });
  if (table.imports !== undefined) rows.push({ block: "M", row: 0, values: table.imports });
  if (table.otherColumn !== undefined) rows.push({ block: "other", row: 0, values: table.otherColumn });
  rows.push({ block: "x", row: 0, values: table.output });
  return rows;
}

/**
 * sha256 of the canonical serialisation of an IO table: sector codes and names, final-demand and
 * value-added codes (JSON), then every numeric block's little-endian float64 bytes in storage order.
 * Identical content ⇒ identical hash, whatever file it came from.
 */
export function ioTableContentSha256(table: IoTable): string {
  const h = createHash("sha256");
  h.update(
    JSON.stringify({
      sectors: table.sectors.map((s) => [s.code, s.nameZh ?? null, s.nameEn ?? null]),
      finalDemandCodes: table.finalDemandCodes,
      valueAdded: (table.valueAdded ?? []).map((r) => r.code),
      blocks: tableBlocks(table).map((b) => [b.block, b.row, b.values.length]),
    }),
  );
  for (const b of tableBlocks(table)) h.update(float64ToBytes(b.values));
  return h.digest("hex");
}

function jsonSha(value: unknown): string {
  return createHash("sha256").update(JSON.stringify(value)).digest("hex");
}

/** The unit most indicators share (ties: the first indicator's). */
function majorityUnit(indicators: readonly SeriesIndicator[]): Unit {
  const counts = new Map<Unit, number>();
  for (const i of indicators) counts.set(i.unit, (counts.get(i.unit) ?? 0) + 1);
  let best: Unit = indicators[0]?.unit ?? "dimensionless";
  for (const [u, n] of counts) if (n > (counts.get(best) ?? 0)) best = u;
  return best;
}

function metaWithoutProvenance(meta: DatasetMeta): Omit<DatasetMeta, "provenance"> {
  const { provenance: _omit, ...rest } = meta;
  return rest;
}

class DuckDbStore implements Store {
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(
    readonly path: string,
    /** directory for files beside the database (registries); a temporary one for ":memory:" */
    readonly dataDir: string,
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    private readonly removeDataDirOnClose: boolean,
  ) {}

  /** Runs operations one at a time, so transactions from concurrent callers never interleave. */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error("store: closed"));
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async rows(sql: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
    const reader = await this.connection.runAndReadAll(sql, params as never);
    return reader.getRowObjects() as Record<string, unknown>[];
  }

  private parseRow(r: Record<string, unknown>): StoredDataset {
    const meta = JSON.parse(String(r.meta)) as Omit<DatasetMeta, "provenance">;
    const provenance = JSON.parse(String(r.provenance)) as Provenance;
    return {
      meta: { ...meta, provenance },
      importedAt: String(r.imported_at),
      contentSha256: String(r.content_sha256),
      shipped: r.shipped === true,
    };
  }

  private readonly selectDataset =
    "SELECT id, meta::VARCHAR AS meta, provenance::VARCHAR AS provenance, strftime(imported_at, '%Y-%m-%dT%H:%M:%S.%fZ') AS imported_at, content_sha256, coalesce(shipped, false) AS shipped FROM datasets";

  listDatasets(): Promise<DatasetMeta[]> {
    return this.exclusive(async () =>
      (await this.rows(`${this.selectDataset} ORDER BY id`)).map((r) => this.parseRow(r).meta),
    );
  }

  getDataset(id: string): Promise<StoredDataset | undefined> {
    return this.exclusive(async () => {
      const rows = await this.rows(`${this.selectDataset} WHERE id = $1`, [id]);
      return rows[0] === undefined ? undefined : this.parseRow(rows[0]);
    });
  }

  async getMeta(id: string): Promise<DatasetMeta | undefined> {
    return (await this.getDataset(id))?.meta;
  }

  loadIoTable(id: string): Promise<{ meta: DatasetMeta; table: IoTable }> {
    return this.exclusive(async () => {
      const found = await this.rows(`${this.selectDataset} WHERE id = $1 AND kind = 'io_table'`, [id]);
      if (found[0] === undefined) throw new DataIssuesError([issue("unknown_dataset", { file: id }, { id })]);
      const { meta } = this.parseRow(found[0]);
      const sectorRows = await this.rows(
        "SELECT code, name_zh, name_en FROM io_sectors WHERE dataset_id = $1 ORDER BY ord",
        [id],
      );
      const sectors: SectorLabel[] = sectorRows.map((r) => ({
        code: String(r.code),
        ...(r.name_zh === null ? {} : { nameZh: String(r.name_zh) }),
        ...(r.name_en === null ? {} : { nameEn: String(r.name_en) }),
      }));
      const labels = await this.rows("SELECT block, code FROM io_labels WHERE dataset_id = $1 ORDER BY block, ord", [
        id,
      ]);
      const fdCodes = labels.filter((l) => l.block === "Y").map((l) => String(l.code));
      const vaCodes = labels.filter((l) => l.block === "VA").map((l) => String(l.code));
      const reader = await this.connection.runAndReadAll(
        "SELECT block, row_ord, n_values, values_f64le FROM io_blocks WHERE dataset_id = $1 ORDER BY block, row_ord",
        [id],
      );
      const blocks = new Map<string, Float64Array[]>();
      for (const [block, rowOrd, nValues, blob] of reader.getRows()) {
        const values = bytesToFloat64((blob as { bytes: Uint8Array }).bytes);
        if (values.length !== toSafeNumber(nValues, "n_values"))
          throw new Error(`store: corrupt block ${String(block)} of ${id}`);
        const list = blocks.get(String(block)) ?? [];
        list[toSafeNumber(rowOrd, "row_ord")] = values;
        blocks.set(String(block), list);
      }
      const n = sectors.length;
      const toMatrix = (name: string, cols: number): Matrix => {
        const rows = blocks.get(name) ?? [];
        const m = matrix(n, cols);
        for (let i = 0; i < n; i++) {
          const r = rows[i];
          if (r === undefined || r.length !== cols) throw new Error(`store: block ${name} of ${id} is incomplete`);
          m.data.set(r, i * cols);
        }
        return m;
      };
      const single = (name: string) => blocks.get(name)?.[0];
      const output = single("x");
      if (output === undefined) throw new Error(`store: output of ${id} is missing`);
      const imports = single("M");
      const other = single("other");
      const va = blocks.get("VA") ?? [];
      const table: IoTable = {
        sectors,
        Z: toMatrix("Z", n),
        ...(blocks.has("Zdom") ? { Zdomestic: toMatrix("Zdom", n) } : {}),
        finalDemand: toMatrix("Y", fdCodes.length),
        finalDemandCodes: fdCodes,
        ...(blocks.has("Ydom") ? { finalDemandDomestic: toMatrix("Ydom", fdCodes.length) } : {}),
        ...(imports === undefined ? {} : { imports }),
        ...(other === undefined ? {} : { otherColumn: other }),
        ...(vaCodes.length === 0
          ? {}
          : { valueAdded: vaCodes.map((code, k) => ({ code, values: va[k] ?? new Float64Array(n) })) }),
        output,
      };
      return { meta, table };
    });
  }

  /** Deletes a dataset's rows and the cached results naming it (inside the caller's transaction). */
  private async deleteRows(id: string): Promise<void> {
    for (const t of DATASET_TABLES) {
      await this.connection.run(`DELETE FROM ${t} WHERE dataset_id = $1`, [id]);
    }
    await this.connection.run("DELETE FROM datasets WHERE id = $1", [id]);
    await this.invalidateCache(id);
  }

  private async invalidateCache(id: string): Promise<void> {
    await this.connection.run("DELETE FROM result_cache WHERE list_contains(dataset_ids, $1)", [id]);
  }

  private async insertDatasetRow(meta: DatasetMeta, sha: string, options: ImportOptions = {}): Promise<void> {
    await this.connection.run(
      "INSERT INTO datasets (id, kind, meta, provenance, imported_at, content_sha256, shipped) VALUES ($1, $2, $3::JSON, $4::JSON, now()::TIMESTAMP, $5, $6)",
      [
        meta.id,
        meta.kind,
        JSON.stringify(metaWithoutProvenance(meta)),
        JSON.stringify(meta.provenance),
        sha,
        options.shipped === true,
      ],
    );
  }

  /**
   * The existing row a write would touch: `dataset_exists` (as issues) when it exists and `replace` is
   * not set; {@link DatasetProtectedError} when it is shipped and the writer is not the shipped build.
   */
  private async writeTarget(
    id: string,
    file: string,
    options: ImportOptions,
  ): Promise<DataResult<{ sha: string; shipped: boolean } | undefined>> {
    const rows = await this.rows(
      "SELECT content_sha256, coalesce(shipped, false) AS shipped FROM datasets WHERE id = $1",
      [id],
    );
    const row = rows[0];
    if (row === undefined) return { ok: true, value: undefined, warnings: [] };
    if (options.replace !== true) return { ok: false, issues: [issue("dataset_exists", { file }, { id })] };
    if (row.shipped === true && options.shipped !== true) throw new DatasetProtectedError(id);
    return { ok: true, value: { sha: String(row.content_sha256), shipped: row.shipped === true }, warnings: [] };
  }

  /** Appends an audit entry (inside the caller's transaction or on its own). */
  private async audit(entry: AuditInput): Promise<AuditEntry> {
    const last = await this.rows("SELECT seq, entry_sha256 FROM audit_log ORDER BY seq DESC LIMIT 1");
    const seq = last[0] === undefined ? 1 : toSafeNumber(last[0].seq, "audit seq") + 1;
    const previous = last[0] === undefined ? "" : String(last[0].entry_sha256);
    // microseconds, as the column stores them and listAudit reads them back (the hash covers this text)
    const at = new Date().toISOString().replace(/\.(\d{3})Z$/, ".$1000Z");
    const fields = {
      seq,
      at,
      actor: entry.actor,
      action: entry.action,
      target: entry.target,
      sha256Before: entry.sha256Before ?? null,
      sha256After: entry.sha256After ?? null,
      detail: entry.detail ?? {},
    };
    const entrySha256 = auditEntrySha256(previous, fields);
    await this.connection.run(
      "INSERT INTO audit_log (seq, recorded_at, actor, action, target, sha256_before, sha256_after, detail, entry_sha256) VALUES ($1, $2::TIMESTAMP, $3, $4, $5, $6, $7, $8::JSON, $9)",
      [
        seq,
        at.replace("T", " ").replace("Z", ""),
        fields.actor,
        fields.action,
        fields.target,
        fields.sha256Before,
        fields.sha256After,
        JSON.stringify(fields.detail),
        entrySha256,
      ],
    );
    return { ...fields, entrySha256 };
  }

  private async auditWrite(
    id: string,
    before: { sha: string } | undefined,
    after: string,
    options: ImportOptions,
    kind: string,
  ): Promise<void> {
    await this.audit({
      actor: options.actor ?? "system",
      action: before === undefined ? "dataset.import" : "dataset.replace",
      target: id,
      sha256Before: before?.sha ?? null,
      sha256After: after,
      detail: { kind, ...(options.shipped === true && { shipped: true }) },
    });
  }

  /**
   * One import transaction for any kind: `dataset_exists` unless `replace`; BEGIN → delete the old rows
   * and cached results → `body` (writes the kind's rows, returns the final meta and content hash, or
   * issues) → insert the datasets row → COMMIT. Issues or an exception → ROLLBACK (nothing changes).
   */
  private importInTransaction(
    id: string,
    file: string,
    options: ImportOptions,
    body: () => Promise<DataResult<{ meta: DatasetMeta; sha: string }>>,
  ): Promise<DataResult<DatasetMeta>> {
    return this.exclusive(async () => {
      const target = await this.writeTarget(id, file, options);
      if (!target.ok) return target;
      const existing = target.value;
      const c = this.connection;
      await c.run("BEGIN TRANSACTION");
      try {
        if (existing !== undefined) await this.deleteRows(id);
        else await this.invalidateCache(id);
        const r = await body();
        if (!r.ok) {
          await c.run("ROLLBACK");
          return r;
        }
        await this.insertDatasetRow(r.value.meta, r.value.sha, options);
        await this.auditWrite(id, existing, r.value.sha, options, r.value.meta.kind);
        await c.run("COMMIT");
        return { ok: true, value: r.value.meta, warnings: r.warnings };
      } catch (error) {
        await c.run("ROLLBACK");
        throw error;
      }
    });
  }

  private async requireKind(id: string, kinds: readonly string[]): Promise<DatasetMeta> {
    const found = await this.rows(`${this.selectDataset} WHERE id = $1`, [id]);
    const row = found[0];
    if (row === undefined || !kinds.includes(String((JSON.parse(String(row.meta)) as DatasetMeta).kind)))
      throw new DataIssuesError([issue("unknown_dataset", { file: id }, { id })]);
    return this.parseRow(row).meta;
  }

  importSeries(input: SeriesImportInput, options: ImportOptions = {}): Promise<DataResult<DatasetMeta>> {
    const id = input.meta.id;
    return this.importInTransaction(id, input.file, options, async () => {
      const c = this.connection;
      const h = createHash("sha256");
      const app = await c.createAppender("series_observations");
      let fed: DataResult<SeriesSummary>;
      try {
        fed = await input.feed((o) => {
          app.appendVarchar(id);
          app.appendVarchar(o.entity);
          app.appendVarchar(o.indicator);
          app.appendVarchar(o.period);
          app.appendDouble(o.value);
          app.appendInteger(o.row);
          app.appendInteger(o.column);
          app.endRow();
          h.update(`${JSON.stringify([o.entity, o.indicator, o.period, o.value])}\n`);
        });
        app.flushSync();
      } finally {
        app.closeSync();
      }
      if (!fed.ok) return fed;
      // duplicates found in SQL (bounded memory for large panels)
      const dups = await this.rows(
        `SELECT entity, indicator, period, source_row, source_column,
           first_value(source_row) OVER (PARTITION BY entity, indicator, period ORDER BY source_row, source_column) AS first_row,
           row_number() OVER (PARTITION BY entity, indicator, period ORDER BY source_row, source_column) AS k
         FROM series_observations WHERE dataset_id = $1 QUALIFY k > 1 ORDER BY source_row, source_column LIMIT 10000`,
        [id],
      );
      if (dups.length > 0) {
        return {
          ok: false,
          issues: dups.map((d) =>
            issue(
              "duplicate_observation",
              {
                file: input.file,
                ...(input.sheet !== undefined && { sheet: input.sheet }),
                row: toSafeNumber(d.source_row, "row"),
                column: toSafeNumber(d.source_column, "column"),
              },
              {
                entity: String(d.entity),
                indicator: String(d.indicator),
                period: String(d.period),
                firstRow: toSafeNumber(d.first_row, "row"),
              },
            ),
          ),
        };
      }
      const s = fed.value;
      const stats = (
        await this.rows(
          "SELECT count(*) AS n, count(DISTINCT period) AS periods, list(DISTINCT CAST(left(period, 4) AS INTEGER) ORDER BY CAST(left(period, 4) AS INTEGER)) AS years FROM series_observations WHERE dataset_id = $1",
          [id],
        )
      )[0] as Record<string, unknown>;
      const years = ((stats.years as { items?: unknown[] } | null)?.items ?? []).map((y) => toSafeNumber(y, "year"));
      const indicators = await c.createAppender("series_indicators");
      try {
        s.indicators.forEach((ind, k) => {
          indicators.appendVarchar(id);
          indicators.appendInteger(k);
          indicators.appendVarchar(ind.code);
          indicators.appendVarchar(ind.name);
          indicators.appendVarchar(ind.unit);
          indicators.endRow();
        });
        indicators.flushSync();
      } finally {
        indicators.closeSync();
      }
      const entities = await c.createAppender("series_entities");
      try {
        s.entities.forEach((e, k) => {
          entities.appendVarchar(id);
          entities.appendInteger(k);
          entities.appendVarchar(e.code);
          entities.appendVarchar(e.label);
          entities.endRow();
        });
        entities.flushSync();
      } finally {
        entities.closeSync();
      }
      h.update(JSON.stringify({ frequency: s.frequency, indicators: s.indicators, entities: s.entities }));
      const meta: DatasetMeta = {
        ...input.meta,
        unit: input.meta.unit ?? majorityUnit(s.indicators),
        years,
        dimensions: {
          ...(s.kind === "panel" && { entities: s.entities.length }),
          indicators: s.indicators.length,
          periods: toSafeNumber(stats.periods, "periods"),
          observations: toSafeNumber(stats.n, "observations"),
        },
        frequency: s.frequency,
      };
      return { ok: true, value: { meta, sha: h.digest("hex") }, warnings: [] };
    });
  }

  loadSeries(id: string, filter: SeriesFilter = {}): Promise<LoadedSeries> {
    return this.exclusive(async () => {
      const meta = await this.requireKind(id, ["time_series", "panel"]);
      const indicators = (
        await this.rows("SELECT code, name, unit FROM series_indicators WHERE dataset_id = $1 ORDER BY ord", [id])
      ).map((r) => ({ code: String(r.code), name: String(r.name), unit: String(r.unit) as Unit }));
      const entities = (
        await this.rows("SELECT code, label FROM series_entities WHERE dataset_id = $1 ORDER BY ord", [id])
      ).map((r) => ({ code: String(r.code), label: String(r.label) }));
      const params: unknown[] = [id];
      let where = "dataset_id = $1";
      if (filter.entities !== undefined) {
        params.push(JSON.stringify(filter.entities));
        where += ` AND list_contains(CAST($${params.length}::JSON AS VARCHAR[]), entity)`;
      }
      if (filter.indicators !== undefined) {
        params.push(JSON.stringify(filter.indicators));
        where += ` AND list_contains(CAST($${params.length}::JSON AS VARCHAR[]), indicator)`;
      }
      const reader = await this.connection.runAndReadAll(
        `SELECT entity, indicator, period, value FROM series_observations WHERE ${where} ORDER BY entity, indicator, period`,
        params as never,
      );
      const observations = reader.getRows().map(([entity, indicator, period, value]) => ({
        entity: String(entity),
        indicator: String(indicator),
        period: String(period),
        value: value as number,
      }));
      const frequency = meta.frequency ?? "annual";
      return { meta, frequency, indicators, entities, observations };
    });
  }

  importClassification(
    meta: DatasetMeta,
    codes: readonly ClassificationCode[],
    options: ImportOptions = {},
  ): Promise<DataResult<DatasetMeta>> {
    return this.importInTransaction(meta.id, meta.provenance.files[0]?.path ?? meta.id, options, async () => {
      const app = await this.connection.createAppender("classification_codes");
      try {
        codes.forEach((k, ord) => {
          app.appendVarchar(meta.id);
          app.appendInteger(ord);
          app.appendVarchar(k.code);
          for (const v of [k.nameZh, k.nameEn, k.parent]) {
            if (v === undefined) app.appendNull();
            else app.appendVarchar(v);
          }
          if (k.level === undefined) app.appendNull();
          else app.appendInteger(k.level);
          app.endRow();
        });
        app.flushSync();
      } finally {
        app.closeSync();
      }
      return { ok: true, value: { meta, sha: jsonSha(codes) }, warnings: [] };
    });
  }

  loadClassification(id: string): Promise<{ meta: DatasetMeta; codes: ClassificationCode[] }> {
    return this.exclusive(async () => {
      const meta = await this.requireKind(id, ["classification"]);
      const rows = await this.rows(
        "SELECT code, name_zh, name_en, parent, level FROM classification_codes WHERE dataset_id = $1 ORDER BY ord",
        [id],
      );
      const codes = rows.map((r) => ({
        code: String(r.code),
        ...(r.name_zh !== null && { nameZh: String(r.name_zh) }),
        ...(r.name_en !== null && { nameEn: String(r.name_en) }),
        ...(r.parent !== null && { parent: String(r.parent) }),
        ...(r.level !== null && { level: toSafeNumber(r.level, "level") }),
      }));
      return { meta, codes };
    });
  }

  importConcordance(
    meta: DatasetMeta,
    rows: readonly ConcordanceRow[],
    options: ImportOptions = {},
  ): Promise<DataResult<DatasetMeta>> {
    return this.importInTransaction(meta.id, meta.provenance.files[0]?.path ?? meta.id, options, async () => {
      const app = await this.connection.createAppender("concordance_rows");
      try {
        rows.forEach((r, ord) => {
          app.appendVarchar(meta.id);
          app.appendInteger(ord);
          app.appendVarchar(r.fromSystem);
          app.appendVarchar(r.fromCode);
          app.appendVarchar(r.toSystem);
          app.appendVarchar(r.toCode);
          app.appendDouble(r.weight);
          app.endRow();
        });
        app.flushSync();
      } finally {
        app.closeSync();
      }
      return { ok: true, value: { meta, sha: jsonSha(rows) }, warnings: [] };
    });
  }

  loadConcordance(id: string): Promise<{ meta: DatasetMeta; rows: ConcordanceRow[] }> {
    return this.exclusive(async () => {
      const meta = await this.requireKind(id, ["concordance"]);
      const rows = (
        await this.rows(
          "SELECT from_system, from_code, to_system, to_code, weight FROM concordance_rows WHERE dataset_id = $1 ORDER BY ord",
          [id],
        )
      ).map((r) => ({
        fromSystem: String(r.from_system),
        fromCode: String(r.from_code),
        toSystem: String(r.to_system),
        toCode: String(r.to_code),
        weight: r.weight as number,
      }));
      return { meta, rows };
    });
  }

  importRegistry(
    meta: DatasetMeta,
    csvPath: string,
    options: RegistryImportOptions & ImportOptions,
  ): Promise<DataResult<DatasetMeta>> {
    return this.exclusive(async () => {
      const target = await this.writeTarget(meta.id, options.file, options);
      if (!target.ok) return target;
      const existing = target.value;
      return registryImport(this.connection, this.dataDir, meta, csvPath, options, {
        inTransaction: async (write) => {
          if (existing !== undefined) await this.deleteRows(meta.id);
          else await this.invalidateCache(meta.id);
          const m = await write();
          await this.insertDatasetRow(m.meta, m.sha, options);
          await this.auditWrite(meta.id, existing, m.sha, options, m.meta.kind);
        },
      });
    });
  }

  registryCounts(id: string, options: RegistryCountOptions): Promise<RegistryCountRow[]> {
    return this.exclusive(async () => {
      await this.requireKind(id, ["registry"]);
      return registryCounts(this.connection, registryFilePath(this.dataDir, id), options);
    });
  }

  registryRows(id: string, options: RegistryRowsOptions = {}): Promise<RegistryRow[]> {
    return this.exclusive(async () => {
      await this.requireKind(id, ["registry"]);
      return registryRows(this.connection, registryFilePath(this.dataDir, id), options);
    });
  }

  importCorpus(
    meta: DatasetMeta,
    documents: readonly CorpusDocument[],
    options: ImportOptions = {},
  ): Promise<DataResult<DatasetMeta>> {
    return this.importInTransaction(meta.id, meta.provenance.files[0]?.path ?? meta.id, options, async () => {
      const h = createHash("sha256");
      for (const [ord, d] of documents.entries()) {
        await this.connection.run(
          "INSERT INTO corpus_documents VALUES ($1, $2, $3, $4, $5, $6, $7::DATE, $8, $9, $10, $11, $12, $13)",
          [
            meta.id,
            ord,
            d.id,
            d.title,
            d.issuer,
            d.docNumber ?? null,
            d.date,
            d.level,
            d.sourceUrl ?? null,
            d.file,
            d.encoding,
            d.textSha256,
            d.text,
          ] as never,
        );
        h.update(JSON.stringify({ ...d, text: undefined }));
        h.update(d.textSha256);
      }
      return { ok: true, value: { meta, sha: h.digest("hex") }, warnings: [] };
    });
  }

  loadCorpus(id: string): Promise<{ meta: DatasetMeta; documents: CorpusDocumentMeta[] }> {
    return this.exclusive(async () => {
      const meta = await this.requireKind(id, ["text_corpus"]);
      const rows = await this.rows(
        "SELECT doc_id, title, issuer, doc_number, strftime(date, '%Y-%m-%d') AS date, level, source_url, file, encoding, text_sha256 FROM corpus_documents WHERE dataset_id = $1 ORDER BY ord",
        [id],
      );
      const documents = rows.map((r) => ({
        id: String(r.doc_id),
        title: String(r.title),
        issuer: String(r.issuer),
        ...(r.doc_number !== null && { docNumber: String(r.doc_number) }),
        date: String(r.date),
        level: String(r.level),
        ...(r.source_url !== null && { sourceUrl: String(r.source_url) }),
        file: String(r.file),
        encoding: String(r.encoding),
        textSha256: String(r.text_sha256),
      }));
      return { meta, documents };
    });
  }

  getDocumentText(id: string, docId: string): Promise<string | undefined> {
    return this.exclusive(async () => {
      const r = await this.rows("SELECT text FROM corpus_documents WHERE dataset_id = $1 AND doc_id = $2", [id, docId]);
      return r[0] === undefined ? undefined : String(r[0].text);
    });
  }

  getCachedResult(key: string): Promise<string | undefined> {
    return this.exclusive(async () => {
      const r = await this.rows("SELECT value::VARCHAR AS value FROM result_cache WHERE key = $1", [key]);
      return r[0] === undefined ? undefined : String(r[0].value);
    });
  }

  putCachedResult(key: string, method: string, datasetIds: readonly string[], json: string): Promise<void> {
    return this.exclusive(async () => {
      await this.connection.run(
        "INSERT OR REPLACE INTO result_cache (key, method, dataset_ids, value, created_at) VALUES ($1, $2, CAST($3::JSON AS VARCHAR[]), $4::JSON, now()::TIMESTAMP)",
        [key, method, JSON.stringify(datasetIds), json],
      );
    });
  }

  importIoTable(meta: DatasetMeta, table: IoTable, options: ImportOptions = {}): Promise<DataResult<DatasetMeta>> {
    return this.exclusive(async () => {
      const target = await this.writeTarget(meta.id, meta.id, options);
      if (!target.ok) return target;
      const existing = target.value;
      const c = this.connection;
      const sha = ioTableContentSha256(table);
      await c.run("BEGIN TRANSACTION");
      try {
        if (existing !== undefined) await this.deleteRows(meta.id);
        else await this.invalidateCache(meta.id);
        await this.insertDatasetRow(meta, sha, options);
        await this.auditWrite(meta.id, existing, sha, options, meta.kind);
        const sectors = await c.createAppender("io_sectors");
        try {
          table.sectors.forEach((s, k) => {
            sectors.appendVarchar(meta.id);
            sectors.appendInteger(k);
            sectors.appendVarchar(s.code);
            if (s.nameZh === undefined) sectors.appendNull();
            else sectors.appendVarchar(s.nameZh);
            if (s.nameEn === undefined) sectors.appendNull();
            else sectors.appendVarchar(s.nameEn);
            sectors.endRow();
          });
          sectors.flushSync();
        } finally {
          sectors.closeSync();
        }
        const labels = await c.createAppender("io_labels");
        try {
          const add = (block: string, codes: readonly string[]) =>
            codes.forEach((code, k) => {
              labels.appendVarchar(meta.id);
              labels.appendVarchar(block);
              labels.appendInteger(k);
              labels.appendVarchar(code);
              labels.endRow();
            });
          add("Y", table.finalDemandCodes);
          add(
            "VA",
            (table.valueAdded ?? []).map((r) => r.code),
          );
          labels.flushSync();
        } finally {
          labels.closeSync();
        }
        const blocks = await c.createAppender("io_blocks");
        try {
          for (const b of tableBlocks(table)) {
            blocks.appendVarchar(meta.id);
            blocks.appendVarchar(b.block);
            blocks.appendInteger(b.row);
            blocks.appendInteger(b.values.length);
            blocks.appendBlob(float64ToBytes(b.values));
            blocks.endRow();
          }
          blocks.flushSync();
        } finally {
          blocks.closeSync();
        }
        await c.run("COMMIT");
      } catch (error) {
        await c.run("ROLLBACK");
        throw error;
      }
      return { ok: true, value: meta, warnings: [] };
    });
  }

  deleteDataset(id: string, options: DeleteOptions = {}): Promise<boolean> {
    return this.exclusive(async () => {
      const existing = await this.rows(
        "SELECT id, kind, content_sha256, coalesce(shipped, false) AS shipped FROM datasets WHERE id = $1",
        [id],
      );
      if (existing[0] === undefined) return false;
      if (existing[0].shipped === true) throw new DatasetProtectedError(id);
      await this.connection.run("BEGIN TRANSACTION");
      try {
        await this.deleteRows(id);
        await this.audit({
          actor: options.actor ?? "system",
          action: "dataset.delete",
          target: id,
          sha256Before: String(existing[0].content_sha256),
          sha256After: null,
          detail: { kind: String(existing[0].kind) },
        });
        await this.connection.run("COMMIT");
      } catch (error) {
        await this.connection.run("ROLLBACK");
        throw error;
      }
      if (existing[0].kind === "registry") removeRegistryFile(this.dataDir, id);
      return true;
    });
  }

  addUser(user: { name: string; role: Role; passwordHash?: string }, actor: string): Promise<boolean> {
    return this.exclusive(async () => {
      const found = await this.rows("SELECT name FROM users WHERE name = $1", [user.name]);
      if (found.length > 0) return false;
      await this.transaction(async () => {
        await this.connection.run(
          "INSERT INTO users (name, role, password_hash, created_at) VALUES ($1, $2, $3, now()::TIMESTAMP)",
          [user.name, user.role, user.passwordHash ?? null],
        );
        await this.audit({ actor, action: "user.add", target: user.name, detail: { role: user.role } });
      });
      return true;
    });
  }

  private async transaction(fn: () => Promise<void>): Promise<void> {
    await this.connection.run("BEGIN TRANSACTION");
    try {
      await fn();
      await this.connection.run("COMMIT");
    } catch (error) {
      await this.connection.run("ROLLBACK");
      throw error;
    }
  }

  private readonly selectUser =
    "SELECT name, role, password_hash, strftime(created_at, '%Y-%m-%dT%H:%M:%S.%fZ') AS created_at, strftime(revoked_at, '%Y-%m-%dT%H:%M:%S.%fZ') AS revoked_at FROM users";

  private parseUser(r: Record<string, unknown>): UserRecord & { readonly passwordHash?: string } {
    return {
      name: String(r.name),
      role: String(r.role) as Role,
      hasPassword: r.password_hash !== null,
      createdAt: String(r.created_at),
      ...(r.revoked_at !== null && { revokedAt: String(r.revoked_at) }),
      ...(r.password_hash !== null && { passwordHash: String(r.password_hash) }),
    };
  }

  listUsers(): Promise<UserRecord[]> {
    return this.exclusive(async () =>
      (await this.rows(`${this.selectUser} ORDER BY name`)).map((r) => {
        const { passwordHash: _omit, ...user } = this.parseUser(r);
        return user;
      }),
    );
  }

  getUser(name: string): Promise<(UserRecord & { readonly passwordHash?: string }) | undefined> {
    return this.exclusive(async () => {
      const r = (await this.rows(`${this.selectUser} WHERE name = $1`, [name]))[0];
      return r === undefined ? undefined : this.parseUser(r);
    });
  }

  revokeUser(name: string, actor: string): Promise<boolean> {
    return this.exclusive(async () => {
      const found = await this.rows("SELECT name FROM users WHERE name = $1 AND revoked_at IS NULL", [name]);
      if (found.length === 0) return false;
      await this.transaction(async () => {
        await this.connection.run("UPDATE users SET revoked_at = now()::TIMESTAMP WHERE name = $1", [name]);
        await this.connection.run(
          "UPDATE api_tokens SET revoked_at = now()::TIMESTAMP WHERE user_name = $1 AND revoked_at IS NULL",
          [name],
        );
        await this.audit({ actor, action: "user.revoke", target: name });
      });
      return true;
    });
  }

  addToken(userName: string, tokenSha256: string, label: string, actor: string): Promise<void> {
    return this.exclusive(() =>
      this.transaction(async () => {
        await this.connection.run(
          "INSERT INTO api_tokens (token_sha256, user_name, label, created_at) VALUES ($1, $2, $3, now()::TIMESTAMP)",
          [tokenSha256, userName, label],
        );
        // the token's hash is not logged: its first 12 hex digits identify it for revocation
        await this.audit({
          actor,
          action: "token.issue",
          target: userName,
          detail: { label, tokenId: tokenSha256.slice(0, 12) },
        });
      }),
    );
  }

  userByToken(tokenSha256: string): Promise<UserRecord | undefined> {
    return this.exclusive(async () => {
      const r = (
        await this.rows(
          `${this.selectUser} WHERE revoked_at IS NULL AND name = (SELECT user_name FROM api_tokens WHERE token_sha256 = $1 AND revoked_at IS NULL)`,
          [tokenSha256],
        )
      )[0];
      if (r === undefined) return undefined;
      const { passwordHash: _omit, ...user } = this.parseUser(r);
      return user;
    });
  }

  appendAudit(entry: AuditInput): Promise<AuditEntry> {
    return this.exclusive(async () => {
      let out: AuditEntry | undefined;
      await this.transaction(async () => {
        out = await this.audit(entry);
      });
      return out as AuditEntry;
    });
  }

  private readonly selectAudit =
    "SELECT seq, strftime(recorded_at, '%Y-%m-%dT%H:%M:%S.%fZ') AS at, actor, action, target, sha256_before, sha256_after, detail::VARCHAR AS detail, entry_sha256 FROM audit_log";

  private parseAudit(r: Record<string, unknown>): AuditEntry {
    return {
      seq: toSafeNumber(r.seq, "audit seq"),
      at: String(r.at),
      actor: String(r.actor),
      action: String(r.action),
      target: String(r.target),
      sha256Before: r.sha256_before === null ? null : String(r.sha256_before),
      sha256After: r.sha256_after === null ? null : String(r.sha256_after),
      detail: JSON.parse(String(r.detail)) as Record<string, unknown>,
      entrySha256: String(r.entry_sha256),
    };
  }

  listAudit(options: { limit?: number; target?: string } = {}): Promise<AuditEntry[]> {
    const limit = Math.max(1, Math.min(options.limit ?? 100, 10_000));
    return this.exclusive(async () => {
      const rows =
        options.target === undefined
          ? await this.rows(`${this.selectAudit} ORDER BY seq DESC LIMIT $1`, [limit])
          : await this.rows(`${this.selectAudit} WHERE target = $1 ORDER BY seq DESC LIMIT $2`, [
              options.target,
              limit,
            ]);
      return rows.map((r) => this.parseAudit(r));
    });
  }

  verifyAuditLog(): Promise<boolean> {
    return this.exclusive(async () => {
      let previous = "";
      for (const r of await this.rows(`${this.selectAudit} ORDER BY seq`)) {
        const e = this.parseAudit(r);
        const { entrySha256, ...fields } = e;
        if (auditEntrySha256(previous, fields) !== entrySha256) return false;
        previous = entrySha256;
      }
      return true;
    });
  }

  counts(): Promise<Record<string, number>> {
    return this.exclusive(async () => {
      const out: Record<string, number> = {};
      for (const t of COUNTED_TABLES) {
        const r = await this.rows(`SELECT count(*) AS n FROM ${t}`);
        out[t] = toSafeNumber(r[0]?.n, "count");
      }
      return out;
    });
  }

  close(): Promise<void> {
    return this.exclusive(async () => {
      this.closed = true;
      this.connection.closeSync();
      this.instance.closeSync();
      if (this.removeDataDirOnClose) rmSync(this.dataDir, { recursive: true, force: true });
    });
  }
}

/** The chained hash of an audit entry: sha256 of the previous entry's hash and this entry's fields. */
function auditEntrySha256(previous: string, fields: Omit<AuditEntry, "entrySha256">): string {
  const canonical = JSON.stringify([
    previous,
    fields.seq,
    fields.at,
    fields.actor,
    fields.action,
    fields.target,
    fields.sha256Before,
    fields.sha256After,
    fields.detail,
  ]);
  return createHash("sha256").update(canonical).digest("hex");
}

async function migrate(connection: DuckDBConnection): Promise<void> {
  await connection.run(
    "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)",
  );
  const reader = await connection.runAndReadAll("SELECT coalesce(max(version), 0) AS v FROM schema_version");
  const current = toSafeNumber((reader.getRowObjects()[0] as Record<string, unknown>).v, "schema version");
  if (current > SCHEMA_VERSION) {
    throw new Error(`store: database schema version ${current} is newer than this software (${SCHEMA_VERSION})`);
  }
  for (const [version, name] of MIGRATIONS) {
    if (version <= current) continue;
    await connection.run("BEGIN TRANSACTION");
    try {
      for (const statement of splitStatements(migrationSql(name))) await connection.run(statement);
      await connection.run("INSERT INTO schema_version (version, name) VALUES ($1, $2)", [version, name]);
      await connection.run("COMMIT");
    } catch (error) {
      await connection.run("ROLLBACK");
      throw error;
    }
  }
}

/**
 * Opens (and creates or migrates) the store (打开数据仓库).
 *
 * @param dir data directory; default `$SHUSHI_DATA_DIR` or `<repo>/.shushi`; `":memory:"` for an
 *   in-memory database (tests). The database file is `<dir>/shushi.duckdb`.
 * @param options environment for the default directory
 * @returns the {@link Store}; call `close()` when done
 * @throws Error when the database was written by a newer schema version
 * @example
 * const store = await openStore(":memory:");
 * await store.listDatasets(); // => []
 */
export async function openStore(dir?: string, options: OpenStoreOptions = {}): Promise<Store> {
  let path: string;
  let dataDir: string;
  if (dir === ":memory:") {
    path = ":memory:";
    dataDir = mkdtempSync(join(tmpdir(), "shushi-store-"));
  } else {
    dataDir = dir ?? defaultDataDir(options.env ?? process.env);
    mkdirSync(dataDir, { recursive: true });
    path = join(dataDir, STORE_FILE);
  }
  // a registry import that died between COPY and rename leaves `<id>.parquet.<hex>.tmp`; DuckDB's file
  // lock means no other process is importing into this directory, so they can go
  removeStaleRegistryTemps(dataDir);
  const instance = await DuckDBInstance.create(path);
  const connection = await instance.connect();
  try {
    await migrate(connection);
  } catch (error) {
    connection.closeSync();
    instance.closeSync();
    throw error;
  }
  return new DuckDbStore(path, dataDir, instance, connection, dir === ":memory:");
}

// Filling the store lives in build.ts; re-exported here so the edges import one module.
export {
  type BuildStoreOptions,
  type BuildStoreReport,
  buildStore,
  type ImportUserFileOptions,
  importShippedDatasets,
  importUserFile,
  readShippedDataset,
} from "./build.js";
