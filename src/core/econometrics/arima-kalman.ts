/**
 * State-space machinery of ARIMA models (ARIMA 模型的状态空间形式), in the convention of R
 * `stats::arima` / `makeARIMA` (Harvey 1989 form, as Durbin & Koopman 2012 §3.4):
 *
 *   state α_t = (u_t, …, u_{t−r+1} MA-augmented ARMA block of size r = max(p, q + 1);
 *                y_{t−1}, …, y_{t−d} in the differencing block),
 *   y_t = Z α_t,  Z = (1, 0, …, 0, Δ_1, …, Δ_d),  α_{t+1} = T α_t + R ε_t,  R = (1, θ_1, …, θ_{r−1}, 0…0),
 *
 * with Δ the coefficients of 1 − (1 − B)^d (so y_t = u_t + Σ Δ_i y_{t−i}), V = R Rᵀ, no observation
 * noise. The ARMA block starts at its stationary covariance Q0 (solution of Q0 = T_r Q0 T_rᵀ + R_r R_rᵀ,
 * the matrix Gardner, Harvey & Phillips 1980 compute; here solved directly as the linear system
 * (I − T_r ⊗ T_r) vec Q0 = vec(R_r R_rᵀ)), the differencing block at the diffuse value κ = 1e6 (R's
 * default `kappa`). The filter is the ordinary Kalman filter; as in R's `ARIMA_Like`, observations
 * whose one-step variance F_t ≥ 1e4 (those still dominated by κ) are left out of the likelihood.
 *
 * Also here: the conditional sum of squares (CSS) recursion of R's `ARIMA_CSS`, the Kalman forecast
 * of `KalmanForecast`, the AR-stationarity reparametrisation of Jones (1980) used by R's
 * `transform.pars`, and polynomial roots (Aberth–Ehrlich) for MA invertibility.
 *
 * @see Gardner, G., Harvey, A. C. & Phillips, G. D. A. (1980), Applied Statistics 29, 311–322.
 * @see Jones, R. H. (1980), Technometrics 22(3), 389–395 (partial-autocorrelation transform).
 * @see Durbin, J. & Koopman, S. J. (2012), Time Series Analysis by State Space Methods, 2nd ed.
 * @see R `stats::arima`, `makeARIMA`, `KalmanForecast` (R 4.2.2).
 */
import { CoreError } from "../errors.js";
import { luDecompose, luSolve } from "../linalg/lu.js";
import { matrix } from "../linalg/matrix.js";

/** Gain above which an observation is treated as diffuse and left out of the likelihood (R `ARIMA_Like`). */
export const ARIMA_DIFFUSE_GAIN = 1e4;

/** A linear Gaussian state-space ARIMA model; matrices are row-major rd×rd. */
export interface ArimaStateSpace {
  readonly phi: Float64Array;
  readonly theta: Float64Array;
  /** coefficients of 1 − (1 − B)^d: y_t = u_t + Σ delta_i y_{t−i} */
  readonly delta: Float64Array;
  /** ARMA block size max(p, q + 1) */
  readonly r: number;
  /** state size r + d */
  readonly rd: number;
  readonly Z: Float64Array;
  readonly T: Float64Array;
  /** R Rᵀ */
  readonly V: Float64Array;
  /** initial state covariance P_{1|0} */
  readonly Pn: Float64Array;
}

/** Filtered state after the last observation (a_{n|n}, P_{n|n}). */
export interface ArimaFilterState {
  readonly a: Float64Array;
  readonly P: Float64Array;
}

/** Output of {@link arimaKalmanFilter}. */
export interface ArimaFilterResult {
  /** Σ v_t² / F_t over the non-diffuse observations */
  readonly ssq: number;
  /** Σ ln F_t over the non-diffuse observations */
  readonly sumLog: number;
  /** number of non-diffuse observations */
  readonly nUsed: number;
  /** standardized innovations v_t / √F_t (all t) */
  readonly residuals: Float64Array;
  readonly state: ArimaFilterState;
}

/**
 * Coefficients Δ of 1 − (1 − B)^d (R: `Delta`), so that y_t = (1 − B)^d y_t + Σ Δ_i y_{t−i}.
 *
 * @param d - differencing order (integer ≥ 0)
 * @returns Δ_1…Δ_d
 * @example
 * differencingPolynomial(2); // [2, -1]
 */
