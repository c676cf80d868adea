/**
 * The tier-structure family of the pure core (层级结构方法族), spec methods.md §6.4: value-added
 * shares and growth contributions by tier, and the consistency check of printed shares.
 */

export type { TiersDiagnostic, TiersDiagnosticCode } from "./codes.js";
export {
  type SumCheckResult,
  sumCheck,
  type TierContribution,
  type TierStructureInput,
  type TierStructureOptions,
  type TierStructureResult,
  type TierYear,
  tierStructure,
} from "./structure.js";
