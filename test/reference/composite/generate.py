#!/usr/bin/env python3
"""Reference values for the composite-index core (src/core/composite/): entropy weights (sum and
min-max variants), CRITIC, PCA weights, TOPSIS closeness, coupling-coordination degree, disparity
statistics and the Hodrick-Prescott trend, on seeded random panels.

Usage (from the repository root):
    python3 test/reference/composite/generate.py [--out DIR]

DIR defaults to this script's folder. Writes composite.json; never edit it by hand. Needs numpy and
scipy (scipy.linalg.solve_banded for the HP filter). Every formula is written out here in plain
numpy, independently of the TypeScript code, following the formulas of the spec (methods.md §3.2,
§12.3) and of the cited papers:

- entropy: p_ij = b_ij / sum_i b_ij, e_j = -(1/ln m) sum_i p ln p (0 ln 0 = 0), w = (1-e)/sum(1-e);
  b = x (sum variant) or the min-max scores with directions (min-max variant).
- CRITIC (Diakoulaki et al. 1995): C_j = s_j * sum_k (1 - r_jk) on the min-max scores, s with ddof=1.
- PCA: eigenvector of the largest eigenvalue of np.corrcoef of the min-max scores (np.linalg.eigh),
  w = v^2; explained share = lambda_1 / trace.
- TOPSIS (Hwang & Yoon 1981): vector normalisation, weighted, ideal/anti-ideal by direction,
  C = D- / (D+ + D-).
- coupling (Wang et al. 2021): C = n * (prod U)^(1/n) / sum U, T = sum alpha U, D = sqrt(C T).
- disparity: CV (ddof 0 and 1), Theil T, Gini by the double sum sum|x_i - x_j| / (2 m^2 mu).
- HP: (I + lambda D'D) tau = y solved as a banded system (scipy.linalg.solve_banded).
"""
import argparse
import json
import pathlib
import platform

import numpy as np
import scipy
import scipy.linalg

HERE = pathlib.Path(__file__).resolve().parent
SEED = 20261201


def minmax(x, directions):
    lo, hi = x.min(axis=0), x.max(axis=0)
    rng = hi - lo
    safe = np.where(rng > 0, rng, 1.0)
    r = np.where(directions > 0, (x - lo) / safe, (hi - x) / safe)
    return np.where(rng > 0, r, 0.0)


def entropy(b):
    m = b.shape[0]
    s = b.sum(axis=0)
    p = np.divide(b, s, out=np.zeros_like(b), where=s > 0)
    plogp = np.where(p > 0, p * np.log(np.where(p > 0, p, 1.0)), 0.0)
    e = np.where(s > 0, -plogp.sum(axis=0) / np.log(m), 1.0)
    d = 1.0 - e
    return e, d / d.sum()


def critic(r):
    s = r.std(axis=0, ddof=1)
    c = np.corrcoef(r, rowvar=False)
    info = s * (1.0 - c).sum(axis=0)
    return info / info.sum()


def pca(r):
    c = np.corrcoef(r, rowvar=False)
    vals, vecs = np.linalg.eigh(c)
    v = vecs[:, -1]
    return v**2 / (v**2).sum(), vals[-1] / vals.sum(), vals[::-1]


def topsis(x, w, directions):
    v = x / np.sqrt((x**2).sum(axis=0)) * w
    ideal = np.where(directions > 0, v.max(axis=0), v.min(axis=0))
    anti = np.where(directions > 0, v.min(axis=0), v.max(axis=0))
    dp = np.sqrt(((v - ideal) ** 2).sum(axis=1))
    dm = np.sqrt(((v - anti) ** 2).sum(axis=1))
    return dm / (dp + dm), dp, dm


def coupling(u, alpha):
    n = u.shape[1]
    c = n * np.prod(u, axis=1) ** (1.0 / n) / u.sum(axis=1)
    t = u @ alpha
    return c, t, np.sqrt(c * t)


