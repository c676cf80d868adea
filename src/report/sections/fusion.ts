/**
 * The integration-index report section (实数融合发展指数，公开数据近似): the public-data proxy of the
 * index from the OECD tables 1995–2018 against the GDP index — figure, yearly table, CAGR windows,
 * growth multiple and crossing year — with CAICT's printed values beside it (never merged), the reasons
 * the levels are not comparable, reproduction rows 4–8 and the provenance. It loads through the
 * `fusion.index` declaration (src/methods/composite/fusion.ts), so it shows the JSON
 * `GET /api/fusion/index` returns, and through the reproduction table of `GET /api/reproduction`.
 */
import type { FusionResult, ReproductionRow } from "../../../web/charts/api-types.js";
import { fusionIndexChart } from "../../../web/charts/fusion-index.js";
import { chartLabels } from "../../../web/charts/labels.js";
import { escapeHtml, formatCoefficient, formatGap } from "../../../web/charts/number-format.js";
import { labelSeparator, provenanceEntries } from "../../../web/charts/provenance.js";
import { fusionIndexMethod } from "../../methods/composite/fusion.js";
import { renderChartSvg } from "../chart-svg.js";
import { reportText } from "../report-text.js";
import type { ReportLocale } from "../types.js";
import { fusionReportText } from "./fusion-text.js";
import { ioReportText } from "./io-text.js";
import { defineSection } from "./section.js";

/** The base year of the proxy (spec §2: 2016 = 100), as the dashboard. */
export const FUSION_BASE_YEAR = 2016;

/** The reproduction rows of the integration index (seed 000 §二(一)1, 图2). */
const FUSION_ROWS: readonly string[] = ["4", "5", "6", "7", "8"];

/** What the section shows. */
export interface FusionSectionData {
  readonly fusion: FusionResult;
  readonly rows: readonly ReproductionRow[];
}

const num = (v: number | null | undefined, lang: ReportLocale, digits = 2): string =>
  formatCoefficient(v, lang, digits);

/** A printed value: integers as is, others with up to two decimals. */
function printed(v: number | null | undefined, lang: ReportLocale, qualifier?: string): string {
  if (v === null || v === undefined) return "—";
  const n = Number.isInteger(v) ? String(v) : num(v, lang);
  return qualifier === undefined ? n : `${qualifier}${lang === "en" ? " " : ""}${n}`;
}

