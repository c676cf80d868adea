/**
 * Dataset caveats (数据集注意事项) as codes with params: what a reader should know beside every
 * number of a shipped dataset. The text of each code, in zh-CN and en, is in src/i18n (family
 * `data`); the data layer carries no prose.
 */

/** Params of each caveat code (`{}` = none). */
export interface CaveatParams {
  /** an NBS extension table (延长表), not a benchmark survey table */
  readonly nbs_extension_table: { readonly year: number };
  /** unit 万元, current producers' prices */
  readonly nbs_unit_cny_10k_current: Record<never, never>;
  /** IO-table value added is benchmarked separately from the annual GDP series */
  readonly nbs_value_added_not_gdp: Record<never, never>;
  /** the 2002-vintage 42-sector list, not the canonical 2012 list; no crosswalk */
  readonly nbs_list_2002_no_crosswalk: Record<never, never>;
  /** the 2005 extension table has no THC/TC/GCF/TFU total columns */
  readonly nbs_2005_final_demand_columns: { readonly columns: readonly string[] };
  /** the old (GB/T 4754-2002) 41-sector list; no crosswalk */
  readonly nbs_list_41_no_crosswalk: Record<never, never>;
  /** the 2012-vintage 42-sector list is the canonical list */
  readonly nbs_list_2012_canonical: Record<never, never>;
  /** non-competitive layout read as Z = Domestic + Imports, Zdomestic kept */
  readonly nbs_noncompetitive_read_as_total: Record<never, never>;
  /** the Domestic rows' final use is kept as the domestic final demand (flows "domestic") */
  readonly nbs_domestic_final_use_kept: Record<never, never>;
  /**
   * canonical-42 conversion of a 2017-vintage table: the merged sector 22 split into S22 and S23 by the
   * cell shares of the detailed table of the same year (ADR 0012)
   */
  readonly nbs_s22_s23_split_by_detailed_shares: { readonly detailedTable: string; readonly year: number };
  /** a detailed product table aggregated to the canonical 42 sectors by the committed concordance */
  readonly nbs_detailed_aggregated_to_42: { readonly sectors: number; readonly concordance: string };
  /** whether this non-competitive table is an NBS publication could not be confirmed */
  readonly nbs_noncompetitive_origin_unconfirmed: Record<never, never>;
  /** the 2017-vintage 42-sector list and its conversion to the canonical list */
  readonly nbs_list_2017_vintage: Record<never, never>;
  /** no 2012 42-sector table upstream, only the 139-sector one */
  readonly nbs_no_2012_42_table: Record<never, never>;
  readonly oecd_total_flows_basic_prices: { readonly firstYear: number; readonly lastYear: number };
  readonly oecd_impo_negative: Record<never, never>;
  readonly oecd_taxes_in_value_added: Record<never, never>;
  readonly oecd_zero_output_industry: { readonly code: string };
  readonly oecd_names_unofficial: Record<never, never>;
  readonly wiod_labels_inferred: { readonly outputUsdTrillion: number };
  readonly wiod_integer_rounding: { readonly maxRowGap: number; readonly relativeTolerance: number };
  readonly wiod_no_value_added: { readonly zeroOutputSectors: number };
  readonly wiod_names_english_only: Record<never, never>;
  /**
   * a constant-price column is in the prices of successive base years (NBS rebases in years ending in
   * 0 and 5): the first year after a base year is in that base year's prices, the years before in the
   * previous base's, so the ratio of consecutive values jumps there (params: column, rebasedYears)
   */
  readonly constant_prices_rebased: { readonly column: string; readonly rebasedYears: readonly number[] };
}

export type CaveatCode = keyof CaveatParams;

/** One caveat: its code and params. */
export type DatasetCaveat = {
  readonly [K in CaveatCode]: keyof CaveatParams[K] extends never
    ? { readonly code: K; readonly params?: CaveatParams[K] }
    : { readonly code: K; readonly params: CaveatParams[K] };
}[CaveatCode];

/** Builds a caveat (typed by its code). */
export function caveat<K extends CaveatCode>(
  code: K,
  ...params: keyof CaveatParams[K] extends never ? [] : [CaveatParams[K]]
): DatasetCaveat {
  return (params.length === 0 ? { code } : { code, params: params[0] }) as DatasetCaveat;
}
