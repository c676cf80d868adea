/**
 * Import-boundary rules (STYLE §2.3, ADR 0001): the pure core imports nothing outside src/core and
 * uses no clock, randomness or console; data does not reach up into app/server/cli; the web app
 * reaches the system only through the HTTP API (it may import core *types* and web/charts).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

interface ImportRef {
  readonly specifier: string;
  readonly line: number;
  readonly typeOnly: boolean;
}

/** Every import/export-from/dynamic-import/require specifier in a TypeScript source text. */
function importSpecifiers(source: string): ImportRef[] {
  const out: ImportRef[] = [];
  const text = source.replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, " "));
  const patterns: [RegExp, boolean][] = [
    // static import/export … from "x" (possibly multi-line); group 1 = "type" keyword when present
    [/(?:^|[\n;])\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s*)?["']([^"']+)["']/g, false],
    // dynamic import("x") and require("x")
    [/\b(?:import|require)\s*\(\s*["']([^"']+)["']\s*\)/g, true],
  ];
  for (const [re, dynamic] of patterns) {
    for (const m of text.matchAll(re)) {
      const specifier = dynamic ? m[1] : m[2];
      if (specifier === undefined) continue;
      const before = text.slice(0, m.index ?? 0);
      const line = before.split("\n").length + (dynamic ? 0 : (m[0].match(/^\s*\n/)?.length ?? 0));
      const lineText = text.split("\n")[line - 1] ?? "";
      if (/^\s*\/\//.test(lineText)) continue;
      out.push({ specifier, line, typeOnly: !dynamic && m[1] !== undefined });
    }
  }
  return out;
}

function listTs(dir: string): string[] {
  const abs = join(ROOT, dir);
  let entries: string[];
  try {
    entries = readdirSync(abs);
  } catch {
    return [];
  }
  const files: string[] = [];
  for (const e of entries) {
    if (e === "node_modules" || e === "dist") continue;
    const p = join(abs, e);
    if (statSync(p).isDirectory()) files.push(...listTs(relative(ROOT, p)));
    else if (/\.(ts|tsx|mts|js|mjs|vue)$/.test(e) && !/\.test\.ts$/.test(e) && !e.endsWith(".d.ts")) {
      files.push(relative(ROOT, p));
    }
  }
  return files;
}

/** The repo-relative target of a relative specifier, else undefined. */
function resolveRelative(file: string, specifier: string): string | undefined {
  if (!specifier.startsWith(".")) return undefined;
  return relative(ROOT, resolve(ROOT, dirname(file), specifier))
    .split("\\")
    .join("/");
}

const CORE_FORBIDDEN_PACKAGES = /^(node:|fs$|fs\/|path$|path\/|@duckdb\/|duckdb|hono|@hono\/|exceljs)/;
const CORE_FORBIDDEN_TARGETS = /^src\/(data|app|server|cli|report|i18n|native)(\/|$)/;

/** Import violations of a core file. */
function coreImportViolations(file: string, source: string): string[] {
  const v: string[] = [];
  for (const ref of importSpecifiers(source)) {
    const target = resolveRelative(file, ref.specifier);
    if (CORE_FORBIDDEN_PACKAGES.test(ref.specifier)) v.push(`${file}:${ref.line} imports “${ref.specifier}”`);
    else if (ref.specifier.startsWith("src/") && CORE_FORBIDDEN_TARGETS.test(ref.specifier)) {
      v.push(`${file}:${ref.line} imports “${ref.specifier}”`);
    } else if (target !== undefined && (CORE_FORBIDDEN_TARGETS.test(target) || !target.startsWith("src/core"))) {
      v.push(`${file}:${ref.line} imports “${ref.specifier}” (→ ${target})`);
    }
  }
  return v;
}

/** Impure calls in a core file (console, clock, randomness), ignoring comments. */
function coreImpurities(file: string, source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, " ")).replace(/\/\/[^\n]*/g, "");
  const v: string[] = [];
  const lines = code.split("\n");
  lines.forEach((l, i) => {
    for (const re of [/\bconsole\./, /\bDate\.now\b/, /\bnew\s+Date\b/, /\bMath\.random\b/, /\bperformance\.now\b/]) {
      if (re.test(l)) v.push(`${file}:${i + 1} uses ${re.source.replace(/\\b|\\s\+|\\/g, "")}`);
    }
  });
  return v;
}

function violationsOf(files: string[], targets: RegExp, allowTypeOnly: boolean): string[] {
  const v: string[] = [];
  for (const file of files) {
    const source = readFileSync(join(ROOT, file), "utf8");
    for (const ref of importSpecifiers(source)) {
      if (allowTypeOnly && ref.typeOnly) continue;
      const target = resolveRelative(file, ref.specifier) ?? ref.specifier;
      if (targets.test(target)) v.push(`${file}:${ref.line} imports “${ref.specifier}” (→ ${target})`);
    }
  }
  return v;
}

