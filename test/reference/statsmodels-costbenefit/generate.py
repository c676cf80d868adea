#!/usr/bin/env python3
"""Reference values for the cost-benefit family (src/core/costbenefit: regression.ts, elasticity.ts)
from statsmodels, on a seeded synthetic sector x year panel written into the JSON as inputs.

Usage (from the repository root):
    python3 test/reference/statsmodels-costbenefit/generate.py [--out DIR]

DIR defaults to this script's folder. Writes costbenefit.json; never edit it by hand. Needs numpy and
statsmodels (Debian python3-statsmodels, i.e. for /usr/bin/python3): if the interpreter running this
script cannot import statsmodels, the script re-runs itself under /usr/bin/python3.

Panel (numpy.random.default_rng(SEED)): 30 sectors S01..S30 x years 2012..2024; digital input DI in
(0, 0.3) with three rows DI = 0; revenue; cost ratio CR (< 1) and profit-to-cost ratio PR (some < 0);
component costs production = CR * revenue, management_rd, financial (<= 0 in most sectors in 2013 and
in a few other rows), sales.

regression  spec methods.md section 7.4: sample = years 2013..2023 and rows with DI > 0 and Y > 0; for
            Y in {cost_ratio, profit_ratio} and form in {loglog, loglin, linlin}:
              loglog  ln Y   on [1, ln DI,   year dummies]
              loglin  ln Y   on [1, 100 DI,  year dummies]
              linlin  100 Y  on [1, 100 DI,  year dummies]
            year dummies: one per year but the first of the sample (fixed effects);
            sm.OLS(...).fit(cov_type="cluster", cov_kwds={"groups": sector}, use_t=True) (statsmodels'
            defaults use_correction=True: G/(G-1)*(n-1)/(n-k); df_correction=True: t with G-1 df), and
            for loglog also nonrobust, HC1, and cluster without year dummies.
elasticity  spec section 7.5, for each component and year: rows with DI > 0, C > 0, revenue > 0;
            fewer than 5 -> null; else sm.OLS(ln(C/revenue), [1, ln DI]).fit() slope and bse
            (scale "revenue"), and for production also ln C on [1, ln DI] (scale "none").
            arc: aggregates over all rows of the year with the component, DI_t = sum(rev*DI)/sum(rev),
            eps_t = diff ln(C_t/Rev_t) / diff ln DI_t (numpy).
            window means: numpy mean of the non-null annual values in 2013-2023, 2013-2020, 2021-2023.
"""
import argparse
import json
import os
import pathlib
import platform
import sys

try:
    import statsmodels
    import statsmodels.api as sm
except ImportError:
    if os.path.exists("/usr/bin/python3") and os.path.realpath(sys.executable) != os.path.realpath("/usr/bin/python3"):
        os.execv("/usr/bin/python3", ["/usr/bin/python3", *sys.argv])
    raise

import numpy as np

HERE = pathlib.Path(__file__).resolve().parent
SEED = 20261206
YEARS = list(range(2012, 2025))
WINDOW = (2013, 2023)
COMPONENTS = ["production", "management_rd", "financial", "sales"]
WINDOWS = [(2013, 2023), (2013, 2020), (2021, 2023)]
MIN_SECTORS = 5


def fl(a):
    return [float(v) for v in np.asarray(a).ravel()]


def panel():
    rng = np.random.default_rng(SEED)
    G = 30
    sectors = [f"S{g + 1:02d}" for g in range(G)]
    base_di = np.exp(rng.normal(np.log(0.03), 1.0, size=G)).clip(0.002, 0.25)
    sector_cr = rng.normal(0.0, 0.08, size=G)
    sector_pr = rng.normal(0.0, 0.4, size=G)
    rows = []
    for g, s in enumerate(sectors):
        rev0 = float(np.exp(rng.normal(8.0, 1.0)))
        for t, year in enumerate(YEARS):
            di = float(np.clip(base_di[g] * np.exp(0.04 * t + rng.normal(0.0, 0.12)), 1e-4, 0.3))
            rev = rev0 * float(np.exp(0.06 * t + rng.normal(0.0, 0.05)))
            cr = float(np.clip(np.exp(-0.4 - 0.035 * np.log(di / 0.03) + sector_cr[g] - 0.01 * t + rng.normal(0, 0.03)), 0.3, 0.97))
            pr = float(0.02 + 0.012 * np.log(di / 0.03) + 0.03 * sector_pr[g] + rng.normal(0.0, 0.03))
            mgmt = rev * float(np.exp(-3.2 - 0.3 * np.log(di / 0.03) + rng.normal(0.0, 0.2)))
            fin = rev * float(0.004 * np.exp(-0.2 * np.log(di / 0.03)) + rng.normal(0.0, 0.002))
            if year == 2013 and g >= 4:
                fin = -abs(fin) - 0.1
            sales = rev * float(np.exp(-3.0 - 0.4 * np.log(di / 0.03) + rng.normal(0.0, 0.25)))
            rows.append(
                {
                    "sector": s,
                    "year": year,
                    "digitalInput": di,
                    "revenue": rev,
                    "costRatio": cr,
                    "profitRatio": pr,
                    "costs": {"production": cr * rev, "management_rd": mgmt, "financial": fin, "sales": sales},
                }
            )
    # three rows without digital input
    for i in (5, 47, 200):
        rows[i]["digitalInput"] = 0.0
    return sectors, rows


