/**
 * Uncertainty and sensitivity of a framework index's ranking (综合指数排名的不确定性与敏感性分析),
 * COINr-style (issue 7 item 5): Monte Carlo over the analyst's choices — normalisation, the weighting
 * method of the indicators, weights perturbed by ±x %, aggregation, one indicator dropped — through
 * the core `uncertaintyAnalysis` (Saltelli first-order and Jansen total Sobol indices, seeded
 * xoshiro128**), giving per entity its median rank and 5–95 % rank interval in one year.
 *
 * Speed: every combination of the discrete choices (normalisation × weighting × aggregation) is
 * built once on all rows with {@link frameworkTree} — its weights at every level, estimated on all
 * entity-years as in `buildIndex` — and a run only perturbs those weights, drops an indicator and
 * re-aggregates the entities of the year analysed (logarithms of the indicator scores precomputed
 * for geometric runs). Nothing is allocated per run.
 *
 * Choices of the Monte Carlo, recorded in provenance:
 * - `zscore` runs use COINr's scaled z-scores 10 + 2z, so geometric runs are defined; arithmetic
 *   ranks are the same as with z (an affine map common to every indicator);
 * - perturbed weights w·(1 + u), u ~ U(−x, x) per node, are rescaled to sum to 1 among siblings;
 * - a dropped indicator gets weight 0 and its siblings are rescaled (weights are not re-estimated);
 * - the spec's own choices are the nominal run, and are among the alternatives (the spec's manual
 *   indicator weights are the alternative `spec`).
 */
import {
  type ChoiceFactor,
  CoreError,
  type Diagnostic,
  diagnostic,
  matrix,
  meanAbsoluteRankShift,
  uncertaintyAnalysis,
} from "../core/index.js";
import {
  type FrameworkData,
  type FrameworkNode,
  type FrameworkNormalised,
  type FrameworkTree,
  frameworkData,
  frameworkNormalise,
  frameworkTree,
  type IndexSpecRef,
  indicatorsOf,
  type SpecAggregation,
  type SpecNormalisation,
  type SpecWeighting,
  specOf,
  specParameters,
} from "./composite-framework.js";
import type { IndicatorRef, IndicatorRefOptions } from "./composite-index.js";
import { type ResultProvenance, resultProvenance } from "./provenance.js";

/** The scalar summary of a run that the Sobol indices decompose (core `RankSummary`). */
type RankSummary = NonNullable<Parameters<typeof uncertaintyAnalysis>[0]["output"]>;

/** The factors of the choice space, in the order they are drawn. */
export const UNCERTAINTY_FACTORS = ["normalisation", "weighting", "weights", "aggregation", "dropped"] as const;
export type UncertaintyFactor = (typeof UNCERTAINTY_FACTORS)[number];

/** A Sobol index whose Monte-Carlo standard error exceeds this is reported as not converged. */
export const SOBOL_SE_THRESHOLD = 0.05;

export interface IndexUncertaintyOptions {
  /** N, base samples (N·(k + 2) evaluations with k factors) */
  readonly runs: number;
  /** seed of the xoshiro128** stream; the same seed replays the same runs */
  readonly seed: number | bigint;
  /** the factors varied (the others stay at the spec's choice) @default all of {@link UNCERTAINTY_FACTORS} */
  readonly factors?: readonly UncertaintyFactor[];
  /** relative weight perturbation x (±x) @default 0.2 */
  readonly perturbation?: number;
  /** the year whose ranking is analysed @default the last year of the table */
  readonly year?: number;
}

export interface EntityRankInterval {
  readonly entity: string;
  /** rank under the spec's own choices */
  readonly nominalRank: number;
  readonly medianRank: number;
  readonly rankP05: number;
  readonly rankP95: number;
}

export interface FactorSensitivity {
  readonly factor: UncertaintyFactor;
  /** the alternatives drawn (discrete factors), e.g. ["minmax", "panel_minmax", "zscore"] */
  readonly levels?: readonly string[];
  /** the spec's own choice */
  readonly nominal?: string;
  readonly firstOrder: number;
  readonly total: number;
  /** Monte-Carlo standard errors of the two estimates (normal approximation over the N samples) */
  readonly firstOrderSe: number;
  readonly totalSe: number;
}

