/**
 * Input–output family (投入产出): contract violations and diagnostics of src/core/io-analysis and the
 * IO use cases (coefficients, Leontief/Ghosh, linkages, groups, intensities, annual series, RAS).
 * Params are what the emitters send; sector params are 0-based indices unless named `code(s)`.
 */
import { show } from "../params.js";
import { type IoReason, reasonText } from "../reasons.js";
import type { Bilingual } from "./types.js";

interface Where {
  readonly function?: string;
}

type ZeroOutputPolicy = "error" | "zero_column";

export interface IoCoreErrorParams {
  readonly not_productive: Where & {
    readonly argument?: string;
    readonly reason: Extract<
      IoReason,
      "negative_coefficient" | "spectral_radius_ge_one" | "inverse_not_nonnegative" | "column_sums_not_positive"
    >;
    readonly spectralRadius?: number;
    readonly lower?: number;
    readonly upper?: number;
    readonly row?: number;
    readonly col?: number;
    readonly sector?: number;
    readonly value?: number;
  };
  readonly negative_flow: Where & {
    readonly argument?: string;
    readonly row: number;
    readonly col: number;
    readonly value: number;
  };
  readonly zero_output: Where & { readonly sectors: readonly number[]; readonly policy: ZeroOutputPolicy };
  readonly unknown_sector: Where & { readonly code: string; readonly available?: readonly string[] };
  readonly invalid_group: Where & {
    readonly reason?: Extract<IoReason, "empty" | "duplicate" | "all_sectors" | "no_output" | "digital_not_found">;
    readonly group?: string;
    readonly code?: string;
    readonly codes?: readonly string[];
    readonly method?: string;
    readonly size?: number;
    readonly n?: number;
  };
  readonly ras_not_converged: Where & {
    readonly iterations: number;
    readonly maxDeviation: number;
    readonly tolerance: number;
    readonly threshold: number;
  };
  readonly ras_infeasible: Where & {
    readonly axis: "row" | "column";
    readonly index: number;
    readonly target: number;
    readonly iteration?: number;
  };
}

export interface IoDiagnosticParams {
  readonly column_sum_ge_one: { readonly sector: number; readonly columnSum: number; readonly matrix?: "I-A" | "I-H" };
  readonly zero_output_sectors: {
    readonly sectors: readonly number[];
    readonly policy: ZeroOutputPolicy;
    readonly scope?: "group_weights";
    /** sector codes added by the app (`withSectorCodes`) */
    readonly codes?: readonly string[];
    readonly matrix?: "I-A" | "I-H";
  };
  readonly interpolated: {
    readonly from: number;
    readonly to: number;
    readonly year?: number;
    readonly weight?: number;
    readonly method: "linear" | "interpolate_A_two_block" | "linear_in_coefficients";
  };
  readonly extrapolated_hold: { readonly from: number; readonly to: number };
  readonly ras_converged: { readonly iterations: number; readonly maxDeviation: number; readonly tolerance: number };
  readonly ras_targets_rescaled: { readonly factor: number; readonly sumU: number; readonly sumV: number };
  readonly imbalance: { readonly axis: "row" | "column"; readonly maxRelative: number; readonly sector?: string };
  readonly detailed_table_not_used: {
    readonly tableId: string;
    readonly year: number;
    readonly reason: "group_method_not_invariant" | "group_not_resolvable";
  };
}

const zhList = (v: unknown): string => show(v, "、");
const enWhere = (p: Where): string => (p.function !== undefined ? `${p.function}: ` : "");
const zhWhere = (p: Where): string => (p.function !== undefined ? `${p.function}：` : "");
/** 1-based sector positions for display. */
const positions = (idx: readonly number[]): number[] => idx.map((i) => i + 1);

const ZH_INTERPOLATION = {
  linear: "线性插值",
  interpolate_A_two_block: "两部门合并后对直接消耗系数线性插值",
  linear_in_coefficients: "对系数线性插值",
} as const;
const EN_INTERPOLATION = {
  linear: "linear",
  interpolate_A_two_block: "direct input coefficients of the two-block table, linear",
  linear_in_coefficients: "linear in the coefficients",
} as const;

