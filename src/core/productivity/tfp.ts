/**
 * Total factor productivity (全要素生产率): growth accounting (Solow residual, Törnqvist), the
 * digital-economy TFP contribution and sector-group TFP levels — spec methods.md §9.4 and §4.4.
 */
import { CoreError } from "../errors.js";
import { neumaierSum } from "../stats/summation.js";
import { checkFinite, checkLength, type ProductivityDiagnostic, productivityDiagnostic } from "./codes.js";

/** |g_Y| below this makes contribution rates undefined (spec §9.4). */
export const OUTPUT_GROWTH_THRESHOLD = 1e-6;

/** Contribution rates (贡献率): each source's share of output growth; they sum to 1. */
export interface GrowthContributions {
  /** s̄_K g_K / g_Y */
  readonly capital: number;
  /** s̄_L g_L / g_Y */
  readonly labour: number;
  /** g_A / g_Y */
  readonly tfp: number;
}

/** One period of growth accounting. */
export interface GrowthAccountingPeriod {
  readonly outputGrowth: number;
  readonly capitalGrowth: number;
  readonly labourGrowth: number;
  /** the capital share used (s̄_K); the labour share is 1 − s̄_K (constant returns) */
  readonly capitalShare: number;
  /** g_A = g_Y − s̄_K g_K − (1 − s̄_K) g_L */
  readonly tfpGrowth: number;
  /** null when |g_Y| < 1e-6 */
  readonly contributions: GrowthContributions | null;
}

export interface SolowResidualOptions {
  /** g_Y (fraction or log difference) */
  readonly outputGrowth: number;
  /** g_K */
  readonly capitalGrowth: number;
  /** g_L */
  readonly labourGrowth: number;
  /** α = s_K ∈ [0, 1] */
  readonly capitalShare: number;
}

function checkShare(v: number, argument: string, fn: string, index?: number): void {
  if (!(v >= 0 && v <= 1)) {
    throw new CoreError("invalid_argument", {
      function: fn,
      argument,
      reason: "share_out_of_range",
      value: v,
      ...(index === undefined ? {} : { index }),
    });
  }
}

function period(
  gY: number,
  gK: number,
  gL: number,
  s: number,
  diagnostics: ProductivityDiagnostic[],
  index?: number,
): GrowthAccountingPeriod {
  const tfpGrowth = gY - s * gK - (1 - s) * gL;
  const at = index === undefined ? {} : { index };
  let contributions: GrowthContributions | null = null;
  if (Math.abs(gY) < OUTPUT_GROWTH_THRESHOLD) {
    diagnostics.push(
      productivityDiagnostic("output_growth_near_zero", "warning", {
        ...at,
        outputGrowth: gY,
        threshold: OUTPUT_GROWTH_THRESHOLD,
      }),
    );
  } else {
    if (gY < 0)
      diagnostics.push(productivityDiagnostic("negative_output_growth", "warning", { ...at, outputGrowth: gY }));
    contributions = { capital: (s * gK) / gY, labour: ((1 - s) * gL) / gY, tfp: tfpGrowth / gY };
  }
  return { outputGrowth: gY, capitalGrowth: gK, labourGrowth: gL, capitalShare: s, tfpGrowth, contributions };
}

/**
 * Solow residual (索洛余值) from given growth rates: g_A = g_Y − α g_K − (1 − α) g_L, with contribution
 * rates α g_K/g_Y, (1 − α) g_L/g_Y and g_A/g_Y (null with `output_growth_near_zero` when |g_Y| < 1e-6;
 * flagged `negative_output_growth` when g_Y < 0).
 *
 * @param options - {@link SolowResidualOptions}
 * @returns {@link GrowthAccountingPeriod} plus `diagnostics`
 * @throws {CoreError} non_finite; invalid_argument (reason share_out_of_range: α ∉ [0, 1])
 * @example
 * solowResidual({ outputGrowth: 0.06, capitalGrowth: 0.09, labourGrowth: 0.01, capitalShare: 0.4 });
 * // => tfpGrowth 0.018, contributions { capital: 0.6, labour: 0.1, tfp: 0.3 }
 * @see spec methods.md §9.4; Solow (1957), Rev. Econ. Stat. 39(3), 312–320.
 */
