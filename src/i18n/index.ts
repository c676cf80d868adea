/**
 * i18n public API (国际化): message catalogs by code, interface strings, glossary and formatting.
 * Only the edges (cli, server, report, web) import this.
 */

import type { ReproductionReason, ReproductionRow } from "../app/reproduction.js";
import type { Diagnostic } from "../core/index.js";
import { type CoreErrorCode, isCoreError } from "../core/index.js";
import type { DataIssue, DatasetCaveat, SeedCitation } from "../data/index.js";
import type { MessageCatalog } from "./catalog.js";
import { en } from "./en.js";
import { CAVEAT_MESSAGES, REPRODUCTION_REASONS } from "./families/index.js";
import type { Lang } from "./format.js";
import { zhCN } from "./zh-CN.js";

export type { MessageCatalog, Params } from "./catalog.js";
export { en } from "./en.js";
export type { CoreErrorParams, DataIssueParams, DiagnosticParams } from "./families/index.js";
export type { Bilingual, Messages } from "./families/types.js";
export * from "./format.js";
export { GLOSSARY, type GlossaryEntry, type GlossaryKey, term } from "./glossary.js";
export { MESSAGE_KEYS, type MessageKey, type MessageParams, t } from "./messages.js";
export { type ReasonCode, reasonText } from "./reasons.js";
export { zhCN } from "./zh-CN.js";

/** The message catalog of a language. */
export function catalog(lang: Lang): MessageCatalog {
  return lang === "en" ? en : zhCN;
}

/** A data issue as one line: "location: message". */
export function issueMessage(issue: DataIssue, lang: Lang): string {
  const c = catalog(lang);
  return `${c.location(issue.path)}: ${c.dataIssue(issue.code, issue.params)}`;
}

/** A data issue rendered for JSON output: code, path, params, severity and message (without location prefix). */
export function renderIssue(
  issue: DataIssue,
  lang: Lang,
): {
  code: string;
  severity: DataIssue["severity"];
  path: DataIssue["path"];
  params: DataIssue["params"];
  location: string;
  message: string;
} {
  const c = catalog(lang);
  return {
    code: issue.code,
    severity: issue.severity,
    path: issue.path,
    params: issue.params,
    location: c.location(issue.path),
    message: c.dataIssue(issue.code, issue.params),
  };
}

/** A numerical diagnostic rendered for output: code, severity, params and message. */
export function renderDiagnostic(
  d: Diagnostic,
  lang: Lang,
): {
  code: string;
  severity: Diagnostic["severity"];
  params: Diagnostic["params"];
  message: string;
} {
  return { code: d.code, severity: d.severity, params: d.params, message: catalog(lang).diagnostic(d.code, d.params) };
}

/** The message of a core error (CoreError) in the language. */
export function coreErrorMessage(code: CoreErrorCode, params: Readonly<Record<string, unknown>>, lang: Lang): string {
  return catalog(lang).coreError(code, params);
}

export { CORE_ERROR_CODES, DATA_ISSUE_CODES, DIAGNOSTIC_CODES } from "./codes.js";
/** True for a CoreError; re-exported for edges that only import i18n. */
export { isCoreError };

/** A result with each diagnostic rendered as {code, severity, params, message} in the language. */
export function withDiagnosticMessages<T extends { readonly diagnostics: readonly Diagnostic[] }>(
  result: T,
  lang: Lang,
): Omit<T, "diagnostics"> & { diagnostics: ReturnType<typeof renderDiagnostic>[] } {
  return { ...result, diagnostics: result.diagnostics.map((d) => renderDiagnostic(d, lang)) };
}

/** The text of a dataset caveat (code + params) in the language; a legacy string caveat is shown as is. */
export function renderCaveat(caveat: DatasetCaveat | string, lang: Lang): string {
  if (typeof caveat === "string") return caveat;
  const message = CAVEAT_MESSAGES[lang][caveat.code] as (params: unknown) => string;
  return message(caveat.params ?? {});
}

/**
 * The citation of a published value in the language: the publisher and 《title》 with section and
 * figure in Chinese, the English title with section and figure in English; `withSeed` adds the seed
 * document's number (the reproduction table lists several seeds).
 */
export function citationText(c: SeedCitation, lang: Lang, options: { withSeed?: boolean } = {}): string {
  const seed = options.withSeed === true;
  if (lang === "en") return `${c.titleEn}, ${c.where}${seed ? ` (seed ${c.seed})` : ""}`;
  return seed
    ? `《${c.titleZh}》${c.where}（种子 ${c.seed}）`
    : `${c.publisher.replace(/\s*\(.*\)$/, "")}《${c.titleZh}》${c.where}`;
}

/** The text of a reproduction row's reason (code + params) in the language. */
export function reproductionReasonText(reason: ReproductionReason, lang: Lang): string {
  const message = REPRODUCTION_REASONS[lang][reason.code] as (params: unknown) => string;
  return message(reason.params);
}

/**
 * A reproduction row for output: the row with its reason kept as data (`reason: {code, params}`) and
 * rendered as `message` in the language, plus `reason_zh`/`reason_en` (the API's bilingual fields).
 */
export function renderReproductionRow(
  row: ReproductionRow,
  lang: Lang,
): Omit<ReproductionRow, "citation"> & {
  readonly message: string;
  readonly reason_zh: string;
  readonly reason_en: string;
  readonly citation_zh: string;
  readonly citation_en: string;
} {
  const zh = reproductionReasonText(row.reason, "zh-CN");
  const en = reproductionReasonText(row.reason, "en");
  const { citation, ...rest } = row;
  return {
    ...rest,
    message: lang === "en" ? en : zh,
    reason_zh: zh,
    reason_en: en,
    citation_zh: citationText(citation, "zh-CN", { withSeed: true }),
    citation_en: citationText(citation, "en", { withSeed: true }),
  };
}
