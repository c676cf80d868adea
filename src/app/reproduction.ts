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

import type { GroupMethod, LinkageVariant } from "../core/index.js";
import { groupLinkages } from "../core/io-analysis/group.js";
import { digitalIntensities } from "../core/io-analysis/intensity.js";
import type { IoTable } from "../core/io-analysis/io-table.js";
import { spearmanCorrelation } from "../core/stats/rank-correlation.js";
import type { DatasetMeta } from "../data/dataset.js";
import { detectNbs42Vintage, toCanonical42 } from "../data/io-tables/crosswalk.js";
import { DataIssuesError } from "../data/issues.js";
import { loadPublishedDataset, type PublishedValue, publishedById } from "../data/published/index.js";
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
  | "rank_correlation";

/** Method parameters recorded with every row. */
export interface ReproductionMethod {
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
  readonly published: number;
  /** computed − published */
  readonly gap: number | null;
  /** |gap| allowed for `reproduced` (half a unit of the last printed digit), null for counts/claims */
  readonly tolerance: number | null;
  readonly status: ReproductionStatus;
  readonly tableId: string;
  readonly method: ReproductionMethod;
  readonly reason_zh: string;
  readonly reason_en: string;
  readonly citation_zh: string;
  readonly citation_en: string;
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
    readonly tier: string;
    readonly printedTier: string;
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
export const REPRODUCTION_TABLES: readonly { readonly year: number; readonly tableId: string }[] = [
  { year: 2015, tableId: "cn-nbs-io-2015-42" },
  { year: 2017, tableId: "cn-nbs-io-2017-42" },
  { year: 2018, tableId: "cn-nbs-io-2018-42" },
  { year: 2020, tableId: "cn-nbs-io-2020-42" },
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

function requirePublished(id: string): PublishedValue {
  const v = publishedById(id);
  if (v === undefined) throw new Error(`reproduceIoSeedFigures: published value ${id} missing from data/published`);
  return v;
}

function publishedNumber(v: PublishedValue): number {
  if (v.value === null) throw new Error(`reproduceIoSeedFigures: published value ${v.id} has no number`);
  return v.value;
}

function citation(v: PublishedValue): { citation_zh: string; citation_en: string } {
  const doc = loadPublishedDataset().provenance.documents.find((d) => d.seed === v.seed);
  const where = [v.section, v.figure].filter((s) => s !== null).join(" ");
  return {
    citation_zh: `《${v.seed_title}》${where}（种子 ${v.seed}）`,
    citation_en: `${doc?.title_en ?? v.seed_title}, ${where} (seed ${v.seed})`,
  };
}

const f6 = (x: number): string => x.toFixed(6);
const f4 = (x: number): string => x.toFixed(4);
const signed = (x: number, d: number): string => (x >= 0 ? "+" : "−") + Math.abs(x).toFixed(d);

/** Converts a loaded NBS 42-sector table to canonical ids (2017 vintage: 35+36 → S36, 22 kept merged). */
function canonical(table: IoTable, tableId: string): { table: IoTable; merged: readonly string[] } {
  const vintage = detectNbs42Vintage(table);
  if (vintage === undefined)
    throw new Error(`reproduceIoSeedFigures: ${tableId} is not an NBS 42-sector table of the 2012 or 2017 list`);
  const r = toCanonical42(table, vintage, { file: tableId });
  if (!r.ok) throw new DataIssuesError(r.issues);
  return { table: r.value.table, merged: r.value.mergedCells };
}

type Tier = "high" | "medium" | "low";

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
      tier: s.tier as string,
      printedTier: s.printedTier as string,
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
  for (const { year, tableId } of REPRODUCTION_TABLES) {
    const loaded = await loadTable(tableId);
    const { table, merged } = canonical(loaded.table, tableId);
    const g = groupLinkages(table, DIGITAL, { method: "two_block", variant: "leontief", flows: "total" });
    points.push({ year, tableId, influence: g.influence, sensitivity: g.sensitivity });
    intensity.push(intensityYear(year, tableId, table, merged));
  }
  const first = points[0] as LinkagePoint;
  const last = points[points.length - 1] as LinkagePoint;
  const at = (year: number) => points.find((p) => p.year === year);
  const yearsText = points.map((p) => p.year).join(", ");
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
      gap,
      tolerance: tol,
      status: ok ? "reproduced" : "approximate",
      tableId: p.tableId,
      method: LINKAGE_METHOD,
      reason_zh: `2015年延长表计算的数字部门（S20+S32，两部门合并法）影响力系数为 ${f6(p.influence)}，与印刷值 ${inf2015.printed} 之差 ${signed(gap, 6)}，在印刷精度 ±${tol} 以内${isMin ? `；且为 ${yearsText} 各年中的最低值，与“2015年最低”一致` : ""}。`,
      reason_en: `The 2015 extension table gives an influence coefficient of ${f6(p.influence)} for the digital block (S20+S32, two-block method); the gap to the printed ${inf2015.printed} is ${signed(gap, 6)}, within the printed precision ±${tol}${isMin ? `; it is also the lowest of the table years ${yearsText}, as the seed says 2015 is the minimum` : ""}.`,
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
      gap,
      tolerance: null,
      status: "not_comparable",
      tableId: last.tableId,
      method: LINKAGE_METHOD,
      reason_zh: `无2020年以后的公开投入产出表（国家统计局最新为${last.year}年表）；所示为${last.year}年计算值 ${f6(last.influence)}，与2023年印刷值之差 ${signed(gap, 4)}。种子文献使用的2023年延长表未公开。`,
      reason_en: `No public input–output table after 2020 (the latest NBS table is ${last.year}); shown is the ${last.year} value ${f6(last.influence)}, ${signed(gap, 4)} from the printed 2023 value. The extended 2023 tables the seed used are not public.`,
      ...citation(inf2023),
    });
  }
  {
    const published = publishedNumber(inf2023) - publishedNumber(inf2015);
    const base = at(2015) ?? first; // the printed change starts at the 2015 low
    const computed = last.influence - base.influence;
    rows.push({
      key: "14-influence-change",
      ref: "14",
      publishedId: inf2015.id,
      quantity: "influence_change",
      year: 2023,
      computed,
      computedYear: last.year,
      published,
      gap: computed - published,
      tolerance: null,
      status: Math.sign(computed) === Math.sign(published) ? "approximate" : "not_comparable",
      tableId: last.tableId,
      method: LINKAGE_METHOD,
      reason_zh: `印刷值 2015→2023 上升 ${f4(published)}；公开表 ${base.year}→${last.year} 上升 ${f4(computed)}：方向一致（先低后升${first.year < base.year ? `；${first.year}年为 ${f4(first.influence)}，高于2015年` : ""}），幅度因年份不同不可直接比较。`,
      reason_en: `Printed rise 2015→2023: ${f4(published)}; public tables ${base.year}→${last.year}: ${f4(computed)}. Same direction (lowest in 2015, rising after${first.year < base.year ? `; ${first.year} gives ${f4(first.influence)}, above 2015` : ""}); sizes cover different years.`,
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
      gap: computed - published,
      tolerance: null,
      status: computed > published ? "reproduced" : "approximate",
      tableId: last.tableId,
      method: LINKAGE_METHOD,
      reason_zh: `“始终大于1”：${yearsText} 各年影响力系数的最小值为 ${f6(computed)}${computed > published ? "，大于1" : "，不大于1"}。`,
      reason_en: `"Always above 1": the smallest influence coefficient over ${yearsText} is ${f6(computed)}${computed > published ? ", above 1" : ", not above 1"}.`,
      ...citation(infBound),
    });
  }

  // ---- row 13: sensitivity (感应度系数)
  const sen2012 = requirePublished("s000-io-sensitivity-2012");
  const sen2023 = requirePublished("s000-io-sensitivity-2023");
  const senBound = requirePublished("s000-io-sensitivity-bound");
  const levelZh = "水平约低0.1：种子可能使用了未公开的外推2023年表或不同的感应度口径（spec §5.9）";
  const levelEn =
    "the level is about 0.1 lower: the seed presumably used unpublished extended tables up to 2023 or another sensitivity variant (spec §5.9)";
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
      gap,
      tolerance: null,
      status: first.year === 2012 ? "approximate" : "not_comparable",
      tableId: first.tableId,
      method: LINKAGE_METHOD,
      reason_zh:
        first.year === 2012
          ? `2012年无公开的42部门表，改用2012年139部门表（数字部门＝计算机、通信设备等电子产品086–091及电信、软件和信息技术服务114–115；两部门合并结果与部门细分无关）：${f6(first.sensitivity)}，差 ${signed(gap, 4)}；${levelZh}。`
          : `无公开的2012年42部门表；所示为最早可用的${first.year}年值 ${f6(first.sensitivity)}（差 ${signed(gap, 4)}）；${levelZh}。`,
      reason_en:
        first.year === 2012
          ? `No public 2012 42-sector table; computed from the 2012 139-sector table instead (digital block = electronics products 086–091 and telecom, software and IT services 114–115; a two-block result does not depend on the split inside each block): ${f6(first.sensitivity)} (gap ${signed(gap, 4)}); ${levelEn}.`
          : `No public 2012 42-sector table; shown is the earliest available value (${first.year}) ${f6(first.sensitivity)} (gap ${signed(gap, 4)}); ${levelEn}.`,
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
      gap,
      tolerance: null,
      status: "not_comparable",
      tableId: last.tableId,
      method: LINKAGE_METHOD,
      reason_zh: `无2020年以后的公开投入产出表；所示为${last.year}年计算值 ${f6(last.sensitivity)}（差 ${signed(gap, 4)}）；${levelZh}。`,
      reason_en: `No public input–output table after 2020; shown is the ${last.year} value ${f6(last.sensitivity)} (gap ${signed(gap, 4)}); ${levelEn}.`,
      ...citation(sen2023),
    });
  }
  {
    const published = publishedNumber(sen2023) - publishedNumber(sen2012);
    const computed = last.sensitivity - first.sensitivity;
    rows.push({
      key: "13-sensitivity-change",
      ref: "13",
      publishedId: sen2012.id,
      quantity: "sensitivity_change",
      year: 2023,
      computed,
      computedYear: last.year,
      published,
      gap: computed - published,
      tolerance: null,
      status: Math.sign(computed) === Math.sign(published) ? "approximate" : "not_comparable",
      tableId: last.tableId,
      method: LINKAGE_METHOD,
      reason_zh: `印刷值 2012→2023 上升 ${f4(published)}；公开表 ${first.year}→${last.year} 上升 ${f4(computed)}：方向一致（上升），年份不同。`,
      reason_en: `Printed rise 2012→2023: ${f4(published)}; public tables ${first.year}→${last.year}: ${f4(computed)}. Same direction (rising); different years.`,
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
      gap: computed - published,
      tolerance: null,
      status: computed < published ? "reproduced" : "approximate",
      tableId: last.tableId,
      method: LINKAGE_METHOD,
      reason_zh: `“小于1”：${yearsText} 各年感应度系数的最大值为 ${f6(computed)}${computed < published ? "，小于1" : "，不小于1"}。`,
      reason_en: `"Below 1": the largest sensitivity coefficient over ${yearsText} is ${f6(computed)}${computed < published ? ", below 1" : ", not below 1"}.`,
      ...citation(senBound),
    });
  }

  // ---- row 35: three-tier digitalisation lists (latest table)
  const iy = intensity[intensity.length - 1] as IntensityYear;
  const high = requirePublished("s001-tiers3-high-members");
  const medium = requirePublished("s001-tiers3-medium-members");
  const low = requirePublished("s001-tiers3-low-members");
  const cite35 = citation(high);
  const base35 = {
    ref: "35",
    year: iy.year,
    computedYear: iy.year,
    tableId: iy.tableId,
    method: INTENSITY_METHOD,
    ...cite35,
  };
  {
    const printedTop = high.members ?? [];
    const matches = printedTop.filter((code, k) => iy.top6[k] === code).length;
    const published = printedTop.length;
    rows.push({
      ...base35,
      key: "35-top6-order",
      publishedId: high.id,
      quantity: "top6_order",
      computed: matches,
      published,
      gap: matches - published,
      tolerance: null,
      status: matches === published ? "reproduced" : "approximate",
      reason_zh: `${iy.year}年表数字化投入占比（中间投入中 S20+S32 的比重）最高的6个部门依次为 ${iy.top6.join("、")}；与脚注4“高度数字化”名单按印刷顺序逐位相同 ${matches}/${published} 位。`,
      reason_en: `The six highest digital shares of intermediate inputs (S20+S32) in the ${iy.year} table are ${iy.top6.join(", ")}; ${matches} of ${published} positions equal footnote 4's high-digitalisation list in printed order.`,
    });
  }
  const comparableOf = (v: PublishedValue) =>
    (v.members ?? []).filter((c) => iy.sectors.some((s) => s.code === c && s.printedTier !== null)).length;
  for (const [tier, v, zh] of [
    ["high", high, "高度"],
    ["medium", medium, "中度"],
    ["low", low, "低度"],
  ] as const) {
    const published = comparableOf(v);
    const printedAll = (v.members ?? []).length;
    const computed = iy.sizes[tier];
    rows.push({
      ...base35,
      key: `35-tier-size-${tier}`,
      publishedId: v.id,
      quantity: `tier_size_${tier}`,
      computed,
      published,
      gap: computed - published,
      tolerance: null,
      status: computed === published ? "reproduced" : "approximate",
      reason_zh: `阈值 [10%, 1%] 划分的${zh}数字化部门数（${iy.comparable}个可比部门内）为 ${computed}，印刷名单在可比部门内为 ${published}${printedAll === published ? "" : `（含 S22/S23 共 ${printedAll} 个；二者在表中合并，不参与比较）`}。`,
      reason_en: `Thresholds [10 %, 1 %] put ${computed} of the ${iy.comparable} comparable sectors in the ${tier} tier; the printed list has ${published} of them${printedAll === published ? "" : ` (${printedAll} including S22/S23, which are merged in the table and left out)`}.`,
    });
  }
  {
    const mismatchText = (names: Readonly<Record<string, string>>, sep: string) =>
      iy.mismatches
        .map(
          (m) =>
            `${m.code} ${(100 * m.directIntermediate).toFixed(2)}% → ${names[m.tier] ?? m.tier}/${names[m.printedTier] ?? m.printedTier}`,
        )
        .join(sep);
    const mismZh = mismatchText({ high: "高度", medium: "中度", low: "低度" }, "；");
    const mismEn = mismatchText({ high: "high", medium: "medium", low: "low" }, "; ");
    rows.push({
      ...base35,
      key: "35-tier-agreement",
      publishedId: high.id,
      quantity: "tier_agreement",
      computed: iy.agreeing,
      published: iy.comparable,
      gap: iy.agreeing - iy.comparable,
      tolerance: null,
      status: iy.agreeing === iy.comparable ? "reproduced" : "approximate",
      reason_zh: `${iy.comparable}个可比部门（S22、S23 在表中合并，不参与比较）中 ${iy.agreeing} 个的阈值分层与脚注4一致；不一致（计算/印刷）：${mismZh || "无"}。`,
      reason_en: `${iy.agreeing} of the ${iy.comparable} comparable sectors (S22 and S23 are merged in the table and left out) get the printed tier by thresholds; mismatches (computed/printed): ${mismEn || "none"}.`,
    });
  }
  rows.push({
    ...base35,
    key: "35-rank-correlation",
    publishedId: high.id,
    quantity: "rank_correlation",
    computed: iy.spearman,
    published: 1,
    gap: iy.spearman - 1,
    tolerance: null,
    status: "approximate",
    reason_zh: `数字化投入占比与脚注4印刷顺序（视为降序排名，印刷值=完全一致的1）的斯皮尔曼等级相关系数为 ${f4(iy.spearman)}（${iy.comparable}个可比部门，平均秩处理并列）。`,
    reason_en: `Spearman rank correlation between the digital input share and footnote 4's printed order (read as a descending ranking; published = 1, identical order) is ${f4(iy.spearman)} over the ${iy.comparable} comparable sectors (average ranks for ties).`,
  });
  return { rows, linkages: points, intensity };
}
