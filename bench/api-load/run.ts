/**
 * API load benchmark: the real HTTP API over a store built from the shipped data, on loopback, with
 * the result cache and without it, under autocannon.
 *
 *   npx tsx bench/api-load/run.ts                    # 50 connections, 3 s warm-up + 10 s per endpoint and mode
 *   npx tsx bench/api-load/run.ts --write            # also writes bench/results/api-latest.json and docs/benchmarks.md
 *   options: --connections N, --duration S, --warmup S, --modes cache,bare,no-cache, --only matrix,series, --keep-store
 *
 * For each mode a child process (bench/api-load/server.ts) opens the store (built once, in a temp
 * directory) and serves on 127.0.0.1 at an ephemeral port — `cache`: `createApp(deps)` with a result
 * cache; `no-cache`: `createApp({...deps, cache: false})`; `bare`: a bare `node:http` server sending
 * the same bytes (the ceiling of this machine at this moment, since the load of other jobs moves
 * every absolute figure). This process drives it with autocannon, so client and server do not share
 * one event loop (on 2 cores each gets one).
 * Every endpoint is first requested once (status, body size, ETag, Cache-Control recorded), then
 * warmed up, then measured for a fixed duration: every loop is bounded by time, nothing by count.
 * Requests are plain GETs without If-None-Match: every response carries the full body.
 */
import { type ChildProcess, fork } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon, { type Result } from "autocannon";
import type { ResultCacheStats } from "../../src/app/index.js";
import { openDataStore } from "../../src/app/store.js";
import { nextMessage, stopServer } from "./child.js";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, "../..");
const HOST = "127.0.0.1";

/** The cached figure endpoints of the dashboard and report. */
export const ENDPOINTS = [
  "/api/io/linkages?table=cn-nbs-io-2020-42&group=digital",
  "/api/io/series?group=digital&family=nbs",
  "/api/io/intensity?table=cn-nbs-io-2020-42&group=digital",
  "/api/io/matrix?table=cn-nbs-io-2020-42&which=L",
] as const;

/** Goal of issue 5 §7 for cached figure endpoints on the 2-core machine. */
export const GOAL = { requestsPerSecond: 1000, p99Ms: 100 } as const;

type Mode = "cache" | "no-cache" | "bare";
const MODES: readonly Mode[] = ["cache", "bare", "no-cache"];

interface Args {
  connections: number;
  duration: number;
  warmup: number;
  modes: Mode[];
  write: boolean;
  keepStore: boolean;
  /** measure only the endpoints whose path contains one of these */
  only: string[];
}

function parseArgs(argv: readonly string[]): Args {
  const a: Args = {
    connections: 50,
    duration: 10,
    warmup: 3,
    modes: [...MODES],
    write: false,
    keepStore: false,
    only: [],
  };
  const num = (i: number, name: string, max: number): number => {
    const v = Number(argv[i]);
    if (!Number.isFinite(v) || v <= 0 || v > max) throw new Error(`${name} must be a number in (0, ${max}]`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--connections") a.connections = Math.round(num(++i, arg, 1000));
    else if (arg === "--duration") a.duration = num(++i, arg, 600);
    else if (arg === "--warmup") a.warmup = num(++i, arg, 120);
    else if (arg === "--modes") {
      const modes = (argv[++i] ?? "").split(",");
      if (!modes.every((m): m is Mode => (MODES as readonly string[]).includes(m)))
        throw new Error(`--modes: a list of ${MODES.join(", ")}`);
      a.modes = modes;
    } else if (arg === "--write") a.write = true;
    else if (arg === "--keep-store") a.keepStore = true;
    else if (arg === "--only") a.only = (argv[++i] ?? "").split(",").filter((x) => x !== "");
    else throw new Error(`unknown argument ${arg}`);
  }
  return a;
}

interface Probe {
  readonly status: number;
  readonly bytes: number;
  readonly etag: string | null;
  readonly cacheControl: string | null;
  /** ms of the first (cold) request */
  readonly firstMs: number;
}

interface EndpointResult {
  readonly path: string;
  readonly probe: Probe;
  readonly requestsPerSecond: { readonly mean: number; readonly stddev: number; readonly min: number };
  readonly latencyMs: {
    readonly p50: number;
    readonly p97_5: number;
    readonly p99: number;
    readonly mean: number;
    readonly max: number;
  };
  readonly requests: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly non2xx: number;
  readonly throughputBytesPerSecond: number;
  readonly goalMet: boolean;
}

interface ModeResult {
  readonly mode: Mode;
  /** the server applied the cache option (ETag on responses, cache hits), or did not know it */
  readonly cacheApplied: boolean;
  readonly persistentStore: boolean;
  readonly endpoints: EndpointResult[];
  readonly serverCacheStats: ResultCacheStats | null;
  readonly serverRssBytes: number;
}

interface ServerMessage {
  readonly type: "ready" | "stats";
  readonly port?: number;
  readonly persistent?: boolean;
  readonly cache?: ResultCacheStats | null;
  readonly rssBytes?: number;
}

const log = (s: string): void => {
  process.stderr.write(`[bench:api] ${s}\n`);
};

function startServer(dir: string, mode: Mode): ChildProcess {
  return fork(join(HERE, "server.ts"), ["--dir", dir, "--mode", mode, "--paths", JSON.stringify(ENDPOINTS)], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
    env: { ...process.env, NODE_ENV: "production" },
  });
}

