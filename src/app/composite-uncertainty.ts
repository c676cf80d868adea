/**
 * Uncertainty and sensitivity of a framework index's ranking (综合指数排名的不确定性与敏感性分析),
 * COINr-style (issue 7 item 5): Monte Carlo over the analyst's choices — normalisation, the weighting
 * method of the indicators, weights perturbed by ±x %, aggregation, one indicator dropped — through
 * the core `uncertaintyAnalysis` (Saltelli first-order and Jansen total Sobol indices, seeded
 * xoshiro128**), giving per entity its median rank and 5–95 % rank interval in one year.
 *
 * Speed: every combination of the discrete choices (normalisation × weighting × aggregation) has
 * its weights estimated once on all rows with {@link frameworkTree}, as in `buildIndex` (a geometric
 * combination reuses the arithmetic tree when the aggregation cannot change the weights: no group
 * over groups weighted from data). A run then only perturbs those weights, drops an indicator and
 * re-aggregates the entities of the year analysed, on flat typed arrays (children in CSR form):
 * - each node's weight is rescaled among its siblings once per run;
 * - arithmetic (and below a TOPSIS root): the tree collapses into one effective weight per
 *   indicator, the product of the weights on its path, so an entity's score is one dot product;
 * - geometric: level by level on log scores (logarithms of the indicator scores precomputed), one
 *   exp/log per group and entity; the root's exp is skipped (ranks are invariant to it), and a
 *   group's log scores are reused from the combination's last run when its weights and sub-groups
 *   are unchanged (an A_B run shares all but one factor with its A run).
 * Results equal a plain tree walk's (tested): the sums are re-associated only in the arithmetic
 * collapse, which moves scores by rounding and ranks only on exact ties. Nothing is allocated per run.
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
  type IndexSpec,
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
  /** the year's rows, mt×n entity-major: indicator scores, or log(score + shift) under geometric aggregation */
  readonly values: Float64Array;
  /** geometric: the groups' log scores (node-major) of the last run that computed them, and the
   * rescaled child weights (per CSR position) they were computed with */
  readonly groupLogs: Float64Array | null;
  readonly usedWeights: Float64Array | null;
}

/**
 * The spec's tree in flat arrays. Nodes are in pre-order (a parent before its children, leaves
 * numbered in that order), so the leaves under any node are consecutive: leafLo[g] … leafHi[g] − 1.
 */
interface FlatTree {
  /** per node: its parent (−1 for the root) */
  readonly parent: Int32Array;
  /** children of node g: child[start[g] … start[g + 1]) (CSR) */
  readonly start: Int32Array;
  readonly child: Int32Array;
  /** per CSR position: the child's leaf index, −1 for a group */
  readonly childLeaf: Int32Array;
  /** the group nodes, children before parents */
  readonly groupsBottomUp: Int32Array;
  /** per node: 1 for a group whose children are all indicators */
  readonly overLeaves: Uint8Array;
  /** per leaf: its node */
  readonly leafNode: Int32Array;
  /** per node: the range of leaves under it */
  readonly leafLo: Int32Array;
  readonly leafHi: Int32Array;
}

function flatTree(spec: IndexSpec): FlatTree {
  const { nodes } = spec;
  const nn = nodes.length;
  const parent = Int32Array.from(nodes, (x) => x.parent);
  const start = new Int32Array(nn + 1);
  nodes.forEach((x, g) => {
    start[g + 1] = (start[g] as number) + x.children.length;
  });
  const child = Int32Array.from(nodes.flatMap((x) => x.children));
  const childLeaf = Int32Array.from(child, (c) => (nodes[c] as FrameworkNode).leaf ?? -1);
  const groups: number[] = [];
  for (let g = nn - 1; g >= 0; g--) if ((nodes[g] as FrameworkNode).level !== "indicator") groups.push(g);
  const overLeaves = Uint8Array.from(nodes, (x) =>
    x.level !== "indicator" && x.children.every((c) => (nodes[c] as FrameworkNode).leaf !== undefined) ? 1 : 0,
  );
  const leafLo = new Int32Array(nn).fill(spec.leaves.length);
  const leafHi = new Int32Array(nn);
  const count = new Int32Array(nn);
  spec.leaves.forEach((node, l) => {
    for (let g = node; g >= 0; g = parent[g] as number) {
      leafLo[g] = Math.min(leafLo[g] as number, l);
      leafHi[g] = Math.max(leafHi[g] as number, l + 1);
      count[g] = (count[g] as number) + 1;
    }
  });
  for (let g = 0; g < nn; g++)
    if ((leafHi[g] as number) - (leafLo[g] as number) !== count[g])
      throw new Error(`indexUncertainty: the leaves under node ${g} are not consecutive (spec not in pre-order)`);
  return {
    parent,
    start,
    child,
    childLeaf,
    groupsBottomUp: Int32Array.from(groups),
    overLeaves,
    leafNode: Int32Array.from(spec.leaves),
    leafLo,
    leafHi,
  };
}

