/**
 * Filling the store (建库与导入): the shipped datasets from `data/shipped/`, and user files in the
 * generic IO template. Both paths parse and validate in TypeScript (one set of rules for every table)
 * and write through `Store.importIoTable` (one transaction per dataset).
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { SHIPPED_DATASETS, SHIPPED_SERIES, type ShippedDataset, shippedProvenance } from "../catalog.js";
import { readClassification, readConcordance } from "../concordance/read.js";
import { readCorpus } from "../corpus/read.js";
import type { DatasetKind, DatasetMeta, Unit } from "../dataset.js";
import { resolveUnit as resolveUnitText } from "../dataset.js";
import { readCsv } from "../ingest/csv.js";
import { CsvStreamError, streamCsvRecords } from "../ingest/csv-stream.js";
import { type ParseLimits, readTabularFileIsolated } from "../ingest/isolated.js";
import type { RawTable } from "../ingest/raw-table.js";
import type { IoTableReadResult } from "../io-tables/common.js";
import { readGenericTable } from "../io-tables/generic.js";
import { readNbsTable } from "../io-tables/nbs.js";
import { readOecdIot } from "../io-tables/oecd.js";
import type { ValidateIoOptions } from "../io-tables/validate.js";
import { readWiod } from "../io-tables/wiod.js";
import { type DataIssue, type DataResult, issue } from "../issues.js";
import { repoPath } from "../paths.js";
import type { Provenance, SourceFile } from "../provenance.js";
import type { ImportProgress } from "../registry/registry.js";
import type { Frequency } from "../series/periods.js";
import { type SeriesLayout, type SeriesReadOptions, type SeriesSummary, seriesInterpreter } from "../series/read.js";
import { DatasetProtectedError, type ImportOptions, openStore, type Store } from "./duckdb.js";

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
      issues.push(
        issue("file_unreadable", { file: `data/shipped/${rel}` }, { reason: "read_failed", detail: String(error) }),
      );
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
  const series = options.ids === undefined ? SHIPPED_SERIES : SHIPPED_SERIES.filter((d) => options.ids?.includes(d.id));
  for (const s of series) {
    const path = join(shippedDir, s.file);
    const stored = await store.getMeta(s.id);
    let sha: string;
    try {
      sha = sha256(new Uint8Array(readFileSync(path)));
    } catch (error) {
      failed.push({
        id: s.id,
        issues: [
          issue(
            "file_unreadable",
            { file: `data/shipped/${s.file}` },
            { reason: "read_failed", detail: String(error) },
          ),
        ],
      });
      continue;
    }
    // skip only when both the file and the catalogue's description (titles, caveats) are unchanged:
    // a newer version may add a caveat to an unchanged file (e.g. constant_prices_rebased)
    const sameDefinition =
      stored !== undefined &&
      stored.titleZh === s.titleZh &&
      stored.titleEn === s.titleEn &&
      JSON.stringify(stored.provenance.caveats) === JSON.stringify(s.provenance.caveats);
    if (options.rebuild !== true && stored?.provenance.files[0]?.sha256 === sha && sameDefinition) {
      skipped.push(s.id);
      continue;
    }
    const done = await importUserFile(
      store,
      { path },
      {
        file: `data/shipped/${s.file}`,
        id: s.id,
        kind: s.kind,
        replace: true,
        shipped: true,
        actor: BUILD_ACTOR,
        layout: s.layout,
        frequency: s.frequency,
        titleZh: s.titleZh,
        titleEn: s.titleEn,
        region: s.region,
        priceBasis: s.priceBasis,
        ...(s.indicator !== undefined && { indicator: s.indicator }),
        ...(s.unit !== undefined && { unit: s.unit }),
        ...(s.units !== undefined && { units: s.units }),
        provenance: s.provenance,
      },
    );
    if (done.ok) imported.push(s.id);
    else failed.push({ id: s.id, issues: done.issues });
  }
  for (const dataset of wanted) {
    // as for series: skip only when the files and the catalogue's caveats are unchanged (a newer reader
    // may keep more of an unchanged file, e.g. the domestic final use of the non-competitive tables)
    const storedMeta = await store.getMeta(dataset.id);
    if (
      options.rebuild !== true &&
      sameFiles(storedMeta, dataset, shippedDir) &&
      JSON.stringify(storedMeta?.provenance.caveats) === JSON.stringify(dataset.provenance.caveats)
    ) {
      skipped.push(dataset.id);
      continue;
    }
    const read = readShippedDataset(dataset, shippedDir);
    if (!read.ok) {
      failed.push({ id: dataset.id, issues: read.issues });
      continue;
    }
    const done = await store.importIoTable(read.value.meta, read.value.table, {
      replace: true,
      shipped: true,
      actor: BUILD_ACTOR,
    });
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

/** Every kind a user (CLI, API, library) can import. */
export const IMPORT_KINDS = [
  "io_table",
  "time_series",
  "panel",
  "classification",
  "concordance",
  "registry",
  "text_corpus",
] as const satisfies readonly DatasetKind[];
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface ImportUserFileOptions {
  /** the file name (its extension picks CSV/XLSX; shown in issues) */
  readonly file: string;
  /** dataset id to store under */
  readonly id: string;
  /** one of {@link IMPORT_KINDS} */
  readonly kind: DatasetKind;
  /** unit when the file declares none (io_table: overrides a declared unit; series: indicators without one) */
  readonly unit?: string;
  /** replace an existing dataset with this id @default false */
  readonly replace?: boolean;
  /** heap cap and time limit of the thread that reads uploaded XLSX and large CSV files @default DEFAULT_PARSE_LIMITS */
  readonly parseLimits?: ParseLimits;
  /** the shipped catalogue's own import (buildStore): the dataset becomes read-only to users @default false */
  readonly shipped?: boolean;
  /** who imports, for the audit log @default "system" */
  readonly actor?: string;
  /** XLSX worksheet @default the first sheet */
  readonly sheet?: string;
  readonly titleZh?: string;
  readonly titleEn?: string;
  readonly year?: number;
  /** region code of the dataset @default "CN" */
  readonly region?: string;
  readonly priceBasis?: DatasetMeta["priceBasis"];
  /** io_table: validation tolerances */
  readonly validate?: ValidateIoOptions;
  /** time_series/panel: layout @default "auto" */
  readonly layout?: SeriesLayout | "auto";
  /** time_series/panel: frequency @default detected */
  readonly frequency?: Frequency;
  /** panel wide_entities layout: the one indicator */
  readonly indicator?: string;
  /** time_series/panel: per-indicator units */
  readonly units?: Readonly<Record<string, string>>;
  /** panel: resolve entities to GB/T 2260 codes @default true */
  readonly resolveEntities?: boolean;
  /** concordance: id of the stored source classification (unmapped codes are reported) */
  readonly fromClassification?: string;
  /** concordance: id of the stored target classification */
  readonly toClassification?: string;
  /** concordance: |Σ weights − 1| per source code @default 1e-6 */
  readonly tolerance?: number;
  /** concordance: unmapped source codes are warnings, not errors @default false */
  readonly allowUnmapped?: boolean;
  /** streamed imports (series and registry from a path): progress after each chunk */
  readonly onProgress?: (p: ImportProgress) => void;
  /** provenance without files (shipped data); default: publisher "user" */
  readonly provenance?: Omit<Provenance, "files">;
}

