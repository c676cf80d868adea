/**
 * Backward and forward linkage coefficients of single sectors: 影响力系数 (influence / power of
 * dispersion) and 感应度系数 (sensitivity of dispersion), spec §5.4.
 */
import { type Diagnostic, diagnostic } from "../diagnostics.js";
import { CoreError } from "../errors.js";
import { norm1 } from "../linalg/condition.js";
import { conditionDiagnostics, residualDiagnostic } from "../linalg/inverse-diagnostics.js";
import { type LuResult, luDecompose, luSolve, luSolveTransposed } from "../linalg/lu.js";
import { type Matrix, matrix } from "../linalg/matrix.js";
import { neumaierDot, neumaierDotStrided, neumaierSum, neumaierSumStrided } from "../stats/summation.js";
import { checkEnum, checkSquareFinite, checkVector, identityMinus } from "./checks.js";
import { allocationCoefficients, technicalCoefficients, type ZeroOutputPolicy } from "./coefficients.js";
import { domesticFinalDemand } from "./domestic.js";
import type { IoTable } from "./io-table.js";
import { type InverseBackend, identityMinusInverse } from "./leontief.js";
import { productivityCheck } from "./productivity.js";

/**
 * Which linkage definition:
 * - `leontief` — Rasmussen indices from L (default);
 * - `ghosh_sensitivity` — sensitivity from row sums of the Ghosh inverse (刘起运 2002), influence unchanged;
 * - `weighted` — final-demand-weighted influence and output-weighted sensitivity.
 */
export type LinkageVariant = "leontief" | "ghosh_sensitivity" | "weighted";
/** Weights α of the `weighted` influence: final-demand shares, output shares or 1/n. */
export type LinkageAlpha = "final_demand" | "output" | "equal";
/** How sums of L are obtained: LU solves (no inverse formed) or the explicit inverse. */
export type LinkageMethod = "solve" | "inverse";
/** Which intermediate flows of an IoTable: `total` (competitive: domestic + imported) or `domestic`. */
export type FlowBasis = "total" | "domestic";

/** Coefficient-level input: A with the output (and, for α = final demand, final demand) it came from. */
export interface CoefficientLinkageInput {
  /** n×n direct input coefficients */
  readonly A: Matrix;
  /** gross output x (length n); sectors with x_j = 0 follow the zero-output policy */
  readonly x: ArrayLike<number>;
  /** total final demand by product f (length n); required for variant weighted with alpha final_demand */
  readonly finalDemandTotal?: ArrayLike<number>;
}

/** An IO table, or coefficients with their output. */
export type LinkageInput = IoTable | CoefficientLinkageInput;

export interface LinkageOptions {
  /** linkage definition @default "leontief" */
  readonly variant?: LinkageVariant;
  /** α weights of the weighted influence (variant weighted only) @default "final_demand" */
  readonly alpha?: LinkageAlpha;
  /** "solve": one LU of I − A, c from (I − A)ᵀc = 1, r from (I − A)r = 1; "inverse": form L @default "solve" */
  readonly method?: LinkageMethod;
  /**
   * zero-output policy (see technicalCoefficients). With "zero_column" zero-output sectors are
   * excluded from every average and get NaN influence and sensitivity (serialised as null in JSON).
   * @default "error"
   */
  readonly zeroOutput?: ZeroOutputPolicy;
  /** IoTable input only: intermediate flows to use @default "total" */
  readonly flows?: FlowBasis;
  /** method "inverse" only: backend that computes the inverses */
  readonly backend?: InverseBackend;
  /** relative LU pivot threshold @default 1e-12 */
  readonly singularTolerance?: number;
}

