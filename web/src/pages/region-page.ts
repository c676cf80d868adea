/**
 * The regional page (区域评价): the 31 provinces under "2135+N" on public data (`GET /api/region/rank`)
 * — a year selector over the benchmark years, the province tile map, the ranking table with tiers, rank
 * changes and Monte-Carlo rank intervals, the rank-interval whiskers and Sobol bars, the disparity
 * statistics, and the catalogue of every pillar with its status (unfilled pillars shown as such, with the
 * national anchors the seeds print).
 */
import type { CataloguePillar, Locale, RegionRankResult, RegionRow } from "../../charts/api-types.js";
import { chartLabels } from "../../charts/labels.js";
import { formatCoefficient } from "../../charts/number-format.js";
import { labelSeparator, provenanceEntries } from "../../charts/provenance.js";
import { type ProvinceTileMap, provinceTileMap, TILE, type TileColorBy } from "../../charts/province-tiles.js";
import { intervalText, rankIntervalChart, sobolChart } from "../../charts/rank-uncertainty.js";
import { ApiError, api } from "../api.js";
import { clearChart, mountChart } from "../chart-host.js";
import { h } from "../dom.js";
import { type Messages, messages } from "../i18n.js";
import type { PageContext } from "../routes.js";

/** The benchmark years of the provincial IO tables (the API's `years` confirms them). */
export const REGION_YEARS: readonly number[] = [2002, 2007, 2012, 2017];

/** Monte-Carlo base samples and seed of the page (≈ 0.4 s on the server, cached after the first call). */
export const REGION_RUNS = { runs: 1000, seed: 1 } as const;

/** Selections survive a language switch (module state, not persisted). */
const state: { year: number; colorBy: TileColorBy } = { year: 2017, colorBy: "tier" };

let generation = 0;

const SVG_NS = "http://www.w3.org/2000/svg";

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
  ...children: (Node | string)[]
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  for (const c of children) el.append(typeof c === "string" ? document.createTextNode(c) : c);
  return el;
}

/** The tile map as SVG elements: every tile a focusable `role="img"` group with its aria-label and title. */
export function tileMapElement(map: ProvinceTileMap): SVGSVGElement {
  const step = TILE.size + TILE.gap;
  const width = map.columns * step;
  const height = map.rows * step;
  const root = svg("svg", {
    viewBox: `0 0 ${width} ${height}`,
    class: "tile-map",
    role: "group",
    "aria-label": map.title,
    "data-testid": "tile-map",
  });
  for (const t of map.tiles) {
    const x = t.col * step;
    const y = t.row * step;
    const g = svg(
      "g",
      {
        class: "tile",
        role: "img",
        tabindex: 0,
        "aria-label": t.title,
        "data-code": t.code,
        ...(t.tier !== null && { "data-tier": t.tier }),
      },
      svg("title", {}, t.title),
      svg("rect", { x, y, width: TILE.size, height: TILE.size, rx: 4, fill: t.fill }),
      svg(
        "text",
        {
          x: x + TILE.size / 2,
          y: y + 27,
          "text-anchor": "middle",
          "font-size": t.labelSize,
          fill: t.textColor,
        },
        t.label,
      ),
      svg(
        "text",
        {
          x: x + TILE.size / 2,
          y: y + 46,
          "text-anchor": "middle",
          "font-size": 13,
          "font-weight": 600,
          fill: t.textColor,
        },
        t.valueText,
      ),
    );
    root.append(g);
  }
  return root;
}

function errorText(prefix: string, e: unknown, lang: Locale): string {
  const sep = labelSeparator(lang);
  if (e instanceof ApiError) return `${prefix}${sep}${e.message} (${e.code})`;
  return `${prefix}${sep}${e instanceof Error ? e.message : String(e)}`;
}

/** "+2" / "−1" / "0"; null (first benchmark year) → "—". */
function changeText(c: number | null): string {
  if (c === null) return "—";
  return c > 0 ? `+${c}` : c < 0 ? `−${-c}` : "0";
}