export function differencingPolynomial(d: number): Float64Array {
  let poly = [1];
  for (let i = 0; i < d; i++) {
    const next = new Array<number>(poly.length + 1).fill(0);
    for (let j = 0; j < poly.length; j++) {
      next[j] = (next[j] as number) + (poly[j] as number);
      next[j + 1] = (next[j + 1] as number) - (poly[j] as number);
    }
    poly = next;
  }
  return Float64Array.from(poly.slice(1), (v) => -v);
}

/**
 * Stationary covariance Q0 of the r-dimensional ARMA state block: Q0 = T Q0 Tᵀ + R Rᵀ.
 * Throws `singular_matrix` when the AR part has a unit root (no solution). For an explosive AR part
 * the solution of the same equations is returned (not a covariance), as R's `getQ0` does: R's CSS
 * fits filter with it.
 */
export function stationaryCovariance(phi: Float64Array, theta: Float64Array): Float64Array {
  const p = phi.length;
  const q = theta.length;
  const r = Math.max(p, q + 1);
  const R = new Float64Array(r);
  R[0] = 1;
  for (let i = 0; i < q; i++) R[i + 1] = theta[i] as number;
  if (r === 1) {
    const ph = p > 0 ? (phi[0] as number) : 0;
    const v = 1 / (1 - ph * ph);
    if (!Number.isFinite(v)) throw new CoreError("singular_matrix", { function: "stationaryCovariance" });
    return Float64Array.of(v);
  }
  const Tm = new Float64Array(r * r);
  for (let i = 0; i < p; i++) Tm[i * r] = phi[i] as number;
  for (let i = 0; i + 1 < r; i++) Tm[i * r + i + 1] = 1;
  const m = r * r;
  const A = matrix(m, m);
  const b = matrix(m, 1);
  // vec row-major: index i*r + j ↔ Q0[i][j]; (T Q Tᵀ)_{ij} = Σ_{k,l} T_ik T_jl Q_kl
  for (let i = 0; i < r; i++) {
    for (let j = 0; j < r; j++) {
      const row = i * r + j;
      b.data[row] = (R[i] as number) * (R[j] as number);
      A.data[row * m + row] = 1;
      for (let k = 0; k < r; k++) {
        const tik = Tm[i * r + k] as number;
        if (tik === 0) continue;
        for (let l = 0; l < r; l++) {
          const tjl = Tm[j * r + l] as number;
          if (tjl === 0) continue;
          A.data[row * m + k * r + l] = (A.data[row * m + k * r + l] as number) - tik * tjl;
        }
      }
    }
  }
  const x = luSolve(luDecompose(A), b).data;
  const Q = new Float64Array(m);
  for (let i = 0; i < r; i++) {
    for (let j = 0; j < r; j++) Q[i * r + j] = 0.5 * ((x[i * r + j] as number) + (x[j * r + i] as number));
  }
  return Q;
}

/**
 * State-space form of an ARIMA model (R `makeARIMA`, SSinit "Gardner1980").
 *
 * @param phi - AR coefficients φ_1…φ_p
 * @param theta - MA coefficients θ_1…θ_q
 * @param delta - differencing coefficients ({@link differencingPolynomial})
 * @param kappa - prior variance of the differencing states @default 1e6
 * @returns {@link ArimaStateSpace}
 * @throws {CoreError} singular_matrix (unit-root AR part: no initial covariance)
 */
