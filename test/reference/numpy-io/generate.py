#!/usr/bin/env python3
"""Reference values for src/core/io-analysis, computed with plain numpy (np.linalg.inv).

Regenerate from the repository root:  python3 test/reference/numpy-io/generate.py [--out DIR]
(default: writes beside this script; --out DIR writes the same files into DIR, unformatted —
test/reference/current.test.ts uses that to check the committed files are current).
Inputs: the shipped NBS tables in data/shipped/ionet-nbs-io (byte copies, data/shipped/SHA256SUMS).
Also runs two_block_2012_139.py (same --out).
Never edit the JSON outputs by hand.

Outputs (beside this script):
  china_2020_42.json  NBS 2020 42-sector table (ionet package, non-competitive layout made competitive)
  china_2015_42.json  NBS 2015 42-sector extension table (competitive layout)
  random_productive.json  synthetic productive tables n = 5, 40, 300 from an exact xorshift32 generator
                          (re-implemented in the TS test, so A is not stored for n = 300)

Definitions follow docs/spec methods §5.3–§5.6 (Miller & Blair 2009, ch. 2):
  A = Z diag(x)^-1, L = (I - A)^-1, c = column sums of L, r = row sums of L,
  F = c / mean(c), E = r / mean(r) (leontief variant),
  Ghosh: H = diag(x)^-1 Z, G = (I - H)^-1, E_ghosh = rowsum(G) / mean(rowsum(G)),
  weighted: F_w = c / (c . alpha) with alpha = f / sum f; E_w = (L beta) / mean(L beta), beta = x / sum x,
  two_block: P (2 x n) group / rest, Z* = P Z P', x* = P x, F and E of the 2-sector table,
  merge: group merged into one sector (placed where its first member was), others kept,
  weighted_mean: output-weighted mean of single-sector F and E over the group.
"""
import argparse
import csv
import json
import os
import subprocess
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
RAW = os.path.join(ROOT, "data", "shipped")
ARGS = argparse.ArgumentParser(description="numpy reference values for src/core/io-analysis")
ARGS.add_argument("--out", default=HERE, help="output directory (default: beside this script)")
OUT = os.path.abspath(ARGS.parse_args().out)
CODES = [f"{i:02d}" for i in range(1, 43)]


def read_rows(path):
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    return rows[0], rows[1:]


def num(s):
    return float(s) if s != "" else 0.0


def china_2020(path):
    """Non-competitive layout: Z = Domestic block + Imports block; x = row TI; f = TFU (dom + imp)."""
    header, rows = read_rows(path)
    ci = [header.index(c) for c in CODES]
    iorigin = header.index("Origin")
    itfu = header.index("TFU")
    dom = {r[0]: r for r in rows if r[iorigin] == "Domestic"}
    imp = {r[0]: r for r in rows if r[iorigin] == "Imports"}
    ti = next(r for r in rows if r[0] == "TI")
    Zd = np.array([[num(dom[c][k]) for k in ci] for c in CODES])
    Zi = np.array([[num(imp[c][k]) for k in ci] for c in CODES])
    x = np.array([num(ti[k]) for k in ci])
    f = np.array([num(dom[c][itfu]) + num(imp[c][itfu]) for c in CODES])
    return Zd + Zi, Zd, x, f


def china_2015(path):
    """Competitive layout: Z = rows/cols 01..42; x = row TI; f = TFU column."""
    header, rows = read_rows(path)
    ci = [header.index(c) for c in CODES]
    itfu = header.index("TFU")
    by = {r[0]: r for r in rows}
    Z = np.array([[num(by[c][k]) for k in ci] for c in CODES])
    x = np.array([num(by["TI"][k]) for k in ci])
    f = np.array([num(by[c][itfu]) for c in CODES])
    return Z, x, f


def linkage_block(Z, x, f):
    n = len(x)
    A = Z / x
    L = np.linalg.inv(np.eye(n) - A)
    c, r = L.sum(0), L.sum(1)
    H = Z / x[:, None]
    G = np.linalg.inv(np.eye(n) - H)
    g = G.sum(1)
    alpha = f / f.sum()
    beta = x / x.sum()
    lb = L @ beta
    I_A = np.eye(n) - A
    cond1 = np.linalg.norm(I_A, 1) * np.linalg.norm(L, 1)
    return {
        "A": A, "L": L, "columnSums": c, "rowSums": r,
        "F": c / c.mean(), "E": r / r.mean(),
        "ghoshRowSums": g, "ghoshE": g / g.mean(),
        "weightedF": c / (c @ alpha), "weightedE": lb / lb.mean(),
        "condition1": cond1,
        "spectralRadius": float(max(abs(np.linalg.eigvals(A)))),
    }


