/**
 * Importer fuzzer (issue 6 point 9), seeded and deterministic: case `index` of seed `seed` is always the
 * same input, drawn with the core's xoshiro128** generator seeded from (seed, index), so any failure
 * replays from `(seed, index)` (`npx tsx test/fuzz/run.ts --seed <seed> --replay <index>`).
 *
 * Inputs are mutations of real fixtures: the generic IO template, the good/bad/hard fixtures, the
 * kinds fixtures (panel, series, classification, concordance, registry), the hostile XLSX files as
 * bytes, and small XLSX files unzipped, their XML mutated (see mutate.ts) and zipped again.
 *
 * Each case runs the tabular reader (`readTabularFile`); one case in `importEvery` also runs
 * `importUserFile` with one of `IMPORT_KINDS` into a store already holding datasets. Checked:
 * - nothing throws: the only acceptable failure is `{ ok: false, issues }` with ≥ 1 issue, every
 *   code in the `DataIssueCode` union (DATA_ISSUE_CODES) and `path.file` set to the file;
 * - no case takes longer than `timeLimitMsPerCase` (async hangs are cut by a timer; a synchronous
 *   loop is caught by run.ts, which runs cases in a child process it kills);
 * - after a failed import the store's dataset list and row counts (audit log aside) are unchanged, and
 *   after a successful one, deleting the dataset restores them.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type RandomGenerator, randomGenerator, splitMix64 } from "../../src/core/index.js";
import { readTabularFile } from "../../src/data/ingest/index.js";
import type { DataIssue, DataResult } from "../../src/data/issues.js";
import { repoPath } from "../../src/data/paths.js";
import { IMPORT_KINDS, type ImportKind, importUserFile } from "../../src/data/store/build.js";
import { openStore, type Store } from "../../src/data/store/duckdb.js";
import { DATA_ISSUE_CODES } from "../../src/i18n/codes.js";
import { unzip, type ZipPart, zip } from "../helpers/zip.js";
import { mutateBytes, mutateXlsxParts, pick } from "./mutate.js";

export interface FuzzOptions {
  readonly seed: number;
  /** number of cases */
  readonly cases: number;
  /** a case slower than this is reported as a hang */
  readonly timeLimitMsPerCase: number;
  /** first case index @default 0 */
  readonly from?: number;
  /** one case in this many also runs importUserFile @default 4 */
  readonly importEvery?: number;
  /** write failing inputs (and a .json describing them) here */
  readonly failuresDir?: string;
  /** called before each case (run.ts's watchdog) */
  readonly onStart?: (index: number) => void;
  /** called after each case */
  readonly onCase?: (outcome: CaseOutcome) => void;
}

export type CaseStatus = "ok" | "issues" | "crash" | "bad_issue" | "store_changed" | "console_output" | "hang";

export interface FuzzCase {
  readonly index: number;
  /** seed fixture and mutations */
  readonly name: string;
  readonly file: string;
  readonly bytes: Uint8Array;
  /** the import kind when this case also runs importUserFile */
  readonly importKind?: ImportKind;
  /** import from a path (streamed CSV for series and registries) instead of bytes */
  readonly viaPath: boolean;
}

export interface CaseOutcome {
  readonly index: number;
  readonly name: string;
  readonly file: string;
  readonly mode: string;
  readonly status: CaseStatus;
  readonly ms: number;
  readonly detail?: string;
}

export interface FuzzReport {
  readonly seed: number;
  readonly from: number;
  readonly ran: number;
  readonly imports: number;
  readonly statuses: Record<CaseStatus, number>;
  /** crashes, bad issues, store changes and console output */
  readonly crashes: CaseOutcome[];
  readonly hangs: CaseOutcome[];
  readonly slowest: CaseOutcome | undefined;
  readonly elapsedMs: number;
  readonly casesPerSecond: number;
}

// ---------------------------------------------------------------------------------------------- corpus

interface Seed {
  readonly name: string;
  readonly file: string;
  readonly bytes: Uint8Array;
  readonly kind: ImportKind;
}
interface XlsxSeed {
  readonly name: string;
  readonly parts: ZipPart[];
  readonly kind: ImportKind;
}
interface Corpus {
  readonly csv: Seed[];
  readonly xlsx: Seed[];
  readonly parts: XlsxSeed[];
}

