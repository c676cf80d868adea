/**
 * Tier map (计算层级与公布层级对照, `GET /api/tiers/cluster|classify`): the sectors as a row of tiles
 * per source — the computed tier and, where the seeds print one, the printed tier — one column per
 * sector, coloured by tier. Columns follow the dendrogram's leaf order when there is one (so the map
 * lines up under the tree), else computed tier then the first feature, descending. Sectors whose two
 * tiers differ are marked: a ring on the printed tile and the code in red. Hovering a tile shows the
 * sector's values, both tiers and the provenance.
 */
import type { EChartsOption } from "echarts";
import type { Locale } from "./api-types.js";
import { sectorTipLines, tiersProvenanceHtml } from "./dendrogram.js";
import type { ChartLabels } from "./labels.js";
import {
  codeRank,
  formatTierNumber,
  TIER_NEUTRAL,
  TIERS_GRID,
  type TierSector,
  type TiersResult,
  tierColor,
  tierName,
  tierText,
} from "./tier-text.js";

export interface TierMapText {
  readonly title: string;
  readonly differs: string;
  readonly subtitle: (agree: number, compared: number, ari: string) => string;
  readonly noPrinted: string;
}

const TEXT: Readonly<Record<Locale, TierMapText>> = {
  "zh-CN": {
    title: "计算的层级与公布的层级",
    differs: "两者不一致",
    subtitle: (a, c, ari) => `${a}/${c} 个部门层级一致，调整兰德指数 ${ari}；红色代码与圆圈：两者不一致`,
    noPrinted: "无可对照的公布层级",
  },
  en: {
    title: "Computed and printed tiers",
    differs: "tiers differ",
    subtitle: (a, c, ari) =>
      `${a} of ${c} sectors in the printed tier, adjusted Rand index ${ari}; red code and ring: the two differ`,
    noPrinted: "no printed tiers to compare with",
  },
};

/** The words of a locale. */
export function tierMapText(locale: Locale): TierMapText {
  return TEXT[locale];
}

/** The column order: leaf order when clustered, else computed tier (excluded last) then first feature descending. */
export function tierMapOrder(data: TiersResult): TierSector[] {
  const byLabel = new Map(data.clusters.map((c) => [c.label, c]));
  if (data.leaf_order.length > 0) {
    const leaves = data.leaf_order.map((l) => byLabel.get(l)).filter((c): c is TierSector => c !== undefined);
    const rest = data.clusters.filter((c) => !data.leaf_order.includes(c.label));
    return [...leaves, ...rest];
  }
  return [...data.clusters].sort(
    (a, b) =>
      (a.tier ?? Number.POSITIVE_INFINITY) - (b.tier ?? Number.POSITIVE_INFINITY) ||
      (b.values[0] ?? Number.NEGATIVE_INFINITY) - (a.values[0] ?? Number.NEGATIVE_INFINITY) ||
      a.label.localeCompare(b.label),
  );
}

/** Whether a sector's computed and printed tiers are both known and differ. */
export function differs(s: TierSector): boolean {
  return s.published_tier !== null && s.tier_code !== null && s.published_tier !== s.tier_code;
}

interface TileDatum {
  /** x, y, 1 when the printed tier was inferred by elimination (drawn lighter) */
  value: [number, number, number];
  code: string;
  tip: string;
}

/**
 * Builds the tier-map option.
 * @param data the tiers wire JSON
 * @param labels chart labels of the locale (provenance words)
 * @param locale words and number format
 * @returns an ECharts option: category x (sector codes, differing ones in red), category y (computed
 *   tier; printed tier when any sector has one); one custom series per tier (a tile per sector and row,
 *   legend = tier names), one for excluded sectors if any, and a scatter ring on each differing sector's
 *   printed tile
 */
