/**
 * panelOls against statsmodels 0.13.5 (test/reference/statsmodels-panel, generate.py → panel.json):
 * pooled OLS (nonrobust, HC1, cluster), fixed effects as the LSDV dummy regression (nonrobust, HC1)
 * and as OLS on the entity-demeaned data (cluster); cross-checked with ols() for pooled.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import ref from "../../../test/reference/statsmodels-panel/panel.json" with { type: "json" };
import { isCoreError } from "../errors.js";
import { fromRows, matrix } from "../linalg/matrix.js";
import { ols } from "./ols.js";
import { type PanelCovarianceType, type PanelEffects, panelOls } from "./panel.js";

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

type CovRef = { bse: number[]; tvalues: number[]; pvalues: number[]; cov: number[][] };

// Tolerances: both sides solve well-conditioned designs (κ₂ ≤ 1e2) by orthogonal factorisations or
// pinv. Observed: estimates ≤ 2.1e-14, SEs and t ≤ 2.2e-14, p-values ≤ 2.3e-12 relative (p amplifies
// the relative error of t by ≈ (ν+1)t²/(ν+t²) and scipy's t tail is accurate to ~1e-14). Asserted:
// 1e-10 for estimates, 1e-8 for SEs, t, p and covariances (scaled by √(v_jj v_ll)).
const TOL_EST = 1e-10;
const TOL_SE = 1e-8;

function checkCov(r: ReturnType<typeof panelOls>, cv: CovRef, label: string): void {
  r.coefficients.forEach((co, j) => {
    expectRel(co.stdError, cv.bse[j] as number, TOL_SE, `${label} se${j}`);
    expectRel(co.t, cv.tvalues[j] as number, TOL_SE, `${label} t${j}`);
    expectRel(co.pValue, cv.pvalues[j] as number, TOL_SE, `${label} p${j}`);
    for (let l = 0; l < r.coefficients.length; l++) {
      const e = cv.cov[j]?.[l] as number;
      const a = r.covariance.data[j * r.covariance.cols + l] as number;
      expect(Math.abs(a - e), `${label} cov[${j}][${l}]`).toBeLessThanOrEqual(
        TOL_SE * Math.sqrt(Math.abs((cv.cov[j]?.[j] as number) * (cv.cov[l]?.[l] as number))),
      );
    }
  });
}

describe("panelOls against statsmodels 0.13.5 (statsmodels-panel/panel.json)", () => {
  for (const c of ref.cases) {
    describe(c.name, () => {
      const y = Float64Array.from(c.y);
      const X = fromRows(c.X);
      const panel = (effects: PanelEffects, se: PanelCovarianceType, clusters?: string[]) =>
        panelOls(y, X, { entities: c.entities, effects, se, ...(clusters ? { clusters } : {}) });

      it("pooled: params, R², df and nonrobust/HC1/cluster(entity)/cluster(region) SEs, t, p", () => {
        const r = panel("pooled", "classical");
        for (const [j, co] of r.coefficients.entries())
          expectRel(co.estimate, c.pooled.params[j] as number, TOL_EST, `β${j}`);
        expect(r.coefficients.map((co) => co.name)).toEqual(["(Intercept)", "x1", "x2"]);
        expectRel(r.rSquared, c.pooled.rsquared, 1e-12, "R²");
        expect(r.dfResid).toBe(c.pooled.df_resid);
        expect(r.n).toBe(c.n);
        expect(r.entities).toBe(c.n_entities);
        checkCov(r, c.pooled.nonrobust, "nonrobust");
        checkCov(panel("pooled", "hc1"), c.pooled.hc1, "hc1");
        const ce = panel("pooled", "cluster");
        expect(ce.clusters).toBe(c.n_entities);
        expect(ce.dfInference).toBe(c.n_entities - 1);
        checkCov(ce, c.pooled.cluster_entity, "cluster entity");
        const cr = panel("pooled", "cluster", c.regions);
        expect(cr.clusters).toBe(c.n_regions);
        checkCov(cr, c.pooled.cluster_region, "cluster region");
      });

      it("pooled classical and HC1 equal ols() exactly in convention", () => {
        for (const se of ["classical", "hc1"] as const) {
          const a = panel("pooled", se);
          const b = ols(y, X, { se });
          a.coefficients.forEach((co, j) => {
            expectRel(co.estimate, b.coefficients[j]?.estimate as number, 1e-13, "β");
            expectRel(co.stdError, b.coefficients[j]?.stdError as number, 1e-13, "se");
          });
        }
      });

      it("entity effects: within β̂ equals the LSDV and demeaned statsmodels estimates; df = n − k − G", () => {
        const r = panel("entity", "classical");
        expect(r.coefficients.map((co) => co.name)).toEqual(["x1", "x2"]);
        r.coefficients.forEach((co, j) => {
          expectRel(co.estimate, c.fe_lsdv.params[j] as number, TOL_EST, `β${j} lsdv`);
          expectRel(co.estimate, c.fe_within.params[j] as number, TOL_EST, `β${j} within`);
        });
        expect(r.dfResid).toBe(c.fe_lsdv.df_resid);
        expect(r.dfResid).toBe(c.n - 2 - c.n_entities);
        expectRel(r.sigma2, c.fe_lsdv.scale, 1e-12, "σ²");
        expectRel(r.rSquared, c.fe_within.rsquared_within, 1e-12, "within R²");
      });

      it("entity effects: classical and HC1 match the LSDV regression", () => {
        checkCov(panel("entity", "classical"), c.fe_lsdv.nonrobust, "nonrobust");
        checkCov(panel("entity", "hc1"), c.fe_lsdv.hc1, "hc1");
      });

      it("entity effects: cluster matches statsmodels cluster on the demeaned data (t with G − 1 df)", () => {
        const ce = panel("entity", "cluster");
        expect(ce.dfInference).toBe(c.n_entities - 1);
        checkCov(ce, c.fe_within.cluster_entity, "cluster entity");
        checkCov(panel("entity", "cluster", c.regions), c.fe_within.cluster_region, "cluster region");
      });
    });
  }
});

describe("panelOls: behaviour and contract", () => {
  it("follows the documented example (hand-computed: β = 3.5/2.5, RSS = 0.1, df = 1)", () => {
    const r = panelOls(Float64Array.from([1, 2, 2, 5]), fromRows([[1], [2], [3], [5]]), {
      entities: ["a", "a", "b", "b"],
      effects: "entity",
      se: "classical",
    });
    expectRel(r.coefficients[0]?.estimate as number, 1.4, 1e-14, "β");
    expectRel(r.coefficients[0]?.stdError as number, 0.2, 1e-14, "se");
    expectRel(r.coefficients[0]?.t as number, 7, 1e-14, "t");
    // two-sided t(1) tail: 1 − (2/π)·atan(7)
    expectRel(r.coefficients[0]?.pValue as number, 1 - (2 / Math.PI) * Math.atan(7), 1e-13, "p");
    expect(r.dfResid).toBe(1);
    expectRel(r.rSquared, 0.98, 1e-14, "R²");
  });

  const base = ref.cases[1] as (typeof ref.cases)[number];
  const y = Float64Array.from(base.y);
  const X = fromRows(base.X);

  it("is invariant to the order of the rows (entities need not be contiguous)", () => {
    const order = Array.from({ length: base.n }, (_, i) => (i * 7) % base.n);
    const r0 = panelOls(y, X, { entities: base.entities, effects: "entity", se: "cluster" });
    const r1 = panelOls(
      Float64Array.from(order.map((i) => y[i] as number)),
      fromRows(order.map((i) => base.X[i] as number[])),
      { entities: order.map((i) => base.entities[i] as string), effects: "entity", se: "cluster" },
    );
    r0.coefficients.forEach((co, j) => {
      expectRel(r1.coefficients[j]?.estimate as number, co.estimate, 1e-12, "β");
      expectRel(r1.coefficients[j]?.stdError as number, co.stdError, 1e-12, "se");
    });
  });

  it("does not modify its inputs", () => {
    const yc = Float64Array.from(y);
    const xc = Float64Array.from(X.data);
    const entities = Object.freeze([...base.entities]);
    panelOls(y, X, { entities, effects: "entity", se: "hc1" });
    expect(Array.from(y)).toEqual(Array.from(yc));
    expect(Array.from(X.data)).toEqual(Array.from(xc));
  });

  it("a singleton entity contributes nothing to β̂ under FE and is reported", () => {
    const y2 = Float64Array.from([...base.y, 123.4]);
    const X2 = fromRows([...base.X, [5, -7]]);
    const r = panelOls(y2, X2, { entities: [...base.entities, "lonely"], effects: "entity", se: "cluster" });
    const r0 = panelOls(y, X, { entities: base.entities, effects: "entity", se: "classical" });
    for (const [j, co] of r.coefficients.entries())
      expectRel(co.estimate, r0.coefficients[j]?.estimate as number, 1e-12, "β");
    // n and G both grow by one: n − k − G unchanged
    expect(r.dfResid).toBe(r0.dfResid);
    expect(r.entities).toBe(r0.entities + 1);
    expect(r.diagnostics).toEqual([
      { code: "singleton_entities", severity: "info", params: { count: 1, entities: ["lonely"] } },
    ]);
    expect(r0.diagnostics).toEqual([]);
  });

  it("refuses a regressor constant within every entity under FE, naming it", () => {
    // "size" is a time-invariant entity attribute (0.1, 0.7, 1.3, … by entity, not exactly representable)
    const levels = [...new Set(base.entities)];
    const size = (e: string) => 0.1 + 0.6 * levels.indexOf(e);
    const Xc = fromRows(base.X.map((row, i) => [row[0] as number, size(base.entities[i] as string), row[1] as number]));
    expectCoreError(
      () => panelOls(y, Xc, { entities: base.entities, names: ["a", "size", "b"], effects: "entity", se: "classical" }),
      "singular_matrix",
      { reason: "collinear_columns", columns: ["size"], absorbed: true },
    );
    // pooled keeps it
    expect(
      panelOls(y, Xc, { entities: base.entities, names: ["a", "size", "b"], effects: "pooled", se: "classical" })
        .coefficients,
    ).toHaveLength(4);
  });

  it("refuses collinear regressors, naming the dependent column", () => {
    const Xc = fromRows(
      base.X.map((row) => [row[0] as number, row[1] as number, 2 * (row[0] as number) - (row[1] as number)]),
    );
    expectCoreError(
      () => panelOls(y, Xc, { entities: base.entities, names: ["a", "b", "c"], effects: "entity", se: "classical" }),
      "singular_matrix",
      { reason: "collinear_columns", rank: 2, cols: 3 },
    );
  });

  it("needs two clusters and n > k + G", () => {
    expectCoreError(
      () =>
        panelOls(y, X, {
          entities: base.entities,
          effects: "pooled",
          se: "cluster",
          clusters: base.entities.map(() => "all"),
        }),
      "invalid_argument",
      { reason: "too_few_clusters", clusters: 1, required: 2 },
    );
    // 3 entities × 2 rows, k = 2: n = 6 ≤ k + G = 5? no (6 > 5): fits; 3 × 1 + … fails
    const ids = ["a", "a", "b", "b", "c"];
    const Xs = fromRows([
      [1, 2],
      [2, 1],
      [3, 5],
      [4, 3],
      [5, 5],
    ]);
    expectCoreError(
      () => panelOls(Float64Array.from([1, 2, 3, 4, 5]), Xs, { entities: ids, effects: "entity", se: "classical" }),
      "too_few_observations",
      { required: 6, received: 5, entities: 3 },
    );
  });

  it("rejects bad inputs with coded errors", () => {
    const opts = { entities: base.entities, effects: "entity", se: "classical" } as const;
    expectCoreError(() => panelOls(y.subarray(1), X, opts), "dimension_mismatch", { argument: "y" });
    expectCoreError(() => panelOls(y, X, { ...opts, entities: base.entities.slice(1) }), "dimension_mismatch", {
      argument: "entities",
    });
    expectCoreError(() => panelOls(y, X, { ...opts, se: "cluster", clusters: ["a"] }), "dimension_mismatch", {
      argument: "clusters",
    });
    expectCoreError(() => panelOls(y, X, { ...opts, names: ["a"] }), "dimension_mismatch", { argument: "names" });
    const yn = Float64Array.from(y);
    yn[3] = Number.NaN;
    expectCoreError(() => panelOls(yn, X, opts), "non_finite", { argument: "y" });
    expectCoreError(() => panelOls(y, X, { ...opts, se: "hc3" as PanelCovarianceType }), "invalid_argument", {
      option: "se",
    });
    expectCoreError(() => panelOls(y, X, { ...opts, effects: "time" as PanelEffects }), "invalid_argument", {
      option: "effects",
    });
  });
});

describe("panelOls: identities", () => {
  const c = ref.cases[0] as (typeof ref.cases)[number];
  const y = Float64Array.from(c.y);
  const X = fromRows(c.X);
  const levels = [...new Set(c.entities)];

  it("FE classical equals ols() on the LSDV design [X, entity dummies] without intercept", () => {
    const G = levels.length;
    const d = matrix(c.n, 2 + G);
    for (let i = 0; i < c.n; i++) {
      d.data[i * (2 + G)] = c.X[i]?.[0] as number;
      d.data[i * (2 + G) + 1] = c.X[i]?.[1] as number;
      d.data[i * (2 + G) + 2 + levels.indexOf(c.entities[i] as string)] = 1;
    }
    const lsdv = ols(y, d, { intercept: false });
    const fe = panelOls(y, X, { entities: c.entities, effects: "entity", se: "classical" });
    expect(fe.dfResid).toBe(lsdv.dfResid);
    for (const [j, co] of fe.coefficients.entries()) {
      expectRel(co.estimate, lsdv.coefficients[j]?.estimate as number, 1e-11, `β${j}`);
      expectRel(co.stdError, lsdv.coefficients[j]?.stdError as number, 1e-11, `se${j}`);
    }
  });

  test.prop(
    [
      fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 31, maxLength: 31 }),
      fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 31, maxLength: 31 }),
    ],
    { numRuns: 25 },
  )("FE estimates and cluster SEs are invariant to entity-specific shifts of y and X", (ay, ax) => {
    const g = (i: number) => levels.indexOf(c.entities[i] as string);
    const y2 = Float64Array.from(c.y, (v, i) => v + (ay[g(i)] as number));
    const X2 = fromRows(c.X.map((row, i) => [(row[0] as number) + (ax[g(i)] as number), row[1] as number]));
    const a = panelOls(y, X, { entities: c.entities, effects: "entity", se: "cluster" });
    const b = panelOls(y2, X2, { entities: c.entities, effects: "entity", se: "cluster" });
    // shifts of size ≤ 100 against within spreads ~1 cost ~100·ε relative in the demeaned data
    for (const [j, co] of a.coefficients.entries()) {
      expectRel(b.coefficients[j]?.estimate as number, co.estimate, 1e-11, `β${j}`);
      expectRel(b.coefficients[j]?.stdError as number, co.stdError, 1e-10, `se${j}`);
    }
  });
});
