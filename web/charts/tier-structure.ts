/**
 * Structure of the economy by tier (各层级增加值结构, `GET /api/tiers/structure`): two options from the
 * same JSON.
 *
 * - {@link tierSharesChart}: the value-added share of each tier, stacked to 100 % per year 2012–2020
 *   (fixed membership). Years with an IO table are solid and their axis label bold; years interpolated
 *   between two tables are lighter and hatched. The shares the seed prints (2012, 2024) stand in a
 *   panel of their own on the right, one diamond per printed tier at its value — never stacked with
 *   or merged into the computed series (a tier the seed does not print has no diamond).
 * - {@link tierContributionsChart}: the contribution of each tier to the growth of total value added by
 *   year, grouped bars (lighter where a year leans on an interpolated year), the printed contributions as
 *   diamonds over their tier's bar slot; the subtitle says when the printed 2024 contributions do not
 *   sum to 100 (`published.contribution_sum_2024`).
 *
 * Hovering a bar or a diamond shows the value, its source (table, interpolation or the printed id) and
 * the provenance of the run.
 */
import type { EChartsOption } from "echarts";
import type { z } from "zod";
import type { structureWire } from "../../src/methods/tiers/index.js";
import type { Locale } from "./api-types.js";
import type { ChartLabels } from "./labels.js";
import { escapeHtml } from "./number-format.js";
import { labelSeparator, provenanceEntries, provenanceTooltipHtml } from "./provenance.js";
import { formatTierNumber, tierColor, tierName } from "./tier-text.js";

/** `GET /api/tiers/structure`. */
export type TierStructureResult = z.output<typeof structureWire>;

export interface TierStructureText {
  readonly sharesTitle: string;
  readonly sharesSubtitle: (membership: string) => string;
  readonly contributionsTitle: string;
  readonly contributionsSubtitle: (membership: string) => string;
  readonly sumNote: (sum: string, expected: string, difference: string) => string;
  readonly membership: Readonly<Record<"published" | "computed", string>>;
  readonly share: string;
  readonly contribution: string;
  readonly printedAxis: string;
  readonly table: (id: string) => string;
  readonly interpolated: string;
  readonly fromInterpolated: string;
  readonly printed: (year: number) => string;
  readonly computedBeside: (year: number, value: string) => string;
  readonly totalChange: string;
}

const TEXT: Readonly<Record<Locale, TierStructureText>> = {
  "zh-CN": {
    sharesTitle: "各层级增加值占比",
    sharesSubtitle: (m) =>
      `${m} · 实色为有投入产出表的年份（年份加粗），浅色斜纹为两表之间插值的年份 · 右侧菱形为文献公布值`,
    contributionsTitle: "各层级对增加值增长的贡献率",
    contributionsSubtitle: (m) => `${m} · 浅色柱依赖插值年份 · 菱形为文献公布值`,
    sumNote: (s, e, d) => `公布的 2024 年各层贡献率合计为 ${s}，而非 ${e}（相差 ${d}），未强行调整`,
    membership: { published: "层级成员：文献公布的五层", computed: "层级成员：按所选表计算" },
    share: "增加值占比",
    contribution: "增长贡献率",
    printedAxis: "公布值",
    table: (id) => `投入产出表 ${id}`,
    interpolated: "两表之间线性插值",
    fromInterpolated: "由插值年份算得",
    printed: (y) => `文献公布（${y} 年）`,
    computedBeside: (y, v) => `计算值（${y} 年）：${v}`,
    totalChange: "增加值总增量（万元）",
  },
  en: {
    sharesTitle: "Value-added share by tier",
    sharesSubtitle: (m) =>
      `${m} · solid: years with an IO table (bold year), light hatched: interpolated between tables · diamonds on the right: printed values`,
    contributionsTitle: "Contribution of each tier to value-added growth",
    contributionsSubtitle: (m) => `${m} · light bars lean on interpolated years · diamonds: printed values`,
    sumNote: (s, e, d) =>
      `The printed 2024 contributions sum to ${s}, not ${e} (difference ${d}); they were not forced to add up`,
    membership: { published: "membership: the printed five tiers", computed: "membership: computed from the table" },
    share: "value-added share",
    contribution: "growth contribution",
    printedAxis: "printed",
    table: (id) => `IO table ${id}`,
    interpolated: "interpolated linearly between tables",
    fromInterpolated: "computed from an interpolated year",
    printed: (y) => `printed (${y})`,
    computedBeside: (y, v) => `computed (${y}): ${v}`,
    totalChange: "change of total value added (CNY 10k)",
  },
};

