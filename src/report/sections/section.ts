/**
 * A report section (报告章节) declaration. The report is a list of sections; each belongs to a
 * method family and states how it loads its data — through the declared methods, so it reads the
 * same JSON the HTTP API returns — and how it renders that data to self-contained HTML. A new
 * family adds its sections by adding one module to the list in `./index.ts`.
 */
import type { z } from "zod";
import type { ReproductionResult } from "../../../web/charts/api-types.js";
import type { DatasetMeta } from "../../app/index.js";
import type { AnyMethod, WireOf } from "../../methods/index.js";
import type { ReportLocale } from "../types.js";

/**
 * Runs a declared method as the API does: options validated (defaults applied) by the
 * declaration's zod schema, then `m.run` and `m.toWire(result, lang)`.
 * @returns the wire JSON, the same as `GET <m.path>?<options>&lang=`
 */
export type RunMethod = <M extends AnyMethod>(method: M, options: z.input<M["options"]>) => Promise<WireOf<M>>;

/** What a section may read while loading (one language at a time). */
export interface SectionSources {
  readonly lang: ReportLocale;
  readonly runMethod: RunMethod;
  /** `GET /api/datasets` → `.datasets` */
  readonly datasets: readonly DatasetMeta[];
  /** `GET /api/reproduction`: computed values beside the published ones */
  reproduction(): Promise<ReproductionResult>;
}

/** What a section may read while rendering. */
export interface SectionRenderContext {
  readonly lang: ReportLocale;
  /** `GET /api/datasets` → `.datasets` (titles of the datasets a section names) */
  readonly datasets: ReportDatasets;
  /** chart width in px */
  readonly chartWidth: number;
  /** the next figure number (图 n / Figure n), counted across all sections */
  nextFigure(): number;
}

/** The dataset list as the report keeps it (the fields sections read). */
export type ReportDatasets = readonly { readonly id: string; readonly titleZh: string; readonly titleEn: string }[];

/**
 * A report section.
 * @typeParam D the section's data: plain JSON, kept in `ReportData.sections[id]`
 */
export interface ReportSection<D = unknown> {
  /** stable id, `<family>.<name>`; the key of its data in `ReportData.sections` */
  readonly id: string;
  /** the method family the section belongs to */
  readonly family: string;
  /** loads the section's data for one language */
  load(sources: SectionSources): Promise<D>;
  /** the section's HTML (figure numbers from `ctx.nextFigure()`) */
  render(data: D, ctx: SectionRenderContext): string;
  /** lines for the report header (identical lines from several sections are shown once) */
  header?(data: D, ctx: SectionRenderContext): readonly string[];
}

/** Any section (for lists). */
// biome-ignore lint/suspicious/noExplicitAny: heterogeneous list of sections
export type AnySection = ReportSection<any>;

/** Identity helper that keeps the section's data type inferred. */
export function defineSection<D>(section: ReportSection<D>): ReportSection<D> {
  return section;
}

/**
 * Loads every section's data for one language (sections load concurrently; `runMethod` may share
 * results between them).
 * @returns the data by section id
 */
export async function loadSections(
  sections: readonly AnySection[],
  sources: SectionSources,
): Promise<Record<string, unknown>> {
  const loaded = await Promise.all(sections.map(async (s) => [s.id, await s.load(sources)] as const));
  return Object.fromEntries(loaded);
}

/** GET `path?params` from the HTTP API (the caller adds `lang`), returning the parsed JSON body. */
export type GetJson = (path: `/api/${string}`, params: Readonly<Record<string, string>>) => Promise<unknown>;

/**
 * Section sources over the HTTP API instead of the store: `runMethod(m, options)` is
 * `GET m.path?options`, the dataset list `GET /api/datasets`, the reproduction table
 * `GET /api/reproduction` — for a report of a running server, or a test over `createApp`.
 * @param get fetches one endpoint in `lang`
 */
export async function apiSectionSources(get: GetJson, lang: ReportLocale): Promise<SectionSources> {
  const { datasets } = (await get("/api/datasets", {})) as { datasets: readonly DatasetMeta[] };
  const runMethod = ((m: AnyMethod, options: Readonly<Record<string, unknown>>) => {
    const query: Record<string, string> = {};
    for (const [k, v] of Object.entries(options)) if (v !== undefined) query[k] = String(v);
    return get(m.path, query);
  }) as RunMethod;
  return {
    lang,
    runMethod,
    datasets,
    reproduction: async () => (await get("/api/reproduction", {})) as ReproductionResult,
  };
}
