/**
 * The sector-tiers page (产业分层, `#/tiers`): the 42 sectors of an NBS input–output table put into tiers
 * by hierarchical clustering (`GET /api/tiers/cluster`) or by cut-points on the digital share of
 * intermediate inputs (`GET /api/tiers/classify`), beside the tiers the seeds print. Controls for the
 * table, the scheme (five or three tiers), the method, the linkage and k; the dendrogram, the tier map
 * (computed vs printed), the tier sizes, the agreement line with the differing sectors, diagnostics and
 * provenance. An analyst may upload a feature table of their own (`POST /api/tiers/cluster?k=&file=`).
 */
import type { Locale } from "../../charts/api-types.js";
import {
  type CostBenefitResult,
  costBenefitRatiosChart,
  costBenefitScatterChart,
  costBenefitText,
} from "../../charts/cost-benefit.js";
import { dendrogramChart } from "../../charts/dendrogram.js";
import { chartLabels } from "../../charts/labels.js";
import { labelSeparator, provenanceEntries } from "../../charts/provenance.js";
import { tierMapChart } from "../../charts/tier-map.js";
import {
  contributionSumNote,
  type TierStructureResult,
  tierContributionsChart,
  tierSharesChart,
} from "../../charts/tier-structure.js";
import {
  featureName,
  formatTierNumber,
  sectorName,
  sizeTierName,
  type TiersResult,
  tierColor,
  tierName,
} from "../../charts/tier-text.js";
import { getJson, postFile } from "../api.js";
import { clearChart, mountChart } from "../chart-host.js";
import { h } from "../dom.js";
import { errorNodes } from "../error-nodes.js";
import { type Messages, messages } from "../i18n.js";
import type { PageContext } from "../routes.js";

/** The NBS tables the page offers (each is put on the canonical 42 sectors by the API). */
export const TIER_TABLES = [
  "cn-nbs-io-2020-42",
  "cn-nbs-io-2018-42",
  "cn-nbs-io-2017-42",
  "cn-nbs-io-2015-42",
  "cn-nbs-io-2012-139",
] as const;

const SCHEMES = ["five", "three"] as const;
const METHODS = ["hac", "thresholds"] as const;
const LINKAGES = ["ward", "complete", "average", "single"] as const;
type Scheme = (typeof SCHEMES)[number];
type TierMethod = (typeof METHODS)[number];
type Linkage = (typeof LINKAGES)[number];

/** Per scheme, the defaults of the API (spec §6.2): five = Ward clustering into 5, three = cut-points into 3. */
const SCHEME_DEFAULTS: Readonly<Record<Scheme, { method: TierMethod; k: number }>> = {
  five: { method: "hac", k: 5 },
  three: { method: "thresholds", k: 3 },
};

/** Form values survive a language switch (module state; the file input cannot be kept). */
const state = {
  table: TIER_TABLES[0] as string,
  scheme: "five" as Scheme,
  method: "hac" as TierMethod,
  linkage: "ward" as Linkage,
  k: 5,
};

let generation = 0;
let costGeneration = 0;

/** The request of the current settings: path and query (without `lang`). */
export function tiersRequest(s: typeof state): { path: string; params: Record<string, string> } {
  return s.method === "thresholds"
    ? { path: "/api/tiers/classify", params: { table: s.table, scheme: s.scheme } }
    : { path: "/api/tiers/cluster", params: { table: s.table, scheme: s.scheme, method: s.linkage, k: String(s.k) } };
}

function provenanceList(p: TiersResult["provenance"], lang: Locale, testId = "tiers-provenance"): HTMLElement {
  const dl = h("dl", { class: "prov", "data-testid": testId });
  for (const e of provenanceEntries(p, chartLabels(lang).provenance))
    dl.append(h("dt", {}, e.label), h("dd", {}, e.value));
  return dl;
}

function diagnosticsList(d: TiersResult["diagnostics"], m: Messages, testId = "tiers-diagnostics"): Node | null {
  if (d.length === 0) return null;
  return h(
    "div",
    { "data-testid": testId },
    h("h3", {}, m.tiers.diagnostics),
    h(
      "ul",
      { class: "diagnostics" },
      ...d.map((x) => h("li", { class: `sev-${x.severity}` }, h("code", {}, x.code), " ", x.message ?? "")),
    ),
  );
}

