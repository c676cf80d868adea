/**
 * CLI commands against a real store built once from the shipped data in a temporary directory.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectClose } from "../../test/helpers/close.js";
import { fixedClock } from "../app/test-fixtures.js";
import { type CliDeps, run } from "./main.js";

const ROOT = resolve(import.meta.dirname, "../..");
const tmp = mkdtempSync(join(tmpdir(), "shushi-store-"));
const dataDir = join(tmp, "data");

class Sink {
  text = "";
  write(s: string): boolean {
    this.text += s;
    return true;
  }
}

async function cli(argv: string[], deps: Partial<CliDeps> = {}, signal?: AbortSignal) {
  const stdout = new Sink();
  const stderr = new Sink();
  const code = await run(["--data-dir", dataDir, ...argv], {
    stdout,
    stderr,
    cwd: ROOT,
    env: {},
    deps: { clock: fixedClock, ...deps },
    ...(signal !== undefined && { signal }),
  });
  return { code, out: stdout.text, err: stderr.text };
}

beforeAll(async () => {
  const r = await cli(["datasets", "rebuild"]);
  if (r.code !== 0) throw new Error(`store build failed: ${r.err}`);
}, 180_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("shushi with the shipped data store", () => {
  it("datasets list shows the shipped NBS and OECD tables", async () => {
    const r = await cli(["datasets", "list", "--format", "json"]);
    expect(r.code).toBe(0);
    const ids = (JSON.parse(r.out) as { datasets: { id: string }[] }).datasets.map((d) => d.id);
    expect(ids).toEqual(expect.arrayContaining(["cn-nbs-io-2015-42", "cn-nbs-io-2020-42", "cn-oecd-iot-2018"]));
  });

  it("datasets show prints metadata, provenance and sectors", async () => {
    const r = await cli(["--lang", "en", "datasets", "show", "cn-nbs-io-2015-42"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("cn-nbs-io-2015-42");
    expect(r.out).toMatch(/sha256 [0-9a-f]{64}/);
    const missing = await cli(["--lang", "en", "datasets", "show", "nope"]);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain("[unknown_dataset]");
  });

  it("io linkages --table reproduces F_D(2015) = 1.041989 and E_D = 0.584192 (spec §5.9, two_block, D = {S20, S32})", async () => {
    const r = await cli(["io", "linkages", "--table", "cn-nbs-io-2015-42", "--group", "digital", "--format", "json"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as {
      block: { codes: string[]; influence: number; sensitivity: number };
      sectors: unknown[];
      provenance: { datasets: { sha256: string; classification: { system: string } }[] };
    };
    expect(doc.sectors).toHaveLength(42);
    expect(doc.block.codes).toEqual(["20", "32"]);
    // spec methods §5.9 public-data regression table (numpy, §15 cmd C8)
    expectClose(doc.block.influence, 1.041989, { atol: 1e-6 });
    expectClose(doc.block.sensitivity, 0.584192, { atol: 1e-6 });
    expect(doc.provenance.datasets[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(doc.provenance.datasets[0]?.classification.system).toBe("nbs-io-42-2012");
  });

  it("io linkages on a 2017-vintage table finds the digital sectors 20 and 31; --imports domestic works", async () => {
    const r = await cli(["io", "linkages", "--table", "cn-nbs-io-2020-42", "--group", "digital", "--format", "json"]);
    const doc = JSON.parse(r.out) as { block: { codes: string[]; influence: number; sensitivity: number } };
    expect(doc.block.codes).toEqual(["20", "31"]);
    expectClose(doc.block.influence, 1.064368, { atol: 1e-6 });
    expectClose(doc.block.sensitivity, 0.650642, { atol: 1e-6 });
    const dom = await cli([
      "io",
      "linkages",
      "--table",
      "cn-nbs-io-2020-42",
      "--group",
      "digital",
      "--imports",
      "domestic",
      "--format",
      "json",
    ]);
    expect(dom.code).toBe(0);
    const competitiveOnly = await cli(["io", "linkages", "--table", "cn-nbs-io-2015-42", "--imports", "domestic"]);
    expect(competitiveOnly.code).toBe(2);
    expect(competitiveOnly.err).toContain("[invalid_argument]");
  });

  it("io series --family nbs has every table year of spec §5.9 and interpolated years between", async () => {
    const r = await cli(["io", "series", "--family", "nbs", "--format", "json"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as {
      points: { year: number; influence: number; sensitivity: number; source: string; tableId: string }[];
    };
    const byYear = new Map(doc.points.map((p) => [p.year, p]));
    const known: [number, number, number][] = [
      [2015, 1.041989, 0.584192],
      [2017, 1.057404, 0.63986],
      [2018, 1.064825, 0.647464],
      [2020, 1.064368, 0.650642],
    ];
    for (const [year, f, e] of known) {
      const p = byYear.get(year);
      expect(p?.source).toBe("table");
      expectClose(p?.influence ?? Number.NaN, f, { atol: 1e-6 }, `F ${year}`);
      expectClose(p?.sensitivity ?? Number.NaN, e, { atol: 1e-6 }, `E ${year}`);
    }
    expect(doc.points.map((p) => p.year)).toEqual(Array.from({ length: 16 }, (_, i) => 2005 + i));
    expect(byYear.get(2010)?.tableId).toBe("cn-nbs-io-2010-41");
    expect(byYear.get(2016)?.source).toBe("interpolated");
    expect(byYear.get(2019)?.source).toBe("interpolated");
    const oecd = await cli(["io", "series", "--family", "oecd", "--format", "json"]);
    const pts = (JSON.parse(oecd.out) as { points: { year: number; source: string }[] }).points;
    expect(pts).toHaveLength(24);
    expect(pts.every((p) => p.source === "table")).toBe(true);
  });

  it("io matrix --which A prints a 42×42 CSV", async () => {
    const r = await cli(["io", "matrix", "--table", "cn-nbs-io-2015-42", "--which", "A"]);
    expect(r.code).toBe(0);
    const lines = r.out.trim().split("\n");
    expect(lines).toHaveLength(43);
    expect(lines[0]?.split(",")).toHaveLength(43);
  });

  it("datasets import: bad file → exit 1 and nothing stored; good file → stored; duplicate id → exit 1", async () => {
    const bad = await cli([
      "--lang",
      "en",
      "datasets",
      "import",
      "test/fixtures/bad/non-numeric.csv",
      "--id",
      "user-bad",
    ]);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain("non_numeric_cell");
    expect((await cli(["datasets", "show", "user-bad"])).code).toBe(1);
    const good = join(tmp, "good.csv");
    writeFileSync(
      good,
      [
        "单位：万元",
        "code,name,01,02,03,fd_final_demand,output",
        "01,农业,150,500,50,300,1000",
        "02,制造业,200,100,400,1300,2000",
        "03,服务业,300,0,0,700,1000",
      ].join("\n"),
    );
    const ok = await cli(["--lang", "en", "datasets", "import", good, "--id", "user-three"]);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain("user-three");
    const again = await cli(["datasets", "import", good, "--id", "user-three"]);
    expect(again.code).toBe(1);
    expect(again.err).toContain("dataset_exists");
    const l = await cli(["io", "linkages", "--table", "user-three", "--format", "json"]);
    expectClose((JSON.parse(l.out) as { sectors: { influence: number }[] }).sectors[0]?.influence ?? 0, 1.175063, {
      atol: 1e-6,
    });
  });

  it("unknown --table → exit 1 with a coded message", async () => {
    const r = await cli(["--lang", "en", "io", "linkages", "--table", "nope"]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("[unknown_dataset]");
  });

  it("serve starts the API, prints the URL and stops on abort", async () => {
    const controller = new AbortController();
    const stdout = new Sink();
    const done = run(["--data-dir", dataDir, "--lang", "en", "serve", "--port", "0"], {
      stdout,
      stderr: new Sink(),
      cwd: ROOT,
      env: {},
      signal: controller.signal,
    });
    let url: string | undefined;
    for (let i = 0; i < 200 && url === undefined; i++) {
      await new Promise((r) => setTimeout(r, 50));
      url = /(http:\/\/\S+)/.exec(stdout.text)?.[1];
    }
    expect(url).toBeDefined();
    const health = await fetch(new URL("api/health", url));
    expect(health.status).toBe(200);
    const linkages = await fetch(new URL("api/io/linkages?table=cn-nbs-io-2015-42&group=digital", url));
    const body = (await linkages.json()) as { block: { influence: number } };
    expectClose(body.block.influence, 1.041989, { atol: 1e-6 });
    const series = (await (await fetch(new URL("api/io/series?group=digital&family=nbs", url))).json()) as {
      published: { id: string; value: number }[];
    };
    expect(series.published.map((p) => p.id)).toEqual(
      expect.arrayContaining(["s000-io-influence-2015", "s000-io-sensitivity-2023"]),
    );
    const repro = (await (await fetch(new URL("api/reproduction", url))).json()) as {
      rows: { ref: string; status: string }[];
    };
    expect(repro.rows.some((r) => r.ref === "14" && r.status === "reproduced")).toBe(true);
    controller.abort();
    expect(await done).toBe(0);
  });

  it("report calls the report renderer with data from the store", async () => {
    const calls: string[] = [];
    const r = await cli(["report", "--out", join(tmp, "rep")], {
      renderReport: async ({ outDir, lang }) => {
        calls.push(`${outDir}|${lang}`);
        return { indexPath: join(outDir, "index.html") };
      },
    });
    expect(r.code).toBe(0);
    expect(calls).toEqual([`${join(tmp, "rep")}|zh-CN`]);
    expect(r.out).toContain("index.html");
    expect(existsSync(dataDir)).toBe(true);
  });

  it("report writes the HTML report from the store (real renderer)", async () => {
    const out = join(tmp, "real-report");
    const r = await cli(["--lang", "en", "report", "--out", out]);
    expect(r.code).toBe(0);
    expect(existsSync(join(out, "index.html"))).toBe(true);
    expect(existsSync(join(out, "report.zh-CN.html"))).toBe(true);
  });

  it("main writes the report, serves the API, prints the URL and stops on abort", async () => {
    const controller = new AbortController();
    const stdout = new Sink();
    const written: string[] = [];
    const done = run(["--data-dir", dataDir, "main", "--port", "0", "--out", join(tmp, "main-report")], {
      stdout,
      stderr: new Sink(),
      cwd: ROOT,
      env: {},
      signal: controller.signal,
      deps: {
        renderReport: async ({ outDir }) => {
          written.push(outDir);
          return { indexPath: join(outDir, "index.html") };
        },
      },
    });
    let url: string | undefined;
    for (let i = 0; i < 200 && url === undefined; i++) {
      await new Promise((r) => setTimeout(r, 50));
      url = /(http:\/\/\S+?)(?:（|\s|$)/.exec(stdout.text)?.[1];
    }
    expect(written).toEqual([join(tmp, "main-report")]);
    expect(stdout.text).toContain("index.html");
    expect(url).toBeDefined();
    expect((await fetch(new URL("api/datasets", url))).status).toBe(200);
    controller.abort();
    expect(await done).toBe(0);
  });
});
