/**
 * Reader for the World Input-Output Table, WIOD 2013 release (世界投入产出表), as staged from the R
 * package `wiod` (data/shipped/wiod2013-bquast/): intermediate use, final use and output in three
 * CSVs plus the industry list.
 */
import type { IoTable, SectorLabel } from "../../core/index.js";
import { matrix } from "../../core/index.js";
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
  step,
  withSteps,
} from "./common.js";
import { type ValidateIoOptions, validateIoTable, validationStep, WIOD_BALANCE_TOLERANCE } from "./validate.js";

export interface WiodRawTables {
  /** `wiot_YYYY_inter.csv`: first column = row label `<ISO3>_c<k>`, then one column per sector */
  readonly inter: RawTable;
  /** `wiot_YYYY_final.csv`: first column = row label, then `<ISO3>_<CONS_h|CONS_np|CONS_g|GFCF|INVEN>` */
  readonly final: RawTable;
  /** `wiot_YYYY_output.csv`: columns `id, country, industry, output` */
  readonly output: RawTable;
  /** `wiot_industries_35.csv`: columns `code, name` */
  readonly industries: RawTable;
}

export interface ReadWiodOptions extends IoReaderMetaOptions {
  /** @default 2011 */
  readonly year?: number;
  /** @default {balanceTolerance: 1e-4, absoluteTolerance: 0.5·(n + m + 1), zeroOutput: "zero_column"} */
  readonly validate?: ValidateIoOptions | false;
}

/**
 * Reads a WIOD 2013-release world table (世界投入产出表, million USD, integer-rounded).
 *
 * Layout `wiod_2013`: n = 41 countries × 35 industries = 1435 sectors coded `<ISO3>_c<k>` (country-
 * major order), Z = `inter` (n×n), final demand = `final` (n × 205: 41 countries × CONS_h, CONS_np,
 * CONS_g, GFCF, INVEN — categories kept per destination country, codes as in the file), x = `output`.
 * A world table has no import column and this package object no value-added block, so only the row
 * identity Σz + Σf = x is checked. Labels were inferred at staging (see PROVENANCE.md).
 *
 * Validation: cells were rounded to integers, so a row identity over k = n + m + 1 rounded numbers can
 * be off by up to 0.5·k ≈ 820 million USD (observed maximum: 108); the check uses relative tolerance
 * 1e-4 with that absolute floor. 22 sectors have zero output and all-zero rows and columns (e.g.
 * `CHN_c19`, `*_c35`): accepted under `zeroOutput: "zero_column"`.
 *
 * @param raw the four raw tables
 * @param options dataset description, validation options
 * @returns `{meta, table, layout: "wiod_2013", locator}` (locator positions refer to `inter`)
 * @example readWiod({ inter, final, output, industries }) // ok; 1435 sectors; Σ x over CHN_* ≈ 2.227e7
 * @see Timmer et al. (2015), "An Illustrated User Guide to the World Input–Output Database", RIE 23(3)
 */
