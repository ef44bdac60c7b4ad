"""The numpy side of bench/numpy.ts: vectorized TOPSIS (vector normalization, weights on the matrix,
sample ideal points, benefit/cost columns) and entropy weights (raw proportions) over the same columns,
timed in this process (median of 3 after a warm-up), with the results for the JS side to compare.

Usage: python3 bench/numpy_reference.py COLUMNS.f64 M N WEIGHTS.f64 DIRECTIONS(b/c string)
Prints one JSON line: {"topsis_ms", "entropy_ms", "numpy", "topsis_head", "entropy"}.
"""
import json
import sys
import time

import numpy as np


def topsis(x, w, benefit):
    r = x / np.sqrt((x * x).sum(axis=0))
    v = r * (w / w.sum())
    best = np.where(benefit, v.max(axis=0), v.min(axis=0))
    worst = np.where(benefit, v.min(axis=0), v.max(axis=0))
    d_plus = np.sqrt(((v - best) ** 2).sum(axis=1))
    d_minus = np.sqrt(((v - worst) ** 2).sum(axis=1))
    return d_minus / (d_plus + d_minus)


def entropy(x):
    m = x.shape[0]
    p = x / x.sum(axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        plogp = np.where(p > 0, p * np.log(p), 0.0)
    e = -plogp.sum(axis=0) / np.log(m)
    d = 1 - e
    return d / d.sum()


def timed(f, repeats=3):
    f()
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        out = f()
        times.append((time.perf_counter() - t0) * 1000)
    return sorted(times)[len(times) // 2], out


def main():
    path, m, n, wpath, dirs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
    # The columns are written one after another (column-major): read as (n, m), use the transpose view.
    x = np.fromfile(path, dtype=np.float64).reshape(n, m).T
    x = np.ascontiguousarray(x)  # numpy's row-major layout, as a user's array would be
    w = np.fromfile(wpath, dtype=np.float64)
    benefit = np.array([c == "b" for c in dirs])
    t_ms, c = timed(lambda: topsis(x, w, benefit))
    e_ms, ew = timed(lambda: entropy(x))
    print(json.dumps({
        "topsis_ms": t_ms,
        "entropy_ms": e_ms,
        "numpy": np.__version__,
        "topsis_head": c[:1000].tolist(),
        "entropy": ew.tolist(),
    }))


main()
