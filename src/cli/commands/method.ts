/**
 * The CLI command of a declared method (`shushi <family> <name> [options]`): flags, validation,
 * `--help` and output formats all come from the declaration (src/methods).
 */
import { BACKEND_NAMES } from "../../app/index.js";
import type { Lang } from "../../i18n/index.js";
import {
  type AnyMethod,
  flagName,
  type MethodContext,
  type OutputFormat,
  optionEntries,
  parseOptions,
  readMethodInput,
  UsageError,
} from "../../methods/index.js";
import { checkKnown, enumOption, type ParsedArgs } from "../args.js";
import type { CliContext } from "../context.js";
import { jsonText } from "../render.js";

/** Flags every method command accepts besides its options. */
function edgeFlags(m: AnyMethod): string[] {
  const flags = ["format"];
  if (m.input !== undefined) flags.push("input", "sheet");
  if (m.input === "io_table") flags.push("unit");
  if (m.usesBackend === true) flags.push("backend");
  return flags;
}

/** The `--help` text of a method command, from its declaration. */
export function methodHelp(m: AnyMethod, lang: Lang): string {
  const zh = lang === "zh-CN";
  const rows: [string, string][] = [];
  for (const [key, spec] of optionEntries(m.options)) {
    const def =
      spec.default !== undefined && spec.kind !== "flag"
        ? zh
          ? `（默认 ${spec.default}）`
          : ` (default ${spec.default})`
        : "";
    const req = spec.required ? (zh ? "（必填）" : " (required)") : "";
    rows.push([
      `--${flagName(key)}${spec.placeholder === "" ? "" : ` ${spec.placeholder}`}`,
      `${spec.label[lang]}${req}${def}`,
    ]);
  }
  if (m.input !== undefined) {
    const replaced = `--${flagName(m.inputOption ?? "table")}`;
    rows.push([
      zh ? "--input <文件>" : "--input <file>",
      m.input === "io_table"
        ? zh
          ? `用 CSV/XLSX 文件代替 ${replaced}（通用模板，不入库）`
          : `a CSV/XLSX file instead of ${replaced} (generic template, not stored)`
        : m.input === "data_frame"
          ? zh
            ? `用 CSV/XLSX 数据表代替 ${replaced}（首行为列名，每行一个观测；不入库）`
            : `a CSV/XLSX data table instead of ${replaced} (column names in the first row, one observation per row; not stored)`
          : zh
            ? `用 CSV/XLSX 指标表代替 ${replaced}（entity、可选 year、每个指标一列；不入库）`
            : `a CSV/XLSX indicator table instead of ${replaced} (entity, optional year, one column per indicator; not stored)`,
    ]);
    if (m.input === "io_table")
      rows.push([
        zh ? "--unit <单位>" : "--unit <unit>",
        zh ? "文件的单位（文件未注明时）" : "unit of the file (when it states none)",
      ]);
    rows.push([zh ? "--sheet <工作表>" : "--sheet <name>", zh ? "XLSX 工作表名" : "XLSX sheet name"]);
  }
  if (m.usesBackend === true) {
    rows.push([
      `--backend ${BACKEND_NAMES.join("|")}`,
      zh ? "线性代数后端（默认 auto）" : "linear-algebra backend (default auto)",
    ]);
  }
  rows.push([
    `--format ${m.formats.join("|")}`,
    zh ? `输出格式（默认 ${m.formats[0]}）` : `output format (default ${m.formats[0]})`,
  ]);
  const width = Math.max(...rows.map(([f]) => f.length));
  const lines = rows.map(([f, d]) => `  ${f.padEnd(width)}  ${d}`);
  const usage = `shushi ${m.command.join(" ")} [${zh ? "选项" : "options"}]`;
  return `${usage}\n\n${m.summary[lang]}\n\n${zh ? "选项：" : "Options:"}\n${lines.join("\n")}\n\nAPI: GET ${m.path}${m.input !== undefined ? ` · POST ${m.path}` : ""}\n`;
}

