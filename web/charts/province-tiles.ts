/**
 * The province tile-grid map (省级方格地图): the 31 provincial-level regions of the mainland as equal
 * squares placed roughly where they lie (north at the top, east on the right) — a cartogram that needs
 * no boundary data and gives every province the same weight on screen. The builder is pure: it returns
 * the tiles (position, colour, text, accessible label); the dashboard draws them as SVG elements and
 * the report as an SVG string, so both carry the same words.
 */
import type { Locale, RegionRankResult, RegionRow } from "./api-types.js";
import type { ChartLabels } from "./labels.js";
import { formatCoefficient } from "./number-format.js";
import { labelSeparator } from "./provenance.js";

/** A cell of the layout: GB/T 2260 code, grid row and column (0-based), short names. */
export interface TileCell {
  readonly code: string;
  readonly row: number;
  readonly col: number;
  readonly zh: string;
  readonly en: string;
}

/**
 * The tile layout, 8 columns × 8 rows, from the capitals' latitude and longitude: 北京 above 河北 with
 * 天津 to its east, the north-east (辽宁, 吉林, 黑龙江) in the top-right corner, the coast (山东 → 江苏,
 * 上海 → 浙江 → 福建) down the right edge, 新疆, 青海 and 西藏 on the left, 海南 below 广东.
 */
export const CHINA_TILE_LAYOUT: readonly TileCell[] = [
  { code: "230000", row: 0, col: 7, zh: "黑龙江", en: "Heilongjiang" },
  { code: "650000", row: 1, col: 0, zh: "新疆", en: "Xinjiang" },
  { code: "150000", row: 1, col: 4, zh: "内蒙古", en: "Inner Mongolia" },
  { code: "110000", row: 1, col: 5, zh: "北京", en: "Beijing" },
  { code: "210000", row: 1, col: 6, zh: "辽宁", en: "Liaoning" },
  { code: "220000", row: 1, col: 7, zh: "吉林", en: "Jilin" },
  { code: "630000", row: 2, col: 1, zh: "青海", en: "Qinghai" },
  { code: "620000", row: 2, col: 2, zh: "甘肃", en: "Gansu" },
  { code: "640000", row: 2, col: 3, zh: "宁夏", en: "Ningxia" },
  { code: "140000", row: 2, col: 4, zh: "山西", en: "Shanxi" },
  { code: "130000", row: 2, col: 5, zh: "河北", en: "Hebei" },
  { code: "120000", row: 2, col: 6, zh: "天津", en: "Tianjin" },
  { code: "540000", row: 3, col: 0, zh: "西藏", en: "Tibet" },
  { code: "510000", row: 3, col: 2, zh: "四川", en: "Sichuan" },
  { code: "610000", row: 3, col: 3, zh: "陕西", en: "Shaanxi" },
  { code: "410000", row: 3, col: 4, zh: "河南", en: "Henan" },
  { code: "370000", row: 3, col: 5, zh: "山东", en: "Shandong" },
  { code: "500000", row: 4, col: 2, zh: "重庆", en: "Chongqing" },
  { code: "420000", row: 4, col: 3, zh: "湖北", en: "Hubei" },
  { code: "340000", row: 4, col: 4, zh: "安徽", en: "Anhui" },
  { code: "320000", row: 4, col: 5, zh: "江苏", en: "Jiangsu" },
  { code: "310000", row: 4, col: 6, zh: "上海", en: "Shanghai" },
  { code: "520000", row: 5, col: 2, zh: "贵州", en: "Guizhou" },
  { code: "430000", row: 5, col: 3, zh: "湖南", en: "Hunan" },
  { code: "360000", row: 5, col: 4, zh: "江西", en: "Jiangxi" },
  { code: "330000", row: 5, col: 5, zh: "浙江", en: "Zhejiang" },
  { code: "530000", row: 6, col: 2, zh: "云南", en: "Yunnan" },
  { code: "450000", row: 6, col: 3, zh: "广西", en: "Guangxi" },
  { code: "440000", row: 6, col: 4, zh: "广东", en: "Guangdong" },
  { code: "350000", row: 6, col: 5, zh: "福建", en: "Fujian" },
  { code: "460000", row: 7, col: 4, zh: "海南", en: "Hainan" },
];

