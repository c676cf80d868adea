/**
 * Uncertainty of a framework index's ranking (issue 7 item 5): seeded replay, a dominant entity's
 * degenerate interval, Sobol indices on a case where one factor matters and another cannot.
 *
 * Monte-Carlo tolerance: an estimate is compared within 3 of its reported standard errors (the SE is
 * the sample s.d. of the estimator's per-sample terms over √N).
 */
import { describe, expect, it } from "vitest";
import {
  type ChoiceFactor,
  isCoreError,
  matrix,
  meanAbsoluteRankShift,
  randomGenerator,
  uncertaintyAnalysis,
} from "../core/index.js";
import {
  type FrameworkNode,
  type FrameworkTree,
  frameworkData,
  frameworkNormalise,
  frameworkTree,
  readIndexSpec,
  type SpecAggregation,
  type SpecNormalisation,
  type SpecWeighting,
} from "./composite-framework.js";
import { indexUncertainty } from "./composite-uncertainty.js";
import { readIndicatorInput } from "./indicator-input.js";
import { fixedClock } from "./test-fixtures.js";

const csv = (lines: readonly string[]) => new TextEncoder().encode(`${lines.join("\n")}\n`);
const input = async (lines: readonly string[]) => ({ input: await readIndicatorInput(csv(lines), { file: "p.csv" }) });

const SPEC = JSON.stringify({
  id: "demo",
  weighting: "equal",
  pillars: [
    {
      id: "P1",
      weighting: "entropy",
      children: [
        { id: "a", column: "a", direction: "+" },
        { id: "b", column: "b", direction: "+" },
      ],
    },
    {
      id: "P2",
      weighting: "entropy",
      children: [
        { id: "c", column: "c", direction: "+" },
        { id: "d", column: "d", direction: "-" },
      ],
    },
  ],
});

/** 6 entities × 3 years; D is best on every indicator in every year (d is a cost). */
function panel(): string[] {
  const lines = ["entity,year,a,b,c,d"];
  const base: Record<string, [number, number, number, number]> = {
    A: [3, 20, 5, 8],
    B: [5, 12, 3, 6],
    C: [2, 25, 4, 5],
    D: [9, 40, 9, 1],
    E: [4, 18, 6, 7],
    F: [6, 10, 2, 4],
  };
  for (const year of [2019, 2020, 2021])
    for (const [e, [a, b, c, d]] of Object.entries(base)) {
      const t = year - 2019;
      lines.push(`${e},${year},${a + 0.3 * t},${b + (e === "C" ? -t : t)},${c + 0.1 * t},${d}`);
    }
  return lines;
}

