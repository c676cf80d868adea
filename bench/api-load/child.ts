/**
 * The benchmark server runs in a child process (so it does not share an event loop with the load
 * generator); these two helpers talk to it over IPC. Used by run.ts and mixed.ts.
 */
import type { ChildProcess } from "node:child_process";

/** Waits for the next IPC message of a type, bounded by `ms`; rejects if the child exits first. */
export function nextMessage<M extends { readonly type: string }>(
  child: ChildProcess,
  type: M["type"],
  ms: number,
): Promise<M> {
  return new Promise((resolveMessage, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`server: no '${type}' within ${ms} ms`));
    }, ms);
    const onMessage = (m: M) => {
      if (m?.type !== type) return;
      cleanup();
      resolveMessage(m);
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`server exited (${code}) before '${type}'`));
    };
    const cleanup = () => {
      clearTimeout(timer);
      child.off("message", onMessage);
      child.off("exit", onExit);
    };
    child.on("message", onMessage);
    child.on("exit", onExit);
  });
}

/** Asks the child to close and waits for it to exit; kills it after `killAfterMs`. */
export async function stopServer(child: ChildProcess, killAfterMs: number): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  child.send("close");
  const timer = setTimeout(() => child.kill("SIGKILL"), killAfterMs);
  await exited;
  clearTimeout(timer);
}