def disparity(x):
    mu = x.mean()
    q = x / mu
    return {
        "cvPopulation": float(x.std(ddof=0) / mu),
        "cvSample": float(x.std(ddof=1) / mu),
        "theil": float(np.mean(q * np.log(q))),
        "gini": float(np.abs(x[:, None] - x[None, :]).sum() / (2 * len(x) ** 2 * mu)),
    }


def hp(y, lam):
    t = len(y)
    d = np.diff(np.eye(t), 2, axis=0)
    a = np.eye(t) + lam * d.T @ d
    ab = np.zeros((5, t))  # upper form for solve_banded((2, 2), ...)
    for k in range(-2, 3):
        diag = np.diagonal(a, k)
        if k >= 0:
            ab[2 - k, k:] = diag
        else:
            ab[2 - k, : t + k] = diag
    return scipy.linalg.solve_banded((2, 2), ab, y)


def panel_case(rng, name, m, n, negative):
    x = rng.lognormal(mean=2.0, sigma=0.8, size=(m, n))
    directions = np.ones(n)
    directions[list(negative)] = -1
    w = rng.dirichlet(np.ones(n))
    r = minmax(x, directions)
    e_sum, w_sum = entropy(x)
    e_mm, w_mm = entropy(r)
    w_pca, share, eig = pca(r)
    closeness, dp, dm = topsis(x, w, directions)
    return {
        "name": name,
        "X": x.tolist(),
        "directions": directions.astype(int).tolist(),
        "weights": w.tolist(),
        "entropySum": {"entropy": e_sum.tolist(), "weights": w_sum.tolist()},
        "entropyMinmax": {"entropy": e_mm.tolist(), "weights": w_mm.tolist()},
        "critic": critic(r).tolist(),
        "pca": {"weights": w_pca.tolist(), "explainedShare": float(share), "eigenvalues": eig.tolist()},
        "topsis": {"closeness": closeness.tolist(), "distanceToIdeal": dp.tolist(), "distanceToAntiIdeal": dm.tolist()},
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=str(HERE))
    out = pathlib.Path(ap.parse_args().out)
    rng = np.random.default_rng(SEED)
    panels = [
        panel_case(rng, "panel_8x5", 8, 5, []),
        panel_case(rng, "panel_31x12_cost_2", 31, 12, [3, 7]),
        panel_case(rng, "panel_12x6_cost_1", 12, 6, [0]),
        panel_case(rng, "panel_310x20_cost_3", 310, 20, [1, 5, 19]),
    ]
    couplings = []
    for name, m, n in [("coupling_10x2", 10, 2), ("coupling_31x3", 31, 3), ("coupling_20x5", 20, 5)]:
        u = rng.uniform(0.02, 1.0, size=(m, n))
        alpha = rng.dirichlet(np.ones(n))
        c, t, d = coupling(u, alpha)
        couplings.append({"name": name, "U": u.tolist(), "alpha": alpha.tolist(), "coupling": c.tolist(), "coordination": t.tolist(), "degree": d.tolist()})
    disparities = []
    for name, m in [("disparity_5", 5), ("disparity_31", 31), ("disparity_200", 200)]:
        x = rng.lognormal(mean=3.0, sigma=0.6, size=m)
        disparities.append({"name": name, "x": x.tolist(), **disparity(x)})
    hps = []
    for name, t in [("hp_3", 3), ("hp_25", 25), ("hp_60", 60)]:
        y = 100 + np.cumsum(rng.normal(2.0, 3.0, size=t))
        hps.append({"name": name, "y": y.tolist(), "trend100": hp(y, 100.0).tolist(), "trend625": hp(y, 6.25).tolist()})
    doc = {
        "source": "test/reference/composite/generate.py",
        "seed": SEED,
        "software": {"python": platform.python_version(), "numpy": np.__version__, "scipy": scipy.__version__},
        "panels": panels,
        "couplings": couplings,
        "disparities": disparities,
        "hp": hps,
    }
    out.mkdir(parents=True, exist_ok=True)
    (out / "composite.json").write_text(json.dumps(doc, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
