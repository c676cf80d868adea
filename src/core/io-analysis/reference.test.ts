/**
 * numpy agreement on real and synthetic tables (reference values: test/reference/numpy-io/, written by
 * generate.py there with np.linalg.inv; see its README for versions and the regeneration command).
 *
 * Tolerance rtol 1e-9 throughout: κ₁(I − A) is 2–7 for every table here (recorded as `condition1` in
 * the JSON), so numpy's LAPACK inverse and our LU are both accurate to about n·ε·κ ≤ 300·2.2e-16·7
 * ≈ 5e-13 relative; 1e-9 keeps three orders of margin for summation order while any formula or
 * indexing mistake moves values by ≥ 1e-4. Entries that are exactly 0 in numpy use atol 1e-14.
 */
import { describe, expect, it } from "vitest";
import { expectAllClose, expectClose } from "../../../test/helpers/close.js";
import { loadNumpyReference, randomProductiveTable } from "../../../test/reference/numpy-io/load.js";
import { fromRows, matrix } from "../linalg/matrix.js";
import { technicalCoefficients } from "./coefficients.js";
import { groupLinkages } from "./group.js";
import { digitalIntensities } from "./intensity.js";
import type { IoTable } from "./io-table.js";
import { leontiefInverse } from "./leontief.js";
import { linkages } from "./linkages.js";

const TOL = { rtol: 1e-9, atol: 1e-14 };

interface GroupRef {
  twoBlock: { group: { F: number; E: number }; rest: { F: number; E: number } };
  merge: { F: number; E: number; n: number };
  weightedMean: { F: number; E: number };
}
interface ChinaRef {
  meta: { digitalCodes: string[] };
  codes: string[];
  Z: number[][];
  Zdomestic?: number[][];
  x: number[];
  finalDemandTotal: number[];
  A?: number[][];
  L?: number[][];
  columnSums: number[];
  rowSums: number[];
  F: number[];
  E: number[];
  ghoshE: number[];
  weightedF: number[];
  weightedE: number[];
  condition1: number;
  spectralRadius: number;
  intensity: { directIntermediate: number[]; directTotal: number[]; complete: number[]; forward: number[] };
  group: GroupRef;
  /** non-competitive tables: linkages on the domestic flows (A_dom = Z_dom·diag(x)⁻¹), same x */
  domestic?: {
    columnSums: number[];
    rowSums: number[];
    F: number[];
    E: number[];
    ghoshE: number[];
    spectralRadius: number;
    group: GroupRef;
  };
}

function tableOf(ref: ChinaRef): IoTable {
  const n = ref.x.length;
  return {
    sectors: ref.codes.map((code) => ({ code })),
    Z: fromRows(ref.Z),
    ...(ref.Zdomestic ? { Zdomestic: fromRows(ref.Zdomestic) } : {}),
    finalDemand: matrix(n, 1, Float64Array.from(ref.finalDemandTotal)),
    finalDemandCodes: ["TFU"],
    output: Float64Array.from(ref.x),
  };
}

for (const name of ["china_2020_42", "china_2015_42"] as const) {
  describe(`numpy agreement — NBS ${name.slice(6, 10)} 42-sector table (${name}.json)`, () => {
    const ref = loadNumpyReference<ChinaRef>(name);
    const table = tableOf(ref);
    const D = ref.meta.digitalCodes;

    it("A and L agree with numpy to rtol 1e-9", () => {
      const { A } = technicalCoefficients(table.Z, table.output);
      if (ref.A) expectAllClose(A.data, ref.A.flat(), { rtol: 1e-15 }, "A"); // same single division
      const r = leontiefInverse(A);
      if (ref.L) expectAllClose(r.L.data, ref.L.flat(), TOL, "L");
      expectClose(r.conditionEstimate, ref.condition1, { rtol: 1e-9 }, "κ₁");
      expectClose(r.spectralRadius as number, ref.spectralRadius, { rtol: 1e-9 }, "ρ (numpy eigvals)");
      expect(r.residual).toBeLessThan(1e-12);
    });

    it("single-sector F, E, Ghosh E, weighted F/E agree (solve and inverse)", () => {
      for (const method of ["solve", "inverse"] as const) {
        const l = linkages(table, { method });
        expectAllClose(l.columnSums, ref.columnSums, TOL, `${method} c`);
        expectAllClose(l.rowSums, ref.rowSums, TOL, `${method} r`);
        expectAllClose(l.influence, ref.F, TOL, `${method} F`);
        expectAllClose(l.sensitivity, ref.E, TOL, `${method} E`);
        expectAllClose(
          linkages(table, { method, variant: "ghosh_sensitivity" }).sensitivity,
          ref.ghoshE,
          TOL,
          `${method} ghosh E`,
        );
        const w = linkages(table, { method, variant: "weighted" });
        expectAllClose(w.influence, ref.weightedF, TOL, `${method} weighted F`);
        expectAllClose(w.sensitivity, ref.weightedE, TOL, `${method} weighted E`);
      }
    });

    it(`digital intensities for D = {${D.join(", ")}} agree`, () => {
      const r = digitalIntensities(table, D);
      for (const k of ["directIntermediate", "directTotal", "complete", "forward"] as const) {
        expectAllClose(
          r.sectors.map((s) => s[k] as number),
          ref.intensity[k],
          TOL,
          k,
        );
      }
    });

    it("group coefficients (two_block, merge, weighted_mean) agree", () => {
      const two = groupLinkages(table, D);
      expectClose(two.influence, ref.group.twoBlock.group.F, TOL, "two_block F_D");
      expectClose(two.sensitivity, ref.group.twoBlock.group.E, TOL, "two_block E_D");
      expectClose(two.rest?.influence as number, ref.group.twoBlock.rest.F, TOL, "two_block F_rest");
      const merge = groupLinkages(table, D, { method: "merge" });
      expect(merge.sectorCount).toBe(ref.group.merge.n);
      expectClose(merge.influence, ref.group.merge.F, TOL, "merge F");
      expectClose(merge.sensitivity, ref.group.merge.E, TOL, "merge E");
      const wm = groupLinkages(table, D, { method: "weighted_mean" });
      expectClose(wm.influence, ref.group.weightedMean.F, TOL, "weighted_mean F");
      expectClose(wm.sensitivity, ref.group.weightedMean.E, TOL, "weighted_mean E");
    });
  });
}

