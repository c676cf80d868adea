/**
 * Declarations of the sector-tiers family (产业分层, spec §6): `shushi tiers cluster` (hierarchical
 * clustering of an analyst's feature table, `--input FILE`, or of the 42 sectors of a stored IO table,
 * `--table ID`) and `shushi tiers classify` (threshold tiers on the digital share of intermediate
 * inputs), with `/api/tiers/…`. Use cases in src/app/tiers.ts. snake_case JSON, as the issue fixed the
 * field names for analysts coming from scipy and R (`merges`, `leaf_order`, `cophenetic`; ADR 0011).
 */
import { z } from "zod";
import {
  AGGLOMERATION_METHODS,
  type ClusterFrameResult,
  type CostBenefitResult,
  clusterFrame,
  costBenefit,
  FEATURE_SCALINGS,
  FEATURE_TRANSFORMS,
  loadFrame,
  MISSING_RULES,
  SECTOR_FEATURES,
  type SectorTiersResult,
  sectorTiers,
  TIER_METHODS,
  TIER_SCHEMES,
  type TierStructureAppResult,
  tierStructureSeries,
} from "../../app/index.js";
import type { Lang } from "../../i18n/index.js";
import { defineMethod, type Label } from "../declaration.js";
import { UsageError } from "../errors.js";
import { datasetOption, enumOption, intOption, textOption } from "../options.js";
import { wireDiagnostic, wireDiagnostics, wireProvenance, wireProvenanceOf } from "../wire.js";
import { costBenefitTable, structureTable, tiersTable } from "./render.js";

type NonEmpty<T> = readonly [T, ...T[]];
const linkages = AGGLOMERATION_METHODS as unknown as NonEmpty<(typeof AGGLOMERATION_METHODS)[number]>;
const scalings = FEATURE_SCALINGS as unknown as NonEmpty<(typeof FEATURE_SCALINGS)[number]>;

const L = {
  table: {
    "zh-CN": "投入产出表编号（按 42 个规范部门分层）；或以 --input 给出特征表",
    en: "IO table id (tiers of the canonical 42 sectors); or a feature table with --input",
  },
  method: {
    "zh-CN": "聚类的连接方法（ward 即 R 的 ward.D2、scipy 的 ward）",
    en: "linkage (ward = R ward.D2 = scipy ward)",
  },
  k: {
    "zh-CN": "聚类数（分层数；默认五层方案 5、三层方案 3）",
    en: "number of clusters (tiers; default 5 for five, 3 for three)",
  },
  scale: {
    "zh-CN": "特征标准化：z 分数（总体标准差）、最小–最大或不处理",
    en: "feature scaling: z-score (population SD), min–max or none",
  },
  scheme: {
    "zh-CN": "分层方案：five（实数融合五层，种子文献 000）或 three（数字化三层，种子文献 001）",
    en: "scheme: five (integration tiers, seed 000) or three (digitalisation tiers, seed 001)",
  },
  transform: { "zh-CN": "特征变换：取对数或不变换", en: "feature transform: log or none" },
  features: {
    "zh-CN":
      "特征（以逗号分隔；第一个决定层级顺序）：di_direct_intermediate、di_direct_total、di_complete、do_forward；或特征表的列名",
    en: "features (comma-separated; the first orders the tiers): di_direct_intermediate, di_direct_total, di_complete, do_forward; or columns of the feature table",
  },
  missing: {
    "zh-CN": "特征缺失时：剔除该行并报告，或以列中位数填补",
    en: "a missing feature: leave the row out (reported) or use the column median",
  },
  cutPoints: {
    "zh-CN": "数字化投入占比的分界点，从高到低，以逗号分隔（默认 0.10,0.01 或 0.10,0.06,0.03,0.01）",
    en: "cut-points on the digital share of intermediate inputs, descending, comma-separated (default 0.10,0.01 or 0.10,0.06,0.03,0.01)",
  },
} satisfies Record<string, Label>;

