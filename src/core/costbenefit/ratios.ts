/**
 * Cost–benefit ratios (成本收益比率) of sectors and their tier averages, spec methods.md §7.1–7.3:
 * the main-business cost ratio (主营业务成本率) and the profit-to-cost ratio (成本费用利润率), each
 * sector's as a ratio of sums over its firms, a tier's as the unweighted mean of its sectors' ratios.
 */
import { CoreError } from "../errors.js";
import { neumaierSum } from "../stats/summation.js";
import type { CostBenefitDiagnostic } from "./codes.js";
import { observationKey } from "./codes.js";

/**
 * Primary-product sectors (初级产品生产行业) of the canonical 42-sector classification: agriculture
 * and mining, S01–S05 (spec §7.3 [INFERRED]).
 */
export const PRIMARY_PRODUCT_SECTORS: readonly string[] = ["S01", "S02", "S03", "S04", "S05"];

/** Raw-material processing sectors the spec offers to add to the exclusion set (S11, S14; §7.3). */
export const RAW_MATERIAL_PROCESSING_SECTORS: readonly string[] = ["S11", "S14"];

/**
 * One firm-year of a listed company's annual report (`firm_financials`, spec §7.2), or one
 * sector-year of industry statistics (`industry_financials`: leave `firmId` out). Money in one unit
 * (e.g. 亿元), current prices. Negative profit and negative financial expenses (net interest income)
 * are allowed.
 */
export interface FinancialRow {
  /** firm id; absent for industry-level rows */
  readonly firmId?: string;
  readonly year: number;
  /** canonical sector id (S01…S42) */
  readonly sector: string;
  /** 主营业务收入 */
  readonly revenueMain: number;
  /** 主营业务成本 (营业成本) */
  readonly costMain: number;
  /** 销售费用 */
  readonly sellingExp: number;
  /** 管理费用 */
  readonly adminExp: number;
  /** 研发费用 */
  readonly rdExp: number;
  /** 财务费用 */
  readonly financialExp: number;
  /** 利润总额 */
  readonly totalProfit: number;
  /** 生产成本, where reported (option for the production component, §7.2) */
  readonly productionCost?: number;
  /**
   * R&D is already booked inside `adminExp` (seed 001 footnote 5): it is not added again
   * @default the `rdInAdmin` option
   */
  readonly rdInAdmin?: boolean;
}

export interface SectorRatioOptions {
  /** default for rows without their own `rdInAdmin` flag @default false (R&D reported separately) */
  readonly rdInAdmin?: boolean;
}

/** The summed financials and ratios of one sector-year. */
export interface SectorFinancials {
  readonly sector: string;
  readonly year: number;
  /** rows summed (firms, or 1 for an industry row) */
  readonly rows: number;
  readonly revenueMain: number;
  readonly costMain: number;
  readonly sellingExp: number;
  /** management + R&D (管理研发费用): adminExp + rdExp, or adminExp alone where R&D is inside it */
  readonly managementRdExp: number;
  readonly financialExp: number;
  readonly totalProfit: number;
  /** Σ productionCost when every row reports it, else null */
  readonly productionCost: number | null;
  /** costMain + sellingExp + managementRdExp + financialExp (成本费用总额) */
  readonly totalCost: number;
  /** CR = costMain / revenueMain; null when revenueMain ≤ 0 */
  readonly costRatio: number | null;
  /** PR = totalProfit / totalCost; null when totalCost ≤ 0 */
  readonly profitRatio: number | null;
}

export interface SectorRatiosResult {
  /** one entry per sector-year, sorted by sector then year */
  readonly sectors: readonly SectorFinancials[];
  /** ratio_denominator_not_positive, rd_in_admin, rd_exceeds_admin */
  readonly diagnostics: readonly CostBenefitDiagnostic[];
}

const MONEY_FIELDS = [
  "revenueMain",
  "costMain",
  "sellingExp",
  "adminExp",
  "rdExp",
  "financialExp",
  "totalProfit",
] as const satisfies readonly (keyof FinancialRow)[];

