/**
 * Regional evaluation under "2135+N" (区域数字经济评价, spec §12; seed 002 §五): the 31 provinces scored
 * on the part of the "2135+N" catalogue that shipped public data can fill, with ranks, rank changes,
 * Ward tiers of the composite (spec §12.3 step 5, k = 4: 引领型/先进型/追赶型/起步型), disparity
 * (CV, Theil T, Gini) and, on request, Monte-Carlo rank intervals and Sobol indices.
 *
 * What public data fills (data/specs/region-2135n-catalogue.json): pillar 1, digital industries, from
 * provincial gross output by IO sector (cn-ipio-provincial-gross-output, benchmark years 2002, 2007,
 * 2012, 2017) — the shares of electronics manufacturing and of ICT services in gross output; the
 * provincial GDP level and nominal growth (cn-nbs-gdp-province) are shown as context. Every other
 * pillar (infrastructure, data, industrial digitalisation, digital consumption, digital countryside,
 * enabling environment, major projects) has no public provincial series: it is listed as such with the
 * national anchors the seeds print, never filled with a proxy.
 */
import { CoreError, type Diagnostic, wardTiers } from "../core/index.js";
import {
  type DataIssue,
  DataIssuesError,
  type DatasetMeta,
  type IndicatorTable,
  provinces,
  publishedById,
  regionalCatalogue,
  regionalSpecText,
  resolveRegion,
} from "../data/index.js";
import { buildIndex, type IndexSpecRef, readIndexSpec, specOf } from "./composite-framework.js";
import { indexUncertainty } from "./composite-uncertainty.js";
import { type DatasetSource, requireSeries } from "./dataset-source.js";
import type { LoadedIndicators } from "./indicator-input.js";
import { type Clock, type ResultProvenance, resultProvenance } from "./provenance.js";

const OUTPUT = "cn-ipio-provincial-gross-output";
/** The id of the provincial table built from the shipped datasets. */
const PROVINCIAL_ID = "derived:cn-provincial-digital-indicators";
const GDP_PANEL = "cn-nbs-gdp-province";
const GDP = "地区生产总值(亿元)";

/**
 * The digital sectors' codes in each benchmark year's 42-sector list. 2012 and 2017: the NBS lists of
 * the shipped national tables (china_2015_42: 20 electronics, 32 ICT services; china_2017_42: 20, 31);
 * 2002 and 2007: the 2002-vintage list of china_2005_42 (19, 29). Checked on the provincial data:
 * Guangdong's largest sector is electronics in every year, Beijing's ICT share is 4–11 %, Tibet's
 * electronics share is 0.
 */
export const DIGITAL_SECTORS: Readonly<Record<number, { readonly electronics: string; readonly ictServices: string }>> =
  {
    2002: { electronics: "io2002-19", ictServices: "io2002-29" },
    2007: { electronics: "io2007-19", ictServices: "io2007-29" },
    2012: { electronics: "io2012-20", ictServices: "io2012-32" },
    2017: { electronics: "io2017-20", ictServices: "io2017-31" },
  };

/** The indicator columns of the provincial table (ids of the shipped spec and catalogue). */
export const REGIONAL_COLUMNS = [
  "digital_share",
  "ict_services_share",
  "electronics_share",
  "gdp",
  "gdp_growth",
] as const;

/**
 * The provincial indicator table (省级指标表) for the benchmark years: per province and year, the
 * digital sectors' shares of gross output (%), GDP (亿元) and its nominal growth over the previous
 * year (%). Years without gross output are left out; a province without a value is a missing cell.
 */
