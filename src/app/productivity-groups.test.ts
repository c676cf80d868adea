/**
 * TFP by group and the DE-TFP contribution on a data frame. Known answers: spec §4.4's synthetic case
 * (Y = [100, 200], K = [150, 600], L = [20, 80], α = [0.4, 0.5] → relative levels [1.906278, 0.779202]);
 * the DE-TFP case by hand — two sectors of equal VA (weights ½, ½), the digital one with g_A = 0.05, the
 * other with g_A = 0.02 and a digital share ½: Σ w̄ g^DE = ½·0.05 + ½·0.01 = 0.03, over g_Y = 0.2 (simple)
 * = 0.15; the next year ½·0.04 + ½·0.01 = 0.025 → 0.125; mean 0.1375, SD (population, spec §9.5) 0.0125, CV
 * 0.0909091.
 */
import { describe, expect, it } from "vitest";
import { DataIssuesError } from "../data/index.js";
import { readFrameInput } from "./frame-input.js";
import { digitalTfp, groupTfp } from "./productivity-groups.js";

const frame = (csv: string) => readFrameInput(new TextEncoder().encode(csv), { file: "panel.csv" });

describe("groupTfp", () => {
  it("spec §4.4 synthetic: relative levels 1.906278 and 0.779202", async () => {
    const input = await frame("group,year,Y,K,L,labsh\nfusion,2024,100,150,20,0.6\nother,2024,200,600,80,0.5\n");
    const r = await groupTfp(
      { input },
      { group: "group", output: "Y", capital: "K", labour: "L", capitalShare: { labourShareColumn: "labsh" } },
    );
    expect(r.groups.map((g) => g.id)).toEqual(["fusion", "other"]);
    expect(r.groups[0]?.levels[0]).toBeCloseTo(1.906278, 6);
    expect(r.groups[1]?.levels[0]).toBeCloseTo(0.779202, 6);
    expect(r.groups[0]?.mean).toBeCloseTo(1.906278, 6);
    expect(r.provenance.method).toBe("tfp_group_levels");
  });

  it("a missing cell is a located issue; a group without a year is an unbalanced panel", async () => {
    const gap = await frame("group,year,Y,K,L\na,2020,1,2,3\na,2021,1,,3\n");
    await expect(
      groupTfp({ input: gap }, { group: "group", output: "Y", capital: "K", labour: "L", capitalShare: 0.4 }),
    ).rejects.toThrow(DataIssuesError);
    const unbalanced = await frame("group,year,Y,K,L\na,2020,1,2,3\na,2021,1,2,3\nb,2020,1,2,3\n");
    await expect(
      groupTfp({ input: unbalanced }, { group: "group", output: "Y", capital: "K", labour: "L", capitalShare: 0.4 }),
    ).rejects.toMatchObject({
      code: "invalid_argument",
      params: { reason: "unbalanced_panel", entity: "b", year: 2021 },
    });
  });
});

describe("digitalTfp", () => {
  const csv = [
    "sector,year,va,gA,dshare",
    "S20,2020,50,0,0",
    "S01,2020,50,0,0.5",
    "S20,2021,60,0.05,0",
    "S01,2021,60,0.02,0.5",
    "S20,2022,72,0.04,0",
    "S01,2022,72,0.02,0.5",
  ].join("\n");

  it("the hand-computed case: contributions 0.15 and 0.125, mean 0.1375, SD 0.0125, CV 0.0909091", async () => {
    const r = await digitalTfp(
      { input: await frame(csv) },
      {
        sector: "sector",
        valueAdded: "va",
        tfpGrowth: "gA",
        digital: ["S20"],
        digitalShare: "dshare",
        growth: "simple",
      },
    );
    expect(r.periods.map((p) => p.year)).toEqual([2021, 2022]);
    expect(r.periods[0]?.contribution).toBeCloseTo(0.15, 12);
    expect(r.periods[1]?.contribution).toBeCloseTo(0.125, 12);
    expect(r.summary?.mean).toBeCloseTo(0.1375, 12);
    expect(r.summary?.sd).toBeCloseTo(0.0125, 12);
    expect(r.summary?.cv).toBeCloseTo(0.0125 / 0.1375, 12);
  });

  it("a digital code not in the frame: unknown_sector", async () => {
    await expect(
      digitalTfp(
        { input: await frame(csv) },
        { sector: "sector", valueAdded: "va", tfpGrowth: "gA", digital: ["S32"] },
      ),
    ).rejects.toMatchObject({ code: "unknown_sector" });
  });
});
