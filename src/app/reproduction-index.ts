/**
 * Seed reproduction, composite-index family (rows 5 and 9 of spec §16): what can be recomputed of the
 * integration index's headline and of its cycle from printed numbers and NBS data.
 *
 * - Row 5 — seed 000 §二(一)1: "增长了约3倍", "年均增速约12%", "近5个百分点": recomputed from the
 *   printed index endpoints (2012 and 2024; row 4, read from src/data/published) and NBS nominal GDP 2012 (annual series)
 *   and 2024 (the preliminary release, on the census-revised 2023 base — the vintage the seed's
 *   authors had; spec §2.1).
 * - Row 9 — seed 000 §二(一)2, 图3: technical weakness (growth falling two years running) from NBS
 *   real and nominal GDP growth, 2012–2024, against the seed's printed phases 2019–2020 and 2023–.
 *   Real growth: constant-price GDP, chained where NBS changes the price base (years ending in 0 and
 *   5: the first year of a new base is divided by the previous year's current-price GDP, which is the
 *   previous year in its own prices); 2024: the published preliminary growth. Nominal growth
 *   (spec §9.6 variant V1): each year's first-published level over the previous year's level as then
 *   published; 2024: the preliminary level over the census-revised 2023 level.
 *
 * Printed numbers come only from `src/data/published`; every series is read from the store.
 */
import { cagr, growthMultiple, percentagePointGap, technicalWeakness } from "../core/index.js";
import { requirePublished, seedCitation } from "../data/index.js";
import { type DatasetSource, requireSeries } from "./dataset-source.js";
import type { IndexReproductionMethod, ReproductionRow } from "./reproduction.js";

const ANNUAL = "cn-nbs-gdp-annual";
const VINTAGES = "cn-nbs-headline-vintages";
const GDP = "国内生产总值(亿元)";
const GDP_REAL = "不变价国内生产总值(亿元)";
const GDP_PRELIMINARY = "国内生产总值(亿元)@preliminary";
const GDP_REVISED = "国内生产总值(亿元)@revised_5th_census";
const GROWTH_PRELIMINARY = "国内生产总值增长率（不变价）(%)@preliminary";
/** The window of the seed's cycle figure (图3). */
const WINDOW: readonly [number, number] = [2012, 2024];

/** Values of one indicator by year. */
async function byYear(source: DatasetSource, id: string, indicator: string): Promise<Map<number, number>> {
  const s = await requireSeries(source, id, { indicators: [indicator] });
  return new Map(s.observations.filter((o) => o.indicator === indicator).map((o) => [Number(o.period), o.value]));
}

function need(map: Map<number, number>, year: number, what: string): number {
  const v = map.get(year);
  if (v === undefined) throw new Error(`reproduceIndexSeedFigures: ${what} ${year} missing from the store`);
  return v;
}

/**
 * Real GDP growth (%) by year: constant-price GDP chained where the price base changes — the first year
 * in a new base's prices is divided by the previous year's current-price GDP (the previous year being
 * the new base year). The years come from the dataset's `constant_prices_rebased` caveat.
 */
function realGrowth(
  current: Map<number, number>,
  constant: Map<number, number>,
  rebased: ReadonlySet<number>,
  years: readonly number[],
): number[] {
  return years.map((t) => {
    const base = rebased.has(t) ? need(current, t - 1, GDP) : need(constant, t - 1, GDP_REAL);
    return 100 * (need(constant, t, GDP_REAL) / base - 1);
  });
}

/** The years in which the dataset's constant-price column changes its price base (its caveat). */
async function rebasedYears(source: DatasetSource): Promise<ReadonlySet<number>> {
  const meta = await source.getMeta(ANNUAL);
  const c = meta?.provenance.caveats.find((x) => x.code === "constant_prices_rebased");
  if (c === undefined || c.code !== "constant_prices_rebased")
    throw new Error(`reproduceIndexSeedFigures: ${ANNUAL} has no constant_prices_rebased caveat`);
  return new Set(c.params.rebasedYears);
}

/**
 * Rows 5 and 9 (复现：指数与周期).
 * @param source the store (reads cn-nbs-gdp-annual and cn-nbs-headline-vintages)
 * @throws Error when a shipped series or a published value is missing (a broken installation)
 */
