/**
 * Reader for the OECD national Input-Output Tables, 2021 edition (OECD 投入产出表), one country-year
 * per file, in the layout of the R package `ionet` (as staged in data/shipped/ionet-oecd-iot-chn/).
 */
import type { IoTable, SectorLabel } from "../../core/index.js";
import { matrix } from "../../core/index.js";
import { OECD_IOT_2021_CLASSIFICATION, OECD_IOT_2021_INDUSTRIES } from "../classification/oecd-iot-2021.js";
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

/** OECD final-demand columns read as categories (IMPO is read separately as −imports). */
export const OECD_FINAL_DEMAND_COLUMNS: readonly string[] = [
  "HFCE",
  "NPISH",
  "GGFC",
  "GFCF",
  "INVNT",
  "CONS_ABR",
  "CONS_NONRES",
  "EXPO",
];

/** OECD input rows below the industries that, with VALU, close the column identity. */
export const OECD_INPUT_ROWS: readonly string[] = ["TXS_IMP_FNL", "TXS_INT_FNL", "VALU"];

export interface ReadOecdOptions extends IoReaderMetaOptions {
  readonly year: number;
  /** ISO3 country code (for the id and titles) @default "CHN" */
  readonly country?: string;
  /** @default {} */
  readonly validate?: ValidateIoOptions | false;
}

const SECTOR_CODE = /^\d{2}$/;

/**
 * Reads an OECD IOT 2021-edition table (OECD 投入产出表, total flows, basic prices, million USD).
 *
 * Layout `oecd_iot_2021`: columns `Code, Description, 01…45, HFCE, NPISH, GGFC, GFCF, INVNT, CONS_ABR,
 * CONS_NONRES, EXPO, IMPO`; rows `01…45, TXS_IMP_FNL, TXS_INT_FNL, TTL_INT_FNL, VALU, OUTPUT`.
 * - Z: rows × columns 01…45 ("total" domestic + imported flows ⇒ competitive treatment).
 * - Final demand: the eight categories above; imports m = −IMPO (IMPO is printed negative).
 * - x: row `OUTPUT` (there is no output column). Row identity Σz + Σf − m = x holds to ~1e-5 rel.
 * - Input rows (`valueAdded`): `TXS_IMP_FNL` and `TXS_INT_FNL` (taxes less subsidies on products —
 *   not value added, but needed for the column identity Σz + taxes + VALU = x) and `VALU` (value added
 *   at basic prices). Total value added = the `VALU` row only. `TTL_INT_FNL` (a total) is not read.
 * - Names: the file's `Description` (en); zh from {@link OECD_IOT_2021_INDUSTRIES} (unofficial
 *   translation).
 * Validation default: relative tolerance 1e-6 with an absolute floor 0.05·(n + m + 2) million USD,
 * the exact rounding bound for sums of cells printed to one decimal (observed maximum 0.8).
 * Industry 45 (households as employers) is all zero in the China tables: a zero-output sector.
 *
 * @param raw raw table of one `oecd_iot2021_chn_YYYY.csv`
 * @param options year, country, dataset description, validation options
 * @returns `{meta, table, layout: "oecd_iot_2021", locator}` or the issues
 * @example readOecdIot(raw, { year: 2018 }) // ok; Σ VALU ≈ 1.279e7 million USD
 * @see OECD Input-Output Tables 2021 ed., http://oe.cd/i-o; spec/methods.md §5.2
 */
