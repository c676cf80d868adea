/**
 * The catalogue of shipped datasets (内置数据集目录): every IO table committed under `data/shipped/`,
 * with its description and provenance as recorded in shared/data/raw/MANIFEST.md (§1–3). File hashes
 * are not written here: they are computed from the bytes when the store is built (edge) and recorded
 * in each dataset's provenance; `data/shipped/SHA256SUMS` holds the committed values.
 */
import { caveat, type DatasetCaveat } from "./caveats.js";
import type { ClassificationRef, ImportTreatment, PriceBasis, Unit } from "./dataset.js";
import type { Provenance, SourceFile, TransformationStep } from "./provenance.js";

/** Which reader parses a shipped dataset. */
export type ShippedReader = "nbs" | "oecd" | "wiod";

export interface ShippedDataset {
  /** `cn-nbs-io-<year>-<sectors>`, `cn-oecd-iot-<year>`, `wiod-2011` */
  readonly id: string;
  readonly reader: ShippedReader;
  /** layout id the reader reports */
  readonly layout: string;
  /** paths relative to `data/shipped/`; WIOD: inter, final, output, industries (in that order) */
  readonly files: readonly string[];
  readonly titleZh: string;
  readonly titleEn: string;
  readonly year: number;
  readonly sectors: number;
  readonly region: string;
  readonly unit: Unit;
  readonly priceBasis: PriceBasis;
  /** import treatment of the source layout (non-competitive sources are read into Z = Z_dom + Z_imp plus Zdomestic) */
  readonly importTreatment: ImportTreatment;
  readonly classification: ClassificationRef;
  /** code-list vintage when the table converts to the canonical 42 sectors (`toCanonical42`) */
  readonly canonicalVintage?: "2012" | "2017";
  /** provenance without `files` (added with their sha256 at build time, see {@link shippedProvenance}) */
  readonly provenance: Omit<Provenance, "files">;
}

const NBS_COMMIT = "fa9d0423dac4b642a7697ba49ea82877f9935c9c";
const OECD_COMMIT = "4cd952a71c465d1a27a306c645fa8f7a44832a0a";
const WIOD_COMMIT = "50ce59b3f57c2cedfb25af44f72d7620f496edf3";

const RDA_TO_CSV: TransformationStep = {
  step: "format_conversion_rda_to_csv",
  by: "upstream-staging",
  params: {
    tool: "R 4.2 write.csv",
    significantDigits: 15,
    rowNames: false,
    na: "",
    note: "binary R container re-serialised as CSV; no value edited, rounded or re-ordered",
  },
};

const NBS_COMMON_CAVEATS: readonly DatasetCaveat[] = [
  caveat("nbs_unit_cny_10k_current"),
  caveat("nbs_value_added_not_gdp"),
];

interface NbsSpec {
  readonly year: number;
  readonly sectors: number;
  readonly extension?: boolean;
  readonly nonCompetitive?: boolean;
  readonly classification: ClassificationRef;
  readonly caveats?: readonly DatasetCaveat[];
}

const NBS_SPECS: readonly NbsSpec[] = [
  {
    year: 2005,
    sectors: 42,
    extension: true,
    classification: { system: "nbs-io-42-2002", version: "2005" },
    caveats: [
      caveat("nbs_list_2002_no_crosswalk"),
      caveat("nbs_2005_final_demand_columns", { columns: ["FU101", "FU102", "FU103", "FU201", "FU202", "EX"] }),
    ],
  },
  {
    year: 2010,
    sectors: 41,
    extension: true,
    classification: { system: "nbs-io-41-2007", version: "2010" },
    caveats: [caveat("nbs_list_41_no_crosswalk")],
  },
  {
    year: 2015,
    sectors: 42,
    extension: true,
    classification: { system: "nbs-io-42-2012", version: "2015" },
    caveats: [caveat("nbs_list_2012_canonical")],
  },
  ...[2017, 2018, 2020].map(
    (year): NbsSpec => ({
      year,
      sectors: 42,
      nonCompetitive: true,
      classification: { system: "nbs-io-42-2017", version: String(year) },
      caveats: [
        caveat("nbs_noncompetitive_read_as_total"),
        caveat("nbs_domestic_final_use_kept"),
        caveat("nbs_noncompetitive_origin_unconfirmed"),
        caveat("nbs_list_2017_vintage"),
      ],
    }),
  ),
  {
    year: 2012,
    sectors: 139,
    classification: { system: "nbs-io-139-2012", version: "2012" },
    caveats: [caveat("nbs_no_2012_42_table")],
  },
  { year: 2017, sectors: 149, classification: { system: "nbs-io-149-2017", version: "2017" } },
  { year: 2018, sectors: 153, classification: { system: "nbs-io-153-2018", version: "2018" } },
  { year: 2020, sectors: 153, classification: { system: "nbs-io-153-2018", version: "2020" } },
];

