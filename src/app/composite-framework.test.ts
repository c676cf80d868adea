/**
 * The indicator framework as data (issue 7 items 2–4): spec validation (each bad fixture in
 * test/fixtures/index-specs → its coded issue at its JSON path), and buildIndex on a small panel whose
 * numbers are computed by hand below (min–max per year, manual weights, arithmetic mean).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectAllClose, expectClose } from "../../test/helpers/close.js";
import { isCoreError } from "../core/index.js";
import { type DataIssue, DataIssuesError } from "../data/index.js";
import { buildIndex, readIndexSpec } from "./composite-framework.js";
import { readIndicatorInput } from "./indicator-input.js";
import { fixedClock } from "./test-fixtures.js";

const DIR = join(import.meta.dirname, "../../test/fixtures/index-specs");
const fixture = (name: string) => new Uint8Array(readFileSync(join(DIR, name)));
const csv = (lines: readonly string[]) => new TextEncoder().encode(`${lines.join("\n")}\n`);
const input = async (lines: readonly string[], file = "panel.csv") => ({
  input: await readIndicatorInput(csv(lines), { file }),
});

/** The issues a call throws (fails when it does not throw DataIssuesError). */
function issuesOf(f: () => unknown): readonly DataIssue[] {
  try {
    f();
  } catch (e) {
    if (e instanceof DataIssuesError) return e.issues;
    throw e;
  }
  return expect.fail("expected DataIssuesError");
}
async function issuesOfAsync(f: () => Promise<unknown>): Promise<readonly DataIssue[]> {
  try {
    await f();
  } catch (e) {
    if (e instanceof DataIssuesError) return e.issues;
    throw e;
  }
  return expect.fail("expected DataIssuesError");
}

// 3 entities × 2 years, indicators a, b, c (benefit) and d (cost)
const PANEL = [
  "entity,year,a,b,c,d",
  "E1,2020,1,10,5,8",
  "E2,2020,3,20,1,4",
  "E3,2020,5,40,3,2",
  "E1,2021,4.5,10,6,1",
  "E2,2021,4,30,2,3",
  "E3,2021,6,20,4,5",
];

