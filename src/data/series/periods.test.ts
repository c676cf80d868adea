import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsePeriod } from "./periods.js";

describe("parsePeriod", () => {
  it("reads annual, quarterly and monthly spellings into canonical periods", () => {
    const cases: [string, string][] = [
      ["2023", "2023"],
      ["2023年", "2023"],
      ["2023Q1", "2023Q1"],
      ["2023-q4", "2023Q4"],
      ["2023年第一季度", "2023Q1"],
      ["2023年3季度", "2023Q3"],
      ["2023-01", "2023-01"],
      ["2023M7", "2023-07"],
      ["2023年12月", "2023-12"],
    ];
    for (const [text, want] of cases) expect(parsePeriod(text)?.period).toBe(want);
  });

  it("reads quarter-end and month-end dates only under a declared frequency", () => {
    expect(parsePeriod("1992-03-31")).toBeUndefined();
    expect(parsePeriod("1992-03-31", "quarterly")?.period).toBe("1992Q1");
    expect(parsePeriod("1992-12-31", "quarterly")?.period).toBe("1992Q4");
    expect(parsePeriod("1992-02-29", "monthly")?.period).toBe("1992-02");
    expect(parsePeriod("1992-03-30", "quarterly")).toBeUndefined();
    expect(parsePeriod("1992-04-30", "quarterly")).toBeUndefined();
  });

  it("rejects a period of another frequency than the declared one", () => {
    expect(parsePeriod("2023Q1", "annual")).toBeUndefined();
    expect(parsePeriod("2023", "monthly")).toBeUndefined();
    expect(parsePeriod("2023-13")).toBeUndefined();
  });

  it("is idempotent on canonical periods (property)", () => {
    const period = fc.oneof(
      fc.integer({ min: 1000, max: 9999 }).map(String),
      fc.tuple(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1, max: 4 })).map(([y, q]) => `${y}Q${q}`),
      fc
        .tuple(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1, max: 12 }))
        .map(([y, m]) => `${y}-${String(m).padStart(2, "0")}`),
    );
    fc.assert(fc.property(period, (p) => parsePeriod(p)?.period === p));
  });
});