export interface IndexUncertaintyResult {
  readonly dataset: string;
  readonly spec: { readonly id: string; readonly file: string; readonly sha256: string };
  readonly year: number | null;
  readonly runs: number;
  readonly seed: string;
  readonly evaluations: number;
  readonly perturbation: number;
  readonly entities: readonly EntityRankInterval[];
  readonly sobol: readonly FactorSensitivity[];
  /** mean and variance of the Sobol output (mean absolute rank shift against the nominal ranking) */
  readonly outputMean: number | null;
  readonly outputVariance: number | null;
  readonly diagnostics: readonly Diagnostic[];
  readonly provenance: ResultProvenance;
}

const BASE_NORMALISATIONS: readonly SpecNormalisation[] = ["minmax", "panel_minmax", "zscore"];
const BASE_WEIGHTINGS: readonly SpecWeighting[] = ["equal", "entropy", "critic", "pca"];
const BASE_AGGREGATIONS: readonly SpecAggregation[] = ["arithmetic", "geometric"];

/** One combination of discrete choices, ready for fast re-aggregation of the year's rows. */
interface Combo {
  /** nominal weight of each node among its siblings */
  readonly weights: Float64Array;
  readonly aggregation: SpecAggregation;
  /** indicator scores of the year's rows, mt×n, and their logarithms (geometric) */
  readonly leafScores: Float64Array;
  readonly leafLogs: Float64Array | null;
}

/** z-scores as COINr scales them for robustness runs: 10 + 2z (positive, same arithmetic ranks). */
function scaledZ(norm: FrameworkNormalised): FrameworkNormalised {
  const R = matrix(
    norm.R.rows,
    norm.R.cols,
    Float64Array.from(norm.R.data, (z) => 10 + 2 * z),
  );
  return { ...norm, R };
}

/**
 * Uncertainty analysis of a framework index's ranking (指标体系排名的不确定性分析): per entity of one
 * year the median rank and 5–95 % rank interval over the Monte-Carlo runs, and first-order and total
 * Sobol indices of each factor on the mean absolute rank shift, with their Monte-Carlo standard errors
 * (diagnostic sobol_not_converged above {@link SOBOL_SE_THRESHOLD}; zero_output_variance when no
 * choice moves the ranking).
 * @param ref the indicator table
 * @param specRef the spec
 * @param options {@link IndexUncertaintyOptions}
 * @returns {@link IndexUncertaintyResult}
 * @throws {DataIssuesError} as buildIndex; {CoreError} invalid_argument (year not in the table, a
 *   factor list that is empty or unknown, runs or perturbation out of range) and the core's errors
 * @see Saisana, Saltelli & Tarantola (2005), JRSS A 168(2), 307–323; Saltelli et al. (2010), CPC
 *   181(2), 259–270; COINr `get_sensitivity`.
 * Complexity: 24–60 tree builds on all rows, then N·(k + 2) re-aggregations of one year's rows.
 */