export const coreErrors: Bilingual<IoCoreErrorParams> = {
  "zh-CN": {
    not_productive: (p) =>
      `${zhWhere(p)}直接消耗系数矩阵不满足生产性条件（${reasonText(p.reason, "zh-CN")}${p.spectralRadius !== undefined ? `；谱半径估计 ${show(p.spectralRadius)}` : ""}${p.lower !== undefined && p.upper !== undefined ? `，介于 ${show(p.lower)} 与 ${show(p.upper)} 之间` : ""}${p.sector !== undefined ? `；第 ${p.sector + 1} 个部门` : p.col !== undefined ? `；第 ${p.col + 1} 列` : ""}）。生产性经济要求 A ≥ 0 且谱半径 < 1；请检查计量单位和总产出。`,
    negative_flow: (p) =>
      `${zhWhere(p)}中间流量为负（第 ${p.row + 1} 行、第 ${p.col + 1} 列：${show(p.value)}）。系数必须非负；请修正该单元格，或将负值计入误差（其他）列。`,
    zero_output: (p) =>
      `${zhWhere(p)}第 ${zhList(positions(p.sectors))} 个部门总产出为零，其系数无定义。请改用零产出处理方式 zero_column，或删除这些部门。`,
    unknown_sector: (p) =>
      `${zhWhere(p)}表中没有部门代码「${p.code}」${p.available !== undefined ? `（可用代码：${zhList(p.available)}）` : ""}。请使用 \`shushi datasets show <id>\` 显示的代码。`,
    invalid_group: (p) =>
      p.reason === "digital_not_found"
        ? `${zhWhere(p)}无法按代码或名称在此表中找到数字部门。请直接给出部门代码，例如 --group S20,S32（或 ?group=…）。`
        : `${zhWhere(p)}部门组无效${p.reason !== undefined ? `（${reasonText(p.reason, "zh-CN")}）` : p.size !== undefined && p.n !== undefined ? `（${p.n} 个部门中选了 ${p.size} 个）` : ""}${p.codes !== undefined && p.codes.length > 0 ? `：${zhList(p.codes)}` : p.code !== undefined ? `：${p.code}` : ""}。部门组至少包含一个部门、不得重复，且组外至少留一个部门。`,
    ras_not_converged: (p) =>
      `${zhWhere(p)}RAS 在 ${p.iterations} 次迭代内未收敛（最大偏差 ${show(p.maxDeviation)}，收敛阈值 ${show(p.threshold)}）。目标值可能与初始矩阵不一致；请增加迭代上限或检查行、列合计。`,
    ras_infeasible: (p) =>
      `${zhWhere(p)}RAS 目标无法满足：第 ${p.index + 1} ${p.axis === "row" ? "行" : "列"}的目标值 ${show(p.target)} 为正，但初始矩阵该${p.axis === "row" ? "行" : "列"}全为零。请为初始矩阵在该处提供非零值，或将目标设为零。`,
  },
  en: {
    not_productive: (p) =>
      `${enWhere(p)}the coefficient matrix is not productive (${reasonText(p.reason, "en")}${p.spectralRadius !== undefined ? `; spectral radius estimate ${show(p.spectralRadius)}` : ""}${p.lower !== undefined && p.upper !== undefined ? ` in [${show(p.lower)}, ${show(p.upper)}]` : ""}${p.sector !== undefined ? `; sector ${p.sector + 1}` : p.col !== undefined ? `; column ${p.col + 1}` : ""}). A productive economy needs A ≥ 0 with spectral radius < 1; check units and the output row of the table.`,
    negative_flow: (p) =>
      `${enWhere(p)}an intermediate flow is negative (row ${p.row + 1}, column ${p.col + 1}: ${show(p.value)}). Coefficients must be non-negative; correct the cell or move the negative amount to the discrepancy column.`,
    zero_output: (p) =>
      `${enWhere(p)}sector(s) ${show(positions(p.sectors))} (1-based) have zero output, so their coefficients cannot be computed. Use the zero-output policy "zero_column" or remove the sectors.`,
    unknown_sector: (p) =>
      `${enWhere(p)}sector code “${p.code}” is not in the table${p.available !== undefined ? ` (available: ${show(p.available)})` : ""}. Use the codes shown by \`shushi datasets show <id>\`.`,
    invalid_group: (p) =>
      p.reason === "digital_not_found"
        ? `${enWhere(p)}the digital sectors (数字部门) could not be found in this table by code or name. Pass the sector codes explicitly, e.g. --group S20,S32 (or ?group=…).`
        : `${enWhere(p)}the sector group is invalid${p.reason !== undefined ? ` (${reasonText(p.reason, "en")})` : p.size !== undefined && p.n !== undefined ? ` (${p.size} of ${p.n} sectors selected)` : ""}${p.codes !== undefined && p.codes.length > 0 ? `: ${show(p.codes)}` : p.code !== undefined ? `: ${p.code}` : ""}. A group must contain at least one sector, no duplicates, and leave at least one sector outside it.`,
    ras_not_converged: (p) =>
      `${enWhere(p)}RAS did not converge within ${p.iterations} iterations (max deviation ${show(p.maxDeviation)}, threshold ${show(p.threshold)}). The targets may be inconsistent with the prior matrix; raise the iteration limit or check the row and column totals.`,
    ras_infeasible: (p) =>
      `${enWhere(p)}RAS targets cannot be met: ${p.axis} ${p.index + 1} has the positive target ${show(p.target)} but is all zero in the prior matrix. Give the prior matrix a non-zero entry there or set the target to zero.`,
  },
};

