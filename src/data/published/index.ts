/**
 * Published reference values (公布参考值): every number of the methods-spec reference table (§16,
 * rows 1–43) as printed in the five seed documents, with citation (seed, section, figure), unit,
 * printed string and reproducibility class. Pure data access over `data/published/published-values.json`;
 * see `data/published/README.md` for the schema and the transcription rules.
 */
import dataset from "../../../data/published/published-values.json" with { type: "json" };

/** Seed document id (shared/seeds/NNN_*.txt). */
export type SeedId = "000" | "001" | "002" | "003" | "004";

/**
 * How far a printed value can be reproduced (spec §16 legend): `exact` to the printed precision from
 * seed arithmetic or public data; `approx` the method is reproducible but the number depends on
 * unpublished data/choices; `no` proprietary data only; `structural` a framework, not a number;
 * `descriptive` a fact cited, no method behind it.
 */
export type Reproducibility = "exact" | "approx" | "no" | "structural" | "descriptive";

/** The spec module a value belongs to (spec §2–§12 module names). */
export type PublishedModule =
  | "policytext"
  | "index"
  | "cycle"
  | "productivity"
  | "io"
  | "tiers"
  | "core"
  | "descale"
  | "costbenefit"
  | "capital"
  | "forecast"
  | "regional";

/** How the printed number qualifies the quantity (约, 近, 超过/突破, 小于, 大于, a range end, 有望). */
export type PublishedQualifier =
  | "about"
  | "nearly"
  | "over"
  | "less_than"
  | "greater_than"
  | "range_lower"
  | "range_upper"
  | "projected";

/** One printed number (or one printed membership list) of a seed document. */
export interface PublishedValue {
  /** stable id, e.g. `s000-io-influence-2015` */
  readonly id: string;
  /** row of the spec §16 reference table (1–43) */
  readonly ref: number;
  readonly seed: SeedId;
  /** short title of the seed document */
  readonly seed_title: string;
  /** section of the seed, e.g. `§二(二)1` (seed 003: the expert's name) */
  readonly section: string;
  /** figure, e.g. `图5`, or null */
  readonly figure: string | null;
  /** printed page, null when unknown */
  readonly page: number | null;
  readonly quantity_zh: string;
  readonly quantity_en: string;
  /** the year the value refers to (end year for period values), null when not year-bound */
  readonly year: number | null;
  /** the value as printed (signed where the text prints a fall in words); null for lists and structures */
  readonly value: number | null;
  /** unit id, e.g. `%`, `pp`, `coefficient`, `trillion_cny`, `10k_enterprises`, `sectors` */
  readonly unit: string;
  /** the number exactly as printed (for lists: the printed names joined) */
  readonly printed: string;
  /** decimals printed (null for lists and words) */
  readonly decimals: number | null;
  readonly reproducibility: Reproducibility;
  readonly module: PublishedModule;
  /** the project's notes: derivations, inconsistencies, label issues */
  readonly notes: string | null;
  readonly qualifier?: PublishedQualifier | null;
  /** [from, to] years for period values (to = null: "until now") */
  readonly period?: readonly [number, number | null];
  /** a short locator string, found verbatim (whitespace removed) in the seed, that contains `printed` */
  readonly anchor?: string;
  /** membership lists: canonical sector ids (S01…S42) in printed order */
  readonly members?: readonly string[];
  /** membership lists: the printed sector names, in printed order */
  readonly member_names_zh?: readonly string[];
  /** membership lists: members the seed does not name but counts (inferred, spec §1.2) */
  readonly members_inferred?: readonly string[];
}

/** A seed document as cited. */
export interface PublishedDocument {
  readonly seed: SeedId;
  /** file name under shared/seeds/ */
  readonly file: string;
  readonly title_zh: string;
  readonly title_en: string;
  readonly publisher: string;
  readonly date: string | null;
  /** sha256 of the seed text file the values were verified against */
  readonly sha256: string;
}

/** The whole published dataset. */
export interface PublishedDataset {
  readonly schema: string;
  readonly description_en: string;
  readonly description_zh: string;
  readonly provenance: {
    readonly publisher: string;
    readonly documents: readonly PublishedDocument[];
    readonly transcribed_by: string;
    readonly reference_table: string;
    readonly licence: string;
  };
  readonly values: readonly PublishedValue[];
}

const DATA = dataset as unknown as PublishedDataset;
const BY_ID: ReadonlyMap<string, PublishedValue> = new Map(DATA.values.map((v) => [v.id, v]));

/**
 * The published reference dataset (公布参考值数据集).
 *
 * @returns `{schema, description_en, description_zh, provenance: {publisher, documents, …}, values}`
 * @example
 * loadPublishedDataset().provenance.documents.length; // => 5
 */
export function loadPublishedDataset(): PublishedDataset {
  return DATA;
}

/**
 * Every published value, in spec §16 row order.
 *
 * @returns the values (shared, read-only)
 * @example
 * loadPublishedValues().filter((v) => v.ref === 14).map((v) => v.printed); // => ["1.04", "1.18", "1"]
 */
export function loadPublishedValues(): readonly PublishedValue[] {
  return DATA.values;
}

/**
 * One published value by id.
 *
 * @param id - e.g. `s000-io-influence-2015`
 * @returns the value, or undefined for an unknown id
 * @example
 * publishedById("s000-io-influence-2015")?.value; // => 1.04
 */
export function publishedById(id: string): PublishedValue | undefined {
  return BY_ID.get(id);
}

/**
 * A published value the caller cannot do without (a reproduction row, a printed list).
 * @throws Error when the id is not in data/published (a broken installation, not a user error)
 */
export function requirePublished(id: string): PublishedValue {
  const v = BY_ID.get(id);
  if (v === undefined) throw new Error(`published value ${id} missing from data/published`);
  return v;
}

/**
 * The published values of one module (e.g. `io`: spec §16 rows 13–14).
 *
 * @param module - a {@link PublishedModule}
 * @returns the values of that module in dataset order
 * @example
 * publishedFor("io").map((v) => v.id).includes("s000-io-sensitivity-2012"); // => true
 */
export function publishedFor(module: PublishedModule): readonly PublishedValue[] {
  return DATA.values.filter((v) => v.module === module);
}

/**
 * The published values of one spec §16 row.
 *
 * @param ref - row number 1–43
 * @returns the values of that row in dataset order (empty for an unknown row)
 */
export function publishedForRef(ref: number): readonly PublishedValue[] {
  return DATA.values.filter((v) => v.ref === ref);
}

/** Where a published value was printed, as data (the edges render it: src/i18n `citationText`). */
export interface SeedCitation {
  readonly seed: SeedId;
  /** short Chinese title of the seed document */
  readonly titleZh: string;
  /** English title of the document (the Chinese title when the dataset has none) */
  readonly titleEn: string;
  /** publisher as recorded in the published dataset (a trailing parenthesis is dropped when shown) */
  readonly publisher: string;
  /** section and figure, e.g. `§二(二)1 图5` */
  readonly where: string;
}

/**
 * The citation of a published value.
 *
 * @param v - a value of the published dataset
 * @returns seed, titles, publisher and place in the document
 */
export function seedCitation(v: PublishedValue): SeedCitation {
  const doc = DATA.provenance.documents.find((d) => d.seed === v.seed);
  return {
    seed: v.seed,
    titleZh: v.seed_title,
    titleEn: doc?.title_en ?? v.seed_title,
    publisher: doc?.publisher ?? "",
    where: [v.section, v.figure].filter((s) => s !== null && s !== "").join(" "),
  };
}
