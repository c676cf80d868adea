/**
 * The public-data integration index on the shipped OECD tables (spec §2). The arithmetic (base-year
 * index, decompositions, CAGR, crossing) has known answers in src/core/composite; here: the
 * components come from the tables' final demand of the digital products, the invariants of spec §2.4
 * hold on real data, and the published CAICT values are returned beside the proxy, never in it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openShippedStore } from "../../test/helpers/real-app.js";
import { fusionIndex } from "./fusion-index.js";
import type { DataStore } from "./store.js";

let store: DataStore;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ store, close } = await openShippedStore());
});
afterAll(async () => close());

describe("fusionIndex (OECD tables 1995–2018)", () => {
  it("takes each component from the digital products' final demand of the table", async () => {
    const r = await fusionIndex(store.source);
    expect(r.years.map((y) => y.year)).toEqual(Array.from({ length: 24 }, (_, t) => 1995 + t));
    expect(r.digitalCodes).toEqual(["17", "34", "35"]);
    // one table checked by hand: 2018, the rows of 17, 34, 35 in HFCE+NPISH+GGFC, GFCF, EXPO − imports
    const { table } = await store.source.loadIoTable("cn-oecd-iot-2018");
    const fd = table.finalDemand;
    const at = (code: string, category: string) =>
      fd.data[
        table.sectors.findIndex((s) => s.code === code) * fd.cols + table.finalDemandCodes.indexOf(category)
      ] as number;
    const imports = (code: string) => table.imports?.[table.sectors.findIndex((s) => s.code === code)] as number;
    const y2018 = r.years.find((y) => y.year === 2018);
    let consumption = 0;
    let investment = 0;
    let net = 0;
    for (const c of ["17", "34", "35"]) {
      consumption += at(c, "HFCE") + at(c, "NPISH") + at(c, "GGFC");
      investment += at(c, "GFCF");
      net += at(c, "EXPO") - imports(c);
    }
    expect(y2018?.consumption).toBeCloseTo(consumption, 6);
    expect(y2018?.investment).toBeCloseTo(investment, 6);
    expect(y2018?.netExports).toBeCloseTo(net, 6);
  });

  it("spec §2.4 invariants: 100 in the base year, additive sub-indices sum to the index, CAGR of the index = CAGR of the levels", async () => {
    const r = await fusionIndex(store.source, { baseYear: 2012 });
    const b = r.years.find((y) => y.year === 2012);
    expect(b?.index).toBeCloseTo(100, 12);
    expect(b?.gdpIndex).toBeCloseTo(100, 12);
    for (const y of r.years)
      expect(y.consumptionIndex + y.investmentIndex + y.netExportsIndex).toBeCloseTo(y.index, 10);
    const first = r.years[0];
    const last = r.years[r.years.length - 1];
    const w = r.stats.windows.find((x) => x.from === 1995 && x.to === 2018);
    if (first === undefined || last === undefined || w === undefined) throw new Error("missing years");
    expect(w.indexCagr).toBeCloseTo(100 * ((last.total / first.total) ** (1 / 23) - 1), 9);
    expect(w.gapPoints).toBeCloseTo(w.indexCagr - w.gdpCagr, 12);
  });

  it("returns the published CAICT values (rows 4–8) beside the proxy, and refuses a base year outside the tables", async () => {
    const r = await fusionIndex(store.source);
    expect(r.published.filter((p) => p.ref === 4).map((p) => p.value)).toEqual([45.47, 182.42, 190.1]);
    expect(r.provenance.datasets).toHaveLength(24);
    await expect(fusionIndex(store.source, { baseYear: 1990 })).rejects.toMatchObject({ code: "invalid_argument" });
  });
});
