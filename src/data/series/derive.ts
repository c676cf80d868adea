/**
 * Derived shipped series files (派生的内置序列文件): three staged files do not fit the series readers'
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

/**
 * The numeric variables of Penn World Table 10.01 (PWT's names, definitions from its documentation,
 * "PWT 10.01 legend") → [unit written for the reader, PWT unit, English name, Chinese name]. Variables
 * without a fitting `Unit` (millions of persons, hours, yuan per USD, scores, correlations) are declared
 * `dimensionless` and keep PWT's scale; their PWT unit is recorded in the provenance.
 */
export const PWT_VARIABLES: Readonly<Record<string, readonly [string, string, string, string]>> = {
  rgdpe: ["usd_million", "mn 2017 USD", "Expenditure-side real GDP at chained PPPs", "支出法实际GDP（链式PPP）"],
  rgdpo: ["usd_million", "mn 2017 USD", "Output-side real GDP at chained PPPs", "生产法实际GDP（链式PPP）"],
  pop: ["dimensionless", "millions of persons", "Population", "人口"],
  emp: ["dimensionless", "millions of persons", "Number of persons engaged", "就业人数"],
  avh: ["dimensionless", "hours per person engaged per year", "Average annual hours worked", "年均工作小时数"],
  hc: ["index", "index (years of schooling and returns to education)", "Human capital index", "人力资本指数"],
  ccon: [
    "usd_million",
    "mn 2017 USD",
    "Real consumption of households and government at current PPPs",
    "实际消费（现价PPP）",
  ],
  cda: ["usd_million", "mn 2017 USD", "Real domestic absorption at current PPPs", "实际国内吸收（现价PPP）"],
  cgdpe: ["usd_million", "mn 2017 USD", "Expenditure-side real GDP at current PPPs", "支出法实际GDP（现价PPP）"],
  cgdpo: ["usd_million", "mn 2017 USD", "Output-side real GDP at current PPPs", "生产法实际GDP（现价PPP）"],
  cn: ["usd_million", "mn 2017 USD", "Capital stock at current PPPs", "资本存量（现价PPP）"],
  ck: ["index", "USA = 1", "Capital services levels at current PPPs", "资本服务水平（现价PPP，美国=1）"],
  ctfp: ["index", "USA = 1", "TFP level at current PPPs", "全要素生产率水平（现价PPP，美国=1）"],
  cwtfp: ["index", "USA = 1", "Welfare-relevant TFP levels at current PPPs", "福利相关全要素生产率水平（美国=1）"],
  rgdpna: ["usd_million", "mn 2017 USD", "Real GDP at constant 2017 national prices", "实际GDP（2017年不变本国价格）"],
  rconna: [
    "usd_million",
    "mn 2017 USD",
    "Real consumption at constant 2017 national prices",
    "实际消费（2017年不变本国价格）",
  ],
  rdana: [
    "usd_million",
    "mn 2017 USD",
    "Real domestic absorption at constant 2017 national prices",
    "实际国内吸收（2017年不变本国价格）",
  ],
  rnna: [
    "usd_million",
    "mn 2017 USD",
    "Capital stock at constant 2017 national prices",
    "资本存量（2017年不变本国价格）",
  ],
  rkna: [
    "index",
    "2017 = 1",
    "Capital services at constant 2017 national prices",
    "资本服务（2017年不变本国价格，2017=1）",
  ],
  rtfpna: ["index", "2017 = 1", "TFP at constant national prices", "全要素生产率（不变本国价格，2017=1）"],
  rwtfpna: ["index", "2017 = 1", "Welfare-relevant TFP at constant national prices", "福利相关全要素生产率（2017=1）"],
  labsh: ["ratio", "share", "Share of labour compensation in GDP at current national prices", "劳动报酬占GDP份额"],
  irr: ["ratio", "rate", "Real internal rate of return", "实际内部收益率"],
  delta: ["ratio", "rate", "Average depreciation rate of the capital stock", "资本存量平均折旧率"],
  xr: [
    "dimensionless",
    "national currency per USD",
    "Exchange rate, national currency/USD (market + estimated)",
    "汇率（人民币/美元）",
  ],
  pl_con: ["index", "USA GDPo 2017 = 1", "Price level of CCON (PPP/XR)", "消费价格水平（PPP/汇率）"],
  pl_da: ["index", "USA GDPo 2017 = 1", "Price level of CDA (PPP/XR)", "国内吸收价格水平（PPP/汇率）"],
  pl_gdpo: ["index", "USA GDPo 2017 = 1", "Price level of CGDPo (PPP/XR)", "生产法GDP价格水平（PPP/汇率）"],
  cor_exp: [
    "dimensionless",
    "correlation coefficient",
    "Correlation between expenditure shares of the country and the US (benchmark observations only)",
    "与美国支出份额的相关系数（仅基准年）",
  ],
  statcap: [
    "dimensionless",
    "score 0–100",
    "Statistical capacity indicator (World Bank, developing countries only)",
    "统计能力指标（世界银行）",
  ],
  csh_c: ["ratio", "share", "Share of household consumption at current PPPs", "居民消费份额（现价PPP）"],
  csh_i: ["ratio", "share", "Share of gross capital formation at current PPPs", "资本形成份额（现价PPP）"],
  csh_g: ["ratio", "share", "Share of government consumption at current PPPs", "政府消费份额（现价PPP）"],
  csh_x: ["ratio", "share", "Share of merchandise exports at current PPPs", "商品出口份额（现价PPP）"],
  csh_m: ["ratio", "share", "Share of merchandise imports at current PPPs", "商品进口份额（现价PPP）"],
  csh_r: [
    "ratio",
    "share",
    "Share of residual trade and GDP statistical discrepancy at current PPPs",
    "残差贸易与GDP统计误差份额（现价PPP）",
  ],
  pl_c: ["index", "USA GDPo 2017 = 1", "Price level of household consumption", "居民消费价格水平"],
  pl_i: ["index", "USA GDPo 2017 = 1", "Price level of capital formation", "资本形成价格水平"],
  pl_g: ["index", "USA GDPo 2017 = 1", "Price level of government consumption", "政府消费价格水平"],
  pl_x: ["index", "USA GDPo 2017 = 1", "Price level of exports", "出口价格水平"],
  pl_m: ["index", "USA GDPo 2017 = 1", "Price level of imports", "进口价格水平"],
  pl_n: ["index", "USA 2017 = 1", "Price level of the capital stock", "资本存量价格水平"],
  pl_k: ["index", "USA = 1", "Price level of the capital services", "资本服务价格水平（美国=1）"],
};

