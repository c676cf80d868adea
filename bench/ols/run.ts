/**
 * OLS benchmark: our `ols` (src/core/econometrics/ols.ts: Householder QR with column pivoting,
 * Neumaier-compensated sums) against numpy and statsmodels in the same run, on the same float64 data.
 *
 *   npm run bench:ols                        # all cases, median of 5 after one warm-up
 *   npx tsx bench/ols/run.ts --repeats 7 --cases annual,1e4
 *   options: --repeats R (≥ 1; default 5), --cases id,id (annual, 1e4, 1e5, 1e6), --seed S,
 *            --python PATH (default /usr/bin/python3: Debian's numpy/scipy/statsmodels),
 *            --blas-threads N (sets OPENBLAS_NUM_THREADS/OMP_NUM_THREADS for the peers only),
 *            --no-peers, --no-write (do not write bench/results/ols-latest.json)
 *
 * Data (seeded, core xoshiro128**): x_ij = z_ij + 0.6·f_i (a common factor, so the regressors are
 * correlated, pairwise ρ ≈ 0.26) scaled by 10^(j/4 − 1); y = 1 + Σ_j β_j x_ij + (0.5 + |x_i1|)·ε_i
 * (heteroskedastic, so HC1 differs from classical), β_j = (−1)^j·(j + 1)/10^(j/4 − 1). The annual case
 * is 13 years × 2 regressors (a trend and one random series), fitted `calls` times per repetition so
 * the per-call overhead is measured. y and X are written as little-endian float64 files to a temp
 * folder and read by the peers (bench/ols/peers.py) with np.fromfile: the same bits on both sides.
 *
 * Timing: wall clock inside each process (performance.now / time.perf_counter), process start-up and
 * data generation excluded; one warm-up repetition (`calls` fits, so the JIT has tiered up even in
 * the 13×2 case), then `repeats` repetitions of `calls` fits; the median
 * time per fit is reported. TypeScript runs first, the peers afterwards (never concurrently).
 *
 * Agreement: max relative difference of the coefficients, max_j |β_j − β'_j| / max(|β'_j|, 1e-300),
 * of every peer against ours, and of statsmodels' standard errors against ours for the same
 * covariance type — so the timings compare the same computation.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type OlsCovarianceType, type OlsResult, ols } from "../../src/core/econometrics/ols.js";
import { type Matrix, matrix } from "../../src/core/linalg/matrix.js";
import { randomGenerator } from "../../src/core/random/xoshiro.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

interface CaseSpec {
  id: string;
  n: number;
  p: number;
  /** fits per timed repetition */
  calls: number;
  covs: OlsCovarianceType[];
}

const CASES: CaseSpec[] = [
  { id: "annual", n: 13, p: 2, calls: 2000, covs: ["classical", "hc1"] },
  { id: "1e4", n: 10_000, p: 10, calls: 20, covs: ["classical", "hc1"] },
  { id: "1e5", n: 100_000, p: 10, calls: 2, covs: ["classical", "hc1", "nw"] },
  { id: "1e6", n: 1_000_000, p: 10, calls: 1, covs: ["classical", "hc1"] },
];

interface Args {
  repeats: number;
  cases: string[];
  seed: number;
  python: string;
  blasThreads: string | undefined;
  peers: boolean;
  write: boolean;
}

function parseArgs(argv: string[]): Args {
  const a: Args = {
    repeats: 5,
    cases: CASES.map((c) => c.id),
    seed: 20261203,
    python: "/usr/bin/python3",
    blasThreads: undefined,
    peers: true,
    write: true,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--repeats") a.repeats = Number(argv[++i]);
    else if (arg === "--cases") a.cases = (argv[++i] ?? "").split(",");
    else if (arg === "--seed") a.seed = Number(argv[++i]);
    else if (arg === "--python") a.python = argv[++i] ?? a.python;
    else if (arg === "--blas-threads") a.blasThreads = argv[++i];
    else if (arg === "--no-peers") a.peers = false;
    else if (arg === "--no-write") a.write = false;
    else throw new Error(`unknown argument ${arg}`);
  }
  if (!(Number.isInteger(a.repeats) && a.repeats >= 1)) throw new Error("--repeats must be a positive integer");
  for (const id of a.cases) if (!CASES.some((c) => c.id === id)) throw new Error(`unknown case ${id}`);
  return a;
}

/** Seeded data for one case (see the module doc). */
function caseData(spec: CaseSpec, seed: number): { y: Float64Array; X: Matrix } {
  const { n, p } = spec;
  const rng = randomGenerator(seed + spec.n);
  const X = new Float64Array(n * p);
  const y = new Float64Array(n);
  if (spec.id === "annual") {
    for (let i = 0; i < n; i++) {
      X[i * p] = i + 1; // trend 1..13
      X[i * p + 1] = 5 + rng.normal();
      y[i] = 2 + 0.3 * (i + 1) + 0.8 * (X[i * p + 1] as number) + 0.5 * rng.normal();
    }
    return { y, X: matrix(n, p, X) };
  }
  const scale = Array.from({ length: p }, (_, j) => 10 ** (j / 4 - 1));
  const beta = Array.from({ length: p }, (_, j) => ((j % 2 === 0 ? 1 : -1) * (j + 1)) / (scale[j] as number));
  for (let i = 0; i < n; i++) {
    const f = rng.normal();
    let s = 1;
    for (let j = 0; j < p; j++) {
      const x = (rng.normal() + 0.6 * f) * (scale[j] as number);
      X[i * p + j] = x;
      s += (beta[j] as number) * x;
    }
    y[i] = s + (0.5 + Math.abs((X[i * p] as number) / (scale[0] as number))) * rng.normal();
  }
  return { y, X: matrix(n, p, X) };
}