/** The words of a locale. */
export function tierStructureText(locale: Locale): TierStructureText {
  return TEXT[locale];
}

const pct = (v: number | null | undefined, locale: Locale, digits = 2) =>
  v === null || v === undefined || !Number.isFinite(v) ? "—" : `${formatTierNumber(v, locale, digits)}%`;

/** The provenance of a tooltip, limited to the table of one year when there is one (caveats left to the page). */
function provHtml(data: TierStructureResult, labels: ChartLabels, locale: Locale, tables: readonly string[]) {
  const P = labels.provenance;
  return provenanceTooltipHtml(
    provenanceEntries(data.provenance, P, tables.length > 0 ? { datasetIds: tables } : {}).filter(
      (e) => e.label !== P.caveats,
    ),
    P.heading,
    labelSeparator(locale),
  );
}

/** The consistency note of the printed 2024 contributions, or null when they sum to 100 (or are absent). */
export function contributionSumNote(data: TierStructureResult, locale: Locale): string | null {
  const c = data.published.contribution_sum_2024;
  if (c === null || c.consistent) return null;
  return TEXT[locale].sumNote(
    formatTierNumber(c.sum, locale, 2),
    formatTierNumber(c.expected, locale, 0),
    formatTierNumber(c.difference, locale, 2),
  );
}

/** Bold table years, grey interpolated ones (axis label rich text). */
const yearAxisLabel = (tableYears: ReadonlySet<string>) => ({
  interval: 0,
  formatter: (v: string) => (tableYears.has(v) ? `{t|${v}}` : `{i|${v}}`),
  rich: { t: { fontWeight: "bold" as const, fontSize: 11 }, i: { color: "#888", fontSize: 11 } },
});

const HATCH = { symbol: "rect", symbolSize: 1, dashArrayX: [1, 0], dashArrayY: [2, 3], rotation: Math.PI / 4 };
const tooltip = {
  trigger: "item" as const,
  confine: true,
  formatter: (params: unknown) => {
    const d = (params as { data?: { tip?: unknown } }).data;
    return typeof d?.tip === "string" ? d.tip : "";
  },
};

/**
 * Builds the option of the value-added shares by tier.
 * @param data the structure wire JSON
 * @param labels chart labels of the locale (provenance words)
 * @param locale words and number format
 * @returns an ECharts option with two grids: left, category x (years) and one stacked bar series per
 *   tier (percent; interpolated years lighter and hatched); right, category x (the printed years) and
 *   one scatter series per printed tier (diamonds, percent), named as the tier so the legend toggles both
 */
