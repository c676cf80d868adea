/**
 * Annual coefficients between IO table years (年度系数插值、RAS 更新), spec §5.7 — the IO-specific parts
 * of annualisation; the general year-by-year driver is `annualSeries` (core/time/annual-series.ts).
 */
import { type Diagnostic, diagnostic } from "../diagnostics.js";
import { CoreError } from "../errors.js";
import { type Matrix, matrix } from "../linalg/matrix.js";
import { neumaierSum, neumaierSumStrided } from "../stats/summation.js";
import { checkYear } from "../time/annual-series.js";
import { checkFiniteMatrix, checkVector } from "./checks.js";
import type { CoefficientLinkageInput } from "./linkages.js";

export interface InterpolatedCoefficientsResult {
  /** A_t */
  readonly A: Matrix;
  /** w = (t − τ1)/(τ2 − τ1) ∈ [0, 1] */
  readonly weight: number;
  /** "table" when t equals τ1 or τ2, else "interpolated" */
  readonly source: "table" | "interpolated";
  readonly diagnostics: Diagnostic[];
}

/**
 * Linear interpolation of coefficient matrices between two table years (系数线性插值, `interpolate_A`):
 * A_t = A_τ1 + (t − τ1)/(τ2 − τ1)·(A_τ2 − A_τ1), element-wise, for τ1 ≤ t ≤ τ2.
 *
 * Modelling choices: only interpolation (no extrapolation — hold or RAS past the last table is a
 * separate, explicit step, see `annualSeries` in core/time/annual-series.ts and {@link ras}); convex combinations of
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

/**
 * Linear interpolation of a coefficient-level linkage input (A, x and f element-wise) with weight w of
 * the later table — the spec §5.7 rule "final-demand/output weights interpolated the same way".
 * Intended as `options.interpolate` of the general `annualSeries` (core/time/annual-series.ts).
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
