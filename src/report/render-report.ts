/**
 * The HTML report (报告): one self-contained file per language. Its body is a list of sections
 * (src/report/sections) — for the IO family the linkage series, key-sector quadrant and heatmap
 * rendered server-side to inline SVG from the same builders the dashboard uses, each with a method
 * note and provenance, the comparison of computed with published values, and the diagnostics.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { escapeHtml } from "../../web/charts/number-format.js";
import { labelSeparator } from "../../web/charts/provenance.js";
import { REPORT_FONT_FAMILY } from "./chart-svg.js";
import { reportText } from "./report-text.js";
import { REPORT_SECTIONS } from "./sections/index.js";
import type { AnySection, SectionRenderContext } from "./sections/section.js";
import type { RenderReportOptions, RenderReportResult, ReportData, ReportLocale } from "./types.js";

const CSS = `
body{font-family:${REPORT_FONT_FAMILY};color:#1d2733;margin:0;background:#f5f6f8;line-height:1.6}
main{max-width:960px;margin:0 auto;padding:24px 32px;background:#fff}
h1{font-size:26px;margin:8px 0 0}h2{font-size:19px;margin:32px 0 8px;border-bottom:2px solid #1f5fa8;padding-bottom:4px}
.sub{color:#55606e;margin:4px 0 12px}.meta{color:#55606e;font-size:13px}
figure{margin:16px 0 8px}figure svg{max-width:100%;height:auto;display:block}
figcaption{font-weight:600;margin-top:4px}
.note{background:#f3f6fb;border-left:3px solid #1f5fa8;padding:8px 12px;font-size:13.5px}
dl.prov{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;font-size:12.5px;color:#444;margin:8px 0}
dl.prov dt{font-weight:600}dl.prov dd{margin:0;overflow-wrap:anywhere}
table{border-collapse:collapse;width:100%;font-size:13.5px}th,td{border:1px solid #d5dae1;padding:4px 8px;text-align:left}
th{background:#eef2f7;white-space:nowrap}td:nth-child(1),td:nth-child(4),td:nth-child(5),td:nth-child(6),td:nth-child(7){white-space:nowrap}td small{color:#6b7684}tr.status-reproduced td:nth-child(7),tr.status-match td:nth-child(7){color:#1b7a3a;font-weight:600}td.num{text-align:right;font-variant-numeric:tabular-nums}
ul.diag{font-size:13px;color:#55606e}ul.caveats{margin:0;padding-left:16px}footer{color:#7a8594;font-size:12px;margin-top:32px}
`;

/**
 * Builds the report HTML for one language (pure apart from ECharts SSR; no clock: `generatedAt` is
 * printed only when the data carry it): the header, then each section that has data, in order.
 * @param sections the sections to render @default REPORT_SECTIONS
 * @returns a complete `<!doctype html>` document with inline CSS and inline SVG
 */
export function reportHtml(
  data: ReportData,
  lang: ReportLocale,
  chartWidth = 880,
  sections: readonly AnySection[] = REPORT_SECTIONS,
): string {
  const T = reportText(lang);
  const sep = labelSeparator(lang);
  let figure = 0;
  const ctx: SectionRenderContext = { lang, datasets: data.datasets, chartWidth, nextFigure: () => ++figure };
  const present = sections.filter((s) => Object.hasOwn(data.sections, s.id));

  const meta = [...new Set(present.flatMap((s) => s.header?.(data.sections[s.id], ctx) ?? []))];
  if (data.softwareVersion !== undefined) meta.push(`${T.software}${sep}${data.softwareVersion}`);
  if (data.generatedAt !== undefined) meta.push(`${T.generatedAt}${sep}${data.generatedAt}`);
  const other = lang === "en" ? "report.zh-CN.html" : "report.en.html";
  const body = present.map((s) => s.render(data.sections[s.id], ctx)).join("");

  return (
    `<!doctype html>\n<html lang="${T.htmlLang}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(T.title)}</title>` +
    `<style>${CSS}</style></head><body><main>` +
    `<header><h1>${escapeHtml(T.title)}</h1><p class="sub">${escapeHtml(T.subtitle)}</p>` +
    `<p class="meta">${meta.map(escapeHtml).join(" · ")} · <a href="${other}">${escapeHtml(T.otherLanguage)}</a></p></header>` +
    body +
    `<footer>${escapeHtml(T.footer)}</footer></main></body></html>\n`
  );
}

/**
 * Writes the report (渲染报告): `index.html` in `lang` (default zh-CN) plus `report.zh-CN.html` and
 * `report.en.html`, each self-contained (inline CSS and SVG, no script, no network).
 * @param options.outDir output directory (created if missing)
 * @param options.loadData returns the API-equivalent JSON for a language (see `ReportData`)
 * @returns `{files, indexPath}` — absolute paths written
 */
export async function renderReport(options: RenderReportOptions): Promise<RenderReportResult> {
  const lang = options.lang ?? "zh-CN";
  const outDir = resolve(options.outDir);
  await mkdir(outDir, { recursive: true });
  const html: Record<ReportLocale, string> = { "zh-CN": "", en: "" };
  for (const l of ["zh-CN", "en"] as const) {
    html[l] = reportHtml(await options.loadData(l), l, options.chartWidth, options.sections);
  }
  const files: string[] = [];
  const write = async (name: string, content: string): Promise<void> => {
    const path = join(outDir, name);
    await writeFile(path, content, "utf8");
    files.push(path);
  };
  await write("index.html", html[lang]);
  await write("report.zh-CN.html", html["zh-CN"]);
  await write("report.en.html", html.en);
  return { files, indexPath: join(outDir, "index.html") };
}
