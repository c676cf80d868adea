/**
 * The real–digital integration index on public data (实数融合发展指数的公开数据近似, spec §2; seed 000
 * §二(一)1, 图2). CAICT builds its index from the demand side — digital final consumption, digital
 * investment output, digital net exports — from data it does not publish. The public analogue here
 * takes those components from the final-demand columns of the digital products in China's annual OECD
 * input–output tables (1995–2018, USD million, current prices): consumption = HFCE + NPISH + GGFC,
 * investment = GFCF, net exports = EXPO − imports, of the digital products D (the `digital` group:
 * OECD 17 computer/electronics, 34 telecommunications, 35 IT services). The comparison index is the
 * tables' total value added (GDP at basic prices, same currency and prices), normalised the same way.
 *
 * Normalisation (spec §2.3): base-year index I_t = 100·X_t/X_b, base 2016 by default [INFERRED in the
 * spec from the seed's crossing statement]; sub-indices additive (they sum to the total). Statistics:
 * CAGR over windows, growth multiple, the first year the index crosses the GDP index from below. The
 * published CAICT values (rows 4–8) are returned beside it as an overlay, never mixed in.
 */
import {
  cagrOver,
  type Diagnostic,
  firstCrossingYear,
  fusionDecomposition,
  growthMultiple,
  matrix,
  percentagePointGap,
} from "../core/index.js";
import { type DatasetMeta, publishedForRef } from "../data/index.js";
import type { DatasetSource } from "./dataset-source.js";
import { resolveGroup } from "./groups.js";
import { type Clock, type ResultProvenance, resultProvenance } from "./provenance.js";

/** The demand components (spec §2.2), in the order of the result's `components`. */
export const FUSION_COMPONENTS = ["consumption", "investment", "net_exports"] as const;
export type FusionComponent = (typeof FUSION_COMPONENTS)[number];

const CONSUMPTION = ["HFCE", "NPISH", "GGFC"];
const INVESTMENT = ["GFCF"];
const EXPORTS = ["EXPO"];

export interface FusionIndexOptions {
  /** base year b (I_b = 100) @default 2016 */
  readonly baseYear?: number;
  /** `additive` (sub-indices sum to the total) or `self_based` (each component = 100 in b) @default "additive" */
  readonly decomposition?: "additive" | "self_based";
  readonly clock?: Clock;
}

export interface FusionYear {
  readonly year: number;
  readonly table: string;
  /** component levels, USD million */
  readonly consumption: number;
  readonly investment: number;
  readonly netExports: number;
  readonly total: number;
  /** total value added of the table, USD million */
  readonly gdp: number;
  /** the integration index and its sub-indices (base year = 100) */
  readonly index: number;
  readonly consumptionIndex: number;
  readonly investmentIndex: number;
  readonly netExportsIndex: number;
  /** total value added normalised the same way */
  readonly gdpIndex: number;
}

export interface FusionIndexResult {
  readonly baseYear: number;
  readonly decomposition: "additive" | "self_based";
  /** the digital product codes used in each table */
  readonly digitalCodes: readonly string[];
  readonly years: readonly FusionYear[];
  readonly stats: {
    /** CAGR (%) of the index and of the GDP index over each window, and the gap in points */
    readonly windows: readonly {
      readonly from: number;
      readonly to: number;
      readonly indexCagr: number;
      readonly gdpCagr: number;
      readonly gapPoints: number;
      readonly consumptionCagr: number | null;
      readonly investmentCagr: number | null;
    }[];
    /** I_last / I_first and the increase (增长倍数) */
    readonly growthMultiple: {
      readonly from: number;
      readonly to: number;
      readonly ratio: number;
      readonly increase: number;
    };
    /** first year the index reaches the GDP index from below, or null */
    readonly crossingYear: number | null;
  };
  /** CAICT's published values (rows 4–8), drawn beside the proxy, not comparable in level */
  readonly published: readonly {
    readonly id: string;
    readonly ref: number;
    readonly quantityZh: string;
    readonly quantityEn: string;
    readonly year: number | null;
    readonly value: number | null;
    readonly unit: string;
  }[];
  readonly diagnostics: readonly Diagnostic[];
  readonly provenance: ResultProvenance;
}

/**
 * The public-data integration index (实数融合发展指数：公开数据近似) from the OECD tables in the store.
 * @throws {CoreError} invalid_argument (year_not_found for a base year outside 1995–2018;
 *   non_positive_base: a component ≤ 0 in the base year under self_based, e.g. net exports)
 */
