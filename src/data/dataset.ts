/**
 * The dataset model: every dataset the system stores, whatever its kind, is described by one
 * `DatasetMeta` and carries one `Provenance`. Kinds cover what later modules need — IO tables,
 * time series, region × year panels, firm registries (millions of rows), text corpora, the
 * published reference values of the seeds, and classifications — so they plug in without reshaping.
 */
import type { Provenance } from "./provenance.js";

export type DatasetKind =
  | "io_table"
  | "time_series"
  | "panel"
  | "registry"
  | "text_corpus"
  | "published_reference"
  | "classification"
  | "concordance";

/** Units the system knows. Money is always tagged with its scale and currency. */
export type Unit =
  | "cny_yuan" // 元
  | "cny_10k" // 万元
  | "cny_100m" // 亿元
  | "cny_1t" // 万亿元
  | "usd_million" // million USD
  | "eur_million"
  | "eur_billion"
  | "persons"
  | "persons_10k" // 万人
  | "enterprises"
  | "enterprises_10k" // 万家
  | "yuan_per_person" // 元/人
  | "ratio" // a fraction, stored 0–1
  | "percent" // as printed (e.g. 43.8)
  | "index" // an index value (base stated in the dataset)
  | "count"
  | "dimensionless";

export const KNOWN_UNITS: readonly Unit[] = [
  "cny_yuan",
  "cny_10k",
  "cny_100m",
  "cny_1t",
  "usd_million",
  "eur_million",
  "eur_billion",
  "persons",
  "persons_10k",
  "enterprises",
  "enterprises_10k",
  "yuan_per_person",
  "ratio",
  "percent",
  "index",
  "count",
  "dimensionless",
];

/**
 * Currency amounts (货币金额): the only units an IO table's flows may carry — Z, final demand, output
 * and value added are money, so `percent`, `persons`, `index`, … are refused for IO tables.
 */
export const CURRENCY_UNITS: readonly Unit[] = [
  "cny_yuan",
  "cny_10k",
  "cny_100m",
  "cny_1t",
  "usd_million",
  "eur_million",
  "eur_billion",
];

/** Whether a unit is a currency amount (see {@link CURRENCY_UNITS}). */
export function isCurrencyUnit(unit: Unit): boolean {
  return CURRENCY_UNITS.includes(unit);
}

/** Aliases accepted in user files for declared units (lower-cased, trimmed). */
export const UNIT_ALIASES: Readonly<Record<string, Unit>> = {
  元: "cny_yuan",
  yuan: "cny_yuan",
  cny: "cny_yuan",
  万元: "cny_10k",
  "10k yuan": "cny_10k",
  "10,000 yuan": "cny_10k",
  亿元: "cny_100m",
  "100m yuan": "cny_100m",
  "100 million yuan": "cny_100m",
  万亿元: "cny_1t",
  "million usd": "usd_million",
  "usd million": "usd_million",
  "mill usd": "usd_million",
  百万美元: "usd_million",
  "元/人": "yuan_per_person",
  万人: "persons_10k",
  万家: "enterprises_10k",
  "million eur": "eur_million",
  "billion eur": "eur_billion",
};

/** Resolves a declared unit string (canonical id or alias); undefined when unknown. */
export function resolveUnit(text: string): Unit | undefined {
  const t = text.trim().toLowerCase();
  if ((KNOWN_UNITS as readonly string[]).includes(t)) return t as Unit;
  return UNIT_ALIASES[t] ?? UNIT_ALIASES[text.trim()];
}

export type PriceBasis =
  | { readonly kind: "current" } // 现价
  | { readonly kind: "constant"; readonly baseYear: number } // 不变价
  | { readonly kind: "not_applicable" };

/** A classification system and version that codes in a dataset belong to. */
export interface ClassificationRef {
  /** e.g. "nbs-io-42-2012", "nbs-io-42-2017", "nbs-io-153-2018", "oecd-iot-2021", "wiod-2013", "gbt4754-2017", "nbs-de-2021" */
  readonly system: string;
  readonly version: string;
}

/** For IO tables: how imports are treated. */
export type ImportTreatment = "competitive" | "non_competitive";

export interface DatasetMeta {
  /** stable id, e.g. `cn-nbs-io-2015-42`, `cn-oecd-iot-2018`, `wiod-2011`, `published-seeds` */
  readonly id: string;
  readonly kind: DatasetKind;
  readonly titleZh: string;
  readonly titleEn: string;
  /** region code: `CN`, a GB/T 2260 province code, `WORLD`, or user-defined */
  readonly region: string;
  /** calendar years covered (one for a table, a range for series) */
  readonly years: readonly number[];
  /** named dimensions and their sizes, e.g. { sectors: 42, finalDemand: 5 } */
  readonly dimensions: Readonly<Record<string, number>>;
  readonly classification?: ClassificationRef;
  readonly unit: Unit;
  readonly priceBasis: PriceBasis;
  /** io_table only */
  readonly importTreatment?: ImportTreatment;
  /** time_series and panel only: annual, quarterly or monthly */
  readonly frequency?: "annual" | "quarterly" | "monthly";
  readonly provenance: Provenance;
}
