"""The Python half of `own_function_check.sh`: is `rust_kernels.mean`
there, right, and strict about its input? Prints one ✓ or ✗ line."""
import sys

import numpy as np
import rust_kernels


def fail(hint):
    print(f"✗ own_function: {hint}")
    sys.exit(1)


def main():
    if not hasattr(rust_kernels, "mean"):
        fail("rust_kernels has no function `mean`: mark a function #[pyfunction] "
             "(named `mean` in Python) and add it to the module in `register`")
    x = np.linspace(-3.0, 7.0, 1001)
    try:
        got = rust_kernels.mean(x)
    except Exception as error:  # the learner's function may raise anything
        fail(f"mean(x) raised {type(error).__name__}: {error}")
    if not isinstance(got, float) or abs(got - x.mean()) > 1e-12 * (1 + abs(x.mean())):
        fail(f"mean(linspace(-3, 7, 1001)) gave {got!r}, expected {x.mean()!r} (a float)")
    try:
        rust_kernels.mean(np.arange(5))
    except TypeError:
        pass
    except Exception as error:
        fail(f"an int64 array should raise TypeError, got {type(error).__name__}")
    else:
        fail("an int64 array should raise TypeError: take a PyReadonlyArray1<f64>")
    try:
        rust_kernels.mean(np.empty(0))
    except ValueError as error:
        if "empty" not in str(error):
            fail(f"the empty array's ValueError should say \"empty\", got {str(error)!r}")
    except BaseException as error:
        fail(f"an empty array should raise ValueError, got {type(error).__name__}: {error}")
    else:
        fail("an empty array has no mean: raise a ValueError (mean returned None there)")
    print("✓ own_function: correct")


if __name__ == "__main__":
    main()
