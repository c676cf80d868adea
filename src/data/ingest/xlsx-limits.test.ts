import { readFileSync } from "node:fs";
import { deflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { DataIssue, DataResult } from "../issues.js";
import type { RawTable } from "./raw-table.js";
import { readXlsx } from "./xlsx.js";
import { inspectXlsx, XLSX_LIMITS } from "./xlsx-limits.js";

const fixtures = new URL("../../../test/fixtures/", import.meta.url);
const fixture = (rel: string): Uint8Array => new Uint8Array(readFileSync(new URL(rel, fixtures)));

/** Sanity bound only (issue 6: "well under 1 GB"); no timing assertions. */
const HEAP_BOUND = 1024 * 1024 * 1024;

function issuesOf(r: DataResult<RawTable>): readonly DataIssue[] {
  if (r.ok) throw new Error("expected issues");
  return r.issues;
}

const limits = (issues: readonly DataIssue[]) =>
  issues.map((i) => (i.code === "file_too_complex" ? i.params.limit : i.code));

describe("hostile XLSX fixtures (test/fixtures/hostile, issue 6)", () => {
  it("reads the control workbook built the same way", async () => {
    const r = await readXlsx(fixture("hostile/control.xlsx"), { file: "control.xlsx" });
    expect(r.ok).toBe(true);
  });

  it.each([
    ["merge-full-sheet.xlsx", ["rows", "columns", "merged_area", "cells"], "表1"],
    ["row-100000000.xlsx", ["rows"], "表1"],
    ["unused-800mb-entry.xlsx", ["ratio", "unused_entry_bytes", "uncompressed_bytes"], undefined],
  ] as const)("%s → file_too_complex %j, heap bounded", async (name, expected, sheet) => {
    const r = await readXlsx(fixture(`hostile/${name}`), { file: name });
    const issues = issuesOf(r);
    expect(issues.every((i) => i.code === "file_too_complex" && i.path.file === name)).toBe(true);
    expect(limits(issues)).toEqual(expected);
    if (sheet !== undefined) expect(issues[0]?.path.sheet).toBe(sheet);
    expect(process.memoryUsage().heapUsed).toBeLessThan(HEAP_BOUND);
  });

  it("names the limit values", async () => {
    const issues = issuesOf(await readXlsx(fixture("hostile/merge-full-sheet.xlsx"), { file: "m.xlsx" }));
    expect(issues.find((i) => i.params.limit === "merged_area")?.params).toEqual({
      limit: "merged_area",
      value: 16384 * 1048576,
      max: XLSX_LIMITS.mergedArea,
      entry: "xl/worksheets/sheet1.xml",
    });
    const rows = issuesOf(await readXlsx(fixture("hostile/row-100000000.xlsx"), { file: "r.xlsx" }));
    expect(rows[0]?.params).toMatchObject({ limit: "rows", value: 100_000_000, max: XLSX_LIMITS.rows });
  });
});

/** A workbook written by exceljs, then one part rewritten (the zip rebuilt by a tiny writer below). */
async function exceljsBytes(build: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet("S"));
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** A minimal zip of deflated entries (CRC left 0: the guard does not check it and refuses before exceljs). */
function zipOf(parts: Record<string, string | Uint8Array>): Uint8Array {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [n, content] of Object.entries(parts)) {
    const raw = typeof content === "string" ? Buffer.from(content) : Buffer.from(content);
    const data = deflateRawSync(raw);
    const name = Buffer.from(n);
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(8, 8);
    h.writeUInt32LE(data.length, 18);
    h.writeUInt32LE(raw.length, 22);
    h.writeUInt16LE(name.length, 26);
    chunks.push(h, name, data);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(8, 10);
    c.writeUInt32LE(data.length, 20);
    c.writeUInt32LE(raw.length, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, name);
    offset += 30 + name.length + data.length;
  }
  const cd = Buffer.concat(central);
  const e = Buffer.alloc(22);
  e.writeUInt32LE(0x06054b50, 0);
  e.writeUInt16LE(central.length / 2, 8);
  e.writeUInt16LE(central.length / 2, 10);
  e.writeUInt32LE(cd.length, 12);
  e.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, cd, e]));
}

