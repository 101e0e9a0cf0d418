"""The stack, the Python side: NumPy's sum and a STREAM-style triad, so the
page can put them beside the Rust kernels measured on the same machine.

Prints one JSON object per line, in the shape of the course's results file.
Run by `cargo xtask bench`; `--quick` measures briefly, `--smoke` only checks
that it works (used by `cargo xtask test`).
"""
import json
import sys
import timeit

import numpy as np

SUM_SIZES = [2048, 10_000_000]
STREAM_N = 20_000_000


def best_seconds(func, budget):
    """Fastest of several timed batches; each batch lasts at least ~0.2 s."""
    timer = timeit.Timer(func)
    number, batch_seconds = timer.autorange()
    repeats = max(3, min(20, int(budget / max(batch_seconds, 1e-9))))
    return min(timer.repeat(repeat=repeats, number=number)) / number


def triad(a, b, c, s):
    """a = b + s c, as NumPy evaluates it: two passes (a temporary-free
    multiply into `a`, then an in-place add), since NumPy has no fused triad."""
    np.multiply(c, s, out=a)
    a += b


def emit(group, function, parameter, seconds, nbytes):
    print(json.dumps({
        "group": group,
        "function": function,
        "parameter": parameter,
        "mean_ns": seconds * 1e9,
        "bytes": nbytes,
    }), flush=True)


def main():
    smoke = "--smoke" in sys.argv
    quick = "--quick" in sys.argv
    budget = 0.0 if smoke else 0.3 if quick else 2.0
    sum_sizes = SUM_SIZES[:1] if smoke else SUM_SIZES
    for n in sum_sizes:
        values = (np.arange(n) % 10).astype(np.float64)
        expected = float((np.arange(n) % 10).sum())
        if values.sum() != expected:
            sys.exit(f"error: numpy-sum gave {values.sum()}, expected {expected}")
        emit("stack/sum", "numpy-sum", str(n), best_seconds(values.sum, budget), 8 * n)

    n = 1000 if smoke else STREAM_N
    a, b, c = np.ones(n), np.full(n, 2.0), np.zeros(n)
    triad(a, b, c, 3.0)
    if not np.all(a == 2.0):
        sys.exit("error: numpy-triad gave a wrong result")
    seconds = best_seconds(lambda: triad(a, b, c, 3.0), budget)
    if not smoke:
        emit("stack/stream", "numpy-triad", "", seconds, 24 * n)


if __name__ == "__main__":
    main()
