/**
 * Seed reproduction, productivity and econometrics family (spec §16 rows 10–12, 25–29, 33–34).
 *
 * - Row 11: labour productivity. The value printed for "2024" is NBS's 2023 value, recomputed exactly
 *   from the shipped 2020-price GDP over average employment; the 2012 value cannot be recomputed:
 *   the shipped employment series starts in 2019, and its vintage/price base is unknown (spec §4.1).
 * - Row 25: the printed change of the DE-TFP contribution, recomputed from its two printed endpoints
 *   (arithmetic on published values).
 * - Row 28: SD and CV of nominal GDP growth 2013–2024 in the three NBS vintages of spec §9.6 (V1 each
 *   year on its first-published base, 2024 on the census-revised 2023; V2 no revision; V3 2023 revised
 *   against 2022) — approximate: the seed's figures need the post-census revised series.
 * - Row 29: 2024 nominal growth minus 2023 nominal growth, pre-revision data (V1).
 * - Rows 10, 12, 25–27, 33, 34: need CAICT series that are not public; shown with the printed value
 *   and the reason, never computed from something else.
 *
 * Printed numbers come only from `src/data/published`; every series is read from the store.
 */
import { volatility } from "../core/index.js";
import { requirePublished, seedCitation } from "../data/index.js";
import { type DatasetSource, requireSeries } from "./dataset-source.js";
import { labourProductivitySeries } from "./productivity.js";
import type { ReproductionRow, UnpublishedSeries } from "./reproduction.js";

const ANNUAL = "cn-nbs-gdp-annual";
const VINTAGES = "cn-nbs-headline-vintages";
const GDP = "国内生产总值(亿元)";

async function byYear(source: DatasetSource, id: string, indicator: string): Promise<Map<number, number>> {
  const s = await requireSeries(source, id, { indicators: [indicator] });
  return new Map(s.observations.filter((o) => o.indicator === indicator).map((o) => [Number(o.period), o.value]));
}

function need(map: Map<number, number>, year: number, what: string): number {
  const v = map.get(year);
  if (v === undefined) throw new Error(`reproduceProductivitySeedFigures: ${what} ${year} missing from the store`);
  return v;
}

/** Rows with a printed value only: the series behind them are not public. */
const NOT_PUBLIC: readonly (readonly [string, ReproductionRow["quantity"], UnpublishedSeries])[] = [
  ["s000-tfp-mean-fusion", "tfp_level", "sector_capital_employment"],
  ["s000-tfp-mean-nonfusion", "tfp_level", "sector_capital_employment"],
  ["s000-productivity-regression-slope", "regression_slope", "annual_index_series"],
  ["s001-de-tfp-contribution-2013", "tfp_contribution", "caict_de_tfp"],
  ["s001-de-tfp-contribution-2023", "tfp_contribution", "caict_de_tfp"],
  ["s001-de-tfp-contribution-2024", "tfp_contribution", "caict_de_tfp"],
  ["s001-other-tfp-contribution-2024", "tfp_contribution", "caict_de_tfp"],
  ["s001-de-tfp-contribution-sd", "growth_sd", "caict_de_tfp"],
  ["s001-de-tfp-contribution-cv", "growth_cv", "caict_de_tfp"],
  ["s001-digital-capital-deepening", "deepening_rate", "caict_digital_capital"],
  ["s001-forecast-cost-ratio-2023", "forecast_ratio", "caict_digital_capital"],
  ["s001-forecast-cost-ratio-2027", "forecast_ratio", "caict_digital_capital"],
  ["s001-forecast-cost-ratio-2030", "forecast_ratio", "caict_digital_capital"],
];

/**
 * The productivity family's rows of the reproduction table (生产率方法族的复现行).
 * @throws when a shipped series or a published value is missing (a broken installation)
 */
