/**
 * Composite-index uncertainty benchmark (issue 7 item 11): 31 entities × 60 indicators × 10 years,
 * 10 000 Monte-Carlo base samples with Sobol indices (N·(k + 2) + 1 = 70 001 evaluations), the
 * product path `indexUncertainty` against a numpy implementation of the same computation
 * (bench/composite/numpy_uncertainty.py) in the same run.
 *
 *   npx tsx bench/composite/run.ts                       # runs = 10 000, median of 3
 *   npx tsx bench/composite/run.ts --runs 2000 --repeats 5
 *   options: --seed S, --python PATH (default /usr/bin/python3, Debian's python3-numpy),
 *            --no-numpy, --no-replay, --keep (keep the temp folder with the CSV and spec)
 *
 * Input: a seeded synthetic panel (core xoshiro128**, seed 20261203): 31 provinces (GB/T 2260
 * codes) × 2015–2024, six pillars of ten indicators, two cost indicators per pillar, log-normal
 * levels driven by an entity level, a pillar-specific deviation, an entity trend and noise. It is
 * written to a temp CSV (6 significant digits) that both sides read: TypeScript through
 * `readIndicatorInput` (the CLI's and API's reader), numpy through `np.loadtxt`. The spec: panel
 * min–max, arithmetic, pillars weighted equally, indicators by entropy within each pillar.
 *
 * Timing: wall clock inside each process (performance.now / time.perf_counter), interpreter start-up
 * excluded; "read" = CSV bytes → indicator table (+ spec parse for numpy), "analysis" = the
 * uncertainty analysis from the table; median of `--repeats` runs (no separate warm-up: the first
 * run is what a CLI call pays, and is listed).
 *
 * Cross-checks (the random streams differ, so the two results are not bit-identical):
 * 1. nominal ranks equal exactly, and numpy's nominal composite equals `buildIndex`'s (≤ 1e-9);
 * 2. replay: numpy re-evaluates the TypeScript design (the same xoshiro128** uniforms, written to a
 *    file) — rank quantiles must then be equal and Sobol indices equal to rounding;
 * 3. numpy's own design (np.random.default_rng(seed)): median ranks compared, Sobol indices within
 *    3 combined Monte-Carlo standard errors.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { buildIndex } from "../../src/app/composite-framework.js";
import { type IndexUncertaintyResult, indexUncertainty } from "../../src/app/composite-uncertainty.js";
import { readIndicatorInput } from "../../src/app/indicator-input.js";
import { randomGenerator } from "../../src/core/random/xoshiro.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const PANEL_SEED = 20261203;
const PROVINCES = [
  110000, 120000, 130000, 140000, 150000, 210000, 220000, 230000, 310000, 320000, 330000, 340000, 350000, 360000,
  370000, 410000, 420000, 430000, 440000, 450000, 460000, 500000, 510000, 520000, 530000, 540000, 610000, 620000,
  630000, 640000, 650000,
];
const YEARS = Array.from({ length: 10 }, (_, t) => 2015 + t);
const PILLARS = 6;
const PER_PILLAR = 10;
/** indicator positions within a pillar that are costs (direction "-") */
const COST_POSITIONS = new Set([6, 9]);

interface Args {
  runs: number;
  repeats: number;
  seed: number;
  perturbation: number;
  python: string;
  numpy: boolean;
  replay: boolean;
  keep: boolean;
}

function parseArgs(argv: string[]): Args {
  const a: Args = {
    runs: 10_000,
    repeats: 3,
    seed: 7,
    perturbation: 0.2,
    python: "/usr/bin/python3",
    numpy: true,
    replay: true,
    keep: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--runs") a.runs = Number(argv[++i]);
    else if (arg === "--repeats") a.repeats = Number(argv[++i]);
    else if (arg === "--seed") a.seed = Number(argv[++i]);
    else if (arg === "--perturbation") a.perturbation = Number(argv[++i]);
    else if (arg === "--python") a.python = argv[++i] ?? a.python;
    else if (arg === "--no-numpy") a.numpy = false;
    else if (arg === "--no-replay") a.replay = false;
    else if (arg === "--keep") a.keep = true;
    else throw new Error(`unknown argument ${arg}`);
  }
  return a;
}

