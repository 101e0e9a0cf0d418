//! Exercise: make `mean` callable from Python as `rust_kernels.mean(x)`,
//! for a one-dimensional float64 NumPy array `x`, read in place (no copy).
//! An empty array has no mean: raise a `ValueError` whose message says
//! "empty". Check: `cargo xtask exercise own_function`.

use pyo3::prelude::*;

// ANCHOR: mean
/// The arithmetic mean of `values`; `None` when there are none.
pub fn mean(values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    Some(values.iter().sum::<f64>() / values.len() as f64)
}
// ANCHOR_END: mean

/// Adds this file's functions to the module `rust_kernels`.
pub fn register(module: &Bound<'_, PyModule>) -> PyResult<()> {
    // Nothing is exposed yet.
    let _ = module;
    Ok(())
}
