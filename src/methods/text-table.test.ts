import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvField, renderCsv } from "./text-table.js";

/** RFC 4180 parser for the assertions (quoted fields, doubled quotes, LF records). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      record.push(field);
      field = "";
    } else if (c === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || record.length > 0) records.push([...record, field]);
  return records;
}

const NUMBER = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

describe("csvField: CSV injection (OWASP)", () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ["+cmd|' /C calc'!A0", `"'+cmd|' /C calc'!A0"`],
    ["@SUM(A1)", `"'@SUM(A1)"`],
    ["-2+3", `"'-2+3"`],
    ["\t=1+1", `"'\t=1+1"`],
    ["\r=1+1", `"'\r=1+1"`],
    ["+5", `"'+5"`],
    ["-", `"'-"`],
  ])("neutralises %j", (payload, expected) => {
    expect(csvField(payload)).toBe(expected);
    expect(parseCsv(`${csvField(payload)}\n`)).toEqual([[`'${payload}`]]);
  });

  it("keeps numbers as numbers, negative ones too", () => {
    expect(csvField(-1.5)).toBe("-1.5");
    expect(csvField("-1.5")).toBe("-1.5");
    expect(csvField(-2e-7)).toBe("-2e-7");
    expect(csvField(0)).toBe("0");
    expect(csvField("2012–2018")).toBe("2012–2018");
    expect(renderCsv(["code", "v"], [["=1", -1.5]])).toBe(`code,v\n"'=1",-1.5\n`);
  });

  it("leaves ordinary text alone", () => {
    expect(csvField("农林牧渔产品和服务")).toBe("农林牧渔产品和服务");
    expect(csvField("a=b")).toBe("a=b");
    expect(csvField('a,"b"')).toBe('"a,""b"""');
  });

  it("property: no parsed field starts a formula; `-` only for numbers; text round-trips", () => {
    const cell = fc.oneof(
      fc.string(),
      fc.constantFrom("=", "+", "-", "@", "\t", "\r").chain((p) => fc.string().map((s) => p + s)),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer().map(String),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const width = Math.max(...rows.map((r) => r.length));
        const header = Array.from({ length: width }, (_, i) => `c${i}`);
        const padded = rows.map((r) => [...r, ...Array<string>(width - r.length).fill("")]);
        const parsed = parseCsv(renderCsv(header, padded));
        expect(parsed.length).toBe(padded.length + 1);
        for (const [i, record] of parsed.slice(1).entries()) {
          for (const [j, f] of record.entries()) {
            expect(/^[=+@\t\r]/.test(f)).toBe(false);
            if (f.startsWith("-")) expect(NUMBER.test(f)).toBe(true);
            const input = padded[i]?.[j];
            if (typeof input === "string") expect(f === input || f === `'${input}`).toBe(true);
          }
        }
      }),
      { seed: 6, numRuns: 500 },
    );
  });
});
