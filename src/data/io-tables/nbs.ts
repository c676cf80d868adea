/**
 * Reader for the NBS China input–output tables (国家统计局投入产出表) in the column layout of the R
 * package `ionet` (as staged in data/shipped/ionet-nbs-io/): one row per product sector plus input
 * rows, one column per using sector plus final-use columns.
 */
import type { IoTable, SectorLabel } from "../../core/index.js";
import { matrix } from "../../core/index.js";
import type { ClassificationRef } from "../dataset.js";
import type { RawTable } from "../ingest/raw-table.js";
import { type DataIssue, type DataResult, issue } from "../issues.js";
import type { TransformationStep } from "../provenance.js";
import {
  CellReader,
  columnIndex,
  defaultProvenance,
  duplicateCodeIssues,
  hasErrors,
  headerPath,
  type IoReaderMetaOptions,
  type IoTableLocator,
  type IoTableReadResult,
  makeMeta,
  sectorColumns,
  step,
  withSteps,
} from "./common.js";
import { type ValidateIoOptions, validateIoTable, validationStep } from "./validate.js";

/** NBS final-use columns that are totals of other columns; never read as final-demand categories. */
export const NBS_TOTAL_COLUMNS: readonly string[] = ["TIU", "THC", "TC", "GCF", "TFU"];

export interface ReadNbsOptions extends IoReaderMetaOptions {
  /** the table year */
  readonly year: number;
  /** validation options, or `false` to skip validation (structure is always checked) @default {} */
  readonly validate?: ValidateIoOptions | false;
}

const SECTOR_CODE = /^\d{2,3}$/;
const VA_CODE = /^VA\d{3}$/;

/**
 * Chooses the final-demand component columns present in an NBS header: the finest available split
 * of consumption (FU101 rural + FU102 urban household + FU103 government; else THC + FU103; else TC),
 * of capital formation (FU201 GFCF + FU202 inventories; else GCF) and exports EX. Totals (TIU, THC,
 * TC, GCF, TFU) are excluded unless they are the finest level available, so Σ categories never double
 * counts. Imports (IM) and ERR are separate vectors, not categories.
 * @param header the header cells
 * @returns the chosen column codes in header order of the groups
 * @example nbsFinalDemandColumns(["TIU","FU101","FU102","THC","FU103","TC","FU201","FU202","GCF","EX","TFU","IM","ERR","GO"])
 * // => ["FU101","FU102","FU103","FU201","FU202","EX"]
 * @example nbsFinalDemandColumns(["TIU","TC","FU201","FU202","EX","TFU","GO"]) // => ["TC","FU201","FU202","EX"]
 */
export function nbsFinalDemandColumns(header: readonly string[]): string[] {
  const has = (c: string) => header.includes(c);
  const out: string[] = [];
  if (has("FU101") && has("FU102") && has("FU103")) out.push("FU101", "FU102", "FU103");
  else if (has("THC") && has("FU103")) out.push("THC", "FU103");
  else if (has("TC")) out.push("TC");
  else for (const c of ["FU101", "FU102", "THC", "FU103"]) if (has(c)) out.push(c);
  if (has("FU201") && has("FU202")) out.push("FU201", "FU202");
  else if (has("GCF")) out.push("GCF");
  else for (const c of ["FU201", "FU202"]) if (has(c)) out.push(c);
  if (has("EX")) out.push("EX");
  return out;
}

/** Classification of an NBS table by year and sector count (the table's own code list). */
export function nbsClassification(year: number, sectors: number): ClassificationRef {
  if (sectors <= 42) {
    if (year >= 2017) return { system: "nbs-io-42-2017", version: String(year) };
    if (year >= 2012) return { system: "nbs-io-42-2012", version: String(year) };
    if (year >= 2007) return { system: `nbs-io-${sectors}-2007`, version: String(year) };
    return { system: `nbs-io-${sectors}-2002`, version: String(year) };
  }
  return { system: `nbs-io-${sectors}-${year === 2020 && sectors === 153 ? 2018 : year}`, version: String(year) };
}

