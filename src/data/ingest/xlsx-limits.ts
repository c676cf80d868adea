/**
 * Hostile-XLSX guard (XLSX 安全限制): inspects a workbook's zip container and its XML parts *before*
 * exceljs allocates anything, so that a 3.6 KB file with `<mergeCell ref="A1:XFD1048576"/>` or
 * `<row r="100000000">`, or a small zip holding a huge deflated entry, is refused with a coded issue
 * (`file_too_complex`) instead of exhausting the heap. Dependency-free: a minimal central-directory
 * reader plus `node:zlib` inflation bounded by each entry's declared size.
 */
import { inflateRawSync } from "node:zlib";
import { type DataIssue, issue } from "../issues.js";

/**
 * Limits, each with its reason. Real workbooks are far below them: the largest official table read
 * from XLSX (NBS 153-sector table, ≈ 160 × 200 cells) is ≈ 2 MB of sheet XML, a WIOD national table
 * ≈ 60 × 70 cells, the OECD national tables ≈ 50 × 60; the fixtures in `test/fixtures` are < 10 KB.
 * Larger data belongs in CSV (streamed) or Parquet.
 */
export const XLSX_LIMITS = {
  /** Zip entries: a workbook has ~10–50 parts (sheets, styles, rels, theme, media); 1 000 leaves room for many sheets. */
  entries: 1_000,
  /** Total uncompressed bytes (declared and actual): 100 MiB of XML is ≈ 2.5 M cells, beyond `cells`. */
  uncompressedBytes: 100 * 1024 * 1024,
  /**
   * Per-entry compression ratio for entries above {@link RATIO_MIN_BYTES}: sheet XML of numbers
   * compresses ≈ 5–15× (a 400 × 400 sheet of zeros written by exceljs: 11.5×); deflate's maximum is ≈ 1 030× (a zip bomb).
   */
  ratio: 200,
  /** An entry exceljs does not read as XML (media, printer settings, unknown parts): a picture is a few MB. */
  unusedEntryBytes: 16 * 1024 * 1024,
  /** Row index in any sheet (exceljs and our grid allocate up to the highest row index). */
  rows: 100_000,
  /** Column index: the WIOD world table has 2 685 columns; Excel's own maximum is 16 384. */
  columns: 4_096,
  /**
   * Cells in the workbook, merged areas included. exceljs keeps every cell as an object: reading a
   * 1 000 × 990 workbook took ≈ 0.8 GB of heap (measured), so 500 000 keeps a read near 0.4 GB.
   */
  cells: 500_000,
  /** Total area of merged ranges: exceljs creates a cell object for every cell a merge covers; titles and header groups cover a few hundred. */
  mergedArea: 100_000,
  /** Shared-string table entries (unique texts; an IO table has a few hundred). */
  sharedStrings: 1_000_000,
} as const;

/** Entries below this size are not ratio-checked (tiny parts of repeated XML compress extremely well and cost nothing). */
export const RATIO_MIN_BYTES = 1024 * 1024;

/** Which limit a `file_too_complex` issue names. */
export type XlsxLimit =
  | "entries"
  | "uncompressed_bytes"
  | "ratio"
  | "unused_entry_bytes"
  | "rows"
  | "columns"
  | "cells"
  | "merged_area"
  | "shared_strings"
  | "entity";

/** What the inspection found besides issues. */
export interface XlsxInspection {
  readonly issues: readonly DataIssue[];
  /**
   * Per sheet name: addresses (`C3`) of formula cells whose cached result is an empty `<v/>` (an
   * empty-string result), which exceljs reads as "no cached result".
   */
  readonly cachedEmptyFormulas: ReadonlyMap<string, ReadonlySet<string>>;
  /** every `<sheet name>` of xl/workbook.xml, decoded (empty when the part is missing) */
  readonly sheetNames: readonly string[];
}

interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localOffset: number;
}

