/**
 * The registry of message families (消息族注册表). Each family module (`common`, `io`, `data`,
 * `reproduction`, …) declares the params of the codes it owns and their zh-CN/en messages. This file
 * joins them into one table per code kind and checks at compile time that together they cover every
 * code of the closed unions exactly once.
 *
 * Adding a family (e.g. composite indices): add its codes to the unions (CoreErrorCode, DiagnosticCode,
 * DataIssueCode), write `families/<family>.ts` exporting `XxxCoreErrorParams`/`XxxDiagnosticParams` and
 * `coreErrors`/`diagnostics` as `Bilingual<…>`, then add the family to the three lines marked
 * "families" below. A code without a message, or a message reading a param the code does not declare,
 * is then a compile error.
 */
import type { CoreErrorCode, DiagnosticCode } from "../../core/index.js";
import type { DataIssueCode } from "../../data/index.js";
import * as common from "./common.js";
import * as composite from "./composite.js";
import * as costbenefit from "./costbenefit.js";
import * as data from "./data.js";
import * as datasets from "./datasets.js";
import * as econometrics from "./econometrics.js";
import * as io from "./io.js";
import * as productivity from "./productivity.js";
import * as reproduction from "./reproduction.js";
import * as tiers from "./tiers.js";
import { assertType, type Bilingual, type SameKeys } from "./types.js";

/** Params of every core error code (families: common, io). */
export type CoreErrorParams = common.CommonCoreErrorParams & io.IoCoreErrorParams;
/** Params of every diagnostic code (families: common, io, composite). */
export type DiagnosticParams = common.CommonDiagnosticParams &
  io.IoDiagnosticParams &
  composite.CompositeDiagnosticParams &
  econometrics.EconometricsDiagnosticParams &
  productivity.ProductivityDiagnosticParams &
  tiers.TiersDiagnosticParams &
  costbenefit.CostBenefitDiagnosticParams;
/** Params of every data-issue code (families: data, datasets). */
export type DataIssueParams = data.DataIssueParams & datasets.DatasetIssueParams;

assertType<SameKeys<keyof CoreErrorParams, CoreErrorCode>>();
assertType<SameKeys<keyof DiagnosticParams, DiagnosticCode>>();
assertType<SameKeys<keyof DataIssueParams, DataIssueCode>>();

/** Messages of every core error code (families). */
export const CORE_ERROR_MESSAGES: Bilingual<CoreErrorParams> = {
  "zh-CN": { ...common.coreErrors["zh-CN"], ...io.coreErrors["zh-CN"] },
  en: { ...common.coreErrors.en, ...io.coreErrors.en },
};

/** Messages of every diagnostic code (families). */
export const DIAGNOSTIC_MESSAGES: Bilingual<DiagnosticParams> = {
  "zh-CN": {
    ...common.diagnostics["zh-CN"],
    ...io.diagnostics["zh-CN"],
    ...composite.diagnostics["zh-CN"],
    ...econometrics.diagnostics["zh-CN"],
    ...productivity.diagnostics["zh-CN"],
    ...tiers.diagnostics["zh-CN"],
    ...costbenefit.diagnostics["zh-CN"],
  },
  en: {
    ...common.diagnostics.en,
    ...io.diagnostics.en,
    ...composite.diagnostics.en,
    ...econometrics.diagnostics.en,
    ...productivity.diagnostics.en,
    ...tiers.diagnostics.en,
    ...costbenefit.diagnostics.en,
  },
};

/** Messages of every data-issue code (families). */
export const DATA_ISSUE_MESSAGES: Bilingual<DataIssueParams> = {
  "zh-CN": { ...data.issues["zh-CN"], ...datasets.issues["zh-CN"] },
  en: { ...data.issues.en, ...datasets.issues.en },
};

export const CAVEAT_MESSAGES = data.caveats;
export const LOCATION = data.location;

/** Reasons of the seed-reproduction rows (family reproduction). */
export const REPRODUCTION_REASONS = reproduction.reasons;
