/**
 * Terminal renderers of the econometrics family (计量方法): a coefficient table in the layout of R's
 * `summary(lm)`, the Granger test in both directions, the ADF test with its critical values, and CSV
 * of the coefficients. JSON output is the declaration's wire result.
 */
import type {
  DigitalCapitalResult,
  DigitalTfpResult,
  ForecastArimaxResult,
  ForecastBayesResult,
  GdpDeflatorResult,
  GroupTfpResult,
  LabourProductivityAppResult,
  ProductivityIndexResult,
  StatsAdfResult,
  StatsGrangerResult,
  StatsKpssResult,
  StatsOlsResult,
  StatsPanelResult,
  TfpGrowthResult,
} from "../../app/index.js";
import { coreErrorMessage, formatNumber, type Lang, t } from "../../i18n/index.js";
import { diagnosticsText, provenanceText } from "../io/render.js";
import { renderCsv, renderTextTable } from "../text-table.js";

const num = (v: number | null | undefined, lang: Lang, digits = 6): string =>
  v === null || v === undefined
    ? "—"
    : Number.isFinite(v)
      ? formatNumber(v, { lang, digits, grouping: false })
      : v > 0
        ? "∞"
        : "−∞";

/** p-values as R prints them: below 2.2e-16 as "< 2.2e-16". */
const pValue = (p: number, lang: Lang): string =>
  p < 2.2e-16 ? "< 2.2e-16" : p < 1e-4 ? p.toExponential(2) : num(p, lang, 4);

const stars = (p: number): string => (p < 0.001 ? "***" : p < 0.01 ? "**" : p < 0.05 ? "*" : p < 0.1 ? "." : "");

function seLabel(r: StatsOlsResult, lang: Lang): string {
  switch (r.se) {
    case "nw":
      return t("se.nw", lang, { lags: r.nwLags ?? 0 });
    case "classical":
      return t("se.classical", lang);
    case "hc0":
      return t("se.hc0", lang);
    case "hc1":
      return t("se.hc1", lang);
    case "hc2":
      return t("se.hc2", lang);
    case "hc3":
      return t("se.hc3", lang);
  }
}

/** stats ols as a coefficient table with fit statistics. */
export function olsTable(r: StatsOlsResult, lang: Lang): string {
  let out = `${t("label.dataset", lang)}: ${r.dataset}  ${t("label.response", lang)}: ${r.y}  ${t("label.covariance", lang)}: ${seLabel(r, lang)}\n\n`;
  out += renderTextTable(
    [
      t("col.term", lang),
      t("col.estimate", lang),
      t("col.std_error", lang),
      t("col.t", lang),
      t("col.p_value", lang),
      "",
    ],
    r.coefficients.map((c) => [
      c.name,
      num(c.estimate, lang),
      num(c.stdError, lang),
      num(c.t, lang, 4),
      pValue(c.pValue, lang),
      stars(c.pValue),
    ]),
    ["left", "right", "right", "right", "right", "left"],
  );
  out += `\n${t("label.n_obs", lang)}: ${r.n}  ${t("label.r_squared", lang)}: ${num(r.rSquared, lang, 4)}  ${t("label.adj_r_squared", lang)}: ${num(r.adjRSquared, lang, 4)}\n`;
  if (r.f !== null && r.fPValue !== null)
    out += `${t("label.f_test", lang)}: F(${r.dfModel}, ${r.dfResid}) = ${num(r.f, lang, 4)}, p = ${pValue(r.fPValue, lang)}\n`;
  out += `${t("label.aic_bic", lang)}: ${num(r.aic, lang, 4)} / ${num(r.bic, lang, 4)}  ${t("label.condition_number", lang)}: ${num(r.conditionNumber, lang, 4)}\n`;
  if (r.vif !== null) out += `VIF: ${r.vif.map((v) => `${v.name} ${num(v.vif, lang, 3)}`).join(", ")}\n`;
  out += `${t("label.verified_against", lang)}: ${r.verifiedAgainst.join("; ")}\n`;
  return out + diagnosticsText(r.diagnostics, lang) + provenanceText(r.provenance, lang);
}

