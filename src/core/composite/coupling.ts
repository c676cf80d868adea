/**
 * Coupling degree and coupling-coordination degree (耦合度、耦合协调度) of n ≥ 2 subsystems.
 */
import { CoreError } from "../errors.js";
import type { Matrix } from "../linalg/matrix.js";
import { checkFiniteMatrix, checkNonNegativeMatrix, checkWeightVector } from "./checks.js";
import { type CompositeDiagnostic, compositeDiagnostic } from "./codes.js";
import { WEIGHT_SUM_TOLERANCE } from "./weights.js";

export interface CouplingOptions {
  /** the contribution coefficients α_i of the coordination index T (Σα = 1) @default 1/n each */
  readonly alpha?: ArrayLike<number>;
}

export interface CouplingResult {
  /** C = n·(Π U_i)^{1/n} / Σ U_i ∈ [0, 1] per observation */
  readonly coupling: Float64Array;
  /** T = Σ α_i U_i */
  readonly coordination: Float64Array;
  /** D = √(C·T) */
  readonly degree: Float64Array;
  /** coupling_undefined for observations with all U_i = 0 (C = D = 0 there) */
  readonly diagnostics: readonly CompositeDiagnostic[];
}

/**
 * Coupling degree C, comprehensive coordination index T and coupling-coordination degree D
 * (耦合协调度) of n ≥ 2 subsystems, one observation (region, year) per row of U:
 *
 *     C = n · [ Π_i U_i / (Σ_i U_i)^n ]^{1/n}  =  (Π U_i)^{1/n} / ( (1/n) Σ U_i ),
 *     T = Σ_i α_i U_i,       D = √(C · T).
 *
 * C is the ratio of the geometric to the arithmetic mean of the subsystem scores, so 0 ≤ C ≤ 1 with
 * C = 1 iff all U_i are equal. Variant note: this is the general n-system form as corrected by Wang,
 * Kong, Ren, Zhi & Dai (2021); for n = 2 it equals the common 2√(U₁U₂)/(U₁+U₂). Widely copied
 * variants differ — C = [U₁U₂/(U₁+U₂)²]^{1/2} (range [0, 0.5]) and the n = 3 form
 * 3[U₁U₂U₃/((U₁+U₂)(U₁+U₃)(U₂+U₃))]^{1/3} are not the same quantity and are not offered. U should be
 * subsystem scores in [0, 1] (e.g. weighted min–max scores); the product is computed in logs.
 *
 * @param U - m×n matrix of subsystem scores (m observations, n ≥ 2 subsystems), finite, ≥ 0
 * @param options - {@link CouplingOptions}
 * @returns `{coupling, coordination, degree, diagnostics}`
 * @throws {CoreError} non_finite; too_few_observations (n < 2 subsystems); dimension_mismatch;
 *   invalid_argument (negative_value; negative_weight, weights_not_normalised for alpha)
 * @example
 * const r = couplingCoordination(fromRows([[0.6, 0.4]]));
 * r.coupling[0]; // => 0.979796 (= 2·√0.24)
 * r.degree[0];   // => 0.699927 (= √(0.979796·0.5))
 * @see Wang, S., Kong, W., Ren, L., Zhi, D. & Dai, B. (2021), "Research on misuses and modification of
 *   coupling coordination degree model in China" (国内耦合协调度模型的误区及修正), Journal of Natural
 *   Resources (自然资源学报) 36(3), 793–810, eq. (5)–(7); Liao, C. (1999), Tropical Geography 19(2)
 *   (the two-system model).
 * Complexity O(m·n).
 */
export function couplingCoordination(U: Matrix, options: CouplingOptions = {}): CouplingResult {
  const fn = "couplingCoordination";
  const { rows: m, cols: n, data } = U;
  if (n < 2) throw new CoreError("too_few_observations", { function: fn, argument: "U", required: 2, received: n });
  checkFiniteMatrix(U, "U", fn);
  checkNonNegativeMatrix(U, "U", fn);
  const alpha = options.alpha ?? new Float64Array(n).fill(1 / n);
  checkWeightVector(alpha, n, fn);
  let sa = 0;
  for (let j = 0; j < n; j++) sa += alpha[j] as number;
  if (!(Math.abs(sa - 1) <= WEIGHT_SUM_TOLERANCE)) {
    throw new CoreError("invalid_argument", {
      function: fn,
      argument: "alpha",
      reason: "weights_not_normalised",
      sum: sa,
      tolerance: WEIGHT_SUM_TOLERANCE,
    });
  }
  const coupling = new Float64Array(m);
  const coordination = new Float64Array(m);
  const degree = new Float64Array(m);
  const diagnostics: CompositeDiagnostic[] = [];
  for (let i = 0; i < m; i++) {
    let sum = 0;
    let logProd = 0;
    let t = 0;
    let zero = false;
    for (let j = 0; j < n; j++) {
      const u = data[i * n + j] as number;
      sum += u;
      t += (alpha[j] as number) * u;
      if (u === 0) zero = true;
      else logProd += Math.log(u);
    }
    coordination[i] = t;
    if (!(sum > 0)) {
      diagnostics.push(compositeDiagnostic("coupling_undefined", "warning", { row: i }));
      continue;
    }
    const c = zero ? 0 : Math.min(1, Math.exp(logProd / n) / (sum / n));
    coupling[i] = c;
    degree[i] = Math.sqrt(c * t);
  }
  return { coupling, coordination, degree, diagnostics };
}
