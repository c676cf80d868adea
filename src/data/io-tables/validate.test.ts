import { describe, expect, it } from "vitest";
import type { IoTable } from "../../core/io-analysis/io-table.js";
import { fromRows } from "../../core/linalg/matrix.js";
import type { IoTableLocator } from "./common.js";
import { balanceSummary, recordedValidationOptions, validateIoTable, validationStep } from "./validate.js";

/** spec §5.9 three-sector table, rows at physical lines 2–4, sector columns 3–5, output column 7. */
function threeSector(overrides: Partial<IoTable> = {}): IoTable {
  return {
    sectors: [{ code: "1" }, { code: "2" }, { code: "3" }],
    Z: fromRows([
      [150, 500, 50],
      [200, 100, 400],
      [300, 0, 0],
    ]),
    finalDemand: fromRows([[300], [1300], [700]]),
    finalDemandCodes: ["fd"],
    valueAdded: [{ code: "va", values: Float64Array.from([350, 1400, 550]) }],
    output: Float64Array.from([1000, 2000, 1000]),
    ...overrides,
  };
}

const locator: IoTableLocator = {
  file: "t.csv",
  rowOf: (i) => i + 2,
  colOf: (j) => j + 3,
  columnNameOf: (j) => String(j + 1),
  outputColumn: { column: 7, name: "output" },
  outputRow: 6,
};

const errors = (t: IoTable, o = {}) => validateIoTable(t, locator, o).filter((i) => i.severity === "error");