export interface LinkageResult {
  /** influence coefficients F_j (影响力系数); NaN for excluded zero-output sectors */
  readonly influence: Float64Array;
  /** sensitivity coefficients E_i (感应度系数); NaN for excluded zero-output sectors */
  readonly sensitivity: Float64Array;
  /** c_j = Σ_i l_ij (output multipliers) */
  readonly columnSums: Float64Array;
  /** r_i = Σ_j l_ij */
  readonly rowSums: Float64Array;
  /** g_i = Σ_j g_ij of the Ghosh inverse (variant ghosh_sensitivity only) */
  readonly ghoshRowSums?: Float64Array;
  /** (Lβ)_i = Σ_j l_ij β_j with β = x/Σx (variant weighted only) */
  readonly weightedRowSums?: Float64Array;
  /** the α weights used, summing to 1 over included sectors (variant weighted only) */
  readonly alphaWeights?: Float64Array;
  readonly variant: LinkageVariant;
  /** present for variant weighted */
  readonly alpha?: LinkageAlpha;
  readonly method: LinkageMethod;
  /** zero-output sectors excluded from the averages (indices, ascending) */
  readonly zeroOutputSectors: readonly number[];
  /** κ₁(I − A) */
  readonly conditionEstimate: number;
  /** ρ(A) estimate */
  readonly spectralRadius: number;
  readonly diagnostics: Diagnostic[];
}

const VARIANTS: readonly LinkageVariant[] = ["leontief", "ghosh_sensitivity", "weighted"];
const ALPHAS: readonly LinkageAlpha[] = ["final_demand", "output", "equal"];
const METHODS: readonly LinkageMethod[] = ["solve", "inverse"];
const FLOWS: readonly FlowBasis[] = ["total", "domestic"];
const POLICIES: readonly ZeroOutputPolicy[] = ["error", "zero_column"];

/** True when the input is an IoTable rather than coefficients. */
function isTable(input: LinkageInput): input is IoTable {
  return "sectors" in input && "Z" in input;
}

interface Prepared {
  readonly A: Matrix;
  readonly Z: Matrix;
  readonly x: Float64Array;
  readonly f: Float64Array | undefined;
  readonly zero: readonly number[];
  readonly diagnostics: Diagnostic[];
}

/** Intermediate flows of a table on the requested basis (module-internal; throws invalid_argument if Zdomestic is absent). */
export function tableFlows(table: IoTable, flows: FlowBasis, fn: string): Matrix {
  if (flows === "total") return table.Z;
  if (!table.Zdomestic)
    throw new CoreError("invalid_argument", {
      function: fn,
      option: "flows",
      received: flows,
      reason: "no_domestic_flows",
    });
  return table.Zdomestic;
}

/**
 * Total final demand by product (最终使用合计) f_i = Σ_k Y_ik: Neumaier-compensated row sums of
 * `table.finalDemand` over all its categories (gross of imports — the import column is not in Y).
 * This is the f behind α = final-demand shares in the `weighted` linkage variant.
 *
 * @param table - the IO table
 * @returns f (length n)
 * @example
 * finalDemandTotal(table).length === table.sectors.length; // => true
 * @see Miller & Blair (2009), §2.2 (final demand f = Y·1).
 */
export function finalDemandTotal(table: IoTable): Float64Array {
  return rowTotals(table.finalDemand);
}

function rowTotals(Y: Matrix): Float64Array {
  const f = new Float64Array(Y.rows);
  for (let i = 0; i < Y.rows; i++) f[i] = neumaierSumStrided(Y.data, i * Y.cols, 1, Y.cols);
  return f;
}

