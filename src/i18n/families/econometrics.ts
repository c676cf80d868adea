/**
 * Econometrics family (计量方法): diagnostics of src/core/econometrics (OLS, Granger causality and
 * lag selection, unit-root tests) and of the econometric use cases. Contract violations reuse the
 * common codes with an econometrics `reason` (reasons.ts).
 */
import { show } from "../params.js";

/** A statistic that may be absent (posterior's NA): a dash. */
const orDash = (v: number | null): string => (v === null ? "—" : show(v));

import type { Bilingual } from "./types.js";

export interface EconometricsDiagnosticParams {
  readonly small_sample: {
    readonly dfDen: number;
    readonly threshold: number;
    readonly lags: number;
    readonly n: number;
  };
  readonly perfect_fit: {
    readonly rssUnrestricted: number;
    readonly threshold: number;
    readonly rssRestricted: number;
  };
  readonly pvalue_clamped: {
    readonly statistic: number;
    readonly min: number;
    readonly max: number;
    readonly pValue: number;
  };
  readonly max_lags_truncated: { readonly schwert: number; readonly maxLags: number; readonly n: number };
  readonly observations_dropped: { readonly count: number; readonly rows: readonly number[]; readonly n: number };
  readonly lag_order_raised: { readonly criterion: string };
  readonly draws_not_converged: {
    readonly quantity: string;
    readonly rhat: number | null;
    readonly essBulk: number | null;
    readonly essTail: number | null;
    readonly chains: number;
  };
  readonly variance_rounded_to_zero: {
    readonly coefficients: readonly string[];
    readonly variances: readonly number[];
  };
  readonly levels_unit_root: { readonly column: string; readonly statistic: number; readonly pValue: number };
  readonly pvalue_smaller_than_reported: {
    readonly statistic: number;
    readonly criticalValue: number;
    readonly pValue: number;
  };
  readonly pvalue_greater_than_reported: {
    readonly statistic: number;
    readonly criticalValue: number;
    readonly pValue: number;
  };
  readonly lags_truncated: {
    readonly rule: string;
    readonly requested: number;
    readonly lags: number;
    readonly n: number;
  };
  readonly posterior_variance_undefined: { readonly shape: number };
  readonly nonstationary_ar_mean: { readonly spectralRadius: number };
  readonly monte_carlo_seed: { readonly algorithm: string; readonly seed: number; readonly draws: number };
  readonly not_converged: { readonly stage: "css" | "ml"; readonly iterations: number; readonly maxit: number };
  readonly non_finite_gradient: { readonly stage: "css" | "ml" };
  readonly non_stationary_ar: { readonly minRootModulus: number };
  readonly non_invertible_ma: { readonly minRootModulus: number };
  readonly css_ml_fallback_to_css: { readonly minRootModulus: number };
  readonly transform_pars_disabled: Readonly<Record<string, never>>;
  readonly hessian_not_positive_definite: { readonly reason?: string };
  readonly approximation_not_used: { readonly n: number };
  readonly model_limit_reached: { readonly nmodels: number };
  readonly singleton_entities: { readonly count: number; readonly entities: readonly string[] };
  readonly high_vif: { readonly column: string; readonly vif: number; readonly threshold: number };
}

const rowsText = (rows: readonly number[], count: number, sep: string): string =>
  `${rows.join(sep)}${count > rows.length ? " …" : ""}`;

