/**
 * Standard errors from a covariance diagonal: a diagonal entry rounded below zero gives 0 and is listed
 * (never NaN). Exact arithmetic: √4 = 2, √0 = 0.
 */
import { describe, expect, it } from "vitest";
import { fromRows } from "../linalg/matrix.js";
import { ols } from "./ols.js";
import { standardErrors } from "./sandwich.js";

describe("standardErrors", () => {
  it("√ of the diagonal; a negative entry (rounding) → 0 and its index listed", () => {
    const r = standardErrors(Float64Array.of(4, 0.5, 0.5, -1e-34), 2);
    expect(Array.from(r.stdErrors)).toEqual([2, 0]);
    expect(r.clipped).toEqual([1]);
  });

  it("an exact fit under HC1: finite standard errors, never NaN", () => {
    const x = [1, 2, 3, 4, 5, 6, 7, 8];
    const fit = ols(
      Float64Array.from(x, (v) => 0.1 + 0.3 * v),
      fromRows(x.map((v) => [v])),
      { se: "hc1" },
    );
    for (const c of fit.coefficients) expect(Number.isNaN(c.stdError)).toBe(false);
  });
});
