/**
 * Aligned plain-text tables for the terminal. Column widths count East Asian wide characters
 * (Chinese) as two cells, so zh-CN headers and names line up.
 */

/** Display width of a string in a monospace terminal (CJK and full-width forms count 2). */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp === 0 || (cp >= 0x300 && cp <= 0x36f) || cp === 0x200b) continue;
    const wide =
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) ||
      (cp >= 0x20000 && cp <= 0x3fffd);
    w += wide ? 2 : 1;
  }
  return w;
}

export type Align = "left" | "right";

function pad(s: string, width: number, align: Align): string {
  const gap = Math.max(0, width - displayWidth(s));
  return align === "right" ? " ".repeat(gap) + s : s + " ".repeat(gap);
}

/**
 * Renders rows as aligned columns separated by two spaces, with a header and a rule.
 * @param header column titles
 * @param rows cell strings
 * @param align per-column alignment (numbers right)
 */
export function renderTextTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly Align[],
): string {
  const widths = header.map((h, c) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[c] ?? ""))));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, c) => pad(cell, widths[c] ?? 0, align[c] ?? "left"))
      .join("  ")
      .replace(/\s+$/, "");
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  return `${[line(header), rule, ...rows.map(line)].join("\n")}\n`;
}

/** A decimal number as written in CSV (optionally negative, fraction, exponent); no leading `+`. */
const CSV_NUMBER = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** First characters a spreadsheet reads as the start of a formula (OWASP "CSV Injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field (RFC 4180 quoting), safe to open in Excel or WPS. A text cell starting with `=`, `+`,
 * `-`, `@`, tab or carriage return that is not a number gets a leading single quote and is quoted
 * (OWASP CSV Injection rule), so `=HYPERLINK(…)` or `+cmd|…` stay text; numbers, including negative
 * numbers and numeric strings such as `-1.5`, stay numbers.
 */
export function csvField(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  if (FORMULA_START.test(v) && !CSV_NUMBER.test(v)) return `"'${v.replace(/"/g, '""')}"`;
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** CSV text from a header and rows (LF line ends); every field goes through {@link csvField}. */
export function renderCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | null | undefined)[])[],
): string {
  return `${[header.map(csvField).join(","), ...rows.map((r) => r.map(csvField).join(","))].join("\n")}\n`;
}