def group_block(Z, x, idx):
    n = len(x)
    P = np.zeros((2, n))
    for j in range(n):
        P[0 if j in idx else 1, j] = 1.0
    Zs, xs = P @ Z @ P.T, P @ x
    Ls = np.linalg.inv(np.eye(2) - Zs / xs)
    c, r = Ls.sum(0), Ls.sum(1)
    two = {"F": c / c.mean(), "E": r / r.mean()}
    # merge: group becomes one sector at the position of its first member
    first = min(idx)
    order = [j for j in range(n) if j not in idx or j == first]
    Pm = np.zeros((len(order), n))
    for j in range(n):
        Pm[order.index(first if j in idx else j), j] = 1.0
    Zm, xm = Pm @ Z @ Pm.T, Pm @ x
    Lm = np.linalg.inv(np.eye(len(order)) - Zm / xm)
    cm, rm = Lm.sum(0), Lm.sum(1)
    k = order.index(first)
    merge = {"F": float(cm[k] / cm.mean()), "E": float(rm[k] / rm.mean()), "n": len(order)}
    # weighted_mean with output weights
    L = np.linalg.inv(np.eye(n) - Z / x)
    F, E = L.sum(0) / L.sum(0).mean(), L.sum(1) / L.sum(1).mean()
    w = x[idx] / x[idx].sum()
    wm = {"F": float(w @ F[idx]), "E": float(w @ E[idx])}
    return {"twoBlock": {"group": {"F": float(two["F"][0]), "E": float(two["E"][0])},
                         "rest": {"F": float(two["F"][1]), "E": float(two["E"][1])}},
            "merge": merge, "weightedMean": wm}


def intensity_block(Z, x, idx):
    n = len(x)
    A = Z / x
    B = np.linalg.inv(np.eye(n) - A) - np.eye(n)
    return {
        "directIntermediate": Z[idx, :].sum(0) / Z.sum(0),
        "directTotal": Z[idx, :].sum(0) / x,
        "complete": B[idx, :].sum(0),
        "forward": Z[:, idx].sum(1) / x,
    }


def jsonable(v):
    if isinstance(v, np.ndarray):
        return v.tolist()
    if isinstance(v, dict):
        return {k: jsonable(w) for k, w in v.items()}
    if isinstance(v, list):
        return [jsonable(w) for w in v]
    if isinstance(v, (np.floating,)):
        return float(v)
    return v


def write(name, obj):
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as fh:
        json.dump(jsonable(obj), fh, separators=(",", ":"))
        fh.write("\n")


def meta(path, extra):
    return {
        "generator": "test/reference/numpy-io/generate.py",
        "numpy": np.__version__,
        "python": sys.version.split()[0],
        "input": os.path.relpath(path, RAW),
        **extra,
    }


# ---- China 2020 (2017-vintage 42-sector list; D = codes 20, 31 = canonical S20, S32) ----
p2020 = os.path.join(RAW, "ionet-nbs-io", "china_2020_42.csv")
Z, Zd, x, f = china_2020(p2020)
D = [CODES.index("20"), CODES.index("31")]
lk = linkage_block(Z, x, f)
write("china_2020_42.json", {
    "meta": meta(p2020, {
        "layout": "non-competitive file; Z = Domestic rows + Imports rows (42 sector columns); "
                  "x = row TI; finalDemandTotal = TFU(Domestic) + TFU(Imports)",
        "digitalCodes": ["20", "31"],
    }),
    "codes": CODES, "Z": Z, "Zdomestic": Zd, "x": x, "finalDemandTotal": f,
    **{k: lk[k] for k in ("A", "L", "columnSums", "rowSums", "F", "E", "ghoshRowSums", "ghoshE",
                          "weightedF", "weightedE", "condition1", "spectralRadius")},
    "intensity": intensity_block(Z, x, D),
    "group": group_block(Z, x, D),
    # option flows = "domestic" (spec §5.5): A_dom = Z_dom diag(x)^-1, L_dom = (I - A_dom)^-1, same x
    "domestic": (lambda dl: {
        **{k: dl[k] for k in ("columnSums", "rowSums", "F", "E", "ghoshE", "spectralRadius")},
        "group": group_block(Zd, x, D),
    })(linkage_block(Zd, x, f)),
})

