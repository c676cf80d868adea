/**
 * The composite-index family of the pure core (综合指数方法族), spec §2, §3 and §12: normalisation,
 * weights, aggregation, coupling coordination, disparity, ranks, cycle analysis, the integration-index
 * arithmetic and the uncertainty/sensitivity analysis. Module-private helpers (checks.ts,
 * symmetric-eigen.ts) are deliberately absent.
 */
export {
  type AggregateOptions,
  type AggregationMethod,
  arithmeticAggregate,
  type GeometricAggregateOptions,
  geometricAggregate,
  type TopsisOptions,
  type TopsisResult,
  topsis,
} from "./aggregate.js";
export type { Direction } from "./checks.js";
export {
  type CompositeDiagnostic,
  type CompositeDiagnosticCode,
  type CompositeReason,
  compositeDiagnostic,
} from "./codes.js";
export { type CouplingOptions, type CouplingResult, couplingCoordination } from "./coupling.js";
export {
  growthRates,
  type HpFilterResult,
  hpFilter,
  type TechnicalWeaknessResult,
  technicalWeakness,
  type WeaknessEpisode,
} from "./cycle.js";
export { type DisparityResult, disparity } from "./disparity.js";
export {
  baseYearIndex,
  cagr,
  cagrOver,
  type FusionDecompositionOptions,
  type FusionDecompositionResult,
  firstCrossingYear,
  fusionDecomposition,
  growthMultiple,
  meanIndex,
  percentagePointGap,
} from "./fusion.js";
export { ratioIndicator } from "./indicators.js";
export {
  NORMALISATION_METHODS,
  type NormalisationMethod,
  type NormaliseOptions,
  type NormaliseResult,
  normalise,
} from "./normalise.js";
export { competitionRanks, competitionRanksInto, type RankOptions, rankChanges } from "./rank.js";
export {
  type ChoiceFactor,
  meanAbsoluteRankShift,
  type RankSummary,
  type ScoreEvaluator,
  type SobolIndex,
  type UncertaintyOptions,
  type UncertaintyResult,
  uncertaintyAnalysis,
} from "./uncertainty.js";
export {
  type CriticWeightOptions,
  type CriticWeightResult,
  criticWeights,
  type EntropyWeightOptions,
  type EntropyWeightResult,
  entropyWeights,
  equalWeights,
  forceZeroWeights,
  manualWeights,
  type PcaWeightOptions,
  type PcaWeightResult,
  pcaWeights,
  WEIGHT_SUM_TOLERANCE,
  type WeightingMethod,
} from "./weights.js";
