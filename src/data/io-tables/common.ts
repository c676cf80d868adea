/**
 * Shared pieces of the IO-table readers: the reader result type, the cell locator that lets
 * validation name physical rows and columns, and strict numeric cell reading with located issues.
 */
import type { IoTable } from "../../core/index.js";
import type { ClassificationRef, DatasetMeta, ImportTreatment, Unit } from "../dataset.js";
import { parseNumberCell } from "../ingest/numbers.js";
import type { RawTable } from "../ingest/raw-table.js";
import { type DataIssue, issue } from "../issues.js";
import type { Provenance, TransformationStep } from "../provenance.js";

/**
 * Where the parts of an IO table sit in its source file, so that every issue can name file, sheet,
 * physical row and column. Indices are 0-based sector positions; returned rows/columns are 1-based
 * physical positions as a spreadsheet shows them.
 */
export interface IoTableLocator {
  readonly file: string;
  readonly sheet?: string;
  /** physical row of sector i's row of Z (undefined when unknown) */
  rowOf(i: number): number | undefined;
  /** non-competitive tables: physical row of sector i's imported-use row (undefined when unknown) */
  importRowOf?(i: number): number | undefined;
  /** physical column of sector j's column of Z (undefined when unknown) */
  colOf(j: number): number | undefined;
  /** header text of sector j's column */
  columnNameOf(j: number): string | undefined;
  /** the column holding gross output x (row-balance issues point at it) */
  readonly outputColumn?: { readonly column: number; readonly name: string };
  /** the row holding gross output / total input (column-balance issues point at it) */
  readonly outputRow?: number;
}

/** What every IO-table reader returns on success. */
export interface IoTableReadResult {
  readonly meta: DatasetMeta;
  readonly table: IoTable;
  /** layout id, e.g. `nbs_competitive_42`, `nbs_noncompetitive_42`, `oecd_iot_2021`, `wiod_2013`, `generic_v1` */
  readonly layout: string;
  /** physical positions of the table's parts (for validation issues) */
  readonly locator: IoTableLocator;
}

/** Options every reader accepts for the dataset description. */
export interface IoReaderMetaOptions {
  /** dataset id; default derived from the layout and year */
  readonly id?: string;
  readonly titleZh?: string;
  readonly titleEn?: string;
  /** @default "CN" (NBS, OECD China) / "WORLD" (WIOD) / "USER" (generic) */
  readonly region?: string;
  readonly classification?: ClassificationRef;
  /**
   * Provenance to start from (e.g. the catalogue entry of a shipped dataset with its file hashes).
   * The reader appends its own transformation steps.
   */
  readonly provenance?: Provenance;
}

/** The software id recorded in transformation steps. Kept here (not read from package.json) so readers stay free of I/O. */
export const SOFTWARE_ID = "shushi@0.1.0";

export function step(name: string, params: Record<string, unknown>): TransformationStep {
  return { step: name, by: SOFTWARE_ID, params };
}

export function defaultProvenance(file: string): Provenance {
  return {
    publisher: "unknown",
    originalSource: file,
    licence: "unknown",
    files: [],
    transformations: [],
    caveats: [],
  };
}

export function withSteps(provenance: Provenance, steps: readonly TransformationStep[]): Provenance {
  return { ...provenance, transformations: [...provenance.transformations, ...steps] };
}

export interface MetaParts {
  readonly id: string;
  readonly titleZh: string;
  readonly titleEn: string;
  readonly region: string;
  /** the table year; absent for user tables that do not state one */
  readonly year?: number;
  readonly dimensions: Record<string, number>;
  readonly classification?: ClassificationRef;
  readonly unit: Unit;
  readonly importTreatment: ImportTreatment;
  readonly provenance: Provenance;
}

export function makeMeta(p: MetaParts): DatasetMeta {
  return {
    id: p.id,
    kind: "io_table",
    titleZh: p.titleZh,
    titleEn: p.titleEn,
    region: p.region,
    years: p.year === undefined ? [] : [p.year],
    dimensions: p.dimensions,
    ...(p.classification === undefined ? {} : { classification: p.classification }),
    unit: p.unit,
    priceBasis: { kind: "current" },
    importTreatment: p.importTreatment,
    provenance: p.provenance,
  };
}

