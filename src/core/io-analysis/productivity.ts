/**
 * Productivity (Hawkins–Simon) check for a coefficient matrix before inversion — module-private.
 * The spectral radius comes from `core/linalg/spectral.ts` (certified Collatz–Wielandt bounds).
 */
import { CoreError } from "../errors.js";
import type { Matrix } from "../linalg/matrix.js";
import { type SpectralRadiusResult, spectralRadiusNonnegative } from "../linalg/spectral.js";

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
