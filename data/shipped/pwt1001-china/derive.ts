/**
 * Derives pwt1001_china_long.csv (the file of the shipped series `pwt-1001-chn`) from pwt1001_china.csv,
 * the byte copy of shared/data/raw/pwt1001-china/pwt1001_china.csv (MANIFEST §4: Penn World Table 10.01,
 * rows of isocode CHN). Run from the repository root; re-runnable, writes only the derived file:
 *
 *     npx tsx data/shipped/pwt1001-china/derive.ts [--check]
 *
 * The transform is `pwtChinaLong` in src/data/series/derive.ts: one row per non-empty numeric cell, the
 * indicator is PWT's variable name (`rgdpna`, `rnna`, `emp`, `labsh`, `rtfpna`, …), values unchanged, unit
 * per variable (`PWT_VARIABLES`); text and flag columns (country, isocode, currency, i_*) are dropped. The
 * printed sha256 values are recorded in src/data/series/shipped.ts and data/shipped/PROVENANCE.md;
 * `--check` writes nothing and exits 1 when the committed file is stale.
 */
import { PWT_CHINA_DERIVATION, runDerivation } from "../../../src/data/series/derive.js";

const check = process.argv.includes("--check");
const r = runDerivation(PWT_CHINA_DERIVATION, { check });
process.stdout.write(
  `${PWT_CHINA_DERIVATION.output}: source sha256 ${r.sourceSha256}, output sha256 ${r.outputSha256}` +
    `${check ? (r.current ? " (current)" : " (STALE)") : " (written)"}\n`,
);
process.exitCode = check && !r.current ? 1 : 0;
