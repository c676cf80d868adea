"""Reference values for Ward hierarchical clustering (src/core/cluster/ward.ts).

scipy.cluster.hierarchy.linkage(X, method="ward", metric="euclidean") on seeded random data
(continuous, so no distance ties), and fcluster(Z, k, criterion="maxclust") cluster memberships for
several k. Used for regional tiers (spec §12.3 step 5: Ward on the composite, k = 4) and sector tiers.

Run from the repository root: python3 test/reference/scipy-ward/generate.py [--out DIR]
"""
import argparse
import json
import pathlib
import platform

import numpy as np
import scipy
from scipy.cluster.hierarchy import fcluster, linkage

HERE = pathlib.Path(__file__).parent
SEED = 20261203


def case(rng, name, m, d):
    x = rng.normal(size=(m, d)) * rng.uniform(0.5, 3.0, size=d)
    z = linkage(x, method="ward", metric="euclidean")
    cuts = {}
    for k in (2, 3, 4, 5):
        if k < m:
            cuts[str(k)] = fcluster(z, k, criterion="maxclust").astype(int).tolist()
    return {"name": name, "X": x.tolist(), "Z": z.tolist(), "maxclust": cuts}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=str(HERE))
    out = pathlib.Path(ap.parse_args().out)
    rng = np.random.default_rng(SEED)
    cases = [
        case(rng, "ward_6x1", 6, 1),
        case(rng, "ward_31x1", 31, 1),
        case(rng, "ward_31x3", 31, 3),
        case(rng, "ward_42x5", 42, 5),
        case(rng, "ward_120x2", 120, 2),
    ]
    doc = {
        "source": "scipy.cluster.hierarchy.linkage(method='ward') and fcluster(criterion='maxclust')",
        "seed": SEED,
        "software": {"python": platform.python_version(), "numpy": np.__version__, "scipy": scipy.__version__},
        "cases": cases,
    }
    out.mkdir(parents=True, exist_ok=True)
    (out / "ward.json").write_text(json.dumps(doc, indent=1) + "\n")


if __name__ == "__main__":
    main()
