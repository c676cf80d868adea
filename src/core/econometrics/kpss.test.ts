/**
 * KPSS test against statsmodels 0.13.5 `kpss` (test/reference/statsmodels-kpss/kpss.json) and, at the
 * integer lags of their own rules, R tseries 0.10-53 `kpss.test` and urca 1.3-3 `ur.kpss` (r.json); both
 * files come from generate.py in that folder, on the same seeded series.
 *
 * Tolerances (justified; largest observed differences in brackets):
 * - statistic: 1e-10 relative. Every engine computes the same closed form (mean or [1, t] residuals,
 *   partial sums, Bartlett-weighted autocovariances); they differ only in summation order and in how
 *   the trend residuals are obtained (statsmodels pinv, R QR, here centred closed form with compensated
 *   sums), i.e. by a few ulps of well-conditioned sums ≈ 1e-14, while one lag more or less, or a wrong
 *   weight, moves the statistic by ≥ 1e-3 [statsmodels 1.2e-14, R tseries/urca 9.2e-16 relative].
 * - p-value: 1e-10 absolute. It is the same linear interpolation of the statistic in the same table
 *   (slope ≤ 0.05/0.027 ≈ 1.9), so a 1e-10 relative statistic error moves p by < 1e-10
 *   [statsmodels 3.9e-16, tseries 1.5e-16 absolute].
 * - lags, critical values, interpolation-warning direction: exact (integers, table constants, codes).
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import ref from "../../../test/reference/statsmodels-kpss/kpss.json" with { type: "json" };
import rref from "../../../test/reference/statsmodels-kpss/r.json" with { type: "json" };
import { isCoreError } from "../errors.js";
import { type KpssLagRule, type KpssRegression, kpssCriticalValues, kpssPValue, kpssTest } from "./kpss.js";

function rel(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(Math.abs(b), Number.MIN_VALUE);
}

const WARNING_CODE: Record<string, string> = {
  smaller: "pvalue_smaller_than_reported",
  greater: "pvalue_greater_than_reported",
};

describe("kpssTest against statsmodels 0.13.5 kpss (statsmodels-kpss/kpss.json)", () => {
  for (const c of ref.cases) {
    for (const run of c.runs) {
      it(`${c.name} (n = ${c.y.length}), regression ${run.regression}, nlags ${run.nlags}`, () => {
        const r = kpssTest(c.y, { regression: run.regression as KpssRegression, nlags: run.nlags as KpssLagRule });
        expect(r.lags).toBe(run.lags);
        expect(r.nobs).toBe(c.y.length);
        expect(rel(r.statistic, run.statistic)).toBeLessThan(1e-10);
        expect(Math.abs(r.pValue - run.pvalue)).toBeLessThan(1e-10);
        expect(r.criticalValues).toEqual(run.critical_values);
        const pCodes = r.diagnostics.map((d) => d.code).filter((k) => k.startsWith("pvalue_"));
        expect(pCodes).toEqual(run.interpolation_warning === null ? [] : [WARNING_CODE[run.interpolation_warning]]);
        expect(r.regression).toBe(run.regression);
        expect(r.lagRule).toBe(typeof run.nlags === "number" ? "fixed" : run.nlags);
        expect(r.nullHypothesis).toBe(run.regression === "c" ? "level_stationary" : "trend_stationary");
        for (const v of [r.statistic, r.pValue]) expect(Number.isFinite(v)).toBe(true);
      });
    }
  }
});

describe("kpssTest against R tseries::kpss.test and urca::ur.kpss (statsmodels-kpss/r.json)", () => {
  for (const c of rref.cases) {
    for (const run of c.runs) {
      const tseries = run.function === "tseries::kpss.test";
      const regression: KpssRegression = tseries
        ? (run as { null: string }).null === "Level"
          ? "c"
          : "ct"
        : (run as { type: string }).type === "mu"
          ? "c"
          : "ct";
      const label = tseries
        ? `null ${(run as { null: string }).null}, lshort ${(run as { lshort: boolean }).lshort}`
        : `type ${(run as { type: string }).type}, lags "${(run as { lags_rule: string }).lags_rule}"`;
      it(`${c.name}: ${run.function} ${label} = kpssTest(nlags: ${run.lags}) (integer-lag path)`, () => {
        // R's lag rules: trunc(4·(n/100)^{1/4}) ("short"), trunc(12·(n/100)^{1/4}) ("long"), 0 ("nil")
        const n = c.y.length;
        const rule = tseries
          ? (run as { lshort: boolean }).lshort
            ? 4
            : 12
          : ({ short: 4, long: 12, nil: 0 } as Record<string, number>)[(run as { lags_rule: string }).lags_rule];
        expect(run.lags).toBe(Math.trunc((rule as number) * (n / 100) ** 0.25));
        const r = kpssTest(c.y, { regression, nlags: run.lags });
        expect(rel(r.statistic, run.statistic)).toBeLessThan(1e-10);
        if (tseries) expect(Math.abs(r.pValue - (run as { pvalue: number }).pvalue)).toBeLessThan(1e-10);
      });
    }
  }
  it("R read the same series as statsmodels (17 significant digits round-trip)", () => {
    for (const c of rref.cases) {
      const s = ref.cases.find((k) => k.name === c.name);
      expect(c.y).toEqual(s?.y);
    }
  });
});

describe("kpssPValue and kpssCriticalValues (KPSS 1992 Table 1)", () => {
  it("returns the tabulated levels at the critical values and holds the ends", () => {
    expect(kpssPValue(0.347, "c")).toBe(0.1);
    expect(kpssPValue(0.463, "c")).toBeCloseTo(0.05, 15);
    expect(kpssPValue(0.574, "c")).toBeCloseTo(0.025, 15);
    expect(kpssPValue(0.739, "c")).toBe(0.01);
    expect(kpssPValue(0.146, "ct")).toBeCloseTo(0.05, 15);
    expect(kpssPValue(0, "c")).toBe(0.1);
    expect(kpssPValue(50, "ct")).toBe(0.01);
  });
  it("is linear between table points (midpoint of 0.119 and 0.146 under ct)", () => {
    expect(Math.abs(kpssPValue(0.1325, "ct") - 0.075)).toBeLessThan(1e-15);
  });
  it("critical values", () => {
    expect(kpssCriticalValues("c")).toEqual({ "10%": 0.347, "5%": 0.463, "2.5%": 0.574, "1%": 0.739 });
    expect(kpssCriticalValues("ct")).toEqual({ "10%": 0.119, "5%": 0.146, "2.5%": 0.176, "1%": 0.216 });
  });
});

describe("kpssTest errors and diagnostics", () => {
  const walk = ref.cases[0]?.y as number[];
  const tiny = ref.cases.find((c) => c.name === "tiny")?.y as number[];
  function code(f: () => unknown): string | undefined {
    try {
      f();
    } catch (e) {
      if (isCoreError(e)) return `${e.code}:${(e.params as { reason?: string }).reason ?? ""}`;
      throw e;
    }
    return undefined;
  }
  it("refuses bad arguments with coded errors", () => {
    expect(code(() => kpssTest([1, 2, Number.NaN, 4, 5, 6]))).toBe("non_finite:");
    expect(code(() => kpssTest(walk, { regression: "n" as KpssRegression }))).toBe(
      "invalid_argument:unknown_regression",
    );
    expect(code(() => kpssTest(walk, { nlags: "schwert" as KpssLagRule }))).toBe("invalid_argument:unknown_nlags");
    expect(code(() => kpssTest(walk, { nlags: 1.5 }))).toBe("invalid_argument:integer_ge_0");
    expect(code(() => kpssTest(walk, { nlags: -1 }))).toBe("invalid_argument:integer_ge_0");
    expect(code(() => kpssTest(new Array(20).fill(0.1)))).toBe("invalid_argument:constant_series");
    expect(code(() => kpssTest(new Array(20).fill(0.1), { regression: "ct" }))).toBe(
      "invalid_argument:constant_series",
    );
    expect(code(() => kpssTest([1]))).toBe("too_few_observations:");
    expect(code(() => kpssTest([1, 2], { regression: "ct" }))).toBe("too_few_observations:");
  });
  it("refuses an integer lag ≥ n (statsmodels raises ValueError there)", () => {
    expect(code(() => kpssTest(tiny, { nlags: 6 }))).toBe("invalid_argument:lags_too_large");
    expect(kpssTest(tiny, { nlags: 5 }).lags).toBe(5);
  });
  it("refuses an exactly linear series under ct (0/0 statistic), accepts it under c", () => {
    const line = Array.from({ length: 30 }, (_, i) => 0.3 + 0.7 * i);
    expect(code(() => kpssTest(line, { regression: "ct" }))).toBe("invalid_argument:exact_linear_trend");
    const r = kpssTest(line, { regression: "c" });
    expect(Number.isFinite(r.statistic)).toBe(true);
  });
  it("caps the legacy lag at n − 1 with lags_truncated (tiny: ⌈12·0.06^{1/4}⌉ = 6 > 5)", () => {
    const r = kpssTest(tiny, { nlags: "legacy" });
    expect(r.lags).toBe(5);
    expect(r.diagnostics).toContainEqual({
      code: "lags_truncated",
      severity: "info",
      params: { rule: "legacy", requested: 6, lags: 5, n: 6 },
    });
  });
  it("reports the direction of a held p-value as a code", () => {
    const rw = kpssTest(walk, { nlags: 0 });
    expect(rw.pValue).toBe(0.01);
    expect(rw.diagnostics.map((d) => d.code)).toEqual(["pvalue_smaller_than_reported"]);
    const ar = kpssTest(ref.cases.find((c) => c.name === "ar1")?.y as number[]);
    expect(ar.pValue).toBe(0.1);
    expect(ar.diagnostics.map((d) => d.code)).toEqual(["pvalue_greater_than_reported"]);
  });
  it("does not modify its input", () => {
    const y = Object.freeze([...walk]);
    kpssTest(y, { regression: "ct" });
    expect(y).toEqual(walk);
  });
});

describe("kpssTest properties", () => {
  const fixedLags = fc.constantFrom<KpssLagRule>(0, 1, 3);
  test.prop([
    // tenths in [−100, 100]: no subnormal draws, and a spread ≥ 0.1 whenever the series is not constant
    fc.array(
      fc.integer({ min: -1000, max: 1000 }).map((v) => v / 10),
      { minLength: 8, maxLength: 60 },
    ),
    fc.double({ min: -1e3, max: 1e3, noNaN: true }),
    fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
    fc.boolean(),
    fc.constantFrom<KpssRegression>("c", "ct"),
    fixedLags,
  ])("the statistic is invariant to y → a + b·y (b ≠ 0), up to rounding", (y, a, b, negate, regression, nlags) => {
    const s = negate ? -b : b;
    let base: number;
    try {
      base = kpssTest(y, { regression, nlags }).statistic;
    } catch {
      return; // constant or exactly linear draws are refused (tested above)
    }
    const moved = kpssTest(
      y.map((v) => a + s * v),
      { regression, nlags },
    ).statistic;
    // a + b·y rounds each entry (≤ ε relative to |a| + |b·y|); the residuals lose up to |a|/|b·spread| of that
    expect(rel(moved, base)).toBeLessThan(1e-6);
  });

  test.prop([
    fc.array(fc.double({ min: -1e300, max: 1e300, noNaN: true }), { minLength: 3, maxLength: 40 }),
    fc.constantFrom<KpssRegression>("c", "ct"),
    fc.constantFrom<KpssLagRule>("auto", "legacy", 0, 2),
  ])("never returns NaN or ±∞, and p ∈ [0.01, 0.10], for any finite input it accepts", (y, regression, nlags) => {
    let r: ReturnType<typeof kpssTest>;
    try {
      r = kpssTest(y, { regression, nlags });
    } catch (e) {
      expect(isCoreError(e)).toBe(true);
      expect((e as { params: { reason?: string } }).params.reason).toMatch(
        /^(constant_series|exact_linear_trend|lags_too_large|autolag_undefined)$/,
      );
      return;
    }
    expect(Number.isFinite(r.statistic)).toBe(true);
    expect(r.statistic).toBeGreaterThanOrEqual(0);
    expect(r.pValue).toBeGreaterThanOrEqual(0.01);
    expect(r.pValue).toBeLessThanOrEqual(0.1);
    expect(Number.isInteger(r.lags) && r.lags >= 0 && r.lags < y.length).toBe(true);
  });

  it("handles magnitudes whose squares would overflow or underflow (same statistic as the unit-scale series)", () => {
    const y = ref.cases.find((c) => c.name === "ar1")?.y as number[];
    const base = kpssTest(y, { regression: "ct" }).statistic;
    for (const scale of [2 ** 1000, 2 ** -1000]) {
      expect(
        kpssTest(
          y.map((v) => v * scale),
          { regression: "ct" },
        ).statistic,
      ).toBe(base);
    }
    expect(Number.isFinite(kpssTest([1e308, 1e308, -1e308, 5e307]).statistic)).toBe(true);
  });
});
