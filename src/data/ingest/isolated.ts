/**
 * Reading uploaded files in a parsing thread (隔离读取): the XLSX reader (exceljs) and large CSV files
 * run in a worker thread with a heap cap and a time limit, so that a file that slips past the
 * structural limits of xlsx-limits.ts still cannot exhaust the process's memory or stall it. A worker
 * that runs out of heap or time is terminated and the read ends in a coded `file_too_complex`
 * {limit: "memory" | "parse_time", max} issue; the caller's import then writes nothing.
 *
 * One thread is kept and reused (starting one costs ≈ 0.7 s from source, as tsx compiles the
 * reader's module graph); it is unref'd while idle, so a CLI process exits when its work is done.
 * Reads are served one at a time, in order. Small CSV files (below {@link CSV_IN_THREAD_BYTES}) are
 * read in the calling thread: the CSV reader is linear in the input and allocates about its size,
 * while the thread's round trip would cost more than the read.
 *
 * See docs/security.md ("Hostile files") and ADR 0010.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { type DataResult, issue } from "../issues.js";
import { detectTabularFormat, type ReadTabularFileOptions, readTabularFile } from "./index.js";
import type { RawTable } from "./raw-table.js";

/** Resource limits of the parsing thread. */
export interface ParseLimits {
  /** heap (V8 old generation) of the thread in MB: the largest XLSX the structural limits admit (500 000 cells) reads in ≈ 0.4 GB */
  readonly memoryMb: number;
  /** wall-clock time of one read in milliseconds, waiting for the thread included */
  readonly timeoutMs: number;
}

/** Defaults: 768 MB keeps the whole process under 1 GB; 60 s is ≈ 30× the slowest legitimate read measured (WIOD-size CSV). */
export const DEFAULT_PARSE_LIMITS: ParseLimits = { memoryMb: 768, timeoutMs: 60_000 };

/** CSV files below this size are read in the calling thread. */
export const CSV_IN_THREAD_BYTES = 1024 * 1024;

/** A request to the parsing thread. */
export interface ParseRequest {
  readonly id: number;
  readonly bytes: Uint8Array;
  readonly options: ReadTabularFileOptions;
}

/** The parsing thread's answer: the reader's result, or the message of an exception it threw. */
export type ParseReply =
  | { readonly id: number; readonly result: DataResult<RawTable> }
  | { readonly id: number; readonly thrown: string };

function workerFile(): string {
  const js = fileURLToPath(new URL("./parse-worker.js", import.meta.url));
  return existsSync(js) ? js : fileURLToPath(new URL("./parse-worker.mjs", import.meta.url));
}

interface Job {
  readonly request: ParseRequest;
  readonly limits: ParseLimits;
  readonly file: string;
  readonly resolve: (r: DataResult<RawTable>) => void;
  readonly reject: (e: unknown) => void;
}

/** The one parsing thread and its queue. */
class ParseThread {
  private worker: Worker | undefined;
  private workerMemoryMb = 0;
  private readonly queue: Job[] = [];
  private running = false;
  private nextId = 1;

  read(bytes: Uint8Array, options: ReadTabularFileOptions, limits: ParseLimits): Promise<DataResult<RawTable>> {
    return new Promise((resolve, reject) => {
      this.queue.push({ request: { id: this.nextId++, bytes, options }, limits, file: options.file, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    for (let job = this.queue.shift(); job !== undefined; job = this.queue.shift()) {
      try {
        job.resolve(await this.run(job));
      } catch (e) {
        job.reject(e);
      }
    }
    this.running = false;
  }

  private thread(memoryMb: number): Worker {
    if (this.worker !== undefined && this.workerMemoryMb === memoryMb) return this.worker;
    void this.worker?.terminate();
    const w = new Worker(workerFile(), {
      resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: Math.min(64, memoryMb / 4) },
    });
    this.worker = w;
    this.workerMemoryMb = memoryMb;
    w.unref();
    return w;
  }

  private run(job: Job): Promise<DataResult<RawTable>> {
    const { limits, file } = job;
    const w = this.thread(limits.memoryMb);
    const tooComplex = (limit: "memory" | "parse_time", max: number): DataResult<RawTable> => ({
      ok: false,
      issues: [issue("file_too_complex", { file }, { limit, max })],
    });
    return new Promise((resolve, reject) => {
      const done = (): void => {
        clearTimeout(timer);
        w.off("message", onMessage);
        w.off("error", onError);
        w.off("exit", onExit);
        w.unref();
      };
      const drop = (): void => {
        if (this.worker === w) this.worker = undefined;
        void w.terminate();
      };
      const onMessage = (reply: ParseReply): void => {
        if (reply.id !== job.request.id) return;
        done();
        if ("thrown" in reply) reject(new Error(`parsing thread: ${reply.thrown}`));
        else resolve(reply.result);
      };
      const onError = (e: Error & { code?: string }): void => {
        done();
        drop();
        if (e.code === "ERR_WORKER_OUT_OF_MEMORY") resolve(tooComplex("memory", limits.memoryMb));
        else reject(e);
      };
      const onExit = (code: number): void => {
        done();
        drop();
        reject(new Error(`parsing thread exited (code ${code})`));
      };
      const timer = setTimeout(() => {
        done();
        drop();
        resolve(tooComplex("parse_time", limits.timeoutMs / 1000));
      }, limits.timeoutMs);
      w.on("message", onMessage);
      w.on("error", onError);
      w.on("exit", onExit);
      w.ref();
      // a copy, so the caller keeps its bytes (it hashes and may store them after the read)
      const bytes = job.request.bytes.slice();
      w.postMessage({ ...job.request, bytes }, [bytes.buffer]);
    });
  }

  /** Stops the thread (tests; the process exits without it, as the idle thread is unref'd). */
  async close(): Promise<void> {
    const w = this.worker;
    this.worker = undefined;
    await w?.terminate();
  }
}

let shared: ParseThread | undefined;

/**
 * Reads a CSV, TSV or XLSX file into a raw table like {@link readTabularFile}, in the parsing thread
 * for XLSX files and CSV files of {@link CSV_IN_THREAD_BYTES} and more (读取上传文件).
 * @param bytes file content (not transferred: the caller keeps it)
 * @param options as for `readTabularFile`
 * @param limits heap cap and time limit of the thread (default {@link DEFAULT_PARSE_LIMITS})
 * @returns the reader's result; past a limit `file_too_complex` {limit: "memory" | "parse_time", max}
 * @throws Error when the thread fails otherwise (a defect, not a property of the file)
 * @example
 * await readTabularFileIsolated(bytes, { file: "upload.xlsx" }, { memoryMb: 512, timeoutMs: 30_000 })
 */
export function readTabularFileIsolated(
  bytes: Uint8Array,
  options: ReadTabularFileOptions,
  limits: ParseLimits = DEFAULT_PARSE_LIMITS,
): Promise<DataResult<RawTable>> {
  const format = options.format ?? detectTabularFormat(bytes, options.file);
  if (format === "xls" || (format === "csv" && bytes.length < CSV_IN_THREAD_BYTES))
    return readTabularFile(bytes, options);
  shared ??= new ParseThread();
  return shared.read(bytes, options, limits);
}

/** Stops the parsing thread if one runs (it starts again on the next read). */
export async function closeParseThread(): Promise<void> {
  await shared?.close();
}