export async function reproduceIndexSeedFigures(source: DatasetSource): Promise<{ rows: ReproductionRow[] }> {
  const current = await byYear(source, ANNUAL, GDP);
  const constant = await byYear(source, ANNUAL, GDP_REAL);
  const preliminary = await byYear(source, VINTAGES, GDP_PRELIMINARY);
  const revised = await byYear(source, VINTAGES, GDP_REVISED);
  const realPreliminary = await byYear(source, VINTAGES, GROWTH_PRELIMINARY);
  const rows: ReproductionRow[] = [];

  // row 5 — arithmetic from the printed endpoints
  const start = requirePublished("s000-index-level-2012");
  const end = requirePublished("s000-index-level-2024");
  const v0 = start.value as number;
  const v1 = end.value as number;
  const [from, to] = [start.year as number, end.year as number];
  const gdpFrom = need(current, from, GDP);
  const gdpTo = need(preliminary, to, GDP_PRELIMINARY);
  const indexCagr = cagr(v0, v1, to - from);
  const gdpCagr = cagr(gdpFrom, gdpTo, to - from);
  const arithmetic: readonly [string, "growth_multiple" | "cagr" | "cagr_gap", number, string][] = [
    [
      "s000-index-growth-multiple",
      "growth_multiple",
      growthMultiple(v0, v1).increase,
      "growth_multiple_from_endpoints",
    ],
    ["s000-index-cagr", "cagr", indexCagr, "cagr_from_printed_endpoints"],
    ["s000-index-gap-vs-gdp", "cagr_gap", percentagePointGap(indexCagr, gdpCagr), "cagr_gap_vs_nominal_gdp"],
  ];
  for (const [id, quantity, computed, rule] of arithmetic) {
    const p = requirePublished(id);
    const printed = p.value as number;
    const unit = 10 ** -(p.decimals ?? 0);
    const qualifier = p.qualifier === "nearly" ? "nearly" : "about";
    const holds =
      qualifier === "about" ? Math.abs(computed - printed) < unit : computed <= printed && printed - computed < unit;
    const method: IndexReproductionMethod = {
      family: "index",
      rule,
      datasets: quantity === "cagr_gap" ? [ANNUAL, VINTAGES] : [],
    };
    rows.push({
      key: `5-${quantity}`,
      ref: "5",
      publishedId: id,
      quantity,
      year: to,
      computed,
      computedYear: to,
      published: printed,
      comparison: null,
      gap: computed - printed,
      tolerance: unit,
      status: holds ? "reproduced" : "approximate",
      tableId: quantity === "cagr_gap" ? `${ANNUAL}+${VINTAGES}` : "",
      method,
      reason: {
        code: "printed_endpoints",
        params: {
          quantity,
          from,
          to,
          startValue: v0,
          endValue: v1,
          ...(quantity === "cagr_gap" && { gdpCagr, gdpFrom, gdpTo }),
          computed,
          printed: p.printed,
          qualifier,
          unit,
          holds,
        },
      },
      citation: seedCitation(p),
    });
  }

  // row 9 — technical-weakness episodes in the printed phases
  // real growth is published for every year of the window; nominal growth is computed from the window's
  // levels, so it starts a year later (spec §3.4: 2013–2024)
  const realYears = Array.from({ length: WINDOW[1] - WINDOW[0] + 1 }, (_, t) => WINDOW[0] + t);
  const nominalYears = realYears.slice(1);
  const real = [
    ...realGrowth(
      current,
      constant,
      await rebasedYears(source),
      realYears.filter((y) => y < 2024),
    ),
    need(realPreliminary, 2024, GROWTH_PRELIMINARY),
  ];
  const nominal = nominalYears.map((t) =>
    t === 2024
      ? 100 * (need(preliminary, 2024, GDP_PRELIMINARY) / need(revised, 2023, GDP_REVISED) - 1)
      : 100 * (need(current, t, GDP) / need(current, t - 1, GDP) - 1),
  );
  const series = [
    ["real_gdp_growth", real, realYears, "constant_price_gdp_chained_at_base_years; 2024 preliminary growth"],
    [
      "nominal_gdp_growth",
      nominal,
      nominalYears,
      "spec_9_6_v1: first-published level over the previous level as then published",
    ],
  ] as const;
  for (const phaseId of ["s000-cycle-phase-2019", "s000-cycle-phase-2023"]) {
    const phase = requirePublished(phaseId);
    const [phaseFrom, phaseTo] = phase.period as readonly [number, number | null];
    for (const [name, growth, years, how] of series) {
      const w = technicalWeakness(growth, years);
      const weakYears = years.filter((_, t) => w.weak[t] === 1);
      const e = w.episodes.find((x) => x.start === phaseFrom);
      const episode = e === undefined ? null : { start: e.start, end: e.end };
      const phaseEnd = phaseTo ?? WINDOW[1];
      const matches = episode !== null && episode.end === phaseEnd;
      rows.push({
        key: `9-${name}-${phaseFrom}`,
        ref: "9",
        publishedId: phaseId,
        quantity: "weak_episode",
        year: phaseFrom,
        computed: episode === null ? 0 : episode.end - episode.start + 1,
        computedYear: phaseFrom,
        published: null,
        comparison: phaseEnd - phaseFrom + 1,
        gap: (episode === null ? 0 : episode.end - episode.start + 1) - (phaseEnd - phaseFrom + 1),
        tolerance: null,
        status: matches ? "reproduced" : "approximate",
        tableId: name === "real_gdp_growth" ? `${ANNUAL}+${VINTAGES}` : `${ANNUAL}+${VINTAGES}`,
        method: { family: "index", rule: "technical_weakness", series: how, datasets: [ANNUAL, VINTAGES] },
        reason: {
          code: "weak_episode",
          params: {
            series: name,
            phaseFrom,
            phaseTo,
            weakYears,
            episode,
            matches,
            window: [years[0] as number, years[years.length - 1] as number],
          },
        },
        citation: seedCitation(phase),
      });
    }
  }
  rows.push(...(await proxyRows(source)));
  return { rows };
}

