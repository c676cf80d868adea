/**
 * Chain-linking a constant-price series whose price base changes (不变价序列的链式衔接), and the implicit
 * deflator. NBS publishes GDP "at constant prices" in the prices of a base year that moves every five
 * years (1980, 1990, 2000, 2005, 2010, 2015, 2020 prices): within a segment the values are comparable,
 * across segments they are not. In the first year y of a new base b = y − 1, the previous year's value
 * at b prices is its current-price value, so the real growth of y is C_y / N_{y−1}; elsewhere it is
 * C_y / C_{y−1}. Chaining those growth factors from one year's current-price value gives the whole
 * series at that year's prices, and the implicit deflator 100·N_t / R_t.
 */
import { CoreError } from "../errors.js";
import { type YearSeries, yearMap } from "./codes.js";

export interface ChainConstantPricesOptions {
  /** values at constant prices (segments of different price bases) */
  readonly constant: YearSeries;
  /** values at current prices, for the same years */
  readonly nominal: YearSeries;
  /** the first years in a new base's prices (e.g. 2021 for 2020 prices) */
  readonly rebasedYears: readonly number[];
  /** the year whose prices the chained series is in (its value = the nominal value) @default the last base year in range */
  readonly base?: number;
}

export interface ChainedYear {
  readonly year: number;
  readonly nominal: number;
  /** the value at constant prices as published */
  readonly constant: number;
  /** the price base of `constant`: the year before the last rebasing year ≤ year (null before the first) */
  readonly priceBase: number | null;
  /** real growth factor from the previous year (null in the first year) */
  readonly growth: number | null;
  /** chained real value at `base` prices */
  readonly real: number;
  /** implicit deflator, base year = 100 */
  readonly deflator: number;
}

export interface ChainConstantPricesResult {
  readonly base: number;
  readonly years: readonly ChainedYear[];
}

/**
 * Chains a constant-price series across its changes of price base (不变价链式衔接与隐含平减指数).
 *
 * @param options - {@link ChainConstantPricesOptions}
 * @returns the consecutive years where both series have a value, at `base` prices, with the deflator
 * @throws {CoreError} non_finite; invalid_argument (reason duplicate_year / year_not_integer;
 *   years_not_consecutive — a gap in the common years; year_not_found — base outside them;
 *   non_positive_level — a value ≤ 0); too_few_observations (no common year)
 * @example
 * chainConstantPrices({ constant: [{year: 2020, value: 100}, {year: 2021, value: 120}],
 *   nominal: [{year: 2020, value: 110}, {year: 2021, value: 130}], rebasedYears: [2021] }).years[0].real;
 * // => 110 / (120 / 110) (base 2020: 2021 grew by 120/110 at 2020 prices)
 * @see NBS, 《中国国民经济核算体系（2016）》 on constant-price GDP and its base years.
 */
export function chainConstantPrices(options: ChainConstantPricesOptions): ChainConstantPricesResult {
  const fn = "chainConstantPrices";
  const constant = yearMap(options.constant, "constant", fn);
  const nominal = yearMap(options.nominal, "nominal", fn);
  const years = [...constant.keys()].filter((y) => nominal.has(y)).sort((a, b) => a - b);
  if (years.length === 0)
    throw new CoreError("too_few_observations", { function: fn, argument: "constant", received: 0, required: 1 });
  const gaps: number[] = [];
  for (let i = 1; i < years.length; i++)
    for (let y = (years[i - 1] as number) + 1; y < (years[i] as number); y++) gaps.push(y);
  if (gaps.length > 0)
    throw new CoreError("invalid_argument", {
      function: fn,
      argument: "constant",
      reason: "years_not_consecutive",
      value: gaps.slice(0, 20),
    });
  const C = (y: number) => constant.get(y) as number;
  const N = (y: number) => nominal.get(y) as number;
  for (const y of years)
    if (!(C(y) > 0) || !(N(y) > 0))
      throw new CoreError("invalid_argument", {
        function: fn,
        argument: "constant",
        reason: "non_positive_level",
        year: y,
      });
  const rebased = new Set(options.rebasedYears);
  const first = years[0] as number;
  const last = years[years.length - 1] as number;
  const bases = [...rebased].filter((y) => y - 1 >= first && y - 1 <= last).sort((a, b) => a - b);
  const base = options.base ?? (bases.length > 0 ? (bases[bases.length - 1] as number) - 1 : last);
  if (!years.includes(base))
    throw new CoreError("invalid_argument", { function: fn, argument: "base", reason: "year_not_found", value: base });
  // the chain index I_t (I_base = 1), forward and backward from the base
  const growth = new Map<number, number>();
  for (let i = 1; i < years.length; i++) {
    const y = years[i] as number;
    growth.set(y, C(y) / (rebased.has(y) ? N(y - 1) : C(y - 1)));
  }
  const index = new Map<number, number>([[base, 1]]);
  for (let y = base + 1; y <= last; y++) index.set(y, (index.get(y - 1) as number) * (growth.get(y) as number));
  for (let y = base - 1; y >= first; y--) index.set(y, (index.get(y + 1) as number) / (growth.get(y + 1) as number));
  const sortedRebased = [...rebased].sort((a, b) => a - b);
  return {
    base,
    years: years.map((year) => {
      const real = N(base) * (index.get(year) as number);
      const firstInBase = sortedRebased.filter((b) => b <= year).pop();
      return {
        year,
        nominal: N(year),
        constant: C(year),
        priceBase: firstInBase === undefined ? null : firstInBase - 1,
        growth: growth.get(year) ?? null,
        real,
        deflator: (100 * N(year)) / real,
      };
    }),
  };
}