const median = (v: number[]) => {
  const s = [...v].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

/** Milliseconds with 3 significant digits (µs for sub-millisecond figures). */
function fmt(t: number): string {
  if (t < 1) return `${(t * 1000).toPrecision(3)} µs`;
  if (t >= 1000) return `${(t / 1000).toPrecision(3)} s`;
  return `${t.toPrecision(3)} ms`;
}

function maxRel(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let j = 0; j < a.length; j++) {
    const d = Math.abs((a[j] as number) - (b[j] as number)) / Math.max(Math.abs(b[j] as number), 1e-300);
    m = Math.max(m, d);
  }
  return m;
}

interface Row {
  impl: string;
  cov: string | null;
  /** wall clock, ms per fit, one entry per repetition */
  times: number[];
  /** CPU time of the process (user + system, all threads), ms per fit */
  cpu: number[];
  params: number[];
  bse?: number[];
  fvalue?: number;
}

interface CaseOut {
  id: string;
  n: number;
  p: number;
  calls: number;
  nwLags: number | null;
  rows: Row[];
}

function timeOurs(spec: CaseSpec, y: Float64Array, X: Matrix, se: OlsCovarianceType, repeats: number): Row {
  let r: OlsResult = ols(y, X, { se });
  for (let c = 1; c < spec.calls; c++) r = ols(y, X, { se }); // warm-up: one repetition's worth of fits
  const times: number[] = [];
  const cpu: number[] = [];
  for (let rep = 0; rep < repeats; rep++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (let c = 0; c < spec.calls; c++) r = ols(y, X, { se });
    times.push((performance.now() - t0) / spec.calls);
    const dc = process.cpuUsage(c0);
    cpu.push((dc.user + dc.system) / 1000 / spec.calls);
  }
  process.stderr.write(`[ols] ${spec.id} ours ${se}: median ${fmt(median(times))}\n`);
  return {
    impl: "ours",
    cov: se,
    times,
    cpu,
    params: r.coefficients.map((c) => c.estimate),
    bse: r.coefficients.map((c) => c.stdError),
    ...(r.fStatistic === null ? {} : { fvalue: r.fStatistic }),
  };
}

const SUP: Record<number, string> = { 4: "⁴", 5: "⁵", 6: "⁶" };

const LABELS: Record<string, string> = {
  ours: "ours `ols`",
  numpy_lstsq: "numpy `lstsq` (SVD, β only)",
  numpy_qr: "numpy `qr` + `solve_triangular` (β only)",
  statsmodels: "statsmodels `OLS.fit()` (pinv)",
  statsmodels_qr: "statsmodels `OLS.fit(method='qr')`",
};

