/**
 * Every message code renders, in zh-CN and en, with the params its emitters really send: (1) params
 * collected by running the real emitters (core functions on failing inputs, the data readers on the
 * bad-file fixtures), and (2) a table of example params per code, type-checked against the param
 * maps, for codes no cheap input reaches. Asserts no "?" placeholder, no undefined/NaN, and no English
 * prose in the zh-CN text.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { reproduceIoSeedFigures } from "../app/reproduction.js";
import { digitalisationElasticities, elasticityWindowMeans } from "../core/costbenefit/elasticity.js";
import { type FinancialRow, sectorRatios, tierAverages } from "../core/costbenefit/ratios.js";
import { ratioRegression } from "../core/costbenefit/regression.js";
import { type Diagnostic, diagnostic } from "../core/diagnostics.js";
import { type CoreErrorCode, isCoreError } from "../core/errors.js";
import { interpolateCoefficients, ras } from "../core/io-analysis/annualise.js";
import { technicalCoefficients } from "../core/io-analysis/coefficients.js";
import { groupLinkages } from "../core/io-analysis/group.js";
import type { IoTable } from "../core/io-analysis/io-table.js";
import { leontiefInverse } from "../core/io-analysis/leontief.js";
import { linkages } from "../core/io-analysis/linkages.js";
import { spectralParams } from "../core/io-analysis/productivity.js";
import { choleskyDecompose } from "../core/linalg/cholesky.js";
import { luDecompose } from "../core/linalg/lu.js";
import { fromRows, matrix } from "../core/linalg/matrix.js";
import { spectralRadiusNonnegative } from "../core/linalg/spectral.js";
import { spearmanCorrelation } from "../core/stats/rank-correlation.js";
import { sumCheck, tierStructure } from "../core/tiers/structure.js";
import type { CaveatCode, DataIssue, DataIssueCode, DatasetCaveat } from "../data/index.js";
import {
  readGenericTable,
  readShippedDataset,
  readTabularFile,
  SHIPPED_DATASETS,
  shippedDataset,
} from "../data/index.js";
import { CORE_ERROR_CODES, DATA_ISSUE_CODES, DIAGNOSTIC_CODES } from "./codes.js";
import type { CoreErrorParams, DataIssueParams, DiagnosticParams } from "./families/index.js";
import type { Lang } from "./format.js";
import { catalog, renderCaveat, renderReproductionRow } from "./index.js";
import { MESSAGE_KEYS, placeholders, template } from "./messages.js";
import { isReasonCode } from "./reasons.js";

const LANGS: readonly Lang[] = ["zh-CN", "en"];
/** Typed example params as the plain record the catalogs receive from emitters. */
const asParams = (p: object): Readonly<Record<string, unknown>> => p as Readonly<Record<string, unknown>>;

/**
 * ASCII words allowed in zh-CN text, besides tokens taken from the params (codes, names, values the
 * user sent) and identifiers (snake_case, digits, paths, `--flags`, `code spans`):
 * acronyms of formats, statistics bodies and methods (IO, RAS, CSV, XLSX, UTF, GB18030 as GB,
 * OECD, WIOD, NBS, URL, API, GET, GDP, USD, ISIC), software and people's names that have no Chinese
 * form in use (TypeScript, OpenBLAS, LU, QR, Cholesky, Collatz–Wielandt), the formula symbols
 * max/diag, the OECD row codes IMPO/VALU that the caveats quote, Sobol (sensitivity indices), TOPSIS,
 * CRITIC and PCA (weighting methods, no settled Chinese short form), the unit MB, and in econometrics
 * the names of tests, criteria and reference software (ADF, KPSS, ARIMA, AIC, BIC, AICc, HQ, FPE, HC,
 * MacKinnon, Schwert, Newey, West, White, statsmodels, R), TFP and the estimation terms CSS, ML, Hessian.
 */
const ALLOWED = new Set(
  "IO RAS CSV XLSX ZIP UTF GB OECD WIOD NBS URL API GET GDP USD TypeScript OpenBLAS LU QR Cholesky Collatz Wielandt max diag IMPO VALU YYYY-MM-DD Sobol TOPSIS CRITIC PCA MB ADF KPSS ARIMA ARIMAX AIC BIC AICc HQ FPE HC MacKinnon Schwert Newey West White statsmodels TFP CSS ML Hessian".split(
    " ",
  ),
);

function paramTokens(value: unknown, out: Set<string>): Set<string> {
  if (typeof value === "string") for (const w of value.match(/[A-Za-z][A-Za-z0-9_.-]*/g) ?? []) out.add(w);
  else if (Array.isArray(value)) for (const v of value) paramTokens(v, out);
  else if (typeof value === "object" && value !== null) for (const v of Object.values(value)) paramTokens(v, out);
  return out;
}

