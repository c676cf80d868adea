import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { expectAllClose, expectClose } from "../../test/helpers/close.js";
import { StoreLockedError } from "../app/errors.js";
import { fixedClock } from "../app/test-fixtures.js";
import { type CliIo, run } from "./main.js";

const ROOT = resolve(import.meta.dirname, "../..");
const tmp = mkdtempSync(join(tmpdir(), "shushi-cli-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The spec §5.9 three-sector table in the generic template (unit line above the header). */
const THREE = [
  "单位：万元",
  "code,name,01,02,03,fd_final_demand,output",
  "01,农业,150,500,50,300,1000",
  "02,制造业,200,100,400,1300,2000",
  "03,服务业,300,0,0,700,1000",
  "va_value_added,增加值,350,1400,550,,",
].join("\n");
const threePath = join(tmp, "three.csv");
writeFileSync(threePath, THREE);

class Sink {
  text = "";
  write(s: string): boolean {
    this.text += s;
    return true;
  }
}

async function cli(
  argv: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; out: string; err: string }> {
  const stdout = new Sink();
  const stderr = new Sink();
  const io: CliIo = {
    stdout,
    stderr,
    cwd: ROOT,
    // a data dir that does not exist: --input must not need (or create) a store
    env: { SHUSHI_DATA_DIR: join(tmp, "no-store"), ...env },
    deps: { clock: fixedClock },
  };
  const code = await run(argv, io);
  return { code, out: stdout.text, err: stderr.text };
}

describe("shushi io linkages --input (no store)", () => {
  it("prints one JSON document with sectors, block, diagnostics and provenance (spec §5.9, 1e-6)", async () => {
    const r = await cli([
      "io",
      "linkages",
      "--input",
      threePath,
      "--format",
      "json",
      "--group",
      "01,02",
      "--group-method",
      "merge",
    ]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as {
      sectors: { code: string; name_zh: string; name_en: string; influence: number; sensitivity: number }[];
      block: { codes: string[]; influence: number; sensitivity: number; method: string };
      diagnostics: { code: string; severity: string; params: unknown; message: string }[];
      provenance: { datasets: { sha256: string }[]; software: string; computedAt: string; method: string };
    };
    // spec methods §5.9 three-sector table (numpy, §15 cmd C6)
    expectAllClose(
      doc.sectors.map((s) => s.influence),
      [1.175063, 0.876574, 0.948363],
      { atol: 1e-6 },
    );
    expectAllClose(
      doc.sectors.map((s) => s.sensitivity),
      [1.018262, 1.13728, 0.844458],
      { atol: 1e-6 },
    );
    expect(Object.keys(doc.sectors[0] ?? {})).toEqual(
      expect.arrayContaining(["code", "name_zh", "name_en", "influence", "sensitivity"]),
    );
    // spec §5.9: merge of G = {1, 2} → F_G = 0.985075, E_G = 1.298507
    expectClose(doc.block.influence, 0.985075, { atol: 1e-6 });
    expectClose(doc.block.sensitivity, 1.298507, { atol: 1e-6 });
    expect(doc.block.method).toBe("merge");
    expect(doc.diagnostics.every((d) => typeof d.message === "string" && d.message.length > 0)).toBe(true);
    expect(doc.provenance.datasets[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(doc.provenance.software).toMatch(/^shushi@\d/);
    expect(doc.provenance.computedAt).toBe("2026-01-02T03:04:05.000Z");
    expect(doc.provenance.method).toBe("io_linkages");
    expect(existsSync(join(tmp, "no-store"))).toBe(false);
  });

  it("two_block group: F_G + F_rest = 2 and E_G + E_rest = 2", async () => {
    const r = await cli(["io", "linkages", "--input", threePath, "--format", "json", "--group", "01,02"]);
    const doc = JSON.parse(r.out) as {
      block: { influence: number; sensitivity: number; rest: { influence: number; sensitivity: number } };
    };
    expectClose(doc.block.influence + doc.block.rest.influence, 2, { atol: 1e-12 });
    expectClose(doc.block.sensitivity + doc.block.rest.sensitivity, 2, { atol: 1e-12 });
  });

  it("prints an aligned table with Chinese headers by default and English with --lang en", async () => {
    const zh = await cli(["io", "linkages", "--input", threePath]);
    expect(zh.code).toBe(0);
    expect(zh.out).toMatch(/代码\s+部门名称\s+影响力系数\s+感应度系数/);
    expect(zh.out).toMatch(/01\s+农业\s+1\.175063\s+1\.018262/);
    const en = await cli(["--lang", "en", "io", "linkages", "--input", threePath]);
    expect(en.out).toMatch(/code\s+name\s+influence\s+sensitivity/);
    expect(en.out).toContain("0.876574");
    const viaEnv = await cli(["io", "linkages", "--input", threePath], { SHUSHI_LANG: "en" });
    expect(viaEnv.out).toMatch(/^table: /);
    // columns line up: the numbers of every sector row end at the same display column
    const lines = zh.out.split("\n").filter((l) => /^0[123]\s/.test(l));
    expect(new Set(lines.map((l) => l.replace(/[\u4e00-\u9fff]/g, "xx").length)).size).toBe(1);
  });

  it("prints CSV with full precision and the group as the last row", async () => {
    const r = await cli(["io", "linkages", "--input", threePath, "--format", "csv", "--group", "03"]);
    const lines = r.out.trim().split("\n");
    expect(lines[0]).toBe("code,name_zh,name_en,influence,sensitivity");
    expect(lines).toHaveLength(5);
    expect(lines[1]?.startsWith("01,农业,农业,1.17506")).toBe(true);
    expect(lines[4]?.startsWith("group:custom,")).toBe(true);
  });

  it("io intensity and io matrix work on an input file", async () => {
    const i = await cli(["io", "intensity", "--input", threePath, "--group", "03", "--format", "json"]);
    expect(i.code).toBe(0);
    const doc = JSON.parse(i.out) as { sectors: { directIntermediate: number | null; complete: number | null }[] };
    // spec §5.9: DI_direct_intermediate = [0.461538, 0, 0], DI_complete = [0.399579, 0.105152, 0.062040]
    expectAllClose(
      doc.sectors.map((s) => s.directIntermediate ?? Number.NaN),
      [0.461538, 0, 0],
      { atol: 1e-6 },
    );
    expectAllClose(
      doc.sectors.map((s) => s.complete ?? Number.NaN),
      [0.399579, 0.105152, 0.06204],
      { atol: 1e-6 },
    );
    const m = await cli(["io", "matrix", "--input", threePath, "--which", "L"]);
    expect(m.code).toBe(0);
    const rows = m.out.trim().split("\n");
    expect(rows[0]).toBe("code,01,02,03");
    expect(rows).toHaveLength(4);
  });
});

describe("shushi exit codes and messages", () => {
  it("exits 2 for usage errors with a localized message", async () => {
    const unknown = await cli(["frobnicate"]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("未知命令");
    const unknownEn = await cli(["--lang", "en", "frobnicate"]);
    expect(unknownEn.err).toContain("Unknown command");
    const badValue = await cli(["--lang", "en", "io", "linkages", "--input", threePath, "--variant", "nope"]);
    expect(badValue.code).toBe(2);
    expect(badValue.err).toContain("leontief");
    expect((await cli(["io", "linkages"])).code).toBe(2);
    expect((await cli(["io", "linkages", "--input", threePath, "--table", "x"])).code).toBe(2);
    expect((await cli(["io", "linkages", "--input", threePath, "--bogus", "1"])).code).toBe(2);
    expect((await cli(["io", "linkages", "--input"])).code).toBe(2);
    // a trailing unknown flag is unknown (not "needs a value"), in the language of a later --lang
    const bogus = await cli(["io", "linkages", "--input", threePath, "--bogus", "--lang", "en"]);
    expect(bogus.code).toBe(2);
    expect(bogus.err).toMatch(/^\[unknown_option\] .*--bogus/);
    expect(bogus.err).not.toMatch(/[\u4e00-\u9fff]/);
    const bogusZh = await cli(["io", "linkages", "--input", threePath, "--bogus"]);
    expect(bogusZh.err).toMatch(/^\[unknown_option\] .*--bogus/);
    expect(bogusZh.err).not.toContain("需要一个值");
    expect((await cli(["--lang", "fr", "datasets", "list"])).code).toBe(2);
    const badGroup = await cli(["io", "linkages", "--input", threePath, "--group", "99"]);
    expect(badGroup.code).toBe(2);
    expect(badGroup.err).toContain("[unknown_sector]");
    expect((await cli(["io", "matrix", "--input", threePath])).code).toBe(2);
  });

  it("exits 2 with store_locked when another process holds the store", async () => {
    const stdout = new Sink();
    const stderr = new Sink();
    const code = await run(["--lang", "en", "datasets", "list"], {
      stdout,
      stderr,
      cwd: ROOT,
      env: {},
      deps: {
        openStore: async (dir) => {
          throw new StoreLockedError(dir, "Could not set lock on file");
        },
      },
    });
    expect(code).toBe(2);
    expect(stderr.text).toContain("[store_locked]");
    expect(stderr.text).toContain("another shushi process");
  });

  it("exits 70 for internal errors", async () => {
    const stderr = new Sink();
    const code = await run(["datasets", "list"], {
      stdout: new Sink(),
      stderr,
      env: {},
      deps: {
        openStore: async () => {
          throw new TypeError("boom");
        },
      },
    });
    expect(code).toBe(70);
    expect(stderr.text).toContain("boom");
  });

  it("prints help in the chosen language", async () => {
    const zh = await cli(["--help"]);
    expect(zh.code).toBe(0);
    expect(zh.out).toContain("用法");
    const en = await cli(["--lang", "en", "--help"]);
    expect(en.out).toContain("Usage");
  });

  it("exits 1 for a missing input file, with a coded message", async () => {
    const r = await cli(["--lang", "en", "io", "linkages", "--input", "no/such/file.csv"]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("file_unreadable");
    expect(r.err).toContain("no/such/file.csv");
  });

  const expected = JSON.parse(readFileSync(join(ROOT, "test/fixtures/expected-issues.json"), "utf8")) as {
    fixtures: { file: string; stage: string; issues: { code: string; path: { row?: number; column?: number } }[] }[];
  };
  const bad = expected.fixtures.filter((f) => f.file.startsWith("bad/"));

  it.each(bad.map((f) => [f.file, f] as const))(
    "exits 1 on %s and prints every issue with its location",
    async (_name, f) => {
      const file = `test/fixtures/${f.file}`;
      const r = await cli(["--lang", "en", "io", "linkages", "--input", file, "--format", "json"]);
      expect(r.code).toBe(1);
      expect(r.out).toBe("");
      const lines = r.err.split("\n").filter((l) => l.startsWith("  ["));
      expect(lines.length).toBeGreaterThan(0);
      for (const l of lines) expect(l).toContain(file);
      if (f.stage === "validate") {
        for (const i of f.issues) {
          const line = lines.find((l) => l.includes(` ${i.code}]`));
          expect(line, `${i.code} in\n${r.err}`).toBeDefined();
          if (i.path.row !== undefined) expect(line).toContain(`row ${i.path.row}`);
          if (i.path.column !== undefined) expect(line).toContain(`column ${i.path.column}`);
        }
      }
    },
  );

  it("prints data issues in Chinese by default", async () => {
    const r = await cli(["io", "linkages", "--input", "test/fixtures/bad/non-numeric.csv"]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("数据问题");
    expect(r.err).toContain("第 5 行");
    expect(r.err).toContain("第 4 列");
    expect(r.err).toContain("abc");
  });

  it("datasets validate: 0 for a clean file, 1 with issues", async () => {
    const ok = await cli(["--lang", "en", "datasets", "validate", threePath]);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain("valid (3 sectors");
    const badRun = await cli(["datasets", "validate", "test/fixtures/bad/negative-flow.csv", "--format", "json"]);
    expect(badRun.code).toBe(1);
    const doc = JSON.parse(badRun.out) as { ok: boolean; issues: { code: string; message: string }[] };
    expect(doc.ok).toBe(false);
    expect(doc.issues.map((i) => i.code)).toContain("negative_flow");
  });
});
