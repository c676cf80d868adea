/**
 * Use-case: the digital block's influence and sensitivity coefficients across all shipped tables of a
 * family (影响力系数、感应度系数时间序列; spec §5.5, §5.7), with annual interpolation between table
 * years and the published reference values (spec §16 rows 13–14) overlaid.
 *
 * Families: `nbs` — the NBS 42-sector tables 2005, 2010 (41 sectors), 2015, 2017, 2018, 2020, and for a
 * year without a 42-sector table the detailed product table (2012: 139 sectors); `oecd` — the OECD IOT
 * 2021 edition tables for China 1995–2018 (every year is a table year).
 *
 * Canonical 42 sectors (spec §1.1, §5.2; ADR 0012): every `nbs` table whose code list has a crosswalk is
 * converted before computing — 2012-vintage (2015) one to one; 2017-vintage (2017, 2018, 2020) with
 * 35+36 → S36 and 22 split into S22/S23 by the cell shares of the detailed table of the same year (kept
 * merged, 41 sectors, when that table is not in the store); a detailed table with a committed
 * concordance (2012: 139 → 42) aggregated. So S01…S42 mean the same sectors in 2012, 2015, 2017, 2018
 * and 2020, and `merge` / `weighted_mean` use the 2012 point too; a custom group names canonical ids
 * (S20, S32) for those years. 2005 and 2010 (2002/2007 lists, no crosswalk) keep their own codes. The
 * provenance parameter `canonical42` records each year's conversion, the split's detailed tables are
 * among the provenance datasets, and their caveats are carried.
 *
 * Detailed tables without a concordance (docs/reproduction.md): a `two_block` result — any variant — is
 * computed on the 2×2 table Z* = P Z Pᵀ, x* = P x, f* = P f, which depends only on the block sums, so
 * such a table still gives its year's point under two_block provided the group is the same set of
 * products. `merge` and `weighted_mean` are not invariant (merge keeps the other sectors, whose number
 * and split change the column-sum mean; weighted_mean averages single-sector coefficients, which change
 * when a sector is split). In those cases the detailed table is not used and the result lists it in
 * `detailedTables` with the reason (`group_method_not_invariant` or `group_not_resolvable`), and the
 * provenance parameters name it (`detailedTablesNotUsed`), instead of mixing incomparable numbers into
 * the series.
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
import { canonicalDataset, type DatasetMeta, detectNbs42Vintage, type SeedCitation } from "../data/index.js";
import { type DatasetSource, type LoadedIoTable, requireIoTable } from "./dataset-source.js";
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
export type DetailedTableReason =
  | "aggregated_to_canonical_42"
  | "two_block_invariant"
  | "group_method_not_invariant"
  | "group_not_resolvable";

/**
 * How a table year's table was put on the canonical 42 sectors (nbs family, ADR 0012):
 * `canonical_42` (2012-vintage list, one to one), `split_s22_s23` (2017-vintage list, 35+36 → S36 and
 * 22 split by the detailed table of the same year), `merged_s22_s23` (2017-vintage list without a
 * detailed table: S22+S23 stays one cell, 41 sectors), `aggregated_detailed` (a detailed product table
 * through the committed concordance, e.g. 2012), `none` (other lists, e.g. 2005, 2010: the table's own codes).
 */
export type SeriesConversion = "canonical_42" | "split_s22_s23" | "merged_s22_s23" | "aggregated_detailed" | "none";

/** A table year's table as the series uses it. */
interface SeriesTable {
  readonly meta: DatasetMeta;
  readonly table: IoTable;
  readonly conversion: SeriesConversion;
  /** other datasets it was built from (the detailed table of a split) */
  readonly also: readonly DatasetMeta[];
}

/**
 * Puts an NBS 42-sector table on the canonical 42 sectors when its code list allows (spec §1.1, §5.2:
 * "convert 2017/2020-vintage tables to the canonical 42 before any computation"): a 2017-vintage table
 * is split with the detailed table of the same year when there is one (a failed split keeps the merged
 * cell). Other families and other lists are used as they are.
 */
async function canonicalSeriesTable(
  loadedTable: LoadedIoTable,
  family: SeriesFamily,
  detailedMeta: DatasetMeta | undefined,
  source: DatasetSource,
): Promise<SeriesTable> {
  const asIs: SeriesTable = { ...loadedTable, conversion: "none", also: [] };
  if (family !== "nbs") return asIs;
  const vintage = detectNbs42Vintage(loadedTable.table);
  if (vintage === undefined) return asIs;
  if (vintage === "2017" && detailedMeta !== undefined) {
    const split = canonicalDataset(loadedTable, vintage, await source.loadIoTable(detailedMeta.id));
    if (split.ok)
      return { meta: split.value.meta, table: split.value.table, conversion: "split_s22_s23", also: [detailedMeta] };
  }
  const r = canonicalDataset(loadedTable, vintage);
  if (!r.ok) return asIs;
  return {
    meta: r.value.meta,
    table: r.value.table,
    conversion: r.value.mergedCells.length > 0 ? "merged_s22_s23" : "canonical_42",
    also: [],
  };
}