export function tierMapChart(data: TiersResult, labels: ChartLabels, locale: Locale): EChartsOption {
  const T = TEXT[locale];
  const W = tierText(locale);
  const order = tierMapOrder(data);
  const printed = order.some((s) => s.published_tier !== null);
  const rowsY = printed ? [W.computed, W.printed] : [W.computed];
  const prov = tiersProvenanceHtml(data, labels, locale);
  const k = data.k;
  const tips = order.map((s) => sectorTipLines(s, data, locale).join("<br/>") + prov);
  const tiers = [...new Set(order.map((s) => s.tier).filter((t): t is number => t !== null))];
  for (const s of order)
    if (s.published_tier !== null) {
      const r = codeRank(s.published_tier, k);
      if (r !== null && !tiers.includes(r)) tiers.push(r);
    }
  tiers.sort((a, b) => a - b);
  const codeOfTier = new Map<number, string | null>();
  for (const s of order) if (s.tier !== null) codeOfTier.set(s.tier, s.tier_code);
  for (const s of order)
    if (s.published_tier !== null) {
      const r = codeRank(s.published_tier, k);
      if (r !== null && !codeOfTier.has(r)) codeOfTier.set(r, s.published_tier);
    }
  const tierLabel = (t: number) => tierName(codeOfTier.get(t) ?? null, t, locale);
  const cells = new Map<number | "excluded", TileDatum[]>();
  const push = (key: number | "excluded", d: TileDatum) => {
    const list = cells.get(key) ?? [];
    list.push(d);
    cells.set(key, list);
  };
  order.forEach((s, x) => {
    push(s.tier ?? "excluded", { value: [x, 0, 0], code: s.label, tip: tips[x] as string });
    if (printed && s.published_tier !== null) {
      const r = codeRank(s.published_tier, k);
      if (r !== null) push(r, { value: [x, 1, s.published_inferred ? 1 : 0], code: s.label, tip: tips[x] as string });
    }
  });
  const renderItem = (_params: unknown, api: unknown) => {
    const a = api as {
      value: (i: number) => number;
      coord: (p: [number, number]) => [number, number];
      size: (p: [number, number]) => [number, number];
      visual: (k: string) => string;
    };
    const [cx, cy] = a.coord([a.value(0), a.value(1)]);
    const [w, h] = a.size([1, 1]);
    return {
      type: "rect",
      shape: { x: cx - w / 2 + 1, y: cy - h / 2 + 2, width: Math.max(w - 2, 1), height: Math.max(h - 4, 1) },
      style: { fill: a.visual("color"), opacity: a.value(2) === 1 ? 0.55 : 1 },
    };
  };
  const tileSeries = (name: string, color: string, data: TileDatum[]) => ({
    type: "custom",
    name,
    color,
    renderItem,
    encode: { x: 0, y: 1 },
    data,
  });
  const series: unknown[] = tiers.map((t) => tileSeries(tierLabel(t), tierColor(t, k), cells.get(t) ?? []));
  const excluded = cells.get("excluded") ?? [];
  if (excluded.length > 0) series.push(tileSeries(W.excluded, TIER_NEUTRAL.excluded, excluded));
  const differing = order.map((s, x) => ({ s, x })).filter(({ s }) => differs(s));
  if (printed)
    series.push({
      type: "scatter",
      name: T.differs,
      symbol: "circle",
      symbolSize: 9,
      z: 5,
      itemStyle: { color: "#fff", borderColor: "#111", borderWidth: 2 },
      data: differing.map(({ x }) => ({ value: [x, 1], tip: tips[x] })),
    });
  const differingCodes = new Set(differing.map(({ s }) => s.label));
  const ag = data.agreement;
  const subtitle = ag === null ? T.noPrinted : T.subtitle(ag.agree, ag.compared, formatTierNumber(ag.ari, locale, 3));
  return {
    animation: false,
    title: {
      text: T.title,
      subtext: subtitle,
      left: "center",
      textStyle: { fontSize: 16 },
      subtextStyle: { fontSize: 11 },
    },
    legend: {
      top: 58,
      data: [
        ...tiers.map(tierLabel),
        ...(excluded.length > 0 ? [W.excluded] : []),
        ...(printed && differing.length > 0 ? [T.differs] : []),
      ],
    },
    grid: { left: TIERS_GRID.left, right: TIERS_GRID.right, top: 92, bottom: 48 },
    tooltip: {
      trigger: "item",
      confine: true,
      formatter: (params: unknown) => {
        const d = (params as { data?: { tip?: unknown } }).data;
        return typeof d?.tip === "string" ? d.tip : "";
      },
    },
    xAxis: {
      type: "category",
      data: order.map((s) => s.label),
      axisTick: { show: false },
      axisLine: { show: false },
      axisLabel: {
        interval: 0,
        rotate: 90,
        fontSize: 10,
        formatter: (v: string) => (differingCodes.has(v) ? `{d|${v}}` : `{n|${v}}`),
        rich: { n: { fontSize: 10 }, d: { color: "#c0392b", fontWeight: "bold", fontSize: 10 } },
      },
    },
    yAxis: {
      type: "category",
      data: rowsY,
      inverse: true,
      axisTick: { show: false },
      axisLine: { show: false },
      axisLabel: { fontSize: 11 },
    },
    series: series as NonNullable<EChartsOption["series"]>,
  };
}