function prepare(input: LinkageInput, policy: ZeroOutputPolicy, flows: FlowBasis, fn: string): Prepared {
  if (isTable(input)) {
    const Z = tableFlows(input, flows, fn);
    const n = Z.rows;
    if (input.sectors.length !== n) {
      throw new CoreError("dimension_mismatch", {
        function: fn,
        argument: "sectors",
        expected: n,
        received: input.sectors.length,
      });
    }
    if (input.finalDemand.rows !== n) {
      throw new CoreError("dimension_mismatch", {
        function: fn,
        argument: "finalDemand",
        expected: n,
        received: input.finalDemand.rows,
      });
    }
    const tc = technicalCoefficients(Z, input.output, { zeroOutput: policy });
    // domestic flows go with domestic final demand (the table's own, else the proportional import
    // convention of domesticFinalDemand), so α = final-demand shares are on the same basis as Z; a
    // table with Zdomestic but neither finalDemandDomestic nor imports has no f (α = final_demand throws)
    const f =
      flows === "total"
        ? finalDemandTotal(input)
        : input.finalDemandDomestic !== undefined || input.imports !== undefined
          ? rowTotals(domesticFinalDemand(input).Y)
          : undefined;
    if (f !== undefined) checkVector(f, n, "finalDemand", fn);
    return {
      A: tc.A,
      Z,
      x: Float64Array.from(input.output),
      f,
      zero: tc.zeroOutputSectors,
      diagnostics: tc.diagnostics,
    };
  }
  const n = checkSquareFinite(input.A, "A", fn);
  checkVector(input.x, n, "x", fn);
  let f: Float64Array | undefined;
  if (input.finalDemandTotal !== undefined) {
    checkVector(input.finalDemandTotal, n, "finalDemandTotal", fn);
    f = Float64Array.from(input.finalDemandTotal);
  }
  const x = Float64Array.from(input.x);
  const zero: number[] = [];
  for (let j = 0; j < n; j++) {
    const xj = x[j] as number;
    if (xj < 0)
      throw new CoreError("invalid_argument", { function: fn, argument: "x", index: j, value: xj, expected: ">= 0" });
    if (xj === 0) zero.push(j);
  }
  if (zero.length > 0 && policy === "error")
    throw new CoreError("zero_output", { function: fn, sectors: zero, policy });
  for (const j of zero) {
    for (let i = 0; i < n; i++) {
      if ((input.A.data[i * n + j] as number) !== 0) {
        throw new CoreError("invalid_argument", {
          function: fn,
          argument: "A",
          reason: "zero_output_column_nonzero",
          sector: j,
          row: i,
        });
      }
    }
  }
  // Z = A·diag(x) (needed by the Ghosh variant); zero-output columns of A must be zero
  const Z = matrix(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) Z.data[i * n + j] = (input.A.data[i * n + j] as number) * (x[j] as number);
  }
  const diagnostics =
    zero.length > 0 ? [diagnostic("zero_output_sectors", "warning", { sectors: [...zero], policy })] : [];
  return { A: input.A, Z, x, f, zero, diagnostics };
}

function tag(ds: readonly Diagnostic[], matrixName: string): Diagnostic[] {
  return ds.map((d) => diagnostic(d.code, d.severity, { ...d.params, matrix: matrixName }));
}

/** Sums of (I − M)⁻¹ by LU solves: column sums, and row sums against each rhs column. */
interface SolvedSums {
  readonly columnSums: Float64Array;
  /** n×k solution of (I − M)Y = B */
  readonly solved: Matrix;
  readonly spectralRadius: number;
  readonly conditionEstimate: number;
  readonly diagnostics: Diagnostic[];
}

