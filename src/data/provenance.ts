/**
 * Provenance records (pymrio MRIOMetaData.history; COINr .$Log): where a dataset came from and every
 * transformation applied to it, so any number can be traced to its source cells and re-made.
 */

import type { DatasetCaveat } from "./caveats.js";

export interface SourceFile {
  /** path as shipped in this repository (e.g. `data/shipped/ionet-nbs-io/china_2015_42.csv`) or the user's file name */
  readonly path: string;
  /** sha256 of the file bytes, hex */
  readonly sha256: string;
  readonly bytes: number;
}

export interface TransformationStep {
  /** snake_case step id, e.g. `format_conversion_rda_to_csv`, `sum_domestic_and_imports`, `parse_nbs_42` */
  readonly step: string;
  /** who or what applied it: `upstream-staging`, `shushi@0.1.0` */
  readonly by: string;
  readonly params: Readonly<Record<string, unknown>>;
}

export interface Provenance {
  /** the statistical publisher of the underlying numbers (e.g. "National Bureau of Statistics of China") */
  readonly publisher: string;
  /** the original publication / release */
  readonly originalSource: string;
  /** the repository and file the numbers were taken from, when they came through one */
  readonly upstream?: {
    readonly repository: string;
    readonly file: string;
    readonly commit?: string;
  };
  readonly licence: string;
  readonly files: readonly SourceFile[];
  readonly transformations: readonly TransformationStep[];
  /** caveats worth showing beside every number (from MANIFEST.md) */
  readonly caveats: readonly DatasetCaveat[];
  /** ISO date when the data were retrieved or staged, when known */
  readonly retrievedAt?: string;
}
