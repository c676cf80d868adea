/**
 * IO-table validation (投入产出表校验): the identities and sign conditions every table must satisfy
 * before any computation (spec/methods.md §5.2), reported as located data issues.
 */
import type { IoTable } from "../../core/index.js";
import { matrix, spectralRadiusNonnegative } from "../../core/index.js";
import type { DatasetMeta } from "../dataset.js";
import { type DataIssue, type IssuePath, issue } from "../issues.js";
import type { TransformationStep } from "../provenance.js";
import { type IoTableLocator, step } from "./common.js";

/** Default relative balance tolerance (spec §5.2). */
export const DEFAULT_BALANCE_TOLERANCE = 1e-6;

/** Relative balance tolerance used for the WIOD 2013 tables (integer-rounded, see `WIOD_BALANCE`). */
export const WIOD_BALANCE_TOLERANCE = 1e-4;

export interface ValidateIoOptions {
  /**
   * Relative tolerance of the accounting identities: an identity holds when
   * |imbalance| ≤ max(balanceTolerance·|x|, absoluteTolerance). NBS and OECD tables balance to
   * ~1e-14 and ~1e-5; the spec's 1e-6 catches transcription errors without tripping on the 15
   * significant digits of the staged CSVs. Use 1e-4 (with `absoluteTolerance`) for integer-rounded
   * data such as WIOD.
   * @default 1e-6
   */
  readonly balanceTolerance?: number;
  /**
   * Absolute tolerance in the table's unit. For a table whose cells were each rounded to integers, a
   * sum of k rounded cells minus a rounded total can be off by up to 0.5·(k + 1) — a bound, not a
   * guess — which is what the WIOD reader passes.
   * @default 0
   */
  readonly absoluteTolerance?: number;
  /**
   * Zero-output sectors: `"zero_column"` accepts x_j = 0 when the sector's row and column of Z are
   * also zero (the core then sets column j of A to 0, spec §5.3); `"error"` rejects every zero-output
   * sector. A zero-output sector with non-zero inputs or deliveries is always an error.
   * @default "zero_column"
   */
  readonly zeroOutput?: "error" | "zero_column";
  /** total input by sector (NBS row `TI`), checked against output x (axis `total_input`) */
  readonly totalInput?: Float64Array;
  /**
   * Whether to compute the spectral radius of A when the cheap bound max column sum of A < 1 does not
   * settle productivity.
   * @default true
   */
  readonly checkProductive?: boolean;
}

/** Largest relative imbalance of each identity, for reporting. */
export interface BalanceSummary {
  /** max_i |Σ_j z_ij + Σ_k f_ik − m_i + o_i − x_i| / |x_i| over sectors with x_i ≠ 0 */
  readonly rowMaxRelative: number;
  readonly rowWorstSector: string | undefined;
  readonly rowMaxAbsolute: number;
  /** max_j |Σ_i z_ij + Σ_r v_rj − x_j| / |x_j| (NaN when the table has no value-added rows) */
  readonly columnMaxRelative: number;
  readonly columnWorstSector: string | undefined;
  readonly columnMaxAbsolute: number;
}

class Neumaier {
  sum = 0;
  private c = 0;
  add(v: number): void {
    const t = this.sum + v;
    if (Math.abs(this.sum) >= Math.abs(v)) this.c += this.sum - t + v;
    else this.c += v - t + this.sum;
    this.sum = t;
  }
  value(): number {
    return this.sum + this.c;
  }
}

/** Row imbalances d_i = Σ_j z_ij + Σ_k f_ik − m_i + o_i − x_i (compensated sums). */
export function rowImbalances(table: IoTable): Float64Array {
  const n = table.output.length;
  const out = new Float64Array(n);
  const Z = table.Z;
  const Y = table.finalDemand;
  for (let i = 0; i < n; i++) {
    const acc = new Neumaier();
    for (let j = 0; j < Z.cols; j++) acc.add(Z.data[i * Z.cols + j] as number);
    for (let k = 0; k < Y.cols; k++) acc.add(Y.data[i * Y.cols + k] as number);
    if (table.imports !== undefined) acc.add(-(table.imports[i] as number));
    if (table.otherColumn !== undefined) acc.add(table.otherColumn[i] as number);
    acc.add(-(table.output[i] as number));
    out[i] = acc.value();
  }
  return out;
}

