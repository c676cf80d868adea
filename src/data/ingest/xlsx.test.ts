import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { DataResult } from "../issues.js";
import type { RawTable } from "./raw-table.js";
import { cellValueText, readXlsx } from "./xlsx.js";

const fixtures = new URL("../../../test/fixtures/", import.meta.url);
const fixture = (rel: string): Uint8Array => new Uint8Array(readFileSync(new URL(rel, fixtures)));

function ok(r: DataResult<RawTable>): RawTable {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.issues)}`);
  return r.value;
}

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe("readXlsx on hard/title-rows-merged-header.xlsx", () => {
  const bytes = fixture("hard/title-rows-merged-header.xlsx");

  it("skips the merged title rows and resolves the two-row merged header", async () => {
    const t = ok(await readXlsx(bytes, { file: "hard/title-rows-merged-header.xlsx" }));
    expect(t.sheet).toBe("投入产出表");
    expect(t.titleLines).toEqual(["2020年示例投入产出表（3部门）", "单位：万元"]);
    expect(t.header).toEqual(["code", "name", "01", "02", "03", "fd_居民消费", "fd_资本形成总额", "output"]);
    expect(t.headerGroups).toEqual(["", "", "中间使用", "中间使用", "中间使用", "最终使用", "最终使用", ""]);
    expect(t.headerRow).toBe(4);
    expect(t.headerRowSpan).toBe(2);
    expect(t.encoding).toBeUndefined();
  });

  it("reads cells at full precision (ignoring number formats), formulas as cached results, skipping the blank row", async () => {
    const t = ok(await readXlsx(bytes, { file: "x.xlsx" }));
    expect(t.rowNumbers).toEqual([5, 6, 7, 9, 10]);
    expect(t.rows).toEqual([
      ["01", "农业", "150", "500", "50", "200.25", "99.75", "1000"],
      ["02", "制造业", "200", "100", "400", "800.5", "499.5", "2000"],
      ["03", "信息传输、软件和信息技术服务", "300", "0", "0", "499.75", "200.25", "1000"],
      ["va_labour", "劳动者报酬", "200", "900", "300", "", "", ""],
      ["va_other", "其他增加值", "150", "500", "250", "", "", ""],
    ]);
  });

  it("finds the same header through requiredColumns", async () => {
    const t = ok(await readXlsx(bytes, { file: "x.xlsx", requiredColumns: ["code", "name", "output", "03"] }));
    expect(t.headerRow).toBe(4);
    expect(t.header[4]).toBe("03");
  });

  it("converts dates, rich text, hyperlinks, booleans, errors and floats on the second sheet", async () => {
    const t = ok(await readXlsx(bytes, { file: "x.xlsx", sheet: "说明" }));
    expect(t.header).toEqual(["项目", "内容"]);
    expect(t.rows).toEqual([
      ["发布日期", "2021-09-30"],
      ["来源", "国家统计局"],
      ["链接", "stats.gov.cn"],
      ["已核对", "TRUE"],
      ["缺失", "#N/A"],
      ["精度", "0.30000000000000004"],
    ]);
  });

  it("reports sheet_not_found listing the available sheets", async () => {
    expect(await readXlsx(bytes, { file: "x.xlsx", sheet: "Sheet1" })).toEqual({
      ok: false,
      issues: [
        {
          code: "sheet_not_found",
          severity: "error",
          path: { file: "x.xlsx" },
          params: { sheet: "Sheet1", available: ["投入产出表", "说明"] },
        },
      ],
    });
  });

  it("reports missing_column with the sheet and the lower header row", async () => {
    const r = await readXlsx(bytes, { file: "x.xlsx", requiredColumns: ["code", "total"] });
    expect(r).toEqual({
      ok: false,
      issues: [
        {
          code: "missing_column",
          severity: "error",
          path: { file: "x.xlsx", sheet: "投入产出表", row: 4 },
          params: { column: "total" },
        },
      ],
    });
  });

  it("reads the upper row alone when headerRows is 1", async () => {
    const t = ok(await readXlsx(bytes, { file: "x.xlsx", headerRow: 3, headerRows: 1 }));
    expect(t.header).toEqual(["code", "name", "中间使用", "中间使用", "中间使用", "最终使用", "最终使用", "output"]);
    expect(t.rowNumbers[0]).toBe(4);
  });
});

describe("readXlsx", () => {
  it("reports not_zip and corrupt_xlsx as file_unreadable", async () => {
    expect(await readXlsx(new TextEncoder().encode("code,name\n"), { file: "a.xlsx" })).toMatchObject({
      ok: false,
      issues: [{ code: "file_unreadable", path: { file: "a.xlsx" }, params: { reason: "not_zip" } }],
    });
    expect(await readXlsx(fixture("bad/corrupt.xlsx"), { file: "b.xlsx" })).toMatchObject({
      ok: false,
      issues: [{ code: "file_unreadable", params: { reason: "corrupt_xlsx" } }],
    });
  });

  it("steps up to the group row of a wide two-row header whose upper row holds few cells", async () => {
    const codes = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, "0"));
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet("T");
      ws.getCell(1, 1).value = "title";
      ws.mergeCells(1, 1, 1, 15);
      ws.getCell(2, 1).value = "code";
      ws.mergeCells(2, 1, 3, 1);
      ws.getCell(2, 2).value = "name";
      ws.mergeCells(2, 2, 3, 2);
      ws.getCell(2, 3).value = "中间使用";
      ws.mergeCells(2, 3, 2, 14);
      ws.getCell(2, 15).value = "output";
      ws.mergeCells(2, 15, 3, 15);
      codes.forEach((c, i) => {
        ws.getCell(3, 3 + i).value = c;
      });
      for (let r = 4; r <= 6; r++) for (let c = 1; c <= 15; c++) ws.getCell(r, c).value = c <= 2 ? `r${r}c${c}` : r * c;
    });
    const t = ok(await readXlsx(bytes, { file: "w.xlsx" }));
    expect(t.headerRow).toBe(3);
    expect(t.header).toEqual(["code", "name", ...codes, "output"]);
    expect(t.titleLines).toEqual(["title"]);
    expect(t.rowNumbers).toEqual([4, 5, 6]);
  });

  it("repeats a single-row header cell merged across columns, and reads numeric text cells as written", async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet("S");
      ws.getCell("A1").value = "code";
      ws.getCell("B1").value = "name";
      ws.mergeCells("B1:C1");
      ws.getCell("D1").value = "v";
      ws.getCell("A2").value = "01";
      ws.getCell("B2").value = "农业";
      ws.getCell("C2").value = "Agriculture";
      ws.getCell("D2").value = "1,234.5";
    });
    // B1:C1 over a filled row looks like a group header; headerRows: 1 says otherwise.
    const t = ok(await readXlsx(bytes, { file: "s.xlsx", headerRows: 1 }));
    expect(t.header).toEqual(["code", "name", "name", "v"]);
    expect(t.rows).toEqual([["01", "农业", "Agriculture", "1,234.5"]]);
  });

  it("reports a non-empty cell beyond the header as invalid_value with sheet, row and column", async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet("数据");
      ws.addRow(["code", "name"]);
      ws.addRow(["01", "a"]);
      ws.addRow(["02", "b", undefined, 7]);
    });
    expect(await readXlsx(bytes, { file: "e.xlsx" })).toEqual({
      ok: false,
      issues: [
        {
          code: "invalid_value",
          severity: "error",
          path: { file: "e.xlsx", sheet: "数据", row: 3, column: 4 },
          params: { value: "7", expected: "empty", cells: 4, headerCells: 2 },
        },
      ],
    });
  });

  it("reports header_not_found for an empty sheet and for a header row that is blank", async () => {
    const bytes = await workbook((wb) => {
      wb.addWorksheet("Empty");
      const ws = wb.addWorksheet("Data");
      ws.getCell("A1").value = "code";
      ws.getCell("A3").value = "01";
    });
    expect(await readXlsx(bytes, { file: "h.xlsx" })).toMatchObject({
      ok: false,
      issues: [{ code: "header_not_found", path: { file: "h.xlsx", sheet: "Empty" } }],
    });
    expect(await readXlsx(bytes, { file: "h.xlsx", sheet: "Data", headerRow: 2 })).toMatchObject({
      ok: false,
      issues: [{ code: "header_not_found", path: { sheet: "Data" }, params: { headerRow: 2 } }],
    });
  });
});

describe("cellValueText", () => {
  it.each([
    [null, ""],
    [undefined, ""],
    [0.1 + 0.2, "0.30000000000000004"],
    [1e21, "1e+21"],
    [-0.000001, "-0.000001"],
    ["  text ", "  text "],
    [false, "FALSE"],
    [new Date(Date.UTC(2020, 0, 31)), "2020-01-31"],
    [new Date(Date.UTC(2020, 0, 31, 12, 30)), "2020-01-31T12:30:00.000Z"],
    [{ formula: "A1*2", result: 4.5 }, "4.5"],
    [{ sharedFormula: "A1", result: "x" }, "x"],
    [{ formula: "A1" }, ""],
    [{ formula: "1/0", result: { error: "#DIV/0!" } }, "#DIV/0!"],
    [{ richText: [{ text: "单" }, { text: "位" }] }, "单位"],
    [{ text: "link", hyperlink: "https://example.org" }, "link"],
    [{ text: { richText: [{ text: "rich link" }] }, hyperlink: "https://example.org" }, "rich link"],
  ])("renders %j as %j", (value, expected) => {
    expect(cellValueText(value)).toBe(expected);
  });
});

describe("readXlsx header-row and formula policies", () => {
  it("accepts the lower row of a two-row header as headerRow (a previous result's headerRow)", async () => {
    const bytes = fixture("hard/title-rows-merged-header.xlsx");
    const first = ok(await readXlsx(bytes, { file: "x.xlsx" }));
    const again = ok(await readXlsx(bytes, { file: "x.xlsx", headerRow: first.headerRow }));
    expect(again).toEqual(first);
    const top = ok(await readXlsx(bytes, { file: "x.xlsx", headerRow: 3 }));
    expect(top).toEqual(first);
  });

  it("refuses formulas without a cached result instead of reading them as empty", async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet("F");
      ws.addRow(["code", "name", "output"]);
      ws.addRow(["01", "a", 5]);
      ws.getCell("C3").value = { formula: "C2*2" } as ExcelJS.CellFormulaValue;
      ws.getCell("A3").value = "02";
      ws.getCell("B3").value = "b";
    });
    expect(await readXlsx(bytes, { file: "f.xlsx" })).toEqual({
      ok: false,
      issues: [
        {
          code: "invalid_value",
          severity: "error",
          path: { file: "f.xlsx", sheet: "F", row: 3, column: 3, columnName: "output" },
          params: { value: "=C2*2", expected: "cached_formula_result" },
        },
      ],
    });
  });
});

describe("readXlsx title merged over two rows", () => {
  it("keeps a title merged across the width and two rows out of the header", async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet("T");
      ws.getCell("A1").value = "2020年投入产出表";
      ws.mergeCells("A1:C2");
      ws.getCell("A3").value = "单位：万元";
      ws.addRow(["code", "name", "output"]);
      ws.addRow(["01", "a", 1]);
    });
    const t = ok(await readXlsx(bytes, { file: "t.xlsx" }));
    expect(t.titleLines).toEqual(["2020年投入产出表", "单位：万元"]);
    expect(t.titleRowNumbers).toEqual([1, 3]);
    expect(t.headerRow).toBe(4);
    expect(t.headerRowSpan).toBeUndefined();
    expect(t.rows).toEqual([["01", "a", "1"]]);
  });
});
