/**
 * Linkage coefficients of a sector group as one block (实数融合部门/数字部门整体的影响力系数与感应度系数),
 * spec §5.5, and table aggregation P Z Pᵀ.
 */
import { type Diagnostic, diagnostic } from "../diagnostics.js";
import { CoreError } from "../errors.js";
import { aggregateRows, aggregateSquare, aggregateVector, aggregationMatrix } from "../linalg/aggregation.js";
import type { Matrix } from "../linalg/matrix.js";
import { neumaierSum } from "../stats/summation.js";
import { checkEnum, sectorIndices } from "./checks.js";
import type { ZeroOutputPolicy } from "./coefficients.js";
import type { InputRow, IoTable, SectorLabel, SectorVector } from "./io-table.js";
import {
  type FlowBasis,
  type LinkageAlpha,
  type LinkageMethod,
  type LinkageResult,
  type LinkageVariant,
  linkages,
} from "./linkages.js";

/** A sector mapping old code → new code (every sector of the table must be mapped). */
export type SectorMapping = ReadonlyMap<string, string> | Readonly<Record<string, string>>;

export interface AggregateTableResult {
  /** the aggregated table: sectors in order of first appearance of their new code in the old order */
  readonly table: IoTable;
  /** k×n aggregation matrix P (P_aj = 1 if old sector j maps to new sector a) */
  readonly P: Matrix;
  /** for each new sector, the old codes it contains (table order) */
  readonly members: readonly { readonly code: string; readonly members: readonly string[] }[];
  readonly diagnostics: Diagnostic[];
}

function lookup(mapping: SectorMapping, code: string): string | undefined {
  if (mapping instanceof Map) return mapping.get(code);
  const rec = mapping as Readonly<Record<string, string>>;
  return Object.hasOwn(rec, code) ? rec[code] : undefined;
}

function mappingKeys(mapping: SectorMapping): string[] {
  return mapping instanceof Map ? [...mapping.keys()] : Object.keys(mapping);
}

/**
 * Table aggregation by a given aggregation matrix (按合并矩阵合并投入产出表): Z* = P Z Pᵀ (and
 * Zdomestic), x* = P x, Y* = P Y (and the domestic final demand), imports and the other column by P, value-added rows by column
 * (V Pᵀ, i.e. P v per row) — every block through the shared kernels of `core/linalg/aggregation.ts`
 * (Neumaier-compensated). P may be weighted (a concordance splitting source sectors); with a 0/1 P
 * whose columns are unit vectors the row and column identities of the table are preserved exactly up
 * to rounding of the sums.
 *
 * @param table - the IO table (n sectors)
 * @param P - k×n aggregation matrix (e.g. from {@link aggregationMatrix})
 * @param sectors - labels of the k new sectors
 * @returns the aggregated table (final-demand codes kept)
 * @throws {CoreError} dimension_mismatch (P.cols ≠ n, or sectors.length ≠ P.rows); non_finite (P)
 * @example
 * aggregateTableByMatrix(t, aggregationMatrix([0, 0, 1], 2), [{ code: "G" }, { code: "03" }]).output;
 * @see Miller & Blair (2009), §4.3; used by {@link aggregateTable} and the NBS crosswalk (src/data).
 * Complexity O(n²) for a grouping.
 */
export function aggregateTableByMatrix(table: IoTable, P: Matrix, sectors: readonly SectorLabel[]): IoTable {
  const fn = "aggregateTableByMatrix";
  if (P.cols !== table.sectors.length) {
    throw new CoreError("dimension_mismatch", {
      function: fn,
      argument: "P",
      expected: table.sectors.length,
      received: P.cols,
    });
  }
  if (sectors.length !== P.rows) {
    throw new CoreError("dimension_mismatch", {
      function: fn,
      argument: "sectors",
      expected: P.rows,
      received: sectors.length,
    });
  }
  const vec = (v: SectorVector): SectorVector => ({ code: v.code, values: aggregateVector(P, v.values) });
  return {
    sectors: [...sectors],
    Z: aggregateSquare(P, table.Z),
    ...(table.Zdomestic ? { Zdomestic: aggregateSquare(P, table.Zdomestic) } : {}),
    finalDemand: aggregateRows(P, table.finalDemand),
    finalDemandCodes: [...table.finalDemandCodes],
    ...(table.finalDemandDomestic ? { finalDemandDomestic: aggregateRows(P, table.finalDemandDomestic) } : {}),
    ...(table.imports ? { imports: aggregateVector(P, table.imports) } : {}),
    ...(table.otherColumn ? { otherColumn: aggregateVector(P, table.otherColumn) } : {}),
    ...(table.valueAdded ? { valueAdded: table.valueAdded.map((r: InputRow) => vec(r)) } : {}),
    output: aggregateVector(P, table.output),
  };
}

