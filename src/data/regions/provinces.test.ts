import { describe, expect, it } from "vitest";
import { provinces, resolveRegion } from "./provinces.js";

describe("provinces (GB/T 2260)", () => {
  it("ships 31 provinces plus Hong Kong, Macao and Taiwan with unique six-digit codes", () => {
    const all = provinces();
    expect(all).toHaveLength(34);
    expect(new Set(all.map((p) => p.code)).size).toBe(34);
    expect(all.filter((p) => Number(p.code) < 700000)).toHaveLength(31);
    expect(all.map((p) => p.code)).toEqual(expect.arrayContaining(["710000", "810000", "820000"]));
  });

  it("resolves codes, prefixes, full, short and English names to the same code", () => {
    for (const t of ["110000", "11", "北京市", "北京", "beijing", " Beijing "])
      expect(resolveRegion(t)?.code).toBe("110000");
    expect(resolveRegion("新疆维吾尔自治区")?.code).toBe("650000");
    expect(resolveRegion("内蒙古")?.code).toBe("150000");
  });

  it("returns undefined for a name that is no province", () => {
    expect(resolveRegion("北平")).toBeUndefined();
    expect(resolveRegion("999999")).toBeUndefined();
  });
});
