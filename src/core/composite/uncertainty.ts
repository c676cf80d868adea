/**
 * Uncertainty and sensitivity analysis of a composite ranking (不确定性与敏感性分析), COINr-style:
 * Monte Carlo over the analyst's choices → rank intervals per entity, and variance-based Sobol
 * indices per choice (Saltelli first-order, Jansen total) on a scalar summary of the ranking.
 */
import { CoreError } from "../errors.js";
import { type RandomSeed, randomGenerator } from "../random/xoshiro.js";
import { type CompositeDiagnostic, compositeDiagnostic } from "./codes.js";
import { competitionRanksInto } from "./rank.js";

/**
 * One uncertain choice (不确定因素) of the choice space:
 * - `discrete`: one of `levels` alternatives (normalisation method, weighting method, aggregation,
 *   imputation, indicator dropped …), drawn uniformly; its value in the choice vector is the integer
 *   index 0…levels − 1.
 * - `continuous`: `dimension` values drawn independently and uniformly in [lower, upper] (e.g. the
 *   relative perturbation of each of n weights, lower = −0.25, upper = 0.25 for ±25 %). All of them
 *   form one factor for the Sobol indices (a group, swapped together in the A_B^(i) matrices).
 */
export type ChoiceFactor =
  | { readonly name: string; readonly kind: "discrete"; readonly levels: number }
  | {
      readonly name: string;
      readonly kind: "continuous";
      readonly lower: number;
      readonly upper: number;
      /** @default 1 */
      readonly dimension?: number;
    };

/**
 * Evaluates one choice vector: writes the m entities' scores (higher = better unless `descending`
 * is false) into `scores`. `choice` holds the factors' values in factor order (a continuous factor of
 * dimension d takes d consecutive slots). Both buffers are reused between calls: copy, don't keep.
 */
export type ScoreEvaluator = (choice: Float64Array, scores: Float64Array) => void;

/**
 * Scalar output of one run for the Sobol indices, from the run's ranks and the nominal ranks.
 * Default: the mean absolute rank shift (1/m) Σ_e |rank_e − nominalRank_e| (as COINr).
 */
export type RankSummary = (scores: Float64Array, ranks: Int32Array, nominalRanks: Int32Array) => number;

export interface UncertaintyOptions {
  /** the choice space */
  readonly factors: readonly ChoiceFactor[];
  /** the model: choice vector → entity scores */
  readonly evaluate: ScoreEvaluator;
  /** m, the number of entities scored */
  readonly entities: number;
  /** N, the number of base samples (Monte-Carlo runs; N·(k + 2) evaluations with Sobol) */
  readonly runs: number;
  /** 64-bit seed of the xoshiro128** stream (record it with the result) */
  readonly seed: RandomSeed;
  /** the nominal choice vector (the analyst's default choices), same layout as `choice` */
  readonly nominal: ArrayLike<number>;
  /** compute Sobol indices (Saltelli design) @default true */
  readonly sobol?: boolean;
  /** rank 1 = highest score @default true */
  readonly descending?: boolean;
  /** the scalar output of the Sobol indices @default mean absolute rank shift */
  readonly output?: RankSummary;
}

/** Sobol indices of one factor. */
export interface SobolIndex {
  readonly factor: string;
  /** S_i, first order (Saltelli et al. 2010, Table 2 (b)) */
  readonly firstOrder: number;
  /** S_Ti, total effect (Jansen 1999; Saltelli et al. 2010, Table 2 (f)) */
  readonly total: number;
}

export interface UncertaintyResult {
  /** scores and competition ranks at the nominal choices */
  readonly nominalScores: Float64Array;
  readonly nominalRanks: Int32Array;
  /** per entity: median, 5th and 95th percentile of its rank over the Monte-Carlo samples */
  readonly medianRank: Float64Array;
  readonly rankP05: Float64Array;
  readonly rankP95: Float64Array;
  /** samples behind the rank statistics (N without Sobol, 2N with: the A and B rows) */
  readonly samples: number;
  /** model evaluations made (N, or N·(k + 2), plus 1 for the nominal) */
  readonly evaluations: number;
  /** Sobol indices in factor order (null when `sobol` is false) */
  readonly sobol: readonly SobolIndex[] | null;
  /** mean and variance of the scalar output over the A and B rows (null without Sobol) */
  readonly outputMean: number | null;
  readonly outputVariance: number | null;
  readonly seed: string;
  readonly algorithm: "xoshiro128**";
  readonly diagnostics: readonly CompositeDiagnostic[];
}

