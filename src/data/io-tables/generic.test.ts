import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { toRows } from "../../core/linalg/matrix.js";
import { CURRENCY_UNITS } from "../dataset.js";
import { readTabularFile } from "../ingest/index.js";
import type { RawTable } from "../ingest/raw-table.js";
import type { DataIssue } from "../issues.js";
import { repoPath } from "../paths.js";
import { findDeclaredUnit, readGenericTable, resolveDeclaredUnit } from "./generic.js";

interface ExpectedIssue {
  code: string;
  path: Record<string, unknown>;
  params?: Record<string, unknown>;
  paramsClose?: Record<string, { value: number; rtol: number }>;
}
interface Fixture {
  file: string;
  stage: "read" | "validate";
  sheet?: string;
  unit?: string;
  readOptions?: Record<string, unknown>;
  issues: ExpectedIssue[];
  allowAlso?: string[];
}

const fixturesDir = repoPath("test", "fixtures");
const expectedPath = `${fixturesDir}/expected-issues.json`;
const fixtures: Fixture[] = existsSync(expectedPath)
  ? (JSON.parse(readFileSync(expectedPath, "utf8")) as { fixtures: Fixture[] }).fixtures
  : [];

async function rawOf(file: string, sheet?: string, readOptions: Record<string, unknown> = {}): Promise<RawTable> {
  const bytes = new Uint8Array(readFileSync(`${fixturesDir}/${file}`));
  const r = await readTabularFile(bytes, { file, ...(sheet === undefined ? {} : { sheet }), ...readOptions });
  if (!r.ok) throw new Error(`${file}: ${JSON.stringify(r.issues)}`);
  return r.value;
}

/** Asserts that `found` contains an issue matching `e` (code, path fields, listed params, close params). */
function expectIssue(found: readonly DataIssue[], e: ExpectedIssue, file: string): void {
  const match = found.find(
    (i) =>
      i.code === e.code &&
      Object.entries({ file, ...e.path }).every(([k, v]) => (i.path as unknown as Record<string, unknown>)[k] === v) &&
      Object.entries(e.params ?? {}).every(([k, v]) => JSON.stringify(i.params[k]) === JSON.stringify(v)) &&
      Object.entries(e.paramsClose ?? {}).every(([k, { value, rtol }]) => {
        const a = i.params[k];
        return typeof a === "number" && Math.abs(a - value) <= rtol * Math.abs(value);
      }),
  );
  expect(match, `${file}: expected ${JSON.stringify(e)} in ${JSON.stringify(found)}`).toBeDefined();
}

