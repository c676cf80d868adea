#!/usr/bin/env python3
"""Reference values for the OLS estimator (src/core/econometrics/ols.ts) from statsmodels, and for its
t / F tail probabilities (src/core/econometrics/distributions.ts) from scipy.

Usage (from the repository root):
    python3 test/reference/statsmodels-ols/generate.py [--out DIR]

DIR defaults to this script's folder. Writes ols.json; never edit it by hand. Needs numpy, scipy and
statsmodels. statsmodels is taken from Debian (`apt-get install python3-statsmodels`, i.e. for
/usr/bin/python3): if the interpreter running this script cannot import it, the script re-runs itself
under /usr/bin/python3.

For every dataset (seeded numpy.random.default_rng, plus the NIST StRD Longley data read from
../numpy-core/nist-longley.json) it records statsmodels.api.OLS(y, X).fit(cov_type=..., use_t=True):
params, bse, tvalues, pvalues (Student t, df_resid), fvalue and f_pvalue (for robust covariances
statsmodels computes F as the Wald test of all slopes with that covariance), for cov_type
"nonrobust", "HC0", "HC1", "HC2", "HC3", and "HAC" with maxlags = 2 (Bartlett kernel) both with
statsmodels' default use_correction=False ("HAC") and with use_correction=True ("HAC_corrected",
covariance times n/(n-k)). Plus rsquared, rsquared_adj, llf, aic, bic, ssr, scale (sigma^2), the
residuals, statsmodels' condition_number (sqrt of the eigenvalue ratio of X'X) and numpy's SVD-based
np.linalg.cond(X) (accurate also when X'X is too ill-conditioned for its eigenvalues).
"""
import argparse
import json
import os
import pathlib
import platform
import sys

try:
    import statsmodels
    import statsmodels.api as sm
except ImportError:
    if os.path.exists("/usr/bin/python3") and os.path.realpath(sys.executable) != os.path.realpath("/usr/bin/python3"):
        os.execv("/usr/bin/python3", ["/usr/bin/python3", *sys.argv])
    raise

import numpy as np
import scipy
import scipy.special
import scipy.stats

HERE = pathlib.Path(__file__).resolve().parent
SEED = 20261203
COV_TYPES = [
    ("nonrobust", "nonrobust", {}),
    ("hc0", "HC0", {}),
    ("hc1", "HC1", {}),
    ("hc2", "HC2", {}),
    ("hc3", "HC3", {}),
    ("nw", "HAC", {"maxlags": 2}),
    ("nw_corrected", "HAC", {"maxlags": 2, "use_correction": True}),
]


def fl(a):
    return [float(v) for v in np.asarray(a).ravel()]


def datasets():
    rng = np.random.default_rng(SEED)
    out = []
    # heteroscedastic errors, 3 regressors, n = 40
    n = 40
    X = rng.normal(size=(n, 3)) * [1.0, 2.0, 0.5] + [0.0, 1.0, -2.0]
    e = rng.normal(size=n) * (0.5 + np.abs(X[:, 0]))
    y = 1.5 + X @ np.array([2.0, -0.7, 0.3]) + e
    out.append(("heteroscedastic", X, y, True))
    # AR(1) errors (rho = 0.6), 2 regressors (one trending), n = 60
    n = 60
    t = np.arange(n, dtype=float)
    X = np.column_stack([t / 10.0 + rng.normal(size=n) * 0.3, rng.normal(size=n)])
    u = np.zeros(n)
    eps = rng.normal(size=n)
    for i in range(n):
        u[i] = (0.6 * u[i - 1] if i > 0 else 0.0) + eps[i]
    y = -3.0 + X @ np.array([0.8, 1.2]) + u
    out.append(("ar1_errors", X, y, True))
    # no intercept, 2 regressors, n = 25
    n = 25
    X = rng.uniform(1.0, 5.0, size=(n, 2))
    y = X @ np.array([1.3, -0.4]) + rng.normal(size=n) * 0.8
    out.append(("no_intercept", X, y, False))
    # one regressor, n = 13 (the size of the spec §4.2 productivity regression)
    n = 13
    X = np.sort(rng.uniform(40.0, 190.0, size=(n, 1)), axis=0)
    y = 20000.0 + 700.0 * X[:, 0] + rng.normal(size=n) * 3000.0
    out.append(("simple_n13", X, y, True))
    # NIST StRD Longley
    longley = json.loads((HERE.parent / "numpy-core" / "nist-longley.json").read_text())
    d = longley["data"]
    X = np.column_stack([np.array(d[f"x{j}"], dtype=float) for j in range(1, 7)])
    y = np.array(d["y"], dtype=float)
    out.append(("longley", X, y, True))
    return out


