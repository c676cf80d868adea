/**
 * Seed reproduction (种子文献数值复现): recomputes the input–output figures of the seed documents from
 * the shipped NBS tables and compares them with the printed values of the published dataset
 * (spec/methods.md §16 rows 13, 14 and 35; §5.9 gives the expected computed values).
 *
 * - Rows 13/14 — seed 000 §二(二)1, 图5: sensitivity (感应度系数) and influence (影响力系数) of the
 *   integration block, here the digital block D = {S20, S32} as one sector of a two-block table
 *   (group method `two_block`, Leontief variant, competitive imports), for 2015, 2017, 2018, 2020.
 * - Row 35 — seed 001 §三(二) footnote 4: the three-tier digitalisation lists, against the digital
 *   share of intermediate inputs DI_direct_intermediate (2020 table): top-6 order, tier sizes, tier
 *   agreement with thresholds [10 %, 1 %], and Spearman ρ between DI and the printed order.
 *
 * Computed numbers come from the tables; printed numbers only from `src/data/published`.
 */

import type { GroupMethod, IoTable, LinkageVariant } from "../core/index.js";
import { digitalIntensities, groupLinkages, spearmanCorrelation } from "../core/index.js";
import type { DatasetMeta } from "../data/index.js";
import {
  canonicalDataset,
  DataIssuesError,
  detectNbs42Vintage,
  type PublishedValue,
  requirePublished,
  type SeedCitation,
  seedCitation,
} from "../data/index.js";
import { resolveGroup } from "./groups.js";

/** Loads a stored IO table by dataset id (e.g. `store.loadIoTable`). */
export type IoTableLoader = (
  id: string,
) =>
  | Promise<{ readonly meta: DatasetMeta; readonly table: IoTable }>
  | { readonly meta: DatasetMeta; readonly table: IoTable };

/** `reproduced`: within the printed precision (or the qualitative claim holds); `approximate`: same
 * direction/structure but a gap beyond the printed precision; `not_comparable`: no public table for
 * the printed year (the nearest computed value is shown). */
export type ReproductionStatus = "reproduced" | "approximate" | "not_comparable";

/** What a reproduction row compares. */
export type ReproductionQuantity =
  | "influence"
  | "influence_change"
  | "influence_bound"
  | "sensitivity"
  | "sensitivity_change"
  | "sensitivity_bound"
  | "top6_order"
  | "tier_size_high"
  | "tier_size_medium"
  | "tier_size_low"
  | "tier_agreement"
  | "rank_correlation"
  // composite-index family (rows 5, 9): arithmetic from printed endpoints, technical-weakness episodes
  | "growth_multiple"
  | "cagr"
  | "cagr_gap"
  | "weak_episode"
  | "crossing_year"
  | "component_cagr"
  | "index_level"
  // productivity family (rows 10–12, 25–29, 33–34)
  | "labour_productivity"
  | "tfp_level"
  | "regression_slope"
  | "tfp_contribution"
  | "contribution_change"
  | "growth_sd"
  | "growth_cv"
  | "growth_slowdown"
  | "deepening_rate"
  | "forecast_ratio"
  // tiers family (rows 15–18, 30–32)
  | "tier_count_share"
  | "tier_membership"
  | "tier_va_share"
  | "tier_contribution"
  | "printed_sum"
  | "tier_cost_ratio"
  | "tier_profit_ratio"
  | "elasticity_mean";

/** Series behind printed numbers that are not public (so those numbers are shown, not recomputed). */
export type UnpublishedSeries =
  /** NBS employment before 2019 is not in the shipped data (row 11, 2012) */
  | "employment_before_2019"
  /** sector capital stock and employment by CAICT's fusion / non-fusion groups (row 10) */
  | "sector_capital_employment"
  /** the annual integration-index series 2012–2024 (row 12) */
  | "annual_index_series"
  /** CAICT's digital-economy TFP decomposition (rows 25–27) */
  | "caict_de_tfp"
  /** CAICT's per-worker digital capital of the real economy (rows 33–34) */
  | "caict_digital_capital"
  /** listed companies' annual reports aggregated to the 42 sectors (rows 30–32) */
  | "listed_company_panel";

/** A tier of the three-tier digitalisation lists. */
export type Tier = "high" | "medium" | "low";

/**
 * Params of each reproduction reason code: the facts behind a row's status, rendered in zh-CN and en
 * by src/i18n (`renderReproductionRow`). No prose here.
 */
