/**
 * Digitalisation elasticities by cost component (分环节数字化弹性), spec methods.md §7.5: for each
 * cost component and year, the log–log response of the cost intensity to digital input across
 * sectors (by the OLS engine), or the arc elasticity of the economy aggregates; and their arithmetic
 * means over year windows.
 */

import { ols } from "../econometrics/ols.js";
import { CoreError, isCoreError } from "../errors.js";
import { matrix } from "../linalg/matrix.js";
import { neumaierSum } from "../stats/summation.js";
import { type CostBenefitDiagnostic, observationKey } from "./codes.js";
import type { SectorFinancials } from "./ratios.js";
import { checkWindow, type YearWindow } from "./regression.js";

/**
 * Cost components of seed 001 图8 (成本环节): production (生产成本), management + R&D (管理研发成本),
 * financial (财务成本), sales (销售成本).
 */
export type CostComponent = "production" | "management_rd" | "financial" | "sales";

/** The components, in the seed's order. */
export const COST_COMPONENTS: readonly CostComponent[] = ["production", "management_rd", "financial", "sales"];

/** Estimation method of the annual elasticities (弹性估计方法). */
export type ElasticityMethod = "cross_section" | "arc";

/** The methods, in documentation order. */
export const ELASTICITY_METHODS: readonly ElasticityMethod[] = ["cross_section", "arc"];

/** Scaling of the component costs (成本口径). */
export type ElasticityScale = "revenue" | "none";

/** The scales, in documentation order. */
export const ELASTICITY_SCALES: readonly ElasticityScale[] = ["revenue", "none"];

/** One sector-year: revenue, digital input and the component costs. */
export interface ElasticityObservation {
  readonly sector: string;
  readonly year: number;
  /** digital input DI_{j,t} (fraction) */
  readonly digitalInput: number;
  /** main revenue Rev_{j,t} (the scale of the cost intensities) */
  readonly revenue: number;
  /** cost of each component (a component left out is missing for this sector-year) */
  readonly costs: Readonly<Partial<Record<CostComponent, number>>>;
  /**
   * weight of the sector in the economy's digital input for `method: "arc"`, e.g. its total
   * intermediate input, so that DI_t = Σ w_j DI_j / Σ w_j = total digital input / total intermediate
   * input @default revenue
   */
  readonly diWeight?: number;
}

export interface ElasticityOptions {
  /**
   * "cross_section": per year, OLS across sectors of ln(C^k/Rev) on ln DI (spec §7.5 default);
   * "arc": ε_t = Δln(C^k_t/Rev_t) / Δln DI_t on economy aggregates
   * @default "cross_section"
   */
  readonly method?: ElasticityMethod;
  /** "revenue": costs over revenue (a cost-intensity response); "none": ln C^k itself @default "revenue" */
  readonly scale?: ElasticityScale;
  /** fewest sectors with valid data for a cross-section elasticity (integer ≥ 3) @default 5 */
  readonly minSectors?: number;
  /** components estimated @default {@link COST_COMPONENTS} */
  readonly components?: readonly CostComponent[];
}

/** The elasticity of one component in one year. */
export interface AnnualElasticity {
  readonly component: CostComponent;
  readonly year: number;
  /** ε_{k,t}; null when too few sectors, not identified or (arc) an aggregate ≤ 0 */
  readonly elasticity: number | null;
  /** classical OLS standard error of ε (cross-section only; null otherwise) */
  readonly stdError: number | null;
  /** sectors used (cross-section) or in the aggregates (arc) */
  readonly n: number;
}

export interface ElasticityResult {
  readonly method: ElasticityMethod;
  readonly scale: ElasticityScale;
  /** by component (option order), then year ascending */
  readonly annual: readonly AnnualElasticity[];
  /** non_positive_rows_dropped, elasticity_too_few_sectors, elasticity_not_identified, aggregate_not_positive */
  readonly diagnostics: readonly CostBenefitDiagnostic[];
}

/** Default minimum number of sectors of a cross-section elasticity (spec §7.5). */
export const ELASTICITY_MIN_SECTORS = 5;

