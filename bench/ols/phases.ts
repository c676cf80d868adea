/**
 * Historical record — this replays the algorithm `ols` used before it was rewritten without an
 * explicit Q (column-major design, `qrDecomposeColumnMajor`, shared covariance sandwich); it measured
 * where the time went then (qrQ and the fitted values dominated), which motivated the rewrite. It no
 * longer describes ols.ts; `npm run bench:ols` times the current engine.
 *
 * Where the time of `ols` went: the steps of src/core/econometrics/ols.ts (as of the earlier commit) replayed
 * one by one through the same public linalg and summation functions, each timed, on the bench data.
 * Read-only with respect to ols.ts — if that file changes, this replay must be checked against it
 * (the coefficients and the HC1 standard errors are compared with `ols` itself at the end).
 *
 *   npx tsx bench/ols/phases.ts                 # n = 10⁶, k = 10 + intercept, HC1, median of 3
 *   npx tsx bench/ols/phases.ts --n 100000 --repeats 5
 *
 * Phases: design (finite checks, [1, X] row-major copy); qrDecompose (column-major copy, pivoted
 * Householder QR with compensated inner products); qrSolve (Qᵀy by the reflectors, back substitution);
 * qrQ (explicit n×k Q₁, then transposed to row-major); fitted+residuals (Q₁ᵀy column by column with a
 * column copy, ŷ_i = q_i·Q₁ᵀy per row, RSS and TSS: all compensated); meat HC1 (Σ w_i q_i q_iᵀ);
 * rest (R⁻¹, sandwich, permutation, F test, Jacobi SVD of R — O(k³), negligible).
 */
import { ols } from "../../src/core/econometrics/ols.js";
import { matrix } from "../../src/core/linalg/matrix.js";
import { qrDecompose, qrQ, qrSolve } from "../../src/core/linalg/qr.js";
import { randomGenerator } from "../../src/core/random/xoshiro.js";
import { neumaierDot, neumaierSum } from "../../src/core/stats/summation.js";

const argv = process.argv.slice(2);
const opt = (name: string, d: number) => {
  const i = argv.indexOf(name);
  return i < 0 ? d : Number(argv[i + 1]);
};
const n = opt("--n", 1_000_000);
const p = 10;
const repeats = opt("--repeats", 3);

// the same generator as run.ts (non-annual cases)
const rng = randomGenerator(20261203 + n);
const Xd = new Float64Array(n * p);
const y = new Float64Array(n);
const scale = Array.from({ length: p }, (_, j) => 10 ** (j / 4 - 1));
const beta0 = Array.from({ length: p }, (_, j) => ((j % 2 === 0 ? 1 : -1) * (j + 1)) / (scale[j] as number));
for (let i = 0; i < n; i++) {
  const f = rng.normal();
  let s = 1;
  for (let j = 0; j < p; j++) {
    const x = (rng.normal() + 0.6 * f) * (scale[j] as number);
    Xd[i * p + j] = x;
    s += (beta0[j] as number) * x;
  }
  y[i] = s + (0.5 + Math.abs((Xd[i * p] as number) / (scale[0] as number))) * rng.normal();
}
const X = matrix(n, p, Xd);

const PHASES = ["design", "qrDecompose", "qrSolve", "qrQ", "fitted+residuals", "meat HC1", "rest"] as const;
type Phase = (typeof PHASES)[number];

