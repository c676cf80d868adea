/**
 * Every report section, in report order (报告章节清单). A method family adds its sections by adding
 * its module's list here; `renderReport` renders whichever sections have data.
 */
import { COMPOSITE_SECTIONS } from "./composite.js";
import { ECONOMETRICS_SECTIONS } from "./econometrics.js";
import { FUSION_SECTIONS } from "./fusion.js";
import { IO_SECTIONS } from "./io.js";
import { REGIONAL_SECTIONS } from "./regional.js";
import type { AnySection } from "./section.js";
import { TIERS_SECTIONS } from "./tiers.js";

export { datasetTitle, type FigureSpec, figureHtml, provenanceList } from "./figure.js";
export { featuredTableId, IO_SECTIONS } from "./io.js";
export {
  type AnySection,
  apiSectionSources,
  defineSection,
  type GetJson,
  loadSections,
  type ReportDatasets,
  type ReportSection,
  type RunMethod,
  type SectionRenderContext,
  type SectionSources,
} from "./section.js";

/** All sections, grouped by family. */
export const REPORT_SECTIONS: readonly AnySection[] = [
  ...IO_SECTIONS,
  ...FUSION_SECTIONS,
  ...COMPOSITE_SECTIONS,
  ...REGIONAL_SECTIONS,
  ...ECONOMETRICS_SECTIONS,
  ...TIERS_SECTIONS,
];
