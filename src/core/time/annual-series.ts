/**
 * Annual series from values known at benchmark years (年度序列): a general time utility. Each requested
 * year gets the benchmark value of that year, an interpolation between the surrounding benchmark
 * years, or — outside their range — the nearest benchmark held constant, and every row says which.
 * The IO-specific parts (interpolating coefficient matrices, RAS) live in `core/io-analysis/annualise.ts`
 * and plug in through `options.interpolate` and `compute`.
 */
import { type Diagnostic, diagnostic } from "../diagnostics.js";
import { CoreError } from "../errors.js";

/**
 * Where an annual value comes from (recorded on every annual row): a benchmark ("table") year, an
 * interpolation, a held extrapolation — or "ras", set by IO callers that RAS-update a held or
 * interpolated year (never produced by {@link annualSeries} itself).
 */
export type AnnualSource = "table" | "interpolated" | "extrapolated_hold" | "ras";

/**
 * Year check shared with `core/io-analysis/annualise.ts` (module-level, not in the core index): throws
 * `invalid_argument` (reason "year_not_integer"; params argument, received) unless v is an integer.
 */
export function checkYear(v: number, name: string, fn: string): void {
  if (!Number.isInteger(v))
    throw new CoreError("invalid_argument", { function: fn, argument: name, received: v, reason: "year_not_integer" });
}

/** One table-year input of {@link annualSeries}. */
export interface AnnualTable<T> {
  readonly year: number;
  readonly table: T;
}

export interface AnnualSeriesOptions<T> {
  /** interpolation between two table-year values with weight w ∈ (0, 1); required if a year falls between tables */
  readonly interpolate?: (earlier: T, later: T, weight: number) => T;
  /** years outside the table range: hold the nearest table ("hold") or throw ("error") @default "hold" */
  readonly extrapolate?: "hold" | "error";
}

/** One output row: the computed value and where its input came from. */
export interface AnnualRow<R> {
  readonly year: number;
  readonly source: AnnualSource;
  /** table year(s) used: [τ] for table/hold, [τ1, τ2] for interpolation */
  readonly tableYears: readonly number[];
  /** interpolation weight of the later table (interpolated rows only) */
  readonly weight?: number;
  readonly result: R;
}

export interface AnnualSeriesResult<R> {
  readonly rows: readonly AnnualRow<R>[];
  readonly diagnostics: Diagnostic[];
}

/**
 * Annual series from benchmark values (年度序列), e.g. IO tables: for each requested year t, the value of year t
 * (source "table"), an interpolation between the surrounding table years τ1 < t < τ2 ("interpolated",
 * via `options.interpolate`, e.g. `interpolateLinkageInput` for IO tables), or — outside the table range —
 * the nearest table held constant ("extrapolated_hold", spec default `extrapolate='hold'`); then
 * `compute(value, year, source)`. Every row states its `source` and table years, and each
 * non-table year adds an `interpolated` or `extrapolated_hold` diagnostic.
 *
 * @param tables - table-year values (any order, distinct integer years, at least one)
 * @param years - requested years (integers; output rows follow this order)
 * @param compute - the method applied to each year's value (e.g. `(v) => linkages(v)`)
 * @param options - {@link AnnualSeriesOptions}
 * @returns `{rows: [{year, source, tableYears, weight?, result}], diagnostics}`
 * @throws {CoreError} too_few_observations (no tables); invalid_argument (duplicate or non-integer
 *   years, an interpolated year without `interpolate`, extrapolation with "error"); anything `compute` throws
 * @example
 * annualSeries([{ year: 2017, table: 10 }, { year: 2020, table: 16 }], [2017, 2018, 2021], (v) => v,
 *   { interpolate: (a, b, w) => a + w * (b - a) }).rows.map((r) => [r.result, r.source]);
 * // => [[10, "table"], [12, "interpolated"], [16, "extrapolated_hold"]]
 * // IO tables: annualSeries(tables, years, (v) => linkages(v).influence, { interpolate: interpolateLinkageInput })
 * @see spec methods §5.7 (annualisation); Miller & Blair (2009), §7.1.
 */
export function annualSeries<T, R>(
  tables: readonly AnnualTable<T>[],
  years: readonly number[],
  compute: (value: T, year: number, source: AnnualSource) => R,
  options: AnnualSeriesOptions<T> = {},
): AnnualSeriesResult<R> {
  const fn = "annualSeries";
  const extrapolate = options.extrapolate ?? "hold";
  if (extrapolate !== "hold" && extrapolate !== "error") {
    throw new CoreError("invalid_argument", {
      function: fn,
      option: "extrapolate",
      received: extrapolate,
      expected: ["hold", "error"],
    });
  }
  if (tables.length === 0)
    throw new CoreError("too_few_observations", { function: fn, argument: "tables", received: 0, required: 1 });
  const sorted = [...tables].sort((a, b) => a.year - b.year);
  sorted.forEach((t, k) => {
    checkYear(t.year, "tables.year", fn);
    if (k > 0 && (sorted[k - 1] as AnnualTable<T>).year === t.year) {
      throw new CoreError("invalid_argument", {
        function: fn,
        argument: "tables",
        reason: "duplicate_year",
        year: t.year,
      });
    }
  });
  const first = sorted[0] as AnnualTable<T>;
  const last = sorted[sorted.length - 1] as AnnualTable<T>;
  const diagnostics: Diagnostic[] = [];
  const rows: AnnualRow<R>[] = years.map((year) => {
    checkYear(year, "years", fn);
    const exact = sorted.find((t) => t.year === year);
    if (exact) return { year, source: "table", tableYears: [year], result: compute(exact.table, year, "table") };
    if (year < first.year || year > last.year) {
      const held = year < first.year ? first : last;
      if (extrapolate === "error") {
        throw new CoreError("invalid_argument", {
          function: fn,
          argument: "years",
          reason: "outside_table_years",
          year,
          from: first.year,
          to: last.year,
        });
      }
      diagnostics.push(diagnostic("extrapolated_hold", "warning", { from: held.year, to: year }));
      return {
        year,
        source: "extrapolated_hold",
        tableYears: [held.year],
        result: compute(held.table, year, "extrapolated_hold"),
      };
    }
    let k = 0;
    while ((sorted[k + 1] as AnnualTable<T>).year < year) k++;
    const a = sorted[k] as AnnualTable<T>;
    const b = sorted[k + 1] as AnnualTable<T>;
    if (!options.interpolate) {
      throw new CoreError("invalid_argument", {
        function: fn,
        option: "interpolate",
        reason: "interpolate_required",
        year,
      });
    }
    const w = (year - a.year) / (b.year - a.year);
    diagnostics.push(
      diagnostic("interpolated", "info", { from: a.year, to: b.year, year, weight: w, method: "linear" }),
    );
    const value = options.interpolate(a.table, b.table, w);
    return {
      year,
      source: "interpolated",
      tableYears: [a.year, b.year],
      weight: w,
      result: compute(value, year, "interpolated"),
    };
  });
  return { rows, diagnostics };
}
