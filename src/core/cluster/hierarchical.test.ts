/**
 * Hierarchical clustering against scipy.cluster.hierarchy 1.10.1 and R 4.2.2 stats::hclust
 * (test/reference/scipy-hclust/scipy.json and r.json, both written by generate.py there, the R part
 * by hclust.R) on the same inputs: tiny 1-D (spec §6.5), USArrests raw and z-scored, seeded normal
 * data n = 30 and 200.
 *
 * Tolerances. Heights and cophenetic values: 1e-12 relative. scipy applies the same Lance–Williams
 * forms to the same distances in the same order (nn_chain, mst_single_linkage), so the only source of
 * difference is the summation order of the distances themselves (pdist vs ours: a few ulps, which a
 * Lance–Williams step carries with a factor O(1)); R's Fortran updates squared Ward distances and
 * merges in greedy order — again rounding only (observed ≤ 1e-14). Merge pairs, sizes, leaf orders
 * and cluster numbers are integers and compared exactly.
 */
import { readFileSync } from "node:fs";
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { fromRows, type Matrix } from "../linalg/matrix.js";
import { randomGenerator } from "../random/xoshiro.js";
import { copheneticCorrelation, copheneticDistances, flatClusters, leafOrder } from "./dendrogram.js";
import { scaledFeatures } from "./features.js";
import { hierarchicalClustering } from "./hierarchical.js";
import {
  AGGLOMERATION_METHODS,
  type AgglomerationMethod,
  euclideanDistances,
  type HierarchicalLinkage,
  linkageFromDistances,
  linkageFromFeatures,
} from "./linkage.js";
import { clusterTiers } from "./tiers.js";

const RTOL = 1e-12;

interface ScipyMethod {
  Z: [number, number, number, number][];
  maxclust: Record<string, number[]>;
  leaves: number[];
  cophenetic_correlation: number;
  cophenetic?: number[];
}
interface ScipyCase {
  name: string;
  X: number[][];
  methods: Record<AgglomerationMethod, ScipyMethod>;
}
interface RMethod {
  merge: [number, number][];
  height: number[];
  order: number[];
  cutree: Record<string, number[]>;
  cophenetic_correlation: number;
}
interface RCase {
  name: string;
  X: number[][];
  methods: Record<AgglomerationMethod, RMethod>;
}
const load = <T>(file: string): T =>
  JSON.parse(readFileSync(new URL(`../../../test/reference/scipy-hclust/${file}`, import.meta.url), "utf8")) as T;
const scipy = load<{ cases: ScipyCase[] }>("scipy.json");
const r = load<{ cases: RCase[] }>("r.json");

function expectRel(actual: number, expected: number, rtol: number, what: string): void {
  const err = Math.abs(actual - expected);
  expect(err, `${what}: ${actual} vs ${expected} (rtol ${rtol})`).toBeLessThanOrEqual(
    rtol * Math.max(Math.abs(expected), 1e-300),
  );
}

function linkageOf(X: number[][] | Matrix, method: AgglomerationMethod): HierarchicalLinkage {
  const M = Array.isArray(X) ? fromRows(X) : X;
  return linkageFromDistances(euclideanDistances(M), M.rows, method);
}

