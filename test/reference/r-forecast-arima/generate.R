#!/usr/bin/env Rscript
# Reference values for ARIMA / regression with ARIMA errors (src/core/econometrics/arima.ts).
#
# Usage (from the repository root):
#     Rscript test/reference/r-forecast-arima/generate.R [--out DIR]
#
# DIR defaults to this script's folder. Writes arima.json there and nothing else:
#   cases     - stats::arima and forecast::Arima fits (coefficients, sqrt(diag(var.coef)) — null for a
#               fixed coefficient —, `fixed` (null = all estimated; null entries estimated), sigma2 of
#               both, loglik, aic, aicc, bic, nobs, residuals, optim convergence code) and
#               forecast::forecast (mean, se, 80 / 95 % limits) on R's LakeHuron (the ?arima example,
#               spec methods.md §8.3) and on seeded simulated series (set.seed below);
#   auto      - forecast::auto.arima (ic = "aicc", non-seasonal; stepwise unless stated) on LakeHuron
#               and on seeded series (one exhaustive search, one with a regressor): chosen order,
#               constant, coefficients, AICc;
#   armax     - the difference-equation form by lm (conditional OLS) on LakeHuron (spec §8.3).
#   css_ml_errors - the names of the cases without xreg whose method = "CSS-ML" fit fails in R with "non-stationary
#               AR part from CSS" (recorded with try(), so the TypeScript fallback can be checked).
# Every input series is written into the JSON, so the TypeScript test needs nothing else.
# Needs: R with forecast (Debian r-cran-forecast 8.20) and urca (used by auto.arima's KPSS test).
suppressPackageStartupMessages(library(forecast))

args <- commandArgs(trailingOnly = TRUE)
file_arg <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))
out <- dirname(normalizePath(file_arg))
if (length(args) >= 2 && args[1] == "--out") out <- args[2]
dir.create(out, showWarnings = FALSE, recursive = TRUE)

num <- function(v) ifelse(is.na(v), "null", ifelse(is.infinite(v), ifelse(v > 0, "1e999", "-1e999"), sprintf("%.17g", v)))
jarr <- function(v) paste0("[", paste(num(v), collapse = ", "), "]")
jstr <- function(s) paste0("\"", s, "\"")
jsarr <- function(s) if (length(s) == 0) "[]" else paste0("[", paste(jstr(s), collapse = ", "), "]")
jobj <- function(kv) paste0("{", paste(paste0(jstr(names(kv)), ": ", unlist(kv)), collapse = ", "), "}")
jmat <- function(m) if (is.null(m)) "null" else paste0("[", paste(apply(m, 1, jarr), collapse = ", "), "]")

# --- series ---------------------------------------------------------------------------------------
lake <- as.numeric(LakeHuron)
lake_t <- as.numeric(time(LakeHuron)) - 1920

set.seed(20261203)
n1 <- 120
e1 <- arima.sim(list(ar = 0.5, ma = 0.3), n = n1)
y_i1 <- as.numeric(10 + cumsum(0.2 + e1))                     # ARIMA(1,1,1) with drift 0.2
x_i1 <- as.numeric(cumsum(rnorm(n1)))                          # a random-walk regressor
y_x <- as.numeric(5 + 0.8 * x_i1 + cumsum(arima.sim(list(ar = 0.4, ma = 0.3), n = n1)))
y_ma <- as.numeric(3 + arima.sim(list(ma = c(0.6, -0.3)), n = 100))     # MA(2) with mean 3
y_ima <- as.numeric(50 + cumsum(arima.sim(list(ma = -0.5), n = 80)))   # ARIMA(0,1,1)
y_arma <- as.numeric(2 + arima.sim(list(ar = 0.7, ma = 0.4), n = 90))  # ARMA(1,1) with mean
x2a <- rnorm(90)
x2b <- as.numeric(arima.sim(list(ar = 0.5), n = 90))
y_x2 <- as.numeric(1 + 0.5 * x2a - 0.7 * x2b + arima.sim(list(ar = 0.6), n = 90))
y_auto <- as.numeric(20 + cumsum(arima.sim(list(ar = 0.6), n = 100)))
fx_i1 <- as.numeric(x_i1[n1] + cumsum(rnorm(6)))
fx2 <- cbind(a = rnorm(4), b = rnorm(4))
y_expl <- 1.15^(1:30) + sin(1:30)  # explosive: CSS-ML stops ("non-stationary AR part from CSS")

