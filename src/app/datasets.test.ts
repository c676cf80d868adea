import { describe, expect, it } from "vitest";
import type { DataIssue } from "../data/issues.js";
import { type DatasetImporter, datasetsImport } from "./datasets.js";

describe("datasetsImport", () => {
  it("rejects with the located errors only (no max-imbalance summaries), like --input and validate", async () => {
    const error: DataIssue = {
      code: "out_of_balance",
      severity: "error",
      path: { file: "t.csv", row: 5, column: 8, columnName: "output" },
      params: { axis: "row", sector: "02" },
    };
    const summary: DataIssue = {
      code: "out_of_balance",
      severity: "warning",
      path: { file: "t.csv" },
      params: { axis: "column", summary: true },
    };
    const importer: DatasetImporter = async () => ({ ok: false, issues: [error, summary] });
    await expect(datasetsImport(importer, new Uint8Array(1), { file: "t.csv", id: "t" })).rejects.toMatchObject({
      issues: [error],
    });
  });
});
