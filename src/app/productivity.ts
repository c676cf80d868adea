/**
 * Use cases of the productivity family (生产率): overall labour productivity (全员劳动生产率, spec §4.1)
 * from the shipped NBS series, beside NBS's printed values; and the volatility (SD, CV) of a growth
 * series (spec §9.5–9.6).
 *
 * Labour productivity = GDP at constant prices / employment, the denominator the average of this and
 * last year-end employment (NBS practice; option year-end only). Inputs: `cn-nbs-gdp-annual`
 * (不变价国内生产总值, whose price base changes in years ending in 0 and 5 — the dataset's caveat) and
 * `cn-nbs-headline-vintages` (year-end employment, final vintage; the communiqués' printed values).
 * The printed value is kept beside the computed one, never replacing it silently: a difference above
 * the tolerance is a diagnostic, and the reason is in the row (price base, vintage).
 */
import {
  type ChainedYear,
  capitalDeepening,
  chainConstantPrices,
  type Diagnostic,
  type EmploymentDenominator,
  growthAccounting,
  labourProductivity,
  perpetualInventory,
  volatility,
  type YearValue,
} from "../core/index.js";
import type { DatasetMeta } from "../data/index.js";
import { type DatasetSource, requireSeries } from "./dataset-source.js";
import { type FrameRef, type FrameRefOptions, frameOf, timeSeries } from "./econometrics.js";
import { type Clock, type ResultProvenance, resultProvenance } from "./provenance.js";

/** The shipped series the labour-productivity use case reads. */
export const LABOUR_PRODUCTIVITY_SOURCES = {
  gdp: { dataset: "cn-nbs-gdp-annual", indicator: "不变价国内生产总值(亿元)" },
  employment: { dataset: "cn-nbs-headline-vintages", indicator: "就业人员（年末）(万人)@final" },
  official: { dataset: "cn-nbs-headline-vintages", indicator: "全员劳动生产率(元/人)@preliminary" },
} as const;

export interface LabourProductivityAppOptions {
  /** @default "average" */
  readonly denominator?: EmploymentDenominator;
  /** relative difference above which computed and printed values are flagged @default 0.005 (spec §4.1) */
  readonly tolerance?: number;
  readonly source: DatasetSource;
  readonly clock?: Clock;
}

export interface LabourProductivityYear {
  readonly year: number;
  /** GDP at constant prices, 亿元 (null when the series has no value) */
  readonly gdpConstant: number | null;
  /** the price base of gdpConstant: the last base year ≤ year among the dataset's rebasing years */
  readonly priceBase: number | null;
  /** the employment denominator used, 万人 */
  readonly employment: number | null;
  /** computed, 元/人 */
  readonly computed: number | null;
  /** printed by NBS, 元/人 */
  readonly official: number | null;
  /** (computed − official) / official */
  readonly relativeDifference: number | null;
}

export interface LabourProductivityAppResult {
  readonly denominator: EmploymentDenominator;
  readonly unit: "元/人";
  readonly years: readonly LabourProductivityYear[];
  readonly diagnostics: readonly Diagnostic[];
  readonly provenance: ResultProvenance;
}

async function series(
  source: DatasetSource,
  dataset: string,
  indicator: string,
): Promise<{ meta: DatasetMeta; values: YearValue[] }> {
  const s = await requireSeries(source, dataset, { indicators: [indicator] });
  const values = s.observations
    .filter((o) => o.indicator === indicator && /^\d{4}$/.test(o.period))
    .map((o) => ({ year: Number(o.period), value: o.value }));
  return { meta: s.meta, values };
}

/**
 * Overall labour productivity from the shipped NBS series, beside NBS's printed values (全员劳动生产率).
 * @throws {DatasetNotFoundError} when a shipped series is not in the store
 */
