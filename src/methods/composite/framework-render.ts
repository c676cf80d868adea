/**
 * Terminal renderers of `index build` and `index uncertainty` (指标体系综合指数): aligned tables with
 * zh/en headers and CSV. JSON output is the declaration's wire result.
 */
import type { BuildIndexResult, IndexUncertaintyResult } from "../../app/index.js";
import { formatNumber, type Lang, t } from "../../i18n/index.js";
import { diagnosticsText, provenanceText } from "../io/render.js";
import { renderCsv, renderTextTable } from "../text-table.js";

const num = (v: number | null | undefined, lang: Lang, digits = 4): string =>
  formatNumber(v ?? null, { lang, digits, grouping: false });
const signed = (v: number | null): string => (v === null ? "" : v > 0 ? `+${v}` : String(v));

/** index build as a text table: the composite per year, then its disparity. */
export function buildTable(r: BuildIndexResult, lang: Lang): string {
  const withYear = r.years !== null;
  const header = [
    ...(withYear ? [t("col.year", lang)] : []),
    t("col.entity", lang),
    t("col.score", lang),
    t("col.rank", lang),
    ...(withYear ? [t("col.rank_change", lang)] : []),
  ];
  const rows = r.composite.map((c) => [
    ...(withYear ? [String(c.year ?? "")] : []),
    c.entity,
    num(c.score, lang, 2),
    String(c.rank),
    ...(withYear ? [signed(c.rankChange)] : []),
  ]);
  let out = `${t("label.dataset", lang)}: ${r.dataset}  ${t("label.index_spec", lang)}: ${r.spec.id} (${r.normalisation}, ${r.aggregation})\n\n`;
  out += renderTextTable(header, rows, [
    ...(withYear ? ["right" as const] : []),
    "left",
    "right",
    "right",
    ...(withYear ? ["right" as const] : []),
  ]);
  if (r.disparity.length > 0) {
    out += `\n${t("label.disparity", lang)}\n`;
    out += renderTextTable(
      [...(withYear ? [t("col.year", lang)] : []), t("col.cv", lang), t("col.theil", lang), t("col.gini", lang)],
      r.disparity.map((d) => [
        ...(withYear ? [String(d.year ?? "")] : []),
        num(d.cv, lang),
        num(d.theil, lang),
        num(d.gini, lang),
      ]),
      [...(withYear ? ["right" as const] : []), "right", "right", "right"],
    );
  }
  if (r.imputed.length > 0) out += `\n${t("label.imputed_cells", lang)}: ${r.imputed.length}\n`;
  return out + diagnosticsText(r.diagnostics, lang) + provenanceText(r.provenance, lang);
}

/** index build as CSV: every node's score and rank (long format, spec §12.3 step 5). */
export function buildCsv(r: BuildIndexResult): string {
  const weight = new Map(r.weights.map((w) => [w.id, w.weight]));
  return renderCsv(
    ["year", "entity", "level", "id", "score", "rank", "weight"],
    r.scores.map((s) => [s.year ?? null, s.entity, s.level, s.id, s.score, s.rank, weight.get(s.id) ?? 1]),
  );
}

/** index uncertainty as text tables: rank intervals, then Sobol indices. */
export function uncertaintyTable(r: IndexUncertaintyResult, lang: Lang): string {
  let out = `${t("label.dataset", lang)}: ${r.dataset}  ${t("label.index_spec", lang)}: ${r.spec.id}${r.year !== null ? `  ${t("col.year", lang)}: ${r.year}` : ""}  ${t("label.runs", lang)}: ${r.runs}  ${t("label.seed", lang)}: ${r.seed}\n\n`;
  out += renderTextTable(
    [t("col.entity", lang), t("col.rank", lang), t("col.median_rank", lang), t("col.rank_interval", lang)],
    r.entities.map((e) => [
      e.entity,
      String(e.nominalRank),
      num(e.medianRank, lang, 1),
      `${num(e.rankP05, lang, 1)}–${num(e.rankP95, lang, 1)}`,
    ]),
    ["left", "right", "right", "right"],
  );
  out += "\n";
  out += renderTextTable(
    [t("col.factor", lang), t("col.first_order", lang), t("col.total_effect", lang)],
    r.sobol.map((s) => [
      s.factor,
      `${num(s.firstOrder, lang, 3)} ± ${num(s.firstOrderSe, lang, 3)}`,
      `${num(s.total, lang, 3)} ± ${num(s.totalSe, lang, 3)}`,
    ]),
    ["left", "right", "right"],
  );
  return out + diagnosticsText(r.diagnostics, lang) + provenanceText(r.provenance, lang);
}

/** index uncertainty as CSV (the rank intervals). */
export function uncertaintyCsv(r: IndexUncertaintyResult): string {
  return renderCsv(
    ["entity", "nominal_rank", "median_rank", "rank_p05", "rank_p95"],
    r.entities.map((e) => [e.entity, e.nominalRank, e.medianRank, e.rankP05, e.rankP95]),
  );
}
