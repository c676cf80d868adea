/**
 * JSON shapes of the shushi HTTP API as the dashboard and the report read them
 * (docs/decisions/0001-architecture-and-contracts.md, "HTTP API"). These are *wire* types: the web app
 * may not import `src/app` or `src/server`, so the shapes are restated here, kept permissive where the
 * contract leaves room (extra provenance fields are shown as-is, optional fields may be absent).
 */

/** UI / report locale. */
export type Locale = "zh-CN" | "en";

/** A source file of a dataset (subset of `src/data/provenance.ts` SourceFile). */
export interface WireSourceFile {
  readonly path: string;
  readonly sha256: string;
  readonly bytes?: number;
}

/** One dataset referenced by a result's provenance. */
export interface WireProvenanceDataset {
  readonly id: string;
  readonly titleZh?: string;
  readonly titleEn?: string;
  readonly year?: number;
  readonly years?: readonly number[];
  readonly unit?: string;
  readonly classification?: { readonly system: string; readonly version: string };
  readonly publisher?: string;
  readonly files?: readonly WireSourceFile[];
  readonly sha256?: string;
}

/**
 * Provenance attached to every app-level result (STYLE §2.10): datasets and hashes, classification,
 * method and parameters, software version and `computedAt`. Unknown extra fields are tolerated.
 */
export interface ResultProvenance {
  readonly datasets?: readonly WireProvenanceDataset[];
  readonly classification?: { readonly system: string; readonly version: string } | string;
  readonly method?: string;
  readonly parameters?: Readonly<Record<string, unknown>>;
  /** `src/app/provenance.ts` calls it `software` ("shushi@0.1.0"); `softwareVersion` is accepted too */
  readonly software?: string;
  readonly softwareVersion?: string;
  readonly computedAt?: string;
  readonly caveats?: readonly string[];
  readonly [extra: string]: unknown;
}

/** `GET /api/datasets` item (subset of `DatasetMeta`). */
export interface DatasetSummary {
  readonly id: string;
  readonly kind: string;
  readonly titleZh: string;
  readonly titleEn: string;
  readonly region?: string;
  readonly years: readonly number[];
  readonly dimensions?: Readonly<Record<string, number>>;
  readonly unit?: string;
  readonly classification?: { readonly system: string; readonly version: string };
  readonly importTreatment?: string;
  readonly provenance?: {
    readonly publisher?: string;
    readonly originalSource?: string;
    readonly licence?: string;
    readonly files?: readonly WireSourceFile[];
    readonly caveats?: readonly string[];
  };
}

export interface DatasetsResponse {
  readonly datasets: readonly DatasetSummary[];
}

/** A diagnostic as the API renders it (code + localized message). */
export interface WireDiagnostic {
  readonly code: string;
  readonly severity: "info" | "warning" | "error";
  readonly params: Readonly<Record<string, unknown>>;
  readonly message?: string;
}

/**
 * One sector row of `GET /api/io/linkages`. Coefficients are null for zero-output sectors.
 * `output` (total output, in the table's unit) is optional: shown as 总产出 when present.
 */
export interface LinkageSector {
  readonly code: string;
  readonly name_zh: string;
  readonly name_en: string;
  readonly influence: number | null;
  readonly sensitivity: number | null;
  readonly output?: number;
}

/** `GET /api/io/linkages?table=&group=&variant=&groupMethod=` */
export interface LinkageResult {
  readonly table: string;
  readonly sectors: readonly LinkageSector[];
  readonly block?: {
    readonly name?: string;
    readonly codes: readonly string[];
    readonly influence: number;
    readonly sensitivity: number;
    readonly method: string;
  };
  readonly variant: string;
  readonly diagnostics: readonly WireDiagnostic[];
  readonly provenance: ResultProvenance;
}

/** Where an annual coefficient comes from (spec §5.7). */
export type SeriesSource = "table" | "interpolated" | "extrapolated_hold" | "ras";

export interface SeriesPoint {
  readonly year: number;
  readonly influence: number;
  readonly sensitivity: number;
  readonly source: SeriesSource;
  /** the table of a table year; for interpolated points the earlier bracketing table */
  readonly tableId: string;
  readonly codes?: readonly string[];
  readonly interpolation?: {
    readonly from: number;
    readonly to: number;
    readonly weight: number;
    readonly method: string;
  };
}

/**
 * A published value to overlay. ADR 0001 names the fields `id, quantity, printed, citation_zh,
 * citation_en`; `src/app/io-series.ts` emits `ref, measure, source` — both spellings are accepted and
 * read through `normalizePublished`.
 */
export interface PublishedPoint {
  readonly id?: string;
  readonly ref?: string;
  readonly year: number;
  readonly value: number;
  readonly quantity?: "influence" | "sensitivity";
  readonly measure?: "influence" | "sensitivity";
  /** the value exactly as printed in the source */
  readonly printed?: string;
  readonly citation_zh?: string;
  readonly citation_en?: string;
  readonly source?: string;
}

/** `GET /api/io/series?group=digital&family=nbs|oecd` */
export interface SeriesResult {
  readonly points: readonly SeriesPoint[];
  readonly published: readonly PublishedPoint[];
  readonly diagnostics?: readonly WireDiagnostic[];
  readonly provenance: ResultProvenance;
}

/** `GET /api/io/matrix?table=&which=A|L` */
export interface MatrixResult {
  readonly codes: readonly string[];
  readonly names_zh: readonly string[];
  readonly names_en: readonly string[];
  readonly values: readonly (readonly number[])[];
  readonly table?: string;
  readonly which?: "A" | "L";
  readonly diagnostics?: readonly WireDiagnostic[];
  readonly provenance: ResultProvenance;
}

/** `GET /api/reproduction` row: a computed value against a published one. */
export interface ReproductionRow {
  readonly ref: string;
  readonly computed: number | null;
  readonly published: number;
  readonly gap: number | null;
  readonly status: string;
  readonly reason_zh: string;
  readonly reason_en: string;
  /** e.g. influence, sensitivity, influence_change, top6_order, tier_size_high, rank_correlation */
  readonly quantity?: string;
  /** the year of the printed value */
  readonly year?: number;
  /** the table year the computed value comes from, when it differs */
  readonly computedYear?: number;
  readonly tableId?: string;
  readonly key?: string;
  readonly publishedId?: string;
  readonly tolerance?: number | null;
  readonly citation_zh?: string;
  readonly citation_en?: string;
}

export interface ReproductionResult {
  readonly rows: readonly ReproductionRow[];
}

/** A published point in one spelling (see `PublishedPoint`). */
export interface NormalizedPublished {
  readonly id: string;
  readonly year: number;
  readonly value: number;
  readonly quantity: "influence" | "sensitivity";
  readonly printed: string;
  readonly citation: string;
}

/** Reads either spelling of a published point; the citation in the requested locale when given. */
export function normalizePublished(p: PublishedPoint, locale: Locale): NormalizedPublished {
  const citation =
    (locale === "en" ? (p.citation_en ?? p.citation_zh) : (p.citation_zh ?? p.citation_en)) ?? p.source ?? "";
  return {
    id: p.id ?? p.ref ?? `${p.quantity ?? p.measure}-${p.year}`,
    year: p.year,
    value: p.value,
    quantity: p.quantity ?? p.measure ?? "influence",
    printed: p.printed ?? String(p.value),
    citation,
  };
}
