/**
 * Declarations of TFP by sector group (`shushi productivity groups`, spec §4.4) and the digital-economy
 * TFP contribution with its stability statistics (`shushi productivity de-tfp`, spec §9.4–9.5), on a
 * long data frame the analyst supplies (CAICT's series are not public). Use cases in
 * src/app/productivity-groups.ts; snake_case JSON as the rest of this family (ADR 0011).
 */
import { z } from "zod";
import { type DigitalTfpResult, digitalTfp, type GroupTfpResult, groupTfp } from "../../app/index.js";
import type { Lang } from "../../i18n/index.js";
import { defineMethod, type Label } from "../declaration.js";
import { datasetOption, enumOption, intOption, numberOption, requiredTextOption, textOption } from "../options.js";
import { wireDiagnostic, wireDiagnostics, wireProvenance, wireProvenanceOf } from "../wire.js";
import { appContext, columnList, frameRefOf } from "./common.js";
import { deTfpTable, groupTfpTable } from "./render.js";

const L = {
  dataset: { "zh-CN": "数据集（面板的编号）", en: "dataset (id of a panel)" },
  group: { "zh-CN": "部门组所在的列", en: "the column of the sector group" },
  sector: { "zh-CN": "部门所在的列", en: "the column of the sector" },
  time: { "zh-CN": "年份列（默认 year）", en: "the year column (default year)" },
  output: { "zh-CN": "实际增加值所在的列", en: "the real value-added column" },
  capital: { "zh-CN": "资本存量所在的列", en: "the capital-stock column" },
  labour: { "zh-CN": "就业人数所在的列", en: "the employment column" },
  capitalShare: { "zh-CN": "资本份额 α（0–1，各组相同）", en: "capital share α (0–1, the same for every group)" },
  labourShare: {
    "zh-CN": "劳动份额所在的列（逐组逐年，资本份额 = 1 − 劳动份额）",
    en: "the labour-share column (per group and year; capital share = 1 − it)",
  },
  normalisation: {
    "zh-CN": "归一化：relative（相对全经济）、base_year（相对基年）或 raw",
    en: "normalisation: relative (to the economy), base_year (to the base year) or raw",
  },
  baseYear: { "zh-CN": "base_year 归一化的基年", en: "base year of the base_year normalisation" },
  valueAdded: { "zh-CN": "实际增加值所在的列", en: "the real value-added column" },
  tfpGrowth: {
    "zh-CN": "部门 TFP 增速所在的列（相对上一年）",
    en: "the sector TFP growth column (from the previous year)",
  },
  digital: { "zh-CN": "数字部门的代码，以逗号分隔", en: "codes of the digital sectors, comma-separated" },
  digitalShare: {
    "zh-CN": "非数字部门中数字化部分占增加值比重所在的列（缺省为 0）",
    en: "the column of the digital part of a non-digital sector's value added (default 0)",
  },
  growth: { "zh-CN": "总产出增速口径：对数差分或简单增长率", en: "output growth: log difference or simple rate" },
} satisfies Record<string, Label>;

const nullableNumber = z.number().nullable();

export const groupTfpWire = z.object({
  dataset: z.string(),
  normalisation: z.enum(["relative", "base_year", "raw"]),
  years: z.array(z.number().int()),
  groups: z.array(z.object({ id: z.string(), levels: z.array(nullableNumber), mean: nullableNumber })),
  diagnostics: z.array(wireDiagnostic),
  provenance: wireProvenance,
});