function report(args: Args, out: CaseOut[], info: Record<string, unknown> | undefined, loads: number[][]): string {
  const cpuModel =
    readFileSync("/proc/cpuinfo", "utf8")
      .split("\n")
      .find((l) => l.startsWith("model name"))
      ?.split(":")[1]
      ?.trim() ?? cpus()[0]?.model;
  const fl = (l: number[] | undefined) => (l ?? []).map((v) => v.toFixed(1)).join(" ");
  const blas =
    (info?.blas as string[] | undefined)
      ?.filter((p) => !p.includes("cpython"))
      .map((p) => p.split("/").pop())
      .join(", ") ?? "?";
  const L: string[] = [];
  L.push(
    `machine: ${cpus().length} × ${cpuModel}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB; load average (1/5/15 min) ` +
      `${fl(loads[0])} at start, ${fl(loads[1])} after TypeScript, ${fl(loads[2])} at end; ` +
      `${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC; node ${process.version}; ` +
      (info === undefined
        ? "peers not run"
        : `Python ${String(info.python)} (${String(info.executable)}), numpy ${String(info.numpy)}, scipy ${String(info.scipy)}, ` +
          `statsmodels ${String(info.statsmodels)}; BLAS ${blas}; OPENBLAS_NUM_THREADS=${args.blasThreads ?? "unset"}`),
  );
  L.push("");
  L.push(
    `Median time per fit of ${args.repeats} repetitions after one warm-up repetition (seed ${args.seed}); ` +
      "“Δβ” = max relative difference of the coefficients from ours, “Δse” = of the standard errors " +
      "(same covariance type); ratio = ours ÷ peer for the same covariance type (numpy: ours classical ÷ numpy), " +
      "by wall-clock medians and by CPU-time medians (process CPU time, all threads: less sensitive to other " +
      "processes on a loaded machine, but it adds up OpenBLAS's threads).",
  );
  L.push("");
  L.push(
    "| case | implementation | cov | median / fit | runs (ms / fit) | CPU / fit | Δβ | Δse | ours ÷ this (wall) | ours ÷ this (CPU) |",
  );
  L.push("|---|---|---|---:|---|---:|---:|---:|---:|---:|");
  for (const c of out) {
    const ours = new Map(c.rows.filter((r) => r.impl === "ours").map((r) => [r.cov, r]));
    const caseLabel =
      c.id === "annual" ? `13×2 (annual, ${c.calls} fits/run)` : `10${SUP[Math.log10(c.n)] ?? ""}×${c.p}`;
    for (const r of c.rows) {
      const ref = r.impl === "ours" ? undefined : (ours.get(r.cov ?? "classical") ?? ours.get("classical"));
      const med = median(r.times);
      const ratio = ref === undefined ? "—" : `${(median(ref.times) / med).toFixed(2)}×`;
      const cpuRatio = ref === undefined ? "—" : `${(median(ref.cpu) / median(r.cpu)).toFixed(2)}×`;
      const db = ref === undefined ? "—" : maxRel(r.params, ref.params).toExponential(1);
      const ds = ref === undefined || r.bse === undefined ? "—" : maxRel(r.bse, ref.bse ?? []).toExponential(1);
      const cov = r.cov === "nw" ? `nw (L = ${c.nwLags})` : (r.cov ?? "—");
      const runs = r.times.map((t) => (t < 1 ? t.toFixed(4) : t < 100 ? t.toFixed(2) : t.toFixed(0))).join(", ");
      L.push(
        `| ${caseLabel} | ${LABELS[r.impl] ?? r.impl} | ${cov} | **${fmt(med)}** | ${runs} | ${fmt(median(r.cpu))} | ${db} | ${ds} | ${ratio} | ${cpuRatio} |`,
      );
    }
  }
  return `${L.join("\n")}\n`;
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const specs = CASES.filter((c) => args.cases.includes(c.id));
  const dir = mkdtempSync(join(tmpdir(), "shushi-bench-ols-"));
  const loads: number[][] = [loadavg()];
  try {
    const out: CaseOut[] = [];
    const job = { repeats: args.repeats, cases: [] as Record<string, unknown>[] };
    for (const spec of specs) {
      const { y, X } = caseData(spec, args.seed);
      const yPath = join(dir, `${spec.id}-y.f64`);
      const xPath = join(dir, `${spec.id}-X.f64`);
      writeFileSync(yPath, new Uint8Array(y.buffer, y.byteOffset, y.byteLength));
      writeFileSync(xPath, new Uint8Array(X.data.buffer, X.data.byteOffset, X.data.byteLength));
      const nwLags = spec.covs.includes("nw") ? Math.floor(4 * (spec.n / 100) ** (2 / 9)) : null;
      job.cases.push({ id: spec.id, n: spec.n, p: spec.p, calls: spec.calls, y: yPath, X: xPath, nwLags });
      const rows = spec.covs.map((se) => timeOurs(spec, y, X, se, args.repeats));
      out.push({ id: spec.id, n: spec.n, p: spec.p, calls: spec.calls, nwLags, rows });
    }
    loads.push(loadavg());
    let info: Record<string, unknown> | undefined;
    if (args.peers) {
      writeFileSync(join(dir, "job.json"), JSON.stringify(job));
      const env = { ...process.env };
      if (args.blasThreads !== undefined) {
        env.OPENBLAS_NUM_THREADS = args.blasThreads;
        env.OMP_NUM_THREADS = args.blasThreads;
      }
      process.stderr.write(`[ols] peers (${args.python}) …\n`);
      const r = spawnSync(args.python, [join(ROOT, "bench/ols/peers.py"), join(dir, "job.json")], {
        encoding: "utf8",
        env,
        stdio: ["ignore", "pipe", "inherit"],
        maxBuffer: 64 * 1024 * 1024,
      });
      if (r.status !== 0) throw new Error(`peers failed (status ${r.status})`);
      const peers = JSON.parse(r.stdout) as { info: Record<string, unknown>; cases: { id: string; rows: Row[] }[] };
      info = peers.info;
      for (const pc of peers.cases) out.find((c) => c.id === pc.id)?.rows.push(...pc.rows);
    }
    loads.push(loadavg());
    const text = report(args, out, info, loads);
    process.stdout.write(text);
    if (args.write) {
      mkdirSync(join(ROOT, "bench/results"), { recursive: true });
      const json = {
        date: new Date().toISOString(),
        node: process.version,
        machine: { cpus: cpus().length, model: cpus()[0]?.model, memGiB: totalmem() / 2 ** 30 },
        loadavg: loads,
        args,
        peers: info,
        cases: out.map((c) => ({
          ...c,
          rows: c.rows.map((r) => ({ ...r, medianMs: median(r.times), medianCpuMs: median(r.cpu) })),
        })),
      };
      writeFileSync(join(ROOT, "bench/results/ols-latest.json"), `${JSON.stringify(json, null, 1)}\n`);
      process.stderr.write("[ols] wrote bench/results/ols-latest.json\n");
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
