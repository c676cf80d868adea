#!/usr/bin/env python3
"""Reference values for the shared core numerics (src/core/linalg/qr.ts, cholesky.ts,
src/core/random/xoshiro.ts).

Usage (from the repository root):
    python3 test/reference/numpy-core/generate.py [--out DIR]

DIR defaults to this script's folder. Writes qr.json, cholesky.json and random.json; never edit
them by hand. Reads nist-longley.json (NIST StRD data + certified values, typed from the NIST page)
from this script's folder. Needs numpy >= 2 and scipy (LAPACK dgeqp3 through scipy.linalg.qr).

The PRNG section is a bit-for-bit Python transcription of the reference C code of xoshiro128**
1.1 and splitmix64 by Blackman & Vigna (https://prng.di.unimi.it/xoshiro128starstar.c,
https://prng.di.unimi.it/splitmix64.c); the derived draws (uniform, integer, normal, shuffle)
follow the algorithms documented in src/core/random/xoshiro.ts.
"""
import argparse
import json
import math
import pathlib
import sys

import numpy as np
import scipy
import scipy.linalg

HERE = pathlib.Path(__file__).resolve().parent
M32 = 0xFFFFFFFF
M64 = 0xFFFFFFFFFFFFFFFF


# ----------------------------------------------------------------------------------------------
# QR and least squares
# ----------------------------------------------------------------------------------------------


def longley():
    d = json.loads((HERE / "nist-longley.json").read_text(encoding="utf-8"))
    data = d["data"]
    x = np.column_stack([np.ones(16)] + [np.array(data[f"x{j}"], dtype=float) for j in range(1, 7)])
    y = np.array(data["y"], dtype=float)
    coef, rss, rank, sv = np.linalg.lstsq(x, y, rcond=None)
    return {
        "name": "nist_longley",
        "note": "design [1, x1..x6] and y from nist-longley.json; numpy lstsq (SVD, dgelsd) for comparison",
        "A": x.tolist(),
        "b": y.tolist(),
        "lstsq": coef.tolist(),
        "residualSumOfSquares": float(rss[0]),
        "rank": int(rank),
        "cond2": float(sv[0] / sv[-1]),
    }


def qr_case(name, a, b, note):
    q, r = np.linalg.qr(a, mode="reduced")  # LAPACK dgeqrf + dorgqr (Householder, beta = -sign(alpha)||x||)
    qp, rp, perm = scipy.linalg.qr(a, mode="economic", pivoting=True)  # LAPACK dgeqp3
    coef, rss, rank, sv = np.linalg.lstsq(a, b, rcond=None)
    resid = b - a @ coef
    return {
        "name": name,
        "note": note,
        "A": a.tolist(),
        "b": b.tolist(),
        "Q": q.tolist(),
        "R": r.tolist(),
        "pivotedR": rp.tolist(),
        "permutation": perm.tolist(),
        "lstsq": coef.tolist(),
        "residualSumOfSquares": float(resid @ resid),
        "rank": int(np.linalg.matrix_rank(a)),
        "cond2": float(sv[0] / sv[-1]) if sv[-1] > 0 else None,
    }


def qr_cases():
    rng = np.random.default_rng(20261201)
    cases = [longley()]
    a = rng.standard_normal((8, 5))
    cases.append(qr_case("random_8x5", a, rng.standard_normal(8), "default_rng(20261201) standard normal 8x5"))
    # ill-conditioned: prescribed singular values 1 .. 1e-9
    u, _ = np.linalg.qr(rng.standard_normal((12, 6)))
    v, _ = np.linalg.qr(rng.standard_normal((6, 6)))
    s = np.logspace(0, -9, 6)
    a = (u * s) @ v.T
    cases.append(qr_case("ill_12x6", a, rng.standard_normal(12), "U diag(logspace(0,-9,6)) V^T, 12x6, cond2 = 1e9"))
    # rank deficient: column 4 = column 0 + 2 * column 2 (exactly representable integers)
    a = rng.integers(-9, 10, size=(10, 5)).astype(float)
    a[:, 4] = a[:, 0] + 2.0 * a[:, 2]
    cases.append(
        qr_case("rank_deficient_10x5", a, rng.standard_normal(10), "integer 10x5 with col4 = col0 + 2 col2; rank 4")
    )
    return cases


# ----------------------------------------------------------------------------------------------
# Cholesky
# ----------------------------------------------------------------------------------------------


def chol_case(name, a, b, note):
    lower = np.linalg.cholesky(a)
    x = scipy.linalg.cho_solve((lower, True), b)
    return {
        "name": name,
        "note": note,
        "A": a.tolist(),
        "L": lower.tolist(),
        "b": b.tolist(),
        "x": x.tolist(),
        "cond2": float(np.linalg.cond(a)),
    }