/** stats ols coefficients as CSV. */
export function olsCsv(r: StatsOlsResult): string {
  return renderCsv(
    ["name", "estimate", "std_error", "t", "p_value"],
    r.coefficients.map((c) => [c.name, c.estimate, c.stdError, c.t, c.pValue]),
  );
}

/** stats granger: both directions, and the lag selection when it was automatic. */
export function grangerTable(r: StatsGrangerResult, lang: Lang): string {
  let out = `${t("label.dataset", lang)}: ${r.dataset}  ${t("label.transform", lang)}: ${r.transform}  ${t("label.n_obs", lang)}: ${r.observations}${r.years !== null ? ` (${r.years[0]}–${r.years[1]})` : ""}\n\n`;
  if (r.lagSelection !== null) {
    const s = r.lagSelection;
    out += `${t("label.lag_selection", lang)} (${s.criterion.toUpperCase()}, ${t("label.n_obs", lang)} ${s.n}):\n`;
    out += renderTextTable(
      [t("col.lags", lang), "AIC", "BIC", "HQ", "FPE"],
      s.table.map((row) => [
        `${row.lags}${row.lags === s.selected ? " *" : ""}`,
        num(row.aic, lang, 4),
        num(row.bic, lang, 4),
        num(row.hq, lang, 4),
        row.fpe.toExponential(4),
      ]),
      ["right", "right", "right", "right", "right"],
    );
    out += "\n";
  }
  out += renderTextTable(
    [
      t("col.direction_test", lang),
      t("col.lags", lang),
      t("col.f", lang),
      t("col.df", lang),
      t("col.p_value", lang),
      t("col.chi2", lang),
      t("col.chi2_p", lang),
    ],
    [r.forward, r.reverse].map((d) => [
      t("hyp.x_does_not_granger_cause_y", lang, { x: d.x, y: d.y }),
      String(r.lags),
      num(d.f, lang, 4),
      `${d.dfNum}, ${d.dfDen}`,
      pValue(d.pValue, lang),
      num(d.chi2, lang, 4),
      pValue(d.chi2PValue, lang),
    ]),
    ["left", "right", "right", "right", "right", "right", "right"],
  );
  for (const d of [r.forward, r.reverse])
    if (d.bootstrap !== null)
      out += `\n${t("label.bootstrap_p", lang)} (${t("hyp.x_does_not_granger_cause_y", lang, { x: d.x, y: d.y })}): ${num(d.bootstrap.pValue, lang, 4)}  (B = ${d.bootstrap.replications}, ${d.bootstrap.algorithm}, seed ${d.bootstrap.seed})`;
  out += `\n${t("label.verified_against", lang)}: ${r.verifiedAgainst.join("; ")}\n`;
  return out + diagnosticsText(r.diagnostics, lang) + provenanceText(r.provenance, lang);
}

/** stats adf: the statistic, p-value, lags and critical values. */
export function adfTable(r: StatsAdfResult, lang: Lang): string {
  const cv = r.criticalValues;
  let out = `${t("label.dataset", lang)}: ${r.dataset}  ${t("label.transform", lang)}: ${r.transform}  ${t("label.n_obs", lang)}: ${r.observations}${r.years !== null ? ` (${r.years[0]}–${r.years[1]})` : ""}\n`;
  out += `${t("label.null_hypothesis", lang)}: ${t("hyp.unit_root", lang, { column: r.column })}\n\n`;
  const lines: [string, string][] = [
    [t("label.statistic", lang), num(r.statistic, lang, 4)],
    [t("col.p_value", lang), pValue(r.pValue, lang)],
    [t("label.used_lag", lang), `${r.usedLag} (≤ ${r.maxLags}, ${r.autolag ?? "fixed"})`],
    [t("label.n_obs", lang), String(r.nobs)],
    [
      `${t("label.critical_values", lang)} 1% / 5% / 10%`,
      `${num(cv["1%"], lang, 4)} / ${num(cv["5%"], lang, 4)} / ${num(cv["10%"], lang, 4)}`,
    ],
  ];
  out += `${lines.map(([k, v]) => `  ${k}: ${v}`).join("\n")}\n`;
  out += `\n${t("label.verified_against", lang)}: ${r.verifiedAgainst.join("; ")}\n`;
  return out + diagnosticsText(r.diagnostics, lang) + provenanceText(r.provenance, lang);
}

