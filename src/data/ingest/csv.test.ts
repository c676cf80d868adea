import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { encodeGb18030 } from "../../../test/fixtures/gb18030-encode.js";
import type { DataResult } from "../issues.js";
import { parseCsvRecords, type ReadCsvOptions, readCsv, sniffDelimiter } from "./csv.js";
import type { RawTable } from "./raw-table.js";

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const read = (text: string, options: Partial<ReadCsvOptions> = {}): DataResult<RawTable> =>
  readCsv(utf8(text), { file: "t.csv", ...options });

function ok(r: DataResult<RawTable>): RawTable {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.issues)}`);
  return r.value;
}
function issues(r: DataResult<RawTable>) {
  if (r.ok) throw new Error(`expected issues, got ${JSON.stringify(r.value)}`);
  return r.issues;
}

describe("parseCsvRecords", () => {
  it("handles quoted delimiters, doubled quotes and embedded newlines, counting physical lines", () => {
    const text = 'a,"b,c","say ""hi"""\n"multi\nline",x,y\nlast,1,2\n';
    const recs = parseCsvRecords(text, ",");
    expect(recs.map((r) => r.cells)).toEqual([
      ["a", "b,c", 'say "hi"'],
      ["multi\nline", "x", "y"],
      ["last", "1", "2"],
    ]);
    expect(recs.map((r) => r.line)).toEqual([1, 2, 4]);
    expect(recs.every((r) => r.endedWithNewline)).toBe(true);
  });

  it("treats CRLF, LF and lone CR as one line break each, also inside quotes (kept as \\n)", () => {
    const recs = parseCsvRecords('a,b\r\nc,"d\re"\rf,g\nh,"i\r\nj"', ",");
    expect(recs.map((r) => r.cells)).toEqual([
      ["a", "b"],
      ["c", "d\ne"],
      ["f", "g"],
      ["h", "i\nj"],
    ]);
    expect(recs.map((r) => r.line)).toEqual([1, 2, 4, 5]);
    expect(recs[3]?.endedWithNewline).toBe(false);
  });

  it("keeps empty fields, a trailing delimiter at EOF, and blank lines", () => {
    expect(parseCsvRecords(",,\n\nx,", ",").map((r) => r.cells)).toEqual([["", "", ""], [""], ["x", ""]]);
  });

  it("drops blanks before an opening quote and appends text after the closing quote", () => {
    expect(parseCsvRecords(' "a,b" ,"c"d', ",")[0]?.cells).toEqual(["a,b ", "cd"]);
  });

  it("reads a quote inside an unquoted field literally", () => {
    expect(parseCsvRecords('5" pipe,x', ",")[0]?.cells).toEqual(['5" pipe', "x"]);
  });

  it("flags a quoted field left open at EOF with the line it started on", () => {
    const recs = parseCsvRecords('a,b\nc,"open\nmore', ",");
    expect(recs[1]).toMatchObject({
      line: 2,
      unterminatedQuote: { cellIndex: 1, line: 2 },
      cells: ["c", "open\nmore"],
    });
  });
});

describe("sniffDelimiter", () => {
  it("picks the delimiter giving consistent field counts", () => {
    expect(sniffDelimiter("单位：万元\na,b,c\n1,2,3\n4,5,6\n")).toBe(",");
    expect(sniffDelimiter("unit: x\na;b;c\n1,5;2,5;3\n4;5;6\n")).toBe(";");
    expect(sniffDelimiter("a\tb\tc\n1\t2\t3\n")).toBe("\t");
    expect(sniffDelimiter('"x;y",b\n"1;2",3\n')).toBe(",");
  });
  it("falls back to a comma for a single column", () => {
    expect(sniffDelimiter("a\nb\n")).toBe(",");
  });
});

describe("readCsv", () => {
  it("reads title lines, the header and data rows with physical line numbers", () => {
    const t = ok(read("2020年表,,,\n单位：万元,,,\n\ncode,name,01,output\n01,农业,1,2\n\n02,工业,3,4\n"));
    expect(t).toEqual({
      file: "t.csv",
      encoding: "utf-8",
      header: ["code", "name", "01", "output"],
      headerRow: 4,
      rows: [
        ["01", "农业", "1", "2"],
        ["02", "工业", "3", "4"],
      ],
      rowNumbers: [5, 7],
      titleLines: ["2020年表", "单位：万元"],
      titleRowNumbers: [1, 2],
    });
  });

  it("keeps a comment title line whole, commas included", () => {
    const t = ok(read("# unit: 10,000 yuan\ncode,name,x\n01,a,1\n02,b,2\n"));
    expect(t.titleLines).toEqual(["# unit: 10,000 yuan"]);
    expect(t.headerRow).toBe(2);
  });

  it("trims cells and shifts later row numbers after an embedded newline", () => {
    const t = ok(read('code , name ,v\n01," multi\nline ", 1 \n02,b,2\n'));
    expect(t.header).toEqual(["code", "name", "v"]);
    expect(t.rows).toEqual([
      ["01", "multi\nline", "1"],
      ["02", "b", "2"],
    ]);
    expect(t.rowNumbers).toEqual([2, 4]);
  });

  it("reads CR-only files", () => {
    const t = ok(read("单位:万元\rcode,name,v\r01,a,1\r02,b,2"));
    expect(t.titleLines).toEqual(["单位:万元"]);
    expect(t.rowNumbers).toEqual([3, 4]);
    expect(t.rows[1]).toEqual(["02", "b", "2"]);
  });

  it("auto-detects the header even with an empty corner cell", () => {
    const t = ok(read("title\n,a,b,c\nr1,1,2,3\nr2,4,5,6\n"));
    expect(t.headerRow).toBe(2);
    expect(t.header).toEqual(["", "a", "b", "c"]);
  });

  it("finds the header by requiredColumns, below a wide title row", () => {
    const t = ok(read("a,b,c,d\ncode,name,output,x\n01,n,1,2\n", { requiredColumns: ["code", "output"] }));
    expect(t.headerRow).toBe(2);
    expect(t.titleLines).toEqual(["a,b,c,d"]);
  });

  it("uses an explicit header row", () => {
    const t = ok(read("x,y\ncode,name\n01,a\n", { headerRow: 2 }));
    expect(t.header).toEqual(["code", "name"]);
    expect(t.titleLines).toEqual(["x,y"]);
  });

  it("reports header_not_found for an explicit header row that holds no record", () => {
    expect(issues(read("a,b\n\n1,2\n", { headerRow: 2 }))).toEqual([
      { code: "header_not_found", severity: "error", path: { file: "t.csv" }, params: { expected: [], headerRow: 2 } },
    ]);
  });

  it("reports header_not_found when no row has any required column", () => {
    expect(issues(read("部门代码,名称\n01,a\n", { requiredColumns: ["code", "name"] }))).toMatchObject([
      { code: "header_not_found", path: { file: "t.csv" }, params: { expected: ["code", "name"] } },
    ]);
  });

  it("reports every missing required column at the header row", () => {
    expect(issues(read("t\ncode,x\n01,1\n", { requiredColumns: ["code", "name", "output"] }))).toEqual([
      { code: "missing_column", severity: "error", path: { file: "t.csv", row: 2 }, params: { column: "name" } },
      { code: "missing_column", severity: "error", path: { file: "t.csv", row: 2 }, params: { column: "output" } },
    ]);
  });

  it("drops trailing empty cells and the empty tail of a padded header", () => {
    const t = ok(read("code,name,,\n01,a,,\n02,b\n"));
    expect(t.header).toEqual(["code", "name"]);
    expect(t.rows).toEqual([
      ["01", "a"],
      ["02", "b"],
    ]);
  });

  it("pads short rows in the middle of the file", () => {
    const t = ok(read("code,name,v\nva_x,labour\n01,a,1\n"));
    expect(t.rows[0]).toEqual(["va_x", "labour", ""]);
  });

  it("reports invalid_value for a non-empty cell beyond the header, collecting all rows", () => {
    expect(issues(read("code,name\n01,a,b\n02,c,,d\n"))).toEqual([
      {
        code: "invalid_value",
        severity: "error",
        path: { file: "t.csv", row: 2, column: 3 },
        params: { value: "b", expected: "empty", cells: 3, headerCells: 2 },
      },
      {
        code: "invalid_value",
        severity: "error",
        path: { file: "t.csv", row: 3, column: 4 },
        params: { value: "d", expected: "empty", cells: 4, headerCells: 2 },
      },
    ]);
  });

  it("reports truncated_file for a short last row without a final newline", () => {
    expect(issues(read("code,name,a,b\n01,x,1,2\n02,y,3"))).toEqual([
      {
        code: "truncated_file",
        severity: "error",
        path: { file: "t.csv", row: 3, column: 3, columnName: "a" },
        params: { reason: "short_last_row", cells: 3, expected: 4 },
      },
    ]);
  });

  it("does not call a short last row truncated when it ends with a newline", () => {
    expect(ok(read("code,name,a,b\n01,x,1,2\n02,y,3\n")).rows[1]).toEqual(["02", "y", "3", ""]);
  });

  it("does not call a short last row truncated when the writer omits trailing empty cells elsewhere too", () => {
    expect(ok(read("code,name,a,b\n01,x\n02,y,3,4\nva,z")).rows).toHaveLength(3);
  });

  it("reports truncated_file at the start of a quoted field left open at EOF, with the other issues", () => {
    expect(issues(read('code,name,v\n01,a,1,extra\n02,"cut here\n03,c,3\n'))).toEqual([
      {
        code: "truncated_file",
        severity: "error",
        path: { file: "t.csv", row: 3, column: 2, columnName: "name" },
        params: { reason: "unterminated_quote" },
      },
      {
        code: "invalid_value",
        severity: "error",
        path: { file: "t.csv", row: 2, column: 4 },
        params: { value: "extra", expected: "empty", cells: 4, headerCells: 3 },
      },
    ]);
  });

  it.each([
    ["no bytes", new Uint8Array(0)],
    ["only a BOM", new Uint8Array([0xef, 0xbb, 0xbf])],
    ["only blank lines", utf8("\r\n \n\t\n")],
  ])("reports an empty file (%s) as file_unreadable/empty_file", (_name, bytes) => {
    expect(issues(readCsv(bytes, { file: "e.csv" }))).toEqual([
      { code: "file_unreadable", severity: "error", path: { file: "e.csv" }, params: { reason: "empty_file" } },
    ]);
  });

  it("passes encoding issues through", () => {
    expect(issues(readCsv(new Uint8Array([0x61, 0xe9, 0x2c]), { file: "x.csv" }))).toMatchObject([
      { code: "encoding_unrecognised", path: { file: "x.csv" } },
    ]);
  });

  it("reads semicolon and tab delimited text, auto-detected", () => {
    expect(ok(read("a;b\n1,5;2\n")).rows).toEqual([["1,5", "2"]]);
    expect(ok(read("a\tb\n1\t 2\n")).rows).toEqual([["1", "2"]]);
  });

  it("reads GBK bytes and reports gb18030", () => {
    const t = ok(readCsv(encodeGb18030("单位：万元\ncode,name\n01,农林牧渔产品和服务\n"), { file: "g.csv" }));
    expect(t.encoding).toBe("gb18030");
    expect(t.rows).toEqual([["01", "农林牧渔产品和服务"]]);
    expect(t.titleLines).toEqual(["单位：万元"]);
  });
});

// ------------------------------------------------------------------ property: serialise → parse

const CELL_UNITS = [
  "a",
  "Z",
  "0",
  "9",
  " ",
  ",",
  ";",
  "\t",
  '"',
  "\n",
  "\r",
  "中",
  "万",
  "元",
  "、",
  "（",
  "）",
  "-",
  ".",
];
const cellArb = fc.string({ unit: fc.constantFrom(...CELL_UNITS), maxLength: 8 });
const gbCellArb = fc.string({ unit: fc.constantFrom(...CELL_UNITS.filter((u) => u !== "\t")), maxLength: 8 });

function quote(cell: string, delimiter: string): string {
  return /["\n\r]/.test(cell) || cell.includes(delimiter) || cell !== cell.trim()
    ? `"${cell.replace(/"/g, '""')}"`
    : cell;
}