export async function indexUncertainty(
  ref: IndicatorRef,
  specRef: IndexSpecRef,
  options: IndexUncertaintyOptions,
  context: IndicatorRefOptions = {},
): Promise<IndexUncertaintyResult> {
  const spec = specOf(specRef);
  const { table, meta } = await indicatorsOf(ref, context.source);
  const data = frameworkData(spec, table);
  const perturbation = options.perturbation ?? 0.2;
  if (!(perturbation >= 0 && perturbation < 1))
    throw new CoreError("invalid_argument", { option: "perturbation", received: perturbation, expected: "[0, 1)" });
  const factorNames = options.factors ?? UNCERTAINTY_FACTORS;
  for (const f of factorNames)
    if (!UNCERTAINTY_FACTORS.includes(f))
      throw new CoreError("invalid_argument", { option: "factors", value: f, expected: [...UNCERTAINTY_FACTORS] });
  if (factorNames.length === 0)
    throw new CoreError("invalid_argument", { option: "factors", value: "", expected: [...UNCERTAINTY_FACTORS] });
  const year = options.year ?? (table.years === undefined ? undefined : table.years[table.years.length - 1]);
  if (options.year !== undefined && !(table.years ?? []).includes(options.year))
    throw new CoreError("invalid_argument", {
      option: "year",
      value: options.year,
      expected: table.years ?? [],
      reason: "year_not_found",
    });
  const target = data.rows.flatMap((r, i) => (r.year === year ? [i] : []));
  const mt = target.length;
  if (mt < 2)
    throw new CoreError("too_few_observations", {
      function: "indexUncertainty",
      argument: "entities",
      required: 2,
      received: mt,
    });

  const { nodes } = spec;
  const n = spec.leaves.length;
  const leafParents = new Set(spec.leaves.map((k) => (nodes[k] as FrameworkNode).parent));
  const leafMethods = new Set([...leafParents].map((g) => (nodes[g] as FrameworkNode).weighting));
  const specLeafMethod = leafMethods.size === 1 ? [...leafMethods][0] : undefined;
  const uniform = specLeafMethod !== undefined && specLeafMethod !== "manual" ? specLeafMethod : undefined;
  const normLevels = BASE_NORMALISATIONS.includes(spec.normalisation)
    ? BASE_NORMALISATIONS
    : [spec.normalisation, ...BASE_NORMALISATIONS];
  const weightLevels: readonly (SpecWeighting | "spec")[] =
    uniform !== undefined ? BASE_WEIGHTINGS : ["spec", ...BASE_WEIGHTINGS];
  const aggLevels = BASE_AGGREGATIONS.includes(spec.aggregation)
    ? BASE_AGGREGATIONS
    : [...BASE_AGGREGATIONS, spec.aggregation];
  const nominalNorm = normLevels.indexOf(spec.normalisation);
  const nominalWeight = uniform !== undefined ? weightLevels.indexOf(uniform) : 0;
  const nominalAgg = aggLevels.indexOf(spec.aggregation);

  // ---- precomputed combinations (lazily: only those the runs draw) ----
  const norms = new Map<number, FrameworkNormalised>();
  const normOf = (k: number): FrameworkNormalised => {
    let r = norms.get(k);
    if (r === undefined) {
      const method = normLevels[k] as SpecNormalisation;
      r = frameworkNormalise(spec, data, method);
      if (method === "zscore") r = scaledZ(r);
      norms.set(k, r);
    }
    return r;
  };
  const combos = new Map<number, Combo>();
  const diagnostics: Diagnostic[] = [];
  let nominalTree: FrameworkTree | undefined;
  const comboOf = (a: number, b: number, c: number): Combo => {
    const key = (a * weightLevels.length + b) * aggLevels.length + c;
    let combo = combos.get(key);
    if (combo !== undefined) return combo;
    const norm = normOf(a);
    const aggregation = aggLevels[c] as SpecAggregation;
    const w = weightLevels[b] as SpecWeighting | "spec";
    const tree = frameworkTree(spec, data, norm, {
      aggregation,
      ...(w !== "spec" && { indicatorWeighting: w }),
    });
    if (a === nominalNorm && b === nominalWeight && c === nominalAgg) nominalTree = tree;
    const leafScores = new Float64Array(mt * n);
    target.forEach((i, q) => {
      leafScores.set(norm.R.data.subarray(i * n, (i + 1) * n), q * n);
    });
    const shift = spec.geometricShift;
    let leafLogs: Float64Array | null = null;
    if (aggregation === "geometric") {
      leafLogs = Float64Array.from(leafScores, (v) => Math.log(v + shift));
      // a non-positive score has no logarithm: the tree build above has thrown already
    }
    combo = { weights: tree.weights, aggregation, leafScores, leafLogs };
    combos.set(key, combo);
    return combo;
  };

  // ---- the evaluator ----
  const groupsBottomUp: number[] = [];
  for (let g = nodes.length - 1; g >= 0; g--)
    if ((nodes[g] as FrameworkNode).level !== "indicator") groupsBottomUp.push(g);
  const edges = nodes.length - 1; // node g ≥ 1 has one weight among its siblings
  const w = new Float64Array(nodes.length);
  const scores = new Float64Array(nodes.length * mt); // node-major; leaves read from the combo
  const logs = new Float64Array(nodes.length * mt);
  const dPlus = new Float64Array(mt);
  const dMinus = new Float64Array(mt);
  const factors: ChoiceFactor[] = [];
  const slot = new Map<UncertaintyFactor, number>();
  let d = 0;
  const nominal: number[] = [];
  for (const f of factorNames) {
    slot.set(f, d);
    if (f === "weights") {
      factors.push({ name: f, kind: "continuous", lower: -perturbation, upper: perturbation, dimension: edges });
      for (let e = 0; e < edges; e++) nominal.push(0);
      d += edges;
    } else {
      const levels =
        f === "normalisation"
          ? normLevels.length
          : f === "weighting"
            ? weightLevels.length
            : f === "aggregation"
              ? aggLevels.length
              : n + 1;
      factors.push({ name: f, kind: "discrete", levels });
      nominal.push(
        f === "normalisation" ? nominalNorm : f === "weighting" ? nominalWeight : f === "aggregation" ? nominalAgg : 0,
      );
      d += 1;
    }
  }
  const at = (f: UncertaintyFactor, fallback: number, choice: Float64Array): number => {
    const s = slot.get(f);
    return s === undefined ? fallback : (choice[s] as number);
  };
  const wSlot = slot.get("weights");
  const gShift = spec.geometricShift;
  const evaluate = (choice: Float64Array, out: Float64Array): void => {
    const combo = comboOf(
      at("normalisation", nominalNorm, choice),
      at("weighting", nominalWeight, choice),
      at("aggregation", nominalAgg, choice),
    );
    const dropped = at("dropped", 0, choice) - 1; // −1 = none, else the leaf index
    const droppedNode = dropped >= 0 ? (spec.leaves[dropped] as number) : -1;
    for (let g = 1; g < nodes.length; g++) {
      let v = combo.weights[g] as number;
      if (wSlot !== undefined) v *= 1 + (choice[wSlot + g - 1] as number);
      w[g] = g === droppedNode ? 0 : v;
    }
    const geometric = combo.aggregation === "geometric";
    const { leafScores, leafLogs } = combo;
    for (const g of groupsBottomUp) {
      const node = nodes[g] as FrameworkNode;
      const kids = node.children;
      let sum = 0;
      for (const c of kids) sum += w[c] as number;
      const inv = sum > 0 ? 1 / sum : 0;
      const topsisRoot = g === 0 && combo.aggregation === "topsis";
      if (topsisRoot) {
        topsisInto(kids, w, inv, scores, mt, out, dPlus, dMinus);
        return;
      }
      const base = g * mt;
      for (let q = 0; q < mt; q++) {
        let s = 0;
        for (const c of kids) {
          const wc = (w[c] as number) * inv;
          if (wc === 0) continue;
          const leaf = (nodes[c] as FrameworkNode).leaf;
          if (geometric)
            s +=
              wc *
              (leaf !== undefined
                ? ((leafLogs as Float64Array)[q * n + leaf] as number)
                : (logs[c * mt + q] as number));
          else s += wc * (leaf !== undefined ? (leafScores[q * n + leaf] as number) : (scores[c * mt + q] as number));
        }
        const v = geometric ? Math.exp(s) : s;
        scores[base + q] = v;
        if (geometric) logs[base + q] = Math.log(v + gShift);
      }
    }
    for (let q = 0; q < mt; q++) out[q] = scores[q] as number;
  };

  // capture every run's output, in the order the core evaluates them (A, B, A_B^(1…k) per sample)
  const k = factors.length;
  const N = options.runs;
  const outputs = new Float64Array(N * (k + 2));
  let written = 0;
  const output: RankSummary = (s, ranks, nominalRanks) => {
    const y = meanAbsoluteRankShift(s, ranks, nominalRanks);
    if (written < outputs.length) outputs[written++] = y;
    return y;
  };
  const r = uncertaintyAnalysis({
    factors,
    evaluate,
    entities: mt,
    runs: N,
    seed: options.seed,
    nominal,
    output,
  });
  diagnostics.push(...r.diagnostics);
  if (nominalTree !== undefined) diagnostics.push(...nominalTree.diagnostics);
  const se = sobolStandardErrors(outputs, N, k, r.outputMean ?? 0, r.outputVariance ?? 0);
  const sobol: FactorSensitivity[] = factors.map((f, i) => {
    const name = f.name as UncertaintyFactor;
    const s = r.sobol?.[i];
    const levels =
      name === "normalisation"
        ? normLevels
        : name === "weighting"
          ? weightLevels
          : name === "aggregation"
            ? aggLevels
            : name === "dropped"
              ? ["none", ...spec.leaves.map((q) => (nodes[q] as FrameworkNode).id)]
              : undefined;
    const nominalLevel = levels?.[nominal[slot.get(name) as number] as number];
    return {
      factor: name,
      ...(levels !== undefined && { levels: [...levels] }),
      ...(nominalLevel !== undefined && { nominal: nominalLevel }),
      firstOrder: s?.firstOrder ?? 0,
      total: s?.total ?? 0,
      firstOrderSe: se.first[i] as number,
      totalSe: se.total[i] as number,
    };
  });
  if ((r.outputVariance ?? 0) > 0)
    for (const s of sobol)
      if (s.firstOrderSe > SOBOL_SE_THRESHOLD || s.totalSe > SOBOL_SE_THRESHOLD)
        diagnostics.push(
          diagnostic("sobol_not_converged", "warning", {
            factor: s.factor,
            runs: N,
            firstOrderSe: s.firstOrderSe,
            totalSe: s.totalSe,
            threshold: SOBOL_SE_THRESHOLD,
          }),
        );
  const entities: EntityRankInterval[] = target.map((i, q) => ({
    entity: (data.rows[i] as FrameworkData["rows"][number]).entity,
    nominalRank: r.nominalRanks[q] as number,
    medianRank: r.medianRank[q] as number,
    rankP05: r.rankP05[q] as number,
    rankP95: r.rankP95[q] as number,
  }));
  return {
    dataset: meta.id,
    spec: { id: spec.id, file: spec.file, sha256: spec.sha256 },
    year: year ?? null,
    runs: N,
    seed: r.seed,
    evaluations: r.evaluations,
    perturbation,
    entities,
    sobol,
    outputMean: r.outputMean,
    outputVariance: r.outputVariance,
    diagnostics,
    provenance: resultProvenance(
      [meta],
      "index_uncertainty",
      {
        ...specParameters(spec),
        imputedCells: data.imputed.length,
        winsorisedCells: data.winsorised.length,
        year: year ?? null,
        runs: N,
        seed: r.seed,
        algorithm: r.algorithm,
        design: "saltelli_2010_first_order_jansen_1999_total",
        output: "mean_absolute_rank_shift",
        rankQuantiles: "numpy_linear_over_A_and_B_rows",
        factors: sobol.map((s) => ({ factor: s.factor, ...(s.levels !== undefined && { levels: s.levels }) })),
        perturbation,
        perturbedWeights: "w(1+u), u~U(-x,x), rescaled among siblings",
        droppedIndicator: "weight 0, siblings rescaled (weights not re-estimated)",
        zscoreInRuns: "10 + 2z (COINr)",
        sobolSeThreshold: SOBOL_SE_THRESHOLD,
      },
      context.clock,
    ),
  };
}