const read = (...p: string[]) => new Uint8Array(readFileSync(repoPath(...p)));

function kindOfKindsFixture(f: string): ImportKind {
  if (f.includes("panel")) return "panel";
  if (f.includes("series")) return "time_series";
  if (f.includes("concordance")) return "concordance";
  if (f.includes("classification")) return "classification";
  if (f.includes("registry")) return "registry";
  return "io_table";
}

const XML_ESC = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const colName = (j: number): string =>
  j < 26 ? String.fromCharCode(65 + j) : colName(Math.floor(j / 26) - 1) + String.fromCharCode(65 + (j % 26));

/** A small XLSX's parts holding a CSV's cells: numbers as values, text in the shared-string table. */
function partsFromCsv(text: string): ZipPart[] {
  const rows = text
    .replace(/^\ufeff/, "")
    .split(/\r?\n/)
    .filter((l) => l !== "")
    .map((l) => (l.startsWith("#") ? [l.slice(1).trim()] : l.split(",")));
  const sst: string[] = [];
  const sheetRows = rows.map((cells, i) => {
    const cs = cells.map((c, j) => {
      const ref = `${colName(j)}${i + 1}`;
      if (c === "") return "";
      if (/^-?\d+(\.\d+)?$/.test(c) && !/^0\d/.test(c)) return `<c r="${ref}"><v>${c}</v></c>`;
      sst.push(c);
      return `<c r="${ref}" t="s"><v>${sst.length - 1}</v></c>`;
    });
    return `<row r="${i + 1}">${cs.join("")}</row>`;
  });
  const u = (s: string) => new Uint8Array(Buffer.from(s, "utf8"));
  const decl = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  return [
    {
      name: "[Content_Types].xml",
      data: u(
        `${decl}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
      ),
    },
    {
      name: "_rels/.rels",
      data: u(
        `${decl}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    {
      name: "xl/workbook.xml",
      data: u(
        `${decl}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="表1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: u(
        `${decl}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
      ),
    },
    {
      name: "xl/worksheets/sheet1.xml",
      data: u(
        `${decl}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:${colName(Math.max(...rows.map((r) => r.length)) - 1)}${rows.length}"/><sheetData>${sheetRows.join("")}</sheetData></worksheet>`,
      ),
    },
    {
      name: "xl/sharedStrings.xml",
      data: u(
        `${decl}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${sst.length}" uniqueCount="${sst.length}">${sst.map((s) => `<si><t>${XML_ESC(s)}</t></si>`).join("")}</sst>`,
      ),
    },
  ];
}

let corpusCache: Corpus | undefined;

/** The fixtures the cases mutate (read once). */
export function loadCorpus(): Corpus {
  if (corpusCache) return corpusCache;
  const csv: Seed[] = [];
  const xlsx: Seed[] = [];
  const add = (dir: string, f: string, kind: ImportKind) => {
    const s = { name: `${dir}/${f}`, file: f, bytes: read(...dir.split("/"), f), kind };
    (/\.xlsx$/.test(f) ? xlsx : csv).push(s);
  };
  add("data/templates", "io-generic-template.csv", "io_table");
  for (const dir of ["hard", "bad"])
    for (const f of readdirSync(repoPath("test", "fixtures", dir)).sort()) add(`test/fixtures/${dir}`, f, "io_table");
  for (const f of readdirSync(repoPath("test", "fixtures", "kinds")).sort())
    if (/\.csv$/.test(f)) add("test/fixtures/kinds", f, kindOfKindsFixture(f));
  for (const f of readdirSync(repoPath("test", "fixtures", "hostile")).sort())
    if (/\.xlsx$/.test(f)) add("test/fixtures/hostile", f, "io_table");
  const parts: XlsxSeed[] = [];
  for (const s of xlsx) {
    if (s.bytes.length > 100_000) continue; // the 800 MB-entry file: mutated as bytes only
    try {
      parts.push({ name: `${s.name}(xml)`, parts: unzip(s.bytes), kind: s.kind });
    } catch {
      // corrupt.xlsx: not a zip, bytes only
    }
  }
  for (const s of csv) {
    if (!/template|kinds\/(panel-long|series|classification|concordance|registry)/.test(s.name)) continue;
    parts.push({ name: `${s.name}→xlsx`, parts: partsFromCsv(Buffer.from(s.bytes).toString("utf8")), kind: s.kind });
  }
  corpusCache = { csv, xlsx, parts };
  return corpusCache;
}

// ---------------------------------------------------------------------------------------------- cases

/** The generator of case `index` of `seed`: independent streams from splitmix64 of (seed, index). */
export function caseRandom(seed: number, index: number): RandomGenerator {
  const [s] = splitMix64((BigInt(seed) << 24n) ^ BigInt(index), 1) as [bigint];
  return randomGenerator(s);
}

const EXT_SWAPS = [".csv", ".tsv", ".xlsx", ".xls", ".txt", ""];
const withExt = (file: string, ext: string) => file.replace(/\.[^.]*$/, "") + ext;

/** Case `index` of `seed` (deterministic). */
export function generateCase(seed: number, index: number, importEvery = 4): FuzzCase {
  const rng = caseRandom(seed, index);
  const corpus = loadCorpus();
  const which = rng.integer(100);
  let name: string;
  let file: string;
  let bytes: Uint8Array;
  let kind: ImportKind;
  if (which < 45) {
    const s = pick(rng, corpus.csv);
    const m = mutateBytes(rng, s.bytes);
    ({ file, kind } = s);
    bytes = m.bytes;
    name = `${s.name}: ${m.ops.join(", ")}`;
  } else if (which < 58) {
    const s = pick(rng, corpus.xlsx);
    const m = mutateBytes(rng, s.bytes);
    ({ file, kind } = s);
    bytes = m.bytes;
    name = `${s.name}: ${m.ops.join(", ")}`;
  } else {
    const s = pick(rng, corpus.parts);
    const m = mutateXlsxParts(rng, s.parts);
    file = `${s.name
      .replace(/^.*\//, "")
      .replace(/[^A-Za-z0-9.-]+/g, "_")
      .replace(/\.(csv|xlsx)/g, "")}.xlsx`;
    kind = s.kind;
    bytes = zip(m.parts);
    name = `${s.name}: ${m.ops.join(", ")}`;
  }
  if (rng.integer(20) === 0) {
    file = withExt(file, pick(rng, EXT_SWAPS));
    name += ` [as ${file}]`;
  }
  const doImport = index % importEvery === 0;
  if (!doImport) return { index, name, file, bytes, viaPath: false };
  const importKind = rng.integer(10) < 7 ? kind : pick(rng, IMPORT_KINDS);
  const viaPath =
    (importKind === "time_series" || importKind === "panel" || importKind === "registry") && rng.integer(2) === 0;
  return { index, name, file, bytes, importKind, viaPath };
}

// ---------------------------------------------------------------------------------------------- checks

const KNOWN_CODES: ReadonlySet<string> = new Set(DATA_ISSUE_CODES);

/** Why a failed result is not a proper coded failure, or undefined when it is. */
function badIssues(r: DataResult<unknown>, file: string): string | undefined {
  if (r.ok) return undefined;
  if (!Array.isArray(r.issues) || r.issues.length === 0) return "ok:false without issues";
  const bad = r.issues.find(
    (i: DataIssue) => !KNOWN_CODES.has(i.code) || typeof i.path?.file !== "string" || i.path.file !== file,
  );
  return bad === undefined ? undefined : `issue outside the contract: ${JSON.stringify(bad).slice(0, 400)}`;
}

async function snapshot(store: Store): Promise<string> {
  const { audit_log: _log, ...counts } = await store.counts();
  return JSON.stringify({ datasets: await store.listDatasets(), counts });
}

class Timeout extends Error {}

async function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      p,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Timeout()), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** A store already holding datasets (an IO table, a panel, a classification), in a temporary directory. */
export interface StoreContext {
  readonly store: Store;
  readonly dir: string;
  before: string;
}

export async function openFuzzStore(): Promise<StoreContext> {
  const dir = mkdtempSync(join(tmpdir(), "shushi-fuzz-"));
  const store = await openStore(join(dir, "store"));
  const seeds: [string, string, ImportKind, string[]][] = [
    ["existing", "io.csv", "io_table", ["test", "fixtures", "hard", "utf8-bom-crlf.csv"]],
    ["panel", "panel-long.csv", "panel", ["test", "fixtures", "kinds", "panel-long.csv"]],
    ["isic", "classification.csv", "classification", ["test", "fixtures", "kinds", "classification.csv"]],
    // an XLSX import starts the parsing thread (ADR 0010, ≈ 0.7 s from source) before any case is
    // timed: cases measure the reading of a file, not the start of the process's reader
    ["xlsx", "title-rows.xlsx", "io_table", ["test", "fixtures", "hard", "title-rows-merged-header.xlsx"]],
  ];
  for (const [id, file, kind, path] of seeds) {
    const r = await importUserFile(store, read(...path), { file, id, kind });
    if (!r.ok) throw new Error(`fuzz store seed ${id}: ${JSON.stringify(r.issues)}`);
  }
  return { store, dir, before: await snapshot(store) };
}

export async function closeFuzzStore(ctx: StoreContext): Promise<void> {
  await ctx.store.close();
  rmSync(ctx.dir, { recursive: true, force: true });
}

const CONSOLE_METHODS = ["log", "info", "warn", "error", "debug"] as const;

/**
 * Runs one case; never throws. Console output during the case (diagnostics are data, never console
 * output — test/helpers/fail-on-console.ts) makes it a `console_output` failure.
 */
export async function runCase(c: FuzzCase, timeLimitMs: number, ctx?: StoreContext): Promise<CaseOutcome> {
  const saved = CONSOLE_METHODS.map((m) => console[m]);
  const written: string[] = [];
  for (const m of CONSOLE_METHODS)
    console[m] = (...args: unknown[]) => {
      written.push(`console.${m}: ${args.map(String).join(" ")}`.slice(0, 300));
    };
  try {
    const o = await runCaseInner(c, timeLimitMs, ctx);
    if (written.length > 0 && (o.status === "ok" || o.status === "issues"))
      return { ...o, status: "console_output", detail: written.slice(0, 3).join("\n") };
    return o;
  } finally {
    CONSOLE_METHODS.forEach((m, k) => {
      console[m] = saved[k] as (typeof console)[typeof m];
    });
  }
}

async function runCaseInner(c: FuzzCase, timeLimitMs: number, ctx?: StoreContext): Promise<CaseOutcome> {
  const base = { index: c.index, name: c.name, file: c.file };
  const t0 = performance.now();
  let mode = "read";
  const done = (status: CaseStatus, detail?: string): CaseOutcome => ({
    ...base,
    mode,
    status,
    ms: performance.now() - t0,
    ...(detail !== undefined && { detail }),
  });
  let failed = false;
  try {
    const r = await withTimeout(
      readTabularFile(c.bytes, {
        file: c.file,
        ...(c.index % 2 === 0 && { requiredColumns: ["code", "name", "output"] }),
      }),
      timeLimitMs,
    );
    const bad = badIssues(r, c.file);
    if (bad) return done("bad_issue", bad);
    failed = !r.ok;
    if (c.importKind !== undefined && ctx !== undefined) {
      mode = `import:${c.importKind}${c.viaPath ? ":path" : ""}`;
      const id = `fuzz-${c.index}`;
      let input: Uint8Array | { path: string } = c.bytes;
      if (c.viaPath) {
        const p = join(ctx.dir, `case-${c.index}-${c.file.replace(/[^A-Za-z0-9._-]/g, "_") || "x"}`);
        writeFileSync(p, c.bytes);
        input = { path: p };
      }
      const remaining = Math.max(1, timeLimitMs - (performance.now() - t0));
      const imp = await withTimeout(
        importUserFile(ctx.store, input, { file: c.file, id, kind: c.importKind }),
        remaining,
      );
      if (c.viaPath) rmSync((input as { path: string }).path, { force: true });
      const badImp = badIssues(imp, c.file);
      if (badImp) return done("bad_issue", badImp);
      if (imp.ok) await ctx.store.deleteDataset(id);
      const after = await snapshot(ctx.store);
      if (after !== ctx.before) {
        const detail = `store changed after ${imp.ok ? "import + delete" : "failed import"}: ${after.slice(0, 600)}`;
        ctx.before = after; // report once, keep going from the new state
        return done("store_changed", detail);
      }
      failed = !imp.ok;
    }
  } catch (e) {
    if (e instanceof Timeout) return done("hang", `over ${timeLimitMs} ms`);
    let store = "";
    if (mode !== "read" && ctx !== undefined) {
      // a throwing import must still leave the store as it was
      const after = await snapshot(ctx.store).catch((err: unknown) => `snapshot failed: ${String(err)}`);
      store = after === ctx.before ? "[store unchanged] " : "[STORE CHANGED] ";
      ctx.before = after;
    }
    return done(
      "crash",
      store + (e instanceof Error ? `${e.name}: ${e.message}\n${e.stack ?? ""}`.slice(0, 2000) : String(e)),
    );
  }
  const out = done(failed ? "issues" : "ok");
  return out.ms > timeLimitMs
    ? { ...out, status: "hang", detail: `took ${out.ms.toFixed(0)} ms > ${timeLimitMs} ms` }
    : out;
}

/** Writes a failing case's input and outcome for replay. */
export function writeFailure(dir: string, seed: number, c: FuzzCase, o: CaseOutcome): void {
  mkdirSync(dir, { recursive: true });
  const stem = `${seed}-${c.index}`;
  writeFileSync(join(dir, `${stem}-${c.file.replace(/[^A-Za-z0-9._-]/g, "_") || "input"}`), c.bytes);
  writeFileSync(
    join(dir, `${stem}.json`),
    `${JSON.stringify({ seed, replay: `npx tsx test/fuzz/run.ts --seed ${seed} --replay ${c.index}`, importKind: c.importKind, viaPath: c.viaPath, ...o }, null, 2)}\n`,
  );
}

/** Every status but `ok` and `issues` is a failure. */
export const isFailure = (s: CaseStatus): boolean => s !== "ok" && s !== "issues";

/**
 * Runs `cases` fuzz cases from `from` (default 0) of `seed`.
 *
 * @example const r = await fuzzImporters({ seed: 6, cases: 300, timeLimitMsPerCase: 10_000 })
 */
export async function fuzzImporters(options: FuzzOptions): Promise<FuzzReport> {
  const { seed, cases, timeLimitMsPerCase } = options;
  const from = options.from ?? 0;
  const importEvery = options.importEvery ?? 4;
  const statuses: Record<CaseStatus, number> = {
    ok: 0,
    issues: 0,
    crash: 0,
    bad_issue: 0,
    store_changed: 0,
    console_output: 0,
    hang: 0,
  };
  const crashes: CaseOutcome[] = [];
  const hangs: CaseOutcome[] = [];
  let slowest: CaseOutcome | undefined;
  let imports = 0;
  const ctx = await openFuzzStore();
  const t0 = performance.now();
  try {
    for (let index = from; index < from + cases; index++) {
      options.onStart?.(index);
      const c = generateCase(seed, index, importEvery);
      if (c.importKind !== undefined) imports++;
      const o = await runCase(c, timeLimitMsPerCase, ctx);
      statuses[o.status]++;
      if (o.status === "hang") hangs.push(o);
      else if (isFailure(o.status)) crashes.push(o);
      if (isFailure(o.status) && options.failuresDir) writeFailure(options.failuresDir, seed, c, o);
      if (slowest === undefined || o.ms > slowest.ms) slowest = o;
      options.onCase?.(o);
    }
  } finally {
    await closeFuzzStore(ctx);
  }
  const elapsedMs = performance.now() - t0;
  return {
    seed,
    from,
    ran: cases,
    imports,
    statuses,
    crashes,
    hangs,
    slowest,
    elapsedMs,
    casesPerSecond: cases / (elapsedMs / 1000),
  };
}
