//! One solution of "a round trip through NumPy".
use scientific_data::check::max_abs_difference;
use scientific_data::{Error, csv, npy};
use std::path::Path;

// ANCHOR: solution
/// 1. The header records the shape; the values follow in C order.
pub fn write_grid(path: &Path, rows: usize, cols: usize, values: &[f64]) -> Result<(), Error> {
    npy::write_array(path, &[rows, cols], values)
}

/// 2. The reader checks the header before it trusts the data.
pub fn read_grid(path: &Path) -> Result<(Vec<usize>, Vec<f64>), Error> {
    npy::read_array(path)
}

/// 3. Fixed decimals round every value to a multiple of 10^-decimals.
pub fn csv_error(path: &Path, values: &[f64], decimals: usize) -> Result<f64, Error> {
    csv::write_fixed(path, values, decimals)?;
    let back = csv::read(path)?;
    Ok(max_abs_difference(&back, values))
}
// ANCHOR_END: solution
