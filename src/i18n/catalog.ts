/**
 * The shape of a message catalog (消息目录): one per language, each an exhaustive switch over the
 * closed code unions of core errors, diagnostics and data issues (STYLE §2.6, after Zod locales).
 */

import type { DiagnosticCode } from "../core/diagnostics.js";
import type { CoreErrorCode } from "../core/errors.js";
import type { DataIssueCode, IssuePath } from "../data/issues.js";

export type Params = Readonly<Record<string, unknown>>;

export interface MessageCatalog {
  /** a contract violation raised by the core: what, why, how to fix */
  coreError(code: CoreErrorCode, params: Params): string;
  /** a numerical diagnostic */
  diagnostic(code: DiagnosticCode, params: Params): string;
  /** a data issue, without its location */
  dataIssue(code: DataIssueCode, params: Params): string;
  /** the location of a data issue: file, sheet, row, column */
  location(path: IssuePath): string;
}

/** Compile-time exhaustiveness guard for `switch (code)`. */
export function unreachable(code: never): never {
  throw new Error(`unhandled message code: ${String(code)}`);
}
