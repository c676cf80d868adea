/**
 * Data family (数据): issues found when reading, validating and storing datasets (src/data), their
 * location, and the dataset caveats (src/data/caveats.ts). Params are what the emitters send.
 */
import type { CaveatParams, IssuePath, XlsxLimit } from "../../data/index.js";
import type { Lang } from "../format.js";
import { show } from "../params.js";
import { type DataReason, reasonText } from "../reasons.js";
import type { Bilingual, Shown } from "./types.js";

/** What an `invalid_value` cell should have held: a code, or the allowed literal values. */
export type InvalidValueExpected =
  | "empty"
  | "empty_unnamed_column"
  | "cached_formula_result"
  | ">= 0"
  | "> 0 (log)"
  | "row_code"
  | "known_column"
  | "nbs42_codes"
  | "nbs42_table"
  | "canonical_name"
  | "time_series_without_entity"
  | "gbt2260_code"
  | "safe_id"
  | "not_before_registered_on"
  | "integer_ge_0"
  | "weight_0_1"
  | "relative_path"
  | "manifest_path"
  | readonly string[];

type Axis = "row" | "column" | "total_input" | "imports_row";

/**
 * The limit a `file_too_complex` issue names: a structural limit of an XLSX file
 * (src/data/ingest/xlsx-limits.ts), or a resource limit of the parsing thread (src/data/ingest/isolated.ts).
 */
export type FileLimit = XlsxLimit | ParseLimit;

/** A resource limit of the parsing thread: its heap (MB) or its time (seconds). */
export type ParseLimit = "memory" | "parse_time";

export interface DataIssueParams {
  readonly file_unreadable: {
    readonly reason: Extract<
      DataReason,
      "xls_not_supported" | "empty_file" | "not_zip" | "corrupt_xlsx" | "no_worksheets" | "read_failed"
    >;
    readonly detail?: string;
  };
  readonly truncated_file:
    | { readonly reason: "unterminated_quote" }
    | { readonly reason: "short_last_row"; readonly cells: number; readonly expected: number };
  readonly encoding_unrecognised: {
    readonly tried: readonly string[];
    readonly reason: Extract<DataReason, "invalid_bytes" | "implausible_gb18030" | "binary_content">;
    /** 0-based byte offset of the first byte that is not valid in the last encoding tried */
    readonly offset?: number;
    /** 1-based line of that byte */
    readonly line?: number;
  };
  readonly file_too_complex:
    | {
        readonly limit: XlsxLimit;
        readonly value: number;
        readonly max: number;
        /** the zip entry (part) concerned */
        readonly entry?: string;
      }
    | {
        readonly limit: ParseLimit;
        /** heap cap in MB (`memory`) or time limit in seconds (`parse_time`) */
        readonly max: number;
      };
  readonly unit_not_currency: { readonly unit: string; readonly accepted: readonly string[] };
  readonly header_not_found: { readonly expected: readonly string[]; readonly headerRow?: number };
  readonly missing_column: {
    readonly column?: string;
    readonly reason?: "missing_row" | "no_sector_columns";
    /** an index spec names a column the indicator table does not have (the spec's JSON path) */
    readonly jsonPath?: string;
    readonly available?: readonly string[];
  };
  readonly non_numeric_cell: {
    readonly value: string;
    readonly reason?: "empty_cell";
    readonly block?: "Z" | "Zdomestic" | "output" | "imports" | "other" | "final_demand" | "value_added";
    readonly category?: string;
    readonly row?: string;
  };
  readonly not_square: {
    readonly rows: number;
    readonly cols?: number;
    readonly expected?: number;
    readonly block?: "imports" | "final" | "output";
    readonly rowCodes?: readonly string[];
    readonly colCodes?: readonly string[];
    readonly sectors?: number;
    readonly output?: number;
    readonly finalDemandRows?: number;
  };
  readonly duplicate_sector_code: { readonly code: string; readonly firstRow?: number; readonly firstColumn?: number };
  readonly negative_flow: {
    readonly value: number;
    readonly from?: string;
    readonly to?: string;
    readonly block?: "domestic" | "imported";
  };
  readonly zero_output_with_inputs: {
    readonly sector: string;
    readonly inputs: number;
    readonly deliveries: number;
    readonly policy: "error" | "zero_column";
  };
  readonly not_productive: { readonly spectralRadius: number; readonly lower: number; readonly upper: number };
  readonly out_of_balance: {
    readonly axis: Axis;
    readonly sector: string | null;
    readonly relative: number | null;
    readonly tolerance: number;
    readonly absoluteTolerance?: number;
    readonly imbalance?: number;
    readonly output?: number;
    readonly summary?: true;
  };
  readonly unknown_unit: { readonly unit: string; readonly known: readonly string[] };
  readonly missing_unit: { readonly expected: readonly string[] };
  readonly sheet_not_found: { readonly sheet: string; readonly available: readonly string[] };
  readonly unknown_dataset: { readonly id: string };
  readonly dataset_exists: { readonly id: string };
  readonly invalid_value: {
    readonly value: Shown;
    readonly expected?: InvalidValueExpected;
    readonly block?: "output";
    readonly sector?: string;
    readonly code?: string;
    readonly canonicalName?: string;
    readonly vintage?: string;
    readonly cells?: number;
    readonly headerCells?: number;
    readonly header?: string;
  };
  readonly unknown_layout: { readonly tried?: readonly string[] };
}

