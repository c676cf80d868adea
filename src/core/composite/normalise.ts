/**
 * Normalisation of an entities×indicators matrix (指标标准化 / 无量纲化) — spec §12.3 step 2 and §2.3
 * step 3; OECD/JRC *Handbook on Constructing Composite Indicators* (2008), §1.5 and Table 3.
 */
import { CoreError } from "../errors.js";
import { type Matrix, matrix } from "../linalg/matrix.js";
import { checkFiniteMatrix, checkFiniteVector, checkYears, resolveDirections } from "./checks.js";
import { type CompositeDiagnostic, compositeDiagnostic } from "./codes.js";

/**
 * Normalisation methods (标准化方法):
 * - `minmax` (极差标准化): r = (x − min)/(max − min) for +, (max − x)/(max − min) for −, then + shift;
 *   goalposts within each group of rows (`groups`, e.g. the year of each row), or over all rows.
 * - `panel_minmax`: the same with goalposts pooled over all rows (all years) — the default for trends.
 * - `zscore` (Z 分数): (x − mean)/sd within each group, sign flipped for −.
 * - `benchmark` (基准比值): r = min(cap, x/b)/cap for +, min(cap, b/x)/cap for −, b the benchmark.
 * - `efficacy` (功效系数法): 60 + 40·r with r the min–max score.
 * - `base_year` (定基指数): I = 100·x/x_b, x_b the value of the same series in the base year.
 * - `mean` (均值化指数): I = 100·x/mean_W(x), the mean over a window of years of the same series.
 */
export type NormalisationMethod =
  | "minmax"
  | "panel_minmax"
  | "zscore"
  | "benchmark"
  | "efficacy"
  | "base_year"
  | "mean";

/** The normalisation methods, in a stable order (for option lists). */
export const NORMALISATION_METHODS: readonly NormalisationMethod[] = [
  "minmax",
  "panel_minmax",
  "zscore",
  "benchmark",
  "efficacy",
  "base_year",
  "mean",
];

export interface NormaliseOptions {
  /** the method (see {@link NormalisationMethod}) */
  readonly method: NormalisationMethod;
  /**
   * +1 (benefit, 正向) or −1 (cost, 逆向) per indicator. Ratio indices (`base_year`, `mean`) keep the
   * original polarity and accept only +1.
   * @default all +1
   */
  readonly directions?: ArrayLike<number>;
  /**
   * added to every min–max score (`minmax`, `panel_minmax`) of a non-constant indicator, e.g. 0.0001
   * to keep entropy logarithms finite
   * @default 0
   */
  readonly shift?: number;
  /**
   * a label per row; `minmax`, `zscore`, `benchmark`, `efficacy` compute their goalposts within the rows
   * sharing a label (pass the year of each row for per-year normalisation). Ignored by `panel_minmax`.
   * @default one group (all rows)
   */
  readonly groups?: ArrayLike<number>;
  /** `benchmark`: the benchmark value b per indicator (e.g. the national value), > 0 */
  readonly benchmark?: ArrayLike<number>;
  /**
   * `benchmark`: the cap of the ratio
   * @default 1.5
   */
  readonly cap?: number;
  /**
   * `zscore`: the standard deviation, "sample" (divisor m − 1, as R `scale` and COINr `n_zscore`) or
   * "population" (divisor m, numpy's default)
   * @default "sample"
   */
  readonly sd?: "sample" | "population";
  /** `base_year`, `mean`: the year of each row (increasing within each series) */
  readonly years?: ArrayLike<number>;
  /** `base_year`, `mean`: a series label per row (e.g. the entity) @default one series */
  readonly series?: ArrayLike<number>;
  /** `base_year`: the base year (I_b = 100) */
  readonly baseYear?: number;
  /** `mean`: the window [from, to] of years whose mean is 100 @default all years of the series */
  readonly window?: readonly [number, number];
}

export interface NormaliseResult {
  /** the normalised matrix, same shape as the input */
  readonly values: Matrix;
  readonly method: NormalisationMethod;
  /**
   * 1 for an indicator that is constant (max = min, or sd = 0) in at least one group: its scores are 0
   * there (60 for `efficacy`) and weighting methods must force its weight to 0
   */
  readonly constant: Uint8Array;
  /** `constant_indicator` warnings (one per indicator and group) */
  readonly diagnostics: readonly CompositeDiagnostic[];
}

/** Row indices by group label, in order of first appearance. */
function groupRows(labels: ArrayLike<number> | undefined, m: number, fn: string, argument: string): Int32Array[] {
  if (labels === undefined) return [Int32Array.from({ length: m }, (_, i) => i)];
  if (labels.length !== m) {
    throw new CoreError("dimension_mismatch", { function: fn, argument, expected: m, received: labels.length });
  }
  checkFiniteVector(labels, argument, fn);
  const byLabel = new Map<number, number[]>();
  for (let i = 0; i < m; i++) {
    const g = labels[i] as number;
    const rows = byLabel.get(g);
    if (rows === undefined) byLabel.set(g, [i]);
    else rows.push(i);
  }
  return [...byLabel.values()].map((r) => Int32Array.from(r));
}

