/**
 * Variance inflation factors (方差膨胀因子), the standard collinearity diagnostic of a regression
 * design, from one pivoted Householder QR of the centred design (never XᵀX, never a correlation
 * matrix inverse). Verified against statsmodels 0.13.5 and NIST StRD Longley
 * (test/reference/statsmodels-panel/vif.json).
 */
import type { DiagnosticSeverity } from "../diagnostics.js";
import { CoreError } from "../errors.js";
import type { Matrix } from "../linalg/matrix.js";
import { matrix } from "../linalg/matrix.js";
import { qrDecompose } from "../linalg/qr.js";
import { neumaierSum } from "../stats/summation.js";

/** VIF above which the `high_vif` diagnostic is raised (the usual rule of thumb; Kutner et al. 2005, §10.5). */
export const VIF_THRESHOLD = 10;

/** Diagnostic codes of {@link vif} (joined to the core union in codes.ts). */
export type VifDiagnosticCode =
  /** a column's VIF exceeds the threshold (params: column, vif, threshold) */
  "high_vif";

/** A VIF diagnostic: plain data, rendered to text at the edges. */
export interface VifDiagnostic {
  readonly code: VifDiagnosticCode;
  readonly severity: DiagnosticSeverity;
  readonly params: Readonly<Record<string, unknown>>;
}

export interface VifOptions {
  /** VIF above which `high_vif` is reported @default 10 ({@link VIF_THRESHOLD}) */
  readonly threshold?: number;
}

/** One column's VIF. */
export interface VifColumn {
  readonly name: string;
  /** 1/(1 − R²_j) */
  readonly vif: number;
  /** R²_j of column j on the other columns with an intercept (centred), = 1 − 1/vif */
  readonly rSquared: number;
}

export interface VifResult {
  /** in the order of the columns of X */
  readonly columns: readonly VifColumn[];
  /** high_vif (warning) for each column above the threshold */
  readonly diagnostics: readonly VifDiagnostic[];
}

/**
 * Variance inflation factors (方差膨胀因子) of the columns of a regression design:
 * VIF_j = 1/(1 − R²_j), R²_j the centred R² of regressing column j on the other columns **with an
 * intercept** — the factor by which collinearity inflates Var(β̂_j) in a regression with intercept.
 *
 * Method: with X̃ the column-centred X (Neumaier means) and X̃·P = Q₁R (pivoted Householder QR),
 * VIF_j = ‖x̃_j‖² · [(X̃ᵀX̃)⁻¹]_jj = ‖x̃_j‖² · ‖row π(j) of R⁻¹‖² (π(j): position of column j after
 * pivoting), which equals the diagonal of the inverse correlation matrix; no matrix is inverted
 * except the triangular R.
 *
 * Convention — pass X WITHOUT a constant column; the intercept is implied. This is R `car::vif` and
 * Stata `estat vif`. statsmodels `variance_inflation_factor(exog, j)` instead regresses column j on
 * the other columns of `exog` exactly as given: with a constant column in `exog` its values for the
 * other columns equal ours (tested on Longley to 1e-10); without one it fits no intercept and uses the
 * uncentred R² (1 − RSS/Σx²), giving different, usually much larger, numbers (Longley x1: 12 426
 * against 135.5 here) — that convention is not offered.
 *
 * @param X - n×p design, row-major, without an intercept column (finite; p ≥ 1)
 * @param names - names of the columns of X (length X.cols) @default ["x1", "x2", …]
 * @param options - {@link VifOptions}
 * @returns {@link VifResult}: columns (name, vif, rSquared), diagnostics
 * @throws {CoreError} dimension_mismatch (names.length ≠ X.cols); non_finite (X); invalid_argument
 *   (reason "no_columns" when p = 0; reason "constant_column" (params columns) when a column is
 *   constant — it would duplicate the implied intercept; bad threshold); too_few_observations
 *   (n ≤ p: params required = p + 1, received); singular_matrix (reason "collinear_columns", params
 *   rank, cols, columns: the columns pivoted QR found dependent on the others — VIF = ∞)
 * @example
 * vif(fromRows([[1, 2], [2, 1], [3, 4], [4, 3]])).columns;
 * // => [{ name: "x1", vif: 1.5625, rSquared: 0.36 }, { name: "x2", vif: 1.5625, rSquared: 0.36 }]
 * @see Belsley, Kuh & Welsch (1980), Regression Diagnostics, §3.1; Kutner, Nachtsheim, Neter & Li
 *   (2005), Applied Linear Statistical Models, 5th ed., §10.5 (VIF > 10); Longley (1967), JASA 62,
 *   819–841; statsmodels `stats.outliers_influence.variance_inflation_factor` (reference values).
 * Complexity O(np²).
 */
