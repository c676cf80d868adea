/**
 * The committed fixtures under test/fixtures/{hard,bad} against test/fixtures/expected-issues.json:
 * raw-level failures must come out of readTabularFile exactly as listed; for validator-level
 * fixtures the raw read must succeed and every row/column/columnName/cellText the JSON names must be
 * where it says (so the io-data validator tests can trust the positions).
 */
import { readdirSync, readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { resolveUnit } from "../dataset.js";
import type { DataIssue } from "../issues.js";
import { detectTabularFormat, readTabularFile } from "./index.js";
import { parseNumberCell } from "./numbers.js";
import type { RawTable } from "./raw-table.js";

const root = new URL("../../../test/fixtures/", import.meta.url);
const bytesOf = (rel: string): Uint8Array => new Uint8Array(readFileSync(new URL(rel, root)));

interface ExpectedIssue {
  code: string;
  path: { sheet?: string; row?: number; column?: number; columnName?: string };
  params: Record<string, unknown>;
  cellText?: string;
}
interface FixtureExpectation {
  file: string;
  stage: "read" | "validate";
  readOptions?: { requiredColumns?: string[] };
  encoding?: string;
  sheet?: string;
  unit?: string;
  issues: ExpectedIssue[];
  allowAlso?: string[];
}
const expectations = (
  JSON.parse(readFileSync(new URL("expected-issues.json", root), "utf8")) as { fixtures: FixtureExpectation[] }
).fixtures;

const TEMPLATE_COLUMNS = ["code", "name", "output"];
/** The unit-declaration rule of the generic IO template (README.md): a title line `单位：…` / `unit: …`, optionally after `#`. */
const UNIT_LINE = /^(?:#\s*)?(?:单位|unit)\s*[:：]\s*(.+?)\s*$/i;

async function readFixture(e: FixtureExpectation) {
  return readTabularFile(bytesOf(e.file), {
    file: e.file,
    ...(e.readOptions?.requiredColumns !== undefined && { requiredColumns: e.readOptions.requiredColumns }),
  });
}

describe("test/fixtures", () => {
  it("lists every fixture file in expected-issues.json", () => {
    const onDisk = ["hard", "bad"].flatMap((d) => readdirSync(new URL(`${d}/`, root)).map((f) => `${d}/${f}`)).sort();
    expect(expectations.map((e) => e.file).sort()).toEqual(onDisk);
  });

  describe.each(expectations.filter((e) => e.stage === "read"))("$file (raw-level failure)", (e) => {
    it(`gives ${e.issues.map((i) => i.code).join(", ")} at the listed position`, async () => {
      const r = await readFixture(e);
      expect(r.ok).toBe(false);
      const got = r.ok ? [] : (r.issues as DataIssue[]);
      expect(got).toHaveLength(e.issues.length);
      e.issues.forEach((want, k) => {
        expect(got[k]).toEqual({
          code: want.code,
          severity: "error",
          path: { file: e.file, ...want.path },
          params: expect.objectContaining(want.params),
        });
      });
    });
  });

  describe.each(expectations.filter((e) => e.stage === "validate"))("$file (reads cleanly)", (e) => {
    let table: RawTable;
    let warnings: readonly DataIssue[];
    beforeAll(async () => {
      const r = await readFixture(e);
      if (!r.ok) throw new Error(JSON.stringify(r.issues));
      table = r.value;
      warnings = r.warnings;
    });

    it("reads without issues, with the template's header and a declared unit line", () => {
      expect(warnings).toEqual([]);
      expect(table.header.slice(0, 2)).toEqual(["code", "name"]);
      if (e.sheet !== undefined) expect(table.sheet).toBe(e.sheet);
      if (e.encoding !== undefined) expect(table.encoding).toBe(e.encoding);
      if (e.unit !== undefined) {
        const declared = table.titleLines.map((l) => UNIT_LINE.exec(l)?.[1]).find((u) => u !== undefined);
        expect(declared !== undefined && resolveUnit(declared)).toBe(e.unit);
      }
    });

    it.each(e.issues)("has the cell that $code points at", (want) => {
      if (want.path.sheet !== undefined) expect(table.sheet).toBe(want.path.sheet);
      const { row, column, columnName } = want.path;
      if (column !== undefined) expect(table.header[column - 1]).toBe(columnName);
      if (row === undefined) return;
      if (row === table.headerRow) return;
      if (row < table.headerRow) {
        // a title line: unit fixtures point at the line declaring the unit
        const k = table.titleRowNumbers?.indexOf(row) ?? -1;
        expect(UNIT_LINE.test(table.titleLines[k] ?? "")).toBe(true);
        return;
      }
      const k = table.rowNumbers.indexOf(row);
      expect(k).toBeGreaterThanOrEqual(0);
      if (column !== undefined && want.cellText !== undefined) expect(table.rows[k]?.[column - 1]).toBe(want.cellText);
    });
  });

  it("hard fixtures all hold the same balanced 3-sector table (Miller & Blair 2009 Table 2.3 extended)", async () => {
    for (const e of expectations.filter((x) => x.file.startsWith("hard/"))) {
      const r = await readFixture(e);
      if (!r.ok) throw new Error(JSON.stringify(r.issues));
      const t = r.value;
      const sectors = t.rows.filter((row) => !row[0]?.startsWith("va_"));
      const num = (s: string | undefined): number => {
        const v = parseNumberCell(s ?? "");
        if (typeof v !== "number") throw new Error(`${e.file}: not a number: ${s}`);
        return v;
      };
      const z = sectors.map((row) => [2, 3, 4].map((c) => num(row[c])));
      const fd = sectors.map((row) => num(row[5]) + num(row[6]));
      const x = sectors.map((row) => num(row[7]));
      expect(z, e.file).toEqual([
        [150, 500, 50],
        [200, 100, 400],
        [300, 0, 0],
      ]);
      expect(x, e.file).toEqual([1000, 2000, 1000]);
      expect(fd, e.file).toEqual([300, 1300, 700]); // exact: .25/.5/.75 are exact binary fractions
      expect(sectors.map((row) => row[1] !== "")).toEqual([true, true, true]);
      expect(t.rows.filter((row) => row[0]?.startsWith("va_")).length).toBe(2);
      expect(TEMPLATE_COLUMNS.every((c) => t.header.includes(c))).toBe(true);
    }
  });

  it("keeps Chinese names from the GBK file", async () => {
    const r = await readTabularFile(bytesOf("hard/gbk-no-bom.csv"), { file: "hard/gbk-no-bom.csv" });
    if (!r.ok) throw new Error("read failed");
    expect(r.value.rows.map((row) => row[1])).toEqual([
      "农业",
      "制造业",
      "信息传输、软件和信息技术服务",
      "劳动者报酬",
      "其他增加值",
    ]);
    expect(r.value.header.slice(5)).toEqual(["fd_居民消费", "fd_资本形成总额", "output"]);
    expect(r.value.titleLines).toEqual(["示例投入产出表（3部门，Miller & Blair 2009 表2.3扩展）", "单位：万元"]);
  });

  it("counts the quoted CRLF of hard/utf8-bom-crlf.csv as a physical line", async () => {
    const r = await readTabularFile(bytesOf("hard/utf8-bom-crlf.csv"), { file: "u.csv" });
    if (!r.ok) throw new Error("read failed");
    expect(r.value.headerRow).toBe(2);
    expect(r.value.rowNumbers).toEqual([3, 4, 6, 7, 8]);
    expect(r.value.rows.map((row) => row[1]).slice(0, 3)).toEqual([
      'Agriculture, forestry and "fishing"',
      "Manufacturing\n(incl. mining)",
      "Information, software and IT services",
    ]);
  });
});

describe("readTabularFile / detectTabularFormat", () => {
  it("detects XLSX by magic bytes whatever the name, and CSV otherwise", () => {
    expect(detectTabularFormat(bytesOf("hard/title-rows-merged-header.xlsx"), "upload.bin")).toBe("xlsx");
    expect(detectTabularFormat(bytesOf("hard/gbk-no-bom.csv"), "a.CSV")).toBe("csv");
    expect(detectTabularFormat(new TextEncoder().encode("x"), "a.XLSX")).toBe("xlsx");
    expect(detectTabularFormat(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), "a.dat")).toBe("xls");
  });

  it("reads an XLSX upload without an extension", async () => {
    const r = await readTabularFile(bytesOf("hard/title-rows-merged-header.xlsx"), { file: "upload" });
    expect(r.ok && r.value.sheet).toBe("投入产出表");
  });

  it("rejects legacy .xls files clearly", async () => {
    expect(await readTabularFile(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]), { file: "t.xls" })).toEqual({
      ok: false,
      issues: [
        {
          code: "file_unreadable",
          severity: "error",
          path: { file: "t.xls" },
          params: { reason: "xls_not_supported" },
        },
      ],
    });
  });

  it("uses TAB for .tsv and honours an explicit format", async () => {
    const tsv = new TextEncoder().encode("a;b\tc\n1;2\t3\n");
    const r = await readTabularFile(tsv, { file: "t.tsv" });
    expect(r.ok && r.value.header).toEqual(["a;b", "c"]);
    const forced = await readTabularFile(tsv, { file: "t.tsv", format: "xlsx" });
    expect(forced).toMatchObject({ ok: false, issues: [{ code: "file_unreadable", params: { reason: "not_zip" } }] });
  });

  it("passes sheet and requiredColumns through to the XLSX reader", async () => {
    const r = await readTabularFile(bytesOf("bad/non-numeric.xlsx"), {
      file: "n.xlsx",
      sheet: "nope",
      requiredColumns: ["code"],
    });
    expect(r).toMatchObject({
      ok: false,
      issues: [{ code: "sheet_not_found", params: { available: ["投入产出表"] } }],
    });
  });
});