function minmaxInto(
  X: Matrix,
  out: Float64Array,
  rows: Int32Array,
  dirs: Int8Array,
  shift: number,
  scale: number,
  offset: number,
  constant: Uint8Array,
  diagnostics: CompositeDiagnostic[],
  group: number | undefined,
): void {
  const n = X.cols;
  const d = X.data;
  for (let j = 0; j < n; j++) {
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (const i of rows) {
      const v = d[i * n + j] as number;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    const range = hi - lo;
    if (!(range > 0)) {
      constant[j] = 1;
      for (const i of rows) out[i * n + j] = offset;
      diagnostics.push(
        compositeDiagnostic("constant_indicator", "warning", {
          indicator: j,
          value: lo,
          ...(group === undefined ? {} : { group }),
        }),
      );
      continue;
    }
    const plus = dirs[j] === 1;
    for (const i of rows) {
      const v = d[i * n + j] as number;
      const r = plus ? (v - lo) / range : (hi - v) / range;
      out[i * n + j] = offset + scale * r + shift;
    }
  }
}

/**
 * Normalises an entities×indicators matrix (指标标准化) by one of the methods of spec §12.3 / §2.3.
 *
 * Rows are observations (entities, or entity-years of a panel), columns indicators. Constant
 * indicators (max = min within a group; sd = 0 for `zscore`) get r = 0 (60 for `efficacy`, no shift)
 * in that group, are flagged in `constant` and reported as `constant_indicator` warnings; weighting
 * functions take the flag as `forcedZero` (spec §12.3: "weight forced to 0"). No value is imputed:
 * NaN is a contract violation here (imputation is an explicit, recorded step before normalisation).
 *
 * @param X - m×n matrix (finite)
 * @param options - {@link NormaliseOptions}
 * @returns `{values, method, constant, diagnostics}`
 * @throws {CoreError} non_finite; dimension_mismatch (directions, groups, benchmark, years, series);
 *   invalid_argument (reason invalid_direction; non_positive_base: a benchmark ≤ 0, a cost indicator
 *   value ≤ 0 under `benchmark`, a base-year or window mean ≤ 0; year_not_found: base year missing
 *   from a series; years_not_increasing; a bad shift, cap or window; directions −1 for a ratio index)
 * @example
 * const X = fromRows([[80, 10], [82, 40], [78, 90]]);
 * toRows(normalise(X, { method: "minmax", directions: [1, -1] }).values);
 * // => [[0.5, 1], [1, 0.625], [0, 0]]
 * @see OECD/JRC (2008), Handbook on Constructing Composite Indicators, §1.5 (normalisation, Table 3);
 *   spec §12.3 (minmax, panel_minmax, benchmark, zscore) and §2.3 (base_year, mean, efficacy).
 * Complexity O(m·n).
 */
export function normalise(X: Matrix, options: NormaliseOptions): NormaliseResult {
  const fn = "normalise";
  const { method } = options;
  const m = X.rows;
  const n = X.cols;
  checkFiniteMatrix(X, "X", fn);
  const dirs = resolveDirections(options.directions, n, fn);
  const shift = options.shift ?? 0;
  if (!Number.isFinite(shift))
    throw new CoreError("invalid_argument", { function: fn, option: "shift", received: shift });
  const out = new Float64Array(m * n);
  const constant = new Uint8Array(n);
  const diagnostics: CompositeDiagnostic[] = [];
  const d = X.data;
  const labelOf = (rows: Int32Array): number | undefined =>
    options.groups === undefined || rows.length === 0 ? undefined : (options.groups[rows[0] as number] as number);

  switch (method) {
    case "minmax":
    case "panel_minmax":
    case "efficacy": {
      const groups =
        method === "panel_minmax" ? groupRows(undefined, m, fn, "groups") : groupRows(options.groups, m, fn, "groups");
      const efficacy = method === "efficacy";
      for (const rows of groups) {
        const label = method === "panel_minmax" ? undefined : labelOf(rows);
        minmaxInto(
          X,
          out,
          rows,
          dirs,
          efficacy ? 0 : shift,
          efficacy ? 40 : 1,
          efficacy ? 60 : 0,
          constant,
          diagnostics,
          label,
        );
      }
      break;
    }
    case "zscore": {
      const population = options.sd === "population";
      if (options.sd !== undefined && options.sd !== "sample" && !population) {
        throw new CoreError("invalid_argument", { function: fn, option: "sd", received: String(options.sd) });
      }
      for (const rows of groupRows(options.groups, m, fn, "groups")) {
        const k = rows.length;
        const label = labelOf(rows);
        for (let j = 0; j < n; j++) {
          let mean = 0;
          for (const i of rows) mean += d[i * n + j] as number;
          mean /= k;
          let ss = 0;
          for (const i of rows) {
            const e = (d[i * n + j] as number) - mean;
            ss += e * e;
          }
          const sd = Math.sqrt(ss / (population ? k : k - 1));
          if (!(sd > 0)) {
            constant[j] = 1;
            for (const i of rows) out[i * n + j] = 0;
            diagnostics.push(
              compositeDiagnostic("constant_indicator", "warning", {
                indicator: j,
                value: mean,
                ...(label === undefined ? {} : { group: label }),
              }),
            );
            continue;
          }
          const sign = dirs[j] as number;
          for (const i of rows) out[i * n + j] = (sign * ((d[i * n + j] as number) - mean)) / sd;
        }
      }
      break;
    }
    case "benchmark": {
      const b = options.benchmark;
      if (b === undefined || b.length !== n) {
        throw new CoreError("dimension_mismatch", {
          function: fn,
          argument: "benchmark",
          expected: n,
          received: b?.length ?? 0,
        });
      }
      checkFiniteVector(b, "benchmark", fn);
      const cap = options.cap ?? 1.5;
      if (!(cap > 0) || !Number.isFinite(cap))
        throw new CoreError("invalid_argument", { function: fn, option: "cap", received: cap });
      for (let j = 0; j < n; j++) {
        const bj = b[j] as number;
        if (!(bj > 0)) {
          throw new CoreError("invalid_argument", {
            function: fn,
            argument: "benchmark",
            reason: "non_positive_base",
            col: j,
            value: bj,
          });
        }
        for (let i = 0; i < m; i++) {
          const v = d[i * n + j] as number;
          let ratio: number;
          if (dirs[j] === 1) ratio = v / bj;
          else {
            if (!(v > 0)) {
              throw new CoreError("invalid_argument", {
                function: fn,
                argument: "X",
                reason: "non_positive_base",
                row: i,
                col: j,
                value: v,
              });
            }
            ratio = bj / v;
          }
          out[i * n + j] = Math.min(cap, ratio) / cap;
        }
      }
      break;
    }
    case "base_year":
    case "mean": {
      for (let j = 0; j < n; j++) {
        if (dirs[j] !== 1) {
          throw new CoreError("invalid_argument", {
            function: fn,
            argument: "directions",
            reason: "invalid_direction",
            index: j,
            value: -1,
          });
        }
      }
      const years = options.years;
      if (years === undefined) {
        throw new CoreError("dimension_mismatch", { function: fn, argument: "years", expected: m, received: 0 });
      }
      if (years.length !== m) {
        throw new CoreError("dimension_mismatch", {
          function: fn,
          argument: "years",
          expected: m,
          received: years.length,
        });
      }
      const baseYear = options.baseYear;
      if (method === "base_year" && (baseYear === undefined || !Number.isInteger(baseYear))) {
        throw new CoreError("invalid_argument", { function: fn, option: "baseYear", received: baseYear ?? null });
      }
      const window = options.window;
      if (window !== undefined && !(window[0] <= window[1])) {
        throw new CoreError("invalid_argument", { function: fn, option: "window", received: [...window] });
      }
      for (const rows of groupRows(options.series, m, fn, "series")) {
        checkYears(
          Array.from(rows, (i) => years[i] as number),
          rows.length,
          fn,
        );
        for (let j = 0; j < n; j++) {
          let base: number;
          if (method === "base_year") {
            const at = Array.from(rows).find((i) => years[i] === baseYear);
            if (at === undefined) {
              throw new CoreError("invalid_argument", {
                function: fn,
                option: "baseYear",
                reason: "year_not_found",
                year: baseYear,
              });
            }
            base = d[at * n + j] as number;
          } else {
            let s = 0;
            let k = 0;
            for (const i of rows) {
              const y = years[i] as number;
              if (window === undefined || (y >= window[0] && y <= window[1])) {
                s += d[i * n + j] as number;
                k++;
              }
            }
            if (k === 0) {
              throw new CoreError("invalid_argument", {
                function: fn,
                option: "window",
                reason: "year_not_found",
                year: window?.[0] ?? null,
              });
            }
            base = s / k;
          }
          if (!(base > 0)) {
            throw new CoreError("invalid_argument", {
              function: fn,
              argument: "X",
              reason: "non_positive_base",
              col: j,
              value: base,
            });
          }
          for (const i of rows) out[i * n + j] = (100 * (d[i * n + j] as number)) / base;
        }
      }
      break;
    }
    default: {
      const never: never = method;
      throw new CoreError("invalid_argument", { function: fn, option: "method", received: String(never) });
    }
  }
  return { values: matrix(m, n, out), method, constant, diagnostics };
}
