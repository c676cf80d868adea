/**
 * Regional evaluation on the shipped store (spec §12). The indicator values are checked against sums
 * taken directly from the shipped long CSV (a separate code path from the store); the scores follow
 * the spec's min–max + entropy + arithmetic chain, whose numerics are tested in src/core/composite and
 * against numpy; here: structure, invariants and the catalogue's honesty (unfilled pillars stay unfilled).
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openShippedStore } from "../../test/helpers/real-app.js";
import { DataIssuesError, repoPath } from "../data/index.js";
import { readIndicatorInput } from "./indicator-input.js";
import { DIGITAL_SECTORS, provincialIndicators, regionRank } from "./regional.js";
import type { DataStore } from "./store.js";

let store: DataStore;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ store, close } = await openShippedStore());
});
afterAll(async () => close());

/** Gross output by sector of one province and year, read from the shipped long CSV itself. */
function outputFromCsv(entity: string, year: number): Map<string, number> {
  const text = readFileSync(
    repoPath("data", "shipped", "ipio-abumazan-provincial-totals", "provincial_gross_output_long.csv"),
    "utf8",
  );
  const out = new Map<string, number>();
  for (const line of text.split("\n").slice(1)) {
    const [e, y, indicator, value] = line.split(",");
    if (e === entity && Number(y) === year && indicator !== undefined) out.set(indicator, Number(value));
  }
  return out;
}

describe("provincialIndicators", () => {
  it("shares of the digital sectors in gross output, as the CSV's sums give them (Guangdong, Beijing, Tibet)", async () => {
    const { table } = await provincialIndicators(store.source);
    expect(table.years).toEqual([2002, 2007, 2012, 2017]);
    for (const [entity, year] of [
      ["440000", 2017],
      ["110000", 2012],
      ["540000", 2007],
    ] as const) {
      const m = outputFromCsv(entity, year);
      const total = [...m.values()].reduce((a, b) => a + b, 0);
      const s = DIGITAL_SECTORS[year] as { electronics: string; ictServices: string };
      const row = table.rows.find((r) => r.entity === entity && r.year === year);
      const [digital, ict, elec] = row?.values ?? [];
      expect(elec).toBeCloseTo((100 * (m.get(s.electronics) ?? Number.NaN)) / total, 9);
      expect(ict).toBeCloseTo((100 * (m.get(s.ictServices) ?? Number.NaN)) / total, 9);
      expect(digital).toBeCloseTo((elec as number) + (ict as number), 9);
    }
    // Tibet makes no electronics
    expect(table.rows.find((r) => r.entity === "540000" && r.year === 2017)?.values[2]).toBe(0);
  });
});

describe("regionRank", () => {
  it("ranks the 31 provinces in 2017: ranks 1–31, Ward tiers ordered by score, disparity, the catalogue", async () => {
    const r = await regionRank(store.source, { year: 2017 });
    expect(r.regions).toHaveLength(31);
    expect(r.regions.map((x) => x.rank)).toEqual(Array.from({ length: 31 }, (_, i) => i + 1));
    // tiers 1…4 are contiguous in rank
    const tiers = r.regions.map((x) => x.tier);
    expect(tiers).toEqual([...tiers].sort((a, b) => a - b));
    expect(new Set(tiers)).toEqual(new Set([1, 2, 3, 4]));
    expect(r.tiers.map((t) => t.count).reduce((a, b) => a + b, 0)).toBe(31);
    expect(r.regions[0]?.nameZh).toBe("广东省");
    const w = r.weights.filter((x) => x.parent === "1");
    expect(w.reduce((a, x) => a + x.weight, 0)).toBeCloseTo(1, 12);
    expect(r.disparity?.gini).toBeGreaterThan(0);
    // every pillar but 1 (and the context) is marked unfilled, with the national anchors the seeds print
    const status = Object.fromEntries(r.catalogue.map((p) => [p.id, p.status]));
    expect(status).toEqual({
      "2a": "no_public_data",
      "2b": "no_public_data",
      "1": "filled",
      "3a": "no_public_data",
      "3b": "no_public_data",
      "3c": "no_public_data",
      "5": "no_public_data",
      N: "no_public_data",
      context: "context",
    });
    expect(r.catalogue.find((p) => p.id === "2a")?.anchors.map((a) => a.value)).toContain(30.2);
    // rank changes against 2012 (the previous benchmark year)
    expect(r.regions.every((x) => x.rankChange !== null)).toBe(true);
    expect(r.provenance.parameters).toMatchObject({ year: 2017, tiers: { method: "ward", k: 4 } });
  });

  it("adds rank intervals that contain the rank's median, replayable by seed", async () => {
    const a = await regionRank(store.source, { year: 2012, runs: 200, seed: 3 });
    const b = await regionRank(store.source, { year: 2012, runs: 200, seed: 3 });
    expect(a.regions.map((x) => x.interval)).toEqual(b.regions.map((x) => x.interval));
    for (const x of a.regions) {
      const iv = x.interval;
      expect(iv).toBeDefined();
      if (iv === undefined) continue;
      expect(iv.p05).toBeLessThanOrEqual(iv.median);
      expect(iv.median).toBeLessThanOrEqual(iv.p95);
    }
    expect(a.sobol?.map((s) => s.factor)).toEqual(["normalisation", "weighting", "weights", "aggregation", "dropped"]);
  });

  it("runs a user's own provincial panel with its own spec: names resolve to GB/T 2260 codes, no shipped catalogue", async () => {
    const csv = ["地区,year,x,y", "北京,2022,10,3", "上海市,2022,8,5", "440000,2022,12,1", "浙江,2022,6,4"].join("\n");
    const input = await readIndicatorInput(new TextEncoder().encode(csv), { file: "mine.csv" });
    const spec = {
      text: JSON.stringify({
        id: "mine",
        pillars: [
          {
            id: "P",
            children: [
              { id: "x", column: "x", direction: "+" },
              { id: "y", column: "y", direction: "-" },
            ],
          },
        ],
      }),
      file: "mine.json",
    };
    const r = await regionRank(undefined, { input, spec, tiers: 2 });
    expect(r.year).toBe(2022);
    expect(r.regions.map((x) => x.code).sort()).toEqual(["110000", "310000", "330000", "440000"]);
    expect(r.regions.find((x) => x.code === "310000")?.nameZh).toBe("上海市");
    expect(r.catalogue).toEqual([]);
    expect(new Set(r.regions.map((x) => x.tier))).toEqual(new Set([1, 2]));
  });

  it("names the rows whose entity is not a province (unknown_region)", async () => {
    const csv = ["entity,x", "北京,1", "Atlantis,2", "上海,3"].join("\n");
    const input = await readIndicatorInput(new TextEncoder().encode(csv), { file: "bad.csv" });
    const spec = {
      text: JSON.stringify({ id: "s", pillars: [{ id: "P", children: [{ id: "x", column: "x", direction: "+" }] }] }),
      file: "s.json",
    };
    const err = await regionRank(undefined, { input, spec }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataIssuesError);
    expect((err as DataIssuesError).issues.map((i) => [i.code, i.path.row, i.params["value"]])).toEqual([
      ["unknown_region", 3, "Atlantis"],
    ]);
  });

  it("refuses a year without provincial gross output", async () => {
    await expect(regionRank(store.source, { year: 2015 })).rejects.toMatchObject({ code: "invalid_argument" });
  });
});
