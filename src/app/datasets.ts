/**
 * Use-cases on datasets (数据集): list, show with a validation summary, validate a file without
 * storing it, and import a file into the store (all-or-nothing).
 */

import type { IoTable } from "../core/index.js";
import type { DatasetKind, DatasetMeta, ImportUserFileOptions, ParseLimits } from "../data/index.js";
import {
  type DataIssue,
  DataIssuesError,
  type DataResult,
  type ValidateIoOptions,
  validateIoTable,
  WIOD_BALANCE_TOLERANCE,
} from "../data/index.js";
import { type DatasetSource, requireMeta } from "./dataset-source.js";
import { DatasetNotFoundError } from "./errors.js";
import { readInputTable, withoutSummaries } from "./input-file.js";
import { sectorNames } from "./table-ref.js";

export interface DatasetsListResult {
  readonly datasets: readonly DatasetMeta[];
}

/** Every stored dataset's metadata, ordered by id. */
export async function datasetsList(source: DatasetSource): Promise<DatasetsListResult> {
  const all = await source.listDatasets();
  return { datasets: [...all].sort((a, b) => a.id.localeCompare(b.id)) };
}

export interface ValidationSummary {
  readonly ok: boolean;
  readonly errors: number;
  readonly warnings: number;
  readonly issues: readonly DataIssue[];
}

export type DatasetShowResult = DatasetMeta & {
  readonly sectors?: readonly { readonly code: string; readonly name_zh: string; readonly name_en: string }[];
  readonly validation: ValidationSummary;
};

function summary(issues: readonly DataIssue[]): ValidationSummary {
  const errors = issues.filter((i) => i.severity === "error").length;
  return { ok: errors === 0, errors, warnings: issues.length - errors, issues };
}

/**
 * The validation tolerances a stored table was accepted with: relative 1e-6 (spec §5.2), except the
 * integer-rounded WIOD tables (relative 1e-4 plus the rounding bound 0.5·(n + m + 1), as the WIOD reader)
 * and the OECD tables printed to one decimal (absolute 0.05·(n + m + 2), as the OECD reader).
 */
function validationOptions(meta: DatasetMeta, table: IoTable): ValidateIoOptions {
  if ((meta.classification?.system ?? "").startsWith("wiod")) {
    const n = table.sectors.length;
    const m = table.finalDemand.cols;
    return {
      balanceTolerance: WIOD_BALANCE_TOLERANCE,
      absoluteTolerance: 0.5 * (n + m + 1),
      zeroOutput: "zero_column",
    };
  }
  if ((meta.classification?.system ?? "").startsWith("oecd")) {
    // cells printed to one decimal: the rounding bound of a sum of n + m + 2 cells (as the OECD reader)
    return {
      balanceTolerance: 1e-6,
      absoluteTolerance: 0.05 * (table.sectors.length + table.finalDemand.cols + 2),
      zeroOutput: "zero_column",
    };
  }
  return { balanceTolerance: 1e-6, zeroOutput: "zero_column" };
}

/**
 * One dataset's metadata plus a validation summary (IO tables are re-validated: balance to 1e-6,
 * productivity, negative flows) and, for IO tables, the sector list.
 * @throws {DatasetNotFoundError} unknown id
 */
export async function datasetsShow(source: DatasetSource, id: string): Promise<DatasetShowResult> {
  const meta = await requireMeta(source, id);
  if (meta.kind !== "io_table") return { ...meta, validation: summary([]) };
  const { table } = await source.loadIoTable(id);
  const file = meta.provenance.files[0]?.path ?? id;
  const locator = { file, rowOf: () => undefined, colOf: () => undefined, columnNameOf: () => undefined };
  const issues = validateIoTable(table, locator, validationOptions(meta, table));
  return {
    ...meta,
    sectors: table.sectors.map((s) => ({ code: s.code, ...sectorNames(s) })),
    validation: summary(issues),
  };
}

export interface DatasetsValidateOptions {
  readonly file: string;
  readonly unit?: string;
  readonly sheet?: string;
  /** limits of the thread that reads XLSX and large CSV files @default DEFAULT_PARSE_LIMITS */
  readonly parseLimits?: ParseLimits;
}

export interface DatasetsValidateResult extends ValidationSummary {
  readonly file: string;
  /** present when the file could be read as an IO table */
  readonly table?: { readonly sectors: number; readonly unit: string; readonly codes: readonly string[] };
}

