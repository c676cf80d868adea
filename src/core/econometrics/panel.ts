/**
 * Panel regressions (面板回归): pooled OLS and the fixed-effects "within" estimator, with classical,
 * HC1 and cluster-robust standard errors. Solved, like `ols.ts`, by Householder QR with column
 * pivoting; every covariance is a sandwich in the orthonormal coordinates of Q₁, so XᵀX is never
 * formed. Verified against statsmodels 0.13.5 (test/reference/statsmodels-panel).
 */
import type { DiagnosticSeverity } from "../diagnostics.js";
import { CoreError } from "../errors.js";
import { type Matrix, matrix } from "../linalg/matrix.js";
import { qrDecompose, qrQ, qrSolve } from "../linalg/qr.js";
import { neumaierDot, neumaierSum } from "../stats/summation.js";
import { studentTTwoSidedPValue } from "./distributions.js";
import { OLS_INTERCEPT_NAME } from "./ols.js";
import { permutedSandwich, standardErrors } from "./sandwich.js";

/** Individual effects (个体效应): none (pooled OLS) or entity fixed effects removed by the within transformation. */
export type PanelEffects = "pooled" | "entity";

/** The effects, in documentation order. */
export const PANEL_EFFECTS: readonly PanelEffects[] = ["pooled", "entity"];

/** Covariance estimator of the panel coefficients (面板系数协方差估计). */
export type PanelCovarianceType = "classical" | "hc1" | "cluster";

/** The covariance types, in documentation order. */
export const PANEL_COVARIANCE_TYPES: readonly PanelCovarianceType[] = ["classical", "hc1", "cluster"];

/** Diagnostic codes of the panel regressions (joined to the core union in codes.ts). */
export type PanelDiagnosticCode =
  /**
   * under entity effects, entities observed only once: their demeaned row is zero, so they contribute
   * nothing to the slopes (they still count in n and G, cancelling in n − k − G)
   * (params: count, entities (the first 20 ids))
   */
  | "singleton_entities"
  /** a coefficient's variance rounded below zero: its standard error is 0 (params: coefficients, variances) */
  | "variance_rounded_to_zero";

/** A panel diagnostic: plain data, rendered to text at the edges. */
export interface PanelDiagnostic {
  readonly code: PanelDiagnosticCode;
  readonly severity: DiagnosticSeverity;
  readonly params: Readonly<Record<string, unknown>>;
}

export interface PanelOlsOptions {
  /** entity id of each row (length n); rows of one entity need not be contiguous */
  readonly entities: readonly string[];
  /** names of the columns of X (length X.cols) @default ["x1", "x2", …] */
  readonly names?: readonly string[];
  /**
   * "pooled": OLS of y on [1, X]; "entity": fixed effects, OLS of the entity-demeaned y on the
   * entity-demeaned X (no intercept: it is absorbed)
   */
  readonly effects: PanelEffects;
  /** covariance of the coefficients (see {@link panelOls}) */
  readonly se: PanelCovarianceType;
  /** cluster id of each row (length n), for se = "cluster" @default the entity ids */
  readonly clusters?: readonly string[];
}

/** One coefficient row. */
export interface PanelCoefficient {
  readonly name: string;
  readonly estimate: number;
  /** square root of the diagonal of `covariance` */
  readonly stdError: number;
  /** estimate / stdError */
  readonly t: number;
  /** two-sided p-value from Student's t with `dfInference` degrees of freedom */
  readonly pValue: number;
}

