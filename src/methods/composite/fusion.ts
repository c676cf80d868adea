/**
 * `shushi fusion index` and `/api/fusion/index`: the real–digital integration index on public data
 * (src/app/fusion-index.ts; spec §2), beside the published CAICT values.
 */
import { z } from "zod";
import { type FusionIndexResult, fusionIndex } from "../../app/index.js";
import { formatNumber, type Lang, t } from "../../i18n/index.js";
import { defineMethod, type Label } from "../declaration.js";
import { diagnosticsText, provenanceText } from "../io/render.js";
import { enumOption, intOption } from "../options.js";
import { renderCsv, renderTextTable } from "../text-table.js";
import { toWireWith, wireDiagnostic, wireProvenance } from "../wire.js";

const L = {
  baseYear: {
    "zh-CN": "基期（指数 = 100；1995—2018，默认 2016）",
    en: "base year (index = 100; 1995–2018, default 2016)",
  },
  decomposition: {
    "zh-CN": "分项指数：additive（以总量基期值为分母，分项之和为总指数）或 self_based（各分项基期 = 100）",
    en: "sub-indices: additive (the total's base; they sum to the total) or self_based (each = 100 in the base year)",
  },
} satisfies Record<string, Label>;

export const fusionWire = z.object({
  baseYear: z.number().int(),
  decomposition: z.enum(["additive", "self_based"]),
  digitalCodes: z.array(z.string()),
  years: z.array(
    z.object({
      year: z.number().int(),
      table: z.string(),
      consumption: z.number(),
      investment: z.number(),
      netExports: z.number(),
      total: z.number(),
      gdp: z.number(),
      index: z.number(),
      consumptionIndex: z.number(),
      investmentIndex: z.number(),
      netExportsIndex: z.number(),
      gdpIndex: z.number(),
    }),
  ),
  stats: z.object({
    windows: z.array(
      z.object({
        from: z.number().int(),
        to: z.number().int(),
        indexCagr: z.number(),
        gdpCagr: z.number(),
        gapPoints: z.number(),
        consumptionCagr: z.number().nullable(),
        investmentCagr: z.number().nullable(),
      }),
    ),
    growthMultiple: z.object({ from: z.number().int(), to: z.number().int(), ratio: z.number(), increase: z.number() }),
    crossingYear: z.number().int().nullable(),
  }),
  published: z.array(
    z.object({
      id: z.string(),
      ref: z.number().int(),
      quantityZh: z.string(),
      quantityEn: z.string(),
      year: z.number().int().nullable(),
      value: z.number().nullable(),
      unit: z.string(),
    }),
  ),
  diagnostics: z.array(wireDiagnostic),
  provenance: wireProvenance,
});

const num = (v: number | null, lang: Lang, digits: number): string =>
  formatNumber(v, { lang, digits, grouping: false });

/** fusion index as a text table. */
export function fusionTable(r: FusionIndexResult, lang: Lang): string {
  const header = [
    t("col.year", lang),
    t("col.fusion_index", lang),
    t("col.consumption_index", lang),
    t("col.investment_index", lang),
    t("col.net_exports_index", lang),
    t("col.gdp_index", lang),
  ];
  const rows = r.years.map((y) => [
    String(y.year),
    num(y.index, lang, 2),
    num(y.consumptionIndex, lang, 2),
    num(y.investmentIndex, lang, 2),
    num(y.netExportsIndex, lang, 2),
    num(y.gdpIndex, lang, 2),
  ]);
  let out = `${t("label.base_year", lang)}: ${r.baseYear} = 100  (${r.decomposition}; ${r.digitalCodes.join("+")})\n\n`;
  out += renderTextTable(header, rows, ["right", "right", "right", "right", "right", "right"]);
  out += "\n";
  for (const w of r.stats.windows)
    out += `${w.from}–${w.to}: ${t("col.fusion_index", lang)} ${num(w.indexCagr, lang, 2)}%/a, ${t("col.gdp_index", lang)} ${num(w.gdpCagr, lang, 2)}%/a, ${num(w.gapPoints, lang, 2)} pp\n`;
  out += `${t("label.crossing_year", lang)}: ${r.stats.crossingYear ?? "—"}\n`;
  out += `\n${t("label.published_beside", lang)}:\n`;
  for (const p of r.published)
    out += `  ${p.id}  ${lang === "zh-CN" ? p.quantityZh : p.quantityEn}  ${p.year ?? ""}  ${p.value ?? "—"}\n`;
  return out + diagnosticsText(r.diagnostics, lang) + provenanceText(r.provenance, lang);
}

/** fusion index as CSV. */
export function fusionCsv(r: FusionIndexResult): string {
  return renderCsv(
    [
      "year",
      "table",
      "consumption",
      "investment",
      "net_exports",
      "total",
      "gdp",
      "index",
      "consumption_index",
      "investment_index",
      "net_exports_index",
      "gdp_index",
    ],
    r.years.map((y) => [
      y.year,
      y.table,
      y.consumption,
      y.investment,
      y.netExports,
      y.total,
      y.gdp,
      y.index,
      y.consumptionIndex,
      y.investmentIndex,
      y.netExportsIndex,
      y.gdpIndex,
    ]),
  );
}

export const fusionIndexMethod = defineMethod({
  id: "fusion.index",
  family: "index",
  command: ["fusion", "index"],
  path: "/api/fusion/index",
  summary: {
    "zh-CN": "实数融合发展指数（公开数据近似）：数字产品的最终消费、投资与净出口，与GDP指数对比",
    en: "real–digital integration index (public-data proxy): digital products' final consumption, investment and net exports against a GDP index",
  },
  options: z.object({
    baseYear: intOption({ min: 1995, max: 2018 }, L.baseYear),
    decomposition: enumOption(["additive", "self_based"], "additive", L.decomposition),
  }),
  formats: ["table", "json", "csv"],
  datasets: () => "all",
  run: (o, _input, ctx): Promise<FusionIndexResult> => {
    if (ctx.source === undefined) throw new Error("fusion.index needs a dataset source");
    return fusionIndex(ctx.source, {
      decomposition: o.decomposition,
      ...(o.baseYear !== undefined && { baseYear: o.baseYear }),
      ...(ctx.clock !== undefined && { clock: ctx.clock }),
    });
  },
  wire: fusionWire,
  toWire: toWireWith(fusionWire),
  render: { table: fusionTable, csv: fusionCsv },
});
