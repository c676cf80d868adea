#!/usr/bin/env python3
"""statsmodels peer for bench/arimax/run.ts: the same ARIMAX fits + 12-step forecasts on the same data.

Usage: /usr/bin/python3 bench/arimax/peers.py JOB.json   (JOB written by run.ts; JSON on stdout)

JOB: {"repeats": R, "h": 12, "cases": [{"id", "n", "k", "p", "d", "q", "calls", "y": path, "X": path,
"oursParams": [...], "oursSigma2": s2}]}. y is n float64 values, X is (n + h)×k float64 row-major
(the last h rows are the future regressors), little-endian, written by run.ts from its seeded generator.

Model: regression with ARIMA errors, as R / ours: SARIMAX(y, exog, order=(p, d, q), trend="n") with
a constant column in exog when d = 0 (R's "intercept" is a regression coefficient; SARIMAX's
trend="c" would be a constant in the ARMA equation instead, a different parameter). Defaults
otherwise: mle_regression=True, simple_differencing=False (the d differencing states are in the state
vector, approximate-diffuse with variance 1e6 and the first d log-likelihood terms burned),
enforce_stationarity/invertibility=True, exact Gaussian ML by L-BFGS-B (maxiter 50).

Timed: model construction + fit(disp=False) + get_forecast(h, exog).predicted_mean and conf_int(),
one warm-up repetition of `calls`, then R repetitions (wall: perf_counter, CPU: process_time).
Reported besides: params in R's order (ar…, ma…, intercept, xreg…), llf, sigma2, convergence, and
the llf of the same model at OUR estimates (σ² = our S/n_u), to separate optimiser from likelihood,
and (untimed) one more fit with maxiter=1000, to see where statsmodels goes when allowed to converge.
"""
import json
import statistics
import sys
import time
import warnings

import numpy as np
import scipy
import statsmodels
from statsmodels.tsa.statespace.sarimax import SARIMAX


def timed(fn, calls, repeats):
    for _ in range(calls):
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


def main():
    warnings.simplefilter("ignore")
    job = json.load(open(sys.argv[1]))
    R, h = job["repeats"], job["h"]
    results = []
    for case in job["cases"]:
        n, k, p, d, q, calls = (case[key] for key in ("n", "k", "p", "d", "q", "calls"))
        y = np.fromfile(case["y"], dtype="<f8")
        X = np.fromfile(case["X"], dtype="<f8").reshape(n + h, k)
        if d == 0:
            X = np.column_stack([np.ones(n + h), X])
        ex, exf = X[:n], X[n:]
        ke = ex.shape[1]

        def run():
            res = SARIMAX(y, exog=ex, order=(p, d, q), trend="n").fit(disp=False)
            fc = res.get_forecast(h, exog=exf)
            return res, fc.predicted_mean, fc.conf_int(alpha=0.05)

        times, cpu, (res, mean, _ci) = timed(run, calls, R)
        prm = np.asarray(res.params)
        # statsmodels order: exog…, ar…, ma…, sigma2  →  R's: ar…, ma…, exog…
        ours_order = np.r_[prm[ke : ke + p + q], prm[:ke]]
        o = np.asarray(case["oursParams"])
        at_ours = np.r_[o[p + q :], o[: p + q], case["oursSigma2"]]
        llf_at_ours = float(res.model.loglike(at_ours))
        # untimed: the same fit allowed to converge (maxiter 1000 instead of the default 50)
        res2 = SARIMAX(y, exog=ex, order=(p, d, q), trend="n").fit(disp=False, maxiter=1000)
        prm2 = np.asarray(res2.params)
        row = {
            "impl": "statsmodels",
            "times": times,
            "cpu": cpu,
            "params": ours_order.tolist(),
            "loglik": float(res.llf),
            "sigma2": float(prm[-1]),
            "forecast": np.asarray(mean).tolist(),
            "converged": bool(res.mle_retvals.get("converged", True)),
            "iterations": int(res.mle_retvals.get("iterations", -1)),
            "warnflag": int(res.mle_retvals.get("warnflag", -1)),
            "llfAtOurs": llf_at_ours,
            "paramNames": list(res.model.param_names),
            "refit1000": {
                "params": np.r_[prm2[ke : ke + p + q], prm2[:ke]].tolist(),
                "loglik": float(res2.llf),
                "converged": bool(res2.mle_retvals.get("converged", True)),
                "iterations": int(res2.mle_retvals.get("iterations", -1)),
            },
        }
        print(
            f"[statsmodels] {case['id']}: median {statistics.median(times):.2f} ms, llf {res.llf:.4f}, "
            f"at ours {llf_at_ours:.4f}, converged {row['converged']}",
            file=sys.stderr,
        )
        results.append({"id": case["id"], "rows": [row]})
    info = {
        "label": f"Python {sys.version.split()[0]} ({sys.executable}), statsmodels {statsmodels.__version__}, "
        f"numpy {np.__version__}, scipy {scipy.__version__}",
        "statsmodels": statsmodels.__version__,
    }
    json.dump({"info": info, "cases": results}, sys.stdout)


if __name__ == "__main__":
    main()
