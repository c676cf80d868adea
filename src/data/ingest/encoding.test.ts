import { describe, expect, it } from "vitest";
import { encodeGb18030 } from "../../../test/fixtures/gb18030-encode.js";
import { decodeText, plausibleGb18030Text } from "./encoding.js";

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
