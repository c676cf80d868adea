/**
 * Browser test of the dashboard login (web/src/pages/login-page.ts, the shell's user box in
 * web/src/main.ts, `api.login`/`api.logout` of web/src/api.ts) against the real server in its
 * network mode: `startServer` bound to 0.0.0.0 refuses anonymous reads (`bindPolicy`: `anonymous:
 * "none"`), so the dashboard must ask for a sign-in. Two users with argon2 passwords (an administrator,
 * which a non-loopback bind requires, and an analyst) are added through the store API
 * (`store.addUser`, as `shushi users add --password-env` does) to a private copy of the shipped-data
 * store; the page is opened on 127.0.0.1, which the host allow-list always accepts.
 *
 * Waits on selectors and on what the page shows, never on timings. Each test opens its own browser
 * context (own cookies), and each user fails at most one login, well below the throttle's limits (5 per
 * name, 20 per address, src/server/login-throttle.ts).
 */
import { rm } from "node:fs/promises";
import { hash } from "@node-rs/argon2";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "../../src/server/main.js";
import { openShippedStore } from "../helpers/real-app.js";
import { buildWeb, CHROMIUM, hasChromium, launchChromium } from "./browser.js";

const USERS = {
  admin: { name: "root", role: "admin", password: "root-pass-1" },
  analyst: { name: "ana", role: "analyst", password: "ana-pass-1" },
} as const;

/** The width the header must fit on (the usual laptop width), in both languages. */
const VIEWPORT = { width: 1280, height: 800 };

let cleanup: (() => Promise<void>) | undefined;

/**
 * The real server bound to 0.0.0.0 (so it requires a sign-in) over a private store copy with the two
 * users; its URL on 127.0.0.1. No fallback: when it cannot start, the suite fails.
 */
async function startAuthServer(webDist: string): Promise<{ url: string; running: RunningServer }> {
  const { store, close } = await openShippedStore();
  try {
    for (const u of Object.values(USERS)) {
      const added = await store.store.addUser(
        { name: u.name, role: u.role, passwordHash: await hash(u.password) },
        "e2e-test",
      );
      expect(added, `user ${u.name} added`).toBe(true);
    }
    // env {}: no SHUSHI_SECURE_COOKIES (plain http) nor extra hosts from the caller's environment
    const running = await startServer({ port: 0, host: "0.0.0.0", store, webDist, env: {} });
    cleanup = async () => {
      await running.close();
      await close();
      await rm(webDist, { recursive: true, force: true });
    };
    const port = new URL(running.url).port;
    return { url: `http://127.0.0.1:${port}`, running };
  } catch (e) {
    await close();
    await rm(webDist, { recursive: true, force: true });
    throw e;
  }
}

// No silent skip: set-up (scripts/setup.sh) installs Debian's chromium, so its absence is a failure.
it("Debian's Chromium is installed (scripts/setup.sh)", () => {
  expect(hasChromium, `${CHROMIUM} not found: run scripts/setup.sh`).toBe(true);
});

