/**
 * Digital capital stock by the perpetual inventory method (永续盘存法) and capital deepening
 * (资本深化), spec methods.md §8.1–8.2.
 */
import { CoreError } from "../errors.js";
import { checkFinite, checkLength, type ProductivityDiagnostic, productivityDiagnostic } from "./codes.js";

/**
 * Initial (end of first year) stock of the PIM: the Harberger/Hall–Jones steady-state rule
 * K_{t0} = (I_{t0}/P_{t0})/(g + δ), or a given value.
 */
export type PimInitial =
  | {
      readonly method: "growth";
      /**
       * years used for g, the geometric mean growth of real investment over the first gWindow years
       * ((I_{w−1}/I_0)^{1/(w−1)} − 1); shortened to the data with `growth_window_truncated`
       * @default 5
       */
      readonly gWindow?: number;
      /** a given growth rate g (fraction) instead of the estimate from the window */
      readonly growth?: number;
    }
  | {
      readonly method: "value";
      /** the end-of-year stock of the first year (at the deflator's base prices) */
      readonly value: number;
    };

/** One asset of {@link perpetualInventory}. */
export interface PimAsset {
  /** asset label echoed in diagnostics and results @default "asset<i>" */
  readonly name?: string;
  /** gross investment of consecutive years, current prices (e.g. 亿元) */
  readonly investment: ArrayLike<number>;
  /** investment price index (P_t > 0, base = 1); omitted → current prices with `current_price_investment` */
  readonly deflator?: ArrayLike<number>;
  /** geometric depreciation rate δ ∈ [0, 1] (spec defaults: hardware 0.315, communication equipment 0.115, software 0.315, single asset 0.2) */
  readonly delta: number;
  /** initial stock rule @default { method: "growth", gWindow: 5 } */
  readonly initial?: PimInitial;
}

/** A single asset, or several accumulated separately and summed. */
export type PerpetualInventoryOptions = PimAsset | { readonly assets: readonly PimAsset[] };

/** The stock of one asset. */
export interface PimAssetResult {
  readonly name: string;
  /** K_t, end of year, constant prices */
  readonly stock: Float64Array;
  /** I_t / P_t */
  readonly realInvestment: Float64Array;
  /** the growth rate g used for the initial stock (null when the value was given) */
  readonly initialGrowth: number | null;
  readonly delta: number;
}

export interface PerpetualInventoryResult {
  /** Σ_a K_{a,t} */
  readonly stock: Float64Array;
  readonly assets: readonly PimAssetResult[];
  /** negative_investment, current_price_investment, growth_window_truncated */
  readonly diagnostics: readonly ProductivityDiagnostic[];
}

/**
 * Capital stock by the perpetual inventory method (永续盘存法): K_t = (1 − δ)K_{t−1} + I_t/P_t per
 * asset (end-of-year stock; the investment of year t fully added), started from
 * K_{t0} = (I_{t0}/P_{t0})/(g + δ) with g the geometric mean growth of real investment over the first
 * `gWindow` years (or a given g), or from a given K_{t0}; assets are summed.
 *
 * Modelling choices: a negative investment after the base year is accumulated as given and flagged
 * (`negative_investment`); without a deflator the investment is taken at current prices
 * (`current_price_investment`). Multiple assets must have the same length (the same years).
 *
 * @param options - one {@link PimAsset} or `{assets}`
 * @returns `{stock, assets: [{name, stock, realInvestment, initialGrowth, delta}], diagnostics}`
 * @throws {CoreError} too_few_observations (empty investment or no assets); dimension_mismatch
 *   (deflator or asset lengths differ); non_finite; invalid_argument with reason
 *   depreciation_out_of_range (δ ∉ [0, 1]), non_positive_deflator, non_positive_base_investment
 *   (I_{t0}/P_{t0} ≤ 0 with the growth rule), growth_plus_depreciation_not_positive (g + δ ≤ 0),
 *   invalid_count (gWindow not an integer ≥ 2)
 * @example
 * perpetualInventory({ investment: [100, 110, 121, 133.1], delta: 0.1,
 *   initial: { method: "growth", growth: 0.1 } }).stock; // => [500, 560, 625, 695.6]
 * @see spec methods.md §8.1; Harberger (1978); Hall & Jones (1999), QJE 114(1); 张军、吴桂英、张吉鹏
 *   (2004), 经济研究 (10); OECD (2009), Measuring Capital, ch. 6.
 * Complexity O(T) per asset.
 */
