/**
 * Loader for the numpy reference JSON in this folder (written by generate.py; never edited by hand).
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));

/** Parsed `<name>.json` from test/reference/numpy-io. */
export function loadNumpyReference<T = Record<string, unknown>>(
  name: "china_2020_42" | "china_2015_42" | "random_productive",
): T {
  return JSON.parse(readFileSync(join(HERE, `${name}.json`), "utf8")) as T;
}

/**
 * The exact synthetic productive table of generate.py `random_table(n, seed)`: xorshift32 (13, 17, 5);
 * m_j = 1 + next % 3; a_ij = 0 if next % 10 < 3 else (next >>> 12)·m_j·2^-exponent; x_j = 1000 + next % 1000;
 * f_j = 100 + next % 900. Every a_ij is a dyadic rational, so TS and numpy start from identical A.
 */
export function randomProductiveTable(
  n: number,
  seed: number,
  exponent: number,
): { A: Float64Array; x: Float64Array; f: Float64Array } {
  let s = seed >>> 0;
  const next = (): number => {
    s = (s ^ (s << 13)) >>> 0;
    s = (s ^ (s >>> 17)) >>> 0;
    s = (s ^ (s << 5)) >>> 0;
    return s;
  };
  const m = Array.from({ length: n }, () => 1 + (next() % 3));
  const scale = 2 ** -exponent;
  const A = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (next() % 10 < 3) continue;
      A[i * n + j] = (next() >>> 12) * (m[j] as number) * scale;
    }
  }
  const x = Float64Array.from({ length: n }, () => 1000 + (next() % 1000));
  const f = Float64Array.from({ length: n }, () => 100 + (next() % 900));
  return { A, x, f };
}