const nullableNumber = z.number().nullable();

export const tiersWire = z.object({
  dataset: z.string(),
  year: z.number().int().nullable(),
  conversion: z.string().nullable(),
  scheme: z.enum(TIER_SCHEMES).nullable(),
  tier_method: z.enum(["hac", "thresholds"]),
  method: z.enum(linkages).nullable(),
  scale: z.enum(scalings).nullable(),
  k: z.number().int(),
  features: z.array(z.string()),
  cut_points: z.array(z.number()).nullable(),
  merges: z.array(
    z.object({
      step: z.number().int(),
      left: z.number().int(),
      right: z.number().int(),
      height: z.number(),
      size: z.number().int(),
    }),
  ),
  clusters: z.array(
    z.object({
      label: z.string(),
      name_zh: z.string().nullable(),
      name_en: z.string().nullable(),
      cluster: z.number().int().nullable(),
      tier: z.number().int().nullable(),
      tier_code: z.string().nullable(),
      values: z.array(nullableNumber),
      published_tier: z.string().nullable(),
      published_inferred: z.boolean(),
    }),
  ),
  leaf_order: z.array(z.string()),
  cophenetic: nullableNumber,
  sizes: z.array(z.object({ tier: z.string(), computed: z.number().int(), published: z.number().int().nullable() })),
  agreement: z
    .object({
      compared: z.number().int(),
      agree: z.number().int(),
      ari: z.number(),
      differing: z.array(z.object({ code: z.string(), tier: z.string(), published: z.string() })),
    })
    .nullable(),
  excluded: z.array(z.string()),
  imputed: z.array(z.object({ label: z.string(), feature: z.string() })),
  diagnostics: z.array(wireDiagnostic),
  provenance: wireProvenance,
});

export type TiersRun =
  | { readonly kind: "frame"; readonly r: ClusterFrameResult }
  | { readonly kind: "table"; readonly r: SectorTiersResult };

function tiersToWire(run: TiersRun, lang: Lang): z.output<typeof tiersWire> {
  if (run.kind === "frame") {
    const r = run.r;
    const k = new Set(r.clusters.map((c) => c.cluster)).size;
    return tiersWire.parse({
      dataset: r.dataset,
      year: null,
      conversion: null,
      scheme: null,
      tier_method: "hac",
      method: r.clustering.method,
      scale: r.clustering.scaling,
      k,
      features: r.features,
      cut_points: null,
      merges: r.clustering.merges,
      clusters: r.clusters.map((c) => ({
        label: c.label,
        name_zh: null,
        name_en: null,
        cluster: c.cluster,
        tier: c.tier,
        tier_code: c.tierCode,
        values: [],
        published_tier: null,
        published_inferred: false,
      })),
      leaf_order: r.clustering.leafOrder,
      cophenetic: r.clustering.cophenetic,
      sizes: Array.from({ length: k }, (_, t) => ({
        // the tier code where k has codes (3 or 5), as the rows carry it; else the tier number
        tier: r.clusters.find((c) => c.tier === t + 1)?.tierCode ?? String(t + 1),
        computed: r.clusters.filter((c) => c.tier === t + 1).length,
        published: null,
      })),
      agreement: null,
      excluded: r.excluded,
      imputed: r.imputed,
      diagnostics: wireDiagnostics(r.diagnostics, lang),
      provenance: wireProvenanceOf(r.provenance, lang),
    });
  }
  const r = run.r;
  return tiersWire.parse({
    dataset: r.table,
    year: r.year,
    conversion: r.conversion,
    scheme: r.scheme,
    tier_method: r.method,
    method: r.clustering?.method ?? null,
    scale: r.clustering?.scaling ?? null,
    k: r.k,
    features: r.features,
    cut_points: r.cutPoints,
    merges: r.clustering?.merges ?? [],
    clusters: r.sectors.map((s) => ({
      label: s.code,
      name_zh: s.nameZh,
      name_en: s.nameEn,
      cluster: s.cluster,
      tier: s.tier,
      tier_code: s.tierCode,
      values: s.values,
      published_tier: s.published,
      published_inferred: s.publishedInferred,
    })),
    leaf_order: r.clustering?.leafOrder ?? [],
    cophenetic: r.clustering?.cophenetic ?? null,
    sizes: r.sizes,
    agreement: r.agreement,
    excluded: r.excluded,
    imputed: [],
    diagnostics: wireDiagnostics(r.diagnostics, lang),
    provenance: wireProvenanceOf(r.provenance, lang),
  });
}