export interface ReproductionReasonParams extends TiersReproductionReasonParams {
  /** row 14, 2015: the computed influence against the printed value and its precision */
  readonly influence_table_year: {
    readonly computedYear: number;
    readonly computed: number;
    readonly printed: string;
    readonly gap: number;
    readonly tolerance: number;
    readonly within: boolean;
    /** the value is the lowest of `years` (the seed says 2015 is the minimum) */
    readonly lowest: boolean;
    readonly years: readonly number[];
  };
  /** rows 13/14, 2023: no public table after the latest year; the latest computed value is shown */
  readonly no_table_after_latest: {
    readonly measure: "influence" | "sensitivity";
    readonly latestYear: number;
    readonly printedYear: number;
    readonly computed: number;
    readonly gap: number;
  };
  /** row 13, 2012: computed from the 139-sector table (or the earliest table when it is missing) */
  readonly sensitivity_first_year: {
    readonly source: "detailed_139" | "earliest_table";
    readonly computedYear: number;
    readonly computed: number;
    readonly gap: number;
  };
  /** rows 13/14: the printed change between two years against the change over the public tables */
  readonly change_direction: {
    readonly measure: "influence" | "sensitivity";
    readonly printedFrom: number;
    readonly printedTo: number;
    readonly printedChange: number;
    readonly fromYear: number;
    readonly toYear: number;
    readonly computedChange: number;
    readonly sameDirection: boolean;
    /** a table year before `fromYear` and its value (influence: lowest in 2015, rising after) */
    readonly earlierYear?: number;
    readonly earlierValue?: number;
  };
  /** rows 13/14: the printed bound ("always above 1", "below 1") over the table years */
  readonly bound: {
    readonly measure: "influence" | "sensitivity";
    readonly side: "above" | "below";
    readonly bound: number;
    readonly years: readonly number[];
    readonly extreme: number;
    readonly holds: boolean;
  };
  /** row 35: the six highest digital input shares against the printed high-tier order */
  readonly top6_order: {
    readonly year: number;
    readonly top6: readonly string[];
    readonly matches: number;
    readonly positions: number;
  };
  /** row 35: tier size by thresholds against the printed list (within the comparable sectors) */
  readonly tier_size: {
    readonly tier: Tier;
    readonly thresholds: readonly [number, number];
    readonly computed: number;
    readonly comparable: number;
    readonly printedComparable: number;
    readonly printedAll: number;
  };
  /** row 35: sectors whose threshold tier equals the printed tier */
  readonly tier_agreement: {
    readonly comparable: number;
    readonly agreeing: number;
    readonly mismatches: readonly {
      readonly code: string;
      readonly share: number;
      readonly tier: Tier;
      readonly printedTier: Tier;
    }[];
  };
  /** row 35: Spearman ρ between DI and the printed order (1 = identical order) */
  readonly rank_correlation: { readonly spearman: number; readonly comparable: number };
  /**
   * row 5: a number recomputed from printed endpoints (and NBS GDP), against a printed approximate
   * number: `about` holds when |gap| is below one unit of the printed last digit, `nearly` when the
   * value is below the printed one by less than a unit
   */
  readonly printed_endpoints: {
    readonly quantity: "growth_multiple" | "cagr" | "cagr_gap";
    readonly from: number;
    readonly to: number;
    readonly startValue: number;
    readonly endValue: number;
    /** nominal GDP CAGR over the same years (cagr_gap) */
    readonly gdpCagr?: number;
    readonly gdpFrom?: number;
    readonly gdpTo?: number;
    readonly computed: number;
    readonly printed: string;
    readonly qualifier: "about" | "nearly";
    readonly unit: number;
    readonly holds: boolean;
  };
  /**
   * row 6: the year the public-data proxy of the integration index (fusion index, OECD tables) first
   * crosses its GDP index from below, against the printed "about 2016"
   */
  readonly proxy_crossing: {
    readonly crossing: number | null;
    readonly printed: number;
    readonly baseYear: number;
    readonly window: readonly [number, number];
    /** the first and last year the proxy is at or above the GDP index */
    readonly aboveFrom: number | null;
  };
  /** rows 4 and 7: a level of the proxy (base-year index) beside a printed level — different data and base */
  readonly proxy_level: {
    readonly component: "total" | "consumption";
    readonly year: number;
    readonly computed: number;
    readonly printed: number;
    readonly baseYear: number;
  };
  /** rows 7–8: a component's average growth in the proxy against the printed one */
  readonly proxy_growth: {
    readonly component: "consumption" | "investment";
    readonly from: number;
    readonly to: number;
    readonly computed: number;
    readonly printed: number;
  };
  /** row 11: the printed value is NBS's value of an earlier year, recomputed exactly */
  readonly label_year_mismatch: {
    readonly computedYear: number;
    readonly labelYear: number;
    readonly computed: number;
    readonly gdp: number;
    readonly employment: number;
    readonly priceBase: number;
  };
  /** rows 10–12, 25–27, 33–34: the series behind the printed number are not public */
  readonly series_not_public: { readonly series: UnpublishedSeries };
  /** row 25: a printed change recomputed from two printed values */
  readonly printed_difference: {
    readonly from: number;
    readonly to: number;
    readonly startValue: number;
    readonly endValue: number;
    readonly computed: number;
    readonly printed: string;
    readonly holds: boolean;
  };
  /** row 28: SD/CV of nominal GDP growth in three NBS vintages; `shown` is the one in the row */
  readonly volatility_vintages: {
    readonly window: readonly [number, number];
    readonly ddof: 0 | 1;
    readonly shown: "V1" | "V2" | "V3";
    readonly variants: readonly VolatilityVariant[];
  };
  /** row 29: 2023 minus 2024 nominal growth (pre-revision first releases) */
  readonly growth_slowdown: {
    readonly g2023: number;
    readonly g2024: number;
    readonly computed: number;
    readonly printed: string;
  };
  /** row 9: the technical-weakness episode found in a printed phase of the cycle */
  readonly weak_episode: {
    readonly series: "real_gdp_growth" | "nominal_gdp_growth";
    readonly phaseFrom: number;
    /** null: "to date" (至今) */
    readonly phaseTo: number | null;
    /** the weak years (W = 1) of the whole window */
    readonly weakYears: readonly number[];
    /** the episode that starts in the phase's first year, if any */
    readonly episode: { readonly start: number; readonly end: number } | null;
    readonly matches: boolean;
    readonly window: readonly [number, number];
  };
}

