/**
 * Common family (通用): contract violations any method can raise (shapes, finiteness, arguments,
 * singular matrices, too few observations) and the linear-algebra diagnostics (condition, spectral
 * radius, residual, backend). Params are what the emitters send (src/core/linalg, src/core/stats,
 * src/core/io-analysis/checks.ts, src/app, src/native).
 */
import { show } from "../params.js";
import { type ReasonCode, reasonText } from "../reasons.js";
import type { Bilingual, Shown } from "./types.js";

/** `function` names the core function (developer context, shown as a prefix). */
interface Where {
  readonly function?: string;
}

export interface CommonCoreErrorParams {
  readonly dimension_mismatch: Where & {
    readonly argument?: string;
    readonly backend?: string;
    /** the row of a ragged nested array (fromRows) */
    readonly row?: number;
    readonly expected: number | readonly number[];
    readonly received: number | readonly number[];
  };
  readonly invalid_argument: Where & {
    readonly option?: string;
    readonly argument?: string;
    readonly received?: Shown;
    readonly expected?: Shown;
    readonly reason?: ReasonCode;
    readonly index?: number;
    readonly value?: Shown;
    /** context some emitters add (not part of the message) */
    readonly backend?: string;
    readonly info?: Shown;
    readonly rows?: number;
    readonly cols?: number;
    readonly row?: number;
    readonly col?: number;
    readonly code?: string;
    readonly sector?: number;
    readonly n?: number;
    readonly sum?: number;
    readonly sumU?: number;
    readonly sumV?: number;
    readonly year?: number;
    readonly from?: number;
    readonly to?: number;
    readonly table?: string;
    readonly kind?: string;
    readonly tolerance?: number;
    readonly difference?: number;
  };
  readonly non_finite: Where & {
    readonly argument?: string;
    readonly index?: number;
    readonly row?: number;
    readonly col?: number;
    readonly value?: number;
  };
  readonly not_square: Where & { readonly argument?: string; readonly rows: number; readonly cols: number };
  readonly singular_matrix: Where & {
    /** 0-based elimination step (LU) */
    readonly step?: number;
    /** numerical rank found (QR) and the number of columns */
    readonly rank?: number;
    readonly cols?: number;
    readonly pivot?: number;
    readonly tolerance?: number;
    readonly backend?: string;
    /** regressions (econometrics): why the design is singular, and the columns involved */
    readonly reason?: ReasonCode;
    readonly columns?: Shown;
    readonly model?: string;
  };
  /** Cholesky met a pivot d_j ≤ 0 at 0-based column `index` */
  readonly not_positive_definite: Where & {
    readonly argument?: string;
    readonly index: number;
    readonly pivot: number;
  };
  readonly too_few_observations: Where & {
    readonly argument?: string;
    /** the series family with no table (io series) */
    readonly family?: string;
    readonly received: number;
    readonly required: number;
    readonly reason?: ReasonCode;
  };
}

export interface CommonDiagnosticParams {
  readonly condition_estimate: {
    readonly estimate: number;
    readonly norm: 1 | 2;
    readonly method: "exact_from_inverse" | "exact_from_column_sums" | "jacobi_svd";
    readonly matrix?: "I-A" | "I-H" | "X";
  };
  readonly ill_conditioned: {
    readonly estimate: number;
    readonly threshold: number;
    readonly matrix?: "I-A" | "I-H" | "X";
  };
  /** Collatz–Wielandt bounds lower ≤ ρ ≤ upper; `value` is settled only when `converged` */
  readonly spectral_radius: {
    readonly value: number;
    readonly lower: number;
    readonly upper: number;
    readonly iterations: number;
    readonly converged: boolean;
    readonly method: "collatz_wielandt_power_iteration";
    readonly matrix?: "I-A" | "I-H";
  };
  readonly inverse_residual: {
    readonly value: number;
    readonly threshold: number;
    readonly method?: "solve";
    readonly matrix?: "I-A" | "I-H";
  };
  readonly backend_fallback: { readonly reason: "native_unavailable"; readonly detail?: string };
  readonly backend_used: { readonly backend: string };
}

const zhList = (v: unknown): string => show(v, "、");
const enWhere = (p: Where): string => (p.function !== undefined ? `${p.function}: ` : "");
const zhWhere = (p: Where): string => (p.function !== undefined ? `${p.function}：` : "");
const zhReason = (r: ReasonCode | undefined): string => reasonText(r, "zh-CN");
const enReason = (r: ReasonCode | undefined): string => reasonText(r, "en");
const digitsLost = (estimate: number): number => Math.max(0, Math.round(Math.log10(estimate > 0 ? estimate : 1)));
const zhMatrix = (m: string | undefined): string =>
  m === "X" ? "回归设计矩阵 X" : m === "I-H" ? "(I − H)" : "(I − A)";
const enMatrix = (m: string | undefined): string =>
  m === "X" ? "the regression design X" : m === "I-H" ? "(I − H)" : "(I − A)";

