/**
 * The cost–benefit family of the pure core (成本收益方法族), spec methods.md §7: cost–benefit ratios
 * and tier averages, the regression of ratios on digital input and the digitalisation elasticities by
 * cost component.
 */

export type { CostBenefitDiagnostic, CostBenefitDiagnosticCode, CostBenefitReason } from "./codes.js";
export {
  type AnnualElasticity,
  COST_COMPONENTS,
  type CostComponent,
  componentCosts,
  DEFAULT_ELASTICITY_WINDOWS,
  digitalisationElasticities,
  ELASTICITY_METHODS,
  ELASTICITY_MIN_SECTORS,
  ELASTICITY_SCALES,
  type ElasticityMethod,
  type ElasticityObservation,
  type ElasticityOptions,
  type ElasticityResult,
  type ElasticityScale,
  type ElasticityWindowMean,
  type ElasticityWindowMeansResult,
  elasticityWindowMeans,
  type ProductionCostSource,
} from "./elasticity.js";
export {
  type FinancialRow,
  PRIMARY_PRODUCT_SECTORS,
  RAW_MATERIAL_PROCESSING_SECTORS,
  type SectorFinancials,
  type SectorRatioOptions,
  type SectorRatiosResult,
  sectorRatios,
  TIER_AVERAGE_METHODS,
  type TierAverage,
  type TierAverageMethod,
  type TierAverageOptions,
  type TierAveragesResult,
  tierAverages,
} from "./ratios.js";
export {
  DEFAULT_REGRESSION_YEARS,
  RATIO_REGRESSION_FORMS,
  type RatioEffectUnit,
  type RatioObservation,
  type RatioRegressionForm,
  type RatioRegressionOptions,
  type RatioRegressionResult,
  ratioRegression,
  type YearWindow,
} from "./regression.js";
