/**
 * The composite-index use cases on indicator tables (files and the shipped store). Known answers:
 * spec §12.4 (min–max entropy example), §3.4 (technical-weakness flags of NBS real and nominal GDP
 * growth). Numerical agreement with numpy on random panels: test/cli/index-weights-numpy.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAllClose } from "../../test/helpers/close.js";
import { openShippedStore } from "../../test/helpers/real-app.js";
import { CoreError } from "../core/index.js";
import { DataIssuesError } from "../data/index.js";
import { indexCycle, indexTopsis, indexWeights } from "./composite-index.js";
import { readIndicatorInput } from "./indicator-input.js";
import type { DataStore } from "./store.js";
import { fixedClock } from "./test-fixtures.js";

const csv = (lines: readonly string[]) => new TextEncoder().encode(`${lines.join("\n")}\n`);
const input = async (lines: readonly string[], file = "ind.csv") => ({
  input: await readIndicatorInput(csv(lines), { file }),
});

// spec §12.4, min–max variant: 3 regions × 5 indicators, all benefit
const SPEC_12_4 = ["entity,a,b,c,d,e", "R1,80,100,50,60,10", "R2,82,100,50,85,40", "R3,78,100,50,95,90"];

describe("indexWeights", () => {
  it("reproduces spec §12.4's min–max entropy example (w, e; constant indicators named, weight 0)", async () => {
    const r = await indexWeights(await input(SPEC_12_4), { method: "entropy" }, { clock: fixedClock });
    // printed to 6 decimals
    expectAllClose(
      r.weights.map((w) => w.weight),
      [0.331449, 0, 0, 0.300836, 0.367715],
      { atol: 5e-7 },
    );
    expectAllClose(
      r.weights.map((w) => w.entropy ?? Number.NaN),
      [0.57938, 1, 1, 0.618228, 0.533357],
      { atol: 5e-7 },
    );
    expect(r.diagnostics.filter((d) => d.code === "constant_indicator").map((d) => d.params["name"])).toEqual([
      "b",
      "c",
    ]);
    expect(r.observations).toBe(3);
    expect(r.years).toBe(null);
    expect(r.provenance.method).toBe("index_weights");
    expect(r.provenance.parameters).toMatchObject({ method: "entropy", variant: "minmax", shift: 0, missing: "error" });
    // with shift 0.0001 (spec §12.4)
    const shifted = await indexWeights(await input(SPEC_12_4), { method: "entropy", shift: 0.0001 });
    expectAllClose(
      shifted.weights.map((w) => w.weight),
      [0.331442, 0, 0, 0.30085, 0.367708],
      { atol: 5e-7 },
    );
  });

  it("reads a panel per year (goalposts within each year) and one year alone", async () => {
    const panel = await input([
      "entity,year,a,b",
      ...["R1,2020,1,5", "R2,2020,2,4", "R3,2020,4,1"],
      ...["R1,2021,10,50", "R2,2021,20,40", "R3,2021,40,10"],
    ]);
    const both = await indexWeights(panel, { method: "entropy" });
    const one = await indexWeights(panel, { method: "entropy", year: 2020 });
    // each year's min–max scores are the same, so pooling the two years changes nothing
    expectAllClose(
      both.weights.map((w) => w.weight),
      one.weights.map((w) => w.weight),
      { atol: 1e-15 },
    );
    expect(both.years).toEqual([2020, 2021]);
    expect(one.observations).toBe(3);
    await expect(indexWeights(panel, { method: "entropy", year: 2019 })).rejects.toBeInstanceOf(CoreError);
  });

  it("refuses missing cells with a located missing_value issue (no silent imputation)", async () => {
    const err = await indexWeights(await input(["entity,a,b", "R1,1,2", "R2,,3", "R3,4,-"]), {
      method: "critic",
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataIssuesError);
    expect((err as DataIssuesError).issues.map((i) => [i.code, i.path.row, i.path.column, i.params["column"]])).toEqual(
      [
        ["missing_value", 3, 2, "a"],
        ["missing_value", 4, 3, "b"],
      ],
    );
  });

  it("refuses directions naming an unknown indicator, and one row", async () => {
    await expect(
      indexWeights(await input(SPEC_12_4), { method: "entropy", directions: { z: -1 } }),
    ).rejects.toMatchObject({
      code: "invalid_argument",
    });
    await expect(indexWeights(await input(["entity,a,b", "R1,1,2"]), { method: "entropy" })).rejects.toMatchObject({
      code: "too_few_observations",
    });
  });
});

describe("indexTopsis", () => {
  it("ranks within each year: two identical years give the same closeness and ranks", async () => {
    const rows = ["R1,3,30", "R2,1,10", "R3,2,25"];
    const r = await indexTopsis(
      await input([
        "entity,year,a,cost",
        ...rows.map((x) => x.replace(",", ",2020,")),
        ...rows.map((x) => x.replace(",", ",2021,")),
      ]),
      { weights: "equal", directions: { cost: -1 } },
    );
    const byYear = (y: number) => r.scores.filter((s) => s.year === y);
    expect(byYear(2020).map((s) => s.closeness)).toEqual(byYear(2021).map((s) => s.closeness));
    expect(
      byYear(2020)
        .map((s) => s.rank)
        .sort(),
    ).toEqual([1, 2, 3]);
    for (const s of r.scores) expect(s.closeness).toBeGreaterThanOrEqual(0);
    expect(r.weights.map((w) => w.direction)).toEqual([1, -1]);
  });
});

describe("indexCycle", () => {
  // spec §3.4: NBS real GDP growth (first release), 2012–2024
  const REAL = [7.9, 7.8, 7.4, 7.0, 6.8, 6.9, 6.7, 6.0, 2.2, 8.4, 3.0, 5.2, 5.0];

  it("flags technical weakness from growth rates exactly as spec §3.4 (real GDP: 2014–16, 2019–20; exits 2017, 2021)", async () => {
    const r = await indexCycle(await input(["entity,year,g", ...REAL.map((g, t) => `CN,${2012 + t},${g}`)]), {
      column: "g",
      growth: true,
    });
    expect(r.years.filter((y) => y.weak === 1).map((y) => y.year)).toEqual([2014, 2015, 2016, 2019, 2020]);
    expect(r.years.slice(0, 2).map((y) => y.weak)).toEqual([null, null]);
    expect(r.episodes).toEqual([
      { start: 2014, end: 2016, exitYear: 2017 },
      { start: 2019, end: 2020, exitYear: 2021 },
    ]);
  });

  it("keeps a missing year as a gap (growth and flags null), never filled", async () => {
    const r = await indexCycle(await input(["entity,year,x", "A,2010,100", "A,2011,110", "A,2013,120", "A,2014,121"]), {
      column: "x",
    });
    expect(r.years.map((y) => [y.year, y.value, y.growth === null ? null : Math.round(y.growth * 1e6) / 1e6])).toEqual([
      [2010, 100, null],
      [2011, 110, 10],
      [2012, null, null],
      [2013, 120, null],
      [2014, 121, 0.833333],
    ]);
  });

  it("asks for the entity when the table has several, and names the columns when one is unknown", async () => {
    const t = await input(["entity,year,x", "A,2010,1", "B,2010,2"]);
    await expect(indexCycle(t, { column: "x" })).rejects.toMatchObject({
      code: "invalid_argument",
      params: { option: "entity" },
    });
    await expect(indexCycle(t, { column: "y", entity: "A" })).rejects.toMatchObject({
      params: { option: "column", expected: ["x"] },
    });
  });
});

describe("on the shipped store", () => {
  let store: DataStore;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ store, close } = await openShippedStore());
  });
  afterAll(async () => close());

  it("nominal GDP (cn-nbs-gdp-annual), window from 2012 as the seed's: the growth of spec §3.4 to 2 decimals and its flags 2015, 2019, 2020, 2023", async () => {
    const r = await indexCycle(
      { datasetId: "cn-nbs-gdp-annual" },
      { column: "国内生产总值(亿元)", from: 2012 },
      { source: store.source },
    );
    // spec §3.4: nominal GDP growth 2013–2023 (2024 needs the 2024 communique, not in this dataset)
    const printed = [10.1, 8.53, 7.04, 8.35, 11.47, 10.49, 7.31, 2.74, 13.39, 4.83, 4.64];
    const got = r.years.filter((y) => y.year >= 2013 && y.year <= 2023);
    expectAllClose(
      got.map((y) => y.growth ?? Number.NaN),
      printed,
      { atol: 0.005 },
    );
    expect(r.years.filter((y) => y.year >= 2013 && y.weak === 1).map((y) => y.year)).toEqual([2015, 2019, 2020, 2023]);
    expect(r.provenance.datasets[0]?.id).toBe("cn-nbs-gdp-annual");
    // the whole series from 1952: growth also fell in 2012 and 2013, so 2013 and 2014 are weak too
    const all = await indexCycle(
      { datasetId: "cn-nbs-gdp-annual" },
      { column: "国内生产总值(亿元)" },
      { source: store.source },
    );
    expect(all.years.filter((y) => y.year >= 2013 && y.weak === 1).map((y) => y.year)).toEqual([
      2013, 2014, 2015, 2019, 2020, 2023,
    ]);
  });

  it("warns when growth is taken of the constant-price column across its price-base changes", async () => {
    const r = await indexCycle(
      { datasetId: "cn-nbs-gdp-annual" },
      { column: "不变价国内生产总值(亿元)", from: 2012 },
      { source: store.source },
    );
    expect(r.diagnostics).toEqual([
      {
        code: "rebased_constant_prices",
        severity: "warning",
        params: { column: "不变价国内生产总值(亿元)", years: [2016, 2021] },
      },
    ]);
    // the spurious jump the warning is about
    expect(r.years.find((y) => y.year === 2016)?.growth).toBeGreaterThan(20);
    const nominal = await indexCycle(
      { datasetId: "cn-nbs-gdp-annual" },
      { column: "国内生产总值(亿元)" },
      { source: store.source },
    );
    expect(nominal.diagnostics).toEqual([]);
  });

  it("weights the provincial GDP panel (one indicator: weight 1)", async () => {
    const r = await indexWeights(
      { datasetId: "cn-nbs-gdp-province" },
      { method: "equal", year: 2020 },
      { source: store.source },
    );
    expect(r.weights.map((w) => w.weight)).toEqual([1]);
    expect(r.entities).toBe(31);
  });
});