export function perpetualInventory(options: PerpetualInventoryOptions): PerpetualInventoryResult {
  const fn = "perpetualInventory";
  const assets: readonly PimAsset[] = "assets" in options ? options.assets : [options];
  if (assets.length === 0)
    throw new CoreError("too_few_observations", { function: fn, argument: "assets", required: 1, received: 0 });
  const T = (assets[0] as PimAsset).investment.length;
  if (T === 0)
    throw new CoreError("too_few_observations", { function: fn, argument: "investment", required: 1, received: 0 });
  const diagnostics: ProductivityDiagnostic[] = [];
  const results: PimAssetResult[] = assets.map((a, ai) => {
    const name = a.name ?? `asset${ai + 1}`;
    checkLength(a.investment, T, `assets[${ai}].investment`, fn);
    checkFinite(a.investment, `assets[${ai}].investment`, fn);
    if (!(a.delta >= 0 && a.delta <= 1)) {
      throw new CoreError("invalid_argument", {
        function: fn,
        argument: "delta",
        reason: "depreciation_out_of_range",
        asset: name,
        value: a.delta,
      });
    }
    const real = new Float64Array(T);
    if (a.deflator === undefined) {
      diagnostics.push(productivityDiagnostic("current_price_investment", "info", { asset: name }));
      for (let t = 0; t < T; t++) real[t] = a.investment[t] as number;
    } else {
      checkLength(a.deflator, T, `assets[${ai}].deflator`, fn);
      checkFinite(a.deflator, `assets[${ai}].deflator`, fn);
      for (let t = 0; t < T; t++) {
        const p = a.deflator[t] as number;
        if (!(p > 0)) {
          throw new CoreError("invalid_argument", {
            function: fn,
            argument: "deflator",
            reason: "non_positive_deflator",
            asset: name,
            index: t,
            value: p,
          });
        }
        real[t] = (a.investment[t] as number) / p;
      }
    }
    for (let t = 1; t < T; t++) {
      if ((real[t] as number) < 0) {
        diagnostics.push(
          productivityDiagnostic("negative_investment", "warning", { asset: name, index: t, value: real[t] }),
        );
      }
    }
    const init = a.initial ?? { method: "growth" };
    const stock = new Float64Array(T);
    let initialGrowth: number | null = null;
    if (init.method === "value") {
      if (!Number.isFinite(init.value)) throw new CoreError("non_finite", { function: fn, argument: "initial.value" });
      stock[0] = init.value;
    } else {
      const i0 = real[0] as number;
      if (!(i0 > 0)) {
        throw new CoreError("invalid_argument", {
          function: fn,
          argument: "investment",
          reason: "non_positive_base_investment",
          asset: name,
          value: i0,
        });
      }
      let g: number;
      if (init.growth !== undefined) {
        if (!Number.isFinite(init.growth))
          throw new CoreError("non_finite", { function: fn, argument: "initial.growth" });
        g = init.growth;
      } else {
        const w = init.gWindow ?? 5;
        if (!Number.isInteger(w) || w < 2) {
          throw new CoreError("invalid_argument", {
            function: fn,
            argument: "initial.gWindow",
            reason: "invalid_count",
            received: w,
          });
        }
        if (T < 2)
          throw new CoreError("too_few_observations", {
            function: fn,
            argument: "investment",
            required: 2,
            received: T,
          });
        const used = Math.min(w, T);
        if (used < w) {
          diagnostics.push(
            productivityDiagnostic("growth_window_truncated", "warning", { asset: name, requested: w, used }),
          );
        }
        const last = real[used - 1] as number;
        if (!(last > 0)) {
          throw new CoreError("invalid_argument", {
            function: fn,
            argument: "investment",
            reason: "non_positive_level",
            asset: name,
            index: used - 1,
            value: last,
          });
        }
        g = (last / i0) ** (1 / (used - 1)) - 1;
      }
      if (!(g + a.delta > 0)) {
        throw new CoreError("invalid_argument", {
          function: fn,
          argument: "initial",
          reason: "growth_plus_depreciation_not_positive",
          asset: name,
          growth: g,
          delta: a.delta,
        });
      }
      initialGrowth = g;
      stock[0] = i0 / (g + a.delta);
    }
    for (let t = 1; t < T; t++) stock[t] = (1 - a.delta) * (stock[t - 1] as number) + (real[t] as number);
    return { name, stock, realInvestment: real, initialGrowth, delta: a.delta };
  });
  const stock = new Float64Array(T);
  for (const r of results) for (let t = 0; t < T; t++) stock[t] = (stock[t] as number) + (r.stock[t] as number);
  return { stock, assets: results, diagnostics };
}

