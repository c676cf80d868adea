/**
 * Convergence diagnostics of simulation draws (MCMC 收敛诊断): the rank-normalised split R̂ and the bulk
 * and tail effective sample sizes of Vehtari, Gelman, Simpson, Carpenter & Bürkner (2021), computed as
 * the R package posterior (1.4.0) computes them — `rhat`, `ess_bulk`, `ess_tail`, `rhat_basic`,
 * `ess_basic` — and verified against it (test/reference/r-posterior-convergence).
 *
 * Conventions (posterior's): chains are split in halves (an odd length drops the middle draw); ranks
 * are taken over all draws with ties averaged and mapped to normal scores Φ⁻¹((r − 3/8)/(S + 1/4));
 * autocovariances are the biased estimate (divisor n) per chain; the autocorrelation sum is Geyer's
 * initial positive sequence made monotone, and τ̂ is bounded below by 1/log₁₀(S) (the bound that keeps
 * the ESS of antithetic chains finite). A statistic that posterior returns as NA (a non-finite draw, or
 * all draws equal within machine epsilon, or fewer than 3 iterations for an ESS) is null here.
 */
import { CoreError } from "../errors.js";
import { averageRanks } from "../stats/rank-correlation.js";
import { normalQuantile } from "./arima.js";

/** Draws as chains: one array per chain, all of the same length. */
export type Chains = readonly ArrayLike<number>[];

export interface ConvergenceDiagnostics {
  /** max of the rank-normalised split R̂ of the draws and of the folded draws |x − median| */
  readonly rhat: number | null;
  /** ESS of the rank-normalised split chains */
  readonly essBulk: number | null;
  /** the smaller ESS of the indicators x ≤ q₀.₀₅ and x ≤ q₀.₉₅ */
  readonly essTail: number | null;
  /** split R̂ without rank normalisation */
  readonly rhatBasic: number | null;
  /** ESS of the split chains without rank normalisation */
  readonly essBasic: number | null;
  /** τ̂ hit its lower bound 1/log₁₀(S) in the bulk ESS (anti-correlated draws) */
  readonly essCapped: boolean;
  readonly chains: number;
  readonly iterations: number;
}

type Matrix = Float64Array[];

function validate(chains: Chains, fn: string): Matrix {
  if (chains.length === 0)
    throw new CoreError("too_few_observations", { function: fn, argument: "chains", received: 0, required: 1 });
  const n = chains[0]?.length ?? 0;
  if (n === 0)
    throw new CoreError("too_few_observations", { function: fn, argument: "chains", received: 0, required: 1 });
  return chains.map((c, j) => {
    if (c.length !== n)
      throw new CoreError("dimension_mismatch", {
        function: fn,
        argument: "chains",
        chain: j,
        expected: n,
        received: c.length,
      });
    return Float64Array.from(c);
  });
}

/** posterior's `.split_chains`: halves of each chain (odd length: the middle draw left out). */
function split(x: Matrix): Matrix {
  const n = x[0]?.length ?? 0;
  if (n === 1) return x;
  const half = n / 2;
  const first = Math.floor(half);
  const secondStart = Math.ceil(half + 1) - 1;
  return x.flatMap((c) => [c.slice(0, first), c.slice(secondStart)]);
}

function flat(x: Matrix): Float64Array {
  const n = x[0]?.length ?? 0;
  const out = new Float64Array(n * x.length);
  x.forEach((c, j) => {
    out.set(c, j * n);
  });
  return out;
}

function reshape(v: Float64Array, chains: number): Matrix {
  const n = v.length / chains;
  return Array.from({ length: chains }, (_, j) => v.slice(j * n, (j + 1) * n));
}

/** posterior's `should_return_NA`: a non-finite draw, or max − min below machine epsilon. */
function degenerate(x: Matrix): boolean {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const c of x)
    for (const v of c) {
      if (!Number.isFinite(v)) return true;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  return Math.abs(hi - lo) < Number.EPSILON;
}

/** posterior's `z_scale`: normal scores of the ranks over all draws (ties averaged, c = 3/8). */
function zScale(x: Matrix): Matrix {
  const all = flat(x);
  const r = averageRanks(all);
  const S = all.length;
  const z = new Float64Array(S);
  for (let i = 0; i < S; i++) z[i] = normalQuantile(((r[i] as number) - 0.375) / (S - 0.75 + 1));
  return reshape(z, x.length);
}

function mean(v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] as number;
  return s / v.length;
}

/** sample variance (divisor n − 1), as R `var` */
function sampleVariance(v: ArrayLike<number>, m = mean(v)): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += ((v[i] as number) - m) ** 2;
  return s / (v.length - 1);
}

/** posterior's `.rhat` on already-split chains. */
function rhatOf(x: Matrix): number | null {
  if (degenerate(x)) return null;
  const n = x[0]?.length ?? 0;
  const means = x.map((c) => mean(c));
  const within = mean(x.map((c, j) => sampleVariance(c, means[j])));
  const between = n * sampleVariance(means);
  return Math.sqrt((between / within + n - 1) / n);
}

