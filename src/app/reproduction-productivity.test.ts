/**
 * Productivity rows of the reproduction table from the shipped store. Expected values: spec §4.1
 * (161 615 = NBS 2023), spec §9.6's vintage table (V1 SD 3.1086 CV 0.4006; V2 2.9358 / 0.3673; V3
 * 2.9673 / 0.3712, population SD of nominal growth 2013–2024, printed to 4 decimals: tolerance half a
 * unit of the last digit), spec §16 row 29 (pre-revision data: −0.41 pp, printed to 2 decimals) and
 * the seed's printed 22.07 → 23.75 (+1.7).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openShippedStore } from "../../test/helpers/real-app.js";
import type { ReproductionRow } from "./reproduction.js";
import { reproductionTable } from "./reproduction-index.js";
import { reproduceProductivitySeedFigures } from "./reproduction-productivity.js";
import type { DataStore } from "./store.js";

let store: DataStore;
let close: () => Promise<void>;
let rows: ReproductionRow[];
beforeAll(async () => {
  ({ store, close } = await openShippedStore());
  rows = (await reproduceProductivitySeedFigures(store.source)).rows;
});
afterAll(async () => close());

const row = (key: string): ReproductionRow => {
  const r = rows.find((x) => x.key === key);
  if (r === undefined) throw new Error(`no row ${key}`);
  return r;
};

describe("reproduction rows 10–12, 25–29, 33–34", () => {
  it("row 11: 161 615 reproduced from 2023 data (label 2024); 69 471 not computed, with the reason", () => {
    const r = row("11-labour-productivity-2024");
    expect(r.status).toBe("reproduced");
    expect(r.computedYear).toBe(2023);
    expect(Math.round(r.computed as number)).toBe(161615);
    expect(r.reason.code).toBe("label_year_mismatch");
    const old = row("11-labour-productivity-2012");
    expect(old.computed).toBeNull();
    expect(old.status).toBe("not_comparable");
    expect(old.reason).toEqual({ code: "series_not_public", params: { series: "employment_before_2019" } });
  });

  it("row 28: the three vintages of spec §9.6 to 4 decimals; V2 is shown and is approximate", () => {
    const sd = row("28-growth_sd");
    expect(sd.reason.code).toBe("volatility_vintages");
    if (sd.reason.code !== "volatility_vintages") return;
    const expected = {
      V1: [7.7602, 3.1086, 0.4006],
      V2: [7.9923, 2.9358, 0.3673],
      V3: [7.9932, 2.9673, 0.3712],
    } as const;
    for (const v of sd.reason.params.variants) {
      const [mean, s, cv] = expected[v.variant];
      expect(Math.abs(v.mean - mean)).toBeLessThanOrEqual(5e-5);
      expect(Math.abs(v.sd - s)).toBeLessThanOrEqual(5e-5);
      expect(Math.abs(v.cv - cv)).toBeLessThanOrEqual(5e-5);
    }
    expect(sd.status).toBe("approximate");
    expect(sd.published).toBe(2.82);
    expect(row("28-growth_cv").published).toBe(0.36);
  });

  it("row 29: 0.41 points less on first releases, against the printed 0.7", () => {
    const r = row("29-nominal-growth-slowdown");
    expect(Math.abs((r.computed as number) - 0.41)).toBeLessThan(0.01);
    expect(r.status).toBe("approximate");
  });

  it("row 25: 23.75 − 22.07 = 1.68 → printed 1.7 holds", () => {
    const r = row("25-de-tfp-contribution-change");
    expect(r.computed as number).toBeCloseTo(1.68, 12);
    expect(r.status).toBe("reproduced");
  });

  it("rows needing CAICT's unpublished series carry the printed value and no computed one", () => {
    const open = rows.filter((r) => r.reason.code === "series_not_public");
    expect(new Set(open.map((r) => r.ref))).toEqual(new Set(["10", "11", "12", "25", "27", "33", "34"]));
    for (const r of open) {
      expect(r.computed).toBeNull();
      expect(r.published).not.toBeNull();
    }
  });

  it("the full table includes them, in spec order", async () => {
    const all = (await reproductionTable(store.source)).rows;
    const refs = all.map((r) => Number(r.ref));
    expect(refs).toEqual([...refs].sort((a, b) => a - b));
    expect(all.some((r) => r.key === "11-labour-productivity-2024")).toBe(true);
  });
});