function listOf(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  const v = text
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  return v.length === 0 ? undefined : v;
}

function cutPointsOf(text: string | undefined): number[] | undefined {
  const v = listOf(text);
  if (v === undefined) return undefined;
  const n = v.map(Number);
  if (n.some((x) => !(x > 0 && x < 1)))
    throw new UsageError("usage.invalid_value", { option: "--cut-points", value: text ?? "", expected: "0.10,0.01" });
  return n;
}

function sectorFeatures(text: string | undefined): (typeof SECTOR_FEATURES)[number][] | undefined {
  const v = listOf(text);
  if (v === undefined) return undefined;
  for (const f of v)
    if (!(SECTOR_FEATURES as readonly string[]).includes(f))
      throw new UsageError("usage.invalid_value", {
        option: "--features",
        value: f,
        expected: SECTOR_FEATURES.join("|"),
      });
  return v as (typeof SECTOR_FEATURES)[number][];
}

export const tiersClusterMethod = defineMethod({
  id: "tiers.cluster",
  family: "tiers",
  command: ["tiers", "cluster"],
  path: "/api/tiers/cluster",
  summary: {
    "zh-CN":
      "层次聚类分层（单连接、全连接、平均连接、Ward；欧氏距离）：特征表，或投入产出表的 42 个部门，并与公布的分层对照",
    en: "hierarchical clustering into tiers (single, complete, average, Ward; Euclidean): a feature table, or the 42 sectors of an IO table beside the printed tiers",
  },
  options: z.object({
    table: datasetOption(L.table),
    method: enumOption(linkages, "ward", L.method),
    k: intOption({ min: 1, max: 1000 }, L.k),
    scale: enumOption(scalings, "z_score", L.scale),
    scheme: enumOption(TIER_SCHEMES, "five", L.scheme),
    transform: enumOption(FEATURE_TRANSFORMS, "log", L.transform),
    features: textOption(L.features, "<f1,f2,…>"),
    missing: enumOption(MISSING_RULES, "exclude", L.missing),
  }),
  input: "data_frame",
  formats: ["table", "json"],
  datasets: (o) => (o.table === undefined ? [] : [o.table]),
  run: async (o, input, ctx): Promise<TiersRun> => {
    if (input !== undefined) {
      if (o.k === undefined) throw new UsageError("usage.missing_option", { option: "--k" });
      return {
        kind: "frame",
        r: clusterFrame(input, {
          method: o.method,
          k: o.k,
          scale: o.scale,
          missing: o.missing,
          ...(o.features !== undefined && { features: listOf(o.features) ?? [] }),
          ...(ctx.clock !== undefined && { clock: ctx.clock }),
        }),
      };
    }
    if (ctx.source === undefined || o.table === undefined)
      throw new UsageError("usage.missing_option", { option: "--table" });
    const features = sectorFeatures(o.features);
    return {
      kind: "table",
      r: await sectorTiers({
        source: ctx.source,
        tableId: o.table,
        scheme: o.scheme,
        method: "hac",
        linkage: o.method,
        scale: o.scale,
        transform: o.transform,
        missing: o.missing,
        ...(o.k !== undefined && { k: o.k }),
        ...(features !== undefined && { features }),
        ...(ctx.clock !== undefined && { clock: ctx.clock }),
      }),
    };
  },
  wire: tiersWire,
  toWire: tiersToWire,
  render: { table: (run: TiersRun, lang: Lang) => tiersTable(tiersToWire(run, lang), lang) },
});

