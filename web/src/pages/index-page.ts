/**
 * The integration-index page (融合指数): the public-data proxy of the integration index against the GDP
 * index with CAICT's printed values beside it (`GET /api/fusion/index`) and reproduction rows 4–8; the
 * growth cycle of NBS nominal GDP with technical-weakness bands (`GET /api/index/cycle`), reproduction
 * rows 5 and 9 beside it (`GET /api/reproduction`); and a weights tool that posts an uploaded indicator
 * table to `POST /api/index/weights`.
 */
import type {
  CycleResult,
  FusionResult,
  IndicatorWeight,
  Locale,
  ReproductionRow,
  WeightsResult,
} from "../../charts/api-types.js";
import { fusionIndexChart } from "../../charts/fusion-index.js";
import { episodeText, growthCycleChart } from "../../charts/growth-cycle.js";
import { chartLabels } from "../../charts/labels.js";
import { formatCoefficient } from "../../charts/number-format.js";
import { labelSeparator, provenanceEntries } from "../../charts/provenance.js";
import { ApiError, api } from "../api.js";
import { clearChart, mountChart } from "../chart-host.js";
import { h } from "../dom.js";
import { type Messages, messages } from "../i18n.js";
import type { PageContext } from "../routes.js";

/** The series of the cycle chart: NBS nominal GDP (亿元) from 2012, the seed's window (图3). */
export const CYCLE_QUERY = { dataset: "cn-nbs-gdp-annual", column: "国内生产总值(亿元)", from: "2012" } as const;

/** The reproduction rows of the composite family: 5 (index headline arithmetic), 9 (weak episodes). */
export const INDEX_ROWS: readonly string[] = ["5", "9"];

/** The reproduction rows of the integration index (seed 000 §二(一)1, 图2): 4–8, those present. */
export const FUSION_ROWS: readonly string[] = ["4", "5", "6", "7", "8"];

/** The base year of the proxy as the API defaults it (spec §2: 2016 = 100). */
export const FUSION_BASE_YEAR = 2016;

const WEIGHT_METHODS = ["entropy", "critic", "pca", "equal"] as const;

/** Method-specific columns of the weights table, in order. */
const EXTRA_COLUMNS = ["entropy", "divergence", "sd", "conflict", "information", "loading"] as const;

/** Selections survive a language switch (module state, not persisted; the file input cannot be kept). */
const state = { method: "entropy", directions: "" };

let generation = 0;

function errorText(prefix: string, e: unknown, lang: Locale): string {
  const sep = labelSeparator(lang);
  if (e instanceof ApiError) return `${prefix}${sep}${e.message} (${e.code})`;
  return `${prefix}${sep}${e instanceof Error ? e.message : String(e)}`;
}

/** A printed or compared value: integers as is, others with two decimals; "约"/"about" from the reason. */
function valueText(v: number | null | undefined, lang: Locale, qualifier?: string): string {
  if (v === null || v === undefined) return "—";
  const n = Number.isInteger(v) ? String(v) : formatCoefficient(v, lang, 2);
  return qualifier === undefined ? n : `${qualifier}${lang === "en" ? " " : ""}${n}`;
}

/** The quantity of a row, with the series and the seed's phase for row 9. */
function quantityText(r: ReproductionRow, m: Messages, lang: Locale): string {
  const name = m.index.quantities[r.quantity ?? ""] ?? r.quantity ?? "";
  const p = r.reason?.params ?? {};
  const dash = lang === "en" ? "–" : "—";
  if (r.quantity !== "weak_episode" && r.quantity !== "component_cagr") return name;
  const series = typeof p.series === "string" ? (m.index.series[p.series] ?? p.series) : "";
  const phase =
    typeof p.phaseFrom === "number" ? `${p.phaseFrom}${dash}${typeof p.phaseTo === "number" ? p.phaseTo : ""}` : "";
  const sep = lang === "en" ? ", " : "，";
  if (r.quantity === "component_cagr") {
    const component = typeof p.component === "string" ? (m.index.components[p.component] ?? p.component) : "";
    const window = typeof p.from === "number" && typeof p.to === "number" ? `${p.from}${dash}${p.to}` : "";
    return [name, component, window].filter((x) => x !== "").join(sep);
  }
  return [name, series, phase === "" ? "" : m.index.phaseOf(phase)].filter((x) => x !== "").join(sep);
}