export async function reproduceProductivitySeedFigures(source: DatasetSource): Promise<{ rows: ReproductionRow[] }> {
  const rows: ReproductionRow[] = [];
  const method = (rule: string, datasets: readonly string[], series?: string) =>
    ({ family: "productivity", rule, datasets, ...(series !== undefined && { series }) }) as const;

  // row 11
  const lp = await labourProductivitySeries({ source });
  const p2024 = requirePublished("s000-labour-productivity-2024");
  const y2023 = lp.years.find((y) => y.year === 2023);
  const computed = y2023?.computed ?? null;
  const gap = computed === null ? null : computed - (p2024.value as number);
  rows.push({
    key: "11-labour-productivity-2024",
    ref: "11",
    publishedId: p2024.id,
    quantity: "labour_productivity",
    year: 2024,
    computed,
    computedYear: 2023,
    published: p2024.value as number,
    comparison: null,
    gap,
    tolerance: 0.5,
    status: gap !== null && Math.abs(gap) <= 0.5 ? "reproduced" : "approximate",
    tableId: `${ANNUAL}+${VINTAGES}`,
    method: method("gdp_constant_over_average_employment", [ANNUAL, VINTAGES], "不变价国内生产总值 (2020 prices)"),
    reason: {
      code: "label_year_mismatch",
      params: {
        computedYear: 2023,
        labelYear: 2024,
        computed: computed ?? Number.NaN,
        gdp: y2023?.gdpConstant ?? Number.NaN,
        employment: y2023?.employment ?? Number.NaN,
        priceBase: y2023?.priceBase ?? 0,
      },
    },
    citation: seedCitation(p2024),
  });
  const p2012 = requirePublished("s000-labour-productivity-2012");
  rows.push({
    key: "11-labour-productivity-2012",
    ref: "11",
    publishedId: p2012.id,
    quantity: "labour_productivity",
    year: 2012,
    computed: null,
    computedYear: 2012,
    published: p2012.value as number,
    comparison: null,
    gap: null,
    tolerance: null,
    status: "not_comparable",
    tableId: "",
    method: method("gdp_constant_over_average_employment", [ANNUAL, VINTAGES]),
    reason: { code: "series_not_public", params: { series: "employment_before_2019" } },
    citation: seedCitation(p2012),
  });

  // row 25: printed change
  const from = requirePublished("s001-de-tfp-contribution-2023");
  const to = requirePublished("s001-de-tfp-contribution-2024");
  const change = requirePublished("s001-de-tfp-contribution-change-2024");
  const diff = (to.value as number) - (from.value as number);
  const holds = Math.abs(diff - (change.value as number)) < 0.05;
  rows.push({
    key: "25-de-tfp-contribution-change",
    ref: "25",
    publishedId: change.id,
    quantity: "contribution_change",
    year: 2024,
    computed: diff,
    computedYear: 2024,
    published: change.value as number,
    comparison: null,
    gap: diff - (change.value as number),
    tolerance: 0.05,
    status: holds ? "reproduced" : "approximate",
    tableId: "",
    method: method("difference_of_printed_values", []),
    reason: {
      code: "printed_difference",
      params: {
        from: 2023,
        to: 2024,
        startValue: from.value as number,
        endValue: to.value as number,
        computed: diff,
        printed: change.printed,
        holds,
      },
    },
    citation: seedCitation(change),
  });

  // rows 28–29: nominal GDP growth 2013–2024 by vintage (spec §9.6)
  const annual = await byYear(source, ANNUAL, GDP);
  const prelim = await byYear(source, VINTAGES, `${GDP}@preliminary`);
  const revised = await byYear(source, VINTAGES, `${GDP}@revised_5th_census`);
  const growth2013to2022 = Array.from(
    { length: 10 },
    (_, i) => 100 * (need(annual, 2013 + i, "GDP") / need(annual, 2012 + i, "GDP") - 1),
  );
  const g2022 = need(annual, 2022, "GDP");
  const p23 = need(prelim, 2023, "preliminary GDP");
  const r23 = need(revised, 2023, "revised GDP");
  const p24 = need(prelim, 2024, "preliminary GDP");
  const variants = [
    { variant: "V1" as const, g2023: 100 * (p23 / g2022 - 1), g2024: 100 * (p24 / r23 - 1) },
    { variant: "V2" as const, g2023: 100 * (p23 / g2022 - 1), g2024: 100 * (p24 / p23 - 1) },
    { variant: "V3" as const, g2023: 100 * (r23 / g2022 - 1), g2024: 100 * (p24 / r23 - 1) },
  ].map((v) => {
    const s = volatility([...growth2013to2022, v.g2023, v.g2024]);
    return { ...v, mean: s.mean, sd: s.sd, cv: s.cv as number };
  });
  const v2 = variants[1] as (typeof variants)[number];
  for (const [id, quantity, value] of [
    ["s001-gdp-nominal-growth-sd", "growth_sd", v2.sd],
    ["s001-gdp-nominal-growth-cv", "growth_cv", v2.cv],
  ] as const) {
    const p = requirePublished(id);
    const unit = 10 ** -(p.decimals ?? 2) / 2;
    const g = value - (p.value as number);
    rows.push({
      key: `28-${quantity}`,
      ref: "28",
      publishedId: id,
      quantity,
      year: 2024,
      computed: value,
      computedYear: 2024,
      published: p.value as number,
      comparison: null,
      gap: g,
      tolerance: unit,
      status: Math.abs(g) <= unit ? "reproduced" : "approximate",
      tableId: `${ANNUAL}+${VINTAGES}`,
      method: method("population_sd_of_nominal_growth_2013_2024", [ANNUAL, VINTAGES], "V2"),
      reason: { code: "volatility_vintages", params: { window: [2013, 2024], ddof: 0, shown: "V2", variants } },
      citation: seedCitation(p),
    });
  }
  const slowdown = requirePublished("s001-gdp-nominal-growth-slowdown-2024");
  const v1 = variants[0] as (typeof variants)[number];
  const less = v1.g2023 - v1.g2024;
  rows.push({
    key: "29-nominal-growth-slowdown",
    ref: "29",
    publishedId: slowdown.id,
    quantity: "growth_slowdown",
    year: 2024,
    computed: less,
    computedYear: 2024,
    published: slowdown.value as number,
    comparison: null,
    gap: less - (slowdown.value as number),
    tolerance: 0.05,
    status: Math.abs(less - (slowdown.value as number)) <= 0.05 ? "reproduced" : "approximate",
    tableId: `${ANNUAL}+${VINTAGES}`,
    method: method("nominal_growth_2023_minus_2024", [ANNUAL, VINTAGES], "V1"),
    reason: {
      code: "growth_slowdown",
      params: { g2023: v1.g2023, g2024: v1.g2024, computed: less, printed: slowdown.printed },
    },
    citation: seedCitation(slowdown),
  });

  for (const [id, quantity, series] of NOT_PUBLIC) {
    const p = requirePublished(id);
    rows.push({
      key: `${p.ref}-${id}`,
      ref: String(p.ref),
      publishedId: id,
      quantity,
      year: p.year ?? 0,
      computed: null,
      computedYear: p.year ?? 0,
      published: typeof p.value === "number" ? p.value : null,
      comparison: null,
      gap: null,
      tolerance: null,
      status: "not_comparable",
      tableId: "",
      method: method("not_computed", []),
      reason: { code: "series_not_public", params: { series } },
      citation: seedCitation(p),
    });
  }
  return { rows };
}
