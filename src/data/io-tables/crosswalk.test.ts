import { describe, expect, it } from "vitest";
import { expectClose } from "../../../test/helpers/close.js";
import type { IoTable } from "../../core/io-analysis/io-table.js";
import { shippedDataset } from "../catalog.js";
import { CANONICAL_42, canonicalIdOf, DIGITAL_DEFAULT_CANONICAL } from "../classification/canonical-42.js";
import { readShippedDataset } from "../store/build.js";
import { aggregateSectors, canonicalDataset, detectNbs42Vintage, MERGED_S22_S23, toCanonical42 } from "./crosswalk.js";
import { balanceSummary } from "./validate.js";

function table(id: string): IoTable {
  const d = shippedDataset(id);
  if (d === undefined) throw new Error(id);
  const r = readShippedDataset(d);
  if (!r.ok) throw new Error(JSON.stringify(r.issues.slice(0, 2)));
  return r.value.table;
}

function canonical(id: string, vintage: "2012" | "2017"): IoTable {
  const r = toCanonical42(table(id), vintage);
  if (!r.ok) throw new Error(JSON.stringify(r.issues.slice(0, 2)));
  return r.value.table;
}

/** Two-block Rasmussen indices of group G (spec §5.5 `two_block`): closed-form 2×2 Leontief inverse. */
function twoBlock(t: IoTable, group: readonly string[]): { F: number; E: number } {
  const members = t.sectors.map((s, i) => (group.includes(s.code) ? i : -1)).filter((i) => i >= 0);
  const rest = t.sectors.map((_, i) => i).filter((i) => !members.includes(i));
  const agg = aggregateSectors(t, [
    { code: "G", members },
    { code: "R", members: rest },
  ]);
  const z = agg.Z.data;
  const x = agg.output;
  const a11 = (z[0] as number) / (x[0] as number);
  const a12 = (z[1] as number) / (x[1] as number);
  const a21 = (z[2] as number) / (x[0] as number);
  const a22 = (z[3] as number) / (x[1] as number);
  const det = (1 - a11) * (1 - a22) - a12 * a21;
  const L = [(1 - a22) / det, a12 / det, a21 / det, (1 - a11) / det];
  const c = [(L[0] as number) + (L[2] as number), (L[1] as number) + (L[3] as number)];
  const r = [(L[0] as number) + (L[1] as number), (L[2] as number) + (L[3] as number)];
  return {
    F: (c[0] as number) / (((c[0] as number) + (c[1] as number)) / 2),
    E: (r[0] as number) / (((r[0] as number) + (r[1] as number)) / 2),
  };
}

/** DI_direct_intermediate_j = Σ_{i∈D} z_ij / Σ_i z_ij (spec §5.6). */
function digitalInputShare(t: IoTable, group: readonly string[], code: string): number {
  const n = t.sectors.length;
  const j = t.sectors.findIndex((s) => s.code === code);
  let d = 0;
  let all = 0;
  for (let i = 0; i < n; i++) {
    const v = t.Z.data[i * n + j] as number;
    all += v;
    if (group.includes(t.sectors[i]?.code ?? "")) d += v;
  }
  return d / all;
}

describe("canonical 42-sector classification", () => {
  it("has 42 sectors S01…S42 whose names equal the 2015 table's names", () => {
    expect(CANONICAL_42.map((s) => s.id)).toEqual(
      Array.from({ length: 42 }, (_, k) => `S${String(k + 1).padStart(2, "0")}`),
    );
    const t = table("cn-nbs-io-2015-42");
    expect(t.sectors.map((s) => s.nameZh)).toEqual(CANONICAL_42.map((s) => s.nameZh));
  });

  it("resolves seed aliases", () => {
    expect(canonicalIdOf("金属冶炼和延压加工业")).toBe("S14");
    expect(canonicalIdOf("电子机械和器材")).toBe("S19");
    expect(canonicalIdOf("废弃资源和废旧材料回收加工品")).toBe("S23");
    expect(canonicalIdOf("不存在")).toBeUndefined();
  });
});

describe("detectNbs42Vintage", () => {
  it("recognises the 2012 and 2017 lists and rejects the 2002/2007 lists", () => {
    expect(detectNbs42Vintage(table("cn-nbs-io-2015-42"))).toBe("2012");
    expect(detectNbs42Vintage(table("cn-nbs-io-2020-42"))).toBe("2017");
    expect(detectNbs42Vintage(table("cn-nbs-io-2005-42"))).toBeUndefined();
    expect(detectNbs42Vintage(table("cn-nbs-io-2010-41"))).toBeUndefined();
  });
});

