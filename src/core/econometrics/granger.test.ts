/**
 * Granger test and VAR lag selection against R lmtest 0.9-40 `grangertest` (F, Pr(>F), df, and the lm()
 * residual sums of squares on the same sample; lmtest.json) and statsmodels 0.13.5
 * `grangercausalitytests` (ssr_ftest, ssr_chi2test) and `VAR.select_order(trend="c")` (statsmodels.json),
 * both written by test/reference/r-lmtest-granger/generate.R. Cases: lmtest's ChickEgg data (the
 * documentation example; methods.md §4.3 known answers), seeded simulated series of 60, 40 and 15
 * observations.
 *
 * Tolerances (relative):
 * - RSS 1e-10: both sides solve the same least-squares problems by Householder QR (R: LINPACK dqrdc2;
 *   here linalg/qr.ts), backward stable, so the residual sums agree to ~κ·ε; the ChickEgg designs
 *   (levels ≈ 4·10⁵ beside a constant) have κ ≈ 10⁶, hence ≈ 1e-10 in the worst case.
 * - F, χ², p-values 1e-9: the statistics divide RSS_r − RSS_u, which for the weakest case (egg ←
 *   chicken, p = 1, F = 0.047 on df 50) is 1e-3 of RSS_u, so the RSS error is amplified ≈ 10³ (bound
 *   ≈ 1e-7 from κ·ε; observed max 5e-13 over all cases, since both QRs are far better than the bound);
 *   the p-value adds the distribution error (observed ≤ 5e-12, distributions.test.ts) times
 *   |d ln p/d ln F| ≤ ~10. Any formula slip (df, sample, n vs n − 2p − 1 in χ²) moves them by ≥ 1e-2.
 * - information criteria 1e-10 absolute (values of order 1–35, ln-determinants from the same QR fits);
 *   FPE 1e-9 relative (exp of the ln-determinant).
 * The spec's printed known answers (5–6 significant digits) are checked to their printed precision.
 */
import { describe, expect, it } from "vitest";
import { expectAllClose, expectClose } from "../../../test/helpers/close.js";
import r from "../../../test/reference/r-lmtest-granger/lmtest.json" with { type: "json" };
import sm from "../../../test/reference/r-lmtest-granger/statsmodels.json" with { type: "json" };
import { fromRows } from "../linalg/matrix.js";
import { grangerTest, varLagSelection } from "./granger.js";

const RSS = { rtol: 1e-10 };
const STAT = { rtol: 1e-9 };

const caseByName = (name: string) => {
  const c = r.cases.find((k) => k.name === name);
  if (c === undefined) throw new Error(name);
  return c;
};

describe("grangerTest against R lmtest::grangertest (F form)", () => {
  for (const c of r.cases) {
    for (const t of c.tests) {
      it(`${c.name}, order ${t.lags}: F, Pr(>F), df, RSS`, () => {
        const g = grangerTest(c.y, c.x, t.lags);
        expect([g.dfNum, g.dfDen, g.n, g.lags]).toEqual([t.df_num, t.df_den, t.n, t.lags]);
        expectClose(g.rssRestricted, t.rss_restricted, RSS, "RSS_r");
        expectClose(g.rssUnrestricted, t.rss_unrestricted, RSS, "RSS_u");
        expectClose(g.f, t.f, STAT, "F");
        expectClose(g.pValue, t.p_value, STAT, "p");
        expectClose(g.chi2, t.chi2, STAT, "chi2");
        expectClose(g.chi2PValue, t.chi2_p_value, STAT, "chi2 p");
        expect(g.nullHypothesis).toBe("x_does_not_granger_cause_y");
      });
    }
  }
});

describe("grangerTest against statsmodels grangercausalitytests (ssr_ftest, ssr_chi2test)", () => {
  for (const c of sm.cases) {
    const input = caseByName(c.name);
    for (const t of c.tests) {
      it(`${c.name}, lag ${t.lags}`, () => {
        const g = grangerTest(input.y, input.x, t.lags);
        expect([g.dfNum, g.dfDen]).toEqual([t.df_num, t.df_den]);
        expectClose(g.f, t.f, STAT, "F");
        expectClose(g.pValue, t.p_value, STAT, "p");
        expectClose(g.chi2, t.chi2, STAT, "chi2");
        expect(t.chi2_df).toBe(g.dfNum);
        expectClose(g.chi2PValue, t.chi2_p_value, STAT, "chi2 p");
      });
    }
  }
});