describe("architecture: import boundaries", () => {
  const coreFiles = listTs("src/core");

  it("finds the core sources", () => {
    expect(coreFiles.length).toBeGreaterThan(0);
  });

  it("src/core imports nothing outside src/core (no node:, fs, path, duckdb, hono, exceljs, data/app/…)", () => {
    const v = coreFiles.flatMap((f) => coreImportViolations(f, readFileSync(join(ROOT, f), "utf8")));
    expect(v).toEqual([]);
  });

  it("src/core has no console, Date.now, new Date, Math.random", () => {
    const v = coreFiles.flatMap((f) => coreImpurities(f, readFileSync(join(ROOT, f), "utf8")));
    expect(v).toEqual([]);
  });

  it("src/data does not import src/app, src/server or src/cli", () => {
    expect(violationsOf(listTs("src/data"), /^src\/(app|server|cli)(\/|$)/, false)).toEqual([]);
  });

  it("src/app does not import src/server, src/cli, src/report or src/i18n (use-cases return codes, not text)", () => {
    expect(violationsOf(listTs("src/app"), /^src\/(server|cli|report|i18n)(\/|$)/, false)).toEqual([]);
  });

  it("web/ does not import src/data, src/app or src/server (core and method types allowed)", () => {
    // browser code only: build configuration (vite.config.ts) runs in Node and may use node:*
    const web = listTs("web").filter((f) => !f.startsWith("web/dist/") && !/\.config\.[mc]?[jt]s$/.test(f));
    expect(violationsOf(web, /^src\/(data|app|server|cli|native)(\/|$)|@duckdb|^node:/, false)).toEqual([]);
    // from core and the method declarations, only types may be imported by the browser bundle
    expect(violationsOf(web, /^src\/(core|methods)(\/|$)/, true)).toEqual([]);
  });

  it("outside src/core, core is imported only through its export list (src/core/index.ts)", () => {
    const outside = [
      "src/app",
      "src/data",
      "src/i18n",
      "src/methods",
      "src/cli",
      "src/server",
      "src/report",
      "src/native",
    ]
      .flatMap(listTs)
      .concat(listTs("web").filter((f) => !f.startsWith("web/dist/")));
    expect(violationsOf(outside, /^src\/core\/(?!index\.js$)/, false)).toEqual([]);
  });

  it("src/app and src/i18n import src/data only through its export list (src/data/index.ts)", () => {
    const files = [...listTs("src/app"), ...listTs("src/i18n")];
    expect(violationsOf(files, /^src\/data\/(?!index\.js$)/, false)).toEqual([]);
  });

  it("the edges (cli, server, report, methods) do not import src/data: they go through src/app", () => {
    const edges = ["src/cli", "src/server", "src/report", "src/methods"].flatMap(listTs);
    expect(violationsOf(edges, /^src\/data(\/|$)/, false)).toEqual([]);
  });

  it("src/methods does not import the edges that derive from it (cli, server, report)", () => {
    expect(violationsOf(listTs("src/methods"), /^src\/(cli|server|report)(\/|$)/, false)).toEqual([]);
  });
});

describe("architecture: the scanner itself", () => {
  it("catches planted violations in a string fixture", () => {
    const planted = [
      'import { readFileSync } from "node:fs";',
      "import type { DatasetMeta } from '../../data/dataset.js';",
      'export { x } from "../../app/io-linkages.js";',
      "import {",
      "  a,",
      '} from "hono";',
      'const m = await import("@duckdb/node-api");',
      'import { ok } from "./matrix.js";',
      '// import { fine } from "node:path"; (a comment)',
      "const t = Date.now(); console.log(t); const r = Math.random(); const d = new Date();",
    ].join("\n");
    const file = "src/core/io-analysis/planted.ts";
    const v = coreImportViolations(file, planted);
    expect(v).toHaveLength(5);
    expect(v.join("\n")).toContain("node:fs");
    expect(v.join("\n")).toContain("../../data/dataset.js");
    expect(v.join("\n")).toContain("../../app/io-linkages.js");
    expect(v.join("\n")).toContain("hono");
    expect(v.join("\n")).toContain("@duckdb/node-api");
    expect(coreImpurities(file, planted)).toHaveLength(4);
  });

  it("reports type-only imports as such", () => {
    const refs = importSpecifiers('import type { A } from "../../src/core/x.js";\nimport { b } from "./b.js";');
    expect(refs.map((r) => r.typeOnly)).toEqual([true, false]);
  });
});
