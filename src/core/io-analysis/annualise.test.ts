import { describe, expect, it } from "vitest";
import { expectAllClose } from "../../../test/helpers/close.js";
import { MILLER_BLAIR, THREE_SECTOR } from "../../../test/reference/textbook/fixtures.js";
import { loadTextbookReference } from "../../../test/reference/textbook/load.js";
import { fromRows, toRows } from "../linalg/matrix.js";
import { annualSeries } from "../time/annual-series.js";
import { interpolateCoefficients, interpolateLinkageInput, ras } from "./annualise.js";
import { technicalCoefficients } from "./coefficients.js";
import { type CoefficientLinkageInput, linkages } from "./linkages.js";

const rasRef = loadTextbookReference().spec_ras_example as {
  Z0: number[][];
  u: number[];
  v: number[];
  "tol_1e-12": { iterations: number; Z: number[][]; A: number[][] };
  "tol_1e-10": { iterations: number; Z: number[][] };
};

describe("interpolateCoefficients", () => {
  const A17 = fromRows([
    [0.1, 0.2],
    [0.3, 0.05],
  ]);
  const A20 = fromRows([
    [0.16, 0.11],
    [0.27, 0.08],
  ]);
  it("gives A2019 = [[0.14, 0.14], [0.28, 0.07]] (spec §5.9) to 1e-15", () => {
    // exact decimal arithmetic would give the printed values; each element is one fused lerp → ≤ 2 ulp.
    const r = interpolateCoefficients(A17, 2017, A20, 2020, 2019);
    expectAllClose(r.A.data, [0.14, 0.14, 0.28, 0.07], { atol: 1e-15 }, "A2019");
    expect(r.source).toBe("interpolated");
    expect(r.weight).toBeCloseTo(2 / 3, 15);
    expect(r.diagnostics).toEqual([
      {
        code: "interpolated",
        severity: "info",
        params: { from: 2017, to: 2020, year: 2019, weight: 2 / 3, method: "linear" },
      },
    ]);
  });

  it("returns the table matrix at the end points with source table", () => {
    const r = interpolateCoefficients(A17, 2017, A20, 2020, 2020);
    expect(r.source).toBe("table");
    expect(toRows(r.A)).toEqual(toRows(A20));
    expect(r.A.data).not.toBe(A20.data);
  });

  it("rejects years outside [τ1, τ2], τ2 ≤ τ1 and shape mismatches", () => {
    expect(() => interpolateCoefficients(A17, 2017, A20, 2020, 2021)).toThrow(
      expect.objectContaining({ code: "invalid_argument" }),
    );
    expect(() => interpolateCoefficients(A17, 2020, A20, 2017, 2018)).toThrow(
      expect.objectContaining({ code: "invalid_argument" }),
    );
    expect(() => interpolateCoefficients(A17, 2017, fromRows([[1]]), 2020, 2018)).toThrow(
      expect.objectContaining({ code: "dimension_mismatch" }),
    );
    expect(() => interpolateCoefficients(A17, 2017.5, A20, 2020, 2018)).toThrow(
      expect.objectContaining({ code: "invalid_argument" }),
    );
  });
});

describe("ras", () => {
  it("reproduces the spec §5.9 RAS example Z1 and A1 (6 d.p.) and numpy's iteration counts", () => {
    // spec §5.9: Z1 = [[29.347749, 40.652251], [10.652251, 39.347749]], A1 = [[0.244565, 0.271015], [0.088769, 0.262318]]
    const r = ras(fromRows(rasRef.Z0), rasRef.u, rasRef.v, { tolerance: 1e-12 });
    expectAllClose(r.Z.data, [29.347749, 40.652251, 10.652251, 39.347749], { atol: 5e-7 }, "Z1");
    const A1 = [0, 1, 2, 3].map((k) => (r.Z.data[k] as number) / ([120, 150][k % 2] as number));
    expectAllClose(A1, [0.244565, 0.271015, 0.088769, 0.262318], { atol: 5e-7 }, "A1");
    // numpy (test/reference/textbook/generate.py, same stopping rule) → same count, Z to 1e-12 relative
    expect(r.iterations).toBe(rasRef["tol_1e-12"].iterations);
    expectAllClose(r.Z.data, rasRef["tol_1e-12"].Z.flat(), { rtol: 1e-12 }, "Z numpy");
    expect(r.diagnostics).toEqual([
      {
        code: "ras_converged",
        severity: "info",
        params: { iterations: r.iterations, maxDeviation: r.maxDeviation, tolerance: 1e-12 },
      },
    ]);
    const d = ras(fromRows(rasRef.Z0), rasRef.u, rasRef.v);
    expect(d.iterations).toBe(rasRef["tol_1e-10"].iterations);
    expect(d.maxDeviation).toBeLessThan(1e-10 * 70);
    // Z = diag(r) Z0 diag(s)
    const rebuilt = rasRef.Z0.flatMap((row, i) =>
      row.map((z, j) => (d.rowMultipliers[i] as number) * z * (d.columnMultipliers[j] as number)),
    );
    expectAllClose(d.Z.data, rebuilt, { rtol: 1e-13 }, "biproportional form");
  });

  it("rescales v to Σu with ras_targets_rescaled", () => {
    const r = ras(fromRows(rasRef.Z0), [70, 50], [20, 40]);
    expect(r.diagnostics[0]).toEqual({
      code: "ras_targets_rescaled",
      severity: "warning",
      params: { factor: 2, sumU: 120, sumV: 60 },
    });
    expect(Array.from(r.columnTargets)).toEqual([40, 80]);
  });

  it("throws ras_infeasible for a zero row with a positive target", () => {
    expect(() =>
      ras(
        fromRows([
          [1, 2],
          [0, 0],
        ]),
        [3, 1],
        [2, 2],
      ),
    ).toThrow(
      expect.objectContaining({ code: "ras_infeasible", params: expect.objectContaining({ axis: "row", index: 1 }) }),
    );
    expect(() =>
      ras(
        fromRows([
          [1, 0],
          [2, 0],
        ]),
        [2, 2],
        [3, 1],
      ),
    ).toThrow(
      expect.objectContaining({
        code: "ras_infeasible",
        params: expect.objectContaining({ axis: "column", index: 1 }),
      }),
    );
  });

  it("throws ras_not_converged when the iteration limit is reached", () => {
    expect(() => ras(fromRows(rasRef.Z0), rasRef.u, rasRef.v, { maxIterations: 3 })).toThrow(
      expect.objectContaining({ code: "ras_not_converged", params: expect.objectContaining({ iterations: 3 }) }),
    );
    // a pattern that cannot meet the targets: column 2 is fed only by z12 ≤ u1 = 1 < v2 = 2
    expect(() =>
      ras(
        fromRows([
          [1, 1],
          [1, 0],
        ]),
        [1, 2],
        [1, 2],
        { maxIterations: 200 },
      ),
    ).toThrow(expect.objectContaining({ code: "ras_not_converged" }));
  });

  it("rejects negative prior flows and targets", () => {
    expect(() =>
      ras(
        fromRows([
          [1, -1],
          [1, 1],
        ]),
        [1, 1],
        [1, 1],
      ),
    ).toThrow(expect.objectContaining({ code: "negative_flow" }));
    expect(() =>
      ras(
        fromRows([
          [1, 1],
          [1, 1],
        ]),
        [-1, 3],
        [1, 1],
      ),
    ).toThrow(expect.objectContaining({ code: "invalid_argument" }));
  });

  it("does not modify Z0", () => {
    const Z0 = fromRows(rasRef.Z0);
    const before = Float64Array.from(Z0.data);
    ras(Z0, rasRef.u, rasRef.v);
    expect(Z0.data).toEqual(before);
  });
});