export type ReproductionReasonCode = keyof ReproductionReasonParams;

/** Reasons of the tiers family's rows (15–18, 30–32), joined into {@link ReproductionReasonParams}. */
export interface TiersReproductionReasonParams {
  /** row 15: a printed share of the 42 sectors recomputed from the printed count */
  readonly count_share: {
    readonly tier: string;
    readonly count: number;
    readonly total: number;
    readonly computed: number;
  };
  /** row 16: five tiers on a public table against seed 000's printed membership */
  readonly five_tier_agreement: {
    readonly year: number;
    readonly cutPoints: readonly number[];
    readonly agreeing: number;
    readonly compared: number;
    readonly ari: number;
    readonly mismatches: readonly { readonly code: string; readonly tier: string; readonly printedTier: string }[];
  };
  /** row 17: a tier's value-added share on the public table of `computedYear` (membership fixed) */
  readonly tier_va_share: {
    readonly tier: string;
    readonly year: number;
    readonly computedYear: number;
    readonly computed: number;
    readonly printed: number;
    readonly table: string;
  };
  /** row 18: a tier's growth contribution in an interval between public tables */
  readonly tier_contribution: {
    readonly tier: string;
    readonly year: number;
    readonly from: number;
    readonly to: number;
    readonly computed: number | null;
    readonly printed: number;
  };
  /** row 18: printed parts that should add up to 100 % */
  readonly printed_sum: {
    readonly count: number;
    readonly sum: number;
    readonly expected: number;
    readonly difference: number;
  };
  /** rows 30–31: the IO-table proxy on the latest public table beside a listed-company figure */
  readonly io_proxy: {
    readonly measure: "cost_ratio" | "profit_ratio" | "slope_cost_ratio" | "slope_profit_ratio";
    readonly tier: string | null;
    readonly computedYear: number | null;
    readonly computed: number | null;
    readonly printed: number;
  };
  /** row 32: the full-period mean from the two sub-period means, weighted by their years */
  readonly averaging_consistency: {
    readonly early: number;
    readonly late: number;
    readonly earlyYears: number;
    readonly lateYears: number;
    readonly computed: number;
    readonly printed: number;
  };
}

/** One NBS vintage variant of the nominal-growth volatility (spec §9.6). */
export interface VolatilityVariant {
  readonly variant: "V1" | "V2" | "V3";
  readonly g2023: number;
  readonly g2024: number;
  readonly mean: number;
  readonly sd: number;
  readonly cv: number;
}

/** Why a row has its status: a code and its params. */
export type ReproductionReason = {
  readonly [K in ReproductionReasonCode]: { readonly code: K; readonly params: ReproductionReasonParams[K] };
}[ReproductionReasonCode];

/** Method parameters recorded with every row: an IO method, or the composite-index family's. */
export type ReproductionMethod = IoReproductionMethod | IndexReproductionMethod;

