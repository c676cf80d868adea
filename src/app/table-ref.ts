/**
 * How a use-case names its IO table: a stored dataset id, or an in-memory table with its metadata
 * (e.g. read from a user's file with `readInputTable`).
 */
import type { Diagnostic, IoTable } from "../core/index.js";
import { CoreError, domesticFinalDemand } from "../core/index.js";
import type { DatasetMeta } from "../data/index.js";
import { type DatasetSource, type LoadedIoTable, requireIoTable } from "./dataset-source.js";

export type TableRef = { readonly tableId: string } | { readonly table: IoTable; readonly meta: DatasetMeta };

/** Import treatment of intermediate flows: competitive (domestic + imported, default) or domestic only. */
export type ImportsBasis = "competitive" | "domestic";

/** Loads the referenced table. */
export async function loadTable(ref: TableRef, source: DatasetSource | undefined): Promise<LoadedIoTable> {
  if ("table" in ref) return { meta: ref.meta, table: ref.table };
  if (source === undefined) {
    throw new CoreError("invalid_argument", {
      option: "table",
      received: ref.tableId,
      reason: "no_store",
    });
  }
  return requireIoTable(source, ref.tableId);
}

/**
 * The table on the requested import basis: competitive uses Z as stored (domestic + imported);
 * domestic replaces Z by the domestic flows of a non-competitive-import table and the final demand by
 * the domestic final demand (`domesticFinalDemand`: the table's own `finalDemandDomestic`, else the
 * proportional import convention of ADR 0012), and drops the import column — on the domestic basis
 * the row identity is Σ_j zdom_ij + Σ_k ydom_ik (+ other_i) = x_i, with nothing to subtract.
 * @throws {CoreError} invalid_argument when domestic flows are requested from a table without them
 */
export function onImportsBasis(table: IoTable, imports: ImportsBasis, tableId: string): IoTable {
  if (imports === "competitive") return table;
  if (imports !== "domestic") {
    throw new CoreError("invalid_argument", {
      option: "imports",
      received: imports,
      expected: ["competitive", "domestic"],
    });
  }
  if (table.Zdomestic === undefined) {
    throw new CoreError("invalid_argument", {
      option: "imports",
      received: imports,
      table: tableId,
      reason: "no_domestic_flows",
    });
  }
  const { Zdomestic, finalDemandDomestic: _fdom, imports: _m, ...rest } = table;
  // a table with Zdomestic but neither a domestic final demand nor imports keeps its final demand
  const finalDemand =
    table.finalDemandDomestic !== undefined || table.imports !== undefined
      ? domesticFinalDemand(table).Y
      : table.finalDemand;
  return { ...rest, Z: Zdomestic, finalDemand };
}

/** Display names of a sector: Chinese falls back to English and to the code, and vice versa. */
export function sectorNames(s: { code: string; nameZh?: string; nameEn?: string }): {
  name_zh: string;
  name_en: string;
} {
  return { name_zh: s.nameZh ?? s.nameEn ?? s.code, name_en: s.nameEn ?? s.nameZh ?? s.code };
}

/** A float for JSON: NaN/±Infinity → null. */
export function finiteOrNull(v: number | null | undefined): number | null {
  return v === null || v === undefined || !Number.isFinite(v) ? null : v;
}

/**
 * Adds the sector codes to `zero_output_sectors` diagnostics, whose `sectors` param holds 0-based
 * indices (core knows positions, not codes): params gain `codes` (in table order), used by the messages.
 */
export function withSectorCodes(diagnostics: readonly Diagnostic[], table: IoTable): Diagnostic[] {
  return diagnostics.map((d) => {
    const idx = d.params["sectors"];
    if (d.code !== "zero_output_sectors" || !Array.isArray(idx) || d.params["codes"] !== undefined) return d;
    const codes = idx.map((i) => (typeof i === "number" ? (table.sectors[i]?.code ?? String(i)) : String(i)));
    return { ...d, params: { ...d.params, codes } };
  });
}
