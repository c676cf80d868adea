/**
 * Text corpora (政策文本库): a manifest CSV (`id, title, issuer, doc_number, date, level, source_url,
 * file`) plus one text file per document (UTF-8 or GB18030, detected). The reader is pure: the caller
 * supplies `readText(file)` (the store's import resolves files beside the manifest).
 */

import { createHash } from "node:crypto";
import { decodeText } from "../ingest/encoding.js";
import type { RawTable } from "../ingest/raw-table.js";
import { type DataIssue, type DataResult, type IssuePath, issue } from "../issues.js";

/** Administrative level of an issuer. */
export const CORPUS_LEVELS = ["national", "provincial", "municipal", "county", "other"] as const;
export type CorpusLevel = (typeof CORPUS_LEVELS)[number];
const LEVEL_ALIASES: Readonly<Record<string, CorpusLevel>> = {
  国家: "national",
  中央: "national",
  省级: "provincial",
  省: "provincial",
  市级: "municipal",
  市: "municipal",
  县级: "county",
  县: "county",
  其他: "other",
};

export interface CorpusDocument {
  readonly id: string;
  readonly title: string;
  readonly issuer: string;
  readonly docNumber?: string;
  /** ISO date YYYY-MM-DD */
  readonly date: string;
  readonly level: string;
  readonly sourceUrl?: string;
  /** the text file as named in the manifest */
  readonly file: string;
  /** detected encoding of the text file */
  readonly encoding: string;
  readonly textSha256: string;
  readonly text: string;
}

const REQUIRED = ["id", "title", "issuer", "date", "level", "file"] as const;

export interface ReadCorpusOptions {
  /** the text of a document file named in the manifest, or undefined when it cannot be read */
  readonly readText: (file: string) => Uint8Array | undefined;
}

/**
 * Reads a corpus manifest and its texts (读取文本库), collecting every issue.
 * @returns the documents in manifest order, or the issues: missing columns or values, bad dates and
 *   levels, duplicate ids, file paths leaving the manifest's folder, unreadable or undecodable texts
 */
export function readCorpus(raw: RawTable, options: ReadCorpusOptions): DataResult<CorpusDocument[]> {
  const cols = new Map(raw.header.map((h, k) => [h.trim().toLowerCase(), k] as const));
  const at = (i: number, name?: string): IssuePath => {
    const k = name === undefined ? undefined : cols.get(name);
    return {
      file: raw.file,
      ...(raw.sheet !== undefined && { sheet: raw.sheet }),
      row: raw.rowNumbers[i] ?? raw.headerRow + i + 1,
      ...(k !== undefined && { column: k + 1, columnName: raw.header[k] as string }),
    };
  };
  const missing = REQUIRED.filter((c) => !cols.has(c));
  if (missing.length > 0)
    return {
      ok: false,
      issues: missing.map((column) => issue("missing_column", { file: raw.file, row: raw.headerRow }, { column })),
    };
  const issues: DataIssue[] = [];
  const docs: CorpusDocument[] = [];
  const firstRow = new Map<string, number>();
  raw.rows.forEach((r, i) => {
    if (r.every((c) => c.trim() === "")) return;
    const v = (name: string) => {
      const k = cols.get(name);
      return k === undefined ? "" : (r[k] ?? "").trim();
    };
    let bad = false;
    for (const name of REQUIRED)
      if (v(name) === "") {
        issues.push(issue("missing_value", at(i, name), { column: name }));
        bad = true;
      }
    if (bad) return;
    const id = v("id");
    const first = firstRow.get(id);
    if (first !== undefined) {
      issues.push(issue("duplicate_code", at(i, "id"), { code: id, firstRow: first }));
      return;
    }
    firstRow.set(id, at(i).row as number);
    const date = v("date");
    const d = new Date(`${date}T00:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== date) {
      issues.push(issue("invalid_date", at(i, "date"), { value: date }));
      bad = true;
    }
    const levelText = v("level");
    const level = (CORPUS_LEVELS as readonly string[]).includes(levelText.toLowerCase())
      ? levelText.toLowerCase()
      : LEVEL_ALIASES[levelText];
    if (level === undefined) {
      issues.push(issue("invalid_value", at(i, "level"), { value: levelText, expected: CORPUS_LEVELS }));
      bad = true;
    }
    const file = v("file");
    if (
      file.startsWith("/") ||
      file.startsWith("\\") ||
      /^[a-zA-Z]:/.test(file) ||
      file.split(/[\\/]/).includes("..")
    ) {
      issues.push(issue("invalid_value", at(i, "file"), { value: file, expected: "relative_path" }));
      return;
    }
    const bytes = options.readText(file);
    if (bytes === undefined) {
      issues.push(issue("file_unreadable", at(i, "file"), { reason: "read_failed", detail: file }));
      return;
    }
    const decoded = decodeText(bytes, { file });
    if (!decoded.ok) {
      issues.push(...decoded.issues.map((x) => ({ ...x, path: at(i, "file") })));
      return;
    }
    if (bad || level === undefined) return;
    const [docNumber, sourceUrl] = [v("doc_number"), v("source_url")];
    docs.push({
      id,
      title: v("title"),
      issuer: v("issuer"),
      ...(docNumber !== "" && { docNumber }),
      date,
      level,
      ...(sourceUrl !== "" && { sourceUrl }),
      file,
      encoding: decoded.value.encoding,
      textSha256: createHash("sha256").update(bytes).digest("hex"),
      text: decoded.value.text,
    });
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: docs, warnings: [] };
}
