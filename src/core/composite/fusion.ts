/**
 * Arithmetic of the real–digital integration index (实数融合发展指数, spec §2.3): base-year and mean
 * indices, additive and self-based decompositions into sub-indices, CAGR, growth multiple,
 * percentage-point gap and the first crossing year.
 */
import { CoreError } from "../errors.js";
import type { Matrix } from "../linalg/matrix.js";
import { checkFiniteMatrix, checkFiniteVector, checkYears } from "./checks.js";

function yearIndex(years: ArrayLike<number>, year: number, fn: string, option: string): number {
  for (let t = 0; t < years.length; t++) if (years[t] === year) return t;
  throw new CoreError("invalid_argument", { function: fn, option, reason: "year_not_found", year });
}

/**
 * Base-year index (定基指数): I_t = 100·X_t/X_b (spec §2.3 step 3, `base_year`, default b = 2016).
 *
 * @param values - the series X_t, finite
 * @param years - its years, strictly increasing
 * @param baseYear - b, one of `years`
 * @returns Float64Array of I_t (I_b = 100)
 * @throws {CoreError} non_finite; dimension_mismatch; invalid_argument (year_not_found,
 *   years_not_increasing, non_positive_base: X_b ≤ 0)
 * @example
 * baseYearIndex([50, 60, 72, 86.4], [2015, 2016, 2017, 2018], 2016); // => [83.333…, 100, 120, 144]
 * @see spec §2.3 step 3 and §2.4 (synthetic test).
 */
export function baseYearIndex(values: ArrayLike<number>, years: ArrayLike<number>, baseYear: number): Float64Array {
  const fn = "baseYearIndex";
  checkFiniteVector(values, "values", fn);
  checkYears(years, values.length, fn);
  const base = values[yearIndex(years, baseYear, fn, "baseYear")] as number;
  if (!(base > 0))
    throw new CoreError("invalid_argument", {
      function: fn,
      argument: "values",
      reason: "non_positive_base",
      year: baseYear,
      value: base,
    });
  return Float64Array.from(values, (v) => (100 * v) / base);
}

/**
 * Mean index (均值化指数): I_t = 100·X_t / mean_{t∈W} X_t over the window W = [from, to] (default all
 * years) — spec §2.3 step 3, `mean`.
 *
 * @param values - the series, finite
 * @param years - its years, strictly increasing
 * @param window - [from, to] (inclusive) @default [first year, last year]
 * @returns Float64Array of I_t
 * @throws {CoreError} non_finite; dimension_mismatch; invalid_argument (year_not_found: no year in
 *   the window; non_positive_base: window mean ≤ 0)
 * @example
 * meanIndex([50, 100, 150], [2020, 2021, 2022]); // => [50, 100, 150]
 */
export function meanIndex(
  values: ArrayLike<number>,
  years: ArrayLike<number>,
  window?: readonly [number, number],
): Float64Array {
  const fn = "meanIndex";
  checkFiniteVector(values, "values", fn);
  checkYears(years, values.length, fn);
  let s = 0;
  let k = 0;
  for (let t = 0; t < values.length; t++) {
    const y = years[t] as number;
    if (window === undefined || (y >= window[0] && y <= window[1])) {
      s += values[t] as number;
      k++;
    }
  }
  if (k === 0)
    throw new CoreError("invalid_argument", {
      function: fn,
      option: "window",
      reason: "year_not_found",
      year: window?.[0] ?? null,
    });
  const mean = s / k;
  if (!(mean > 0))
    throw new CoreError("invalid_argument", {
      function: fn,
      argument: "values",
      reason: "non_positive_base",
      value: mean,
    });
  return Float64Array.from(values, (v) => (100 * v) / mean);
}

export interface FusionDecompositionOptions {
  /**
   * `"additive"` (default): I^c_t = 100·X^c_t/X_b (the total's base; sub-indices sum to the total
   * index). `"self_based"`: J^c_t = 100·X^c_t/X^c_b, total = Σ_c ω_c J^c_t.
   * @default "additive"
   */
  readonly decomposition?: "additive" | "self_based";
  /**
   * `self_based` total weights ω_c: `"equal"` (1/c) or `"base_share"` (X^c_b/X_b, which makes the
   * total equal the additive one)
   * @default "equal"
   */
  readonly totalWeights?: "equal" | "base_share";
}

