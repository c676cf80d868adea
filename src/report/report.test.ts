import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openShippedStore } from "../../test/helpers/real-app.js";
import { normalizeText } from "../../web/charts/normalize.test-helper.js";
import { reportDataLoader } from "../cli/report-data.js";
import { renderReport, reportHtml } from "./render-report.js";
import type { ReportData } from "./types.js";

// The real data path of `shushi report` (src/cli/report-data.ts `reportDataLoader`: the report sections'
// methods run over the store and serialised as the HTTP API serialises them) over a copy of the store
// built from the shipped data (test/helpers/global-store.ts). Loaded once per language.
const shipped = await openShippedStore();
const load = reportDataLoader(shipped.store);
const loaded: Record<"zh-CN" | "en", ReportData> = { "zh-CN": await load("zh-CN"), en: await load("en") };
await shipped.close();
const reportData = (lang: "zh-CN" | "en"): ReportData => loaded[lang];
const data = reportData("zh-CN");

const SVG = /<svg[\s\S]*?<\/svg>/g;
const CJK = /[\u4e00-\u9fff]/;

/** ISO timestamps of `computedAt` (the loader uses the clock): one marker, so the golden file is stable. */
const ISO_TIME = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g;

/**
 * The report with every inline SVG replaced by a one-line summary, numbers normalised to 3 decimals and
 * computation times replaced by a marker.
 */
function structure(html: string): string {
  return normalizeText(
    html.replace(SVG, (svg) => {
      const paths = (svg.match(/<path/g) ?? []).length;
      const texts = (svg.match(/<text/g) ?? []).length;
      return `<svg paths="${paths > 0 ? ">0" : "0"}" texts="${texts > 0 ? ">0" : "0"}"/>`;
    }),
  )
    .replace(/></g, ">\n<")
    .replace(/<style>[\s\S]*?<\/style>/, "<style>…</style>")
    .replace(ISO_TIME, "<computedAt>");
}

function svgTexts(svg: string): string {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join(" ");
}

describe("reportHtml", () => {
  for (const lang of ["zh-CN", "en"] as const) {
    it(`matches the golden structure (${lang})`, async () => {
      await expect(structure(reportHtml(reportData(lang), lang))).toMatchFileSnapshot(
        `__snapshots__/report.${lang}.html.snap`,
      );
    });
  }

  it("inlines sixteen SVG figures, each with paths, text and its CJK title", () => {
    const html = reportHtml(data, "zh-CN");
    const svgs = html.match(SVG) ?? [];
    expect(svgs).toHaveLength(16);
    const titles = [
      "数字部门影响力系数与感应度系数",
      "关键部门识别：影响力系数 × 感应度系数",
      "完全需要系数矩阵 L（列昂惕夫逆）",
      "实数融合发展指数（公开数据近似）与GDP指数",
      "31个省份综合得分（2017年）",
      "全员劳动生产率：计算值与公布值",
      "劳动生产率与实数融合指数",
      "全要素生产率增长：Törnqvist 核算与 PWT 指数",
      "ARIMAX 预测扇形图",
      "产业分层聚类树（Ward 离差平方和）",
      "计算的层级与公布的层级",
      "计算的层级与公布的层级",
      "各层级增加值占比",
      "各层级对增加值增长的贡献率",
      "各层级成本率与利润率（2020 年，部门简单平均）",
      "部门成本率与数字化投入",
    ];
    svgs.forEach((svg, i) => {
      expect((svg.match(/<path/g) ?? []).length).toBeGreaterThan(10);
      const text = svgTexts(svg);
      expect(CJK.test(text)).toBe(true);
      expect(text).toContain(titles[i]);
    });
  });

  it("renders every caveat and provenance value as text (no [object Object] outside the SVG figures)", () => {
    for (const lang of ["zh-CN", "en"] as const) {
      const html = reportHtml(reportData(lang), lang).replace(SVG, "<svg/>");
      const at = html.indexOf("[object Object]");
      expect(at < 0 ? "" : html.slice(Math.max(0, at - 300), at + 40), lang).toBe("");
    }
  });

  it("is self-contained: no script, no external resource", () => {
    for (const lang of ["zh-CN", "en"] as const) {
      const html = reportHtml(reportData(lang), lang);
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/<link|src="http|url\(http/i);
    }
  });

  it("shows computed vs published with gap and reason, and the provenance of every figure", () => {
    const html = reportHtml(data, "zh-CN");
    expect(html).toContain("与公布值的比较");
    expect(html).toContain(
      '<td class="num">1.042</td><td class="num">1.04</td><td class="num">+0.002</td><td>已复现</td>',
    );
    expect((html.match(/<dl class="prov">/g) ?? []).length).toBe(14);
    expect(html).toContain("91fe1791242c"); // sha256 prefix of china_2020_42.csv
    const en = reportHtml(reportData("en"), "en");
    expect(en).toContain("Comparison with published values");
    expect(en).toContain("No public input–output table after 2020 (the latest NBS table)");
    // the 2012 point of the series comes from the 139-sector table (two-block invariance)
    expect(en).toContain("cn-nbs-io-2012-139");
    expect(CJK.test(svgTexts((en.match(SVG) ?? [])[0] ?? ""))).toBe(false);
  });
});

