/**
 * Growth accounting and TFP, spec methods.md §9.4 (Solow residual and Törnqvist known answers) and §4.4
 * (sector-group TFP levels, synthetic test).
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { expectAllClose, expectClose } from "../../../test/helpers/close.js";
import { digitalTfpContribution, groupTfpLevels, growthAccounting, solowResidual } from "./tfp.js";

describe("solowResidual", () => {
  it("spec §9.4: g_Y 6 %, g_K 9 %, g_L 1 %, α 0.4 → g_A 1.8 %, contributions 60/10/30 %", () => {
    const r = solowResidual({ outputGrowth: 0.06, capitalGrowth: 0.09, labourGrowth: 0.01, capitalShare: 0.4 });
    // exact decimal arithmetic; a few ulps
    expectClose(r.tfpGrowth, 0.018, { atol: 1e-15 });
    expectClose(r.contributions?.capital as number, 0.6, { atol: 1e-14 });
    expectClose(r.contributions?.labour as number, 0.1, { atol: 1e-14 });
    expectClose(r.contributions?.tfp as number, 0.3, { atol: 1e-14 });
    expect(r.diagnostics).toEqual([]);
  });

  it("returns null contributions with output_growth_near_zero when |g_Y| < 1e-6, flags g_Y < 0", () => {
    const r = solowResidual({ outputGrowth: 5e-7, capitalGrowth: 0.01, labourGrowth: 0, capitalShare: 0.4 });
    expect(r.contributions).toBeNull();
    expect(r.diagnostics[0]?.code).toBe("output_growth_near_zero");
    const n = solowResidual({ outputGrowth: -0.02, capitalGrowth: 0.01, labourGrowth: 0, capitalShare: 0.4 });
    expect(n.contributions).not.toBeNull();
    expect(n.diagnostics.map((d) => d.code)).toEqual(["negative_output_growth"]);
  });

  it("throws share_out_of_range for α ∉ [0, 1]", () => {
    expect(() =>
      solowResidual({ outputGrowth: 0.06, capitalGrowth: 0.09, labourGrowth: 0.01, capitalShare: 1.2 }),
    ).toThrow(
      expect.objectContaining({
        code: "invalid_argument",
        params: expect.objectContaining({ reason: "share_out_of_range" }),
      }),
    );
  });
});

describe("growthAccounting", () => {
  it("spec §9.4 Törnqvist: Y 100→106, K 300→327, L 50→50.5, s_K 0.42→0.38 → Δln A = 0.017828", () => {
    const r = growthAccounting({
      output: [100, 106],
      capital: [300, 327],
      labour: [50, 50.5],
      capitalShare: [0.42, 0.38],
    });
    // printed to 6 decimals
    expectClose(r.periods[0]?.tfpGrowth as number, 0.017828, { atol: 5e-7 });
    expectClose(r.periods[0]?.capitalShare as number, 0.4, { atol: 1e-15 });
    const c = r.periods[0]?.contributions;
    expectClose((c?.capital ?? 0) + (c?.labour ?? 0) + (c?.tfp ?? 0), 1, { atol: 1e-14 });
  });

  it("simple method from levels reproduces the 6/9/1 % case", () => {
    const r = growthAccounting({
      output: [100, 106],
      capital: [100, 109],
      labour: [100, 101],
      capitalShare: 0.4,
      method: "simple",
    });
    expectClose(r.periods[0]?.tfpGrowth as number, 0.018, { atol: 1e-14 });
    expectClose(r.periods[0]?.contributions?.tfp as number, 0.3, { atol: 1e-12 });
  });

  it("throws non_positive_level for a zero level", () => {
    expect(() => growthAccounting({ output: [100, 0], capital: [1, 1], labour: [1, 1], capitalShare: 0.4 })).toThrow(
      expect.objectContaining({ params: expect.objectContaining({ reason: "non_positive_level" }) }),
    );
  });

  test.prop(
    [
      fc.array(fc.double({ min: 1, max: 1e6, noNaN: true }), { minLength: 6, maxLength: 6 }),
      fc.double({ min: 0.05, max: 0.95, noNaN: true }),
    ],
    { seed: 20250101 },
  )("contribution rates sum to 1 and scaling Y scales nothing but A's level", (v, s) => {
    const [y0, y1, k0, k1, l0, l1] = v as [number, number, number, number, number, number];
    const r = growthAccounting({ output: [y0, y1], capital: [k0, k1], labour: [l0, l1], capitalShare: s });
    const r2 = growthAccounting({ output: [3 * y0, 3 * y1], capital: [k0, k1], labour: [l0, l1], capitalShare: s });
    expectClose(r2.periods[0]?.tfpGrowth as number, r.periods[0]?.tfpGrowth as number, { atol: 1e-12 });
    const c = r.periods[0]?.contributions;
    if (c !== null && c !== undefined && Math.abs(r.periods[0]?.outputGrowth as number) > 1e-3) {
      expectClose(c.capital + c.labour + c.tfp, 1, { atol: 1e-9 });
    }
  });
});

describe("digitalTfpContribution", () => {
  it("weights VA shares (Törnqvist-averaged) and scales non-digital TFP by D/VA", () => {
    const r = digitalTfpContribution({
      outputGrowth: 0.05,
      aggregateTfpGrowth: 0.02,
      sectors: [
        { id: "S20", group: "manufacturing", digital: true, valueAddedPrevious: 10, valueAdded: 10, tfpGrowth: 0.04 },
        {
          id: "S01",
          group: "manufacturing",
          digital: false,
          valueAddedPrevious: 50,
          valueAdded: 60,
          tfpGrowth: 0.01,
          digitalShare: 0.2,
        },
        {
          id: "S40",
          group: "services",
          digital: false,
          valueAddedPrevious: 40,
          valueAdded: 30,
          tfpGrowth: 0.02,
          digitalShare: 0.5,
        },
      ],
    });
    // w̄ = [0.1, ½(0.5 + 0.6), ½(0.4 + 0.3)] = [0.1, 0.55, 0.35]; g^DE = [0.04, 0.002, 0.01]
    expectAllClose(r.weights, [0.1, 0.55, 0.35], { atol: 1e-15 });
    expectAllClose(r.digitalSectorTfpGrowth, [0.04, 0.002, 0.01], { atol: 1e-17 });
    const de = 0.1 * 0.04 + 0.55 * 0.002 + 0.35 * 0.01;
    expectClose(r.digitalTfpGrowth, de, { atol: 1e-16 });
    expectClose(r.contribution as number, de / 0.05, { atol: 1e-14 });
    expectClose(r.otherContribution as number, 0.4 - de / 0.05, { atol: 1e-14 });
    expectClose(r.groups.manufacturing?.contribution as number, (0.1 * 0.04 + 0.55 * 0.002) / 0.05, { atol: 1e-14 });
    expectClose(r.groups.services?.contribution as number, (0.35 * 0.01) / 0.05, { atol: 1e-14 });
  });

  it("null contribution when |g_Y| < 1e-6", () => {
    const r = digitalTfpContribution({
      outputGrowth: 0,
      sectors: [{ id: "S20", digital: true, valueAddedPrevious: 1, valueAdded: 1, tfpGrowth: 0.01 }],
    });
    expect(r.contribution).toBeNull();
    expect(r.diagnostics[0]?.code).toBe("output_growth_near_zero");
  });
});

describe("groupTfpLevels", () => {
  const groups = Object.freeze([
    { id: "fusion", output: [100], capital: [150], labour: [20], capitalShare: 0.4 },
    { id: "other", output: [200], capital: [600], labour: [80], capitalShare: 0.5 },
  ]);

  it("spec §4.4 synthetic test: relative = [1.906278, 0.779202]", () => {
    const r = groupTfpLevels({ groups });
    // printed to 6 decimals
    expectAllClose(
      r.groups.map((g) => g.raw[0] as number),
      [2.233292, 0.912871],
      { atol: 5e-7 },
    );
    expectClose(r.economyCapitalShare[0] as number, 0.466667, { atol: 5e-7 });
    expectClose(r.economy[0] as number, 1.171546, { atol: 5e-7 });
    expectAllClose(
      r.groups.map((g) => g.levels[0] as number),
      [1.906278, 0.779202],
      { atol: 5e-7 },
    );
    expectAllClose(
      r.groups.map((g) => g.mean as number),
      [1.906278, 0.779202],
      { atol: 5e-7 },
    );
  });

  it("base_year and raw normalisations; K ≤ 0 → null", () => {
    const two = [
      { id: "a", output: [100, 110], capital: [150, 150], labour: [20, 20], capitalShare: 0.4 },
      { id: "b", output: [200, 200], capital: [600, 0], labour: [80, 80], capitalShare: 0.5 },
    ];
    const b = groupTfpLevels({ groups: two, normalisation: "base_year", years: [2012, 2013], baseYear: 2012 });
    expectAllClose(b.groups[0]?.levels as number[], [1, 1.1], { atol: 1e-14 });
    expect(b.groups[1]?.levels[1]).toBeNull();
    expect(b.diagnostics.map((d) => d.code)).toContain("tfp_level_undefined");
    const raw = groupTfpLevels({ groups: two, normalisation: "raw" });
    expectClose(raw.groups[0]?.levels[0] as number, 2.233292, { atol: 5e-7 });
  });

  it("throws share_out_of_range for α ∉ (0, 1)", () => {
    expect(() =>
      groupTfpLevels({ groups: [{ id: "a", output: [1], capital: [1], labour: [1], capitalShare: 1 }] }),
    ).toThrow(expect.objectContaining({ params: expect.objectContaining({ reason: "share_out_of_range" }) }));
  });
});