export function solowResidual(
  options: SolowResidualOptions,
): GrowthAccountingPeriod & { readonly diagnostics: readonly ProductivityDiagnostic[] } {
  const fn = "solowResidual";
  const { outputGrowth, capitalGrowth, labourGrowth, capitalShare } = options;
  checkFinite([outputGrowth, capitalGrowth, labourGrowth, capitalShare], "options", fn);
  checkShare(capitalShare, "capitalShare", fn);
  const diagnostics: ProductivityDiagnostic[] = [];
  return { ...period(outputGrowth, capitalGrowth, labourGrowth, capitalShare, diagnostics), diagnostics };
}

/** Growth definition of {@link growthAccounting}. */
export type GrowthAccountingMethod = "tornqvist" | "simple";

export interface GrowthAccountingOptions {
  /** real output Y_t of consecutive years (> 0) */
  readonly output: ArrayLike<number>;
  /** capital stock K_t (> 0) */
  readonly capital: ArrayLike<number>;
  /** labour input L_t (> 0) */
  readonly labour: ArrayLike<number>;
  /** capital share s_K (one value for all years, or per year), each in [0, 1] */
  readonly capitalShare: number | ArrayLike<number>;
  /**
   * "tornqvist": g = Δln X, s̄_K = ½(s_{K,t} + s_{K,t−1}); "simple": g = X_t/X_{t−1} − 1 with the same s̄_K
   * @default "tornqvist"
   */
  readonly method?: GrowthAccountingMethod;
}

export interface GrowthAccountingResult {
  /** periods t = 1…T−1 (periods[i] is the change from year i to year i + 1) */
  readonly periods: readonly GrowthAccountingPeriod[];
  readonly method: GrowthAccountingMethod;
  /** output_growth_near_zero, negative_output_growth (params index = period) */
  readonly diagnostics: readonly ProductivityDiagnostic[];
}

/**
 * Growth accounting (增长核算): TFP growth g_A = g_Y − s̄_K g_K − s̄_L g_L with s̄_L = 1 − s̄_K and
 * s̄_K = ½(s_{K,t} + s_{K,t−1}) (Törnqvist index of inputs), g_X = Δln X ("tornqvist", default) or
 * X_t/X_{t−1} − 1 ("simple"); TFP contribution rate g_A/g_Y and capital/labour contributions.
 *
 * @param options - {@link GrowthAccountingOptions}
 * @returns `{periods: [{outputGrowth, capitalGrowth, labourGrowth, capitalShare, tfpGrowth, contributions}], method, diagnostics}`
 * @throws {CoreError} dimension_mismatch; non_finite; too_few_observations (< 2 years);
 *   invalid_argument (unknown method; reason non_positive_level for a level ≤ 0; share_out_of_range)
 * @example
 * growthAccounting({ output: [100, 106], capital: [300, 327], labour: [50, 50.5], capitalShare: [0.42, 0.38] })
 *   .periods[0].tfpGrowth; // => 0.017828 (spec §9.4)
 * @see spec methods.md §9.4; Jorgenson, Gollop & Fraumeni (1987), Productivity and U.S. Economic
 *   Growth, ch. 2; OECD (2001), Measuring Productivity manual, §5.
 */
