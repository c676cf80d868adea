/**
 * ARIMA / ARIMAX benchmark: our `arima` + `forecastArima` and `autoArima`
 * (src/core/econometrics/arima.ts, arima-auto.ts) against statsmodels SARIMAX and R forecast
 * (`Arima`, `auto.arima`) in the same run, on the same float64 data.
 *
 *   npm run bench:arimax                         # all cases, median of 5 after one warm-up
 *   npx tsx bench/arimax/run.ts --repeats 7 --cases a30-110,m240-211
 *   options: --repeats R (≥ 1; default 5), --cases id,id, --seed S,
 *            --python PATH (default /usr/bin/python3: Debian's statsmodels 0.13.5),
 *            --rscript PATH (default Rscript; skipped when `library(forecast)` fails),
 *            --no-python, --no-r, --no-write (do not write bench/results/arimax-latest.json),
 *            --data-dir DIR (keep the data and job files there, for checks with other tools)
 *
 * Cases (seeded, core xoshiro128**; every series is simulated as regression with ARIMA errors,
 * y_t = β'x_t + η_t, with the error order that is then fitted):
 * - a{30,60}-110: annual, ARIMA(1,1,0) errors (φ = 0.5), one I(1) regressor (a log-level with drift);
 * - a{30,60}-200: annual, "Lake Huron": level 579 + trend −0.02·(year − 1920) + AR(2) errors
 *   (φ = 1.0, −0.29), xreg = year − 1920, intercept estimated (d = 0);
 * - m{240,600}-211: monthly, ARIMA(2,1,1) errors (φ = 0.5, −0.3; θ = 0.4), two regressors (an I(1)
 *   series and a 12-month sine), non-seasonal model;
 * - auto60: `autoArima(y, {xreg})` on the a60-110 data vs R `forecast::auto.arima(y, xreg = X)`
 *   (statsmodels has no auto.arima; pmdarima is not installed).
 * X has n + 12 rows: the last 12 are the future regressors of the 12-step forecast.
 *
 * Timed unit: one fit + 12-step forecast with the future regressors (ours: `arima` with the default
 * CSS-ML, also `method: "ML"`; statsmodels: `SARIMAX(y, exog, order, trend="n").fit(disp=False)` with
 * a constant column in exog when d = 0, then `get_forecast(12, exog)` mean and 95 % interval;
 * R: `forecast::Arima(y, order, xreg)` + `forecast(fit, h = 12, xreg)`).
 * Timing: wall clock inside each process (performance.now / perf_counter / system.time), start-up and
 * data generation excluded; one warm-up repetition of `calls` fits, then `repeats` repetitions; the
 * median time per fit is reported. TypeScript first, then Python, then R (never concurrently).
 *
 * Agreement: log-likelihood of each, max relative difference of the coefficients from ours (same
 * order: ar…, ma…, intercept, xreg…), of the 12-step forecast means, and statsmodels' log-likelihood
 * evaluated at OUR estimates (so an optimiser difference can be told from a likelihood difference).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type ArimaMethod, type ArimaResult, arima, forecastArima } from "../../src/core/econometrics/arima.js";
import { type AutoArimaResult, autoArima } from "../../src/core/econometrics/arima-auto.js";
import { type Matrix, matrix } from "../../src/core/linalg/matrix.js";
import { randomGenerator } from "../../src/core/random/xoshiro.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const H = 12;

type Kind = "fit" | "auto";
interface CaseSpec {
  id: string;
  kind: Kind;
  /** data set generator */
  data: "110" | "200" | "211";
  n: number;
  order: [number, number, number];
  /** fits per timed repetition */
  calls: number;
  label: string;
}

