/**
 * Classifications (分类目录) and concordances (对照表) as data (STYLE §2.10, pymrio `convert`):
 * a classification is a code list (`code, name_zh, name_en, parent, level`); a concordance is weighted
 * rows `from_system, from_code, to_system, to_code, weight`. Coverage checks: the weights of each
 * source code sum to 1 within a tolerance, no pair is listed twice, and — when the source (target)
 * classification is known — every source code is mapped and every code belongs to its classification.
 */

import { parseNumberCell } from "../ingest/numbers.js";
import type { RawTable } from "../ingest/raw-table.js";
import { type DataIssue, type DataResult, type IssuePath, issue } from "../issues.js";

/** One code of a classification. */
export interface ClassificationCode {
  readonly code: string;
  readonly nameZh?: string;
  readonly nameEn?: string;
  readonly parent?: string;
  readonly level?: number;
}

/** One weighted concordance row: `weight` of `fromCode` goes to `toCode`. */
export interface ConcordanceRow {
  readonly fromSystem: string;
  readonly fromCode: string;
  readonly toSystem: string;
  readonly toCode: string;
  readonly weight: number;
}

const HEADER_ALIASES: Readonly<Record<string, string>> = {
  代码: "code",
  名称: "name_zh",
  中文名称: "name_zh",
  英文名称: "name_en",
  name: "name_zh",
  上级代码: "parent",
  层级: "level",
  源分类: "from_system",
  源代码: "from_code",
  目标分类: "to_system",
  目标代码: "to_code",
  权重: "weight",
};

function columnIndex(raw: RawTable): Map<string, number> {
  const m = new Map<string, number>();
  raw.header.forEach((h, k) => {
    const t = h.trim().toLowerCase();
    const name = HEADER_ALIASES[h.trim()] ?? t;
    if (!m.has(name)) m.set(name, k);
  });
  return m;
}

function locator(raw: RawTable) {
  return (i: number, k?: number): IssuePath => ({
    file: raw.file,
    ...(raw.sheet !== undefined && { sheet: raw.sheet }),
    row: raw.rowNumbers[i] ?? raw.headerRow + i + 1,
    ...(k !== undefined && { column: k + 1, ...(raw.header[k] !== undefined && { columnName: raw.header[k] }) }),
  });
}

function missingColumns(raw: RawTable, cols: Map<string, number>, required: readonly string[]): DataIssue[] {
  return required
    .filter((c) => !cols.has(c))
    .map((column) =>
      issue(
        "missing_column",
        { file: raw.file, ...(raw.sheet !== undefined && { sheet: raw.sheet }), row: raw.headerRow },
        { column },
      ),
    );
}

/**
 * Reads a classification code list (读取分类目录).
 * @returns the codes in file order, or every issue (missing code, duplicate code, unknown parent, bad level)
 */
