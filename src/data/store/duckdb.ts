/**
 * The embedded dataset store (数据仓库) on DuckDB: repository functions over the schema in
 * `migrations/` (design: docs/decisions/0002-store.md). Every value is bound as a parameter; nothing
 * is spliced into SQL. An import runs in one transaction: it completes or changes nothing.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync } from "node:fs";
import { endianness } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import type { IoTable, SectorLabel } from "../../core/io-analysis/io-table.js";
import { type Matrix, matrix } from "../../core/linalg/matrix.js";
import type { DatasetMeta } from "../dataset.js";
import { DataIssuesError, type DataResult, issue } from "../issues.js";
import { defaultDataDir } from "../paths.js";
import type { Provenance } from "../provenance.js";

/** File name of the database inside the data directory. */
export const STORE_FILE = "shushi.duckdb";

/** Migrations in order: [version, file name]. */
const MIGRATIONS: readonly (readonly [number, string])[] = [[1, "001-init.sql"]];

/** Current schema version (the last migration). */
export const SCHEMA_VERSION = 1;

/** A dataset row as listed by the store. */
export interface StoredDataset {
  readonly meta: DatasetMeta;
  /** ISO 8601 UTC timestamp of the import */
  readonly importedAt: string;
  /** sha256 of the canonical serialisation of the stored content (see {@link ioTableContentSha256}) */
  readonly contentSha256: string;
}

export interface ImportOptions {
  /** replace an existing dataset with the same id (inside the same transaction) @default false */
  readonly replace?: boolean;
}

export interface Store {
  /** absolute path of the database file, or ":memory:" */
  readonly path: string;
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
  /** deletes a dataset (one transaction); false when it did not exist */
  deleteDataset(id: string): Promise<boolean>;
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

function metaWithoutProvenance(meta: DatasetMeta): Omit<DatasetMeta, "provenance"> {
  const { provenance: _omit, ...rest } = meta;
  return rest;
}

class DuckDbStore implements Store {
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(
    readonly path: string,
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
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
    };
  }

  private readonly selectDataset =
    "SELECT id, meta::VARCHAR AS meta, provenance::VARCHAR AS provenance, strftime(imported_at, '%Y-%m-%dT%H:%M:%S.%fZ') AS imported_at, content_sha256 FROM datasets";

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

  private async deleteRows(id: string): Promise<void> {
    for (const t of ["io_blocks", "io_labels", "io_sectors"]) {
      await this.connection.run(`DELETE FROM ${t} WHERE dataset_id = $1`, [id]);
    }
    await this.connection.run("DELETE FROM datasets WHERE id = $1", [id]);
  }

  importIoTable(meta: DatasetMeta, table: IoTable, options: ImportOptions = {}): Promise<DataResult<DatasetMeta>> {
    return this.exclusive(async () => {
      const existing = await this.rows("SELECT id FROM datasets WHERE id = $1", [meta.id]);
      if (existing.length > 0 && options.replace !== true) {
        return { ok: false, issues: [issue("dataset_exists", { file: meta.id }, { id: meta.id })] };
      }
      const c = this.connection;
      const sha = ioTableContentSha256(table);
      await c.run("BEGIN TRANSACTION");
      try {
        if (existing.length > 0) await this.deleteRows(meta.id);
        await c.run(
          "INSERT INTO datasets (id, kind, meta, provenance, imported_at, content_sha256) VALUES ($1, $2, $3::JSON, $4::JSON, now()::TIMESTAMP, $5)",
          [meta.id, meta.kind, JSON.stringify(metaWithoutProvenance(meta)), JSON.stringify(meta.provenance), sha],
        );
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

  deleteDataset(id: string): Promise<boolean> {
    return this.exclusive(async () => {
      const existing = await this.rows("SELECT id FROM datasets WHERE id = $1", [id]);
      if (existing.length === 0) return false;
      await this.connection.run("BEGIN TRANSACTION");
      try {
        await this.deleteRows(id);
        await this.connection.run("COMMIT");
      } catch (error) {
        await this.connection.run("ROLLBACK");
        throw error;
      }
      return true;
    });
  }

  counts(): Promise<Record<string, number>> {
    return this.exclusive(async () => {
      const out: Record<string, number> = {};
      for (const t of ["datasets", "io_sectors", "io_labels", "io_blocks", "schema_version"]) {
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
    });
  }
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
  if (dir === ":memory:") path = ":memory:";
  else {
    const d = dir ?? defaultDataDir(options.env ?? process.env);
    mkdirSync(d, { recursive: true });
    path = join(d, STORE_FILE);
  }
  const instance = await DuckDBInstance.create(path);
  const connection = await instance.connect();
  try {
    await migrate(connection);
  } catch (error) {
    connection.closeSync();
    instance.closeSync();
    throw error;
  }
  return new DuckDbStore(path, instance, connection);
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
