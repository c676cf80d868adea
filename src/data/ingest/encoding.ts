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
 *   `{ tried: string[], reason: "invalid_bytes" | "implausible_gb18030" | "binary_content" }`.
 * @example
 * decodeText(new Uint8Array([0xd6, 0xd0, 0xce, 0xc4]), { file: "a.csv" })
 * // => { ok: true, value: { text: "中文", encoding: "gb18030" }, warnings: [] }
 */
export function decodeText(bytes: Uint8Array, options: DecodeTextOptions): DataResult<DecodedText> {
  const declared = options.encoding ?? "auto";
  const path = { file: options.file };
  const fail = (tried: string[], reason: string): DataResult<DecodedText> => ({
    ok: false,
    issues: [issue("encoding_unrecognised", path, { tried, reason })],
  });
  const done = (text: string, encoding: DetectedEncoding): DataResult<DecodedText> =>
    BINARY_CONTROL.test(text)
      ? fail([encoding], "binary_content")
      : { ok: true, value: { text, encoding }, warnings: [] };

  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const label = bytes[0] === 0xff ? "utf-16le" : "utf-16be";
    const text = strictDecode(label, bytes.subarray(2));
    return text === undefined ? fail([label], "invalid_bytes") : done(text, label);
  }
  if (startsWith(bytes, UTF8_BOM)) {
    const text = strictDecode("utf-8", bytes.subarray(3));
    return text === undefined ? fail(["utf-8-bom"], "invalid_bytes") : done(text, "utf-8-bom");
  }
  if (declared === "utf-8" || declared === "gb18030") {
    const text = strictDecode(declared, bytes);
    return text === undefined ? fail([declared], "invalid_bytes") : done(text, declared);
  }
  const utf8 = strictDecode("utf-8", bytes);
  if (utf8 !== undefined) return done(utf8, "utf-8");
  const gb = strictDecode("gb18030", bytes);
  if (gb === undefined) return fail(["utf-8", "gb18030"], "invalid_bytes");
  if (!plausibleGb18030Text(gb)) return fail(["utf-8", "gb18030"], "implausible_gb18030");
  return done(gb, "gb18030");
}
