/**
 * Prototype, NOT the product path: the evaluator of `indexUncertainty` rewritten with flat typed
 * arrays, to measure what the optimisation proposed in docs/benchmarks.md would buy before anyone
 * touches src/app/composite-uncertainty.ts. Same precomputation (frameworkData, frameworkNormalise,
 * frameworkTree for every normalisation × weighting × aggregation), same factors and nominal vector,
 * same core `uncertaintyAnalysis` with the same seed — so its rank quantiles and Sobol indices must
 * equal the product's (run.ts checks that).
 *
 * What differs is only the per-run work:
 * - the product walks the tree for every entity: per group, per entity, per child it reads
 *   `nodes[c].leaf` (an object property), recomputes the child's rescaled weight and branches on
 *   leaf/group and arithmetic/geometric — ≈ 2 000 such inner steps per run;
 * - here the children's rescaled weights are computed once per run into a Float64Array; under
 *   arithmetic aggregation the tree collapses to effective leaf weights (pillar weight × indicator
 *   weight) and each entity's score is one 60-term dot product over its row of scores; under
 *   geometric aggregation each pillar is a dot product over log scores, then one exp/log per pillar.
 *
 * Only two-level trees (composite → pillars → indicators) and arithmetic/geometric aggregation, as in
 * the benchmark's spec; a product version would keep one such flat array per level (CSR children).
 */
import {
  type FrameworkNode,
  type FrameworkNormalised,
  frameworkData,
  frameworkNormalise,
  frameworkTree,
  readIndexSpec,
  type SpecNormalisation,
  type SpecWeighting,
} from "../../src/app/composite-framework.js";
import type { LoadedIndicators } from "../../src/app/indicator-input.js";
import { type ChoiceFactor, matrix, meanAbsoluteRankShift, uncertaintyAnalysis } from "../../src/core/index.js";

const NORMS: readonly SpecNormalisation[] = ["minmax", "panel_minmax", "zscore"];
const WEIGHTINGS: readonly SpecWeighting[] = ["equal", "entropy", "critic", "pca"];
const AGGS = ["arithmetic", "geometric"] as const;

interface FlatCombo {
  readonly weights: Float64Array;
  readonly geometric: boolean;
  /** mt×n scores of the year's rows (arithmetic) or log(score + shift) (geometric) */
  readonly values: Float64Array;
}

export interface FlatResult {
  readonly medianRank: Float64Array;
  readonly rankP05: Float64Array;
  readonly rankP95: Float64Array;
  readonly sobol: readonly { factor: string; firstOrder: number; total: number }[];
  readonly evaluations: number;
}