/**
 * Digitalisation elasticities by cost component (分环节数字化弹性), one per component and year,
 * spec §7.5 [INFERRED: the seed calls them "投入弹性 … 数字化投入每变动1%，对应环节将会发生成本变动的百分比"].
 *
 *     cross_section (default)  ln(C^k_{j,t}/Rev_{j,t}) = a_{k,t} + ε_{k,t}·ln DI_{j,t} + u_{j,t}   over sectors j
 *                              (`scale: "none"`: ln C^k_{j,t} on the left)
 *     arc                      ε_{k,t} = [ln(C^k_t/Rev_t) − ln(C^k_{t−1}/Rev_{t−1})] / [ln DI_t − ln DI_{t−1}]
 *                              with C^k_t = Σ_j C^k_{j,t}, Rev_t = Σ_j Rev_{j,t}, DI_t = Σ_j w_j DI_{j,t} / Σ_j w_j
 *
 * Cross-section: a sector-year with DI ≤ 0, C^k ≤ 0 or (scale "revenue") Rev ≤ 0 is dropped for that
 * component (`non_positive_rows_dropped`); fewer than `minSectors` sectors left → ε null
 * (`elasticity_too_few_sectors`); DI equal in every sector → ε null (`elasticity_not_identified`).
 * The slope is estimated by `ols` (classical SE). Arc: all rows of a year enter the aggregates; a year
 * needs the previous calendar year; an aggregate ≤ 0 → null (`aggregate_not_positive`); ΔlnDI = 0 →
 * null (`elasticity_not_identified`). Null elasticities are left out of the window means
 * ({@link elasticityWindowMeans}).
 *
 * @param observations - {@link ElasticityObservation} sector-years (each at most once)
 * @param options - {@link ElasticityOptions}
 * @returns {@link ElasticityResult}: method, scale, annual (component, year, elasticity, stdError, n),
 *   diagnostics
 * @throws {CoreError} invalid_argument (unknown method, scale or component; minSectors not an integer
 *   ≥ 3; reason "duplicate_observation" for a sector-year given twice); non_finite (a number of an
 *   observation)
 * @example
 * digitalisationElasticities(rows).annual.find((e) => e.component === "production" && e.year === 2023);
 * // => { component: "production", year: 2023, elasticity: …, stdError: …, n: … }
 * @see spec methods.md §7.5; seed 001 图8 (the printed means: data/published); reference values
 *   test/reference/statsmodels-costbenefit
 * Complexity O(components · rows).
 */
export function digitalisationElasticities(
  observations: readonly ElasticityObservation[],
  options: ElasticityOptions = {},
): ElasticityResult {
  const fn = "digitalisationElasticities";
  const method = options.method ?? "cross_section";
  const scale = options.scale ?? "revenue";
  const minSectors = options.minSectors ?? ELASTICITY_MIN_SECTORS;
  const components = options.components ?? COST_COMPONENTS;
  if (!ELASTICITY_METHODS.includes(method))
    throw new CoreError("invalid_argument", {
      function: fn,
      option: "method",
      received: method,
      expected: ELASTICITY_METHODS,
    });
  if (!ELASTICITY_SCALES.includes(scale))
    throw new CoreError("invalid_argument", {
      function: fn,
      option: "scale",
      received: scale,
      expected: ELASTICITY_SCALES,
    });
  if (!Number.isInteger(minSectors) || minSectors < 3)
    throw new CoreError("invalid_argument", {
      function: fn,
      option: "minSectors",
      received: minSectors,
      expected: ">= 3",
    });
  for (const c of components) {
    if (!COST_COMPONENTS.includes(c))
      throw new CoreError("invalid_argument", {
        function: fn,
        option: "components",
        received: c,
        expected: COST_COMPONENTS,
      });
  }
  const seen = new Set<string>();
  observations.forEach((o, index) => {
    const key = observationKey(o.sector, o.year);
    if (seen.has(key))
      throw new CoreError("invalid_argument", {
        function: fn,
        argument: "observations",
        index,
        reason: "duplicate_observation",
        received: key,
      });
    seen.add(key);
    if (!Number.isInteger(o.year))
      throw new CoreError("invalid_argument", {
        function: fn,
        argument: "observations",
        index,
        reason: "year_not_integer",
        received: o.year,
      });
    const numbers: [string, number | undefined][] = [
      ["digitalInput", o.digitalInput],
      ["revenue", o.revenue],
      ["diWeight", o.diWeight],
      ...COST_COMPONENTS.map((c): [string, number | undefined] => [c, o.costs[c]]),
    ];
    for (const [argument, v] of numbers) {
      if (v !== undefined && !Number.isFinite(v))
        throw new CoreError("non_finite", { function: fn, argument, index, value: v });
    }
  });
  const years = [...new Set(observations.map((o) => o.year))].sort((a, b) => a - b);
  const byYear = new Map<number, ElasticityObservation[]>(years.map((y) => [y, []]));
  for (const o of observations) byYear.get(o.year)?.push(o);

  const annual: AnnualElasticity[] = [];
  const diagnostics: CostBenefitDiagnostic[] = [];
  for (const component of components) {
    if (method === "cross_section") {
      const dropped: string[] = [];
      let keptTotal = 0;
      const yearDiagnostics: CostBenefitDiagnostic[] = [];
      for (const year of years) {
        const x: number[] = [];
        const y: number[] = [];
        for (const o of byYear.get(year) ?? []) {
          const c = o.costs[component];
          if (c === undefined) continue;
          if (o.digitalInput > 0 && c > 0 && (scale === "none" || o.revenue > 0)) {
            x.push(Math.log(o.digitalInput));
            y.push(scale === "revenue" ? Math.log(c / o.revenue) : Math.log(c));
          } else dropped.push(observationKey(o.sector, year));
        }
        keptTotal += x.length;
        annual.push(crossSection(component, year, x, y, minSectors, yearDiagnostics));
      }
      if (dropped.length > 0) {
        diagnostics.push({
          code: "non_positive_rows_dropped",
          severity: "info",
          params: { component, count: dropped.length, n: keptTotal, keys: dropped.slice(0, 20) },
        });
      }
      diagnostics.push(...yearDiagnostics);
    } else {
      const agg = new Map<number, { cost: number; revenue: number; di: number; n: number } | null>();
      for (const year of years) {
        const rows = (byYear.get(year) ?? []).filter((o) => o.costs[component] !== undefined);
        const cost = neumaierSum(rows.map((o) => o.costs[component] as number));
        const revenue = neumaierSum(rows.map((o) => o.revenue));
        const w = rows.map((o) => o.diWeight ?? o.revenue);
        const wSum = neumaierSum(w);
        const di = neumaierSum(rows.map((o, i) => (w[i] as number) * o.digitalInput)) / wSum;
        const ok = rows.length > 0 && cost > 0 && wSum > 0 && di > 0 && (scale === "none" || revenue > 0);
        agg.set(year, ok ? { cost, revenue, di, n: rows.length } : null);
      }
      for (const year of years) {
        if (!agg.has(year - 1)) continue;
        const cur = agg.get(year);
        const prev = agg.get(year - 1);
        if (cur == null || prev == null) {
          diagnostics.push({ code: "aggregate_not_positive", severity: "warning", params: { component, year } });
          annual.push({ component, year, elasticity: null, stdError: null, n: cur?.n ?? 0 });
          continue;
        }
        const lnIntensity = (a: { cost: number; revenue: number }): number =>
          scale === "revenue" ? Math.log(a.cost / a.revenue) : Math.log(a.cost);
        const dDi = Math.log(cur.di) - Math.log(prev.di);
        if (dDi === 0) {
          diagnostics.push({ code: "elasticity_not_identified", severity: "warning", params: { component, year } });
          annual.push({ component, year, elasticity: null, stdError: null, n: cur.n });
          continue;
        }
        annual.push({
          component,
          year,
          elasticity: (lnIntensity(cur) - lnIntensity(prev)) / dDi,
          stdError: null,
          n: cur.n,
        });
      }
    }
  }
  return { method, scale, annual, diagnostics };
}