const zhList = (v: unknown): string => show(v, "、");

const ZH_LIMIT: Record<FileLimit, string> = {
  entries: "压缩包条目数",
  uncompressed_bytes: "解压后总字节数",
  ratio: "单个条目的压缩比",
  unused_entry_bytes: "非表格条目（图片等）的大小",
  rows: "行号",
  columns: "列号",
  cells: "单元格总数",
  merged_area: "合并单元格总面积",
  shared_strings: "共享字符串表条目数",
  entity: "文档类型声明（`<!DOCTYPE>`、`<!ENTITY>`）",
  memory: "读取所需内存",
  parse_time: "读取时间",
};
const EN_LIMIT: Record<FileLimit, string> = {
  entries: "number of zip entries",
  uncompressed_bytes: "total uncompressed bytes",
  ratio: "compression ratio of one entry",
  unused_entry_bytes: "size of a non-sheet entry (pictures and the like)",
  rows: "row index",
  columns: "column index",
  cells: "number of cells",
  merged_area: "total area of merged cells",
  shared_strings: "number of shared strings",
  entity: "XML DOCTYPE/ENTITY declarations",
  memory: "memory needed to read it",
  parse_time: "time needed to read it",
};
const zhAt = (p: { offset?: number; line?: number }): string =>
  p.offset !== undefined ? `；首个无效字节位于第 ${p.line ?? "?"} 行，字节偏移 ${p.offset}` : "";
const enAt = (p: { offset?: number; line?: number }): string =>
  p.offset !== undefined ? `; first invalid byte at line ${p.line ?? "?"}, byte offset ${p.offset}` : "";
/** A relative gap: ∞ when the output is zero. */
const ratio = (v: number | null): string => (v === null ? "—" : Number.isFinite(v) ? show(v) : "∞");

const ZH_AXIS: Record<Axis, string> = { row: "行", column: "列", total_input: "总投入", imports_row: "进口行" };
const EN_AXIS: Record<Axis, string> = {
  row: "row",
  column: "column",
  total_input: "total-input",
  imports_row: "imports-row",
};

function zhExpected(e: InvalidValueExpected): string {
  if (typeof e !== "string") return zhList(e);
  switch (e) {
    case "empty":
    case "empty_unnamed_column":
      return "空单元格";
    case "cached_formula_result":
      return "带有已计算结果的公式（请在电子表格软件中重新计算并保存）";
    case ">= 0":
      return "≥ 0";
    case "> 0 (log)":
      return "正数（对数变换要求取值 > 0）";
    case "row_code":
      return "部门代码或 va_* 增加值代码";
    case "known_column":
      return "`fd_*`、`imports`、`other` 或 `output` 列";
    case "nbs42_codes":
      return "按顺序排列的代码 01…42";
    case "nbs42_table":
      return "2012 或 2017 年代码表的国家统计局 42 部门表";
    case "canonical_name":
      return "标准部门名称";
    case "time_series_without_entity":
      return "不含地区列的时间序列（有地区列请用 panel 类型导入）";
    case "gbt2260_code":
      return "六位 GB/T 2260 行政区划代码";
    case "safe_id":
      return "仅含字母、数字及 . _ - 的编号";
    case "not_before_registered_on":
      return "不早于注册日期的日期";
    case "integer_ge_0":
      return "非负整数";
    case "weight_0_1":
      return "0 到 1 之间的权重";
    case "relative_path":
      return "清单所在目录内的相对路径";
    case "manifest_path":
      return "清单文件的路径（语料库不能以上传的字节导入）";
    default:
      return e;
  }
}