describe("readIndexSpec", () => {
  it("accepts the good fixtures and records the spec's sha256", () => {
    const s = readIndexSpec(fixture("good-two-pillars.json"), { file: "good-two-pillars.json" });
    expect(s.nodes.map((n) => [n.id, n.level])).toEqual([
      ["demo", "composite"],
      ["P1", "pillar"],
      ["a", "indicator"],
      ["b", "indicator"],
      ["P2", "pillar"],
      ["c", "indicator"],
      ["d", "indicator"],
    ]);
    expect(s.nodes[0]?.weighting).toBe("manual");
    expect(s.nodes.find((n) => n.id === "d")?.direction).toBe(-1);
    expect(s.sha256).toMatch(/^[0-9a-f]{64}$/);
    const nested = readIndexSpec(fixture("good-nested.json"), { file: "good-nested.json" });
    expect(nested.nodes.filter((n) => n.level === "sub_pillar").map((n) => n.id)).toEqual(["networks", "computing"]);
    expect(nested.imputation).toBe("linear_time");
    expect(nested.winsorise).toEqual({ lower: 0.05, upper: 0.95 });
  });

  // each bad fixture → [code, JSON path, params it must carry]
  const BAD: Record<string, readonly [DataIssue["code"], string, Record<string, unknown>][]> = {
    "bad-direction-missing.json": [["missing_value", "pillars[1].children[0].direction", { column: "direction" }]],
    "bad-direction-unknown.json": [
      ["invalid_value", "pillars[0].children[0].direction", { value: "up", expected: ["+", "-"] }],
    ],
    "bad-weights-sum.json": [["invalid_value", "pillars[0].children", { reason: "weights_not_normalised" }]],
    "bad-duplicate-id.json": [
      [
        "invalid_value",
        "pillars[1].children[0].id",
        { reason: "duplicate_id", firstPath: "pillars[0].children[0].id" },
      ],
    ],
    "bad-empty-pillar.json": [["invalid_value", "pillars[1].children", { reason: "empty_group" }]],
    "bad-unknown-key.json": [["invalid_value", "normalization", { reason: "unknown_key" }]],
    "bad-unknown-method.json": [
      ["invalid_value", "aggregation", { value: "harmonic" }],
      ["invalid_value", "pillars[0].weighting", { value: "ahp" }],
    ],
    "bad-too-deep.json": [["invalid_value", "pillars[0].children[0].children[0].children", { reason: "too_deep" }]],
    "bad-weight-and-weighting.json": [
      ["invalid_value", "pillars[0].children[0].weight", { reason: "weight_with_weighting" }],
      ["invalid_value", "pillars[0].children[1].weight", { reason: "weight_with_weighting" }],
    ],
    "bad-not-json.txt": [["file_unreadable", "", { reason: "read_failed" }]],
  };

  it("has an expectation for every bad fixture but the one that needs a table", () => {
    const bad = readdirSync(DIR).filter((f) => f.startsWith("bad-") && f !== "bad-unknown-column.json");
    expect(bad.sort()).toEqual(Object.keys(BAD).sort());
  });

  for (const [name, expected] of Object.entries(BAD)) {
    it(`${name} → ${expected.map(([c, p]) => `${c} at ${p || "(file)"}`).join(", ")}`, () => {
      const issues = issuesOf(() => readIndexSpec(fixture(name), { file: name }));
      expect(issues.map((i) => [i.code, i.params["jsonPath"]])).toEqual(expected.map(([c, p]) => [c, p]));
      issues.forEach((i, k) => {
        const [, path, params] = expected[k] as (typeof expected)[number];
        expect(i.severity).toBe("error");
        expect(i.path.file).toBe(name);
        if (path !== "") expect(i.path.jsonPath).toBe(path);
        expect(i.params).toMatchObject(params);
      });
    });
  }

  it("reports every problem of a spec at once", () => {
    const issues = issuesOf(() =>
      readIndexSpec(
        JSON.stringify({
          id: "x",
          pillars: [
            { id: "P", children: [{ id: "a", column: "a" }] },
            { id: "P", children: [{ id: "b", column: "b", direction: "+", weight: 0.3 }] },
          ],
        }),
        { file: "s.json" },
      ),
    );
    expect(issues.map((i) => i.params["jsonPath"])).toEqual([
      "pillars[0].children[0].direction",
      "pillars[1].id",
      "pillars[1].children",
    ]);
  });

  it("needs a benchmark per indicator under benchmark normalisation", () => {
    const issues = issuesOf(() =>
      readIndexSpec(
        JSON.stringify({
          id: "x",
          normalisation: "benchmark",
          pillars: [{ id: "P", children: [{ id: "a", column: "a", direction: "+" }] }],
        }),
        { file: "s.json" },
      ),
    );
    expect(issues.map((i) => [i.code, i.params["jsonPath"]])).toEqual([
      ["missing_value", "pillars[0].children[0].benchmark"],
    ]);
  });
});

