/**
 * Reading a method's file input (`--input FILE`, the body of `POST <path>`) by the kind its
 * declaration names: an IO table in the generic template, or an indicator table.
 */
import { type ParseLimits, readFrameInput, readIndicatorInput, readInputTable } from "../app/index.js";
import type { MethodInput, MethodInputs } from "./declaration.js";

export interface ReadMethodInputOptions {
  /** file name shown in issues and provenance */
  readonly file: string;
  /** IO tables: the unit when the file states none */
  readonly unit?: string;
  /** XLSX sheet */
  readonly sheet?: string;
  readonly parseLimits?: ParseLimits;
}

/**
 * Reads a method's file input (读取方法的文件输入).
 * @throws {DataIssuesError} with every located issue when the file is not a valid input of that kind
 */
export async function readMethodInput<I extends MethodInput>(
  kind: I,
  bytes: Uint8Array,
  options: ReadMethodInputOptions,
): Promise<MethodInputs[I]> {
  const common = {
    file: options.file,
    ...(options.sheet !== undefined && { sheet: options.sheet }),
    ...(options.parseLimits !== undefined && { parseLimits: options.parseLimits }),
  };
  if (kind === "io_table") {
    const loaded = await readInputTable(bytes, {
      ...common,
      ...(options.unit !== undefined && { unit: options.unit }),
    });
    return { table: loaded.table, meta: loaded.meta } as MethodInputs[I];
  }
  if (kind === "data_frame") return (await readFrameInput(bytes, common)) as MethodInputs[I];
  return (await readIndicatorInput(bytes, common)) as MethodInputs[I];
}
