/**
 * Codes of the econometrics family (计量方法族): the diagnostics its functions and use cases return
 * (STYLE §2.6: codes, not prose). Contract violations reuse the closed {@link CoreErrorCode} union with
 * a `reason` (src/i18n/reasons.ts `EconometricsReason`). Joined to `DiagnosticCode` in
 * src/core/diagnostics.ts; messages in src/i18n/families/econometrics.ts.
 */
import type { AdfDiagnosticCode } from "./adf.js";
import type { ArimaDiagnosticCode } from "./arima.js";
import type { BayesArxDiagnosticCode } from "./bayes-arx.js";
import type { GrangerDiagnosticCode } from "./granger.js";
import type { KpssDiagnosticCode } from "./kpss.js";
import type { PanelDiagnosticCode } from "./panel.js";
import type { VifDiagnosticCode } from "./vif.js";

/** Every diagnostic code the econometrics family emits. */
export type EconometricsDiagnosticCode =
  | GrangerDiagnosticCode
  | AdfDiagnosticCode
  | KpssDiagnosticCode
  | BayesArxDiagnosticCode
  | ArimaDiagnosticCode
  | PanelDiagnosticCode
  | VifDiagnosticCode
  /**
   * rows with a missing value in a column the regression uses were left out (listwise deletion)
   * (params: count, rows (the first 20 physical rows), n (observations used))
   */
  | "observations_dropped"
  /**
   * the information criterion chose lag order 0, but a Granger test needs at least 1: order 1 was
   * used (params: criterion)
   */
  | "lag_order_raised"
  /**
   * a test run on levels (Granger, a levels regression) where the ADF test (constant, lag by AIC) does
   * not reject a unit root at 5 % for a series: the F distribution of the Granger test and the OLS
   * standard errors assume stationarity, so the result may be spurious; the differenced transform is
   * the usual remedy (params: column, statistic, pValue)
   */
  | "levels_unit_root"
  /**
   * a coefficient's variance came out a hair below zero — only rounding can do that (the fit is exact
   * or nearly so, the robust meat is zero up to rounding): its standard error is reported as 0
   * (params: coefficients (names), variances)
   */
  | "variance_rounded_to_zero";
