/**
 * Ghosh (supply-side) inverse G = (I − H)⁻¹ (完全分配系数 + I).
 */

import type { Diagnostic } from "../diagnostics.js";
import type { Matrix } from "../linalg/matrix.js";
import { identityMinusInverse, type LeontiefInverseOptions } from "./leontief.js";

/** Options of {@link ghoshInverse}: the same as the Leontief inverse's. */
export type GhoshInverseOptions = LeontiefInverseOptions;

export interface GhoshInverseResult {
  /** n×n Ghosh inverse G = (I − H)⁻¹ */
  readonly G: Matrix;
  /** κ₁(I − H) = ‖I − H‖₁·‖G‖₁ */
  readonly conditionEstimate: number;
  /** ρ(H) estimate (equals ρ(A): H = x̂⁻¹A x̂ is similar to A); null when checkProductive is false */
  readonly spectralRadius: number | null;
  /** max |((I − H)G − I)_ij| */
  readonly residual: number;
  readonly diagnostics: Diagnostic[];
}

/**
 * Ghosh inverse (供给侧逆矩阵, 完全供给系数) G = (I − H)⁻¹ of the allocation coefficients H: g_ij is the
 * total value of sector j's output made possible per unit of primary input in sector i. Row sums
 * g_i· are the supply-side forward linkages used by the `ghosh_sensitivity` variant (刘起运 2002).
 *
 * Same procedure, checks and diagnostics as {@link leontiefInverse} (productivity via ρ(H) = ρ(A),
 * since H = x̂⁻¹ A x̂ when x > 0). Zero-output rows of H (policy "zero_column") give g_ii = 1.
 *
 * @param H - n×n allocation coefficients (from {@link allocationCoefficients})
 * @param options - {@link GhoshInverseOptions}
 * @returns `{G, conditionEstimate, spectralRadius, residual, diagnostics}`
 * @throws {CoreError} not_square; non_finite; not_productive; singular_matrix; dimension_mismatch
 * @example
 * const { G } = ghoshInverse(fromRows([[0.15, 0.5], [0.1, 0.05]]));
 * toRows(G); // ≈ [[1.254125, 0.660066], [0.132013, 1.122112]]
 * @see Miller & Blair (2009), §12.1, eq. (12.8)–(12.9); Ghosh (1958); Dietzenbacher (1997).
 * Complexity O(n³).
 */
export function ghoshInverse(H: Matrix, options: GhoshInverseOptions = {}): GhoshInverseResult {
  const r = identityMinusInverse(H, options, "ghoshInverse", "H");
  return {
    G: r.L,
    conditionEstimate: r.conditionEstimate,
    spectralRadius: r.spectralRadius,
    residual: r.residual,
    diagnostics: r.diagnostics,
  };
}
