/**
 * 图3 analogue: the growth cycle (增长周期) of a series — year-on-year growth as bars, the years of
 * technical weakness (技术性疲软: growth fell two years running, W_t = 1 iff g_t < g_{t−1} < g_{t−2};
 * seed 000 §二(一)2, spec §3) in red with their episodes shaded as bands, and the seed's printed
 * phases (2012–15, 2016–18, 2019–20, 2021–22, 2023–) as labelled bands along the top.
 */
import type { EChartsOption } from "echarts";
import type { CycleResult, Locale } from "./api-types.js";
import type { ChartLabels } from "./labels.js";
import { escapeHtml, formatCoefficient, formatMoney } from "./number-format.js";
import { labelSeparator, provenanceEntries, provenanceTooltipHtml } from "./provenance.js";

/** A phase of the cycle as printed in a source: `to` null = "to date" (至今). */
export interface CyclePhase {
  readonly from: number;
  readonly to: number | null;
  /** id of the printed value in data/published (published-values.json) */
  readonly id: string;
}

/**
 * The phases seed 000 prints for the integration cycle (《实数融合发展观察（2025年）》§二(一)2 图3):
 * data/published/published-values.json `s000-cycle-phase-2012` … `s000-cycle-phase-2023` (row 9). The
 * dashboard reaches the system only through the API, which does not serve single published values, so
 * the five periods are repeated here with their ids; `growthCycle.test.ts` checks them against the file.
 */
export const SEED_CYCLE_PHASES: readonly CyclePhase[] = [
  { from: 2012, to: 2015, id: "s000-cycle-phase-2012" },
  { from: 2016, to: 2018, id: "s000-cycle-phase-2016" },
  { from: 2019, to: 2020, id: "s000-cycle-phase-2019" },
  { from: 2021, to: 2022, id: "s000-cycle-phase-2021" },
  { from: 2023, to: null, id: "s000-cycle-phase-2023" },
];

/** Colours: growth bars, weak-year bars, weakness bands, phase bands (alternating). */
export const CYCLE_COLORS = {
  growth: "#1f5fa8",
  weak: "#c0392b",
  band: "rgba(192,57,43,0.12)",
  phases: ["rgba(31,95,168,0.06)", "rgba(31,95,168,0.0)"],
} as const;

export interface GrowthCycleOptions {
  /** printed phases drawn as labelled bands @default SEED_CYCLE_PHASES */
  readonly phases?: readonly CyclePhase[];
}

/** "2012—2015" / "2023—" in Chinese, "2012–15" / "2023–" in English. */
export function phaseText(p: CyclePhase, locale: Locale): string {
  if (locale === "en") return p.to === null ? `${p.from}–` : `${p.from}–${String(p.to).slice(-2)}`;
  return p.to === null ? `${p.from}—` : `${p.from}—${p.to}`;
}

/** A weakness episode as text: "2015", "2019—2020", "2023—" (still weak at the end of the window). */
export function episodeText(e: CycleResult["episodes"][number], locale: Locale, lastYear: number): string {
  const dash = locale === "en" ? "–" : "—";
  if (e.exitYear === null && e.end >= lastYear) return `${e.start}${dash}`;
  return e.start === e.end ? String(e.start) : `${e.start}${dash}${e.end}`;
}

/**
 * A y axis for growth rates: 0 included, a step of 1, 2, 4 or 5 points for four to eight ticks, and
 * room above the highest bar for its label and the phase labels.
 */
export function growthAxis(values: readonly number[]): { min: number; max: number; interval: number } {
  const hi = Math.max(0, ...values);
  const lo = Math.min(0, ...values);
  const range = Math.max(hi - lo, 1);
  const interval = [1, 2, 4, 5, 10, 20].find((s) => range / s <= 6) ?? 50;
  return {
    min: Math.floor(lo / interval) * interval,
    max: Math.ceil((hi + 0.12 * range) / interval) * interval,
    interval,
  };
}

/**
 * Builds the growth-cycle chart option.
 * @param data `GET /api/index/cycle` JSON (levels or growth of one series)
 * @param labels chart labels of the locale
 * @param locale number formatting locale
 * @returns an ECharts option: category x axis of the years with a growth rate; a bar series of growth
 *   (weak years red) whose markArea shades the weakness episodes; a helper line series without data
 *   whose markArea draws the printed phases, clipped to the years shown
 */
