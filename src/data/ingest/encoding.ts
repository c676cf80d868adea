/**
 * Text decoding for user-supplied tabular files (CSV/TSV): byte-order marks, strict UTF-8, and
 * GB18030 (the superset of GBK/GB2312 that Chinese statistical offices and Excel "CSV (逗号分隔)" on a
 * Chinese Windows write). Uses Node's WHATWG `TextDecoder` with `fatal: true`, so no byte is ever
 * silently replaced by U+FFFD.
 */
import { type DataResult, issue } from "../issues.js";

/** Encodings a caller may declare. */
export type DeclaredEncoding = "auto" | "utf-8" | "gb18030";

/**
 * The encoding actually used, as reported in `RawTable.encoding`. `utf-8-bom` means UTF-8 with a
 * leading byte-order mark (stripped from the text); `utf-16le`/`utf-16be` are only reported when the
 * file starts with the matching BOM (UTF-16 without a BOM is not guessed).
 */
export type DetectedEncoding = "utf-8" | "utf-8-bom" | "gb18030" | "utf-16le" | "utf-16be";

export interface DecodeTextOptions {
  /** file name shown in issues */
  readonly file: string;
  /**
   * Declared encoding. `"auto"` detects: BOM → strict UTF-8 → GB18030 (plausibility-checked).
   * A declared encoding is used as is (a UTF-8 BOM is still stripped; a UTF-16 BOM still wins).
   * @default "auto"
   */
  readonly encoding?: DeclaredEncoding;
}

