/**
 * Sector tiers (产业分层, spec §6): the 42 sectors of an IO table grouped by their digital input and
 * output — by hierarchical clustering (seed 000's five 实数融合 tiers, "欧式距离层次聚类", 图6) or by
 * thresholds on the digital share of intermediate inputs (seed 001's three 数字化 tiers, footnote 4) —
 * beside the tiers the seeds print; and hierarchical clustering of any table of features an analyst
 * supplies.
 *
 * Features per sector (spec §6.2, from {@link ioIntensity} on the table put on the canonical 42 sectors
 * by {@link canonical42Table}): `di_direct_intermediate` (default first feature: tiers are ordered by
 * its cluster means), `di_direct_total`, `di_complete`, `do_forward`. Transform `log` (default for
 * clustering: ln v, or ln(v + ε) with ε = 1e-4 for a feature with a zero), scaling z-score (population
 * SD) by default. A sector with a missing feature is left out and reported, or given the column median.
 *
 * Comparison with the printed tiers (rows 35 and the five-tier rows): agreement count, the sectors that
 * differ, the adjusted Rand index, per-tier sizes — a report, never a pass/fail (spec §6.6).
 */
import {
  AGGLOMERATION_METHODS,
  type AgglomerationMethod,
  adjustedRandIndex,
  CoreError,
  clusterTiers,
  type Diagnostic,
  FEATURE_SCALINGS,
  type FeatureScaling,
  fromRows,
  hierarchicalClustering,
  TIER_CODES,
  type TierCode,
} from "../core/index.js";
import {
  type DataIssue,
  DataIssuesError,
  type DatasetMeta,
  frameNumbers,
  issue,
  requirePublished,
} from "../data/index.js";
import type { DatasetSource } from "./dataset-source.js";
import type { LoadedFrame } from "./frame-input.js";
import { ioIntensity } from "./io-intensity.js";
import { canonical42Table, type SeriesConversion } from "./io-series.js";
import { type Clock, type ResultProvenance, resultProvenance } from "./provenance.js";

export { AGGLOMERATION_METHODS, FEATURE_SCALINGS };
export const TIER_SCHEMES = ["five", "three"] as const;
export type TierScheme = (typeof TIER_SCHEMES)[number];
export const TIER_METHODS = ["hac", "thresholds"] as const;
export type TierMethod = (typeof TIER_METHODS)[number];
export const SECTOR_FEATURES = ["di_direct_intermediate", "di_direct_total", "di_complete", "do_forward"] as const;
export type SectorFeature = (typeof SECTOR_FEATURES)[number];
export const FEATURE_TRANSFORMS = ["log", "none"] as const;
export type FeatureTransform = (typeof FEATURE_TRANSFORMS)[number];
export const MISSING_RULES = ["exclude", "median"] as const;
export type MissingRule = (typeof MISSING_RULES)[number];

/** ε of the log transform for a feature that has a zero (spec §6.2). */
export const LOG_EPSILON = 1e-4;

/** Defaults per scheme (spec §6.2): five = HAC on [ln DI, ln(DO + ε)], three = thresholds [10 %, 1 %]. */
export const SCHEME_DEFAULTS: Readonly<
  Record<TierScheme, { method: TierMethod; k: 3 | 5; features: readonly SectorFeature[]; cutPoints: readonly number[] }>
> = {
  five: { method: "hac", k: 5, features: ["di_direct_intermediate", "do_forward"], cutPoints: [0.1, 0.06, 0.03, 0.01] },
  three: { method: "thresholds", k: 3, features: ["di_direct_intermediate"], cutPoints: [0.1, 0.01] },
};

/** The printed tier lists (published dataset ids), highest tier first. */
export const PUBLISHED_TIERS: Readonly<Record<TierScheme, readonly (readonly [TierCode, string])[]>> = {
  five: [
    ["high", "s000-tiers-high-members"],
    ["mid_high", "s000-tiers-midhigh-members"],
    ["medium", "s000-tiers-medium-members"],
    ["mid_low", "s000-tiers-midlow-members"],
    ["low", "s000-tiers-low-members"],
  ],
  three: [
    ["high", "s001-tiers3-high-members"],
    ["medium", "s001-tiers3-medium-members"],
    ["low", "s001-tiers3-low-members"],
  ],
};

