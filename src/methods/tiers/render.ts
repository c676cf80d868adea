/**
 * Terminal renderer of the sector-tiers family (产业分层): per row its tier and cluster (and the printed
 * tier), tier sizes, the agreement with the printed tiers, and the dendrogram's merges.
 */
import type { z } from "zod";
import type { CostBenefitResult, TierStructureAppResult } from "../../app/index.js";
import { formatNumber, type Lang, t } from "../../i18n/index.js";
import { diagnosticsText, provenanceText } from "../io/render.js";
import { renderTextTable } from "../text-table.js";
import type { tiersWire } from "./index.js";

const TIER_KEYS = ["high", "mid_high", "medium", "mid_low", "low"] as const;

function tierText(code: string | null, lang: Lang): string {
  if (code === null) return "";
  return (TIER_KEYS as readonly string[]).includes(code) ? t(`tier.${code as (typeof TIER_KEYS)[number]}`, lang) : code;
}

const num = (v: number | null, lang: Lang, digits: number) =>
  v === null ? "—" : formatNumber(v, { lang, digits, grouping: false });

/** tiers cluster / classify as text. */
export function tiersTable(r: z.output<typeof tiersWire>, lang: Lang): string {
  let out = `${t("label.dataset", lang)}: ${r.dataset}${r.year !== null ? ` (${r.year})` : ""}  ${t("label.tier_method", lang)}: ${r.tier_method === "hac" ? `${r.method} / ${r.scale}` : r.tier_method}  k = ${r.k}\n`;
  out += `${t("label.features", lang)}: ${r.features.join(", ")}${r.cut_points !== null ? `  ${t("label.cut_points", lang)}: ${r.cut_points.join(", ")}` : ""}\n\n`;
  const published = r.clusters.some((c) => c.published_tier !== null);
  out += renderTextTable(
    [
      t("col.code", lang),
      t("col.name", lang),
      t("col.tier", lang),
      ...(r.tier_method === "hac" ? [t("col.cluster", lang)] : []),
      ...r.features.map((f) => f),
      ...(published ? [t("col.printed_tier", lang)] : []),
    ],
    r.clusters.map((c) => [
      c.label,
      (lang === "en" ? c.name_en : c.name_zh) ?? "",
      tierText(c.tier_code ?? (c.tier === null ? null : String(c.tier)), lang),
      ...(r.tier_method === "hac" ? [c.cluster === null ? "" : String(c.cluster)] : []),
      ...r.features.map((_, j) => num(c.values[j] ?? null, lang, 4)),
      ...(published
        ? [
            `${tierText(c.published_tier, lang)}${c.published_tier !== null && c.published_tier !== c.tier_code ? " ≠" : ""}`,
          ]
        : []),
    ]),
    [
      "left",
      "left",
      "left",
      ...(r.tier_method === "hac" ? (["right"] as const) : []),
      ...r.features.map(() => "right" as const),
      ...(published ? (["left"] as const) : []),
    ],
  );
  out += `\n${renderTextTable(
    [t("col.tier", lang), t("col.computed_count", lang), ...(published ? [t("col.printed_count", lang)] : [])],
    r.sizes.map((s) => [
      tierText(s.tier, lang),
      String(s.computed),
      ...(published ? [s.published === null ? "" : String(s.published)] : []),
    ]),
    ["left", "right", ...(published ? (["right"] as const) : [])],
  )}`;
  if (r.agreement !== null) {
    out += `\n${t("label.agreement", lang, { agree: r.agreement.agree, compared: r.agreement.compared, ari: num(r.agreement.ari, lang, 3) })}\n`;
    if (r.agreement.differing.length > 0)
      out += `${t("label.differing", lang)}: ${r.agreement.differing.map((d) => `${d.code} (${tierText(d.tier, lang)} / ${tierText(d.published, lang)})`).join(", ")}\n`;
  }
  if (r.excluded.length > 0) out += `${t("label.excluded", lang)}: ${r.excluded.join(", ")}\n`;
  if (r.merges.length > 0) {
    out += `\n${t("label.cophenetic", lang)}: ${num(r.cophenetic, lang, 4)}\n`;
    out += renderTextTable(
      ["#", t("col.left", lang), t("col.right", lang), t("col.height", lang), t("col.size", lang)],
      r.merges.map((m) => [String(m.step), String(m.left), String(m.right), num(m.height, lang, 6), String(m.size)]),
      ["right", "right", "right", "right", "right"],
    );
    out += `${t("label.leaf_order", lang)}: ${r.leaf_order.join(" ")}\n`;
  }
  return out + diagnosticsText(r.diagnostics as never, lang) + provenanceText(r.provenance as never, lang);
}

