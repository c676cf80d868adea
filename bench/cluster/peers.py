#!/usr/bin/env python3
"""scipy peer for bench/cluster/run.ts: the same hierarchical clusterings on the same float64 data.

Usage: /usr/bin/python3 bench/cluster/peers.py JOB.json   (JOB written by run.ts; JSON on stdout)

JOB: {"repeats": R, "methods": [...], "cases": [{"id", "n", "d", "calls", "X": path, "out": dir}]}.
X is n×d float64 row-major little-endian, written by run.ts from its seeded generator, so both sides
cluster exactly the same numbers. Timed per case and method (wall clock, time.perf_counter, and CPU
time of the process, time.process_time): scipy.cluster.hierarchy.linkage(X, method, metric="euclidean")
— pdist plus the linkage, what run.ts times for ours. One warm-up repetition, then R repetitions of
`calls` back-to-back clusterings; the time per clustering is reported. The Z of the last call is
written to out/<id>-<method>.f64 for the agreement check in run.ts.
"""
import json
import platform
import sys
import time

import numpy as np
import scipy
from scipy.cluster.hierarchy import linkage


def main():
    job = json.load(open(sys.argv[1]))
    out = {
        "software": {"python": platform.python_version(), "executable": sys.executable, "numpy": np.__version__, "scipy": scipy.__version__},
        "cases": [],
    }
    for case in job["cases"]:
        x = np.fromfile(case["X"], dtype="<f8").reshape(case["n"], case["d"])
        rows = []
        for method in job["methods"]:
            z = None
            for _ in range(case["calls"]):  # warm-up
                z = linkage(x, method=method, metric="euclidean")
            wall, cpu = [], []
            for _ in range(job["repeats"]):
                t0, c0 = time.perf_counter(), time.process_time()
                for _ in range(case["calls"]):
                    z = linkage(x, method=method, metric="euclidean")
                wall.append((time.perf_counter() - t0) * 1000 / case["calls"])
                cpu.append((time.process_time() - c0) * 1000 / case["calls"])
            z.astype("<f8").tofile(f"{case['out']}/{case['id']}-{method}.f64")
            rows.append({"method": method, "wall": wall, "cpu": cpu})
        out["cases"].append({"id": case["id"], "rows": rows})
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