export const coreErrors: Bilingual<CommonCoreErrorParams> = {
  "zh-CN": {
    dimension_mismatch: (p) =>
      `${zhWhere(p)}维度不一致（${p.argument !== undefined ? `参数 ${p.argument}，` : ""}应为 ${zhList(p.expected)}，实为 ${zhList(p.received)}）。一起传入的矩阵和向量必须对应同一组部门；请检查表的行数、列数与总产出向量长度是否相同。`,
    invalid_argument: (p) =>
      `${zhWhere(p)}${p.option !== undefined ? `选项「${p.option}」无效` : `参数无效${p.argument !== undefined ? `「${p.argument}」` : ""}`}${p.received !== undefined ? `（传入 ${zhList(p.received)}）` : p.value !== undefined ? `（取值 ${zhList(p.value)}）` : ""}${p.expected !== undefined ? `；应为 ${zhList(p.expected)}` : ""}${p.reason !== undefined ? `——${zhReason(p.reason)}` : ""}。请修改后重试。`,
    non_finite: (p) =>
      `${zhWhere(p)}输入${p.argument !== undefined ? ` ${p.argument} ` : ""}中含有非数值或无穷值${p.index !== undefined ? `（位置 ${p.index}）` : p.row !== undefined ? `（第 ${p.row + 1} 行、第 ${(p.col ?? 0) + 1} 列）` : ""}。计算需要有限数值；请在源表中补齐或删除缺失的单元格。`,
    not_square: (p) =>
      `${zhWhere(p)}矩阵必须是方阵（实为 ${p.rows}×${p.cols}）。中间流量矩阵的行与列必须是同一组部门。`,
    singular_matrix: (p) =>
      p.reason === "collinear_columns" || p.reason === "collinear_design"
        ? `${zhWhere(p)}回归的解释变量完全共线（秩 ${p.rank ?? 0}${p.columns !== undefined ? `，与其他列线性相关的列：${zhList(p.columns)}` : ""}），系数无法唯一确定。请删除重复或可由其他列线性组合得到的变量（例如与截距项重复的常数列）。`
        : p.reason !== undefined
          ? `${zhWhere(p)}矩阵奇异——${zhReason(p.reason)}。`
          : `${zhWhere(p)}矩阵奇异（${p.step !== undefined ? `第 ${p.step + 1} 步消元` : `秩 ${p.rank ?? 0}，列数 ${p.cols ?? 0}`}${p.pivot !== undefined ? `，最小主元 ${show(p.pivot)}` : ""}），无法求逆或求解；对 (I − A) 而言即列昂惕夫逆矩阵（完全需要系数）不存在。请检查是否有投入等于产出的部门，或将其与相邻部门合并。`,
    not_positive_definite: (p) =>
      `${zhWhere(p)}矩阵${p.argument !== undefined ? ` ${p.argument} ` : ""}不是正定矩阵（第 ${p.index + 1} 列的主元为 ${show(p.pivot)} ≤ 0），无法做 Cholesky 分解。请检查是否存在共线的变量，或改用 QR 分解。`,
    too_few_observations: (p) =>
      `${zhWhere(p)}观测值太少（实有 ${p.received}，至少需要 ${p.required}）${p.family !== undefined ? `——数据库中没有「${p.family}」类别的投入产出表` : p.reason !== undefined ? `——${zhReason(p.reason)}` : ""}。请增加编表年份或缩短所需区间。`,
  },
  en: {
    dimension_mismatch: (p) =>
      `${enWhere(p)}dimensions do not match (${p.argument !== undefined ? `argument ${p.argument}: ` : ""}expected ${show(p.expected)}, received ${show(p.received)}). The matrices and vectors passed together must describe the same sectors; check that the table's rows, columns and output vector have the same length.`,
    invalid_argument: (p) =>
      `${enWhere(p)}invalid ${p.option !== undefined ? `option “${p.option}”` : `argument${p.argument !== undefined ? ` “${p.argument}”` : ""}`}${p.received !== undefined ? ` (received ${show(p.received)})` : p.value !== undefined ? ` (value ${show(p.value)})` : ""}${p.expected !== undefined ? `; expected ${show(p.expected)}` : ""}${p.reason !== undefined ? ` — ${enReason(p.reason)}` : ""}. Correct it and run again.`,
    non_finite: (p) =>
      `${enWhere(p)}input${p.argument !== undefined ? ` ${p.argument}` : ""} contains a value that is not a finite number${p.index !== undefined ? ` (at ${p.index})` : p.row !== undefined ? ` (row ${p.row + 1}, column ${(p.col ?? 0) + 1})` : ""}. Methods need finite numbers; fill or remove the missing cells in the source table.`,
    not_square: (p) =>
      `${enWhere(p)}the matrix must be square (received ${p.rows}×${p.cols}). An intermediate-flow matrix needs the same sectors on its rows and columns.`,
    singular_matrix: (p) =>
      p.reason === "collinear_columns" || p.reason === "collinear_design"
        ? `${enWhere(p)}the regressors are perfectly collinear (rank ${p.rank ?? 0}${p.columns !== undefined ? `; columns dependent on the others: ${show(p.columns)}` : ""}), so the coefficients are not identified. Remove duplicated variables or ones that are linear combinations of others (e.g. a constant column besides the intercept).`
        : p.reason !== undefined
          ? `${enWhere(p)}the matrix is singular — ${enReason(p.reason)}.`
          : `${enWhere(p)}the matrix is singular (${p.step !== undefined ? `elimination step ${p.step + 1}` : `rank ${p.rank ?? 0} of ${p.cols ?? 0} columns`}${p.pivot !== undefined ? `, smallest pivot ${show(p.pivot)}` : ""}), so it cannot be inverted or solved; for (I − A) the Leontief inverse does not exist. Check for sectors whose inputs equal their output, or aggregate them with a neighbouring sector.`,
    not_positive_definite: (p) =>
      `${enWhere(p)}matrix${p.argument !== undefined ? ` ${p.argument}` : ""} is not positive definite (pivot ${show(p.pivot)} ≤ 0 at column ${p.index + 1}), so the Cholesky factorisation fails. Check for collinear variables or use the QR factorisation.`,
    too_few_observations: (p) =>
      `${enWhere(p)}too few observations (received ${p.received}, need ${p.required})${p.family !== undefined ? ` — no table of the “${p.family}” family is in the store` : p.reason !== undefined ? ` — ${enReason(p.reason)}` : ""}. Add more table years or shorten the requested range.`,
  },
};

