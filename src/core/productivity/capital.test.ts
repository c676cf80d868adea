/**
 * Perpetual inventory and capital deepening, spec methods.md §8.1–8.2.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { expectAllClose, expectClose } from "../../../test/helpers/close.js";
import { capitalDeepening, perpetualInventory } from "./capital.js";

const I = Object.freeze([100, 110, 121, 133.1]);

describe("perpetualInventory", () => {
  it("matches spec §8.1: I = [100, 110, 121, 133.1], δ 0.1, g 0.1 → K = [500, 560, 625, 695.6]", () => {
    const K = [500, 560, 625, 695.6];
    // exact arithmetic up to rounding: a few ulps of 700
    expectAllClose(
      perpetualInventory({ investment: I, delta: 0.1, initial: { method: "growth", growth: 0.1 } }).stock,
      K,
      {
        atol: 1e-12,
      },
    );
    // g estimated from the data: (133.1/100)^{1/3} − 1 = 0.1, window 5 shortened to 4 years
    const est = perpetualInventory({ investment: I, delta: 0.1, deflator: [1, 1, 1, 1] });
    expectAllClose(est.stock, K, { atol: 1e-9 });
    expectClose(est.assets[0]?.initialGrowth as number, 0.1, { atol: 1e-14 });
    expect(est.diagnostics.map((d) => d.code)).toEqual(["growth_window_truncated"]);
  });

  it("sums assets accumulated separately and deflates by P_t", () => {
    const s = perpetualInventory({
      name: "software",
      investment: [20, 44, 66],
      deflator: [1, 2, 2],
      delta: 0.5,
      initial: { method: "value", value: 10 },
    });
    // K = [10, 5 + 22, 13.5 + 33]
    expectAllClose(s.stock, [10, 27, 46.5], { atol: 1e-12 });
    expect(s.diagnostics).toEqual([]);
    const two = perpetualInventory({
      assets: [
        { name: "a", investment: [100, 110], delta: 0.1, initial: { method: "growth", growth: 0.1 } },
        { name: "b", investment: [20, 44], deflator: [1, 2], delta: 0.5, initial: { method: "value", value: 10 } },
      ],
    });
    expectAllClose(two.stock, [510, 587], { atol: 1e-12 });
  });

  it("flags negative later investment and current prices", () => {
    const r = perpetualInventory({
      investment: [100, -5, 10],
      delta: 0.2,
      initial: { method: "growth", growth: 0.05 },
    });
    expect(r.diagnostics).toEqual([
      { code: "current_price_investment", severity: "info", params: { asset: "asset1" } },
      { code: "negative_investment", severity: "warning", params: { asset: "asset1", index: 1, value: -5 } },
    ]);
  });

  it("throws growth_plus_depreciation_not_positive and non_positive_base_investment", () => {
    expect(() =>
      perpetualInventory({ investment: I, delta: 0.1, initial: { method: "growth", growth: -0.1 } }),
    ).toThrow(
      expect.objectContaining({
        code: "invalid_argument",
        params: expect.objectContaining({ reason: "growth_plus_depreciation_not_positive" }),
      }),
    );
    expect(() => perpetualInventory({ investment: [0, 1, 2], delta: 0.1 })).toThrow(
      expect.objectContaining({ params: expect.objectContaining({ reason: "non_positive_base_investment" }) }),
    );
    expect(() => perpetualInventory({ investment: I, delta: 1.5 })).toThrow(
      expect.objectContaining({ params: expect.objectContaining({ reason: "depreciation_out_of_range" }) }),
    );
    expect(() => perpetualInventory({ investment: I, delta: 0.1, deflator: [1, 1] })).toThrow(
      expect.objectContaining({ code: "dimension_mismatch" }),
    );
  });

  test.prop(
    [
      fc.array(fc.double({ min: 1, max: 1000, noNaN: true }), { minLength: 2, maxLength: 12 }),
      fc.double({ min: 0.01, max: 100, noNaN: true }),
      fc.double({ min: 0.01, max: 0.5, noNaN: true }),
    ],
    { seed: 20250101 },
  )("the stock is linear (homogeneous of degree 1) in investment", (inv, c, delta) => {
    const initial = { method: "growth", growth: 0.05 } as const;
    const k1 = perpetualInventory({ investment: inv, delta, initial }).stock;
    const k2 = perpetualInventory({ investment: inv.map((v) => c * v), delta, initial }).stock;
    for (let t = 0; t < inv.length; t++) expectClose(k2[t] as number, c * (k1[t] as number), { rtol: 1e-12 });
  });
});

describe("capitalDeepening", () => {
  const K = [100, 110, 121, 133.1, 146.41, 161.051, 177.1561];
  const L = [10, 10.1, 10.201, 10.30301, 10.4060401, 10.510100501, 10.61520150601];

  it("difference = g_K − g_L, ratio = (1+g_K)/(1+g_L) − 1, mean of the last five (spec §8.2)", () => {
    const d = capitalDeepening({ capital: K, labour: L });
    expect(d.deepening[0]).toBeNull();
    for (let t = 1; t < K.length; t++) expectClose(d.deepening[t] as number, 0.09, { atol: 1e-12 });
    expectClose(d.average as number, 0.09, { atol: 1e-12 });
    expect(d.window).toBe(5);
    const r = capitalDeepening({ capital: K, labour: L, method: "ratio" });
    expectClose(r.average as number, 1.1 / 1.01 - 1, { atol: 1e-12 });
    const c = capitalDeepening({ capital: K, labour: L, method: "ratio", averaging: "cagr" });
    expectClose(c.average as number, 1.1 / 1.01 - 1, { atol: 1e-12 });
    const cd = capitalDeepening({ capital: K, labour: L, averaging: "cagr" });
    expectClose(cd.average as number, 0.09, { atol: 1e-12 });
  });

  it("truncates the averaging window to the data", () => {
    const d = capitalDeepening({ capital: [1, 2, 4], labour: [1, 1, 1] });
    expect(d.window).toBe(2);
    expectClose(d.average as number, 1, { atol: 1e-15 });
    expect(d.diagnostics.map((x) => x.code)).toEqual(["averaging_window_truncated"]);
  });
});
