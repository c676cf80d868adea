/**
 * Reason codes (原因代码): the closed union of every `reason` param that an error, diagnostic or
 * data issue carries, with its text in both languages. Emitters send only these codes — never an
 * English phrase. Grouped by the family that emits them; a new family adds its section here and to
 * {@link REASONS}.
 */

import type { BilingualTexts } from "./families/types.js";
import type { Lang } from "./format.js";

/** Reasons of `invalid_argument` and other common contract violations. */
export type CommonReason =
  | "negative_entry"
  | "not_symmetric"
  | "constant_series"
  | "no_store"
  | "not_io_table"
  | "wrong_kind"
  | "native_unavailable";

const COMMON: BilingualTexts<CommonReason> = {
  "zh-CN": {
    negative_entry: "矩阵含有负元素",
    not_symmetric: "矩阵不对称",
    constant_series: "序列取值全部相同（没有变化），无法计算该统计量",
    no_store: "未打开数据库",
    not_io_table: "该数据集不是投入产出表",
    wrong_kind: "该数据集的类型不适用于此方法",
    native_unavailable: "本地 OpenBLAS 扩展不可用",
  },
  en: {
    negative_entry: "the matrix has a negative entry",
    not_symmetric: "the matrix is not symmetric",
    constant_series: "the series is constant (it does not vary), so the statistic cannot be computed",
    no_store: "no data store is open",
    not_io_table: "the dataset is not an input–output table",
    wrong_kind: "the dataset is of a kind this method does not take",
    native_unavailable: "the native OpenBLAS addon is unavailable",
  },
};

/** Reasons emitted by the input–output family (core io-analysis and the IO use cases). */
export type IoReason =
  // invalid_group
  | "empty"
  | "duplicate"
  | "all_sectors"
  | "no_output"
  | "digital_not_found"
  // not_productive
  | "negative_coefficient"
  | "spectral_radius_ge_one"
  | "inverse_not_nonnegative"
  | "column_sums_not_positive"
  // invalid_argument in io-analysis and the IO use cases
  | "no_domestic_flows"
  | "backend_requires_inverse"
  | "final_demand_required"
  | "no_positive_output"
  | "weights_not_positive"
  | "zero_output_column_nonzero"
  | "targets_not_rescalable"
  | "duplicate_year"
  | "year_not_integer"
  | "outside_table_years"
  | "interpolate_required"
  | "sector_not_mapped"
  | "group_code_collision"
  | "rest_code_equals_group_code";

const IO: BilingualTexts<IoReason> = {
  "zh-CN": {
    empty: "部门组为空",
    duplicate: "代码重复",
    all_sectors: "部门组包含了全部部门",
    no_output: "组内部门均无产出",
    digital_not_found: "表中未找到数字部门",
    negative_coefficient: "系数矩阵含有负值",
    spectral_radius_ge_one: "谱半径不小于 1",
    inverse_not_nonnegative: "逆矩阵出现负值",
    column_sums_not_positive: "完全需要系数的列和不为正",
    no_domestic_flows: "该表没有国内中间流量（竞争型进口表），请使用 `imports=competitive`",
    backend_requires_inverse: "指定线性代数后端时须用求逆方法",
    final_demand_required: "此权重需要最终使用数据",
    no_positive_output: "没有总产出为正的部门",
    weights_not_positive: "权重之和不为正",
    zero_output_column_nonzero: "总产出为零的部门其系数列不全为零",
    targets_not_rescalable: "行、列目标无法缩放到相同合计",
    duplicate_year: "两张表年份相同",
    year_not_integer: "年份必须是整数",
    outside_table_years: "年份超出编表年份范围",
    interpolate_required: "编表年份之间的年份需要插值方法",
    sector_not_mapped: "有部门未被映射到合并后的部门",
    group_code_collision: "部门组代码与组外某部门代码相同",
    rest_code_equals_group_code: "其他部门代码与部门组代码相同",
  },
  en: {
    empty: "the group is empty",
    duplicate: "a code appears twice",
    all_sectors: "the group covers every sector",
    no_output: "no member of the group has output",
    digital_not_found: "the digital sectors were not found in the table",
    negative_coefficient: "the coefficient matrix has a negative entry",
    spectral_radius_ge_one: "the spectral radius is at least 1",
    inverse_not_nonnegative: "the inverse has negative entries",
    column_sums_not_positive: "column sums of the Leontief inverse are not positive",
    no_domestic_flows:
      "the table has no domestic intermediate flows (it is a competitive-import table); use imports=competitive",
    backend_requires_inverse: "a linear-algebra backend needs the inverse method",
    final_demand_required: "final demand is needed for these weights",
    no_positive_output: "no sector has positive output",
    weights_not_positive: "the weights do not sum to a positive number",
    zero_output_column_nonzero: "a zero-output sector has a non-zero coefficient column",
    targets_not_rescalable: "the row and column targets cannot be rescaled to the same total",
    duplicate_year: "two tables have the same year",
    year_not_integer: "a year must be an integer",
    outside_table_years: "the year is outside the table years",
    interpolate_required: "years between tables need an interpolation method",
    sector_not_mapped: "a sector is not mapped to an aggregate sector",
    group_code_collision: "the group code equals a sector code outside the group",
    rest_code_equals_group_code: "the rest-of-economy code equals the group code",
  },
};

