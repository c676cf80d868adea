import { describe, expect, it } from "vitest";
import { neumaierDot, neumaierSum, neumaierSumStrided } from "./summation.js";

describe("neumaierSum", () => {
  it("recovers terms lost by naive summation (Neumaier 1974 example)", () => {
    // naive left-to-right: 1 + 1e100 = 1e100; + 1 = 1e100; − 1e100 = 0. The exact sum is 2.
    expect(neumaierSum([1, 1e100, 1, -1e100])).toBe(2);
  });

  it("is exact for 0.1 summed ten times to the nearest double of 1", () => {
    // each 0.1 is 0.1000000000000000055511151231257827; ten of them round to 1.0 exactly.
    expect(neumaierSum(new Array<number>(10).fill(0.1))).toBe(1);
  });

  it("returns 0 for an empty list and propagates NaN", () => {
    expect(neumaierSum([])).toBe(0);
    expect(neumaierSum([1, Number.NaN])).toBeNaN();
  });

  it("sums a strided column and a dot product", () => {
    const m = new Float64Array([1, 2, 3, 4, 5, 6]); // 3×2 row-major
    expect(neumaierSumStrided(m, 1, 2, 3)).toBe(12);
    expect(neumaierSumStrided(m, 0, 1, 0)).toBe(0);
    expect(neumaierDot([1, 2, 3], [4, 5, 6])).toBe(32);
    expect(neumaierDot([1e100, 1, -1e100], [1, 1, 1])).toBe(1);
  });
});
