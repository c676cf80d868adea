/**
 * Read scope of user datasets (issue 6, roles): `user/<name>/…` is visible to its owner and to
 * administrators only; to everyone else it is unknown (404, as an id that does not exist), in the
 * dataset list, in `GET /api/datasets/:id` and as a computation's table. Shipped data is read by all.
 * Through `app.request` on a real temporary store.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readInputTable } from "../app/index.js";
import { type DataStore, openDataStore } from "../app/store.js";
import { createApp } from "./app.js";
import { newApiToken, tokenSha256 } from "./auth.js";

const TEMPLATE = [
  "# unit: 万元",
  "code,name,01,02,03,fd_final_demand,output",
  "01,农业 Agriculture,150,500,50,300,1000",
  "02,制造业 Manufacturing,200,100,400,1300,2000",
  "03,服务业 Services,300,0,0,700,1000",
  "va_value_added,增加值 Value added,350,1400,550,,",
].join("\n");
const SHIPPED = "cn-nbs-io-2005-42";
const users = { ana: "analyst", bo: "analyst", vera: "viewer", root: "admin" } as const;
type User = keyof typeof users;
const tokens = Object.fromEntries(Object.keys(users).map((u) => [u, newApiToken()])) as Record<User, string>;

let dir: string;
let store: DataStore;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "shushi-scope-"));
  store = await openDataStore(dir, { build: false });
  const read = await readInputTable(new TextEncoder().encode(TEMPLATE), { file: "t.csv" });
  const shipped = await store.store.importIoTable({ ...read.meta, id: SHIPPED }, read.table, { shipped: true });
  expect(shipped.ok).toBe(true);
  for (const [name, role] of Object.entries(users)) {
    await store.store.addUser({ name, role }, "test");
    await store.store.addToken(name, tokenSha256(tokens[name as User]), "test", "test");
  }
});

afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const app = () =>
  createApp({
    source: store.source,
    importer: store.importer,
    deleter: store.deleter,
    cache: false,
    auth: { users: store.store },
  });
const as = (user: User) => ({ headers: { authorization: `Bearer ${tokens[user]}` } });

describe("user datasets are private to their owner and administrators", () => {
  it("ana's upload is listed, shown and computed on for ana and root only", async () => {
    const a = app();
    const up = await a.request("/api/datasets/import?id=mine&file=t.csv", {
      method: "POST",
      headers: { authorization: `Bearer ${tokens.ana}` },
      body: TEMPLATE,
    });
    expect(up.status).toBe(201);
    const id = "user/ana/mine";
    const listed = async (user: User) =>
      ((await (await a.request("/api/datasets", as(user))).json()) as { datasets: { id: string }[] }).datasets.map(
        (d) => d.id,
      );
    expect(await listed("ana")).toEqual(expect.arrayContaining([SHIPPED, id]));
    expect(await listed("root")).toEqual(expect.arrayContaining([SHIPPED, id]));
    for (const other of ["bo", "vera"] as const) {
      expect(await listed(other)).toContain(SHIPPED);
      expect(await listed(other)).not.toContain(id);
    }
    const encoded = encodeURIComponent(id);
    for (const user of ["ana", "root"] as const) {
      expect((await a.request(`/api/datasets/${encoded}`, as(user))).status).toBe(200);
      expect((await a.request(`/api/io/linkages?table=${encoded}`, as(user))).status).toBe(200);
    }
    for (const user of ["bo", "vera"] as const) {
      for (const path of [
        `/api/datasets/${encoded}`,
        `/api/io/linkages?table=${encoded}`,
        `/api/io/matrix?table=${encoded}&which=A`,
      ]) {
        const r = await a.request(path, as(user));
        expect(r.status, `${user} ${path}`).toBe(404);
        const unknown = await a.request(path.replace("mine", "nothing-here"), as(user));
        // the same answer as for an id that does not exist: existence is not revealed
        expect(((await r.json()) as { code: string }).code).toBe(((await unknown.json()) as { code: string }).code);
      }
    }
  });

  it("shipped data is read by every role", async () => {
    for (const user of Object.keys(users) as User[]) {
      expect((await app().request(`/api/io/linkages?table=${SHIPPED}`, as(user))).status).toBe(200);
    }
  });
});