/** The ranking table: rank, province, score, tier, rank change, 5–95 % interval, digital share. */
export function rankingTable(data: RegionRankResult, lang: Locale): HTMLElement {
  const m = messages(lang);
  const C = m.region.columns;
  const withInterval = data.regions.some((r) => r.interval !== undefined);
  const row = (r: RegionRow): HTMLElement =>
    h(
      "tr",
      { "data-code": r.code, class: `tier-${r.tier}` },
      h("td", { class: "num" }, String(r.rank)),
      h("th", { scope: "row" }, lang === "en" ? r.nameEn : r.nameZh),
      h("td", { class: "num" }, formatCoefficient(r.score, lang, 1)),
      h("td", { class: "num" }, h("span", { class: `tier-badge tier-${Math.min(r.tier, 5)}` }, String(r.tier))),
      h(
        "td",
        {
          class: `num change ${r.rankChange === null ? "" : r.rankChange > 0 ? "up" : r.rankChange < 0 ? "down" : ""}`,
          title: r.rankChange === null ? undefined : m.region.rankChangeTitle(r.rankChange),
        },
        changeText(r.rankChange),
      ),
      withInterval ? h("td", { class: "num" }, intervalText(r, lang)) : null,
      h("td", { class: "num" }, formatCoefficient(r.values.digital_share ?? null, lang, 2)),
    );
  return h(
    "table",
    { class: "sectors ranking", "data-testid": "ranking-table" },
    h("caption", { class: "visually-hidden" }, m.region.rankingTitle),
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        h("th", { scope: "col", class: "num" }, C.rank),
        h("th", { scope: "col" }, C.province),
        h("th", { scope: "col", class: "num" }, C.score),
        h("th", { scope: "col", class: "num" }, C.tier),
        h("th", { scope: "col", class: "num" }, C.rankChange),
        withInterval ? h("th", { scope: "col", class: "num" }, C.interval) : null,
        h("th", { scope: "col", class: "num" }, C.digitalShare),
      ),
    ),
    h("tbody", {}, ...[...data.regions].sort((a, b) => a.rank - b.rank).map(row)),
  );
}

/** An anchor's value with its unit and year, e.g. "30.2 个/万人（2024年）". */
function anchorText(a: CataloguePillar["anchors"][number], lang: Locale): string {
  const L = chartLabels(lang).region;
  const unit = L.units[a.unit] ?? a.unit;
  const value =
    a.value === null ? "—" : Number.isInteger(a.value) ? String(a.value) : formatCoefficient(a.value, lang, 2);
  const year =
    a.year === null ? "" : lang === "en" ? ` (${a.year})` : `（${messages(lang).region.anchorYear(a.year)}）`;
  const spaced = unit === "" || unit === "%" ? `${value}${unit}` : `${value} ${unit}`;
  return `${spaced}${year}`;
}

/** The "2135+N" catalogue: every pillar, its status, its indicators or the national anchors. */
export function catalogueTable(data: RegionRankResult, lang: Locale): HTMLElement {
  const m = messages(lang);
  const L = chartLabels(lang).region;
  const sep = labelSeparator(lang);
  const row = (p: CataloguePillar): HTMLElement =>
    h(
      "tr",
      { class: `pillar status-${p.status}`, "data-pillar": p.id, "data-status": p.status },
      h(
        "th",
        { scope: "row", class: "cell-top" },
        h("span", { class: "pillar-id" }, p.id),
        " ",
        lang === "en" ? p.labelEn : p.labelZh,
      ),
      h("td", { class: "pillar-status cell-top" }, L.statuses[p.status] ?? p.status),
      h(
        "td",
        { class: "cell-top" },
        p.indicators.length > 0
          ? h(
              "ul",
              { class: "plain" },
              ...p.indicators.map((i) => h("li", {}, L.indicators[i] ?? i, " ", h("code", {}, i))),
            )
          : null,
        p.anchors.length > 0
          ? h(
              "div",
              { class: "anchors" },
              h("small", { class: "anchor-label" }, `${m.region.anchors}${sep}`),
              h(
                "ul",
                { class: "plain" },
                ...p.anchors.map((a) =>
                  h(
                    "li",
                    { "data-anchor": a.id, title: a.id },
                    `${lang === "en" ? a.quantityEn : a.quantityZh}${sep}`,
                    h("b", {}, anchorText(a, lang)),
                  ),
                ),
              ),
            )
          : p.status === "no_public_data"
            ? h("small", { class: "muted-note" }, m.region.noAnchors)
            : null,
      ),
    );
  return h(
    "table",
    { class: "sectors catalogue", "data-testid": "catalogue-table" },
    h("caption", { class: "visually-hidden" }, m.region.catalogueTitle),
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        h("th", { scope: "col" }, m.region.pillar),
        h("th", { scope: "col" }, m.region.status),
        h("th", { scope: "col" }, `${m.region.indicators} / ${m.region.anchors}`),
      ),
    ),
    h("tbody", {}, ...data.catalogue.map(row)),
  );
}