function replay(): { t: Record<Phase, number>; beta: Float64Array; se: Float64Array } {
  const t = {} as Record<Phase, number>;
  let t0 = performance.now();
  const lap = (ph: Phase) => {
    const now = performance.now();
    t[ph] = now - t0;
    t0 = now;
  };
  const k = p + 1;
  for (let i = 0; i < n; i++) if (!Number.isFinite(y[i] as number)) throw new Error("y");
  const d = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    d[i * k] = 1;
    for (let j = 0; j < p; j++) {
      const x = Xd[i * p + j] as number;
      if (!Number.isFinite(x)) throw new Error("X");
      d[i * k + 1 + j] = x;
    }
  }
  lap("design");
  const f = qrDecompose(matrix(n, k, d), { pivoting: true });
  lap("qrDecompose");
  const beta = qrSolve(f, y).x;
  lap("qrSolve");
  const Q = qrQ(f).data;
  lap("qrQ");
  const qty = new Float64Array(k);
  const col = new Float64Array(n);
  for (let j = 0; j < k; j++) {
    for (let i = 0; i < n; i++) col[i] = Q[i * k + j] as number;
    qty[j] = neumaierDot(col, y);
  }
  const fitted = new Float64Array(n);
  const residuals = new Float64Array(n);
  const sq = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    fitted[i] = neumaierDot(Q.subarray(i * k, (i + 1) * k), qty);
    residuals[i] = (y[i] as number) - (fitted[i] as number);
    sq[i] = (residuals[i] as number) ** 2;
  }
  const rss = neumaierSum(sq);
  const mean = neumaierSum(y) / n;
  for (let i = 0; i < n; i++) sq[i] = ((y[i] as number) - mean) ** 2;
  neumaierSum(sq);
  lap("fitted+residuals");
  const dfResid = n - k;
  const meat = new Float64Array(k * k);
  for (let i = 0; i < n; i++) {
    const w = ((residuals[i] as number) ** 2 * n) / dfResid;
    for (let a = 0; a < k; a++) {
      const qa = w * (Q[i * k + a] as number);
      for (let b = 0; b <= a; b++) meat[a * k + b] = (meat[a * k + b] as number) + qa * (Q[i * k + b] as number);
    }
  }
  for (let a = 0; a < k; a++) for (let b = a + 1; b < k; b++) meat[a * k + b] = meat[b * k + a] as number;
  lap("meat HC1");
  // R⁻¹ and the sandwich R⁻¹ M R⁻ᵀ, un-permuted (diagonal only is needed for the check)
  const rt = f.qrTransposed.data;
  const Rinv = new Float64Array(k * k);
  for (let c = 0; c < k; c++) {
    for (let i = c; i >= 0; i--) {
      let s = i === c ? 1 : 0;
      for (let j = i + 1; j <= c; j++) s -= (rt[j * n + i] as number) * (Rinv[j * k + c] as number);
      Rinv[i * k + c] = s / (rt[i * n + i] as number);
    }
  }
  const se = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    let v = 0;
    for (let a = i; a < k; a++)
      for (let b = i; b < k; b++)
        v += (Rinv[i * k + a] as number) * (meat[a * k + b] as number) * (Rinv[i * k + b] as number);
    se[f.permutation[i] as number] = Math.sqrt(v);
  }
  lap("rest");
  void rss;
  return { t, beta, se };
}

const runs: Record<Phase, number>[] = [];
replay(); // warm-up
let last: ReturnType<typeof replay> | undefined;
for (let r = 0; r < repeats; r++) {
  last = replay();
  runs.push(last.t);
}
const med = (v: number[]) => {
  const s = [...v].sort((a, b) => a - b);
  return s[s.length >> 1] as number;
};
const t0 = performance.now();
const ref = ols(y, X, { se: "hc1" });
const whole = performance.now() - t0;
const medians = PHASES.map((ph) => med(runs.map((r) => r[ph])));
const total = medians.reduce((a, b) => a + b, 0);
const lines = [
  `n = ${n}, k = ${p} + intercept, HC1; median of ${repeats} replays after a warm-up; one direct \`ols\` call: ${whole.toFixed(0)} ms; ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`,
  "",
  "| phase | ms | share |",
  "|---|---:|---:|",
  ...PHASES.map(
    (ph, i) =>
      `| ${ph} | ${(medians[i] as number).toFixed(0)} | ${((100 * (medians[i] as number)) / total).toFixed(0)} % |`,
  ),
  `| total | ${total.toFixed(0)} | 100 % |`,
];
let db = 0;
let ds = 0;
if (last !== undefined) {
  ref.coefficients.forEach((c, j) => {
    db = Math.max(db, Math.abs(c.estimate - (last.beta[j] as number)) / Math.abs(c.estimate));
    ds = Math.max(ds, Math.abs(c.stdError - (last.se[j] as number)) / c.stdError);
  });
}
lines.push("", `replay vs \`ols\`: max rel. diff β ${db.toExponential(1)}, HC1 se ${ds.toExponential(1)}`);
process.stdout.write(`${lines.join("\n")}\n`);
