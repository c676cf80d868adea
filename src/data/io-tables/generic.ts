/**
 * Reader for the generic IO-table template (通用投入产出表模板) that users fill in to import their own
 * tables (documented in docs/data.md; example: data/templates/io-generic-template.csv).
 */
import type { IoTable, SectorLabel } from "../../core/index.js";
import { matrix } from "../../core/index.js";
import { CURRENCY_UNITS, isCurrencyUnit, resolveUnit, type Unit } from "../dataset.js";
import type { RawTable } from "../ingest/raw-table.js";
import { type DataIssue, type DataResult, type IssuePath, issue } from "../issues.js";
import type { TransformationStep } from "../provenance.js";
import {
  CellReader,
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
import { type ValidateIoOptions, validateIoTable, validationStep } from "./validate.js";

export interface ReadGenericOptions extends IoReaderMetaOptions {
  /**
   * Unit of all money cells (a `Unit` id or an alias such as `万元`, `10k yuan`). Overrides a unit
   * declared in the file's title lines. Required when the file declares none.
   */
  readonly unit?: string;
  /** table year, when known */
  readonly year?: number;
  /** @default {} (relative balance tolerance 1e-6) */
  readonly validate?: ValidateIoOptions | false;
}

const UNIT_LINE = /(?:单位|unit|units)\s*[:：]\s*(.+)$/i;

/** A unit declaration found in the title lines: its text and 1-based physical row. */
export interface DeclaredUnit {
  readonly text: string;
  readonly row?: number;
}

/**
 * Finds a unit declaration in title lines: `单位：万元`, `单位:万元`, `unit: 10k yuan`, `# unit: cny_10k`,
 * also inside a longer title (`2020年投入产出表 单位：万元`). Trailing delimiters and brackets are dropped.
 * @returns the first declaration, or undefined
 * @example findDeclaredUnit({ titleLines: ["# unit: 10k yuan"], titleRowNumbers: [1] }) // => { text: "10k yuan", row: 1 }
 */
export function findDeclaredUnit(raw: Pick<RawTable, "titleLines" | "titleRowNumbers">): DeclaredUnit | undefined {
  for (let k = 0; k < raw.titleLines.length; k++) {
    const line = (raw.titleLines[k] ?? "").replace(/^#\s*/, "");
    const m = UNIT_LINE.exec(line);
    if (m === null) continue;
    const text = (m[1] ?? "").replace(/[,;\t，；)）\]】\s]+$/u, "").trim();
    const row = raw.titleRowNumbers?.[k] ?? k + 1;
    return { text, row };
  }
  return undefined;
}

/** A trailing note in brackets (`(current prices)`, `（现价）`), possibly left unclosed by {@link findDeclaredUnit}. */
const TRAILING_NOTE = /\s*[(（[【][^()（）[\]【】]*[)）\]】]?\s*$/u;

/**
 * Resolves a declared unit text: the whole text, else the text without a trailing bracketed note
 * (`万元（当年价）` → 万元). Never a single word of it: `CNY billion` or `cny 100m` must not resolve to 元
 * by dropping the scale word, so such texts are unknown.
 * @example resolveDeclaredUnit("亿元（现价）") // => "cny_100m"
 * @example resolveDeclaredUnit("CNY billion") // => undefined
 */
export function resolveDeclaredUnit(text: string): Unit | undefined {
  const whole = resolveUnit(text);
  if (whole !== undefined) return whole;
  const stripped = text.replace(TRAILING_NOTE, "");
  return stripped !== text && stripped.trim() !== "" ? resolveUnit(stripped) : undefined;
}

