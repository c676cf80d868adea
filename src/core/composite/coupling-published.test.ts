/**
 * Coupling coordination against a published table that prints both the inputs and the outputs:
 * Mathematical Problems in Engineering (2022), article 2969206, Table 4 — ten years of urban (Uu) and
 * rural (Ur) logistics indices with the printed C, T = αUu + βUr and D = √(C·T), all to 3 decimals.
 * Transcription and citation: test/reference/known-answers/coupling/ (README.md says what was copied).
 *
 * Tolerance. Every printed number is rounded to 3 d.p., so each printed output is within half a unit of
 * the last digit (h = 0.0005) of the paper's unrounded value, and so is each printed input. The paper
 * computed from its unrounded U, which we do not have: a printed row is reproduced when some U inside
 * the rounding box [Uu ± h] × [Ur ± h] gives C, T and D all within h of the printed values. The box is
 * searched on an 11 × 11 grid (every row has several witnesses at that resolution). For comparison, the
 * naive check — recompute at the printed U and allow h — fails for 2011 C (0.8828 vs 0.882): a 0.0005
 * change in Uu = 0.101 moves C by up to 0.0014, more than the output rounding.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fromRows } from "../linalg/matrix.js";
import { couplingCoordination } from "./coupling.js";

interface PublishedTable {
  columns: string[];
  rows: [number, number, number, number, number, number][];
}
const table = JSON.parse(
  readFileSync(
    new URL("../../../test/reference/known-answers/coupling/mpe2022_urban_rural_logistics.json", import.meta.url),
    "utf8",
  ),
) as PublishedTable;

/** half a unit of the printed 3rd decimal (and a hair for binary representation of the printed decimals) */
const H = 0.0005 + 1e-12;
const GRID = 10; // 11 × 11 points per rounding box

/** Inputs in the rounding box of the printed (uu, ur) whose C, T, D all round-match the printed row. */
function witnesses(row: PublishedTable["rows"][number], alpha: [number, number]): number {
  const [, uu, ur, c, t, d] = row;
  const pts: number[][] = [];
  for (let i = 0; i <= GRID; i++)
    for (let j = 0; j <= GRID; j++) pts.push([uu - H + (2 * H * i) / GRID, ur - H + (2 * H * j) / GRID]);
  const r = couplingCoordination(fromRows(pts), { alpha });
  let n = 0;
  for (let k = 0; k < pts.length; k++) {
    const ok =
      Math.abs((r.coupling[k] as number) - c) <= H &&
      Math.abs((r.coordination[k] as number) - t) <= H &&
      Math.abs((r.degree[k] as number) - d) <= H;
    if (ok) n++;
  }
  return n;
}

describe("couplingCoordination vs a published table (MPE 2022, 2969206, Table 4)", () => {
  it("transcription has the expected shape (10 years, Uu Ur C T D)", () => {
    expect(table.columns).toEqual(["year", "Uu", "Ur", "C", "T", "D"]);
    expect(table.rows.map((r) => r[0])).toEqual([2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020]);
  });

  it.each(table.rows.map((r) => [r[0], r] as const))(
    "%i: C = 2√(UuUr)/(Uu+Ur), T = ½Uu + ½Ur, D = √(CT) reproduce the printed row to its rounding",
    (_year, row) => {
      expect(witnesses(row, [0.5, 0.5])).toBeGreaterThan(0);
    },
  );

  it("at the printed inputs every C, T, D is within one unit of the printed 3rd decimal (h in, h out)", () => {
    const r = couplingCoordination(fromRows(table.rows.map((row) => [row[1], row[2]])), { alpha: [0.5, 0.5] });
    table.rows.forEach(([, , , c, t, d], i) => {
      expect(Math.abs((r.coupling[i] as number) - c)).toBeLessThanOrEqual(2 * H);
      expect(Math.abs((r.coordination[i] as number) - t)).toBeLessThanOrEqual(2 * H);
      expect(Math.abs((r.degree[i] as number) - d)).toBeLessThanOrEqual(2 * H);
    });
  });

  it("the table discriminates: unequal weights (α = 0.6, 0.4) do not reproduce it", () => {
    const failing = table.rows.filter((row) => witnesses(row, [0.6, 0.4]) === 0).map((row) => row[0]);
    // only 2015 (Uu ≈ Ur, so T hardly depends on α) survives a wrong α
    expect(failing).toEqual([2011, 2012, 2013, 2014, 2016, 2017, 2018, 2019, 2020]);
  });
});
