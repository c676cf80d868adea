import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SHIPPED_FILES } from "../catalog.js";
import { importShippedDatasets } from "../store/build.js";
import { openStore, type Store } from "../store/duckdb.js";
import {
  HEADLINE_VINTAGES_DERIVATION,
  PROVINCIAL_GROSS_OUTPUT_DERIVATION,
  PWT_CHINA_DERIVATION,
  PWT_DROPPED_COLUMNS,
  PWT_VARIABLES,
  pwtChinaLong,
  runDerivation,
  timesTenThousand,
} from "./derive.js";
import { SHIPPED_SERIES } from "./shipped.js";

describe("shipped NBS GDP series", () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore(":memory:");
  });
  afterAll(async () => {
    await store.close();
  });

  it("imports the annual, quarterly and provincial series without issues", async () => {
    const r = await importShippedDatasets(store, {
      ids: ["cn-nbs-gdp-annual", "cn-nbs-gdp-quarterly", "cn-nbs-gdp-province"],
    });
    expect(r.failed).toEqual([]);
    expect(r.imported).toEqual(["cn-nbs-gdp-annual", "cn-nbs-gdp-quarterly", "cn-nbs-gdp-province"]);
  });

  it("reads 2023 GDP 1,260,582.1 亿元 and sums of the three industries equal GDP", async () => {
    const s = await store.loadSeries("cn-nbs-gdp-annual");
    expect(s.frequency).toBe("annual");
    const v = (ind: string, p: string) => s.observations.find((o) => o.indicator === ind && o.period === p)?.value;
    expect(v("国内生产总值(亿元)", "2023")).toBe(1260582.1);
    const parts = ["第一产业增加值(亿元)", "第二产业增加值(亿元)", "第三产业增加值(亿元)"].map(
      (i) => v(i, "2023") ?? 0,
    );
    expect(Math.abs(parts.reduce((a, b) => a + b, 0) - 1260582.1)).toBeLessThan(0.5);
    expect(s.indicators.find((i) => i.code === "人均国内生产总值(元)")?.unit).toBe("yuan_per_person");
  });

  it("reads quarter-end dates as quarters 1992Q1–2024Q3", async () => {
    const s = await store.loadSeries("cn-nbs-gdp-quarterly");
    expect(s.frequency).toBe("quarterly");
    expect(s.observations[0]?.period).toBe("1992Q1");
    expect(s.observations.at(-1)?.period).toBe("2024Q3");
    expect(s.observations).toHaveLength(131);
  });

  it("resolves the 31 provinces' full names to GB/T 2260 codes (Beijing 2022 = 41,610.9)", async () => {
    const s = await store.loadSeries("cn-nbs-gdp-province", { entities: ["110000"] });
    expect(s.entities).toHaveLength(31);
    expect(s.observations.find((o) => o.period === "2022")?.value).toBe(41610.9);
    expect(s.meta.dimensions).toMatchObject({ entities: 31, periods: 31 });
  });
});