/**
 * Reads a table in the generic IO template (通用投入产出表模板).
 *
 * Template (layout `generic_v1`), header row then rows:
 * - column `code`, column `name`, then one column per sector whose header is the sector code — the same
 *   codes in the same order as the sector rows — holding Z (row = supplying sector, column = using
 *   sector); then final-demand columns named `fd_<category>` (e.g. `fd_consumption`, `fd_居民消费`);
 *   optional `imports` (positive numbers, subtracted in the row identity) and `other` columns; then
 *   `output` (gross output x). Header names are matched case-insensitively.
 * - one row per sector; then optional value-added rows whose code starts with `va_` (cells under the
 *   sector columns; other cells empty).
 * - unit: a title line above the header (`单位：万元`, `unit: 10k yuan`, `# unit: cny_10k`), or
 *   `options.unit`. None → `missing_unit`; not resolvable by `resolveUnit` → `unknown_unit` {unit, known: CURRENCY_UNITS} (at the
 *   title line's row); known but not a currency amount (`percent`, `persons`, `index`, …) →
 *   `unit_not_currency` {unit, accepted: CURRENCY_UNITS}.
 * Empty cells in Z, final demand and value added are 0; an empty `output` is `non_numeric_cell`.
 * A column with an empty header is ignored (warning) when all its cells are empty, and an
 * `invalid_value` error at its first non-empty cell otherwise (its data would be lost).
 *
 * Structural issues: `missing_column` (code, name, output; no sector column), `duplicate_sector_code`
 * (at the code cell, params code + firstRow), `not_square` (at the first code that has no matching
 * row/column, params rows + cols), `non_numeric_cell`; then {@link validateIoTable}.
 *
 * @param raw raw table from `readTabularFile`
 * @param options unit, id, year, titles, validation
 * @returns `{meta, table, layout: "generic_v1", locator}` or every issue found
 * @example
 * readGenericTable(raw, { id: "my-table" }) // 3-sector template → ok, table.Z = [[150,500,50],…]
 * @see docs/data.md (template, zh + en)
 */
