#!/usr/bin/env python3
"""numpy peer for bench/composite/run.ts: the uncertainty and sensitivity analysis of a framework
index's ranking that `indexUncertainty` (src/app/composite-uncertainty.ts) computes, written as a
numpy user would write it, on the same CSV and the same spec.

Usage: python3 bench/composite/numpy_uncertainty.py JOB.json   (JOB written by run.ts; JSON on stdout)

The same computation, step by step (see the TypeScript module's doc and docs/index-spec.md):
- indicators normalised on all entity-years three ways: minmax (goalposts per year), panel_minmax
  (pooled), zscore per year (sample sd) scaled to 10 + 2z; cost indicators flipped;
- indicator weights within each pillar for every (normalisation, weighting) pair, estimated on all
  entity-years: equal; entropy of the min-max scores of the raw data (goalposts per year, pooled
  under panel_minmax); CRITIC and PCA (first eigenvector squared) of the normalised scores; pillar
  weights as the spec says (equal or manual);
- Saltelli design: A, B (N x d uniforms), A_B^(i) for the k = 5 factors normalisation, weighting,
  weights (one slot per node below the root, w(1 + u), u ~ U(-x, x)), aggregation, dropped (none or
  one indicator: weight 0); weights rescaled among siblings;
- scores of the analysed year's entities: arithmetic = one matrix product with the effective leaf
  weights; geometric = per-pillar matrix products of log(r + shift), exp, then the same at the root;
- competition ranks (rank 1 = highest, ties share the best rank) from argsort; per entity the
  numpy-linear 5/50/95 % quantiles of the ranks over the A and B rows; Y = mean absolute rank shift
  against the nominal ranking; S_i (Saltelli 2010, f(B) centred by f0) and S_Ti (Jansen 1999), with
  Monte-Carlo standard errors.

Only the benchmark's spec shape is supported (pillars of indicators, one weighting method for every
pillar's indicators, all five factors); anything else raises.

With "replay" in the job, the design is read from a float64 file of uniforms written by run.ts in the
TypeScript stream's order (per base sample: the d uniforms of A, then the d of B, xoshiro128** from
the same seed), so the two implementations evaluate the same choice vectors.
"""
import json
import os
import statistics
import sys
import time

import numpy as np

NORMALISATIONS = ["minmax", "panel_minmax", "zscore"]
WEIGHTINGS = ["equal", "entropy", "critic", "pca"]
AGGREGATIONS = ["arithmetic", "geometric"]
FACTORS = ["normalisation", "weighting", "weights", "aggregation", "dropped"]


def blas_info():
    """numpy version and the BLAS library actually mapped into this process."""
    np.ones((64, 64)) @ np.ones((64, 64))
    libs = set()
    try:
        with open("/proc/self/maps") as f:
            for line in f:
                path = line.split()[-1]
                if "blas" in os.path.basename(path).lower() or "lapack" in os.path.basename(path).lower():
                    libs.add(os.path.realpath(path))
    except OSError:
        pass
    info = {"numpy": np.__version__, "numpy_path": os.path.dirname(np.__file__), "blas": sorted(libs)}
    info["env"] = {k: os.environ.get(k) for k in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "OPENBLAS_CORETYPE")}
    return info


# ---- input ----------------------------------------------------------------------------------


def read_panel(path):
    """entity, year, one column per indicator (the CSV run.ts wrote)."""
    cells = np.loadtxt(path, delimiter=",", dtype=str, encoding="utf-8")
    header = [h.strip() for h in cells[0]]
    return {
        "header": header[2:],
        "entity": cells[1:, 0],
        "year": cells[1:, 1].astype(int),
        "X": cells[1:, 2:].astype(float),
    }


