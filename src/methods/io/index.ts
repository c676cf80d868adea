/**
 * The IO family (投入产出分析): linkages, digital intensities, coefficient matrices and the annual
 * series of the digital block, each declared once (see ../declaration.ts). The first example of
 * docs/adding-a-method-family.md.
 */
import { z } from "zod";
import {
  GROUP_METHODS,
  type GroupMethod,
  IMPORTS_BASES,
  type ImportsBasis,
  type IoIntensityResult,
  type IoLinkagesResult,
  type IoMatrixResult,
  type IoSeriesResult,
  ioIntensity,
  ioLinkages,
  ioMatrix,
  ioSeries,
  LINKAGE_VARIANTS,
  type LinkageVariant,
  parseGroupSpec,
  SERIES_FAMILIES,
  type SeriesFamily,
  type TableRef,
} from "../../app/index.js";
import { citationText } from "../../i18n/index.js";
import { defineMethod, type Label } from "../declaration.js";
import { UsageError } from "../errors.js";
import { datasetOption, enumOption, intOption, requiredEnumOption, textOption } from "../options.js";
import { toWireWith, wireDiagnostic, wirePage, wireProvenance } from "../wire.js";
import {
  intensityCsv,
  intensityTable,
  linkagesCsv,
  linkagesTable,
  matrixCsv,
  seriesCsv,
  seriesTable,
} from "./render.js";

type NonEmpty<T> = readonly [T, ...T[]];
const tuple = <T extends string>(values: readonly T[]): NonEmpty<T> => values as unknown as NonEmpty<T>;

const variants = tuple<LinkageVariant>(LINKAGE_VARIANTS);
const groupMethods = tuple<GroupMethod>(GROUP_METHODS);
const importsBases = tuple<ImportsBasis>(IMPORTS_BASES);
const families = tuple<SeriesFamily>(SERIES_FAMILIES);

const L = {
  table: { "zh-CN": "投入产出表（数据集编号）", en: "IO table (dataset id)" },
  group: {
    "zh-CN": "部门组：digital（数字部门）或以逗号分隔的部门代码",
    en: "sector group: digital (the digital sectors) or comma-separated sector codes",
  },
  groupMethod: { "zh-CN": "部门组系数的计算方法", en: "how the group's coefficients are computed" },
  variant: { "zh-CN": "影响力与感应度系数的口径", en: "variant of the influence and sensitivity coefficients" },
  imports: {
    "zh-CN": "中间流量口径：competitive（含进口）或 domestic（仅国内）",
    en: "intermediate flows: competitive (incl. imports) or domestic only",
  },
  which: {
    "zh-CN": "矩阵：A 直接消耗系数，L 完全需要系数",
    en: "matrix: A direct input coefficients, L Leontief inverse",
  },
  family: { "zh-CN": "编表系列：nbs（国家统计局）或 oecd", en: "table family: nbs (NBS) or oecd" },
  through: {
    "zh-CN": "序列延至该年（末表之后保持不变）",
    en: "extend the series to this year (held constant after the last table)",
  },
} satisfies Record<string, Label>;

const groupOf = (text: string | undefined) => parseGroupSpec(text);

const wireSectorName = { code: z.string(), name_zh: z.string(), name_en: z.string() };

export const linkagesWire = z.object({
  table: z.string(),
  unit: z.string(),
  sectors: z.array(
    z.object({
      ...wireSectorName,
      influence: z.number().nullable(),
      sensitivity: z.number().nullable(),
      output: z.number(),
    }),
  ),
  block: z
    .object({
      name: z.enum(["digital", "custom"]),
      codes: z.array(z.string()),
      influence: z.number(),
      sensitivity: z.number(),
      method: z.enum(groupMethods),
      rest: z.object({ influence: z.number(), sensitivity: z.number() }).optional(),
    })
    .optional(),
  variant: z.enum(variants),
  imports: z.enum(importsBases),
  diagnostics: z.array(wireDiagnostic),
  provenance: wireProvenance,
});

