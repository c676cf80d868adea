/**
 * 简体中文消息目录。每条消息说明出了什么问题、原因以及如何修正（STYLE §2.6）。
 * 对各代码联合类型做穷尽 switch：新增代码而未在此添加消息会导致编译错误。
 */

import type { DiagnosticCode } from "../core/diagnostics.js";
import type { CoreErrorCode } from "../core/errors.js";
import type { DataIssueCode, IssuePath } from "../data/issues.js";
import { type MessageCatalog, type Params, unreachable } from "./catalog.js";
import { has, param as q } from "./params.js";
import { reasonText } from "./reasons.js";

const p = (params: Params, key: string): string => q(params, key, "、");

function coreError(code: CoreErrorCode, params: Params): string {
  const where = has(params, "function") ? `${p(params, "function")}：` : "";
  switch (code) {
    case "dimension_mismatch":
      return `${where}维度不一致（应为 ${p(params, "expected")}，实为 ${p(params, "received")}）。一起传入的矩阵和向量必须对应同一组部门；请检查表的行数、列数与总产出向量长度是否相同。`;
    case "invalid_argument":
      return `${where}${has(params, "option") ? `选项「${p(params, "option")}」无效` : `参数无效${has(params, "argument") ? `「${p(params, "argument")}」` : ""}`}${has(params, "received") ? `（传入 ${p(params, "received")}）` : ""}${has(params, "expected") ? `；应为 ${p(params, "expected")}` : ""}${has(params, "reason") ? `——${reasonText(params.reason, "zh-CN")}` : ""}。请修改该选项后重试。`;
    case "non_finite":
      return `${where}输入中含有 NaN 或无穷值${has(params, "index") ? `（位置 ${p(params, "index")}）` : ""}。计算需要有限数值；请在源表中补齐或删除缺失的单元格。`;
    case "not_square":
      return `${where}矩阵必须是方阵（实为 ${p(params, "rows")}×${p(params, "cols")}）。中间流量矩阵的行与列必须是同一组部门。`;
    case "singular_matrix":
      return `${where}(I − A) 奇异（最小主元 ${p(params, "pivot")}），列昂惕夫逆矩阵（完全需要系数）不存在。请检查是否有投入等于产出的部门，或将其与相邻部门合并。`;
    case "not_productive":
      return `${where}直接消耗系数矩阵不满足生产性条件（${has(params, "spectralRadius") ? `谱半径 ${p(params, "spectralRadius")}` : reasonText(params.reason, "zh-CN")}${has(params, "sector") ? `；部门 ${p(params, "sector")}` : ""}）。生产性经济要求 A ≥ 0 且谱半径 < 1；请检查计量单位和总产出。`;
    case "negative_flow":
      return `${where}中间流量为负${has(params, "sector") ? `（${p(params, "sector")}）` : has(params, "row") ? `（Z 的第 ${Number(params.row) + 1} 行、第 ${Number(params.col) + 1} 列）` : ""}${has(params, "value") ? `：${p(params, "value")}` : ""}。系数必须非负；请修正该单元格，或将负值计入误差（其他）列。`;
    case "zero_output":
      return `${where}部门 ${has(params, "sectors") ? p(params, "sectors") : p(params, "sector")} 总产出为零，其系数无定义。请改用零产出处理方式 "zero_column"，或删除该部门。`;
    case "unknown_sector":
      return `${where}表中没有部门代码「${p(params, "code")}」${has(params, "available") ? `（可用代码：${p(params, "available")}）` : ""}。请使用 \`shushi datasets show <id>\` 显示的代码。`;
    case "invalid_group":
      if (params.group === "digital") {
        return `${where}无法按代码或名称在此表中找到数字部门。请直接给出部门代码，例如 --group S20,S32（或 ?group=…）。`;
      }
      return `${where}部门组无效${has(params, "reason") ? `（${reasonText(params.reason, "zh-CN")}）` : ""}${Array.isArray(params.codes) && params.codes.length > 0 ? `：${p(params, "codes")}` : ""}。部门组至少包含一个部门、不得重复，且组外至少留一个部门。`;
    case "ras_not_converged":
      return `${where}RAS 在 ${p(params, "maxIterations")} 次迭代内未收敛（偏差 ${p(params, "maxDeviation")}）。目标值可能与初始矩阵不一致；请增加迭代上限或检查行、列合计。`;
    case "ras_infeasible":
      return `${where}RAS 目标无法满足：正的目标值落在全零的行或列上${has(params, "index") ? `（${p(params, "axis")} ${p(params, "index")}）` : ""}。请为初始矩阵在该处提供非零值，或将目标设为零。`;
    case "too_few_observations":
      return `${where}观测值太少（实有 ${p(params, "received")}，至少需要 ${has(params, "required") ? p(params, "required") : p(params, "expected")}）${has(params, "family") ? `——数据库中没有「${p(params, "family")}」类别的投入产出表` : ""}。请增加编表年份或缩短所需区间。`;
    default:
      return unreachable(code);
  }
}

