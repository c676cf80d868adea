/** Competition ranks and rank changes. */
import { describe, expect, it } from "vitest";
import { competitionRanks, rankChanges } from "./rank.js";

describe("competitionRanks", () => {
  it('"1224" ranking, descending by default (scipy rankdata(-x, method="min"))', () => {
    expect([...competitionRanks([9, 7, 7, 5])]).toEqual([1, 2, 2, 4]);
    expect([...competitionRanks([5, 7, 9, 7, 7])]).toEqual([5, 2, 1, 2, 2]);
    expect([...competitionRanks([9, 7, 7, 5], { descending: false })]).toEqual([4, 2, 2, 1]);
  });

  it("refuses NaN", () => {
    expect(() => competitionRanks([1, Number.NaN])).toThrow(expect.objectContaining({ code: "non_finite" }));
  });
});

describe("rankChanges", () => {
  it("before − after: moving up is positive", () => {
    expect([...rankChanges([1, 2, 3], [2, 1, 3])]).toEqual([-1, 1, 0]);
    expect(() => rankChanges([1, 2], [1])).toThrow(expect.objectContaining({ code: "dimension_mismatch" }));
  });
});
