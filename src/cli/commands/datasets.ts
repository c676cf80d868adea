/**
 * `shushi datasets …`: list, show, validate, import and rebuild the store (platform commands, not
 * methods: they manage data rather than compute from it).
 */
import { resolve } from "node:path";
import {
  type DatasetInput,
  datasetsDelete,
  datasetsImport,
  datasetsList,
  datasetsShow,
  datasetsValidate,
  FREQUENCIES,
  IMPORT_KINDS,
  SERIES_LAYOUTS,
} from "../../app/index.js";
import { storeExists } from "../../app/store.js";
import { t } from "../../i18n/index.js";
import { UsageError } from "../../methods/index.js";
import {
  checkTextValue,
  DATASET_ID_MAX_LENGTH,
  echoValue,
  IMPORT_TEXT_MAX,
  IMPORT_TITLE_MAX,
  isDatasetId,
} from "../../methods/options.js";
import { checkKnown, enumOption, intOption, type ParsedArgs } from "../args.js";
import type { CliContext } from "../context.js";
import { jsonText, type OutputFormat, renderDatasetList, renderDatasetShow, renderValidate } from "../render.js";

/**
 * Progress of a streamed import on stderr, at most every 500 ms, only when stderr is a terminal
 * (quiet when piped or in tests).
 */
function progressReporter(ctx: CliContext): ((p: { bytes: number; rows: number }) => void) | undefined {
  const sink = ctx.io.stderr as { isTTY?: boolean };
  if (sink.isTTY !== true) return undefined;
  let last = 0;
  return (p) => {
    const now = performance.now();
    if (now - last < 500) return;
    last = now;
    ctx.err(`\r${t("msg.import_progress", ctx.lang, { rows: p.rows, megabytes: (p.bytes / 1048576).toFixed(1) })}`);
  };
}

const FORMATS: readonly OutputFormat[] = ["table", "json", "csv"];

/** A dataset id given on the command line; `usage.invalid_value` (limit `dataset_id`) when malformed. */
function datasetId(option: string, id: string): string {
  if (!isDatasetId(id))
    throw new UsageError("usage.invalid_value", {
      option,
      value: echoValue(id),
      expected: `dataset id: /-separated segments of A–Z a–z 0–9 . _ - starting with a letter or digit, at most ${DATASET_ID_MAX_LENGTH} characters`,
      limit: "dataset_id",
    });
  return id;
}