export function arimaStateSpace(
  phi: Float64Array,
  theta: Float64Array,
  delta: Float64Array,
  kappa = 1e6,
): ArimaStateSpace {
  const p = phi.length;
  const q = theta.length;
  const r = Math.max(p, q + 1);
  const d = delta.length;
  const rd = r + d;
  const Z = new Float64Array(rd);
  Z[0] = 1;
  for (let i = 0; i < d; i++) Z[r + i] = delta[i] as number;
  const T = new Float64Array(rd * rd);
  for (let i = 0; i < p; i++) T[i * rd] = phi[i] as number;
  for (let i = 0; i + 1 < r; i++) T[i * rd + i + 1] = 1;
  if (d > 0) {
    for (let j = 0; j < rd; j++) T[r * rd + j] = Z[j] as number;
    for (let i = 1; i < d; i++) T[(r + i) * rd + r + i - 1] = 1;
  }
  const R = new Float64Array(rd);
  R[0] = 1;
  for (let i = 0; i < q; i++) R[i + 1] = theta[i] as number;
  const V = new Float64Array(rd * rd);
  for (let i = 0; i < rd; i++) for (let j = 0; j < rd; j++) V[i * rd + j] = (R[i] as number) * (R[j] as number);
  const Pn = new Float64Array(rd * rd);
  const Q0 = stationaryCovariance(phi, theta);
  for (let i = 0; i < r; i++) for (let j = 0; j < r; j++) Pn[i * rd + j] = Q0[i * r + j] as number;
  for (let i = 0; i < d; i++) Pn[(r + i) * rd + r + i] = kappa;
  return { phi, theta, delta, r, rd, Z, T, V, Pn };
}

/** out = T x (rd-vector). */
function transition(T: Float64Array, x: Float64Array, rd: number, out: Float64Array): void {
  for (let i = 0; i < rd; i++) {
    let s = 0;
    for (let k = 0; k < rd; k++) s += (T[i * rd + k] as number) * (x[k] as number);
    out[i] = s;
  }
}

/** out = T P Tᵀ + V. */
function predictCovariance(
  T: Float64Array,
  P: Float64Array,
  V: Float64Array,
  rd: number,
  work: Float64Array,
  out: Float64Array,
): void {
  for (let i = 0; i < rd; i++) {
    for (let j = 0; j < rd; j++) {
      let s = 0;
      for (let k = 0; k < rd; k++) s += (T[i * rd + k] as number) * (P[k * rd + j] as number);
      work[i * rd + j] = s;
    }
  }
  for (let i = 0; i < rd; i++) {
    for (let j = 0; j < rd; j++) {
      let s = V[i * rd + j] as number;
      for (let k = 0; k < rd; k++) s += (work[i * rd + k] as number) * (T[j * rd + k] as number);
      out[i * rd + j] = s;
    }
  }
}

/**
 * Kalman filter of the exact Gaussian likelihood (R `ARIMA_Like`, a_1 = 0, P_{1|0} = Pn).
 * NaN observations are skipped (state predicted through). The concentrated −log-likelihood per
 * observation is ½·(ln(ssq/nUsed) + sumLog/nUsed) + constants.
 *
 * @param y - the series net of its regression part
 * @param mod - {@link ArimaStateSpace}
 * @returns {@link ArimaFilterResult}: `{ssq, sumLog, nUsed, residuals, state}`
 * @see Durbin & Koopman (2012) §4.3 (filter), §7.2 (likelihood).
 */
export function arimaKalmanFilter(y: Float64Array, mod: ArimaStateSpace): ArimaFilterResult {
  const { rd, Z, T, V } = mod;
  let a = new Float64Array(rd);
  let P = new Float64Array(rd * rd);
  const anew = new Float64Array(rd);
  const Pnew = Float64Array.from(mod.Pn);
  const work = new Float64Array(rd * rd);
  const M = new Float64Array(rd);
  const residuals = new Float64Array(y.length);
  let ssq = 0;
  let sumLog = 0;
  let nUsed = 0;
  for (let t = 0; t < y.length; t++) {
    transition(T, a, rd, anew);
    if (t > 0) predictCovariance(T, P, V, rd, work, Pnew);
    const yt = y[t] as number;
    if (Number.isNaN(yt)) {
      a = Float64Array.from(anew);
      P = Float64Array.from(Pnew);
      residuals[t] = Number.NaN;
      continue;
    }
    let v = yt;
    for (let i = 0; i < rd; i++) v -= (Z[i] as number) * (anew[i] as number);
    let F = 0;
    for (let i = 0; i < rd; i++) {
      let s = 0;
      for (let j = 0; j < rd; j++) s += (Pnew[i * rd + j] as number) * (Z[j] as number);
      M[i] = s;
      F += (Z[i] as number) * s;
    }
    if (F < ARIMA_DIFFUSE_GAIN) {
      nUsed++;
      ssq += (v * v) / F;
      sumLog += Math.log(F);
    }
    residuals[t] = v / Math.sqrt(F);
    for (let i = 0; i < rd; i++) a[i] = (anew[i] as number) + ((M[i] as number) * v) / F;
    for (let i = 0; i < rd; i++) {
      for (let j = 0; j < rd; j++) {
        P[i * rd + j] = (Pnew[i * rd + j] as number) - ((M[i] as number) * (M[j] as number)) / F;
      }
    }
  }
  return { ssq, sumLog, nUsed, residuals, state: { a, P } };
}

