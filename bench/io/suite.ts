/**
 * The "linkage suite" timed by the benchmark, self-contained: from a parsed table (Z, x) compute
 * A = Z·diag(x)⁻¹, L = (I − A)⁻¹, column and row sums of L, and the influence (power of dispersion,
 * 影响力系数) and sensitivity (感应度系数) coefficients — column/row sums divided by their means
 * (Rasmussen 1956; Miller & Blair 2009 §12.2). It uses only the core linear algebra.
 */
import type { LinalgBackend } from "../../src/core/linalg/backend.js";
import { inverse } from "../../src/core/linalg/inverse.js";
import { type Matrix, matrix } from "../../src/core/linalg/matrix.js";
import type { BenchTable } from "./tables.js";

export interface SuiteResult {
  readonly influence: Float64Array;
  readonly sensitivity: Float64Array;
  /** Σ_ij L_ij, used to cross-check that numpy inverted the same matrix */
  readonly checksum: number;
}

/** I − A with A = Z·diag(x)⁻¹ (columns with x_j = 0 set to zero). */
export function leontiefMatrix(t: BenchTable): Matrix {
  const { n, z, x } = t;
  const inv = new Float64Array(n);
  for (let j = 0; j < n; j++) inv[j] = (x[j] as number) > 0 ? 1 / (x[j] as number) : 0;
  const m = matrix(n, n);
  const d = m.data;
  for (let i = 0; i < n; i++) {
    const off = i * n;
    for (let j = 0; j < n; j++) d[off + j] = -(z[off + j] as number) * (inv[j] as number);
    d[off + i] = 1 + (d[off + i] as number);
  }
  return m;
}

/** The full suite; `backend` undefined = the TypeScript LU. */
export function linkageSuite(t: BenchTable, backend?: LinalgBackend): SuiteResult {
  const n = t.n;
  const l = inverse(leontiefMatrix(t), backend === undefined ? {} : { backend });
  const d = l.data;
  const colSums = new Float64Array(n);
  const rowSums = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const off = i * n;
    let rs = 0;
    for (let j = 0; j < n; j++) {
      const v = d[off + j] as number;
      rs += v;
      colSums[j] = (colSums[j] as number) + v;
    }
    rowSums[i] = rs;
  }
  let total = 0;
  for (let j = 0; j < n; j++) total += colSums[j] as number;
  const mean = total / n;
  const influence = new Float64Array(n);
  const sensitivity = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    influence[j] = (colSums[j] as number) / mean;
    sensitivity[j] = (rowSums[j] as number) / mean;
  }
  return { influence, sensitivity, checksum: total };
}