describe("comparison table", () => {
  it("prints counts as integers, names quantities and notes a different computed year", () => {
    const appRows: ReportData = {
      ...data,
      sections: {
        ...data.sections,
        "io.comparison": {
          rows: [
            {
              ref: "35",
              quantity: "tier_size_high",
              year: 2020,
              computed: 6,
              published: 6,
              gap: 0,
              status: "reproduced",
              reason_zh: "一致",
              reason_en: "same",
              citation_zh: "种子 001 脚注4",
              citation_en: "seed 001 fn. 4",
            },
            {
              ref: "14",
              quantity: "influence",
              year: 2023,
              computedYear: 2020,
              computed: 1.064368,
              published: 1.18,
              gap: -0.115632,
              status: "not_comparable",
              reason_zh: "无表",
              reason_en: "no table",
            },
            {
              ref: "13",
              quantity: "sensitivity_bound",
              year: 2020,
              computed: 0.650642,
              published: 1,
              gap: -0.349358,
              status: "reproduced",
              reason_zh: "小于1",
              reason_en: "below 1",
            },
          ],
        },
      },
    };
    const html = reportHtml(appRows, "zh-CN");
    expect(html).toContain(
      '<td>高度数字化部门数</td><td class="num">2020</td><td class="num">6</td><td class="num">6</td><td class="num">+0</td><td>已复现</td>',
    );
    expect(html).toContain("<small>出处：种子 001 脚注4</small>");
    expect(html).toContain(
      '2023<br/><small>计算用 2020 年表</small></td><td class="num">1.064</td><td class="num">1.18</td>',
    );
    expect(html).toContain("<td>不可直接比较</td>");
    // a bound claim has a threshold, not a value: no gap is printed
    expect(html).toContain(
      '<td>感应度系数 &lt; 1</td><td class="num">2020</td><td class="num">0.651</td><td class="num">1</td><td class="num">—</td>',
    );
    expect(reportHtml(appRows, "en")).toContain("<td>Highly digitised sectors</td>");
  });
});

describe("renderReport", () => {
  it("writes index.html (zh-CN by default), report.zh-CN.html and report.en.html", async () => {
    const dir = await mkdtemp(join(tmpdir(), "shushi-report-"));
    try {
      const langs: string[] = [];
      const { files } = await renderReport({
        outDir: dir,
        loadData: async (lang) => {
          langs.push(lang);
          return data;
        },
      });
      expect(files.map((f) => f.slice(dir.length + 1))).toEqual(["index.html", "report.zh-CN.html", "report.en.html"]);
      expect(langs).toEqual(["zh-CN", "en"]);
      const index = await readFile(join(dir, "index.html"), "utf8");
      expect(index).toContain('<html lang="zh-CN">');
      expect(index).toBe(await readFile(join(dir, "report.zh-CN.html"), "utf8"));
      const { files: enFiles } = await renderReport({
        outDir: dir,
        lang: "en",
        loadData: async () => reportData("en"),
      });
      expect(await readFile(enFiles[0] as string, "utf8")).toContain('<html lang="en">');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