export async function fusionIndex(source: DatasetSource, options: FusionIndexOptions = {}): Promise<FusionIndexResult> {
  const metas = (await source.listDatasets())
    .filter((m) => m.kind === "io_table" && /^cn-oecd-iot-\d{4}$/.test(m.id))
    .sort((a, b) => (a.years[0] ?? 0) - (b.years[0] ?? 0));
  const rows: { year: number; table: string; c: number; i: number; x: number; gdp: number }[] = [];
  const usedMetas: DatasetMeta[] = [];
  let digitalCodes: readonly string[] = [];
  for (const meta of metas) {
    const { table } = await source.loadIoTable(meta.id);
    const group = resolveGroup(table, meta, "digital");
    digitalCodes = group.codes;
    const fd = table.finalDemand;
    const col = (codes: readonly string[]) => codes.map((c) => table.finalDemandCodes.indexOf(c)).filter((j) => j >= 0);
    const sum = (cols: readonly number[]) => {
      let s = 0;
      for (const i of group.indices) for (const j of cols) s += fd.data[i * fd.cols + j] as number;
      return s;
    };
    let imports = 0;
    for (const i of group.indices) imports += table.imports?.[i] ?? 0;
    let va = 0;
    for (const row of table.valueAdded ?? []) for (const v of row.values) va += v;
    rows.push({
      year: meta.years[0] as number,
      table: meta.id,
      c: sum(col(CONSUMPTION)),
      i: sum(col(INVESTMENT)),
      x: sum(col(EXPORTS)) - imports,
      gdp: va,
    });
    usedMetas.push(meta);
  }
  const years = rows.map((r) => r.year);
  const baseYear = options.baseYear ?? 2016;
  const decomposition = options.decomposition ?? "additive";
  const X = matrix(rows.length, 3);
  rows.forEach((r, t) => {
    X.data[t * 3] = r.c;
    X.data[t * 3 + 1] = r.i;
    X.data[t * 3 + 2] = r.x;
  });
  const d = fusionDecomposition(X, years, baseYear, { decomposition });
  const g = fusionDecomposition(
    matrix(
      rows.length,
      1,
      Float64Array.from(rows, (r) => r.gdp),
    ),
    years,
    baseYear,
  );
  const first = years[0] as number;
  const last = years[years.length - 1] as number;
  const component = (k: number) => Array.from({ length: rows.length }, (_, t) => d.components[t * 3 + k] as number);
  const windows = [
    [first, last],
    [2012, last],
    [first, 2011],
  ]
    .filter(([a, b]) => years.includes(a as number) && years.includes(b as number) && (a as number) < (b as number))
    .map(([a, b]) => {
      const from = a as number;
      const to = b as number;
      const indexCagr = cagrOver(d.total, years, from, to);
      const gdpCagr = cagrOver(g.total, years, from, to);
      const safe = (v: number[]) => {
        const t0 = years.indexOf(from);
        const t1 = years.indexOf(to);
        return (v[t0] as number) > 0 && (v[t1] as number) >= 0 ? cagrOver(v, years, from, to) : null;
      };
      return {
        from,
        to,
        indexCagr,
        gdpCagr,
        gapPoints: percentagePointGap(indexCagr, gdpCagr),
        consumptionCagr: safe(component(0)),
        investmentCagr: safe(component(1)),
      };
    });
  const multiple = growthMultiple(d.total[0] as number, d.total[rows.length - 1] as number);
  const published = [4, 5, 6, 7, 8].flatMap((ref) =>
    publishedForRef(ref).map((v) => ({
      id: v.id,
      ref,
      quantityZh: v.quantity_zh,
      quantityEn: v.quantity_en,
      year: v.year,
      value: v.value,
      unit: v.unit,
    })),
  );
  return {
    baseYear,
    decomposition,
    digitalCodes,
    years: rows.map((r, t) => ({
      year: r.year,
      table: r.table,
      consumption: r.c,
      investment: r.i,
      netExports: r.x,
      total: r.c + r.i + r.x,
      gdp: r.gdp,
      index: d.total[t] as number,
      consumptionIndex: d.components[t * 3] as number,
      investmentIndex: d.components[t * 3 + 1] as number,
      netExportsIndex: d.components[t * 3 + 2] as number,
      gdpIndex: g.total[t] as number,
    })),
    stats: {
      windows,
      growthMultiple: { from: first, to: last, ratio: multiple.ratio, increase: multiple.increase },
      crossingYear: firstCrossingYear(d.total, g.total, years),
    },
    published,
    diagnostics: [],
    provenance: resultProvenance(
      usedMetas,
      "fusion_index_public_proxy",
      {
        baseYear,
        decomposition,
        digitalGroup: "digital",
        digitalCodes,
        components: {
          consumption: CONSUMPTION,
          investment: INVESTMENT,
          netExports: [...EXPORTS, "minus imports"],
        },
        gdp: "total value added of each table (basic prices, USD million)",
        prices: "current",
      },
      options.clock,
    ),
  };
}