/**
 * target[at + q] = Σ_j w[w0 + j]·X[q·n + c0 + j], j = 0 … count − 1, for the mt rows of the row-major
 * mt×n matrix X: each sum in the order of j from 0, as a plain loop would add it, four rows at a time.
 */
function dotRows(
  X: Float64Array,
  n: number,
  mt: number,
  w: Float64Array,
  w0: number,
  c0: number,
  count: number,
  target: Float64Array,
  at: number,
): void {
  let q = 0;
  for (; q + 3 < mt; q += 4) {
    const o0 = q * n + c0;
    const o1 = o0 + n;
    const o2 = o1 + n;
    const o3 = o2 + n;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let j = 0; j < count; j++) {
      const wj = w[w0 + j] as number;
      s0 += wj * (X[o0 + j] as number);
      s1 += wj * (X[o1 + j] as number);
      s2 += wj * (X[o2 + j] as number);
      s3 += wj * (X[o3 + j] as number);
    }
    target[at + q] = s0;
    target[at + q + 1] = s1;
    target[at + q + 2] = s2;
    target[at + q + 3] = s3;
  }
  for (; q < mt; q++) {
    const o = q * n + c0;
    let s = 0;
    for (let j = 0; j < count; j++) s += (w[w0 + j] as number) * (X[o + j] as number);
    target[at + q] = s;
  }
}

/**
 * Whether a tree's weights are the same under arithmetic and geometric aggregation: only a group
 * whose children are groups and which weights them from data (entropy, CRITIC, PCA on the children's
 * scores) sees the aggregation; indicator-level weights are estimated on the indicators.
 */