export function growthAccounting(options: GrowthAccountingOptions): GrowthAccountingResult {
  const fn = "growthAccounting";
  const method = options.method ?? "tornqvist";
  if (method !== "tornqvist" && method !== "simple")
    throw new CoreError("invalid_argument", {
      function: fn,
      option: "method",
      received: method,
      allowed: ["tornqvist", "simple"],
    });
  const { output: Y, capital: K, labour: L } = options;
  const T = Y.length;
  checkLength(K, T, "capital", fn);
  checkLength(L, T, "labour", fn);
  const shares: ArrayLike<number> =
    typeof options.capitalShare === "number" ? new Float64Array(T).fill(options.capitalShare) : options.capitalShare;
  checkLength(shares, T, "capitalShare", fn);
  for (const [x, name] of [
    [Y, "output"],
    [K, "capital"],
    [L, "labour"],
  ] as const) {
    checkFinite(x, name, fn);
    for (let t = 0; t < T; t++) {
      if (!((x[t] as number) > 0)) {
        throw new CoreError("invalid_argument", {
          function: fn,
          argument: name,
          reason: "non_positive_level",
          index: t,
          value: x[t],
        });
      }
    }
  }
  checkFinite(shares, "capitalShare", fn);
  for (let t = 0; t < T; t++) checkShare(shares[t] as number, "capitalShare", fn, t);
  if (T < 2)
    throw new CoreError("too_few_observations", { function: fn, argument: "output", required: 2, received: T });
  const g =
    method === "tornqvist"
      ? (x: ArrayLike<number>, t: number) => Math.log((x[t] as number) / (x[t - 1] as number))
      : (x: ArrayLike<number>, t: number) => (x[t] as number) / (x[t - 1] as number) - 1;
  const diagnostics: ProductivityDiagnostic[] = [];
  const periods: GrowthAccountingPeriod[] = [];
  for (let t = 1; t < T; t++) {
    const s = 0.5 * ((shares[t] as number) + (shares[t - 1] as number));
    periods.push(period(g(Y, t), g(K, t), g(L, t), s, diagnostics, t - 1));
  }
  return { periods, method, diagnostics };
}

/** One sector of {@link digitalTfpContribution}, for one period t−1 → t. */
export interface DigitalTfpSector {
  readonly id: string;
  /** group label (e.g. manufacturing / producer services / consumer services, spec §1.8) */
  readonly group?: string;
  /** true for the digital sectors D (g^DE = g_A,j) */
  readonly digital: boolean;
  /** VA_{j,t−1} (≥ 0) */
  readonly valueAddedPrevious: number;
  /** VA_{j,t} (≥ 0) */
  readonly valueAdded: number;
  /** sector TFP growth g_{A,j,t} (e.g. from {@link growthAccounting} on sector VA) */
  readonly tfpGrowth: number;
  /** D_{j,t}/VA_{j,t} ∈ [0, 1], the digital part of a non-digital sector (ignored when digital) @default 0 */
  readonly digitalShare?: number;
}

export interface DigitalTfpContributionOptions {
  readonly sectors: readonly DigitalTfpSector[];
  /** aggregate real output growth g_Y,t */
  readonly outputGrowth: number;
  /** aggregate TFP growth g_A,t; when given, the "other technology and institutional" part is g_A/g_Y − DE part */
  readonly aggregateTfpGrowth?: number;
}

export interface DigitalTfpContributionResult {
  /** Σ_j w̄_j g^DE_{A,j} */
  readonly digitalTfpGrowth: number;
  /** digitalTfpGrowth / g_Y (null when |g_Y| < 1e-6) */
  readonly contribution: number | null;
  /** g_A/g_Y − contribution (null without aggregateTfpGrowth or when contribution is null) */
  readonly otherContribution: number | null;
  /** w̄_j = ½(VA_{j,t−1}/GDP_{t−1} + VA_{j,t}/GDP_t), GDP = Σ_j VA_j, in sector order */
  readonly weights: Float64Array;
  /** g^DE_{A,j} in sector order */
  readonly digitalSectorTfpGrowth: Float64Array;
  /** per group: the restricted sum and its contribution */
  readonly groups: Readonly<
    Record<string, { readonly digitalTfpGrowth: number; readonly contribution: number | null }>
  >;
  readonly diagnostics: readonly ProductivityDiagnostic[];
}

