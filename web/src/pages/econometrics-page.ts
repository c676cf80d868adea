/**
 * The econometrics and forecasts page (计量与预测): labour productivity computed from NBS data beside
 * the communiqué values (`GET /api/productivity/labour`); an ARIMAX forecast fan on shipped data under a
 * growth scenario for the regressor (`GET /api/forecast/arimax`, or `POST` an uploaded CSV as the data
 * frame), with a form for the order, the horizon and the scenario; and CAICT's published scenario path
 * of the real-economy cost ratio, read from the reproduction rows (`GET /api/reproduction`), drawn as
 * published and not reproducible. Under productivity, TFP growth accounting on Penn World Table 10.01
 * (China, 2000–2019; `GET /api/productivity/tfp`): our Törnqvist TFP growth beside PWT's own index.
 * Productivity against the integration index (`GET /api/productivity/index`): the years as points, the
 * OLS line, the Granger tests both ways and the published slope beside.
 */
import type { Locale, ReproductionResult, ReproductionRow } from "../../charts/api-types.js";
import { type ArimaxResult, fanChart, formatLevel, publishedPathChart } from "../../charts/fan.js";
import { chartLabels } from "../../charts/labels.js";
import {
  formatDifference,
  formatProductivity,
  type ProductivityResult,
  productivityChart,
  productivityText,
} from "../../charts/productivity.js";
import {
  DEFAULT_PRODUCTIVITY_INDEX_RUN,
  type ProductivityIndexResult,
  productivityIndexChart,
  productivityIndexLines,
} from "../../charts/productivity-index.js";
import { labelSeparator, provenanceEntries } from "../../charts/provenance.js";
import {
  comparedColumn,
  DEFAULT_TFP_RUN,
  formatPercent,
  type TfpResult,
  tfpChart,
  tfpParametersLine,
  tfpText,
} from "../../charts/tfp.js";
import {
  DE_TFP_COLUMNS,
  type DeTfpResult,
  deTfpChart,
  deTfpSummaryLine,
  GROUP_TFP_COLUMNS,
  type GroupTfpResult,
  groupTfpChart,
  tfpGroupsText,
} from "../../charts/tfp-groups.js";
import { getJson, postFile } from "../api.js";
import { clearChart, mountChart } from "../chart-host.js";
import { h } from "../dom.js";
import { errorNodes } from "../error-nodes.js";
import { type Messages, messages } from "../i18n.js";
import type { PageContext } from "../routes.js";

/** The default run: tertiary-industry value added on GDP, NBS annual series, ARIMA(1,1,0), 7 years. */
export const DEFAULT_FORECAST = {
  dataset: "cn-nbs-gdp-annual",
  y: "第三产业增加值(亿元)",
  xreg: "国内生产总值(亿元)",
  order: "1,1,0",
  h: 7,
  growth: 0.05,
  sd: 0.01,
} as const;

/** The published scenario path shown (seed 001 §三(三) 图9): rows of quantity `forecast_ratio`, cost ratio. */
export function isPublishedCostPath(r: ReproductionRow): boolean {
  return r.quantity === "forecast_ratio" && (r.key ?? "").includes("cost-ratio");
}

/** Form values survive a language switch (module state; the file input cannot be kept). */
const state = {
  order: DEFAULT_FORECAST.order as string,
  h: DEFAULT_FORECAST.h as number,
  y: DEFAULT_FORECAST.y as string,
  xreg: DEFAULT_FORECAST.xreg as string,
  growth: DEFAULT_FORECAST.growth as number,
  sd: DEFAULT_FORECAST.sd as number,
};

let generation = 0;

/** The scenario document the API reads (`scenario=` JSON): one growth path per regressor. */
export function scenarioDocument(xreg: string, growth: number, sd: number, name: string): string {
  const columns = Object.fromEntries(
    xreg
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s !== "")
      .map((c) => [c, { growth, sd }]),
  );
  return JSON.stringify({ name, columns });
}

function provenanceList(p: ProductivityResult["provenance"], lang: Locale, testId: string): HTMLElement {
  const dl = h("dl", { class: "prov", "data-testid": testId });
  const P = chartLabels(lang).provenance;
  const years = p.datasets.flatMap((d) => d.years);
  for (const e of provenanceEntries(p, P)) {
    const value = e.label === P.tableYear && years.length > 1 ? `${Math.min(...years)}–${Math.max(...years)}` : e.value;
    dl.append(h("dt", {}, e.label), h("dd", {}, value));
  }
  return dl;
}

