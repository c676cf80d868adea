/**
 * Weights against the known answers of spec §12.4 (entropy, both variants), the CRITIC example of
 * Tuş & Adalı (2019) and properties. numpy references: reference.test.ts.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { expectAllClose, expectClose } from "../../../test/helpers/close.js";
import { fromRows, matrix } from "../linalg/matrix.js";
import { normalise } from "./normalise.js";
import { criticWeights, entropyWeights, equalWeights, forceZeroWeights, manualWeights, pcaWeights } from "./weights.js";

const code = (c: string, reason?: string) =>
  expect.objectContaining({
    code: c,
    ...(reason === undefined ? {} : { params: expect.objectContaining({ reason }) }),
  });

describe("entropyWeights, sum variant (spec §12.4)", () => {
  it("Xu (2004) EJOR 156(2): e and w as printed", () => {
    const X = fromRows([
      [30, 30, 38, 29],
      [19, 54, 86, 29],
      [19, 15, 85, 28.9],
      [68, 70, 60, 29],
    ]);
    const r = entropyWeights(X, { variant: "sum" });
    expectAllClose(r.entropy, [0.887204, 0.902736, 0.966416, 0.999999], { atol: 5e-7 }, "e");
    expectAllClose(r.weights, [0.463, 0.3992, 0.1378, 0.0], { atol: 5e-5 }, "w");
  });

  it("Zavadskas & Podvezko (2016) IJITDM 15(2): w as printed (directions ignored by the method)", () => {
    const X = fromRows([
      [3.0, 100, 10, 7],
      [2.5, 80, 8, 5],
      [1.8, 50, 20, 11],
      [2.2, 70, 12, 9],
    ]);
    expectAllClose(
      entropyWeights(X, { variant: "sum" }).weights,
      [0.1146, 0.1981, 0.4185, 0.2689],
      { atol: 5e-5 },
      "w",
    );
  });

  it("Elsayed, Dawood & Karthikeyan (2017) IJETT 46(2) 12×5 (pymcdm transcription): w to 6 d.p.", () => {
    const X = fromRows([
      [7, 312, 1891, 6613, 163],
      [72, 88, 728, 941804, 1078],
      [10, 252, 2594, 3466, 117471],
      [10, 145, 980, 2371, 86329],
      [65, 54, 350, 501, 29897],
      [29, 48, 380, 912, 34051],
      [7, 476, 3300, 78470, 2212],
      [70, 87, 650, 733, 819000],
      [4, 86, 591, 3015, 103],
      [12, 79, 579, 3240, 96098],
      [21, 45, 261, 1253, 453],
      [1, 72, 530, 4333, 0.1048],
    ]);
    expectAllClose(
      entropyWeights(X, { variant: "sum" }).weights,
      [0.104991, 0.069124, 0.071373, 0.449937, 0.304575],
      { atol: 5e-7 },
      "w",
    );
  });

  it("throws negative_value for x < 0 and invalid_direction for a cost criterion", () => {
    expect(() =>
      entropyWeights(
        fromRows([
          [1, -1],
          [2, 3],
        ]),
        { variant: "sum" },
      ),
    ).toThrow(code("invalid_argument", "negative_value"));
    expect(() =>
      entropyWeights(
        fromRows([
          [1, 1],
          [2, 3],
        ]),
        { variant: "sum", directions: [1, -1] },
      ),
    ).toThrow(code("invalid_argument", "invalid_direction"));
  });
});

describe("entropyWeights, min–max variant (spec §12.4)", () => {
  const X = fromRows([
    [80, 100, 50, 60, 10],
    [82, 100, 50, 85, 40],
    [78, 100, 50, 95, 90],
  ]);

  it("R, e, w and the composite R·w as printed", () => {
    const r = entropyWeights(X);
    expectAllClose(r.basis.data, [0.5, 0, 0, 0, 0, 1, 0, 0, 0.714286, 0.375, 0, 0, 0, 1, 1], { atol: 5e-7 }, "R");
    expectAllClose(r.entropy, [0.57938, 1, 1, 0.618228, 0.533357], { atol: 5e-7 }, "e");
    expectAllClose(r.weights, [0.331449, 0, 0, 0.300836, 0.367715], { atol: 5e-7 }, "w");
    const composite = [0, 1, 2].map((i) =>
      [0, 1, 2, 3, 4].reduce((s, j) => s + (r.basis.data[i * 5 + j] as number) * (r.weights[j] as number), 0),
    );
    expectAllClose(composite, [0.165724, 0.684225, 0.668551], { atol: 5e-7 }, "R·w");
    // the two constant indicators are flagged by the normalisation
    expect(r.diagnostics.filter((d) => d.code === "constant_indicator").map((d) => d.params.indicator)).toEqual([1, 2]);
  });

  it("with shift 0.0001: w as printed", () => {
    expectAllClose(
      entropyWeights(X, { shift: 0.0001 }).weights,
      [0.331442, 0, 0, 0.30085, 0.367708],
      { atol: 5e-7 },
      "w",
    );
  });

  it("m = 1 → too_few_observations; all d = 0 → equal weights with a diagnostic", () => {
    expect(() => entropyWeights(fromRows([[1, 2]]))).toThrow(code("too_few_observations"));
    const flat = entropyWeights(
      fromRows([
        [1, 2],
        [1, 2],
      ]),
      { variant: "sum" },
    );
    expectAllClose(flat.weights, [0.5, 0.5], { atol: 1e-15 });
    expect(flat.diagnostics.map((d) => d.code)).toContain("no_dispersion_equal_weights");
  });

  it("a zero column sum gives e = 1, w = 0 (sum variant)", () => {
    const r = entropyWeights(
      fromRows([
        [1, 0],
        [2, 0],
        [4, 0],
      ]),
      { variant: "sum" },
    );
    expect(r.entropy[1]).toBe(1);
    expect(r.weights[1]).toBe(0);
    expect(r.diagnostics.map((d) => d.code)).toContain("zero_column_sum");
  });
});

describe("criticWeights", () => {
  it("Tuş & Adalı (2019) Opsearch 56(2) example (pymcdm test values, 3 d.p.)", () => {
    const X = fromRows([
      [5000, 3, 3, 4, 3, 2],
      [680, 5, 3, 2, 2, 1],
      [2000, 3, 2, 3, 4, 3],
      [600, 4, 3, 1, 2, 2],
      [800, 2, 4, 3, 3, 4],
    ]);
    const w = criticWeights(normalise(X, { method: "minmax" }).values).weights;
    // 0.2495 (w₂ = 0.249496…) prints as 0.249 in the source
    expectAllClose(w, [0.157, 0.249, 0.168, 0.121, 0.154, 0.151], { atol: 5e-4 }, "w");
  });

  it("the sd convention cancels: weights are the same with population sd (scaled copy check)", () => {
    const R = normalise(
      fromRows([
        [1, 5, 2],
        [3, 1, 7],
        [2, 2, 2],
        [8, 4, 1],
      ]),
      { method: "minmax" },
    ).values;
    const r = criticWeights(R);
    const pop = Array.from(r.sd, (s) => s * Math.sqrt(3 / 4));
    const info = pop.map((s, j) => s * (r.conflict[j] as number));
    const total = info.reduce((a, b) => a + b, 0);
    expectAllClose(
      r.weights,
      info.map((c) => c / total),
      { atol: 1e-15 },
    );
  });

  it("a constant column gets weight 0 and does not enter the others' conflict", () => {
    const R = fromRows([
      [0, 1, 0.5],
      [1, 0, 0.5],
      [0.5, 0.2, 0.5],
    ]);
    const r = criticWeights(R);
    expect(r.weights[2]).toBe(0);
    expectClose(r.conflict[0] as number, 1 - (r.correlation.data[1] as number), { atol: 1e-15 });
  });
});

describe("pcaWeights", () => {
  it("two perfectly correlated indicators and one independent: weights ½, ½, 0", () => {
    const R = fromRows([
      [0, 0, 1],
      [1, 1, 0],
      [0.5, 0.5, 0],
      [0.2, 0.2, 1],
    ]);
    const r = pcaWeights(R);
    // corr(a, b) = 1, corr(a, c) = corr(b, c) = ρ; λ₁ of [[1,1,ρ],[1,1,ρ],[ρ,ρ,1]] has v ∝ (1, 1, x)
    expect(r.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
    expectClose(r.weights[0] as number, r.weights[1] as number, { atol: 1e-14 });
    expect(r.explainedShare).toBeGreaterThan(2 / 3 - 1e-12);
  });

  it("the sign of the eigenvector does not matter: negating every column leaves the weights", () => {
    const R = fromRows([
      [1, 2, 0],
      [2, 4, 1],
      [3, 5, 0],
      [4, 9, 1],
    ]);
    const neg = matrix(
      4,
      3,
      R.data.map((v) => -v),
    );
    expectAllClose(pcaWeights(neg).weights, pcaWeights(R).weights, { atol: 1e-14 });
  });
});

describe("equal, manual and forced-zero weights", () => {
  it("equalWeights(4) = ¼ each", () => expect([...equalWeights(4)]).toEqual([0.25, 0.25, 0.25, 0.25]));

  it("manualWeights accepts Σ = 1 within 1e-9 and refuses otherwise (coded)", () => {
    expect([...manualWeights([0.5, 0.3, 0.2])]).toEqual([0.5, 0.3, 0.2]);
    expect(() => manualWeights([0.5, 0.3])).toThrow(code("invalid_argument", "weights_not_normalised"));
    expect(() => manualWeights([1.5, -0.5])).toThrow(code("invalid_argument", "negative_weight"));
    expect(() => manualWeights([0.5, 0.5 + 2e-9])).toThrow(code("invalid_argument", "weights_not_normalised"));
  });

  it("forceZeroWeights rescales the others", () => {
    expectAllClose(forceZeroWeights([0.5, 0.25, 0.25], [0, 1, 0]), [2 / 3, 0, 1 / 3], { atol: 1e-15 });
  });
});

const panel = fc.record({ m: fc.integer({ min: 2, max: 12 }), n: fc.integer({ min: 1, max: 8 }) }).chain(({ m, n }) =>
  fc.record({
    m: fc.constant(m),
    n: fc.constant(n),
    data: fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: m * n, maxLength: m * n }),
  }),
);

describe("properties: every method gives weights ≥ 0 summing to 1", () => {
  test.prop([panel], { seed: 20261201, numRuns: 200 })("entropy (both variants), CRITIC, PCA", ({ m, n, data }) => {
    const X = matrix(m, n, Float64Array.from(data));
    const R = normalise(X, { method: "minmax" });
    const all = [
      entropyWeights(X).weights,
      entropyWeights(X, { variant: "sum" }).weights,
      criticWeights(R.values).weights,
    ];
    if (R.constant.some((c) => c === 0)) all.push(pcaWeights(R.values).weights);
    for (const w of all) {
      for (const v of w) expect(v).toBeGreaterThanOrEqual(0);
      expect(Math.abs(w.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-12);
    }
  });
});
