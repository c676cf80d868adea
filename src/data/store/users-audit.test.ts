import { createHash } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SHIPPED_DATASETS } from "../catalog.js";
import { importUserFile, readShippedDataset, SHIPPED_IDS } from "./build.js";
import { openStore, type Store } from "./duckdb.js";

const CSV = new TextEncoder().encode(
  [
    "# unit: 10k yuan",
    "code,name,S1,S2,fd_c,output",
    "S1,a,10,20,70,100",
    "S2,b,30,40,130,200",
    "va_total,va,60,140,,",
  ].join("\n"),
);

const sha = (s: string) => createHash("sha256").update(s).digest("hex");

describe("shipped datasets are read-only (dataset_protected)", () => {
  let store: Store;
  beforeEach(async () => {
    store = await openStore(":memory:");
  });
  afterEach(async () => store.close());

  async function shipOne(): Promise<string> {
    const d = SHIPPED_DATASETS.find((x) => x.id === "cn-nbs-io-2015-42") ?? SHIPPED_DATASETS[0];
    if (d === undefined) throw new Error("no shipped dataset");
    const r = readShippedDataset(d);
    if (!r.ok) throw new Error("shipped dataset does not read");
    expect((await store.importIoTable(r.value.meta, r.value.table, { replace: true, shipped: true })).ok).toBe(true);
    return d.id;
  }

  it("refuses a user import replacing a shipped dataset, and the store is unchanged", async () => {
    const id = await shipOne();
    const before = await store.getDataset(id);
    expect(before?.shipped).toBe(true);
    await expect(
      importUserFile(store, CSV, { file: "t.csv", id, kind: "io_table", replace: true, actor: "ana" }),
    ).rejects.toMatchObject({ code: "dataset_protected", id });
    expect(await store.getDataset(id)).toEqual(before);
  });

  it("refuses a user import onto a catalogue id that is not stored (no squatting)", async () => {
    const id = [...SHIPPED_IDS][0] as string;
    await expect(importUserFile(store, CSV, { file: "t.csv", id, kind: "io_table" })).rejects.toMatchObject({
      code: "dataset_protected",
    });
  });

  it("refuses deleting a shipped dataset", async () => {
    const id = await shipOne();
    await expect(store.deleteDataset(id, { actor: "admin" })).rejects.toMatchObject({ code: "dataset_protected" });
    expect((await store.getDataset(id))?.shipped).toBe(true);
  });

  it("lets the shipped build itself replace a shipped dataset", async () => {
    await shipOne();
    await expect(shipOne()).resolves.toBeTypeOf("string");
  });
});

describe("audit log", () => {
  let store: Store;
  beforeEach(async () => {
    store = await openStore(":memory:");
  });
  afterEach(async () => store.close());

  it("records import, replace and delete with actor and sha256 before and after, newest first", async () => {
    const first = await importUserFile(store, CSV, { file: "t.csv", id: "user/ana/t", kind: "io_table", actor: "ana" });
    expect(first.ok).toBe(true);
    const sha1 = (await store.getDataset("user/ana/t"))?.contentSha256;
    const again = await importUserFile(store, CSV, {
      file: "t.csv",
      id: "user/ana/t",
      kind: "io_table",
      replace: true,
      actor: "ana",
    });
    expect(again.ok).toBe(true);
    expect(await store.deleteDataset("user/ana/t", { actor: "ana" })).toBe(true);
    const log = await store.listAudit();
    expect(log.map((e) => [e.action, e.actor, e.target])).toEqual([
      ["dataset.delete", "ana", "user/ana/t"],
      ["dataset.replace", "ana", "user/ana/t"],
      ["dataset.import", "ana", "user/ana/t"],
    ]);
    expect(log[2]?.sha256Before).toBeNull();
    expect(log[2]?.sha256After).toBe(sha1);
    expect(log[1]?.sha256Before).toBe(sha1);
    expect(log[0]?.sha256After).toBeNull();
    expect(log[0]?.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    expect(await store.verifyAuditLog()).toBe(true);
  });

  it("records nothing for a refused import", async () => {
    const bad = new TextEncoder().encode("code,name,output\n");
    expect((await importUserFile(store, bad, { file: "bad.csv", id: "x", kind: "io_table" })).ok).toBe(false);
    expect(await store.listAudit()).toEqual([]);
  });

  it("chains entries: verifyAuditLog is false once a row is edited", async () => {
    await store.appendAudit({ actor: "a", action: "user.add", target: "b" });
    await store.appendAudit({ actor: "a", action: "user.revoke", target: "b" });
    expect(await store.verifyAuditLog()).toBe(true);
    // tampering needs raw SQL: the repository offers no update or delete of audit rows
    const raw = store as unknown as { connection: { run(sql: string): Promise<unknown> } };
    await raw.connection.run("UPDATE audit_log SET actor = 'mallory' WHERE seq = 1");
    expect(await store.verifyAuditLog()).toBe(false);
  });
});

describe("users and tokens", () => {
  let store: Store;
  beforeEach(async () => {
    store = await openStore(":memory:");
  });
  afterEach(async () => store.close());

  it("adds users once, finds them by token sha256, and revokes user and tokens together", async () => {
    expect(await store.addUser({ name: "ana", role: "analyst" }, "root")).toBe(true);
    expect(await store.addUser({ name: "ana", role: "admin" }, "root")).toBe(false);
    await store.addToken("ana", sha("tok"), "laptop", "root");
    expect((await store.userByToken(sha("tok")))?.role).toBe("analyst");
    expect(await store.userByToken(sha("other"))).toBeUndefined();
    expect(await store.revokeUser("ana", "root")).toBe(true);
    expect(await store.revokeUser("ana", "root")).toBe(false);
    expect(await store.userByToken(sha("tok"))).toBeUndefined();
    const [ana] = await store.listUsers();
    expect(ana).toMatchObject({ name: "ana", role: "analyst", hasPassword: false });
    expect(ana?.revokedAt).toMatch(/Z$/);
    expect(ana).not.toHaveProperty("passwordHash");
    expect((await store.listAudit()).map((e) => e.action)).toEqual(["user.revoke", "token.issue", "user.add"]);
    // the token's hash is never written to the log
    expect(JSON.stringify(await store.listAudit())).not.toContain(sha("tok"));
  });
});