/** The PWT columns left out: identifiers and text, and the i_* flags (how a value was obtained, as text). */
export const PWT_DROPPED_COLUMNS: readonly string[] = [
  "country",
  "isocode",
  "currency",
  "i_cig",
  "i_xm",
  "i_xr",
  "i_outlier",
  "i_irr",
];

/**
 * `pwt1001-china/pwt1001_china.csv` (PWT 10.01, rows of isocode CHN) → long time series: one row per
 * non-empty numeric cell, `period` = year, `indicator` = PWT's variable name, value as written, unit from
 * {@link PWT_VARIABLES}. Text and flag columns ({@link PWT_DROPPED_COLUMNS}) are dropped; an empty cell is
 * no observation. Rows come year by year, variables in the file's column order.
 *
 * @param text the staged CSV (UTF-8)
 * @returns the long CSV text `period,indicator,value,unit`
 * @throws Error on a column that is neither a known variable nor dropped, a known variable missing, a row
 *   of another country, a non-numeric value or a duplicate year
 */
export function pwtChinaLong(text: string): string {
  const file = "pwt1001_china.csv";
  const rows = csvObjects(text, file);
  const header = Object.keys(rows[0] ?? {});
  for (const h of header)
    if (h !== "year" && PWT_VARIABLES[h] === undefined && !PWT_DROPPED_COLUMNS.includes(h))
      throw new Error(`${file}: unknown column ${h}`);
  const variables = header.filter((h) => PWT_VARIABLES[h] !== undefined);
  for (const v of Object.keys(PWT_VARIABLES))
    if (!variables.includes(v)) throw new Error(`${file}: column ${v} missing`);
  const lines = [csvLine(["period", "indicator", "value", "unit"])];
  const years = new Set<string>();
  for (const row of rows) {
    const iso = field(row, "isocode", file);
    if (iso !== "CHN") throw new Error(`${file}: row of isocode ${iso}`);
    const year = field(row, "year", file);
    if (!/^\d{4}$/.test(year)) throw new Error(`${file}: year ${year}`);
    if (years.has(year)) throw new Error(`${file}: duplicate year ${year}`);
    years.add(year);
    for (const v of variables) {
      const value = field(row, v, file);
      if (value === "") continue;
      if (!/^-?\d+(\.\d+)?(e[-+]?\d+)?$/i.test(value)) throw new Error(`${file}: ${v} ${year} = ${value}`);
      lines.push(csvLine([year, v, value, (PWT_VARIABLES[v] as readonly string[])[0] as string]));
    }
  }
  return `${lines.join("\n")}\n`;
}

/** `pwt-1001-chn`: pwt1001_china.csv → pwt1001_china_long.csv. */
export const PWT_CHINA_DERIVATION: Derivation = {
  source: "pwt1001-china/pwt1001_china.csv",
  output: "pwt1001-china/pwt1001_china_long.csv",
  script: "data/shipped/pwt1001-china/derive.ts",
  derive: pwtChinaLong,
};
