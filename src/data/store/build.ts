/**
 * Filling the store (建库与导入): the shipped datasets from `data/shipped/`, and user files in the
 * generic IO template. Both paths parse and validate in TypeScript (one set of rules for every table)
 * and write through `Store.importIoTable` (one transaction per dataset).
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { SHIPPED_DATASETS, type ShippedDataset, shippedProvenance } from "../catalog.js";
import type { DatasetKind, DatasetMeta } from "../dataset.js";
import { readCsv } from "../ingest/csv.js";
import { readTabularFile } from "../ingest/index.js";
import type { RawTable } from "../ingest/raw-table.js";
import type { IoTableReadResult } from "../io-tables/common.js";
import { readGenericTable } from "../io-tables/generic.js";
import { readNbsTable } from "../io-tables/nbs.js";
import { readOecdIot } from "../io-tables/oecd.js";
import type { ValidateIoOptions } from "../io-tables/validate.js";
import { readWiod } from "../io-tables/wiod.js";
import { type DataIssue, type DataResult, issue } from "../issues.js";
import { repoPath } from "../paths.js";
import type { SourceFile } from "../provenance.js";
import { openStore, type Store } from "./duckdb.js";

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * Reads, parses and validates one shipped dataset from `data/shipped/` (no store involved).
 *
 * @param dataset the catalogue entry
 * @param shippedDir directory holding the shipped files @default `<repo>/data/shipped`
 * @returns the reader result, with provenance = catalogue provenance + the files' sha256 and sizes +
 *   the reader's transformation steps; or the issues
 */
export function readShippedDataset(
  dataset: ShippedDataset,
  shippedDir: string = repoPath("data", "shipped"),
): DataResult<IoTableReadResult> {
  const files: SourceFile[] = [];
  const raws: RawTable[] = [];
  const issues: DataIssue[] = [];
  for (const rel of dataset.files) {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(readFileSync(join(shippedDir, rel)));
    } catch (error) {
      issues.push(issue("file_unreadable", { file: `data/shipped/${rel}` }, { reason: String(error) }));
      continue;
    }
    files.push({ path: `data/shipped/${rel}`, sha256: sha256(bytes), bytes: bytes.length });
    const raw = readCsv(bytes, { file: `data/shipped/${rel}`, delimiter: ",", encoding: "utf-8", headerRow: 1 });
    if (raw.ok) raws.push(raw.value);
    else issues.push(...raw.issues);
  }
  if (issues.length > 0) return { ok: false, issues };
  const common = {
    id: dataset.id,
    titleZh: dataset.titleZh,
    titleEn: dataset.titleEn,
    region: dataset.region,
    classification: dataset.classification,
    provenance: shippedProvenance(dataset, files),
  };
  switch (dataset.reader) {
    case "nbs":
      return readNbsTable(raws[0] as RawTable, { ...common, year: dataset.year });
    case "oecd":
      return readOecdIot(raws[0] as RawTable, { ...common, year: dataset.year });
    case "wiod": {
      const [inter, final, output, industries] = raws as [RawTable, RawTable, RawTable, RawTable];
      return readWiod({ inter, final, output, industries }, { ...common, year: dataset.year });
    }
    default: {
      const never: never = dataset.reader;
      throw new Error(`readShippedDataset: unknown reader ${String(never)}`);
    }
  }
}

export interface BuildStoreOptions {
  /** re-import every shipped dataset even when the stored copy came from identical files @default false */
  readonly rebuild?: boolean;
  /** only these dataset ids @default all of SHIPPED_DATASETS */
  readonly ids?: readonly string[];
  /** directory holding the shipped files @default `<repo>/data/shipped` */
  readonly shippedDir?: string;
}

export interface BuildStoreReport {
  readonly imported: readonly string[];
  /** already stored from files with the same sha256 */
  readonly skipped: readonly string[];
  /** datasets that failed to read or validate (nothing written for them) */
  readonly failed: readonly { readonly id: string; readonly issues: readonly DataIssue[] }[];
  /** the max-imbalance summary warnings per imported dataset */
  readonly warnings: Readonly<Record<string, readonly DataIssue[]>>;
  /** wall time in milliseconds */
  readonly milliseconds: number;
}

function sameFiles(stored: DatasetMeta | undefined, dataset: ShippedDataset, shippedDir: string): boolean {
  if (stored === undefined) return false;
  const recorded = stored.provenance.files;
  if (recorded.length !== dataset.files.length) return false;
  return dataset.files.every((rel, k) => {
    try {
      return recorded[k]?.sha256 === sha256(new Uint8Array(readFileSync(join(shippedDir, rel))));
    } catch {
      return false;
    }
  });
}

/**
 * Imports the shipped datasets into an open store (每个数据集一个事务).
 * @param store an open store
 * @param options rebuild, ids, shippedDir
 * @returns what was imported, skipped and failed, and the wall time
 */