export const tiersClassifyMethod = defineMethod({
  id: "tiers.classify",
  family: "tiers",
  command: ["tiers", "classify"],
  path: "/api/tiers/classify",
  summary: {
    "zh-CN": "按数字化投入占比的分界点分层（默认三层 10%、1%），并与公布的分层对照",
    en: "tiers by cut-points on the digital share of intermediate inputs (default three: 10 %, 1 %), beside the printed tiers",
  },
  options: z.object({
    table: datasetOption(L.table),
    scheme: enumOption(TIER_SCHEMES, "three", L.scheme),
    cutPoints: textOption(L.cutPoints, "<c1,c2,…>"),
  }),
  formats: ["table", "json"],
  datasets: (o) => (o.table === undefined ? [] : [o.table]),
  run: async (o, _input, ctx): Promise<TiersRun> => {
    if (ctx.source === undefined) throw new Error("tiers.classify needs a dataset source");
    if (o.table === undefined) throw new UsageError("usage.missing_option", { option: "--table" });
    const cutPoints = cutPointsOf(o.cutPoints);
    return {
      kind: "table",
      r: await sectorTiers({
        source: ctx.source,
        tableId: o.table,
        scheme: o.scheme,
        method: "thresholds",
        ...(cutPoints !== undefined && { cutPoints }),
        ...(ctx.clock !== undefined && { clock: ctx.clock }),
      }),
    };
  },
  wire: tiersWire,
  toWire: tiersToWire,
  render: { table: (run: TiersRun, lang: Lang) => tiersTable(tiersToWire(run, lang), lang) },
});

export const structureWire = z.object({
  tiers: z.array(z.string()),
  membership: z.enum(["published", "computed"]),
  members: z.array(z.object({ code: z.string(), tier: z.string() })),
  years: z.array(
    z.object({
      year: z.number().int(),
      source: z.enum(["table", "interpolated"]),
      table: z.string().nullable(),
      total: z.number(),
      shares: z.array(nullableNumber),
    }),
  ),
  contributions: z.array(
    z.object({ year: z.number().int(), total_change: z.number(), contributions: z.array(nullableNumber) }),
  ),
  published: z.object({
    shares: z.array(z.object({ tier: z.string(), year: z.number().int(), value: z.number(), id: z.string() })),
    contributions: z.array(z.object({ tier: z.string(), year: z.number().int(), value: z.number(), id: z.string() })),
    contribution_sum_2024: z
      .object({
        sum: z.number(),
        expected: z.number(),
        difference: z.number(),
        tolerance: z.number(),
        consistent: z.boolean(),
      })
      .nullable(),
  }),
  diagnostics: z.array(wireDiagnostic),
  provenance: wireProvenance,
});

