/**
 * Small fixture tables shared by the io-analysis tests, each with its source. The tables are data files:
 * test/fixtures/spec/methods-5.9.json (spec §5.9 known answers, with citations).
 */

import type { IoTable } from "../../../src/core/io-analysis/io-table.js";
import { fromRows, matrix } from "../../../src/core/linalg/matrix.js";
import spec from "../../fixtures/spec/methods-5.9.json" with { type: "json" };

/**
 * Builds an IoTable from Z, x and one final-demand column f (codes "1".."n" unless given).
 * Value added is omitted (not needed by the linkage methods).
 */
export function ioTable(
  Z: readonly (readonly number[])[],
  x: readonly number[],
  f: readonly number[],
  codes?: readonly string[],
  extra: { Zdomestic?: readonly (readonly number[])[] } = {},
): IoTable {
  const n = x.length;
  return {
    sectors: (codes ?? x.map((_, i) => String(i + 1))).map((code) => ({ code })),
    Z: fromRows(Z),
    ...(extra.Zdomestic ? { Zdomestic: fromRows(extra.Zdomestic) } : {}),
    finalDemand: matrix(n, 1, Float64Array.from(f)),
    finalDemandCodes: ["f"],
    output: Float64Array.from(x),
  };
}

/** The spec methods §5.9 known answers (test/fixtures/spec/methods-5.9.json, citation per block). */
export const SPEC_5_9 = spec as typeof spec;

/** Miller & Blair (2009) §2.3 two-sector example (spec §5.9; known-answers `miller_blair_2009_table_2_3`). */
export const MILLER_BLAIR = {
  Z: SPEC_5_9.miller_blair_2009_2_3.Z,
  x: SPEC_5_9.miller_blair_2009_2_3.x,
  f: SPEC_5_9.miller_blair_2009_2_3.f,
} as const;

/** Spec methods §5.9 three-sector [PROJECT] fixture: f = x − Z1 = [300, 1300, 700]. */
export const THREE_SECTOR = {
  Z: SPEC_5_9.three_sector.Z,
  x: SPEC_5_9.three_sector.x,
  f: SPEC_5_9.three_sector.f,
} as const;

export const millerBlairTable = (): IoTable => ioTable(MILLER_BLAIR.Z, MILLER_BLAIR.x, MILLER_BLAIR.f);
export const threeSectorTable = (): IoTable => ioTable(THREE_SECTOR.Z, THREE_SECTOR.x, THREE_SECTOR.f);