// Headline figures with vintages (data/shipped/nbs-communique-2023-2024, MANIFEST §13) and provincial gross
// output (data/shipped/ipio-abumazan-provincial-totals, MANIFEST §6), and PWT 10.01 China
// (data/shipped/pwt1001-china, MANIFEST §4, tested below): long CSVs derived by committed scripts.
describe("shipped derived series: NBS/MIIT headline vintages and provincial gross output", () => {
  let store: Store;
  const IDS = ["cn-nbs-headline-vintages", "cn-ipio-provincial-gross-output"];
  beforeAll(async () => {
    store = await openStore(":memory:");
  });
  afterAll(async () => {
    await store.close();
  });

  it("keeps each derived file current with its byte copy and records both sha256 in the provenance", () => {
    for (const d of [HEADLINE_VINTAGES_DERIVATION, PROVINCIAL_GROSS_OUTPUT_DERIVATION, PWT_CHINA_DERIVATION]) {
      const r = runDerivation(d, { check: true });
      expect(r.current, `${d.output} is stale: run npx tsx ${d.script}`).toBe(true);
      const s = SHIPPED_SERIES.find((x) => x.file === d.output);
      expect(s?.derivedFrom?.script).toBe(d.script);
      expect(s?.derivedFrom?.files).toContain(d.source);
      const step = s?.provenance.transformations.find((t) => t.step === "derive_long_csv");
      expect(step?.by).toBe(d.script);
      expect(step?.params).toMatchObject({ sourceSha256: r.sourceSha256, outputSha256: r.outputSha256 });
      // the byte copy (not the derived file) is what SHA256SUMS and scripts/ship-data.ts list
      expect(SHIPPED_FILES).toContain(d.source);
      expect(SHIPPED_FILES).not.toContain(d.output);
    }
  });

  it("converts 万个 to 个 by an exact decimal shift", () => {
    expect(timesTenThousand("425.1")).toBe("4251000");
    expect(timesTenThousand("337.7")).toBe("3377000");
    expect(timesTenThousand("1265")).toBe("12650000");
    expect(timesTenThousand("0.0001")).toBe("1");
    expect(() => timesTenThousand("1.23456")).toThrow();
  });

  it("imports both without issues, with the derived file's sha256 in provenance.files", async () => {
    const r = await importShippedDatasets(store, { ids: IDS });
    expect(r.failed).toEqual([]);
    expect(r.imported).toEqual(IDS);
    const meta = await store.getMeta("cn-nbs-headline-vintages");
    expect(meta?.provenance.files[0]?.path).toBe(`data/shipped/${HEADLINE_VINTAGES_DERIVATION.output}`);
    expect(meta?.provenance.files[0]?.sha256).toBe(
      runDerivation(HEADLINE_VINTAGES_DERIVATION, { check: true }).outputSha256,
    );
    expect(meta?.provenance.publisher).toContain("国家统计局");
  });

  it("keeps the GDP vintages apart: 2023 preliminary 1,260,582 vs revised 1,294,271.7; 2024 preliminary vs final", async () => {
    const s = await store.loadSeries("cn-nbs-headline-vintages");
    // figures.csv has 69 rows; the 4 rows of confidence `inferred` are not published numbers
    expect(s.observations).toHaveLength(65);
    expect(s.meta.years[0]).toBe(2013);
    expect(s.meta.years.at(-1)).toBe(2025);
    const v = (ind: string, p: string) => s.observations.find((o) => o.indicator === ind && o.period === p)?.value;
    expect(v("国内生产总值(亿元)@preliminary", "2023")).toBe(1260582);
    expect(v("国内生产总值(亿元)@revised_5th_census", "2023")).toBe(1294271.7);
    expect(v("国内生产总值(亿元)@preliminary", "2024")).toBe(1349084);
    expect(v("国内生产总值(亿元)@final", "2024")).toBe(1348066);
    expect(v("国内生产总值(亿元)@revised_5th_census", "2013")).toBe(603660.4);
    expect(v("国内生产总值增长率（不变价）(%)@preliminary", "2023")).toBe(5.2);
    expect(v("国内生产总值增长率（不变价）(%)@revised_5th_census", "2023")).toBe(5.4);
    expect(v("国内生产总值增长率（不变价）(%)@preliminary", "2024")).toBe(5);
    expect(v("年末全国人口(万人)@final", "2024")).toBe(140828);
    expect(v("5G基站数（年末）(个)@final", "2024")).toBe(4251000);
    // no indicator without its vintage; no "inferred" row (e.g. the 2023 revision delta)
    expect(s.indicators.every((i) => /@(preliminary|revised_5th_census|final)$/.test(i.code))).toBe(true);
    expect(s.indicators.some((i) => i.code.startsWith("2023年GDP修订增加额"))).toBe(false);
    const unit = (code: string) => s.indicators.find((i) => i.code === code)?.unit;
    expect(unit("国内生产总值(亿元)@final")).toBe("cny_100m");
    expect(unit("国内生产总值增长率（不变价）(%)@preliminary")).toBe("percent");
    expect(unit("人均国内生产总值(元)@preliminary")).toBe("yuan_per_person");
    expect(unit("5G基站数（年末）(个)@final")).toBe("count");
    // spec §12.2 test: 4 251 000 base stations / 140 828 万人 = 30.19 per 10 000 people
    const per10k =
      ((v("5G基站数（年末）(个)@final", "2024") ?? 0) / ((v("年末全国人口(万人)@final", "2024") ?? 1) * 1e4)) * 1e4;
    expect(Math.abs(per10k - 30.186)).toBeLessThan(5e-4);
    // staging check (README): revised 2023 primary + secondary + tertiary = GDP
    const parts = ["第一产业增加值(亿元)", "第二产业增加值(亿元)", "第三产业增加值(亿元)"].map(
      (i) => v(`${i}@revised_5th_census`, "2023") ?? 0,
    );
    expect(Math.abs(parts.reduce((a, b) => a + b, 0) - 1294271.7)).toBeLessThan(0.05);
  });

  it("reads 31 provinces × (40 + 4 × 42) sectors = 6,448 observations of gross output in 亿元", async () => {
    const s = await store.loadSeries("cn-ipio-provincial-gross-output");
    expect(s.entities).toHaveLength(31);
    expect(s.entities.every((e) => /^\d{6}$/.test(e.code) && Number(e.code) < 700000)).toBe(true);
    expect(s.observations).toHaveLength(6448);
    expect(s.meta.years).toEqual([1997, 2002, 2007, 2012, 2017]);
    expect(s.meta.dimensions).toMatchObject({ entities: 31, indicators: 40 + 4 * 42 });
    expect(s.indicators.every((i) => i.unit === "cny_100m")).toBe(true);
    // first staged row: 1997, 北京, sector 1
    const v = (e: string, ind: string) => s.observations.find((o) => o.entity === e && o.indicator === ind)?.value;
    expect(v("110000", "io1997-01")).toBe(153.3359558722924);
    // MANIFEST §6: Σ 2017 = 2,377,192 亿元 (national IO gross output 2017: 2,257,734 亿元)
    const total2017 = s.observations.filter((o) => o.period === "2017").reduce((a, o) => a + o.value, 0);
    expect(Math.abs(total2017 - 2377192.33)).toBeLessThan(0.01);
    // sector-list evidence: 北京 leads ICT (2012 list 32, 2017 list 31); 广东 leads electronics (20)
    const leader = (ind: string) =>
      s.observations.filter((o) => o.indicator === ind).reduce((a, b) => (b.value > a.value ? b : a)).entity;
    expect(leader("io2012-32")).toBe("110000");
    expect(leader("io2017-31")).toBe("110000");
    expect(leader("io2017-20")).toBe("440000");
  });
});

