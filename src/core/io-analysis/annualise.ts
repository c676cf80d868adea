/**
 * Annual coefficients between IO table years (年度系数插值、RAS 更新), spec §5.7.
 */
import { type Diagnostic, diagnostic } from "../diagnostics.js";
import { CoreError } from "../errors.js";
import { type Matrix, matrix } from "../linalg/matrix.js";
import { neumaierSum, neumaierSumStrided } from "../stats/summation.js";
import { checkEnum, checkFiniteMatrix, checkVector } from "./checks.js";
import type { CoefficientLinkageInput } from "./linkages.js";

/** Where an annual value comes from (recorded on every annual row). `ras` is set by callers that RAS-update. */
export type AnnualSource = "table" | "interpolated" | "extrapolated_hold" | "ras";

export interface InterpolatedCoefficientsResult {
  /** A_t */
  readonly A: Matrix;
  /** w = (t − τ1)/(τ2 − τ1) ∈ [0, 1] */
  readonly weight: number;
  /** "table" when t equals τ1 or τ2, else "interpolated" */
  readonly source: "table" | "interpolated";
  readonly diagnostics: Diagnostic[];
}

function checkYear(v: number, name: string, fn: string): void {
  if (!Number.isInteger(v))
    throw new CoreError("invalid_argument", { function: fn, argument: name, received: v, reason: "year_not_integer" });
}

/**
 * Linear interpolation of coefficient matrices between two table years (系数线性插值, `interpolate_A`):
 * A_t = A_τ1 + (t − τ1)/(τ2 − τ1)·(A_τ2 − A_τ1), element-wise, for τ1 ≤ t ≤ τ2.
 *
 * Modelling choices: only interpolation (no extrapolation — hold or RAS past the last table is a
 * separate, explicit step, see {@link annualSeries} and {@link ras}); convex combinations of
 * nonnegative productive A with column sums < 1 stay so. At t = τ1 or τ2 the table matrix is returned
 * (copied) with source "table"; otherwise the `interpolated` diagnostic is emitted.
 *
 * @param A1 - coefficients of table year τ1
 * @param year1 - τ1 (integer)
 * @param A2 - coefficients of table year τ2 (same shape as A1)
 * @param year2 - τ2 > τ1 (integer)
 * @param year - t, τ1 ≤ t ≤ τ2 (integer)
 * @returns `{A, weight, source, diagnostics}`
 * @throws {CoreError} dimension_mismatch (shapes differ); non_finite; invalid_argument (non-integer
 *   years, τ2 ≤ τ1, t outside [τ1, τ2])
 * @example
 * interpolateCoefficients(fromRows([[0.1, 0.2], [0.3, 0.05]]), 2017, fromRows([[0.16, 0.11], [0.27, 0.08]]), 2020, 2019).A;
 * // ≈ [[0.14, 0.14], [0.28, 0.07]]
 * @see spec methods §5.7; Miller & Blair (2009), §7.1 (temporal change in coefficients).
 * Complexity O(n²).
 */
export function interpolateCoefficients(
  A1: Matrix,
  year1: number,
  A2: Matrix,
  year2: number,
  year: number,
): InterpolatedCoefficientsResult {
  const fn = "interpolateCoefficients";
  if (A1.rows !== A2.rows || A1.cols !== A2.cols) {
    throw new CoreError("dimension_mismatch", {
      function: fn,
      argument: "A2",
      expected: [A1.rows, A1.cols],
      received: [A2.rows, A2.cols],
    });
  }
  checkFiniteMatrix(A1, "A1", fn);
  checkFiniteMatrix(A2, "A2", fn);
  checkYear(year1, "year1", fn);
  checkYear(year2, "year2", fn);
  checkYear(year, "year", fn);
  if (!(year2 > year1))
    throw new CoreError("invalid_argument", {
      function: fn,
      argument: "year2",
      received: year2,
      expected: `> ${year1}`,
    });
  if (year < year1 || year > year2) {
    throw new CoreError("invalid_argument", {
      function: fn,
      argument: "year",
      received: year,
      expected: [year1, year2],
    });
  }
  if (year === year1)
    return { A: matrix(A1.rows, A1.cols, Float64Array.from(A1.data)), weight: 0, source: "table", diagnostics: [] };
  if (year === year2)
    return { A: matrix(A2.rows, A2.cols, Float64Array.from(A2.data)), weight: 1, source: "table", diagnostics: [] };
  const w = (year - year1) / (year2 - year1);
  const a = new Float64Array(A1.data.length);
  for (let k = 0; k < a.length; k++) {
    const v1 = A1.data[k] as number;
    a[k] = v1 + w * ((A2.data[k] as number) - v1);
  }
  return {
    A: matrix(A1.rows, A1.cols, a),
    weight: w,
    source: "interpolated",
    diagnostics: [diagnostic("interpolated", "info", { from: year1, to: year2, year, weight: w, method: "linear" })],
  };
}

