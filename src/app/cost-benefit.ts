/**
 * Cost–benefit of digitalisation by tier (数字化成本收益, spec §7; seed 001 §三(二), 图7–8): sector cost
 * ratio and profit-to-cost ratio, their unweighted means by tier, and the regression of the ratios on
 * the digital input share. Two inputs:
 *
 * - `io_proxy` (default, runs on shipped data): each sector-year of the NBS benchmark tables on the
 *   canonical 42 sectors as one industry row — revenue = total output x_j, main cost = intermediate
 *   input + compensation + depreciation (VA001, VA003), other costs = net production taxes (VA002),
 *   profit = operating surplus (VA004). Then CR = cost / x and PR = surplus / (x − surplus). It is a
 *   proxy of the seed's listed-company ratios, labelled so: it measures national-accounts cost
 *   structure, not enterprise reports.
 * - `panel`: an analyst's enterprise financial panel (template `data/templates/costbenefit-financials.csv`:
 *   firm, year, sector, revenue, operating cost, selling/management/R&D/financial expenses, profit,
 *   digital input share), the seed's own method.
 *
 * Digital input per sector-year: the digital share of intermediate inputs of the table (spec §5.6) for
 * the proxy, the panel's column otherwise. Tiers: seed 001's printed three tiers by default. Published
 * tier means (row 30) and regression slopes (row 31) beside.
 */
import {
  type AnnualElasticity,
  type CostComponent,
  componentCosts,
  type Diagnostic,
  digitalisationElasticities,
  type ElasticityWindowMean,
  elasticityWindowMeans,
  type FinancialRow,
  PRIMARY_PRODUCT_SECTORS,
  type RatioRegressionForm,
  type RatioRegressionResult,
  ratioRegression,
  type SectorFinancials,
  sectorRatios,
  type TierAverage,
  tierAverages,
} from "../core/index.js";
import {
  CANONICAL_42,
  type DataIssue,
  DataIssuesError,
  type DatasetMeta,
  frameLabels,
  frameNumbers,
  issue,
  publishedById,
} from "../data/index.js";
import type { DatasetSource } from "./dataset-source.js";
import type { LoadedFrame } from "./frame-input.js";
import { ioIntensity } from "./io-intensity.js";
import { canonical42Table } from "./io-series.js";
import { type Clock, type ResultProvenance, resultProvenance } from "./provenance.js";
import { PUBLISHED_TIERS, printedTiers } from "./tiers.js";

/** The NBS benchmark tables of the proxy. */
export const COST_BENEFIT_TABLES = [
  "cn-nbs-io-2012-139",
  "cn-nbs-io-2015-42",
  "cn-nbs-io-2017-42",
  "cn-nbs-io-2018-42",
  "cn-nbs-io-2020-42",
] as const;

/** The columns of the enterprise panel template, in order. */
export const FINANCIAL_PANEL_COLUMNS = [
  "firm",
  "year",
  "sector",
  "revenue",
  "operating_cost",
  "selling_expense",
  "management_expense",
  "rd_expense",
  "financial_expense",
  "total_profit",
  "digital_input",
] as const;

export interface CostBenefitOptions {
  /** an analyst's panel; absent: the IO proxy on the shipped tables */
  readonly panel?: LoadedFrame;
  /** R&D already inside management expenses (seed 001 footnote 5) @default false */
  readonly rdInAdmin?: boolean;
  /** @default "loglog" */
  readonly form?: RatioRegressionForm;
  /** year effects in the regression @default true */
  readonly yearEffects?: boolean;
  /** sectors left out of the "excluding primary products" means @default S01–S05 */
  readonly exclude?: readonly string[];
  readonly source?: DatasetSource;
  readonly clock?: Clock;
}

export interface CostBenefitResult {
  readonly input: "io_proxy" | "panel";
  readonly dataset: string;
  readonly years: readonly number[];
  readonly sectors: readonly (SectorFinancials & {
    readonly digitalInput: number | null;
    readonly tier: string | null;
    /** canonical sector names (NBS 2012 42-sector list) */
    readonly nameZh: string | null;
    readonly nameEn: string | null;
  })[];
  /** tier means per year (all sectors, and without the excluded primary-product sectors) */
  readonly tierMeans: readonly TierAverage[];
  readonly tierMeansExcluding: readonly TierAverage[];
  readonly regressions: {
    readonly costRatio: RatioRegressionResult | null;
    readonly profitRatio: RatioRegressionResult | null;
  };
  /**
   * digitalisation elasticities by cost component (spec §7.5: per year, ln(C^k/Rev) on ln DI across
   * sectors) and their window means; the proxy has one component (its main cost = production)
   */
  readonly elasticities: {
    readonly components: readonly CostComponent[];
    readonly annual: readonly AnnualElasticity[];
    readonly means: readonly ElasticityWindowMean[];
  };
  /** printed tier means (percent) and slopes, beside */
  readonly published: readonly { readonly id: string; readonly value: number; readonly year: number | null }[];
  readonly diagnostics: readonly Diagnostic[];
  readonly provenance: ResultProvenance;
}

