/**
 * The shushi command line (命令行). `run(argv, io)` parses arguments, calls the app layer and writes
 * to the injected streams; it never calls process.exit and never writes to the console, so tests run
 * it with in-memory streams. Exit codes: 0 ok, 1 data issues, 2 usage errors, 70 internal errors.
 */
import { readFile } from "node:fs/promises";
import { isAbsolute, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { DataIssuesError, DEFAULT_PARSE_LIMITS, issue, type ParseLimits, software } from "../app/index.js";
import type { DataStore, OpenDataStoreOptions } from "../app/store.js";
import { detectLang, type Lang, normalizeLang, t } from "../i18n/index.js";
import { describeError, ERROR_CATEGORIES, methodByCommand, UsageError } from "../methods/index.js";
import type { ReportData } from "../report/types.js";
import { checkGlobalValues, checkKnown, type ParsedArgs, parseArgs } from "./args.js";
import { datasetsCommand } from "./commands/datasets.js";
import { runMethodCommand } from "./commands/method.js";
import { reportCommand, serveCommand } from "./commands/serve.js";
import { usersCommand } from "./commands/users.js";
import type { CliContext, CliDeps, CliIo } from "./context.js";
import { helpText } from "./help.js";
import { issueLine } from "./render.js";
import { processSinks } from "./stdio.js";

export type { CliDeps, CliIo, TextSink } from "./context.js";
export { processSinks } from "./stdio.js";

const defaultDeps: CliDeps = {
  openStore: async (dir, options) => (await import("../app/store.js")).openDataStore(dir, options),
  renderReport: async ({ outDir, store, lang }) => {
    const { renderReport } = await import("../report/index.js");
    const { reportDataLoader } = await import("./report-data.js");
    const loadData: (l: Lang) => Promise<ReportData> = reportDataLoader(store);
    const r = await renderReport({ outDir, lang, loadData });
    const indexPath = r.files.find((f) => f.endsWith("index.html")) ?? resolve(outDir, "index.html");
    return { indexPath };
  },
  startServer: async (options) => {
    const { startServer } = await import("../server/main.js");
    return startServer(options);
  },
};

/** An environment setting of a whole number within bounds. */
function envInt(env: Readonly<Record<string, string | undefined>>, name: string, min: number, max: number) {
  const text = env[name];
  if (text === undefined || text === "") return undefined;
  const n = /^\d{1,9}$/.test(text) ? Number(text) : Number.NaN;
  if (!(n >= min && n <= max))
    throw new UsageError("usage.invalid_value", { option: name, value: text, expected: `${min}–${max}` });
  return n;
}

/** SHUSHI_PARSE_MEMORY_MB and SHUSHI_PARSE_TIMEOUT_S: limits of the thread that reads uploaded files (docs/security.md). */
function parseLimitsFromEnv(env: Readonly<Record<string, string | undefined>>): ParseLimits {
  const memoryMb = envInt(env, "SHUSHI_PARSE_MEMORY_MB", 64, 16_384);
  const seconds = envInt(env, "SHUSHI_PARSE_TIMEOUT_S", 1, 3_600);
  return {
    memoryMb: memoryMb ?? DEFAULT_PARSE_LIMITS.memoryMb,
    timeoutMs: seconds === undefined ? DEFAULT_PARSE_LIMITS.timeoutMs : seconds * 1000,
  };
}

/**
 * Runs the CLI (命令行入口).
 * @param argv arguments after the program name
 * @param io output streams, cwd, env, optional abort signal and injected dependencies
 * @returns the exit code: 0 ok, then by error category (src/methods/errors.ts): 1 data, 2 usage, 70 internal
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const env = io.env ?? process.env;
  const cwd = io.cwd ?? process.cwd();
  let lang: Lang = detectLang(env.SHUSHI_LANG);
  const out = (s: string): void => void io.stdout.write(s);
  const err = (s: string): void => void io.stderr.write(s);
  try {
    const args = parseArgs(argv);
    checkGlobalValues(args);
    const langOpt = args.options.get("lang");
    if (langOpt !== undefined) {
      const l = normalizeLang(langOpt);
      if (l === undefined)
        throw new UsageError("usage.invalid_value", { option: "--lang", value: langOpt, expected: "zh-CN, en" });
      lang = l;
    }
    const dataDirOpt = args.options.get("data-dir") ?? env.SHUSHI_DATA_DIR ?? ".shushi";
    const given: CliDeps = { ...defaultDeps, ...io.deps };
    const parseLimits = parseLimitsFromEnv(env);
    const deps: CliDeps = { ...given, openStore: (dir, options) => given.openStore(dir, { ...options, parseLimits }) };
    const dataDir = isAbsolute(dataDirOpt) ? dataDirOpt : resolve(cwd, dataDirOpt);
    const chosen = lang;
    const ctx: CliContext = {
      io,
      lang: chosen,
      cwd,
      dataDir,
      deps,
      parseLimits,
      out,
      err,
      withStore: async <T>(f: (store: DataStore) => Promise<T>, options: OpenDataStoreOptions = {}): Promise<T> => {
        const store = await deps.openStore(dataDir, {
          ...options,
          onBuild: (dir) => err(`${t("msg.store_building", chosen, { dir })}\n`),
        });
        try {
          return await f(store);
        } finally {
          await store.close();
        }
      },
      readUserFile: (path) => readUserFile(cwd, path),
    };
    return await dispatch(args, ctx);
  } catch (e) {
    return reportError(e, lang, err);
  }
}

/** Prints an error in the language and returns its exit code (one mapping: ERROR_CATEGORIES). */
function reportError(e: unknown, lang: Lang, err: (s: string) => void): number {
  const d = describeError(e, lang);
  if (d.issues !== undefined && e instanceof DataIssuesError) {
    err(
      `${t("label.issues", lang, { count: e.issues.length })}\n${e.issues.map((i) => `  ${issueLine(i, lang)}`).join("\n")}\n`,
    );
  } else if (d.category === "internal") {
    err(`${d.message}\n`);
    if (e instanceof Error && e.stack !== undefined) err(`${e.stack}\n`);
  } else {
    err(`[${d.code}] ${d.message}\n`);
  }
  return ERROR_CATEGORIES[d.category].exit;
}

async function dispatch(args: ParsedArgs, ctx: CliContext): Promise<number> {
  const [command, sub, ...rest] = args.positionals;
  if (args.flags.has("version")) {
    ctx.out(`${software()}\n`);
    return 0;
  }
  const method = methodByCommand(command, sub);
  if (method !== undefined) {
    if (rest.length > 0) throw new UsageError("usage.unknown_command", { command: args.positionals.join(" ") });
    return runMethodCommand(method, args, ctx);
  }
  if (command === undefined || command === "help" || args.flags.has("help")) {
    // `shushi --h` is an unknown option, not help (no prefixes taken as other options)
    if (command === undefined || command === "help") checkKnown(args, "shushi", ["version"]);
    ctx.out(helpText(ctx.lang));
    return 0;
  }
  switch (command) {
    case "datasets":
      return datasetsCommand(sub, rest, args, ctx);
    case "users":
      return usersCommand(sub, rest, args, ctx);
    case "report":
      if (sub !== undefined) throw new UsageError("usage.unknown_command", { command: `report ${sub}` });
      return reportCommand(args, ctx);
    case "serve":
      if (sub !== undefined) throw new UsageError("usage.unknown_command", { command: `serve ${sub}` });
      return serveCommand(args, ctx, false);
    case "main":
      if (sub !== undefined) throw new UsageError("usage.unknown_command", { command: `main ${sub}` });
      return serveCommand(args, ctx, true);
    default:
      throw new UsageError("usage.unknown_command", { command: [command, sub].filter(Boolean).join(" ") });
  }
}

async function readUserFile(cwd: string, path: string): Promise<{ bytes: Uint8Array; file: string }> {
  const abs = isAbsolute(path) ? path : resolve(cwd, path);
  try {
    return { bytes: new Uint8Array(await readFile(abs)), file: path };
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new DataIssuesError([
      issue("file_unreadable", { file: path }, { reason: "read_failed", detail: code ?? String(e) }),
    ]);
  }
}

/** Runs when this module is the program entry (e.g. `tsx src/cli/main.ts serve`). */
const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) {
  const sinks = processSinks();
  const code = await run(process.argv.slice(2), { stdout: sinks.stdout, stderr: sinks.stderr });
  process.exitCode = sinks.stdoutClosed() ? 0 : code;
}
