/**
 * The tiers family's rows of the reproduction table (产业分层方法族的复现行; spec §16 rows 15–18,
 * 30–32): count shares from the printed counts (row 15, arithmetic); the five tiers on the public
 * tables against seed 000's printed membership (row 16); tier value-added shares and growth
 * contributions with the printed membership on the public tables (rows 17–18), and the consistency of
 * the printed 2024 contributions; the cost–benefit figures beside the IO-table proxy (rows 30–31, not
 * comparable: listed-company data), and the averaging consistency of the printed elasticities (row 32).
 */
import { TIER_CODES } from "../core/index.js";
import { type PublishedValue, requirePublished, seedCitation } from "../data/index.js";
import { costBenefit } from "./cost-benefit.js";
import type { DatasetSource } from "./dataset-source.js";
import type { ReproductionRow } from "./reproduction.js";
import { TIER_ID, tierStructureSeries } from "./tier-structure.js";
import { sectorTiers } from "./tiers.js";

const TIERS5 = TIER_CODES[5];
const FIVE_CUTS = [0.1, 0.06, 0.03, 0.01];

/** Within half a unit of the printed last digit (spec §0.2). */
const within = (computed: number, p: PublishedValue) =>
  Math.abs(computed - (p.value as number)) <= 0.5 * 10 ** -(p.decimals ?? 2) + 1e-12;

/**
 * Rows 15–18 and 30–32 (产业分层、成本收益复现行).
 * @throws when a shipped table or a published value is missing (a broken installation)
 */
