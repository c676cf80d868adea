/**
 * Labour productivity, spec methods.md §4.1: 2023 GDP at 2020 prices 1 191 037.3 亿元 (staged
 * shared/data/raw/nbs-macro-fisheryounggod/china_gdp_year.csv, 不变价国内生产总值) over year-end
 * employment 2022 = 73 351 万人, 2023 = 74 041 万人 → 161 614.9 → 161 615 元/人 (NBS 2023 communiqué,
 * 2024-02-29); year-end only → 160 862.
 */
import { describe, expect, it } from "vitest";
import { expectClose } from "../../../test/helpers/close.js";
import { labourProductivity } from "./labour.js";

const gdpConstant = Object.freeze([Object.freeze({ year: 2023, value: 1191037.3 })]);
const employment = Object.freeze([
  Object.freeze({ year: 2022, value: 73351 }),
  Object.freeze({ year: 2023, value: 74041 }),
]);

describe("labourProductivity", () => {
  it("reproduces NBS 2023 161 615 元/人 with the average denominator (spec §4.1)", () => {
    const r = labourProductivity({ gdpConstant, employment });
    const row = r.rows[0];
    // printed to 0.1 元/人 in §4.1 (161 614.9), integer in the communiqué
    expectClose(row?.computed as number, 161614.9, { atol: 0.05 });
    expect(Math.round(row?.computed as number)).toBe(161615);
    expect(row?.employmentDenominator).toBe(73696);
    expect(row?.source).toBe("computed");
    expect(r.diagnostics).toEqual([]);
  });

  it("gives 160 862 with the year-end denominator (spec §4.1)", () => {
    const r = labourProductivity({ gdpConstant, employment, denominator: "year_end" });
    expect(Math.round(r.rows[0]?.computed as number)).toBe(160862);
  });

  it("reports the official value, flagging a difference above 0.5 %", () => {
    const ok = labourProductivity({ gdpConstant, employment, official: [{ year: 2023, value: 161615 }] });
    expect(ok.rows[0]?.value).toBe(161615);
    expect(ok.rows[0]?.source).toBe("official");
    expect(ok.diagnostics.map((d) => d.code)).toEqual(["official_value_used"]);
    const off = labourProductivity({
      gdpConstant,
      employment,
      denominator: "year_end",
      official: [{ year: 2023, value: 170000 }],
    });
    const d = off.diagnostics.find((x) => x.code === "official_value_differs");
    expect(d?.params).toMatchObject({ year: 2023, official: 170000 });
    expectClose(d?.params.relativeDifference as number, 160862.0 / 170000 - 1, { atol: 1e-5 });
  });

  it("returns null with missing_input when the previous year's employment is missing", () => {
    const r = labourProductivity({ gdpConstant, employment: [{ year: 2023, value: 74041 }] });
    expect(r.rows[0]?.computed).toBeNull();
    expect(r.diagnostics).toEqual([
      { code: "missing_input", severity: "warning", params: { year: 2023, missing: "employment_previous" } },
    ]);
  });

  it("throws duplicate_year and non_positive_level codes", () => {
    expect(() =>
      labourProductivity({
        gdpConstant: [
          { year: 2023, value: 1 },
          { year: 2023, value: 2 },
        ],
        employment,
      }),
    ).toThrow(
      expect.objectContaining({
        code: "invalid_argument",
        params: expect.objectContaining({ reason: "duplicate_year" }),
      }),
    );
    expect(() =>
      labourProductivity({
        gdpConstant,
        employment: [
          { year: 2022, value: 0 },
          { year: 2023, value: 0 },
        ],
      }),
    ).toThrow(expect.objectContaining({ params: expect.objectContaining({ reason: "non_positive_level" }) }));
  });
});
