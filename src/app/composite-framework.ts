/**
 * Composite indices built from an indicator framework given as data (指标体系构建综合指数): a JSON
 * spec describes the tree index → pillar → (sub-pillar →) indicator, each indicator's column,
 * direction and unit, each level's weights or weighting method, and the normalisation, imputation,
 * winsorisation and aggregation. {@link readIndexSpec} validates it (every problem a coded issue
 * located by the spec's file and JSON path); {@link buildIndex} computes the scores at every level,
 * ranks, rank changes, the weights used, disparity and provenance (spec §12.3; issue 7 items 2–4).
 *
 * Choices, all recorded in the result's provenance (docs/index-spec.md):
 * - normalisation goalposts within each year (`minmax`, `zscore`, `benchmark`) or pooled over all
 *   entity-years (`panel_minmax`); a cross-section is one group;
 * - weights are estimated once on all entity-years pooled, so scores of different years use the same
 *   weights; entropy weights come from the min–max scores of the raw indicators (spec §12.3 step 3),
 *   CRITIC and PCA from the normalised matrix; at the pillar levels the methods read the children's
 *   scores;
 * - a constant indicator's weight is forced to 0 (core `normalise` flags it) and its siblings'
 *   weights are rescaled — manual weights too (the weight used is reported beside the spec's);
 * - node scores: arithmetic S = 100·Σ w·s, geometric S = 100·Π (s + shift)^w (shift 0.01 by default)
 *   with s the children's scores on the 0–1 scale (indicator scores are the normalised values);
 *   `topsis` aggregates the pillars into the composite by TOPSIS within each year (100·C);
 * - missing values are an error unless `imputation` says how to fill them; every filled cell and
 *   every winsorised cell is listed in the result.
 */

import { z } from "zod";
import {
  arithmeticAggregate,
  CoreError,
  competitionRanks,
  criticWeights,
  type Diagnostic,
  diagnostic,
  disparity,
  entropyWeights,
  equalWeights,
  forceZeroWeights,
  geometricAggregate,
  isCoreError,
  type Matrix,
  matrix,
  normalise,
  pcaWeights,
  topsis,
  WEIGHT_SUM_TOLERANCE,
} from "../core/index.js";
import { type DataIssue, DataIssuesError, type IndicatorTable } from "../data/index.js";
import type { IndicatorRef, IndicatorRefOptions } from "./composite-index.js";
import type { DatasetSource } from "./dataset-source.js";
import { type LoadedIndicators, loadIndicatorTable } from "./indicator-input.js";
import { sha256Hex } from "./input-file.js";
import { type ResultProvenance, resultProvenance } from "./provenance.js";

/** Normalisations a spec may name (spec §12.3 step 2). */
export const SPEC_NORMALISATIONS = ["minmax", "panel_minmax", "zscore", "benchmark"] as const;
export type SpecNormalisation = (typeof SPEC_NORMALISATIONS)[number];
/** Weighting methods a level may name (manual weights are given as `weight` on the children). */
export const SPEC_WEIGHTINGS = ["equal", "entropy", "critic", "pca"] as const;
export type SpecWeighting = (typeof SPEC_WEIGHTINGS)[number];
/** Aggregations (`topsis` only combines the pillars into the composite). */
export const SPEC_AGGREGATIONS = ["arithmetic", "geometric", "topsis"] as const;
export type SpecAggregation = (typeof SPEC_AGGREGATIONS)[number];
/** Imputation of missing cells: none (an error), linear in time within an entity, or the year's mean. */
export const SPEC_IMPUTATIONS = ["none", "linear_time", "group_mean"] as const;
export type SpecImputation = (typeof SPEC_IMPUTATIONS)[number];

/** The weighting a level's children actually get: one of the methods, or the children's own weights. */
export type LevelWeighting = SpecWeighting | "manual";
/** Levels of the tree. */
export type IndexLevel = "composite" | "pillar" | "sub_pillar" | "indicator";

const labelSchema = z.strictObject({ "zh-CN": z.string().min(1).max(500), en: z.string().min(1).max(500) });
const idSchema = z.string().min(1).max(100);

interface RawNode {
  readonly id: string;
  readonly label?: { readonly "zh-CN": string; readonly en: string } | undefined;
  readonly unit?: string | undefined;
  readonly weight?: number | undefined;
  readonly weighting?: SpecWeighting | undefined;
  readonly column?: string | undefined;
  readonly direction?: string | undefined;
  readonly benchmark?: number | undefined;
  readonly children?: readonly RawNode[] | undefined;
}

const nodeSchema: z.ZodType<RawNode> = z.lazy(() =>
  z.strictObject({
    id: idSchema,
    label: labelSchema.optional(),
    unit: z.string().max(100).optional(),
    weight: z.number().min(0).max(1).optional(),
    weighting: z.enum(SPEC_WEIGHTINGS).optional(),
    column: z.string().min(1).max(500).optional(),
    direction: z.string().optional(),
    benchmark: z.number().positive().optional(),
    children: z.array(nodeSchema).max(1000).optional(),
  }),
);

/** The zod schema of an index spec file (JSON). docs/index-spec.md describes every field. */
export const indexSpecSchema = z.strictObject({
  $schema: z.string().optional(),
  id: idSchema,
  label: labelSchema.optional(),
  normalisation: z.enum(SPEC_NORMALISATIONS).default("minmax"),
  /** benchmark: cap of the ratio x/b */
  cap: z.number().positive().max(1e6).default(1.5),
  /** added to min–max scores (e.g. 0.0001) */
  shift: z.number().min(0).max(1).default(0),
  aggregation: z.enum(SPEC_AGGREGATIONS).default("arithmetic"),
  /** geometric aggregation: added to every child score before the logarithm */
  geometricShift: z.number().min(0).max(1).default(0.01),
  /** weighting of the pillars (else their `weight`s, else equal) */
  weighting: z.enum(SPEC_WEIGHTINGS).optional(),
  imputation: z.enum(SPEC_IMPUTATIONS).default("none"),
  winsorise: z.strictObject({ lower: z.number().min(0).max(0.5), upper: z.number().min(0.5).max(1) }).optional(),
  pillars: z.array(nodeSchema).max(1000),
});
export type IndexSpecInput = z.input<typeof indexSpecSchema>;
type ParsedSpec = z.output<typeof indexSpecSchema>;

