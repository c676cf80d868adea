import { describe, expect, it } from "vitest";
import { readFrameInput } from "../../src/app/frame-input.js";
import { digitalTfp, groupTfp } from "../../src/app/productivity-groups.js";
import {
  productivityDeTfpMethod,
  productivityGroupsMethod,
} from "../../src/methods/econometrics/productivity-groups.js";
import { chartLabels } from "./labels.js";
import { DE_TFP_COLUMNS, deTfpChart, deTfpSummaryLine, GROUP_TFP_COLUMNS, groupTfpChart } from "./tfp-groups.js";

// The JSON the API returns for uploaded tables in the cards' column layout (the use case and the
// declaration's toWire, as the route runs them).
const frame = (csv: string) => readFrameInput(new TextEncoder().encode(csv), { file: "upload.csv" });
const groups = productivityGroupsMethod.toWire(
  await groupTfp(
    {
      input: await frame(
        "group,year,output,capital,labour,labour_share\nfusion,2023,90,140,20,0.6\nother,2023,190,580,80,0.5\nfusion,2024,100,150,20,0.6\nother,2024,200,600,80,0.5\n",
      ),
    },
    {
      group: GROUP_TFP_COLUMNS.group,
      output: GROUP_TFP_COLUMNS.output,
      capital: GROUP_TFP_COLUMNS.capital,
      labour: GROUP_TFP_COLUMNS.labour,
      capitalShare: { labourShareColumn: GROUP_TFP_COLUMNS.labourShare },
    },
  ),
  "en",
);
const de = productivityDeTfpMethod.toWire(
  await digitalTfp(
    {
      input: await frame(
        "sector,year,value_added,tfp_growth,digital_share\nS20,2020,50,0,0\nS01,2020,50,0,0.5\nS20,2021,60,0.05,0\nS01,2021,60,0.02,0.5\nS20,2022,72,0.04,0\nS01,2022,72,0.02,0.5\n",
      ),
    },
    {
      sector: DE_TFP_COLUMNS.sector,
      valueAdded: DE_TFP_COLUMNS.valueAdded,
      tfpGrowth: DE_TFP_COLUMNS.tfpGrowth,
      digitalShare: DE_TFP_COLUMNS.digitalShare,
      digital: ["S20"],
      growth: "simple",
    },
  ),
  "en",
);

interface Series {
  type: string;
  name: string;
  data: { value: [string, number | "-"]; tip?: string }[];
}
const seriesOf = (o: unknown): Series[] => (o as { series: Series[] }).series;

describe("groupTfpChart", () => {
  it("a line per group, a point per year, the spec §4.4 level in 2024, the provenance in the tooltip", () => {
    const [fusion, other] = seriesOf(groupTfpChart(groups, chartLabels("en"), "en"));
    expect([fusion?.name, other?.name]).toEqual(["fusion", "other"]);
    expect(fusion?.data.map((d) => d.value[0])).toEqual(["2023", "2024"]);
    expect(fusion?.data[1]?.value[1] as number).toBeCloseTo(1.906278, 6);
    expect(fusion?.data[0]?.tip).toContain("tfp_group_levels");
  });
});

describe("deTfpChart", () => {
  it("a bar per year in percent (15, 12.5) and the mean/SD/CV line", () => {
    const [bars] = seriesOf(deTfpChart(de, chartLabels("en"), "en"));
    expect(bars?.data.map((d) => d.value)).toEqual([
      ["2021", 15],
      ["2022", 12.5],
    ]);
    expect(deTfpSummaryLine(de, "en")).toBe("mean 13.75% · s.d. 1.25 · CV 0.091 · n 2");
  });
});
