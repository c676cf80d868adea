/**
 * The composite family's report section (综合指数): the growth cycle of NBS nominal GDP — growth,
 * technical-weakness flags and episodes by the seed's rule, beside the seed's printed phases — and the
 * reproduction rows 5 (the integration index's headline arithmetic) and 9 (weak episodes) with their
 * reasons. It loads through the `index.cycle` declaration (src/methods/composite), so it shows the JSON
 * `GET /api/index/cycle` returns, and through the reproduction table of `GET /api/reproduction`.
 */
import type { CycleResult, ReproductionRow } from "../../../web/charts/api-types.js";
import { episodeText, phaseText, SEED_CYCLE_PHASES } from "../../../web/charts/growth-cycle.js";
import { chartLabels } from "../../../web/charts/labels.js";
import { escapeHtml, formatCoefficient, formatGap, formatMoney } from "../../../web/charts/number-format.js";
import { labelSeparator, provenanceEntries } from "../../../web/charts/provenance.js";
import { indexCycleMethod } from "../../methods/composite/index.js";
import type { ReportLocale } from "../types.js";
import { compositeReportText } from "./composite-text.js";
import { ioReportText } from "./io-text.js";
import { defineSection } from "./section.js";

/** The series of the cycle: NBS nominal GDP (亿元) from 2012, the seed's window (图3); as the dashboard. */
export const CYCLE_SERIES = { dataset: "cn-nbs-gdp-annual", column: "国内生产总值(亿元)", from: 2012 } as const;

/** The reproduction rows of the composite family: 5 (index headline arithmetic), 9 (weak episodes). */
const INDEX_ROWS: readonly string[] = ["5", "9"];

/** What the section shows. */
export interface CycleSectionData {
  readonly cycle: CycleResult;
  readonly rows: readonly ReproductionRow[];
}

/** A printed or compared value: integers as is, others with two decimals; "约"/"about" from the reason. */
function valueText(v: number | null | undefined, lang: ReportLocale, qualifier?: string): string {
  if (v === null || v === undefined) return "—";
  const n = Number.isInteger(v) ? String(v) : formatCoefficient(v, lang, 2);
  return qualifier === undefined ? n : `${qualifier}${lang === "en" ? " " : ""}${n}`;
}

/** The quantity of a reproduction row, with the series and the seed's phase for row 9. */
function quantityText(r: ReproductionRow, lang: ReportLocale): string {
  const T = compositeReportText(lang);
  const name = ioReportText(lang).quantities[r.quantity ?? ""] ?? r.quantity ?? "";
  if (r.quantity !== "weak_episode") return name;
  const p = r.reason?.params ?? {};
  const series = typeof p.series === "string" ? (T.seriesNames[p.series] ?? p.series) : "";
  const phase =
    typeof p.phaseFrom === "number"
      ? phaseText({ from: p.phaseFrom, to: typeof p.phaseTo === "number" ? p.phaseTo : null, id: "" }, lang)
      : "";
  return [name, series, phase === "" ? "" : T.phaseOf(phase)].filter((x) => x !== "").join(lang === "en" ? ", " : "，");
}

function cycleTable(cycle: CycleResult, lang: ReportLocale): string {
  const T = compositeReportText(lang);
  const C = T.columns;
  const unit = cycle.provenance.datasets[0]?.unit ?? "";
  const rows = cycle.years
    .map((y) => {
      const level =
        y.value === null ? "—" : unit === "" ? formatCoefficient(y.value, lang, 1) : formatMoney(y.value, unit, lang);
      const weak = y.weak === 1 ? T.weakYes : y.weak === 0 ? T.weakNo : "—";
      return (
        `<tr${y.weak === 1 ? ' class="weak"' : ""}><td>${y.year}</td><td class="num">${escapeHtml(level)}</td>` +
        `<td class="num">${escapeHtml(formatCoefficient(y.growth, lang, 2))}</td><td>${escapeHtml(weak)}</td></tr>`
      );
    })
    .join("");
  return (
    `<table class="cycle"><thead><tr><th>${escapeHtml(C.year)}</th><th>${escapeHtml(C.level)}</th>` +
    `<th>${escapeHtml(C.growth)}</th><th>${escapeHtml(C.weak)}</th></tr></thead><tbody>${rows}</tbody></table>`
  );
}

/** computed − (printed ?? compared): whole numbers (years of an episode) without decimals. */
function gapText(gap: number | null, lang: ReportLocale): string {
  return gap !== null && Number.isInteger(gap) ? formatGap(gap, lang, 0) : formatGap(gap, lang, 2);
}

