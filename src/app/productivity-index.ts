/**
 * Labour productivity on an integration index (全员劳动生产率对实数融合发展指数的回归与格兰杰检验,
 * spec §4.2–4.3; seed 000 §二(一)3). The seed prints a slope (yuan per person per index point, row 12)
 * "by regression and Granger causality", without the annual index series behind it. This use case puts
 * a productivity series and an index series side by side on their common years and runs the two
 * estimators the seed names on them:
 *
 * - OLS LP_t = a + b·I_t + e_t (classical, HC0–HC3 or Newey–West covariance: {@link statsOls});
 * - Granger causality in both directions, lag order fixed or chosen on the VAR ({@link statsGranger}).
 *
 * Series (each with its dataset in the provenance):
 * - productivity `pwt`: real GDP at constant 2017 national prices over persons engaged (PWT 10.01
 *   rgdpna/emp, 1952–2019; one price base, one source — the consistent long series);
 * - productivity `nbs`: NBS overall labour productivity, the communiqué value where printed, else the
 *   value computed from the shipped NBS series ({@link labourProductivitySeries}); price bases change
 *   (the dataset's caveat);
 * - productivity `published`: the seed's printed values (rows 10–11);
 * - index `proxy`: our public-data integration index ({@link fusionIndex}, OECD tables 1995–2018);
 * - index `published`: CAICT's printed index values (rows 4–6; three years, one a projection).
 *
 * With fewer years than an estimator needs, that estimator is not run and the result says why with a
 * code (`too_few_observations`, the count and the requirement) — the other parts still come back. The
 * endpoint slope (last − first over the index change) is arithmetic on two points, shown because it is
 * what the printed figures alone allow; it is not a regression.
 */
import { CoreError, type CoreErrorCode, type Diagnostic, type OlsCovarianceType } from "../core/index.js";
import { type DatasetMeta, requirePublished, seedCitation } from "../data/index.js";
import { type DatasetSource, requireSeries } from "./dataset-source.js";
import {
  type LagCriterion,
  type SeriesTransform,
  type StatsGrangerResult,
  type StatsOlsResult,
  statsAdf,
  statsGranger,
  statsOls,
} from "./econometrics.js";
import { fusionIndex } from "./fusion-index.js";
import { labourProductivitySeries } from "./productivity.js";
import { type Clock, type ResultProvenance, resultProvenance } from "./provenance.js";

export const PRODUCTIVITY_SERIES = ["pwt", "nbs", "published"] as const;
export type ProductivitySeries = (typeof PRODUCTIVITY_SERIES)[number];
export const INDEX_SERIES = ["proxy", "published"] as const;
export type IndexSeries = (typeof INDEX_SERIES)[number];

/** The published values behind the `published` series and the printed slope. */
export const PRODUCTIVITY_INDEX_PUBLISHED = {
  index: ["s000-index-level-2012", "s000-index-level-2023", "s000-index-level-2024"],
  productivity: ["s000-labour-productivity-2012", "s000-labour-productivity-2024"],
  slope: "s000-productivity-regression-slope",
} as const;

const PWT = { dataset: "pwt-1001-chn", output: "rgdpna", employment: "emp" } as const;

export interface ProductivityIndexOptions {
  /** @default "pwt" with the proxy index, "published" with the published index */
  readonly productivity?: ProductivitySeries;
  /** @default "proxy" */
  readonly index?: IndexSeries;
  /** base year of the proxy index (= 100) @default 2016 */
  readonly baseYear?: number;
  /** OLS covariance @default "classical" */
  readonly se?: OlsCovarianceType;
  readonly nwLags?: number;
  /** Granger lag order, or "auto" @default "auto" */
  readonly lags?: number | "auto";
  readonly maxLags?: number;
  /** @default "aic" */
  readonly criterion?: LagCriterion;
  /** transform of both series before the Granger test @default "level" (spec §4.3) */
  readonly transform?: SeriesTransform;
  /** first and last year used (inclusive) */
  readonly from?: number;
  readonly to?: number;
  readonly source: DatasetSource;
  readonly clock?: Clock;
}

/** Why an estimator was not run: the core error it raised (too few years, a gap between years). */
export interface NotRun {
  readonly code: CoreErrorCode;
  readonly params: Readonly<Record<string, unknown>>;
}

