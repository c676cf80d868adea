/**
 * Dendrogram of a sector-tiers clustering (产业分层聚类树, `GET /api/tiers/cluster`): the leaves along x
 * in the API's `leaf_order`, each merge drawn as one ⊓-shaped segment set from its two children up to its
 * height, as scipy's `dendrogram` draws it (a merged node sits midway between its children). A branch
 * whose members all fall in one computed tier takes that tier's colour; branches joining different tiers
 * are grey. A dashed line marks the cut that gives the k clusters. Leaves carry the sector code and a
 * short name; hovering a leaf or a branch shows its sectors, tiers and the run's provenance.
 *
 * Merge ids follow scipy: ids < n are the clustered rows in `clusters` order (sectors left out for a
 * missing feature have `cluster: null` and are not rows), n + s is the cluster formed by merge s.
 */
import type { EChartsOption } from "echarts";
import type { Locale } from "./api-types.js";
import type { ChartLabels } from "./labels.js";
import { escapeHtml } from "./number-format.js";
import { labelSeparator, provenanceEntries, provenanceTooltipHtml } from "./provenance.js";
import {
  formatTierNumber,
  sectorName,
  shortName,
  TIER_NEUTRAL,
  TIERS_GRID,
  type TierSector,
  type TiersResult,
  tierColor,
  tierName,
  tierText,
} from "./tier-text.js";

export interface DendrogramText {
  readonly title: (method: string) => string;
  readonly linkages: Readonly<Record<string, string>>;
  readonly height: string;
  readonly merge: (step: number) => string;
  readonly size: string;
  readonly members: string;
  readonly above: string;
  readonly cut: (k: number) => string;
  readonly subtitle: (r: TiersResult, cophenetic: string) => string;
}

const TEXT: Readonly<Record<Locale, DendrogramText>> = {
  "zh-CN": {
    title: (m) => `产业分层聚类树（${m}）`,
    linkages: { ward: "Ward 离差平方和", complete: "全连接", average: "平均连接", single: "单连接" },
    height: "合并高度",
    merge: (s) => `第 ${s} 次合并`,
    size: "部门数",
    members: "成员",
    above: "跨层合并",
    cut: (k) => `切分为 ${k} 类`,
    subtitle: (r, c) =>
      `${r.dataset}${r.year === null ? "" : `（${r.year} 年）`} · 欧氏距离 · 共表相关系数 ${c} · 颜色为计算的层级，灰色为跨层合并`,
  },
  en: {
    title: (m) => `Dendrogram of the sector tiers (${m})`,
    linkages: { ward: "Ward", complete: "complete linkage", average: "average linkage", single: "single linkage" },
    height: "merge height",
    merge: (s) => `merge ${s}`,
    size: "sectors",
    members: "members",
    above: "joins tiers",
    cut: (k) => `cut into ${k} clusters`,
    subtitle: (r, c) =>
      `${r.dataset}${r.year === null ? "" : ` (${r.year})`} · Euclidean distance · cophenetic correlation ${c} · colour: computed tier, grey: joins tiers`,
  },
};

/** The words of a locale. */
export function dendrogramText(locale: Locale): DendrogramText {
  return TEXT[locale];
}

/** One merge as drawn: the children's x and heights, the merge height, the members and their common tier. */
export interface DendrogramSegment {
  readonly step: number;
  readonly xLeft: number;
  readonly hLeft: number;
  readonly xRight: number;
  readonly hRight: number;
  readonly height: number;
  readonly size: number;
  /** row indices (into the clustered rows) under this merge */
  readonly members: readonly number[];
  /** the computed tier all members share, or null when the merge joins tiers */
  readonly tier: number | null;
}

export interface DendrogramLayout {
  /** the clustered rows, in `clusters` order (the ids < n of `merges`) */
  readonly rows: readonly TierSector[];
  /** x position (0 … n−1) of each row, from `leaf_order` */
  readonly x: readonly number[];
  readonly segments: readonly DendrogramSegment[];
  /** a height between the (n−k)-th and the next merge: cutting there leaves k clusters; null when k ≥ n or k < 2 */
  readonly cut: number | null;
}

/**
 * The dendrogram's geometry from the wire: leaves at x = their position in `leaf_order`; merge s of
 * children a and b at x = (x_a + x_b)/2 and y = its height (scipy `dendrogram`).
 * @throws Error when `merges` and `leaf_order` do not describe the clustered rows (n − 1 merges)
 */
