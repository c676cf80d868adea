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
