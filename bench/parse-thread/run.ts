/**
 * Parsing-thread benchmark (ADR 0010): what reading an uploaded XLSX in the parsing thread (heap cap,
 * time limit) costs against reading it in the calling thread, the peer in the same run.
 *
 *   npx tsx bench/parse-thread/run.ts [--runs 15]
 *
 * Workbooks written by exceljs: 42 × 50 (an NBS 42-sector table), 153 × 160, 400 × 400 (160 000
 * cells). For each: the in-thread read (readTabularFile), the first isolated read (the thread's
 * start included — once per process) and the warm isolated reads; medians of `--runs` reads.
 * Prints a Markdown table for docs/benchmarks.md.
 */
import { cpus, loadavg } from "node:os";
import ExcelJS from "exceljs";
import { readTabularFile } from "../../src/data/ingest/index.js";
import { closeParseThread, readTabularFileIsolated } from "../../src/data/ingest/isolated.js";

const runsArg = process.argv.indexOf("--runs");
const RUNS = runsArg >= 0 ? Number(process.argv[runsArg + 1]) : 15;

async function workbook(rows: number, cols: number): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("S");
  ws.addRow(["code", "name", ...Array.from({ length: cols }, (_, j) => `c${j}`), "output"]);
  for (let i = 0; i < rows; i++)
    ws.addRow([`r${i}`, `sector ${i}`, ...Array.from({ length: cols }, (_, j) => (i * 7 + j * 13) % 997), 1]);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
};

async function time(f: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await f();
  return performance.now() - t;
}

const lines = [
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? "?"}, load ${loadavg()
    .map((x) => x.toFixed(1))
    .join(" ")}; node ${process.version}; ${new Date().toISOString().slice(0, 10)}; median of ${RUNS} reads`,
  "",
  "| workbook | bytes | in calling thread | parsing thread, first read (thread start) | parsing thread, warm | overhead (warm) |",
  "|---|---:|---:|---:|---:|---:|",
];
let first = true;
for (const [rows, cols] of [
  [42, 50],
  [153, 160],
  [400, 400],
] as const) {
  const bytes = await workbook(rows, cols);
  const file = `bench-${rows}x${cols}.xlsx`;
  const here: number[] = [];
  const there: number[] = [];
  const cold = first ? await time(() => readTabularFileIsolated(bytes, { file })) : Number.NaN;
  first = false;
  for (let r = 0; r < RUNS; r++) {
    here.push(await time(() => readTabularFile(bytes, { file })));
    there.push(await time(() => readTabularFileIsolated(bytes, { file })));
  }
  const h = median(here);
  const w = median(there);
  lines.push(
    `| ${rows} × ${cols + 3} | ${bytes.length.toLocaleString("en")} | ${h.toFixed(1)} ms | ${Number.isNaN(cold) ? "—" : `${cold.toFixed(0)} ms`} | ${w.toFixed(1)} ms | ${(w - h).toFixed(1)} ms (${((100 * (w - h)) / h).toFixed(0)} %) |`,
  );
}
await closeParseThread();
process.stdout.write(`${lines.join("\n")}\n`);
