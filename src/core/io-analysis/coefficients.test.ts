import { describe, expect, it } from "vitest";
import { expectAllClose } from "../../../test/helpers/close.js";
import { MILLER_BLAIR } from "../../../test/reference/textbook/fixtures.js";
import { loadKnownAnswers } from "../../../test/reference/textbook/load.js";
import { fromRows, toRows } from "../linalg/matrix.js";
import { allocationCoefficients, technicalCoefficients } from "./coefficients.js";

const mb = loadKnownAnswers().miller_blair_2009_table_2_3 as { Z: number[][]; x: number[]; A: number[][] };

describe("technicalCoefficients", () => {
  it("matches Miller & Blair (2009) Table 2.3 A (known-answers miller_blair_2009_table_2_3) to 1e-15", () => {
    // A is printed exactly (0.15, 0.25, 0.2, 0.05); one division each → within 1 ulp.
    const { A, zeroOutputSectors, diagnostics } = technicalCoefficients(fromRows(mb.Z), mb.x);
    expectAllClose(A.data, mb.A.flat(), { rtol: 1e-15 }, "A");
    expect(zeroOutputSectors).toEqual([]);
    expect(diagnostics).toEqual([]);
  });

  it("throws zero_output by default and zeroes the column with zero_column", () => {
    const Z = fromRows([
      [1, 0, 2],
      [3, 0, 4],
      [0, 0, 0],
    ]);
    const x = [10, 0, 20];
    expect(() => technicalCoefficients(Z, x)).toThrow(expect.objectContaining({ code: "zero_output" }));
    const r = technicalCoefficients(Z, x, { zeroOutput: "zero_column" });
    expect(toRows(r.A)).toEqual([
      [0.1, 0, 0.1],
      [0.3, 0, 0.2],
      [0, 0, 0],
    ]);
    expect(r.zeroOutputSectors).toEqual([1]);
    expect(r.diagnostics).toEqual([
      { code: "zero_output_sectors", severity: "warning", params: { sectors: [1], policy: "zero_column" } },
    ]);
  });

  it("rejects negative flows, negative output, NaN, wrong shapes and unknown policies", () => {
    expect(() =>
      technicalCoefficients(
        fromRows([
          [1, -1],
          [0, 1],
        ]),
        [1, 1],
      ),
    ).toThrow(expect.objectContaining({ code: "negative_flow", params: expect.objectContaining({ row: 0, col: 1 }) }));
    expect(() =>
      technicalCoefficients(
        fromRows([
          [1, 1],
          [0, 1],
        ]),
        [1, -1],
      ),
    ).toThrow(expect.objectContaining({ code: "invalid_argument" }));
    expect(() =>
      technicalCoefficients(
        fromRows([
          [1, Number.NaN],
          [0, 1],
        ]),
        [1, 1],
      ),
    ).toThrow(expect.objectContaining({ code: "non_finite" }));
    expect(() => technicalCoefficients(fromRows([[1, 1]]), [1, 1])).toThrow(
      expect.objectContaining({ code: "not_square" }),
    );
    expect(() =>
      technicalCoefficients(
        fromRows([
          [1, 1],
          [1, 1],
        ]),
        [1],
      ),
    ).toThrow(expect.objectContaining({ code: "dimension_mismatch" }));
    expect(() =>
      technicalCoefficients(
        fromRows([
          [1, 1],
          [1, 1],
        ]),
        [1, 1],
        { zeroOutput: "skip" as unknown as "error" },
      ),
    ).toThrow(expect.objectContaining({ code: "invalid_argument" }));
  });

  it("does not modify its inputs (purity guard)", () => {
    const Z = fromRows(MILLER_BLAIR.Z);
    const x = Object.freeze([...MILLER_BLAIR.x]);
    const before = Float64Array.from(Z.data);
    technicalCoefficients(Z, x);
    expect(Z.data).toEqual(before);
  });
});

describe("allocationCoefficients", () => {
  it("gives Miller & Blair H = [[0.15, 0.5], [0.1, 0.05]] (spec §5.9) to 1e-15", () => {
    const { H } = allocationCoefficients(fromRows(MILLER_BLAIR.Z), MILLER_BLAIR.x);
    expectAllClose(H.data, [0.15, 0.5, 0.1, 0.05], { rtol: 1e-15 }, "H");
  });

  it("matches pymrio's small MRIO output coefficients B (known-answers pymrio_small_mrio_2regions_3sectors) to 1e-8", () => {
    // pymrio prints B to 8 decimals → atol 5e-9 would be half a unit; 1e-8 absolute is the printed digit.
    const k = loadKnownAnswers().pymrio_small_mrio_2regions_3sectors as {
      Z: { data: number[][] };
      x: { data: number[][] };
      B: { data: number[][] };
    };
    const { H } = allocationCoefficients(
      fromRows(k.Z.data),
      k.x.data.map((r) => r[0] as number),
    );
    expectAllClose(H.data, k.B.data.flat(), { atol: 1e-8 }, "H");
  });

  it("zeroes the row of a zero-output sector under zero_column", () => {
    const r = allocationCoefficients(
      fromRows([
        [1, 2],
        [0, 0],
      ]),
      [10, 0],
      { zeroOutput: "zero_column" },
    );
    expect(toRows(r.H)).toEqual([
      [0.1, 0.2],
      [0, 0],
    ]);
    expect(r.zeroOutputSectors).toEqual([1]);
  });
});
