import { describe, expect, it } from "vitest";
import { loadDashboardData } from "../../test/helpers/real-app.js";
import type { LinkageResult, MatrixResult, SeriesResult } from "./api-types.js";
import { coefficientHeatmap, heatmapCellTooltip, quantile } from "./coefficient-heatmap.js";
import { keySectorQuadrant } from "./key-sector-quadrant.js";
import { chartLabels } from "./labels.js";
import { linkageSeriesChart } from "./linkage-series.js";
import { normalizeOption } from "./normalize.test-helper.js";
import { formatCoefficient, formatGap, formatMoney } from "./number-format.js";
import { provenanceEntries } from "./provenance.js";

// The real API: createApp (src/server/app.ts) over a store built from the shipped data
// (test/helpers/global-store.ts), asked what the dashboard asks (test/helpers/real-app.ts), per language.
const data = await loadDashboardData();
const series: SeriesResult = data["zh-CN"].series;
const linkages: LinkageResult = data["zh-CN"].linkages;
const fullMatrix: MatrixResult = data["zh-CN"].matrixL;
/** a 5×5 corner of L keeps the golden file readable */
const corner = (m: MatrixResult): MatrixResult => ({
  ...m,
  codes: m.codes.slice(0, 5),
  names_zh: m.names_zh.slice(0, 5),
  names_en: m.names_en.slice(0, 5),
  values: m.values.slice(0, 5).map((r) => r.slice(0, 5)),
});

const CJK = /[\u4e00-\u9fff]/;

interface SeriesItem {
  type: string;
  name: string;
  lineStyle?: { type: string };
  symbol?: string;
  data: { value: [string, number]; symbol?: string; source?: string; tip: string }[];
  markLine?: { data: { yAxis: number }[] };
}
const seriesOf = (o: unknown): SeriesItem[] => (o as { series: SeriesItem[] }).series;
const tooltipOf = (o: unknown) => (o as { tooltip: { formatter: (p: unknown) => string } }).tooltip.formatter;

describe("chart options over the real API", () => {
  it("render every provenance value as text (no [object Object] in tooltips or labels)", () => {
    for (const locale of ["zh-CN", "en"] as const) {
      const d = data[locale];
      for (const [name, option] of [
        ["series", linkageSeriesChart(d.series, chartLabels(locale), locale)],
        ["quadrant", keySectorQuadrant(d.linkages, chartLabels(locale), locale)],
        ["heatmap", coefficientHeatmap(corner(d.matrixL), chartLabels(locale), locale, "L")],
      ] as const)
        expect(normalizeOption(option), `${name} ${locale}`).not.toContain("[object Object]");
    }
  });
});

