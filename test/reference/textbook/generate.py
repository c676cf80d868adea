#!/usr/bin/env python3
"""numpy reference values for the small textbook IO tables that have no published linkage answers.

Regenerate from the repository root:  python3 test/reference/textbook/generate.py [--out DIR]
(default: writes textbook.json beside this script; --out DIR writes it into DIR instead, unformatted —
test/reference/current.test.ts uses that to check the committed file is current).
Never edit textbook.json by hand.

Tables (byte copies in data/ beside this script, from rOpenGov/iotables; see data/README.md):
  * UN Handbook on Supply, Use and IO Tables (2018), Germany 2009 6x6 (bn EUR):
    Z = the six product rows CPA_A..CPA_O-T x six industry columns; x = row P1 (output).
  * Eurostat Manual (2008) ch.15, Germany 1995 6x6 (mio EUR): Z = domestic rows cpa_a..cpa_other,
    x = row P1 / output_bp (MANIFEST caveat: not the cpa_total row-side totals).
Definitions as in test/reference/numpy-io/generate.py (spec methods §5.3–§5.4).
Also: the spec §5.9 RAS example, iterated row-then-column until max(|Z1-u|,|1'Z-v|) < tol*max(u),
to record the iteration count for tol = 1e-12 and the default 1e-10.
"""
import argparse
import csv
import json
import os
import subprocess
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
DIR = os.path.join(HERE, "data")
ARGS = argparse.ArgumentParser(description="numpy reference values for the textbook IO tables")
ARGS.add_argument("--out", default=HERE, help="output directory (default: beside this script)")
OUT = os.path.abspath(ARGS.parse_args().out)


def read(name, row_codes, col_names, output_code, key):
    with open(os.path.join(DIR, name), newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    h = rows[0]
    by = {r[h.index(key)]: r for r in rows[1:]}
    ci = [h.index(c) for c in col_names]
    Z = np.array([[float(by[rc][k]) for k in ci] for rc in row_codes])
    x = np.array([float(by[output_code][k]) for k in ci])
    return Z, x


def linkage(Z, x):
    n = len(x)
    A = Z / x
    L = np.linalg.inv(np.eye(n) - A)
    c, r = L.sum(0), L.sum(1)
    G = np.linalg.inv(np.eye(n) - Z / x[:, None])
    g = G.sum(1)
    return {"A": A.tolist(), "L": L.tolist(), "columnSums": c.tolist(), "rowSums": r.tolist(),
            "F": (c / c.mean()).tolist(), "E": (r / r.mean()).tolist(),
            "ghoshRowSums": g.tolist(), "ghoshE": (g / g.mean()).tolist()}


un_rows = ["CPA_A", "CPA_B-E", "CPA_F", "CPA_G-I", "CPA_J-N", "CPA_O-T"]
un_cols = ["Agriculture", "Manufacturing", "Construction", "Trade_transport_comm",
           "Finance_and_business_services", "Other_services"]
Z9, x9 = read("germany_2009_un_handbook.csv", un_rows, un_cols, "P1", "prod_na")

eu_rows = ["cpa_a", "cpa_c", "cpa_f", "cpa_g_i", "cpa_business", "cpa_other"]
eu_cols = ["agriculture_group", "manufacturing_group", "construction_group", "trade_group",
           "business_services_group", "other_services_group"]
Z5, x5 = read("germany_1995_beutel_table_15_4.csv", eu_rows, eu_cols, "P1", "t_rows2")


def ras(Z0, u, v, tol, max_it=1000):
    Z = Z0.copy()
    for it in range(1, max_it + 1):
        Z = Z * (u / Z.sum(1))[:, None]
        Z = Z * (v / Z.sum(0))
        dev = max(np.abs(Z.sum(1) - u).max(), np.abs(Z.sum(0) - v).max())
        if dev < tol * u.max():
            return Z, it
    raise RuntimeError("no convergence")


Z0 = np.array([[0.2, 0.3], [0.1, 0.4]]) * np.array([120.0, 150.0])
u = np.array([70.0, 50.0])
v = np.array([40.0, 80.0])
Z12, it12 = ras(Z0, u, v, 1e-12)
Z10, it10 = ras(Z0, u, v, 1e-10)

out = {
    "meta": {"generator": "test/reference/textbook/generate.py", "numpy": np.__version__,
             "python": sys.version.split()[0]},
    "germany_2009_un_handbook": {"input": "iotables-eurostat-manual/germany_2009_un_handbook.csv",
                                 "rows": un_rows, "Z": Z9.tolist(), "x": x9.tolist(), **linkage(Z9, x9)},
    "eurostat_manual_germany_1995": {"input": "iotables-eurostat-manual/germany_1995_beutel_table_15_4.csv",
                                     "rows": eu_rows, "Z": Z5.tolist(), "x": x5.tolist(), **linkage(Z5, x5)},
    "spec_ras_example": {"Z0": Z0.tolist(), "u": u.tolist(), "v": v.tolist(),
                         "tol_1e-12": {"iterations": it12, "Z": Z12.tolist(),
                                       "A": (Z12 / np.array([120.0, 150.0])).tolist()},
                         "tol_1e-10": {"iterations": it10, "Z": Z10.tolist()}},
}
with open(os.path.join(OUT, "textbook.json"), "w", encoding="utf-8") as fh:
    json.dump(out, fh, indent=1)
    fh.write("\n")
# Lay the JSON out the way the repository formatter (Biome) does, so `biome check` stays clean; this only
# re-indents (values are untouched). Skipped when node_modules is absent.
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
BIOME = os.path.join(ROOT, "node_modules", ".bin", "biome")
if os.path.exists(BIOME) and OUT == HERE:
    subprocess.run([BIOME, "format", "--write", *[os.path.join(HERE, f) for f in ["textbook.json"]]], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print("ok", it12, it10)