export interface ProductivityIndexResult {
  readonly productivity: ProductivitySeries;
  readonly index: IndexSeries;
  /** the productivity unit: 元/人 (NBS, published) or USD per person at 2017 prices (PWT) */
  readonly productivityUnit: "yuan_per_person" | "usd_2017_per_person";
  /** the common years, in order */
  readonly points: readonly { readonly year: number; readonly productivity: number; readonly index: number }[];
  readonly regression: StatsOlsResult | null;
  readonly regressionNotRun: NotRun | null;
  readonly granger: StatsGrangerResult | null;
  readonly grangerNotRun: NotRun | null;
  /** (LP_last − LP_first)/(I_last − I_first) over the first and last common year; null with < 2 years */
  readonly endpointSlope: { readonly from: number; readonly to: number; readonly value: number } | null;
  /** the seed's printed slope (row 12), beside — never an output */
  readonly published: {
    readonly id: string;
    readonly value: number;
    readonly unit: string;
    readonly citation: ReturnType<typeof seedCitation>;
  };
  readonly diagnostics: readonly Diagnostic[];
  readonly provenance: ResultProvenance;
}

type Series = { values: Map<number, number>; metas: DatasetMeta[] };

async function productivitySeries(kind: ProductivitySeries, source: DatasetSource): Promise<Series> {
  if (kind === "published") {
    const values = new Map<number, number>();
    for (const id of PRODUCTIVITY_INDEX_PUBLISHED.productivity) {
      const p = requirePublished(id);
      if (typeof p.value === "number" && p.year !== null && p.year !== undefined) values.set(p.year, p.value);
    }
    return { values, metas: [] };
  }
  if (kind === "nbs") {
    const lp = await labourProductivitySeries({ source });
    const values = new Map<number, number>();
    for (const y of lp.years) {
      const v = y.official ?? y.computed;
      if (v !== null) values.set(y.year, v);
    }
    const metas = await Promise.all(lp.provenance.datasets.map((d) => source.getMeta(d.id)));
    return { values, metas: metas.filter((m): m is DatasetMeta => m !== undefined) };
  }
  const s = await requireSeries(source, PWT.dataset, { indicators: [PWT.output, PWT.employment] });
  const by = (code: string) =>
    new Map(
      s.observations
        .filter((o) => o.indicator === code && /^\d{4}$/.test(o.period))
        .map((o) => [Number(o.period), o.value]),
    );
  const output = by(PWT.output);
  const employment = by(PWT.employment);
  const values = new Map<number, number>();
  // rgdpna in millions of 2017 USD, emp in millions of persons: the ratio is USD per person
  for (const [year, y] of output) {
    const e = employment.get(year);
    if (y !== null && e !== null && e !== undefined && e > 0) values.set(year, y / e);
  }
  return { values, metas: [s.meta] };
}

async function indexSeries(kind: IndexSeries, source: DatasetSource, baseYear: number | undefined): Promise<Series> {
  if (kind === "published") {
    const values = new Map<number, number>();
    for (const id of PRODUCTIVITY_INDEX_PUBLISHED.index) {
      const p = requirePublished(id);
      if (typeof p.value === "number" && p.year !== null && p.year !== undefined) values.set(p.year, p.value);
    }
    return { values, metas: [] };
  }
  const f = await fusionIndex(source, { ...(baseYear !== undefined && { baseYear }) });
  const metas = await Promise.all(f.provenance.datasets.map((d) => source.getMeta(d.id)));
  return {
    values: new Map(f.years.map((y) => [y.year, y.index])),
    metas: metas.filter((m): m is DatasetMeta => m !== undefined),
  };
}

/**
 * An estimator's error that the common years explain (too few of them; a gap, which a lagged model
 * cannot bridge) as the reason it was not run; anything else is thrown on.
 */
function notRunOf(e: unknown): NotRun {
  if (
    e instanceof CoreError &&
    (e.code === "too_few_observations" ||
      (e.code === "invalid_argument" && e.params.reason === "years_not_consecutive"))
  )
    return { code: e.code, params: e.params };
  throw e;
}

/**
 * Labour productivity regressed on an integration index, and Granger causality between them
 * (全员劳动生产率与实数融合发展指数：回归与格兰杰检验).
 * @throws {DatasetNotFoundError} when a shipped series is not in the store; {CoreError} invalid_argument
 *   (e.g. a constant series), singular_matrix
 */
