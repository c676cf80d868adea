/**
 * Where use-cases read datasets from. The DuckDB store satisfies it (see `storeSource`); tests pass an
 * in-memory fake.
 */

import type { IoTable } from "../core/index.js";
import { CoreError } from "../core/index.js";
import type {
  ClassificationCode,
  ConcordanceRow,
  CorpusDocumentMeta,
  DatasetKind,
  DatasetMeta,
  LoadedSeries,
  RegistryCountOptions,
  RegistryCountRow,
  RegistryRow,
  RegistryRowsOptions,
  SeriesFilter,
} from "../data/index.js";
import { DatasetNotFoundError } from "./errors.js";

export type { CorpusDocumentMeta, LoadedSeries, SeriesFilter } from "../data/index.js";

/** A loaded IO table with its metadata. */
export interface LoadedIoTable {
  readonly meta: DatasetMeta;
  readonly table: IoTable;
}

/** Read access to stored datasets. Methods may be sync or async. */
export interface DatasetSource {
  listDatasets(): Promise<readonly DatasetMeta[]> | readonly DatasetMeta[];
  /** the metadata, or undefined when no dataset has that id */
  getMeta(id: string): Promise<DatasetMeta | undefined> | DatasetMeta | undefined;
  /** the IO table of an io_table dataset */
  loadIoTable(id: string): Promise<LoadedIoTable> | LoadedIoTable;
  /** time_series / panel observations (optionally filtered); optional for sources without series */
  loadSeries?(id: string, filter?: SeriesFilter): Promise<LoadedSeries>;
  loadClassification?(id: string): Promise<{ meta: DatasetMeta; codes: ClassificationCode[] }>;
  loadConcordance?(id: string): Promise<{ meta: DatasetMeta; rows: ConcordanceRow[] }>;
  /** registry: grouped counts in SQL (never the whole registry) */
  registryCounts?(id: string, options: RegistryCountOptions): Promise<RegistryCountRow[]>;
  registryRows?(id: string, options?: RegistryRowsOptions): Promise<RegistryRow[]>;
  loadCorpus?(id: string): Promise<{ meta: DatasetMeta; documents: CorpusDocumentMeta[] }>;
  getDocumentText?(id: string, docId: string): Promise<string | undefined>;
}

/**
 * The metadata of a dataset of one of `kinds`, or DatasetNotFoundError / CoreError `invalid_argument`
 * (reason `wrong_kind`) — the kind-keyed counterpart of {@link requireIoTable}.
 */
export async function requireKind(
  source: DatasetSource,
  id: string,
  kinds: readonly DatasetKind[],
  option = "dataset",
): Promise<DatasetMeta> {
  const meta = await requireMeta(source, id);
  if (!kinds.includes(meta.kind))
    throw new CoreError("invalid_argument", {
      option,
      received: id,
      expected: kinds.join("|"),
      reason: "wrong_kind",
      kind: meta.kind,
    });
  return meta;
}

/** Loads a time series or panel by id (DatasetNotFoundError, or CoreError for another kind). */
export async function requireSeries(source: DatasetSource, id: string, filter?: SeriesFilter): Promise<LoadedSeries> {
  await requireKind(source, id, ["time_series", "panel"]);
  if (source.loadSeries === undefined) throw new DatasetNotFoundError(id);
  return source.loadSeries(id, filter);
}

/** The metadata of a dataset, or DatasetNotFoundError. */
export async function requireMeta(source: DatasetSource, id: string): Promise<DatasetMeta> {
  let meta: DatasetMeta | undefined;
  try {
    meta = await source.getMeta(id);
  } catch (e) {
    if (isNotFoundLike(e)) throw new DatasetNotFoundError(id);
    throw e;
  }
  if (meta === undefined || meta === null) throw new DatasetNotFoundError(id);
  return meta;
}

/** Loads an IO table by id: DatasetNotFoundError for an unknown id, CoreError for another kind. */
export async function requireIoTable(source: DatasetSource, id: string): Promise<LoadedIoTable> {
  const meta = await requireMeta(source, id);
  if (meta.kind !== "io_table") {
    throw new CoreError("invalid_argument", {
      option: "table",
      received: id,
      expected: "io_table",
      reason: "not_io_table",
      kind: meta.kind,
    });
  }
  try {
    return await source.loadIoTable(id);
  } catch (e) {
    if (isNotFoundLike(e)) throw new DatasetNotFoundError(id);
    throw e;
  }
}

function isNotFoundLike(e: unknown): boolean {
  if (typeof e !== "object" || e === null) return false;
  const o = e as { code?: unknown; name?: unknown; issues?: readonly { code?: unknown }[] };
  if (o.code === "unknown_dataset" || o.name === "DatasetNotFoundError") return true;
  return Array.isArray(o.issues) && o.issues.length > 0 && o.issues.every((i) => i.code === "unknown_dataset");
}