export function dendrogramLayout(data: TiersResult): DendrogramLayout {
  const rows = data.clusters.filter((c) => c.cluster !== null);
  const n = rows.length;
  if (data.merges.length !== n - 1 || data.leaf_order.length !== n)
    throw new Error(
      `dendrogramLayout: expected ${n - 1} merges and ${n} leaves, received ${data.merges.length} and ${data.leaf_order.length}`,
    );
  const position = new Map(data.leaf_order.map((label, i) => [label, i]));
  const x = rows.map((r) => {
    const p = position.get(r.label);
    if (p === undefined) throw new Error(`dendrogramLayout: ${r.label} not in leaf_order`);
    return p;
  });
  const nodeX: number[] = [...x];
  const nodeH: number[] = rows.map(() => 0);
  const nodeMembers: number[][] = rows.map((_, i) => [i]);
  const nodeTier: (number | null)[] = rows.map((r) => r.tier);
  const segments: DendrogramSegment[] = data.merges.map((m) => {
    const [a, b] = [m.left, m.right];
    const xa = nodeX[a];
    const xb = nodeX[b];
    if (xa === undefined || xb === undefined) throw new Error(`dendrogramLayout: merge ${m.step} refers to ${a}, ${b}`);
    const members = [...(nodeMembers[a] ?? []), ...(nodeMembers[b] ?? [])];
    const ta = nodeTier[a] ?? null;
    const tier = ta !== null && ta === (nodeTier[b] ?? null) ? ta : null;
    nodeX.push((xa + xb) / 2);
    nodeH.push(m.height);
    nodeMembers.push(members);
    nodeTier.push(tier);
    return {
      step: m.step,
      xLeft: xa,
      hLeft: nodeH[a] ?? 0,
      xRight: xb,
      hRight: nodeH[b] ?? 0,
      height: m.height,
      size: m.size,
      members,
      tier,
    };
  });
  const k = data.k;
  const lower = data.merges[n - k - 1]?.height;
  const upper = data.merges[n - k]?.height;
  const cut = k >= 2 && k < n && lower !== undefined && upper !== undefined ? (lower + upper) / 2 : null;
  return { rows, x, segments, cut };
}

/** Share-type features as percentages (3 significant digits); other features as plain numbers. */
export function formatFeature(v: number | null | undefined, locale: Locale, share: boolean): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "—";
  if (!share) return formatTierNumber(v, locale, 4);
  const p = v * 100;
  return `${p === 0 ? "0" : Math.abs(p) >= 100 ? p.toFixed(1) : p.toPrecision(3)}%`;
}

/** Whether the features are the API's sector shares (a stored table) rather than an analyst's columns. */
export function sharesOf(data: TiersResult): boolean {
  return data.year !== null || data.scheme !== null;
}

/** The tooltip lines of one sector: code and name, computed and printed tier, feature values. */
export function sectorTipLines(s: TierSector, data: TiersResult, locale: Locale): string[] {
  const T = tierText(locale);
  const sep = labelSeparator(locale);
  const name = sectorName(s, locale);
  const share = sharesOf(data);
  const lines = [`<b>${escapeHtml(s.label)}${name === null ? "" : ` ${escapeHtml(name)}`}</b>`];
  lines.push(
    `${escapeHtml(T.computed)}${sep}${escapeHtml(s.tier === null ? T.excluded : tierName(s.tier_code, s.tier, locale))}`,
  );
  if (s.published_tier !== null)
    lines.push(
      `${escapeHtml(T.printed)}${sep}${escapeHtml(tierName(s.published_tier, null, locale))}${s.published_inferred ? ` (${escapeHtml(T.inferred)})` : ""}`,
    );
  data.features.forEach((f, j) => {
    const v = s.values[j];
    if (v !== undefined)
      lines.push(
        `${escapeHtml(tierText(locale).features[f] ?? f)}${sep}${escapeHtml(formatFeature(v, locale, share))}`,
      );
  });
  return lines;
}

/** The run's provenance for a tooltip (caveats left to the provenance panel). */
export function tiersProvenanceHtml(data: TiersResult, labels: ChartLabels, locale: Locale): string {
  const P = labels.provenance;
  return provenanceTooltipHtml(
    provenanceEntries(data.provenance, P).filter((e) => e.label !== P.caveats),
    P.heading,
    labelSeparator(locale),
  );
}

/** The leaf label: code and a short name (6 characters in Chinese, 22 in English). */
export function leafLabel(s: TierSector, locale: Locale): string {
  const name = sectorName(s, locale);
  return name === null ? s.label : `${s.label} ${shortName(name, locale === "en" ? 22 : 6)}`;
}

interface SegmentDatum {
  value: [number, number, number, number, number];
  step: number;
  tip: string;
}

/**
 * Builds the dendrogram option.
 * @param data `GET /api/tiers/cluster` JSON (merges non-empty)
 * @param labels chart labels of the locale (provenance words)
 * @param locale words and number format
 * @returns an ECharts option: a value x axis with one leaf per integer position (labels = code + short
 *   name; drawn on a hidden value axis with leaf i at x = i), merge height on y; one custom series per computed tier plus one for branches joining tiers —
 *   together one data item (a ⊓ segment set) per merge, `value = [xLeft, hLeft, xRight, hRight, height]`;
 *   a scatter of the leaves (tooltip: sector, tiers, features, provenance) and the cut line at k
 */
