#!/usr/bin/env python3
"""Reference values for src/core/linalg tests (inverse, 1-norm condition, spectral radius).

Regenerate (from the repository root):
    python3 test/reference/numpy-linalg/generate.py [--out DIR]
(writes linalg.json beside this script, or into DIR; test/reference/current.test.ts uses --out to
check that the committed file is current).

Never edit linalg.json by hand. Needs numpy >= 2 and scipy (only for LAPACK dgecon, the estimator
that src/core/linalg/condition.ts reimplements).
"""
import argparse
import json
import os
import sys

import numpy as np
import scipy
import scipy.linalg
import scipy.linalg.lapack as lapack


def hilbert(n):
    return np.array([[1.0 / (i + j + 1) for j in range(n)] for i in range(n)])


def dgecon_kappa1(m):
    """kappa_1 estimate as LAPACK computes it: ||M||_1 / rcond(dgecon on dgetrf factors)."""
    lu, piv, info = lapack.dgetrf(m)
    assert info == 0
    anorm = np.linalg.norm(m, 1)
    rcond, info = lapack.dgecon(lu, anorm, norm="1")
    assert info == 0
    return 1.0 / rcond


def case(name, m, note):
    return {
        "name": name,
        "note": note,
        "matrix": m.tolist(),
        "inverse": np.linalg.inv(m).tolist(),
        "cond1": float(np.linalg.cond(m, 1)),
        "cond1_dgecon_estimate": float(dgecon_kappa1(m)),
        "norm1": float(np.linalg.norm(m, 1)),
        "det": float(np.linalg.det(m)),
    }


def main():
    cases = []
    # Miller & Blair (2009) Table 2.3 technical coefficients; I - A
    a_mb = np.array([[0.15, 0.25], [0.20, 0.05]])
    cases.append(case("miller_blair_i_minus_a", np.eye(2) - a_mb, "I - A, Miller & Blair (2009) Table 2.3"))
    for n in (4, 6, 8):
        cases.append(case(f"hilbert_{n}", hilbert(n), f"Hilbert matrix H_ij = 1/(i+j+1), n = {n}"))

    # A seeded nonnegative matrix (numpy default_rng(20261122)) with column sums 0.6: spectral radius
    rng = np.random.default_rng(20261122)
    a = rng.random((12, 12))
    a = a / a.sum(axis=0) * 0.6
    eig = np.linalg.eigvals(a)
    spectral = {
        "name": "seeded_nonnegative_12",
        "note": "numpy default_rng(20261122).random((12,12)), columns scaled to sum 0.6",
        "matrix": a.tolist(),
        "spectral_radius": float(np.max(np.abs(eig))),
        "leontief_inverse": np.linalg.inv(np.eye(12) - a).tolist(),
    }
    # an irreducible but periodic (imprimitive) nonnegative matrix: eigenvalues 0.9 * cube roots of 1
    perm = np.array([[0, 0, 0.9], [1.0, 0, 0], [0, 0.9, 0]])
    periodic = {
        "name": "periodic_3",
        "note": "cyclic 3x3 permutation-like matrix, rho = (0.9*1*0.9)^(1/3)",
        "matrix": perm.tolist(),
        "spectral_radius": float(np.max(np.abs(np.linalg.eigvals(perm)))),
    }
    out = {
        "generator": "test/reference/numpy-linalg/generate.py",
        "software": {"python": sys.version.split()[0], "numpy": np.__version__, "scipy": scipy.__version__},
        "cases": cases,
        "spectral": [spectral, periodic],
    }
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description="numpy/scipy reference values for src/core/linalg")
    parser.add_argument("--out", default=here, help="output directory (default: beside this script)")
    with open(os.path.join(os.path.abspath(parser.parse_args().out), "linalg.json"), "w", encoding="utf-8") as fh:
        json.dump(out, fh, indent=1)
        fh.write("\n")


if __name__ == "__main__":
    main()
