import { describe, expect, it } from "vitest";
import { expectAllClose } from "../../../test/helpers/close.js";
import { ioTable, THREE_SECTOR, threeSectorTable } from "../../../test/reference/textbook/fixtures.js";
import { digitalIntensities } from "./intensity.js";

// Spec methods §5.9 three-sector fixture, D = {sector 3} (spec §15 cmd C6, numpy; 6 decimals → atol 5e-7).
const PRINTED6 = { atol: 5e-7 };

describe("digitalIntensities", () => {
  it("reproduces the spec §5.9 values for D = {3}", () => {
    const r = digitalIntensities(threeSectorTable(), ["3"]);
    const col = (k: "directIntermediate" | "directTotal" | "complete" | "forward") =>
      r.sectors.map((s) => s[k] as number);
    expectAllClose(col("directTotal"), [0.3, 0, 0], PRINTED6, "DI_direct_total");
    expectAllClose(col("directIntermediate"), [0.461538, 0, 0], PRINTED6, "DI_direct_intermediate");
    expectAllClose(col("complete"), [0.399579, 0.105152, 0.06204], PRINTED6, "DI_complete");
    expectAllClose(col("forward"), [0.05, 0.2, 0], PRINTED6, "DO_forward");
    expect(r.sectors.map((s) => s.code)).toEqual(["1", "2", "3"]);
    expect(r.digitalIndices).toEqual([2]);
  });

  it("returns null for undefined ratios: no intermediate inputs, zero output", () => {
    // sector 3 has zero output and no inputs; sector 2 has output but no intermediate inputs
    const t = ioTable(
      [
        [10, 0, 0],
        [20, 0, 0],
        [0, 0, 0],
      ],
      [100, 50, 0],
      [90, 30, 0],
    );
    const r = digitalIntensities(t, ["2"]);
    expect(r.sectors[2]).toEqual({
      code: "3",
      directIntermediate: null,
      directTotal: null,
      complete: null,
      forward: null,
    });
    expect(r.sectors[1]?.directIntermediate).toBeNull();
    expect(r.sectors[1]?.directTotal).toBe(0);
    expect(r.diagnostics[0]).toEqual({
      code: "zero_output_sectors",
      severity: "warning",
      params: { sectors: [2], policy: "zero_column" },
    });
    expect(() => digitalIntensities(t, ["2"], { zeroOutput: "error" })).toThrow(
      expect.objectContaining({ code: "zero_output" }),
    );
  });

  it("throws invalid_group for an empty or duplicated D and unknown_sector for an unknown code", () => {
    expect(() => digitalIntensities(threeSectorTable(), [])).toThrow(
      expect.objectContaining({ code: "invalid_group" }),
    );
    expect(() => digitalIntensities(threeSectorTable(), ["3", "3"])).toThrow(
      expect.objectContaining({ code: "invalid_group" }),
    );
    expect(() => digitalIntensities(threeSectorTable(), ["S32"])).toThrow(
      expect.objectContaining({ code: "unknown_sector" }),
    );
  });

  it("does not modify the table", () => {
    const t = threeSectorTable();
    const before = Float64Array.from(t.Z.data);
    digitalIntensities(t, ["1", "3"]);
    expect(t.Z.data).toEqual(before);
    expect(Array.from(t.output)).toEqual([...THREE_SECTOR.x]);
  });
});