/**
 * Reads numeric cells of a raw table, collecting `non_numeric_cell` issues with their positions.
 * Empty cells (and the placeholders of `parseNumberCell`) count as 0 — the convention of published IO
 * tables, where a blank flow is nil — and are counted in `emptyAsZero` so the reader can record it.
 */
export class CellReader {
  readonly issues: DataIssue[] = [];
  emptyAsZero = 0;
  constructor(readonly raw: RawTable) {}

  /** 1-based physical row of data row r */
  physicalRow(r: number): number {
    return this.raw.rowNumbers[r] ?? this.raw.headerRow + r + 1;
  }

  location(r: number, c: number): { file: string; sheet?: string; row: number; column: number; columnName: string } {
    return {
      file: this.raw.file,
      ...(this.raw.sheet === undefined ? {} : { sheet: this.raw.sheet }),
      row: this.physicalRow(r),
      column: c + 1,
      columnName: this.raw.header[c] ?? "",
    };
  }

  text(r: number, c: number): string {
    return this.raw.rows[r]?.[c] ?? "";
  }

  /** Number at data row r, column c; empty → 0 (counted) unless `required`, then an issue. */
  number(r: number, c: number, required = false): number {
    const text = this.text(r, c);
    // fast path for plain ASCII decimals (the bulk of every table); same grammar as parseNumberCell's
    if (PLAIN_NUMBER.test(text)) {
      const fast = Number(text);
      if (Number.isFinite(fast)) return fast === 0 ? 0 : fast;
    }
    const v = parseNumberCell(text);
    if (v === "invalid") {
      this.issues.push(issue("non_numeric_cell", this.location(r, c), { value: text }));
      return Number.NaN;
    }
    if (v === null) {
      if (required) {
        this.issues.push(issue("non_numeric_cell", this.location(r, c), { value: text, reason: "empty_cell" }));
        return Number.NaN;
      }
      this.emptyAsZero++;
      return 0;
    }
    return v;
  }
}

const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Index of a header cell (exact match after trimming), or -1. */
export function columnIndex(raw: RawTable, name: string): number {
  return raw.header.findIndex((h) => h.trim() === name);
}

/** Path of the header row (for missing-column issues). */
export function headerPath(raw: RawTable): { file: string; sheet?: string; row: number } {
  return { file: raw.file, ...(raw.sheet === undefined ? {} : { sheet: raw.sheet }), row: raw.headerRow };
}

export function hasErrors(issues: readonly DataIssue[]): boolean {
  return issues.some((i) => i.severity === "error");
}

/**
 * The header columns whose (trimmed) text matches a sector-code pattern, their codes, and a
 * `duplicate_sector_code` issue for each repeated code (located at its column).
 */
export function sectorColumns(
  raw: RawTable,
  pattern: RegExp,
): { columns: number[]; codes: string[]; issues: DataIssue[] } {
  const columns: number[] = [];
  raw.header.forEach((h, c) => {
    if (pattern.test(h.trim())) columns.push(c);
  });
  const codes = columns.map((c) => (raw.header[c] as string).trim());
  const issues = duplicateCodeIssues(
    columns.map((c, k) => ({ code: codes[k] as string, column: c + 1, columnName: raw.header[c] as string })),
    raw,
  );
  return { columns, codes, issues };
}

/** Reports duplicate codes in a list of (code, physical row/column) entries. */
export function duplicateCodeIssues(
  entries: readonly { code: string; row?: number; column?: number; columnName?: string }[],
  raw: RawTable,
): DataIssue[] {
  const seen = new Map<string, number | undefined>();
  const out: DataIssue[] = [];
  for (const e of entries) {
    if (seen.has(e.code)) {
      out.push(
        issue(
          "duplicate_sector_code",
          {
            file: raw.file,
            ...(raw.sheet === undefined ? {} : { sheet: raw.sheet }),
            ...(e.row === undefined ? {} : { row: e.row }),
            ...(e.column === undefined ? {} : { column: e.column }),
            ...(e.columnName === undefined ? {} : { columnName: e.columnName }),
          },
          e.row === undefined
            ? { code: e.code, firstColumn: seen.get(e.code) }
            : { code: e.code, firstRow: seen.get(e.code) },
        ),
      );
    } else seen.set(e.code, e.row ?? e.column);
  }
  return out;
}