describe("annualSeries with IO coefficient interpolation (interpolateLinkageInput)", () => {
  const t17: CoefficientLinkageInput = {
    A: technicalCoefficients(fromRows(MILLER_BLAIR.Z), MILLER_BLAIR.x).A,
    x: MILLER_BLAIR.x,
    finalDemandTotal: MILLER_BLAIR.f,
  };
  const t20: CoefficientLinkageInput = {
    A: fromRows([
      [0.2, 0.2],
      [0.25, 0.1],
    ]),
    x: [1200, 2100],
    finalDemandTotal: [400, 1800],
  };

  it("labels every row table | interpolated | extrapolated_hold and interpolates A, x and f", () => {
    const r = annualSeries(
      [
        { year: 2020, table: t20 },
        { year: 2017, table: t17 },
      ],
      [2016, 2017, 2018, 2020, 2022],
      (v, _year, source) => ({ F: linkages(v).influence, A: v.A, source }),
      { interpolate: interpolateLinkageInput },
    );
    expect(r.rows.map((row) => [row.year, row.source, row.tableYears])).toEqual([
      [2016, "extrapolated_hold", [2017]],
      [2017, "table", [2017]],
      [2018, "interpolated", [2017, 2020]],
      [2020, "table", [2020]],
      [2022, "extrapolated_hold", [2020]],
    ]);
    const row2018 = r.rows[2];
    expect(row2018?.weight).toBeCloseTo(1 / 3, 15);
    expectAllClose(
      row2018?.result.A.data ?? [],
      [0.15 + 0.05 / 3, 0.25 - 0.05 / 3, 0.2 + 0.05 / 3, 0.05 + 0.05 / 3],
      { atol: 1e-15 },
      "A2018",
    );
    expect(r.rows[1]?.result.source).toBe("table");
    expect(r.diagnostics.map((d) => d.code)).toEqual(["extrapolated_hold", "interpolated", "extrapolated_hold"]);
    const f2018 = interpolateLinkageInput(t17, t20, 1 / 3).finalDemandTotal as Float64Array;
    expectAllClose(f2018, [350 + 50 / 3, 1700 + 100 / 3], { rtol: 1e-15 }, "f2018");
  });

  it("throws when extrapolation is forbidden, interpolate is missing, or years repeat", () => {
    const tables = [
      { year: 2017, table: t17 },
      { year: 2020, table: t20 },
    ];
    expect(() => annualSeries(tables, [2021], (v) => v, { extrapolate: "error" })).toThrow(
      expect.objectContaining({ code: "invalid_argument" }),
    );
    expect(() => annualSeries(tables, [2018], (v) => v)).toThrow(
      expect.objectContaining({ code: "invalid_argument", params: expect.objectContaining({ option: "interpolate" }) }),
    );
    expect(() => annualSeries([...tables, { year: 2017, table: t17 }], [2017], (v) => v)).toThrow(
      expect.objectContaining({ code: "invalid_argument" }),
    );
    expect(() => annualSeries([], [2017], (v) => v)).toThrow(expect.objectContaining({ code: "too_few_observations" }));
    expect(() => interpolateLinkageInput(t17, t20, 1.5)).toThrow(expect.objectContaining({ code: "invalid_argument" }));
    expect(() => interpolateLinkageInput(t17, { A: fromRows(THREE_SECTOR.Z), x: THREE_SECTOR.x }, 0.5)).toThrow(
      expect.objectContaining({ code: "dimension_mismatch" }),
    );
  });
});