describe("toCanonical42", () => {
  it("2017 vintage: 41 sectors, 35+36 → S36 exactly, 22 kept as the flagged S22+S23 cell, balances kept", () => {
    const raw = table("cn-nbs-io-2020-42");
    const r = toCanonical42(raw, "2017", { file: "china_2020_42.csv" });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const t = r.value.table;
    expect(t.sectors).toHaveLength(41);
    expect(t.sectors[21]?.code).toBe(MERGED_S22_S23);
    expect(t.sectors[34]?.code).toBe("S36");
    expect(t.sectors[22]?.code).toBe("S24");
    expect(r.value.mergedCells).toEqual([MERGED_S22_S23]);
    expect(r.value.step).toMatchObject({ step: "crosswalk_to_canonical_42", params: { vintage: "2017" } });
    // S36 output = x35 + x36 (exact sum of two doubles)
    expect(t.output[34]).toBe((raw.output[34] as number) + (raw.output[35] as number));
    // Z[S36,S36] = z35,35 + z35,36 + z36,35 + z36,36
    const n = 42;
    const zs = [34 * n + 34, 34 * n + 35, 35 * n + 34, 35 * n + 35].reduce((s, k) => s + (raw.Z.data[k] as number), 0);
    expectClose(t.Z.data[34 * 41 + 34] as number, zs, { rtol: 1e-15 }, "Z[S36,S36]");
    expect(t.Zdomestic?.rows).toBe(41);
    const b = balanceSummary(t);
    expect(b.rowMaxRelative).toBeLessThan(1e-12);
    expect(b.columnMaxRelative).toBeLessThan(1e-12);
  });

  it("2012 vintage: one to one, codes S01…S42", () => {
    const r = toCanonical42(table("cn-nbs-io-2015-42"), "2012");
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.table.sectors.map((s) => s.code)).toEqual(CANONICAL_42.map((s) => s.id));
  });

  it("rejects the 2005 table under the 2012 vintage (different names) with invalid_value", () => {
    const r = toCanonical42(table("cn-nbs-io-2005-42"), "2012", { file: "china_2005_42.csv" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ code: "invalid_value", path: { file: "china_2005_42.csv" } });
  });

  it("canonicalDataset converts meta and table and records the step", () => {
    const d = shippedDataset("cn-nbs-io-2018-42");
    if (d === undefined) throw new Error("missing");
    const read = readShippedDataset(d);
    if (!read.ok) throw new Error("read");
    const r = canonicalDataset(read.value);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.meta.classification).toEqual({ system: "nbs-io-42-2012", version: "2012" });
    expect(r.value.meta.dimensions.sectors).toBe(41);
    expect(r.value.meta.provenance.transformations.at(-1)?.step).toBe("crosswalk_to_canonical_42");
    const old = readShippedDataset(shippedDataset("cn-nbs-io-2005-42") ?? d);
    if (!old.ok) throw new Error("read");
    expect(canonicalDataset(old.value).ok).toBe(false);
  });

  it("rejects a 41-sector table", () => {
    expect(toCanonical42(table("cn-nbs-io-2010-41"), "2017").ok).toBe(false);
  });

  // spec/methods.md §5.9 "Public-data regression values": competitive Z, D = {S20, S32}, two_block;
  // "an implementation fed the same files must reproduce these to 1e-6".
  it.each([
    ["cn-nbs-io-2015-42", "2012", 1.041989, 0.584192],
    ["cn-nbs-io-2017-42", "2017", 1.057404, 0.63986],
    ["cn-nbs-io-2018-42", "2017", 1.064825, 0.647464],
    ["cn-nbs-io-2020-42", "2017", 1.064368, 0.650642],
  ] as const)("%s reproduces spec §5.9 F_D and E_D (two_block) to 1e-6", (id, vintage, F, E) => {
    const r = twoBlock(canonical(id, vintage), DIGITAL_DEFAULT_CANONICAL);
    expectClose(r.F, F, { atol: 1e-6 }, "F_D");
    expectClose(r.E, E, { atol: 1e-6 }, "E_D");
  });

  it("reproduces the spec §5.9 2020 top-6 digital-input shares (printed to 4 d.p.)", () => {
    const t = canonical("cn-nbs-io-2020-42", "2017");
    const expected: [string, number][] = [
      ["S20", 0.6394],
      ["S32", 0.4826],
      ["S21", 0.2594],
      ["S42", 0.163],
      ["S33", 0.1085],
      ["S36", 0.101],
    ];
    for (const [code, value] of expected) {
      expectClose(digitalInputShare(t, DIGITAL_DEFAULT_CANONICAL, code), value, { atol: 5e-5 }, code);
    }
  });
});