const indicatorId = (p: number, j: number) => `p${p + 1}_x${String(j + 1).padStart(2, "0")}`;

/** The synthetic panel as CSV text (entity, year, 60 indicators), 6 significant digits. */
function panelCsv(): string {
  const rng = randomGenerator(PANEL_SEED);
  const m = PROVINCES.length;
  const level = Array.from({ length: m }, () => rng.normal());
  const growth = Array.from({ length: m }, () => 0.08 + 0.04 * rng.normal());
  const pillarDev = Array.from({ length: m * PILLARS }, () => 0.7 * rng.normal());
  const ind = Array.from({ length: PILLARS * PER_PILLAR }, () => ({
    a: 1 + 5 * rng.uniform(),
    b: 0.4 + 0.6 * rng.uniform(),
    sigma: 0.2 + 0.4 * rng.uniform(),
    trend: 0.02 + 0.06 * rng.uniform(),
  }));
  const header = ["entity", "year"];
  for (let p = 0; p < PILLARS; p++) for (let j = 0; j < PER_PILLAR; j++) header.push(indicatorId(p, j));
  const lines = [header.join(",")];
  YEARS.forEach((year, t) => {
    PROVINCES.forEach((code, e) => {
      const cells: string[] = [String(code), String(year)];
      for (let p = 0; p < PILLARS; p++) {
        for (let j = 0; j < PER_PILLAR; j++) {
          const c = ind[p * PER_PILLAR + j] as (typeof ind)[number];
          const z = (level[e] as number) + (pillarDev[e * PILLARS + p] as number) + (growth[e] as number) * t;
          const v = c.b * z + c.sigma * rng.normal() + c.trend * t;
          const x = Math.exp(c.a + (COST_POSITIONS.has(j) ? -0.5 : 0.5) * v);
          cells.push(String(Number(x.toPrecision(6))));
        }
      }
      lines.push(cells.join(","));
    });
  });
  return `${lines.join("\n")}\n`;
}

/** 6 pillars × 10 indicators, entropy within pillars, equal across, panel min–max, arithmetic. */
function specJson(): string {
  return JSON.stringify(
    {
      id: "bench",
      label: { "zh-CN": "基准测试指数", en: "benchmark index" },
      normalisation: "panel_minmax",
      aggregation: "arithmetic",
      weighting: "equal",
      pillars: Array.from({ length: PILLARS }, (_, p) => ({
        id: `p${p + 1}`,
        weighting: "entropy",
        children: Array.from({ length: PER_PILLAR }, (_, j) => ({
          id: indicatorId(p, j),
          column: indicatorId(p, j),
          direction: COST_POSITIONS.has(j) ? "-" : "+",
        })),
      })),
    },
    null,
    1,
  );
}

interface Timing {
  median: number;
  times: number[];
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((p, q) => p - q);
  const h = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[h] as number) : ((s[h - 1] as number) + (s[h] as number)) / 2;
};

interface NumpyEntity {
  entity: string;
  nominal_rank: number;
  median_rank: number;
  rank_p05: number;
  rank_p95: number;
}
interface NumpySobol {
  factor: string;
  first_order: number;
  total: number;
  first_order_se: number;
  total_se: number;
}
interface NumpyResult {
  entities: NumpyEntity[];
  sobol: NumpySobol[];
  output_mean: number;
  output_variance: number;
  nominal_scores: number[];
  evaluations: number;
  seconds?: number;
}
interface NumpyOut {
  info: Record<string, unknown>;
  read: Timing;
  compute: Timing;
  result: NumpyResult;
  replay?: NumpyResult;
}

/** The uniforms of the TypeScript design, in the core's order: per base sample d for A, then d for B. */
function tsUniforms(seed: number, runs: number, d: number): Float64Array {
  const rng = randomGenerator(seed);
  const u = new Float64Array(2 * runs * d);
  for (let i = 0; i < u.length; i++) u[i] = rng.uniform();
  return u;
}

