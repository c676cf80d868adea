/**
 * Renders app-level results for the terminal: aligned tables with zh/en headers, CSV, or one JSON
 * document (diagnostics carry their localized `message`).
 */

import type { DatasetShowResult, DatasetsValidateResult } from "../app/datasets.js";
import type { IoIntensityResult } from "../app/io-intensity.js";
import type { IoLinkagesResult } from "../app/io-linkages.js";
import type { IoMatrixResult } from "../app/io-matrix.js";
import type { ResultProvenance } from "../app/provenance.js";
import type { Diagnostic } from "../core/diagnostics.js";
import type { DatasetMeta } from "../data/dataset.js";
import { catalog, formatNumber, type Lang, renderIssue, t, term, withDiagnosticMessages } from "../i18n/index.js";
import { renderCsv, renderTextTable } from "./text-table.js";

export type OutputFormat = "table" | "json" | "csv";

/** A result with its diagnostics rendered as {code, severity, params, message}. */
export const withMessages = withDiagnosticMessages;

/** One JSON document, two-space indented, newline-terminated. */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

const num = (v: number | null, lang: Lang, digits = 6): string => formatNumber(v, { lang, digits, grouping: false });

function name(row: { name_zh: string; name_en: string }, lang: Lang): string {
  return lang === "zh-CN" ? row.name_zh : row.name_en;
}

function diagnosticsText(diagnostics: readonly Diagnostic[], lang: Lang): string {
  const shown = diagnostics.filter((d) => d.severity !== "info");
  if (shown.length === 0) return "";
  const c = catalog(lang);
  return `\n${t("label.diagnostics", lang)}:\n${shown.map((d) => `  [${d.severity}] ${d.code}: ${c.diagnostic(d.code, d.params)}`).join("\n")}\n`;
}

function provenanceText(p: ResultProvenance, lang: Lang): string {
  const ds = p.datasets
    .map(
      (d) =>
        `  ${d.id}${d.sha256 !== "" ? `  ${t("label.sha256", lang)} ${d.sha256.slice(0, 16)}…` : ""}${d.classification !== undefined ? `  ${d.classification.system}` : ""}`,
    )
    .join("\n");
  return `\n${t("label.provenance", lang)}:\n${ds}\n  ${t("label.software", lang)} ${p.software}  ${t("label.computed_at", lang)} ${p.computedAt}\n`;
}

/** io linkages output. */
export function renderLinkages(r: IoLinkagesResult, format: OutputFormat, lang: Lang): string {
  if (format === "json") return jsonText(withMessages(r, lang));
  if (format === "csv") {
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
export function renderIntensity(r: IoIntensityResult, format: OutputFormat, lang: Lang): string {
  if (format === "json") return jsonText(withMessages(r, lang));
  const keys = ["directIntermediate", "directTotal", "complete", "forward"] as const;
  if (format === "csv") {
    return renderCsv(
      ["code", "name_zh", "name_en", ...keys],
      r.sectors.map((s) => [s.code, s.name_zh, s.name_en, ...keys.map((k) => s[k])]),
    );
  }
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

/** io matrix output (csv or json; "table" is treated as csv). */
export function renderMatrix(r: IoMatrixResult, format: OutputFormat, lang: Lang): string {
  if (format === "json") return jsonText(withMessages(r, lang));
  return renderCsv(
    ["code", ...r.codes],
    r.values.map((row, i) => [r.codes[i] ?? "", ...row]),
  );
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
    ...d.provenance.caveats.map((c) => `  ! ${c}`),
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
