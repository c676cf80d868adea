/**
 * The message catalog of a language (消息目录), built from the typed message families
 * (`families/index.ts`). Diagnostics, errors and issues reach the edges with params typed as plain
 * records (core and data cannot import i18n); this is the one place where they are read as the params
 * their code declares.
 */

import type { CoreErrorCode, DiagnosticCode } from "../core/index.js";
import type { DataIssueCode, IssuePath } from "../data/index.js";
import {
  CORE_ERROR_MESSAGES,
  type CoreErrorParams,
  DATA_ISSUE_MESSAGES,
  type DataIssueParams,
  DIAGNOSTIC_MESSAGES,
  type DiagnosticParams,
  LOCATION,
} from "./families/index.js";
import type { Lang } from "./format.js";

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

/**
 * Renders one code with its message table. `params` is the emitter's record, read as the code's
 * declared params (checked against real emitters in `families.test.ts`).
 */
function render<P, K extends keyof P>(
  table: { readonly [C in keyof P]: (params: P[C]) => string },
  code: K,
  params: Params,
): string {
  const message = table[code];
  if (message === undefined) throw new Error(`no message for code ${String(code)}`);
  return message(params as P[K]);
}

/** Builds the catalog of one language from the families. */
export function buildCatalog(lang: Lang): MessageCatalog {
  return {
    coreError: (code, params) => render<CoreErrorParams, CoreErrorCode>(CORE_ERROR_MESSAGES[lang], code, params),
    diagnostic: (code, params) => render<DiagnosticParams, DiagnosticCode>(DIAGNOSTIC_MESSAGES[lang], code, params),
    dataIssue: (code, params) => render<DataIssueParams, DataIssueCode>(DATA_ISSUE_MESSAGES[lang], code, params),
    location: (path) => LOCATION[lang](path),
  };
}
