/**
 * Browser test of the sector-tiers page (`#/tiers`): builds the dashboard into a temp folder, serves it
 * with the real API (`startServer` over a copy of the shipped-data store, as test/e2e/econometrics.test.ts)
 * and drives Debian's Chromium headless. Checks the default run (2020 table, five tiers by Ward
 * clustering: the dendrogram with its 41 merges, the tier map, sizes, agreement, provenance), seed 001's
 * three tiers by cut-points on the 2020 table (40 of 42 sectors in the printed tier, S03 and S10
 * differing), that changing the scheme redraws, and an analyst's uploaded feature table (POST).
 */
import { readFile, rm } from "node:fs/promises";
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

const ANALYST = { name: "tiers", role: "analyst", password: "tiers-pass-1" } as const;
const LAPTOP = { width: 1280, height: 900 };

let cleanup: (() => Promise<void>) | undefined;

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

async function charts(page: Page): Promise<Record<string, ChartSummary>> {
  return page.evaluate(
    () => (window as unknown as { __shushiCharts?: Record<string, ChartSummary> }).__shushiCharts ?? {},
  );
}

/** Waits until the tier map has been drawn `n` times (and the dendrogram drawn or cleared as often). */
async function waitForRuns(page: Page, n = 1): Promise<void> {
  await page.waitForFunction(
    (runs) => {
      const c = (window as unknown as { __shushiCharts?: Record<string, { dataCount: number; renderCount: number }> })
        .__shushiCharts;
      return (
        (c?.["tier-map"]?.dataCount ?? 0) > 0 &&
        (c?.["tier-map"]?.renderCount ?? 0) >= runs &&
        (c?.dendrogram?.renderCount ?? 0) >= runs
      );
    },
    n,
    { timeout: 30_000 },
  );
}

/** Waits until the structure and cost–benefit charts are drawn `n` times. */
async function waitForLower(page: Page, n = 1): Promise<void> {
  await page.waitForFunction(
    (runs) => {
      const c = (window as unknown as { __shushiCharts?: Record<string, { dataCount: number; renderCount: number }> })
        .__shushiCharts;
      return ["tier-shares", "tier-contributions", "cost-ratios", "cost-scatter"].every(
        (k) => (c?.[k]?.dataCount ?? 0) > 0 && (c?.[k]?.renderCount ?? 0) >= runs,
      );
    },
    n,
    { timeout: 30_000 },
  );
}

async function canvasBox(page: Page, id: string): Promise<{ width: number; height: number }> {
  const box = await page.locator(`#${id} canvas`).first().boundingBox();
  return { width: box?.width ?? 0, height: box?.height ?? 0 };
}

it("Debian's Chromium is installed (scripts/setup.sh)", () => {
  expect(hasChromium, `${CHROMIUM} not found: run scripts/setup.sh`).toBe(true);
});

