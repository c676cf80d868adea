/**
 * The committed reference outputs under test/reference/ are current: every generator
 * (`test/reference/<source>/generate.{py,R}`, discovered by listing the folders) is rerun into a
 * temporary folder with `--out` and each file it writes is compared with the committed file of the
 * same name beside the generator.
 *
 * Needs python3 with numpy and scipy (scripts/setup.sh installs python3-numpy and python3-scipy). A
 * missing interpreter or module fails the test — there is no skip.
 *
 * Tolerance: strings, integers, array lengths and keys must be identical; floating-point numbers equal
 * or within rtol = 1e-12 of the larger magnitude. Bit equality is too strict across machines: numpy's
 * inverse and eigenvalue routines go through OpenBLAS/LAPACK kernels chosen by CPU and thread count,
 * and a rerun on this machine already differs from the committed textbook.json and linalg.json in the
 * last one or two ulps of a few L entries (≈ 1e-16 relative). A changed formula, input cell or
 * parameter moves the outputs by far more (the smallest such changes in these files — one input cell
 * in the 6-sector tables, one RAS iteration — move values by ≥ 1e-9 relative), so 1e-12 (≈ 4 500 ulp)
 * catches every stale output while tolerating the kernel's rounding. For values computed from an
 * ill-conditioned matrix whose κ₁ the generator records beside them (numpy-linalg's Hilbert cases,
 * κ₁ up to 3.4e10) the bound is κ₁·ε instead (jsonDifferences): a rerun differs there by up to 1e-10
 * relative for n = 6, inside κ₁·ε ≈ 6e-9. Software-version fields (numpy,
 * python, scipy) are not compared: they record the machine that ran the generator.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { jsonDifferences, REPO_ROOT, referenceGenerators, runGenerator } from "./generators.js";

const RTOL = 1e-12;
const generators = referenceGenerators();
const tmpRoot = mkdtempSync(join(tmpdir(), "shushi-reference-"));
afterAll(() => rmSync(tmpRoot, { recursive: true, force: true }));

describe("reference generators", () => {
  it("are discovered (textbook, numpy-io, numpy-linalg, scipy-spearman at least)", () => {
    expect(generators.map((g) => g.source)).toEqual(
      expect.arrayContaining(["textbook", "numpy-io", "numpy-linalg", "scipy-spearman"]),
    );
  });

  it("run with python3 and numpy + scipy importable (no skip when missing)", () => {
    const r = runGenerator({
      source: "probe",
      dir: REPO_ROOT,
      script: join(REPO_ROOT, "test", "reference", "probe-numpy.py"),
      interpreter: "python3",
    });
    expect(r.error?.message, "python3 not found: scripts/setup.sh installs it").toBeUndefined();
    expect(
      `${r.status} ${r.stderr}`.trim(),
      "numpy/scipy not importable: apt-get install python3-numpy python3-scipy",
    ).toBe("0");
  });
});

describe.each(generators)("test/reference/$source (committed outputs are current)", (g) => {
  it(`regenerates into a temp folder and equals the committed JSON (rtol ${RTOL})`, () => {
    const out = mkdtempSync(join(tmpRoot, `${g.source}-`));
    const r = runGenerator(g, out);
    expect(r.error?.message, `${g.interpreter} could not start`).toBeUndefined();
    expect(r.status, `${relative(REPO_ROOT, g.script)} failed:\n${r.stderr}`).toBe(0);
    const written = readdirSync(out).filter((f) => f.endsWith(".json"));
    expect(written.length, "the generator wrote no JSON file").toBeGreaterThan(0);
    const differences: string[] = [];
    for (const file of written) {
      const committed = JSON.parse(readFileSync(join(g.dir, file), "utf8")) as unknown;
      const fresh = JSON.parse(readFileSync(join(out, file), "utf8")) as unknown;
      differences.push(...jsonDifferences(committed, fresh, RTOL, file).slice(0, 20));
    }
    expect(differences).toEqual([]);
  });
});

describe("jsonDifferences", () => {
  it("accepts a last-ulp difference and rejects a 1e-9 relative one, a changed string and a missing key", () => {
    expect(jsonDifferences({ a: [1.0810813347070416] }, { a: [1.0810813347070418] }, RTOL)).toEqual([]);
    expect(jsonDifferences({ a: 1 }, { a: 1 + 1e-9 }, RTOL)).toHaveLength(1);
    expect(jsonDifferences({ s: "x" }, { s: "y" }, RTOL)).toHaveLength(1);
    expect(jsonDifferences({ a: 1, b: 2 }, { a: 1 }, RTOL)).toHaveLength(1);
    expect(jsonDifferences({ meta: { numpy: "2.4.6" } }, { meta: { numpy: "2.5.0" } }, RTOL)).toEqual([]);
    expect(jsonDifferences([1, 2], [1, 2, 3], RTOL)).toHaveLength(1);
  });

  it("widens the tolerance to κ₁·ε inside an object that records κ₁ (and only there)", () => {
    const hilbert6 = { cond1: 29070279.01, inverse: [36.0000000049468] };
    expect(jsonDifferences(hilbert6, { ...hilbert6, inverse: [36.00000000190113] }, RTOL)).toEqual([]);
    expect(jsonDifferences(hilbert6, { ...hilbert6, inverse: [36.000001] }, RTOL)).toHaveLength(1);
    expect(jsonDifferences({ inverse: [36.0000000049468] }, { inverse: [36.00000000190113] }, RTOL)).toHaveLength(1);
  });
});