export const tiersStructureMethod = defineMethod({
  id: "tiers.structure",
  family: "tiers",
  command: ["tiers", "structure"],
  path: "/api/tiers/structure",
  summary: {
    "zh-CN": "各层级增加值占比与增长贡献率（2012—2020 年投入产出表，固定层级成员），与公布值对照并核对其加总",
    en: "value-added shares and growth contributions by tier (2012–2020 IO tables, fixed membership), beside the printed values with a check of their sums",
  },
  options: z.object({
    membership: enumOption(["published", "computed"], "published", {
      "zh-CN": "层级成员：published（种子文献 000 公布的五层）或 computed（按 --table 计算）",
      en: "membership: published (seed 000's printed five tiers) or computed (from --table)",
    }),
    table: textOption(L.table, "<id>"),
    scheme: enumOption(TIER_SCHEMES, "five", L.scheme),
    method: enumOption(TIER_METHODS, "hac", { "zh-CN": "计算层级的方法", en: "method of the computed tiers" }),
  }),
  formats: ["table", "json"],
  datasets: () => [
    "cn-nbs-io-2012-139",
    "cn-nbs-io-2015-42",
    "cn-nbs-io-2017-42",
    "cn-nbs-io-2018-42",
    "cn-nbs-io-2020-42",
  ],
  run: (o, _input, ctx): Promise<TierStructureAppResult> => {
    if (ctx.source === undefined) throw new Error("tiers.structure needs a dataset source");
    return tierStructureSeries({
      source: ctx.source,
      membership: o.membership,
      scheme: o.scheme,
      method: o.method,
      ...(o.table !== undefined && { tableId: o.table }),
      ...(ctx.clock !== undefined && { clock: ctx.clock }),
    });
  },
  wire: structureWire,
  toWire: (r: TierStructureAppResult, lang: Lang) =>
    structureWire.parse({
      tiers: r.tiers,
      membership: r.membership,
      members: r.members,
      years: r.years.map((y) => ({
        year: y.year,
        source: y.source,
        table: y.tableId,
        total: y.total,
        shares: y.shares,
      })),
      contributions: r.contributions.map((c) => ({
        year: c.year,
        total_change: c.totalChange,
        contributions: c.contributions,
      })),
      published: {
        shares: r.published.shares,
        contributions: r.published.contributions,
        contribution_sum_2024:
          r.published.contributionSum2024 === null
            ? null
            : {
                sum: r.published.contributionSum2024.sum,
                expected: r.published.contributionSum2024.expected,
                difference: r.published.contributionSum2024.difference,
                tolerance: r.published.contributionSum2024.tolerance,
                consistent: r.published.contributionSum2024.consistent,
              },
      },
      diagnostics: wireDiagnostics(r.diagnostics, lang),
      provenance: wireProvenanceOf(r.provenance, lang),
    }),
  render: { table: (r: TierStructureAppResult, lang: Lang) => structureTable(r, lang) },
});

const tierMeanWire = z.object({
  tier: z.string(),
  year: z.number().int(),
  cost_ratio: nullableNumber,
  profit_ratio: nullableNumber,
});
const slopeWire = z
  .object({
    form: z.string(),
    estimate: z.number(),
    std_error: z.number(),
    p_value: z.number(),
    effect: z.number(),
    effect_unit: z.string(),
    n: z.number().int(),
  })
  .nullable();

export const costBenefitWire = z.object({
  input: z.enum(["io_proxy", "panel"]),
  dataset: z.string(),
  years: z.array(z.number().int()),
  sectors: z.array(
    z.object({
      sector: z.string(),
      name_zh: z.string().nullable(),
      name_en: z.string().nullable(),
      year: z.number().int(),
      tier: z.string().nullable(),
      revenue: z.number(),
      cost_ratio: nullableNumber,
      profit_ratio: nullableNumber,
      digital_input: nullableNumber,
    }),
  ),
  tier_means: z.array(tierMeanWire),
  tier_means_excluding_primary: z.array(tierMeanWire),
  regression_cost_ratio: slopeWire,
  regression_profit_ratio: slopeWire,
  elasticities: z.object({
    components: z.array(z.string()),
    annual: z.array(
      z.object({
        component: z.string(),
        year: z.number().int(),
        elasticity: nullableNumber,
        std_error: nullableNumber,
        n: z.number().int(),
      }),
    ),
    means: z.array(
      z.object({
        component: z.string(),
        from: z.number().int(),
        to: z.number().int(),
        mean: nullableNumber,
        used: z.number().int(),
        expected: z.number().int(),
      }),
    ),
  }),
  published: z.array(z.object({ id: z.string(), value: z.number(), year: z.number().int().nullable() })),
  diagnostics: z.array(wireDiagnostic),
  provenance: wireProvenance,
});

const slopeOf = (r: CostBenefitResult["regressions"]["costRatio"]) =>
  r === null
    ? null
    : {
        form: r.form,
        estimate: r.slope.estimate,
        std_error: r.slope.stdError,
        p_value: r.slope.pValue,
        effect: r.effect,
        effect_unit: r.effectUnit,
        n: r.regression.n,
      };