/** Actor of the shipped catalogue's writes in the audit log. */
export const BUILD_ACTOR = "system:build";

/** Every id of the shipped catalogue (IO tables and series): reserved, read-only to users. */
export const SHIPPED_IDS: ReadonlySet<string> = new Set([
  ...SHIPPED_DATASETS.map((d) => d.id),
  ...SHIPPED_SERIES.map((d) => d.id),
]);

/** The store's write options of a user file import. */
function writeOptions(options: ImportUserFileOptions): ImportOptions {
  return {
    replace: options.replace === true,
    ...(options.shipped === true && { shipped: true }),
    ...(options.actor !== undefined && { actor: options.actor }),
  };
}

/** The bytes of a file, or its path (streamed for CSV series and registries; needed for corpora). */
export type ImportInput = Uint8Array | { readonly path: string };

function userProvenance(options: ImportUserFileOptions, files: SourceFile[]): Provenance {
  return {
    ...(options.provenance ?? {
      publisher: "user",
      originalSource: options.file,
      licence: "user-supplied",
      transformations: [],
      caveats: [],
    }),
    files,
  };
}

function baseMeta(options: ImportUserFileOptions, files: SourceFile[]) {
  return {
    id: options.id,
    titleZh: options.titleZh ?? options.id,
    titleEn: options.titleEn ?? options.id,
    region: options.region ?? "CN",
    priceBasis: options.priceBasis ?? { kind: "not_applicable" as const },
    provenance: userProvenance(options, files),
  };
}

function bytesOf(input: ImportInput, file: string): DataResult<Uint8Array> {
  if (input instanceof Uint8Array) return { ok: true, value: input, warnings: [] };
  try {
    return { ok: true, value: new Uint8Array(readFileSync(input.path)), warnings: [] };
  } catch (error) {
    return {
      ok: false,
      issues: [issue("file_unreadable", { file }, { reason: "read_failed", detail: String(error) })],
    };
  }
}