async function proxyRows(
  source: DatasetSource,
): Promise<{ rows: FinancialRow[]; di: Map<string, number>; metas: DatasetMeta[] }> {
  const rows: FinancialRow[] = [];
  const di = new Map<string, number>();
  const metas: DatasetMeta[] = [];
  for (const id of COST_BENEFIT_TABLES) {
    const canon = await canonical42Table(source, id);
    metas.push(canon.meta, ...canon.also);
    const year = canon.meta.years[0] as number;
    const t = canon.table;
    const va = (code: string, j: number) => t.valueAdded?.find((r) => r.code === code)?.values[j] ?? 0;
    const intensity = await ioIntensity({ table: t, meta: canon.meta, source });
    t.sectors.forEach((s, j) => {
      let z = 0;
      for (let i = 0; i < t.sectors.length; i++) z += t.Z.data[i * t.Z.cols + j] as number;
      rows.push({
        year,
        sector: s.code,
        revenueMain: t.output[j] as number,
        costMain: z + va("VA001", j) + va("VA003", j),
        sellingExp: 0,
        adminExp: va("VA002", j),
        rdExp: 0,
        financialExp: 0,
        totalProfit: va("VA004", j),
      });
      const d = intensity.sectors[j]?.directIntermediate;
      if (d !== null && d !== undefined) di.set(`${s.code}\u0000${year}`, d);
    });
  }
  return { rows, di, metas };
}

function panelRows(input: LoadedFrame): { rows: FinancialRow[]; di: Map<string, number> } {
  const { frame } = input;
  const firms = frameLabels(frame, "firm");
  const sectors = frameLabels(frame, "sector");
  const nums = frameNumbers(frame, [
    "year",
    "revenue",
    "operating_cost",
    "selling_expense",
    "management_expense",
    "rd_expense",
    "financial_expense",
    "total_profit",
    "digital_input",
  ]);
  const issues: DataIssue[] = [];
  for (const r of [firms, sectors, nums]) if (!r.ok) issues.push(...r.issues);
  if (issues.length > 0 || !firms.ok || !sectors.ok || !nums.ok) throw new DataIssuesError(issues);
  const col = (k: number) => nums.value[k] as (number | null)[];
  const rows: FinancialRow[] = [];
  const di = new Map<string, { sum: number; weight: number }>();
  const colOf = new Map(frame.columns.map((c) => [c.name, c.column]));
  frame.rows.forEach((_, i) => {
    const missing = [
      "year",
      "revenue",
      "operating_cost",
      "selling_expense",
      "management_expense",
      "rd_expense",
      "financial_expense",
      "total_profit",
    ].filter((_, k) => col(k)[i] === null);
    for (const name of missing)
      issues.push(
        issue(
          "missing_value",
          { file: frame.file, row: frame.rowNumbers[i] as number, column: colOf.get(name) as number, columnName: name },
          {},
        ),
      );
    const sector = sectors.value[i] as string;
    if (!/^S(0[1-9]|[1-3]\d|4[0-2])$/.test(sector))
      issues.push(
        issue(
          "invalid_value",
          {
            file: frame.file,
            row: frame.rowNumbers[i] as number,
            column: colOf.get("sector") as number,
            columnName: "sector",
          },
          { value: sector, expected: ["S01", "…", "S42"] },
        ),
      );
    if (missing.length > 0) return;
    const year = col(0)[i] as number;
    rows.push({
      firmId: firms.value[i] as string,
      year,
      sector,
      revenueMain: col(1)[i] as number,
      costMain: col(2)[i] as number,
      sellingExp: col(3)[i] as number,
      adminExp: col(4)[i] as number,
      rdExp: col(5)[i] as number,
      financialExp: col(6)[i] as number,
      totalProfit: col(7)[i] as number,
    });
    // a sector's digital input: the revenue-weighted mean of its firms' values
    const d = col(8)[i];
    if (d !== null && d !== undefined) {
      const key = `${sector}\u0000${year}`;
      const cur = di.get(key) ?? { sum: 0, weight: 0 };
      di.set(key, { sum: cur.sum + d * (col(1)[i] as number), weight: cur.weight + (col(1)[i] as number) });
    }
  });
  if (issues.length > 0) throw new DataIssuesError(issues);
  return {
    rows,
    di: new Map([...di].filter(([, v]) => v.weight > 0).map(([k, v]) => [k, v.sum / v.weight])),
  };
}

/**
 * Cost and profit ratios by digitalisation tier and their regression on digital input (数字化成本收益).
 * @throws {DataIssuesError} (panel: missing columns or cells, non-numeric values); {DatasetNotFoundError};
 *   {CoreError} from the core
 */
