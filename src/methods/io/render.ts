/**
 * Terminal renderers of the IO family (投入产出): aligned tables with zh/en headers and CSV. JSON
 * output is generic (the wire result of the declaration).
 */
import type {
  IoIntensityResult,
  IoLinkagesResult,
  IoMatrixResult,
  IoSeriesResult,
  ResultProvenance,
} from "../../app/index.js";
import type { Diagnostic } from "../../core/index.js";
import { catalog, citationText, formatNumber, type Lang, roundHalfUp, t, term } from "../../i18n/index.js";
import { renderCsv, renderTextTable } from "../text-table.js";

const num = (v: number | null, lang: Lang, digits = 6): string => formatNumber(v, { lang, digits, grouping: false });

function name(row: { name_zh: string; name_en: string }, lang: Lang): string {
  return lang === "zh-CN" ? row.name_zh : row.name_en;
}

/** Non-info diagnostics as indented lines. */
export function diagnosticsText(diagnostics: readonly Diagnostic[], lang: Lang): string {
  const shown = diagnostics.filter((d) => d.severity !== "info");
  if (shown.length === 0) return "";
  const c = catalog(lang);
  return `\n${t("label.diagnostics", lang)}:\n${shown.map((d) => `  [${d.severity}] ${d.code}: ${c.diagnostic(d.code, d.params)}`).join("\n")}\n`;
}

/** Datasets, hashes, software and time of a result. */
export function provenanceText(p: ResultProvenance, lang: Lang): string {
  const ds = p.datasets
    .map(
      (d) =>
        `  ${d.id}${d.sha256 !== "" ? `  ${t("label.sha256", lang)} ${d.sha256.slice(0, 16)}…` : ""}${d.classification !== undefined ? `  ${d.classification.system}` : ""}`,
    )
    .join("\n");
  return `\n${t("label.provenance", lang)}:\n${ds}\n  ${t("label.software", lang)} ${p.software}  ${t("label.computed_at", lang)} ${p.computedAt}\n`;
}

/** io linkages output. */
export function linkagesCsv(r: IoLinkagesResult): string {
  {
    const rows: (string | number | null)[][] = r.sectors.map((s) => [
      s.code,
      s.name_zh,
      s.name_en,
      s.influence,
      s.sensitivity,
    ]);
    if (r.block !== undefined) {
      const codes = r.block.codes.join("+");
      rows.push([
        `group:${r.block.name}`,
        `部门组（${codes}）`,
        `group (${codes})`,
        r.block.influence,
        r.block.sensitivity,
      ]);
    }
    return renderCsv(["code", "name_zh", "name_en", "influence", "sensitivity"], rows);
  }
}

/** io linkages as a text table. */
export function linkagesTable(r: IoLinkagesResult, lang: Lang): string {
  const header = [t("col.code", lang), t("col.name", lang), t("col.influence", lang), t("col.sensitivity", lang)];
  const rows = r.sectors.map((s) => [s.code, name(s, lang), num(s.influence, lang), num(s.sensitivity, lang)]);
  let out = `${t("label.table", lang)}: ${r.table}  ${t("label.variant", lang)}: ${term(`variant_${r.variant}`, lang)}  (${importsLabel(r.imports, lang)})\n\n`;
  out += renderTextTable(header, rows, ["left", "left", "right", "right"]);
  if (r.block !== undefined) {
    const b = r.block;
    const label = b.name === "digital" ? term("digital_sectors", lang) : t("label.block", lang);
    out += `\n${label} (${b.codes.join(", ")}; ${t("label.method", lang)} ${term(b.method, lang)}): ${t("col.influence", lang)} ${num(b.influence, lang)}  ${t("col.sensitivity", lang)} ${num(b.sensitivity, lang)}\n`;
    if (b.rest !== undefined) {
      out += `${t("label.rest", lang)}: ${t("col.influence", lang)} ${num(b.rest.influence, lang)}  ${t("col.sensitivity", lang)} ${num(b.rest.sensitivity, lang)}\n`;
    }
  }
  return out + diagnosticsText(r.diagnostics, lang) + provenanceText(r.provenance, lang);
}

