/**
 * Numeric cell parsing (数值单元格解析) for raw-table cells that must hold a number (IO matrices,
 * final demand, output, value added). Deliberately strict: anything that would need a guess is
 * `"invalid"`, so the caller reports `non_numeric_cell` with the cell's position.
 */

/**
 * Placeholders read as an empty cell (`null`): `""`, `-`, `－`, `—`, `——`, `–`, `…`, `...`
 * (Chinese statistical tables print `—`/`-` for "nil / not applicable" and `…` for "not available").
 * Whether an empty cell means 0 in a given position is the caller's decision, not this function's.
 */
export const EMPTY_PLACEHOLDERS: readonly string[] = ["", "-", "－", "—", "——", "–", "…", "……", "..."];

/**
 * Folds full-width ASCII forms (U+FF01–U+FF5E: `１２３．５`, `－`, `，`, `Ｅ`) to ASCII and U+3000 to a
 * space. Deliberately not NFKC: NFKC also turns circled numbers, superscripts and mathematical digits
 * into digits, so a footnote marker (`123①`) or `10²` would silently become another number (1231, 102).
 */
function foldFullWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e\u3000]/g, (ch) =>
    ch === "\u3000" ? " " : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

const PLAIN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/**
 * Parses the text of one numeric cell.
 *
 * Accepted (after trimming, including U+3000 and NBSP):
 * - plain decimals and scientific notation: `1234.5`, `-0.25`, `.5`, `5.`, `1.2E-05`, leading `+`;
 * - full-width digits, sign, point, comma and E (`１２３．５`, `－３`; only the full-width block
 *   U+FF01–U+FF5E is folded, not NFKC) and the minus sign U+2212 `−`;
 * - comma thousands separators in well-formed groups of three: `1,234.5`, `-12,345,678`.
 *
 * Returns `null` for an empty cell or one of {@link EMPTY_PLACEHOLDERS}.
 *
 * Rejected as `"invalid"` (never guessed): percentages (`12%` — a percent in a matrix cell is a
 * unit error, not a value to divide by 100), malformed groups (`1,23`, `12,3456` — could be a decimal
 * comma), decimal commas (`1,5`), accounting negatives `(123)`, spaces inside the number (`1 234`),
 * currency signs, `NaN`, `Infinity`, hex/binary literals, footnote markers and other compatibility
 * digits (`123①`, `10²`, `⑩`), and anything that overflows to ±∞ (`1e400`). `-0` is returned as `0`.
 *
 * @param text the raw cell text
 * @returns a finite number, `null` (empty), or `"invalid"`
 * @example
 * parseNumberCell("1,234.5") // => 1234.5
 * parseNumberCell("－１２") // => -12
 * parseNumberCell("—") // => null
 * parseNumberCell("12%") // => "invalid"
 */
export function parseNumberCell(text: string): number | null | "invalid" {
  const trimmed = text.trim();
  if (EMPTY_PLACEHOLDERS.includes(trimmed)) return null;
  const folded = foldFullWidth(trimmed)
    .replace(/\u2212/g, "-")
    .trim();
  if (EMPTY_PLACEHOLDERS.includes(folded)) return null;
  let plain: string;
  if (PLAIN.test(folded)) plain = folded;
  else if (GROUPED.test(folded)) plain = folded.replace(/,/g, "");
  else return "invalid";
  const value = Number(plain);
  if (!Number.isFinite(value)) return "invalid";
  return value === 0 ? 0 : value;
}