/**
 * h-step Kalman forecasts from the filtered state (R `KalmanForecast`): mean Z a_{n+h|n} and variance
 * factor Z P_{n+h|n} Zᵀ (multiply by σ² for the forecast variance).
 *
 * @param h - horizon (≥ 1)
 * @param mod - {@link ArimaStateSpace}
 * @param state - filtered state after the last observation
 * @returns `{mean, variance}` (length h)
 */
export function arimaKalmanForecast(
  h: number,
  mod: ArimaStateSpace,
  state: ArimaFilterState,
): { mean: Float64Array; variance: Float64Array } {
  const { rd, Z, T, V } = mod;
  let a = Float64Array.from(state.a);
  let P = Float64Array.from(state.P);
  const anew = new Float64Array(rd);
  const Pnew = new Float64Array(rd * rd);
  const work = new Float64Array(rd * rd);
  const mean = new Float64Array(h);
  const variance = new Float64Array(h);
  for (let l = 0; l < h; l++) {
    transition(T, a, rd, anew);
    let fc = 0;
    for (let i = 0; i < rd; i++) fc += (anew[i] as number) * (Z[i] as number);
    mean[l] = fc;
    a = Float64Array.from(anew);
    predictCovariance(T, P, V, rd, work, Pnew);
    P = Float64Array.from(Pnew);
    let v = 0;
    for (let i = 0; i < rd; i++)
      for (let j = 0; j < rd; j++) v += (Z[i] as number) * (Z[j] as number) * (P[i * rd + j] as number);
    variance[l] = v;
  }
  return { mean, variance };
}

/**
 * Conditional sum of squares (R `ARIMA_CSS`): the series is differenced d times in place, then
 * e_t = w_t − Σ φ_j w_{t−j} − Σ_{j < min(t − ncond, q)} θ_j e_{t−j} for t ≥ ncond (e_t = 0 before).
 *
 * @param y - the series net of its regression part
 * @param d - differencing order
 * @param phi - AR coefficients
 * @param theta - MA coefficients
 * @param ncond - number of conditioning observations (R: d + p)
 * @returns the mean of e_t² over the finite terms and the residuals e (length n)
 */
export function arimaCss(
  y: Float64Array,
  d: number,
  phi: Float64Array,
  theta: Float64Array,
  ncond: number,
): { sigma2: number; residuals: Float64Array } {
  const n = y.length;
  const w = Float64Array.from(y);
  for (let i = 0; i < d; i++) for (let t = n - 1; t > 0; t--) w[t] = (w[t] as number) - (w[t - 1] as number);
  const e = new Float64Array(n);
  const p = phi.length;
  const q = theta.length;
  let ssq = 0;
  let nu = 0;
  for (let t = ncond; t < n; t++) {
    let v = w[t] as number;
    for (let j = 0; j < p; j++) v -= (phi[j] as number) * (w[t - j - 1] as number);
    const qq = Math.min(t - ncond, q);
    for (let j = 0; j < qq; j++) v -= (theta[j] as number) * (e[t - j - 1] as number);
    e[t] = v;
    if (!Number.isNaN(v)) {
      nu++;
      ssq += v * v;
    }
  }
  return { sigma2: ssq / nu, residuals: e };
}

/**
 * Jones (1980) map from unconstrained values to stationary AR coefficients (R `partrans`): the
 * partial autocorrelations are tanh(raw), then the Durbin–Levinson recursion gives φ.
 *
 * @param raw - unconstrained values (any reals)
 * @returns stationary φ_1…φ_p
 */
