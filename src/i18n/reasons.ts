/**
 * Texts for the `reason` parameter of core errors and app errors (a snake_case code or a short
 * English phrase). Unknown reasons are shown as they are.
 */
import type { Lang } from "./format.js";

const REASONS: Readonly<Record<string, { readonly en: string; readonly zh: string }>> = {
  empty: { en: "the group is empty", zh: "部门组为空" },
  duplicate: { en: "a code appears twice", zh: "代码重复" },
  all_sectors: { en: "the group covers every sector", zh: "部门组包含了全部部门" },
  no_output: { en: "no member of the group has output", zh: "组内部门均无产出" },
  inverse_not_nonnegative: { en: "the inverse has negative entries", zh: "逆矩阵出现负值" },
  column_sums_not_positive: { en: "column sums of L are not positive", zh: "L 的列和不为正" },
  "no sector with positive output": { en: "no sector has positive output", zh: "没有产出为正的部门" },
  "table has no Zdomestic": { en: "the table has no domestic flows", zh: "该表没有国内中间流量" },
  no_domestic_flows: {
    en: "the table has no domestic intermediate flows (it is a competitive-import table); use imports=competitive",
    zh: "该表没有国内中间流量（竞争型进口表），请使用 competitive",
  },
  digital_not_found: { en: "the digital sectors were not found in the table", zh: "表中未找到数字部门" },
  no_store: { en: "no data store is open", zh: "未打开数据库" },
  not_io_table: { en: "the dataset is not an input–output table", zh: "该数据集不是投入产出表" },
  "outside table years": { en: "the year is outside the table years", zh: "年份超出编表年份范围" },
  "duplicate year": { en: "two tables have the same year", zh: "两张表年份相同" },
  "backend requires method inverse": { en: "a backend needs the inverse method", zh: "指定后端时须用求逆方法" },
  "finalDemandTotal required": { en: "final demand is needed for these weights", zh: "此权重需要最终使用数据" },
};

/** The text of a reason in the language (the reason itself when unknown). */
export function reasonText(reason: unknown, lang: Lang): string {
  const key = String(reason);
  const r = REASONS[key];
  return r === undefined ? key : lang === "en" ? r.en : r.zh;
}