describe("indexUncertainty", () => {
  it("replays exactly from its seed, and records the choices in provenance", async () => {
    const run = async () =>
      indexUncertainty(
        await input(panel()),
        { text: SPEC, file: "s.json" },
        { runs: 300, seed: 42 },
        { clock: fixedClock },
      );
    const a = await run();
    const b = await run();
    expect(b).toEqual(a);
    expect(a.year).toBe(2021);
    expect(a.seed).toBe("42");
    expect(a.evaluations).toBe(1 + 300 * (5 + 2));
    expect(a.sobol.map((s) => s.factor)).toEqual(["normalisation", "weighting", "weights", "aggregation", "dropped"]);
    expect(a.sobol[1]).toMatchObject({ levels: ["equal", "entropy", "critic", "pca"], nominal: "entropy" });
    expect(a.provenance.method).toBe("index_uncertainty");
    expect(a.provenance.parameters).toMatchObject({
      runs: 300,
      seed: "42",
      algorithm: "xoshiro128**",
      perturbation: 0.2,
    });
    const other = await indexUncertainty(
      await input(panel()),
      { text: SPEC, file: "s.json" },
      { runs: 300, seed: 43 },
      { clock: fixedClock },
    );
    expect(other.sobol).not.toEqual(a.sobol);
  });

  it("gives a dominant entity the degenerate interval [1, 1]; intervals contain the median", async () => {
    const r = await indexUncertainty(await input(panel()), { text: SPEC, file: "s.json" }, { runs: 500, seed: 7 });
    const d = r.entities.find((e) => e.entity === "D");
    expect(d).toEqual({ entity: "D", nominalRank: 1, medianRank: 1, rankP05: 1, rankP95: 1 });
    for (const e of r.entities) {
      expect(e.rankP05).toBeLessThanOrEqual(e.medianRank);
      expect(e.medianRank).toBeLessThanOrEqual(e.rankP95);
    }
    // some other entity's rank moves with the choices
    expect(r.entities.some((e) => e.rankP95 > e.rankP05)).toBe(true);
  });

  it("Sobol: the weights matter, the normalisation cannot (each indicator a permutation of 1…6), S_T ≥ S_i", async () => {
    // each column is a permutation of 1…6: range and s.d. are the same for every indicator, so
    // min–max and z-scores are one affine map common to all indicators and the arithmetic ranking
    // cannot depend on the normalisation; equal weights perturbed by ±50 % reorder close entities
    const lines = ["entity,a,b,c,d", "A,1,6,3,2", "B,2,5,6,4", "C,3,4,1,6", "D,4,3,5,1", "E,5,2,2,3", "F,6,1,4,5"];
    const spec = JSON.stringify({
      id: "perm",
      pillars: [
        {
          id: "P",
          weighting: "equal",
          children: ["a", "b", "c", "d"].map((x) => ({ id: x, column: x, direction: "+" })),
        },
      ],
    });
    const r = await indexUncertainty(
      await input(lines),
      { text: spec, file: "s.json" },
      { runs: 4000, seed: 11, factors: ["normalisation", "weights"], perturbation: 0.5 },
    );
    const [norm, weights] = r.sobol;
    expect(norm?.factor).toBe("normalisation");
    expect(norm?.total).toBe(0);
    expect(Math.abs(norm?.firstOrder ?? 1)).toBeLessThanOrEqual(3 * (norm?.firstOrderSe ?? 0) + 1e-12);
    expect(weights?.total).toBeGreaterThan(0.5);
    for (const s of r.sobol) {
      const tol = 3 * Math.hypot(s.firstOrderSe, s.totalSe);
      expect(s.total + tol).toBeGreaterThanOrEqual(s.firstOrder);
    }
    expect(r.outputVariance).toBeGreaterThan(0);
  });

  it("reports zero output variance and unsettled indices as diagnostics, never hides them", async () => {
    // only D's dominance is at stake with two entities: no choice moves the ranking
    const lines = ["entity,a,b,c,d", "A,1,1,1,9", "D,9,9,9,1"];
    const r = await indexUncertainty(await input(lines), { text: SPEC, file: "s.json" }, { runs: 50, seed: 1 });
    expect(r.diagnostics.map((d) => d.code)).toContain("zero_output_variance");
    const few = await indexUncertainty(await input(panel()), { text: SPEC, file: "s.json" }, { runs: 20, seed: 1 });
    expect(few.diagnostics.map((d) => d.code)).toContain("sobol_not_converged");
  });

  it("refuses a year the table does not have and an empty factor list", async () => {
    for (const options of [
      { runs: 10, seed: 1, year: 1999 },
      { runs: 10, seed: 1, factors: [] },
    ]) {
      try {
        await indexUncertainty(await input(panel()), { text: SPEC, file: "s.json" }, options);
        expect.fail("expected a CoreError");
      } catch (e) {
        if (!isCoreError(e)) throw e;
        expect(e.code).toBe("invalid_argument");
      }
    }
  });

  it("gives the rank quantiles and Sobol indices of a plain tree walk on a 3-level spec (arithmetic and geometric runs)", async () => {
    // 14 entities × 3 years × 12 indicators (2 pillars → 2 sub-pillars → 3 indicators), seeded
    const rng = randomGenerator(2024);
    const columns = Array.from({ length: 12 }, (_, j) => `x${j}`);
    const lines = [["entity", "year", ...columns].join(",")];
    const level = Array.from({ length: 14 }, () => rng.normal());
    for (const year of [2020, 2021, 2022])
      level.forEach((z, e) => {
        const cells = columns.map((_, j) => (Math.exp(1 + 0.4 * z + 0.5 * rng.normal()) * (1 + j)).toPrecision(6));
        lines.push([`E${e}`, year, ...cells].join(","));
      });
    const indicator = (j: number) => ({ id: `x${j}`, column: `x${j}`, direction: j % 4 === 3 ? "-" : "+" });
    const specText = (pillarWeighting: string) =>
      JSON.stringify({
        id: "deep",
        weighting: "equal",
        pillars: [0, 1].map((p) => ({
          id: `P${p}`,
          weighting: pillarWeighting,
          children: [0, 1].map((s) => ({
            id: `S${p}${s}`,
            weighting: "entropy",
            children: [0, 1, 2].map((k) => indicator(6 * p + 3 * s + k)),
          })),
        })),
      });
    const loaded = await readIndicatorInput(csv(lines), { file: "p.csv" });
    // "equal" above the sub-pillars: geometric runs share the arithmetic trees' weights;
    // "critic": the pillars weight their sub-pillars on scores that depend on the aggregation
    for (const pillarWeighting of ["equal", "critic"]) {
      const text = specText(pillarWeighting);
      const options = { runs: 400, seed: 3, perturbation: 0.3 };
      const r = await indexUncertainty({ input: loaded }, { text, file: "s.json" }, options);
      const ref = referenceUncertainty(loaded.table, text, options);
      expect(r.entities.map((e) => e.nominalRank)).toEqual([...ref.nominalRanks]);
      expect(r.entities.map((e) => [e.medianRank, e.rankP05, e.rankP95])).toEqual(
        r.entities.map((_, q) => [ref.medianRank[q], ref.rankP05[q], ref.rankP95[q]]),
      );
      expect(r.sobol.map((s) => [s.firstOrder, s.total])).toEqual(ref.sobol?.map((s) => [s.firstOrder, s.total]));
      expect(r.outputVariance).toBeGreaterThan(0);
    }
  });
});