describe("validateIoTable", () => {
  it("accepts the balanced three-sector table and reports max imbalances as summary warnings", () => {
    const issues = validateIoTable(threeSector(), locator);
    expect(issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(issues.map((i) => [i.code, i.severity, i.params.axis, i.params.relative])).toEqual([
      ["out_of_balance", "warning", "row", 0],
      ["out_of_balance", "warning", "column", 0],
    ]);
  });

  it("locates a row imbalance at the output cell and a column imbalance at the output row", () => {
    const t = threeSector({ output: Float64Array.from([1000, 2100, 1000]) });
    expect(errors(t)).toEqual([
      {
        code: "out_of_balance",
        severity: "error",
        path: { file: "t.csv", row: 3, column: 7, columnName: "output" },
        params: expect.objectContaining({ axis: "row", sector: "2", imbalance: -100, relative: 100 / 2100 }),
      },
      {
        code: "out_of_balance",
        severity: "error",
        path: { file: "t.csv", row: 6, column: 4, columnName: "2" },
        params: expect.objectContaining({ axis: "column", sector: "2", imbalance: -100 }),
      },
    ]);
  });

  it("applies the absolute tolerance floor (integer rounding)", () => {
    const t = threeSector({ output: Float64Array.from([1000, 2001, 1000]) });
    expect(errors(t, { absoluteTolerance: 2 })).toEqual([]);
    expect(errors(t, { balanceTolerance: 1e-3 })).toEqual([]);
    expect(errors(t).map((i) => i.code)).toEqual(["out_of_balance", "out_of_balance"]);
  });

  it("subtracts imports and adds the other column in the row identity", () => {
    const t = threeSector({
      finalDemand: fromRows([[310], [1300], [700]]),
      imports: Float64Array.from([20, 0, 0]),
      otherColumn: Float64Array.from([10, 0, 0]),
    });
    expect(errors(t)).toEqual([]);
  });

  it("checks output against total input when given", () => {
    const found = errors(threeSector(), { totalInput: Float64Array.from([1000, 2000, 999]) });
    expect(found).toEqual([
      expect.objectContaining({
        code: "out_of_balance",
        params: expect.objectContaining({ axis: "total_input", sector: "3" }),
      }),
    ]);
  });

  it("zero output: accepted when the sector is empty under zero_column, rejected under error", () => {
    const t = threeSector({
      sectors: [{ code: "1" }, { code: "2" }, { code: "3" }, { code: "4" }],
      Z: fromRows([
        [150, 500, 50, 0],
        [200, 100, 400, 0],
        [300, 0, 0, 0],
        [0, 0, 0, 0],
      ]),
      finalDemand: fromRows([[300], [1300], [700], [0]]),
      valueAdded: [{ code: "va", values: Float64Array.from([350, 1400, 550, 0]) }],
      output: Float64Array.from([1000, 2000, 1000, 0]),
    });
    expect(errors(t)).toEqual([]);
    expect(errors(t, { zeroOutput: "error" })).toEqual([
      expect.objectContaining({
        code: "zero_output_with_inputs",
        path: { file: "t.csv", row: 5, column: 7, columnName: "output" },
      }),
    ]);
  });

  it("reports not_productive with the Perron root of A", () => {
    const t = threeSector({
      Z: fromRows([
        [600, 700, 300],
        [500, 900, 500],
        [300, 600, 400],
      ]),
      valueAdded: undefined as never,
    });
    const { valueAdded: _omit, ...noVa } = t;
    const found = validateIoTable(noVa, locator).filter((i) => i.code === "not_productive");
    // numpy.linalg.eigvals of A = Z·diag(1/x): 1.2296693311223916 (test/fixtures/make-fixtures.ts)
    expect(found).toHaveLength(1);
    expect(Math.abs((found[0]?.params.spectralRadius as number) - 1.2296693311223916)).toBeLessThan(1e-8);
  });

  it("reports negative flows and non-finite cells at their cells", () => {
    const Z = fromRows([
      [150, 500, 50],
      [200, 100, 400],
      [300, 0, 0],
    ]);
    Z.data[1] = -1;
    expect(errors(threeSector({ Z }), { balanceTolerance: 1 })).toEqual([
      expect.objectContaining({ code: "negative_flow", path: { file: "t.csv", row: 2, column: 4, columnName: "2" } }),
    ]);
    Z.data[1] = Number.NaN;
    expect(errors(threeSector({ Z })).map((i) => i.code)).toEqual(["non_numeric_cell"]);
  });

  it("rejects a negative gross output at its output cell even when the identities hold", () => {
    // sector 3 with x = −1000: row 0 + fd −1000 = −1000, column 450 + va −1450 = −1000 — balanced
    const t = threeSector({
      Z: fromRows([
        [150, 500, 50],
        [200, 100, 400],
        [0, 0, 0],
      ]),
      finalDemand: fromRows([[300], [1300], [-1000]]),
      valueAdded: [{ code: "va", values: Float64Array.from([650, 1400, -1450]) }],
      output: Float64Array.from([1000, 2000, -1000]),
    });
    expect(errors(t)).toEqual([
      {
        code: "invalid_value",
        severity: "error",
        path: { file: "t.csv", row: 4, column: 7, columnName: "output" },
        params: expect.objectContaining({ block: "output", sector: "3", value: -1000, expected: ">= 0" }),
      },
    ]);
  });

  it("non-competitive tables: checks domestic and imported flows separately, at their own rows", () => {
    const Z = fromRows([
      [150, 500, 50],
      [200, 100, 400],
      [300, 0, 0],
    ]);
    const nc: IoTableLocator = { ...locator, importRowOf: (i) => i + 10 };
    const ncErrors = (Zdomestic: IoTable["Z"]) =>
      validateIoTable(threeSector({ Z, Zdomestic }), nc).filter((i) => i.severity === "error");
    // imported use Z − Zdom = 10 ≥ 0 everywhere except z_21: domestic 210 > total 200 ⇒ imported −10
    const dom = fromRows([
      [140, 490, 40],
      [210, 90, 390],
      [290, 0, 0],
    ]);
    expect(ncErrors(dom)).toEqual([
      {
        code: "negative_flow",
        severity: "error",
        path: { file: "t.csv", row: 11, column: 3, columnName: "1" },
        params: expect.objectContaining({ block: "imported", value: -10, from: "2", to: "1" }),
      },
    ]);
    const negDom = fromRows([
      [140, 490, 40],
      [190, 90, 390],
      [290, 0, -1],
    ]);
    expect(ncErrors(negDom)).toEqual([
      {
        code: "negative_flow",
        severity: "error",
        path: { file: "t.csv", row: 4, column: 5, columnName: "3" },
        params: expect.objectContaining({ block: "domestic", value: -1, from: "3", to: "3" }),
      },
    ]);
    const nanDom = fromRows([
      [140, 490, 40],
      [190, 90, 390],
      [290, 0, Number.NaN],
    ]);
    expect(ncErrors(nanDom).map((i) => [i.code, i.params.block])).toEqual([["non_numeric_cell", "Zdomestic"]]);
    expect(
      ncErrors(
        fromRows([
          [140, 490, 40],
          [190, 90, 390],
          [290, 0, 0],
        ]),
      ),
    ).toEqual([]);
  });

  it("reports duplicate codes and shape mismatches", () => {
    expect(errors(threeSector({ sectors: [{ code: "1" }, { code: "1" }, { code: "3" }] }))).toEqual([
      expect.objectContaining({ code: "duplicate_sector_code", params: { code: "1", firstRow: 2 } }),
    ]);
    expect(errors(threeSector({ output: Float64Array.from([1, 2]) })).map((i) => i.code)).toEqual(["not_square"]);
  });
});

describe("recordedValidationOptions", () => {
  it("returns the options of the last validate_io_table step", () => {
    const issues = validateIoTable(threeSector(), locator, { balanceTolerance: 1e-4, absoluteTolerance: 3 });
    const stepRecord = validationStep({ balanceTolerance: 1e-4, absoluteTolerance: 3 }, issues);
    expect(stepRecord.params).toMatchObject({
      balanceTolerance: 1e-4,
      absoluteTolerance: 3,
      rowMaxRelative: 0,
      errors: 0,
    });
    const meta = {
      provenance: {
        publisher: "",
        originalSource: "",
        licence: "",
        files: [],
        caveats: [],
        transformations: [stepRecord],
      },
    };
    expect(recordedValidationOptions(meta)).toEqual({
      balanceTolerance: 1e-4,
      absoluteTolerance: 3,
      zeroOutput: "zero_column",
    });
    expect(recordedValidationOptions({ provenance: { ...meta.provenance, transformations: [] } })).toEqual({});
  });
});

describe("balanceSummary", () => {
  it("gives NaN column figures without value added", () => {
    const { valueAdded: _omit, ...t } = threeSector();
    expect(Number.isNaN(balanceSummary(t).columnMaxRelative)).toBe(true);
  });
});