const WB = `<workbook xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WB_RELS = `<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>`;
const sheetXml = (inner: string, after = "") => `<worksheet><sheetData>${inner}</sheetData>${after}</worksheet>`;

describe("inspectXlsx limits", () => {
  it("passes workbooks written by exceljs, and the committed XLSX fixtures", async () => {
    const bytes = await exceljsBytes((ws) => {
      ws.addRow(["code", "name", "01"]);
      ws.addRow(["01", "农业", 1]);
      ws.mergeCells("A3:C3");
    });
    expect(inspectXlsx(bytes, "x.xlsx").issues).toEqual([]);
    for (const f of ["hard/title-rows-merged-header.xlsx", "bad/non-numeric.xlsx"])
      expect(inspectXlsx(fixture(f), f).issues).toEqual([]);
  });

  it("refuses any DOCTYPE or ENTITY declaration", () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><worksheet><sheetData/></worksheet>`;
    const r = inspectXlsx(zipOf({ "xl/workbook.xml": WB, "xl/worksheets/sheet1.xml": bomb }), "e.xlsx");
    expect(r.issues.map((i) => [i.code, i.params.limit, i.params.entry])).toEqual([
      ["file_too_complex", "entity", "xl/worksheets/sheet1.xml"],
    ]);
  });

  it("checks columns (cell references and <dimension>), cells and shared strings", () => {
    const cols = inspectXlsx(
      zipOf({
        "xl/workbook.xml": WB,
        "xl/_rels/workbook.xml.rels": WB_RELS,
        "xl/worksheets/sheet1.xml": sheetXml(`<row r="1"><c r="ZZZ1"><v>1</v></c></row>`),
      }),
      "c.xlsx",
    ).issues;
    expect(cols.map((i) => [i.params.limit, i.params.value, i.path.sheet])).toEqual([["columns", 18278, "S"]]);
    const dim = inspectXlsx(
      zipOf({ "xl/worksheets/sheet1.xml": `<worksheet><dimension ref="A1:B200000"/><sheetData/></worksheet>` }),
      "d.xlsx",
    ).issues;
    expect(dim.map((i) => i.params.limit)).toEqual(["rows"]);
    const sst = inspectXlsx(
      zipOf({ "xl/sharedStrings.xml": `<sst uniqueCount="2000000000"><si><t>a</t></si></sst>` }),
      "s.xlsx",
    ).issues;
    expect(sst.map((i) => i.params.limit)).toEqual(["shared_strings"]);
    // many cells without r attributes: counted, and columns implied
    // one row of varied numbers (≈ 60 KB, beyond deflate's 32 KB window, so rows do not compress against each other)
    const oneRow = `<row>${Array.from({ length: 5000 }, (_, c) => `<c><v>${c * 7919}</v></c>`).join("")}</row>`;
    const rows = oneRow.repeat(201);
    const many = inspectXlsx(zipOf({ "xl/worksheets/sheet1.xml": sheetXml(rows) }), "m.xlsx").issues;
    expect(many.map((i) => i.params.limit)).toEqual(["columns", "cells"]);
  });

  it("refuses too many entries, and corrupt containers as file_unreadable", () => {
    const parts: Record<string, string> = {};
    for (let k = 0; k <= XLSX_LIMITS.entries; k++) parts[`x${k}.xml`] = "<a/>";
    expect(inspectXlsx(zipOf(parts), "n.xlsx").issues.map((i) => i.params.limit)).toEqual(["entries"]);
    const good = zipOf({ "a.xml": "<a/>" });
    const truncated = good.subarray(0, good.length - 10);
    expect(inspectXlsx(truncated, "t.xlsx").issues.map((i) => [i.code, i.params.reason])).toEqual([
      ["file_unreadable", "corrupt_xlsx"],
    ]);
  });

  it("refuses an entry that inflates beyond its declared size (a lying central directory)", () => {
    const z = Buffer.from(zipOf({ "a.xml": `<a>${"x".repeat(10_000)}</a>` }));
    // declared uncompressed size → 10 (central directory and local header)
    const cd = z.readUInt32LE(z.length - 6);
    z.writeUInt32LE(10, cd + 24);
    z.writeUInt32LE(10, 22);
    expect(inspectXlsx(new Uint8Array(z), "l.xlsx").issues.map((i) => i.params.reason)).toEqual(["corrupt_xlsx"]);
  });
});

const CT = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const ROOT = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WB_FULL = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WB_RELS_FULL = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;

/** A workbook whose one sheet XML is written as Excel writes it (exceljs itself drops falsy cached results on write). */
function excelLike(rows: string): Uint8Array {
  return zipOf({
    "[Content_Types].xml": CT,
    "_rels/.rels": ROOT,
    "xl/workbook.xml": WB_FULL,
    "xl/_rels/workbook.xml.rels": WB_RELS_FULL,
    "xl/worksheets/sheet1.xml": `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`,
  });
}

describe("readXlsx: cached formula results that are falsy (issue 6)", () => {
  const header = `<row r="1"><c r="A1" t="inlineStr"><is><t>code</t></is></c><c r="B1" t="inlineStr"><is><t>a</t></is></c><c r="C1" t="inlineStr"><is><t>b</t></is></c></row>`;
  it.each([
    ["0", `<c r="C2"><f>B2-B2</f><v>0</v></c>`, "0"],
    ["FALSE", `<c r="C2" t="b"><f>B2&gt;5</f><v>0</v></c>`, "FALSE"],
    ["TRUE", `<c r="C2" t="b"><f>B2&lt;5</f><v>1</v></c>`, "TRUE"],
    ["empty string <v></v>", `<c r="C2" t="str"><f>""</f><v></v></c>`, ""],
    ["empty string <v/>", `<c r="C2" t="str"><f>""</f><v/></c>`, ""],
    ["shared formula with cached 0", `<c r="C2"><f t="shared" ref="C2:C2" si="0">B2-B2</f><v>0</v></c>`, "0"],
  ])("cached %s reads as its value", async (_, cell, expected) => {
    const bytes = excelLike(
      `${header}<row r="2"><c r="A2" t="inlineStr"><is><t>01</t></is></c><c r="B2"><v>3</v></c>${cell}</row>`,
    );
    const r = await readXlsx(bytes, { file: "f.xlsx" });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.rows).toEqual([["01", "3", expected]]);
  });

  it("still refuses a formula with no cached result at all", async () => {
    const bytes = excelLike(
      `${header}<row r="2"><c r="A2" t="inlineStr"><is><t>01</t></is></c><c r="B2"><v>3</v></c><c r="C2"><f>B2-B2</f></c></row>`,
    );
    const r = await readXlsx(bytes, { file: "f.xlsx" });
    expect(r.ok ? [] : r.issues.map((i) => [i.code, i.params.expected, i.path.row, i.path.column])).toEqual([
      ["invalid_value", "cached_formula_result", 2, 3],
    ]);
  });
});
