/**
 * Seeded pseudo-random numbers for Monte-Carlo and bootstrap methods (伪随机数生成器).
 *
 * STYLE §2.7: core has no ambient randomness — a caller passes a seed (and records it with the
 * result), and the same seed gives the same stream on every platform. The generator is xoshiro128**
 * 1.1 (Blackman & Vigna 2018): 128-bit state, period 2¹²⁸ − 1, 32-bit outputs from 32-bit integer
 * operations only (exact in JavaScript with `Math.imul` and `>>>`), passing BigCrush. The 64-bit seed
 * is expanded into the state with two outputs of splitmix64 (the seeding the authors recommend), low
 * 32-bit word first.
 *
 * @see Blackman, D. & Vigna, S. (2021), "Scrambled linear pseudorandom number generators", ACM TOMS
 *   47(4), 36; reference code https://prng.di.unimi.it/xoshiro128starstar.c and
 *   https://prng.di.unimi.it/splitmix64.c (transcribed bit for bit in
 *   test/reference/numpy-core/generate.py, which produces the known-answer vectors).
 */
import { CoreError } from "../errors.js";

/** A 64-bit seed: a bigint in [0, 2⁶⁴) or a safe non-negative integer number. */
export type RandomSeed = bigint | number;

/** A snapshot of a generator, enough to resume its stream exactly (JSON-serialisable). */
export interface RandomState {
  /** the four 32-bit state words s0..s3 (unsigned) */
  readonly words: readonly [number, number, number, number];
  /** the second normal deviate of the last polar pair, not yet returned (null if none) */
  readonly cachedNormal: number | null;
}

/** A seeded generator. Methods advance the stream; the object is the only mutable state. */
export interface RandomGenerator {
  /** "xoshiro128**" — recorded with results for reproducibility */
  readonly algorithm: "xoshiro128**";
  /** next raw output, an unsigned 32-bit integer */
  nextUint32(): number;
  /** uniform double in [0, 1) with 53 random bits (two outputs) */
  uniform(): number;
  /** standard normal deviate N(0, 1) (Marsaglia polar method; the pair's second value is cached) */
  normal(): number;
  /** uniform integer in {0, …, n − 1}, unbiased (rejection), for integer 1 ≤ n ≤ 2⁵³ */
  integer(n: number): number;
  /** Fisher–Yates shuffle of `items` in place; returns the same array */
  shuffle<T>(items: T[]): T[];
  /** snapshot of the current state (see {@link randomGeneratorFromState}) */
  state(): RandomState;
}

const MASK64 = (1n << 64n) - 1n;
const TWO32 = 4294967296;
const TWO53 = 9007199254740992;

function checkSeed(seed: RandomSeed, fn: string): bigint {
  if (typeof seed === "bigint") {
    if (seed < 0n || seed > MASK64) {
      throw new CoreError("invalid_argument", {
        function: fn,
        argument: "seed",
        received: seed.toString(),
        expected: "[0, 2^64)",
      });
    }
    return seed;
  }
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new CoreError("invalid_argument", {
      function: fn,
      argument: "seed",
      received: seed,
      expected: "safe integer >= 0 or bigint",
    });
  }
  return BigInt(seed);
}

/**
 * splitmix64 outputs (SplitMix64 序列): the 64-bit generator of Steele, Lea & Flood (2014) in Vigna's
 * reference form, x ← x + 0x9E3779B97F4A7C15, z = mix(x). Used to expand a seed into generator state;
 * exported for known-answer tests and for deriving independent seeds (e.g. one per bootstrap worker).
 *
 * @param seed - 64-bit seed (the initial x)
 * @param count - number of outputs (integer ≥ 0)
 * @returns the first `count` outputs as bigints in [0, 2⁶⁴)
 * @throws {CoreError} invalid_argument (seed outside [0, 2⁶⁴) or not an integer; count not an integer ≥ 0)
 * @example
 * splitMix64(0n, 1); // => [0xe220a8397b1dcdafn]
 * @see Steele, G. L., Lea, D. & Flood, C. H. (2014), "Fast splittable pseudorandom number
 *   generators", OOPSLA '14; https://prng.di.unimi.it/splitmix64.c.
 */
export function splitMix64(seed: RandomSeed, count: number): bigint[] {
  let x = checkSeed(seed, "splitMix64");
  if (!Number.isInteger(count) || count < 0) {
    throw new CoreError("invalid_argument", { function: "splitMix64", argument: "count", received: count });
  }
  const out: bigint[] = [];
  for (let k = 0; k < count; k++) {
    x = (x + 0x9e3779b97f4a7c15n) & MASK64;
    let z = x;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
    out.push(z ^ (z >> 31n));
  }
  return out;
}

class Xoshiro128StarStar implements RandomGenerator {
  readonly algorithm = "xoshiro128**" as const;
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private cached: number | null;

  constructor(words: readonly [number, number, number, number], cached: number | null) {
    this.s0 = words[0] | 0;
    this.s1 = words[1] | 0;
    this.s2 = words[2] | 0;
    this.s3 = words[3] | 0;
    this.cached = cached;
  }

  nextUint32(): number {
    const s1 = this.s1;
    const x = Math.imul(s1, 5);
    const result = Math.imul((x << 7) | (x >>> 25), 9) >>> 0;
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = (this.s3 << 11) | (this.s3 >>> 21);
    return result;
  }

