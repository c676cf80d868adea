/**
 * Key-sector quadrant (关键部门识别): influence F_j (x) against sensitivity E_i (y) per sector, spec §5.4.
 * Lines at 1 / 1 split the plane into 关键部门 key sectors (F > 1, E > 1), 后向联系强 backward-oriented
 * (F > 1, E < 1), 前向联系强 forward-oriented (F < 1, E > 1) and 弱联系 weak linkage. Digital sectors
 * (the block's codes) are highlighted and the block's own coefficients are drawn as one marker.
 */
import type { EChartsOption } from "echarts";
import type { LinkageResult, LinkageSector, Locale } from "./api-types.js";
import { type ChartLabels, methodLabel } from "./labels.js";
import { escapeHtml, formatCoefficient } from "./number-format.js";
import { labelSeparator, provenanceEntries, provenanceTooltipHtml } from "./provenance.js";

export interface KeySectorQuadrantOptions {
  /** codes to highlight @default the block's codes, else ["S20", "S32"] */
  readonly highlight?: readonly string[];
}

export const QUADRANT_COLORS = { digital: "#c0392b", others: "#5b7db1", block: "#8e44ad" } as const;

/** A "nice" tick step (1, 2, 2.5 or 5 × 10^k) giving about `ticks` intervals over `range`. */
function niceStep(range: number, ticks: number): number {
  const raw = range / ticks;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const f = raw / mag;
  const nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
  return nice * mag;
}

/** Axis bounds on multiples of a nice step that include the data and 1.0 with a small margin. */
function bounds(values: readonly number[]): { min: number; max: number; interval: number } {
  const lo = Math.min(...values, 1);
  const hi = Math.max(...values, 1);
  const pad = (hi - lo) * 0.05;
  const interval = niceStep(hi - lo + 2 * pad, 6);
  const round = (v: number): number => Math.round(v * 1e9) / 1e9;
  return {
    min: round(Math.floor((lo - pad) / interval) * interval),
    max: round(Math.ceil((hi + pad) / interval) * interval),
    interval,
  };
}

/**
 * Builds the key-sector quadrant option.
 * @param data `GET /api/io/linkages` JSON
 * @returns an ECharts option with scatter series "others", "digital", optional "block", and a silent
 *   label series for the four quadrant names; markLines at influence = 1 and sensitivity = 1
 */
