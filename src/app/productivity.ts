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
import { type Diagnostic, type EmploymentDenominator, labourProductivity, type YearValue } from "../core/index.js";
import type { DatasetMeta } from "../data/index.js";
import { type DatasetSource, requireSeries } from "./dataset-source.js";
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
