/**
 * What the sector-tiers charts share (产业分层, `GET /api/tiers/cluster|classify`): the wire type, the
 * words of each locale (tier names, feature names from the glossary), the tier colours and the number
 * format. The dendrogram (./dendrogram.ts), the tier map (./tier-map.ts), the dashboard page and the
 * report section read them from here.
 */
import type { z } from "zod";
import { formatNumber } from "../../src/i18n/format.js";
import { term } from "../../src/i18n/glossary.js";
import type { tiersWire } from "../../src/methods/tiers/index.js";
import type { Locale } from "./api-types.js";

/** `GET /api/tiers/cluster` or `GET /api/tiers/classify` (and `POST /api/tiers/cluster` with a table). */
export type TiersResult = z.output<typeof tiersWire>;
export type TierSector = TiersResult["clusters"][number];

/** The tier codes the API emits, highest first (five-tier scheme; the three-tier one uses high, medium, low). */
export const TIER_CODES = ["high", "mid_high", "medium", "mid_low", "low"] as const;

/** Colours of the five tiers, highest first (a diverging red–blue ramp; the three tiers take 1, 3 and 5). */
export const TIER_RAMP = ["#b2182b", "#ef8a62", "#e3b23c", "#67a9cf", "#2166ac"] as const;
/** Branches above the cut (joining different tiers), excluded sectors. */
export const TIER_NEUTRAL = { above: "#8c8c8c", excluded: "#d9d9d9" } as const;
const MANY = ["#b2182b", "#ef8a62", "#e3b23c", "#8fbc5a", "#3a9e8f", "#67a9cf", "#2166ac", "#6a51a3", "#b07aa1"];

/** Left and right margins of the dendrogram and the tier map: equal, so the map's columns sit under the leaves. */
export const TIERS_GRID = { left: 96, right: 24 } as const;

export interface TierText {
  readonly tiers: Readonly<Record<(typeof TIER_CODES)[number], string>>;
  readonly tier: (n: number) => string;
  readonly features: Readonly<Record<string, string>>;
  readonly excluded: string;
  readonly inferred: string;
  readonly computed: string;
  readonly printed: string;
  readonly tierWord: string;
  readonly code: string;
  readonly name: string;
}

const TEXT: Readonly<Record<Locale, TierText>> = {
  "zh-CN": {
    tiers: { high: "高度", mid_high: "中高度", medium: "中度", mid_low: "中低度", low: "低度" },
    tier: (n) => `第 ${n} 层`,
    features: {
      di_direct_intermediate: term("direct_intermediate", "zh-CN"),
      di_direct_total: term("direct_total", "zh-CN"),
      di_complete: term("complete_consumption", "zh-CN"),
      do_forward: term("forward_share", "zh-CN"),
    },
    excluded: "特征缺失，未分层",
    inferred: "由排除法推定",
    computed: "计算的层级",
    printed: "公布的层级",
    tierWord: "层级",
    code: "代码",
    name: "部门",
  },
  en: {
    tiers: { high: "high", mid_high: "mid-high", medium: "medium", mid_low: "mid-low", low: "low" },
    tier: (n) => `tier ${n}`,
    features: {
      di_direct_intermediate: term("direct_intermediate", "en"),
      di_direct_total: term("direct_total", "en"),
      di_complete: term("complete_consumption", "en"),
      do_forward: term("forward_share", "en"),
    },
    excluded: "missing feature, no tier",
    inferred: "inferred by elimination",
    computed: "computed tier",
    printed: "printed tier",
    tierWord: "tier",
    code: "code",
    name: "sector",
  },
};

/** The words of a locale. */
export function tierText(locale: Locale): TierText {
  return TEXT[locale];
}

/** A tier's name: the code's word (高度 …), else "第 n 层" for a numbered tier; "—" for none. */
export function tierName(code: string | null, tier: number | null, locale: Locale): string {
  const T = TEXT[locale];
  if (code !== null && (TIER_CODES as readonly string[]).includes(code))
    return T.tiers[code as (typeof TIER_CODES)[number]];
  if (tier !== null) return T.tier(tier);
  if (code !== null && /^\d+$/.test(code)) return T.tier(Number(code));
  return code ?? "—";
}

/**
 * The name of row `index` (tier index + 1) of `sizes`: the API writes a tier code there, or the tier
 * number for an analyst's table, whose rows may still carry codes (k = 3 or 5) — use them when they do.
 */
export function sizeTierName(data: TiersResult, index: number, locale: Locale): string {
  const tier = index + 1;
  const code = data.sizes[index]?.tier ?? null;
  const fromRows = data.clusters.find((c) => c.tier === tier)?.tier_code ?? null;
  return tierName(code !== null && /^\d+$/.test(code) && fromRows !== null ? fromRows : code, tier, locale);
}

/** A feature's name (glossary), or the column name of an analyst's table. */
export function featureName(feature: string, locale: Locale): string {
  return TEXT[locale].features[feature] ?? feature;
}

/** Colour of tier `tier` (1 = highest) among `k` tiers. */
export function tierColor(tier: number, k: number): string {
  if (k <= 1) return TIER_RAMP[0];
  if (k <= TIER_RAMP.length) return TIER_RAMP[Math.round(((tier - 1) * (TIER_RAMP.length - 1)) / (k - 1))] as string;
  return MANY[(tier - 1) % MANY.length] as string;
}

/** Tier number (1 = highest) of a printed tier code under a result's scheme (five or three tiers). */
export function codeRank(code: string, k: number): number | null {
  const codes: readonly string[] = k === 3 ? ["high", "medium", "low"] : TIER_CODES;
  const i = codes.indexOf(code);
  return i < 0 ? null : i + 1;
}

/** A sector's name in the locale (null for the rows of an analyst's table). */
export function sectorName(s: TierSector, locale: Locale): string | null {
  return locale === "en" ? s.name_en : s.name_zh;
}

/** A short name for axis labels: at most `max` characters, with an ellipsis. */
export function shortName(name: string, max: number): string {
  const chars = [...name];
  return chars.length <= max ? name : `${chars.slice(0, max - 1).join("")}…`;
}

/** Numbers in tooltips and lines: `digits` significant decimals, "—" for none. */
export function formatTierNumber(v: number | null | undefined, locale: Locale, digits = 4): string {
  return v === null || v === undefined || !Number.isFinite(v)
    ? "—"
    : formatNumber(v, { lang: locale, digits, grouping: false });
}
