/**
 * The sector-tiers report section (产业分层): on the 2020 NBS 42-sector table, seed 000's five tiers by
 * Ward clustering (the dendrogram and the computed-vs-printed tier map) and seed 001's three tiers by
 * cut-points on the digital share of intermediate inputs (the tier map), each with the agreement line
 * (sectors in the printed tier, adjusted Rand index, the differing sectors with both tiers), the tier
 * sizes and the provenance. It loads through the declarations `tiers.cluster` and `tiers.classify`
 * (src/methods/tiers/index.ts), so it shows the JSON `GET /api/tiers/cluster|classify` return — the same
 * builders as the dashboard page `#/tiers`. Below them, the value-added shares and growth contributions
 * by tier (`tiers.structure`, `GET /api/tiers/structure`) and the cost–benefit ratios of the IO-table
 * proxy (`costbenefit.ratios`, `GET /api/costbenefit/ratios`), each with the printed values beside.
 */
import {
  type CostBenefitResult,
  costBenefitRatiosChart,
  costBenefitScatterChart,
  costBenefitText,
} from "../../../web/charts/cost-benefit.js";
import { dendrogramChart } from "../../../web/charts/dendrogram.js";
import { chartLabels } from "../../../web/charts/labels.js";
import { escapeHtml } from "../../../web/charts/number-format.js";
import { labelSeparator } from "../../../web/charts/provenance.js";
import { tierMapChart } from "../../../web/charts/tier-map.js";
import {
  contributionSumNote,
  type TierStructureResult,
  tierContributionsChart,
  tierSharesChart,
} from "../../../web/charts/tier-structure.js";
import {
  featureName,
  formatTierNumber,
  sectorName,
  sizeTierName,
  type TiersResult,
  tierName,
} from "../../../web/charts/tier-text.js";
import { messages } from "../../../web/src/i18n.js";
import {
  costBenefitMethod,
  tiersClassifyMethod,
  tiersClusterMethod,
  tiersStructureMethod,
} from "../../methods/tiers/index.js";
import type { ReportLocale } from "../types.js";
import { figureHtml } from "./figure.js";
import { defineSection } from "./section.js";

/** The table of the section: the latest NBS 42-sector table (as the dashboard's default). */
export const REPORT_TIERS_TABLE = "cn-nbs-io-2020-42";

/** What the section shows: five tiers by Ward clustering, three by cut-points. */
export interface TiersSectionData {
  readonly five: TiersResult;
  readonly three: TiersResult;
  /** value-added shares and growth contributions by tier (fixed printed membership) */
  readonly structure: TierStructureResult;
  /** cost and profit ratios by tier: the IO-table proxy */
  readonly costBenefit: CostBenefitResult;
}