async function fileSha(input: ImportInput): Promise<SourceFile["sha256"]> {
  if (input instanceof Uint8Array) return sha256(input);
  const h = createHash("sha256");
  const { createReadStream } = await import("node:fs");
  for await (const chunk of createReadStream(input.path)) h.update(chunk as Buffer);
  return h.digest("hex");
}

/**
 * Imports a user's (or a shipped) file of any kind (导入数据集): ingest → kind reader → checks →
 * one-transaction import. Any error issue ⇒ nothing is written (for registries the Parquet file is
 * renamed into place only after COMMIT).
 *
 * - `io_table`: generic IO template (bytes or path);
 * - `time_series` / `panel`: long or wide CSV/XLSX; a CSV given by path is streamed (bounded memory,
 *   `onProgress`), duplicates checked in SQL;
 * - `classification`, `concordance`: CSV/XLSX code lists and weighted rows (coverage checks);
 * - `registry`: UTF-8 CSV streamed by DuckDB into Parquet (bytes are written to a temporary file first);
 * - `text_corpus`: a manifest CSV given by path, text files beside it.
 *
 * @param store an open store
 * @param input the file's bytes or `{ path }`
 * @param options file, id, kind and the kind's options (see {@link ImportUserFileOptions})
 * @returns the stored meta (with warnings), or every issue
 * @example await importUserFile(store, bytes, { file: "t.csv", id: "my-2020", kind: "io_table" })
 */
export async function importUserFile(
  store: Store,
  input: ImportInput,
  options: ImportUserFileOptions,
): Promise<DataResult<DatasetMeta>> {
  const file = options.file;
  if (!(IMPORT_KINDS as readonly string[]).includes(options.kind)) {
    return { ok: false, issues: [issue("invalid_value", { file }, { value: options.kind, expected: IMPORT_KINDS })] };
  }
  const stored = await store.getDataset(options.id);
  if (options.replace !== true && stored !== undefined) {
    return { ok: false, issues: [issue("dataset_exists", { file }, { id: options.id })] };
  }
  // official data is read-only: no user write to a shipped dataset, nor to an id the catalogue reserves
  if (options.shipped !== true && (stored?.shipped === true || SHIPPED_IDS.has(options.id)))
    throw new DatasetProtectedError(options.id);
  const kind = options.kind as ImportKind;
  switch (kind) {
    case "io_table":
      return importIoFile(store, input, options);
    case "time_series":
    case "panel":
      return importSeriesFile(store, input, options, kind);
    case "classification":
    case "concordance":
      return importCodeFile(store, input, options, kind);
    case "registry":
      return importRegistryFile(store, input, options);
    case "text_corpus":
      return importCorpusFile(store, input, options);
    default: {
      const never: never = kind;
      throw new Error(`importUserFile: unknown kind ${String(never)}`);
    }
  }
}

async function importIoFile(
  store: Store,
  input: ImportInput,
  options: ImportUserFileOptions,
): Promise<DataResult<DatasetMeta>> {
  const got = bytesOf(input, options.file);
  if (!got.ok) return got;
  const bytes = got.value;
  const raw = await readTabularFileIsolated(
    bytes,
    {
      file: options.file,
      requiredColumns: ["code", "name", "output"],
      ...(options.sheet === undefined ? {} : { sheet: options.sheet }),
    },
    options.parseLimits,
  );
  if (!raw.ok) return raw;
  const read = readGenericTable(raw.value, {
    id: options.id,
    ...(options.unit === undefined ? {} : { unit: options.unit }),
    ...(options.titleZh === undefined ? {} : { titleZh: options.titleZh }),
    ...(options.titleEn === undefined ? {} : { titleEn: options.titleEn }),
    ...(options.year === undefined ? {} : { year: options.year }),
    ...(options.validate === undefined ? {} : { validate: options.validate }),
    provenance: userProvenance(options, [{ path: options.file, sha256: sha256(bytes), bytes: bytes.length }]),
  });
  if (!read.ok) return read;
  const done = await store.importIoTable(read.value.meta, read.value.table, writeOptions(options));
  if (!done.ok) return done;
  return { ok: true, value: done.value, warnings: read.warnings };
}

function isXlsxName(file: string): boolean {
  return /\.xls[xm]?$/i.test(file);
}

