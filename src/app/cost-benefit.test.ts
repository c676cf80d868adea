/**
 * Cost–benefit by tier. The ratio definitions, tier means, regression and elasticities are verified in
 * src/core/costbenefit (spec §7.6 fixture firm, statsmodels references); here the two inputs are wired:
 * the IO proxy on the shipped tables (each sector-year: revenue = x_j, profit = operating surplus,
 * so PR = VA004 / (x_j − VA004) — checked by hand on one cell), and an analyst's panel in the template's
 * layout (spec §7.6's fixture firm: CR 80 %, PR 70/920 = 7.6087 %).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openShippedStore } from "../../test/helpers/real-app.js";
import { DataIssuesError } from "../data/index.js";
import { costBenefit } from "./cost-benefit.js";
import { readFrameInput } from "./frame-input.js";
import { canonical42Table } from "./io-series.js";
import type { DataStore } from "./store.js";

let store: DataStore;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ store, close } = await openShippedStore());
});
afterAll(async () => close());

describe("costBenefit on the IO proxy", () => {
  it("42 sectors × 5 table years; PR of S20 in 2020 = operating surplus / (output − surplus) of the table", async () => {
    const r = await costBenefit({ source: store.source });
    expect(r.input).toBe("io_proxy");
    expect(r.years).toEqual([2012, 2015, 2017, 2018, 2020]);
    expect(r.sectors).toHaveLength(210);
    const t = await canonical42Table(store.source, "cn-nbs-io-2020-42");
    const j = t.table.sectors.findIndex((s) => s.code === "S20");
    const surplus = t.table.valueAdded?.find((v) => v.code === "VA004")?.values[j] as number;
    const x = t.table.output[j] as number;
    const s20 = r.sectors.find((s) => s.sector === "S20" && s.year === 2020);
    expect(s20?.profitRatio).toBeCloseTo(surplus / (x - surplus), 12);
    expect(s20?.tier).toBe("high");
    expect(r.tierMeans.filter((m) => m.year === 2020).map((m) => m.tier)).toEqual(["high", "medium", "low"]);
    expect(r.regressions.costRatio?.regression.n).toBeGreaterThan(200);
    expect(r.published.map((p) => p.id)).toContain("s001-cost-ratio-high-2023");
    expect(r.provenance.parameters.input).toBe("io_proxy");
  });
});

describe("costBenefit on an analyst's panel", () => {
  const panel = (csv: string) => readFrameInput(new TextEncoder().encode(csv), { file: "panel.csv" });
  const header =
    "firm,year,sector,revenue,operating_cost,selling_expense,management_expense,rd_expense,financial_expense,total_profit,digital_input";

  it("spec §7.6's fixture firm: CR 80 %, PR 7.6087 %", async () => {
    const r = await costBenefit({ panel: await panel(`${header}\nF1,2023,S20,1000,800,50,40,20,10,70,0.6\n`) });
    const s = r.sectors[0];
    expect(s?.costRatio).toBeCloseTo(0.8, 15);
    expect(s?.profitRatio).toBeCloseTo(70 / 920, 15);
    expect(s?.digitalInput).toBe(0.6);
  });

  it("a missing cell is a located issue", async () => {
    const err = await costBenefit({ panel: await panel(`${header}\nF1,2023,S20,1000,,50,40,20,10,70,0.6\n`) }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(DataIssuesError);
    expect((err as DataIssuesError).issues[0]?.path).toMatchObject({ row: 2, columnName: "operating_cost" });
  });

  it("a sector code outside S01…S42 is a located issue", async () => {
    const err = await costBenefit({ panel: await panel(`${header}\nF1,2023,C39,1000,800,50,40,20,10,70,0.6\n`) }).catch(
      (e: unknown) => e,
    );
    expect((err as DataIssuesError).issues.map((i) => [i.code, i.path.columnName, i.params.value])).toEqual([
      ["invalid_value", "sector", "C39"],
    ]);
  });
});