function enExpected(e: InvalidValueExpected): string {
  if (typeof e !== "string") return show(e);
  switch (e) {
    case "empty":
    case "empty_unnamed_column":
      return "an empty cell";
    case "cached_formula_result":
      return "a formula with a cached result (recalculate and save it in the spreadsheet program)";
    case ">= 0":
      return "≥ 0";
    case "> 0 (log)":
      return "a positive number (the log transform needs values > 0)";
    case "row_code":
      return "a sector code or a va_* value-added code";
    case "known_column":
      return "an fd_*, imports, other or output column";
    case "nbs42_codes":
      return "the codes 01…42 in order";
    case "nbs42_table":
      return "an NBS 42-sector table of the 2012 or 2017 code list";
    case "canonical_name":
      return "the canonical sector name";
    case "time_series_without_entity":
      return "a time series without an entity column (import data with entities as a panel)";
    case "gbt2260_code":
      return "a six-digit GB/T 2260 administrative-division code";
    case "safe_id":
      return "an id of letters, digits and . _ - only";
    case "not_before_registered_on":
      return "a date not before the registration date";
    case "integer_ge_0":
      return "an integer ≥ 0";
    case "weight_0_1":
      return "a weight between 0 and 1";
    case "relative_path":
      return "a relative path inside the manifest's folder";
    case "manifest_path":
      return "the path of the manifest file (a corpus cannot be imported from uploaded bytes)";
    default:
      return e;
  }
}