/** Serialises header + rows; returns the text and the 1-based physical line of each data row. */
function serialise(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  delimiter: string,
  eol: string,
  finalEol: boolean,
): { text: string; lines: number[] } {
  const all = [header, ...rows];
  const parts: string[] = [];
  const lines: number[] = [];
  let line = 1;
  all.forEach((row, i) => {
    const text = row.map((c) => quote(c, delimiter)).join(delimiter);
    if (i > 0) lines.push(line);
    parts.push(text);
    line += (text.match(/\r\n|\r|\n/g) ?? []).length + 1;
  });
  return { text: parts.join(eol) + (finalEol ? eol : ""), lines };
}

const normalise = (cell: string): string => cell.replace(/\r\n|\r/g, "\n").trim();

const tableArb = (cells: fc.Arbitrary<string>) =>
  fc.integer({ min: 1, max: 5 }).chain((width) =>
    fc.record({
      header: fc.array(fc.constantFrom("code", "name", "表头", "x1", "产出"), { minLength: width, maxLength: width }),
      rows: fc.array(fc.array(cells, { minLength: width, maxLength: width }), { maxLength: 8 }),
      delimiter: fc.constantFrom(",", ";", "\t"),
      eol: fc.constantFrom("\n", "\r\n", "\r"),
      finalEol: fc.boolean(),
    }),
  );

