/**
 * Codes of the tier-structure family (层级结构方法族): value-added shares and growth contributions
 * by tier and the printed-sum consistency check (spec methods.md §6.4, §0.4). Contract violations
 * reuse the closed {@link CoreErrorCode} union; diagnostics carry their own closed union, joined to
 * `DiagnosticCode` in src/core/diagnostics.ts (messages: src/i18n/families/tiers.ts).
 */
import type { DiagnosticSeverity } from "../diagnostics.js";

/** Every diagnostic code the tier-structure family emits. */
export type TiersDiagnosticCode =
  /** Σ_j VA_{j,t} ≤ 0: the shares of that year are null (params: year, total) */
  | "share_total_not_positive"
  /** VA_t − VA_{t−1} = 0: the growth contributions of that year are null (params: year, totalChange) */
  | "total_change_zero"
  /**
   * VA_t − VA_{t−1} < 0: the contributions are computed, but a tier that grew has a negative
   * contribution (signs invert) (params: year, totalChange)
   */
  | "negative_total_change"
  /**
   * printed shares or contributions do not add up to the expected total within the tolerance
   * (params: sum, expected, difference, tolerance, count, label?)
   */
  | "sum_mismatch";

/** A diagnostic of the tier-structure family (same shape as the core `Diagnostic`). */
export interface TiersDiagnostic {
  readonly code: TiersDiagnosticCode;
  readonly severity: DiagnosticSeverity;
  readonly params: Readonly<Record<string, unknown>>;
}
