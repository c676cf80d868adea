/**
 * Argument checks shared by the composite-index modules (module-private: not exported from
 * src/core/index.ts). Each throws a coded {@link CoreError}.
 */
import { CoreError } from "../errors.js";
import type { Matrix } from "../linalg/matrix.js";

/** An indicator's polarity: +1 benefit (larger is better, 正向), −1 cost (smaller is better, 逆向). */
export type Direction = 1 | -1;

/** Throws non_finite at the first NaN/±Infinity of an entities×indicators matrix. */
export function checkFiniteMatrix(X: Matrix, argument: string, fn: string): void {
  const d = X.data;
  for (let k = 0; k < d.length; k++) {
    const v = d[k] as number;
    if (!Number.isFinite(v)) {
      throw new CoreError("non_finite", {
        function: fn,
        argument,
        row: Math.floor(k / X.cols),
        col: k % X.cols,
        value: v,
      });
    }
  }
}

/** Throws non_finite at the first NaN/±Infinity of a vector. */
export function checkFiniteVector(x: ArrayLike<number>, argument: string, fn: string): void {
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    if (!Number.isFinite(v)) throw new CoreError("non_finite", { function: fn, argument, index: i, value: v });
  }
}

/** Directions of n indicators (default all +1), validated as ±1. */
export function resolveDirections(directions: ArrayLike<number> | undefined, n: number, fn: string): Int8Array {
  const out = new Int8Array(n).fill(1);
  if (directions === undefined) return out;
  if (directions.length !== n) {
    throw new CoreError("dimension_mismatch", {
      function: fn,
      argument: "directions",
      expected: n,
      received: directions.length,
    });
  }
  for (let j = 0; j < n; j++) {
    const v = directions[j] as number;
    if (v !== 1 && v !== -1) {
      throw new CoreError("invalid_argument", {
        function: fn,
        argument: "directions",
        reason: "invalid_direction",
        index: j,
        value: v,
      });
    }
    out[j] = v;
  }
  return out;
}

/** Weights of n indicators: finite, ≥ 0, the right length (their sum is checked by the caller). */
export function checkWeightVector(w: ArrayLike<number>, n: number, fn: string): void {
  if (w.length !== n) {
    throw new CoreError("dimension_mismatch", { function: fn, argument: "weights", expected: n, received: w.length });
  }
  checkFiniteVector(w, "weights", fn);
  for (let j = 0; j < n; j++) {
    const v = w[j] as number;
    if (v < 0) {
      throw new CoreError("invalid_argument", {
        function: fn,
        argument: "weights",
        reason: "negative_weight",
        index: j,
        value: v,
      });
    }
  }
}

/** Throws invalid_argument (reason negative_value) at the first negative entry. */
export function checkNonNegativeMatrix(X: Matrix, argument: string, fn: string): void {
  const d = X.data;
  for (let k = 0; k < d.length; k++) {
    const v = d[k] as number;
    if (v < 0) {
      throw new CoreError("invalid_argument", {
        function: fn,
        argument,
        reason: "negative_value",
        row: Math.floor(k / X.cols),
        col: k % X.cols,
        value: v,
      });
    }
  }
}

/** Requires at least `required` rows. */
export function checkRows(X: Matrix, required: number, argument: string, fn: string): void {
  if (X.rows < required) {
    throw new CoreError("too_few_observations", { function: fn, argument, required, received: X.rows });
  }
}

/** Year labels: integers, one per row, strictly increasing. */
export function checkYears(years: ArrayLike<number>, length: number, fn: string): void {
  if (years.length !== length) {
    throw new CoreError("dimension_mismatch", {
      function: fn,
      argument: "years",
      expected: length,
      received: years.length,
    });
  }
  for (let t = 0; t < years.length; t++) {
    const y = years[t] as number;
    if (!Number.isInteger(y))
      throw new CoreError("invalid_argument", { function: fn, argument: "years", index: t, value: y });
    if (t > 0 && !(y > (years[t - 1] as number))) {
      throw new CoreError("invalid_argument", {
        function: fn,
        argument: "years",
        reason: "years_not_increasing",
        index: t,
        value: y,
      });
    }
  }
}
