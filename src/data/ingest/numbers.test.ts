import { describe, expect, it } from "vitest";
import { parseNumberCell } from "./numbers.js";

describe("parseNumberCell", () => {
  it.each([
    ["1234.5", 1234.5],
    ["  42 ", 42],
    ["\u300042\u3000", 42],
    ["+7", 7],
    ["-0.25", -0.25],
    [".5", 0.5],
    ["5.", 5],
    ["1,234.5", 1234.5],
    ["-12,345,678", -12345678],
    ["1.2E-05", 1.2e-5],
    ["3e2", 300],
    ["１２３．５", 123.5],
    ["－３", -3],
    ["\u22123", -3],
    ["１，２３４", 1234],
    ["-0", 0],
    ["0.30000000000000004", 0.30000000000000004],
  ] as const)("reads %j as %d", (text, expected) => {
    expect(parseNumberCell(text)).toBe(expected);
  });

  it.each(["", "   ", "-", "－", "—", "——", "–", "…", "..."])("reads the placeholder %j as empty (null)", (text) => {
    expect(parseNumberCell(text)).toBeNull();
  });

  it.each([
    "abc",
    "12%",
    "１２％",
    "1,23",
    "12,3456",
    "1,5",
    "(123)",
    "1 234",
    "¥100",
    "$1",
    "NaN",
    "Infinity",
    "-Infinity",
    "0x10",
    "0b1",
    "1e400",
    "1.2.3",
    "e5",
    "--1",
    "+-1",
    "1e",
  ])("rejects %j as invalid", (text) => {
    expect(parseNumberCell(text)).toBe("invalid");
  });

  // Compatibility characters that NFKC would fold into digits: a footnote marker after a number
  // (common in Chinese statistical tables: `123①`) or a superscript must not change the value.
  it.each(["123①", "10²", "⑩", "¹²", "1²3", "𝟏𝟐", "５⑤"])(
    "rejects %j (no NFKC digit folding beyond full-width forms)",
    (text) => {
      expect(parseNumberCell(text)).toBe("invalid");
    },
  );
});
