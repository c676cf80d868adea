/**
 * Sector groups (部门组): maps the named group `digital` (数字部门) to the codes of a given table,
 * whatever its classification vintage, and validates user code lists.
 *
 * Digital sectors D (spec §1.1): canonical S20 通信设备、计算机和其他电子设备 + S32 信息传输、软件和
 * 信息技术服务. Their codes differ by table vintage — canonical `S20`/`S32`; NBS 2012-vintage 42 list
 * `20`/`32`; NBS 2017-vintage 42 list `20`/`31`; NBS 2010 41 list (GB/T 4754-2002) `19`/`28`; NBS 2005
 * 42 list `19`/`29` — and for the OECD ICIO/IOT 2021 edition (ISIC Rev.4) D = C26 computer, electronic
 * and optical + J61 telecommunications + J62–63 IT and other information services. The codes are
 * therefore found from the sector names (Chinese or English), with the code patterns as a fallback
 * for unnamed tables. In the detailed NBS product tables (139/149/153 sectors) D is every product of
 * divisions C39 and I63–I65, found by their official names. For WIOD (2013 release, NACE Rev.1) D is
 * c14 Electrical and optical equipment + c27 Post and telecommunications of every region (broader than
 * S20+S32: c14 also holds electrical machinery, and WIOD has no separate IT-services industry); a single
 * region's block is asked for with explicit codes, e.g. `CHN_c14,CHN_c27`.
 */

import type { IoTable } from "../core/index.js";
import { CoreError } from "../core/index.js";
import type { DatasetMeta } from "../data/index.js";
import { DIGITAL_DEFAULT_2017_CODES, DIGITAL_DEFAULT_CANONICAL, OECD_IOT_2021_INDUSTRIES } from "../data/index.js";

/** OECD ISIC Rev.4 industries of the digital group: C26, J61, J62–63. */
const OECD_DIGITAL_ISIC = ["D26", "D61", "D62T63"];

/** A group request: the named group "digital" or explicit sector codes. */
export type GroupSpec = "digital" | readonly string[];

export interface ResolvedGroup {
  /** "digital" or "custom" */
  readonly name: "digital" | "custom";
  /** codes in table order */
  readonly codes: readonly string[];
  /** 0-based indices in table order */
  readonly indices: readonly number[];
  /** how the codes were found: by canonical code, by sector name, by vintage code list, or given */
  readonly resolvedBy: "canonical_code" | "name" | "vintage_code" | "user";
}

/** The two digital sectors by name. Each entry matches exactly one sector per digital concept. */
const DIGITAL_NAME_PATTERNS: readonly { readonly zh?: RegExp; readonly en?: RegExp }[] = [
  // electronics manufacturing: S20 / C26
  { zh: /通信设备/, en: /communication equipment|computer,? electronic|^computers?,? electronic/i },
  // information services: S32 / J61 + J62-63
  {
    zh: /信息传输|软件和信息技术服务|计算机服务和软件/,
    en: /information transmission|^telecommunications?$|IT and other information services|computer programming/i,
  },
];

/**
 * Digital products in the NBS detailed product tables (2012: 139, 2017: 149, 2018/2020: 153 sectors):
 * every product of GB/T 4754 division C39 (electronics) and of I63–I65 (telecommunications,
 * broadcasting transmission, internet, software and IT services). Exact official names.
 */
const DETAILED_DIGITAL_ZH: readonly (readonly string[])[] = [
  ["计算机", "通信设备", "广播电视设备和雷达及配套设备", "视听设备", "电子元器件", "其他电子设备"],
  [
    "电信和其他信息传输服务",
    "电信",
    "广播电视及卫星传输服务",
    "互联网和相关服务",
    "软件和信息技术服务",
    "软件服务",
    "信息技术服务",
  ],
];

function matchesPattern(s: { nameZh?: string; nameEn?: string }, pat: { zh?: RegExp; en?: RegExp }): boolean {
  if (pat.zh !== undefined && s.nameZh !== undefined && pat.zh.test(s.nameZh)) return true;
  if (pat.en !== undefined && s.nameEn !== undefined && pat.en.test(s.nameEn.trim())) return true;
  return false;
}

