import { describe, expect, it } from "vitest";
import { encodeGb18030 } from "../../../test/fixtures/gb18030-encode.js";
import { decodeText, firstInvalidByte, firstInvalidUtf8, lineAt, plausibleGb18030Text } from "./encoding.js";

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const file = "t.csv";

describe("decodeText", () => {
  it("decodes plain UTF-8 and reports utf-8", () => {
    expect(decodeText(utf8("code,name\n01,农业\n"), { file })).toEqual({
      ok: true,
      value: { text: "code,name\n01,农业\n", encoding: "utf-8" },
      warnings: [],
    });
  });

  it("strips a UTF-8 BOM and reports utf-8-bom", () => {
    const r = decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("单位")]), { file });
    expect(r).toMatchObject({ ok: true, value: { text: "单位", encoding: "utf-8-bom" } });
  });

  it("strips the BOM also when utf-8 is declared", () => {
    const r = decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("a")]), { file, encoding: "utf-8" });
    expect(r).toMatchObject({ ok: true, value: { text: "a", encoding: "utf-8-bom" } });
  });

  it("detects GBK/GB18030 bytes without a BOM (中文 = D6 D0 CE C4)", () => {
    const r = decodeText(new Uint8Array([0xd6, 0xd0, 0xce, 0xc4]), { file });
    expect(r).toMatchObject({ ok: true, value: { text: "中文", encoding: "gb18030" } });
  });

  it("decodes GB18030 when declared, even without ideographs", () => {
    // A8 A4 A8 A2 = "àá" (pinyin letters of GB2312)
    const r = decodeText(new Uint8Array([0xa8, 0xa4, 0xa8, 0xa2]), { file, encoding: "gb18030" });
    expect(r).toMatchObject({ ok: true, value: { text: "àá", encoding: "gb18030" } });
  });

  it("rejects GB18030-valid bytes that decode to no ideograph as implausible", () => {
    const r = decodeText(new Uint8Array([0xa8, 0xa4, 0xa8, 0xa2]), { file });
    expect(r).toEqual({
      ok: false,
      issues: [
        {
          code: "encoding_unrecognised",
          severity: "error",
          path: { file },
          params: { tried: ["utf-8", "gb18030"], reason: "implausible_gb18030" },
        },
      ],
    });
  });

  it("rejects Latin-1 bytes that are valid in neither encoding", () => {
    const r = decodeText(new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x2c, 0x31]), { file });
    expect(r).toMatchObject({
      ok: false,
      issues: [{ code: "encoding_unrecognised", params: { tried: ["utf-8", "gb18030"], reason: "invalid_bytes" } }],
    });
  });

  it("rejects GBK bytes when utf-8 is declared", () => {
    const r = decodeText(encodeGb18030("投入产出"), { file, encoding: "utf-8" });
    expect(r).toMatchObject({ ok: false, issues: [{ code: "encoding_unrecognised", params: { tried: ["utf-8"] } }] });
  });

  it("decodes UTF-16LE and UTF-16BE with a BOM", () => {
    const le = new Uint8Array([0xff, 0xfe, ...Buffer.from("单位,a", "utf16le")]);
    expect(decodeText(le, { file })).toMatchObject({ ok: true, value: { text: "单位,a", encoding: "utf-16le" } });
    const leBytes = Buffer.from("单位,a", "utf16le");
    const be = new Uint8Array([0xfe, 0xff, ...leBytes.swap16()]);
    expect(decodeText(be, { file })).toMatchObject({ ok: true, value: { text: "单位,a", encoding: "utf-16be" } });
  });

  it("treats NUL and other control bytes as binary content", () => {
    const r = decodeText(new Uint8Array([0x61, 0x00, 0x62]), { file });
    expect(r).toMatchObject({
      ok: false,
      issues: [{ code: "encoding_unrecognised", params: { reason: "binary_content" } }],
    });
  });

  it("decodes an empty input to empty text", () => {
    expect(decodeText(new Uint8Array(0), { file })).toMatchObject({ ok: true, value: { text: "", encoding: "utf-8" } });
  });

  it("round-trips the test GBK encoder for the sector names used in fixtures", () => {
    const text = "信息传输、软件和信息技术服务（万元）：１２３";
    expect(decodeText(encodeGb18030(text), { file })).toMatchObject({ ok: true, value: { text, encoding: "gb18030" } });
  });
});

