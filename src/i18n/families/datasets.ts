/**
 * Dataset-kinds family (数据集类型): issues of the non-IO dataset kinds — time series and panels,
 * classifications, concordances and registries (src/data/series, src/data/concordance,
 * src/data/registry). Params are what those readers send.
 */
import { show } from "../params.js";
import type { Bilingual } from "./types.js";

export interface DatasetIssueParams {
  readonly unknown_region: { readonly value: string };
  readonly invalid_period: { readonly value: string; readonly frequency: "annual" | "quarterly" | "monthly" | "auto" };
  readonly duplicate_observation: {
    readonly entity: string;
    readonly indicator: string;
    readonly period: string;
    readonly firstRow: number;
  };
  readonly duplicate_code: { readonly code: string; readonly firstRow?: number; readonly firstColumn?: number };
  readonly missing_value: {
    readonly column: string;
    /** a required field of an index spec is absent (the spec's JSON path) */
    readonly jsonPath?: string;
  };
  readonly invalid_date: { readonly value: string };
  readonly unknown_parent: { readonly code: string; readonly parent: string };
  readonly concordance_weight_sum: {
    readonly fromSystem: string;
    readonly fromCode: string;
    readonly sum: number;
    readonly tolerance: number;
    readonly rows: readonly number[];
  };
  readonly concordance_unmapped: {
    readonly fromSystem: string;
    readonly count: number;
    readonly codes: readonly string[];
  };
  readonly concordance_duplicate: {
    readonly fromCode: string;
    readonly toCode: string;
    readonly count: number;
    readonly firstRow: number;
  };
  readonly concordance_unknown_code: { readonly system: string; readonly code: string };
}

const zhList = (v: unknown): string => show(v, "、");
const ZH_FREQUENCY = { annual: "年度", quarterly: "季度", monthly: "月度", auto: "年度、季度或月度" } as const;
const EN_FREQUENCY = {
  annual: "annual",
  quarterly: "quarterly",
  monthly: "monthly",
  auto: "annual, quarterly or monthly",
} as const;
/** Lists at most 12 codes. */
const head = (codes: readonly string[]): readonly string[] =>
  codes.length > 12 ? [...codes.slice(0, 12), "…"] : codes;

export const issues: Bilingual<DatasetIssueParams> = {
  "zh-CN": {
    unknown_region: (p) =>
      `「${p.value}」不是已知的地区代码或名称。请使用 GB/T 2260 行政区划代码或省级地区的标准名称。`,
    invalid_period: (p) =>
      `「${p.value}」不是有效的${ZH_FREQUENCY[p.frequency]}时期。年度写作 2020，季度写作 2020Q1，月度写作 2020-01。`,
    duplicate_observation: (p) =>
      `${p.entity} × ${p.indicator} × ${p.period} 的观测值重复（首次出现在第 ${p.firstRow} 行）。每个地区、指标、时期只能有一个值；请删除或合并重复行。`,
    duplicate_code: (p) =>
      p.firstColumn !== undefined
        ? `列名「${p.code}」重复出现（首次出现在第 ${p.firstColumn} 列）。每列须有不同的名称。`
        : `代码「${p.code}」重复出现（首次出现在第 ${p.firstRow ?? 0} 行）。代码必须唯一。`,
    missing_value: (p) =>
      p.jsonPath !== undefined
        ? `指标体系缺少必填项「${p.column}」（位置 ${p.jsonPath}）。请补上（格式见 docs/index-spec.md）。`
        : `必需的列「${p.column}」在此行为空。请填写该单元格，或删除此行。`,
    invalid_date: (p) => `「${p.value}」不是 YYYY-MM-DD 格式的日期。请按 2020-01-31 的格式填写。`,
    unknown_parent: (p) => `代码「${p.code}」的上级代码「${p.parent}」不在该分类中。请补充上级代码，或改正此行。`,
    concordance_weight_sum: (p) =>
      `对照表中 ${p.fromSystem} 的代码「${p.fromCode}」各行权重之和为 ${show(p.sum)}，应为 1（容差 ${show(p.tolerance)}；第 ${zhList(p.rows)} 行）。请调整权重。`,
    concordance_unmapped: (p) =>
      `对照表未覆盖 ${p.fromSystem} 的 ${p.count} 个代码：${zhList(head(p.codes))}。请为它们补充对照行。`,
    concordance_duplicate: (p) =>
      `对照关系 ${p.fromCode} → ${p.toCode} 出现 ${p.count} 次（首次在第 ${p.firstRow} 行）。每对代码只能出现一次；请合并这些行的权重。`,
    concordance_unknown_code: (p) => `代码「${p.code}」不在已存储的分类 ${p.system} 中。请先导入该分类，或改正代码。`,
  },
  en: {
    unknown_region: (p) =>
      `“${p.value}” is not a known region code or name. Use the GB/T 2260 division code or the standard name of a province-level region.`,
    invalid_period: (p) =>
      `“${p.value}” is not a valid ${EN_FREQUENCY[p.frequency]} period. Write years as 2020, quarters as 2020Q1, months as 2020-01.`,
    duplicate_observation: (p) =>
      `The observation ${p.entity} × ${p.indicator} × ${p.period} appears twice (first at row ${p.firstRow}). Each region, indicator and period takes one value; delete or merge the duplicate rows.`,
    duplicate_code: (p) =>
      p.firstColumn !== undefined
        ? `The column name “${p.code}” appears twice (first in column ${p.firstColumn}). Give every column its own name.`
        : `Code “${p.code}” appears twice (first at row ${p.firstRow ?? 0}). Codes must be unique.`,
    missing_value: (p) =>
      p.jsonPath !== undefined
        ? `The framework lacks the required field “${p.column}” at ${p.jsonPath}. Add it (format: docs/index-spec.md).`
        : `The required column “${p.column}” is empty in this row. Fill the cell or delete the row.`,
    invalid_date: (p) => `“${p.value}” is not a date of the form YYYY-MM-DD. Write dates as 2020-01-31.`,
    unknown_parent: (p) =>
      `The parent “${p.parent}” of code “${p.code}” is not in the classification. Add the parent code or correct the row.`,
    concordance_weight_sum: (p) =>
      `The weights of ${p.fromSystem} code “${p.fromCode}” sum to ${show(p.sum)}, not 1 (tolerance ${show(p.tolerance)}; rows ${show(p.rows)}). Adjust the weights.`,
    concordance_unmapped: (p) =>
      `The concordance does not map ${p.count} code(s) of ${p.fromSystem}: ${show(head(p.codes))}. Add rows for them.`,
    concordance_duplicate: (p) =>
      `The pair ${p.fromCode} → ${p.toCode} appears ${p.count} times (first at row ${p.firstRow}). Each pair may appear once; merge the rows' weights.`,
    concordance_unknown_code: (p) =>
      `Code “${p.code}” is not in the stored classification ${p.system}. Import that classification first or correct the code.`,
  },
};
