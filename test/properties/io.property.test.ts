/**
 * Property tests for src/core/io-analysis (STYLE §2.8 item 3, pymrio's calc_x / calc_x_from_L pair).
 * Generator: productive A with n = 2…8 and every column sum ≤ 0.9, so ρ(A) ≤ 0.9, ‖L‖₁ ≤ 10 and
 * κ₁(I − A) ≤ 1.9·10 = 19. Identity tolerances are c·n·ε·κ with c = 50 (≈ 1.7e-12 at n = 8), far
 * below any error a wrong formula would make. Replay a failure with `{ seed }` from the report.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { technicalCoefficients } from "../../src/core/io-analysis/coefficients.js";
import { groupLinkages } from "../../src/core/io-analysis/group.js";
import type { IoTable } from "../../src/core/io-analysis/io-table.js";
import { leontiefInverse } from "../../src/core/io-analysis/leontief.js";
import { linkages } from "../../src/core/io-analysis/linkages.js";
import { type Matrix, matrix, multiply, multiplyVector } from "../../src/core/linalg/matrix.js";
import { expectAllClose, expectClose } from "../helpers/close.js";

const EPS = 2 ** -52;

interface Case {
  n: number;
  A: Matrix;
  x: Float64Array;
  perm: number[];
  group: number[];
}

/** Productive A: raw nonnegative entries (≈ 30 % zeros), each column rescaled to a sum in [0, 0.9]. */
const productiveCase: fc.Arbitrary<Case> = fc.integer({ min: 2, max: 8 }).chain((n) =>
  fc
    .record({
      raw: fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true, noDefaultInfinity: true })), {
        minLength: n * n,
        maxLength: n * n,
      }),
      colSums: fc.array(fc.double({ min: 0, max: 0.9, noNaN: true, noDefaultInfinity: true }), {
        minLength: n,
        maxLength: n,
      }),
      x: fc.array(fc.double({ min: 1, max: 1e4, noNaN: true, noDefaultInfinity: true }), {
        minLength: n,
        maxLength: n,
      }),
      perm: fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }),
      group: fc.shuffledSubarray([...Array(n).keys()], { minLength: 1, maxLength: n - 1 }),
    })
    .map(({ raw, colSums, x, perm, group }) => {
      const a = new Float64Array(n * n);
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let i = 0; i < n; i++) s += raw[i * n + j] as number;
        for (let i = 0; i < n; i++)
          a[i * n + j] = s > 0 ? ((raw[i * n + j] as number) / s) * (colSums[j] as number) * (1 - 1e-12) : 0;
      }
      return { n, A: matrix(n, n, a), x: Float64Array.from(x), perm, group };
    }),
);

/** IoTable with Z = A·diag(x) and one final-demand column y = x − Z1 (so the table balances). */
function tableOf(c: Case): IoTable {
  const { n, A, x } = c;
  const z = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) z[i * n + j] = (A.data[i * n + j] as number) * (x[j] as number);
  const Z = matrix(n, n, z);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += z[i * n + j] as number;
    y[i] = (x[i] as number) - s;
  }
  return {
    sectors: Array.from({ length: n }, (_, i) => ({ code: `s${i}` })),
    Z,
    finalDemand: matrix(n, 1, y),
    finalDemandCodes: ["y"],
    output: x,
  };
}

const tol = (n: number, kappa: number): number => 50 * n * EPS * kappa;

describe("io-analysis properties", () => {
  test.prop([productiveCase])("L·(I − A) ≈ I", ({ n, A }) => {
    const r = leontiefInverse(A);
    const IA = matrix(
      n,
      n,
      A.data.map((v) => -v),
    );
    for (let i = 0; i < n; i++) IA.data[i * n + i] = 1 + (IA.data[i * n + i] as number);
    const P = multiply(r.L, IA);
    const I = new Float64Array(n * n);
    for (let i = 0; i < n; i++) I[i * n + i] = 1;
    expectAllClose(P.data, I, { atol: tol(n, r.conditionEstimate) }, "L(I − A)");
  });

  test.prop([productiveCase])("L ≥ I elementwise for A ≥ 0", ({ n, A }) => {
    const { L } = leontiefInverse(A);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++)
        expect((L.data[i * n + j] as number) - (i === j ? 1 : 0)).toBeGreaterThanOrEqual(-1e-13);
    }
  });

  test.prop([productiveCase])("x = L·y when x = Z1 + y", (c) => {
    const t = tableOf(c);
    const { A } = technicalCoefficients(t.Z, t.output);
    const r = leontiefInverse(A);
    const xHat = multiplyVector(r.L, t.finalDemand.data);
    const scale = Math.max(...t.output);
    expectAllClose(xHat, t.output, { atol: tol(c.n, r.conditionEstimate) * scale * 10 }, "L·y");
  });

  test.prop([productiveCase])("relabelling (permuting) sectors permutes F and E", ({ n, A, perm }) => {
    // A'_{π(i)π(j)} = A_ij  ⇒  F'_{π(j)} = F_j, E'_{π(i)} = E_i
    const Ap = matrix(n, n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) Ap.data[(perm[i] as number) * n + (perm[j] as number)] = A.data[i * n + j] as number;
    const x = new Float64Array(n).fill(1);
    const base = linkages({ A, x });
    const moved = linkages({ A: Ap, x });
    const F = perm.map((p) => moved.influence[p] as number);
    const E = perm.map((p) => moved.sensitivity[p] as number);
    expectAllClose(F, base.influence, { rtol: 1e-12 }, "F");
    expectAllClose(E, base.sensitivity, { rtol: 1e-12 }, "E");
  });

  test.prop([productiveCase])("leontief F and E each average 1; solve and inverse agree", ({ n, A, x }) => {
    const s = linkages({ A, x });
    const i = linkages({ A, x }, { method: "inverse" });
    expectClose(s.influence.reduce((a, b) => a + b, 0) / n, 1, { atol: 1e-14 }, "mean F");
    expectClose(s.sensitivity.reduce((a, b) => a + b, 0) / n, 1, { atol: 1e-14 }, "mean E");
    expectAllClose(i.influence, s.influence, { rtol: 1e-12 }, "F inverse vs solve");
    expectAllClose(i.sensitivity, s.sensitivity, { rtol: 1e-12 }, "E inverse vs solve");
  });

  test.prop([productiveCase])("two_block F_G + F_rest = 2 and E_G + E_rest = 2", (c) => {
    const t = tableOf(c);
    const r = groupLinkages(
      t,
      c.group.map((i) => `s${i}`),
    );
    expectClose(r.influence + (r.rest?.influence as number), 2, { atol: 1e-14 }, "ΣF");
    expectClose(r.sensitivity + (r.rest?.sensitivity as number), 2, { atol: 1e-14 }, "ΣE");
  });

  test.prop([productiveCase])("weighted F satisfies Σ_k F^w_k α_k = 1 for every α", (c) => {
    const t = tableOf(c);
    for (const alpha of ["output", "equal"] as const) {
      const r = linkages(t, { variant: "weighted", alpha });
      const w = r.alphaWeights as Float64Array;
      expectClose(
        r.influence.reduce((s, v, k) => s + v * (w[k] as number), 0),
        1,
        { atol: 1e-14 },
        `Σ F^w α (${alpha})`,
      );
    }
  });
});
