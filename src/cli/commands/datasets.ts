/**
 * `shushi datasets …`: list, show, validate, import and rebuild the store (platform commands, not
 * methods: they manage data rather than compute from it).
 */
import { datasetsImport, datasetsList, datasetsShow, datasetsValidate } from "../../app/index.js";
import { t } from "../../i18n/index.js";
import { UsageError } from "../../methods/index.js";
import { checkKnown, enumOption, type ParsedArgs } from "../args.js";
import type { CliContext } from "../context.js";
import { jsonText, type OutputFormat, renderDatasetList, renderDatasetShow, renderValidate } from "../render.js";

/** Kinds `datasets import` accepts. */
const IMPORT_KINDS = ["io_table"] as const;

const FORMATS: readonly OutputFormat[] = ["table", "json", "csv"];

/** `shushi datasets list|show|validate|import|rebuild`. */
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
      const r = await ctx.withStore((s) => datasetsShow(s.source, id));
      ctx.out(renderDatasetShow(r, format, ctx.lang));
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
        ...(unit !== undefined && { unit }),
        ...(sheet !== undefined && { sheet }),
      });
      if (r.ok) ctx.out(renderValidate(r, format, ctx.lang));
      else if (format === "json") ctx.out(renderValidate(r, format, ctx.lang));
      else ctx.err(renderValidate(r, format, ctx.lang));
      return r.ok ? 0 : 1;
    }
    case "import": {
      checkKnown(args, "datasets import", ["id", "unit", "kind", "replace", "format"]);
      const path = rest[0];
      if (path === undefined)
        throw new UsageError("usage.missing_argument", { command: "datasets import", argument: "file" });
      const id = args.options.get("id");
      if (id === undefined)
        throw new UsageError("usage.missing_option", { command: "datasets import", option: "--id <id>" });
      const kind = enumOption(args, "kind", IMPORT_KINDS, "io_table");
      const format = enumOption(args, "format", FORMATS, "table");
      const { bytes, file } = await ctx.readUserFile(path);
      const unit = args.options.get("unit");
      const r = await ctx.withStore((s) =>
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
      return 0;
    }
    case "rebuild": {
      checkKnown(args, "datasets rebuild", []);
      const count = await ctx.withStore(async (s) => (await s.source.listDatasets()).length, { rebuild: true });
      ctx.out(`${t("msg.store_built", ctx.lang, { dir: ctx.dataDir, count })}\n`);
      return 0;
    }
    default:
      throw new UsageError("usage.unknown_command", { command: `datasets${sub !== undefined ? ` ${sub}` : ""}` });
  }
}
