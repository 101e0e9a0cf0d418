//! Exercise solution: `mean` exposed to Python as `rust_kernels.mean(x)`.

use numpy::PyReadonlyArray1;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

/// The arithmetic mean of `values`; `None` when there are none.
pub fn mean(values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    Some(values.iter().sum::<f64>() / values.len() as f64)
}

// ANCHOR: solution
/// mean(x): the mean of a one-dimensional float64 array, read in place.
/// rust-numpy checks the type (a `TypeError` otherwise); `as_slice` needs
/// the elements side by side.
#[pyfunction(name = "mean")]
fn mean_py(x: PyReadonlyArray1<'_, f64>) -> PyResult<f64> {
    let values = x
        .as_slice()
        .map_err(|_| PyValueError::new_err("x is not contiguous"))?;
    mean(values).ok_or_else(|| PyValueError::new_err("the mean of an empty array is undefined"))
}

/// Adds this file's functions to the module `rust_kernels`.
pub fn register(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_function(wrap_pyfunction!(mean_py, module)?)
}
// ANCHOR_END: solution
