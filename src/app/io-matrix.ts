/**
 * Use-case: export the direct input coefficients A (直接消耗系数) or the Leontief inverse L
 * (完全需要系数) of a table (spec §5.3, §5.8).
 */
import type { Diagnostic } from "../core/index.js";
import { CoreError, leontiefInverse, technicalCoefficients, toRows } from "../core/index.js";
import { type BackendChoice, resolveBackend } from "./backend.js";
import type { DatasetSource } from "./dataset-source.js";
import { type Clock, type ResultProvenance, resultProvenance } from "./provenance.js";
import {
  type ImportsBasis,
  loadTable,
  onImportsBasis,
  sectorNames,
  type TableRef,
  withSectorCodes,
} from "./table-ref.js";

export type MatrixKind = "A" | "L";

export type IoMatrixOptions = TableRef & {
  readonly which: MatrixKind;
  /** @default "competitive" */
  readonly imports?: ImportsBasis;
  /** "typescript" (default), "native" (OpenBLAS, with fallback) or an injected backend */
  readonly backend?: BackendChoice;
  readonly source?: DatasetSource;
  readonly clock?: Clock;
};

export interface IoMatrixResult {
  readonly table: string;
  readonly which: MatrixKind;
  readonly codes: readonly string[];
  readonly names_zh: readonly string[];
  readonly names_en: readonly string[];
  /** row-major rows; values[i][j] = a_ij (or l_ij) */
  readonly values: readonly (readonly number[])[];
  readonly diagnostics: readonly Diagnostic[];
  readonly provenance: ResultProvenance;
}

/**
 * The matrix A = Z·diag(1/x) or L = (I − A)⁻¹ of a table. Zero-output columns of A are set to 0
 * (policy zero_column, reported as a diagnostic).
 * @throws {CoreError} invalid_argument for `which` other than A or L; singular_matrix, not_productive
 */
export async function ioMatrix(options: IoMatrixOptions): Promise<IoMatrixResult> {
  const which = options.which;
  if (which !== "A" && which !== "L") {
    throw new CoreError("invalid_argument", { option: "which", received: which, expected: ["A", "L"] });
  }
  const imports = options.imports ?? "competitive";
  const { meta, table: stored } = await loadTable(options, options.source);
  const table = onImportsBasis(stored, imports, meta.id);
  const a = technicalCoefficients(table.Z, table.output, { zeroOutput: "zero_column" });
  const be = resolveBackend(which === "L" ? (options.backend ?? "auto") : "typescript", table.sectors.length);
  const diagnostics: Diagnostic[] = [...be.diagnostics, ...withSectorCodes(a.diagnostics, table)];
  let m = a.A;
  if (which === "L") {
    const l = leontiefInverse(a.A, { ...(be.backend !== undefined && { backend: be.backend }) });
    diagnostics.push(...l.diagnostics);
    m = l.L;
  }
  const names = table.sectors.map(sectorNames);
  return {
    table: meta.id,
    which,
    codes: table.sectors.map((s) => s.code),
    names_zh: names.map((n) => n.name_zh),
    names_en: names.map((n) => n.name_en),
    values: toRows(m),
    diagnostics,
    provenance: resultProvenance(
      [meta],
      which === "A" ? "io_direct_input_coefficients" : "io_leontief_inverse",
      { which, imports, zeroOutput: "zero_column", linalg: be.backend?.name ?? "typescript_lu" },
      options.clock,
    ),
  };
}
