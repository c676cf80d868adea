/**
 * Helpers shared by the econometrics declarations (index.ts, forecast.ts): where a method's data frame
 * comes from, the app context, and column lists.
 */
import type { FrameRef, LoadedFrame } from "../../app/index.js";
import type { MethodContext } from "../declaration.js";
import { UsageError } from "../errors.js";

/** The uploaded / `--input` frame, or the stored dataset the `dataset` option names. */
export function frameRefOf(dataset: string | undefined, input: LoadedFrame | undefined): FrameRef {
  if (input !== undefined) return { input };
  if (dataset === undefined) throw new UsageError("usage.missing_option", { option: "--dataset" });
  return { datasetId: dataset };
}

/** The source and clock of the method context, for the use cases. */
export function appContext(ctx: MethodContext) {
  return {
    ...(ctx.source !== undefined && { source: ctx.source }),
    ...(ctx.clock !== undefined && { clock: ctx.clock }),
  };
}

/** `a,b , c` → ["a", "b", "c"] (column names may contain spaces and Chinese text, not commas). */
export function splitColumns(text: string | undefined): string[] {
  return (text ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** {@link splitColumns} of a required list option: at least one name. */
export function columnList(text: string, option: string): string[] {
  const names = splitColumns(text);
  if (names.length === 0) throw new UsageError("usage.invalid_value", { option, value: text, expected: "<column,…>" });
  return names;
}
