/**
 * `shushi stats ols|granger|adf|kpss --input FILE --format json` on the public fixtures (test/fixtures/method/,
 * exported from R 4.2.2 `datasets` and `lmtest`; README there) against the reference software's printed
 * values: R `lm` on cars (spec §4.2, R printout in test/reference/statsmodels-ols/r-cars.json), R
 * `lmtest::grangertest` and statsmodels on ChickEgg (spec §4.3, test/reference/r-lmtest-granger), and
 * statsmodels `adfuller` and `kpss` on their seeded series (test/reference/statsmodels-adf, statsmodels-kpss). This checks the
 * whole path — file reading, column selection, time ordering, the wire names the issue fixed
 * (`std_error`, `p_value`, `r_squared`, `null_hypothesis`, …) — not the estimators, which have their
 * own unit tests.
 *
 * Tolerances: R's values are printed to 10–11 significant digits (relative 1e-9 covers the rounding);
 * the lmtest F and p-value are the issue's 6-digit figures (5.40498, 0.0029664: half a unit of the last
 * printed digit); statsmodels JSON values are full doubles, compared at 1e-9 relative (both sides are the
 * same QR least squares up to rounding, ≈ 1e-13).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/app/test-fixtures.js";
import { type CliIo, run } from "../../src/cli/main.js";
import { expectClose } from "../helpers/close.js";

const ROOT = resolve(import.meta.dirname, "../..");
const FIXTURES = join(ROOT, "test/fixtures/method");
const tmp = mkdtempSync(join(tmpdir(), "shushi-stats-cli-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

class Sink {
  text = "";
  write(s: string): boolean {
    this.text += s;
    return true;
  }
}

async function cli(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new Sink();
  const stderr = new Sink();
  const io: CliIo = {
    stdout,
    stderr,
    cwd: ROOT,
    env: { SHUSHI_DATA_DIR: join(tmp, "no-store") },
    deps: { clock: fixedClock },
  };
  const code = await run(args, io);
  return { code, stdout: stdout.text, stderr: stderr.text };
}

// biome-ignore lint/suspicious/noExplicitAny: JSON of the CLI, checked field by field below
async function json(args: readonly string[]): Promise<any> {
  const r = await cli([...args, "--format", "json", "--lang", "en"]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

const rel = (rtol: number) => ({ rtol });

describe("shushi stats ols (R lm on cars, spec §4.2)", () => {
  const cars = JSON.parse(readFileSync(join(ROOT, "test/reference/statsmodels-ols/r-cars.json"), "utf8"));

  it("dist ~ speed: intercept −17.579094891 (SE 6.7584401694), slope 3.932408759 (SE 0.4155127767, t 9.46398999)", async () => {
    const r = await json(["stats", "ols", "--input", join(FIXTURES, "cars.csv"), "--y", "dist", "--x", "speed"]);
    const [a, b] = r.coefficients;
    expect(a.name).toBe("(Intercept)");
    expect(b.name).toBe("speed");
    const lm = cars.lm_dist_speed;
    expectClose(a.estimate, lm.intercept, rel(1e-9));
    expectClose(a.std_error, lm.interceptStdError, rel(1e-9));
    expectClose(b.estimate, lm.slope, rel(1e-9));
    expectClose(b.std_error, lm.slopeStdError, rel(1e-9));
    expectClose(b.t, lm.slopeT, rel(1e-8));
    expect(r.n).toBe(50);
    expect(Object.keys(r)).toEqual(expect.arrayContaining(["r_squared", "adj_r_squared", "f", "n", "coefficients"]));
    expect(r.verified_against.join(" ")).toMatch(/statsmodels/);
  });

  it("log–log: elasticity 1.602391206 (SE 0.1395376133), intercept −0.729668750", async () => {
    const r = await json([
      "stats",
      "ols",
      "--input",
      join(FIXTURES, "cars.csv"),
      "--y",
      "dist",
      "--x",
      "speed",
      "--transform",
      "log",
    ]);
    const lm = cars.lm_logdist_logspeed;
    expect(r.coefficients[1].name).toBe("log(speed)");
    expectClose(r.coefficients[0].estimate, lm.intercept, rel(1e-9));
    expectClose(r.coefficients[1].estimate, lm.slope, rel(1e-9));
    expectClose(r.coefficients[1].std_error, lm.slopeStdError, rel(1e-9));
  });

  it("a row with an empty cell is left out and reported (observations_dropped, with the row number)", async () => {
    const lines = readFileSync(join(FIXTURES, "cars.csv"), "utf8").trim().split("\n");
    lines[3] = "7,"; // physical row 4: dist missing
    const file = join(tmp, "cars-gap.csv");
    writeFileSync(file, `${lines.join("\n")}\n`);
    const r = await json(["stats", "ols", "--input", file, "--y", "dist", "--x", "speed"]);
    expect(r.n).toBe(49);
    const d = r.diagnostics.find((x: { code: string }) => x.code === "observations_dropped");
    expect(d.params).toMatchObject({ count: 1, rows: [4], n: 49 });
  });
});

describe("shushi stats granger (R lmtest::grangertest on ChickEgg, spec §4.3)", () => {
  const egg = join(FIXTURES, "chickegg.csv");

  it("chicken ~ egg, order 3: F = 5.40498, p = 0.0029664 (df 3, 44); reverse F = 0.59162, p = 0.62379", async () => {
    const r = await json(["stats", "granger", "--input", egg, "--y", "chicken", "--x", "egg", "--lags", "3"]);
    expectClose(r.f, 5.40498, { atol: 5e-6 });
    expectClose(r.p_value, 0.0029664, { atol: 5e-8 });
    expect([r.df_num, r.df_den, r.lags]).toEqual([3, 44, 3]);
    expect(r.null_hypothesis).toBe("egg does not Granger-cause chicken");
    expect(r.null_hypothesis_code).toBe("x_does_not_granger_cause_y");
    expectClose(r.reverse.f, 0.59162, { atol: 5e-6 });
    expectClose(r.reverse.p_value, 0.62379, { atol: 5e-6 });
    expect(r.years).toEqual([1930, 1983]);
    for (const k of ["chi2", "chi2_p_value"]) expect(typeof r[k]).toBe("number");
  });

  it("--lags auto: VAR lag selection on the common sample picks 2 (AIC 29.7905, BIC 30.1729, HQ 29.9361)", async () => {
    const r = await json(["stats", "granger", "--input", egg, "--y", "chicken", "--x", "egg", "--lags", "auto"]);
    // default maxLags = min(4, max(1, ⌊(54 − 5)/3⌋)) = 4 → T_c = 50 (spec §4.3)
    expect(r.lag_selection.max_lags).toBe(4);
    expect(r.lag_selection.n).toBe(50);
    expect(r.lag_selection.selected).toBe(2);
    const aic = r.lag_selection.table.map((x: { aic: number }) => x.aic);
    for (const [i, v] of [34.9069, 30.0486, 29.7905, 29.8701, 30.0098].entries())
      expectClose(aic[i], v, { atol: 5e-5 });
    // statsmodels grangercausalitytests, p = 2: F = 8.817473 (df 2/47)
    expectClose(r.f, 8.817473, { atol: 5e-7 });
    expect([r.df_num, r.df_den]).toEqual([2, 47]);
  });

  it("rows out of time order are sorted by the year column", async () => {
    const [header, ...rows] = readFileSync(egg, "utf8").trim().split("\n");
    const file = join(tmp, "chickegg-reversed.csv");
    writeFileSync(file, `${[header, ...rows.reverse()].join("\n")}\n`);
    const r = await json(["stats", "granger", "--input", file, "--y", "chicken", "--x", "egg", "--lags", "3"]);
    expectClose(r.f, 5.40498, { atol: 5e-6 });
  });
});

describe("shushi stats adf (statsmodels adfuller, test/reference/statsmodels-adf)", () => {
  const ref = JSON.parse(readFileSync(join(ROOT, "test/reference/statsmodels-adf/adf.json"), "utf8"));

  for (const c of ref.cases as {
    name: string;
    regression: "c" | "ct" | "n";
    maxlag: number | null;
    y: number[];
    runs: { autolag: string | null; statistic: number; pvalue: number; usedlag: number; nobs: number }[];
  }[]) {
    it(`${c.name} (regression ${c.regression}): statistic, p-value and lag for every autolag`, async () => {
      const file = join(tmp, `${c.name}-${c.regression}.csv`);
      writeFileSync(file, `t,y\n${c.y.map((v, i) => `${i + 1},${String(v)}`).join("\n")}\n`);
      for (const run of c.runs) {
        const autolag = run.autolag === null ? "none" : run.autolag === "t-stat" ? "t_stat" : run.autolag.toLowerCase();
        const r = await json([
          "stats",
          "adf",
          "--input",
          file,
          "--column",
          "y",
          "--regression",
          c.regression,
          "--autolag",
          autolag,
          ...(c.maxlag !== null ? ["--max-lags", String(c.maxlag)] : []),
        ]);
        expectClose(r.statistic, run.statistic, rel(1e-9));
        expectClose(r.p_value, run.pvalue, { rtol: 1e-9, atol: 1e-15 });
        expect([r.used_lag, r.nobs]).toEqual([run.usedlag, run.nobs]);
        expect(r.null_hypothesis_code).toBe("unit_root");
      }
    });
  }
});

describe("shushi stats kpss (statsmodels kpss, test/reference/statsmodels-kpss)", () => {
  const ref = JSON.parse(readFileSync(join(ROOT, "test/reference/statsmodels-kpss/kpss.json"), "utf8"));

  for (const c of ref.cases as {
    name: string;
    y: number[];
    runs: { regression: "c" | "ct"; nlags: string | number; statistic: number; pvalue: number; lags: number }[];
  }[]) {
    it(`${c.name}: statistic, p-value and lag for each regression and lag rule`, async () => {
      const file = join(tmp, `kpss-${c.name}.csv`);
      writeFileSync(file, `year,y\n${c.y.map((v, i) => `${1900 + i},${String(v)}`).join("\n")}\n`);
      for (const run of c.runs) {
        const r = await json([
          "stats",
          "kpss",
          "--input",
          file,
          "--column",
          "y",
          "--regression",
          run.regression,
          "--nlags",
          String(run.nlags),
        ]);
        expectClose(r.statistic, run.statistic, rel(1e-9));
        expectClose(r.p_value, run.pvalue, { rtol: 1e-9, atol: 1e-15 });
        expect(r.lags).toBe(run.lags);
        expect(r.null_hypothesis_code).toBe(run.regression === "c" ? "level_stationary" : "trend_stationary");
      }
    });
  }
});

describe("shushi forecast arimax (R arima / forecast::Arima on Lake Huron, spec §8.3)", () => {
  // the fixture with the regressor of R's example: time − 1920
  const lake = join(tmp, "lakehuron-t.csv");
  const future = join(tmp, "lakehuron-newx.csv");
  const scenario = join(tmp, "scenario.json");
  const lines = readFileSync(join(FIXTURES, "lakehuron.csv"), "utf8").trim().split("\n").slice(1);
  writeFileSync(lake, `year,level,t\n${lines.map((l) => `${l},${Number(l.split(",")[0]) - 1920}`).join("\n")}\n`);
  writeFileSync(future, `year,t\n${[1973, 1974, 1975, 1976, 1977].map((y) => `${y},${y - 1920}`).join("\n")}\n`);
  writeFileSync(scenario, JSON.stringify({ name: "trend", columns: { t: { growth: 0.02, sd: 0.01 } }, draws: 2000 }));

  it("ARIMA(2,0,0) + xreg: coefficients, loglik, AIC and the 5-step forecast with 80/95 % limits (1e-4)", async () => {
    const r = await json([
      "forecast",
      "arimax",
      "--input",
      lake,
      "--y",
      "level",
      "--order",
      "2,0,0",
      "--xreg",
      "t",
      "--newx",
      future,
      "--h",
      "5",
    ]);
    const c = r.coefficients;
    expectClose(c.ar1, 1.0048037, rel(1e-4));
    expectClose(c.ar2, -0.2913198, rel(1e-4));
    expectClose(c.intercept, 579.0993448, rel(1e-4));
    expectClose(c.t, -0.0215688, rel(1e-4));
    expectClose(r.sigma2, 0.4566186, rel(1e-4));
    expectClose(r.loglik, -101.1983, rel(1e-4));
    expectClose(r.aic, 212.3965, rel(1e-4));
    const mean = [579.397165, 578.8050541, 578.367884, 578.0949277, 577.9418367];
    const lower95 = [578.044862, 576.8880098, 576.2187852, 575.8688882, 575.6956727];
    const upper80 = [580.2813884, 580.0585419, 579.7731042, 579.5504567, 579.4105244];
    for (let s = 0; s < 5; s++) {
      expect(r.forecast[s].step).toBe(s + 1);
      expect(r.forecast[s].year).toBe(1973 + s);
      expectClose(r.forecast[s].mean, mean[s] as number, rel(1e-4));
      expectClose(r.forecast[s].lower95, lower95[s] as number, rel(1e-4));
      expectClose(r.forecast[s].upper80, upper80[s] as number, rel(1e-4));
    }
  });

  it("a growth scenario gives a fan (quantiles increasing) beside the mean-path forecast", async () => {
    const r = await json([
      "forecast",
      "arimax",
      "--input",
      lake,
      "--y",
      "level",
      "--order",
      "2,0,0",
      "--xreg",
      "t",
      "--scenario",
      scenario,
      "--h",
      "4",
    ]);
    expect(r.scenario.name).toBe("trend");
    expect(r.scenario.fan).toHaveLength(4);
    for (const f of r.scenario.fan)
      expect(f.p025 < f.p10 && f.p10 < f.p50 && f.p50 < f.p90 && f.p90 < f.p975).toBe(true);
    expect(r.forecast[0].xreg[0]).toBeCloseTo(52 * 1.02, 10);
  });

  it("forecast bayes: Bayesian ARX(2) with the scenario, seeded predictive quantiles in order", async () => {
    const args = ["forecast", "bayes", "--input", lake, "--y", "level", "--xreg", "t", "--p", "2", "--d", "0"];
    const r = await json([...args, "--scenario", scenario, "--h", "3", "--draws", "2000"]);
    expect(r.coefficients.map((c: { name: string }) => c.name)).toEqual(["(Intercept)", "ar1", "ar2", "t"]);
    for (const f of r.forecast)
      expect(f.q025 < f.q10 && f.q10 < f.median && f.median < f.q90 && f.q90 < f.q975).toBe(true);
    const again = await json([...args, "--scenario", scenario, "--h", "3", "--draws", "2000"]);
    expect(again.forecast).toEqual(r.forecast);
    expect(r.algorithm).toBe("xoshiro128**");
  });

  it("xreg without future values, or a bad scenario document, is a coded error", async () => {
    const none = await cli(["forecast", "arimax", "--input", lake, "--y", "level", "--order", "2,0,0", "--xreg", "t"]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/required_by_model|newx/);
    const bad = join(tmp, "bad-scenario.json");
    writeFileSync(bad, JSON.stringify({ columns: { t: { growth: "fast" } } }));
    const r = await cli(["forecast", "arimax", "--input", lake, "--y", "level", "--xreg", "t", "--scenario", bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/invalid_value/);
    expect(r.stderr).toMatch(/columns\.t\.growth/);
  });
});

describe("shushi productivity tfp | capital (spec §9.4 and §8.1 known answers)", () => {
  it("Törnqvist: Y 100→106, K 300→327, L 50→50.5, s_K 0.42→0.38 → Δln A = 0.017828", async () => {
    const file = join(tmp, "tfp.csv");
    writeFileSync(file, "year,Y,K,L,labsh\n2020,100,300,50,0.58\n2021,106,327,50.5,0.62\n");
    const r = await json([
      "productivity",
      "tfp",
      "--input",
      file,
      "--output",
      "Y",
      "--capital",
      "K",
      "--labour",
      "L",
      "--labour-share",
      "labsh",
    ]);
    expect(r.periods).toHaveLength(1);
    expect(r.periods[0].year).toBe(2021);
    expectClose(r.periods[0].tfp_growth, 0.017828, { atol: 5e-7 });
    expectClose(r.periods[0].capital_share, 0.4, { rtol: 1e-12 });
  });

  it("PIM: I = 100, 110, 121, 133.1, δ = 0.1, g = 0.1 → K = 500, 560, 625, 695.6", async () => {
    const file = join(tmp, "pim.csv");
    writeFileSync(file, "year,I,L\n2020,100,10\n2021,110,10\n2022,121,10.5\n2023,133.1,11\n");
    const r = await json([
      "productivity",
      "capital",
      "--input",
      file,
      "--investment",
      "I",
      "--delta",
      "0.1",
      "--g-window",
      "3",
      "--labour",
      "L",
    ]);
    const stock = r.years.map((y: { stock: number }) => y.stock);
    for (const [i, k] of [500, 560, 625, 695.6].entries()) expectClose(stock[i], k, { rtol: 1e-12 });
    // deepening by the growth-rate difference, 2022: 625/560 − 1 − (10.5/10 − 1)
    expectClose(r.years[2].deepening, 625 / 560 - 1 - 0.05, { rtol: 1e-12 });
  });

  it("PWT 10.01 China 2000–2019 runs from the raw file, beside PWT's own TFP index", async () => {
    const r = await json([
      "productivity",
      "tfp",
      "--input",
      join(FIXTURES, "pwt1001_china.csv"),
      "--output",
      "rgdpna",
      "--capital",
      "rnna",
      "--labour",
      "emp",
      "--labour-share",
      "labsh",
      "--compare",
      "rtfpna",
      "--from",
      "2000",
      "--to",
      "2019",
    ]);
    expect(r.periods).toHaveLength(19);
    for (const p of r.periods) expect(typeof p.compared_growth).toBe("number");
  });
});

describe("shushi stats panel (statsmodels on demeaned data, test/reference/statsmodels-panel)", () => {
  const ref = JSON.parse(readFileSync(join(ROOT, "test/reference/statsmodels-panel/panel.json"), "utf8"));
  const c = ref.cases[0] as {
    entities: string[];
    regions: string[];
    X: number[][];
    y: number[];
    fe_within: { params: number[]; cluster_entity: { bse: number[] } };
  };

  it(`${ref.cases[0].name}: FE (within) with errors clustered by entity — estimates and SEs to 1e-9`, async () => {
    const file = join(tmp, "panel.csv");
    writeFileSync(
      file,
      `entity,region,y,x1,x2\n${c.y.map((v, i) => [c.entities[i], c.regions[i], String(v), ...(c.X[i] ?? []).map(String)].join(",")).join("\n")}\n`,
    );
    const r = await json(["stats", "panel", "--input", file, "--y", "y", "--x", "x1,x2", "--entity", "entity"]);
    expect(r.coefficients.map((x: { name: string }) => x.name)).toEqual(["x1", "x2"]);
    for (let j = 0; j < 2; j++) {
      expectClose(r.coefficients[j].estimate, c.fe_within.params[j] as number, rel(1e-9));
      expectClose(r.coefficients[j].std_error, c.fe_within.cluster_entity.bse[j] as number, rel(1e-9));
    }
    expect(r.entities).toBe(31);
  });
});

describe("bad input: coded, located errors, never NaN", () => {
  const cars = join(FIXTURES, "cars.csv");

  it("an unknown column names the columns the file has (missing_column, exit 1)", async () => {
    const r = await cli(["stats", "ols", "--input", cars, "--y", "Dist", "--x", "speed", "--format", "json"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/missing_column/);
    expect(r.stderr).toMatch(/speed/);
  });

  it("a non-numeric cell is located at its row and column", async () => {
    const lines = readFileSync(cars, "utf8").trim().split("\n");
    lines[5] = "8,sixteen";
    const file = join(tmp, "cars-text.csv");
    writeFileSync(file, `${lines.join("\n")}\n`);
    const r = await cli(["stats", "ols", "--input", file, "--y", "dist", "--x", "speed", "--format", "json"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/non_numeric_cell/);
    expect(r.stderr).toMatch(/sixteen/);
  });

  it("perfectly collinear regressors are refused, naming the dependent column", async () => {
    const rows = readFileSync(cars, "utf8").trim().split("\n").slice(1);
    const file = join(tmp, "cars-collinear.csv");
    writeFileSync(file, `speed,dist,speed2\n${rows.map((r) => `${r},${2 * Number(r.split(",")[0])}`).join("\n")}\n`);
    const r = await cli(["stats", "ols", "--input", file, "--y", "dist", "--x", "speed,speed2", "--format", "json"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/singular_matrix/);
    // the pivoted QR takes speed2 (the larger column) first and finds speed dependent on it
    expect(r.stderr).toMatch(/speed/);
  });

  it("the log transform refuses a value ≤ 0 at its cell", async () => {
    const lines = readFileSync(cars, "utf8").trim().split("\n");
    lines[2] = "4,0";
    const file = join(tmp, "cars-zero.csv");
    writeFileSync(file, `${lines.join("\n")}\n`);
    const r = await cli(["stats", "ols", "--input", file, "--y", "dist", "--x", "speed", "--transform", "log"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/invalid_value/);
  });

  it("a missing year in a time series is refused (years_not_consecutive), not skipped", async () => {
    const lines = readFileSync(join(FIXTURES, "chickegg.csv"), "utf8").trim().split("\n");
    lines.splice(10, 1);
    const file = join(tmp, "chickegg-gap.csv");
    writeFileSync(file, `${lines.join("\n")}\n`);
    const r = await cli(["stats", "granger", "--input", file, "--y", "chicken", "--x", "egg", "--lags", "2"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/years_not_consecutive|1939/);
  });

  it("a constant series and too few observations are coded errors", async () => {
    const file = join(tmp, "constant.csv");
    writeFileSync(file, `year,a,b\n${Array.from({ length: 12 }, (_, i) => `${2000 + i},5,${i * i}`).join("\n")}\n`);
    const constant = await cli(["stats", "granger", "--input", file, "--y", "b", "--x", "a", "--lags", "1"]);
    expect(constant.code).toBe(1);
    expect(constant.stderr).toMatch(/invalid_argument|constant/);
    const short = await cli(["stats", "granger", "--input", file, "--y", "b", "--x", "a", "--lags", "5"]);
    expect(short.code).toBe(1);
    expect(short.stderr).toMatch(/too_few_observations|invalid_argument/);
  });

  it("--lags must be a whole number or auto", async () => {
    const r = await cli(["stats", "granger", "--input", cars, "--y", "dist", "--x", "speed", "--lags", "two"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/invalid_value/);
  });
});
