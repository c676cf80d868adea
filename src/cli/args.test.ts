import { describe, expect, it } from "vitest";
import { csvField, displayWidth, renderCsv, renderTextTable } from "../methods/text-table.js";
import { checkKnown, enumOption, parseArgs, UsageError } from "./args.js";

describe("parseArgs", () => {
  it("reads --key value, --key=value, flags and positionals", () => {
    const a = parseArgs(["io", "linkages", "--table", "t", "--format=json", "--replace", "-h", "--", "--literal"]);
    expect(a.positionals).toEqual(["io", "linkages", "--literal"]);
    expect(Object.fromEntries(a.options)).toEqual({ table: "t", format: "json" });
    expect([...a.flags].sort()).toEqual(["help", "replace"]);
  });
  it("accepts negative numbers as values and rejects a missing value", () => {
    expect(parseArgs(["--through", "-1"]).options.get("through")).toBe("-1");
    const missing = parseArgs(["--table"]);
    expect(() => checkKnown(missing, "io linkages", ["table"])).toThrow(
      expect.objectContaining({ key: "usage.missing_value" }),
    );
    expect(() => checkKnown(missing, "io linkages", ["table"])).toThrow(UsageError);
  });
  it("reports a trailing unknown option as unknown, not as missing its value", () => {
    expect(() => checkKnown(parseArgs(["--bogus"]), "io linkages", ["table"])).toThrow(
      expect.objectContaining({ key: "usage.unknown_option", params: { option: "--bogus", command: "io linkages" } }),
    );
    expect(() => checkKnown(parseArgs(["--bogus", "--table", "t"]), "io linkages", ["table"])).toThrow(
      expect.objectContaining({ key: "usage.unknown_option" }),
    );
  });
  it("rejects unknown options and values outside an enum", () => {
    const a = parseArgs(["--bogus", "1", "--format", "xml"]);
    expect(() => checkKnown(a, "io linkages", ["format"])).toThrow(
      expect.objectContaining({ key: "usage.unknown_option" }),
    );
    expect(() => enumOption(a, "format", ["table", "json"] as const, "table")).toThrow(
      expect.objectContaining({ key: "usage.invalid_value" }),
    );
  });
});

describe("text tables", () => {
  it("count Chinese characters as two cells", () => {
    expect(displayWidth("影响力系数")).toBe(10);
    expect(displayWidth("abc")).toBe(3);
    expect(displayWidth("（）")).toBe(4);
  });
  it("align columns by display width", () => {
    const out = renderTextTable(
      ["代码", "名称"],
      [
        ["1", "农业"],
        ["22", "x"],
      ],
      ["left", "right"],
    );
    const lines = out.trimEnd().split("\n");
    expect(new Set(lines.map(displayWidth)).size).toBe(1);
  });
  it("quote CSV fields with commas, quotes and newlines", () => {
    expect(csvField('a,"b"')).toBe('"a,""b"""');
    expect(csvField(Number.NaN)).toBe("");
    expect(renderCsv(["x"], [[1.5], [null]])).toBe("x\n1.5\n\n");
  });
});
