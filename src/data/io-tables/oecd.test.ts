import { describe, expect, it } from "vitest";
import { expectClose } from "../../../test/helpers/close.js";
import { shippedDataset } from "../catalog.js";
import { OECD_IOT_2021_INDUSTRIES } from "../classification/oecd-iot-2021.js";
import { readShippedDataset } from "../store/build.js";
import { OECD_FINAL_DEMAND_COLUMNS } from "./oecd.js";
import { balanceSummary, recordedValidationOptions, type ValidateIoOptions, validateIoTable } from "./validate.js";

function read(year: number) {
  const d = shippedDataset(`cn-oecd-iot-${year}`);
  if (d === undefined) throw new Error(String(year));
  const r = readShippedDataset(d);
  if (!r.ok) throw new Error(JSON.stringify(r.issues.slice(0, 3)));
  return r;
}

describe("readOecdIot on the shipped OECD 2021-ed. China tables", () => {
  it.each(Array.from({ length: 24 }, (_, k) => 1995 + k))(
    "%i reads and validates (rows and columns within the 0.1-rounding bound)",
    (year) => {
      const r = read(year);
      const b = balanceSummary(r.value.table);
      // cells printed to 0.1 million USD: |imbalance| ≤ 0.05·(n + m + 2) = 2.75 (observed ≤ 0.8)
      expect(b.rowMaxAbsolute).toBeLessThan(2.75);
      expect(b.columnMaxAbsolute).toBeLessThan(2.75);
      expect(r.value.layout).toBe("oecd_iot_2021");
      expect(r.value.meta.unit).toBe("usd_million");
    },
  );

  it("2018: total value added (VALU) = 12.79 tn USD (MANIFEST §2), imports = −IMPO > 0, industry 45 zero", () => {
    const r = read(2018);
    const t = r.value.table;
    const valu = t.valueAdded?.find((v) => v.code === "VALU");
    expect(valu).toBeDefined();
    const total = Array.from(valu?.values ?? []).reduce((s, v) => s + v, 0);
    // 12.79 tn USD = 1.279e7 million USD, printed to 0.01 tn → rtol 4e-4
    expectClose(total, 1.279e7, { rtol: 4e-4 }, "VA 2018");
    expect(t.valueAdded?.map((v) => v.code)).toEqual(["TXS_IMP_FNL", "TXS_INT_FNL", "VALU"]);
    expect(t.finalDemandCodes).toEqual([...OECD_FINAL_DEMAND_COLUMNS]);
    // row 01 IMPO = -73657.2 in the file
    expectClose(t.imports?.[0] as number, 73657.2, { rtol: 1e-12 }, "m[01]");
    expect(t.output[44]).toBe(0);
    // x[01] = OUTPUT row, column 01 = 1913100.8
    expectClose(t.output[0] as number, 1913100.8, { rtol: 1e-12 }, "x[01]");
    expect(t.sectors[16]).toMatchObject({
      code: "17",
      nameEn: "Computer, electronic and optical equipment",
      nameZh: "计算机、电子和光学设备",
    });
  });
});

describe("recordedValidationOptions on a stored OECD table", () => {
  it("re-validates cleanly with the recorded rounding floor, but not with the bare 1e-6 default", () => {
    const r = read(1995);
    const { meta, table, locator } = r.value;
    const errors = (o: ValidateIoOptions) => validateIoTable(table, locator, o).filter((i) => i.severity === "error");
    expect(recordedValidationOptions(meta)).toEqual({
      balanceTolerance: 1e-6,
      absoluteTolerance: 2.75,
      zeroOutput: "zero_column",
    });
    expect(errors(recordedValidationOptions(meta))).toEqual([]);
    expect(errors({}).length).toBeGreaterThan(0);
  });
});

describe("OECD_IOT_2021_INDUSTRIES", () => {
  it("lists 45 industries whose English names equal the shipped file's Description column", () => {
    const t = read(2018).value.table;
    expect(OECD_IOT_2021_INDUSTRIES.map((s) => s.nameEn)).toEqual(t.sectors.map((s) => s.nameEn));
  });
});