export function tierSharesChart(data: TierStructureResult, labels: ChartLabels, locale: Locale): EChartsOption {
  const T = TEXT[locale];
  const sep = labelSeparator(locale);
  const k = data.tiers.length;
  const years = data.years.map((y) => String(y.year));
  const tableYears = new Set(data.years.filter((y) => y.source === "table").map((y) => String(y.year)));
  const printedYears = [...new Set(data.published.shares.map((p) => p.year))].sort((a, b) => a - b);
  const names = data.tiers.map((t, i) => tierName(t, i + 1, locale));
  /** The table of a year, or the two tables it is interpolated between. */
  const tablesOf = (year: number): string[] => {
    const own = data.years.find((y) => y.year === year && y.table !== null)?.table;
    if (typeof own === "string") return [own];
    const tabled = data.years.filter((y) => y.table !== null);
    const before = tabled.filter((y) => y.year < year).at(-1)?.table;
    const after = tabled.find((y) => y.year > year)?.table;
    return [before, after].filter((t): t is string => typeof t === "string");
  };
  const bars = data.tiers.map((t, i) => ({
    type: "bar" as const,
    name: names[i] as string,
    stack: "shares",
    color: tierColor(i + 1, k),
    barCategoryGap: "30%",
    data: data.years.map((y) => {
      const v = y.shares[i] ?? null;
      const source = y.source === "table" && y.table !== null ? T.table(y.table) : T.interpolated;
      const printed = data.published.shares.find((p) => p.tier === t && p.year === y.year);
      const tip =
        `<b>${escapeHtml(`${y.year} · ${names[i]}`)}</b><br/>${escapeHtml(`${T.share}${sep}${pct(v === null ? null : v * 100, locale)}`)}` +
        `<br/>${escapeHtml(source)}` +
        (printed === undefined
          ? ""
          : `<br/>${escapeHtml(`${T.printed(printed.year)}${sep}${pct(printed.value, locale)} (${printed.id})`)}`) +
        provHtml(data, labels, locale, tablesOf(y.year));
      return y.source === "table"
        ? { value: v === null ? null : v * 100, tip }
        : { value: v === null ? null : v * 100, tip, itemStyle: { opacity: 0.45, decal: HATCH } };
    }),
  }));
  const computedShare = (tier: number, year: number) => {
    const y = data.years.find((x) => x.year === year);
    const v = y?.shares[tier];
    return v === undefined || v === null ? null : v * 100;
  };
  const markers = data.tiers
    .map((t, i) => ({ t, i }))
    .filter(({ t }) => data.published.shares.some((p) => p.tier === t))
    .map(({ t, i }) => ({
      type: "scatter" as const,
      name: names[i] as string,
      xAxisIndex: 1,
      yAxisIndex: 1,
      symbol: "diamond",
      symbolSize: 13,
      color: tierColor(i + 1, k),
      itemStyle: { borderColor: "#222", borderWidth: 1 },
      data: data.published.shares
        .filter((p) => p.tier === t)
        .map((p) => {
          const c = computedShare(i, p.year);
          return {
            value: [String(p.year), p.value],
            tip:
              `<b>${escapeHtml(`${T.printed(p.year)} · ${names[i]}`)}</b><br/>${escapeHtml(`${T.share}${sep}${pct(p.value, locale)}`)}` +
              `<br/>${escapeHtml(p.id)}` +
              (c === null ? "" : `<br/>${escapeHtml(T.computedBeside(p.year, pct(c, locale)))}`) +
              provHtml(data, labels, locale, []),
          };
        }),
    }));
  return {
    animation: false,
    title: {
      text: T.sharesTitle,
      subtext: T.sharesSubtitle(T.membership[data.membership]),
      left: "center",
      textStyle: { fontSize: 16 },
      subtextStyle: { fontSize: 11 },
    },
    legend: { top: 54, data: names },
    tooltip,
    grid: [
      { left: 56, right: 190, top: 96, bottom: 40 },
      { right: 24, width: 120, top: 96, bottom: 40 },
    ],
    xAxis: [
      { type: "category", gridIndex: 0, data: years, axisLabel: yearAxisLabel(tableYears) },
      {
        type: "category",
        gridIndex: 1,
        data: printedYears.map(String),
        name: T.printedAxis,
        nameLocation: "middle",
        nameGap: 26,
        axisLabel: { interval: 0, fontSize: 11 },
      },
    ],
    yAxis: [
      { type: "value", gridIndex: 0, min: 0, max: 100, axisLabel: { formatter: "{value}%" } },
      {
        type: "value",
        gridIndex: 1,
        min: 0,
        axisLabel: { formatter: "{value}%" },
        splitLine: { lineStyle: { type: "dashed" } },
      },
    ],
    series: [...bars, ...markers] as NonNullable<EChartsOption["series"]>,
  };
}

/** Share of the bar slot width of one category taken by the bars (barCategoryGap 30 %, barGap 0). */
const BAND = 0.7;

/**
 * Builds the option of the growth contributions by tier.
 * @param data the structure wire JSON
 * @param labels chart labels of the locale (provenance words)
 * @param locale words and number format
 * @returns an ECharts option: category x (the computed years and the printed ones, ascending), value y
 *   (percent); one bar series per tier (lighter where the year or the one before is interpolated) and one
 *   custom series per printed tier (a diamond over the tier's bar slot at the printed value); the
 *   subtitle carries the sum note of the printed 2024 contributions when they do not sum to 100
 */