describe("linkage against scipy (linkage, fcluster maxclust, leaves_list, cophenet)", () => {
  for (const c of scipy.cases) {
    for (const method of AGGLOMERATION_METHODS) {
      it(`${c.name} ${method}`, () => {
        const ref = c.methods[method];
        const m = c.X.length;
        const D = euclideanDistances(fromRows(c.X));
        const L = linkageFromDistances(D, m, method);
        ref.Z.forEach((z, s) => {
          expect([L.Z[4 * s], L.Z[4 * s + 1], L.Z[4 * s + 3]], `row ${s}`).toEqual([z[0], z[1], z[3]]);
          expectRel(L.Z[4 * s + 2] as number, z[2], RTOL, `height ${s}`);
        });
        for (const [ks, labels] of Object.entries(ref.maxclust)) {
          const k = Number(ks);
          if (k <= m - 2) {
            expect(Array.from(flatClusters(L, k, "dendrogram")), `k = ${k}`).toEqual(labels);
          } else {
            // scipy never cuts below Z[1]'s height: k ≥ m − 1 gives m − 2 clusters there, k here
            expect(new Set(labels).size).toBe(m - 2);
            expect(new Set(flatClusters(L, k, "dendrogram")).size).toBe(k);
          }
        }
        expect(Array.from(leafOrder(L))).toEqual(ref.leaves);
        expectRel(copheneticCorrelation(L, D), ref.cophenetic_correlation, RTOL, "cophenetic correlation");
        if (ref.cophenetic) {
          const coph = copheneticDistances(L);
          ref.cophenetic.forEach((v, p) => {
            expectRel(coph[p] as number, v, RTOL, `cophenetic ${p}`);
          });
        }
      });
    }
  }

  it("linkageFromFeatures (distances as working memory) gives exactly linkageFromDistances' tree", () => {
    for (const c of scipy.cases) {
      for (const method of AGGLOMERATION_METHODS) {
        const a = linkageFromFeatures(fromRows(c.X), method);
        const b = linkageOf(c.X, method);
        expect(Array.from(a.Z), `${c.name} ${method}`).toEqual(Array.from(b.Z));
        expect(a.algorithm).toBe(b.algorithm);
      }
    }
  });

  it("uses the O(m²) algorithms on the tie-free cases, the generic one on tiny_1d's tied distances", () => {
    for (const c of scipy.cases) {
      for (const method of AGGLOMERATION_METHODS) {
        const L = linkageOf(c.X, method);
        if (c.name.startsWith("random") || c.name.startsWith("usarrests"))
          expect(L.algorithm, `${c.name} ${method}`).toBe(method === "single" ? "mst" : "nn_chain");
      }
    }
  });
});

/** R's merge row (−i = observation i, j = step j; 1-based) as scipy ids (0-based, m + step). */
function rPair(pair: [number, number], m: number): [number, number] {
  const id = (v: number) => (v < 0 ? -v - 1 : m + v - 1);
  const a = id(pair[0]);
  const b = id(pair[1]);
  return a < b ? [a, b] : [b, a];
}

describe("linkage against R hclust (ward = ward.D2), cutree, cophenetic", () => {
  for (const c of r.cases) {
    for (const method of AGGLOMERATION_METHODS) {
      it(`${c.name} ${method}`, () => {
        const ref = c.methods[method];
        const m = c.X.length;
        const D = euclideanDistances(fromRows(c.X));
        const L = linkageFromDistances(D, m, method);
        ref.merge.forEach((pair, s) => {
          expect([L.Z[4 * s], L.Z[4 * s + 1]], `merge ${s}`).toEqual(rPair(pair, m));
          expectRel(L.Z[4 * s + 2] as number, ref.height[s] as number, RTOL, `height ${s}`);
        });
        for (const [ks, labels] of Object.entries(ref.cutree))
          expect(Array.from(flatClusters(L, Number(ks))), `k = ${ks}`).toEqual(labels);
        expectRel(copheneticCorrelation(L, D), ref.cophenetic_correlation, RTOL, "cophenetic correlation");
      });
    }
  }

  it("R and scipy were given the same numbers (R's strtod may round a 17-digit string 1 ulp off)", () => {
    r.cases.forEach((c, i) => {
      const s = (scipy.cases[i] as ScipyCase).X.flat();
      c.X.flat().forEach((v, p) => {
        expect(Math.abs(v - (s[p] as number))).toBeLessThanOrEqual(2.3e-16 * Math.abs(s[p] as number));
      });
    });
  });
});