export async function provincialIndicators(source: DatasetSource): Promise<LoadedIndicators> {
  const output = await requireSeries(source, OUTPUT);
  const gdp = await requireSeries(source, GDP_PANEL, { indicators: [GDP] });
  const byProvinceYear = new Map<string, Map<string, number>>();
  for (const o of output.observations) {
    const key = `${o.entity}|${o.period}`;
    let m = byProvinceYear.get(key);
    if (m === undefined) {
      m = new Map();
      byProvinceYear.set(key, m);
    }
    m.set(o.indicator, o.value);
  }
  const gdpOf = new Map(gdp.observations.map((o) => [`${o.entity}|${o.period}`, o.value]));
  const years = Object.keys(DIGITAL_SECTORS).map(Number);
  const rows: IndicatorTable["rows"][number][] = [];
  for (const year of years) {
    const sectors = DIGITAL_SECTORS[year] as { electronics: string; ictServices: string };
    for (const p of provinces()) {
      const m = byProvinceYear.get(`${p.code}|${year}`);
      if (m === undefined) continue;
      let total = 0;
      for (const v of m.values()) total += v;
      const elec = m.get(sectors.electronics);
      const ict = m.get(sectors.ictServices);
      const share = (v: number | undefined) => (v === undefined || !(total > 0) ? null : (100 * v) / total);
      const g1 = gdpOf.get(`${p.code}|${year}`);
      const g0 = gdpOf.get(`${p.code}|${year - 1}`);
      rows.push({
        entity: p.code,
        year,
        values: [
          elec === undefined || ict === undefined ? null : share(elec + ict),
          share(ict),
          share(elec),
          g1 ?? null,
          g1 !== undefined && g0 !== undefined && g0 > 0 ? 100 * (g1 / g0 - 1) : null,
        ],
        row: rows.length + 1,
      });
    }
  }
  const meta: DatasetMeta = {
    ...output.meta,
    id: PROVINCIAL_ID,
    kind: "panel",
    titleZh: output.meta.titleZh,
    titleEn: output.meta.titleEn,
    years,
    dimensions: { entities: provinces().length, indicators: REGIONAL_COLUMNS.length, rows: rows.length },
    unit: "percent",
    provenance: {
      ...output.meta.provenance,
      files: [...output.meta.provenance.files, ...gdp.meta.provenance.files],
      transformations: [
        ...output.meta.provenance.transformations,
        {
          // shares of the digital sectors in provincial gross output; GDP and its nominal growth
          step: "derive_provincial_indicators",
          by: "shushi",
          params: { datasets: [OUTPUT, GDP_PANEL], sectors: DIGITAL_SECTORS, columns: REGIONAL_COLUMNS },
        },
      ],
      caveats: [...output.meta.provenance.caveats, ...gdp.meta.provenance.caveats],
    },
  };
  return {
    meta,
    table: {
      file: meta.id,
      indicators: REGIONAL_COLUMNS.map((code, j) => ({ code, name: code, column: j + 1 })),
      entities: provinces().map((p) => p.code),
      years,
      rows,
    },
  };
}

/**
 * A user's provincial panel with its entities resolved to GB/T 2260 codes (by code, full or short name).
 * @throws {DataIssuesError} unknown_region at each row whose entity is not a province
 */
function withProvinceCodes(input: LoadedIndicators): LoadedIndicators {
  const issues: DataIssue[] = [];
  const rows = input.table.rows.map((r) => {
    const p = resolveRegion(r.entity);
    if (p === undefined) {
      if (issues.length < 100)
        issues.push({
          code: "unknown_region",
          severity: "error",
          path: {
            file: input.table.file,
            ...(input.table.sheet !== undefined && { sheet: input.table.sheet }),
            row: r.row,
          },
          params: { value: r.entity },
        });
      return r;
    }
    return { ...r, entity: p.code };
  });
  if (issues.length > 0) throw new DataIssuesError(issues);
  return {
    meta: input.meta,
    table: { ...input.table, rows, entities: [...new Set(rows.map((r) => r.entity))] },
  };
}

export interface RegionRankOptions {
  /**
   * the indicator table: a user's panel of provinces (entities as GB/T 2260 codes or names), or the
   * shipped provincial table already built ({@link provincialIndicators}, e.g. in a worker thread)
   * @default the shipped provincial table
   */
  readonly input?: LoadedIndicators;
  /** the index spec for a user's panel @default the shipped "2135+N" spec (data/specs) */
  readonly spec?: IndexSpecRef;
  /** the benchmark year @default the last (2017) */
  readonly year?: number;
  /** number of Ward tiers of the composite @default 4 */
  readonly tiers?: number;
  /** Monte-Carlo base samples for rank intervals and Sobol indices; 0 = none @default 0 */
  readonly runs?: number;
  readonly seed?: number;
  readonly clock?: Clock;
}

export interface RegionScore {
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly score: number;
  readonly rank: number;
  /** rank in the previous benchmark year − rank now (positive = moved up) */
  readonly rankChange: number | null;
  /** 1 = the leading tier (引领型) … k */
  readonly tier: number;
  /** the filled pillars' scores (0–100) */
  readonly pillars: Readonly<Record<string, number>>;
  /** the raw indicator values (%, 亿元) */
  readonly values: Readonly<Record<string, number | null>>;
  /** Monte-Carlo rank interval (with `runs`) */
  readonly interval?: { readonly median: number; readonly p05: number; readonly p95: number };
}

export interface RegionRankResult {
  readonly year: number;
  readonly years: readonly number[];
  readonly framework: string;
  readonly spec: { readonly id: string; readonly sha256: string };
  readonly regions: readonly RegionScore[];
  readonly tiers: readonly { readonly tier: number; readonly mean: number; readonly count: number }[];
  readonly weights: readonly {
    readonly id: string;
    readonly parent: string;
    readonly weight: number;
    readonly method: string;
  }[];
  readonly disparity: {
    readonly cv: number;
    readonly cvSample: number;
    readonly theil: number;
    readonly gini: number;
  } | null;
  readonly catalogue: readonly {
    readonly id: string;
    readonly labelZh: string;
    readonly labelEn: string;
    readonly status: "filled" | "no_public_data" | "context";
    readonly indicators: readonly string[];
    readonly anchors: readonly {
      readonly id: string;
      readonly value: number | null;
      readonly unit: string;
      readonly year: number | null;
      readonly quantityZh: string;
      readonly quantityEn: string;
    }[];
  }[];
  readonly sobol?: readonly { readonly factor: string; readonly firstOrder: number; readonly total: number }[];
  readonly diagnostics: readonly Diagnostic[];
  readonly provenance: ResultProvenance;
}