export interface PanelOlsResult {
  /** "(Intercept)" first for pooled, then the columns of X in order */
  readonly coefficients: readonly PanelCoefficient[];
  /**
   * pooled: 1 − RSS/TSS (centred); entity: the within R² 1 − RSS/Σỹ² (ỹ = y demeaned by entity;
   * Stata `xtreg, fe` "R-sq within", linearmodels "R-squared (Within)")
   */
  readonly rSquared: number;
  /** residuals of the estimated regression (for entity effects: of the demeaned regression) */
  readonly residuals: Float64Array;
  /** RSS / dfResid */
  readonly sigma2: number;
  readonly n: number;
  /** number of distinct entity ids G */
  readonly entities: number;
  /** number of distinct cluster ids (se = "cluster" only) */
  readonly clusters?: number;
  /** pooled: n − k; entity: n − k − G (k = number of coefficients reported) */
  readonly dfResid: number;
  /** degrees of freedom of the t distribution used for p-values: clusters − 1 for "cluster", else dfResid */
  readonly dfInference: number;
  /** k×k covariance of the coefficients, in coefficient order */
  readonly covariance: Matrix;
  readonly effects: PanelEffects;
  readonly se: PanelCovarianceType;
  /** singleton_entities (entity effects only) */
  readonly diagnostics: readonly PanelDiagnostic[];
}

/** Indices 0..G−1 of the distinct labels, in order of first appearance. */
function labelIndex(labels: readonly string[]): { index: Int32Array; levels: string[] } {
  const map = new Map<string, number>();
  const index = new Int32Array(labels.length);
  const levels: string[] = [];
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i] as string;
    let g = map.get(l);
    if (g === undefined) {
      g = levels.length;
      map.set(l, g);
      levels.push(l);
    }
    index[i] = g;
  }
  return { index, levels };
}

/**
 * Panel OLS (面板最小二乘回归): pooled OLS or the fixed-effects within estimator on an (unbalanced)
 * panel, with classical, HC1 or cluster-robust standard errors.
 *
 * Model y_it = α_i + x_itᵀβ + e_it. "pooled" sets α_i = α and regresses y on D = [1, X]. "entity"
 * removes α_i by the within transformation ỹ_it = y_it − ȳ_i, x̃_it = x_it − x̄_i (entity means by
 * Neumaier sums) and regresses ỹ on D = X̃ without intercept; β̂ equals the least-squares dummy
 * variable (LSDV) estimate (Frisch–Waugh–Lovell). Rows need not be sorted; any number of rows per
 * entity. With D·P = Q₁R (pivoted Householder QR), (DᵀD)⁻¹ = P R⁻¹R⁻ᵀ Pᵀ and q_i = row i of Q₁,
 * k = number of coefficients (pooled: p + 1; entity: p), G = number of entities, e = residuals:
 *
 *     dfResid    pooled n − k;  entity n − k − G (the G absorbed means: Stata `xtreg, fe`, R `plm`)
 *     classical  σ̂² (DᵀD)⁻¹,  σ̂² = RSS/dfResid
 *     hc1        P R⁻¹ [Σ_i e_i² q_i q_iᵀ] R⁻ᵀ Pᵀ · n/dfResid  (for entity effects this is statsmodels
 *                HC1 on the LSDV regression: the slope block of the dummy regression's sandwich
 *                equals the within sandwich; note White-type SEs are inconsistent under FE with
 *                fixed T — Stock & Watson 2008 — prefer "cluster")
 *     cluster    P R⁻¹ [Σ_c s_c s_cᵀ] R⁻ᵀ Pᵀ · C/(C − 1) · (n − 1)/(n − k),  s_c = Σ_{i∈c} e_i q_i,
 *                C = number of clusters (default: one per entity)
 *
 * Cluster convention (pinned): the factor C/(C−1)·(n−1)/(n−k) with k the number of reported
 * coefficients — the entity means absorbed by the within transformation are NOT counted, since they
 * are nested in the clusters (Cameron & Miller 2015, §III.B; Wooldridge 2010, §10.5). This is exactly
 * statsmodels `OLS(ỹ, X̃).fit(cov_type="cluster")` (use_correction=True) for entity effects and
 * `OLS(y, [1, X]).fit(cov_type="cluster")` (= Stata `regress, vce(cluster)`) for pooled. Other
 * software differs only by the factor: Stata `xtreg, fe vce(cluster)` uses (n−1)/(n−k−1) (it counts
 * its reported `_cons`), statsmodels/Stata `areg` on the LSDV regression (n−1)/(n−k−G) (counts every
 * dummy; far too large with short panels). p-values for "cluster" use Student's t with C − 1 degrees
 * of freedom (statsmodels `df_correction=True`, Stata): with few clusters the variance estimate has
 * about C − 1 degrees of freedom, not n − k. "classical" and "hc1" use t(dfResid).
 *
 * R²: pooled 1 − RSS/TSS (centred); entity the within R² 1 − RSS/Σỹ². No intercept is reported for
 * entity effects (Stata's `_cons` is the mean of the α̂_i; not estimated here).
 *
 * @param y - response, length n (finite)
 * @param X - n×p regressors, row-major, without an intercept column (finite)
 * @param options - {@link PanelOlsOptions}
 * @returns {@link PanelOlsResult}: coefficients, rSquared, residuals, sigma2, n, entities, clusters,
 *   dfResid, dfInference, covariance, effects, se, diagnostics
 * @throws {CoreError} dimension_mismatch (y, entities or clusters length ≠ X.rows; names.length ≠
 *   X.cols); non_finite (y or X); invalid_argument (unknown `effects` or `se`; reason "no_columns" when
 *   X has no column under entity effects; reason "too_few_clusters" when se = "cluster" and fewer than
 *   2 clusters (params clusters, required)); too_few_observations (n ≤ k, or n ≤ k + G under entity
 *   effects (params required, received, entities)); singular_matrix (reason "collinear_columns",
 *   params columns: a regressor constant within every entity under entity effects (absorbed by the
 *   fixed effects; params absorbed = true), or the columns pivoted QR found dependent on the others)
 * @example
 * const r = panelOls(Float64Array.from([1, 2, 2, 5]), fromRows([[1], [2], [3], [5]]), {
 *   entities: ["a", "a", "b", "b"], effects: "entity", se: "classical" });
 * r.coefficients[0]; // => { name: "x1", estimate: 1.4, stdError: 0.2, t: 7, pValue: 0.0903… }
 * r.dfResid;         // => 1 (n − k − G = 4 − 1 − 2)
 * r.rSquared;        // => 0.98 (within)
 * @see Wooldridge (2010), Econometric Analysis of Cross Section and Panel Data, 2nd ed., §10.5
 *   (fixed-effects estimation, eq. 10.54 robust variance); Cameron & Miller (2015), "A Practitioner's
 *   Guide to Cluster-Robust Inference", J. Human Resources 50, 317–372; Arellano (1987), Oxford Bull.
 *   Econ. Stat. 49, 431–434; statsmodels `sandwich_covariance.cov_cluster` and
 *   `RegressionResults.get_robustcov_results` (reference values: test/reference/statsmodels-panel).
 * Complexity O(nk²).
 */
