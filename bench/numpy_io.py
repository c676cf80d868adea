#!/usr/bin/env python3
"""numpy peer for bench/io/run.ts: times np.linalg.inv(I - A) and the linkage suite on the exact
matrices the TypeScript benchmark used (it writes Z and x as float64 little-endian binaries).

Usage: python3 bench/numpy_io.py JOB.json   (JOB written by bench/io/run.ts; prints JSON to stdout)
run.ts starts this with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE removed from the environment, so
OpenBLAS picks its kernel by CPU detection; the kernel actually used is reported below.
"""
import ctypes
import glob
import json
import os
import statistics
import sys
import time

import numpy as np


def blas_info():
    info = {"numpy": np.__version__, "env": {k: os.environ.get(k) for k in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS")}}
    try:
        import threadpoolctl  # noqa: PLC0415

        info["threadpoolctl"] = threadpoolctl.threadpool_info()
        return info
    except ImportError:
        pass
    # numpy wheels bundle scipy-openblas with prefixed symbols; ask it directly
    libs = glob.glob(os.path.join(os.path.dirname(np.__file__), "..", "numpy.libs", "libscipy_openblas*.so"))
    if libs:
        lib = ctypes.CDLL(libs[0])
        for suffix in ("64_", ""):
            try:
                core = getattr(lib, f"scipy_openblas_get_corename{suffix}")
                conf = getattr(lib, f"scipy_openblas_get_config{suffix}")
                thr = getattr(lib, f"scipy_openblas_get_num_threads{suffix}")
            except AttributeError:
                continue
            core.restype = ctypes.c_char_p
            conf.restype = ctypes.c_char_p
            info.update(corename=core().decode(), config=conf().decode(), threads=thr(), library=os.path.basename(libs[0]))
            return info
    info["show_config"] = "threadpoolctl missing and no scipy-openblas found; see np.show_config()"
    return info


def suite(z, x):
    inv = np.where(x > 0, 1.0 / np.where(x > 0, x, 1.0), 0.0)
    a = z * inv[np.newaxis, :]
    l = np.linalg.inv(np.eye(z.shape[0]) - a)
    col = l.sum(axis=0)
    row = l.sum(axis=1)
    mean = col.sum() / z.shape[0]
    return col / mean, row / mean, float(col.sum())


def timed(fn, runs):
    times = []
    out = None
    for _ in range(runs):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), times, out


def main():
    job = json.load(open(sys.argv[1]))
    results = []
    for case in job["cases"]:
        n = case["n"]
        z = np.fromfile(case["z"], dtype="<f8").reshape(n, n)
        x = np.fromfile(case["x"], dtype="<f8")
        inv = np.where(x > 0, 1.0 / np.where(x > 0, x, 1.0), 0.0)
        m = np.eye(n) - z * inv[np.newaxis, :]
        if case.get("warmup", False):
            np.linalg.inv(m)
        inv_med, inv_times, _ = timed(lambda: np.linalg.inv(m), case["runs"])
        suite_med, suite_times, out = timed(lambda: suite(z, x), case["runs"])
        results.append(
            {
                "name": case["name"],
                "n": n,
                "inverse": {"median": inv_med, "times": inv_times},
                "suite": {"median": suite_med, "times": suite_times},
                "checksum": out[2],
            }
        )
        del z, x, m
    json.dump({"blas": blas_info(), "python": sys.version.split()[0], "results": results}, sys.stdout)


if __name__ == "__main__":
    main()
