/**
 * `npm run reference:regen`: reruns every reference generator under test/reference/ in place
 * (every `<source>/generate.{py,R}`, see generators.ts), lays the JSON outputs out the way Biome does
 * (re-indentation only, values untouched), then re-extracts the seed excerpts when the seed texts are
 * beside the repository (test/reference/seeds/extract.ts; without them the committed excerpts stand and
 * this says so). Exits 1 on the first failing generator.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join, relative } from "node:path";
import { REFERENCE_DIR, REPO_ROOT, referenceGenerators, runGenerator } from "./generators.js";
import { DEFAULT_SEED_DIR } from "./seeds/excerpts.js";

const out = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

for (const g of referenceGenerators()) {
  const r = runGenerator(g);
  if (r.error || r.status !== 0) {
    process.stderr.write(
      `${relative(REPO_ROOT, g.script)} failed (${r.error?.message ?? `exit ${r.status}`})\n${r.stderr}`,
    );
    process.exit(1);
  }
  const biome = join(REPO_ROOT, "node_modules", ".bin", "biome");
  spawnSync(biome, ["format", "--write", relative(REPO_ROOT, g.dir)], { cwd: REPO_ROOT, stdio: "ignore" });
  out(`regenerated ${relative(REPO_ROOT, g.dir)}`);
}

if (existsSync(DEFAULT_SEED_DIR)) {
  const r = spawnSync(
    process.execPath,
    ["--import", "tsx", join(REFERENCE_DIR, "seeds", "extract.ts"), "--seeds", DEFAULT_SEED_DIR],
    { cwd: REPO_ROOT, stdio: "inherit" },
  );
  if (r.status !== 0) process.exit(1);
} else {
  out(
    `seeds: ${DEFAULT_SEED_DIR} not found — test/reference/seeds/excerpts.json not regenerated (the committed file stands)`,
  );
}
