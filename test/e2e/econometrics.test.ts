/**
 * Browser test of the econometrics page (`#/econometrics`): builds the dashboard into a temp folder, serves
 * it with the real API (`startServer` over a copy of the shipped-data store, as test/e2e/dashboard.test.ts)
 * and drives Debian's Chromium headless. Checks the labour-productivity chart and table (2023 = 161,615
 * 元/人 published), productivity against the integration index (points, OLS line, Granger lines, the
 * published slope), the TFP growth-accounting card on PWT 10.01 (chart, table, parameters, provenance),
 * the ARIMAX fan with its 80/95 % bands and the scenario's simulated bands, the form (order, horizon,
 * growth) and a CSV upload (POST as an analyst), and CAICT's published path.
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

const ANALYST = { name: "eco", role: "analyst", password: "eco-pass-1" } as const;
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

/** Waits until the productivity and TFP charts, the fan and the published-path panel have been drawn (or cleared). */
async function waitForPage(page: Page, fanRenders = 1): Promise<void> {
  await page.waitForFunction(
    (n) => {
      const c = (window as unknown as { __shushiCharts?: Record<string, { dataCount: number; renderCount: number }> })
        .__shushiCharts;
      return (
        (c?.productivity?.dataCount ?? 0) > 0 &&
        (c?.tfp?.dataCount ?? 0) > 0 &&
        (c?.["productivity-index"]?.dataCount ?? 0) > 0 &&
        (c?.fan?.dataCount ?? 0) > 0 &&
        (c?.fan?.renderCount ?? 0) >= n &&
        (c?.["published-path"]?.renderCount ?? 0) >= 1
      );
    },
    fanRenders,
    { timeout: 30_000 },
  );
}

it("Debian's Chromium is installed (scripts/setup.sh)", () => {
  expect(hasChromium, `${CHROMIUM} not found: run scripts/setup.sh`).toBe(true);
});