// Penn World Table 10.01, China (data/shipped/pwt1001-china, MANIFEST §4): the numeric PWT variables under
// their PWT names, text and flag columns dropped.
describe("shipped derived series: Penn World Table 10.01, China", () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore(":memory:");
  });
  afterAll(async () => {
    await store.close();
  });

  it("drops text and flag columns, skips empty cells and refuses unknown columns or other countries", () => {
    const head = ["country", "isocode", "year", "currency", ...Object.keys(PWT_VARIABLES), "i_cig"];
    const row = (iso: string, year: string, rgdpna: string, flag: string) =>
      head
        .map((h) => (h === "isocode" ? iso : h === "year" ? year : h === "rgdpna" ? rgdpna : h === "i_cig" ? flag : ""))
        .join(",");
    const text = `${head.join(",")}\n${row("CHN", "2000", "123.5", "benchmark")}\n${row("CHN", "2001", "", "x")}\n`;
    expect(pwtChinaLong(text)).toBe("period,indicator,value,unit\n2000,rgdpna,123.5,usd_million\n");
    expect(() => pwtChinaLong(`${head.join(",")}\n${row("USA", "2000", "1", "")}\n`)).toThrow(/isocode USA/);
    expect(() => pwtChinaLong(`${head.join(",")},extra\n${row("CHN", "2000", "1", "")},\n`)).toThrow(/unknown column/);
    expect(() => pwtChinaLong(`${head.join(",")}\n${row("CHN", "2000", "n/a", "")}\n`)).toThrow(/rgdpna 2000/);
    expect(PWT_DROPPED_COLUMNS.some((c) => c in PWT_VARIABLES)).toBe(false);
  });

  it("imports 43 variables, 2,767 observations 1952–2019 under PWT's names and units", async () => {
    const r = await importShippedDatasets(store, { ids: ["pwt-1001-chn"] });
    expect(r.failed).toEqual([]);
    expect(r.imported).toEqual(["pwt-1001-chn"]);
    const s = await store.loadSeries("pwt-1001-chn");
    expect(s.frequency).toBe("annual");
    expect(s.observations).toHaveLength(2767);
    expect(s.meta.years[0]).toBe(1952);
    expect(s.meta.years.at(-1)).toBe(2019);
    expect(s.indicators.map((i) => i.code).sort()).toEqual(Object.keys(PWT_VARIABLES).sort());
    expect(s.indicators.some((i) => PWT_DROPPED_COLUMNS.includes(i.code))).toBe(false);
    const unit = (code: string) => s.indicators.find((i) => i.code === code)?.unit;
    expect(unit("rgdpna")).toBe("usd_million");
    expect(unit("rnna")).toBe("usd_million");
    expect(unit("rtfpna")).toBe("index");
    expect(unit("labsh")).toBe("ratio");
    expect(unit("csh_i")).toBe("ratio");
    expect(unit("emp")).toBe("dimensionless");
    const v = (ind: string, p: string) => s.observations.find((o) => o.indicator === ind && o.period === p)?.value;
    expect(v("rgdpna", "2019")).toBe(20572606);
    expect(v("rnna", "2019")).toBe(99608664);
    expect(v("emp", "2019")).toBe(798.807739257812);
    expect(v("labsh", "2019")).toBe(0.586252927780151);
    expect(v("delta", "1952")).toBe(0.0417728610336781);
    // 2017 is the base year of the constant-national-price indices
    expect(v("rtfpna", "2017")).toBe(1);
    expect(v("rkna", "2017")).toBe(1);
    // empty cells are no observation: rtfpna starts in 1956, avh in 1970; nothing for 1950–1951
    expect(s.observations.filter((o) => o.indicator === "rtfpna")).toHaveLength(64);
    expect(v("avh", "1969")).toBeUndefined();
    expect(s.observations.some((o) => o.period === "1950" || o.period === "1951")).toBe(false);
    const meta = await store.getMeta("pwt-1001-chn");
    expect(meta?.provenance.publisher).toContain("GGDC");
    expect(meta?.provenance.licence).toContain("CC BY 4.0");
    expect(meta?.provenance.upstream?.commit).toBe("957b298fd706a567af96ccb1663ad68d5e5d07ba");
    expect(meta?.provenance.files[0]?.sha256).toBe(runDerivation(PWT_CHINA_DERIVATION, { check: true }).outputSha256);
  });
});

