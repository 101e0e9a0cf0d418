//! Exercise "find the bug": make the column-by-column sum as fast as the
//! row-by-row one, in two different ways. Edit this file, then check it with
//!     cargo xtask exercise loop_order
use motivation::RowMajor;

// ANCHOR: fix_loops
/// Fix 1: keep the row-major array; change only the loops.
pub fn sum_fixed_loops(a: &RowMajor) -> f64 {
    let mut total = 0.0;
    for j in 0..a.cols {
        for i in 0..a.rows {
            total += a.get(i, j);
        }
    }
    total
}
// ANCHOR_END: fix_loops

// ANCHOR: fix_layout
/// Fix 2: keep the column-by-column loop of `sum_fixed_layout`; change where
/// element `(i, j)` of a `rows x cols` array lives in the flat `Vec`.
pub fn position(rows: usize, cols: usize, i: usize, j: usize) -> usize {
    let _ = rows; // row-major storage does not need the number of rows
    i * cols + j
}

/// Sums an array stored by `position`, column by column. Leave this as it is.
pub fn sum_fixed_layout(data: &[f64], rows: usize, cols: usize) -> f64 {
    let mut total = 0.0;
    for j in 0..cols {
        for i in 0..rows {
            total += data[position(rows, cols, i, j)];
        }
    }
    total
}
// ANCHOR_END: fix_layout
