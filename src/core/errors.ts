/**
 * Contract violations raised by the pure core (STYLE §2.6). Each carries a stable snake_case `code`
 * from a closed union and structured `params`; user-facing text is produced only at the edges
 * (`src/i18n`). Data problems in user files are not CoreErrors: they are `DataIssue`s (src/data).
 */

/** Every code the core can throw. Add new codes here and to both message catalogs in src/i18n. */
export type CoreErrorCode =
  /** an argument has the wrong shape (matrix/vector lengths disagree) */
  | "dimension_mismatch"
  /** an argument is outside its domain (negative size, unknown enum value, empty list) */
  | "invalid_argument"
  /** NaN or ±Infinity in an input */
  | "non_finite"
  /** a matrix that must be square is not */
  | "not_square"
  /** LU found a pivot below the singularity threshold */
  | "singular_matrix"
  /**
   * A (or H) is not a productive coefficient matrix (Hawkins–Simon): params.reason is
   * "negative_coefficient" (row, col, value), "spectral_radius_ge_one" (certified lower bound ≥ 1),
   * "inverse_not_nonnegative" or "column_sums_not_positive" (the inverse / solved sums prove ρ ≥ 1).
   * A column sum ≥ 1 alone is only the `column_sum_ge_one` diagnostic.
   */
  | "not_productive"
  /** an intermediate flow is negative */
  | "negative_flow"
  /** a sector has zero output and the chosen policy is "error" */
  | "zero_output"
  /** a sector code given by the caller is not in the table */
  | "unknown_sector"
  /** a sector group is empty or covers every sector */
  | "invalid_group"
  /** RAS did not meet its tolerance within the iteration limit */
  | "ras_not_converged"
  /** RAS targets cannot be met (positive target on an all-zero row or column) */
  | "ras_infeasible"
  /** fewer observations / table years than the method needs */
  | "too_few_observations"
  /**
   * Cholesky found a pivot d_j = a_jj − Σ_k l_jk² ≤ 0 (or NaN): the symmetric matrix is not
   * positive definite (params: function, argument, index = j, pivot = d_j)
   */
  | "not_positive_definite";

/** An error thrown by a pure-core function when its contract is violated. */
export class CoreError extends Error {
  readonly code: CoreErrorCode;
  readonly params: Readonly<Record<string, unknown>>;

  constructor(code: CoreErrorCode, params: Record<string, unknown> = {}, options?: { cause?: unknown }) {
    super(`${code}: ${JSON.stringify(params)}`, options);
    this.name = "CoreError";
    this.code = code;
    this.params = params;
  }
}

/** True for a CoreError (also across realms, by shape). */
export function isCoreError(e: unknown): e is CoreError {
  return (
    e instanceof CoreError || (typeof e === "object" && e !== null && (e as { name?: unknown }).name === "CoreError")
  );
}
