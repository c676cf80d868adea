/**
 * The importer fuzzer at a small budget (issue 6 point 9): 300 seeded cases mutating the real fixtures
 * (CSV bytes, XLSX bytes, XLSX XML re-zipped), each through the tabular reader and one in four through
 * importUserFile into a store already holding datasets. No crash, no console output, only coded issues
 * with `path.file`, the store unchanged after every failed import, and no case over the time limit
 * (reported as a hang; there is no other timing assertion). `npm run fuzz` runs 10⁵ cases.
 */
import { describe, expect, it } from "vitest";
import { fuzzImporters, generateCase, isFailure } from "./importer-fuzz.js";

const SEED = 20261203;

describe("importer fuzzer (seeded, small budget)", () => {
  it("generates the same case from the same (seed, index)", () => {
    for (const index of [0, 1, 7, 299]) {
      const a = generateCase(SEED, index);
      const b = generateCase(SEED, index);
      expect(b.name).toBe(a.name);
      expect(Buffer.from(b.bytes).equals(Buffer.from(a.bytes))).toBe(true);
    }
    expect(generateCase(SEED, 1).name).not.toBe(generateCase(SEED + 1, 1).name);
  });

  it("300 cases: no crash, no hang, coded issues only, store unchanged after failed imports", async () => {
    const r = await fuzzImporters({ seed: SEED, cases: 300, timeLimitMsPerCase: 15_000 });
    const failures = [...r.crashes, ...r.hangs].map((o) => ({
      replay: `--seed ${SEED} --replay ${o.index}`,
      status: o.status,
      mode: o.mode,
      name: o.name,
      detail: o.detail,
    }));
    expect(failures).toEqual([]);
    expect(r.ran).toBe(300);
    expect(r.imports).toBe(75);
    // the mutations reach both outcomes: some inputs still read, most are refused with coded issues
    expect(r.statuses.ok).toBeGreaterThan(0);
    expect(r.statuses.issues).toBeGreaterThan(0);
    expect(Object.entries(r.statuses).filter(([s, n]) => isFailure(s as never) && n > 0)).toEqual([]);
  });
});
