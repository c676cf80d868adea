/**
 * Mixed-load benchmark (issue 6 §6, §9): latency of `/api/health` and of a cached 42-sector figure
 * endpoint while WIOD linkage requests (1 435 sectors, seconds each) keep computing — with the worker
 * pool (`startServer`'s default) and without it (every computation on the event loop).
 *
 *   npx tsx bench/api-load/mixed.ts                 # 10 connections, 10 s per measurement, 2 heavy clients
 *   npx tsx bench/api-load/mixed.ts --write         # also writes bench/results/api-mixed-latest.json and
 *                                                   # the "mixed load" section of docs/benchmarks.md
 *   options: --connections N, --duration S, --heavy N (concurrent WIOD requests), --modes pool,inline
 *
 * For each mode a child process (mixed-server.ts) runs the real `startServer` over a store built once
 * from the shipped data, on 127.0.0.1 at an ephemeral port. This process: one WIOD probe (warms the
 * pool and the table cache, gives the sector codes), one request of the cached endpoint (fills the
 * result cache), the latency of `/api/health` with no heavy load (baseline), then `--heavy` loops each
 * sending WIOD linkage requests one after another — every one with another `group=<code>`, so every
 * one misses the result cache and computes — while `/api/health`, then the cached endpoint, are
 * measured. Every loop is bounded by time.
 *
 * Latency is measured by `--connections` probe loops, each sending a request, awaiting its whole
 * response, pausing 20 ms, and again, for `--duration` seconds; the last request of each loop is
 * awaited however long it takes. (autocannon drops the responses still pending when its duration
 * ends — exactly the requests an event loop blocked for seconds delays — so its latency histogram
 * hides a stall; a first run with it showed max 24 ms on a server that was blocked 5 s at a time.)
 */
import { fork } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { openDataStore } from "../../src/app/store.js";
import type { WorkerPoolStats } from "../../src/server/worker-pool.js";
import { nextMessage, stopServer } from "./child.js";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, "../..");
const HEALTH = "/api/health";
const CACHED = "/api/io/linkages?table=cn-nbs-io-2020-42&group=digital";
const HEAVY = "/api/io/linkages?table=wiod-2011";

type Mode = "pool" | "inline";
const MODES: readonly Mode[] = ["pool", "inline"];

