/**
 * Quasi-Newton minimisation for ARIMA estimation (拟牛顿优化), reproducing the behaviour of R
 * `optim(method = "BFGS")` as `stats::arima` calls it, so that estimates stop where R's stop:
 *
 * - Nash's variable-metric method (Nash 1990, Algorithm 21): BFGS update of an inverse-Hessian
 *   approximation B (reset to I when the search direction is not downhill, when the curvature
 *   condition fails, or after 2·n gradient evaluations without a reset); backtracking line search
 *   from step 1, factor 0.2, acceptance f ≤ f₀ + 10⁻⁴·step·gᵀd; a step is "no change" when every
 *   coordinate equals its old value at the 10 + x resolution; stop when the decrease is below
 *   reltol·(|f| + reltol) or when a restart from B = I makes no progress;
 * - parameters are optimised on the scale x / parscale, gradients are central differences with
 *   step ndeps = 10⁻³ on that scale (R `optim` defaults: reltol = √ε, maxit = 100);
 * - the Hessian is R's `optimhess`: central differences (step ndeps in original units) of the
 *   numerical gradient, symmetrised.
 *
 * @see Nash, J. C. (1990), Compact Numerical Methods for Computers, 2nd ed., Algorithm 21.
 * @see R `optim` (R 4.2.2), documentation of `method = "BFGS"`, `parscale`, `ndeps`, `optimHess`.
 */

/** Options of {@link bfgsMinimize}. */
export interface BfgsOptions {
  /** scale of each parameter (optimisation runs on x / parscale) @default 1 for each */
  readonly parscale?: ArrayLike<number>;
  /** finite-difference step on the scaled parameters @default 1e-3 */
  readonly ndeps?: number;
  /** relative convergence tolerance @default √(2.220446e-16) */
  readonly reltol?: number;
  /** iteration limit (gradient evaluations) @default 100 */
  readonly maxit?: number;
}

/** Result of {@link bfgsMinimize}. */
export interface BfgsResult {
  readonly par: Float64Array;
  readonly value: number;
  /** number of gradient evaluations ("iterations" in R's sense) */
  readonly iterations: number;
  readonly functionEvaluations: number;
  /** false when maxit was reached (R convergence code 1) */
  readonly converged: boolean;
  /** true when a numerical gradient was not finite (the run stopped there) */
  readonly nonFiniteGradient: boolean;
}

const SQRT_EPS = Math.sqrt(2.220446049250313e-16);

/** Central-difference gradient of f(x·s) with respect to the scaled x (R `optim` numerical gradient). */
function scaledGradient(
  fn: (x: Float64Array) => number,
  x: Float64Array,
  scale: Float64Array,
  ndeps: number,
): Float64Array {
  const n = x.length;
  const g = new Float64Array(n);
  const point = new Float64Array(n);
  for (let i = 0; i < n; i++) point[i] = (x[i] as number) * (scale[i] as number);
  for (let i = 0; i < n; i++) {
    const xi = x[i] as number;
    point[i] = (xi + ndeps) * (scale[i] as number);
    const f1 = fn(point);
    point[i] = (xi - ndeps) * (scale[i] as number);
    const f2 = fn(point);
    g[i] = (f1 - f2) / (2 * ndeps);
    point[i] = xi * (scale[i] as number);
  }
  return g;
}

/**
 * Minimises fn from x0 by Nash's BFGS with numerical gradients on the parscale scale (see module doc).
 *
 * @param fn - objective in original units (may return +∞ or a huge value where undefined)
 * @param x0 - start, original units
 * @throws {CoreError} never; a non-finite start value gives value = NaN and converged = false
 */