/**
 * The analysis of `indexUncertainty` with a straightforward evaluator: one tree per combination of
 * normalisation × weighting × aggregation (built as buildIndex would), and per run a recursive walk
 * of the tree for each entity — weights perturbed, the dropped indicator set to 0, rescaled among
 * siblings, arithmetic Σ w·s or geometric exp Σ w·log(s + shift) at every group.
 */
function referenceUncertainty(
  table: Parameters<typeof frameworkData>[1],
  text: string,
  options: { runs: number; seed: number; perturbation: number },
) {
  const spec = readIndexSpec(text, { file: "s.json" });
  const data = frameworkData(spec, table);
  const year = table.years?.[table.years.length - 1];
  const target = data.rows.flatMap((row, i) => (row.year === year ? [i] : []));
  const { nodes } = spec;
  const n = spec.leaves.length;
  const norms: SpecNormalisation[] = ["minmax", "panel_minmax", "zscore"];
  const weightings: SpecWeighting[] = ["equal", "entropy", "critic", "pca"];
  const aggregations: SpecAggregation[] = ["arithmetic", "geometric"];
  const trees = new Map<string, { tree: FrameworkTree; R: Float64Array }>();
  const treeOf = (a: number, b: number, c: number) => {
    const key = `${a} ${b} ${c}`;
    let t = trees.get(key);
    if (t === undefined) {
      let norm = frameworkNormalise(spec, data, norms[a]);
      if (norm.method === "zscore")
        norm = {
          ...norm,
          R: matrix(
            norm.R.rows,
            norm.R.cols,
            Float64Array.from(norm.R.data, (z) => 10 + 2 * z),
          ),
        };
      const aggregation = aggregations[c] as SpecAggregation;
      const tree = frameworkTree(spec, data, norm, { aggregation, indicatorWeighting: weightings[b] as SpecWeighting });
      t = { tree, R: norm.R.data };
      trees.set(key, t);
    }
    return t;
  };
  const edges = nodes.length - 1;
  const factors: ChoiceFactor[] = [
    { name: "normalisation", kind: "discrete", levels: 3 },
    { name: "weighting", kind: "discrete", levels: 4 },
    {
      name: "weights",
      kind: "continuous",
      lower: -options.perturbation,
      upper: options.perturbation,
      dimension: edges,
    },
    { name: "aggregation", kind: "discrete", levels: 2 },
    { name: "dropped", kind: "discrete", levels: n + 1 },
  ];
  const nominal = [0, 1, ...new Array<number>(edges).fill(0), 0, 0]; // minmax, entropy, arithmetic
  const evaluate = (choice: Float64Array, out: Float64Array): void => {
    const { tree, R } = treeOf(choice[0] as number, choice[1] as number, choice[2 + edges] as number);
    const geometric = choice[2 + edges] === 1;
    const dropped = (choice[3 + edges] as number) - 1;
    const raw = (g: number) =>
      dropped >= 0 && spec.leaves[dropped] === g ? 0 : (tree.weights[g] as number) * (1 + (choice[1 + g] as number));
    const score = (g: number, i: number): number => {
      const node = nodes[g] as FrameworkNode;
      if (node.leaf !== undefined) return R[i * n + node.leaf] as number;
      const total = node.children.reduce((sum, c) => sum + raw(c), 0);
      let s = 0;
      for (const c of node.children) {
        const w = total > 0 ? raw(c) / total : 0;
        s += w * (geometric ? Math.log(score(c, i) + spec.geometricShift) : score(c, i));
      }
      return geometric ? Math.exp(s) : s;
    };
    target.forEach((i, q) => {
      out[q] = score(0, i);
    });
  };
  return uncertaintyAnalysis({
    factors,
    evaluate,
    entities: target.length,
    runs: options.runs,
    seed: options.seed,
    nominal,
    output: meanAbsoluteRankShift,
  });
}
