/**
 * Use-case: the digital block's influence and sensitivity coefficients across all shipped tables of a
 * family (影响力系数、感应度系数时间序列; spec §5.5, §5.7), with annual interpolation between table
 * years and the published reference values (spec §16 rows 13–14) overlaid.
 *
 * Families: `nbs` — the NBS 42-sector tables 2005, 2010 (41 sectors), 2015, 2017, 2018, 2020, and for a
 * year without a 42-sector table the detailed product table (2012: 139 sectors) when the result does not
 * depend on the sector split (below); `oecd` — the OECD IOT 2021 edition tables for China 1995–2018
 * (every year is a table year).
 *
 * Detailed tables (docs/reproduction.md): a `two_block` result — any variant — is computed on the 2×2
 * table Z* = P Z Pᵀ, x* = P x, f* = P f, which depends only on the block sums, so the 139-sector table
 * gives exactly what a 2012 42-sector table would (the 42-sector tables are aggregations of the product
 * tables) provided the group is the same set of products. `merge` and `weighted_mean` are not invariant
 * (merge keeps the other sectors, whose number and split change the column-sum mean; weighted_mean
 * averages single-sector coefficients, which change when a sector is split), and a code list written for
 * the 42-sector lists does not name the 139 products. In those cases the detailed table is not used and
 * the result lists it in `detailedTables` with the reason (`group_method_not_invariant` or
 * `group_not_resolvable`), and the provenance parameters name it (`detailedTablesNotUsed`), instead of
 * mixing incomparable numbers into the series.
 *
 * Annualisation (spec §5.7, `interpolate_A`): the table vintages have different sector lists, so the
 * interpolation is applied to the two-block table (group vs rest): for τ1 < t < τ2,
 * A*_t = A*_τ1 + w·(A*_τ2 − A*_τ1) and x*_t, f*_t likewise with w = (t − τ1)/(τ2 − τ1); the block
 * coefficients of year t are then those of the 2×2 table (A*_t, x*_t). For a table year this equals the
 * two_block group coefficient. For group methods other than two_block the coefficients themselves are
 * interpolated linearly. Every point states `source` ("table" | "interpolated") and, when
 * interpolated, the bracketing years and weight.
 */
import {
  aggregateTable,
  annualSeries,
  type CoefficientLinkageInput,
  CoreError,
  type Diagnostic,
  diagnostic,
  finalDemandTotal,
  type GroupMethod,
  groupLinkages,
  type IoTable,
  interpolateLinkageInput,
  type LinkageVariant,
  linkages,
  technicalCoefficients,
} from "../core/index.js";
import type { DatasetMeta, SeedCitation } from "../data/index.js";
import type { DatasetSource } from "./dataset-source.js";
import { type GroupSpec, resolveGroup } from "./groups.js";
import { type Clock, type ResultProvenance, resultProvenance } from "./provenance.js";

export type SeriesFamily = "nbs" | "oecd";
export const SERIES_FAMILIES: readonly SeriesFamily[] = ["nbs", "oecd"];

/** A published reference value to overlay (e.g. CAICT 实数融合 coefficients, spec §16 rows 13–14). */
export interface PublishedSeriesPoint {
  /** spec §16 row, e.g. "14" */
  readonly ref: string;
  /** id in the published dataset, e.g. "s000-io-influence-2015" */
  readonly id?: string;
  readonly year: number;
  readonly measure: "influence" | "sensitivity";
  /** same as `measure` (the spelling the dashboard reads) */
  readonly quantity?: "influence" | "sensitivity";
  readonly value: number;
  /** the number exactly as printed */
  readonly printed?: string;
  /** where it was printed (rendered by src/i18n `citationText`) */
  readonly citation?: SeedCitation;
  readonly source: string;
}

export type PublishedSeriesLoader = () => Promise<readonly PublishedSeriesPoint[]> | readonly PublishedSeriesPoint[];

export interface IoSeriesOptions {
  /** @default "digital" */
  readonly group?: GroupSpec;
  /** @default "nbs" */
  readonly family?: SeriesFamily;
  /** @default "leontief" */
  readonly variant?: LinkageVariant;
  /** @default "two_block" */
  readonly groupMethod?: GroupMethod;
  /** also hold the last table's coefficients constant up to this year (extrapolate = hold) */
  readonly through?: number;
  readonly source: DatasetSource;
  /** published reference values to overlay (none when absent) */
  readonly published?: PublishedSeriesLoader;
  readonly clock?: Clock;
}