export interface DecodedText {
  /** the decoded text, without any byte-order mark */
  readonly text: string;
  readonly encoding: DetectedEncoding;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

/** Strict decode; undefined when the bytes are not valid in `label`. */
function strictDecode(label: string, bytes: Uint8Array): string | undefined {
  try {
    // ignoreBOM: true keeps a BOM in the text; we strip BOMs ourselves, before decoding.
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * 0-based offset of the first byte of the first invalid UTF-8 sequence (WHATWG rules: no overlongs,
 * no surrogates, ≤ U+10FFFF), or -1 when the bytes are valid UTF-8. A sequence cut off by the end
 * of the input is invalid at its lead byte.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      if (k === 1 ? c < lo || c > hi : c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

/**
 * 0-based offset of the first byte at which a strict `label` decoder fails, or -1 when the bytes
 * decode. Found by bisection over prefixes decoded in streaming mode (a prefix that fails makes every
 * longer prefix fail); when the failing byte is ASCII right after a lead byte, the sequence started at
 * the lead byte, which is reported.
 */
export function firstInvalidByte(label: string, bytes: Uint8Array): number {
  if (label === "utf-8") return firstInvalidUtf8(bytes);
  const fails = (end: number): boolean => {
    try {
      new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(0, end), {
        stream: end < bytes.length,
      });
      return false;
    } catch {
      return true;
    }
  };
  if (!fails(bytes.length)) return -1;
  let lo = 0; // fails(lo) is false
  let hi = bytes.length; // fails(hi) is true
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (fails(mid)) hi = mid;
    else lo = mid;
  }
  let at = hi - 1;
  if (label === "gb18030" && at > 0 && (bytes[at] as number) < 0x80) {
    const prev = bytes[at - 1] as number;
    if (prev >= 0x81 && prev <= 0xfe) at--;
  }
  return at;
}

/**
 * 1-based line of byte `offset`: one plus the line breaks (LF, CRLF or a lone CR) before it. For
 * UTF-16 (`unit` 2) line breaks are the code units 0x000A / 0x000D in the given byte order.
 */
export function lineAt(bytes: Uint8Array, offset: number, utf16?: "le" | "be"): number {
  let line = 1;
  if (utf16 === undefined) {
    for (let i = 0; i < offset && i < bytes.length; i++) {
      const b = bytes[i];
      if (b === 0x0a) line++;
      else if (b === 0x0d && bytes[i + 1] !== 0x0a) line++;
    }
    return line;
  }
  const unit = (i: number): number =>
    utf16 === "le" ? (bytes[i] ?? 0) | ((bytes[i + 1] ?? 0) << 8) : ((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0);
  for (let i = 0; i + 1 < offset; i += 2) {
    const u = unit(i);
    if (u === 0x0a) line++;
    else if (u === 0x0d && unit(i + 2) !== 0x0a) line++;
  }
  return line;
}

/** Control characters other than TAB, LF, CR, and U+0000 in particular, mean binary data. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: detecting control characters is the point
const BINARY_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

function isCjkIdeograph(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) || // CJK Unified Ideographs
    (cp >= 0x3400 && cp <= 0x4dbf) || // Extension A
    (cp >= 0xf900 && cp <= 0xfaff) || // Compatibility Ideographs
    (cp >= 0x20000 && cp <= 0x323af) // Extensions B–H
  );
}

/** Characters that plausibly occur in a Chinese statistical file besides ideographs. */
function isPlausibleNonAscii(cp: number): boolean {
  return (
    isCjkIdeograph(cp) ||
    (cp >= 0x3000 && cp <= 0x303f) || // CJK symbols and punctuation 、。《》「」
    (cp >= 0xff00 && cp <= 0xffef) || // full-width forms （）：，０-９
    (cp >= 0x2000 && cp <= 0x206f) || // general punctuation — … ‰ ‘ ’ “ ”
    (cp >= 0x2100 && cp <= 0x218f) || // letterlike, Roman numerals Ⅰ Ⅱ ℃
    (cp >= 0x2460 && cp <= 0x24ff) || // enclosed ①②
    (cp >= 0x2190 && cp <= 0x22ff) || // arrows, math operators ≤ ≥ −
    (cp >= 0x3200 && cp <= 0x33ff) || // enclosed CJK, CJK compatibility ㎡
    (cp >= 0x00a0 && cp <= 0x00ff) || // Latin-1 (× ÷ · °)
    (cp >= 0x0391 && cp <= 0x03c9) || // Greek (α β in method notes)
    (cp >= 0x0410 && cp <= 0x044f) || // Cyrillic (present in GB2312)
    (cp >= 0x3040 && cp <= 0x30ff) || // kana (present in GB2312)
    (cp >= 0x2500 && cp <= 0x25ff) // box drawing, shapes ■ ○
  );
}

/**
 * Whether text decoded as GB18030 looks like real Chinese text rather than a misreading of some
 * other 8-bit encoding: it must contain at least one CJK ideograph, and at least 90 % of its
 * non-ASCII characters must be ideographs or the punctuation/symbols GB text uses.
 */
export function plausibleGb18030Text(text: string): boolean {
  let nonAscii = 0;
  let plausible = 0;
  let ideographs = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x80) continue;
    nonAscii++;
    if (cp === 0xfffd) return false;
    if (isCjkIdeograph(cp)) ideographs++;
    if (isPlausibleNonAscii(cp)) plausible++;
  }
  return ideographs > 0 && plausible >= 0.9 * nonAscii;
}

/**
 * Decodes the bytes of a text file (文本解码): BOM detection, then strict UTF-8, then GB18030.
 *
 * Rules, in order:
 * 1. A UTF-16 BOM (`FF FE` / `FE FF`) → decoded as UTF-16LE/BE (Excel's "Unicode text" export).
 * 2. A UTF-8 BOM (`EF BB BF`) → stripped, the rest must be valid UTF-8 (`utf-8-bom`).
 * 3. `encoding: "utf-8"` or `"gb18030"` → strict decode in that encoding, no plausibility check.
 * 4. `"auto"` → strict UTF-8; if that fails, strict GB18030 accepted only when
 *    {@link plausibleGb18030Text} holds (an ideograph and ≥ 90 % plausible non-ASCII characters).
 * Text containing U+0000 or other C0 control characters (except TAB/LF/CR) is treated as binary.
 * An empty input decodes to `""` (callers decide whether empty is an error).
 *
 * @param bytes the file content
 * @param options `file` for issue paths; `encoding` (default `"auto"`)
 * @returns `{ ok: true, value: { text, encoding } }`, or `encoding_unrecognised` with params
 *   `{ tried: string[], reason: "invalid_bytes" | "implausible_gb18030" | "binary_content", offset?, line? }`:
 *   for invalid bytes and binary content, `offset` is the 0-based byte offset in the file (BOM
 *   included) of the first bad byte — of the likelier encoding when both UTF-8 and GB18030 fail —
 *   and `line` its 1-based line (the path stays file-level: `{ file }`).
 * @example
 * decodeText(new Uint8Array([0xd6, 0xd0, 0xce, 0xc4]), { file: "a.csv" })
 * // => { ok: true, value: { text: "中文", encoding: "gb18030" }, warnings: [] }
 */
export function decodeText(bytes: Uint8Array, options: DecodeTextOptions): DataResult<DecodedText> {
  const declared = options.encoding ?? "auto";
  const file = options.file;
  /** An issue at the first bad byte (offset relative to the whole file, BOM included). */
  const fail = (tried: string[], reason: string, offset?: number, utf16?: "le" | "be"): DataResult<DecodedText> => {
    if (offset === undefined || offset < 0) {
      return { ok: false, issues: [issue("encoding_unrecognised", { file }, { tried, reason })] };
    }
    const line = lineAt(bytes, offset, utf16);
    return {
      ok: false,
      issues: [issue("encoding_unrecognised", { file }, { tried, reason, offset, line })],
    };
  };
  const done = (text: string, encoding: DetectedEncoding): DataResult<DecodedText> => {
    if (!BINARY_CONTROL.test(text)) return { ok: true, value: { text, encoding }, warnings: [] };
    // in UTF-8 and GB18030 a byte < 0x20 is always that control character (trail bytes are ≥ 0x30)
    const utf16 = encoding === "utf-16le" || encoding === "utf-16be";
    let at = -1;
    if (!utf16) {
      for (let i = 0; i < bytes.length; i++) {
        const b = bytes[i] as number;
        if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) {
          at = i;
          break;
        }
      }
    }
    return fail([encoding], "binary_content", at < 0 ? undefined : at);
  };
  const invalid = (label: string, from: number): number => {
    const k = firstInvalidByte(label, bytes.subarray(from));
    return k < 0 ? k : from + k;
  };

  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const label = bytes[0] === 0xff ? "utf-16le" : "utf-16be";
    const text = strictDecode(label, bytes.subarray(2));
    return text === undefined
      ? fail([label], "invalid_bytes", invalid(label, 2), label === "utf-16le" ? "le" : "be")
      : done(text, label);
  }
  if (startsWith(bytes, UTF8_BOM)) {
    const text = strictDecode("utf-8", bytes.subarray(3));
    return text === undefined ? fail(["utf-8-bom"], "invalid_bytes", invalid("utf-8", 3)) : done(text, "utf-8-bom");
  }
  if (declared === "utf-8" || declared === "gb18030") {
    const text = strictDecode(declared, bytes);
    return text === undefined ? fail([declared], "invalid_bytes", invalid(declared, 0)) : done(text, declared);
  }
  const utf8 = strictDecode("utf-8", bytes);
  if (utf8 !== undefined) return done(utf8, "utf-8");
  const gb = strictDecode("gb18030", bytes);
  if (gb === undefined) {
    // Report the first bad byte of the likelier encoding: UTF-8 when valid multi-byte UTF-8 precedes
    // its first bad byte (a UTF-8 file with a stray byte), else GB18030.
    const u = firstInvalidUtf8(bytes);
    let multiByteBefore = false;
    for (let i = 0; i < u; i++) if ((bytes[i] as number) >= 0x80) multiByteBefore = true;
    return fail(["utf-8", "gb18030"], "invalid_bytes", multiByteBefore ? u : invalid("gb18030", 0));
  }
  if (!plausibleGb18030Text(gb)) return fail(["utf-8", "gb18030"], "implausible_gb18030");
  return done(gb, "gb18030");
}
