/**
 * Crosswalk of NBS 42-sector IO tables to the canonical 42-sector classification (标准42部门对照,
 * spec/methods.md §1.1): exact merges only, every step recorded for provenance.
 */
import { aggregateTableByMatrix, aggregationMatrix, type IoTable, type SectorLabel } from "../../core/index.js";
import { caveat, type DatasetCaveat } from "../caveats.js";
import { CANONICAL_42, CANONICAL_42_CLASSIFICATION } from "../classification/canonical-42.js";
import {
  detailedSectorCount,
  detailedToCanonical42,
  type NbsDetailedSystem,
  nbsDetailedSystem,
} from "../classification/nbs-detailed-42.js";
import type { DatasetMeta } from "../dataset.js";
import { type DataIssue, type DataResult, issue } from "../issues.js";
import type { TransformationStep } from "../provenance.js";
import { step } from "./common.js";
import { splitMergedSector } from "./split.js";

/** Vintage of an NBS 42-sector code list: 2012 (2012 benchmark, 2015 extension) or 2017 (2017, 2018, 2020). */
export type Nbs42Vintage = "2012" | "2017";

/** One target sector of an aggregation and the source sector indices summed into it. */
export interface SectorGroup {
  readonly code: string;
  readonly nameZh?: string;
  readonly nameEn?: string;
  readonly members: readonly number[];
}

/** Code of the merged cell kept for 2017-vintage table sector 22 (其他制造产品和废品废料). */
export const MERGED_S22_S23 = "S22+S23";

/**
 * Sums the rows and columns of a table into groups (exact aggregation): Z* = P Z Pᵀ, Z*dom likewise,
 * Y* = P Y, m* = P m, other* = P o, VA* = VA Pᵀ, x* = P x, with P the 0/1 group-membership matrix —
 * computed by the core's shared aggregation (`aggregateTableByMatrix`, Neumaier-compensated sums).
 * Every source sector must belong to exactly one group (caller's contract; a sector in no group or an
 * index out of range throws the core's `invalid_argument`).
 * Complexity O(n²).
 */
export function aggregateSectors(table: IoTable, groups: readonly SectorGroup[]): IoTable {
  const target = new Int32Array(table.sectors.length).fill(-1);
  groups.forEach((grp, k) => {
    for (const i of grp.members) target[i] = k;
  });
  const sectors: SectorLabel[] = groups.map((grp) => ({
    code: grp.code,
    ...(grp.nameZh === undefined ? {} : { nameZh: grp.nameZh }),
    ...(grp.nameEn === undefined ? {} : { nameEn: grp.nameEn }),
  }));
  return aggregateTableByMatrix(table, aggregationMatrix(target, groups.length), sectors);
}

/**
 * Guesses the vintage of an NBS 42-sector table from its sector names: 2017 when sector 22 is
 * 其他制造产品和废品废料 and 35 is 研究和试验发展; 2012 when every name is the canonical name or an alias.
 * @returns the vintage, or undefined (e.g. the 2005 and 2010 tables, which use the 2002/2007 lists)
 */
export function detectNbs42Vintage(table: IoTable): Nbs42Vintage | undefined {
  const names = table.sectors.map((s) => s.nameZh ?? "");
  if (names.length === 42 && names[21] === "其他制造产品和废品废料" && names[34] === "研究和试验发展") return "2017";
  if (
    names.length === 42 &&
    CANONICAL_42.every((c, k) => names[k] === c.nameZh || c.aliases.includes(names[k] ?? ""))
  ) {
    return "2012";
  }
  return undefined;
}

/** Result of {@link toCanonical42}. */
export interface CanonicalTable {
  /** the table in canonical ids (S01…S42; for 2017 vintage 41 sectors with `S22+S23` merged) */
  readonly table: IoTable;
  /** provenance step describing the mapping */
  readonly step: TransformationStep;
  /** canonical ids that are merged cells (excluded from tier comparisons), e.g. ["S22+S23"] */
  readonly mergedCells: readonly string[];
}

