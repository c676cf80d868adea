/**
 * The econometrics report section (计量与预测): labour productivity computed from NBS data beside the
 * communiqué values (table and chart), and the ARIMAX forecast fan of the dashboard's default run
 * (tertiary value added on GDP, ARIMA(1,1,0), 7 years, GDP growth scenario 5 % ± 1 %), each with its
 * provenance and the "verified against" line of the wire. It loads through the declarations
 * `productivity.labour` and `forecast.arimax` (src/methods/econometrics/forecast.ts), so it shows the
 * JSON `GET /api/productivity/labour` and `GET /api/forecast/arimax` return. After productivity, the
 * TFP growth accounting figure of the dashboard's run on Penn World Table 10.01 (`productivity.tfp`,
 * `GET /api/productivity/tfp`), our Törnqvist TFP growth beside PWT's own index.
 */
import { type ArimaxResult, fanChart, formatLevel } from "../../../web/charts/fan.js";
import { chartLabels } from "../../../web/charts/labels.js";
import { escapeHtml } from "../../../web/charts/number-format.js";
import {
  formatDifference,
  formatProductivity,
  type ProductivityResult,
  productivityChart,
  productivityText,
} from "../../../web/charts/productivity.js";
import {
  DEFAULT_PRODUCTIVITY_INDEX_RUN,
  type ProductivityIndexResult,
  productivityIndexChart,
  productivityIndexLines,
} from "../../../web/charts/productivity-index.js";
import { labelSeparator } from "../../../web/charts/provenance.js";
import { DEFAULT_TFP_RUN, type TfpResult, tfpChart, tfpParametersLine } from "../../../web/charts/tfp.js";
import { messages } from "../../../web/src/i18n.js";
import {
  forecastArimaxMethod,
  productivityLabourMethod,
  productivityTfpMethod,
} from "../../methods/econometrics/forecast.js";
import { productivityIndexMethod } from "../../methods/econometrics/index.js";
import type { ReportLocale } from "../types.js";
import { figureHtml } from "./figure.js";
import { defineSection } from "./section.js";

/** The default run of the dashboard (web/src/pages/econometrics-page.ts DEFAULT_FORECAST). */
export const REPORT_FORECAST = {
  dataset: "cn-nbs-gdp-annual",
  y: "第三产业增加值(亿元)",
  xreg: "国内生产总值(亿元)",
  order: "1,1,0",
  h: 7,
  scenario: JSON.stringify({ name: "GDP +5%", columns: { "国内生产总值(亿元)": { growth: 0.05, sd: 0.01 } } }),
} as const;

/** What the section shows. */
export interface EconometricsSectionData {
  readonly productivity: ProductivityResult;
  readonly forecast: ArimaxResult;
  readonly tfp: TfpResult;
  readonly productivityIndex: ProductivityIndexResult;
}

const TEXT = {
  "zh-CN": {
    title: "计量与预测",
    intro:
      "全员劳动生产率由国家统计局不变价 GDP 与年初年末平均就业人员计算，与统计公报的公布值并列（不合并）；预测为第三产业增加值对国内生产总值的带 ARIMA 误差回归，GDP 按增长情景模拟。",
    tableTitle: "全员劳动生产率：计算值与公布值",
    prodCaption: "全员劳动生产率：计算值与统计公报公布值",
    prodNote:
      "计算值 = 不变价 GDP（亿元）× 10⁴ ÷ 就业人员（万人），就业人员取年初年末平均；价格基期随国家统计局的不变价口径而变。差异 = 计算值 ÷ 公布值 − 1。",
    fanCaption: "ARIMAX 预测扇形图（默认情景：GDP 年均增长 5%，标准差 1 个百分点）",
    fanNote: (r: ArimaxResult) =>
      `ARIMA(${r.order.join(",")}) 误差回归，${r.method} 估计，n = ${r.nobs}；深浅蓝带为模型的 80%/95% 预测区间（外生变量取情景中位路径），橙色带为情景模拟的 P10–P90 与 P2.5–P97.5（${r.scenario?.draws ?? 0} 次，${r.scenario?.algorithm ?? ""}，种子 ${r.scenario?.seed ?? ""}），同时含外生变量增速的不确定性。`,
    verified: "已对照验证",
    coefficients: "系数（标准误）",
    diagnostics: "数值诊断",
    none: "无",
  },
  en: {
    title: "Econometrics and forecasts",
    intro:
      "Labour productivity is computed from NBS constant-price GDP and average employment and shown beside the communiqué values (never merged); the forecast regresses tertiary-industry value added on GDP with ARIMA errors, GDP simulated under a growth scenario.",
    tableTitle: "Labour productivity: computed vs published",
    prodCaption: "Labour productivity: computed and as published in the NBS communiqués",
    prodNote:
      "Computed = constant-price GDP (100m yuan) × 10⁴ ÷ employment (10k persons), employment averaged over the start and end of the year; the price base follows NBS's constant-price series. Difference = computed ÷ published − 1.",
    fanCaption: "ARIMAX forecast fan (default scenario: GDP growth 5 % a year, s.d. 1 point)",
    fanNote: (r: ArimaxResult) =>
      `Regression with ARIMA(${r.order.join(",")}) errors, ${r.method}, n = ${r.nobs}; blue bands: the model's 80 %/95 % prediction intervals (regressor on the scenario's median path); orange bands: the simulated scenario P10–P90 and P2.5–P97.5 (${r.scenario?.draws ?? 0} draws, ${r.scenario?.algorithm ?? ""}, seed ${r.scenario?.seed ?? ""}), which add the regressor's growth uncertainty.`,
    verified: "Verified against",
    coefficients: "Coefficients (s.e.)",
    diagnostics: "Diagnostics",
    none: "none",
  },
} as const;

