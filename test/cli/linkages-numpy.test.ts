/**
 * Issue 2, "done when": `shushi io linkages --input <generic CSV> --format json` agrees with numpy to
 * 1e-9 (relative) on influence and sensitivity coefficients for random productive tables up to n = 300.
 *
 * The tables are the exact synthetic tables of test/reference/numpy-io/generate.py (dyadic a_ij, integer
 * x_j, so Z = A·diag(x) is exact in binary64 and String() writes it losslessly); numpy's F and E come from
 * np.linalg.inv(I − A) in random_productive.json. The final-demand column is the row residual x − Z·1, so
 * each row balances to rounding. Tolerance 1e-9: κ₁(I − A) ≤ 10 for these tables (condition1 in the
 * JSON), so both sides carry ~1e-15 relative error; 1e-9 is the stated bound.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/app/test-fixtures.js";
import { type CliIo, run } from "../../src/cli/main.js";
import { expectAllClose } from "../helpers/close.js";
import { loadNumpyReference, randomProductiveTable } from "../reference/numpy-io/load.js";

interface RandomReference {
  tables: { n: number; seed: number; exponent: number; F: number[]; E: number[]; condition1: number }[];
}

const ROOT = resolve(import.meta.dirname, "../..");
const tmp = mkdtempSync(join(tmpdir(), "shushi-cli-numpy-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

class Sink {
  text = "";
  write(s: string): boolean {
    this.text += s;
    return true;
  }
}

function genericCsv(n: number, A: Float64Array, x: Float64Array): string {
  const codes = Array.from({ length: n }, (_, i) => `s${String(i + 1).padStart(3, "0")}`);
  const lines = ["unit: cny_10k", ["code", "name", ...codes, "fd_residual", "output"].join(",")];
  for (let i = 0; i < n; i++) {
    const row: string[] = [];
    let sum = 0;
    for (let j = 0; j < n; j++) {
      const z = (A[i * n + j] as number) * (x[j] as number);
      sum += z;
      row.push(String(z));
    }
    lines.push([codes[i], `sector ${i + 1}`, ...row, String((x[i] as number) - sum), String(x[i])].join(","));
  }
  return `${lines.join("\n")}\n`;
}

describe("shushi io linkages --input agrees with numpy on random productive tables", () => {
  const reference = loadNumpyReference<RandomReference>("random_productive");
  for (const t of reference.tables) {
    it(`n = ${t.n}: influence and sensitivity to 1e-9 relative (numpy np.linalg.inv)`, async () => {
      const { A, x } = randomProductiveTable(t.n, t.seed, t.exponent);
      const file = join(tmp, `random-${t.n}.csv`);
      writeFileSync(file, genericCsv(t.n, A, x));
      const stdout = new Sink();
      const stderr = new Sink();
      const io: CliIo = {
        stdout,
        stderr,
        cwd: ROOT,
        env: { SHUSHI_DATA_DIR: join(tmp, "no-store") },
        deps: { clock: fixedClock },
      };
      const code = await run(["io", "linkages", "--input", file, "--format", "json"], io);
      expect(stderr.text).toBe("");
      expect(code).toBe(0);
      const doc = JSON.parse(stdout.text) as { sectors: { influence: number; sensitivity: number }[] };
      expect(doc.sectors).toHaveLength(t.n);
      expectAllClose(
        doc.sectors.map((s) => s.influence),
        t.F,
        { rtol: 1e-9 },
        "influence",
      );
      expectAllClose(
        doc.sectors.map((s) => s.sensitivity),
        t.E,
        { rtol: 1e-9 },
        "sensitivity",
      );
    });
  }
});
