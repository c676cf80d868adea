/**
 * ratioRegression, digitalisationElasticities and elasticityWindowMeans against statsmodels 0.13.5
 * (test/reference/statsmodels-costbenefit, generate.py → costbenefit.json: a seeded 30-sector ×
 * 2012–2024 panel, its rows in the JSON as inputs), the spec §7.6 exact tests (the −2.1118
 * consistency test; the log–log engine on R's cars, 1.602391206) and edge cases.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { expectClose } from "../../../test/helpers/close.js";
import ref from "../../../test/reference/statsmodels-costbenefit/costbenefit.json" with { type: "json" };
import cars from "../../../test/reference/statsmodels-ols/r-cars.json" with { type: "json" };
import { isCoreError } from "../errors.js";
import {
  type AnnualElasticity,
  type CostComponent,
  componentCosts,
  digitalisationElasticities,
  type ElasticityObservation,
  elasticityWindowMeans,
} from "./elasticity.js";
import { type FinancialRow, type SectorFinancials, sectorRatios } from "./ratios.js";
import { type RatioObservation, type RatioRegressionForm, ratioRegression } from "./regression.js";

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

// Tolerance 1e-9 relative: both sides solve the same well-conditioned least-squares problems (ln DI
// or DI in pp beside year dummies, far from collinear) by orthogonal methods — ours Householder QR
// with pivoting, statsmodels the SVD pseudo-inverse — and the p-values add the t-tail error of scipy
// vs ours. Observed maxima (this machine): estimates 3.9e-13, SEs 7.0e-14, p-values 9.5e-13,
// elasticities and their SEs 1.6e-14 relative. 1e-9 keeps three orders of margin for platform
// rounding and is still far below any change of method (another cluster factor or covariance type
// moves SEs by ≥ 1e-2; a dropped or added row moves estimates by ≥ 1e-4).
const RTOL = 1e-9;

const rows = ref.inputs.rows;

describe("ratioRegression against statsmodels 0.13.5 (statsmodels-costbenefit/costbenefit.json)", () => {
  for (const c of ref.regression) {
    it(`${c.ratio} ${c.form} ${c.variant}: coefficients, SEs and p-values to ${RTOL}`, () => {
      const obs: RatioObservation[] = rows.map((r) => ({
        sector: r.sector,
        year: r.year,
        ratio: c.ratio === "cost_ratio" ? r.costRatio : r.profitRatio,
        digitalInput: r.digitalInput,
      }));
      const res = ratioRegression(obs, {
        form: c.form as RatioRegressionForm,
        yearEffects: c.yearEffects,
        se: c.se as "cluster" | "classical" | "hc1",
      });
      expect(res.regression.n).toBe(c.n);
      expect(res.sectors).toBe(c.sectors);
      expect(res.years).toEqual(c.years);
      expect(res.regression.coefficients).toHaveLength(c.params.length);
      res.regression.coefficients.forEach((co, j) => {
        expectClose(co.estimate, c.params[j] as number, { rtol: RTOL }, `${co.name} estimate`);
        expectClose(co.stdError, c.bse[j] as number, { rtol: RTOL }, `${co.name} se`);
        expectClose(co.pValue, c.pvalues[j] as number, { rtol: RTOL }, `${co.name} p`);
      });
      expectClose(res.regression.rSquared, c.rsquared, { rtol: RTOL }, "R²");
      expect(res.slope.name).toBe(c.form === "loglog" ? "ln_digital_input" : "digital_input_pp");
      const b = c.params[1] as number;
      expectClose(res.effect, c.form === "loglin" ? 100 * Math.expm1(b) : b, { rtol: RTOL }, "effect");
      // 2012 and 2024 lie outside the default window 2013–2023; DI = 0 and Y ≤ 0 rows are dropped
      expect(res.diagnostics.find((d) => d.code === "observations_outside_window")?.params).toEqual({
        count: 60,
        from: 2013,
        to: 2023,
      });
      expect(res.diagnostics.find((d) => d.code === "non_positive_rows_dropped")?.params).toMatchObject({
        count: 330 - c.n,
        n: c.n,
      });
    });
  }

  it("has the signs seed 001 prints on this synthetic panel: b_CR < 0 < b_PR (spec §7.6)", () => {
    const slope = (ratio: "costRatio" | "profitRatio"): number =>
      ratioRegression(
        rows.map((r) => ({ sector: r.sector, year: r.year, ratio: r[ratio], digitalInput: r.digitalInput })),
      ).slope.estimate;
    expect(slope("costRatio")).toBeLessThan(0);
    expect(slope("profitRatio")).toBeGreaterThan(0);
  });

  it("rejects an unknown form, an invalid window and duplicate sector-years", () => {
    const obs = [{ sector: "S01", year: 2015, ratio: 0.8, digitalInput: 0.1 }];
    expectCoreError(() => ratioRegression(obs, { form: "probit" as never }), "invalid_argument", { option: "form" });
    expectCoreError(() => ratioRegression(obs, { years: { from: 2020, to: 2013 } }), "invalid_argument", {
      reason: "invalid_window",
    });
    expectCoreError(() => ratioRegression([...obs, ...obs]), "invalid_argument", { reason: "duplicate_observation" });
    expectCoreError(() => ratioRegression([{ ...obs[0], ratio: Number.NaN } as RatioObservation]), "non_finite");
  });
});

function elasticityObservations(): ElasticityObservation[] {
  return rows.map((r) => ({
    sector: r.sector,
    year: r.year,
    digitalInput: r.digitalInput,
    revenue: r.revenue,
    costs: r.costs as Record<CostComponent, number>,
  }));
}

describe("digitalisationElasticities against statsmodels 0.13.5 (statsmodels-costbenefit/costbenefit.json)", () => {
  const obs = elasticityObservations();
  const crossRevenue = digitalisationElasticities(obs);
  const crossNone = digitalisationElasticities(obs, { scale: "none", components: ["production"] });
  const arc = digitalisationElasticities(obs, { method: "arc" });

  for (const e of ref.elasticities) {
    it(`${e.component} (scale ${e.scale}): annual cross-section elasticities and SEs to ${RTOL}`, () => {
      const mine = (e.scale === "none" ? crossNone : crossRevenue).annual.filter((a) => a.component === e.component);
      expect(mine.map((a) => a.year)).toEqual(e.annual.map((a) => a.year));
      e.annual.forEach((a, i) => {
        const m = mine[i] as AnnualElasticity;
        expect(m.n, `${a.year} n`).toBe(a.n);
        if (a.elasticity === null) {
          expect(m.elasticity).toBeNull();
        } else {
          expectClose(m.elasticity as number, a.elasticity, { rtol: RTOL }, `${a.year} ε`);
          expectClose(m.stdError as number, a.stdError as number, { rtol: RTOL }, `${a.year} se`);
        }
      });
    });
    if (e.windowMeans !== undefined) {
      it(`${e.component}: window means (2013–2023, 2013–2020, 2021–2023) and arc elasticities`, () => {
        const annual = crossRevenue.annual.filter((a) => a.component === e.component);
        const means = elasticityWindowMeans(annual).means;
        e.windowMeans.forEach((w, i) => {
          const m = means[i];
          expect([m?.from, m?.to, m?.used]).toEqual([w.from, w.to, w.used]);
          if (w.mean === null) expect(m?.mean).toBeNull();
          else expectClose(m?.mean as number, w.mean, { rtol: RTOL }, `${w.from}–${w.to}`);
        });
        const mineArc = arc.annual.filter((a) => a.component === e.component);
        expect(mineArc.map((a) => a.year)).toEqual((e.arc ?? []).map((a) => a.year));
        (e.arc ?? []).forEach((a, i) => {
          if (a.elasticity === null) expect(mineArc[i]?.elasticity).toBeNull();
          else expectClose(mineArc[i]?.elasticity as number, a.elasticity, { rtol: RTOL }, `arc ${a.year}`);
        });
      });
    }
  }

  it("reports the 2013 financial component (4 sectors with positive cost) as too few sectors", () => {
    expect(crossRevenue.diagnostics).toContainEqual({
      code: "elasticity_too_few_sectors",
      severity: "warning",
      params: { component: "financial", year: 2013, count: 4, required: 5 },
    });
    const w = elasticityWindowMeans(crossRevenue.annual);
    expect(w.diagnostics).toContainEqual({
      code: "window_incomplete",
      severity: "warning",
      params: { component: "financial", from: 2013, to: 2023, used: 10, expected: 11, missing: [2013] },
    });
    expect(
      crossRevenue.diagnostics.find(
        (d) => d.code === "non_positive_rows_dropped" && d.params.component === "production",
      )?.params,
    ).toMatchObject({
      count: 3,
    });
  });
});

describe("digitalisationElasticities: known answers and edge cases", () => {
  it("is the §4.2 OLS on logs: R's cars, lm(log(dist) ~ log(speed)) slope 1.602391206 (spec §7.6)", () => {
    // r-cars.json: R lm output printed to 10 significant digits → rtol 5e-10
    const obs: ElasticityObservation[] = cars.data.speed.map((speed, i) => ({
      sector: `car${i}`,
      year: 2020,
      digitalInput: speed,
      revenue: 1,
      costs: { production: cars.data.dist[i] as number },
    }));
    const r = digitalisationElasticities(obs, { scale: "none", components: ["production"] });
    expectClose(r.annual[0]?.elasticity as number, cars.lm_logdist_logspeed.slope, { rtol: 5e-10 });
    // scaling by a revenue of 1 changes nothing
    const s = digitalisationElasticities(obs, { components: ["production"] });
    expectClose(s.annual[0]?.elasticity as number, cars.lm_logdist_logspeed.slope, { rtol: 5e-10 });
  });

  it("returns null and elasticity_not_identified when DI is equal in every sector", () => {
    const obs = [1, 2, 3, 4, 5].map((j) => ({
      sector: `S0${j}`,
      year: 2020,
      digitalInput: 0.05,
      revenue: 10,
      costs: { sales: j },
    }));
    const r = digitalisationElasticities(obs, { components: ["sales"] });
    expect(r.annual).toEqual([{ component: "sales", year: 2020, elasticity: null, stdError: null, n: 5 }]);
    expect(r.diagnostics).toEqual([
      { code: "elasticity_not_identified", severity: "warning", params: { component: "sales", year: 2020 } },
    ]);
  });

  it("arc: the log ratio of changes on the aggregates, with diWeight, and null where an aggregate is not positive", () => {
    const obs: ElasticityObservation[] = [
      { sector: "a", year: 2020, digitalInput: 0.1, revenue: 100, diWeight: 1, costs: { sales: 10, financial: -1 } },
      { sector: "b", year: 2020, digitalInput: 0.3, revenue: 100, diWeight: 1, costs: { sales: 10, financial: -1 } },
      { sector: "a", year: 2021, digitalInput: 0.2, revenue: 110, diWeight: 1, costs: { sales: 9, financial: 1 } },
      { sector: "b", year: 2021, digitalInput: 0.4, revenue: 90, diWeight: 1, costs: { sales: 9, financial: 1 } },
    ];
    const r = digitalisationElasticities(obs, { method: "arc", components: ["sales", "financial"] });
    // DI 0.2 → 0.3, intensity 20/200 → 18/200
    expectClose(r.annual[0]?.elasticity as number, Math.log(0.9) / Math.log(1.5), { rtol: 1e-14 });
    expect(r.annual[1]).toEqual({ component: "financial", year: 2021, elasticity: null, stdError: null, n: 2 });
    expect(r.diagnostics).toEqual([
      { code: "aggregate_not_positive", severity: "warning", params: { component: "financial", year: 2021 } },
    ]);
  });

  it("rejects bad options and duplicate sector-years", () => {
    const o: ElasticityObservation = { sector: "a", year: 2020, digitalInput: 0.1, revenue: 1, costs: {} };
    expectCoreError(() => digitalisationElasticities([o], { method: "x" as never }), "invalid_argument", {
      option: "method",
    });
    expectCoreError(() => digitalisationElasticities([o], { minSectors: 2 }), "invalid_argument", {
      option: "minSectors",
    });
    expectCoreError(() => digitalisationElasticities([o], { components: ["labour" as never] }), "invalid_argument");
    expectCoreError(() => digitalisationElasticities([o, o]), "invalid_argument", { reason: "duplicate_observation" });
    expectCoreError(() => digitalisationElasticities([{ ...o, revenue: Number.NaN }]), "non_finite", {
      argument: "revenue",
    });
  });
});

describe("elasticityWindowMeans", () => {
  it("spec §7.6 consistency: 2013–2020 mean −2.33 and 2021–2023 mean −1.53 give the 2013–2023 mean −2.1118 (prints −2.11)", () => {
    // annual values with the seed's sub-period means (seed 001 图8, production): varied inside each period
    const early = [-2.1, -2.5, -2.4, -2.2, -2.35, -2.45, -2.3, -2.34]; // mean −2.33
    const late = [-1.4, -1.6, -1.59]; // mean −1.53
    const annual = [...early, ...late].map((elasticity, i) => ({
      component: "production" as const,
      year: 2013 + i,
      elasticity,
    }));
    const r = elasticityWindowMeans(annual);
    const [all, before, after] = r.means;
    expectClose(before?.mean as number, -2.33, { rtol: 1e-14 });
    expectClose(after?.mean as number, -1.53, { rtol: 1e-14 });
    // (8·(−2.33) + 3·(−1.53))/11 = −23.23/11 = −2.111818… (exact to rounding); printed −2.1118 / −2.11
    expectClose(all?.mean as number, -23.23 / 11, { rtol: 1e-14 });
    expectClose(all?.mean as number, -2.1118, { atol: 0.5e-4 });
    expect(Math.round((all?.mean as number) * 100) / 100).toBe(-2.11);
    // a 7/4 split would give −2.04 (spec §7.1): not what the default windows compute
    expect([all?.used, before?.used, after?.used]).toEqual([11, 8, 3]);
    expect(r.diagnostics).toEqual([]);
  });

  it("takes windows as a parameter, skips null years and returns null for an empty window", () => {
    const annual = [
      { component: "sales" as const, year: 2013, elasticity: -0.5 },
      { component: "sales" as const, year: 2014, elasticity: null },
    ];
    const r = elasticityWindowMeans(annual, [
      { from: 2013, to: 2014 },
      { from: 2015, to: 2016 },
    ]);
    expect(r.means.map((m) => m.mean)).toEqual([-0.5, null]);
    expect(r.diagnostics.map((d) => d.params.missing)).toEqual([[2014], [2015, 2016]]);
    expectCoreError(() => elasticityWindowMeans(annual, [{ from: 2016, to: 2015 }]), "invalid_argument", {
      reason: "invalid_window",
    });
    expectCoreError(() => elasticityWindowMeans([...annual, ...annual]), "invalid_argument", {
      reason: "duplicate_observation",
    });
  });

  test.prop([fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 11, maxLength: 11 })])(
    "the 2013–2023 mean is the 8/3-weighted mean of the two sub-period means",
    (values) => {
      const annual = values.map((elasticity, i) => ({ component: "financial" as const, year: 2013 + i, elasticity }));
      const [all, before, after] = elasticityWindowMeans(annual).means;
      expectClose(all?.mean as number, (8 * (before?.mean as number) + 3 * (after?.mean as number)) / 11, {
        atol: 1e-12,
      });
    },
  );
});

describe("the cost–benefit pipeline: sectorRatios → componentCosts → ratioRegression / digitalisationElasticities", () => {
  // one firm per sector-year rebuilt from the reference panel: revenue, cost = CR·revenue, selling =
  // sales, admin = management+R&D (R&D 0), financial, profit = PR·total cost — so the sector ratios
  // and component costs equal the panel's up to rounding (≤ a few ulps), and the estimates equal
  // statsmodels' to the same 1e-9.
  const firms: FinancialRow[] = rows.map((r) => {
    const costMain = r.costRatio * r.revenue;
    const totalCost = costMain + r.costs.sales + r.costs.management_rd + r.costs.financial;
    return {
      firmId: `${r.sector}-firm`,
      year: r.year,
      sector: r.sector,
      revenueMain: r.revenue,
      costMain,
      sellingExp: r.costs.sales,
      adminExp: r.costs.management_rd,
      rdExp: 0,
      financialExp: r.costs.financial,
      totalProfit: r.profitRatio * totalCost,
    };
  });
  const sectors = sectorRatios(firms).sectors;
  const di = new Map(rows.map((r) => [`${r.sector}/${r.year}`, r.digitalInput]));

  it("gives the reference regression for both ratios", () => {
    for (const [ratio, key] of [
      ["cost_ratio", "costRatio"],
      ["profit_ratio", "profitRatio"],
    ] as const) {
      const c = ref.regression.find((x) => x.ratio === ratio && x.form === "loglog" && x.variant === "fe_cluster");
      const res = ratioRegression(
        sectors.map((s) => ({
          sector: s.sector,
          year: s.year,
          ratio: s[key] as number,
          digitalInput: di.get(`${s.sector}/${s.year}`) as number,
        })),
      );
      expectClose(res.slope.estimate, c?.params[1] as number, { rtol: RTOL }, `${ratio} b`);
      expectClose(res.slope.stdError, c?.bse[1] as number, { rtol: RTOL }, `${ratio} se`);
    }
  });

  it("gives the reference cross-section elasticities through componentCosts", () => {
    const obs: ElasticityObservation[] = sectors.map((s) => ({
      sector: s.sector,
      year: s.year,
      digitalInput: di.get(`${s.sector}/${s.year}`) as number,
      revenue: s.revenueMain,
      costs: componentCosts(s),
    }));
    const r = digitalisationElasticities(obs);
    for (const e of ref.elasticities.filter((x) => x.scale === "revenue")) {
      for (const a of e.annual) {
        const m = r.annual.find((x) => x.component === e.component && x.year === a.year);
        if (a.elasticity === null) expect(m?.elasticity).toBeNull();
        else expectClose(m?.elasticity as number, a.elasticity, { rtol: RTOL }, `${e.component} ${a.year}`);
      }
    }
  });

  it("componentCosts maps §7.2: production = costMain (or productionCost), management_rd, financial, sales", () => {
    const [s] = sectorRatios([{ ...firms[0], productionCost: 123 } as FinancialRow]).sectors;
    const f = firms[0] as FinancialRow;
    expect(componentCosts(s as SectorFinancials)).toEqual({
      production: f.costMain,
      management_rd: f.adminExp,
      financial: f.financialExp,
      sales: f.sellingExp,
    });
    expect(componentCosts(s as SectorFinancials, "production_cost").production).toBe(123);
    expect(componentCosts(sectors[0] as SectorFinancials, "production_cost")).not.toHaveProperty("production");
  });
});

describe("properties of the log–log engines", () => {
  const panelArb = fc.record({
    b: fc.double({ min: -3, max: 3, noNaN: true }),
    k: fc.double({ min: 0.1, max: 10, noNaN: true }),
    // noise bounded away from 0 (alternating sign): with (near) zero noise the cluster variance is 0
    // up to rounding and panelOls may return a NaN SE (a diagonal rounded below 0) — a degenerate
    // fit, not this property
    noise: fc.array(fc.double({ min: 0.01, max: 0.05, noNaN: true }), { minLength: 24, maxLength: 24 }),
  });

  test.prop([panelArb])(
    "ratioRegression loglog: the slope is unchanged when DI or Y is rescaled (absorbed by the intercept)",
    ({ b, k, noise }) => {
      const obs = noise.map((e, i) => {
        const di = 0.005 * (1 + (i % 6)) * (1 + 0.3 * Math.floor(i / 6)) * (1 + 0.1 * ((7 * i) % 5));
        return {
          sector: `S${i % 6}`,
          year: 2013 + Math.floor(i / 6),
          ratio: 0.5 * di ** b * Math.exp(i % 2 === 0 ? e : -e),
          digitalInput: di,
        };
      });
      const base = ratioRegression(obs).slope;
      const scaledDi = ratioRegression(obs.map((o) => ({ ...o, digitalInput: k * o.digitalInput }))).slope;
      const scaledY = ratioRegression(obs.map((o) => ({ ...o, ratio: k * o.ratio }))).slope;
      for (const s of [scaledDi, scaledY]) {
        expectClose(s.estimate, base.estimate, { atol: 1e-9 * (1 + Math.abs(b)) });
        expectClose(s.stdError, base.stdError, { rtol: 1e-7 });
      }
    },
  );

  test.prop([
    fc.double({ min: -3, max: 3, noNaN: true }),
    fc.array(fc.double({ min: 0.001, max: 0.3, noNaN: true }), { minLength: 5, maxLength: 12 }),
  ])("digitalisationElasticities recovers ε of an exact power law C/Rev = a·DI^ε", (eps, dis) => {
    fc.pre(Math.max(...dis) / Math.min(...dis) > 1.5); // DI must vary across sectors
    const obs = dis.map((d, j) => ({
      sector: `S${j}`,
      year: 2020,
      digitalInput: d,
      revenue: 100 + j,
      costs: { sales: (100 + j) * 0.2 * d ** eps },
    }));
    const r = digitalisationElasticities(obs, { components: ["sales"] });
    expectClose(r.annual[0]?.elasticity as number, eps, { atol: 1e-9 });
  });
});