/** stats kpss: the statistic, p-value (held within the table's 0.01–0.10), lag and critical values. */
export function kpssTable(r: StatsKpssResult, lang: Lang): string {
  const cv = r.criticalValues;
  let out = `${t("label.dataset", lang)}: ${r.dataset}  ${t("label.transform", lang)}: ${r.transform}  ${t("label.n_obs", lang)}: ${r.observations}${r.years !== null ? ` (${r.years[0]}–${r.years[1]})` : ""}\n`;
  out += `${t("label.null_hypothesis", lang)}: ${t(`hyp.${r.nullHypothesis}`, lang, { column: r.column })}\n\n`;
  const lines: [string, string][] = [
    [t("label.statistic", lang), num(r.statistic, lang, 4)],
    [t("col.p_value", lang), num(r.pValue, lang, 4)],
    [t("col.lags", lang), `${r.lags} (${r.lagRule})`],
    [
      `${t("label.critical_values", lang)} 10% / 5% / 2.5% / 1%`,
      `${num(cv["10%"], lang, 3)} / ${num(cv["5%"], lang, 3)} / ${num(cv["2.5%"], lang, 3)} / ${num(cv["1%"], lang, 3)}`,
    ],
  ];
  out += `${lines.map(([k, v]) => `  ${k}: ${v}`).join("\n")}\n`;
  out += `\n${t("label.verified_against", lang)}: ${r.verifiedAgainst.join("; ")}\n`;
  return out + diagnosticsText(r.diagnostics, lang) + provenanceText(r.provenance, lang);
}

/** forecast arimax: coefficients, fit statistics and the forecast table (with the scenario fan). */
export function forecastTable(r: ForecastArimaxResult, lang: Lang): string {
  const [p, d, q] = r.order;
  let out = `${t("label.dataset", lang)}: ${r.dataset}  ${t("label.response", lang)}: ${r.y}  ARIMA(${p},${d},${q})${r.xreg.length > 0 ? ` + xreg(${r.xreg.join(", ")})` : ""}  ${r.method}${r.orderSelection.method === "auto_arima" ? " (auto.arima, AICc)" : ""}\n\n`;
  out += renderTextTable(
    [t("col.term", lang), t("col.estimate", lang), t("col.std_error", lang)],
    r.coefficients.map((c) => [c.name, num(c.estimate, lang), num(c.stdError, lang)]),
    ["left", "right", "right"],
  );
  out += `\nσ² ${num(r.sigma2, lang, 6)}  log L ${num(r.logLik, lang, 4)}  AIC ${num(r.aic, lang, 4)}  AICc ${num(r.aicc, lang, 4)}  BIC ${num(r.bic, lang, 4)}  n ${r.nobs}\n\n`;
  const fan = r.scenario;
  out += renderTextTable(
    [
      t("col.step", lang),
      t("col.year", lang),
      t("col.forecast_mean", lang),
      "80% −",
      "80% +",
      "95% −",
      "95% +",
      ...(fan !== null ? ["P2.5", "P50", "P97.5"] : []),
    ],
    r.forecast.map((f, s) => [
      String(f.step),
      f.year === null ? "" : String(f.year),
      num(f.mean, lang, 4),
      num(f.lower80, lang, 4),
      num(f.upper80, lang, 4),
      num(f.lower95, lang, 4),
      num(f.upper95, lang, 4),
      ...(fan !== null ? [0, 2, 4].map((i) => num(fan.quantiles[i]?.[s], lang, 4)) : []),
    ]),
    [
      "right",
      "right",
      "right",
      "right",
      "right",
      "right",
      "right",
      ...(fan !== null ? (["right", "right", "right"] as const) : []),
    ],
  );
  if (fan !== null)
    out += `\n${t("label.scenario", lang)}: ${fan.name} — ${fan.columns.map((c) => `${c.name} ${num(c.growth * 100, lang, 2)}% ± ${num(c.sd * 100, lang, 2)}`).join(", ")} (${fan.draws}, ${fan.algorithm}, seed ${fan.seed})\n`;
  out += `\n${t("label.verified_against", lang)}: ${r.verifiedAgainst.join("; ")}\n`;
  return out + diagnosticsText(r.diagnostics, lang) + provenanceText(r.provenance, lang);
}