/**
 * Sector cost–benefit ratios (行业成本收益比率): the main-business cost ratio and the profit-to-cost
 * ratio of every sector-year, as ratios of sums over the sector's firms (spec §7.3 default; not the
 * mean of firm ratios, so large firms weigh more).
 *
 *     CR_{j,t} = Σ_f costMain / Σ_f revenueMain                                   (主营业务成本率)
 *     PR_{j,t} = Σ_f totalProfit / Σ_f (costMain + sellingExp + managementRd + financialExp)  (成本费用利润率)
 *     managementRd = adminExp + rdExp, or adminExp when R&D is booked inside it (flag `rdInAdmin`)
 *
 * A denominator ≤ 0 gives a null ratio and the `ratio_denominator_not_positive` diagnostic (the
 * sector then drops out of the tier means). Rows flagged `rdInAdmin` are reported (`rd_in_admin`), and
 * `rd_exceeds_admin` warns where such a row's R&D exceeds its management expenses.
 *
 * @param rows - {@link FinancialRow} firm-years (or industry sector-years)
 * @param options - {@link SectorRatioOptions}
 * @returns {@link SectorRatiosResult}: sectors (sums and ratios per sector-year), diagnostics
 * @throws {CoreError} non_finite (a money field is not finite; params row, field); invalid_argument
 *   (a year is not an integer; reason "duplicate_observation" when a firm-year appears twice)
 * @example
 * const r = sectorRatios([{ firmId: "f", year: 2023, sector: "S20", revenueMain: 1000, costMain: 800,
 *   sellingExp: 50, adminExp: 40, rdExp: 20, financialExp: 10, totalProfit: 70 }]);
 * r.sectors[0].costRatio;   // => 0.8
 * r.sectors[0].profitRatio; // => 0.0760869… (70 / 920)
 * @see seed 001 §三(二) and footnote 5 (definitions); spec methods.md §7.1–7.3, test §7.6
 * Complexity O(rows · log rows).
 */
export function sectorRatios(rows: readonly FinancialRow[], options: SectorRatioOptions = {}): SectorRatiosResult {
  const fn = "sectorRatios";
  const defaultRdInAdmin = options.rdInAdmin ?? false;
  const groups = new Map<string, FinancialRow[]>();
  const firmYears = new Set<string>();
  const diagnostics: CostBenefitDiagnostic[] = [];
  const rdInside: string[] = [];
  rows.forEach((row, index) => {
    if (!Number.isInteger(row.year))
      throw new CoreError("invalid_argument", {
        function: fn,
        argument: "rows",
        index,
        reason: "year_not_integer",
        received: row.year,
      });
    for (const field of MONEY_FIELDS) {
      if (!Number.isFinite(row[field]))
        throw new CoreError("non_finite", { function: fn, argument: field, index, value: row[field] });
    }
    if (row.productionCost !== undefined && !Number.isFinite(row.productionCost)) {
      throw new CoreError("non_finite", { function: fn, argument: "productionCost", index, value: row.productionCost });
    }
    const id = row.firmId === undefined ? `sector:${row.sector}` : `firm:${row.firmId}`;
    const firmKey = `${id}/${row.year}`;
    if (firmYears.has(firmKey)) {
      throw new CoreError("invalid_argument", {
        function: fn,
        argument: "rows",
        index,
        reason: "duplicate_observation",
        received: firmKey,
      });
    }
    firmYears.add(firmKey);
    const key = observationKey(row.sector, row.year);
    const g = groups.get(key);
    if (g === undefined) groups.set(key, [row]);
    else g.push(row);
    if (row.rdInAdmin ?? defaultRdInAdmin) {
      rdInside.push(row.firmId ?? row.sector);
      if (row.rdExp > row.adminExp) {
        diagnostics.push({
          code: "rd_exceeds_admin",
          severity: "warning",
          params: {
            ...(row.firmId === undefined ? {} : { firm: row.firmId }),
            sector: row.sector,
            year: row.year,
            rdExp: row.rdExp,
            adminExp: row.adminExp,
          },
        });
      }
    }
  });
  if (rdInside.length > 0) {
    diagnostics.push({
      code: "rd_in_admin",
      severity: "info",
      params: { count: rdInside.length, firms: rdInside.slice(0, 20) },
    });
  }

  const sectors: SectorFinancials[] = [];
  for (const g of groups.values()) {
    const first = g[0] as FinancialRow;
    const sum = (f: (r: FinancialRow) => number): number => neumaierSum(g.map(f));
    const revenueMain = sum((r) => r.revenueMain);
    const costMain = sum((r) => r.costMain);
    const sellingExp = sum((r) => r.sellingExp);
    const managementRdExp = sum((r) => r.adminExp + ((r.rdInAdmin ?? defaultRdInAdmin) ? 0 : r.rdExp));
    const financialExp = sum((r) => r.financialExp);
    const totalProfit = sum((r) => r.totalProfit);
    const productionCost = g.every((r) => r.productionCost !== undefined)
      ? sum((r) => r.productionCost as number)
      : null;
    const totalCost = neumaierSum([costMain, sellingExp, managementRdExp, financialExp]);
    const { sector, year } = first;
    if (!(revenueMain > 0)) {
      diagnostics.push({
        code: "ratio_denominator_not_positive",
        severity: "warning",
        params: { sector, year, ratio: "cost_ratio", denominator: revenueMain },
      });
    }
    if (!(totalCost > 0)) {
      diagnostics.push({
        code: "ratio_denominator_not_positive",
        severity: "warning",
        params: { sector, year, ratio: "profit_ratio", denominator: totalCost },
      });
    }
    sectors.push({
      sector,
      year,
      rows: g.length,
      revenueMain,
      costMain,
      sellingExp,
      managementRdExp,
      financialExp,
      totalProfit,
      productionCost,
      totalCost,
      costRatio: revenueMain > 0 ? costMain / revenueMain : null,
      profitRatio: totalCost > 0 ? totalProfit / totalCost : null,
    });
  }
  sectors.sort((a, b) => (a.sector < b.sector ? -1 : a.sector > b.sector ? 1 : a.year - b.year));
  return { sectors, diagnostics };
}

