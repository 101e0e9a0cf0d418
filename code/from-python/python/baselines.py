"""The integration problem from Python, every way a Python programmer would
try it, beside the Rust module: NumPy vectorised, Numba (`@njit`, and
`parallel=True` with `prange`), the lesson's typed Cython, and the course's
Rust kernels through PyO3 (`rust_kernels`).

Each loader returns the thing to measure, or raises `Missing` with the
reason, so that the baseline prints "not measured" for that row and the
tests say why. Used by `benches/python/performance.py` and
`code/from-python/tests/test_module.py`.
"""
import importlib.util
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
CRATE = HERE.parent
ROOT = CRATE.parents[1]


class Missing(Exception):
    """A tool this row needs is not installed (or does not build)."""


# ANCHOR: numpy
def apply_integrate_f_numpy(col_a, col_b, col_N):
    """All triples' rectangles in one flat array, no Python loop: x for
    rectangle i of triple k is a[k] + i * dx[k]; `reduceat` sums each
    triple's run. Memory grows with sum(N)."""
    dx = (col_b - col_a) / col_N
    starts = np.concatenate(([0], np.cumsum(col_N)[:-1]))
    i = np.arange(col_N.sum()) - np.repeat(starts, col_N)
    x = np.repeat(col_a, col_N) + i * np.repeat(dx, col_N)
    return np.add.reduceat(x * x - x, starts) * dx
# ANCHOR_END: numpy


def numba_kernels():
    """(njit version, parallel version, njit add) of the lesson's code."""
    try:
        from numba import njit, prange
    except ImportError as error:
        raise Missing(f"Numba is not installed ({error}); run `cargo xtask setup`")

    # ANCHOR: numba
    @njit
    def f(x):
        return x ** 2 - x

    @njit
    def integrate_f(a, b, N):
        s = 0.0
        dx = (b - a) / N
        for i in range(N):
            s += f(a + i * dx)
        return s * dx

    @njit
    def apply_integrate_f(col_a, col_b, col_N):
        res = np.empty(len(col_N))
        for k in range(len(col_N)):
            res[k] = integrate_f(col_a[k], col_b[k], col_N[k])
        return res

    @njit(parallel=True)
    def apply_integrate_f_parallel(col_a, col_b, col_N):
        res = np.empty(len(col_N))
        for k in prange(len(col_N)):
            res[k] = integrate_f(col_a[k], col_b[k], col_N[k])
        return res
    # ANCHOR_END: numba

    @njit
    def add(x, y):
        return x + y

    return apply_integrate_f, apply_integrate_f_parallel, add


def cython_module():
    """The typed Cython module, compiled into <target>/course/cython."""
    try:
        import Cython  # noqa: F401  (only to say clearly when it is missing)
    except ImportError as error:
        raise Missing(f"Cython is not installed ({error}); run `cargo xtask setup`")
    include = Path(sysconfig.get_paths()["include"])
    if not (include / "Python.h").exists():
        raise Missing(f"no Python.h in {include}: install python3-dev")
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    build = target / "course" / "cython"
    build.mkdir(parents=True, exist_ok=True)
    source = HERE / "integrate_typed.pyx"
    c_file = build / "integrate_typed.c"
    library = build / ("integrate_typed" + sysconfig.get_config_var("EXT_SUFFIX"))
    if not library.exists() or library.stat().st_mtime < source.stat().st_mtime:
        run([sys.executable, "-m", "cython", "-3", str(source), "-o", str(c_file)])
        # What `setup.py build_ext` (and Jupyter's %%cython) would run.
        compiler = sysconfig.get_config_var("LDSHARED").split()
        flags = (sysconfig.get_config_var("CFLAGS") + " " + sysconfig.get_config_var("CCSHARED")).split()
        run([*compiler, *flags, f"-I{include}", str(c_file), "-o", str(library)])
    spec = importlib.util.spec_from_file_location("integrate_typed", library)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def rust_module():
    """`rust_kernels`, built by maturin (release) into this interpreter's
    virtual environment; maturin only recompiles what changed."""
    maturin = Path(sys.executable).parent / "maturin"
    if not maturin.exists():
        raise Missing(f"maturin is not installed in {maturin.parent}; run `cargo xtask setup`")
    run([str(maturin), "develop", "--release", "--locked", "--quiet",
         "--manifest-path", str(CRATE / "Cargo.toml")],
        env_extra={"VIRTUAL_ENV": str(Path(sys.executable).parents[1])})
    importlib.invalidate_caches()
    import rust_kernels
    return rust_kernels


def run(command, env_extra=None):
    """Runs a build step; a failure is an error, never "not measured"."""
    env = dict(os.environ, **(env_extra or {}))
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=env)
    if done.returncode != 0:
        sys.exit(f"error: `{' '.join(command)}` failed:\n{done.stderr.strip()[-3000:]}")