export const intensityWire = z.object({
  table: z.string(),
  group: z.object({ name: z.enum(["digital", "custom"]), codes: z.array(z.string()) }),
  imports: z.enum(importsBases),
  sectors: z.array(
    z.object({
      ...wireSectorName,
      directIntermediate: z.number().nullable(),
      directTotal: z.number().nullable(),
      complete: z.number().nullable(),
      forward: z.number().nullable(),
    }),
  ),
  diagnostics: z.array(wireDiagnostic),
  provenance: wireProvenance,
});

export const matrixWire = z.object({
  table: z.string(),
  which: z.enum(["A", "L"]),
  codes: z.array(z.string()),
  names_zh: z.array(z.string()),
  names_en: z.array(z.string()),
  /** rows of the matrix (with `page`: rows offset … offset + length − 1; `codes` label all columns) */
  values: z.array(z.array(z.number())),
  page: wirePage.optional(),
  diagnostics: z.array(wireDiagnostic),
  provenance: wireProvenance,
});

export const seriesPointWire = z.object({
  year: z.number().int(),
  influence: z.number(),
  sensitivity: z.number(),
  source: z.enum(["table", "interpolated", "extrapolated_hold"]),
  tableId: z.string(),
  codes: z.array(z.string()).optional(),
  interpolation: z.object({ from: z.number(), to: z.number(), weight: z.number(), method: z.string() }).optional(),
});

export const publishedPointWire = z.object({
  ref: z.string(),
  id: z.string().optional(),
  year: z.number().int(),
  measure: z.enum(["influence", "sensitivity"]),
  value: z.number(),
  printed: z.string().optional(),
  citation_zh: z.string().optional(),
  citation_en: z.string().optional(),
  source: z.string(),
});

export const seriesWire = z.object({
  family: z.enum(families),
  group: z.enum(["digital", "custom"]),
  variant: z.enum(variants),
  groupMethod: z.enum(groupMethods),
  points: z.array(seriesPointWire),
  published: z.array(publishedPointWire),
  /** detailed tables (e.g. 139 sectors) considered for years without a 42-sector table, used or not */
  detailedTables: z.array(
    z.object({
      year: z.number().int(),
      tableId: z.string(),
      sectors: z.number().int(),
      used: z.boolean(),
      reason: z.enum([
        "aggregated_to_canonical_42",
        "two_block_invariant",
        "group_method_not_invariant",
        "group_not_resolvable",
      ]),
      errorCode: z.string().optional(),
    }),
  ),
  diagnostics: z.array(wireDiagnostic),
  provenance: wireProvenance,
});

/** The uploaded table, or the stored one named by `table` (required when there is no upload). */
function tableRef(table: string | undefined, input: TableRef | undefined): TableRef {
  if (input !== undefined) return input;
  if (table === undefined) throw new UsageError("usage.missing_option", { command: "table", option: "table" });
  return { tableId: table };
}

const tableDatasets = (o: { table?: string | undefined }) => (o.table !== undefined ? [o.table] : []);

export const ioLinkagesMethod = defineMethod({
  id: "io.linkages",
  family: "io",
  command: ["io", "linkages"],
  path: "/api/io/linkages",
  summary: { "zh-CN": "影响力系数与感应度系数", en: "influence (backward) and sensitivity (forward) linkages" },
  options: z.object({
    table: datasetOption(L.table),
    group: textOption(L.group, "digital|<code,code,…>"),
    groupMethod: enumOption(groupMethods, "two_block", L.groupMethod),
    variant: enumOption(variants, "leontief", L.variant),
    imports: enumOption(importsBases, "competitive", L.imports),
  }),
  input: "io_table",
  usesBackend: true,
  formats: ["table", "json", "csv"],
  datasets: tableDatasets,
  run: (o, input, ctx): Promise<IoLinkagesResult> => {
    const group = groupOf(o.group);
    return ioLinkages({
      ...tableRef(o.table, input),
      variant: o.variant,
      groupMethod: o.groupMethod,
      imports: o.imports,
      ...(group !== undefined && { group }),
      ...(ctx.source !== undefined && { source: ctx.source }),
      ...(ctx.backend !== undefined && { backend: ctx.backend }),
      ...(ctx.clock !== undefined && { clock: ctx.clock }),
    });
  },
  wire: linkagesWire,
  toWire: toWireWith(linkagesWire),
  render: { table: linkagesTable, csv: linkagesCsv },
});

