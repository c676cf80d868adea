/**
 * Header-row detection shared by the CSV and XLSX readers: a grid of trimmed cell strings (title
 * rows, header, data), without interpretation.
 */

/** Number of non-empty cells in a row. */
export function nonEmptyCount(cells: readonly string[]): number {
  let n = 0;
  for (const c of cells) if (c !== "") n++;
  return n;
}

/** Index of the last non-empty cell + 1 (0 for an all-empty row). */
export function effectiveWidth(cells: readonly string[]): number {
  for (let i = cells.length - 1; i >= 0; i--) if (cells[i] !== "") return i + 1;
  return 0;
}

/** How many leading rows {@link findHeaderIndex} looks at to learn the table width. */
export const HEADER_SAMPLE_ROWS = 200;

/**
 * Finds the header among `rows` (all non-blank, in physical order) and returns its index, or -1.
 *
 * - With `requiredColumns` (non-empty): the first row in which some trimmed cell equals one of them
 *   exactly (case-sensitive).
 * - Otherwise: let M be the modal effective width (index of the last non-empty cell + 1) over the
 *   first {@link HEADER_SAMPLE_ROWS} rows whose effective width is ≥ 2 (title rows such as
 *   "单位：万元" have width 1 and do not vote). The header is the first row with at least
 *   max(2, ⌈M/2⌉) non-empty cells. When every row has width ≤ 1 the header is the first row.
 *   (This relaxes "non-empty count equals the modal width" so that an empty corner cell, or the
 *   gaps under merged group cells of a two-row XLSX header, do not hide the header.)
 */
export function findHeaderIndex(
  rows: readonly (readonly string[])[],
  requiredColumns: readonly string[] | undefined,
): number {
  if (rows.length === 0) return -1;
  if (requiredColumns !== undefined && requiredColumns.length > 0) {
    const wanted = new Set(requiredColumns.map((c) => c.trim()));
    return rows.findIndex((r) => r.some((c) => wanted.has(c)));
  }
  const freq = new Map<number, number>();
  let seen = 0;
  for (const r of rows) {
    if (seen >= HEADER_SAMPLE_ROWS) break;
    const w = effectiveWidth(r);
    if (w < 2) continue;
    seen++;
    freq.set(w, (freq.get(w) ?? 0) + 1);
  }
  if (freq.size === 0) return 0;
  let modal = 0;
  let best = -1;
  for (const [w, n] of freq) {
    if (n > best || (n === best && w > modal)) {
      modal = w;
      best = n;
    }
  }
  const need = Math.max(2, Math.ceil(modal / 2));
  return rows.findIndex((r) => nonEmptyCount(r) >= need);
}
