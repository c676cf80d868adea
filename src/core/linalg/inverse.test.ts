import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { expectAllClose } from "../../../test/helpers/close.js";
import ref from "../../../test/reference/numpy-linalg/linalg.json" with { type: "json" };
import { CoreError } from "../errors.js";
import { type LinalgBackend, typescriptBackend } from "./backend.js";
import { conditionEstimate1 } from "./condition.js";
import { inverse } from "./inverse.js";
import { luDecompose } from "./lu.js";
import { fromRows, identity, type Matrix, matrix, multiply } from "./matrix.js";

const EPS = Number.EPSILON;

function caseByName(name: string) {
  const c = ref.cases.find((x) => x.name === name);
  if (c === undefined) throw new Error(`reference case ${name} missing`);
  return c;
}

function flat(rows: number[][]): Float64Array {
  return Float64Array.from(rows.flat());
}

function maxAbs(d: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < d.length; i++) s = Math.max(s, Math.abs(d[i] as number));
  return s;
}

function residualFromIdentity(p: Matrix): number {
  let s = 0;
  for (let i = 0; i < p.rows; i++) {
    for (let j = 0; j < p.cols; j++) s = Math.max(s, Math.abs((p.data[i * p.cols + j] as number) - (i === j ? 1 : 0)));
  }
  return s;
}

/** Deterministic uniform [0, 1) generator (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** det(M) from the LU factors: (−1)^swaps · Π u_kk. */
function determinant(m: Matrix): number {
  const f = luDecompose(m);
  const n = m.rows;
  let det = 1;
  for (let k = 0; k < n; k++) det *= f.lu.data[k * n + k] as number;
  // parity of the permutation given as a pivot vector
  const seen = new Uint8Array(n);
  let sign = 1;
  for (let i = 0; i < n; i++) {
    if (seen[i]) continue;
    let len = 0;
    for (let j = i; !seen[j]; j = f.pivots[j] as number) {
      seen[j] = 1;
      len++;
    }
    if (len % 2 === 0) sign = -sign;
  }
  return sign * det;
}

describe("inverse", () => {
  it("inverts Miller & Blair (2009) I − A (Table 2.3) to the printed Leontief inverse (Table 2.4)", () => {
    const m = fromRows([
      [0.85, -0.25],
      [-0.2, 0.95],
    ]);
    const inv = inverse(m);
    // Miller & Blair print L = [[1.2541, 0.3300], [0.2640, 1.1221]] (4 decimals) → atol 5e-5
    expectAllClose(inv.data, [1.2541, 0.33, 0.264, 1.1221], { atol: 5e-5 }, "L printed");
    // exact values 1/0.7575·[[0.95, 0.25], [0.2, 0.85]]; κ₁ = 1.82, backward stable: rtol 10·κ·ε ≈ 4e-15
    expectAllClose(inv.data, flat(caseByName("miller_blair_i_minus_a").inverse), { rtol: 1e-14 }, "L numpy");
    expectAllClose(inv.data, [0.95 / 0.7575, 0.25 / 0.7575, 0.2 / 0.7575, 0.85 / 0.7575], { rtol: 1e-14 }, "L exact");
    // det(I − A) = 0.85·0.95 − 0.25·0.2 = 0.7575 (exact in decimal; rounding of the inputs only)
    expect(Math.abs(determinant(m) - 0.7575)).toBeLessThanOrEqual(4 * EPS);
  });

  it("inverts Hilbert matrices to the accuracy their condition allows (numpy reference)", () => {
    for (const name of ["hilbert_4", "hilbert_6", "hilbert_8"]) {
      const c = caseByName(name);
      const m = fromRows(c.matrix);
      const inv = inverse(m);
      const expected = flat(c.inverse);
      // forward error of a backward-stable inverse: ‖ΔX‖ ≲ c·n·ε·κ₁·‖X‖ (Higham 2002, §14.3); both
      // numpy and we incur it, so the gap is bounded by twice that with c = 2
      const bound = 4 * c.matrix.length * EPS * c.cond1 * maxAbs(expected);
      let diff = 0;
      for (let i = 0; i < expected.length; i++)
        diff = Math.max(diff, Math.abs((inv.data[i] as number) - (expected[i] as number)));
      expect(diff, name).toBeLessThanOrEqual(bound);
      expect(determinant(m) / c.det, name).toBeCloseTo(1, 6);
    }
  });

  it("inverts the seeded 12×12 Leontief system like numpy (rtol 1e-13: κ₁(I − A) < 10)", () => {
    const s = ref.spectral[0];
    if (s?.leontief_inverse === undefined) throw new Error("reference missing");
    const a = fromRows(s.matrix);
    const n = a.rows;
    const m = identity(n);
    for (let k = 0; k < n * n; k++) m.data[k] = (m.data[k] as number) - (a.data[k] as number);
    expectAllClose(inverse(m).data, flat(s.leontief_inverse), { rtol: 1e-13, atol: 1e-15 }, "L");
  });

  it("has residual ‖A·A⁻¹ − I‖∞ ≤ c·n·ε·κ₁ on a random productive system (n = 300, blocked path)", () => {
    const n = 300;
    const r = rng(5);
    const a = matrix(n, n);
    for (let k = 0; k < n * n; k++) a.data[k] = -r() / n; // column sums of A ≈ 0.5
    for (let i = 0; i < n; i++) a.data[i * n + i] = 1 + (a.data[i * n + i] as number);
    const inv = inverse(a);
    const kappa = conditionEstimate1(a, luDecompose(a));
    // Higham (2002) §14.1: ‖AX − I‖ ≤ c·n·ε·κ for a backward-stable inverse; c = 2
    expect(residualFromIdentity(multiply(a, inv))).toBeLessThanOrEqual(2 * n * EPS * kappa);
  });

  it("throws singular_matrix, not_square and non_finite", () => {
    expect(() =>
      inverse(
        fromRows([
          [1, 2],
          [2, 4],
        ]),
      ),
    ).toThrow(expect.objectContaining({ code: "singular_matrix" }));
    expect(() => inverse(matrix(2, 3))).toThrow(expect.objectContaining({ code: "not_square" }));
    expect(() =>
      inverse(
        fromRows([
          [1, Number.POSITIVE_INFINITY],
          [0, 1],
        ]),
      ),
    ).toThrow(expect.objectContaining({ code: "non_finite" }));
  });

  it("uses an injected backend and checks the shape it returns", () => {
    const calls: string[] = [];
    const spy: LinalgBackend = {
      name: "spy",
      inverse(m) {
        calls.push("inverse");
        return typescriptBackend.inverse(m);
      },
      solve(a, b) {
        return typescriptBackend.solve(a, b);
      },
    };
    const m = fromRows([
      [2, 1],
      [1, 1],
    ]);
    expectAllClose(inverse(m, { backend: spy }).data, [1, -1, -1, 2], { atol: 1e-15 }, "inverse");
    expect(calls).toEqual(["inverse"]);
    const broken: LinalgBackend = { name: "broken", inverse: () => matrix(1, 1), solve: (a) => a };
    expect(() => inverse(m, { backend: broken })).toThrow(expect.objectContaining({ code: "dimension_mismatch" }));
    expect(() => inverse(m, { backend: broken })).toThrow(CoreError);
  });
});