export const ioIntensityMethod = defineMethod({
  id: "io.intensity",
  family: "io",
  command: ["io", "intensity"],
  path: "/api/io/intensity",
  summary: { "zh-CN": "各部门数字化投入、产出强度", en: "digital input and output intensities by sector" },
  options: z.object({
    table: datasetOption(L.table),
    group: textOption(L.group, "digital|<code,code,…>"),
    imports: enumOption(importsBases, "competitive", L.imports),
  }),
  input: "io_table",
  formats: ["table", "json", "csv"],
  datasets: tableDatasets,
  run: (o, input, ctx): Promise<IoIntensityResult> => {
    const group = groupOf(o.group);
    return ioIntensity({
      ...tableRef(o.table, input),
      imports: o.imports,
      ...(group !== undefined && { group }),
      ...(ctx.source !== undefined && { source: ctx.source }),
      ...(ctx.clock !== undefined && { clock: ctx.clock }),
    });
  },
  wire: intensityWire,
  toWire: toWireWith(intensityWire),
  render: { table: intensityTable, csv: intensityCsv },
});

export const ioMatrixMethod = defineMethod({
  id: "io.matrix",
  family: "io",
  command: ["io", "matrix"],
  path: "/api/io/matrix",
  summary: {
    "zh-CN": "直接消耗系数矩阵 A 或完全需要系数矩阵 L",
    en: "direct input coefficients A or the Leontief inverse L",
  },
  options: z.object({
    table: datasetOption(L.table),
    which: requiredEnumOption(["A", "L"], L.which),
    imports: enumOption(importsBases, "competitive", L.imports),
  }),
  input: "io_table",
  usesBackend: true,
  formats: ["csv", "json"],
  pages: "values",
  datasets: tableDatasets,
  run: (o, input, ctx): Promise<IoMatrixResult> =>
    ioMatrix({
      ...tableRef(o.table, input),
      which: o.which,
      imports: o.imports,
      ...(ctx.source !== undefined && { source: ctx.source }),
      ...(ctx.backend !== undefined && { backend: ctx.backend }),
      ...(ctx.clock !== undefined && { clock: ctx.clock }),
    }),
  wire: matrixWire,
  toWire: toWireWith(matrixWire),
  render: { csv: matrixCsv },
});

export const ioSeriesMethod = defineMethod({
  id: "io.series",
  family: "io",
  command: ["io", "series"],
  path: "/api/io/series",
  summary: {
    "zh-CN": "部门组在各编表年份的系数（年度插值）",
    en: "the group's coefficients across table years, interpolated annually",
  },
  options: z.object({
    family: enumOption(families, "nbs", L.family),
    group: textOption(L.group, "digital|<code,code,…>", { default: "digital" }),
    variant: enumOption(variants, "leontief", L.variant),
    groupMethod: enumOption(groupMethods, "two_block", L.groupMethod),
    through: intOption({ min: 1900, max: 2100 }, L.through),
  }),
  formats: ["table", "json", "csv"],
  datasets: () => "all",
  run: (o, _input, ctx): Promise<IoSeriesResult> => {
    if (ctx.source === undefined) throw new Error("io.series needs a dataset source");
    const group = groupOf(o.group) ?? "digital";
    return ioSeries({
      source: ctx.source,
      family: o.family,
      variant: o.variant,
      groupMethod: o.groupMethod,
      group,
      ...(o.through !== undefined && { through: o.through }),
      ...(ctx.published !== undefined && { published: ctx.published }),
      ...(ctx.clock !== undefined && { clock: ctx.clock }),
    });
  },
  wire: seriesWire,
  toWire: (r, lang) =>
    toWireWith(seriesWire)(
      {
        ...r,
        published: r.published.map(({ citation, ...p }) => ({
          ...p,
          ...(citation !== undefined && {
            citation_zh: citationText(citation, "zh-CN"),
            citation_en: citationText(citation, "en"),
          }),
        })),
      },
      lang,
    ),
  render: { table: seriesTable, csv: seriesCsv },
});

/** The IO family's methods, in help order. */
export const IO_METHODS = [ioLinkagesMethod, ioIntensityMethod, ioMatrixMethod, ioSeriesMethod] as const;
