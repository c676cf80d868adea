/**
 * Shipped time series and panels (内置时间序列与面板): NBS GDP series staged in
 * shared/data/raw/nbs-macro-fisheryounggod (MANIFEST §5), byte copies under `data/shipped/`
 * (PROVENANCE.md §4); NBS/MIIT headline figures with their vintages (MANIFEST §13, PROVENANCE.md §6) and
 * provincial gross output by IO sector (MANIFEST §6, PROVENANCE.md §7) and Penn World Table 10.01 for China
 * (MANIFEST §4, PROVENANCE.md §8), each read from a long CSV derived by a committed script from its byte copy
 * (src/data/series/derive.ts). `buildStore` imports them beside the IO tables.
 */
import { caveat } from "../caveats.js";
import type { PriceBasis, Unit } from "../dataset.js";
import type { Provenance } from "../provenance.js";
import { PWT_DROPPED_COLUMNS, PWT_VARIABLES } from "./derive.js";
import type { Frequency } from "./periods.js";
import type { SeriesKind, SeriesLayout } from "./read.js";

export interface ShippedSeries {
  readonly id: string;
  readonly kind: SeriesKind;
  /** path relative to `data/shipped/` */
  readonly file: string;
  readonly layout: SeriesLayout;
  readonly frequency: Frequency;
  readonly titleZh: string;
  readonly titleEn: string;
  readonly region: string;
  readonly priceBasis: PriceBasis;
  /** wide_entities: the indicator */
  readonly indicator?: string;
  readonly unit?: Unit;
  readonly units?: Readonly<Record<string, Unit>>;
  readonly provenance: Omit<Provenance, "files">;
  /**
   * When `file` is derived by a committed script (not a byte copy): the script (repo-relative) and the
   * byte copies of staged files it reads or ships with (relative to `data/shipped/`). Those copies, not
   * `file`, are listed in SHA256SUMS and copied by scripts/ship-data.ts; `file`'s sha256 is recorded
   * in the provenance step `derive_long_csv`.
   */
  readonly derivedFrom?: { readonly script: string; readonly files: readonly string[] };
}

const FISHER = "fisheryounggod/gitdata";
const common = {
  publisher: "National Bureau of Statistics of China (国家统计局)",
  licence: "no licence file upstream; the statistics are NBS releases (data.stats.gov.cn) — cite NBS",
  caveats: [],
} as const;