describe("spec methods.md §6.5 known answers (printed to 6 decimals: atol 5e-7)", () => {
  const tiny = [[1], [2], [4], [7], [11]];
  const heights: Record<AgglomerationMethod, number[]> = {
    single: [1, 2, 3, 4],
    complete: [1, 3, 4, 10],
    average: [1, 2.5, 4, 6.666667],
    ward: [1, 2.886751, 4, 10.327956],
  };
  for (const method of AGGLOMERATION_METHODS) {
    it(`tiny 1-D ${method}`, () => {
      const L = linkageOf(tiny, method);
      heights[method].forEach((h, s) => {
        expect(Math.abs((L.Z[4 * s + 2] as number) - h)).toBeLessThanOrEqual(5e-7);
      });
    });
  }

  const csv = readFileSync(new URL("../../../test/fixtures/method/usarrests.csv", import.meta.url), "utf8");
  const usarrests = csv
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => line.split(",").slice(1).map(Number));
  const top5: Record<AgglomerationMethod, [number[], number[]]> = {
    ward: [
      [700.878602, 352.783642, 162.699945, 141.133742, 106.292266],
      [6, 10, 10, 10, 14],
    ],
    complete: [
      [293.622751, 168.611417, 102.861557, 87.326342, 68.762272],
      [2, 10, 10, 14, 14],
    ],
    average: [
      [152.313999, 89.232093, 77.605024, 54.746831, 44.837933],
      [2, 10, 10, 14, 14],
    ],
    single: [
      [38.527912, 37.783859, 27.556487, 25.841827, 25.747427],
      [1, 1, 1, 13, 34],
    ],
  };
  for (const method of AGGLOMERATION_METHODS) {
    it(`USArrests unscaled ${method}: top-5 heights and k = 5 sizes`, () => {
      const res = hierarchicalClustering(fromRows(usarrests), { method, scaling: "none", k: 5 });
      const Z = res.linkage.Z;
      const [h, sizes] = top5[method];
      h.forEach((v, i) => {
        expect(Math.abs((Z[4 * (48 - i) + 2] as number) - v)).toBeLessThanOrEqual(5e-7);
      });
      expect(Array.from(res.tiers?.sizes ?? []).sort((a, b) => a - b)).toEqual(sizes);
    });
  }
});

describe("tie rules", () => {
  const line = [[0], [1], [2], [3]];
  it("min_member (default, R hclust): the pair of smallest members first", () => {
    const L = linkageOf(line, "single");
    expect(L.algorithm).toBe("generic");
    expect(L.exactTies).toBe(true);
    expect(Array.from(L.Z)).toEqual([0, 1, 1, 2, 2, 4, 1, 3, 3, 5, 1, 4]);
    expect(Array.from(linkageOf(line, "complete").Z)).toEqual([0, 1, 1, 2, 2, 3, 1, 2, 4, 5, 3, 4]);
  });
  it("cluster_id (spec §6.3 wording): the smallest (min id, max id) pair first", () => {
    const D = euclideanDistances(fromRows(line));
    const L = linkageFromDistances(D, 4, "single", { ties: "cluster_id" });
    expect(Array.from(L.Z)).toEqual([0, 1, 1, 2, 2, 3, 1, 2, 4, 5, 1, 4]);
    // spec §6.5's tiny complete case has a tie at 3 that this rule breaks the other way
    const T = linkageFromDistances(euclideanDistances(fromRows([[1], [2], [4], [7], [11]])), 5, "complete", {
      ties: "cluster_id",
    });
    expect(Array.from(T.Z)).toEqual([0, 1, 1, 2, 2, 3, 3, 2, 5, 6, 6, 4, 4, 7, 10, 5]);
  });
  it("duplicate rows merge first at height 0, lowest members first", () => {
    const L = linkageOf([[5], [0], [5], [0]], "average");
    expect(Array.from(L.Z.subarray(0, 8))).toEqual([0, 2, 0, 2, 1, 3, 0, 2]);
    expect(L.Z[10]).toBe(5);
  });
  it("the generic algorithm and the fast ones agree without ties", () => {
    const c = scipy.cases.find((x) => x.name === "random_30x3") as ScipyCase;
    const D = euclideanDistances(fromRows(c.X));
    for (const method of AGGLOMERATION_METHODS) {
      const a = linkageFromDistances(D, 30, method);
      const b = linkageFromDistances(D, 30, method, { algorithm: "generic" });
      for (let s = 0; s < 29; s++) {
        expect([b.Z[4 * s], b.Z[4 * s + 1], b.Z[4 * s + 3]]).toEqual([a.Z[4 * s], a.Z[4 * s + 1], a.Z[4 * s + 3]]);
        expectRel(b.Z[4 * s + 2] as number, a.Z[4 * s + 2] as number, RTOL, `${method} ${s}`);
      }
    }
  });
});

