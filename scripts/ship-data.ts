/**
 * Copies the shipped IO datasets from the shared staging folder into `data/shipped/` (byte copies,
 * upstream file names, grouped as in the staging folder) and writes `data/shipped/SHA256SUMS`.
 * Run from the repo root:
 *
 *     npx tsx scripts/ship-data.ts [--source ../shared/data/raw] [--check]
 *
 * `--check` copies nothing and verifies that every shipped file matches its SHA256SUMS line and the
 * staging copy (when the staging folder is present). The list of files is `SHIPPED_FILES` in
 * src/data/catalog.ts, so the catalogue and the shipped folder cannot drift apart.
 */
import { createHash } from "node:crypto";
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { SHIPPED_FILES } from "../src/data/catalog.js";
import { repoRoot } from "../src/data/paths.js";

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function main(argv: readonly string[]): number {
  const root = repoRoot();
  const sourceFlag = argv.indexOf("--source");
  const source = resolve(root, sourceFlag >= 0 ? (argv[sourceFlag + 1] ?? "") : "../shared/data/raw");
  const check = argv.includes("--check");
  const shippedDir = join(root, "data", "shipped");
  const lines: string[] = [];
  let problems = 0;
  for (const rel of SHIPPED_FILES) {
    const target = join(shippedDir, rel);
    const staged = join(source, rel);
    if (!check) {
      if (!existsSync(staged)) {
        process.stderr.write(`missing in staging folder: ${staged}\n`);
        problems++;
        continue;
      }
      mkdirSync(dirname(target), { recursive: true });
      if (existsSync(target)) chmodSync(target, 0o644); // staged files are read-only
      copyFileSync(staged, target);
      chmodSync(target, 0o644);
    }
    if (!existsSync(target)) {
      process.stderr.write(`missing shipped file: ${target}\n`);
      problems++;
      continue;
    }
    const hash = sha256(readFileSync(target));
    if (existsSync(staged) && sha256(readFileSync(staged)) !== hash) {
      process.stderr.write(`differs from staging copy: ${rel}\n`);
      problems++;
    }
    lines.push(`${hash}  ${rel}`);
  }
  const sumsPath = join(shippedDir, "SHA256SUMS");
  const sums = `${lines.join("\n")}\n`;
  if (check) {
    const committed = existsSync(sumsPath) ? readFileSync(sumsPath, "utf8") : "";
    if (committed !== sums) {
      process.stderr.write("SHA256SUMS does not match the shipped files\n");
      problems++;
    }
  } else {
    writeFileSync(sumsPath, sums);
  }
  process.stdout.write(`${check ? "checked" : "shipped"} ${lines.length} files, ${problems} problem(s)\n`);
  return problems === 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
