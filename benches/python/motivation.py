"""Motivation, the Python side: the same two loop orders over a NumPy array.

Prints one JSON object per line, in the shape of the course's results file,
so the page can put Python beside Rust. Run by `cargo xtask bench`;
`--quick` measures briefly, `--smoke` only checks that it works (used by
`cargo xtask test`).
"""
import json
import sys
import timeit

import numpy as np

SIZES = [64, 128, 256, 512, 1000, 1024, 1100, 2000, 2048, 2100, 4000, 4096, 4104]


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


def test_array(n):
    """The values the Rust code uses: small whole numbers, so every order of
    summation gives exactly the same total. C order, like Rust's RowMajor."""
    i, j = np.indices((n, n))
    return ((3 * i + 7 * j) % 10).astype(np.float64)


def best_seconds(func, arg, budget):
    """Fastest of several timed batches; each batch lasts at least ~0.2 s."""
    timer = timeit.Timer(lambda: func(arg))
    number, batch_seconds = timer.autorange()
    repeats = max(3, min(20, int(budget / max(batch_seconds, 1e-9))))
    return min(timer.repeat(repeat=repeats, number=number)) / number


def main():
    smoke = "--smoke" in sys.argv
    quick = "--quick" in sys.argv
    sizes = SIZES[:1] if smoke else SIZES
    budget = 0.0 if smoke else 0.3 if quick else 2.0
    for n in sizes:
        a = test_array(n)
        expected = float(a.astype(np.int64).sum())
        for name, func in [("numpy-rows-outer", sum_rows_outer), ("numpy-cols-outer", sum_cols_outer)]:
            total = func(a)
            if total != expected:
                sys.exit(f"error: {name} summed {total}, expected {expected}")
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