export const diagnostics: Bilingual<EconometricsDiagnosticParams> = {
  "zh-CN": {
    small_sample: (p) =>
      `小样本：${p.lags} 阶滞后、${p.n} 个观测时，F 检验的分母自由度只有 ${p.dfDen}（少于 ${p.threshold}），检验功效很低，结论须谨慎解读。`,
    perfect_fit: (p) =>
      `无约束模型完全拟合（残差平方和 ${show(p.rssUnrestricted)}，约束模型 ${show(p.rssRestricted)}）：F 与 χ² 统计量为无穷大、p 值为 0。这通常说明序列之间存在精确的确定性关系，请检查数据。`,
    pvalue_clamped: (p) =>
      `统计量 ${show(p.statistic)} 超出 MacKinnon (1994) 近似的适用范围 [${show(p.min)}, ${show(p.max)}]，p 值按 statsmodels 的做法记为 ${show(p.pValue)}。`,
    max_lags_truncated: (p) =>
      `受样本量（${p.n}）限制，默认最大滞后阶数由 Schwert 规则的 ${p.schwert} 降为 ${p.maxLags}。`,
    observations_dropped: (p) =>
      `${p.count} 行在所用的列中有缺失值，已整行剔除（第 ${rowsText(p.rows, p.count, "、")} 行）；回归使用 ${p.n} 个观测。`,
    lag_order_raised: (p) => `信息准则（${p.criterion}）选择了 0 阶滞后，但格兰杰检验至少需要 1 阶：已按 1 阶检验。`,
    draws_not_converged: (p) =>
      `模拟抽样在“${p.quantity}”上未达到收敛标准（${p.chains} 条链：R̂ = ${orDash(p.rhat)}，主体有效样本量 ${orDash(p.essBulk)}，尾部有效样本量 ${orDash(p.essTail)}；要求 R̂ ≤ 1.01、每条链有效样本量 ≥ 100）：请增加抽样次数，或谨慎解读预测区间。`,
    variance_rounded_to_zero: (p) =>
      `系数 ${p.coefficients.join("、")} 的方差因舍入误差略小于零（${show(p.variances)}）：拟合几乎完全精确，稳健协方差的中间矩阵在舍入意义上为零；其标准误记为 0。`,
    levels_unit_root: (p) =>
      `“${p.column}”的水平值未能拒绝单位根（ADF 统计量 ${show(p.statistic)}，p = ${show(p.pValue)}）：水平值上的格兰杰检验和回归标准误以平稳为前提，结果可能是伪回归；可改用差分或对数差分变换。`,
    pvalue_smaller_than_reported: (p) =>
      `KPSS 统计量 ${show(p.statistic)} 大于临界值表的最大值 ${show(p.criticalValue)}：p 值记为 ${show(p.pValue)}，真实 p 值更小。`,
    pvalue_greater_than_reported: (p) =>
      `KPSS 统计量 ${show(p.statistic)} 小于临界值表的最小值 ${show(p.criticalValue)}：p 值记为 ${show(p.pValue)}，真实 p 值更大。`,
    lags_truncated: (p) =>
      `按规则（${p.rule}）算得的滞后阶数 ${p.requested} 超过 n − 1（n = ${p.n}），已截断为 ${p.lags}。`,
    posterior_variance_undefined: (p) =>
      `后验形状参数 ${show(p.shape)} ≤ 1：误差方差的后验均值不存在，记为空值。请增加观测或调整先验。`,
    nonstationary_ar_mean: (p) =>
      `按后验均值，自回归部分非平稳（伴随矩阵谱半径 ${show(p.spectralRadius)} ≥ 1）：预测路径不会回归均值，远期预测须谨慎。`,
    monte_carlo_seed: (p) => `预测区间由 ${p.draws} 次蒙特卡洛抽样得到（${p.algorithm}，种子 ${p.seed}），可完全复现。`,
    not_converged: (p) =>
      `优化在${p.stage === "css" ? "条件平方和（CSS）" : "极大似然（ML）"}阶段达到迭代上限（${p.iterations}/${p.maxit} 次）而未收敛：估计值是优化停止处的值，不可作为最终结果。请简化模型或检查数据。`,
    non_finite_gradient: (p) =>
      `${p.stage === "css" ? "条件平方和" : "似然函数"}的数值梯度出现非有限值：估计值停在优化中断处。请检查数据的量级或简化模型。`,
    non_stationary_ar: (p) =>
      `估计的自回归多项式有根落在单位圆上或圆内（最小根模 ${show(p.minRootModulus)}）：模型非平稳，预测区间会随期数迅速扩大。`,
    non_invertible_ma: (p) =>
      `估计的移动平均多项式有根落在单位圆内（最小根模 ${show(p.minRootModulus)}）：模型不可逆。`,
    css_ml_fallback_to_css: (p) =>
      `条件平方和（CSS）给出的自回归部分非平稳（最小根模 ${show(p.minRootModulus)}），无法作为极大似然的起点：按设定改用 CSS 估计，信息准则不可用。`,
    transform_pars_disabled: () => "部分自回归系数被固定，因此关闭了平稳性变换（与 R 相同）。",
    hessian_not_positive_definite: () =>
      "Hessian 矩阵不可逆或给出负方差：标准误无法计算，记为空值。模型可能过度参数化。",
    approximation_not_used: (p) =>
      `样本量 ${p.n} 超过 150 时 R 的 \`auto.arima\` 会先用 CSS 近似筛选模型；此处始终用精确极大似然，所选阶数可能与 R 不同。`,
    model_limit_reached: (p) => `逐步搜索达到模型数上限（${p.nmodels} 个）：可能未找到最优阶数。`,
    singleton_entities: (p) =>
      `${p.count} 个对象只有一个观测（${p.entities.join("、")}${p.count > p.entities.length ? " …" : ""}）：固定效应下它们对斜率没有贡献。`,
    high_vif: (p) =>
      `「${p.column}」的方差膨胀因子为 ${show(p.vif)}（超过 ${show(p.threshold)}）：它与其他解释变量高度共线，系数的标准误被放大。`,
  },

  en: {
    small_sample: (p) =>
      `Small sample: with ${p.lags} lag(s) and ${p.n} observations the F test has only ${p.dfDen} denominator degrees of freedom (fewer than ${p.threshold}); its power is low, so read the result with care.`,
    perfect_fit: (p) =>
      `The unrestricted model fits exactly (residual sum of squares ${show(p.rssUnrestricted)}, restricted ${show(p.rssRestricted)}): F and χ² are infinite and the p-values 0. This usually means an exact deterministic relation between the series; check the data.`,
    pvalue_clamped: (p) =>
      `The statistic ${show(p.statistic)} lies outside the range of MacKinnon's (1994) approximation [${show(p.min)}, ${show(p.max)}]; the p-value is set to ${show(p.pValue)} as statsmodels does.`,
    max_lags_truncated: (p) =>
      `The sample size (${p.n}) lowered the default maximum lag from Schwert's rule ${p.schwert} to ${p.maxLags}.`,
    observations_dropped: (p) =>
      `${p.count} row(s) with a missing value in a column used were left out (rows ${rowsText(p.rows, p.count, ", ")}); the regression uses ${p.n} observations.`,
    lag_order_raised: (p) =>
      `The information criterion (${p.criterion}) chose lag order 0, but a Granger test needs at least 1: order 1 was used.`,
    draws_not_converged: (p) =>
      `The simulation draws of “${p.quantity}” miss the convergence bounds (${p.chains} chains: R̂ = ${orDash(p.rhat)}, bulk ESS ${orDash(p.essBulk)}, tail ESS ${orDash(p.essTail)}; wanted R̂ ≤ 1.01 and an ESS of at least 100 per chain): draw more, or read the intervals with care.`,
    variance_rounded_to_zero: (p) =>
      `The variance of ${p.coefficients.join(", ")} came out a hair below zero by rounding (${show(p.variances)}): the fit is exact or nearly so and the robust meat is zero up to rounding; the standard error is reported as 0.`,
    levels_unit_root: (p) =>
      `The ADF test does not reject a unit root in the levels of “${p.column}” (statistic ${show(p.statistic)}, p = ${show(p.pValue)}): the Granger test and the regression's standard errors on levels assume stationarity, so the result may be spurious; differences or log differences (--transform diff|logdiff) are the usual remedy.`,
    pvalue_smaller_than_reported: (p) =>
      `The KPSS statistic ${show(p.statistic)} is above the table's largest critical value ${show(p.criticalValue)}: the p-value is shown as ${show(p.pValue)}; the true p-value is smaller.`,
    pvalue_greater_than_reported: (p) =>
      `The KPSS statistic ${show(p.statistic)} is below the table's smallest critical value ${show(p.criticalValue)}: the p-value is shown as ${show(p.pValue)}; the true p-value is greater.`,
    lags_truncated: (p) =>
      `The lag from the ${p.rule} rule, ${p.requested}, exceeds n − 1 (n = ${p.n}) and was capped at ${p.lags}.`,
    posterior_variance_undefined: (p) =>
      `The posterior shape ${show(p.shape)} is ≤ 1: the posterior mean of the error variance does not exist and is shown as empty. Add observations or change the prior.`,
    nonstationary_ar_mean: (p) =>
      `At the posterior mean the autoregressive part is not stationary (companion spectral radius ${show(p.spectralRadius)} ≥ 1): the forecast path does not revert to a mean; read long horizons with care.`,
    monte_carlo_seed: (p) =>
      `The prediction intervals come from ${p.draws} Monte-Carlo draws (${p.algorithm}, seed ${p.seed}) and can be reproduced exactly.`,
    not_converged: (p) =>
      `The optimiser reached its iteration limit in the ${p.stage === "css" ? "conditional-sum-of-squares (CSS)" : "maximum-likelihood (ML)"} stage (${p.iterations} of ${p.maxit}) without converging: the estimates are where it stopped, not a final result. Simplify the model or check the data.`,
    non_finite_gradient: (p) =>
      `A numerical gradient of the ${p.stage === "css" ? "conditional sum of squares" : "likelihood"} was not finite: the estimates are where the optimiser stopped. Check the scale of the data or simplify the model.`,
    non_stationary_ar: (p) =>
      `The estimated AR polynomial has a root on or inside the unit circle (smallest modulus ${show(p.minRootModulus)}): the model is not stationary and prediction intervals widen quickly.`,
    non_invertible_ma: (p) =>
      `The estimated MA polynomial has a root inside the unit circle (smallest modulus ${show(p.minRootModulus)}): the model is not invertible.`,
    css_ml_fallback_to_css: (p) =>
      `The conditional-sum-of-squares estimate has a non-stationary AR part (smallest root modulus ${show(p.minRootModulus)}), so it cannot start maximum likelihood: the CSS fit is reported instead, without information criteria.`,
    transform_pars_disabled: () =>
      "Some AR coefficients are fixed, so the stationarity transform was switched off (as in R).",
    hessian_not_positive_definite: () =>
      "The Hessian is not invertible or gives negative variances: standard errors cannot be computed and are shown as empty. The model may be over-parameterised.",
    approximation_not_used: (p) =>
      `With ${p.n} observations (over 150) auto.arima first screens models by a CSS approximation; exact maximum likelihood is always used here, so the chosen order may differ from R's.`,
    model_limit_reached: (p) =>
      `The stepwise search reached its limit of ${p.nmodels} models: the best order may not have been found.`,
    singleton_entities: (p) =>
      `${p.count} entities have a single observation (${p.entities.join(", ")}${p.count > p.entities.length ? " …" : ""}): under fixed effects they contribute nothing to the slopes.`,
    high_vif: (p) =>
      `The variance inflation factor of “${p.column}” is ${show(p.vif)} (above ${show(p.threshold)}): it is highly collinear with the other regressors, which inflates its standard error.`,
  },
};

