/**
 * Derives provincial_gross_output_long.csv (the file of the shipped panel `cn-ipio-provincial-gross-output`)
 * from provincial_sector_totals_1997_2017.csv, the byte copy of
 * shared/data/raw/ipio-abumazan-provincial-totals/ (MANIFEST §6). Run from the repository root;
 * re-runnable, writes only the derived file:
 *
 *     npx tsx data/shipped/ipio-abumazan-provincial-totals/derive.ts [--check]
 *
 * The transform is `provincialGrossOutputLong` in src/data/series/derive.ts: province names → GB/T 2260
 * codes (data/shipped/regions/gbt2260-provinces.csv), indicator `io<year>-<nn>`, values unchanged,
 * unit 亿元. The printed sha256 values are recorded in src/data/series/shipped.ts and
 * data/shipped/PROVENANCE.md; `--check` writes nothing and exits 1 when the committed file is stale.
 */
import { PROVINCIAL_GROSS_OUTPUT_DERIVATION, runDerivation } from "../../../src/data/series/derive.js";

const check = process.argv.includes("--check");
const r = runDerivation(PROVINCIAL_GROSS_OUTPUT_DERIVATION, { check });
process.stdout.write(
  `${PROVINCIAL_GROSS_OUTPUT_DERIVATION.output}: source sha256 ${r.sourceSha256}, output sha256 ${r.outputSha256}` +
    `${check ? (r.current ? " (current)" : " (STALE)") : " (written)"}\n`,
);
process.exitCode = check && !r.current ? 1 : 0;
