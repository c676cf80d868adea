/**
 * Provenance on hover: turns a result's `provenance` into labelled lines for chart tooltips, the
 * dashboard's provenance panel and the report's figure notes.
 */
import type { ResultProvenance, WireProvenanceDataset } from "./api-types.js";
import { methodLabel, type ProvenanceLabels } from "./labels.js";
import { escapeHtml } from "./number-format.js";

export interface ProvenanceEntry {
  readonly label: string;
  readonly value: string;
}

export interface ProvenanceEntryOptions {
  /** show only these datasets (e.g. the table a series point came from) */
  readonly datasetIds?: readonly string[];
  /** sha256 prefix length @default 12 */
  readonly shaPrefix?: number;
}

function formatParameter(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

/** "localized name (id)" — the id stays visible so a run can be repeated from the tooltip. */
function methodWithId(labels: ProvenanceLabels, id: string): string {
  const name = methodLabel(labels, id);
  return name === id ? id : `${name} (${id})`;
}

/** Labelled provenance lines; empty parameter lists and caveats are skipped. */
export function provenanceEntries(
  provenance: ResultProvenance | undefined,
  labels: ProvenanceLabels,
  options: ProvenanceEntryOptions = {},
): ProvenanceEntry[] {
  if (provenance === undefined) return [];
  const out: ProvenanceEntry[] = [];
  const shaPrefix = options.shaPrefix ?? 12;
  let datasets: readonly WireProvenanceDataset[] = provenance.datasets;
  if (options.datasetIds !== undefined) {
    const wanted = options.datasetIds;
    const selected = datasets.filter((d) => wanted.includes(d.id));
    if (selected.length > 0) datasets = selected;
  }
  if (datasets.length > 0) {
    out.push({ label: labels.dataset, value: datasets.map((d) => d.id).join(", ") });
    const years = [...new Set(datasets.flatMap((d) => d.years))];
    if (years.length > 0) out.push({ label: labels.tableYear, value: years.join(", ") });
    const files = datasets.flatMap((d) => d.files);
    if (files.length > 0) {
      out.push({ label: labels.sourceFile, value: files.map((f) => f.path.split("/").pop() ?? f.path).join(", ") });
      out.push({ label: labels.sha256, value: files.map((f) => f.sha256.slice(0, shaPrefix)).join(", ") });
    } else {
      out.push({ label: labels.sha256, value: datasets.map((d) => d.sha256.slice(0, shaPrefix)).join(", ") });
    }
  }
  const classifications = new Set<string>();
  for (const d of datasets)
    if (d.classification !== undefined) classifications.add(`${d.classification.system} (${d.classification.version})`);
  if (classifications.size > 0) out.push({ label: labels.classification, value: [...classifications].join(", ") });
  out.push({ label: labels.method, value: methodWithId(labels, provenance.method) });
  const params = Object.entries(provenance.parameters)
    .map(([k, v]) => `${k}=${formatParameter(v)}`)
    .join(", ");
  if (params !== "") out.push({ label: labels.parameters, value: params });
  out.push({ label: labels.software, value: provenance.software });
  out.push({ label: labels.computedAt, value: provenance.computedAt });
  if (provenance.caveats.length > 0) {
    out.push({ label: labels.caveats, value: provenance.caveats.join("; ") });
  }
  return out;
}

/** The label/value separator of a locale: full-width colon in Chinese. */
export function labelSeparator(locale: string): string {
  return locale === "en" ? ": " : "：";
}

/** Provenance as a small HTML block for an ECharts tooltip. */
export function provenanceTooltipHtml(entries: readonly ProvenanceEntry[], heading: string, separator = "："): string {
  if (entries.length === 0) return "";
  const lines = entries.map((e) => `${escapeHtml(e.label)}${separator}${escapeHtml(e.value)}`).join("<br/>");
  return (
    `<div style="margin-top:6px;padding-top:4px;border-top:1px solid #ddd;color:#555;font-size:11px;max-width:360px;white-space:normal">` +
    `<b>${escapeHtml(heading)}</b><br/>${lines}</div>`
  );
}
