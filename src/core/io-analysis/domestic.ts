/**
 * Domestic final demand of an IO table (国内产品最终使用): the final use of domestically produced
 * products, the final-demand counterpart of `Zdomestic` (ADR 0012).
 */
import { CoreError } from "../errors.js";
import { type Matrix, matrix } from "../linalg/matrix.js";
import { neumaierSumStrided } from "../stats/summation.js";
import type { IoTable } from "./io-table.js";

/** How {@link domesticFinalDemand} obtained the domestic final demand. */
export type DomesticFinalDemandSource = "table" | "proportional_imports";

export interface DomesticFinalDemandResult {
  /** n×m domestic final demand, categories as `table.finalDemandCodes` */
  readonly Y: Matrix;
  /** `table`: the table states it (`finalDemandDomestic`); `proportional_imports`: derived (below) */
  readonly source: DomesticFinalDemandSource;
  /** proportional_imports: sectors whose imported final use had to be clamped to [0, Σ_k f_ik] */
  readonly clamped: readonly number[];
}

/**
 * Domestic final demand Y_dom (国内产品最终使用), so that the domestic row identity
 * Σ_j zdom_ij + Σ_k ydom_ik (+ other_i) = x_i holds with the table's own `Zdomestic`.
 *
 * - `table.finalDemandDomestic` present (the Domestic rows of a non-competitive NBS table): returned as
 *   is (`source: "table"`) — the table's own convention, no assumption.
 * - otherwise (`Zdomestic` and `imports` present): **proportional import assumption within final use**.
 *   The imported final use of product i is what the import identity leaves after imported intermediate
 *   use, g_i = m_i − Σ_j (z_ij − zdom_ij), clamped to [0, max(0, F_i)] with F_i = Σ_k y_ik; every final-use
 *   category k (exports included, since the NBS tables record re-exports in the import block) carries the
 *   same import share: ydom_ik = y_ik · (1 − g_i / F_i) (y_ik unchanged when F_i ≤ 0).
 *   `source: "proportional_imports"`, clamped sectors listed.
 *
 * @param table - the IO table
 * @returns `{Y, source, clamped}`
 * @throws {CoreError} invalid_argument (reason `no_domestic_final_demand`) when the table has neither
 *   `finalDemandDomestic` nor both `Zdomestic` and `imports`; dimension_mismatch when
 *   `finalDemandDomestic` is not n×m like `finalDemand`
 * @example
 * domesticFinalDemand(nbs2020).source; // => "table" (read from the Domestic rows)
 * @see Miller & Blair (2009), §2.6.4 (competitive vs non-competitive imports); NBS《中国投入产出表编制方法》
 *   (non-competitive table: domestic and imported products in separate quadrants).
 * Complexity O(n² + n·m).
 */
export function domesticFinalDemand(table: IoTable): DomesticFinalDemandResult {
  const fn = "domesticFinalDemand";
  const Y = table.finalDemand;
  if (table.finalDemandDomestic !== undefined) {
    const D = table.finalDemandDomestic;
    if (D.rows !== Y.rows || D.cols !== Y.cols) {
      throw new CoreError("dimension_mismatch", {
        function: fn,
        argument: "finalDemandDomestic",
        expected: [Y.rows, Y.cols],
        received: [D.rows, D.cols],
      });
    }
    return { Y: D, source: "table", clamped: [] };
  }
  const Zd = table.Zdomestic;
  const m = table.imports;
  if (Zd === undefined || m === undefined) {
    throw new CoreError("invalid_argument", { function: fn, argument: "table", reason: "no_domestic_final_demand" });
  }
  const n = table.Z.rows;
  const cols = Y.cols;
  const out = matrix(n, cols, Float64Array.from(Y.data));
  const clamped: number[] = [];
  for (let i = 0; i < n; i++) {
    const total = neumaierSumStrided(table.Z.data, i * n, 1, n);
    const domestic = neumaierSumStrided(Zd.data, i * n, 1, n);
    const F = neumaierSumStrided(Y.data, i * cols, 1, cols);
    if (!(F > 0)) continue;
    const raw = (m[i] as number) - (total - domestic);
    const g = Math.min(Math.max(raw, 0), F);
    if (Math.abs(g - raw) > 1e-9 * Math.max(Math.abs(raw), F)) clamped.push(i);
    const keep = 1 - g / F;
    for (let k = 0; k < cols; k++) out.data[i * cols + k] = (Y.data[i * cols + k] as number) * keep;
  }
  return { Y: out, source: "proportional_imports", clamped };
}
