#!/usr/bin/env python3
"""numpy and statsmodels peers for bench/ols/run.ts: the same OLS fits on the same float64 data.

Usage: /usr/bin/python3 bench/ols/peers.py JOB.json   (JOB written by run.ts; JSON on stdout)

JOB: {"repeats": R, "cases": [{"id", "n", "p", "calls", "y": path, "X": path, "nwLags": L|null}]}.
y is n float64 values, X is n×p float64 row-major (no intercept column), both little-endian, written
by run.ts from its seeded generator, so every implementation fits exactly the same numbers.

Timed per case (wall clock, time.perf_counter, and CPU time of the process, time.process_time —
all threads, so OpenBLAS threads count — one warm-up repetition then R repetitions; each repetition makes
`calls` fits back to back and the time per fit is reported):
- numpy lstsq:   np.linalg.lstsq(Xc, y, rcond=None)        (LAPACK dgelsd, SVD; coefficients only)
- numpy QR:      Q, R = np.linalg.qr(Xc); solve_triangular(R, Q.T @ y)   (dgeqrf + dorgqr; coefficients only)
- statsmodels:   OLS(y, Xc).fit(cov_type=...) then params, bse, pvalues, rsquared, fvalue
                 (statsmodels computes these lazily, so they are read to make it do what `ols` does)
                 default method "pinv" (SVD); also method="qr" for the classical covariance
Xc = [1, X] is built once outside the timing (as a user would: sm.add_constant once per data set);
our `ols` builds its design inside the call, so that copy is in our time.
"""
import json
import os
import statistics
import sys
import time
import warnings

import numpy as np
import scipy
import scipy.linalg
import statsmodels
import statsmodels.api as sm


def blas_info():
    np.ones((64, 64)) @ np.ones((64, 64))
    libs = set()
    try:
        with open("/proc/self/maps") as f:
            for line in f:
                path = line.split()[-1]
                base = os.path.basename(path).lower()
                if "blas" in base or "lapack" in base:
                    libs.add(os.path.realpath(path))
    except OSError:
        pass
    return {
        "python": sys.version.split()[0],
        "executable": sys.executable,
        "numpy": np.__version__,
        "scipy": scipy.__version__,
        "statsmodels": statsmodels.__version__,
        "blas": sorted(libs),
        "env": {k: os.environ.get(k) for k in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS")},
    }


def timed(fn, calls, repeats):
    for _ in range(calls):  # warm-up: one repetition's worth of fits
        out = fn()
    times, cpu = [], []
    for _ in range(repeats):
        c0 = time.process_time()
        t0 = time.perf_counter()
        for _ in range(calls):
            out = fn()
        times.append((time.perf_counter() - t0) * 1000 / calls)
        cpu.append((time.process_time() - c0) * 1000 / calls)
    return times, cpu, out


def sm_fit(y, Xc, cov, method="pinv", lags=None):
    def run():
        model = sm.OLS(y, Xc)
        if cov == "nonrobust":
            res = model.fit(method=method)
        elif cov == "HAC":
            res = model.fit(method=method, cov_type="HAC", cov_kwds={"maxlags": lags, "use_correction": False})
        else:
            res = model.fit(method=method, cov_type=cov)
        return res.params, res.bse, res.pvalues, res.rsquared, res.fvalue

    return run


def main():
    warnings.simplefilter("ignore")
    job = json.load(open(sys.argv[1]))
    R = job["repeats"]
    results = []
    for case in job["cases"]:
        n, p, calls = case["n"], case["p"], case["calls"]
        y = np.fromfile(case["y"], dtype="<f8")
        X = np.fromfile(case["X"], dtype="<f8").reshape(n, p)
        Xc = np.empty((n, p + 1))
        Xc[:, 0] = 1.0
        Xc[:, 1:] = X
        rows = []

        def add(name, cov, fn):
            times, cpu, out = timed(fn, calls, R)
            row = {"impl": name, "cov": cov, "times": times, "cpu": cpu}
            if isinstance(out, tuple):
                row["params"] = np.asarray(out[0]).tolist()
                row["bse"] = np.asarray(out[1]).tolist()
                row["fvalue"] = float(np.squeeze(out[4]))
            else:
                row["params"] = np.asarray(out).tolist()
            rows.append(row)
            print(f"[peers] {case['id']} {name} {cov}: median {statistics.median(times):.3f} ms", file=sys.stderr)

        add("numpy_lstsq", None, lambda: np.linalg.lstsq(Xc, y, rcond=None)[0])

        def qr_solve():
            Q, Rm = np.linalg.qr(Xc)
            return scipy.linalg.solve_triangular(Rm, Q.T @ y)

        add("numpy_qr", None, qr_solve)
        add("statsmodels", "classical", sm_fit(y, Xc, "nonrobust"))
        add("statsmodels_qr", "classical", sm_fit(y, Xc, "nonrobust", method="qr"))
        add("statsmodels", "hc1", sm_fit(y, Xc, "HC1"))
        if case.get("nwLags") is not None:
            add("statsmodels", "nw", sm_fit(y, Xc, "HAC", lags=case["nwLags"]))
        results.append({"id": case["id"], "rows": rows})
    json.dump({"info": blas_info(), "cases": results}, sys.stdout)


if __name__ == "__main__":
    main()