export interface SeriesPoint {
  readonly year: number;
  readonly influence: number;
  readonly sensitivity: number;
  readonly source: "table" | "interpolated" | "extrapolated_hold";
  /** the table of a table year; for interpolated points the earlier bracketing table */
  readonly tableId: string;
  readonly codes?: readonly string[];
  readonly interpolation?: {
    readonly from: number;
    readonly to: number;
    readonly weight: number;
    readonly method: string;
  };
}

/** Why a detailed table (more than 42 sectors) was used for its year or not. */
export type DetailedTableReason = "two_block_invariant" | "group_method_not_invariant" | "group_not_resolvable";

/** A detailed product table considered for a year without a 42-sector table. */
export interface DetailedTableUse {
  readonly year: number;
  readonly tableId: string;
  readonly sectors: number;
  /** true when its point is in the series */
  readonly used: boolean;
  readonly reason: DetailedTableReason;
  /** group_not_resolvable: the error code of the group resolution (unknown_sector, invalid_group) */
  readonly errorCode?: string;
}

export interface IoSeriesResult {
  readonly family: SeriesFamily;
  readonly group: "digital" | "custom";
  readonly variant: LinkageVariant;
  readonly groupMethod: GroupMethod;
  readonly points: readonly SeriesPoint[];
  readonly published: readonly PublishedSeriesPoint[];
  /** detailed tables considered for years without a 42-sector table, used or not, with the reason */
  readonly detailedTables: readonly DetailedTableUse[];
  readonly diagnostics: readonly Diagnostic[];
  readonly provenance: ResultProvenance;
}

/** The series family of a stored dataset, or undefined when it belongs to none. */
export function seriesFamily(meta: DatasetMeta): SeriesFamily | undefined {
  if (meta.kind !== "io_table" || meta.years.length !== 1) return undefined;
  const system = (meta.classification?.system ?? "").toLowerCase();
  const sectors = meta.dimensions.sectors;
  const region = meta.region.toUpperCase();
  if (region !== "CN" && region !== "CHN") return undefined;
  if (system.startsWith("oecd")) return "oecd";
  if (system.startsWith("nbs") && sectors !== undefined && sectors >= 40 && sectors <= 42) return "nbs";
  return undefined;
}

/**
 * The family of a detailed NBS product table (more than 42 sectors: 2012 139, 2017 149, 2018/2020 153),
 * usable by ioSeries only for a year without a 42-sector table and only when the result is
 * two-block-invariant.
 */
export function detailedSeriesFamily(meta: DatasetMeta): SeriesFamily | undefined {
  if (meta.kind !== "io_table" || meta.years.length !== 1) return undefined;
  const system = (meta.classification?.system ?? "").toLowerCase();
  const sectors = meta.dimensions.sectors;
  const region = meta.region.toUpperCase();
  if (region !== "CN" && region !== "CHN") return undefined;
  if (system.startsWith("nbs") && sectors !== undefined && sectors > 42) return "nbs";
  return undefined;
}

/** Prefers canonical-42 tables over their raw counterparts for the same year, then the shorter id. */
function preference(meta: DatasetMeta): number {
  const s = meta.classification?.system ?? "";
  return /2012|canonical/.test(s) ? 0 : 1;
}

/**
 * The two-block (group, rest) coefficient input of a table (spec §5.5 two_block): the table is
 * aggregated with P (members → "group", others → "rest"), then A* = Z*·diag(1/x*), x* and f* = P f.
 */
function twoBlockInput(
  table: IoTable,
  groupCodes: readonly string[],
): { input: CoefficientLinkageInput; index: number } {
  const inGroup = new Set(groupCodes);
  const mapping: Record<string, string> = {};
  for (const s of table.sectors) mapping[s.code] = inGroup.has(s.code) ? "group" : "rest";
  const agg = aggregateTable(table, mapping).table;
  const A = technicalCoefficients(agg.Z, agg.output, { zeroOutput: "zero_column" }).A;
  const index = agg.sectors.findIndex((s) => s.code === "group");
  return { input: { A, x: agg.output, finalDemandTotal: finalDemandTotal(agg) }, index };
}