function yearsTable(f: FusionResult, lang: ReportLocale): string {
  const C = fusionReportText(lang).columns;
  const head = [C.year, C.consumption, C.investment, C.netExports, C.index, C.gdp, C.total]
    .map((c) => `<th>${escapeHtml(c)}</th>`)
    .join("");
  const body = [...f.years]
    .sort((a, b) => a.year - b.year)
    .map(
      (y) =>
        `<tr${y.year === f.baseYear ? ' class="base"' : ""}><td>${y.year}</td>` +
        [y.consumptionIndex, y.investmentIndex, y.netExportsIndex, y.index, y.gdpIndex]
          .map((v) => `<td class="num">${escapeHtml(num(v, lang))}</td>`)
          .join("") +
        `<td class="num">${escapeHtml(num(y.total, lang, 0))}</td></tr>`,
    )
    .join("");
  return `<table class="fusion-years"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

function windowsTable(f: FusionResult, lang: ReportLocale): string {
  const C = fusionReportText(lang).columns;
  const dash = lang === "en" ? "–" : "—";
  const head = [C.window, C.indexCagr, C.gdpCagr, C.gap, C.consumptionCagr, C.investmentCagr]
    .map((c) => `<th>${escapeHtml(c)}</th>`)
    .join("");
  const body = f.stats.windows
    .map(
      (w) =>
        `<tr><td>${w.from}${dash}${w.to}</td><td class="num">${escapeHtml(num(w.indexCagr, lang))}</td>` +
        `<td class="num">${escapeHtml(num(w.gdpCagr, lang))}</td><td class="num">${escapeHtml(formatGap(w.gapPoints, lang, 2))}</td>` +
        `<td class="num">${escapeHtml(num(w.consumptionCagr, lang))}</td><td class="num">${escapeHtml(num(w.investmentCagr, lang))}</td></tr>`,
    )
    .join("");
  return `<table class="fusion-windows"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

function publishedTable(f: FusionResult, lang: ReportLocale): string {
  const T = fusionReportText(lang);
  const C = T.columns;
  const head = [C.ref, C.quantity, C.year, C.value, C.unit, C.id].map((c) => `<th>${escapeHtml(c)}</th>`).join("");
  const body = f.published
    .map(
      (p) =>
        `<tr><td>${p.ref}</td><td>${escapeHtml(lang === "en" ? p.quantityEn : p.quantityZh)}</td><td class="num">${p.year ?? "—"}</td>` +
        `<td class="num">${escapeHtml(printed(p.value, lang))}</td><td>${escapeHtml(T.units[p.unit] ?? p.unit)}</td>` +
        `<td><small>${escapeHtml(p.id)}</small></td></tr>`,
    )
    .join("");
  return `<table class="fusion-published"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/** The quantity of a reproduction row, with the component and window of row 8. */
function quantityText(r: ReproductionRow, lang: ReportLocale): string {
  const name = ioReportText(lang).quantities[r.quantity ?? ""] ?? r.quantity ?? "";
  const p = r.reason?.params ?? {};
  if (r.quantity !== "component_cagr") return name;
  const component =
    typeof p.component === "string" ? (fusionReportText(lang).components[p.component] ?? p.component) : "";
  const window =
    typeof p.from === "number" && typeof p.to === "number" ? `${p.from}${lang === "en" ? "–" : "—"}${p.to}` : "";
  return [name, component, window].filter((x) => x !== "").join(lang === "en" ? ", " : "，");
}

/** computed − printed: whole numbers (years) without decimals. */
function gapText(gap: number | null, lang: ReportLocale): string {
  return gap !== null && Number.isInteger(gap) ? formatGap(gap, lang, 0) : formatGap(gap, lang, 2);
}

/** Rows 4–8 in the columns of the comparison table (as the cycle section's rows 5 and 9). */
function reproductionTable(rows: readonly ReproductionRow[], lang: ReportLocale): string {
  const T = fusionReportText(lang);
  const io = ioReportText(lang);
  const C = io.columns;
  const sep = labelSeparator(lang);
  const qualifiers: Readonly<Record<string, string>> =
    lang === "en" ? { about: "about", nearly: "nearly" } : { about: "约", nearly: "近" };
  const body = rows
    .map((r) => {
      const p = r.reason?.params ?? {};
      const qualifier = typeof p.qualifier === "string" ? qualifiers[p.qualifier] : undefined;
      const citation = lang === "en" ? r.citation_en : r.citation_zh;
      const reason =
        escapeHtml(lang === "en" ? r.reason_en : r.reason_zh) +
        (citation ? `<br/><small>${escapeHtml(io.citation)}${sep}${escapeHtml(citation)}</small>` : "");
      return (
        `<tr class="status-${escapeHtml(r.status)}"><td>${escapeHtml(r.ref)}</td><td>${escapeHtml(quantityText(r, lang))}</td>` +
        `<td class="num">${r.year ?? ""}</td><td class="num">${escapeHtml(printed(r.computed, lang))}</td>` +
        `<td class="num">${escapeHtml(printed(r.published ?? r.comparison, lang, r.published === null ? undefined : qualifier))}</td>` +
        `<td class="num">${escapeHtml(gapText(r.gap, lang))}</td>` +
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
 * The proxy's provenance as a definition list: the 24 tables as a count and a range (their files and
 * hashes in full), marked `fusion-prov` — it belongs to the section, not to one figure.
 */
function fusionProvenance(f: FusionResult, lang: ReportLocale): string {
  const T = fusionReportText(lang);
  const P = chartLabels(lang).provenance;
  const ids = f.provenance.datasets.map((d) => d.id);
  const years = f.years.map((y) => y.year);
  const rows = provenanceEntries(f.provenance, P)
    .filter((e) => e.label !== P.caveats)
    .map((e) =>
      e.label === P.dataset && ids.length > 2
        ? { ...e, value: T.tables(ids.length, ids[0] as string, ids[ids.length - 1] as string) }
        : e.label === P.tableYear && years.length > 1
          ? { ...e, value: `${Math.min(...years)}–${Math.max(...years)}` }
          : e,
    )
    .map((e) => `<dt>${escapeHtml(e.label)}</dt><dd>${escapeHtml(e.value)}</dd>`)
    .join("");
  const caveats = f.provenance.caveats;
  const caveatRows =
    caveats.length === 0
      ? ""
      : `<dt>${escapeHtml(P.caveats)}</dt><dd><ul class="caveats">${caveats.map((c) => `<li>${escapeHtml(c)}</li>`).join("")}</ul></dd>`;
  return `<dl class="prov fusion-prov">${rows}${caveatRows}</dl>`;
}

/** 实数融合发展指数（公开数据近似）: figure, yearly table, windows, crossing, published values, rows 4–8. */
export const fusionIndexSection = defineSection<FusionSectionData>({
  id: "index.fusion",
  family: "index",
  load: async (sources) => {
    const [fusion, reproduction] = await Promise.all([
      sources.runMethod(fusionIndexMethod, { baseYear: FUSION_BASE_YEAR }),
      sources.reproduction(),
    ]);
    return { fusion, rows: reproduction.rows.filter((r) => FUSION_ROWS.includes(r.ref)) };
  },
  render: ({ fusion: f, rows }, ctx) => {
    const lang = ctx.lang;
    const T = fusionReportText(lang);
    const R = reportText(lang);
    const sep = labelSeparator(lang);
    const n = ctx.nextFigure();
    const svg = renderChartSvg(fusionIndexChart(f, chartLabels(lang), lang), { width: ctx.chartWidth, height: 500 });
    const g = f.stats.growthMultiple;
    const printedCrossing = f.published.find((p) => p.unit === "year")?.value ?? null;
    return (
      `<section id="index-fusion"><h2>${escapeHtml(T.title)}</h2><p>${escapeHtml(T.intro)}</p>` +
      `<figure>${svg}<figcaption>${escapeHtml(`${R.figure(n)}${lang === "en" ? ". " : "　"}${T.figureCaption(f.baseYear)}`)}</figcaption></figure>` +
      `<p class="note"><b>${escapeHtml(R.methodNote)}${sep}</b>${escapeHtml(T.method)}</p>` +
      `<h3>${escapeHtml(T.windowsTitle)}</h3>` +
      windowsTable(f, lang) +
      `<p>${escapeHtml(T.multiple(g.from, g.to, num(g.ratio, lang)))} ${escapeHtml(T.crossing(f.stats.crossingYear, printedCrossing, f.baseYear))}</p>` +
      `<h3>${escapeHtml(T.yearsTitle)}</h3>` +
      yearsTable(f, lang) +
      `<h3>${escapeHtml(T.publishedTitle)}</h3><p>${escapeHtml(T.publishedIntro)}</p>` +
      publishedTable(f, lang) +
      `<h3>${escapeHtml(T.notComparableTitle)}</h3><ul class="reasons">${T.notComparable.map((x) => `<li>${escapeHtml(x)}</li>`).join("")}</ul>` +
      `<h3>${escapeHtml(T.reproductionTitle)}</h3><p>${escapeHtml(T.reproductionIntro)}</p>` +
      (rows.length === 0 ? `<p>${escapeHtml(T.noReproduction)}</p>` : reproductionTable(rows, lang)) +
      `<details open><summary>${escapeHtml(R.provenance)}</summary>${fusionProvenance(f, lang)}</details>` +
      `</section>`
    );
  },
});

/** The integration index's sections, in report order. */
export const FUSION_SECTIONS = [fusionIndexSection] as const;
