/**
 * Runtime lists of every code in the closed unions (for OpenAPI enums and exhaustiveness tests),
 * taken from the message tables, which `families/index.ts` checks at compile time to cover each union
 * exactly.
 */

import type { CoreErrorCode, DiagnosticCode } from "../core/index.js";
import type { DataIssueCode } from "../data/index.js";
import { CORE_ERROR_MESSAGES, DATA_ISSUE_MESSAGES, DIAGNOSTIC_MESSAGES } from "./families/index.js";

export const CORE_ERROR_CODES = Object.keys(CORE_ERROR_MESSAGES.en) as CoreErrorCode[];
export const DIAGNOSTIC_CODES = Object.keys(DIAGNOSTIC_MESSAGES.en) as DiagnosticCode[];
export const DATA_ISSUE_CODES = Object.keys(DATA_ISSUE_MESSAGES.en) as DataIssueCode[];