export const productivityGroupsMethod = defineMethod({
  id: "productivity.groups",
  family: "econometrics",
  command: ["productivity", "groups"],
  path: "/api/productivity/groups",
  summary: {
    "zh-CN": "分部门组全要素生产率水平（如实数融合部门与其他部门），默认相对全经济",
    en: "TFP levels by sector group (e.g. fusion sectors vs the rest), relative to the economy by default",
  },
  options: z.object({
    dataset: datasetOption(L.dataset),
    group: requiredTextOption(L.group, "<column>"),
    time: textOption(L.time, "<column>"),
    output: requiredTextOption(L.output, "<column>"),
    capital: requiredTextOption(L.capital, "<column>"),
    labour: requiredTextOption(L.labour, "<column>"),
    capitalShare: numberOption({ min: 0, max: 1 }, 0.4, L.capitalShare),
    labourShare: textOption(L.labourShare, "<column>"),
    normalisation: enumOption(["relative", "base_year", "raw"], "relative", L.normalisation),
    baseYear: intOption({ min: 1800, max: 2200 }, L.baseYear),
  }),
  input: "data_frame",
  inputOption: "dataset",
  formats: ["table", "json"],
  datasets: (o) => (o.dataset === undefined ? [] : [o.dataset]),
  run: (o, input, ctx): Promise<GroupTfpResult> =>
    groupTfp(
      frameRefOf(o.dataset, input),
      {
        group: o.group,
        output: o.output,
        capital: o.capital,
        labour: o.labour,
        capitalShare: o.labourShare !== undefined ? { labourShareColumn: o.labourShare } : o.capitalShare,
        normalisation: o.normalisation,
        ...(o.time !== undefined && { time: o.time }),
        ...(o.baseYear !== undefined && { baseYear: o.baseYear }),
      },
      appContext(ctx),
    ),
  wire: groupTfpWire,
  toWire: (r: GroupTfpResult, lang: Lang) =>
    groupTfpWire.parse({
      dataset: r.dataset,
      normalisation: r.normalisation,
      years: r.years,
      groups: r.groups,
      diagnostics: wireDiagnostics(r.diagnostics, lang),
      provenance: wireProvenanceOf(r.provenance, lang),
    }),
  render: { table: groupTfpTable },
});

export const deTfpWire = z.object({
  dataset: z.string(),
  periods: z.array(
    z.object({
      year: z.number().int(),
      output_growth: z.number(),
      digital_tfp_growth: z.number(),
      contribution: nullableNumber,
    }),
  ),
  summary: z.object({ mean: z.number(), sd: z.number(), cv: nullableNumber, n: z.number().int() }).nullable(),
  diagnostics: z.array(wireDiagnostic),
  provenance: wireProvenance,
});

export const productivityDeTfpMethod = defineMethod({
  id: "productivity.de_tfp",
  family: "econometrics",
  command: ["productivity", "de-tfp"],
  path: "/api/productivity/de-tfp",
  summary: {
    "zh-CN": "数字经济全要素生产率增长贡献（逐年）及其均值、标准差与变异系数",
    en: "the digital-economy share of TFP growth in output growth, by year, with mean, SD and CV",
  },
  options: z.object({
    dataset: datasetOption(L.dataset),
    sector: requiredTextOption(L.sector, "<column>"),
    time: textOption(L.time, "<column>"),
    valueAdded: requiredTextOption(L.valueAdded, "<column>"),
    tfpGrowth: requiredTextOption(L.tfpGrowth, "<column>"),
    digital: requiredTextOption(L.digital, "<code,…>"),
    digitalShare: textOption(L.digitalShare, "<column>"),
    growth: enumOption(["log", "simple"], "log", L.growth),
  }),
  input: "data_frame",
  inputOption: "dataset",
  formats: ["table", "json"],
  datasets: (o) => (o.dataset === undefined ? [] : [o.dataset]),
  run: (o, input, ctx): Promise<DigitalTfpResult> =>
    digitalTfp(
      frameRefOf(o.dataset, input),
      {
        sector: o.sector,
        valueAdded: o.valueAdded,
        tfpGrowth: o.tfpGrowth,
        digital: columnList(o.digital, "--digital"),
        growth: o.growth,
        ...(o.time !== undefined && { time: o.time }),
        ...(o.digitalShare !== undefined && { digitalShare: o.digitalShare }),
      },
      appContext(ctx),
    ),
  wire: deTfpWire,
  toWire: (r: DigitalTfpResult, lang: Lang) =>
    deTfpWire.parse({
      dataset: r.dataset,
      periods: r.periods.map((p) => ({
        year: p.year,
        output_growth: p.outputGrowth,
        digital_tfp_growth: p.digitalTfpGrowth,
        contribution: p.contribution,
      })),
      summary: r.summary,
      diagnostics: wireDiagnostics(r.diagnostics, lang),
      provenance: wireProvenanceOf(r.provenance, lang),
    }),
  render: { table: deTfpTable },
});
