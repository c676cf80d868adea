/**
 * Derived shipped series files (派生的内置序列文件): two staged files do not fit the series readers'
 * layouts, so a committed, re-runnable transform writes a long CSV (`period, indicator, value, unit`
 * [+ entity]) beside the byte copy it reads. The transforms only reshape, rename and convert units
 * exactly; no value is computed. Each `data/shipped/<dir>/derive.ts` runs one of them; the sha256 of the
 * source and of the output are recorded in `SHIPPED_SERIES` (provenance step `derive_long_csv`) and in
 * `data/shipped/PROVENANCE.md`, and `shipped.test.ts` checks that the committed output is current.
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseCsvRecords } from "../ingest/csv.js";
import { repoPath } from "../paths.js";
import { resolveRegion } from "../regions/provinces.js";

/** One derivation: a byte-copied source under `data/shipped/` and the long CSV derived from it. */
export interface Derivation {
  /** source file relative to `data/shipped/` (a byte copy listed in SHA256SUMS) */
  readonly source: string;
  /** derived file relative to `data/shipped/` (the file the series reader imports) */
  readonly output: string;
  /** the runnable script, relative to the repository root */
  readonly script: string;
  /** source text → derived CSV text */
  readonly derive: (sourceText: string) => string;
}

function sha256(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvLine(cells: readonly string[]): string {
  return cells.map(csvField).join(",");
}

/** Parses a UTF-8 CSV text (no BOM) into header + rows keyed by column name; throws on a ragged row. */
function csvObjects(text: string, file: string): Record<string, string>[] {
  const records = parseCsvRecords(text.replace(/^\uFEFF/, ""), ",").filter(
    (r) => !(r.cells.length === 1 && r.cells[0] === ""),
  );
  const [head, ...rows] = records;
  if (head === undefined) throw new Error(`${file}: empty file`);
  return rows.map((r) => {
    if (r.cells.length !== head.cells.length)
      throw new Error(`${file}: line ${r.line} has ${r.cells.length} fields, header has ${head.cells.length}`);
    return Object.fromEntries(head.cells.map((h, k) => [h.trim(), (r.cells[k] ?? "").trim()]));
  });
}

function field(row: Record<string, string>, name: string, file: string): string {
  const v = row[name];
  if (v === undefined) throw new Error(`${file}: column ${name} missing`);
  return v;
}

/** Multiplies a non-negative decimal string by 10^4 exactly (万个 → 个): "425.1" → "4251000". */
export function timesTenThousand(decimal: string): string {
  const m = decimal.match(/^(\d+)(?:\.(\d{1,4}))?$/);
  if (m === null) throw new Error(`timesTenThousand: expected a decimal with at most 4 decimals (received ${decimal})`);
  const digits = `${m[1]}${(m[2] ?? "").padEnd(4, "0")}`.replace(/^0+(?=\d)/, "");
  return digits;
}

/**
 * Units of `figures.csv` → [label in the indicator code, unit written for the reader, multiply by 10^4].
 * 人均国内生产总值 is printed in 元 per person: it is declared `元/人` as in `cn-nbs-gdp-annual`.
 */
const FIGURE_UNITS: Readonly<Record<string, readonly [string, string, boolean]>> = {
  亿元: ["亿元", "亿元", false],
  万人: ["万人", "万人", false],
  "元/人": ["元/人", "元/人", false],
  元: ["元", "元/人", false],
  "%": ["%", "percent", false],
  万个: ["个", "count", true],
};

/** The rows of figures.csv left out: `inferred` = derived by arithmetic at staging, not published. */
export const HEADLINE_EXCLUDED_CONFIDENCE = "inferred";

/**
 * `nbs-communique-2023-2024/figures.csv` → long time series with the vintage in the indicator code:
 * `国内生产总值(亿元)@preliminary`, `国内生产总值(亿元)@revised_5th_census`, `国内生产总值(亿元)@final`, …
 * Rows of confidence `inferred` are dropped; 万个 counts become 个 (exact decimal shift); `source_id`
 * and `confidence` columns keep each row traceable to figures.csv (the reader ignores them).
 *
 * @param text figures.csv (UTF-8)
 * @returns the long CSV text `period,indicator,value,unit,vintage,source_id,confidence`
 * @throws Error on an unknown unit, a missing column or a duplicate indicator × year
 */
export function headlineVintagesLong(text: string): string {
  const file = "figures.csv";
  const lines = [csvLine(["period", "indicator", "value", "unit", "vintage", "source_id", "confidence"])];
  const seen = new Set<string>();
  for (const row of csvObjects(text, file)) {
    const confidence = field(row, "confidence", file);
    if (confidence === HEADLINE_EXCLUDED_CONFIDENCE) continue;
    const unitText = field(row, "unit", file);
    const unit = FIGURE_UNITS[unitText];
    if (unit === undefined) throw new Error(`${file}: unknown unit ${unitText}`);
    const [label, declared, scale] = unit;
    const vintage = field(row, "vintage", file);
    const year = field(row, "year", file);
    const indicator = `${field(row, "indicator_zh", file)}(${label})@${vintage}`;
    const key = `${indicator}|${year}`;
    if (seen.has(key)) throw new Error(`${file}: duplicate ${indicator} ${year}`);
    seen.add(key);
    const value = field(row, "value", file);
    lines.push(
      csvLine([
        year,
        indicator,
        scale ? timesTenThousand(value) : value,
        declared,
        vintage,
        field(row, "id", file),
        confidence,
      ]),
    );
  }
  return `${lines.join("\n")}\n`;
}

/**
 * `ipio-abumazan-provincial-totals/provincial_sector_totals_1997_2017.csv` → long panel: entity = GB/T 2260
 * code of `province_assumed`, period = year, indicator = `io<year>-<nn>` (sector nn of that year's
 * provincial-table sector list: 1997 40 sectors, 2002/2007 an older 42 list, 2012 and 2017 their own
 * 42 lists — the same nn means different sectors in different years, so the year is part of the code),
 * value as written, unit 亿元.
 *
 * @param text the staged CSV
 * @param provinceCode resolves a province name to its six-digit code (undefined when unknown)
 * @returns the long CSV text `entity,year,indicator,value,unit`
 * @throws Error on an unknown province, a missing column or a duplicate key
 */
export function provincialGrossOutputLong(text: string, provinceCode: (name: string) => string | undefined): string {
  const file = "provincial_sector_totals_1997_2017.csv";
  const lines = [csvLine(["entity", "year", "indicator", "value", "unit"])];
  const seen = new Set<string>();
  for (const row of csvObjects(text, file)) {
    const name = field(row, "province_assumed", file);
    const code = provinceCode(name);
    if (code === undefined) throw new Error(`${file}: unknown province ${name}`);
    const year = field(row, "year", file);
    const sector = field(row, "sector_index", file);
    if (!/^\d{1,2}$/.test(sector)) throw new Error(`${file}: sector_index ${sector}`);
    const indicator = `io${year}-${sector.padStart(2, "0")}`;
    const key = `${code}|${year}|${indicator}`;
    if (seen.has(key)) throw new Error(`${file}: duplicate ${key}`);
    seen.add(key);
    lines.push(csvLine([code, year, indicator, field(row, "value", file), "亿元"]));
  }
  return `${lines.join("\n")}\n`;
}

/** Result of running (or checking) a derivation against the files in `data/shipped/`. */
export interface DerivationCheck {
  readonly sourceSha256: string;
  /** sha256 of the freshly derived text */
  readonly outputSha256: string;
  /** whether the committed output equals the fresh derivation */
  readonly current: boolean;
}

/**
 * Runs a derivation: reads the source, derives, and (unless `check`) writes the output.
 * @param d the derivation
 * @param options `check: true` writes nothing; `shippedDir` @default `<repo>/data/shipped`
 * @returns the source and output sha256 and whether the committed output was current
 */
export function runDerivation(
  d: Derivation,
  options: { readonly check?: boolean; readonly shippedDir?: string } = {},
): DerivationCheck {
  const dir = options.shippedDir ?? repoPath("data", "shipped");
  const source = readFileSync(join(dir, d.source));
  const derived = d.derive(source.toString("utf8"));
  let committed: string | undefined;
  try {
    committed = readFileSync(join(dir, d.output), "utf8");
  } catch {
    committed = undefined;
  }
  if (options.check !== true) writeFileSync(join(dir, d.output), derived);
  return { sourceSha256: sha256(source), outputSha256: sha256(derived), current: committed === derived };
}

/** `cn-nbs-headline-vintages`: figures.csv → headline_vintages_long.csv. */
export const HEADLINE_VINTAGES_DERIVATION: Derivation = {
  source: "nbs-communique-2023-2024/figures.csv",
  output: "nbs-communique-2023-2024/headline_vintages_long.csv",
  script: "data/shipped/nbs-communique-2023-2024/derive.ts",
  derive: headlineVintagesLong,
};

/** `cn-ipio-provincial-gross-output`: provincial_sector_totals_1997_2017.csv → provincial_gross_output_long.csv. */
export const PROVINCIAL_GROSS_OUTPUT_DERIVATION: Derivation = {
  source: "ipio-abumazan-provincial-totals/provincial_sector_totals_1997_2017.csv",
  output: "ipio-abumazan-provincial-totals/provincial_gross_output_long.csv",
  script: "data/shipped/ipio-abumazan-provincial-totals/derive.ts",
  derive: (text) => provincialGrossOutputLong(text, (name) => resolveRegion(name)?.code),
};