/** The 高度 list of seed 000 names 3 of its 6 members; the other three are inferred (spec §1.2). */
export const FIVE_HIGH_INFERRED = ["S20", "S32", "S33"] as const;

/** One merge of the dendrogram (scipy layout: ids < n are the rows, n + s the cluster of merge s). */
export interface TierMerge {
  readonly step: number;
  readonly left: number;
  readonly right: number;
  readonly height: number;
  readonly size: number;
}

export interface ClusteringSummary {
  readonly method: AgglomerationMethod;
  readonly scaling: FeatureScaling;
  readonly merges: readonly TierMerge[];
  /** row labels in dendrogram leaf order */
  readonly leafOrder: readonly string[];
  readonly cophenetic: number | null;
}

function mergesOf(Z: Float64Array): TierMerge[] {
  const out: TierMerge[] = [];
  for (let s = 0; s < Z.length / 4; s++)
    out.push({
      step: s + 1,
      left: Z[4 * s] as number,
      right: Z[4 * s + 1] as number,
      height: Z[4 * s + 2] as number,
      size: Z[4 * s + 3] as number,
    });
  return out;
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** Rows with a missing value left out (reported) or filled with the column median. */
function completeRows(
  labels: readonly string[],
  columns: readonly (readonly (number | null)[])[],
  missing: MissingRule,
): { keep: number[]; rows: number[][]; excluded: string[]; imputed: { label: string; column: number }[] } {
  const keep: number[] = [];
  const rows: number[][] = [];
  const excluded: string[] = [];
  const imputed: { label: string; column: number }[] = [];
  const medians = columns.map((c) => {
    const v = c.filter((x): x is number => x !== null && Number.isFinite(x));
    return v.length === 0 ? Number.NaN : median(v);
  });
  labels.forEach((label, i) => {
    const row = columns.map((c) => c[i] ?? null);
    if (row.every((v) => v !== null && Number.isFinite(v))) {
      keep.push(i);
      rows.push(row as number[]);
    } else if (missing === "median" && medians.every((m) => Number.isFinite(m))) {
      keep.push(i);
      rows.push(
        row.map((v, j) => {
          if (v !== null && Number.isFinite(v)) return v;
          imputed.push({ label, column: j });
          return medians[j] as number;
        }),
      );
    } else excluded.push(label);
  });
  return { keep, rows, excluded, imputed };
}

// ---------------------------------------------------------------------------------------------------
// Clustering a table of features (`tiers cluster --input FILE`)

export interface ClusterFrameOptions {
  readonly method?: AgglomerationMethod;
  readonly k: number;
  readonly scale?: FeatureScaling;
  /** feature columns @default every column after the first */
  readonly features?: readonly string[];
  readonly missing?: MissingRule;
  readonly clock?: Clock;
}

export interface ClusterFrameResult {
  readonly dataset: string;
  readonly features: readonly string[];
  readonly clustering: ClusteringSummary;
  /** per kept row: its label, cluster number (1 … k, R cutree numbering) and tier (1 = highest mean of the first feature) */
  readonly clusters: readonly {
    readonly label: string;
    readonly cluster: number;
    readonly tier: number;
    readonly tierCode: TierCode | null;
  }[];
  readonly excluded: readonly string[];
  readonly imputed: readonly { readonly label: string; readonly feature: string }[];
  readonly diagnostics: readonly Diagnostic[];
  readonly provenance: ResultProvenance;
}

/**
 * Hierarchical clustering of the rows of a data frame (层次聚类): the first column labels the rows, the
 * feature columns are numeric.
 * @throws {DataIssuesError} missing_column, non_numeric_cell, duplicate_code (a label twice);
 *   {CoreError} too_few_observations (fewer kept rows than k), invalid_argument
 */
export function clusterFrame(input: LoadedFrame, options: ClusterFrameOptions): ClusterFrameResult {
  const { frame, meta } = input;
  // the first physical column labels the rows, whatever its header (R writes "" there)
  const labelName = frame.columns.find((c) => c.column === 1)?.name ?? "";
  const features = options.features ?? frame.columns.filter((c) => c.column !== 1).map((c) => c.name);
  if (features.length === 0) throw new CoreError("invalid_argument", { option: "features", reason: "no_columns" });
  const numbersR = frameNumbers(frame, features);
  if (!numbersR.ok) throw new DataIssuesError(numbersR.issues);
  const labels = frame.rows.map((r) => (r[0] ?? "").trim());
  const seen = new Map<string, number>();
  const bad: DataIssue[] = [];
  labels.forEach((l, i) => {
    const at = { file: frame.file, row: frame.rowNumbers[i] as number, column: 1, columnName: labelName };
    const first = seen.get(l);
    if (l === "") bad.push(issue("missing_value", at, {}));
    else if (first !== undefined)
      bad.push(issue("duplicate_code", at, { code: l, firstRow: frame.rowNumbers[first] as number }));
    else seen.set(l, i);
  });
  if (bad.length > 0) throw new DataIssuesError(bad);
  const missing = options.missing ?? "exclude";
  const c = completeRows(labels, numbersR.value, missing);
  const method = options.method ?? "ward";
  const scaling = options.scale ?? "z_score";
  const r = hierarchicalClustering(fromRows(c.rows), { method, scaling, k: options.k });
  const kept = c.keep.map((i) => labels[i] as string);
  return {
    dataset: meta.id,
    features,
    clustering: {
      method,
      scaling,
      merges: mergesOf(r.linkage.Z),
      leafOrder: Array.from(r.leafOrder, (i) => kept[i] as string),
      cophenetic: Number.isFinite(r.copheneticCorrelation) ? r.copheneticCorrelation : null,
    },
    clusters: kept.map((label, i) => ({
      label,
      cluster: r.clusters?.[i] as number,
      tier: (r.tiers?.tier[i] as number) + 1,
      tierCode: r.tiers?.tierCode?.[i] ?? null,
    })),
    excluded: c.excluded,
    imputed: c.imputed.map((x) => ({ label: x.label, feature: features[x.column] as string })),
    diagnostics: r.diagnostics,
    provenance: resultProvenance(
      [meta],
      "hierarchical_clustering",
      { method, scale: scaling, k: options.k, features, missing, distance: "euclidean", ties: "min_member" },
      options.clock,
    ),
  };
}

// ---------------------------------------------------------------------------------------------------
// Tiers of the sectors of an IO table (`tiers cluster --table ID`, `tiers classify`)

export interface SectorTiersOptions {
  readonly tableId: string;
  /** @default "five" */
  readonly scheme?: TierScheme;
  /** @default the scheme's (five: hac, three: thresholds) */
  readonly method?: TierMethod;
  /** linkage of the clustering @default "ward" */
  readonly linkage?: AgglomerationMethod;
  /** @default the scheme's number of tiers */
  readonly k?: number;
  /** @default "z_score" */
  readonly scale?: FeatureScaling;
  /** @default "log" */
  readonly transform?: FeatureTransform;
  /** clustering features, the first orders the tiers @default the scheme's */
  readonly features?: readonly SectorFeature[];
  /** threshold cut-points on the digital share of intermediate inputs, descending @default the scheme's */
  readonly cutPoints?: readonly number[];
  /** @default "exclude" */
  readonly missing?: MissingRule;
  readonly source: DatasetSource;
  readonly clock?: Clock;
}

export interface SectorTier {
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  /** raw feature values (before log and scaling), in the order of `features` */
  readonly values: readonly (number | null)[];
  /** 1 = highest */
  readonly tier: number | null;
  readonly tierCode: TierCode | null;
  /** cluster number (R cutree numbering) under hac */
  readonly cluster: number | null;
  /** the printed tier, where the scheme's lists name the sector */
  readonly published: TierCode | null;
  /** the sector is one of the three members of seed 000's high tier inferred by elimination */
  readonly publishedInferred: boolean;
}

export interface SectorTiersResult {
  readonly table: string;
  readonly year: number | null;
  readonly conversion: SeriesConversion;
  readonly scheme: TierScheme;
  readonly method: TierMethod;
  readonly k: number;
  readonly features: readonly SectorFeature[];
  readonly transform: FeatureTransform;
  readonly cutPoints: readonly number[] | null;
  readonly sectors: readonly SectorTier[];
  readonly clustering: ClusteringSummary | null;
  /** per tier, highest first: computed and printed sizes */
  readonly sizes: readonly {
    readonly tier: TierCode | string;
    readonly computed: number;
    readonly published: number | null;
  }[];
  /** against the printed lists, over the sectors both place (null when the table is not on the canonical 42) */
  readonly agreement: {
    readonly compared: number;
    readonly agree: number;
    readonly ari: number;
    readonly differing: readonly { readonly code: string; readonly tier: TierCode; readonly published: TierCode }[];
  } | null;
  readonly excluded: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
  readonly provenance: ResultProvenance;
}

/** The printed tier of every sector a scheme's lists name (five: with the three inferred high members). */
export function printedTiers(scheme: TierScheme): Map<string, TierCode> {
  const out = new Map<string, TierCode>();
  for (const [tier, id] of PUBLISHED_TIERS[scheme]) {
    for (const code of requirePublished(id).members ?? []) out.set(code, tier);
  }
  if (scheme === "five") for (const code of FIVE_HIGH_INFERRED) if (!out.has(code)) out.set(code, "high");
  return out;
}

/** Tier index (0 = highest) by descending cut-points; a value on a cut-point goes to the higher tier. */
function thresholdTier(v: number, cutPoints: readonly number[]): number {
  const i = cutPoints.findIndex((c) => v >= c);
  return i < 0 ? cutPoints.length : i;
}

/**
 * Tiers of the sectors of a stored IO table (产业分层) by clustering or thresholds, beside the printed
 * tiers of the seeds.
 * @throws {DatasetNotFoundError}; {CoreError} invalid_argument (cut-points not descending, k without
 *   tier codes under thresholds), too_few_observations (fewer sectors than k), from the clustering
 */
export async function sectorTiers(options: SectorTiersOptions): Promise<SectorTiersResult> {
  const scheme = options.scheme ?? "five";
  const def = SCHEME_DEFAULTS[scheme];
  const method = options.method ?? def.method;
  const features = options.features ?? (method === "thresholds" ? ["di_direct_intermediate" as const] : def.features);
  const transform = options.transform ?? (method === "hac" ? "log" : "none");
  const cutPoints = options.cutPoints ?? def.cutPoints;
  for (let i = 1; i < cutPoints.length; i++)
    if (!((cutPoints[i] as number) < (cutPoints[i - 1] as number)))
      throw new CoreError("invalid_argument", {
        option: "cut-points",
        reason: "years_not_increasing",
        value: [...cutPoints],
      });
  const k = method === "thresholds" ? cutPoints.length + 1 : (options.k ?? def.k);
  const canon = await canonical42Table(options.source, options.tableId);
  const intensity = await ioIntensity({ table: canon.table, meta: canon.meta, source: options.source });
  const pick = (s: (typeof intensity.sectors)[number], f: SectorFeature): number | null =>
    f === "di_direct_intermediate"
      ? s.directIntermediate
      : f === "di_direct_total"
        ? s.directTotal
        : f === "di_complete"
          ? s.complete
          : s.forward;
  const raw = intensity.sectors.map((s) => features.map((f) => pick(s, f)));
  const codes = intensity.sectors.map((s) => s.code);
  const diagnostics: Diagnostic[] = [...intensity.diagnostics];
  const codesOf = k === 5 || k === 3 ? TIER_CODES[k] : null;
  const tierOf = new Map<string, number>();
  const clusterOf = new Map<string, number>();
  let clustering: ClusteringSummary | null = null;
  let excluded: string[] = [];
  const epsilonFeatures: SectorFeature[] = [];
  if (method === "thresholds") {
    raw.forEach((row, i) => {
      const v = row[0];
      if (v === null || v === undefined) excluded.push(codes[i] as string);
      else tierOf.set(codes[i] as string, thresholdTier(v, cutPoints));
    });
  } else {
    // log transform: ln v, or ln(v + ε) for a feature with a zero (spec §6.2)
    const columns = features.map((f, j) => {
      const col = raw.map((row) => row[j] ?? null);
      if (transform === "none") return col;
      const eps = col.some((v) => v !== null && v <= 0) ? LOG_EPSILON : 0;
      if (eps > 0) epsilonFeatures.push(f);
      return col.map((v) => (v === null || v + eps <= 0 ? null : Math.log(v + eps)));
    });
    const c = completeRows(codes, columns, options.missing ?? "exclude");
    excluded = c.excluded;
    const scaling = options.scale ?? "z_score";
    const linkage = options.linkage ?? "ward";
    const r = hierarchicalClustering(fromRows(c.rows), { method: linkage, scaling, k });
    diagnostics.push(...r.diagnostics);
    const kept = c.keep.map((i) => codes[i] as string);
    // tiers by the cluster means of the unscaled, untransformed first feature (spec §6.3)
    const firstRaw = c.keep.map((i) => raw[i]?.[0] ?? Number.NaN);
    const clusters = r.clusters as Int32Array;
    const tiers = clusterTiers(
      clusters,
      firstRaw.every(Number.isFinite) ? firstRaw : c.rows.map((row) => row[0] as number),
    );
    kept.forEach((code, i) => {
      tierOf.set(code, tiers.tier[i] as number);
      clusterOf.set(code, clusters[i] as number);
    });
    clustering = {
      method: linkage,
      scaling,
      merges: mergesOf(r.linkage.Z),
      leafOrder: Array.from(r.leafOrder, (i) => kept[i] as string),
      cophenetic: Number.isFinite(r.copheneticCorrelation) ? r.copheneticCorrelation : null,
    };
  }
  const canonical = canon.conversion !== "none" || /^S\d{2}$/.test(codes[0] ?? "");
  const printed =
    canonical && (k === 5 || k === 3) && (scheme === "five" ? k === 5 : k === 3)
      ? printedTiers(scheme)
      : new Map<string, TierCode>();
  const sectors: SectorTier[] = intensity.sectors.map((s, i) => {
    const t = tierOf.get(s.code);
    return {
      code: s.code,
      nameZh: s.name_zh,
      nameEn: s.name_en,
      values: raw[i] ?? [],
      tier: t === undefined ? null : t + 1,
      tierCode: t === undefined || codesOf === null ? null : (codesOf[t] as TierCode),
      cluster: clusterOf.get(s.code) ?? null,
      published: printed.get(s.code) ?? null,
      publishedInferred: scheme === "five" && (FIVE_HIGH_INFERRED as readonly string[]).includes(s.code),
    };
  });
  const compared = sectors.filter((s) => s.published !== null && s.tierCode !== null);
  const agreement =
    printed.size === 0 || compared.length === 0
      ? null
      : {
          compared: compared.length,
          agree: compared.filter((s) => s.tierCode === s.published).length,
          ari: adjustedRandIndex(
            compared.map((s) => s.tierCode as string),
            compared.map((s) => s.published as string),
          ),
          differing: compared
            .filter((s) => s.tierCode !== s.published)
            .map((s) => ({ code: s.code, tier: s.tierCode as TierCode, published: s.published as TierCode })),
        };
  const sizes = Array.from({ length: k }, (_, t) => {
    const code = codesOf?.[t] ?? String(t + 1);
    return {
      tier: code,
      computed: sectors.filter((s) => s.tier === t + 1).length,
      published: printed.size === 0 ? null : [...printed.values()].filter((p) => p === code).length,
    };
  });
  const metas: DatasetMeta[] = [canon.meta, ...canon.also];
  return {
    table: options.tableId,
    year: canon.meta.years[0] ?? null,
    conversion: canon.conversion,
    scheme,
    method,
    k,
    features,
    transform,
    cutPoints: method === "thresholds" ? cutPoints : null,
    sectors,
    clustering,
    sizes,
    agreement,
    excluded,
    diagnostics,
    provenance: resultProvenance(
      metas,
      "sector_tiers",
      {
        scheme,
        method,
        k,
        features,
        transform,
        epsilon: epsilonFeatures.length > 0 ? { value: LOG_EPSILON, features: epsilonFeatures } : null,
        scale: method === "hac" ? (options.scale ?? "z_score") : null,
        linkage: method === "hac" ? (options.linkage ?? "ward") : null,
        cutPoints: method === "thresholds" ? cutPoints : null,
        missing: options.missing ?? "exclude",
        digitalGroup: intensity.group.codes,
        conversion: canon.conversion,
        published: printed.size > 0 ? PUBLISHED_TIERS[scheme].map(([, id]) => id) : null,
        tieRule: "min_member (R hclust)",
      },
      options.clock,
    ),
  };
}
