/**
 * vif against statsmodels 0.13.5 `variance_inflation_factor` on [1, X] and numpy diag(inv(corrcoef(X)))
 * (test/reference/statsmodels-panel, generate.py → vif.json), on NIST StRD Longley and a seeded
 * near-collinear design.
 */
import { describe, expect, it } from "vitest";
import ref from "../../../test/reference/statsmodels-panel/vif.json" with { type: "json" };
import { isCoreError } from "../errors.js";
import { fromRows, matrix } from "../linalg/matrix.js";
import { ols } from "./ols.js";
import { VIF_THRESHOLD, vif } from "./vif.js";

function expectRel(actual: number, expected: number, rtol: number, label: string): void {
  const err = Math.abs(actual - expected) / Math.abs(expected);
  expect(err, `${label}: ${actual} vs ${expected}`).toBeLessThanOrEqual(rtol);
}

function expectCoreError(f: () => unknown, code: string, params: Record<string, unknown> = {}): void {
  try {
    f();
  } catch (e) {
    expect(isCoreError(e)).toBe(true);
    if (isCoreError(e)) {
      expect(e.code).toBe(code);
      expect(e.params).toMatchObject(params);
    }
    return;
  }
  throw new Error(`expected CoreError ${code}`);
}

describe("vif against statsmodels 0.13.5 and numpy (statsmodels-panel/vif.json)", () => {
  for (const c of ref.cases) {
    describe(c.name, () => {
      const r = vif(fromRows(c.X), c.names);
      // Tolerance: the VIF is a diagonal element of (X̃ᵀX̃)⁻¹ scaled by ‖x̃_j‖², accurate to about
      // κ₂(X̃_scaled)·ε on our side; statsmodels fits each auxiliary regression by pinv and numpy inverts
      // the correlation matrix (error ~ κ(corr)·ε ≈ 1e-12 for Longley, whose largest VIF is 1 788).
      // Observed: Longley ≤ 1.6e-13 (statsmodels), ≤ 3.1e-13 (numpy); seeded ≤ 3.3e-14; asserted 1e-10.
      it("matches statsmodels variance_inflation_factor on [1, X] (the slopes)", () => {
        expect(r.columns.map((co) => co.name)).toEqual(c.names);
        for (const [j, co] of r.columns.entries())
          expectRel(co.vif, c.statsmodels_with_const[j] as number, 1e-10, co.name);
      });
      it("equals the diagonal of the inverse correlation matrix (centred VIF, numpy)", () => {
        for (const [j, co] of r.columns.entries()) expectRel(co.vif, c.inv_corr_diag[j] as number, 1e-10, co.name);
      });
      it("differs from statsmodels on X without a constant (no intercept, uncentred R²) — documented", () => {
        for (const [j, co] of r.columns.entries())
          expect(Math.abs(co.vif - (c.statsmodels_no_const[j] as number)) / co.vif).toBeGreaterThan(1e-3);
      });
      it("reports high_vif for every column above 10, and only those", () => {
        const high = r.columns.filter((co) => co.vif > VIF_THRESHOLD).map((co) => co.name);
        expect(r.diagnostics.map((d) => d.params.column)).toEqual(high);
        for (const d of r.diagnostics) expect(d).toMatchObject({ code: "high_vif", severity: "warning" });
      });
    });
  }

  it("gives the famous Longley VIFs (Belsley, Kuh & Welsch 1980; statsmodels)", () => {
    const c = ref.cases[0] as (typeof ref.cases)[number];
    const r = vif(fromRows(c.X), c.names);
    // commonly quoted to 4 significant digits: x1 135.5, x2 1788, x3 33.62, x4 3.589, x5 399.2, x6 759.0
    const quoted = [135.5, 1788, 33.62, 3.589, 399.2, 759.0];
    for (const [j, co] of r.columns.entries()) expectRel(co.vif, quoted[j] as number, 5e-4, co.name);
    expect(r.diagnostics.map((d) => d.params.column)).toEqual(["x1", "x2", "x3", "x5", "x6"]);
  });
});

describe("vif: behaviour and contract", () => {
  it("follows the documented example", () => {
    const r = vif(
      fromRows([
        [1, 2],
        [2, 1],
        [3, 4],
        [4, 3],
      ]),
    );
    expect(r.columns.map((c) => c.name)).toEqual(["x1", "x2"]);
    for (const c of r.columns) {
      expectRel(c.vif, 1.5625, 1e-14, "vif");
      expectRel(c.rSquared, 0.36, 1e-13, "R²");
    }
    expect(r.diagnostics).toEqual([]);
  });

  it("equals 1/(1 − R²) of the auxiliary regression by ols()", () => {
    const c = ref.cases[1] as (typeof ref.cases)[number];
    const r = vif(fromRows(c.X), c.names);
    for (let j = 0; j < c.names.length; j++) {
      const others = fromRows(c.X.map((row) => row.filter((_, l) => l !== j)));
      const aux = ols(Float64Array.from(c.X.map((row) => row[j] as number)), others);
      expectRel(r.columns[j]?.vif as number, 1 / (1 - aux.rSquared), 1e-12, c.names[j] as string);
    }
  });

  it("is 1 for a single column and uses the given threshold", () => {
    const X = fromRows([[1], [3], [2], [5]]);
    expectRel(vif(X).columns[0]?.vif as number, 1, 1e-15, "vif");
    const c = ref.cases[1] as (typeof ref.cases)[number];
    expect(vif(fromRows(c.X), c.names, { threshold: 50 }).diagnostics.map((d) => d.params.column)).toEqual(["a", "c"]);
  });

  it("refuses exact collinearity, a constant column and too few rows", () => {
    const X = fromRows([
      [1, 2, 3],
      [2, 1, 3],
      [3, 5, 8],
      [4, 3, 7],
      [6, 1, 7],
    ]);
    expectCoreError(() => vif(X, ["a", "b", "c"]), "singular_matrix", { reason: "collinear_columns", rank: 2 });
    const Xc = fromRows([
      [1, 0.1],
      [2, 0.1],
      [3, 0.1],
    ]);
    expectCoreError(() => vif(Xc, ["a", "k"]), "invalid_argument", { reason: "constant_column", columns: ["k"] });
    expectCoreError(() => vif(fromRows([[1, 2]])), "too_few_observations", { required: 3, received: 1 });
  });

  it("rejects bad inputs with coded errors", () => {
    const X = fromRows([
      [1, 2],
      [2, 1],
      [3, 5],
    ]);
    expectCoreError(() => vif(X, ["a"]), "dimension_mismatch", { argument: "names" });
    expectCoreError(() => vif(matrix(3, 0)), "invalid_argument", { reason: "no_columns" });
    expectCoreError(() => vif(X, undefined, { threshold: 0 }), "invalid_argument", { option: "threshold" });
    const Xn = fromRows([
      [1, 2],
      [Number.NaN, 1],
      [3, 5],
    ]);
    expectCoreError(() => vif(Xn), "non_finite", { row: 1, col: 0 });
  });

  it("does not modify its input", () => {
    const c = ref.cases[0] as (typeof ref.cases)[number];
    const X = fromRows(c.X);
    const copy = Float64Array.from(X.data);
    vif(X, Object.freeze([...c.names]));
    expect(Array.from(X.data)).toEqual(Array.from(copy));
  });
});