/** Reasons of data issues (ingest, readers, validation, store). */
export type DataReason =
  | "xls_not_supported"
  | "empty_file"
  | "not_zip"
  | "corrupt_xlsx"
  | "no_worksheets"
  | "read_failed"
  | "unterminated_quote"
  | "short_last_row"
  | "invalid_bytes"
  | "implausible_gb18030"
  | "binary_content"
  | "empty_cell"
  | "missing_row";

const DATA: BilingualTexts<DataReason> = {
  "zh-CN": {
    xls_not_supported: "不支持旧版 `.xls` 格式，请另存为 `.xlsx` 或 CSV",
    empty_file: "文件为空",
    not_zip: "文件不是有效的 XLSX（ZIP）文件",
    corrupt_xlsx: "XLSX 文件已损坏",
    no_worksheets: "工作簿中没有工作表",
    read_failed: "读取失败",
    unterminated_quote: "引号字段没有闭合",
    short_last_row: "最后一行单元格少于表头",
    invalid_bytes: "含有无效字节",
    implausible_gb18030: "按 GB18030 解码的结果不合常理",
    binary_content: "文件含有二进制内容",
    empty_cell: "单元格为空",
    missing_row: "缺少必需的行",
  },
  en: {
    xls_not_supported: "legacy .xls is not supported; save it as .xlsx or CSV",
    empty_file: "the file is empty",
    not_zip: "the file is not a valid XLSX (ZIP) file",
    corrupt_xlsx: "the XLSX file is corrupt",
    no_worksheets: "the workbook has no worksheet",
    read_failed: "reading failed",
    unterminated_quote: "a quoted field is never closed",
    short_last_row: "the last row has fewer cells than the header",
    invalid_bytes: "it contains invalid bytes",
    implausible_gb18030: "decoding as GB18030 gives implausible text",
    binary_content: "the file has binary content",
    empty_cell: "the cell is empty",
    missing_row: "a required row is missing",
  },
};

/** Reasons of the composite-index family (src/core/composite/codes.ts `CompositeReason`). */
export type CompositeReason =
  | "weights_not_normalised"
  | "negative_weight"
  | "invalid_direction"
  | "negative_value"
  | "non_positive_after_shift"
  | "non_positive_base"
  | "non_positive_mean"
  | "year_not_found"
  | "years_not_increasing"
  | "years_not_consecutive"
  | "invalid_factor";