# ---- China 2015 (2012-vintage list; D = codes 20, 32) ----
p2015 = os.path.join(RAW, "ionet-nbs-io", "china_2015_42.csv")
Z, x, f = china_2015(p2015)
D = [CODES.index("20"), CODES.index("32")]
lk = linkage_block(Z, x, f)
write("china_2015_42.json", {
    "meta": meta(p2015, {"layout": "competitive; Z = rows/cols 01..42; x = row TI; finalDemandTotal = TFU",
                         "digitalCodes": ["20", "32"]}),
    "codes": CODES, "Z": Z, "x": x, "finalDemandTotal": f,
    **{k: lk[k] for k in ("columnSums", "rowSums", "F", "E", "ghoshE", "weightedF", "weightedE",
                          "condition1", "spectralRadius")},
    "intensity": intensity_block(Z, x, D),
    "group": group_block(Z, x, D),
})


# ---- synthetic productive tables (exact dyadic entries from xorshift32) ----
def xorshift32(seed):
    s = seed & 0xFFFFFFFF
    while True:
        s ^= (s << 13) & 0xFFFFFFFF
        s ^= s >> 17
        s ^= (s << 5) & 0xFFFFFFFF
        yield s


def exponent(n):
    """Smallest e with n * 3 * 2^20 * 2^-e <= 0.95, so every column sum of A is below 0.95."""
    e = 0
    while n * 3 * 2 ** 20 > 0.95 * 2 ** e:
        e += 1
    return e


def random_table(n, seed):
    """a_ij = k_ij * m_j * 2^-e with k_ij < 2^20 (30 % zeros), m_j in {1, 2, 3}: column sums < 0.95."""
    rnd = xorshift32(seed)
    e = exponent(n)
    m = [1 + next(rnd) % 3 for _ in range(n)]
    A = np.zeros((n, n))
    for i in range(n):
        for j in range(n):
            if next(rnd) % 10 < 3:
                continue
            A[i, j] = (next(rnd) >> 12) * m[j] * 2.0 ** -e
    x = np.array([1000.0 + next(rnd) % 1000 for _ in range(n)])
    f = np.array([100.0 + next(rnd) % 900 for _ in range(n)])
    return A, x, f


tables = []
for n, seed in ((5, 1), (40, 2), (300, 3)):
    A, x, f = random_table(n, seed)
    Z = A * x
    lk = linkage_block(Z, x, f)
    entry = {"n": n, "seed": seed, "exponent": exponent(n), "sumA": float(A.sum()), "A00": float(A[0, 0]), "Alast": float(A[-1, -1]),
             "x": x, "finalDemandTotal": f,
             **{k: lk[k] for k in ("columnSums", "rowSums", "F", "E", "ghoshE", "weightedF", "weightedE",
                                   "condition1", "spectralRadius")}}
    if n <= 5:
        entry["A"] = A
        entry["L"] = lk["L"]
    tables.append(entry)
write("random_productive.json", {
    "meta": {"generator": "test/reference/numpy-io/generate.py", "numpy": np.__version__,
             "python": sys.version.split()[0],
             "rng": "xorshift32 (13, 17, 5); per table: m_j = 1 + next % 3 for each column j; then for "
                    "each (i, j) row-major: if next % 10 < 3 then a_ij = 0 else a_ij = (next >> 12) * m_j "
                    "* 2^-exponent (exponent stored per table); then x_j = 1000 + next % 1000; then f_j = 100 + next % 900; Z = A diag(x)"},
    "tables": tables,
})
# Lay the JSON out the way the repository formatter (Biome) does, so `biome check` stays clean; this only
# re-indents (values are untouched). Skipped when node_modules is absent.
subprocess.run([sys.executable, os.path.join(HERE, "two_block_2012_139.py"), "--out", OUT], check=True,
               stdout=subprocess.DEVNULL)
BIOME = os.path.join(ROOT, "node_modules", ".bin", "biome")
if os.path.exists(BIOME) and OUT == HERE:
    subprocess.run([BIOME, "format", "--write", *[os.path.join(HERE, f) for f in ["china_2020_42.json", "china_2015_42.json", "random_productive.json"]]], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print("ok")
