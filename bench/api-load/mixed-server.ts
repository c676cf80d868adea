/**
 * The server of the mixed-load benchmark (a child process of mixed.ts): the real `startServer`
 * (src/server/main.ts) over the store in `--dir`, on 127.0.0.1 at an ephemeral port, with the worker
 * pool (`--mode pool`, its defaults) or without it (`--mode inline`: every computation on the event
 * loop, as before issue 6). IPC: sends `{type: "ready", port}`; `"reset"` restarts the event-loop delay
 * histogram; answers `"stats"` with `{type: "stats", pool, rssBytes, loopDelayMs}` (the delay since the
 * last reset); on `"close"` closes the server and the store and exits.
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import { openDataStore } from "../../src/app/store.js";
import { startServer } from "../../src/server/main.js";

function arg(name: string): string {
  const i = process.argv.indexOf(name);
  const v = i >= 0 ? process.argv[i + 1] : undefined;
  if (v === undefined) throw new Error(`bench/api-load/mixed-server: missing ${name}`);
  return v;
}

async function main(): Promise<void> {
  const dir = arg("--dir");
  const mode = arg("--mode");
  if (mode !== "pool" && mode !== "inline") throw new Error(`unknown --mode ${mode}`);
  const store = await openDataStore(dir, { build: false });
  const server = await startServer({
    port: 0,
    host: "127.0.0.1",
    store,
    webDist: "/nonexistent",
    pool: mode === "pool" ? {} : false,
  });
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const ms = (ns: number) => Math.round(ns / 1e5) / 10;
  process.on("message", async (m) => {
    if (m === "reset") delay.reset();
    else if (m === "stats") {
      process.send?.({
        type: "stats",
        pool: server.pool?.stats() ?? null,
        rssBytes: process.memoryUsage().rss,
        loopDelayMs: { p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), max: ms(delay.max) },
      });
    } else if (m === "close") {
      await server.close();
      await store.close();
      process.exit(0);
    }
  });
  process.send?.({ type: "ready", port: Number(new URL(server.url).port) });
}

main().catch((e: unknown) => {
  process.stderr.write(`mixed-server: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