/** Reproduction rows as a table: a row per value, its reason and citation below it. */
export function reproductionTable(
  rows: readonly ReproductionRow[],
  lang: Locale,
  testId = "reproduction-table",
  title = messages(lang).index.reproductionTitle,
): HTMLElement {
  const m = messages(lang);
  const C = m.index.columns;
  const sep = labelSeparator(lang);
  const body = rows.flatMap((r, i) => {
    const p = r.reason?.params ?? {};
    const qualifier = typeof p.qualifier === "string" ? m.index.qualifiers[p.qualifier] : undefined;
    const citation = lang === "en" ? r.citation_en : r.citation_zh;
    const id = `${testId}-${i}`;
    return [
      h(
        "tr",
        { class: `value status-${r.status}`, "data-ref": r.ref },
        h("th", { scope: "row", id, rowspan: 2 }, r.ref),
        h("td", {}, quantityText(r, m, lang)),
        h("td", { class: "num" }, valueText(r.computed, lang)),
        h(
          "td",
          { class: "num" },
          valueText(r.published ?? r.comparison, lang, r.published === null ? undefined : qualifier),
        ),
        h("td", { class: "status" }, m.index.statuses[r.status] ?? r.status),
      ),
      h(
        "tr",
        { class: "reason" },
        h(
          "td",
          { colspan: 4, headers: id },
          lang === "en" ? r.reason_en : r.reason_zh,
          citation ? h("small", {}, `${m.index.citation}${sep}${citation}`) : null,
        ),
      ),
    ];
  });
  return h(
    "table",
    { class: "repro", "data-testid": testId },
    h("caption", { class: "visually-hidden" }, title),
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        h("th", { scope: "col" }, C.ref),
        h("th", { scope: "col" }, C.quantity),
        h("th", { scope: "col", class: "num" }, C.computed),
        h("th", { scope: "col", class: "num" }, C.printed),
        h("th", { scope: "col" }, C.status),
      ),
    ),
    h("tbody", {}, ...body),
  );
}

/** The weights of an upload as a table: indicator, direction, weight and the method's own columns. */
export function weightsTable(result: WeightsResult, lang: Locale): HTMLElement {
  const m = messages(lang);
  const extras = EXTRA_COLUMNS.filter((k) => result.weights.some((w) => typeof w[k] === "number"));
  const row = (w: IndicatorWeight): HTMLElement =>
    h(
      "tr",
      {},
      h("th", { scope: "row" }, w.name === w.indicator ? w.indicator : `${w.name} (${w.indicator})`),
      h("td", {}, w.direction === 1 ? m.index.benefit : m.index.cost),
      h("td", { class: "num" }, formatCoefficient(w.weight, lang, 4)),
      ...extras.map((k) => h("td", { class: "num" }, formatCoefficient(w[k], lang, 4))),
    );
  return h(
    "table",
    { class: "sectors weights", "data-testid": "weights-table" },
    h("caption", { class: "visually-hidden" }, m.index.weightsTitle),
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        h("th", { scope: "col" }, m.index.indicator),
        h("th", { scope: "col" }, m.index.direction),
        h("th", { scope: "col", class: "num" }, m.index.weight),
        ...extras.map((k) => h("th", { scope: "col", class: "num" }, m.index.extra[k] ?? k)),
      ),
    ),
    h("tbody", {}, ...result.weights.map(row)),
  );
}

