/**
 * Use-case: linkage coefficients of an IO table (产业关联：影响力系数与感应度系数), per sector and,
 * optionally, for a sector group as one block (spec §5.4–5.5). Load → compute (core) → result with
 * provenance, in the linkage JSON shape of ADR 0001.
 */
import type { Diagnostic } from "../core/index.js";
import { type GroupMethod, groupLinkages, type LinkageAlpha, type LinkageVariant, linkages } from "../core/index.js";
import { type BackendChoice, resolveBackend } from "./backend.js";
import type { DatasetSource } from "./dataset-source.js";
import { type GroupSpec, resolveGroup } from "./groups.js";
import { type Clock, type ResultProvenance, resultProvenance } from "./provenance.js";
import {
  finiteOrNull,
  type ImportsBasis,
  loadTable,
  onImportsBasis,
  sectorNames,
  type TableRef,
  withSectorCodes,
} from "./table-ref.js";

export type { GroupMethod, LinkageVariant } from "../core/index.js";

export const LINKAGE_VARIANTS: readonly LinkageVariant[] = ["leontief", "ghosh_sensitivity", "weighted"];
export const GROUP_METHODS: readonly GroupMethod[] = ["two_block", "merge", "weighted_mean"];
export const IMPORTS_BASES: readonly ImportsBasis[] = ["competitive", "domestic"];

export type IoLinkagesOptions = TableRef & {
  /** the group reported as one block: "digital" (数字部门) or sector codes; none by default */
  readonly group?: GroupSpec;
  /** linkage definition @default "leontief" */
  readonly variant?: LinkageVariant;
  /** how the group becomes one block @default "two_block" */
  readonly groupMethod?: GroupMethod;
  /** intermediate flows @default "competitive" */
  readonly imports?: ImportsBasis;
  /** α weights of the weighted variant @default "final_demand" */
  readonly alpha?: LinkageAlpha;
  /** linear-algebra backend: "typescript" (LU solve, default), "native" (OpenBLAS inverse, with fallback) or injected */
  readonly backend?: BackendChoice;
  readonly source?: DatasetSource;
  readonly clock?: Clock;
};

export interface LinkageSectorRow {
  readonly code: string;
  readonly name_zh: string;
  readonly name_en: string;
  /** 影响力系数 F_j; null for zero-output sectors */
  readonly influence: number | null;
  /** 感应度系数 E_i; null for zero-output sectors */
  readonly sensitivity: number | null;
  /** gross output x_j in the table's unit */
  readonly output: number;
}

export interface LinkageBlock {
  readonly name: "digital" | "custom";
  readonly codes: readonly string[];
  readonly influence: number;
  readonly sensitivity: number;
  readonly method: GroupMethod;
  /** the rest of the economy as the second block (two_block only) */
  readonly rest?: { readonly influence: number; readonly sensitivity: number };
}

/** The linkage JSON of ADR 0001 (diagnostics without text; the edges add `message`). */
export interface IoLinkagesResult {
  readonly table: string;
  /** unit of `output` */
  readonly unit: string;
  readonly sectors: readonly LinkageSectorRow[];
  readonly block?: LinkageBlock;
  readonly variant: LinkageVariant;
  readonly imports: ImportsBasis;
  readonly diagnostics: readonly Diagnostic[];
  readonly provenance: ResultProvenance;
}

/**
 * Computes influence and sensitivity coefficients for every sector and, when `group` is given, for
 * the group as one block (影响力系数、感应度系数).
 *
 * @returns sectors[{code, name_zh, name_en, influence, sensitivity}], block?, variant, diagnostics, provenance
 * @throws {DatasetNotFoundError} unknown `tableId`
 * @throws {CoreError} unknown_sector / invalid_group for a bad group; invalid_argument for an unknown
 *   option or domestic flows of a competitive table; singular_matrix / not_productive from the core
 */
export async function ioLinkages(options: IoLinkagesOptions): Promise<IoLinkagesResult> {
  const variant = options.variant ?? "leontief";
  const groupMethod = options.groupMethod ?? "two_block";
  const imports = options.imports ?? "competitive";
  const alpha = options.alpha ?? "final_demand";
  const { meta, table: stored } = await loadTable(options, options.source);
  const table = onImportsBasis(stored, imports, meta.id);
  // resolve the group before any computation, so a bad group fails fast on large tables
  const g = options.group !== undefined ? resolveGroup(table, meta, options.group) : undefined;

  const be = resolveBackend(
    // linkages need only row/column sums of L: one LU solve beats forming L (and its residual) even
    // with OpenBLAS at these sizes (WIOD 1435: 7.3 s vs 10.1 s end to end), so "auto" means solve
    options.backend === undefined || options.backend === "auto" ? "typescript" : options.backend,
  );
  const single = linkages(table, {
    variant,
    alpha,
    zeroOutput: "zero_column",
    ...(be.backend !== undefined && { method: "inverse" as const, backend: be.backend }),
  });
  const diagnostics: Diagnostic[] = [...be.diagnostics, ...withSectorCodes(single.diagnostics, table)];
  const sectors: LinkageSectorRow[] = table.sectors.map((s, i) => ({
    code: s.code,
    ...sectorNames(s),
    influence: finiteOrNull(single.influence[i]),
    sensitivity: finiteOrNull(single.sensitivity[i]),
    output: table.output[i] ?? 0,
  }));

  let block: LinkageBlock | undefined;
  let groupParams: Record<string, unknown> = {};
  if (g !== undefined) {
    // same zero-output policy and α as the per-sector linkages, so `merge` / `weighted_mean` work on
    // tables with zero-output sectors (OECD, WIOD) and the weighted variant's α reaches the block
    const r = groupLinkages(table, g.codes, { method: groupMethod, variant, alpha, zeroOutput: "zero_column" });
    for (const d of r.diagnostics)
      if (
        // the block's zero-output sectors are those of the table (already reported with their codes);
        // its indices refer to the aggregated table and would mislead
        d.code !== "zero_output_sectors" &&
        !diagnostics.some((e) => e.code === d.code && JSON.stringify(e.params) === JSON.stringify(d.params))
      )
        diagnostics.push(d);
    block = {
      name: g.name,
      codes: g.codes,
      influence: r.influence,
      sensitivity: r.sensitivity,
      method: groupMethod,
      ...(r.rest !== undefined && { rest: { influence: r.rest.influence, sensitivity: r.rest.sensitivity } }),
    };
    groupParams = { group: g.name, groupCodes: g.codes, groupResolvedBy: g.resolvedBy, groupMethod };
  }

  const provenance = resultProvenance(
    [meta],
    "io_linkages",
    {
      variant,
      ...(variant === "weighted" && { alpha }),
      imports,
      zeroOutput: "zero_column",
      linalg: be.backend?.name ?? "typescript_lu_solve",
      ...groupParams,
    },
    options.clock,
  );
  return {
    table: meta.id,
    unit: meta.unit,
    sectors,
    ...(block !== undefined && { block }),
    variant,
    imports,
    diagnostics,
    provenance,
  };
}
