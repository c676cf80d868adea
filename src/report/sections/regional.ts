/**
 * The regional report section (区域评价（“2135+N”）): the 31 provinces in the latest benchmark year on
 * the pillar public data fill — tile map, ranking table with tiers, rank changes and Monte-Carlo rank
 * intervals, tiers, disparity, weights, Sobol indices — and the catalogue of every "2135+N" pillar
 * with its status, unfilled pillars marked with the national anchors the seeds print. It loads through
 * the `region.rank` declaration (src/methods/composite/regional.ts), so it shows the JSON
 * `GET /api/region/rank` returns.
 */
import type { CataloguePillar, RegionRankResult, RegionRow } from "../../../web/charts/api-types.js";
import { chartLabels } from "../../../web/charts/labels.js";
import { escapeHtml, formatCoefficient } from "../../../web/charts/number-format.js";
import { labelSeparator, provenanceEntries } from "../../../web/charts/provenance.js";
import { provinceTileMap, provinceTileSvg } from "../../../web/charts/province-tiles.js";
import { intervalText } from "../../../web/charts/rank-uncertainty.js";
import { regionRankMethod } from "../../methods/composite/regional.js";
import { REPORT_FONT_FAMILY } from "../chart-svg.js";
import { reportText } from "../report-text.js";
import type { ReportLocale } from "../types.js";
import { regionalReportText } from "./regional-text.js";
import { defineSection } from "./section.js";

/**
 * The report's run: the latest benchmark year, 500 Monte-Carlo base samples, seed 1 (≈ 0.35 s, once
 * for both languages: the loader shares a method's result between them).
 */
export const REGION_REPORT_QUERY = { year: 2017, runs: 500, seed: 1 } as const;

/** What the section shows. */
export type RegionalSectionData = RegionRankResult;

const num = (v: number | null | undefined, lang: ReportLocale, digits: number): string =>
  formatCoefficient(v, lang, digits);

/** "+2" / "−1" / "0"; null (first benchmark year) → "—". */
function changeText(c: number | null): string {
  if (c === null) return "—";
  return c > 0 ? `+${c}` : c < 0 ? `−${-c}` : "0";
}

function rankingTable(r: RegionRankResult, lang: ReportLocale): string {
  const C = regionalReportText(lang).columns;
  const withInterval = r.regions.some((x) => x.interval !== undefined);
  const heads = [
    C.rank,
    C.province,
    C.code,
    C.score,
    C.tier,
    C.rankChange,
    ...(withInterval ? [C.interval] : []),
    C.digitalShare,
    C.gdpGrowth,
  ];
  const row = (x: RegionRow): string =>
    `<tr class="tier-${x.tier}"><td class="num">${x.rank}</td><td>${escapeHtml(lang === "en" ? x.nameEn : x.nameZh)}</td>` +
    `<td>${escapeHtml(x.code)}</td><td class="num">${escapeHtml(num(x.score, lang, 1))}</td><td class="num">${x.tier}</td>` +
    `<td class="num">${escapeHtml(changeText(x.rankChange))}</td>` +
    (withInterval ? `<td class="num">${escapeHtml(intervalText(x, lang))}</td>` : "") +
    `<td class="num">${escapeHtml(num(x.values.digital_share ?? null, lang, 2))}</td>` +
    `<td class="num">${escapeHtml(num(x.values.gdp_growth ?? null, lang, 1))}</td></tr>`;
  return (
    `<table class="region-ranking"><thead><tr>${heads.map((h) => `<th>${escapeHtml(h)}</th>`).join("")}</tr></thead>` +
    `<tbody>${[...r.regions]
      .sort((a, b) => a.rank - b.rank)
      .map(row)
      .join("")}</tbody></table>`
  );
}

