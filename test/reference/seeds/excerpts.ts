/**
 * Seed excerpts: the repository's own evidence that every published value (data/published) is printed
 * in its seed document. For each value, a short context excerpt (≤ ~60 characters, whitespace removed)
 * around its anchor in the seed text, and for each seed file its sha256 — written by extract.ts from
 * the seed texts (../shared/seeds) into excerpts.json, checked by src/data/published/index.test.ts (against the seeds themselves: extract.ts --check).
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { PublishedDataset } from "../../../src/data/published/index.js";

const HERE = dirname(fileURLToPath(import.meta.url));

/** The committed excerpts file. */
export const EXCERPTS_PATH = join(HERE, "excerpts.json");
/** Where the seed texts live when the repository is checked out beside shared/ (the generator's input). */
export const DEFAULT_SEED_DIR = resolve(HERE, "..", "..", "..", "..", "shared", "seeds");
/** Target excerpt length (characters, whitespace removed); longer anchors keep MIN_PAD on each side. */
export const EXCERPT_LENGTH = 60;
const MIN_PAD = 8;

/** One published value's excerpt. */
export interface ValueExcerpt {
  readonly seed: string;
  /** the anchor searched (value.anchor ?? value.printed, whitespace removed) */
  readonly anchor: string;
  /** the seed text around the anchor's first standalone occurrence (whitespace removed) */
  readonly excerpt: string;
}

/** excerpts.json */
export interface SeedExcerpts {
  readonly description: string;
  readonly generator: string;
  /** per seed id: file name and sha256 of the seed text the excerpts were taken from */
  readonly seeds: Readonly<Record<string, { readonly file: string; readonly sha256: string }>>;
  /** per published value id (values without membership lists) */
  readonly values: Readonly<Record<string, ValueExcerpt>>;
  /** per tier-list value id: per printed sector name, its excerpt */
  readonly names: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/** Drops whitespace: line breaks and spaces fall inside numbers in the text extraction (e.g. "83.\n24"). */
export function squash(text: string): string {
  return text.replace(/\s+/gu, "");
}

/**
 * Index of the first occurrence of `needle` in `hay` that is not part of a longer number (for bare
 * numeric needles: no digit or "." glued before, no digit or ".d" glued after); -1 if none.
 */
export function standaloneIndex(hay: string, needle: string): number {
  const numeric = /^-?\d+(\.\d+)?$/.test(needle);
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) {
    if (!numeric) return at;
    const before = hay[at - 1] ?? "";
    const after = hay.slice(at + needle.length, at + needle.length + 2);
    const glued = /[\d.]/.test(before) || /^\d/.test(after) || /^\.\d/.test(after);
    if (!glued) return at;
  }
  return -1;
}

function excerptAt(hay: string, at: number, length: number): string {
  const pad = Math.max(MIN_PAD, Math.floor((EXCERPT_LENGTH - length) / 2));
  return hay.slice(Math.max(0, at - pad), at + length + pad);
}

/**
 * Builds the excerpts from the seed texts in `seedDir`.
 *
 * @throws Error listing every anchor or sector name not found in its seed
 */
export function extractExcerpts(dataset: PublishedDataset, seedDir: string): SeedExcerpts {
  const seeds: Record<string, { file: string; sha256: string }> = {};
  const text = new Map<string, string>();
  for (const d of dataset.provenance.documents) {
    const bytes = readFileSync(join(seedDir, d.file));
    seeds[d.seed] = { file: d.file, sha256: createHash("sha256").update(bytes).digest("hex") };
    text.set(d.seed, squash(bytes.toString("utf8")));
  }
  const values: Record<string, ValueExcerpt> = {};
  const names: Record<string, Record<string, string>> = {};
  const missing: string[] = [];
  for (const v of dataset.values) {
    const hay = text.get(v.seed) ?? "";
    if (v.members !== undefined) {
      const byName: Record<string, string> = {};
      for (const name of v.member_names_zh ?? []) {
        const at = hay.indexOf(name);
        if (at < 0) missing.push(`${v.id}: ${name}`);
        else byName[name] = excerptAt(hay, at, name.length);
      }
      names[v.id] = byName;
      continue;
    }
    const anchor = squash(v.anchor ?? v.printed);
    const at = standaloneIndex(hay, anchor);
    if (at < 0) missing.push(`${v.id}: ${anchor}`);
    else values[v.id] = { seed: v.seed, anchor, excerpt: excerptAt(hay, at, anchor.length) };
  }
  if (missing.length > 0) throw new Error(`not found in the seed texts:\n${missing.join("\n")}`);
  return {
    description:
      "Context excerpts (whitespace removed) of every published value in data/published/published-values.json, " +
      "taken from the seed texts whose sha256 is recorded here. Never edit by hand: npm run reference:regen " +
      "(or npx tsx test/reference/seeds/extract.ts --seeds <dir>) with the seed texts beside the repository.",
    generator: "test/reference/seeds/extract.ts",
    seeds,
    values,
    names,
  };
}

/** The committed excerpts.json. */
export function loadExcerpts(): SeedExcerpts {
  return JSON.parse(readFileSync(EXCERPTS_PATH, "utf8")) as SeedExcerpts;
}