/** Runs a method command; returns the exit code. */
export async function runMethodCommand(m: AnyMethod, args: ParsedArgs, ctx: CliContext): Promise<number> {
  const command = m.command.join(" ");
  if (args.flags.has("help")) {
    ctx.out(methodHelp(m, ctx.lang));
    return 0;
  }
  const entries = optionEntries(m.options);
  const keys = entries.map(([k]) => k);
  // a switch (flag option) is given bare: `--growth` (the parser saw an option without a value)
  const switches = new Set(entries.filter(([, s]) => s.kind === "flag").map(([k]) => flagName(k)));
  const given = new Set([...(args.missingValue ?? []), ...args.flags]);
  const bare = [...switches].filter((f) => given.has(f));
  const known: typeof args = {
    ...args,
    flags: new Set([...args.flags].filter((f) => !switches.has(f))),
    missingValue: new Set([...(args.missingValue ?? [])].filter((f) => !switches.has(f))),
  };
  checkKnown(known, command, [...keys.map(flagName), ...edgeFlags(m)]);
  const formats = m.formats as readonly OutputFormat[];
  const format = enumOption(args, "format", formats, formats[0] as OutputFormat);
  const raw = new Map<string, string>();
  const documentFiles: Record<string, string> = {};
  for (const [k, spec] of entries) {
    const v = args.options.get(flagName(k));
    if (v !== undefined && spec.kind === "document") {
      // a document option names a file in the CLI: its text is the value (the API takes the text)
      const { bytes, file } = await ctx.readUserFile(v);
      documentFiles[k] = file;
      raw.set(k, new TextDecoder("utf-8", { fatal: false }).decode(bytes).replace(/^\uFEFF/, ""));
    } else if (v !== undefined) raw.set(k, v);
    else if (bare.includes(flagName(k))) raw.set(k, "true");
  }
  const inputPath = args.options.get("input");
  const replaced = m.inputOption ?? "table";
  if (inputPath !== undefined && raw.has(replaced))
    throw new UsageError("usage.conflict", { a: `--${flagName(replaced)}`, b: "--input" });
  if (m.input !== undefined && m.inputOptional !== true && inputPath === undefined && !raw.has(replaced)) {
    throw new UsageError("usage.missing_option", { command, option: `--${flagName(replaced)} <id> | --input <file>` });
  }
  const options = parseOptions(
    m.options,
    raw,
    "cli",
    command,
    inputPath !== undefined ? new Set([replaced]) : undefined,
  );
  const backend = m.usesBackend === true ? enumOption(args, "backend", BACKEND_NAMES, "auto") : undefined;
  const base: MethodContext = {
    ...(Object.keys(documentFiles).length > 0 && { documentFiles }),
    ...(backend !== undefined && { backend }),
    ...(ctx.deps.clock !== undefined && { clock: ctx.deps.clock }),
  };
  let result: unknown;
  if (inputPath !== undefined) {
    const { bytes, file } = await ctx.readUserFile(inputPath);
    const unit = args.options.get("unit");
    const sheet = args.options.get("sheet");
    if (m.input === undefined) throw new UsageError("usage.unknown_option", { option: "--input", command });
    const input = await readMethodInput(m.input, bytes, {
      file,
      parseLimits: ctx.parseLimits,
      ...(unit !== undefined && { unit }),
      ...(sheet !== undefined && { sheet }),
    });
    result = await m.run(options, input, base);
  } else {
    result = await ctx.withStore(async (s) => {
      const { publishedSeriesLoader } = await import("../../app/published-series.js");
      return m.run(options, undefined, { ...base, source: s.source, published: publishedSeriesLoader() });
    });
  }
  const render = format === "json" ? undefined : format === "csv" ? m.render?.csv : (m.render?.table ?? m.render?.csv);
  ctx.out(render !== undefined ? render(result, ctx.lang) : jsonText(m.toWire(result, ctx.lang)));
  return 0;
}