interface Args {
  connections: number;
  duration: number;
  heavy: number;
  modes: Mode[];
  write: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  const a: Args = { connections: 4, duration: 20, heavy: 2, modes: [...MODES], write: false };
  const num = (i: number, name: string, max: number): number => {
    const v = Number(argv[i]);
    if (!Number.isFinite(v) || v <= 0 || v > max) throw new Error(`${name} must be a number in (0, ${max}]`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--connections") a.connections = Math.round(num(++i, arg, 1000));
    else if (arg === "--duration") a.duration = num(++i, arg, 600);
    else if (arg === "--heavy") a.heavy = Math.round(num(++i, arg, 16));
    else if (arg === "--modes") {
      const modes = (argv[++i] ?? "").split(",");
      if (!modes.every((m): m is Mode => (MODES as readonly string[]).includes(m)))
        throw new Error(`--modes: a list of ${MODES.join(", ")}`);
      a.modes = modes;
    } else if (arg === "--write") a.write = true;
    else throw new Error(`unknown argument ${arg}`);
  }
  return a;
}

const log = (s: string): void => {
  process.stderr.write(`[bench:mixed] ${s}\n`);
};

interface ServerMessage {
  readonly type: "ready" | "stats";
  readonly port?: number;
  readonly pool?: WorkerPoolStats | null;
  readonly rssBytes?: number;
  readonly loopDelayMs?: { readonly p50: number; readonly p99: number; readonly max: number };
}

interface Latency {
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
}

interface Row {
  readonly mode: Mode;
  readonly endpoint: string;
  /** "idle": no heavy request running; "heavy": `--heavy` WIOD loops running */
  readonly load: "idle" | "heavy";
  readonly latencyMs: Latency;
  readonly requests: number;
  /** network errors and non-200 answers (their latency counts: the time until they failed) */
  readonly errors: number;
  readonly firstError?: string;
  /** the server's event-loop delay during the row (perf_hooks.monitorEventLoopDelay, 10 ms resolution) */
  readonly loopDelayMs?: { readonly p50: number; readonly p99: number; readonly max: number };
}

interface HeavyStats {
  readonly completed: number;
  readonly failed: number;
  readonly latencyMs: readonly number[];
}

interface ModeResult {
  readonly mode: Mode;
  readonly rows: Row[];
  readonly heavy: HeavyStats;
  readonly pool: WorkerPoolStats | null;
  readonly serverRssBytes: number;
}

const round = (v: number, digits = 1): number => Number(v.toFixed(digits));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The latency of `path` from `--connections` probe loops over `--duration` seconds (see the header). */
async function measure(base: string, path: string, args: Args, mode: Mode, load: Row["load"]): Promise<Row> {
  const end = performance.now() + args.duration * 1000;
  const ms: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const loop = async () => {
    while (performance.now() < end) {
      const t0 = performance.now();
      try {
        const res = await fetch(base + path);
        await res.arrayBuffer();
        if (res.status !== 200) {
          errors++;
          firstError ??= `HTTP ${res.status}`;
        }
      } catch (e) {
        errors++;
        const cause = (e as { cause?: { code?: string; message?: string } }).cause;
        firstError ??= cause?.code ?? cause?.message ?? String(e);
      }
      // a failed request counts with the time it took to fail: a stall shows as resets, too
      ms.push(performance.now() - t0);
      await sleep(20);
    }
  };
  await Promise.all(Array.from({ length: args.connections }, loop));
  ms.sort((a, b) => a - b);
  const q = (p: number) => round(ms[Math.min(ms.length - 1, Math.floor(p * ms.length))] ?? Number.NaN);
  return {
    mode,
    endpoint: path,
    load,
    latencyMs: { p50: q(0.5), p90: q(0.9), p99: q(0.99), max: round(ms[ms.length - 1] ?? Number.NaN) },
    requests: ms.length,
    errors,
    ...(firstError !== undefined && { firstError }),
  };
}

/** `n` loops of WIOD requests, each with a fresh `group`, until `stop()`; resolves with their figures. */
function heavyLoad(base: string, codes: readonly string[], n: number) {
  let stopped = false;
  let next = 0;
  const latencyMs: number[] = [];
  let failed = 0;
  const loop = async () => {
    while (!stopped) {
      const code = codes[next++ % codes.length] ?? "";
      const t0 = performance.now();
      const res = await fetch(`${base}${HEAVY}&group=${encodeURIComponent(code)}`);
      await res.arrayBuffer();
      if (res.status === 200) latencyMs.push(round(performance.now() - t0, 0));
      else failed++;
    }
  };
  const loops = Array.from({ length: n }, loop);
  return {
    stop: async (): Promise<HeavyStats> => {
      stopped = true;
      await Promise.all(loops);
      return { completed: latencyMs.length, failed, latencyMs };
    },
  };
}

async function runMode(dir: string, mode: Mode, args: Args): Promise<ModeResult> {
  const child = fork(join(HERE, "mixed-server.ts"), ["--dir", dir, "--mode", mode], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
    env: { ...process.env, NODE_ENV: "production" },
  });
  try {
    const ready = await nextMessage<ServerMessage>(child, "ready", 180_000);
    const base = `http://127.0.0.1:${ready.port}`;
    log(`${mode}: server on ${base}`);
    const probe = await fetch(base + HEAVY, { signal: AbortSignal.timeout(300_000) });
    if (probe.status !== 200)
      throw new Error(`WIOD probe: HTTP ${probe.status}: ${(await probe.text()).slice(0, 300)}`);
    const codes = ((await probe.json()) as { sectors: { code: string }[] }).sectors.map((s) => s.code);
    const cached = await fetch(base + CACHED);
    if (cached.status !== 200) throw new Error(`${CACHED}: HTTP ${cached.status}`);
    await cached.arrayBuffer();

    const rows: Row[] = [];
    const row = async (path: string, load: Row["load"]) => {
      child.send("reset");
      const r = await measure(base, path, args, mode, load);
      child.send("stats");
      const s = await nextMessage<ServerMessage>(child, "stats", 60_000);
      rows.push({ ...r, ...(s.loopDelayMs !== undefined && { loopDelayMs: s.loopDelayMs }) });
    };
    log(`${mode}: ${HEALTH}, idle`);
    await row(HEALTH, "idle");
    const heavy = heavyLoad(base, codes, args.heavy);
    log(`${mode}: ${HEALTH} with ${args.heavy} WIOD loops`);
    await row(HEALTH, "heavy");
    log(`${mode}: cached 42-sector linkages with ${args.heavy} WIOD loops`);
    await row(CACHED, "heavy");
    const heavyStats = await heavy.stop();
    child.send("stats");
    const stats = await nextMessage<ServerMessage>(child, "stats", 30_000);
    return { mode, rows, heavy: heavyStats, pool: stats.pool ?? null, serverRssBytes: stats.rssBytes ?? 0 };
  } finally {
    await stopServer(child, 30_000);
  }
}

interface Report {
  readonly generatedAt: string;
  readonly machine: {
    readonly cpu: string;
    readonly cores: number;
    readonly memoryGiB: number;
    readonly node: string;
    readonly loadBefore: number[];
    readonly loadAfter: number[];
  };
  readonly settings: { readonly connections: number; readonly duration: number; readonly heavy: number };
  readonly modes: ModeResult[];
}