describe("scaling, tiers and the whole pipeline", () => {
  it("z_score with ddof 1 is R's scale(): usarrests_z equals the generator's features", () => {
    const raw = scipy.cases.find((x) => x.name === "usarrests") as ScipyCase;
    const z = scipy.cases.find((x) => x.name === "usarrests_z") as ScipyCase;
    const S = scaledFeatures(fromRows(raw.X), { scaling: "z_score", ddof: 1 });
    z.X.flat().forEach((v, p) => {
      // numpy's (x − mean)/std(ddof=1) vs compensated sums: a few ulps of the largest |z| ≈ 3
      expect(Math.abs((S.X.data[p] as number) - v)).toBeLessThanOrEqual(1e-14 * 4);
    });
  });
  it("min_max maps each feature onto [0, 1]; a constant feature becomes 0 with constant_indicator", () => {
    const S = scaledFeatures(
      fromRows([
        [1, 7, 2],
        [3, 7, 4],
        [2, 7, 8],
      ]),
      { scaling: "min_max" },
    );
    expect(Array.from(S.X.data)).toEqual([0, 0, 0, 1, 0, 1 / 3, 0.5, 0, 1]);
    expect(S.constantFeatures).toEqual([1]);
    expect(S.diagnostics).toEqual([
      { code: "constant_indicator", severity: "warning", params: { indicator: 1, value: 7 } },
    ]);
    const Z = scaledFeatures(
      fromRows([
        [1, 7],
        [3, 7],
      ]),
    );
    expect(Array.from(Z.X.data)).toEqual([-1, 0, 1, 0]);
    expect(Z.X.data.every(Number.isFinite)).toBe(true);
  });
  it("tiers: ordered by the unscaled first feature's cluster mean, codes for k = 5 and 3", () => {
    const t = clusterTiers(Int32Array.of(1, 1, 2, 3), [0.02, 0.04, 0.3, 0.1]);
    expect(Array.from(t.tier)).toEqual([2, 2, 0, 1]);
    expect(t.tierCode).toEqual(["low", "low", "high", "medium"]);
    expect(Array.from(t.sizes)).toEqual([1, 1, 2]);
  });
  it("pipeline: k = 5 on USArrests (z-score) gives five tiers with codes", () => {
    const c = scipy.cases.find((x) => x.name === "usarrests") as ScipyCase;
    const res = hierarchicalClustering(fromRows(c.X), { k: 5 });
    expect(new Set(res.clusters).size).toBe(5);
    expect(new Set(res.tiers?.tierCode)).toEqual(new Set(["high", "mid_high", "medium", "mid_low", "low"]));
    expect(res.copheneticCorrelation).toBeGreaterThan(0);
    expect(() => hierarchicalClustering(fromRows([[1], [2]]), { k: 3 })).toThrow(
      expect.objectContaining({ code: "too_few_observations" }),
    );
  });
  it("errors are CoreError codes", () => {
    expect(() => linkageFromDistances([1, Number.NaN, 2], 3)).toThrow(expect.objectContaining({ code: "non_finite" }));
    expect(() => linkageFromDistances([1, 2], 3)).toThrow(expect.objectContaining({ code: "dimension_mismatch" }));
    expect(() => linkageFromDistances([1, -2, 3], 3)).toThrow(expect.objectContaining({ code: "invalid_argument" }));
    expect(() => linkageFromDistances([1], 2, "centroid" as AgglomerationMethod)).toThrow(
      expect.objectContaining({ code: "invalid_argument" }),
    );
    expect(() => flatClusters(linkageOf([[1], [2]], "ward"), 3)).toThrow(
      expect.objectContaining({ code: "invalid_argument" }),
    );
  });
  it("pipeline options: ties and numbering reach the linkage and the cut", () => {
    const line = fromRows([[0], [1], [2], [3]]);
    const a = hierarchicalClustering(line, { method: "single", scaling: "none", ties: "cluster_id", k: 2 });
    expect(Array.from(a.linkage.Z.subarray(4, 6))).toEqual([2, 3]);
    expect(a.linkage.exactTies).toBe(true);
    const b = hierarchicalClustering(line, { method: "single", scaling: "none", k: 2 });
    expect(Array.from(b.linkage.Z.subarray(4, 6))).toEqual([2, 4]);
    // dendrogram numbering: scipy fcluster's order on the z-scored USArrests, Ward, k = 4
    const ua = scipy.cases.find((x) => x.name === "usarrests_z") as ScipyCase;
    const c = hierarchicalClustering(fromRows(ua.X), { scaling: "none", k: 4, numbering: "dendrogram" });
    expect(Array.from(c.clusters ?? [])).toEqual(ua.methods.ward.maxclust["4"]);
    expect(() => euclideanDistances(fromRows([[1], [Number.NaN]]))).toThrow(
      expect.objectContaining({ code: "non_finite" }),
    );
  });
  it("one and two observations", () => {
    expect(linkageOf([[1]], "ward").Z.length).toBe(0);
    expect(Array.from(flatClusters(linkageOf([[1]], "ward"), 1, "dendrogram"))).toEqual([1]);
    expect(Array.from(linkageOf([[1], [4]], "single").Z)).toEqual([0, 1, 3, 2]);
  });
});