export interface RasOptions {
  /** convergence when max(|Z1 − u|, |1ᵀZ − v|) < tolerance·max(u) @default 1e-10 */
  readonly tolerance?: number;
  /** iteration limit (one iteration = one row scaling + one column scaling) @default 1000 */
  readonly maxIterations?: number;
}

export interface RasResult {
  /** balanced matrix Z = diag(r) Z0 diag(s) */
  readonly Z: Matrix;
  /** cumulative row multipliers r */
  readonly rowMultipliers: Float64Array;
  /** cumulative column multipliers s */
  readonly columnMultipliers: Float64Array;
  readonly iterations: number;
  /** final max(|Z1 − u|, |1ᵀZ − v|) */
  readonly maxDeviation: number;
  /** the column targets actually used (v rescaled to Σu when Σu ≠ Σv) */
  readonly columnTargets: Float64Array;
  readonly diagnostics: Diagnostic[];
}

/**
 * RAS biproportional matrix balancing (RAS 双比例平衡法): finds Z = diag(r)·Z0·diag(s) with row sums u
 * and column sums v, by alternately scaling rows (r = u / Z1) and columns (s = v / 1ᵀZ) until
 * max(|Z1 − u|, |1ᵀZ − v|) < tolerance·max(u).
 *
 * Modelling choices: Z0 ≥ 0 and u, v ≥ 0 are required. Σu = Σv is a precondition; otherwise v is
 * rescaled to Σu and `ras_targets_rescaled` (params factor, sumU, sumV) is emitted — the mismatch is
 * reported, not hidden. A row (column) of Z0 that is entirely zero with a positive target cannot be
 * met: `ras_infeasible`. Zero cells stay zero (RAS preserves the sparsity pattern). On success
 * `ras_converged` (iterations, maxDeviation) is emitted; past `maxIterations` the call throws.
 * Typical use (spec §5.7): Z0 = A_prior·diag(x_t), u = intermediate output of year t, v = x_t − VA_t.
 *
 * @param Z0 - m×n prior flows (nonnegative)
 * @param u - target row sums (length m, ≥ 0)
 * @param v - target column sums (length n, ≥ 0)
 * @param options - {@link RasOptions}
 * @returns `{Z, rowMultipliers, columnMultipliers, iterations, maxDeviation, columnTargets, diagnostics}`
 * @throws {CoreError} dimension_mismatch; non_finite; negative_flow (z0_ij < 0); invalid_argument
 *   (negative target, tolerance ≤ 0, maxIterations < 1, Σu = 0 < Σv); ras_infeasible (zero row/column
 *   with positive target); ras_not_converged (params iterations, maxDeviation, tolerance)
 * @example
 * ras(fromRows([[24, 45], [12, 60]]), [70, 50], [40, 80]).Z; // ≈ [[29.347749, 40.652251], [10.652251, 39.347749]]
 * @see Miller & Blair (2009), §7.4, eq. (7.13)–(7.20) (the RAS technique); Stone (1961); Bacharach (1970).
 * Complexity O(k·m·n) for k iterations.
 */