/** How the deepening rate combines capital and labour growth. */
export type DeepeningMethod = "ratio" | "difference";

/** How the recent rates are averaged. */
export type DeepeningAveraging = "mean" | "cagr";

export interface CapitalDeepeningOptions {
  /** capital stock K_t of consecutive years */
  readonly capital: ArrayLike<number>;
  /** employment L_t of the same years */
  readonly labour: ArrayLike<number>;
  /** "difference" g_K − g_L (增长率差法, spec default) or exact "ratio" (1+g_K)/(1+g_L) − 1 @default "difference" */
  readonly method?: DeepeningMethod;
  /** "mean" of the last `window` rates (spec default) or compound annual rate over them @default "mean" */
  readonly averaging?: DeepeningAveraging;
  /** number of most recent annual rates averaged ("近五年") @default 5 */
  readonly window?: number;
}

export interface CapitalDeepeningResult {
  /** k_t = K_t/L_t (null when L_t ≤ 0) */
  readonly perWorker: readonly (number | null)[];
  /** g_K,t = K_t/K_{t−1} − 1 (index 0 is null; null when K_{t−1} ≤ 0) */
  readonly capitalGrowth: readonly (number | null)[];
  /** g_L,t (as capitalGrowth) */
  readonly labourGrowth: readonly (number | null)[];
  /** deepening rate g_k,t by `method` (null where a growth rate is) */
  readonly deepening: readonly (number | null)[];
  /**
   * "mean": arithmetic mean of the non-null deepening rates among the last `window`;
   * "cagr": (k_T/k_{T−w})^{1/w} − 1 for "ratio", CAGR(K) − CAGR(L) for "difference" (null when a level ≤ 0)
   */
  readonly average: number | null;
  readonly method: DeepeningMethod;
  readonly averaging: DeepeningAveraging;
  /** the number of annual rates the average covers */
  readonly window: number;
  /** undefined_growth, averaging_window_truncated */
  readonly diagnostics: readonly ProductivityDiagnostic[];
}

/**
 * Capital deepening (资本深化) and the growth-rate difference (增长率差): per-worker capital k_t = K_t/L_t
 * and its growth, either exactly, g_k = (1 + g_K)/(1 + g_L) − 1 ("ratio"), or by the growth-rate
 * difference g_k ≈ g_K − g_L ("difference", default), averaged over the last `window` years
 * ("近五年平均增速": arithmetic mean by default, option CAGR).
 *
 * @param options - {@link CapitalDeepeningOptions}
 * @returns `{perWorker, capitalGrowth, labourGrowth, deepening, average, method, averaging, window, diagnostics}`
 * @throws {CoreError} dimension_mismatch; non_finite; too_few_observations (fewer than 2 years);
 *   invalid_argument (unknown method/averaging; reason invalid_count for window)
 * @example
 * capitalDeepening({ capital: [100, 110, 121], labour: [10, 10.1, 10.2] }).deepening;
 * // => [null, 0.09, 0.0901…]
 * @see spec methods.md §8.2 and §0.4 (growth rates, CAGR); SEED 001 §三(三) (the five-year average).
 */