/**
 * Ranks the provinces under "2135+N" on public data (区域评价排名).
 * @param source the store (reads the provincial datasets), unless `options.input` carries the table
 * @throws {CoreError} invalid_argument for a year without provincial gross output; from the core
 */
export async function regionRank(
  source: DatasetSource | undefined,
  options: RegionRankOptions = {},
): Promise<RegionRankResult> {
  if (options.input === undefined && source === undefined)
    throw new CoreError("invalid_argument", { option: "dataset", reason: "no_store" });
  const given = options.input ?? (await provincialIndicators(source as DatasetSource));
  const shipped = given.meta.id === PROVINCIAL_ID;
  const input = shipped ? given : withProvinceCodes(given);
  const years = input.table.years ?? [];
  const year = options.year ?? (years[years.length - 1] as number);
  if (!years.includes(year))
    throw new CoreError("invalid_argument", { option: "year", value: year, expected: years, reason: "year_not_found" });
  const specText = regionalSpecText();
  const spec =
    options.spec !== undefined ? specOf(options.spec) : readIndexSpec(specText.text, { file: specText.file });
  const built = await buildIndex({ input }, spec, options.clock !== undefined ? { clock: options.clock } : {});
  const k = options.tiers ?? 4;
  const ofYear = built.composite.filter((c) => c.year === year);
  const tiers = wardTiers(
    ofYear.map((c) => c.score),
    k,
  );
  const uncertainty =
    options.runs !== undefined && options.runs > 0
      ? await indexUncertainty({ input }, spec, { runs: options.runs, seed: options.seed ?? 1, year })
      : undefined;
  const names = new Map(provinces().map((p) => [p.code, p]));
  const values = new Map(
    input.table.rows
      .filter((r) => r.year === year)
      .map((r) => [
        r.entity,
        Object.fromEntries(input.table.indicators.map((ind, j) => [ind.code, r.values[j] ?? null])),
      ]),
  );
  const pillarIds = spec.nodes.filter((n) => n.level === "pillar").map((n) => n.id);
  const regions: RegionScore[] = ofYear.map((c, i) => {
    const p = names.get(c.entity);
    const iv = uncertainty?.entities.find((e) => e.entity === c.entity);
    return {
      code: c.entity,
      nameZh: p?.nameZh ?? c.entity,
      nameEn: p?.nameEn ?? c.entity,
      score: c.score,
      rank: c.rank,
      rankChange: c.rankChange,
      tier: (tiers.tier[i] as number) + 1,
      pillars: Object.fromEntries(
        built.scores
          .filter((s) => s.entity === c.entity && s.year === year && s.level === "pillar" && pillarIds.includes(s.id))
          .map((s) => [s.id, s.score]),
      ),
      values: values.get(c.entity) ?? {},
      ...(iv !== undefined && { interval: { median: iv.medianRank, p05: iv.rankP05, p95: iv.rankP95 } }),
    };
  });
  regions.sort((a, b) => a.rank - b.rank || a.code.localeCompare(b.code));
  const d = built.disparity.find((x) => x.year === year);
  // the catalogue says what the shipped public data fills: it describes only the shipped table
  const catalogue = shipped ? regionalCatalogue() : { id: spec.id, pillars: [] };
  return {
    year,
    years,
    framework: catalogue.id,
    spec: { id: spec.id, sha256: spec.sha256 },
    regions,
    tiers: Array.from(tiers.means, (mean, t) => ({
      tier: t + 1,
      mean,
      count: Array.from(tiers.tier).filter((x) => x === t).length,
    })),
    weights: built.weights.map((w) => ({ id: w.id, parent: w.parent, weight: w.weight, method: w.method })),
    disparity: d === undefined ? null : { cv: d.cv, cvSample: d.cvSample, theil: d.theil, gini: d.gini },
    catalogue: catalogue.pillars.map((p) => ({
      id: p.id,
      labelZh: p.label["zh-CN"],
      labelEn: p.label.en,
      status: p.status,
      indicators: p.indicators ?? [],
      anchors: p.anchors.flatMap((id) => {
        const v = publishedById(id);
        return v === undefined
          ? []
          : [
              {
                id,
                value: v.value,
                unit: v.unit,
                year: v.year,
                quantityZh: v.quantity_zh,
                quantityEn: v.quantity_en,
              },
            ];
      }),
    })),
    ...(uncertainty !== undefined && {
      sobol: uncertainty.sobol.map((s) => ({ factor: s.factor, firstOrder: s.firstOrder, total: s.total })),
    }),
    diagnostics: [...built.diagnostics, ...(uncertainty?.diagnostics ?? [])],
    provenance: resultProvenance(
      [input.meta],
      "region_rank",
      {
        framework: catalogue.id,
        spec: { id: spec.id, sha256: spec.sha256 },
        year,
        tiers: { method: "ward", k },
        ...(uncertainty !== undefined && { runs: uncertainty.runs, seed: uncertainty.seed }),
      },
      options.clock,
    ),
  };
}