export async function labourProductivitySeries(
  options: LabourProductivityAppOptions,
): Promise<LabourProductivityAppResult> {
  const S = LABOUR_PRODUCTIVITY_SOURCES;
  const gdp = await series(options.source, S.gdp.dataset, S.gdp.indicator);
  const employment = await series(options.source, S.employment.dataset, S.employment.indicator);
  const official = await series(options.source, S.official.dataset, S.official.indicator);
  const denominator = options.denominator ?? "average";
  // years with employment (and the year before it, for the average): productivity is not extrapolated
  const employed = new Set(employment.values.map((v) => v.year));
  const first = Math.min(...employment.values.map((v) => v.year)) + (denominator === "average" ? 1 : 0);
  const gdpInRange = gdp.values.filter((v) => v.year >= first && employed.has(v.year));
  const r = labourProductivity({
    gdpConstant: gdpInRange,
    employment: employment.values,
    denominator,
    official: official.values,
    ...(options.tolerance !== undefined && { tolerance: options.tolerance }),
  });
  const rebase = gdp.meta.provenance.caveats.find((c) => c.code === "constant_prices_rebased");
  const bases = rebase?.code === "constant_prices_rebased" ? [...rebase.params.rebasedYears].sort((a, b) => a - b) : [];
  const gdpByYear = new Map(gdp.values.map((v) => [v.year, v.value]));
  const years = r.rows.map((row) => {
    // the rebasing years are the first years in a new base's prices: the base is the year before
    const firstInBase = bases.filter((b) => b <= row.year).pop();
    const base = firstInBase === undefined ? null : firstInBase - 1;
    return {
      year: row.year,
      gdpConstant: gdpByYear.get(row.year) ?? null,
      priceBase: base,
      employment: row.employmentDenominator,
      computed: row.computed,
      official: row.official,
      relativeDifference: row.relativeDifference,
    };
  });
  return {
    denominator,
    unit: "元/人",
    years,
    diagnostics: r.diagnostics as readonly Diagnostic[],
    provenance: resultProvenance(
      [gdp.meta, employment.meta],
      "labour_productivity",
      {
        gdp: S.gdp,
        employment: S.employment,
        official: S.official,
        denominator,
        tolerance: options.tolerance ?? 0.005,
        formula: "GDP(constant prices) / employment × 1e4 (亿元/万人 → 元/人)",
      },
      options.clock,
    ),
  };
}

// ---------------------------------------------------------------------------------------------------
// Growth accounting and digital capital on a data frame (spec §8.1–8.2, §9.4)

export interface TfpGrowthOptions {
  /** real output column */
  readonly output: string;
  /** capital stock column */
  readonly capital: string;
  /** labour input column */
  readonly labour: string;
  /** the capital share: a number in [0, 1], or a column of labour shares (s_K = 1 − share) */
  readonly capitalShare: number | { readonly labourShareColumn: string };
  /** @default "tornqvist" */
  readonly method?: "tornqvist" | "simple";
  /** a published TFP index column to compare with (e.g. PWT `rtfpna`) */
  readonly compare?: string;
  readonly from?: number;
  readonly to?: number;
  readonly time?: string;
}

export interface TfpGrowthResult {
  readonly dataset: string;
  readonly method: "tornqvist" | "simple";
  readonly periods: readonly {
    readonly year: number | null;
    readonly outputGrowth: number;
    readonly capitalGrowth: number;
    readonly labourGrowth: number;
    readonly capitalShare: number;
    readonly tfpGrowth: number;
    readonly contributions: { readonly capital: number; readonly labour: number; readonly tfp: number } | null;
    /** growth of the published TFP index (same growth definition), when `compare` is given */
    readonly comparedGrowth: number | null;
  }[];
  /** mean TFP growth, its SD and CV over the periods (population SD); contribution = mean g_A / mean g_Y */
  readonly summary: {
    readonly meanTfpGrowth: number;
    readonly meanTfpContribution: number | null;
    readonly sd: number;
    readonly cv: number | null;
  };
  readonly diagnostics: readonly Diagnostic[];
  readonly provenance: ResultProvenance;
}

/**
 * TFP growth accounting on columns of a data frame (增长核算：全要素生产率增长).
 * @throws as the econometric use cases (missing columns, cells, gaps); {CoreError} from growthAccounting
 */
