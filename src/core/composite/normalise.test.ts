/** Normalisation methods (spec §12.3 step 2, §2.3 step 3). */
import { describe, expect, it } from "vitest";
import { expectAllClose } from "../../../test/helpers/close.js";
import { fromRows, toRows } from "../linalg/matrix.js";
import { normalise } from "./normalise.js";

const reason = (r: string) => expect.objectContaining({ params: expect.objectContaining({ reason: r }) });

describe("normalise", () => {
  const X = fromRows([
    [80, 10],
    [82, 40],
    [78, 90],
  ]);

  it("minmax with directions (+, −)", () => {
    expect(toRows(normalise(X, { method: "minmax", directions: [1, -1] }).values)).toEqual([
      [0.5, 1],
      [1, 0.625],
      [0, 0],
    ]);
  });

  it("minmax with shift adds to non-constant indicators only; a constant indicator is 0 and flagged", () => {
    const r = normalise(
      fromRows([
        [1, 5],
        [3, 5],
      ]),
      { method: "minmax", shift: 0.01 },
    );
    expect(toRows(r.values)).toEqual([
      [0.01, 0],
      [1.01, 0],
    ]);
    expect([...r.constant]).toEqual([0, 1]);
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ code: "constant_indicator", params: { indicator: 1, value: 5 } }),
    ]);
  });

  it("per-year goalposts (groups) versus pooled panel goalposts (panel_minmax)", () => {
    const P = fromRows([[0], [10], [10], [30]]);
    const years = [2020, 2020, 2021, 2021];
    expect(Array.from(normalise(P, { method: "minmax", groups: years }).values.data)).toEqual([0, 1, 0, 1]);
    expectAllClose(normalise(P, { method: "panel_minmax", groups: years }).values.data, [0, 1 / 3, 1 / 3, 1], {
      atol: 1e-15,
    });
  });

  it("zscore (sample sd by default, population on request), sign flipped for −", () => {
    const z = normalise(fromRows([[1], [2], [3]]), { method: "zscore", directions: [-1] }).values.data;
    expectAllClose(z, [1, 0, -1], { atol: 1e-15 });
    const zp = normalise(fromRows([[1], [2], [3]]), { method: "zscore", sd: "population" }).values.data;
    expectAllClose(zp, [-Math.sqrt(1.5), 0, Math.sqrt(1.5)], { atol: 1e-15 });
  });

  it("benchmark ratio with cap 1.5 (spec §12.3): min(cap, x/b)/cap", () => {
    const r = normalise(fromRows([[15.1], [30.2], [60.4]]), { method: "benchmark", benchmark: [30.2] }).values.data;
    expectAllClose(r, [1 / 3, 2 / 3, 1], { atol: 1e-15 });
    expect(() => normalise(fromRows([[1]]), { method: "benchmark", benchmark: [0] })).toThrow(
      reason("non_positive_base"),
    );
  });

  it("efficacy 60 + 40·r (功效系数法)", () => {
    expect(Array.from(normalise(fromRows([[0], [5], [10]]), { method: "efficacy" }).values.data)).toEqual([
      60, 80, 100,
    ]);
  });

  it("base_year and mean indices per series", () => {
    const S = fromRows([[50], [60], [72], [10], [20], [40]]);
    const years = [2015, 2016, 2017, 2015, 2016, 2017];
    const series = [0, 0, 0, 1, 1, 1];
    expectAllClose(
      normalise(S, { method: "base_year", years, series, baseYear: 2016 }).values.data,
      [250 / 3, 100, 120, 50, 100, 200],
      { atol: 1e-12 },
    );
    const mean = normalise(S, { method: "mean", years, series }).values.data;
    expectAllClose(
      [
        (mean[0] as number) + (mean[1] as number) + (mean[2] as number),
        (mean[3] as number) + (mean[4] as number) + (mean[5] as number),
      ],
      [300, 300],
      { atol: 1e-12 },
    );
    expect(() => normalise(S, { method: "base_year", years, series, baseYear: 2030 })).toThrow(
      reason("year_not_found"),
    );
    expect(() => normalise(S, { method: "base_year", years, series, baseYear: 2016, directions: [-1] })).toThrow(
      reason("invalid_direction"),
    );
  });

  it("NaN and bad directions are coded errors (no silent imputation)", () => {
    expect(() => normalise(fromRows([[1], [Number.NaN]]), { method: "minmax" })).toThrow(
      expect.objectContaining({ code: "non_finite", params: expect.objectContaining({ row: 1, col: 0 }) }),
    );
    expect(() => normalise(X, { method: "minmax", directions: [1, 0] })).toThrow(reason("invalid_direction"));
  });
});
