/**
 * The IO family's report sections (投入产出分析): the digital block's linkage series (图5 analogue),
 * the key-sector quadrant and the Leontief-inverse heatmap of the featured table, the comparison of
 * computed with published values, and the numerical diagnostics of the featured table's linkages.
 * Each loads through the IO method declarations (src/methods/io), so it shows the JSON the API returns.
 */

import type {
  LinkageResult,
  MatrixResult,
  ReproductionResult,
  ReproductionRow,
  SeriesResult,
  WireDiagnostic,
} from "../../../web/charts/api-types.js";
import { coefficientHeatmap } from "../../../web/charts/coefficient-heatmap.js";
import { keySectorQuadrant } from "../../../web/charts/key-sector-quadrant.js";
import { chartLabels, methodLabel } from "../../../web/charts/labels.js";
import { linkageSeriesChart } from "../../../web/charts/linkage-series.js";
import { escapeHtml, formatCoefficient, formatGap } from "../../../web/charts/number-format.js";
import { labelSeparator } from "../../../web/charts/provenance.js";
import { type DatasetMeta, seriesFamily } from "../../app/index.js";
import { ioLinkagesMethod, ioMatrixMethod, ioSeriesMethod } from "../../methods/io/index.js";
import type { ReportLocale } from "../types.js";
import { datasetTitle, figureHtml } from "./figure.js";
import { ioReportText } from "./io-text.js";
import { defineSection, type SectionRenderContext, type SectionSources } from "./section.js";

/**
 * The featured table of the quadrant and the heatmap: the latest NBS table of the series family
 * (ties by id), else the first IO table.
 * @throws {Error} when the store holds no IO table
 */
export function featuredTableId(datasets: readonly DatasetMeta[]): string {
  const nbs = datasets
    .filter((m) => seriesFamily(m) === "nbs")
    .sort((a, b) => (b.years[0] ?? 0) - (a.years[0] ?? 0) || a.id.localeCompare(b.id));
  const pick = nbs[0] ?? datasets.find((m) => m.kind === "io_table");
  if (pick === undefined) throw new Error("report: the store holds no IO table");
  return pick.id;
}

/** Linkages of the featured table with the digital block (shared by the quadrant and the diagnostics). */
function featuredLinkages(sources: SectionSources): Promise<LinkageResult> {
  return sources.runMethod(ioLinkagesMethod, { table: featuredTableId(sources.datasets), group: "digital" });
}

const paren = (text: string, lang: ReportLocale): string => (lang === "en" ? ` (${text})` : `（${text}）`);

/** The header line naming the featured table. */
function featuredLine(table: string, ctx: SectionRenderContext): string {
  return `${ioReportText(ctx.lang).featuredTable}${labelSeparator(ctx.lang)}${datasetTitle(ctx, table)} (${table})`;
}

/** 图5 analogue: the digital block's influence and sensitivity across the NBS table years. */
export const ioSeriesSection = defineSection<SeriesResult>({
  id: "io.series",
  family: "io",
  load: (sources) => sources.runMethod(ioSeriesMethod, { family: "nbs", group: "digital" }),
  render: (series, ctx) => {
    const T = ioReportText(ctx.lang);
    const labels = chartLabels(ctx.lang);
    return figureHtml(
      {
        id: "fig-series",
        option: linkageSeriesChart(series, labels, ctx.lang),
        height: 440,
        caption: labels.series.title,
        note: T.seriesNote + (series.published.length > 0 ? T.seriesNotePublished : ""),
        provenance: series.provenance,
      },
      ctx,
    );
  },
});

/** Key sectors of the featured table: influence × sensitivity per sector, the digital block marked. */
export const ioQuadrantSection = defineSection<{ readonly table: string; readonly linkages: LinkageResult }>({
  id: "io.quadrant",
  family: "io",
  load: async (sources) => ({ table: featuredTableId(sources.datasets), linkages: await featuredLinkages(sources) }),
  header: (data, ctx) => [featuredLine(data.table, ctx)],
  render: ({ table, linkages }, ctx) => {
    const lang = ctx.lang;
    const T = ioReportText(lang);
    const labels = chartLabels(lang);
    const block = linkages.block;
    const blockLine =
      block === undefined
        ? ""
        : ` ${T.blockSummary(formatCoefficient(block.influence, lang), formatCoefficient(block.sensitivity, lang), methodLabel(labels.provenance, block.method))}`;
    return figureHtml(
      {
        id: "fig-quadrant",
        option: keySectorQuadrant(linkages, labels, lang),
        height: 520,
        caption: `${labels.quadrant.title}${paren(datasetTitle(ctx, table), lang)}`,
        note: T.quadrantNote + blockLine,
        provenance: linkages.provenance,
      },
      ctx,
    );
  },
});

