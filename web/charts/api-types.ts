/**
 * JSON shapes of the shushi HTTP API as the dashboard and the report read them. Method results are
 * derived from the method declarations (src/methods): each type is `z.output` of the declaration's
 * `wire` schema, the schema the API's `toWire` parses its result with — so there is no hand-kept copy.
 * The imports are type-only: they are erased, and the browser bundle pulls in neither zod nor app code.
 *
 * Two platform endpoints are not methods and keep small hand types below (`DatasetSummary`,
 * `ReproductionRow`): their response schemas in src/server/routes/platform.ts are loose
 * (`looseObject`) and, living in src/server, out of the web app's reach (test/architecture.test.ts).
 */
import type { z } from "zod";
import type { Lang } from "../../src/i18n/format.js";
import type { fusionWire } from "../../src/methods/composite/fusion.js";
import type { cycleWire, weightsWire } from "../../src/methods/composite/index.js";
import type { regionRankWire } from "../../src/methods/composite/regional.js";
import type {
  intensityWire,
  linkagesWire,
  matrixWire,
  publishedPointWire,
  seriesPointWire,
  seriesWire,
} from "../../src/methods/io/index.js";
import type { WireDiagnostic, WireProvenance, wireDatasetRef, wireSourceFile } from "../../src/methods/wire.js";

/** UI / report locale. */
export type Locale = Lang;

export type { WireDiagnostic };

/** A source file of a dataset. */
export type WireSourceFile = z.output<typeof wireSourceFile>;

/** One dataset referenced by a result's provenance. */
export type WireProvenanceDataset = z.output<typeof wireDatasetRef>;

/** Provenance of every result (STYLE §2.10): datasets and hashes, method, parameters, software, time, caveats. */
export type ResultProvenance = WireProvenance;

/** `GET /api/io/linkages?table=&group=&variant=&groupMethod=&imports=` */
export type LinkageResult = z.output<typeof linkagesWire>;

/** One sector row of `GET /api/io/linkages`; coefficients are null for zero-output sectors. */
export type LinkageSector = LinkageResult["sectors"][number];

/** `GET /api/io/intensity?table=&group=&imports=` */
export type IntensityResult = z.output<typeof intensityWire>;

/** `GET /api/io/matrix?table=&which=A|L` */
export type MatrixResult = z.output<typeof matrixWire>;

/** One annual point of `GET /api/io/series`. */
export type SeriesPoint = z.output<typeof seriesPointWire>;

/** Where an annual coefficient comes from (table year, interpolated, held after the last table). */
export type SeriesSource = SeriesPoint["source"];

/** A published value overlaid on the series, with its citation (data/published). */
export type PublishedPoint = z.output<typeof publishedPointWire>;

/** `GET /api/io/series?family=&group=&variant=&groupMethod=&through=` */
export type SeriesResult = z.output<typeof seriesWire>;

/** `GET /api/index/cycle?dataset=&column=&from=&to=` (or POST an indicator table): growth and weak flags. */
export type CycleResult = z.output<typeof cycleWire>;

/** `GET /api/index/weights?dataset=&method=` (or POST an indicator table with `?method=&directions=`). */
export type WeightsResult = z.output<typeof weightsWire>;

/** One indicator's row of `WeightsResult`. */
export type IndicatorWeight = WeightsResult["weights"][number];

/** `GET /api/fusion/index?baseYear=&decomposition=`: the integration index's public-data proxy beside CAICT's printed values. */
export type FusionResult = z.output<typeof fusionWire>;

/** One year of `FusionResult`: components, totals and their indices (base year = 100). */
export type FusionYear = FusionResult["years"][number];

/** A value CAICT prints (reproduction rows 4–8), sent beside the proxy, never merged into it. */
export type FusionPublished = FusionResult["published"][number];

/** `GET /api/region/rank?year=&tiers=&runs=&seed=`: the 31 provinces under "2135+N" on public data. */
export type RegionRankResult = z.output<typeof regionRankWire>;

/** One province of `RegionRankResult`. */
export type RegionRow = RegionRankResult["regions"][number];

/** One pillar of the "2135+N" catalogue with its status and the national anchors the seeds print. */
export type CataloguePillar = RegionRankResult["catalogue"][number];

/**
 * `GET /api/datasets` item — hand-kept subset of `DatasetMeta` (src/data/dataset.ts) with only the
 * fields the dashboard and the report read; see the module note.
 */
export interface DatasetSummary {
  readonly id: string;
  readonly kind: string;
  readonly titleZh: string;
  readonly titleEn: string;
  readonly years: readonly number[];
  /** e.g. `{ sectors: 42 }` */
  readonly dimensions: Readonly<Record<string, number>>;
  /** always sent by the API; optional here so partial test rows stay valid */
  readonly unit?: string;
  readonly provenance?: {
    readonly publisher?: string;
    readonly licence?: string;
    readonly files?: readonly WireSourceFile[];
  };
}

export interface DatasetsResponse {
  readonly datasets: readonly DatasetSummary[];
}

/**
 * `GET /api/reproduction` row: a computed value against a published one — hand-kept subset of
 * `ReproductionRow` (src/app/reproduction.ts) with the fields the report reads; see the module note.
 */
export interface ReproductionRow {
  /** unique key, e.g. `14-influence-2015`, `9-real_gdp_growth-2019` */
  readonly key?: string;
  readonly ref: string;
  /** e.g. influence, sensitivity, influence_change, influence_bound, top6_order, tier_size_high */
  readonly quantity?: string;
  /** the year of the printed value */
  readonly year?: number;
  /** the table year the computed value comes from, when it differs */
  readonly computedYear?: number;
  readonly computed: number | null;
  /** the value printed in the source; null when the row compares with a derived value */
  readonly published: number | null;
  /** the derived value compared with when no single printed number exists (a change, a count) */
  readonly comparison?: number | null;
  /** computed − (published ?? comparison) */
  readonly gap: number | null;
  readonly status: string;
  readonly reason_zh: string;
  readonly reason_en: string;
  readonly citation_zh?: string;
  readonly citation_en?: string;
  /** why the row has its status, as a code with parameters (e.g. `params.series` of row 9) */
  readonly reason?: { readonly code: string; readonly params?: Readonly<Record<string, unknown>> };
}

export interface ReproductionResult {
  readonly rows: readonly ReproductionRow[];
}