export async function reproduceTiersSeedFigures(source: DatasetSource): Promise<{ rows: ReproductionRow[] }> {
  const rows: ReproductionRow[] = [];
  const method = (rule: string, datasets: readonly string[], series?: string) =>
    ({ family: "tiers", rule, datasets, ...(series !== undefined && { series }) }) as const;

  // row 15: shares of 42 from the printed counts
  for (const tier of TIERS5) {
    const count = requirePublished(`s000-tiers-${TIER_ID[tier]}-count`);
    const share = requirePublished(`s000-tiers-${TIER_ID[tier]}-share-of-42`);
    const computed = ((count.value as number) / 42) * 100;
    rows.push({
      key: `15-count-share-${tier}`,
      ref: "15",
      publishedId: share.id,
      quantity: "tier_count_share",
      year: share.year ?? 2024,
      computed,
      computedYear: share.year ?? 2024,
      published: share.value as number,
      comparison: null,
      gap: computed - (share.value as number),
      tolerance: 0.005,
      status: within(computed, share) ? "reproduced" : "approximate",
      tableId: "",
      method: method("printed_count_over_42", []),
      reason: { code: "count_share", params: { tier, count: count.value as number, total: 42, computed } },
      citation: seedCitation(share),
    });
  }

  // row 16: five tiers by thresholds on the public tables vs the printed membership
  const high = requirePublished("s000-tiers-high-members");
  for (const tableId of ["cn-nbs-io-2018-42", "cn-nbs-io-2020-42"]) {
    const t = await sectorTiers({ source, tableId, scheme: "five", method: "thresholds", cutPoints: FIVE_CUTS });
    const a = t.agreement;
    if (a === null) continue;
    rows.push({
      key: `16-five-tier-agreement-${t.year}`,
      ref: "16",
      publishedId: high.id,
      quantity: "tier_membership",
      year: 2024,
      computed: a.agree,
      computedYear: t.year ?? 0,
      published: null,
      comparison: a.compared,
      gap: a.agree - a.compared,
      tolerance: null,
      status: a.agree === a.compared ? "reproduced" : "approximate",
      tableId,
      method: method("thresholds_on_di_direct_intermediate", [tableId]),
      reason: {
        code: "five_tier_agreement",
        params: {
          year: t.year ?? 0,
          cutPoints: FIVE_CUTS,
          agreeing: a.agree,
          compared: a.compared,
          ari: a.ari,
          mismatches: a.differing.map((d) => ({ code: d.code, tier: d.tier, printedTier: d.published })),
        },
      },
      citation: seedCitation(high),
    });
  }

  // rows 17–18: value-added structure with the printed membership
  const st = await tierStructureSeries({ source });
  const at = (year: number) => st.years.find((y) => y.year === year);
  const latest = st.years.filter((y) => y.source === "table").at(-1);
  for (const p of st.published.shares) {
    const y = p.year === 2012 ? at(2012) : latest;
    const pv = requirePublished(p.id);
    const computed = y === undefined ? null : ((y.shares[st.tiers.indexOf(p.tier)] as number | null) ?? null);
    const pct = computed === null ? null : computed * 100;
    rows.push({
      key: `17-va-share-${p.tier}-${p.year}`,
      ref: "17",
      publishedId: p.id,
      quantity: "tier_va_share",
      year: p.year,
      computed: pct,
      computedYear: y?.year ?? p.year,
      published: p.value,
      comparison: null,
      gap: pct === null || y?.year !== p.year ? null : pct - p.value,
      tolerance: 0.005,
      status: y?.year !== p.year ? "not_comparable" : pct !== null && within(pct, pv) ? "reproduced" : "approximate",
      tableId: y?.tableId ?? "",
      method: method("tier_va_share_fixed_membership", y?.tableId ? [y.tableId] : []),
      reason: {
        code: "tier_va_share",
        params: {
          tier: p.tier,
          year: p.year,
          computedYear: y?.year ?? p.year,
          computed: pct ?? Number.NaN,
          printed: p.value,
          table: y?.tableId ?? "",
        },
      },
      citation: seedCitation(pv),
    });
  }
  // the one printed contribution inside the public tables' years: 2020 (interval 2018–2020)
  for (const p of st.published.contributions.filter((c) => c.year === 2020)) {
    const pv = requirePublished(p.id);
    const c = st.contributions.find((x) => x.year === 2020);
    const computed = c === undefined ? null : (c.contributions[st.tiers.indexOf(p.tier)] ?? null);
    const pct = computed === null ? null : computed * 100;
    rows.push({
      key: `18-contribution-${p.tier}-2020`,
      ref: "18",
      publishedId: p.id,
      quantity: "tier_contribution",
      year: 2020,
      computed: pct,
      computedYear: 2020,
      published: p.value,
      comparison: null,
      gap: pct === null ? null : pct - p.value,
      tolerance: 0.005,
      status: pct !== null && within(pct, pv) ? "reproduced" : "approximate",
      tableId: "cn-nbs-io-2018-42+cn-nbs-io-2020-42",
      method: method("tier_growth_contribution_fixed_membership", ["cn-nbs-io-2018-42", "cn-nbs-io-2020-42"]),
      reason: {
        code: "tier_contribution",
        params: { tier: p.tier, year: 2020, from: 2018, to: 2020, computed: pct, printed: p.value },
      },
      citation: seedCitation(pv),
    });
  }
  const sum = st.published.contributionSum2024;
  if (sum !== null) {
    const first = requirePublished("s000-tiers-high-growth-contribution-2024");
    rows.push({
      key: "18-contribution-sum-2024",
      ref: "18",
      publishedId: first.id,
      quantity: "printed_sum",
      year: 2024,
      computed: sum.sum,
      computedYear: 2024,
      published: null,
      comparison: sum.expected,
      gap: sum.difference,
      tolerance: sum.tolerance,
      status: sum.consistent ? "reproduced" : "approximate",
      tableId: "",
      method: method("sum_of_printed_parts", []),
      reason: {
        code: "printed_sum",
        params: { count: 5, sum: sum.sum, expected: sum.expected, difference: sum.difference },
      },
      citation: seedCitation(first),
    });
  }

  // rows 30–31: listed-company figures beside the IO-table proxy (not comparable)
  const cb = await costBenefit({ source });
  const lastYear = cb.years.at(-1) ?? null;
  for (const p of cb.published) {
    const pv = requirePublished(p.id);
    const m = /^s001-(cost|profit)-ratio-(high|medium|low)(-excl-primary)?-2023$/.exec(p.id);
    const slope = /^s001-regression-(cost|profit)-ratio$/.exec(p.id);
    let computed: number | null = null;
    let tier: string | null = null;
    let measure: "cost_ratio" | "profit_ratio" | "slope_cost_ratio" | "slope_profit_ratio";
    if (m !== null) {
      tier = m[2] as string;
      measure = m[1] === "cost" ? "cost_ratio" : "profit_ratio";
      const means = m[3] !== undefined ? cb.tierMeansExcluding : cb.tierMeans;
      const row = means.find((x) => x.tier === tier && x.year === lastYear);
      const v = measure === "cost_ratio" ? row?.costRatio : row?.profitRatio;
      computed = v === null || v === undefined ? null : v * 100;
    } else if (slope !== null) {
      measure = slope[1] === "cost" ? "slope_cost_ratio" : "slope_profit_ratio";
      computed =
        (measure === "slope_cost_ratio" ? cb.regressions.costRatio : cb.regressions.profitRatio)?.effect ?? null;
    } else continue;
    rows.push({
      key: `${pv.ref}-${p.id}`,
      ref: String(pv.ref),
      publishedId: p.id,
      quantity:
        slope !== null ? "regression_slope" : measure === "cost_ratio" ? "tier_cost_ratio" : "tier_profit_ratio",
      year: p.year ?? 2023,
      computed,
      computedYear: lastYear ?? 0,
      published: p.value,
      comparison: null,
      gap: null,
      tolerance: null,
      status: "not_comparable",
      tableId: "",
      method: method("io_table_proxy", [...cb.dataset.split(",")]),
      reason: { code: "io_proxy", params: { measure, tier, computedYear: lastYear, computed, printed: p.value } },
      citation: seedCitation(pv),
    });
  }

  // row 32: the full-period elasticity from the two sub-period means (8 and 3 annual values)
  const full = requirePublished("s001-elasticity-production-2013-2023");
  const early = requirePublished("s001-elasticity-production-2013-2020");
  const late = requirePublished("s001-elasticity-production-2021-2023");
  const computed = (8 * (early.value as number) + 3 * (late.value as number)) / 11;
  rows.push({
    key: "32-elasticity-averaging",
    ref: "32",
    publishedId: full.id,
    quantity: "elasticity_mean",
    year: 2023,
    computed,
    computedYear: 2023,
    published: full.value as number,
    comparison: null,
    gap: computed - (full.value as number),
    tolerance: 0.005,
    status: within(computed, full) ? "reproduced" : "approximate",
    tableId: "",
    method: method("year_weighted_mean_of_printed_sub_periods", []),
    reason: {
      code: "averaging_consistency",
      params: {
        early: early.value as number,
        late: late.value as number,
        earlyYears: 8,
        lateYears: 3,
        computed,
        printed: full.value as number,
      },
    },
    citation: seedCitation(full),
  });
  for (const id of [
    "s001-elasticity-management-rd-2013-2023",
    "s001-elasticity-financial-2013-2023",
    "s001-elasticity-sales-2013-2023",
  ]) {
    const pv = requirePublished(id);
    rows.push({
      key: `32-${id}`,
      ref: "32",
      publishedId: id,
      quantity: "elasticity_mean",
      year: pv.year ?? 2023,
      computed: null,
      computedYear: pv.year ?? 2023,
      published: pv.value as number,
      comparison: null,
      gap: null,
      tolerance: null,
      status: "not_comparable",
      tableId: "",
      method: method("not_computed", []),
      reason: { code: "series_not_public", params: { series: "listed_company_panel" } },
      citation: seedCitation(pv),
    });
  }
  return { rows };
}