/**
 * Reads an NBS input–output table (国家统计局投入产出表) from a raw table in the `ionet` column layout.
 *
 * Layouts (`layout` in the result):
 * - `nbs_competitive_42` (2015 42, 2010 41, 2005 42) and `nbs_competitive_detailed` (2012 139, 2017 149,
 *   2018/2020 153): columns `Code, Description, DescriptionInChinese, <sector codes>, TIU, FU…, EX, [TFU],
 *   IM, [ERR], GO`; rows `<sector codes>, TII, VA001…VA004, TVA, TI`. Z includes imported use;
 *   imports = `IM` (positive, subtracted in the row identity); other = `ERR`.
 * - `nbs_noncompetitive_42` (2017/2018/2020 42): extra column `Origin` = `Domestic` (rows 1–42),
 *   `Imports` (rows 43–84), `TOT` (input rows); final use `TC, FU201, FU202, EX, TFU, GO`. The result is
 *   the competitive table: Z = Z_dom + Z_imp, `Zdomestic` = Z_dom, final demand = F_dom + F_imp,
 *   `finalDemandDomestic` = F_dom,
 *   imports_i = `GO` of import row i (= Σ_j z_imp,ij + Σ_k f_imp,ik, checked), x = `GO` of the domestic rows.
 *
 * Final-demand categories: {@link nbsFinalDemandColumns}. Value added: rows `VA001` compensation of
 * employees, `VA002` net production taxes, `VA003` depreciation, `VA004` operating surplus. x = `GO`,
 * checked against row `TI` (axis `total_input`). Names: zh from `DescriptionInChinese`, en from
 * `Description`. Empty cells in the numeric blocks are nil flows (0), counted in the provenance step;
 * an empty `GO` is an error. Unit: 万元 (`cny_10k`), current producers' prices.
 *
 * @param raw the raw table (header row = the `Code…` line)
 * @param options year, dataset description, validation options
 * @returns `{meta, table, layout, locator}`, or every structural and validation issue found
 * @example
 * const r = readNbsTable(readCsv(bytes, { file: "china_2015_42.csv" }).value, { year: 2015 });
 * // r.ok && r.value.layout === "nbs_competitive_42" && r.value.table.Z.rows === 42
 * @see data/shipped/PROVENANCE.md; spec/methods.md §5.2
 */