export function readWiod(raw: WiodRawTables, options: ReadWiodOptions = {}): DataResult<IoTableReadResult> {
  const issues: DataIssue[] = [];
  const year = options.year ?? 2011;

  // industry names
  const cIndCode = columnIndex(raw.industries, "code");
  const cIndName = columnIndex(raw.industries, "name");
  if (cIndCode < 0) issues.push(issue("missing_column", headerPath(raw.industries), { column: "code" }));
  if (cIndName < 0) issues.push(issue("missing_column", headerPath(raw.industries), { column: "name" }));
  const cOutId = columnIndex(raw.output, "id");
  const cOut = columnIndex(raw.output, "output");
  if (cOutId < 0) issues.push(issue("missing_column", headerPath(raw.output), { column: "id" }));
  if (cOut < 0) issues.push(issue("missing_column", headerPath(raw.output), { column: "output" }));
  if (hasErrors(issues)) return { ok: false, issues };
  const industryNames = new Map<string, string>();
  for (const row of raw.industries.rows) industryNames.set((row[cIndCode] ?? "").trim(), (row[cIndName] ?? "").trim());

  // sector labels: inter header (columns 2…) must equal inter row labels, final row labels and output ids
  const colCodes = raw.inter.header.slice(1).map((h) => h.trim());
  const n = colCodes.length;
  const interRows = raw.inter.rows.map((r) => (r[0] ?? "").trim());
  const finalRows = raw.final.rows.map((r) => (r[0] ?? "").trim());
  const outIds = raw.output.rows.map((r) => (r[cOutId] ?? "").trim());
  issues.push(
    ...duplicateCodeIssues(
      colCodes.map((code, k) => ({ code, column: k + 2, columnName: code })),
      raw.inter,
    ),
  );
  const same = (a: readonly string[]) => a.length === n && a.every((c, k) => c === colCodes[k]);
  if (n === 0 || !same(interRows))
    issues.push(issue("not_square", headerPath(raw.inter), { rows: interRows.length, cols: n }));
  if (!same(finalRows))
    issues.push(issue("not_square", headerPath(raw.final), { block: "final", rows: finalRows.length, expected: n }));
  if (!same(outIds))
    issues.push(issue("not_square", headerPath(raw.output), { block: "output", rows: outIds.length, expected: n }));
  if (hasErrors(issues)) return { ok: false, issues };

  const sectors: SectorLabel[] = colCodes.map((code) => {
    const industry = code.slice(code.indexOf("_") + 1);
    const name = industryNames.get(industry);
    return name === undefined ? { code } : { code, nameEn: `${code.slice(0, 3)}: ${name}` };
  });
  const inter = new CellReader(raw.inter);
  const fin = new CellReader(raw.final);
  const out = new CellReader(raw.output);
  const Z = matrix(n, n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) Z.data[i * n + j] = inter.number(i, j + 1);
  const fdCodes = raw.final.header.slice(1).map((h) => h.trim());
  const m = fdCodes.length;
  const Y = matrix(n, m);
  for (let i = 0; i < n; i++) for (let k = 0; k < m; k++) Y.data[i * m + k] = fin.number(i, k + 1);
  const output = new Float64Array(n);
  for (let i = 0; i < n; i++) output[i] = out.number(i, cOut, true);
  issues.push(...inter.issues, ...fin.issues, ...out.issues);
  if (hasErrors(issues)) return { ok: false, issues };

  const table: IoTable = { sectors, Z, finalDemand: Y, finalDemandCodes: fdCodes, output };
  const locator: IoTableLocator = {
    file: raw.inter.file,
    rowOf: (i) => (i < n ? inter.physicalRow(i) : undefined),
    colOf: (j) => (j < n ? j + 2 : undefined),
    columnNameOf: (j) => colCodes[j],
  };
  const warnings: DataIssue[] = [];
  let validation: TransformationStep | undefined;
  if (options.validate !== false) {
    const defaults: ValidateIoOptions = {
      balanceTolerance: WIOD_BALANCE_TOLERANCE,
      absoluteTolerance: 0.5 * (n + m + 1),
      zeroOutput: "zero_column",
    };
    const vopts: ValidateIoOptions = { ...defaults, ...(options.validate ?? {}) };
    const found = validateIoTable(table, locator, vopts);
    if (hasErrors(found)) return { ok: false, issues: found };
    warnings.push(...found);
    validation = validationStep(vopts, found);
  }
  const meta = makeMeta({
    id: options.id ?? `wiod-${year}`,
    titleZh: options.titleZh ?? `世界投入产出表（WIOD 2013年版）${year}年`,
    titleEn: options.titleEn ?? `World Input-Output Table (WIOD 2013 release), ${year}`,
    region: options.region ?? "WORLD",
    year,
    dimensions: { sectors: n, finalDemand: m, countries: new Set(colCodes.map((c) => c.slice(0, 3))).size },
    classification: options.classification ?? { system: "wiod-2013", version: "2013" },
    unit: "usd_million",
    importTreatment: "competitive",
    provenance: withSteps(options.provenance ?? defaultProvenance(raw.inter.file), [
      step("parse_wiod_2013", {
        sectors: n,
        finalDemandColumns: m,
        files: [raw.inter.file, raw.final.file, raw.output.file, raw.industries.file],
        emptyCellsAsZero: inter.emptyAsZero + fin.emptyAsZero,
      }),
      ...(validation === undefined ? [] : [validation]),
    ]),
  });
  return { ok: true, value: { meta, table, layout: "wiod_2013", locator }, warnings };
}
