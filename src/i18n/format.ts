/**
 * Presentation formatting (数字格式化): round-half-up display rounding (spec §0.2), grouped numbers,
 * money with Chinese 万/亿/万亿 scaling, and language detection. Rounding happens only here, at the
 * edges; stored and computed results keep full float64 precision (STYLE §2.7).
 */
import type { Unit } from "../data/index.js";

/** The interface languages. zh-CN is the default everywhere. */
export type Lang = "zh-CN" | "en";

export const SUPPORTED_LANGS: readonly Lang[] = ["zh-CN", "en"];
export const DEFAULT_LANG: Lang = "zh-CN";

/** Plain (non-exponent) decimal string of the shortest round-trip representation of x. */
function plainDecimal(x: number): string {
  const s = String(Math.abs(x));
  const m = /^(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (m === null) return s;
  const intPart = m[1] ?? "0";
  const frac = m[2] ?? "";
  const exp = Number(m[3]);
  const digits = intPart + frac;
  const point = intPart.length + exp; // position of the decimal point within `digits`
  if (point <= 0) return `0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return digits + "0".repeat(point - digits.length);
  return `${digits.slice(0, point)}.${digits.slice(point)}`;
}

/**
 * Round half away from zero on the shortest decimal representation (四舍五入, spec §0.2).
 *
 * Takes `String(x)` (the shortest round-trip decimal), then rounds that decimal string to `digits`
 * places, so 2.675 → "2.68" although the double is 2.67499…; `toFixed` would give "2.67".
 * The sign is an ASCII hyphen-minus (the spec's "−" is typographic); a result that rounds to zero
 * has no sign.
 *
 * @param x the number; NaN and ±Infinity are returned as "NaN", "Infinity", "-Infinity"
 * @param digits decimal places, integer 0…20
 * @returns the rounded decimal string with exactly `digits` decimals
 * @example
 * roundHalfUp(40.625, 2) // => "40.63"
 * roundHalfUp(-1.005, 2) // => "-1.01"
 */
export function roundHalfUp(x: number, digits: number): string {
  if (!Number.isFinite(x)) return String(x);
  const d = Math.max(0, Math.min(20, Math.trunc(digits)));
  const negative = x < 0;
  const s = plainDecimal(x);
  const [intStr = "0", fracStr = ""] = s.split(".");
  const padded = fracStr.padEnd(d + 1, "0");
  const kept = intStr + padded.slice(0, d);
  const next = padded.charCodeAt(d) - 48;
  // digit array of the kept part, incremented when the next digit is ≥ 5
  const arr = kept.split("").map((c) => c.charCodeAt(0) - 48);
  if (next >= 5) {
    let i = arr.length - 1;
    while (i >= 0) {
      const v = (arr[i] ?? 0) + 1;
      if (v === 10) {
        arr[i] = 0;
        i--;
      } else {
        arr[i] = v;
        break;
      }
    }
    if (i < 0) arr.unshift(1);
  }
  const all = arr.join("");
  const intLen = all.length - d;
  let intOut = all.slice(0, intLen).replace(/^0+(?=\d)/, "");
  if (intOut === "") intOut = "0";
  const fracOut = all.slice(intLen);
  const body = d > 0 ? `${intOut}.${fracOut}` : intOut;
  const isZero = /^[0.]*$/.test(body);
  return negative && !isZero ? `-${body}` : body;
}

/** Inserts thousands separators into the integer part of a plain decimal string. */
function group(decimal: string): string {
  const neg = decimal.startsWith("-");
  const body = neg ? decimal.slice(1) : decimal;
  const [i = "0", f] = body.split(".");
  const grouped = i.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return (neg ? "-" : "") + grouped + (f !== undefined ? `.${f}` : "");
}

export interface FormatNumberOptions {
  /** @default "zh-CN" */
  readonly lang?: Lang;
  /** decimal places @default 2 */
  readonly digits?: number;
  /** thousands separators @default true */
  readonly grouping?: boolean;
}

/**
 * Formats a number for display (数字显示): round-half-up to `digits`, thousands separators.
 * null, undefined and NaN render as "—".
 * @example formatNumber(1234.5678, { digits: 2 }) // => "1,234.57"
 */
export function formatNumber(x: number | null | undefined, options: FormatNumberOptions = {}): string {
  if (x === null || x === undefined || Number.isNaN(x)) return "—";
  if (!Number.isFinite(x)) return x > 0 ? "∞" : "-∞";
  const s = roundHalfUp(x, options.digits ?? 2);
  return options.grouping === false ? s : group(s);
}

/** Formats a fraction (0.4381) as a percent string ("43.81%"). */
export function formatPercent(fraction: number | null | undefined, options: FormatNumberOptions = {}): string {
  if (fraction === null || fraction === undefined || Number.isNaN(fraction)) return "—";
  return `${formatNumber(fraction * 100, { digits: 2, ...options })}%`;
}

const MONEY_UNITS: Partial<Record<Unit, { currency: "cny" | "usd" | "eur"; factor: number }>> = {
  cny_yuan: { currency: "cny", factor: 1 },
  cny_10k: { currency: "cny", factor: 1e4 },
  cny_100m: { currency: "cny", factor: 1e8 },
  cny_1t: { currency: "cny", factor: 1e12 },
  usd_million: { currency: "usd", factor: 1e6 },
  eur_million: { currency: "eur", factor: 1e6 },
  eur_billion: { currency: "eur", factor: 1e9 },
};

const ZH_CURRENCY = { cny: "元", usd: "美元", eur: "欧元" } as const;
const EN_CURRENCY = { cny: "yuan", usd: "USD", eur: "EUR" } as const;

/**
 * Formats an amount of money with a readable scale (金额显示). zh-CN uses 万 / 亿 / 万亿
 * (1e4 / 1e8 / 1e12); en uses million / billion / trillion. Non-money units are
 * formatted as plain numbers followed by the unit id.
 *
 * @param value the amount, expressed in `unit`
 * @param unit the unit of `value` (e.g. "cny_10k" = 万元)
 * @param lang output language
 * @param digits decimal places @default 2
 * @example
 * formatMoney(1.0164e9, "cny_10k", "zh-CN") // => "10.16万亿元"
 * formatMoney(1.0164e9, "cny_10k", "en") // => "10.16 trillion yuan"
 */
export function formatMoney(value: number, unit: Unit, lang: Lang, digits = 2): string {
  const spec = MONEY_UNITS[unit];
  if (spec === undefined) return `${formatNumber(value, { lang, digits })} ${unit}`;
  const base = value * spec.factor;
  const abs = Math.abs(base);
  if (lang === "zh-CN") {
    const cur = ZH_CURRENCY[spec.currency];
    const scales: [number, string][] = [
      [1e12, "万亿"],
      [1e8, "亿"],
      [1e4, "万"],
    ];
    for (const [f, name] of scales) {
      if (abs >= f) return `${formatNumber(base / f, { lang, digits })}${name}${cur}`;
    }
    return `${formatNumber(base, { lang, digits })}${cur}`;
  }
  const cur = EN_CURRENCY[spec.currency];
  const scales: [number, string][] = [
    [1e12, "trillion"],
    [1e9, "billion"],
    [1e6, "million"],
  ];
  for (const [f, name] of scales) {
    if (abs >= f) return `${formatNumber(base / f, { lang, digits })} ${name} ${cur}`;
  }
  return `${formatNumber(base, { lang, digits })} ${cur}`;
}

/** Maps a language tag (zh, zh-CN, zh-Hans-CN, en-US, EN …) to a supported Lang, or undefined. */
export function normalizeLang(tag: string | null | undefined): Lang | undefined {
  if (tag === null || tag === undefined) return undefined;
  const t = tag.trim().toLowerCase();
  if (t === "") return undefined;
  if (t === "zh" || t.startsWith("zh-") || t.startsWith("zh_")) return "zh-CN";
  if (t === "en" || t.startsWith("en-") || t.startsWith("en_")) return "en";
  return undefined;
}

/** Parses an Accept-Language header into tags ordered by quality (highest first). */
export function parseAcceptLanguage(header: string): string[] {
  return header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...rest] = part.trim().split(";");
      const q = rest.map((r) => /^\s*q=([\d.]+)\s*$/.exec(r)?.[1]).find((v) => v !== undefined);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((e) => e.tag !== "" && e.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((e) => e.tag);
}

/**
 * Picks the interface language (语言选择) from candidates in priority order — e.g. an explicit flag,
 * an environment variable, a cookie, then an Accept-Language header (comma lists are parsed) — and
 * falls back to zh-CN.
 * @example detectLang(undefined, "en-US,en;q=0.9") // => "en"
 */
export function detectLang(...candidates: readonly (string | null | undefined)[]): Lang {
  for (const c of candidates) {
    if (c === null || c === undefined) continue;
    const tags = c.includes(",") || c.includes(";") ? parseAcceptLanguage(c) : [c];
    for (const t of tags) {
      const lang = normalizeLang(t);
      if (lang !== undefined) return lang;
    }
  }
  return DEFAULT_LANG;
}
