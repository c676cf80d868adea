/**
 * Cost–benefit of digitalisation by tier (数字化成本收益, `GET|POST /api/costbenefit/ratios`): two options
 * from the same JSON.
 *
 * - {@link costBenefitRatiosChart}: the unweighted tier means of the cost ratio (left panel) and of the
 *   profit-to-cost ratio (right panel) in the latest year, all sectors beside the mean without the
 *   primary-product sectors; the ratios the seed prints for 2023 stand beside the bars as diamonds
 *   (filled: all sectors, hollow: excluding primary products). The subtitle names the input: the IO-table
 *   proxy is national-accounts cost structure, not listed-company reports, so the printed values are not
 *   comparable with it.
 * - {@link costBenefitScatterChart}: each sector-year's cost ratio against its digital input share (log
 *   x axis), coloured by tier, with the regression slope (form, standard error, p, n) in the subtitle.
 *
 * Hovering a bar, a diamond or a point shows the values, their source and the provenance of the run.
 */
import type { EChartsOption } from "echarts";
import type { z } from "zod";
import type { costBenefitWire } from "../../src/methods/tiers/index.js";
import type { Locale } from "./api-types.js";
import type { ChartLabels } from "./labels.js";
import { escapeHtml } from "./number-format.js";
import { labelSeparator, provenanceEntries, provenanceTooltipHtml } from "./provenance.js";
import { formatTierNumber, TIER_CODES, TIER_NEUTRAL, tierColor, tierName } from "./tier-text.js";

/** `GET /api/costbenefit/ratios` (or `POST` with a panel). */
export type CostBenefitResult = z.output<typeof costBenefitWire>;

export interface CostBenefitText {
  readonly ratiosTitle: (year: number) => string;
  readonly input: Readonly<Record<"io_proxy" | "panel", string>>;
  readonly notComparable: string;
  readonly panelPrinted: string;
  readonly costRatio: string;
  readonly profitRatio: string;
  readonly all: string;
  readonly excluding: string;
  readonly printed: (year: number) => string;
  readonly printedExcluding: (year: number) => string;
  readonly scatterTitle: string;
  readonly digitalInput: string;
  readonly slope: (form: string, estimate: string, se: string, p: string, n: number) => string;
  readonly noSlope: string;
  readonly forms: Readonly<Record<string, string>>;
  readonly noTier: string;
  readonly sector: string;
  readonly year: string;
  readonly tier: string;
  readonly sectors: (n: number) => string;
}

const TEXT: Readonly<Record<Locale, CostBenefitText>> = {
  "zh-CN": {
    ratiosTitle: (y) => `各层级成本率与利润率（${y} 年，部门简单平均）`,
    input: {
      io_proxy: "投入产出表代理（国民核算口径，并非上市公司数据）",
      panel: "上传的企业财务面板",
    },
    notComparable: "菱形为文献公布的 2023 年上市公司数值：代理与上市公司口径不同，不可直接比较",
    panelPrinted: "菱形为文献公布的 2023 年上市公司数值，仅供参照",
    costRatio: "成本率",
    profitRatio: "成本费用利润率",
    all: "全部部门",
    excluding: "不含初级产品部门",
    printed: (y) => `文献公布（${y} 年）`,
    printedExcluding: (y) => `文献公布（${y} 年，不含初级产品）`,
    scatterTitle: "部门成本率与数字化投入",
    digitalInput: "数字化投入占比（对数轴）",
    slope: (f, e, s, p, n) => `${f}回归斜率 ${e}（标准误 ${s}，p = ${p}，n = ${n}）`,
    noSlope: "观测不足，未做回归",
    forms: { loglog: "双对数", loglin: "半对数", linlin: "线性" },
    noTier: "未分层",
    sector: "部门",
    year: "年份",
    tier: "层级",
    sectors: (n) => `${n} 个部门`,
  },
  en: {
    ratiosTitle: (y) => `Cost and profit ratios by tier (${y}, unweighted sector means)`,
    input: {
      io_proxy: "IO-table proxy (national accounts, not listed-company data)",
      panel: "uploaded enterprise financial panel",
    },
    notComparable: "diamonds: the printed 2023 listed-company values — proxy vs listed companies, not comparable",
    panelPrinted: "diamonds: the printed 2023 listed-company values, for reference",
    costRatio: "cost ratio",
    profitRatio: "profit-to-cost ratio",
    all: "all sectors",
    excluding: "excluding primary products",
    printed: (y) => `printed (${y})`,
    printedExcluding: (y) => `printed (${y}, excluding primary products)`,
    scatterTitle: "Sector cost ratio and digital input",
    digitalInput: "digital input share (log axis)",
    slope: (f, e, s, p, n) => `${f} slope ${e} (s.e. ${s}, p = ${p}, n = ${n})`,
    noSlope: "too few observations for the regression",
    forms: { loglog: "log–log", loglin: "log–linear", linlin: "linear" },
    noTier: "no tier",
    sector: "sector",
    year: "year",
    tier: "tier",
    sectors: (n) => `${n} sectors`,
  },
};