const CASES: CaseSpec[] = [
  { id: "a30-110", kind: "fit", data: "110", n: 30, order: [1, 1, 0], calls: 20, label: "annual n=30, (1,1,0)+1 xreg" },
  { id: "a60-110", kind: "fit", data: "110", n: 60, order: [1, 1, 0], calls: 20, label: "annual n=60, (1,1,0)+1 xreg" },
  {
    id: "a30-200",
    kind: "fit",
    data: "200",
    n: 30,
    order: [2, 0, 0],
    calls: 20,
    label: "annual n=30, (2,0,0)+mean+trend",
  },
  {
    id: "a60-200",
    kind: "fit",
    data: "200",
    n: 60,
    order: [2, 0, 0],
    calls: 20,
    label: "annual n=60, (2,0,0)+mean+trend",
  },
  {
    id: "m240-211",
    kind: "fit",
    data: "211",
    n: 240,
    order: [2, 1, 1],
    calls: 5,
    label: "monthly n=240, (2,1,1)+2 xreg",
  },
  {
    id: "m600-211",
    kind: "fit",
    data: "211",
    n: 600,
    order: [2, 1, 1],
    calls: 3,
    label: "monthly n=600, (2,1,1)+2 xreg",
  },
  { id: "auto60", kind: "auto", data: "110", n: 60, order: [1, 1, 0], calls: 3, label: "auto.arima n=60, 1 xreg" },
];

interface Args {
  repeats: number;
  cases: string[];
  seed: number;
  python: string;
  rscript: string;
  py: boolean;
  r: boolean;
  write: boolean;
  /** keep the float64 files (and job files) in this folder instead of a deleted temp folder */
  dataDir: string | undefined;
}

function parseArgs(argv: string[]): Args {
  const a: Args = {
    repeats: 5,
    cases: CASES.map((c) => c.id),
    seed: 20261203,
    python: "/usr/bin/python3",
    rscript: "Rscript",
    py: true,
    r: true,
    write: true,
    dataDir: undefined,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--repeats") a.repeats = Number(argv[++i]);
    else if (arg === "--cases") a.cases = (argv[++i] ?? "").split(",");
    else if (arg === "--seed") a.seed = Number(argv[++i]);
    else if (arg === "--python") a.python = argv[++i] ?? a.python;
    else if (arg === "--rscript") a.rscript = argv[++i] ?? a.rscript;
    else if (arg === "--no-python") a.py = false;
    else if (arg === "--no-r") a.r = false;
    else if (arg === "--no-write") a.write = false;
    else if (arg === "--data-dir") a.dataDir = argv[++i];
    else throw new Error(`unknown argument ${arg}`);
  }
  if (!(Number.isInteger(a.repeats) && a.repeats >= 1)) throw new Error("--repeats must be a positive integer");
  for (const id of a.cases) if (!CASES.some((c) => c.id === id)) throw new Error(`unknown case ${id}`);
  return a;
}

/** ARMA(φ, θ) innovations filter with a burn-in of 100 values. */
function armaPath(
  rng: ReturnType<typeof randomGenerator>,
  len: number,
  phi: number[],
  theta: number[],
  sigma: number,
): Float64Array {
  const burn = 100;
  const w = new Float64Array(len + burn);
  const e = new Float64Array(len + burn);
  for (let t = 0; t < len + burn; t++) {
    e[t] = sigma * rng.normal();
    let v = e[t] as number;
    for (let i = 0; i < phi.length; i++) if (t - i - 1 >= 0) v += (phi[i] as number) * (w[t - i - 1] as number);
    for (let j = 0; j < theta.length; j++) if (t - j - 1 >= 0) v += (theta[j] as number) * (e[t - j - 1] as number);
    w[t] = v;
  }
  return w.subarray(burn);
}

function cumsum(w: Float64Array): Float64Array {
  const out = new Float64Array(w.length);
  let s = 0;
  for (let t = 0; t < w.length; t++) {
    s += w[t] as number;
    out[t] = s;
  }
  return out;
}