/** Mean absolute rank shift against the nominal ranking (the default Sobol output). */
export const meanAbsoluteRankShift: RankSummary = (_scores, ranks, nominal) => {
  let s = 0;
  for (let e = 0; e < ranks.length; e++) s += Math.abs((ranks[e] as number) - (nominal[e] as number));
  return s / ranks.length;
};

interface Layout {
  readonly offsets: Int32Array;
  readonly widths: Int32Array;
  readonly dimension: number;
}

function layoutOf(factors: readonly ChoiceFactor[], fn: string): Layout {
  const k = factors.length;
  const offsets = new Int32Array(k);
  const widths = new Int32Array(k);
  let d = 0;
  factors.forEach((f, i) => {
    let w: number;
    if (f.kind === "discrete") {
      if (!Number.isInteger(f.levels) || f.levels < 1) {
        throw new CoreError("invalid_argument", {
          function: fn,
          argument: "factors",
          reason: "invalid_factor",
          index: i,
          code: f.name,
        });
      }
      w = 1;
    } else if (f.kind === "continuous") {
      w = f.dimension ?? 1;
      if (
        !Number.isInteger(w) ||
        w < 1 ||
        !Number.isFinite(f.lower) ||
        !Number.isFinite(f.upper) ||
        !(f.lower <= f.upper)
      ) {
        throw new CoreError("invalid_argument", {
          function: fn,
          argument: "factors",
          reason: "invalid_factor",
          index: i,
          code: f.name,
        });
      }
    } else {
      throw new CoreError("invalid_argument", {
        function: fn,
        argument: "factors",
        reason: "invalid_factor",
        index: i,
      });
    }
    offsets[i] = d;
    widths[i] = w;
    d += w;
  });
  return { offsets, widths, dimension: d };
}

/** Maps uniforms u ∈ [0,1)^d to factor values in place. */
function decode(factors: readonly ChoiceFactor[], layout: Layout, u: Float64Array, out: Float64Array): void {
  for (let i = 0; i < factors.length; i++) {
    const f = factors[i] as ChoiceFactor;
    const o = layout.offsets[i] as number;
    if (f.kind === "discrete") out[o] = Math.floor((u[o] as number) * f.levels);
    else {
      const span = f.upper - f.lower;
      for (let c = 0; c < (layout.widths[i] as number); c++) out[o + c] = f.lower + span * (u[o + c] as number);
    }
  }
}

/** Quantile (numpy "linear", Hyndman–Fan type 7) of integer ranks 1…m from their histogram. */
function histogramQuantile(counts: Int32Array, base: number, m: number, total: number, p: number): number {
  const h = (total - 1) * p;
  const lo = Math.floor(h);
  const frac = h - lo;
  let seen = 0;
  let vLo = Number.NaN;
  let vHi = Number.NaN;
  for (let r = 1; r <= m; r++) {
    const c = counts[base + r] as number;
    if (c === 0) continue;
    if (Number.isNaN(vLo) && lo < seen + c) vLo = r;
    if (lo + 1 < seen + c) {
      vHi = r;
      break;
    }
    seen += c;
  }
  if (Number.isNaN(vHi)) vHi = vLo;
  return vLo + frac * (vHi - vLo);
}

