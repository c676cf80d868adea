/**
 * Disparity of composite scores across entities (区域差异): coefficient of variation, Theil T and
 * Gini (spec §12.3 step 5).
 */
import { CoreError } from "../errors.js";
import { checkFiniteVector } from "./checks.js";

export interface DisparityResult {
  /** μ, the arithmetic mean */
  readonly mean: number;
  /** σ/μ with the population standard deviation (divisor m) — the spec's default */
  readonly cvPopulation: number;
  /** s/μ with the sample standard deviation (divisor m − 1) */
  readonly cvSample: number;
  /** Theil T = (1/m) Σ (x_i/μ) ln(x_i/μ), 0·ln 0 = 0 */
  readonly theil: number;
  /** Gini = Σ_i Σ_j |x_i − x_j| / (2 m² μ) */
  readonly gini: number;
}

/**
 * Disparity statistics (差异指标) of m values across entities (spec §12.3 step 5):
 *
 *     CV_pop = σ/μ,  CV_sample = s/μ,  T = (1/m) Σ (x_i/μ) ln(x_i/μ),
 *     G = Σ_i Σ_j |x_i − x_j| / (2 m² μ)   (computed in O(m log m) from the sorted values:
 *     G = Σ_k (2k − m − 1) x_(k) / (m² μ), k = 1…m).
 *
 * Theil needs x ≥ 0 (0·ln 0 = 0) and all three need μ > 0. The Gini is the population form (no
 * m/(m − 1) correction), so its maximum is 1 − 1/m.
 *
 * @param x - m ≥ 2 finite values (e.g. composite scores)
 * @returns `{mean, cvPopulation, cvSample, theil, gini}`
 * @throws {CoreError} non_finite; too_few_observations (m < 2); invalid_argument (reason
 *   non_positive_mean; negative_value for a negative x)
 * @example
 * disparity([10, 20, 30, 40]);
 * // => { mean: 25, cvPopulation: 0.447214, cvSample: 0.516398, theil: 0.106440, gini: 0.25 }
 * @see Theil, H. (1967), Economics and Information Theory, North-Holland, ch. 4; Gini, C. (1912),
 *   Variabilità e mutabilità; Cowell, F. (2011), Measuring Inequality, 3rd ed., §3 and Tech. App.;
 *   spec §12.3–§12.4.
 * Complexity O(m log m).
 */
export function disparity(x: ArrayLike<number>): DisparityResult {
  const fn = "disparity";
  checkFiniteVector(x, "x", fn);
  const m = x.length;
  if (m < 2) throw new CoreError("too_few_observations", { function: fn, argument: "x", required: 2, received: m });
  let s = 0;
  for (let i = 0; i < m; i++) {
    const v = x[i] as number;
    if (v < 0)
      throw new CoreError("invalid_argument", {
        function: fn,
        argument: "x",
        reason: "negative_value",
        index: i,
        value: v,
      });
    s += v;
  }
  const mean = s / m;
  if (!(mean > 0))
    throw new CoreError("invalid_argument", { function: fn, argument: "x", reason: "non_positive_mean", value: mean });
  let ss = 0;
  let theil = 0;
  for (let i = 0; i < m; i++) {
    const v = x[i] as number;
    ss += (v - mean) ** 2;
    const q = v / mean;
    if (q > 0) theil += q * Math.log(q);
  }
  const sorted = Float64Array.from(x).sort();
  let g = 0;
  for (let k = 0; k < m; k++) g += (2 * (k + 1) - m - 1) * (sorted[k] as number);
  return {
    mean,
    cvPopulation: Math.sqrt(ss / m) / mean,
    cvSample: Math.sqrt(ss / (m - 1)) / mean,
    theil: theil / m,
    gini: g / (m * m * mean),
  };
}
