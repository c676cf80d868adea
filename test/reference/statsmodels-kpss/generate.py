#!/usr/bin/env python3
"""Reference values for the KPSS stationarity test (src/core/econometrics/kpss.ts) from statsmodels
`kpss`, and from R `tseries::kpss.test` and `urca::ur.kpss` on the same series.

Usage (from the repository root):
    python3 test/reference/statsmodels-kpss/generate.py [--out DIR]

DIR defaults to this script's folder. Writes two JSON files there and nothing else; never edit them by hand:
  kpss.json - statsmodels kpss(x, regression, nlags) for regression "c" and "ct" and nlags "auto"
              (Hobijn et al. 1998), "legacy" (ceil(12 (n/100)^(1/4)) in statsmodels 0.13.5) and the
              integers 0, 2 and 5: statistic, p-value, lags, critical values and whether statsmodels
              raised its InterpolationWarning (and which way: the true p is "smaller" or "greater").
  r.json    - R tseries::kpss.test(x, null = "Level" | "Trend", lshort = TRUE | FALSE) (statistic,
              p-value, truncation lag trunc(4 (n/100)^(1/4)) or trunc(12 (n/100)^(1/4))) and
              urca::ur.kpss(x, type = "mu" | "tau", lags = "short" | "long" | "nil") (statistic, lag),
              with the series as R read them (printed with 17 significant digits).
Needs numpy and statsmodels (Debian python3-statsmodels, i.e. for /usr/bin/python3: if the interpreter
running this script cannot import it, the script re-runs itself under /usr/bin/python3) and Rscript with
tseries and urca (Debian r-cran-tseries, r-cran-urca). A missing piece fails the run (no fallback).

Series (seeded numpy.random.default_rng(20261203)): a random walk (n = 100), a stationary AR(1) with
phi = 0.5 (n = 60), a trend-stationary AR(1) phi = 0.4 around 2 + 0.1 t (n = 80), a trend plus random walk
(n = 50), a short white-noise series (n = 15) and a tiny one (n = 6, where "legacy" gives
ceil(5.97) = 6 lags, capped at n - 1 = 5).
"""
import argparse
import json
import os
import pathlib
import platform
import subprocess
import sys
import tempfile
import warnings

try:
    import statsmodels
    from statsmodels.tools.sm_exceptions import InterpolationWarning
    from statsmodels.tsa.stattools import kpss
except ImportError:
    if os.path.exists("/usr/bin/python3") and os.path.realpath(sys.executable) != os.path.realpath("/usr/bin/python3"):
        os.execv("/usr/bin/python3", ["/usr/bin/python3", *sys.argv])
    raise

import numpy as np

HERE = pathlib.Path(__file__).resolve().parent
SEED = 20261203


def series():
    rng = np.random.default_rng(SEED)
    rw = np.cumsum(rng.standard_normal(100))
    e = rng.standard_normal(60)
    ar = np.zeros(60)
    ar[0] = e[0]
    for t in range(1, 60):
        ar[t] = 0.5 * ar[t - 1] + e[t]
    u = rng.standard_normal(80)
    ts = np.zeros(80)
    ts[0] = u[0]
    for t in range(1, 80):
        ts[t] = 0.4 * ts[t - 1] + u[t]
    ts = ts + 2.0 + 0.1 * np.arange(80)
    trw = 0.3 * np.arange(50) + np.cumsum(rng.standard_normal(50))
    short = rng.standard_normal(15)
    tiny = rng.standard_normal(6)
    return [
        ("random_walk", rw),
        ("ar1", ar),
        ("trend_stationary", ts),
        ("trend_random_walk", trw),
        ("short", short),
        ("tiny", tiny),
    ]


def run_kpss(y, regression, nlags):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        stat, p, lags, crit = kpss(y, regression=regression, nlags=nlags)
    direction = None
    for w in caught:
        if issubclass(w.category, InterpolationWarning):
            direction = "smaller" if "is smaller" in str(w.message) else "greater"
    return {
        "regression": regression,
        "nlags": nlags,
        "statistic": float(stat),
        "pvalue": float(p),
        "lags": int(lags),
        "critical_values": {k: float(v) for k, v in crit.items()},
        "interpolation_warning": direction,
    }