const pct = (v: number | null | undefined, lang: Lang) =>
  v === null || v === undefined ? "—" : formatNumber(v * 100, { lang, digits: 2, grouping: false });

/** tiers structure: shares and contributions by tier and year, the printed values beside. */
export function structureTable(r: TierStructureAppResult, lang: Lang): string {
  const head = [t("col.year", lang), ...r.tiers.map((x) => tierText(x, lang)), ""];
  let out = `${t("label.va_shares", lang)}\n`;
  out += renderTextTable(
    head,
    r.years.map((y) => [
      String(y.year),
      ...y.shares.map((s) => pct(s, lang)),
      y.source === "interpolated" ? "~" : (y.tableId ?? ""),
    ]),
    ["right", ...r.tiers.map(() => "right" as const), "left"],
  );
  out += `\n${t("label.growth_contributions", lang)}\n`;
  out += renderTextTable(
    [t("col.year", lang), ...r.tiers.map((x) => tierText(x, lang))],
    r.contributions.map((c) => [String(c.year), ...c.contributions.map((s) => pct(s, lang))]),
    ["right", ...r.tiers.map(() => "right" as const)],
  );
  const printed = [
    ...r.published.shares.map((p) => ({ ...p, kind: "share" })),
    ...r.published.contributions.map((p) => ({ ...p, kind: "contribution" })),
  ];
  if (printed.length > 0) {
    out += `\n${t("label.printed_values", lang)}\n`;
    out += renderTextTable(
      [t("col.tier", lang), t("col.year", lang), t("col.quantity", lang), t("col.published", lang)],
      printed.map((p) => [
        tierText(p.tier, lang),
        String(p.year),
        t(p.kind === "share" ? "label.va_shares" : "label.growth_contributions", lang),
        `${formatNumber(p.value, { lang, digits: 2, grouping: false })}%`,
      ]),
      ["left", "right", "left", "right"],
    );
  }
  return out + diagnosticsText(r.diagnostics as never, lang) + provenanceText(r.provenance as never, lang);
}

/** costbenefit ratios: tier means by year (all sectors and without primary products), the slopes, the printed values. */
export function costBenefitTable(r: CostBenefitResult, lang: Lang): string {
  let out = `${t("label.dataset", lang)}: ${r.dataset} (${r.input === "io_proxy" ? t("label.io_proxy", lang) : r.input})\n\n`;
  const excl = new Map(r.tierMeansExcluding.map((m) => [`${m.tier}\u0000${m.year}`, m]));
  out += renderTextTable(
    [t("col.year", lang), t("col.tier", lang), "CR %", "PR %", t("col.pr_excl_primary", lang)],
    r.tierMeans.map((m) => [
      String(m.year),
      tierText(m.tier, lang),
      pct(m.costRatio, lang),
      pct(m.profitRatio, lang),
      pct(excl.get(`${m.tier}\u0000${m.year}`)?.profitRatio, lang),
    ]),
    ["right", "left", "right", "right", "right"],
  );
  for (const [name, g] of [
    ["CR", r.regressions.costRatio],
    ["PR", r.regressions.profitRatio],
  ] as const)
    if (g !== null)
      out += `\n${name} ~ DI (${g.form}): b = ${formatNumber(g.slope.estimate, { lang, digits: 4, grouping: false })} (s.e. ${formatNumber(g.slope.stdError, { lang, digits: 4, grouping: false })}, p ${formatNumber(g.slope.pValue, { lang, digits: 4, grouping: false })}, n ${g.regression.n})`;
  if (r.elasticities.means.length > 0)
    out += `\n${t("label.elasticities", lang)}: ${r.elasticities.means.map((m) => `${m.component} ${m.from}–${m.to} ${m.mean === null ? "—" : formatNumber(m.mean, { lang, digits: 3, grouping: false })} (${m.used}/${m.expected})`).join("; ")}`;
  out += `\n\n${t("label.printed_values", lang)}: ${r.published.map((p) => `${p.id} ${formatNumber(p.value, { lang, digits: 2, grouping: false })}`).join("; ")}\n`;
  return out + diagnosticsText(r.diagnostics as never, lang) + provenanceText(r.provenance as never, lang);
}