/** Renders the integration-index page into `ctx.root`. */
export async function renderIndexPage(ctx: PageContext): Promise<void> {
  const { lang, root } = ctx;
  const m = messages(lang);
  const labels = chartLabels(lang);
  const myGeneration = ++generation;
  const stale = (): boolean => myGeneration !== generation;

  const chartEl = h("div", { class: "chart chart-cycle", id: "chart-cycle", "data-testid": "chart-cycle" });
  const caption = h("p", { class: "caption", id: "cycle-caption", "data-testid": "cycle-caption" });
  const reproBox = h(
    "section",
    { class: "panel repro-panel", id: "reproduction", "data-testid": "reproduction", "aria-labelledby": "repro-title" },
    h("h2", { id: "repro-title" }, m.index.reproductionTitle),
    h("p", { class: "hint" }, m.index.reproductionHint),
    h("p", { class: "status", role: "status" }, m.index.loading),
  );
  const status = h("p", { class: "status", role: "status" });

  const fusionEl = h("div", { class: "chart chart-fusion", id: "chart-fusion", "data-testid": "chart-fusion" });
  const fusionCaptionEl = h("div", { class: "caption", id: "fusion-caption", "data-testid": "fusion-caption" });
  const fusionProv = h("div", { class: "fusion-prov", "data-testid": "fusion-provenance" });
  const fusionRepro = h(
    "section",
    {
      class: "panel repro-panel",
      id: "fusion-reproduction",
      "data-testid": "fusion-reproduction",
      "aria-labelledby": "fusion-repro-title",
    },
    h("h3", { id: "fusion-repro-title" }, m.index.fusionReproTitle),
    h("p", { class: "hint" }, m.index.fusionReproHint),
    h("p", { class: "status", role: "status" }, m.index.loading),
  );

  root.replaceChildren(
    h("h1", { id: "page-title", "data-testid": "page-title" }, m.index.title),
    h("p", { class: "intro" }, m.index.intro),
    status,
    h(
      "section",
      { class: "page-section", id: "fusion", "aria-labelledby": "fusion-title" },
      h("h2", { id: "fusion-title" }, m.index.fusionTitle),
      h("p", { class: "hint" }, m.index.fusionIntro),
      h(
        "div",
        { class: "chart-row index-row" },
        h("figure", { class: "cycle-figure", "aria-labelledby": "fusion-caption" }, fusionEl, fusionCaptionEl),
        h("div", {}, fusionRepro, fusionProv),
      ),
    ),
    h(
      "section",
      { class: "page-section", id: "cycle", "aria-labelledby": "cycle-title" },
      h("h2", { id: "cycle-title" }, m.index.cycleTitle),
      h(
        "div",
        { class: "chart-row index-row" },
        h("figure", { class: "cycle-figure", "aria-labelledby": "cycle-caption" }, chartEl, caption),
        reproBox,
      ),
    ),
    weightsTool(lang),
  );

  const fusion = api.fusion({ baseYear: FUSION_BASE_YEAR }, lang).then(
    (data) => {
      if (stale()) return;
      mountChart("fusion", fusionEl, fusionIndexChart(data, labels, lang));
      fusionCaptionEl.replaceChildren(...fusionCaption(data, m, lang));
      fusionProv.replaceChildren(fusionProvenance(data, m, lang));
    },
    (e: unknown) => {
      if (stale()) return;
      const message = errorText(m.index.error, e, lang);
      clearChart("fusion", fusionEl, message);
      status.textContent = message;
      status.classList.add("error");
    },
  );

  const cycle = api.cycle(CYCLE_QUERY, lang).then(
    (data) => {
      if (stale()) return;
      mountChart("cycle", chartEl, growthCycleChart(data, labels, lang));
      caption.replaceChildren(...cycleCaption(data, m, lang));
    },
    (e: unknown) => {
      if (stale()) return;
      const message = errorText(m.index.error, e, lang);
      clearChart("cycle", chartEl, message);
      status.textContent = message;
      status.classList.add("error");
    },
  );
  const reproduction = api.reproduction(lang).then(
    (r) => {
      if (stale()) return;
      const rows = r.rows.filter((x) => INDEX_ROWS.includes(x.ref));
      const table =
        rows.length === 0
          ? h("p", {}, m.index.noReproduction)
          : h("div", { class: "table-scroll" }, reproductionTable(rows, lang));
      reproBox.querySelector(".status")?.replaceWith(table);
      const fusionRows = r.rows.filter((x) => FUSION_ROWS.includes(x.ref));
      const fusionTable =
        fusionRows.length === 0
          ? h("p", {}, m.index.noFusionReproduction)
          : h(
              "div",
              { class: "table-scroll" },
              reproductionTable(fusionRows, lang, "fusion-reproduction-table", m.index.fusionReproTitle),
            );
      fusionRepro.querySelector(".status")?.replaceWith(fusionTable);
    },
    (e: unknown) => {
      if (stale()) return;
      for (const box of [reproBox, fusionRepro]) {
        const s = box.querySelector(".status");
        if (s !== null) {
          s.textContent = errorText(m.index.error, e, lang);
          s.classList.add("error");
        }
      }
    },
  );
  await Promise.all([fusion, cycle, reproduction]);
}

