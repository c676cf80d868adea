/**
 * Regressions found by the importer fuzzer (test/fuzz, issue 6 point 9), each with its replay seed.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { unzip, zip } from "../../../test/helpers/zip.js";
import { repoPath } from "../paths.js";
import { readXlsx } from "./xlsx.js";

const control = () => unzip(new Uint8Array(readFileSync(repoPath("test", "fixtures", "hostile", "control.xlsx"))));

/** control.xlsx with its one sheet renamed (the XML attribute value, already escaped). */
function renamed(nameXml: string): Uint8Array {
  return zip(
    control().map((p) =>
      p.name === "xl/workbook.xml"
        ? {
            name: p.name,
            data: new Uint8Array(
              Buffer.from(
                Buffer.from(p.data)
                  .toString("utf8")
                  .replace(/name="[^"]*"/, `name="${nameXml}"`),
              ),
            ),
          }
        : p,
    ),
  );
}

describe("readXlsx: sheet names longer than Excel's 31 characters (fuzz seed 20261203, case 160)", () => {
  it("refuses the workbook with a coded issue naming the sheet, and writes nothing to the console", async () => {
    const long = "a".repeat(300);
    const r = await readXlsx(renamed(long), { file: "long.xlsx" });
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.issues.map((i) => [i.code, i.path.file, i.path.sheet, i.params.reason])).toEqual([
      ["file_unreadable", "long.xlsx", long, "corrupt_xlsx"],
    ]);
  });

  it("counts the decoded name: 31 characters (with an entity) still read", async () => {
    const r = await readXlsx(renamed(`${"b".repeat(26)}&amp;表1二三`), { file: "ok.xlsx" });
    expect(r.ok && r.value.sheet).toBe(`${"b".repeat(26)}&表1二三`);
  });
});
