import { describe, expect, it } from "vitest";
import { EXCERPT_LENGTH, loadExcerpts, squash, standaloneIndex } from "../../../test/reference/seeds/excerpts.js";
import {
  loadPublishedDataset,
  loadPublishedValues,
  type PublishedValue,
  publishedById,
  publishedFor,
  publishedForRef,
} from "./index.js";

const values = loadPublishedValues();
const CANONICAL = new Set(Array.from({ length: 42 }, (_, k) => `S${String(k + 1).padStart(2, "0")}`));

describe("published dataset: structure", () => {
  it("has unique, well-formed ids", () => {
    const ids = values.map((v) => v.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^s00[0-4]-[a-z0-9-]+$/);
  });

  it("covers every row 1–43 of the spec §16 reference table", () => {
    const refs = new Set(values.map((v) => v.ref));
    for (let r = 1; r <= 43; r++) expect(refs.has(r), `row ${r}`).toBe(true);
    expect([...refs].every((r) => r >= 1 && r <= 43)).toBe(true);
  });

  it("stores numeric values equal to the printed number (up to a sign printed in words)", () => {
    for (const v of values) {
      if (v.value === null || !/^-?\d+(\.\d+)?$/.test(v.printed)) continue;
      expect(Math.abs(v.value), v.id).toBe(Math.abs(Number(v.printed)));
      const dot = v.printed.indexOf(".");
      expect(v.decimals, v.id).toBe(dot < 0 ? 0 : v.printed.length - dot - 1);
    }
  });

  it("keeps the ids the other modules rely on", () => {
    expect(publishedById("s000-io-influence-2015")?.value).toBe(1.04);
    expect(publishedById("s000-io-influence-2023")?.value).toBe(1.18);
    expect(publishedById("s000-io-sensitivity-2012")?.value).toBe(0.71);
    expect(publishedById("s000-io-sensitivity-2023")?.value).toBe(0.75);
    expect(publishedById("nope")).toBeUndefined();
    expect(publishedFor("io").every((v) => v.ref === 13 || v.ref === 14)).toBe(true);
    expect(publishedForRef(14).map((v) => v.printed)).toEqual(["1.04", "1.18", "1"]);
  });

  it("lists tier members as canonical ids that partition the 42 sectors (spec §1.2, §1.3)", () => {
    const lists = (prefix: string) => values.filter((v) => v.id.startsWith(prefix) && v.members !== undefined);
    const five = lists("s000-tiers-");
    const three = lists("s001-tiers3-");
    const all = (vs: readonly PublishedValue[]) =>
      vs.flatMap((v) => [...(v.members ?? []), ...(v.members_inferred ?? [])]);
    for (const group of [five, three]) {
      const ids = all(group);
      expect(ids.length).toBe(42);
      expect(new Set(ids).size).toBe(42);
      for (const id of ids) expect(CANONICAL.has(id), id).toBe(true);
    }
    expect(five.map((v) => (v.members?.length ?? 0) + (v.members_inferred?.length ?? 0))).toEqual([6, 6, 7, 10, 13]);
    expect(three.map((v) => v.members?.length)).toEqual([6, 20, 16]);
    // seed 001 printed 高度数字化 order
    expect(publishedById("s001-tiers3-high-members")?.members).toEqual(["S20", "S32", "S21", "S42", "S33", "S36"]);
    for (const v of [...five, ...three]) expect(v.member_names_zh?.length).toBe(v.members?.length);
  });

  it("holds the spec §12.2 national anchors printed by seeds 002/003 (row 43, regional, descriptive)", () => {
    const anchors = publishedForRef(43).filter((v) => v.unit !== "structure");
    expect(anchors.every((v) => v.module === "regional" && v.reproducibility === "descriptive")).toBe(true);
    expect(anchors.every((v) => v.seed === "002" || v.seed === "003")).toBe(true);
    const printed = (id: string) => publishedById(id)?.printed;
    expect(printed("s002-10g-pon-ports-2024")).toBe("2820");
    expect(printed("s002-dc-racks-2024")).toBe("900");
    expect(publishedById("s002-dc-racks-2024")?.qualifier).toBe("over");
    expect(printed("s002-compute-capacity-2024")).toBe("280");
    expect(printed("s002-trusted-data-spaces-pilots")).toBe("63");
    expect(printed("s002-software-revenue-2024")).toBe("13.7");
    expect(printed("s002-online-retail-2024")).toBe("155225");
    expect(printed("s002-online-payment-users-2024")).toBe("10.29");
    expect(printed("s002-rural-online-retail-2024")).toBe("2.65");
    expect(
      ["s002-digital-rd-tools-2024", "s002-nc-key-processes-2024", "s002-digital-production-equipment-2024"].map(
        printed,
      ),
    ).toEqual(["84.1", "66.4", "53.2"]);
    // 63 = 13 cities + 22 industries + 28 enterprises (as printed)
    const n = (id: string) => publishedById(id)?.value ?? 0;
    expect(
      n("s002-trusted-data-spaces-pilots-cities") +
        n("s002-trusted-data-spaces-pilots-industries") +
        n("s002-trusted-data-spaces-pilots-enterprises"),
    ).toBe(63);
    // the 5G anchors stay in rows 36–37
    expect(publishedById("s002-5g-per-10k-people-2024")?.ref).toBe(36);
  });

  it("carries a provenance header naming the five documents", () => {
    const p = loadPublishedDataset().provenance;
    expect(p.publisher).toContain("CAICT");
    expect(p.documents.map((d) => d.seed)).toEqual(["000", "001", "002", "003", "004"]);
  });
});

