/**
 * The method worker (方法计算线程): runs one declared method on an in-memory IO or indicator table in a worker
 * thread of the pool (src/server/worker-pool.ts) and returns its wire JSON. The store stays in the
 * main thread, which loads the table and sends `{table, meta}` here; errors come back as data
 * (`describeError` in the request's language), since class instances do not survive the thread
 * boundary.
 */
import type { LoadedIndicators, LoadedIoTable } from "../app/index.js";
import type { Lang } from "../i18n/index.js";
import { type DescribedError, describeError } from "../methods/errors.js";
import { METHODS } from "../methods/index.js";

/** One computation sent to the pool. */
export interface MethodTask {
  /** the declaration's id, e.g. `io.linkages` */
  readonly method: string;
  /** the parsed options (plain values) */
  readonly options: Readonly<Record<string, unknown>>;
  /** the input the method reads, loaded by the main thread: an IO table or an indicator table, with its meta */
  readonly input: LoadedIoTable | LoadedIndicators;
  readonly lang: Lang;
  /** linear-algebra backend by name (an injected backend object cannot cross threads) */
  readonly backend: "auto" | "typescript" | "native";
  /** computedAt of the provenance (ISO), when the server runs with a fixed clock */
  readonly now?: string;
}

/** The wire JSON of the method, or its error as the edges report it. */
export type MethodTaskResult =
  | { readonly ok: true; readonly wire: unknown }
  | { readonly ok: false; readonly error: DescribedError };

/**
 * Runs `task` (the function piscina calls in the worker).
 * @returns `{ok: true, wire}` or `{ok: false, error}`; never throws for a method's own errors
 */
export default async function runMethodTask(task: MethodTask): Promise<MethodTaskResult> {
  try {
    const m = METHODS.find((x) => x.id === task.method);
    if (m === undefined) throw new Error(`method worker: unknown method ${task.method}`);
    const now = task.now !== undefined ? new Date(task.now) : undefined;
    const result = await m.run(task.options, task.input, {
      backend: task.backend,
      ...(now !== undefined && { clock: () => now }),
    });
    return { ok: true, wire: m.toWire(result, task.lang) };
  } catch (e) {
    return { ok: false, error: describeError(e, task.lang) };
  }
}
