/**
 * The shipped regional framework (区域评价框架, data/specs/): the "2135+N" catalogue of pillars — which
 * the shipped public data can fill, which it cannot, their national anchors in the published dataset —
 * and the index spec of the filled part (read by src/app/composite-framework.ts `readIndexSpec`).
 * Labels live in the JSON files (zh-CN and en), not here.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { repoPath } from "./paths.js";

/** Repository paths of the two files. */
export const REGIONAL_SPEC_FILE = "data/specs/region-2135n-spec.json";
export const REGIONAL_CATALOGUE_FILE = "data/specs/region-2135n-catalogue.json";

const label = z.strictObject({ "zh-CN": z.string().min(1), en: z.string().min(1) });

const catalogueSchema = z.strictObject({
  id: z.string(),
  source: z.strictObject({ publishedId: z.string() }),
  note: z.string(),
  pillars: z.array(
    z.strictObject({
      id: z.string(),
      label,
      status: z.enum(["filled", "no_public_data", "context"]),
      indicators: z.array(z.string()).optional(),
      anchors: z.array(z.string()),
    }),
  ),
});

/** The "2135+N" catalogue. */
export type RegionalCatalogue = z.output<typeof catalogueSchema>;

/**
 * The shipped catalogue, validated (读取区域评价框架).
 * @throws Error when the shipped file is broken (an installation defect, not a user error)
 */
export function regionalCatalogue(): RegionalCatalogue {
  const text = readFileSync(repoPath(...REGIONAL_CATALOGUE_FILE.split("/")), "utf8");
  return catalogueSchema.parse(JSON.parse(text));
}

/** The shipped spec's bytes and repository path, for `readIndexSpec`. */
export function regionalSpecText(): { readonly text: Uint8Array; readonly file: string } {
  return { text: new Uint8Array(readFileSync(repoPath(...REGIONAL_SPEC_FILE.split("/")))), file: REGIONAL_SPEC_FILE };
}
