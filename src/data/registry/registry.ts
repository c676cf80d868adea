/**
 * Firm registries (企业名录): millions of rows, so never held in JavaScript. A registry CSV is
 * streamed by DuckDB (`read_csv`) into a staging table, validated with SQL queries that return only
 * the bad rows (with their 1-based file row numbers), written to
 * `<dataDir>/registries/<id>.parquet` with `COPY … TO … (FORMAT parquet)`, and queried in SQL through
 * {@link registryCounts} and {@link registryRows}.
 *
 * Paths: DuckDB binds file paths as parameters (`read_csv($1)`, `COPY … TO $1`), so nothing is spliced
 * into SQL; because DuckDB expands glob patterns and URL schemes in those paths, {@link checkLocalPath}
 * accepts only an existing local file whose path has no glob characters and no scheme.
 *
 * Template (UTF-8 CSV, header on line 1): `id, name, industry_code, region_code, registered_on,
 * deregistered_on?, capital?, status`. Row numbers are record numbers + 1 (a quoted field spanning
 * lines shifts them).
 */
import { createHash, randomBytes } from "node:crypto";
import { createReadStream, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import type { DatasetMeta } from "../dataset.js";
import { type DataIssue, type DataResult, issue } from "../issues.js";

export const REGISTRY_COLUMNS = [
  "id",
  "name",
  "industry_code",
  "region_code",
  "registered_on",
  "deregistered_on",
  "capital",
  "status",
] as const;
const REQUIRED = ["id", "name", "industry_code", "region_code", "registered_on", "status"] as const;

/** Statuses after normalisation; Chinese registry terms map onto them. */
export const REGISTRY_STATUSES = ["active", "deregistered", "revoked", "moved_out", "other"] as const;
export type RegistryStatus = (typeof REGISTRY_STATUSES)[number];
const STATUS_SQL = `CASE lower(trim(status))
  WHEN 'active' THEN 'active' WHEN '存续' THEN 'active' WHEN '在业' THEN 'active' WHEN '开业' THEN 'active'
  WHEN 'deregistered' THEN 'deregistered' WHEN '注销' THEN 'deregistered'
  WHEN 'revoked' THEN 'revoked' WHEN '吊销' THEN 'revoked'
  WHEN 'moved_out' THEN 'moved_out' WHEN '迁出' THEN 'moved_out'
  WHEN 'other' THEN 'other' WHEN '其他' THEN 'other' END`;

/** Progress of a streamed import. */
export interface ImportProgress {
  readonly bytes: number;
  readonly rows: number;
}

export interface RegistryImportOptions {
  /** the file name shown in issues */
  readonly file: string;
  readonly replace?: boolean;
  readonly onProgress?: (p: ImportProgress) => void;
}

/** One registry row as stored. */
export interface RegistryRow {
  readonly id: string;
  readonly name: string;
  readonly industryCode: string;
  readonly regionCode: string;
  /** ISO date */
  readonly registeredOn: string;
  readonly deregisteredOn: string | null;
  readonly capital: number | null;
  readonly status: RegistryStatus;
}

/** Filters shared by registry queries (all bound as parameters). */
export interface RegistryFilter {
  /** industry codes starting with this prefix (e.g. "I65") */
  readonly industryPrefix?: string;
  /** region codes starting with this prefix (e.g. "33" for 浙江) */
  readonly regionPrefix?: string;
  readonly status?: RegistryStatus;
  /** registered on or before, and not deregistered before, this ISO date */
  readonly activeOn?: string;
}

export type RegistryGroupBy = "industry_code" | "region_code" | "status" | "registered_year";
export interface RegistryCountOptions extends RegistryFilter {
  readonly by: RegistryGroupBy;
}
export interface RegistryCountRow {
  readonly key: string;
  readonly count: number;
}
export interface RegistryRowsOptions extends RegistryFilter {
  /** @default 100 (at most 10 000) */
  readonly limit?: number;
  readonly offset?: number;
}

const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** `<dataDir>/registries/<id>.parquet`. @throws Error for an id that is not a safe file name */
export function registryFilePath(dataDir: string, id: string): string {
  if (!SAFE_ID.test(id)) throw new Error(`registry: id ${JSON.stringify(id)} is not a safe file name`);
  return join(dataDir, "registries", `${id}.parquet`);
}

/** Removes a registry's Parquet file (after its rows were deleted). */
export function removeRegistryFile(dataDir: string, id: string): void {
  if (SAFE_ID.test(id)) rmSync(registryFilePath(dataDir, id), { force: true });
}

/** Removes temporary Parquet files left by an interrupted import (`registries/*.tmp`). */
export function removeStaleRegistryTemps(dataDir: string): void {
  const d = join(dataDir, "registries");
  if (!existsSync(d)) return;
  for (const f of readdirSync(d)) if (f.endsWith(".tmp")) rmSync(join(d, f), { force: true });
}

/**
 * Checks that a path is safe to hand to DuckDB: an existing local regular file, no glob characters
 * (`* ? [ ] { }`), no URL scheme, no control characters.
 * @returns the absolute path, or the reason it is refused
 */
export function checkLocalPath(path: string): { ok: true; path: string } | { ok: false; reason: string } {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we refuse
  if (/[\u0000-\u001f*?[\]{}]/.test(path)) return { ok: false, reason: "path_characters" };
  if (/^[a-zA-Z][a-zA-Z0-9+.-]+:\/\//.test(path)) return { ok: false, reason: "not_local" };
  const abs = isAbsolute(path) ? path : resolve(path);
  if (!existsSync(abs) || !statSync(abs).isFile()) return { ok: false, reason: "not_found" };
  return { ok: true, path: abs };
}

async function fileSha256(path: string): Promise<string> {
  const h = createHash("sha256");
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  return h.digest("hex");
}

function num(v: unknown): number {
  if (typeof v === "number") return v;
  if (typeof v === "bigint") {
    const n = Number(v);
    if (!Number.isSafeInteger(n)) throw new Error(`registry: ${v} is not a safe integer`);
    return n;
  }
  throw new Error(`registry: not a number (${typeof v})`);
}

async function rowsOf(c: DuckDBConnection, sql: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
  return (await c.runAndReadAll(sql, params as never)).getRowObjects() as Record<string, unknown>[];
}

/** Most issues reported per rule (the rest are counted in the last issue's params). */
const MAX_ISSUES_PER_RULE = 1000;

/**
 * Streams, validates and stores a registry (the store calls this inside its exclusive section).
 * @param hooks.inTransaction runs inside BEGIN … COMMIT: deletes old rows, calls `write` (which inserts
 *   the registry_files row), inserts the datasets row
 */
export async function registryImport(
  c: DuckDBConnection,
  dataDir: string,
  meta: DatasetMeta,
  csvPath: string,
  options: RegistryImportOptions,
  hooks: { inTransaction: (write: () => Promise<{ meta: DatasetMeta; sha: string }>) => Promise<void> },
): Promise<DataResult<DatasetMeta>> {
  const file = options.file;
  if (!SAFE_ID.test(meta.id))
    return { ok: false, issues: [issue("invalid_value", { file }, { value: meta.id, expected: "safe_id" })] };
  const checked = checkLocalPath(csvPath);
  if (!checked.ok)
    return {
      ok: false,
      issues: [issue("file_unreadable", { file }, { reason: "read_failed", detail: checked.reason })],
    };
  const bytes = statSync(checked.path).size;
  const stage = `registry_stage_${randomBytes(6).toString("hex")}`;
  const finalPath = registryFilePath(dataDir, meta.id);
  const tmpPath = `${finalPath}.${randomBytes(6).toString("hex")}.tmp`;
  mkdirSync(join(dataDir, "registries"), { recursive: true });
  try {
    try {
      await c.run(
        `CREATE TEMP TABLE ${stage} AS SELECT * FROM read_csv($1, header = true, all_varchar = true, delim = ',', quote = '"', escape = '"', encoding = 'utf-8')`,
        [checked.path],
      );
    } catch (e) {
      return {
        ok: false,
        issues: [issue("file_unreadable", { file }, { reason: "read_failed", detail: (e as Error).message })],
      };
    }
    const columns = (await rowsOf(c, `SELECT column_name FROM (DESCRIBE ${stage})`)).map((r) => String(r.column_name));
    const missing = REQUIRED.filter((col) => !columns.includes(col));
    if (missing.length > 0)
      return { ok: false, issues: missing.map((column) => issue("missing_column", { file, row: 1 }, { column })) };
    const present = new Set(columns);
    const colExpr = (name: string) => (present.has(name) ? name : "NULL::VARCHAR");
    const total = num((await rowsOf(c, `SELECT count(*) AS n FROM ${stage}`))[0]?.n);
    options.onProgress?.({ bytes, rows: total });
    const issues: DataIssue[] = [];
    const rule = async (
      code: DataIssue["code"],
      column: string,
      where: string,
      params: (value: string | null) => Record<string, unknown>,
    ) => {
      const found = await rowsOf(
        c,
        `SELECT rowid + 2 AS row, ${column}::VARCHAR AS value FROM ${stage} WHERE ${where} ORDER BY rowid LIMIT ${MAX_ISSUES_PER_RULE}`,
      );
      for (const r of found)
        issues.push(
          issue(
            code,
            { file, row: num(r.row), column: columns.indexOf(column) + 1, columnName: column },
            params(r.value === null ? null : String(r.value)),
          ),
        );
    };
    for (const col of REQUIRED)
      await rule("missing_value", col, `${col} IS NULL OR trim(${col}) = ''`, () => ({ column: col }));
    await rule("invalid_value", "region_code", `NOT regexp_full_match(trim(region_code), '\\d{6}')`, (value) => ({
      value,
      expected: "gbt2260_code",
    }));
    const badDate = (col: string) =>
      `trim(${col}) <> '' AND (NOT regexp_full_match(trim(${col}), '\\d{4}-\\d{2}-\\d{2}') OR try_cast(trim(${col}) AS DATE) IS NULL)`;
    await rule("invalid_date", "registered_on", badDate("registered_on"), (value) => ({ value }));
    if (present.has("deregistered_on")) {
      await rule("invalid_date", "deregistered_on", badDate("deregistered_on"), (value) => ({ value }));
      await rule(
        "invalid_value",
        "deregistered_on",
        "try_cast(trim(deregistered_on) AS DATE) < try_cast(trim(registered_on) AS DATE)",
        (value) => ({ value, expected: "not_before_registered_on" }),
      );
    }
    if (present.has("capital"))
      await rule(
        "non_numeric_cell",
        "capital",
        "trim(capital) <> '' AND try_cast(trim(capital) AS DOUBLE) IS NULL",
        (value) => ({ value }),
      );
    await rule("invalid_value", "status", `trim(status) <> '' AND (${STATUS_SQL}) IS NULL`, (value) => ({
      value,
      expected: REGISTRY_STATUSES,
    }));
    const dups = await rowsOf(
      c,
      `SELECT id, rowid + 2 AS row, first_value(rowid + 2) OVER (PARTITION BY id ORDER BY rowid) AS first_row,
         row_number() OVER (PARTITION BY id ORDER BY rowid) AS k
       FROM ${stage} WHERE id IS NOT NULL AND trim(id) <> '' QUALIFY k > 1 ORDER BY rowid LIMIT ${MAX_ISSUES_PER_RULE}`,
    );
    for (const d of dups)
      issues.push(
        issue(
          "duplicate_code",
          { file, row: num(d.row), column: columns.indexOf("id") + 1, columnName: "id" },
          { code: String(d.id), firstRow: num(d.first_row) },
        ),
      );
    if (issues.length > 0)
      return {
        ok: false,
        issues: issues.sort(
          (a, b) => (a.path.row ?? 0) - (b.path.row ?? 0) || (a.path.column ?? 0) - (b.path.column ?? 0),
        ),
      };
    await c.run(
      `COPY (SELECT trim(id) AS id, trim(name) AS name, trim(industry_code) AS industry_code, trim(region_code) AS region_code,
          CAST(trim(registered_on) AS DATE) AS registered_on,
          CAST(NULLIF(trim(${colExpr("deregistered_on")}), '') AS DATE) AS deregistered_on,
          CAST(NULLIF(trim(${colExpr("capital")}), '') AS DOUBLE) AS capital,
          ${STATUS_SQL} AS status
        FROM ${stage} ORDER BY rowid) TO $1 (FORMAT parquet)`,
      [tmpPath],
    );
    options.onProgress?.({ bytes, rows: total });
    const sha = await fileSha256(checked.path);
    const storedMeta: DatasetMeta = {
      ...meta,
      dimensions: { ...meta.dimensions, rows: total },
      provenance: { ...meta.provenance, files: [{ path: file, sha256: sha, bytes }] },
    };
    await c.run("BEGIN TRANSACTION");
    try {
      await hooks.inTransaction(async () => {
        await c.run("INSERT INTO registry_files VALUES ($1, $2, $3, $4)", [
          meta.id,
          join("registries", `${meta.id}.parquet`),
          total,
          await fileSha256(tmpPath),
        ] as never);
        return { meta: storedMeta, sha };
      });
      await c.run("COMMIT");
    } catch (e) {
      await c.run("ROLLBACK");
      throw e;
    }
    renameSync(tmpPath, finalPath);
    return { ok: true, value: storedMeta, warnings: [] };
  } finally {
    rmSync(tmpPath, { force: true });
    await c.run(`DROP TABLE IF EXISTS ${stage}`);
  }
}

function filterSql(f: RegistryFilter, params: unknown[]): string {
  const parts: string[] = [];
  const bind = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  if (f.industryPrefix !== undefined) parts.push(`starts_with(industry_code, ${bind(f.industryPrefix)})`);
  if (f.regionPrefix !== undefined) parts.push(`starts_with(region_code, ${bind(f.regionPrefix)})`);
  if (f.status !== undefined) parts.push(`status = ${bind(f.status)}`);
  if (f.activeOn !== undefined) {
    const d = bind(f.activeOn);
    parts.push(
      `registered_on <= CAST(${d} AS DATE) AND (deregistered_on IS NULL OR deregistered_on > CAST(${d} AS DATE))`,
    );
  }
  return parts.length === 0 ? "TRUE" : parts.join(" AND ");
}

const GROUP_SQL: Readonly<Record<RegistryGroupBy, string>> = {
  industry_code: "industry_code",
  region_code: "region_code",
  status: "status",
  registered_year: "CAST(year(registered_on) AS VARCHAR)",
};

/** Counts of rows grouped by one column (SQL over the Parquet file; nothing loaded whole). */
export async function registryCounts(
  c: DuckDBConnection,
  parquetPath: string,
  options: RegistryCountOptions,
): Promise<RegistryCountRow[]> {
  const params: unknown[] = [parquetPath];
  const where = filterSql(options, params);
  const g = GROUP_SQL[options.by];
  const rows = await rowsOf(
    c,
    `SELECT ${g} AS key, count(*) AS n FROM read_parquet($1) WHERE ${where} GROUP BY ALL ORDER BY key`,
    params,
  );
  return rows.map((r) => ({ key: String(r.key), count: num(r.n) }));
}

/** One page of rows in file order (SQL over the Parquet file). */
export async function registryRows(
  c: DuckDBConnection,
  parquetPath: string,
  options: RegistryRowsOptions = {},
): Promise<RegistryRow[]> {
  const params: unknown[] = [parquetPath];
  const where = filterSql(options, params);
  const limit = Math.min(Math.max(0, Math.trunc(options.limit ?? 100)), 10_000);
  const offset = Math.max(0, Math.trunc(options.offset ?? 0));
  params.push(limit, offset);
  const rows = await rowsOf(
    c,
    `SELECT id, name, industry_code, region_code, strftime(registered_on, '%Y-%m-%d') AS registered_on,
       strftime(deregistered_on, '%Y-%m-%d') AS deregistered_on, capital, status
     FROM read_parquet($1) WHERE ${where} LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
  return rows.map((r) => ({
    id: String(r.id),
    name: String(r.name),
    industryCode: String(r.industry_code),
    regionCode: String(r.region_code),
    registeredOn: String(r.registered_on),
    deregisteredOn: r.deregistered_on === null ? null : String(r.deregistered_on),
    capital: r.capital === null ? null : (r.capital as number),
    status: String(r.status) as RegistryStatus,
  }));
}