/**
 * Digital-economy TFP contribution (数字经济全要素生产率增长贡献) for one period: the digital part of
 * sector TFP growth, g^DE_{A,j} = g_{A,j} for j ∈ D and g_{A,j}·D_{j,t}/VA_{j,t} otherwise, aggregated
 * with Domar/VA weights w̄_j = ½(w_{j,t−1} + w_{j,t}), w_{j,t} = VA_{j,t}/Σ_i VA_{i,t} (VA-based TFP ⇒
 * weights sum to 1): contribution_t = Σ_j w̄_j g^DE_{A,j,t} / g_{Y,t}; a group's contribution is the
 * same sum over the group; the other technology and institutional part is g_A/g_Y − DE part.
 * Contributions are null when |g_Y| < 1e-6 (`output_growth_near_zero`); g_Y < 0 is flagged.
 *
 * @param options - {@link DigitalTfpContributionOptions}
 * @returns `{digitalTfpGrowth, contribution, otherContribution, weights, digitalSectorTfpGrowth, groups, diagnostics}`
 * @throws {CoreError} too_few_observations (no sectors); non_finite; invalid_argument (reason
 *   non_positive_level: a VA < 0 or a total VA ≤ 0; share_out_of_range: digitalShare ∉ [0, 1])
 * @example
 * digitalTfpContribution({ outputGrowth: 0.05, sectors: [
 *   { id: "S20", digital: true, valueAddedPrevious: 10, valueAdded: 10, tfpGrowth: 0.04 },
 *   { id: "S01", digital: false, valueAddedPrevious: 90, valueAdded: 90, tfpGrowth: 0.01, digitalShare: 0.2 },
 * ] }).contribution; // => (0.1·0.04 + 0.9·0.002)/0.05 = 0.116
 * @see spec methods.md §9.4 [INFERRED]; Domar (1961), Econ. J. 71, 709–729; CAICT (2025),
 *   中国数字经济发展研究报告, §三(一).
 */
export function digitalTfpContribution(options: DigitalTfpContributionOptions): DigitalTfpContributionResult {
  const fn = "digitalTfpContribution";
  const { sectors, outputGrowth: gY } = options;
  const n = sectors.length;
  if (n === 0)
    throw new CoreError("too_few_observations", { function: fn, argument: "sectors", required: 1, received: 0 });
  checkFinite([gY], "outputGrowth", fn);
  if (options.aggregateTfpGrowth !== undefined) checkFinite([options.aggregateTfpGrowth], "aggregateTfpGrowth", fn);
  const va0 = new Float64Array(n);
  const va1 = new Float64Array(n);
  const gDE = new Float64Array(n);
  sectors.forEach((s, j) => {
    const share = s.digitalShare ?? 0;
    checkFinite([s.valueAddedPrevious, s.valueAdded, s.tfpGrowth, share], `sectors[${j}]`, fn);
    for (const [v, name] of [
      [s.valueAddedPrevious, "valueAddedPrevious"],
      [s.valueAdded, "valueAdded"],
    ] as const) {
      if (v < 0) {
        throw new CoreError("invalid_argument", {
          function: fn,
          argument: `sectors[${j}].${name}`,
          reason: "non_positive_level",
          index: j,
          value: v,
        });
      }
    }
    if (!s.digital) checkShare(share, `sectors[${j}].digitalShare`, fn, j);
    va0[j] = s.valueAddedPrevious;
    va1[j] = s.valueAdded;
    gDE[j] = s.digital ? s.tfpGrowth : s.tfpGrowth * share;
  });
  const gdp0 = neumaierSum(va0);
  const gdp1 = neumaierSum(va1);
  if (!(gdp0 > 0) || !(gdp1 > 0)) {
    throw new CoreError("invalid_argument", {
      function: fn,
      argument: "sectors",
      reason: "non_positive_level",
      value: gdp0 > 0 ? gdp1 : gdp0,
    });
  }
  const weights = new Float64Array(n);
  const terms = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    weights[j] = 0.5 * ((va0[j] as number) / gdp0 + (va1[j] as number) / gdp1);
    terms[j] = (weights[j] as number) * (gDE[j] as number);
  }
  const diagnostics: ProductivityDiagnostic[] = [];
  const defined = Math.abs(gY) >= OUTPUT_GROWTH_THRESHOLD;
  if (!defined) {
    diagnostics.push(
      productivityDiagnostic("output_growth_near_zero", "warning", {
        outputGrowth: gY,
        threshold: OUTPUT_GROWTH_THRESHOLD,
      }),
    );
  } else if (gY < 0) {
    diagnostics.push(productivityDiagnostic("negative_output_growth", "warning", { outputGrowth: gY }));
  }
  const digitalTfpGrowth = neumaierSum(terms);
  const contribution = defined ? digitalTfpGrowth / gY : null;
  const otherContribution =
    contribution !== null && options.aggregateTfpGrowth !== undefined
      ? options.aggregateTfpGrowth / gY - contribution
      : null;
  const groups: Record<string, { digitalTfpGrowth: number; contribution: number | null }> = {};
  const byGroup = new Map<string, number[]>();
  sectors.forEach((s, j) => {
    if (s.group === undefined) return;
    const list = byGroup.get(s.group) ?? [];
    list.push(terms[j] as number);
    byGroup.set(s.group, list);
  });
  for (const [g, list] of byGroup) {
    const sum = neumaierSum(list);
    groups[g] = { digitalTfpGrowth: sum, contribution: defined ? sum / gY : null };
  }
  return {
    digitalTfpGrowth,
    contribution,
    otherContribution,
    weights,
    digitalSectorTfpGrowth: gDE,
    groups,
    diagnostics,
  };
}

