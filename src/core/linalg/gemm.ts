/**
 * Cache-blocked general matrix multiply-subtract on row-major Float64Array storage:
 * C ← C − A·B, the kernel behind the blocked LU (trailing update) and the blocked triangular solves.
 *
 * Layout follows Goto & van de Geijn (2008), "Anatomy of high-performance matrix multiplication",
 * ACM TOMS 34(3): B is packed into KC×NC blocks of 4-column slivers, A into MC×KC blocks of 4-row
 * slivers, and a 4×4 register-blocked micro-kernel accumulates 16 scalars over the shared dimension.
 * A 4×4 tile (16 accumulators) measured fastest in V8 among 4×4, 4×2, 2×4, 3×4, 4×8 and 1×4 tiles
 * (≈3 GFlop/s on one core of the benchmark machine, see docs/benchmarks.md).
 *
 * Operands are (array, offset, leading dimension) triples so sub-blocks of one array can be addressed
 * without copying. A and B may live in the same array as C provided the regions do not overlap
 * (they are packed before C is written).
 */

/** Micro-tile rows. */
const MR = 4;
/** Micro-tile columns. */
const NR = 4;
/** Rows of A per packed block (96×256×8 B = 192 KiB: fits L2). */
const MC = 96;
/** Columns of B per packed block. */
const NC = 512;
/** Shared dimension per packed block. */
const KC = 256;

/** A strided view into a row-major Float64Array: element (i, j) at data[offset + i·ld + j]. */
export interface StridedBlock {
  readonly data: Float64Array;
  readonly offset: number;
  readonly ld: number;
}

function packA(a: StridedBlock, i0: number, p0: number, mc: number, kc: number, out: Float64Array): void {
  const ad = a.data;
  const panels = Math.ceil(mc / MR);
  for (let ip = 0; ip < panels; ip++) {
    const base = ip * kc * MR;
    for (let r = 0; r < MR; r++) {
      const i = ip * MR + r;
      if (i < mc) {
        const ro = a.offset + (i0 + i) * a.ld + p0;
        for (let p = 0; p < kc; p++) out[base + p * MR + r] = ad[ro + p] as number;
      } else {
        for (let p = 0; p < kc; p++) out[base + p * MR + r] = 0;
      }
    }
  }
}

function packB(b: StridedBlock, p0: number, j0: number, kc: number, nc: number, out: Float64Array): void {
  const bd = b.data;
  const panels = Math.ceil(nc / NR);
  for (let p = 0; p < kc; p++) {
    const ro = b.offset + (p0 + p) * b.ld + j0;
    for (let jp = 0; jp < panels; jp++) {
      const base = jp * kc * NR + p * NR;
      const j = jp * NR;
      if (j + NR <= nc) {
        out[base] = bd[ro + j] as number;
        out[base + 1] = bd[ro + j + 1] as number;
        out[base + 2] = bd[ro + j + 2] as number;
        out[base + 3] = bd[ro + j + 3] as number;
      } else {
        for (let c = 0; c < NR; c++) out[base + c] = j + c < nc ? (bd[ro + j + c] as number) : 0;
      }
    }
  }
}