  uniform(): number {
    const a = this.nextUint32() >>> 5; // 27 bits
    const b = this.nextUint32() >>> 6; // 26 bits
    return (a * 67108864 + b) / TWO53;
  }

  normal(): number {
    if (this.cached !== null) {
      const v = this.cached;
      this.cached = null;
      return v;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * this.uniform() - 1;
      v = 2 * this.uniform() - 1;
      s = u * u + v * v;
    } while (!(s > 0 && s < 1));
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.cached = v * f;
    return u * f;
  }

  integer(n: number): number {
    if (!Number.isInteger(n) || n < 1 || n > TWO53) {
      throw new CoreError("invalid_argument", {
        function: "integer",
        argument: "n",
        received: n,
        expected: "integer in [1, 2^53]",
      });
    }
    if (n <= TWO32) {
      const limit = TWO32 - (TWO32 % n);
      for (;;) {
        const r = this.nextUint32();
        if (r < limit) return r % n;
      }
    }
    const limit = TWO53 - (TWO53 % n);
    for (;;) {
      const r = (this.nextUint32() >>> 5) * 67108864 + (this.nextUint32() >>> 6);
      if (r < limit) return r % n;
    }
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.integer(i + 1);
      const t = items[i] as T;
      items[i] = items[j] as T;
      items[j] = t;
    }
    return items;
  }

  state(): RandomState {
    return { words: [this.s0 >>> 0, this.s1 >>> 0, this.s2 >>> 0, this.s3 >>> 0], cachedNormal: this.cached };
  }
}

/**
 * Seeded random-number generator (种子随机数生成器), xoshiro128** 1.1 seeded by splitmix64.
 *
 * Derived draws (fixed here so every platform gives the same numbers):
 * - `uniform()` = (⌊o₁/2⁵⌋·2²⁶ + ⌊o₂/2⁶⌋)/2⁵³ from two outputs o₁, o₂ — a multiple of 2⁻⁵³ in [0, 1).
 * - `integer(n)` — rejection: draw o (32-bit if n ≤ 2³², else a 53-bit pair as in `uniform`) until
 *   o < 2ᵇ − (2ᵇ mod n), return o mod n; exactly uniform, no modulo bias.
 * - `normal()` — Marsaglia polar method: u, v = 2·uniform() − 1 until 0 < s = u² + v² < 1, return
 *   u·√(−2 ln s / s) and cache v·√(−2 ln s / s) for the next call (the cache is part of `state()`).
 * - `shuffle(a)` — Fisher–Yates from the end: for i = n−1…1 swap a[i] with a[integer(i + 1)].
 *
 * @param seed - 64-bit seed (bigint in [0, 2⁶⁴) or a safe integer ≥ 0); record it with the result
 * @returns a {@link RandomGenerator}
 * @throws {CoreError} invalid_argument (seed out of range or not an integer); `integer(n)` throws
 *   invalid_argument for n not an integer in [1, 2⁵³]
 * @example
 * const rng = randomGenerator(20261122n);
 * rng.nextUint32(); // same value on every platform (see test/reference/numpy-core/random.json)
 * rng.integer(6);   // a die roll in 0…5
 * @see Blackman & Vigna (2021), ACM TOMS 47(4) 36; Marsaglia, G. & Bray, T. A. (1964), "A convenient
 *   method for generating normal variables", SIAM Review 6(3), 260–264; Knuth (1997), TAOCP vol. 2,
 *   §3.4.2 Algorithm P (shuffling); Lemire, D. (2019), "Fast random integer generation in an
 *   interval", ACM TOMACS 29(1) (the rejection threshold).
 * Complexity O(1) per draw (expected; rejection loops end with probability ≥ 1/2 per try).
 */
export function randomGenerator(seed: RandomSeed): RandomGenerator {
  const [a, b] = splitMix64(checkSeed(seed, "randomGenerator"), 2) as [bigint, bigint];
  const lo = (v: bigint) => Number(v & 0xffffffffn);
  const hi = (v: bigint) => Number(v >> 32n);
  return new Xoshiro128StarStar([lo(a), hi(a), lo(b), hi(b)], null);
}

/**
 * Resumes a generator from a {@link RandomState} snapshot (恢复随机数生成器状态): the continued stream
 * is identical to the one the snapshotted generator would have produced.
 *
 * @param state - from `generator.state()` (e.g. stored with a checkpointed bootstrap)
 * @returns a {@link RandomGenerator}
 * @throws {CoreError} invalid_argument (words not four unsigned 32-bit integers, all zero, or a
 *   non-finite cached normal)
 * @example
 * const g = randomGenerator(7); g.uniform();
 * const h = randomGeneratorFromState(g.state());
 * h.uniform() === g.uniform(); // => true
 */
export function randomGeneratorFromState(state: RandomState): RandomGenerator {
  const fn = "randomGeneratorFromState";
  const w = state.words;
  if (w.length !== 4 || w.some((x) => !Number.isInteger(x) || x < 0 || x >= TWO32) || w.every((x) => x === 0)) {
    throw new CoreError("invalid_argument", { function: fn, argument: "state.words", received: [...w] });
  }
  if (state.cachedNormal !== null && !Number.isFinite(state.cachedNormal)) {
    throw new CoreError("invalid_argument", {
      function: fn,
      argument: "state.cachedNormal",
      received: state.cachedNormal,
    });
  }
  return new Xoshiro128StarStar(w, state.cachedNormal);
}