def fit_all(name, X, y, intercept):
    exog = sm.add_constant(X, prepend=True) if intercept else X
    case = {
        "name": name,
        "intercept": intercept,
        "X": [fl(row) for row in X],
        "y": fl(y),
    }
    base = sm.OLS(y, exog).fit()
    case.update(
        {
            "params": fl(base.params),
            "rsquared": float(base.rsquared),
            "rsquared_adj": float(base.rsquared_adj),
            "llf": float(base.llf),
            "aic": float(base.aic),
            "bic": float(base.bic),
            "ssr": float(base.ssr),
            "scale": float(base.scale),
            "df_model": float(base.df_model),
            "df_resid": float(base.df_resid),
            "resid": fl(base.resid),
            "condition_number": float(base.condition_number),
            "cond2_svd": float(np.linalg.cond(exog)),
        }
    )
    cov = {}
    for key, cov_type, kwds in COV_TYPES:
        r = sm.OLS(y, exog).fit(cov_type=cov_type, cov_kwds=kwds or None, use_t=True)
        cov[key] = {
            "bse": fl(r.bse),
            "tvalues": fl(r.tvalues),
            "pvalues": fl(r.pvalues),
            "fvalue": float(np.squeeze(r.fvalue)),
            "f_pvalue": float(np.squeeze(r.f_pvalue)),
        }
    case["cov"] = cov
    return case


def distributions():
    betainc = []
    for a, b, x in [
        (0.5, 0.5, 0.3),
        (2.0, 3.0, 0.4),
        (5.0, 0.5, 0.9),
        (0.5, 20.0, 0.01),
        (30.0, 40.0, 0.45),
        (150.0, 0.5, 0.99),
        (1.0, 1.0, 0.123),
        (10.0, 10.0, 0.5),
        (0.1, 7.0, 1e-5),
        (500.0, 500.0, 0.52),
    ]:
        betainc.append({"a": a, "b": b, "x": x, "value": float(scipy.special.betainc(a, b, x))})
    t_two_sided = []
    for t, df in [(0.0, 5.0), (0.3, 3.0), (1.0, 1.0), (2.262157162, 9.0), (-2.5, 12.0), (4.0, 30.0),
                  (9.46398999, 48.0), (12.0, 7.0), (0.05, 200.0), (3.1, 2000.0)]:
        t_two_sided.append({"t": t, "df": df, "value": float(2.0 * scipy.stats.t.sf(abs(t), df))})
    f_upper = []
    for f, d1, d2 in [(0.0, 2.0, 5.0), (0.5, 1.0, 10.0), (1.0, 3.0, 20.0), (4.256494729, 2.0, 9.0),
                      (330.285339234588, 6.0, 9.0), (2.0, 10.0, 3.0), (25.0, 4.0, 100.0), (0.01, 5.0, 5.0),
                      (1.5, 50.0, 60.0)]:
        f_upper.append({"f": f, "df1": d1, "df2": d2, "value": float(scipy.stats.f.sf(f, d1, d2))})
    return {"betainc": betainc, "t_two_sided": t_two_sided, "f_upper": f_upper}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=str(HERE))
    out = pathlib.Path(ap.parse_args().out)
    out.mkdir(parents=True, exist_ok=True)
    doc = {
        "generator": "test/reference/statsmodels-ols/generate.py",
        "seed": SEED,
        "software": {
            "python": f"{platform.python_version()} (statsmodels {statsmodels.__version__})",
            "numpy": np.__version__,
            "scipy": scipy.__version__,
        },
        "cases": [fit_all(*d) for d in datasets()],
        "distributions": distributions(),
    }
    (out / "ols.json").write_text(json.dumps(doc, indent=2) + "\n")


if __name__ == "__main__":
    main()
