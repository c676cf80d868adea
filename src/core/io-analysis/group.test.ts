import { describe, expect, it } from "vitest";
import { expectAllClose, expectClose } from "../../../test/helpers/close.js";
import { ioTable, THREE_SECTOR, threeSectorTable } from "../../../test/reference/textbook/fixtures.js";
import { toRows } from "../linalg/matrix.js";
import { aggregateTable, groupLinkages } from "./group.js";
import { linkages } from "./linkages.js";

// Spec methods §5.9 values (spec §15 cmd C6, numpy) printed to 6 decimals → atol 5e-7.
const PRINTED6 = { atol: 5e-7 };

describe("aggregateTable", () => {
  it("forms P Z Pᵀ, P x and P Y (spec §5.9 merge example: Z* = [[950, 450], [300, 0]], x* = [3000, 1000])", () => {
    const t = threeSectorTable();
    const r = aggregateTable(t, { "1": "G", "2": "G", "3": "3" });
    expect(r.table.sectors.map((s) => s.code)).toEqual(["G", "3"]);
    expect(toRows(r.table.Z)).toEqual([
      [950, 450],
      [300, 0],
    ]);
    expect(Array.from(r.table.output)).toEqual([3000, 1000]);
    expect(Array.from(r.table.finalDemand.data)).toEqual([1600, 700]);
    expect(toRows(r.P)).toEqual([
      [1, 1, 0],
      [0, 0, 1],
    ]);
    expect(r.members).toEqual([
      { code: "G", members: ["1", "2"] },
      { code: "3", members: ["3"] },
    ]);
  });

  it("aggregates optional blocks (Zdomestic, imports, value added) and keeps names of singletons", () => {
    const base = ioTable(THREE_SECTOR.Z, THREE_SECTOR.x, THREE_SECTOR.f, ["a", "b", "c"], {
      Zdomestic: THREE_SECTOR.Z,
    });
    const t = {
      ...base,
      sectors: [{ code: "a", nameEn: "A" }, { code: "b" }, { code: "c", nameZh: "丙" }],
      imports: Float64Array.from([1, 2, 3]),
      otherColumn: Float64Array.from([0.5, 0.5, 0]),
      valueAdded: [{ code: "VA", values: Float64Array.from([350, 1400, 550]) }],
    };
    const r = aggregateTable(
      t,
      new Map([
        ["a", "x"],
        ["b", "y"],
        ["c", "x"],
      ]),
    );
    expect(r.table.sectors).toEqual([{ code: "x" }, { code: "y" }]);
    expect(Array.from(r.table.imports ?? [])).toEqual([4, 2]);
    expect(Array.from(r.table.otherColumn ?? [])).toEqual([0.5, 0.5]);
    expect(Array.from(r.table.valueAdded?.[0]?.values ?? [])).toEqual([900, 1400]);
    expect(toRows(r.table.Zdomestic ?? r.table.Z)).toEqual(toRows(r.table.Z));
    const keep = aggregateTable(t, { a: "a", b: "b", c: "c" });
    expect(keep.table.sectors).toEqual(t.sectors);
  });

  it("throws unknown_sector for a mapping key that is not a sector and invalid_argument for an unmapped sector", () => {
    const t = threeSectorTable();
    expect(() => aggregateTable(t, { "1": "G", "2": "G", "3": "3", "9": "G" })).toThrow(
      expect.objectContaining({ code: "unknown_sector", params: expect.objectContaining({ code: "9" }) }),
    );
    expect(() => aggregateTable(t, { "1": "G", "2": "G" })).toThrow(
      expect.objectContaining({ code: "invalid_argument", params: expect.objectContaining({ code: "3" }) }),
    );
  });
});