/** Column imbalances d_j = Σ_i z_ij + Σ_r v_rj − x_j, or undefined when the table has no value-added rows. */
export function columnImbalances(table: IoTable): Float64Array | undefined {
  if (table.valueAdded === undefined || table.valueAdded.length === 0) return undefined;
  const n = table.output.length;
  const Z = table.Z;
  const acc: Neumaier[] = Array.from({ length: n }, () => new Neumaier());
  for (let i = 0; i < Z.rows; i++) {
    for (let j = 0; j < n; j++) (acc[j] as Neumaier).add(Z.data[i * Z.cols + j] as number);
  }
  for (const row of table.valueAdded) for (let j = 0; j < n; j++) (acc[j] as Neumaier).add(row.values[j] as number);
  const out = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    (acc[j] as Neumaier).add(-(table.output[j] as number));
    out[j] = (acc[j] as Neumaier).value();
  }
  return out;
}

/**
 * Largest relative row and column imbalances of a table (the numbers behind `out_of_balance`).
 * Sectors with x = 0 are skipped in the relative maximum (their imbalance shows in the absolute one).
 */
export function balanceSummary(table: IoTable): BalanceSummary {
  const codes = table.sectors.map((s) => s.code);
  const worst = (d: Float64Array | undefined) => {
    if (d === undefined) return { rel: Number.NaN, abs: Number.NaN, sector: undefined as string | undefined };
    let rel = 0;
    let abs = 0;
    let sector: string | undefined;
    for (let i = 0; i < d.length; i++) {
      const a = Math.abs(d[i] as number);
      if (a > abs) abs = a;
      const x = Math.abs(table.output[i] as number);
      if (x > 0 && a / x > rel) {
        rel = a / x;
        sector = codes[i];
      }
    }
    return { rel, abs, sector };
  };
  const r = worst(rowImbalances(table));
  const c = worst(columnImbalances(table));
  return {
    rowMaxRelative: r.rel,
    rowWorstSector: r.sector,
    rowMaxAbsolute: r.abs,
    columnMaxRelative: c.rel,
    columnWorstSector: c.sector,
    columnMaxAbsolute: c.abs,
  };
}

function basePath(source: IoTableLocator): IssuePath {
  return { file: source.file, ...(source.sheet === undefined ? {} : { sheet: source.sheet }) };
}

function rowPath(source: IoTableLocator, i: number, useOutputColumn: boolean): IssuePath {
  const row = source.rowOf(i);
  const col = useOutputColumn ? source.outputColumn : undefined;
  return {
    ...basePath(source),
    ...(row === undefined ? {} : { row }),
    ...(col === undefined ? {} : { column: col.column, columnName: col.name }),
  };
}

function colPath(source: IoTableLocator, j: number, useOutputRow: boolean): IssuePath {
  const column = source.colOf(j);
  const name = source.columnNameOf(j);
  return {
    ...basePath(source),
    ...(useOutputRow && source.outputRow !== undefined ? { row: source.outputRow } : {}),
    ...(column === undefined ? {} : { column }),
    ...(name === undefined ? {} : { columnName: name }),
  };
}

/** The cell of imported flow (i, j) of a non-competitive table: its import row when known, else the domestic row. */
function importCellPath(source: IoTableLocator, i: number, j: number): IssuePath {
  const path = cellPath(source, i, j);
  const row = source.importRowOf?.(i);
  return row === undefined ? path : { ...path, row };
}

function cellPath(source: IoTableLocator, i: number, j: number): IssuePath {
  const row = source.rowOf(i);
  const column = source.colOf(j);
  const name = source.columnNameOf(j);
  return {
    ...basePath(source),
    ...(row === undefined ? {} : { row }),
    ...(column === undefined ? {} : { column }),
    ...(name === undefined ? {} : { columnName: name }),
  };
}