export async function importShippedDatasets(store: Store, options: BuildStoreOptions = {}): Promise<BuildStoreReport> {
  const t0 = performance.now();
  const shippedDir = options.shippedDir ?? repoPath("data", "shipped");
  const wanted =
    options.ids === undefined ? SHIPPED_DATASETS : SHIPPED_DATASETS.filter((d) => options.ids?.includes(d.id));
  const imported: string[] = [];
  const skipped: string[] = [];
  const failed: { id: string; issues: readonly DataIssue[] }[] = [];
  const warnings: Record<string, readonly DataIssue[]> = {};
  for (const dataset of wanted) {
    if (options.rebuild !== true && sameFiles(await store.getMeta(dataset.id), dataset, shippedDir)) {
      skipped.push(dataset.id);
      continue;
    }
    const read = readShippedDataset(dataset, shippedDir);
    if (!read.ok) {
      failed.push({ id: dataset.id, issues: read.issues });
      continue;
    }
    const done = await store.importIoTable(read.value.meta, read.value.table, { replace: true });
    if (!done.ok) failed.push({ id: dataset.id, issues: done.issues });
    else {
      imported.push(dataset.id);
      warnings[dataset.id] = read.warnings;
    }
  }
  return { imported, skipped, failed, warnings, milliseconds: performance.now() - t0 };
}

/**
 * Builds the store (建库): opens `<dir>/shushi.duckdb`, loads every shipped dataset (read, validate,
 * import; one transaction each) and closes it.
 * @param dir data directory (see `openStore`)
 * @param options `rebuild: true` re-imports everything
 * @returns the {@link BuildStoreReport}
 * @example await buildStore(".shushi", { rebuild: true }) // imports 35 datasets in a few seconds
 */
export async function buildStore(dir?: string, options: BuildStoreOptions = {}): Promise<BuildStoreReport> {
  const store = await openStore(dir);
  try {
    return await importShippedDatasets(store, options);
  } finally {
    await store.close();
  }
}

export interface ImportUserFileOptions {
  /** the file name (its extension picks CSV/XLSX; shown in issues) */
  readonly file: string;
  /** dataset id to store under */
  readonly id: string;
  /** only `io_table` is supported */
  readonly kind: DatasetKind;
  /** unit when the file declares none (overrides a declared unit) */
  readonly unit?: string;
  /** replace an existing dataset with this id @default false */
  readonly replace?: boolean;
  /** XLSX worksheet @default the first sheet */
  readonly sheet?: string;
  readonly titleZh?: string;
  readonly titleEn?: string;
  readonly year?: number;
  readonly validate?: ValidateIoOptions;
}

/**
 * Imports a user's IO table in the generic template (导入用户数据): ingest (CSV/TSV/XLSX) → generic
 * reader → validation → one-transaction import. Any error issue ⇒ nothing is written.
 * Provenance: publisher "user", the file's name, sha256 and size, and the reader's steps.
 *
 * @param store an open store
 * @param bytes the file content
 * @param options file, id, kind, unit, replace, sheet, titles, year, validation
 * @returns the stored meta (with validation warnings), or every issue
 * @example await importUserFile(store, bytes, { file: "t.csv", id: "my-2020", kind: "io_table" })
 */
export async function importUserFile(
  store: Store,
  bytes: Uint8Array,
  options: ImportUserFileOptions,
): Promise<DataResult<DatasetMeta>> {
  if (options.kind !== "io_table") {
    return {
      ok: false,
      issues: [issue("invalid_value", { file: options.file }, { value: options.kind, expected: ["io_table"] })],
    };
  }
  if (options.replace !== true && (await store.getMeta(options.id)) !== undefined) {
    return { ok: false, issues: [issue("dataset_exists", { file: options.file }, { id: options.id })] };
  }
  const raw = await readTabularFile(bytes, {
    file: options.file,
    requiredColumns: ["code", "name", "output"],
    ...(options.sheet === undefined ? {} : { sheet: options.sheet }),
  });
  if (!raw.ok) return raw;
  const read = readGenericTable(raw.value, {
    id: options.id,
    ...(options.unit === undefined ? {} : { unit: options.unit }),
    ...(options.titleZh === undefined ? {} : { titleZh: options.titleZh }),
    ...(options.titleEn === undefined ? {} : { titleEn: options.titleEn }),
    ...(options.year === undefined ? {} : { year: options.year }),
    ...(options.validate === undefined ? {} : { validate: options.validate }),
    provenance: {
      publisher: "user",
      originalSource: options.file,
      licence: "user-supplied",
      files: [{ path: options.file, sha256: sha256(bytes), bytes: bytes.length }],
      transformations: [],
      caveats: [],
    },
  });
  if (!read.ok) return read;
  const done = await store.importIoTable(read.value.meta, read.value.table, { replace: options.replace === true });
  if (!done.ok) return done;
  return { ok: true, value: done.value, warnings: read.warnings };
}
