/**
 * Interface strings (界面文本) by key, in English and Chinese. Lookup falls back key by key to English
 * (after Evidence `resolveTranslations`), then to the key itself. `{name}` placeholders are filled
 * from params.
 */
import * as auth from "./families/auth.js";
import * as composite from "./families/composite.js";
import * as econometrics from "./families/econometrics.js";
import * as tiers from "./families/tiers-ui.js";
import type { Lang } from "./format.js";
import { show } from "./params.js";

const EN = {
  // table headers
  "col.code": "code",
  "col.name": "name",
  "col.influence": "influence",
  "col.sensitivity": "sensitivity",
  "col.direct_intermediate": "digital/intermediate",
  "col.direct_total": "digital/total input",
  "col.complete": "complete",
  "col.forward": "forward",
  "col.id": "id",
  "col.kind": "kind",
  "col.title": "title",
  "col.years": "years",
  "col.sectors": "sectors",
  "col.unit": "unit",
  "col.classification": "classification",
  "col.year": "year",
  "col.source": "source",
  "col.table": "table",
  // labels
  "label.block": "Group",
  "label.rest": "Rest of economy",
  "label.method": "method",
  "label.variant": "variant",
  "label.table": "table",
  "label.diagnostics": "Diagnostics",
  "label.provenance": "Provenance",
  "label.sha256": "sha256",
  "label.software": "software",
  "label.computed_at": "computed at",
  "label.issues": "{count} data issue(s):",
  "label.validation_ok": "Validation: no errors, {count} note(s):",
  "label.digital": "digital sectors",
  "label.none": "(none)",
  "label.source_table": "table",
  "label.source_interpolated": "interpolated",
  "label.source_hold": "held (after last table)",
  "label.published": "published",
  // outcomes
  "msg.imported": "Imported dataset {id} ({sectors} sectors, unit {unit}).",
  "msg.imported_kind": "Imported dataset {id} (kind {kind}).",
  "msg.import_progress": "Importing… {rows} rows, {megabytes} MB read",
  "msg.valid": "{file}: valid ({sectors} sectors, unit {unit}).",
  "msg.store_built": "Store ready at {dir} ({count} datasets).",
  "msg.deleted": "Deleted dataset {id}.",
  "msg.store_building": "Building the data store at {dir} from the shipped data…",
  "msg.report_written": "Report written to {path}",
  "msg.serving": "shushi dashboard: {url}  (Ctrl+C to stop)",
  "msg.no_web": "The dashboard bundle web/dist was not found; only the API is served. Run `npm run build` to build it.",
  // usage / interface errors
  "usage.unknown_command": "Unknown command “{command}”. Run `shushi --help` for the list of commands.",
  "usage.unknown_option": "Unknown option “{option}” for `{command}`.",
  "usage.missing_option": "`{command}` needs {option}.",
  "usage.missing_value": "Option {option} needs a value.",
  "usage.invalid_value": "Invalid value “{value}” for {option}; expected one of: {expected}.",
  "usage.conflict": "Use either {a} or {b}, not both.",
  "usage.missing_argument": "`{command}` needs the argument <{argument}>.",
  "usage.file_not_found": "File not found: {path}",
  "usage.cannot_listen":
    "Cannot listen on {host}:{port} ({reason}). Choose another --port or stop the program using it.",
  "error.internal": "Internal error: {message}. This is a bug; please report it with the command you ran.",
  "error.not_found": "Not found: {path}",
  "error.payload_too_large":
    "The uploaded file is larger than the limit of {limit} bytes. Split the file or import it with the CLI.",
  "error.bad_request": "Bad request: {message}",
  "error.data_issues": "The data has {count} issue(s); nothing was changed.",
  "error.store_locked":
    "The data store {dir} is in use by another shushi process (e.g. a running `shushi serve`). Stop that process, or use the HTTP API, or pass another --data-dir.",
  "error.unknown_dataset": "Dataset “{id}” does not exist.",
  "error.unsupported_family": "Unknown series family “{family}”; expected nbs or oecd.",
  // families with their own interface strings (src/i18n/families/auth.ts)
  ...auth.EN,
  ...composite.EN,
  ...econometrics.EN,
  ...tiers.EN,
  "error.timeout":
    "The computation took longer than the server's limit of {seconds} s and was stopped. Try again later, or run it with the CLI.",
  "error.busy":
    "You already have {limit} computations running or waiting on this server. Wait for them to finish, then try again.",
  "error.cancelled": "The computation was cancelled because the request was closed.",
} as const;

export type MessageKey = keyof typeof EN;