export function ras(Z0: Matrix, u: ArrayLike<number>, v: ArrayLike<number>, options: RasOptions = {}): RasResult {
  const fn = "ras";
  const tol = options.tolerance ?? 1e-10;
  const maxIt = options.maxIterations ?? 1000;
  if (!(tol > 0)) throw new CoreError("invalid_argument", { function: fn, option: "tolerance", received: tol });
  if (!Number.isInteger(maxIt) || maxIt < 1)
    throw new CoreError("invalid_argument", { function: fn, option: "maxIterations", received: maxIt });
  const m = Z0.rows;
  const n = Z0.cols;
  checkFiniteMatrix(Z0, "Z0", fn);
  checkVector(u, m, "u", fn);
  checkVector(v, n, "v", fn);
  for (let k = 0; k < Z0.data.length; k++) {
    const val = Z0.data[k] as number;
    if (val < 0)
      throw new CoreError("negative_flow", {
        function: fn,
        argument: "Z0",
        row: Math.floor(k / n),
        col: k % n,
        value: val,
      });
  }
  for (const [name, t] of [
    ["u", u],
    ["v", v],
  ] as const) {
    for (let i = 0; i < t.length; i++) {
      if ((t[i] as number) < 0)
        throw new CoreError("invalid_argument", {
          function: fn,
          argument: name,
          index: i,
          value: t[i],
          expected: ">= 0",
        });
    }
  }
  const diagnostics: Diagnostic[] = [];
  const sumU = neumaierSum(u);
  const sumV = neumaierSum(v);
  const target = Float64Array.from(v);
  let maxU = 0;
  for (let i = 0; i < m; i++) maxU = Math.max(maxU, u[i] as number);
  if (sumU !== sumV && Math.abs(sumU - sumV) > tol * maxU) {
    if (!(sumV > 0) || !(sumU > 0)) {
      throw new CoreError("invalid_argument", {
        function: fn,
        argument: "v",
        reason: "targets_not_rescalable",
        sumU,
        sumV,
      });
    }
    const factor = sumU / sumV;
    for (let j = 0; j < n; j++) target[j] = (target[j] as number) * factor;
    diagnostics.push(diagnostic("ras_targets_rescaled", "warning", { factor, sumU, sumV }));
  }
  const z = Float64Array.from(Z0.data);
  for (let i = 0; i < m; i++) {
    if ((u[i] as number) > 0 && neumaierSumStrided(z, i * n, 1, n) === 0) {
      throw new CoreError("ras_infeasible", { function: fn, axis: "row", index: i, target: u[i] });
    }
  }
  for (let j = 0; j < n; j++) {
    if ((target[j] as number) > 0 && neumaierSumStrided(z, j, n, m) === 0) {
      throw new CoreError("ras_infeasible", { function: fn, axis: "column", index: j, target: target[j] });
    }
  }
  const r = new Float64Array(m).fill(1);
  const s = new Float64Array(n).fill(1);
  const threshold = tol * maxU;
  let dev = Number.POSITIVE_INFINITY;
  let it = 0;
  const deviation = (): number => {
    let d = 0;
    for (let i = 0; i < m; i++) d = Math.max(d, Math.abs(neumaierSumStrided(z, i * n, 1, n) - (u[i] as number)));
    for (let j = 0; j < n; j++) d = Math.max(d, Math.abs(neumaierSumStrided(z, j, n, m) - (target[j] as number)));
    return d;
  };
  if (maxU === 0 && sumV === 0) {
    z.fill(0);
    dev = 0;
  }
  while (dev > 0 && it < maxIt) {
    it++;
    for (let i = 0; i < m; i++) {
      const rs = neumaierSumStrided(z, i * n, 1, n);
      const f = rs === 0 ? 1 : (u[i] as number) / rs;
      r[i] = (r[i] as number) * f;
      for (let j = 0; j < n; j++) z[i * n + j] = (z[i * n + j] as number) * f;
    }
    for (let j = 0; j < n; j++) {
      const cs = neumaierSumStrided(z, j, n, m);
      if (cs === 0 && (target[j] as number) > 0) {
        throw new CoreError("ras_infeasible", {
          function: fn,
          axis: "column",
          index: j,
          target: target[j],
          iteration: it,
        });
      }
      const f = cs === 0 ? 1 : (target[j] as number) / cs;
      s[j] = (s[j] as number) * f;
      for (let i = 0; i < m; i++) z[i * n + j] = (z[i * n + j] as number) * f;
    }
    dev = deviation();
    if (dev < threshold) break;
  }
  if (!(dev < threshold) && dev !== 0) {
    throw new CoreError("ras_not_converged", {
      function: fn,
      iterations: it,
      maxDeviation: dev,
      tolerance: tol,
      threshold,
    });
  }
  diagnostics.push(diagnostic("ras_converged", "info", { iterations: it, maxDeviation: dev, tolerance: tol }));
  return {
    Z: matrix(m, n, z),
    rowMultipliers: r,
    columnMultipliers: s,
    iterations: it,
    maxDeviation: dev,
    columnTargets: target,
    diagnostics,
  };
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
 * Annual series from benchmark IO tables (年度序列): for each requested year t, the table of year t
 * (source "table"), an interpolation between the surrounding table years τ1 < t < τ2 ("interpolated",
 * via `options.interpolate`, e.g. {@link interpolateLinkageInput}), or — outside the table range —
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
 * annualSeries([{ year: 2017, table: a17 }, { year: 2020, table: a20 }], [2017, 2018, 2021],
 *   (v) => linkages(v).influence, { interpolate: interpolateLinkageInput });
 * // rows[1].source === "interpolated", rows[2].source === "extrapolated_hold"
 * @see spec methods §5.7 (annualisation); Miller & Blair (2009), §7.1.
 */
export function annualSeries<T, R>(
  tables: readonly AnnualTable<T>[],
  years: readonly number[],
  compute: (value: T, year: number, source: AnnualSource) => R,
  options: AnnualSeriesOptions<T> = {},
): AnnualSeriesResult<R> {
  const fn = "annualSeries";
  const extrapolate = checkEnum(options.extrapolate ?? "hold", ["hold", "error"], "extrapolate", fn);
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

/**
 * Linear interpolation of a coefficient-level linkage input (A, x and f element-wise) with weight w of
 * the later table — the spec §5.7 rule "final-demand/output weights interpolated the same way".
 * Intended as `options.interpolate` of {@link annualSeries}.
 *
 * @param earlier - `{A, x, finalDemandTotal?}` of τ1
 * @param later - the same for τ2 (same n)
 * @param weight - w ∈ [0, 1]
 * @returns `{A, x, finalDemandTotal?}` = (1 − w)·earlier + w·later (f only if both have it)
 * @throws {CoreError} dimension_mismatch; invalid_argument (w outside [0, 1])
 * @example
 * interpolateLinkageInput(a2017, a2020, 2 / 3).A; // A_2019
 * @see spec methods §5.7.
 */
export function interpolateLinkageInput(
  earlier: CoefficientLinkageInput,
  later: CoefficientLinkageInput,
  weight: number,
): CoefficientLinkageInput {
  const fn = "interpolateLinkageInput";
  if (!(weight >= 0 && weight <= 1))
    throw new CoreError("invalid_argument", { function: fn, argument: "weight", received: weight, expected: [0, 1] });
  const n = earlier.A.rows;
  if (later.A.rows !== n || later.A.cols !== earlier.A.cols) {
    throw new CoreError("dimension_mismatch", {
      function: fn,
      argument: "later.A",
      expected: n,
      received: later.A.rows,
    });
  }
  const lerp = (p: ArrayLike<number>, q: ArrayLike<number>, name: string): Float64Array => {
    if (p.length !== q.length)
      throw new CoreError("dimension_mismatch", {
        function: fn,
        argument: name,
        expected: p.length,
        received: q.length,
      });
    const out = new Float64Array(p.length);
    for (let k = 0; k < out.length; k++) out[k] = (p[k] as number) + weight * ((q[k] as number) - (p[k] as number));
    return out;
  };
  const A = matrix(n, earlier.A.cols, lerp(earlier.A.data, later.A.data, "A"));
  const x = lerp(earlier.x, later.x, "x");
  if (earlier.finalDemandTotal !== undefined && later.finalDemandTotal !== undefined) {
    return { A, x, finalDemandTotal: lerp(earlier.finalDemandTotal, later.finalDemandTotal, "finalDemandTotal") };
  }
  return { A, x };
}