/**
 * Converts an NBS 42-sector table to the canonical 42-sector classification (标准42部门).
 *
 * - vintage `2012` (2015 extension table): codes 01…42 → S01…S42 one to one (names checked against
 *   the canonical names and aliases; a mismatch is an `invalid_value` error).
 * - vintage `2017` (2017, 2018, 2020 tables): 01…21 → S01…S21; 22 其他制造产品和废品废料 → the merged
 *   cell `S22+S23` (flagged in `mergedCells`; spec §5.9 keeps it merged; {@link canonicalDataset}
 *   splits it with the detailed table of the same year, ADR 0012); 23…34 → S24…S35; 35 研究和试验发展 + 36 综合技术服务 → S36 (exact sum of rows and
 *   columns); 37…42 → S37…S42. Result: 41 sectors.
 * All blocks are aggregated exactly by {@link aggregateSectors}, so row and column identities still hold.
 *
 * @param table an NBS 42-sector table with codes "01"…"42"
 * @param vintage code-list vintage (see {@link detectNbs42Vintage})
 * @param source file name shown in issues
 * @returns the canonical table, its provenance step and the merged cells; `invalid_value` issues when
 *   the codes are not 01…42 (params: code, expected)
 * @example toCanonical42(t2020, "2017") // ok; table.sectors[35].code === "S36", 41 sectors
 * @see spec/methods.md §1.1 (crosswalk), §5.9 (public-data regression values)
 */
export function toCanonical42(
  table: IoTable,
  vintage: Nbs42Vintage,
  source: { readonly file: string } = { file: "" },
): DataResult<CanonicalTable> {
  const issues: DataIssue[] = [];
  const codes = table.sectors.map((s) => s.code);
  const expected = Array.from({ length: 42 }, (_, k) => String(k + 1).padStart(2, "0"));
  if (codes.length !== 42 || codes.some((c, k) => c !== expected[k])) {
    issues.push(issue("invalid_value", { file: source.file }, { value: codes, expected: "nbs42_codes", vintage }));
    return { ok: false, issues };
  }
  const canon = (k: number) => CANONICAL_42[k - 1] as (typeof CANONICAL_42)[number];
  const groups: SectorGroup[] = [];
  const mapping: Record<string, string> = {};
  if (vintage === "2012") {
    table.sectors.forEach((s, i) => {
      const c = canon(i + 1);
      if (s.nameZh !== undefined && s.nameZh !== c.nameZh && !c.aliases.includes(s.nameZh)) {
        issues.push(
          issue(
            "invalid_value",
            { file: source.file },
            { code: s.code, value: s.nameZh, expected: "canonical_name", canonicalName: c.nameZh },
          ),
        );
      }
      groups.push({ code: c.id, nameZh: c.nameZh, nameEn: c.nameEn, members: [i] });
      mapping[s.code] = c.id;
    });
    if (issues.length > 0) return { ok: false, issues };
  } else {
    for (let k = 1; k <= 21; k++)
      groups.push({ code: canon(k).id, nameZh: canon(k).nameZh, nameEn: canon(k).nameEn, members: [k - 1] });
    groups.push({
      code: MERGED_S22_S23,
      nameZh: "其他制造产品和废品废料",
      nameEn: "Other manufacturing and waste resources",
      members: [21],
    });
    for (let k = 23; k <= 34; k++)
      groups.push({
        code: canon(k + 1).id,
        nameZh: canon(k + 1).nameZh,
        nameEn: canon(k + 1).nameEn,
        members: [k - 1],
      });
    groups.push({ code: "S36", nameZh: canon(36).nameZh, nameEn: canon(36).nameEn, members: [34, 35] });
    for (let k = 37; k <= 42; k++)
      groups.push({ code: canon(k).id, nameZh: canon(k).nameZh, nameEn: canon(k).nameEn, members: [k - 1] });
    for (const grp of groups) for (const i of grp.members) mapping[codes[i] as string] = grp.code;
  }
  const out = aggregateSectors(table, groups);
  return {
    ok: true,
    value: {
      table: out,
      step: step("crosswalk_to_canonical_42", {
        vintage,
        mapping,
        merged: vintage === "2017" ? { S36: ["35", "36"], [MERGED_S22_S23]: ["22"] } : {},
        flagged: vintage === "2017" ? [MERGED_S22_S23] : [],
        sectors: out.sectors.length,
      }),
      mergedCells: vintage === "2017" ? [MERGED_S22_S23] : [],
    },
    warnings: [],
  };
}