/** One node of a validated framework (pre-order: the root is node 0, children after their parent). */
export interface FrameworkNode {
  readonly id: string;
  /** JSON path in the spec, e.g. `pillars[1].children[0]` ("" for the root) */
  readonly jsonPath: string;
  readonly level: IndexLevel;
  readonly label?: { readonly "zh-CN": string; readonly en: string };
  readonly parent: number;
  readonly children: readonly number[];
  /** how this node's children are weighted */
  readonly weighting: LevelWeighting;
  /** the node's manual weight among its siblings, as the spec gives it */
  readonly specWeight?: number;
  /** indicators: the table column, direction, unit, benchmark value and leaf index */
  readonly column?: string;
  readonly direction?: 1 | -1;
  readonly unit?: string;
  readonly benchmark?: number;
  readonly leaf?: number;
}

/** A validated index spec with where it came from. */
export interface IndexSpec {
  readonly id: string;
  readonly label?: { readonly "zh-CN": string; readonly en: string };
  readonly file: string;
  /** sha256 of the spec's bytes */
  readonly sha256: string;
  readonly normalisation: SpecNormalisation;
  readonly cap: number;
  readonly shift: number;
  readonly aggregation: SpecAggregation;
  readonly geometricShift: number;
  readonly imputation: SpecImputation;
  readonly winsorise?: { readonly lower: number; readonly upper: number };
  /** the tree in pre-order (node 0 = the composite) */
  readonly nodes: readonly FrameworkNode[];
  /** node index of each indicator, in leaf order */
  readonly leaves: readonly number[];
}

/** `pillars[1].children[0].direction` from a path of keys and indices. */
export function jsonPathOf(path: readonly PropertyKey[]): string {
  let out = "";
  for (const k of path) {
    if (typeof k === "number") out += `[${k}]`;
    else out += out === "" ? String(k) : `.${String(k)}`;
  }
  return out;
}

function specIssue(
  code: DataIssue["code"],
  file: string,
  jsonPath: string,
  params: Record<string, unknown>,
): DataIssue {
  return {
    code,
    severity: "error",
    path: { file, ...(jsonPath !== "" && { jsonPath }) },
    params: { ...params, jsonPath },
  };
}

const shown = (v: unknown): unknown =>
  v === undefined ? null : typeof v === "object" && v !== null ? JSON.stringify(v).slice(0, 200) : v;

/** zod issues → located data issues (missing key → missing_value, anything else → invalid_value). */
function zodIssues(error: z.ZodError, file: string): DataIssue[] {
  const out: DataIssue[] = [];
  for (const i of error.issues) {
    const path = jsonPathOf(i.path);
    const last = i.path[i.path.length - 1];
    if (i.code === "invalid_type" && (i as { input?: unknown }).input === undefined) {
      out.push(specIssue("missing_value", file, path, { column: String(last ?? path) }));
    } else if (i.code === "unrecognized_keys") {
      for (const key of i.keys)
        out.push(
          specIssue("invalid_value", file, jsonPathOf([...i.path, key]), {
            value: key,
            expected: ["a known key (docs/index-spec.md)"],
            reason: "unknown_key",
          }),
        );
    } else if (i.code === "invalid_value") {
      out.push(
        specIssue("invalid_value", file, path, {
          value: shown((i as { input?: unknown }).input),
          expected: i.values.map(String),
        }),
      );
    } else if (i.code === "too_small" || i.code === "too_big") {
      const bound = i.code === "too_small" ? `≥ ${String(i.minimum)}` : `≤ ${String(i.maximum)}`;
      out.push(
        specIssue("invalid_value", file, path, { value: shown((i as { input?: unknown }).input), expected: [bound] }),
      );
    } else {
      out.push(
        specIssue("invalid_value", file, path, {
          value: shown((i as { input?: unknown }).input),
          expected: [i.code === "invalid_type" ? i.expected : i.message],
        }),
      );
    }
  }
  return out;
}