async function importSeriesFile(
  store: Store,
  input: ImportInput,
  options: ImportUserFileOptions,
  kind: "time_series" | "panel",
): Promise<DataResult<DatasetMeta>> {
  const file = options.file;
  const readOptions: SeriesReadOptions = {
    file,
    kind,
    checkDuplicates: false,
    ...(options.sheet !== undefined && { sheet: options.sheet }),
    ...(options.layout !== undefined && { layout: options.layout }),
    ...(options.frequency !== undefined && { frequency: options.frequency }),
    ...(options.indicator !== undefined && { indicator: options.indicator }),
    ...(options.unit !== undefined && { unit: options.unit }),
    ...(options.units !== undefined && { units: options.units }),
    ...(options.resolveEntities !== undefined && { resolveEntities: options.resolveEntities }),
  };
  const streamed = !(input instanceof Uint8Array) && !isXlsxName(input.path) && !isXlsxName(file);
  let sourceFile: SourceFile;
  let feed: (append: Parameters<Parameters<Store["importSeries"]>[0]["feed"]>[0]) => Promise<DataResult<SeriesSummary>>;
  let sheet: string | undefined = options.sheet;
  if (streamed) {
    const path = (input as { path: string }).path;
    let size: number;
    try {
      size = statSync(path).size;
    } catch (error) {
      return {
        ok: false,
        issues: [issue("file_unreadable", { file }, { reason: "read_failed", detail: String(error) })],
      };
    }
    sourceFile = { path: file, sha256: await fileSha(input), bytes: size };
    feed = async (append) => {
      let interp: ReturnType<typeof seriesInterpreter> | undefined;
      try {
        for await (const rec of streamCsvRecords(path, {
          ...(options.onProgress !== undefined && { onProgress: options.onProgress }),
        })) {
          if (interp === undefined) {
            if (rec.cells.every((c) => c === "")) continue;
            interp = seriesInterpreter(rec.cells, rec.line, readOptions);
            if (!interp.ok) return interp;
            continue;
          }
          if (!interp.ok) return interp;
          for (const o of interp.value.row(rec.cells, rec.line)) append(o);
        }
      } catch (e) {
        if (e instanceof CsvStreamError)
          return {
            ok: false,
            issues: [
              e.reason === "truncated_file"
                ? issue("truncated_file", { file, row: e.line }, { reason: "unterminated_quote" })
                : issue(
                    "encoding_unrecognised",
                    { file, row: e.line },
                    {
                      tried: ["utf-8", "gb18030"],
                      reason: "invalid_bytes",
                      line: e.line,
                      ...(e.offset !== undefined && { offset: e.offset }),
                    },
                  ),
            ],
          };
        throw e;
      }
      if (interp === undefined)
        return { ok: false, issues: [issue("header_not_found", { file }, { expected: ["period"] })] };
      if (!interp.ok) return interp;
      if (interp.value.issues.length > 0) return { ok: false, issues: interp.value.issues };
      return { ok: true, value: interp.value.summary(), warnings: [] };
    };
  } else {
    const got = bytesOf(input, file);
    if (!got.ok) return got;
    sourceFile = { path: file, sha256: sha256(got.value), bytes: got.value.length };
    const raw = await readTabularFileIsolated(
      got.value,
      {
        file,
        ...(options.sheet !== undefined && { sheet: options.sheet }),
      },
      options.parseLimits,
    );
    if (!raw.ok) return raw;
    sheet = raw.value.sheet;
    const table = raw.value;
    feed = async (append) => {
      const interp = seriesInterpreter(table.header, table.headerRow, {
        ...readOptions,
        ...(table.sheet !== undefined && { sheet: table.sheet }),
      });
      if (!interp.ok) return interp;
      table.rows.forEach((cells, i) => {
        for (const o of interp.value.row(cells, table.rowNumbers[i] ?? table.headerRow + i + 1)) append(o);
      });
      if (interp.value.issues.length > 0) return { ok: false, issues: interp.value.issues };
      return { ok: true, value: interp.value.summary(), warnings: [] };
    };
  }
  const unit = options.unit === undefined ? undefined : resolveUnitOrUndefined(options.unit);
  return store.importSeries(
    {
      meta: { ...baseMeta(options, [sourceFile]), kind, ...(unit !== undefined && { unit }) },
      feed,
      file,
      ...(sheet !== undefined && { sheet }),
    },
    writeOptions(options),
  );
}

function resolveUnitOrUndefined(text: string): Unit | undefined {
  return resolveUnitText(text);
}

