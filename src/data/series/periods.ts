/**
 * Periods of time series and panels (期间): annual `2023`, quarterly `2023Q1`, monthly `2023-01`.
 * `parsePeriod` accepts the usual spellings and returns the canonical form.
 */

/** Frequencies a series may have. */
export type Frequency = "annual" | "quarterly" | "monthly";

export const FREQUENCIES: readonly Frequency[] = ["annual", "quarterly", "monthly"];

/** A period in canonical form with its frequency and calendar year. */
export interface Period {
  /** `2023`, `2023Q1` or `2023-01` */
  readonly period: string;
  readonly frequency: Frequency;
  readonly year: number;
}

const QUARTER_ZH: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, "1": 1, "2": 2, "3": 3, "4": 4 };

function annual(y: number): Period {
  return { period: String(y), frequency: "annual", year: y };
}
function quarter(y: number, q: number): Period {
  return { period: `${y}Q${q}`, frequency: "quarterly", year: y };
}
function month(y: number, m: number): Period {
  return { period: `${y}-${String(m).padStart(2, "0")}`, frequency: "monthly", year: y };
}

function lastDayOfMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function matchPeriod(t: string, frequency: Frequency | undefined): Period | undefined {
  const a = t.match(/^(\d{4})(?:年|\.0+)?$/);
  if (a !== null) return annual(Number(a[1]));
  const q = t.match(/^(\d{4})\s*[-_ ]?\s*[Qq]([1-4])$/);
  if (q !== null) return quarter(Number(q[1]), Number(q[2]));
  const qz = t.match(/^(\d{4})年\s*第?([1-4一二三四])季度?$/);
  if (qz !== null) return quarter(Number(qz[1]), QUARTER_ZH[qz[2] as string] as number);
  const mo = t.match(/^(\d{4})(?:[-/.]|[Mm]|年)(\d{1,2})月?$/);
  if (mo !== null) {
    const k = Number(mo[2]);
    return k >= 1 && k <= 12 ? month(Number(mo[1]), k) : undefined;
  }
  const d = t.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (d === null || frequency === undefined) return undefined;
  const [y, mm, dd] = [Number(d[1]), Number(d[2]), Number(d[3])];
  if (mm < 1 || mm > 12 || dd !== lastDayOfMonth(y, mm)) return undefined;
  if (frequency === "monthly") return month(y, mm);
  if (frequency === "quarterly" && mm % 3 === 0) return quarter(y, mm / 3);
  return undefined;
}

/**
 * Parses a period cell (解析期间).
 *
 * Accepted: `2023`, `2023年`, `2023.0` (annual); `2023Q1`, `2023-Q1`, `2023 q1`, `2023年第一季度`,
 * `2023年1季度` (quarterly); `2023-01`, `2023-1`, `2023/01`, `2023M01`, `2023年1月` (monthly); an ISO
 * date `YYYY-MM-DD` only when `frequency` is declared and the date is the last day of a quarter
 * (quarterly) or of a month (monthly) — as in NBS downloads that date each quarter by its end.
 *
 * @param text the cell as written
 * @param frequency the declared frequency; when given, a period of another frequency is rejected
 * @returns the canonical period, or undefined when the text is not a period (of that frequency)
 * @example parsePeriod("2023年第一季度")?.period // => "2023Q1"
 */
export function parsePeriod(text: string, frequency?: Frequency): Period | undefined {
  const t = text.trim();
  const p = matchPeriod(t, frequency);
  if (p === undefined) return undefined;
  if (frequency !== undefined && p.frequency !== frequency) return undefined;
  return p;
}

/** Sort key of a canonical period: annual < quarters < months within a year, then by number. */
export function comparePeriods(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
