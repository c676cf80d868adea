"""Two-block influence/sensitivity of the digital block in the NBS 2012 139-sector table (numpy).

Digital block D = the products that make up the 2012-list 42-sector S20 (086-091: computers,
communication equipment, broadcasting/radar, audio-visual, electronic components, other electronics)
and S32 (114 telecom and other information transmission, 115 software and IT services). A two-block
result does not depend on how sectors are split inside each block, so this equals the value a 2012
42-sector table would give (spec section 5.5 two_block).

Regenerate:  python3 test/reference/numpy-io/two_block_2012_139.py [--out DIR]   (also run by generate.py)
Reads data/shipped/ionet-nbs-io/china_2012_139.csv; writes two_block_2012_139.json beside this script
(or into DIR).
"""
import argparse, csv, json, os, sys
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ARGS = argparse.ArgumentParser(description="two-block digital linkages, NBS 2012 139-sector table")
ARGS.add_argument("--out", default=HERE, help="output directory (default: beside this script)")
OUT = os.path.abspath(ARGS.parse_args().out)
ROOT = os.path.join(HERE, "..", "..", "..")
path = os.path.join(ROOT, "data", "shipped", "ionet-nbs-io", "china_2012_139.csv")
rows = list(csv.reader(open(path, encoding="utf-8")))
header = rows[0]
codes = [f"{i:03d}" for i in range(1, 140)]
col = {c: header.index(c) for c in codes}
byrow = {r[0]: r for r in rows[1:]}
Z = np.array([[float(byrow[i][col[j]] or 0) for j in codes] for i in codes])
x = np.array([float(byrow["TI"][col[j]]) for j in codes])
D = ["086", "087", "088", "089", "090", "091", "114", "115"]
g = np.array([1.0 if c in D else 0.0 for c in codes])
P = np.vstack([g, 1 - g])
Zs, xs = P @ Z @ P.T, P @ x
L = np.linalg.inv(np.eye(2) - Zs / xs)
c, r = L.sum(0), L.sum(1)
out = {
    "source": "data/shipped/ionet-nbs-io/china_2012_139.csv",
    "numpy": np.__version__,
    "python": sys.version.split()[0],
    "group": D,
    "influence": float(c[0] / c.mean()),
    "sensitivity": float(r[0] / r.mean()),
}
with open(os.path.join(OUT, "two_block_2012_139.json"), "w", encoding="utf-8") as fh:
    json.dump(out, fh, indent=2)
print(out)