function weightsIndependentOfAggregation(spec: IndexSpec): boolean {
  return spec.nodes.every(
    (x) =>
      x.level === "indicator" ||
      x.weighting === "equal" ||
      x.weighting === "manual" ||
      x.children.every((c) => (spec.nodes[c] as FrameworkNode).level === "indicator"),
  );
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
 * Complexity: 12–60 tree builds on all rows, then N·(k + 2) re-aggregations of one year's rows
 *   (O(n·m) each, plus O(groups·m) exp/log under geometric aggregation).
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
  const shift = spec.geometricShift;

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
  // A geometric tree has the arithmetic tree's weights when no group over groups is weighted from
  // data (the indicator-level weights never depend on the aggregation), provided its build would not
  // throw: every indicator score + shift > 0 on all rows (else the geometric tree is built, and throws).
  const shareWeights = weightsIndependentOfAggregation(spec);
  const positive = new Map<number, boolean>();
  const positiveOf = (k: number): boolean => {
    let r = positive.get(k);
    if (r === undefined) {
      r = normOf(k).R.data.every((v) => v + spec.geometricShift > 0);
      positive.set(k, r);
    }
    return r;
  };
  const trees = new Map<string, FrameworkTree>();
  const treeOf = (a: number, b: number, aggregation: SpecAggregation): FrameworkTree => {
    const built = aggregation === "geometric" && shareWeights && positiveOf(a) ? "arithmetic" : aggregation;
    const key = `${a} ${b} ${built}`;
    let tree = trees.get(key);
    if (tree === undefined) {
      const w = weightLevels[b] as SpecWeighting | "spec";
      tree = frameworkTree(spec, data, normOf(a), {
        aggregation: built,
        ...(w !== "spec" && { indicatorWeighting: w }),
      });
      trees.set(key, tree);
    }
    return tree;
  };
  const combos = new Map<number, Combo>();
  const diagnostics: Diagnostic[] = [];
  let nominalTree: FrameworkTree | undefined;
  const comboOf = (a: number, b: number, c: number): Combo => {
    const key = (a * weightLevels.length + b) * aggLevels.length + c;
    let combo = combos.get(key);
    if (combo !== undefined) return combo;
    const aggregation = aggLevels[c] as SpecAggregation;
    const tree = treeOf(a, b, aggregation);
    if (a === nominalNorm && b === nominalWeight && c === nominalAgg) nominalTree = tree;
    const R = normOf(a).R.data;
    const values = new Float64Array(mt * n);
    target.forEach((i, q) => {
      values.set(R.subarray(i * n, (i + 1) * n), q * n);
    });
    const geometric = aggregation === "geometric";
    // a non-positive score has no logarithm: the tree build has thrown already
    if (geometric) for (let t = 0; t < values.length; t++) values[t] = Math.log((values[t] as number) + shift);
    combo = {
      weights: tree.weights,
      aggregation,
      values,
      groupLogs: geometric ? new Float64Array(nodes.length * mt) : null,
      usedWeights: geometric ? new Float64Array(nodes.length - 1).fill(Number.NaN) : null,
    };
    combos.set(key, combo);
    return combo;
  };

  // ---- the factors ----
  const edges = nodes.length - 1; // node g ≥ 1 has one weight among its siblings
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

  // ---- the evaluator: flat arrays, one pass over the weights, then dot products ----
  const tree = flatTree(spec);
  const { parent, start, child, childLeaf, groupsBottomUp, overLeaves, leafNode, leafLo, leafHi } = tree;
  const nn = nodes.length;
  const rootKids = (nodes[0] as FrameworkNode).children;
  const w = new Float64Array(nn); // per run: each node's weight, rescaled among its siblings
  const cw = new Float64Array(child.length); // the same, per CSR position
  const eff = new Float64Array(nn); // product of the rescaled weights from the root (or a pillar) down
  const leafW = new Float64Array(n); // effective weight of each indicator
  const pillarScores = new Float64Array(nn * mt); // node-major, TOPSIS
  const changed = new Uint8Array(nn); // geometric: 1 if the group's log scores were recomputed in this run
  const dPlus = new Float64Array(mt);
  const dMinus = new Float64Array(mt);
  const sNorm = slot.get("normalisation");
  const sWeighting = slot.get("weighting");
  const sAgg = slot.get("aggregation");
  const sDropped = slot.get("dropped");
  const wSlot = slot.get("weights");
  const evaluate = (choice: Float64Array, out: Float64Array): void => {
    const combo = comboOf(
      sNorm === undefined ? nominalNorm : (choice[sNorm] as number),
      sWeighting === undefined ? nominalWeight : (choice[sWeighting] as number),
      sAgg === undefined ? nominalAgg : (choice[sAgg] as number),
    );
    const W = combo.weights;
    if (wSlot === undefined) w.set(W);
    else for (let g = 1; g < nn; g++) w[g] = (W[g] as number) * (1 + (choice[wSlot + g - 1] as number));
    const dropped = sDropped === undefined ? -1 : (choice[sDropped] as number) - 1; // −1 = none, else the leaf
    if (dropped >= 0) w[leafNode[dropped] as number] = 0;
    for (let t = 0; t < groupsBottomUp.length; t++) {
      const g = groupsBottomUp[t] as number;
      const lo = start[g] as number;
      const hi = start[g + 1] as number;
      let sum = 0;
      for (let k = lo; k < hi; k++) sum += w[child[k] as number] as number;
      const inv = sum > 0 ? 1 / sum : 0;
      for (let k = lo; k < hi; k++) {
        const c = child[k] as number;
        const v = (w[c] as number) * inv;
        w[c] = v;
        cw[k] = v;
      }
    }
    const X = combo.values;
    if (combo.aggregation !== "geometric") {
      // linear below the top: the tree collapses into one effective weight per indicator, the
      // product of the rescaled weights on its path from the root (from its pillar under TOPSIS)
      const topsis = combo.aggregation === "topsis";
      eff[0] = 1;
      for (let g = 1; g < nn; g++) {
        const p = parent[g] as number;
        eff[g] = topsis && p === 0 ? 1 : (eff[p] as number) * (w[g] as number);
      }
      for (let l = 0; l < n; l++) leafW[l] = eff[leafNode[l] as number] as number;
      if (!topsis) {
        dotRows(X, n, mt, leafW, 0, 0, n, out, 0);
        return;
      }
      for (const r of rootKids) {
        const lo = leafLo[r] as number;
        dotRows(X, n, mt, leafW, lo, lo, (leafHi[r] as number) - lo, pillarScores, r * mt);
      }
      topsisInto(rootKids, w, 1, pillarScores, mt, out, dPlus, dMinus);
      return;
    }
    // geometric: level by level on log scores; the root's exp is skipped (ranks are invariant to it).
    // A group's log scores are kept per combination with the weights that made them, and reused
    // when a run gives it the same weights and its sub-groups have not changed (A_B runs share
    // most choices with their A run: a dropped indicator changes one pillar).
    const G = combo.groupLogs as Float64Array;
    const usedW = combo.usedWeights as Float64Array;
    for (let t = 0; t < groupsBottomUp.length; t++) {
      const g = groupsBottomUp[t] as number;
      const lo = start[g] as number;
      const hi = start[g + 1] as number;
      const top = g === 0;
      if (!top) {
        let same = true;
        for (let k = lo; k < hi && same; k++)
          same = cw[k] === usedW[k] && ((childLeaf[k] as number) >= 0 || changed[child[k] as number] === 0);
        changed[g] = same ? 0 : 1;
        if (same) continue;
        for (let k = lo; k < hi; k++) usedW[k] = cw[k] as number;
      }
      const target = top ? out : G;
      const base = top ? 0 : g * mt;
      if (overLeaves[g] === 1) dotRows(X, n, mt, cw, lo, leafLo[g] as number, hi - lo, target, base);
      else {
        // child by child, each entity's sum still in the order of the children
        target.fill(0, base, base + mt);
        for (let k = lo; k < hi; k++) {
          const wk = cw[k] as number;
          const l = childLeaf[k] as number;
          const from = (child[k] as number) * mt;
          for (let q = 0; q < mt; q++)
            target[base + q] =
              (target[base + q] as number) + wk * (l >= 0 ? (X[q * n + l] as number) : (G[from + q] as number));
        }
      }
      if (!top) for (let q = base; q < base + mt; q++) G[q] = Math.log(Math.exp(G[q] as number) + shift);
    }
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