/** Interface strings of the econometrics family's terminal output (joined by messages.ts). */
export const EN = {
  "col.term": "term",
  "col.estimate": "estimate",
  "col.std_error": "std. error",
  "col.t": "t",
  "col.p_value": "p-value",
  "col.lags": "lags",
  "col.direction_test": "null hypothesis",
  "col.f": "F",
  "col.df": "df",
  "col.chi2": "χ²",
  "col.chi2_p": "χ² p-value",
  "label.response": "response",
  "label.covariance": "covariance",
  "label.r_squared": "R²",
  "label.adj_r_squared": "adjusted R²",
  "label.f_test": "F test (all slopes = 0)",
  "label.n_obs": "observations",
  "label.aic_bic": "AIC / BIC",
  "label.condition_number": "condition number κ₂(X)",
  "label.verified_against": "verified against",
  "label.lag_selection": "lag selection",
  "label.statistic": "statistic",
  "label.used_lag": "lagged differences",
  "label.critical_values": "critical values",
  "label.null_hypothesis": "H0",
  "label.transform": "transform",
  "hyp.x_does_not_granger_cause_y": "{x} does not Granger-cause {y}",
  "hyp.unit_root": "{column} has a unit root (is not stationary)",
  "hyp.level_stationary": "{column} is stationary around a constant level",
  "hyp.trend_stationary": "{column} is stationary around a linear trend",
  "se.classical": "classical",
  "se.hc0": "HC0 (White)",
  "se.hc1": "HC1",
  "se.hc2": "HC2",
  "se.hc3": "HC3",
  "se.nw": "Newey–West (lag {lags})",
  "col.step": "step",
  "col.forecast_mean": "forecast",
  "col.gdp_constant": "GDP, constant prices (100 million yuan)",
  "col.price_base": "price base",
  "col.employment": "employment (10 000)",
  "col.computed": "computed",
  "col.published": "published",
  "col.difference_pct": "difference %",
  "label.scenario": "scenario",
  "label.denominator": "employment denominator",
  "col.tfp_contribution": "TFP contribution %",
  "col.compared_tfp": "published TFP growth %",
  "label.mean_tfp_growth": "mean TFP growth",
  "col.investment": "investment",
  "col.stock": "capital stock",
  "col.per_worker": "per worker",
  "col.deepening_pct": "deepening %",
  "label.average_deepening": "average deepening, last five years",
  "label.bootstrap_p": "bootstrap p-value",
  "col.productivity": "labour productivity",
  "col.group": "group",
  "col.mean": "mean",
  "col.de_tfp_growth": "digital TFP growth %",
  "label.normalisation": "normalisation",
  "col.nominal": "GDP, current prices (100 million yuan)",
  "col.real_chained": "real GDP, chained (100 million yuan)",
  "col.growth_pct": "real growth %",
  "col.published_growth_pct": "published real growth %",
  "col.deflator": "deflator",
  "label.chained_base": "real GDP chained across price bases, at {base} prices; deflator {base} = 100",
  "col.posterior_mean": "posterior mean",
  "col.posterior_sd": "posterior s.d.",
  "col.quantity": "quantity",
  "col.ess_bulk": "bulk ESS",
  "col.ess_tail": "tail ESS",
  "label.draws": "draws",
  "label.convergence": "convergence of the draws ({chains} consecutive chains; R posterior's R̂ and ESS)",
  "col.index": "index",
  "label.productivity_series": "productivity series",
  "label.index_series": "index series",
  "label.regression": "regression of productivity on the index",
  "label.granger": "Granger causality",
  "label.not_run": "not run",
  "label.endpoint_slope": "endpoint slope {from}–{to} (two points, not a regression)",
  "label.published_slope": "published slope",
  "series.productivity.pwt": "PWT 10.01 real GDP per person engaged (2017 USD)",
  "series.productivity.nbs": "NBS overall labour productivity (yuan per person; communiqué value where printed)",
  "series.productivity.published": "published values (seed 000)",
  "series.index.proxy": "public-data integration index (OECD tables; base year = 100)",
  "series.index.published": "published CAICT index values",
} as const;

