/**
 * Presentation formatting shared by chart builders, the dashboard and the report (STYLE §2.7: round only
 * at presentation). Pure: no clock, no DOM; numbers go through `src/i18n/format.ts` so the UI, report and CLI agree.
 */
import { formatNumber, formatMoney as i18nFormatMoney } from "../../src/i18n/format.js";
import type { Locale } from "./api-types.js";

/** A coefficient with a fixed number of decimals (default 3, round half up), e.g. `1.042`. Non-finite → "—". */
export function formatCoefficient(value: number | null | undefined, locale: Locale, digits = 3): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return formatNumber(value, { lang: locale, digits, grouping: false });
}

/** A signed gap, e.g. `+0.002` / `−0.116`. */
export function formatGap(value: number | null | undefined, locale: Locale, digits = 3): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  const s = formatCoefficient(Math.abs(value), locale, digits);
  return `${value < 0 && s !== formatCoefficient(0, locale, digits) ? "−" : "+"}${s}`;
}

/**
 * A money amount with 万/亿/万亿 scaling in zh-CN (e.g. `1,070.56亿元`) and million/billion/trillion in
 * English — delegates to the project formatter `src/i18n/format.ts` (round half up, spec §0.2).
 * @param value amount in `unit`
 * @param unit a `Unit` id such as `cny_10k` (万元); unknown units print as number + unit id
 */
export function formatMoney(value: number | null | undefined, unit: string, locale: Locale): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return i18nFormatMoney(value, unit as Parameters<typeof i18nFormatMoney>[1], locale);
}

/** Escapes text for HTML (tooltips are HTML in ECharts; report output is HTML). */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}
