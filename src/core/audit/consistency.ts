/**
 * Consistency rules for printed figures (公布数据一致性核对), spec §0.4, §10.2–10.3: do printed parts add
 * up to a printed total within their rounding; what bases do printed growth rates imply; which smallest
 * denominator can a vector of printed shares come from. Pure arithmetic on numbers as printed — the
 * audit of the published reference dataset is built on these (share sums: `sumCheck` in tiers).
 */
import { CoreError } from "../errors.js";
import { neumaierSum } from "../stats/summation.js";

function finite(values: readonly number[], argument: string, fn: string): void {
  values.forEach((v, index) => {
    if (!Number.isFinite(v)) throw new CoreError("non_finite", { function: fn, argument, index, value: v });
  });
}

function decimalsOk(d: number, fn: string): void {
  if (!Number.isInteger(d) || d < 0 || d > 12)
    throw new CoreError("invalid_argument", {
      function: fn,
      argument: "decimals",
      reason: "non_negative_integer",
      value: d,
    });
}

export interface PartsTotalCheck {
  /** Σ parts */
  readonly sum: number;
  readonly total: number;
  /** Σ parts − total */
  readonly difference: number;
  /** (n + 1)·½·10^−d: every part and the total may be off by half a unit of the last printed digit */
  readonly tolerance: number;
  readonly consistent: boolean;
}

/**
 * Do printed parts add up to a printed total (分项与合计核对)? Each of the n parts and the total is
 * rounded to d decimals, so the sum may differ from the total by up to (n + 1)·½·10^−d.
 * @param parts - the printed parts
 * @param total - the printed total
 * @param decimals - d, the decimals printed (all in the same unit)
 * @throws {CoreError} non_finite; invalid_argument (decimals not an integer in 0…12); too_few_observations (no parts)
 * @example partsTotalCheck([1.25, 2.5, 3.75], 7.51, 2); // => { sum: 7.5, difference: −0.01, tolerance: 0.02, consistent: true }
 */
export function partsTotalCheck(parts: readonly number[], total: number, decimals: number): PartsTotalCheck {
  const fn = "partsTotalCheck";
  if (parts.length === 0)
    throw new CoreError("too_few_observations", { function: fn, argument: "parts", received: 0, required: 1 });
  finite(parts, "parts", fn);
  finite([total], "total", fn);
  decimalsOk(decimals, fn);
  const sum = neumaierSum(Float64Array.from(parts));
  const difference = sum - total;
  const tolerance = (parts.length + 1) * 0.5 * 10 ** -decimals;
  return {
    sum,
    total,
    difference,
    tolerance,
    consistent: Math.abs(difference) <= tolerance + 1e-12 * Math.max(1, Math.abs(total)),
  };
}

export interface ImpliedBases {
  /** X_t / (1 + g_t) for each part */
  readonly bases: readonly number[];
  /** Σ bases */
  readonly baseSum: number;
  /** growth of the sum from the parts: Σ X_t / Σ X_{t−1} − 1 (never the mean of the growth rates) */
  readonly aggregateGrowth: number;
}

/**
 * Previous-period levels implied by printed levels and growth rates (由增速反推基期), and the growth of
 * their sum.
 * @param values - the printed levels X_t
 * @param growth - the printed growth rates g_t as fractions (0.1 for 10 %), one per value
 * @throws {CoreError} dimension_mismatch; non_finite; invalid_argument (a rate ≤ −1)
 * @example impliedBases([110, 60], [0.1, 0.2]); // => { bases: [100, 50], baseSum: 150, aggregateGrowth: 0.13333… }
 */
export function impliedBases(values: readonly number[], growth: readonly number[]): ImpliedBases {
  const fn = "impliedBases";
  if (growth.length !== values.length)
    throw new CoreError("dimension_mismatch", {
      function: fn,
      argument: "growth",
      expected: values.length,
      received: growth.length,
    });
  finite(values, "values", fn);
  finite(growth, "growth", fn);
  growth.forEach((g, index) => {
    if (g <= -1)
      throw new CoreError("invalid_argument", {
        function: fn,
        argument: "growth",
        reason: "must_be_positive",
        index,
        value: g,
      });
  });
  const bases = values.map((x, i) => x / (1 + (growth[i] as number)));
  const baseSum = neumaierSum(Float64Array.from(bases));
  const sum = neumaierSum(Float64Array.from(values));
  return { bases, baseSum, aggregateGrowth: sum / baseSum - 1 };
}

export interface RecoveredDenominator {
  /** the smallest N ≤ maxN for which every share is k/N rounded to d decimals; null when none */
  readonly denominator: number | null;
  /** the counts k for that N, in the order of the shares */
  readonly counts: readonly number[] | null;
}

/**
 * The smallest denominator a vector of printed shares can come from (分母反推, spec §0.4): N such that
 * every share s (percent, printed to d decimals) equals 100·k/N for an integer k within half a unit of
 * the last digit.
 * @param shares - printed shares in percent
 * @param decimals - d
 * @param maxN - the largest denominator tried @default 10 000
 * @throws {CoreError} non_finite; invalid_argument (decimals; a share outside [0, 100]; maxN not a positive integer)
 * @example recoverDenominator([50, 25], 0); // => { denominator: 4, counts: [2, 1] }
 */
export function recoverDenominator(shares: readonly number[], decimals: number, maxN = 10_000): RecoveredDenominator {
  const fn = "recoverDenominator";
  finite(shares, "shares", fn);
  decimalsOk(decimals, fn);
  if (!Number.isInteger(maxN) || maxN < 1)
    throw new CoreError("invalid_argument", {
      function: fn,
      argument: "maxN",
      reason: "positive_integer",
      value: maxN,
    });
  shares.forEach((s, index) => {
    if (s < 0 || s > 100)
      throw new CoreError("invalid_argument", {
        function: fn,
        argument: "shares",
        reason: "share_out_of_range",
        index,
        value: s,
      });
  });
  const half = 0.5 * 10 ** -decimals + 1e-9;
  for (let N = 1; N <= maxN; N++) {
    const counts: number[] = [];
    let ok = true;
    for (const s of shares) {
      const k = Math.round((s * N) / 100);
      if (Math.abs((100 * k) / N - s) > half) {
        ok = false;
        break;
      }
      counts.push(k);
    }
    if (ok) return { denominator: N, counts };
  }
  return { denominator: null, counts: null };
}