function nbsDataset(s: NbsSpec): ShippedDataset {
  const file = `china_${s.year}_${s.sectors}`;
  const kindZh = s.extension === true ? "投入产出延长表" : "投入产出表";
  const kindEn = s.extension === true ? "input-output extension table" : "input-output table";
  const layoutZh = s.nonCompetitive === true ? "，非竞争型进口" : "";
  const layoutEn = s.nonCompetitive === true ? ", non-competitive imports" : "";
  return {
    id: `cn-nbs-io-${s.year}-${s.sectors}`,
    reader: "nbs",
    layout:
      s.nonCompetitive === true
        ? "nbs_noncompetitive_42"
        : s.sectors <= 42
          ? "nbs_competitive_42"
          : "nbs_competitive_detailed",
    files: [`ionet-nbs-io/${file}.csv`],
    titleZh: `中国${s.year}年${kindZh}（${s.sectors}部门${layoutZh}）`,
    titleEn: `China ${kindEn} ${s.year} (${s.sectors} sectors${layoutEn})`,
    year: s.year,
    sectors: s.sectors,
    region: "CN",
    unit: "cny_10k",
    priceBasis: { kind: "current" },
    importTreatment: s.nonCompetitive === true ? "non_competitive" : "competitive",
    classification: s.classification,
    ...(s.sectors === 42 && s.year >= 2017 ? { canonicalVintage: "2017" as const } : {}),
    ...(s.classification.system === "nbs-io-42-2012" ? { canonicalVintage: "2012" as const } : {}),
    provenance: {
      publisher: "National Bureau of Statistics of China (国家统计局)",
      originalSource: `NBS China ${kindEn}, ${s.year}, ${s.sectors} product sectors${s.extension === true ? " (extension table 延长表)" : ""}`,
      upstream: { repository: "Carol-seven/ionet", file: `data/${file}.rda`, commit: NBS_COMMIT },
      licence: "GPL (>= 3) (R package ionet; an early commit carried MIT); the statistics belong to NBS — cite NBS",
      transformations: [RDA_TO_CSV],
      caveats: [
        ...(s.extension === true ? [caveat("nbs_extension_table", { year: s.year })] : []),
        ...NBS_COMMON_CAVEATS,
        ...(s.caveats ?? []),
      ],
    },
  };
}

function oecdDataset(year: number): ShippedDataset {
  return {
    id: `cn-oecd-iot-${year}`,
    reader: "oecd",
    layout: "oecd_iot_2021",
    files: [`ionet-oecd-iot-chn/oecd_iot2021_chn_${year}.csv`],
    titleZh: `OECD投入产出表（2021年版）中国 ${year}年`,
    titleEn: `OECD Input-Output Table (2021 ed.), China ${year}`,
    year,
    sectors: 45,
    region: "CN",
    unit: "usd_million",
    priceBasis: { kind: "current" },
    importTreatment: "competitive",
    classification: { system: "oecd-iot-2021", version: "2021" },
    provenance: {
      publisher: "OECD",
      originalSource: "OECD Input-Output Tables (IOTs), 2021 edition, China",
      upstream: { repository: "Carol-seven/ionet", file: "data/OECD21ed_CHN_1995to2018.rda", commit: OECD_COMMIT },
      licence: "GPL (>= 3) (R package ionet); data © OECD — cite OECD Input-Output Tables 2021 edition",
      transformations: [
        { ...RDA_TO_CSV, params: { ...RDA_TO_CSV.params, split: "list of 24 data.frames → one CSV per year" } },
      ],
      caveats: [
        caveat("oecd_total_flows_basic_prices", { firstYear: 1995, lastYear: 2018 }),
        caveat("oecd_impo_negative"),
        caveat("oecd_taxes_in_value_added"),
        caveat("oecd_zero_output_industry", { code: "45" }),
        caveat("oecd_names_unofficial"),
      ],
    },
  };
}