/**
 * Validates an IO table (投入产出表校验): shape, codes, finiteness, signs, zero output, productivity
 * and the accounting identities (spec §5.2), each issue located in the source file.
 *
 * Checks, in order (codes in src/data/issues.ts):
 * - `not_square`: Z is n×n with n = number of sectors = length of x (and of every vector/row).
 * - `duplicate_sector_code`.
 * - `non_numeric_cell`: a non-finite value in Z, final demand, imports, other, value added or x.
 * - `negative_flow`: z_ij < 0 (error). Final demand may be negative (inventory changes, NBS `ERR`).
 *   Non-competitive tables (`Zdomestic` present): the domestic flow zdom_ij and the imported flow
 *   z_ij − zdom_ij are each checked (params.block "domestic" / "imported"; the imported one located at
 *   the import row, `locator.importRowOf`), so a negative part is not hidden by a positive sum.
 * - `invalid_value` (params.block "output"): x_i < 0, at the output cell.
 * - `zero_output_with_inputs`: x_j = 0 with non-zero column or row of Z (error); with
 *   `zeroOutput: "error"` every zero-output sector is reported.
 * - `not_productive`: ρ(A) ≥ 1 for A = Z·diag(1/x) (x_j = 0 → column 0). Settled by ρ ≤ max column
 *   sum when that is < 1, else by `spectralRadiusNonnegative` (core/linalg; certified Collatz–Wielandt
 *   bounds): error when the lower bound ≥ 1.
 * - `out_of_balance` (error): row identity Σ_j z_ij + Σ_k f_ik − m_i + o_i = x_i; column identity
 *   Σ_i z_ij + Σ_r v_rj = x_j when value-added rows exist; x = total input when `totalInput` is given.
 *   Tolerance: |d| ≤ max(balanceTolerance·|x|, absoluteTolerance).
 * - `out_of_balance` (warning, params.summary = true): one per checked identity, the largest relative
 *   imbalance even when within tolerance, so every import reports how well the table balances.
 *
 * @param table the table to check
 * @param source physical positions (see {@link IoTableLocator})
 * @param options see {@link ValidateIoOptions}
 * @returns all issues found (empty when the table is clean — except the summary warnings)
 * @example
 * validateIoTable(table, locator).filter((i) => i.severity === "error") // => []
 * @see Miller & Blair (2009) §2.2 (accounting identities), Hawkins & Simon (1949)
 * Complexity O(n²) (O(k·n²) when the spectral bracket is needed).
 */
