/**
 * Leontief inverse L = (I − A)⁻¹ (完全需要系数) and total consumption coefficients B = L − I (完全消耗系数).
 */
import { type Diagnostic, diagnostic } from "../diagnostics.js";
import { CoreError } from "../errors.js";
import { inverseDiagnostics } from "../linalg/inverse-diagnostics.js";
import { luDecompose, luInverse } from "../linalg/lu.js";
import { type Matrix, matrix } from "../linalg/matrix.js";
import { neumaierSumStrided } from "../stats/summation.js";
import { checkSquareFinite, identityMinus } from "./checks.js";
import { checkInverseNonnegative, productivityCheck } from "./productivity.js";

/** Thresholds of the inverse diagnostics (defined once in `core/linalg/inverse-diagnostics.ts`). */
export { ILL_CONDITIONED_THRESHOLD, INVERSE_RESIDUAL_THRESHOLD } from "../linalg/inverse-diagnostics.js";

/**
 * The part of a linear-algebra backend the inverse needs. `LinalgBackend` from `core/linalg/backend.ts`
 * (TypeScript LU or native OpenBLAS, injected by `app`) satisfies it structurally.
 */
export interface InverseBackend {
  readonly name: string;
  inverse(m: Matrix): Matrix;
}

export interface LeontiefInverseOptions {
  /** compute the inverse with this backend instead of the built-in LU (emits `backend_used`) */
  readonly backend?: InverseBackend;
  /**
   * relative LU pivot threshold: |u_kk| < tol·max|m_ij| → `singular_matrix` (ignored with a backend)
   * @default 1e-12
   */
  readonly singularTolerance?: number;
  /**
   * check A ≥ 0 and ρ(A) < 1 before inverting and L ≥ 0 after (Hawkins–Simon); turn off only for
   * matrices that are not IO coefficients (e.g. with negative entries)
   * @default true
   */
  readonly checkProductive?: boolean;
}

export interface LeontiefInverseResult {
  /** n×n Leontief inverse L = (I − A)⁻¹ */
  readonly L: Matrix;
  /** κ₁(I − A) = ‖I − A‖₁·‖L‖₁ (exact 1-norm condition number, from the computed inverse) */
  readonly conditionEstimate: number;
  /** ρ(A) estimate (Collatz–Wielandt bracket midpoint or upper bound); null when checkProductive is false */
  readonly spectralRadius: number | null;
  /** max |((I − A)L − I)_ij| */
  readonly residual: number;
  readonly diagnostics: Diagnostic[];
}

/**
 * Shared kernel of the Leontief and Ghosh inverses: (I − M)⁻¹ with the shared checks and diagnostics —
 * productivity pre-check ({@link productivityCheck}: Hawkins–Simon, `spectral_radius`,
 * `column_sum_ge_one`), the inversion (LU or an injected backend), the post-check that the inverse is
 * nonnegative, and {@link inverseDiagnostics} (`condition_estimate`, `ill_conditioned`, `inverse_residual`).
 */
export function identityMinusInverse(
  M: Matrix,
  options: LeontiefInverseOptions,
  fn: string,
  argument: string,
): LeontiefInverseResult {
  const n = checkSquareFinite(M, argument, fn);
  const diagnostics: Diagnostic[] = [];
  const check = options.checkProductive ?? true;
  let spectralRadius: number | null = null;
  if (check) {
    const pre = productivityCheck(M, fn, argument);
    spectralRadius = pre.spectral.value;
    diagnostics.push(...pre.diagnostics);
  } else {
    for (let j = 0; j < n; j++) {
      const s = neumaierSumStrided(M.data, j, n, n);
      if (s >= 1) diagnostics.push(diagnostic("column_sum_ge_one", "warning", { sector: j, columnSum: s }));
    }
  }
  const IM = identityMinus(M);
  let inv: Matrix;
  if (options.backend) {
    inv = options.backend.inverse(IM);
    if (inv.rows !== n || inv.cols !== n) {
      throw new CoreError("dimension_mismatch", {
        function: fn,
        backend: options.backend.name,
        expected: [n, n],
        received: [inv.rows, inv.cols],
      });
    }
    diagnostics.push(diagnostic("backend_used", "info", { backend: options.backend.name }));
  } else {
    const lu =
      options.singularTolerance === undefined
        ? luDecompose(IM)
        : luDecompose(IM, { singularTolerance: options.singularTolerance });
    inv = luInverse(lu);
  }
  if (check) checkInverseNonnegative(inv, fn, argument, spectralRadius);
  const post = inverseDiagnostics(IM, inv);
  diagnostics.push(...post.diagnostics);
  return { L: inv, conditionEstimate: post.conditionEstimate, spectralRadius, residual: post.residual, diagnostics };
}