/** productivity labour: computed beside published, with the price base of each year. */
export function productivityTable(r: LabourProductivityAppResult, lang: Lang): string {
  let out = `${t("label.denominator", lang)}: ${r.denominator}  ${t("col.unit", lang)}: ${r.unit}\n\n`;
  out += renderTextTable(
    [
      t("col.year", lang),
      t("col.gdp_constant", lang),
      t("col.price_base", lang),
      t("col.employment", lang),
      t("col.computed", lang),
      t("col.published", lang),
      t("col.difference_pct", lang),
    ],
    r.years.map((y) => [
      String(y.year),
      num(y.gdpConstant, lang, 1),
      y.priceBase === null ? "" : String(y.priceBase),
      num(y.employment, lang, 1),
      num(y.computed, lang, 1),
      num(y.official, lang, 0),
      y.relativeDifference === null ? "" : num(y.relativeDifference * 100, lang, 2),
    ]),
    ["right", "right", "right", "right", "right", "right", "right"],
  );
  return out + diagnosticsText(r.diagnostics, lang) + provenanceText(r.provenance, lang);
}

const pct = (v: number | null | undefined, lang: Lang): string =>
  v === null || v === undefined ? "—" : num(v * 100, lang, 2);

/** productivity tfp: growth accounting by period, with the compared published index. */
export function tfpTable(r: TfpGrowthResult, lang: Lang): string {
  const cmp = r.periods.some((p) => p.comparedGrowth !== null);
  let out = `${t("label.dataset", lang)}: ${r.dataset}  ${t("label.method", lang)}: ${r.method}\n\n`;
  out += renderTextTable(
    [
      t("col.year", lang),
      "g_Y %",
      "g_K %",
      "g_L %",
      "s_K",
      "g_A %",
      t("col.tfp_contribution", lang),
      ...(cmp ? [t("col.compared_tfp", lang)] : []),
    ],
    r.periods.map((p) => [
      p.year === null ? "" : String(p.year),
      pct(p.outputGrowth, lang),
      pct(p.capitalGrowth, lang),
      pct(p.labourGrowth, lang),
      num(p.capitalShare, lang, 3),
      pct(p.tfpGrowth, lang),
      pct(p.contributions?.tfp, lang),
      ...(cmp ? [pct(p.comparedGrowth, lang)] : []),
    ]),
    ["right", "right", "right", "right", "right", "right", "right", ...(cmp ? (["right"] as const) : [])],
  );
  out += `\n${t("label.mean_tfp_growth", lang)}: ${pct(r.summary.meanTfpGrowth, lang)}%  SD ${pct(r.summary.sd, lang)}  CV ${num(r.summary.cv, lang, 3)}\n`;
  return out + diagnosticsText(r.diagnostics, lang) + provenanceText(r.provenance, lang);
}

/** productivity capital: the PIM stock by year, per-worker capital and the deepening rate. */
export function capitalTable(r: DigitalCapitalResult, lang: Lang): string {
  let out = `${t("label.dataset", lang)}: ${r.dataset}  δ = ${num(r.delta, lang, 4)}  g₀ = ${pct(r.initialGrowth, lang)}%\n\n`;
  out += renderTextTable(
    [
      t("col.year", lang),
      t("col.investment", lang),
      t("col.stock", lang),
      t("col.per_worker", lang),
      t("col.deepening_pct", lang),
    ],
    r.years.map((y) => [
      y.year === null ? "" : String(y.year),
      num(y.investment, lang, 2),
      num(y.stock, lang, 2),
      num(y.perWorker, lang, 4),
      pct(y.deepening, lang),
    ]),
    ["right", "right", "right", "right", "right"],
  );
  if (r.averageDeepening !== null)
    out += `\n${t("label.average_deepening", lang)}: ${pct(r.averageDeepening, lang)}%\n`;
  return out + diagnosticsText(r.diagnostics, lang) + provenanceText(r.provenance, lang);
}