export const issues: Bilingual<DataIssueParams> = {
  "zh-CN": {
    file_unreadable: (p) =>
      `无法读取文件（${reasonText(p.reason, "zh-CN")}）。请确认路径存在、有读取权限，且文件为 CSV 或 XLSX 格式。`,
    truncated_file: (p) =>
      p.reason === "unterminated_quote"
        ? "引号字段没有闭合，文件在记录中途结束。文件可能不完整或引号不配对，请重新导出或下载。"
        : `最后一行的单元格少于表头（应有 ${p.expected} 个，实有 ${p.cells} 个），文件可能在记录中途结束。请重新导出或下载。`,
    encoding_unrecognised: (p) =>
      `无法识别文本编码（已尝试 ${zhList(p.tried)}；${reasonText(p.reason, "zh-CN")}${zhAt(p)}）。请将文件另存为 UTF-8（或 GB18030）后重新导入。`,
    file_too_complex: (p) =>
      !("value" in p)
        ? `读取文件时超出${ZH_LIMIT[p.limit]}的上限（${show(p.max)} ${p.limit === "memory" ? "MB" : "秒"}），已停止读取，未导入任何内容。文件可能被恶意构造，或对电子表格而言过大；较大的数据请改用 CSV 导入。`
        : p.limit === "entity"
          ? `文件含有文档类型声明（\`<!DOCTYPE>\`、\`<!ENTITY>\`）${p.entry !== undefined ? `（${p.entry}）` : ""}，为防止实体展开攻击不予读取。请在电子表格软件中另存为新的 XLSX 文件。`
          : `文件超出安全限制：${ZH_LIMIT[p.limit]}为 ${show(p.value)}，上限为 ${show(p.max)}${p.entry !== undefined ? `（条目 ${p.entry}）` : ""}。文件可能已损坏或被恶意构造；请删除多余的内容（空白区域的格式、整表合并、图片等）后另存，较大的数据请改用 CSV 导入。`,
    unit_not_currency: (p) =>
      `投入产出表的计量单位「${p.unit}」不是货币金额。投入产出表的流量必须以货币计量，可接受的单位：${zhList(p.accepted)}。请声明货币单位，例如“单位：万元”。`,
    header_not_found: (p) =>
      `未找到包含所需列的表头行（应有 ${zhList(p.expected)}${p.headerRow !== undefined ? `，指定表头行为第 ${p.headerRow} 行` : ""}）。请在数字上方用一行写明列名（\`code\`、\`name\`、部门代码、\`fd_*\`、\`output\`）。`,
    missing_column: (p) =>
      p.jsonPath !== undefined
        ? `指标体系在 ${p.jsonPath} 引用的列「${p.column ?? ""}」不在指标表中${p.available !== undefined && p.available.length > 0 ? `（表中的列：${zhList(p.available)}）` : ""}。请改正列名，或在指标表中加入该列。`
        : p.reason === "no_sector_columns"
          ? "表头中没有部门代码列。请在 `code`、`name` 之后为每个部门添加一列，列名为部门代码（参见 data/templates/io-generic-template.csv）。"
          : p.reason === "missing_row"
            ? `缺少必需的行「${p.column ?? ""}」。请在表中添加该行。`
            : p.available !== undefined
              ? `表中没有名为「${p.column ?? ""}」的列（表中的列：${zhList(p.available)}）。请改正列名（区分大小写），或在表头行中添加该列。`
              : `缺少必需的列「${p.column ?? ""}」。请在表头行中添加该列（参见 data/templates/io-generic-template.csv）。`,
    non_numeric_cell: (p) =>
      p.reason === "empty_cell"
        ? "该单元格为空，但此处必须填写数字。请填写数值（零请写 0）。"
        : `单元格的值「${p.value}」不是数字。请填写纯数字（不带单位或文字；可使用千位分隔符，空单元格视为零）。`,
    not_square: (p) =>
      p.block === "final" || p.block === "output"
        ? `${p.block === "final" ? "最终使用" : "总产出"}部分有 ${p.rows} 行，应与中间流量的 ${p.expected ?? p.cols ?? 0} 个部门一致。请检查各部分的部门代码。`
        : `${p.block === "imports" ? "进口" : "中间流量"}部分不是方阵（${p.rows} 行，${p.cols ?? p.expected ?? 0} 列），或行、列代码不一致。每个部门代码必须以相同顺序同时出现在行和列中。`,
    duplicate_sector_code: (p) =>
      `部门代码「${p.code}」重复出现（首次出现在${p.firstRow !== undefined ? `第 ${p.firstRow} 行` : `第 ${p.firstColumn ?? 0} 列`}）。部门代码必须唯一；请重命名或合并这些行。`,
    negative_flow: (p) =>
      `${p.block === "imported" ? "进口" : p.block === "domestic" ? "国内" : ""}中间流量为负值 ${show(p.value)}${p.from !== undefined ? `（部门 ${p.from} → 部门 ${p.to ?? ""}）` : ""}。中间流量必须 ≥ 0；请修正该单元格，或将该数额计入误差（其他）列。`,
    zero_output_with_inputs: (p) =>
      `部门 ${p.sector} 总产出为零，但有非零的投入（${show(p.inputs)}）或产出流量（${show(p.deliveries)}）。请填写其总产出，或删除该部门。`,
    not_productive: (p) =>
      `直接消耗系数矩阵 A = Z·diag(1/x) 不满足生产性条件（谱半径 ${show(p.spectralRadius)} ≥ 1，介于 ${show(p.lower)} 与 ${show(p.upper)} 之间），列昂惕夫逆矩阵不存在。通常是总产出偏小，或流量与总产出的计量单位不同；请检查单位和总产出列。`,
    out_of_balance: (p) => {
      const axis = ZH_AXIS[p.axis];
      if (p.summary === true) {
        return p.sector === null
          ? `各部门${axis}合计均与总产出一致。`
          : `${axis}合计与总产出的最大相对差为 ${ratio(p.relative)}，在部门 ${p.sector}（容差 ${show(p.tolerance)}）。此为汇总信息。`;
      }
      return `部门 ${p.sector ?? ""} 的${axis}合计与总产出${p.output !== undefined ? ` ${show(p.output)}` : ""} 相差 ${p.imbalance !== undefined ? `${show(p.imbalance)}（相对差 ${ratio(p.relative)}）` : `${ratio(p.relative)}（相对值）`}，超出容差 ${show(p.tolerance)}。请检查该部门的中间流量、最终使用和增加值，或总产出单元格。`;
    },
    unknown_unit: (p) =>
      `未知的计量单位「${p.unit}」（已知单位：${zhList(p.known)}）。请声明已知单位，例如 万元、亿元 或 usd_million。`,
    missing_unit: (p) =>
      `未声明计量单位（应为 ${zhList(p.expected)} 之类）。请在表头上方添加一行，如“单位：万元”，或使用 --unit 参数。`,
    sheet_not_found: (p) => `工作表「${p.sheet}」不存在（现有工作表：${zhList(p.available)}）。请指定现有的工作表。`,
    unknown_dataset: (p) =>
      `数据集「${p.id}」不存在。可用 \`shushi datasets list\`（或 GET /api/datasets）列出数据集；内置数据由 \`shushi datasets rebuild\` 载入。`,
    dataset_exists: (p) => `数据集「${p.id}」已存在。请换一个 --id，或选择替换。`,
    invalid_value: (p) => {
      if (p.expected === "empty" && p.headerCells !== undefined)
        return `该行单元格多于表头（表头 ${p.headerCells} 列，此行 ${p.cells ?? 0} 列），多出的单元格「${show(p.value)}」应为空。请删除多余的单元格，或在表头中补充列名。`;
      if (p.expected === "empty_unnamed_column")
        return `没有列名的列中有数值「${show(p.value)}」。请为该列补上列名（例如部门代码），或删除该值。`;
      if (p.expected === "canonical_name")
        return `部门 ${p.code ?? ""} 的名称「${show(p.value)}」与标准名称「${p.canonicalName ?? ""}」不一致。请核对代码表的年份。`;
      return `取值无效「${p.value === null ? "（空）" : show(p.value)}」${p.expected !== undefined ? `（应为 ${zhExpected(p.expected)}）` : ""}。请修正该单元格。`;
    },
    unknown_layout: (p) =>
      `文件格式不是受支持的投入产出表格式${p.tried !== undefined ? `（已尝试 ${zhList(p.tried)}）` : ""}。请使用通用模板 data/templates/io-generic-template.csv。`,
  },
  en: {
    file_unreadable: (p) =>
      `The file could not be read (${reasonText(p.reason, "en")}${p.detail !== undefined ? `: ${p.detail}` : ""}). Check that the path exists, that you may read it and that it is a CSV or XLSX file.`,
    truncated_file: (p) =>
      p.reason === "unterminated_quote"
        ? "A quoted field is never closed, so the file ends in the middle of a record. The file may be incomplete or a quote character is unbalanced; export or download it again."
        : `The last row has fewer cells than the header (expected ${p.expected}, found ${p.cells}); the file may end in the middle of a record. Export or download it again.`,
    encoding_unrecognised: (p) =>
      `The text encoding was not recognised (tried ${show(p.tried)}; ${reasonText(p.reason, "en")}${enAt(p)}). Save the file as UTF-8 (or GB18030) and import it again.`,
    file_too_complex: (p) =>
      !("value" in p)
        ? `Reading the file exceeded the ${EN_LIMIT[p.limit]} limit (${show(p.max)} ${p.limit === "memory" ? "MB" : "s"}); reading was stopped and nothing was imported. The file may be crafted, or too large for a spreadsheet; import large data as CSV.`
        : p.limit === "entity"
          ? `The file contains an XML DOCTYPE/ENTITY declaration${p.entry !== undefined ? ` (${p.entry})` : ""}, refused to prevent entity expansion. Save it again as a new XLSX file from the spreadsheet program.`
          : `The file exceeds a safety limit: ${EN_LIMIT[p.limit]} is ${show(p.value)}, the maximum is ${show(p.max)}${p.entry !== undefined ? ` (entry ${p.entry})` : ""}. The file may be corrupt or crafted; remove what is not needed (formatting of empty areas, whole-sheet merges, pictures) and save it again, or import large data as CSV.`,
    unit_not_currency: (p) =>
      `The unit “${p.unit}” of an input–output table is not a currency amount. IO flows must be money; accepted units: ${show(p.accepted)}. Declare a currency unit such as “单位：万元”.`,
    header_not_found: (p) =>
      `No header row with the expected columns was found (expected ${show(p.expected)}${p.headerRow !== undefined ? `; header row given: ${p.headerRow}` : ""}). Put the column names (code, name, sector codes, fd_*, output) in one row above the numbers.`,
    missing_column: (p) =>
      p.jsonPath !== undefined
        ? `The framework names, at ${p.jsonPath}, the column “${p.column ?? ""}”, which the indicator table does not have${p.available !== undefined && p.available.length > 0 ? ` (its columns: ${show(p.available)})` : ""}. Correct the name or add the column to the table.`
        : p.reason === "no_sector_columns"
          ? "The header has no sector-code columns. Add one column per sector after code and name, headed by the sector code (see data/templates/io-generic-template.csv)."
          : p.reason === "missing_row"
            ? `The required row “${p.column ?? ""}” is missing. Add it to the table.`
            : p.available !== undefined
              ? `The table has no column named “${p.column ?? ""}” (its columns: ${show(p.available)}). Correct the name (it is case-sensitive) or add the column to the header row.`
              : `The required column “${p.column ?? ""}” is missing. Add it to the header row (see data/templates/io-generic-template.csv).`,
    non_numeric_cell: (p) =>
      p.reason === "empty_cell"
        ? "The cell is empty but must hold a number. Enter the value (write 0 for zero)."
        : `The cell value “${p.value}” is not a number. Write plain numbers (no units or text; thousands separators and empty cells for zero are accepted).`,
    not_square: (p) =>
      p.block === "final" || p.block === "output"
        ? `The ${p.block === "final" ? "final-demand" : "output"} block has ${p.rows} rows; it must match the ${p.expected ?? p.cols ?? 0} sectors of the intermediate flows. Check the sector codes of each block.`
        : `The ${p.block === "imports" ? "imports" : "intermediate-flow"} block is not square (${p.rows} rows, ${p.cols ?? p.expected ?? 0} columns), or its row and column codes differ. Every sector code must appear both as a row and as a column, in the same order.`,
    duplicate_sector_code: (p) =>
      `Sector code “${p.code}” appears twice (first at ${p.firstRow !== undefined ? `row ${p.firstRow}` : `column ${p.firstColumn ?? 0}`}). Sector codes must be unique; rename or merge the rows.`,
    negative_flow: (p) =>
      `Negative ${p.block === "imported" ? "imported " : p.block === "domestic" ? "domestic " : ""}intermediate flow ${show(p.value)}${p.from !== undefined ? ` from sector ${p.from} to sector ${p.to ?? ""}` : ""}. Intermediate flows must be ≥ 0; correct the cell or record the amount in the discrepancy column.`,
    zero_output_with_inputs: (p) =>
      `Sector ${p.sector} has zero output but non-zero inputs (${show(p.inputs)}) or deliveries (${show(p.deliveries)}). Enter its output, or remove the sector.`,
    not_productive: (p) =>
      `The coefficient matrix A = Z·diag(1/x) is not productive (spectral radius ${show(p.spectralRadius)} ≥ 1, in [${show(p.lower)}, ${show(p.upper)}]), so no Leontief inverse exists. Usually output is too small or flows are in a different unit than output; check units and the output column.`,
    out_of_balance: (p) => {
      const axis = EN_AXIS[p.axis];
      if (p.summary === true) {
        return p.sector === null
          ? `Every ${axis} total matches output exactly.`
          : `Largest relative ${axis} imbalance: ${ratio(p.relative)} at sector ${p.sector} (tolerance ${show(p.tolerance)}). This summary is for information.`;
      }
      return `The ${axis} total of sector ${p.sector ?? ""} differs from its output${p.output !== undefined ? ` ${show(p.output)}` : ""} by ${p.imbalance !== undefined ? `${show(p.imbalance)} (relative ${ratio(p.relative)})` : `${ratio(p.relative)} (relative)`}, beyond the tolerance ${show(p.tolerance)}. Check the flows, final demand and value added of that sector, or the output cell.`;
    },
    unknown_unit: (p) =>
      `Unknown unit “${p.unit}” (known: ${show(p.known)}). Declare a known unit such as 万元, 亿元 or usd_million.`,
    missing_unit: (p) =>
      `No unit was declared (expected e.g. ${show(p.expected)}). Add a line such as “单位：万元” above the header or pass --unit.`,
    sheet_not_found: (p) =>
      `Sheet “${p.sheet}” does not exist (sheets: ${show(p.available)}). Name one of the available sheets.`,
    unknown_dataset: (p) =>
      `Dataset “${p.id}” does not exist. List the datasets with \`shushi datasets list\` (or GET /api/datasets); shipped data is loaded by \`shushi datasets rebuild\`.`,
    dataset_exists: (p) => `Dataset “${p.id}” already exists. Choose another --id or ask to replace it.`,
    invalid_value: (p) => {
      if (p.expected === "empty" && p.headerCells !== undefined)
        return `The row has more cells than the header (${p.headerCells} header columns, ${p.cells ?? 0} cells); the extra cell “${show(p.value)}” should be empty. Delete the extra cells or add the column names to the header.`;
      if (p.expected === "empty_unnamed_column")
        return `A column without a header holds the value “${show(p.value)}”. Give the column a header (e.g. a sector code) or delete the value.`;
      if (p.expected === "canonical_name")
        return `The name “${show(p.value)}” of sector ${p.code ?? ""} differs from the canonical name “${p.canonicalName ?? ""}”. Check the code-list vintage.`;
      return `Invalid value “${p.value === null ? "(none)" : show(p.value)}”${p.expected !== undefined ? ` (expected ${enExpected(p.expected)})` : ""}. Correct the cell.`;
    },
    unknown_layout: (p) =>
      `The file's layout is not a supported input–output layout${p.tried !== undefined ? ` (tried ${show(p.tried)})` : ""}. Use the generic template data/templates/io-generic-template.csv.`,
  },
};

