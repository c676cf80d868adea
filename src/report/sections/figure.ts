/**
 * Building blocks every family's sections share: a numbered figure (server-side SVG of a chart
 * option, caption, method note, provenance) and the provenance list.
 */
import type { EChartsOption } from "echarts";
import type { ResultProvenance } from "../../../web/charts/api-types.js";
import { chartLabels } from "../../../web/charts/labels.js";
import { escapeHtml } from "../../../web/charts/number-format.js";
import { labelSeparator, provenanceEntries } from "../../../web/charts/provenance.js";
import { renderChartSvg } from "../chart-svg.js";
import { reportText } from "../report-text.js";
import type { ReportLocale } from "../types.js";
import type { SectionRenderContext } from "./section.js";

/** A result's provenance as a definition list (caveats as a bulleted list). */
export function provenanceList(provenance: ResultProvenance, lang: ReportLocale): string {
  const labels = chartLabels(lang).provenance;
  const entries = provenanceEntries(provenance, labels).filter((e) => e.label !== labels.caveats);
  const rows = entries.map((e) => `<dt>${escapeHtml(e.label)}</dt><dd>${escapeHtml(e.value)}</dd>`).join("");
  const caveats = provenance.caveats;
  const caveatRows =
    caveats.length === 0
      ? ""
      : `<dt>${escapeHtml(labels.caveats)}</dt><dd><ul class="caveats">${caveats.map((c) => `<li>${escapeHtml(c)}</li>`).join("")}</ul></dd>`;
  return `<dl class="prov">${rows}${caveatRows}</dl>`;
}

/** What a figure shows. */
export interface FigureSpec {
  /** the HTML id of the section, e.g. `fig-series` */
  readonly id: string;
  readonly option: EChartsOption;
  /** chart height in px (the width is the report's) */
  readonly height: number;
  readonly caption: string;
  /** method note: formula, choices, reading guide */
  readonly note: string;
  readonly provenance: ResultProvenance;
}

/** A numbered figure section: inline SVG, caption, method note and provenance. */
export function figureHtml(spec: FigureSpec, ctx: SectionRenderContext): string {
  const lang = ctx.lang;
  const T = reportText(lang);
  const n = ctx.nextFigure();
  const svg = renderChartSvg(spec.option, { width: ctx.chartWidth, height: spec.height });
  return (
    `<section class="figure" id="${spec.id}"><h2>${escapeHtml(`${T.figure(n)}${lang === "en" ? ". " : "　"}${spec.caption}`)}</h2><figure>${svg}</figure>` +
    `<p class="note"><b>${escapeHtml(T.methodNote)}${labelSeparator(lang)}</b>${escapeHtml(spec.note)}</p>` +
    `<details open><summary>${escapeHtml(T.provenance)}</summary>${provenanceList(spec.provenance, lang)}</details></section>`
  );
}

/** The title of a dataset in the report's language (its id when the list does not hold it). */
export function datasetTitle(ctx: SectionRenderContext, id: string): string {
  const d = ctx.datasets.find((x) => x.id === id);
  return d === undefined ? id : ctx.lang === "en" ? d.titleEn : d.titleZh;
}
