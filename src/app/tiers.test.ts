/**
 * Sector tiers on the shipped tables and clustering of an analyst's table.
 *
 * Known answers: spec §6.6 measures, on the 2020 NBS table with thresholds [10 %, 1 %] on the digital
 * share of intermediate inputs, the printed three tiers (seed 001 footnote 4) for 38 of the 40
 * sectors comparable before the S22/S23 split, the two mismatches being S10 (DI 1.65 % → medium;
 * printed low) and S03 (0.37 % → low; printed medium); with S22 and S23 split by the 153-sector table
 * (ADR 0012) they land where the seed prints them, so 40 of 42. USArrests clustering: the merge
 * heights of scipy 1.10.1 (test/reference/scipy-hclust/scipy.json).
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openShippedStore } from "../../test/helpers/real-app.js";
import reference from "../../test/reference/scipy-hclust/scipy.json" with { type: "json" };
import { DataIssuesError } from "../data/index.js";
import { readFrameInput } from "./frame-input.js";
import type { DataStore } from "./store.js";
import { clusterFrame, sectorTiers } from "./tiers.js";

let store: DataStore;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ store, close } = await openShippedStore());
});
afterAll(async () => close());

const frame = (csv: string, file = "features.csv") => readFrameInput(new TextEncoder().encode(csv), { file });

describe("sectorTiers on the 2020 NBS table", () => {
  it("three tiers by thresholds: 6/20/16, 40 of 42 in the printed tier, S03 and S10 differ", async () => {
    const r = await sectorTiers({ source: store.source, tableId: "cn-nbs-io-2020-42", scheme: "three" });
    expect(r.method).toBe("thresholds");
    expect(r.conversion).toBe("split_s22_s23");
    expect(r.sectors).toHaveLength(42);
    expect(r.sizes.map((s) => [s.tier, s.computed, s.published])).toEqual([
      ["high", 6, 6],
      ["medium", 20, 20],
      ["low", 16, 16],
    ]);
    expect(r.agreement?.agree).toBe(40);
    expect(r.agreement?.compared).toBe(42);
    expect(r.agreement?.differing).toEqual([
      { code: "S03", tier: "low", published: "medium" },
      { code: "S10", tier: "medium", published: "low" },
    ]);
    expect(r.sectors.find((s) => s.code === "S22")?.tierCode).toBe("medium");
    expect(r.sectors.find((s) => s.code === "S23")?.tierCode).toBe("low");
    expect(r.provenance.datasets.map((d) => d.id)).toContain("cn-nbs-io-2020-153");
  });

  it("five tiers by Ward clustering on [ln DI, ln(DO + ε)]: a dendrogram of 41 merges, tiers ordered by mean DI", async () => {
    const r = await sectorTiers({ source: store.source, tableId: "cn-nbs-io-2020-42" });
    expect(r.method).toBe("hac");
    expect(r.clustering?.merges).toHaveLength(41);
    expect(r.clustering?.leafOrder).toHaveLength(42);
    const heights = r.clustering?.merges.map((m) => m.height) ?? [];
    for (let i = 1; i < heights.length; i++)
      expect(heights[i] as number).toBeGreaterThanOrEqual(heights[i - 1] as number);
    // tier 1 has the highest mean digital-input share
    const mean = (t: number) => {
      const v = r.sectors.filter((s) => s.tier === t).map((s) => s.values[0] as number);
      return v.reduce((a, b) => a + b, 0) / v.length;
    };
    for (let t = 2; t <= 5; t++) expect(mean(t)).toBeLessThan(mean(t - 1));
    expect(r.agreement?.compared).toBe(42);
    expect(r.provenance.parameters.epsilon).toEqual({ value: 1e-4, features: ["do_forward"] });
  });

  it("cut-points must descend", async () => {
    await expect(
      sectorTiers({ source: store.source, tableId: "cn-nbs-io-2020-42", scheme: "three", cutPoints: [0.01, 0.1] }),
    ).rejects.toMatchObject({ code: "invalid_argument" });
  });
});

describe("clusterFrame", () => {
  const csv = readFileSync("test/fixtures/method/usarrests.csv", "utf8");

  it("USArrests, unscaled Ward: scipy's merge heights (1e-12 relative: the same arithmetic)", async () => {
    const r = clusterFrame(await frame(csv, "usarrests.csv"), { method: "ward", k: 5, scale: "none" });
    const Z = reference.cases.find((c) => c.name === "usarrests")?.methods.ward.Z as number[][];
    r.clustering.merges.forEach((m, s) => {
      expect(Math.abs(m.height / (Z[s]?.[2] as number) - 1)).toBeLessThan(1e-12);
      expect([m.left, m.right]).toEqual([Z[s]?.[0], Z[s]?.[1]]);
    });
    expect(r.clusters).toHaveLength(50);
    expect(r.clusters[0]?.label).toBe("Alabama");
    expect(new Set(r.clusters.map((c) => c.cluster)).size).toBe(5);
  });

  it("a row with a missing feature is left out and reported, or given the median", async () => {
    const text = "name,a,b\nx,1,2\ny,,3\nz,4,5\nw,6,1\n";
    const out = clusterFrame(await frame(text), { k: 2 });
    expect(out.excluded).toEqual(["y"]);
    expect(out.clusters.map((c) => c.label)).toEqual(["x", "z", "w"]);
    const med = clusterFrame(await frame(text), { k: 2, missing: "median" });
    expect(med.imputed).toEqual([{ label: "y", feature: "a" }]);
    expect(med.clusters).toHaveLength(4);
  });

  it("fewer rows than k, a repeated label: coded errors", async () => {
    const two = await frame("name,a\nx,1\ny,2\n");
    expect(() => clusterFrame(two, { k: 3 })).toThrow(expect.objectContaining({ code: "too_few_observations" }));
    const dup = await frame("name,a\nx,1\nx,2\nz,3\n");
    expect(() => clusterFrame(dup, { k: 2 })).toThrow(DataIssuesError);
  });
});