/** Validates an IO table file in the generic template without storing anything (校验文件). */
export async function datasetsValidate(
  bytes: Uint8Array,
  options: DatasetsValidateOptions,
): Promise<DatasetsValidateResult> {
  try {
    const r = await readInputTable(bytes, options);
    return {
      file: options.file,
      ...summary(r.warnings),
      table: { sectors: r.table.sectors.length, unit: r.meta.unit, codes: r.table.sectors.map((s) => s.code) },
    };
  } catch (e) {
    if (e instanceof DataIssuesError) return { file: options.file, ...summary(e.issues) };
    throw e;
  }
}

/** Every kind `datasetsImport` accepts (CLI `--kind`, API `?kind=`). */
export { IMPORT_KINDS, type ImportKind } from "../data/index.js";

/**
 * Options of {@link datasetsImport}: the store's import options (file, id, unit, replace, sheet,
 * titles, year, region; series layout, frequency, indicator, units, entity resolution; concordance
 * coverage; progress), with the kind optional (default io_table). The store's own options for shipped
 * data (provenance, validation tolerances) are not offered to users.
 */
export type DatasetsImportOptions = Omit<
  ImportUserFileOptions,
  "kind" | "provenance" | "validate" | "priceBasis" | "shipped" | "parseLimits"
> & {
  /** @default "io_table" */
  readonly kind?: DatasetKind;
};

/** The file to import: its bytes, or its path (streamed for large CSV series and registries; required for text corpora). */
export type DatasetInput = Uint8Array | { readonly path: string };

/** Writes a file into the store in one transaction (the store's importUserFile). */
export type DatasetImporter = (
  input: DatasetInput,
  options: Omit<DatasetsImportOptions, "kind"> & { readonly kind: DatasetKind },
) => Promise<DataResult<DatasetMeta>>;

/**
 * Imports a file as a dataset of any kind (导入数据集): all issues or nothing changes.
 * @param importer the store's importer (`DataStore.importer`)
 * @param input the bytes, or `{ path }` for streamed imports
 * @param options file, id, kind (default io_table) and the kind's options
 * @throws {DataIssuesError} with every issue when the file has errors (the store is unchanged)
 */
export async function datasetsImport(
  importer: DatasetImporter,
  input: DatasetInput,
  options: DatasetsImportOptions,
): Promise<{ dataset: DatasetMeta; warnings: readonly DataIssue[] }> {
  const r = await importer(input, { ...options, kind: options.kind ?? "io_table" });
  // as for --input and validate: the max-imbalance summaries add nothing next to the located errors
  if (!r.ok) throw new DataIssuesError(withoutSummaries(r.issues));
  return { dataset: r.value, warnings: r.warnings };
}

/** Deletes a stored dataset (the store's deleteDataset, audited); false when the id is not stored. */
export type DatasetDeleter = (id: string, options: { readonly actor: string }) => Promise<boolean>;

/** Prefix of every user's namespace: `user/<name>/<id>`. */
export const USER_NAMESPACE = "user";

/** User names: what a namespace segment of a dataset id accepts (letters, digits, `.`, `_`, `-`). */
export const USER_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** The namespace of a user's datasets (用户命名空间): `user/<name>/`. */
export function userNamespace(user: string): string {
  return `${USER_NAMESPACE}/${user}/`;
}

/**
 * The stored id of a user's dataset (用户数据集标识): `id` itself when already under the user's
 * namespace, otherwise `user/<name>/<id>`.
 * @returns the namespaced id, or undefined when `id` names another user's namespace (`user/<other>/…`)
 * @example userDatasetId("ana", "gdp") // => "user/ana/gdp"
 */
export function userDatasetId(user: string, id: string): string | undefined {
  const own = userNamespace(user);
  if (id.startsWith(own)) return id;
  if (id === USER_NAMESPACE || id.startsWith(`${USER_NAMESPACE}/`)) return undefined;
  return `${own}${id}`;
}

/** True when `user` owns dataset `id` (it lies under `user/<name>/`). */
export function ownsDataset(user: string, id: string): boolean {
  return id.startsWith(userNamespace(user));
}

/**
 * Deletes a user's dataset (删除数据集).
 * @param deleter the store's delete (`DataStore.deleter`)
 * @param id the stored id
 * @param actor who deletes (audit log)
 * @throws {DatasetNotFoundError} when no dataset has that id
 * @throws {DatasetProtectedError} (from the store) for shipped data
 */
export async function datasetsDelete(deleter: DatasetDeleter, id: string, actor: string): Promise<{ id: string }> {
  if (!(await deleter(id, { actor }))) throw new DatasetNotFoundError(id);
  return { id };
}