/** posterior's `.ess` on already-split chains; `capped` when τ̂ hit 1/log₁₀(S). */
function essOf(x: Matrix): { ess: number; capped: boolean } | null {
  const m = x.length;
  const n = x[0]?.length ?? 0;
  if (n < 3 || degenerate(x)) return null;
  const centred = x.map((c) => {
    const mu = mean(c);
    return c.map((v) => v - mu);
  });
  const cache = new Map<number, number>();
  // mean over chains of the biased autocovariance at lag k (posterior's `acov_means[k + 1]`)
  const acov = (k: number): number => {
    const hit = cache.get(k);
    if (hit !== undefined) return hit;
    let total = 0;
    for (const c of centred) {
      let s = 0;
      for (let i = 0; i + k < n; i++) s += (c[i] as number) * (c[i + k] as number);
      total += s / n;
    }
    const v = total / m;
    cache.set(k, v);
    return v;
  };
  const meanVar = (acov(0) * n) / (n - 1);
  let varPlus = (meanVar * (n - 1)) / n;
  if (m > 1) varPlus += sampleVariance(x.map((c) => mean(c)));
  const rho = new Float64Array(n);
  let t = 0;
  let even = 1;
  rho[0] = even;
  let odd = 1 - (meanVar - acov(1)) / varPlus;
  rho[1] = odd;
  while (t < n - 5 && !Number.isNaN(even + odd) && even + odd > 0) {
    t += 2;
    even = 1 - (meanVar - acov(t)) / varPlus;
    odd = 1 - (meanVar - acov(t + 1)) / varPlus;
    if (even + odd >= 0) {
      rho[t] = even;
      rho[t + 1] = odd;
    }
  }
  const maxT = t;
  if (even > 0) rho[maxT] = even;
  // Geyer's initial monotone sequence
  t = 0;
  while (t <= maxT - 4) {
    t += 2;
    if ((rho[t] as number) + (rho[t + 1] as number) > (rho[t - 2] as number) + (rho[t - 1] as number)) {
      rho[t] = ((rho[t - 2] as number) + (rho[t - 1] as number)) / 2;
      rho[t + 1] = rho[t] as number;
    }
  }
  const S = m * n;
  let sum = 0;
  for (let i = 0; i < maxT; i++) sum += rho[i] as number;
  let tau = -1 + 2 * sum + (rho[maxT] as number);
  const bound = 1 / Math.log10(S);
  const capped = tau < bound;
  if (capped) tau = bound;
  return { ess: S / tau, capped };
}

/** R `quantile(x, p)` (type 7) of the values. */
function quantile7(values: Float64Array, p: number): number {
  const s = Float64Array.from(values).sort();
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return (s[lo] as number) + (h - lo) * ((s[hi] as number) - (s[lo] as number));
}

function median(values: Float64Array): number {
  return quantile7(values, 0.5);
}

/**
 * R̂, bulk and tail ESS of simulation draws (收敛诊断：R̂ 与有效样本量), as posterior 1.4.0.
 * @param chains - one array of draws per chain, equal lengths ≥ 1
 * @returns the diagnostics; a statistic posterior gives as NA is null
 * @throws {CoreError} too_few_observations (no chain or empty chains); dimension_mismatch (unequal lengths)
 * @example
 * convergenceDiagnostics([[0.1, -0.3, 0.8, 1.2], [0.4, 0.2, -0.9, 0.5]]).rhat; // split R̂ of 4 half-chains
 * @see Vehtari, A., Gelman, A., Simpson, D., Carpenter, B., Bürkner, P.-C. (2021), Bayesian Analysis
 *   16(2), 667–718; Geyer, C. J. (1992), "Practical Markov chain Monte Carlo", Statistical Science 7(4).
 */
export function convergenceDiagnostics(chains: Chains): ConvergenceDiagnostics {
  const x = validate(chains, "convergenceDiagnostics");
  const all = flat(x);
  const splitX = split(x);
  const finite = !degenerate(x);
  const bulk = finite ? essOf(zScale(splitX)) : null;
  let rhat: number | null = null;
  if (finite) {
    const med = median(all);
    const folded = x.map((c) => c.map((v) => Math.abs(v - med)));
    const a = rhatOf(zScale(splitX));
    const b = degenerate(folded) ? null : rhatOf(zScale(split(folded)));
    rhat = a === null || b === null ? null : Math.max(a, b); // R: max(NA, ·) is NA
  }
  const tail = (p: number): number | null => {
    if (!finite) return null;
    const q = quantile7(all, p);
    return essOf(split(x.map((c) => c.map((v) => (v <= q ? 1 : 0)))))?.ess ?? null;
  };
  const q05 = tail(0.05);
  const q95 = tail(0.95);
  const basic = essOf(splitX);
  return {
    rhat,
    essBulk: bulk?.ess ?? null,
    essTail: q05 === null || q95 === null ? null : Math.min(q05, q95),
    rhatBasic: rhatOf(splitX),
    essBasic: basic?.ess ?? null,
    essCapped: bulk?.capped ?? false,
    chains: x.length,
    iterations: x[0]?.length ?? 0,
  };
}