function crossSection(
  component: CostComponent,
  year: number,
  x: number[],
  y: number[],
  minSectors: number,
  diagnostics: CostBenefitDiagnostic[],
): AnnualElasticity {
  const n = x.length;
  if (n < minSectors) {
    diagnostics.push({
      code: "elasticity_too_few_sectors",
      severity: "warning",
      params: { component, year, count: n, required: minSectors },
    });
    return { component, year, elasticity: null, stdError: null, n };
  }
  try {
    const r = ols(Float64Array.from(y), matrix(n, 1, Float64Array.from(x)), { names: ["ln_digital_input"] });
    const b = r.coefficients[1];
    return { component, year, elasticity: b?.estimate ?? null, stdError: b?.stdError ?? null, n };
  } catch (e) {
    if (!(isCoreError(e) && e.code === "singular_matrix")) throw e;
    diagnostics.push({ code: "elasticity_not_identified", severity: "warning", params: { component, year } });
    return { component, year, elasticity: null, stdError: null, n };
  }
}

/** The default summary windows of spec §7.1/§7.5: 2013–2023, "2020年以前" 2013–2020, "2021年起" 2021–2023. */
export const DEFAULT_ELASTICITY_WINDOWS: readonly YearWindow[] = [
  { from: 2013, to: 2023 },
  { from: 2013, to: 2020 },
  { from: 2021, to: 2023 },
];

/** The mean elasticity of one component over one window. */
export interface ElasticityWindowMean {
  readonly component: CostComponent;
  readonly from: number;
  readonly to: number;
  /** arithmetic mean of the non-null annual elasticities in [from, to]; null when there are none */
  readonly mean: number | null;
  /** annual elasticities averaged */
  readonly used: number;
  /** years in the window (to − from + 1) */
  readonly expected: number;
}

export interface ElasticityWindowMeansResult {
  /** by component (order of first appearance), then window (option order) */
  readonly means: readonly ElasticityWindowMean[];
  /** window_incomplete */
  readonly diagnostics: readonly CostBenefitDiagnostic[];
}

