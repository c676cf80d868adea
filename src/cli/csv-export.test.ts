/**
 * CSV exports of `datasets list` and `io linkages|intensity|matrix` keep hostile names as text
 * (issue 6, point 5; the field rule is tested in src/methods/text-table.test.ts).
 */
import { describe, expect, it } from "vitest";
import { fakeMeta } from "../app/test-fixtures.js";
import { intensityCsv, linkagesCsv, matrixCsv } from "../methods/io/render.js";
import { renderDatasetList } from "./render.js";

const HYPERLINK = '=HYPERLINK("http://x","y")';

describe("CSV exports with hostile names", () => {
  it("datasets list --format csv", () => {
    // a unit is a closed type; a hostile one can only come from a corrupted store
    const meta = { ...fakeMeta("t3", 2015), titleEn: "@SUM(A1)", unit: "+cmd|' /C calc'!A0" } as unknown as ReturnType<
      typeof fakeMeta
    >;
    const csv = renderDatasetList([meta], "csv", "en");
    expect(csv).toBe(`id,kind,years,sectors,unit,title\nt3,io_table,2015,3,"'+cmd|' /C calc'!A0","'@SUM(A1)"\n`);
  });

  it("io linkages, intensity and matrix --format csv", () => {
    const sector = { code: "-2+3", name_zh: HYPERLINK, name_en: "\tx", influence: -1.5, sensitivity: 1 };
    const linkages = linkagesCsv({ sectors: [sector] } as unknown as Parameters<typeof linkagesCsv>[0]);
    expect(linkages.split("\n")[1]).toBe(`"'-2+3","'=HYPERLINK(""http://x"",""y"")","'\tx",-1.5,1`);
    const intensity = intensityCsv({
      sectors: [{ ...sector, directIntermediate: -1.5, directTotal: 0, complete: 0, forward: 0 }],
    } as unknown as Parameters<typeof intensityCsv>[0]);
    expect(intensity.split("\n")[1]?.startsWith(`"'-2+3","'=HYPERLINK(`)).toBe(true);
    const matrix = matrixCsv({ codes: ["@a"], values: [[-1.5]] } as unknown as Parameters<typeof matrixCsv>[0]);
    expect(matrix).toBe(`code,"'@a"\n"'@a",-1.5\n`);
  });
});