export function keySectorQuadrant(
  data: LinkageResult,
  labels: ChartLabels,
  locale: Locale,
  options: KeySectorQuadrantOptions = {},
): EChartsOption {
  const Q = labels.quadrant;
  const sep = labelSeparator(locale);
  const highlight = options.highlight ?? data.block?.codes ?? ["S20", "S32"];
  const prov = provenanceTooltipHtml(
    provenanceEntries(data.provenance, labels.provenance),
    labels.provenance.heading,
    sep,
  );
  const nameOf = (s: LinkageSector): string => (locale === "en" ? s.name_en : s.name_zh);
  const shortName = (s: LinkageSector): string => {
    const name = nameOf(s);
    const max = locale === "en" ? 24 : 12;
    return name.length > max ? `${name.slice(0, max - 1)}…` : name;
  };
  const item = (s: LinkageSector, showLabel: boolean): Record<string, unknown> => ({
    value: [s.influence, s.sensitivity],
    name: s.code,
    ...(showLabel ? { label: { show: true, formatter: `${s.code} ${shortName(s)}` } } : {}),
    tip:
      `<b>${escapeHtml(`${s.code} ${nameOf(s)}`)}</b><br/>` +
      `${escapeHtml(labels.series.influence)}${sep}${escapeHtml(formatCoefficient(s.influence, locale))}<br/>` +
      `${escapeHtml(labels.series.sensitivity)}${sep}${escapeHtml(formatCoefficient(s.sensitivity, locale))}${prov}`,
  });

  // zero-output sectors have null coefficients: not plotted
  const plotted = data.sectors.filter(
    (s): s is LinkageSector & { influence: number; sensitivity: number } =>
      s.influence !== null && s.sensitivity !== null,
  );
  const digital = plotted.filter((s) => highlight.some((h) => s.code === h || s.code.split("+").includes(h)));
  const others = plotted.filter((s) => !digital.includes(s));
  const xs = plotted.map((s) => s.influence).concat(data.block ? [data.block.influence] : []);
  const ys = plotted.map((s) => s.sensitivity).concat(data.block ? [data.block.sensitivity] : []);
  const xb = bounds(xs);
  const yb = bounds(ys);
  const dx = (xb.max - xb.min) * 0.02;
  const dy = (yb.max - yb.min) * 0.03;

  const series: Record<string, unknown>[] = [
    {
      type: "scatter",
      name: Q.others,
      color: QUADRANT_COLORS.others,
      symbolSize: 8,
      itemStyle: { opacity: 0.75 },
      emphasis: { label: { show: true, formatter: "{b}" } },
      data: others.map((s) => item(s, false)),
      markLine: {
        silent: true,
        symbol: "none",
        lineStyle: { color: "#777", type: "dashed", width: 1 },
        label: { show: false },
        data: [{ xAxis: 1 }, { yAxis: 1 }],
      },
    },
    {
      type: "scatter",
      name: Q.digital,
      color: QUADRANT_COLORS.digital,
      symbolSize: 12,
      z: 4,
      label: { show: true, position: "top", color: QUADRANT_COLORS.digital, fontSize: 11 },
      data: digital.map((s) => item(s, true)),
    },
  ];
  if (data.block !== undefined) {
    const b = data.block;
    series.push({
      type: "scatter",
      name: Q.block,
      color: QUADRANT_COLORS.block,
      symbol: "diamond",
      symbolSize: 16,
      z: 5,
      label: {
        show: true,
        position: "right",
        formatter: `${Q.block} (${methodLabel(labels.provenance, b.method)})`,
        color: QUADRANT_COLORS.block,
        fontSize: 11,
      },
      data: [
        {
          value: [b.influence, b.sensitivity],
          name: b.codes.join("+"),
          tip:
            `<b>${escapeHtml(`${Q.block}：${b.codes.join(", ")}`)}</b><br/>` +
            `${escapeHtml(labels.series.influence)}${sep}${escapeHtml(formatCoefficient(b.influence, locale))}<br/>` +
            `${escapeHtml(labels.series.sensitivity)}${sep}${escapeHtml(formatCoefficient(b.sensitivity, locale))}<br/>` +
            `${escapeHtml(labels.provenance.method)}${sep}${escapeHtml(methodLabel(labels.provenance, b.method))}${prov}`,
        },
      ],
    });
  }
  const corner = (x: number, y: number, text: string, position: "left" | "right"): Record<string, unknown> => ({
    value: [x, y],
    label: { show: true, formatter: text, position },
  });
  series.push({
    type: "scatter",
    name: "quadrants",
    silent: true,
    symbolSize: 0,
    tooltip: { show: false },
    label: { color: "#999", fontSize: 13, fontWeight: "bold" },
    data: [
      corner(xb.max - dx, yb.max - dy, Q.key, "left"),
      corner(xb.max - dx, yb.min + dy, Q.backward, "left"),
      corner(xb.min + dx, yb.max - dy, Q.forward, "right"),
      corner(xb.min + dx, yb.min + dy, Q.weak, "right"),
    ],
  });

  return {
    animation: false,
    title: {
      text: Q.title,
      subtext: data.table,
      left: "center",
      textStyle: { fontSize: 16 },
      subtextStyle: { fontSize: 11 },
    },
    legend: { bottom: 0, data: [Q.others, Q.digital, ...(data.block ? [Q.block] : [])] },
    grid: { left: 56, right: 40, top: 64, bottom: 64 },
    tooltip: {
      trigger: "item",
      confine: true,
      formatter: (params: unknown) => {
        const d = (params as { data?: { tip?: unknown } }).data;
        return typeof d?.tip === "string" ? d.tip : "";
      },
    },
    xAxis: {
      type: "value",
      name: Q.influenceAxis,
      nameLocation: "middle",
      nameGap: 28,
      min: xb.min,
      max: xb.max,
      interval: xb.interval,
      splitLine: { show: false },
    },
    yAxis: {
      type: "value",
      name: Q.sensitivityAxis,
      nameLocation: "middle",
      nameGap: 36,
      min: yb.min,
      max: yb.max,
      interval: yb.interval,
      splitLine: { show: false },
    },
    series: series as NonNullable<EChartsOption["series"]>,
  };
}
