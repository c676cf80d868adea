#!/usr/bin/env python3
"""Reference values for hierarchical agglomerative clustering (src/core/cluster/hierarchical.ts) from
scipy.cluster.hierarchy and from R `stats::hclust` on the same inputs.

Usage (from the repository root):
    python3 test/reference/scipy-hclust/generate.py [--out DIR]

DIR defaults to this script's folder. Writes two JSON files there and nothing else; never edit them by hand:
  scipy.json - per case and linkage method ("single", "complete", "average", "ward"):
               linkage(X, method, metric="euclidean") (Z: rows [a, b, height, size]),
               fcluster(Z, k, criterion="maxclust") for k in KS, leaves_list(Z), cophenet(Z, pdist(X))
               (the correlation, and the cophenetic distances for the small cases).
  r.json     - the same cases through hclust.R (this folder; run with Rscript from here on the same
               numbers): hclust(dist(X), method) with "ward.D2" for "ward" (merge, height, order),
               cutree(h, k) and cor(cophenetic(h), dist(X)).
The features X are the ones the clustering sees: "usarrests_z" is R's scale(USArrests) (sample SD,
ddof = 1), computed here in numpy and passed to R as 17-digit numbers, so both engines cluster the
same values; the other cases are unscaled.

Needs numpy and scipy, run under Debian's /usr/bin/python3 (python3-numpy, python3-scipy: if this script
is started by another interpreter it re-runs itself there, so the recorded versions do not depend on
the PATH) and Rscript (r-base-core; base R only). A missing piece fails the run (no fallback).

Cases: tiny_1d x = [1, 2, 4, 7, 11] (spec methods.md §6.5), USArrests (R datasets; the fixture
test/fixtures/method/usarrests.csv) unscaled and z-scored, and seeded normal data
(numpy.random.default_rng(20261203)) n = 30 × 3 and n = 200 × 4 with unequal column scales
(continuous, so no distance ties: the engines' tie rules do not come into play).
"""
import argparse
import csv
import json
import os
import pathlib
import platform
import subprocess
import sys
import tempfile

if os.path.exists("/usr/bin/python3") and os.path.realpath(sys.executable) != os.path.realpath("/usr/bin/python3"):
    os.execv("/usr/bin/python3", ["/usr/bin/python3", *sys.argv])

import numpy as np
import scipy
from scipy.cluster.hierarchy import cophenet, fcluster, leaves_list, linkage
from scipy.spatial.distance import pdist

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent.parent
SEED = 20261203
METHODS = ["single", "complete", "average", "ward"]
R_METHODS = {"single": "single", "complete": "complete", "average": "average", "ward": "ward.D2"}
KS = [2, 3, 4, 5, 8]
# cophenetic distances are written for cases up to this size (n(n-1)/2 numbers per method)
COPH_MAX_N = 50


def usarrests():
    with open(ROOT / "test" / "fixtures" / "method" / "usarrests.csv", newline="") as f:
        rows = list(csv.reader(f))
    names = [r[0] for r in rows[1:]]
    x = np.array([[float(v) for v in r[1:]] for r in rows[1:]])
    return names, x


def inputs():
    rng = np.random.default_rng(SEED)
    names, ua = usarrests()
    ua_z = (ua - ua.mean(axis=0)) / ua.std(axis=0, ddof=1)
    r30 = rng.standard_normal((30, 3)) * np.array([1.0, 2.5, 0.4])
    r200 = rng.standard_normal((200, 4)) * np.array([0.7, 1.0, 3.0, 1.6])
    return [
        {"name": "tiny_1d", "X": np.array([[1.0], [2.0], [4.0], [7.0], [11.0]])},
        {"name": "usarrests", "X": ua, "rownames": names},
        {"name": "usarrests_z", "X": ua_z, "rownames": names},
        {"name": "random_30x3", "X": r30},
        {"name": "random_200x4", "X": r200},
    ]


def scipy_case(c):
    x = c["X"]
    n = x.shape[0]
    y = pdist(x, "euclidean")
    out = {"name": c["name"], "X": x.tolist(), "methods": {}}
    if "rownames" in c:
        out["rownames"] = c["rownames"]
    for m in METHODS:
        z = linkage(x, method=m, metric="euclidean")
        coph_corr, coph = cophenet(z, y)
        entry = {
            "Z": z.tolist(),
            "maxclust": {str(k): fcluster(z, k, criterion="maxclust").astype(int).tolist() for k in KS if k <= n},
            "leaves": leaves_list(z).astype(int).tolist(),
            "cophenetic_correlation": float(coph_corr),
        }
        if n <= COPH_MAX_N:
            entry["cophenetic"] = coph.tolist()
        out["methods"][m] = entry
    return out


def r_cases(cases):
    with tempfile.TemporaryDirectory() as tmp:
        src = pathlib.Path(tmp) / "cases.txt"
        # one line per case: name n d x_11 x_12 ... (row-major, Python repr = 17 significant digits)
        src.write_text(
            "".join(
                f"{c['name']} {c['X'].shape[0]} {c['X'].shape[1]} {' '.join(repr(float(v)) for v in c['X'].ravel())}\n"
                for c in cases
            )
        )
        dst = pathlib.Path(tmp) / "r.json"
        ks = ",".join(str(k) for k in KS)
        subprocess.run(["Rscript", str(HERE / "hclust.R"), str(src), str(dst), ks], check=True)
        return json.loads(dst.read_text())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=str(HERE))
    out = pathlib.Path(ap.parse_args().out)
    out.mkdir(parents=True, exist_ok=True)
    cases = inputs()
    doc = {
        "generator": "test/reference/scipy-hclust/generate.py",
        "source": "scipy.cluster.hierarchy linkage, fcluster(criterion='maxclust'), leaves_list, cophenet",
        "seed": SEED,
        "software": {"python": platform.python_version(), "numpy": np.__version__, "scipy": scipy.__version__},
        "cases": [scipy_case(c) for c in cases],
    }
    (out / "scipy.json").write_text(json.dumps(doc, indent=1) + "\n")
    r = r_cases(cases)
    rdoc = {
        "generator": "test/reference/scipy-hclust/generate.py (R part: hclust.R)",
        "source": "R stats::hclust(dist(X), method), cutree, cophenetic",
        "seed": SEED,
        "software": {"R": r["R"]},
        "methods": R_METHODS,
        "cases": r["cases"],
    }
    (out / "r.json").write_text(json.dumps(rdoc, indent=1) + "\n")


if __name__ == "__main__":
    main()
