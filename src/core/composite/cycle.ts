/**
 * Cycle analysis (周期分析) of spec §3: growth rates, technical weakness (技术性疲软) flags, episodes
 * and exit years, and the Hodrick–Prescott trend.
 */
import { CoreError } from "../errors.js";
import { checkFiniteVector } from "./checks.js";

function checkConsecutive(years: ArrayLike<number>, length: number, fn: string): void {
  if (years.length !== length) {
    throw new CoreError("dimension_mismatch", {
      function: fn,
      argument: "years",
      expected: length,
      received: years.length,
    });
  }
  for (let t = 0; t < length; t++) {
    const y = years[t] as number;
    if (!Number.isInteger(y))
      throw new CoreError("invalid_argument", { function: fn, argument: "years", index: t, value: y });
    if (t > 0 && y !== (years[t - 1] as number) + 1) {
      throw new CoreError("invalid_argument", {
        function: fn,
        argument: "years",
        reason: "years_not_consecutive",
        index: t,
        year: y,
        previous: years[t - 1] as number,
      });
    }
  }
}

function checkNullableFinite(values: ReadonlyArray<number | null>, argument: string, fn: string): void {
  values.forEach((v, i) => {
    if (v !== null && !Number.isFinite(v))
      throw new CoreError("non_finite", { function: fn, argument, index: i, value: v });
  });
}

/**
 * Year-on-year growth rates in percent (同比增速): g_t = 100·(x_t/x_{t−1} − 1). The first year, and
 * any year whose own or previous level is missing (null), has g = null.
 *
 * @param levels - annual levels of consecutive years (null = missing), previous level > 0
 * @returns growth rates in percent, same length (null where undefined)
 * @throws {CoreError} non_finite; invalid_argument (reason non_positive_base: a previous level ≤ 0,
 *   params index, value)
 * @example
 * growthRates([100, 110, null, 121]); // => [null, 10, null, null]
 */
export function growthRates(levels: ReadonlyArray<number | null>): (number | null)[] {
  const fn = "growthRates";
  checkNullableFinite(levels, "levels", fn);
  return levels.map((x, t) => {
    const prev = t > 0 ? (levels[t - 1] as number | null) : null;
    if (x === null || prev === null) return null;
    if (!(prev > 0)) {
      throw new CoreError("invalid_argument", {
        function: fn,
        argument: "levels",
        reason: "non_positive_base",
        index: t - 1,
        value: prev,
      });
    }
    return 100 * (x / prev - 1);
  });
}

/** A maximal run of consecutive technical-weakness years. */
export interface WeaknessEpisode {
  /** first year with W = 1 */
  readonly start: number;
  /** last year with W = 1 */
  readonly end: number;
  /** first year after the episode with g_t ≥ g_{t−1} (走出技术性疲软), null if not (yet) observed */
  readonly exitYear: number | null;
}

export interface TechnicalWeaknessResult {
  readonly years: readonly number[];
  /** W_t: 1 = technical weakness, 0 = not, null = undefined (a missing g in t, t−1, t−2) */
  readonly weak: readonly (0 | 1 | null)[];
  readonly episodes: readonly WeaknessEpisode[];
}

/**
 * Technical weakness (技术性疲软, seed 000 §二(一)2; spec §3.1): W_t = 1 iff g_t < g_{t−1} and
 * g_{t−1} < g_{t−2} — growth falls two years running; equality is not a decline; W_t = null if any of
 * the three is missing. An episode is a maximal run of W = 1 (a null ends a run); its exit year is the
 * first later year with g_t ≥ g_{t−1}.
 *
 * @param growth - growth rates of consecutive years (null = missing), any unit
 * @param years - the years, consecutive integers
 * @returns `{years, weak, episodes}`
 * @throws {CoreError} non_finite; dimension_mismatch; invalid_argument (years_not_consecutive)
 * @example
 * // NBS real GDP growth 2012–2024 (spec §3.4)
 * technicalWeakness([7.9, 7.8, 7.4, 7.0, 6.8, 6.9, 6.7, 6.0, 2.2, 8.4, 3.0, 5.2, 5.0], range(2012, 2024)).episodes;
 * // => [{start: 2014, end: 2016, exitYear: 2017}, {start: 2019, end: 2020, exitYear: 2021}]
 * @see spec §3.1 and §3.4 (known answers for real and nominal GDP growth).
 */
export function technicalWeakness(
  growth: ReadonlyArray<number | null>,
  years: ArrayLike<number>,
): TechnicalWeaknessResult {
  const fn = "technicalWeakness";
  checkNullableFinite(growth, "growth", fn);
  checkConsecutive(years, growth.length, fn);
  const T = growth.length;
  const weak: (0 | 1 | null)[] = [];
  for (let t = 0; t < T; t++) {
    const g0 = growth[t] ?? null;
    const g1 = t >= 1 ? (growth[t - 1] ?? null) : null;
    const g2 = t >= 2 ? (growth[t - 2] ?? null) : null;
    weak.push(g0 === null || g1 === null || g2 === null ? null : g0 < g1 && g1 < g2 ? 1 : 0);
  }
  const episodes: WeaknessEpisode[] = [];
  let t = 0;
  while (t < T) {
    if (weak[t] !== 1) {
      t++;
      continue;
    }
    const start = t;
    while (t + 1 < T && weak[t + 1] === 1) t++;
    const end = t;
    let exitYear: number | null = null;
    for (let u = end + 1; u < T; u++) {
      const g0 = growth[u] ?? null;
      const g1 = growth[u - 1] ?? null;
      if (g0 !== null && g1 !== null && g0 >= g1) {
        exitYear = years[u] as number;
        break;
      }
    }
    episodes.push({ start: years[start] as number, end: years[end] as number, exitYear });
    t = end + 1;
  }
  return { years: Array.from(years), weak, episodes };
}

