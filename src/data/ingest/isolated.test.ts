import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import type { DataResult } from "../issues.js";
import { readTabularFile } from "./index.js";
import { CSV_IN_THREAD_BYTES, closeParseThread, DEFAULT_PARSE_LIMITS, readTabularFileIsolated } from "./isolated.js";
import type { RawTable } from "./raw-table.js";

const fixtures = new URL("../../../test/fixtures/", import.meta.url);
const fixture = (rel: string): Uint8Array => new Uint8Array(readFileSync(new URL(rel, fixtures)));

afterAll(closeParseThread);

/** A workbook of `rows` × `cols` numbers under a header: within every structural limit. */
async function grid(rows: number, cols: number): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("S");
  ws.addRow(["code", "name", ...Array.from({ length: cols }, (_, j) => `c${j}`), "output"]);
  for (let i = 0; i < rows; i++) ws.addRow([`r${i}`, `n${i}`, ...Array.from({ length: cols }, (_, j) => i + j), 1]);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

function issueParams(r: DataResult<RawTable>) {
  if (r.ok) throw new Error("expected issues");
  return r.issues.map((i) => ({ code: i.code, path: i.path, params: i.params }));
}

describe("readTabularFileIsolated (parsing thread with heap cap and time limit, issue 6)", () => {
  it("reads an XLSX file in the thread exactly as the reader does in the calling thread", async () => {
    const bytes = fixture("hostile/control.xlsx");
    const here = await readTabularFile(bytes, { file: "control.xlsx" });
    const there = await readTabularFileIsolated(bytes, { file: "control.xlsx" });
    expect(there).toEqual(here);
    // the caller keeps its bytes (a copy is transferred)
    expect(bytes.length).toBeGreaterThan(0);
  });

  it("returns the structural limits' issues from the thread (hostile fixtures)", async () => {
    const r = await readTabularFileIsolated(fixture("hostile/row-100000000.xlsx"), { file: "rows.xlsx" });
    expect(issueParams(r)[0]).toMatchObject({ code: "file_too_complex", params: { limit: "rows" } });
  });

  it("reads a CSV file above the in-thread size in the thread, with the same result", async () => {
    const line = `${Array.from({ length: 40 }, (_, j) => j * 1.5).join(",")}\n`;
    const text = `a${",x".repeat(39)}\n${line.repeat(Math.ceil(CSV_IN_THREAD_BYTES / line.length) + 1)}`;
    const bytes = new TextEncoder().encode(text);
    expect(bytes.length).toBeGreaterThanOrEqual(CSV_IN_THREAD_BYTES);
    const here = await readTabularFile(bytes, { file: "big.csv", headerRow: 1 });
    expect(await readTabularFileIsolated(bytes, { file: "big.csv", headerRow: 1 })).toEqual(here);
  });

  it("stops a read past the heap cap with file_too_complex {limit: memory}, and serves the next read", async () => {
    // 60 000 cells: ≈ 50 MB of exceljs objects, far above a 16 MB heap
    const bytes = await grid(1500, 40);
    const r = await readTabularFileIsolated(bytes, { file: "grid.xlsx" }, { memoryMb: 16, timeoutMs: 60_000 });
    expect(issueParams(r)).toEqual([
      { code: "file_too_complex", path: { file: "grid.xlsx" }, params: { limit: "memory", max: 16 } },
    ]);
    const again = await readTabularFileIsolated(bytes, { file: "grid.xlsx" }, DEFAULT_PARSE_LIMITS);
    expect(again.ok && again.value.rows.length).toBe(1500);
  });

  it("stops a read past the time limit with file_too_complex {limit: parse_time}, and serves the next read", async () => {
    const bytes = await grid(200, 20);
    const r = await readTabularFileIsolated(bytes, { file: "slow.xlsx" }, { memoryMb: 768, timeoutMs: 1 });
    expect(issueParams(r)).toEqual([
      { code: "file_too_complex", path: { file: "slow.xlsx" }, params: { limit: "parse_time", max: 0.001 } },
    ]);
    const again = await readTabularFileIsolated(bytes, { file: "slow.xlsx" });
    expect(again.ok && again.value.rows.length).toBe(200);
  });

  it("serves concurrent reads in order, each with its own result", async () => {
    const [a, b] = await Promise.all([grid(3, 2), grid(5, 2)]);
    const [ra, rb] = await Promise.all([
      readTabularFileIsolated(a, { file: "a.xlsx" }),
      readTabularFileIsolated(b, { file: "b.xlsx" }),
    ]);
    expect(ra.ok && ra.value.rows.length).toBe(3);
    expect(rb.ok && rb.value.rows.length).toBe(5);
    expect(ra.ok && ra.value.file).toBe("a.xlsx");
  });
});