export interface FusionDecompositionResult {
  /** T×c sub-indices (years × components), row-major */
  readonly components: Float64Array;
  /** the total index per year */
  readonly total: Float64Array;
  /** X_t = Σ_c X^c_t */
  readonly totalLevel: Float64Array;
}

/**
 * Integration index with its sub-indices (实数融合发展指数及分项指数), spec §2.3 steps 2–4: the total
 * X_t = Σ_c X^c_t (consumption, investment, net exports) and the base-year sub-indices by the
 * additive or the self-based decomposition.
 *
 * @param X - T×c matrix of component levels (years × components), finite
 * @param years - the T years, strictly increasing
 * @param baseYear - b
 * @param options - {@link FusionDecompositionOptions}
 * @returns `{components, total, totalLevel}`
 * @throws {CoreError} non_finite; dimension_mismatch; invalid_argument (year_not_found;
 *   non_positive_base: X_b ≤ 0, or a component's X^c_b ≤ 0 under self_based — e.g. net exports)
 * @example
 * const X = fromRows([[20, 30], [30, 30], [40, 32], [50, 36.4]]);
 * fusionDecomposition(X, [2015, 2016, 2017, 2018], 2016).total; // => [83.333…, 100, 120, 144]
 * @see spec §2.3 steps 2–4 and §2.4 (synthetic test).
 * Complexity O(T·c).
 */
export function fusionDecomposition(
  X: Matrix,
  years: ArrayLike<number>,
  baseYear: number,
  options: FusionDecompositionOptions = {},
): FusionDecompositionResult {
  const fn = "fusionDecomposition";
  const { rows: T, cols: c, data } = X;
  checkFiniteMatrix(X, "X", fn);
  checkYears(years, T, fn);
  const b = yearIndex(years, baseYear, fn, "baseYear");
  const totalLevel = new Float64Array(T);
  for (let t = 0; t < T; t++) {
    let s = 0;
    for (let k = 0; k < c; k++) s += data[t * c + k] as number;
    totalLevel[t] = s;
  }
  const xb = totalLevel[b] as number;
  if (!(xb > 0))
    throw new CoreError("invalid_argument", {
      function: fn,
      argument: "X",
      reason: "non_positive_base",
      year: baseYear,
      value: xb,
    });
  const components = new Float64Array(T * c);
  const total = new Float64Array(T);
  const mode = options.decomposition ?? "additive";
  if (mode === "additive") {
    for (let t = 0; t < T; t++) {
      for (let k = 0; k < c; k++) components[t * c + k] = (100 * (data[t * c + k] as number)) / xb;
      total[t] = (100 * (totalLevel[t] as number)) / xb;
    }
  } else if (mode === "self_based") {
    const tw = options.totalWeights ?? "equal";
    if (tw !== "equal" && tw !== "base_share") {
      throw new CoreError("invalid_argument", { function: fn, option: "totalWeights", received: String(tw) });
    }
    for (let k = 0; k < c; k++) {
      const base = data[b * c + k] as number;
      if (!(base > 0)) {
        throw new CoreError("invalid_argument", {
          function: fn,
          argument: "X",
          reason: "non_positive_base",
          col: k,
          year: baseYear,
          value: base,
        });
      }
      const omega = tw === "equal" ? 1 / c : base / xb;
      for (let t = 0; t < T; t++) {
        const j = (100 * (data[t * c + k] as number)) / base;
        components[t * c + k] = j;
        total[t] = (total[t] as number) + omega * j;
      }
    }
  } else {
    throw new CoreError("invalid_argument", { function: fn, option: "decomposition", received: String(mode) });
  }
  return { components, total, totalLevel };
}

/**
 * Compound annual growth rate (年均复合增长率), in percent: 100·((v1/v0)^{1/intervals} − 1). Ratio
 * normalisations leave it unchanged (spec §2.4).
 *
 * @param v0 - start level (> 0)
 * @param v1 - end level (≥ 0)
 * @param intervals - number of years between them (> 0)
 * @returns CAGR in percent
 * @throws {CoreError} non_finite; invalid_argument (non_positive_base: v0 ≤ 0; v1 < 0; intervals ≤ 0)
 * @example
 * cagr(50, 200, 12); // => 12.2462… (a fourfold rise over 12 years)
 */