export interface HpFilterResult {
  /** τ, the trend */
  readonly trend: Float64Array;
  /** y − τ, the cycle */
  readonly cycle: Float64Array;
  readonly lambda: number;
}

/**
 * Hodrick–Prescott filter (HP 滤波), solved exactly: τ = argmin Σ(y_t − τ_t)² + λ Σ(Δ²τ_t)², i.e.
 * (I + λ·DᵀD) τ = y with D the (T−2)×T second-difference matrix. The matrix is symmetric positive
 * definite and pentadiagonal; it is factored by a banded Cholesky (bandwidth 2) in O(T) — no
 * iteration. Annual data: λ = 100 (the spec default) or 6.25 (Ravn & Uhlig 2002).
 *
 * @param y - T ≥ 3 finite values
 * @param lambda - smoothing parameter λ ≥ 0 @default 100
 * @returns `{trend, cycle, lambda}`
 * @throws {CoreError} non_finite; too_few_observations (T < 3); invalid_argument (λ < 0 or not finite)
 * @example
 * hpFilter([100, 104, 109, 111, 118, 125, 129, 136, 140, 149, 155, 160], 100).trend[0]; // => 97.864088
 * @see Hodrick, R. J. & Prescott, E. C. (1997), "Postwar U.S. business cycles", JMCB 29(1), 1–16;
 *   Ravn, M. O. & Uhlig, H. (2002), REStat 84(2), 371–376; statsmodels `tsa.filters.hpfilter`
 *   (reference values, spec §3.4); Golub & Van Loan (2013), Alg. 4.3.5 (band Cholesky).
 * Complexity O(T).
 */
export function hpFilter(y: ArrayLike<number>, lambda = 100): HpFilterResult {
  const fn = "hpFilter";
  checkFiniteVector(y, "y", fn);
  const T = y.length;
  if (T < 3) throw new CoreError("too_few_observations", { function: fn, argument: "y", required: 3, received: T });
  if (!(lambda >= 0) || !Number.isFinite(lambda)) {
    throw new CoreError("invalid_argument", { function: fn, argument: "lambda", received: lambda });
  }
  // bands of A = I + λ DᵀD: a0 (diagonal), a1 (first sub-diagonal, a1[i] = A[i][i−1]), a2 (A[i][i−2])
  const a0 = new Float64Array(T).fill(1);
  const a1 = new Float64Array(T);
  const a2 = new Float64Array(T);
  const d = Float64Array.of(1, -2, 1);
  for (let r = 0; r + 2 < T; r++) {
    for (let p = 0; p < 3; p++) {
      const dp = d[p] as number;
      a0[r + p] = (a0[r + p] as number) + lambda * dp * dp;
      for (let q = 0; q < p; q++) {
        const v = lambda * dp * (d[q] as number);
        if (p - q === 1) a1[r + p] = (a1[r + p] as number) + v;
        else a2[r + p] = (a2[r + p] as number) + v;
      }
    }
  }
  // banded Cholesky A = L·Lᵀ: l0 diagonal, l1[i] = L[i][i−1], l2[i] = L[i][i−2]
  const l0 = new Float64Array(T);
  const l1 = new Float64Array(T);
  const l2 = new Float64Array(T);
  for (let i = 0; i < T; i++) {
    const v2 = i >= 2 ? (a2[i] as number) / (l0[i - 2] as number) : 0;
    const v1 = i >= 1 ? ((a1[i] as number) - (i >= 2 ? v2 * (l1[i - 1] as number) : 0)) / (l0[i - 1] as number) : 0;
    l2[i] = v2;
    l1[i] = v1;
    l0[i] = Math.sqrt((a0[i] as number) - v1 * v1 - v2 * v2);
  }
  const z = new Float64Array(T);
  for (let i = 0; i < T; i++) {
    let s = y[i] as number;
    if (i >= 1) s -= (l1[i] as number) * (z[i - 1] as number);
    if (i >= 2) s -= (l2[i] as number) * (z[i - 2] as number);
    z[i] = s / (l0[i] as number);
  }
  const trend = new Float64Array(T);
  for (let i = T - 1; i >= 0; i--) {
    let s = z[i] as number;
    if (i + 1 < T) s -= (l1[i + 1] as number) * (trend[i + 1] as number);
    if (i + 2 < T) s -= (l2[i + 2] as number) * (trend[i + 2] as number);
    trend[i] = s / (l0[i] as number);
  }
  const cycle = new Float64Array(T);
  for (let i = 0; i < T; i++) cycle[i] = (y[i] as number) - (trend[i] as number);
  return { trend, cycle, lambda };
}