export const costBenefitMethod = defineMethod({
  id: "costbenefit.ratios",
  family: "tiers",
  command: ["costbenefit", "ratios"],
  path: "/api/costbenefit/ratios",
  summary: {
    "zh-CN": "各数字化层级的主营业务成本率与成本费用利润率及其对数字化投入的回归：投入产出表代理（默认）或企业财务面板",
    en: "cost and profit-to-cost ratios by digitalisation tier and their regression on digital input: IO-table proxy (default) or an enterprise financial panel",
  },
  options: z.object({
    panel: datasetOption(
      {
        "zh-CN":
          "企业财务面板（已存储的数据集编号；或以 --input 给出文件，列见 data/templates/costbenefit-financials.csv）；缺省时用投入产出表代理",
        en: "enterprise financial panel (a stored dataset id, or a file with --input; columns as data/templates/costbenefit-financials.csv); absent: the IO-table proxy",
      },
      { required: false },
    ),
    form: enumOption(["loglog", "loglin", "linlin"], "loglog", {
      "zh-CN": "回归形式：双对数、半对数或线性",
      en: "regression form: log–log, log–linear or linear",
    }),
    rdInAdmin: enumOption(["no", "yes"], "no", {
      "zh-CN": "研发费用已计入管理费用（不重复相加）",
      en: "R&D is already inside management expenses (not added again)",
    }),
  }),
  input: "data_frame",
  inputOption: "panel",
  inputOptional: true,
  formats: ["table", "json"],
  datasets: (o) => (o.panel === undefined ? [] : [o.panel]),
  run: async (o, input, ctx): Promise<CostBenefitResult> => {
    const panel =
      input ?? (o.panel !== undefined && ctx.source !== undefined ? await loadFrame(ctx.source, o.panel) : undefined);
    return costBenefit({
      form: o.form,
      rdInAdmin: o.rdInAdmin === "yes",
      ...(panel !== undefined && { panel }),
      ...(ctx.source !== undefined && { source: ctx.source }),
      ...(ctx.clock !== undefined && { clock: ctx.clock }),
    });
  },
  wire: costBenefitWire,
  toWire: (r: CostBenefitResult, lang: Lang) =>
    costBenefitWire.parse({
      input: r.input,
      dataset: r.dataset,
      years: r.years,
      sectors: r.sectors.map((s) => ({
        sector: s.sector,
        name_zh: s.nameZh,
        name_en: s.nameEn,
        year: s.year,
        tier: s.tier,
        revenue: s.revenueMain,
        cost_ratio: s.costRatio,
        profit_ratio: s.profitRatio,
        digital_input: s.digitalInput,
      })),
      tier_means: r.tierMeans.map((m) => ({
        tier: m.tier,
        year: m.year,
        cost_ratio: m.costRatio,
        profit_ratio: m.profitRatio,
      })),
      tier_means_excluding_primary: r.tierMeansExcluding.map((m) => ({
        tier: m.tier,
        year: m.year,
        cost_ratio: m.costRatio,
        profit_ratio: m.profitRatio,
      })),
      regression_cost_ratio: slopeOf(r.regressions.costRatio),
      regression_profit_ratio: slopeOf(r.regressions.profitRatio),
      elasticities: {
        components: r.elasticities.components,
        annual: r.elasticities.annual.map((a) => ({
          component: a.component,
          year: a.year,
          elasticity: a.elasticity,
          std_error: a.stdError,
          n: a.n,
        })),
        means: r.elasticities.means,
      },
      published: r.published,
      diagnostics: wireDiagnostics(r.diagnostics, lang),
      provenance: wireProvenanceOf(r.provenance, lang),
    }),
  render: { table: (r: CostBenefitResult, lang: Lang) => costBenefitTable(r, lang) },
});

/** The tiers family, in help order. */
export const TIERS_METHODS = [
  tiersClusterMethod,
  tiersClassifyMethod,
  tiersStructureMethod,
  costBenefitMethod,
] as const;