/**
 * The group's influence and sensitivity across a table family, interpolated annually.
 * @throws {CoreError} too_few_observations when the family has no table in the store; invalid_argument
 *   for an unknown family
 */
export async function ioSeries(options: IoSeriesOptions): Promise<IoSeriesResult> {
  const family = options.family ?? "nbs";
  if (!SERIES_FAMILIES.includes(family)) {
    throw new CoreError("invalid_argument", { option: "family", received: family, expected: SERIES_FAMILIES });
  }
  const variant = options.variant ?? "leontief";
  const groupMethod = options.groupMethod ?? "two_block";
  const groupSpec = options.group ?? "digital";
  const metas = (await options.source.listDatasets()).filter((m) => seriesFamily(m) === family);
  const byYear = new Map<number, DatasetMeta>();
  for (const m of [...metas].sort(
    (a, b) => preference(a) - preference(b) || a.id.length - b.id.length || a.id.localeCompare(b.id),
  )) {
    const y = m.years[0] as number;
    if (!byYear.has(y)) byYear.set(y, m);
  }
  // detailed product tables for the years without a 42-sector table (one per year, shorter id first)
  const detailedByYear = new Map<number, DatasetMeta>();
  const allMetas = await options.source.listDatasets();
  for (const m of allMetas
    .filter((d) => detailedSeriesFamily(d) === family)
    .sort((a, b) => a.id.length - b.id.length || a.id.localeCompare(b.id))) {
    const y = m.years[0] as number;
    if (!byYear.has(y) && !detailedByYear.has(y)) detailedByYear.set(y, m);
  }
  const detailedTables: DetailedTableUse[] = [];
  const notUsed: Diagnostic[] = [];
  const detailedLoaded = new Map<number, { meta: DatasetMeta; table: IoTable }>();
  for (const [year, meta] of [...detailedByYear].sort((a, b) => a[0] - b[0])) {
    const base = { year, tableId: meta.id, sectors: meta.dimensions.sectors ?? 0 };
    if (groupMethod !== "two_block") {
      detailedTables.push({ ...base, used: false, reason: "group_method_not_invariant" });
      notUsed.push(
        diagnostic("detailed_table_not_used", "warning", {
          tableId: meta.id,
          year,
          reason: "group_method_not_invariant",
        }),
      );
      continue;
    }
    const { table } = await options.source.loadIoTable(meta.id);
    try {
      resolveGroup(table, meta, groupSpec);
    } catch (e) {
      if (!(e instanceof CoreError)) throw e;
      detailedTables.push({ ...base, used: false, reason: "group_not_resolvable", errorCode: e.code });
      notUsed.push(
        diagnostic("detailed_table_not_used", "warning", { tableId: meta.id, year, reason: "group_not_resolvable" }),
      );
      continue;
    }
    detailedTables.push({ ...base, used: true, reason: "two_block_invariant" });
    detailedLoaded.set(year, { meta, table });
    byYear.set(year, meta);
  }
  const years = [...byYear.keys()].sort((a, b) => a - b);
  if (years.length === 0) {
    throw new CoreError("too_few_observations", { function: "ioSeries", family, received: 0, required: 1 });
  }

  interface TablePoint {
    readonly year: number;
    readonly meta: DatasetMeta;
    readonly influence: number;
    readonly sensitivity: number;
    readonly codes: readonly string[];
    /** the two-block coefficient input and the index of the group block in it */
    readonly block: { readonly input: CoefficientLinkageInput; readonly index: number };
  }
  const diagnostics: Diagnostic[] = [...notUsed];
  const tablePoints: TablePoint[] = [];
  let groupName: "digital" | "custom" = "digital";
  for (const year of years) {
    const meta = byYear.get(year) as DatasetMeta;
    const table = detailedLoaded.get(year)?.table ?? (await options.source.loadIoTable(meta.id)).table;
    const g = resolveGroup(table, meta, groupSpec);
    groupName = g.name;
    const r = groupLinkages(table, g.codes, { method: groupMethod, variant, zeroOutput: "zero_column" });
    for (const d of r.diagnostics)
      if (d.severity !== "info") diagnostics.push({ ...d, params: { ...d.params, table: meta.id } });
    tablePoints.push({
      year,
      meta,
      influence: r.influence,
      sensitivity: r.sensitivity,
      codes: g.codes,
      block: twoBlockInput(table, g.codes),
    });
  }

  // annualisation (spec §5.7) with core's annualSeries: table years keep the values computed above;
  // years between use the interpolated two-block input (two_block) or interpolated coefficients
  const first = tablePoints[0] as TablePoint;
  const last = tablePoints[tablePoints.length - 1] as TablePoint;
  const end = Math.max(last.year, options.through ?? last.year);
  const wanted = Array.from({ length: end - first.year + 1 }, (_, k) => first.year + k);
  const method = groupMethod === "two_block" ? "interpolate_A_two_block" : "linear_in_coefficients";
  interface Value {
    readonly input: CoefficientLinkageInput;
    readonly index: number;
    readonly F: number;
    readonly E: number;
  }
  const annual = annualSeries<Value, { influence: number; sensitivity: number }>(
    tablePoints.map((p) => ({ year: p.year, table: { ...p.block, F: p.influence, E: p.sensitivity } })),
    wanted,
    (v, _year, source) => {
      if (source !== "interpolated" || groupMethod !== "two_block") return { influence: v.F, sensitivity: v.E };
      const l = linkages(v.input, { variant, zeroOutput: "zero_column" });
      return { influence: l.influence[v.index] as number, sensitivity: l.sensitivity[v.index] as number };
    },
    {
      interpolate: (a, b, w) => ({
        input: interpolateLinkageInput(a.input, b.input, w),
        index: a.index,
        F: a.F + w * (b.F - a.F),
        E: a.E + w * (b.E - a.E),
      }),
    },
  );
  const points: SeriesPoint[] = annual.rows.map((row) => {
    const from = tablePoints.find((p) => p.year === row.tableYears[0]) as TablePoint;
    if (row.source === "table")
      return { year: row.year, ...row.result, source: "table", tableId: from.meta.id, codes: from.codes };
    if (row.source === "interpolated") {
      const interpolation = {
        from: row.tableYears[0] as number,
        to: row.tableYears[1] as number,
        weight: row.weight ?? 0,
        method,
      };
      return { year: row.year, ...row.result, source: "interpolated", tableId: from.meta.id, interpolation };
    }
    return { year: row.year, ...row.result, source: "extrapolated_hold", tableId: from.meta.id };
  });
  // one diagnostic per interpolated gap and one for the hold (not one per year)
  for (let k = 0; k + 1 < tablePoints.length; k++) {
    const a = tablePoints[k] as TablePoint;
    const b = tablePoints[k + 1] as TablePoint;
    if (b.year - a.year > 1) diagnostics.push(diagnostic("interpolated", "info", { from: a.year, to: b.year, method }));
  }
  if (end > last.year) diagnostics.push(diagnostic("extrapolated_hold", "warning", { from: last.year, to: end }));

  const published =
    options.published === undefined ? [] : [...(await options.published())].sort((a, b) => a.year - b.year);
  const provenance = resultProvenance(
    tablePoints.map((p) => p.meta),
    "io_series",
    {
      family,
      group: groupName,
      variant,
      groupMethod,
      imports: "competitive",
      annualisation: groupMethod === "two_block" ? "interpolate_A_two_block" : "linear_in_coefficients",
      ...(options.through !== undefined && { extrapolate: "hold", through: options.through }),
      tableYears: years,
      ...(detailedTables.some((d) => d.used) && {
        detailedTables: detailedTables.filter((d) => d.used).map((d) => d.tableId),
      }),
      // also in the provenance (which every edge shows) so an exclusion is never silent
      ...(detailedTables.some((d) => !d.used) && {
        detailedTablesNotUsed: detailedTables.filter((d) => !d.used).map((d) => `${d.tableId}:${d.reason}`),
      }),
    },
    options.clock,
  );
  return {
    family,
    group: groupName,
    variant,
    groupMethod,
    points,
    published,
    detailedTables,
    diagnostics,
    provenance,
  };
}