def cholesky_cases():
    rng = np.random.default_rng(20261202)
    out = []
    g = rng.standard_normal((6, 6))
    a = g @ g.T + 6 * np.eye(6)
    out.append(chol_case("well_6", a, rng.standard_normal(6), "G G^T + 6I, G = default_rng(20261202) 6x6 normal"))
    q, _ = np.linalg.qr(rng.standard_normal((8, 8)))
    a = (q * np.logspace(0, -10, 8)) @ q.T
    a = (a + a.T) / 2
    out.append(
        chol_case("ill_8", a, rng.standard_normal(8), "Q diag(logspace(0,-10,8)) Q^T symmetrised, cond2 ~ 1e10")
    )
    h = np.array([[1.0 / (i + j + 1) for j in range(6)] for i in range(6)])
    out.append(chol_case("hilbert_6", h, np.ones(6), "Hilbert matrix n = 6 (cond2 ~ 1.5e7)"))
    not_pd = np.array([[4.0, 2.0, 0.0], [2.0, 1.0, 3.0], [0.0, 3.0, 5.0]])
    eig = np.linalg.eigvalsh(not_pd)
    return {
        "cases": out,
        "notPositiveDefinite": {
            "A": not_pd.tolist(),
            "eigenvalues": eig.tolist(),
            "failingIndex": 1,
            "note": "symmetric indefinite; pivot 2 is 1 - (2/2)^2 = 0 exactly",
        },
    }


# ----------------------------------------------------------------------------------------------
# xoshiro128** 1.1 seeded by splitmix64 (reference C code transcribed)
# ----------------------------------------------------------------------------------------------


class SplitMix64:
    def __init__(self, seed):
        self.x = seed & M64

    def next(self):
        self.x = (self.x + 0x9E3779B97F4A7C15) & M64
        z = self.x
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
        return z ^ (z >> 31)


def rotl(x, k):
    return ((x << k) | (x >> (32 - k))) & M32


class Xoshiro128:
    def __init__(self, seed):
        sm = SplitMix64(seed)
        a, b = sm.next(), sm.next()
        self.s = [a & M32, a >> 32, b & M32, b >> 32]
        self.cached = None

    def next_uint32(self):
        s = self.s
        result = (rotl((s[1] * 5) & M32, 7) * 9) & M32
        t = (s[1] << 9) & M32
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 11)
        return result

    def uniform(self):
        a = self.next_uint32() >> 5
        b = self.next_uint32() >> 6
        return (a * 67108864.0 + b) / 9007199254740992.0

    def integer(self, n):
        if n <= 2**32:
            limit = 2**32 - (2**32 % n)
            while True:
                r = self.next_uint32()
                if r < limit:
                    return r % n
        limit = 2**53 - (2**53 % n)
        while True:
            a = self.next_uint32() >> 5
            b = self.next_uint32() >> 6
            r = a * 67108864 + b
            if r < limit:
                return r % n

    def normal(self):
        if self.cached is not None:
            v = self.cached
            self.cached = None
            return v
        while True:
            u = 2.0 * self.uniform() - 1.0
            v = 2.0 * self.uniform() - 1.0
            s = u * u + v * v
            if 0.0 < s < 1.0:
                break
        f = math.sqrt(-2.0 * math.log(s) / s)
        self.cached = v * f
        return u * f

    def shuffle(self, xs):
        xs = list(xs)
        for i in range(len(xs) - 1, 0, -1):
            j = self.integer(i + 1)
            xs[i], xs[j] = xs[j], xs[i]
        return xs


def random_vectors():
    seeds = [0, 1, 20261122, 0xFFFFFFFFFFFFFFFF]
    streams = []
    for seed in seeds:
        sm = SplitMix64(seed)
        g = Xoshiro128(seed)
        state = list(g.s)
        streams.append(
            {
                "seed": str(seed),
                "splitmix64": [str(sm.next()) for _ in range(4)],
                "state": state,
                "uint32": [g.next_uint32() for _ in range(16)],
            }
        )
    g = Xoshiro128(20261122)
    uniform = [g.uniform() for _ in range(16)]
    g = Xoshiro128(20261122)
    integers = {str(n): [g.integer(n) for _ in range(12)] for n in (1, 2, 6, 1000, 2**31 + 1, 2**32, 2**40 + 3)}
    g = Xoshiro128(20261122)
    normal = [g.normal() for _ in range(17)]
    g = Xoshiro128(20261122)
    shuffle = g.shuffle(range(20))
    return {
        "algorithm": "xoshiro128** 1.1 (Blackman & Vigna 2018), state seeded by two splitmix64 outputs (low word first)",
        "streams": streams,
        "draws": {
            "seed": "20261122",
            "uniform": uniform,
            "integer": integers,
            "normal": normal,
            "normalNote": "polar method; math.log may differ from JS Math.log by 1 ulp: compare to a few ulps",
            "shuffle20": shuffle,
        },
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(HERE), help="output folder (default: this script's folder)")
    args = parser.parse_args()
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    software = {"python": sys.version.split()[0], "numpy": np.__version__, "scipy": scipy.__version__}
    files = {
        "qr.json": {"cases": qr_cases()},
        "cholesky.json": cholesky_cases(),
        "random.json": random_vectors(),
    }
    for name, body in files.items():
        doc = {"generator": "test/reference/numpy-core/generate.py", "software": software, **body}
        (out / name).write_text(json.dumps(doc, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