export async function costBenefit(options: CostBenefitOptions): Promise<CostBenefitResult> {
  let rows: FinancialRow[];
  let di: Map<string, number>;
  let metas: DatasetMeta[];
  if (options.panel !== undefined) {
    ({ rows, di } = panelRows(options.panel));
    metas = [options.panel.meta];
  } else {
    if (options.source === undefined) throw new Error("costBenefit needs a dataset source for the IO proxy");
    ({ rows, di, metas } = await proxyRows(options.source));
  }
  const ratios = sectorRatios(rows, { rdInAdmin: options.rdInAdmin ?? false });
  const tiers = printedTiers("three");
  const membership = Object.fromEntries(tiers);
  const tierOrder = PUBLISHED_TIERS.three.map(([t]) => t);
  const means = tierAverages(ratios.sectors, membership, { tierOrder });
  const exclude = options.exclude ?? PRIMARY_PRODUCT_SECTORS;
  const meansExcl = tierAverages(ratios.sectors, membership, { tierOrder, exclude });
  const observations = (pick: (s: SectorFinancials) => number | null) =>
    ratios.sectors
      .map((s) => ({
        sector: s.sector,
        year: s.year,
        ratio: pick(s),
        digitalInput: di.get(`${s.sector}\u0000${s.year}`) ?? null,
      }))
      .filter(
        (o): o is { sector: string; year: number; ratio: number; digitalInput: number } =>
          o.ratio !== null && o.digitalInput !== null,
      );
  const years = [...new Set(ratios.sectors.map((s) => s.year))].sort((a, b) => a - b);
  const window = { from: years[0] as number, to: years[years.length - 1] as number };
  const regress = (pick: (s: SectorFinancials) => number | null) => {
    const obs = observations(pick);
    if (obs.length < 3) return null;
    return ratioRegression(obs, {
      form: options.form ?? "loglog",
      yearEffects: options.yearEffects ?? true,
      years: window,
    });
  };
  const costRatio = regress((s) => s.costRatio);
  const profitRatio = regress((s) => s.profitRatio);
  // elasticities: the proxy's costs other than the main cost are zero, so only production is estimated
  const components: CostComponent[] =
    options.panel !== undefined ? ["production", "management_rd", "financial", "sales"] : ["production"];
  const elasticityObs = ratios.sectors.flatMap((s) => {
    const d = di.get(`${s.sector}\u0000${s.year}`);
    return d === undefined
      ? []
      : [{ sector: s.sector, year: s.year, digitalInput: d, revenue: s.revenueMain, costs: componentCosts(s) }];
  });
  const annual = digitalisationElasticities(elasticityObs, { components });
  const windowMeans = elasticityWindowMeans(annual.annual, [{ from: window.from, to: window.to }]);
  const published = [
    "s001-cost-ratio-high-2023",
    "s001-cost-ratio-medium-2023",
    "s001-cost-ratio-low-2023",
    "s001-profit-ratio-high-2023",
    "s001-profit-ratio-medium-2023",
    "s001-profit-ratio-low-2023",
    "s001-profit-ratio-medium-excl-primary-2023",
    "s001-profit-ratio-low-excl-primary-2023",
    "s001-regression-cost-ratio",
    "s001-regression-profit-ratio",
  ].flatMap((id) => {
    const v = publishedById(id);
    return typeof v?.value === "number" ? [{ id, value: v.value, year: v.year ?? null }] : [];
  });
  const input = options.panel !== undefined ? ("panel" as const) : ("io_proxy" as const);
  return {
    input,
    dataset: input === "panel" ? (metas[0]?.id ?? "") : COST_BENEFIT_TABLES.join(","),
    years,
    sectors: ratios.sectors.map((s) => ({
      ...s,
      digitalInput: di.get(`${s.sector}\u0000${s.year}`) ?? null,
      tier: tiers.get(s.sector) ?? null,
      nameZh: CANONICAL_42.find((c) => c.id === s.sector)?.nameZh ?? null,
      nameEn: CANONICAL_42.find((c) => c.id === s.sector)?.nameEn ?? null,
    })),
    tierMeans: means.averages,
    tierMeansExcluding: meansExcl.averages,
    regressions: { costRatio, profitRatio },
    elasticities: { components, annual: annual.annual, means: windowMeans.means },
    published,
    diagnostics: [
      ...(ratios.diagnostics as readonly Diagnostic[]),
      ...(means.diagnostics as readonly Diagnostic[]),
      ...((costRatio?.diagnostics ?? []) as readonly Diagnostic[]),
      ...((profitRatio?.diagnostics ?? []) as readonly Diagnostic[]),
      ...(annual.diagnostics as readonly Diagnostic[]),
      ...(windowMeans.diagnostics as readonly Diagnostic[]),
    ],
    provenance: resultProvenance(
      [...new Map(metas.map((m) => [m.id, m])).values()],
      "cost_benefit",
      {
        input,
        proxy:
          input === "io_proxy"
            ? {
                revenue: "total output x_j",
                cost: "Σ_i z_ij + VA001 compensation + VA003 depreciation",
                otherCosts: "VA002 net production taxes",
                profit: "VA004 operating surplus",
                digitalInput: "DI_direct_intermediate of the same table (S20, S32)",
              }
            : null,
        tiers: PUBLISHED_TIERS.three.map(([, id]) => id),
        tierMean: "unweighted mean of sector ratios",
        exclude: [...exclude],
        form: options.form ?? "loglog",
        yearEffects: options.yearEffects ?? true,
        se: "clustered by sector",
        rdInAdmin: options.rdInAdmin ?? false,
      },
      options.clock,
    ),
  };
}
