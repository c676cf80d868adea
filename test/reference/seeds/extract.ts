/**
 * Writes test/reference/seeds/excerpts.json from the seed texts.
 *
 *   npx tsx test/reference/seeds/extract.ts [--seeds DIR] [--out DIR]
 *
 * --seeds defaults to ../shared/seeds beside the repository; --out defaults to this folder.
 */
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { loadPublishedDataset } from "../../../src/data/published/index.js";
import { DEFAULT_SEED_DIR, EXCERPTS_PATH, extractExcerpts } from "./excerpts.js";

const { values } = parseArgs({ options: { seeds: { type: "string" }, out: { type: "string" } } });
const seedDir = resolve(values.seeds ?? DEFAULT_SEED_DIR);
const target = values.out === undefined ? EXCERPTS_PATH : join(resolve(values.out), "excerpts.json");
writeFileSync(target, `${JSON.stringify(extractExcerpts(loadPublishedDataset(), seedDir), null, 2)}\n`);
process.stdout.write(`wrote ${target} from ${seedDir}\n`);