function diagnosticsList(d: ProductivityResult["diagnostics"], m: Messages): Node | null {
  if (d.length === 0) return null;
  return h(
    "div",
    { "data-testid": "econ-diagnostics" },
    h("h3", {}, m.econometrics.diagnostics),
    h(
      "ul",
      { class: "diagnostics" },
      ...d.map((x) => h("li", { class: `sev-${x.severity}` }, h("code", {}, x.code), " ", x.message ?? "")),
    ),
  );
}

function productivityTable(r: ProductivityResult, lang: Locale): HTMLElement {
  const T = productivityText(lang);
  const unit = lang === "en" ? ` (${T.axis})` : `（${r.unit}）`;
  const headText = [T.year, T.gdpConstant, T.employment, T.priceBase, `${T.computed}${unit}`, T.official, T.difference];
  const rows = [...r.years]
    .sort((a, b) => a.year - b.year)
    .map((y) =>
      h(
        "tr",
        { "data-year": y.year },
        h("th", { scope: "row" }, String(y.year)),
        h("td", { class: "num" }, formatLevel(y.gdp_constant, lang)),
        h("td", { class: "num" }, formatLevel(y.employment, lang)),
        h("td", {}, y.price_base === null ? "—" : T.basePrices(y.price_base)),
        h("td", { class: "num" }, formatProductivity(y.computed, lang)),
        h("td", { class: "num" }, formatProductivity(y.official, lang)),
        h("td", { class: "num" }, formatDifference(y.relative_difference, lang)),
      ),
    );
  return h(
    "table",
    { class: "sectors", "data-testid": "productivity-table" },
    h("thead", {}, h("tr", {}, ...headText.map((c) => h("th", { scope: "col" }, c)))),
    h("tbody", {}, ...rows),
  );
}

function tfpTable(r: TfpResult, lang: Locale): HTMLElement {
  const T = tfpText(lang);
  const headText = [
    T.year,
    T.outputGrowth,
    T.capitalGrowth,
    T.labourGrowth,
    T.capitalShare,
    T.tfpGrowth,
    T.contribution,
    T.compared(comparedColumn(r)),
  ];
  const rows = r.periods
    .filter((p) => p.year !== null)
    .sort((a, b) => (a.year ?? 0) - (b.year ?? 0))
    .map((p) =>
      h(
        "tr",
        { "data-year": p.year ?? "" },
        h("th", { scope: "row" }, String(p.year)),
        h("td", { class: "num" }, formatPercent(p.output_growth, lang)),
        h("td", { class: "num" }, formatPercent(p.capital_growth, lang)),
        h("td", { class: "num" }, formatPercent(p.labour_growth, lang)),
        h("td", { class: "num" }, formatPercent(p.capital_share, lang, 1)),
        h("td", { class: "num" }, formatPercent(p.tfp_growth, lang)),
        h("td", { class: "num" }, formatPercent(p.contribution_tfp, lang, 1)),
        h("td", { class: "num" }, formatPercent(p.compared_growth, lang)),
      ),
    );
  return h(
    "table",
    { class: "sectors", "data-testid": "tfp-table" },
    h("thead", {}, h("tr", {}, ...headText.map((c) => h("th", { scope: "col" }, c)))),
    h("tbody", {}, ...rows),
  );
}

