#!/usr/bin/env python3
"""Reference values for the augmented Dickey-Fuller test (src/core/econometrics/adf.ts) from statsmodels
`adfuller`, `mackinnonp` and `mackinnoncrit`, and for the normal CDF from scipy.

Usage (from the repository root):
    python3 test/reference/statsmodels-adf/generate.py [--out DIR]

DIR defaults to this script's folder. Writes adf.json; never edit it by hand. Needs numpy, scipy and
statsmodels. statsmodels is taken from Debian (`apt-get install python3-statsmodels`, i.e. for
/usr/bin/python3): if the interpreter running this script cannot import it, the script re-runs itself
under /usr/bin/python3.

Series (seeded numpy.random.default_rng): a random walk (n = 100, regression "c" and "n"), a
stationary AR(1) with phi = 0.5 (n = 60, "c"), a trend-stationary series (n = 80, "ct") and a short
random walk (n = 20, maxlag = 2, "c"). Each is tested with autolag "aic", "bic", "t-stat" and None
(fixed lag = maxlag): statistic, pvalue, usedlag, nobs, critical values, icbest.
"""
import argparse
import json
import os
import pathlib
import platform
import sys

try:
    import statsmodels
    from statsmodels.tsa.adfvalues import mackinnoncrit, mackinnonp
    from statsmodels.tsa.stattools import adfuller
except ImportError:
    if os.path.exists("/usr/bin/python3") and os.path.realpath(sys.executable) != os.path.realpath("/usr/bin/python3"):
        os.execv("/usr/bin/python3", ["/usr/bin/python3", *sys.argv])
    raise

import numpy as np
import scipy
import scipy.stats

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
    short = np.cumsum(rng.standard_normal(20))
    return [
        ("random_walk", rw, "c", None),
        ("random_walk_n", rw, "n", None),
        ("ar1", ar, "c", None),
        ("trend_stationary", ts, "ct", None),
        ("short", short, "c", 2),
    ]


def cases():
    out = []
    for name, y, reg, maxlag in series():
        runs = []
        for autolag in ["AIC", "BIC", "t-stat", None]:
            r = adfuller(y, maxlag=maxlag, regression=reg, autolag=autolag)
            run = {
                "autolag": autolag,
                "statistic": float(r[0]),
                "pvalue": float(r[1]),
                "usedlag": int(r[2]),
                "nobs": int(r[3]),
                "critical_values": {k: float(v) for k, v in r[4].items()},
            }
            if autolag is not None:
                run["icbest"] = float(r[5])
            runs.append(run)
        out.append({"name": name, "regression": reg, "maxlag": maxlag, "y": [float(v) for v in y], "runs": runs})
    return out


def pvalue_grid():
    stats = [float(v) for v in np.round(np.arange(-20.0, 3.01, 0.25), 2)] + [-1.61, -2.89, -1.04, 2.74, 0.7, 1.0]
    return {reg: [[s, float(mackinnonp(s, regression=reg, N=1))] for s in stats] for reg in ["n", "c", "ct"]}


def crit_grid():
    return {
        reg: [[n, [float(v) for v in mackinnoncrit(N=1, regression=reg, nobs=n)]] for n in [10, 20, 57, 100, 1000]]
        for reg in ["n", "c", "ct"]
    }


def normal_cdf():
    xs = [-38.0, -37.5, -30.0, -20.0, -10.0, -8.0, -6.0, -5.0, -4.0, -3.0, -2.5, -2.0, -1.5, -1.0, -0.6744897501960817,
          -0.5, -0.46875, -0.25, -1e-5, 0.0, 1e-5, 0.3, 0.46875, 0.5, 1.0, 1.6448536269514722, 2.0, 3.0, 4.0, 5.0, 6.0,
          8.0, 9.0]
    return [[x, float(scipy.stats.norm.cdf(x))] for x in xs]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=str(HERE))
    out = pathlib.Path(ap.parse_args().out)
    out.mkdir(parents=True, exist_ok=True)
    doc = {
        "generator": "test/reference/statsmodels-adf/generate.py",
        "seed": SEED,
        "software": {
            "python": f"{platform.python_version()} (statsmodels {statsmodels.__version__})",
            "numpy": np.__version__,
            "scipy": scipy.__version__,
        },
        "cases": cases(),
        "mackinnonp": pvalue_grid(),
        "mackinnoncrit": crit_grid(),
        "normal_cdf": normal_cdf(),
    }
    (out / "adf.json").write_text(json.dumps(doc, indent=2) + "\n")


if __name__ == "__main__":
    main()