export async function productivityOnIndex(options: ProductivityIndexOptions): Promise<ProductivityIndexResult> {
  const index = options.index ?? "proxy";
  const productivity = options.productivity ?? (index === "published" ? "published" : "pwt");
  const lp = await productivitySeries(productivity, options.source);
  const ix = await indexSeries(index, options.source, options.baseYear);
  const points = [...lp.values.keys()]
    .filter((y) => ix.values.has(y))
    .filter((y) => (options.from === undefined || y >= options.from) && (options.to === undefined || y <= options.to))
    .sort((a, b) => a - b)
    .map((year) => ({ year, productivity: lp.values.get(year) as number, index: ix.values.get(year) as number }));
  const metas = [...new Map([...lp.metas, ...ix.metas].map((m) => [m.id, m])).values()];
  const frameId = `derived:productivity-${productivity}-index-${index}`;
  const meta: DatasetMeta = {
    id: frameId,
    kind: "time_series",
    titleZh: frameId,
    titleEn: frameId,
    region: "CN",
    years: points.map((p) => p.year),
    unit: "dimensionless",
    frequency: "annual",
    priceBasis: { kind: "not_applicable" },
    dimensions: { columns: 3, rows: points.length },
    provenance: {
      publisher: "shushi",
      originalSource: metas.map((m) => m.id).join(", ") || "published-values.json",
      licence: "derived",
      files: [],
      transformations: [],
      caveats: [],
    },
  };
  const input = {
    meta,
    frame: {
      file: frameId,
      columns: ["year", "productivity", "index"].map((name, j) => ({ name, column: j + 1 })),
      rows: points.map((p) => [String(p.year), String(p.productivity), String(p.index)]),
      rowNumbers: points.map((_, i) => i + 2),
    },
  };
  const context = { source: options.source, ...(options.clock !== undefined && { clock: options.clock }) };
  const diagnostics: Diagnostic[] = [];

  let regression: StatsOlsResult | null = null;
  let regressionNotRun: NotRun | null = null;
  if (points.length < 3)
    regressionNotRun = { code: "too_few_observations", params: { received: points.length, required: 3 } };
  else {
    try {
      regression = await statsOls(
        { input },
        {
          y: "productivity",
          x: ["index"],
          se: options.se ?? "classical",
          ...(options.nwLags !== undefined && { nwLags: options.nwLags }),
        },
        context,
      );
    } catch (e) {
      regressionNotRun = notRunOf(e);
    }
  }

  let granger: StatsGrangerResult | null = null;
  let grangerNotRun: NotRun | null = null;
  try {
    granger = await statsGranger(
      { input },
      {
        y: "productivity",
        x: "index",
        lags: options.lags ?? "auto",
        time: "year",
        criterion: options.criterion ?? "aic",
        transform: options.transform ?? "level",
        ...(options.maxLags !== undefined && { maxLags: options.maxLags }),
      },
      context,
    );
  } catch (e) {
    grangerNotRun = notRunOf(e);
  }

  // levels: say when a series has a unit root by ADF (constant, lag by AIC) — the spec's default
  // transform is levels, where the F test and the OLS errors may be spurious
  if ((options.transform ?? "level") === "level" && (regression !== null || granger !== null)) {
    for (const column of ["productivity", "index"]) {
      try {
        const adf = await statsAdf({ input }, { column, time: "year" }, context);
        if (adf.pValue > 0.05)
          diagnostics.push({
            code: "levels_unit_root",
            severity: "warning",
            params: { column, statistic: adf.statistic, pValue: adf.pValue },
          });
      } catch (e) {
        notRunOf(e); // too short for an ADF test: nothing to say about stationarity
      }
    }
  }

  const first = points[0];
  const last = points[points.length - 1];
  const endpointSlope =
    first !== undefined && last !== undefined && last.index !== first.index
      ? {
          from: first.year,
          to: last.year,
          value: (last.productivity - first.productivity) / (last.index - first.index),
        }
      : null;
  const slope = requirePublished(PRODUCTIVITY_INDEX_PUBLISHED.slope);
  return {
    productivity,
    index,
    productivityUnit: productivity === "pwt" ? "usd_2017_per_person" : "yuan_per_person",
    points,
    regression,
    regressionNotRun,
    granger,
    grangerNotRun,
    endpointSlope,
    published: {
      id: slope.id,
      value: slope.value as number,
      unit: slope.unit,
      citation: seedCitation(slope),
    },
    diagnostics,
    provenance: resultProvenance(
      metas,
      "productivity_on_index",
      {
        productivity,
        index,
        baseYear: index === "proxy" ? (options.baseYear ?? 2016) : null,
        se: options.se ?? "classical",
        lags: options.lags ?? "auto",
        criterion: options.criterion ?? "aic",
        transform: options.transform ?? "level",
        from: options.from ?? null,
        to: options.to ?? null,
        published: index === "published" || productivity === "published" ? PRODUCTIVITY_INDEX_PUBLISHED : null,
        pwt: productivity === "pwt" ? PWT : null,
      },
      options.clock,
    ),
  };
}
