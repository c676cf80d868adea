import { describe, expect, it } from "vitest";
import type { DatasetSummary } from "../charts/api-types.js";
import { chartLabels } from "../charts/labels.js";
import { initialLang, messages, persistLang } from "./i18n.js";
import { defaultTable, familyOf, tableForYear } from "./pages/io-tables.js";

/** Every leaf key path of a nested object. */
function keyPaths(o: unknown, prefix = ""): string[] {
  if (typeof o !== "object" || o === null) return [prefix];
  return Object.entries(o).flatMap(([k, v]) =>
    typeof v === "function" ? [`${prefix}${k}`] : keyPaths(v, `${prefix}${k}.`),
  );
}

const memoryStorage = (init: Record<string, string> = {}) => {
  const data = new Map(Object.entries(init));
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
};

describe("dashboard i18n", () => {
  it("has the same keys in zh-CN and en (UI and chart labels)", () => {
    expect(keyPaths(messages("en"))).toEqual(keyPaths(messages("zh-CN")));
    expect(keyPaths(chartLabels("en"))).toEqual(keyPaths(chartLabels("zh-CN")));
  });

  it("chooses ?lang= first, then localStorage, then zh-CN", () => {
    expect(initialLang("", undefined)).toBe("zh-CN");
    expect(initialLang("?lang=en", memoryStorage({ "shushi.lang": "zh-CN" }))).toBe("en");
    expect(initialLang("?lang=zh", undefined)).toBe("zh-CN");
    expect(initialLang("?lang=fr", memoryStorage({ "shushi.lang": "en" }))).toBe("en");
    const throwing = {
      getItem: (): string | null => {
        throw new Error("denied");
      },
    };
    expect(initialLang("", throwing)).toBe("zh-CN");
  });

  it("persists the choice", () => {
    const s = memoryStorage();
    persistLang("en", s);
    expect(s.data.get("shushi.lang")).toBe("en");
  });
});

describe("IO page table choice", () => {
  const t = (id: string, year: number, sectors: number): DatasetSummary => ({
    id,
    kind: "io_table",
    titleZh: id,
    titleEn: id,
    years: [year],
    dimensions: { sectors },
  });
  const tables = [
    t("cn-nbs-io-2017-149", 2017, 149),
    t("cn-nbs-io-2017-42", 2017, 42),
    t("cn-nbs-io-2020-153", 2020, 153),
    t("cn-nbs-io-2020-42", 2020, 42),
    t("cn-oecd-iot-2017", 2017, 45),
    t("cn-oecd-iot-2018", 2018, 45),
  ];

  it("defaults to the latest NBS table with about 42 sectors", () => {
    expect(defaultTable(tables)?.id).toBe("cn-nbs-io-2020-42");
    expect(defaultTable([t("x-2001", 2001, 10), t("y-2003", 2003, 10)])?.id).toBe("y-2003");
    expect(defaultTable([])).toBeUndefined();
  });

  it("keeps the table family when the year changes", () => {
    expect(familyOf("cn-nbs-io-2020-42")).toBe("cn-nbs-io-*-42");
    expect(tableForYear(tables, 2017, "cn-nbs-io-2020-42")?.id).toBe("cn-nbs-io-2017-42");
    expect(tableForYear(tables, 2017, "cn-nbs-io-2020-153")?.id).toBe("cn-nbs-io-2017-149");
    expect(tableForYear(tables, 2018, "cn-nbs-io-2020-42")?.id).toBe("cn-oecd-iot-2018");
    expect(tableForYear(tables, 1990, "cn-nbs-io-2020-42")).toBeUndefined();
  });
});