/** The Leontief inverse L of the featured table as a heatmap. */
export const ioHeatmapSection = defineSection<{ readonly table: string; readonly matrix: MatrixResult }>({
  id: "io.heatmap",
  family: "io",
  load: async (sources) => {
    const table = featuredTableId(sources.datasets);
    return { table, matrix: await sources.runMethod(ioMatrixMethod, { table, which: "L" }) };
  },
  header: (data, ctx) => [featuredLine(data.table, ctx)],
  render: ({ table, matrix }, ctx) => {
    const lang = ctx.lang;
    const T = ioReportText(lang);
    const labels = chartLabels(lang);
    const which = matrix.which;
    return figureHtml(
      {
        id: "fig-heatmap",
        option: coefficientHeatmap(matrix, labels, lang, which),
        height: 760,
        caption: `${which === "A" ? labels.heatmap.titleA : labels.heatmap.titleL}${paren(datasetTitle(ctx, table), lang)}`,
        note: which === "A" ? T.heatmapNoteA : T.heatmapNoteL,
        provenance: matrix.provenance,
      },
      ctx,
    );
  },
});

/** Computed values beside the published ones, with gap, status, reason and citation. */
export const ioComparisonSection = defineSection<ReproductionResult>({
  id: "io.comparison",
  family: "io",
  load: (sources) => sources.reproduction(),
  render: (reproduction, ctx) => {
    const lang = ctx.lang;
    const T = ioReportText(lang);
    const sep = labelSeparator(lang);
    const C = T.columns;
    const quantityName = (q: string | undefined): string => (q === undefined ? "" : (T.quantities[q] ?? q));
    const isInt = (v: number | null | undefined): boolean => typeof v === "number" && Number.isInteger(v);
    /** counts print as integers, coefficients with 3 decimals, published values as printed (≤ 4 decimals) */
    const computedText = (v: number | null): string => (isInt(v) ? String(v) : formatCoefficient(v, lang));
    const publishedText = (v: number | null): string => {
      if (v === null) return "—";
      if (isInt(v)) return String(v);
      const shortest = String(Number(v.toFixed(4)));
      const decimals = Math.max(2, (shortest.split(".")[1] ?? "").length);
      return formatCoefficient(v, lang, decimals);
    };
    // a bound claim ("always above 1") has a threshold, not a value: its distance to 1 is not a gap
    const gapText = (r: ReproductionRow): string =>
      r.quantity?.endsWith("_bound") === true
        ? "—"
        : isInt(r.computed) && isInt(r.published) && isInt(r.gap)
          ? formatGap(r.gap, lang, 0)
          : formatGap(r.gap, lang);
    const rows = reproduction.rows
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
    return (
      `<section id="comparison"><h2>${escapeHtml(T.comparisonTitle)}</h2><p>${escapeHtml(T.comparisonIntro)}</p>` +
      `<table><thead><tr><th>${C.ref}</th><th>${C.quantity}</th><th>${C.year}</th><th>${C.computed}</th><th>${C.published}</th>` +
      `<th>${C.gap}</th><th>${C.status}</th><th>${C.reason}</th></tr></thead><tbody>${rows}</tbody></table></section>`
    );
  },
});

/** Numerical diagnostics of the featured table's linkages (conditioning, productivity, zero output …). */
export const ioDiagnosticsSection = defineSection<{ readonly diagnostics: readonly WireDiagnostic[] }>({
  id: "io.diagnostics",
  family: "io",
  load: async (sources) => ({ diagnostics: (await featuredLinkages(sources)).diagnostics }),
  render: ({ diagnostics }, ctx) => {
    const T = ioReportText(ctx.lang);
    const items = diagnostics
      .map(
        (d) =>
          `<li>[${escapeHtml(d.severity)}] ${escapeHtml(d.code)}${d.message ? ` — ${escapeHtml(d.message)}` : ""}</li>`,
      )
      .join("");
    return `<section id="diagnostics"><h2>${escapeHtml(T.diagnostics)}</h2><ul class="diag">${items || `<li>${escapeHtml(T.noDiagnostics)}</li>`}</ul></section>`;
  },
});

/** The IO family's sections, in report order. */
export const IO_SECTIONS = [
  ioSeriesSection,
  ioQuadrantSection,
  ioHeatmapSection,
  ioComparisonSection,
  ioDiagnosticsSection,
] as const;