/**
 * Leontief inverse (完全需要系数矩阵) L = (I − A)⁻¹: l_ij is the total (direct + indirect) output of
 * sector i required per unit of final demand for sector j's product.
 *
 * Procedure (spec §5.3, STYLE §2.7): (1) productivity check first — every a_ij ≥ 0 and spectral radius
 * ρ(A) < 1 (Hawkins–Simon), bracketed by Collatz–Wielandt bounds; a certified ρ ≥ 1 throws; (2) LU
 * with partial pivoting of I − A and solve (I − A)L = I (or `backend.inverse`); (3) if the bracket was
 * inconclusive, L ≥ 0 settles productivity (for A ≥ 0, (I − A)⁻¹ ≥ 0 ⇔ ρ(A) < 1); (4) diagnostics:
 * `spectral_radius`, `condition_estimate` (κ₁ = ‖I − A‖₁‖L‖₁, exact since L is at hand),
 * `ill_conditioned` (κ₁ > 1e8), `inverse_residual` (max|(I − A)L − I|, warning above 1e-9),
 * `column_sum_ge_one` (a column of A sums to ≥ 1 — allowed if ρ < 1, but unusual), `backend_used`.
 * Zero-output sectors (zero columns of A, see {@link technicalCoefficients}) give l_jj = 1 and are
 * otherwise harmless here.
 *
 * @param A - n×n direct input coefficients (dimensionless)
 * @param options - {@link LeontiefInverseOptions}
 * @returns `{L, conditionEstimate, spectralRadius, residual, diagnostics}`
 * @throws {CoreError} not_square; non_finite; not_productive (params.reason: "negative_coefficient",
 *   "spectral_radius_ge_one" or "inverse_not_nonnegative"); singular_matrix (LU pivot below
 *   tolerance: I − A singular, i.e. ρ(A) = 1 for A ≥ 0); dimension_mismatch (backend returned a wrong shape)
 * @example
 * const { L } = leontiefInverse(fromRows([[0.15, 0.25], [0.2, 0.05]]));
 * toRows(L); // ≈ [[1.254125, 0.330033], [0.264026, 1.122112]]
 * @see Miller & Blair (2009), eq. (2.11)–(2.12), Table 2.4; Hawkins & Simon (1949); Golub & Van Loan
 *   (2013) Alg. 3.4.1 (LU with partial pivoting).
 * Complexity O(n³) (LU + n solves + the residual product).
 */
export function leontiefInverse(A: Matrix, options: LeontiefInverseOptions = {}): LeontiefInverseResult {
  return identityMinusInverse(A, options, "leontiefInverse", "A");
}

export interface TotalConsumptionCoefficientsResult {
  /** n×n total (complete) consumption coefficients B = L − I */
  readonly B: Matrix;
  readonly diagnostics: Diagnostic[];
}

/**
 * Total consumption coefficients (完全消耗系数) B = L − I: b_ij is the direct plus all indirect input of
 * product i consumed per unit of final product j (the Chinese-textbook "complete consumption"; equals
 * A + A² + A³ + … for ρ(A) < 1).
 *
 * @param L - n×n Leontief inverse (from {@link leontiefInverse})
 * @returns `{B, diagnostics}` (diagnostics empty: the subtraction is exact up to one rounding)
 * @throws {CoreError} not_square; non_finite
 * @example
 * totalConsumptionCoefficients(fromRows([[1.25, 0.33], [0.26, 1.12]])).B; // ≈ [[0.25, 0.33], [0.26, 0.12]]
 * @see Miller & Blair (2009), eq. (2.14) (power-series expansion of L); 国家统计局《中国投入产出表》编制方法 (完全消耗系数 B = (I − A)⁻¹ − I).
 * Complexity O(n²).
 */
export function totalConsumptionCoefficients(L: Matrix): TotalConsumptionCoefficientsResult {
  const n = checkSquareFinite(L, "L", "totalConsumptionCoefficients");
  const b = Float64Array.from(L.data);
  for (let i = 0; i < n; i++) b[i * n + i] = (b[i * n + i] as number) - 1;
  return { B: matrix(n, n, b), diagnostics: [] };
}