export function validateIoTable(table: IoTable, source: IoTableLocator, options: ValidateIoOptions = {}): DataIssue[] {
  const rtol = options.balanceTolerance ?? DEFAULT_BALANCE_TOLERANCE;
  const atol = options.absoluteTolerance ?? 0;
  const zeroOutput = options.zeroOutput ?? "zero_column";
  const issues: DataIssue[] = [];
  const n = table.sectors.length;
  const { Z } = table;

  // shape
  const shapeOk =
    Z.rows === n &&
    Z.cols === n &&
    table.output.length === n &&
    table.finalDemand.rows === n &&
    table.finalDemand.cols === table.finalDemandCodes.length &&
    (table.imports === undefined || table.imports.length === n) &&
    (table.otherColumn === undefined || table.otherColumn.length === n) &&
    (table.Zdomestic === undefined || (table.Zdomestic.rows === n && table.Zdomestic.cols === n)) &&
    (table.valueAdded ?? []).every((r) => r.values.length === n);
  if (!shapeOk) {
    issues.push(
      issue("not_square", basePath(source), {
        rows: Z.rows,
        cols: Z.cols,
        sectors: n,
        output: table.output.length,
        finalDemandRows: table.finalDemand.rows,
      }),
    );
    return issues;
  }

  // codes
  const firstIndex = new Map<string, number>();
  table.sectors.forEach((s, i) => {
    const first = firstIndex.get(s.code);
    if (first === undefined) firstIndex.set(s.code, i);
    else
      issues.push(
        issue("duplicate_sector_code", rowPath(source, i, false), { code: s.code, firstRow: source.rowOf(first) }),
      );
  });

  // finiteness and signs (for a non-competitive table the domestic and imported parts are checked
  // separately below, at their own cells, instead of their sum)
  const Zdom = table.Zdomestic;
  let finite = true;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const v = Z.data[i * n + j] as number;
      if (!Number.isFinite(v)) {
        finite = false;
        issues.push(issue("non_numeric_cell", cellPath(source, i, j), { value: String(v), block: "Z" }));
      } else if (Zdom === undefined && v < 0) {
        issues.push(
          issue("negative_flow", cellPath(source, i, j), {
            value: v,
            from: table.sectors[i]?.code,
            to: table.sectors[j]?.code,
          }),
        );
      }
    }
  }
  if (Zdom !== undefined) {
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const d = Zdom.data[i * n + j] as number;
        const total = Z.data[i * n + j] as number;
        if (!Number.isFinite(d)) {
          finite = false;
          issues.push(issue("non_numeric_cell", cellPath(source, i, j), { value: String(d), block: "Zdomestic" }));
          continue;
        }
        if (!Number.isFinite(total)) continue;
        const from = table.sectors[i]?.code;
        const to = table.sectors[j]?.code;
        if (d < 0)
          issues.push(issue("negative_flow", cellPath(source, i, j), { value: d, block: "domestic", from, to }));
        // imported use z_ij − zdom_ij; exact: fl(a + b) − a ≥ 0 whenever b ≥ 0, so a negative difference is real
        const imported = total - d;
        if (imported < 0) {
          issues.push(
            issue("negative_flow", importCellPath(source, i, j), { value: imported, block: "imported", from, to }),
          );
        }
      }
    }
  }
  const vectors: [string, ArrayLike<number> | undefined][] = [
    ["output", table.output],
    ["imports", table.imports],
    ["other", table.otherColumn],
  ];
  for (const [block, v] of vectors) {
    if (v === undefined) continue;
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(v[i] as number)) {
        finite = false;
        issues.push(issue("non_numeric_cell", rowPath(source, i, block === "output"), { value: String(v[i]), block }));
      }
    }
  }
  for (let k = 0; k < table.finalDemand.data.length; k++) {
    if (!Number.isFinite(table.finalDemand.data[k] as number)) {
      finite = false;
      const i = Math.floor(k / table.finalDemand.cols);
      issues.push(
        issue("non_numeric_cell", rowPath(source, i, false), {
          value: String(table.finalDemand.data[k]),
          block: "final_demand",
          category: table.finalDemandCodes[k % table.finalDemand.cols],
        }),
      );
    }
  }
  for (const row of table.valueAdded ?? []) {
    for (let j = 0; j < n; j++) {
      if (!Number.isFinite(row.values[j] as number)) {
        finite = false;
        issues.push(
          issue("non_numeric_cell", colPath(source, j, false), {
            value: String(row.values[j]),
            block: "value_added",
            row: row.code,
          }),
        );
      }
    }
  }
  if (!finite) return issues;

  // gross output must be nonnegative (A = Z·diag(1/x) and every share need x ≥ 0; the core refuses x < 0)
  for (let i = 0; i < n; i++) {
    const x = table.output[i] as number;
    if (x < 0) {
      issues.push(
        issue("invalid_value", rowPath(source, i, true), {
          block: "output",
          sector: table.sectors[i]?.code,
          value: x,
          expected: ">= 0",
        }),
      );
    }
  }

  // zero output
  const colSum = new Float64Array(n);
  const rowSum = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const v = Math.abs(Z.data[i * n + j] as number);
      colSum[j] = (colSum[j] as number) + v;
      rowSum[i] = (rowSum[i] as number) + v;
    }
  }
  for (let j = 0; j < n; j++) {
    if ((table.output[j] as number) !== 0) continue;
    const inputs = colSum[j] as number;
    const deliveries = rowSum[j] as number;
    if (inputs !== 0 || deliveries !== 0 || zeroOutput === "error") {
      issues.push(
        issue("zero_output_with_inputs", rowPath(source, j, true), {
          sector: table.sectors[j]?.code,
          inputs,
          deliveries,
          policy: zeroOutput,
        }),
      );
    }
  }

  // productivity (only meaningful for nonnegative Z)
  if (options.checkProductive ?? true) {
    const negative = issues.some((i) => i.code === "negative_flow");
    if (!negative) {
      let maxColumnSum = 0;
      for (let j = 0; j < n; j++) {
        const x = table.output[j] as number;
        if (x > 0) maxColumnSum = Math.max(maxColumnSum, (colSum[j] as number) / x);
      }
      if (maxColumnSum >= 1) {
        const A = new Float64Array(n * n);
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < n; j++) {
            const x = table.output[j] as number;
            A[i * n + j] = x > 0 ? (Z.data[i * n + j] as number) / x : 0;
          }
        }
        const b = spectralRadiusNonnegative(matrix(n, n, A), { maxIterations: 1000, tolerance: 1e-10 });
        if (b.lower >= 1) {
          issues.push(
            issue("not_productive", basePath(source), {
              spectralRadius: b.value,
              lower: b.lower,
              upper: b.upper,
            }),
          );
        }
      }
    }
  }

  // balances
  const within = (d: number, x: number) => Math.abs(d) <= Math.max(rtol * Math.abs(x), atol);
  const checkAxis = (axis: "row" | "column" | "total_input", d: Float64Array) => {
    let worstRel = 0;
    let worstIndex = -1;
    for (let i = 0; i < n; i++) {
      const di = d[i] as number;
      const x = table.output[i] as number;
      const rel = x !== 0 ? Math.abs(di) / Math.abs(x) : di === 0 ? 0 : Number.POSITIVE_INFINITY;
      if (!within(di, x)) {
        const path = axis === "row" ? rowPath(source, i, true) : colPath(source, i, true);
        issues.push(
          issue("out_of_balance", path, {
            axis,
            sector: table.sectors[i]?.code,
            imbalance: di,
            output: x,
            relative: rel,
            tolerance: rtol,
            absoluteTolerance: atol,
          }),
        );
      }
      if (x !== 0 && rel > worstRel) {
        worstRel = rel;
        worstIndex = i;
      }
    }
    issues.push(
      issue(
        "out_of_balance",
        worstIndex < 0
          ? basePath(source)
          : axis === "row"
            ? rowPath(source, worstIndex, true)
            : colPath(source, worstIndex, true),
        {
          axis,
          summary: true,
          sector: worstIndex < 0 ? null : table.sectors[worstIndex]?.code,
          relative: worstRel,
          tolerance: rtol,
          absoluteTolerance: atol,
        },
        "warning",
      ),
    );
  };
  checkAxis("row", rowImbalances(table));
  const cols = columnImbalances(table);
  if (cols !== undefined) checkAxis("column", cols);
  if (options.totalInput !== undefined) {
    const d = new Float64Array(n);
    for (let j = 0; j < n; j++) d[j] = (options.totalInput[j] as number) - (table.output[j] as number);
    checkAxis("total_input", d);
  }
  return issues;
}