export function panelOls(y: Float64Array, X: Matrix, options: PanelOlsOptions): PanelOlsResult {
  const fn = "panelOls";
  const n = X.rows;
  const p = X.cols;
  const { effects, se } = options;
  if (!PANEL_EFFECTS.includes(effects)) {
    throw new CoreError("invalid_argument", {
      function: fn,
      option: "effects",
      received: effects,
      allowed: PANEL_EFFECTS,
    });
  }
  if (!PANEL_COVARIANCE_TYPES.includes(se)) {
    throw new CoreError("invalid_argument", {
      function: fn,
      option: "se",
      received: se,
      allowed: PANEL_COVARIANCE_TYPES,
    });
  }
  if (y.length !== n)
    throw new CoreError("dimension_mismatch", { function: fn, argument: "y", expected: n, received: y.length });
  if (options.entities.length !== n) {
    throw new CoreError("dimension_mismatch", {
      function: fn,
      argument: "entities",
      expected: n,
      received: options.entities.length,
    });
  }
  const clusterLabels = options.clusters ?? options.entities;
  if (clusterLabels.length !== n) {
    throw new CoreError("dimension_mismatch", {
      function: fn,
      argument: "clusters",
      expected: n,
      received: clusterLabels.length,
    });
  }
  const names = options.names ?? Array.from({ length: p }, (_, j) => `x${j + 1}`);
  if (names.length !== p) {
    throw new CoreError("dimension_mismatch", { function: fn, argument: "names", expected: p, received: names.length });
  }
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(y[i] as number)) throw new CoreError("non_finite", { function: fn, argument: "y", index: i });
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < p; j++) {
      if (!Number.isFinite(X.data[i * p + j] as number))
        throw new CoreError("non_finite", { function: fn, argument: "X", row: i, col: j });
    }
  }
  const within = effects === "entity";
  const c = within ? 0 : 1;
  const k = p + c;
  if (k === 0) throw new CoreError("invalid_argument", { function: fn, argument: "X", reason: "no_columns" });
  const coefNames = within ? [...names] : [OLS_INTERCEPT_NAME, ...names];
  const ent = labelIndex(options.entities);
  const G = ent.levels.length;
  const absorbed = within ? G : 0;
  const dfResid = n - k - absorbed;
  if (dfResid <= 0) {
    throw new CoreError("too_few_observations", {
      function: fn,
      argument: "y",
      required: k + absorbed + 1,
      received: n,
      entities: G,
    });
  }
  let clusterIndex: Int32Array | undefined;
  let C = 0;
  if (se === "cluster") {
    const cl = labelIndex(clusterLabels);
    clusterIndex = cl.index;
    C = cl.levels.length;
    if (C < 2) {
      throw new CoreError("invalid_argument", {
        function: fn,
        option: "clusters",
        reason: "too_few_clusters",
        clusters: C,
        required: 2,
      });
    }
  }

  // design D and response
  const d = new Float64Array(n * k);
  const yy = Float64Array.from(y);
  for (let i = 0; i < n; i++) {
    if (!within) d[i * k] = 1;
    for (let j = 0; j < p; j++) d[i * k + c + j] = X.data[i * p + j] as number;
  }
  const diagnostics: PanelDiagnostic[] = [];
  if (within) {
    const rows: number[][] = Array.from({ length: G }, () => []);
    for (let i = 0; i < n; i++) rows[ent.index[i] as number]?.push(i);
    const buf = new Float64Array(n);
    const demean = (get: (i: number) => number, set: (i: number, v: number) => void): void => {
      for (const r of rows) {
        for (let t = 0; t < r.length; t++) buf[t] = get(r[t] as number);
        const m = neumaierSum(buf.subarray(0, r.length)) / r.length;
        for (const i of r) set(i, get(i) - m);
      }
    };
    demean(
      (i) => yy[i] as number,
      (i, v) => {
        yy[i] = v;
      },
    );
    const dropped: string[] = [];
    for (let j = 0; j < p; j++) {
      let before = 0;
      for (let i = 0; i < n; i++) before = Math.max(before, Math.abs(d[i * k + j] as number));
      demean(
        (i) => d[i * k + j] as number,
        (i, v) => {
          d[i * k + j] = v;
        },
      );
      let after = 0;
      for (let i = 0; i < n; i++) after = Math.max(after, Math.abs(d[i * k + j] as number));
      // constant within every entity: the demeaned column is rounding noise (≤ a few ε·max|x|)
      if (after <= n * Number.EPSILON * before || before === 0) dropped.push(names[j] as string);
    }
    if (dropped.length > 0) {
      throw new CoreError("singular_matrix", {
        function: fn,
        argument: "X",
        reason: "collinear_columns",
        absorbed: true,
        columns: dropped,
      });
    }
    const singletons = ent.levels.filter((_, g) => rows[g]?.length === 1);
    if (singletons.length > 0) {
      diagnostics.push({
        code: "singleton_entities",
        severity: "info",
        params: { count: singletons.length, entities: singletons.slice(0, 20) },
      });
    }
  }

  const f = qrDecompose(matrix(n, k, d), { pivoting: true });
  if (f.rank < k) {
    const dependent: string[] = [];
    for (let j = f.rank; j < k; j++) dependent.push(coefNames[f.permutation[j] as number] as string);
    throw new CoreError("singular_matrix", {
      function: fn,
      argument: "X",
      reason: "collinear_columns",
      rank: f.rank,
      cols: k,
      columns: dependent,
    });
  }
  const beta = qrSolve(f, yy).x;
  const perm = f.permutation;
  const Q = qrQ(f).data;
  const rt = f.qrTransposed.data; // r_ij = rt[j·n + i]
  const Rinv = new Float64Array(k * k);
  for (let col = 0; col < k; col++) {
    for (let i = col; i >= 0; i--) {
      let s = i === col ? 1 : 0;
      for (let j = i + 1; j <= col; j++) s -= (rt[j * n + i] as number) * (Rinv[j * k + col] as number);
      Rinv[i * k + col] = s / (rt[i * n + i] as number);
    }
  }

  // residuals e = ỹ − Q₁Q₁ᵀỹ
  const qty = new Float64Array(k);
  const colBuf = new Float64Array(n);
  for (let j = 0; j < k; j++) {
    for (let i = 0; i < n; i++) colBuf[i] = Q[i * k + j] as number;
    qty[j] = neumaierDot(colBuf, yy);
  }
  const residuals = new Float64Array(n);
  const sq = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    residuals[i] = (yy[i] as number) - neumaierDot(Q.subarray(i * k, (i + 1) * k), qty);
    sq[i] = (residuals[i] as number) ** 2;
  }
  const rss = neumaierSum(sq);
  const mean = within ? 0 : neumaierSum(yy) / n;
  for (let i = 0; i < n; i++) sq[i] = ((yy[i] as number) - mean) ** 2;
  const tss = neumaierSum(sq);
  const sigma2 = rss / dfResid;

  // meat M (k×k) in Q coordinates
  const meat = new Float64Array(k * k);
  if (se === "classical") {
    for (let j = 0; j < k; j++) meat[j * k + j] = sigma2;
  } else if (se === "hc1") {
    const factor = n / dfResid;
    for (let i = 0; i < n; i++) {
      const w = factor * (residuals[i] as number) ** 2;
      for (let a = 0; a < k; a++) {
        const qa = w * (Q[i * k + a] as number);
        for (let b = 0; b <= a; b++) meat[a * k + b] = (meat[a * k + b] as number) + qa * (Q[i * k + b] as number);
      }
    }
  } else {
    const idx = clusterIndex as Int32Array;
    const scores = new Float64Array(C * k);
    for (let i = 0; i < n; i++) {
      const o = (idx[i] as number) * k;
      const e = residuals[i] as number;
      for (let a = 0; a < k; a++) scores[o + a] = (scores[o + a] as number) + e * (Q[i * k + a] as number);
    }
    const factor = (C / (C - 1)) * ((n - 1) / (n - k));
    for (let g = 0; g < C; g++) {
      for (let a = 0; a < k; a++) {
        const sa = factor * (scores[g * k + a] as number);
        for (let b = 0; b <= a; b++) meat[a * k + b] = (meat[a * k + b] as number) + sa * (scores[g * k + b] as number);
      }
    }
  }
  if (se !== "classical")
    for (let a = 0; a < k; a++) for (let b = a + 1; b < k; b++) meat[a * k + b] = meat[b * k + a] as number;
  const cov = permutedSandwich(Rinv, meat, perm, k);

  const dfInference = se === "cluster" ? C - 1 : dfResid;
  const { stdErrors, clipped } = standardErrors(cov, k);
  if (clipped.length > 0)
    diagnostics.push({
      code: "variance_rounded_to_zero",
      severity: "warning",
      params: {
        coefficients: clipped.map((j) => coefNames[j] as string),
        variances: clipped.map((j) => cov[j * k + j] as number),
      },
    });
  const coefficients: PanelCoefficient[] = coefNames.map((name, j) => {
    const estimate = beta[j] as number;
    const stdError = stdErrors[j] as number;
    const t = estimate / stdError;
    return { name, estimate, stdError, t, pValue: studentTTwoSidedPValue(t, dfInference) };
  });
  return {
    coefficients,
    rSquared: 1 - rss / tss,
    residuals,
    sigma2,
    n,
    entities: G,
    ...(se === "cluster" ? { clusters: C } : {}),
    dfResid,
    dfInference,
    covariance: matrix(k, k, cov),
    effects,
    se,
    diagnostics,
  };
}