describe('numpy agreement — NBS 2020 domestic flows (flows: "domestic", china_2020_42.json `domestic`)', () => {
  const ref = loadNumpyReference<ChinaRef>("china_2020_42");
  const table = tableOf(ref);
  const dom = ref.domestic;
  if (dom === undefined) throw new Error("china_2020_42.json has no domestic block (re-run generate.py)");

  it("single-sector F, E and Ghosh E use Z_dom and the domestic Leontief inverse (solve and inverse)", () => {
    for (const method of ["solve", "inverse"] as const) {
      const l = linkages(table, { method, flows: "domestic" });
      expectAllClose(l.columnSums, dom.columnSums, TOL, `${method} c_dom`);
      expectAllClose(l.rowSums, dom.rowSums, TOL, `${method} r_dom`);
      expectAllClose(l.influence, dom.F, TOL, `${method} F_dom`);
      expectAllClose(l.sensitivity, dom.E, TOL, `${method} E_dom`);
      expectClose(l.spectralRadius, dom.spectralRadius, { rtol: 1e-9 }, "ρ(A_dom)");
      const g = linkages(table, { method, flows: "domestic", variant: "ghosh_sensitivity" });
      expectAllClose(g.sensitivity, dom.ghoshE, TOL, `${method} ghosh E_dom`);
    }
    // and they differ from the competitive ones (imports leak out of the domestic multiplier)
    expect(dom.columnSums.every((c, j) => c < (ref.columnSums[j] as number))).toBe(true);
  });

  it("group coefficients on domestic flows (two_block, merge, weighted_mean) agree", () => {
    const D = ref.meta.digitalCodes;
    const two = groupLinkages(table, D, { flows: "domestic" });
    expectClose(two.influence, dom.group.twoBlock.group.F, TOL, "two_block F_D dom");
    expectClose(two.sensitivity, dom.group.twoBlock.group.E, TOL, "two_block E_D dom");
    const merge = groupLinkages(table, D, { method: "merge", flows: "domestic" });
    expectClose(merge.influence, dom.group.merge.F, TOL, "merge F dom");
    expectClose(merge.sensitivity, dom.group.merge.E, TOL, "merge E dom");
    const wm = groupLinkages(table, D, { method: "weighted_mean", flows: "domestic" });
    expectClose(wm.influence, dom.group.weightedMean.F, TOL, "weighted_mean F dom");
    expectClose(wm.sensitivity, dom.group.weightedMean.E, TOL, "weighted_mean E dom");
  });
});

