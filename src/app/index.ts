/**
 * The app layer's public API (use-cases): load → validate → compute (core) → result + provenance.
 * Edges (cli, server, report) import from here.
 */

/** Data-layer names the edges need (the edges never import src/data directly). */
export type { DatasetMeta } from "../data/index.js";
export {
  type DataIssue,
  DataIssuesError,
  DEFAULT_PARSE_LIMITS,
  FREQUENCIES,
  type Frequency,
  issue,
  type ParseLimits,
  repoPath,
  SERIES_LAYOUTS,
  type SeriesLayout,
} from "../data/index.js";
export { BACKEND_NAMES, type BackendChoice, resolveBackend } from "./backend.js";
export {
  type BuildIndexResult,
  buildIndex,
  type CompositeDisparity,
  type CompositeScore,
  type FrameworkNode,
  type ImputedCell,
  INDEX_SPEC_MAX_BYTES,
  type IndexLevel,
  type IndexSpec,
  type IndexSpecInput,
  type IndexSpecRef,
  indexSpecSchema,
  type NodeScore,
  type NodeWeight,
  readIndexSpec,
  SPEC_AGGREGATIONS,
  SPEC_IMPUTATIONS,
  SPEC_NORMALISATIONS,
  SPEC_WEIGHTINGS,
  type WinsorisedCell,
} from "./composite-framework.js";
export {
  type CycleYear,
  GOALPOSTS,
  type Goalposts,
  INDEX_WEIGHT_METHODS,
  type IndexCycleOptions,
  type IndexCycleResult,
  type IndexTopsisOptions,
  type IndexTopsisResult,
  type IndexWeightMethod,
  type IndexWeightsOptions,
  type IndexWeightsResult,
  type IndicatorRef,
  type IndicatorWeight,
  indexCycle,
  indexTopsis,
  indexWeights,
  type TopsisScore,
} from "./composite-index.js";
export {
  type EntityRankInterval,
  type FactorSensitivity,
  type IndexUncertaintyOptions,
  type IndexUncertaintyResult,
  indexUncertainty,
  SOBOL_SE_THRESHOLD,
  UNCERTAINTY_FACTORS,
  type UncertaintyFactor,
} from "./composite-uncertainty.js";
export {
  COST_BENEFIT_TABLES,
  type CostBenefitOptions,
  type CostBenefitResult,
  costBenefit,
  FINANCIAL_PANEL_COLUMNS,
} from "./cost-benefit.js";
export {
  type CorpusDocumentMeta,
  type DatasetSource,
  type LoadedIoTable,
  type LoadedSeries,
  requireIoTable,
  requireKind,
  requireMeta,
  requireSeries,
  type SeriesFilter,
} from "./dataset-source.js";
export {
  createDatasetVersions,
  type DatasetVersionSource,
  type DatasetVersions,
} from "./dataset-versions.js";
export {
  type DatasetImporter,
  type DatasetInput,
  type DatasetShowResult,
  type DatasetsImportOptions,
  type DatasetsListResult,
  type DatasetsValidateOptions,
  type DatasetsValidateResult,
  datasetsDelete,
  datasetsImport,
  datasetsList,
  datasetsShow,
  datasetsValidate,
  IMPORT_KINDS,
  type ImportKind,
  type ValidationSummary,
} from "./datasets.js";
export {
  defaultGrangerMaxLags,
  type FrameRef,
  type FrameRefOptions,
  type GrangerDirection,
  LAG_CRITERIA,
  type LagCriterion,
  OLS_VERIFIED_AGAINST,
  SERIES_TRANSFORMS,
  type SeriesTransform,
  type StatsAdfOptions,
  type StatsAdfResult,
  type StatsGrangerOptions,
  type StatsGrangerResult,
  type StatsKpssOptions,
  type StatsKpssResult,
  type StatsOlsOptions,
  type StatsOlsResult,
  type StatsPanelOptions,
  type StatsPanelResult,
  statsAdf,
  statsGranger,
  statsKpss,
  statsOls,
  statsPanel,
} from "./econometrics.js";
export { DatasetNotFoundError, isDatasetNotFound, StoreLockedError } from "./errors.js";
export {
  type ForecastArimaxOptions,
  type ForecastArimaxResult,
  type ForecastBayesOptions,
  type ForecastBayesResult,
  type ForecastStep,
  forecastArimax,
  forecastBayes,
  type GrowthScenario,
} from "./forecast.js";
export { type LoadedFrame, loadFrame, type ReadFrameInputOptions, readFrameInput } from "./frame-input.js";
export {
  FUSION_COMPONENTS,
  type FusionComponent,
  type FusionIndexOptions,
  type FusionIndexResult,
  type FusionYear,
  fusionIndex,
} from "./fusion-index.js";
export { type GroupSpec, parseGroupSpec, type ResolvedGroup, resolveGroup } from "./groups.js";
export {
  type LoadedIndicators,
  loadIndicatorTable,
  type ReadIndicatorInputOptions,
  readIndicatorInput,
} from "./indicator-input.js";
export { type InputTable, type ReadInputTableOptions, readInputTable, sha256Hex } from "./input-file.js";
export {
  type IntensitySectorRow,
  type IoIntensityOptions,
  type IoIntensityResult,
  ioIntensity,
} from "./io-intensity.js";
export {
  GROUP_METHODS,
  type GroupMethod,
  IMPORTS_BASES,
  type IoLinkagesOptions,
  type IoLinkagesResult,
  ioLinkages,
  LINKAGE_VARIANTS,
  type LinkageBlock,
  type LinkageSectorRow,
  type LinkageVariant,
} from "./io-linkages.js";
export { type IoMatrixOptions, type IoMatrixResult, ioMatrix, type MatrixKind } from "./io-matrix.js";
export {
  type IoSeriesOptions,
  type IoSeriesResult,
  ioSeries,
  type PublishedSeriesLoader,
  type PublishedSeriesPoint,
  SERIES_FAMILIES,
  type SeriesFamily,
  type SeriesPoint,
  seriesFamily,
} from "./io-series.js";
export {
  type DigitalCapitalOptions,
  type DigitalCapitalResult,
  digitalCapital,
  GDP_DEFLATOR_SOURCES,
  type GdpDeflatorOptions,
  type GdpDeflatorResult,
  gdpDeflator,
  LABOUR_PRODUCTIVITY_SOURCES,
  type LabourProductivityAppOptions,
  type LabourProductivityAppResult,
  type LabourProductivityYear,
  labourProductivitySeries,
  type TfpGrowthOptions,
  type TfpGrowthResult,
  tfpGrowth,
} from "./productivity.js";
export {
  type DigitalTfpOptions,
  type DigitalTfpResult,
  digitalTfp,
  type GroupTfpOptions,
  type GroupTfpResult,
  groupTfp,
} from "./productivity-groups.js";
export {
  INDEX_SERIES,
  type IndexSeries,
  type NotRun,
  PRODUCTIVITY_INDEX_PUBLISHED,
  PRODUCTIVITY_SERIES,
  type ProductivityIndexOptions,
  type ProductivityIndexResult,
  type ProductivitySeries,
  productivityOnIndex,
} from "./productivity-index.js";
export {
  type Clock,
  type DatasetRef,
  type ResultProvenance,
  resultProvenance,
  software,
  systemClock,
} from "./provenance.js";
export {
  DIGITAL_SECTORS,
  provincialIndicators,
  REGIONAL_COLUMNS,
  type RegionRankOptions,
  type RegionRankResult,
  type RegionScore,
  regionRank,
} from "./regional.js";
export {
  type IoSeedReproduction,
  type ReproductionReason,
  type ReproductionRow,
  reproduceIoSeedFigures,
} from "./reproduction.js";
export { reproduceIndexSeedFigures, reproductionTable } from "./reproduction-index.js";
export {
  assertPlainJson,
  type CachedResult,
  type CacheHit,
  canonicalJson,
  createResultCache,
  type DatasetVersion,
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_ENTRIES,
  etagOf,
  type JsonValue,
  type PersistentResultStore,
  type ResultCache,
  type ResultCacheOptions,
  type ResultCacheStats,
  type ResultKeyParts,
  type ResultMeta,
  ResultNotJsonError,
} from "./result-cache.js";
export type { ImportsBasis, TableRef } from "./table-ref.js";
export {
  STRUCTURE_TABLES,
  type TierStructureAppOptions,
  type TierStructureAppResult,
  tierStructureSeries,
} from "./tier-structure.js";
export {
  AGGLOMERATION_METHODS,
  type ClusterFrameOptions,
  type ClusterFrameResult,
  type ClusteringSummary,
  clusterFrame,
  FEATURE_SCALINGS,
  FEATURE_TRANSFORMS,
  MISSING_RULES,
  SECTOR_FEATURES,
  type SectorTier,
  type SectorTiersOptions,
  type SectorTiersResult,
  sectorTiers,
  TIER_METHODS,
  TIER_SCHEMES,
  type TierMerge,
} from "./tiers.js";