/**
 * Window means of the annual digitalisation elasticities (数字化弹性的区间均值), spec §7.1/§7.5.
 *
 *     ε̄_k[from, to] = (1/|T|) Σ_{t∈T} ε_{k,t},  T = {t ∈ [from, to] : ε_{k,t} not null}
 *
 * Every period value of seed 001 is this arithmetic mean of annual elasticities (spec §7.1: the
 * printed full-period value equals the years-weighted mean of the two printed sub-period values).
 * A window missing some years uses the others and is reported
 * (`window_incomplete`); with none its mean is null.
 *
 * @param annual - annual elasticities (e.g. {@link ElasticityResult.annual}); one per component-year
 * @param windows - the windows @default {@link DEFAULT_ELASTICITY_WINDOWS}
 * @returns {@link ElasticityWindowMeansResult}: means (component, from, to, mean, used, expected), diagnostics
 * @throws {CoreError} invalid_argument (reason "invalid_window"; reason "duplicate_observation" for a
 *   component-year given twice); non_finite (an elasticity is NaN or ±Infinity)
 * @example
 * const annual = [...Array(8)].map((_, i) => ({ component: "production", year: 2013 + i, elasticity: -2 }))
 *   .concat([2021, 2022, 2023].map((year) => ({ component: "production", year, elasticity: -1 })));
 * elasticityWindowMeans(annual).means[0].mean; // => (8·(−2) + 3·(−1))/11 = −1.727272…
 * @see spec methods.md §7.1 ([DERIVED] consistency test), §7.5, §7.6
 */
export function elasticityWindowMeans(
  annual: readonly Pick<AnnualElasticity, "component" | "year" | "elasticity">[],
  windows: readonly YearWindow[] = DEFAULT_ELASTICITY_WINDOWS,
): ElasticityWindowMeansResult {
  const fn = "elasticityWindowMeans";
  for (const w of windows) checkWindow(w, "windows", fn);
  const byComponent = new Map<CostComponent, Map<number, number | null>>();
  annual.forEach((a, index) => {
    if (a.elasticity !== null && !Number.isFinite(a.elasticity))
      throw new CoreError("non_finite", { function: fn, argument: "annual", index, value: a.elasticity });
    let m = byComponent.get(a.component);
    if (m === undefined) {
      m = new Map();
      byComponent.set(a.component, m);
    }
    if (m.has(a.year)) {
      throw new CoreError("invalid_argument", {
        function: fn,
        argument: "annual",
        index,
        reason: "duplicate_observation",
        received: `${a.component}/${a.year}`,
      });
    }
    m.set(a.year, a.elasticity);
  });
  const means: ElasticityWindowMean[] = [];
  const diagnostics: CostBenefitDiagnostic[] = [];
  for (const [component, m] of byComponent) {
    for (const { from, to } of windows) {
      const values: number[] = [];
      const missing: number[] = [];
      for (let year = from; year <= to; year++) {
        const v = m.get(year);
        if (v === undefined || v === null) missing.push(year);
        else values.push(v);
      }
      const expected = to - from + 1;
      if (missing.length > 0) {
        diagnostics.push({
          code: "window_incomplete",
          severity: "warning",
          params: { component, from, to, used: values.length, expected, missing },
        });
      }
      means.push({
        component,
        from,
        to,
        mean: values.length === 0 ? null : neumaierSum(values) / values.length,
        used: values.length,
        expected,
      });
    }
  }
  return { means, diagnostics };
}

/** Where the production component comes from (生产成本口径). */
export type ProductionCostSource = "cost_main" | "production_cost";

/**
 * The component costs of a sector-year (分环节成本), spec §7.2: production = costMain (营业成本;
 * option "production_cost": 生产成本 where every firm reports it, else the component is missing),
 * management + R&D = managementRdExp (R&D not double counted, see {@link sectorRatios}), financial =
 * financialExp, sales = sellingExp.
 *
 * @param sector - one sector-year from `sectorRatios`
 * @param production - source of the production component @default "cost_main"
 * @returns the costs by component (production left out when its source is missing)
 * @example
 * componentCosts(s); // => { production: s.costMain, management_rd: s.managementRdExp, financial: …, sales: … }
 * @see spec methods.md §7.2
 */
export function componentCosts(
  sector: SectorFinancials,
  production: ProductionCostSource = "cost_main",
): Partial<Record<CostComponent, number>> {
  const p = production === "cost_main" ? sector.costMain : sector.productionCost;
  return {
    ...(p === null ? {} : { production: p }),
    management_rd: sector.managementRdExp,
    financial: sector.financialExp,
    sales: sector.sellingExp,
  };
}
