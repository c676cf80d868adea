/**
 * Shipped time series and panels (内置时间序列与面板): NBS GDP series staged in
 * shared/data/raw/nbs-macro-fisheryounggod (MANIFEST §5), byte copies under `data/shipped/`
 * (PROVENANCE.md §4). `buildStore` imports them beside the IO tables.
 */
import type { PriceBasis, Unit } from "../dataset.js";
import type { Provenance } from "../provenance.js";
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
];