cases <- list(
  list(name = "lakehuron_ar2_xreg", y = lake, order = c(2, 0, 0), xreg = cbind(x = lake_t),
       newxreg = cbind(x = 1973:1977 - 1920), h = 5, method = "CSS-ML", mean = TRUE, drift = FALSE),
  list(name = "sim_arima111", y = y_i1, order = c(1, 1, 1), xreg = NULL, newxreg = NULL, h = 8,
       method = "CSS-ML", mean = TRUE, drift = FALSE),
  list(name = "sim_arima111_drift", y = y_i1, order = c(1, 1, 1), xreg = NULL, newxreg = NULL, h = 8,
       method = "CSS-ML", mean = TRUE, drift = TRUE),
  list(name = "sim_arima111_xreg", y = y_x, order = c(1, 1, 1), xreg = cbind(x = x_i1),
       newxreg = cbind(x = fx_i1), h = 6, method = "CSS-ML", mean = TRUE, drift = FALSE),
  list(name = "sim_arima011", y = y_ima, order = c(0, 1, 1), xreg = NULL, newxreg = NULL, h = 5,
       method = "CSS-ML", mean = TRUE, drift = FALSE),
  list(name = "sim_ma2_mean", y = y_ma, order = c(0, 0, 2), xreg = NULL, newxreg = NULL, h = 5,
       method = "CSS-ML", mean = TRUE, drift = FALSE),
  list(name = "sim_arma11_css", y = y_arma, order = c(1, 0, 1), xreg = NULL, newxreg = NULL, h = 5,
       method = "CSS", mean = TRUE, drift = FALSE),
  list(name = "sim_arma11_ml", y = y_arma, order = c(1, 0, 1), xreg = NULL, newxreg = NULL, h = 5,
       method = "ML", mean = TRUE, drift = FALSE),
  list(name = "lakehuron_ar2_xreg_ml", y = lake, order = c(2, 0, 0), xreg = cbind(x = lake_t),
       newxreg = cbind(x = 1973:1977 - 1920), h = 5, method = "ML", mean = TRUE, drift = FALSE),
  list(name = "lakehuron_ar2_xreg_css", y = lake, order = c(2, 0, 0), xreg = cbind(x = lake_t),
       newxreg = cbind(x = 1973:1977 - 1920), h = 5, method = "CSS", mean = TRUE, drift = FALSE),
  list(name = "explosive_ar1_css", y = y_expl, order = c(1, 0, 0), xreg = NULL, newxreg = NULL, h = 3,
       method = "CSS", mean = TRUE, drift = FALSE),
  list(name = "lakehuron_ar1_fixed", y = lake, order = c(1, 0, 1), xreg = NULL, newxreg = NULL, h = 4,
       method = "CSS-ML", mean = TRUE, drift = FALSE, fixed = c(0.8, NA, NA)),
  list(name = "sim_arma11_zero_mean_ml", y = y_arma - 2, order = c(1, 0, 1), xreg = NULL, newxreg = NULL,
       h = 4, method = "ML", mean = FALSE, drift = FALSE),
  list(name = "sim_ar1_two_xreg", y = y_x2, order = c(1, 0, 0), xreg = cbind(a = x2a, b = x2b),
       newxreg = fx2, h = 4, method = "CSS-ML", mean = TRUE, drift = FALSE)
)

