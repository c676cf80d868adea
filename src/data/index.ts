/**
 * The data layer's public API (数据层): dataset model, provenance, issues, readers, the store and the
 * shipped catalogue. `src/app` and `src/i18n` import the data layer only through this list
 * (test/architecture.test.ts).
 */
export { SHIPPED_DATASETS, shippedDataset } from "./catalog.js";
export type { CaveatCode, CaveatParams, DatasetCaveat } from "./caveats.js";
export {
  CANONICAL_42,
  type CanonicalSector,
  DIGITAL_DEFAULT_2017_CODES,
  DIGITAL_DEFAULT_CANONICAL,
} from "./classification/canonical-42.js";
export { type NbsDetailedSystem, nbsDetailedSystem } from "./classification/nbs-detailed-42.js";
export { OECD_IOT_2021_INDUSTRIES } from "./classification/oecd-iot-2021.js";
export type { ClassificationCode, ConcordanceRow } from "./concordance/read.js";
export type { DatasetKind, DatasetMeta, Unit } from "./dataset.js";
export {
  type DataFrame,
  type FrameColumn,
  frameColumns,
  frameLabels,
  frameNumbers,
  readDataFrame,
} from "./frame/read.js";
export {
  INDICATOR_YEARS,
  type IndicatorColumn,
  type IndicatorRow,
  type IndicatorTable,
  readIndicatorTable,
} from "./indicators/read.js";
export { readTabularFile } from "./ingest/index.js";
export {
  closeParseThread,
  DEFAULT_PARSE_LIMITS,
  type ParseLimits,
  readTabularFileIsolated,
} from "./ingest/isolated.js";
export type { XlsxLimit } from "./ingest/xlsx-limits.js";
export { canonicalDataset, detectNbs42Vintage, MERGED_S22_S23, toCanonical42 } from "./io-tables/crosswalk.js";
export { readGenericTable } from "./io-tables/generic.js";
export { type ValidateIoOptions, validateIoTable, WIOD_BALANCE_TOLERANCE } from "./io-tables/validate.js";
export {
  type DataIssue,
  type DataIssueCode,
  DataIssuesError,
  type DataResult,
  type IssuePath,
  issue,
} from "./issues.js";
export { repoPath, softwareVersion } from "./paths.js";
export {
  loadPublishedDataset,
  type PublishedValue,
  publishedById,
  publishedForRef,
  requirePublished,
  type SeedCitation,
  seedCitation,
} from "./published/index.js";
export {
  REGIONAL_CATALOGUE_FILE,
  REGIONAL_SPEC_FILE,
  type RegionalCatalogue,
  regionalCatalogue,
  regionalSpecText,
} from "./regional.js";
export { type Province, provinces, resolveRegion } from "./regions/provinces.js";
export type { RegistryCountOptions, RegistryCountRow, RegistryRow, RegistryRowsOptions } from "./registry/registry.js";
export { FREQUENCIES, type Frequency } from "./series/periods.js";
export { SERIES_LAYOUTS, type SeriesLayout } from "./series/read.js";
export { IMPORT_KINDS, type ImportKind, type ImportUserFileOptions, readShippedDataset } from "./store/build.js";
export {
  type AuditEntry,
  buildStore,
  type CorpusDocumentMeta,
  DatasetProtectedError,
  importUserFile,
  type LoadedSeries,
  openStore,
  ROLES,
  type Role,
  type SeriesFilter,
  STORE_FILE,
  type UserRecord,
} from "./store/duckdb.js";
