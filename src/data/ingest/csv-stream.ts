/**
 * Streaming CSV records from a file (流式读取): bounded memory whatever the file size, for large panels.
 * Encoding is detected on the first chunk (UTF-8 BOM → UTF-8; strict UTF-8 → UTF-8; else GB18030) and
 * the delimiter sniffed there (`,` `;` TAB). Quoted fields may span chunks and lines (RFC 4180, as
 * `parseCsvRecords`). Progress is reported after each chunk as bytes read and records parsed.
 */
import { createReadStream } from "node:fs";
import { sniffDelimiter } from "./csv.js";
import { firstInvalidByte, firstInvalidUtf8, lineAt } from "./encoding.js";

export interface StreamCsvOptions {
  /** chunk size in bytes @default 1 MiB */
  readonly chunkSize?: number;
  /** delimiter @default sniffed on the first chunk */
  readonly delimiter?: "," | ";" | "\t";
  readonly onProgress?: (p: { readonly bytes: number; readonly rows: number }) => void;
}

/** One streamed record: trimmed cells and the 1-based physical line it starts on. */
export interface StreamedRecord {
  readonly cells: string[];
  readonly line: number;
}

/** Raised when the bytes are neither UTF-8 nor GB18030, or a quoted field never ends. */
export class CsvStreamError extends Error {
  constructor(
    readonly reason: "encoding_unrecognised" | "truncated_file",
    readonly line: number,
    /** 0-based byte offset in the file of the first bad byte (encoding errors, when known) */
    readonly offset?: number,
  ) {
    super(`csv stream: ${reason} at line ${line}${offset === undefined ? "" : `, byte ${offset}`}`);
    this.name = "CsvStreamError";
  }
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

function likelyUtf8(bytes: Uint8Array): boolean {
  const u = firstInvalidUtf8(bytes);
  for (let i = 0; i < u; i++) if ((bytes[i] as number) >= 0x80) return true;
  return false;
}

/**
 * Streams the records of a CSV file (an async generator).
 * @param path the file
 * @param options chunk size, delimiter, progress callback
 * @throws {CsvStreamError} encoding or unterminated quote
 */
export async function* streamCsvRecords(path: string, options: StreamCsvOptions = {}): AsyncGenerator<StreamedRecord> {
  const stream = createReadStream(path, { highWaterMark: options.chunkSize ?? 1 << 20 });
  let decoder: TextDecoder | undefined;
  let delimiter = options.delimiter;
  let bytes = 0;
  let rows = 0;
  // parser state
  let cells: string[] = [];
  let field = "";
  let inQuotes = false;
  let quoteSeen = false; // the previous char was a quote inside a quoted field
  let line = 1;
  let recordLine = 1;
  let pendingCR = false;
  const out: StreamedRecord[] = [];
  const endRecord = () => {
    cells.push(field);
    out.push({ cells: cells.map((c) => c.trim()), line: recordLine });
    cells = [];
    field = "";
    rows++;
  };
  const feed = (text: string) => {
    const d = delimiter as string;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i] as string;
      if (pendingCR) {
        pendingCR = false;
        if (ch === "\n") continue;
      }
      if (inQuotes) {
        if (quoteSeen) {
          quoteSeen = false;
          if (ch === '"') {
            field += '"';
            continue;
          }
          inQuotes = false; // closing quote: fall through to unquoted handling
        } else if (ch === '"') {
          quoteSeen = true;
          continue;
        } else {
          if (ch === "\r" || ch === "\n") {
            line++;
            if (ch === "\r") pendingCR = true;
            field += "\n";
          } else field += ch;
          continue;
        }
      }
      if (ch === d) {
        cells.push(field);
        field = "";
      } else if (ch === "\r" || ch === "\n") {
        endRecord();
        line++;
        recordLine = line;
        if (ch === "\r") pendingCR = true;
      } else if (ch === '"' && field.trim() === "") {
        field = "";
        inQuotes = true;
      } else field += ch;
    }
  };
  let label = "utf-8";
  for await (const chunk of stream) {
    let b = chunk as Buffer;
    const chunkStart = bytes;
    let skip = 0;
    if (decoder === undefined) {
      if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) skip = 3;
      // UTF-8 when the first chunk is UTF-8, or when valid multi-byte UTF-8 precedes its first bad byte
      // (a UTF-8 file with a stray byte, reported at that byte); else GB18030. Both strict (no U+FFFD).
      const head = b.subarray(skip);
      label = skip > 0 || isUtf8(head) || likelyUtf8(head) ? "utf-8" : "gb18030";
      decoder = new TextDecoder(label, { fatal: true });
      b = b.subarray(skip);
    }
    let text: string;
    try {
      text = decoder.decode(b, { stream: true });
    } catch {
      // the first bad byte within this chunk (a sequence straddling the previous chunk counts at its start)
      const k = Math.max(0, firstInvalidByte(label, b));
      throw new CsvStreamError("encoding_unrecognised", line + lineAt(b, k) - 1, chunkStart + skip + k);
    }
    delimiter ??= sniffDelimiter(text.slice(0, 65536));
    bytes += (chunk as Buffer).length;
    feed(text);
    options.onProgress?.({ bytes, rows });
    yield* out.splice(0, out.length);
  }
  try {
    feed(decoder?.decode() ?? "");
  } catch {
    throw new CsvStreamError("encoding_unrecognised", line);
  }
  if (quoteSeen) {
    quoteSeen = false;
    inQuotes = false;
  }
  if (inQuotes) throw new CsvStreamError("truncated_file", recordLine);
  if (field !== "" || cells.length > 0) endRecord();
  options.onProgress?.({ bytes, rows });
  yield* out.splice(0, out.length);
}