/** Disparity (CV, Theil, Gini) and the tiers as a definition list. */
function disparityPanel(data: RegionRankResult, m: Messages, lang: Locale): HTMLElement[] {
  const R = m.region;
  const L = chartLabels(lang).region;
  const d = data.disparity;
  const dl = h("dl", { class: "prov stats", "data-testid": "disparity" });
  const entries: [string, string][] =
    d === null
      ? [[R.cv, R.noDisparity]]
      : [
          [R.cv, formatCoefficient(d.cv, lang, 3)],
          [R.theil, formatCoefficient(d.theil, lang, 3)],
          [R.gini, formatCoefficient(d.gini, lang, 3)],
        ];
  for (const [k, v] of entries) dl.append(h("dt", {}, k), h("dd", { class: "num" }, v));
  const tiers = h("dl", { class: "prov stats", "data-testid": "tiers" });
  for (const t of [...data.tiers].sort((a, b) => a.tier - b.tier))
    tiers.append(
      h(
        "dt",
        {},
        h("span", { class: `tier-badge tier-${Math.min(t.tier, 5)}` }, String(t.tier)),
        " ",
        L.tierName(t.tier),
      ),
      h("dd", {}, R.tierText(t.count, formatCoefficient(t.mean, lang, 1))),
    );
  const weights = h("dl", { class: "prov stats" });
  for (const w of data.weights.filter((x) => L.indicators[x.id] !== undefined))
    weights.append(
      h("dt", {}, L.indicators[w.id] ?? w.id),
      h("dd", { class: "num" }, `${formatCoefficient(w.weight, lang, 3)} (${w.method})`),
    );
  return [
    h("h3", {}, R.disparityTitle),
    h("p", { class: "hint" }, R.disparityHint),
    dl,
    h("h3", {}, R.tiersTitle),
    tiers,
    h("h3", {}, R.weightsTitle),
    weights,
  ];
}