/**
 * Monte-Carlo uncertainty analysis of a ranking with variance-based sensitivity indices
 * (蒙特卡洛不确定性分析与 Sobol 敏感性指数).
 *
 * Design (Saltelli et al. 2010, §3): for j = 1…N draw two independent rows A_j, B_j of d uniforms
 * (first the d values of A_j, then the d of B_j, from one xoshiro128** stream seeded with `seed`),
 * decode them into factor values, and evaluate f(A_j), f(B_j) and, for each factor i, f(A_B^(i)_j) —
 * A_j with factor i's slots taken from B_j. Without Sobol only the A rows are drawn and evaluated.
 * Rank statistics use the A and B rows (2N independent draws of the choice space): per entity the
 * median and the 5 % and 95 % quantiles of its competition rank (numpy's default "linear" quantile).
 * Sobol indices use the scalar Y = output(run) (default: mean absolute rank shift against the
 * nominal ranking), f₀ and V the mean and variance of Y over the A and B rows (divisor 2N):
 *
 *     S_i  = (1/N) Σ_j (f(B)_j − f₀)·(f(A_B^(i))_j − f(A)_j) / V    (Saltelli et al. 2010, Table 2 (b))
 *     S_Ti = (1/(2N)) Σ_j (f(A)_j − f(A_B^(i))_j)² / V              (Jansen 1999; Table 2 (f))
 *
 * In S_i, f(B) is centred by the mean of the A and B outputs (as SALib does by standardising Y):
 * the expectation is unchanged (E[f(A_B^(i)) − f(A)] = 0) and the variance term f₀²·Var(f(A_B^(i)) −
 * f(A)), which swamps the estimate when |mean| ≫ sd, disappears. Both are Monte-Carlo estimates:
 * S_Ti ≥ S_i holds for the true indices, and for the estimates up to O(1/√N) noise. Pseudo-random (not quasi-random) points are used, so every run is replayable from
 * the seed alone. Buffers are allocated once; each evaluation allocates nothing here.
 *
 * @param options - {@link UncertaintyOptions}
 * @returns `{nominalScores, nominalRanks, medianRank, rankP05, rankP95, samples, evaluations, sobol,
 *   outputMean, outputVariance, seed, algorithm, diagnostics}` (diagnostic zero_output_variance when
 *   V = 0: the indices are then 0)
 * @throws {CoreError} invalid_argument (reason invalid_factor; runs or entities not an integer ≥ 1;
 *   a bad seed); dimension_mismatch (nominal length ≠ d); non_finite (a score the evaluator wrote)
 * @example
 * const r = uncertaintyAnalysis({
 *   factors: [{ name: "weights", kind: "continuous", lower: -0.2, upper: 0.2, dimension: 2 }],
 *   evaluate: (c, s) => { s[0] = 0.5 + c[0]; s[1] = 0.5 + c[1]; },
 *   entities: 2, runs: 1000, seed: 1, nominal: [0, 0],
 * });
 * r.medianRank; // => Float64Array [1.5, 1.5] (each entity first half of the time)
 * @see Saltelli, A., Annoni, P., Azzini, I., Campolongo, F., Ratto, M. & Tarantola, S. (2010),
 *   "Variance based sensitivity analysis of model output. Design and estimator for the total
 *   sensitivity index", Computer Physics Communications 181(2), 259–270; Jansen, M. J. W. (1999),
 *   Computer Physics Communications 117, 35–43; Saisana, Saltelli & Tarantola (2005), JRSS A 168(2),
 *   307–323 (uncertainty of composite indicators); COINr `get_sensitivity` (Becker et al., JRC).
 * Complexity N·(k + 2) evaluations + O(N·(k + 2)·m log m) for the ranks.
 */
