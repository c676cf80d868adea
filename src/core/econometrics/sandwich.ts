/**
 * The covariance sandwich of a pivoted-QR regression (QR 三明治协方差), shared by OLS and the panel
 * estimators: with D·P = Q₁R, (DᵀD)⁻¹ = P R⁻¹R⁻ᵀ Pᵀ, and every covariance — classical, HC, Newey–West,
 * cluster — is P R⁻¹ M R⁻ᵀ Pᵀ for a "meat" M built in the orthonormal coordinates.
 */

/**
 * P R⁻¹ M R⁻ᵀ Pᵀ, made exactly symmetric (each off-diagonal pair replaced by its mean).
 * @param Rinv - k×k upper-triangular R⁻¹, row-major
 * @param meat - k×k symmetric M, row-major
 * @param perm - the QR column permutation: column i of the factored design is original column perm[i]
 * @param k - number of coefficients
 * @returns k×k covariance in the original column order, row-major
 * Complexity O(k³).
 */
export function permutedSandwich(
  Rinv: Float64Array,
  meat: Float64Array,
  perm: ArrayLike<number>,
  k: number,
): Float64Array {
  const tmp = new Float64Array(k * k); // R⁻¹ M
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      let s = 0;
      for (let l = i; l < k; l++) s += (Rinv[i * k + l] as number) * (meat[l * k + j] as number);
      tmp[i * k + j] = s;
    }
  }
  const cov = new Float64Array(k * k); // P (R⁻¹ M R⁻ᵀ) Pᵀ
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      let s = 0;
      for (let l = j; l < k; l++) s += (tmp[i * k + l] as number) * (Rinv[j * k + l] as number);
      cov[(perm[i] as number) * k + (perm[j] as number)] = s;
    }
  }
  for (let i = 0; i < k; i++) {
    for (let j = i + 1; j < k; j++) {
      const s = 0.5 * ((cov[i * k + j] as number) + (cov[j * k + i] as number));
      cov[i * k + j] = s;
      cov[j * k + i] = s;
    }
  }
  return cov;
}

/**
 * Standard errors from the diagonal of a covariance matrix (标准误). A diagonal entry below zero can
 * only come from rounding (the sandwich of a positive semi-definite meat is positive semi-definite):
 * near an exact fit the meat is zero up to rounding and its sandwich can round a hair below zero. Such
 * an entry gives a standard error of 0 — never NaN — and is listed so the caller can report it.
 *
 * @param cov - k×k covariance, row-major
 * @param k - its order
 * @returns `{stdErrors, clipped}`: √max(0, cov_jj) and the indices j whose cov_jj was negative
 */
export function standardErrors(cov: Float64Array, k: number): { stdErrors: Float64Array; clipped: number[] } {
  const stdErrors = new Float64Array(k);
  const clipped: number[] = [];
  for (let j = 0; j < k; j++) {
    const v = cov[j * k + j] as number;
    if (v < 0) clipped.push(j);
    stdErrors[j] = Math.sqrt(Math.max(0, v));
  }
  return { stdErrors, clipped };
}
