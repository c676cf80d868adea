import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SHIPPED_DATASETS, SHIPPED_FILES, shippedDataset, shippedProvenance } from "./catalog.js";
import { KNOWN_UNITS } from "./dataset.js";
import { repoPath } from "./paths.js";

const EXPECTED_IDS = [
  "cn-nbs-io-2005-42",
  "cn-nbs-io-2010-41",
  "cn-nbs-io-2015-42",
  "cn-nbs-io-2017-42",
  "cn-nbs-io-2018-42",
  "cn-nbs-io-2020-42",
  "cn-nbs-io-2012-139",
  "cn-nbs-io-2017-149",
  "cn-nbs-io-2018-153",
  "cn-nbs-io-2020-153",
  ...Array.from({ length: 24 }, (_, k) => `cn-oecd-iot-${1995 + k}`),
  "wiod-2011",
];

describe("SHIPPED_DATASETS", () => {
  it("lists the 35 shipped datasets with unique ids", () => {
    expect(SHIPPED_DATASETS.map((d) => d.id)).toEqual(EXPECTED_IDS);
  });

  it("describes each dataset completely (unit, price basis, classification, provenance from MANIFEST)", () => {
    for (const d of SHIPPED_DATASETS) {
      expect(KNOWN_UNITS).toContain(d.unit);
      expect(d.priceBasis).toEqual({ kind: "current" });
      expect(d.titleZh).not.toBe("");
      expect(d.titleEn).not.toBe("");
      expect(d.provenance.upstream?.commit).toMatch(/^[0-9a-f]{40}$/);
      expect(d.provenance.transformations[0]?.step).toBe("format_conversion_rda_to_csv");
      expect(d.provenance.caveats.length).toBeGreaterThan(0);
      expect(d.provenance.licence).not.toBe("");
    }
    const codes = (id: string) => shippedDataset(id)?.provenance.caveats.map((c) => c.code);
    expect(codes("cn-nbs-io-2015-42")).toContain("nbs_extension_table");
    expect(codes("cn-nbs-io-2020-42")).toContain("nbs_noncompetitive_read_as_total");
    expect(codes("wiod-2011")).toContain("wiod_labels_inferred");
    expect(shippedDataset("cn-nbs-io-2020-42")?.unit).toBe("cny_10k");
    expect(shippedDataset("cn-oecd-iot-2018")?.unit).toBe("usd_million");
  });

  it("marks the tables convertible to the canonical 42 sectors", () => {
    expect(
      SHIPPED_DATASETS.filter((d) => d.canonicalVintage !== undefined).map((d) => [d.id, d.canonicalVintage]),
    ).toEqual([
      ["cn-nbs-io-2015-42", "2012"],
      ["cn-nbs-io-2017-42", "2017"],
      ["cn-nbs-io-2018-42", "2017"],
      ["cn-nbs-io-2020-42", "2017"],
    ]);
  });

  it("matches data/shipped/SHA256SUMS, which matches the shipped bytes", () => {
    const sums = readFileSync(repoPath("data", "shipped", "SHA256SUMS"), "utf8")
      .trim()
      .split("\n")
      .map((l) => l.split(/\s+/));
    expect(sums.map(([, f]) => f)).toEqual([...SHIPPED_FILES]);
    for (const [hash, file] of sums) {
      const bytes = readFileSync(repoPath("data", "shipped", file as string));
      expect(createHash("sha256").update(bytes).digest("hex"), file).toBe(hash);
    }
  });

  it("adds the file records to the provenance", () => {
    const d = shippedDataset("cn-oecd-iot-2018");
    if (d === undefined) throw new Error("missing");
    const p = shippedProvenance(d, [{ path: "data/shipped/x.csv", sha256: "0".repeat(64), bytes: 1 }]);
    expect(p.files).toHaveLength(1);
    expect(p.publisher).toBe("OECD");
  });
});