/** Tier colours, tier 1 (leading) darkest; more tiers than colours reuse the lightest. */
export const TIER_COLORS = ["#0b3d78", "#2f6db5", "#7fa9d9", "#c9dcf0", "#e6eef8"] as const;

/** Light and dark ends of the score scale. */
const SCORE_LOW = [236, 242, 249] as const;
const SCORE_HIGH = [11, 61, 120] as const;

export type TileColorBy = "score" | "tier";

export interface ProvinceTile {
  readonly code: string;
  readonly row: number;
  readonly col: number;
  /** short name shown on the tile */
  readonly label: string;
  /** font size of the name in SVG units (smaller for long English names) */
  readonly labelSize: number;
  /** the value shown under the name (score, or "—") */
  readonly valueText: string;
  readonly fill: string;
  readonly textColor: string;
  /** full text for `aria-label` and `<title>`: name, score, rank, tier */
  readonly title: string;
  /** null: the province is missing from the result */
  readonly rank: number | null;
  readonly tier: number | null;
}

export interface ProvinceTileMap {
  readonly columns: number;
  readonly rows: number;
  readonly title: string;
  readonly tiles: readonly ProvinceTile[];
  /** legend entries: a colour and its text (tiers, or the score range) */
  readonly legend: readonly { readonly color: string; readonly text: string }[];
}

/** 12 for short names, smaller for "Guangdong", "Heilongjiang" (10.5) and "Inner Mongolia" (9). */
const labelSize = (label: string): number => (label.length > 12 ? 9 : label.length > 8 ? 10.5 : 12);

const hex = (n: number): string => Math.round(n).toString(16).padStart(2, "0");

/** The score colour: linear between the light and the dark end over [min, max]. */
export function scoreColor(score: number, min: number, max: number): string {
  const t = max > min ? Math.min(1, Math.max(0, (score - min) / (max - min))) : 0.5;
  return `#${[0, 1, 2].map((i) => hex((SCORE_LOW[i] as number) + t * ((SCORE_HIGH[i] as number) - (SCORE_LOW[i] as number)))).join("")}`;
}

/** Dark text on light fills, white on dark ones (relative luminance). */
function textOn(fill: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(fill.slice(i, i + 2), 16) / 255) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.55 ? "#1d2733" : "#ffffff";
}

/**
 * Builds the tiles of the map.
 * @param data `GET /api/region/rank` JSON
 * @param labels chart labels of the locale
 * @param locale number formatting locale
 * @param colorBy fill by composite score (light → dark) or by Ward tier @default "tier"
 * @returns the grid size, one tile per layout cell (missing provinces grey, "no data") and the legend
 */