/** Where the detailed-table concordances live (recorded in provenance steps and caveats). */
export const DETAILED_CONCORDANCE_SOURCE = "src/data/classification/nbs-detailed-42.ts";

/**
 * Aggregates an NBS detailed product table (2012: 139, 2017: 149, 2018/2020: 153 products) to the
 * canonical 42 sectors S01…S42 with the committed concordance (`nbs-detailed-42.ts`): exact sums of
 * rows and columns ({@link aggregateSectors}), so the table's identities still hold.
 * @param table a detailed table with codes 001…n
 * @param system its product list
 * @param source file shown in issues
 * @returns the canonical table (42 sectors, no merged cells) and the step `aggregate_detailed_to_canonical_42`;
 *   `invalid_value` when the codes are not the list's 001…n
 * @example detailedToCanonical42Table(t2012, "nbs-io-139-2012") // ok; 42 sectors S01…S42
 */
export function detailedToCanonical42Table(
  table: IoTable,
  system: NbsDetailedSystem,
  source: { readonly file: string } = { file: "" },
): DataResult<CanonicalTable> {
  const map = detailedToCanonical42(system);
  const codes = table.sectors.map((s) => s.code);
  const expected = [...map.keys()];
  if (codes.length !== expected.length || codes.some((c, k) => c !== expected[k])) {
    return {
      ok: false,
      issues: [
        issue("invalid_value", { file: source.file }, { value: codes, expected: "nbs42_codes", vintage: system }),
      ],
    };
  }
  const groups: SectorGroup[] = CANONICAL_42.map((c) => ({
    code: c.id,
    nameZh: c.nameZh,
    nameEn: c.nameEn,
    members: codes.flatMap((code, i) => (map.get(code) === c.id ? [i] : [])),
  }));
  const blocks: Record<string, [string, string]> = {};
  for (const g of groups)
    blocks[g.code] = [codes[g.members[0] as number] as string, codes[g.members.at(-1) as number] as string];
  const out = aggregateSectors(table, groups);
  return {
    ok: true,
    value: {
      table: out,
      step: step("aggregate_detailed_to_canonical_42", {
        system,
        concordance: DETAILED_CONCORDANCE_SOURCE,
        blocks,
        sectors: out.sectors.length,
      }),
      mergedCells: [],
    },
    warnings: [],
  };
}

/** Canonical parts of the 2017-vintage merged sector 22, in order. */
const S22_S23_PARTS = ["S22", "S23"].map((id) => {
  const c = CANONICAL_42.find((x) => x.id === id) as (typeof CANONICAL_42)[number];
  return { code: c.id, nameZh: c.nameZh, nameEn: c.nameEn };
});

/** A dataset (meta + table) as the crosswalk functions take and return it. */
export interface CanonicalDataset {
  readonly meta: DatasetMeta;
  readonly table: IoTable;
  /** canonical ids that are merged cells (empty when every canonical sector is separate) */
  readonly mergedCells: readonly string[];
}

function withCanonicalMeta(
  meta: DatasetMeta,
  table: IoTable,
  steps: readonly TransformationStep[],
  caveats: readonly DatasetCaveat[],
): DatasetMeta {
  return {
    ...meta,
    classification: { ...CANONICAL_42_CLASSIFICATION },
    dimensions: { ...meta.dimensions, sectors: table.sectors.length },
    provenance: {
      ...meta.provenance,
      transformations: [...meta.provenance.transformations, ...steps],
      caveats: [...meta.provenance.caveats, ...caveats],
    },
  };
}

