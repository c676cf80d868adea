/**
 * Volatility, spec methods.md §9.5–9.6. The §9.6 table (variants V1–V3 of 2013–2024 nominal GDP growth)
 * is recomputed from the printed NBS current-price GDP values (亿元) of §9.6.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { expectClose } from "../../../test/helpers/close.js";
import { volatility } from "./volatility.js";

// spec methods.md §9.6: NBS current-price GDP 2012–2022 (亿元), 2023 preliminary / 5th-census revised, 2024 preliminary
const GDP_2012_2022 = [
  538580.0, 592963.2, 643563.1, 688858.2, 746395.1, 832035.9, 919281.1, 986515.2, 1013567.0, 1149237.0, 1204724.0,
];
const GDP_2023_PRELIMINARY = 1260582.1;
const GDP_2023_REVISED = 1294272;
const GDP_2024_PRELIMINARY = 1349084;

const pct = (a: number, b: number) => 100 * (a / b - 1);
const base = GDP_2012_2022.slice(1).map((v, i) => pct(v, GDP_2012_2022[i] as number));
const last2022 = GDP_2012_2022[10] as number;
const variants = {
  // V1: 2023 on the preliminary, 2024 on the revised base
  V1: [...base, pct(GDP_2023_PRELIMINARY, last2022), pct(GDP_2024_PRELIMINARY, GDP_2023_REVISED)],
  // V2: no revision
  V2: [...base, pct(GDP_2023_PRELIMINARY, last2022), pct(GDP_2024_PRELIMINARY, GDP_2023_PRELIMINARY)],
  // V3: 2023 revised vs 2022, 2024 vs revised
  V3: [...base, pct(GDP_2023_REVISED, last2022), pct(GDP_2024_PRELIMINARY, GDP_2023_REVISED)],
};
// spec §9.6 table: mean, SD ddof=0, CV, SD ddof=1, CV (printed to 4 decimals)
const TABLE = {
  V1: [7.7602, 3.1086, 0.4006, 3.2468, 0.4184],
  V2: [7.9923, 2.9358, 0.3673, 3.0664, 0.3837],
  V3: [7.9932, 2.9673, 0.3712, 3.0992, 0.3877],
} as const;
const PRINTED = { atol: 5e-5 };

describe("volatility", () => {
  it("nominal growth 2013–2022 matches §9.6 to 2 decimals", () => {
    const printed = [10.1, 8.53, 7.04, 8.35, 11.47, 10.49, 7.31, 2.74, 13.39, 4.83];
    for (let i = 0; i < printed.length; i++) expectClose(base[i] as number, printed[i] as number, { atol: 5e-3 });
  });

  for (const name of ["V1", "V2", "V3"] as const) {
    it(`reproduces spec §9.6 table row ${name} (mean, SD ddof 0/1, CV)`, () => {
      const years = Array.from({ length: 12 }, (_, i) => 2013 + i);
      const [mean, sd0, cv0, sd1, cv1] = TABLE[name];
      const p = volatility(variants[name], { years, from: 2013, to: 2024 });
      expect(p.n).toBe(12);
      expectClose(p.mean, mean, PRINTED, "mean");
      expectClose(p.sd, sd0, PRINTED, "sd0");
      expectClose(p.cv as number, cv0, PRINTED, "cv0");
      const s = volatility(variants[name], { ddof: 1 });
      expectClose(s.sd, sd1, PRINTED, "sd1");
      expectClose(s.cv as number, cv1, PRINTED, "cv1");
    });
  }

  it("windows by year; CV null for a zero mean; sign kept for a negative mean", () => {
    const w = volatility([1, 2, 3, 100], { years: [2020, 2021, 2022, 2023], to: 2022 });
    expect(w.n).toBe(3);
    expectClose(w.mean, 2, { atol: 1e-15 });
    const z = volatility([-1, 1]);
    expect(z.cv).toBeNull();
    expect(z.diagnostics[0]?.code).toBe("cv_undefined");
    const n = volatility([-1, -3]);
    expectClose(n.cv as number, -0.5, { atol: 1e-15 });
    expect(n.diagnostics[0]?.code).toBe("negative_mean");
  });

  it("throws invalid_ddof and too_few_observations", () => {
    expect(() => volatility([1, 2], { ddof: 2 as 0 })).toThrow(
      expect.objectContaining({ params: expect.objectContaining({ reason: "invalid_ddof" }) }),
    );
    expect(() => volatility([1], { ddof: 1 })).toThrow(expect.objectContaining({ code: "too_few_observations" }));
  });

  test.prop(
    [
      fc.array(fc.double({ min: 0.1, max: 1000, noNaN: true }), { minLength: 2, maxLength: 30 }),
      fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
    ],
    { seed: 20250101 },
  )("CV is scale-invariant", (x, c) => {
    const a = volatility(x);
    const b = volatility(x.map((v) => c * v));
    expectClose(b.cv as number, a.cv as number, { rtol: 1e-9, atol: 1e-12 });
  });
});