export function tierContributionsChart(data: TierStructureResult, labels: ChartLabels, locale: Locale): EChartsOption {
  const T = TEXT[locale];
  const sep = labelSeparator(locale);
  const k = data.tiers.length;
  const source = new Map(data.years.map((y) => [y.year, y]));
  const allYears = [
    ...new Set([...data.contributions.map((c) => c.year), ...data.published.contributions.map((p) => p.year)]),
  ].sort((a, b) => a - b);
  const categories = allYears.map(String);
  const tableYears = new Set(data.years.filter((y) => y.source === "table").map((y) => String(y.year)));
  const names = data.tiers.map((t, i) => tierName(t, i + 1, locale));
  const bars = data.tiers.map((_t, i) => ({
    type: "bar" as const,
    name: names[i] as string,
    color: tierColor(i + 1, k),
    barGap: "0%",
    barCategoryGap: "30%",
    data: allYears.map((year) => {
      const c = data.contributions.find((x) => x.year === year);
      if (c === undefined) return { value: null, tip: "" };
      const v = c.contributions[i] ?? null;
      const now = source.get(year);
      const before = source.get(year - 1);
      const interpolated = now?.source !== "table" || before?.source !== "table";
      const tables = [now?.table, before?.table].filter((x): x is string => typeof x === "string");
      const tip =
        `<b>${escapeHtml(`${year} · ${names[i]}`)}</b><br/>${escapeHtml(`${T.contribution}${sep}${pct(v === null ? null : v * 100, locale)}`)}` +
        `<br/>${escapeHtml(`${T.totalChange}${sep}${formatTierNumber(c.total_change, locale, 0)}`)}` +
        (interpolated ? `<br/>${escapeHtml(T.fromInterpolated)}` : "") +
        provHtml(data, labels, locale, tables);
      return interpolated
        ? { value: v === null ? null : v * 100, tip, itemStyle: { opacity: 0.45, decal: HATCH } }
        : { value: v === null ? null : v * 100, tip };
    }),
  }));
  const renderDiamond = (_params: unknown, api: unknown) => {
    const a = api as {
      value: (i: number) => number;
      coord: (p: [number, number]) => [number, number];
      size: (p: [number, number]) => [number, number];
      visual: (k: string) => string;
    };
    const [cx, cy] = a.coord([a.value(0), a.value(1)]);
    const [band] = a.size([1, 0]);
    const slot = (band * BAND) / k;
    const x = cx - (band * BAND) / 2 + (a.value(2) + 0.5) * slot;
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
      style: { fill: a.visual("color"), stroke: "#222", lineWidth: 1 },
      z2: 10,
    };
  };
  const markers = data.tiers
    .map((t, i) => ({ t, i }))
    .filter(({ t }) => data.published.contributions.some((p) => p.tier === t))
    .map(({ t, i }) => ({
      type: "custom" as const,
      name: names[i] as string,
      color: tierColor(i + 1, k),
      renderItem: renderDiamond,
      encode: { x: 0, y: 1 },
      z: 5,
      data: data.published.contributions
        .filter((p) => p.tier === t)
        .map((p) => {
          const c = data.contributions.find((x) => x.year === p.year)?.contributions[i] ?? null;
          return {
            value: [categories.indexOf(String(p.year)), p.value, i],
            tip:
              `<b>${escapeHtml(`${T.printed(p.year)} · ${names[i]}`)}</b><br/>${escapeHtml(`${T.contribution}${sep}${pct(p.value, locale)}`)}` +
              `<br/>${escapeHtml(p.id)}` +
              (c === null ? "" : `<br/>${escapeHtml(T.computedBeside(p.year, pct(c * 100, locale)))}`) +
              provHtml(data, labels, locale, []),
          };
        }),
    }));
  const note = contributionSumNote(data, locale);
  const sub = T.contributionsSubtitle(T.membership[data.membership]);
  return {
    animation: false,
    title: {
      text: T.contributionsTitle,
      subtext: note === null ? sub : `${sub}\n${note}`,
      left: "center",
      textStyle: { fontSize: 16 },
      subtextStyle: { fontSize: 11, lineHeight: 16 },
    },
    legend: { top: note === null ? 56 : 76, data: names },
    tooltip,
    grid: { left: 56, right: 24, top: note === null ? 100 : 116, bottom: 40 },
    xAxis: { type: "category", data: categories, axisLabel: yearAxisLabel(tableYears) },
    yAxis: { type: "value", axisLabel: { formatter: "{value}%" } },
    series: [...bars, ...markers] as NonNullable<EChartsOption["series"]>,
  };
}
