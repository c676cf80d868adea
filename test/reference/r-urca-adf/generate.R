#!/usr/bin/env Rscript
# Reference values for the augmented Dickey-Fuller test (src/core/econometrics/adf.ts) from R
# urca::ur.df and tseries::adf.test.
#
# Usage (from the repository root):
#     Rscript test/reference/r-urca-adf/generate.R [--out DIR]
#
# DIR defaults to this script's folder. Writes adf.json there and nothing else; never edit it by hand.
#   cases[].urca    - urca::ur.df(y, type = "none" | "drift" | "trend", lags = k, selectlags = "Fixed" |
#                     "AIC" | "BIC"): tau (teststat[1]), the phi statistics, the critical values urca prints
#                     (Fuller 1976 / Dickey & Fuller 1981 tables as in Hamilton 1994, by sample-size row),
#                     the lag urca actually used (counted from the coefficients of its test regression:
#                     ur.df reports the input `lags`, not the selected one) and its nobs.
#   cases[].tseries - tseries::adf.test(y, k = ...) (always constant + trend): statistic, p-value (linear
#                     interpolation in Banerjee et al. 1993 Table 4.1 / Fuller's table, held at 0.01/0.99),
#                     lag and whether R warned that the p-value lies outside the table.
# Series: set.seed(20261203); random walk n = 100, stationary AR(1) phi = 0.5 n = 60, trend-stationary
# AR(1) phi = 0.4 around 2 + 0.1 t n = 80, short random walk n = 25, ARIMA(2,1,0) with AR coefficients
# 0.6, -0.3 in the differences n = 120 (lagged differences matter: the lag searches pick p >= 1).
# Needs: R with urca and tseries (Debian r-cran-urca, r-cran-tseries). A missing piece fails the run.
suppressPackageStartupMessages({
  library(urca)
  library(tseries)
})

args <- commandArgs(trailingOnly = TRUE)
file_arg <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))
out <- dirname(normalizePath(file_arg))
if (length(args) >= 2 && args[1] == "--out") out <- args[2]
dir.create(out, showWarnings = FALSE, recursive = TRUE)

num <- function(v) sprintf("%.17g", v)
jarr <- function(v) paste0("[", paste(num(v), collapse = ", "), "]")
jstr <- function(s) paste0("\"", s, "\"")
jobj <- function(kv) paste0("{", paste(paste0(jstr(names(kv)), ": ", unlist(kv)), collapse = ", "), "}")

# --- series ---------------------------------------------------------------------------------------
set.seed(20261203)
rw <- cumsum(rnorm(100))
e <- rnorm(60)
ar <- numeric(60)
ar[1] <- e[1]
for (t in 2:60) ar[t] <- 0.5 * ar[t - 1] + e[t]
u <- rnorm(80)
ts0 <- numeric(80)
ts0[1] <- u[1]
for (t in 2:80) ts0[t] <- 0.4 * ts0[t - 1] + u[t]
trend_stationary <- ts0 + 2 + 0.1 * (0:79)
short <- cumsum(rnorm(25))
v <- rnorm(120)
d2 <- numeric(120)
d2[1:2] <- v[1:2]
for (t in 3:120) d2[t] <- 0.6 * d2[t - 1] - 0.3 * d2[t - 2] + v[t]
arima210 <- cumsum(d2)

cases <- list(
  list(name = "random_walk", y = rw),
  list(name = "ar1", y = ar),
  list(name = "trend_stationary", y = trend_stationary),
  list(name = "short", y = short),
  list(name = "arima_210", y = arima210)
)

n_det <- c(none = 0, drift = 1, trend = 2)

urca_run <- function(y, type, k, sel) {
  r <- ur.df(y, type = type, lags = k, selectlags = sel)
  co <- coef(r@testreg)
  used <- nrow(co) - 1 - n_det[[type]]
  cv <- r@cval
  cvj <- jobj(setNames(lapply(rownames(cv), function(nm) jobj(list(
    "1pct" = num(cv[nm, "1pct"]), "5pct" = num(cv[nm, "5pct"]), "10pct" = num(cv[nm, "10pct"])
  ))), rownames(cv)))
  ts <- r@teststat[1, ]
  jobj(list(
    type = jstr(type), lags = k, selectlags = jstr(sel), tau = num(ts[[1]]),
    phi = if (length(ts) > 1) jobj(setNames(as.list(num(ts[-1])), names(ts)[-1])) else "{}",
    used_lag = used, nobs = length(residuals(r@testreg)), critical_values = cvj
  ))
}

tseries_run <- function(y, k) {
  warned <- "null"
  r <- withCallingHandlers(
    if (is.null(k)) adf.test(y) else adf.test(y, k = k),
    warning = function(w) {
      msg <- conditionMessage(w)
      warned <<- jstr(if (grepl("smaller", msg)) "smaller" else "greater")
      invokeRestart("muffleWarning")
    }
  )
  jobj(list(
    k = if (is.null(k)) jstr("default") else k, lag = unname(r$parameter), statistic = num(unname(r$statistic)),
    p_value = num(r$p.value), table_warning = warned
  ))
}

case_json <- character(0)
for (cs in cases) {
  runs <- character(0)
  for (type in c("none", "drift", "trend")) {
    for (k in c(0, 1, 4)) runs <- c(runs, urca_run(cs$y, type, k, "Fixed"))
    for (k in c(4, 8)) for (sel in c("AIC", "BIC")) runs <- c(runs, urca_run(cs$y, type, k, sel))
  }
  truns <- c(tseries_run(cs$y, NULL), tseries_run(cs$y, 0), tseries_run(cs$y, 2))
  case_json <- c(case_json, paste0(
    "{", jstr("name"), ": ", jstr(cs$name), ", ", jstr("y"), ": ", jarr(cs$y), ",\n",
    jstr("urca"), ": [\n", paste(runs, collapse = ",\n"), "],\n",
    jstr("tseries"), ": [", paste(truns, collapse = ", "), "]}"
  ))
}

doc <- paste0(
  "{\n", jstr("generator"), ": ", jstr("test/reference/r-urca-adf/generate.R"), ",\n",
  jstr("seed"), ": 20261203,\n",
  jstr("software"), ": {", jstr("R"), ": ", jstr(paste0(R.version$major, ".", R.version$minor, " (urca ",
    packageVersion("urca"), ", tseries ", packageVersion("tseries"), ")")), "},\n",
  jstr("cases"), ": [\n", paste(case_json, collapse = ",\n"), "\n]\n}\n"
)
writeLines(doc, file.path(out, "adf.json"))