export function vif(X: Matrix, names?: readonly string[], options: VifOptions = {}): VifResult {
  const fn = "vif";
  const n = X.rows;
  const p = X.cols;
  const colNames = names ?? Array.from({ length: p }, (_, j) => `x${j + 1}`);
  if (colNames.length !== p) {
    throw new CoreError("dimension_mismatch", {
      function: fn,
      argument: "names",
      expected: p,
      received: colNames.length,
    });
  }
  const threshold = options.threshold ?? VIF_THRESHOLD;
  if (!(threshold >= 1) || !Number.isFinite(threshold)) {
    throw new CoreError("invalid_argument", { function: fn, option: "threshold", received: threshold, min: 1 });
  }
  if (p === 0) throw new CoreError("invalid_argument", { function: fn, argument: "X", reason: "no_columns" });
  for (let i = 0; i < n * p; i++) {
    if (!Number.isFinite(X.data[i] as number)) {
      throw new CoreError("non_finite", { function: fn, argument: "X", row: Math.floor(i / p), col: i % p });
    }
  }
  if (n <= p)
    throw new CoreError("too_few_observations", { function: fn, argument: "X", required: p + 1, received: n });

  // centred design and column norms
  const d = new Float64Array(n * p);
  const col = new Float64Array(n);
  const norm2 = new Float64Array(p);
  const constant: string[] = [];
  for (let j = 0; j < p; j++) {
    let before = 0;
    for (let i = 0; i < n; i++) {
      col[i] = X.data[i * p + j] as number;
      before = Math.max(before, Math.abs(col[i] as number));
    }
    const mean = neumaierSum(col) / n;
    let after = 0;
    for (let i = 0; i < n; i++) {
      const v = (col[i] as number) - mean;
      d[i * p + j] = v;
      after = Math.max(after, Math.abs(v));
      col[i] = v * v;
    }
    norm2[j] = neumaierSum(col);
    if (after <= n * Number.EPSILON * before || before === 0) constant.push(colNames[j] as string);
  }
  if (constant.length > 0) {
    throw new CoreError("invalid_argument", {
      function: fn,
      argument: "X",
      reason: "constant_column",
      columns: constant,
    });
  }

  const f = qrDecompose(matrix(n, p, d), { pivoting: true });
  if (f.rank < p) {
    const dependent: string[] = [];
    for (let j = f.rank; j < p; j++) dependent.push(colNames[f.permutation[j] as number] as string);
    throw new CoreError("singular_matrix", {
      function: fn,
      argument: "X",
      reason: "collinear_columns",
      rank: f.rank,
      cols: p,
      columns: dependent,
    });
  }
  // R⁻¹ (upper triangular) by back substitution; r_ij = rt[j·n + i]
  const rt = f.qrTransposed.data;
  const Rinv = new Float64Array(p * p);
  for (let c = 0; c < p; c++) {
    for (let i = c; i >= 0; i--) {
      let s = i === c ? 1 : 0;
      for (let j = i + 1; j <= c; j++) s -= (rt[j * n + i] as number) * (Rinv[j * p + c] as number);
      Rinv[i * p + c] = s / (rt[i * n + i] as number);
    }
  }
  const values = new Float64Array(p);
  for (let pos = 0; pos < p; pos++) {
    const j = f.permutation[pos] as number;
    let s = 0;
    for (let l = pos; l < p; l++) s += (Rinv[pos * p + l] as number) ** 2;
    values[j] = (norm2[j] as number) * s;
  }
  const columns: VifColumn[] = colNames.map((name, j) => {
    const v = values[j] as number;
    return { name, vif: v, rSquared: 1 - 1 / v };
  });
  const diagnostics: VifDiagnostic[] = columns
    .filter((c) => c.vif > threshold)
    .map((c) => ({ code: "high_vif", severity: "warning", params: { column: c.name, vif: c.vif, threshold } }));
  return { columns, diagnostics };
}
