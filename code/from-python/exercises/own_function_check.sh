#!/usr/bin/env bash
# Checks the exercise `own_function`: builds the module `rust_kernels` with
# your exercises/own_function.rs (or, with --solution, the reference
# solution) into the course's .venv, then calls `rust_kernels.mean` from
# Python. Run from the repository root:
#   bash code/from-python/exercises/own_function_check.sh [--solution]
# Exit status: 0 correct, 1 wrong, 2 usage, 3 skipped (no .venv or maturin).
set -u
features=()
case "${1:-}" in
    "") ;;
    # Features given here replace pyproject.toml's list: name both.
    --solution) features=(--features python,solution) ;;
    *) echo "usage: bash code/from-python/exercises/own_function_check.sh [--solution]" >&2; exit 2 ;;
esac
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
venv="$root/.venv"
if [ ! -x "$venv/bin/python" ]; then
    echo "SKIPPED own_function: no .venv with Python (run \`cargo xtask setup\`)"
    exit 3
fi
if [ ! -x "$venv/bin/maturin" ]; then
    echo "SKIPPED own_function: maturin is not installed in .venv (run \`cargo xtask setup\`)"
    exit 3
fi
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if ! VIRTUAL_ENV="$venv" "$venv/bin/maturin" develop --release --locked \
        --manifest-path "$root/code/from-python/Cargo.toml" "${features[@]}" >"$log" 2>&1; then
    first_error="$(grep -m1 -E '^error' "$log" || tail -n 1 "$log")"
    echo "✗ own_function: the module does not build: $first_error (run the command in this script to see all)"
    exit 1
fi
exec "$venv/bin/python" "$root/code/from-python/exercises/own_function_check.py"