/** Where a data issue is: file, sheet, row, column. */
export const location: { readonly [L in Lang]: (path: IssuePath) => string } = {
  "zh-CN": (path) => {
    const parts: string[] = [`文件 ${path.file}`];
    if (path.sheet !== undefined) parts.push(`工作表「${path.sheet}」`);
    if (path.jsonPath !== undefined && path.jsonPath !== "") parts.push(`位置 ${path.jsonPath}`);
    if (path.row !== undefined) parts.push(`第 ${path.row} 行`);
    if (path.column !== undefined || path.columnName !== undefined) {
      const col = path.column !== undefined ? `第 ${path.column} 列` : "列";
      parts.push(path.columnName !== undefined && path.columnName !== "" ? `${col}（「${path.columnName}」）` : col);
    }
    return parts.join("，");
  },
  en: (path) => {
    const parts: string[] = [path.file];
    if (path.sheet !== undefined) parts.push(`sheet “${path.sheet}”`);
    if (path.jsonPath !== undefined && path.jsonPath !== "") parts.push(`at ${path.jsonPath}`);
    if (path.row !== undefined) parts.push(`row ${path.row}`);
    if (path.column !== undefined || path.columnName !== undefined) {
      const col = path.column !== undefined ? `column ${path.column}` : "column";
      parts.push(path.columnName !== undefined && path.columnName !== "" ? `${col} (“${path.columnName}”)` : col);
    }
    return parts.join(", ");
  },
};

