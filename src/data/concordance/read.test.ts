import { describe, expect, it } from "vitest";
import { readCsv } from "../ingest/csv.js";
import { readClassification } from "./read.js";

describe("readClassification", () => {
  // found by the importer fuzzer (test/fuzz, seed 20261203, case 44736): the database's INTEGER
  // column rejected the value and the import threw instead of returning a coded issue
  it("refuses a level beyond the int32 range with invalid_value (integer_ge_0)", () => {
    const bytes = new TextEncoder().encode("code,name_zh,parent,level\nA,农业,,2147483648\n");
    const raw = readCsv(bytes, { file: "c.csv" });
    if (!raw.ok) throw new Error("fixture must parse");
    const r = readClassification(raw.value);
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.issues.map((i) => [i.code, i.params.expected, i.path.row])).toEqual([
      ["invalid_value", "integer_ge_0", 2],
    ]);
  });
});
