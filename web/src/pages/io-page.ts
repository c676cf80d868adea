/**
 * The IO page (投入产出关联): selectors → `GET /api/io/{linkages,matrix,series}` → the three charts, a
 * sector table, summary cards, the provenance panel and diagnostics.
 */
import type { DatasetSummary, LinkageResult, LinkageSector, Locale, SeriesResult } from "../../charts/api-types.js";
import { coefficientHeatmap } from "../../charts/coefficient-heatmap.js";
import { keySectorQuadrant } from "../../charts/key-sector-quadrant.js";
import { chartLabels } from "../../charts/labels.js";
import { linkageSeriesChart } from "../../charts/linkage-series.js";
import { formatCoefficient, formatMoney } from "../../charts/number-format.js";
import { provenanceEntries } from "../../charts/provenance.js";
import { ApiError, api } from "../api.js";
import { clearChart, mountChart } from "../chart-host.js";
import { h } from "../dom.js";
import { type Messages, messages } from "../i18n.js";
import type { PageContext } from "../routes.js";
import { defaultTable, tableForYear } from "./io-tables.js";

/** Selections survive a language switch (module state, not persisted). */
interface IoState {
  table: string;
  group: string;
  variant: string;
  groupMethod: string;
  which: "A" | "L";
  family: string;
  sortKey: "code" | "influence" | "sensitivity" | "output";
  sortDesc: boolean;
}

const state: IoState = {
  table: "",
  group: "digital",
  variant: "leontief",
  groupMethod: "two_block",
  which: "A",
  family: "nbs",
  sortKey: "code",
  sortDesc: false,
};

const GROUP_PATTERN = /^(digital|[A-Za-z0-9+]+(\s*,\s*[A-Za-z0-9+]+)*)$/;
const DEFAULT_DIGITAL = ["S20", "S32"];
/** Larger matrices (e.g. the 1,435-sector WIOD world table) are not fetched for the heatmap. */
const MAX_HEATMAP_SECTORS = 200;

let generation = 0;

function select(
  id: string,
  label: string,
  options: readonly (readonly [string, string])[],
  value: string,
  onChange: (v: string) => void,
): HTMLElement {
  const sel = h("select", { id, "data-testid": id });
  for (const [v, text] of options) {
    const o = h("option", { value: v }, text);
    if (v === value) o.selected = true;
    sel.append(o);
  }
  sel.addEventListener("change", () => onChange(sel.value));
  return h("label", { class: "control" }, h("span", {}, label), sel);
}

/** Regroups a table `<select>` into `<optgroup>`s by publisher (NBS, OECD, WIOD …). */
function groupOptionsByPublisher(sel: HTMLSelectElement, tables: readonly DatasetSummary[], value: string): void {
  const groups = new Map<string, HTMLOptGroupElement>();
  const options = Array.from({ length: sel.options.length }, (_, i) => sel.options.item(i) as HTMLOptionElement);
  sel.replaceChildren();
  for (const o of options) {
    const t = tables.find((x) => x.id === o.value);
    const publisher = t?.provenance?.publisher ?? "";
    let g = groups.get(publisher);
    if (g === undefined) {
      g = h("optgroup", { label: publisher || "—" });
      groups.set(publisher, g);
      sel.append(g);
    }
    g.append(o);
  }
  sel.value = value;
}