/** The text of each dataset caveat. */
export const caveats: Bilingual<CaveatParams> = {
  "zh-CN": {
    nbs_extension_table: (p) => `${p.year} 年投入产出延长表，并非基于专项调查编制的基本表。`,
    nbs_unit_cny_10k_current: () => "单位：万元，当年生产者价格。",
    nbs_value_added_not_gdp: () => "投入产出表中的增加值与年度国内生产总值序列并不相同（二者分别核算）。",
    nbs_list_2002_no_crosswalk: () =>
      "采用 2002 年版 42 部门分类（例如通用、专用设备制造业合并，邮政业单列），不是标准的 2012 年版部门分类；未提供到 S01–S42 的对照。",
    nbs_2005_final_demand_columns: (p) => `没有最终使用合计列；最终使用由 ${zhList(p.columns)} 各列组成。`,
    nbs_list_41_no_crosswalk: () =>
      "采用旧版（GB/T 4754-2002）41 部门分类，不是标准的 2012 年版部门分类；未提供到 S01–S42 的对照。",
    nbs_list_2012_canonical: () => "采用 2012 年版 42 部门分类，即标准部门分类（01…42 对应 S01…S42）。",
    nbs_noncompetitive_read_as_total: () =>
      "非竞争型进口表：中间流量按“国内 + 进口”读入为竞争型口径，同时保留国内中间流量；进口取进口部分各行合计。",
    nbs_domestic_final_use_kept: () =>
      "国内部分各行的最终使用保留为国内产品最终使用：按“仅国内流量”计算时与国内中间流量一起使用（进口产品的最终使用不计入）。",
    nbs_s22_s23_split_by_detailed_shares: (p) =>
      `转换到标准 42 部门时，22 其他制造产品和废品废料按同年细分表（${p.detailedTable}）中其他制造产品与废弃资源和废旧材料回收加工品的逐格份额拆分为 S22 和 S23（项目决策记录 0012）；${p.year} 年 42 部门表即该细分表的合并，拆分后的表仍然平衡。`,
    nbs_detailed_aggregated_to_42: (p) =>
      `这张表由 ${p.sectors} 部门产品表按项目提交的对照表（${p.concordance}）合并为标准 42 部门（精确加总，平衡不变）；2012 年没有 42 部门表，其 42 部门数值即由此得到。`,
    nbs_noncompetitive_origin_unconfirmed: () =>
      "未能确认这张非竞争型表是国家统计局发布的，还是上游软件包作者拆分所得；该表平衡，且合计与同年竞争型细分表一致。",
    nbs_list_2017_vintage: () =>
      "采用 2017 年版 42 部门分类（22 其他制造产品和废品废料合并；35 研究和试验发展与 36 综合技术服务分列）：转换到标准分类时 35+36 并为 S36；22 按同年细分表的份额拆分为 S22 和 S23（项目决策记录 0012），没有细分表时保留为合并的 S22+S23。",
    nbs_no_2012_42_table: () => "上游软件包中没有 2012 年 42 部门表（只有这张 139 部门表）。",
    oecd_total_flows_basic_prices: (p) =>
      `总流量（国内 + 进口）表，基本价格，单位百万美元，当年价格；仅有 ${p.firstYear}–${p.lastYear} 年。`,
    oecd_impo_negative: () => "进口列（IMPO）以负值列示；进口取其相反数。",
    oecd_taxes_in_value_added: () =>
      "产品税减补贴的两行（TXS_IMP_FNL、TXS_INT_FNL）与增加值行（VALU）一起计入增加值部分，以保持列恒等式；增加值本身取 VALU。",
    oecd_zero_output_industry: (p) => `行业 ${p.code}（住户作为雇主的活动）全部为零（总产出为零）。`,
    oecd_names_unofficial: () => "行业的中文名称为非官方译名。",
    wiod_labels_inferred: (p) =>
      `行、列标签为整理数据时推断所得（假定按国家优先排序；中国部分 2011 年总产出为 ${show(p.outputUsdTrillion)} 万亿美元，数值合理）。`,
    wiod_integer_rounding: (p) =>
      `单位百万美元，取整数（上游软件包已四舍五入）：中间使用合计 + 最终使用合计 − 总产出 每行最多相差 ${p.maxRowGap}；平衡检验采用相对容差 ${show(p.relativeTolerance)} 及取整误差界 0.5·(n + m + 1)。`,
    wiod_no_value_added: (p) => `该数据对象没有增加值部分；有 ${p.zeroOutputSectors} 个部门总产出为零。`,
    wiod_names_english_only: () => "部门名称只有英文原名，尚无官方中文译名。",
    constant_prices_rebased: (p) =>
      `「${p.column}」按历次基期的价格计算（国家统计局逢 0、5 年更换基期），${p.rebasedYears.join("、")} 年起改用新基期价格：相邻年份直接相除在这些年份得到的不是实际增速。实际增速应为当年不变价除以上年现价（上年即新基期）；复现表第 9 行即如此计算。`,
  },
  en: {
    nbs_extension_table: (p) => `Extension table 延长表 (${p.year}), not a benchmark survey table.`,
    nbs_unit_cny_10k_current: () => "Units: 10,000 yuan (万元), current producers' prices.",
    nbs_value_added_not_gdp: () =>
      "IO-table value added is not identical to the annual GDP series (IO tables are benchmarked separately).",
    nbs_list_2002_no_crosswalk: () =>
      "2002-vintage 42-sector list (e.g. 通用、专用设备制造业 merged, 邮政业 separate): not the canonical 2012 list; no crosswalk to S01–S42 is provided.",
    nbs_2005_final_demand_columns: (p) => `No THC/TC/GCF/TFU total columns; final demand = ${show(p.columns)}.`,
    nbs_list_41_no_crosswalk: () =>
      "Old (GB/T 4754-2002) 41-sector list: not the canonical 2012 list; no crosswalk to S01–S42 is provided.",
    nbs_list_2012_canonical: () => "2012-vintage 42-sector list = the canonical list (01…42 → S01…S42).",
    nbs_noncompetitive_read_as_total: () =>
      "Non-competitive layout; Z = Domestic + Imports (read as a competitive table, Zdomestic kept; imports = row totals of the Imports block).",
    nbs_domestic_final_use_kept: () =>
      "The final use in the Domestic rows is kept as the domestic final demand: with domestic flows only it goes with the domestic intermediate flows (final use of imported products left out).",
    nbs_s22_s23_split_by_detailed_shares: (p) =>
      `Canonical-42 conversion: 22 其他制造产品和废品废料 split into S22 and S23 by the cell shares of 其他制造产品 and 废弃资源和废旧材料回收加工品 in the detailed table of the same year (${p.detailedTable}; ADR 0012); the ${p.year} 42-sector table is an aggregation of that table, and the split table still balances.`,
    nbs_detailed_aggregated_to_42: (p) =>
      `This table is the ${p.sectors}-sector product table aggregated to the canonical 42 sectors with the project's committed concordance (${p.concordance}; exact sums, balance preserved); for 2012, which has no 42-sector table, the 42-sector values come from it.`,
    nbs_noncompetitive_origin_unconfirmed: () =>
      "Whether this exact non-competitive table is an NBS publication or the package authors' split could not be confirmed; it balances and its totals equal the competitive detailed table of the same year.",
    nbs_list_2017_vintage: () =>
      '2017-vintage 42-sector list (22 其他制造产品和废品废料 merged; 35 研究和试验发展 and 36 综合技术服务 split): convert with toCanonical42(…, "2017") (35+36 → S36; 22 split into S22 and S23 by the shares of the detailed table of the same year, ADR 0012, or kept as the merged S22+S23 without one).',
    nbs_no_2012_42_table: () => "No 2012 42-sector table exists in the upstream package (only this 139-sector table).",
    oecd_total_flows_basic_prices: (p) =>
      `Total (domestic + imported) flow tables, basic prices, million USD, current prices; ${p.firstYear}–${p.lastYear} only.`,
    oecd_impo_negative: () => "IMPO is printed negative; imports = −IMPO.",
    oecd_taxes_in_value_added: () =>
      "Input rows TXS_IMP_FNL and TXS_INT_FNL are taxes less subsidies on products, kept with VALU in valueAdded for the column identity; value added = VALU.",
    oecd_zero_output_industry: (p) => `Industry ${p.code} (households as employers) is all zero (zero output).`,
    oecd_names_unofficial: () => "Chinese industry names are an unofficial translation.",
    wiod_labels_inferred: (p) =>
      `Row/column labels inferred at staging (country-major order assumed; CHN block output 2011 = ${show(p.outputUsdTrillion)} tn USD, plausible).`,
    wiod_integer_rounding: (p) =>
      `Million USD, integers (rounded in the package): Σ inter + Σ final − output differs by up to ${p.maxRowGap} per row; balance checked with relative tolerance ${show(p.relativeTolerance)} and the rounding bound 0.5·(n + m + 1).`,
    wiod_no_value_added: (p) =>
      `No value-added block in this package object; ${p.zeroOutputSectors} sectors have zero output.`,
    wiod_names_english_only: () => "Sector names are the English originals; no official Chinese names are shipped.",
    constant_prices_rebased: (p) =>
      `“${p.column}” is in the prices of successive base years (NBS rebases in years ending in 0 and 5); from ${p.rebasedYears.join(", ")} on it uses the new base's prices, so the ratio of consecutive values is not real growth in those years. There real growth is this year's constant-price value over last year's current-price value (last year being the new base), as row 9 of the reproduction table computes it.`,
  },
};
