/**
 * Concordances of the NBS detailed product tables to the canonical 42 sectors (细分产品部门 → 标准42部门),
 * as data: each detailed list (2012: 139 products; 2017: 149; 2018 and 2020: 153) is an ordered run of
 * product codes 001…n, and every canonical sector S01…S42 takes a contiguous block of them. The block
 * sizes below are the whole mapping; {@link detailedConcordanceRows} expands them into
 * (from_system, from_code, to_system, to_code, weight = 1) rows (STYLE §2.10 "concordances are data").
 *
 * Provenance (ADR 0012):
 * - 149 and 153: derived from the shipped tables themselves — the NBS 2017/2018/2020 42-sector tables
 *   are exact aggregations of the detailed tables of the same year (every Z, final-use, import and
 *   value-added cell agrees to ≤ 2e-14 relative); the blocks are the runs of products whose outputs sum
 *   to each 42-sector output, checked against the product names (`nbs-detailed-42.test.ts` re-checks
 *   the aggregation cell by cell). 2017-vintage code 22 其他制造产品和废品废料 = products 其他制造产品
 *   (→ S22) + 废弃资源和废旧材料回收加工品 (→ S23); codes 35 研究和试验发展 + 36 综合技术服务 → S36.
 * - 139 (2012): no 2012 42-sector table exists upstream, so the blocks follow the product names of
 *   `china_2012_139.csv` against the canonical (2012-vintage) 42-sector names (GB/T 4754-2011 divisions):
 *   e.g. S06 食品和烟草 = 012 谷物磨制品 … 025 烟草制品; S07 纺织品 = 026 … 030 纺织制成品; S20 = 086 计算机 …
 *   091 其他电子设备; S32 = 114 电信和其他信息传输服务 + 115 软件和信息技术服务 (the digital products of
 *   src/app/groups.ts); S36 = 122 研究和试验发展 … 124 科技推广和应用服务. Verified by names only (the
 *   test lists the first and last product of every block) — state it when citing 2012 per-sector values.
 */
import { CANONICAL_42, CANONICAL_42_CLASSIFICATION } from "./canonical-42.js";

/** A detailed NBS product list with a concordance to the canonical 42 sectors. */
export type NbsDetailedSystem = "nbs-io-139-2012" | "nbs-io-149-2017" | "nbs-io-153-2018";

/** Products per canonical sector S01…S42, in order (the products are numbered 001…n consecutively). */
// biome-ignore format: ten block sizes a line, S01–S10 … S41–S42
const BLOCK_SIZES: Readonly<Record<NbsDetailedSystem, readonly number[]>> = {
  // ten sectors a line: S01–S10, S11–S20, S21–S30, S31–S40, S41–S42
  "nbs-io-139-2012": [
    5, 1, 1, 2, 2, 14, 5, 3, 2, 3,
    2, 11, 7, 5, 1, 6, 4, 5, 6, 6,
    1, 1, 1, 1, 1, 1, 1, 4, 1, 8,
    2, 2, 3, 1, 2, 3, 3, 2, 1, 2,
    5, 2,
  ],
  "nbs-io-149-2017": [
    5, 1, 1, 2, 2, 15, 5, 3, 2, 4,
    2, 11, 7, 5, 1, 6, 4, 5, 6, 6,
    1, 1, 1, 1, 1, 1, 1, 4, 2, 12,
    2, 5, 3, 1, 2, 3, 3, 2, 1, 2,
    5, 2,
  ],
  "nbs-io-153-2018": [
    5, 1, 1, 2, 2, 15, 5, 3, 2, 4,
    2, 11, 7, 5, 1, 7, 5, 5, 6, 6,
    1, 1, 1, 1, 1, 1, 1, 6, 2, 12,
    2, 5, 3, 1, 2, 3, 3, 2, 1, 2,
    5, 2,
  ],
};

/** The detailed system of a stored table's classification (`nbs-io-153-2018` also covers 2020), or undefined. */
export function nbsDetailedSystem(system: string | undefined): NbsDetailedSystem | undefined {
  return system !== undefined && system in BLOCK_SIZES ? (system as NbsDetailedSystem) : undefined;
}

/** Product code (3 digits) → canonical id (S01…S42) of a detailed list. */
export function detailedToCanonical42(system: NbsDetailedSystem): ReadonlyMap<string, string> {
  const sizes = BLOCK_SIZES[system];
  const out = new Map<string, string>();
  let code = 1;
  sizes.forEach((size, k) => {
    const id = (CANONICAL_42[k] as (typeof CANONICAL_42)[number]).id;
    for (let i = 0; i < size; i++, code++) out.set(String(code).padStart(3, "0"), id);
  });
  return out;
}

/** Number of products of a detailed list. */
export function detailedSectorCount(system: NbsDetailedSystem): number {
  return BLOCK_SIZES[system].reduce((a, b) => a + b, 0);
}

/** One concordance row (STYLE §2.10). */
export interface ConcordanceRow {
  readonly fromSystem: string;
  readonly fromCode: string;
  readonly toSystem: string;
  readonly toCode: string;
  readonly weight: number;
}

/** The concordance of a detailed list as rows (weight 1: each product belongs to one canonical sector). */
export function detailedConcordanceRows(system: NbsDetailedSystem): ConcordanceRow[] {
  return [...detailedToCanonical42(system)].map(([fromCode, toCode]) => ({
    fromSystem: system,
    fromCode,
    toSystem: CANONICAL_42_CLASSIFICATION.system,
    toCode,
    weight: 1,
  }));
}
