/**
 * The input–output table as the core sees it (投入产出表): numbers and labels only, no file or unit
 * handling (that is src/data's job). Every IO method in src/core/io-analysis takes this shape.
 *
 * Conventions (Miller & Blair 2009, ch. 2): Z[i][j] is the flow from supplying sector i (row) to using
 * sector j (column); output x is gross output by sector; final demand Y is n×m.
 */
import type { Matrix } from "../linalg/matrix.js";

/** A sector label. `code` is unique within a table; names are optional display labels. */
export interface SectorLabel {
  readonly code: string;
  readonly nameZh?: string;
  readonly nameEn?: string;
}

/** A named column (n values, one per sector) such as one final-demand category or imports. */
export interface SectorVector {
  readonly code: string;
  readonly values: Float64Array;
}

/** A named row (n values, one per using sector) such as a value-added component. */
export type InputRow = SectorVector;

export interface IoTable {
  /** n sector labels, in the order of Z's rows and columns */
  readonly sectors: readonly SectorLabel[];
  /** n×n intermediate flows, total (domestic + imported) for competitive-import use */
  readonly Z: Matrix;
  /**
   * n×n domestic intermediate flows, present only for non-competitive-import tables
   * (then Z − Zdomestic is the imported intermediate use).
   */
  readonly Zdomestic?: Matrix;
  /** n×m final demand by category (excluding totals and imports), codes in `finalDemandCodes` */
  readonly finalDemand: Matrix;
  readonly finalDemandCodes: readonly string[];
  /**
   * n×m domestic final demand (domestically produced products only; same categories as `finalDemand`),
   * present when the table states it — the Domestic rows of a non-competitive-import table (then
   * finalDemand − finalDemandDomestic is the imported final use). Tables with `Zdomestic` but without
   * it get it by the proportional import convention of {@link domesticFinalDemand}.
   */
  readonly finalDemandDomestic?: Matrix;
  /** imports by product (positive numbers), when the table has an import column */
  readonly imports?: Float64Array;
  /** other / statistical-discrepancy column (NBS `ERR`), when present */
  readonly otherColumn?: Float64Array;
  /** value-added components by using sector (e.g. VA001…VA004), when present */
  readonly valueAdded?: readonly InputRow[];
  /** gross output x (length n) */
  readonly output: Float64Array;
}
