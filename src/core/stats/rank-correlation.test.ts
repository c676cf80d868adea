import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { expectAllClose, expectClose } from "../../../test/helpers/close.js";
import ref from "../../../test/reference/scipy-spearman/spearman.json" with { type: "json" };
import { averageRanks, spearmanCorrelation } from "./rank-correlation.js";

describe("averageRanks", () => {
  it("matches scipy rankdata(method='average') (test/reference/scipy-spearman)", () => {
    for (const c of ref.cases) {
      expectAllClose(averageRanks(c.x), c.ranks_x, { atol: 0 }, `${c.name} x`);
      expectAllClose(averageRanks(c.y), c.ranks_y, { atol: 0 }, `${c.name} y`);
    }
  });

  it("gives tied values the mean of their ranks", () => {
    expect([...averageRanks([10, 20, 20, 5])]).toEqual([2, 3.5, 3.5, 1]);
  });

  it("throws non_finite on NaN", () => {
    expect(() => averageRanks([1, Number.NaN])).toThrow(expect.objectContaining({ code: "non_finite" }));
  });
});

describe("spearmanCorrelation", () => {
  it("matches scipy spearmanr to 1e-12 on every reference case", () => {
    for (const c of ref.cases) expectClose(spearmanCorrelation(c.x, c.y), c.rho, { atol: 1e-12 }, c.name);
  });

  it("throws dimension_mismatch, too_few_observations and constant_series", () => {
    expect(() => spearmanCorrelation([1, 2], [1])).toThrow(expect.objectContaining({ code: "dimension_mismatch" }));
    expect(() => spearmanCorrelation([1], [1])).toThrow(expect.objectContaining({ code: "too_few_observations" }));
    expect(() => spearmanCorrelation([1, 1, 1], [1, 2, 3])).toThrow(
      expect.objectContaining({
        code: "invalid_argument",
        params: expect.objectContaining({ reason: "constant_series" }),
      }),
    );
  });

  test.prop([fc.array(fc.integer({ min: -10_000, max: 10_000 }), { minLength: 3, maxLength: 30 })], { seed: 7 })(
    "is 1 against itself and against a strictly increasing transform, −1 against its negation",
    (xs) => {
      fc.pre(new Set(xs).size > 1);
      expectClose(spearmanCorrelation(xs, xs), 1, { atol: 1e-12 });
      expectClose(
        spearmanCorrelation(
          xs,
          xs.map((v) => v * v * v + 3),
        ),
        1,
        { atol: 1e-12 },
      );
      expectClose(
        spearmanCorrelation(
          xs,
          xs.map((v) => -v),
        ),
        -1,
        { atol: 1e-12 },
      );
    },
  );
});
