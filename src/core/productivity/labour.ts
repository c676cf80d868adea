/**
 * Labour productivity (全员劳动生产率), spec methods.md §4.1.
 */
import { CoreError } from "../errors.js";
import { type ProductivityDiagnostic, productivityDiagnostic, type YearSeries, yearMap } from "./codes.js";

/** Employment denominator: mean of year-end employment of t−1 and t, or year-end t only. */
export type EmploymentDenominator = "average" | "year_end";

export interface LabourProductivityOptions {
  /** GDP at constant prices by year, 亿元 (1e8 yuan) with the default `unitFactor` */
  readonly gdpConstant: YearSeries;
  /** year-end employment by year, 万人 (1e4 persons) with the default `unitFactor` */
  readonly employment: YearSeries;
  /** employment denominator @default "average" (NBS practice; spec §4.1) */
  readonly denominator?: EmploymentDenominator;
  /** official series (e.g. NBS communiqués), 元/人; the official value wins when both exist */
  readonly official?: YearSeries;
  /** relative difference above which `official_value_differs` is raised @default 0.005 */
  readonly tolerance?: number;
  /** multiplier from GDP-unit per employment-unit to the output unit @default 1e4 (亿元/万人 → 元/人) */
  readonly unitFactor?: number;
}

/** One year of {@link labourProductivity}. */
export interface LabourProductivityRow {
  readonly year: number;
  /** computed productivity, 元/人 (null when an input is missing) */
  readonly computed: number | null;
  /** the official value, if supplied */
  readonly official: number | null;
  /** the reported value: official when present, else computed */
  readonly value: number | null;
  readonly source: "computed" | "official" | "missing";
  /** (computed − official)/official, when both exist */
  readonly relativeDifference: number | null;
  /** the employment denominator used, 万人 */
  readonly employmentDenominator: number | null;
}

export interface LabourProductivityResult {
  /** one row per year of `gdpConstant` ∪ `official`, ascending */
  readonly rows: readonly LabourProductivityRow[];
  readonly denominator: EmploymentDenominator;
  /** missing_input, official_value_used (info), official_value_differs (warning) */
  readonly diagnostics: readonly ProductivityDiagnostic[];
}

/**
 * Labour productivity (全员劳动生产率): LP_t = GDP_t (constant prices) / employment denominator, with
 * the denominator (E_{t−1} + E_t)/2 ("average", NBS) or E_t ("year_end"), × `unitFactor` (1e4 turns
 * 亿元/万人 into 元/人). A year without GDP, E_t or (average) E_{t−1} is null with `missing_input`. When
 * an official value is supplied it is reported instead (`official_value_used`), and a relative
 * difference above `tolerance` (0.5 %) raises `official_value_differs`.
 *
 * @param options - {@link LabourProductivityOptions}
 * @returns `{rows: [{year, computed, official, value, source, relativeDifference, employmentDenominator}], denominator, diagnostics}`
 * @throws {CoreError} non_finite; invalid_argument (reason duplicate_year / year_not_integer; unknown
 *   denominator; tolerance < 0 or unitFactor ≤ 0); invalid_argument reason non_positive_level
 *   (an employment denominator ≤ 0)
 * @example
 * labourProductivity({ gdpConstant: [{ year: 2023, value: 1191037.3 }],
 *   employment: [{ year: 2022, value: 73351 }, { year: 2023, value: 74041 }] }).rows[0].computed;
 * // => 161614.9… (rounds to the NBS 2023 communiqué value; spec §4.1)
 * @see spec methods.md §4.1; NBS 2023年国民经济和社会发展统计公报 (2024-02-29).
 */
export function labourProductivity(options: LabourProductivityOptions): LabourProductivityResult {
  const fn = "labourProductivity";
  const denominator = options.denominator ?? "average";
  if (denominator !== "average" && denominator !== "year_end") {
    throw new CoreError("invalid_argument", {
      function: fn,
      option: "denominator",
      received: denominator,
      allowed: ["average", "year_end"],
    });
  }
  const tolerance = options.tolerance ?? 0.005;
  const unitFactor = options.unitFactor ?? 1e4;
  if (!(tolerance >= 0) || !Number.isFinite(tolerance))
    throw new CoreError("invalid_argument", { function: fn, option: "tolerance", received: tolerance });
  if (!(unitFactor > 0) || !Number.isFinite(unitFactor))
    throw new CoreError("invalid_argument", { function: fn, option: "unitFactor", received: unitFactor });
  const gdp = yearMap(options.gdpConstant, "gdpConstant", fn);
  const emp = yearMap(options.employment, "employment", fn);
  const off = yearMap(options.official ?? [], "official", fn);
  const years = [...new Set([...gdp.keys(), ...off.keys()])].sort((a, b) => a - b);
  const diagnostics: ProductivityDiagnostic[] = [];
  const rows: LabourProductivityRow[] = years.map((year) => {
    const y = gdp.get(year);
    const e1 = emp.get(year);
    const e0 = emp.get(year - 1);
    let computed: number | null = null;
    let den: number | null = null;
    if (y === undefined) {
      if (!off.has(year))
        diagnostics.push(productivityDiagnostic("missing_input", "warning", { year, missing: "gdp" }));
    } else if (e1 === undefined) {
      diagnostics.push(productivityDiagnostic("missing_input", "warning", { year, missing: "employment" }));
    } else if (denominator === "average" && e0 === undefined) {
      diagnostics.push(productivityDiagnostic("missing_input", "warning", { year, missing: "employment_previous" }));
    } else {
      den = denominator === "average" ? ((e0 as number) + e1) / 2 : e1;
      if (!(den > 0)) {
        throw new CoreError("invalid_argument", {
          function: fn,
          argument: "employment",
          reason: "non_positive_level",
          year,
          value: den,
        });
      }
      computed = (y / den) * unitFactor;
    }
    const official = off.get(year) ?? null;
    let relativeDifference: number | null = null;
    if (official !== null) {
      diagnostics.push(productivityDiagnostic("official_value_used", "info", { year }));
      if (computed !== null) {
        relativeDifference = (computed - official) / official;
        if (Math.abs(relativeDifference) > tolerance) {
          diagnostics.push(
            productivityDiagnostic("official_value_differs", "warning", {
              year,
              computed,
              official,
              relativeDifference,
              tolerance,
            }),
          );
        }
      }
    }
    const value = official ?? computed;
    return {
      year,
      computed,
      official,
      value,
      source: official !== null ? "official" : computed !== null ? "computed" : "missing",
      relativeDifference,
      employmentDenominator: den,
    };
  });
  return { rows, denominator, diagnostics };
}