/** Tiers, disparity and weights as one definition list per block. */
function statsHtml(r: RegionRankResult, lang: ReportLocale): string {
  const T = regionalReportText(lang);
  const L = chartLabels(lang).region;
  const dl = (rows: readonly [string, string][]): string =>
    `<table class="stats"><tbody>${rows.map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join("")}</tbody></table>`;
  const d = r.disparity;
  const disparity: [string, string][] =
    d === null
      ? [[T.disparity.cv, T.noDisparity]]
      : [
          [T.disparity.cv, num(d.cv, lang, 3)],
          [T.disparity.cvSample, num(d.cvSample, lang, 3)],
          [T.disparity.theil, num(d.theil, lang, 3)],
          [T.disparity.gini, num(d.gini, lang, 3)],
        ];
  const tiers = [...r.tiers]
    .sort((a, b) => a.tier - b.tier)
    .map((t): [string, string] => [L.tierName(t.tier), T.tierRow(t.count, num(t.mean, lang, 1))]);
  const weights = r.weights
    .filter((w) => L.indicators[w.id] !== undefined)
    .map((w): [string, string] => [L.indicators[w.id] ?? w.id, num(w.weight, lang, 3)]);
  return (
    `<h3>${escapeHtml(T.tiersTitle)}</h3>${dl(tiers)}` +
    `<h3>${escapeHtml(T.disparityTitle)}</h3>${dl(disparity)}` +
    `<h3>${escapeHtml(T.weightsTitle)}</h3>${dl(weights)}`
  );
}

function sobolTable(r: RegionRankResult, lang: ReportLocale): string {
  if (r.sobol === undefined || r.sobol.length === 0) return "";
  const T = regionalReportText(lang);
  const L = chartLabels(lang).region;
  const C = T.sobolColumns;
  const rows = r.sobol
    .map(
      (s) =>
        `<tr><td>${escapeHtml(L.factors[s.factor] ?? s.factor)} <small>${escapeHtml(s.factor)}</small></td>` +
        `<td class="num">${escapeHtml(num(s.firstOrder, lang, 3))}</td><td class="num">${escapeHtml(num(s.total, lang, 3))}</td></tr>`,
    )
    .join("");
  return (
    `<h3>${escapeHtml(T.sobolTitle)}</h3><table class="sobol"><thead><tr><th>${escapeHtml(C.factor)}</th>` +
    `<th>${escapeHtml(C.firstOrder)}</th><th>${escapeHtml(C.total)}</th></tr></thead><tbody>${rows}</tbody></table>`
  );
}

/** An anchor's value with its unit and year. */
function anchorText(a: CataloguePillar["anchors"][number], lang: ReportLocale): string {
  const unit = chartLabels(lang).region.units[a.unit] ?? a.unit;
  const value = a.value === null ? "—" : Number.isInteger(a.value) ? String(a.value) : num(a.value, lang, 2);
  const spaced = unit === "" || unit === "%" ? `${value}${unit}` : `${value} ${unit}`;
  return a.year === null ? spaced : lang === "en" ? `${spaced} (${a.year})` : `${spaced}（${a.year}年）`;
}

function catalogueTable(r: RegionRankResult, lang: ReportLocale): string {
  const T = regionalReportText(lang);
  const L = chartLabels(lang).region;
  const C = T.catalogueColumns;
  const sep = labelSeparator(lang);
  const rows = r.catalogue
    .map((p) => {
      const indicators = p.indicators.map((i) => `${escapeHtml(L.indicators[i] ?? i)} <small>${escapeHtml(i)}</small>`);
      const anchors = p.anchors.map(
        (a) =>
          `${escapeHtml(lang === "en" ? a.quantityEn : a.quantityZh)}${sep}<b>${escapeHtml(anchorText(a, lang))}</b> <small>${escapeHtml(a.id)}</small>`,
      );
      const content =
        (indicators.length > 0 ? indicators.join("<br/>") : "") +
        (anchors.length > 0
          ? `${indicators.length > 0 ? "<br/>" : ""}<small>${escapeHtml(T.anchors)}${sep}</small><br/>${anchors.join("<br/>")}`
          : p.status === "no_public_data"
            ? `<small>${escapeHtml(T.noAnchors)}</small>`
            : "");
      return (
        `<tr class="pillar-${escapeHtml(p.status)}"><td><b>${escapeHtml(p.id)}</b> ${escapeHtml(lang === "en" ? p.labelEn : p.labelZh)}</td>` +
        `<td>${escapeHtml(L.statuses[p.status] ?? p.status)}</td><td>${content}</td></tr>`
      );
    })
    .join("");
  return (
    `<table class="catalogue"><thead><tr><th>${escapeHtml(C.pillar)}</th><th>${escapeHtml(C.status)}</th>` +
    `<th>${escapeHtml(C.content)}</th></tr></thead><tbody>${rows}</tbody></table>`
  );
}