describe("linkageSeriesChart", () => {
  for (const locale of ["zh-CN", "en"] as const) {
    it(`matches the golden option (${locale})`, async () => {
      const option = linkageSeriesChart(data[locale].series, chartLabels(locale), locale);
      await expect(normalizeOption(option)).toMatchFileSnapshot(`__snapshots__/linkage-series.${locale}.json.snap`);
    });
  }

  it("draws table-to-table segments solid and estimated segments dashed with hollow markers", () => {
    const s = seriesOf(linkageSeriesChart(series, chartLabels("zh-CN"), "zh-CN")).filter((x) => x.type === "line");
    const influence = s.filter((x) => x.name === "影响力系数");
    // table years of the shipped NBS tables: 2005, 2010, 2012 (139-sector table), 2015, 2017, 2018, 2020.
    // Only 2017 → 2018 joins two adjacent table years; every other stretch passes interpolated years,
    // so the runs 2005 … 2017 and 2018 … 2020 are dashed
    expect(influence.map((x) => [x.lineStyle?.type, x.data.map((d) => d.value[0]).join(",")])).toEqual([
      ["dashed", "2005,2006,2007,2008,2009,2010,2011,2012,2013,2014,2015,2016,2017"],
      ["solid", "2017,2018"],
      ["dashed", "2018,2019,2020"],
    ]);
    const symbols = influence.flatMap((x) => x.data.map((d) => `${d.value[0]}:${d.symbol}`));
    expect(symbols).toContain("2011:emptyCircle");
    expect(symbols).toContain("2012:circle");
    expect(symbols).toContain("2016:emptyCircle");
    expect(symbols).toContain("2018:circle");
    expect(symbols).toContain("2019:emptyCircle");
  });

  it("overlays published values as separate markers with the citation in the tooltip", () => {
    const option = linkageSeriesChart(series, chartLabels("zh-CN"), "zh-CN");
    const pub = seriesOf(option).filter((x) => x.type === "scatter");
    expect(pub.map((x) => [x.name, x.symbol, x.data.map((d) => d.value.join("="))])).toEqual([
      ["影响力系数（公布值）", "diamond", ["2015=1.04", "2023=1.18"]],
      ["感应度系数（公布值）", "triangle", ["2012=0.71", "2023=0.75"]],
    ]);
    const tip = tooltipOf(option)({ data: pub[0]?.data[0] });
    expect(tip).toContain("实数融合发展观察");
    expect(tip).toContain("同年计算值：1.042");
  });

  it("puts a reference line at 1.0 and provenance of the point's table in the tooltip", () => {
    const option = linkageSeriesChart(series, chartLabels("en"), "en");
    const first = seriesOf(option)[0];
    expect(first?.markLine?.data).toEqual([{ yAxis: 1 }]);
    const point = first?.data[0];
    const tip = tooltipOf(option)({ data: point });
    expect(tip).toContain("cn-nbs-io-2005-42");
    expect(tip).toContain("SHA-256: cdf1a1e22238"); // data/shipped/SHA256SUMS, china_2005_42.csv
    expect(tip).toContain("Method: group coefficient series (io_series)");
    const interpolated = seriesOf(option)
      .flatMap((x) => x.data)
      .find((d) => d.value[0] === "2016");
    const itip = tooltipOf(option)({ data: interpolated });
    expect(itip).toContain("Interpolated between: 2015–2017 (w = 0.500");
    expect(itip).toContain("Dataset: cn-nbs-io-2015-42, cn-nbs-io-2017-42");
  });

  it("accepts the app-layer spelling of published points (ref, measure, source)", () => {
    const appShape: SeriesResult = {
      ...series,
      published: [{ ref: "ref-13", year: 2023, measure: "influence", value: 1.18, source: "seed 000 图5" }],
    };
    const pub = seriesOf(linkageSeriesChart(appShape, chartLabels("zh-CN"), "zh-CN")).filter(
      (x) => x.type === "scatter",
    );
    expect(pub).toHaveLength(1);
    expect(pub[0]?.data[0]?.tip).toContain("seed 000 图5");
  });

  it("has no CJK text in the English option's titles and legend", () => {
    const o = linkageSeriesChart(series, chartLabels("en"), "en") as {
      title: { text: string };
      legend: { data: string[] };
    };
    expect(CJK.test(o.title.text)).toBe(false);
    expect(o.legend.data.some((d) => CJK.test(d))).toBe(false);
  });
});

describe("keySectorQuadrant", () => {
  for (const locale of ["zh-CN", "en"] as const) {
    it(`matches the golden option (${locale})`, async () => {
      const option = keySectorQuadrant(data[locale].linkages, chartLabels(locale), locale);
      await expect(normalizeOption(option)).toMatchFileSnapshot(
        `__snapshots__/key-sector-quadrant.${locale}.json.snap`,
      );
    });
  }

  it("highlights the block's digital sectors and draws the block and 1/1 lines", () => {
    const option = keySectorQuadrant(linkages, chartLabels("zh-CN"), "zh-CN");
    const s = seriesOf(option);
    const digital = s.find((x) => x.name === "数字部门");
    // the 2017-vintage list of the 2020 table: 20 electronics, 31 information services (src/app/groups.ts)
    expect(digital?.data.map((d) => (d as unknown as { name: string }).name)).toEqual(["20", "31"]);
    expect(s.find((x) => x.name === "其他部门")?.data).toHaveLength(40);
    expect(s.find((x) => x.name === "数字部门整体")?.data).toHaveLength(1);
    expect((s[0] as unknown as { markLine: { data: unknown } }).markLine.data).toEqual([{ xAxis: 1 }, { yAxis: 1 }]);
    const quadrantLabels = s
      .find((x) => x.name === "quadrants")
      ?.data.map((d) => (d as unknown as { label: { formatter: string } }).label.formatter);
    expect(quadrantLabels).toEqual(["关键部门", "后向联系强", "前向联系强", "弱联系"]);
  });

  it("names the block's method in the locale (no raw ids such as two_block in zh-CN)", () => {
    for (const locale of ["zh-CN", "en"] as const) {
      const s = seriesOf(keySectorQuadrant(linkages, chartLabels(locale), locale));
      const block = s.find((x) => x.name === chartLabels(locale).quadrant.block) as unknown as {
        label: { formatter: string };
        data: { tip: string }[];
      };
      const expected = locale === "zh-CN" ? "两部门合并法" : "two-block aggregation";
      expect(block.label.formatter).toContain(expected);
      expect(block.label.formatter).not.toContain("two_block");
      expect(block.data[0]?.tip).toContain(expected);
    }
    expect(
      provenanceEntries(linkages.provenance, chartLabels("zh-CN").provenance).find((e) => e.label === "方法")?.value,
    ).toBe("影响力系数与感应度系数 (io_linkages)");
  });

  it("skips zero-output sectors (null coefficients) and honours an explicit highlight list", () => {
    const withNull: LinkageResult = {
      ...linkages,
      sectors: [
        ...linkages.sectors.slice(0, 3),
        { code: "99", name_zh: "空", name_en: "empty", influence: null, sensitivity: null, output: 0 },
      ],
    };
    const s = seriesOf(keySectorQuadrant(withNull, chartLabels("en"), "en", { highlight: ["01"] }));
    expect(
      s.find((x) => x.name === "Digital sectors")?.data.map((d) => (d as unknown as { name: string }).name),
    ).toEqual(["01"]);
    expect(s.find((x) => x.name === "Other sectors")?.data).toHaveLength(2);
  });
});

