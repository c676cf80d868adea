import { describe, expect, it } from "vitest";
import { typescriptBackend } from "../core/linalg/backend.js";
import { conditionEstimate1 } from "../core/linalg/condition.js";
import { inverse } from "../core/linalg/inverse.js";
import { luDecompose } from "../core/linalg/lu.js";
import { fromRows, identity, type Matrix, matrix, multiply } from "../core/linalg/matrix.js";
import { loadNativeBackend } from "./openblas.js";

const EPS = Number.EPSILON;
const loaded = loadNativeBackend();
const native = "backend" in loaded ? loaded.backend : undefined;
const skipReason = "unavailable" in loaded ? loaded.unavailable : "";

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

/** I − A for a random productive A with column sums ≈ 0.5 (the shape of a real IO table). */
function productiveSystem(n: number, seed: number): Matrix {
  const r = rng(seed);
  const m = identity(n);
  for (let k = 0; k < n * n; k++) m.data[k] = (m.data[k] as number) - r() / n;
  return m;
}

describe("loadNativeBackend", () => {
  it("never throws: a missing addon is reported as unavailable", () => {
    const r = loadNativeBackend("/nonexistent/shushi_native.node");
    expect("unavailable" in r).toBe(true);
  });
});

// The addon is optional (built by scripts/build-native.sh when libopenblas-dev and liblapacke-dev
// are installed); without it these comparisons cannot run.
describe.skipIf(native === undefined)(`native OpenBLAS backend${native ? "" : ` (skipped: ${skipReason})`}`, () => {
  it.each([5, 50, 300])("inverse agrees with the TypeScript LU on a productive system (n = %i)", (n) => {
    if (native === undefined) return;
    const m = productiveSystem(n, 1000 + n);
    const a = native.inverse(m);
    const b = typescriptBackend.inverse(m);
    const kappa = conditionEstimate1(m, luDecompose(m));
    // both are backward stable, so each differs from the exact inverse by ≲ c·n·ε·κ₁·‖X‖; their gap is
    // bounded by twice that (Higham 2002, §14.1); c = 2
    let diff = 0;
    let scale = 0;
    for (let i = 0; i < a.data.length; i++) {
      diff = Math.max(diff, Math.abs((a.data[i] as number) - (b.data[i] as number)));
      scale = Math.max(scale, Math.abs(b.data[i] as number));
    }
    expect(diff).toBeLessThanOrEqual(4 * n * EPS * kappa * scale);
    expect(inverse(m, { backend: native }).data).toEqual(a.data);
  });

  it("solve agrees with the TypeScript solve (n = 120, k = 9)", () => {
    if (native === undefined) return;
    const n = 120;
    const m = productiveSystem(n, 7);
    const b = matrix(n, 9);
    const r = rng(8);
    for (let i = 0; i < b.data.length; i++) b.data[i] = r();
    const x = native.solve(m, b);
    const y = typescriptBackend.solve(m, b);
    const kappa = conditionEstimate1(m, luDecompose(m));
    let diff = 0;
    for (let i = 0; i < x.data.length; i++)
      diff = Math.max(diff, Math.abs((x.data[i] as number) - (y.data[i] as number)));
    // ‖x‖ ≤ ‖(I − A)⁻¹‖·‖b‖ ≤ 2·1 here; same backward-error argument as above
    expect(diff).toBeLessThanOrEqual(4 * n * EPS * kappa * 2);
    // residual
    const res = multiply(m, x);
    for (let i = 0; i < res.data.length; i++)
      expect(Math.abs((res.data[i] as number) - (b.data[i] as number))).toBeLessThan(1e-13);
  });

  it("reproduces Miller & Blair (2009) Table 2.4", () => {
    if (native === undefined) return;
    const inv = native.inverse(
      fromRows([
        [0.85, -0.25],
        [-0.2, 0.95],
      ]),
    );
    // exact 1/0.7575·[[0.95, 0.25], [0.2, 0.85]], κ₁ = 1.82: rtol 1e-14
    const exact = [0.95 / 0.7575, 0.25 / 0.7575, 0.2 / 0.7575, 0.85 / 0.7575];
    for (const [i, v] of exact.entries()) expect(Math.abs((inv.data[i] as number) - v)).toBeLessThanOrEqual(1e-14 * v);
  });

  it("surfaces singular input as CoreError singular_matrix (exact zero pivot and below tolerance)", () => {
    if (native === undefined) return;
    expect(() =>
      native.inverse(
        fromRows([
          [1, 2],
          [2, 4],
        ]),
      ),
    ).toThrow(expect.objectContaining({ code: "singular_matrix" }));
    expect(() => native.inverse(matrix(3, 3))).toThrow(expect.objectContaining({ code: "singular_matrix" }));
    // pivot 1e-15 < 1e-12·max|a|: singular for the TypeScript LU, so for the native backend too
    const near = fromRows([
      [1, 1],
      [1, 1 + 1e-15],
    ]);
    expect(() => typescriptBackend.inverse(near)).toThrow(expect.objectContaining({ code: "singular_matrix" }));
    expect(() => native.inverse(near)).toThrow(expect.objectContaining({ code: "singular_matrix" }));
    expect(() => native.solve(near, identity(2))).toThrow(expect.objectContaining({ code: "singular_matrix" }));
  });

  it("rejects non-square, mismatched and non-finite input with CoreError codes", () => {
    if (native === undefined) return;
    expect(() => native.inverse(matrix(2, 3))).toThrow(expect.objectContaining({ code: "not_square" }));
    expect(() => native.solve(identity(3), matrix(2, 1))).toThrow(
      expect.objectContaining({ code: "dimension_mismatch" }),
    );
    expect(() =>
      native.inverse(
        fromRows([
          [Number.NaN, 0],
          [0, 1],
        ]),
      ),
    ).toThrow(expect.objectContaining({ code: "non_finite" }));
  });

  it("reports the OpenBLAS build it loaded", () => {
    if (!("info" in loaded)) return;
    expect(loaded.info.openblasConfig).toMatch(/OpenBLAS/);
    expect(loaded.backend.name).toBe("openblas");
  });
});
