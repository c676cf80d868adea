/**
 * Coupling coordination: closed forms. A published two-system table (MPE 2022, art. 2969206, Table 4)
 * is the known answer in coupling-published.test.ts; no paper with printed n ≥ 3 inputs and outputs
 * was found, so n = 3, 5 are checked against numpy in reference.test.ts.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { expectClose } from "../../../test/helpers/close.js";
import { fromRows, matrix } from "../linalg/matrix.js";
import { couplingCoordination } from "./coupling.js";

describe("couplingCoordination", () => {
  it("n = 2 equals the classic 2√(U₁U₂)/(U₁+U₂); D = √(C·T)", () => {
    const r = couplingCoordination(fromRows([[0.6, 0.4]]));
    expectClose(r.coupling[0] as number, (2 * Math.sqrt(0.24)) / 1, { atol: 1e-15 });
    expectClose(r.coordination[0] as number, 0.5, { atol: 1e-15 });
    expectClose(r.degree[0] as number, Math.sqrt((r.coupling[0] as number) * 0.5), { atol: 1e-15 });
  });

  it("equal subsystems couple perfectly (C = 1, D = √U); a zero subsystem gives C = 0", () => {
    const r = couplingCoordination(
      fromRows([
        [0.36, 0.36, 0.36],
        [0, 0.5, 0.5],
        [0, 0, 0],
      ]),
    );
    expectClose(r.coupling[0] as number, 1, { atol: 1e-15 });
    expectClose(r.degree[0] as number, 0.6, { atol: 1e-15 });
    expect(r.coupling[1]).toBe(0);
    expect(r.degree[2]).toBe(0);
    expect(r.diagnostics.map((d) => d.code)).toEqual(["coupling_undefined"]);
  });

  it("one subsystem, negative scores and bad α are coded errors", () => {
    expect(() => couplingCoordination(fromRows([[0.5]]))).toThrow(
      expect.objectContaining({ code: "too_few_observations" }),
    );
    expect(() => couplingCoordination(fromRows([[0.5, -0.1]]))).toThrow(
      expect.objectContaining({ params: expect.objectContaining({ reason: "negative_value" }) }),
    );
    expect(() => couplingCoordination(fromRows([[0.5, 0.1]]), { alpha: [0.6, 0.6] })).toThrow(
      expect.objectContaining({ params: expect.objectContaining({ reason: "weights_not_normalised" }) }),
    );
  });

  test.prop([fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 2, maxLength: 8 })], {
    seed: 5,
    numRuns: 300,
  })("0 ≤ C ≤ 1 and 0 ≤ D ≤ 1 for scores in [0, 1]", (u) => {
    const r = couplingCoordination(matrix(1, u.length, Float64Array.from(u)));
    for (const v of [r.coupling[0] as number, r.degree[0] as number]) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
  });
});
