/**
 * Productivity on the integration index from the shipped store (spec §4.2–4.3, §16 row 12).
 *
 * Known answers: the PWT productivity points are rgdpna/emp read here from the committed PWT fixture
 * (test/fixtures/method/pwt1001_china.csv, a byte copy of the staged file) — not through the store; the
 * slope and intercept are the textbook closed form b = Σ(I−Ī)(LP−L̄P)/Σ(I−Ī)², a = L̄P − b·Ī (spec
 * §4.2), independent of the QR engine that computes them; the endpoint slope on the printed values is
 * the spec's derived 637.1 ((161 615 − 69 471)/(190.10 − 45.47), spec §4.2 [DERIVED]).
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openShippedStore } from "../../test/helpers/real-app.js";
import { fusionIndex } from "./fusion-index.js";
import { productivityOnIndex } from "./productivity-index.js";
import type { DataStore } from "./store.js";

let store: DataStore;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ store, close } = await openShippedStore());
});
afterAll(async () => close());

/** rgdpna / emp by year from the fixture CSV (header names, numeric cells). */
function pwtProductivity(): Map<number, number> {
  const [header, ...lines] = readFileSync("test/fixtures/method/pwt1001_china.csv", "utf8").trim().split(/\r?\n/);
  const cols = (header as string).split(",").map((c) => c.replace(/"/g, ""));
  const at = (name: string) => cols.indexOf(name);
  const out = new Map<number, number>();
  for (const line of lines) {
    const cells = line.split(",").map((c) => c.replace(/"/g, ""));
    const y = Number(cells[at("rgdpna")]);
    const e = Number(cells[at("emp")]);
    if (cells[at("rgdpna")] !== "" && cells[at("emp")] !== "" && e > 0) out.set(Number(cells[at("year")]), y / e);
  }
  return out;
}

describe("productivityOnIndex", () => {
  it("PWT productivity on the proxy index: the common years 1995–2018, the closed-form OLS line", async () => {
    const r = await productivityOnIndex({ source: store.source });
    expect(r.productivity).toBe("pwt");
    expect(r.index).toBe("proxy");
    expect(r.points.map((p) => p.year)).toEqual(Array.from({ length: 24 }, (_, i) => 1995 + i));
    const lp = pwtProductivity();
    const proxy = await fusionIndex(store.source);
    for (const p of r.points) {
      // same numbers read two ways: the store's long CSV and the wide fixture (1e-12: one division)
      expect(p.productivity).toBeCloseTo(lp.get(p.year) as number, 8);
      expect(p.index).toBe(proxy.years.find((y) => y.year === p.year)?.index);
    }
    const n = r.points.length;
    const mi = r.points.reduce((s, p) => s + p.index, 0) / n;
    const ml = r.points.reduce((s, p) => s + p.productivity, 0) / n;
    let sxy = 0;
    let sxx = 0;
    for (const p of r.points) {
      sxy += (p.index - mi) * (p.productivity - ml);
      sxx += (p.index - mi) ** 2;
    }
    const b = sxy / sxx;
    const coef = r.regression?.coefficients ?? [];
    // QR and the centred closed form agree to rounding (κ₂(X) ≈ 10²): 1e-10 relative
    expect(Math.abs((coef[1]?.estimate as number) / b - 1)).toBeLessThan(1e-10);
    expect(Math.abs((coef[0]?.estimate as number) / (ml - b * mi) - 1)).toBeLessThan(1e-10);
    expect(r.regression?.n).toBe(24);
    expect(r.granger?.forward.nullHypothesis).toBe("x_does_not_granger_cause_y");
    expect(r.granger?.forward.x).toBe("index");
    expect(r.granger?.reverse.x).toBe("productivity");
    expect(r.provenance.datasets.map((d) => d.id)).toContain("pwt-1001-chn");
    expect(r.provenance.datasets.map((d) => d.id)).toContain("cn-oecd-iot-2018");
  });

  it("levels of trending series: a unit-root diagnostic for each series the ADF test cannot clear", async () => {
    const r = await productivityOnIndex({ source: store.source });
    const flagged = r.diagnostics.filter((d) => d.code === "levels_unit_root").map((d) => d.params.column);
    expect(flagged).toContain("index");
    const diff = await productivityOnIndex({ source: store.source, transform: "logdiff" });
    expect(diff.diagnostics.some((d) => d.code === "levels_unit_root")).toBe(false);
    expect(diff.granger?.transform).toBe("logdiff");
  });

  it("on the printed values: two years, so no regression and no Granger test — each says why; the endpoint slope 637.1", async () => {
    const r = await productivityOnIndex({ source: store.source, index: "published" });
    expect(r.productivity).toBe("published");
    expect(r.points.map((p) => p.year)).toEqual([2012, 2024]);
    expect(r.regression).toBeNull();
    expect(r.regressionNotRun).toEqual({ code: "too_few_observations", params: { received: 2, required: 3 } });
    expect(r.granger).toBeNull();
    expect(r.grangerNotRun?.code).toBeDefined();
    expect(r.endpointSlope?.from).toBe(2012);
    expect(r.endpointSlope?.to).toBe(2024);
    expect(Math.round((r.endpointSlope?.value as number) * 10) / 10).toBe(637.1);
    expect(r.published.id).toBe("s000-productivity-regression-slope");
  });

  it("a window narrower than the lags: the Granger test is not run, with the core's reason", async () => {
    const r = await productivityOnIndex({ source: store.source, from: 2015, to: 2018 });
    expect(r.points).toHaveLength(4);
    expect(r.regression?.n).toBe(4);
    expect(r.granger).toBeNull();
    expect(r.grangerNotRun?.code).toBe("too_few_observations");
  });
});
