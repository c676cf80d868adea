/**
 * Derived indicators (派生指标): per-capita and intensity ratios computed from a numerator and a
 * denominator series (spec §12.2: "Per-capita/intensity indicators are computed by the module from
 * numerators and denominators").
 */
import { CoreError } from "../errors.js";
import { checkFiniteVector } from "./checks.js";

/**
 * Ratio indicator (人均 / 强度指标): v_i = scale · numerator_i / denominator_i, e.g. 5G base stations
 * per 10 000 people = stations / population in 万人 (scale 1), or digital value added as a share of
 * GDP in percent (scale 100). Units are the caller's: state them in the indicator's metadata.
 *
 * @param numerator - finite values
 * @param denominator - finite values > 0, same length
 * @param scale - multiplier @default 1
 * @returns Float64Array of ratios
 * @throws {CoreError} non_finite; dimension_mismatch; invalid_argument (reason non_positive_base: a
 *   denominator ≤ 0, params index, value)
 * @example
 * // 425.1 万 5G base stations, NBS end-2024 population 140 828 万人 (spec §12.2)
 * ratioIndicator([4_251_000], [140_828]); // => [30.186…] per 10 000 people (printed 30.2)
 * @see spec §12.2 (per-capita test).
 */
export function ratioIndicator(numerator: ArrayLike<number>, denominator: ArrayLike<number>, scale = 1): Float64Array {
  const fn = "ratioIndicator";
  checkFiniteVector(numerator, "numerator", fn);
  checkFiniteVector(denominator, "denominator", fn);
  checkFiniteVector([scale], "scale", fn);
  if (denominator.length !== numerator.length) {
    throw new CoreError("dimension_mismatch", {
      function: fn,
      argument: "denominator",
      expected: numerator.length,
      received: denominator.length,
    });
  }
  const out = new Float64Array(numerator.length);
  for (let i = 0; i < out.length; i++) {
    const d = denominator[i] as number;
    if (!(d > 0))
      throw new CoreError("invalid_argument", {
        function: fn,
        argument: "denominator",
        reason: "non_positive_base",
        index: i,
        value: d,
      });
    out[i] = (scale * (numerator[i] as number)) / d;
  }
  return out;
}