describe.runIf(hasChromium)("dashboard login (Chromium, server requiring a sign-in)", () => {
  let browser: Browser;
  let url = "";
  let running: RunningServer;

  beforeAll(async () => {
    ({ url, running } = await startAuthServer(await buildWeb()));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await cleanup?.();
  });

  /**
   * A page in a fresh context (no cookies, no stored language). Collects page errors, console errors
   * other than Chromium's "Failed to load resource" line of an HTTP error, and every HTTP error answer:
   * the tests compare the latter with the 401s they expect.
   */
  async function openPage(path: string): Promise<{
    page: Page;
    context: BrowserContext;
    problems: string[];
    httpErrors: string[];
  }> {
    const context = await browser.newContext({ viewport: VIEWPORT });
    const page = await context.newPage();
    const problems: string[] = [];
    const httpErrors: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) problems.push(m.text());
    });
    page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
    page.on("response", (r) => {
      if (r.status() >= 400) httpErrors.push(`${r.request().method()} ${new URL(r.url()).pathname} ${r.status()}`);
    });
    await page.goto(`${url}${path}`);
    return { page, context, problems, httpErrors };
  }

  const focusedId = (page: Page): Promise<string | undefined> => page.evaluate(() => document.activeElement?.id);

  /**
   * The number of lines the navigation takes: entries that overlap vertically share a line (they are
   * centred, and the planned ones are taller than the active one).
   */
  async function navLines(page: Page): Promise<number> {
    const boxes = await page.locator("header .nav .nav-item").evaluateAll((items) =>
      items.map((i) => {
        const r = i.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom };
      }),
    );
    let lines = 0;
    let lineBottom = Number.NEGATIVE_INFINITY;
    for (const b of boxes.sort((x, y) => x.top - y.top)) {
      if (b.top >= lineBottom) lines += 1;
      lineBottom = Math.max(lineBottom, b.bottom);
    }
    return lines;
  }

  /** The IO page's three charts are drawn (window.__shushiCharts of web/src/chart-host.ts). */
  async function waitForCharts(page: Page): Promise<void> {
    await page.waitForFunction(
      () => {
        const c = (window as unknown as { __shushiCharts?: Record<string, { dataCount: number }> }).__shushiCharts;
        return c !== undefined && ["series", "quadrant", "heatmap"].every((k) => (c[k]?.dataCount ?? 0) > 0);
      },
      null,
      { timeout: 30_000 },
    );
  }

  it("the server is in network mode: two users, one administrator", () => {
    expect(running.exposure).toMatchObject({ host: "0.0.0.0", users: 2, admins: 1 });
  });

  it("zh-CN: login form, wrong password, sign in as analyst, sign out", async (ctx) => {
    ctx.annotate("API: real startServer bound to 0.0.0.0 (anonymous: none) over a store copy with two users");
    const { page, context, problems, httpErrors } = await openPage("/");

    // the dashboard's first API request answers 401 unauthenticated: the login form replaces the page
    const form = page.getByTestId("login-form");
    await form.waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("zh-CN");
    expect(await page.getByTestId("page-title").textContent()).toBe("登录");
    expect(await form.locator("label[for=login-name]").textContent()).toBe("用户名");
    expect(await form.locator("label[for=login-password]").textContent()).toBe("密码");
    expect(await page.getByTestId("login-submit").textContent()).toBe("登录");
    expect(await page.getByTestId("login-name").getAttribute("autocomplete")).toBe("username");
    expect(await page.getByTestId("login-password").getAttribute("autocomplete")).toBe("current-password");
    expect(await page.getByTestId("login-error").isHidden()).toBe(true);
    expect(await focusedId(page)).toBe("login-name");
    expect(await page.getByTestId("user-name").count()).toBe(0);

    // wrong password: the API's localised message, announced, and the password field focused to retype
    await page.getByTestId("login-name").fill(USERS.analyst.name);
    await page.getByTestId("login-password").fill("wrong-password");
    await page.getByTestId("login-submit").click();
    const error = page.getByTestId("login-error");
    await error.waitFor({ state: "visible" });
    expect(await error.textContent()).toBe("登录失败：用户名或密码错误。 (invalid_login)");
    expect(await error.getAttribute("role")).toBe("alert");
    expect(await focusedId(page)).toBe("login-password");
    expect(await page.getByTestId("login-password").getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByTestId("login-password").getAttribute("aria-describedby")).toBe("login-error");
    expect(await page.getByTestId("login-name").getAttribute("aria-invalid")).toBe("false");
    expect(await page.getByTestId("login-name").inputValue()).toBe(USERS.analyst.name);
    expect(await context.cookies()).toEqual([]);

    // right password: the IO page, the user and role in the header, session + CSRF cookies
    await page.getByTestId("login-password").fill(USERS.analyst.password);
    await page.getByTestId("login-submit").click();
    await page.getByTestId("user-name").waitFor();
    await waitForCharts(page);
    expect(await page.getByTestId("page-title").textContent()).toBe("投入产出关联分析");
    expect(await page.getByTestId("login-form").count()).toBe(0);
    expect(await page.getByTestId("user-name").textContent()).toBe(USERS.analyst.name);
    expect(await page.getByTestId("user-role").textContent()).toBe("分析员");
    expect(await page.getByTestId("sign-out").textContent()).toBe("退出登录");
    const cookies = await context.cookies();
    expect(cookies.map((c) => [c.name, c.httpOnly, c.sameSite]).sort()).toEqual([
      ["shushi_csrf", false, "Strict"],
      ["shushi_session", true, "Strict"],
    ]);
    expect(await navLines(page), "zh-CN navigation lines at 1280 px").toBe(1);

    // sign out: cookies cleared, the next API request answers 401 again and the form comes back
    await page.getByTestId("sign-out").click();
    await page.getByTestId("login-form").waitFor();
    expect(await page.getByTestId("page-title").textContent()).toBe("登录");
    expect(await page.getByTestId("user-name").count()).toBe(0);
    expect(await context.cookies()).toEqual([]);
    // the name typed before is kept (never the password)
    expect(await page.getByTestId("login-name").inputValue()).toBe(USERS.analyst.name);
    expect(await page.getByTestId("login-password").inputValue()).toBe("");

    expect(problems).toEqual([]);
    // only the expected refusals: unauthenticated API reads before sign-in and after sign-out, the wrong password
    expect(httpErrors.filter((e) => !e.endsWith(" 401"))).toEqual([]);
    expect(httpErrors).toContain("POST /api/session 401");
    await context.close();
  });

  it("en: switching language on the form keeps the name; an administrator's header fits on one line", async () => {
    const { page, context, problems, httpErrors } = await openPage("/?lang=en");
    await page.getByTestId("login-form").waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    expect(await page.getByTestId("page-title").textContent()).toBe("Sign in");

    await page.getByTestId("login-name").fill(USERS.admin.name);
    await page.getByTestId("login-password").fill("wrong-password");
    await page.getByTestId("login-submit").click();
    await page.getByTestId("login-error").waitFor({ state: "visible" });
    expect(await page.getByTestId("login-error").textContent()).toBe(
      "Sign-in failed: Wrong user name or password. (invalid_login)",
    );
    expect(await focusedId(page)).toBe("login-password");

    // to Chinese and back: the form is drawn again, the typed name stays
    await page.getByTestId("lang-switch").click();
    await expect.poll(() => page.getByTestId("page-title").textContent()).toBe("登录");
    expect(await page.getByTestId("login-name").inputValue()).toBe(USERS.admin.name);
    await page.getByTestId("lang-switch").click();
    await expect.poll(() => page.getByTestId("page-title").textContent()).toBe("Sign in");
    expect(await page.getByTestId("login-name").inputValue()).toBe(USERS.admin.name);
    expect(await focusedId(page)).toBe("login-password");

    await page.getByTestId("login-password").fill(USERS.admin.password);
    await page.getByTestId("login-password").press("Enter");
    await page.getByTestId("user-name").waitFor();
    await waitForCharts(page);
    expect(await page.getByTestId("page-title").textContent()).toBe("Input–output linkage analysis");
    expect(await page.getByTestId("user-name").textContent()).toBe(USERS.admin.name);
    expect(await page.getByTestId("user-role").textContent()).toBe("administrator");
    expect(await page.getByTestId("sign-out").textContent()).toBe("Sign out");
    // the English header (longest navigation labels, the user box) keeps the navigation on one line
    expect(await navLines(page), "English navigation lines at 1280 px").toBe(1);

    await page.getByTestId("sign-out").click();
    await page.getByTestId("login-form").waitFor();
    expect(await page.getByTestId("page-title").textContent()).toBe("Sign in");
    expect(await context.cookies()).toEqual([]);

    expect(problems).toEqual([]);
    expect(httpErrors.filter((e) => !e.endsWith(" 401"))).toEqual([]);
    await context.close();
  });
});
