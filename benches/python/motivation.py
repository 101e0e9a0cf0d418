"""Motivation, the Python side: the same two loop orders over a NumPy array.

Prints one JSON object per line, in the shape the course's results file
uses, so the page can put Python beside Rust. Run by `cargo xtask bench`.
"""
import json
import sys
import timeit

import numpy as np

SIZES = [64, 128, 256, 512, 1024, 1536, 2048, 4096]


def sum_rows_outer(a):
    total = 0.0
    for i in range(a.shape[0]):
        total += a[i, :].sum()
    return total


def sum_cols_outer(a):
    total = 0.0
    for j in range(a.shape[1]):
        total += a[:, j].sum()
    return total


def best_seconds(func, arg, budget):
    """Fastest of several timed calls, each call repeated enough to last ~10 ms."""
    timer = timeit.Timer(lambda: func(arg))
    number, _ = timer.autorange()
    repeats = max(3, min(20, int(budget / max(1e-9, timer.timeit(number) / number * number))))
    return min(timer.repeat(repeat=repeats, number=number)) / number


def main():
    quick = "--quick" in sys.argv
    budget = 0.3 if quick else 2.0
    for n in SIZES:
        i, j = np.indices((n, n))
        a = ((3 * i + 7 * j) % 10).astype(np.float64)  # C order, like the Rust RowMajor
        for name, func in [("numpy-rows-outer", sum_rows_outer), ("numpy-cols-outer", sum_cols_outer)]:
            seconds = best_seconds(func, a, budget)
            print(json.dumps({
                "group": "motivation/loop-order",
                "function": name,
                "parameter": str(n),
                "mean_ns": seconds * 1e9,
                "elements": n * n,
            }), flush=True)


if __name__ == "__main__":
    main()