/** Rows 5 and 9 in the columns of the comparison table (so the report's table CSS fits both). */
function reproductionTable(rows: readonly ReproductionRow[], lang: ReportLocale): string {
  const T = compositeReportText(lang);
  const io = ioReportText(lang);
  const C = io.columns;
  const sep = labelSeparator(lang);
  const body = rows
    .map((r) => {
      const p = r.reason?.params ?? {};
      const qualifier = typeof p.qualifier === "string" ? T.qualifiers[p.qualifier] : undefined;
      const printed = valueText(r.published ?? r.comparison, lang, r.published === null ? undefined : qualifier);
      const citation = lang === "en" ? r.citation_en : r.citation_zh;
      const reason =
        escapeHtml(lang === "en" ? r.reason_en : r.reason_zh) +
        (citation ? `<br/><small>${escapeHtml(io.citation)}${sep}${escapeHtml(citation)}</small>` : "");
      return (
        `<tr class="status-${escapeHtml(r.status)}"><td>${escapeHtml(r.ref)}</td><td>${escapeHtml(quantityText(r, lang))}</td>` +
        `<td class="num">${r.year ?? ""}</td><td class="num">${escapeHtml(valueText(r.computed, lang))}</td>` +
        `<td class="num">${escapeHtml(printed)}</td><td class="num">${escapeHtml(gapText(r.gap, lang))}</td>` +
        `<td>${escapeHtml(io.statuses[r.status] ?? r.status)}</td><td>${reason}</td></tr>`
      );
    })
    .join("");
  return (
    `<table><thead><tr><th>${C.ref}</th><th>${C.quantity}</th><th>${C.year}</th><th>${C.computed}</th>` +
    `<th>${escapeHtml(T.printedOrCompared)}</th><th>${C.gap}</th><th>${C.status}</th><th>${C.reason}</th></tr></thead>` +
    `<tbody>${body}</tbody></table>`
  );
}

/**
 * The cycle's provenance as a definition list — as `provenanceList` (./figure.ts), but the dataset's
 * 72 years as a range, and marked `cycle-prov`: it belongs to a table, not to a figure.
 */
function cycleProvenance(cycle: CycleResult, lang: ReportLocale): string {
  const P = chartLabels(lang).provenance;
  const covered = cycle.provenance.datasets.flatMap((d) => d.years);
  const rows = provenanceEntries(cycle.provenance, P)
    .filter((e) => e.label !== P.caveats)
    .map((e) =>
      e.label === P.tableYear && covered.length > 1
        ? { ...e, value: `${Math.min(...covered)}–${Math.max(...covered)}` }
        : e,
    )
    .map((e) => `<dt>${escapeHtml(e.label)}</dt><dd>${escapeHtml(e.value)}</dd>`)
    .join("");
  const caveats = cycle.provenance.caveats;
  const caveatRows =
    caveats.length === 0
      ? ""
      : `<dt>${escapeHtml(P.caveats)}</dt><dd><ul class="caveats">${caveats.map((c) => `<li>${escapeHtml(c)}</li>`).join("")}</ul></dd>`;
  return `<dl class="prov cycle-prov">${rows}${caveatRows}</dl>`;
}

/** 增长周期与技术性疲软: the cycle table of nominal GDP, its episodes and the reproduction rows 5 and 9. */
export const indexCycleSection = defineSection<CycleSectionData>({
  id: "index.cycle",
  family: "index",
  load: async (sources) => {
    const [cycle, reproduction] = await Promise.all([
      sources.runMethod(indexCycleMethod, { ...CYCLE_SERIES }),
      sources.reproduction(),
    ]);
    return { cycle, rows: reproduction.rows.filter((r) => INDEX_ROWS.includes(r.ref)) };
  },
  render: ({ cycle, rows }, ctx) => {
    const lang = ctx.lang;
    const T = compositeReportText(lang);
    const sep = labelSeparator(lang);
    const list = lang === "en" ? "; " : "；";
    const last = Math.max(...cycle.years.map((y) => y.year));
    const dataset = cycle.provenance.datasets[0];
    const title = dataset === undefined ? cycle.dataset : lang === "en" ? dataset.titleEn : dataset.titleZh;
    const episodes = cycle.episodes.map((e) => episodeText(e, lang, last)).join(list);
    const phases = SEED_CYCLE_PHASES.map((p) => phaseText(p, lang)).join(list);
    const provenance = cycleProvenance(cycle, lang);
    return (
      `<section id="index-cycle"><h2>${escapeHtml(T.cycleTitle)}</h2><p>${escapeHtml(T.cycleIntro)}</p>` +
      `<p class="note"><b>${escapeHtml(chartLabels(lang).provenance.method)}${sep}</b>${escapeHtml(T.rule)} ` +
      `${escapeHtml(T.series(cycle.column, cycle.dataset, title))}</p>` +
      cycleTable(cycle, lang) +
      `<p><b>${escapeHtml(T.episodes)}${sep}</b>${escapeHtml(episodes === "" ? T.noEpisodes : episodes)}` +
      `<br/><b>${escapeHtml(T.seedPhases)}${sep}</b>${escapeHtml(phases)}</p>` +
      `<details open><summary>${escapeHtml(chartLabels(lang).provenance.heading)}</summary>${provenance}</details>` +
      `<h3>${escapeHtml(T.reproductionTitle)}</h3><p>${escapeHtml(T.reproductionIntro)}</p>` +
      reproductionTable(rows, lang) +
      `</section>`
    );
  },
});

/** The composite family's sections, in report order. */
export const COMPOSITE_SECTIONS = [indexCycleSection] as const;