/** Id of the provenance step that records how a table was validated. */
export const VALIDATION_STEP = "validate_io_table";

/**
 * The provenance step recording a validation: the options used (so the same check can be repeated on
 * the stored table, see {@link recordedValidationOptions}) and the largest relative imbalances.
 */
export function validationStep(options: ValidateIoOptions, issues: readonly DataIssue[]): TransformationStep {
  const summary = (axis: string) => {
    const s = issues.find((i) => i.code === "out_of_balance" && i.params.summary === true && i.params.axis === axis);
    return s === undefined ? null : (s.params.relative as number);
  };
  return step(VALIDATION_STEP, {
    balanceTolerance: options.balanceTolerance ?? DEFAULT_BALANCE_TOLERANCE,
    absoluteTolerance: options.absoluteTolerance ?? 0,
    zeroOutput: options.zeroOutput ?? "zero_column",
    rowMaxRelative: summary("row"),
    columnMaxRelative: summary("column"),
    totalInputMaxRelative: summary("total_input"),
    errors: issues.filter((i) => i.severity === "error").length,
  });
}

/**
 * The validation options recorded when a dataset was read (its last `validate_io_table` step), so a
 * stored table is re-validated with the tolerances that suit it (OECD and WIOD need the rounding
 * floor); the defaults when none was recorded.
 * @example validateIoTable(table, locator, recordedValidationOptions(meta))
 */
export function recordedValidationOptions(meta: Pick<DatasetMeta, "provenance">): ValidateIoOptions {
  const steps = meta.provenance.transformations.filter((t) => t.step === VALIDATION_STEP);
  const last = steps[steps.length - 1];
  if (last === undefined) return {};
  const p = last.params;
  return {
    ...(typeof p.balanceTolerance === "number" ? { balanceTolerance: p.balanceTolerance } : {}),
    ...(typeof p.absoluteTolerance === "number" ? { absoluteTolerance: p.absoluteTolerance } : {}),
    ...(p.zeroOutput === "error" || p.zeroOutput === "zero_column" ? { zeroOutput: p.zeroOutput } : {}),
  };
}