function solveSums(M: Matrix, rhs: Matrix, options: LinkageOptions, fn: string, name: string): SolvedSums {
  const n = M.rows;
  const pre = productivityCheck(M, fn, name);
  const b = pre.spectral;
  const diagnostics: Diagnostic[] = [...pre.diagnostics];
  const IM = identityMinus(M);
  const lu: LuResult =
    options.singularTolerance === undefined
      ? luDecompose(IM)
      : luDecompose(IM, { singularTolerance: options.singularTolerance });
  const ones = new Float64Array(n).fill(1);
  const c = luSolveTransposed(lu, ones);
  const Y = luSolve(lu, rhs);
  // c > 0 with (I − M)ᵀc = 1 > 0 proves I − Mᵀ is a nonsingular M-matrix, i.e. ρ(M) < 1 (Berman & Plemmons 1994, Thm 6.2.3 (I27))
  for (let j = 0; j < n; j++) {
    const cj = c[j] as number;
    if (!(cj > 0)) {
      throw new CoreError("not_productive", {
        function: fn,
        argument: name,
        reason: "column_sums_not_positive",
        sector: j,
        value: cj,
        spectralRadius: b.value,
      });
    }
  }
  let maxC = 0;
  for (let j = 0; j < n; j++) maxC = Math.max(maxC, c[j] as number);
  const conditionEstimate = norm1(IM) * maxC; // ‖L‖₁ = max column sum since L ≥ 0
  diagnostics.push(...conditionDiagnostics(conditionEstimate, "exact_from_column_sums"));
  // residuals of the solves: (I − M)ᵀc − 1 and (I − M)y_k − b_k (relative to max|b_k| for the rhs)
  let residual = 0;
  for (let j = 0; j < n; j++) {
    const s = (c[j] as number) - neumaierDotStrided(M.data, j, n, c, 0, 1, n);
    residual = Math.max(residual, Math.abs(s - 1));
  }
  const k = rhs.cols;
  for (let col = 0; col < k; col++) {
    let scale = 0;
    for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(rhs.data[i * k + col] as number));
    for (let i = 0; i < n; i++) {
      const s = (Y.data[i * k + col] as number) - neumaierDotStrided(M.data, i * n, 1, Y.data, col, k, n);
      residual = Math.max(residual, Math.abs(s - (rhs.data[i * k + col] as number)) / (scale > 0 ? scale : 1));
    }
  }
  diagnostics.push(residualDiagnostic(residual, "solve"));
  return { columnSums: c, solved: Y, spectralRadius: b.value, conditionEstimate, diagnostics };
}

/** Mean over included sectors. */
function meanOver(v: Float64Array, include: readonly boolean[]): number {
  const parts: number[] = [];
  for (let i = 0; i < v.length; i++) if (include[i]) parts.push(v[i] as number);
  return neumaierSum(parts) / parts.length;
}

function normalised(v: Float64Array, denominator: number, include: readonly boolean[]): Float64Array {
  const out = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = include[i] ? (v[i] as number) / denominator : Number.NaN;
  return out;
}

/**
 * Linkage coefficients of single sectors: influence coefficients 影响力系数 (backward linkage, power of
 * dispersion) and sensitivity coefficients 感应度系数 (forward linkage, sensitivity of dispersion).
 *
 * With c_j = Σ_i l_ij (column sums of L = (I − A)⁻¹) and r_i = Σ_j l_ij (row sums), over n sectors:
 * - `leontief` (default): F_j = c_j / ((1/n)Σ_k c_k), E_i = r_i / ((1/n)Σ_k r_k) — each averages 1;
 * - `ghosh_sensitivity`: E_i = g_i / ((1/n)Σ_k g_k), g_i = Σ_j g_ij row sums of G = (I − H)⁻¹,
 *   H = x̂⁻¹Z (刘起运 2002); F as leontief;
 * - `weighted`: F^w_j = c_j / Σ_k c_k α_k with α = final-demand shares f/Σf (`alpha: "final_demand"`,
 *   default), output shares x/Σx (`"output"`) or 1/n (`"equal"`, then F^w = F); E^w_i = (Lβ)_i /
 *   ((1/n)Σ_k (Lβ)_k) with β = x/Σx. Σ_k F^w_k α_k = 1.
 *
 * Computation (method "solve", default): L is never formed — one LU of I − A gives c from
 * (I − A)ᵀc = 1 and r (and Lx for `weighted`) from (I − A)[r, Lx] = [1, x]; the Ghosh variant adds
 * one LU of I − H. Productivity is checked first (A ≥ 0, ρ(A) < 1 bracket) and certified afterwards
 * by c > 0. κ₁(I − A) = ‖I − A‖₁·max_j c_j is exact because L ≥ 0. Method "inverse" forms L (and G)
 * with {@link leontiefInverse}'s kernel (optionally a backend); both methods agree to rounding.
 *
 * Zero output: with `zeroOutput: "zero_column"` a sector with x_j = 0 gets a zero column in A, is
 * excluded from n and from every average and weight (spec §5.3), and its F and E are NaN; the
 * `zero_output_sectors` diagnostic lists it. With "error" (default) such a table throws.
 * For an IoTable input, f = row sums of `finalDemand` (all final-use categories, gross of imports)
 * and Z = `table.Z` (competitive), or with `flows: "domestic"` Z = `table.Zdomestic` and f = row sums
 * of the domestic final demand ({@link domesticFinalDemand}: the table's `finalDemandDomestic`, else the
 * proportional import convention; ADR 0012).
 *
 * @param input - an {@link IoTable} or `{A, x, finalDemandTotal?}`
 * @param options - {@link LinkageOptions}
 * @returns `{influence, sensitivity, columnSums, rowSums, ghoshRowSums?, weightedRowSums?,
 *   alphaWeights?, variant, alpha?, method, zeroOutputSectors, conditionEstimate, spectralRadius,
 *   diagnostics}`
 * @throws {CoreError} not_square; dimension_mismatch; non_finite; negative_flow; invalid_argument
 *   (unknown option value, missing finalDemandTotal or Zdomestic, Σα ≤ 0, no sector left); zero_output;
 *   not_productive; singular_matrix
 * @example
 * const r = linkages({ A: fromRows([[0.15, 0.25], [0.2, 0.05]]), x: [1000, 2000] });
 * r.influence;   // ≈ [1.022222, 0.977778]  (46/45, 44/45)
 * r.sensitivity; // ≈ [1.066667, 0.933333]  (16/15, 14/15)
 * @see Rasmussen (1956), Studies in Inter-Sectoral Relations; Miller & Blair (2009), §12.2, eq.
 *   (12.19)–(12.23) (backward/forward linkages); 刘起运 (2002) 《统计研究》 关于投入产出系数结构分析方法的研究.
 * Complexity O(n³) for the LU, O(n²) per solve.
 */
