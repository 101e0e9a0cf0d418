//! Exercise "a round trip through NumPy": write a 2-D grid to a `.npy` file,
//! read it back, and compare with a CSV file of 6 decimals. Edit this file,
//! then check it with
//!     cargo xtask exercise roundtrip
use scientific_data::Error;
use std::path::Path;

// ANCHOR: starter
/// 1. Write `values`, a `rows x cols` grid in C order, to `path` as a `.npy`
///    array of shape `[rows, cols]` (see `scientific_data::npy`).
pub fn write_grid(path: &Path, rows: usize, cols: usize, values: &[f64]) -> Result<(), Error> {
    let _ = (path, rows, cols, values);
    Ok(()) // not written yet
}

/// 2. Read a `.npy` file back: its shape and its values.
pub fn read_grid(path: &Path) -> Result<(Vec<usize>, Vec<f64>), Error> {
    let _ = path;
    Ok((Vec::new(), Vec::new())) // not read yet
}

/// 3. Write `values` to `path` as CSV with `decimals` decimals
///    (`csv::write_fixed`), read them back (`csv::read`), and return the
///    largest difference from `values` (`check::max_abs_difference`).
pub fn csv_error(path: &Path, values: &[f64], decimals: usize) -> Result<f64, Error> {
    let _ = (path, values, decimals);
    Ok(0.0) // not measured yet
}
// ANCHOR_END: starter