export function readClassification(raw: RawTable): DataResult<ClassificationCode[]> {
  const cols = columnIndex(raw);
  const missing = missingColumns(raw, cols, ["code"]);
  if (missing.length > 0) return { ok: false, issues: missing };
  const at = locator(raw);
  const issues: DataIssue[] = [];
  const codes: ClassificationCode[] = [];
  const firstRow = new Map<string, number>();
  const cell = (r: readonly string[], name: string) => {
    const k = cols.get(name);
    return k === undefined ? "" : (r[k] ?? "").trim();
  };
  raw.rows.forEach((r, i) => {
    if (r.every((c) => c.trim() === "")) return;
    const code = cell(r, "code");
    const kc = cols.get("code") as number;
    if (code === "") {
      issues.push(issue("missing_value", at(i, kc), { column: "code" }));
      return;
    }
    const first = firstRow.get(code);
    if (first !== undefined) {
      issues.push(issue("duplicate_code", at(i, kc), { code, firstRow: first }));
      return;
    }
    firstRow.set(code, at(i).row as number);
    const levelText = cell(r, "level");
    let level: number | undefined;
    if (levelText !== "") {
      const v = parseNumberCell(levelText);
      // the store keeps levels as INTEGER (int32): larger values are refused here, not by the database
      if (typeof v !== "number" || !Number.isInteger(v) || v < 0 || v > 2_147_483_647)
        issues.push(issue("invalid_value", at(i, cols.get("level")), { value: levelText, expected: "integer_ge_0" }));
      else level = v;
    }
    const [nameZh, nameEn, parent] = [cell(r, "name_zh"), cell(r, "name_en"), cell(r, "parent")];
    codes.push({
      code,
      ...(nameZh !== "" && { nameZh }),
      ...(nameEn !== "" && { nameEn }),
      ...(parent !== "" && { parent }),
      ...(level !== undefined && { level }),
    });
  });
  raw.rows.forEach((r, i) => {
    const parent = cell(r, "parent");
    if (parent !== "" && !firstRow.has(parent))
      issues.push(issue("unknown_parent", at(i, cols.get("parent")), { code: cell(r, "code"), parent }));
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: codes, warnings: [] };
}

export interface ConcordanceCheckOptions {
  /** |Σ weights − 1| allowed per source code @default 1e-6 */
  readonly tolerance?: number;
  /** the source classification's codes: unmapped codes and unknown source codes are reported */
  readonly sourceCodes?: readonly string[];
  /** the target classification's codes: unknown target codes are reported */
  readonly targetCodes?: readonly string[];
  /** report unmapped source codes as warnings instead of errors @default false */
  readonly allowUnmapped?: boolean;
}

/**
 * Reads and checks a weighted concordance (读取并校验对照表).
 * @param raw a table with columns from_system, from_code, to_system, to_code, weight
 * @param options tolerance and the classifications' codes for coverage checks
 * @returns the rows, or every issue: weights per source code not summing to 1
 *   (`concordance_weight_sum`), a pair listed twice (`concordance_duplicate`, with its count), source
 *   codes not mapped (`concordance_unmapped`, with count and codes), codes outside their
 *   classification (`concordance_unknown_code`), bad weights
 */
export function readConcordance(raw: RawTable, options: ConcordanceCheckOptions = {}): DataResult<ConcordanceRow[]> {
  const cols = columnIndex(raw);
  const required = ["from_system", "from_code", "to_system", "to_code", "weight"];
  const missing = missingColumns(raw, cols, required);
  if (missing.length > 0) return { ok: false, issues: missing };
  const at = locator(raw);
  const k = (name: string) => cols.get(name) as number;
  const issues: DataIssue[] = [];
  const warnings: DataIssue[] = [];
  const rows: ConcordanceRow[] = [];
  const rowIndex: number[] = [];
  raw.rows.forEach((r, i) => {
    if (r.every((c) => c.trim() === "")) return;
    const v = (name: string) => (r[k(name)] ?? "").trim();
    let bad = false;
    for (const name of required) {
      if (v(name) === "") {
        issues.push(issue("missing_value", at(i, k(name)), { column: name }));
        bad = true;
      }
    }
    if (bad) return;
    const w = parseNumberCell(v("weight"));
    if (w === "invalid" || w === null) {
      issues.push(issue("non_numeric_cell", at(i, k("weight")), { value: v("weight") }));
      return;
    }
    if (w < 0 || w > 1) {
      issues.push(issue("invalid_value", at(i, k("weight")), { value: w, expected: "weight_0_1" }));
      return;
    }
    rows.push({
      fromSystem: v("from_system"),
      fromCode: v("from_code"),
      toSystem: v("to_system"),
      toCode: v("to_code"),
      weight: w,
    });
    rowIndex.push(i);
  });
  // doubly mapped pairs
  const pairs = new Map<string, number[]>();
  rows.forEach((r, j) => {
    const key = JSON.stringify([r.fromSystem, r.fromCode, r.toSystem, r.toCode]);
    pairs.set(key, [...(pairs.get(key) ?? []), j]);
  });
  for (const list of pairs.values()) {
    if (list.length < 2) continue;
    const first = rows[list[0] as number] as ConcordanceRow;
    for (const j of list.slice(1))
      issues.push(
        issue("concordance_duplicate", at(rowIndex[j] as number, k("to_code")), {
          fromCode: first.fromCode,
          toCode: first.toCode,
          count: list.length,
          firstRow: at(rowIndex[list[0] as number] as number).row,
        }),
      );
  }
  // weights per source code (compensated sum)
  const tolerance = options.tolerance ?? 1e-6;
  const bySource = new Map<string, number[]>();
  rows.forEach((r, j) => {
    const key = JSON.stringify([r.fromSystem, r.fromCode]);
    bySource.set(key, [...(bySource.get(key) ?? []), j]);
  });
  for (const list of bySource.values()) {
    let sum = 0;
    let c = 0;
    for (const j of list) {
      const y = (rows[j] as ConcordanceRow).weight - c;
      const t = sum + y;
      c = t - sum - y;
      sum = t;
    }
    if (Math.abs(sum - 1) > tolerance) {
      const first = rows[list[0] as number] as ConcordanceRow;
      issues.push(
        issue("concordance_weight_sum", at(rowIndex[list[0] as number] as number, k("weight")), {
          fromSystem: first.fromSystem,
          fromCode: first.fromCode,
          sum,
          tolerance,
          rows: list.map((j) => at(rowIndex[j] as number).row),
        }),
      );
    }
  }
  // coverage against the classifications
  const checkKnown = (
    codes: readonly string[] | undefined,
    field: "fromCode" | "toCode",
    system: "fromSystem" | "toSystem",
  ) => {
    if (codes === undefined) return;
    const known = new Set(codes);
    rows.forEach((r, j) => {
      if (!known.has(r[field]))
        issues.push(
          issue(
            "concordance_unknown_code",
            at(rowIndex[j] as number, k(field === "fromCode" ? "from_code" : "to_code")),
            {
              system: r[system],
              code: r[field],
            },
          ),
        );
    });
  };
  checkKnown(options.sourceCodes, "fromCode", "fromSystem");
  checkKnown(options.targetCodes, "toCode", "toSystem");
  if (options.sourceCodes !== undefined) {
    const mapped = new Set(rows.map((r) => r.fromCode));
    const unmapped = options.sourceCodes.filter((c) => !mapped.has(c));
    if (unmapped.length > 0) {
      const found = issue(
        "concordance_unmapped",
        { file: raw.file, ...(raw.sheet !== undefined && { sheet: raw.sheet }) },
        { fromSystem: rows[0]?.fromSystem ?? "", count: unmapped.length, codes: unmapped },
        options.allowUnmapped === true ? "warning" : "error",
      );
      (found.severity === "error" ? issues : warnings).push(found);
    }
  }
  return issues.length > 0 ? { ok: false, issues: [...issues, ...warnings] } : { ok: true, value: rows, warnings };
}
