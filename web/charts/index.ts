/** Chart option builders shared by the dashboard (browser) and the report (server-side SVG). */
export type * from "./api-types.js";
export { coefficientHeatmap, heatmapCellTooltip, quantile } from "./coefficient-heatmap.js";
export { FUSION_COLORS, fusionIndexChart, isProjected, publishedLevels } from "./fusion-index.js";
export {
  CYCLE_COLORS,
  type CyclePhase,
  episodeText,
  type GrowthCycleOptions,
  growthCycleChart,
  phaseText,
  SEED_CYCLE_PHASES,
} from "./growth-cycle.js";
export { type KeySectorQuadrantOptions, keySectorQuadrant, QUADRANT_COLORS } from "./key-sector-quadrant.js";
export { type ChartLabels, chartLabels, methodLabel, type ProvenanceLabels } from "./labels.js";
export { linkageSeriesChart, SERIES_COLORS } from "./linkage-series.js";
export { escapeHtml, formatCoefficient, formatGap, formatMoney } from "./number-format.js";
export { labelSeparator, type ProvenanceEntry, provenanceEntries, provenanceTooltipHtml } from "./provenance.js";
export {
  CHINA_TILE_LAYOUT,
  type ProvinceTile,
  type ProvinceTileMap,
  provinceTileMap,
  provinceTileSvg,
  scoreColor,
  TIER_COLORS,
  TILE,
  type TileCell,
  type TileColorBy,
} from "./province-tiles.js";
export { intervalText, RANK_COLORS, rankIntervalChart, rankText, sobolChart } from "./rank-uncertainty.js";