/** Asks the server to close; kills it (this child only, by its pid) if it has not exited in 10 s. */

async function probe(url: string): Promise<Probe> {
  const t0 = performance.now();
  const res = await fetch(url, { signal: AbortSignal.timeout(120_000) });
  const body = new Uint8Array(await res.arrayBuffer());
  const firstMs = performance.now() - t0;
  if (res.status !== 200)
    throw new Error(`${url}: HTTP ${res.status}: ${new TextDecoder().decode(body).slice(0, 300)}`);
  return {
    status: res.status,
    bytes: body.length,
    etag: res.headers.get("etag"),
    cacheControl: res.headers.get("cache-control"),
    firstMs,
  };
}

const round = (v: number, digits = 2): number => Number(v.toFixed(digits));

const MODE_LABEL: Readonly<Record<Mode, string>> = {
  cache: "API + result cache",
  "no-cache": "API, `cache: false`",
  bare: "bare `node:http`, same bytes (ceiling)",
};

async function measureEndpoint(base: string, path: string, args: Args): Promise<EndpointResult> {
  const url = `${base}${path}`;
  const first = await probe(url);
  const options = { url, connections: args.connections, timeout: 30 };
  await autocannon({ ...options, duration: args.warmup });
  const r: Result = await autocannon({ ...options, duration: args.duration });
  const result: EndpointResult = {
    path,
    probe: { ...first, firstMs: round(first.firstMs) },
    requestsPerSecond: { mean: round(r.requests.mean, 1), stddev: round(r.requests.stddev, 1), min: r.requests.min },
    latencyMs: {
      p50: r.latency.p50,
      p97_5: r.latency.p97_5,
      p99: r.latency.p99,
      mean: round(r.latency.mean),
      max: r.latency.max,
    },
    requests: r.requests.total,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    throughputBytesPerSecond: Math.round(r.throughput.mean),
    goalMet:
      r.requests.mean >= GOAL.requestsPerSecond &&
      r.latency.p99 < GOAL.p99Ms &&
      r.errors === 0 &&
      r.timeouts === 0 &&
      r.non2xx === 0,
  };
  log(
    `${path}: ${result.requestsPerSecond.mean} req/s, p50 ${r.latency.p50} ms, p97.5 ${r.latency.p97_5} ms, p99 ${r.latency.p99} ms, errors ${r.errors}, non-2xx ${r.non2xx}`,
  );
  return result;
}

async function runMode(dir: string, mode: Mode, args: Args): Promise<ModeResult> {
  const child = startServer(dir, mode);
  try {
    const ready = await nextMessage<ServerMessage>(child, "ready", 120_000);
    const base = `http://${HOST}:${ready.port}`;
    log(`${mode}: server pid ${child.pid} on ${base}`);
    const endpoints: EndpointResult[] = [];
    for (const path of ENDPOINTS) {
      if (args.only.length > 0 && !args.only.some((o) => path.includes(o))) continue;
      endpoints.push(await measureEndpoint(base, path, args));
    }
    child.send("stats");
    const stats = await nextMessage<ServerMessage>(child, "stats", 10_000);
    const cacheStats = stats.cache ?? null;
    const withEtag = endpoints.every((e) => e.probe.etag !== null);
    const cacheApplied =
      mode === "cache" ? withEtag && cacheStats !== null && cacheStats.hits > 0 : cacheStats === null;
    return {
      mode,
      cacheApplied,
      persistentStore: ready.persistent === true,
      endpoints,
      serverCacheStats: cacheStats,
      serverRssBytes: stats.rssBytes ?? 0,
    };
  } finally {
    await stopServer(child, 10_000);
  }
}

interface Machine {
  readonly nproc: number;
  readonly cpu: string;
  readonly memoryGiB: number;
  readonly node: string;
  readonly loadBefore: number[];
  readonly loadAfter: number[];
}

function fmtLoad(l: readonly number[]): string {
  return l.map((v) => v.toFixed(2)).join(", ");
}

