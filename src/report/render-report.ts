/**
 * The HTML report (报告): one self-contained file per language with the three IO figures rendered
 * server-side to inline SVG from the same builders the dashboard uses, a method note and the
 * provenance of every figure, and the comparison of computed with published values.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { EChartsOption } from "echarts";
import type { ResultProvenance } from "../../web/charts/api-types.js";
import { coefficientHeatmap } from "../../web/charts/coefficient-heatmap.js";
import { keySectorQuadrant } from "../../web/charts/key-sector-quadrant.js";
import { chartLabels, methodLabel } from "../../web/charts/labels.js";
import { linkageSeriesChart } from "../../web/charts/linkage-series.js";
import { escapeHtml, formatCoefficient, formatGap } from "../../web/charts/number-format.js";
import { labelSeparator, provenanceEntries } from "../../web/charts/provenance.js";
import { REPORT_FONT_FAMILY, renderChartSvg } from "./chart-svg.js";
import { reportText } from "./report-text.js";
import type { RenderReportOptions, RenderReportResult, ReportData, ReportLocale } from "./types.js";

const CSS = `
body{font-family:${REPORT_FONT_FAMILY};color:#1d2733;margin:0;background:#f5f6f8;line-height:1.6}
main{max-width:960px;margin:0 auto;padding:24px 32px;background:#fff}
h1{font-size:26px;margin:8px 0 0}h2{font-size:19px;margin:32px 0 8px;border-bottom:2px solid #1f5fa8;padding-bottom:4px}
.sub{color:#55606e;margin:4px 0 12px}.meta{color:#55606e;font-size:13px}
figure{margin:16px 0 8px}figure svg{max-width:100%;height:auto;display:block}
figcaption{font-weight:600;margin-top:4px}
.note{background:#f3f6fb;border-left:3px solid #1f5fa8;padding:8px 12px;font-size:13.5px}
dl.prov{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;font-size:12.5px;color:#444;margin:8px 0}
dl.prov dt{font-weight:600}dl.prov dd{margin:0;overflow-wrap:anywhere}
table{border-collapse:collapse;width:100%;font-size:13.5px}th,td{border:1px solid #d5dae1;padding:4px 8px;text-align:left}
th{background:#eef2f7;white-space:nowrap}td:nth-child(1),td:nth-child(4),td:nth-child(5),td:nth-child(6),td:nth-child(7){white-space:nowrap}td small{color:#6b7684}tr.status-reproduced td:nth-child(7),tr.status-match td:nth-child(7){color:#1b7a3a;font-weight:600}td.num{text-align:right;font-variant-numeric:tabular-nums}
ul.diag{font-size:13px;color:#55606e}ul.caveats{margin:0;padding-left:16px}footer{color:#7a8594;font-size:12px;margin-top:32px}
`;

function provenanceList(provenance: ResultProvenance, lang: ReportLocale): string {
  const labels = chartLabels(lang).provenance;
  const entries = provenanceEntries(provenance, labels).filter((e) => e.label !== labels.caveats);
  const rows = entries.map((e) => `<dt>${escapeHtml(e.label)}</dt><dd>${escapeHtml(e.value)}</dd>`).join("");
  const caveats = provenance.caveats ?? [];
  const caveatRows =
    caveats.length === 0
      ? ""
      : `<dt>${escapeHtml(labels.caveats)}</dt><dd><ul class="caveats">${caveats.map((c) => `<li>${escapeHtml(c)}</li>`).join("")}</ul></dd>`;
  return `<dl class="prov">${rows}${caveatRows}</dl>`;
}

function figureHtml(
  n: number,
  id: string,
  option: EChartsOption,
  size: { width: number; height: number },
  caption: string,
  note: string,
  provenance: ResultProvenance,
  lang: ReportLocale,
): string {
  const T = reportText(lang);
  const svg = renderChartSvg(option, size);
  return (
    `<section class="figure" id="${id}"><h2>${escapeHtml(`${T.figure(n)}${lang === "en" ? ". " : "　"}${caption}`)}</h2><figure>${svg}</figure>` +
    `<p class="note"><b>${escapeHtml(T.methodNote)}${labelSeparator(lang)}</b>${escapeHtml(note)}</p>` +
    `<details open><summary>${escapeHtml(T.provenance)}</summary>${provenanceList(provenance, lang)}</details></section>`
  );
}

/**
 * Builds the report HTML for one language (pure apart from ECharts SSR; no clock: `generatedAt` is
 * printed only when the data carry it).
 * @returns a complete `<!doctype html>` document with inline CSS and inline SVG
 */