/** stats panel: coefficients with cluster-robust errors, within R², entities and clusters. */
export function panelTable(r: StatsPanelResult, lang: Lang): string {
  let out = `${t("label.dataset", lang)}: ${r.dataset}  ${t("label.response", lang)}: ${r.y}  ${r.effects === "entity" ? "FE (within)" : "pooled"}  ${t("label.covariance", lang)}: ${r.se}\n\n`;
  out += renderTextTable(
    [
      t("col.term", lang),
      t("col.estimate", lang),
      t("col.std_error", lang),
      t("col.t", lang),
      t("col.p_value", lang),
      "",
    ],
    r.coefficients.map((c) => [
      c.name,
      num(c.estimate, lang),
      num(c.stdError, lang),
      num(c.t, lang, 4),
      pValue(c.pValue, lang),
      stars(c.pValue),
    ]),
    ["left", "right", "right", "right", "right", "left"],
  );
  out += `\n${t("label.n_obs", lang)}: ${r.n}  G = ${r.entities}${r.clusters !== null ? `  C = ${r.clusters}` : ""}  ${t("label.r_squared", lang)}: ${num(r.rSquared, lang, 4)}  df = ${r.dfInference}\n`;
  out += `${t("label.verified_against", lang)}: ${r.verifiedAgainst.join("; ")}\n`;
  return out + diagnosticsText(r.diagnostics, lang) + provenanceText(r.provenance, lang);
}

/** productivity index: the common years, the regression and the Granger test, the slopes beside. */
export function productivityIndexTable(r: ProductivityIndexResult, lang: Lang): string {
  let out = `${t("label.productivity_series", lang)}: ${t(`series.productivity.${r.productivity}`, lang)}\n`;
  out += `${t("label.index_series", lang)}: ${t(`series.index.${r.index}`, lang)}\n\n`;
  out += renderTextTable(
    [t("col.year", lang), t("col.productivity", lang), t("col.index", lang)],
    r.points.map((p) => [String(p.year), num(p.productivity, lang, 1), num(p.index, lang, 2)]),
    ["right", "right", "right"],
  );
  out += `\n## ${t("label.regression", lang)}\n`;
  out +=
    r.regression !== null
      ? olsTable(r.regression, lang)
      : `${t("label.not_run", lang)}: ${coreErrorMessage(r.regressionNotRun?.code ?? "too_few_observations", r.regressionNotRun?.params ?? {}, lang)}\n`;
  out += `\n## ${t("label.granger", lang)}\n`;
  out +=
    r.granger !== null
      ? grangerTable(r.granger, lang)
      : `${t("label.not_run", lang)}: ${coreErrorMessage(r.grangerNotRun?.code ?? "too_few_observations", r.grangerNotRun?.params ?? {}, lang)}\n`;
  out += "\n";
  if (r.endpointSlope !== null)
    out += `${t("label.endpoint_slope", lang, { from: r.endpointSlope.from, to: r.endpointSlope.to })}: ${num(r.endpointSlope.value, lang, 1)}\n`;
  out += `${t("label.published_slope", lang)}: ${num(r.published.value, lang, 1)} (${r.published.id})\n`;
  return out + diagnosticsText(r.diagnostics, lang) + provenanceText(r.provenance, lang);
}

/** forecast bayes: posterior means, the predictive quantiles by step, R̂ and ESS of the draws. */
export function bayesTable(r: ForecastBayesResult, lang: Lang): string {
  let out = `${t("label.dataset", lang)}: ${r.dataset}  ${t("label.response", lang)}: ${r.y}  ARX(${r.p}), d = ${r.d}${r.xreg.length > 0 ? ` + xreg(${r.xreg.join(", ")})` : ""}\n\n`;
  out += renderTextTable(
    [t("col.term", lang), t("col.posterior_mean", lang), t("col.posterior_sd", lang)],
    r.coefficients.map((c) => [c.name, num(c.mean, lang), num(c.sd, lang)]),
    ["left", "right", "right"],
  );
  out += `\nE[σ²] ${num(r.sigma2Mean, lang, 6)}  ${r.draws} ${t("label.draws", lang)}, ${r.algorithm}, seed ${r.seed}${r.scenario !== null ? `  ${t("label.scenario", lang)}: ${r.scenario}` : ""}\n\n`;
  out += renderTextTable(
    [t("col.step", lang), t("col.year", lang), t("col.forecast_mean", lang), "P2.5", "P10", "P50", "P90", "P97.5"],
    r.forecast.map((f) => [
      String(f.step),
      f.year === null ? "" : String(f.year),
      num(f.point, lang, 4),
      num(f.q025, lang, 4),
      num(f.q10, lang, 4),
      num(f.median, lang, 4),
      num(f.q90, lang, 4),
      num(f.q975, lang, 4),
    ]),
    ["right", "right", "right", "right", "right", "right", "right", "right"],
  );
  if (r.convergence !== null) {
    out += `\n${t("label.convergence", lang, { chains: r.convergence.chains })}\n`;
    out += renderTextTable(
      [t("col.quantity", lang), "R̂", t("col.ess_bulk", lang), t("col.ess_tail", lang)],
      r.convergence.quantities.map((q) => [
        q.quantity,
        num(q.rhat, lang, 4),
        num(q.essBulk, lang, 0),
        num(q.essTail, lang, 0),
      ]),
      ["left", "right", "right", "right"],
    );
    out += `${t("label.verified_against", lang)}: ${r.convergence.verifiedAgainst}\n`;
  }
  return out + diagnosticsText(r.diagnostics, lang) + provenanceText(r.provenance, lang);
}

