#!/usr/bin/env Rscript
# Reference values for the Granger causality test, VAR lag selection and the F / chi-squared
# distribution functions (src/core/econometrics/granger.ts, distributions.ts).
#
# Usage (from the repository root):
#     Rscript test/reference/r-lmtest-granger/generate.R [--out DIR]
#
# DIR defaults to this script's folder. Writes two JSON files there and nothing else:
#   lmtest.json      - R lmtest::grangertest(y ~ x, order = p) F, Pr(>F), Res.Df, plus the two residual
#                      sums of squares from lm() on the same sample and chi2 = n (RSS_r - RSS_u) / RSS_u;
#                      R pf / pchisq on a grid (both tails). Cases: lmtest's ChickEgg data (Thurman &
#                      Fisher 1988; the documentation example, both directions, orders 1-4) and seeded
#                      simulated series (set.seed below), including a short one (small-sample warning).
#   statsmodels.json - the same series through /usr/bin/python3 statsmodels grangercausalitytests
#                      (ssr_ftest, ssr_chi2test), VAR(...).select_order(maxlags, trend="c") (aic, bic,
#                      hqic, fpe, selected orders) and scipy.stats f.sf/f.cdf/chi2.sf/chi2.cdf on the grid.
# One generator for the folder (test/reference/generators.ts runs generate.R with Rscript); the Python
# part is run from here with system2 so both files always come from the same inputs.
# Needs: R with lmtest (Debian r-cran-lmtest 0.9-40), /usr/bin/python3 with statsmodels (Debian
# python3-statsmodels 0.13.5), pandas and scipy. A missing piece fails the run (no fallback).
suppressPackageStartupMessages(library(lmtest))

args <- commandArgs(trailingOnly = TRUE)
file_arg <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))
out <- dirname(normalizePath(file_arg))
if (length(args) >= 2 && args[1] == "--out") out <- args[2]
dir.create(out, showWarnings = FALSE, recursive = TRUE)

num <- function(v) {
  s <- ifelse(is.infinite(v), ifelse(v > 0, "1e999", "-1e999"), sprintf("%.17g", v))
  s
}
jarr <- function(v) paste0("[", paste(num(v), collapse = ", "), "]")
jstr <- function(s) paste0("\"", s, "\"")
jobj <- function(kv) paste0("{", paste(paste0(jstr(names(kv)), ": ", unlist(kv)), collapse = ", "), "}")

# --- series ---------------------------------------------------------------------------------------
data(ChickEgg, package = "lmtest")
chicken <- as.numeric(ChickEgg[, "chicken"])
egg <- as.numeric(ChickEgg[, "egg"])

set.seed(20261203)
sim <- function(T, b) {
  x <- as.numeric(arima.sim(list(ar = 0.5), n = T))
  e <- rnorm(T)
  y <- numeric(T)
  y[1] <- e[1]
  for (t in 2:T) y[t] <- 0.4 * y[t - 1] + b * x[t - 1] + e[t]
  list(y = y, x = x)
}
s1 <- sim(60, 0.5)  # x causes y
s2 <- sim(40, 0.0)  # no causality
s3 <- sim(15, 0.6)  # short annual-style series: n - 2p - 1 < 10 for every p

cases <- list(
  list(name = "chickegg_chicken_on_egg", y = chicken, x = egg, orders = 1:4),
  list(name = "chickegg_egg_on_chicken", y = egg, x = chicken, orders = 1:4),
  list(name = "sim60_causal", y = s1$y, x = s1$x, orders = 1:4),
  list(name = "sim40_null", y = s2$y, x = s2$x, orders = 1:3),
  list(name = "sim15_short", y = s3$y, x = s3$x, orders = 1:3)
)

rss <- function(y, x, p, with_x) {
  T <- length(y)
  idx <- (p + 1):T
  Z <- sapply(1:p, function(i) y[idx - i])
  if (with_x) Z <- cbind(Z, sapply(1:p, function(i) x[idx - i]))
  sum(residuals(lm(y[idx] ~ Z))^2)
}

case_json <- character(0)
for (cs in cases) {
  res <- character(0)
  for (p in cs$orders) {
    g <- grangertest(cs$x, cs$y, order = p)  # default method: x causes y? see below
    # grangertest.default(x, y, order): tests whether x Granger-causes y (H0: no causality)
    rr <- rss(cs$y, cs$x, p, FALSE)
    ru <- rss(cs$y, cs$x, p, TRUE)
    n <- length(cs$y) - p
    res <- c(res, jobj(list(
      lags = p, f = num(g$F[2]), p_value = num(g[["Pr(>F)"]][2]), df_num = num(-g$Df[2]),
      df_den = num(g$Res.Df[1]), rss_restricted = num(rr), rss_unrestricted = num(ru), n = n,
      chi2 = num(n * (rr - ru) / ru), chi2_p_value = num(pchisq(n * (rr - ru) / ru, p, lower.tail = FALSE))
    )))
  }
  case_json <- c(case_json, paste0(
    "{", jstr("name"), ": ", jstr(cs$name), ", ", jstr("y"), ": ", jarr(cs$y), ", ", jstr("x"), ": ", jarr(cs$x),
    ", ", jstr("tests"), ": [", paste(res, collapse = ", "), "]}"
  ))
}