describe("readGenericTable", () => {
  it("reads the shipped template (spec §5.9 three-sector table) exactly", async () => {
    const bytes = new Uint8Array(readFileSync(repoPath("data", "templates", "io-generic-template.csv")));
    const raw = await readTabularFile(bytes, { file: "io-generic-template.csv" });
    expect(raw.ok).toBe(true);
    if (!raw.ok) return;
    const r = readGenericTable(raw.value, { id: "template" });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const t = r.value.table;
    // values are exact integers in the file: toEqual is exact by construction
    expect(toRows(t.Z)).toEqual([
      [150, 500, 50],
      [200, 100, 400],
      [300, 0, 0],
    ]);
    expect(Array.from(t.output)).toEqual([1000, 2000, 1000]);
    expect(toRows(t.finalDemand)).toEqual([[300], [1300], [700]]);
    expect(t.valueAdded?.map((v) => Array.from(v.values))).toEqual([[350, 1400, 550]]);
    expect(r.value.meta.unit).toBe("cny_10k");
    expect(r.value.layout).toBe("generic_v1");
    expect(r.warnings.filter((w) => w.severity === "error")).toEqual([]);
  });

  it("finds unit declarations in title lines", () => {
    expect(findDeclaredUnit({ titleLines: ["# unit: 10k yuan"], titleRowNumbers: [1] })).toEqual({
      text: "10k yuan",
      row: 1,
    });
    expect(findDeclaredUnit({ titleLines: ["2020年投入产出表 单位：万元,,,"], titleRowNumbers: [2] })).toEqual({
      text: "万元",
      row: 2,
    });
    expect(findDeclaredUnit({ titleLines: ["单位:亿元"] })).toEqual({ text: "亿元", row: 1 });
    expect(findDeclaredUnit({ titleLines: ["示例"] })).toBeUndefined();
  });

  it("resolves a declared unit only as a whole (a trailing note in brackets may be dropped), never by its first word", () => {
    expect(resolveDeclaredUnit("万元")).toBe("cny_10k");
    expect(resolveDeclaredUnit("10k yuan")).toBe("cny_10k");
    expect(resolveDeclaredUnit("万元 (current prices)")).toBe("cny_10k");
    expect(resolveDeclaredUnit("亿元（现价）")).toBe("cny_100m");
    expect(resolveDeclaredUnit("million USD [current]")).toBe("usd_million");
    expect(resolveDeclaredUnit("元/人")).toBe("yuan_per_person");
    // a scale word after the currency must not be dropped: these are not 元
    expect(resolveDeclaredUnit("CNY billion")).toBeUndefined();
    expect(resolveDeclaredUnit("cny 100m")).toBeUndefined();
    expect(resolveDeclaredUnit("yuan per person")).toBeUndefined();
    expect(resolveDeclaredUnit("USD thousand")).toBeUndefined();
  });

  it("rejects `unit: CNY billion` as unknown_unit at its title line instead of reading yuan", async () => {
    const text = "示例\nunit: CNY billion\ncode,name,01,fd_c,output\n01,a,10,90,100\n";
    const raw = await readTabularFile(new TextEncoder().encode(text), { file: "u.csv" });
    expect(raw.ok).toBe(true);
    if (!raw.ok) return;
    const r = readGenericTable(raw.value);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues.map((i) => [i.code, i.path.row, i.params.unit])).toEqual([["unknown_unit", 2, "CNY billion"]]);
    }
  });

  it("refuses data in a column without a header (it would be dropped) at its first non-empty cell", async () => {
    const read = async (text: string) => {
      const raw = await readTabularFile(new TextEncoder().encode(text), { file: "h.csv" });
      if (!raw.ok) throw new Error(JSON.stringify(raw.issues));
      return readGenericTable(raw.value);
    };
    const bad = await read("单位：万元\ncode,name,01,,02,fd_c,output\n01,a,10,,20,70,100\n02,b,5,999,10,185,200\n");
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.issues.filter((i) => i.severity === "error")).toEqual([
        expect.objectContaining({
          code: "invalid_value",
          path: { file: "h.csv", row: 4, column: 4, columnName: "" },
          params: expect.objectContaining({ value: "999" }),
        }),
      ]);
    }
    // an entirely empty unnamed column (an export artefact) is only a warning
    const ok = await read("单位：万元\ncode,name,01,,02,fd_c,output\n01,a,10,,20,70,100\n02,b,5,,10,185,200\n");
    expect(ok.ok).toBe(true);
  });

  it("takes the unit from the option when the file declares none; rejects an unknown option unit", async () => {
    const raw = await rawOf("bad/missing-unit.csv");
    const ok = readGenericTable(raw, { unit: "亿元" });
    expect(ok.ok && ok.value.meta.unit).toBe("cny_100m");
    const bad = readGenericTable(raw, { unit: "furlongs" });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues.map((i) => i.code)).toEqual(["unknown_unit"]);
  });

  it.each([
    ["单位：percent", undefined, 1],
    ["单位：persons", undefined, 1],
    ["unit: index", undefined, 1],
    ["单位：万人", undefined, 1],
    ["", "ratio", undefined],
  ])(
    "refuses a non-currency unit (%s %s) with unit_not_currency listing the accepted units",
    async (line, option, row) => {
      const text = `${line}\ncode,name,01,02,fd_c,output\n01,a,10,20,70,100\n02,b,5,10,185,200\n`;
      const r = await readTabularFile(new TextEncoder().encode(text), { file: "u.csv" });
      if (!r.ok) throw new Error("raw read");
      const g = readGenericTable(r.value, option === undefined ? {} : { unit: option });
      expect(g.ok).toBe(false);
      if (g.ok) return;
      expect(g.issues.map((i) => [i.code, i.path.row, i.params.accepted])).toEqual([
        ["unit_not_currency", row, CURRENCY_UNITS],
      ]);
    },
  );

  it("accepts every currency unit", async () => {
    for (const unit of CURRENCY_UNITS) {
      const raw = await rawOf("bad/missing-unit.csv");
      const g = readGenericTable(raw, { unit });
      expect(g.ok && g.value.meta.unit).toBe(unit);
    }
  });

  const hard = fixtures.filter((f) => f.stage === "validate" && f.issues.length === 0);
  it.each(hard.map((f) => [f.file, f] as const))("hard fixture %s reads and validates cleanly", async (_, f) => {
    const r = readGenericTable(await rawOf(f.file, f.sheet));
    expect(r.ok, JSON.stringify(!r.ok && r.issues)).toBe(true);
    if (!r.ok) return;
    expect(r.value.meta.unit).toBe(f.unit);
    expect(toRows(r.value.table.Z)).toEqual([
      [150, 500, 50],
      [200, 100, 400],
      [300, 0, 0],
    ]);
  });

  const bad = fixtures.filter((f) => f.stage === "validate" && f.issues.length > 0);
  it.each(bad.map((f) => [f.file, f] as const))(
    "bad fixture %s is rejected with the expected code and location",
    async (_, f) => {
      const r = readGenericTable(await rawOf(f.file, f.sheet));
      expect(r.ok).toBe(false);
      if (r.ok) return;
      for (const e of f.issues) expectIssue(r.issues, e, f.file);
      const allowed = new Set([...f.issues.map((e) => e.code), ...(f.allowAlso ?? [])]);
      const others = r.issues.filter((i) => i.severity === "error" && !allowed.has(i.code));
      expect(others).toEqual([]);
    },
  );
});