// --- properties -------------------------------------------------------------------------------

const grid = fc.array(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 2, maxLength: 2 }), {
  minLength: 2,
  maxLength: 25,
});

describe("properties (fast-check)", () => {
  // Reducible linkages never invert. In floating point a Ward update equal to the current minimum
  // in exact arithmetic may come out an ulp or two below it: allow 1e-12 relative.
  test.prop([grid, fc.constantFrom(...AGGLOMERATION_METHODS)])(
    "heights are non-decreasing (integer grid: many ties)",
    (rows, method) => {
      const L = linkageOf(rows, method);
      for (let s = 1; s < rows.length - 1; s++)
        expect(L.Z[4 * s + 2] as number).toBeGreaterThanOrEqual((L.Z[4 * s - 2] as number) * (1 - RTOL));
    },
  );

  test.prop([grid, fc.constantFrom(...AGGLOMERATION_METHODS), fc.integer({ min: 1, max: 24 })])(
    "cuts of one tree are nested: k + 1 clusters refine k (spec §6.6)",
    (rows, method, k0) => {
      const L = linkageOf(rows, method);
      const k = Math.min(k0, rows.length - 1);
      const coarse = flatClusters(L, k);
      const fine = flatClusters(L, k + 1);
      for (let i = 0; i < rows.length; i++)
        for (let j = 0; j < rows.length; j++) if (fine[i] === fine[j]) expect(coarse[i]).toBe(coarse[j]);
    },
  );

  test.prop([grid, fc.constantFrom(...AGGLOMERATION_METHODS), fc.integer({ min: 1, max: 25 })])(
    "cutting into k gives k clusters, numbered 1 … k both ways, the same partition",
    (rows, method, k0) => {
      const L = linkageOf(rows, method);
      const k = Math.min(k0, rows.length);
      const a = flatClusters(L, k);
      const b = flatClusters(L, k, "dendrogram");
      expect(new Set(a).size).toBe(k);
      expect(Math.max(...a)).toBe(k);
      expect(Math.max(...b)).toBe(k);
      for (let i = 0; i < rows.length; i++)
        for (let j = 0; j < rows.length; j++) expect(a[i] === a[j]).toBe(b[i] === b[j]);
    },
  );

  test.prop([
    fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    fc.integer({ min: 3, max: 40 }),
    fc.integer({ min: 1, max: 4 }),
    fc.constantFrom(...AGGLOMERATION_METHODS),
  ])("permuting rows permutes labels only: same heights, same partitions", (seed, m, d, method) => {
    // continuous data from the core generator (no exact ties, so no tie rule is involved)
    const rng = randomGenerator(seed);
    const rows = Array.from({ length: m }, () => Array.from({ length: d }, () => rng.normal()));
    const perm = Array.from({ length: m }, (_, i) => i);
    for (let i = m - 1; i > 0; i--) {
      const j = rng.integer(i + 1);
      [perm[i], perm[j]] = [perm[j] as number, perm[i] as number];
    }
    const L = linkageOf(rows, method);
    // near-ties (relative gap < 1e-9) could flip under rounding: skip those rare draws
    const H = Array.from({ length: m - 1 }, (_, s) => L.Z[4 * s + 2] as number);
    for (let s = 1; s < m - 1; s++) fc.pre((H[s] as number) - (H[s - 1] as number) > 1e-9 * (H[s] as number));
    const P = linkageOf(
      perm.map((i) => rows[i] as number[]),
      method,
    );
    for (let s = 0; s < m - 1; s++) expectRel(P.Z[4 * s + 2] as number, H[s] as number, RTOL, `height ${s}`);
    for (let k = 1; k <= m; k++) {
      const a = flatClusters(L, k);
      const b = flatClusters(P, k);
      // row t of the permuted data is observation perm[t]
      for (let t = 0; t < m; t++)
        for (let u = 0; u < m; u++) expect(b[t] === b[u]).toBe(a[perm[t] as number] === a[perm[u] as number]);
    }
  });
});
