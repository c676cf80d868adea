import { describe, expect, it } from "vitest";
import { expectAllClose } from "../../../test/helpers/close.js";
import { fromRows } from "../linalg/matrix.js";
import { domesticFinalDemand } from "./domestic.js";
import type { IoTable } from "./io-table.js";
import { linkages } from "./linkages.js";

/**
 * Hand-built two-sector non-competitive table (numbers chosen for mental arithmetic):
 * Z = [[10, 20], [5, 5]], Zdom = [[8, 20], [5, 3]] (imported intermediate use 2 and 2),
 * Y (categories C, EX) = [[30, 10], [40, 0]], imports m = [6, 2], x = Σ Z + Σ Y − m = [64, 48].
 */
function twoSector(extra: Partial<IoTable> = {}): IoTable {
  return {
    sectors: [{ code: "a" }, { code: "b" }],
    Z: fromRows([
      [10, 20],
      [5, 5],
    ]),
    Zdomestic: fromRows([
      [8, 20],
      [5, 3],
    ]),
    finalDemand: fromRows([
      [30, 10],
      [40, 0],
    ]),
    finalDemandCodes: ["C", "EX"],
    imports: Float64Array.from([6, 2]),
    output: Float64Array.from([64, 48]),
    ...extra,
  };
}

describe("domesticFinalDemand", () => {
  it("returns the table's own finalDemandDomestic unchanged (source table)", () => {
    const own = fromRows([
      [25, 9],
      [40, 0],
    ]);
    const r = domesticFinalDemand(twoSector({ finalDemandDomestic: own }));
    expect(r.source).toBe("table");
    expect(r.Y).toBe(own);
  });

  it("applies the proportional import convention by hand: g = m − imported intermediate use", () => {
    // row a: g = 6 − (30 − 28) = 4 of F = 40 → keep 0.9 → [27, 9]; row b: g = 2 − (10 − 8) = 0 → [40, 0]
    const r = domesticFinalDemand(twoSector());
    expect(r.source).toBe("proportional_imports");
    expectAllClose(r.Y.data, [27, 9, 40, 0], { atol: 1e-12 }, "Y_dom");
    expect(r.clamped).toEqual([]);
    // the domestic row identity holds: Σ_j zdom_aj + Σ_k ydom_ak = 28 + 36 = 64 = x_a
    expect(8 + 20 + (r.Y.data[0] as number) + (r.Y.data[1] as number)).toBeCloseTo(64, 12);
  });

  it("clamps an imported final use outside [0, F] and lists the sector", () => {
    // row b with y_b = [3, 0] and m_b = 9: g = 9 − 2 = 7 > F = 3 → clamped to 3 → y_dom,b = [0, 0]
    const t = twoSector({
      finalDemand: fromRows([
        [30, 10],
        [3, 0],
      ]),
      imports: Float64Array.from([6, 9]),
    });
    const r = domesticFinalDemand(t);
    expect(r.clamped).toEqual([1]);
    expectAllClose(r.Y.data, [27, 9, 0, 0], { atol: 1e-12 }, "Y_dom clamped");
  });

  it("throws invalid_argument no_domestic_final_demand without finalDemandDomestic, Zdomestic or imports", () => {
    const { imports: _m, ...noImports } = twoSector();
    expect(() => domesticFinalDemand(noImports)).toThrow(
      expect.objectContaining({
        code: "invalid_argument",
        params: expect.objectContaining({ reason: "no_domestic_final_demand" }),
      }),
    );
  });
});

describe("linkages with flows domestic use the domestic final demand for α", () => {
  it("weighted variant: α = domestic final-demand shares (by hand: ydom totals 36 and 40 → 36/76, 40/76)", () => {
    const r = linkages(twoSector(), { flows: "domestic", variant: "weighted" });
    expectAllClose(r.alphaWeights ?? [], [36 / 76, 40 / 76], { atol: 1e-15 }, "α domestic");
    const total = linkages(twoSector(), { variant: "weighted" });
    expectAllClose(total.alphaWeights ?? [], [40 / 80, 40 / 80], { atol: 1e-15 }, "α competitive");
  });
});