/** ASCII words in a zh-CN text that are neither allowed nor taken from the params. */
function englishWords(text: string, params: unknown): string[] {
  const fromParams = paramTokens(params, new Set());
  const stripped = text
    .replace(/`[^`]*`/g, " ")
    .replace(/--[a-z-]+/g, " ")
    .replace(/\?[a-z]+=\S*/g, " ")
    .replace(/\S*[/\\]\S*/g, " ");
  return (stripped.match(/[A-Za-z][A-Za-z0-9_*.-]*/g) ?? []).filter(
    (w) =>
      !ALLOWED.has(w) &&
      !fromParams.has(w) &&
      !/[0-9_*]/.test(w) && // codes such as S20, fd_*, zero_column, GB18030
      !/^[A-Z]$/.test(w) && // matrix symbols A, L, Z, I, H
      !/^[a-z]$/.test(w), // x, n, m in formulas
  );
}

function expectClean(text: string, lang: Lang, params: unknown, label: string): void {
  expect(text, label).not.toMatch(/(^|[^?])\?($|[^a-z=])/); // a "?" placeholder (not ?group= in a URL)
  expect(text, label).not.toMatch(/undefined|NaN|\[object Object\]/);
  if (lang === "zh-CN") {
    expect(englishWords(text, params), `${label}: ${text}`).toEqual([]);
    expect(text, label).toMatch(/\p{Script=Han}/u);
  }
}

// ---- (1) params from the real emitters ----------------------------------------------------------

function thrown(f: () => unknown): { code: CoreErrorCode; params: Readonly<Record<string, unknown>> } {
  try {
    f();
  } catch (e) {
    if (isCoreError(e)) return { code: e.code, params: e.params };
    throw e;
  }
  throw new Error("expected a CoreError");
}

const productive = fromRows([
  [0.2, 0.3],
  [0.1, 0.4],
]);
const table = (Z: number[][], x: number[]): IoTable => ({
  sectors: x.map((_, k) => ({ code: `S${k + 1}` })),
  Z: fromRows(Z),
  finalDemand: fromRows(x.map((v) => [v / 2])),
  finalDemandCodes: ["fd"],
  output: Float64Array.from(x),
});

function realCoreErrors(): { code: CoreErrorCode; params: Readonly<Record<string, unknown>> }[] {
  return [
    thrown(() => matrix(2, 2, new Float64Array(3))),
    thrown(() => luDecompose(fromRows([[1, 2]]))),
    thrown(() =>
      luDecompose(
        fromRows([
          [1, Number.NaN],
          [0, 1],
        ]),
      ),
    ),
    thrown(() =>
      luDecompose(
        fromRows([
          [1, 2],
          [2, 4],
        ]),
      ),
    ),
    thrown(() => luDecompose(productive, { singularTolerance: -1 })),
    thrown(() => spectralRadiusNonnegative(productive, { maxIterations: 0 })),
    thrown(() =>
      spectralRadiusNonnegative(
        fromRows([
          [0, -1],
          [0, 0],
        ]),
      ),
    ),
    thrown(() =>
      leontiefInverse(
        fromRows([
          [0.9, 0.5],
          [0.5, 0.9],
        ]),
      ),
    ),
    thrown(() =>
      technicalCoefficients(
        fromRows([
          [1, -1],
          [0, 1],
        ]),
        [2, 2],
      ),
    ),
    thrown(() =>
      technicalCoefficients(
        fromRows([
          [1, 0],
          [0, 0],
        ]),
        [2, 0],
        { zeroOutput: "error" },
      ),
    ),
    thrown(() =>
      groupLinkages(
        table(
          [
            [1, 1],
            [1, 1],
          ],
          [4, 4],
        ),
        [],
      ),
    ),
    thrown(() =>
      groupLinkages(
        table(
          [
            [1, 1],
            [1, 1],
          ],
          [4, 4],
        ),
        ["S1", "S1"],
      ),
    ),
    thrown(() =>
      groupLinkages(
        table(
          [
            [1, 1],
            [1, 1],
          ],
          [4, 4],
        ),
        ["S1", "S2"],
      ),
    ),
    thrown(() =>
      groupLinkages(
        table(
          [
            [1, 1],
            [1, 1],
          ],
          [4, 4],
        ),
        ["S9"],
      ),
    ),
    thrown(() =>
      linkages(
        table(
          [
            [1, 1],
            [1, 1],
          ],
          [4, 4],
        ),
        { flows: "domestic" },
      ),
    ),
    thrown(() =>
      linkages(
        table(
          [
            [1, 1],
            [1, 1],
          ],
          [4, 4],
        ),
        { variant: "nope" as "leontief" },
      ),
    ),
    thrown(() =>
      ras(
        fromRows([
          [1, 2],
          [3, 4],
        ]),
        [10, 1],
        [1, 10],
        { maxIterations: 1 },
      ),
    ),
    thrown(() =>
      ras(
        fromRows([
          [0, 0],
          [3, 4],
        ]),
        [1, 7],
        [3, 5],
      ),
    ),
    thrown(() => spearmanCorrelation([1], [2])),
    thrown(() => spearmanCorrelation([1, 1, 1], [1, 2, 3])),
    thrown(() => spearmanCorrelation([1, 2], [1])),
    thrown(() =>
      choleskyDecompose(
        fromRows([
          [1, 2],
          [2, 1],
        ]),
      ),
    ),
    thrown(() => interpolateCoefficients(productive, 2015, productive, 2015.5, 2015)),
    thrown(() => tierStructure({ membership: ["a"], years: [2021, 2020], values: [[1], [2]] })),
    thrown(() => tierStructure({ membership: ["a", "b"], years: [2020], values: [[1, 2]] }, { tierOrder: ["a"] })),
    thrown(() => sumCheck([1], 100, -1)),
    thrown(() => sectorRatios([FIRM, FIRM])),
    thrown(() => tierAverages([], {}, { method: "median" as never })),
    thrown(() => ratioRegression([], { years: { from: 2020, to: 2013 } })),
    thrown(() => ratioRegression([], { form: "probit" as never })),
    thrown(() => digitalisationElasticities([], { minSectors: 2 })),
    thrown(() => elasticityWindowMeans([], [{ from: 2020, to: 2013 }])),
  ];
}

/** The spec §7.6 fixture firm (cost–benefit emitters). */
const FIRM: FinancialRow = {
  firmId: "f1",
  year: 2023,
  sector: "S20",
  revenueMain: 1000,
  costMain: 800,
  sellingExp: 50,
  adminExp: 40,
  rdExp: 20,
  financialExp: 10,
  totalProfit: 70,
};

function realCostBenefitDiagnostics(): Diagnostic[] {
  const ratios = sectorRatios([
    { ...FIRM, sector: "S01", revenueMain: 0, costMain: -100, sellingExp: 0, adminExp: 0, rdExp: 0, financialExp: 0 },
    { ...FIRM, firmId: "f2", adminExp: 10, rdInAdmin: true },
    { ...FIRM, firmId: "f3", sector: "S42" },
  ]);
  const panel = [2012, 2013, 2014, 2015].flatMap((year, t) =>
    ["S01", "S02", "S03"].map((sector, j) => ({
      sector,
      year,
      ratio: 0.7 + 0.01 * j - 0.005 * t * j,
      digitalInput: sector === "S01" && year === 2014 ? 0 : 0.01 * (j + 1) * (1 + 0.1 * t * t),
    })),
  );
  const elasticityRows = [1, 2, 3, 4].map((j) => ({
    sector: `S0${j}`,
    year: 2013,
    digitalInput: 0.01 * j,
    revenue: 100,
    costs: { sales: j === 1 ? -1 : j, financial: 1 },
  }));
  const constantDi = [1, 2, 3, 4, 5].map((j) => ({
    sector: `S0${j}`,
    year: 2014,
    digitalInput: 0.05,
    revenue: 100,
    costs: { sales: j, financial: j === 1 ? -50 : 1 },
  }));
  const cross = digitalisationElasticities([...elasticityRows, ...constantDi], { components: ["sales"] });
  return [
    ...tierStructure({
      membership: ["a", "b"],
      years: [2019, 2020, 2021, 2022],
      values: [
        [0, 0],
        [1, 2],
        [2, 1],
        [1, 1],
      ],
    }).diagnostics,
    ...sumCheck([43.6, 17.65, 24.94, 12.61, 2.43], 100, 0.025, "contribution_2024").diagnostics,
    ...sumCheck([33.3, 33.3, 33.3]).diagnostics,
    ...ratios.diagnostics,
    ...tierAverages(ratios.sectors, { S01: "low", S20: "high" }).diagnostics,
    ...ratioRegression(panel, { years: { from: 2013, to: 2015 } }).diagnostics,
    ...cross.diagnostics,
    ...digitalisationElasticities([...elasticityRows, ...constantDi], { method: "arc", components: ["financial"] })
      .diagnostics,
    ...elasticityWindowMeans(cross.annual, [{ from: 2013, to: 2015 }]).diagnostics,
  ];
}

function realDiagnostics(): Diagnostic[] {
  const notConverged = spectralRadiusNonnegative(
    fromRows([
      [0, 0.5],
      [0.5, 0],
    ]),
    { maxIterations: 1 },
  );
  return [
    ...leontiefInverse(
      fromRows([
        [0.2, 0.3],
        [0.9, 0.4],
      ]),
    ).diagnostics,
    ...linkages(
      table(
        [
          [1, 1],
          [1, 1],
        ],
        [4, 4],
      ),
    ).diagnostics,
    ...technicalCoefficients(
      fromRows([
        [1, 0],
        [0, 0],
      ]),
      [2, 0],
      { zeroOutput: "zero_column" },
    ).diagnostics,
    ...interpolateCoefficients(productive, 2015, productive, 2017, 2016).diagnostics,
    ...ras(
      fromRows([
        [1, 2],
        [3, 4],
      ]),
      [3, 7],
      [4, 7],
    ).diagnostics,
    ...ras(
      fromRows([
        [1, 2],
        [3, 4],
      ]),
      [3, 7],
      [4, 8],
    ).diagnostics,
    ...leontiefInverse(productive, { backend: { name: "test", inverse: (m) => luInverseOf(m) } }).diagnostics,
    diagnostic("spectral_radius", "info", spectralParams(notConverged)),
    ...realCostBenefitDiagnostics(),
  ];
}

function luInverseOf(m: import("../core/linalg/matrix.js").Matrix) {
  const d = m.data as Float64Array;
  const [a, b, c, e] = [d[0] as number, d[1] as number, d[2] as number, d[3] as number];
  const det = a * e - b * c;
  return fromRows([
    [e / det, -b / det],
    [-c / det, a / det],
  ]);
}

async function realDataIssues(): Promise<DataIssue[]> {
  const dir = join(import.meta.dirname, "../../test/fixtures/bad");
  const out: DataIssue[] = [];
  for (const name of readdirSync(dir)) {
    const bytes = new Uint8Array(readFileSync(join(dir, name)));
    const raw = await readTabularFile(bytes, { file: name });
    if (!raw.ok) {
      out.push(...raw.issues);
      continue;
    }
    const r = readGenericTable(raw.value);
    out.push(...(r.ok ? r.warnings : r.issues));
  }
  const xls = await readTabularFile(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]), { file: "old.xls" });
  if (!xls.ok) out.push(...xls.issues);
  return out;
}

// ---- (2) example params, checked against the param maps -----------------------------------------

type Examples<P> = { readonly [K in keyof P]: readonly P[K][] };

const CORE_EXAMPLES: Examples<CoreErrorParams> = {
  dimension_mismatch: [
    { function: "inverse", backend: "openblas", expected: 3, received: 2 },
    { function: "fromRows", argument: "rows", row: 1, expected: 2, received: [2, 1] },
  ],
  invalid_argument: [
    { option: "imports", received: "domestic", table: "cn-nbs-io-2015-42", reason: "no_domestic_flows" },
    { option: "table", received: "cn-x", expected: "io_table", reason: "not_io_table", kind: "time_series" },
    { option: "table", received: "cn-x", reason: "no_store" },
    { option: "family", received: "x", expected: ["nbs", "oecd"] },
    { function: "openblas.inverse", backend: "openblas", info: -4 },
    { function: "linkages", argument: "x", index: 1, value: -2, expected: ">= 0" },
    { function: "linkages", argument: "A", reason: "zero_output_column_nonzero", sector: 1, row: 0 },
    { function: "checkNonnegative", reason: "negative_entry", row: 0, col: 1, value: -1 },
    { function: "aggregateTable", argument: "mapping", reason: "sector_not_mapped", code: "S03" },
    { function: "linkages", reason: "no_positive_output", n: 3 },
    { function: "linkages", option: "alpha", received: "output", reason: "weights_not_positive", sum: 0 },
    { function: "ras", argument: "v", reason: "targets_not_rescalable", sumU: 1, sumV: 0 },
    { function: "annualSeries", argument: "years", reason: "outside_table_years", year: 2030, from: 2015, to: 2020 },
    { function: "matrix", rows: -1, cols: 2 },
    { function: "ras", option: "tolerance", received: 0, tolerance: 0 },
    { function: "choleskyDecompose", argument: "A", reason: "not_symmetric", row: 0, col: 1, difference: 0.5 },
  ],
  non_finite: [
    { function: "openblas.solve", argument: "b", index: 3 },
    { function: "checkFiniteMatrix", argument: "Z", row: 1, col: 0, value: Number.POSITIVE_INFINITY },
  ],
  not_square: [{ function: "openblas.inverse", argument: "m", rows: 2, cols: 3 }],
  singular_matrix: [
    { function: "openblas.inverse", backend: "openblas", step: 4 },
    { function: "luDecompose", step: 1, pivot: 0, tolerance: 1e-14 },
    { function: "qrSolve", rank: 2, cols: 3 },
    { function: "ols", reason: "collinear_columns", rank: 2, cols: 3, columns: ["x2"] },
    { function: "varLagSelection", reason: "residual_covariance_singular" },
  ],
  not_positive_definite: [{ function: "choleskyDecompose", argument: "A", index: 1, pivot: -3 }],
  too_few_observations: [
    { function: "ioSeries", family: "oecd", received: 0, required: 1 },
    { function: "annualSeries", argument: "tables", received: 0, required: 1 },
  ],
  not_productive: [
    {
      function: "checkProductive",
      argument: "A",
      reason: "spectral_radius_ge_one",
      spectralRadius: 1.2,
      lower: 1.1,
      upper: 1.3,
    },
    { function: "checkProductive", argument: "A", reason: "negative_coefficient", row: 0, col: 1, value: -0.1 },
    {
      function: "linkages",
      argument: "I-A",
      reason: "column_sums_not_positive",
      sector: 1,
      value: -2,
      spectralRadius: 1,
    },
  ],
  negative_flow: [{ function: "ras", argument: "Z0", row: 0, col: 1, value: -2 }],
  zero_output: [{ function: "linkages", sectors: [2], policy: "error" }],
  unknown_sector: [{ function: "resolveGroup", code: "S99", available: ["S01", "S02", "…"] }],
  invalid_group: [
    { function: "resolveGroup", group: "digital", reason: "digital_not_found", codes: [] },
    { function: "resolveGroup", codes: ["S01", "S02"], size: 2, n: 2 },
    { function: "groupLinkages", reason: "duplicate", code: "S01" },
    { function: "groupLinkages", reason: "all_sectors", method: "two_block", size: 2 },
  ],
  ras_not_converged: [{ function: "ras", iterations: 1000, maxDeviation: 0.03, tolerance: 1e-10, threshold: 1e-9 }],
  ras_infeasible: [{ function: "ras", axis: "column", index: 1, target: 5, iteration: 3 }],
};

const DIAGNOSTIC_EXAMPLES: Examples<DiagnosticParams> = {
  condition_estimate: [
    { estimate: 12.5, norm: 1, method: "exact_from_column_sums", matrix: "I-H" },
    { estimate: 3.5, norm: 1, method: "exact_from_inverse" },
    { estimate: 456.2, norm: 2, method: "jacobi_svd", matrix: "X" },
  ],
  ill_conditioned: [
    { estimate: 3e9, threshold: 1e8, matrix: "I-A" },
    { estimate: 4.9e9, threshold: 1e8, matrix: "X" },
  ],
  spectral_radius: [
    {
      value: 0.61,
      lower: 0.6,
      upper: 0.62,
      iterations: 1000,
      converged: false,
      method: "collatz_wielandt_power_iteration",
      matrix: "I-A",
    },
  ],
  inverse_residual: [{ value: 2e-15, threshold: 1e-9, method: "solve", matrix: "I-A" }],
  backend_fallback: [{ reason: "native_unavailable", detail: "addon not built" }],
  backend_used: [{ backend: "openblas" }],
  column_sum_ge_one: [{ sector: 3, columnSum: 1.02, matrix: "I-A" }],
  zero_output_sectors: [
    { sectors: [44], policy: "zero_column", codes: ["45"], matrix: "I-A" },
    { sectors: [1], policy: "zero_column", scope: "group_weights" },
  ],
  interpolated: [
    { from: 2018, to: 2020, method: "interpolate_A_two_block" },
    { from: 2015, to: 2017, year: 2016, weight: 0.5, method: "linear" },
  ],
  extrapolated_hold: [{ from: 2020, to: 2023 }],
  constant_indicator: [{ indicator: 2, group: 2021, value: 50, name: "宽带" }, { indicator: 0 }],
  zero_column_sum: [{ indicator: 1 }, { indicator: 1, name: "x2" }],
  values_imputed: [
    { method: "linear_time", count: 3, indicators: ["gdp", "broadband"] },
    { method: "group_mean", count: 1 },
  ],
  values_winsorised: [{ count: 4, lower: 0.05, upper: 0.95 }],
  rebased_constant_prices: [{ column: "不变价国内生产总值(亿元)", years: [2016, 2021] }],
  disparity_undefined: [{ year: 2022, reason: "negative_value" }, { reason: "too_few_entities" }],
  sobol_not_converged: [{ factor: "weighting", runs: 100, firstOrderSe: 0.08, totalSe: 0.06, threshold: 0.05 }],
  no_dispersion_equal_weights: [{ method: "entropy", n: 4 }],
  coupling_undefined: [{ row: 3 }],
  small_sample: [{ dfDen: 6, threshold: 10, lags: 2, n: 11 }],
  perfect_fit: [{ rssUnrestricted: 1e-28, threshold: 1e-20, rssRestricted: 4.2 }],
  pvalue_clamped: [{ statistic: -25.1, min: -18.83, max: 2.74, pValue: 0 }],
  max_lags_truncated: [{ schwert: 9, maxLags: 4, n: 13 }],
  observations_dropped: [
    { count: 2, rows: [5, 9], n: 11 },
    { count: 25, rows: [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21], n: 30 },
  ],
  lag_order_raised: [{ criterion: "aic" }],
  draws_not_converged: [
    { quantity: "ar1", rhat: 1.02, essBulk: 350.5, essTail: 280.1, chains: 4 },
    { quantity: "y[3]", rhat: null, essBulk: null, essTail: null, chains: 4 },
  ],
  variance_rounded_to_zero: [{ coefficients: ["x1", "(Intercept)"], variances: [-1.2e-33, -4e-34] }],
  levels_unit_root: [{ column: "productivity", statistic: -1.2, pValue: 0.67 }],
  pvalue_smaller_than_reported: [{ statistic: 1.2, criticalValue: 0.739, pValue: 0.01 }],
  pvalue_greater_than_reported: [{ statistic: 0.05, criticalValue: 0.347, pValue: 0.1 }],
  lags_truncated: [{ rule: "legacy", requested: 7, lags: 5, n: 6 }],
  posterior_variance_undefined: [{ shape: 0.9 }],
  nonstationary_ar_mean: [{ spectralRadius: 1.02 }],
  monte_carlo_seed: [{ algorithm: "xoshiro128**", seed: 20250101, draws: 10000 }],
  not_converged: [
    { stage: "ml", iterations: 100, maxit: 100 },
    { stage: "css", iterations: 100, maxit: 100 },
  ],
  non_finite_gradient: [{ stage: "ml" }],
  non_stationary_ar: [{ minRootModulus: 0.98 }],
  non_invertible_ma: [{ minRootModulus: 0.7 }],
  css_ml_fallback_to_css: [{ minRootModulus: 0.99 }],
  transform_pars_disabled: [{}],
  hessian_not_positive_definite: [{}, { reason: "negative_variance" }],
  approximation_not_used: [{ n: 200 }],
  model_limit_reached: [{ nmodels: 94 }],
  singleton_entities: [{ count: 2, entities: ["110000", "120000"] }],
  high_vif: [{ column: "x3", vif: 135.5, threshold: 10 }],
  official_value_differs: [
    { year: 2012, computed: 80900, official: 69471, relativeDifference: 0.1645, tolerance: 0.005 },
  ],
  official_value_used: [{ year: 2023 }],
  missing_input: [
    { year: 2012, missing: "employment_previous" },
    { year: 2024, missing: "gdp" },
  ],
  negative_investment: [{ asset: "software", index: 3, value: -2.5 }],
  current_price_investment: [{ asset: "hardware" }],
  growth_window_truncated: [{ asset: "digital", requested: 5, used: 3 }],
  undefined_growth: [{ series: "capital", index: 0 }],
  averaging_window_truncated: [{ requested: 5, used: 3 }],
  output_growth_near_zero: [
    { index: 4, outputGrowth: 2e-7, threshold: 1e-6 },
    { outputGrowth: 0, threshold: 1e-6 },
  ],
  negative_output_growth: [{ index: 8, outputGrowth: -0.012 }],
  tfp_level_undefined: [{ group: "fusion", index: 2 }],
  cv_undefined: [{ mean: 0 }],
  negative_mean: [{ mean: -1.5 }],
  share_total_not_positive: [{ year: 2012, total: 0 }],
  total_change_zero: [{ year: 2021, totalChange: 0 }],
  negative_total_change: [{ year: 2020, totalChange: -3.5 }],
  sum_mismatch: [
    { sum: 101.23, expected: 100, difference: 1.23, tolerance: 0.025, count: 5, label: "contribution_2024" },
    { sum: 0.98, expected: 1, difference: -0.02, tolerance: 0.001, count: 3 },
  ],
  ratio_denominator_not_positive: [
    { sector: "S03", year: 2015, ratio: "cost_ratio", denominator: 0 },
    { sector: "S20", year: 2016, ratio: "profit_ratio", denominator: -2 },
  ],
  rd_in_admin: [{ count: 7, firms: ["600000", "600519", "000001", "000002", "000004", "000005", "000006"] }],
  rd_exceeds_admin: [
    { firm: "600519", sector: "S06", year: 2023, rdExp: 12, adminExp: 10 },
    { sector: "S06", year: 2023, rdExp: 12, adminExp: 10 },
  ],
  sector_without_tier: [{ count: 2, sectors: ["S41", "S42"] }],
  tier_without_sectors: [{ tier: "high", year: 2023, ratio: "profit_ratio" }],
  non_positive_rows_dropped: [
    { count: 3, n: 400, keys: ["S01/2013", "S02/2014", "S03/2015"] },
    { component: "financial", count: 12, n: 300, keys: ["S05/2013"] },
  ],
  observations_outside_window: [{ count: 42, from: 2013, to: 2023 }],
  elasticity_too_few_sectors: [{ component: "financial", year: 2013, count: 4, required: 5 }],
  elasticity_not_identified: [{ component: "production", year: 2016 }],
  aggregate_not_positive: [{ component: "management_rd", year: 2014 }],
  window_incomplete: [{ component: "sales", from: 2013, to: 2020, used: 7, expected: 8, missing: [2013] }],
  zero_output_variance: [{ runs: 1000 }],
  pca_first_component_not_unique: [{ lambda1: 2.0000000001, lambda2: 2 }],
  detailed_table_not_used: [
    { tableId: "cn-nbs-io-2012-139", year: 2012, reason: "group_method_not_invariant" },
    { tableId: "cn-nbs-io-2012-139", year: 2012, reason: "group_not_resolvable" },
  ],
  ras_converged: [{ iterations: 12, maxDeviation: 1e-12, tolerance: 1e-10 }],
  ras_targets_rescaled: [{ factor: 1.01, sumU: 100, sumV: 101 }],
  imbalance: [{ axis: "column", maxRelative: 0.02, sector: "S03" }],
};

const ISSUE_EXAMPLES: Examples<DataIssueParams> = {
  file_unreadable: [{ reason: "read_failed", detail: "EACCES" }, { reason: "not_zip" }],
  truncated_file: [{ reason: "short_last_row", cells: 2, expected: 5 }, { reason: "unterminated_quote" }],
  encoding_unrecognised: [
    { tried: ["utf-8", "gb18030"], reason: "binary_content" },
    { tried: ["utf-8", "gb18030"], reason: "invalid_bytes", offset: 1234, line: 17 },
  ],
  file_too_complex: [
    { limit: "merged_area", value: 17179869184, max: 100000, entry: "xl/worksheets/sheet1.xml" },
    { limit: "uncompressed_bytes", value: 838860800, max: 104857600 },
    { limit: "entity", value: 1, max: 0, entry: "xl/workbook.xml" },
    { limit: "memory", max: 768 },
    { limit: "parse_time", max: 60 },
  ],
  unit_not_currency: [{ unit: "percent", accepted: ["cny_yuan", "cny_10k", "usd_million"] }],
  header_not_found: [{ expected: ["code", "name", "output"], headerRow: 3 }],
  missing_column: [
    { column: "OUTPUT", reason: "missing_row" },
    { reason: "no_sector_columns" },
    { column: "gdp", available: ["year", "GDP"] },
  ],
  non_numeric_cell: [
    { value: "", reason: "empty_cell" },
    { value: "abc", block: "final_demand", category: "fd_c" },
    { value: "x", block: "value_added", row: "va_1" },
  ],
  not_square: [
    { block: "final", rows: 41, expected: 42 },
    { block: "imports", rows: 41, cols: 42, rowCodes: ["01"], colCodes: ["01"] },
    { rows: 3, cols: 4, sectors: 3, output: 3, finalDemandRows: 3 },
  ],
  duplicate_sector_code: [
    { code: "S01", firstColumn: 3 },
    { code: "S01", firstRow: 4 },
  ],
  negative_flow: [
    { value: -3, block: "imported", from: "S01", to: "S02" },
    { value: -1, from: "S01", to: "S01" },
  ],
  zero_output_with_inputs: [{ sector: "S05", inputs: 10, deliveries: 0, policy: "zero_column" }],
  not_productive: [{ spectralRadius: 1.05, lower: 1.04, upper: 1.06 }],
  out_of_balance: [
    { axis: "imports_row", sector: "S01", imbalance: 5, output: 100, relative: 0.05, tolerance: 1e-3 },
    { axis: "row", summary: true, sector: "S02", relative: 0.01, tolerance: 1e-3, absoluteTolerance: 0 },
    { axis: "total_input", summary: true, sector: null, relative: null, tolerance: 1e-3 },
  ],
  unknown_unit: [{ unit: "斤", known: ["cny_10k", "usd_million"] }],
  missing_unit: [{ expected: ["单位：万元", "unit: cny_10k"] }],
  sheet_not_found: [{ sheet: "表2", available: ["表1"] }],
  unknown_dataset: [{ id: "cn-x" }],
  dataset_exists: [{ id: "cn-x" }],
  invalid_value: [
    { value: "=C2*2", expected: "cached_formula_result" },
    { value: "-3", expected: "> 0 (log)" },
    { value: "999", expected: "empty", cells: 9, headerCells: 8 },
    { value: "", expected: "row_code" },
    { value: "fd_x", expected: "known_column" },
    { value: "7", expected: "empty_unnamed_column", header: "" },
    { value: ["01", "03"], expected: "nbs42_codes", vintage: "2012" },
    { value: null, expected: "nbs42_table" },
    { code: "05", value: "开采洗选", expected: "canonical_name", canonicalName: "煤炭采选产品" },
    { value: "X", expected: ["Domestic", "Imports"] },
    { block: "output", sector: "S01", value: -1, expected: ">= 0" },
  ],
  unknown_layout: [{ tried: ["nbs", "oecd", "generic"] }],
  unknown_region: [{ value: "火星" }],
  invalid_period: [{ value: "2020Q5", frequency: "quarterly" }],
  duplicate_observation: [{ entity: "110000", indicator: "gdp", period: "2020", firstRow: 2 }],
  duplicate_code: [
    { code: "A01", firstRow: 2 },
    { code: "gdp", firstColumn: 2 },
  ],
  missing_value: [{ column: "entity" }],
  invalid_date: [{ value: "2020/1/1" }],
  unknown_parent: [{ code: "A011", parent: "A09" }],
  concordance_weight_sum: [{ fromSystem: "nbs-42", fromCode: "01", sum: 0.9, tolerance: 1e-9, rows: [2, 3] }],
  concordance_unmapped: [{ fromSystem: "nbs-42", count: 2, codes: ["01", "02"] }],
  concordance_duplicate: [{ fromCode: "01", toCode: "A", count: 2, firstRow: 2 }],
  concordance_unknown_code: [{ system: "nbs-42", code: "99" }],
};

// ---- assertions ----------------------------------------------------------------------------------

/** The param names a code declares: union of the keys of its examples. */
function declaredKeys<P>(examples: Examples<P>, code: keyof P): Set<string> {
  return new Set((examples[code] as readonly object[]).flatMap((e) => Object.keys(e)));
}

function checkReal(kind: string, code: string, params: Readonly<Record<string, unknown>>, declared: Set<string>) {
  for (const key of Object.keys(params))
    expect(declared.has(key), `${kind} ${code} sends undeclared ${key}`).toBe(true);
  if (params.reason !== undefined)
    expect(isReasonCode(params.reason), `${code} reason ${String(params.reason)}`).toBe(true);
}

describe("message families", () => {
  it("render every core error code with example params in both languages", () => {
    for (const code of CORE_ERROR_CODES)
      for (const params of CORE_EXAMPLES[code])
        for (const lang of LANGS)
          expectClean(catalog(lang).coreError(code, asParams(params)), lang, params, `${lang} ${code}`);
  });

  it("render every core error that the core really throws, with declared params only", () => {
    const real = realCoreErrors();
    for (const e of real) {
      const declared = declaredKeys(CORE_EXAMPLES, e.code);
      checkReal("core error", e.code, e.params, declared);
      for (const lang of LANGS)
        expectClean(catalog(lang).coreError(e.code, e.params), lang, e.params, `${lang} real ${e.code}`);
    }
    expect(new Set(real.map((e) => e.code)).size).toBeGreaterThanOrEqual(12);
  });

  it("renders ras_not_converged with the iteration count the core sends", () => {
    const e = thrown(() =>
      ras(
        fromRows([
          [1, 2],
          [3, 4],
        ]),
        [10, 1],
        [1, 10],
        { maxIterations: 3 },
      ),
    );
    expect(e.code).toBe("ras_not_converged");
    expect(e.params.iterations).toBe(3);
    expect(catalog("en").coreError(e.code, e.params)).toContain("within 3 iterations");
    expect(catalog("zh-CN").coreError(e.code, e.params)).toContain("在 3 次迭代内未收敛");
  });

  it("render every diagnostic code, example and real, in both languages", () => {
    for (const code of DIAGNOSTIC_CODES)
      for (const params of DIAGNOSTIC_EXAMPLES[code])
        for (const lang of LANGS)
          expectClean(catalog(lang).diagnostic(code, asParams(params)), lang, params, `${lang} ${code}`);
    const real = realDiagnostics();
    for (const d of real) {
      checkReal("diagnostic", d.code, d.params, declaredKeys(DIAGNOSTIC_EXAMPLES, d.code));
      for (const lang of LANGS)
        expectClean(catalog(lang).diagnostic(d.code, d.params), lang, d.params, `${lang} real ${d.code}`);
    }
    expect(new Set(real.map((d) => d.code)).size).toBeGreaterThanOrEqual(9);
    // every code of the tier-structure and cost–benefit families is reached by a real emitter
    const reached = new Set(realCostBenefitDiagnostics().map((d) => d.code));
    expect([...reached].sort()).toEqual(
      [
        "share_total_not_positive",
        "total_change_zero",
        "negative_total_change",
        "sum_mismatch",
        "ratio_denominator_not_positive",
        "rd_in_admin",
        "rd_exceeds_admin",
        "sector_without_tier",
        "tier_without_sectors",
        "non_positive_rows_dropped",
        "observations_outside_window",
        "elasticity_too_few_sectors",
        "elasticity_not_identified",
        "aggregate_not_positive",
        "window_incomplete",
      ].sort(),
    );
  });

  it("says 'bounded in [lower, upper]' for a spectral radius whose iteration did not converge", () => {
    const params = DIAGNOSTIC_EXAMPLES.spectral_radius[0] as DiagnosticParams["spectral_radius"];
    expect(catalog("en").diagnostic("spectral_radius", asParams(params))).toContain("bounded in [0.6, 0.62]");
    expect(catalog("zh-CN").diagnostic("spectral_radius", asParams(params))).toContain("介于 0.6 与 0.62 之间");
    const settled = { ...params, converged: true };
    expect(catalog("en").diagnostic("spectral_radius", asParams(settled))).toContain("Spectral radius of A: 0.61");
  });

  it("render every data-issue code, example and real (bad-file fixtures), in both languages", async () => {
    for (const code of DATA_ISSUE_CODES)
      for (const params of ISSUE_EXAMPLES[code])
        for (const lang of LANGS)
          expectClean(catalog(lang).dataIssue(code, asParams(params)), lang, params, `${lang} ${code}`);
    const real = await realDataIssues();
    for (const i of real) {
      checkReal("issue", i.code, i.params, declaredKeys(ISSUE_EXAMPLES, i.code as DataIssueCode));
      for (const lang of LANGS) {
        expectClean(catalog(lang).dataIssue(i.code, i.params), lang, i.params, `${lang} real ${i.code}`);
        expectClean(catalog(lang).location(i.path), lang, i.path, `${lang} location`);
      }
    }
    expect(new Set(real.map((i) => i.code)).size).toBeGreaterThanOrEqual(10);
  });

  it("render every caveat of the shipped datasets in both languages", () => {
    const seen = new Set<CaveatCode>();
    for (const d of SHIPPED_DATASETS)
      for (const c of d.provenance.caveats as readonly DatasetCaveat[]) {
        seen.add(c.code);
        for (const lang of LANGS) expectClean(renderCaveat(c, lang), lang, c.params ?? {}, `${lang} ${c.code}`);
      }
    expect(seen.size).toBeGreaterThanOrEqual(15);
  });

  it("render the caveats of derived canonical tables (S22/S23 split, detailed table aggregated) in both languages", () => {
    const derived: DatasetCaveat[] = [
      { code: "nbs_s22_s23_split_by_detailed_shares", params: { detailedTable: "cn-nbs-io-2020-153", year: 2020 } },
      {
        code: "nbs_detailed_aggregated_to_42",
        params: { sectors: 139, concordance: "src/data/classification/nbs-detailed-42.ts" },
      },
    ];
    for (const c of derived)
      for (const lang of LANGS) expectClean(renderCaveat(c, lang), lang, c.params ?? {}, `${lang} ${c.code}`);
  });

  it("render every reason of the real seed-reproduction rows in both languages", async () => {
    const r = await reproduceIoSeedFigures((id) => {
      const dataset = shippedDataset(id);
      if (dataset === undefined) throw new Error(`no shipped dataset ${id}`);
      const read = readShippedDataset(dataset);
      if (!read.ok) throw new Error(id);
      return { meta: read.value.meta, table: read.value.table };
    });
    for (const row of r.rows) {
      const out = renderReproductionRow(row, "zh-CN");
      expectClean(out.reason_zh, "zh-CN", row.reason.params, `zh-CN ${row.key}`);
      expectClean(out.reason_en, "en", row.reason.params, `en ${row.key}`);
      expect(out.message).toBe(out.reason_zh);
    }
    expect(new Set(r.rows.map((x) => x.reason.code)).size).toBe(9);
  }, 60_000);

  it("interface strings: zh-CN and en templates have the same placeholders", () => {
    for (const key of MESSAGE_KEYS)
      expect(placeholders(template(key, "zh-CN")), key).toEqual(placeholders(template(key, "en")));
  });
});