/** Seeded data of one case: y (n values) and X ((n + 12) × k, the last 12 rows are the future). */
function caseData(spec: CaseSpec, seed: number): { y: Float64Array; X: Matrix; xregNames: string[] } {
  const n = spec.n;
  const N = n + H;
  const rng = randomGenerator(seed + 1000 * n + Number(spec.data));
  const y = new Float64Array(n);
  if (spec.data === "110") {
    // x: log output with drift; η: ARIMA(1,1,0)
    const x = cumsum(Float64Array.from({ length: N }, () => 0.03 + 0.05 * rng.normal()));
    const eta = cumsum(armaPath(rng, n, [0.5], [], 0.04));
    for (let t = 0; t < n; t++) y[t] = 2 + 0.8 * (x[t] as number) + (eta[t] as number);
    return {
      y,
      X: matrix(
        N,
        1,
        Float64Array.from(x, (v) => 4.6 + v),
      ),
      xregNames: ["x"],
    };
  }
  if (spec.data === "200") {
    // Lake Huron-like: 579 − 0.02·(year − 1920) + AR(2), years 1875…
    const X = Float64Array.from({ length: N }, (_, t) => 1875 + t - 1920);
    const eta = armaPath(rng, n, [1.0, -0.29], [], 0.7);
    for (let t = 0; t < n; t++) y[t] = 579 - 0.02 * (X[t] as number) + (eta[t] as number);
    return { y, X: matrix(N, 1, X), xregNames: ["x"] };
  }
  const k = 2;
  const X = new Float64Array(N * k);
  const x1 = cumsum(Float64Array.from({ length: N }, () => 0.002 + 0.01 * rng.normal()));
  for (let t = 0; t < N; t++) {
    X[t * k] = 4 + (x1[t] as number);
    X[t * k + 1] = Math.sin((2 * Math.PI * (t + 1)) / 12);
  }
  const eta = cumsum(armaPath(rng, n, [0.5, -0.3], [0.4], 0.01));
  for (let t = 0; t < n; t++)
    y[t] = 1 + 1.2 * (X[t * k] as number) + 0.05 * (X[t * k + 1] as number) + (eta[t] as number);
  return { y, X: matrix(N, k, X), xregNames: ["x1", "x2"] };
}

function rowsOf(X: Matrix, from: number, to: number): Matrix {
  return matrix(to - from, X.cols, X.data.slice(from * X.cols, to * X.cols));
}