# --- distribution grid ----------------------------------------------------------------------------
fgrid <- rbind(
  c(0.5, 1, 1), c(1, 3, 44), c(5.404984, 3, 44), c(0.591615, 3, 44), c(2.5, 2, 10), c(0.01, 5, 7),
  c(40, 4, 30), c(200, 2, 100), c(1.3, 0.5, 3.5), c(3, 60, 250), c(0.9, 300, 400), c(1e-4, 10, 10),
  c(12, 1, 2), c(7.7, 8, 8)
)
cgrid <- rbind(
  c(3.841458820694124, 1), c(0.1, 1), c(5, 3), c(30, 3), c(100, 4), c(0.5, 10), c(18.3, 10),
  c(250, 200), c(150, 200), c(1e-3, 2), c(700, 6), c(2.2, 0.7), c(60, 45)
)
fj <- apply(fgrid, 1, function(r) jobj(list(
  x = num(r[1]), d1 = num(r[2]), d2 = num(r[3]),
  cdf = num(pf(r[1], r[2], r[3])), sf = num(pf(r[1], r[2], r[3], lower.tail = FALSE))
)))
cj <- apply(cgrid, 1, function(r) jobj(list(
  x = num(r[1]), k = num(r[2]),
  cdf = num(pchisq(r[1], r[2])), sf = num(pchisq(r[1], r[2], lower.tail = FALSE))
)))

lmtest_json <- paste0(
  "{\n", jstr("source"), ": ", jstr("R lmtest::grangertest (default method: x causes y), lm RSS, pf, pchisq"), ",\n",
  jstr("R"), ": ", jstr(paste(R.version$major, R.version$minor, sep = ".")), ",\n",
  jstr("lmtest"), ": ", jstr(as.character(packageVersion("lmtest"))), ",\n",
  jstr("seed"), ": 20261203,\n",
  jstr("cases"), ": [\n", paste(case_json, collapse = ",\n"), "\n],\n",
  jstr("f_grid"), ": [\n", paste(fj, collapse = ",\n"), "\n],\n",
  jstr("chi2_grid"), ": [\n", paste(cj, collapse = ",\n"), "\n]\n}\n"
)
writeLines(lmtest_json, file.path(out, "lmtest.json"))

# --- statsmodels / scipy via /usr/bin/python3 ------------------------------------------------------
tmp <- tempfile(fileext = ".json")
writeLines(paste0("{", jstr("cases"), ": [", paste(case_json, collapse = ", "), "], ",
                  jstr("f_grid"), ": [", paste(fj, collapse = ", "), "], ",
                  jstr("chi2_grid"), ": [", paste(cj, collapse = ", "), "]}"), tmp)
py <- '
import json, sys
import numpy as np, scipy, scipy.stats as st, statsmodels
from statsmodels.tsa.stattools import grangercausalitytests
from statsmodels.tsa.api import VAR
src = json.load(open(sys.argv[1]))
out = {"source": "statsmodels grangercausalitytests (ssr_ftest, ssr_chi2test), VAR.select_order(trend=c), scipy.stats",
       "statsmodels": statsmodels.__version__, "scipy": scipy.__version__, "cases": [], "var_select": []}
for c in src["cases"]:
    d = np.column_stack([c["y"], c["x"]])
    maxlag = max(t["lags"] for t in c["tests"])
    r = grangercausalitytests(d, maxlag, verbose=False)
    tests = []
    for p in range(1, maxlag + 1):
        f = r[p][0]["ssr_ftest"]; ch = r[p][0]["ssr_chi2test"]
        tests.append({"lags": p, "f": float(f[0]), "p_value": float(f[1]), "df_den": float(f[2]), "df_num": int(f[3]),
                      "chi2": float(ch[0]), "chi2_p_value": float(ch[1]), "chi2_df": int(ch[2])})
    out["cases"].append({"name": c["name"], "tests": tests})
    for maxlags in sorted({min(4, (len(c["y"]) - 3) // 3), 2}):
        sel = VAR(d).select_order(maxlags=maxlags, trend="c")
        out["var_select"].append({"name": c["name"], "columns": ["y", "x"], "maxlags": maxlags,
            "aic": [float(v) for v in sel.ics["aic"]], "bic": [float(v) for v in sel.ics["bic"]],
            "hqic": [float(v) for v in sel.ics["hqic"]], "fpe": [float(v) for v in sel.ics["fpe"]],
            "selected": {k: int(v) for k, v in sel.selected_orders.items()}})
out["f_grid"] = [{"x": g["x"], "d1": g["d1"], "d2": g["d2"], "cdf": float(st.f.cdf(g["x"], g["d1"], g["d2"])),
                  "sf": float(st.f.sf(g["x"], g["d1"], g["d2"]))} for g in src["f_grid"]]
out["chi2_grid"] = [{"x": g["x"], "k": g["k"], "cdf": float(st.chi2.cdf(g["x"], g["k"])),
                     "sf": float(st.chi2.sf(g["x"], g["k"]))} for g in src["chi2_grid"]]
with open(sys.argv[2], "w") as fh:
    json.dump(out, fh, indent=1)
    fh.write("\\n")
'
pyfile <- tempfile(fileext = ".py")
writeLines(py, pyfile)
status <- system2("/usr/bin/python3", c(pyfile, tmp, file.path(out, "statsmodels.json")))
unlink(c(tmp, pyfile))
if (status != 0) stop("/usr/bin/python3 with statsmodels, pandas and scipy is needed (apt-get install python3-statsmodels)")
