/**
 * FAKE API for the dashboard browser test: a Hono app that answers the HTTP API routes the dashboard
 * uses (docs/decisions/0001) with the fixture JSON in `test/e2e/fixtures/` (made by `generate.py` from
 * the NBS tables) and serves `web/dist`. Used only until / unless the real `src/server/app.ts` is
 * available; it is never shipped.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";

export const FIXTURES_DIR = fileURLToPath(new URL("./fixtures/", import.meta.url));

function fixture(name: string): unknown | undefined {
  const path = join(FIXTURES_DIR, name);
  if (!existsSync(path)) return undefined;
  return JSON.parse(readFileSync(path, "utf8")) as unknown;
}

/** Reads one fixture file (throws if absent) — shared with the chart and report tests. */
export function readFixture<T>(name: string): T {
  const v = fixture(name);
  if (v === undefined) throw new Error(`fixture ${name} not found in ${FIXTURES_DIR}`);
  return v as T;
}

export interface FakeApiOptions {
  /** directory with the built dashboard (`web/dist`); omit for API only */
  readonly webDist?: string;
}

/** The fake API app (no listen). Unknown tables answer 404 `{code: "unknown_dataset", …}`. */
export function createFakeApiApp(options: FakeApiOptions = {}): Hono {
  const app = new Hono();
  const notFound = (what: string) => ({
    code: "unknown_dataset",
    message: `unknown dataset ${what}`,
    params: { id: what },
  });
  app.get("/api/datasets", (c) => c.json(fixture("datasets.json") as object));
  app.get("/api/io/linkages", (c) => {
    const table = c.req.query("table") ?? "";
    const body = fixture(`linkages.${table}.json`);
    return body === undefined ? c.json(notFound(table), 404) : c.json(body as object);
  });
  app.get("/api/io/matrix", (c) => {
    const table = c.req.query("table") ?? "";
    const which = c.req.query("which") === "L" ? "L" : "A";
    const body = fixture(`matrix.${table}.${which}.json`);
    return body === undefined ? c.json(notFound(table), 404) : c.json(body as object);
  });
  app.get("/api/io/series", (c) => {
    const family = c.req.query("family") ?? "nbs";
    const body = fixture(`series.${family}.json`);
    return body === undefined ? c.json(notFound(`series-${family}`), 404) : c.json(body as object);
  });
  app.get("/api/reproduction", (c) => c.json(fixture("reproduction.json") as object));
  if (options.webDist !== undefined) {
    const root = options.webDist;
    app.use("/*", serveStatic({ root }));
    app.get("/*", (c) => c.html(readFileSync(join(root, "index.html"), "utf8")));
  }
  return app;
}
