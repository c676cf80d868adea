/**
 * Splitting a merged sector of an IO table by the cell shares of a finer table of the same economy
 * (按细分表份额拆分合并部门) — here 2017-vintage NBS sector 22 其他制造产品和废品废料 into the canonical
 * S22 其他制造产品 and S23 废品废料 with the 149/153-sector table of the same year (ADR 0012).
 */
import { type IoTable, type Matrix, matrix, type SectorLabel } from "../../core/index.js";
import { type DataIssue, type DataResult, issue } from "../issues.js";
import type { TransformationStep } from "../provenance.js";
import { step } from "./common.js";
import { columnImbalances, rowImbalances } from "./validate.js";

export interface SplitMergedSectorOptions {
  /** code of the merged sector in the table, e.g. "S22+S23" */
  readonly merged: string;
  /** the codes (in the share table) that replace it, in order, e.g. ["S22", "S23"] */
  readonly parts: readonly SectorLabel[];
  /** id of the share table (recorded in the provenance step) */
  readonly sharesId: string;
  /** relative tolerance of the balance check of the split rows and columns @default 1e-6 */
  readonly tolerance?: number;
  /** file shown in issues */
  readonly file?: string;
}

/** Final-demand categories that are sums of finer NBS categories (used when the two tables differ). */
const CATEGORY_PARTS: Readonly<Record<string, readonly string[]>> = {
  TC: ["FU101", "FU102", "THC", "FU103"],
  THC: ["FU101", "FU102"],
  GCF: ["FU201", "FU202"],
};

/**
 * Splits the merged sector M of `table` into the parts p ∈ P by the cell shares of `shares`, a table
 * whose sectors include every other sector of `table` (same codes) and the parts (ADR 0012):
 *
 * - M's row (M as supplier), column J ≠ M: z_pJ = z_MJ · s_pJ / Σ_q s_qJ — **row shares** of the
 *   share table per using sector; final-use category k likewise with y_pk / Σ_q y_qk (a category the
 *   share table lacks is the sum of its finer NBS categories, e.g. TC = FU101 + FU102 + FU103);
 *   imports m_p and the other column by the parts' shares of the share table's column.
 * - M's column (M as user), row I ≠ M: z_Ip = z_IM · s_Ip / Σ_q s_Iq — **column shares** per supplying
 *   sector; value-added row v by the parts' shares of the same row of the share table.
 * - the M×M cell: z_pq = z_MM · s_pq / Σ_{p',q'} s_p'q'; output x_p = x_M · x^s_p / Σ_q x^s_q.
 * - Zdomestic and finalDemandDomestic (non-competitive tables) with the same shares as Z and Y, i.e. the
 *   parts are assumed to have M's import share in every cell (the share tables are competitive).
 * - a share with a zero denominator falls back to the output share x^s_p / Σ_q x^s_q (counted).
 * Every other cell is copied. When `table` is an aggregation of `shares` (the NBS 42-sector tables are,
 * to ≤ 2e-14) the split rows and columns equal the share table's and the table stays balanced; the
 * largest relative row/column imbalance of the parts is checked against `tolerance`.
 *
 * @param table the table with the merged sector (n sectors)
 * @param shares the finer table giving the shares
 * @param options merged code, parts, share-table id, tolerance
 * @returns the table with n − 1 + |P| sectors (parts in M's place) and the provenance step
 *   `split_merged_sector` (shares of output, fallbacks, largest imbalance); issues: `invalid_value`
 *   (invalid_value) for a code missing from either table; `out_of_balance` (axis row/column) beyond the tolerance
 * @example splitMergedSector(canon2020, detailed2020As42, { merged: "S22+S23", parts: [{code:"S22"},{code:"S23"}], sharesId: "cn-nbs-io-2020-153" })
 * Complexity O(n² + n·m).
 */
