//! The Python module `rust_kernels`: thin wrappers that check what Python
//! hands in, borrow NumPy's memory without copying it, and let go of the
//! interpreter while Rust works.

use crate::checks::{self, BadInput};
use crate::kernels;
use numpy::{
    Element, IntoPyArray, PyArray1, PyArrayMethods, PyReadonlyArray1, PyUntypedArray,
    PyUntypedArrayMethods,
};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyDict;
use std::path::PathBuf;

// The exercise: the learner's file, or the reference solution.
#[cfg(not(feature = "solution"))]
#[path = "../exercises/own_function.rs"]
pub mod exercise;
#[cfg(feature = "solution")]
#[path = "../exercises/own_function_solution.rs"]
pub mod exercise;

impl From<BadInput> for PyErr {
    fn from(bad: BadInput) -> PyErr {
        match bad {
            BadInput::Type(message) => PyTypeError::new_err(message),
            BadInput::Value(message) => PyValueError::new_err(message),
        }
    }
}

// ANCHOR: borrow
/// Borrows the one-dimensional NumPy array `object` of `T`s (the argument
/// `name`), without copying it. rust-numpy's own conversion would do the
/// same, but its errors span two lines; these name the argument.
fn borrow_array<'py, T: Element>(
    name: &str,
    object: &Bound<'py, PyAny>,
) -> PyResult<PyReadonlyArray1<'py, T>> {
    let array = object
        .cast::<PyUntypedArray>()
        .map_err(|_| checks::not_an_array(name, &type_name(object)))?;
    if array.ndim() != 1 {
        return Err(checks::not_one_dimensional(name, array.ndim()).into());
    }
    let expected = numpy::dtype::<T>(object.py()).to_string();
    let typed = object
        .cast::<PyArray1<T>>()
        .map_err(|_| checks::wrong_dtype(name, &expected, &array.dtype().to_string()))?;
    // Fails only if Rust code holds the same array mutably.
    typed
        .try_readonly()
        .map_err(|e| PyValueError::new_err(format!("{name}: {e}")))
}

/// The array's elements as one slice: only a contiguous array has them
/// side by side.
fn as_slice<'a, T: Element>(name: &str, array: &'a PyReadonlyArray1<'_, T>) -> PyResult<&'a [T]> {
    Ok(array.as_slice().map_err(|_| checks::not_contiguous(name))?)
}
// ANCHOR_END: borrow

fn type_name(object: &Bound<'_, PyAny>) -> String {
    object
        .get_type()
        .name()
        .map_or_else(|_| "an unknown type".into(), |n| n.to_string())
}

/// Checks and borrows the three columns, then runs `kernel` on them with
/// the interpreter released.
fn integrate_with<'py>(
    py: Python<'py>,
    kernel: kernels::Integrator,
    (a, b, n): (&Bound<'py, PyAny>, &Bound<'py, PyAny>, &Bound<'py, PyAny>),
) -> PyResult<Bound<'py, PyArray1<f64>>> {
    let (a, b, n) = (
        borrow_array::<f64>("a", a)?,
        borrow_array::<f64>("b", b)?,
        borrow_array::<i64>("N", n)?,
    );
    let (a, b, n) = (as_slice("a", &a)?, as_slice("b", &b)?, as_slice("N", &n)?);
    checks::same_lengths(&[("a", a.len()), ("b", b.len()), ("N", n.len())])?;
    checks::positive_counts("N", n)?;
    // Other Python threads run meanwhile. (Like NumPy's own functions, this
    // trusts them not to write to these arrays until the call returns.)
    let result = py.detach(|| kernel(a, b, n));
    // The Vec becomes the NumPy array's memory: no copy on the way back.
    Ok(result.into_pyarray(py))
}

// ANCHOR: integrate
/// apply_integrate_f(a, b, N): the integral of x² - x from a[i] to b[i]
/// with N[i] rectangles, for every i, on one thread.
#[pyfunction]
fn apply_integrate_f<'py>(
    py: Python<'py>,
    a: &Bound<'py, PyAny>,
    b: &Bound<'py, PyAny>,
    n: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyArray1<f64>>> {
    integrate_with(py, kernels::integrate_one_thread, (a, b, n))
}
// ANCHOR_END: integrate

/// apply_integrate_f_parallel(a, b, N): the same on all cores (rayon).
#[pyfunction]
fn apply_integrate_f_parallel<'py>(
    py: Python<'py>,
    a: &Bound<'py, PyAny>,
    b: &Bound<'py, PyAny>,
    n: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyArray1<f64>>> {
    integrate_with(py, kernels::integrate_all_cores, (a, b, n))
}

// ANCHOR: total
/// total(x): the sum of a float64 array, read in place, on one thread,
/// with the interpreter released (two Python threads can sum at once).
#[pyfunction]
fn total(py: Python<'_>, x: &Bound<'_, PyAny>) -> PyResult<f64> {
    let x = borrow_array::<f64>("x", x)?;
    let x = as_slice("x", &x)?;
    Ok(py.detach(|| kernels::total(x)))
}
// ANCHOR_END: total

/// count_words(path): every word of the file with its count, as a dict in
/// the order of first appearance, like the lesson's `count_words`.
#[pyfunction]
fn count_words<'py>(py: Python<'py>, path: PathBuf) -> PyResult<Bound<'py, PyDict>> {
    let counts = py
        .detach(|| kernels::count_words(&path))
        .map_err(|e| PyValueError::new_err(format!("cannot read {}: {e}", path.display())))?;
    let dict = PyDict::new(py);
    for (word, count) in counts {
        dict.set_item(word, count)?;
    }
    Ok(dict)
}

/// add(x, y): nothing to compute, so a call costs what crossing from
/// Python into Rust and back costs.
#[pyfunction]
fn add(x: f64, y: f64) -> f64 {
    x + y
}

// ANCHOR: module
/// The module Python imports: `import rust_kernels`.
#[pymodule]
fn rust_kernels(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_function(wrap_pyfunction!(apply_integrate_f, module)?)?;
    module.add_function(wrap_pyfunction!(apply_integrate_f_parallel, module)?)?;
    module.add_function(wrap_pyfunction!(total, module)?)?;
    module.add_function(wrap_pyfunction!(count_words, module)?)?;
    module.add_function(wrap_pyfunction!(add, module)?)?;
    exercise::register(module)
}
// ANCHOR_END: module