/** Normalisation of group TFP levels (spec §4.4). */
export type TfpNormalisation = "relative" | "base_year" | "raw";

/** One sector group of {@link groupTfpLevels}: sums over its sectors, by year. */
export interface TfpGroup {
  readonly id: string;
  /** Y_{g,t}: value added at constant prices */
  readonly output: ArrayLike<number>;
  /** K_{g,t}: capital stock (e.g. PIM, §8.1) */
  readonly capital: ArrayLike<number>;
  /** L_{g,t}: employment */
  readonly labour: ArrayLike<number>;
  /** α_g = 1 − labour share, in (0, 1): one value or per year */
  readonly capitalShare: number | ArrayLike<number>;
}

export interface GroupTfpLevelsOptions {
  /** groups partitioning the economy (the economy is their sum) */
  readonly groups: readonly TfpGroup[];
  /** @default "relative" */
  readonly normalisation?: TfpNormalisation;
  /** the years of the columns (consecutive or not); required for "base_year" @default 0…T−1 */
  readonly years?: ArrayLike<number>;
  /** base year for "base_year" @default the first year */
  readonly baseYear?: number;
}

export interface GroupTfpLevelsResult {
  /** per group: normalised levels by year (null where undefined) and their mean over the non-null years */
  readonly groups: readonly {
    readonly id: string;
    readonly levels: readonly (number | null)[];
    /** A_{g,t} = Y/(K^α L^{1−α}) before normalisation */
    readonly raw: readonly (number | null)[];
    readonly mean: number | null;
  }[];
  /** A_{CN,t} with α_CN,t the VA-weighted mean of α_{g,t} */
  readonly economy: readonly (number | null)[];
  /** α_CN,t */
  readonly economyCapitalShare: Float64Array;
  readonly normalisation: TfpNormalisation;
  /** tfp_level_undefined */
  readonly diagnostics: readonly ProductivityDiagnostic[];
}

/**
 * Sector-group TFP levels (部门组全要素生产率水平): A_{g,t} = Y_{g,t}/(K_{g,t}^{α_g} L_{g,t}^{1−α_g})
 * under constant returns, normalised "relative" to the economy (A_{g,t}/A_{CN,t}, with A_CN from the
 * summed Y, K, L and α_CN,t = Σ_g Y_{g,t}α_g/Σ_g Y_{g,t}; default), to the group's "base_year" level,
 * or "raw"; plus the mean over the years. Any Y, K or L ≤ 0 makes that level null
 * (`tfp_level_undefined`).
 *
 * @param options - {@link GroupTfpLevelsOptions}
 * @returns `{groups: [{id, levels, raw, mean}], economy, economyCapitalShare, normalisation, diagnostics}`
 * @throws {CoreError} too_few_observations (no groups or no years); dimension_mismatch; non_finite;
 *   invalid_argument (unknown normalisation; reason share_out_of_range: α ∉ (0, 1); unknown_base_year)
 * @example
 * groupTfpLevels({ groups: [
 *   { id: "fusion", output: [100], capital: [150], labour: [20], capitalShare: 0.4 },
 *   { id: "other", output: [200], capital: [600], labour: [80], capitalShare: 0.5 },
 * ] }).groups.map((g) => g.levels[0]); // => [1.906278, 0.779202] (spec §4.4)
 * @see spec methods.md §4.4; Hall & Jones (1999), QJE 114(1), 83–116.
 */
