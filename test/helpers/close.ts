/**
 * Closeness assertions with readable failures (after Observable Plot test/assert.js `allCloseTo`).
 * A value passes when |actual − expected| ≤ atol + rtol·|expected| (numpy.isclose semantics).
 */
import { expect } from "vitest";

export interface Tolerance {
  /** relative tolerance @default 0 */
  rtol?: number;
  /** absolute tolerance @default 0 */
  atol?: number;
}

function isClose(a: number, e: number, rtol: number, atol: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(e)) return false;
  return Math.abs(a - e) <= atol + rtol * Math.abs(e);
}

export function expectClose(actual: number, expected: number, tol: Tolerance, label = "value"): void {
  const rtol = tol.rtol ?? 0;
  const atol = tol.atol ?? 0;
  if (!isClose(actual, expected, rtol, atol)) {
    expect.fail(
      `${label}: expected ${expected}, received ${actual} (Δ ${Math.abs(actual - expected)}, tol atol=${atol} rtol=${rtol})`,
    );
  }
}

export function expectAllClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  tol: Tolerance,
  label = "array",
): void {
  if (actual.length !== expected.length) {
    expect.fail(`${label}: length ${actual.length} ≠ expected ${expected.length}`);
  }
  for (let i = 0; i < expected.length; i++) {
    expectClose(actual[i] as number, expected[i] as number, tol, `${label}[${i}]`);
  }
}
