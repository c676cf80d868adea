/** Disparity statistics against spec §12.4 (x = [10, 20, 30, 40]); numpy cases in reference.test.ts. */
import { describe, expect, it } from "vitest";
import { expectClose } from "../../../test/helpers/close.js";
import { disparity } from "./disparity.js";

describe("disparity", () => {
  it("x = [10, 20, 30, 40] → CV 0.447214 (population), 0.516398 (sample), Theil 0.106440, Gini 0.25", () => {
    const r = disparity([10, 20, 30, 40]);
    expectClose(r.cvPopulation, 0.447214, { atol: 5e-7 });
    expectClose(r.cvSample, 0.516398, { atol: 5e-7 });
    expectClose(r.theil, 0.10644, { atol: 5e-7 });
    expectClose(r.gini, 0.25, { atol: 1e-15 });
  });

  it("equal values have no disparity; one holder of everything has Gini 1 − 1/m", () => {
    const eq = disparity([5, 5, 5]);
    expect([eq.cvPopulation, eq.theil, eq.gini]).toEqual([0, 0, 0]);
    expectClose(disparity([0, 0, 0, 8]).gini, 0.75, { atol: 1e-15 });
    expectClose(disparity([0, 0, 0, 8]).theil, Math.log(4), { atol: 1e-15 });
  });

  it("coded errors: negative value, zero mean, one entity", () => {
    expect(() => disparity([1, -1])).toThrow(
      expect.objectContaining({ params: expect.objectContaining({ reason: "negative_value" }) }),
    );
    expect(() => disparity([0, 0])).toThrow(
      expect.objectContaining({ params: expect.objectContaining({ reason: "non_positive_mean" }) }),
    );
    expect(() => disparity([1])).toThrow(expect.objectContaining({ code: "too_few_observations" }));
  });
});