const median = (v: number[]) => {
  const s = [...v].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

function fmt(t: number): string {
  if (t < 1) return `${(t * 1000).toPrecision(3)} µs`;
  if (t >= 1000) return `${(t / 1000).toPrecision(3)} s`;
  return `${t.toPrecision(3)} ms`;
}

function maxRel(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Number.NaN;
  let m = 0;
  for (let j = 0; j < a.length; j++) {
    const d = Math.abs((a[j] as number) - (b[j] as number)) / Math.max(Math.abs(b[j] as number), 1e-300);
    m = Math.max(m, d);
  }
  return m;
}

interface Row {
  impl: string;
  /** wall clock, ms per fit + forecast, one entry per repetition */
  times: number[];
  /** CPU time of the process, ms per fit + forecast */
  cpu: number[];
  params: number[];
  loglik: number;
  sigma2?: number;
  forecast: number[];
  converged?: boolean;
  /** statsmodels: its log-likelihood at our CSS-ML estimates (and σ² = our S/n_u) */
  llfAtOurs?: number;
  /** statsmodels: an untimed refit with maxiter = 1000 */
  refit1000?: { params: number[]; loglik: number; converged: boolean; iterations: number };
  /** auto: the selected model */
  selected?: string;
  icValue?: number;
  nCandidates?: number;
  iterations?: number;
  /** statsmodels: L-BFGS-B warnflag (1 iteration limit, 2 line search / other stop) */
  warnflag?: number;
}

interface CaseOut {
  id: string;
  label: string;
  kind: Kind;
  n: number;
  order: [number, number, number];
  calls: number;
  rows: Row[];
}

function timeLoop<T>(calls: number, repeats: number, fn: () => T): { times: number[]; cpu: number[]; out: T } {
  let out = fn();
  for (let c = 1; c < calls; c++) out = fn(); // warm-up: one repetition's worth
  const times: number[] = [];
  const cpu: number[] = [];
  for (let rep = 0; rep < repeats; rep++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (let c = 0; c < calls; c++) out = fn();
    times.push((performance.now() - t0) / calls);
    const dc = process.cpuUsage(c0);
    cpu.push((dc.user + dc.system) / 1000 / calls);
  }
  return { times, cpu, out };
}

function timeOursFit(spec: CaseSpec, y: Float64Array, X: Matrix, names: string[], method: ArimaMethod, R: number): Row {
  const xreg = rowsOf(X, 0, spec.n);
  const newxreg = rowsOf(X, spec.n, spec.n + H);
  const { times, cpu, out } = timeLoop(spec.calls, R, () => {
    const fit = arima(y, { order: spec.order, xreg, xregNames: names, method });
    return { fit, fc: forecastArima(fit, { h: H, newxreg }) };
  });
  const fit: ArimaResult = out.fit;
  process.stderr.write(`[arimax] ${spec.id} ours ${method}: median ${fmt(median(times))}\n`);
  return {
    impl: method === "ML" ? "ours_ml" : "ours",
    times,
    cpu,
    params: fit.coefficients.map((c) => c.estimate),
    loglik: fit.logLik,
    sigma2: fit.sigma2,
    forecast: Array.from(out.fc.mean),
    converged: fit.convergence.converged,
    iterations: fit.convergence.iterations,
  };
}

function timeOursAuto(spec: CaseSpec, y: Float64Array, X: Matrix, names: string[], R: number): Row {
  const xreg = rowsOf(X, 0, spec.n);
  const newxreg = rowsOf(X, spec.n, spec.n + H);
  const { times, cpu, out } = timeLoop(spec.calls, R, () => {
    const a = autoArima(y, { xreg, xregNames: names });
    return { a, fc: forecastArima(a.fit, { h: H, newxreg }) };
  });
  const a: AutoArimaResult = out.a;
  process.stderr.write(`[arimax] ${spec.id} ours auto: median ${fmt(median(times))}\n`);
  const [p, d, q] = a.order;
  return {
    impl: "ours",
    times,
    cpu,
    params: a.fit.coefficients.map((c) => c.estimate),
    loglik: a.fit.logLik,
    forecast: Array.from(out.fc.mean),
    selected: `(${p},${d},${q})${a.constant ? (d === 0 ? "+mean" : d === 1 ? "+drift" : "") : ""}`,
    icValue: a.icValue,
    nCandidates: a.candidates.length,
  };
}

const LABELS: Record<string, string> = {
  ours: "ours (CSS-ML)",
  ours_ml: "ours (ML)",
  statsmodels: "statsmodels SARIMAX",
  r: "R forecast::Arima",
  r_auto: "R forecast::auto.arima",
};

function report(args: Args, out: CaseOut[], info: Record<string, unknown>, loads: number[][]): string {
  const cpuModel =
    readFileSync("/proc/cpuinfo", "utf8")
      .split("\n")
      .find((l) => l.startsWith("model name"))
      ?.split(":")[1]
      ?.trim() ?? cpus()[0]?.model;
  const fl = (l: number[] | undefined) => (l ?? []).map((v) => v.toFixed(1)).join(" ");
  const L: string[] = [];
  L.push(
    `machine: ${cpus().length} × ${cpuModel}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB; load average (1/5/15 min) ` +
      `${loads.map(fl).join(" → ")} (start → after TS → after Python → end); ` +
      `${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC; node ${process.version}; ` +
      `${String(info.python ?? "Python not run")}; ${String(info.r ?? "R not run")}`,
  );
  L.push("");
  L.push(
    `Median time per fit + 12-step forecast of ${args.repeats} repetitions after one warm-up repetition ` +
      `(seed ${args.seed}); ℓ = log-likelihood; Δβ = max relative difference of the coefficients from ours ` +
      "(CSS-ML); Δf = of the 12 forecast means; ℓ_sm(ours) = statsmodels' log-likelihood at our estimates; " +
      "ours ÷ this = ratio of wall-clock medians, and of process-CPU-time medians (< 1: ours faster). " +
      "R's CPU time is user + system of its process from system.time.",
  );
  L.push("");
  L.push(
    "| case | implementation | median / fit | runs (ms) | CPU / fit | ℓ | Δβ | Δf | notes | ours ÷ this (wall) | ours ÷ this (CPU) |",
  );
  L.push("|---|---|---:|---|---:|---:|---:|---:|---|---:|---:|");
  for (const c of out) {
    const ours = c.rows.find((r) => r.impl === "ours");
    for (const r of c.rows) {
      const isOurs = r.impl === "ours";
      const med = median(r.times);
      const ratio = ours === undefined || isOurs ? "—" : `${(median(ours.times) / med).toFixed(2)}×`;
      const cpuRatio = ours === undefined || isOurs ? "—" : `${(median(ours.cpu) / median(r.cpu)).toFixed(2)}×`;
      const db = ours === undefined || isOurs ? "—" : maxRel(r.params, ours.params).toExponential(1);
      const df = ours === undefined || isOurs ? "—" : maxRel(r.forecast, ours.forecast).toExponential(1);
      const runs = r.times.map((t) => (t < 100 ? t.toFixed(2) : t.toFixed(0))).join(", ");
      const notes: string[] = [];
      if (r.selected !== undefined) notes.push(`${r.selected}, AICc ${r.icValue?.toFixed(3)}`);
      if (r.nCandidates !== undefined) notes.push(`${r.nCandidates} models`);
      if (r.converged === false)
        notes.push(
          `**not converged** (${r.iterations} it.${r.warnflag === undefined ? "" : `, warnflag ${r.warnflag}`})`,
        );
      if (r.llfAtOurs !== undefined && ours !== undefined)
        notes.push(
          `ℓ_sm(ours) = ${r.llfAtOurs.toFixed(4)} (− ℓ ours: ${(r.llfAtOurs - ours.loglik).toExponential(1)}; − ℓ_sm: ${(r.llfAtOurs - r.loglik).toExponential(1)})`,
        );
      if (r.refit1000 !== undefined && ours !== undefined)
        notes.push(
          `maxiter 1000 (untimed): ${r.refit1000.converged ? "converged" : "not converged"}, ${r.refit1000.iterations} it., ℓ − ℓ ours ${(r.refit1000.loglik - ours.loglik).toExponential(1)}, Δβ ${maxRel(r.refit1000.params, ours.params).toExponential(1)}`,
        );
      const lab = c.kind === "auto" && r.impl === "ours" ? "ours autoArima" : (LABELS[r.impl] ?? r.impl);
      L.push(
        `| ${c.label} | ${lab} | **${fmt(med)}** | ${runs} | ${fmt(median(r.cpu))} | ${r.loglik.toFixed(4)} | ${db} | ${df} | ${notes.join("; ")} | ${ratio} | ${cpuRatio} |`,
      );
    }
  }
  return `${L.join("\n")}\n`;
}

function runPeer(
  cmd: string,
  argv: string[],
  tag: string,
): { info: Record<string, unknown>; cases: { id: string; rows: Row[] }[] } {
  process.stderr.write(`[arimax] ${tag} (${cmd}) …\n`);
  const r = spawnSync(cmd, argv, {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`${tag} peer failed (status ${r.status})`);
  return JSON.parse(r.stdout);
}

function rAvailable(rscript: string): boolean {
  const r = spawnSync(rscript, ["-e", "suppressMessages(library(forecast))"], { encoding: "utf8" });
  return r.status === 0;
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const specs = CASES.filter((c) => args.cases.includes(c.id));
  const dir = args.dataDir ?? mkdtempSync(join(tmpdir(), "shushi-bench-arimax-"));
  if (args.dataDir !== undefined) mkdirSync(dir, { recursive: true });
  const loads: number[][] = [loadavg()];
  try {
    const out: CaseOut[] = [];
    const job = { repeats: args.repeats, h: H, cases: [] as Record<string, unknown>[] };
    for (const spec of specs) {
      const { y, X, xregNames } = caseData(spec, args.seed);
      const yPath = join(dir, `${spec.id}-y.f64`);
      const xPath = join(dir, `${spec.id}-X.f64`);
      writeFileSync(yPath, new Uint8Array(y.buffer, y.byteOffset, y.byteLength));
      writeFileSync(xPath, new Uint8Array(X.data.buffer, X.data.byteOffset, X.data.byteLength));
      const rows =
        spec.kind === "auto"
          ? [timeOursAuto(spec, y, X, xregNames, args.repeats)]
          : [
              timeOursFit(spec, y, X, xregNames, "CSS-ML", args.repeats),
              timeOursFit(spec, y, X, xregNames, "ML", args.repeats),
            ];
      const ours = rows[0] as Row;
      job.cases.push({
        id: spec.id,
        kind: spec.kind,
        n: spec.n,
        k: X.cols,
        p: spec.order[0],
        d: spec.order[1],
        q: spec.order[2],
        calls: spec.calls,
        y: yPath,
        X: xPath,
        oursParams: ours.params,
        oursSigma2: ours.sigma2 ?? null,
      });
      out.push({
        id: spec.id,
        label: spec.label,
        kind: spec.kind,
        n: spec.n,
        order: spec.order,
        calls: spec.calls,
        rows,
      });
    }
    loads.push(loadavg());
    const info: Record<string, unknown> = {};
    writeFileSync(join(dir, "job.json"), JSON.stringify(job));
    const pyCases = job.cases.filter((c) => c.kind === "fit");
    if (args.py && pyCases.length > 0) {
      writeFileSync(join(dir, "job-py.json"), JSON.stringify({ ...job, cases: pyCases }));
      const peers = runPeer(
        args.python,
        [join(ROOT, "bench/arimax/peers.py"), join(dir, "job-py.json")],
        "statsmodels",
      );
      info.python = peers.info.label;
      info.pythonInfo = peers.info;
      for (const pc of peers.cases) out.find((c) => c.id === pc.id)?.rows.push(...pc.rows);
    }
    loads.push(loadavg());
    if (args.r) {
      if (rAvailable(args.rscript)) {
        // R has no JSON reader here (jsonlite is not installed): the job goes as a tab-separated table
        const cols = ["id", "kind", "n", "k", "p", "d", "q", "calls", "y", "X"];
        const tsv = [cols.join("\t"), ...job.cases.map((c) => cols.map((k) => String(c[k])).join("\t"))].join("\n");
        writeFileSync(join(dir, "job.tsv"), `${tsv}\n`);
        const peers = runPeer(
          args.rscript,
          [join(ROOT, "bench/arimax/peers.R"), join(dir, "job.tsv"), String(args.repeats), String(H)],
          "R",
        );
        info.r = peers.info.label;
        for (const pc of peers.cases) out.find((c) => c.id === pc.id)?.rows.push(...pc.rows);
      } else {
        info.r = "R forecast unavailable";
      }
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
      writeFileSync(join(ROOT, "bench/results/arimax-latest.json"), `${JSON.stringify(json, null, 1)}\n`);
      process.stderr.write("[arimax] wrote bench/results/arimax-latest.json\n");
    }
  } finally {
    if (args.dataDir === undefined) rmSync(dir, { recursive: true, force: true });
  }
}

main();