/** Rows 5 and 9: the arithmetic or the growth series and its rule. */
export interface IndexReproductionMethod {
  readonly family: "index" | "productivity" | "tiers";
  /** e.g. "cagr_from_printed_endpoints", "technical_weakness" */
  readonly rule: string;
  /** the series and how it was built (e.g. constant-price GDP, chained at base-year changes) */
  readonly series?: string;
  readonly datasets: readonly string[];
}

/** Rows 13, 14, 35: the IO method. */
export interface IoReproductionMethod {
  /** canonical codes of the group / digital set D */
  readonly group: readonly string[];
  readonly groupMethod: GroupMethod;
  readonly variant: LinkageVariant;
  readonly imports: "competitive";
  /** row 35: the intensity measure and tier thresholds */
  readonly measure?: "DI_direct_intermediate";
  readonly thresholds?: readonly [number, number];
}

/** One computed-vs-published comparison. */
export interface ReproductionRow {
  /** unique key, e.g. `14-influence-2015` */
  readonly key: string;
  /** spec §16 row, as a string ("13", "14", "35") */
  readonly ref: string;
  /** id in the published dataset the published number comes from (the first one for derived values) */
  readonly publishedId: string;
  readonly quantity: ReproductionQuantity;
  /** the year of the printed value */
  readonly year: number;
  readonly computed: number | null;
  /** the table year the computed value comes from */
  readonly computedYear: number;
  /** the value printed in the seed (from data/published); null when the row compares with a derived value */
  readonly published: number | null;
  /**
   * the value the computed number is compared with when it is not a single printed number (a change
   * between two printed values, a count of listed sectors, ρ = 1 for the printed order); else null
   */
  readonly comparison: number | null;
  /** computed − (published ?? comparison) */
  readonly gap: number | null;
  /** |gap| allowed for `reproduced` (half a unit of the last printed digit), null for counts/claims */
  readonly tolerance: number | null;
  readonly status: ReproductionStatus;
  readonly tableId: string;
  readonly method: ReproductionMethod;
  /** why the row has its status (rendered by src/i18n `renderReproductionRow`) */
  readonly reason: ReproductionReason;
  /** where the published value was printed (rendered by src/i18n `citationText`) */
  readonly citation: SeedCitation;
}

/** The digital block's coefficients of one table year. */
export interface LinkagePoint {
  readonly year: number;
  readonly tableId: string;
  readonly influence: number;
  readonly sensitivity: number;
}

/** One sector's digital input share and its tier by thresholds vs the printed tier. */
export interface IntensitySector {
  readonly code: string;
  readonly nameZh: string | null;
  readonly directIntermediate: number | null;
  /** tier by thresholds [10 %, 1 %] */
  readonly tier: "high" | "medium" | "low" | null;
  /** tier printed in seed 001 footnote 4 (null for merged cells such as S22+S23) */
  readonly printedTier: "high" | "medium" | "low" | null;
  /** 1-based position in the printed three-tier lists (high, then medium, then low) */
  readonly printedRank: number | null;
}

/** Row-35 evidence of one table year. */
export interface IntensityYear {
  readonly year: number;
  readonly tableId: string;
  /** sectors in descending DI_direct_intermediate */
  readonly sectors: readonly IntensitySector[];
  /** the six highest DI sectors, in order */
  readonly top6: readonly string[];
  /** sectors comparable with the printed lists (all except merged cells) */
  readonly comparable: number;
  /** comparable sectors whose threshold tier equals the printed tier */
  readonly agreeing: number;
  /** comparable sectors whose tiers differ */
  readonly mismatches: readonly {
    readonly code: string;
    readonly tier: Tier;
    readonly printedTier: Tier;
    readonly directIntermediate: number;
  }[];
  /** threshold tier sizes over the comparable sectors */
  readonly sizes: { readonly high: number; readonly medium: number; readonly low: number };
  /** Spearman ρ between DI and the printed order (negated printed rank) */
  readonly spearman: number;
}

/** Result of {@link reproduceIoSeedFigures}. */
export interface IoSeedReproduction {
  readonly rows: readonly ReproductionRow[];
  /** F_D and E_D per table year */
  readonly linkages: readonly LinkagePoint[];
  /** DI evidence per table year (row 35) */
  readonly intensity: readonly IntensityYear[];
}