/** The result's provenance, marked `region-prov` (it belongs to the section, not to one figure). */
function regionProvenance(r: RegionRankResult, lang: ReportLocale): string {
  const P = chartLabels(lang).provenance;
  const rows = provenanceEntries(r.provenance, P)
    .filter((e) => e.label !== P.caveats)
    .map((e) => `<dt>${escapeHtml(e.label)}</dt><dd>${escapeHtml(e.value)}</dd>`)
    .join("");
  const caveats = r.provenance.caveats;
  const caveatRows =
    caveats.length === 0
      ? ""
      : `<dt>${escapeHtml(P.caveats)}</dt><dd><ul class="caveats">${caveats.map((c) => `<li>${escapeHtml(c)}</li>`).join("")}</ul></dd>`;
  return `<dl class="prov region-prov">${rows}${caveatRows}</dl>`;
}

/** 区域评价（“2135+N”）: tile map, ranking, tiers, disparity, Sobol indices, catalogue, provenance. */
export const regionRankSection = defineSection<RegionalSectionData>({
  id: "region.rank",
  family: "index",
  load: (sources) => sources.runMethod(regionRankMethod, { dataset: undefined, ...REGION_REPORT_QUERY }),
  render: (r, ctx) => {
    const lang = ctx.lang;
    const T = regionalReportText(lang);
    const R = reportText(lang);
    const sep = labelSeparator(lang);
    const n = ctx.nextFigure();
    const map = provinceTileSvg(provinceTileMap(r, chartLabels(lang), lang, "tier"), REPORT_FONT_FAMILY);
    const previous = [...r.years].filter((y) => y < r.year).pop() ?? null;
    const runs = typeof r.provenance.parameters.runs === "number" ? r.provenance.parameters.runs : 0;
    const seed = Number(r.provenance.parameters.seed ?? REGION_REPORT_QUERY.seed);
    return (
      `<section id="region-rank"><h2>${escapeHtml(T.title)}</h2><p>${escapeHtml(T.intro)}</p>` +
      `<p class="note"><b>${escapeHtml(R.methodNote)}${sep}</b>${escapeHtml(T.method(runs, seed))}</p>` +
      `<figure class="tile-map">${map}<figcaption>${escapeHtml(`${R.figure(n)}${lang === "en" ? ". " : "　"}${T.mapCaption(r.year)}`)}</figcaption></figure>` +
      `<h3>${escapeHtml(T.rankingTitle(r.year))}</h3><p>${escapeHtml(`${T.rankChangeNote(previous)}${lang === "en" ? " " : ""}${T.columnsNote}`)}</p>` +
      rankingTable(r, lang) +
      statsHtml(r, lang) +
      sobolTable(r, lang) +
      `<h3>${escapeHtml(T.catalogueTitle)}</h3><p>${escapeHtml(T.catalogueIntro)}</p>` +
      catalogueTable(r, lang) +
      `<details open><summary>${escapeHtml(R.provenance)}</summary>${regionProvenance(r, lang)}</details>` +
      `</section>`
    );
  },
});

/** The regional sections, in report order. */
export const REGIONAL_SECTIONS = [regionRankSection] as const;
