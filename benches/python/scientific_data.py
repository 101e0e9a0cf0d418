"""Scientific data, the Python side: NumPy writing and reading the same
10 million doubles as .npy (np.save / np.load), raw binary (tofile /
fromfile) and text (savetxt / loadtxt).

Prints one JSON object per line, in the shape of the course's results file.
Run by `cargo xtask bench`; `--quick` measures briefly, `--smoke` only checks
that it works on a small array (used by `cargo xtask test`).
"""
import json
import os
import shutil
import sys
import tempfile
import time

import numpy as np

COUNT = 10_000_000


def sample_data(n):
    """Doubles of full precision, like the Rust side's (not the same values:
    the sizes and speeds, not the digits, are what is compared)."""
    rng = np.random.default_rng(2024)
    t = np.arange(n) * 1e-3
    return np.exp(-t * 0.01) * np.sin(7.0 * t) * 100.0 + rng.random(n) - 0.5


def mean_seconds(func, repeats, warm_up):
    """Mean of `repeats` single runs, like criterion's mean on the Rust side
    (file I/O varies from run to run; the fastest run would flatter it)."""
    for _ in range(warm_up):
        func()
    total = 0.0
    for _ in range(repeats):
        start = time.perf_counter()
        func()
        total += time.perf_counter() - start
    return total / repeats


def main():
    smoke = "--smoke" in sys.argv
    quick = "--quick" in sys.argv
    n = 1000 if smoke else COUNT
    fast_repeats = 1 if smoke else 10 if quick else 30
    # Text takes seconds per run: fewer repeats, and no warm-up run.
    text_repeats = 1 if smoke or quick else 3
    values = sample_data(n)
    directory = tempfile.mkdtemp(prefix="scientific-data-python-")
    try:
        npy = os.path.join(directory, "values.npy")
        raw = os.path.join(directory, "values.f64")
        txt = os.path.join(directory, "values.csv")
        formats = [
            # %.17g keeps every bit of a double (17 significant digits).
            ("numpy-csv", text_repeats, 0,
             lambda: np.savetxt(txt, values, fmt="%.17g", header="value", comments=""),
             lambda: np.loadtxt(txt, skiprows=1)),
            ("numpy-raw", fast_repeats, 1,
             lambda: values.tofile(raw),
             lambda: np.fromfile(raw, dtype="<f8")),
            ("numpy-npy", fast_repeats, 1,
             lambda: np.save(npy, values),
             lambda: np.load(npy)),
        ]
        for name, repeats, warm_up, write, read in formats:
            write_seconds = mean_seconds(write, repeats, warm_up)
            back = read()
            if not np.array_equal(back, values):
                sys.exit(f"error: {name} did not read back what it wrote")
            # Every read row also adds up the values, as the Rust rows and
            # the memory map (which reads nothing until the values are used) do.
            read_seconds = mean_seconds(lambda: read().sum(), repeats, warm_up)
            for group, seconds in [("write", write_seconds), ("read", read_seconds)]:
                print(json.dumps({
                    "group": f"scientific-data/{group}",
                    "function": name,
                    "parameter": "",
                    "mean_ns": seconds * 1e9,
                    "bytes": 8 * n,
                }), flush=True)
        # NumPy's memory map of the same file: map, then add up every value.
        mapped_seconds = mean_seconds(lambda: np.load(npy, mmap_mode="r").sum(), fast_repeats, 1)
        print(json.dumps({
            "group": "scientific-data/read",
            "function": "numpy-npy-mmap",
            "parameter": "",
            "mean_ns": mapped_seconds * 1e9,
            "bytes": 8 * n,
        }), flush=True)
    finally:
        shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    main()