const COMPOSITE: BilingualTexts<CompositeReason> = {
  "zh-CN": {
    weights_not_normalised: "权重之和不等于 1",
    negative_weight: "权重为负",
    invalid_direction: "指标方向只能是 +1（正向）或 −1（逆向）",
    negative_value: "该方法要求数值非负",
    non_positive_after_shift: "几何加总要求平移后的得分为正",
    non_positive_base: "基期（或分母）取值不为正，无法计算比值",
    non_positive_mean: "均值不为正，无法计算差异指标",
    year_not_found: "序列中没有所指定的年份",
    years_not_increasing: "年份未严格递增",
    years_not_consecutive: "年度序列存在缺失年份",
    invalid_factor: "不确定性分析的选择因素定义有误",
  },
  en: {
    weights_not_normalised: "the weights do not sum to 1",
    negative_weight: "a weight is negative",
    invalid_direction: "an indicator's direction must be +1 (benefit) or −1 (cost)",
    negative_value: "the method needs non-negative values",
    non_positive_after_shift: "geometric aggregation needs positive scores after the shift",
    non_positive_base: "the base (or denominator) is not positive, so no ratio can be taken",
    non_positive_mean: "the mean is not positive, so no disparity measure can be computed",
    year_not_found: "the year is not in the series",
    years_not_increasing: "the years are not strictly increasing",
    years_not_consecutive: "the annual series skips a year",
    invalid_factor: "a factor of the uncertainty analysis is malformed",
  },
};

/** Every reason code. */
/** Reasons of the econometrics family (src/core/econometrics and the econometric use cases). */
export type EconometricsReason =
  | "collinear_columns"
  | "collinear_design"
  | "max_lags_exceed_sample"
  | "max_lags_too_large"
  | "must_be_positive"
  | "negative"
  | "no_columns"
  | "not_converged"
  | "pole"
  | "residual_covariance_singular"
  | "unit_leverage"
  | "unknown_autolag"
  | "unknown_regression"
  | "integer_ge_1"
  | "non_positive_for_log"
  | "missing_in_series"
  | "too_few_for_lags"
  | "too_few_for_regressors"
  // KPSS
  | "unknown_nlags"
  | "integer_ge_0"
  | "lags_too_large"
  | "exact_linear_trend"
  | "autolag_undefined"
  // Bayesian ARX
  | "invalid_count"
  | "non_positive_prior_parameter"
  | "missing_exogenous_scenario"
  | "negative_scenario_sd"
  // ARIMA
  | "non_negative_integers"
  | "non_negative_integer"
  | "unknown_method"
  | "drift_needs_d_1"
  | "positive_integer"
  | "required_by_model"
  | "level_out_of_range"
  | "constant_differenced_series"
  | "no_suitable_model"
  | "collinear_xreg"
  | "negative_variance"
  | "singular"
  | "too_few_clusters"
  | "constant_column"
  // productivity (src/core/productivity/codes.ts ProductivityReason; duplicate_year, year_not_integer are IO's)
  | "growth_plus_depreciation_not_positive"
  | "non_positive_base_investment"
  | "non_positive_deflator"
  | "depreciation_out_of_range"
  | "share_out_of_range"
  | "non_positive_level"
  | "invalid_ddof"
  | "unknown_base_year"
  | "missing_years"
  | "unbalanced_panel";