/** productivity deflator: nominal, published constant, chained real GDP, growth and deflator by year. */
export function deflatorTable(r: GdpDeflatorResult, lang: Lang): string {
  let out = `${t("label.chained_base", lang, { base: r.base })}  ${t("col.unit", lang)}: ${r.unit}\n\n`;
  out += renderTextTable(
    [
      t("col.year", lang),
      t("col.nominal", lang),
      t("col.gdp_constant", lang),
      t("col.price_base", lang),
      t("col.real_chained", lang),
      t("col.growth_pct", lang),
      t("col.published_growth_pct", lang),
      t("col.deflator", lang),
    ],
    r.years.map((y) => [
      String(y.year),
      num(y.nominal, lang, 1),
      num(y.constant, lang, 1),
      y.priceBase === null ? "" : String(y.priceBase),
      num(y.real, lang, 1),
      y.growth === null ? "" : num((y.growth - 1) * 100, lang, 2),
      y.publishedGrowth === null ? "" : num(y.publishedGrowth, lang, 1),
      num(y.deflator, lang, 2),
    ]),
    ["right", "right", "right", "right", "right", "right", "right", "right"],
  );
  return out + provenanceText(r.provenance, lang);
}

/** productivity groups: TFP level by group and year, and each group's mean. */
export function groupTfpTable(r: GroupTfpResult, lang: Lang): string {
  let out = `${t("label.dataset", lang)}: ${r.dataset}  ${t("label.normalisation", lang)}: ${r.normalisation}\n\n`;
  out += renderTextTable(
    [t("col.group", lang), ...r.years.map(String), t("col.mean", lang)],
    r.groups.map((g) => [g.id, ...g.levels.map((v) => num(v, lang, 4)), num(g.mean, lang, 4)]),
    ["left", ...r.years.map(() => "right" as const), "right"],
  );
  return out + diagnosticsText(r.diagnostics, lang) + provenanceText(r.provenance, lang);
}

/** productivity de-tfp: the yearly contribution and its mean, SD and CV. */
export function deTfpTable(r: DigitalTfpResult, lang: Lang): string {
  let out = `${t("label.dataset", lang)}: ${r.dataset}\n\n`;
  out += renderTextTable(
    [t("col.year", lang), "g_Y %", t("col.de_tfp_growth", lang), t("col.tfp_contribution", lang)],
    r.periods.map((p) => [
      String(p.year),
      num(p.outputGrowth * 100, lang, 3),
      num(p.digitalTfpGrowth * 100, lang, 3),
      p.contribution === null ? "—" : num(p.contribution * 100, lang, 2),
    ]),
    ["right", "right", "right", "right"],
  );
  if (r.summary !== null)
    out += `\n${t("col.mean", lang)} ${num(r.summary.mean * 100, lang, 2)}%  SD ${num(r.summary.sd * 100, lang, 2)}  CV ${num(r.summary.cv, lang, 3)}  n ${r.summary.n}\n`;
  return out + diagnosticsText(r.diagnostics, lang) + provenanceText(r.provenance, lang);
}
