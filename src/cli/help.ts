/**
 * CLI help text (zh-CN and en). The method commands are listed from their declarations
 * (src/methods); each prints its own options with `shushi <family> <name> --help`.
 */
import type { Lang } from "../i18n/format.js";
import { METHODS } from "../methods/index.js";

const TEXT = {
  en: {
    title: "shushi (数实) — measure the digital economy and real–digital integration from official data",
    usage: "Usage: shushi [--lang zh-CN|en] [--data-dir DIR] <command> [options]",
    platform: "Commands:",
    methods: "Methods (options: shushi <command> --help):",
    commands: [
      ["main", "build the data store if missing, write the report to ./out/report, serve the dashboard"],
      ["datasets list", "list stored datasets [--format table|json|csv]"],
      ["datasets show <id>", "metadata, sectors and validation [--format table|json]"],
      ["datasets delete <id>", "delete one of your datasets (official data is protected; audited)"],
      ["datasets validate <file>", "check a CSV/XLSX IO table without storing it [--unit U] [--format table|json]"],
      ["datasets import <file> --id <id>", "import a file (all-or-nothing) [--kind K] [--unit U] [--replace]"],
      ["datasets rebuild", "rebuild the store from the shipped data"],
      ["report [--out DIR]", "write the HTML report (default ./out/report)"],
      ["serve [--port 8787] [--host 127.0.0.1]", "serve the dashboard and the HTTP API"],
      ["users add <name> --role R", "add a user (viewer|analyst|admin) [--password-env VAR]"],
      ["users token <name>", "issue an API token (shown once) [--label L]"],
      ["users list | revoke <name>", "list users; revoke a user and their tokens"],
      ["users audit", "the audit log of every write [--limit N] [--target ID] [--format table|json]"],
    ],
    global: `Global options:
  --lang zh-CN|en      interface language (default zh-CN; env SHUSHI_LANG)
  --data-dir DIR       data store directory (default .shushi; env SHUSHI_DATA_DIR)
  -h, --help           this help
  --version            print the version

Exit codes: 0 ok · 1 data issues · 2 usage errors · 70 internal errors`,
  },
  "zh-CN": {
    title: "数实 shushi —— 用官方数据测度数字经济与数实融合",
    usage: "用法：shushi [--lang zh-CN|en] [--data-dir 目录] <命令> [选项]",
    platform: "命令：",
    methods: "方法（选项见 shushi <命令> --help）：",
    commands: [
      ["main", "若无数据库则用内置数据构建，生成报告到 ./out/report，启动仪表板"],
      ["datasets list", "列出数据集 [--format table|json|csv]"],
      ["datasets show <id>", "数据集元数据、部门与校验结果 [--format table|json]"],
      ["datasets delete <id>", "删除自己导入的数据集（官方数据受保护；记入审计日志）"],
      ["datasets validate <文件>", "校验 CSV/XLSX 投入产出表而不入库 [--unit 单位] [--format table|json]"],
      ["datasets import <文件> --id <id>", "导入文件（全部成功或不做任何修改）[--kind 类型] [--unit 单位] [--replace]"],
      ["datasets rebuild", "用内置数据重建数据库"],
      ["report [--out 目录]", "生成 HTML 报告（默认 ./out/report）"],
      ["serve [--port 8787] [--host 127.0.0.1]", "启动仪表板与 HTTP API"],
      ["users add <name> --role R", "添加用户（viewer|analyst|admin）[--password-env 变量名]"],
      ["users token <name>", "签发 API 令牌（只显示一次）[--label 标签]"],
      ["users list | revoke <name>", "列出用户；撤销用户及其全部令牌"],
      ["users audit", "每次写入的审计日志 [--limit N] [--target 标识] [--format table|json]"],
    ],
    global: `全局选项：
  --lang zh-CN|en      界面语言（默认 zh-CN；环境变量 SHUSHI_LANG）
  --data-dir 目录      数据库目录（默认 .shushi；环境变量 SHUSHI_DATA_DIR）
  -h, --help           显示本帮助
  --version            显示版本

退出码：0 成功 · 1 数据问题 · 2 用法错误 · 70 内部错误`,
  },
} as const;

function columns(rows: readonly (readonly [string, string])[]): string {
  const width = Math.max(...rows.map(([a]) => a.length));
  return rows.map(([a, b]) => `  ${a.padEnd(width)}  ${b}`).join("\n");
}

/** The top-level help in a language. */
export function helpText(lang: Lang): string {
  const T = TEXT[lang];
  const methods = METHODS.map((m) => [m.command.join(" "), m.summary[lang]] as const);
  return `${T.title}\n\n${T.usage}\n\n${T.platform}\n${columns(T.commands)}\n\n${T.methods}\n${columns(methods)}\n\n${T.global}\n`;
}
