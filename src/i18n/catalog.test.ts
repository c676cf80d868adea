import { describe, expect, it } from "vitest";
import { en } from "./en.js";
import { issueMessage } from "./index.js";
import { MESSAGE_KEYS, t } from "./messages.js";
import { zhCN } from "./zh-CN.js";

describe("message catalogs", () => {
  it("put parameters and the location (file, sheet, row, column) into issue messages", () => {
    const issue = {
      code: "non_numeric_cell" as const,
      severity: "error" as const,
      path: { file: "t.xlsx", sheet: "表1", row: 7, column: 3, columnName: "S02" },
      params: { value: "abc" },
    };
    expect(issueMessage(issue, "en")).toBe(
      "t.xlsx, sheet “表1”, row 7, column 3 (“S02”): The cell value “abc” is not a number. Write plain numbers (no units or text; thousands separators and empty cells for zero are accepted).",
    );
    const zh = issueMessage(issue, "zh-CN");
    expect(zh).toContain("文件 t.xlsx");
    expect(zh).toContain("第 7 行");
    expect(zh).toContain("第 3 列");
    expect(zh).toContain("abc");
  });
});

describe("reason texts", () => {
  it("translate coded reasons and pass unknown ones through", () => {
    expect(zhCN.coreError("invalid_argument", { option: "imports", reason: "no_domestic_flows" })).toContain(
      "竞争型进口表",
    );
    expect(en.coreError("invalid_argument", { option: "imports", reason: "no_domestic_flows" })).toContain(
      "competitive-import table",
    );
    expect(en.coreError("invalid_group", { reason: "something new" })).toContain("something new");
  });
});

describe("method ids and extra cells in messages", () => {
  it("names the spectral-radius method and explains extra cells without raw ids", () => {
    const zhSr = zhCN.diagnostic("spectral_radius", { value: 0.5, method: "collatz_wielandt_power_iteration" });
    expect(zhSr).toContain("Collatz–Wielandt 幂迭代");
    expect(zhSr).not.toContain("collatz_wielandt_power_iteration");
    const extra = { value: "999", expected: "empty", cells: 9, headerCells: 8 };
    const zhExtra = zhCN.dataIssue("invalid_value", extra);
    expect(zhExtra).toContain("多于表头");
    expect(zhExtra).not.toContain("empty");
    expect(en.dataIssue("invalid_value", extra)).toContain("more cells than the header");
  });
});

describe("interface strings", () => {
  it("have a Chinese text for every key and fill placeholders", () => {
    for (const key of MESSAGE_KEYS) {
      expect(t(key, "zh-CN").length, key).toBeGreaterThan(0);
      expect(t(key, "en").length, key).toBeGreaterThan(0);
    }
    expect(t("usage.unknown_command", "en", { command: "foo" })).toContain("“foo”");
    expect(t("col.influence", "zh-CN")).toBe("影响力系数");
  });
});

describe("glossary", () => {
  it("has the core terms of STYLE §2.4 in both languages", async () => {
    const { GLOSSARY, term } = await import("./glossary.js");
    expect(term("direct_input_coefficients", "zh-CN")).toBe("直接消耗系数");
    expect(term("leontief_inverse", "zh-CN")).toBe("完全需要系数");
    expect(term("total_consumption_coefficients", "zh-CN")).toBe("完全消耗系数");
    expect(term("influence_coefficient", "zh-CN")).toBe("影响力系数");
    expect(term("sensitivity_coefficient", "zh-CN")).toBe("感应度系数");
    expect(term("digital_sectors", "en")).toBe("digital sectors");
    for (const [key, e] of Object.entries(GLOSSARY)) {
      expect(e.zh.length, key).toBeGreaterThan(0);
      expect(e.en.length, key).toBeGreaterThan(0);
    }
  });
});