/** The words of a locale. */
export function costBenefitText(locale: Locale): CostBenefitText {
  return TEXT[locale];
}

const pct = (v: number | null | undefined, locale: Locale, digits = 2) =>
  v === null || v === undefined || !Number.isFinite(v) ? "—" : `${formatTierNumber(v, locale, digits)}%`;

/** A printed value of the seed read from its id (`s001-cost-ratio-high-2023`, `…-excl-primary-2023`). */
export interface PrintedRatio {
  readonly ratio: "cost" | "profit";
  readonly tier: string;
  readonly excluding: boolean;
  readonly year: number;
  readonly value: number;
  readonly id: string;
}

/** The printed tier means among `published` (the regression slopes and other ids are left out). */
export function printedRatios(data: CostBenefitResult): PrintedRatio[] {
  const out: PrintedRatio[] = [];
  for (const p of data.published) {
    const m = /^s\d+-(cost|profit)-ratio-([a-z_]+?)(-excl-primary)?-(\d{4})$/.exec(p.id);
    if (m === null) continue;
    out.push({
      ratio: m[1] as "cost" | "profit",
      tier: m[2] as string,
      excluding: m[3] !== undefined,
      year: Number(m[4]),
      value: p.value,
      id: p.id,
    });
  }
  return out;
}

function provHtml(data: CostBenefitResult, labels: ChartLabels, locale: Locale, year: number | null): string {
  const P = labels.provenance;
  const ids = year === null ? [] : data.provenance.datasets.filter((d) => d.years.includes(year)).map((d) => d.id);
  return provenanceTooltipHtml(
    provenanceEntries(data.provenance, P, ids.length > 0 ? { datasetIds: ids } : {}).filter(
      (e) => e.label !== P.caveats,
    ),
    P.heading,
    labelSeparator(locale),
  );
}

/** The tiers present, in the API's order (highest first; codes outside the scheme after, as given). */
function tiersOf(data: CostBenefitResult): string[] {
  const present = [...new Set(data.tier_means.map((m) => m.tier))];
  const known = (TIER_CODES as readonly string[]).filter((t) => present.includes(t));
  return [...known, ...present.filter((t) => !known.includes(t))];
}

const tooltip = {
  trigger: "item" as const,
  confine: true,
  formatter: (params: unknown) => {
    const d = (params as { data?: { tip?: unknown } }).data;
    return typeof d?.tip === "string" ? d.tip : "";
  },
};

const BAR_COLORS = { all: "#4e79a7", excluding: "#a0cbe8", printed: "#e15759" } as const;

/**
 * Builds the option of the tier means in the latest year.
 * @param data the cost–benefit wire JSON
 * @param labels chart labels of the locale (provenance words)
 * @param locale words and number format
 * @returns an ECharts option with two grids (cost ratio, profit-to-cost ratio; percent), category x
 *   (tiers), two bar series per grid (all sectors, excluding primary products) and custom series of
 *   the printed values (diamonds to the right of each tier's bars; hollow when excluding primary
 *   products); the subtitle names the input and says whether the printed values compare
 */
