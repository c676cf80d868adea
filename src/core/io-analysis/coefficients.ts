/**
 * Direct input (technical) coefficients and allocation (output) coefficients of an IO table.
 */
import { type Diagnostic, diagnostic } from "../diagnostics.js";
import { CoreError } from "../errors.js";
import { type Matrix, matrix } from "../linalg/matrix.js";
import { checkEnum, checkSquareFinite, checkVector } from "./checks.js";

/** What to do with a sector whose gross output is zero. */
export type ZeroOutputPolicy = "error" | "zero_column";

export interface CoefficientOptions {
  /**
   * Zero-output policy: `"error"` throws `zero_output`; `"zero_column"` sets the sector's column of A
   * (row of H) to zero, lists it in `zeroOutputSectors` and emits the `zero_output_sectors` diagnostic.
   * @default "error"
   */
  readonly zeroOutput?: ZeroOutputPolicy;
}

export interface TechnicalCoefficientsResult {
  /** n×n direct input coefficients a_ij = z_ij / x_j */
  readonly A: Matrix;
  /** indices j with x_j = 0 (handled by the zero-output policy), ascending */
  readonly zeroOutputSectors: readonly number[];
  readonly diagnostics: Diagnostic[];
}

export interface AllocationCoefficientsResult {
  /** n×n allocation (output) coefficients h_ij = z_ij / x_i */
  readonly H: Matrix;
  /** indices i with x_i = 0 (handled by the zero-output policy), ascending */
  readonly zeroOutputSectors: readonly number[];
  readonly diagnostics: Diagnostic[];
}

const POLICIES: readonly ZeroOutputPolicy[] = ["error", "zero_column"];

function checkFlows(Z: Matrix, x: ArrayLike<number>, fn: string, policy: ZeroOutputPolicy): number[] {
  const n = checkSquareFinite(Z, "Z", fn);
  checkVector(x, n, "x", fn);
  for (let k = 0; k < Z.data.length; k++) {
    const v = Z.data[k] as number;
    if (v < 0) throw new CoreError("negative_flow", { function: fn, row: Math.floor(k / n), col: k % n, value: v });
  }
  const zero: number[] = [];
  for (let j = 0; j < n; j++) {
    const xj = x[j] as number;
    if (xj < 0)
      throw new CoreError("invalid_argument", { function: fn, argument: "x", index: j, value: xj, expected: ">= 0" });
    if (xj === 0) zero.push(j);
  }
  if (zero.length > 0 && policy === "error") {
    throw new CoreError("zero_output", { function: fn, sectors: zero, policy });
  }
  return zero;
}

function zeroDiagnostics(zero: readonly number[], policy: ZeroOutputPolicy): Diagnostic[] {
  return zero.length > 0 ? [diagnostic("zero_output_sectors", "warning", { sectors: [...zero], policy })] : [];
}

/**
 * Direct input coefficients (直接消耗系数) A = Z·diag(x)⁻¹, i.e. a_ij = z_ij / x_j: the input from
 * sector i needed per unit of sector j's gross output.
 *
 * Modelling choices: Z must be nonnegative (negative flows are rejected, not clipped). A sector with
 * x_j = 0 has no defined input structure: with `zeroOutput: "error"` (default) the call throws; with
 * `"zero_column"` column j of A is set to 0 (the sector is then inert in L = (I − A)⁻¹) and the
 * sector is reported in `zeroOutputSectors` and a `zero_output_sectors` diagnostic — downstream
 * averages (linkages) exclude such sectors. Unlike pymrio `calc_A` nothing is silently divided to 0.
 *
 * @param Z - n×n intermediate flows z_ij (row i supplies column j), any money unit
 * @param x - gross output x_j (length n, same unit as Z)
 * @param options - {@link CoefficientOptions}
 * @returns `{A, zeroOutputSectors, diagnostics}`
 * @throws {CoreError} not_square (Z not n×n); dimension_mismatch (x length ≠ n); non_finite;
 *   negative_flow (z_ij < 0); invalid_argument (x_j < 0 or unknown policy); zero_output (x_j = 0 with
 *   policy "error")
 * @example
 * const { A } = technicalCoefficients(fromRows([[150, 500], [200, 100]]), [1000, 2000]);
 * toRows(A); // => [[0.15, 0.25], [0.2, 0.05]]
 * @see Miller & Blair (2009), Input–Output Analysis, 2nd ed., eq. (2.4)–(2.5), Table 2.3.
 * Complexity O(n²).
 */
export function technicalCoefficients(
  Z: Matrix,
  x: ArrayLike<number>,
  options: CoefficientOptions = {},
): TechnicalCoefficientsResult {
  const fn = "technicalCoefficients";
  const policy = checkEnum(options.zeroOutput ?? "error", POLICIES, "zeroOutput", fn);
  const zero = checkFlows(Z, x, fn, policy);
  const n = Z.rows;
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const xj = x[j] as number;
      a[i * n + j] = xj === 0 ? 0 : (Z.data[i * n + j] as number) / xj;
    }
  }
  return { A: matrix(n, n, a), zeroOutputSectors: zero, diagnostics: zeroDiagnostics(zero, policy) };
}

/**
 * Allocation (output, Ghosh supply-side) coefficients (分配系数 / 直接分配系数) H = diag(x)⁻¹·Z, i.e.
 * h_ij = z_ij / x_i: the share of sector i's output sold to sector j as intermediate input.
 *
 * Modelling choices as in {@link technicalCoefficients}, by row: with `zeroOutput: "zero_column"` the
 * row of a zero-output sector is set to 0 (the option name is shared so one policy governs a table).
 *
 * @param Z - n×n intermediate flows
 * @param x - gross output (length n)
 * @param options - {@link CoefficientOptions}
 * @returns `{H, zeroOutputSectors, diagnostics}`
 * @throws {CoreError} not_square; dimension_mismatch; non_finite; negative_flow; invalid_argument;
 *   zero_output (x_i = 0 with policy "error")
 * @example
 * const { H } = allocationCoefficients(fromRows([[150, 500], [200, 100]]), [1000, 2000]);
 * toRows(H); // => [[0.15, 0.5], [0.1, 0.05]]
 * @see Miller & Blair (2009), eq. (12.6) (Ghosh model, B = X̂⁻¹Z); Ghosh (1958).
 * Complexity O(n²).
 */
export function allocationCoefficients(
  Z: Matrix,
  x: ArrayLike<number>,
  options: CoefficientOptions = {},
): AllocationCoefficientsResult {
  const fn = "allocationCoefficients";
  const policy = checkEnum(options.zeroOutput ?? "error", POLICIES, "zeroOutput", fn);
  const zero = checkFlows(Z, x, fn, policy);
  const n = Z.rows;
  const h = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const xi = x[i] as number;
    for (let j = 0; j < n; j++) h[i * n + j] = xi === 0 ? 0 : (Z.data[i * n + j] as number) / xi;
  }
  return { H: matrix(n, n, h), zeroOutputSectors: zero, diagnostics: zeroDiagnostics(zero, policy) };
}