export function reportHtml(data: ReportData, lang: ReportLocale, chartWidth = 880): string {
  const T = reportText(lang);
  const labels = chartLabels(lang);
  const sep = labelSeparator(lang);
  const table = data.datasets.find((d) => d.id === data.table);
  const tableTitle = table === undefined ? data.table : lang === "en" ? table.titleEn : table.titleZh;
  const which = data.matrix.which ?? "L";
  const paren = (text: string): string => (lang === "en" ? ` (${text})` : `（${text}）`);

  const meta: string[] = [`${T.featuredTable}${sep}${tableTitle} (${data.table})`];
  if (data.softwareVersion !== undefined) meta.push(`${T.software}${sep}${data.softwareVersion}`);
  if (data.generatedAt !== undefined) meta.push(`${T.generatedAt}${sep}${data.generatedAt}`);
  const other = lang === "en" ? "report.zh-CN.html" : "report.en.html";

  const block = data.linkages.block;
  const blockLine =
    block === undefined
      ? ""
      : ` ${T.blockSummary(formatCoefficient(block.influence, lang), formatCoefficient(block.sensitivity, lang), methodLabel(chartLabels(lang).provenance, block.method))}`;

  const figures = [
    figureHtml(
      1,
      "fig-series",
      linkageSeriesChart(data.series, labels, lang),
      { width: chartWidth, height: 440 },
      labels.series.title,
      T.seriesNote + (data.series.published.length > 0 ? T.seriesNotePublished : ""),
      data.series.provenance,
      lang,
    ),
    figureHtml(
      2,
      "fig-quadrant",
      keySectorQuadrant(data.linkages, labels, lang),
      { width: chartWidth, height: 520 },
      `${labels.quadrant.title}${paren(tableTitle)}`,
      T.quadrantNote + blockLine,
      data.linkages.provenance,
      lang,
    ),
    figureHtml(
      3,
      "fig-heatmap",
      coefficientHeatmap(data.matrix, labels, lang, which),
      { width: chartWidth, height: 760 },
      `${which === "A" ? labels.heatmap.titleA : labels.heatmap.titleL}${paren(tableTitle)}`,
      which === "A" ? T.heatmapNoteA : T.heatmapNoteL,
      data.matrix.provenance,
      lang,
    ),
  ];

  const C = T.columns;
  const quantityName = (q: string | undefined): string => (q === undefined ? "" : (T.quantities[q] ?? q));
  const isInt = (v: number | null | undefined): boolean => typeof v === "number" && Number.isInteger(v);
  /** counts print as integers, coefficients with 3 decimals, published values as printed (≤ 4 decimals) */
  const computedText = (v: number | null): string => (isInt(v) ? String(v) : formatCoefficient(v, lang));
  const publishedText = (v: number): string => {
    if (isInt(v)) return String(v);
    const shortest = String(Number(v.toFixed(4)));
    const decimals = Math.max(2, (shortest.split(".")[1] ?? "").length);
    return formatCoefficient(v, lang, decimals);
  };
  // a bound claim ("always above 1") has a threshold, not a value: its distance to 1 is not a gap
  const gapText = (r: ReportData["reproduction"]["rows"][number]): string =>
    r.quantity?.endsWith("_bound") === true
      ? "—"
      : isInt(r.computed) && isInt(r.published) && isInt(r.gap)
        ? formatGap(r.gap, lang, 0)
        : formatGap(r.gap, lang);
  const rows = data.reproduction.rows
    .map((r) => {
      const yearCell =
        r.computedYear !== undefined && r.year !== undefined && r.computedYear !== r.year
          ? `${r.year}<br/><small>${escapeHtml(T.computedFrom(r.computedYear))}</small>`
          : `${r.year ?? ""}`;
      const citation = lang === "en" ? r.citation_en : r.citation_zh;
      const reason =
        escapeHtml(lang === "en" ? r.reason_en : r.reason_zh) +
        (citation ? `<br/><small>${escapeHtml(T.citation)}${sep}${escapeHtml(citation)}</small>` : "");
      return (
        `<tr class="status-${escapeHtml(r.status)}"><td>${escapeHtml(r.ref)}</td><td>${escapeHtml(quantityName(r.quantity))}</td>` +
        `<td class="num">${yearCell}</td>` +
        `<td class="num">${escapeHtml(computedText(r.computed))}</td>` +
        `<td class="num">${escapeHtml(publishedText(r.published))}</td>` +
        `<td class="num">${escapeHtml(gapText(r))}</td>` +
        `<td>${escapeHtml(T.statuses[r.status] ?? r.status)}</td>` +
        `<td>${reason}</td></tr>`
      );
    })
    .join("");
  const comparison =
    `<section id="comparison"><h2>${escapeHtml(T.comparisonTitle)}</h2><p>${escapeHtml(T.comparisonIntro)}</p>` +
    `<table><thead><tr><th>${C.ref}</th><th>${C.quantity}</th><th>${C.year}</th><th>${C.computed}</th><th>${C.published}</th>` +
    `<th>${C.gap}</th><th>${C.status}</th><th>${C.reason}</th></tr></thead><tbody>${rows}</tbody></table></section>`;

  const diags = data.linkages.diagnostics
    .map(
      (d) =>
        `<li>[${escapeHtml(d.severity)}] ${escapeHtml(d.code)}${d.message ? ` — ${escapeHtml(d.message)}` : ""}</li>`,
    )
    .join("");
  const diagnostics = `<section id="diagnostics"><h2>${escapeHtml(T.diagnostics)}</h2><ul class="diag">${diags || `<li>${escapeHtml(T.noDiagnostics)}</li>`}</ul></section>`;

  return (
    `<!doctype html>\n<html lang="${T.htmlLang}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(T.title)}</title>` +
    `<style>${CSS}</style></head><body><main>` +
    `<header><h1>${escapeHtml(T.title)}</h1><p class="sub">${escapeHtml(T.subtitle)}</p>` +
    `<p class="meta">${meta.map(escapeHtml).join(" · ")} · <a href="${other}">${escapeHtml(T.otherLanguage)}</a></p></header>` +
    figures.join("") +
    comparison +
    diagnostics +
    `<footer>${escapeHtml(T.footer)}</footer></main></body></html>\n`
  );
}

/**
 * Writes the report (渲染报告): `index.html` in `lang` (default zh-CN) plus `report.zh-CN.html` and
 * `report.en.html`, each self-contained (inline CSS and SVG, no script, no network).
 * @param options.outDir output directory (created if missing)
 * @param options.loadData returns the API-equivalent JSON for a language (see `ReportData`)
 * @returns `{files, indexPath}` — absolute paths written
 */
export async function renderReport(options: RenderReportOptions): Promise<RenderReportResult> {
  const lang = options.lang ?? "zh-CN";
  const outDir = resolve(options.outDir);
  await mkdir(outDir, { recursive: true });
  const html: Record<ReportLocale, string> = { "zh-CN": "", en: "" };
  for (const l of ["zh-CN", "en"] as const) {
    html[l] = reportHtml(await options.loadData(l), l, options.chartWidth);
  }
  const files: string[] = [];
  const write = async (name: string, content: string): Promise<void> => {
    const path = join(outDir, name);
    await writeFile(path, content, "utf8");
    files.push(path);
  };
  await write("index.html", html[lang]);
  await write("report.zh-CN.html", html["zh-CN"]);
  await write("report.en.html", html.en);
  return { files, indexPath: join(outDir, "index.html") };
}