case_json <- character(0)
for (cs in cases) {
  # stats::arima (drift passed as an explicit first regressor, as forecast::Arima does)
  sx <- cs$xreg
  if (cs$drift) sx <- cbind(drift = seq_along(cs$y), sx)
  fixed <- cs$fixed  # NULL (all estimated) or NA for the estimated entries
  a <- suppressWarnings(if (is.null(sx)) {
    stats::arima(cs$y, order = cs$order, include.mean = cs$mean, method = cs$method, fixed = fixed)
  } else {
    stats::arima(cs$y, order = cs$order, xreg = sx, include.mean = cs$mean, method = cs$method, fixed = fixed)
  })  # R warns "some AR parameters were fixed: setting transform.pars = FALSE" (a diagnostic in TS)
  f <- if (is.null(cs$xreg)) {
    Arima(cs$y, order = cs$order, include.mean = cs$mean, include.drift = cs$drift, method = cs$method,
          fixed = fixed)
  } else {
    Arima(cs$y, order = cs$order, xreg = cs$xreg, include.mean = cs$mean, include.drift = cs$drift,
          method = cs$method, fixed = fixed)
  }
  se_all <- rep(NA_real_, length(a$coef))
  se_all[a$mask] <- sqrt(diag(a$var.coef))
  fc <- if (is.null(cs$newxreg)) forecast(f, h = cs$h) else forecast(f, xreg = cs$newxreg)
  se <- (fc$upper[, 2] - fc$lower[, 2]) / (2 * qnorm(0.975))
  case_json <- c(case_json, paste0("{",
    jstr("name"), ": ", jstr(cs$name), ", ",
    jstr("y"), ": ", jarr(cs$y), ", ",
    jstr("order"), ": ", jarr(cs$order), ", ",
    jstr("method"), ": ", jstr(cs$method), ", ",
    jstr("include_mean"), ": ", tolower(cs$mean), ", ",
    jstr("include_drift"), ": ", tolower(cs$drift), ", ",
    jstr("xreg"), ": ", jmat(cs$xreg), ", ",
    jstr("xreg_names"), ": ", if (is.null(cs$xreg)) "[]" else jsarr(colnames(cs$xreg)), ", ",
    jstr("newxreg"), ": ", jmat(cs$newxreg), ", ",
    jstr("h"), ": ", cs$h, ", ",
    jstr("coef_names"), ": ", jsarr(names(a$coef)), ", ",
    jstr("coef"), ": ", jarr(a$coef), ", ",
    jstr("fixed"), ": ", if (is.null(fixed)) "null" else jarr(fixed), ", ",
    jstr("se"), ": ", jarr(se_all), ", ",
    jstr("sigma2_arima"), ": ", num(a$sigma2), ", ",
    jstr("sigma2_forecast"), ": ", num(f$sigma2), ", ",
    jstr("loglik"), ": ", num(a$loglik), ", ",
    jstr("aic"), ": ", num(a$aic), ", ",
    jstr("aicc"), ": ", num(f$aicc), ", ",
    jstr("bic"), ": ", num(f$bic), ", ",
    jstr("nobs"), ": ", a$nobs, ", ",
    jstr("code"), ": ", a$code, ", ",
    jstr("residuals"), ": ", jarr(as.numeric(residuals(a))), ", ",
    jstr("forecast"), ": ", jobj(list(
      mean = jarr(fc$mean), se = jarr(se),
      lower80 = jarr(fc$lower[, 1]), upper80 = jarr(fc$upper[, 1]),
      lower95 = jarr(fc$lower[, 2]), upper95 = jarr(fc$upper[, 2]))),
    "}"))
}

css_ml_errors <- character(0)
for (cs in Filter(function(cs) is.null(cs$xreg), cases)) {
  r <- try(stats::arima(cs$y, order = cs$order, include.mean = cs$mean, method = "CSS-ML"), silent = TRUE)
  if (inherits(r, "try-error") && grepl("non-stationary AR part from CSS", r)) css_ml_errors <- c(css_ml_errors, cs$name)
}