const TEXT = {
  "zh-CN": {
    title: "产业分层",
    intro:
      "按数字化投入与产出把 42 个部门分层，并与文献公布的层级逐个部门对照：五层方案用层次聚类（Ward 连接，欧氏距离，特征取对数后按 z 分数标准化），三层方案按数字化投入占比的分界点分层。对照结果只作报告，不作为通过与否的判定。",
    treeCaption: (y: number | null) => `产业分层聚类树：${y ?? ""} 年投入产出表，五层方案`,
    treeNote: (r: TiersResult, sep: string) =>
      `每次合并画成一组线段，高度为合并高度（共 ${r.merges.length} 次），树叶按聚类树的顺序排列；同一计算层级内的分支着该层颜色，虚线为切分成 ${r.k} 类的高度。特征${sep}${r.features.map((f) => featureName(f, "zh-CN")).join("、")}。`,
    mapFiveCaption: "计算的层级与公布的层级：五层方案（层次聚类）",
    mapThreeCaption: "计算的层级与公布的层级：三层方案（分界点）",
    mapNote:
      "每列一个部门，上行为计算的层级，下行为公布的层级；红色代码和圆圈表示两者不一致，颜色较浅的格子为由排除法推定的公布层级。",
    cutPoints: (c: readonly number[]) =>
      `分界点：${c.map((x) => `${formatTierNumber(x * 100, "zh-CN", 0)}%`).join("、")}。`,
    sharesCaption: "各层级增加值占比（固定层级成员）",
    sharesNote:
      "有投入产出表的年份直接取表（年份加粗），其余年份在相邻两表之间线性插值（浅色斜纹）；右侧菱形为文献公布的 2012 年和 2024 年占比，单独画出，不并入计算序列。",
    contributionsCaption: "各层级对增加值增长的贡献率",
    contributionsNote: "贡献率 = 该层增加值增量 ÷ 全部增加值增量；浅色柱依赖插值年份，菱形为文献公布值。",
    costCaption: (y: number) => `各层级成本率与成本费用利润率（${y} 年）`,
    costNote: (input: string) =>
      `输入：${input}。部门比率的简单平均，另列不含初级产品部门的平均；菱形为文献公布的 2023 年上市公司数值，口径不同，不可直接比较。`,
    scatterCaption: "部门成本率与数字化投入",
    scatterNote: "每点为一个部门年份，横轴为对数轴；回归含年份效应，标准误按部门聚类。",
  },
  en: {
    title: "Sector tiers",
    intro:
      "The 42 sectors put into tiers by their digital inputs and outputs and compared sector by sector with the tiers the literature prints: the five-tier scheme by hierarchical clustering (Ward linkage, Euclidean distance, logged features standardised as z-scores), the three-tier scheme by cut-points on the digital share of intermediate inputs. The comparison is reported, never used as a pass or fail.",
    treeCaption: (y: number | null) => `Dendrogram of the sector tiers: the ${y ?? ""} input–output table, five tiers`,
    treeNote: (r: TiersResult, sep: string) =>
      `Each merge is drawn as one set of segments at its merge height (${r.merges.length} merges), the leaves in the tree's order; branches within one computed tier take its colour, the dashed line is the height that cuts the tree into ${r.k} clusters. Features${sep}${r.features.map((f) => featureName(f, "en")).join(", ")}.`,
    mapFiveCaption: "Computed and printed tiers: five tiers (hierarchical clustering)",
    mapThreeCaption: "Computed and printed tiers: three tiers (cut-points)",
    mapNote:
      "One column per sector, the computed tier on top and the printed tier below; a red code and a ring mark sectors where they differ, lighter tiles are printed tiers inferred by elimination.",
    cutPoints: (c: readonly number[]) =>
      `Cut-points: ${c.map((x) => `${formatTierNumber(x * 100, "en", 0)}%`).join(", ")}.`,
    sharesCaption: "Value-added share by tier (fixed membership)",
    sharesNote:
      "Years with an input–output table come from the table (bold year), the others are interpolated linearly between the two nearest tables (light, hatched); the diamonds on the right are the printed 2012 and 2024 shares, drawn apart and never merged into the computed series.",
    contributionsCaption: "Contribution of each tier to value-added growth",
    contributionsNote:
      "Contribution = the change of the tier's value added ÷ the change of total value added; light bars lean on interpolated years, diamonds are printed values.",
    costCaption: (y: number) => `Cost ratio and profit-to-cost ratio by tier (${y})`,
    costNote: (input: string) =>
      `Input: ${input}. Unweighted means of the sector ratios, also without the primary-product sectors; the diamonds are the printed 2023 listed-company values, measured differently and not comparable.`,
    scatterCaption: "Sector cost ratio and digital input",
    scatterNote:
      "One point per sector-year, log x axis; the regression has year effects and standard errors clustered by sector.",
  },
} as const;

/** A note followed by the sentence of the printed sums, when they do not add up. */
function sumNoted(note: string, sum: string | null, lang: ReportLocale): string {
  return sum === null ? note : `${note}${lang === "en" ? " " : ""}${sum}${lang === "en" ? "." : "。"}`;
}

/** The agreement line, the differing sectors (code, name, both tiers) and the sizes, as one note. */
export function agreementHtml(r: TiersResult, lang: ReportLocale): string {
  const M = messages(lang).tiers;
  const sep = labelSeparator(lang);
  const a = r.agreement;
  if (a === null) return `<p class="note">${escapeHtml(M.noAgreement)}</p>`;
  const byCode = new Map(r.clusters.map((c) => [c.label, c]));
  const differing = a.differing
    .map((d) => {
      const s = byCode.get(d.code);
      const name = s === undefined ? null : sectorName(s, lang);
      return `<li><b>${escapeHtml(d.code)}</b>${name === null ? "" : ` ${escapeHtml(name)}`}${escapeHtml(sep)}${escapeHtml(M.differingItem(tierName(d.tier, null, lang), tierName(d.published, null, lang)))}</li>`;
    })
    .join("");
  const sizes = r.sizes
    .map(
      (s, i) =>
        `<tr><td>${escapeHtml(sizeTierName(r, i, lang))}</td><td class="num">${s.computed}</td><td class="num">${s.published ?? "—"}</td></tr>`,
    )
    .join("");
  return (
    `<p class="note tiers-agreement"><b>${escapeHtml(M.agreement(a.agree, a.compared, formatTierNumber(a.ari, lang, 3)))}</b></p>` +
    (differing === ""
      ? ""
      : `<p class="note">${escapeHtml(M.differing)}${escapeHtml(sep)}</p><ul class="differing">${differing}</ul>`) +
    `<table class="tier-sizes"><thead><tr><th>${escapeHtml(M.tier)}</th><th>${escapeHtml(M.computed)}</th><th>${escapeHtml(M.printed)}</th></tr></thead><tbody>${sizes}</tbody></table>`
  );
}

