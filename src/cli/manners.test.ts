/**
 * CLI manners (issue 6, point 8): no option prefixes taken as other options, and `datasets rebuild`
 * checks the store lock before printing anything. (`| head` is in pipe.test.ts.)
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { StoreLockedError } from "../app/errors.js";
import type { OpenDataStoreOptions } from "../app/store.js";
import { parseArgs } from "./args.js";
import { type CliDeps, run } from "./main.js";

class Sink {
  text = "";
  write(s: string): boolean {
    this.text += s;
    return true;
  }
}

async function cli(argv: string[], deps: Partial<CliDeps> = {}) {
  const stdout = new Sink();
  const stderr = new Sink();
  const code = await run(argv, { stdout, stderr, env: {}, deps });
  return { code, out: stdout.text, err: stderr.text };
}

const tmp = mkdtempSync(join(tmpdir(), "shushi-manners-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("help is -h or --help only", () => {
  it("parses -h and --help as help, --h not", () => {
    expect(parseArgs(["-h"]).flags.has("help")).toBe(true);
    expect(parseArgs(["--help"]).flags.has("help")).toBe(true);
    expect(parseArgs(["--h"]).flags.has("help")).toBe(false);
    expect(parseArgs(["--h", "x"]).options.get("h")).toBe("x");
  });

  it.each([
    [["--h"]],
    [["--he"]],
    [["--h", "datasets"]],
    [["datasets", "list", "--h"]],
    [["help", "--bogus"]],
    [["io", "linkages", "--table", "t", "--h"]],
  ])("%j is an unknown option (exit 2), not help", async (argv) => {
    const r = await cli(["--lang", "en", ...argv]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^\[unknown_option\]/);
    expect(r.out).toBe("");
  });

  it.each([[["-h"]], [["--help"]], [["help"]], [["datasets", "list", "-h"]]])("%j prints help", async (argv) => {
    const r = await cli(argv);
    expect(r.code).toBe(0);
    expect(r.out).not.toBe("");
  });
});

describe("datasets rebuild and the store lock", () => {
  it("fails with store_locked before printing the building notice", async () => {
    const dataDir = join(tmp, "locked");
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(join(dataDir, "shushi.duckdb"), "");
    const calls: OpenDataStoreOptions[] = [];
    const r = await cli(["--lang", "en", "--data-dir", dataDir, "datasets", "rebuild"], {
      openStore: async (dir, options) => {
        calls.push(options);
        // a real open with rebuild would announce the build first, then meet the lock
        options.onBuild?.(dir);
        throw new StoreLockedError(dir, "Could not set lock on file");
      },
    });
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).toMatch(/^\[store_locked\]/);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.build).toBe(false);
  });
});

describe("dataset ids on the command line", () => {
  it.each([
    [["datasets", "import", "t.csv", "--id", "../../x"], "--id"],
    [["datasets", "import", "t.csv", "--id", "=HYPERLINK(1)"], "--id"],
    [["datasets", "import", "t.csv", "--id", "ok", "--from-classification", "a/../b"], "--from-classification"],
    [["datasets", "show", "<img src=x>"], "id"],
    [["datasets", "import", "t.csv", "--id", "ok", "--title-en", "t".repeat(501)], "--title-en"],
    [["datasets", "import", "t.csv", "--id", "ok", "--unit", "u".repeat(201)], "--unit"],
    [["datasets", "import", "t.csv", "--id", "ok", "--sheet", "a\u0000b"], "--sheet"],
  ])("%j is a usage error before the store is opened", async (argv, option) => {
    let opened = false;
    const r = await cli(["--lang", "en", ...argv], {
      openStore: async () => {
        opened = true;
        throw new Error("must not open");
      },
    });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^\[invalid_value\]/);
    expect(r.err).toContain(option);
    expect(opened).toBe(false);
  });
});
