/**
 * Public API of the IO-table readers (投入产出表读取): NBS, OECD, WIOD and the generic template,
 * validation and the canonical 42-sector crosswalk.
 */
export type {
  IoReaderMetaOptions,
  IoTableLocator,
  IoTableReadResult,
} from "./common.js";
export {
  aggregateSectors,
  type CanonicalDataset,
  type CanonicalTable,
  canonicalDataset,
  DETAILED_CONCORDANCE_SOURCE,
  detailedToCanonical42Table,
  detectNbs42Vintage,
  MERGED_S22_S23,
  type Nbs42Vintage,
  type SectorGroup,
  toCanonical42,
} from "./crosswalk.js";
export {
  type DeclaredUnit,
  findDeclaredUnit,
  type ReadGenericOptions,
  readGenericTable,
  resolveDeclaredUnit,
} from "./generic.js";
export {
  NBS_TOTAL_COLUMNS,
  nbsClassification,
  nbsFinalDemandColumns,
  type ReadNbsOptions,
  readNbsTable,
} from "./nbs.js";
export { OECD_FINAL_DEMAND_COLUMNS, OECD_INPUT_ROWS, type ReadOecdOptions, readOecdIot } from "./oecd.js";
export { type SplitMergedSectorOptions, splitMergedSector } from "./split.js";
export {
  type BalanceSummary,
  balanceSummary,
  columnImbalances,
  DEFAULT_BALANCE_TOLERANCE,
  recordedValidationOptions,
  rowImbalances,
  VALIDATION_STEP,
  type ValidateIoOptions,
  validateIoTable,
  validationStep,
  WIOD_BALANCE_TOLERANCE,
} from "./validate.js";
export { type ReadWiodOptions, readWiod, type WiodRawTables } from "./wiod.js";
