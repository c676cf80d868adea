import { describe, expect, it } from "vitest";
import { expectAllClose } from "../../test/helpers/close.js";
import { linkages } from "../core/index.js";
import type { IoTable } from "../core/io-analysis/io-table.js";
import { matrix } from "../core/linalg/matrix.js";
import { ioLinkages } from "./io-linkages.js";
import { fakeMeta, fixedClock, memorySource, threeSectorTable } from "./test-fixtures.js";

/** The spec §5.9 table plus a fourth sector with zero output and no flows (as OECD/WIOD tables have). */
function withZeroOutputSector(): IoTable {
  const t = threeSectorTable();
  const z3 = [150, 500, 50, 200, 100, 400, 300, 0, 0];
  const z = new Float64Array(16);
  for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) z[i * 4 + j] = z3[i * 3 + j] ?? 0;
  return {
    ...t,
    sectors: [...t.sectors, { code: "04", nameZh: "家庭服务", nameEn: "Households as employers" }],
    Z: matrix(4, 4, z),
    finalDemand: matrix(4, 1, Float64Array.from([300, 1300, 700, 0])),
    output: Float64Array.from([1000, 2000, 1000, 0]),
    // a value-added row of length n: the aggregation kernel rejects vectors of the wrong length
    valueAdded: [{ code: "va", values: Float64Array.from([350, 1400, 550, 0]) }],
  };
}

describe("ioLinkages with a group", () => {
  const source = memorySource([{ meta: fakeMeta("z4", 2020, "test-4", 4), table: withZeroOutputSector() }]);

  it.each(["two_block", "merge", "weighted_mean"] as const)(
    "group method %s works on a table with a zero-output sector (zero_column policy reaches the block)",
    async (groupMethod) => {
      const r = await ioLinkages({ tableId: "z4", group: ["01", "02"], groupMethod, source, clock: fixedClock });
      expect(r.block?.method).toBe(groupMethod);
      expect(Number.isFinite(r.block?.influence)).toBe(true);
      expect(Number.isFinite(r.block?.sensitivity)).toBe(true);
      expect(r.sectors[3]?.influence).toBeNull();
    },
  );

  it("passes α of the weighted variant to the block as well", async () => {
    const a = await ioLinkages({
      tableId: "z4",
      group: ["01", "02"],
      groupMethod: "merge",
      variant: "weighted",
      alpha: "output",
      source,
    });
    const b = await ioLinkages({
      tableId: "z4",
      group: ["01", "02"],
      groupMethod: "merge",
      variant: "weighted",
      alpha: "equal",
      source,
    });
    expect(a.block?.influence).not.toBeCloseTo(b.block?.influence ?? 0, 6);
  });
});

describe("ioLinkages diagnostics", () => {
  it("names zero-output sectors by code (core reports 0-based indices) and does not repeat them for the block", async () => {
    const source = memorySource([{ meta: fakeMeta("z4", 2020, "test-4", 4), table: withZeroOutputSector() }]);
    const r = await ioLinkages({ tableId: "z4", group: ["01", "02"], groupMethod: "merge", source });
    const zero = r.diagnostics.filter((d) => d.code === "zero_output_sectors");
    expect(zero).toHaveLength(1);
    expect(zero[0]?.params).toMatchObject({ sectors: [3], codes: ["04"] });
  });
});

describe("ioLinkages on the domestic import basis", () => {
  // two sectors, non-competitive: Z = [[10, 20], [5, 5]], Z_dom = [[8, 20], [5, 3]], Y = [[30, 10], [40, 0]],
  // Y_dom = [[25, 9], [40, 0]] (the table's own — deliberately not the proportional-convention value
  // [[27, 9], [40, 0]], so the test shows the table's own is used), m = [6, 2], x = [64, 48]
  const table: IoTable = {
    sectors: [{ code: "a" }, { code: "b" }],
    Z: matrix(2, 2, Float64Array.from([10, 20, 5, 5])),
    Zdomestic: matrix(2, 2, Float64Array.from([8, 20, 5, 3])),
    finalDemand: matrix(2, 2, Float64Array.from([30, 10, 40, 0])),
    finalDemandDomestic: matrix(2, 2, Float64Array.from([25, 9, 40, 0])),
    finalDemandCodes: ["C", "EX"],
    imports: Float64Array.from([6, 2]),
    output: Float64Array.from([64, 48]),
  };

  it("weights the weighted variant by the domestic final demand (α = [34, 40] / 74)", async () => {
    const r = await ioLinkages({ table, meta: fakeMeta("nc2", 2020), imports: "domestic", variant: "weighted" });
    // the same numbers through the coefficient path: A_dom = Z_dom·diag(1/x), f = row sums of Y_dom
    const A = matrix(2, 2, Float64Array.from([8 / 64, 20 / 48, 5 / 64, 3 / 48]));
    const ref = linkages({ A, x: [64, 48], finalDemandTotal: [34, 40] }, { variant: "weighted" });
    expectAllClose(
      r.sectors.map((s) => s.influence ?? Number.NaN),
      Array.from(ref.influence),
      { rtol: 1e-14 },
      "F domestic weighted",
    );
    expectAllClose(Array.from(ref.alphaWeights ?? []), [34 / 74, 40 / 74], { atol: 1e-15 }, "α");
    const competitive = await ioLinkages({ table, meta: fakeMeta("nc2", 2020), variant: "weighted" });
    expect(competitive.sectors[0]?.influence).not.toBeCloseTo(r.sectors[0]?.influence ?? 0, 6);
  });
});