/** Semantic checks of a parsed spec and its tree in pre-order. */
function compileSpec(parsed: ParsedSpec, file: string, sha256: string): IndexSpec {
  const issues: DataIssue[] = [];
  const nodes: FrameworkNode[] = [];
  const leaves: number[] = [];
  const seen = new Map<string, string>();
  const checkId = (id: string, path: string) => {
    const first = seen.get(id);
    if (first !== undefined)
      issues.push(
        specIssue("invalid_value", file, `${path}.id`, {
          value: id,
          expected: ["an id used once"],
          reason: "duplicate_id",
          firstPath: first,
        }),
      );
    else seen.set(id, path === "" ? "id" : `${path}.id`);
  };
  checkId(parsed.id, "");

  /** How a group's children are weighted; checks manual weights. */
  const weightingOf = (
    method: SpecWeighting | undefined,
    children: readonly RawNode[],
    childrenPath: string,
  ): LevelWeighting => {
    const given = children.map((c) => c.weight);
    if (method !== undefined) {
      given.forEach((w, k) => {
        if (w !== undefined)
          issues.push(
            specIssue("invalid_value", file, `${childrenPath}[${k}].weight`, {
              value: w,
              expected: [`no weight: the parent weights its children by ${method}`],
              reason: "weight_with_weighting",
            }),
          );
      });
      return method;
    }
    if (given.every((w) => w === undefined)) return "equal";
    let sum = 0;
    given.forEach((w, k) => {
      if (w === undefined)
        issues.push(specIssue("missing_value", file, `${childrenPath}[${k}].weight`, { column: "weight" }));
      else sum += w;
    });
    if (given.every((w) => w !== undefined) && !(Math.abs(sum - 1) <= WEIGHT_SUM_TOLERANCE))
      issues.push(
        specIssue("invalid_value", file, childrenPath, {
          value: sum,
          expected: [`weights summing to 1 (± ${WEIGHT_SUM_TOLERANCE})`],
          reason: "weights_not_normalised",
        }),
      );
    return "manual";
  };

  const addIndicator = (raw: RawNode, path: string, parent: number): number => {
    for (const key of ["weighting", "children"] as const)
      if (raw[key] !== undefined)
        issues.push(
          specIssue("invalid_value", file, `${path}.${key}`, {
            value: key,
            expected: ["an indicator has no children or weighting"],
            reason: "indicator_with_children",
          }),
        );
    let direction: 1 | -1 = 1;
    if (raw.direction === undefined)
      issues.push(specIssue("missing_value", file, `${path}.direction`, { column: "direction" }));
    else if (raw.direction === "+" || raw.direction === "-") direction = raw.direction === "+" ? 1 : -1;
    else
      issues.push(
        specIssue("invalid_value", file, `${path}.direction`, { value: raw.direction, expected: ["+", "-"] }),
      );
    if (parsed.normalisation === "benchmark" && raw.benchmark === undefined)
      issues.push(specIssue("missing_value", file, `${path}.benchmark`, { column: "benchmark" }));
    const index = nodes.length;
    nodes.push({
      id: raw.id,
      jsonPath: path,
      level: "indicator",
      ...(raw.label !== undefined && { label: raw.label }),
      parent,
      children: [],
      weighting: "equal",
      ...(raw.weight !== undefined && { specWeight: raw.weight }),
      column: raw.column ?? "",
      direction,
      ...(raw.unit !== undefined && { unit: raw.unit }),
      ...(raw.benchmark !== undefined && { benchmark: raw.benchmark }),
      leaf: leaves.length,
    });
    leaves.push(index);
    return index;
  };

  const addGroup = (raw: RawNode, path: string, parent: number, depth: 1 | 2): number => {
    for (const key of ["column", "direction", "benchmark", "unit"] as const)
      if (raw[key] !== undefined)
        issues.push(
          specIssue("invalid_value", file, `${path}.${key}`, {
            value: key,
            expected: ["a pillar or sub-pillar has children, not a column"],
            reason: "group_with_column",
          }),
        );
    const children = raw.children ?? [];
    const index = nodes.length;
    const kids: number[] = [];
    const node: FrameworkNode = {
      id: raw.id,
      jsonPath: path,
      level: depth === 1 ? "pillar" : "sub_pillar",
      ...(raw.label !== undefined && { label: raw.label }),
      parent,
      children: kids,
      weighting: weightingOf(raw.weighting, children, `${path}.children`),
      ...(raw.weight !== undefined && { specWeight: raw.weight }),
    };
    nodes.push(node);
    if (children.length === 0) {
      issues.push(
        specIssue("invalid_value", file, `${path}.children`, {
          value: 0,
          expected: ["at least one child"],
          reason: "empty_group",
        }),
      );
      return index;
    }
    const groups = children.filter((c) => c.children !== undefined).length;
    if (groups > 0 && groups < children.length)
      issues.push(
        specIssue("invalid_value", file, `${path}.children`, {
          value: `${groups} groups, ${children.length - groups} indicators`,
          expected: ["children all indicators or all sub-pillars"],
          reason: "mixed_children",
        }),
      );
    children.forEach((c, k) => {
      const p = `${path}.children[${k}]`;
      checkId(c.id, p);
      if (c.children !== undefined) {
        if (depth === 2)
          issues.push(
            specIssue("invalid_value", file, `${p}.children`, {
              value: "children",
              expected: ["indicators under a sub-pillar (index → pillar → sub-pillar → indicator)"],
              reason: "too_deep",
            }),
          );
        else kids.push(addGroup(c, p, index, 2));
      } else if (c.column === undefined)
        issues.push(specIssue("missing_value", file, `${p}.column`, { column: "column" }));
      else kids.push(addIndicator(c, p, index));
    });
    return index;
  };

  const rootChildren: number[] = [];
  nodes.push({
    id: parsed.id,
    jsonPath: "",
    level: "composite",
    ...(parsed.label !== undefined && { label: parsed.label }),
    parent: -1,
    children: rootChildren,
    weighting: weightingOf(parsed.weighting, parsed.pillars, "pillars"),
  });
  if (parsed.pillars.length === 0)
    issues.push(
      specIssue("invalid_value", file, "pillars", {
        value: 0,
        expected: ["at least one pillar"],
        reason: "empty_group",
      }),
    );
  parsed.pillars.forEach((p, k) => {
    const path = `pillars[${k}]`;
    checkId(p.id, path);
    if (p.children === undefined)
      issues.push(specIssue("missing_value", file, `${path}.children`, { column: "children" }));
    else rootChildren.push(addGroup(p, path, 0, 1));
  });
  if (parsed.aggregation === "topsis" && rootChildren.length < 2 && parsed.pillars.length > 0)
    issues.push(
      specIssue("invalid_value", file, "aggregation", {
        value: "topsis",
        expected: ["at least two pillars for TOPSIS"],
        reason: "topsis_one_pillar",
      }),
    );
  if (issues.length > 0) throw new DataIssuesError(issues);
  return {
    id: parsed.id,
    ...(parsed.label !== undefined && { label: parsed.label }),
    file,
    sha256,
    normalisation: parsed.normalisation,
    cap: parsed.cap,
    shift: parsed.shift,
    aggregation: parsed.aggregation,
    geometricShift: parsed.geometricShift,
    imputation: parsed.imputation,
    ...(parsed.winsorise !== undefined && { winsorise: parsed.winsorise }),
    nodes,
    leaves,
  };
}

/** Most bytes of a spec file. */
export const INDEX_SPEC_MAX_BYTES = 1_000_000;

