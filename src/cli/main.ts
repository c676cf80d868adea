/**
 * The shushi command line (命令行). `run(argv, io)` parses arguments, calls the app layer and writes
 * to the injected streams; it never calls process.exit and never writes to the console, so tests run
 * it with in-memory streams. Exit codes: 0 ok, 1 data issues, 2 usage errors, 70 internal errors.
 */
import { readFile } from "node:fs/promises";
import { isAbsolute, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import {
  BACKEND_NAMES,
  type Clock,
  datasetsImport,
  datasetsList,
  datasetsShow,
  datasetsValidate,
  GROUP_METHODS,
  IMPORTS_BASES,
  type InputTable,
  ioIntensity,
  ioLinkages,
  ioMatrix,
  ioSeries,
  isDatasetNotFound,
  LINKAGE_VARIANTS,
  parseGroupSpec,
  readInputTable,
  SERIES_FAMILIES,
  type StoreLockedError,
  software,
  type TableRef,
} from "../app/index.js";
import type { DataStore, OpenDataStoreOptions } from "../app/store.js";
import { isCoreError } from "../core/errors.js";
import { DataIssuesError, issue } from "../data/issues.js";
import { catalog, detectLang, type Lang, normalizeLang, roundHalfUp, t } from "../i18n/index.js";
import type { ReportData } from "../report/types.js";
import {
  checkGlobalValues,
  checkKnown,
  enumOption,
  intOption,
  type ParsedArgs,
  parseArgs,
  UsageError,
} from "./args.js";
import { helpText } from "./help.js";
import {
  issueLine,
  jsonText,
  type OutputFormat,
  renderDatasetList,
  renderDatasetShow,
  renderIntensity,
  renderLinkages,
  renderMatrix,
  renderValidate,
  withMessages,
} from "./render.js";
import { renderCsv, renderTextTable } from "./text-table.js";

/** Anything with a write(string) method (process.stdout, a test buffer). */
export interface TextSink {
  write(chunk: string): unknown;
}

/** What the CLI needs from the outside world; every field has a default. */
export interface CliDeps {
  openStore(dir: string, options: OpenDataStoreOptions): Promise<DataStore>;
  renderReport(options: { outDir: string; store: DataStore; lang: Lang }): Promise<{ indexPath: string }>;
  startServer(options: {
    port: number;
    host: string;
    store: DataStore;
    lang: Lang;
  }): Promise<{ url: string; dashboard?: boolean; close(): Promise<void> }>;
  clock?: Clock;
}

export interface CliIo {
  readonly stdout: TextSink;
  readonly stderr: TextSink;
  /** working directory for relative paths @default process.cwd() */
  readonly cwd?: string;
  /** environment (SHUSHI_LANG, SHUSHI_DATA_DIR) @default process.env */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** `serve`/`main` run until this signal aborts (default: SIGINT/SIGTERM) */
  readonly signal?: AbortSignal;
  /** injected dependencies (tests) */
  readonly deps?: Partial<CliDeps>;
}

const EXIT_OK = 0;
const EXIT_DATA = 1;
const EXIT_USAGE = 2;
const EXIT_INTERNAL = 70;

/** Core error codes that mean "the user's request is wrong" (exit 2); others concern the data (exit 1). */
const USAGE_CORE_CODES = new Set(["invalid_argument", "unknown_sector", "invalid_group"]);

interface Ctx {
  readonly io: CliIo;
  readonly lang: Lang;
  readonly cwd: string;
  readonly dataDir: string;
  readonly deps: CliDeps;
  readonly out: (s: string) => void;
  readonly err: (s: string) => void;
}

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

/**
 * Runs the CLI (命令行入口).
 * @param argv arguments after the program name
 * @param io output streams, cwd, env, optional abort signal and injected dependencies
 * @returns the exit code
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
    const ctx: Ctx = {
      io,
      lang,
      cwd,
      dataDir: isAbsolute(dataDirOpt) ? dataDirOpt : resolve(cwd, dataDirOpt),
      deps: { ...defaultDeps, ...io.deps },
      out,
      err,
    };
    return await dispatch(args, ctx);
  } catch (e) {
    return reportError(e, lang, err);
  }
}

function reportError(e: unknown, lang: Lang, err: (s: string) => void): number {
  if (e instanceof UsageError) {
    err(`[${e.key.replace(/^usage\./, "")}] ${t(e.key, lang, e.params)}\n`);
    return EXIT_USAGE;
  }
  if (e instanceof DataIssuesError) {
    err(
      `${t("label.issues", lang, { count: e.issues.length })}\n${e.issues.map((i) => `  ${issueLine(i, lang)}`).join("\n")}\n`,
    );
    return EXIT_DATA;
  }
  if (e instanceof Error && e.name === "StoreLockedError") {
    const { dir } = e as StoreLockedError;
    err(`[store_locked] ${t("error.store_locked", lang, { dir })}\n`);
    return EXIT_USAGE;
  }
  if (isDatasetNotFound(e)) {
    err(`[unknown_dataset] ${catalog(lang).dataIssue("unknown_dataset", { id: e.id })}\n`);
    return EXIT_DATA;
  }
  if (isCoreError(e)) {
    err(`[${e.code}] ${catalog(lang).coreError(e.code, e.params)}\n`);
    return USAGE_CORE_CODES.has(e.code) ? EXIT_USAGE : EXIT_DATA;
  }
  const message = e instanceof Error ? e.message : String(e);
  err(`${t("error.internal", lang, { message })}\n`);
  if (e instanceof Error && e.stack !== undefined) err(`${e.stack}\n`);
  return EXIT_INTERNAL;
}

async function dispatch(args: ParsedArgs, ctx: Ctx): Promise<number> {
  const [command, sub, ...rest] = args.positionals;
  if (args.flags.has("version")) {
    ctx.out(`${software()}\n`);
    return EXIT_OK;
  }
  if (command === undefined || command === "help" || args.flags.has("help")) {
    ctx.out(helpText(ctx.lang));
    return EXIT_OK;
  }
  switch (command) {
    case "datasets":
      return datasetsCommand(sub, rest, args, ctx);
    case "io":
      if (rest.length > 0) throw new UsageError("usage.unknown_command", { command: `io ${sub} ${rest.join(" ")}` });
      return ioCommand(sub, args, ctx);
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
      throw new UsageError("usage.unknown_command", { command });
  }
}

async function withStore<T>(
  ctx: Ctx,
  f: (store: DataStore) => Promise<T>,
  options: OpenDataStoreOptions = {},
): Promise<T> {
  const store = await ctx.deps.openStore(ctx.dataDir, {
    ...options,
    onBuild: (dir) => ctx.err(`${t("msg.store_building", ctx.lang, { dir })}\n`),
  });
  try {
    return await f(store);
  } finally {
    await store.close();
  }
}

async function readUserFile(ctx: Ctx, path: string): Promise<{ bytes: Uint8Array; file: string }> {
  const abs = isAbsolute(path) ? path : resolve(ctx.cwd, path);
  try {
    return { bytes: new Uint8Array(await readFile(abs)), file: path };
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new DataIssuesError([
      issue("file_unreadable", { file: path }, { reason: code === "ENOENT" ? "file not found" : (code ?? String(e)) }),
    ]);
  }
}

const FORMATS: readonly OutputFormat[] = ["table", "json", "csv"];

async function datasetsCommand(sub: string | undefined, rest: string[], args: ParsedArgs, ctx: Ctx): Promise<number> {
  switch (sub) {
    case "list": {
      checkKnown(args, "datasets list", ["format"]);
      const format = enumOption(args, "format", FORMATS, "table");
      const r = await withStore(ctx, (s) => datasetsList(s.source));
      ctx.out(renderDatasetList(r.datasets, format, ctx.lang));
      return EXIT_OK;
    }
    case "show": {
      checkKnown(args, "datasets show", ["format"]);
      const id = rest[0];
      if (id === undefined)
        throw new UsageError("usage.missing_argument", { command: "datasets show", argument: "id" });
      const format = enumOption(args, "format", FORMATS, "table");
      const r = await withStore(ctx, (s) => datasetsShow(s.source, id));
      ctx.out(renderDatasetShow(r, format, ctx.lang));
      return EXIT_OK;
    }
    case "validate": {
      checkKnown(args, "datasets validate", ["format", "unit", "sheet"]);
      const path = rest[0];
      if (path === undefined)
        throw new UsageError("usage.missing_argument", { command: "datasets validate", argument: "file" });
      const format = enumOption(args, "format", FORMATS, "table");
      const { bytes, file } = await readUserFile(ctx, path);
      const unit = args.options.get("unit");
      const sheet = args.options.get("sheet");
      const r = await datasetsValidate(bytes, {
        file,
        ...(unit !== undefined && { unit }),
        ...(sheet !== undefined && { sheet }),
      });
      if (r.ok) ctx.out(renderValidate(r, format, ctx.lang));
      else if (format === "json") ctx.out(renderValidate(r, format, ctx.lang));
      else ctx.err(renderValidate(r, format, ctx.lang));
      return r.ok ? EXIT_OK : EXIT_DATA;
    }
    case "import": {
      checkKnown(args, "datasets import", ["id", "unit", "kind", "replace", "format"]);
      const path = rest[0];
      if (path === undefined)
        throw new UsageError("usage.missing_argument", { command: "datasets import", argument: "file" });
      const id = args.options.get("id");
      if (id === undefined)
        throw new UsageError("usage.missing_option", { command: "datasets import", option: "--id <id>" });
      const kind = enumOption(args, "kind", ["io_table"] as const, "io_table");
      const format = enumOption(args, "format", FORMATS, "table");
      const { bytes, file } = await readUserFile(ctx, path);
      const unit = args.options.get("unit");
      const r = await withStore(ctx, (s) =>
        datasetsImport(s.importer, bytes, {
          file,
          id,
          kind,
          ...(unit !== undefined && { unit }),
          replace: args.flags.has("replace"),
        }),
      );
      if (format === "json") ctx.out(jsonText(r));
      else
        ctx.out(
          `${t("msg.imported", ctx.lang, { id: r.dataset.id, sectors: r.dataset.dimensions.sectors ?? "?", unit: r.dataset.unit })}\n`,
        );
      return EXIT_OK;
    }
    case "rebuild": {
      checkKnown(args, "datasets rebuild", []);
      const count = await withStore(ctx, async (s) => (await s.source.listDatasets()).length, { rebuild: true });
      ctx.out(`${t("msg.store_built", ctx.lang, { dir: ctx.dataDir, count })}\n`);
      return EXIT_OK;
    }
    default:
      throw new UsageError("usage.unknown_command", { command: `datasets${sub !== undefined ? ` ${sub}` : ""}` });
  }
}

/** Runs `f` on the table named by --table (store) or --input (file, no store). */
async function withTable<T>(
  args: ParsedArgs,
  ctx: Ctx,
  command: string,
  f: (ref: TableRef, store: DataStore | undefined) => Promise<T>,
): Promise<T> {
  const tableId = args.options.get("table");
  const input = args.options.get("input");
  if (tableId !== undefined && input !== undefined)
    throw new UsageError("usage.conflict", { a: "--table", b: "--input" });
  if (tableId === undefined && input === undefined) {
    throw new UsageError("usage.missing_option", { command, option: "--table <id> | --input <file>" });
  }
  if (input !== undefined) {
    const { bytes, file } = await readUserFile(ctx, input);
    const unit = args.options.get("unit");
    const sheet = args.options.get("sheet");
    const loaded: InputTable = await readInputTable(bytes, {
      file,
      ...(unit !== undefined && { unit }),
      ...(sheet !== undefined && { sheet }),
    });
    return f({ table: loaded.table, meta: loaded.meta }, undefined);
  }
  return withStore(ctx, (s) => f({ tableId: tableId as string }, s));
}

async function ioCommand(sub: string | undefined, args: ParsedArgs, ctx: Ctx): Promise<number> {
  const clock = ctx.deps.clock;
  switch (sub) {
    case "linkages": {
      checkKnown(args, "io linkages", [
        "table",
        "input",
        "unit",
        "sheet",
        "group",
        "group-method",
        "variant",
        "imports",
        "format",
        "backend",
      ]);
      const backend = enumOption(args, "backend", BACKEND_NAMES, "auto");
      const format = enumOption(args, "format", FORMATS, "table");
      const variant = enumOption(args, "variant", LINKAGE_VARIANTS, "leontief");
      const groupMethod = enumOption(args, "group-method", GROUP_METHODS, "two_block");
      const imports = enumOption(args, "imports", IMPORTS_BASES, "competitive");
      const group = parseGroupSpec(args.options.get("group"));
      const r = await withTable(args, ctx, "io linkages", (ref, store) =>
        ioLinkages({
          ...ref,
          variant,
          groupMethod,
          imports,
          backend,
          ...(group !== undefined && { group }),
          ...(store !== undefined && { source: store.source }),
          ...(clock !== undefined && { clock }),
        }),
      );
      ctx.out(renderLinkages(r, format, ctx.lang));
      return EXIT_OK;
    }
    case "intensity": {
      checkKnown(args, "io intensity", ["table", "input", "unit", "sheet", "group", "imports", "format"]);
      const format = enumOption(args, "format", FORMATS, "table");
      const imports = enumOption(args, "imports", IMPORTS_BASES, "competitive");
      const group = parseGroupSpec(args.options.get("group"));
      const r = await withTable(args, ctx, "io intensity", (ref, store) =>
        ioIntensity({
          ...ref,
          imports,
          ...(group !== undefined && { group }),
          ...(store !== undefined && { source: store.source }),
          ...(clock !== undefined && { clock }),
        }),
      );
      ctx.out(renderIntensity(r, format, ctx.lang));
      return EXIT_OK;
    }
    case "matrix": {
      checkKnown(args, "io matrix", ["table", "input", "unit", "sheet", "which", "imports", "format", "backend"]);
      const backend = enumOption(args, "backend", BACKEND_NAMES, "auto");
      const format = enumOption(args, "format", ["csv", "json"] as const, "csv");
      const which = enumOption(args, "which", ["A", "L"] as const);
      if (which === undefined)
        throw new UsageError("usage.missing_option", { command: "io matrix", option: "--which A|L" });
      const imports = enumOption(args, "imports", IMPORTS_BASES, "competitive");
      const r = await withTable(args, ctx, "io matrix", (ref, store) =>
        ioMatrix({
          ...ref,
          which,
          imports,
          backend,
          ...(store !== undefined && { source: store.source }),
          ...(clock !== undefined && { clock }),
        }),
      );
      ctx.out(renderMatrix(r, format, ctx.lang));
      return EXIT_OK;
    }
    case "series": {
      checkKnown(args, "io series", ["family", "group", "group-method", "variant", "through", "format"]);
      const format = enumOption(args, "format", FORMATS, "table");
      const family = enumOption(args, "family", SERIES_FAMILIES, "nbs");
      const variant = enumOption(args, "variant", LINKAGE_VARIANTS, "leontief");
      const groupMethod = enumOption(args, "group-method", GROUP_METHODS, "two_block");
      const group = parseGroupSpec(args.options.get("group")) ?? "digital";
      const through = args.options.has("through") ? intOption(args, "through", 0, 1900, 2100) : undefined;
      const r = await withStore(ctx, async (s) => {
        const { publishedSeriesLoader } = await import("../app/published-series.js");
        return ioSeries({
          source: s.source,
          family,
          variant,
          groupMethod,
          group,
          published: publishedSeriesLoader(),
          ...(through !== undefined && { through }),
          ...(clock !== undefined && { clock }),
        });
      });
      if (format === "json") ctx.out(jsonText(withMessages(r, ctx.lang)));
      else {
        const rows = r.points.map((p) => [
          String(p.year),
          roundHalfUp(p.influence, 6),
          roundHalfUp(p.sensitivity, 6),
          t(
            p.source === "table"
              ? "label.source_table"
              : p.source === "interpolated"
                ? "label.source_interpolated"
                : "label.source_hold",
            ctx.lang,
          ),
          p.tableId,
        ]);
        if (format === "csv")
          ctx.out(
            renderCsv(
              ["year", "influence", "sensitivity", "source", "tableId"],
              r.points.map((p) => [p.year, p.influence, p.sensitivity, p.source, p.tableId]),
            ),
          );
        else {
          const header = ["col.year", "col.influence", "col.sensitivity", "col.source", "col.table"].map((k) =>
            t(k as "col.year", ctx.lang),
          );
          ctx.out(renderTextTable(header, rows, ["left", "right", "right", "left", "left"]));
          if (r.published.length > 0) {
            const pub = r.published.map((p) => [
              String(p.year),
              t(p.measure === "influence" ? "col.influence" : "col.sensitivity", ctx.lang),
              p.printed ?? String(p.value),
              (ctx.lang === "en" ? p.citation_en : p.citation_zh) ?? p.source,
            ]);
            ctx.out(`\n${t("label.published", ctx.lang)}:\n`);
            ctx.out(
              renderTextTable(
                [t("col.year", ctx.lang), "", t("label.published", ctx.lang), t("col.source", ctx.lang)],
                pub,
                ["left", "left", "right", "left"],
              ),
            );
          }
        }
      }
      return EXIT_OK;
    }
    default:
      throw new UsageError("usage.unknown_command", { command: `io${sub !== undefined ? ` ${sub}` : ""}` });
  }
}

async function reportCommand(args: ParsedArgs, ctx: Ctx): Promise<number> {
  checkKnown(args, "report", ["out"]);
  const outDir = resolve(ctx.cwd, args.options.get("out") ?? "out/report");
  const r = await withStore(ctx, (store) => ctx.deps.renderReport({ outDir, store, lang: ctx.lang }));
  ctx.out(`${t("msg.report_written", ctx.lang, { path: r.indexPath })}\n`);
  return EXIT_OK;
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

async function serveCommand(args: ParsedArgs, ctx: Ctx, isMain: boolean): Promise<number> {
  checkKnown(args, isMain ? "main" : "serve", isMain ? ["port", "host", "out"] : ["port", "host"]);
  const port = intOption(args, "port", 8787, 0, 65535);
  const host = args.options.get("host") ?? "127.0.0.1";
  const store = await ctx.deps.openStore(ctx.dataDir, {
    build: true,
    onBuild: (dir) => ctx.err(`${t("msg.store_building", ctx.lang, { dir })}\n`),
  });
  try {
    if (isMain) {
      const outDir = resolve(ctx.cwd, args.options.get("out") ?? "out/report");
      const r = await ctx.deps.renderReport({ outDir, store, lang: ctx.lang });
      ctx.out(`${t("msg.report_written", ctx.lang, { path: r.indexPath })}\n`);
    }
    let server: Awaited<ReturnType<CliDeps["startServer"]>>;
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
    await waitForShutdown(ctx.io.signal);
    await server.close();
  } finally {
    await store.close();
  }
  return EXIT_OK;
}

/** Runs when this module is the program entry (e.g. `tsx src/cli/main.ts serve`). */
const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) {
  process.exitCode = await run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
}