/** The caption under the index-vs-GDP chart: source, base, the CAGR windows, multiple, crossing, the caveat. */
function fusionCaption(data: FusionResult, m: Messages, lang: Locale): (Node | string)[] {
  const sep = labelSeparator(lang);
  const years = data.years.map((y) => y.year);
  const from = Math.min(...years);
  const to = Math.max(...years);
  const num = (v: number): string => formatCoefficient(v, lang, 2);
  const gap = (v: number): string => `${v < 0 ? "−" : "+"}${num(Math.abs(v))}`;
  const printedCrossing = data.published.find((p) => p.unit === "year")?.value ?? null;
  const g = data.stats.growthMultiple;
  const windows = data.stats.windows.map((w) =>
    h(
      "li",
      { "data-window": `${w.from}-${w.to}` },
      m.index.windowText(w.from, w.to, num(w.indexCagr), num(w.gdpCagr), gap(w.gapPoints)),
    ),
  );
  return [
    m.index.fusionSource(data.provenance.datasets.length, from, to, data.digitalCodes.join("+")),
    lang === "en" ? " " : "",
    m.index.fusionBase(data.baseYear, data.decomposition, data.provenance.computedAt),
    h("b", { class: "caption-head" }, `${m.index.windows}${sep}`),
    h("ul", { class: "windows", "data-testid": "fusion-windows" }, ...windows),
    h("span", {}, m.index.multipleText(g.from, g.to, num(g.ratio))),
    lang === "en" ? " " : "",
    h(
      "span",
      { "data-testid": "fusion-crossing" },
      h("b", {}, `${m.index.crossing}${sep}`),
      m.index.crossingText(data.stats.crossingYear, printedCrossing),
    ),
    h("small", { class: "caption-note", "data-testid": "fusion-not-comparable" }, m.index.notComparable),
  ];
}

/** The proxy's provenance: the 24 tables as one range, files, hashes, method and parameters, caveats. */
function fusionProvenance(data: FusionResult, m: Messages, lang: Locale): HTMLElement {
  const P = chartLabels(lang).provenance;
  const ids = data.provenance.datasets.map((d) => d.id);
  const range = ids.length > 2 ? `${ids[0]} … ${ids[ids.length - 1]} (${ids.length})` : ids.join(", ");
  const dl = h("dl", { class: "prov" });
  for (const e of provenanceEntries(data.provenance, P)) {
    const value =
      e.label === P.dataset
        ? range
        : e.label === P.tableYear
          ? `${Math.min(...data.years.map((y) => y.year))}–${Math.max(...data.years.map((y) => y.year))}`
          : e.value;
    dl.append(h("dt", {}, e.label), h("dd", {}, value));
  }
  return h("details", { class: "panel prov-panel" }, h("summary", {}, m.index.provenance), dl);
}

/** The caption under the chart: the rule, the data source and time, the weak episodes. */
function cycleCaption(data: CycleResult, m: Messages, lang: Locale): (Node | string)[] {
  const sep = labelSeparator(lang);
  const last = Math.max(...data.years.map((y) => y.year));
  const dataset = data.provenance.datasets[0];
  const source =
    dataset === undefined ? data.dataset : `${lang === "en" ? dataset.titleEn : dataset.titleZh} (${dataset.id})`;
  const episodes = data.episodes.map((e) => episodeText(e, lang, last)).join(lang === "en" ? "; " : "；");
  const caveats = data.provenance.caveats;
  return [
    m.index.cycleCaption(source, data.provenance.computedAt),
    h("br"),
    h("b", {}, `${m.index.episodes}${sep}`),
    episodes === "" ? m.index.noEpisodes : episodes,
    ...(caveats.length > 0
      ? [h("small", { class: "caption-note" }, `${chartLabels(lang).provenance.caveats}${sep}${caveats.join(" ")}`)]
      : []),
  ];
}

