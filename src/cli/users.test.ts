import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDataStore } from "../app/store.js";
import { type CliIo, run } from "./main.js";

const tmp = mkdtempSync(join(tmpdir(), "shushi-users-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

class Sink {
  text = "";
  write(s: string): boolean {
    this.text += s;
    return true;
  }
}

async function cli(argv: string[], env: Record<string, string> = {}) {
  const stdout = new Sink();
  const stderr = new Sink();
  const io: CliIo = {
    stdout,
    stderr,
    env: { SHUSHI_DATA_DIR: tmp, USER: "tester", ...env },
    // no shipped build: users need only the schema
    deps: { openStore: (dir) => openDataStore(dir, { build: false }) },
  };
  const code = await run(["--lang", "en", ...argv], io);
  return { code, out: stdout.text, err: stderr.text };
}

describe("shushi users", () => {
  it("adds a user with an argon2 password from an environment variable, once", async () => {
    const r = await cli(["users", "add", "ana", "--role", "analyst", "--password-env", "PW"], { PW: "secret" });
    expect(r.code).toBe(0);
    const again = await cli(["users", "add", "ana", "--role", "admin"]);
    expect(again.code).toBe(2);
    expect(again.err).toContain("[user_exists]");
  });

  it("refuses a bad role, a bad name and an unset password variable with usage errors (exit 2)", async () => {
    expect((await cli(["users", "add", "bob", "--role", "root"])).code).toBe(2);
    const bad = await cli(["users", "add", "../x"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("[invalid_user_name]");
    expect((await cli(["users", "add", "bob", "--password-env", "NOPE"])).code).toBe(2);
  });

  it("issues a token printed once on stdout; the store keeps only its sha256", async () => {
    const r = await cli(["users", "token", "ana", "--label", "laptop"]);
    expect(r.code).toBe(0);
    const token = r.out.trim();
    expect(token).toMatch(/^shushi_[A-Za-z0-9_-]{43}$/);
    const s = await openDataStore(tmp, { build: false });
    try {
      expect((await s.store.userByToken(token))?.name).toBeUndefined();
      const { createHash } = await import("node:crypto");
      expect((await s.store.userByToken(createHash("sha256").update(token).digest("hex")))?.name).toBe("ana");
    } finally {
      await s.close();
    }
    expect((await cli(["users", "token", "nobody"])).code).toBe(2);
  });

  it("lists users as JSON without password hashes, revokes, and shows the audit log", async () => {
    const list = await cli(["users", "list", "--format", "json"]);
    const { users } = JSON.parse(list.out) as { users: { name: string; role: string; hasPassword: boolean }[] };
    expect(users).toEqual([expect.objectContaining({ name: "ana", role: "analyst", hasPassword: true })]);
    expect(list.out).not.toContain("argon2");
    expect((await cli(["users", "revoke", "ana"])).code).toBe(0);
    expect((await cli(["users", "revoke", "ana"])).code).toBe(2);
    const audit = await cli(["users", "audit", "--format", "json"]);
    const { entries } = JSON.parse(audit.out) as { entries: { action: string; actor: string }[] };
    expect(entries.map((e) => e.action)).toEqual(["user.revoke", "token.issue", "user.add"]);
    expect(entries.every((e) => e.actor === "cli:tester")).toBe(true);
  });
});

describe("shushi datasets import onto shipped data", () => {
  it("is refused with dataset_protected (exit 1)", async () => {
    const { writeFileSync } = await import("node:fs");
    const file = join(tmp, "t.csv");
    writeFileSync(
      file,
      [
        "单位：万元",
        "code,name,01,02,fd_final_demand,output",
        "01,a,10,20,70,100",
        "02,b,30,40,130,200",
        "va_value_added,va,60,140,,",
      ].join("\n"),
    );
    const r = await cli(["datasets", "import", file, "--id", "cn-nbs-io-2015-42", "--replace"]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("[dataset_protected]");
  });
});

describe("shushi datasets delete", () => {
  it("deletes a user's dataset (audited), then reports it unknown", async () => {
    const { writeFileSync } = await import("node:fs");
    const file = join(tmp, "mine.csv");
    writeFileSync(
      file,
      ["单位：万元", "code,name,01,02,fd_final_demand,output", "01,a,10,20,70,100", "02,b,30,40,130,200"].join("\n"),
    );
    expect((await cli(["datasets", "import", file, "--id", "mine-2020"])).code).toBe(0);
    expect((await cli(["datasets", "delete", "mine-2020"])).code).toBe(0);
    const again = await cli(["datasets", "delete", "mine-2020"]);
    expect(again.code).toBe(1);
    expect(again.err).toContain("[unknown_dataset]");
    const audit = JSON.parse((await cli(["users", "audit", "--format", "json"])).out) as {
      entries: { action: string; target?: string }[];
    };
    expect(audit.entries.map((e) => e.action)).toContain("dataset.delete");
  });

  it("refuses official data with dataset_protected (exit 1) in a store built from the shipped data", async () => {
    const { openShippedStore } = await import("../../test/helpers/real-app.js");
    const shipped = await openShippedStore();
    const dir = shipped.store.dir;
    await shipped.close();
    const stderr = new Sink();
    const code = await run(["--lang", "en", "datasets", "delete", "cn-nbs-io-2015-42"], {
      stdout: new Sink(),
      stderr,
      env: { SHUSHI_DATA_DIR: dir, USER: "tester" },
    });
    expect(code).toBe(1);
    expect(stderr.text).toContain("[dataset_protected]");
  });
});