/** 4×4 micro-kernel: C[co + i·ldc + j] −= Σ_p Ap[ao + 4p + i]·Bp[bo + 4p + j] for i < mr, j < nr. */
// biome-ignore format: the 16 accumulators read best as a 4×4 grid
function kernel4x4(
  ap: Float64Array,
  aoStart: number,
  bp: Float64Array,
  boStart: number,
  kc: number,
  c: Float64Array,
  co: number,
  ldc: number,
  mr: number,
  nr: number,
): void {
  let c00 = 0, c01 = 0, c02 = 0, c03 = 0;
  let c10 = 0, c11 = 0, c12 = 0, c13 = 0;
  let c20 = 0, c21 = 0, c22 = 0, c23 = 0;
  let c30 = 0, c31 = 0, c32 = 0, c33 = 0;
  let ao = aoStart;
  let bo = boStart;
  for (let p = 0; p < kc; p++) {
    const a0 = ap[ao] as number, a1 = ap[ao + 1] as number, a2 = ap[ao + 2] as number, a3 = ap[ao + 3] as number;
    const b0 = bp[bo] as number, b1 = bp[bo + 1] as number, b2 = bp[bo + 2] as number, b3 = bp[bo + 3] as number;
    c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
    c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
    c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
    c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
    ao += 4;
    bo += 4;
  }
  if (mr === 4 && nr === 4) {
    let o = co;
    c[o] = (c[o] as number) - c00; c[o + 1] = (c[o + 1] as number) - c01;
    c[o + 2] = (c[o + 2] as number) - c02; c[o + 3] = (c[o + 3] as number) - c03;
    o += ldc;
    c[o] = (c[o] as number) - c10; c[o + 1] = (c[o + 1] as number) - c11;
    c[o + 2] = (c[o + 2] as number) - c12; c[o + 3] = (c[o + 3] as number) - c13;
    o += ldc;
    c[o] = (c[o] as number) - c20; c[o + 1] = (c[o + 1] as number) - c21;
    c[o + 2] = (c[o + 2] as number) - c22; c[o + 3] = (c[o + 3] as number) - c23;
    o += ldc;
    c[o] = (c[o] as number) - c30; c[o + 1] = (c[o + 1] as number) - c31;
    c[o + 2] = (c[o + 2] as number) - c32; c[o + 3] = (c[o + 3] as number) - c33;
    return;
  }
  const t = [c00, c01, c02, c03, c10, c11, c12, c13, c20, c21, c22, c23, c30, c31, c32, c33];
  for (let i = 0; i < mr; i++) {
    const ro = co + i * ldc;
    for (let j = 0; j < nr; j++) c[ro + j] = (c[ro + j] as number) - (t[i * 4 + j] as number);
  }
}

/**
 * C ← C − A·B for an m×k block A, k×n block B and m×n block C (all strided views).
 * Products with a zero dimension leave C unchanged. Complexity 2mnk flops.
 */
export function gemmSubtract(m: number, n: number, k: number, a: StridedBlock, b: StridedBlock, c: StridedBlock): void {
  if (m <= 0 || n <= 0 || k <= 0) return;
  if (m < MR || n < NR || k < 4) {
    gemmSubtractSimple(m, n, k, a, b, c);
    return;
  }
  const kcMax = Math.min(KC, k);
  const ap = new Float64Array(Math.ceil(Math.min(MC, m) / MR) * MR * kcMax);
  const bp = new Float64Array(Math.ceil(Math.min(NC, n) / NR) * NR * kcMax);
  const cd = c.data;
  const ldc = c.ld;
  for (let jc = 0; jc < n; jc += NC) {
    const nc = Math.min(NC, n - jc);
    for (let pc = 0; pc < k; pc += KC) {
      const kc = Math.min(KC, k - pc);
      packB(b, pc, jc, kc, nc, bp);
      for (let ic = 0; ic < m; ic += MC) {
        const mc = Math.min(MC, m - ic);
        packA(a, ic, pc, mc, kc, ap);
        for (let jr = 0; jr < nc; jr += NR) {
          const nr = Math.min(NR, nc - jr);
          const boff = jr * kc;
          for (let ir = 0; ir < mc; ir += MR) {
            const mr = Math.min(MR, mc - ir);
            kernel4x4(ap, ir * kc, bp, boff, kc, cd, c.offset + (ic + ir) * ldc + jc + jr, ldc, mr, nr);
          }
        }
      }
    }
  }
}

/** Unpacked i-p-j loop for thin operands where packing does not pay. */
function gemmSubtractSimple(m: number, n: number, k: number, a: StridedBlock, b: StridedBlock, c: StridedBlock): void {
  const ad = a.data;
  const bd = b.data;
  const cd = c.data;
  for (let i = 0; i < m; i++) {
    const ci = c.offset + i * c.ld;
    const ai = a.offset + i * a.ld;
    for (let p = 0; p < k; p++) {
      const aip = ad[ai + p] as number;
      if (aip === 0) continue;
      const bp = b.offset + p * b.ld;
      for (let j = 0; j < n; j++) cd[ci + j] = (cd[ci + j] as number) - aip * (bd[bp + j] as number);
    }
  }
}
