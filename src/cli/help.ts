/**
 * CLI help text (zh-CN and en).
 */
import type { Lang } from "../i18n/format.js";

const EN = `shushi (数实) — measure the digital economy and real–digital integration from official data

Usage: shushi [--lang zh-CN|en] [--data-dir DIR] <command> [options]

Commands:
  main                              build the data store if missing, write the report to ./out/report,
                                    serve the dashboard and print its URL
  datasets list                     list stored datasets            [--format table|json|csv]
  datasets show <id>                metadata, sectors and validation [--format table|json]
  datasets validate <file>          check a CSV/XLSX IO table without storing it [--unit U] [--format table|json]
  datasets import <file> --id <id>  import a CSV/XLSX IO table (all-or-nothing) [--unit U] [--replace]
  datasets rebuild                  rebuild the store from the shipped data
  io linkages (--table <id> | --input <file>)
        [--group digital|<code,code,…>] [--group-method two_block|merge|weighted_mean]
        [--variant leontief|ghosh_sensitivity|weighted] [--imports competitive|domestic]
        [--unit U] [--backend typescript|native] [--format table|json|csv]
                                    influence (影响力系数) and sensitivity (感应度系数) coefficients
  io intensity (--table <id> | --input <file>) [--group digital|<codes>] [--format table|json|csv]
                                    digital input/output intensities by sector
  io matrix (--table <id> | --input <file>) --which A|L [--format csv|json]
                                    direct input coefficients A or Leontief inverse L
  io series [--family nbs|oecd] [--group digital|<codes>] [--format table|json|csv]
                                    the group's coefficients across table years, interpolated annually
  report [--out DIR]                write the HTML report (default ./out/report)
  serve [--port 8787] [--host 127.0.0.1]
                                    serve the dashboard and the HTTP API

Global options:
  --lang zh-CN|en      interface language (default zh-CN; env SHUSHI_LANG)
  --data-dir DIR       data store directory (default .shushi; env SHUSHI_DATA_DIR)
  --help               this help
  --version            print the version

Exit codes: 0 ok · 1 data issues · 2 usage errors · 70 internal errors
`;

const ZH = `数实 shushi —— 用官方数据测度数字经济与数实融合

用法：shushi [--lang zh-CN|en] [--data-dir 目录] <命令> [选项]

命令：
  main                              若无数据库则用内置数据构建，生成报告到 ./out/report，
                                    启动仪表板并显示其网址
  datasets list                     列出数据集                    [--format table|json|csv]
  datasets show <id>                数据集元数据、部门与校验结果  [--format table|json]
  datasets validate <文件>          校验 CSV/XLSX 投入产出表而不入库 [--unit 单位] [--format table|json]
  datasets import <文件> --id <id>  导入 CSV/XLSX 投入产出表（全部成功或不做任何修改）[--unit 单位] [--replace]
  datasets rebuild                  用内置数据重建数据库
  io linkages (--table <id> | --input <文件>)
        [--group digital|<代码,代码,…>] [--group-method two_block|merge|weighted_mean]
        [--variant leontief|ghosh_sensitivity|weighted] [--imports competitive|domestic]
        [--unit 单位] [--backend typescript|native] [--format table|json|csv]
                                    影响力系数与感应度系数
  io intensity (--table <id> | --input <文件>) [--group digital|<代码>] [--format table|json|csv]
                                    各部门数字化投入、产出强度
  io matrix (--table <id> | --input <文件>) --which A|L [--format csv|json]
                                    直接消耗系数矩阵 A 或完全需要系数矩阵 L
  io series [--family nbs|oecd] [--group digital|<代码>] [--format table|json|csv]
                                    部门组各编表年份的系数（年度插值）
  report [--out 目录]               生成 HTML 报告（默认 ./out/report）
  serve [--port 8787] [--host 127.0.0.1]
                                    启动仪表板与 HTTP API

全局选项：
  --lang zh-CN|en      界面语言（默认 zh-CN；环境变量 SHUSHI_LANG）
  --data-dir 目录      数据库目录（默认 .shushi；环境变量 SHUSHI_DATA_DIR）
  --help               显示本帮助
  --version            显示版本

退出码：0 成功 · 1 数据问题 · 2 用法错误 · 70 内部错误
`;

export function helpText(lang: Lang): string {
  return lang === "en" ? EN : ZH;
}