/** How a tier average is formed (层级平均方式). */
export type TierAverageMethod = "mean_of_ratios" | "ratio_of_sums";

/** The methods, in documentation order. */
export const TIER_AVERAGE_METHODS: readonly TierAverageMethod[] = ["mean_of_ratios", "ratio_of_sums"];

export interface TierAverageOptions {
  /**
   * "mean_of_ratios": unweighted mean of the sector ratios (seed 001's "平均…率", [INFERRED]);
   * "ratio_of_sums": Σ numerators / Σ denominators over the tier's sectors
   * @default "mean_of_ratios"
   */
  readonly method?: TierAverageMethod;
  /**
   * sectors left out of every tier (e.g. {@link PRIMARY_PRODUCT_SECTORS} for "排除初级产品生产行业后")
   * @default [] (none)
   */
  readonly exclude?: readonly string[];
  /** tiers in output order @default the tier labels in order of first appearance in `tiers` */
  readonly tierOrder?: readonly string[];
}

/** The average ratios of one tier in one year. */
export interface TierAverage {
  readonly tier: string;
  readonly year: number;
  /** average main-business cost ratio; null when no sector of the tier has one */
  readonly costRatio: number | null;
  /** average profit-to-cost ratio; null when no sector of the tier has one */
  readonly profitRatio: number | null;
  /** sectors averaged for the cost ratio */
  readonly costRatioSectors: readonly string[];
  /** sectors averaged for the profit ratio */
  readonly profitRatioSectors: readonly string[];
  /** sectors of the tier left out by `exclude` */
  readonly excluded: readonly string[];
}

export interface TierAveragesResult {
  readonly method: TierAverageMethod;
  /** by year (ascending), then tier (tier order) */
  readonly averages: readonly TierAverage[];
  /** sector_without_tier, tier_without_sectors */
  readonly diagnostics: readonly CostBenefitDiagnostic[];
}