export async function tfpGrowth(
  ref: FrameRef,
  options: TfpGrowthOptions,
  context: FrameRefOptions = {},
): Promise<TfpGrowthResult> {
  const { frame, meta } = await frameOf(ref, context.source);
  const shareColumn = typeof options.capitalShare === "number" ? [] : [options.capitalShare.labourShareColumn];
  const names = [
    options.output,
    options.capital,
    options.labour,
    ...shareColumn,
    ...(options.compare !== undefined ? [options.compare] : []),
  ];
  const { series, years } = timeSeries(frame, names, options.time, { from: options.from, to: options.to });
  const method = options.method ?? "tornqvist";
  const share =
    typeof options.capitalShare === "number"
      ? options.capitalShare
      : Float64Array.from(series[3] as Float64Array, (s) => 1 - s);
  const r = growthAccounting({
    output: series[0] as Float64Array,
    capital: series[1] as Float64Array,
    labour: series[2] as Float64Array,
    capitalShare: share,
    method,
  });
  const cmp = options.compare !== undefined ? (series[names.length - 1] as Float64Array) : undefined;
  const g = (a: number, b: number) => (method === "tornqvist" ? Math.log(b / a) : b / a - 1);
  const periods = r.periods.map((p, i) => ({
    year: years === null ? null : (years[i + 1] as number),
    ...p,
    comparedGrowth: cmp === undefined ? null : g(cmp[i] as number, cmp[i + 1] as number),
  }));
  const tfp = periods.map((p) => p.tfpGrowth);
  const v = volatility(tfp);
  // the period's contribution is the ratio of the mean growth rates (a mean of yearly ratios is
  // dominated by years of near-zero output growth)
  const meanOutputGrowth = periods.reduce((a, p) => a + p.outputGrowth, 0) / Math.max(1, periods.length);
  return {
    dataset: meta.id,
    method,
    periods,
    summary: {
      meanTfpGrowth: v.mean,
      meanTfpContribution: Math.abs(meanOutputGrowth) < 1e-6 ? null : v.mean / meanOutputGrowth,
      sd: v.sd,
      cv: v.cv,
    },
    diagnostics: [...(r.diagnostics as readonly Diagnostic[]), ...(v.diagnostics as readonly Diagnostic[])],
    provenance: resultProvenance(
      [meta],
      "tfp_growth_accounting",
      {
        output: options.output,
        capital: options.capital,
        labour: options.labour,
        capitalShare:
          typeof options.capitalShare === "number"
            ? options.capitalShare
            : `1 − ${options.capitalShare.labourShareColumn}`,
        method,
        compare: options.compare ?? null,
        window: years === null ? null : [years[0], years[years.length - 1]],
      },
      context.clock,
    ),
  };
}

export interface DigitalCapitalOptions {
  readonly investment: string;
  readonly deflator?: string;
  readonly delta: number;
  /** years of real-investment growth for the initial stock @default 5 */
  readonly gWindow?: number;
  /** a labour column: per-worker capital and the deepening rate */
  readonly labour?: string;
  /** @default "difference" (增长率差) */
  readonly deepening?: "difference" | "ratio";
  readonly from?: number;
  readonly to?: number;
  readonly time?: string;
}

export interface DigitalCapitalResult {
  readonly dataset: string;
  readonly delta: number;
  readonly initialGrowth: number | null;
  readonly years: readonly {
    readonly year: number | null;
    readonly investment: number;
    readonly realInvestment: number;
    readonly stock: number;
    readonly perWorker: number | null;
    readonly deepening: number | null;
  }[];
  /** mean deepening rate of the last five years (spec §8.2) */
  readonly averageDeepening: number | null;
  readonly deepeningMethod: "difference" | "ratio" | null;
  readonly diagnostics: readonly Diagnostic[];
  readonly provenance: ResultProvenance;
}

/**
 * Digital capital stock by the perpetual inventory method, and capital deepening (数字资本存量与资本深化).
 * @throws as the econometric use cases; {CoreError} from perpetualInventory (g + δ ≤ 0, I ≤ 0 in the base year)
 */
export async function digitalCapital(
  ref: FrameRef,
  options: DigitalCapitalOptions,
  context: FrameRefOptions = {},
): Promise<DigitalCapitalResult> {
  const { frame, meta } = await frameOf(ref, context.source);
  const names = [
    options.investment,
    ...(options.deflator !== undefined ? [options.deflator] : []),
    ...(options.labour !== undefined ? [options.labour] : []),
  ];
  const { series, years } = timeSeries(frame, names, options.time, { from: options.from, to: options.to });
  const investment = series[0] as Float64Array;
  const deflator = options.deflator !== undefined ? (series[1] as Float64Array) : undefined;
  const labour = options.labour !== undefined ? (series[names.length - 1] as Float64Array) : undefined;
  const pim = perpetualInventory({
    name: options.investment,
    investment,
    ...(deflator !== undefined && { deflator }),
    delta: options.delta,
    initial: { method: "growth", gWindow: options.gWindow ?? 5 },
  });
  const asset = pim.assets[0];
  const deep =
    labour === undefined
      ? undefined
      : capitalDeepening({ capital: pim.stock, labour, method: options.deepening ?? "difference" });
  return {
    dataset: meta.id,
    delta: options.delta,
    initialGrowth: asset?.initialGrowth ?? null,
    years: Array.from(investment, (inv, t) => ({
      year: years === null ? null : (years[t] as number),
      investment: inv,
      realInvestment: asset?.realInvestment[t] as number,
      stock: pim.stock[t] as number,
      perWorker: deep?.perWorker[t] ?? null,
      deepening: deep?.deepening[t] ?? null,
    })),
    averageDeepening: deep?.average ?? null,
    deepeningMethod: deep === undefined ? null : deep.method,
    diagnostics: [
      ...(pim.diagnostics as readonly Diagnostic[]),
      ...((deep?.diagnostics ?? []) as readonly Diagnostic[]),
    ],
    provenance: resultProvenance(
      [meta],
      "digital_capital_pim",
      {
        investment: options.investment,
        deflator: options.deflator ?? null,
        delta: options.delta,
        initial: { method: "growth", gWindow: options.gWindow ?? 5 },
        labour: options.labour ?? null,
        deepening: options.labour === undefined ? null : (options.deepening ?? "difference"),
        formula: "K_t = (1 − δ) K_{t−1} + I_t / P_t; K_0 = (I_0/P_0)/(g + δ)",
      },
      context.clock,
    ),
  };
}

