/**
 * `shushi report`, `shushi serve` and `shushi main`.
 */
import { resolve } from "node:path";
import { t } from "../../i18n/index.js";
import { UsageError } from "../../methods/index.js";
import { checkKnown, intOption, type ParsedArgs } from "../args.js";
import type { CliContext } from "../context.js";

/** `shushi report [--out DIR]`. */
export async function reportCommand(args: ParsedArgs, ctx: CliContext): Promise<number> {
  checkKnown(args, "report", ["out"]);
  const outDir = resolve(ctx.cwd, args.options.get("out") ?? "out/report");
  const r = await ctx.withStore((store) => ctx.deps.renderReport({ outDir, store, lang: ctx.lang }));
  ctx.out(`${t("msg.report_written", ctx.lang, { path: r.indexPath })}\n`);
  return 0;
}

function waitForShutdown(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolveWait) => {
    if (signal !== undefined) {
      if (signal.aborted) resolveWait();
      else signal.addEventListener("abort", () => resolveWait(), { once: true });
      return;
    }
    const done = (): void => {
      process.off("SIGINT", done);
      process.off("SIGTERM", done);
      resolveWait();
    };
    process.on("SIGINT", done);
    process.on("SIGTERM", done);
  });
}

/** `shushi serve` and `shushi main` (main also writes the report first). */
export async function serveCommand(args: ParsedArgs, ctx: CliContext, isMain: boolean): Promise<number> {
  checkKnown(args, isMain ? "main" : "serve", isMain ? ["port", "host", "out"] : ["port", "host"]);
  const port = intOption(args, "port", 8787, 0, 65535);
  const host = args.options.get("host") ?? "127.0.0.1";
  const store = await ctx.deps.openStore(ctx.dataDir, {
    build: true,
    refreshShipped: true,
    onBuild: (dir) => ctx.err(`${t("msg.store_building", ctx.lang, { dir })}\n`),
  });
  try {
    if (isMain) {
      const outDir = resolve(ctx.cwd, args.options.get("out") ?? "out/report");
      const r = await ctx.deps.renderReport({ outDir, store, lang: ctx.lang });
      ctx.out(`${t("msg.report_written", ctx.lang, { path: r.indexPath })}\n`);
    }
    let server: Awaited<ReturnType<CliContext["deps"]["startServer"]>>;
    try {
      server = await ctx.deps.startServer({ port, host, store, lang: ctx.lang });
    } catch (e) {
      const code = (e as { code?: unknown }).code;
      if (code === "EADDRINUSE" || code === "EACCES" || code === "EADDRNOTAVAIL") {
        throw new UsageError("usage.cannot_listen", { host, port, reason: String(code) });
      }
      throw e;
    }
    if (server.dashboard === false) ctx.err(`${t("msg.no_web", ctx.lang)}\n`);
    ctx.out(`${t("msg.serving", ctx.lang, { url: server.url })}\n`);
    // a non-loopback bind: say what the network can reach (issue 6; docs/security.md)
    if (server.exposure !== undefined) ctx.err(`${server.exposure.notice}\n`);
    await waitForShutdown(ctx.io.signal);
    await server.close();
  } finally {
    await store.close();
  }
  return 0;
}