export function renderSection(report: {
  generatedAt: string;
  machine: Machine;
  settings: Args;
  runs: ModeResult[];
}): string {
  const { machine: m, settings: s } = report;
  const lines: string[] = [
    "## HTTP API under load (`bench/api-load/`)",
    "",
    `Generated by \`npx tsx bench/api-load/run.ts --write\` on ${report.generatedAt}.`,
    "",
    `- Machine: ${m.cpu}; \`nproc\` = ${m.nproc}; memory ${m.memoryGiB} GiB; Node ${m.node}`,
    `- load average before / after: ${fmtLoad(m.loadBefore)} / ${fmtLoad(m.loadAfter)} (a shared machine: other jobs may lower the figures)`,
    `- autocannon, ${s.connections} connections, ${s.warmup} s warm-up then ${s.duration} s per endpoint; server and client in separate processes on 127.0.0.1; plain GETs (no If-None-Match), zh-CN default language`,
    `- goal (issue 5 §7), cached figure endpoints: ≥ ${GOAL.requestsPerSecond} req/s with p99 < ${GOAL.p99Ms} ms, no errors`,
    "",
    "| endpoint | mode | body | req/s (mean ± sd) | p50 | p97.5 | p99 | errors | non-2xx | goal |",
    "|---|---|---:|---:|---:|---:|---:|---:|---:|---|",
  ];
  for (const path of ENDPOINTS) {
    for (const run of report.runs) {
      const e = run.endpoints.find((x) => x.path === path);
      if (e === undefined) continue;
      const goal = run.mode === "cache" ? (e.goalMet ? "**met**" : "not met") : "—";
      lines.push(
        `| \`${path}\` | ${MODE_LABEL[run.mode]}${run.cacheApplied ? "" : " (option not applied)"} | ${(e.probe.bytes / 1024).toFixed(1)} KiB | ${e.requestsPerSecond.mean} ± ${e.requestsPerSecond.stddev} | ${e.latencyMs.p50} ms | ${e.latencyMs.p97_5} ms | ${e.latencyMs.p99} ms | ${e.errors + e.timeouts} | ${e.non2xx} | ${goal} |`,
      );
    }
  }
  lines.push("");
  const cached = report.runs.find((r) => r.mode === "cache");
  const bare = report.runs.find((r) => r.mode === "bare");
  const uncached = report.runs.find((r) => r.mode === "no-cache");
  for (const path of ENDPOINTS) {
    const c = cached?.endpoints.find((e) => e.path === path);
    if (c === undefined) continue;
    const b = bare?.endpoints.find((e) => e.path === path);
    const u = uncached?.endpoints.find((e) => e.path === path);
    const parts = [
      ...(u !== undefined
        ? [`${(c.requestsPerSecond.mean / u.requestsPerSecond.mean).toFixed(0)}× the req/s without the cache`]
        : []),
      ...(b !== undefined
        ? [`${((100 * c.requestsPerSecond.mean) / b.requestsPerSecond.mean).toFixed(0)} % of the bare ceiling`]
        : []),
    ];
    if (parts.length > 0) lines.push(`- \`${path.split("?")[0]}\` cached: ${parts.join(", ")}`);
  }
  for (const run of report.runs) {
    const c = run.serverCacheStats;
    lines.push(
      `- ${run.mode}: server RSS at end ${(run.serverRssBytes / 2 ** 20).toFixed(0)} MiB` +
        (c === null
          ? "; no result cache"
          : `; result cache ${c.entries} entries, ${(c.bytes / 1024).toFixed(0)} KiB, ${c.hits} memory hits, ${c.storeHits} store hits, ${c.misses} computations, ${c.coalesced} joined in flight` +
            (run.persistentStore ? " (persisted in the store)" : " (memory only)")),
    );
    if (!run.cacheApplied && run.mode !== "bare")
      lines.push(
        `  - the server did not apply \`cache: ${run.mode === "cache" ? "ResultCache" : "false"}\` (ServerDeps without the cache option): this row measures the server as it is`,
      );
  }
  lines.push("");
  return lines.join("\n");
}

const BEGIN = "<!-- api-load:begin (written by bench/api-load/run.ts --write) -->";
const END = "<!-- api-load:end -->";

/** Replaces the section between the markers, or appends it. */
function writeSection(section: string): void {
  const path = join(ROOT, "docs/benchmarks.md");
  const doc = readFileSync(path, "utf8");
  const block = `${BEGIN}\n${section}${END}\n`;
  const i = doc.indexOf(BEGIN);
  const j = doc.indexOf(END);
  const next =
    i >= 0 && j > i ? `${doc.slice(0, i)}${block}${doc.slice(j + END.length + 1)}` : `${doc.trimEnd()}\n\n${block}`;
  writeFileSync(path, next);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const loadBefore = loadavg();
  const dir = mkdtempSync(join(tmpdir(), "shushi-bench-api-"));
  try {
    log(`building the store from the shipped data in ${dir}`);
    const built = await openDataStore(dir);
    await built.close();
    const runs: ModeResult[] = [];
    for (const mode of args.modes) runs.push(await runMode(dir, mode, args));
    const report = {
      generatedAt: new Date().toISOString(),
      machine: {
        nproc: availableParallelism(),
        cpu: cpus()[0]?.model.trim() ?? "unknown",
        memoryGiB: round(totalmem() / 2 ** 30, 1),
        node: process.version,
        loadBefore: loadBefore.map((v) => round(v)),
        loadAfter: loadavg().map((v) => round(v)),
      },
      settings: args,
      goal: GOAL,
      runs,
    };
    const section = renderSection(report);
    process.stdout.write(section);
    if (args.write) {
      writeFileSync(join(ROOT, "bench/results/api-latest.json"), `${JSON.stringify(report, null, 1)}\n`);
      writeSection(section);
      log("wrote bench/results/api-latest.json and the API section of docs/benchmarks.md");
    }
  } finally {
    if (!args.keepStore) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench/api-load: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
