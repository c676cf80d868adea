/**
 * Every declared method (方法清单). The CLI, the HTTP API, the OpenAPI document, the report and the
 * web wire types read this list; a new family adds its module's list here.
 */

import { COMPOSITE_METHODS } from "./composite/index.js";
import type { AnyMethod } from "./declaration.js";
import { ECONOMETRICS_METHODS } from "./econometrics/index.js";
import { IO_METHODS } from "./io/index.js";
import { TIERS_METHODS } from "./tiers/index.js";

export type {
  AnyMethod,
  Label,
  MethodContext,
  MethodDeclaration,
  MethodInput,
  MethodInputs,
  OutputFormat,
  WireOf,
} from "./declaration.js";
export { defineMethod } from "./declaration.js";
export { describeError, EdgeError, ERROR_CATEGORIES, type ErrorCategory, UsageError } from "./errors.js";
export { type ReadMethodInputOptions, readMethodInput } from "./input.js";
export { flagName, type OptionSpec, optionEntries, optionSpec, parseOptions } from "./options.js";
export { wireIssue } from "./wire.js";

/** All methods, grouped by family in help order. */
export const METHODS: readonly AnyMethod[] = [
  ...IO_METHODS,
  ...COMPOSITE_METHODS,
  ...ECONOMETRICS_METHODS,
  ...TIERS_METHODS,
];

/** The method of a CLI command, if any. */
export function methodByCommand(family: string | undefined, name: string | undefined): AnyMethod | undefined {
  return METHODS.find((m) => m.command[0] === family && m.command[1] === name);
}