/** Renders the regional page into `ctx.root`. */
export async function renderRegionPage(ctx: PageContext): Promise<void> {
  const { lang, root } = ctx;
  const m = messages(lang);
  const R = m.region;
  const labels = chartLabels(lang);

  const yearSel = h("select", { id: "region-year", "data-testid": "region-year" });
  for (const y of REGION_YEARS) {
    const o = h("option", { value: String(y) }, String(y));
    if (y === state.year) o.selected = true;
    yearSel.append(o);
  }
  const colorSel = h("select", { id: "region-color", "data-testid": "region-color" });
  for (const k of ["tier", "score"] as const) {
    const o = h("option", { value: k }, R.colorByOptions[k]);
    if (k === state.colorBy) o.selected = true;
    colorSel.append(o);
  }
  const status = h("p", { class: "status", role: "status", "aria-live": "polite", "data-testid": "region-status" });
  const mapBox = h("div", { class: "tile-map-box", "data-testid": "tile-map-box" });
  const legend = h("ul", { class: "tile-legend", "data-testid": "tile-legend" });
  const side = h("div", { class: "region-side", "data-testid": "region-side" });
  const ranking = h("div", { class: "table-scroll ranking-scroll" });
  const rankingHint = h("p", { class: "hint" });
  const intervalEl = h("div", {
    class: "chart chart-intervals",
    id: "chart-intervals",
    "data-testid": "chart-intervals",
  });
  const sobolEl = h("div", { class: "chart chart-sobol", id: "chart-sobol", "data-testid": "chart-sobol" });
  const catalogue = h("div", { class: "table-scroll catalogue-scroll" });
  const prov = h("dl", { class: "prov", "data-testid": "region-provenance" });
  const diagnostics = h("div", {});

  root.replaceChildren(
    h("h1", { id: "page-title", "data-testid": "page-title" }, R.title),
    h("p", { class: "intro" }, R.intro),
    h(
      "div",
      { class: "controls" },
      h("label", { class: "control", for: "region-year" }, h("span", {}, R.year), yearSel),
      h("label", { class: "control", for: "region-color" }, h("span", {}, R.colorBy), colorSel),
    ),
    status,
    h(
      "div",
      { class: "chart-row region-row" },
      h(
        "section",
        { class: "panel", "aria-labelledby": "map-title" },
        h("h2", { id: "map-title" }, R.mapTitle),
        h("p", { class: "hint" }, R.mapHint),
        mapBox,
        legend,
      ),
      h("section", { class: "panel", "aria-label": R.disparityTitle }, side),
    ),
    h(
      "section",
      { class: "panel", "aria-labelledby": "ranking-title" },
      h("h2", { id: "ranking-title" }, R.rankingTitle),
      rankingHint,
      ranking,
    ),
    h(
      "section",
      { "aria-labelledby": "uncertainty-title" },
      h("h2", { id: "uncertainty-title" }, R.uncertaintyTitle),
      h("p", { class: "hint" }, R.uncertaintyHint),
      h("div", { class: "chart-row region-charts" }, intervalEl, sobolEl),
    ),
    h(
      "section",
      { class: "panel", "aria-labelledby": "catalogue-title", "data-testid": "catalogue" },
      h("h2", { id: "catalogue-title" }, R.catalogueTitle),
      h("p", { class: "hint" }, R.catalogueHint),
      catalogue,
    ),
    h(
      "section",
      { class: "panel", "aria-labelledby": "region-prov-title" },
      h("h2", { id: "region-prov-title" }, R.provenance),
      prov,
      diagnostics,
    ),
  );

  let current: RegionRankResult | undefined;
  const drawMap = (): void => {
    if (current === undefined) return;
    const map = provinceTileMap(current, labels, lang, state.colorBy);
    mapBox.replaceChildren(tileMapElement(map));
    legend.replaceChildren(
      ...map.legend.map((l) => h("li", {}, h("span", { class: "swatch", style: `background:${l.color}` }), l.text)),
    );
  };

  const load = async (): Promise<void> => {
    const myGeneration = ++generation;
    status.classList.remove("error");
    status.textContent = R.loading;
    try {
      const data = await api.regionRank({ year: state.year, ...REGION_RUNS }, lang);
      if (myGeneration !== generation) return;
      current = data;
      status.textContent = "";
      drawMap();
      side.replaceChildren(...disparityPanel(data, m, lang));
      rankingHint.textContent = R.rankingHint(REGION_RUNS.runs, REGION_RUNS.seed);
      ranking.replaceChildren(rankingTable(data, lang));
      mountChart("intervals", intervalEl, rankIntervalChart(data, labels, lang));
      mountChart("sobol", sobolEl, sobolChart(data, labels, lang));
      catalogue.replaceChildren(catalogueTable(data, lang));
      prov.replaceChildren();
      for (const e of provenanceEntries(data.provenance, labels.provenance))
        prov.append(h("dt", {}, e.label), h("dd", {}, e.value));
      diagnostics.replaceChildren(
        ...(data.diagnostics.length === 0
          ? []
          : [
              h("h3", {}, R.diagnostics),
              h(
                "ul",
                { class: "diagnostics" },
                ...data.diagnostics.map((d) =>
                  h("li", { class: `sev-${d.severity}` }, h("code", {}, d.code), " ", d.message ?? ""),
                ),
              ),
            ]),
      );
    } catch (e) {
      if (myGeneration !== generation) return;
      const message = errorText(R.error, e, lang);
      status.textContent = message;
      status.classList.add("error");
      clearChart("intervals", intervalEl, message);
      clearChart("sobol", sobolEl, message);
    }
  };

  yearSel.addEventListener("change", () => {
    state.year = Number(yearSel.value);
    void load();
  });
  colorSel.addEventListener("change", () => {
    state.colorBy = colorSel.value === "score" ? "score" : "tier";
    drawMap();
  });
  await load();
}
