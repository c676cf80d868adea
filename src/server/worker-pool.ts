/**
 * The worker pool of method computations (方法计算线程池): heavy computations (a WIOD-size table,
 * 1 435 sectors, takes seconds) run in worker threads so the event loop keeps answering health checks,
 * cached figures and everyone else's requests (issue 6 §6; ADR 0009). Built on piscina: a queue, a
 * per-client limit on computations running or waiting, a time limit per computation and cancellation
 * (an AbortSignal of the request; piscina terminates a worker whose task is aborted while it runs).
 *
 * The store stays in the main thread (one process opens the DuckDB file): the caller loads the table
 * and sends `{table, meta}`; the worker (method-worker.ts) runs the declared method and returns the
 * wire JSON.
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Piscina } from "piscina";
import type { IoTable, Matrix } from "../core/index.js";
import { EdgeError, RemoteError } from "../methods/errors.js";
import type { MethodTask, MethodTaskResult } from "./method-worker.js";

export type { MethodTask, MethodTaskResult } from "./method-worker.js";

/** Tables with at least this many sectors are computed in the pool; the 42-sector tables (~1 ms) stay inline. */
export const DEFAULT_POOL_MIN_SECTORS = 200;

export interface WorkerPoolOptions {
  /** worker threads @default max(1, availableParallelism() − 1): one core stays with the event loop */
  readonly threads?: number;
  /** computations of one client running at once @default 2 */
  readonly perClient?: number;
  /** computations of one client waiting for a slot; one more is refused as `busy` (429) @default 8 */
  readonly perClientQueue?: number;
  /** computations waiting for a thread across all clients; one more is refused as `busy` @default 64 */
  readonly maxQueue?: number;
  /** time limit of a computation, waiting included; past it the worker is stopped (`timeout`, 503) @default 120000 */
  readonly timeoutMs?: number;
  /** heap limit of a worker thread in MB; a worker past it dies alone (internal error, 500) @default 4096 */
  readonly maxMemoryMb?: number;
  /** the worker module @default method-worker.js beside this file, or the tsx bootstrap method-worker.mjs from source */
  readonly filename?: string;
}

/** Who a computation counts against, and how its request can cancel it. */
export interface PoolRunOptions {
  /** the client (for now the remote address; the authenticated user once auth lands) */
  readonly clientId: string;
  /** aborted when the client has gone: the computation is dropped from the queue or its worker stopped */
  readonly signal?: AbortSignal;
}

export interface WorkerPoolStats {
  readonly threads: number;
  /** computations waiting for a thread (piscina's queue) */
  readonly queued: number;
  /** computations admitted (running or in piscina's queue) */
  readonly active: number;
  /** computations waiting for their client's slot */
  readonly waitingForClient: number;
  readonly completed: number;
  readonly timeouts: number;
  readonly cancelled: number;
  readonly refused: number;
}

/** A pool of method workers. */
export interface WorkerPool {
  /**
   * Runs a method on a table in a worker.
   * @returns the method's wire JSON
   * @throws {EdgeError} `busy` (429) when the client's queue or the pool's is full, `timeout` (503)
   *   past `timeoutMs`, `cancelled` when `signal` aborted
   * @throws {RemoteError} the method's own error, as described in the worker
   */
  run(task: MethodTask, options: PoolRunOptions): Promise<unknown>;
  stats(): WorkerPoolStats;
  /** waits for running computations, then stops the threads */
  close(): Promise<void>;
}

const shared = new WeakMap<IoTable, IoTable>();

const sharedArray = (a: Float64Array): Float64Array => {
  const copy = new Float64Array(new SharedArrayBuffer(a.byteLength));
  copy.set(a);
  return copy;
};
const sharedMatrix = (m: Matrix): Matrix => ({ rows: m.rows, cols: m.cols, data: sharedArray(m.data) });

/**
 * The table with its arrays in shared memory (SharedArrayBuffer), made once per loaded table: posting
 * it to a worker then copies only the sector labels, not the n² flows (WIOD: 16 MB per matrix, whose
 * structured clone took ≈ 150 ms of the event loop on the busy 2-core machine). Tables are immutable values
 * (the store's source caches and shares them), so sharing them read-only is safe.
 */
export function shareableTable(table: IoTable): IoTable {
  const hit = shared.get(table);
  if (hit !== undefined) return hit;
  const t: IoTable = {
    ...table,
    Z: sharedMatrix(table.Z),
    finalDemand: sharedMatrix(table.finalDemand),
    output: sharedArray(table.output),
    ...(table.Zdomestic !== undefined && { Zdomestic: sharedMatrix(table.Zdomestic) }),
    ...(table.finalDemandDomestic !== undefined && { finalDemandDomestic: sharedMatrix(table.finalDemandDomestic) }),
    ...(table.imports !== undefined && { imports: sharedArray(table.imports) }),
    ...(table.otherColumn !== undefined && { otherColumn: sharedArray(table.otherColumn) }),
  };
  shared.set(table, t);
  return t;
}

/** The worker module: compiled JS beside this file, or the tsx bootstrap when running from source. */
function defaultWorkerFile(): string {
  const js = fileURLToPath(new URL("./method-worker.js", import.meta.url));
  return existsSync(js) ? js : fileURLToPath(new URL("./method-worker.mjs", import.meta.url));
}