/** The shipped NBS tables used, oldest first (no public 42-sector table for 2012 or after 2020). */
export const REPRODUCTION_TABLES: readonly {
  readonly year: number;
  readonly tableId: string;
  /** the detailed table of the same year that splits the merged S22+S23 (ADR 0012) */
  readonly detailedId?: string;
}[] = [
  { year: 2015, tableId: "cn-nbs-io-2015-42" },
  { year: 2017, tableId: "cn-nbs-io-2017-42", detailedId: "cn-nbs-io-2017-149" },
  { year: 2018, tableId: "cn-nbs-io-2018-42", detailedId: "cn-nbs-io-2018-153" },
  { year: 2020, tableId: "cn-nbs-io-2020-42", detailedId: "cn-nbs-io-2020-153" },
];

/**
 * Detailed tables that add linkage years for which no 42-sector table is public. A two-block result
 * does not depend on how sectors are split inside each block, so the 2012 139-sector table (digital
 * products 086–091 = S20 and 114–115 = S32 of the 2012 list) gives the 2012 F_D and E_D exactly as a
 * 2012 42-sector table would. Linkages only: the tier comparison needs the 42 sectors.
 */
export const REPRODUCTION_DETAILED_TABLES: readonly { readonly year: number; readonly tableId: string }[] = [
  { year: 2012, tableId: "cn-nbs-io-2012-139" },
];

/** D = {S20 通信设备、计算机和其他电子设备, S32 信息传输、软件和信息技术服务} (spec §1.1). */
const DIGITAL: readonly string[] = ["S20", "S32"];
const THRESHOLDS: readonly [number, number] = [0.1, 0.01];
const LINKAGE_METHOD: ReproductionMethod = {
  group: DIGITAL,
  groupMethod: "two_block",
  variant: "leontief",
  imports: "competitive",
};
const INTENSITY_METHOD: ReproductionMethod = {
  ...LINKAGE_METHOD,
  measure: "DI_direct_intermediate",
  thresholds: THRESHOLDS,
};

function publishedNumber(v: PublishedValue): number {
  if (v.value === null) throw new Error(`reproduceIoSeedFigures: published value ${v.id} has no number`);
  return v.value;
}

function citation(v: PublishedValue): { citation: SeedCitation } {
  return { citation: seedCitation(v) };
}

/** Converts a loaded NBS 42-sector table to canonical ids (2017 vintage: 35+36 → S36, 22 kept merged). */
function canonical(
  loaded: { readonly meta: DatasetMeta; readonly table: IoTable },
  tableId: string,
  detailed: { readonly meta: DatasetMeta; readonly table: IoTable } | undefined,
): { table: IoTable; merged: readonly string[] } {
  const vintage = detectNbs42Vintage(loaded.table);
  if (vintage === undefined)
    throw new Error(`reproduceIoSeedFigures: ${tableId} is not an NBS 42-sector table of the 2012 or 2017 list`);
  // 2017-vintage tables: S22+S23 split by the detailed table of the same year (ADR 0012), so every
  // one of the 42 sectors is compared; two-block F_D and E_D do not depend on the split
  const r = detailed !== undefined ? canonicalDataset(loaded, vintage, detailed) : canonicalDataset(loaded, vintage);
  if (!r.ok) throw new DataIssuesError(r.issues);
  return { table: r.value.table, merged: r.value.mergedCells };
}

function tierOf(di: number): Tier {
  if (di >= THRESHOLDS[0]) return "high";
  if (di >= THRESHOLDS[1]) return "medium";
  return "low";
}

function intensityYear(year: number, tableId: string, table: IoTable, merged: readonly string[]): IntensityYear {
  const printed = new Map<string, { tier: Tier; rank: number }>();
  let rank = 0;
  for (const tier of ["high", "medium", "low"] as const) {
    for (const code of requirePublished(`s001-tiers3-${tier}-members`).members ?? [])
      printed.set(code, { tier, rank: ++rank });
  }
  const di = digitalIntensities(table, DIGITAL);
  const sectors: IntensitySector[] = table.sectors.map((s, j) => {
    const d = di.sectors[j]?.directIntermediate ?? null;
    const p = merged.includes(s.code) ? undefined : printed.get(s.code);
    return {
      code: s.code,
      nameZh: s.nameZh ?? null,
      directIntermediate: d,
      tier: d === null ? null : tierOf(d),
      printedTier: p?.tier ?? null,
      printedRank: p?.rank ?? null,
    };
  });
  sectors.sort((a, b) => (b.directIntermediate ?? -1) - (a.directIntermediate ?? -1));
  const comparable = sectors.filter((s) => s.printedTier !== null && s.tier !== null);
  const mismatches = comparable
    .filter((s) => s.tier !== s.printedTier)
    .map((s) => ({
      code: s.code,
      tier: s.tier as Tier,
      printedTier: s.printedTier as Tier,
      directIntermediate: s.directIntermediate as number,
    }));
  const count = (t: Tier) => comparable.filter((s) => s.tier === t).length;
  const spearman = spearmanCorrelation(
    comparable.map((s) => s.directIntermediate as number),
    comparable.map((s) => -(s.printedRank as number)),
  );
  return {
    year,
    tableId,
    sectors,
    top6: sectors.slice(0, 6).map((s) => s.code),
    comparable: comparable.length,
    agreeing: comparable.length - mismatches.length,
    mismatches,
    sizes: { high: count("high"), medium: count("medium"), low: count("low") },
    spearman,
  };
}

