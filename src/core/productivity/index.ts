/**
 * The productivity family of the pure core (生产率方法族), spec §4.1, §4.4, §8.1–8.2, §9.4–9.6: labour
 * productivity, digital capital (PIM, deepening), growth accounting / TFP and volatility.
 */

export {
  type CapitalDeepeningOptions,
  type CapitalDeepeningResult,
  capitalDeepening,
  type DeepeningAveraging,
  type DeepeningMethod,
  type PerpetualInventoryOptions,
  type PerpetualInventoryResult,
  type PimAsset,
  type PimAssetResult,
  type PimInitial,
  perpetualInventory,
} from "./capital.js";
export {
  type ChainConstantPricesOptions,
  type ChainConstantPricesResult,
  type ChainedYear,
  chainConstantPrices,
} from "./chain.js";
export {
  type ProductivityDiagnostic,
  type ProductivityDiagnosticCode,
  type ProductivityReason,
  productivityDiagnostic,
  type YearSeries,
  type YearValue,
} from "./codes.js";
export {
  type EmploymentDenominator,
  type LabourProductivityOptions,
  type LabourProductivityResult,
  type LabourProductivityRow,
  labourProductivity,
} from "./labour.js";
export {
  type DigitalTfpContributionOptions,
  type DigitalTfpContributionResult,
  type DigitalTfpSector,
  digitalTfpContribution,
  type GroupTfpLevelsOptions,
  type GroupTfpLevelsResult,
  type GrowthAccountingMethod,
  type GrowthAccountingOptions,
  type GrowthAccountingPeriod,
  type GrowthAccountingResult,
  type GrowthContributions,
  groupTfpLevels,
  growthAccounting,
  OUTPUT_GROWTH_THRESHOLD,
  type SolowResidualOptions,
  solowResidual,
  type TfpGroup,
  type TfpNormalisation,
} from "./tfp.js";
export { type VolatilityOptions, type VolatilityResult, volatility } from "./volatility.js";