/** The weights tool: file, method, cost indicators → `POST /api/index/weights` → table and diagnostics. */
function weightsTool(lang: Locale): HTMLElement {
  const m = messages(lang);
  const fileInput = h("input", {
    type: "file",
    id: "weights-file",
    "data-testid": "weights-file",
    accept: ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "aria-describedby": "weights-intro",
  });
  const methodSel = h("select", { id: "weights-method", "data-testid": "weights-method" });
  for (const k of WEIGHT_METHODS) {
    const o = h("option", { value: k }, m.index.methods[k] ?? k);
    if (k === state.method) o.selected = true;
    methodSel.append(o);
  }
  const directionsInput = h("input", {
    type: "text",
    id: "weights-directions",
    "data-testid": "weights-directions",
    value: state.directions,
    placeholder: lang === "en" ? "energy:-,emissions:-" : "能耗:-,排放:-",
    "aria-describedby": "weights-directions-hint",
    spellcheck: false,
  });
  const submit = h("button", { type: "submit", class: "primary", "data-testid": "weights-submit" }, m.index.compute);
  const status = h("div", { class: "status", role: "status", "aria-live": "polite", "data-testid": "weights-status" });
  const result = h("div", { class: "weights-result", "data-testid": "weights-result" });

  const form = h(
    "form",
    { class: "controls weights-form", "data-testid": "weights-form", novalidate: true },
    h("label", { class: "control", for: "weights-file" }, h("span", {}, m.index.file), fileInput),
    h("label", { class: "control", for: "weights-method" }, h("span", {}, m.index.method), methodSel),
    h(
      "label",
      { class: "control", for: "weights-directions" },
      h("span", {}, m.index.directions),
      directionsInput,
      h("small", { id: "weights-directions-hint", class: "field-hint" }, m.index.directionsHint),
    ),
    h("div", { class: "control control-submit" }, submit),
  );
  methodSel.addEventListener("change", () => {
    state.method = methodSel.value;
  });
  directionsInput.addEventListener("change", () => {
    state.directions = directionsInput.value;
  });
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    void (async () => {
      const file = fileInput.files?.[0];
      status.classList.remove("error");
      if (file === undefined) {
        status.classList.add("error");
        status.replaceChildren(m.index.noFile);
        fileInput.focus();
        return;
      }
      state.method = methodSel.value;
      state.directions = directionsInput.value;
      submit.disabled = true;
      status.replaceChildren(m.index.computing);
      try {
        const r = await api.weights(file, { method: state.method, directions: state.directions }, lang);
        status.replaceChildren();
        result.replaceChildren(...weightsResult(r, m, lang));
      } catch (err) {
        result.replaceChildren();
        status.classList.add("error");
        status.replaceChildren(...failure(err, m, lang));
      } finally {
        submit.disabled = false;
      }
    })();
  });

  return h(
    "section",
    { class: "panel", id: "weights", "data-testid": "weights", "aria-labelledby": "weights-title" },
    h("h2", { id: "weights-title" }, m.index.weightsTitle),
    h("p", { class: "hint", id: "weights-intro" }, m.index.weightsIntro, " ", m.index.weightsSignIn),
    form,
    status,
    result,
  );
}

/** An error of the weights tool: its message and code, then each located issue (file, row, column). */
function failure(e: unknown, m: Messages, lang: Locale): Node[] {
  const head = h("p", { role: "alert" }, errorText(m.index.failed, e, lang));
  if (!(e instanceof ApiError) || e.issues.length === 0) return [head];
  const sep = labelSeparator(lang);
  const items = e.issues.map((i) =>
    h(
      "li",
      { class: `sev-${i.severity ?? "error"}` },
      i.location === undefined ? "" : h("b", {}, `${i.location}${sep}`),
      i.message ?? i.code,
      " ",
      h("code", {}, i.code),
    ),
  );
  return [head, h("ul", { class: "issues", "data-testid": "weights-issues" }, ...items)];
}

/** The result of the weights tool: summary, table, diagnostics and provenance. */
function weightsResult(r: WeightsResult, m: Messages, lang: Locale): Node[] {
  const years = r.years === null ? "" : r.years.join(", ");
  const summary = [m.index.methods[r.method] ?? r.method, m.index.summary(r.observations, r.entities, years)];
  if (r.explainedShare !== undefined)
    summary.push(m.index.explained(`${formatCoefficient(r.explainedShare * 100, lang, 1)}%`));
  const diagnostics = r.diagnostics.map((d) =>
    h("li", { class: `sev-${d.severity}` }, h("code", {}, d.code), " ", d.message ?? JSON.stringify(d.params)),
  );
  const labels = chartLabels(lang).provenance;
  const dl = h("dl", { class: "prov" });
  for (const e of provenanceEntries(r.provenance, labels)) dl.append(h("dt", {}, e.label), h("dd", {}, e.value));
  return [
    h("p", { class: "summary", "data-testid": "weights-summary" }, summary.join(lang === "en" ? "; " : "；")),
    h("div", { class: "table-scroll" }, weightsTable(r, lang)),
    h(
      "div",
      { class: "panel-row" },
      h(
        "section",
        { class: "sub-panel", "aria-label": m.index.diagnostics },
        h("h3", {}, m.index.diagnostics),
        diagnostics.length > 0 ? h("ul", { class: "diagnostics" }, ...diagnostics) : h("p", {}, m.index.noDiagnostics),
      ),
      h("section", { class: "sub-panel", "aria-label": m.index.provenance }, h("h3", {}, m.index.provenance), dl),
    ),
  ];
}
