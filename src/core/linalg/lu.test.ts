import { describe, expect, it } from "vitest";
import { expectAllClose } from "../../../test/helpers/close.js";
import { gemmSubtract } from "./gemm.js";
import {
  LU_BLOCK_SIZE,
  type LuResult,
  luDecompose,
  luDecomposeReference,
  luInverse,
  luSolve,
  luSolveTransposed,
} from "./lu.js";
import { fromRows, identity, type Matrix, matrix, multiply, multiplyVector, transpose } from "./matrix.js";

const EPS = Number.EPSILON;

/** Deterministic uniform [0, 1) generator (mulberry32) so tests need no Math.random. */
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

function randomMatrix(rows: number, cols: number, seed: number): Matrix {
  const r = rng(seed);
  const m = matrix(rows, cols);
  for (let k = 0; k < m.data.length; k++) m.data[k] = r() - 0.5;
  return m;
}

function maxAbs(d: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < d.length; i++) s = Math.max(s, Math.abs(d[i] as number));
  return s;
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s = Math.max(s, Math.abs((a[i] as number) - (b[i] as number)));
  return s;
}

/** P·A from the pivot vector (row i of PA is row pivots[i] of A). */
function permuteRows(a: Matrix, f: LuResult): Matrix {
  const n = a.rows;
  const out = matrix(n, a.cols);
  for (let i = 0; i < n; i++) {
    const src = (f.pivots[i] as number) * a.cols;
    out.data.set(a.data.subarray(src, src + a.cols), i * a.cols);
  }
  return out;
}

/** L·U rebuilt from the compact factors. */
function rebuild(f: LuResult): Matrix {
  const n = f.lu.rows;
  const l = identity(n);
  const u = matrix(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const v = f.lu.data[i * n + j] as number;
      if (j < i) l.data[i * n + j] = v;
      else u.data[i * n + j] = v;
    }
  }
  return multiply(l, u);
}

describe("gemmSubtract", () => {
  it("matches the naive triple loop on odd, strided sub-blocks to rounding", () => {
    // sizes straddle the 4×4 tile and the 96/256/512 packing blocks
    for (const [m, n, k] of [
      [1, 1, 1],
      [3, 5, 2],
      [7, 9, 13],
      [97, 101, 259],
      [130, 517, 5],
    ] as const) {
      const lda = k + 3;
      const ldb = n + 2;
      const ldc = n + 1;
      const a = randomMatrix(m + 1, lda, 1).data;
      const b = randomMatrix(k + 1, ldb, 2).data;
      const c = randomMatrix(m + 2, ldc, 3).data;
      const expected = Float64Array.from(c);
      for (let i = 0; i < m; i++) {
        for (let j = 0; j < n; j++) {
          let s = 0;
          for (let p = 0; p < k; p++) s += (a[lda + i * lda + p] as number) * (b[ldb + 1 + p * ldb + j] as number);
          const idx = 2 * ldc + 1 + i * ldc + j;
          expected[idx] = (expected[idx] as number) - s;
        }
      }
      gemmSubtract(
        m,
        n,
        k,
        { data: a, offset: lda, ld: lda },
        { data: b, offset: ldb + 1, ld: ldb },
        {
          data: c,
          offset: 2 * ldc + 1,
          ld: ldc,
        },
      );
      // entries are sums of k products of numbers in [−0.5, 0.5]: |error| ≤ k·ε·(k/4 + 1) (Higham 2002, §3.1)
      expect(maxAbsDiff(c, expected)).toBeLessThanOrEqual(k * EPS * (k / 4 + 1));
    }
  });
});

