/**
 * The report's own words (zh-CN / en) around the sections: title, header, figure captions, footer.
 * Words of a family's sections live beside them (sections/io-text.ts); chart words come from
 * `web/charts/labels.ts`.
 */
import type { ReportLocale } from "./types.js";

export interface ReportText {
  readonly htmlLang: string;
  readonly title: string;
  readonly subtitle: string;
  readonly generatedAt: string;
  readonly software: string;
  readonly otherLanguage: string;
  readonly figure: (n: number) => string;
  readonly methodNote: string;
  readonly provenance: string;
  readonly footer: string;
}

const zh: ReportText = {
  htmlLang: "zh-CN",
  title: "数字部门产业关联分析报告",
  subtitle: "基于国家统计局投入产出表的影响力系数与感应度系数测算",
  generatedAt: "生成时间",
  software: "软件",
  otherLanguage: "English version",
  figure: (n) => `图${n}`,
  methodNote: "方法说明",
  provenance: "数据来源与计算记录",
  footer: "本报告为自包含 HTML：图表为内嵌 SVG，不需要脚本或网络。",
};

const en: ReportText = {
  htmlLang: "en",
  title: "Digital-sector linkage report",
  subtitle: "Influence and sensitivity coefficients from the NBS input-output tables",
  generatedAt: "Generated",
  software: "Software",
  otherLanguage: "中文版",
  figure: (n) => `Figure ${n}`,
  methodNote: "Method",
  provenance: "Provenance",
  footer: "This report is self-contained HTML: charts are inline SVG; no script or network needed.",
};

export function reportText(lang: ReportLocale): ReportText {
  return lang === "en" ? en : zh;
}
