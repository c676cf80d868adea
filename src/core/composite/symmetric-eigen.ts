/**
 * Eigen-decomposition of a small real symmetric matrix by the cyclic Jacobi method (module-private,
 * used by PCA weights). Jacobi is slower than tridiagonal QR (LAPACK dsyev) but simple and
 * accurate: eigenvalues to a few ulps of ‖A‖ (Demmel & Veselić 1992), and indicator correlation
 * matrices have n ≤ a few hundred.
 *
 * @see Golub & Van Loan (2013), Matrix Computations, 4th ed., Alg. 8.5.2–8.5.3 (symmetric Schur
 *   rotation, cyclic Jacobi); Rutishauser (1966) for the stable rotation formulas.
 */
import { type Matrix, matrix } from "../linalg/matrix.js";

export interface SymmetricEigenResult {
  /** eigenvalues in descending order */
  readonly values: Float64Array;
  /** n×n matrix whose column k is the unit eigenvector of values[k] */
  readonly vectors: Matrix;
  /** sweeps used */
  readonly sweeps: number;
}

/**
 * Eigenvalues and eigenvectors of a symmetric matrix A = V·diag(λ)·Vᵀ (cyclic Jacobi; reads the
 * upper triangle). Stops when the off-diagonal Frobenius norm is ≤ 1e-15·‖A‖_F or after 100 sweeps.
 */
export function symmetricEigen(A: Matrix): SymmetricEigenResult {
  const n = A.rows;
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      const v = A.data[i * n + j] as number;
      a[i * n + j] = v;
      a[j * n + i] = v;
    }
  }
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  let total = 0;
  for (let k = 0; k < a.length; k++) total += (a[k] as number) ** 2;
  const tol = 1e-15 * Math.sqrt(total);
  let sweeps = 0;
  for (; sweeps < 100; sweeps++) {
    let off = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) off += 2 * (a[i * n + j] as number) ** 2;
    if (Math.sqrt(off) <= tol) break;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q] as number;
        if (apq === 0) continue;
        const app = a[p * n + p] as number;
        const aqq = a[q * n + q] as number;
        const theta = (aqq - app) / (2 * apq);
        const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        // A ← Jᵀ A J with the rotation in plane (p, q)
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p] as number;
          const akq = a[k * n + q] as number;
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k] as number;
          const aqk = a[q * n + k] as number;
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        a[p * n + q] = 0;
        a[q * n + p] = 0;
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p] as number;
          const vkq = v[k * n + q] as number;
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (x, y) => (a[y * n + y] as number) - (a[x * n + x] as number),
  );
  const values = new Float64Array(n);
  const vectors = matrix(n, n);
  order.forEach((src, dst) => {
    values[dst] = a[src * n + src] as number;
    for (let k = 0; k < n; k++) vectors.data[k * n + dst] = v[k * n + src] as number;
  });
  return { values, vectors, sweeps };
}