describe.runIf(hasChromium)("econometrics page (Chromium)", () => {
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
    it(`draws productivity with 161,615 published for 2023 and the forecast fan with its bands (${lang})`, async () => {
      const page = await browser.newPage({ viewport: LAPTOP });
      const problems: string[] = [];
      page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
      page.on("response", (r) => {
        if (r.status() >= 400) problems.push(`HTTP ${r.status()} ${new URL(r.url()).pathname}`);
      });
      await page.goto(`${url}/?lang=${lang}#/econometrics`);
      await waitForPage(page);
      expect(await page.locator(".nav-item.active").getAttribute("href")).toBe("#/econometrics");
      expect(await page.locator(".nav-item.active").textContent()).toBe(lang === "en" ? "Econometrics" : "计量与预测");
      for (const id of ["chart-productivity", "chart-productivity-index", "chart-tfp", "chart-fan"]) {
        const box = await page.locator(`#${id} canvas`).first().boundingBox();
        expect(box?.width ?? 0, id).toBeGreaterThan(300);
        expect(box?.height ?? 0, id).toBeGreaterThan(200);
      }
      const c = await charts(page);
      expect(c.productivity?.seriesCount).toBe(2);
      expect(c.productivity?.title).toBe(
        lang === "en" ? "Labour productivity: computed vs published" : "全员劳动生产率：计算值与公布值",
      );
      // 2023 published (communiqué) and computed both show as 161,615
      const row2023 = page.locator("[data-testid=productivity-table] tr[data-year='2023']");
      const cells = await row2023.locator("td").allTextContents();
      expect(cells).toContain("161,615");
      expect(cells.filter((x) => x === "161,615")).toHaveLength(2);
      expect(cells).toContain(lang === "en" ? "2020 prices" : "2020 年价格");
      expect(await page.getByTestId("econ-diagnostics").first().textContent()).toContain("official_value_differs");
      expect(await page.getByTestId("productivity-provenance").textContent()).toContain("labour_productivity");
      // productivity on the integration index: 24 years as points, the OLS line, Granger both ways
      const pi = c["productivity-index"];
      expect(pi?.seriesCount).toBe(2);
      expect(pi?.dataCount).toBe(26);
      const piSummary = await page.getByTestId("productivity-index-summary").textContent();
      expect(piSummary).toContain(lang === "en" ? "published slope: 731.8" : "公布的斜率：731.8");
      expect(piSummary).toContain(lang === "en" ? "does not Granger-cause" : "格兰杰原因");
      expect(await page.getByTestId("productivity-index-provenance").textContent()).toContain("productivity_on_index");
      // TFP growth accounting on PWT 10.01: our Törnqvist bars and PWT's rtfpna growth, 2001–2019
      expect(c.tfp?.seriesCount).toBe(2);
      expect(c.tfp?.title).toContain("Törnqvist");
      expect(c.tfp?.subtitle).toContain("1.53%");
      expect(c.tfp?.subtitle).toContain(lang === "en" ? "human capital" : "人力资本");
      expect(await page.getByTestId("tfp").locator("h2").textContent()).toBe(
        lang === "en" ? "TFP growth accounting (PWT 10.01)" : "全要素生产率增长核算（PWT 10.01）",
      );
      const tfp2001 = await page.locator("[data-testid=tfp-table] tr[data-year='2001'] td").allTextContents();
      expect(tfp2001).toHaveLength(7);
      expect(tfp2001).toContain("1.95%"); // g_A
      expect(tfp2001).toContain("1.04%"); // PWT rtfpna growth
      expect(await page.locator("[data-testid=tfp-table] tbody tr").count()).toBe(19);
      expect(await page.getByTestId("tfp-parameters").textContent()).toContain("window=2000–2019");
      const tfpProv = await page.getByTestId("tfp-provenance").textContent();
      expect(tfpProv).toContain("tfp_growth_accounting");
      expect(tfpProv).toContain("pwt-1001-chn");
      expect(tfpProv).toContain("1952–2019");
      // fan: history, mean, 80/95 % bands (lower + width each) and the scenario's two bands and median
      expect(c.fan?.seriesCount).toBe(11);
      expect(c.fan?.subtitle).toContain("ARIMA(1,1,0)");
      expect(await page.getByTestId("forecast-verified").textContent()).toContain("R 4.2.2 stats::arima");
      expect(await page.getByTestId("forecast-scenario").textContent()).toContain("10000");
      // the published path: CAICT's three printed values when /api/reproduction serves them
      const path = c["published-path"];
      if (path?.dataCount === 0) problems.push(`published path not drawn: ${path.subtitle}`);
      else expect(path?.dataCount).toBe(3);
      expect(problems).toEqual([]);
      await page.close();
    });
  }

  it("re-runs the forecast from the form: order 0,1,1, horizon 4, growth 3 %", async () => {
    const page = await browser.newPage({ viewport: LAPTOP });
    await page.goto(`${url}/?lang=en#/econometrics`);
    await waitForPage(page);
    await page.getByTestId("forecast-h").fill("4");
    await page.getByTestId("forecast-growth").fill("3");
    await page.getByTestId("forecast-order").fill("0,1,1");
    await page.getByTestId("forecast-submit").click();
    await waitForPage(page, 2);
    const c = await charts(page);
    expect(c.fan?.subtitle).toContain("ARIMA(0,1,1)");
    expect(await page.getByTestId("forecast-scenario").textContent()).toContain("3.0%");
    await page.close();
  });

  it("TFP by group and the DE-TFP contribution from uploaded tables (POST as an analyst)", async () => {
    const context = await browser.newContext({ viewport: LAPTOP });
    const page = await context.newPage();
    const login = await page.request.post(`${url}/api/session`, {
      data: { name: ANALYST.name, password: ANALYST.password },
    });
    expect(login.status()).toBe(200);
    await page.goto(`${url}/?lang=en#/econometrics`);
    await waitForPage(page);
    await page.getByTestId("tfp-groups-file").setInputFiles({
      name: "groups.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(
        "group,year,output,capital,labour,labour_share\nfusion,2023,90,140,20,0.6\nother,2023,190,580,80,0.5\nfusion,2024,100,150,20,0.6\nother,2024,200,600,80,0.5\n",
      ),
    });
    await page.getByTestId("tfp-groups-submit").click();
    await page.waitForFunction(
      () =>
        ((window as unknown as { __shushiCharts?: Record<string, { dataCount: number }> }).__shushiCharts?.[
          "tfp-groups"
        ]?.dataCount ?? 0) > 0,
      undefined,
      { timeout: 20_000 },
    );
    expect(await page.getByTestId("tfp-groups-provenance").textContent()).toContain("tfp_group_levels");
    await page.getByTestId("de-tfp-file").setInputFiles({
      name: "de.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(
        "sector,year,value_added,tfp_growth,digital_share\nS20,2020,50,0,0\nS01,2020,50,0,0.5\nS20,2021,60,0.05,0\nS01,2021,60,0.02,0.5\nS20,2022,72,0.04,0\nS01,2022,72,0.02,0.5\n",
      ),
    });
    await page.getByTestId("de-tfp-digital").fill("S20");
    await page.getByTestId("de-tfp-submit").click();
    await page.getByTestId("de-tfp-summary").waitFor({ timeout: 20_000 });
    expect(await page.getByTestId("de-tfp-summary").textContent()).toContain("n 2");
    await context.close();
  });

  it("forecasts an uploaded CSV (POST as an analyst)", async () => {
    const context = await browser.newContext({ viewport: LAPTOP });
    const page = await context.newPage();
    const login = await page.request.post(`${url}/api/session`, {
      data: { name: ANALYST.name, password: ANALYST.password },
    });
    expect(login.status()).toBe(200);
    await page.goto(`${url}/?lang=en#/econometrics`);
    await waitForPage(page);
    const lines = ["year,output,demand"];
    for (let i = 0; i < 30; i++) {
      const x = 100 * 1.06 ** i + 3 * Math.sin(i);
      lines.push(`${1994 + i},${(0.4 * x + 2 * Math.cos(1.7 * i)).toFixed(3)},${x.toFixed(3)}`);
    }
    await page
      .getByTestId("forecast-file")
      .setInputFiles({ name: "series.csv", mimeType: "text/csv", buffer: Buffer.from(`${lines.join("\n")}\n`) });
    await page.getByTestId("forecast-y").fill("output");
    await page.getByTestId("forecast-xreg").fill("demand");
    await page.getByTestId("forecast-h").fill("5");
    await page.getByTestId("forecast-submit").click();
    await waitForPage(page, 2);
    const c = await charts(page);
    expect(c.fan?.subtitle).toContain("output");
    expect(c.fan?.seriesCount).toBe(11);
    expect(await page.getByTestId("forecast-provenance").textContent()).toContain("forecast_arimax");
    await context.close();
  });
});
