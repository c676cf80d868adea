/**
 * Mutations of the importer fuzzer: byte-level (flips, truncation, insertions of random bytes, BOMs,
 * GB18030 sequences, quotes, CR, NUL, huge numbers, formula strings), row/column-level (duplication,
 * deletion, long rows) and XLSX structural ones on the XML of the parts (mergeCell refs, row and cell
 * indices, shared-string indices, DOCTYPE and entities, dimensions, sheet names, missing parts).
 * Every choice is drawn from the given seeded generator, so a case is replayable from (seed, index).
 */
import type { RandomGenerator } from "../../src/core/index.js";
import type { ZipPart } from "../helpers/zip.js";

const latin1 = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString("latin1");
const fromLatin1 = (s: string) => new Uint8Array(Buffer.from(s, "latin1"));
const utf8Latin1 = (s: string) => Buffer.from(s, "utf8").toString("latin1");

export const pick = <T>(rng: RandomGenerator, items: readonly T[]): T => items[rng.integer(items.length)] as T;

const BOMS = ["\xef\xbb\xbf", "\xff\xfe", "\xfe\xff", "\xff\xfe\x00\x00", "\x84\x31\x95\x33"];
/** GB18030 sequences: valid 2- and 4-byte, and broken ones (lone lead byte, bad trail, truncated 4-byte). */
const GB18030 = [
  "\xb5\xa5",
  "\xd6\xd0\xb9\xfa",
  "\x81\x30\x81\x30",
  "\x84\x31\xa4\x39",
  "\x90\x30\x81\x30",
  "\xe3\x32\x9a\x35",
  "\x81",
  "\x81\x20",
  "\x81\x30",
  "\x81\x30\x81",
  "\xff\xff",
  "\x80",
];
const HUGE_NUMBERS = [
  "1e308",
  "1e309",
  "-1e309",
  "9".repeat(400),
  "0.".concat("0".repeat(350), "1"),
  "NaN",
  "Infinity",
  "-Infinity",
  "-0",
  "0x1F",
  "1,234,567.89",
  "1.234.567,89",
  "(123)",
  "１２３",
  "12%",
  "1e-400",
  "4.9e-324",
  "179769313486231570000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
  " ",
  "—",
  "-",
  "…",
];
const FORMULAS = [
  '=HYPERLINK("http://x","y")',
  "+cmd|' /C calc'!A0",
  "@SUM(A1:A9)",
  "-2+3",
  "=1/0",
  "\t=1",
  "\r=1",
  "=B3-B3",
];
const SPECIAL = ['"', '""', "\r", "\n", "\r\n", "\0", ",", ";", "\t", "|", '"\r\n"', "\u2028", "\\"];

function insertAt(s: string, pos: number, text: string): string {
  return s.slice(0, pos) + text + s.slice(pos);
}

function randomBytes(rng: RandomGenerator, n: number): string {
  let out = "";
  for (let i = 0; i < n; i++) out += String.fromCharCode(rng.integer(256));
  return out;
}