function forecastSummary(r: ArimaxResult, m: Messages, lang: Locale): Node[] {
  const E = m.econometrics;
  const sep = labelSeparator(lang);
  const coef = Object.entries(r.coefficients)
    .map(([k, v]) => `${k} = ${formatLevel(v, lang, 4)} (${formatLevel(r.std_errors[k] ?? null, lang, 4)})`)
    .join(lang === "en" ? "; " : "；");
  const fit = `σ² ${formatLevel(r.sigma2, lang, 1)} · log L ${formatLevel(r.loglik, lang, 2)} · AICc ${formatLevel(r.aicc, lang, 2)} · n ${r.nobs}`;
  const scenario =
    r.scenario === null
      ? null
      : `${E.scenario}${sep}${r.scenario.name} — ${r.scenario.columns
          .map(
            (c) =>
              `${c.name} ${formatLevel(c.growth * 100, lang, 1)}% ± ${formatLevel(c.sd * 100, lang, 1)} ${E.points}`,
          )
          .join(", ")} · ${r.scenario.draws} ${E.draws}, ${r.scenario.algorithm}, seed ${r.scenario.seed}`;
  return [
    h("p", { class: "summary", "data-testid": "forecast-coefficients" }, `${E.coefficients}${sep}${coef}`),
    h("p", { class: "summary" }, fit),
    scenario === null ? null : h("p", { class: "summary", "data-testid": "forecast-scenario" }, scenario),
    h(
      "p",
      { class: "summary", "data-testid": "forecast-verified" },
      `${E.verifiedAgainst}${sep}${r.verified_against.length === 0 ? "—" : r.verified_against.join("; ")}`,
    ),
  ].filter((x): x is HTMLParagraphElement => x !== null);
}