/** A strictly diagonally dominant n×n matrix from entries in [−1, 1] (always non-singular, κ small). */
const diagonallyDominant = fc.integer({ min: 1, max: 24 }).chain((n) =>
  fc
    .array(fc.double({ min: -1, max: 1, noNaN: true, noDefaultInfinity: true }), { minLength: n * n, maxLength: n * n })
    .map((values) => {
      const m = matrix(n, n, Float64Array.from(values));
      for (let i = 0; i < n; i++) {
        let off = 0;
        for (let j = 0; j < n; j++) if (j !== i) off += Math.abs(m.data[i * n + j] as number);
        m.data[i * n + i] = (m.data[i * n + i] as number) >= 0 ? off + 1 : -(off + 1);
      }
      return m;
    }),
);

describe("inverse and solve properties (fast-check)", () => {
  test.prop([diagonallyDominant], { numRuns: 60 })("A·inverse(A) ≈ I for diagonally dominant A", (a) => {
    const n = a.rows;
    // row dominance by margin 1 gives ‖A⁻¹‖∞ ≤ 1 (Varah 1975) and ‖A‖∞ ≤ 2n: κ∞ ≤ 2n; c·n·ε·κ with c = 4
    expect(residualFromIdentity(multiply(a, inverse(a)))).toBeLessThanOrEqual(4 * n * EPS * 2 * n);
  });

  test.prop([diagonallyDominant, fc.integer({ min: 1, max: 12 }), fc.integer()], { numRuns: 60 })(
    "solve then multiply returns b",
    (a, k, seed) => {
      const n = a.rows;
      const r = rng(seed);
      const b = matrix(n, k);
      for (let i = 0; i < b.data.length; i++) b.data[i] = 2 * r() - 1;
      const x = typescriptBackend.solve(a, b);
      // ‖AX − B‖ ≤ c·n·ε·‖A‖‖X‖ with ‖A‖∞ ≤ 2n, ‖X‖ ≤ ‖A⁻¹‖‖B‖ ≤ 1·n: c = 4
      expectAllClose(multiply(a, x).data, b.data, { atol: 4 * n * EPS * 2 * n * n }, "AX");
    },
  );
});
