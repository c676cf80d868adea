/**
 * `shushi region rank` and `/api/region/rank`: the 31 provinces under "2135+N" on shipped public data
 * (src/app/regional.ts; spec §12).
 */
import { z } from "zod";
import { loadIndicatorTable, provincialIndicators, type RegionRankResult, regionRank } from "../../app/index.js";
import { formatNumber, type Lang, t } from "../../i18n/index.js";
import { defineMethod, type Label } from "../declaration.js";
import { diagnosticsText, provenanceText } from "../io/render.js";
import { datasetOption, documentOption, intOption } from "../options.js";
import { renderCsv, renderTextTable } from "../text-table.js";
import { toWireWith, wireDiagnostic, wireProvenance } from "../wire.js";
import { HEAVY_RUNS, SPEC_OPTION_MAX } from "./framework.js";

const L = {
  dataset: {
    "zh-CN": "自己的省级面板（数据集编号；默认用内置公开数据）",
    en: "your own provincial panel (dataset id; default: the shipped public data)",
  },
  spec: {
    "zh-CN": "自己面板的指标体系：命令行中为 JSON 文件，API 中为 JSON 文本（默认内置“2135+N”）",
    en: 'the framework of your panel: a JSON file in the CLI, the JSON text in the API (default: the shipped "2135+N")',
  },
  year: {
    "zh-CN": "年份（内置数据：2002、2007、2012、2017；默认最后一年）",
    en: "year (shipped data: 2002, 2007, 2012, 2017; default the last)",
  },
  tiers: { "zh-CN": "Ward 聚类的梯队数（默认 4）", en: "number of Ward tiers (default 4)" },
  runs: {
    "zh-CN": "蒙特卡洛基础样本数，给出排名区间与 Sobol 指数（默认 0：不计算）",
    en: "Monte-Carlo base samples for rank intervals and Sobol indices (default 0: none)",
  },
  seed: { "zh-CN": "随机种子（默认 1）", en: "random seed (default 1)" },
} satisfies Record<string, Label>;

export const regionRankWire = z.object({
  year: z.number().int(),
  years: z.array(z.number().int()),
  framework: z.string(),
  spec: z.object({ id: z.string(), sha256: z.string() }),
  regions: z.array(
    z.object({
      code: z.string(),
      nameZh: z.string(),
      nameEn: z.string(),
      score: z.number(),
      rank: z.number().int(),
      rankChange: z.number().int().nullable(),
      tier: z.number().int(),
      pillars: z.record(z.string(), z.number()),
      values: z.record(z.string(), z.number().nullable()),
      interval: z.object({ median: z.number(), p05: z.number(), p95: z.number() }).optional(),
    }),
  ),
  tiers: z.array(z.object({ tier: z.number().int(), mean: z.number(), count: z.number().int() })),
  weights: z.array(z.object({ id: z.string(), parent: z.string(), weight: z.number(), method: z.string() })),
  disparity: z.object({ cv: z.number(), cvSample: z.number(), theil: z.number(), gini: z.number() }).nullable(),
  catalogue: z.array(
    z.object({
      id: z.string(),
      labelZh: z.string(),
      labelEn: z.string(),
      status: z.enum(["filled", "no_public_data", "context"]),
      indicators: z.array(z.string()),
      anchors: z.array(
        z.object({
          id: z.string(),
          value: z.number().nullable(),
          unit: z.string(),
          year: z.number().int().nullable(),
          quantityZh: z.string(),
          quantityEn: z.string(),
        }),
      ),
    }),
  ),
  sobol: z.array(z.object({ factor: z.string(), firstOrder: z.number(), total: z.number() })).optional(),
  diagnostics: z.array(wireDiagnostic),
  provenance: wireProvenance,
});

const num = (v: number | null | undefined, lang: Lang, digits: number): string =>
  formatNumber(v ?? null, { lang, digits, grouping: false });

/** A rank quantile (numpy's linear interpolation can fall between ranks): whole, or one decimal. */
const rankText = (v: number): string => (Math.abs(v - Math.round(v)) < 1e-6 ? String(Math.round(v)) : v.toFixed(1));