def statsmodels_cases():
    out = []
    for name, y in series():
        runs = [run_kpss(y, reg, nlags) for reg in ["c", "ct"] for nlags in ["auto", "legacy", 0, 2, 5]]
        out.append({"name": name, "y": [float(v) for v in y], "runs": runs})
    return out


R_CODE = r"""
suppressPackageStartupMessages({ library(tseries); library(urca) })
args <- commandArgs(trailingOnly = TRUE)
lines <- readLines(args[1])
num <- function(v) sprintf("%.17g", v)
jarr <- function(v) paste0("[", paste(num(v), collapse = ", "), "]")
jstr <- function(s) paste0("\"", s, "\"")
cases <- character(0)
for (ln in lines) {
  parts <- strsplit(ln, " ", fixed = TRUE)[[1]]
  name <- parts[1]
  y <- as.numeric(parts[-1])
  runs <- character(0)
  for (null in c("Level", "Trend")) for (lshort in c(TRUE, FALSE)) {
    k <- suppressWarnings(kpss.test(y, null = null, lshort = lshort))
    runs <- c(runs, paste0("{", jstr("function"), ": ", jstr("tseries::kpss.test"), ", ", jstr("null"), ": ", jstr(null),
      ", ", jstr("lshort"), ": ", tolower(as.character(lshort)), ", ", jstr("statistic"), ": ", num(unname(k$statistic)),
      ", ", jstr("pvalue"), ": ", num(k$p.value), ", ", jstr("lags"), ": ", unname(k$parameter), "}"))
  }
  for (type in c("mu", "tau")) for (lags in c("short", "long", "nil")) {
    u <- ur.kpss(y, type = type, lags = lags)
    runs <- c(runs, paste0("{", jstr("function"), ": ", jstr("urca::ur.kpss"), ", ", jstr("type"), ": ", jstr(type),
      ", ", jstr("lags_rule"), ": ", jstr(lags), ", ", jstr("statistic"), ": ", num(u@teststat),
      ", ", jstr("lags"), ": ", u@lag, "}"))
  }
  cases <- c(cases, paste0("{", jstr("name"), ": ", jstr(name), ", ", jstr("y"), ": ", jarr(y), ", ",
    jstr("runs"), ": [", paste(runs, collapse = ", "), "]}"))
}
writeLines(paste0("{", jstr("R"), ": ", jstr(paste0(R.version$major, ".", R.version$minor, " (tseries ",
  packageVersion("tseries"), ", urca ", packageVersion("urca"), ")")), ", ", jstr("cases"), ": [",
  paste(cases, collapse = ", "), "]}"), args[2])
"""


def r_cases():
    with tempfile.TemporaryDirectory() as tmp:
        src = pathlib.Path(tmp) / "series.txt"
        src.write_text("".join(f"{name} {' '.join(repr(float(v)) for v in y)}\n" for name, y in series()))
        script = pathlib.Path(tmp) / "kpss.R"
        script.write_text(R_CODE)
        dst = pathlib.Path(tmp) / "r.json"
        subprocess.run(["Rscript", str(script), str(src), str(dst)], check=True)
        return json.loads(dst.read_text())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=str(HERE))
    out = pathlib.Path(ap.parse_args().out)
    out.mkdir(parents=True, exist_ok=True)
    doc = {
        "generator": "test/reference/statsmodels-kpss/generate.py",
        "seed": SEED,
        "software": {
            "python": f"{platform.python_version()} (statsmodels {statsmodels.__version__})",
            "numpy": np.__version__,
        },
        "cases": statsmodels_cases(),
    }
    (out / "kpss.json").write_text(json.dumps(doc, indent=2) + "\n")
    r = r_cases()
    rdoc = {
        "generator": "test/reference/statsmodels-kpss/generate.py (R part)",
        "seed": SEED,
        "software": {"R": r["R"]},
        "cases": r["cases"],
    }
    (out / "r.json").write_text(json.dumps(rdoc, indent=2) + "\n")


if __name__ == "__main__":
    main()
