import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { parseCsvRecords } from "./csv.js";
import { CsvStreamError, streamCsvRecords } from "./csv-stream.js";

const dir = mkdtempSync(join(tmpdir(), "shushi-stream-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
function file(content: string | Uint8Array): string {
  const p = join(dir, `f${n++}.csv`);
  writeFileSync(p, content);
  return p;
}
async function all(path: string, chunkSize: number) {
  const out: { cells: string[]; line: number }[] = [];
  for await (const r of streamCsvRecords(path, { chunkSize, delimiter: "," })) out.push(r);
  return out;
}

describe("streamCsvRecords", () => {
  it("yields the same records and lines as parseCsvRecords whatever the chunk size (property)", async () => {
    const cell = fc.oneof(
      fc.stringMatching(/^[a-z0-9 ]{0,5}$/),
      fc.stringMatching(/^[a-z,\n"数据]{0,6}$/).map((s) => `"${s.replace(/"/g, '""')}"`),
    );
    const record = fc.array(cell, { minLength: 1, maxLength: 4 }).map((cells) => cells.join(","));
    const text = fc.array(record, { minLength: 1, maxLength: 8 }).map((rs) => `${rs.join("\r\n")}\n`);
    await fc.assert(
      fc.asyncProperty(text, fc.integer({ min: 1, max: 17 }), async (t, chunk) => {
        const want = parseCsvRecords(t, ",")
          .filter((r) => !(r.cells.length === 1 && r.cells[0] === "" && r.start === t.length))
          .map((r) => ({ cells: r.cells.map((c) => c.trim()), line: r.line }));
        expect(await all(file(t), chunk)).toEqual(want);
      }),
      { numRuns: 60 },
    );
  });

  it("reports bytes and rows read, ending with the file size", async () => {
    const p = file("a,b\n1,2\n3,4\n");
    const seen: { bytes: number; rows: number }[] = [];
    for await (const _ of streamCsvRecords(p, { chunkSize: 4, onProgress: (x) => seen.push(x) })) void _;
    expect(seen.at(-1)).toEqual({ bytes: 12, rows: 3 });
  });

  it("decodes GB18030 files and throws truncated_file on an unterminated quote", async () => {
    const gb = new Uint8Array([0xb1, 0xb1, 0xbe, 0xa9, 0x2c, 0x31, 0x0a]); // 北京,1
    expect((await all(file(gb), 3))[0]?.cells).toEqual(["北京", "1"]);
    await expect(all(file('a,"b\n'), 2)).rejects.toMatchObject({ reason: "truncated_file" });
    expect(new CsvStreamError("truncated_file", 1).line).toBe(1);
  });

  it("names the byte offset and line of the first invalid UTF-8 byte, whatever the chunk size", async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode("a,农\nb,c\nd,"), 0xff, 0x0a]);
    const path = file(bytes);
    for (const chunkSize of [1 << 20, 7, 4])
      await expect(all(path, chunkSize)).rejects.toMatchObject({
        reason: "encoding_unrecognised",
        offset: 12,
        line: 3,
      });
  });
});