/**
 * Reproduces the seed input–output figures (spec §16 rows 13, 14, 35) from the shipped NBS 42-sector
 * tables 2015, 2017, 2018 and 2020 and compares them with the printed values.
 *
 * Each table is converted to the canonical 42 sectors (2017 vintage: 35+36 → S36, sector 22 kept as
 * the merged cell S22+S23, which is left out of the tier comparisons); intermediate flows are
 * competitive (domestic + imported). Influence F_D and sensitivity E_D of D = {S20, S32} come from
 * {@link groupLinkages} with `two_block`, Leontief variant; DI_direct_intermediate from
 * {@link digitalIntensities}. A printed number with d decimals is reproduced when
 * |computed − printed| ≤ 0.5·10^(−d) (spec §0.2).
 *
 * @param loadTable - loads a table by dataset id (`cn-nbs-io-<year>-42`)
 * @returns `{rows, linkages, intensity}`: comparison rows (ref, publishedId, year, computed, published,
 *   gap, status, tableId, method, reasons zh/en, citation), F_D/E_D per year, DI evidence per year
 * @throws DataIssuesError when a table cannot be converted to canonical ids; CoreError from the core
 * @example
 * const r = await reproduceIoSeedFigures((id) => store.loadIoTable(id));
 * r.rows.find((x) => x.key === "14-influence-2015")?.computed; // ≈ 1.041989 → status "reproduced"
 * @see spec/methods.md §5.5, §5.6, §5.9, §16; Miller & Blair (2009) §2.3, §12.2; docs/reproduction.md
 */