const MODE_LABEL: Readonly<Record<Mode, string>> = {
  pool: "worker pool (default)",
  inline: "no pool (`pool: false`)",
};

function markdown(r: Report): string {
  const m = r.machine;
  const fmtLoad = (l: number[]) => l.map((v) => v.toFixed(2)).join(", ");
  const median = (xs: readonly number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length === 0 ? Number.NaN : (s[Math.floor(s.length / 2)] ?? Number.NaN);
  };
  const lines = [
    BEGIN,
    "## HTTP API under a mixed load: heavy computations and light requests (`bench/api-load/mixed.ts`)",
    "",
    `Generated by \`npx tsx bench/api-load/mixed.ts --write\` on ${r.generatedAt}.`,
    "",
    `- Machine: ${m.cpu}; \`nproc\` = ${m.cores}; memory ${m.memoryGiB} GiB; Node ${m.node}`,
    `- load average before / after: ${fmtLoad(m.loadBefore)} / ${fmtLoad(m.loadAfter)} (a shared machine)`,
    `- \`startServer\` in a child process on 127.0.0.1; ${r.settings.connections} probe loops (request, await the response, pause 20 ms), ${r.settings.duration} s per row, the last requests awaited;` +
      ` "heavy": ${r.settings.heavy} clients each sending \`${HEAVY}&group=<code>\` back to back (a new group each time, so every one computes; 1 435 sectors)`,
    "",
    "| server | endpoint | heavy load | requests | p50 | p90 | p99 | max | errors (first) | server event-loop delay p99 / max |",
    "|---|---|---|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const mr of r.modes)
    for (const row of mr.rows)
      lines.push(
        `| ${MODE_LABEL[mr.mode]} | \`${row.endpoint}\` | ${row.load === "heavy" ? `${r.settings.heavy} WIOD` : "none"} | ${row.requests} | ${row.latencyMs.p50} ms | ${row.latencyMs.p90} ms | ${row.latencyMs.p99} ms | ${row.latencyMs.max} ms | ${row.errors}${row.firstError !== undefined ? ` (${row.firstError})` : ""} | ${row.loopDelayMs === undefined ? "—" : `${row.loopDelayMs.p99} / ${row.loopDelayMs.max} ms`} |`,
      );
  lines.push("");
  for (const mr of r.modes) {
    const h = mr.heavy;
    const pool =
      mr.pool === null
        ? "no pool"
        : `pool: ${mr.pool.threads} thread(s), ${mr.pool.completed} computations, ${mr.pool.timeouts} timeouts, ${mr.pool.refused} refused`;
    lines.push(
      `- ${MODE_LABEL[mr.mode]}: ${h.completed} WIOD linkage requests completed during the heavy rows (median ${median(h.latencyMs)} ms each, ${h.failed} failed); ${pool}; server RSS at end ${Math.round(mr.serverRssBytes / 2 ** 20)} MiB`,
    );
  }
  lines.push(END);
  return lines.join("\n");
}

const BEGIN = "<!-- api-mixed:begin (written by bench/api-load/mixed.ts --write) -->";
const END = "<!-- api-mixed:end -->";

function writeDocs(section: string): void {
  const path = join(ROOT, "docs/benchmarks.md");
  const text = readFileSync(path, "utf8");
  const a = text.indexOf(BEGIN);
  const b = text.indexOf(END);
  const next =
    a >= 0 && b > a ? text.slice(0, a) + section + text.slice(b + END.length) : `${text.trimEnd()}\n\n${section}\n`;
  writeFileSync(path, next);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const loadBefore = loadavg().map((v) => round(v, 2));
  const dir = mkdtempSync(join(tmpdir(), "shushi-bench-mixed-"));
  try {
    log(`building the store in ${dir}`);
    const built = await openDataStore(dir);
    await built.close();
    const modes: ModeResult[] = [];
    for (const mode of args.modes) modes.push(await runMode(dir, mode, args));
    const report: Report = {
      generatedAt: new Date().toISOString(),
      machine: {
        cpu: cpus()[0]?.model.trim() ?? "unknown",
        cores: availableParallelism(),
        memoryGiB: round(totalmem() / 2 ** 30),
        node: process.version,
        loadBefore,
        loadAfter: loadavg().map((v) => round(v, 2)),
      },
      settings: { connections: args.connections, duration: args.duration, heavy: args.heavy },
      modes,
    };
    const md = markdown(report);
    process.stdout.write(`${md}\n`);
    if (args.write) {
      writeFileSync(join(ROOT, "bench/results/api-mixed-latest.json"), `${JSON.stringify(report, null, 2)}\n`);
      writeDocs(md);
      log("wrote bench/results/api-mixed-latest.json and the mixed-load section of docs/benchmarks.md");
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench:mixed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
