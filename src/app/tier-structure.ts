/**
 * Value-added structure and growth contributions by tier over time (分层级增加值结构与增长贡献, spec §6.4;
 * seed 000 图7–8). Membership is fixed — seed 000's printed five tiers (2024; the three unnamed high-tier
 * members inferred, spec §1.2) by default, or the tiers computed from one table — and applied to the
 * value added of every NBS benchmark table on the canonical 42 sectors (2012 from the 139-product table,
 * 2015, 2017, 2018, 2020; current prices). Years between tables are linear interpolations of each
 * sector's value added (marked `interpolated`): NBS publishes 42-sector value added only in table
 * years, and the spec's annual route (GB/T section value added split by IO shares) needs yearbook
 * tables that are not shipped. Growth contributions are computed for every year whose previous year is
 * present, so inside an interval they are that interval's contributions.
 *
 * The printed shares (2012, 2024) and contributions are returned beside, with the consistency check of
 * the printed 2024 contributions (`sumCheck`).
 */
import {
  type Diagnostic,
  type SumCheckResult,
  sumCheck,
  TIER_CODES,
  type TierCode,
  tierStructure,
} from "../core/index.js";
import { type DatasetMeta, publishedById } from "../data/index.js";
import type { DatasetSource } from "./dataset-source.js";
import { canonical42Table } from "./io-series.js";
import { type Clock, type ResultProvenance, resultProvenance } from "./provenance.js";
import {
  FIVE_HIGH_INFERRED,
  PUBLISHED_TIERS,
  printedTiers,
  sectorTiers,
  type TierMethod,
  type TierScheme,
} from "./tiers.js";

/** The NBS benchmark tables, put on the canonical 42 sectors. */
export const STRUCTURE_TABLES: readonly { readonly year: number; readonly tableId: string }[] = [
  { year: 2012, tableId: "cn-nbs-io-2012-139" },
  { year: 2015, tableId: "cn-nbs-io-2015-42" },
  { year: 2017, tableId: "cn-nbs-io-2017-42" },
  { year: 2018, tableId: "cn-nbs-io-2018-42" },
  { year: 2020, tableId: "cn-nbs-io-2020-42" },
];

/** How a tier code is spelled in the ids of seed 000's published values (`s000-tiers-<id>-…`). */
export const TIER_ID: Readonly<Record<TierCode, string>> = {
  high: "high",
  mid_high: "midhigh",
  medium: "medium",
  mid_low: "midlow",
  low: "low",
};

export interface TierStructureAppOptions {
  /** `published`: seed 000's printed five tiers; `computed`: the tiers of `tableId` @default "published" */
  readonly membership?: "published" | "computed";
  /** computed membership: the table @default "cn-nbs-io-2020-42" */
  readonly tableId?: string;
  readonly scheme?: TierScheme;
  readonly method?: TierMethod;
  readonly source: DatasetSource;
  readonly clock?: Clock;
}

export interface TierStructureAppResult {
  readonly tiers: readonly TierCode[];
  readonly membership: "published" | "computed";
  /** the tier of every canonical sector */
  readonly members: readonly { readonly code: string; readonly tier: TierCode }[];
  readonly years: readonly {
    readonly year: number;
    readonly source: "table" | "interpolated";
    readonly tableId: string | null;
    /** Σ VA over the 42 sectors, 万元 */
    readonly total: number;
    /** shares by tier, in `tiers` order (fractions) */
    readonly shares: readonly (number | null)[];
  }[];
  readonly contributions: readonly {
    readonly year: number;
    readonly totalChange: number;
    /** by tier, in `tiers` order (fractions; null when the total did not change) */
    readonly contributions: readonly (number | null)[];
  }[];
  /** the printed values (percent) by tier and year, beside */
  readonly published: {
    readonly shares: readonly {
      readonly tier: TierCode;
      readonly year: number;
      readonly value: number;
      readonly id: string;
    }[];
    readonly contributions: readonly {
      readonly tier: TierCode;
      readonly year: number;
      readonly value: number;
      readonly id: string;
    }[];
    /** do the printed 2024 contributions sum to 100 %? */
    readonly contributionSum2024: SumCheckResult | null;
  };
  readonly diagnostics: readonly Diagnostic[];
  readonly provenance: ResultProvenance;
}

/**
 * Value-added shares and growth contributions by tier, 2012–2020, beside the printed ones
 * (分层级增加值占比与增长贡献).
 * @throws {DatasetNotFoundError}; {CoreError} from tierStructure / sectorTiers
 */
