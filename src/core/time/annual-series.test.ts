/**
 * annualSeries as a general time utility (scalar benchmark values; the IO use with coefficient
 * interpolation is tested in core/io-analysis/annualise.test.ts).
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { annualSeries } from "./annual-series.js";

const lerp = (a: number, b: number, w: number) => a + w * (b - a);

describe("annualSeries", () => {
  it("reproduces the doc example: table, interpolated and held years", () => {
    const r = annualSeries(
      [
        { year: 2020, table: 16 },
        { year: 2017, table: 10 },
      ],
      [2017, 2018, 2021],
      (v) => v,
      { interpolate: lerp },
    );
    // 10 + w·6 with w = fl(1/3): 12 up to one rounding of w, hence toBeCloseTo for that row
    expect(r.rows.map((x) => x.source)).toEqual(["table", "interpolated", "extrapolated_hold"]);
    expect(r.rows[0]?.result).toBe(10);
    expect(r.rows[1]?.result).toBeCloseTo(12, 14);
    expect(r.rows[2]?.result).toBe(16);
    expect(r.rows[1]?.tableYears).toEqual([2017, 2020]);
    expect(r.diagnostics.map((d) => [d.code, d.params])).toEqual([
      ["interpolated", { from: 2017, to: 2020, year: 2018, weight: 1 / 3, method: "linear" }],
      ["extrapolated_hold", { from: 2020, to: 2021 }],
    ]);
  });

  it("passes year and source to compute", () => {
    const r = annualSeries([{ year: 2000, table: "a" }], [1999, 2000], (v, year, source) => `${v}:${year}:${source}`);
    expect(r.rows.map((x) => x.result)).toEqual(["a:1999:extrapolated_hold", "a:2000:table"]);
  });

  it("throws coded errors for bad input", () => {
    const t = [{ year: 2000, table: 1 }];
    const code = (c: string) => expect.objectContaining({ code: c });
    expect(() => annualSeries([], [2000], (v) => v)).toThrow(code("too_few_observations"));
    expect(() => annualSeries(t, [2000.5], (v) => v)).toThrow(code("invalid_argument"));
    expect(() => annualSeries(t, [2001], (v) => v, { extrapolate: "error" })).toThrow(code("invalid_argument"));
    expect(() => annualSeries(t, [2000], (v) => v, { extrapolate: "linear" as unknown as "hold" })).toThrow(
      code("invalid_argument"),
    );
  });
});

describe("annualSeries properties", () => {
  const years = fc.uniqueArray(fc.integer({ min: 1990, max: 2030 }), { minLength: 1, maxLength: 6 });
  test.prop([years, fc.array(fc.integer({ min: 1980, max: 2040 }), { maxLength: 12 })])(
    "table years give their value exactly, others lie between the bracketing values, rows follow the request",
    (tableYears, requested) => {
      const tables = tableYears.map((year) => ({ year, table: year * 10 }));
      const r = annualSeries(tables, requested, (v) => v, { interpolate: lerp });
      expect(r.rows.map((x) => x.year)).toEqual(requested);
      const sorted = [...tableYears].sort((a, b) => a - b);
      for (const row of r.rows) {
        if (tableYears.includes(row.year)) {
          expect(row.source).toBe("table");
          expect(row.result).toBe(row.year * 10);
        } else if (row.year < (sorted[0] as number) || row.year > (sorted[sorted.length - 1] as number)) {
          expect(row.source).toBe("extrapolated_hold");
        } else {
          expect(row.source).toBe("interpolated");
          const [a, b] = row.tableYears as [number, number];
          expect(a < row.year && row.year < b).toBe(true);
          // value y·10 is linear in the year: interpolation reproduces it to a few ulp
          expect(Math.abs(row.result - row.year * 10)).toBeLessThanOrEqual(1e-12 * row.year * 10);
        }
      }
    },
  );
});
