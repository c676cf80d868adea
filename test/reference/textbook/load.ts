/**
 * Test-side loaders for the committed textbook inputs and reference JSON (tests may do I/O; src/core
 * may not). Every file read here is in the repository: the textbook tables in `data/` beside this file,
 * the transcribed known answers in `test/reference/known-answers/` (provenance in their READMEs).
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));

/** The committed textbook tables (byte copies; see `data/README.md`). */
export const TEXTBOOK_DATA_DIR = join(HERE, "data");

/** Parsed `test/reference/known-answers/io_known_answers.json` (transcribed published values; see its README). */
export function loadKnownAnswers(): Record<string, unknown> {
  return JSON.parse(readFileSync(join(HERE, "..", "known-answers", "io_known_answers.json"), "utf8")) as Record<
    string,
    unknown
  >;
}

/** Parsed `test/reference/textbook/textbook.json` (written by generate.py beside it). */
export function loadTextbookReference(): Record<string, unknown> {
  return JSON.parse(readFileSync(join(HERE, "textbook.json"), "utf8")) as Record<string, unknown>;
}

/**
 * Minimal RFC-4180 CSV parse (quoted fields, doubled quotes, CRLF) — enough for the small staged
 * textbook tables. The real importer is src/data/ingest/csv.ts (another module).
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** A committed textbook CSV (file name under `data/`) as header + rows keyed by the value of `keyColumn`. */
export function readTextbookCsv(
  fileName: string,
  keyColumn: string,
): { header: string[]; byKey: Map<string, string[]> } {
  const [header, ...rows] = parseCsv(readFileSync(join(TEXTBOOK_DATA_DIR, fileName), "utf8").replace(/^\uFEFF/, ""));
  if (!header) throw new Error(`empty CSV ${fileName}`);
  const k = header.indexOf(keyColumn);
  const byKey = new Map<string, string[]>();
  for (const r of rows) if (r.length > 1) byKey.set(r[k] as string, r);
  return { header, byKey };
}

/** Numeric block rows × columns of a keyed CSV (empty cell → 0). */
export function numericBlock(
  csv: { header: string[]; byKey: Map<string, string[]> },
  rowKeys: readonly string[],
  columns: readonly string[],
): number[][] {
  const ci = columns.map((c) => {
    const i = csv.header.indexOf(c);
    if (i < 0) throw new Error(`missing column ${c}`);
    return i;
  });
  return rowKeys.map((key) => {
    const r = csv.byKey.get(key);
    if (!r) throw new Error(`missing row ${key}`);
    return ci.map((i) => (r[i] === "" ? 0 : Number(r[i])));
  });
}
