/**
 * Test helpers of the app layer: the spec §5.9 three-sector table and an in-memory DatasetSource.
 * (Not exported from the app's public API; used by tests of app, cli and server.)
 */

import type { IoTable } from "../core/index.js";
import { matrix } from "../core/index.js";
import type { DatasetMeta } from "../data/index.js";
import type { DatasetSource, LoadedIoTable } from "./dataset-source.js";
import { DatasetNotFoundError } from "./errors.js";

/**
 * Spec methods §5.9 three-sector table [PROJECT fixture]: Z = [[150,500,50],[200,100,400],[300,0,0]],
 * x = [1000,2000,1000], f = [300,1300,700]. Known answers: F = [1.175063, 0.876574, 0.948363],
 * E = [1.018262, 1.137280, 0.844458] (numpy, spec §15 cmd C6).
 */
export function threeSectorTable(codes: readonly [string, string, string] = ["01", "02", "03"]): IoTable {
  return {
    sectors: [
      { code: codes[0], nameZh: "农业", nameEn: "Agriculture" },
      { code: codes[1], nameZh: "制造业", nameEn: "Manufacturing" },
      { code: codes[2], nameZh: "服务业", nameEn: "Services" },
    ],
    Z: matrix(3, 3, Float64Array.from([150, 500, 50, 200, 100, 400, 300, 0, 0])),
    finalDemand: matrix(3, 1, Float64Array.from([300, 1300, 700])),
    finalDemandCodes: ["fd"],
    valueAdded: [{ code: "va", values: Float64Array.from([350, 1400, 550]) }],
    output: Float64Array.from([1000, 2000, 1000]),
  };
}

/** Metadata for a fake IO table. */
export function fakeMeta(id: string, year: number, system = "test-3", sectors = 3): DatasetMeta {
  return {
    id,
    kind: "io_table",
    titleZh: `测试表 ${id}`,
    titleEn: `Test table ${id}`,
    region: "CN",
    years: [year],
    dimensions: { sectors },
    classification: { system, version: String(year) },
    unit: "cny_10k",
    priceBasis: { kind: "current" },
    importTreatment: "competitive",
    provenance: {
      publisher: "test",
      originalSource: "spec methods §5.9",
      licence: "test",
      files: [{ path: `${id}.csv`, sha256: "0".repeat(64), bytes: 1 }],
      transformations: [],
      caveats: [],
    },
  };
}

/** An in-memory DatasetSource over the given tables. */
export function memorySource(tables: readonly LoadedIoTable[]): DatasetSource {
  const byId = new Map(tables.map((t) => [t.meta.id, t]));
  return {
    listDatasets: async () => tables.map((t) => t.meta),
    getMeta: async (id) => byId.get(id)?.meta,
    loadIoTable: async (id) => {
      const t = byId.get(id);
      if (t === undefined) throw new DatasetNotFoundError(id);
      return t;
    },
  };
}

/** A fixed clock for deterministic provenance. */
export const fixedClock = (): Date => new Date("2026-01-02T03:04:05.000Z");
