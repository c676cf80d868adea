/**
 * The public API of the pure core (STYLE §2.1 principle 4: one explicit export list per layer).
 * Layers above (`app`) import from here, not from individual files. Module-private helpers
 * (io-analysis/checks.ts, io-analysis/productivity.ts, linalg/gemm.ts) are deliberately absent.
 */

export {
  type ImpliedBases,
  impliedBases,
  type PartsTotalCheck,
  partsTotalCheck,
  type RecoveredDenominator,
  recoverDenominator,
} from "./audit/consistency.js";
export { adjustedRandIndex } from "./cluster/agreement.js";
// hierarchical clustering (tiers of regions and sectors; spec §6.2–6.3)
export {
  type ClusterNumbering,
  copheneticCorrelation,
  copheneticDistances,
  flatClusters,
  leafOrder,
} from "./cluster/dendrogram.js";
export {
  FEATURE_SCALINGS,
  type FeatureScaling,
  type FeatureScalingOptions,
  type ScaledFeatures,
  scaledFeatures,
} from "./cluster/features.js";
export {
  type HierarchicalClusteringOptions,
  type HierarchicalClusteringResult,
  hierarchicalClustering,
} from "./cluster/hierarchical.js";
export {
  AGGLOMERATION_METHODS,
  type AgglomerationAlgorithm,
  type AgglomerationMethod,
  type AgglomerationOptions,
  condensedIndex,
  euclideanDistances,
  type HierarchicalLinkage,
  linkageFromDistances,
  linkageFromFeatures,
  type TieRule,
} from "./cluster/linkage.js";
export { type ClusterTiers, clusterTiers, TIER_CODES, type TierCode } from "./cluster/tiers.js";
export { cutTree, type WardLinkage, wardLinkage, wardTiers } from "./cluster/ward.js";
// composite indices (spec §2, §3, §12)
export {
  arithmeticAggregate,
  baseYearIndex,
  type ChoiceFactor,
  type CompositeDiagnostic,
  type CompositeDiagnosticCode,
  type CompositeReason,
  type CouplingResult,
  cagr,
  cagrOver,
  competitionRanks,
  couplingCoordination,
  criticWeights,
  type Direction,
  type DisparityResult,
  disparity,
  entropyWeights,
  equalWeights,
  firstCrossingYear,
  forceZeroWeights,
  fusionDecomposition,
  geometricAggregate,
  growthMultiple,
  growthRates,
  hpFilter,
  manualWeights,
  meanAbsoluteRankShift,
  meanIndex,
  NORMALISATION_METHODS,
  type NormalisationMethod,
  normalise,
  pcaWeights,
  percentagePointGap,
  type RankSummary,
  rankChanges,
  ratioIndicator,
  type SobolIndex,
  type TechnicalWeaknessResult,
  type TopsisResult,
  technicalWeakness,
  topsis,
  type UncertaintyResult,
  uncertaintyAnalysis,
  WEIGHT_SUM_TOLERANCE,
  type WeaknessEpisode,
  type WeightingMethod,
} from "./composite/index.js";
// cost–benefit ratios and digitalisation elasticities (spec §7)
export * from "./costbenefit/index.js";
export { type Diagnostic, type DiagnosticCode, type DiagnosticSeverity, diagnostic } from "./diagnostics.js";
// econometrics (spec §4): OLS, Granger causality, VAR lag selection, F/χ²/t distributions
export {
  type AdfAutolag,
  type AdfDiagnostic,
  type AdfOptions,
  type AdfRegression,
  type AdfResult,
  adfTest,
  mackinnonCrit,
  mackinnonP,
  normalCdf,
} from "./econometrics/adf.js";
export {
  type ArimaCoefficient,
  type ArimaDiagnostic,
  type ArimaDiagnosticCode,
  type ArimaForecastOptions,
  type ArimaForecastResult,
  type ArimaMethod,
  type ArimaOptions,
  type ArimaResult,
  arima,
  forecastArima,
  normalQuantile,
} from "./econometrics/arima.js";
export {
  type ArmaxCoefficient,
  type ArmaxOptions,
  type ArmaxResult,
  armax,
} from "./econometrics/arima-armax.js";
export {
  type ArimaIc,
  type AutoArimaCandidate,
  type AutoArimaOptions,
  type AutoArimaResult,
  autoArima,
  ndiffsKpss,
} from "./econometrics/arima-auto.js";
export {
  type BayesArxDiagnostic,
  type BayesArxDiagnosticCode,
  type BayesArxForecastOptions,
  type BayesArxForecastResult,
  type BayesArxOptions,
  type BayesArxReason,
  type BayesArxResult,
  type BayesArxState,
  bayesArx,
  bayesArxForecast,
  type ExogenousScenario,
  type NormalInverseGammaPosterior,
  type NormalInverseGammaPrior,
  normalInverseGammaPosterior,
  type PredictiveSummary,
  type ScenarioPathsOptions,
  scenarioPaths,
} from "./econometrics/bayes-arx.js";
export type { EconometricsDiagnosticCode } from "./econometrics/codes.js";
export {
  chiSquaredCdf,
  chiSquaredSurvival,
  fCdf,
  fSurvival,
  logGamma,
  regularizedBeta,
  regularizedGamma,
  studentTTwoSidedPValue,
} from "./econometrics/distributions.js";
export {
  GRANGER_SMALL_SAMPLE_DF,
  type GrangerDiagnostic,
  type GrangerDiagnosticCode,
  type GrangerResult,
  grangerTest,
  type VarLagSelectionResult,
  varLagSelection,
} from "./econometrics/granger.js";
export {
  type GrangerBootstrapOptions,
  type GrangerBootstrapResult,
  grangerBootstrap,
} from "./econometrics/granger-bootstrap.js";
export {
  type KpssCriticalValues,
  type KpssDiagnostic,
  type KpssDiagnosticCode,
  type KpssLagRule,
  type KpssOptions,
  type KpssRegression,
  type KpssResult,
  kpssCriticalValues,
  kpssPValue,
  kpssTest,
} from "./econometrics/kpss.js";
export {
  OLS_COVARIANCE_TYPES,
  OLS_ILL_CONDITIONED,
  OLS_INTERCEPT_NAME,
  type OlsCoefficient,
  type OlsCovarianceType,
  type OlsOptions,
  type OlsResult,
  ols,
} from "./econometrics/ols.js";
export {
  PANEL_COVARIANCE_TYPES,
  PANEL_EFFECTS,
  type PanelCoefficient,
  type PanelCovarianceType,
  type PanelDiagnostic,
  type PanelDiagnosticCode,
  type PanelEffects,
  type PanelOlsOptions,
  type PanelOlsResult,
  panelOls,
} from "./econometrics/panel.js";
export {
  arimaxScenarioFan,
  type GrowthScenarioColumn,
  type ScenarioFanOptions,
  type ScenarioFanResult,
} from "./econometrics/scenario-fan.js";
export {
  VIF_THRESHOLD,
  type VifColumn,
  type VifDiagnostic,
  type VifDiagnosticCode,
  type VifOptions,
  type VifResult,
  vif,
} from "./econometrics/vif.js";
// errors and diagnostics
export { CoreError, type CoreErrorCode, isCoreError } from "./errors.js";
export {
  type InterpolatedCoefficientsResult,
  interpolateCoefficients,
  interpolateLinkageInput,
  type RasOptions,
  type RasResult,
  ras,
} from "./io-analysis/annualise.js";
export {
  type AllocationCoefficientsResult,
  allocationCoefficients,
  type CoefficientOptions,
  type TechnicalCoefficientsResult,
  technicalCoefficients,
  type ZeroOutputPolicy,
} from "./io-analysis/coefficients.js";
// input–output analysis (owner: io-core)
export {
  type DomesticFinalDemandResult,
  type DomesticFinalDemandSource,
  domesticFinalDemand,
} from "./io-analysis/domestic.js";
export { type GhoshInverseOptions, type GhoshInverseResult, ghoshInverse } from "./io-analysis/ghosh.js";
export {
  type AggregateTableResult,
  aggregateTable,
  aggregateTableByMatrix,
  type GroupLinkageOptions,
  type GroupLinkageResult,
  type GroupMethod,
  type GroupWeights,
  groupLinkages,
  type SectorMapping,
} from "./io-analysis/group.js";
export {
  type DigitalIntensityOptions,
  type DigitalIntensityResult,
  digitalIntensities,
  type SectorDigitalIntensity,
} from "./io-analysis/intensity.js";
export type { InputRow, IoTable, SectorLabel, SectorVector } from "./io-analysis/io-table.js";
export {
  ILL_CONDITIONED_THRESHOLD,
  INVERSE_RESIDUAL_THRESHOLD,
  type InverseBackend,
  type LeontiefInverseOptions,
  type LeontiefInverseResult,
  leontiefInverse,
  type TotalConsumptionCoefficientsResult,
  totalConsumptionCoefficients,
} from "./io-analysis/leontief.js";
export {
  type CoefficientLinkageInput,
  type FlowBasis,
  finalDemandTotal,
  type LinkageAlpha,
  type LinkageInput,
  type LinkageMethod,
  type LinkageOptions,
  type LinkageResult,
  type LinkageVariant,
  linkages,
} from "./io-analysis/linkages.js";
export { type OutputMultipliersResult, outputMultipliers } from "./io-analysis/multipliers.js";
export { aggregateRows, aggregateSquare, aggregateVector, aggregationMatrix } from "./linalg/aggregation.js";
export { type LinalgBackend, typescriptBackend } from "./linalg/backend.js";
export { type CholeskyOptions, type CholeskyResult, choleskyDecompose, choleskySolve } from "./linalg/cholesky.js";
export { conditionEstimate1, inverseNorm1Estimate, norm1 } from "./linalg/condition.js";
export {
  type InverseOptions,
  type InverseWithDiagnosticsResult,
  inverse,
  inverseWithDiagnostics,
} from "./linalg/inverse.js";
export {
  type ConditionMethod,
  conditionDiagnostics,
  type InverseDiagnosticsOptions,
  type InverseDiagnosticsResult,
  inverseDiagnostics,
  residualDiagnostic,
} from "./linalg/inverse-diagnostics.js";
export {
  DEFAULT_SINGULAR_TOLERANCE,
  type LuOptions,
  type LuResult,
  luDecompose,
  luInverse,
  luSolve,
  luSolveTransposed,
} from "./linalg/lu.js";
// linear algebra (owner: linalg)
export {
  assertFinite,
  clone,
  columnSums,
  fromRows,
  get,
  identity,
  type Matrix,
  matrix,
  multiply,
  multiplyVector,
  rowSums,
  toRows,
  transpose,
} from "./linalg/matrix.js";
export {
  leastSquares,
  type QrOptions,
  type QrResult,
  type QrSolveResult,
  qrDecompose,
  qrQ,
  qrR,
  qrSolve,
} from "./linalg/qr.js";
export {
  isProductiveBySolve,
  type ProductivityResult,
  type SpectralRadiusOptions,
  type SpectralRadiusResult,
  spectralRadiusNonnegative,
} from "./linalg/spectral.js";
// productivity (spec §4.1, §4.4, §8.1–8.2, §9.4–9.6): labour productivity, PIM, growth accounting, volatility
export * from "./productivity/index.js";
// seeded random numbers (Monte-Carlo, bootstrap)
export {
  type RandomGenerator,
  type RandomSeed,
  type RandomState,
  randomGenerator,
  randomGeneratorFromState,
  splitMix64,
} from "./random/xoshiro.js";
// statistics helpers
export { averageRanks, spearmanCorrelation } from "./stats/rank-correlation.js";
export {
  neumaierAdd,
  neumaierDot,
  neumaierDotStrided,
  neumaierFinish,
  neumaierSum,
  neumaierSumStrided,
} from "./stats/summation.js";
// tier structure: value-added shares and growth contributions by tier (spec §6.4)
export * from "./tiers/index.js";
// time utilities
export {
  type AnnualRow,
  type AnnualSeriesOptions,
  type AnnualSeriesResult,
  type AnnualSource,
  type AnnualTable,
  annualSeries,
} from "./time/annual-series.js";