function diagnostic(code: DiagnosticCode, params: Params): string {
  switch (code) {
    case "condition_estimate":
      return `(I − A) 的条件数估计：${p(params, "estimate")}（${p(params, "norm")} 范数）。`;
    case "ill_conditioned":
      return `(I − A) 病态（条件数估计 ${p(params, "estimate")}），结果可能损失约 ${Math.max(0, Math.round(Math.log10(Number(params.estimate) || 1)))} 位有效数字。请检查是否存在近乎空的部门，或将其合并。`;
    case "spectral_radius":
      return `A 的谱半径：${p(params, "value")}${has(params, "method") ? `（${params.method === "collatz_wielandt_power_iteration" ? "Collatz–Wielandt 幂迭代" : p(params, "method")}）` : ""}。`;
    case "column_sum_ge_one":
      return `部门 ${p(params, "sector")} 的直接消耗系数列和为 ${p(params, "columnSum")} ≥ 1（经济整体仍满足生产性）；该部门投入超过产出，请核对其总产出。`;
    case "zero_output_sectors":
      return `总产出为零的部门（${has(params, "codes") ? p(params, "codes") : p(params, "sectors")}）已按「${p(params, "policy")}」方式处理：其系数为零，不计入平均值。`;
    case "inverse_residual":
      return `逆矩阵残差 max|(I − A)L − I| = ${p(params, "value")}。`;
    case "interpolated":
      return `数值在编表年份 ${p(params, "from")} 与 ${p(params, "to")} 之间线性插值${has(params, "method") ? `（${p(params, "method")}）` : ""}，为估计值，并非公布的投入产出表。`;
    case "extrapolated_hold":
      return `系数保持 ${p(params, "from")} 年水平直至 ${p(params, "to")} 年（无更新的表）；这些年份的数值属于假设。`;
    case "ras_converged":
      return `RAS 经 ${p(params, "iterations")} 次迭代收敛（最大偏差 ${p(params, "maxDeviation")}）。`;
    case "ras_targets_rescaled":
      return `RAS 目标已按系数 ${p(params, "factor")} 缩放，使行合计与列合计一致。`;
    case "imbalance":
      return `投入产出表${p(params, "axis") === "row" ? "行" : p(params, "axis") === "column" ? "列" : p(params, "axis")}向不平衡（最大相对差 ${p(params, "maxRelative")}${has(params, "sector") ? `，部门 ${p(params, "sector")}` : ""}）；计算采用表中给出的总产出。`;
    case "backend_fallback":
      return `未使用本地 OpenBLAS 后端（${reasonText(params.reason, "zh-CN")}），改用 TypeScript LU 分解（结果相同，大表较慢）。`;
    case "backend_used":
      return `线性代数后端：${p(params, "backend")}。`;
    default:
      return unreachable(code);
  }
}