export function costBenefitRatiosChart(data: CostBenefitResult, labels: ChartLabels, locale: Locale): EChartsOption {
  const T = TEXT[locale];
  const sep = labelSeparator(locale);
  const year = Math.max(...data.years);
  const tiers = tiersOf(data);
  const names = tiers.map((t, i) => tierName(t, i + 1, locale));
  const printed = printedRatios(data);
  const prov = provHtml(data, labels, locale, year);
  const panels = [
    { ratio: "cost" as const, label: T.costRatio, key: "cost_ratio" as const },
    { ratio: "profit" as const, label: T.profitRatio, key: "profit_ratio" as const },
  ];
  const series: unknown[] = [];
  panels.forEach((panel, g) => {
    for (const excluding of [false, true]) {
      const means = excluding ? data.tier_means_excluding_primary : data.tier_means;
      series.push({
        type: "bar",
        name: excluding ? T.excluding : T.all,
        xAxisIndex: g,
        yAxisIndex: g,
        color: excluding ? BAR_COLORS.excluding : BAR_COLORS.all,
        barGap: "8%",
        barCategoryGap: "45%",
        data: tiers.map((t, i) => {
          const m = means.find((x) => x.tier === t && x.year === year);
          const v = m?.[panel.key] ?? null;
          const v100 = v === null ? null : v * 100;
          return {
            value: v100,
            tip:
              `<b>${escapeHtml(`${names[i]} · ${panel.label} · ${year}`)}</b><br/>` +
              `${escapeHtml(`${excluding ? T.excluding : T.all}${sep}${pct(v100, locale)}`)}<br/>${escapeHtml(T.input[data.input])}` +
              prov,
          };
        }),
      });
    }
    for (const excluding of [false, true]) {
      const points = printed.filter((p) => p.ratio === panel.ratio && p.excluding === excluding);
      if (points.length === 0) continue;
      series.push({
        type: "custom",
        name: excluding ? T.printedExcluding(points[0]?.year ?? year) : T.printed(points[0]?.year ?? year),
        xAxisIndex: g,
        yAxisIndex: g,
        color: BAR_COLORS.printed,
        z: 5,
        encode: { x: 0, y: 1 },
        renderItem: (_params: unknown, api: unknown) => {
          const a = api as {
            value: (i: number) => number;
            coord: (p: [number, number]) => [number, number];
            size: (p: [number, number]) => [number, number];
          };
          const [cx, cy] = a.coord([a.value(0), a.value(1)]);
          const [band] = a.size([1, 0]);
          const x = cx + band * 0.36;
          const r = 6;
          return {
            type: "polygon",
            shape: {
              points: [
                [x, cy - r],
                [x + r * 0.75, cy],
                [x, cy + r],
                [x - r * 0.75, cy],
              ],
            },
            style: excluding
              ? { fill: "#fff", stroke: BAR_COLORS.printed, lineWidth: 2 }
              : { fill: BAR_COLORS.printed, stroke: "#222", lineWidth: 1 },
          };
        },
        data: points
          .filter((p) => tiers.includes(p.tier))
          .map((p) => ({
            value: [tiers.indexOf(p.tier), p.value],
            tip:
              `<b>${escapeHtml(`${tierName(p.tier, null, locale)} · ${panel.label}`)}</b><br/>` +
              `${escapeHtml(`${excluding ? T.printedExcluding(p.year) : T.printed(p.year)}${sep}${pct(p.value, locale)}`)}` +
              `<br/>${escapeHtml(p.id)}<br/>${escapeHtml(data.input === "io_proxy" ? T.notComparable : T.panelPrinted)}`,
          })),
      });
    }
  });
  const byName = new Map(series.map((s) => s as { name: string; type: string }).map((s) => [s.name, s]));
  const legendData = [...byName.values()].map((s) =>
    s.type !== "custom"
      ? { name: s.name }
      : {
          name: s.name,
          icon: "diamond",
          itemStyle:
            s.name === T.printed(printed[0]?.year ?? year)
              ? { color: BAR_COLORS.printed }
              : { color: "#fff", borderColor: BAR_COLORS.printed, borderWidth: 2 },
        },
  );
  return {
    animation: false,
    title: {
      text: T.ratiosTitle(year),
      subtext: `${T.input[data.input]}\n${data.input === "io_proxy" ? T.notComparable : T.panelPrinted}`,
      left: "center",
      textStyle: { fontSize: 16 },
      subtextStyle: { fontSize: 11, lineHeight: 16 },
    },
    legend: { top: 76, data: legendData },
    tooltip,
    grid: [
      { left: 56, right: "54%", top: 124, bottom: 40 },
      { left: "56%", right: 24, top: 124, bottom: 40 },
    ],
    xAxis: panels.map((p, g) => ({
      type: "category" as const,
      gridIndex: g,
      data: names,
      name: p.label,
      nameLocation: "middle" as const,
      nameGap: 24,
      axisLabel: { interval: 0 },
    })),
    yAxis: panels.map((_p, g) => ({
      type: "value" as const,
      gridIndex: g,
      min: 0,
      axisLabel: { formatter: "{value}%" },
    })),
    series: series as NonNullable<EChartsOption["series"]>,
  };
}