export function readGenericTable(raw: RawTable, options: ReadGenericOptions = {}): DataResult<IoTableReadResult> {
  const issues: DataIssue[] = [];
  const hp = headerPath(raw);
  const header = raw.header.map((h) => h.trim());
  const lower = header.map((h) => h.toLowerCase());
  const find = (name: string) => lower.indexOf(name);
  const cCode = find("code");
  const cName = find("name");
  const cOutput = find("output");
  for (const [name, c] of [
    ["code", cCode],
    ["name", cName],
    ["output", cOutput],
  ] as const) {
    if (c < 0) issues.push(issue("missing_column", hp, { column: name }));
  }

  // unit: known, and a currency amount (IO flows are money)
  let unit: Unit | undefined;
  let unitSource: string | undefined;
  const declared = findDeclaredUnit(raw);
  const unitText = options.unit ?? declared?.text;
  const unitPath: IssuePath =
    options.unit !== undefined
      ? { file: raw.file }
      : {
          file: raw.file,
          ...(raw.sheet === undefined ? {} : { sheet: raw.sheet }),
          ...(declared?.row === undefined ? {} : { row: declared.row }),
        };
  if (unitText !== undefined) {
    unit = resolveDeclaredUnit(unitText);
    unitSource = options.unit !== undefined ? "option" : "title_line";
    if (unit === undefined)
      issues.push(issue("unknown_unit", unitPath, { unit: unitText, known: [...CURRENCY_UNITS] }));
    else if (!isCurrencyUnit(unit)) {
      issues.push(issue("unit_not_currency", unitPath, { unit: unitText, accepted: [...CURRENCY_UNITS] }));
      unit = undefined;
    }
  } else {
    issues.push(
      issue(
        "missing_unit",
        { file: raw.file, ...(raw.sheet === undefined ? {} : { sheet: raw.sheet }) },
        { expected: ["单位：万元", "unit: cny_10k"] },
      ),
    );
  }
  if (cCode < 0 || cName < 0 || cOutput < 0) return { ok: false, issues };

  // columns
  const fdCols: number[] = [];
  let cImports = -1;
  let cOther = -1;
  const sectorCols: number[] = [];
  let firstNonSector = header.length;
  header.forEach((h, c) => {
    const l = lower[c] as string;
    if (c === cCode || c === cName || c === cOutput) return;
    if (l.startsWith("fd_")) {
      fdCols.push(c);
      firstNonSector = Math.min(firstNonSector, c);
    } else if (l === "imports") {
      cImports = c;
      firstNonSector = Math.min(firstNonSector, c);
    } else if (l === "other") {
      cOther = c;
      firstNonSector = Math.min(firstNonSector, c);
    } else if (c < firstNonSector && c < cOutput && h !== "") sectorCols.push(c);
    else
      issues.push(
        issue(
          "invalid_value",
          { ...hp, column: c + 1, columnName: h },
          { value: h, expected: "known_column" },
          "warning",
        ),
      );
  });
  // A column without a header that holds data would be dropped silently (e.g. a sector code missing
  // from the header): refuse it at its first non-empty cell. Empty unnamed columns stay warnings.
  header.forEach((h, c) => {
    if (h !== "" || c === cCode || c === cName || c === cOutput) return;
    const r = raw.rows.findIndex((row) => (row[c] ?? "").trim() !== "");
    if (r < 0) return;
    const row = raw.rowNumbers[r] ?? raw.headerRow + r + 1;
    issues.push(
      issue(
        "invalid_value",
        { ...hp, row, column: c + 1, columnName: "" },
        { value: (raw.rows[r]?.[c] ?? "").trim(), expected: "empty_unnamed_column", header: "" },
      ),
    );
  });
  if (sectorCols.length === 0) issues.push(issue("missing_column", hp, { reason: "no_sector_columns" }));
  const colCodes = sectorCols.map((c) => header[c] as string);
  issues.push(
    ...duplicateCodeIssues(
      sectorCols.map((c, k) => ({ code: colCodes[k] as string, column: c + 1, columnName: header[c] as string })),
      raw,
    ),
  );

  // rows
  const cells = new CellReader(raw);
  const sectorRows: number[] = [];
  const vaRows: number[] = [];
  raw.rows.forEach((_, r) => {
    const code = cells.text(r, cCode).trim();
    if (code.toLowerCase().startsWith("va_")) vaRows.push(r);
    else if (code !== "") sectorRows.push(r);
    else issues.push(issue("invalid_value", cells.location(r, cCode), { value: "", expected: "row_code" }));
  });
  const rowCodes = sectorRows.map((r) => cells.text(r, cCode).trim());
  issues.push(
    ...duplicateCodeIssues(
      sectorRows.map((r, k) => ({
        code: rowCodes[k] as string,
        row: cells.physicalRow(r),
        column: cCode + 1,
        columnName: header[cCode] as string,
      })),
      raw,
    ),
  );
  const n = rowCodes.length;
  const m = colCodes.length;
  if (n !== m || rowCodes.some((c, k) => c !== colCodes[k])) {
    // point at the first column code without a row at its position, else the first row without a column
    const rowSet = new Set(rowCodes);
    const colSet = new Set(colCodes);
    const badCol = colCodes.findIndex((c) => !rowSet.has(c));
    const badRow = rowCodes.findIndex((c) => !colSet.has(c));
    const firstMismatch = colCodes.findIndex((c, k) => rowCodes[k] !== c);
    let path: IssuePath = hp;
    if (badCol >= 0)
      path = { ...hp, column: (sectorCols[badCol] as number) + 1, columnName: colCodes[badCol] as string };
    else if (badRow >= 0) path = cells.location(sectorRows[badRow] as number, cCode);
    else if (firstMismatch >= 0)
      path = {
        ...hp,
        column: (sectorCols[firstMismatch] as number) + 1,
        columnName: colCodes[firstMismatch] as string,
      };
    issues.push(issue("not_square", path, { rows: n, cols: m }));
  }
  if (hasErrors(issues)) return { ok: false, issues };

  const sectors: SectorLabel[] = sectorRows.map((r, k) => ({
    code: rowCodes[k] as string,
    nameZh: cells.text(r, cName).trim(),
  }));
  const Z = matrix(n, n);
  const Y = matrix(n, fdCols.length);
  const output = new Float64Array(n);
  const imports = cImports >= 0 ? new Float64Array(n) : undefined;
  const other = cOther >= 0 ? new Float64Array(n) : undefined;
  for (let i = 0; i < n; i++) {
    const r = sectorRows[i] as number;
    for (let j = 0; j < n; j++) Z.data[i * n + j] = cells.number(r, sectorCols[j] as number);
    for (let k = 0; k < fdCols.length; k++) Y.data[i * fdCols.length + k] = cells.number(r, fdCols[k] as number);
    if (imports !== undefined) imports[i] = cells.number(r, cImports);
    if (other !== undefined) other[i] = cells.number(r, cOther);
    output[i] = cells.number(r, cOutput, true);
  }
  const valueAdded = vaRows.map((r) => {
    const values = new Float64Array(n);
    for (let j = 0; j < n; j++) values[j] = cells.number(r, sectorCols[j] as number);
    return { code: cells.text(r, cCode).trim(), values };
  });
  issues.push(...cells.issues);
  if (hasErrors(issues) || unit === undefined) return { ok: false, issues };

  const table: IoTable = {
    sectors,
    Z,
    finalDemand: Y,
    finalDemandCodes: fdCols.map((c) => header[c] as string),
    ...(imports === undefined ? {} : { imports }),
    ...(other === undefined ? {} : { otherColumn: other }),
    ...(valueAdded.length === 0 ? {} : { valueAdded }),
    output,
  };
  const locator: IoTableLocator = {
    file: raw.file,
    ...(raw.sheet === undefined ? {} : { sheet: raw.sheet }),
    rowOf: (i) => (sectorRows[i] === undefined ? undefined : cells.physicalRow(sectorRows[i] as number)),
    colOf: (j) => (sectorCols[j] === undefined ? undefined : (sectorCols[j] as number) + 1),
    columnNameOf: (j) => (sectorCols[j] === undefined ? undefined : header[sectorCols[j] as number]),
    outputColumn: { column: cOutput + 1, name: header[cOutput] as string },
  };
  const warnings: DataIssue[] = issues.filter((i) => i.severity === "warning");
  let validation: TransformationStep | undefined;
  if (options.validate !== false) {
    const found = validateIoTable(table, locator, options.validate ?? {});
    if (hasErrors(found)) return { ok: false, issues: found };
    warnings.push(...found);
    validation = validationStep(options.validate ?? {}, found);
  }
  const meta = makeMeta({
    id: options.id ?? "user-io-table",
    titleZh: options.titleZh ?? `用户投入产出表（${raw.file}）`,
    titleEn: options.titleEn ?? `User input-output table (${raw.file})`,
    region: options.region ?? "USER",
    ...(options.year === undefined ? {} : { year: options.year }),
    dimensions: { sectors: n, finalDemand: fdCols.length, valueAdded: valueAdded.length },
    ...(options.classification === undefined ? {} : { classification: options.classification }),
    unit,
    importTreatment: "competitive",
    provenance: withSteps(options.provenance ?? defaultProvenance(raw.file), [
      step("parse_generic_io_template", {
        layout: "generic_v1",
        sectors: n,
        finalDemandColumns: table.finalDemandCodes,
        valueAddedRows: valueAdded.map((v) => v.code),
        unit,
        unitSource,
        encoding: raw.encoding ?? null,
        sheet: raw.sheet ?? null,
        headerRow: raw.headerRow,
        headerRowSpan: raw.headerRowSpan ?? 1,
        titleLines: raw.titleLines,
        emptyCellsAsZero: cells.emptyAsZero,
      }),
      ...(validation === undefined ? [] : [validation]),
    ]),
  });
  return { ok: true, value: { meta, table, layout: "generic_v1", locator }, warnings };
}