/**
 * {@link toCanonical42} for a whole dataset (meta + table): detects the vintage from the sector names
 * (unless given), converts, and returns the meta with classification `nbs-io-42-2012` (canonical ids),
 * `dimensions.sectors` updated and the crosswalk step appended to the provenance.
 *
 * Detailed product tables (classification `nbs-io-139-2012`, `nbs-io-149-2017`, `nbs-io-153-2018`) are
 * aggregated with {@link detailedToCanonical42Table} (caveat `nbs_detailed_aggregated_to_42`).
 * A 2017-vintage table with `detailed` (the 149/153-sector table of the same year) gets its merged
 * S22+S23 split by that table's cell shares ({@link splitMergedSector}, ADR 0012): 42 sectors, no merged
 * cell, step `split_merged_sector` and caveat `nbs_s22_s23_split_by_detailed_shares`.
 * @returns the converted dataset, or `invalid_value` when the table is not a 2012/2017-vintage 42 table
 *   or a known detailed table; `out_of_balance` when the split breaks the balance
 * @example canonicalDataset(await store.loadIoTable("cn-nbs-io-2020-42")) // ok; 41 sectors incl. S22+S23
 * @example canonicalDataset(t2020, undefined, t2020detailed) // ok; 42 sectors S01…S42
 */
export function canonicalDataset(
  dataset: { readonly meta: DatasetMeta; readonly table: IoTable },
  vintage?: Nbs42Vintage,
  detailed?: { readonly meta: DatasetMeta; readonly table: IoTable },
): DataResult<CanonicalDataset> {
  const file = dataset.meta.provenance.files[0]?.path ?? dataset.meta.id;
  const { meta } = dataset;
  const system = nbsDetailedSystem(meta.classification?.system);
  if (vintage === undefined && system !== undefined && dataset.table.sectors.length === detailedSectorCount(system)) {
    const r = detailedToCanonical42Table(dataset.table, system, { file });
    if (!r.ok) return r;
    const cav = caveat("nbs_detailed_aggregated_to_42", {
      sectors: dataset.table.sectors.length,
      concordance: DETAILED_CONCORDANCE_SOURCE,
    });
    return {
      ok: true,
      value: {
        meta: withCanonicalMeta(meta, r.value.table, [r.value.step], [cav]),
        table: r.value.table,
        mergedCells: [],
      },
      warnings: [],
    };
  }
  const v = vintage ?? detectNbs42Vintage(dataset.table);
  if (v === undefined) {
    return {
      ok: false,
      issues: [issue("invalid_value", { file }, { value: meta.classification ?? null, expected: "nbs42_table" })],
    };
  }
  const r = toCanonical42(dataset.table, v, { file });
  if (!r.ok) return r;
  if (v !== "2017" || detailed === undefined) {
    return {
      ok: true,
      value: {
        meta: withCanonicalMeta(meta, r.value.table, [r.value.step], []),
        table: r.value.table,
        mergedCells: r.value.mergedCells,
      },
      warnings: [],
    };
  }
  const dSystem = nbsDetailedSystem(detailed.meta.classification?.system);
  if (dSystem === undefined) {
    return {
      ok: false,
      issues: [
        issue(
          "invalid_value",
          { file: detailed.meta.id },
          { value: detailed.meta.classification ?? null, expected: "nbs42_table" },
        ),
      ],
    };
  }
  const d = detailedToCanonical42Table(detailed.table, dSystem, { file: detailed.meta.id });
  if (!d.ok) return d;
  const split = splitMergedSector(r.value.table, d.value.table, {
    merged: MERGED_S22_S23,
    parts: S22_S23_PARTS,
    sharesId: detailed.meta.id,
    file,
  });
  if (!split.ok) return split;
  const year = meta.years[0] ?? detailed.meta.years[0] ?? 0;
  const cav = caveat("nbs_s22_s23_split_by_detailed_shares", { detailedTable: detailed.meta.id, year });
  return {
    ok: true,
    value: {
      meta: withCanonicalMeta(meta, split.value.table, [r.value.step, split.value.step], [cav]),
      table: split.value.table,
      mergedCells: [],
    },
    warnings: [],
  };
}