const ZH: Partial<Record<MessageKey, string>> = {
  "col.code": "代码",
  "col.name": "部门名称",
  "col.influence": "影响力系数",
  "col.sensitivity": "感应度系数",
  "col.direct_intermediate": "数字投入/中间投入",
  "col.direct_total": "数字投入/总投入",
  "col.complete": "完全消耗",
  "col.forward": "数字化产出",
  "col.id": "标识",
  "col.kind": "类型",
  "col.title": "名称",
  "col.years": "年份",
  "col.sectors": "部门数",
  "col.unit": "单位",
  "col.classification": "分类",
  "col.year": "年份",
  "col.source": "来源",
  "col.table": "投入产出表",
  "label.block": "部门组",
  "label.rest": "其他部门",
  "label.method": "方法",
  "label.variant": "变体",
  "label.table": "投入产出表",
  "label.diagnostics": "诊断信息",
  "label.provenance": "数据来源",
  "label.sha256": "sha256",
  "label.software": "软件",
  "label.computed_at": "计算时间",
  "label.issues": "数据问题 {count} 个：",
  "label.validation_ok": "校验：无错误，提示 {count} 条：",
  "label.digital": "数字部门",
  "label.none": "（无）",
  "label.source_table": "编表年份",
  "label.source_interpolated": "插值",
  "label.source_hold": "沿用末表",
  "label.published": "公布值",
  "msg.imported": "已导入数据集 {id}（{sectors} 个部门，单位 {unit}）。",
  "msg.imported_kind": "已导入数据集 {id}（类型 {kind}）。",
  "msg.import_progress": "正在导入……已读 {rows} 行、{megabytes} MB",
  "msg.valid": "{file}：校验通过（{sectors} 个部门，单位 {unit}）。",
  "msg.store_built": "数据库已就绪：{dir}（{count} 个数据集）。",
  "msg.deleted": "已删除数据集 {id}。",
  "msg.store_building": "正在用内置数据构建数据库 {dir}……",
  "msg.report_written": "报告已写入 {path}",
  "msg.serving": "数实 shushi 仪表板：{url}（按 Ctrl+C 停止）",
  "msg.no_web": "未找到仪表板文件 web/dist，只提供 API。请运行 `npm run build` 构建。",
  "usage.unknown_command": "未知命令「{command}」。运行 `shushi --help` 查看命令列表。",
  "usage.unknown_option": "命令 `{command}` 不支持选项「{option}」。",
  "usage.missing_option": "`{command}` 需要 {option}。",
  "usage.missing_value": "选项 {option} 需要一个值。",
  "usage.invalid_value": "选项 {option} 的值「{value}」无效；可选：{expected}。",
  "usage.conflict": "{a} 与 {b} 只能二选一。",
  "usage.missing_argument": "`{command}` 需要参数 <{argument}>。",
  "usage.file_not_found": "找不到文件：{path}",
  "usage.cannot_listen": "无法在 {host}:{port} 上监听（{reason}）。请换一个 --port，或停止占用该端口的程序。",
  "error.internal": "内部错误：{message}。这是程序缺陷，请连同所运行的命令一起报告。",
  "error.not_found": "未找到：{path}",
  "error.payload_too_large": "上传的文件超过 {limit} 字节的上限。请拆分文件，或用命令行导入。",
  "error.bad_request": "请求有误：{message}",
  "error.data_issues": "数据有 {count} 个问题，未做任何修改。",
  "error.store_locked":
    "数据库 {dir} 正被另一个 shushi 进程使用（例如正在运行的 `shushi serve`）。请停止该进程，或改用 HTTP API，或指定另一个 --data-dir。",
  "error.unknown_dataset": "数据集「{id}」不存在。",
  "error.unsupported_family": "未知的序列类别「{family}」；应为 nbs 或 oecd。",
  ...auth.ZH,
  ...composite.ZH,
  ...econometrics.ZH,
  ...tiers.ZH,
  "error.timeout": "计算超过服务器 {seconds} 秒的时限，已停止。请稍后重试，或用命令行运行。",
  "error.busy": "您在本服务器上已有 {limit} 个计算正在运行或排队。请等它们完成后再试。",
  "error.cancelled": "请求已关闭，计算已取消。",
};

const TABLES: Record<Lang, Partial<Record<MessageKey, string>>> = { en: EN, "zh-CN": ZH };

/** Every key of the interface strings. */
export const MESSAGE_KEYS = Object.keys(EN) as MessageKey[];

/** The `{name}` placeholders of a template literal type. */
type Placeholders<S extends string> = S extends `${string}{${infer N}}${infer Rest}` ? N | Placeholders<Rest> : never;

/** Params of an interface string: one value per `{name}` placeholder of its English template. */
export type MessageParams<K extends MessageKey> = {
  readonly [N in Placeholders<(typeof EN)[K]>]: string | number;
};

type IsUnion<T, U = T> = T extends unknown ? ([U] extends [T] ? false : true) : never;

/**
 * The params argument of {@link t}: typed by the key's placeholders for a literal key (a missing or
 * misspelt placeholder is a compile error); a plain record when the key is only known as `MessageKey`
 * (e.g. a usage error carrying its key and params).
 */
export type MessageParamsArg<K extends MessageKey> =
  true extends IsUnion<K>
    ? [params?: Readonly<Record<string, unknown>>]
    : [Placeholders<(typeof EN)[K]>] extends [never]
      ? [params?: Readonly<Record<string, never>>]
      : [params: MessageParams<K>];

/** The `{name}` placeholders of a template, at run time (tests check zh-CN and en agree). */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string).sort();
}

/** The template of `key` in `lang` (English when the language lacks it). */
export function template(key: MessageKey, lang: Lang): string {
  return TABLES[lang][key] ?? EN[key];
}

/**
 * The interface string for `key` in `lang`, with `{name}` placeholders filled from `params`.
 * Falls back to English for a key missing in the language, then to the key.
 */
export function t<K extends MessageKey>(key: K, lang: Lang, ...args: MessageParamsArg<K>): string {
  const params: Readonly<Record<string, unknown>> = args[0] ?? {};
  const text = TABLES[lang][key] ?? EN[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => (name in params ? show(params[name]) : `{${name}}`));
}