/** Vintage code lists for tables without usable names (system prefix → codes). */
function vintageDigitalCodes(meta: DatasetMeta | undefined, table: IoTable): readonly string[] | undefined {
  const system = meta?.classification?.system ?? "";
  const n = table.sectors.length;
  if (/oecd/i.test(system)) {
    return [
      ...OECD_IOT_2021_INDUSTRIES.filter((i) => OECD_DIGITAL_ISIC.includes(i.isic4)).map((i) => i.code),
      ...OECD_DIGITAL_ISIC,
    ];
  }
  if (/wiod/i.test(system)) {
    // WIOD 2013 release (NACE Rev.1, 35 industries per region, codes `<ISO3>_c<k>`): c14 Electrical and
    // optical equipment + c27 Post and telecommunications, in every region of the table
    return table.sectors.map((s) => s.code).filter((c) => /(^|_)c(14|27)$/i.test(c));
  }
  if (/2017|2018|2020/.test(system) && n === 42) return DIGITAL_DEFAULT_2017_CODES;
  if (/2012|canonical/.test(system) && n === 42) return ["20", "32"];
  return undefined;
}

/**
 * Resolves a sector group against a table (部门组解析).
 *
 * `digital`: canonical codes S20 and S32 when present; otherwise the sectors whose Chinese or English
 * names are the electronics-manufacturing and information-services sectors of the table's vintage
 * (for OECD tables: computer/electronic, telecommunications, IT services); otherwise the vintage code
 * list of the classification.
 * A code list: every code must exist in the table (exact match, then case-insensitive); duplicates are
 * dropped; the group may not be empty or cover every sector.
 *
 * @throws {CoreError} `unknown_sector` (params: code, available) for a code not in the table;
 *   `invalid_group` (params: codes, reason) for an empty or all-covering group, or when the digital
 *   sectors cannot be found in the table.
 */
export function resolveGroup(table: IoTable, meta: DatasetMeta | undefined, group: GroupSpec): ResolvedGroup {
  const codes = table.sectors.map((s) => s.code);
  const n = codes.length;
  const finish = (
    idx: number[],
    name: ResolvedGroup["name"],
    resolvedBy: ResolvedGroup["resolvedBy"],
  ): ResolvedGroup => {
    const sorted = [...new Set(idx)].sort((a, b) => a - b);
    if (sorted.length === 0 || sorted.length >= n) {
      throw new CoreError("invalid_group", {
        function: "resolveGroup",
        codes: sorted.map((i) => codes[i]),
        size: sorted.length,
        n,
        reason: sorted.length === 0 ? "empty" : "all_sectors",
      });
    }
    return { name, codes: sorted.map((i) => codes[i] ?? ""), indices: sorted, resolvedBy };
  };

  if (group === "digital") {
    const canonical = DIGITAL_DEFAULT_CANONICAL.map((c) => codes.indexOf(c));
    if (canonical.every((i) => i >= 0)) return finish(canonical, "digital", "canonical_code");
    if (n > 60) {
      const idx = table.sectors.flatMap((s, i) =>
        DETAILED_DIGITAL_ZH.some((names) => names.includes((s.nameZh ?? "").trim())) ? [i] : [],
      );
      const both = DETAILED_DIGITAL_ZH.every((names) =>
        table.sectors.some((s) => names.includes((s.nameZh ?? "").trim())),
      );
      if (both) return finish(idx, "digital", "name");
    }
    const byName: number[] = [];
    for (const pat of DIGITAL_NAME_PATTERNS) {
      table.sectors.forEach((s, i) => {
        if (matchesPattern(s, pat)) byName.push(i);
      });
    }
    const conceptsFound = DIGITAL_NAME_PATTERNS.every((pat) => table.sectors.some((s) => matchesPattern(s, pat)));
    if (conceptsFound) return finish(byName, "digital", "name");
    const vintage = vintageDigitalCodes(meta, table);
    if (vintage !== undefined) {
      const idx = vintage.map((c) => codes.indexOf(c)).filter((i) => i >= 0);
      if (idx.length >= 2) return finish(idx, "digital", "vintage_code");
    }
    throw new CoreError("invalid_group", {
      function: "resolveGroup",
      group: "digital",
      reason: "digital_not_found",
      codes: [],
    });
  }

  const idx: number[] = [];
  for (const raw of group) {
    const code = raw.trim();
    if (code === "") continue;
    let i = codes.indexOf(code);
    if (i < 0) i = codes.findIndex((c) => c.toLowerCase() === code.toLowerCase());
    if (i < 0) {
      throw new CoreError("unknown_sector", {
        function: "resolveGroup",
        code,
        available: codes.length > 12 ? [...codes.slice(0, 12), "…"] : codes,
      });
    }
    idx.push(i);
  }
  return finish(idx, "custom", "user");
}

/** Parses a `--group` / `?group=` value: "digital" or a comma-separated code list. */
export function parseGroupSpec(text: string | undefined): GroupSpec | undefined {
  if (text === undefined) return undefined;
  const t = text.trim();
  if (t === "") return undefined;
  if (t.toLowerCase() === "digital") return "digital";
  return t.split(/[,，;；\s]+/).filter((c) => c !== "");
}