/** Tier sizes, computed beside printed (the printed column only when the run compares). */
function sizesTable(r: TiersResult, m: Messages, lang: Locale): HTMLElement {
  const T = m.tiers;
  const printed = r.sizes.some((s) => s.published !== null);
  const rows = r.sizes.map((s, i) =>
    h(
      "tr",
      { "data-tier": s.tier },
      h(
        "th",
        { scope: "row" },
        h("span", { class: "swatch", style: `background:${tierColor(i + 1, r.k)}` }),
        sizeTierName(r, i, lang),
      ),
      h("td", { class: "num" }, String(s.computed)),
      printed ? h("td", { class: "num" }, s.published === null ? "—" : String(s.published)) : null,
    ),
  );
  return h(
    "table",
    { class: "sectors tier-sizes", "data-testid": "tier-sizes" },
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        h("th", { scope: "col" }, T.tier),
        h("th", { scope: "col" }, T.computed),
        printed ? h("th", { scope: "col" }, T.printed) : null,
      ),
    ),
    h("tbody", {}, ...rows),
  );
}

/** The agreement line and the differing sectors with both tiers. */
function agreementNodes(r: TiersResult, m: Messages, lang: Locale): Node[] {
  const T = m.tiers;
  const sep = labelSeparator(lang);
  const a = r.agreement;
  if (a === null) return [h("p", { class: "summary", "data-testid": "tiers-agreement" }, T.noAgreement)];
  const byCode = new Map(r.clusters.map((c) => [c.label, c]));
  const out: Node[] = [
    h(
      "p",
      { class: "summary", "data-testid": "tiers-agreement" },
      T.agreement(a.agree, a.compared, formatTierNumber(a.ari, lang, 3)),
    ),
  ];
  if (a.differing.length > 0)
    out.push(
      h(
        "div",
        { "data-testid": "tiers-differing" },
        h("h3", {}, T.differing),
        h(
          "ul",
          { class: "differing" },
          ...a.differing.map((d) => {
            const s = byCode.get(d.code);
            const name = s === undefined ? null : sectorName(s, lang);
            return h(
              "li",
              { "data-code": d.code },
              h("b", {}, d.code),
              name === null ? "" : ` ${name}`,
              `${sep}${T.differingItem(tierName(d.tier, null, lang), tierName(d.published, null, lang))}`,
            );
          }),
        ),
      ),
    );
  return out;
}

/** The run's settings in one line: features, cut-points or linkage and k, excluded sectors. */
function settingsLine(r: TiersResult, m: Messages, lang: Locale): string {
  const T = m.tiers;
  const sep = labelSeparator(lang);
  const parts = [`${T.features}${sep}${r.features.map((f) => featureName(f, lang)).join(lang === "en" ? ", " : "、")}`];
  if (r.cut_points !== null)
    parts.push(`${T.cutPoints}${sep}${r.cut_points.map((c) => `${formatTierNumber(c * 100, lang, 0)}%`).join(", ")}`);
  if (r.method !== null) parts.push(`${T.linkage}${sep}${T.linkages[r.method as Linkage] ?? r.method}`, `k = ${r.k}`);
  if (r.excluded.length > 0) parts.push(`${T.excluded}${sep}${r.excluded.join(", ")}`);
  return parts.join(" · ");
}

