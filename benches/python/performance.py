"""Performance, the Python side: the two case studies as the lesson runs them.

- Integration: the lesson's pure-Python loop over the same 1000 triples
  (a, b, N) as the Rust benchmark (the same SplitMix64 generator, written
  out below), once on NumPy columns as in the lesson (each element a NumPy
  scalar) and once on plain Python lists of floats.
- Word count: the lesson-style program `code/performance/python/wordcount.py`
  on the same generated 30 MB text as the Rust benchmark; the text is made
  by the crate's `gen_text` example (`cargo run`), so both read the same bytes.
- Python calling compiled code, on the same triples: NumPy vectorised,
  Numba, the lesson's typed Cython and the course's Rust kernels through
  PyO3 (`code/from-python`), what one call into each costs, and whether
  two Python threads can run the Rust sum at once (the GIL released).
  A tool that is missing leaves its rows out ("not measured"), said on stderr.

Prints one JSON object per line, in the shape of the course's results file.
Run by `cargo xtask bench`; `--quick` measures briefly, `--smoke` only
checks that everything works (used by `cargo xtask test`).
"""
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
MASK = (1 << 64) - 1


class SplitMix64:
    """The generator of `code/splitmix/src/lib.rs`, bit for bit."""

    def __init__(self, seed):
        self.state = seed

    def next_u64(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def next_f64(self):
        return (self.next_u64() >> 11) * (1.0 / (1 << 53))

    def next_below(self, low, high):
        return low + self.next_u64() % (high - low)


def problem(count, seed):
    """`integration::problem` of the Rust crate: the same triples."""
    rng = SplitMix64(seed)
    a, b, n = [], [], []
    for _ in range(count):
        a.append(rng.next_f64() * 4.0 - 2.0)
        b.append(rng.next_f64() * 4.0 - 2.0)
        n.append(rng.next_below(100, 1000))
    return a, b, n


# The lesson's code (step 0 of the Cython episode).
def f(x):
    return x ** 2 - x


def integrate_f(a, b, N):
    s = 0
    dx = (b - a) / N
    for i in range(N):
        s += f(a + i * dx)
    return s * dx


def apply_integrate_f(col_a, col_b, col_N):
    n = len(col_N)
    res = np.empty(n, dtype=np.float64)
    for i in range(n):
        res[i] = integrate_f(col_a[i], col_b[i], col_N[i])
    return res


def best_seconds(func, repeats):
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        func()
        best = min(best, time.perf_counter() - start)
    return best


def integration(mode):
    count = 20 if mode == "--smoke" else 1000
    a, b, n = problem(count, 2024)
    exact = [(bi**3 - ai**3) / 3 - (bi**2 - ai**2) / 2 for ai, bi in zip(a, b)]
    columns = (np.array(a), np.array(b), np.array(n, dtype=np.int64))
    repeats = {"--smoke": 1, "--quick": 3, "--full": 7}[mode]
    for name, args in [("python-lesson", columns), ("python-floats", (a, b, n))]:
        res = apply_integrate_f(*args)
        for r, e, ai, bi, ni in zip(res, exact, a, b, n):
            bound = (bi - ai) ** 2 / (2 * ni) * max(abs(2 * ai - 1), abs(2 * bi - 1))
            if abs(r - e) > bound + 1e-12:
                sys.exit(f"error: {name}: integral of [{ai}, {bi}] is off by {abs(r - e)}")
        seconds = best_seconds(lambda: apply_integrate_f(*args), repeats)
        print(json.dumps({
            "group": "performance/integration",
            "function": name,
            "parameter": str(count),
            "mean_ns": seconds * 1e9,
            "elements": sum(n),
        }), flush=True)


# The compiled kernels of `from_python`, by name; None where not measured.
LOADED = {}


def loaded(name):
    return LOADED.get(name)


def per_call_seconds(func, mode):
    """Best time of one call. Calls that take less than a millisecond are
    timed in batches that last about one, so that the clock's resolution
    does not matter; short batches, many of them, so that the best one
    missed the other programs of a busy machine."""
    batch, start = 1, time.perf_counter()
    func()
    while (time.perf_counter() - start) < 0.001 and batch < 1 << 24:
        batch *= 2
        start = time.perf_counter()
        for _ in range(batch):
            func()
    repeats = {"--smoke": 1, "--quick": 20, "--full": 50}[mode]
    return best_seconds(lambda: [func() for _ in range(batch)], repeats) / batch


def from_python(mode):
    sys.path.insert(0, str(ROOT / "code" / "from-python" / "python"))
    import baselines
    for name, load in [("numba", baselines.numba_kernels), ("cython", baselines.cython_module),
                       ("rust", baselines.rust_module)]:
        try:
            LOADED[name] = load()
        except baselines.Missing as why:
            print(f"NOT MEASURED: {name}: {why}", file=sys.stderr)

    count = 20 if mode == "--smoke" else 1000
    a, b, n = problem(count, 2024)
    columns = (np.array(a), np.array(b), np.array(n, dtype=np.int64))
    reference = apply_integrate_f(a, b, n)
    rows = [("numpy-vectorised", baselines.apply_integrate_f_numpy)]
    if loaded("numba"):
        rows += [("numba-njit", LOADED["numba"][0]), ("numba-parallel", LOADED["numba"][1])]
    if loaded("cython"):
        rows.append(("cython-typed", LOADED["cython"].apply_integrate_f))
    if loaded("rust"):
        rows += [("pyo3-simd", LOADED["rust"].apply_integrate_f),
                 ("pyo3-rayon", LOADED["rust"].apply_integrate_f_parallel)]
    for name, func in rows:
        result = np.asarray(func(*columns))  # also compiles Numba's code
        for r, e in zip(result, reference):
            if abs(r - e) > 1e-12 * (1 + abs(e)):
                sys.exit(f"error: {name} gives {r} where pure Python gives {e}")
        print(json.dumps({
            "group": "performance/integration",
            "function": name,
            "parameter": str(count),
            "mean_ns": per_call_seconds(lambda: func(*columns), mode) * 1e9,
            "elements": sum(n),
        }), flush=True)

    # Spreading a call over the cores pays only when it has enough work:
    # 1000 triples are a tenth of a millisecond, about what waking a pool's
    # threads and handing out their shares cost. The course's own rayon bar
    # is measured on 100 000 triples (benches/performance.rs); so are these.
    if mode != "--smoke" and loaded("rust"):
        scaling_rows(mode)

    # What one call costs: a function with nothing to compute.
    def python_add(x, y):
        return x + y
    adds = [("python-add", python_add)]
    if loaded("numba"):
        adds.append(("numba-add", LOADED["numba"][2]))
    if loaded("cython"):
        adds.append(("cython-add", LOADED["cython"].add))
    if loaded("rust"):
        adds.append(("pyo3-add", LOADED["rust"].add))
    for name, add in adds:
        if add(1.0, 2.0) != 3.0:
            sys.exit(f"error: {name}(1.0, 2.0) is not 3.0")
        print(json.dumps({
            "group": "performance/crossing",
            "function": name,
            "parameter": "call",
            "mean_ns": per_call_seconds(lambda: add(1.0, 2.0), mode) * 1e9,
        }), flush=True)

    if loaded("rust"):
        gil_released(LOADED["rust"], mode)


def scaling_rows(mode):
    count = 100_000
    a, b, n = problem(count, 2024)
    columns = (np.array(a), np.array(b), np.array(n, dtype=np.int64))
    rust = LOADED["rust"]
    # Pure Python would take seconds here; the one-thread Rust result,
    # checked against it on 1000 triples above, is the reference.
    reference = np.asarray(rust.apply_integrate_f(*columns))
    rows = [("pyo3-simd", rust.apply_integrate_f),
            ("pyo3-rayon", rust.apply_integrate_f_parallel)]
    if loaded("numba"):
        rows.append(("numba-parallel", LOADED["numba"][1]))
    for name, func in rows:
        result = np.asarray(func(*columns))
        if not np.allclose(result, reference, rtol=1e-12, atol=1e-12):
            sys.exit(f"error: {name} disagrees with pyo3-simd on {count} triples")
        print(json.dumps({
            "group": "performance/integration",
            "function": name,
            "parameter": str(count),
            "mean_ns": per_call_seconds(lambda: func(*columns), mode) * 1e9,
            "elements": sum(n),
        }), flush=True)


def gil_released(rust, mode):
    """Calls of the Rust sum one after the other, then half as many in
    each of two Python threads: with the GIL released, the threads overlap.
    Each call sums 8 MB, long enough (a fraction of a millisecond) that
    handing the GIL from thread to thread between calls costs little
    beside it; with a 1 MB array, measured on a 2-core Xeon, the hand-overs
    ate the whole gain."""
    import threading
    size = 1 << 20
    x = np.arange(size, dtype=np.float64)
    if rust.total(x) != size * (size - 1) / 2:
        sys.exit("error: rust_kernels.total(arange) is wrong")
    calls = 2 if mode == "--smoke" else 50

    def in_a_row():
        for _ in range(2 * calls):
            rust.total(x)

    def two_threads():
        def work():
            for _ in range(calls):
                rust.total(x)
        threads = [threading.Thread(target=work) for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()

    repeats = {"--smoke": 1, "--quick": 10, "--full": 30}[mode]
    for name, func in [("total-in-a-row", in_a_row), ("total-two-threads", two_threads)]:
        print(json.dumps({
            "group": "performance/gil",
            "function": name,
            "parameter": "8MB",
            # Per pair of calls.
            "mean_ns": best_seconds(func, repeats) / calls * 1e9,
            "bytes": 2 * size * 8,
        }), flush=True)


def load_wordcount():
    path = ROOT / "code" / "performance" / "python" / "wordcount.py"
    spec = importlib.util.spec_from_file_location("wordcount", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def generate_text(path, size):
    """The Rust generator writes the text: `gen_text PATH BYTES SEED`."""
    # The smoke run follows `cargo test`, which built the example in the dev
    # profile; the measured runs follow `cargo bench` (the bench profile).
    profile = ["--profile", "bench"] if size >= 1_000_000 else []
    command = ["cargo", "run", "--quiet", *profile, "-p", "performance",
               "--example", "gen_text", "--", str(path), str(size), "1"]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"error: cannot generate the word-count input: {done.stderr.strip()}")


def word_count(mode):
    wordcount = load_wordcount()
    size = 100_000 if mode == "--smoke" else 30_000_000
    repeats = {"--smoke": 1, "--quick": 1, "--full": 3}[mode]
    with tempfile.TemporaryDirectory() as tmp:
        text = Path(tmp) / "input.txt"
        generate_text(text, size)
        out = Path(tmp) / "output.txt"
        seconds = best_seconds(lambda: wordcount.word_count(text, out), repeats)
        if not out.read_text(encoding="utf-8").strip():
            sys.exit("error: the Python word count wrote nothing")
        rust = loaded("rust")
        if rust is not None:
            # The lesson's program with Rust doing its counting step.
            def with_rust_counting():
                rows = wordcount.report(rust.count_words(str(text)))
                wordcount.write_report(out, rows)
            rust_seconds = best_seconds(with_rust_counting, repeats)
            print(json.dumps({
                "group": "performance/wordcount",
                "function": "python-rust-count",
                "parameter": f"{size // 1_000_000}MB" if size >= 1_000_000 else f"{size // 1000}kB",
                "mean_ns": rust_seconds * 1e9,
                "bytes": os.path.getsize(text),
            }), flush=True)
        print(json.dumps({
            "group": "performance/wordcount",
            "function": "python-wordcount",
            "parameter": f"{size // 1_000_000}MB" if size >= 1_000_000 else f"{size // 1000}kB",
            "mean_ns": seconds * 1e9,
            "bytes": os.path.getsize(text),
        }), flush=True)


def main():
    mode = next((a for a in sys.argv[1:] if a in ("--smoke", "--quick", "--full")), "--full")
    integration(mode)
    from_python(mode)
    word_count(mode)


if __name__ == "__main__":
    main()