export const diagnostics: Bilingual<CommonDiagnosticParams> = {
  "zh-CN": {
    condition_estimate: (p) => `${zhMatrix(p.matrix)} 的条件数（${p.norm} 范数）：${show(p.estimate)}。`,
    ill_conditioned: (p) =>
      `${zhMatrix(p.matrix)} 病态（条件数 ${show(p.estimate)}，超过 ${show(p.threshold)}），结果可能损失约 ${digitsLost(p.estimate)} 位有效数字。${p.matrix === "X" ? "请检查解释变量之间是否近乎共线，或对量级悬殊的变量重新标度。" : "请检查是否存在近乎空的部门，或将其合并。"}`,
    spectral_radius: (p) =>
      p.converged
        ? `直接消耗系数矩阵的谱半径：${show(p.value)}（Collatz–Wielandt 幂迭代，${p.iterations} 次迭代收敛）。`
        : `直接消耗系数矩阵的谱半径介于 ${show(p.lower)} 与 ${show(p.upper)} 之间（Collatz–Wielandt 幂迭代 ${p.iterations} 次未收敛，只给出上下界）。`,
    inverse_residual: (p) =>
      p.method === "solve"
        ? `线性方程组求解残差：${show(p.value)}（阈值 ${show(p.threshold)}）。`
        : `逆矩阵残差 max|(I − A)L − I| = ${show(p.value)}（阈值 ${show(p.threshold)}）。`,
    backend_fallback: (p) =>
      `未使用本地 OpenBLAS 后端（${zhReason(p.reason)}），改用 TypeScript 的 LU 分解（结果相同，大表较慢）。`,
    backend_used: (p) => `线性代数后端：${p.backend}。`,
  },
  en: {
    condition_estimate: (p) => `Condition number of ${enMatrix(p.matrix)} (${p.norm}-norm): ${show(p.estimate)}.`,
    ill_conditioned: (p) =>
      `${enMatrix(p.matrix)} is ill-conditioned (condition number ${show(p.estimate)}, above ${show(p.threshold)}); results may lose about ${digitsLost(p.estimate)} significant digits. ${p.matrix === "X" ? "Check for nearly collinear regressors, or rescale variables of very different magnitudes." : "Check for nearly empty sectors or aggregate them."}`,
    spectral_radius: (p) =>
      p.converged
        ? `Spectral radius of A: ${show(p.value)} (Collatz–Wielandt power iteration, converged in ${p.iterations} iterations).`
        : `Spectral radius of A is bounded in [${show(p.lower)}, ${show(p.upper)}] (the Collatz–Wielandt power iteration did not converge in ${p.iterations} iterations; only the bounds are certain).`,
    inverse_residual: (p) =>
      p.method === "solve"
        ? `Residual of the linear solves: ${show(p.value)} (threshold ${show(p.threshold)}).`
        : `Inverse residual max|(I − A)L − I| = ${show(p.value)} (threshold ${show(p.threshold)}).`,
    backend_fallback: (p) =>
      `The native OpenBLAS backend was not used (${enReason(p.reason)}${p.detail !== undefined ? `: ${p.detail}` : ""}); the TypeScript LU was used instead (same results, slower on large tables).`,
    backend_used: (p) => `Linear algebra backend: ${p.backend}.`,
  },
};
