#!/usr/bin/env python3
"""Reference values for panel regressions (src/core/econometrics/panel.ts) and variance inflation
factors (src/core/econometrics/vif.ts) from statsmodels.

Usage (from the repository root):
    python3 test/reference/statsmodels-panel/generate.py [--out DIR]

DIR defaults to this script's folder. Writes panel.json and vif.json; never edit them by hand. Needs
numpy, scipy and statsmodels (Debian python3-statsmodels, i.e. for /usr/bin/python3): if the
interpreter running this script cannot import statsmodels, the script re-runs itself under
/usr/bin/python3.

panel.json -- for each seeded panel (numpy.random.default_rng(SEED)):
  pooled     sm.OLS(y, [1, X]).fit(cov_type=..., use_t=True) with "nonrobust", "HC1" and "cluster"
             (groups = entity ids, and groups = a coarser region id in which entities are nested);
             statsmodels' cluster defaults: use_correction=True (factor G/(G-1)*(n-1)/(n-k)) and
             df_correction=True (t with G-1 degrees of freedom).
  fe_lsdv    least-squares dummy variables: sm.OLS(y, [X, D]) with one dummy per entity (no constant);
             "nonrobust" (sigma^2 = RSS/(n-k-G)) and "HC1" (factor n/(n-k-G)); the first k params,
             bse, tvalues, pvalues are recorded.
  fe_within  sm.OLS(y~, X~) on the data demeaned by entity (no constant): params, ssr, rsquared
             (uncentred = within R^2, since y~ has mean 0) and cov_type "cluster" with the same two
             groupings (factor G/(G-1)*(n-1)/(n-k), k = number of slopes: the absorbed entity means are
             nested in the clusters and not counted; t with G-1 df).
vif.json -- NIST StRD Longley (../numpy-core/nist-longley.json) and a seeded design:
  statsmodels.stats.outliers_influence.variance_inflation_factor on [1, X] (the slopes' values equal
  the centred VIF), on X without a constant (statsmodels then regresses without an intercept and uses
  the uncentred R^2 -- recorded to document the difference), and numpy diag(inv(corrcoef(X))), the
  centred VIF computed independently.
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
    from statsmodels.stats.outliers_influence import variance_inflation_factor
except ImportError:
    if os.path.exists("/usr/bin/python3") and os.path.realpath(sys.executable) != os.path.realpath("/usr/bin/python3"):
        os.execv("/usr/bin/python3", ["/usr/bin/python3", *sys.argv])
    raise

import numpy as np
import scipy

HERE = pathlib.Path(__file__).resolve().parent
SEED = 20261204


def fl(a):
    return [float(v) for v in np.asarray(a).ravel()]


def panels():
    rng = np.random.default_rng(SEED)
    out = []
    # unbalanced: 31 entities x 8..12 years, 2 regressors, entity effects correlated with x1,
    # heteroscedastic and within-entity correlated errors; entities nested in 7 regions
    G = 31
    ent, reg, X, y = [], [], [], []
    alpha = rng.normal(size=G) * 2.0
    for g in range(G):
        T = int(rng.integers(8, 13))
        x1 = alpha[g] * 0.8 + rng.normal(size=T)
        x2 = rng.uniform(-1.0, 3.0, size=T) + 0.3 * g / G
        shock = rng.normal() * 0.7
        e = shock + rng.normal(size=T) * (0.5 + 0.4 * np.abs(x2))
        yy = 1.0 + alpha[g] + 1.5 * x1 - 0.8 * x2 + e
        for t in range(T):
            ent.append(f"e{g:02d}")
            reg.append(f"r{g % 7}")
            X.append([float(x1[t]), float(x2[t])])
            y.append(float(yy[t]))
    out.append(("unbalanced_31", ent, reg, np.array(X), np.array(y)))
    # small balanced: 5 entities x 4 years, 2 regressors; regions: 2 (entities nested)
    G, T = 5, 4
    ent, reg, X, y = [], [], [], []
    alpha = rng.normal(size=G)
    for g in range(G):
        x1 = alpha[g] + rng.normal(size=T)
        x2 = rng.normal(size=T) * 2.0
        yy = 2.0 + alpha[g] * 1.5 + 0.5 * x1 + 1.2 * x2 + rng.normal(size=T) * 0.6
        for t in range(T):
            ent.append(f"firm{g + 1}")
            reg.append("north" if g < 2 else "south")
            X.append([float(x1[t]), float(x2[t])])
            y.append(float(yy[t]))
    out.append(("balanced_5x4", ent, reg, np.array(X), np.array(y)))
    return out


def cov_block(r, k):
    return {
        "bse": fl(r.bse[:k]),
        "tvalues": fl(r.tvalues[:k]),
        "pvalues": fl(r.pvalues[:k]),
        "cov": [fl(row) for row in np.asarray(r.cov_params())[:k, :k]],
    }


def codes(labels):
    _, idx = np.unique(np.asarray(labels), return_inverse=True)
    return idx


def fit_panel(name, ent, reg, X, y):
    n, k = X.shape
    ent_idx = codes(ent)
    reg_idx = codes(reg)
    G = int(ent_idx.max()) + 1
    case = {
        "name": name,
        "entities": ent,
        "regions": reg,
        "X": [fl(row) for row in X],
        "y": fl(y),
        "n": n,
        "n_entities": G,
        "n_regions": int(reg_idx.max()) + 1,
    }
    # pooled OLS with an intercept
    exog = sm.add_constant(X, prepend=True)
    base = sm.OLS(y, exog).fit()
    pooled = {
        "params": fl(base.params),
        "rsquared": float(base.rsquared),
        "ssr": float(base.ssr),
        "df_resid": float(base.df_resid),
        "nonrobust": cov_block(base, k + 1),
        "hc1": cov_block(sm.OLS(y, exog).fit(cov_type="HC1", use_t=True), k + 1),
        "cluster_entity": cov_block(
            sm.OLS(y, exog).fit(cov_type="cluster", cov_kwds={"groups": ent_idx}, use_t=True), k + 1
        ),
        "cluster_region": cov_block(
            sm.OLS(y, exog).fit(cov_type="cluster", cov_kwds={"groups": reg_idx}, use_t=True), k + 1
        ),
    }
    case["pooled"] = pooled
    # LSDV: X then one dummy per entity, no constant
    D = np.zeros((n, G))
    D[np.arange(n), ent_idx] = 1.0
    lsdv_exog = np.column_stack([X, D])
    lsdv = sm.OLS(y, lsdv_exog).fit()
    case["fe_lsdv"] = {
        "params": fl(lsdv.params[:k]),
        "ssr": float(lsdv.ssr),
        "df_resid": float(lsdv.df_resid),
        "scale": float(lsdv.scale),
        "nonrobust": cov_block(lsdv, k),
        "hc1": cov_block(sm.OLS(y, lsdv_exog).fit(cov_type="HC1", use_t=True), k),
    }
    # within transformation: demean by entity
    Xw = X.copy()
    yw = y.copy()
    for g in range(G):
        m = ent_idx == g
        Xw[m] -= X[m].mean(axis=0)
        yw[m] -= y[m].mean()
    within = sm.OLS(yw, Xw).fit()
    case["fe_within"] = {
        "params": fl(within.params),
        "ssr": float(within.ssr),
        "rsquared_within": float(within.rsquared),
        "cluster_entity": cov_block(
            sm.OLS(yw, Xw).fit(cov_type="cluster", cov_kwds={"groups": ent_idx}, use_t=True), k
        ),
        "cluster_region": cov_block(
            sm.OLS(yw, Xw).fit(cov_type="cluster", cov_kwds={"groups": reg_idx}, use_t=True), k
        ),
    }
    return case


def vif_case(name, X, names):
    k = X.shape[1]
    with_const = sm.add_constant(X, prepend=True)
    return {
        "name": name,
        "names": names,
        "X": [fl(row) for row in X],
        # statsmodels on [1, X]: slopes only (index 1..k) = the centred VIF
        "statsmodels_with_const": [float(variance_inflation_factor(with_const, j)) for j in range(1, k + 1)],
        # statsmodels on X as is (no constant column: no intercept, uncentred R^2)
        "statsmodels_no_const": [float(variance_inflation_factor(X, j)) for j in range(k)],
        # centred VIF computed independently: diag of the inverse correlation matrix
        "inv_corr_diag": fl(np.diag(np.linalg.inv(np.corrcoef(X, rowvar=False)))),
    }


def vif_cases():
    longley = json.loads((HERE.parent / "numpy-core" / "nist-longley.json").read_text())
    d = longley["data"]
    X = np.column_stack([np.array(d[f"x{j}"], dtype=float) for j in range(1, 7)])
    out = [vif_case("longley", X, [f"x{j}" for j in range(1, 7)])]
    rng = np.random.default_rng(SEED + 1)
    n = 50
    z = rng.normal(size=(n, 3))
    X = np.column_stack([z[:, 0], z[:, 1], 0.9 * z[:, 0] + 0.5 * z[:, 1] + 0.1 * z[:, 2] + 3.0, rng.normal(size=n)])
    out.append(vif_case("seeded_near_collinear", X, ["a", "b", "c", "d"]))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=str(HERE))
    out = pathlib.Path(ap.parse_args().out)
    out.mkdir(parents=True, exist_ok=True)
    software = {
        "python": f"{platform.python_version()} (statsmodels {statsmodels.__version__})",
        "numpy": np.__version__,
        "scipy": scipy.__version__,
    }
    panel = {
        "generator": "test/reference/statsmodels-panel/generate.py",
        "seed": SEED,
        "software": software,
        "cases": [fit_panel(*p) for p in panels()],
    }
    (out / "panel.json").write_text(json.dumps(panel, indent=2) + "\n")
    vif = {
        "generator": "test/reference/statsmodels-panel/generate.py",
        "seed": SEED + 1,
        "software": software,
        "cases": vif_cases(),
    }
    (out / "vif.json").write_text(json.dumps(vif, indent=2) + "\n")


if __name__ == "__main__":
    main()
