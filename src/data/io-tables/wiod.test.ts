import { describe, expect, it } from "vitest";
import { shippedDataset } from "../catalog.js";
import { readShippedDataset } from "../store/build.js";
import { balanceSummary } from "./validate.js";

describe("readWiod on the shipped WIOD 2013-release 2011 table", () => {
  it("reads 1435 sectors × 205 final-demand columns and validates within the integer-rounding bound", () => {
    const d = shippedDataset("wiod-2011");
    if (d === undefined) throw new Error("wiod-2011");
    const r = readShippedDataset(d);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const t = r.value.table;
    expect(t.sectors).toHaveLength(1435);
    expect(t.finalDemand.cols).toBe(205);
    expect(t.sectors[0]).toEqual({ code: "AUS_c1", nameEn: "AUS: Agriculture, Hunting, Forestry and Fishing" });
    // MANIFEST §3: CHN block output 2011 = 22.27 tn USD; integers, so the sum is exact
    let chn = 0;
    t.sectors.forEach((s, i) => {
      if (s.code.startsWith("CHN_")) chn += t.output[i] as number;
    });
    expect(chn).toBe(22271024);
    // MANIFEST §3: Σ inter + Σ final − output differs by up to 108 per row
    const b = balanceSummary(t);
    expect(b.rowMaxAbsolute).toBe(108);
    expect(Number.isNaN(b.columnMaxRelative)).toBe(true); // no value-added block
    expect(t.output.filter((x) => x === 0)).toHaveLength(22);
    expect(r.warnings.filter((w) => w.severity === "warning" && w.params.summary === true)).toHaveLength(1);
    expect(r.value.meta.provenance.files.map((f) => f.path)).toEqual([
      "data/shipped/wiod2013-bquast/wiot_2011_inter.csv",
      "data/shipped/wiod2013-bquast/wiot_2011_final.csv",
      "data/shipped/wiod2013-bquast/wiot_2011_output.csv",
      "data/shipped/wiod2013-bquast/wiot_industries_35.csv",
    ]);
  });
});
