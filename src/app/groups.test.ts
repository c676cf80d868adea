import { describe, expect, it } from "vitest";
import type { IoTable } from "../core/io-analysis/io-table.js";
import { parseGroupSpec, resolveGroup } from "./groups.js";
import { fakeMeta, threeSectorTable } from "./test-fixtures.js";

function named(names: [string, string, string?][]): IoTable {
  const base = threeSectorTable();
  const n = names.length;
  return {
    ...base,
    sectors: names.map(([code, nameZh, nameEn]) => ({ code, nameZh, ...(nameEn !== undefined && { nameEn }) })),
    output: new Float64Array(n).fill(1),
  };
}

describe("resolveGroup", () => {
  it("maps digital to canonical S20 and S32 when the table uses canonical ids", () => {
    const t = named([
      ["S19", "电气机械和器材"],
      ["S20", "通信设备、计算机和其他电子设备"],
      ["S32", "信息传输、软件和信息技术服务"],
      ["S33", "金融"],
    ]);
    expect(resolveGroup(t, undefined, "digital")).toMatchObject({
      codes: ["S20", "S32"],
      resolvedBy: "canonical_code",
    });
  });

  it("finds the digital sectors by name in each NBS vintage (2005: 19/29, 2010: 19/28, 2017: 20/31)", () => {
    const v2005 = named([
      ["19", "通信设备、计算机及其他电子设备制造业"],
      ["20", "仪器仪表及文化办公用机械制造业"],
      ["29", "信息传输、计算机服务和软件业"],
      ["30", "批发和零售贸易业"],
    ]);
    expect(resolveGroup(v2005, undefined, "digital").codes).toEqual(["19", "29"]);
    const v2017 = named([
      ["20", "通信设备、计算机和其他电子设备"],
      ["21", "仪器仪表"],
      ["31", "信息传输、软件和信息技术服务"],
      ["32", "金融"],
    ]);
    expect(resolveGroup(v2017, undefined, "digital").codes).toEqual(["20", "31"]);
  });

  it("finds ISIC C26, J61 and J62–63 in OECD tables by English name", () => {
    const oecd = named([
      ["16", "金属制品", "Fabricated metal products"],
      ["17", "计算机、电子和光学设备", "Computer, electronic and optical equipment"],
      ["33", "出版、视听和广播", "Publishing, audiovisual and broadcasting activities"],
      ["34", "电信", "Telecommunications"],
      ["35", "信息技术和其他信息服务", "IT and other information services"],
    ]);
    expect(resolveGroup(oecd, fakeMeta("o", 2018, "oecd-iot-2021", 5), "digital").codes).toEqual(["17", "34", "35"]);
  });

  it("uses every C39 and I63–I65 product in the detailed NBS tables", () => {
    const names = [
      "计算机",
      "通信设备",
      "广播电视设备和雷达及配套设备",
      "视听设备",
      "电子元器件",
      "其他电子设备",
      "电信",
      "广播电视及卫星传输服务",
      "互联网和相关服务",
      "软件服务",
      "信息技术服务",
    ];
    const sectors: [string, string][] = [...names.map((n, i) => [String(100 + i), n] as [string, string])];
    for (let i = 0; i < 60; i++) sectors.push([String(200 + i), `其他部门${i}`]);
    expect(resolveGroup(named(sectors), undefined, "digital").codes).toHaveLength(11);
  });

  it("validates user code lists: unknown codes, empty and all-covering groups", () => {
    const t = threeSectorTable();
    expect(resolveGroup(t, undefined, ["03", "01"]).codes).toEqual(["01", "03"]);
    expect(() => resolveGroup(t, undefined, ["99"])).toThrow(expect.objectContaining({ code: "unknown_sector" }));
    expect(() => resolveGroup(t, undefined, [])).toThrow(expect.objectContaining({ code: "invalid_group" }));
    expect(() => resolveGroup(t, undefined, ["01", "02", "03"])).toThrow(
      expect.objectContaining({ code: "invalid_group" }),
    );
    expect(() => resolveGroup(t, undefined, "digital")).toThrow(expect.objectContaining({ code: "invalid_group" }));
  });
});

describe("resolveGroup on WIOD (2013 release)", () => {
  it("maps digital to c14 Electrical and optical equipment + c27 Post and telecommunications of every region", () => {
    const t = named([
      ["CHN_c13", "CHN: Machinery, Nec", "CHN: Machinery, Nec"],
      ["CHN_c14", "CHN: Electrical and Optical Equipment", "CHN: Electrical and Optical Equipment"],
      ["CHN_c27", "CHN: Post and Telecommunications", "CHN: Post and Telecommunications"],
      ["USA_c14", "USA: Electrical and Optical Equipment", "USA: Electrical and Optical Equipment"],
      ["USA_c27", "USA: Post and Telecommunications", "USA: Post and Telecommunications"],
      ["USA_c28", "USA: Financial Intermediation", "USA: Financial Intermediation"],
    ]);
    const meta = { ...fakeMeta("wiod-2011", 2011), classification: { system: "wiod-2013", version: "2013" } };
    expect(resolveGroup(t, meta, "digital")).toMatchObject({
      name: "digital",
      codes: ["CHN_c14", "CHN_c27", "USA_c14", "USA_c27"],
      resolvedBy: "vintage_code",
    });
    expect(resolveGroup(t, meta, ["CHN_c14", "CHN_c27"]).codes).toEqual(["CHN_c14", "CHN_c27"]);
  });
});

describe("parseGroupSpec", () => {
  it("parses digital and comma lists (also Chinese commas)", () => {
    expect(parseGroupSpec("digital")).toBe("digital");
    expect(parseGroupSpec(" S20, S32 ")).toEqual(["S20", "S32"]);
    expect(parseGroupSpec("20，31")).toEqual(["20", "31"]);
    expect(parseGroupSpec("")).toBeUndefined();
    expect(parseGroupSpec(undefined)).toBeUndefined();
  });
});
