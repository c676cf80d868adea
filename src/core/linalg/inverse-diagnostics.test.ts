/**
 * Inverse diagnostics: κ₁ and residual against numpy (test/reference/numpy-linalg/linalg.json:
 * np.linalg.cond(M, 1) for Miller & Blair I − A and Hilbert matrices) and the diagnostic rules.
 */
import { describe, expect, it } from "vitest";
import { expectClose } from "../../../test/helpers/close.js";
import ref from "../../../test/reference/numpy-linalg/linalg.json" with { type: "json" };
import { inverseWithDiagnostics } from "./inverse.js";
import { conditionDiagnostics, inverseDiagnostics, residualDiagnostic } from "./inverse-diagnostics.js";
import { fromRows } from "./matrix.js";

const EPS = Number.EPSILON;

describe("inverseDiagnostics", () => {
  for (const c of ref.cases) {
    it(`${c.name}: κ₁ matches numpy cond(M, 1) to 10·n·ε·κ₁ and the residual is within c·n·ε·κ₁`, () => {
      const M = fromRows(c.matrix);
      const n = M.rows;
      const r = inverseWithDiagnostics(M);
      // κ₁ from the computed inverse: relative error of ‖X‖₁ is O(n·ε·κ₁) (Higham 2002, §14.1)
      expectClose(r.conditionEstimate, c.cond1, { rtol: 10 * n * EPS * c.cond1 }, "κ₁");
      // residual of LU inversion ≤ c·n·ε·κ (Higham 2002, eq. 14.19); c = 10
      expect(r.residual).toBeLessThanOrEqual(10 * n * EPS * c.cond1);
      expect(r.diagnostics.map((d) => d.code)).toEqual(
        c.cond1 > 1e8
          ? ["condition_estimate", "ill_conditioned", "inverse_residual"]
          : ["condition_estimate", "inverse_residual"],
      );
    });
  }

  it("is exact for a diagonal matrix and flags a wrong inverse", () => {
    const M = fromRows([
      [2, 0],
      [0, 4],
    ]);
    const ok = inverseDiagnostics(
      M,
      fromRows([
        [0.5, 0],
        [0, 0.25],
      ]),
    );
    expect(ok.conditionEstimate).toBe(2);
    expect(ok.residual).toBe(0);
    const bad = inverseDiagnostics(
      M,
      fromRows([
        [0.5, 0],
        [0, 0.3],
      ]),
    );
    expectClose(bad.residual, 0.2, { atol: 4 * EPS });
    expect(bad.diagnostics.find((d) => d.code === "inverse_residual")?.severity).toBe("warning");
  });

  it("emits ill_conditioned above the threshold (also for NaN) and tags solve residuals", () => {
    expect(conditionDiagnostics(1e9, "hager_higham").map((d) => d.code)).toEqual([
      "condition_estimate",
      "ill_conditioned",
    ]);
    expect(conditionDiagnostics(Number.NaN, "hager_higham").map((d) => d.code)).toContain("ill_conditioned");
    expect(residualDiagnostic(1e-16, "solve").params).toEqual({ value: 1e-16, threshold: 1e-9, method: "solve" });
    expect(residualDiagnostic(1e-3).severity).toBe("warning");
  });

  it("throws codes for bad shapes", () => {
    expect(() => inverseDiagnostics(fromRows([[1, 2]]), fromRows([[1]]))).toThrow(
      expect.objectContaining({ code: "not_square" }),
    );
    expect(() => inverseDiagnostics(fromRows([[1]]), fromRows([[1, 2]]))).toThrow(
      expect.objectContaining({ code: "dimension_mismatch" }),
    );
  });
});