/** Byte/text mutations on a latin1 view of the bytes (one byte = one char). */
export function mutateBytes(rng: RandomGenerator, input: Uint8Array): { bytes: Uint8Array; ops: string[] } {
  let s = latin1(input);
  const ops: string[] = [];
  const rounds = 1 + rng.integer(4);
  for (let r = 0; r < rounds; r++) {
    const pos = rng.integer(s.length + 1);
    const op = rng.integer(14);
    switch (op) {
      case 0: {
        const flips = 1 + rng.integer(8);
        const chars = s.split("");
        for (let k = 0; k < flips && chars.length > 0; k++) {
          const i = rng.integer(chars.length);
          chars[i] = String.fromCharCode(((chars[i] as string).charCodeAt(0) ^ (1 << rng.integer(8))) & 0xff);
        }
        s = chars.join("");
        ops.push(`flip×${flips}`);
        break;
      }
      case 1:
        s = s.slice(0, pos);
        ops.push(`truncate@${pos}`);
        break;
      case 2:
        s = insertAt(s, pos, randomBytes(rng, 1 + rng.integer(16)));
        ops.push(`random@${pos}`);
        break;
      case 3: {
        const bom = pick(rng, BOMS);
        s = rng.integer(2) === 0 ? bom + s : insertAt(s, pos, bom);
        ops.push("bom");
        break;
      }
      case 4:
        s = insertAt(s, pos, pick(rng, GB18030));
        ops.push(`gb18030@${pos}`);
        break;
      case 5:
        s = insertAt(s, pos, pick(rng, SPECIAL));
        ops.push(`special@${pos}`);
        break;
      case 6:
        s = replaceNumber(rng, s, pick(rng, HUGE_NUMBERS));
        ops.push("huge-number");
        break;
      case 7:
        s = replaceCell(rng, s, utf8Latin1(pick(rng, FORMULAS)));
        ops.push("formula");
        break;
      case 8:
        s = lineOp(rng, s, "duplicate");
        ops.push("dup-row");
        break;
      case 9:
        s = lineOp(rng, s, "delete");
        ops.push("del-row");
        break;
      case 10:
        s = columnOp(rng, s);
        ops.push("dup-col");
        break;
      case 11: {
        // long cell / many columns
        const n = 1 + rng.integer(2000);
        s = insertAt(s, pos, rng.integer(2) === 0 ? "9".repeat(n) : ",".repeat(n));
        ops.push(`long×${n}`);
        break;
      }
      case 12: {
        // swap a byte run with another place
        const a = rng.integer(s.length + 1);
        const len = rng.integer(32);
        const chunk = s.slice(a, a + len);
        s = insertAt(s.slice(0, a) + s.slice(a + len), rng.integer(Math.max(1, s.length - len)), chunk);
        ops.push("move");
        break;
      }
      default:
        s = insertAt(s, pos, pick(rng, ["\0", "\r", '"', "\0\0\0\0"]));
        ops.push(`nul/cr/quote@${pos}`);
    }
  }
  return { bytes: fromLatin1(s), ops };
}

function replaceNumber(rng: RandomGenerator, s: string, by: string): string {
  const spans = [...s.matchAll(/-?\d+(?:\.\d+)?/g)];
  if (spans.length === 0) return s + by;
  const m = pick(rng, spans);
  const i = m.index ?? 0;
  return s.slice(0, i) + utf8Latin1(by) + s.slice(i + m[0].length);
}

function replaceCell(rng: RandomGenerator, s: string, by: string): string {
  const spans = [...s.matchAll(/[^,;\t\r\n]+/g)];
  if (spans.length === 0) return by;
  const m = pick(rng, spans);
  const i = m.index ?? 0;
  return s.slice(0, i) + by + s.slice(i + m[0].length);
}

function lineOp(rng: RandomGenerator, s: string, op: "duplicate" | "delete"): string {
  const lines = s.split("\n");
  if (lines.length === 0) return s;
  const i = rng.integer(lines.length);
  if (op === "delete") lines.splice(i, 1);
  else {
    const times = 1 + rng.integer(rng.integer(4) === 0 ? 200 : 3);
    lines.splice(i, 0, ...Array.from({ length: times }, () => lines[i] as string));
  }
  return lines.join("\n");
}

function columnOp(rng: RandomGenerator, s: string): string {
  const delim = pick(rng, [",", ";", "\t"]);
  const lines = s.split("\n");
  const widths = lines.map((l) => l.split(delim).length);
  const j = rng.integer(Math.max(1, ...widths));
  const times = 1 + rng.integer(3);
  const allRows = rng.integer(3) !== 0;
  return lines
    .map((l, k) => {
      if (!allRows && k % 2 === 1) return l;
      const cells = l.split(delim);
      if (j >= cells.length) return l;
      cells.splice(j, 0, ...Array.from({ length: times }, () => cells[j] as string));
      return cells.join(delim);
    })
    .join("\n");
}