export function flatUncertainty(
  input: LoadedIndicators,
  specText: string,
  options: { runs: number; seed: number; perturbation: number },
): FlatResult {
  const spec = readIndexSpec(specText, { file: "spec.json" });
  const { table } = input;
  const data = frameworkData(spec, table);
  const year = table.years?.[table.years.length - 1];
  const target = data.rows.flatMap((r, i) => (r.year === year ? [i] : []));
  const mt = target.length;
  const { nodes } = spec;
  const n = spec.leaves.length;
  const pillars = (nodes[0] as FrameworkNode).children;
  const P = pillars.length;
  const leafNode = Int32Array.from(spec.leaves);
  const pillarOfLeaf = new Int32Array(n);
  pillars.forEach((g, p) => {
    for (const c of (nodes[g] as FrameworkNode).children) pillarOfLeaf[(nodes[c] as FrameworkNode).leaf as number] = p;
  });
  const pillarNode = Int32Array.from(pillars);
  const uniform = (nodes[pillars[0] as number] as FrameworkNode).weighting as SpecWeighting;
  const nominalNorm = NORMS.indexOf(spec.normalisation);
  const nominalWeight = WEIGHTINGS.indexOf(uniform);
  const nominalAgg = AGGS.indexOf(spec.aggregation as (typeof AGGS)[number]);

  const norms = new Map<number, FrameworkNormalised>();
  const combos = new Map<number, FlatCombo>();
  const comboOf = (a: number, b: number, c: number): FlatCombo => {
    const key = (a * WEIGHTINGS.length + b) * AGGS.length + c;
    let combo = combos.get(key);
    if (combo !== undefined) return combo;
    let norm = norms.get(a);
    if (norm === undefined) {
      norm = frameworkNormalise(spec, data, NORMS[a]);
      if (norm.method === "zscore")
        norm = {
          ...norm,
          R: matrix(
            norm.R.rows,
            norm.R.cols,
            Float64Array.from(norm.R.data, (z) => 10 + 2 * z),
          ),
        };
      norms.set(a, norm);
    }
    const aggregation = AGGS[c] as (typeof AGGS)[number];
    const tree = frameworkTree(spec, data, norm, { aggregation, indicatorWeighting: WEIGHTINGS[b] as SpecWeighting });
    const values = new Float64Array(mt * n);
    target.forEach((i, q) => {
      values.set(norm.R.data.subarray(i * n, (i + 1) * n), q * n);
    });
    const geometric = aggregation === "geometric";
    if (geometric)
      for (let t = 0; t < values.length; t++) values[t] = Math.log((values[t] as number) + spec.geometricShift);
    combo = { weights: tree.weights, geometric, values };
    combos.set(key, combo);
    return combo;
  };

  const edges = nodes.length - 1;
  const factors: ChoiceFactor[] = [
    { name: "normalisation", kind: "discrete", levels: NORMS.length },
    { name: "weighting", kind: "discrete", levels: WEIGHTINGS.length },
    {
      name: "weights",
      kind: "continuous",
      lower: -options.perturbation,
      upper: options.perturbation,
      dimension: edges,
    },
    { name: "aggregation", kind: "discrete", levels: AGGS.length },
    { name: "dropped", kind: "discrete", levels: n + 1 },
  ];
  const nominal = [nominalNorm, nominalWeight, ...new Array<number>(edges).fill(0), nominalAgg, 0];
  const wSlot = 2;
  const aggSlot = 2 + edges;
  const dropSlot = 3 + edges;
  const shift = spec.geometricShift;
  const wl = new Float64Array(n);
  const weff = new Float64Array(n);
  const psum = new Float64Array(P);
  const wp = new Float64Array(P);
  const evaluate = (choice: Float64Array, out: Float64Array): void => {
    const combo = comboOf(choice[0] as number, choice[1] as number, choice[aggSlot] as number);
    const W = combo.weights;
    const dropped = (choice[dropSlot] as number) - 1;
    psum.fill(0);
    for (let l = 0; l < n; l++) {
      const g = leafNode[l] as number;
      const v = l === dropped ? 0 : (W[g] as number) * (1 + (choice[wSlot + g - 1] as number));
      wl[l] = v;
      const p = pillarOfLeaf[l] as number;
      psum[p] = (psum[p] as number) + v;
    }
    let wsum = 0;
    for (let p = 0; p < P; p++) {
      const g = pillarNode[p] as number;
      const v = (W[g] as number) * (1 + (choice[wSlot + g - 1] as number));
      wp[p] = v;
      wsum += v;
    }
    const winv = wsum > 0 ? 1 / wsum : 0;
    for (let p = 0; p < P; p++) {
      const s = psum[p] as number;
      psum[p] = s > 0 ? 1 / s : 0; // now the inverse
      wp[p] = (wp[p] as number) * winv;
    }
    const X = combo.values;
    if (!combo.geometric) {
      for (let l = 0; l < n; l++) {
        const p = pillarOfLeaf[l] as number;
        weff[l] = (wl[l] as number) * (psum[p] as number) * (wp[p] as number);
      }
      for (let q = 0; q < mt; q++) {
        let s = 0;
        const o = q * n;
        for (let l = 0; l < n; l++) s += (weff[l] as number) * (X[o + l] as number);
        out[q] = s;
      }
      return;
    }
    for (let l = 0; l < n; l++) weff[l] = (wl[l] as number) * (psum[pillarOfLeaf[l] as number] as number);
    for (let q = 0; q < mt; q++) {
      const o = q * n;
      let root = 0;
      let l = 0;
      for (let p = 0; p < P; p++) {
        let s = 0;
        for (; l < n && pillarOfLeaf[l] === p; l++) s += (weff[l] as number) * (X[o + l] as number);
        root += (wp[p] as number) * Math.log(Math.exp(s) + shift);
      }
      out[q] = Math.exp(root);
    }
  };
  const r = uncertaintyAnalysis({
    factors,
    evaluate,
    entities: mt,
    runs: options.runs,
    seed: options.seed,
    nominal,
    output: meanAbsoluteRankShift,
  });
  return {
    medianRank: r.medianRank,
    rankP05: r.rankP05,
    rankP95: r.rankP95,
    sobol: r.sobol ?? [],
    evaluations: r.evaluations,
  };
}