export function groupTfpLevels(options: GroupTfpLevelsOptions): GroupTfpLevelsResult {
  const fn = "groupTfpLevels";
  const normalisation = options.normalisation ?? "relative";
  if (normalisation !== "relative" && normalisation !== "base_year" && normalisation !== "raw") {
    throw new CoreError("invalid_argument", {
      function: fn,
      option: "normalisation",
      received: normalisation,
      allowed: ["relative", "base_year", "raw"],
    });
  }
  const G = options.groups;
  if (G.length === 0)
    throw new CoreError("too_few_observations", { function: fn, argument: "groups", required: 1, received: 0 });
  const T = (G[0] as TfpGroup).output.length;
  if (T === 0)
    throw new CoreError("too_few_observations", { function: fn, argument: "output", required: 1, received: 0 });
  const years = options.years ?? Array.from({ length: T }, (_, t) => t);
  checkLength(years, T, "years", fn);
  const alphas = G.map((g, gi) => {
    checkLength(g.output, T, `groups[${gi}].output`, fn);
    checkLength(g.capital, T, `groups[${gi}].capital`, fn);
    checkLength(g.labour, T, `groups[${gi}].labour`, fn);
    checkFinite(g.output, `groups[${gi}].output`, fn);
    checkFinite(g.capital, `groups[${gi}].capital`, fn);
    checkFinite(g.labour, `groups[${gi}].labour`, fn);
    const a = typeof g.capitalShare === "number" ? new Float64Array(T).fill(g.capitalShare) : g.capitalShare;
    checkLength(a, T, `groups[${gi}].capitalShare`, fn);
    for (let t = 0; t < T; t++) {
      const v = a[t] as number;
      if (!(v > 0 && v < 1)) {
        throw new CoreError("invalid_argument", {
          function: fn,
          argument: `groups[${gi}].capitalShare`,
          reason: "share_out_of_range",
          index: t,
          value: v,
        });
      }
    }
    return a;
  });
  let baseIndex = 0;
  if (normalisation === "base_year" && options.baseYear !== undefined) {
    baseIndex = Array.from(years).indexOf(options.baseYear);
    if (baseIndex < 0) {
      throw new CoreError("invalid_argument", {
        function: fn,
        argument: "baseYear",
        reason: "unknown_base_year",
        baseYear: options.baseYear,
      });
    }
  }
  const diagnostics: ProductivityDiagnostic[] = [];
  const level = (y: number, k: number, l: number, a: number): number | null =>
    y > 0 && k > 0 && l > 0 ? Math.exp(Math.log(y) - a * Math.log(k) - (1 - a) * Math.log(l)) : null;
  const raw = G.map((g, gi) =>
    Array.from({ length: T }, (_, t) => {
      const v = level(g.output[t] as number, g.capital[t] as number, g.labour[t] as number, alphas[gi]?.[t] as number);
      if (v === null)
        diagnostics.push(productivityDiagnostic("tfp_level_undefined", "warning", { group: g.id, index: t }));
      return v;
    }),
  );
  const economyCapitalShare = new Float64Array(T);
  const economy = Array.from({ length: T }, (_, t) => {
    const ys = G.map((g) => g.output[t] as number);
    const Y = neumaierSum(ys);
    const K = neumaierSum(G.map((g) => g.capital[t] as number));
    const L = neumaierSum(G.map((g) => g.labour[t] as number));
    const a = Y > 0 ? neumaierSum(ys.map((y, gi) => y * (alphas[gi]?.[t] as number))) / Y : Number.NaN;
    economyCapitalShare[t] = a;
    const v = Y > 0 ? level(Y, K, L, a) : null;
    if (v === null)
      diagnostics.push(productivityDiagnostic("tfp_level_undefined", "warning", { group: "economy", index: t }));
    return v;
  });
  const groups = G.map((g, gi) => {
    const r = raw[gi] as (number | null)[];
    const levels = r.map((v, t) => {
      if (v === null) return null;
      if (normalisation === "raw") return v;
      const den = normalisation === "relative" ? economy[t] : r[baseIndex];
      return den === null || den === undefined ? null : v / den;
    });
    const defined = levels.filter((v): v is number => v !== null);
    return { id: g.id, levels, raw: r, mean: defined.length > 0 ? neumaierSum(defined) / defined.length : null };
  });
  return { groups, economy, economyCapitalShare, normalisation, diagnostics };
}
