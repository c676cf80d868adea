/**
 * Feature scaling for clustering (聚类特征标准化), spec methods.md §6.2: the Euclidean distances of
 * §6.3 are taken on scaled features so that no feature dominates by its unit.
 */
import { compositeDiagnostic } from "../composite/codes.js";
import type { Diagnostic } from "../diagnostics.js";
import { CoreError } from "../errors.js";
import type { Matrix } from "../linalg/matrix.js";
import { neumaierSumStrided } from "../stats/summation.js";

/**
 * Feature scaling: `none`; `z_score` (x − mean)/SD; `min_max` (x − min)/(max − min).
 */
export type FeatureScaling = "none" | "z_score" | "min_max";

/** Every {@link FeatureScaling}. */
export const FEATURE_SCALINGS: readonly FeatureScaling[] = ["none", "z_score", "min_max"];

/** Options of {@link scaledFeatures}. */
export interface FeatureScalingOptions {
  /** @default "z_score" (spec §6.2) */
  readonly scaling?: FeatureScaling;
  /**
   * SD denominator m − ddof for `z_score`: 0 = population SD (spec §6.2 and §0.4 default), 1 =
   * sample SD as R `scale()`. Either gives the same tree up to a common factor √(m/(m−1)) on the heights.
   * @default 0
   */
  readonly ddof?: 0 | 1;
}

/** Scaled features and the transformation applied. */
export interface ScaledFeatures {
  /** m × d scaled features (a constant feature is all zeros under z_score and min_max) */
  readonly X: Matrix;
  /** subtracted per feature (mean, min or 0) */
  readonly center: Float64Array;
  /** divided by per feature (SD, range or 1; 1 for a constant feature) */
  readonly scale: Float64Array;
  /** 0-based indices of the constant features */
  readonly constantFeatures: readonly number[];
  /** `constant_indicator` (warning; params: indicator, value) per constant feature under z_score or min_max */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Scaled clustering features (聚类特征标准化).
 *
 * A feature with max = min cannot be z-scored or min–max scaled: it is set to 0 (so it adds nothing
 * to any distance — the spec's "dropped with a warning") and reported as a `constant_indicator`
 * diagnostic; the other features are unaffected. Means and sums of squares are compensated sums.
 *
 * @param X - m × d finite values (rows = observations), m ≥ 1
 * @param options - scaling (default z_score) and ddof (default 0)
 * @returns `{X, center, scale, constantFeatures, diagnostics}`
 * @throws {CoreError} too_few_observations (m = 0, or m = 1 with ddof 1 under z_score); non_finite;
 *   invalid_argument (unknown scaling or ddof)
 * @example
 * scaledFeatures(fromRows([[1, 5], [3, 5]]), { scaling: "z_score" }).X.data; // => [-1, 0, 1, 0]
 * @see R scale(X) (ddof 1); scipy.stats.zscore (ddof 0); spec methods.md §6.2.
 */
export function scaledFeatures(X: Matrix, options: FeatureScalingOptions = {}): ScaledFeatures {
  const fn = "scaledFeatures";
  const scaling = options.scaling ?? "z_score";
  const ddof = options.ddof ?? 0;
  if (!FEATURE_SCALINGS.includes(scaling))
    throw new CoreError("invalid_argument", {
      function: fn,
      argument: "scaling",
      value: scaling,
      expected: FEATURE_SCALINGS,
    });
  if (ddof !== 0 && ddof !== 1)
    throw new CoreError("invalid_argument", { function: fn, argument: "ddof", value: ddof, expected: [0, 1] });
  const { rows: m, cols: d, data } = X;
  if (m === 0) throw new CoreError("too_few_observations", { function: fn, argument: "X", received: 0, required: 1 });
  for (let i = 0; i < m * d; i++) {
    if (!Number.isFinite(data[i] as number))
      throw new CoreError("non_finite", { function: fn, argument: "X", row: Math.floor(i / d), col: i % d });
  }
  const center = new Float64Array(d);
  const scale = new Float64Array(d).fill(1);
  const out = Float64Array.from(data);
  const constantFeatures: number[] = [];
  const diagnostics: Diagnostic[] = [];
  if (scaling === "none") return { X: { rows: m, cols: d, data: out }, center, scale, constantFeatures, diagnostics };
  if (scaling === "z_score" && m - ddof < 1)
    throw new CoreError("too_few_observations", { function: fn, argument: "X", received: m, required: ddof + 1 });
  const sq = new Float64Array(m);
  for (let c = 0; c < d; c++) {
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < m; i++) {
      const v = data[i * d + c] as number;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    if (lo === hi) {
      constantFeatures.push(c);
      diagnostics.push(compositeDiagnostic("constant_indicator", "warning", { indicator: c, value: lo }));
      center[c] = lo;
      for (let i = 0; i < m; i++) out[i * d + c] = 0;
      continue;
    }
    if (scaling === "min_max") {
      center[c] = lo;
      scale[c] = hi - lo;
    } else {
      const mean = neumaierSumStrided(data, c, d, m) / m;
      for (let i = 0; i < m; i++) {
        const v = (data[i * d + c] as number) - mean;
        sq[i] = v * v;
      }
      center[c] = mean;
      scale[c] = Math.sqrt(neumaierSumStrided(sq, 0, 1, m) / (m - ddof));
    }
    for (let i = 0; i < m; i++)
      out[i * d + c] = ((data[i * d + c] as number) - (center[c] as number)) / (scale[c] as number);
  }
  return { X: { rows: m, cols: d, data: out }, center, scale, constantFeatures, diagnostics };
}