def compile_spec(spec, header):
    """Pre-order nodes (root, pillar, its indicators, next pillar …) as the TypeScript compileSpec."""
    norm = spec.get("normalisation", "minmax")
    agg = spec.get("aggregation", "arithmetic")
    if norm not in NORMALISATIONS or agg not in AGGREGATIONS:
        raise ValueError("benchmark peer: normalisation/aggregation outside the base alternatives")
    if spec.get("imputation", "none") != "none" or "winsorise" in spec:
        raise ValueError("benchmark peer: no imputation or winsorisation")
    pillars = spec["pillars"]
    methods = {p.get("weighting") for p in pillars}
    if len(methods) != 1 or None in methods:
        raise ValueError("benchmark peer: every pillar names the same indicator weighting")
    columns, directions, pillar_of, pillar_nodes, leaf_nodes = [], [], [], [], []
    node = 1
    for p, pillar in enumerate(pillars):
        pillar_nodes.append(node)
        node += 1
        for ind in pillar["children"]:
            if "children" in ind:
                raise ValueError("benchmark peer: no sub-pillars")
            columns.append(header.index(ind["column"]))
            directions.append(1.0 if ind["direction"] == "+" else -1.0)
            pillar_of.append(p)
            leaf_nodes.append(node)
            node += 1
    sizes = np.bincount(pillar_of)
    if not np.all(sizes == sizes[0]):
        raise ValueError("benchmark peer: pillars of equal size (reshaped to P x J)")
    if spec.get("weighting") in (None, "equal") and all("weight" not in p for p in pillars):
        pillar_weights = np.full(len(pillars), 1.0 / len(pillars))
    elif all("weight" in p for p in pillars):
        pillar_weights = np.array([p["weight"] for p in pillars], dtype=float)
    else:
        raise ValueError("benchmark peer: pillars weighted equally or manually")
    return {
        "normalisation": norm,
        "aggregation": agg,
        "weighting": methods.pop(),
        "shift": float(spec.get("shift", 0.0)),
        "geometric_shift": float(spec.get("geometricShift", 0.01)),
        "columns": np.array(columns),
        "directions": np.array(directions),
        "P": len(pillars),
        "J": int(sizes[0]),
        "pillar_weights": pillar_weights,
        "pillar_nodes": np.array(pillar_nodes),
        "leaf_nodes": np.array(leaf_nodes),
        "edges": node - 1,
    }


# ---- normalisation and weights (all entity-years) --------------------------------------------


def year_groups(years):
    return [np.flatnonzero(years == y) for y in np.unique(years)]


def minmax(X, directions, groups, shift):
    R = np.empty_like(X)
    for g in groups:
        lo, hi = X[g].min(axis=0), X[g].max(axis=0)
        span = hi - lo
        if np.any(span <= 0):
            raise ValueError("benchmark peer: constant indicator")
        R[g] = np.where(directions > 0, (X[g] - lo) / span, (hi - X[g]) / span) + shift
    return R


def zscore_scaled(X, directions, groups):
    R = np.empty_like(X)
    for g in groups:
        sd = X[g].std(axis=0, ddof=1)
        R[g] = 10 + 2 * (directions * (X[g] - X[g].mean(axis=0)) / sd)
    return R


