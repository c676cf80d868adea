import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DataStore, openDataStore } from "../app/store.js";
import { allowedHostsFor, bindPolicy, startServer } from "./main.js";

let dir: string;
let store: DataStore;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "shushi-bind-"));
  store = await openDataStore(dir, { build: false });
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("bindPolicy (non-loopback binds need an administrator)", () => {
  it("serves anonymous reads on loopback without any user", async () => {
    const p = await bindPolicy("127.0.0.1", store, {});
    expect(p.auth.anonymous).toBe("read");
    expect(p.loopback).toBe(true);
  });

  it("refuses 0.0.0.0 without an administrator (usage bind_needs_auth), also with only an analyst", async () => {
    await expect(bindPolicy("0.0.0.0", store, {})).rejects.toMatchObject({ key: "usage.bind_needs_auth" });
    await store.store.addUser({ name: "ana", role: "analyst" }, "test");
    await expect(bindPolicy("::", store, {})).rejects.toMatchObject({ key: "usage.bind_needs_auth" });
  });

  it("with an administrator: serves nothing anonymously and startServer reports what is exposed", async () => {
    await store.store.addUser({ name: "root", role: "admin" }, "test");
    const p = await bindPolicy("0.0.0.0", store, {});
    expect(p.auth.anonymous).toBe("none");
    const server = await startServer({
      port: 0,
      host: "0.0.0.0",
      store,
      lang: "en",
      webDist: "/nonexistent",
      pool: false,
      env: {},
    });
    try {
      expect(server.exposure).toMatchObject({ host: "0.0.0.0", users: 2, admins: 1 });
      const port = new URL(server.url).port;
      const r = await fetch(`http://127.0.0.1:${port}/api/datasets`);
      expect(r.status).toBe(401);
    } finally {
      await server.close();
    }
  });
});

describe("allowedHostsFor", () => {
  it("allows loopback names and the bound address, plus configured names", () => {
    const hosts = allowedHostsFor("192.0.2.7", ["Stats.Example"]);
    expect(hosts).toEqual(expect.arrayContaining(["localhost", "127.0.0.1", "::1", "192.0.2.7", "stats.example"]));
    expect(hosts).not.toContain("attacker.example");
  });
});