export function cagr(v0: number, v1: number, intervals: number): number {
  const fn = "cagr";
  checkFiniteVector([v0, v1, intervals], "arguments", fn);
  if (!(v0 > 0))
    throw new CoreError("invalid_argument", { function: fn, argument: "v0", reason: "non_positive_base", value: v0 });
  if (v1 < 0)
    throw new CoreError("invalid_argument", { function: fn, argument: "v1", reason: "negative_value", value: v1 });
  if (!(intervals > 0))
    throw new CoreError("invalid_argument", { function: fn, argument: "intervals", received: intervals });
  return 100 * ((v1 / v0) ** (1 / intervals) - 1);
}

/**
 * CAGR of a series over the window [from, to] (区间年均增速): {@link cagr} of the values in those years
 * with `to − from` intervals.
 *
 * @param values - the series
 * @param years - its years, strictly increasing
 * @param from - first year of the window (in `years`)
 * @param to - last year (in `years`, > from)
 * @returns CAGR in percent
 * @throws {CoreError} as {@link cagr}; invalid_argument (year_not_found; from ≥ to)
 * @example
 * cagrOver([50, 100, 200], [2012, 2016, 2024], 2012, 2024); // => 12.2462… (= cagr(50, 200, 12))
 */
export function cagrOver(values: ArrayLike<number>, years: ArrayLike<number>, from: number, to: number): number {
  const fn = "cagrOver";
  checkFiniteVector(values, "values", fn);
  checkYears(years, values.length, fn);
  if (!(to > from))
    throw new CoreError("invalid_argument", { function: fn, option: "to", received: to, expected: `> ${from}` });
  return cagr(
    values[yearIndex(years, from, fn, "from")] as number,
    values[yearIndex(years, to, fn, "to")] as number,
    to - from,
  );
}

/**
 * Growth multiple (增长倍数): ratio = v1/v0 ("是原来的 ratio 倍") and increase = ratio − 1 ("增长了
 * increase 倍") — the two readings the seed texts mix.
 *
 * @param v0 - start level (> 0)
 * @param v1 - end level
 * @returns `{ratio, increase}`
 * @throws {CoreError} non_finite; invalid_argument (non_positive_base)
 * @example
 * growthMultiple(50, 200); // => { ratio: 4, increase: 3 }
 */
export function growthMultiple(v0: number, v1: number): { readonly ratio: number; readonly increase: number } {
  const fn = "growthMultiple";
  checkFiniteVector([v0, v1], "arguments", fn);
  if (!(v0 > 0))
    throw new CoreError("invalid_argument", { function: fn, argument: "v0", reason: "non_positive_base", value: v0 });
  const ratio = v1 / v0;
  return { ratio, increase: ratio - 1 };
}

/**
 * Percentage-point gap (百分点差) between two growth rates in percent: a − b.
 *
 * @example
 * percentagePointGap(12.66, 7.95); // => 4.71
 */
export function percentagePointGap(a: number, b: number): number {
  checkFiniteVector([a, b], "arguments", "percentagePointGap");
  return a - b;
}

/**
 * First crossing year (首次超越年份), spec §2.3 step 5: t* = min{t : I_t ≥ R_t and I_{t−1} < R_{t−1}}
 * — the first year the index reaches the reference (e.g. the GDP index normalised the same way)
 * after being below it in the previous year. Null if it never crosses (including when it starts at
 * or above the reference and stays there).
 *
 * @param index - I_t
 * @param reference - R_t, same years
 * @param years - the years, strictly increasing
 * @returns the year t*, or null
 * @throws {CoreError} non_finite; dimension_mismatch; invalid_argument (years_not_increasing)
 * @example
 * firstCrossingYear([90, 100, 115], [95, 100, 110], [2015, 2016, 2017]); // => 2016
 */
export function firstCrossingYear(
  index: ArrayLike<number>,
  reference: ArrayLike<number>,
  years: ArrayLike<number>,
): number | null {
  const fn = "firstCrossingYear";
  checkFiniteVector(index, "index", fn);
  checkFiniteVector(reference, "reference", fn);
  if (reference.length !== index.length) {
    throw new CoreError("dimension_mismatch", {
      function: fn,
      argument: "reference",
      expected: index.length,
      received: reference.length,
    });
  }
  checkYears(years, index.length, fn);
  for (let t = 1; t < index.length; t++) {
    if ((index[t] as number) >= (reference[t] as number) && (index[t - 1] as number) < (reference[t - 1] as number)) {
      return years[t] as number;
    }
  }
  return null;
}