def entropy_weights(B):
    m = B.shape[0]
    p = B / B.sum(axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        plogp = np.where(p > 0, p * np.log(p), 0.0)
    d = np.maximum(0.0, 1 + plogp.sum(axis=0) / np.log(m))
    return d / d.sum()


def critic_weights(S):
    c = S.std(axis=0, ddof=1) * (1 - np.corrcoef(S, rowvar=False)).sum(axis=0)
    return c / c.sum()


def pca_weights(S):
    _, vectors = np.linalg.eigh(np.corrcoef(S, rowvar=False))
    v = vectors[:, -1]
    return v * v / (v @ v)


def prepare(panel, sp, year):
    """Normalised matrices per normalisation, leaf weights per (normalisation, weighting)."""
    X = panel["X"][:, sp["columns"]]
    years = panel["year"]
    dirs = sp["directions"]
    by_year = year_groups(years)
    pooled = [np.arange(X.shape[0])]
    R = {
        "minmax": minmax(X, dirs, by_year, sp["shift"]),
        "panel_minmax": minmax(X, dirs, pooled, sp["shift"]),
        "zscore": zscore_scaled(X, dirs, by_year),
    }
    P, J = sp["P"], sp["J"]
    leaf_w = np.empty((len(NORMALISATIONS), len(WEIGHTINGS), P * J))
    for a, norm in enumerate(NORMALISATIONS):
        entropy_basis = minmax(X, dirs, pooled if norm == "panel_minmax" else by_year, sp["shift"])
        for p in range(P):
            cols = slice(p * J, (p + 1) * J)
            S = R[norm][:, cols]
            leaf_w[a, 0, cols] = 1.0 / J
            leaf_w[a, 1, cols] = entropy_weights(entropy_basis[:, cols])
            leaf_w[a, 2, cols] = critic_weights(S)
            leaf_w[a, 3, cols] = pca_weights(S)
    target = np.flatnonzero(years == year)
    scores = np.stack([R[norm][target] for norm in NORMALISATIONS])  # 3 x m x n
    return {"leaf_w": leaf_w, "scores": scores, "logs": np.log(scores + sp["geometric_shift"]), "target": target}


# ---- the model ------------------------------------------------------------------------------


def layout(sp):
    """Slots of the choice vector: normalisation, weighting, one per edge, aggregation, dropped."""
    e = sp["edges"]
    return {"normalisation": [0], "weighting": [1], "weights": list(range(2, 2 + e)),
            "aggregation": [2 + e], "dropped": [3 + e]}, 4 + e


def decode(U, sp, x):
    """Uniforms (rows) to choices, as the TypeScript core: floor(u·levels), lower + span·u."""
    slots, _ = layout(sp)
    n = sp["P"] * sp["J"]
    return {
        "a": np.floor(U[:, 0] * len(NORMALISATIONS)).astype(np.intp),
        "b": np.floor(U[:, 1] * len(WEIGHTINGS)).astype(np.intp),
        "u": -x + (2 * x) * U[:, slots["weights"]],
        "c": np.floor(U[:, slots["aggregation"][0]] * len(AGGREGATIONS)).astype(np.intp),
        "drop": np.floor(U[:, slots["dropped"][0]] * (n + 1)).astype(np.intp) - 1,
    }


def evaluate(ch, sp, pre):
    """Composite scores (rows = runs, columns = the year's entities)."""
    P, J = sp["P"], sp["J"]
    E = len(ch["a"])
    u = ch["u"]
    wl = pre["leaf_w"][ch["a"], ch["b"]] * (1 + u[:, sp["leaf_nodes"] - 1])
    dropped = np.flatnonzero(ch["drop"] >= 0)
    wl[dropped, ch["drop"][dropped]] = 0.0
    wl = wl.reshape(E, P, J)
    wl /= wl.sum(axis=2, keepdims=True)
    wp = sp["pillar_weights"] * (1 + u[:, sp["pillar_nodes"] - 1])
    wp /= wp.sum(axis=1, keepdims=True)
    m = pre["scores"].shape[1]
    out = np.empty((E, m))
    for a in range(len(NORMALISATIONS)):
        for c, agg in enumerate(AGGREGATIONS):
            sel = np.flatnonzero((ch["a"] == a) & (ch["c"] == c))
            if sel.size == 0:
                continue
            if agg == "arithmetic":
                effective = (wl[sel] * wp[sel, :, None]).reshape(sel.size, P * J)
                out[sel] = effective @ pre["scores"][a].T
            else:
                L = pre["logs"][a].reshape(m, P, J)
                pillar = np.empty((sel.size, m, P))
                for p in range(P):
                    pillar[:, :, p] = wl[sel, p, :] @ L[:, p, :].T
                pillar_logs = np.log(np.exp(pillar) + sp["geometric_shift"])
                out[sel] = np.exp(np.einsum("emp,ep->em", pillar_logs, wp[sel]))
    return out


def competition_ranks(S):
    """Rank 1 = highest; equal scores share the best rank of their block (scipy method="min")."""
    E, m = S.shape
    order = np.argsort(-S, axis=1, kind="stable")
    s = np.take_along_axis(S, order, axis=1)
    start = np.ones((E, m), dtype=bool)
    start[:, 1:] = s[:, 1:] != s[:, :-1]
    block = np.where(start, np.arange(m), 0)
    np.maximum.accumulate(block, axis=1, out=block)
    ranks = np.empty((E, m), dtype=np.int32)
    np.put_along_axis(ranks, order, (block + 1).astype(np.int32), axis=1)
    return ranks


def analyse(panel, sp, year, N, x, rng=None, uniforms=None):
    pre = prepare(panel, sp, year)
    slots, d = layout(sp)
    k = len(FACTORS)
    if uniforms is None:
        A, B = rng.random((N, d)), rng.random((N, d))
    else:
        AB = uniforms.reshape(N, 2, d)
        A, B = AB[:, 0], AB[:, 1]
    U = np.empty(((k + 2) * N, d))
    U[:N], U[N:2 * N] = A, B
    for i, f in enumerate(FACTORS):
        block = U[(2 + i) * N:(3 + i) * N]
        block[:] = A
        block[:, slots[f]] = B[:, slots[f]]
    nominal = {
        "a": np.array([NORMALISATIONS.index(sp["normalisation"])]),
        "b": np.array([WEIGHTINGS.index(sp["weighting"])]),
        "u": np.zeros((1, sp["edges"])),
        "c": np.array([AGGREGATIONS.index(sp["aggregation"])]),
        "drop": np.array([-1]),
    }
    nominal_scores = evaluate(nominal, sp, pre)
    nominal_ranks = competition_ranks(nominal_scores)[0]
    ranks = competition_ranks(evaluate(decode(U, sp, x), sp, pre))
    y = np.abs(ranks - nominal_ranks).mean(axis=1)
    q05, q50, q95 = np.quantile(ranks[:2 * N], [0.05, 0.5, 0.95], axis=0)
    yA, yB, yAB = y[:N], y[N:2 * N], y[2 * N:].reshape(k, N)
    f0 = y[:2 * N].mean()
    V = y[:2 * N].var()
    t1 = (yB - f0) * (yAB - yA) / V
    tt = (yA - yAB) ** 2 / (2 * V)
    return {
        "entities": [
            {"entity": str(panel["entity"][i]), "nominal_rank": int(nominal_ranks[q]), "median_rank": float(q50[q]),
             "rank_p05": float(q05[q]), "rank_p95": float(q95[q])}
            for q, i in enumerate(pre["target"])
        ],
        "sobol": [
            {"factor": f, "first_order": float(t1[i].mean()), "total": float(tt[i].mean()),
             "first_order_se": float(t1[i].std(ddof=1) / np.sqrt(N)), "total_se": float(tt[i].std(ddof=1) / np.sqrt(N))}
            for i, f in enumerate(FACTORS)
        ],
        "output_mean": float(f0),
        "output_variance": float(V),
        "nominal_scores": (100 * nominal_scores[0]).tolist(),
        "evaluations": int((k + 2) * N + 1),
    }


def main():
    job = json.load(open(sys.argv[1]))
    spec = json.load(open(job["spec"], encoding="utf-8"))
    N, x, seed = job["runs"], job["perturbation"], job["seed"]
    read_times, compute_times = [], []
    result = None
    for _ in range(job["repeats"]):
        t = time.perf_counter()
        panel = read_panel(job["csv"])
        sp = compile_spec(spec, panel["header"])
        t1 = time.perf_counter()
        result = analyse(panel, sp, int(panel["year"].max()), N, x, rng=np.random.default_rng(seed))
        t2 = time.perf_counter()
        read_times.append(t1 - t)
        compute_times.append(t2 - t1)
    out = {
        "info": {**blas_info(), "python": sys.version.split()[0], "executable": sys.executable},
        "read": {"median": statistics.median(read_times), "times": read_times},
        "compute": {"median": statistics.median(compute_times), "times": compute_times},
        "result": result,
    }
    if job.get("replay"):
        panel = read_panel(job["csv"])
        sp = compile_spec(spec, panel["header"])
        _, d = layout(sp)
        uniforms = np.fromfile(job["replay"], dtype="<f8")
        if uniforms.size != 2 * N * d:
            raise ValueError(f"replay: expected {2 * N * d} uniforms, got {uniforms.size}")
        t = time.perf_counter()
        out["replay"] = analyse(panel, sp, int(panel["year"].max()), N, x, uniforms=uniforms)
        out["replay"]["seconds"] = time.perf_counter() - t
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
