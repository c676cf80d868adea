/**
 * Derives headline_vintages_long.csv (the file of the shipped series `cn-nbs-headline-vintages`) from
 * figures.csv, the byte copy of shared/data/raw/nbs-communique-2023-2024/figures.csv (MANIFEST §13).
 * Run from the repository root; re-runnable, writes only the derived file:
 *
 *     npx tsx data/shipped/nbs-communique-2023-2024/derive.ts [--check]
 *
 * The transform is `headlineVintagesLong` in src/data/series/derive.ts: the vintage goes into the
 * indicator code (`国内生产总值(亿元)@preliminary`), rows of confidence `inferred` are dropped, 万个
 * become 个 (exact). The printed sha256 values are recorded in src/data/series/shipped.ts and
 * data/shipped/PROVENANCE.md; `--check` writes nothing and exits 1 when the committed file is stale.
 */
import { HEADLINE_VINTAGES_DERIVATION, runDerivation } from "../../../src/data/series/derive.js";

const check = process.argv.includes("--check");
const r = runDerivation(HEADLINE_VINTAGES_DERIVATION, { check });
process.stdout.write(
  `${HEADLINE_VINTAGES_DERIVATION.output}: source sha256 ${r.sourceSha256}, output sha256 ${r.outputSha256}` +
    `${check ? (r.current ? " (current)" : " (STALE)") : " (written)"}\n`,
);
process.exitCode = check && !r.current ? 1 : 0;
