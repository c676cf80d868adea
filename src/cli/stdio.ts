/**
 * The process's standard streams as CLI sinks that tolerate a reader that goes away: in
 * `shushi … | head` the reader closes the pipe early and the next write fails with EPIPE. The sink
 * then stops writing, and the launcher exits 0 without a stack trace, as Unix filters do.
 */
import type { TextSink } from "./context.js";

/** A writable stream as the CLI sees it (process.stdout, process.stderr). */
export interface StdStream {
  write(chunk: string): boolean;
  on(event: "error", listener: (e: Error & { code?: string }) => void): unknown;
  readonly isTTY?: boolean;
}

export interface ProcessSinks {
  readonly stdout: TextSink & { readonly isTTY?: boolean | undefined };
  readonly stderr: TextSink & { readonly isTTY?: boolean | undefined };
  /** true once the reader of stdout has gone away (the CLI should exit 0) */
  readonly stdoutClosed: () => boolean;
}

function quietSink(stream: StdStream, onClosed: () => void): TextSink & { readonly isTTY?: boolean | undefined } {
  let closed = false;
  stream.on("error", (e) => {
    if (e.code === "EPIPE" || e.code === "ERR_STREAM_DESTROYED") {
      closed = true;
      onClosed();
      return;
    }
    throw e;
  });
  return {
    get isTTY() {
      return stream.isTTY;
    },
    write: (chunk: string) => {
      if (closed) return false;
      try {
        return stream.write(chunk);
      } catch (e) {
        const code = (e as { code?: string }).code;
        if (code !== "EPIPE" && code !== "ERR_STREAM_DESTROYED") throw e;
        closed = true;
        onClosed();
        return false;
      }
    },
  };
}

/** Sinks over the given streams (the process's by default) that stop writing on EPIPE. */
export function processSinks(stdout: StdStream = process.stdout, stderr: StdStream = process.stderr): ProcessSinks {
  let stdoutClosed = false;
  return {
    stdout: quietSink(stdout, () => {
      stdoutClosed = true;
    }),
    stderr: quietSink(stderr, () => {}),
    stdoutClosed: () => stdoutClosed,
  };
}