/**
 * Tier averages of the cost–benefit ratios (分层级平均成本收益比率), spec §7.3.
 *
 * For tier k and year t, over the sectors j ∈ k \ exclude whose ratio is not null:
 *
 *     mean_of_ratios (default)  CR_k = (1/n_k) Σ_j CR_j,            PR_k = (1/n_k) Σ_j PR_j
 *     ratio_of_sums             CR_k = Σ_j costMain_j / Σ_j revenue_j, PR_k = Σ_j profit_j / Σ_j totalCost_j
 *
 * A sector with a null ratio (denominator ≤ 0, reported by {@link sectorRatios}) is left out of that
 * ratio's average under both methods. Sectors without a tier are ignored and reported
 * (`sector_without_tier`); a tier-year without any valid sector gets null (`tier_without_sectors`).
 * Call twice — with and without `exclude` — for seed 001's two columns (all sectors; "excl.
 * primary-product industries").
 *
 * @param sectors - sector-years from {@link sectorRatios}
 * @param tiers - tier label of each sector id (sector → tier; e.g. the three seed-001 tiers)
 * @param options - {@link TierAverageOptions}
 * @returns {@link TierAveragesResult}: method, averages (per year and tier: costRatio, profitRatio, the
 *   sectors averaged, the excluded ones), diagnostics
 * @throws {CoreError} invalid_argument (unknown `method`; reason "unknown_tier" when a tier is missing
 *   from `tierOrder`)
 * @example
 * tierAverages(sectorRatios(rows).sectors, { S20: "high", S21: "high", S01: "low" }).averages;
 * // => [{ tier: "high", year: 2023, costRatio: (CR_S20 + CR_S21) / 2, … }, { tier: "low", … }]
 * @see spec methods.md §7.1 (seed 001 图7 values), §7.3
 */
export function tierAverages(
  sectors: readonly SectorFinancials[],
  tiers: Readonly<Record<string, string>>,
  options: TierAverageOptions = {},
): TierAveragesResult {
  const fn = "tierAverages";
  const method = options.method ?? "mean_of_ratios";
  if (!TIER_AVERAGE_METHODS.includes(method)) {
    throw new CoreError("invalid_argument", {
      function: fn,
      option: "method",
      received: method,
      expected: TIER_AVERAGE_METHODS,
    });
  }
  const exclude = new Set(options.exclude ?? []);
  const labels = [...new Set(Object.values(tiers))];
  const order = options.tierOrder ?? labels;
  for (const k of labels) {
    if (!order.includes(k))
      throw new CoreError("invalid_argument", {
        function: fn,
        option: "tierOrder",
        reason: "unknown_tier",
        received: k,
      });
  }
  const diagnostics: CostBenefitDiagnostic[] = [];
  const untiered = [...new Set(sectors.filter((s) => !Object.hasOwn(tiers, s.sector)).map((s) => s.sector))];
  if (untiered.length > 0) {
    diagnostics.push({
      code: "sector_without_tier",
      severity: "info",
      params: { count: untiered.length, sectors: untiered.slice(0, 20) },
    });
  }
  const years = [...new Set(sectors.map((s) => s.year))].sort((a, b) => a - b);
  const averages: TierAverage[] = [];
  for (const year of years) {
    for (const tier of order) {
      const members = sectors.filter(
        (s) => s.year === year && Object.hasOwn(tiers, s.sector) && tiers[s.sector] === tier,
      );
      const excluded = members.filter((s) => exclude.has(s.sector)).map((s) => s.sector);
      const kept = members.filter((s) => !exclude.has(s.sector));
      const cr = kept.filter((s) => s.costRatio !== null);
      const pr = kept.filter((s) => s.profitRatio !== null);
      const costRatio =
        cr.length === 0
          ? null
          : method === "mean_of_ratios"
            ? neumaierSum(cr.map((s) => s.costRatio as number)) / cr.length
            : neumaierSum(cr.map((s) => s.costMain)) / neumaierSum(cr.map((s) => s.revenueMain));
      const profitRatio =
        pr.length === 0
          ? null
          : method === "mean_of_ratios"
            ? neumaierSum(pr.map((s) => s.profitRatio as number)) / pr.length
            : neumaierSum(pr.map((s) => s.totalProfit)) / neumaierSum(pr.map((s) => s.totalCost));
      if (costRatio === null)
        diagnostics.push({
          code: "tier_without_sectors",
          severity: "warning",
          params: { tier, year, ratio: "cost_ratio" },
        });
      if (profitRatio === null)
        diagnostics.push({
          code: "tier_without_sectors",
          severity: "warning",
          params: { tier, year, ratio: "profit_ratio" },
        });
      averages.push({
        tier,
        year,
        costRatio,
        profitRatio,
        costRatioSectors: cr.map((s) => s.sector),
        profitRatioSectors: pr.map((s) => s.sector),
        excluded,
      });
    }
  }
  return { method, averages, diagnostics };
}