function groupCodes(group: string, linkages: LinkageResult | undefined): string[] {
  if (linkages?.block !== undefined) return [...linkages.block.codes];
  if (group.trim() === "digital") return DEFAULT_DIGITAL;
  return group
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

function isMember(code: string, codes: readonly string[]): boolean {
  return codes.some((c) => c === code || code.split("+").includes(c));
}

function errorText(m: Messages, e: unknown): string {
  if (e instanceof ApiError) return `${m.io.error}：${e.message} (${e.code})`;
  return `${m.io.error}：${e instanceof Error ? e.message : String(e)}`;
}

/** Renders the IO page into `ctx.root`. */
export async function renderIoPage(ctx: PageContext): Promise<void> {
  const { lang, root } = ctx;
  const m = messages(lang);
  const labels = chartLabels(lang);
  const myGeneration = ++generation;
  root.replaceChildren(
    h("h1", { id: "page-title", "data-testid": "page-title" }, m.io.title),
    h("p", { class: "intro" }, m.io.intro),
    h("p", { class: "status", role: "status" }, m.io.loading),
  );

  let tables: DatasetSummary[];
  try {
    tables = (await api.datasets(lang)).datasets.filter((d) => d.kind === "io_table");
  } catch (e) {
    root.querySelector(".status")?.replaceChildren(errorText(m, e));
    return;
  }
  if (myGeneration !== generation) return;
  if (tables.length === 0) {
    root.querySelector(".status")?.replaceChildren(m.io.noTables);
    return;
  }
  tables.sort((a, b) => (a.years[0] ?? 0) - (b.years[0] ?? 0) || a.id.localeCompare(b.id));
  if (!tables.some((t) => t.id === state.table)) state.table = (defaultTable(tables) as DatasetSummary).id;

  const status = h("p", { class: "status", role: "status" });
  const cards = h("div", { class: "cards", "data-testid": "cards" });
  const seriesEl = h("div", { class: "chart chart-wide", id: "chart-series", "data-testid": "chart-series" });
  const quadrantEl = h("div", { class: "chart", id: "chart-quadrant", "data-testid": "chart-quadrant" });
  const heatmapEl = h("div", { class: "chart chart-tall", id: "chart-heatmap", "data-testid": "chart-heatmap" });
  const tableBox = h("section", { class: "panel", id: "sector-table" });
  const provBox = h("section", { class: "panel", id: "provenance", "data-testid": "provenance" });
  const diagBox = h("section", { class: "panel", id: "diagnostics" });

  const years = [...new Set(tables.flatMap((t) => t.years))].sort((a, b) => a - b);
  const current = (): DatasetSummary => tables.find((t) => t.id === state.table) ?? (tables[0] as DatasetSummary);
  const tableTitle = (t: DatasetSummary): string => (lang === "en" ? t.titleEn : t.titleZh);

  const tableControl = select(
    "table-select",
    m.io.table,
    tables.map((t) => [t.id, tableTitle(t)] as const),
    state.table,
    (v) => {
      state.table = v;
      yearSel.value = String(current().years[0] ?? "");
      void refresh({ series: false });
    },
  );
  const yearControl = select(
    "year-select",
    m.io.year,
    years.map((y) => [String(y), String(y)] as const),
    String(current().years[0] ?? ""),
    (v) => {
      const t = tableForYear(tables, Number(v), state.table);
      if (t === undefined) return;
      state.table = t.id;
      tableSel.value = t.id;
      void refresh({ series: false });
    },
  );
  const tableSel = tableControl.querySelector("select") as HTMLSelectElement;
  groupOptionsByPublisher(tableSel, tables, state.table);
  const yearSel = yearControl.querySelector("select") as HTMLSelectElement;

  const groupInput = h("input", {
    id: "group-input",
    "data-testid": "group-input",
    value: state.group,
    list: "group-presets",
    title: m.io.groupHint,
    spellcheck: false,
  });
  const presets = h(
    "datalist",
    { id: "group-presets" },
    h("option", { value: "digital" }),
    h("option", { value: "S20,S32,S21" }),
    h("option", { value: "S19" }),
  );
  groupInput.addEventListener("change", () => {
    const v = groupInput.value.trim();
    if (!GROUP_PATTERN.test(v)) {
      groupInput.setCustomValidity(m.io.groupInvalid);
      groupInput.reportValidity();
      return;
    }
    groupInput.setCustomValidity("");
    state.group = v;
    void refresh({ series: true });
  });

  const controls = h(
    "form",
    { class: "controls", "data-testid": "controls" },
    tableControl,
    yearControl,
    h("label", { class: "control" }, h("span", {}, m.io.group), groupInput, presets),
    select("variant-select", m.io.variant, Object.entries(m.io.variants), state.variant, (v) => {
      state.variant = v;
      void refresh({ series: true });
    }),
    select("group-method-select", m.io.groupMethod, Object.entries(m.io.groupMethods), state.groupMethod, (v) => {
      state.groupMethod = v;
      void refresh({ series: true });
    }),
    select("matrix-select", m.io.matrix, Object.entries(m.io.matrices), state.which, (v) => {
      state.which = v === "L" ? "L" : "A";
      void refresh({ series: false });
    }),
    select("family-select", m.io.family, Object.entries(m.io.families), state.family, (v) => {
      state.family = v;
      void refresh({ series: true });
    }),
  );
  controls.addEventListener("submit", (e) => e.preventDefault());

  root.replaceChildren(
    h("h1", { id: "page-title", "data-testid": "page-title" }, m.io.title),
    h("p", { class: "intro" }, m.io.intro),
    controls,
    status,
    cards,
    seriesEl,
    h("div", { class: "chart-row" }, quadrantEl, heatmapEl),
    tableBox,
    h("div", { class: "panel-row" }, provBox, diagBox),
  );

  let series: SeriesResult | undefined;

  /**
   * Reloads what the selections affect. Linkages, matrix and series are independent requests: each
   * part draws on its own success, and a failure clears only its own chart and is listed in the status.
   */
  async function refresh(what: { series: boolean }): Promise<void> {
    const gen = ++generation;
    const stale = (): boolean => gen !== generation;
    const errors: string[] = [];
    status.textContent = m.io.loading;
    status.classList.remove("error");
    const part = async <T>(
      load: () => Promise<T>,
      draw: (v: T) => void,
      fail: (message: string) => void,
    ): Promise<void> => {
      try {
        const v = await load();
        if (!stale()) draw(v);
      } catch (e) {
        if (stale()) return;
        const message = errorText(m, e);
        errors.push(message);
        fail(message);
      }
    };
    const query = { table: state.table, group: state.group, variant: state.variant, groupMethod: state.groupMethod };
    const n = current().dimensions?.sectors ?? 0;
    const tasks: Promise<void>[] = [
      part(
        () => api.linkages(query, lang),
        (linkages) => drawLinkages(linkages),
        (message) => {
          clearChart("quadrant", quadrantEl, message);
          cards.replaceChildren();
          tableBox.replaceChildren();
          provBox.replaceChildren();
          diagBox.replaceChildren();
        },
      ),
      n > MAX_HEATMAP_SECTORS
        ? Promise.resolve(clearChart("heatmap", heatmapEl, m.io.matrixTooLarge(n)))
        : part(
            () => api.matrix(state.table, state.which, lang),
            (matrix) => mountChart("heatmap", heatmapEl, coefficientHeatmap(matrix, labels, lang, state.which)),
            (message) => clearChart("heatmap", heatmapEl, message),
          ),
    ];
    if (what.series || series === undefined) {
      tasks.push(
        part(
          () =>
            api.series(
              { group: state.group, family: state.family, variant: state.variant, groupMethod: state.groupMethod },
              lang,
            ),
          (s) => {
            series = s;
            mountChart("series", seriesEl, linkageSeriesChart(s, labels, lang));
          },
          (message) => {
            series = undefined;
            clearChart("series", seriesEl, message);
          },
        ),
      );
    }
    await Promise.all(tasks);
    if (stale()) return;
    status.textContent = [...new Set(errors)].join(" ");
    status.classList.toggle("error", errors.length > 0);
  }

  function drawLinkages(linkages: LinkageResult): void {
    const codes = groupCodes(state.group, linkages);
    mountChart("quadrant", quadrantEl, keySectorQuadrant(linkages, labels, lang, { highlight: codes }));
    drawCards(linkages, codes);
    drawSectorTable(linkages, codes);
    drawProvenance(linkages);
    drawDiagnostics(linkages);
  }

  function drawCards(linkages: LinkageResult, codes: readonly string[]): void {
    const unit = current().unit ?? "cny_10k";
    const outputs = linkages.sectors.map((s) => s.output).filter((x): x is number => typeof x === "number");
    const total = outputs.length === linkages.sectors.length ? outputs.reduce((a, b) => a + b, 0) : undefined;
    const groupOut = linkages.sectors.filter((s) => isMember(s.code, codes)).reduce((a, s) => a + (s.output ?? 0), 0);
    const card = (label: string, value: string, testid: string): HTMLElement =>
      h(
        "div",
        { class: "card", "data-testid": testid },
        h("div", { class: "card-label" }, label),
        h("div", { class: "card-value" }, value),
      );
    const items = [];
    if (linkages.block !== undefined) {
      items.push(card(m.io.blockInfluence, formatCoefficient(linkages.block.influence, lang), "card-influence"));
      items.push(card(m.io.blockSensitivity, formatCoefficient(linkages.block.sensitivity, lang), "card-sensitivity"));
    }
    if (total !== undefined) {
      items.push(card(m.io.totalOutput, formatMoney(total, unit, lang), "card-output"));
      if (total > 0)
        items.push(
          card(m.io.blockOutputShare, `${formatCoefficient((groupOut / total) * 100, lang, 2)}%`, "card-share"),
        );
    }
    cards.replaceChildren(...items);
  }

  function drawSectorTable(linkages: LinkageResult, codes: readonly string[]): void {
    const unit = current().unit ?? "cny_10k";
    const hasOutput = linkages.sectors.every((s) => typeof s.output === "number");
    const rows = [...linkages.sectors];
    const key = state.sortKey;
    rows.sort((a, b) => {
      const va = key === "code" ? a.code : (a[key] ?? 0);
      const vb = key === "code" ? b.code : (b[key] ?? 0);
      const c = typeof va === "string" && typeof vb === "string" ? va.localeCompare(vb) : Number(va) - Number(vb);
      return state.sortDesc ? -c : c;
    });
    const th = (k: IoState["sortKey"], text: string, num: boolean): HTMLElement => {
      const arrow = state.sortKey === k ? (state.sortDesc ? " ▼" : " ▲") : "";
      const cell = h("th", { class: num ? "num sortable" : "sortable", "data-sort": k }, text + arrow);
      cell.addEventListener("click", () => {
        state.sortDesc = state.sortKey === k ? !state.sortDesc : k !== "code";
        state.sortKey = k;
        drawSectorTable(linkages, codes);
      });
      return cell;
    };
    const body = rows.map((s: LinkageSector) => {
      const member = isMember(s.code, codes);
      return h(
        "tr",
        { class: member ? "member" : undefined },
        h("td", {}, s.code),
        h(
          "td",
          {},
          lang === "en" ? s.name_en : s.name_zh,
          member ? h("span", { class: "tag" }, m.io.digitalTag) : null,
        ),
        h("td", { class: (s.influence ?? 0) > 1 ? "num above" : "num" }, formatCoefficient(s.influence, lang)),
        h("td", { class: (s.sensitivity ?? 0) > 1 ? "num above" : "num" }, formatCoefficient(s.sensitivity, lang)),
        hasOutput ? h("td", { class: "num" }, formatMoney(s.output, unit, lang)) : null,
      );
    });
    tableBox.replaceChildren(
      h("h2", {}, m.io.sectorTable),
      h("p", { class: "hint" }, m.io.sectorTableHint),
      h(
        "div",
        { class: "table-scroll" },
        h(
          "table",
          { class: "sectors", "data-testid": "sector-table" },
          h(
            "thead",
            {},
            h(
              "tr",
              {},
              th("code", m.io.code, false),
              h("th", {}, m.io.name),
              th("influence", m.io.influence, true),
              th("sensitivity", m.io.sensitivity, true),
              hasOutput ? th("output", m.io.output, true) : null,
            ),
          ),
          h("tbody", {}, ...body),
        ),
      ),
    );
  }

  function drawProvenance(linkages: LinkageResult): void {
    const meta = current();
    const dl = h("dl", { class: "prov" });
    const add = (k: string, v: string | undefined): void => {
      if (v === undefined || v === "") return;
      dl.append(h("dt", {}, k), h("dd", {}, v));
    };
    add(m.io.dataset, `${tableTitle(meta)} (${meta.id})`);
    add(m.io.publisher, meta.provenance?.publisher);
    add(m.io.licence, meta.provenance?.licence);
    const files = meta.provenance?.files ?? [];
    add(m.io.file, files.map((f) => f.path).join(", "));
    add(m.io.sha256, files.map((f) => f.sha256.slice(0, 16)).join(", "));
    const entries = provenanceEntries(linkages.provenance, labels.provenance);
    const skip = new Set([labels.provenance.dataset, labels.provenance.sourceFile, labels.provenance.sha256]);
    skip.add(labels.provenance.caveats);
    for (const e of entries) if (!skip.has(e.label)) add(e.label, e.value);
    const caveats = linkages.provenance.caveats ?? [];
    if (caveats.length > 0) {
      dl.append(
        h("dt", {}, labels.provenance.caveats),
        h("dd", {}, h("ul", { class: "caveats" }, ...caveats.map((c) => h("li", {}, c)))),
      );
    }
    provBox.replaceChildren(h("h2", {}, m.io.provenance), dl);
  }

  function drawDiagnostics(linkages: LinkageResult): void {
    const items = linkages.diagnostics.map((d) =>
      h("li", { class: `sev-${d.severity}` }, h("code", {}, d.code), " ", d.message ?? JSON.stringify(d.params)),
    );
    diagBox.replaceChildren(
      h("h2", {}, m.io.diagnostics),
      items.length > 0 ? h("ul", {}, ...items) : h("p", {}, m.io.noDiagnostics),
    );
  }

  await refresh({ series: true });
}

/** For tests: the current selections. */
export function ioStateSnapshot(): Readonly<IoState> {
  return { ...state };
}

export type { Locale };