/**
 * Reads and validates an index spec (读取指标体系定义): JSON, the schema of {@link indexSpecSchema},
 * then the tree's rules — unique ids, non-empty pillars, every indicator with a column and a direction
 * `+` or `-`, manual weights of siblings summing to 1 (± 1e-9), no weights beside a weighting method,
 * a benchmark per indicator under `benchmark` normalisation, at most pillar → sub-pillar → indicator.
 * @param text the spec (bytes or text)
 * @param options.file the name shown in issues
 * @returns the validated spec with its sha256
 * @throws {DataIssuesError} every problem found, each located by `path.file` and the JSON path (in
 *   `params.jsonPath` and `path.columnName`): file_unreadable (not JSON, too large), missing_value (a
 *   required key), invalid_value (a wrong value, `params.reason` saying which rule)
 * @example readIndexSpec('{"id":"x","pillars":[{"id":"p","children":[{"id":"a","column":"a","direction":"+"}]}]}', { file: "s.json" })
 */
export function readIndexSpec(text: string | Uint8Array, options: { readonly file: string }): IndexSpec {
  const { file } = options;
  const bytes = typeof text === "string" ? new TextEncoder().encode(text) : text;
  if (bytes.length > INDEX_SPEC_MAX_BYTES)
    throw new DataIssuesError([
      specIssue("file_unreadable", file, "", {
        reason: "read_failed",
        detail: `larger than ${INDEX_SPEC_MAX_BYTES} bytes`,
      }),
    ]);
  let json: unknown;
  try {
    json = JSON.parse(typeof text === "string" ? text : new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch (e) {
    throw new DataIssuesError([
      specIssue("file_unreadable", file, "", {
        reason: "read_failed",
        detail: `not JSON: ${e instanceof Error ? e.message.slice(0, 200) : "invalid"}`,
      }),
    ]);
  }
  const parsed = indexSpecSchema.safeParse(json, { reportInput: true });
  if (!parsed.success) throw new DataIssuesError(zodIssues(parsed.error, file));
  return compileSpec(parsed.data, file, sha256Hex(bytes));
}

// ---- data: columns, imputation, winsorisation -------------------------------------------------

/** One filled cell. */
export interface ImputedCell {
  readonly entity: string;
  readonly year?: number;
  readonly indicator: string;
  readonly column: string;
  /** 1-based row of the table */
  readonly row: number;
  readonly method: Exclude<SpecImputation, "none">;
  readonly value: number;
}

/** One winsorised cell: its value and the quantile it was clipped to. */
export interface WinsorisedCell {
  readonly entity: string;
  readonly year?: number;
  readonly indicator: string;
  readonly value: number;
  readonly clippedTo: number;
}

/** The data of a framework: the spec's indicators as an m×n matrix (filled, clipped), row by row. */
export interface FrameworkData {
  readonly rows: readonly { readonly entity: string; readonly year?: number; readonly row: number }[];
  /** m×n raw values after imputation and winsorisation (columns in leaf order) */
  readonly X: Matrix;
  /** the year of each row (normalisation groups), undefined for a cross-section */
  readonly years?: Int32Array;
  readonly imputed: readonly ImputedCell[];
  readonly winsorised: readonly WinsorisedCell[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Linear quantile (numpy's default) of sorted values. */
function quantileSorted(s: Float64Array, p: number): number {
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  const a = s[lo] as number;
  const b = s[Math.min(lo + 1, s.length - 1)] as number;
  return a + (h - lo) * (b - a);
}

/**
 * The spec's indicators read from the table, missing cells filled as the spec says (or reported), and
 * winsorised when asked.
 * @throws {DataIssuesError} missing_column (a spec column not in the table, located in the spec);
 *   missing_value (a missing cell that the imputation cannot or may not fill, located in the table)
 */
export function frameworkData(spec: IndexSpec, table: IndicatorTable): FrameworkData {
  const leaves = spec.leaves.map((k) => spec.nodes[k] as FrameworkNode);
  const columns: number[] = [];
  const unknown: DataIssue[] = [];
  for (const leaf of leaves) {
    const j = table.indicators.findIndex((i) => i.code === leaf.column || i.name === leaf.column);
    if (j < 0)
      unknown.push(
        specIssue("missing_column", spec.file, `${leaf.jsonPath}.column`, {
          column: leaf.column ?? "",
          available: table.indicators.slice(0, 50).map((i) => i.code),
        }),
      );
    columns.push(j);
  }
  if (unknown.length > 0) throw new DataIssuesError(unknown);
  const rows = table.rows;
  const m = rows.length;
  const n = leaves.length;
  const X = matrix(m, n);
  const missing: [number, number][] = [];
  rows.forEach((r, i) => {
    columns.forEach((j, c) => {
      const v = r.values[j] ?? null;
      if (v === null) {
        missing.push([i, c]);
        X.data[i * n + c] = Number.NaN;
      } else X.data[i * n + c] = v;
    });
  });
  const years = table.years === undefined ? undefined : Int32Array.from(rows, (r) => r.year ?? 0);
  const method = spec.imputation;
  const imputed: ImputedCell[] = [];
  const issues: DataIssue[] = [];
  const located = (i: number, c: number, extra: Record<string, unknown>): DataIssue => {
    const r = rows[i];
    const ind = table.indicators[columns[c] as number];
    return {
      code: "missing_value",
      severity: "error",
      path: {
        file: table.file,
        ...(table.sheet !== undefined && { sheet: table.sheet }),
        ...(r !== undefined && { row: r.row }),
        ...(ind !== undefined && { column: ind.column, columnName: ind.code }),
      },
      params: { column: ind?.code ?? String(c + 1), imputation: method, ...extra },
    };
  };
  if (method !== "none" && years === undefined && missing.length > 0 && method === "linear_time")
    throw new DataIssuesError([
      specIssue("invalid_value", spec.file, "imputation", {
        value: method,
        expected: ["none", "group_mean"],
        reason: "no_years",
      }),
    ]);
  // rows of each entity, by year (linear_time); rows of each year (group_mean)
  const byEntity = new Map<string, number[]>();
  const byYear = new Map<number, number[]>();
  rows.forEach((r, i) => {
    byEntity.set(r.entity, [...(byEntity.get(r.entity) ?? []), i]);
    const y = r.year ?? 0;
    byYear.set(y, [...(byYear.get(y) ?? []), i]);
  });
  for (const list of byEntity.values()) list.sort((a, b) => (rows[a]?.year ?? 0) - (rows[b]?.year ?? 0));
  const filled: [number, number, number][] = [];
  for (const [i, c] of missing) {
    if (method === "none") {
      if (issues.length < 100) issues.push(located(i, c, {}));
      continue;
    }
    const r = rows[i];
    if (r === undefined) continue;
    let value = Number.NaN;
    if (method === "linear_time") {
      const list = byEntity.get(r.entity) ?? [];
      const at = list.indexOf(i);
      let before = -1;
      let after = -1;
      for (let k = at - 1; k >= 0; k--)
        if (!Number.isNaN(X.data[(list[k] as number) * n + c] as number)) {
          before = list[k] as number;
          break;
        }
      for (let k = at + 1; k < list.length; k++)
        if (!Number.isNaN(X.data[(list[k] as number) * n + c] as number)) {
          after = list[k] as number;
          break;
        }
      if (before >= 0 && after >= 0) {
        const ya = rows[before]?.year ?? 0;
        const yb = rows[after]?.year ?? 0;
        const a = X.data[before * n + c] as number;
        const b = X.data[after * n + c] as number;
        value = a + ((b - a) * ((r.year ?? 0) - ya)) / (yb - ya);
      }
    } else {
      let s = 0;
      let k = 0;
      for (const q of byYear.get(r.year ?? 0) ?? []) {
        const v = X.data[q * n + c] as number;
        if (!Number.isNaN(v)) {
          s += v;
          k++;
        }
      }
      if (k > 0) value = s / k;
    }
    if (Number.isNaN(value)) {
      if (issues.length < 100)
        issues.push(
          located(i, c, { reason: method === "linear_time" ? "no_bracketing_values" : "no_observed_values" }),
        );
      continue;
    }
    filled.push([i, c, value]);
  }
  if (issues.length > 0) throw new DataIssuesError(issues);
  // fill after computing, so imputed values never feed other imputations
  for (const [i, c, value] of filled) {
    X.data[i * n + c] = value;
    const r = rows[i];
    const leaf = leaves[c];
    const ind = table.indicators[columns[c] as number];
    if (r === undefined || leaf === undefined || method === "none") continue;
    imputed.push({
      entity: r.entity,
      ...(r.year !== undefined && { year: r.year }),
      indicator: leaf.id,
      column: ind?.code ?? leaf.column ?? "",
      row: r.row,
      method,
      value,
    });
  }
  const diagnostics: Diagnostic[] = [];
  if (imputed.length > 0)
    diagnostics.push(
      diagnostic("values_imputed", "warning", {
        method,
        count: imputed.length,
        indicators: [...new Set(imputed.map((c) => c.indicator))],
      }),
    );

  const winsorised: WinsorisedCell[] = [];
  const w = spec.winsorise;
  if (w !== undefined) {
    const pooled = years === undefined || spec.normalisation === "panel_minmax";
    const groups = pooled ? [Array.from({ length: m }, (_, i) => i)] : [...byYear.values()];
    for (const g of groups) {
      for (let c = 0; c < n; c++) {
        const s = Float64Array.from(g, (i) => X.data[i * n + c] as number).sort();
        const lo = quantileSorted(s, w.lower);
        const hi = quantileSorted(s, w.upper);
        for (const i of g) {
          const v = X.data[i * n + c] as number;
          const clipped = v < lo ? lo : Math.min(v, hi);
          if (clipped === v) continue;
          X.data[i * n + c] = clipped;
          const r = rows[i];
          winsorised.push({
            entity: r?.entity ?? "",
            ...(r?.year !== undefined && { year: r.year }),
            indicator: leaves[c]?.id ?? "",
            value: v,
            clippedTo: clipped,
          });
        }
      }
    }
    if (winsorised.length > 0)
      diagnostics.push(
        diagnostic("values_winsorised", "info", { count: winsorised.length, lower: w.lower, upper: w.upper }),
      );
  }
  return {
    rows: rows.map((r) => ({ entity: r.entity, ...(r.year !== undefined && { year: r.year }), row: r.row })),
    X,
    ...(years !== undefined && { years }),
    imputed,
    winsorised,
    diagnostics,
  };
}

// ---- the tree: weights and scores -----------------------------------------------------------

/** A normalised matrix of the framework's indicators (core `normalise`). */
export interface FrameworkNormalised {
  readonly method: SpecNormalisation;
  /** m×n normalised values (leaf order) */
  readonly R: Matrix;
  /** 1 for an indicator constant in some group: its weight is forced to 0 */
  readonly constant: Uint8Array;
  readonly diagnostics: readonly Diagnostic[];
}

/** The normalisation of the spec's indicators (goalposts per year unless `panel_minmax`). */
export function frameworkNormalise(
  spec: IndexSpec,
  data: FrameworkData,
  method: SpecNormalisation = spec.normalisation,
): FrameworkNormalised {
  const leaves = spec.leaves.map((k) => spec.nodes[k] as FrameworkNode);
  const r = normalise(data.X, {
    method,
    directions: leaves.map((l) => l.direction ?? 1),
    shift: spec.shift,
    ...(data.years !== undefined && method !== "panel_minmax" && { groups: data.years }),
    ...(method === "benchmark" && { benchmark: leaves.map((l) => l.benchmark ?? Number.NaN), cap: spec.cap }),
  });
  return {
    method,
    R: r.values,
    constant: r.constant,
    diagnostics: r.diagnostics.map((d) => withName(d, leaves)),
  };
}

/** Adds the child's id as `name` to a diagnostic naming an indicator by its index among `nodes`. */
function withName(d: Diagnostic, nodes: readonly FrameworkNode[]): Diagnostic {
  const j = d.params["indicator"];
  const node = typeof j === "number" ? nodes[j] : undefined;
  return node === undefined ? d : { ...d, params: { ...d.params, name: node.id } };
}

/** Method statistics of one child's weight. */
export interface WeightStatistics {
  readonly entropy?: number;
  readonly divergence?: number;
  readonly sd?: number;
  readonly conflict?: number;
  readonly information?: number;
  readonly loading?: number;
}

/** The weights of every group's children, and every node's scores, for one set of choices. */
export interface FrameworkTree {
  /** per node: its weight among its siblings (1 for the root) */
  readonly weights: Float64Array;
  /** per node: the weighting of its children actually used */
  readonly weighting: readonly LevelWeighting[];
  readonly statistics: readonly (WeightStatistics | undefined)[];
  /** PCA: share of the variance the first component explains, per group node */
  readonly explainedShare: readonly (number | undefined)[];
  /** per node: its score in each row (indicators: normalised value; groups: 0–1 scale, ×100 in results) */
  readonly scores: readonly Float64Array[];
  readonly diagnostics: readonly Diagnostic[];
}

export interface TreeChoices {
  /** replaces the weighting of every group whose children are indicators @default the spec's */
  readonly indicatorWeighting?: SpecWeighting;
  readonly aggregation: SpecAggregation;
}

function columnsOf(scores: readonly Float64Array[], nodes: readonly number[], m: number): Matrix {
  const k = nodes.length;
  const S = matrix(m, k);
  nodes.forEach((node, c) => {
    const s = scores[node] as Float64Array;
    for (let i = 0; i < m; i++) S.data[i * k + c] = s[i] as number;
  });
  return S;
}

/**
 * Weights and scores of the whole tree on all rows (entity-years pooled for the weights).
 * @throws {CoreError} from the core (geometric aggregation of a non-positive score: reason
 *   non_positive_after_shift with the node, entity and year named)
 */
export function frameworkTree(
  spec: IndexSpec,
  data: FrameworkData,
  norm: FrameworkNormalised,
  choices: TreeChoices,
): FrameworkTree {
  const { nodes } = spec;
  const m = data.rows.length;
  const n = spec.leaves.length;
  const weights = new Float64Array(nodes.length);
  weights[0] = 1;
  const weighting: LevelWeighting[] = nodes.map((x) => x.weighting);
  const statistics: (WeightStatistics | undefined)[] = nodes.map(() => undefined);
  const explainedShare: (number | undefined)[] = nodes.map(() => undefined);
  const scores: Float64Array[] = nodes.map(() => new Float64Array(0));
  const diagnostics: Diagnostic[] = [];
  for (const k of spec.leaves) {
    const leaf = (nodes[k] as FrameworkNode).leaf as number;
    const s = new Float64Array(m);
    for (let i = 0; i < m; i++) s[i] = norm.R.data[i * n + leaf] as number;
    scores[k] = s;
  }
  const groups = data.years !== undefined && norm.method !== "panel_minmax" ? data.years : undefined;
  for (let g = nodes.length - 1; g >= 0; g--) {
    const node = nodes[g] as FrameworkNode;
    if (node.level === "indicator") continue;
    const kids = node.children;
    const kidNodes = kids.map((c) => nodes[c] as FrameworkNode);
    const overLeaves = kidNodes.every((c) => c.level === "indicator");
    const method: LevelWeighting =
      overLeaves && choices.indicatorWeighting !== undefined ? choices.indicatorWeighting : node.weighting;
    weighting[g] = method;
    const forced = Uint8Array.from(kidNodes, (c) => (c.leaf !== undefined ? (norm.constant[c.leaf] as number) : 0));
    const S = columnsOf(scores, kids, m);
    let w: Float64Array;
    const named = (ds: readonly Diagnostic[]) => ds.map((d) => withName(d, kidNodes));
    if (method === "equal" || method === "manual") {
      const base =
        method === "equal" ? equalWeights(kids.length) : Float64Array.from(kidNodes, (c) => c.specWeight ?? 0);
      const nForced = forced.reduce((a, b) => a + b, 0);
      w = nForced > 0 && nForced < kids.length ? forceZeroWeights(base, forced) : base;
    } else if (method === "entropy") {
      let r: ReturnType<typeof entropyWeights>;
      if (overLeaves) {
        const raw = matrix(m, kids.length);
        kidNodes.forEach((c, q) => {
          for (let i = 0; i < m; i++) raw.data[i * kids.length + q] = data.X.data[i * n + (c.leaf as number)] as number;
        });
        r = entropyWeights(raw, {
          variant: "minmax",
          directions: kidNodes.map((c) => c.direction ?? 1),
          shift: spec.shift,
          forcedZero: forced,
          ...(groups !== undefined && { groups }),
        });
      } else r = entropyWeights(S, { variant: "minmax", ...(groups !== undefined && { groups }) });
      w = r.weights;
      // the normalisation's own constant_indicator warnings are reported once (frameworkNormalise)
      diagnostics.push(...named(r.diagnostics.filter((d) => !overLeaves || d.code !== "constant_indicator")));
      statistics[g] = undefined;
      kids.forEach((c, q) => {
        statistics[c] = { entropy: r.entropy[q] as number, divergence: r.divergence[q] as number };
      });
    } else if (method === "critic") {
      const r = criticWeights(S, { forcedZero: forced });
      w = r.weights;
      diagnostics.push(...named(r.diagnostics));
      kids.forEach((c, q) => {
        statistics[c] = {
          sd: r.sd[q] as number,
          conflict: r.conflict[q] as number,
          information: r.information[q] as number,
        };
      });
    } else {
      const r = pcaWeights(S, { forcedZero: forced });
      w = r.weights;
      explainedShare[g] = r.explainedShare;
      diagnostics.push(...named(r.diagnostics));
      kids.forEach((c, q) => {
        statistics[c] = { loading: r.loadings[q] as number };
      });
    }
    kids.forEach((c, q) => {
      weights[c] = w[q] as number;
    });
    if (g === 0 && choices.aggregation === "topsis") {
      scores[0] = topsisByYear(S, w, data);
      continue;
    }
    if (choices.aggregation === "geometric") {
      try {
        scores[g] = geometricAggregate(S, w, { scale: 1, shift: spec.geometricShift });
      } catch (e) {
        if (isCoreError(e) && e.params["reason"] === "non_positive_after_shift") {
          const i = e.params["row"] as number;
          const child = kidNodes[e.params["col"] as number];
          const row = data.rows[i];
          throw new CoreError("invalid_argument", {
            ...e.params,
            node: node.id,
            child: child?.id,
            entity: row?.entity,
            ...(row?.year !== undefined && { year: row.year }),
          });
        }
        throw e;
      }
    } else scores[g] = arithmeticAggregate(S, w, { scale: 1 });
  }
  return { weights, weighting, statistics, explainedShare, scores, diagnostics };
}

/** Rows of each year (one group for a cross-section), in order of first appearance. */
function rowsByYear(data: FrameworkData): Map<number | undefined, number[]> {
  const out = new Map<number | undefined, number[]>();
  data.rows.forEach((r, i) => {
    const list = out.get(r.year) ?? [];
    list.push(i);
    out.set(r.year, list);
  });
  return out;
}

/** TOPSIS closeness of the pillar scores within each year (vector normalisation, all benefits). */
function topsisByYear(S: Matrix, w: Float64Array, data: FrameworkData): Float64Array {
  const k = S.cols;
  const out = new Float64Array(S.rows);
  for (const idx of rowsByYear(data).values()) {
    const Sy = matrix(idx.length, k);
    idx.forEach((i, q) => {
      Sy.data.set(S.data.subarray(i * k, (i + 1) * k), q * k);
    });
    const t = topsis(Sy, w);
    idx.forEach((i, q) => {
      out[i] = t.closeness[q] as number;
    });
  }
  return out;
}

// ---- the use case ---------------------------------------------------------------------------

/** A score of one node for one entity (and year). */
export interface NodeScore {
  readonly entity: string;
  readonly year?: number;
  readonly level: IndexLevel;
  readonly id: string;
  /** indicators: the normalised value; pillars, sub-pillars and the composite: 0–100 (see module doc) */
  readonly score: number;
  /** competition rank among the entities of the year (1 = best) */
  readonly rank: number;
}

/** The composite of one entity (and year), its rank and its rank change since the previous year. */
export interface CompositeScore {
  readonly entity: string;
  readonly year?: number;
  readonly score: number;
  readonly rank: number;
  /** rank in the previous year − rank now (positive = moved up); null in the first year or when absent then */
  readonly rankChange: number | null;
}

/** The weight of a node among its siblings. */
export interface NodeWeight extends WeightStatistics {
  readonly level: IndexLevel;
  readonly id: string;
  /** the parent's id */
  readonly parent: string;
  /** how the parent weights its children */
  readonly method: LevelWeighting;
  readonly weight: number;
  /** the weight the spec gives (manual weights; differs from `weight` when a constant indicator was set to 0) */
  readonly specWeight?: number;
  readonly column?: string;
  readonly direction?: 1 | -1;
  readonly unit?: string;
  /** PCA: the parent's explained share */
  readonly explainedShare?: number;
}

/** Disparity of the composite across entities in one year. */
export interface CompositeDisparity {
  readonly year?: number;
  readonly entities: number;
  readonly mean: number;
  /** population CV (spec default) and sample CV */
  readonly cv: number;
  readonly cvSample: number;
  readonly theil: number;
  readonly gini: number;
}

export interface BuildIndexResult {
  readonly dataset: string;
  readonly spec: { readonly id: string; readonly file: string; readonly sha256: string };
  readonly normalisation: SpecNormalisation;
  readonly aggregation: SpecAggregation;
  readonly imputation: SpecImputation;
  readonly years: readonly number[] | null;
  readonly entities: readonly string[];
  readonly composite: readonly CompositeScore[];
  readonly scores: readonly NodeScore[];
  readonly weights: readonly NodeWeight[];
  readonly disparity: readonly CompositeDisparity[];
  readonly imputed: readonly ImputedCell[];
  readonly winsorised: readonly WinsorisedCell[];
  readonly diagnostics: readonly Diagnostic[];
  readonly provenance: ResultProvenance;
}

/** Where the spec comes from: validated already, or bytes/text with a file name. */
export type IndexSpecRef = IndexSpec | { readonly text: string | Uint8Array; readonly file: string };

export function specOf(ref: IndexSpecRef): IndexSpec {
  return "nodes" in ref ? ref : readIndexSpec(ref.text, { file: ref.file });
}

export async function indicatorsOf(ref: IndicatorRef, source: DatasetSource | undefined): Promise<LoadedIndicators> {
  if ("input" in ref) return ref.input;
  if (source === undefined) throw new CoreError("invalid_argument", { option: "dataset", reason: "no_store" });
  return loadIndicatorTable(source, ref.datasetId);
}

/** Every choice of a spec, for provenance. */
export function specParameters(spec: IndexSpec): Record<string, unknown> {
  const leaves = spec.leaves.map((k) => spec.nodes[k] as FrameworkNode);
  return {
    spec: { id: spec.id, file: spec.file, sha256: spec.sha256 },
    normalisation: spec.normalisation,
    goalposts: spec.normalisation === "panel_minmax" ? "pooled" : "year",
    ...(spec.normalisation === "benchmark" && {
      cap: spec.cap,
      benchmark: Object.fromEntries(leaves.map((l) => [l.id, l.benchmark])),
    }),
    shift: spec.shift,
    aggregation: spec.aggregation,
    ...(spec.aggregation === "geometric" && { geometricShift: spec.geometricShift }),
    imputation: spec.imputation,
    winsorise: spec.winsorise ?? null,
    weighting: Object.fromEntries(spec.nodes.filter((x) => x.level !== "indicator").map((x) => [x.id, x.weighting])),
    columns: Object.fromEntries(leaves.map((l) => [l.id, l.column])),
    directions: Object.fromEntries(leaves.map((l) => [l.id, l.direction])),
    weightsEstimatedOn: "all_rows",
    constantIndicators: "weight_0_siblings_rescaled",
  };
}

/**
 * Builds a composite index from an indicator framework (按指标体系构建综合指数): reads the spec's
 * indicators from the table, fills missing cells as the spec says, winsorises, normalises, weights
 * every level and aggregates bottom-up; ranks every node within each year; rank changes of the
 * composite between consecutive years of the table; disparity (CV, Theil T, Gini) of the composite
 * per year (spec §12.3 steps 1–6).
 * @param ref the indicator table (file or stored panel)
 * @param specRef the spec ({@link readIndexSpec}) or its text and file name
 * @returns {@link BuildIndexResult}
 * @throws {DataIssuesError} spec issues (located in the spec), missing_column, missing_value;
 *   {CoreError} from the core (too_few_observations, non_positive_after_shift under geometric
 *   aggregation with the node, entity and year named, non_positive_base under benchmark, …)
 */
export async function buildIndex(
  ref: IndicatorRef,
  specRef: IndexSpecRef,
  context: IndicatorRefOptions = {},
): Promise<BuildIndexResult> {
  const spec = specOf(specRef);
  const { table, meta } = await indicatorsOf(ref, context.source);
  const data = frameworkData(spec, table);
  const norm = frameworkNormalise(spec, data);
  const tree = frameworkTree(spec, data, norm, { aggregation: spec.aggregation });
  const { nodes } = spec;
  const byYear = rowsByYear(data);
  const scores: NodeScore[] = [];
  const composite: CompositeScore[] = [];
  const disparities: CompositeDisparity[] = [];
  const diagnostics: Diagnostic[] = [...data.diagnostics, ...norm.diagnostics, ...tree.diagnostics];
  const report = (g: number, v: number) => (nodes[g]?.level === "indicator" ? v : 100 * v);
  const rankOf = new Map<string, number>();
  let previous: number | undefined;
  for (const [year, idx] of byYear) {
    const ranksByNode = nodes.map((_, g) =>
      competitionRanks(idx.map((i) => (tree.scores[g] as Float64Array)[i] as number)),
    );
    idx.forEach((i, q) => {
      const row = data.rows[i];
      if (row === undefined) return;
      nodes.forEach((node, g) => {
        scores.push({
          entity: row.entity,
          ...(year !== undefined && { year }),
          level: node.level,
          id: node.id,
          score: report(g, (tree.scores[g] as Float64Array)[i] as number),
          rank: (ranksByNode[g] as Int32Array)[q] as number,
        });
      });
      const rank = (ranksByNode[0] as Int32Array)[q] as number;
      const before = previous === undefined ? undefined : rankOf.get(`${row.entity}\u0000${previous}`);
      composite.push({
        entity: row.entity,
        ...(year !== undefined && { year }),
        score: report(0, (tree.scores[0] as Float64Array)[i] as number),
        rank,
        rankChange: before === undefined ? null : before - rank,
      });
      rankOf.set(`${row.entity}\u0000${year}`, rank);
    });
    previous = year;
    const values = idx.map((i) => report(0, (tree.scores[0] as Float64Array)[i] as number));
    try {
      const d = disparity(values);
      disparities.push({
        ...(year !== undefined && { year }),
        entities: values.length,
        mean: d.mean,
        cv: d.cvPopulation,
        cvSample: d.cvSample,
        theil: d.theil,
        gini: d.gini,
      });
    } catch (e) {
      if (!isCoreError(e)) throw e;
      diagnostics.push(
        diagnostic("disparity_undefined", "warning", {
          ...(year !== undefined && { year }),
          reason:
            e.code === "too_few_observations"
              ? "too_few_entities"
              : e.params["reason"] === "negative_value"
                ? "negative_value"
                : "non_positive_mean",
        }),
      );
    }
  }
  const weights: NodeWeight[] = nodes.slice(1).map((node, k) => {
    const g = k + 1;
    const parent = nodes[node.parent] as FrameworkNode;
    const share = tree.explainedShare[node.parent];
    return {
      level: node.level,
      id: node.id,
      parent: parent.id,
      method: tree.weighting[node.parent] as LevelWeighting,
      weight: tree.weights[g] as number,
      ...(node.specWeight !== undefined && { specWeight: node.specWeight }),
      ...(node.column !== undefined && { column: node.column }),
      ...(node.direction !== undefined && { direction: node.direction }),
      ...(node.unit !== undefined && { unit: node.unit }),
      ...tree.statistics[g],
      ...(share !== undefined && { explainedShare: share }),
    };
  });
  return {
    dataset: meta.id,
    spec: { id: spec.id, file: spec.file, sha256: spec.sha256 },
    normalisation: spec.normalisation,
    aggregation: spec.aggregation,
    imputation: spec.imputation,
    years: table.years === undefined ? null : [...table.years],
    entities: [...table.entities],
    composite,
    scores,
    weights,
    disparity: disparities,
    imputed: data.imputed,
    winsorised: data.winsorised,
    diagnostics,
    provenance: resultProvenance(
      [meta],
      "index_build",
      {
        ...specParameters(spec),
        imputedCells: data.imputed.length,
        winsorisedCells: data.winsorised.length,
        weightingUsed: Object.fromEntries(
          nodes.flatMap((x, g) => (x.level === "indicator" ? [] : [[x.id, tree.weighting[g]]])),
        ),
      },
      context.clock,
    ),
  };
}
