"""Python calling Rust: run by `cargo xtask test` (and by hand with the
course's .venv: `.venv/bin/python code/from-python/tests/test_module.py`).

- The Rust module gives what pure Python gives: the integral to 1e-12
  relative, the word count exactly (same words, counts and order).
- Every bad input raises TypeError or ValueError with a one-line message.
- Numba and Cython, which the Performance baseline measures beside Rust,
  are installed and compile.

Exit status 0 when all is well, 1 on a failure, 3 when something could
not be checked (a tool is missing): then every line starting SKIPPED says
what and why.
"""
import importlib.util
import sys
import tempfile
from pathlib import Path

import numpy as np

CRATE = Path(__file__).resolve().parents[1]
ROOT = CRATE.parents[1]
sys.path.insert(0, str(CRATE / "python"))
import baselines  # noqa: E402


def load(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# The lesson's Python code, as the Performance baseline runs it.
lesson = load(ROOT / "benches" / "python" / "performance.py", "lesson")
wordcount = load(ROOT / "code" / "performance" / "python" / "wordcount.py", "wordcount")
failures, skipped = [], []


def check(condition, message):
    if not condition:
        failures.append(message)


def integral_matches_python(rust):
    a, b, n = lesson.problem(300, 11)
    expected = lesson.apply_integrate_f(a, b, n)
    columns = (np.array(a), np.array(b), np.array(n, dtype=np.int64))
    for name in ["apply_integrate_f", "apply_integrate_f_parallel"]:
        got = getattr(rust, name)(*columns)
        check(isinstance(got, np.ndarray) and got.dtype == np.float64,
              f"{name} returns {type(got)}, not a float64 array")
        for i, (g, e) in enumerate(zip(got, expected)):
            check(abs(g - e) <= 1e-12 * abs(e),
                  f"{name}: triple {i} ({a[i]}, {b[i]}, {n[i]}): {g} vs Python's {e}")


TEXT = """The cat sat; the CAT ran.  Don't stop -- "quoted" words (and brackets) [x] {y}
Ünïcode wörds: Straße, STRASSE, ÉTÉ été\u00a0no-break\u2003em-space tab\there
numbers 42 and 4.2% and e-mail@example.com? yes! #tag $5 ^up <a> `code` *star* =eq /slash
"""


def word_count_matches_python(rust):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "text.txt"
        path.write_text(TEXT * 50 + "last line without newline", encoding="utf-8")
        expected = wordcount.count_words(wordcount.load_lines(path))
        got = rust.count_words(str(path))
        check(got == expected, f"count_words differs from Python: {sorted(set(got.items()) ^ set(expected.items()))[:5]}")
        check(list(got) == list(expected), "count_words: the words are not in the order they first appear")


def bad_inputs_raise(rust):
    f64 = np.array([0.0, 1.0, 2.0])
    n = np.array([10, 20, 30])
    cases = [
        ("an int64 array for a float64 one", (np.array([0, 1, 2]), f64, n), TypeError,
         "a must have dtype float64, got int64 (convert with a.astype(numpy.float64))"),
        ("a float64 array for the int64 N", (f64, f64, f64), TypeError,
         "N must have dtype int64, got float64 (convert with N.astype(numpy.int64))"),
        ("a non-contiguous view", (f64, np.arange(6.0)[::2], n), ValueError,
         "b is not contiguous (a strided view such as x[::2]?): pass numpy.ascontiguousarray(b)"),
        ("arrays of different lengths", (f64, f64[:2], n), ValueError,
         "the columns must have the same length: a has 3, b has 2, N has 3"),
        ("a zero N", (f64, f64, np.array([10, 0, 30])), ValueError,
         "N[1] is 0: the number of rectangles must be at least 1"),
        ("a negative N", (f64, f64, np.array([-5, 1, 30])), ValueError,
         "N[0] is -5: the number of rectangles must be at least 1"),
        ("a list, not an array", ([0.0, 1.0, 2.0], f64, n), TypeError,
         "a must be a NumPy array, got list"),
        ("a two-dimensional array", (f64, f64, n.reshape(3, 1)), ValueError,
         "N must be one-dimensional, got 2 dimensions"),
    ]
    for function in [rust.apply_integrate_f, rust.apply_integrate_f_parallel]:
        for what, args, kind, message in cases:
            expect_raise(f"{function.__name__} with {what}", lambda: function(*args), kind, message)
    missing = ROOT / "no-such-file.txt"
    expect_raise("count_words with a missing file", lambda: rust.count_words(str(missing)), ValueError,
                 f"cannot read {missing}: No such file or directory (os error 2)")
    expect_raise("total with an int64 array", lambda: rust.total(n), TypeError,
                 "x must have dtype float64, got int64 (convert with x.astype(numpy.float64))")


def expect_raise(what, call, kind, message):
    try:
        call()
    except (TypeError, ValueError) as error:
        check(type(error) is kind, f"{what}: raised {type(error).__name__}, expected {kind.__name__}")
        check(str(error) == message, f"{what}: message {str(error)!r}, expected {message!r}")
        check("\n" not in str(error), f"{what}: the message spans several lines")
    else:
        failures.append(f"{what}: raised nothing")


def the_sum_reads_the_array(rust):
    x = np.arange(1 << 20, dtype=np.float64)
    check(rust.total(x) == float(x.sum()), "total(arange) differs from NumPy's sum")
    check(rust.total(np.empty(0)) == 0.0, "total of an empty array is not 0.0")


def main():
    try:
        rust = baselines.rust_module()
    except baselines.Missing as why:
        skipped.append(f"Python calling Rust (rust_kernels): {why}")
        rust = None
    if rust is not None:
        integral_matches_python(rust)
        word_count_matches_python(rust)
        bad_inputs_raise(rust)
        the_sum_reads_the_array(rust)
    for name, load_tool in [("Numba", baselines.numba_kernels), ("Cython", baselines.cython_module)]:
        try:
            load_tool()
        except baselines.Missing as why:
            skipped.append(f"the {name} rows of the Performance baseline: {why}")
    for failure in failures:
        print(f"FAILED: {failure}")
    for skip in skipped:
        print(f"SKIPPED {skip}")
    if failures:
        sys.exit(1)
    if skipped:
        sys.exit(3)
    print("Python calling Rust: results as pure Python's, every bad input a one-line exception")


if __name__ == "__main__":
    main()
