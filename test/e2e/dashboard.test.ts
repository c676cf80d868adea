/**
 * Browser test of the dashboard: builds the dashboard into a temp folder (vite `build()`), serves it with
 * the API in-process on a free port, drives Debian's Chromium headless through playwright-core.
 *
 * API: the real server (`startServer` of `src/server/main.ts`, i.e. `createApp` + web/dist) over a copy
 * of the store built from the shipped data by the vitest globalSetup (test/helpers/global-store.ts).
 * There is no fake API: if the real server cannot start, the test fails.
 * Skipped only when /usr/bin/chromium is absent (scripts/setup.sh installs it). The store copy has one
 * analyst (added as `shushi users add --password-env` does) for the upload of the weights tool; reads
 * stay anonymous on 127.0.0.1.
 */
import { rm } from "node:fs/promises";
import { hash } from "@node-rs/argon2";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer } from "../../src/server/main.js";
import { openShippedStore } from "../helpers/real-app.js";
import { buildWeb, CHROMIUM, hasChromium, launchChromium } from "./browser.js";

interface ChartSummary {
  title: string;
  subtitle: string;
  seriesCount: number;
  dataCount: number;
  renderCount: number;
}

let cleanup: (() => Promise<void>) | undefined;

/** The analyst who signs in to compute on an upload (POST needs an analyst, src/server/auth.ts). */
const ANALYST = { name: "ana", role: "analyst", password: "ana-pass-1" } as const;

/**
 * The real server: `startServer` of `src/server/main.ts` (API from `createApp` + web/dist) over a private
 * copy of the store that test/helpers/global-store.ts built from the shipped data. No fallback: when it
 * cannot start, the suite fails.
 */
async function startRealServer(webDist: string): Promise<{ url: string }> {
  const { store, close } = await openShippedStore();
  try {
    const added = await store.store.addUser(
      { name: ANALYST.name, role: ANALYST.role, passwordHash: await hash(ANALYST.password) },
      "e2e-test",
    );
    expect(added, "analyst added").toBe(true);
    const running = await startServer({ port: 0, host: "127.0.0.1", store, webDist });
    cleanup = async () => {
      await running.close();
      await close();
      await rm(webDist, { recursive: true, force: true });
    };
    return { url: running.url.replace(/\/$/, "") };
  } catch (e) {
    await close();
    throw e;
  }
}

async function chartSummaries(page: Page): Promise<Record<string, ChartSummary>> {
  return page.evaluate(
    () => (window as unknown as { __shushiCharts?: Record<string, ChartSummary> }).__shushiCharts ?? {},
  );
}

async function waitForCharts(page: Page, minRender: Record<string, number> = {}): Promise<void> {
  await page.waitForFunction(
    (min) => {
      const c = (window as unknown as { __shushiCharts?: Record<string, { dataCount: number; renderCount: number }> })
        .__shushiCharts;
      if (c === undefined) return false;
      return ["series", "quadrant", "heatmap"].every(
        (k) => (c[k]?.dataCount ?? 0) > 0 && (c[k]?.renderCount ?? 0) >= (min[k] ?? 1),
      );
    },
    minRender,
    { timeout: 15_000 },
  );
}

// No silent skip: set-up (scripts/setup.sh) installs Debian's chromium, so its absence is a failure.
it("Debian's Chromium is installed (scripts/setup.sh)", () => {
  expect(hasChromium, `${CHROMIUM} not found: run scripts/setup.sh`).toBe(true);
});

