/**
 * The reference generators under test/reference/: every `test/reference/<source>/generate.py` or
 * `generate.R`, discovered by listing the folders (so a generator added by anyone is included without
 * editing a list). Each takes `--out DIR` (default: its own folder) and writes its JSON outputs there.
 *
 * Used by `npm run reference:regen` (regen.ts, writes in place) and by current.test.ts (writes into
 * a temporary folder and compares with the committed files).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

/** test/reference/ */
export const REFERENCE_DIR = dirname(fileURLToPath(import.meta.url));
/** the repository root */
export const REPO_ROOT = join(REFERENCE_DIR, "..", "..");

/** One generator script. */
export interface Generator {
  /** folder name under test/reference/ (e.g. "numpy-io") */
  readonly source: string;
  /** absolute path of the folder (where the committed outputs live) */
  readonly dir: string;
  /** absolute path of generate.py / generate.R */
  readonly script: string;
  /** the interpreter: python3 or Rscript */
  readonly interpreter: "python3" | "Rscript";
}

/** Every `test/reference/<source>/generate.{py,R}`, sorted by source. */
export function referenceGenerators(): Generator[] {
  const out: Generator[] = [];
  for (const source of readdirSync(REFERENCE_DIR).sort()) {
    const dir = join(REFERENCE_DIR, source);
    if (!statSync(dir).isDirectory()) continue;
    for (const [file, interpreter] of [
      ["generate.py", "python3"],
      ["generate.R", "Rscript"],
    ] as const) {
      const script = join(dir, file);
      if (existsSync(script)) out.push({ source, dir, script, interpreter });
    }
  }
  return out;
}

/** Outcome of one run. */
export interface GeneratorRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** spawn error (e.g. ENOENT when the interpreter is missing) */
  readonly error?: Error;
}

/**
 * Runs a generator from the repository root with `--out outDir` (or with no argument: in place).
 * No fallback: a missing interpreter or module is reported as a failed run.
 */
export function runGenerator(g: Generator, outDir?: string): GeneratorRun {
  const args = [relative(REPO_ROOT, g.script), ...(outDir === undefined ? [] : ["--out", outDir])];
  const r = spawnSync(g.interpreter, args, { cwd: REPO_ROOT, encoding: "utf8", timeout: 300_000 });
  return { status: r.status, stdout: r.stdout ?? "", stderr: r.stderr ?? "", ...(r.error ? { error: r.error } : {}) };
}

/** Keys that record the software that ran a generator (differ between machines, not values). */
export const SOFTWARE_KEYS: ReadonlySet<string> = new Set(["numpy", "python", "scipy", "R", "r_version"]);

/** Keys under which a generator records the 1-norm condition number κ₁ of the matrix its values come from. */
export const CONDITION_KEYS: readonly string[] = ["cond1", "condition1"];

/**
 * Differences between a committed JSON value and a regenerated one: same structure, same strings,
 * numbers equal or within `rtol` relative to the larger magnitude. Keys in SOFTWARE_KEYS are skipped.
 * Inside an object that records its matrix's condition number (CONDITION_KEYS, committed value κ₁),
 * the relative tolerance is max(rtol, κ₁·ε): an inverse from a backward-stable LU is accurate to about
 * κ·ε relative, so two LAPACK builds may legitimately differ by that much (the Hilbert cases).
 *
 * @returns a list of "path: committed vs regenerated" lines (empty when current)
 */
export function jsonDifferences(committed: unknown, fresh: unknown, rtol: number, path = "$"): string[] {
  if (typeof committed === "number" && typeof fresh === "number") {
    if (committed === fresh) return [];
    const scale = Math.max(Math.abs(committed), Math.abs(fresh));
    return Math.abs(committed - fresh) <= rtol * scale ? [] : [`${path}: ${committed} vs ${fresh}`];
  }
  if (Array.isArray(committed) && Array.isArray(fresh)) {
    if (committed.length !== fresh.length) return [`${path}: length ${committed.length} vs ${fresh.length}`];
    return committed.flatMap((c, i) => jsonDifferences(c, fresh[i], rtol, `${path}[${i}]`));
  }
  if (
    committed !== null &&
    fresh !== null &&
    typeof committed === "object" &&
    typeof fresh === "object" &&
    !Array.isArray(committed) &&
    !Array.isArray(fresh)
  ) {
    const a = committed as Record<string, unknown>;
    const b = fresh as Record<string, unknown>;
    for (const key of CONDITION_KEYS) {
      const kappa = a[key];
      if (typeof kappa === "number" && Number.isFinite(kappa)) rtol = Math.max(rtol, kappa * Number.EPSILON);
    }
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap((k) => {
      if (SOFTWARE_KEYS.has(k)) return [];
      if (!(k in a)) return [`${path}.${k}: missing in the committed file`];
      if (!(k in b)) return [`${path}.${k}: not produced by the generator`];
      return jsonDifferences(a[k], b[k], rtol, `${path}.${k}`);
    });
  }
  return committed === fresh ? [] : [`${path}: ${JSON.stringify(committed)} vs ${JSON.stringify(fresh)}`];
}