/** TOPSIS closeness of the pillars' scores (vector normalisation, all benefits) into `out`. */
function topsisInto(
  kids: readonly number[],
  w: Float64Array,
  inv: number,
  scores: Float64Array,
  mt: number,
  out: Float64Array,
  dPlus: Float64Array,
  dMinus: Float64Array,
): void {
  dPlus.fill(0);
  dMinus.fill(0);
  for (const c of kids) {
    const wc = (w[c] as number) * inv;
    let ss = 0;
    for (let q = 0; q < mt; q++) ss += (scores[c * mt + q] as number) ** 2;
    const norm = Math.sqrt(ss);
    if (!(norm > 0) || wc === 0) continue;
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (let q = 0; q < mt; q++) {
      const v = (wc * (scores[c * mt + q] as number)) / norm;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    for (let q = 0; q < mt; q++) {
      const v = (wc * (scores[c * mt + q] as number)) / norm;
      dPlus[q] = (dPlus[q] as number) + (v - hi) ** 2;
      dMinus[q] = (dMinus[q] as number) + (v - lo) ** 2;
    }
  }
  for (let q = 0; q < mt; q++) {
    const a = Math.sqrt(dPlus[q] as number);
    const b = Math.sqrt(dMinus[q] as number);
    out[q] = a + b > 0 ? b / (a + b) : 0.5;
  }
}

/**
 * Standard errors of the Saltelli first-order and Jansen total estimators: the sample standard
 * deviation of their per-sample terms over √N (the estimators are means of those terms divided by V).
 */
function sobolStandardErrors(
  y: Float64Array,
  N: number,
  k: number,
  mean: number,
  V: number,
): { first: Float64Array; total: Float64Array } {
  const first = new Float64Array(k);
  const total = new Float64Array(k);
  if (!(V > 0) || N < 2) return { first, total };
  const stride = k + 2;
  for (let i = 0; i < k; i++) {
    let s1 = 0;
    let s1sq = 0;
    let st = 0;
    let stsq = 0;
    for (let j = 0; j < N; j++) {
      const a = y[j * stride] as number;
      const b = y[j * stride + 1] as number;
      const ab = y[j * stride + 2 + i] as number;
      const t1 = ((b - mean) * (ab - a)) / V;
      const tt = (a - ab) ** 2 / (2 * V);
      s1 += t1;
      s1sq += t1 * t1;
      st += tt;
      stsq += tt * tt;
    }
    const var1 = (s1sq - (s1 * s1) / N) / (N - 1);
    const vart = (stsq - (st * st) / N) / (N - 1);
    first[i] = Math.sqrt(Math.max(var1, 0) / N);
    total[i] = Math.sqrt(Math.max(vart, 0) / N);
  }
  return { first, total };
}