async function importCodeFile(
  store: Store,
  input: ImportInput,
  options: ImportUserFileOptions,
  kind: "classification" | "concordance",
): Promise<DataResult<DatasetMeta>> {
  const got = bytesOf(input, options.file);
  if (!got.ok) return got;
  const bytes = got.value;
  const raw = await readTabularFileIsolated(
    bytes,
    {
      file: options.file,
      ...(options.sheet !== undefined && { sheet: options.sheet }),
    },
    options.parseLimits,
  );
  if (!raw.ok) return raw;
  const files = [{ path: options.file, sha256: sha256(bytes), bytes: bytes.length }];
  const meta = (
    dimensions: Record<string, number>,
    classification?: { system: string; version: string },
  ): DatasetMeta => ({
    ...baseMeta(options, files),
    kind,
    years: options.year === undefined ? [] : [options.year],
    dimensions,
    unit: "dimensionless",
    ...(classification !== undefined && { classification }),
  });
  if (kind === "classification") {
    const read = readClassification(raw.value);
    if (!read.ok) return read;
    return store.importClassification(meta({ codes: read.value.length }), read.value, writeOptions(options));
  }
  const codesOf = async (id: string | undefined) =>
    id === undefined ? undefined : (await store.loadClassification(id)).codes.map((c) => c.code);
  let sourceCodes: string[] | undefined;
  let targetCodes: string[] | undefined;
  try {
    sourceCodes = await codesOf(options.fromClassification);
    targetCodes = await codesOf(options.toClassification);
  } catch {
    const id = options.fromClassification ?? options.toClassification;
    return { ok: false, issues: [issue("unknown_dataset", { file: options.file }, { id })] };
  }
  const read = readConcordance(raw.value, {
    ...(options.tolerance !== undefined && { tolerance: options.tolerance }),
    ...(sourceCodes !== undefined && { sourceCodes }),
    ...(targetCodes !== undefined && { targetCodes }),
    ...(options.allowUnmapped !== undefined && { allowUnmapped: options.allowUnmapped }),
  });
  if (!read.ok) return read;
  const rows = read.value;
  const done = await store.importConcordance(
    meta({
      rows: rows.length,
      sourceCodes: new Set(rows.map((r) => r.fromCode)).size,
      targetCodes: new Set(rows.map((r) => r.toCode)).size,
    }),
    rows,
    writeOptions(options),
  );
  return done.ok ? { ...done, warnings: read.warnings } : done;
}

async function importRegistryFile(
  store: Store,
  input: ImportInput,
  options: ImportUserFileOptions,
): Promise<DataResult<DatasetMeta>> {
  let path: string;
  let tmp: string | undefined;
  if (input instanceof Uint8Array) {
    tmp = mkdtempSync(join(tmpdir(), "shushi-registry-"));
    path = join(tmp, "upload.csv");
    writeFileSync(path, input);
  } else path = resolve(input.path);
  try {
    const meta: DatasetMeta = {
      ...baseMeta(options, []),
      kind: "registry",
      years: options.year === undefined ? [] : [options.year],
      dimensions: {},
      unit: "enterprises",
    };
    return await store.importRegistry(meta, path, {
      file: options.file,
      ...writeOptions(options),
      ...(options.onProgress !== undefined && { onProgress: options.onProgress }),
    });
  } finally {
    if (tmp !== undefined) rmSync(tmp, { recursive: true, force: true });
  }
}

async function importCorpusFile(
  store: Store,
  input: ImportInput,
  options: ImportUserFileOptions,
): Promise<DataResult<DatasetMeta>> {
  if (input instanceof Uint8Array)
    return {
      ok: false,
      issues: [issue("invalid_value", { file: options.file }, { value: "bytes", expected: "manifest_path" })],
    };
  const got = bytesOf(input, options.file);
  if (!got.ok) return got;
  const raw = await readTabularFileIsolated(
    got.value,
    { file: options.file, requiredColumns: ["id", "file"] },
    options.parseLimits,
  );
  if (!raw.ok) return raw;
  const dir = dirname(resolve(input.path));
  const read = readCorpus(raw.value, {
    readText: (f) => {
      try {
        return new Uint8Array(readFileSync(join(dir, f)));
      } catch {
        return undefined;
      }
    },
  });
  if (!read.ok) return read;
  const docs = read.value;
  const meta: DatasetMeta = {
    ...baseMeta(options, [
      { path: options.file, sha256: sha256(got.value), bytes: got.value.length },
      ...docs.map((d) => ({ path: d.file, sha256: d.textSha256, bytes: Buffer.byteLength(d.text) })),
    ]),
    kind: "text_corpus",
    years: [...new Set(docs.map((d) => Number(d.date.slice(0, 4))))].sort((a, b) => a - b),
    dimensions: { documents: docs.length },
    unit: "count",
  };
  return store.importCorpus(meta, docs, writeOptions(options));
}

/** Base name of a path (for showing a streamed file by its name). */
export function fileLabel(path: string): string {
  return basename(path);
}