describe("methods.md §4.3 known answers (ChickEgg, printed digits)", () => {
  const ce = caseByName("chickegg_chicken_on_egg");
  it("grangertest(chicken ~ egg, order = 3): F = 5.40498, Pr(>F) = 0.0029664, df 3/44", () => {
    const g = grangerTest(ce.y, ce.x, 3);
    expectClose(g.f, 5.40498, { atol: 5e-6 });
    expectClose(g.pValue, 0.0029664, { atol: 5e-8 });
    expect([g.dfNum, g.dfDen]).toEqual([3, 44]);
    expect(g.diagnostics).toEqual([]);
  });
  it("grangertest(egg ~ chicken, order = 3): F = 0.59162, Pr(>F) = 0.62379", () => {
    const g = grangerTest(ce.x, ce.y, 3);
    expectClose(g.f, 0.59162, { atol: 5e-6 });
    expectClose(g.pValue, 0.62379, { atol: 5e-6 });
  });
  it("VAR lag selection p_max = 4 (T_c = 50): AIC/BIC/HQ as printed, all choose p = 2", () => {
    const rows = ce.y.map((v, i) => [v, ce.x[i] as number]);
    const s = varLagSelection(fromRows(rows), 4);
    expect(s.n).toBe(50);
    expectAllClose(s.aic, [34.9069, 30.0486, 29.7905, 29.8701, 30.0098], { atol: 5e-5 }, "AIC");
    expectAllClose(s.bic, [34.9834, 30.278, 30.1729, 30.4055, 30.6981], { atol: 5e-5 }, "BIC");
    expectAllClose(s.hq, [34.936, 30.1359, 29.9361, 30.074, 30.2719], { atol: 5e-5 }, "HQ");
    expect(s.selected).toEqual({ aic: 2, bic: 2, hq: 2, fpe: 2 });
  });
});

describe("varLagSelection against statsmodels VAR.select_order(trend='c')", () => {
  for (const v of sm.var_select) {
    it(`${v.name}, maxlags ${v.maxlags}: aic, bic, hqic, fpe and selected orders`, () => {
      const input = caseByName(v.name);
      const rows = input.y.map((yv, i) => [yv, input.x[i] as number]);
      const s = varLagSelection(fromRows(rows), v.maxlags);
      expect(s.lags).toEqual(v.aic.map((_, i) => i));
      expectAllClose(s.aic, v.aic, { atol: 1e-10 }, "aic");
      expectAllClose(s.bic, v.bic, { atol: 1e-10 }, "bic");
      expectAllClose(s.hq, v.hqic, { atol: 1e-10 }, "hq");
      expectAllClose(s.fpe, v.fpe, { rtol: 1e-9 }, "fpe");
      expect(s.selected).toEqual({
        aic: v.selected.aic,
        bic: v.selected.bic,
        hq: v.selected.hqic,
        fpe: v.selected.fpe,
      });
    });
  }
});

describe("diagnostics and errors", () => {
  const short = caseByName("sim15_short");
  it("n − 2p − 1 < 10 → small_sample warning as plain data", () => {
    const g = grangerTest(short.y, short.x, 2);
    expect(g.dfDen).toBe(8);
    expect(g.diagnostics).toEqual([
      { code: "small_sample", severity: "warning", params: { dfDen: 8, threshold: 10, lags: 2, n: 13 } },
    ]);
  });
  it("exact fit (y_t = x_{t−1}) → F = χ² = +∞, p = 0, perfect_fit", () => {
    const x = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3, 2, 3, 8, 4];
    const y = x.map((_, t) => (t === 0 ? 0 : (x[t - 1] as number)));
    const g = grangerTest(y, x, 1);
    expect(g.f).toBe(Number.POSITIVE_INFINITY);
    expect(g.pValue).toBe(0);
    expect(g.diagnostics.map((d) => d.code)).toContain("perfect_fit");
  });
  it("coded errors: lengths, lags, too few observations, constant series, non-finite, maxLags bound", () => {
    const y = short.y;
    const x = short.x;
    expect(() => grangerTest(y, x.slice(1), 1)).toThrow(expect.objectContaining({ code: "dimension_mismatch" }));
    expect(() => grangerTest(y, x, 0)).toThrow(expect.objectContaining({ code: "invalid_argument" }));
    expect(() => grangerTest(y, x, 1.5)).toThrow(expect.objectContaining({ code: "invalid_argument" }));
    // T = 15, p = 4: n − 2p − 1 = 2 (allowed); p = 5: 15 − 5 − 11 = −1 → error
    expect(grangerTest(y, x, 4).dfDen).toBe(2);
    expect(() => grangerTest(y, x, 5)).toThrow(expect.objectContaining({ code: "too_few_observations" }));
    expect(() =>
      grangerTest(
        y,
        y.map(() => 2),
        1,
      ),
    ).toThrow(
      expect.objectContaining({
        code: "invalid_argument",
        params: expect.objectContaining({ reason: "constant_series" }),
      }),
    );
    expect(() => grangerTest([...y.slice(0, 14), Number.NaN], x, 1)).toThrow(
      expect.objectContaining({ code: "non_finite" }),
    );
    const rows = y.map((v, i) => [v, x[i] as number]);
    // statsmodels: maxlags ≤ (T − k − 1) // (k + 1) = 12 // 3 = 4
    expect(varLagSelection(fromRows(rows), 4).n).toBe(11);
    expect(() => varLagSelection(fromRows(rows), 5)).toThrow(
      expect.objectContaining({
        code: "too_few_observations",
        params: expect.objectContaining({ reason: "max_lags_exceed_sample", maxLagsAllowed: 4 }),
      }),
    );
    expect(() => varLagSelection(fromRows(rows), 0)).toThrow(expect.objectContaining({ code: "invalid_argument" }));
  });
  it("results are JSON-safe plain data (finite case)", () => {
    const g = grangerTest(short.y, short.x, 1);
    expect(JSON.parse(JSON.stringify(g))).toEqual(g);
  });
});