const ECONOMETRICS: BilingualTexts<EconometricsReason> = {
  "zh-CN": {
    collinear_columns: "解释变量完全共线",
    collinear_design: "滞后项构成的设计矩阵完全共线（例如某一序列为常数）",
    max_lags_exceed_sample: "最大滞后阶数超出样本所能容许的范围",
    max_lags_too_large: "最大滞后阶数过大：回归的自由度不足",
    must_be_positive: "取值必须为正",
    negative: "取值不能为负",
    no_columns: "没有任何解释变量列",
    not_converged: "迭代未收敛",
    pole: "参数落在分布函数的极点上",
    residual_covariance_singular: "残差协方差矩阵奇异（序列之间存在精确的线性关系）",
    unit_leverage: "某个观测的杠杆值为 1（该观测被完全拟合），HC2/HC3 无定义；请改用 HC0/HC1",
    unknown_autolag: "未知的滞后阶数选择规则",
    unknown_regression: "未知的确定性项设定",
    integer_ge_1: "必须是不小于 1 的整数",
    non_positive_for_log: "取对数要求数值为正",
    missing_in_series: "时间序列中有缺失值：时间序列检验不能跳过缺失的年份",
    too_few_for_lags: "观测值不足以估计所设滞后阶数",
    too_few_for_regressors: "观测值不多于待估参数个数，没有剩余自由度",
    unknown_nlags: "未知的滞后阶数规则（可用 auto、legacy 或整数）",
    non_negative_integers: "阶数必须是非负整数",
    non_negative_integer: "必须是非负整数",
    unknown_method: "未知的估计方法（可用 CSS、ML 或 CSS-ML）",
    drift_needs_d_1: "漂移项只适用于一阶差分（d = 1）的模型",
    positive_integer: "必须是正整数",
    required_by_model: "模型含外生变量，预测时必须给出其未来取值",
    level_out_of_range: "置信水平须在 0 到 100 之间",
    constant_differenced_series: "差分后的序列为常数，无法估计",
    no_suitable_model: "候选模型均无法估计（不平稳、不可逆或未收敛）",
    collinear_xreg: "外生回归变量（差分后）完全共线",
    negative_variance: "方差估计为负",
    singular: "矩阵奇异",
    too_few_clusters: "聚类稳健标准误至少需要 2 个聚类",
    constant_column: "该列为常数，无法计算方差膨胀因子",
    integer_ge_0: "必须是非负整数",
    lags_too_large: "滞后阶数不能达到或超过观测数",
    exact_linear_trend: "序列恰为线性趋势，去趋势后的残差为 0",
    autolag_undefined: "自动带宽无定义（样本自协方差全为 0）",
    invalid_count: "必须是范围内的正整数",
    non_positive_prior_parameter: "先验参数必须为正",
    missing_exogenous_scenario: "模型含外生变量，预测时须给出其情景路径",
    negative_scenario_sd: "情景增长率的标准差不能为负",
    growth_plus_depreciation_not_positive: "初始存量公式要求增长率与折旧率之和为正",
    non_positive_base_investment: "基期实际投资必须为正",
    non_positive_deflator: "价格指数必须为正",
    depreciation_out_of_range: "折旧率须在 0 到 1 之间",
    share_out_of_range: "要素份额超出允许范围",
    non_positive_level: "用于对数或比值的水平值必须为正",
    invalid_ddof: "自由度修正只能是 0 或 1",
    unknown_base_year: "基年不在序列的年份中",
    missing_years: "指定了年份窗口，却没有给出各值的年份",
    unbalanced_panel: "面板不平衡：某个组（或部门）缺少某一年的观测",
  },
  en: {
    collinear_columns: "the regressors are perfectly collinear",
    collinear_design: "the lagged design is perfectly collinear (e.g. one series is constant)",
    max_lags_exceed_sample: "the maximum lag order exceeds what the sample allows",
    max_lags_too_large: "the maximum lag is too large: the regression has too few degrees of freedom",
    must_be_positive: "the value must be positive",
    negative: "the value must not be negative",
    no_columns: "there are no regressor columns",
    not_converged: "the iteration did not converge",
    pole: "the parameter lies at a pole of the distribution function",
    residual_covariance_singular: "the residual covariance is singular (the series are exactly linearly related)",
    unit_leverage: "an observation has leverage 1 (it is fitted exactly), so HC2/HC3 are undefined; use HC0/HC1",
    unknown_autolag: "unknown lag-selection rule",
    unknown_regression: "unknown deterministic terms",
    integer_ge_1: "must be an integer of at least 1",
    non_positive_for_log: "taking logarithms needs positive values",
    missing_in_series: "the time series has a missing value: time-series tests cannot skip years",
    too_few_for_lags: "too few observations for the lag order",
    too_few_for_regressors: "no more observations than parameters, so no residual degrees of freedom",
    unknown_nlags: "unknown lag rule (use auto, legacy or an integer)",
    non_negative_integers: "the orders must be non-negative integers",
    non_negative_integer: "must be a non-negative integer",
    unknown_method: "unknown estimation method (use CSS, ML or CSS-ML)",
    drift_needs_d_1: "a drift term needs a first-differenced model (d = 1)",
    positive_integer: "must be a positive integer",
    required_by_model: "the model has exogenous regressors, so a forecast needs their future values",
    level_out_of_range: "a confidence level must lie between 0 and 100",
    constant_differenced_series: "the differenced series is constant and cannot be modelled",
    no_suitable_model: "no candidate model could be fitted (non-stationary, non-invertible or not converged)",
    collinear_xreg: "the exogenous regressors (after differencing) are perfectly collinear",
    negative_variance: "a variance estimate is negative",
    singular: "the matrix is singular",
    too_few_clusters: "cluster-robust errors need at least 2 clusters",
    constant_column: "the column is constant, so its variance inflation factor is undefined",
    integer_ge_0: "must be a non-negative integer",
    lags_too_large: "the lag must be smaller than the number of observations",
    exact_linear_trend: "the series is an exact linear trend, so the detrended residuals are 0",
    autolag_undefined: "the automatic bandwidth is undefined (the sample autocovariances are all 0)",
    invalid_count: "must be a positive integer within range",
    non_positive_prior_parameter: "prior parameters must be positive",
    missing_exogenous_scenario: "the model has exogenous variables, so a forecast needs their scenario path",
    negative_scenario_sd: "the standard deviation of a scenario growth rate cannot be negative",
    growth_plus_depreciation_not_positive: "the initial-stock formula needs growth plus depreciation to be positive",
    non_positive_base_investment: "real investment in the base year must be positive",
    non_positive_deflator: "a price index must be positive",
    depreciation_out_of_range: "the depreciation rate must lie between 0 and 1",
    share_out_of_range: "a factor share is outside its allowed range",
    non_positive_level: "a level used in a logarithm or ratio must be positive",
    invalid_ddof: "the degrees-of-freedom correction must be 0 or 1",
    unknown_base_year: "the base year is not among the years of the series",
    missing_years: "a year window was given without the years of the values",
    unbalanced_panel: "the panel is unbalanced: a group (or sector) lacks a year that others have",
  },
};