describe.runIf(hasChromium)("sector-tiers page (Chromium)", () => {
  let browser: Browser;
  let url = "";

  beforeAll(async () => {
    ({ url } = await startRealServer(await buildWeb()));
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await cleanup?.();
  });

  for (const lang of ["zh-CN", "en"] as const) {
    it(`draws the dendrogram (41 merges) and the tier map, then seed 001's three tiers: 40 of 42, S03 and S10 (${lang})`, async () => {
      const page = await browser.newPage({ viewport: LAPTOP });
      const problems: string[] = [];
      page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
      page.on("console", (msg) => {
        if (msg.type() === "error" || msg.type() === "warning") problems.push(`console ${msg.type()}: ${msg.text()}`);
      });
      page.on("response", (r) => {
        if (r.status() >= 400) problems.push(`HTTP ${r.status()} ${new URL(r.url()).pathname}`);
      });
      await page.goto(`${url}/?lang=${lang}#/tiers`);
      await waitForRuns(page);
      expect(await page.locator(".nav-item.active").getAttribute("href")).toBe("#/tiers");
      expect(await page.locator(".nav-item.active").textContent()).toBe(lang === "en" ? "Sector tiers" : "产业分层");
      expect(await page.locator(".nav-item.planned").allTextContents()).not.toContainEqual(
        expect.stringContaining(lang === "en" ? "Sector tiers" : "产业分层"),
      );
      for (const id of ["chart-dendrogram", "chart-tier-map"]) {
        const box = await canvasBox(page, id);
        expect(box.width, id).toBeGreaterThan(600);
        expect(box.height, id).toBeGreaterThan(200);
      }
      // default: 2020, five tiers, Ward, k = 5 — 41 merges (custom series) + 42 leaves
      let c = await charts(page);
      expect(c.dendrogram?.title).toContain(lang === "en" ? "Dendrogram" : "聚类树");
      expect(c.dendrogram?.dataCount).toBe(41 + 42);
      expect(await page.getByTestId("tiers-tree-line").textContent()).toContain(
        lang === "en" ? "41 merges" : "合并 41 次",
      );
      expect(await page.locator("[data-testid=tier-sizes] tbody tr").count()).toBe(5);
      expect(await page.getByTestId("tiers-provenance").textContent()).toContain("sector_tiers");
      expect(await page.getByTestId("tiers-provenance").textContent()).toContain("cn-nbs-io-2020-42");
      // value-added structure and cost–benefit, below: four charts, the 101.23 note, the proxy label
      await waitForLower(page);
      for (const id of ["chart-tier-shares", "chart-tier-contributions", "chart-cost-ratios", "chart-cost-scatter"]) {
        const box = await canvasBox(page, id);
        expect(box.width, id).toBeGreaterThan(600);
        expect(box.height, id).toBeGreaterThan(300);
      }
      c = await charts(page);
      expect(c["tier-shares"]?.dataCount).toBe(5 * 9 + 8); // 5 tiers × 9 years + 8 printed shares
      expect(c["tier-contributions"]?.subtitle).toContain("101.23");
      expect(c["cost-scatter"]?.dataCount).toBe(210);
      expect(c["cost-scatter"]?.subtitle).toContain("n = 210");
      expect(c["cost-ratios"]?.subtitle).toContain(lang === "en" ? "not comparable" : "不可直接比较");
      await expect.poll(() => page.getByTestId("tiers-structure-note").isVisible()).toBe(true);
      expect(await page.getByTestId("tiers-structure-note").textContent()).toContain("101.23");
      expect(await page.getByTestId("cost-input").isVisible()).toBe(true);
      expect(await page.getByTestId("cost-input").textContent()).toContain(
        lang === "en"
          ? "IO-table proxy (national accounts, not listed-company data)"
          : "投入产出表代理（国民核算口径，并非上市公司数据）",
      );
      expect(await page.getByTestId("tiers-structure-provenance").textContent()).toContain("cn-nbs-io-2015-42");
      expect(await page.getByTestId("cost-provenance").textContent()).toContain("cost_benefit");
      expect(await page.getByTestId("tiers-structure-diagnostics").textContent()).toContain("sum_mismatch");
      const firstRenders = c["tier-map"]?.renderCount ?? 0;

      // seed 001's three tiers: the scheme switches the method to cut-points and redraws
      await page.getByTestId("tiers-scheme").selectOption("three");
      await waitForRuns(page, firstRenders + 1);
      c = await charts(page);
      expect(await page.getByTestId("tiers-method").inputValue()).toBe("thresholds");
      expect(c["tier-map"]?.subtitle).toContain(lang === "en" ? "40 of 42" : "40/42");
      expect(c.dendrogram?.dataCount).toBe(0); // cut-points: no tree, a message instead
      const agreement = await page.getByTestId("tiers-agreement").textContent();
      expect(agreement).toContain("40");
      expect(agreement).toContain("42");
      expect(agreement).toContain("0.832");
      const differing = await page
        .locator("[data-testid=tiers-differing] li")
        .evaluateAll((li) => li.map((x) => x.getAttribute("data-code")));
      expect(differing).toEqual(["S03", "S10"]);
      expect(await page.locator("[data-testid=tiers-differing] li[data-code=S03]").textContent()).toContain(
        lang === "en" ? "computed low, printed medium" : "计算为低度，公布为中度",
      );
      const sizes = await page
        .locator("[data-testid=tier-sizes] tbody tr")
        .evaluateAll((tr) => tr.map((r) => Array.from(r.querySelectorAll("td"), (td) => td.textContent)));
      expect(sizes).toEqual([
        ["6", "6"],
        ["20", "20"],
        ["16", "16"],
      ]);
      // back to clustering with three tiers: the tree returns
      await page.getByTestId("tiers-method").selectOption("hac");
      await waitForRuns(page, firstRenders + 2);
      c = await charts(page);
      expect(c.dendrogram?.dataCount).toBe(41 + 42);
      expect(problems).toEqual([]);
      await page.close();
    });
  }

  it("changes the table and k from the form (2017, complete linkage, k = 4)", async () => {
    const page = await browser.newPage({ viewport: LAPTOP });
    await page.goto(`${url}/?lang=en#/tiers`);
    await waitForRuns(page);
    const before = (await charts(page))["tier-map"]?.renderCount ?? 0;
    await page.getByTestId("tiers-table").selectOption("cn-nbs-io-2017-42");
    await waitForRuns(page, before + 1);
    await page.getByTestId("tiers-linkage").selectOption("complete");
    await waitForRuns(page, before + 2);
    await page.getByTestId("tiers-k").fill("4");
    await page.getByTestId("tiers-submit").click();
    await waitForRuns(page, before + 3);
    const c = await charts(page);
    expect(c.dendrogram?.title).toContain("complete linkage");
    expect(c.dendrogram?.subtitle).toContain("cn-nbs-io-2017-42");
    expect(await page.getByTestId("tiers-agreement").textContent()).toBe(
      "No printed tiers to compare with under these settings.",
    );
    expect(await page.locator("[data-testid=tier-sizes] tbody tr").count()).toBe(4);
    await page.close();
  });

  it("clusters an uploaded feature table (POST as an analyst)", async () => {
    const context = await browser.newContext({ viewport: LAPTOP });
    const page = await context.newPage();
    const login = await page.request.post(`${url}/api/session`, {
      data: { name: ANALYST.name, password: ANALYST.password },
    });
    expect(login.status()).toBe(200);
    await page.goto(`${url}/?lang=en#/tiers`);
    await waitForRuns(page);
    const before = (await charts(page))["tier-map"]?.renderCount ?? 0;
    // three well-separated groups of four rows on two features
    const lines = ["region,x,y"];
    [0, 5, 10].forEach((c, g) => {
      for (let i = 0; i < 4; i++) lines.push(`r${g}${i},${c + 0.1 * i},${c - 0.05 * i}`);
    });
    await page
      .getByTestId("tiers-file")
      .setInputFiles({ name: "features.csv", mimeType: "text/csv", buffer: Buffer.from(`${lines.join("\n")}\n`) });
    await page.getByTestId("tiers-k").fill("3");
    await page.getByTestId("tiers-upload").click();
    await waitForRuns(page, before + 1);
    const c = await charts(page);
    expect(c.dendrogram?.dataCount).toBe(11 + 12);
    expect(await page.getByTestId("tiers-source").textContent()).toContain("features.csv");
    expect(await page.getByTestId("tiers-provenance").textContent()).toContain("hierarchical_clustering");
    const sizes = await page.locator("[data-testid=tier-sizes] tbody td").allTextContents();
    expect(sizes).toEqual(["4", "4", "4"]);
    // k = 3 on an analyst's table: the rows carry tier codes, so the sizes are named as the legend is
    expect(await page.locator("[data-testid=tier-sizes] tbody th").allTextContents()).toEqual([
      "high",
      "medium",
      "low",
    ]);
    await context.close();
  });

  it("runs the cost–benefit method on an uploaded enterprise panel (POST as an analyst)", async () => {
    const context = await browser.newContext({ viewport: LAPTOP });
    const page = await context.newPage();
    const login = await page.request.post(`${url}/api/session`, {
      data: { name: ANALYST.name, password: ANALYST.password },
    });
    expect(login.status()).toBe(200);
    await page.goto(`${url}/?lang=en#/tiers`);
    await waitForLower(page);
    await page.getByTestId("cost-file").setInputFiles({
      name: "panel.csv",
      mimeType: "text/csv",
      buffer: await readFile("data/templates/costbenefit-financials.csv"),
    });
    await page.getByTestId("cost-upload").click();
    await page.waitForFunction(
      () =>
        ((window as unknown as { __shushiCharts?: Record<string, { renderCount: number }> }).__shushiCharts?.[
          "cost-ratios"
        ]?.renderCount ?? 0) >= 2 || document.querySelector("[data-testid=cost-status] [role=alert]") !== null,
      undefined,
      { timeout: 30_000 },
    );
    expect(await page.getByTestId("cost-status").textContent()).toBe("");
    expect(await page.getByTestId("cost-input").textContent()).toContain("uploaded enterprise financial panel");
    expect(await page.getByTestId("cost-input").textContent()).toContain("panel.csv");
    const c = await charts(page);
    expect(c["cost-ratios"]?.subtitle).toContain("for reference");
    await context.close();
  });
});