export const ZH: Record<keyof typeof EN, string> = {
  "col.term": "变量",
  "col.estimate": "估计值",
  "col.std_error": "标准误",
  "col.t": "t 值",
  "col.p_value": "p 值",
  "col.lags": "滞后阶数",
  "col.direction_test": "原假设",
  "col.f": "F 值",
  "col.df": "自由度",
  "col.chi2": "χ² 值",
  "col.chi2_p": "χ² 的 p 值",
  "label.response": "被解释变量",
  "label.covariance": "协方差估计",
  "label.r_squared": "R²",
  "label.adj_r_squared": "调整后 R²",
  "label.f_test": "F 检验（所有斜率为 0）",
  "label.n_obs": "观测数",
  "label.aic_bic": "AIC / BIC",
  "label.condition_number": "条件数 κ₂(X)",
  "label.verified_against": "已对照验证",
  "label.lag_selection": "滞后阶数选择",
  "label.statistic": "统计量",
  "label.used_lag": "差分滞后项数",
  "label.critical_values": "临界值",
  "label.null_hypothesis": "原假设",
  "label.transform": "变换",
  "hyp.x_does_not_granger_cause_y": "{x} 不是 {y} 的格兰杰原因",
  "hyp.unit_root": "{column} 存在单位根（非平稳）",
  "hyp.level_stationary": "{column} 围绕常数水平平稳",
  "hyp.trend_stationary": "{column} 围绕线性趋势平稳",
  "se.classical": "经典",
  "se.hc0": "HC0（White）",
  "se.hc1": "HC1",
  "se.hc2": "HC2",
  "se.hc3": "HC3",
  "se.nw": "Newey–West（滞后 {lags} 阶）",
  "col.step": "期数",
  "col.forecast_mean": "预测值",
  "col.gdp_constant": "不变价 GDP（亿元）",
  "col.price_base": "价格基期",
  "col.employment": "就业人员（万人）",
  "col.computed": "计算值",
  "col.published": "公布值",
  "col.difference_pct": "差异 %",
  "label.scenario": "情景",
  "label.denominator": "就业人数口径",
  "col.tfp_contribution": "TFP 贡献率 %",
  "col.compared_tfp": "公布的 TFP 增速 %",
  "label.mean_tfp_growth": "TFP 平均增速",
  "col.investment": "投资",
  "col.stock": "资本存量",
  "col.per_worker": "人均",
  "col.deepening_pct": "资本深化速度 %",
  "label.average_deepening": "近五年平均资本深化速度",
  "label.bootstrap_p": "自助法 p 值",
  "col.productivity": "劳动生产率",
  "col.group": "部门组",
  "col.mean": "均值",
  "col.de_tfp_growth": "数字经济 TFP 增速 %",
  "label.normalisation": "归一化方式",
  "col.nominal": "现价 GDP（亿元）",
  "col.real_chained": "链式实际 GDP（亿元）",
  "col.growth_pct": "实际增速 %",
  "col.published_growth_pct": "公布的实际增速 %",
  "col.deflator": "平减指数",
  "label.chained_base": "跨价格基期链式衔接的实际 GDP，按 {base} 年价格；平减指数以 {base} 年 = 100",
  "col.posterior_mean": "后验均值",
  "col.posterior_sd": "后验标准差",
  "col.quantity": "量",
  "col.ess_bulk": "主体有效样本量",
  "col.ess_tail": "尾部有效样本量",
  "label.draws": "次抽样",
  "label.convergence": "抽样收敛诊断（{chains} 条连续链；R̂ 与有效样本量按 R posterior 包的定义）",
  "col.index": "指数",
  "label.productivity_series": "生产率序列",
  "label.index_series": "指数序列",
  "label.regression": "生产率对指数的回归",
  "label.granger": "格兰杰因果检验",
  "label.not_run": "未运行",
  "label.endpoint_slope": "{from}—{to} 年端点斜率（两点连线，不是回归）",
  "label.published_slope": "公布的斜率",
  "series.productivity.pwt": "PWT 10.01 每就业人员实际 GDP（2017 年美元）",
  "series.productivity.nbs": "国家统计局全员劳动生产率（元/人；有公报值时用公报值）",
  "series.productivity.published": "公布值（种子文献 000）",
  "series.index.proxy": "公开数据实数融合指数（OECD 投入产出表；基期 = 100）",
  "series.index.published": "中国信通院公布的指数值",
};
