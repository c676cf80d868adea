/**
 * Reads a user's IO table file (CSV/XLSX in the generic template) straight into memory, without the
 * store: parse → interpret → validate. Any issue of severity "error" is thrown as a DataIssuesError
 * carrying every issue with its location; nothing is written anywhere.
 */
import { createHash } from "node:crypto";
import type { DatasetMeta } from "../data/index.js";
import {
  type DataIssue,
  DataIssuesError,
  type ParseLimits,
  readGenericTable,
  readTabularFileIsolated,
} from "../data/index.js";
import type { LoadedIoTable } from "./dataset-source.js";

export interface ReadInputTableOptions {
  /** file name shown in issues and provenance */
  readonly file: string;
  /** declared unit (id or alias such as 万元), overriding a unit line in the file */
  readonly unit?: string;
  /** XLSX sheet */
  readonly sheet?: string;
  /** relative balance tolerance of the validation @default 1e-6 (spec §5.2) */
  readonly balanceTolerance?: number;
  /** heap cap and time limit of the thread that reads XLSX and large CSV files @default DEFAULT_PARSE_LIMITS */
  readonly parseLimits?: ParseLimits;
}

/** A user table read from bytes, with the warnings that did not stop it. */
export interface InputTable extends LoadedIoTable {
  readonly warnings: readonly DataIssue[];
  readonly sha256: string;
}

/** The id of a table read from a file: "input:<file name>". */
export function inputId(file: string): string {
  return `input:${file.split(/[\\/]/).pop() ?? file}`;
}

/** sha256 of bytes, hex. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Drops the informational max-imbalance summaries (params.summary) from a list that has errors. */
export function withoutSummaries(issues: readonly DataIssue[]): DataIssue[] {
  return issues.filter((i) => !(i.severity === "warning" && i.params["summary"] === true));
}

/**
 * Parses, interprets and validates an IO table file (读取并校验投入产出表文件).
 * @throws {DataIssuesError} with every issue (file, sheet, row, column) when the file has errors
 */
export async function readInputTable(bytes: Uint8Array, options: ReadInputTableOptions): Promise<InputTable> {
  const { file } = options;
  const raw = await readTabularFileIsolated(
    bytes,
    { file, requiredColumns: ["code", "name", "output"], ...(options.sheet !== undefined && { sheet: options.sheet }) },
    options.parseLimits,
  );
  if (!raw.ok) throw new DataIssuesError(raw.issues);
  const sha256 = sha256Hex(bytes);
  const parsed = readGenericTable(raw.value, {
    id: inputId(file),
    provenance: {
      publisher: "user",
      originalSource: file,
      licence: "user-supplied",
      files: [{ path: file, sha256, bytes: bytes.length }],
      transformations: [],
      caveats: [],
    },
    ...(options.unit !== undefined && { unit: options.unit }),
    validate: { balanceTolerance: options.balanceTolerance ?? 1e-6, zeroOutput: "zero_column" },
  });
  if (!parsed.ok) throw new DataIssuesError(withoutSummaries([...raw.warnings, ...parsed.issues]));
  const { table } = parsed.value;
  const all = [...raw.warnings, ...parsed.warnings];
  if (all.some((i) => i.severity === "error")) throw new DataIssuesError(withoutSummaries(all));
  const baseMeta = parsed.value.meta;
  const hasFile = baseMeta.provenance.files.some((f) => f.sha256 === sha256);
  const meta: DatasetMeta = hasFile
    ? baseMeta
    : {
        ...baseMeta,
        provenance: {
          ...baseMeta.provenance,
          files: [{ path: file, sha256, bytes: bytes.length }, ...baseMeta.provenance.files],
        },
      };
  return { meta, table, warnings: all, sha256 };
}
