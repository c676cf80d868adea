/**
 * Aggregation P·Z·Pᵀ, P·M, P·v (Miller & Blair 2009 §4.3): hand-checked examples, agreement with the
 * dense products, and invariants (identity P is a no-op; column-stochastic P preserves totals).
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { expectAllClose, expectClose } from "../../../test/helpers/close.js";
import { aggregateRows, aggregateSquare, aggregateVector, aggregationMatrix } from "./aggregation.js";
import { fromRows, identity, matrix, multiply, multiplyVector, transpose } from "./matrix.js";

const EPS = Number.EPSILON;

describe("aggregation kernels", () => {
  it("merges sectors 1 and 2 of a 3×3 table (hand-computed sums)", () => {
    const P = aggregationMatrix([0, 0, 1], 2);
    expect(Array.from(P.data)).toEqual([1, 1, 0, 0, 0, 1]);
    const Z = fromRows([
      [1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
    ]);
    // [[1+2+4+5, 3+6], [7+8, 9]] — integers, exact
    expect(Array.from(aggregateSquare(P, Z).data)).toEqual([12, 9, 15, 9]);
    expect(
      Array.from(
        aggregateRows(
          P,
          fromRows([
            [1, 2],
            [3, 4],
            [5, 6],
          ]),
        ).data,
      ),
    ).toEqual([4, 6, 5, 6]);
    expect(Array.from(aggregateVector(P, [1, 2, 3]))).toEqual([3, 3]);
  });

  it("applies a weighted concordance (source 1 split 0.25/0.75) like the dense product", () => {
    const P = fromRows([
      [1, 0.25, 0],
      [0, 0.75, 1],
    ]);
    const Z = fromRows([
      [10, 20, 30],
      [40, 50, 60],
      [70, 80, 90],
    ]);
    // dense P Z Pᵀ by matrix products; entries ≤ 450, a few roundings each: atol 16·ε·450
    expectAllClose(aggregateSquare(P, Z).data, multiply(multiply(P, Z), transpose(P)).data, { atol: 16 * EPS * 450 });
    expectAllClose(aggregateVector(P, [1, 2, 3]), multiplyVector(P, [1, 2, 3]), { atol: 8 * EPS * 6 });
  });

  it("sums compensated: 1 + 1e100 + 1 − 1e100 merged into one cell gives 2", () => {
    expect(Array.from(aggregateVector(aggregationMatrix([0, 0, 0, 0], 1), [1, 1e100, 1, -1e100]))).toEqual([2]);
  });

  it("throws codes for bad input", () => {
    const code = (c: string) => expect.objectContaining({ code: c });
    expect(() => aggregationMatrix([0, 2], 2)).toThrow(code("invalid_argument"));
    expect(() => aggregationMatrix([0, -1], 2)).toThrow(code("invalid_argument"));
    expect(() => aggregationMatrix([0], 1.5)).toThrow(code("invalid_argument"));
    const P = aggregationMatrix([0, 0], 1);
    expect(() => aggregateSquare(P, matrix(3, 3))).toThrow(code("dimension_mismatch"));
    expect(() => aggregateRows(P, matrix(3, 1))).toThrow(code("dimension_mismatch"));
    expect(() => aggregateVector(P, [1])).toThrow(code("dimension_mismatch"));
    expect(() => aggregateVector(fromRows([[1, Number.NaN]]), [1, 2])).toThrow(code("non_finite"));
  });
});

/** An n×n matrix (n = 1…8, entries in [0, 1e6]) and a random grouping into k ≤ n targets. */
const grouped = fc.integer({ min: 1, max: 8 }).chain((n) =>
  fc.record({
    z: fc.array(fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true }), {
      minLength: n * n,
      maxLength: n * n,
    }),
    groupOf: fc.array(fc.integer({ min: 0, max: n - 1 }), { minLength: n, maxLength: n }),
    weights: fc.array(fc.double({ min: 0.01, max: 1, noNaN: true, noDefaultInfinity: true }), {
      minLength: n,
      maxLength: n,
    }),
  }),
);

describe("aggregation properties", () => {
  test.prop([grouped])("the identity P is a no-op (bit for bit)", ({ z }) => {
    const n = Math.round(Math.sqrt(z.length));
    const Z = matrix(n, n, Float64Array.from(z));
    expect(aggregateSquare(identity(n), Z).data).toEqual(Z.data);
    expect(aggregateVector(identity(n), Z.data.subarray(0, n))).toEqual(Z.data.subarray(0, n));
  });

  test.prop([grouped])("a grouping equals the dense P·Z·Pᵀ and preserves the grand total", ({ z, groupOf }) => {
    const n = groupOf.length;
    const Z = matrix(n, n, Float64Array.from(z));
    const P = aggregationMatrix(groupOf, n);
    const agg = aggregateSquare(P, Z);
    let total = 0;
    for (const v of z) total += v;
    // the dense product sums n² nonnegative terms naively: error ≤ n²·ε·Σz; the compensated sums are better
    expectAllClose(agg.data, multiply(multiply(P, Z), transpose(P)).data, { atol: n * n * EPS * total }, "PZPᵀ");
    let aggTotal = 0;
    for (const v of agg.data) aggTotal += v;
    expectClose(aggTotal, total, { atol: 2 * n * n * EPS * total }, "total");
  });

  test.prop([grouped])("a weighted concordance with column sums 1 preserves totals", ({ z, groupOf, weights }) => {
    // split each source j between groupOf[j] (share w_j) and target 0 (share 1 − w_j)
    const n = groupOf.length;
    const P = matrix(n, n);
    for (let j = 0; j < n; j++) {
      const w = weights[j] as number;
      const a = groupOf[j] as number;
      P.data[a * n + j] = (P.data[a * n + j] as number) + w;
      P.data[j] = (P.data[j] as number) + (1 - w);
    }
    const v = Float64Array.from(z.slice(0, n));
    let total = 0;
    for (const x of v) total += x;
    let aggTotal = 0;
    for (const x of aggregateVector(P, v)) aggTotal += x;
    // each term splits with two roundings: |Σ P v − Σ v| ≤ 4·n·ε·Σ|v|
    expectClose(aggTotal, total, { atol: 4 * n * EPS * total + 1e-300 }, "Σ P v");
  });
});
