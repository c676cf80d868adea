/** Derived indicators against spec §12.2. */
import { describe, expect, it } from "vitest";
import { expectClose } from "../../../test/helpers/close.js";
import { ratioIndicator } from "./indicators.js";

describe("ratioIndicator", () => {
  it("spec §12.2: 4 251 000 base stations / 140 828 万人 = 30.19 per 10 000 people (→ 30.2 as printed)", () => {
    const v = ratioIndicator([4_251_000], [140_828])[0] as number;
    expectClose(v, 30.19, { atol: 5e-3 });
    expect(Math.round(v * 10) / 10).toBe(30.2);
  });

  it("a denominator ≤ 0 is a coded error", () => {
    expect(() => ratioIndicator([1], [0])).toThrow(
      expect.objectContaining({ params: expect.objectContaining({ reason: "non_positive_base" }) }),
    );
  });
});