// ---------------------------------------------------------------------------------------------------
// Real GDP chained across NBS's price bases, and the implicit deflator

/** The shipped series the deflator reads, and the published growth it is compared with. */
export const GDP_DEFLATOR_SOURCES = {
  constant: { dataset: "cn-nbs-gdp-annual", indicator: "不变价国内生产总值(亿元)" },
  nominal: { dataset: "cn-nbs-gdp-annual", indicator: "国内生产总值(亿元)" },
  growth: { dataset: "cn-nbs-headline-vintages", indicator: "国内生产总值增长率（不变价）(%)@preliminary" },
} as const;

export interface GdpDeflatorOptions {
  /** the year whose prices the chained series is in @default the latest price base (2020) */
  readonly base?: number;
  /** first year shown @default 1978 (the dataset's constant-price series starts there) */
  readonly from?: number;
  readonly source: DatasetSource;
  readonly clock?: Clock;
}

export interface GdpDeflatorResult {
  readonly base: number;
  readonly unit: "亿元";
  readonly years: readonly (ChainedYear & {
    /** NBS's published real growth (%, first release), where the communiqué data have it */
    readonly publishedGrowth: number | null;
  })[];
  readonly provenance: ResultProvenance;
}

/**
 * NBS real GDP at one year's prices and the implicit GDP deflator (国内生产总值平减指数): the
 * constant-price column chained across its changes of price base (the dataset's
 * `constant_prices_rebased` caveat), beside the real growth NBS printed in its communiqués.
 * @throws {DatasetNotFoundError} when a shipped series is not in the store; {CoreError} from chainConstantPrices
 */
export async function gdpDeflator(options: GdpDeflatorOptions): Promise<GdpDeflatorResult> {
  const S = GDP_DEFLATOR_SOURCES;
  const constant = await series(options.source, S.constant.dataset, S.constant.indicator);
  const nominal = await series(options.source, S.nominal.dataset, S.nominal.indicator);
  const growth = await series(options.source, S.growth.dataset, S.growth.indicator);
  const rebase = constant.meta.provenance.caveats.find((c) => c.code === "constant_prices_rebased");
  const rebasedYears = rebase?.code === "constant_prices_rebased" ? [...rebase.params.rebasedYears] : [];
  const from = options.from ?? 1978;
  const r = chainConstantPrices({
    constant: constant.values.filter((v) => v.year >= from),
    nominal: nominal.values.filter((v) => v.year >= from),
    rebasedYears,
    ...(options.base !== undefined && { base: options.base }),
  });
  const published = new Map(growth.values.map((v) => [v.year, v.value]));
  return {
    base: r.base,
    unit: "亿元",
    years: r.years.map((y) => ({ ...y, publishedGrowth: published.get(y.year) ?? null })),
    provenance: resultProvenance(
      [constant.meta, growth.meta],
      "gdp_chain_linked",
      {
        constant: S.constant,
        nominal: S.nominal,
        published: S.growth,
        rebasedYears,
        base: r.base,
        from,
        rule: "growth_t = C_t / C_{t−1}, or C_t / N_{t−1} in the first year of a new price base; real_t = N_base · Π growth; deflator = 100 · N_t / real_t",
      },
      options.clock,
    ),
  };
}
