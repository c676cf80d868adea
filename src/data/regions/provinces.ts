/**
 * Chinese province-level divisions (省级行政区) and their GB/T 2260 codes, read from the shipped table
 * `data/shipped/regions/gbt2260-provinces.csv` (31 provinces + HK/MO/TW; provenance in
 * data/shipped/PROVENANCE.md §regions). `resolveRegion` accepts the 6-digit code, the 2-digit prefix,
 * the full name (北京市), the short name (北京) or the English name (Beijing, case-insensitive).
 */
import { readFileSync } from "node:fs";
import { repoPath } from "../paths.js";

/** One province-level division. */
export interface Province {
  /** GB/T 2260 six-digit code, e.g. "110000" */
  readonly code: string;
  /** full name, e.g. 北京市 */
  readonly nameZh: string;
  /** short name, e.g. 北京 */
  readonly shortZh: string;
  readonly nameEn: string;
}

/** Repository path of the shipped table. */
export const PROVINCES_FILE = "data/shipped/regions/gbt2260-provinces.csv";

/**
 * Parses the province table (header `code,name_zh,short_zh,name_en`, UTF-8, no quoted fields).
 * @throws Error when the table is malformed (a shipped-data defect, not a user issue)
 */
export function parseProvinceTable(text: string): Province[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "");
  if (lines[0]?.trim() !== "code,name_zh,short_zh,name_en") throw new Error("provinces: unexpected header");
  return lines.slice(1).map((line, k) => {
    const [code, nameZh, shortZh, nameEn, ...rest] = line.split(",").map((c) => c.trim());
    if (code === undefined || !/^\d{6}$/.test(code) || !nameZh || !shortZh || !nameEn || rest.length > 0)
      throw new Error(`provinces: malformed line ${k + 2}`);
    return { code, nameZh, shortZh, nameEn };
  });
}

let cached: readonly Province[] | undefined;

/** The 34 province-level divisions in GB/T 2260 code order. */
export function provinces(): readonly Province[] {
  cached ??= parseProvinceTable(readFileSync(repoPath(PROVINCES_FILE), "utf8"));
  return cached;
}

let index: Map<string, Province> | undefined;

function lookupIndex(): Map<string, Province> {
  if (index !== undefined) return index;
  const m = new Map<string, Province>();
  for (const p of provinces()) {
    m.set(p.code, p);
    m.set(p.code.slice(0, 2), p);
    m.set(p.nameZh, p);
    m.set(p.shortZh, p);
    m.set(p.nameEn.toLowerCase(), p);
  }
  index = m;
  return m;
}

/**
 * Resolves a province code or name to its division (解析省份).
 * @param text a cell as written: "110000", "11", "北京市", "北京", "Beijing"
 * @returns the province, or undefined when the text names none
 * @example resolveRegion("北京市")?.code // => "110000"
 */
export function resolveRegion(text: string): Province | undefined {
  const t = text.trim().replace(/\s+/g, " ");
  return lookupIndex().get(t) ?? lookupIndex().get(t.toLowerCase());
}