interface Waiter {
  readonly grant: () => void;
}

/** Per-client slots: `limit` running, `queue` waiting, then refusal. */
class ClientGate {
  private readonly active = new Map<string, number>();
  private readonly waiting = new Map<string, Waiter[]>();
  constructor(
    private readonly limit: number,
    private readonly queue: number,
  ) {}

  get waitingCount(): number {
    let n = 0;
    for (const w of this.waiting.values()) n += w.length;
    return n;
  }

  /** Resolves when the client may run one more computation; the caller must `release` it once. */
  acquire(client: string, signal: AbortSignal): Promise<void> {
    const running = this.active.get(client) ?? 0;
    if (running < this.limit) {
      this.active.set(client, running + 1);
      return Promise.resolve();
    }
    const queue = this.waiting.get(client) ?? [];
    if (queue.length >= this.queue) return Promise.reject(busy(this.limit + this.queue));
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        const q = this.waiting.get(client);
        const i = q?.indexOf(waiter) ?? -1;
        if (q !== undefined && i >= 0) q.splice(i, 1);
        if (q?.length === 0) this.waiting.delete(client);
        reject(signal.reason);
      };
      const waiter: Waiter = {
        grant: () => {
          signal.removeEventListener("abort", onAbort);
          resolve();
        },
      };
      queue.push(waiter);
      this.waiting.set(client, queue);
      signal.addEventListener("abort", onAbort, { once: true });
    });
  }

  /** Hands the client's slot to its next waiter, or frees it. */
  release(client: string): void {
    const q = this.waiting.get(client);
    const next = q?.shift();
    if (q?.length === 0) this.waiting.delete(client);
    if (next !== undefined) {
      next.grant(); // the slot passes on: the running count stays
      return;
    }
    const running = (this.active.get(client) ?? 1) - 1;
    if (running <= 0) this.active.delete(client);
    else this.active.set(client, running);
  }
}

const busy = (limit: number): EdgeError => new EdgeError("busy", "busy", "error.busy", { limit });

/**
 * Creates the pool (创建计算线程池). One thread is started at once (`minThreads` 1), so the first heavy
 * request does not pay the worker's start-up (≈ 2–3 s from source: tsx compiles the module graph).
 * @param options threads, per-client limits, queue length, time limit, memory cap
 * @returns the pool; `close()` it on shutdown
 * @example
 * const pool = createWorkerPool({ timeoutMs: 60_000 });
 * const wire = await pool.run({ method: "io.linkages", options, input: { table, meta }, lang: "en", backend: "auto" }, { clientId: "127.0.0.1" });
 */
export function createWorkerPool(options: WorkerPoolOptions = {}): WorkerPool {
  const threads = options.threads ?? Math.max(1, availableParallelism() - 1);
  const perClient = options.perClient ?? 2;
  const perClientQueue = options.perClientQueue ?? 8;
  const maxQueue = options.maxQueue ?? 64;
  const timeoutMs = options.timeoutMs ?? 120_000;
  const piscina = new Piscina<MethodTask, MethodTaskResult>({
    filename: options.filename ?? defaultWorkerFile(),
    minThreads: Math.min(1, threads),
    maxThreads: threads,
    maxQueue,
    idleTimeout: 60_000,
    resourceLimits: { maxOldGenerationSizeMb: options.maxMemoryMb ?? 4096 },
  });
  const gate = new ClientGate(perClient, perClientQueue);
  let active = 0;
  let timeouts = 0;
  let cancelled = 0;
  let refused = 0;
  let closing = false;

  return {
    async run(task, { clientId, signal }) {
      if (closing) throw new EdgeError("unavailable", "cancelled", "error.cancelled");
      const timer = AbortSignal.timeout(timeoutMs);
      const stop = signal === undefined ? timer : AbortSignal.any([timer, signal]);
      const failure = (e: unknown): unknown => {
        if (timer.aborted) {
          timeouts++;
          return new EdgeError("timeout", "timeout", "error.timeout", { seconds: Math.round(timeoutMs / 1000) });
        }
        if (signal?.aborted === true) {
          cancelled++;
          return new EdgeError("unavailable", "cancelled", "error.cancelled");
        }
        if (e instanceof Error && e.message === "Task queue is at limit") {
          refused++;
          return busy(maxQueue);
        }
        if (e instanceof EdgeError && e.category === "busy") refused++;
        return e;
      };
      try {
        await gate.acquire(clientId, stop);
      } catch (e) {
        throw failure(e);
      }
      active++;
      try {
        const r = await piscina.run(task, { signal: stop });
        if (!r.ok) throw new RemoteError(r.error);
        return r.wire;
      } catch (e) {
        throw e instanceof RemoteError ? e : failure(e);
      } finally {
        active--;
        gate.release(clientId);
      }
    },
    stats: () => ({
      threads: piscina.threads.length,
      queued: piscina.queueSize,
      active,
      waitingForClient: gate.waitingCount,
      completed: piscina.completed,
      timeouts,
      cancelled,
      refused,
    }),
    close: async () => {
      closing = true;
      await piscina.close();
    },
  };
}