/**
 * Reasons of the tier-structure and cost–benefit families (src/core/tiers, src/core/costbenefit;
 * `CostBenefitReason` in src/core/costbenefit/codes.ts).
 */
export type CostBenefitReason = "years_not_increasing" | "unknown_tier" | "duplicate_observation" | "invalid_window";

const COSTBENEFIT: BilingualTexts<CostBenefitReason> = {
  "zh-CN": {
    years_not_increasing: "年份必须是严格递增的整数",
    unknown_tier: "该层级不在所给的层级顺序中",
    duplicate_observation: "同一部门（或企业）同一年份的观测出现了两次",
    invalid_window: "年份区间无效：起止年份须为整数且起始年份不晚于结束年份",
  },
  en: {
    years_not_increasing: "the years must be strictly increasing integers",
    unknown_tier: "the tier is not in the given tier order",
    duplicate_observation: "the same sector (or firm) and year appears twice",
    invalid_window: "the year window is invalid: from and to must be integers with from ≤ to",
  },
};

export type ReasonCode =
  | CommonReason
  | IoReason
  | DataReason
  | CompositeReason
  | EconometricsReason
  | CostBenefitReason;

/** The reason texts of every family, by language. */
export const REASONS: BilingualTexts<ReasonCode> = {
  "zh-CN": {
    ...COMMON["zh-CN"],
    ...IO["zh-CN"],
    ...DATA["zh-CN"],
    ...COMPOSITE["zh-CN"],
    ...ECONOMETRICS["zh-CN"],
    ...COSTBENEFIT["zh-CN"],
  },
  en: { ...COMMON.en, ...IO.en, ...DATA.en, ...COMPOSITE.en, ...ECONOMETRICS.en, ...COSTBENEFIT.en },
};

/** Every reason code, at run time. */
export const REASON_CODES = Object.keys(REASONS.en) as ReasonCode[];

/** True for a known reason code. */
export function isReasonCode(value: unknown): value is ReasonCode {
  return typeof value === "string" && Object.hasOwn(REASONS.en, value);
}

/**
 * The text of a reason in the language. Params cross the core → i18n boundary untyped, so an unknown
 * value is still rendered: verbatim in English, as a neutral phrase in Chinese (never English prose).
 */
export function reasonText(reason: ReasonCode | undefined, lang: Lang): string {
  if (isReasonCode(reason)) return REASONS[lang][reason];
  return lang === "en" ? String(reason ?? "unspecified") : "原因未注明";
}