/**
 * Builds the option of the sector cost ratios against digital input.
 * @param data the cost–benefit wire JSON
 * @param labels chart labels of the locale (provenance words)
 * @param locale words and number format
 * @returns an ECharts option: log x (digital input share, percent; sector-years with none or a
 *   non-positive share left out), value y (cost ratio, percent), one scatter series per tier (and one for
 *   sectors without a tier); the subtitle carries the input and the slope of `regression_cost_ratio`
 */
export function costBenefitScatterChart(data: CostBenefitResult, labels: ChartLabels, locale: Locale): EChartsOption {
  const T = TEXT[locale];
  const sep = labelSeparator(locale);
  const tiers = tiersOf(data);
  const k = tiers.length === 3 ? 3 : TIER_CODES.length;
  const provByYear = new Map(data.years.map((y) => [y, provHtml(data, labels, locale, y)]));
  const groups = [...tiers, null];
  const series = groups
    .map((t) => {
      const rows = data.sectors.filter(
        (s) =>
          s.tier === t &&
          s.digital_input !== null &&
          s.digital_input > 0 &&
          s.cost_ratio !== null &&
          Number.isFinite(s.cost_ratio),
      );
      const i = t === null ? -1 : tiers.indexOf(t);
      const name = t === null ? T.noTier : tierName(t, i + 1, locale);
      return {
        type: "scatter" as const,
        name,
        color: t === null ? TIER_NEUTRAL.above : tierColor(i + 1, k),
        symbolSize: 7,
        itemStyle: { opacity: 0.8 },
        data: rows.map((s) => ({
          value: [(s.digital_input as number) * 100, (s.cost_ratio as number) * 100],
          tip:
            `<b>${escapeHtml(`${s.sector} ${(locale === "en" ? s.name_en : s.name_zh) ?? ""} · ${s.year}`)}</b><br/>` +
            escapeHtml(`${T.tier}${sep}${name}`) +
            `<br/>${escapeHtml(`${T.costRatio}${sep}${pct((s.cost_ratio as number) * 100, locale)}`)}` +
            `<br/>${escapeHtml(`${T.profitRatio}${sep}${pct(s.profit_ratio === null ? null : s.profit_ratio * 100, locale)}`)}` +
            `<br/>${escapeHtml(`${T.digitalInput}${sep}${pct((s.digital_input as number) * 100, locale, 3)}`)}` +
            `<br/>${escapeHtml(T.input[data.input])}` +
            (provByYear.get(s.year) ?? ""),
        })),
      };
    })
    .filter((s) => s.data.length > 0);
  const r = data.regression_cost_ratio;
  const slope =
    r === null
      ? T.noSlope
      : T.slope(
          T.forms[r.form] ?? r.form,
          formatTierNumber(r.estimate, locale, 4),
          formatTierNumber(r.std_error, locale, 4),
          formatTierNumber(r.p_value, locale, 3),
          r.n,
        );
  return {
    animation: false,
    title: {
      text: T.scatterTitle,
      subtext: `${T.input[data.input]}\n${T.costRatio} · ${slope}`,
      left: "center",
      textStyle: { fontSize: 16 },
      subtextStyle: { fontSize: 11, lineHeight: 16 },
    },
    legend: { top: 76, data: series.map((s) => s.name) },
    tooltip,
    grid: { left: 56, right: 32, top: 122, bottom: 52 },
    xAxis: {
      type: "log",
      name: T.digitalInput,
      nameLocation: "middle",
      nameGap: 28,
      axisLabel: { formatter: "{value}%" },
      splitLine: { lineStyle: { type: "dashed" } },
    },
    yAxis: { type: "value", name: T.costRatio, scale: true, axisLabel: { formatter: "{value}%" } },
    series: series as NonNullable<EChartsOption["series"]>,
  };
}