export const diagnostics: Bilingual<IoDiagnosticParams> = {
  "zh-CN": {
    column_sum_ge_one: (p) =>
      `第 ${p.sector + 1} 个部门的直接消耗系数列和为 ${show(p.columnSum)} ≥ 1（经济整体仍满足生产性）；该部门投入超过产出，请核对其总产出。`,
    zero_output_sectors: (p) =>
      `总产出为零的部门（${p.codes !== undefined ? zhList(p.codes) : `第 ${zhList(positions(p.sectors))} 个`}）已按零产出处理方式 ${p.policy} 处理：其系数为零，${p.scope === "group_weights" ? "不计入部门组的加权" : "不计入平均值"}。`,
    interpolated: (p) =>
      `${p.year !== undefined ? `${p.year} 年的` : ""}数值在编表年份 ${p.from} 与 ${p.to} 之间插值（${ZH_INTERPOLATION[p.method]}），为估计值，并非公布的投入产出表。`,
    extrapolated_hold: (p) => `系数保持 ${p.from} 年水平直至 ${p.to} 年（无更新的表）；这些年份的数值属于假设。`,
    detailed_table_not_used: (p) =>
      p.reason === "group_method_not_invariant"
        ? `${p.year} 年的细分表 ${p.tableId} 未纳入序列：所选部门组算法的结果取决于部门的细分方式，只有两部门合并法（two_block）与细分无关；该年数值由相邻编表年份插值得到。`
        : `${p.year} 年的细分表 ${p.tableId} 未纳入序列：在该表中找不到所指定的部门组；该年数值由相邻编表年份插值得到。请用该表的部门代码指定部门组。`,
    ras_converged: (p) =>
      `RAS 经 ${p.iterations} 次迭代收敛（最大偏差 ${show(p.maxDeviation)}，容差 ${show(p.tolerance)}）。`,
    ras_targets_rescaled: (p) =>
      `RAS 目标已按系数 ${show(p.factor)} 缩放，使行合计（${show(p.sumU)}）与列合计（${show(p.sumV)}）一致。`,
    imbalance: (p) =>
      `投入产出表${p.axis === "row" ? "行" : "列"}向不平衡（最大相对差 ${show(p.maxRelative)}${p.sector !== undefined ? `，部门 ${p.sector}` : ""}）；计算采用表中给出的总产出。`,
  },
  en: {
    column_sum_ge_one: (p) =>
      `Column sum of A for sector ${p.sector + 1} is ${show(p.columnSum)} ≥ 1 although the economy is productive; that sector's inputs exceed its output — check its output value.`,
    zero_output_sectors: (p) =>
      `Sectors with zero output (${p.codes !== undefined ? show(p.codes) : `positions ${show(positions(p.sectors))}`}) were handled by the “${p.policy}” policy; their coefficients are zero and they are excluded from ${p.scope === "group_weights" ? "the group weights" : "averages"}.`,
    interpolated: (p) =>
      `${p.year !== undefined ? `Values for ${p.year} were` : "Values were"} interpolated between the table years ${p.from} and ${p.to} (${EN_INTERPOLATION[p.method]}); they are estimates, not published tables.`,
    extrapolated_hold: (p) =>
      `Coefficients were held at ${p.from} values up to ${p.to} (no later table); treat these years as assumptions.`,
    detailed_table_not_used: (p) =>
      p.reason === "group_method_not_invariant"
        ? `The detailed ${p.year} table ${p.tableId} was left out of the series: with the chosen group method the result depends on how sectors are split; only two_block is split-invariant. That year is interpolated between the neighbouring table years.`
        : `The detailed ${p.year} table ${p.tableId} was left out of the series: the group could not be found in it. That year is interpolated between the neighbouring table years; name the group with that table's sector codes.`,
    ras_converged: (p) =>
      `RAS converged in ${p.iterations} iterations (max deviation ${show(p.maxDeviation)}, tolerance ${show(p.tolerance)}).`,
    ras_targets_rescaled: (p) =>
      `RAS targets were rescaled by ${show(p.factor)} so that the row total (${show(p.sumU)}) and column total (${show(p.sumV)}) agree.`,
    imbalance: (p) =>
      `The table does not balance on the ${p.axis} side (largest relative gap ${show(p.maxRelative)}${p.sector !== undefined ? ` at sector ${p.sector}` : ""}); results are computed with the stated output.`,
  },
};