/** `shushi datasets list|show|delete|validate|import|rebuild`. */
export async function datasetsCommand(
  sub: string | undefined,
  rest: string[],
  args: ParsedArgs,
  ctx: CliContext,
): Promise<number> {
  switch (sub) {
    case "list": {
      checkKnown(args, "datasets list", ["format"]);
      const format = enumOption(args, "format", FORMATS, "table");
      const r = await ctx.withStore((s) => datasetsList(s.source));
      ctx.out(renderDatasetList(r.datasets, format, ctx.lang));
      return 0;
    }
    case "show": {
      checkKnown(args, "datasets show", ["format"]);
      const id = rest[0];
      if (id === undefined)
        throw new UsageError("usage.missing_argument", { command: "datasets show", argument: "id" });
      const format = enumOption(args, "format", FORMATS, "table");
      datasetId("id", id);
      const r = await ctx.withStore((s) => datasetsShow(s.source, id));
      ctx.out(renderDatasetShow(r, format, ctx.lang));
      return 0;
    }
    case "delete": {
      checkKnown(args, "datasets delete", []);
      const id = rest[0];
      if (id === undefined)
        throw new UsageError("usage.missing_argument", { command: "datasets delete", argument: "id" });
      datasetId("id", id);
      // shipped (official) data is refused by the store with dataset_protected; the deletion is audited
      await ctx.withStore((s) => datasetsDelete(s.deleter, id, "local"));
      ctx.out(`${t("msg.deleted", ctx.lang, { id })}\n`);
      return 0;
    }
    case "validate": {
      checkKnown(args, "datasets validate", ["format", "unit", "sheet"]);
      const path = rest[0];
      if (path === undefined)
        throw new UsageError("usage.missing_argument", { command: "datasets validate", argument: "file" });
      const format = enumOption(args, "format", FORMATS, "table");
      const { bytes, file } = await ctx.readUserFile(path);
      const unit = args.options.get("unit");
      const sheet = args.options.get("sheet");
      const r = await datasetsValidate(bytes, {
        file,
        parseLimits: ctx.parseLimits,
        ...(unit !== undefined && { unit }),
        ...(sheet !== undefined && { sheet }),
      });
      if (r.ok) ctx.out(renderValidate(r, format, ctx.lang));
      else if (format === "json") ctx.out(renderValidate(r, format, ctx.lang));
      else ctx.err(renderValidate(r, format, ctx.lang));
      return r.ok ? 0 : 1;
    }
    case "import": {
      checkKnown(args, "datasets import", [
        "id",
        "kind",
        "unit",
        "sheet",
        "replace",
        "format",
        "title-zh",
        "title-en",
        "year",
        "region",
        "layout",
        "frequency",
        "indicator",
        "from-classification",
        "to-classification",
      ]);
      const path = rest[0];
      if (path === undefined)
        throw new UsageError("usage.missing_argument", { command: "datasets import", argument: "file" });
      const id = args.options.get("id");
      if (id === undefined)
        throw new UsageError("usage.missing_option", { command: "datasets import", option: "--id <id>" });
      datasetId("--id", id);
      for (const k of ["from-classification", "to-classification"]) {
        const v = args.options.get(k);
        if (v !== undefined) datasetId(`--${k}`, v);
      }
      const kind = enumOption(args, "kind", IMPORT_KINDS, "io_table");
      const format = enumOption(args, "format", FORMATS, "table");
      const layout = enumOption(args, "layout", ["auto", ...SERIES_LAYOUTS] as const);
      const frequency = enumOption(args, "frequency", FREQUENCIES);
      const year = args.options.has("year") ? intOption(args, "year", 0, 1900, 2100) : undefined;
      const text = (k: string): string | undefined => {
        const v = args.options.get(k);
        return v === undefined
          ? undefined
          : checkTextValue(`--${k}`, v, k.startsWith("title-") ? IMPORT_TITLE_MAX : IMPORT_TEXT_MAX);
      };
      const optional = {
        ...(text("unit") !== undefined && { unit: text("unit") as string }),
        ...(text("sheet") !== undefined && { sheet: text("sheet") as string }),
        ...(text("title-zh") !== undefined && { titleZh: text("title-zh") as string }),
        ...(text("title-en") !== undefined && { titleEn: text("title-en") as string }),
        ...(text("region") !== undefined && { region: text("region") as string }),
        ...(text("indicator") !== undefined && { indicator: text("indicator") as string }),
        ...(text("from-classification") !== undefined && { fromClassification: text("from-classification") as string }),
        ...(text("to-classification") !== undefined && { toClassification: text("to-classification") as string }),
        ...(year !== undefined && { year }),
        ...(layout !== undefined && { layout }),
        ...(frequency !== undefined && { frequency }),
      };
      // IO tables are read whole (XLSX needs the bytes); the other kinds stream from the file
      const input: DatasetInput =
        kind === "io_table" ? (await ctx.readUserFile(path)).bytes : { path: resolve(ctx.cwd, path) };
      const progress = progressReporter(ctx);
      const r = await ctx.withStore((s) =>
        datasetsImport(s.importer, input, {
          file: path,
          id,
          kind,
          replace: args.flags.has("replace"),
          ...optional,
          ...(progress !== undefined && { onProgress: progress }),
        }),
      );
      if (format === "json") ctx.out(jsonText(r));
      else if (r.dataset.kind === "io_table")
        ctx.out(
          `${t("msg.imported", ctx.lang, { id: r.dataset.id, sectors: r.dataset.dimensions.sectors ?? 0, unit: r.dataset.unit })}\n`,
        );
      else ctx.out(`${t("msg.imported_kind", ctx.lang, { id: r.dataset.id, kind: r.dataset.kind })}\n`);
      return 0;
    }
    case "rebuild": {
      checkKnown(args, "datasets rebuild", []);
      // check the lock before the "building" notice: a store held by `shushi serve` fails with
      // store_locked and nothing else printed
      if (storeExists(ctx.dataDir)) await (await ctx.deps.openStore(ctx.dataDir, { build: false })).close();
      const count = await ctx.withStore(async (s) => (await s.source.listDatasets()).length, { rebuild: true });
      ctx.out(`${t("msg.store_built", ctx.lang, { dir: ctx.dataDir, count })}\n`);
      return 0;
    }
    default:
      throw new UsageError("usage.unknown_command", { command: `datasets${sub !== undefined ? ` ${sub}` : ""}` });
  }
}