/** Localized label of the import basis of the flows (competitive = domestic + imported). */
function importsLabel(imports: IoLinkagesResult["imports"], lang: Lang): string {
  if (imports === "competitive") return term("competitive_imports", lang);
  return lang === "zh-CN" ? "仅国内流量" : "domestic flows only";
}

/** io intensity output. */
const INTENSITY_KEYS = ["directIntermediate", "directTotal", "complete", "forward"] as const;

/** io intensity as CSV. */
export function intensityCsv(r: IoIntensityResult): string {
  const keys = INTENSITY_KEYS;
  return renderCsv(
    ["code", "name_zh", "name_en", ...keys],
    r.sectors.map((s) => [s.code, s.name_zh, s.name_en, ...keys.map((k) => s[k])]),
  );
}

/** io intensity as a text table. */
export function intensityTable(r: IoIntensityResult, lang: Lang): string {
  const keys = INTENSITY_KEYS;
  const header = [
    t("col.code", lang),
    t("col.name", lang),
    t("col.direct_intermediate", lang),
    t("col.direct_total", lang),
    t("col.complete", lang),
    t("col.forward", lang),
  ];
  const rows = r.sectors.map((s) => [s.code, name(s, lang), ...keys.map((k) => num(s[k], lang))]);
  const head = `${t("label.table", lang)}: ${r.table}  ${term("digital_sectors", lang)}: ${r.group.codes.join(", ")}\n\n`;
  return (
    head +
    renderTextTable(header, rows, ["left", "left", "right", "right", "right", "right"]) +
    diagnosticsText(r.diagnostics, lang) +
    provenanceText(r.provenance, lang)
  );
}

/** io matrix as CSV. */
export function matrixCsv(r: IoMatrixResult): string {
  return renderCsv(
    ["code", ...r.codes],
    r.values.map((row, i) => [r.codes[i] ?? "", ...row]),
  );
}

/** io series as CSV. */
export function seriesCsv(r: IoSeriesResult): string {
  return renderCsv(
    ["year", "influence", "sensitivity", "source", "tableId"],
    r.points.map((p) => [p.year, p.influence, p.sensitivity, p.source, p.tableId]),
  );
}

/** io series as a text table, with the published values beside it. */
export function seriesTable(r: IoSeriesResult, lang: Lang): string {
  const sourceLabel = (s: IoSeriesResult["points"][number]["source"]): string =>
    t(
      s === "table" ? "label.source_table" : s === "interpolated" ? "label.source_interpolated" : "label.source_hold",
      lang,
    );
  const rows = r.points.map((p) => [
    String(p.year),
    roundHalfUp(p.influence, 6),
    roundHalfUp(p.sensitivity, 6),
    sourceLabel(p.source),
    p.tableId,
  ]);
  const header = [
    t("col.year", lang),
    t("col.influence", lang),
    t("col.sensitivity", lang),
    t("col.source", lang),
    t("col.table", lang),
  ];
  let out = renderTextTable(header, rows, ["left", "right", "right", "left", "left"]);
  if (r.published.length > 0) {
    const pub = r.published.map((p) => [
      String(p.year),
      t(p.measure === "influence" ? "col.influence" : "col.sensitivity", lang),
      p.printed ?? String(p.value),
      p.citation !== undefined ? citationText(p.citation, lang) : p.source,
    ]);
    out += `\n${t("label.published", lang)}:\n`;
    out += renderTextTable([t("col.year", lang), "", t("label.published", lang), t("col.source", lang)], pub, [
      "left",
      "left",
      "right",
      "left",
    ]);
  }
  return out + diagnosticsText(r.diagnostics, lang) + provenanceText(r.provenance, lang);
}