/** 产业分层: dendrogram and tier map of the five tiers, tier map of the three, agreement and provenance. */
export const tiersSection = defineSection<TiersSectionData>({
  id: "tiers.sectors",
  family: "tiers",
  load: async (sources) => {
    const [five, three, structure, costBenefit] = await Promise.all([
      sources.runMethod(tiersClusterMethod, { table: REPORT_TIERS_TABLE, scheme: "five", method: "ward", k: 5 }),
      sources.runMethod(tiersClassifyMethod, { table: REPORT_TIERS_TABLE, scheme: "three" }),
      sources.runMethod(tiersStructureMethod, {}),
      sources.runMethod(costBenefitMethod, { panel: undefined }),
    ]);
    return { five, three, structure, costBenefit };
  },
  render: ({ five, three, structure, costBenefit }, ctx) => {
    const lang = ctx.lang;
    const T = TEXT[lang];
    const sep = labelSeparator(lang);
    const labels = chartLabels(lang);
    return (
      `<section id="tiers"><h2>${escapeHtml(T.title)}</h2><p>${escapeHtml(T.intro)}</p>` +
      figureHtml(
        {
          id: "fig-tiers-dendrogram",
          option: dendrogramChart(five, labels, lang),
          height: 560,
          caption: T.treeCaption(five.year),
          note: T.treeNote(five, sep),
          provenance: five.provenance,
        },
        ctx,
      ) +
      figureHtml(
        {
          id: "fig-tiers-map-five",
          option: tierMapChart(five, labels, lang),
          height: 300,
          caption: T.mapFiveCaption,
          note: T.mapNote,
          provenance: five.provenance,
        },
        ctx,
      ) +
      agreementHtml(five, lang) +
      figureHtml(
        {
          id: "fig-tiers-map-three",
          option: tierMapChart(three, labels, lang),
          height: 300,
          caption: T.mapThreeCaption,
          note: `${T.mapNote} ${three.cut_points === null ? "" : T.cutPoints(three.cut_points)}`,
          provenance: three.provenance,
        },
        ctx,
      ) +
      agreementHtml(three, lang) +
      figureHtml(
        {
          id: "fig-tiers-shares",
          option: tierSharesChart(structure, labels, lang),
          height: 420,
          caption: T.sharesCaption,
          note: T.sharesNote,
          provenance: structure.provenance,
        },
        ctx,
      ) +
      figureHtml(
        {
          id: "fig-tiers-contributions",
          option: tierContributionsChart(structure, labels, lang),
          height: 420,
          caption: T.contributionsCaption,
          note: sumNoted(T.contributionsNote, contributionSumNote(structure, lang), lang),
          provenance: structure.provenance,
        },
        ctx,
      ) +
      figureHtml(
        {
          id: "fig-tiers-cost-ratios",
          option: costBenefitRatiosChart(costBenefit, labels, lang),
          height: 420,
          caption: T.costCaption(Math.max(...costBenefit.years)),
          note: T.costNote(costBenefitText(lang).input[costBenefit.input]),
          provenance: costBenefit.provenance,
        },
        ctx,
      ) +
      figureHtml(
        {
          id: "fig-tiers-cost-scatter",
          option: costBenefitScatterChart(costBenefit, labels, lang),
          height: 460,
          caption: T.scatterCaption,
          note: T.scatterNote,
          provenance: costBenefit.provenance,
        },
        ctx,
      ) +
      `</section>`
    );
  },
});

/** The tiers family's sections, in report order. */
export const TIERS_SECTIONS = [tiersSection] as const;