function dataIssue(code: DataIssueCode, params: Params): string {
  switch (code) {
    case "file_unreadable":
      return `无法读取文件（${reasonText(params.reason, "zh-CN")}）。请确认路径存在、有读取权限，且文件为 CSV 或 XLSX 格式。`;
    case "truncated_file":
      return params.reason === "unterminated_quote"
        ? "引号字段没有闭合，文件在记录中途结束。文件可能不完整或引号不配对，请重新导出或下载。"
        : `文件在记录中途结束，或某行单元格少于表头${has(params, "expected") ? `（应有 ${p(params, "expected")} 个，实有 ${has(params, "cells") ? p(params, "cells") : p(params, "found")} 个）` : ""}。文件可能不完整，请重新导出或下载。`;
    case "encoding_unrecognised":
      return `无法识别文本编码（已尝试 ${p(params, "tried")}）。请将文件另存为 UTF-8（或 GB18030）后重新导入。`;
    case "header_not_found":
      return `未找到包含所需列的表头行（应有 ${p(params, "expected")}）。请在数字上方用一行写明列名（code、name、部门代码、fd_*、output）。`;
    case "missing_column":
      return `缺少必需的列「${p(params, "column")}」。请在表头行中添加该列（参见 data/templates/io-generic-template.csv）。`;
    case "non_numeric_cell":
      return `单元格的值「${p(params, "value")}」不是数字。请填写纯数字（不带单位或文字；可使用千位分隔符，空单元格视为零）。`;
    case "not_square":
      return `中间流量部分不是方阵（${p(params, "rows")} 行，${p(params, "cols")} 列），或行、列代码不一致。每个部门代码必须以相同顺序同时出现在行和列中。`;
    case "duplicate_sector_code":
      return `部门代码「${p(params, "code")}」重复出现（首次出现在第 ${p(params, "firstRow")} 行）。部门代码必须唯一；请重命名或合并这些行。`;
    case "negative_flow":
      return `中间流量为负值 ${p(params, "value")}${has(params, "from") ? `（部门 ${p(params, "from")} → 部门 ${p(params, "to")}）` : ""}。中间流量必须 ≥ 0；请修正该单元格，或将该数额计入误差（其他）列。`;
    case "zero_output_with_inputs":
      return `部门 ${p(params, "sector")} 总产出为零，但有非零的投入或产出流量（${p(params, "inputs")}）。请填写其总产出，或删除该部门。`;
    case "not_productive":
      return `直接消耗系数矩阵 A = Z·diag(1/x) 不满足生产性条件（谱半径 ${p(params, "spectralRadius")} ≥ 1），列昂惕夫逆矩阵不存在。通常是总产出偏小，或流量与总产出的计量单位不同；请检查单位和总产出列。`;
    case "out_of_balance": {
      const axis = zhAxis(params.axis);
      if (params.summary === true) {
        return params.sector === null || params.sector === undefined
          ? `各部门${axis}合计均与总产出一致。`
          : `${axis}合计与总产出的最大相对差为 ${p(params, "relative")}，在部门 ${p(params, "sector")}（容差 ${p(params, "tolerance")}）。此为汇总信息。`;
      }
      return `部门 ${p(params, "sector")} 的${axis}合计与总产出${has(params, "output") ? ` ${p(params, "output")}` : ""} 相差 ${has(params, "imbalance") ? `${p(params, "imbalance")}（相对差 ${p(params, "relative")}）` : `${p(params, "relative")}（相对值）`}，超出容差 ${p(params, "tolerance")}。请检查该部门的中间流量、最终使用和增加值，或总产出单元格。`;
    }
    case "unknown_unit":
      return `未知的计量单位「${p(params, "unit")}」${has(params, "known") ? `（已知单位：${p(params, "known")}）` : ""}。请声明已知单位，例如 万元、亿元 或 “million usd”。`;
    case "missing_unit":
      return `未声明计量单位${has(params, "expected") ? `（应为 ${p(params, "expected")}）` : ""}。请在表头上方添加一行，如“单位：万元”，或使用 --unit 参数。`;
    case "sheet_not_found":
      return `工作表「${p(params, "sheet")}」不存在${has(params, "available") ? `（现有工作表：${p(params, "available")}）` : ""}。请指定现有的工作表。`;
    case "unknown_dataset":
      return `数据集「${p(params, "id")}」不存在。可用 \`shushi datasets list\`（或 GET /api/datasets）列出数据集；内置数据由 \`shushi datasets rebuild\` 载入。`;
    case "dataset_exists":
      return `数据集「${p(params, "id")}」已存在。请换一个 --id，或选择替换。`;
    case "invalid_value":
      if (params.expected === "empty" && has(params, "headerCells"))
        return `该行单元格多于表头（表头 ${p(params, "headerCells")} 列，此行 ${p(params, "cells")} 列），多出的单元格「${p(params, "value")}」应为空。请删除多余的单元格，或在表头中补充列名。`;
      return `取值无效「${p(params, "value")}」${has(params, "expected") ? `（应为 ${p(params, "expected")}）` : ""}。请修正该单元格。`;
    case "unknown_layout":
      return `文件格式不是受支持的投入产出表格式${has(params, "tried") ? `（已尝试 ${p(params, "tried")}）` : ""}。请使用通用模板 data/templates/io-generic-template.csv。`;
    default:
      return unreachable(code);
  }
}

function zhAxis(axis: unknown): string {
  return axis === "row" ? "行" : axis === "column" ? "列" : axis === "total_input" ? "总投入" : String(axis ?? "行");
}

function location(path: IssuePath): string {
  const parts: string[] = [`文件 ${path.file}`];
  if (path.sheet !== undefined) parts.push(`工作表「${path.sheet}」`);
  if (path.row !== undefined) parts.push(`第 ${path.row} 行`);
  if (path.column !== undefined || path.columnName !== undefined) {
    const col = path.column !== undefined ? `第 ${path.column} 列` : "列";
    parts.push(path.columnName !== undefined && path.columnName !== "" ? `${col}（「${path.columnName}」）` : col);
  }
  return parts.join("，");
}

export const zhCN: MessageCatalog = { coreError, diagnostic, dataIssue, location };