export function linkages(input: LinkageInput, options: LinkageOptions = {}): LinkageResult {
  const fn = "linkages";
  const variant = checkEnum(options.variant ?? "leontief", VARIANTS, "variant", fn);
  const alpha = checkEnum(options.alpha ?? "final_demand", ALPHAS, "alpha", fn);
  const method = checkEnum(options.method ?? "solve", METHODS, "method", fn);
  const policy = checkEnum(options.zeroOutput ?? "error", POLICIES, "zeroOutput", fn);
  const flows = checkEnum(options.flows ?? "total", FLOWS, "flows", fn);
  const p = prepare(input, policy, flows, fn);
  const { A, x } = p;
  const n = A.rows;
  const include: boolean[] = new Array<boolean>(n).fill(true);
  for (const j of p.zero) include[j] = false;
  const nIncluded = n - p.zero.length;
  if (nIncluded === 0) throw new CoreError("invalid_argument", { function: fn, reason: "no_positive_output", n });
  const diagnostics: Diagnostic[] = [...p.diagnostics];
  const weighted = variant === "weighted";
  const ghosh = variant === "ghosh_sensitivity";
  if (weighted && alpha === "final_demand" && p.f === undefined) {
    throw new CoreError("invalid_argument", {
      function: fn,
      option: "alpha",
      received: alpha,
      reason: "final_demand_required",
    });
  }
  if (options.backend !== undefined && method === "solve") {
    throw new CoreError("invalid_argument", {
      function: fn,
      option: "backend",
      reason: "backend_requires_inverse",
    });
  }

  let c: Float64Array;
  let r: Float64Array;
  let lx: Float64Array | undefined;
  let g: Float64Array | undefined;
  let conditionEstimate: number;
  let spectralRadius: number;
  const H = ghosh ? allocationCoefficients(p.Z, x, { zeroOutput: policy }).H : undefined;
  const invOptions = {
    checkProductive: true,
    ...(options.backend ? { backend: options.backend } : {}),
    ...(options.singularTolerance !== undefined ? { singularTolerance: options.singularTolerance } : {}),
  };
  if (method === "solve") {
    const k = weighted ? 2 : 1;
    const rhs = matrix(n, k);
    for (let i = 0; i < n; i++) {
      rhs.data[i * k] = 1;
      if (weighted) rhs.data[i * k + 1] = x[i] as number;
    }
    const s = solveSums(A, rhs, options, fn, "A");
    c = s.columnSums;
    r = new Float64Array(n);
    for (let i = 0; i < n; i++) r[i] = s.solved.data[i * k] as number;
    if (weighted) {
      lx = new Float64Array(n);
      for (let i = 0; i < n; i++) lx[i] = s.solved.data[i * k + 1] as number;
    }
    conditionEstimate = s.conditionEstimate;
    spectralRadius = s.spectralRadius;
    diagnostics.push(...tag(s.diagnostics, "I-A"));
    if (H) {
      const ones = matrix(n, 1, new Float64Array(n).fill(1));
      const sg = solveSums(H, ones, options, fn, "H");
      g = Float64Array.from(sg.solved.data);
      diagnostics.push(
        ...tag(
          sg.diagnostics.filter((d) => d.code !== "spectral_radius" && d.code !== "column_sum_ge_one"),
          "I-H",
        ),
      );
    }
  } else {
    const inv = identityMinusInverse(A, invOptions, fn, "A");
    const L = inv.L;
    c = new Float64Array(n);
    r = new Float64Array(n);
    for (let j = 0; j < n; j++) c[j] = neumaierSumStrided(L.data, j, n, n);
    for (let i = 0; i < n; i++) r[i] = neumaierSumStrided(L.data, i * n, 1, n);
    if (weighted) {
      lx = new Float64Array(n);
      for (let i = 0; i < n; i++) lx[i] = neumaierDot(L.data.subarray(i * n, (i + 1) * n), x);
    }
    conditionEstimate = inv.conditionEstimate;
    spectralRadius = inv.spectralRadius ?? Number.NaN;
    diagnostics.push(...tag(inv.diagnostics, "I-A"));
    if (H) {
      const ginv = identityMinusInverse(H, invOptions, fn, "H");
      g = new Float64Array(n);
      for (let i = 0; i < n; i++) g[i] = neumaierSumStrided(ginv.L.data, i * n, 1, n);
      diagnostics.push(
        ...tag(
          ginv.diagnostics.filter((d) => d.code !== "spectral_radius" && d.code !== "column_sum_ge_one"),
          "I-H",
        ),
      );
    }
  }

  const influenceLeontief = normalised(c, meanOver(c, include), include);
  let influence = influenceLeontief;
  let sensitivity = normalised(r, meanOver(r, include), include);
  let alphaWeights: Float64Array | undefined;
  let weightedRowSums: Float64Array | undefined;
  if (ghosh && g) sensitivity = normalised(g, meanOver(g, include), include);
  if (weighted && lx) {
    const base = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      if (!include[k]) continue;
      base[k] =
        alpha === "final_demand" ? ((p.f as Float64Array)[k] as number) : alpha === "output" ? (x[k] as number) : 1;
    }
    const total = neumaierSum(base);
    if (!(total > 0))
      throw new CoreError("invalid_argument", {
        function: fn,
        option: "alpha",
        received: alpha,
        reason: "weights_not_positive",
        sum: total,
      });
    alphaWeights = new Float64Array(n);
    for (let k = 0; k < n; k++) alphaWeights[k] = (base[k] as number) / total;
    influence = normalised(c, neumaierDot(c, alphaWeights), include);
    const xTotal = neumaierSum(x);
    weightedRowSums = new Float64Array(n);
    for (let i = 0; i < n; i++) weightedRowSums[i] = (lx[i] as number) / xTotal;
    sensitivity = normalised(weightedRowSums, meanOver(weightedRowSums, include), include);
  }
  return {
    influence,
    sensitivity,
    columnSums: c,
    rowSums: r,
    ...(g ? { ghoshRowSums: g } : {}),
    ...(weightedRowSums ? { weightedRowSums } : {}),
    ...(alphaWeights ? { alphaWeights } : {}),
    variant,
    ...(weighted ? { alpha } : {}),
    method,
    zeroOutputSectors: p.zero,
    conditionEstimate,
    spectralRadius,
    diagnostics,
  };
}