export function arPartrans(raw: ArrayLike<number>): Float64Array {
  const p = raw.length;
  const phi = new Float64Array(p);
  for (let j = 0; j < p; j++) phi[j] = Math.tanh(raw[j] as number);
  const work = Float64Array.from(phi);
  for (let j = 1; j < p; j++) {
    const a = phi[j] as number;
    for (let k = 0; k < j; k++) work[k] = (work[k] as number) - a * (phi[j - k - 1] as number);
    for (let k = 0; k < j; k++) phi[k] = work[k] as number;
  }
  return phi;
}

/**
 * Inverse of {@link arPartrans} (R `invpartrans`): φ → partial autocorrelations → atanh.
 *
 * @param phi - stationary AR coefficients
 * @returns the unconstrained values
 */
export function arInvPartrans(phi: ArrayLike<number>): Float64Array {
  const p = phi.length;
  const out = Float64Array.from({ length: p }, (_, i) => phi[i] as number);
  const work = Float64Array.from(out);
  for (let j = p - 1; j > 0; j--) {
    const a = out[j] as number;
    for (let k = 0; k < j; k++) work[k] = ((out[k] as number) + a * (out[j - k - 1] as number)) / (1 - a * a);
    for (let k = 0; k < j; k++) out[k] = work[k] as number;
  }
  for (let j = 0; j < p; j++) out[j] = Math.atanh(out[j] as number);
  return out;
}

/**
 * Stationarity of an AR polynomial 1 − φ_1 z − … − φ_p z^p by the reverse Durbin–Levinson (Schur–Cohn)
 * recursion: stationary iff every partial autocorrelation has modulus < 1 (R `arCheck` uses roots).
 *
 * @param phi - AR coefficients (trailing zeros ignored)
 * @returns true when every root lies outside the unit circle
 */
export function arIsStationary(phi: ArrayLike<number>): boolean {
  let p = phi.length;
  while (p > 0 && phi[p - 1] === 0) p--;
  const a = Float64Array.from({ length: p }, (_, i) => phi[i] as number);
  for (let j = p - 1; j >= 0; j--) {
    const k = a[j] as number;
    if (!(Math.abs(k) < 1)) return false;
    if (j === 0) break;
    const prev = new Float64Array(j);
    for (let i = 0; i < j; i++) prev[i] = ((a[i] as number) + k * (a[j - 1 - i] as number)) / (1 - k * k);
    a.set(prev);
  }
  return true;
}

/** Complex number as [re, im]. */
type Complex = [number, number];

/**
 * Roots of c_0 + c_1 z + … + c_m z^m by the Aberth–Ehrlich iteration (simultaneous Newton with
 * repulsion), started on a circle of half the Cauchy-bound radius (R `polyroot` equivalent for the
 * small degrees of ARMA polynomials).
 *
 * @param coefficients - c_0…c_m in increasing powers (trailing zeros dropped)
 * @returns the m roots as [re, im]
 * @see Aberth, O. (1973), Mathematics of Computation 27, 339–344.
 */
