import { describe, expect, it } from "vitest";
import ref from "../../../test/reference/numpy-linalg/linalg.json" with { type: "json" };
import { fromRows, matrix } from "./matrix.js";
import { isProductiveBySolve, spectralRadiusNonnegative } from "./spectral.js";

function spectralCase(name: string) {
  const c = ref.spectral.find((x) => x.name === name);
  if (c === undefined) throw new Error(`reference case ${name} missing`);
  return c;
}

describe("spectralRadiusNonnegative", () => {
  it("matches numpy max|eig| on a seeded 12×12 matrix (columns sum to 0.6, so ρ = 0.6)", () => {
    const c = spectralCase("seeded_nonnegative_12");
    const r = spectralRadiusNonnegative(fromRows(c.matrix));
    expect(r.converged).toBe(true);
    // certified bounds bracket numpy's eigenvalue (to numpy's own rounding, 1e-15)
    expect(r.lower).toBeLessThanOrEqual(c.spectral_radius + 1e-15);
    expect(r.upper).toBeGreaterThanOrEqual(c.spectral_radius - 1e-15);
    // tolerance 1e-12 on the bound gap, plus rounding of the ratios
    expect(Math.abs(r.value - c.spectral_radius)).toBeLessThanOrEqual(1e-12);
    expect(r.value).toBeGreaterThanOrEqual(r.lower);
    expect(r.value).toBeLessThanOrEqual(r.upper);
  });

  it("converges on a periodic (imprimitive) matrix thanks to the shift", () => {
    const c = spectralCase("periodic_3");
    const r = spectralRadiusNonnegative(fromRows(c.matrix));
    expect(r.converged).toBe(true);
    expect(Math.abs(r.value - c.spectral_radius)).toBeLessThanOrEqual(1e-11);
    expect(Math.abs(r.value - Math.cbrt(0.81))).toBeLessThanOrEqual(1e-11);
  });

  it("keeps a valid upper bound when the lower bound cannot meet it (reducible: zero row)", () => {
    const a = fromRows([
      [0.5, 0.2],
      [0, 0],
    ]);
    const r = spectralRadiusNonnegative(a, { maxIterations: 50 });
    expect(r.converged).toBe(false);
    expect(r.iterations).toBe(50);
    expect(r.lower).toBe(0);
    expect(r.upper).toBeGreaterThanOrEqual(0.5);
    expect(r.upper).toBeLessThan(0.5 + 1e-6);
  });

  it("returns 0 for the zero matrix and the empty matrix", () => {
    const z = spectralRadiusNonnegative(matrix(3, 3));
    expect(z.value).toBe(0);
    expect(z.upper).toBe(0);
    expect(spectralRadiusNonnegative(matrix(0, 0)).value).toBe(0);
  });

  it("rejects negative entries, non-square input and bad options", () => {
    expect(() =>
      spectralRadiusNonnegative(
        fromRows([
          [0.1, -0.1],
          [0, 0.2],
        ]),
      ),
    ).toThrow(expect.objectContaining({ code: "invalid_argument" }));
    expect(() => spectralRadiusNonnegative(matrix(2, 3))).toThrow(expect.objectContaining({ code: "not_square" }));
    expect(() => spectralRadiusNonnegative(matrix(2, 2), { maxIterations: 0 })).toThrow(
      expect.objectContaining({ code: "invalid_argument" }),
    );
  });
});

describe("isProductiveBySolve", () => {
  it("says productive for the Miller & Blair A and gives x = (I − A)⁻¹1 > 0", () => {
    const r = isProductiveBySolve(
      fromRows([
        [0.15, 0.25],
        [0.2, 0.05],
      ]),
    );
    expect(r.productive).toBe(true);
    // x = L·1 = row sums of Table 2.4's L: (1.25413 + 0.33003, 0.26403 + 1.12211); rounding only
    expect(r.x?.[0]).toBeCloseTo((0.95 + 0.25) / 0.7575, 14);
    expect(r.x?.[1]).toBeCloseTo((0.2 + 0.85) / 0.7575, 14);
  });

  it("agrees with the spectral radius on either side of ρ = 1", () => {
    const c = spectralCase("seeded_nonnegative_12");
    for (const scale of [0.5, 1.6, 1.7, 2]) {
      // ρ(scale·A) = 0.6·scale
      const a = fromRows(c.matrix.map((row) => row.map((v) => v * scale)));
      expect(isProductiveBySolve(a).productive, `scale ${scale}`).toBe(0.6 * scale < 1);
    }
  });

  it("reports not productive when I − A is singular (ρ = 1 exactly)", () => {
    const r = isProductiveBySolve(
      fromRows([
        [0.5, 0.5],
        [0.5, 0.5],
      ]),
    );
    expect(r.productive).toBe(false);
    expect(r.x).toBeNull();
  });
});