export function bfgsMinimize(
  fn: (x: Float64Array) => number,
  x0: ArrayLike<number>,
  options: BfgsOptions = {},
): BfgsResult {
  const n = x0.length;
  const scale = Float64Array.from({ length: n }, (_, i) => (options.parscale ? (options.parscale[i] as number) : 1));
  const ndeps = options.ndeps ?? 1e-3;
  const reltol = options.reltol ?? SQRT_EPS;
  const maxit = options.maxit ?? 100;
  const f = (xs: Float64Array): number => {
    const p = new Float64Array(n);
    for (let i = 0; i < n; i++) p[i] = (xs[i] as number) * (scale[i] as number);
    return fn(p);
  };
  const unscale = (xs: Float64Array): Float64Array => Float64Array.from(xs, (v, i) => v * (scale[i] as number));
  const b = Float64Array.from({ length: n }, (_, i) => (x0[i] as number) / (scale[i] as number));
  let value = f(b);
  if (!Number.isFinite(value)) {
    return {
      par: unscale(b),
      value: Number.NaN,
      iterations: 0,
      functionEvaluations: 1,
      converged: false,
      nonFiniteGradient: false,
    };
  }
  if (maxit <= 0 || n === 0) {
    return { par: unscale(b), value, iterations: 0, functionEvaluations: 1, converged: true, nonFiniteGradient: false };
  }
  let fmin = value;
  let funcount = 1;
  let gradcount = 1;
  let g = scaledGradient(fn, b, scale, ndeps);
  const finiteVec = (v: Float64Array): boolean => v.every((x) => Number.isFinite(x));
  if (!finiteVec(g)) {
    return { par: unscale(b), value, iterations: 1, functionEvaluations: 1, converged: false, nonFiniteGradient: true };
  }
  let iter = 1;
  let ilast = gradcount;
  const B = new Float64Array(n * n);
  const t = new Float64Array(n);
  const X = new Float64Array(n);
  const c = new Float64Array(n);
  const reltest = 10;
  const acctol = 1e-4;
  const stepredn = 0.2;
  let count = 0;
  do {
    if (ilast === gradcount) {
      B.fill(0);
      for (let i = 0; i < n; i++) B[i * n + i] = 1;
    }
    X.set(b);
    c.set(g);
    let gradproj = 0;
    // B is symmetric and kept in its lower triangle, as Nash's algorithm stores it (the same
    // floating-point operations as R, so the iterates agree to the last bit in practice)
    const bij = (i: number, j: number): number => (j <= i ? (B[i * n + j] as number) : (B[j * n + i] as number));
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s -= bij(i, j) * (g[j] as number);
      t[i] = s;
      gradproj += s * (g[i] as number);
    }
    if (gradproj < 0) {
      let steplength = 1;
      let accpoint = false;
      do {
        count = 0;
        for (let i = 0; i < n; i++) {
          b[i] = (X[i] as number) + steplength * (t[i] as number);
          if (reltest + (X[i] as number) === reltest + (b[i] as number)) count++;
        }
        if (count < n) {
          value = f(b);
          funcount++;
          accpoint = Number.isFinite(value) && value <= fmin + gradproj * steplength * acctol;
          if (!accpoint) steplength *= stepredn;
        }
      } while (!(count === n || accpoint));
      const enough = Math.abs(value - fmin) > reltol * (Math.abs(fmin) + reltol);
      if (!enough) {
        count = n;
        fmin = value;
      }
      if (count < n) {
        fmin = value;
        g = scaledGradient(fn, b, scale, ndeps);
        if (!finiteVec(g)) {
          return {
            par: unscale(b),
            value: fmin,
            iterations: gradcount,
            functionEvaluations: funcount,
            converged: false,
            nonFiniteGradient: true,
          };
        }
        gradcount++;
        iter++;
        let D1 = 0;
        for (let i = 0; i < n; i++) {
          t[i] = steplength * (t[i] as number);
          c[i] = (g[i] as number) - (c[i] as number);
          D1 += (t[i] as number) * (c[i] as number);
        }
        if (D1 > 0) {
          let D2 = 0;
          for (let i = 0; i < n; i++) {
            let s = 0;
            for (let j = 0; j < n; j++) s += bij(i, j) * (c[j] as number);
            X[i] = s;
            D2 += s * (c[i] as number);
          }
          D2 = 1 + D2 / D1;
          for (let i = 0; i < n; i++) {
            for (let j = 0; j <= i; j++) {
              B[i * n + j] =
                (B[i * n + j] as number) +
                (D2 * (t[i] as number) * (t[j] as number) -
                  (X[i] as number) * (t[j] as number) -
                  (t[i] as number) * (X[j] as number)) /
                  D1;
            }
          }
        } else {
          ilast = gradcount;
        }
      } else if (ilast < gradcount) {
        count = 0;
        ilast = gradcount;
      }
    } else {
      count = 0;
      if (ilast === gradcount) count = n;
      else ilast = gradcount;
    }
    if (iter >= maxit) break;
    if (gradcount - ilast > 2 * n) ilast = gradcount;
  } while (count !== n || ilast !== gradcount);
  return {
    par: unscale(b),
    value: fmin,
    iterations: gradcount,
    functionEvaluations: funcount,
    converged: iter < maxit,
    nonFiniteGradient: false,
  };
}

/**
 * Numerical Hessian in original units at x (R `optimHess` with the same parscale/ndeps): row i is the
 * central difference, step ndeps (original units), of the numerical gradient; returned symmetrised.
 *
 * @returns row-major n×n Hessian
 */
export function numericalHessian(
  fn: (x: Float64Array) => number,
  x: ArrayLike<number>,
  options: { readonly parscale?: ArrayLike<number>; readonly ndeps?: number } = {},
): Float64Array {
  const n = x.length;
  const scale = Float64Array.from({ length: n }, (_, i) => (options.parscale ? (options.parscale[i] as number) : 1));
  const ndeps = options.ndeps ?? 1e-3;
  const dpar = Float64Array.from({ length: n }, (_, i) => (x[i] as number) / (scale[i] as number));
  const H = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const eps = ndeps / (scale[i] as number);
    const base = dpar[i] as number;
    dpar[i] = base + eps;
    const g1 = scaledGradient(fn, dpar, scale, ndeps);
    dpar[i] = base - eps;
    const g2 = scaledGradient(fn, dpar, scale, ndeps);
    dpar[i] = base;
    for (let j = 0; j < n; j++) {
      H[i * n + j] = ((g1[j] as number) - (g2[j] as number)) / (2 * eps * (scale[i] as number) * (scale[j] as number));
    }
  }
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const s = 0.5 * ((H[i * n + j] as number) + (H[j * n + i] as number));
      H[i * n + j] = s;
      H[j * n + i] = s;
    }
  }
  return H;
}
