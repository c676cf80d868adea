/**
 * Volatility statistics (波动性统计): standard deviation and coefficient of variation over a window,
 * spec methods.md §9.5–9.6 and §0.4.
 */
import { CoreError } from "../errors.js";
import { neumaierSum } from "../stats/summation.js";
import { checkFinite, checkLength, type ProductivityDiagnostic, productivityDiagnostic } from "./codes.js";

export interface VolatilityOptions {
  /** 0 = population SD (spec default [PROJECT]), 1 = sample SD @default 0 */
  readonly ddof?: 0 | 1;
  /** years of the values (same length); required for `from`/`to` */
  readonly years?: ArrayLike<number>;
  /** first year of the window (inclusive) @default first year */
  readonly from?: number;
  /** last year of the window (inclusive) @default last year */
  readonly to?: number;
}

export interface VolatilityResult {
  /** arithmetic mean over the window */
  readonly mean: number;
  /** √(Σ(x − x̄)²/(n − ddof)) */
  readonly sd: number;
  /** SD/mean (sign of the mean kept); null when the mean is 0 */
  readonly cv: number | null;
  /** observations in the window */
  readonly n: number;
  readonly ddof: 0 | 1;
  /** cv_undefined, negative_mean */
  readonly diagnostics: readonly ProductivityDiagnostic[];
}

/**
 * Volatility of a series (波动性): mean, standard deviation (population by default, option sample) and
 * coefficient of variation CV = SD/mean over a window of years (two-pass, compensated sums). CV is null
 * with `cv_undefined` when the mean is 0, and keeps its sign (flagged `negative_mean`) when negative.
 *
 * @param values - the series (e.g. nominal GDP growth in %)
 * @param options - {@link VolatilityOptions}
 * @returns `{mean, sd, cv, n, ddof, diagnostics}`
 * @throws {CoreError} non_finite; dimension_mismatch (years); invalid_argument (reason invalid_ddof;
 *   `from`/`to` without years); too_few_observations (n ≤ ddof, or an empty window)
 * @example
 * volatility([2, 4, 4, 4, 5, 5, 7, 9]); // => { mean: 5, sd: 2, cv: 0.4, n: 8, ddof: 0, … }
 * @see spec methods.md §9.5, §9.6 (NBS GDP vintages V1–V3), §0.4.
 * Complexity O(n).
 */
export function volatility(values: ArrayLike<number>, options: VolatilityOptions = {}): VolatilityResult {
  const fn = "volatility";
  const ddof = options.ddof ?? 0;
  if (ddof !== 0 && ddof !== 1)
    throw new CoreError("invalid_argument", { function: fn, option: "ddof", reason: "invalid_ddof", received: ddof });
  checkFinite(values, "values", fn);
  let x: number[] = Array.from(values);
  if (options.years !== undefined) {
    checkLength(options.years, values.length, "years", fn);
    const years = options.years;
    const from = options.from ?? Number.NEGATIVE_INFINITY;
    const to = options.to ?? Number.POSITIVE_INFINITY;
    x = x.filter((_, i) => (years[i] as number) >= from && (years[i] as number) <= to);
  } else if (options.from !== undefined || options.to !== undefined) {
    throw new CoreError("invalid_argument", { function: fn, option: "years", reason: "missing_years" });
  }
  const n = x.length;
  if (n <= ddof || n === 0)
    throw new CoreError("too_few_observations", { function: fn, argument: "values", required: ddof + 1, received: n });
  const mean = neumaierSum(x) / n;
  const sd = Math.sqrt(neumaierSum(x.map((v) => (v - mean) ** 2)) / (n - ddof));
  const diagnostics: ProductivityDiagnostic[] = [];
  let cv: number | null = null;
  if (mean === 0) diagnostics.push(productivityDiagnostic("cv_undefined", "warning", { mean }));
  else {
    cv = sd / mean;
    if (mean < 0) diagnostics.push(productivityDiagnostic("negative_mean", "warning", { mean }));
  }
  return { mean, sd, cv, n, ddof, diagnostics };
}
