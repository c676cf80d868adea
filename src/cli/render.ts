/**
 * Renders app-level results for the terminal: aligned tables with zh/en headers, CSV, or one JSON
 * document (diagnostics carry their localized `message`).
 */

import type { DatasetShowResult, DatasetsValidateResult } from "../app/datasets.js";
import type { DatasetMeta } from "../app/index.js";
import { type Lang, renderCaveat, renderIssue, t, withDiagnosticMessages } from "../i18n/index.js";
import { renderCsv, renderTextTable } from "../methods/text-table.js";

export type { OutputFormat } from "../methods/declaration.js";

import type { OutputFormat } from "../methods/declaration.js";

/** A result with its diagnostics rendered as {code, severity, params, message}. */
export const withMessages = withDiagnosticMessages;

/** One JSON document, two-space indented, newline-terminated. */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function name(row: { name_zh: string; name_en: string }, lang: Lang): string {
  return lang === "zh-CN" ? row.name_zh : row.name_en;
}

/** datasets list output. */
export function renderDatasetList(datasets: readonly DatasetMeta[], format: OutputFormat, lang: Lang): string {
  if (format === "json") return jsonText({ datasets });
  const rows = datasets.map((d) => [
    d.id,
    d.kind,
    d.years.length > 1 ? `${d.years[0]}–${d.years[d.years.length - 1]}` : String(d.years[0] ?? ""),
    d.dimensions.sectors !== undefined ? String(d.dimensions.sectors) : "",
    d.unit,
    lang === "zh-CN" ? d.titleZh : d.titleEn,
  ]);
  if (format === "csv") return renderCsv(["id", "kind", "years", "sectors", "unit", "title"], rows);
  const header = ["col.id", "col.kind", "col.years", "col.sectors", "col.unit", "col.title"].map((k) =>
    t(k as "col.id", lang),
  );
  return renderTextTable(header, rows, ["left", "left", "left", "right", "left", "left"]);
}

/** datasets show output. */
export function renderDatasetShow(d: DatasetShowResult, format: OutputFormat, lang: Lang): string {
  if (format === "json")
    return jsonText({
      ...d,
      validation: { ...d.validation, issues: d.validation.issues.map((i) => renderIssue(i, lang)) },
    });
  const lines = [
    `${d.id}`,
    `  ${lang === "zh-CN" ? d.titleZh : d.titleEn}`,
    `  ${t("col.kind", lang)}: ${d.kind}  ${t("col.years", lang)}: ${d.years.length > 0 ? d.years.join(", ") : "—"}  ${t("col.unit", lang)}: ${d.unit}`,
    ...(d.classification !== undefined
      ? [`  ${t("col.classification", lang)}: ${d.classification.system} (${d.classification.version})`]
      : []),
    `  ${t("label.provenance", lang)}: ${d.provenance.publisher} — ${d.provenance.originalSource}`,
    ...d.provenance.files.map((f) => `    ${f.path}  sha256 ${f.sha256}`),
    ...d.provenance.caveats.map((c) => `  ! ${renderCaveat(c, lang)}`),
  ];
  let out = `${lines.join("\n")}\n`;
  if (d.sectors !== undefined) {
    out += `\n${renderTextTable(
      [t("col.code", lang), t("col.name", lang)],
      d.sectors.map((s) => [s.code, name(s, lang)]),
      ["left", "left"],
    )}`;
  }
  out += `\n${validationText(d.validation.issues, lang)}`;
  return out;
}

function validationText(issues: DatasetShowResult["validation"]["issues"], lang: Lang): string {
  if (issues.length === 0) return lang === "zh-CN" ? "校验：无问题\n" : "validation: no issues\n";
  const errors = issues.some((i) => i.severity === "error");
  const head = errors
    ? t("label.issues", lang, { count: issues.length })
    : t("label.validation_ok", lang, { count: issues.length });
  return `${head}\n${issues.map((i) => `  ${issueLine(i, lang)}`).join("\n")}\n`;
}

/** One issue: "[severity code] location: message". */
export function issueLine(i: DatasetShowResult["validation"]["issues"][number], lang: Lang): string {
  const r = renderIssue(i, lang);
  return `[${r.severity} ${r.code}] ${r.location}: ${r.message}`;
}

/** datasets validate output. */
export function renderValidate(r: DatasetsValidateResult, format: OutputFormat, lang: Lang): string {
  if (format === "json") return jsonText({ ...r, issues: r.issues.map((i) => renderIssue(i, lang)) });
  let out = "";
  if (r.ok && r.table !== undefined)
    out += `${t("msg.valid", lang, { file: r.file, sectors: r.table.sectors, unit: r.table.unit })}\n`;
  if (r.issues.length > 0) out += validationText(r.issues, lang);
  return out;
}