/** An IO table on the canonical 42 sectors where its code list allows, with how it was converted. */
export interface Canonical42Table {
  readonly meta: DatasetMeta;
  readonly table: IoTable;
  readonly conversion: SeriesConversion;
  /** other datasets it was built from (the detailed table of a split) */
  readonly also: readonly DatasetMeta[];
}

/**
 * A stored table on the canonical 42 sectors (规范 42 部门): an NBS 42-sector table converted (a
 * 2017-vintage list split with the detailed table of the same year when one is stored), a detailed NBS
 * product table aggregated through the committed concordance, anything else as it is (`none`).
 * @throws {DatasetNotFoundError} when the id is not a stored IO table
 */
export async function canonical42Table(source: DatasetSource, tableId: string): Promise<Canonical42Table> {
  const loaded = await requireIoTable(source, tableId);
  const family = seriesFamily(loaded.meta);
  const year = loaded.meta.years[0];
  if (family === "nbs") {
    const detailed = (await source.listDatasets())
      .filter((d) => detailedSeriesFamily(d) === "nbs" && d.years[0] === year)
      .sort((a, b) => a.id.length - b.id.length || a.id.localeCompare(b.id))[0];
    return canonicalSeriesTable(loaded, "nbs", detailed, source);
  }
  if (detailedSeriesFamily(loaded.meta) === "nbs") {
    const canon = canonicalDataset(loaded);
    if (canon.ok)
      return { meta: canon.value.meta, table: canon.value.table, conversion: "aggregated_detailed", also: [] };
  }
  return { ...loaded, conversion: "none", also: [] };
}

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
  // detailed product tables by year (one per year, shorter id first): for a year without a 42-sector
  // table they give the point; for a 2017-vintage 42-sector table they give the S22/S23 split
  const detailedAll = new Map<number, DatasetMeta>();
  const allMetas = await options.source.listDatasets();
  for (const m of allMetas
    .filter((d) => detailedSeriesFamily(d) === family)
    .sort((a, b) => a.id.length - b.id.length || a.id.localeCompare(b.id))) {
    const y = m.years[0] as number;
    if (!detailedAll.has(y)) detailedAll.set(y, m);
  }
  const detailedByYear = [...detailedAll].filter(([y]) => !byYear.has(y));
  const detailedTables: DetailedTableUse[] = [];
  const notUsed: Diagnostic[] = [];
  const loaded = new Map<number, SeriesTable>();
  for (const [year, meta] of detailedByYear.sort((a, b) => a[0] - b[0])) {
    const base = { year, tableId: meta.id, sectors: meta.dimensions.sectors ?? 0 };
    // a detailed table with a committed concordance becomes a canonical 42-sector table: every group
    // method applies to it as to the 42-sector tables of the other years
    const raw = family === "nbs" ? await options.source.loadIoTable(meta.id) : undefined;
    const canon = raw === undefined ? undefined : canonicalDataset(raw);
    if (canon?.ok === true) {
      detailedTables.push({ ...base, used: true, reason: "aggregated_to_canonical_42" });
      loaded.set(year, {
        meta: canon.value.meta,
        table: canon.value.table,
        conversion: "aggregated_detailed",
        also: [],
      });
      byYear.set(year, meta);
      continue;
    }
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
    const { table } = raw ?? (await options.source.loadIoTable(meta.id));
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
    loaded.set(year, { meta, table, conversion: "none", also: [] });
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
  const conversions: Record<string, SeriesConversion> = {};
  const alsoUsed: DatasetMeta[] = [];
  for (const year of years) {
    const st =
      loaded.get(year) ??
      (await canonicalSeriesTable(
        await options.source.loadIoTable((byYear.get(year) as DatasetMeta).id),
        family,
        detailedAll.get(year),
        options.source,
      ));
    const { meta, table } = st;
    conversions[String(year)] = st.conversion;
    alsoUsed.push(...st.also);
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
    [...tablePoints.map((p) => p.meta), ...alsoUsed],
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
      // how each table year was put on the canonical 42 sectors (ADR 0012)
      ...(family === "nbs" && { canonical42: conversions }),
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