describe("plausibleGb18030Text", () => {
  it("accepts Chinese text with punctuation and ASCII", () => {
    expect(plausibleGb18030Text("单位：万元, 2020年（现价）")).toBe(true);
  });
  it("rejects text without ideographs and text dominated by odd symbols", () => {
    expect(plausibleGb18030Text("àáèé")).toBe(false);
    expect(plausibleGb18030Text("中ʃʒʃʒʃʒʃʒʃʒ")).toBe(false);
  });
});

describe("decodeText: offset and line of the first bad byte (issue 6)", () => {
  const bytesOf = (...parts: (string | number[])[]): Uint8Array =>
    new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...new TextEncoder().encode(p)] : p)));
  const at = (r: ReturnType<typeof decodeText>) =>
    r.ok ? undefined : r.issues.map((i) => [i.params.reason, i.params.offset, i.params.line, i.path]);

  it("UTF-8 with one stray byte: offset and line of that byte", () => {
    // "code,name\n01,农业\n02,x" then 0xFF on line 3
    const b = bytesOf("code,name\n01,农业\n02,x", [0xff], "\n");
    expect(at(decodeText(b, { file: "f.csv" }))).toEqual([["invalid_bytes", 24, 3, { file: "f.csv" }]]);
  });

  it("UTF-8 with a truncated sequence: the lead byte", () => {
    const b = bytesOf("a\r\nb\r\n", [0xe4, 0xb8], ",c\n");
    expect(at(decodeText(b, { file: "f.csv", encoding: "utf-8" }))).toEqual([
      ["invalid_bytes", 6, 3, { file: "f.csv" }],
    ]);
  });

  it("after a UTF-8 BOM: offsets count the BOM", () => {
    const b = bytesOf([0xef, 0xbb, 0xbf], "x\n", [0xc0, 0x80]);
    expect(at(decodeText(b, { file: "f.csv" }))).toEqual([["invalid_bytes", 5, 2, { file: "f.csv" }]]);
  });

  it("GB18030 text with an invalid pair: the lead byte", () => {
    // 中文 = D6 D0 CE C4; then 0x81 0x20 is not a GB18030 sequence
    const b = bytesOf([0xd6, 0xd0, 0xce, 0xc4], "\n\n1,", [0x81, 0x20], "\n");
    expect(at(decodeText(b, { file: "f.csv", encoding: "gb18030" }))).toEqual([
      ["invalid_bytes", 8, 3, { file: "f.csv" }],
    ]);
    expect(at(decodeText(b, { file: "f.csv" }))).toEqual([["invalid_bytes", 8, 3, { file: "f.csv" }]]);
  });

  it("binary content: the first control byte", () => {
    const b = bytesOf("a,b\nc,", [0x00], "d\n");
    expect(at(decodeText(b, { file: "f.bin" }))).toEqual([["binary_content", 6, 2, { file: "f.bin" }]]);
  });

  it("firstInvalidUtf8 agrees with the strict decoder on overlongs and surrogates", () => {
    for (const bad of [[0xc0, 0xaf], [0xe0, 0x80, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xff]]) {
      expect(firstInvalidUtf8(new Uint8Array([0x41, ...bad]))).toBe(1);
      expect(firstInvalidByte("utf-16le", new Uint8Array([0x41, 0x00]))).toBe(-1);
    }
    expect(firstInvalidUtf8(new TextEncoder().encode("农业 𠀀 ok"))).toBe(-1);
    expect(lineAt(new TextEncoder().encode("a\r\nb\rc\nd"), 7)).toBe(4);
  });
});