export function readOecdIot(raw: RawTable, options: ReadOecdOptions): DataResult<IoTableReadResult> {
  const issues: DataIssue[] = [];
  const hp = headerPath(raw);
  const cCode = columnIndex(raw, "Code");
  const cDesc = columnIndex(raw, "Description");
  if (cCode < 0) issues.push(issue("missing_column", hp, { column: "Code" }));
  const fdCols = OECD_FINAL_DEMAND_COLUMNS.map((c) => columnIndex(raw, c));
  OECD_FINAL_DEMAND_COLUMNS.forEach((c, k) => {
    if ((fdCols[k] as number) < 0) issues.push(issue("missing_column", hp, { column: c }));
  });
  const cImpo = columnIndex(raw, "IMPO");
  if (cImpo < 0) issues.push(issue("missing_column", hp, { column: "IMPO" }));
  if (hasErrors(issues)) return { ok: false, issues };

  const { columns: sectorCols, codes: colCodes, issues: columnIssues } = sectorColumns(raw, SECTOR_CODE);
  issues.push(...columnIssues);
  const cells = new CellReader(raw);
  const sectorRows: number[] = [];
  const inputRows = new Map<string, number>();
  let outputRow = -1;
  raw.rows.forEach((row, r) => {
    const code = (row[cCode] ?? "").trim();
    if (SECTOR_CODE.test(code)) sectorRows.push(r);
    else if (OECD_INPUT_ROWS.includes(code)) inputRows.set(code, r);
    else if (code === "OUTPUT") outputRow = r;
  });
  const rowCodes = sectorRows.map((r) => cells.text(r, cCode).trim());
  issues.push(
    ...duplicateCodeIssues(
      sectorRows.map((r, k) => ({ code: rowCodes[k] as string, row: cells.physicalRow(r) })),
      raw,
    ),
  );
  const n = colCodes.length;
  if (n === 0 || rowCodes.length !== n || rowCodes.some((c, k) => c !== colCodes[k])) {
    issues.push(issue("not_square", hp, { rows: rowCodes.length, cols: n, rowCodes, colCodes }));
  }
  if (outputRow < 0) issues.push(issue("missing_column", hp, { column: "OUTPUT", reason: "missing_row" }));
  if (hasErrors(issues)) return { ok: false, issues };

  const names = new Map(OECD_IOT_2021_INDUSTRIES.map((s) => [s.code, s]));
  const sectors: SectorLabel[] = sectorRows.map((r, k) => {
    const code = rowCodes[k] as string;
    const known = names.get(code);
    const en = cDesc >= 0 ? cells.text(r, cDesc).trim() : "";
    return {
      code,
      nameEn: en !== "" ? en : (known?.nameEn ?? code),
      ...(known === undefined ? {} : { nameZh: known.nameZh }),
    };
  });
  const m = fdCols.length;
  const Z = matrix(n, n);
  const Y = matrix(n, m);
  const imports = new Float64Array(n);
  const output = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const r = sectorRows[i] as number;
    for (let j = 0; j < n; j++) Z.data[i * n + j] = cells.number(r, sectorCols[j] as number);
    for (let k = 0; k < m; k++) Y.data[i * m + k] = cells.number(r, fdCols[k] as number);
    const impo = cells.number(r, cImpo);
    imports[i] = impo === 0 ? 0 : -impo;
  }
  for (let j = 0; j < n; j++) output[j] = cells.number(outputRow, sectorCols[j] as number, true);
  const valueAdded = OECD_INPUT_ROWS.filter((c) => inputRows.has(c)).map((code) => {
    const r = inputRows.get(code) as number;
    const values = new Float64Array(n);
    for (let j = 0; j < n; j++) values[j] = cells.number(r, sectorCols[j] as number);
    return { code, values };
  });
  issues.push(...cells.issues);
  if (hasErrors(issues)) return { ok: false, issues };

  const table: IoTable = {
    sectors,
    Z,
    finalDemand: Y,
    finalDemandCodes: [...OECD_FINAL_DEMAND_COLUMNS],
    imports,
    ...(valueAdded.length === 0 ? {} : { valueAdded }),
    output,
  };
  const locator: IoTableLocator = {
    file: raw.file,
    ...(raw.sheet === undefined ? {} : { sheet: raw.sheet }),
    rowOf: (i) => (sectorRows[i] === undefined ? undefined : cells.physicalRow(sectorRows[i] as number)),
    colOf: (j) => (sectorCols[j] === undefined ? undefined : (sectorCols[j] as number) + 1),
    columnNameOf: (j) => (sectorCols[j] === undefined ? undefined : raw.header[sectorCols[j] as number]),
    outputRow: cells.physicalRow(outputRow),
  };
  const warnings: DataIssue[] = [];
  let validation: TransformationStep | undefined;
  if (options.validate !== false) {
    // cells are printed to 0.1 million USD: a sum of k rounded cells is exact to 0.05·k
    const rounding = { balanceTolerance: 1e-6, absoluteTolerance: 0.05 * (n + m + 2) };
    const vopts: ValidateIoOptions = { ...rounding, ...(options.validate ?? {}) };
    const found = validateIoTable(table, locator, vopts);
    if (hasErrors(found)) return { ok: false, issues: found };
    warnings.push(...found);
    validation = validationStep(vopts, found);
  }
  const country = options.country ?? "CHN";
  const meta = makeMeta({
    id: options.id ?? `${country === "CHN" ? "cn" : country.toLowerCase()}-oecd-iot-${options.year}`,
    titleZh: options.titleZh ?? `OECD投入产出表（2021年版）${country} ${options.year}年`,
    titleEn: options.titleEn ?? `OECD Input-Output Table (2021 ed.), ${country} ${options.year}`,
    region: options.region ?? (country === "CHN" ? "CN" : country),
    year: options.year,
    dimensions: { sectors: n, finalDemand: m, valueAdded: valueAdded.length },
    classification: options.classification ?? OECD_IOT_2021_CLASSIFICATION,
    unit: "usd_million",
    importTreatment: "competitive",
    provenance: withSteps(options.provenance ?? defaultProvenance(raw.file), [
      step("parse_oecd_iot_2021", {
        sectors: n,
        finalDemandColumns: [...OECD_FINAL_DEMAND_COLUMNS],
        imports: "m = -IMPO",
        inputRows: valueAdded.map((v) => v.code),
        valueAddedRow: "VALU",
        output: "row OUTPUT",
        emptyCellsAsZero: cells.emptyAsZero,
      }),
      ...(validation === undefined ? [] : [validation]),
    ]),
  });
  return { ok: true, value: { meta, table, layout: "oecd_iot_2021", locator }, warnings };
}