describe("luDecompose (blocked)", () => {
  it("equals the unblocked reference to rounding, with the same pivots, across block boundaries", () => {
    for (const n of [1, 5, 2 * LU_BLOCK_SIZE + 1, 200, 300]) {
      const a = randomMatrix(n, n, 100 + n);
      const f = luDecompose(a);
      const r = luDecomposeReference(a);
      expect(Array.from(f.pivots)).toEqual(Array.from(r.pivots));
      // both are backward stable; factors differ only by summation order in the Schur updates:
      // |ΔLU| ≤ c·n·ε·max|LU| with c = 4 (observed ≤ 0.5)
      expect(maxAbsDiff(f.lu.data, r.lu.data)).toBeLessThanOrEqual(4 * n * EPS * maxAbs(r.lu.data));
      expect(f.minPivot).toBeCloseTo(r.minPivot, 12);
      expect(f.maxPivot).toBeCloseTo(r.maxPivot, 12);
    }
  });

  it("reconstructs PA = LU with backward error ≤ c·n·ε·‖A‖ (n = 300)", () => {
    const n = 300;
    const a = randomMatrix(n, n, 7);
    const f = luDecompose(a);
    // Golub & Van Loan Thm 3.4.4: |ΔA| ≤ 2nε|L||U|; growth is small for random matrices, c = 8
    expect(maxAbsDiff(rebuild(f).data, permuteRows(a, f).data)).toBeLessThanOrEqual(8 * n * EPS * maxAbs(a.data));
  });

  it("does not mutate its input", () => {
    const a = randomMatrix(150, 150, 9);
    const before = Float64Array.from(a.data);
    luDecompose(a);
    expect(a.data).toEqual(before);
  });

  it("throws singular_matrix for a rank-deficient matrix (blocked path, n = 200)", () => {
    const n = 200;
    const a = randomMatrix(n, n, 11);
    for (let j = 0; j < n; j++)
      a.data[150 * n + j] = 2 * (a.data[3 * n + j] as number) - (a.data[77 * n + j] as number);
    expect(() => luDecompose(a)).toThrow(expect.objectContaining({ code: "singular_matrix" }));
    expect(() => luDecomposeReference(a)).toThrow(expect.objectContaining({ code: "singular_matrix" }));
  });

  it("throws singular_matrix for [[1, 2], [2, 4]] and the zero matrix", () => {
    expect(() =>
      luDecompose(
        fromRows([
          [1, 2],
          [2, 4],
        ]),
      ),
    ).toThrow(expect.objectContaining({ code: "singular_matrix" }));
    expect(() => luDecompose(matrix(3, 3))).toThrow(expect.objectContaining({ code: "singular_matrix" }));
  });

  it("throws not_square, non_finite and invalid_argument (negative tolerance)", () => {
    expect(() => luDecompose(matrix(2, 3))).toThrow(expect.objectContaining({ code: "not_square" }));
    expect(() =>
      luDecompose(
        fromRows([
          [1, Number.NaN],
          [0, 1],
        ]),
      ),
    ).toThrow(expect.objectContaining({ code: "non_finite" }));
    expect(() => luDecompose(identity(2), { singularTolerance: -1 })).toThrow(
      expect.objectContaining({ code: "invalid_argument" }),
    );
  });

  it("handles n = 0", () => {
    const f = luDecompose(matrix(0, 0));
    expect(f.lu.rows).toBe(0);
    expect(f.minPivot).toBe(0);
  });
});

describe("luSolve / luInverse / luSolveTransposed", () => {
  it("blocked multi-RHS solve equals column-by-column unblocked solves to rounding (n = 260, k = 37)", () => {
    const n = 260;
    const k = 37;
    const a = randomMatrix(n, n, 21);
    const b = randomMatrix(n, k, 22);
    const f = luDecompose(a);
    const x = luSolve(f, b);
    const xs = matrix(n, k);
    for (let c = 0; c < k; c++) {
      const col = matrix(n, 1);
      for (let i = 0; i < n; i++) col.data[i] = b.data[i * k + c] as number;
      const xc = luSolve(f, col); // k = 1 → unblocked substitution
      for (let i = 0; i < n; i++) xs.data[i * k + c] = xc.data[i] as number;
    }
    // same factors, different summation order; |Δx| ≤ c·n·ε·κ·|x| with κ(random 260) ≲ 1e4; c·κ = 1e5
    expect(maxAbsDiff(x.data, xs.data)).toBeLessThanOrEqual(1e5 * n * EPS * maxAbs(xs.data));
    // residual ‖AX − B‖ ≤ c·n·ε·‖A‖‖X‖ (backward stability), c = 4
    const r = multiply(a, x);
    expect(maxAbsDiff(r.data, b.data)).toBeLessThanOrEqual(4 * n * EPS * n * maxAbs(a.data) * maxAbs(x.data));
  });

  it("luInverse equals luSolve(f, I) to rounding and A·A⁻¹ ≈ I (n = 300)", () => {
    const n = 300;
    const a = randomMatrix(n, n, 31);
    const f = luDecompose(a);
    const inv = luInverse(f);
    const viaSolve = luSolve(f, identity(n));
    expect(maxAbsDiff(inv.data, viaSolve.data)).toBeLessThanOrEqual(1e3 * n * EPS * maxAbs(inv.data));
    const p = multiply(a, inv);
    const e = identity(n);
    expect(maxAbsDiff(p.data, e.data)).toBeLessThanOrEqual(1e3 * n * EPS * maxAbs(inv.data));
  });

  it("luSolveTransposed solves Aᵀy = b (n = 150)", () => {
    const n = 150;
    const a = randomMatrix(n, n, 41);
    const b = Float64Array.from({ length: n }, (_, i) => Math.sin(i + 1));
    const y = luSolveTransposed(luDecompose(a), b);
    const back = multiplyVector(transpose(a), y);
    expectAllClose(back, b, { atol: 1e3 * n * EPS }, "Aᵀy");
  });

  it("throws dimension_mismatch for a wrongly sized right-hand side", () => {
    const f = luDecompose(identity(3));
    expect(() => luSolve(f, matrix(2, 1))).toThrow(expect.objectContaining({ code: "dimension_mismatch" }));
    expect(() => luSolveTransposed(f, [1, 2])).toThrow(expect.objectContaining({ code: "dimension_mismatch" }));
  });
});
