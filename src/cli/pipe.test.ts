/**
 * `shushi … | head`: the launcher exits 0 without a stack trace when the reader of stdout goes away
 * (EPIPE), here with a real child process over the shipped data store in a temporary directory.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { processSinks, type StdStream } from "./stdio.js";

const ROOT = resolve(import.meta.dirname, "../..");
const BIN = join(ROOT, "bin", "shushi.js");
const tmp = mkdtempSync(join(tmpdir(), "shushi-pipe-"));
const dataDir = join(tmp, "data");

interface Exit {
  code: number | null;
  stderr: string;
  firstLine: string;
}

/** Runs the launcher; `closeAfter` is how many stdout lines the reader takes before closing the pipe. */
function shushi(argv: string[], closeAfter: number | undefined): Promise<Exit> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...argv], {
      cwd: ROOT,
      env: { ...process.env, SHUSHI_LANG: "en" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (s: string) => {
      stderr += s;
    });
    if (closeAfter === 0) child.stdout.destroy();
    else
      child.stdout.setEncoding("utf8").on("data", (s: string) => {
        stdout += s;
        if (closeAfter !== undefined && stdout.split("\n").length > closeAfter) child.stdout.destroy();
      });
    child.on("error", fail);
    child.on("close", (code) => done({ code, stderr, firstLine: stdout.split("\n")[0] ?? "" }));
  });
}

beforeAll(async () => {
  const r = await shushi(["datasets", "rebuild", "--data-dir", dataDir], undefined);
  if (r.code !== 0) throw new Error(`store build failed: ${r.stderr}`);
}, 180_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("shushi | head", () => {
  it("exits 0 quietly when the reader closes before any output", async () => {
    const r = await shushi(["datasets", "list", "--data-dir", dataDir], 0);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/EPIPE|Error|\n\s+at /);
  }, 60_000);

  it("exits 0 quietly when the reader closes after one line", async () => {
    const r = await shushi(["datasets", "list", "--data-dir", dataDir, "--format", "csv"], 1);
    expect(r.code).toBe(0);
    expect(r.firstLine).toBe("id,kind,years,sectors,unit,title");
    expect(r.stderr).not.toMatch(/EPIPE|Error|\n\s+at /);
  }, 60_000);
});

describe("processSinks", () => {
  function fakeStream(): StdStream & { fail(code: string): void; chunks: string[] } {
    let listener: ((e: Error & { code?: string }) => void) | undefined;
    const chunks: string[] = [];
    return {
      chunks,
      write: (s) => {
        chunks.push(s);
        return true;
      },
      on: (_event, l) => {
        listener = l;
      },
      fail: (code) => listener?.(Object.assign(new Error(code), { code })),
    };
  }

  it("stops writing after EPIPE and reports the closed stdout", () => {
    const out = fakeStream();
    const err = fakeStream();
    const sinks = processSinks(out, err);
    sinks.stdout.write("a");
    expect(sinks.stdoutClosed()).toBe(false);
    out.fail("EPIPE");
    sinks.stdout.write("b");
    expect(out.chunks).toEqual(["a"]);
    expect(sinks.stdoutClosed()).toBe(true);
    err.fail("EPIPE");
    sinks.stderr.write("c");
    expect(err.chunks).toEqual([]);
  });

  it("rethrows other stream errors", () => {
    const out = fakeStream();
    processSinks(out, fakeStream());
    expect(() => out.fail("EIO")).toThrow("EIO");
  });
});