export function readNbsTable(raw: RawTable, options: ReadNbsOptions): DataResult<IoTableReadResult> {
  const issues: DataIssue[] = [];
  const hp = headerPath(raw);
  const idx = (name: string) => columnIndex(raw, name);
  for (const name of ["Code", "Description", "DescriptionInChinese", "GO"]) {
    if (idx(name) < 0) issues.push(issue("missing_column", hp, { column: name }));
  }
  if (hasErrors(issues)) return { ok: false, issues };
  const cCode = idx("Code");
  const cEn = idx("Description");
  const cZh = idx("DescriptionInChinese");
  const cGo = idx("GO");
  const cOrigin = idx("Origin");
  const nonCompetitive = cOrigin >= 0;

  // sector columns
  const { columns: sectorCols, codes: colCodes, issues: columnIssues } = sectorColumns(raw, SECTOR_CODE);
  issues.push(...columnIssues);

  // rows
  const cells = new CellReader(raw);
  const domRows: number[] = [];
  const impRows: number[] = [];
  const vaRows: number[] = [];
  let tiRow = -1;
  raw.rows.forEach((row, r) => {
    const code = (row[cCode] ?? "").trim();
    const origin = nonCompetitive ? (row[cOrigin] ?? "").trim() : "Domestic";
    if (SECTOR_CODE.test(code)) {
      if (origin === "Domestic") domRows.push(r);
      else if (origin === "Imports") impRows.push(r);
      else
        issues.push(
          issue("invalid_value", cells.location(r, cOrigin), { value: origin, expected: ["Domestic", "Imports"] }),
        );
    } else if (VA_CODE.test(code)) vaRows.push(r);
    else if (code === "TI") tiRow = r;
  });
  const rowCodes = domRows.map((r) => cells.text(r, cCode).trim());
  issues.push(
    ...duplicateCodeIssues(
      domRows.map((r, k) => ({ code: rowCodes[k] as string, row: cells.physicalRow(r) })),
      raw,
    ),
  );
  const n = colCodes.length;
  if (n === 0 || rowCodes.length !== n || rowCodes.some((c, k) => c !== colCodes[k])) {
    issues.push(issue("not_square", hp, { rows: rowCodes.length, cols: n, rowCodes, colCodes }));
  }
  if (nonCompetitive) {
    const impCodes = impRows.map((r) => cells.text(r, cCode).trim());
    if (impCodes.length !== n || impCodes.some((c, k) => c !== colCodes[k])) {
      issues.push(issue("not_square", hp, { block: "imports", rows: impCodes.length, cols: n, rowCodes: impCodes }));
    }
  }
  if (hasErrors(issues)) return { ok: false, issues };

  const fdCodes = nbsFinalDemandColumns(raw.header.map((h) => h.trim()));
  const fdCols = fdCodes.map((c) => idx(c));
  const cIm = idx("IM");
  const cErr = idx("ERR");

  const sectors: SectorLabel[] = domRows.map((r, k) => ({
    code: rowCodes[k] as string,
    nameZh: cells.text(r, cZh).trim(),
    nameEn: cells.text(r, cEn).trim(),
  }));
  const Z = matrix(n, n);
  const Y = matrix(n, fdCodes.length);
  const output = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const r = domRows[i] as number;
    for (let j = 0; j < n; j++) Z.data[i * n + j] = cells.number(r, sectorCols[j] as number);
    for (let k = 0; k < fdCols.length; k++) Y.data[i * fdCols.length + k] = cells.number(r, fdCols[k] as number);
    output[i] = cells.number(r, cGo, true);
  }
  let Zdomestic: IoTable["Zdomestic"];
  let finalDemandDomestic: IoTable["finalDemandDomestic"];
  let imports: Float64Array | undefined;
  const importRowBalance: number[] = [];
  if (nonCompetitive) {
    Zdomestic = matrix(n, n, Float64Array.from(Z.data));
    finalDemandDomestic = matrix(n, fdCodes.length, Float64Array.from(Y.data));
    imports = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const r = impRows[i] as number;
      let s = 0;
      for (let j = 0; j < n; j++) {
        const v = cells.number(r, sectorCols[j] as number);
        Z.data[i * n + j] = (Z.data[i * n + j] as number) + v;
        s += v;
      }
      for (let k = 0; k < fdCols.length; k++) {
        const v = cells.number(r, fdCols[k] as number);
        Y.data[i * fdCols.length + k] = (Y.data[i * fdCols.length + k] as number) + v;
        s += v;
      }
      const m = cells.number(r, cGo, true);
      imports[i] = m;
      importRowBalance.push(s - m);
    }
  } else if (cIm >= 0) {
    imports = new Float64Array(n);
    for (let i = 0; i < n; i++) imports[i] = cells.number(domRows[i] as number, cIm);
  }
  let otherColumn: Float64Array | undefined;
  if (cErr >= 0) {
    otherColumn = new Float64Array(n);
    for (let i = 0; i < n; i++) otherColumn[i] = cells.number(domRows[i] as number, cErr);
  }
  const valueAdded = vaRows.map((r) => {
    const values = new Float64Array(n);
    for (let j = 0; j < n; j++) values[j] = cells.number(r, sectorCols[j] as number);
    return { code: cells.text(r, cCode).trim(), values };
  });
  let totalInput: Float64Array | undefined;
  if (tiRow >= 0) {
    totalInput = new Float64Array(n);
    for (let j = 0; j < n; j++) totalInput[j] = cells.number(tiRow, sectorCols[j] as number);
  }
  issues.push(...cells.issues);
  if (hasErrors(issues)) return { ok: false, issues };

  const table: IoTable = {
    sectors,
    Z,
    ...(Zdomestic === undefined ? {} : { Zdomestic }),
    finalDemand: Y,
    finalDemandCodes: fdCodes,
    ...(finalDemandDomestic === undefined ? {} : { finalDemandDomestic }),
    ...(imports === undefined ? {} : { imports }),
    ...(otherColumn === undefined ? {} : { otherColumn }),
    ...(valueAdded.length === 0 ? {} : { valueAdded }),
    output,
  };
  const layout = nonCompetitive ? "nbs_noncompetitive_42" : n <= 42 ? "nbs_competitive_42" : "nbs_competitive_detailed";
  const locator: IoTableLocator = {
    file: raw.file,
    ...(raw.sheet === undefined ? {} : { sheet: raw.sheet }),
    rowOf: (i) => (domRows[i] === undefined ? undefined : cells.physicalRow(domRows[i] as number)),
    ...(nonCompetitive
      ? { importRowOf: (i: number) => (impRows[i] === undefined ? undefined : cells.physicalRow(impRows[i] as number)) }
      : {}),
    colOf: (j) => (sectorCols[j] === undefined ? undefined : (sectorCols[j] as number) + 1),
    columnNameOf: (j) => (sectorCols[j] === undefined ? undefined : raw.header[sectorCols[j] as number]),
    outputColumn: { column: cGo + 1, name: "GO" },
    ...(tiRow >= 0 ? { outputRow: cells.physicalRow(tiRow) } : {}),
  };

  const warnings: DataIssue[] = [];
  let validation: TransformationStep | undefined;
  if (options.validate !== false) {
    const vopts = options.validate ?? {};
    const found = validateIoTable(table, locator, totalInput === undefined ? vopts : { totalInput, ...vopts });
    if (nonCompetitive) {
      const rtol = vopts.balanceTolerance ?? 1e-6;
      importRowBalance.forEach((d, i) => {
        const m = imports?.[i] ?? 0;
        if (Math.abs(d) > Math.max(rtol * Math.abs(m), vopts.absoluteTolerance ?? 0, 1e-9)) {
          found.push(
            issue(
              "out_of_balance",
              { ...cells.location(impRows[i] as number, cGo) },
              {
                axis: "imports_row",
                sector: colCodes[i],
                imbalance: d,
                output: m,
                relative: m === 0 ? null : Math.abs(d / m),
                tolerance: rtol,
              },
            ),
          );
        }
      });
    }
    if (hasErrors(found)) return { ok: false, issues: found };
    warnings.push(...found);
    validation = validationStep(vopts, found);
  }

  const classification = options.classification ?? nbsClassification(options.year, n);
  const steps = [
    step("parse_nbs_io", {
      layout,
      sectors: n,
      finalDemandColumns: fdCodes,
      excludedTotals: NBS_TOTAL_COLUMNS.filter((c) => raw.header.includes(c)),
      imports: nonCompetitive ? "GO of the Imports rows" : cIm >= 0 ? "IM" : null,
      other: cErr >= 0 ? "ERR" : null,
      valueAddedRows: valueAdded.map((v) => v.code),
      emptyCellsAsZero: cells.emptyAsZero,
    }),
  ];
  if (nonCompetitive) {
    steps.push(
      step("sum_domestic_and_imports", {
        Z: "Z = Z_dom + Z_imp",
        finalDemand: "F = F_dom + F_imp",
        imports: "m_i = GO of Imports row i",
        Zdomestic: "kept",
        finalDemandDomestic: "kept (F_dom)",
      }),
    );
  }
  if (validation !== undefined) steps.push(validation);
  const meta = makeMeta({
    id: options.id ?? `cn-nbs-io-${options.year}-${n}`,
    titleZh: options.titleZh ?? `中国${options.year}年投入产出表（${n}部门）`,
    titleEn: options.titleEn ?? `China input-output table ${options.year} (${n} sectors)`,
    region: options.region ?? "CN",
    year: options.year,
    dimensions: { sectors: n, finalDemand: fdCodes.length, valueAdded: valueAdded.length },
    classification,
    unit: "cny_10k",
    importTreatment: nonCompetitive ? "non_competitive" : "competitive",
    provenance: withSteps(options.provenance ?? defaultProvenance(raw.file), steps),
  });
  return { ok: true, value: { meta, table, layout, locator }, warnings };
}