export async function reproduceIoSeedFigures(loadTable: IoTableLoader): Promise<IoSeedReproduction> {
  const points: LinkagePoint[] = [];
  const intensity: IntensityYear[] = [];
  for (const { year, tableId } of REPRODUCTION_DETAILED_TABLES) {
    const loaded = await loadTable(tableId);
    const digital = resolveGroup(loaded.table, loaded.meta, "digital");
    const g = groupLinkages(loaded.table, digital.codes, { method: "two_block", variant: "leontief", flows: "total" });
    points.push({ year, tableId, influence: g.influence, sensitivity: g.sensitivity });
  }
  for (const { year, tableId, detailedId } of REPRODUCTION_TABLES) {
    const loaded = await loadTable(tableId);
    const { table, merged } = canonical(
      loaded,
      tableId,
      detailedId === undefined ? undefined : await loadTable(detailedId),
    );
    const g = groupLinkages(table, DIGITAL, { method: "two_block", variant: "leontief", flows: "total" });
    points.push({ year, tableId, influence: g.influence, sensitivity: g.sensitivity });
    intensity.push(intensityYear(year, tableId, table, merged));
  }
  const first = points[0] as LinkagePoint;
  const last = points[points.length - 1] as LinkagePoint;
  const at = (year: number) => points.find((p) => p.year === year);
  const years = points.map((p) => p.year);
  const rows: ReproductionRow[] = [];

  // ---- row 14: influence (影响力系数)
  const inf2015 = requirePublished("s000-io-influence-2015");
  const inf2023 = requirePublished("s000-io-influence-2023");
  const infBound = requirePublished("s000-io-influence-bound");
  {
    const p = at(2015) ?? first;
    const published = publishedNumber(inf2015);
    const gap = p.influence - published;
    const tol = 0.5 * 10 ** -(inf2015.decimals ?? 2);
    const ok = p.year === 2015 && Math.abs(gap) <= tol;
    const isMin = points.every((q) => q.influence >= p.influence);
    rows.push({
      key: "14-influence-2015",
      ref: "14",
      publishedId: inf2015.id,
      quantity: "influence",
      year: 2015,
      computed: p.influence,
      computedYear: p.year,
      published,
      comparison: null,
      gap,
      tolerance: tol,
      status: ok ? "reproduced" : "approximate",
      tableId: p.tableId,
      method: LINKAGE_METHOD,
      reason: {
        code: "influence_table_year",
        params: {
          computedYear: p.year,
          computed: p.influence,
          printed: inf2015.printed,
          gap,
          tolerance: tol,
          within: Math.abs(gap) <= tol,
          lowest: isMin,
          years,
        },
      },
      ...citation(inf2015),
    });
  }
  {
    const published = publishedNumber(inf2023);
    const gap = last.influence - published;
    rows.push({
      key: "14-influence-2023",
      ref: "14",
      publishedId: inf2023.id,
      quantity: "influence",
      year: 2023,
      computed: last.influence,
      computedYear: last.year,
      published,
      comparison: null,
      gap,
      tolerance: null,
      status: "not_comparable",
      tableId: last.tableId,
      method: LINKAGE_METHOD,
      reason: {
        code: "no_table_after_latest",
        params: { measure: "influence", latestYear: last.year, printedYear: 2023, computed: last.influence, gap },
      },
      ...citation(inf2023),
    });
  }
  {
    const comparison = publishedNumber(inf2023) - publishedNumber(inf2015);
    const base = at(2015) ?? first; // the printed change starts at the 2015 low
    const computed = last.influence - base.influence;
    const sameDirection = Math.sign(computed) === Math.sign(comparison);
    rows.push({
      key: "14-influence-change",
      ref: "14",
      publishedId: inf2015.id,
      quantity: "influence_change",
      year: 2023,
      computed,
      computedYear: last.year,
      published: null,
      comparison,
      gap: computed - comparison,
      tolerance: null,
      status: sameDirection ? "approximate" : "not_comparable",
      tableId: last.tableId,
      method: LINKAGE_METHOD,
      reason: {
        code: "change_direction",
        params: {
          measure: "influence",
          printedFrom: 2015,
          printedTo: 2023,
          printedChange: comparison,
          fromYear: base.year,
          toYear: last.year,
          computedChange: computed,
          sameDirection,
          ...(first.year < base.year && { earlierYear: first.year, earlierValue: first.influence }),
        },
      },
      ...citation(inf2015),
    });
  }
  {
    const computed = Math.min(...points.map((p) => p.influence));
    const published = publishedNumber(infBound);
    rows.push({
      key: "14-influence-bound",
      ref: "14",
      publishedId: infBound.id,
      quantity: "influence_bound",
      year: last.year,
      computed,
      computedYear: last.year,
      published,
      comparison: null,
      gap: computed - published,
      tolerance: null,
      status: computed > published ? "reproduced" : "approximate",
      tableId: last.tableId,
      method: LINKAGE_METHOD,
      reason: {
        code: "bound",
        params: {
          measure: "influence",
          side: "above",
          bound: published,
          years,
          extreme: computed,
          holds: computed > published,
        },
      },
      ...citation(infBound),
    });
  }

  // ---- row 13: sensitivity (感应度系数)
  const sen2012 = requirePublished("s000-io-sensitivity-2012");
  const sen2023 = requirePublished("s000-io-sensitivity-2023");
  const senBound = requirePublished("s000-io-sensitivity-bound");
  {
    const published = publishedNumber(sen2012);
    const gap = first.sensitivity - published;
    rows.push({
      key: "13-sensitivity-2012",
      ref: "13",
      publishedId: sen2012.id,
      quantity: "sensitivity",
      year: 2012,
      computed: first.sensitivity,
      computedYear: first.year,
      published,
      comparison: null,
      gap,
      tolerance: null,
      status: first.year === 2012 ? "approximate" : "not_comparable",
      tableId: first.tableId,
      method: LINKAGE_METHOD,
      reason: {
        code: "sensitivity_first_year",
        params: {
          source: first.year === 2012 ? "detailed_139" : "earliest_table",
          computedYear: first.year,
          computed: first.sensitivity,
          gap,
        },
      },
      ...citation(sen2012),
    });
  }
  {
    const published = publishedNumber(sen2023);
    const gap = last.sensitivity - published;
    rows.push({
      key: "13-sensitivity-2023",
      ref: "13",
      publishedId: sen2023.id,
      quantity: "sensitivity",
      year: 2023,
      computed: last.sensitivity,
      computedYear: last.year,
      published,
      comparison: null,
      gap,
      tolerance: null,
      status: "not_comparable",
      tableId: last.tableId,
      method: LINKAGE_METHOD,
      reason: {
        code: "no_table_after_latest",
        params: { measure: "sensitivity", latestYear: last.year, printedYear: 2023, computed: last.sensitivity, gap },
      },
      ...citation(sen2023),
    });
  }
  {
    const comparison = publishedNumber(sen2023) - publishedNumber(sen2012);
    const computed = last.sensitivity - first.sensitivity;
    const sameDirection = Math.sign(computed) === Math.sign(comparison);
    rows.push({
      key: "13-sensitivity-change",
      ref: "13",
      publishedId: sen2012.id,
      quantity: "sensitivity_change",
      year: 2023,
      computed,
      computedYear: last.year,
      published: null,
      comparison,
      gap: computed - comparison,
      tolerance: null,
      status: sameDirection ? "approximate" : "not_comparable",
      tableId: last.tableId,
      method: LINKAGE_METHOD,
      reason: {
        code: "change_direction",
        params: {
          measure: "sensitivity",
          printedFrom: 2012,
          printedTo: 2023,
          printedChange: comparison,
          fromYear: first.year,
          toYear: last.year,
          computedChange: computed,
          sameDirection,
        },
      },
      ...citation(sen2012),
    });
  }
  {
    const computed = Math.max(...points.map((p) => p.sensitivity));
    const published = publishedNumber(senBound);
    rows.push({
      key: "13-sensitivity-bound",
      ref: "13",
      publishedId: senBound.id,
      quantity: "sensitivity_bound",
      year: last.year,
      computed,
      computedYear: last.year,
      published,
      comparison: null,
      gap: computed - published,
      tolerance: null,
      status: computed < published ? "reproduced" : "approximate",
      tableId: last.tableId,
      method: LINKAGE_METHOD,
      reason: {
        code: "bound",
        params: {
          measure: "sensitivity",
          side: "below",
          bound: published,
          years,
          extreme: computed,
          holds: computed < published,
        },
      },
      ...citation(senBound),
    });
  }

  // ---- row 35: three-tier digitalisation lists (latest table). The seed prints the lists, not counts:
  // counts and ρ = 1 are comparison values, never `published`.
  const iy = intensity[intensity.length - 1] as IntensityYear;
  const high = requirePublished("s001-tiers3-high-members");
  const medium = requirePublished("s001-tiers3-medium-members");
  const low = requirePublished("s001-tiers3-low-members");
  const base35 = {
    ref: "35",
    year: iy.year,
    computedYear: iy.year,
    tableId: iy.tableId,
    method: INTENSITY_METHOD,
    published: null,
    tolerance: null,
    ...citation(high),
  };
  {
    const printedTop = high.members ?? [];
    const matches = printedTop.filter((code, k) => iy.top6[k] === code).length;
    const positions = printedTop.length;
    rows.push({
      ...base35,
      key: "35-top6-order",
      publishedId: high.id,
      quantity: "top6_order",
      computed: matches,
      comparison: positions,
      gap: matches - positions,
      status: matches === positions ? "reproduced" : "approximate",
      reason: { code: "top6_order", params: { year: iy.year, top6: iy.top6, matches, positions } },
    });
  }
  const comparableOf = (v: PublishedValue) =>
    (v.members ?? []).filter((c) => iy.sectors.some((s) => s.code === c && s.printedTier !== null)).length;
  for (const [tier, v] of [
    ["high", high],
    ["medium", medium],
    ["low", low],
  ] as const) {
    const printedComparable = comparableOf(v);
    const computed = iy.sizes[tier];
    rows.push({
      ...base35,
      key: `35-tier-size-${tier}`,
      publishedId: v.id,
      quantity: `tier_size_${tier}`,
      computed,
      comparison: printedComparable,
      gap: computed - printedComparable,
      status: computed === printedComparable ? "reproduced" : "approximate",
      reason: {
        code: "tier_size",
        params: {
          tier,
          thresholds: THRESHOLDS,
          computed,
          comparable: iy.comparable,
          printedComparable,
          printedAll: (v.members ?? []).length,
        },
      },
    });
  }
  rows.push({
    ...base35,
    key: "35-tier-agreement",
    publishedId: high.id,
    quantity: "tier_agreement",
    computed: iy.agreeing,
    comparison: iy.comparable,
    gap: iy.agreeing - iy.comparable,
    status: iy.agreeing === iy.comparable ? "reproduced" : "approximate",
    reason: {
      code: "tier_agreement",
      params: {
        comparable: iy.comparable,
        agreeing: iy.agreeing,
        mismatches: iy.mismatches.map((m) => ({
          code: m.code,
          share: m.directIntermediate,
          tier: m.tier,
          printedTier: m.printedTier,
        })),
      },
    },
  });
  rows.push({
    ...base35,
    key: "35-rank-correlation",
    publishedId: high.id,
    quantity: "rank_correlation",
    computed: iy.spearman,
    comparison: 1,
    gap: iy.spearman - 1,
    status: "approximate",
    reason: { code: "rank_correlation", params: { spearman: iy.spearman, comparable: iy.comparable } },
  });
  return { rows, linkages: points, intensity };
}