export async function tierStructureSeries(options: TierStructureAppOptions): Promise<TierStructureAppResult> {
  const membershipKind = options.membership ?? "published";
  let members: Map<string, TierCode>;
  const metas: DatasetMeta[] = [];
  if (membershipKind === "computed") {
    const t = await sectorTiers({
      source: options.source,
      tableId: options.tableId ?? "cn-nbs-io-2020-42",
      scheme: options.scheme ?? "five",
      ...(options.method !== undefined && { method: options.method }),
    });
    members = new Map(t.sectors.filter((s) => s.tierCode !== null).map((s) => [s.code, s.tierCode as TierCode]));
  } else members = printedTiers("five");
  const tiers = [...TIER_CODES[members.size > 0 && [...members.values()].includes("mid_high") ? 5 : 3]];
  // value added per canonical sector and table year
  const tables: { year: number; tableId: string; va: Map<string, number> }[] = [];
  for (const { year, tableId } of STRUCTURE_TABLES) {
    const canon = await canonical42Table(options.source, tableId);
    metas.push(canon.meta, ...canon.also);
    const va = new Map<string, number>();
    canon.table.sectors.forEach((s, j) => {
      let v = 0;
      for (const row of canon.table.valueAdded ?? []) v += row.values[j] ?? 0;
      va.set(s.code, v);
    });
    tables.push({ year, tableId, va });
  }
  const codes = [...members.keys()].filter((c) => tables.every((t) => t.va.has(c))).sort();
  const years: number[] = [];
  const values: number[][] = [];
  const sourceOf = new Map<number, string | null>();
  for (let i = 0; i < tables.length; i++) {
    const a = tables[i] as (typeof tables)[number];
    const b = tables[i + 1];
    years.push(a.year);
    values.push(codes.map((c) => a.va.get(c) as number));
    sourceOf.set(a.year, a.tableId);
    if (b === undefined) break;
    for (let y = a.year + 1; y < b.year; y++) {
      const w = (y - a.year) / (b.year - a.year);
      years.push(y);
      values.push(codes.map((c) => (1 - w) * (a.va.get(c) as number) + w * (b.va.get(c) as number)));
      sourceOf.set(y, null);
    }
  }
  const r = tierStructure(
    { membership: codes.map((c) => members.get(c) as TierCode), years, values },
    { tierOrder: tiers },
  );
  const printedShares: TierStructureAppResult["published"]["shares"][number][] = [];
  const printedContributions: TierStructureAppResult["published"]["contributions"][number][] = [];
  for (const tier of tiers) {
    for (const year of [2012, 2024]) {
      const id = `s000-tiers-${TIER_ID[tier]}-va-share-${year}`;
      const v = publishedById(id);
      if (typeof v?.value === "number") printedShares.push({ tier, year, value: v.value, id });
    }
    for (const year of [2012, 2020, 2024]) {
      const id = `s000-tiers-${TIER_ID[tier]}-growth-contribution-${year}`;
      const v = publishedById(id);
      if (typeof v?.value === "number") printedContributions.push({ tier, year, value: v.value, id });
    }
  }
  const c2024 = printedContributions.filter((p) => p.year === 2024);
  const contributionSum2024 =
    c2024.length === tiers.length
      ? sumCheck(
          c2024.map((p) => p.value),
          100,
          undefined,
          "s000_tier_contributions_2024",
        )
      : null;
  return {
    tiers,
    membership: membershipKind,
    members: codes.map((code) => ({ code, tier: members.get(code) as TierCode })),
    years: r.levels.map((l) => ({
      year: l.year,
      source: sourceOf.get(l.year) === null ? ("interpolated" as const) : ("table" as const),
      tableId: sourceOf.get(l.year) ?? null,
      total: l.total,
      shares: l.shares,
    })),
    contributions: r.contributions.map((c) => ({
      year: c.year,
      totalChange: c.totalChange,
      contributions: c.contributions,
    })),
    published: { shares: printedShares, contributions: printedContributions, contributionSum2024 },
    diagnostics: [
      ...(r.diagnostics as readonly Diagnostic[]),
      ...((contributionSum2024?.diagnostics ?? []) as readonly Diagnostic[]),
    ],
    provenance: resultProvenance(
      [...new Map(metas.map((m) => [m.id, m])).values()],
      "tier_value_added_structure",
      {
        membership: membershipKind,
        tableId: membershipKind === "computed" ? (options.tableId ?? "cn-nbs-io-2020-42") : null,
        scheme: options.scheme ?? "five",
        published: membershipKind === "published" ? PUBLISHED_TIERS.five.map(([, id]) => id) : null,
        inferredHighMembers: membershipKind === "published" ? [...FIVE_HIGH_INFERRED] : null,
        tables: STRUCTURE_TABLES.map((t) => t.tableId),
        valueAdded: "Σ value-added rows per sector, current prices (万元)",
        between: "linear interpolation of each sector's value added between table years",
      },
      options.clock,
    ),
  };
}