describe("buildIndex", () => {
  const spec = () => ({ text: fixture("good-two-pillars.json"), file: "good-two-pillars.json" });

  it("computes every level by hand-checkable arithmetic (min–max per year, manual weights)", async () => {
    const r = await buildIndex(await input(PANEL), spec(), { clock: fixedClock });
    // by hand, 2020: a (1,3,5) → (0, .5, 1); b (10,20,40) → (0, 1/3, 1); c (5,1,3) → (1, 0, .5);
    // d is a cost, (8,4,2) → (8 − x)/6 = (0, 2/3, 1)
    const a20 = [0, 0.5, 1];
    const b20 = [0, 1 / 3, 1];
    const c20 = [1, 0, 0.5];
    const d20 = [0, 2 / 3, 1];
    const p1 = a20.map((a, i) => 100 * (0.75 * a + 0.25 * (b20[i] as number)));
    const p2 = c20.map((c, i) => 100 * (0.5 * c + 0.5 * (d20[i] as number)));
    const comp20 = p1.map((p, i) => 0.6 * p + 0.4 * (p2[i] as number));
    expectAllClose(comp20, [20, 40.833333333333336, 90], { atol: 1e-12 });
    const score = (year: number, id: string) =>
      r.scores.filter((s) => s.year === year && s.id === id).map((s) => s.score);
    expectAllClose(score(2020, "d"), d20, { atol: 1e-12 });
    expectAllClose(score(2020, "P1"), p1, { atol: 1e-12 });
    expectAllClose(score(2020, "P2"), p2, { atol: 1e-12 });
    expectAllClose(score(2020, "demo"), comp20, { atol: 1e-12 });
    // the composite equals the weighted mean of the pillar scores
    const comp = r.composite.filter((c) => c.year === 2021).map((c) => c.score);
    const q1 = score(2021, "P1");
    const q2 = score(2021, "P2");
    expectAllClose(
      comp,
      q1.map((p, i) => 0.6 * p + 0.4 * (q2[i] as number)),
      { atol: 1e-12 },
    );
    // 2021 by hand: a (4.5,4,6) → (.25, 0, 1); b (10,30,20) → (0, 1, .5); c (6,2,4) → (1, 0, .5);
    // d (1,3,5) → (1, .5, 0): P1 = (18.75, 25, 87.5), P2 = (100, 25, 25), composite = (51.25, 25, 62.5)
    expectAllClose(comp, [51.25, 25, 62.5], { atol: 1e-12 });
    // ranks per year and their changes (previous rank − rank)
    expect(r.composite.map((c) => [c.year, c.entity, c.rank, c.rankChange])).toEqual([
      [2020, "E1", 3, null],
      [2020, "E2", 2, null],
      [2020, "E3", 1, null],
      [2021, "E1", 2, 1],
      [2021, "E2", 3, -1],
      [2021, "E3", 1, 0],
    ]);
    // weights used at every level
    expect(r.weights.map((w) => [w.id, w.parent, w.method, w.weight])).toEqual([
      ["P1", "demo", "manual", 0.6],
      ["a", "P1", "manual", 0.75],
      ["b", "P1", "manual", 0.25],
      ["P2", "demo", "manual", 0.4],
      ["c", "P2", "manual", 0.5],
      ["d", "P2", "manual", 0.5],
    ]);
    // disparity of the composite in 2020: population CV, Theil T, Gini by their definitions
    const x = comp20;
    const mu = x.reduce((s, v) => s + v, 0) / 3;
    const cv = Math.sqrt(x.reduce((s, v) => s + (v - mu) ** 2, 0) / 3) / mu;
    const theil = x.reduce((s, v) => s + (v / mu) * Math.log(v / mu), 0) / 3;
    let g = 0;
    for (const u of x) for (const v of x) g += Math.abs(u - v);
    const d2020 = r.disparity.find((d) => d.year === 2020);
    expectClose(d2020?.cv ?? Number.NaN, cv, { rtol: 1e-12 }, "CV");
    expectClose(d2020?.theil ?? Number.NaN, theil, { rtol: 1e-12 }, "Theil");
    expectClose(d2020?.gini ?? Number.NaN, g / (2 * 9 * mu), { rtol: 1e-12 }, "Gini");
    // provenance: the spec's hash and every choice
    expect(r.provenance.method).toBe("index_build");
    expect(r.provenance.parameters).toMatchObject({
      spec: { id: "demo", sha256: r.spec.sha256 },
      normalisation: "minmax",
      goalposts: "year",
      aggregation: "arithmetic",
      imputation: "none",
      directions: { a: 1, b: 1, c: 1, d: -1 },
    });
    expect(r.imputed).toEqual([]);
  });

  it("refuses a column the table does not have, located in the spec", async () => {
    const issues = await issuesOfAsync(async () =>
      buildIndex(await input(PANEL), { text: fixture("bad-unknown-column.json"), file: "bad-unknown-column.json" }),
    );
    expect(issues.map((i) => [i.code, i.path.file, i.params["jsonPath"], i.params["column"]])).toEqual([
      ["missing_column", "bad-unknown-column.json", "pillars[0].children[1].column", "no_such_column"],
    ]);
  });

  it("refuses a missing cell unless the spec imputes it; imputation is recorded per cell", async () => {
    const gap = PANEL.map((l) => (l === "E2,2021,4,30,2,3" ? "E2,2021,4,,2,3" : l));
    const issues = await issuesOfAsync(async () => buildIndex(await input(gap), spec()));
    expect(issues.map((i) => [i.code, i.path.file, i.path.row, i.path.columnName])).toEqual([
      ["missing_value", "panel.csv", 6, "b"],
    ]);
    const text = JSON.stringify({
      ...JSON.parse(new TextDecoder().decode(fixture("good-two-pillars.json"))),
      imputation: "group_mean",
    });
    const r = await buildIndex(await input(gap), { text, file: "s.json" });
    // the mean of E1 and E3 in 2021: (10 + 20)/2
    expect(r.imputed).toEqual([
      { entity: "E2", year: 2021, indicator: "b", column: "b", row: 6, method: "group_mean", value: 15 },
    ]);
    expect(r.diagnostics.find((d) => d.code === "values_imputed")?.params).toMatchObject({
      method: "group_mean",
      count: 1,
    });
    expect(r.provenance.parameters).toMatchObject({ imputation: "group_mean", imputedCells: 1 });
  });

  it("interpolates linearly in time within an entity, and refuses gaps at the ends", async () => {
    const lines = [
      "entity,year,a,b,c,d",
      "E1,2019,1,1,1,1",
      "E2,2019,2,2,2,2",
      "E1,2020,,1,3,1",
      "E2,2020,4,3,2,2",
      "E1,2021,5,2,1,3",
      "E2,2021,1,1,2,1",
    ];
    const base = JSON.parse(new TextDecoder().decode(fixture("good-two-pillars.json")));
    const text = JSON.stringify({ ...base, imputation: "linear_time" });
    const r = await buildIndex(await input(lines), { text, file: "s.json" });
    expect(r.imputed).toEqual([
      { entity: "E1", year: 2020, indicator: "a", column: "a", row: 4, method: "linear_time", value: 3 },
    ]);
    const atEnd = lines.map((l) => (l === "E1,2021,5,2,1,3" ? "E1,2021,,2,1,3" : l));
    const issues = await issuesOfAsync(async () => buildIndex(await input(atEnd), { text, file: "s.json" }));
    // E1's a is now missing in 2020 and 2021: neither has an observed value after it
    expect(issues.map((i) => [i.code, i.path.row, i.params["reason"]])).toEqual([
      ["missing_value", 4, "no_bracketing_values"],
      ["missing_value", 6, "no_bracketing_values"],
    ]);
  });

  it("winsorises at the given quantiles and lists every clipped cell", async () => {
    const base = JSON.parse(new TextDecoder().decode(fixture("good-two-pillars.json")));
    const text = JSON.stringify({ ...base, winsorise: { lower: 0, upper: 0.5 } });
    const r = await buildIndex(await input(PANEL), { text, file: "s.json" });
    // upper = the median of each year: b 2020 (10, 20, 40) → 40 clipped to 20, …
    expect(r.winsorised).toContainEqual({ entity: "E3", year: 2020, indicator: "b", value: 40, clippedTo: 20 });
    expect(r.winsorised).toHaveLength(8);
    expect(r.diagnostics.map((d) => d.code)).toContain("values_winsorised");
  });

  it("geometric aggregation refuses a non-positive score and names the node, entity and year", async () => {
    const base = JSON.parse(new TextDecoder().decode(fixture("good-two-pillars.json")));
    const text = JSON.stringify({ ...base, aggregation: "geometric", geometricShift: 0 });
    try {
      await buildIndex(await input(PANEL), { text, file: "s.json" });
      expect.fail("expected a CoreError");
    } catch (e) {
      if (!isCoreError(e)) throw e;
      expect(e.code).toBe("invalid_argument");
      expect(e.params).toMatchObject({
        reason: "non_positive_after_shift",
        node: "P2",
        child: "d",
        entity: "E1",
        year: 2020,
      });
    }
    // with the default shift 0.01 it is defined: 100·Π(s + 0.01)^w
    const ok = await buildIndex(await input(PANEL), {
      text: JSON.stringify({ ...base, aggregation: "geometric" }),
      file: "s.json",
    });
    const e3 = ok.scores.find((s) => s.year === 2020 && s.entity === "E3" && s.id === "P1");
    expectClose(e3?.score ?? Number.NaN, 100 * 1.01, { rtol: 1e-12 }, "P1 of E3 (both indicators 1)");
  });

  it("forces a constant indicator's weight to 0 with a diagnostic, siblings rescaled", async () => {
    const flat = PANEL.map((l, i) => (i === 0 ? l : l.replace(/^(E\d,\d{4},[^,]+),[^,]+/, "$1,7")));
    const r = await buildIndex(await input(flat), spec());
    expect(r.weights.filter((w) => w.parent === "P1").map((w) => [w.id, w.weight, w.specWeight])).toEqual([
      ["a", 1, 0.75],
      ["b", 0, 0.25],
    ]);
    expect(r.diagnostics.filter((d) => d.code === "constant_indicator").map((d) => d.params["name"])).toEqual([
      "b",
      "b",
    ]);
  });

  it("builds the nested fixture (sub-pillars; entropy, CRITIC, PCA weights with their statistics)", async () => {
    const r = await buildIndex(await input(PANEL), { text: fixture("good-nested.json"), file: "good-nested.json" });
    const sum = (parent: string) => r.weights.filter((w) => w.parent === parent).reduce((s, w) => s + w.weight, 0);
    for (const p of ["nested", "infrastructure", "networks", "computing", "industry"])
      expectClose(sum(p), 1, { atol: 1e-12 }, p);
    expect(r.weights.find((w) => w.id === "a")?.entropy).toBeTypeOf("number");
    expect(r.weights.find((w) => w.id === "c")?.conflict).toBeTypeOf("number");
    expect(r.weights.find((w) => w.id === "a2")?.explainedShare).toBeTypeOf("number");
    expect(new Set(r.scores.map((s) => s.level))).toEqual(new Set(["composite", "pillar", "sub_pillar", "indicator"]));
    expect(r.provenance.parameters).toMatchObject({
      normalisation: "panel_minmax",
      goalposts: "pooled",
      shift: 0.0001,
    });
  });

  it("aggregates the pillars by TOPSIS within each year when asked", async () => {
    const base = JSON.parse(new TextDecoder().decode(fixture("good-two-pillars.json")));
    const r = await buildIndex(await input(PANEL), {
      text: JSON.stringify({ ...base, aggregation: "topsis" }),
      file: "s.json",
    });
    // E3 2020 has the best P1 (100) and P2 (75); by hand its closeness with pillar weights 0.6/0.4
    const p1 = [0, 45.833333333333336, 100];
    const p2 = [50, 100 / 3, 75];
    const n1 = Math.hypot(...p1);
    const n2 = Math.hypot(...p2);
    const v = p1.map((x, i) => [(0.6 * x) / n1, (0.4 * (p2[i] as number)) / n2] as const);
    const best = [Math.max(...v.map((r2) => r2[0])), Math.max(...v.map((r2) => r2[1]))];
    const worst = [Math.min(...v.map((r2) => r2[0])), Math.min(...v.map((r2) => r2[1]))];
    const closeness = v.map(([x, y]) => {
      const dp = Math.hypot(x - (best[0] as number), y - (best[1] as number));
      const dm = Math.hypot(x - (worst[0] as number), y - (worst[1] as number));
      return dm / (dp + dm);
    });
    expectAllClose(
      r.composite.filter((c) => c.year === 2020).map((c) => c.score),
      closeness.map((c) => 100 * c),
      { atol: 1e-10 },
    );
  });
});