describe.runIf(hasChromium)("dashboard (Chromium)", () => {
  let browser: Browser;
  let url = "";
  const problems: string[] = [];

  beforeAll(async () => {
    ({ url } = await startRealServer(await buildWeb()));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await cleanup?.();
  });

  async function openPage(path: string, viewport = { width: 1400, height: 1000 }): Promise<Page> {
    const page = await browser.newPage({ viewport });
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(`console.error: ${m.text()}`);
    });
    page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
    page.on("response", (r) => {
      if (r.status() >= 400) problems.push(`HTTP ${r.status()} ${new URL(r.url()).pathname}${new URL(r.url()).search}`);
    });
    await page.goto(`${url}${path}`);
    return page;
  }

  it("draws the three IO charts in Chinese by default, with provenance on hover", async (ctx) => {
    ctx.annotate("API: real startServer/createApp (src/server) over a store built from the shipped data");
    const page = await openPage("/");
    await waitForCharts(page);
    expect(await page.locator("html").getAttribute("lang")).toBe("zh-CN");
    expect(await page.getByTestId("page-title").textContent()).toBe("投入产出关联分析");
    for (const id of ["chart-series", "chart-quadrant", "chart-heatmap"]) {
      const canvas = page.locator(`#${id} canvas, #${id} svg`).first();
      const box = await canvas.boundingBox();
      expect(box?.width ?? 0, id).toBeGreaterThan(100);
      expect(box?.height ?? 0, id).toBeGreaterThan(100);
    }
    const charts = await chartSummaries(page);
    expect(charts.series?.title).toBe("数字部门影响力系数与感应度系数");
    expect(charts.series?.seriesCount).toBeGreaterThanOrEqual(2);
    expect(charts.quadrant?.dataCount).toBeGreaterThan(30);
    expect(charts.heatmap?.dataCount).toBeGreaterThan(1000);
    expect(await page.locator("[data-testid=sector-table] tbody tr").count()).toBeGreaterThan(30);
    expect(await page.getByTestId("provenance").textContent()).toContain("SHA-256");
    // hover a heatmap cell: the ECharts tooltip shows names and provenance
    const heat = page.locator("#chart-heatmap");
    await heat.scrollIntoViewIfNeeded();
    const hb = await heat.boundingBox();
    if (hb === null) throw new Error("no heatmap box");
    await page.mouse.move(hb.x + hb.width * 0.5, hb.y + hb.height * 0.45);
    await expect.poll(async () => (await heat.textContent()) ?? "", { timeout: 5_000 }).toContain("数据来源");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("reloads the quadrant when the table changes", async () => {
    const page = await openPage("/?lang=zh-CN");
    await waitForCharts(page);
    const before = await chartSummaries(page);
    const select = page.getByTestId("table-select");
    const options = await select.locator("option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(options.length).toBeGreaterThan(1);
    const current = await select.inputValue();
    const other = options.find((o) => o !== current) as string;
    await select.selectOption(other);
    await waitForCharts(page, { quadrant: (before.quadrant?.renderCount ?? 1) + 1 });
    const after = await chartSummaries(page);
    expect(after.quadrant?.subtitle).toBe(other);
    expect(before.quadrant?.subtitle).toBe(current);
    expect(await page.getByTestId("year-select").inputValue()).not.toBe("");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("switches to English, keeps it in ?lang= and localStorage", async () => {
    const page = await openPage("/");
    await waitForCharts(page);
    await page.getByTestId("lang-switch").click();
    await expect.poll(async () => page.getByTestId("page-title").textContent()).toBe("Input–output linkage analysis");
    await expect
      .poll(async () => (await chartSummaries(page)).series?.title, { timeout: 15_000 })
      .toBe("Digital block: influence and sensitivity coefficients");
    await waitForCharts(page);
    expect(new URL(page.url()).searchParams.get("lang")).toBe("en");
    expect(await page.evaluate(() => localStorage.getItem("shushi.lang"))).toBe("en");
    await page.goto(url); // no ?lang=: the stored choice wins
    await expect.poll(async () => page.getByTestId("page-title").textContent()).toBe("Input–output linkage analysis");
    expect(problems).toEqual([]);
    await page.close();
  });

  describe("integration-index page", () => {
    /** the usual laptop width */
    const LAPTOP = { width: 1280, height: 900 };

    async function waitForCycle(page: Page): Promise<void> {
      await page.waitForFunction(
        () =>
          ((window as unknown as { __shushiCharts?: Record<string, { dataCount: number }> }).__shushiCharts?.cycle
            ?.dataCount ?? 0) > 0,
        undefined,
        { timeout: 15_000 },
      );
      await page.getByTestId("reproduction-table").waitFor({ timeout: 15_000 });
    }

    for (const [lang, title, chartTitle, reproduced] of [
      ["zh-CN", "融合指数：增长周期与技术性疲软", "增长周期与技术性疲软", "已复现"],
      [
        "en",
        "Integration index: growth cycle and technical weakness",
        "Growth cycle and technical weakness",
        "reproduced",
      ],
    ] as const) {
      it(`draws the growth cycle and reproduction rows 5 and 9 (${lang}, 1280 px)`, async () => {
        const before = problems.length;
        const page = await openPage(`/?lang=${lang}#/index`, LAPTOP);
        await waitForCycle(page);
        expect(await page.getByTestId("page-title").textContent()).toBe(title);
        expect(await page.locator(".nav-item.active").getAttribute("href")).toBe("#/index");
        const box = await page.locator("#chart-cycle canvas").first().boundingBox();
        expect(box?.width ?? 0).toBeGreaterThan(400);
        expect(box?.height ?? 0).toBeGreaterThan(300);
        const chart = (await chartSummaries(page)).cycle;
        expect(chart?.title).toBe(chartTitle);
        expect(chart?.dataCount).toBe(11); // growth 2013–2023
        expect(chart?.subtitle).toContain("cn-nbs-gdp-annual");
        const caption = (await page.getByTestId("cycle-caption").textContent()) ?? "";
        expect(caption).toContain("cn-nbs-gdp-annual");
        expect(caption).toContain(lang === "en" ? "2015; 2019–2020; 2023–" : "2015；2019—2020；2023—");
        // rows 5 (three quantities) and 9 (real and nominal × the phases 2019–20 and 2023–)
        const refs = await page
          .locator("[data-testid=reproduction-table] tr.value")
          .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-ref")));
        expect(refs).toEqual(["5", "5", "5", "9", "9", "9", "9"]);
        const table = (await page.getByTestId("reproduction-table").textContent()) ?? "";
        expect(table).toContain(reproduced);
        expect(table).toContain("3.18");
        expect(table).toContain("12.66");
        expect(table).toContain("4.71");
        // the reproduction panel sits beside the chart at 1280 px, not below it
        const chartBox = await page.locator("#chart-cycle").boundingBox();
        const reproBox = await page.getByTestId("reproduction").boundingBox();
        expect(reproBox?.x ?? 0).toBeGreaterThan((chartBox?.x ?? 0) + (chartBox?.width ?? 0) - 1);
        // hover a bar: growth, weak flag and provenance in the tooltip
        const cb = chartBox as { x: number; y: number; width: number; height: number };
        await page.mouse.move(cb.x + 10, cb.y + 10);
        await page.mouse.move(cb.x + cb.width * 0.585, cb.y + cb.height * 0.75, { steps: 8 });
        await expect
          .poll(async () => (await page.locator("#chart-cycle").textContent()) ?? "", { timeout: 5_000 })
          .toContain("index_cycle");
        expect(problems.slice(before)).toEqual([]);
        await page.close();
      });
    }

    it("computes weights of an uploaded indicator file and lists a bad file's located issues", async () => {
      const context = await browser.newContext({ viewport: LAPTOP });
      const page = await context.newPage();
      const seen: string[] = [];
      page.on("pageerror", (e) => seen.push(`pageerror: ${e.message}`));
      page.on("response", (r) => {
        if (r.status() >= 400) seen.push(`HTTP ${r.status()} ${new URL(r.url()).pathname}`);
      });
      // sign in as the analyst (the session and CSRF cookies land in this context)
      const login = await page.request.post(`${url}/api/session`, {
        data: { name: ANALYST.name, password: ANALYST.password },
      });
      expect(login.status()).toBe(200);
      await page.goto(`${url}/?lang=en#/index`);
      await waitForCycle(page);
      const csv = "entity,year,gdp,energy,patents\nA,2020,10,5,3\nB,2020,20,4,8\nC,2020,15,6,1\nD,2020,30,2,9\n";
      await page
        .getByTestId("weights-file")
        .setInputFiles({ name: "indicators.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
      await page.getByTestId("weights-method").selectOption("critic");
      await page.getByTestId("weights-directions").fill("energy:-");
      await page.getByTestId("weights-submit").click();
      const rows = page.locator("[data-testid=weights-table] tbody tr");
      await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(3);
      const text = (await page.getByTestId("weights-table").textContent()) ?? "";
      expect(text).toContain("cost (−)");
      expect(text).toContain("Conflict");
      expect(await page.getByTestId("weights-summary").textContent()).toContain("4 observations");
      expect(seen).toEqual([]);

      const bad = "entity,gdp,energy\nA,10,5\nB,x,4\n";
      await page
        .getByTestId("weights-file")
        .setInputFiles({ name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from(bad) });
      await page.getByTestId("weights-submit").click();
      const issues = page.getByTestId("weights-issues");
      await issues.waitFor({ timeout: 15_000 });
      expect(await issues.textContent()).toContain("bad.csv, row 3, column 2");
      expect(await page.getByTestId("weights-status").textContent()).toContain("(data_issues)");
      expect(await page.locator("[data-testid=weights-table]").count()).toBe(0);
      expect(seen).toEqual(["HTTP 422 /api/index/weights"]);
      await context.close();
    });
  });
});
