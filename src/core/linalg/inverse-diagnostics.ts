/**
 * Diagnostics of a computed inverse or solve (逆矩阵诊断): the 1-norm condition number and the residual
 * of the defining identity, reported as `condition_estimate` / `ill_conditioned` / `inverse_residual`
 * diagnostics (STYLE §2.7: "report a condition estimate as a diagnostic"). One implementation for every
 * method that inverts — the Leontief and Ghosh inverses, the linkage solves, `inverseWithDiagnostics`.
 *
 * @see Higham, N. J. (2002), Accuracy and Stability of Numerical Algorithms, 2nd ed., §14.1 (residual
 *   bounds for computed inverses: ‖M·X − I‖ ≤ c·n·ε·κ(M) for LU with partial pivoting) and §15 (condition
 *   estimation); Golub & Van Loan (2013), §3.5.
 */
import { type Diagnostic, diagnostic } from "../diagnostics.js";
import { CoreError } from "../errors.js";
import { norm1 } from "./condition.js";
import { gemmSubtract } from "./gemm.js";
import type { Matrix } from "./matrix.js";

/** κ₁ above this raises the `ill_conditioned` warning (about 8 of 16 significant digits lost). */
export const ILL_CONDITIONED_THRESHOLD = 1e8;
/** max|M·X − I| above this makes the `inverse_residual` diagnostic a warning (spec §5.3). */
export const INVERSE_RESIDUAL_THRESHOLD = 1e-9;

/** How a condition number was obtained (the `method` param of `condition_estimate`). */
export type ConditionMethod = "exact_from_inverse" | "exact_from_column_sums" | "hager_higham";

export interface InverseDiagnosticsOptions {
  /** κ₁ above which `ill_conditioned` is emitted @default 1e8 */
  readonly illConditionedThreshold?: number;
  /** residual above which `inverse_residual` is a warning @default 1e-9 */
  readonly residualThreshold?: number;
}

export interface InverseDiagnosticsResult {
  /** κ₁(M) = ‖M‖₁·‖X‖₁ (exact 1-norm condition number when X = M⁻¹) */
  readonly conditionEstimate: number;
  /** max_ij |(M·X − I)_ij| */
  readonly residual: number;
  /** `condition_estimate`, `ill_conditioned` (if above the threshold), `inverse_residual` */
  readonly diagnostics: Diagnostic[];
}

/**
 * The `condition_estimate` diagnostic and, above the threshold, `ill_conditioned` (条件数诊断), for a
 * condition number computed elsewhere (e.g. from solved column sums, or Hager–Higham).
 *
 * @param estimate - κ₁ (or an estimate of it)
 * @param method - how it was obtained (echoed in the params)
 * @param threshold - warning threshold (default {@link ILL_CONDITIONED_THRESHOLD}); NaN or ∞ also warn
 * @returns the diagnostics, `condition_estimate` first
 * @example
 * conditionDiagnostics(2.5e9, "hager_higham").map((d) => d.code); // => ["condition_estimate", "ill_conditioned"]
 * @see Higham (2002), §15.
 */
export function conditionDiagnostics(
  estimate: number,
  method: ConditionMethod,
  threshold: number = ILL_CONDITIONED_THRESHOLD,
): Diagnostic[] {
  const out = [diagnostic("condition_estimate", "info", { estimate, norm: 1, method })];
  if (!(estimate <= threshold)) out.push(diagnostic("ill_conditioned", "warning", { estimate, threshold }));
  return out;
}

/**
 * The `inverse_residual` diagnostic (残差诊断): info at or below the threshold, warning above it (or NaN).
 *
 * @param value - the residual (max-abs of M·X − I, or of the solves when method = "solve")
 * @param method - "solve" when the residual is of linear solves rather than of a formed inverse
 * @param threshold - warning threshold (default {@link INVERSE_RESIDUAL_THRESHOLD})
 * @returns the diagnostic
 * @example
 * residualDiagnostic(3e-16).severity; // => "info"
 * @see Higham (2002), §14.1.
 */
export function residualDiagnostic(
  value: number,
  method?: "solve",
  threshold: number = INVERSE_RESIDUAL_THRESHOLD,
): Diagnostic {
  return diagnostic("inverse_residual", value <= threshold ? "info" : "warning", {
    value,
    threshold,
    ...(method === undefined ? {} : { method }),
  });
}

/**
 * Diagnostics of a computed inverse X ≈ M⁻¹ (逆矩阵诊断): κ₁(M) = ‖M‖₁·‖X‖₁ and the residual
 * max|M·X − I|, with their diagnostics. The residual product runs on the blocked GEMM kernel of
 * `gemm.ts` (same cost class as the inversion, 2n³ flops).
 *
 * Modelling choices: κ₁ uses the computed X, so it is exact up to the error of X (no estimator is
 * needed once the inverse is formed); a NaN/∞ condition or residual is reported as a warning rather
 * than thrown (the caller decides whether that is fatal).
 *
 * @param M - n×n matrix (e.g. I − A)
 * @param X - its computed inverse (n×n)
 * @param options - {@link InverseDiagnosticsOptions}
 * @returns `{conditionEstimate, residual, diagnostics}`
 * @throws {CoreError} not_square (M); dimension_mismatch (X not n×n)
 * @example
 * inverseDiagnostics(fromRows([[2, 0], [0, 4]]), fromRows([[0.5, 0], [0, 0.25]])).conditionEstimate; // => 2
 * @see Higham (2002), §14.1 and §15; Golub & Van Loan (2013), §3.5.
 * Complexity O(n³).
 */
export function inverseDiagnostics(
  M: Matrix,
  X: Matrix,
  options: InverseDiagnosticsOptions = {},
): InverseDiagnosticsResult {
  const fn = "inverseDiagnostics";
  const n = M.rows;
  if (M.cols !== n) throw new CoreError("not_square", { function: fn, argument: "M", rows: M.rows, cols: M.cols });
  if (X.rows !== n || X.cols !== n) {
    throw new CoreError("dimension_mismatch", {
      function: fn,
      argument: "X",
      expected: [n, n],
      received: [X.rows, X.cols],
    });
  }
  const conditionEstimate = norm1(M) * norm1(X);
  // R = I − M·X
  const R = new Float64Array(n * n);
  for (let i = 0; i < n; i++) R[i * n + i] = 1;
  gemmSubtract(
    n,
    n,
    n,
    { data: M.data, offset: 0, ld: n },
    { data: X.data, offset: 0, ld: n },
    { data: R, offset: 0, ld: n },
  );
  let residual = 0;
  for (let k = 0; k < R.length; k++) {
    const r = Math.abs(R[k] as number);
    residual = r > residual || Number.isNaN(r) ? r : residual;
  }
  const diagnostics = [
    ...conditionDiagnostics(conditionEstimate, "exact_from_inverse", options.illConditionedThreshold),
    residualDiagnostic(residual, undefined, options.residualThreshold),
  ];
  return { conditionEstimate, residual, diagnostics };
}