export function splitMergedSector(
  table: IoTable,
  shares: IoTable,
  options: SplitMergedSectorOptions,
): DataResult<{ table: IoTable; step: TransformationStep }> {
  const file = options.file ?? "";
  const tolerance = options.tolerance ?? 1e-6;
  const codes = table.sectors.map((s) => s.code);
  const sIndex = new Map(shares.sectors.map((s, i) => [s.code, i]));
  const M = codes.indexOf(options.merged);
  const issues: DataIssue[] = [];
  if (M < 0) issues.push(issue("invalid_value", { file }, { value: options.merged, expected: codes }));
  for (const c of [...codes.filter((c) => c !== options.merged), ...options.parts.map((p) => p.code)]) {
    if (!sIndex.has(c)) issues.push(issue("invalid_value", { file }, { value: c, expected: [...sIndex.keys()] }));
  }
  if (issues.length > 0) return { ok: false, issues };

  const n = codes.length;
  const P = options.parts.map((p) => sIndex.get(p.code) as number);
  const k = P.length;
  const n2 = n - 1 + k;
  // new position → old position (M for the parts) and part number (−1 for copied sectors)
  const old = new Int32Array(n2);
  const part = new Int32Array(n2).fill(-1);
  for (let i = 0, t = 0; i < n; i++) {
    if (i === M) {
      for (let p = 0; p < k; p++, t++) {
        old[t] = M;
        part[t] = p;
      }
    } else {
      old[t] = i;
      t++;
    }
  }
  const S = shares.Z;
  const sn = S.cols;
  const sx = shares.output;
  let fallbacks = 0;
  const outputTotal = P.reduce((a, i) => a + (sx[i] as number), 0);
  const outputShare = (p: number): number => (outputTotal > 0 ? (sx[P[p] as number] as number) / outputTotal : 1 / k);
  const fallback = (p: number): number => {
    fallbacks++;
    return outputShare(p);
  };
  /** share of part p among the parts' values v(q) (fallback: output share) */
  const share = (p: number, v: (q: number) => number): number => {
    let total = 0;
    for (let q = 0; q < k; q++) total += v(q);
    if (total === 0 || !Number.isFinite(total)) return fallback(p);
    return v(p) / total;
  };
  const sOf = (i: number) => sIndex.get(codes[i] as string) as number;
  const sZ = (r: number, c: number) => S.data[r * sn + c] as number;

  const splitSquare = (Zin: Matrix): Matrix => {
    const out = matrix(n2, n2);
    for (let a = 0; a < n2; a++) {
      const pa = part[a] as number;
      const oa = old[a] as number;
      for (let b = 0; b < n2; b++) {
        const pb = part[b] as number;
        const ob = old[b] as number;
        const z = Zin.data[oa * n + ob] as number;
        let w = 1;
        if (z === 0) w = 0;
        else if (pa >= 0 && pb >= 0) {
          let total = 0;
          for (const r of P) for (const c of P) total += sZ(r, c);
          w = total > 0 ? sZ(P[pa] as number, P[pb] as number) / total : outputShare(pa) * outputShare(pb);
        } else if (pa >= 0) w = share(pa, (q) => sZ(P[q] as number, sOf(ob)));
        else if (pb >= 0) w = share(pb, (q) => sZ(sOf(oa), P[q] as number));
        out.data[a * n2 + b] = z === 0 ? 0 : z * w;
        // (a zero cell stays zero without consulting — or counting a fallback of — the shares)
      }
    }
    return out;
  };

  // final-use categories of the table → columns of the share table
  const sCodes = shares.finalDemandCodes;
  const catCols = table.finalDemandCodes.map((c) => {
    const own = sCodes.indexOf(c);
    if (own >= 0) return [own];
    return (CATEGORY_PARTS[c] ?? []).map((x) => sCodes.indexOf(x)).filter((i) => i >= 0);
  });
  const sY = shares.finalDemand;
  const catValue = (row: number, kk: number) =>
    (catCols[kk] as number[]).reduce((a, col) => a + (sY.data[row * sY.cols + col] as number), 0);
  const splitRows = (Yin: Matrix): Matrix => {
    const m = Yin.cols;
    const out = matrix(n2, m);
    for (let a = 0; a < n2; a++) {
      const pa = part[a] as number;
      for (let c = 0; c < m; c++) {
        const y = Yin.data[(old[a] as number) * m + c] as number;
        const w =
          pa < 0 || y === 0
            ? 1
            : (catCols[c] as number[]).length === 0
              ? fallback(pa)
              : share(pa, (q) => catValue(P[q] as number, c));
        out.data[a * m + c] = y === 0 ? 0 : y * w;
      }
    }
    return out;
  };
  const splitVector = (v: Float64Array, sv: Float64Array | undefined): Float64Array => {
    const out = new Float64Array(n2);
    for (let a = 0; a < n2; a++) {
      const pa = part[a] as number;
      const x = v[old[a] as number] as number;
      const w =
        pa < 0 || x === 0 ? 1 : sv === undefined ? fallback(pa) : share(pa, (q) => sv[P[q] as number] as number);
      out[a] = x === 0 ? 0 : x * w;
    }
    return out;
  };

  const sectors: SectorLabel[] = [];
  for (let a = 0; a < n2; a++) {
    const pa = part[a] as number;
    sectors.push(pa >= 0 ? (options.parts[pa] as SectorLabel) : (table.sectors[old[a] as number] as SectorLabel));
  }
  const output = new Float64Array(n2);
  for (let a = 0; a < n2; a++) {
    const pa = part[a] as number;
    const x = table.output[old[a] as number] as number;
    output[a] = pa < 0 ? x : x * outputShare(pa);
  }
  const sVa = new Map((shares.valueAdded ?? []).map((r) => [r.code, r.values]));
  const out: IoTable = {
    sectors,
    Z: splitSquare(table.Z),
    ...(table.Zdomestic === undefined ? {} : { Zdomestic: splitSquare(table.Zdomestic) }),
    finalDemand: splitRows(table.finalDemand),
    finalDemandCodes: [...table.finalDemandCodes],
    ...(table.finalDemandDomestic === undefined ? {} : { finalDemandDomestic: splitRows(table.finalDemandDomestic) }),
    ...(table.imports === undefined ? {} : { imports: splitVector(table.imports, shares.imports) }),
    ...(table.otherColumn === undefined ? {} : { otherColumn: splitVector(table.otherColumn, shares.otherColumn) }),
    ...(table.valueAdded === undefined
      ? {}
      : {
          valueAdded: table.valueAdded.map((r) => {
            const sv = sVa.get(r.code);
            const values = new Float64Array(n2);
            for (let a = 0; a < n2; a++) {
              const pa = part[a] as number;
              const v = r.values[old[a] as number] as number;
              const w =
                pa < 0 || v === 0
                  ? 1
                  : sv === undefined
                    ? fallback(pa)
                    : share(pa, (q) => sv[P[q] as number] as number);
              values[a] = v === 0 ? 0 : v * w;
            }
            return { code: r.code, values };
          }),
        }),
    output,
  };

  // non-competitive tables: the proportional split gives each part M's import share in every cell, so the
  // parts' imported use (Σ (z − zdom) + Σ (y − ydom)) need not equal their imports m_p from the share
  // table's import column, and the domestic row identity Σ zdom_p + Σ ydom_p = x_p would fail. Two parts:
  // move the difference d = m_a − (imported use of a) between the two rows, in proportion to the donor
  // row's imported cells (column sums — M's imported cells — are unchanged; see ADR 0012)
  const reallocation = reallocateImports(out, part, k);

  // balance of the split rows and columns (the other sectors' identities are those of the input)
  const rows = rowImbalances(out);
  const cols = columnImbalances(out);
  let worstRow = 0;
  let worstCol = 0;
  for (let a = 0; a < n2; a++) {
    if ((part[a] as number) < 0) continue;
    const x = Math.abs(output[a] as number);
    const code = sectors[a]?.code ?? "";
    const r = x > 0 ? Math.abs(rows[a] as number) / x : 0;
    worstRow = Math.max(worstRow, r);
    if (r > tolerance) {
      issues.push(
        issue(
          "out_of_balance",
          { file },
          { axis: "row", sector: code, imbalance: rows[a], output: output[a], relative: r, tolerance },
        ),
      );
    }
    if (cols !== undefined) {
      const c = x > 0 ? Math.abs(cols[a] as number) / x : 0;
      worstCol = Math.max(worstCol, c);
      if (c > tolerance) {
        issues.push(
          issue(
            "out_of_balance",
            { file },
            { axis: "column", sector: code, imbalance: cols[a], output: output[a], relative: c, tolerance },
          ),
        );
      }
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  const outputShares: Record<string, number> = {};
  options.parts.forEach((p, i) => {
    outputShares[p.code] = outputShare(i);
  });
  return {
    ok: true,
    value: {
      table: out,
      step: step("split_merged_sector", {
        merged: options.merged,
        parts: options.parts.map((p) => p.code),
        shares: options.sharesId,
        rule: "row shares per using sector / column shares per supplying sector of the share table (ADR 0012)",
        outputShares,
        fallbacksToOutputShare: fallbacks,
        ...(reallocation === undefined ? {} : { importReallocation: reallocation }),
        maxRelativeImbalance: { row: worstRow, column: cols === undefined ? null : worstCol },
        tolerance,
      }),
    },
    warnings: [],
  };
}

/**
 * Makes the parts' imported use equal their imports (two parts, tables with `Zdomestic`, domestic final
 * demand and `imports`). With i_pc = t_pc − dom_pc the imported part of cell c of part p's row (c over
 * intermediate and final-use columns) and R_a = Σ_c i_ac, the gap d = m_a − R_a (= R_b − m_b) is moved
 * between the two rows column by column — i_ac += δ_c, i_bc −= δ_c, so every column's imported total
 * (M's imported cell) is unchanged — with δ_c ∝ the room of cell c: how far i_ac can move before an
 * imported or domestic flow of either part turns negative (0 ≤ i_pc ≤ t_pc; cells with a negative flow,
 * e.g. inventory changes, have no room). What finds no room is moved in the inventory-change column
 * FU202 (the balancing item of the NBS tables, signed). Mutates `t`'s domestic blocks (fresh arrays).
 * @returns the gap, the amount moved by room, the amount moved through FU202 and any that is left
 *   (then the parts' domestic identities are off by it — only without an FU202 column)
 */
function reallocateImports(
  t: IoTable,
  part: Int32Array,
  k: number,
): { gap: number; moved: number; unplaced: number; toInventories: number } | undefined {
  const Zd = t.Zdomestic;
  const Yd = t.finalDemandDomestic;
  const m = t.imports;
  if (k !== 2 || Zd === undefined || Yd === undefined || m === undefined) return undefined;
  const a = part.indexOf(0);
  const b = part.indexOf(1);
  const n = t.Z.cols;
  const c = Yd.cols;
  // the cells of both rows: [total block, domestic block, width]
  const blocks: [Float64Array, Float64Array, number][] = [
    [t.Z.data, Zd.data, n],
    [t.finalDemand.data, Yd.data, c],
  ];
  let Ra = 0;
  for (const [T, D, w] of blocks) for (let j = 0; j < w; j++) Ra += (T[a * w + j] as number) - (D[a * w + j] as number);
  const gap = (m[a] as number) - Ra;
  // room of each cell in the direction of the gap
  const rooms: number[][] = blocks.map(([T, D, w]) =>
    Array.from({ length: w }, (_, j) => {
      const ta = T[a * w + j] as number;
      const tb = T[b * w + j] as number;
      const ia = ta - (D[a * w + j] as number);
      const ib = tb - (D[b * w + j] as number);
      if (ta < 0 || tb < 0 || ia < 0 || ib < 0) return 0;
      return gap > 0 ? Math.max(0, Math.min(ta - ia, ib)) : Math.max(0, Math.min(ia, tb - ib));
    }),
  );
  const totalRoom = rooms.flat().reduce((x, y) => x + y, 0);
  const moved = Math.min(Math.abs(gap), totalRoom);
  if (moved > 0) {
    const f = moved / totalRoom;
    blocks.forEach(([, D, w], bi) => {
      for (let j = 0; j < w; j++) {
        const delta = Math.sign(gap) * f * (rooms[bi]?.[j] as number);
        // a's imported flow grows by delta: its domestic flow shrinks by delta; b's the reverse
        D[a * w + j] = (D[a * w + j] as number) - delta;
        D[b * w + j] = (D[b * w + j] as number) + delta;
      }
    });
  }
  // what found no room goes to inventory changes (存货变动, FU202), the tables' own balancing item,
  // which may be negative: both identities then hold exactly and no intermediate flow turns negative
  const unplaced = Math.abs(gap) - moved;
  const inv = t.finalDemandCodes.indexOf("FU202");
  if (unplaced > 0 && inv >= 0) {
    const delta = Math.sign(gap) * unplaced;
    Yd.data[a * c + inv] = (Yd.data[a * c + inv] as number) - delta;
    Yd.data[b * c + inv] = (Yd.data[b * c + inv] as number) + delta;
    return { gap, moved, unplaced: 0, toInventories: unplaced };
  }
  return { gap, moved, unplaced, toInventories: 0 };
}
