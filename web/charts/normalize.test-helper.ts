/**
 * Golden-snapshot normalisation (after Observable Plot `normalizeHtml`): numbers rounded to 3 decimals,
 * functions replaced by a marker, stable 2-space JSON.
 */
const LONG_DECIMAL = /-?\d+\.\d{4,}/g;

function round3(x: number): number {
  return Number.isInteger(x) ? x : Math.round(x * 1000) / 1000;
}

/** JSON of a chart option with numbers normalised to 3 decimals. */
export function normalizeOption(option: unknown): string {
  return `${JSON.stringify(
    option,
    (_key, value: unknown) => {
      if (typeof value === "function") return "[Function]";
      if (typeof value === "number") return round3(value);
      if (typeof value === "string") return value.replace(LONG_DECIMAL, (m) => String(round3(Number(m))));
      return value;
    },
    2,
  )}\n`;
}

/** Normalises numbers inside free text (HTML) the same way. */
export function normalizeText(text: string): string {
  return text.replace(LONG_DECIMAL, (m) => String(round3(Number(m))));
}