describe("spec §5.9 public-data regression values (spec §15 cmd C8; printed to 6 d.p. → atol 5e-7)", () => {
  it("2015: two_block F_D = 1.041989, E_D = 0.584192 (seed 000 '2015年的最低1.04')", () => {
    const r = groupLinkages(tableOf(loadNumpyReference<ChinaRef>("china_2015_42")), ["20", "32"]);
    expectClose(r.influence, 1.041989, { atol: 5e-7 }, "F_D 2015");
    expectClose(r.sensitivity, 0.584192, { atol: 5e-7 }, "E_D 2015");
  });

  it("2020: two_block F_D = 1.064368, E_D = 0.650642 (D = 2017-vintage codes 20, 31 = S20, S32)", () => {
    // spec C8 crosswalks the 2020 table to the canonical list first; the two-block aggregate is
    // invariant to merging sectors within either block, so the raw 42-sector table gives the same values.
    const r = groupLinkages(tableOf(loadNumpyReference<ChinaRef>("china_2020_42")), ["20", "31"]);
    expectClose(r.influence, 1.064368, { atol: 5e-7 }, "F_D 2020");
    expectClose(r.sensitivity, 0.650642, { atol: 5e-7 }, "E_D 2020");
  });

  it("2015: top-6 sectors by DI_direct_intermediate (S20 0.6207, S32 0.4531, S21 0.2497, S36 0.1237, S38 0.1039, S42 0.0846)", () => {
    // printed to 4 d.p. → atol 5e-5; the 2015 table uses the canonical 2012-vintage codes.
    const r = digitalIntensities(tableOf(loadNumpyReference<ChinaRef>("china_2015_42")), ["20", "32"]);
    const top = [...r.sectors]
      .sort((a, b) => (b.directIntermediate as number) - (a.directIntermediate as number))
      .slice(0, 6);
    expect(top.map((s) => s.code)).toEqual(["20", "32", "21", "36", "38", "42"]);
    expectAllClose(
      top.map((s) => s.directIntermediate as number),
      [0.6207, 0.4531, 0.2497, 0.1237, 0.1039, 0.0846],
      { atol: 5e-5 },
      "DI",
    );
  });

  it("2020: DI_direct_intermediate of S20, S32, S21, S42, S33 (0.6394, 0.4826, 0.2594, 0.1630, 0.1085)", () => {
    // 2017-vintage codes 20, 31, 21, 42, 32. Column ratios of sectors outside the crosswalked ones
    // (22, 35, 36) do not change under the spec's crosswalk, so the raw table reproduces them.
    const r = digitalIntensities(tableOf(loadNumpyReference<ChinaRef>("china_2020_42")), ["20", "31"]);
    const di = new Map(r.sectors.map((s) => [s.code, s.directIntermediate as number]));
    expectAllClose(
      ["20", "31", "21", "42", "32"].map((c) => di.get(c) as number),
      [0.6394, 0.4826, 0.2594, 0.163, 0.1085],
      { atol: 5e-5 },
      "DI 2020",
    );
  });
});

interface RandomRef {
  tables: {
    n: number;
    seed: number;
    exponent: number;
    sumA: number;
    A00: number;
    Alast: number;
    x: number[];
    finalDemandTotal: number[];
    A?: number[][];
    L?: number[][];
    F: number[];
    E: number[];
    ghoshE: number[];
    weightedF: number[];
    weightedE: number[];
    condition1: number;
  }[];
}

describe("numpy agreement — synthetic productive tables n = 5, 40, 300 (random_productive.json)", () => {
  const ref = loadNumpyReference<RandomRef>("random_productive");
  for (const t of ref.tables) {
    it(`n = ${t.n}: F, E, Ghosh E, weighted F/E agree with numpy to rtol 1e-9`, () => {
      const g = randomProductiveTable(t.n, t.seed, t.exponent);
      // the generator is exact (dyadic entries): the TS and numpy A are bit-identical
      let sum = 0;
      for (const v of g.A) sum += v;
      expect(sum).toBe(t.sumA);
      expect(g.A[0]).toBe(t.A00);
      expect(g.A[t.n * t.n - 1]).toBe(t.Alast);
      expect(Array.from(g.x)).toEqual(t.x);
      const A = matrix(t.n, t.n, g.A);
      if (t.A) expect(Array.from(g.A)).toEqual(t.A.flat());
      if (t.L) expectAllClose(leontiefInverse(A).L.data, t.L.flat(), TOL, "L");
      const input = { A, x: g.x, finalDemandTotal: g.f };
      for (const method of ["solve", "inverse"] as const) {
        const l = linkages(input, { method });
        expectAllClose(l.influence, t.F, TOL, `${method} F`);
        expectAllClose(l.sensitivity, t.E, TOL, `${method} E`);
        expectClose(l.conditionEstimate, t.condition1, { rtol: 1e-9 }, `${method} κ₁`);
      }
      expectAllClose(linkages(input, { variant: "ghosh_sensitivity" }).sensitivity, t.ghoshE, TOL, "ghosh E");
      const w = linkages(input, { variant: "weighted" });
      expectAllClose(w.influence, t.weightedF, TOL, "weighted F");
      expectAllClose(w.sensitivity, t.weightedE, TOL, "weighted E");
    });
  }
});
