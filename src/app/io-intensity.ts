/**
 * Use-case: digital input and output intensities by sector (数字化投入、数字化产出; spec §5.6).
 */
import type { Diagnostic } from "../core/index.js";
import { digitalIntensities } from "../core/index.js";
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

export type IoIntensityOptions = TableRef & {
  /** the digital set D: "digital" (default: S20 + S32 of the table's vintage) or sector codes */
  readonly group?: GroupSpec;
  /** @default "competitive" */
  readonly imports?: ImportsBasis;
  readonly source?: DatasetSource;
  readonly clock?: Clock;
};

export interface IntensitySectorRow {
  readonly code: string;
  readonly name_zh: string;
  readonly name_en: string;
  /** DI_direct_intermediate = Σ_{i∈D} z_ij / Σ_i z_ij (数字化投入占比, default) */
  readonly directIntermediate: number | null;
  /** DI_direct_total = Σ_{i∈D} z_ij / x_j */
  readonly directTotal: number | null;
  /** DI_complete = Σ_{i∈D} b_ij */
  readonly complete: number | null;
  /** DO_forward = Σ_{k∈D} z_jk / x_j (数字化产出) */
  readonly forward: number | null;
}

export interface IoIntensityResult {
  readonly table: string;
  readonly group: { readonly name: "digital" | "custom"; readonly codes: readonly string[] };
  readonly imports: ImportsBasis;
  readonly sectors: readonly IntensitySectorRow[];
  readonly diagnostics: readonly Diagnostic[];
  readonly provenance: ResultProvenance;
}

/**
 * Digital intensities of every sector for the digital set D (数字化投入/产出强度).
 * @throws {DatasetNotFoundError} unknown tableId
 * @throws {CoreError} unknown_sector / invalid_group for a bad group; errors of the core
 */
export async function ioIntensity(options: IoIntensityOptions): Promise<IoIntensityResult> {
  const imports = options.imports ?? "competitive";
  const { meta, table: stored } = await loadTable(options, options.source);
  const table = onImportsBasis(stored, imports, meta.id);
  const g = resolveGroup(table, meta, options.group ?? "digital");
  const r = digitalIntensities(table, g.codes);
  const sectors: IntensitySectorRow[] = table.sectors.map((s, i) => {
    const v = r.sectors[i];
    return {
      code: s.code,
      ...sectorNames(s),
      directIntermediate: finiteOrNull(v?.directIntermediate),
      directTotal: finiteOrNull(v?.directTotal),
      complete: finiteOrNull(v?.complete),
      forward: finiteOrNull(v?.forward),
    };
  });
  const provenance = resultProvenance(
    [meta],
    "io_intensity",
    { group: g.name, groupCodes: g.codes, groupResolvedBy: g.resolvedBy, imports },
    options.clock,
  );
  return {
    table: meta.id,
    group: { name: g.name, codes: g.codes },
    imports,
    sectors,
    diagnostics: withSectorCodes(r.diagnostics, table),
    provenance,
  };
}