// Evidence committed in the repository (test/reference/seeds/excerpts.json, written by
// test/reference/seeds/extract.ts from the seed texts): for each value a ≤ ~60-character excerpt of its
// seed around the printed text, and the sha256 of each seed file the excerpts were taken from.
const excerpts = loadExcerpts();

describe("published dataset: printed in the seed texts (committed excerpts)", () => {
  const docs = loadPublishedDataset().provenance.documents;

  it("takes the excerpts from the seed files the dataset cites (same file name and sha256)", () => {
    expect(Object.keys(excerpts.seeds).sort()).toEqual(docs.map((d) => d.seed).sort());
    for (const d of docs) expect(excerpts.seeds[d.seed], d.seed).toEqual({ file: d.file, sha256: d.sha256 });
  });

  it("finds every printed number in its excerpt (anchor containing the printed string, not inside a longer number)", () => {
    const missing: string[] = [];
    for (const v of values) {
      if (v.members !== undefined) continue;
      const e = excerpts.values[v.id];
      const printed = squash(v.printed);
      const anchor = squash(v.anchor ?? v.printed);
      if (e === undefined || e.seed !== v.seed || e.anchor !== anchor)
        missing.push(`${v.id}: no excerpt for ${anchor}`);
      else if (!anchor.includes(printed) || standaloneIndex(e.excerpt, anchor) < 0)
        missing.push(`${v.id}: ${anchor} not in "${e.excerpt}"`);
    }
    expect(missing).toEqual([]);
  });

  it("finds every printed sector name of the tier lists in its excerpt", () => {
    const missing: string[] = [];
    for (const v of values) {
      for (const name of v.member_names_zh ?? [])
        if (!(excerpts.names[v.id]?.[name] ?? "").includes(name)) missing.push(`${v.id}: ${name}`);
    }
    expect(missing).toEqual([]);
  });

  it("keeps every excerpt short (≤ 60 characters, or the anchor plus 8 on each side)", () => {
    for (const e of Object.values(excerpts.values))
      expect(e.excerpt.length, e.anchor).toBeLessThanOrEqual(Math.max(EXCERPT_LENGTH, e.anchor.length + 16));
  });
});