describe("coefficientHeatmap", () => {
  for (const locale of ["zh-CN", "en"] as const) {
    it(`matches the golden option (${locale})`, async () => {
      const option = coefficientHeatmap(corner(data[locale].matrixL), chartLabels(locale), locale, "L");
      await expect(normalizeOption(option)).toMatchFileSnapshot(
        `__snapshots__/coefficient-heatmap.${locale}.json.snap`,
      );
    });
  }

  it("has one cell per matrix entry and caps the colour scale at the off-diagonal 98th percentile", () => {
    const option = coefficientHeatmap(fullMatrix, chartLabels("zh-CN"), "zh-CN", "L") as {
      series: { data: unknown[] }[];
      visualMap: { max: number };
    };
    expect(option.series[0]?.data).toHaveLength(fullMatrix.codes.length ** 2);
    expect(option.visualMap.max).toBeLessThan(1); // the unit diagonal of L is excluded
  });

  it("shows sector names and provenance on hover", () => {
    const tip = heatmapCellTooltip(fullMatrix, "L", 19, 30, chartLabels("zh-CN"), "zh-CN");
    expect(tip).toContain("20 通信设备、计算机和其他电子设备");
    expect(tip).toContain("数据集：cn-nbs-io-2020-42");
    expect(tip).toContain("源文件：china_2020_42.csv");
    expect(tip).toContain("方法：完全需要系数（列昂惕夫逆） (io_leontief_inverse)");
    const option = coefficientHeatmap(fullMatrix, chartLabels("zh-CN"), "zh-CN", "L");
    expect(tooltipOf(option)({ data: [30, 19, 0.1] })).toBe(tip);
  });

  it("quantile is nearest-rank", () => {
    expect(quantile([5, 1, 4, 2, 3], 0.5)).toBe(3);
    expect(quantile([], 0.9)).toBe(0);
  });
});

describe("formatting and provenance helpers", () => {
  it("formats coefficients with 3 decimals half-up and gaps with a sign", () => {
    expect(formatCoefficient(1.0419895, "zh-CN")).toBe("1.042");
    expect(formatCoefficient(null, "en")).toBe("—");
    expect(formatGap(-0.115632, "en")).toBe("−0.116");
    expect(formatGap(0.001989, "zh-CN")).toBe("+0.002");
  });

  it("formats money with 万/亿 in Chinese and billion/trillion in English", () => {
    expect(formatMoney(2_699_000_000, "cny_10k", "zh-CN")).toBe("26.99万亿元");
    expect(formatMoney(35_000, "cny_10k", "zh-CN")).toBe("3.50亿元");
    expect(formatMoney(35_000, "cny_10k", "en")).toBe("350.00 million yuan");
  });

  it("reads the app-layer provenance shape (years[], software, caveats)", () => {
    const entries = provenanceEntries(
      {
        datasets: [
          {
            id: "x",
            titleZh: "表 x",
            titleEn: "table x",
            sha256: "0123456789abcdef0123",
            publisher: "NBS",
            unit: "cny_10k",
            years: [2018],
            files: [{ path: "data/shipped/a.csv", sha256: "0123456789abcdef0123" }],
            classification: { system: "nbs-io-42-2017", version: "2017" },
          },
        ],
        method: "io_linkages",
        parameters: { variant: "leontief", groupCodes: ["S20", "S32"] },
        software: "shushi@0.1.0",
        computedAt: "2026-01-01T00:00:00.000Z",
        caveats: ["extension table"],
      },
      chartLabels("en").provenance,
    );
    expect(entries.map((e) => `${e.label}=${e.value}`)).toEqual([
      "Dataset=x",
      "Table year=2018",
      "Source file=a.csv",
      "SHA-256=0123456789ab",
      "Classification=nbs-io-42-2017 (2017)",
      "Method=influence and sensitivity coefficients (io_linkages)",
      'Parameters=variant=leontief, groupCodes=["S20","S32"]',
      "Software=shushi@0.1.0",
      "Computed at=2026-01-01T00:00:00.000Z",
      "Caveats=extension table",
    ]);
  });
});