const BIG_ROWS = ["0", "-1", "1048576", "1048577", "2147483648", "100000000", "1e3", "x", "", "3.5", "00001"];
const BIG_REFS = [
  "A1:XFD1048576",
  "A1:A1048576",
  "A1:XFD1",
  "B2:A1",
  "A0:B1",
  "ZZZZ1:A1",
  "A1",
  "A1:",
  ":",
  "A1:B2:C3",
  "A1048576:B1048576",
  "XFD1:XFD1048576",
  "A1:Z1000",
  "A-1:B2",
];
const SST_INDICES = ["-1", "999999", "4294967296", "1.5", "x", "", "1e9", "NaN"];
const CELL_REFS = ["A0", "XFE1", "A1048577", "ZZZZZ1", "", "1A", "A100000000", "$A$1", "a1", "XFD1048576"];

function replaceOne(rng: RandomGenerator, s: string, re: RegExp, by: (m: RegExpMatchArray) => string): string {
  const ms = [...s.matchAll(re)];
  if (ms.length === 0) return s;
  const m = pick(rng, ms);
  const i = m.index ?? 0;
  return s.slice(0, i) + by(m) + s.slice(i + m[0].length);
}

function mutateSheetXml(rng: RandomGenerator, xml: string, ops: string[]): string {
  switch (rng.integer(9)) {
    case 0: {
      const ref = pick(rng, BIG_REFS);
      ops.push(`mergeCell=${ref}`);
      if (/<mergeCell /.test(xml))
        return replaceOne(rng, xml, /<mergeCell ref="[^"]*"/g, () => `<mergeCell ref="${ref}"`);
      const n = 1 + rng.integer(rng.integer(4) === 0 ? 5000 : 3);
      const cells = Array.from({ length: n }, () => `<mergeCell ref="${ref}"/>`).join("");
      return xml.replace("</sheetData>", `</sheetData><mergeCells count="${n}">${cells}</mergeCells>`);
    }
    case 1: {
      const r = pick(rng, BIG_ROWS);
      ops.push(`row r=${r}`);
      return replaceOne(rng, xml, /<row r="[^"]*"/g, () => `<row r="${r}"`);
    }
    case 2: {
      const r = pick(rng, CELL_REFS);
      ops.push(`c r=${r}`);
      return replaceOne(rng, xml, /<c r="[^"]*"/g, () => `<c r="${r}"`);
    }
    case 3: {
      const v = pick(rng, SST_INDICES);
      ops.push(`sst index=${v}`);
      return replaceOne(rng, xml, /(<c [^>]*t="s"[^>]*>\s*<v>)([^<]*)(<\/v>)/g, (m) => `${m[1]}${v}${m[3]}`);
    }
    case 4: {
      ops.push("dimension");
      const ref = pick(rng, BIG_REFS);
      if (/<dimension /.test(xml)) return xml.replace(/<dimension ref="[^"]*"/, `<dimension ref="${ref}"`);
      return xml.replace(/<sheetData/, `<dimension ref="${ref}"/><sheetData`);
    }
    case 5: {
      ops.push("dup-row-xml");
      return replaceOne(rng, xml, /<row [^>]*>.*?<\/row>/gs, (m) =>
        m[0].repeat(2 + rng.integer(rng.integer(4) === 0 ? 300 : 3)),
      );
    }
    case 6: {
      ops.push("cell-type");
      const t = pick(rng, ["s", "str", "inlineStr", "b", "e", "n", "d", "zz"]);
      return replaceOne(rng, xml, /<c r="([^"]*)"/g, (m) => `<c r="${m[1]}" t="${t}"`);
    }
    case 7: {
      ops.push("value");
      const v = pick(rng, [...HUGE_NUMBERS, ...FORMULAS.map(escapeXml)]);
      return replaceOne(rng, xml, /<v>[^<]*<\/v>/g, () => `<v>${escapeXml(v)}</v>`);
    }
    default: {
      ops.push("formula");
      const f = pick(rng, ["B3-B3", "1/0", "SUM(A1:XFD1048576)", "A1", "NOW()", ""]);
      return replaceOne(rng, xml, /<c r="([^"]*)"([^>]*)>/g, (m) => `<c r="${m[1]}"${m[2]}><f>${escapeXml(f)}</f>`);
    }
  }
}

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function withDoctype(rng: RandomGenerator, xml: string, ops: string[]): string {
  const kind = rng.integer(3);
  ops.push(`doctype${kind}`);
  const decl = /^<\?xml[^>]*\?>/.exec(xml)?.[0] ?? "";
  const rest = xml.slice(decl.length);
  const root = /<([A-Za-z:]+)/.exec(rest)?.[1] ?? "worksheet";
  let dtd: string;
  if (kind === 0) {
    // billion laughs
    const ents = ['<!ENTITY a0 "lol">'];
    for (let k = 1; k < 10; k++) ents.push(`<!ENTITY a${k} "${`&a${k - 1};`.repeat(10)}">`);
    dtd = `<!DOCTYPE ${root} [${ents.join("")}]>`;
  } else if (kind === 1) {
    dtd = `<!DOCTYPE ${root} [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>`;
  } else dtd = `<!DOCTYPE ${root}>`;
  let out = `${decl}${dtd}${rest}`;
  const ref = kind === 0 ? "&a9;" : kind === 1 ? "&xxe;" : "&amp;";
  out = replaceOne(rng, out, /<t>[^<]*<\/t>|<v>[^<]*<\/v>/g, (m) => m[0].replace(/>[^<]*</, `>${ref}<`));
  return out;
}

