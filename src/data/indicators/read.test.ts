import { describe, expect, it } from "vitest";
import { readCsv } from "../ingest/csv.js";
import type { DataResult } from "../issues.js";
import { type IndicatorTable, readIndicatorTable } from "./read.js";

function read(text: string, file = "ind.csv"): DataResult<IndicatorTable> {
  const raw = readCsv(new TextEncoder().encode(text), { file });
  if (!raw.ok) throw new Error(JSON.stringify(raw.issues));
  return readIndicatorTable(raw.value);
}

const issues = (r: DataResult<IndicatorTable>) =>
  r.ok ? [] : r.issues.map((i) => ({ code: i.code, row: i.path.row, column: i.path.column, params: i.params }));

describe("readIndicatorTable (composite-index input)", () => {
  it("reads a panel: entities in order of appearance, sorted years, units in brackets, missing cells as null", () => {
    const r = read(
      [
        "地区,年份,GDP(亿元),宽带(户/百人),share",
        "北京,2021,40269.6,45.1,",
        "上海,2021,43214.9,-,0.2",
        "北京,2020,36102.6,44,0.19",
      ].join("\n"),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.entities).toEqual(["北京", "上海"]);
    expect(r.value.years).toEqual([2020, 2021]);
    expect(r.value.indicators.map((i) => [i.code, i.name, i.unit ?? null, i.column])).toEqual([
      ["GDP(亿元)", "GDP", "亿元", 3],
      ["宽带(户/百人)", "宽带", "户/百人", 4],
      ["share", "share", null, 5],
    ]);
    expect(r.value.rows.map((x) => [x.entity, x.year, x.values, x.row])).toEqual([
      ["北京", 2021, [40269.6, 45.1, null], 2],
      ["上海", 2021, [43214.9, null, 0.2], 3],
      ["北京", 2020, [36102.6, 44, 0.19], 4],
    ]);
  });

  it("reads a cross-section (no year column): years undefined", () => {
    const r = read("entity,x1,x2\nA1,30,30\nA2,19,54\n");
    expect(r.ok && r.value.years).toBe(undefined);
    expect(r.ok && r.value.rows.map((x) => x.values)).toEqual([
      [30, 30],
      [19, 54],
    ]);
  });

  it("locates every bad cell: non-numeric value, bad year, empty entity, duplicate entity-year", () => {
    const r = read(
      ["entity,year,x1,x2", "A,2020,1,abc", "B,20x0,1,2", ",2020,1,2", "A,2020,3,4", "C,1850,1,1"].join("\n"),
    );
    expect(issues(r)).toEqual([
      { code: "non_numeric_cell", row: 2, column: 4, params: { value: "abc" } },
      { code: "invalid_period", row: 3, column: 2, params: { value: "20x0", frequency: "annual" } },
      { code: "missing_value", row: 4, column: 1, params: { column: "entity" } },
      {
        code: "duplicate_observation",
        row: 5,
        column: 1,
        params: { entity: "A", indicator: "*", period: "2020", firstRow: 2 },
      },
      { code: "invalid_period", row: 6, column: 2, params: { value: "1850", frequency: "annual" } },
    ]);
  });

  it("refuses a table without an entity column or without indicators", () => {
    expect(issues(read("name,x1\nA,1\n"))).toEqual([
      { code: "header_not_found", row: 1, column: undefined, params: { expected: ["entity"] } },
    ]);
    expect(issues(read("entity,year\nA,2020\n"))[0]?.params).toEqual({ expected: ["entity", "<indicator>"] });
  });
});