export function provinceTileMap(
  data: RegionRankResult,
  labels: ChartLabels,
  locale: Locale,
  colorBy: TileColorBy = "tier",
): ProvinceTileMap {
  const L = labels.region;
  const sep = labelSeparator(locale);
  const list = locale === "en" ? ", " : "，";
  const byCode = new Map<string, RegionRow>(data.regions.map((r) => [r.code, r]));
  const scores = data.regions.map((r) => r.score);
  const min = Math.min(...scores);
  const max = Math.max(...scores);
  const n = data.regions.length;
  const tierColor = (t: number): string => TIER_COLORS[Math.min(t - 1, TIER_COLORS.length - 1)] as string;

  const tiles = CHINA_TILE_LAYOUT.map((c): ProvinceTile => {
    const r = byCode.get(c.code);
    const label = locale === "en" ? c.en : c.zh;
    if (r === undefined) {
      return {
        code: c.code,
        row: c.row,
        col: c.col,
        label,
        labelSize: labelSize(label),
        valueText: "—",
        fill: "#eeeeee",
        textColor: "#5f6b7a",
        title: `${label}${sep}${L.noData}`,
        rank: null,
        tier: null,
      };
    }
    const fill = colorBy === "tier" ? tierColor(r.tier) : scoreColor(r.score, min, max);
    const name = locale === "en" ? r.nameEn : r.nameZh;
    const title = [
      `${name}${sep}${L.score} ${formatCoefficient(r.score, locale, 1)}`,
      `${L.rank} ${r.rank}/${n}`,
      L.tierName(r.tier),
    ].join(list);
    return {
      code: c.code,
      row: c.row,
      col: c.col,
      label,
      labelSize: labelSize(label),
      valueText: formatCoefficient(r.score, locale, 1),
      fill,
      textColor: textOn(fill),
      title,
      rank: r.rank,
      tier: r.tier,
    };
  });

  const legend =
    colorBy === "tier"
      ? [...data.tiers]
          .sort((a, b) => a.tier - b.tier)
          .map((t) => ({
            color: tierColor(t.tier),
            text: locale === "en" ? `${L.tierName(t.tier)} (${t.count})` : `${L.tierName(t.tier)}（${t.count}）`,
          }))
      : [
          { color: scoreColor(min, min, max), text: `${L.score} ${formatCoefficient(min, locale, 1)}` },
          { color: scoreColor(max, min, max), text: `${formatCoefficient(max, locale, 1)}` },
        ];

  return {
    columns: Math.max(...CHINA_TILE_LAYOUT.map((c) => c.col)) + 1,
    rows: Math.max(...CHINA_TILE_LAYOUT.map((c) => c.row)) + 1,
    title: locale === "en" ? `${L.mapTitle}, ${data.year}` : `${L.mapTitle}（${data.year}年）`,
    tiles,
    legend,
  };
}

/** Escapes text for SVG/HTML. */
function esc(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Tile size and gap in SVG units; `title` and `legend` are the bands above and below the grid. */
export const TILE = { size: 64, gap: 4, title: 28, legend: 28 } as const;

/**
 * The map as a standalone SVG string (the report's figure): its title on top, one `<g role="img">` per
 * tile with its `aria-label` and `<title>` (the square drawn as a path), the legend below.
 */
export function provinceTileSvg(map: ProvinceTileMap, fontFamily = "sans-serif"): string {
  const step = TILE.size + TILE.gap;
  const width = map.columns * step;
  const top = TILE.title;
  const bottom = top + map.rows * step;
  const height = bottom + TILE.legend;
  const s = TILE.size;
  const tiles = map.tiles
    .map((t) => {
      const x = t.col * step;
      const y = top + t.row * step;
      const cx = x + s / 2;
      return (
        `<g role="img" aria-label="${esc(t.title)}" data-code="${t.code}"><title>${esc(t.title)}</title>` +
        `<path d="M${x + 4} ${y}h${s - 8}a4 4 0 0 1 4 4v${s - 8}a4 4 0 0 1 -4 4h${-(s - 8)}a4 4 0 0 1 -4 -4v${-(s - 8)}a4 4 0 0 1 4 -4z" fill="${t.fill}"/>` +
        `<text x="${cx}" y="${y + 27}" text-anchor="middle" font-size="${t.labelSize}" fill="${t.textColor}">${esc(t.label)}</text>` +
        `<text x="${cx}" y="${y + 46}" text-anchor="middle" font-size="13" font-weight="600" fill="${t.textColor}">${esc(t.valueText)}</text></g>`
      );
    })
    .join("");
  let lx = 0;
  const legend = map.legend
    .map((l) => {
      const item =
        `<path d="M${lx} ${bottom + 8}h14v14h-14z" fill="${l.color}"/>` +
        `<text x="${lx + 18}" y="${bottom + 20}" font-size="12" fill="#1d2733">${esc(l.text)}</text>`;
      lx += 30 + l.text.length * 9;
      return item;
    })
    .join("");
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" ` +
    `font-family="${esc(fontFamily)}" role="group" aria-label="${esc(map.title)}">` +
    `<text x="${width / 2}" y="18" text-anchor="middle" font-size="15" font-weight="600" fill="#1d2733">${esc(map.title)}</text>` +
    `${tiles}${legend}</svg>`
  );
}