const WIOD: ShippedDataset = {
  id: "wiod-2011",
  reader: "wiod",
  layout: "wiod_2013",
  files: [
    "wiod2013-bquast/wiot_2011_inter.csv",
    "wiod2013-bquast/wiot_2011_final.csv",
    "wiod2013-bquast/wiot_2011_output.csv",
    "wiod2013-bquast/wiot_industries_35.csv",
  ],
  titleZh: "世界投入产出表（WIOD 2013年版）2011年",
  titleEn: "World Input-Output Table (WIOD 2013 release), 2011",
  year: 2011,
  sectors: 1435,
  region: "WORLD",
  unit: "usd_million",
  priceBasis: { kind: "current" },
  importTreatment: "competitive",
  classification: { system: "wiod-2013", version: "2013" },
  provenance: {
    publisher: "WIOD consortium (Timmer et al. 2015)",
    originalSource: "World Input-Output Database, 2013 release, world input-output table 2011",
    upstream: { repository: "bquast/wiod", file: "data/wiot_2011.RData", commit: WIOD_COMMIT },
    licence: "GPL-3 (R package wiod); data © WIOD consortium — cite Timmer et al. (2015)",
    transformations: [
      RDA_TO_CSV,
      {
        step: "labels_added_at_staging",
        by: "upstream-staging",
        params: {
          rows: "<ISO3>_c<k>, country-major order (41 countries × 35 industries)",
          finalDemand: "<ISO3>_<CONS_h|CONS_np|CONS_g|GFCF|INVEN>",
          inferred: true,
        },
      },
    ],
    caveats: [
      caveat("wiod_labels_inferred", { outputUsdTrillion: 22.27 }),
      caveat("wiod_integer_rounding", { maxRowGap: 108, relativeTolerance: 1e-4 }),
      caveat("wiod_no_value_added", { zeroOutputSectors: 22 }),
      caveat("wiod_names_english_only"),
    ],
  },
};

/** Every shipped dataset, in a stable order (NBS, OECD 1995–2018, WIOD). */
export const SHIPPED_DATASETS: readonly ShippedDataset[] = [
  ...NBS_SPECS.map(nbsDataset),
  ...Array.from({ length: 24 }, (_, k) => oecdDataset(1995 + k)),
  WIOD,
];

/** Every shipped file, relative to `data/shipped/` (used by scripts/ship-data.ts). */
export const SHIPPED_FILES: readonly string[] = [
  ...SHIPPED_DATASETS.flatMap((d) => d.files),
  ...SHIPPED_SERIES_LIST.flatMap((d) => d.derivedFrom?.files ?? [d.file]),
];

/** Shipped time series and panels (NBS GDP), imported by buildStore beside the IO tables. */
export { SHIPPED_SERIES, type ShippedSeries } from "./series/shipped.js";

import { SHIPPED_SERIES as SHIPPED_SERIES_LIST } from "./series/shipped.js";

/** The catalogue entry of a shipped dataset, or undefined. */
export function shippedDataset(id: string): ShippedDataset | undefined {
  return SHIPPED_DATASETS.find((d) => d.id === id);
}

/** The full provenance of a shipped dataset once its files' hashes are known. */
export function shippedProvenance(dataset: ShippedDataset, files: readonly SourceFile[]): Provenance {
  return { ...dataset.provenance, files: [...files] };
}
