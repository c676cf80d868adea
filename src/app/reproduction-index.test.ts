/**
 * Rows 5 and 9 of the reproduction table from the shipped store. Expected values: spec §2.1
 * [DERIVED] (ratio 4.1808, CAGR 12.6604 %, nominal-GDP CAGR 7.95 %, gap 4.71 pp) and spec §3.4
 * (technical-weakness years of NBS real growth 2012–2024 and nominal growth 2013–2024).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openShippedStore } from "../../test/helpers/real-app.js";
import { renderReproductionRow } from "../i18n/index.js";
import type { ReproductionRow } from "./reproduction.js";
import { reproduceIndexSeedFigures, reproductionTable } from "./reproduction-index.js";
import type { DataStore } from "./store.js";

let store: DataStore;
let close: () => Promise<void>;
let rows: ReproductionRow[];
beforeAll(async () => {
  ({ store, close } = await openShippedStore());
  rows = (await reproduceIndexSeedFigures(store.source)).rows;
});
afterAll(async () => close());

const row = (key: string): ReproductionRow => {
  const r = rows.find((x) => x.key === key);
  if (r === undefined) throw new Error(`no row ${key}`);
  return r;
};

describe("row 5: the index headline's arithmetic from the printed endpoints and NBS GDP", () => {
  it("increase 3.1808 times, CAGR 12.6604 %, 4.71 points above nominal GDP's 7.95 % (spec §2.1)", () => {
    expect(row("5-growth_multiple").computed).toBeCloseTo(4.1808 - 1, 4);
    expect(row("5-cagr").computed).toBeCloseTo(12.6604, 4);
    expect(row("5-cagr_gap").computed).toBeCloseTo(4.71, 2);
    const gap = row("5-cagr_gap").reason;
    expect(gap.code === "printed_endpoints" && gap.params.gdpCagr).toBeCloseTo(7.95, 2);
    for (const k of ["5-growth_multiple", "5-cagr", "5-cagr_gap"]) expect(row(k).status, k).toBe("reproduced");
    expect(row("5-cagr").published).toBe(12);
  });
});

describe("row 9: technical weakness against the seed's phases", () => {
  const weakYears = (key: string) => {
    const r = row(key).reason;
    return r.code === "weak_episode" ? r.params.weakYears : [];
  };

  it("real growth: weak in 2014–2016 and 2019–2020 (spec §3.4); the 2019–2020 phase matches, the 2023 phase does not", () => {
    expect(weakYears("9-real_gdp_growth-2019")).toEqual([2014, 2015, 2016, 2019, 2020]);
    expect(row("9-real_gdp_growth-2019").status).toBe("reproduced");
    expect(row("9-real_gdp_growth-2023").status).toBe("approximate");
  });

  it("nominal growth (V1): weak in 2015, 2019–2020 and 2023–2024 (spec §3.4); both phases match", () => {
    expect(weakYears("9-nominal_gdp_growth-2019")).toEqual([2015, 2019, 2020, 2023, 2024]);
    expect(row("9-nominal_gdp_growth-2019").status).toBe("reproduced");
    expect(row("9-nominal_gdp_growth-2023").status).toBe("reproduced");
  });

  it("every row renders in both languages with its citation", () => {
    for (const r of rows) {
      const out = renderReproductionRow(r, "en");
      expect(out.reason_zh.length).toBeGreaterThan(20);
      expect(out.reason_en.length).toBeGreaterThan(20);
      expect(r.citation.seed).toBe("000");
      expect(out.reason_en).not.toMatch(/undefined|NaN/);
    }
  });
});

describe("rows 6 and 8: the public-data proxy beside the printed values", () => {
  it("the proxy's crossing year and investment growth are shown as approximate, never as reproduced", () => {
    expect(row("6-crossing").status).toBe("approximate");
    expect(row("6-crossing").published).toBe(2016);
    expect(row("8-investment-2012-2018").status).toBe("approximate");
    expect(row("8-investment-2012-2018").published).toBe(1.29);
    // levels are shown beside the printed ones, never compared
    expect(row("4-total-2012").status).toBe("not_comparable");
    expect(row("4-total-2012").published).toBe(45.47);
    expect(row("7-consumption-2012").published).toBe(22.86);
  });
});

describe("the reproduction table", () => {
  it("holds the IO, index, productivity and tiers rows, ordered by spec row", async () => {
    const all = (await reproductionTable(store.source)).rows;
    const refs = all.map((r) => Number(r.ref));
    expect(refs).toEqual([...refs].sort((a, b) => a - b));
    expect(new Set(all.map((r) => r.ref))).toEqual(
      new Set([
        ...["4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17", "18"],
        ...["25", "27", "28", "29", "30", "31", "32", "33", "34", "35"],
      ]),
    );
  }, 120_000);
});
