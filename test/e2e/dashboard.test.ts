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
      ["zh-CN", "融合指数：与GDP对比、增长周期与技术性疲软", "增长周期与技术性疲软", "已复现"],
      [
        "en",
        "Integration index: against GDP, growth cycle and technical weakness",
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
        // the reproduction panel sits beside the chart at 1280 px, not below it (the chart is below the
        // index-vs-GDP section: scroll it into view before hovering)
        await page.locator("#chart-cycle").scrollIntoViewIfNeeded();
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

    for (const [lang, chartTitle, notComparable] of [
      ["zh-CN", "实数融合发展指数（公开数据近似）与GDP指数", "水平不可比"],
      ["en", "Real–digital integration index (public-data proxy) and GDP index", "not comparable"],
    ] as const) {
      it(`draws the index against GDP with CAICT's values beside it and rows 4–8 (${lang}, 1280 px)`, async () => {
        const before = problems.length;
        const page = await openPage(`/?lang=${lang}#/index`, LAPTOP);
        await page.waitForFunction(
          () =>
            ((window as unknown as { __shushiCharts?: Record<string, { dataCount: number }> }).__shushiCharts?.fusion
              ?.dataCount ?? 0) > 0,
          undefined,
          { timeout: 15_000 },
        );
        await page.getByTestId("fusion-reproduction-table").waitFor({ timeout: 15_000 });
        const box = await page.locator("#chart-fusion canvas").first().boundingBox();
        expect(box?.width ?? 0).toBeGreaterThan(400);
        expect(box?.height ?? 0).toBeGreaterThan(300);
        const chart = (await chartSummaries(page)).fusion;
        expect(chart?.title).toBe(chartTitle);
        // 3 sub-indices + index + GDP index over 24 years, 3 + 2 printed levels
        expect(chart?.seriesCount).toBe(7);
        expect(chart?.dataCount).toBe(5 * 24 + 5);
        const caption = (await page.getByTestId("fusion-caption").textContent()) ?? "";
        expect(caption).toContain("24");
        expect(caption).toContain(
          lang === "en" ? "1995–2018: 17.71% / 13.60%, +4.12 points" : "1995—2018：17.71% / 13.60%，+4.12 个百分点",
        );
        expect(await page.getByTestId("fusion-crossing").textContent()).toContain("2003");
        expect(await page.getByTestId("fusion-not-comparable").textContent()).toContain(notComparable);
        const refs = await page
          .locator("[data-testid=fusion-reproduction-table] tr.value")
          .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-ref")));
        expect(refs).toEqual(["4", "5", "5", "5", "6", "7", "8"]);
        const table = (await page.getByTestId("fusion-reproduction-table").textContent()) ?? "";
        expect(table).toContain("2016");
        expect(table).toContain("1.29");
        // hover the 2018 investment bar (category 24 of 1995–2024 in the grid 56 px from the left and 64 from
        // the right; value 50 on the −30…150 axis of the 112…416 px grid): the year's values and its table
        const fb = (await page.locator("#chart-fusion").boundingBox()) as {
          x: number;
          y: number;
          width: number;
          height: number;
        };
        await page.mouse.move(fb.x + 5, fb.y + 5);
        const x = fb.x + 56 + 23.5 * ((fb.width - 120) / 30);
        const y = fb.y + 112 + ((150 - 50) / 180) * (fb.height - 196);
        await page.mouse.move(x, y, { steps: 8 });
        await expect
          .poll(async () => (await page.locator("#chart-fusion").textContent()) ?? "", { timeout: 5_000 })
          .toContain("cn-oecd-iot-2018");
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
  describe("regional page", () => {
    const LAPTOP = { width: 1280, height: 900 };

    async function waitForRegion(page: Page, renders = 1): Promise<void> {
      await page.waitForFunction(
        (n) => {
          const c = (
            window as unknown as { __shushiCharts?: Record<string, { dataCount: number; renderCount: number }> }
          ).__shushiCharts;
          return (c?.intervals?.renderCount ?? 0) >= n && (c?.sobol?.dataCount ?? 0) > 0;
        },
        renders,
        { timeout: 20_000 },
      );
    }

    for (const [lang, title, guangdong, unfilled, intervalTitle] of [
      [
        "zh-CN",
        "区域评价（“2135+N”，公开数据可填部分）",
        "广东省：综合得分 82.9，基准排名 1/31，第1梯队",
        "无公开的省级数据",
        "排名的不确定性：5%—95% 排名区间",
      ],
      [
        "en",
        'Regional evaluation ("2135+N", the part public data fills)',
        "Guangdong: Composite score 82.9, Baseline rank 1/31, Tier 1",
        "no public provincial data",
        "Uncertainty of the ranks: 5–95 % rank intervals",
      ],
    ] as const) {
      it(`draws the tile map, ranking, whiskers, Sobol bars and the catalogue (${lang}, 1280 px)`, async () => {
        const before = problems.length;
        const page = await openPage(`/?lang=${lang}#/region`, LAPTOP);
        await waitForRegion(page);
        expect(await page.getByTestId("page-title").textContent()).toBe(title);
        expect(await page.locator(".nav-item.active").getAttribute("href")).toBe("#/region");
        // 31 tiles, each with its name and value in aria-label and <title>
        const tiles = page.locator("[data-testid=tile-map] g.tile");
        expect(await tiles.count()).toBe(31);
        const labels = await tiles.evaluateAll((gs) =>
          gs.map((g) => [g.getAttribute("aria-label") ?? "", g.querySelector("title")?.textContent ?? ""] as const),
        );
        expect(labels.every(([a, t]) => a !== "" && a === t && /\d/.test(a))).toBe(true);
        expect(await page.locator("[data-testid=tile-map] g[data-code='440000']").getAttribute("aria-label")).toBe(
          guangdong,
        );
        const mapBox = await page.getByTestId("tile-map").boundingBox();
        expect(mapBox?.width ?? 0).toBeGreaterThan(300);
        // ranking table: 31 provinces with intervals
        const rows = page.locator("[data-testid=ranking-table] tbody tr");
        expect(await rows.count()).toBe(31);
        expect(await rows.first().getAttribute("data-code")).toBe("440000");
        expect(await rows.first().locator("td").nth(4).textContent()).toMatch(/^\d+–\d+$/);
        // whiskers (4 series × 31) and Sobol bars (2 × 5)
        const charts = await chartSummaries(page);
        expect(charts.intervals?.title).toBe(intervalTitle);
        expect(charts.intervals?.dataCount).toBe(124);
        expect(charts.sobol?.dataCount).toBe(10);
        for (const id of ["chart-intervals", "chart-sobol"]) {
          const box = await page.locator(`#${id} canvas`).first().boundingBox();
          expect(box?.height ?? 0, id).toBeGreaterThan(300);
        }
        expect(await page.getByTestId("disparity").textContent()).toContain("0.952");
        // the catalogue: every pillar, unfilled ones marked, with the seeds' national anchors
        const pillars = page.locator("[data-testid=catalogue-table] tbody tr");
        expect(await pillars.count()).toBe(9);
        const unfilledRows = page.locator("[data-testid=catalogue-table] tr[data-status=no_public_data]");
        expect(await unfilledRows.count()).toBe(7);
        expect(await unfilledRows.first().textContent()).toContain(unfilled);
        expect(await page.locator("[data-anchor='s002-5g-per-10k-people-2024']").textContent()).toContain("30.2");
        expect(await page.getByTestId("region-provenance").textContent()).toContain("region_rank");
        expect(problems.slice(before)).toEqual([]);
        await page.close();
      });
    }

    it("changes year and colouring: 2002 has no rank changes, score colours differ from tier colours", async () => {
      const before = problems.length;
      const page = await openPage("/?lang=en#/region", LAPTOP);
      await waitForRegion(page);
      const tierFill = await page.locator("[data-testid=tile-map] g[data-code='110000'] rect").getAttribute("fill");
      await page.getByTestId("region-color").selectOption("score");
      const scoreFill = await page.locator("[data-testid=tile-map] g[data-code='110000'] rect").getAttribute("fill");
      expect(scoreFill).not.toBe(tierFill);
      await page.getByTestId("region-year").selectOption("2002");
      await waitForRegion(page, 2);
      await expect
        .poll(
          async () =>
            (await page.locator("[data-testid=ranking-table] tbody tr").first().locator("td").nth(3).textContent()) ??
            "",
        )
        .toBe("—");
      expect(await page.locator("[data-testid=tile-map] g.tile").count()).toBe(31);
      expect(problems.slice(before)).toEqual([]);
      await page.close();
    });
  });
});
