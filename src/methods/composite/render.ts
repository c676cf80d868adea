/**
 * Terminal renderers of the composite-index family (综合指数): aligned tables with zh/en headers and
 * CSV. JSON output is the declaration's wire result.
 */
import type { IndexCycleResult, IndexTopsisResult, IndexWeightsResult } from "../../app/index.js";
import { formatNumber, type Lang, t } from "../../i18n/index.js";
import { diagnosticsText, provenanceText } from "../io/render.js";
import { renderCsv, renderTextTable } from "../text-table.js";

const num = (v: number | null | undefined, lang: Lang, digits = 6): string =>
  formatNumber(v ?? null, { lang, digits, grouping: false });
const sign = (d: 1 | -1): string => (d === 1 ? "+" : "−");

type WeightRow = IndexWeightsResult["weights"][number];
type Column = readonly [string, (w: WeightRow) => number | undefined];

/** index weights as a text table. */
export function weightsTable(r: IndexWeightsResult, lang: Lang): string {
  const extra: readonly Column[] =
    r.method === "entropy"
      ? [
          [t("col.entropy", lang), (w) => w.entropy],
          [t("col.divergence", lang), (w) => w.divergence],
        ]
      : r.method === "critic"
        ? [
            [t("col.sd", lang), (w) => w.sd],
            [t("col.conflict", lang), (w) => w.conflict],
          ]
        : r.method === "pca"
          ? [[t("col.loading", lang), (w) => w.loading]]
          : ([] as const);
  const header = [t("col.indicator", lang), t("col.direction", lang), t("col.weight", lang), ...extra.map(([h]) => h)];
  const rows = r.weights.map((w) => [
    w.indicator,
    sign(w.direction),
    num(w.weight, lang),
    ...extra.map(([, f]) => num(f(w), lang)),
  ]);
  let out = `${t("label.dataset", lang)}: ${r.dataset}  ${t("label.weight_method", lang)}: ${r.method}${r.variant !== undefined ? ` (${r.variant})` : ""}  ${t("label.observations", lang)}: ${r.observations}\n\n`;
  out += renderTextTable(header, rows, ["left", "left", "right", ...extra.map(() => "right" as const)]);
  if (r.explainedShare !== undefined)
    out += `\n${t("label.explained_share", lang)}: ${num(r.explainedShare, lang, 4)}\n`;
  return out + diagnosticsText(r.diagnostics, lang) + provenanceText(r.provenance, lang);
}

/** index weights as CSV. */
export function weightsCsv(r: IndexWeightsResult): string {
  return renderCsv(
    ["indicator", "direction", "weight", "entropy", "divergence", "sd", "conflict", "information", "loading"],
    r.weights.map((w) => [
      w.indicator,
      w.direction,
      w.weight,
      w.entropy ?? null,
      w.divergence ?? null,
      w.sd ?? null,
      w.conflict ?? null,
      w.information ?? null,
      w.loading ?? null,
    ]),
  );
}

/** index topsis as a text table. */
export function topsisTable(r: IndexTopsisResult, lang: Lang): string {
  const withYear = r.scores.some((s) => s.year !== undefined);
  const header = [
    ...(withYear ? [t("col.year", lang)] : []),
    t("col.entity", lang),
    t("col.closeness", lang),
    t("col.rank", lang),
  ];
  const rows = r.scores.map((s) => [
    ...(withYear ? [String(s.year ?? "")] : []),
    s.entity,
    num(s.closeness, lang),
    String(s.rank),
  ]);
  let out = `${t("label.dataset", lang)}: ${r.dataset}  ${t("label.weight_method", lang)}: ${r.weightMethod}\n\n`;
  out += renderTextTable(header, rows, [...(withYear ? ["right" as const] : []), "left", "right", "right"]);
  return out + diagnosticsText(r.diagnostics, lang) + provenanceText(r.provenance, lang);
}

/** index topsis as CSV. */
export function topsisCsv(r: IndexTopsisResult): string {
  return renderCsv(
    ["year", "entity", "closeness", "rank", "distance_to_ideal", "distance_to_anti_ideal"],
    r.scores.map((s) => [s.year ?? null, s.entity, s.closeness, s.rank, s.distanceToIdeal, s.distanceToAntiIdeal]),
  );
}

/** index cycle as a text table. */
export function cycleTable(r: IndexCycleResult, lang: Lang): string {
  const levels = r.input === "levels";
  const header = [
    t("col.year", lang),
    ...(levels ? [t("col.level", lang)] : []),
    t("col.growth_pct", lang),
    t("col.weak", lang),
  ];
  const rows = r.years.map((y) => [
    String(y.year),
    ...(levels ? [num(y.value, lang)] : []),
    num(y.growth, lang, 2),
    y.weak === null ? "" : y.weak === 1 ? "●" : "·",
  ]);
  let out = `${t("label.dataset", lang)}: ${r.dataset}  ${r.column}${r.entity !== null ? `  ${r.entity}` : ""}\n\n`;
  out += renderTextTable(header, rows, ["right", ...(levels ? ["right" as const] : []), "right", "left"]);
  const episodes = r.episodes
    .map((e) => `${e.start}–${e.end}${e.exitYear !== null ? ` (${t("label.exit", lang)} ${e.exitYear})` : ""}`)
    .join(", ");
  out += `\n${t("label.episodes", lang)}: ${episodes === "" ? t("label.none", lang) : episodes}\n`;
  return out + diagnosticsText(r.diagnostics, lang) + provenanceText(r.provenance, lang);
}

/** index cycle as CSV. */
export function cycleCsv(r: IndexCycleResult): string {
  return renderCsv(
    ["year", "value", "growth", "weak"],
    r.years.map((y) => [y.year, y.value, y.growth, y.weak]),
  );
}