/**
 * Table aggregation (部门合并): merges sectors by a mapping old code → new code with the aggregation
 * matrix P (k×n, P_aj = 1 if sector j maps to a): Z* = P Z Pᵀ (and Zdomestic), x* = P x, Y* = P Y,
 * imports and the other column by P, value-added rows by column (V Pᵀ) — via {@link aggregateTableByMatrix}.
 * Sums are Neumaier-compensated.
 *
 * Modelling choices: every sector must be mapped (no implicit "keep"): an unmapped sector is an
 * error, as is a mapping key that is not a sector. New sectors are ordered by the first appearance of
 * their code in the old order; a new sector with a single member keeps that member's names.
 *
 * @param table - the IO table
 * @param mapping - old sector code → new sector code (Map or plain object)
 * @returns `{table, P, members, diagnostics}` (diagnostics empty)
 * @throws {CoreError} unknown_sector (mapping key not in the table); invalid_argument (a sector is not
 *   mapped; params.code)
 * @example
 * aggregateTable(t, { "01": "G", "02": "G", "03": "03" }).table.sectors.map((s) => s.code); // => ["G", "03"]
 * @see Miller & Blair (2009), §4.3 (aggregation matrix S, Z* = S Z S'); pymrio `build_agg_matrix`.
 * Complexity O(n²).
 */
export function aggregateTable(table: IoTable, mapping: SectorMapping): AggregateTableResult {
  const fn = "aggregateTable";
  const n = table.sectors.length;
  sectorIndices(table.sectors, mappingKeys(mapping), fn); // unknown keys → unknown_sector
  const codes: string[] = [];
  const at = new Map<string, number>();
  const groupOf = new Int32Array(n);
  const members: string[][] = [];
  table.sectors.forEach((s, j) => {
    const to = lookup(mapping, s.code);
    if (to === undefined)
      throw new CoreError("invalid_argument", {
        function: fn,
        argument: "mapping",
        reason: "sector_not_mapped",
        code: s.code,
      });
    let a = at.get(to);
    if (a === undefined) {
      a = codes.length;
      at.set(to, a);
      codes.push(to);
      members.push([]);
    }
    groupOf[j] = a;
    (members[a] as string[]).push(s.code);
  });
  const k = codes.length;
  const sectors: SectorLabel[] = codes.map((code, a) => {
    const m = members[a] as string[];
    if (m.length === 1) {
      const old = table.sectors[table.sectors.findIndex((s) => s.code === m[0])] as SectorLabel;
      return { ...old, code };
    }
    return { code };
  });
  const P = aggregationMatrix(groupOf, k);
  const aggregated = aggregateTableByMatrix(table, P, sectors);
  return {
    table: aggregated,
    P,
    members: codes.map((code, a) => ({ code, members: members[a] as string[] })),
    diagnostics: [],
  };
}

/** How a group's single coefficient is formed (spec §5.5; [INFERRED], recorded with every result). */
export type GroupMethod = "two_block" | "merge" | "weighted_mean";
/** Member weights of `weighted_mean`. */
export type GroupWeights = "output" | "equal";