export function polynomialRoots(coefficients: ArrayLike<number>): Complex[] {
  let m = coefficients.length - 1;
  while (m > 0 && coefficients[m] === 0) m--;
  if (m <= 0) return [];
  const c = Array.from({ length: m + 1 }, (_, i) => (coefficients[i] as number) / (coefficients[m] as number));
  let radius = 0;
  for (let i = 0; i < m; i++) radius = Math.max(radius, Math.abs(c[i] as number));
  radius = 1 + radius;
  const z: Complex[] = [];
  for (let k = 0; k < m; k++) {
    const ang = (2 * Math.PI * k) / m + 0.4;
    z.push([0.5 * radius * Math.cos(ang), 0.5 * radius * Math.sin(ang)]);
  }
  const evalPoly = (x: Complex): { f: Complex; df: Complex } => {
    let fr = c[m] as number;
    let fi = 0;
    let dr = 0;
    let di = 0;
    for (let i = m - 1; i >= 0; i--) {
      const ndr = dr * x[0] - di * x[1] + fr;
      const ndi = dr * x[1] + di * x[0] + fi;
      dr = ndr;
      di = ndi;
      const nfr = fr * x[0] - fi * x[1] + (c[i] as number);
      const nfi = fr * x[1] + fi * x[0];
      fr = nfr;
      fi = nfi;
    }
    return { f: [fr, fi], df: [dr, di] };
  };
  for (let iter = 0; iter < 500; iter++) {
    let maxStep = 0;
    for (let k = 0; k < m; k++) {
      const zk = z[k] as Complex;
      const { f, df } = evalPoly(zk);
      if (f[0] === 0 && f[1] === 0) continue;
      // ratio = f / f'
      const den = df[0] * df[0] + df[1] * df[1];
      const rr = (f[0] * df[0] + f[1] * df[1]) / den;
      const ri = (f[1] * df[0] - f[0] * df[1]) / den;
      let sr = 0;
      let si = 0;
      for (let j = 0; j < m; j++) {
        if (j === k) continue;
        const zj = z[j] as Complex;
        const dr = zk[0] - zj[0];
        const di = zk[1] - zj[1];
        const dd = dr * dr + di * di;
        sr += dr / dd;
        si += -di / dd;
      }
      // w = ratio / (1 − ratio·s)
      const br = 1 - (rr * sr - ri * si);
      const bi = -(rr * si + ri * sr);
      const bd = br * br + bi * bi;
      const wr = (rr * br + ri * bi) / bd;
      const wi = (ri * br - rr * bi) / bd;
      if (!Number.isFinite(wr) || !Number.isFinite(wi)) continue;
      z[k] = [zk[0] - wr, zk[1] - wi];
      maxStep = Math.max(maxStep, Math.hypot(wr, wi) / Math.max(1, Math.hypot(zk[0], zk[1])));
    }
    if (maxStep < 1e-15) break;
  }
  return z;
}

/**
 * Reflects the roots of 1 + θ_1 z + … + θ_q z^q that lie inside the unit circle (R `maInvert`):
 * gives the invertible MA polynomial with the same autocovariances (up to σ²).
 *
 * @param theta - MA coefficients
 * @returns the invertible coefficients (unchanged when already invertible)
 */
export function maInvert(theta: ArrayLike<number>): Float64Array {
  const q = theta.length;
  let q0 = q;
  while (q0 > 0 && theta[q0 - 1] === 0) q0--;
  const out = Float64Array.from({ length: q }, (_, i) => theta[i] as number);
  if (q0 === 0) return out;
  const roots = polynomialRoots([1, ...Array.from({ length: q0 }, (_, i) => theta[i] as number)]);
  if (roots.every((r) => Math.hypot(r[0], r[1]) >= 1)) return out;
  if (q0 === 1) {
    out[0] = 1 / (theta[0] as number);
    return out;
  }
  const fixed = roots.map((r): Complex => {
    const m2 = r[0] * r[0] + r[1] * r[1];
    return Math.sqrt(m2) < 1 ? [r[0] / m2, -r[1] / m2] : r;
  });
  // Π (1 − z / root_k), coefficients in increasing powers
  let poly: Complex[] = [[1, 0]];
  for (const r of fixed) {
    const m2 = r[0] * r[0] + r[1] * r[1];
    const inv: Complex = [r[0] / m2, -r[1] / m2];
    const next: Complex[] = poly.map((c): Complex => [c[0], c[1]]);
    next.push([0, 0]);
    for (let i = 0; i < poly.length; i++) {
      const c = poly[i] as Complex;
      const t = next[i + 1] as Complex;
      t[0] -= c[0] * inv[0] - c[1] * inv[1];
      t[1] -= c[0] * inv[1] + c[1] * inv[0];
    }
    poly = next;
  }
  for (let i = 0; i < q0; i++) out[i] = (poly[i + 1] as Complex)[0];
  return out;
}

/**
 * Smallest modulus of the roots of 1 − φ_1 z − … (sign −1, AR) or 1 + θ_1 z + … (sign +1, MA).
 *
 * @param coefficients - φ or θ
 * @param sign - −1 for an AR, +1 for an MA polynomial
 * @returns the smallest root modulus; +∞ for a constant polynomial
 */
export function minRootModulus(coefficients: ArrayLike<number>, sign: 1 | -1): number {
  const roots = polynomialRoots([
    1,
    ...Array.from({ length: coefficients.length }, (_, i) => sign * (coefficients[i] as number)),
  ]);
  let m = Number.POSITIVE_INFINITY;
  for (const r of roots) m = Math.min(m, Math.hypot(r[0], r[1]));
  return m;
}
