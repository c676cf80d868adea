/**
 * Writes test/reference/seeds/excerpts.json from the seed texts.
 *
 *   npx tsx test/reference/seeds/extract.ts [--seeds DIR] [--out DIR]
 *   npx tsx test/reference/seeds/extract.ts --check [--seeds DIR]
 *
 * --seeds defaults to ../shared/seeds beside the repository; --out defaults to this folder. --check
 * writes nothing: it verifies that each seed file still has the sha256 recorded in the published
 * dataset and that a fresh extraction equals the committed excerpts.json (exit 1 otherwise). The
 * test suite reads only the committed excerpts, so a clone of the repository alone passes.
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { isDeepStrictEqual, parseArgs } from "node:util";
import { loadPublishedDataset } from "../../../src/data/published/index.js";
import { DEFAULT_SEED_DIR, EXCERPTS_PATH, extractExcerpts, loadExcerpts } from "./excerpts.js";

const { values } = parseArgs({
  options: { seeds: { type: "string" }, out: { type: "string" }, check: { type: "boolean" } },
});
const seedDir = resolve(values.seeds ?? DEFAULT_SEED_DIR);
if (values.check === true) {
  const dataset = loadPublishedDataset();
  const problems: string[] = [];
  for (const d of dataset.provenance.documents) {
    const sha = createHash("sha256")
      .update(readFileSync(join(seedDir, d.file)))
      .digest("hex");
    if (sha !== d.sha256) problems.push(`${d.file}: sha256 ${sha}, recorded ${d.sha256}`);
  }
  if (!isDeepStrictEqual(extractExcerpts(dataset, seedDir), loadExcerpts()))
    problems.push(`${EXCERPTS_PATH} differs from a fresh extraction: run this script without --check`);
  process.stdout.write(problems.length === 0 ? `excerpts current against ${seedDir}\n` : `${problems.join("\n")}\n`);
  process.exit(problems.length === 0 ? 0 : 1);
}
const target = values.out === undefined ? EXCERPTS_PATH : join(resolve(values.out), "excerpts.json");
writeFileSync(target, `${JSON.stringify(extractExcerpts(loadPublishedDataset(), seedDir), null, 2)}\n`);
process.stdout.write(`wrote ${target} from ${seedDir}\n`);
