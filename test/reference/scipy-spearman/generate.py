"""Reference values for spearmanCorrelation / averageRanks (src/core/stats/rank-correlation.ts).

Run from the repository root:  python3 test/reference/scipy-spearman/generate.py [--out DIR]
Writes test/reference/scipy-spearman/spearman.json (or DIR/spearman.json). Never edit the JSON by hand.
"""
import argparse
import json
import pathlib

import numpy as np
import scipy
from scipy.stats import rankdata, spearmanr

rng = np.random.default_rng(20261122)
cases = [
    ("small_tie_in_y", [1, 2, 3, 4, 5], [5, 6, 7, 8, 7]),
    ("perfect_positive", [1.5, 2.5, 3.5, 10.0], [10, 20, 30, 40]),
    ("perfect_negative", [1, 2, 3, 4, 5, 6], [6, 5, 4, 3, 2, 1]),
    ("ties_in_x", [1, 2, 2, 3, 3, 3, 4], [7, 1, 2, 5, 3, 6, 4]),
    ("ties_in_both", [1, 1, 2, 2, 3, 3, 4, 4], [2, 1, 2, 1, 4, 3, 4, 3]),
    ("two_points", [0.1, 0.2], [3.0, -1.0]),
    ("negative_and_fractional", [-2.5, 0.0, 1e-9, 3.25, -7.0, 0.5], [0.3, -0.1, 0.2, 0.9, -0.4, 0.2]),
    ("random_40_integer_ties", rng.integers(0, 12, 40).tolist(), rng.integers(0, 12, 40).tolist()),
    ("random_100_continuous", rng.normal(size=100).round(12).tolist(), rng.normal(size=100).round(12).tolist()),
]
out = {
    "source": "scipy.stats.spearmanr and scipy.stats.rankdata(method='average')",
    "software": {"scipy": scipy.__version__, "numpy": np.__version__},
    "command": "python3 test/reference/scipy-spearman/generate.py",
    "cases": [],
}
for name, x, y in cases:
    x = [float(v) for v in x]
    y = [float(v) for v in y]
    out["cases"].append({
        "name": name,
        "x": x,
        "y": y,
        "rho": float(spearmanr(x, y).statistic),
        "ranks_x": rankdata(x, method="average").tolist(),
        "ranks_y": rankdata(y, method="average").tolist(),
    })
parser = argparse.ArgumentParser(description="scipy reference values for spearmanCorrelation")
parser.add_argument("--out", default=str(pathlib.Path(__file__).resolve().parent), help="output directory")
path = pathlib.Path(parser.parse_args().out) / "spearman.json"
path.write_text(json.dumps(out, indent=1) + "\n")
print("wrote", path)