const ms = (s: number) => `${(s * 1000).toFixed(0)} ms`;

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const dir = mkdtempSync(join(tmpdir(), "shushi-bench-composite-"));
  const csvPath = join(dir, "panel.csv");
  const specPath = join(dir, "spec.json");
  const csv = panelCsv();
  const specText = specJson();
  writeFileSync(csvPath, csv);
  writeFileSync(specPath, specText);
  const loadStart = loadavg();
  try {
    // ---- TypeScript: the product path, from the CSV's bytes ----
    const bytes = readFileSync(csvPath);
    const tsRead: number[] = [];
    const tsAnalysis: number[] = [];
    let ts: IndexUncertaintyResult | undefined;
    for (let r = 0; r < args.repeats; r++) {
      const t0 = performance.now();
      const loaded = await readIndicatorInput(new Uint8Array(bytes), { file: "panel.csv" });
      const t1 = performance.now();
      ts = await indexUncertainty(
        { input: loaded },
        { text: specText, file: "spec.json" },
        { runs: args.runs, seed: args.seed, perturbation: args.perturbation },
      );
      const t2 = performance.now();
      tsRead.push((t1 - t0) / 1000);
      tsAnalysis.push((t2 - t1) / 1000);
      process.stderr.write(
        `[bench] TypeScript run ${r + 1}: read ${ms(tsRead[r] as number)}, analysis ${ms(tsAnalysis[r] as number)}\n`,
      );
    }
    if (ts === undefined) throw new Error("--repeats must be ≥ 1");
    const loadAfterTs = loadavg();

    const loaded = await readIndicatorInput(new Uint8Array(bytes), { file: "panel.csv" });
    const built = await buildIndex({ input: loaded }, { text: specText, file: "spec.json" });
    const lastYear = YEARS[YEARS.length - 1];
    const nominalTs = new Map(built.composite.filter((c) => c.year === lastYear).map((c) => [c.entity, c.score]));

    // ---- numpy ----
    let np: NumpyOut | undefined;
    if (args.numpy) {
      const d = 4 + (PILLARS + PILLARS * PER_PILLAR); // normalisation, weighting, one per edge, aggregation, dropped
      const job: Record<string, unknown> = {
        csv: csvPath,
        spec: specPath,
        runs: args.runs,
        seed: args.seed,
        perturbation: args.perturbation,
        repeats: args.repeats,
      };
      if (args.replay) {
        const replay = join(dir, "uniforms.f64");
        const u = tsUniforms(args.seed, args.runs, d);
        writeFileSync(replay, new Uint8Array(u.buffer, u.byteOffset, u.byteLength));
        job.replay = replay;
      }
      writeFileSync(join(dir, "job.json"), JSON.stringify(job));
      process.stderr.write(`[bench] numpy (${args.python}) …\n`);
      const r = spawnSync(args.python, [join(ROOT, "bench/composite/numpy_uncertainty.py"), join(dir, "job.json")], {
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
      });
      if (r.status !== 0) throw new Error(`numpy peer failed: ${r.stderr}`);
      np = JSON.parse(r.stdout) as NumpyOut;
      const times = np.compute.times;
      const reads = np.read.times;
      times.forEach((t, i) => {
        process.stderr.write(`[bench] numpy run ${i + 1}: read ${ms(reads[i] ?? 0)}, analysis ${ms(t)}\n`);
      });
    }
    const loadEnd = loadavg();
    process.stdout.write(
      report(args, ts, { read: tsRead, analysis: tsAnalysis }, nominalTs, np, [loadStart, loadAfterTs, loadEnd]),
    );
  } finally {
    if (args.keep) process.stderr.write(`[bench] inputs kept in ${dir}\n`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

function report(
  args: Args,
  ts: IndexUncertaintyResult,
  tsTimes: { read: number[]; analysis: number[] },
  nominalTs: Map<string, number>,
  np: NumpyOut | undefined,
  loads: number[][],
): string {
  const cpuModel =
    readFileSync("/proc/cpuinfo", "utf8")
      .split("\n")
      .find((l) => l.startsWith("model name"))
      ?.split(":")[1]
      ?.trim() ?? cpus()[0]?.model;
  const L: string[] = [];
  const fmtLoad = (l: number[] | undefined) => (l ?? []).map((v) => v.toFixed(1)).join(" ");
  const info = np?.info;
  const blas = (info?.blas as string[] | undefined)?.map((p) => p.split("/").pop()).join(", ") || "?";
  L.push(
    `machine: ${cpus().length} × ${cpuModel}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB; load average (1/5/15 min) ` +
      `${fmtLoad(loads[0])} at start, ${fmtLoad(loads[1])} after TypeScript, ${fmtLoad(loads[2])} at end; ` +
      `${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC; node ${process.version}; ` +
      (info === undefined
        ? "numpy not run"
        : `numpy ${String(info.numpy)} (Python ${String(info.python)}, ${String(info.executable)}; BLAS ${blas})`),
  );
  L.push("");
  L.push(
    `Panel 31 entities × 60 indicators × 10 years (6 pillars × 10, 12 cost indicators, seed ${PANEL_SEED}); ` +
      `runs N = ${args.runs} base samples, k = 5 factors → ${ts.evaluations} evaluations; seed ${args.seed}; ` +
      `perturbation ±${args.perturbation * 100} %; median of ${args.repeats} runs (each run's times listed).`,
  );
  L.push("");
  const tsTotal = tsTimes.read.map((r, i) => r + (tsTimes.analysis[i] as number));
  const tsMed = median(tsTotal);
  const tsAn = median(tsTimes.analysis);
  L.push(
    "| implementation | read CSV | analysis | total | each run (total) | evaluations/s (analysis) | vs numpy (total) |",
  );
  L.push("|---|---:|---:|---:|---|---:|---:|");
  const npTotal = np === undefined ? undefined : np.read.times.map((r, i) => r + (np.compute.times[i] as number));
  const npMed = npTotal === undefined ? undefined : median(npTotal);
  L.push(
    `| TypeScript \`indexUncertainty\` (readIndicatorInput → indexUncertainty) | ${ms(median(tsTimes.read))} | ${ms(tsAn)} | **${ms(tsMed)}** | ${tsTotal.map(ms).join(", ")} | ${Math.round(ts.evaluations / tsAn).toLocaleString("en")} | ${npMed === undefined ? "—" : `${(tsMed / npMed).toFixed(2)}×`} |`,
  );
  if (np !== undefined && npTotal !== undefined && npMed !== undefined)
    L.push(
      `| numpy (bench/composite/numpy_uncertainty.py) | ${ms(np.read.median)} | ${ms(np.compute.median)} | **${ms(npMed)}** | ${npTotal.map(ms).join(", ")} | ${Math.round(np.result.evaluations / np.compute.median).toLocaleString("en")} | 1.00× |`,
    );
  L.push("");
  const verdict = (ok: boolean) => (ok ? "**met**" : "**not met**");
  L.push(
    (args.runs === 10_000 ? "" : `(The goal is stated for N = 10 000; this run used N = ${args.runs}.) `) +
      `Goal (issue 7 item 11): under 5 s → ${verdict(tsMed < 5)} (${ms(tsMed)}); no slower than numpy → ` +
      (npMed === undefined
        ? "not measured"
        : `${verdict(tsMed <= npMed * 1.05)} (${(tsMed / npMed).toFixed(2)}× numpy, 5 % measurement allowance)`),
  );
  if (np === undefined) return `${L.join("\n")}\n`;

  // ---- cross-checks ----
  L.push("");
  L.push("Cross-checks:");
  L.push("");
  const npBy = new Map(np.result.entities.map((e) => [e.entity, e]));
  const nominalSame = ts.entities.every((e) => npBy.get(e.entity)?.nominal_rank === e.nominalRank);
  let scoreGap = 0;
  np.result.entities.forEach((e, q) => {
    const s = nominalTs.get(e.entity);
    scoreGap = Math.max(
      scoreGap,
      s === undefined ? Number.POSITIVE_INFINITY : Math.abs(s - (np.result.nominal_scores[q] as number)),
    );
  });
  L.push(
    `- nominal choice: ranks ${nominalSame ? "identical" : "**differ**"} for all ${ts.entities.length} entities; ` +
      `numpy's nominal composite vs \`buildIndex\` (0–100): max |Δ| = ${scoreGap.toExponential(1)}`,
  );
  if (np.replay !== undefined) {
    const rp = np.replay;
    const rpBy = new Map(rp.entities.map((e) => [e.entity, e]));
    let quantilesSame = 0;
    for (const e of ts.entities) {
      const o = rpBy.get(e.entity);
      if (o !== undefined && o.median_rank === e.medianRank && o.rank_p05 === e.rankP05 && o.rank_p95 === e.rankP95)
        quantilesSame++;
    }
    let sobolGap = 0;
    ts.sobol.forEach((s, i) => {
      const o = rp.sobol[i] as NumpySobol;
      sobolGap = Math.max(sobolGap, Math.abs(s.firstOrder - o.first_order), Math.abs(s.total - o.total));
    });
    L.push(
      `- replay (numpy evaluates the TypeScript design: the same xoshiro128** uniforms): median / 5 % / 95 % ranks ` +
        `identical for ${quantilesSame} of ${ts.entities.length} entities; Sobol indices max |Δ| = ${sobolGap.toExponential(1)}; ` +
        `output mean ${ts.outputMean?.toFixed(6)} vs ${rp.output_mean.toFixed(6)}, variance ${ts.outputVariance?.toFixed(6)} vs ${rp.output_variance.toFixed(6)}`,
    );
  }
  let medSame = 0;
  let medGap = 0;
  let bandGap = 0;
  for (const e of ts.entities) {
    const o = npBy.get(e.entity) as NumpyEntity;
    if (o.median_rank === e.medianRank) medSame++;
    medGap = Math.max(medGap, Math.abs(o.median_rank - e.medianRank));
    bandGap = Math.max(bandGap, Math.abs(o.rank_p05 - e.rankP05), Math.abs(o.rank_p95 - e.rankP95));
  }
  L.push(
    `- independent streams (numpy's own \`default_rng(${args.seed})\` design): median ranks equal for ${medSame} of ` +
      `${ts.entities.length} entities (max |Δ| ${medGap}), 5 % / 95 % ranks max |Δ| ${bandGap}; Sobol indices below ` +
      "(|Δ| against 3 combined Monte-Carlo standard errors)",
  );
  L.push("");
  L.push("| factor | S_i TS | S_i numpy | S_Ti TS | S_Ti numpy | abs. difference ÷ combined SE (S_i, S_Ti) |");
  L.push("|---|---:|---:|---:|---:|---|");
  ts.sobol.forEach((s, i) => {
    const o = np.result.sobol[i] as NumpySobol;
    const z1 = Math.abs(s.firstOrder - o.first_order) / Math.hypot(s.firstOrderSe, o.first_order_se);
    const zt = Math.abs(s.total - o.total) / Math.hypot(s.totalSe, o.total_se);
    const f = (v: number, se: number) => `${v.toFixed(3)} ± ${se.toFixed(3)}`;
    L.push(
      `| ${s.factor} | ${f(s.firstOrder, s.firstOrderSe)} | ${f(o.first_order, o.first_order_se)} | ${f(s.total, s.totalSe)} | ${f(o.total, o.total_se)} | ${z1.toFixed(1)}, ${zt.toFixed(1)}${z1 > 3 || zt > 3 ? " **> 3**" : ""} |`,
    );
  });
  const widths = ts.entities.map((e) => e.rankP95 - e.rankP05);
  L.push("");
  L.push(
    `Rank intervals (TypeScript): 5–95 % width median ${median(widths)}, max ${Math.max(...widths)}; ` +
      `output (mean absolute rank shift) mean ${ts.outputMean?.toFixed(3)}, variance ${ts.outputVariance?.toFixed(3)}.`,
  );
  return `${L.join("\n")}\n`;
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  if (typeof e === "object" && e !== null && "issues" in e)
    process.stderr.write(`${JSON.stringify((e as { issues: unknown }).issues, null, 1).slice(0, 2000)}\n`);
  process.exit(1);
});