function productivityTableHtml(r: ProductivityResult, lang: ReportLocale): string {
  const T = productivityText(lang);
  const en = lang === "en";
  const head = [
    T.year,
    T.gdpConstant,
    T.employment,
    T.priceBase,
    en ? `${T.computed} (${T.axis})` : `${T.computed}（${r.unit}）`,
    T.official,
    T.difference,
  ]
    .map((c) => `<th>${escapeHtml(c)}</th>`)
    .join("");
  const body = [...r.years]
    .sort((a, b) => a.year - b.year)
    .map(
      (y) =>
        `<tr><td>${y.year}</td><td class="num">${escapeHtml(formatLevel(y.gdp_constant, lang))}</td>` +
        `<td class="num">${escapeHtml(formatLevel(y.employment, lang))}</td>` +
        `<td>${escapeHtml(y.price_base === null ? "—" : T.basePrices(y.price_base))}</td>` +
        `<td class="num">${escapeHtml(formatProductivity(y.computed, lang))}</td>` +
        `<td class="num">${escapeHtml(formatProductivity(y.official, lang))}</td>` +
        `<td class="num">${escapeHtml(formatDifference(y.relative_difference, lang))}</td></tr>`,
    )
    .join("");
  return `<table class="productivity"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

function diagnosticsHtml(d: ProductivityResult["diagnostics"], lang: ReportLocale): string {
  const T = TEXT[lang];
  const sep = labelSeparator(lang);
  const shown = d.filter((x) => x.severity !== "info");
  if (shown.length === 0) return `<p class="note"><b>${escapeHtml(T.diagnostics)}${sep}</b>${escapeHtml(T.none)}</p>`;
  return `<p class="note"><b>${escapeHtml(T.diagnostics)}${sep}</b></p><ul class="diagnostics">${shown
    .map(
      (x) =>
        `<li class="sev-${escapeHtml(x.severity)}"><code>${escapeHtml(x.code)}</code> ${escapeHtml(x.message ?? "")}</li>`,
    )
    .join("")}</ul>`;
}

/** 计量与预测: productivity table and chart, forecast fan, provenance and verification lines. */
export const econometricsSection = defineSection<EconometricsSectionData>({
  id: "econometrics.forecast",
  family: "econometrics",
  load: async (sources) => {
    const [productivity, forecast, tfp, productivityIndex] = await Promise.all([
      sources.runMethod(productivityLabourMethod, {}),
      sources.runMethod(forecastArimaxMethod, { ...REPORT_FORECAST }),
      sources.runMethod(productivityTfpMethod, { ...DEFAULT_TFP_RUN }),
      sources.runMethod(productivityIndexMethod, { ...DEFAULT_PRODUCTIVITY_INDEX_RUN }),
    ]);
    return { productivity, forecast, tfp, productivityIndex };
  },
  render: ({ productivity: p, forecast: f, tfp, productivityIndex: pi }, ctx) => {
    const lang = ctx.lang;
    const T = TEXT[lang];
    const E = messages(lang).econometrics;
    const sep = labelSeparator(lang);
    const labels = chartLabels(lang);
    const coef = Object.entries(f.coefficients)
      .map(([k, v]) => `${k} = ${formatLevel(v, lang, 4)} (${formatLevel(f.std_errors[k] ?? null, lang, 4)})`)
      .join(lang === "en" ? "; " : "；");
    const verified = f.verified_against.length === 0 ? "—" : f.verified_against.join("; ");
    return (
      `<section id="econometrics"><h2>${escapeHtml(T.title)}</h2><p>${escapeHtml(T.intro)}</p>` +
      `<h3>${escapeHtml(T.tableTitle)}</h3>` +
      productivityTableHtml(p, lang) +
      diagnosticsHtml(p.diagnostics, lang) +
      figureHtml(
        {
          id: "fig-productivity",
          option: productivityChart(p, labels, lang),
          height: 420,
          caption: T.prodCaption,
          note: T.prodNote,
          provenance: p.provenance,
        },
        ctx,
      ) +
      figureHtml(
        {
          id: "fig-productivity-index",
          option: productivityIndexChart(pi, labels, lang),
          height: 520,
          caption: E.productivityIndexTitle,
          note: `${E.productivityIndexHint} ${productivityIndexLines(pi, lang).join(lang === "en" ? "; " : "；")}`,
          provenance: pi.provenance,
        },
        ctx,
      ) +
      diagnosticsHtml(pi.diagnostics, lang) +
      figureHtml(
        {
          id: "fig-tfp",
          option: tfpChart(tfp, labels, lang, { note: E.tfpPwtNote }),
          height: 460,
          caption: E.tfpTitle,
          note: `${E.tfpHint} ${E.tfpParameters}${sep}${tfpParametersLine(tfp)}`,
          provenance: tfp.provenance,
        },
        ctx,
      ) +
      figureHtml(
        {
          id: "fig-forecast-fan",
          option: fanChart(f, labels, lang),
          height: 480,
          caption: T.fanCaption,
          note: T.fanNote(f),
          provenance: f.provenance,
        },
        ctx,
      ) +
      `<p class="note"><b>${escapeHtml(T.coefficients)}${sep}</b>${escapeHtml(coef)}</p>` +
      `<p class="note verified"><b>${escapeHtml(T.verified)}${sep}</b>${escapeHtml(verified)}</p>` +
      `</section>`
    );
  },
});

/** The econometrics family's sections, in report order. */
export const ECONOMETRICS_SECTIONS = [econometricsSection] as const;