class CorruptZip extends Error {}

const u16 = (b: Uint8Array, o: number): number => (b[o] ?? 0) | ((b[o + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, o: number): number => (u16(b, o) + u16(b, o + 2) * 0x10000) >>> 0;
const u64 = (b: Uint8Array, o: number): number => u32(b, o) + u32(b, o + 4) * 0x1_0000_0000;

/** Reads the central directory (zip64 sizes included). Throws CorruptZip when it is not well formed. */
function centralDirectory(b: Uint8Array): { entries: ZipEntry[]; count: number } {
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x05 && b[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new CorruptZip();
  let count = u16(b, eocd + 10);
  let cdOffset = u32(b, eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20; // zip64 end-of-central-directory locator
    if (loc < 0 || u32(b, loc) !== 0x07064b50) throw new CorruptZip();
    const z = u64(b, loc + 8);
    if (z + 56 > b.length || u32(b, z) !== 0x06064b50) throw new CorruptZip();
    count = u64(b, z + 32);
    cdOffset = u64(b, z + 48);
  }
  // each central header is ≥ 46 bytes: a count the file cannot hold is a lie
  if (count > (b.length - cdOffset) / 46) throw new CorruptZip();
  if (count > XLSX_LIMITS.entries) return { entries: [], count };
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  const decoder = new TextDecoder("utf-8");
  for (let k = 0; k < count; k++) {
    if (p + 46 > b.length || u32(b, p) !== 0x02014b50) throw new CorruptZip();
    const method = u16(b, p + 10);
    let compressedSize = u32(b, p + 20);
    let uncompressedSize = u32(b, p + 24);
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    let localOffset = u32(b, p + 42);
    const name = decoder.decode(b.subarray(p + 46, p + 46 + nameLen));
    // zip64 extended information: the 0xFFFFFFFF fields, in order, in extra field 0x0001
    let e = p + 46 + nameLen;
    const extraEnd = e + extraLen;
    while (e + 4 <= extraEnd) {
      const id = u16(b, e);
      const size = u16(b, e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        if (uncompressedSize === 0xffffffff) {
          uncompressedSize = u64(b, q);
          q += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(b, q);
          q += 8;
        }
        if (localOffset === 0xffffffff) localOffset = u64(b, q);
      }
      e += 4 + size;
    }
    entries.push({ name, method, compressedSize, uncompressedSize, localOffset });
    p = extraEnd + commentLen;
  }
  return { entries, count };
}

/** The entry's bytes, inflated with at most `uncompressedSize` bytes of output; throws CorruptZip on any mismatch. */
function entryBytes(b: Uint8Array, e: ZipEntry): Buffer {
  const o = e.localOffset;
  if (o + 30 > b.length || u32(b, o) !== 0x04034b50) throw new CorruptZip();
  const start = o + 30 + u16(b, o + 26) + u16(b, o + 28);
  const end = start + e.compressedSize;
  if (end > b.length) throw new CorruptZip();
  const data = b.subarray(start, end);
  if (e.method === 0) {
    if (e.compressedSize !== e.uncompressedSize) throw new CorruptZip();
    return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  }
  if (e.method !== 8) throw new CorruptZip();
  let out: Buffer;
  try {
    // a liar declaring a small size is stopped at that size (RangeError), never inflated further
    out = inflateRawSync(data, { maxOutputLength: Math.max(1, e.uncompressedSize) });
  } catch {
    throw new CorruptZip();
  }
  if (out.length !== e.uncompressedSize) throw new CorruptZip();
  return out;
}

/** Parts exceljs parses as XML (everything else is "unused": media, printer settings, unknown parts). */
function isXmlPart(name: string): boolean {
  return name.endsWith(".xml") || name.endsWith(".rels") || name.endsWith(".vml");
}

/** 1-based column number of the letters of a cell reference (`XFD` → 16 384). */
function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const CELL_REF = /^\$?([A-Za-z]{1,7})\$?(\d{1,15})$/;

function parseRef(ref: string): { row: number; col: number } | undefined {
  const m = CELL_REF.exec(ref.trim());
  if (m === null) return undefined;
  return { col: columnNumber(m[1] as string), row: Number(m[2]) };
}

function parseRange(ref: string): { top: number; left: number; bottom: number; right: number } | undefined {
  const [a, b = a] = ref.split(":");
  const p = parseRef(a ?? "");
  const q = parseRef(b ?? "");
  if (p === undefined || q === undefined) return undefined;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

const ATTR_RE = new Map<string, RegExp>();
const attr = (attrs: string, name: string): string | undefined => {
  let re = ATTR_RE.get(name);
  if (re === undefined) {
    re = new RegExp(`(?:^|\\s)${name}\\s*=\\s*"([^"]*)"`);
    ATTR_RE.set(name, re);
  }
  const m = re.exec(attrs);
  return m === null ? undefined : m[1];
};

/** Worksheet part name → sheet name, from xl/workbook.xml and its rels (best effort). */
function sheetNames(parts: ReadonlyMap<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  const wb = parts.get("xl/workbook.xml");
  const rels = parts.get("xl/_rels/workbook.xml.rels");
  if (wb === undefined || rels === undefined) return out;
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const id = attr(m[1] as string, "Id");
    const target = attr(m[1] as string, "Target");
    if (id === undefined || target === undefined) continue;
    targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`.replace(/\/\.\//g, "/"));
  }
  for (const m of wb.matchAll(/<(?:\w+:)?sheet\b([^>]*)>/g)) {
    const a = m[1] as string;
    const name = attr(a, "name");
    const id = /\b[\w]+:id\s*=\s*"([^"]*)"/.exec(a)?.[1];
    const target = id === undefined ? undefined : targets.get(id);
    if (name !== undefined && target !== undefined) out.set(target, decodeXmlText(name));
  }
  return out;
}

function decodeXmlText(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) => {
    if (e === "lt") return "<";
    if (e === "gt") return ">";
    if (e === "amp") return "&";
    if (e === "quot") return '"';
    if (e === "apos") return "'";
    const cp = e.startsWith("#x") ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
    return String.fromCodePoint(cp);
  });
}

/** What one worksheet's XML holds, scanned tag by tag without building a tree. */
interface SheetScan {
  maxRow: number;
  maxCol: number;
  cells: number;
  mergedArea: number;
  mergeMaxRow: number;
  mergeMaxCol: number;
  dimension?: { bottom: number; right: number };
  cachedEmpty: Set<string>;
}

const SHEET_TAG = /<(\/?)(?:\w+:)?(row|c|f|v|mergeCell|dimension)\b([^>]*)>/g;

function scanSheet(xml: string): SheetScan {
  const s: SheetScan = {
    maxRow: 0,
    maxCol: 0,
    cells: 0,
    mergedArea: 0,
    mergeMaxRow: 0,
    mergeMaxCol: 0,
    cachedEmpty: new Set(),
  };
  let row = 0;
  let col = 0;
  let cellRef = "";
  let cellHasFormula = false;
  SHEET_TAG.lastIndex = 0;
  for (let m = SHEET_TAG.exec(xml); m !== null; m = SHEET_TAG.exec(xml)) {
    const closing = m[1] === "/";
    const tag = m[2] as string;
    const attrs = m[3] as string;
    if (closing) continue;
    switch (tag) {
      case "row": {
        const r = attr(attrs, "r");
        row = r === undefined ? row + 1 : Number(r);
        if (!Number.isFinite(row)) row = Number.MAX_SAFE_INTEGER;
        col = 0;
        s.maxRow = Math.max(s.maxRow, row);
        break;
      }
      case "c": {
        s.cells++;
        const r = attr(attrs, "r");
        const p = r === undefined ? undefined : parseRef(r);
        if (p !== undefined) {
          col = p.col;
          s.maxRow = Math.max(s.maxRow, p.row);
        } else col++;
        s.maxCol = Math.max(s.maxCol, col);
        cellRef = r ?? "";
        cellHasFormula = false;
        break;
      }
      case "f":
        cellHasFormula = true;
        break;
      case "v": {
        const empty = attrs.endsWith("/") || xml.startsWith("</v>", SHEET_TAG.lastIndex);
        if (cellHasFormula && empty && cellRef !== "") s.cachedEmpty.add(cellRef.replace(/\$/g, "").toUpperCase());
        break;
      }
      case "mergeCell": {
        const g = parseRange(attr(attrs, "ref") ?? "");
        if (g === undefined) break;
        s.mergedArea += (g.bottom - g.top + 1) * (g.right - g.left + 1);
        s.mergeMaxRow = Math.max(s.mergeMaxRow, g.bottom);
        s.mergeMaxCol = Math.max(s.mergeMaxCol, g.right);
        break;
      }
      case "dimension": {
        const g = parseRange(attr(attrs, "ref") ?? "");
        if (g !== undefined) s.dimension = { bottom: g.bottom, right: g.right };
        break;
      }
    }
  }
  return s;
}

/**
 * Inspects an XLSX container and its XML against {@link XLSX_LIMITS}, before any parsing.
 *
 * Checks, each violation one `file_too_complex` issue {limit, value, max, entry?} at `{file}` (and
 * `sheet` for sheet-level limits): number of entries; total uncompressed size (declared, and the
 * actual inflated size never exceeds the declared one); per-entry compression ratio (entries
 * ≥ 1 MiB); size of entries exceljs does not read as XML; any `<!DOCTYPE`/`<!ENTITY` in an XML part
 * (`entity`: entity expansion is refused outright); per sheet the highest row index (`<row r>`,
 * `<c r>`, `<dimension>`, merges) and column index against `rows`/`columns`; the total merged area
 * (`merged_area`); cells in the workbook, merged areas included (`cells`); the shared-string count
 * (`<si>` elements and the `uniqueCount` attribute, `shared_strings`).
 * A container that is not a well-formed zip (no end record, entries beyond the file, an entry
 * inflating to a size other than declared, an unknown compression method) is `file_unreadable`
 * {reason: "corrupt_xlsx"}.
 *
 * @param bytes the .xlsx file content (starting with `PK\x03\x04`)
 * @param file file name for issue paths
 * @returns the issues (empty when the workbook is within limits) and the formula cells with an empty cached result
 * @example inspectXlsx(bytes, "bomb.xlsx").issues[0] // => { code: "file_too_complex", params: { limit: "uncompressed_bytes", … } }
 */
export function inspectXlsx(bytes: Uint8Array, file: string): XlsxInspection {
  const issues: DataIssue[] = [];
  const cachedEmptyFormulas = new Map<string, Set<string>>();
  let workbookSheetNames: string[] = [];
  const done = (): XlsxInspection => ({ issues, cachedEmptyFormulas, sheetNames: workbookSheetNames });
  const tooComplex = (
    limit: XlsxLimit,
    value: number,
    max: number,
    extra: Record<string, unknown> = {},
    sheet?: string,
  ) =>
    issues.push(
      issue("file_too_complex", sheet === undefined ? { file } : { file, sheet }, { limit, value, max, ...extra }),
    );
  const corrupt = (): XlsxInspection => ({
    issues: [issue("file_unreadable", { file }, { reason: "corrupt_xlsx" })],
    cachedEmptyFormulas,
    sheetNames: [],
  });
  let entries: ZipEntry[];
  try {
    const cd = centralDirectory(bytes);
    if (cd.count > XLSX_LIMITS.entries) {
      tooComplex("entries", cd.count, XLSX_LIMITS.entries);
      return done();
    }
    entries = cd.entries;
  } catch {
    return corrupt();
  }

  // 1. declared sizes and ratios, before inflating anything
  let total = 0;
  for (const e of entries) {
    total += e.uncompressedSize;
    if (e.uncompressedSize >= RATIO_MIN_BYTES) {
      const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
      if (ratio > XLSX_LIMITS.ratio) tooComplex("ratio", Math.round(ratio), XLSX_LIMITS.ratio, { entry: e.name });
    }
    if (!isXmlPart(e.name) && e.uncompressedSize > XLSX_LIMITS.unusedEntryBytes)
      tooComplex("unused_entry_bytes", e.uncompressedSize, XLSX_LIMITS.unusedEntryBytes, { entry: e.name });
  }
  if (total > XLSX_LIMITS.uncompressedBytes) tooComplex("uncompressed_bytes", total, XLSX_LIMITS.uncompressedBytes);
  if (issues.length > 0) return done();

  // 2. inflate (bounded by the declared sizes, now known to be within limits); keep the XML parts
  const parts = new Map<string, string>();
  try {
    for (const e of entries) {
      if (e.name.endsWith("/")) continue;
      const data = entryBytes(bytes, e);
      if (isXmlPart(e.name)) parts.set(e.name, data.toString("utf8"));
    }
  } catch {
    return corrupt();
  }

  // 3. XML: no DTDs anywhere (entity expansion), then sheets and the shared-string table
  for (const [name, xml] of parts) {
    if (/<!(?:DOCTYPE|ENTITY)/i.test(xml)) tooComplex("entity", 1, 0, { entry: name });
  }
  if (issues.length > 0) return done();

  const names = sheetNames(parts);
  workbookSheetNames = [...(parts.get("xl/workbook.xml") ?? "").matchAll(/<(?:\w+:)?sheet\b([^>]*)>/g)].flatMap((m) => {
    const name = attr(m[1] as string, "name");
    return name === undefined ? [] : [decodeXmlText(name)];
  });
  let cells = 0;
  let merged = 0;
  for (const [name, xml] of parts) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) continue;
    const sheet = names.get(name);
    const s = scanSheet(xml);
    const maxRow = Math.max(s.maxRow, s.mergeMaxRow, s.dimension?.bottom ?? 0);
    const maxCol = Math.max(s.maxCol, s.mergeMaxCol, s.dimension?.right ?? 0);
    if (maxRow > XLSX_LIMITS.rows) tooComplex("rows", maxRow, XLSX_LIMITS.rows, { entry: name }, sheet);
    if (maxCol > XLSX_LIMITS.columns) tooComplex("columns", maxCol, XLSX_LIMITS.columns, { entry: name }, sheet);
    if (s.mergedArea > XLSX_LIMITS.mergedArea)
      tooComplex("merged_area", s.mergedArea, XLSX_LIMITS.mergedArea, { entry: name }, sheet);
    cells += s.cells;
    merged += s.mergedArea;
    if (sheet !== undefined && s.cachedEmpty.size > 0) cachedEmptyFormulas.set(sheet, s.cachedEmpty);
  }
  if (cells + merged > XLSX_LIMITS.cells) tooComplex("cells", cells + merged, XLSX_LIMITS.cells);

  const sst = parts.get("xl/sharedStrings.xml");
  if (sst !== undefined) {
    let count = 0;
    const si = /<(?:\w+:)?si\b/g;
    while (si.exec(sst) !== null) count++;
    const declared = Number(/<(?:\w+:)?sst\b[^>]*\buniqueCount\s*=\s*"(\d+)"/.exec(sst)?.[1] ?? 0);
    const n = Math.max(count, declared);
    if (n > XLSX_LIMITS.sharedStrings)
      tooComplex("shared_strings", n, XLSX_LIMITS.sharedStrings, { entry: "xl/sharedStrings.xml" });
  }
  return done();
}