function expectRoundTrip(
  t: RawTable,
  rows: readonly (readonly string[])[],
  header: readonly string[],
  lines: readonly number[],
): void {
  const kept = rows
    .map((r, i) => ({ cells: r.map(normalise), line: lines[i] ?? -1 }))
    .filter((r) => r.cells.some((c) => c !== ""));
  expect(t.header).toEqual(header);
  expect(t.headerRow).toBe(1);
  expect(t.rows).toEqual(kept.map((r) => r.cells));
  expect(t.rowNumbers).toEqual(kept.map((r) => r.line));
}

describe("readCsv round trip (property)", () => {
  test.prop([tableArb(cellArb)], { numRuns: 300 })(
    "serialising a random table to UTF-8 CSV with quoting and reading it back gives the same trimmed cells and line numbers",
    ({ header, rows, delimiter, eol, finalEol }) => {
      const { text, lines } = serialise(header, rows, delimiter, eol, finalEol);
      const t = ok(readCsv(utf8(text), { file: "p.csv", delimiter, headerRow: 1 }));
      expectRoundTrip(t, rows, header, lines);
    },
  );

  test.prop([tableArb(gbCellArb)], { numRuns: 200 })(
    "the same holds for GB18030 bytes with encoding auto-detected (header contains 表头)",
    ({ header, rows, delimiter, eol, finalEol }) => {
      const h = ["表头", ...header.slice(1)];
      const { text, lines } = serialise(h, rows, delimiter, eol, finalEol);
      const bytes = encodeGb18030(text);
      const t = ok(readCsv(bytes, { file: "p.csv", delimiter, headerRow: 1 }));
      // pure-ASCII text is valid UTF-8, which is tried first
      expect(t.encoding).toBe(bytes.some((b) => b >= 0x80) ? "gb18030" : "utf-8");
      expectRoundTrip(t, rows, h, lines);
    },
  );
});