/** region rank as a text table. */
export function regionRankTable(r: RegionRankResult, lang: Lang): string {
  const zh = lang === "zh-CN";
  const withInterval = r.regions.some((x) => x.interval !== undefined);
  const withShare = r.regions.some((x) => x.values["digital_share"] !== undefined);
  const header = [
    t("col.rank", lang),
    t("col.entity", lang),
    t("col.score", lang),
    t("col.tier", lang),
    t("col.rank_change", lang),
    ...(withInterval ? [t("col.rank_interval", lang)] : []),
    ...(withShare ? [t("col.digital_share", lang)] : []),
  ];
  const rows = r.regions.map((x) => [
    String(x.rank),
    zh ? x.nameZh : x.nameEn,
    num(x.score, lang, 1),
    String(x.tier),
    x.rankChange === null ? "—" : x.rankChange > 0 ? `+${x.rankChange}` : String(x.rankChange),
    ...(withInterval && x.interval !== undefined
      ? [`${rankText(x.interval.p05)}–${rankText(x.interval.p95)}`]
      : withInterval
        ? ["—"]
        : []),
    ...(withShare ? [num(x.values["digital_share"] ?? null, lang, 2)] : []),
  ]);
  let out = `${t("label.framework", lang)}: ${r.framework}  ${t("col.year", lang)}: ${r.year}\n\n`;
  out += renderTextTable(header, rows, [
    "right",
    "left",
    "right",
    "right",
    "right",
    ...(withInterval ? ["right" as const] : []),
    "right",
  ]);
  if (r.catalogue.length > 0) out += `\n${t("label.catalogue", lang)}:\n`;
  for (const p of r.catalogue)
    out += `  ${p.id.padEnd(8)} ${zh ? p.labelZh : p.labelEn}: ${t(`status.${p.status}`, lang)}${p.indicators.length > 0 ? ` (${p.indicators.join(", ")})` : ""}\n`;
  if (r.disparity !== null)
    out += `\nCV ${num(r.disparity.cv, lang, 4)}  Theil ${num(r.disparity.theil, lang, 4)}  Gini ${num(r.disparity.gini, lang, 4)}\n`;
  return out + diagnosticsText(r.diagnostics, lang) + provenanceText(r.provenance, lang);
}

/** region rank as CSV. */
export function regionRankCsv(r: RegionRankResult): string {
  const columns = Object.keys(r.regions[0]?.values ?? {});
  return renderCsv(
    ["code", "name_zh", "name_en", "year", "score", "rank", "rank_change", "tier", "rank_p05", "rank_p95", ...columns],
    r.regions.map((x) => [
      x.code,
      x.nameZh,
      x.nameEn,
      r.year,
      x.score,
      x.rank,
      x.rankChange,
      x.tier,
      x.interval?.p05 ?? null,
      x.interval?.p95 ?? null,
      ...columns.map((c) => x.values[c] ?? null),
    ]),
  );
}

export const regionRankMethod = defineMethod({
  id: "region.rank",
  family: "index",
  command: ["region", "rank"],
  path: "/api/region/rank",
  summary: {
    "zh-CN": "“2135+N”区域评价：31个省份的得分、排名、梯队与差异（公开数据可填部分）",
    en: '"2135+N" regional evaluation: scores, ranks, tiers and disparity of the 31 provinces (the part public data fills)',
  },
  options: z.object({
    dataset: datasetOption(L.dataset, { required: false }),
    spec: documentOption(L.spec, "<spec.json>", { maxBytes: SPEC_OPTION_MAX }),
    year: intOption({ min: 1900, max: 2100 }, L.year),
    tiers: intOption({ min: 1, max: 10 }, L.tiers),
    runs: intOption({ min: 0, max: 20_000 }, L.runs),
    seed: intOption({ min: 0, max: 2_147_483_647 }, L.seed),
  }),
  formats: ["table", "json", "csv"],
  // a user's provincial panel (`--dataset`, `--input`) may replace the shipped one, with its own spec
  input: "indicator_table",
  inputOption: "dataset",
  inputOptional: true,
  datasets: (o) => (o.dataset !== undefined ? [o.dataset] : ["cn-ipio-provincial-gross-output", "cn-nbs-gdp-province"]),
  // with Monte-Carlo runs the server builds the table and computes in its worker pool
  heavy: {
    when: (o) => (o.runs ?? 0) >= HEAVY_RUNS,
    prepare: (o, source) =>
      o.dataset !== undefined ? loadIndicatorTable(source, o.dataset) : provincialIndicators(source),
  },
  run: async (o, input, ctx): Promise<RegionRankResult> => {
    // the uploaded or prepared table; else a named dataset or the shipped provincial table from the store
    const table =
      input ??
      (o.dataset !== undefined && ctx.source !== undefined
        ? await loadIndicatorTable(ctx.source, o.dataset)
        : undefined);
    return regionRank(ctx.source, {
      ...(table !== undefined && { input: table }),
      ...(o.spec !== undefined && { spec: { text: o.spec, file: ctx.documentFiles?.["spec"] ?? "spec" } }),
      ...(o.year !== undefined && { year: o.year }),
      ...(o.tiers !== undefined && { tiers: o.tiers }),
      ...(o.runs !== undefined && { runs: o.runs }),
      ...(o.seed !== undefined && { seed: o.seed }),
      ...(ctx.clock !== undefined && { clock: ctx.clock }),
    });
  },
  wire: regionRankWire,
  toWire: toWireWith(regionRankWire),
  render: { table: regionRankTable, csv: regionRankCsv },
});