describe("groupLinkages", () => {
  it("merge: G = {1, 2} gives F_G = 0.985075, E_G = 1.298507 (spec §5.9)", () => {
    const r = groupLinkages(threeSectorTable(), ["1", "2"], { method: "merge" });
    expectClose(r.influence, 0.985075, PRINTED6, "F_G");
    expectClose(r.sensitivity, 1.298507, PRINTED6, "E_G");
    expectAllClose(r.linkage.influence, [0.985075, 1.014925], PRINTED6, "merged F");
    expectAllClose(r.linkage.sensitivity, [1.298507, 0.701493], PRINTED6, "merged E");
    expect(r.sectorCount).toBe(2);
    expect(r.rest).toBeUndefined();
    expect(r.method).toBe("merge");
  });

  it("weighted_mean: output weights 1/3, 2/3 give F_G = 0.976071, E_G = 1.097607 (spec §5.9)", () => {
    const r = groupLinkages(threeSectorTable(), ["2", "1"], { method: "weighted_mean" });
    expectClose(r.influence, 0.976071, PRINTED6, "F_G");
    expectClose(r.sensitivity, 1.097607, PRINTED6, "E_G");
    expectAllClose(r.memberWeights as Float64Array, [1 / 3, 2 / 3], { rtol: 1e-15 }, "w");
    expect(r.groupIndices).toEqual([0, 1]);
    const eq = groupLinkages(threeSectorTable(), ["1", "2"], { method: "weighted_mean", weights: "equal" });
    const full = linkages(threeSectorTable());
    expectClose(
      eq.influence,
      ((full.influence[0] as number) + (full.influence[1] as number)) / 2,
      { rtol: 1e-15 },
      "equal F_G",
    );
  });

  it("two_block (default): aggregates to 2 sectors; F_G + F_rest = 2 and E_G + E_rest = 2", () => {
    // G = {1, 2} vs {3} is the same 2-sector table as the merge example
    const r = groupLinkages(threeSectorTable(), ["1", "2"]);
    expect(r.method).toBe("two_block");
    expectClose(r.influence, 0.985075, PRINTED6, "F_G");
    expectClose(r.sensitivity, 1.298507, PRINTED6, "E_G");
    expectClose(r.influence + (r.rest?.influence as number), 2, { atol: 1e-15 }, "ΣF");
    expectClose(r.sensitivity + (r.rest?.sensitivity as number), 2, { atol: 1e-15 }, "ΣE");
    // group not containing the first sector: the group block is still reported as the group
    const g3 = groupLinkages(threeSectorTable(), ["3"]);
    expectClose(g3.influence, 1.014925, PRINTED6, "F_{3}");
    expectClose(g3.rest?.influence as number, 0.985075, PRINTED6, "F_rest");
  });

  it("passes the variant through (weighted two_block uses aggregated final demand)", () => {
    const r = groupLinkages(threeSectorTable(), ["1", "2"], { variant: "weighted" });
    const direct = linkages(aggregateTable(threeSectorTable(), { "1": "g", "2": "g", "3": "r" }).table, {
      variant: "weighted",
    });
    expectClose(r.influence, direct.influence[0] as number, { rtol: 1e-15 }, "F^w_G");
    expect(r.variant).toBe("weighted");
  });

  it("throws invalid_group for empty, duplicate or all-sector groups and unknown_sector for unknown codes", () => {
    const t = threeSectorTable();
    expect(() => groupLinkages(t, [])).toThrow(
      expect.objectContaining({ code: "invalid_group", params: expect.objectContaining({ reason: "empty" }) }),
    );
    expect(() => groupLinkages(t, ["1", "1"])).toThrow(
      expect.objectContaining({ code: "invalid_group", params: expect.objectContaining({ reason: "duplicate" }) }),
    );
    expect(() => groupLinkages(t, ["1", "2", "3"])).toThrow(
      expect.objectContaining({ code: "invalid_group", params: expect.objectContaining({ reason: "all_sectors" }) }),
    );
    expect(() => groupLinkages(t, ["1", "2", "3"], { method: "merge" })).toThrow(
      expect.objectContaining({ code: "invalid_group" }),
    );
    expect(groupLinkages(t, ["1", "2", "3"], { method: "weighted_mean" }).influence).toBeCloseTo(
      // output-weighted mean of all F: Σ x_j F_j / Σ x
      (1000 * 1.175063 + 2000 * 0.876574 + 1000 * 0.948363) / 4000,
      5,
    );
    expect(() => groupLinkages(t, ["S20"])).toThrow(
      expect.objectContaining({ code: "unknown_sector", params: expect.objectContaining({ code: "S20" }) }),
    );
    expect(() => groupLinkages(t, ["1"], { method: "merge", groupCode: "2" })).toThrow(
      expect.objectContaining({ code: "invalid_argument" }),
    );
  });

  it("weighted_mean excludes zero-output members under zero_column", () => {
    const t = ioTable(
      [
        [150, 500, 0],
        [200, 100, 0],
        [0, 0, 0],
      ],
      [1000, 2000, 0],
      [350, 1700, 0],
    );
    const r = groupLinkages(t, ["2", "3"], { method: "weighted_mean", zeroOutput: "zero_column", weights: "equal" });
    expectClose(r.influence, 44 / 45, { rtol: 1e-14 }, "F_G = F_2");
    expect(r.diagnostics.some((d) => d.code === "zero_output_sectors" && d.params.scope === "group_weights")).toBe(
      true,
    );
    expect(() => groupLinkages(t, ["3"], { method: "weighted_mean", zeroOutput: "zero_column" })).toThrow(
      expect.objectContaining({ code: "invalid_group", params: expect.objectContaining({ reason: "no_output" }) }),
    );
  });

  it("does not modify the table", () => {
    const t = threeSectorTable();
    const before = Float64Array.from(t.Z.data);
    for (const method of ["two_block", "merge", "weighted_mean"] as const) groupLinkages(t, ["1", "2"], { method });
    expect(t.Z.data).toEqual(before);
  });
});
