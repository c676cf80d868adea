/** Chart option builders shared by the dashboard (browser) and the report (server-side SVG). */
export type * from "./api-types.js";
export { coefficientHeatmap, heatmapCellTooltip, quantile } from "./coefficient-heatmap.js";
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
