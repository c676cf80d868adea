/**
 * Hierarchical clustering benchmark: our `linkageFromFeatures(X, method)` (src/core/cluster/linkage.ts:
 * Euclidean distances, then Prim's MST for single, nearest-neighbour chain for complete, average and
 * Ward, in the distance buffer itself) against scipy `linkage(X, method, metric="euclidean")` in the same run, on the same
 * float64 data.
 *
 *   npm run bench:cluster                       # n = 42, 1000, 5000; every method; median of 5
 *   npx tsx bench/cluster/run.ts --cases 42,1000 --methods ward --repeats 7
 *   options: --repeats R (default 5), --cases n,n (42, 1000, 5000), --methods m,m, --seed S,
 *            --python PATH (default /usr/bin/python3: Debian's numpy/scipy), --no-peers,
 *            --json PATH (also write the results as JSON)
 *
 * Data (seeded, core xoshiro128**): n points in d = 4 dimensions, standard normals times column
 * scales [1, 2.5, 0.4, 1.7] (continuous: no ties, so both sides take their fast algorithms). Written
 * as little-endian float64 to a temp folder and read by the peer (bench/cluster/peers.py) with
 * np.fromfile: the same bits on both sides.
 *
 * Timing: wall clock and process CPU time inside each process, start-up and data generation
 * excluded; one warm-up repetition, then `repeats` repetitions of `calls` clusterings (calls > 1 only
 * for n = 42); the median time per clustering is reported. TypeScript first, then the peer (never
 * concurrently). Agreement: merge pairs and sizes equal to scipy's, max relative height difference.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import {
  AGGLOMERATION_METHODS,
  type AgglomerationMethod,
  linkageFromFeatures,
} from "../../src/core/cluster/linkage.js";
import { randomGenerator } from "../../src/core/random/xoshiro.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const D = 4;
const SCALES = [1, 2.5, 0.4, 1.7];
const CALLS: Record<number, number> = { 42: 2000, 1000: 1, 5000: 1 };

interface Args {
  repeats: number;
  cases: number[];
  methods: AgglomerationMethod[];
  seed: number;
  python: string;
  peers: boolean;
  json: string | undefined;
}

function parseArgs(argv: string[]): Args {
  const a: Args = {
    repeats: 5,
    cases: [42, 1000, 5000],
    methods: [...AGGLOMERATION_METHODS],
    seed: 20261203,
    python: "/usr/bin/python3",
    peers: true,
    json: undefined,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--repeats") a.repeats = Number(argv[++i]);
    else if (arg === "--cases") a.cases = (argv[++i] ?? "").split(",").map(Number);
    else if (arg === "--methods") a.methods = (argv[++i] ?? "").split(",") as AgglomerationMethod[];
    else if (arg === "--seed") a.seed = Number(argv[++i]);
    else if (arg === "--python") a.python = argv[++i] ?? a.python;
    else if (arg === "--no-peers") a.peers = false;
    else if (arg === "--json") a.json = argv[++i];
    else throw new Error(`unknown argument ${arg}`);
  }
  if (!(Number.isInteger(a.repeats) && a.repeats >= 1)) throw new Error("--repeats must be a positive integer");
  for (const n of a.cases) if (!(Number.isInteger(n) && n >= 2)) throw new Error(`bad case ${n}`);
  for (const m of a.methods) if (!AGGLOMERATION_METHODS.includes(m)) throw new Error(`unknown method ${m}`);
  return a;
}

const median = (v: number[]) => {
  const s = [...v].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

function fmt(t: number): string {
  if (t < 1) return `${(t * 1000).toPrecision(3)} µs`;
  if (t >= 1000) return `${(t / 1000).toPrecision(3)} s`;
  return `${t.toPrecision(3)} ms`;
}

function data(n: number, seed: number): Float64Array {
  const rng = randomGenerator(seed + n);
  return Float64Array.from({ length: n * D }, (_, p) => rng.normal() * (SCALES[p % D] as number));
}

interface Timing {
  wall: number[];
  cpu: number[];
}

function timeOurs(X: Float64Array, n: number, method: AgglomerationMethod, calls: number, repeats: number) {
  const M = { rows: n, cols: D, data: X };
  let Z: Float64Array = new Float64Array(0);
  let algorithm = "";
  const run = () => {
    const L = linkageFromFeatures(M, method);
    Z = L.Z;
    algorithm = L.algorithm;
  };
  for (let c = 0; c < calls; c++) run();
  const t: Timing = { wall: [], cpu: [] };
  for (let r = 0; r < repeats; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (let c = 0; c < calls; c++) run();
    t.wall.push((performance.now() - t0) / calls);
    const dc = process.cpuUsage(c0);
    t.cpu.push((dc.user + dc.system) / 1000 / calls);
  }
  return { t, Z, algorithm };
}

function agreement(ours: Float64Array, theirs: Float64Array): { pairs: boolean; maxRel: number } {
  let pairs = ours.length === theirs.length;
  let maxRel = 0;
  for (let s = 0; pairs && s < ours.length / 4; s++) {
    if (ours[4 * s] !== theirs[4 * s] || ours[4 * s + 1] !== theirs[4 * s + 1] || ours[4 * s + 3] !== theirs[4 * s + 3])
      pairs = false;
    const h = theirs[4 * s + 2] as number;
    maxRel = Math.max(maxRel, Math.abs((ours[4 * s + 2] as number) - h) / Math.max(Math.abs(h), 1e-300));
  }
  return { pairs, maxRel };
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const dir = mkdtempSync(join(tmpdir(), "bench-cluster-"));
  const loads: number[][] = [loadavg()];
  const started = new Date().toISOString();
  const ours = new Map<string, { t: Timing; Z: Float64Array; algorithm: string }>();
  const job = { repeats: args.repeats, methods: args.methods, cases: [] as object[] };
  for (const n of args.cases) {
    const X = data(n, args.seed);
    const path = join(dir, `X-${n}.f64`);
    writeFileSync(path, Buffer.from(X.buffer));
    const calls = CALLS[n] ?? 1;
    job.cases.push({ id: String(n), n, d: D, calls, X: path, out: dir });
    for (const method of args.methods) {
      const r = timeOurs(X, n, method, calls, args.repeats);
      ours.set(`${n}/${method}`, r);
      process.stderr.write(`ours n=${n} ${method}: ${fmt(median(r.t.wall))} (${r.algorithm})\n`);
    }
  }
  loads.push(loadavg());
  let peer: {
    software: Record<string, string>;
    cases: { id: string; rows: { method: string; wall: number[]; cpu: number[] }[] }[];
  } | null = null;
  if (args.peers) {
    writeFileSync(join(dir, "job.json"), JSON.stringify(job));
    const r = spawnSync(args.python, [join(ROOT, "bench/cluster/peers.py"), join(dir, "job.json")], {
      encoding: "utf8",
      maxBuffer: 1 << 26,
    });
    if (r.status !== 0) throw new Error(`peer failed: ${r.stderr}`);
    peer = JSON.parse(r.stdout);
  }
  loads.push(loadavg());
  const lines: string[] = [];
  const cpuModel = cpus()[0]?.model ?? "unknown";
  lines.push(
    `machine: ${cpus().length} × ${cpuModel}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB; load average (1/5/15 min) ` +
      loads.map((l) => l.map((v) => v.toFixed(1)).join(" ")).join(" → ") +
      `; ${started}; node ${process.version}` +
      (peer
        ? `; Python ${peer.software.python} (${peer.software.executable}), numpy ${peer.software.numpy}, scipy ${peer.software.scipy}`
        : ""),
  );
  lines.push("");
  lines.push(
    `Median time per clustering (pdist + linkage) of ${args.repeats} repetitions after one warm-up (seed ${args.seed}; n = 42: ${CALLS[42]} clusterings per repetition); ratio = ours ÷ scipy.`,
  );
  lines.push("");
  lines.push(
    "| n | method | ours (algorithm) | ours runs (ms) | scipy | scipy runs (ms) | ours ÷ scipy (wall) | ours ÷ scipy (CPU) | same merges | max rel Δheight |",
  );
  lines.push("|---:|---|---:|---|---:|---|---:|---:|---|---:|");
  const results: object[] = [];
  for (const n of args.cases) {
    for (const method of args.methods) {
      const o = ours.get(`${n}/${method}`) as { t: Timing; Z: Float64Array; algorithm: string };
      const p = peer?.cases.find((c) => c.id === String(n))?.rows.find((x) => x.method === method);
      let agree = { pairs: false, maxRel: Number.NaN };
      if (p) {
        const buf = readFileSync(join(dir, `${n}-${method}.f64`));
        agree = agreement(o.Z, new Float64Array(buf.buffer, buf.byteOffset, buf.byteLength / 8));
      }
      const ow = median(o.t.wall);
      const oc = median(o.t.cpu);
      const pw = p ? median(p.wall) : Number.NaN;
      const pc = p ? median(p.cpu) : Number.NaN;
      results.push({ n, method, ours: o.t, algorithm: o.algorithm, scipy: p ?? null, agree });
      lines.push(
        `| ${n} | ${method} | **${fmt(ow)}** (${o.algorithm}) | ${o.t.wall.map((v) => v.toPrecision(3)).join(", ")} | ` +
          (p
            ? `**${fmt(pw)}** | ${p.wall.map((v) => v.toPrecision(3)).join(", ")} | ${(ow / pw).toFixed(2)}× | ${(oc / pc).toFixed(2)}× | ${agree.pairs ? "yes" : "NO"} | ${agree.maxRel.toExponential(1)} |`
            : "— | — | — | — | — | — |"),
      );
    }
  }
  process.stdout.write(`${lines.join("\n")}\n`);
  if (args.json)
    writeFileSync(args.json, `${JSON.stringify({ started, loads, peer: peer?.software, results }, null, 1)}\n`);
  rmSync(dir, { recursive: true, force: true });
}

main();