export function dendrogramChart(data: TiersResult, labels: ChartLabels, locale: Locale): EChartsOption {
  const T = TEXT[locale];
  const sep = labelSeparator(locale);
  const layout = dendrogramLayout(data);
  const { rows, segments } = layout;
  const n = rows.length;
  const prov = tiersProvenanceHtml(data, labels, locale);
  const k = data.k;
  const byX: TierSector[] = [];
  rows.forEach((r, i) => {
    byX[layout.x[i] as number] = r;
  });
  const tiers = [...new Set(rows.map((r) => r.tier).filter((t): t is number => t !== null))].sort((a, b) => a - b);
  const codeOfTier = new Map(rows.map((r) => [r.tier, r.tier_code]));
  const tierLabel = (t: number) => tierName(codeOfTier.get(t) ?? null, t, locale);
  const segTip = (s: DendrogramSegment) => {
    const codes = s.members.map((i) => rows[i]?.label ?? "").sort();
    const shown = codes.length > 16 ? `${codes.slice(0, 16).join(", ")} … (+${codes.length - 16})` : codes.join(", ");
    return (
      [
        `<b>${escapeHtml(T.merge(s.step))}</b>`,
        `${escapeHtml(T.height)}${sep}${escapeHtml(formatTierNumber(s.height, locale, 4))}`,
        `${escapeHtml(T.size)}${sep}${s.size}`,
        `${escapeHtml(tierText(locale).tierWord)}${sep}${escapeHtml(s.tier === null ? T.above : tierLabel(s.tier))}`,
        `${escapeHtml(T.members)}${sep}${escapeHtml(shown)}`,
      ].join("<br/>") + prov
    );
  };
  const datum = (s: DendrogramSegment): SegmentDatum => ({
    value: [s.xLeft, s.hLeft, s.xRight, s.hRight, s.height],
    step: s.step,
    tip: segTip(s),
  });
  const renderItem = (_params: unknown, api: unknown) => {
    const a = api as {
      value: (i: number) => number;
      coord: (p: [number, number]) => [number, number];
      visual: (k: string) => string;
    };
    const [xl, hl, xr, hr, h] = [0, 1, 2, 3, 4].map((i) => a.value(i)) as [number, number, number, number, number];
    return {
      type: "polyline",
      shape: { points: [a.coord([xl, hl]), a.coord([xl, h]), a.coord([xr, h]), a.coord([xr, hr])] },
      style: { stroke: a.visual("color"), lineWidth: 1.6, fill: "none" },
    };
  };
  const segmentSeries = (name: string, color: string, list: DendrogramSegment[], extra: object = {}) => ({
    type: "custom",
    name,
    color,
    renderItem,
    encode: { x: [0, 2], y: [1, 3, 4] },
    data: list.map(datum),
    z: 2,
    ...extra,
  });
  const above = segments.filter((s) => s.tier === null);
  const series: unknown[] = tiers.map((t) =>
    segmentSeries(
      tierLabel(t),
      tierColor(t, k),
      segments.filter((s) => s.tier === t),
    ),
  );
  series.push(
    segmentSeries(T.above, TIER_NEUTRAL.above, above, {
      ...(layout.cut !== null && {
        markLine: {
          silent: true,
          symbol: "none",
          lineStyle: { type: "dashed", color: "#555" },
          label: { formatter: T.cut(k), position: "insideEndTop", fontSize: 10 },
          data: [{ yAxis: layout.cut }],
        },
      }),
    }),
  );
  series.push({
    type: "scatter",
    name: tierText(locale).name,
    symbolSize: 6,
    z: 3,
    data: byX.map((s, x) => ({
      value: [x, 0],
      itemStyle: { color: s.tier === null ? TIER_NEUTRAL.excluded : tierColor(s.tier, k) },
      tip: sectorTipLines(s, data, locale).join("<br/>") + prov,
    })),
  });
  const method = data.method === null ? "" : (T.linkages[data.method] ?? data.method);
  const labelsByX = byX.map((s) => leafLabel(s, locale));
  return {
    animation: false,
    title: {
      text: T.title(method),
      subtext: T.subtitle(data, formatTierNumber(data.cophenetic, locale, 3)),
      left: "center",
      textStyle: { fontSize: 16 },
      subtextStyle: { fontSize: 11 },
    },
    legend: { top: 60, data: [...tiers.map(tierLabel), ...(above.length > 0 ? [T.above] : [])] },
    grid: { left: TIERS_GRID.left, right: TIERS_GRID.right, top: 104, bottom: locale === "en" ? 160 : 96 },
    tooltip: {
      trigger: "item",
      confine: true,
      formatter: (params: unknown) => {
        const d = (params as { data?: { tip?: unknown } }).data;
        return typeof d?.tip === "string" ? d.tip : "";
      },
    },
    // x: a value axis for the drawing (leaf i at i, bands of width 1 from −0.5 to n − 0.5) and, on top
    // of it, a category axis whose n bands carry the leaf labels at the same positions
    xAxis: [
      { type: "value", min: -0.5, max: n - 0.5, show: false },
      {
        type: "category",
        position: "bottom",
        data: labelsByX,
        axisTick: { show: false },
        axisLabel: { rotate: 90, fontSize: 10, interval: 0 },
      },
    ],
    yAxis: {
      type: "value",
      name: T.height,
      min: 0,
      splitLine: { lineStyle: { color: "#eee" } },
      axisLabel: { formatter: (v: number) => formatTierNumber(v, locale, 1) },
    },
    series: series as NonNullable<EChartsOption["series"]>,
  };
}