/** The shipped series, in a stable order. */
export const SHIPPED_SERIES: readonly ShippedSeries[] = [
  {
    id: "cn-nbs-gdp-annual",
    kind: "time_series",
    file: "nbs-macro-fisheryounggod/china_gdp_year.csv",
    layout: "wide",
    frequency: "annual",
    titleZh: "中国国内生产总值年度数据（1952—2023）",
    titleEn: "China GDP, annual (1952–2023)",
    region: "CN",
    priceBasis: { kind: "current" },
    units: { "人均国内生产总值(元)": "yuan_per_person" },
    provenance: {
      ...common,
      // the first years in a new base's prices (1978–: 1980, 1990, 2000, 2005, 2010, 2015, 2020 prices),
      // found where consecutive values jump (15–113 %) and checked: there the value over the previous
      // year's current-price GDP is NBS's published growth (1981 5.1, 2001 8.3, 2011 9.5, 2016 6.8, 2021 8.4);
      // 1986 and 1996 did not change base (consecutive ratios 8.9 %, 9.9 % are the published growth)
      caveats: [
        caveat("constant_prices_rebased", {
          column: "不变价国内生产总值(亿元)",
          rebasedYears: [1981, 1991, 2001, 2006, 2011, 2016, 2021],
        }),
      ],
      originalSource: "NBS annual national accounts: GDP, GNI, value added by industry, GDP per capita",
      upstream: {
        repository: FISHER,
        file: "csv/china_gdp_year.csv",
        commit: "848f710c02690bc3845f7fc652b2f79b72bd8de6",
      },
      transformations: [],
    },
  },
  {
    id: "cn-nbs-gdp-quarterly",
    kind: "time_series",
    file: "nbs-macro-fisheryounggod/china_gdp_quarterly.csv",
    layout: "wide",
    frequency: "quarterly",
    titleZh: "中国国内生产总值季度数据（1992年一季度—2024年三季度）",
    titleEn: "China GDP, quarterly (1992Q1–2024Q3)",
    region: "CN",
    priceBasis: { kind: "current" },
    unit: "cny_100m",
    provenance: {
      ...common,
      originalSource: "NBS quarterly national accounts: nominal GDP by quarter (亿元)",
      upstream: {
        repository: FISHER,
        file: "china/gdp/gdp_qr.csv",
        commit: "047ff86c49e91ad1bf8429ef5f689da055cf1488",
      },
      transformations: [],
    },
  },
  {
    id: "cn-nbs-gdp-province",
    kind: "panel",
    file: "nbs-macro-fisheryounggod/china_gdp_province_1992_2022.csv",
    layout: "wide_entities",
    frequency: "annual",
    titleZh: "各省地区生产总值（1992—2022）",
    titleEn: "Gross regional product by province (1992–2022)",
    region: "CN",
    priceBasis: { kind: "current" },
    indicator: "地区生产总值(亿元)",
    provenance: {
      ...common,
      originalSource: "NBS regional accounts: nominal gross regional product by province (亿元)",
      upstream: {
        repository: FISHER,
        file: "dta/c/china_gdp_prinvince.dta",
        commit: "65f9cc92ffe7ce27f9227674e8eac49727d7f146",
      },
      transformations: [
        {
          step: "format_conversion_dta_to_csv",
          by: "upstream-staging",
          params: { tool: "R haven", note: "Stata 13+ file read with haven; empty 2023 row dropped" },
        },
      ],
    },
  },
  {
    id: "cn-nbs-headline-vintages",
    kind: "time_series",
    file: "nbs-communique-2023-2024/headline_vintages_long.csv",
    layout: "long",
    frequency: "annual",
    titleZh: "国家统计局、工业和信息化部主要指标公布值（分数据版本，2013—2025）",
    titleEn: "NBS/MIIT headline figures by release vintage (2013–2025)",
    region: "CN",
    priceBasis: { kind: "current" },
    derivedFrom: {
      script: "data/shipped/nbs-communique-2023-2024/derive.ts",
      files: ["nbs-communique-2023-2024/figures.csv", "nbs-communique-2023-2024/README.md"],
    },
    provenance: {
      publisher:
        "National Bureau of Statistics of China (国家统计局); Ministry of Industry and Information Technology (工业和信息化部)",
      originalSource:
        "NBS GDP releases and statistical communiques 2023–2025, NBS revision after the 5th national economic census " +
        "(2024-12-26), NBS 2024 final verification (2025-12-26), NBS database, MIIT communications statistics — " +
        "transcribed with one quote per source (figures.csv columns source_1/quote_1/source_2/quote_2)",
      licence:
        "official statistics of NBS/MIIT (facts; PRC Copyright Law Art. 5) — cite NBS/MIIT; numbers and short quotes only",
      transformations: [
        {
          step: "transcription_at_staging",
          by: "upstream-staging",
          params: {
            file: "figures.csv",
            rows: 69,
            confidence: { confirmed: 60, single: 5, inferred: 4 },
            note: "published numbers copied from news reposts of NBS/MIIT releases and GitHub copies; URL, date and quote per row",
          },
        },
        {
          step: "derive_long_csv",
          by: "data/shipped/nbs-communique-2023-2024/derive.ts",
          params: {
            source: "figures.csv",
            sourceSha256: "26ce447d79650e251367a75d11f42215b294d8d9fd23c22a68e922793d6470d7",
            output: "headline_vintages_long.csv",
            outputSha256: "382eaf48d823b41df43c3198b1b0a06ebc4071c58b6be78026e8abed6ac078b7",
            indicator:
              "<indicator_zh>(<unit>)@<vintage>; vintages preliminary | revised_5th_census | final, never merged",
            dropped: {
              confidence: "inferred",
              ids: ["gdp_2023_revision_delta", "lp_2024", "va_ict_2019_oldvintage", "bs_mobile_2023"],
            },
            units: { 万个: "个 (×10 000, exact decimal shift)", "元 (人均国内生产总值)": "元/人", "%": "percent" },
            priceBasis:
              "levels at current prices; 国内生产总值增长率（不变价） and 全员劳动生产率 at constant prices (base changes in 2021)",
          },
        },
      ],
      caveats: [],
    },
  },
  {
    id: "cn-ipio-provincial-gross-output",
    kind: "panel",
    file: "ipio-abumazan-provincial-totals/provincial_gross_output_long.csv",
    layout: "long",
    frequency: "annual",
    titleZh: "各省分部门总产出（省级投入产出表，1997—2017 逢2、7年份）",
    titleEn: "Gross output by province and IO sector (provincial IO tables, 1997–2017 benchmark years)",
    region: "CN",
    priceBasis: { kind: "current" },
    derivedFrom: {
      script: "data/shipped/ipio-abumazan-provincial-totals/derive.ts",
      files: ["ipio-abumazan-provincial-totals/provincial_sector_totals_1997_2017.csv"],
    },
    provenance: {
      publisher:
        "Provincial statistical bureaus' input–output tables (省级投入产出表), as compiled by the IPIO database authors",
      originalSource:
        "Interprovincial input–output database distinguishing firm ownership in China, 1997–2017: provincial " +
        "gross output by IO sector (ProIOT_Totals.mat, the `total` vector of the MRIO construction)",
      upstream: {
        repository: "abumazan/Interprovincial-IO-database",
        file: "calibrated benchmark IPIO table/5. Convert MRIO to IRIO/ProIOT_Totals.mat",
        commit: "faac95e58cc2fa5eba3124a66b436647c70726ae",
      },
      licence:
        "no licence file upstream; the statistics are provincial IO tables — cite the database authors and the provincial bureaus",
      transformations: [
        {
          step: "format_conversion_mat_to_csv",
          by: "upstream-staging",
          params: {
            tool: "SciPy loadmat",
            layout: "year, province_index, province_assumed, sector_index, value",
            provinceOrder: "assumed standard NBS order 北京 … 新疆 (inferred at staging)",
            meaning: "gross output by province × IO sector (inferred at staging from the repository's MATLAB code)",
          },
        },
        {
          step: "derive_long_csv",
          by: "data/shipped/ipio-abumazan-provincial-totals/derive.ts",
          params: {
            source: "provincial_sector_totals_1997_2017.csv",
            sourceSha256: "12f2e99be152e704a36f8d9d9e293c180f9719d786674bcaedaf0c0a708687d2",
            output: "provincial_gross_output_long.csv",
            outputSha256: "b356e985edf8ca97dde8cd58045c74cd2515a39991ad4755fd37ae01a0252b2d",
            entity: "GB/T 2260 code of province_assumed (data/shipped/regions/gbt2260-provinces.csv)",
            indicator:
              "io<year>-<nn>: sector nn of that year's list — 1997 40 sectors; 2002, 2007 an older 42 list; 2012 the " +
              "2012 42 list (ICT = 32, canonical S01…S42); 2017 the 2017 42 list (ICT = 31, as china_2017_42.csv)",
            sectorListEvidence:
              "北京 has the largest output in 32 in 2012 and in 31 in 2017 (信息传输、软件和信息技术服务 of the two lists)",
            unit: "亿元 (Σ 2017 = 2 377 192 vs national IO gross output 2017 = 2 257 734 亿元 from china_2017_42.csv)",
            values: "unchanged (strings as staged)",
          },
        },
      ],
      caveats: [],
    },
  },
  {
    id: "pwt-1001-chn",
    kind: "time_series",
    file: "pwt1001-china/pwt1001_china_long.csv",
    layout: "long",
    frequency: "annual",
    titleZh: "佩恩世界表 10.01：中国（1952—2019）",
    titleEn: "Penn World Table 10.01: China (1952–2019)",
    region: "CN",
    // the series used for growth accounting (rgdpna, rnna, rkna, rtfpna, rconna, rdana) are at constant
    // 2017 national prices; the others are mixed — see the derive_long_csv step's `priceBasis`
    priceBasis: { kind: "constant", baseYear: 2017 },
    derivedFrom: {
      script: "data/shipped/pwt1001-china/derive.ts",
      files: ["pwt1001-china/pwt1001_china.csv"],
    },
    provenance: {
      publisher: "Groningen Growth and Development Centre (GGDC), University of Groningen — Penn World Table",
      originalSource:
        "Penn World Table version 10.01 (www.ggdc.net/pwt), rows of isocode CHN, all variables; as distributed " +
        "in the R package pwt10 10.01-0 (data/pwt10.01.rda)",
      upstream: {
        repository: "cran/pwt10",
        file: "data/pwt10.01.rda",
        commit: "957b298fd706a567af96ccb1663ad68d5e5d07ba",
      },
      licence:
        "CC BY 4.0 (PWT data © GGDC) — cite Feenstra, Robert C., Robert Inklaar and Marcel P. Timmer (2015), " +
        '"The Next Generation of the Penn World Table", American Economic Review 105(10), 3150–3182, ' +
        "www.ggdc.net/pwt (R package pwt10: GPL-2 | GPL-3)",
      transformations: [
        {
          step: "format_conversion_rda_to_csv",
          by: "upstream-staging",
          params: {
            tool: "R",
            rows: 'isocode == "CHN" (70 rows, 1950–2019)',
            columns: "all 52 columns, in the package's order",
          },
        },
        {
          step: "derive_long_csv",
          by: "data/shipped/pwt1001-china/derive.ts",
          params: {
            source: "pwt1001_china.csv",
            sourceSha256: "301771b2bd4a79e3c23a878fdd0819cd6fc0497c52cca17cc9a7fbadb19cc7d2",
            output: "pwt1001_china_long.csv",
            outputSha256: "a296c85ff6c12be179466d41c6a660048493bdf5e4856b4a1f7f809050b62b62",
            indicator:
              "PWT's variable name (rgdpna, rnna, rkna, emp, hc, avh, labsh, delta, rtfpna, ctfp, pop, csh_i, …)",
            dropped: {
              columns: [...PWT_DROPPED_COLUMNS],
              reason: "identifiers and text; the i_* flags say as text how a value was obtained",
            },
            emptyCells:
              "no observation (1950–1951 are empty; most variables start in 1952, ck/ctfp/cwtfp/rkna/rtfpna/rwtfpna/pl_k in 1956, avh in 1970)",
            values: "unchanged (strings as staged)",
            observations: 2767,
            units: "per variable (usd_million, index, ratio); dimensionless keeps PWT's scale — see variables",
            variables: Object.fromEntries(
              Object.entries(PWT_VARIABLES).map(([code, [unit, pwtUnit, en, zh]]) => [code, { unit, pwtUnit, en, zh }]),
            ),
            priceBasis:
              "mixed: r*na (rgdpna, rconna, rdana, rnna, rkna, rtfpna, rwtfpna) at constant 2017 national prices; " +
              "rgdpe, rgdpo at chained PPPs in 2017 USD; c* (ccon, cda, cgdpe, cgdpo, cn, ck, ctfp, cwtfp) and csh_* " +
              "at current PPPs; labsh at current national prices; pl_* price levels (PPP/XR, USA = 1); pop, emp, avh, " +
              "hc, xr, irr, delta, statcap, cor_exp no price basis",
          },
        },
      ],
      caveats: [],
    },
  },
];
