/**
 * Productivity (Hawkins–Simon) check for a coefficient matrix before inversion — module-private.
 * The spectral radius comes from `core/linalg/spectral.ts` (certified Collatz–Wielandt bounds).
 */
import { type Diagnostic, diagnostic } from "../diagnostics.js";
import { CoreError } from "../errors.js";
import type { Matrix } from "../linalg/matrix.js";
import { type SpectralRadiusResult, spectralRadiusNonnegative } from "../linalg/spectral.js";
import { neumaierSumStrided } from "../stats/summation.js";

/**
 * Throws `not_productive` when A has a negative coefficient (params reason "negative_coefficient") or
 * when the certified lower bound of ρ(A) is ≥ 1 (reason "spectral_radius_ge_one"); otherwise returns the
 * spectral-radius result. An inconclusive bracket (lower < 1 ≤ upper, e.g. a reducible A whose lower
 * bound does not close) is returned for the caller to settle from the sign of the inverse or of the
 * solved sums (M-matrix theorem: for A ≥ 0, ρ(A) < 1 ⇔ (I − A)⁻¹ ≥ 0 ⇔ ∃ c > 0 with (I − A)ᵀc = 1).
 */
export function checkProductive(A: Matrix, fn: string, argument = "A"): SpectralRadiusResult {
  const n = A.rows;
  for (let k = 0; k < A.data.length; k++) {
    const v = A.data[k] as number;
    if (v < 0) {
      throw new CoreError("not_productive", {
        function: fn,
        argument,
        reason: "negative_coefficient",
        row: Math.floor(k / n),
        col: k % n,
        value: v,
      });
    }
  }
  const b = spectralRadiusNonnegative(A);
  if (b.lower >= 1) {
    throw new CoreError("not_productive", {
      function: fn,
      argument,
      reason: "spectral_radius_ge_one",
      spectralRadius: b.value,
      lower: b.lower,
      upper: b.upper,
    });
  }
  return b;
}

/** Params of the `spectral_radius` diagnostic. */
export function spectralParams(b: SpectralRadiusResult): Record<string, unknown> {
  return {
    value: b.value,
    lower: b.lower,
    upper: b.upper,
    iterations: b.iterations,
    converged: b.converged,
    method: "collatz_wielandt_power_iteration",
  };
}

/**
 * The productivity pre-check shared by every method that inverts or solves with I − M: throws via
 * {@link checkProductive}, and returns the spectral-radius result with the `spectral_radius` diagnostic
 * and one `column_sum_ge_one` warning per column of M summing to ≥ 1 (allowed when ρ < 1, but unusual).
 * Column sums are Neumaier-compensated.
 */
export function productivityCheck(
  M: Matrix,
  fn: string,
  argument = "A",
): { readonly spectral: SpectralRadiusResult; readonly diagnostics: Diagnostic[] } {
  const spectral = checkProductive(M, fn, argument);
  const diagnostics: Diagnostic[] = [diagnostic("spectral_radius", "info", spectralParams(spectral))];
  const n = M.rows;
  for (let j = 0; j < n; j++) {
    const s = neumaierSumStrided(M.data, j, n, n);
    if (s >= 1) diagnostics.push(diagnostic("column_sum_ge_one", "warning", { sector: j, columnSum: s }));
  }
  return { spectral, diagnostics };
}

/**
 * The productivity post-check on a computed (I − M)⁻¹: for M ≥ 0, (I − M)⁻¹ ≥ 0 holds iff ρ(M) < 1
 * (M-matrix theory), so an entry below −1e-9·max(1, max|inv|) proves ρ ≥ 1 and throws `not_productive`
 * (reason "inverse_not_nonnegative"; params row, col, value, spectralRadius). Settles the inconclusive
 * Collatz–Wielandt bracket of {@link checkProductive}.
 */
export function checkInverseNonnegative(
  inv: Matrix,
  fn: string,
  argument: string,
  spectralRadius: number | null,
): void {
  const n = inv.cols;
  let maxAbs = 1;
  for (let k = 0; k < inv.data.length; k++) maxAbs = Math.max(maxAbs, Math.abs(inv.data[k] as number));
  for (let k = 0; k < inv.data.length; k++) {
    const v = inv.data[k] as number;
    if (!(v >= -1e-9 * maxAbs)) {
      throw new CoreError("not_productive", {
        function: fn,
        argument,
        reason: "inverse_not_nonnegative",
        row: Math.floor(k / n),
        col: k % n,
        value: v,
        spectralRadius,
      });
    }
  }
}