export interface GroupLinkageOptions {
  /** @default "two_block" */
  readonly method?: GroupMethod;
  /** linkage variant of the underlying table @default "leontief" */
  readonly variant?: LinkageVariant;
  /** α of the weighted variant @default "final_demand" */
  readonly alpha?: LinkageAlpha;
  /** weighted_mean only: w_j = x_j/Σ_{k∈G} x_k ("output") or 1/|G| ("equal") @default "output" */
  readonly weights?: GroupWeights;
  /** code given to the merged group sector (two_block, merge) @default "group" */
  readonly groupCode?: string;
  /** code of the rest block (two_block) @default "rest" */
  readonly restCode?: string;
  /** @default "error" */
  readonly zeroOutput?: ZeroOutputPolicy;
  /** competitive (total) or domestic flows @default "total" */
  readonly flows?: FlowBasis;
  /** how sums of L are computed @default "solve" */
  readonly linkageMethod?: LinkageMethod;
}

export interface GroupLinkageResult {
  /** the group's influence coefficient F_G */
  readonly influence: number;
  /** the group's sensitivity coefficient E_G */
  readonly sensitivity: number;
  /** two_block: the rest block's coefficients (F_G + F_rest = 2, E_G + E_rest = 2 for leontief) */
  readonly rest?: { readonly influence: number; readonly sensitivity: number };
  readonly method: GroupMethod;
  readonly variant: LinkageVariant;
  /** weighted_mean only */
  readonly weights?: GroupWeights;
  /** indices of the group members in the input table, ascending */
  readonly groupIndices: readonly number[];
  /** weighted_mean: member weights (same order as groupIndices) */
  readonly memberWeights?: Float64Array;
  /** number of sectors of the table the linkages were computed on (2, n − |G| + 1 or n) */
  readonly sectorCount: number;
  /** the full linkage result on that table */
  readonly linkage: LinkageResult;
  readonly diagnostics: Diagnostic[];
}

const METHODS: readonly GroupMethod[] = ["two_block", "merge", "weighted_mean"];
const WEIGHTS: readonly GroupWeights[] = ["output", "equal"];

/**
 * Group linkage coefficients (部门组整体的影响力系数/感应度系数) for a sector group G treated as one block.
 *
 * - `two_block` (default): aggregate into exactly two sectors, G and the rest, Z* = P Z Pᵀ, x* = P x,
 *   Y* = P Y (P is 2×n) and apply {@link linkages} to the 2-sector table; for the leontief variant
 *   F_G + F_rest = 2 and E_G + E_rest = 2.
 * - `merge`: merge only G into one sector (n* = n − |G| + 1, placed at its first member) and report
 *   that sector's F and E. For large groups E grows quickly (spec §5.5 warning).
 * - `weighted_mean`: F_G = Σ_{j∈G} w_j F_j, E_G = Σ_{j∈G} w_j E_j on the full table, w_j = x_j /
 *   Σ_{k∈G} x_k (default) or 1/|G|. Zero-output members (policy "zero_column") get weight 0 and the
 *   weights are renormalised over the others.
 * The methods give different numbers (spec §5.9), so `method` is part of every result.
 *
 * @param table - the IO table
 * @param groupCodes - sector codes of G (e.g. the digital sectors D = {S20, S32})
 * @param options - {@link GroupLinkageOptions}
 * @returns `{influence, sensitivity, rest?, method, variant, weights?, groupIndices, memberWeights?,
 *   sectorCount, linkage, diagnostics}`
 * @throws {CoreError} unknown_sector (a group code is not a sector); invalid_group (empty group,
 *   duplicate code, G = all sectors for two_block/merge, or no member with output for weighted_mean);
 *   invalid_argument (unknown option, groupCode colliding with a non-member code); and everything
 *   {@link linkages} throws
 * @example
 * groupLinkages(table2015, ["20", "32"]).influence; // ≈ 1.041989 (spec §5.9, NBS 2015 table)
 * @see Miller & Blair (2009), §4.3 (aggregation) and §12.2 (linkages); spec methods §5.5.
 * Complexity O(n³) (weighted_mean, merge) or O(n²) (two_block).
 */