/** Draws the page into `ctx.root`. */
export async function renderEconometricsPage(ctx: PageContext): Promise<void> {
  const { lang, root } = ctx;
  const m = messages(lang);
  const E = m.econometrics;
  const labels = chartLabels(lang);
  const my = ++generation;

  const prodChart = h("div", {
    class: "chart chart-wide",
    id: "chart-productivity",
    "data-testid": "chart-productivity",
  });
  const prodTable = h("div", { class: "table-scroll" });
  const prodStatus = h("p", { class: "status", role: "status", "aria-live": "polite" }, E.loading);
  const prodMore = h("div", {});

  const piEl = h("div", {
    class: "chart chart-wide",
    id: "chart-productivity-index",
    "data-testid": "chart-productivity-index",
  });
  const piStatus = h("p", { class: "status", role: "status", "aria-live": "polite" }, E.loading);
  const piMore = h("div", {});

  const tfpEl = h("div", { class: "chart chart-wide", id: "chart-tfp", "data-testid": "chart-tfp" });
  const tfpTableEl = h("div", { class: "table-scroll" });
  const tfpStatus = h("p", { class: "status", role: "status", "aria-live": "polite" }, E.loading);
  const tfpMore = h("div", {});

  const G = tfpGroupsText(lang);
  const groupsEl = h("div", { class: "chart chart-wide", id: "chart-tfp-groups", "data-testid": "chart-tfp-groups" });
  const groupsStatus = h("div", { class: "status", role: "status", "aria-live": "polite" });
  const groupsMore = h("div", {});
  const groupsFile = h("input", {
    type: "file",
    id: "tfp-groups-file",
    "data-testid": "tfp-groups-file",
    accept: ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
  const groupsSubmit = h("button", { type: "submit", class: "primary", "data-testid": "tfp-groups-submit" }, G.run);
  const deEl = h("div", { class: "chart chart-wide", id: "chart-de-tfp", "data-testid": "chart-de-tfp" });
  const deStatus = h("div", { class: "status", role: "status", "aria-live": "polite" });
  const deMore = h("div", {});
  const deFile = h("input", {
    type: "file",
    id: "de-tfp-file",
    "data-testid": "de-tfp-file",
    accept: ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
  const deCodes = h("input", {
    type: "text",
    id: "de-tfp-digital",
    "data-testid": "de-tfp-digital",
    value: "S20,S32",
    size: 16,
  });
  const deSubmit = h("button", { type: "submit", class: "primary", "data-testid": "de-tfp-submit" }, G.run);

  const fanEl = h("div", { class: "chart", id: "chart-fan", "data-testid": "chart-fan" });
  const fanStatus = h("div", {
    class: "status",
    role: "status",
    "aria-live": "polite",
    "data-testid": "forecast-status",
  });
  const fanMore = h("div", { "data-testid": "forecast-result" });

  const pathEl = h("div", {
    class: "chart chart-wide",
    id: "chart-published-path",
    "data-testid": "chart-published-path",
  });
  const pathMore = h("div", {});

  const input = (id: string, attrs: Record<string, string | number>) =>
    h("input", { id, "data-testid": id, spellcheck: false, ...attrs });
  const orderIn = input("forecast-order", { type: "text", value: state.order, size: 8 });
  const hIn = input("forecast-h", { type: "number", min: 1, max: 30, step: 1, value: state.h });
  const yIn = input("forecast-y", { type: "text", value: state.y, size: 18 });
  const xregIn = input("forecast-xreg", { type: "text", value: state.xreg, size: 18 });
  const growthIn = input("forecast-growth", { type: "number", step: 0.5, value: state.growth * 100 });
  const sdIn = input("forecast-sd", { type: "number", step: 0.1, min: 0, value: state.sd * 100 });
  const fileIn = h("input", {
    type: "file",
    id: "forecast-file",
    "data-testid": "forecast-file",
    accept: ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
  const submit = h("button", { type: "submit", class: "primary", "data-testid": "forecast-submit" }, E.run);
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
    { class: "controls weights-form", "data-testid": "forecast-form", novalidate: true },
    field("forecast-order", E.order, orderIn, E.orderHint),
    field("forecast-h", E.horizon, hIn),
    field("forecast-y", E.y, yIn),
    field("forecast-xreg", E.xreg, xregIn),
    field("forecast-growth", E.growth, growthIn),
    field("forecast-sd", E.sd, sdIn),
    field("forecast-file", E.file, fileIn, E.fileHint),
    h("div", { class: "control control-submit" }, submit),
  );

  root.replaceChildren(
    h("h1", { id: "page-title", "data-testid": "page-title" }, E.title),
    h("p", { class: "intro" }, E.intro),
    h(
      "section",
      { class: "panel", "aria-labelledby": "productivity-title", "data-testid": "productivity" },
      h("h2", { id: "productivity-title" }, E.productivityTitle),
      h("p", { class: "hint" }, E.productivityHint),
      prodStatus,
      prodChart,
      prodTable,
      prodMore,
    ),
    h(
      "section",
      { class: "panel", "aria-labelledby": "productivity-index-title", "data-testid": "productivity-index" },
      h("h2", { id: "productivity-index-title" }, E.productivityIndexTitle),
      h("p", { class: "hint" }, E.productivityIndexHint),
      piStatus,
      piEl,
      piMore,
    ),
    h(
      "section",
      { class: "panel", "aria-labelledby": "tfp-title", "data-testid": "tfp" },
      h("h2", { id: "tfp-title" }, E.tfpTitle),
      h("p", { class: "hint" }, E.tfpHint),
      tfpStatus,
      tfpEl,
      tfpTableEl,
      tfpMore,
    ),
    h(
      "section",
      { class: "panel", "aria-labelledby": "tfp-groups-title", "data-testid": "tfp-groups" },
      h("h2", { id: "tfp-groups-title" }, G.groupsTitle),
      h("p", { class: "hint" }, G.groupsHint),
      h(
        "form",
        { class: "controls", "data-testid": "tfp-groups-form", novalidate: true },
        h("label", { class: "control", for: "tfp-groups-file" }, h("span", {}, G.file), groupsFile),
        h("div", { class: "control control-submit" }, groupsSubmit),
      ),
      groupsStatus,
      groupsEl,
      groupsMore,
    ),
    h(
      "section",
      { class: "panel", "aria-labelledby": "de-tfp-title", "data-testid": "de-tfp" },
      h("h2", { id: "de-tfp-title" }, G.deTitle),
      h("p", { class: "hint" }, G.deHint),
      h(
        "form",
        { class: "controls", "data-testid": "de-tfp-form", novalidate: true },
        h("label", { class: "control", for: "de-tfp-file" }, h("span", {}, G.file), deFile),
        h("label", { class: "control", for: "de-tfp-digital" }, h("span", {}, G.digitalCodes), deCodes),
        h("div", { class: "control control-submit" }, deSubmit),
      ),
      deStatus,
      deEl,
      deMore,
    ),
    h(
      "section",
      { class: "panel", "aria-labelledby": "forecast-title", "data-testid": "forecast" },
      h("h2", { id: "forecast-title" }, E.forecastTitle),
      h("p", { class: "hint" }, E.forecastHint),
      form,
      fanStatus,
      fanEl,
      fanMore,
    ),
    h(
      "section",
      { class: "panel", "aria-labelledby": "published-path-title", "data-testid": "published-path" },
      h("h2", { id: "published-path-title" }, E.publishedTitle),
      h("p", { class: "hint" }, E.publishedHint),
      pathEl,
      pathMore,
    ),
  );

  const runForecast = async (file: File | undefined): Promise<void> => {
    fanStatus.classList.remove("error");
    fanStatus.replaceChildren(E.computing);
    submit.disabled = true;
    const params: Record<string, string> = {
      y: state.y,
      order: state.order,
      h: String(state.h),
      ...(state.xreg.trim() !== "" && {
        xreg: state.xreg,
        scenario: scenarioDocument(state.xreg, state.growth, state.sd, E.scenarioName(state.growth, state.sd)),
      }),
    };
    try {
      const r =
        file === undefined
          ? await getJson<ArimaxResult>("/api/forecast/arimax", { dataset: DEFAULT_FORECAST.dataset, ...params }, lang)
          : await postFile<ArimaxResult>("/api/forecast/arimax", params, file, lang);
      if (my !== generation) return;
      fanStatus.replaceChildren();
      mountChart("fan", fanEl, fanChart(r, labels, lang));
      fanMore.replaceChildren(
        ...forecastSummary(r, m, lang),
        diagnosticsList(r.diagnostics, m) ?? "",
        h("h3", {}, E.provenance),
        provenanceList(r.provenance, lang, "forecast-provenance"),
      );
    } catch (e) {
      if (my !== generation) return;
      fanStatus.classList.add("error");
      fanStatus.replaceChildren(...errorNodes(E.failed, e, lang));
      clearChart("fan", fanEl, E.failed);
      fanMore.replaceChildren();
    } finally {
      submit.disabled = false;
    }
  };

  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const hv = Number(hIn.value);
    const g = Number(growthIn.value);
    const s = Number(sdIn.value);
    if (!(Number.isInteger(hv) && hv >= 1 && hv <= 100) || !Number.isFinite(g) || !(Number.isFinite(s) && s >= 0)) {
      fanStatus.classList.add("error");
      fanStatus.replaceChildren(h("p", { role: "alert" }, E.invalid));
      return;
    }
    state.order = orderIn.value.trim();
    state.h = hv;
    state.y = yIn.value.trim();
    state.xreg = xregIn.value.trim();
    state.growth = g / 100;
    state.sd = s / 100;
    void runForecast(fileIn.files?.[0]);
  });

  const upload = async <T>(
    path: string,
    params: Record<string, string>,
    file: File | undefined,
    status: HTMLElement,
    draw: (r: T) => void,
    key: string,
    el: HTMLElement,
  ): Promise<void> => {
    if (file === undefined) return;
    status.classList.remove("error");
    status.replaceChildren(E.computing);
    try {
      const r = await postFile<T>(path, params, file, lang);
      if (my !== generation) return;
      status.replaceChildren();
      draw(r);
    } catch (e) {
      if (my !== generation) return;
      status.classList.add("error");
      status.replaceChildren(...errorNodes(E.failed, e, lang));
      clearChart(key, el, E.failed);
    }
  };
  groupsEl
    .closest("section")
    ?.querySelector("form")
    ?.addEventListener("submit", (ev) => {
      ev.preventDefault();
      const { time: _t, ...cols } = GROUP_TFP_COLUMNS;
      void upload<GroupTfpResult>(
        "/api/productivity/groups",
        { ...cols },
        groupsFile.files?.[0],
        groupsStatus,
        (r) => {
          mountChart("tfp-groups", groupsEl, groupTfpChart(r, labels, lang));
          groupsMore.replaceChildren(
            diagnosticsList(r.diagnostics, m) ?? "",
            h("h3", {}, E.provenance),
            provenanceList(r.provenance, lang, "tfp-groups-provenance"),
          );
        },
        "tfp-groups",
        groupsEl,
      );
    });
  deEl
    .closest("section")
    ?.querySelector("form")
    ?.addEventListener("submit", (ev) => {
      ev.preventDefault();
      const { time: _t, ...cols } = DE_TFP_COLUMNS;
      void upload<DeTfpResult>(
        "/api/productivity/de-tfp",
        { ...cols, digital: deCodes.value.trim() },
        deFile.files?.[0],
        deStatus,
        (r) => {
          mountChart("de-tfp", deEl, deTfpChart(r, labels, lang));
          deMore.replaceChildren(
            h("p", { class: "summary", "data-testid": "de-tfp-summary" }, deTfpSummaryLine(r, lang)),
            diagnosticsList(r.diagnostics, m) ?? "",
            h("h3", {}, E.provenance),
            provenanceList(r.provenance, lang, "de-tfp-provenance"),
          );
        },
        "de-tfp",
        deEl,
      );
    });

  clearChart("tfp-groups", groupsEl, G.empty);
  clearChart("de-tfp", deEl, G.empty);

  const productivity = (async () => {
    try {
      const r = await getJson<ProductivityResult>("/api/productivity/labour", {}, lang);
      if (my !== generation) return;
      prodStatus.replaceChildren();
      mountChart("productivity", prodChart, productivityChart(r, labels, lang));
      prodTable.replaceChildren(productivityTable(r, lang));
      prodMore.replaceChildren(
        diagnosticsList(r.diagnostics, m) ?? "",
        h("h3", {}, E.provenance),
        provenanceList(r.provenance, lang, "productivity-provenance"),
      );
    } catch (e) {
      if (my !== generation) return;
      prodStatus.classList.add("error");
      prodStatus.replaceChildren(...errorNodes(E.failed, e, lang));
      clearChart("productivity", prodChart, E.failed);
    }
  })();

  const productivityIndex = (async () => {
    try {
      const r = await getJson<ProductivityIndexResult>(
        "/api/productivity/index",
        { ...DEFAULT_PRODUCTIVITY_INDEX_RUN },
        lang,
      );
      if (my !== generation) return;
      piStatus.replaceChildren();
      mountChart("productivity-index", piEl, productivityIndexChart(r, labels, lang));
      piMore.replaceChildren(
        h(
          "ul",
          { class: "summary", "data-testid": "productivity-index-summary" },
          ...productivityIndexLines(r, lang).map((l) => h("li", {}, l)),
        ),
        diagnosticsList(r.diagnostics, m) ?? "",
        h("h3", {}, E.provenance),
        provenanceList(r.provenance, lang, "productivity-index-provenance"),
      );
    } catch (e) {
      if (my !== generation) return;
      piStatus.classList.add("error");
      piStatus.replaceChildren(...errorNodes(E.failed, e, lang));
      clearChart("productivity-index", piEl, E.failed);
    }
  })();

  const tfp = (async () => {
    try {
      const q = Object.fromEntries(Object.entries(DEFAULT_TFP_RUN).map(([k, v]) => [k, String(v)]));
      const r = await getJson<TfpResult>("/api/productivity/tfp", q, lang);
      if (my !== generation) return;
      tfpStatus.replaceChildren();
      mountChart("tfp", tfpEl, tfpChart(r, labels, lang, { note: E.tfpPwtNote }));
      tfpTableEl.replaceChildren(tfpTable(r, lang));
      tfpMore.replaceChildren(
        h(
          "p",
          { class: "summary", "data-testid": "tfp-parameters" },
          `${E.tfpParameters}${labelSeparator(lang)}${tfpParametersLine(r)}`,
        ),
        diagnosticsList(r.diagnostics, m) ?? "",
        h("h3", {}, E.provenance),
        provenanceList(r.provenance, lang, "tfp-provenance"),
      );
    } catch (e) {
      if (my !== generation) return;
      tfpStatus.classList.add("error");
      tfpStatus.replaceChildren(...errorNodes(E.failed, e, lang));
      clearChart("tfp", tfpEl, E.failed);
    }
  })();

  const published = (async () => {
    try {
      const r = await getJson<ReproductionResult>("/api/reproduction", {}, lang);
      if (my !== generation) return;
      const rows = r.rows.filter(isPublishedCostPath);
      if (rows.length === 0) {
        clearChart("published-path", pathEl, E.noPublished);
        return;
      }
      mountChart("published-path", pathEl, publishedPathChart(rows, labels, lang, { quantity: E.costRatio }));
      const citation = lang === "en" ? rows[0]?.citation_en : rows[0]?.citation_zh;
      pathMore.replaceChildren(
        h("p", { class: "hint" }, E.publishedNote),
        citation ? h("p", { class: "hint" }, `${E.citation}${labelSeparator(lang)}${citation}`) : "",
      );
    } catch (e) {
      if (my !== generation) return;
      clearChart(
        "published-path",
        pathEl,
        `${E.publishedUnavailable}${labelSeparator(lang)}${e instanceof Error ? e.message : String(e)}`,
      );
    }
  })();

  await Promise.all([productivity, productivityIndex, tfp, runForecast(undefined), published]);
}