# --- auto.arima -----------------------------------------------------------------------------------
autos <- list(
  list(name = "lakehuron_auto", y = lake, stepwise = TRUE, xreg = NULL),
  list(name = "sim_auto", y = y_auto, stepwise = TRUE, xreg = NULL),
  list(name = "sim_auto_exhaustive", y = y_auto, stepwise = FALSE, xreg = NULL),
  list(name = "sim_auto_ma2", y = y_ma, stepwise = TRUE, xreg = NULL),
  list(name = "sim_auto_xreg", y = y_x, stepwise = TRUE, xreg = cbind(x = x_i1)),
  # spec §8.3 "auto": (p, d, q) in {0,1,2} x {0,1} x {0,1} by AICc, d by KPSS
  list(name = "lakehuron_auto_spec_grid", y = lake, stepwise = FALSE, xreg = NULL, max = c(2, 1, 1)),
  list(name = "sim_auto_spec_grid", y = y_arma, stepwise = FALSE, xreg = NULL, max = c(2, 1, 1))
)
auto_json <- character(0)
for (au in autos) {
  mx <- if (is.null(au$max)) c(5, 2, 5) else au$max  # max.p, max.d, max.q (auto.arima defaults)
  fit <- if (is.null(au$xreg)) {
    auto.arima(au$y, stepwise = au$stepwise, ic = "aicc", seasonal = FALSE, max.p = mx[1], max.d = mx[2],
               max.q = mx[3])
  } else {
    auto.arima(au$y, stepwise = au$stepwise, ic = "aicc", seasonal = FALSE, xreg = au$xreg, max.p = mx[1],
               max.d = mx[2], max.q = mx[3])
  }
  ord <- arimaorder(fit)
  const <- any(names(fit$coef) %in% c("intercept", "drift"))
  auto_json <- c(auto_json, jobj(list(
    name = jstr(au$name), y = jarr(au$y), stepwise = tolower(au$stepwise), max_p = mx[1], max_d = mx[2],
    max_q = mx[3], xreg = jmat(au$xreg),
    xreg_names = if (is.null(au$xreg)) "[]" else jsarr(colnames(au$xreg)), order = jarr(ord), constant = tolower(const),
    ndiffs = ndiffs(au$y, max.d = mx[2]), coef_names = jsarr(names(fit$coef)), coef = jarr(fit$coef),
    aicc = num(fit$aicc), loglik = num(fit$loglik)
  )))
}

# --- armax (difference-equation form, conditional OLS) -------------------------------------------
T <- length(lake)
idx <- 3:T
m <- lm(lake[idx] ~ lake[idx - 1] + lake[idx - 2] + lake_t[idx])
armax_json <- jobj(list(
  y = jarr(lake), x = jarr(lake_t), p = 2,
  coef_names = jsarr(c("intercept", "ar1", "ar2", "x")), coef = jarr(coef(m)),
  se = jarr(summary(m)$coefficients[, 2])
))

json <- paste0(
  "{\n", jstr("source"), ": ", jstr("R stats::arima, forecast::Arima / forecast / auto.arima, lm"), ",\n",
  jstr("R"), ": ", jstr(paste(R.version$major, R.version$minor, sep = ".")), ",\n",
  jstr("forecast"), ": ", jstr(as.character(packageVersion("forecast"))), ",\n",
  jstr("urca"), ": ", jstr(as.character(packageVersion("urca"))), ",\n",
  jstr("seed"), ": 20261203,\n",
  jstr("cases"), ": [\n", paste(case_json, collapse = ",\n"), "\n],\n",
  jstr("auto"), ": [\n", paste(auto_json, collapse = ",\n"), "\n],\n",
  jstr("armax"), ": ", armax_json, ",\n",
  jstr("css_ml_errors"), ": ", jsarr(css_ml_errors), "\n}\n"
)
writeLines(json, file.path(out, "arima.json"))