/** Draws the page into `ctx.root`. */
export async function renderTiersPage(ctx: PageContext): Promise<void> {
  const { lang, root } = ctx;
  const m = messages(lang);
  const T = m.tiers;
  const labels = chartLabels(lang);

  const select = <V extends string>(id: string, values: readonly V[], names: Readonly<Record<V, string>>, value: V) =>
    h(
      "select",
      { id, "data-testid": id },
      ...values.map((v) => h("option", { value: v, selected: v === value }, names[v])),
    );
  const tableSel = select(
    "tiers-table",
    TIER_TABLES,
    T.tables as Readonly<Record<(typeof TIER_TABLES)[number], string>>,
    state.table as (typeof TIER_TABLES)[number],
  );
  const schemeSel = select("tiers-scheme", SCHEMES, T.schemes, state.scheme);
  const methodSel = select("tiers-method", METHODS, T.methods, state.method);
  const linkageSel = select("tiers-linkage", LINKAGES, T.linkages, state.linkage);
  const kIn = h("input", {
    id: "tiers-k",
    "data-testid": "tiers-k",
    type: "number",
    min: 2,
    max: 41,
    step: 1,
    value: state.k,
  });
  const submit = h("button", { type: "submit", class: "primary", "data-testid": "tiers-submit" }, T.run);
  const field = (id: string, label: string, el: HTMLElement, hint?: string) =>
    h(
      "label",
      { class: "control", for: id },
      h("span", {}, label),
      el,
      hint === undefined ? null : h("small", { class: "field-hint" }, hint),
    );
  const form = h(
    "form",
    { class: "controls weights-form", "data-testid": "tiers-form", novalidate: true },
    field("tiers-table", T.table, tableSel),
    field("tiers-scheme", T.scheme, schemeSel),
    field("tiers-method", T.method, methodSel),
    field("tiers-linkage", T.linkage, linkageSel),
    field("tiers-k", T.k, kIn, T.kHint),
    h("div", { class: "control control-submit" }, submit),
  );
  const fileIn = h("input", { type: "file", id: "tiers-file", "data-testid": "tiers-file", accept: ".csv,text/csv" });
  const uploadBtn = h("button", { type: "submit", class: "primary", "data-testid": "tiers-upload" }, T.upload);
  const uploadForm = h(
    "form",
    { class: "controls weights-form", "data-testid": "tiers-upload-form", novalidate: true },
    field("tiers-file", T.file, fileIn),
    h("div", { class: "control control-submit" }, uploadBtn),
  );

  const status = h("div", { class: "status", role: "status", "aria-live": "polite", "data-testid": "tiers-status" });
  const source = h("p", { class: "hint", "data-testid": "tiers-source" });
  const treeEl = h("div", {
    class: "chart chart-dendrogram",
    id: "chart-dendrogram",
    "data-testid": "chart-dendrogram",
  });
  const treeLine = h("p", { class: "summary", "data-testid": "tiers-tree-line" });
  const mapEl = h("div", { class: "chart chart-tier-map", id: "chart-tier-map", "data-testid": "chart-tier-map" });
  const results = h("div", { "data-testid": "tiers-result" });
  const syncControls = () => {
    const hac = methodSel.value === "hac";
    linkageSel.disabled = !hac;
    kIn.disabled = !hac;
  };

  const sharesEl = h("div", {
    class: "chart chart-tier-shares",
    id: "chart-tier-shares",
    "data-testid": "chart-tier-shares",
  });
  const contribEl = h("div", {
    class: "chart chart-tier-contributions",
    id: "chart-tier-contributions",
    "data-testid": "chart-tier-contributions",
  });
  const structureStatus = h("div", {
    class: "status",
    role: "status",
    "aria-live": "polite",
    "data-testid": "tiers-structure-status",
  });
  const structureNote = h("p", { class: "summary", "data-testid": "tiers-structure-note" });
  const structureResult = h("div", { "data-testid": "tiers-structure-result" });
  const costInput = h("p", { class: "summary", "data-testid": "cost-input" });
  const ratiosEl = h("div", {
    class: "chart chart-cost-ratios",
    id: "chart-cost-ratios",
    "data-testid": "chart-cost-ratios",
  });
  const scatterEl = h("div", {
    class: "chart chart-cost-scatter",
    id: "chart-cost-scatter",
    "data-testid": "chart-cost-scatter",
  });
  const costStatus = h("div", { class: "status", role: "status", "aria-live": "polite", "data-testid": "cost-status" });
  const costResult = h("div", { "data-testid": "cost-result" });
  const costFileIn = h("input", { type: "file", id: "cost-file", "data-testid": "cost-file", accept: ".csv,text/csv" });
  const costUploadBtn = h("button", { type: "submit", class: "primary", "data-testid": "cost-upload" }, T.costUpload);
  const costUploadForm = h(
    "form",
    { class: "controls weights-form", "data-testid": "cost-upload-form", novalidate: true },
    field("cost-file", T.costFile, costFileIn),
    h("div", { class: "control control-submit" }, costUploadBtn),
  );

  root.replaceChildren(
    h("h1", { id: "page-title", "data-testid": "page-title" }, T.title),
    h("p", { class: "intro" }, T.intro),
    h(
      "section",
      { class: "panel", "aria-labelledby": "tiers-controls-title", "data-testid": "tiers-controls" },
      h("h2", { id: "tiers-controls-title" }, T.controlsTitle),
      form,
      status,
      source,
    ),
    h(
      "section",
      { class: "panel", "aria-labelledby": "tiers-tree-title", "data-testid": "tiers-tree" },
      h("h2", { id: "tiers-tree-title" }, T.dendrogramTitle),
      h("p", { class: "hint" }, T.dendrogramHint),
      treeEl,
      treeLine,
    ),
    h(
      "section",
      { class: "panel", "aria-labelledby": "tiers-map-title", "data-testid": "tiers-map" },
      h("h2", { id: "tiers-map-title" }, T.mapTitle),
      h("p", { class: "hint" }, T.mapHint),
      mapEl,
      results,
    ),
    h(
      "section",
      { class: "panel", "aria-labelledby": "tiers-upload-title", "data-testid": "tiers-upload-panel" },
      h("h2", { id: "tiers-upload-title" }, T.uploadTitle),
      h("p", { class: "hint" }, T.uploadHint),
      uploadForm,
    ),
    h(
      "section",
      { class: "panel", "aria-labelledby": "tiers-structure-title", "data-testid": "tiers-structure" },
      h("h2", { id: "tiers-structure-title" }, T.structureTitle),
      h("p", { class: "hint" }, T.structureHint),
      structureStatus,
      sharesEl,
      h("p", { class: "hint" }, T.contributionsHint),
      contribEl,
      structureNote,
      structureResult,
    ),
    h(
      "section",
      { class: "panel", "aria-labelledby": "tiers-cost-title", "data-testid": "tiers-cost" },
      h("h2", { id: "tiers-cost-title" }, T.costTitle),
      h("p", { class: "hint" }, T.costHint),
      costInput,
      costStatus,
      ratiosEl,
      h("p", { class: "hint" }, T.scatterHint),
      scatterEl,
      costResult,
      h("h3", {}, T.costUploadTitle),
      h("p", { class: "hint" }, T.costUploadHint),
      costUploadForm,
    ),
  );
  syncControls();

  const loadStructure = async (): Promise<void> => {
    structureStatus.classList.remove("error");
    structureStatus.replaceChildren(T.computing);
    try {
      const r = await getJson<TierStructureResult>("/api/tiers/structure", {}, lang);
      structureStatus.replaceChildren();
      mountChart("tier-shares", sharesEl, tierSharesChart(r, labels, lang));
      mountChart("tier-contributions", contribEl, tierContributionsChart(r, labels, lang));
      const sum = contributionSumNote(r, lang);
      structureNote.textContent = sum === null ? "" : `${sum}${lang === "en" ? "." : "。"}`;
      structureResult.replaceChildren(
        diagnosticsList(r.diagnostics, m, "tiers-structure-diagnostics") ?? "",
        h("h3", {}, T.provenance),
        provenanceList(r.provenance, lang, "tiers-structure-provenance"),
      );
    } catch (e) {
      structureStatus.classList.add("error");
      structureStatus.replaceChildren(...errorNodes(T.failed, e, lang));
      clearChart("tier-shares", sharesEl, T.failed);
      clearChart("tier-contributions", contribEl, T.failed);
      structureNote.textContent = "";
      structureResult.replaceChildren();
    }
  };

  const runCost = async (file: File | undefined): Promise<void> => {
    const my = ++costGeneration;
    costStatus.classList.remove("error");
    costStatus.replaceChildren(T.computing);
    costUploadBtn.disabled = true;
    try {
      const r =
        file === undefined
          ? await getJson<CostBenefitResult>("/api/costbenefit/ratios", {}, lang)
          : await postFile<CostBenefitResult>("/api/costbenefit/ratios", {}, file, lang);
      if (my !== costGeneration) return;
      costStatus.replaceChildren();
      mountChart("cost-ratios", ratiosEl, costBenefitRatiosChart(r, labels, lang));
      mountChart("cost-scatter", scatterEl, costBenefitScatterChart(r, labels, lang));
      const input = costBenefitText(lang).input[r.input];
      costInput.textContent = `${T.costInput}${labelSeparator(lang)}${file === undefined ? input : `${input} · ${T.uploaded(file.name)}`}`;
      costResult.replaceChildren(
        diagnosticsList(r.diagnostics, m, "cost-diagnostics") ?? "",
        h("h3", {}, T.provenance),
        provenanceList(r.provenance, lang, "cost-provenance"),
      );
    } catch (e) {
      if (my !== costGeneration) return;
      costStatus.classList.add("error");
      costStatus.replaceChildren(...errorNodes(T.failed, e, lang));
      clearChart("cost-ratios", ratiosEl, T.failed);
      clearChart("cost-scatter", scatterEl, T.failed);
      costInput.textContent = "";
      costResult.replaceChildren();
    } finally {
      if (my === costGeneration) costUploadBtn.disabled = false;
    }
  };

  const show = (r: TiersResult, uploaded: string | null): void => {
    treeEl.classList.toggle("chart-collapsed", r.merges.length === 0);
    if (r.merges.length > 0) {
      mountChart("dendrogram", treeEl, dendrogramChart(r, labels, lang));
      treeLine.textContent = T.treeLine(r.merges.length, formatTierNumber(r.cophenetic, lang, 3));
    } else {
      clearChart("dendrogram", treeEl, T.noTree);
      treeLine.textContent = "";
    }
    mountChart("tier-map", mapEl, tierMapChart(r, labels, lang));
    source.textContent =
      uploaded === null ? settingsLine(r, m, lang) : `${T.uploaded(uploaded)} · ${settingsLine(r, m, lang)}`;
    results.replaceChildren(
      ...agreementNodes(r, m, lang),
      h("h3", {}, T.sizesTitle),
      h("div", { class: "table-scroll" }, sizesTable(r, m, lang)),
      diagnosticsList(r.diagnostics, m) ?? "",
      h("h3", {}, T.provenance),
      provenanceList(r.provenance, lang),
    );
  };

  const run = async (file: File | undefined): Promise<void> => {
    const my = ++generation;
    status.classList.remove("error");
    status.replaceChildren(T.computing);
    submit.disabled = true;
    uploadBtn.disabled = true;
    try {
      const r =
        file === undefined
          ? await (() => {
              const q = tiersRequest(state);
              return getJson<TiersResult>(q.path, q.params, lang);
            })()
          : await postFile<TiersResult>(
              "/api/tiers/cluster",
              { k: String(state.k), method: state.linkage },
              file,
              lang,
            );
      if (my !== generation) return;
      status.replaceChildren();
      show(r, file === undefined ? null : file.name);
    } catch (e) {
      if (my !== generation) return;
      status.classList.add("error");
      status.replaceChildren(...errorNodes(T.failed, e, lang));
      treeEl.classList.add("chart-collapsed");
      clearChart("dendrogram", treeEl, T.failed);
      clearChart("tier-map", mapEl, T.failed);
      treeLine.textContent = "";
      results.replaceChildren();
    } finally {
      if (my === generation) {
        submit.disabled = false;
        uploadBtn.disabled = false;
      }
    }
  };

  /** Reads the form into `state`; false (and a message) when k is not an integer in 2…41. */
  const readForm = (): boolean => {
    const k = Number(kIn.value);
    if (methodSel.value === "hac" && !(Number.isInteger(k) && k >= 2 && k <= 41)) {
      status.classList.add("error");
      status.replaceChildren(h("p", { role: "alert" }, T.invalidK));
      return false;
    }
    state.table = tableSel.value;
    state.scheme = schemeSel.value as Scheme;
    state.method = methodSel.value as TierMethod;
    state.linkage = linkageSel.value as Linkage;
    state.k = k;
    return true;
  };

  schemeSel.addEventListener("change", () => {
    const d = SCHEME_DEFAULTS[schemeSel.value as Scheme];
    methodSel.value = d.method;
    kIn.value = String(d.k);
    syncControls();
    if (readForm()) void run(undefined);
  });
  for (const el of [tableSel, methodSel, linkageSel])
    el.addEventListener("change", () => {
      syncControls();
      if (readForm()) void run(undefined);
    });
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    if (readForm()) void run(undefined);
  });
  uploadForm.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const file = fileIn.files?.[0];
    if (file === undefined) {
      status.classList.add("error");
      status.replaceChildren(h("p", { role: "alert" }, T.noFile));
      return;
    }
    const k = Number(kIn.value);
    if (!(Number.isInteger(k) && k >= 2)) {
      status.classList.add("error");
      status.replaceChildren(h("p", { role: "alert" }, T.invalidK));
      return;
    }
    state.k = k;
    state.linkage = linkageSel.value as Linkage;
    void run(file);
  });
  costUploadForm.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const file = costFileIn.files?.[0];
    if (file === undefined) {
      costStatus.classList.add("error");
      costStatus.replaceChildren(h("p", { role: "alert" }, T.noFile));
      return;
    }
    void runCost(file);
  });

  await Promise.all([run(undefined), loadStructure(), runCost(undefined)]);
}
