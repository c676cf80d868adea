/**
 * Browser test of the dashboard: builds the dashboard into a temp folder (vite `build()`), serves it with
 * the API in-process on a free port, drives Debian's Chromium headless through playwright-core.
 *
 * API: the real server (`startServer` of `src/server/main.ts`, i.e. `createApp` + web/dist) over a copy
 * of the store built from the shipped data by the vitest globalSetup (test/helpers/global-store.ts).
 * There is no fake API: if the real server cannot start, the test fails.
 * Skipped only when /usr/bin/chromium is absent (scripts/setup.sh installs it).
 */
import { rm } from "node:fs/promises";
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

/**
 * The real server: `startServer` of `src/server/main.ts` (API from `createApp` + web/dist) over a private
 * copy of the store that test/helpers/global-store.ts built from the shipped data. No fallback: when it
 * cannot start, the suite fails.
 */
async function startRealServer(webDist: string): Promise<{ url: string }> {
  const { store, close } = await openShippedStore();
  try {
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

  async function openPage(path: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
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
});