// Spec §3.4 / §16 row 9: which of the printed growth rates the shipped data back, and the 技术性疲软 flags
// (W_t = 1 iff g_t < g_{t−1} < g_{t−2}) they give.
describe("row 9: GDP growth from the shipped NBS data", () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore(":memory:");
    await importShippedDatasets(store, { ids: ["cn-nbs-gdp-annual", "cn-nbs-headline-vintages"] });
  });
  afterAll(async () => {
    await store.close();
  });

  const weakYears = (years: readonly number[], g: readonly number[]) =>
    years.filter(
      (_, k) => k >= 2 && (g[k] as number) < (g[k - 1] as number) && (g[k - 1] as number) < (g[k - 2] as number),
    );
  const round1 = (x: number) => Math.round(x * 10) / 10;

  it("reproduces the §3.4 real growth 2012–2023 from the constant-price column and 2023–2024 first releases", async () => {
    const annual = await store.loadSeries("cn-nbs-gdp-annual");
    const heads = await store.loadSeries("cn-nbs-headline-vintages");
    const at = (s: typeof annual, ind: string, y: number) => {
      const o = s.observations.find((x) => x.indicator === ind && x.period === String(y));
      if (o === undefined) throw new Error(`${ind} ${y} missing`);
      return o.value;
    };
    const K = (y: number) => at(annual, "不变价国内生产总值(亿元)", y);
    const Y = (y: number) => at(annual, "国内生产总值(亿元)", y);
    // The constant-price column is spliced at NBS base years (2016 at 2015 prices, 2021 at 2020 prices):
    // across a splice, growth = K_t / Y_{t−1} (the base year's constant-price value is its current-price value).
    const SPLICED = new Set([2016, 2021]);
    const years = Array.from({ length: 12 }, (_, k) => 2012 + k);
    const real = years.map((y) => 100 * ((SPLICED.has(y) ? K(y) / Y(y - 1) : K(y) / K(y - 1)) - 1));
    // spec §3.4 (printed to one decimal)
    const SPEC_REAL = [7.9, 7.8, 7.4, 7.0, 6.8, 6.9, 6.7, 6.0, 2.2, 8.4, 3.0, 5.2, 5.0];
    expect(real.map(round1)).toEqual(SPEC_REAL.slice(0, 12));
    // without the splice link the column gives 21.97 % (2016) and 20.76 % (2021): never use it raw
    expect(100 * (K(2016) / K(2015) - 1)).toBeGreaterThan(20);
    // 2023 and 2024 first releases are data (figures.csv, vintage preliminary)
    const first2023 = at(heads, "国内生产总值增长率（不变价）(%)@preliminary", 2023);
    const first2024 = at(heads, "国内生产总值增长率（不变价）(%)@preliminary", 2024);
    expect([first2023, first2024]).toEqual([5.2, 5.0]);
    // flags: the computed 2012–2023 series + the 2024 first release give §3.4's W years
    expect(weakYears([...years, 2024], [...real, first2024])).toEqual([2014, 2015, 2016, 2019, 2020]);
    // … and so does the spec's printed series
    expect(weakYears([...years, 2024], SPEC_REAL)).toEqual([2014, 2015, 2016, 2019, 2020]);
  });

  it("computes §9.6 variant V1 nominal growth 2013–2024 and §3.4's flags from the shipped vintages", async () => {
    const annual = await store.loadSeries("cn-nbs-gdp-annual");
    const heads = await store.loadSeries("cn-nbs-headline-vintages");
    const Y = (y: number) =>
      annual.observations.find((o) => o.indicator === "国内生产总值(亿元)" && o.period === String(y))?.value ?? NaN;
    const H = (ind: string, y: number) =>
      heads.observations.find((o) => o.indicator === ind && o.period === String(y))?.value ?? NaN;
    // V1: 2013–2023 on the pre-revision annual series (its 2023 = the preliminary 1,260,582.1);
    // 2024 preliminary on the 5th-census revised 2023 base
    const years = Array.from({ length: 11 }, (_, k) => 2013 + k);
    const g = years.map((y) => 100 * (Y(y) / Y(y - 1) - 1));
    g.push(100 * (H("国内生产总值(亿元)@preliminary", 2024) / H("国内生产总值(亿元)@revised_5th_census", 2023) - 1));
    const SPEC_NOMINAL = [10.1, 8.53, 7.04, 8.35, 11.47, 10.49, 7.31, 2.74, 13.39, 4.83, 4.64, 4.23];
    expect(g.map((x) => Math.round(x * 100) / 100)).toEqual(SPEC_NOMINAL);
    expect(weakYears([...years, 2024], g)).toEqual([2015, 2019, 2020, 2023, 2024]);
  });
});