/** Rows 6 and 8 from the public-data proxy of the index (fusion-index.ts): approximate by nature. */
async function proxyRows(source: DatasetSource): Promise<ReproductionRow[]> {
  const { fusionIndex } = await import("./fusion-index.js");
  const proxy = await fusionIndex(source);
  const years = proxy.years.map((y) => y.year);
  const window: readonly [number, number] = [years[0] as number, years[years.length - 1] as number];
  const method: IndexReproductionMethod = {
    family: "index",
    rule: "fusion_index_public_proxy",
    series: `base ${proxy.baseYear}; digital products ${proxy.digitalCodes.join("+")}`,
    datasets: proxy.provenance.datasets.map((d) => d.id),
  };
  const out: ReproductionRow[] = [];
  // rows 4 and 7: 2012 levels beside the printed ones (the proxy has no 2023/2024)
  for (const [id, component, ref] of [
    ["s000-index-level-2012", "total", "4"],
    ["s000-index-consumption-2012", "consumption", "7"],
  ] as const) {
    const p = requirePublished(id);
    const y = proxy.years.find((x) => x.year === p.year);
    if (y === undefined) continue;
    const computed = component === "total" ? y.index : y.consumptionIndex;
    out.push({
      key: `${ref}-${component}-${p.year}`,
      ref,
      publishedId: id,
      quantity: "index_level",
      year: p.year as number,
      computed,
      computedYear: y.year,
      published: p.value,
      comparison: null,
      gap: computed - (p.value as number),
      tolerance: null,
      status: "not_comparable",
      tableId: y.table,
      method,
      reason: {
        code: "proxy_level",
        params: { component, year: y.year, computed, printed: p.value as number, baseYear: proxy.baseYear },
      },
      citation: seedCitation(p),
    });
  }
  const crossing = requirePublished("s000-index-gdp-crossing-year");
  const c = proxy.stats.crossingYear;
  const above = proxy.years.find((y) => y.index >= y.gdpIndex)?.year ?? null;
  out.push({
    key: "6-crossing",
    ref: "6",
    publishedId: crossing.id,
    quantity: "crossing_year",
    year: crossing.year as number,
    computed: c,
    computedYear: c ?? window[1],
    published: crossing.value,
    comparison: null,
    gap: c === null ? null : c - (crossing.value as number),
    tolerance: 1,
    status: c !== null && Math.abs(c - (crossing.value as number)) <= 1 ? "reproduced" : "approximate",
    tableId: `cn-oecd-iot-${window[0]}…${window[1]}`,
    method,
    reason: {
      code: "proxy_crossing",
      params: { crossing: c, printed: crossing.value as number, baseYear: proxy.baseYear, window, aboveFrom: above },
    },
    citation: seedCitation(crossing),
  });
  const invest = requirePublished("s000-index-investment-growth-2012-2018");
  const [from, to] = invest.period as readonly [number, number];
  const w = proxy.stats.windows.find((x) => x.from === from && x.to === to);
  if (w !== undefined && w.investmentCagr !== null) {
    out.push({
      key: "8-investment-2012-2018",
      ref: "8",
      publishedId: invest.id,
      quantity: "component_cagr",
      year: to,
      computed: w.investmentCagr,
      computedYear: to,
      published: invest.value,
      comparison: null,
      gap: w.investmentCagr - (invest.value as number),
      tolerance: null,
      status: "approximate",
      tableId: `cn-oecd-iot-${from}…${to}`,
      method,
      reason: {
        code: "proxy_growth",
        params: { component: "investment", from, to, computed: w.investmentCagr, printed: invest.value as number },
      },
      citation: seedCitation(invest),
    });
  }
  return out;
}

/**
 * Every reproduction row (复现表): the IO family's (rows 13, 14, 35) and the composite-index family's
 * (rows 5, 9), ordered by spec row — what `GET /api/reproduction` and the report show.
 */
export async function reproductionTable(source: DatasetSource): Promise<{ rows: ReproductionRow[] }> {
  const { reproduceIoSeedFigures } = await import("./reproduction.js");
  const io = await reproduceIoSeedFigures((id) => source.loadIoTable(id));
  const index = await reproduceIndexSeedFigures(source);
  const { reproduceProductivitySeedFigures } = await import("./reproduction-productivity.js");
  const productivity = await reproduceProductivitySeedFigures(source);
  const { reproduceTiersSeedFigures } = await import("./reproduction-tiers.js");
  const tiers = await reproduceTiersSeedFigures(source);
  const rows = [...io.rows, ...index.rows, ...productivity.rows, ...tiers.rows].sort(
    (a, b) => Number(a.ref) - Number(b.ref),
  );
  return { rows };
}