export function growthCycleChart(
  data: CycleResult,
  labels: ChartLabels,
  locale: Locale,
  options: GrowthCycleOptions = {},
): EChartsOption {
  const L = labels.cycle;
  const sep = labelSeparator(locale);
  const points = data.years.filter((y) => y.growth !== null).sort((a, b) => a.year - b.year);
  const categories = points.map((p) => String(p.year));
  const first = points[0]?.year ?? 0;
  const last = points[points.length - 1]?.year ?? 0;
  const unit = data.provenance.datasets[0]?.unit ?? "";
  // the dataset's coverage as a range (not 72 years one by one); caveats are in the page's caption
  const P = labels.provenance;
  const covered = data.provenance.datasets.flatMap((d) => d.years);
  const entries = provenanceEntries(data.provenance, P)
    .filter((e) => e.label !== P.caveats)
    .map((e) =>
      e.label === P.tableYear && covered.length > 1
        ? { ...e, value: `${Math.min(...covered)}–${Math.max(...covered)}` }
        : e,
    );
  const prov = provenanceTooltipHtml(entries, P.heading, sep);

  const tip = (p: CycleResult["years"][number]): string => {
    const lines = [
      `<b>${escapeHtml(`${p.year} · ${L.growth}`)}</b>${sep}${escapeHtml(`${formatCoefficient(p.growth, locale, 2)}%`)}`,
    ];
    if (data.input === "levels" && p.value !== null)
      lines.push(
        `${escapeHtml(L.level)}${sep}${escapeHtml(unit === "" ? formatCoefficient(p.value, locale, 1) : formatMoney(p.value, unit, locale))}`,
      );
    lines.push(`${escapeHtml(L.weakFlag)}${sep}${escapeHtml(p.weak === 1 ? L.yes : p.weak === 0 ? L.no : "—")}`);
    return lines.join("<br/>") + prov;
  };

  const clip = (y: number): number => Math.min(Math.max(y, first), last);
  const bands = data.episodes
    .filter((e) => e.end >= first && e.start <= last)
    .map((e) => [
      {
        name: episodeText(e, locale, last),
        xAxis: String(clip(e.start)),
        itemStyle: { color: CYCLE_COLORS.band },
      },
      { xAxis: String(clip(e.end)) },
    ]);
  const phases = (options.phases ?? SEED_CYCLE_PHASES)
    .filter((p) => (p.to ?? last) >= first && p.from <= last)
    .map((p, i) => [
      {
        name: phaseText(p, locale),
        xAxis: String(clip(p.from)),
        itemStyle: {
          color: CYCLE_COLORS.phases[i % 2],
          borderColor: "#9fb4cc",
          borderWidth: 0.5,
          borderType: "dashed",
        },
      },
      { xAxis: String(clip(p.to ?? last)) },
    ]);

  const growthValues = points.map((p) => p.growth as number);
  const { min, max, interval } = growthAxis(growthValues);

  return {
    animation: false,
    title: {
      text: L.title,
      subtext: `${L.subtitle}\n${L.series}${sep}${data.column}${locale === "en" ? ` (${data.dataset})` : `（${data.dataset}）`}`,
      left: "center",
      textStyle: { fontSize: 16 },
      subtextStyle: { fontSize: 11 },
    },
    legend: { bottom: 0, data: [L.growth, L.weak, L.phases] },
    grid: { left: 56, right: 24, top: 96, bottom: 56 },
    tooltip: {
      trigger: "item",
      confine: true,
      formatter: (params: unknown) => {
        const d = (params as { data?: { tip?: unknown } }).data;
        return typeof d?.tip === "string" ? d.tip : "";
      },
    },
    xAxis: { type: "category", data: categories, name: L.year, nameLocation: "end" },
    yAxis: {
      type: "value",
      name: L.axis,
      min,
      max,
      interval,
      axisLabel: { formatter: "{value}%" },
      splitLine: { lineStyle: { color: "#eee" } },
    },
    series: [
      {
        type: "bar",
        name: L.growth,
        color: CYCLE_COLORS.growth,
        barMaxWidth: 36,
        barGap: "-100%",
        z: 3,
        label: {
          show: true,
          position: "top",
          fontSize: 11,
          color: "#333",
          formatter: (params: unknown) => {
            const v = (params as { data?: { value?: [string, number] } }).data?.value?.[1];
            return typeof v === "number" ? formatCoefficient(v, locale, 1) : "";
          },
        },
        data: points.map((p) => ({
          value: [String(p.year), p.growth as number],
          weak: p.weak,
          itemStyle: { color: p.weak === 1 ? CYCLE_COLORS.weak : CYCLE_COLORS.growth },
          tip: tip(p),
        })),
        markArea: {
          silent: true,
          label: { show: false },
          data: bands as never,
        },
      },
      {
        // legend entry of the weak years (red bars) and the bands
        type: "bar",
        name: L.weak,
        color: CYCLE_COLORS.weak,
        barGap: "-100%",
        data: [],
      },
      {
        // a bar series, so that its bands cover whole years as the weakness bands do
        type: "bar",
        name: L.phases,
        color: "rgba(31,95,168,0.12)",
        barGap: "-100%",
        data: [],
        markArea: {
          silent: true,
          label: { show: true, position: "insideTop", color: "#4a5d75", fontSize: 11, distance: 4 },
          data: phases as never,
        },
      },
    ] as NonNullable<EChartsOption["series"]>,
  };
}