export function groupLinkages(
  table: IoTable,
  groupCodes: readonly string[],
  options: GroupLinkageOptions = {},
): GroupLinkageResult {
  const fn = "groupLinkages";
  const method = checkEnum(options.method ?? "two_block", METHODS, "method", fn);
  const weights = checkEnum(options.weights ?? "output", WEIGHTS, "weights", fn);
  const variant = options.variant ?? "leontief";
  const groupCode = options.groupCode ?? "group";
  const restCode = options.restCode ?? "rest";
  if (groupCodes.length === 0) throw new CoreError("invalid_group", { function: fn, reason: "empty" });
  const seen = new Set<string>();
  for (const code of groupCodes) {
    if (seen.has(code)) throw new CoreError("invalid_group", { function: fn, reason: "duplicate", code });
    seen.add(code);
  }
  const idx = sectorIndices(table.sectors, groupCodes, fn).sort((a, b) => a - b);
  const n = table.sectors.length;
  if (idx.length === n && method !== "weighted_mean") {
    throw new CoreError("invalid_group", { function: fn, reason: "all_sectors", method, size: n });
  }
  const linkOptions = {
    variant,
    ...(options.alpha !== undefined ? { alpha: options.alpha } : {}),
    ...(options.zeroOutput !== undefined ? { zeroOutput: options.zeroOutput } : {}),
    ...(options.flows !== undefined ? { flows: options.flows } : {}),
    ...(options.linkageMethod !== undefined ? { method: options.linkageMethod } : {}),
  };
  const inGroup = new Set(idx);
  if (method === "weighted_mean") {
    const lk = linkages(table, linkOptions);
    const excluded = new Set(lk.zeroOutputSectors);
    const w = new Float64Array(idx.length);
    idx.forEach((j, m) => {
      if (!excluded.has(j)) w[m] = weights === "output" ? (table.output[j] as number) : 1;
    });
    const total = neumaierSum(w);
    if (!(total > 0))
      throw new CoreError("invalid_group", { function: fn, reason: "no_output", codes: [...groupCodes] });
    for (let m = 0; m < w.length; m++) w[m] = (w[m] as number) / total;
    const fParts: number[] = [];
    const eParts: number[] = [];
    idx.forEach((j, m) => {
      if (excluded.has(j)) return;
      fParts.push((w[m] as number) * (lk.influence[j] as number));
      eParts.push((w[m] as number) * (lk.sensitivity[j] as number));
    });
    const diagnostics = [...lk.diagnostics];
    const excludedMembers = idx.filter((j) => excluded.has(j));
    if (excludedMembers.length > 0) {
      diagnostics.push(
        diagnostic("zero_output_sectors", "warning", {
          sectors: excludedMembers,
          policy: "zero_column",
          scope: "group_weights",
        }),
      );
    }
    return {
      influence: neumaierSum(fParts),
      sensitivity: neumaierSum(eParts),
      method,
      variant,
      weights,
      groupIndices: idx,
      memberWeights: w,
      sectorCount: n,
      linkage: lk,
      diagnostics,
    };
  }
  const mapping = new Map<string, string>();
  table.sectors.forEach((s, j) => {
    if (inGroup.has(j)) mapping.set(s.code, groupCode);
    else if (method === "two_block") mapping.set(s.code, restCode);
    else {
      if (s.code === groupCode) {
        throw new CoreError("invalid_argument", {
          function: fn,
          option: "groupCode",
          received: groupCode,
          reason: "group_code_collision",
        });
      }
      mapping.set(s.code, s.code);
    }
  });
  if (method === "two_block" && groupCode === restCode) {
    throw new CoreError("invalid_argument", {
      function: fn,
      option: "restCode",
      received: restCode,
      reason: "rest_code_equals_group_code",
    });
  }
  const agg = aggregateTable(table, mapping);
  const lk = linkages(agg.table, linkOptions);
  const g = agg.table.sectors.findIndex((s) => s.code === groupCode);
  const base = {
    influence: lk.influence[g] as number,
    sensitivity: lk.sensitivity[g] as number,
    method,
    variant,
    groupIndices: idx,
    sectorCount: agg.table.sectors.length,
    linkage: lk,
    diagnostics: [...lk.diagnostics],
  };
  if (method === "two_block") {
    const r = 1 - g;
    return { ...base, rest: { influence: lk.influence[r] as number, sensitivity: lk.sensitivity[r] as number } };
  }
  return base;
}