/** Structural mutations on the parts of a small XLSX (returned parts are then re-zipped). */
export function mutateXlsxParts(rng: RandomGenerator, parts: readonly ZipPart[]): { parts: ZipPart[]; ops: string[] } {
  const out = parts.map((p) => ({ name: p.name, data: p.data }));
  const ops: string[] = [];
  const text = (p: ZipPart) => Buffer.from(p.data).toString("utf8");
  const set = (i: number, s: string) => {
    out[i] = { name: (out[i] as ZipPart).name, data: new Uint8Array(Buffer.from(s, "utf8")) };
  };
  const rounds = 1 + rng.integer(3);
  for (let r = 0; r < rounds; r++) {
    const sheets = out.map((p, i) => [p, i] as const).filter(([p]) => /worksheets\/sheet\d+\.xml$/.test(p.name));
    const op = rng.integer(10);
    if (op <= 4 && sheets.length > 0) {
      const [p, i] = pick(rng, sheets);
      set(i, mutateSheetXml(rng, text(p), ops));
    } else if (op === 5) {
      const i = rng.integer(out.length);
      set(i, withDoctype(rng, text(out[i] as ZipPart), ops));
    } else if (op === 6) {
      const i = out.findIndex((p) => p.name === "xl/sharedStrings.xml");
      if (i >= 0) {
        ops.push("sst");
        let s = text(out[i] as ZipPart);
        s =
          rng.integer(2) === 0
            ? s.replace(/count="\d+"/, 'count="4294967295"').replace(/uniqueCount="\d+"/, 'uniqueCount="99999999"')
            : replaceOne(rng, s, /<si>.*?<\/si>/gs, () => "");
        set(i, s);
      } else ops.push("sst-none");
    } else if (op === 7) {
      const i = out.findIndex((p) => p.name === "xl/workbook.xml");
      if (i >= 0) {
        ops.push("sheet-name");
        const name = pick(rng, ["", "=cmd", "a".repeat(300), "表1", "Sheet1", "<", "../x", "\0"]);
        set(i, text(out[i] as ZipPart).replace(/name="[^"]*"/, `name="${escapeXml(name).replace(/"/g, "&quot;")}"`));
      }
    } else if (op === 8) {
      const i = rng.integer(out.length);
      ops.push(`drop ${(out[i] as ZipPart).name}`);
      out.splice(i, 1);
    } else {
      // byte-level mutation of one part's XML
      const i = rng.integer(out.length);
      const m = mutateBytes(rng, (out[i] as ZipPart).data);
      out[i] = { name: (out[i] as ZipPart).name, data: m.bytes };
      ops.push(`bytes(${(out[i] as ZipPart).name}:${m.ops.join("+")})`);
    }
  }
  return { parts: out, ops };
}
