/**
 * Benchmark inputs: seeded random productive tables and minimal local parsers for the real tables
 * (NBS 2020 42/153 and WIOD 2013-release 2011). Self-contained on purpose: the benchmark must not
 * depend on the data layer, so these parsers know only the files' layouts (the shipped byte copies in
 * data/shipped/ionet-nbs-io and data/shipped/wiod2013-bquast; see data/shipped/PROVENANCE.md).
 */
import { readFileSync } from "node:fs";

/** An intermediate-flow matrix Z (n×n, row-major) and gross output x. */
export interface BenchTable {
  readonly name: string;
  readonly n: number;
  readonly z: Float64Array;
  readonly x: Float64Array;
  /** how the table was built, for the report */
  readonly note: string;
}

/** mulberry32: the documented deterministic generator of the random tables. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Random productive table: x_j = 1000·(1 + u_j), Z_ij = u_ij·x_j/n with u ~ U[0, 1) from
 * mulberry32(seed), so a_ij = u_ij/n and every column sum of A is ≈ 0.5 (ρ(A) ≈ 0.5).
 */
export function randomTable(n: number, seed = 20261122): BenchTable {
  const r = mulberry32(seed + n);
  const x = new Float64Array(n);
  for (let j = 0; j < n; j++) x[j] = 1000 * (1 + r());
  const z = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const off = i * n;
    for (let j = 0; j < n; j++) z[off + j] = (r() * (x[j] as number)) / n;
  }
  return { name: `random-${n}`, n, z, x, note: `mulberry32(${seed}+n), column sums of A ≈ 0.5` };
}

/** Splits one CSV line with RFC 4180 double quotes (no embedded newlines in these files). */
function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"') {
        if (line[i + 1] === '"') {
          cur += '"';
          i++;
        } else quoted = false;
      } else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

function readCsv(path: string): string[][] {
  const text = readFileSync(path, "utf8").replace(/^\uFEFF/, "");
  return text
    .split(/\r?\n/)
    .filter((l) => l.length > 0)
    .map(splitCsvLine);
}

function num(s: string | undefined, where: string): number {
  const v = s === undefined || s === "" ? 0 : Number(s);
  if (!Number.isFinite(v)) throw new Error(`bench: non-numeric cell ${JSON.stringify(s)} at ${where}`);
  return v;
}

/**
 * NBS table from the ionet CSVs. Competitive layout (153): rows/columns coded 001…153, gross output
 * from row `TI`. Non-competitive layout (42, column `Origin`): Z = Domestic + Imports blocks.
 */
export function nbsTable(path: string, name: string): BenchTable {
  const rows = readCsv(path);
  const header = rows[0] ?? [];
  const originCol = header.indexOf("Origin");
  const sectorCols: number[] = [];
  header.forEach((h, j) => {
    if (/^\d{2,3}$/.test(h)) sectorCols.push(j);
  });
  const n = sectorCols.length;
  const codeIndex = new Map<string, number>();
  for (const [k, c] of sectorCols.entries()) codeIndex.set(header[c] as string, k);
  const z = new Float64Array(n * n);
  let x: Float64Array | undefined;
  for (const row of rows.slice(1)) {
    const code = row[0] ?? "";
    if (code === "TI") {
      x = Float64Array.from(sectorCols.map((c) => num(row[c], `${path} TI`)));
      continue;
    }
    const i = codeIndex.get(code);
    if (i === undefined) continue;
    if (originCol >= 0 && row[originCol] !== "Domestic" && row[originCol] !== "Imports") continue;
    sectorCols.forEach((c, j) => {
      z[i * n + j] = (z[i * n + j] as number) + num(row[c], `${path} ${code}`);
    });
  }
  if (x === undefined) throw new Error(`bench: no TI row in ${path}`);
  const layout = originCol >= 0 ? "non-competitive → Z = Domestic + Imports" : "competitive";
  return { name, n, z, x, note: `${path.split("/").pop()}, ${layout}, x = TI row` };
}

/**
 * WIOD 2013 release, 2011: 1435×1435 intermediate use and gross output. Sectors with zero output
 * are excluded (their A columns would be 0/0; we drop their rows and columns).
 */
export function wiodTable(interPath: string, outputPath: string, name: string): BenchTable {
  const inter = readCsv(interPath);
  const output = readCsv(outputPath);
  const ids = (inter[0] ?? []).slice(1);
  const outById = new Map<string, number>();
  for (const row of output.slice(1)) outById.set(row[0] ?? "", num(row[3], `${outputPath} ${row[0]}`));
  const keep: number[] = [];
  ids.forEach((id, k) => {
    if ((outById.get(id) ?? 0) > 0) keep.push(k);
  });
  const n = keep.length;
  const rowIndex = new Map<string, number>();
  for (const [k, row] of inter.slice(1).entries()) rowIndex.set(row[0] ?? "", k + 1);
  const z = new Float64Array(n * n);
  const x = new Float64Array(n);
  keep.forEach((src, i) => {
    const id = ids[src] as string;
    const row = inter[rowIndex.get(id) ?? -1];
    if (row === undefined) throw new Error(`bench: WIOD row ${id} missing`);
    x[i] = outById.get(id) as number;
    keep.forEach((col, j) => {
      z[i * n + j] = num(row[col + 1], `${interPath} ${id}`);
    });
  });
  return {
    name,
    n,
    z,
    x,
    note: `WIOD 2013 release 2011, ${ids.length - n} zero-output sectors of ${ids.length} excluded`,
  };
}