def regression_cases(rows):
    out = []
    for ratio_key, ratio in (("costRatio", "cost_ratio"), ("profitRatio", "profit_ratio")):
        sample = [r for r in rows if WINDOW[0] <= r["year"] <= WINDOW[1] and r["digitalInput"] > 0 and r[ratio_key] > 0]
        years = sorted({r["year"] for r in sample})
        sec_levels = sorted({r["sector"] for r in sample})
        groups = np.array([sec_levels.index(r["sector"]) for r in sample])
        di = np.array([r["digitalInput"] for r in sample])
        y_raw = np.array([r[ratio_key] for r in sample])
        dummies = np.array([[1.0 if r["year"] == yy else 0.0 for yy in years[1:]] for r in sample])
        for form in ("loglog", "loglin", "linlin"):
            x = np.log(di) if form == "loglog" else 100.0 * di
            y = 100.0 * y_raw if form == "linlin" else np.log(y_raw)
            variants = [("fe_cluster", True, "cluster")]
            if form == "loglog":
                variants += [("fe_classical", True, "nonrobust"), ("fe_hc1", True, "HC1"), ("nofe_cluster", False, "cluster")]
            for name, fe, cov in variants:
                exog = np.column_stack([np.ones(len(y)), x, dummies]) if fe else np.column_stack([np.ones(len(y)), x])
                kw = {"cov_type": cov, "use_t": True}
                if cov == "cluster":
                    kw["cov_kwds"] = {"groups": groups}
                r = sm.OLS(y, exog).fit(**kw) if cov != "nonrobust" else sm.OLS(y, exog).fit()
                out.append(
                    {
                        "ratio": ratio,
                        "form": form,
                        "variant": name,
                        "yearEffects": fe,
                        "se": {"cluster": "cluster", "nonrobust": "classical", "HC1": "hc1"}[cov],
                        "n": int(r.nobs),
                        "sectors": len(sec_levels),
                        "years": years,
                        "params": fl(r.params),
                        "bse": fl(r.bse),
                        "pvalues": fl(r.pvalues),
                        "rsquared": float(r.rsquared),
                    }
                )
    return out


def cross_section(rows, component, scale):
    out = []
    for year in YEARS:
        x, y = [], []
        for r in rows:
            if r["year"] != year:
                continue
            c = r["costs"][component]
            if r["digitalInput"] > 0 and c > 0 and (scale == "none" or r["revenue"] > 0):
                x.append(np.log(r["digitalInput"]))
                y.append(np.log(c / r["revenue"]) if scale == "revenue" else np.log(c))
        if len(x) < MIN_SECTORS:
            out.append({"year": year, "elasticity": None, "stdError": None, "n": len(x)})
            continue
        res = sm.OLS(np.array(y), sm.add_constant(np.array(x))).fit()
        out.append({"year": year, "elasticity": float(res.params[1]), "stdError": float(res.bse[1]), "n": len(x)})
    return out


def arc(rows, component):
    agg = {}
    for year in YEARS:
        rs = [r for r in rows if r["year"] == year]
        cost = sum(r["costs"][component] for r in rs)
        rev = sum(r["revenue"] for r in rs)
        di = sum(r["revenue"] * r["digitalInput"] for r in rs) / rev
        agg[year] = (cost, rev, di) if cost > 0 and rev > 0 and di > 0 else None
    out = []
    for year in YEARS[1:]:
        cur, prev = agg[year], agg[year - 1]
        if cur is None or prev is None:
            out.append({"year": year, "elasticity": None})
            continue
        num = np.log(cur[0] / cur[1]) - np.log(prev[0] / prev[1])
        den = np.log(cur[2]) - np.log(prev[2])
        out.append({"year": year, "elasticity": float(num / den)})
    return out


def window_means(annual):
    out = []
    for a, b in WINDOWS:
        v = [e["elasticity"] for e in annual if a <= e["year"] <= b and e["elasticity"] is not None]
        out.append({"from": a, "to": b, "mean": float(np.mean(v)) if v else None, "used": len(v)})
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=str(HERE))
    out = pathlib.Path(ap.parse_args().out)
    out.mkdir(parents=True, exist_ok=True)
    sectors, rows = panel()
    elasticities = []
    for component in COMPONENTS:
        annual = cross_section(rows, component, "revenue")
        elasticities.append(
            {
                "component": component,
                "scale": "revenue",
                "annual": annual,
                "windowMeans": window_means(annual),
                "arc": arc(rows, component),
            }
        )
    elasticities.append(
        {"component": "production", "scale": "none", "annual": cross_section(rows, "production", "none")}
    )
    doc = {
        "generator": "test/reference/statsmodels-costbenefit/generate.py",
        "seed": SEED,
        "software": {
            "python": f"{platform.python_version()} (statsmodels {statsmodels.__version__})",
            "numpy": np.__version__,
        },
        "inputs": {"sectors": sectors, "years": YEARS, "rows": rows},
        "regression": regression_cases(rows),
        "elasticities": elasticities,
    }
    (out / "costbenefit.json").write_text(json.dumps(doc, indent=2) + "\n")


if __name__ == "__main__":
    main()