export function uncertaintyAnalysis(options: UncertaintyOptions): UncertaintyResult {
  const fn = "uncertaintyAnalysis";
  const { factors, evaluate, entities: m, runs: N } = options;
  if (!Number.isInteger(m) || m < 1)
    throw new CoreError("invalid_argument", { function: fn, option: "entities", received: m });
  if (!Number.isInteger(N) || N < 1)
    throw new CoreError("invalid_argument", { function: fn, option: "runs", received: N });
  const layout = layoutOf(factors, fn);
  const d = layout.dimension;
  if (options.nominal.length !== d) {
    throw new CoreError("dimension_mismatch", {
      function: fn,
      argument: "nominal",
      expected: d,
      received: options.nominal.length,
    });
  }
  const descending = options.descending ?? true;
  const withSobol = options.sobol ?? true;
  const output = options.output ?? meanAbsoluteRankShift;
  const rng = randomGenerator(options.seed);
  const k = factors.length;

  const scores = new Float64Array(m);
  const ranks = new Int32Array(m);
  const order = new Int32Array(m);
  const checkScores = (): void => {
    for (let e = 0; e < m; e++) {
      const v = scores[e] as number;
      if (!Number.isFinite(v))
        throw new CoreError("non_finite", { function: fn, argument: "scores", index: e, value: v });
    }
  };

  // nominal run
  const choice = Float64Array.from(options.nominal);
  evaluate(choice, scores);
  checkScores();
  const nominalScores = Float64Array.from(scores);
  const nominalRanks = new Int32Array(m);
  competitionRanksInto(nominalScores, descending, order, nominalRanks);

  // rank histograms: counts[e·(m + 1) + r]
  const counts = new Int32Array(m * (m + 1));
  let samples = 0;
  const run = (u: Float64Array, recordRanks: boolean): number => {
    decode(factors, layout, u, choice);
    evaluate(choice, scores);
    checkScores();
    competitionRanksInto(scores, descending, order, ranks);
    if (recordRanks) {
      for (let e = 0; e < m; e++) {
        const idx = e * (m + 1) + (ranks[e] as number);
        counts[idx] = (counts[idx] as number) + 1;
      }
      samples++;
    }
    return withSobol ? output(scores, ranks, nominalRanks) : 0;
  };

  const uA = new Float64Array(d);
  const uB = new Float64Array(d);
  const uAB = new Float64Array(d);
  const yA = new Float64Array(withSobol ? N : 0);
  const yB = new Float64Array(withSobol ? N : 0);
  const yAB = new Float64Array(withSobol ? N * k : 0);
  for (let j = 0; j < N; j++) {
    for (let c = 0; c < d; c++) uA[c] = rng.uniform();
    if (!withSobol) {
      run(uA, true);
      continue;
    }
    for (let c = 0; c < d; c++) uB[c] = rng.uniform();
    yA[j] = run(uA, true);
    yB[j] = run(uB, true);
    for (let i = 0; i < k; i++) {
      uAB.set(uA);
      const o = layout.offsets[i] as number;
      uAB.set(uB.subarray(o, o + (layout.widths[i] as number)), o);
      yAB[i * N + j] = run(uAB, false);
    }
  }

  const medianRank = new Float64Array(m);
  const rankP05 = new Float64Array(m);
  const rankP95 = new Float64Array(m);
  for (let e = 0; e < m; e++) {
    const base = e * (m + 1);
    medianRank[e] = histogramQuantile(counts, base, m, samples, 0.5);
    rankP05[e] = histogramQuantile(counts, base, m, samples, 0.05);
    rankP95[e] = histogramQuantile(counts, base, m, samples, 0.95);
  }

  const diagnostics: CompositeDiagnostic[] = [];
  let sobol: SobolIndex[] | null = null;
  let outputMean: number | null = null;
  let outputVariance: number | null = null;
  if (withSobol) {
    let mean = 0;
    for (let j = 0; j < N; j++) mean += (yA[j] as number) + (yB[j] as number);
    mean /= 2 * N;
    let V = 0;
    for (let j = 0; j < N; j++) V += ((yA[j] as number) - mean) ** 2 + ((yB[j] as number) - mean) ** 2;
    V /= 2 * N;
    outputMean = mean;
    outputVariance = V;
    if (!(V > 0)) diagnostics.push(compositeDiagnostic("zero_output_variance", "warning", { runs: N }));
    sobol = factors.map((f, i) => {
      if (!(V > 0)) return { factor: f.name, firstOrder: 0, total: 0 };
      let s1 = 0;
      let st = 0;
      for (let j = 0; j < N; j++) {
        const a = yA[j] as number;
        const ab = yAB[i * N + j] as number;
        s1 += ((yB[j] as number) - mean) * (ab - a);
        st += (a - ab) ** 2;
      }
      return { factor: f.name, firstOrder: s1 / N / V, total: st / (2 * N) / V };
    });
  }
  const seed = typeof options.seed === "bigint" ? options.seed.toString() : String(options.seed);
  return {
    nominalScores,
    nominalRanks,
    medianRank,
    rankP05,
    rankP95,
    samples,
    evaluations: 1 + (withSobol ? N * (k + 2) : N),
    sobol,
    outputMean,
    outputVariance,
    seed,
    algorithm: "xoshiro128**",
    diagnostics,
  };
}