export function capitalDeepening(options: CapitalDeepeningOptions): CapitalDeepeningResult {
  const fn = "capitalDeepening";
  const { capital: K, labour: L } = options;
  const method = options.method ?? "difference";
  const averaging = options.averaging ?? "mean";
  const window = options.window ?? 5;
  if (method !== "ratio" && method !== "difference")
    throw new CoreError("invalid_argument", {
      function: fn,
      option: "method",
      received: method,
      allowed: ["ratio", "difference"],
    });
  if (averaging !== "mean" && averaging !== "cagr")
    throw new CoreError("invalid_argument", {
      function: fn,
      option: "averaging",
      received: averaging,
      allowed: ["mean", "cagr"],
    });
  if (!Number.isInteger(window) || window < 1)
    throw new CoreError("invalid_argument", {
      function: fn,
      argument: "window",
      reason: "invalid_count",
      received: window,
    });
  const T = K.length;
  checkLength(L, T, "labour", fn);
  checkFinite(K, "capital", fn);
  checkFinite(L, "labour", fn);
  if (T < 2)
    throw new CoreError("too_few_observations", { function: fn, argument: "capital", required: 2, received: T });
  const diagnostics: ProductivityDiagnostic[] = [];
  const growth = (x: ArrayLike<number>, series: string): (number | null)[] =>
    Array.from({ length: T }, (_, t) => {
      if (t === 0) return null;
      const prev = x[t - 1] as number;
      if (!(prev > 0)) {
        diagnostics.push(productivityDiagnostic("undefined_growth", "warning", { series, index: t }));
        return null;
      }
      return (x[t] as number) / prev - 1;
    });
  const gK = growth(K, "capital");
  const gL = growth(L, "labour");
  const perWorker = Array.from({ length: T }, (_, t) =>
    (L[t] as number) > 0 ? (K[t] as number) / (L[t] as number) : null,
  );
  const deepening = gK.map((k, t) => {
    const l = gL[t] ?? null;
    if (k === null || l === null) return null;
    return method === "ratio" ? (1 + k) / (1 + l) - 1 : k - l;
  });
  const used = Math.min(window, T - 1);
  if (used < window)
    diagnostics.push(productivityDiagnostic("averaging_window_truncated", "warning", { requested: window, used }));
  let average: number | null = null;
  if (averaging === "mean") {
    let s = 0;
    let n = 0;
    for (let t = T - used; t < T; t++) {
      const d = deepening[t];
      if (d !== null && d !== undefined) {
        s += d;
        n++;
      }
    }
    average = n > 0 ? s / n : null;
  } else {
    const c = (x: ArrayLike<number>): number | null => {
      const a = x[T - 1 - used] as number;
      const b = x[T - 1] as number;
      return a > 0 && b > 0 ? (b / a) ** (1 / used) - 1 : null;
    };
    if (method === "ratio") {
      const a = perWorker[T - 1 - used] ?? null;
      const b = perWorker[T - 1] ?? null;
      average = a !== null && b !== null && a > 0 && b > 0 ? (b / a) ** (1 / used) - 1 : null;
    } else {
      const ck = c(K);
      const cl = c(L);
      average = ck !== null && cl !== null ? ck - cl : null;
    }
  }
  return {
    perWorker,
    capitalGrowth: gK,
    labourGrowth: gL,
    deepening,
    average,
    method,
    averaging,
    window: used,
    diagnostics,
  };
}
